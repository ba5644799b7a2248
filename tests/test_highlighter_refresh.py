"""Refreshing the highlighting without an edit never waits on the length of the script.

``rehighlightBlock`` makes Qt lay the document out from that block to the end; the
highlighter instead hands a run of blocks their formats and asks for one layout pass per
run, the blocks on screen first and the others while the window is idle (issue 18).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QTextCharFormat

from reelwright.desktop import highlighter as highlighting
from reelwright.desktop.editor import ScriptEditor
from reelwright.desktop.highlighter import _Runs

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
WAVY = QTextCharFormat.UnderlineStyle.WaveUnderline


def _wavy() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(WAVY)
    fmt.setUnderlineColor(QColor("#d00000"))
    return fmt


def _typos(words: set[str]):
    def decorator(text, block):
        return [
            (m.start(), len(m.group()), _wavy())
            for m in re.finditer(r"\w+", text)
            if m.group().casefold() in words
        ]

    return decorator


def _formats(editor: ScriptEditor) -> list[list[tuple[int, int, str]]]:
    """Every block's formats as (start, length, a description of the format)."""
    out = []
    block = editor.document().begin()
    while block.isValid():
        out.append(
            [
                (
                    r.start,
                    r.length,
                    f"{r.format.foreground().color().name()} {r.format.fontWeight()} "
                    f"{r.format.fontItalic()} {r.format.underlineStyle().name}",
                )
                for r in block.layout().formats()
            ]
        )
        block = block.next()
    return out


@pytest.fixture
def text() -> str:
    return (CORPUS / "Big-Fish.fountain").read_text(encoding="utf-8")


def test_a_refresh_gives_what_highlighting_from_scratch_gives(qtbot, text):
    """The same formats, run by run, as a new editor that highlights with the decorator
    from the start (the refresh builds them as QSyntaxHighlighter.setFormat would)."""
    words = {"the", "bloom", "edward", "river"}
    fresh = ScriptEditor()
    qtbot.addWidget(fresh)
    fresh.highlighter.add_decorator(_typos(words), refresh=False)
    fresh.set_script_text(text)
    refreshed = ScriptEditor()
    qtbot.addWidget(refreshed)
    refreshed.set_script_text(text)
    refreshed.highlighter.add_decorator(_typos(words), refresh=True)
    assert not refreshed.highlighter.refresh_pending()  # not on screen: all at once
    assert _formats(refreshed) == _formats(fresh)
    refreshed.highlighter.remove_decorator(refreshed.highlighter.decorators()[0])
    plain = ScriptEditor()
    qtbot.addWidget(plain)
    plain.set_script_text(text)
    assert _formats(refreshed) == _formats(plain)
    for editor in (fresh, refreshed, plain):
        editor.document().setModified(False)


def test_on_screen_the_visible_blocks_go_first_and_the_rest_while_idle(qtbot, text):
    editor = ScriptEditor()
    qtbot.addWidget(editor)
    editor.resize(900, 700)
    editor.set_script_text(text)
    editor.show()
    qtbot.waitExposed(editor)
    editor.go_to_line(2000)
    first, last = editor.visible_block_range() or (0, 0)
    assert 1900 < first < 2000 < last < 2100
    editor.highlighter.add_decorator(_typos({"the"}))
    highlighter = editor.highlighter
    assert highlighter.refresh_pending()  # the blocks off screen wait

    def underlined(number: int) -> bool:
        block = editor.document().findBlockByNumber(number)
        return any(r.format.underlineStyle() == WAVY for r in block.layout().formats())

    shown = [
        n for n in range(first, last + 1) if "the " in editor.document().findBlockByNumber(n).text()
    ]
    assert shown and all(underlined(n) for n in shown)
    far = next(
        n for n in range(4000, 4500) if " the " in editor.document().findBlockByNumber(n).text()
    )
    assert not underlined(far)
    # Scrolled to, a waiting block is done before it is painted.
    editor.go_to_line(far)
    assert underlined(far)
    # The rest in idle steps once the text has been quiet for a moment.
    qtbot.waitUntil(lambda: not highlighter.refresh_pending(), timeout=60_000)
    assert underlined(100) == (" the " in editor.document().findBlockByNumber(100).text())
    editor.document().setModified(False)


def test_one_layout_pass_for_a_run_of_neighbours(qtbot, text, monkeypatch):
    """200 blocks refreshed near each other cost a few passes over the document, not 200
    (each pass walks every block after it: 3-15 ms on 500 pages)."""
    editor = ScriptEditor()
    qtbot.addWidget(editor)
    editor.set_script_text(text)
    document = editor.document()
    passes: list[tuple[int, int]] = []
    original = document.markContentsDirty

    def counted(position: int, length: int) -> None:
        passes.append((position, length))
        original(position, length)

    monkeypatch.setattr(document, "markContentsDirty", counted)
    words = {"the"}
    editor.highlighter.add_decorator(_typos(words), refresh=False)
    numbers = list(range(1000, 1400, 2))
    editor.highlighter.refresh_blocks(numbers)
    assert 1 <= len(passes) <= 2
    assert not editor.highlighter.refresh_pending()
    document.setModified(False)


def test_waiting_blocks_move_with_the_lines_an_edit_adds(qtbot, text):
    editor = ScriptEditor()
    qtbot.addWidget(editor)
    editor.resize(900, 700)
    editor.set_script_text(text)
    editor.show()
    qtbot.waitExposed(editor)
    highlighter = editor.highlighter
    editor.go_to_line(0)
    target = next(
        n for n in range(3000, 3500) if " the " in editor.document().findBlockByNumber(n).text()
    )
    words: set[str] = set()
    highlighter.add_decorator(_typos(words), refresh=False)
    words.add("the")
    highlighter.refresh_blocks([target])
    assert highlighter.refresh_pending()
    cursor = editor.textCursor()
    cursor.insertText("One more line.\n\nAnd another.\n\n")  # four lines above it
    highlighter.finish_refresh()
    moved = editor.document().findBlockByNumber(target + 4)
    assert any(r.format.underlineStyle() == WAVY for r in moved.layout().formats())
    editor.document().setModified(False)


@pytest.mark.parametrize(
    "operations",
    [
        [("set", 0, 10, "a"), ("merge", 2, 5, "b"), ("set", 4, 7, "c")],
        [("merge", 0, 10, "a"), ("merge", 0, 10, "b"), ("set", 9, 30, "c")],
        [("set", 3, 3, "a"), ("merge", -2, 2, "b"), ("set", 8, 99, "c")],
    ],
)
def test_runs_build_what_set_format_builds(operations):
    """``_Runs`` against a plain list of one format per character, as QSyntaxHighlighter
    keeps them: a set replaces, a merge lays a format over what is there."""
    size = 12
    colours = {"a": QColor("red"), "b": QColor("green"), "c": QColor("blue")}
    runs = _Runs(size)
    chars: list[QTextCharFormat | None] = [None] * size
    for operation, start, end, name in operations:
        fmt = QTextCharFormat()
        if operation == "set":
            fmt.setForeground(colours[name])
            runs.set(start, end, fmt)
            for index in range(max(0, start), min(size, end)):
                chars[index] = fmt
        else:
            if name == "a":
                fmt.setFontUnderline(True)
            else:
                fmt.setFontItalic(True)
            runs.merge(start, end, fmt)
            for index in range(max(0, start), min(size, end)):
                merged = QTextCharFormat(chars[index] or QTextCharFormat())
                merged.merge(fmt)
                chars[index] = merged
    expected: list[tuple[int, int, QTextCharFormat]] = []
    for index, fmt in enumerate(chars):
        if fmt is None or fmt.isEmpty():
            continue
        if expected and expected[-1][0] + expected[-1][1] == index and expected[-1][2] == fmt:
            expected[-1] = (expected[-1][0], expected[-1][1] + 1, fmt)
        else:
            expected.append((index, 1, fmt))
    assert runs.ranges() == expected


def test_the_merge_gap_grows_with_the_blocks_after(qtbot):
    editor = ScriptEditor()
    qtbot.addWidget(editor)
    editor.set_script_text("Line.\n" * 5000)
    highlighter = editor.highlighter
    assert highlighter._merge_gap(4990) == highlighting.REFRESH_GAP
    assert highlighter._merge_gap(0) == 5000 // highlighting.PASS_PER_GAP
    editor.document().setModified(False)
