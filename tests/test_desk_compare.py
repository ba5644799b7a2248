"""Compare drafts in the real window: the saved version, a file, an autosave."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk_support import SCRIPT, open_desk
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog, QMessageBox

from reelwright.desktop.compare_window import segments_html
from reelwright.desktop.main_window import MainWindow


def edit(window: MainWindow, old: str, new: str) -> None:
    """Replace ``old`` with ``new`` in the editor, as typing would."""
    document = window.editor.document()
    found = document.find(old)
    assert not found.isNull()
    found.insertText(new)


def test_compare_with_the_saved_version(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path)
    edit(window, "Fog. A bell.", "Fog. Two bells.")
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\nEXT. OPEN SEA - DAY\n\nWater.\n")
    compare = desk.compare_with_saved()
    qtbot.waitExposed(compare)
    assert compare.comparison is not None
    assert compare.comparison.summary() == "1 added, 1 changed, 3 unchanged"
    assert compare.rows() == [
        ("changed +2 −2", "2. EXT. PIER - CONTINUOUS"),
        ("added", "4. EXT. OPEN SEA - DAY"),
    ]
    assert "the saved file harbour.fountain" in compare.heading.text()
    html = compare.view.toHtml()
    assert "line-through" in html  # the deleted words are struck through
    change = compare.comparison.changes[2]
    assert ("delete", "A bell") in change.segments and ("insert", "Two bells") in change.segments
    # Double-click goes to the scene in the editor.
    compare._go_to(compare.list.topLevelItem(1))
    assert window.editor.textCursor().block().text() == "EXT. OPEN SEA - DAY"
    compare.show_unchanged.setChecked(True)
    assert compare.list.topLevelItemCount() == 5


def test_compare_with_a_file_and_an_fdx(qtbot, tmp_path: Path) -> None:
    from reelwright.exporters.fdx import write_fdx
    from reelwright.screenplay.parser import parse

    _window, desk = open_desk(qtbot, tmp_path)
    older = SCRIPT.replace("We wait for the tide.", "We wait.")
    (tmp_path / "older.fountain").write_text(older, "utf-8")
    compare = desk.compare_window()
    result = compare.compare_with_path(tmp_path / "older.fountain")
    assert result is not None and result.summary() == "1 changed, 3 unchanged"
    write_fdx(parse(SCRIPT), tmp_path / "same.fdx")
    result = compare.compare_with_path(tmp_path / "same.fdx")
    assert result is not None and result.count("added") == result.count("removed") == 0


def test_compare_with_an_autosave(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window, desk = open_desk(qtbot, tmp_path)
    edit(window, "Who signed this?", "Who forged this?")
    assert window.document.autosave()  # what the timer does every 30 seconds
    edit(window, "Who forged this?", "Who forged this, and when?")
    compare = desk.compare_window()
    copies = compare.autosaves()
    assert [label for label, _ in copies] == ["This session's autosave"]
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("This session's autosave", True))
    desk.compare_with_autosave()
    assert compare.comparison is not None and compare.comparison.count("changed") == 1
    changed = next(c for c in compare.comparison.changes if c.status == "changed")
    assert ("insert", ", and when") in changed.segments


def test_refusals_say_why(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window, desk = open_desk(qtbot, tmp_path)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: messages.append(text))
    compare = desk.compare_window()
    assert compare.compare_with_path(tmp_path) is None
    assert compare.compare_with_path(tmp_path / "gone.fountain") is None
    (tmp_path / "binary.fountain").write_bytes(b"\x00\x01\x02binary")
    assert compare.compare_with_path(tmp_path / "binary.fountain") is None
    window.document.new()
    assert compare.compare_with_saved() is None
    desk.compare_with_autosave()
    assert [m.split(":")[0] for m in messages] == [
        f"Cannot compare with {tmp_path}",
        f"{tmp_path / 'gone.fountain'} does not exist.",
        f"Cannot read {tmp_path / 'binary.fountain'}",
        "The script has not been saved yet",
        "There are no autosaved copies (they exist while a script has unsaved changes).",
    ]


def test_segments_html_escapes_the_script() -> None:
    from reelwright.screenplay.compare import compare_texts

    change = next(
        c
        for c in compare_texts(
            "INT. A - DAY\n\n<b>x</b> & y\n", "INT. A - DAY\n\n<b>z</b> & y\n"
        ).changes
        if c.status == "changed"
    )
    html = segments_html(change)
    assert "&lt;b&gt;" in html and "<b>" not in html
