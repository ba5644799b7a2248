"""install_desk: what it adds to the window, its keys, and what it costs at start-up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desk_support import open_desk
from PySide6.QtGui import QAction, QKeySequence

from reelwright.desktop import keymap
from reelwright.desktop.desk import ACTION_IDS, install_desk
from reelwright.desktop.keymap import reserved_reason


def test_menus_and_idempotence(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path)
    assert install_desk(window) is desk
    tools = window.menu("&Tools")
    texts = [a.text() for a in tools.actions()]
    for expected in (
        "Check &Spelling as You Type",
        "&Reports…",
        "&Compare Drafts",
        "Writing &Goal…",
    ):
        assert expected in texts
    view = [a.text() for a in window.menu("&View").actions()]
    assert "&Index Cards" in view
    bar = [a.text() for a in window.menuBar().actions()]
    assert bar.index("&Tools") < bar.index("&Help")
    assert window.findChild(QAction, "tools.reports") is desk.actions["reports"]


def test_keys_come_from_the_one_table_and_are_free(qtbot, tmp_path: Path) -> None:
    """The desk's commands are the key map's entries: same text and keys, no key that
    another action of the window (the editor's, the co-writer's) or the desktop takes."""
    window, desk = open_desk(qtbot, tmp_path)
    assert set(desk.actions) == set(ACTION_IDS)
    mine = set(desk.actions.values())
    taken: dict[str, str] = {}
    for action in window.findChildren(QAction):
        if action in mine:
            continue
        for key in action.shortcuts():
            taken[key.toString(QKeySequence.SequenceFormat.PortableText)] = action.text()
    for name, action_id in ACTION_IDS.items():
        action, spec = desk.actions[name], keymap.BY_ID[action_id]
        assert action.objectName() == action_id and action.text() == spec.text
        assert window.actions_by_id[action_id] is action
        keys = [k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()]
        assert keys == [
            k.toString(QKeySequence.SequenceFormat.PortableText) for k in keymap.sequences(spec)
        ]
        for key in keys:
            assert key not in taken, f"{key} is already {taken.get(key)}"
            assert reserved_reason(key, "linux") is None and reserved_reason(key, "darwin") is None
    assert keymap.key_text("tools.compare_saved", "linux") == "Ctrl+Shift+J"
    assert keymap.key_text("tools.spelling", "linux") == "F7"


def test_reports_and_cards_wait_until_asked(tmp_path: Path) -> None:
    """Installing the desk imports neither reportlab nor the windows; the dictionary loads
    off the GUI thread."""
    script = tmp_path / "s.fountain"
    script.write_text("INT. A - DAY\n\nHello.\n", "utf-8")
    probe = (
        "import sys, threading\n"
        "from reelwright.desktop.app import create_window\n"
        "from reelwright.desktop.desk import install_desk\n"
        f"w = create_window({str(script)!r}, offer_recovery=False)\n"
        "desk = install_desk(w)\n"
        "lazy = ['reportlab', 'reelwright.desktop.reports_window', "
        "'reelwright.desktop.index_cards', 'reelwright.desktop.compare_window']\n"
        "print(sorted(m for m in lazy if m in sys.modules))\n"
        "print([t.name for t in threading.enumerate() if t.name == 'reelwright-dictionary'])\n"
        "print(desk.spelling.wait_until_loaded())\n"
        "w.document.editor.document().setModified(False)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().split("\n")
    assert lines[0] == "[]"
    assert lines[2] == "True"
