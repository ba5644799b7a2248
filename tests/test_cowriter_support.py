"""Shared set-up for the co-writer tests (no tests here): a short script, windows with the
co-writer installed (on a real model, or on the stand-in engine of ``standin_engine.py``),
and a helper that fixes the sampler so a test writes just enough."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from reelwright.desktop.app import create_window
from reelwright.desktop.cowriter import CoWriter, install_cowriter
from reelwright.desktop.documents import Prompts, UnsavedChoice
from reelwright.desktop.main_window import MainWindow
from reelwright.desktop.sampler_popover import action_defaults, save_sampler
from reelwright.desktop.settings import Settings
from reelwright.models.actions import minimum_max_tokens

SCRIPT = """Title: The Lighthouse Keeper
Author: Test

INT. LIGHTHOUSE - NIGHT

Rain lashes the glass. NORA (40s) trims the lamp.

NORA
The supply boat is late again.

TOMAS
(from the stairs)
It always comes. Eventually.

NORA
Not in this weather.

EXT. CLIFF PATH - DAWN

Tomas climbs with a lantern. The sea is grey and calm.

TOMAS
Nora! The boat!
"""
DIALOGUE_LINE = 16
"""The blank line after NORA's "Not in this weather." (0-based): the dialogue continues there."""


class DiscardingPrompts(Prompts):
    """Closing a test window never waits on a message box."""

    def unsaved(self, name: str) -> UnsavedChoice:
        return "discard"


def fix_sampler(
    settings: Settings,
    action: str,
    *,
    extra: int = 30,
    seed: int = 7,
    n_ctx: int = 4096,
    options: dict[str, object] | None = None,
) -> int:
    """Just enough room for ``action`` on SCRIPT (a fast test), with a fixed seed."""
    need = minimum_max_tokens(action, SCRIPT, cursor_line=DIALOGUE_LINE, options=options)
    sampler = replace(action_defaults(action, n_ctx), max_tokens=need + extra, seed=seed)
    save_sampler(settings, action, sampler, n_ctx)
    return need + extra


WindowFactory = Callable[..., tuple[MainWindow, CoWriter]]


def window_factory(
    qtbot, tmp_path: Path, engine: Any = None, monkeypatch: Any = None
) -> Iterator[WindowFactory]:
    """For a fixture: windows with the co-writer installed; threads drained in teardown.

    With ``engine`` (and pytest's ``monkeypatch``), every model the co-writer loads is that
    stand-in engine instead of a file (the configured model stays the embedded default).
    """
    made: list[CoWriter] = []
    if engine is not None:
        from reelwright.desktop import model_worker

        monkeypatch.setattr(
            model_worker, "open_engine", lambda choice: (engine.opened(), "stand-in")
        )

    def make(model: str | Path | None = None, script: str = SCRIPT) -> tuple[MainWindow, CoWriter]:
        settings = Settings()
        if model is not None:
            settings.set("model/path", str(model))
        path = tmp_path / "lighthouse.fountain"
        path.write_text(script, "utf-8")
        window = create_window(path, settings, prompts=DiscardingPrompts())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        cowriter = install_cowriter(window)
        made.append(cowriter)
        window.editor.go_to_line(DIALOGUE_LINE)
        return window, cowriter

    yield make
    for cowriter in made:
        cowriter.shutdown()
        assert not cowriter.host.running
