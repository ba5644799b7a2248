"""The co-writer in the window, on a stand-in engine that keeps the real ``Engine``
protocol (``standin_engine.py``): the real model thread, writing actions, output checks and
panel, with text and timing the test controls. Real models: ``test_cowriter_models.py``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QMenu, QPushButton
from standin_engine import DIALOGUE, NEXT_SCENE, StandInEngine
from test_cowriter_support import DIALOGUE_LINE, SCRIPT, WindowFactory, window_factory

from reelwright.models.action_registry import ACTIONS, COMMANDS, NAMES, shortcuts
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.parser import parse

WAIT_MS = 20_000
PORTABLE = QKeySequence.SequenceFormat.PortableText
ACTS = """Title: Two Acts

# ACT ONE

INT. LIGHTHOUSE - NIGHT

NORA trims the lamp.

NORA
The boat is late.

EXT. CLIFF PATH - DAWN

Tomas climbs with a lantern.

TOMAS
Nora! The boat!

# ACT TWO

INT. HARBOUR OFFICE - DAY

The harbour master reads a telegram.
"""


@pytest.fixture
def engine() -> StandInEngine:
    return StandInEngine()


@pytest.fixture
def make_window(qtbot, tmp_path: Path, engine, monkeypatch) -> Iterator[WindowFactory]:
    yield from window_factory(qtbot, tmp_path, engine, monkeypatch)


def run_to_end(qtbot, cowriter, action: str, line: int | None = None):
    with qtbot.waitSignal(cowriter.job_finished, timeout=WAIT_MS) as finished:
        cowriter.start(action, line)
    return finished.args[0]


def move_caret(editor, line: int) -> None:
    editor.setTextCursor(QTextCursor(editor.document().findBlockByNumber(line)))


def test_one_registry_reaches_every_action_from_every_view(qtbot, make_window) -> None:
    from reelwright.cli import suggest_cmd
    from reelwright.desktop import keymap
    from reelwright.models.actions import RECIPES

    window, cowriter = make_window()
    assert set(NAMES) == set(RECIPES)  # one name each, shared with the recipes
    assert {a.recipe for a in ACTIONS} == set(RECIPES)
    parser = argparse.ArgumentParser()
    suggest_cmd.register(parser.add_subparsers())
    write = {a.objectName() for a in window.menu("&Write").actions()}
    toolbar = set(window.toolbar.actions())
    menu = QMenu()
    block = window.editor.document().findBlockByNumber(10)  # TOMAS's cue in scene 1
    for provider in window.editor.context_menu_providers:
        provider(menu, QTextCursor(block))
    context = menu.findChild(QMenu, "cowriterContextMenu")
    panel_menu = {a.objectName() for a in cowriter.panel.write_menu.actions()}
    for spec in ACTIONS:
        assert parser.parse_args(["suggest", spec.name, "x.fountain"]).action == spec.name
        assert f"write-{spec.name}" in write
        assert cowriter.actions[spec.name] in toolbar
        assert cowriter.actions[spec.name].iconText() == spec.toolbar
        entry = next(a for a in context.actions() if a.objectName() == f"context-{spec.name}")
        assert entry.text().replace("&&", "&") == spec.context_text("TOMAS")
        assert f"panel-{spec.name}" in panel_menu
    # Starting from the panel's own menu runs the action.
    entries = cowriter.panel.write_menu.actions()
    with qtbot.waitSignal(cowriter.job_finished, timeout=WAIT_MS):
        next(a for a in entries if a.objectName() == "panel-continue-dialogue").trigger()
    assert cowriter.panel.current_take().action.name == "continue-dialogue"
    # Shortcuts: one per command, none that a Linux desktop or an input method takes,
    # none that another command of the window holds, and none with AltGr's Ctrl+Alt.
    keys = shortcuts()
    assert len(set(keys.values())) == len(keys)
    bound: dict[str, str] = {}
    for action in window.findChildren(type(cowriter.actions["shots"])):
        for key in action.shortcuts():
            text = key.toString(PORTABLE)
            assert bound.setdefault(text, action.objectName()) == action.objectName(), text
    for name, key in keys.items():
        assert keymap.reserved_reason(key, "linux") is None, (name, key)
        assert "Alt" not in key and key not in ("Ctrl+Shift+U", "Ctrl+Shift+E"), (name, key)
        holder = cowriter.actions.get(name) or cowriter.commands[name]
        assert holder.shortcut().toString(PORTABLE) == QKeySequence(key).toString(PORTABLE)
    assert {c.name for c in COMMANDS} == set(cowriter.commands)


def test_takes_stream_in_batches_and_land_where_they_were_asked_for(
    qtbot, make_window, engine
) -> None:
    window, cowriter = make_window()
    editor = window.editor
    engine.chunk_chars = 3
    move_caret(editor, 14)  # in scene 1, on NORA's last speech
    done = run_to_end(qtbot, cowriter, "next-scene")
    assert done.reason == "done", done.message
    panel = cowriter.panel
    take = panel.current_take()
    assert take.state == "ready" and take.tab_text() == "Next Scene 1 ✓"
    assert 1 <= panel.repaints < engine.written  # painted in batches, not per chunk
    assert editor.script_text() == SCRIPT  # nothing reached the script before acceptance
    # The writer goes on: a line at the top, and the caret into the next scene.
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.insertPlainText("Draft: 2\n")
    move_caret(editor, 22)
    assert panel.accept()
    after = editor.script_text()
    scene = NEXT_SCENE.strip()
    # After scene 1 (where it was asked for), before scene 2: not at the caret.
    assert after.index("Not in this weather.") < after.index(scene) < after.index("EXT. CLIFF")
    assert "\n\nEXT. HARBOUR WALL - DAY" in after and f"{scene}\n\nEXT. CLIFF" in after
    assert take.inserted and "inserted" in panel.tabs.tabText(0)
    headings = [e.text for e in parse(after).elements if e.type is ElementType.SCENE_HEADING]
    assert headings == [
        "INT. LIGHTHOUSE - NIGHT",
        "EXT. HARBOUR WALL - DAY",
        "EXT. CLIFF PATH - DAWN",
    ]
    editor.undo()  # one step takes the whole take out...
    assert editor.script_text() == "Draft: 2\n" + SCRIPT
    assert not take.inserted and panel.tabs.tabText(0) == "Next Scene 1 ✓"  # ...and says so
    editor.redo()
    assert take.inserted and "inserted" in panel.tabs.tabText(0)


def test_insert_after_this_scene_ends_it_before_a_section_heading(qtbot, make_window) -> None:
    window, cowriter = make_window(script=ACTS)
    editor = window.editor
    cliff = ACTS.splitlines().index("Tomas climbs with a lantern.")
    move_caret(editor, cliff)  # the last scene of Act One
    assert run_to_end(qtbot, cowriter, "next-scene").reason == "done"
    assert cowriter.panel.accept()
    after = editor.script_text()
    assert (
        after.index("Nora! The boat!") < after.index("EXT. HARBOUR WALL") < after.index("# ACT TWO")
    )
    assert "Give it one more hour.\n\n# ACT TWO" in after


def test_a_deleted_scene_is_said_and_the_caret_offered(qtbot, make_window) -> None:
    window, cowriter = make_window()
    editor = window.editor
    lines = SCRIPT.splitlines()
    move_caret(editor, lines.index("Tomas climbs with a lantern. The sea is grey and calm."))
    assert run_to_end(qtbot, cowriter, "next-scene").reason == "done"
    # The writer deletes scene 2 while reading the take.
    cursor = QTextCursor(editor.document().findBlockByNumber(lines.index("EXT. CLIFF PATH - DAWN")))
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    without = editor.script_text()
    panel = cowriter.panel
    view = panel.views[0]
    assert not panel.accept()
    assert editor.script_text() == without
    assert "scene 2 (EXT. CLIFF PATH - DAWN) has been deleted" in view.message.text()
    assert view.at_caret.isVisibleTo(panel)
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.mouseClick(view.at_caret, Qt.MouseButton.LeftButton)
    assert editor.script_text().startswith(NEXT_SCENE.strip() + "\n")
    assert panel.current_take().inserted
    editor.undo()
    assert editor.script_text() == without


def test_the_held_selection_is_replaced_even_after_the_caret_moved(qtbot, make_window, engine):
    engine.texts = ["NORA\nThen we ration the oil.\n\nTOMAS\nWe have done that since March.\n"]
    window, cowriter = make_window()
    editor = window.editor
    start = SCRIPT.splitlines().index("Not in this weather.") - 1
    cursor = QTextCursor(editor.document().findBlockByNumber(start))
    cursor.movePosition(QTextCursor.MoveOperation.Down, QTextCursor.MoveMode.KeepAnchor, 2)
    editor.setTextCursor(cursor)
    assert cursor.selectedText() == "NORA\u2029Not in this weather.\u2029"
    assert run_to_end(qtbot, cowriter, "continue-dialogue").reason == "done"
    editor.moveCursor(QTextCursor.MoveOperation.End)  # no selection any more
    panel = cowriter.panel
    labels = {a.text(): a for a in panel.accept_menu.actions()}
    assert labels["Replace Selection"].isEnabled()  # the selection held at request time
    labels["Replace Selection"].trigger()
    after = editor.script_text()
    assert "Not in this weather." not in after
    assert (
        "Eventually.\n\nNORA\nThen we ration the oil.\n\nTOMAS\nWe have done that since "
        "March.\n\nEXT. CLIFF PATH" in after
    )
    editor.undo()
    assert editor.script_text() == SCRIPT


def test_stop_keeps_a_stopped_take_to_edit_and_accept(qtbot, make_window, engine) -> None:
    window, cowriter = make_window()
    editor = window.editor
    engine.hold.set()
    engine.hold_after = 4
    move_caret(editor, DIALOGUE_LINE)
    cowriter.start("next-scene")
    panel = cowriter.panel
    qtbot.waitUntil(
        lambda: panel.views[0].text.toPlainText().startswith("EXT. HARB"), timeout=WAIT_MS
    )
    assert panel.stop_button.isEnabled() and not panel.accept_button.isEnabled()
    with qtbot.waitSignal(cowriter.job_finished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].reason == "cancelled"
    take = panel.current_take()
    written = NEXT_SCENE[: 4 * engine.chunk_chars]
    assert take.state == "stopped" and take.raw_text == written
    assert panel.tabs.tabText(0) == "Next Scene 1 ■"
    assert "Kept to edit and accept: Next Scene 1" in panel.status.text()
    assert "Stopped" in panel.views[0].message.text()
    assert panel.accept_button.isEnabled() and panel.regenerate_button.isEnabled()
    view = panel.views[0].text
    assert not view.isReadOnly()
    view.moveCursor(QTextCursor.MoveOperation.End)
    view.insertPlainText("ls wheel over the quay.")
    assert panel.accept()
    assert "\n\nEXT. HARBOUR WALL - DAY\n\nGulls wheel over the quay.\n" in editor.script_text()
    editor.undo()
    assert editor.script_text() == SCRIPT


BOATHOUSE_SCENE = (
    "INT. BOATHOUSE - NIGHT\n\nRain drums on the tin roof. Tomas bails water from a dinghy "
    "while Nora holds the lamp.\n\nTOMAS\nShe'll float by morning.\n\nNORA\nIf the storm "
    "lets her."
)
LAMP_ROOM_SCENE = (
    "EXT. LAMP ROOM - DAWN\n\nThe great lens turns, throwing light across a grey sea. Nora "
    "wipes salt from the glass.\n\nNORA\nThere. Do you see it?\n\nTOMAS\nA sail. Finally."
)


def test_regenerate_adds_numbered_takes_beside_the_old_ones(qtbot, make_window, engine) -> None:
    engine.texts = [NEXT_SCENE, BOATHOUSE_SCENE, LAMP_ROOM_SCENE]
    window, cowriter = make_window()
    move_caret(window.editor, 6)
    assert run_to_end(qtbot, cowriter, "next-scene").reason == "done"
    panel = cowriter.panel
    for _ in range(2):
        with qtbot.waitSignal(cowriter.job_finished, timeout=WAIT_MS):
            qtbot.mouseClick(panel.regenerate_button, Qt.MouseButton.LeftButton)
    titles = [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
    assert titles == ["Next Scene 1 ✓", "Next Scene 2 ✓", "Next Scene 3 ✓"]
    assert panel.tabs.currentIndex() == 2
    texts = [v.text.toPlainText() for v in panel.views]
    assert "HARBOUR WALL" in texts[0] and "BOATHOUSE" in texts[1] and "LAMP ROOM" in texts[2]
    # Every take was asked for at the same place: the second goes after scene 1 too.
    panel.tabs.setCurrentIndex(1)
    assert panel.accept()
    after = window.editor.script_text()
    assert after.index("Not in this weather.") < after.index("BOATHOUSE") < after.index("CLIFF")
    # Another action adds its own numbered takes; closing a tab drops only that take.
    engine.texts = [DIALOGUE]
    run_to_end(qtbot, cowriter, "continue-dialogue", DIALOGUE_LINE)
    assert panel.tabs.tabText(3) == "Dialogue 1 ✓" and panel.title.text() == "Continue Dialogue"
    panel.close_take(0)
    assert [t.name for t in panel.takes] == ["Next Scene 2", "Next Scene 3", "Dialogue 1"]


def test_a_failed_check_is_written_again_and_only_the_new_text_shows(
    qtbot, make_window, engine
) -> None:
    engine.texts = ["This is not a scene at all, just words.\n", NEXT_SCENE]
    _window, cowriter = make_window()
    retries: list[object] = []
    cowriter.host.retry.connect(retries.append)
    assert run_to_end(qtbot, cowriter, "next-scene", 6).reason == "done"
    take = cowriter.panel.current_take()
    assert len(retries) == 1 and take.attempt == 2
    assert take.raw_text == NEXT_SCENE and cowriter.panel.views[0].text.toPlainText().startswith(
        "EXT. HARBOUR WALL"
    )


def test_status_stays_true(qtbot, make_window, engine) -> None:
    window, cowriter = make_window()
    assert run_to_end(qtbot, cowriter, "next-scene", 6).reason == "done"
    assert cowriter.speed_status.text().endswith("tokens/s")
    assert cowriter.backend_status.text() == "CPU"
    assert cowriter.model_status.text() == "SmolLM2 135M (embedded)"
    window.settings.set("model/n_ctx", 2048)  # the model is reloaded with the next request
    assert cowriter.backend_status.text() == "CPU"
    engine.hold.set()
    cowriter.start("next-scene", 6)
    assert cowriter.speed_status.text() == ""  # the last run's figure is gone at once
    qtbot.waitUntil(lambda: cowriter.panel.takes[-1].raw_text != "", timeout=WAIT_MS)
    assert cowriter.backend_status.text() == "CPU"
    with qtbot.waitSignal(cowriter.job_finished, timeout=WAIT_MS):
        cowriter.stop()
    assert cowriter.speed_status.text() == ""  # a stopped run reports no speed


def test_an_engine_error_is_shown_on_its_take(qtbot, make_window, engine) -> None:
    engine.fail = "the model failed while writing (out of memory)"
    _window, cowriter = make_window()
    done = run_to_end(qtbot, cowriter, "next-scene", 6)
    assert done.reason == "error" and "out of memory" in done.message
    panel = cowriter.panel
    take = panel.current_take()
    assert take.state == "failed" and panel.tabs.tabText(0) == "Next Scene 1 ✗"
    assert "out of memory" in panel.status.text()
    assert not panel.accept_button.isEnabled() and panel.regenerate_button.isEnabled()
    assert run_to_end(qtbot, cowriter, "next-scene", 6).reason == "done"  # the next one works


def test_the_embedded_model_recommends_one_model_once(qtbot, make_window, monkeypatch) -> None:
    from reelwright.models import recommend

    real = recommend.recommend_for_machine
    monkeypatch.setattr(
        recommend,
        "recommend_for_machine",
        lambda: real(ram_bytes=16 * recommend.GIB, gpu_memory_bytes=0),
    )
    expected = real(ram_bytes=16 * recommend.GIB, gpu_memory_bytes=0)
    assert expected is not None
    window, cowriter = make_window()
    started: list[str] = []
    monkeypatch.setattr(
        cowriter.downloader, "start", lambda model_id: started.append(model_id) or True
    )
    assert run_to_end(qtbot, cowriter, "next-scene", 6).reason == "done"
    panel = cowriter.panel
    assert panel.notice.isVisible()
    text = panel.notice_text.text()
    assert "tiny demonstration model" in text
    assert expected.entry.name in text and expected.size_text in text
    button = panel.notice_download_button
    assert button.text() == f"Download {expected.entry.name} ({expected.size_text})"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # one click
    assert started == [expected.entry.id]
    assert cowriter.manager is not None and cowriter.manager.isVisible()
    cowriter.downloader.finished.emit(expected.entry.id, "/models/x.gguf")
    assert window.settings.get("model/id") == expected.entry.id
    assert "is installed" in panel.notice_text.text()
    # Dismissed, it does not come back.
    qtbot.mouseClick(panel.findChild(QPushButton, "demoNoticeLater"), Qt.MouseButton.LeftButton)
    assert not panel.notice.isVisible() and window.settings.get("cowriter/demo_notice_seen")


def test_not_now_hides_the_notice_for_good(qtbot, make_window) -> None:
    _window, cowriter = make_window()
    assert run_to_end(qtbot, cowriter, "next-scene", 6).reason == "done"
    panel = cowriter.panel
    assert panel.notice.isVisible()
    qtbot.mouseClick(panel.findChild(QPushButton, "demoNoticeLater"), Qt.MouseButton.LeftButton)
    assert run_to_end(qtbot, cowriter, "next-scene", 6).reason == "done"
    assert not panel.notice.isVisible()


def test_choosing_another_model_takes_the_demonstration_note_away(qtbot, make_window) -> None:
    window, cowriter = make_window()
    assert run_to_end(qtbot, cowriter, "next-scene", 6).reason == "done"
    panel = cowriter.panel
    assert panel.notice.isVisible() and "tiny demonstration model" in panel.notice_text.text()
    window.settings.set("model/server_url", "http://localhost:8080")
    window.settings.set("model/server", True)  # Use This Server
    assert not panel.notice.isVisible()


def test_the_model_name_in_the_status_bar_opens_the_manager(qtbot, make_window) -> None:
    _window, cowriter = make_window()
    assert cowriter.manager is None
    qtbot.mouseClick(cowriter.model_status, Qt.MouseButton.LeftButton)
    assert cowriter.manager is not None and cowriter.manager.isVisible()
    cowriter.manager.close()


def test_closing_the_window_mid_stream_stops_the_thread_within_a_second(
    qtbot, make_window, engine, qtlog
) -> None:
    window, cowriter = make_window()
    engine.hold.set()
    cowriter.start("next-scene", 6)
    qtbot.waitUntil(lambda: cowriter.panel.repaints > 0, timeout=WAIT_MS)
    assert cowriter.host.running and cowriter.panel.streaming
    started = time.perf_counter()
    assert window.close()
    elapsed = time.perf_counter() - started
    assert not cowriter.host.running and engine.closed
    assert elapsed < 1.0
    assert "Destroyed while thread" not in " ".join(r.message for r in qtlog.records)


def test_an_unused_cowriter_starts_no_thread_and_installs_once(qtbot, make_window) -> None:
    from reelwright.desktop.cowriter import install_cowriter

    window, cowriter = make_window()
    assert install_cowriter(window) is cowriter
    assert not cowriter.host.running and not cowriter.downloader._thread.isRunning()
    titles = [a.text() for a in window.menu("&Write").actions() if a.text()]
    assert titles[:8] == [a.menu for a in ACTIONS]
    assert cowriter.actions["next-scene"].shortcut().toString(PORTABLE) == "Ctrl+Shift+N"
    assert cowriter.model_status.text() == "SmolLM2 135M (embedded)"
    assert not cowriter.panel.isVisible()  # it opens with the first suggestion
    assert not cowriter.panel.notice.isVisible()


def test_regenerate_never_repeats_a_take_the_writer_has(qtbot, make_window, engine) -> None:
    """Regenerate hands the model layer the takes already in the panel: a new take that
    repeats one of them is written again (issue 15: no identical variants)."""
    engine.texts = [NEXT_SCENE, NEXT_SCENE, BOATHOUSE_SCENE]
    window, cowriter = make_window()
    move_caret(window.editor, 6)
    assert run_to_end(qtbot, cowriter, "next-scene").reason == "done"
    panel = cowriter.panel
    with qtbot.waitSignal(cowriter.job_finished, timeout=WAIT_MS):
        qtbot.mouseClick(panel.regenerate_button, Qt.MouseButton.LeftButton)
    texts = [v.text.toPlainText() for v in panel.views]
    assert len(texts) == 2 and "HARBOUR WALL" in texts[0] and "BOATHOUSE" in texts[1]
    assert len(engine.requests) == 3  # the repeat was written again
