"""A 500-page script in the editor: open, edit, navigate, paginate, export (run on demand).

:func:`build_script` makes the script (``tests/test_large_script.py`` uses the same one):
Big Fish from the shared corpus, a 125-page feature, told again and again as parts (a
section ``# Part N`` each, every scene heading of a later part marked ``- PART N``), until
the core's pagination counts the pages asked for.

Figures, one line each:

1. open: from launching a fresh Python process to the main window painted with the script
   (``bench_editor.startup_seconds``);
2. edit: keystroke to repaint in the middle (``bench_editor.keystroke_ms``), and from an
   edit to the whole-script analysis delivered (parse, paginate, outline; after the 700 ms
   typing pause);
3. navigation: a click on the last scene in the navigator, and Go to Scene, to the caret
   on that heading and the editor repainted;
4. pagination: parse and paginate with the core alone;
5. exports: PDF, FDX and Fountain, each through the window's document.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/large_script.py [PAGES]
"""

from __future__ import annotations

import itertools
import math
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reelwright.screenplay.layout import Layout

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SOURCE = CORPUS / "Big-Fish.fountain"

TITLE = (
    "Title: The Long River\n"
    "Credit: written by\n"
    "Author: The Reelwright Tests\n"
    "Source: Big Fish by John August, told again and again\n"
    "Draft date: 500 pages\n"
    "\n"
)


def _parts(source: Path) -> Iterator[str]:
    """The source's body, part after part, one scene (or the part's opening) at a time."""
    from reelwright.screenplay.elements import ElementType
    from reelwright.screenplay.parser import parse
    from reelwright.screenplay.textio import read_script_text

    text = read_script_text(source).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    script = parse(text)
    body_start = script.elements[0].start_line  # after the title page
    headings = [
        element.start_line
        for element in script.elements
        if element.type is ElementType.SCENE_HEADING
    ]
    cuts = [body_start, *headings, len(lines)]
    scenes = ["\n".join(lines[a:b]).strip("\n") + "\n" for a, b in itertools.pairwise(cuts)]
    for part in itertools.count(1):
        yield f"\n# Part {part}\n\n{scenes[0]}"
        for scene in scenes[1:]:
            if part > 1:
                heading, _, rest = scene.partition("\n")
                scene = f"{heading} - PART {part}\n{rest}"
            yield "\n" + scene


def page_count(text: str, layout: Layout | None = None) -> int:
    from reelwright.screenplay.pagination import paginate
    from reelwright.screenplay.parser import parse

    return paginate(parse(text), layout).page_count


def build_script(pages: int = 500, layout: Layout | None = None) -> str:
    """A script of at least ``pages`` pages (a scene or two more) with ``layout`` (the
    locale's paper when None), built from the corpus feature."""
    chunks = _parts(SOURCE)
    body: list[str] = []
    count = 0
    while True:
        if body:
            text = TITLE + "".join(body)
            count = page_count(text, layout)
            if count >= pages:
                return text
        # Add scenes in proportion to the pages still missing (a whole part at first).
        per_chunk = count / len(body) if body and count else 0.0
        wanted = math.ceil((pages - count) / per_chunk) if per_chunk else 200
        body.extend(itertools.islice(chunks, max(1, wanted)))


# The benchmark ---------------------------------------------------------------------------------
def _timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def _in_window(path: Path, folder: Path) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    import reelwright.desktop  # noqa: F401 - the PySide6 work-around first
    from reelwright.desktop.app import application, create_window
    from reelwright.desktop.settings import Settings

    app = application()
    settings = Settings()
    settings.set("spelling/enabled", True)  # as a writer keeps it
    window = create_window(path, settings, offer_recovery=False)
    window.show()
    window.wait_until_ready()  # the analysis runs on the worker after the window shows
    editor = window.editor
    app.processEvents()
    painted: list[float] = []
    editor.paint_hooks.append(lambda: painted.append(time.perf_counter()))

    def until_painted(started: float) -> float:
        deadline = started + 10.0
        while not painted and time.perf_counter() < deadline:
            QApplication.processEvents()
        return (painted[0] if painted else float("nan")) - started

    # Edit to analysis: a keystroke in the middle, then the pause, the worker, the result.
    editor.go_to_line(editor.document().blockCount() // 2)
    app.processEvents()
    delivered: list[float] = []
    window.analysis_ready.connect(lambda _analysis: delivered.append(time.perf_counter()))
    sent = time.perf_counter()
    QTest.keyClicks(editor, "x")
    while not delivered and time.perf_counter() < sent + 60:
        QApplication.processEvents()
        time.sleep(0.001)
    analysis = window.analyzer.latest
    seconds = analysis.seconds if analysis is not None else float("nan")
    reused = analysis.reused_pages if analysis is not None else 0
    pages = analysis.page_count if analysis is not None else 0
    print(
        f"edit to analysis delivered: {delivered[0] - sent:.2f} s "
        f"(the 0.70 s typing pause, then {seconds:.2f} s of incremental parse + paginate + "
        f"count on the worker thread; {reused} of {pages} pages taken over)"
    )

    # Navigation: the navigator's last scene, then Go to Scene to the middle one.
    scenes = [entry for entry in window.navigator.entries if entry.kind == "scene"]
    last = scenes[-1]
    item = window.navigator._items_by_line[last.line]
    painted.clear()
    sent = time.perf_counter()
    window.navigator.tree.itemClicked.emit(item, 0)
    jump = until_painted(sent)
    assert editor.textCursor().blockNumber() == last.line
    middle = scenes[len(scenes) // 2]
    painted.clear()
    sent = time.perf_counter()
    window.go_to_scene(middle.number)
    go = until_painted(sent)
    assert editor.textCursor().blockNumber() == middle.line
    print(f"navigator click to scene {last.number} (the last) painted: {jump * 1000:.0f} ms")
    print(f"go to scene {middle.number} painted: {go * 1000:.0f} ms")

    # Exports through the document, as File > Export does.
    for suffix in ("pdf", "fdx", "fountain"):
        target = folder / f"large.{suffix}"
        seconds = _timed(lambda target=target: window.document.export(target))
        print(f"export {suffix.upper()}: {seconds:.2f} s ({target.stat().st_size / 1e6:.1f} MB)")
    editor.document().setModified(False)
    window.close()
    window.analyzer.shutdown()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench_editor import keystroke_ms, startup_seconds, window_before_analysis

    from reelwright.screenplay.pagination import paginate
    from reelwright.screenplay.parser import parse

    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    started = time.perf_counter()
    text = build_script(pages)
    built = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ.setdefault("REELWRIGHT_HOME", str(folder / "home"))  # no real settings
        path = folder / "large.fountain"
        path.write_text(text, encoding="utf-8")
        script = parse(text)
        scenes = sum(1 for element in script.elements if element.type.name == "SCENE_HEADING")
        print(
            f"script: {paginate(script).page_count} pages, {scenes} scenes, "
            f"{len(text) / 1e6:.2f} MB, {text.count(chr(10)):,} lines (built in {built:.1f} s)"
        )
        parse_s = min(_timed(lambda: parse(text)) for _ in range(3))
        paginate_s = min(_timed(lambda: paginate(script)) for _ in range(3))
        print(f"parse: {parse_s * 1000:.0f} ms, paginate: {paginate_s * 1000:.0f} ms (best of 3)")
        starts = startup_seconds(path, runs=3, spelling=True)
        print(
            f"open, process start to painted window: median {statistics.median(starts):.2f} s, "
            f"worst {max(starts):.2f} s ({len(starts)} runs)"
        )
        painted, delivered, count = window_before_analysis(path, spelling=True)
        print(
            f"window painted {painted:.2f} s after process start, its analysis "
            f"({count} pages) delivered at {delivered:.2f} s (Analyzer.start, on the worker)"
        )
        samples = sorted(keystroke_ms(path, keys=200, spelling=True))
        p50 = samples[len(samples) // 2]
        p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
        print(
            f"keystroke to repaint in the middle: p50 {p50:.2f} ms, p99 {p99:.2f} ms, "
            f"max {samples[-1]:.2f} ms ({len(samples)} keys)"
        )
        _in_window(path, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
