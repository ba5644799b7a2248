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
from reelwright.models.types import Chunk, EngineSettings, Finished, GenerationRequest
from reelwright.screenplay.errors import ModelError


class _Answers(http.server.BaseHTTPRequestHandler):
    """GET answers from ``pages`` (path -> JSON); anything else is a 404."""

    pages: ClassVar[dict[str, Any]] = {}
    asked: ClassVar[list[str]] = []
    stream: ClassVar[bytes] = b""
    """What a POST (a completion) gets back, as a server-sent event stream."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Content-Length", str(len(type(self).stream)))
        self.end_headers()
        self.wfile.write(type(self).stream)

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
    _Answers.stream = b""
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


@pytest.mark.parametrize(
    "listing",
    [{"data": 5}, {"data": "m"}, [1, 2], {"data": [{"id": 7}, "x", None]}, {"nothing": True}],
)
def test_a_strange_model_list_is_one_sentence(
    answering: tuple[str, dict[str, Any]], listing: Any
) -> None:
    url, pages = answering
    pages["/v1/models"] = listing
    with pytest.raises(ModelError, match="does not list its models"):
        open_model(ServerModel(url))


def test_strange_facts_about_a_model_are_passed_over(
    answering: tuple[str, dict[str, Any]],
) -> None:
    url, pages = answering
    pages["/v1/models"] = {"data": [{"id": "m", "meta": "x", "max_model_len": "big"}]}
    pages["/props"] = {"default_generation_settings": [512]}
    assert open_server(ServerModel(url, "m"), 2048).facts.n_ctx == 2048
    pages["/v1/models"] = {"data": [{"id": "m", "max_model_len": True}]}
    assert open_server(ServerModel(url, "m"), 1000).facts.n_ctx == 1000


def test_a_strange_stream_ends_as_a_value_never_raises(
    answering: tuple[str, dict[str, Any]],
) -> None:
    url, _ = answering
    events = [
        {"choices": 5},
        {"choices": ["x", None, {"text": 3}, {"delta": "y"}]},
        {"usage": {"prompt_tokens": "many"}, "choices": [{"text": "INT."}]},
        {"choices": [{"delta": {"content": " HOUSE"}, "finish_reason": "length"}]},
    ]
    _Answers.stream = "".join(f"data: {json.dumps(e)}\n\n" for e in events).encode()
    engine = RemoteEngine(url, "m")
    items = list(engine.generate(GenerationRequest(prompt="x")))
    assert "".join(i.text for i in items if isinstance(i, Chunk)) == "INT. HOUSE"
    assert isinstance(items[-1], Finished) and items[-1].reason == "length"
    _Answers.stream = b"data: " + b"[" * 100_000 + b"\n\n"  # nested past Python's limit
    last = list(engine.generate(GenerationRequest(prompt="x")))[-1]
    assert isinstance(last, Finished) and last.reason == "error"
    assert last.error is not None and last.error.startswith("lost the model server at")
