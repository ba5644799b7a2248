"""Time our Fountain parser against screenplain's and jouvence's on the same text.

Run: ``.venv/bin/python benchmarks/bench_parse.py [FILE]`` (default: Big Fish from the shared
corpus, a 120-page feature). Each parser gets the same decoded text; the best of several
rounds is reported, and the ratios say how many times faster ours is. Target: at least 3x
faster than screenplain.

``--hostile`` times the shapes that made the note and boneyard scans quadratic (issue 18:
a 40 KB line of ``[[`` took 8.4 s, a 100 KB file of unclosed markers past 60 s); each
must parse well under a second.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reelwright.screenplay.parser import parse
from reelwright.screenplay.textio import read_script_text

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "Big-Fish.fountain"


def best_ms(function: Callable[[], object], rounds: int) -> float:
    """The fastest of ``rounds`` runs, in milliseconds (the least disturbed by the machine)."""
    function()  # warm caches and imports
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best * 1000


HOSTILE = {
    "40 KB line of [[": "[[" * 20_000,
    "100 KB of unclosed [[ in lines": ("Rain [[ falls.\n\nBOB [[\nHi [[ there.\n\n" * 5000)[
        :100_000
    ],
    "100 KB of /* after one */": "*/\n" + "/* " * 33_000,
    "100 KB of full-width ［［": "［［" * 50_000,
}


def hostile(rounds: int) -> None:
    for name, text in HOSTILE.items():
        print(f"  {name:<34} {best_ms(lambda text=text: parse(text), rounds):9.2f} ms")


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("file", nargs="?", default=str(DEFAULT))
    options.add_argument("--rounds", type=int, default=20)
    options.add_argument("--hostile", action="store_true", help="time the hostile shapes")
    args = options.parse_args(argv)
    if args.hostile:
        hostile(max(1, args.rounds // 5))
        return 0
    text = read_script_text(args.file)
    lines = text.count("\n") + 1
    print(f"{Path(args.file).name}: {len(text):,} characters, {lines:,} lines")

    ours = best_ms(lambda: parse(text), args.rounds)
    script = parse(text)
    print(f"  reelwright   {ours:8.2f} ms  ({len(script.elements)} elements)")
    results: dict[str, float] = {}
    try:
        from screenplain.parsers import fountain as screenplain_fountain

        results["screenplain"] = best_ms(
            lambda: screenplain_fountain.parse(io.StringIO(text)), args.rounds
        )
    except ImportError:
        print("  screenplain  not installed (pip install '.[bench]')")
    try:
        from jouvence.parser import JouvenceParser

        results["jouvence"] = best_ms(lambda: JouvenceParser().parseString(text), args.rounds)
    except ImportError:
        print("  jouvence     not installed (pip install '.[bench]')")
    for name, ms in results.items():
        print(f"  {name:<12} {ms:8.2f} ms  ours is {ms / ours:5.1f}x faster")
    if "screenplain" in results:
        ratio = results["screenplain"] / ours
        verdict = "met" if ratio >= 3 else "NOT met"
        print(f"target (>= 3x faster than screenplain): {verdict} ({ratio:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
