"""What revision marking costs while typing (run on demand, not by the suite).

1. ``carry_lines``: carrying a script's marks over one keystroke's lines (the document does
   it on every edit), against ``carry`` over the whole text, on Big Fish with a mark on
   every seventh line.
2. Keystroke to repaint in the real window, typing in the middle of Big Fish: without
   production data, and in a Blue round with those marks, typing onto a marked line (each
   key is marked and coloured as it is typed). The time from the key event (QTest) to the
   end of the editor's next paint (a paint hook), as ``bench_editor.py`` takes it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_production.py [SCRIPT]
        [--keys 300]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from reelwright.screenplay.production_file import ProductionData

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
DEFAULT = CORPUS / "Big-Fish.fountain"
TYPED = "the ferry waits at the slip while the gulls circle "


def marked(text: str) -> ProductionData:
    from reelwright.screenplay.revisions import Span

    data = ProductionData()
    data.revisions.start_round(date="2025-03-10")
    data.revisions.marks = {
        number: (Span(0, min(5, len(line)), 1),)
        for number, line in enumerate(text.split("\n"))
        if line.strip() and number % 7 == 0
    }
    return data


def percentiles(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"p50 {statistics.median(values) * 1e3:.2f} ms, p95 {p95 * 1e3:.2f} ms"


def bench_carry(text: str, keys: int) -> None:
    lines = text.split("\n")
    data = marked(text)
    middle = next(n for n in range(len(lines) // 2, len(lines)) if n % 7 == 0 and lines[n])
    regional: list[float] = []
    whole: list[float] = []
    line = lines[middle]
    for count in range(keys):
        old = line[:5] + TYPED[: count % len(TYPED)] + line[5:]
        new = line[:5] + TYPED[: count % len(TYPED) + 1] + line[5:]
        before, after = lines[middle - 1 : middle + 3], lines[middle - 1 : middle + 3]
        before[1], after[1] = old, new
        started = time.perf_counter()
        data.carry_lines(middle - 1, before, after, 1, characters=True, at=5)
        regional.append(time.perf_counter() - started)
        if count < 40:  # the whole text: slow, a few are enough
            old_text = "\n".join([*lines[:middle], old, *lines[middle + 1 :]])
            new_text = "\n".join([*lines[:middle], new, *lines[middle + 1 :]])
            copy = data.copy()
            started = time.perf_counter()
            copy.carry(old_text, new_text, 1, characters=True)
            whole.append(time.perf_counter() - started)
    print(f"marks carried: {len(data.revisions.marks)} marked lines of {len(lines)}")
    print(f"  carry_lines (one keystroke's lines): {percentiles(regional)}")
    print(f"  carry (the whole text):              {percentiles(whole)}")


def bench_window(path: Path, keys: int, with_marks: bool) -> list[float]:
    from PySide6.QtTest import QTest

    from reelwright.desktop.app import application, create_window
    from reelwright.desktop.documents import Prompts, UnsavedChoice
    from reelwright.desktop.settings import Settings
    from reelwright.screenplay import production_file

    class Discard(Prompts):
        def unsaved(self, name: str) -> UnsavedChoice:
            return "discard"

    app = application()
    text = path.read_text("utf-8")
    data = marked(text) if with_marks else ProductionData()
    folder = Path(tempfile.mkdtemp())
    script = folder / path.name
    script.write_text(production_file.write(text, data), "utf-8")
    settings = Settings()
    settings.set("spelling/enabled", False)
    window = create_window(script, settings, offer_recovery=False, prompts=Discard())
    window.resize(1200, 900)
    window.show()
    window.wait_until_ready()
    editor = window.editor
    lines = text.split("\n")
    middle = next(n for n in range(len(lines) // 2, len(lines)) if n % 7 == 0 and lines[n])
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(middle).position() + 5)
    editor.setTextCursor(cursor)
    painted: list[float] = []
    editor.paint_hooks.append(lambda: painted.append(time.perf_counter()))
    times: list[float] = []
    for count in range(keys):
        painted.clear()
        started = time.perf_counter()
        QTest.keyClicks(editor, TYPED[count % len(TYPED)])
        editor.viewport().repaint()
        app.processEvents()
        if painted:
            times.append(painted[0] - started)
    window.document.editor.document().setModified(False)
    window.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("script", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--keys", type=int, default=300)
    args = parser.parse_args()
    text = args.script.read_text("utf-8")
    print(args.script.name)
    bench_carry(text, args.keys)
    plain = bench_window(args.script, args.keys, with_marks=False)
    revised = bench_window(args.script, args.keys, with_marks=True)
    print("keystroke to repaint in the window:")
    print(f"  no production data:          {percentiles(plain)}")
    print(f"  Blue round, typing on marks: {percentiles(revised)}")


if __name__ == "__main__":
    main()
