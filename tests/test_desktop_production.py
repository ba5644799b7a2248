"""Production drafts in the real window: the data block kept out of the editor and saved
back, revision rounds marked as the writer types (and unmarked by undo), the colours, scene
numbers and pages locked as undo steps, the navigator's 12A and OMITTED, recovery, reload
and FDX import keeping the data."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor

from reelwright.desktop.app import create_window
from reelwright.desktop.documents import Prompts, RecoveryEntry, UnsavedChoice
from reelwright.desktop.main_window import MainWindow
from reelwright.desktop.production import Production, RoundDialog, install_production
from reelwright.desktop.settings import Settings
from reelwright.exporters.fdx import to_fdx
from reelwright.screenplay import data_block, production_file
from reelwright.screenplay.parser import parse
from reelwright.screenplay.production_file import Draft, ProductionData
from reelwright.screenplay.revisions import Round, Span

BLUE, PINK = 1, 2

SCRIPT = """Title: Harbour Lights

INT. HARBOUR OFFICE - NIGHT

Nora finds the ledger.

NORA
Who signed this?

EXT. PIER - CONTINUOUS

Fog. A bell.

INT. LIGHTHOUSE - DAWN

Tomas waits for the tide.
"""


class Answers(Prompts):
    def __init__(self) -> None:
        super().__init__(None)
        self.errors: list[str] = []

    def unsaved(self, name: str) -> UnsavedChoice:
        return "discard"

    def error(self, message: str) -> None:
        self.errors.append(message)

    def restore(self, entry: object) -> bool:
        return True


def open_window(
    qtbot, path: Path, prompts: Answers | None = None
) -> tuple[MainWindow, Production, Answers]:
    prompts = prompts or Answers()
    window = create_window(path, Settings(), offer_recovery=False, prompts=prompts)
    qtbot.addWidget(window)
    window.resize(1100, 800)
    window.show()
    window.wait_until_ready()
    return window, install_production(window), prompts


def write(path: Path, text: str, data: ProductionData | None = None) -> Path:
    path.write_text(production_file.write(text, data or ProductionData()), "utf-8")
    return path


def type_at(window: MainWindow, line: int, column: int, text: str, qtbot) -> None:
    block = window.editor.document().findBlockByNumber(line)
    cursor = window.editor.textCursor()
    cursor.setPosition(block.position() + column)
    window.editor.setTextCursor(cursor)
    qtbot.keyClicks(window.editor, text)


def line_of(window: MainWindow, text: str) -> int:
    return window.editor.script_text().split("\n").index(text)


def coloured(window: MainWindow, line: int) -> list[tuple[str, str]]:
    """(text, colour) of the runs of ``line`` laid out in a revision colour."""
    block = window.editor.document().findBlockByNumber(line)
    inks = {QColor(Round(level).ink).name() for level in range(9)}
    found = []
    for run in block.layout().formats():
        colour = run.format.foreground().color().name()
        if colour in inks and run.format.hasProperty(run.format.Property.ForegroundBrush):
            found.append((block.text()[run.start : run.start + run.length], colour))
    return found


def choose_round(monkeypatch, level: int, date: str) -> None:
    def answer(dialog: RoundDialog) -> int:
        dialog.round.setCurrentIndex(dialog.round.findData(level))
        dialog.date.setText(date)
        return 1

    monkeypatch.setattr(RoundDialog, "exec", answer)


def test_the_data_block_stays_out_of_the_editor_and_is_saved_back(qtbot, tmp_path) -> None:
    data = ProductionData()
    data.revisions.start_round(date="2025-03-10")
    data.revisions.marks = {4: (Span(0, 4, BLUE),)}
    data.others.set_section(data_block.DICTIONARY, ["Tomas"])
    path = write(tmp_path / "harbour.fountain", SCRIPT, data)
    on_disk = path.read_text("utf-8")
    window, production, _ = open_window(qtbot, path)
    assert window.editor.script_text() == SCRIPT
    assert not window.document.modified
    assert window.document.data.revisions.marks == data.revisions.marks
    assert coloured(window, 4) == [("Nora", QColor(Round(BLUE).ink).name())]
    assert window.save()
    assert path.read_text("utf-8") == on_disk  # unchanged: byte for byte
    status = window.findChild(type(production.status_label), "productionStatus")
    assert status is not None and "Blue revision" in status.text()


def test_typing_in_a_round_marks_the_change_and_undo_takes_the_mark_away(
    qtbot, tmp_path, monkeypatch
) -> None:
    window, _, _ = open_window(qtbot, write(tmp_path / "h.fountain", SCRIPT))
    choose_round(monkeypatch, BLUE, "2025-03-10")
    window.actions_by_id["production.start_round"].trigger()
    document = window.document
    assert document.data.revisions.current == Round(BLUE, "2025-03-10")
    assert document.modified  # the round is saved with the script
    line = line_of(window, "Nora finds the ledger.")
    type_at(window, line, len("Nora finds the"), " torn", qtbot)
    assert window.editor.script_text().split("\n")[line] == "Nora finds the torn ledger."
    assert document.data.revisions.marks == {line: (Span(15, 19, BLUE),)}
    assert coloured(window, line) == [("torn", QColor(Round(BLUE).ink).name())]
    # A new paragraph typed below is marked whole, word after word.
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    window.editor.setTextCursor(cursor)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(window.editor, "She reads it twice.")
    new_line = line_of(window, "She reads it twice.")
    assert document.data.revisions.marks[new_line] == (Span(0, 19, BLUE),)
    # Undo takes the typing back, and its marks with it; redo brings both.
    while "She" in window.editor.script_text():
        window.editor.undo()
    assert new_line not in document.data.revisions.marks
    while "torn" in window.editor.script_text():
        window.editor.undo()
    assert document.data.revisions.marks == {}
    assert coloured(window, line) == []
    window.editor.redo()
    assert document.data.revisions.marks == {line: (Span(15, 19, BLUE),)}
    assert coloured(window, line) == [("torn", QColor(Round(BLUE).ink).name())]


def test_letters_typed_before_the_same_letter_are_the_ones_marked(qtbot, tmp_path) -> None:
    window, production, _ = open_window(qtbot, write(tmp_path / "h.fountain", SCRIPT))
    production.start_round(BLUE, "2025-03-10")
    line = line_of(window, "Fog. A bell.")
    type_at(window, line, len("Fog. A "), "big ", qtbot)  # "b" typed before "bell"
    assert window.editor.script_text().split("\n")[line] == "Fog. A big bell."
    assert window.document.data.revisions.marks == {line: (Span(7, 10, BLUE),)}
    cursor = window.editor.textCursor()  # beyond the BMP: Qt counts it twice
    cursor.setPosition(window.editor.document().findBlockByNumber(line).position())
    cursor.insertText("😀 ")
    cursor.setPosition(cursor.block().position() + len("😀 Fog. A big ".encode("utf-16-le")) // 2)
    window.editor.setTextCursor(cursor)
    qtbot.keyClicks(window.editor, "b")
    # "big" and the new "b" (the first b of "bbell"), one mark over the space between.
    assert window.document.data.revisions.marks[line] == (Span(0, 1, BLUE), Span(9, 14, BLUE))


def test_marks_survive_save_and_reopen_and_earlier_rounds_keep_theirs(qtbot, tmp_path) -> None:
    path = write(tmp_path / "h.fountain", SCRIPT)
    window, production, _ = open_window(qtbot, path)
    production.start_round(BLUE, "2025-03-10")
    line = line_of(window, "Fog. A bell.")
    type_at(window, line, len("Fog."), " Gulls.", qtbot)
    assert window.save()
    window.close()
    again, production, _ = open_window(qtbot, path)
    assert again.document.data.revisions.marks == {line: (Span(5, 11, BLUE),)}
    production.start_round()  # the next: Pink, today
    assert again.document.data.revisions.current is not None
    assert again.document.data.revisions.current.level == PINK
    type_at(again, line, len("Fog. Gulls. A"), " loud", qtbot)
    assert again.document.data.revisions.marks[line] == (Span(5, 11, BLUE), Span(14, 18, PINK))
    assert coloured(again, line) == [
        ("Gulls.", QColor(Round(BLUE).ink).name()),
        ("loud", QColor(Round(PINK).ink).name()),
    ]


def test_with_marking_off_changes_are_carried_but_not_marked(qtbot, tmp_path) -> None:
    window, production, _ = open_window(qtbot, write(tmp_path / "h.fountain", SCRIPT))
    production.start_round(BLUE, "2025-03-10")
    line = line_of(window, "Fog. A bell.")
    type_at(window, line, 0, "Thick ", qtbot)
    window.actions_by_id["production.mark"].setChecked(False)
    assert window.document.data.marking is False
    assert "(not marking)" in production.status_label.text()
    type_at(window, 0, 0, "Subtitle: Rewrite", qtbot)  # a line above: the mark moves
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert window.document.data.revisions.marks == {line + 1: (Span(0, 5, BLUE),)}
    window.actions_by_id["production.mark"].setChecked(True)
    assert window.document.data.marking_level == BLUE


def test_clearing_marks_is_one_undo_step(qtbot, tmp_path) -> None:
    window, production, _ = open_window(qtbot, write(tmp_path / "h.fountain", SCRIPT))
    production.start_round(BLUE, "2025-03-10")
    type_at(window, line_of(window, "Fog. A bell."), 0, "Thick ", qtbot)
    production.start_round(PINK, "2025-03-17")
    type_at(window, line_of(window, "Tomas waits for the tide."), 0, "Old ", qtbot)
    marks = dict(window.document.data.revisions.marks)
    assert production.clear_marks(current_only=True)
    assert window.document.data.revisions.levels_used() == {BLUE}
    window.editor.undo()
    assert window.document.data.revisions.marks == marks
    window.actions_by_id["production.clear_all"].trigger()
    assert window.document.data.revisions.marks == {}
    assert "Old Tomas" in window.editor.script_text()  # the text itself is untouched


def test_locked_scene_numbers_new_scenes_omitted_scenes_and_undo(qtbot, tmp_path) -> None:
    window, production, _ = open_window(qtbot, write(tmp_path / "h.fountain", SCRIPT))
    window.actions_by_id["production.lock_scenes"].trigger()
    text = window.editor.script_text()
    assert "INT. HARBOUR OFFICE - NIGHT #1#" in text and "INT. LIGHTHOUSE - DAWN #3#" in text
    assert window.document.data.scenes is not None
    assert window.document.data.scenes.numbers == ["1", "2", "3"]
    # A scene added after 1 is 1A; scene 2 deleted shows OMITTED where it was.
    cursor = window.editor.textCursor()
    cursor.setPosition(text.index("EXT. PIER"))
    cursor.setPosition(text.index("INT. LIGHTHOUSE"), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText("INT. CELLAR - NIGHT\n\nDark.\n\n")
    window.analyzer.run_now()
    entries = [(e.kind, e.number, e.text) for e in window.navigator.entries]
    assert entries == [
        ("scene", "1", "INT. HARBOUR OFFICE - NIGHT"),
        ("scene", "1A", "INT. CELLAR - NIGHT"),
        ("omitted", "2", "OMITTED"),
        ("scene", "3", "INT. LIGHTHOUSE - DAWN"),
    ]
    assert window.go_to_scene("1A")
    # Locking again writes them; one undo takes the numbers and the new lock back.
    before = window.editor.script_text()
    assert production.lock_scenes()
    after = window.editor.script_text()
    assert "INT. CELLAR - NIGHT #1A#" in after and ".OMITTED #2#" in after
    assert window.document.data.scenes.numbers == ["1", "1A", "2", "3"]
    window.editor.undo()
    assert window.editor.script_text() == before
    assert window.document.data.scenes.numbers == ["1", "2", "3"]
    window.editor.redo()
    assert window.editor.script_text() == after
    # Omit Scene at the caret, then unlock: OMITTED headings go, numbers 1, 2, 3.
    window.editor.go_to_line(line_of(window, "INT. CELLAR - NIGHT #1A#"))
    window.actions_by_id["production.omit_scene"].trigger()
    assert "Dark." not in window.editor.script_text()
    assert ".OMITTED #1A#" in window.editor.script_text()
    window.actions_by_id["production.unlock_scenes"].trigger()
    assert "OMITTED" not in window.editor.script_text()
    assert window.document.data.scenes is None
    assert "INT. LIGHTHOUSE - DAWN #2#" in window.editor.script_text()


def test_omitting_needs_locked_numbers(qtbot, tmp_path) -> None:
    window, production, _ = open_window(qtbot, write(tmp_path / "h.fountain", SCRIPT))
    assert not production.omit_scene(line_of(window, "EXT. PIER - CONTINUOUS"))
    assert "Lock the scene numbers first" in window.statusBar().currentMessage()
    assert window.editor.script_text() == SCRIPT


def test_locking_pages_is_an_undo_step_saved_with_the_script(qtbot, tmp_path) -> None:
    path = write(tmp_path / "h.fountain", SCRIPT)
    window, production, _ = open_window(qtbot, path)
    window.actions_by_id["production.lock_pages"].trigger()
    pages = window.document.data.pages
    assert pages is not None and [p.label for p in pages.pages] == ["1"]
    assert window.document.modified and window.editor.script_text() == SCRIPT
    assert "pages locked" in production.status_label.text()
    window.editor.undo()
    assert window.document.data.pages is None and not window.document.modified
    window.editor.redo()
    assert window.save()
    assert 'page {"label": "1"}' in path.read_text("utf-8")
    window.actions_by_id["production.unlock_pages"].trigger()
    assert window.document.data.pages is None


def test_the_autosave_keeps_the_data_and_recovery_brings_it_back(qtbot, tmp_path) -> None:
    path = write(tmp_path / "h.fountain", SCRIPT)
    window, production, _ = open_window(qtbot, path)
    production.start_round(BLUE, "2025-03-10")
    type_at(window, line_of(window, "Fog. A bell."), 0, "Thick ", qtbot)
    assert window.document.autosave()
    store = window.document.recovery
    saved = store.text_path.read_text("utf-8")
    assert saved.startswith(window.editor.script_text()) and "Reelwright data" in saved
    marks = dict(window.document.data.revisions.marks)
    # Another session takes this one's copy, as after a crash, and restores it.
    entry = RecoveryEntry(store.text_path, store.meta_path, str(path), 0.0, 0)
    second, _, _ = open_window(qtbot, write(tmp_path / "other.fountain", "INT. X - DAY\n"))
    assert second.document.restore(entry)
    assert second.editor.script_text() == window.editor.script_text()
    assert second.document.data.revisions.marks == marks
    assert second.document.data.marking_level == BLUE


def test_an_outside_change_reloaded_keeps_the_data_and_says_what_moved(qtbot, tmp_path) -> None:
    data = ProductionData()
    data.revisions.start_round(date="2025-03-10")
    data.revisions.marks = {11: (Span(0, 4, BLUE),)}  # "Fog." in SCRIPT
    path = write(tmp_path / "h.fountain", SCRIPT, data)
    prompts = Answers()
    prompts.outside_change = lambda name, modified: "reload"  # type: ignore[method-assign]
    window, _, _ = open_window(qtbot, path, prompts)
    # Another program adds a line at the top and saves.
    text = path.read_text("utf-8")
    path.write_text("Subtitle: Rewrite\n" + text, "utf-8")
    assert window.document.check_outside_change()
    assert window.editor.script_text().startswith("Subtitle: Rewrite\n")
    assert window.document.data.revisions.marks == {12: (Span(0, 4, BLUE),)}
    assert "changed by another program" in window.statusBar().currentMessage()


def test_a_final_draft_file_opens_with_its_marks_and_lock(qtbot, tmp_path) -> None:
    from reelwright.screenplay.scene_lock import lock_scenes

    body, lock = lock_scenes(SCRIPT)
    data = ProductionData(scenes=lock)
    data.revisions.start_round(date="2025-03-10")
    edited = body.replace("Fog.", "Thick Fog.")
    data.carry(body, edited, BLUE)
    path = tmp_path / "harbour.fdx"
    path.write_bytes(to_fdx(parse(edited), Draft(edited, data)))
    window, _, _ = open_window(qtbot, path)
    document = window.document
    line = line_of(window, "Thick Fog. A bell.")
    assert document.data.revisions.marks[line] == (Span(0, 5, BLUE),)
    assert document.data.scenes is not None and document.data.scenes.numbers == ["1", "2", "3"]
    assert coloured(window, line) == [("Thick", QColor(Round(BLUE).ink).name())]
    assert document.path is None and document.modified  # saved as .fountain by the writer


def test_a_script_whose_comment_never_closes_is_not_saved_and_keeps_its_text(
    qtbot, tmp_path
) -> None:
    path = write(tmp_path / "h.fountain", SCRIPT)
    window, production, prompts = open_window(qtbot, path)
    production.start_round(BLUE, "2025-03-10")
    type_at(window, line_of(window, "Fog. A bell."), 0, "/* an idea ", qtbot)
    assert not window.save()
    assert prompts.errors and "never closed" in prompts.errors[-1]
    assert path.read_text("utf-8") == SCRIPT  # the file on disk is as it was
    assert window.document.modified and "/* an idea" in window.editor.script_text()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_colour_reads_on_either_theme(qtbot, tmp_path, theme) -> None:
    window, production, _ = open_window(qtbot, write(tmp_path / "h.fountain", SCRIPT))
    window.set_theme(theme)
    production.start_round(BLUE, "2025-03-10")
    line = line_of(window, "Fog. A bell.")
    type_at(window, line, 0, "Thick ", qtbot)
    ((text, colour),) = [
        (
            window.editor.document().findBlockByNumber(line).text()[r.start : r.start + r.length],
            r.format.foreground().color(),
        )
        for r in window.editor.document().findBlockByNumber(line).layout().formats()
        if r.format.hasProperty(r.format.Property.ForegroundBrush)
        and r.format.foreground().color().name() != QColor(window.theme.text).name()
    ]
    assert text == "Thick"
    paper = QColor(window.theme.paper)
    assert abs(colour.lightness() - paper.lightness()) > 60
