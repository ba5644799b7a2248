"""The real window with the desk installed, for the ``test_desk_*`` tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reelwright.desktop.app import create_window
from reelwright.desktop.desk import Desk, install_desk
from reelwright.desktop.documents import Prompts, UnsavedChoice
from reelwright.desktop.main_window import MainWindow
from reelwright.desktop.settings import Settings

SCRIPT = """Title: Harbour Lights
Author: Ada Quill

# Act One

INT. HARBOUR OFFICE - NIGHT

= Nora finds the ledger.

NORA
Who signed this?

TOMAS
(quietly)
Your father.

EXT. PIER - CONTINUOUS

Fog. A bell. Nora runs.

# Act Two

INT. LIGHTHOUSE - DAWN

TOMAS
We wait for the tide.
"""


class DiscardingPrompts(Prompts):
    """Closing a test window with typed text must not wait on a message box."""

    def unsaved(self, name: str) -> UnsavedChoice:
        return "discard"


def open_desk(
    qtbot: Any, folder: Path, text: str = SCRIPT, name: str = "harbour.fountain"
) -> tuple[MainWindow, Desk]:
    """The window on a saved script, shown and analysed, with the desk installed."""
    path = folder / name
    path.write_text(text, "utf-8")
    window = create_window(path, Settings(), offer_recovery=False, prompts=DiscardingPrompts())
    qtbot.addWidget(window)
    desk = install_desk(window)
    window.resize(1200, 800)
    window.show()
    window.wait_until_ready()
    return window, desk


def analyse_now(window: MainWindow) -> None:
    """Run the analysis that typing would start after a pause."""
    window.analyzer.run_now()
