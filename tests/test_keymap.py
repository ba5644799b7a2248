"""One table of keys: the menus and the keyboard reference both read it."""

from __future__ import annotations

import sys
from importlib import metadata

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTextBrowser

from reelwright.desktop import keymap
from reelwright.desktop.app import create_window
from reelwright.desktop.help import (
    about_text,
    app_version,
    keyboard_reference_html,
    keyboard_reference_rows,
)
from reelwright.desktop.settings import Settings

PORTABLE = QKeySequence.SequenceFormat.PortableText


def _bound(platform: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for spec in keymap.KEYMAP:
        if spec.group == "Typing":
            continue
        for seq in keymap.sequences(spec, platform):
            out.setdefault(seq.toString(PORTABLE), []).append(spec.id)
    return out


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_no_key_does_two_things(qapp, platform):
    clashes = {key: ids for key, ids in _bound(platform).items() if len(ids) > 1}
    assert clashes == {}


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_no_key_the_desktop_takes(qapp, platform):
    taken = {key: keymap.reserved_reason(key, platform) for key in _bound(platform)}
    assert {key: why for key, why in taken.items() if why} == {}
    assert keymap.reserved_reason("Ctrl+Alt+T", "linux")
    assert keymap.reserved_reason("Meta+E", "linux")
    assert keymap.reserved_reason("Ctrl+Alt+T", "darwin") is None


def test_elements_are_final_drafts_ctrl_1_to_7(qapp):
    keys = [keymap.sequences(i, "linux")[0].toString(PORTABLE) for i in keymap.ELEMENT_IDS]
    assert keys == [f"Ctrl+{n}" for n in range(1, 8)]
    # Qt reads Ctrl as Command on macOS: the same table gives Cmd+1..7 there.
    assert [keymap.sequences(i, "darwin")[0].toString(PORTABLE) for i in keymap.ELEMENT_IDS] == [
        f"Ctrl+{n}" for n in range(1, 8)
    ]


def test_explicit_keys_win_over_standard_bindings(qapp):
    # Some platforms bind Find Next to Ctrl+G as well; Go to Scene owns it here.
    owners = _bound("linux")
    assert owners["Ctrl+G"] == ["edit.go_to_scene"]
    assert owners["F3"] == ["edit.find_next"]
    mac = _bound("darwin")
    assert mac["Ctrl+G"] == ["edit.find_next"] and mac["Ctrl+L"] == ["edit.go_to_scene"]


@pytest.fixture
def window(qtbot):
    win = create_window(settings=Settings(), offer_recovery=False)
    qtbot.addWidget(win)
    return win


def test_the_window_binds_every_command_of_the_table(window):
    for spec in keymap.KEYMAP:
        if spec.group == "Typing":
            continue
        action = window.actions_by_id[spec.id]
        assert action.text() == spec.text
        assert [k.toString(PORTABLE) for k in action.shortcuts()] == [
            k.toString(PORTABLE) for k in keymap.sequences(spec)
        ]


def test_the_reference_lists_every_key_of_the_window(window):
    html = keyboard_reference_html(window)
    rows = keyboard_reference_rows(window)
    listed = {(row.command, row.keys) for row in rows}
    # Every action with a key, wherever it came from (the co-writer's too), is listed.
    for action in window.findChildren(type(window.actions_by_id["file.save"])):
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if not keys:
            continue
        spec = keymap.BY_ID.get(action.objectName())
        label = spec.label if spec else action.text().replace("&", "").rstrip("…")
        text = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        assert (label, text) in listed, label
    assert "Ctrl+Shift+T" in html and "Title Page" in html
    assert "Typing" in html and "dialogue → action" in html


def test_help_menu_pages(window, qtbot):
    window.actions_by_id["help.keyboard"].trigger()
    page = window.findChild(QTextBrowser, "keyboardReferenceText")
    assert page is not None and "Find and Replace" in page.toPlainText()
    window.actions_by_id["help.fountain"].trigger()
    syntax = window.findChild(QTextBrowser, "fountainSyntaxText")
    assert syntax is not None and "JOHN (40s) sits on a hay bale." in syntax.toPlainText()
    assert app_version() == metadata.version("reelwright")
    assert about_text().startswith(f"Reelwright {metadata.version('reelwright')}\n")


def test_only_keys_every_keyboard_has(qapp):
    for spec in keymap.KEYMAP:
        for seq in keymap.sequences(spec):
            key = seq.toString(PORTABLE).rsplit("+", 1)[-1] or "+"
            assert not (key.startswith("F") and key[1:].isdigit() and int(key[1:]) > 12), spec.id
            assert key not in ("Undo", "Redo", "Copy", "Paste", "Cut", "Save", "Open"), spec.id


def _co_writer_keys() -> dict[str, str]:
    """The co-writer's keys as its own table gives them: the action registry where the
    co-writer has one, else the shortcuts ``desktop.cowriter`` binds."""
    try:
        from reelwright.models import action_registry
    except ImportError:
        from reelwright.desktop import cowriter

        return dict(cowriter.SHORTCUTS)  # type: ignore[attr-defined]
    return action_registry.shortcuts()


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_the_co_writers_table_takes_no_key_of_the_key_map(qapp, platform):
    """On every platform, none of the co-writer's keys is one of the key map's (the
    editor's, the window's and the desk's commands)."""
    ours = _bound(platform)
    theirs = {QKeySequence(key).toString(PORTABLE): name for name, key in _co_writer_keys().items()}
    assert theirs, "the co-writer binds no key?"
    assert {key: (name, ours[key]) for key, name in theirs.items() if key in ours} == {}


def test_no_two_actions_of_the_window_share_a_key(window):
    """Whatever installed them (the menus, the desk, the co-writer), one key, one action."""
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            if not seq.isEmpty():
                owners.setdefault(seq.toString(PORTABLE), []).append(action.text())
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


def test_the_co_writers_keys_do_not_clash_with_the_editors(window):
    """The co-writer's keys come from its action registry; the window binds both sets."""
    ours = set(_bound(sys.platform))
    theirs: dict[str, str] = {}
    for action in window.findChildren(QAction):
        if action.objectName() in keymap.BY_ID:
            continue
        for seq in action.shortcuts():
            if not seq.isEmpty():
                theirs[seq.toString(PORTABLE)] = action.text()
    assert {key: text for key, text in theirs.items() if key in ours} == {}
