"""The model manager dialog: facts of installed models, broken files explained, settings,
and downloads from a local stand-in for the hub with a real progress bar, cancel, resume."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hub_server import HubServer
from PySide6.QtCore import Qt

from reelwright.desktop.model_manager import (
    PROGRESS_STEPS,
    Downloader,
    ModelManagerDialog,
    configured_spec,
    format_duration,
    progress_text,
)
from reelwright.desktop.settings import Settings
from reelwright.models.catalog import find_entry
from reelwright.models.store import downloaded_path, installed_models

CATALOG_ID = "qwen2.5-0.5b-instruct"


@pytest.fixture
def downloader(qtbot) -> Iterator[Downloader]:
    made = Downloader()
    yield made
    assert made.shutdown()


@pytest.fixture
def dialog(qtbot, downloader: Downloader) -> ModelManagerDialog:
    made = ModelManagerDialog(Settings(), downloader)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


@pytest.fixture
def payload(tiny_gptneox_gguf: Path) -> bytes:
    """A real GGUF (the tiny model) padded to 1.5 MB so the transfer takes many chunks."""
    data = tiny_gptneox_gguf.read_bytes()
    return data + bytes(1_500_000 - len(data))


def cell(dialog: ModelManagerDialog, row: int, column: int) -> str:
    item = dialog.installed.item(row, column)
    assert item is not None
    return item.text()


def test_installed_models_show_their_facts(dialog: ModelManagerDialog) -> None:
    assert dialog.installed.rowCount() == len(installed_models()) >= 1
    embedded = 0
    assert cell(dialog, embedded, 0).startswith("● ")  # the active model
    assert cell(dialog, embedded, 1) == "embedded"
    assert cell(dialog, embedded, 2) == "llama"
    assert cell(dialog, embedded, 3).endswith(" M")
    assert cell(dialog, embedded, 4).startswith("Q")
    assert cell(dialog, embedded, 5).replace(",", "").isdigit()
    assert cell(dialog, embedded, 6).endswith("MB")
    assert cell(dialog, embedded, 7).endswith("MB")
    assert cell(dialog, embedded, 8) == "ready"
    assert "Active model" in dialog.active_label.text()
    assert dialog.catalog.rowCount() >= 5
    assert dialog.download_button(CATALOG_ID) is not None


def test_a_broken_file_says_what_is_wrong_and_how_to_fix_it(
    dialog: ModelManagerDialog, tiny_gptneox_gguf: Path, tmp_path: Path
) -> None:
    good = tmp_path / "tiny.gguf"
    good.write_bytes(tiny_gptneox_gguf.read_bytes())
    assert dialog.add_path(str(good))
    row = next(i for i, m in enumerate(dialog.rows) if m.path == good.resolve())
    assert cell(dialog, row, 2) == "gptneox" and cell(dialog, row, 8) == "ready"
    good.write_bytes(tiny_gptneox_gguf.read_bytes()[:5000])  # damaged after it was added
    dialog.refresh()
    row = next(i for i, m in enumerate(dialog.rows) if m.path == good.resolve())
    assert cell(dialog, row, 8).startswith("✗")
    dialog.installed.selectRow(row)
    assert dialog.problem.isVisible()
    assert "cannot be used" in dialog.problem.text() and "Remove it" in dialog.problem.text()
    assert not dialog.use_button.isEnabled()
    dialog.remove_selected()
    assert all(m.path != good.resolve() for m in dialog.rows)


def test_adding_a_file_that_is_not_gguf_changes_nothing(
    dialog: ModelManagerDialog, tmp_path: Path
) -> None:
    before = dialog.installed.rowCount()
    text = tmp_path / "notes.gguf"
    text.write_text("not a model", "utf-8")
    assert not dialog.add_path(str(text))
    assert "Not added" in dialog.problem.text()
    assert dialog.installed.rowCount() == before


def test_choosing_a_model_and_how_it_runs_goes_to_the_settings(
    dialog: ModelManagerDialog, tiny_gptneox_gguf: Path
) -> None:
    settings = dialog.settings
    assert configured_spec(settings) == "default"
    assert dialog.add_path(str(tiny_gptneox_gguf))
    row = next(i for i, m in enumerate(dialog.rows) if m.source == "added")
    dialog.installed.selectRow(row)
    dialog.use_selected()
    assert configured_spec(settings) == dialog.rows[row].id
    assert cell(dialog, row, 0).startswith("● ")
    dialog.context.setValue(2048)
    dialog.threads.setValue(1)
    dialog.gpu_layers.setValue(0)
    engine = settings.engine_settings()
    assert (engine.n_ctx, engine.n_threads, engine.n_gpu_layers) == (2048, 1, 0)
    dialog.installed.selectRow(0)
    dialog.use_selected()
    assert configured_spec(settings) == "default"


def test_download_shows_a_growing_progress_bar_and_installs_the_model(
    qtbot, dialog: ModelManagerDialog, hub: HubServer, payload: bytes
) -> None:
    entry = find_entry(CATALOG_ID)
    assert entry is not None
    hub.add_file(entry.repo_id, entry.filename, payload)
    hub.state.chunk_delay = 0.01
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    dialog.tabs.setCurrentIndex(1)
    button = dialog.download_button(CATALOG_ID)
    assert button is not None and button.text() == "Download"
    with qtbot.waitSignal(dialog.downloader.finished, timeout=60_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert dialog.progress.isVisible()
    growing = [v for v in values if 0 < v < PROGRESS_STEPS]
    assert len(set(growing)) >= 3, values
    assert growing == sorted(growing)
    assert dialog.progress.value() == PROGRESS_STEPS
    assert "installed" in dialog.progress_label.text()
    local = downloaded_path(entry)
    assert local is not None and local.read_bytes() == payload
    assert any(m.id == CATALOG_ID and m.architecture == "gptneox" for m in dialog.rows)
    installed = dialog.download_button(CATALOG_ID)
    assert installed is not None and installed.text() == "Installed"


def test_cancel_keeps_the_part_and_resume_finishes_it(
    qtbot, dialog: ModelManagerDialog, hub: HubServer, payload: bytes
) -> None:
    entry = find_entry(CATALOG_ID)
    assert entry is not None
    hub.add_file(entry.repo_id, entry.filename, payload)
    hub.state.chunk_delay = 0.02
    dialog.download(CATALOG_ID)
    qtbot.waitUntil(lambda: dialog.progress.value() > 50, timeout=30_000)
    assert "/s" in dialog.progress_label.text() and " of " in dialog.progress_label.text()
    with qtbot.waitSignal(dialog.downloader.cancelled, timeout=5000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    button = dialog.download_button(CATALOG_ID)
    assert button is not None and button.text().startswith("Resume (")
    assert "Cancelled" in dialog.progress_label.text()
    hub.state.chunk_delay = 0.0
    with qtbot.waitSignal(dialog.downloader.finished, timeout=60_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert any(r.range for r in hub.cdn_gets())  # the second transfer asked for the rest
    local = downloaded_path(entry)
    assert local is not None and local.read_bytes() == payload


def test_quitting_during_a_download_stops_within_a_second(
    qtbot, hub: HubServer, payload: bytes
) -> None:
    entry = find_entry(CATALOG_ID)
    assert entry is not None
    hub.add_file(entry.repo_id, entry.filename, payload)
    hub.state.chunk_delay = 0.05
    downloader = Downloader()
    seen: list[object] = []
    downloader.progress.connect(lambda _id, p: seen.append(p))
    assert downloader.start(CATALOG_ID)
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=30_000)
    started = time.perf_counter()
    assert downloader.shutdown()
    assert time.perf_counter() - started < 1.0
    assert downloaded_path(entry) is None  # the part stays for a resume, nothing half-done


def test_progress_words() -> None:
    assert format_duration(None) == "time left unknown"
    assert format_duration(42) == "42 s left"
    assert format_duration(125) == "2 min 05 s left"
    assert format_duration(7300) == "2 h 01 min left"
    assert progress_text(1_500_000, 3_000_000, 250_000, 6) == (
        "1.50 MB of 3.00 MB · 250 KB/s · 6 s left"
    )


def test_catalog_shows_ram_languages_and_marks_the_recommendation(
    dialog: ModelManagerDialog,
) -> None:
    from reelwright.models.catalog import load_catalog
    from reelwright.models.recommend import recommend_for_machine

    table = dialog.catalog
    headers = [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]
    assert headers[:7] == [
        "Model",
        "Parameters",
        "Download",
        "RAM needed",
        "Licence",
        "Languages",
        "Good for",
    ]
    entries = load_catalog()
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    recommended = recommend_for_machine()
    marked = [name for name in names if name.startswith("★ ")]
    if recommended is None:
        assert marked == [] and "No model" in dialog.recommendation_label.text()
    else:
        assert marked == ["★ " + recommended.entry.name]
        text = dialog.recommendation_label.text()
        assert recommended.entry.name in text and recommended.size_text in text
    for row, entry in enumerate(entries):
        ram = table.item(row, 3).text()
        assert ram.endswith(" GB") and float(ram.split()[0]) > entry.size_bytes / 1e9
        assert table.item(row, 5).text()  # languages, named
    chinese = next(row for row, e in enumerate(entries) if e.id == "qwen2.5-14b-instruct")
    assert "Chinese" in table.item(chinese, 5).text()
