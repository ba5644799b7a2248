"""Other modules lay formats over the script's blocks through the highlighter's decorators."""

from __future__ import annotations

import re
import time

import pytest
from PySide6.QtGui import QColor, QFont, QTextCharFormat

from reelwright.desktop.editor import ScriptEditor


@pytest.fixture
def editor(qtbot):
    widget = ScriptEditor()
    qtbot.addWidget(widget)
    return widget


def _wavy() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor("#d00000"))
    return fmt


def _underlined(editor: ScriptEditor, line: int) -> list[tuple[int, int]]:
    block = editor.document().findBlockByNumber(line)
    return [
        (r.start, r.length)
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    ]


def _typos(words: set[str]):
    calls: list[str] = []

    def decorator(text, block):
        calls.append(text)
        return [
            (m.start(), len(m.group()), _wavy())
            for m in re.finditer(r"\w+", text)
            if m.group().lower() in words
        ]

    return decorator, calls


def test_a_decorator_underlines_over_the_scripts_own_formats(editor):
    editor.set_script_text("INT. TEH HOUSE - DAY\n\nShe sees teh 🎬 teh cat.\n")
    decorator, _calls = _typos({"teh"})
    editor.highlighter.add_decorator(decorator)
    assert _underlined(editor, 0) == [(5, 3)]
    # After the emoji (two UTF-16 units) the offsets are Qt's, not Python's.
    assert _underlined(editor, 2) == [(9, 3), (16, 3)]
    heading = editor.document().findBlockByNumber(0).layout().formats()
    hit = next(r for r in heading if r.start == 5)
    assert hit.format.fontWeight() == QFont.Weight.Bold  # the heading stays bold


def test_refresh_only_the_blocks_asked_and_removal(editor):
    editor.set_script_text("Teh one.\n\nTeh two.\n")
    words: set[str] = set()
    decorator, calls = _typos(words)
    editor.highlighter.add_decorator(decorator)
    assert _underlined(editor, 0) == [] and _underlined(editor, 2) == []
    words.add("teh")  # the dictionary changed without an edit
    calls.clear()
    editor.highlighter.refresh_blocks([2])
    assert calls == ["Teh two."]
    assert _underlined(editor, 0) == [] and _underlined(editor, 2) == [(0, 3)]
    editor.highlighter.refresh_blocks()
    assert _underlined(editor, 0) == [(0, 3)]
    editor.highlighter.remove_decorator(decorator)
    assert _underlined(editor, 0) == [] and _underlined(editor, 2) == []


def test_a_failing_decorator_does_not_stop_highlighting(editor, caplog):
    def broken(text, block):
        raise ValueError("bug elsewhere")

    decorator, _calls = _typos({"teh"})
    editor.highlighter.add_decorator(broken)
    editor.highlighter.add_decorator(decorator)
    editor.set_script_text("INT. HOUSE - DAY\n\nTeh end.\n")
    assert _underlined(editor, 2) == [(0, 3)]
    assert "bug elsewhere" in caplog.text


def test_spans_outside_the_line_are_clipped(editor):
    editor.highlighter.add_decorator(lambda text, block: [(-3, 5, _wavy()), (6, 99, _wavy())])
    editor.set_script_text("Short line\n")
    assert _underlined(editor, 0) == [(0, 2), (6, 4)]


def test_decorations_are_not_edits(editor, qtbot):
    editor.set_script_text("Teh end.\n")
    decorator, _calls = _typos({"teh"})
    editor.highlighter.add_decorator(decorator)
    assert not editor.document().isModified()
    assert not editor.document().isUndoAvailable()


def test_a_long_line_of_unclosed_markers_highlights_in_linear_time(editor):
    """Issue 18.2 in the editor: thousands of unclosed [[ or /* on one line."""

    def seconds(count: int) -> float:
        text = "INT. A - DAY\n\nHe writes " + "[[ /* " * count + "\n\nMAYA\nHi.\n"
        started = time.perf_counter()
        editor.set_script_text(text)
        return time.perf_counter() - started

    seconds(200)  # warm up
    small, large = seconds(2_000), seconds(16_000)
    assert large < 5.0  # generous: a quadratic scan took minutes here
    assert large < small * 8 * 4  # 8x the text: well under 64x the time
