"""Editor timings on Big Fish and on a 500-page script (run on demand, not by the suite).

1. Start-up: from launching a fresh Python process to an interactive main window with the
   script loaded, laid out and painted (target < 1 s for Big Fish).
2. Keystroke to repaint: typing in the middle of the script, the time from sending a key
   event (QTest) to the end of the editor's next paint, taken by a paint hook; idle, and
   while the whole-script analysis runs on its worker (one is started every 40 keys, as
   typing pauses would). Targets (issue 18): p99 < 16 ms and worst < 33 ms.
3. A long script's window shows before its analysis ends: in a fresh process, the window
   is opened with the analysis started on the worker (``Analyzer.start``), and the time
   to the first paint is set against the time to the analysis delivered.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_editor.py [SCRIPT ...]
        [--pages 500] [--keys 400]

Without a script, Big Fish and a script of ``--pages`` pages built by ``large_script.py``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
DEFAULT = CORPUS / "Big-Fish.fountain"

CHILD = """
import sys, time
from reelwright.desktop.app import application, create_window
from reelwright.desktop.settings import Settings
from PySide6.QtCore import QTimer
app = application()
settings = Settings()
settings.set("spelling/enabled", sys.argv[2] == "1")
window = create_window(sys.argv[1], settings, offer_recovery=False)
window.show()
painted = []
window.editor.paint_hooks.append(lambda: painted.append(time.time()))
def ready():
    if painted:
        print(f"{painted[0]:.6f}", flush=True)
        window.document.editor.document().setModified(False)
        app.quit()
    else:
        QTimer.singleShot(1, ready)
QTimer.singleShot(0, ready)
app.exec()
"""

FIRST_PAINT = """
import sys, time
started = float(sys.argv[2])
from reelwright.desktop.app import application
from reelwright.desktop.main_window import MainWindow
from reelwright.desktop.settings import Settings
from PySide6.QtCore import QTimer
app = application()
settings = Settings()
settings.set("spelling/enabled", sys.argv[3] == "1")
window = MainWindow(settings)
window.document.open(sys.argv[1], ask=False)
window.analyzer.start()  # on the worker: the window does not wait for it
window.show()
painted, delivered = [], []
window.editor.paint_hooks.append(lambda: painted.append(time.time()))
window.analysis_ready.connect(lambda analysis: delivered.append((time.time(), analysis.page_count)))
def check():
    if painted and delivered:
        print(f"{painted[0] - started:.3f} {delivered[0][0] - started:.3f} {delivered[0][1]}")
        window.document.editor.document().setModified(False)
        app.quit()
    else:
        QTimer.singleShot(5, check)
QTimer.singleShot(0, check)
app.exec()
"""


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}


def startup_seconds(script: Path, runs: int = 5, spelling: bool = True) -> list[float]:
    results = []
    for _ in range(runs):
        started = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(script), "1" if spelling else "0"],
            capture_output=True,
            text=True,
            env=_env(),
            check=True,
        )
        results.append(float(out.stdout.strip().splitlines()[-1]) - started)
    return results


def window_before_analysis(script: Path, spelling: bool = True) -> tuple[float, float, int]:
    """Seconds from process start to the first paint and to the analysis delivered, and
    the page count it delivered."""
    started = time.time()
    flag = "1" if spelling else "0"
    out = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(script), f"{started:.6f}", flag],
        capture_output=True,
        text=True,
        env=_env(),
        check=True,
    )
    painted, delivered, pages = out.stdout.strip().splitlines()[-1].split()
    return float(painted), float(delivered), int(pages)


def keystroke_ms(
    script: Path, keys: int = 400, analysing: bool = False, spelling: bool = True
) -> list[float]:
    """With ``analysing``, a whole-script analysis is started on the worker thread every
    40 keys, as a typing pause would, and the typing goes on while it runs."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reelwright.desktop.app import application, create_window
    from reelwright.desktop.settings import Settings

    app = application()
    settings = Settings()
    settings.set("spelling/enabled", spelling)
    window = create_window(script, settings, offer_recovery=False)
    window.resize(1280, 860)
    window.show()
    editor = window.editor
    app.processEvents()
    middle = editor.document().blockCount() // 2
    # A dialogue line in the middle: typing there exercises cue/dialogue state.
    block = editor.document().findBlockByNumber(middle)
    while block.isValid() and not block.text().strip():
        block = block.next()
    editor.go_to_line(block.blockNumber())
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    app.processEvents()
    painted: list[float] = []
    editor.paint_hooks.append(lambda: painted.append(time.perf_counter()))
    text = "and then the river took the whole town with it "
    samples = []
    busy = 0
    for index in range(keys):
        char = text[index % len(text)]
        if analysing and index % 40 == 0:
            window.analyzer.start()
        busy += analysing and window.analyzer.busy()
        painted.clear()
        sent = time.perf_counter()
        if index % 60 == 59:
            QTest.keyClick(editor, Qt.Key.Key_Return)
        else:
            QTest.keyClicks(editor, char)
        deadline = sent + 1.0
        while not painted and time.perf_counter() < deadline:
            QApplication.processEvents()
        if painted:
            samples.append((painted[0] - sent) * 1000)
    if analysing:
        print(f"  the worker was analysing at {busy} of {keys} keystrokes")
    window.analyzer.shutdown()
    analysis = window.analyzer.run_now()
    if analysis is not None:
        print(
            f"  analysis after an edit (incremental: parse, paginate, count): "
            f"{analysis.seconds * 1000:.0f} ms, {analysis.reused_pages} of "
            f"{analysis.page_count} pages taken over"
        )
    editor.document().setModified(False)
    window.close()
    window.analyzer.shutdown()
    return samples


def _percentiles(samples: list[float]) -> str:
    samples = sorted(samples)
    p50 = samples[len(samples) // 2]
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    return f"p50 {p50:.2f} ms, p99 {p99:.2f} ms, worst {samples[-1]:.2f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scripts", nargs="*", type=Path)
    parser.add_argument("--pages", type=int, default=500, help="size of the long script")
    parser.add_argument("--keys", type=int, default=400)
    parser.add_argument("--runs", type=int, default=3, help="start-ups per script")
    parser.add_argument(
        "--no-spelling",
        action="store_true",
        help="spell checking off (to measure the editor and the analysis alone)",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("REELWRIGHT_HOME", str(Path(folder) / "home"))
        scripts = list(args.scripts)
        if not scripts:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from large_script import build_script

            from reelwright.screenplay.layout import LETTER

            long = Path(folder) / f"long-{args.pages}.fountain"
            long.write_text(build_script(args.pages, LETTER), encoding="utf-8")
            scripts = [DEFAULT, long]
        for script in scripts:
            spelling = not args.no_spelling
            starts = startup_seconds(script, runs=args.runs, spelling=spelling)
            print(f"{script.name}: start-up to painted window, {len(starts)} runs")
            print(f"  median {statistics.median(starts):.3f} s, worst {max(starts):.3f} s")
            painted, delivered, pages = window_before_analysis(script, spelling)
            print(
                f"  with the analysis on the worker: window painted at {painted:.2f} s, "
                f"analysis ({pages} pages) delivered at {delivered:.2f} s"
            )
            for analysing in (False, True):
                samples = keystroke_ms(
                    script, keys=args.keys, analysing=analysing, spelling=spelling
                )
                during = " while the worker analyses the script" if analysing else ""
                print(f"  keystroke to repaint, {len(samples)} keys in the middle{during}")
                print(f"    {_percentiles(samples)} (targets: p99 < 16 ms, worst < 33 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
