"""The Qt-free side of a model server: the ``ServerModel`` spec, where its key comes from,
how ``store.open_model`` opens it, and the context it is given (what vLLM, llama.cpp's
server and llama-cpp-python's each say, against a small server that answers as they do)."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from typing import Any, ClassVar

import pytest

from reelwright.models.remote import (
    DEFAULT_KEY_ENV,
    ModelChoiceNeededError,
    RemoteEngine,
    ServerModel,
    open_server,
)
from reelwright.models.store import open_model
from reelwright.models.types import EngineSettings
from reelwright.screenplay.errors import ModelError


class _Answers(http.server.BaseHTTPRequestHandler):
    """GET answers from ``pages`` (path -> JSON); anything else is a 404."""

    pages: ClassVar[dict[str, Any]] = {}
    asked: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).asked.append(self.path)
        page = type(self).pages.get(self.path)
        body = json.dumps(page if page is not None else {"detail": "Not Found"}).encode()
        self.send_response(200 if page is not None else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def answering() -> Iterator[tuple[str, dict[str, Any]]]:
    """A server's address, and the pages it answers (filled by the test)."""
    _Answers.pages = {}
    _Answers.asked = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Answers.pages
    httpd.shutdown()
    thread.join()


def test_a_server_spec_reads_as_the_writer_typed_it() -> None:
    server = ServerModel("  localhost:8080 ", " qwen ")
    assert server.url == "http://localhost:8080"
    assert server.model == "qwen"
    assert server.host == "localhost:8080"
    assert str(server.label) == "qwen on localhost:8080"
    assert str(ServerModel("https://gpu.example.org/v1").label) == "the model on gpu.example.org"
    assert ServerModel("http://[::1]:8000", "m").host == "[::1]:8000"
    assert "secret" not in repr(ServerModel("http://h", "m", key="secret"))


def test_the_key_is_the_typed_one_else_the_named_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(DEFAULT_KEY_ENV, " from-default ")
    monkeypatch.setenv("OTHER_KEY", "from-other")
    assert ServerModel("http://h").api_key() == "from-default"
    assert ServerModel("http://h", key_env="OTHER_KEY").api_key() == "from-other"
    assert ServerModel("http://h", key_env="OTHER_KEY", key="typed").api_key() == "typed"
    assert ServerModel("http://h", key_env="").api_key() is None
    monkeypatch.delenv(DEFAULT_KEY_ENV)
    assert ServerModel("http://h").api_key() is None


@pytest.mark.parametrize(
    ("entry", "props", "wanted", "expected"),
    [
        ({"id": "m", "max_model_len": 32768}, None, 4096, 4096),  # vLLM: at most the writer's
        ({"id": "m", "max_model_len": 2048}, None, 4096, 2048),  # vLLM: its own smaller one
        ({"id": "m", "meta": {"n_ctx_train": 131072}}, 8192, 16384, 8192),  # llama.cpp's -c
        ({"id": "m", "meta": {"n_ctx_train": 1024}}, None, 4096, 1024),  # at most the trained
        ({"id": "m"}, None, 512, 512),  # llama-cpp-python says nothing: the writer's
        ({"id": "m"}, None, None, 4096),
    ],
)
def test_the_context_is_what_the_server_runs_at_most_the_writers(
    answering: tuple[str, dict[str, Any]],
    entry: dict[str, Any],
    props: int | None,
    wanted: int | None,
    expected: int,
) -> None:
    url, pages = answering
    pages["/v1/models"] = {"data": [entry]}
    if props is not None:
        pages["/props"] = {"default_generation_settings": {"n_ctx": props}}
    engine = open_server(ServerModel(url, "m"), wanted)
    assert engine.facts.n_ctx == expected
    assert engine.facts.backend == "remote" and engine.facts.name == "m"
    assert ("/props" in _Answers.asked) == ("max_model_len" not in entry)


def test_the_only_model_is_taken_and_several_need_a_name(
    answering: tuple[str, dict[str, Any]],
) -> None:
    url, pages = answering
    pages["/v1/models"] = {"data": [{"id": "only"}]}
    engine, where = open_model(ServerModel(url), EngineSettings(n_ctx=1024))
    assert isinstance(engine, RemoteEngine)
    assert (engine.model, where, engine.facts.n_ctx) == ("only", url, 1024)
    pages["/v1/models"] = {"data": [{"id": "a"}, {"id": "b"}]}
    with pytest.raises(ModelChoiceNeededError, match=r"serves 2 models \(a, b\)") as raised:
        open_model(ServerModel(url))
    assert raised.value.names == ["a", "b"]
    pages["/v1/models"] = {"data": []}
    with pytest.raises(ModelError, match="does not list its models"):
        open_model(ServerModel(url))
    assert open_model(ServerModel(url, "named"))[0].facts.name == "named"


@pytest.mark.parametrize("address", ["ftp://h", "http://", "http://h:99999", "http://h:port"])
def test_an_address_that_cannot_be_one_is_refused_before_any_request(address: str) -> None:
    with pytest.raises(ModelError, match="is not an http:// or https:// server address"):
        open_model(ServerModel(address, "m"))
