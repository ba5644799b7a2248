"""Shared test set-up: Qt runs offscreen, settings and data go to a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never reach a model hub from a test: downloads are tested against a local server.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
# The tests read the English interface whatever the developer's own language is; the
# translated window is tested by setting the language explicitly (test_i18n.py).
os.environ["LANGUAGE"] = "en"

# The suite gives the same verdict on every run: property tests draw the same examples
# each time (a gate that fails at random teaches nothing). Exploring is the long runs' job:
# REELWRIGHT_FUZZ_EXAMPLES=N draws new examples, as benchmarks/fuzz_atheris.py does.
settings.register_profile("reelwright-suite", derandomize=True)
if not os.environ.get("REELWRIGHT_FUZZ_EXAMPLES", "").strip():
    settings.load_profile("reelwright-suite")

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"

pytest_plugins = ["model_fixtures", "hub_server"]


def pytest_configure(config: pytest.Config) -> None:
    """Apply the Qt bindings' work-arounds before pytest-qt makes its QApplication (the
    desktop package no longer patches anything when imported)."""
    try:
        from reelwright.desktop import qt_workarounds
    except ImportError:  # pragma: no cover - the desktop package is part of the install
        return
    qt_workarounds.apply()


@pytest.fixture(autouse=True)
def _private_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point every per-user folder (settings, models, recovery) at a fresh temporary one."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("REELWRIGHT_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("HF_HOME", str(home / "hf"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing at {CORPUS}")
    return CORPUS


@pytest.fixture(autouse=True)
def _no_modal_questions_at_teardown(monkeypatch: pytest.MonkeyPatch) -> None:
    """pytest-qt closes left-over windows after each test; a window whose script is still
    modified would then ask "Save the changes?" in a modal box nobody can answer offscreen,
    and the run would hang. Tests that exercise that question pass their own ``Prompts``."""
    try:
        from reelwright.desktop.documents import Prompts
    except ImportError:  # Qt missing: the desktop tests fail on their own
        return
    monkeypatch.setattr(Prompts, "unsaved", lambda self, name: "discard")
