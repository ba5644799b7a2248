"""The model manager's Server tab and the co-writer on a model server, in the window.

Against llama-cpp-python's real server running the tiny GPT-NeoX (``tests/llama_server.py``;
it writes nonsense under a grammar, so these check the pipeline, not the prose): Connect
lists its model, "Use This Server" makes it the co-writer's model, an action streams
through it and can be stopped, the choice comes back in a new window, and switching back
to a local model works.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from llama_server import (  # llama_server: the `server` fixture
    MODEL_NAME,
    SERVER_CONTEXT,
    free_port,
    llama_server,  # noqa: F401
)
from PySide6.QtCore import Qt
from test_cowriter_support import WindowFactory, fix_sampler, window_factory

from reelwright.desktop.model_manager import ModelManagerDialog, configured_spec
from reelwright.desktop.settings import Settings
from reelwright.models.remote import ServerModel

pytestmark = pytest.mark.slow
WAIT_MS = 120_000


@pytest.fixture
def make_window(qtbot, tmp_path: Path) -> Iterator[WindowFactory]:
    yield from window_factory(qtbot, tmp_path)


def choose_server(qtbot, dialog: ModelManagerDialog, url: str, key: str = "") -> None:
    """What a writer does: the Server tab, the address, Connect, then Use This Server."""
    dialog.tabs.setCurrentWidget(dialog.server_page)
    dialog.server_url.setText(url)
    dialog.server_key.setText(key)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.connect_button.isEnabled(), timeout=20_000)
    assert dialog.server_model.currentText() == MODEL_NAME, dialog.server_status.text()
    assert [dialog.server_model.itemText(i) for i in range(dialog.server_model.count())] == [
        MODEL_NAME
    ]
    qtbot.mouseClick(dialog.use_server_button, Qt.MouseButton.LeftButton)


def test_the_cowriter_writes_on_the_server_and_keeps_the_choice(
    qtbot, make_window: WindowFactory, server: str, tiny_gptneox_gguf: Path
) -> None:
    window, cowriter = make_window()
    settings = window.settings
    settings.set("model/n_ctx", SERVER_CONTEXT)  # the server does not say its context
    fix_sampler(settings, "continue-dialogue", n_ctx=SERVER_CONTEXT)
    dialog = cowriter.show_model_manager()
    host = server.removeprefix("http://")
    choose_server(qtbot, dialog, server, key="secret-key")
    assert configured_spec(settings) == ServerModel(server, MODEL_NAME, key="secret-key")
    assert f"{MODEL_NAME} on {host}" in dialog.active_label.text()
    assert stat.S_IMODE(settings.path.stat().st_mode) == 0o600  # it holds a key
    dialog.close()
    assert cowriter.model_status.text() == f"{MODEL_NAME} on {host}"

    chunks: list[str] = []
    cowriter.host.chunk.connect(lambda event: chunks.append(event.text))
    original = window.editor.script_text()
    with qtbot.waitSignal(cowriter.job_finished, timeout=WAIT_MS) as finished:
        cowriter.start("continue-dialogue")
    done = finished.args[0]
    assert done.reason == "done", done.message
    assert len(chunks) >= 2  # streamed, not one block
    assert cowriter.host.model is not None and cowriter.host.model.path == server
    assert cowriter.model_status.text() == f"{MODEL_NAME} on {host}"
    assert cowriter.backend_status.text() == "remote"
    takes = [take for take in cowriter.panel.run.takes if take.state == "ready"]
    assert takes, [take.state for take in cowriter.panel.run.takes]
    assert window.editor.script_text() == original  # nothing enters before acceptance

    # Stopped mid-stream exactly as a local model is.
    first: list[str] = []

    def stop_at_first(event: object) -> None:
        if not first:
            first.append("x")
            cowriter.stop()

    cowriter.host.chunk.connect(stop_at_first)
    with qtbot.waitSignal(cowriter.job_finished, timeout=WAIT_MS) as stopped:
        cowriter.start("continue-dialogue")
    assert stopped.args[0].reason == "cancelled"
    cowriter.host.chunk.disconnect(stop_at_first)

    # A new window, as after a restart: the server is the model again, key and all.
    again, again_cowriter = make_window()
    assert configured_spec(again.settings) == ServerModel(server, MODEL_NAME, key="secret-key")
    assert again_cowriter.model_status.text() == f"{MODEL_NAME} on {host}"
    assert again_cowriter.choice().spec == cowriter.choice().spec

    # Back to a file on this computer: the server's settings stay for next time.
    manager = again_cowriter.show_model_manager()
    assert manager.server_url.text() == server
    assert manager.add_path(str(tiny_gptneox_gguf))
    local = next(row for row in manager.rows if row.path == tiny_gptneox_gguf.resolve())
    manager.use_model(local)
    assert configured_spec(again.settings) == local.id
    assert "on 127.0.0.1" not in manager.active_label.text()
    assert again.settings.get("model/server_url") == server
    with qtbot.waitSignal(again_cowriter.job_finished, timeout=WAIT_MS) as local_run:
        again_cowriter.start("continue-dialogue")
    assert local_run.args[0].reason == "done", local_run.args[0].message
    assert again_cowriter.host.model is not None
    assert again_cowriter.host.model.facts.backend != "remote"


def test_a_dead_server_says_so_and_the_script_is_untouched(
    qtbot, make_window: WindowFactory
) -> None:
    window, cowriter = make_window()
    dialog = cowriter.show_model_manager()
    dead = f"http://127.0.0.1:{free_port()}"
    dialog.tabs.setCurrentWidget(dialog.server_page)
    dialog.server_url.setText(dead)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.connect_button.isEnabled(), timeout=20_000)
    assert "could not reach the model server" in dialog.server_status.text()
    assert dialog.server_model.count() == 0
    dialog.server_model.setEditText("some-model")
    assert dialog.use_server()
    original = window.editor.script_text()
    with qtbot.waitSignal(cowriter.job_finished, timeout=WAIT_MS) as finished:
        cowriter.start("next-scene")
    done = finished.args[0]
    assert done.reason == "error"
    assert done.message.startswith("The model cannot be used: could not reach the model server")
    assert (
        cowriter.model_status.text()
        == "some-model on " + dead.removeprefix("http://") + ": not usable"
    )
    assert window.editor.script_text() == original


def test_a_bad_address_changes_nothing(qtbot) -> None:
    from reelwright.desktop.model_manager import Downloader

    downloader = Downloader()
    settings = Settings()
    dialog = ModelManagerDialog(settings, downloader)
    qtbot.addWidget(dialog)
    for address in ("", "ftp://example.org", "http://host:99999"):
        dialog.server_url.setText(address)
        assert not dialog.use_server()
        assert dialog.server_status.text()
    assert configured_spec(settings) == "default"
    assert not settings.get("model/server")
    assert settings.get("model/server_key") == ""
    assert downloader.shutdown()
