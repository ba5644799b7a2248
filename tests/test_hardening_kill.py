"""SIGKILL during save and export: the file on disk is always a whole version.

A child process saves a script (atomic_write_text) and exports it to PDF, FDX and Fountain
in a loop, alternating two versions; the test kills it at random moments and checks that
every file on disk is exactly one of the versions (or a whole export), never empty or half.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

DRIVER = r"""
import sys
from pathlib import Path
from reelwright.screenplay.fileio import atomic_write_text
from reelwright.screenplay.parser import parse
from reelwright import exporters

folder = Path(sys.argv[1])
versions = [folder.joinpath("a.txt").read_text(), folder.joinpath("b.txt").read_text()]
n = 0
print("ready", flush=True)
while True:
    text = versions[n % 2]
    atomic_write_text(folder / "script.fountain", text)
    script = parse(text)
    for suffix in (".pdf", ".fdx", ".fountain"):
        exporters.export(script, folder / ("out" + suffix))
    n += 1
"""


def _check(folder: Path, versions: list[str]) -> None:
    text = (folder / "script.fountain").read_text(encoding="utf-8")
    assert text in versions
    pdf = folder / "out.pdf"
    if pdf.exists():
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:]
    fdx = folder / "out.fdx"
    if fdx.exists():
        assert fdx.read_text(encoding="utf-8").rstrip().endswith("</FinalDraft>")
    fountain = folder / "out.fountain"
    if fountain.exists():
        assert fountain.stat().st_size > 0


def test_kill_during_save_and_export(tmp_path: Path) -> None:
    base = "Title: Kill\n\nINT. ROOM - DAY\n\nA test.\n\nBOB\nHello.\n"
    versions = [base + "\nEXT. A - NIGHT\n\nOld.\n" * 40, base + "\nEXT. B - DAY\n\nNew!\n" * 60]
    (tmp_path / "a.txt").write_text(versions[0], encoding="utf-8")
    (tmp_path / "b.txt").write_text(versions[1], encoding="utf-8")
    (tmp_path / "script.fountain").write_text(versions[0], encoding="utf-8")
    rng = random.Random(9)
    kills = 0
    for _ in range(30):
        child = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(tmp_path)],
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        if child.returncode == -signal.SIGKILL:
            kills += 1
        _check(tmp_path, versions)
    assert kills == 30
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    # A kill between mkstemp and os.replace may leave a temporary file; never the target.
    assert all(name.startswith(".") for name in leftovers)
