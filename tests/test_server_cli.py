"""`reelwright suggest/generate --server URL`: the co-writer's actions on a model server.

Against llama-cpp-python's real server running the tiny GPT-NeoX (``tests/llama_server.py``;
it writes nonsense, so these check the pipeline, not the prose), a dead address, and a
small server that wants an API key.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from llama_server import (  # llama_server: the `server` fixture
    MODEL_NAME,
    SERVER_CONTEXT,
    free_port,
    llama_server,  # noqa: F401
)

from reelwright.cli.main import main
from reelwright.screenplay.parser import parse

pytestmark = pytest.mark.slow

SCRIPT = """Title: Kitchen Talk

INT. KITCHEN - NIGHT

MAYA stirs a pot. BEN leans in the doorway.

BEN
Smells like trouble.

MAYA
Smells like dinner. Sit down.
"""
CTX = ["--ctx", str(SERVER_CONTEXT)]  # the server does not say its context


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "kitchen.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


def test_suggest_on_the_server_prints_checked_fountain(
    server: str, script: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["suggest", "continue-dialogue", str(script), "--server", server, *CTX]
    assert main([*args, "--seed", "5", "--no-stream"]) == 0
    out = capsys.readouterr().out
    elements = parse(out).elements
    assert elements
    assert {e.type.value for e in elements} <= {"character", "parenthetical", "dialogue"}
    assert {e.text.split("(")[0].strip() for e in elements if e.type.value == "character"} <= {
        "MAYA",
        "BEN",
    }
    assert script.read_text(encoding="utf-8") == SCRIPT  # the script is only read


def test_suggest_json_on_the_server_names_the_model(
    server: str, script: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["suggest", "continue-dialogue", str(script), "--server", f"{server}/v1/", *CTX]
    args += ["--server-model", MODEL_NAME, "--seed", "2", "--n", "2", "--json"]
    assert main(args) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["action"] == "continue-dialogue"
    assert payload["prompt"]["style"] == "completion"  # the server applies chat templates
    assert 0 < payload["prompt"]["tokens"] <= SERVER_CONTEXT
    assert [s["index"] for s in payload["suggestions"]] == [0, 1]
    assert payload["timing"]["attempts"] >= 2
    assert payload["timing"]["generated_tokens"] > 0


def test_generate_on_the_server(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["generate", "default", "INT. HOUSE", "--server", server.removeprefix("http://")]
    assert main([*args, "--max-tokens", "6", "--temperature", "0", "--ctx", "512"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip()
    assert captured.err.startswith("remote: ")
    assert main(["generate", MODEL_NAME, "INT.", "--server", server, "--max-tokens", "3"]) == 0


def test_a_model_the_server_lacks_is_one_sentence(
    server: str, script: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["suggest", "next-scene", str(script), "--server", server, "--server-model", "gpt-9"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert (
        err == f"reelwright: the model server at {server} does not serve 'gpt-9'; it serves tiny\n"
    )


def test_a_dead_address_is_one_sentence(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    assert main(["suggest", "next-scene", str(script), "--server", dead]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and "Traceback" not in captured.err
    assert lines[0].startswith(f"reelwright: could not reach the model server at {dead}: ")
    assert script.read_text(encoding="utf-8") == SCRIPT


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--server-model", "tiny"], "--server-model needs --server URL"),
        (["--server", " "], "--server needs the server's address"),
        (["--server", "http://x", "--model", "default"], "--model and --server: keep one"),
        (["--server", "http://x", "--api-key", "sk-secret"], "never goes on the command line"),
        (["--server", "http://x", "--api-key-env", "sk-secret"], "the NAME of an environment"),
        (["--server", "http://x:99999"], "is not an http:// or https:// server address"),
        (["--server", "ftp://x"], "is not an http:// or https:// server address"),
    ],
)
def test_bad_server_options_are_one_sentence(
    script: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert main(["suggest", "next-scene", str(script), *extra]) == 1
    err = capsys.readouterr().err
    assert err.startswith("reelwright: ") and message in err and err.count("\n") == 1
    assert "sk-secret" not in err


class _KeyedServer(http.server.BaseHTTPRequestHandler):
    """Wants ``Bearer right-key``; lists two models and streams one word."""

    seen: ClassVar[list[str | None]] = []

    def _refuse(self) -> bool:
        type(self).seen.append(self.headers.get("Authorization"))
        if self.headers.get("Authorization") == "Bearer right-key":
            return False
        self._send(401, "application/json", b'{"error": {"message": "Invalid API key"}}')
        return True

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self._refuse():
            return
        listing = {"data": [{"id": "alpha", "max_model_len": 2048}, {"id": "beta"}]}
        self._send(200, "application/json", json.dumps(listing).encode())

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        if self._refuse():
            return
        event = {"choices": [{"text": f"hello from {body.get('model')}", "finish_reason": "stop"}]}
        stream = f"data: {json.dumps(event)}\n\ndata: [DONE]\n\n".encode()
        self._send(200, "text/event-stream", stream)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def keyed() -> Iterator[str]:
    _KeyedServer.seen = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _KeyedServer)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    thread.join()


def test_the_key_comes_from_the_environment(
    keyed: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REELWRIGHT_API_KEY", raising=False)
    assert main(["generate", "alpha", "x", "--server", keyed]) == 1
    assert capsys.readouterr().err == (
        f"reelwright: the model server at {keyed} refused the API key (HTTP 401)\n"
    )
    monkeypatch.setenv("REELWRIGHT_API_KEY", "right-key")
    assert main(["generate", "alpha", "x", "--server", keyed]) == 0
    assert capsys.readouterr().out == "hello from alpha\n"
    monkeypatch.setenv("MY_SERVER_KEY", "right-key")
    monkeypatch.setenv("REELWRIGHT_API_KEY", "wrong")
    args = ["generate", "default", "x", "--server", keyed, "--server-model", "beta"]
    assert main([*args, "--api-key-env", "MY_SERVER_KEY"]) == 0
    assert capsys.readouterr().out == "hello from beta\n"
    assert set(_KeyedServer.seen) == {None, "Bearer right-key"}
    assert main([*args, "--api-key-env", "UNSET_KEY_VARIABLE"]) == 1
    assert "UNSET_KEY_VARIABLE" in capsys.readouterr().err


def test_several_models_and_none_named_asks_for_one(
    keyed: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REELWRIGHT_API_KEY", "right-key")
    assert main(["generate", "default", "x", "--server", keyed]) == 1
    assert capsys.readouterr().err == (
        f"reelwright: the model server at {keyed} serves 2 models (alpha, beta); "
        "name the one to use with --server-model\n"
    )
