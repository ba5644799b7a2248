"""llama-cpp-python's own OpenAI-compatible server on 127.0.0.1, running the tiny GPT-NeoX
in a child process, for the tests of everything that talks to a model server.

Import the fixture into a test module (``from llama_server import llama_server``, with
``# noqa: F401``) and ask for ``server``; it is module-scoped: one server per module. The
server is started through a few lines that apply the probe's verdict on llama.cpp's weight
repacking (which crashes on some machines), then hand over to ``python -m
llama_cpp.server`` unchanged. It runs the model with a 512-token context, which it does
not report: clients must be told (``n_ctx=512``, ``--ctx 512``).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reelwright.models.probe import ensure_loadable
from reelwright.models.types import EngineSettings

LAUNCH = """
import runpy, sys
import llama_cpp.llama_cpp as bindings
extra = sys.argv.pop(1) == "1"
original = bindings.llama_model_default_params
def params():
    value = original()
    value.use_extra_bufts = extra
    return value
bindings.llama_model_default_params = params
sys.argv[0] = "llama_cpp.server"
runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
"""
MODEL_NAME = "tiny"
SERVER_CONTEXT = 512


def free_port() -> int:
    """A port nothing listens on (a dead address, once the socket is closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module", name="server")
def llama_server(
    tiny_gptneox_gguf: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The server's address, ``http://127.0.0.1:PORT``; it serves ``MODEL_NAME`` only."""
    pytest.importorskip("fastapi", reason="llama-cpp-python[server] is needed for these tests")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REELWRIGHT_HOME", str(tmp_path_factory.mktemp("remote-home")))
        verdict = ensure_loadable(
            tiny_gptneox_gguf, EngineSettings(n_ctx=SERVER_CONTEXT, n_threads=1)
        )
    port = free_port()
    log_file = tmp_path_factory.mktemp("server") / "server.log"
    command = [
        sys.executable, "-c", LAUNCH, "1" if verdict.extra_buffer_types else "0",
        "--model", str(tiny_gptneox_gguf), "--model_alias", MODEL_NAME,
        "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", str(SERVER_CONTEXT), "--n_threads", "1", "--n_threads_batch", "1",
        "--verbose", "False",
    ]  # fmt: skip
    with open(log_file, "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            pytest.fail(f"the server exited: {log_file.read_text(errors='replace')[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("the server did not start within 60 s")
            time.sleep(0.2)
    yield url
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
