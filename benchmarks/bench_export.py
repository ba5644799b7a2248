"""Benchmark: whole-process PDF export of Big Fish against screenplain and afterwriting.

Run on demand (not part of the test suite)::

    .venv/bin/python benchmarks/bench_export.py [--runs 5] [--script PATH]
        [--afterwriting PATH/TO/awc.js]

Each tool is started as its own process, the same number of times, interleaved so that a
busy machine slows all of them alike; the median wall time is reported with the page
count of the PDF each one wrote. Target (issue 3): Reelwright at most half the time of
either. afterwriting is the npm package ``afterwriting`` (``npm install afterwriting`` in a
temporary folder); it is looked up on PATH, in /tmp/aw and in $AFTERWRITING.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
BIN = Path(sys.executable).parent


def find_afterwriting(given: str | None) -> list[str] | None:
    candidates = [
        given,
        os.environ.get("AFTERWRITING"),
        shutil.which("afterwriting"),
        "/tmp/aw/node_modules/.bin/afterwriting",
    ]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return [candidate]
    return None


def commands(script: Path, out: Path, afterwriting: list[str] | None) -> dict[str, list[str]]:
    reelwright = BIN / "reelwright"
    ours = (
        [str(reelwright)] if reelwright.exists() else [sys.executable, "-m", "reelwright.cli.main"]
    )
    found = {
        "reelwright": [*ours, "export", str(script), "-o", str(out / "reelwright.pdf")],
    }
    screenplain = shutil.which("screenplain", path=str(BIN)) or shutil.which("screenplain")
    if screenplain:
        found["screenplain"] = [
            screenplain,
            "--format",
            "pdf",
            str(script),
            str(out / "screenplain.pdf"),
        ]
    if afterwriting:
        found["afterwriting"] = [
            *afterwriting,
            "--source",
            str(script),
            "--pdf",
            str(out / "afterwriting.pdf"),
            "--overwrite",
        ]
    return found


def page_count(path: Path) -> int | None:
    try:
        import pypdf
    except ImportError:
        return None
    return len(pypdf.PdfReader(path).pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--script", type=Path, default=CORPUS / "Big-Fish.fountain")
    parser.add_argument("--afterwriting", help="path to afterwriting's awc.js")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        tools = commands(args.script, out, find_afterwriting(args.afterwriting))
        times: dict[str, list[float]] = {name: [] for name in tools}
        env = dict(os.environ, LC_PAPER="en_US.UTF-8")
        for command in tools.values():  # one warm-up run each (disk cache)
            subprocess.run(command, check=True, capture_output=True, env=env, cwd=folder)
        for _ in range(args.runs):
            for name, command in tools.items():
                start = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True, env=env, cwd=folder)
                times[name].append(time.perf_counter() - start)
        print(f"{args.script.name}: median of {args.runs} runs, whole process")
        print(f"{'tool':<14}{'median s':>10}{'min s':>8}{'PDF pages':>11}")
        medians = {name: statistics.median(values) for name, values in times.items()}
        for name, values in times.items():
            pages = page_count(out / f"{name}.pdf")
            print(f"{name:<14}{medians[name]:>10.3f}{min(values):>8.3f}{pages!s:>11}")
        ours = medians["reelwright"]
        for name, median in medians.items():
            if name != "reelwright":
                verdict = "ok" if ours <= median / 2 else "MISSED"
                print(f"reelwright / {name}: {ours / median:.2f} (target <= 0.50: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
