"""A 500-page script in the real main window: it opens, an edit in the middle works,
navigation lands on the right line, pagination counts 500 pages or more, and the PDF, FDX and
Fountain exports are whole.

The script is built by ``benchmarks/large_script.py`` (one builder for this test and the
benchmark that times the same steps): Big Fish from the shared corpus, told again as parts.
No timings are asserted here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt

from reelwright.desktop.app import create_window
from reelwright.desktop.settings import Settings
from reelwright.screenplay.elements import ElementType, Script
from reelwright.screenplay.emphasis import plain_text
from reelwright.screenplay.layout import layout_for
from reelwright.screenplay.pagination import paginate
from reelwright.screenplay.parser import parse

BUILDER = Path(__file__).resolve().parent.parent / "benchmarks" / "large_script.py"
PAGES = 500
NBSP = "\u00a0"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("large_script", BUILDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def large_text(corpus_dir: Path) -> str:
    return _builder().build_script(PAGES)


def _elements(script: Script) -> list[tuple[ElementType, str]]:
    return [(element.type, element.text) for element in script.elements]


def _printed(script: Script) -> list[tuple[ElementType, str]]:
    """Element types and the text they print (FDX keeps what prints, not every escape)."""
    return [(element.type, plain_text(element.text)) for element in script.elements]


@pytest.mark.slow
def test_500_pages_open_edit_navigate_paginate_export(qtbot, tmp_path, large_text):
    path = tmp_path / "long-river.fountain"
    path.write_text(large_text, encoding="utf-8")
    settings = Settings()
    # Spell check on, as a writer keeps it: its first highlighting of 500 pages does the
    # blocks on screen and the rest while the window is idle.
    settings.set("spelling/enabled", True)
    window = create_window(path, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    editor = window.editor
    layout = layout_for(None)

    # Open: the whole text, unmodified (no-break spaces too), analysed on the worker after
    # the window showed.
    assert editor.script_text() == large_text
    assert not window.document.modified
    qtbot.waitUntil(lambda: window.analyzer.latest is not None, timeout=120_000)
    analysis = window.analyzer.latest
    assert analysis is not None
    script = parse(large_text)
    pagination = paginate(script, layout)
    assert PAGES <= analysis.page_count == pagination.page_count < PAGES + 10  # not 600
    headings = [e for e in script.elements if e.type is ElementType.SCENE_HEADING]
    assert analysis.scenes == len(headings) > 700
    assert headings[-1].text.endswith(("- PART 4", "- PART 5"))  # Big Fish, told four times

    # Navigate: a click on the last scene in the navigator puts the caret on its heading,
    # and the status bar shows that scene and its page.
    scenes = [entry for entry in window.navigator.entries if entry.kind == "scene"]
    assert len(scenes) == len(headings)
    last = scenes[-1]
    assert last.line == headings[-1].start_line
    tree = window.navigator.tree
    item = window.navigator._items_by_line[last.line]
    tree.scrollToItem(item)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    assert editor.textCursor().blockNumber() == last.line
    assert editor.textCursor().block().text() == large_text.split("\n")[last.line].replace(
        NBSP, " "
    )
    page = pagination.page_of_line(last.line)
    assert window.status.page_label.text() == f"Page {page} of {pagination.page_count}"
    assert window.status.scene_label.text() == f"Scene {last.number}"
    assert page >= PAGES - 2  # the last scene is near the end

    # Go to Scene, to the middle one.
    middle = scenes[len(scenes) // 2]
    assert window.go_to_scene(middle.number)
    assert (
        editor.textCursor().blockNumber() == middle.line == headings[len(headings) // 2].start_line
    )

    # Edit in the middle: type at the end of the first action line after that heading.
    action = next(
        e for e in script.elements if e.type is ElementType.ACTION and e.start_line > middle.line
    )
    block = editor.document().findBlockByNumber(action.start_line)
    cursor = editor.textCursor()
    cursor.setPosition(block.position() + block.length() - 1)
    editor.setTextCursor(cursor)
    with qtbot.waitSignal(window.analysis_ready, timeout=120_000) as ready:
        qtbot.keyClicks(editor, " The river rose in the night.")
    # Incremental: the scenes around the edit parsed again, the pages around it made again.
    assert ready.args[0].reused_pages >= PAGES // 2
    lines = large_text.split("\n")
    lines[block.blockNumber()] += " The river rose in the night."
    edited = "\n".join(lines)
    assert editor.script_text() == edited
    assert window.document.modified and window.isWindowModified()
    # The analysis after the typing pause is of the edited text.
    after = ready.args[0]
    assert after is window.analyzer.latest
    assert any("The river rose in the night." in e.text for e in after.script.elements)
    edited_script = parse(edited)
    pages = paginate(edited_script, layout).page_count
    assert after.page_count == pages >= PAGES

    # Exports: whole files of the edited script.
    from pypdf import PdfReader

    from reelwright.exporters.fdx import read_fdx

    pdf = tmp_path / "long-river.pdf"
    assert window.document.export(pdf)
    reader = PdfReader(pdf, strict=True)
    assert len(reader.pages) == pages + 1  # and the title page
    last_words = edited.rstrip().rsplit(None, 1)[-1].strip("*_.")
    assert last_words in reader.pages[-1].extract_text()
    fdx = tmp_path / "long-river.fdx"
    assert window.document.export(fdx)
    assert fdx.read_bytes().rstrip().endswith(b"</FinalDraft>")
    assert _printed(read_fdx(fdx)) == _printed(edited_script)
    fountain = tmp_path / "out" / "long-river.fountain"
    fountain.parent.mkdir()
    assert window.document.export(fountain)
    assert _elements(parse(fountain.read_text(encoding="utf-8"))) == _elements(edited_script)
    assert path.read_text(encoding="utf-8") == large_text  # exporting never saves the script
    editor.document().setModified(False)


def test_the_editor_keeps_no_break_spaces(qtbot, tmp_path):
    path = tmp_path / "nbsp.fountain"
    text = f"INT. HOUSE - DAY\n\nWILL{NBSP}\nTen{NBSP}o'clock.\n"
    path.write_text(text, encoding="utf-8")
    window = create_window(path, Settings())
    qtbot.addWidget(window)
    window.editor.document().setModified(True)
    assert window.document.save()
    assert path.read_text(encoding="utf-8") == text
