"""The index-card board in the real window: cards, drag and drop, synopses, colours, keys."""

from __future__ import annotations

import warnings
from pathlib import Path

from desk_support import SCRIPT, analyse_now, open_desk
from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from reelwright.desktop.index_cards import MIME, IndexCard, IndexCardsWindow
from reelwright.desktop.main_window import MainWindow


def headings(window: MainWindow) -> list[str]:
    return [
        line
        for line in window.editor.script_text().split("\n")
        if line.startswith(("INT.", "EXT."))
    ]


def drop(cards: IndexCardsWindow, scene: int, card: IndexCard, after: bool) -> None:
    """Drag scene ``scene`` over ``card``'s left or right half and drop it, with the events
    a real drag sends (enter, move, drop)."""
    board = cards.board
    x = card.width() * (0.8 if after else 0.2)
    pos = card.mapTo(board, QPoint(int(x), card.height() // 2))
    data = QMimeData()
    data.setData(MIME, QByteArray(str(scene).encode()))
    action = Qt.DropAction.MoveAction
    button = Qt.MouseButton.LeftButton
    plain = Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # PySide6 marks Qt's only constructors deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(pos, action, data, button, plain)
        move = QDragMoveEvent(pos, action, data, button, plain)
    assert QApplication.sendEvent(board, enter) and enter.isAccepted()
    QApplication.sendEvent(board, move)
    assert move.isAccepted()
    indicator = board.indicator
    assert indicator.isVisible()  # the line where the card will go
    left = card.mapTo(board, QPoint(0, 0)).x()
    assert (indicator.x() > left) is after
    event = QDropEvent(QPointF(pos), action, data, button, plain)
    assert QApplication.sendEvent(board, event) and event.isAccepted()
    assert not indicator.isVisible()


def test_one_card_per_scene_grouped_by_section(qtbot, tmp_path: Path) -> None:
    _window, desk = open_desk(qtbot, tmp_path)
    cards = desk.show_index_cards()
    qtbot.waitExposed(cards)
    assert [g.title.text() for g in cards.board.groups] == ["Act One", "Act Two"]
    assert [c.scene.heading for c in cards.board.cards] == [
        "INT. HARBOUR OFFICE - NIGHT",
        "EXT. PIER - CONTINUOUS",
        "INT. LIGHTHOUSE - DAWN",
    ]
    first = cards.board.cards[0]
    assert first.scene.synopsis == "Nora finds the ledger."
    assert first.scene.first_lines[:2] == ("NORA: Who signed this?", "TOMAS: Your father.")
    assert first.page == 1
    assert cards.board.groups[1].flow.count() == 1


def test_dragging_a_card_moves_the_scene_as_one_undo_step(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path)
    cards = desk.show_index_cards()
    qtbot.waitExposed(cards)
    board = cards.board
    lighthouse, office = board.cards[2], board.cards[0]
    drop(cards, lighthouse.scene.index, office, after=False)
    assert headings(window) == [
        "INT. LIGHTHOUSE - DAWN",
        "INT. HARBOUR OFFICE - NIGHT",
        "EXT. PIER - CONTINUOUS",
    ]
    assert cards.board.cards[0].scene.heading == "INT. LIGHTHOUSE - DAWN"
    assert cards.board.cards[0].scene.section == 0  # now in Act One
    assert cards.board.selected == 0
    window.editor.undo()
    assert window.editor.script_text() == SCRIPT


def test_drop_after_a_card_and_into_a_section(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path)
    cards = desk.show_index_cards()
    qtbot.waitExposed(cards)
    board = cards.board
    drop(cards, 0, board.cards[2], after=True)
    assert headings(window) == [
        "EXT. PIER - CONTINUOUS",
        "INT. LIGHTHOUSE - DAWN",
        "INT. HARBOUR OFFICE - NIGHT",
    ]
    moved_scene = SCRIPT[SCRIPT.index("INT. HARBOUR") : SCRIPT.index("EXT. PIER")]
    assert window.editor.script_text().endswith("the tide.\n\n" + moved_scene.rstrip("\n") + "\n")
    # Act One has one card left; dropping on its empty space puts a scene at its end.
    group = board.groups[0]
    target = board.target_at(group.mapTo(board, QPoint(group.width() - 5, group.height() - 5)))
    assert target is not None and target.card is None
    assert cards.move_to_line(2, target.line)
    assert headings(window)[:2] == ["EXT. PIER - CONTINUOUS", "INT. HARBOUR OFFICE - NIGHT"]


def test_synopsis_edited_on_the_card_writes_the_equals_line(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path)
    cards = desk.show_index_cards()
    qtbot.waitExposed(cards)
    pier = cards.board.cards[1]
    qtbot.mouseDClick(pier, Qt.MouseButton.LeftButton, pos=pier.synopsis_rect().center())
    editor = pier.editor
    assert editor is not None and editor.toPlainText() == ""
    qtbot.keyClicks(editor, "The bell rings for no one.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    text = window.editor.script_text()
    assert "EXT. PIER - CONTINUOUS\n\n= The bell rings for no one.\n\nFog." in text
    assert cards.board.cards[1].scene.synopsis == "The bell rings for no one."
    window.editor.undo()
    assert window.editor.script_text() == SCRIPT
    # Escape drops the edit.
    office = cards.board.cards[0]
    office_editor = office.edit_synopsis()
    qtbot.keyClicks(office_editor, "Nothing")
    qtbot.keyClick(office_editor, Qt.Key.Key_Escape)
    assert window.editor.script_text() == SCRIPT


def test_colour_and_keyboard_moves(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path)
    cards = desk.show_index_cards()
    qtbot.waitExposed(cards)
    menu = cards.card_menu(1, cards.board.cards[1])
    colours = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in colours.actions() if a.objectName() == "color-blue").trigger()
    assert "EXT. PIER - CONTINUOUS [[color blue]]" in window.editor.script_text()
    assert cards.board.cards[1].scene.color == "blue"
    cards.board.select(1)
    cards.board.setFocus()
    qtbot.keyClick(cards.board, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert headings(window)[0] == "EXT. PIER - CONTINUOUS [[color blue]]"
    assert cards.board.selected == 0
    qtbot.keyClick(cards.board, Qt.Key.Key_Right)  # arrows alone only select
    assert cards.board.selected == 1
    assert headings(window)[0] == "EXT. PIER - CONTINUOUS [[color blue]]"


def test_the_board_follows_the_script(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path)
    cards = desk.show_index_cards()
    qtbot.waitExposed(cards)
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText("\nEXT. OPEN SEA - DAY\n\nNothing but water.\n")
    analyse_now(window)
    assert [c.scene.heading for c in cards.board.cards][-1] == "EXT. OPEN SEA - DAY"
    qtbot.mouseDClick(cards.board.cards[0], Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert window.editor.textCursor().blockNumber() == cards.board.cards[0].scene.start_line


def test_moving_a_scene_by_its_heading_line(qtbot, tmp_path: Path) -> None:
    """What the navigator's drag and drop calls: heading line in, boundary line out."""
    window, desk = open_desk(qtbot, tmp_path)
    lines = SCRIPT.split("\n")
    pier = lines.index("EXT. PIER - CONTINUOUS")
    office = lines.index("INT. HARBOUR OFFICE - NIGHT")
    assert desk.move_scene_at(pier, office)
    assert headings(window)[:2] == ["EXT. PIER - CONTINUOUS", "INT. HARBOUR OFFICE - NIGHT"]
    window.editor.undo()
    assert desk.move_scene_at(office, -1)  # to the end
    assert headings(window)[-1] == "INT. HARBOUR OFFICE - NIGHT"
    assert not desk.move_scene_at(office + 1, -1)  # not a heading
    assert not desk.move_scene_at(pier, pier + 2)  # not a place a scene can go
