"""The main window: navigator, status bar, themes, settings, the screenshot command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from reelwright.desktop.app import create_window
from reelwright.desktop.documents import Prompts, UnsavedChoice
from reelwright.desktop.navigator import outline_entries
from reelwright.desktop.settings import OPTIONS, Settings
from reelwright.desktop.themes import DARK

SCRIPT = """Title: Harbour Lights

# Act One

INT. HARBOUR OFFICE - NIGHT #1#

= Nora finds the ledger.

NORA
Who signed this?

TOMAS
(quietly)
Your father.

EXT. PIER - CONTINUOUS #2#

Fog. A bell.

# Act Two

INT. LIGHTHOUSE - DAWN #3#

TOMAS
We wait for the tide.
"""


class DiscardingPrompts(Prompts):
    """Closing a test window with typed text must not wait on a message box."""

    def unsaved(self, name: str) -> UnsavedChoice:
        return "discard"


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "harbour.fountain"
    path.write_text(SCRIPT, "utf-8")
    win = create_window(path, Settings(), prompts=DiscardingPrompts())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.wait_until_ready()  # the first analysis runs on the worker
    return win


def test_navigator_lists_sections_scenes_synopses_and_pages(window):
    entries = window.navigator.entries
    assert [(e.kind, e.text) for e in entries] == [
        ("section", "Act One"),
        ("scene", "INT. HARBOUR OFFICE - NIGHT"),
        ("scene", "EXT. PIER - CONTINUOUS"),
        ("section", "Act Two"),
        ("scene", "INT. LIGHTHOUSE - DAWN"),
    ]
    office = entries[1]
    assert office.number == "1" and office.synopsis == "Nora finds the ledger."
    assert office.page == 1 and office.characters == {"NORA", "TOMAS"}
    tree = window.navigator.tree
    assert tree.topLevelItemCount() == 2  # the scenes sit under their sections
    assert tree.topLevelItem(0).childCount() == 2


def test_navigator_click_jumps_and_follows_the_caret(window, qtbot):
    tree = window.navigator.tree
    pier = tree.topLevelItem(0).child(1)
    rect = tree.visualItemRect(pier)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.textCursor().block().text() == "EXT. PIER - CONTINUOUS #2#"
    window.editor.go_to_line(SCRIPT.split("\n").index("We wait for the tide."))
    current = tree.currentItem()
    assert (
        current is not None
        and current.text(0) == ""
        and window.navigator.current_line()
        == (SCRIPT.split("\n").index("INT. LIGHTHOUSE - DAWN #3#"))
    )
    assert "Scene 3" in window.status.scene_label.text()


def _headings(window) -> list[str]:
    return [e.text for e in window.navigator.entries]


def _drag(tree, item, point):
    """Drag ``item`` over the tree to ``point`` (viewport coordinates) and drop it there,
    with the events a real drag sends (the offscreen platform has no drag of its own)."""
    data = tree.mimeData([item])
    move = Qt.DropAction.MoveAction
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    viewport = tree.viewport()
    QApplication.sendEvent(viewport, QDragEnterEvent(point, move, data, left, none))
    moving = QDragMoveEvent(point, move, data, left, none)
    QApplication.sendEvent(viewport, moving)
    assert moving.isAccepted()
    drop = QDropEvent(QPointF(point), move, data, left, none)
    QApplication.sendEvent(viewport, drop)
    return drop


# Qt 6 has only these constructors of drag events; PySide6 marks them deprecated.
QT_DRAG_EVENTS = pytest.mark.filterwarnings("ignore:Function.*Drag.*Event:DeprecationWarning")


@QT_DRAG_EVENTS
def test_navigator_drags_a_scene_to_another_place(window, qtbot):
    """Above an entry, below one, onto a section, below everything: each drop moves the
    scene in the text as one undo step; the tree itself never moves an item."""
    tree = window.navigator.tree
    before = window.editor.script_text()
    act_one, act_two = tree.topLevelItem(0), tree.topLevelItem(1)
    lighthouse = act_two.child(0)
    office = act_one.child(0)
    with qtbot.waitSignal(window.navigator.scene_move_requested) as moved:
        drop = _drag(tree, lighthouse, tree.visualItemRect(office).topLeft() + QPoint(30, 1))
    assert drop.dropAction() == Qt.DropAction.IgnoreAction
    lines = before.split("\n")
    assert moved.args == [
        lines.index("INT. LIGHTHOUSE - DAWN #3#"),
        lines.index("INT. HARBOUR OFFICE - NIGHT #1#"),
    ]
    assert _headings(window) == [
        "Act One",
        "INT. LIGHTHOUSE - DAWN",
        "INT. HARBOUR OFFICE - NIGHT",
        "EXT. PIER - CONTINUOUS",
        "Act Two",
    ]
    assert window.editor.textCursor().block().text() == "INT. LIGHTHOUSE - DAWN #3#"
    window.editor.undo()  # one step takes the whole move back
    assert window.editor.script_text() == before

    window.analyzer.run_now()
    office = tree.topLevelItem(0).child(0)
    pier = tree.topLevelItem(0).child(1)
    _drag(tree, office, tree.visualItemRect(pier).bottomLeft() + QPoint(30, -1))
    assert _headings(window)[1:4] == [
        "EXT. PIER - CONTINUOUS",
        "INT. HARBOUR OFFICE - NIGHT",
        "Act Two",
    ]
    window.editor.undo()

    window.analyzer.run_now()
    pier = tree.topLevelItem(0).child(1)
    _drag(tree, pier, tree.visualItemRect(tree.topLevelItem(1)).center())  # onto Act Two
    assert _headings(window)[-2:] == ["INT. LIGHTHOUSE - DAWN", "EXT. PIER - CONTINUOUS"]
    window.editor.undo()

    window.analyzer.run_now()
    office = tree.topLevelItem(0).child(0)
    bottom = tree.visualItemRect(tree.topLevelItem(1).child(0)).bottomLeft() + QPoint(30, 40)
    _drag(tree, office, bottom)  # below the last entry: to the end
    assert _headings(window)[-1] == "INT. HARBOUR OFFICE - NIGHT"
    window.editor.undo()
    assert window.editor.script_text() == before


@QT_DRAG_EVENTS
def test_navigator_takes_no_drop_from_elsewhere(window, qtbot):
    """Text or another window's scene dropped on the tree moves nothing."""
    tree = window.navigator.tree
    before = window.editor.script_text()
    foreign = QMimeData()
    foreign.setData("application/x-reelwright-scene-line", b"beef:6")
    office_rect = tree.visualItemRect(tree.topLevelItem(0).child(0))
    event = QDragMoveEvent(
        office_rect.center(),
        Qt.DropAction.MoveAction,
        foreign,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(tree.viewport(), event)
    assert not event.isAccepted()
    assert window.editor.script_text() == before


def test_navigator_filter_by_text_and_character(window):
    navigator = window.navigator
    navigator.filter_edit.setText("nora")
    assert [e.text for e in navigator.visible_entries() if e.kind == "scene"] == [
        "INT. HARBOUR OFFICE - NIGHT"
    ]
    navigator.filter_edit.setText("TOM")
    assert [e.number for e in navigator.visible_entries() if e.kind == "scene"] == ["1", "3"]
    navigator.filter_edit.setText("pier")
    assert [e.number for e in navigator.visible_entries() if e.kind == "scene"] == ["2"]
    # Words of the scene itself, not only its heading: the action and the dialogue.
    navigator.filter_edit.setText("a bell")
    assert [e.number for e in navigator.visible_entries() if e.kind == "scene"] == ["2"]
    navigator.filter_edit.setText("the  TIDE")
    assert [e.number for e in navigator.visible_entries() if e.kind == "scene"] == ["3"]
    assert "words in the scene" in navigator.filter_edit.placeholderText()
    navigator.filter_edit.clear()
    assert len(navigator.visible_entries()) == 5


def test_navigator_rebuilds_only_after_typing_pauses(window, qtbot):
    before = list(window.navigator.entries)
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(window.editor, "EXT. BEACH - DAY")
    assert window.navigator.entries == before  # nothing yet: typing has not paused
    assert window.analyzer.pending()
    qtbot.waitUntil(lambda: len(window.navigator.entries) == len(before) + 1, timeout=3000)
    assert window.navigator.entries[-1].text == "EXT. BEACH - DAY"


def test_go_to_scene(window):
    assert window.go_to_scene("2")
    assert window.editor.textCursor().block().text().startswith("EXT. PIER")
    assert not window.go_to_scene("99")


def test_page_rules_come_from_pagination(qtbot, corpus_dir):
    win = create_window(corpus_dir / "Brick-and-Steel.fountain", Settings())
    qtbot.addWidget(win)
    # The window comes back before its pages: the analysis runs on the worker, and the
    # page rules, the navigator and the status bar fill in when it is delivered.
    qtbot.waitUntil(lambda: win.analyzer.latest is not None, timeout=20000)
    starts = win.editor.page_starts
    assert [page for _, page in starts] == list(range(2, win.analyzer.latest.page_count + 1))
    assert win.status.page_label.text().endswith(f"of {win.analyzer.latest.page_count}")


def test_dark_theme_renders_dark(window, qtbot):
    window.set_theme("dark")
    assert window.settings.get("editor/theme") == "dark"
    image: QImage = window.grab().toImage()
    editor_origin = window.editor.mapTo(window, window.editor.rect().topLeft())
    viewport = window.editor.viewport()
    page_origin = viewport.mapTo(window, viewport.rect().topLeft())
    desk = QColor(image.pixel(editor_origin.x() + 3, editor_origin.y() + 200))
    paper = QColor(image.pixel(page_origin.x() + 8, page_origin.y() + 8))
    assert desk.name() == DARK.desk
    assert paper.name() == DARK.paper
    assert paper.lightness() < 60 and desk.lightness() < 40
    # Text on the page is light: some pixel in the first lines is much brighter than paper.
    brightest = max(
        QColor(image.pixel(x, y)).lightness()
        for x in range(page_origin.x(), page_origin.x() + viewport.width(), 2)
        for y in range(page_origin.y(), page_origin.y() + 120, 2)
    )
    assert brightest > 150


def test_settings_store_only_changes(tmp_path):
    settings = Settings(tmp_path / "s.ini")
    assert settings.get("editor/font_size") == 12
    settings.set("editor/font_size", 12)
    assert settings.stored_keys() == []
    settings.set("editor/font_size", 14)
    settings.set("editor/theme", "purple")  # not a choice: stays the default
    assert settings.stored_keys() == ["editor/font_size"]
    again = Settings(tmp_path / "s.ini")
    assert again.get("editor/font_size") == 14
    assert set(OPTIONS) >= {"model/path", "model/n_gpu_layers", "model/n_ctx", "model/threads"}
    from reelwright.models.types import SamplerSettings

    again.set_sampler("rewrite", SamplerSettings(temperature=0.3))
    assert again.sampler("rewrite").temperature == 0.3
    assert again.sampler("continue") == SamplerSettings()
    assert "sampler/rewrite/temperature" in again.stored_keys()


def test_settings_live_under_reelwright_home():
    settings = Settings()
    assert str(settings.path).startswith(os.environ["REELWRIGHT_HOME"])


def test_screenshot_command(tmp_path, corpus_dir):
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reelwright.cli.main",
            "open",
            str(corpus_dir / "Brick-and-Steel.fountain"),
            "--screenshot",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() >= 800 and image.height() >= 600


def test_screenshot_of_a_missing_file_is_one_clear_line(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reelwright.cli.main",
            "open",
            str(tmp_path / "nope.fountain"),
            "--screenshot",
            str(tmp_path / "x.png"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 1
    assert result.stderr.strip().endswith("does not exist")
    assert "Traceback" not in result.stderr


def test_outline_entries_without_sections(qtbot):
    from reelwright.desktop.analysis import analyse
    from reelwright.screenplay.layout import layout_for

    analysis = analyse("INT. A - DAY\n\nX.\n\nINT. B - DAY\n\nY.\n", layout_for("letter"))
    assert [(e.number, e.text) for e in outline_entries(analysis)] == [
        ("1", "INT. A - DAY"),
        ("2", "INT. B - DAY"),
    ]


def test_title_page_dialog_fields_round_trip(window):
    from reelwright.desktop.title_page import read_title_page, replace_title_page

    fields = read_title_page(window.editor.script_text())
    assert fields == {"Title": "Harbour Lights"}
    fields.update({"Author": "A. Writer", "Contact": "1 Quay St\nPortside"})
    replace_title_page(window.editor, fields)
    text = window.editor.script_text()
    assert text.startswith(
        "Title: Harbour Lights\nAuthor: A. Writer\nContact:\n"
        "    1 Quay St\n    Portside\n\n# Act One"
    )
    assert read_title_page(text)["Contact"] == "1 Quay St\nPortside"
    window.editor.undo()
    assert window.editor.script_text() == SCRIPT


def test_find_and_replace_all_is_one_undo_step(window):
    bar = window.find_bar
    bar.open_bar(replace=True)
    bar.find_edit.setText("TOMAS")
    assert bar.find_next()
    assert window.editor.textCursor().selectedText() == "TOMAS"
    bar.replace_edit.setText("TOMÁS")
    assert bar.replace_all() == 2
    assert window.editor.script_text().count("TOMÁS") == 2
    window.editor.undo()
    assert window.editor.script_text() == SCRIPT


def test_zoom_keeps_indents_in_character_widths(window):
    from reelwright.desktop.highlighter import block_kind
    from reelwright.screenplay.lines import Kind

    window.set_zoom(4)
    assert window.settings.get("editor/zoom") == 4
    doc = window.editor.document()
    block = doc.begin()
    while block.isValid() and block_kind(block) is not Kind.CHARACTER:
        block = block.next()
    assert block.blockFormat().leftMargin() == pytest.approx(21 * window.editor.char_width)
    assert not window.document.modified


def test_distraction_free_hides_everything_but_the_page(window):
    window.set_distraction_free(True)
    assert not window.navigator.isVisible() and not window.statusBar().isVisible()
    assert window.editor.isVisible()
    window.set_distraction_free(False)
    assert window.navigator.isVisible() and window.statusBar().isVisible()


def test_preferences_dialog_applies_settings(window):
    from reelwright.desktop.preferences import PreferencesDialog

    dialog = PreferencesDialog(window.settings, window)
    dialog.font_size.setValue(14)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    dialog.scene_numbers.setCurrentIndex(dialog.scene_numbers.findData("both"))
    dialog.apply()
    assert window.theme.name == "dark"
    assert window.editor.document().defaultFont().pointSizeF() == 14
    assert window.editor.page_layout.name == "a4"
    assert window.settings.get("export/scene_numbers") == "both"


def test_first_start_opens_the_sample_then_a_new_script(qtbot):
    first = create_window(None, Settings(), prompts=DiscardingPrompts())
    qtbot.addWidget(first)
    first.wait_until_ready()
    assert first.editor.script_text().strip()
    assert first.navigator.entries  # the sample has scenes
    second = create_window(None, Settings(), prompts=DiscardingPrompts())
    qtbot.addWidget(second)
    assert second.editor.script_text() == ""
