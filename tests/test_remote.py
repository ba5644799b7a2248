"""The remote engine against llama-cpp-python's own OpenAI-compatible server on 127.0.0.1
(``tests/llama_server.py``: the tiny GPT-NeoX in a child process)."""

from __future__ import annotations

import http.server
import json
import re
import threading

import pytest
from llama_server import MODEL_NAME, free_port, llama_server  # noqa: F401 (the server)

from reelwright.models.remote import RemoteEngine
from reelwright.models.types import (
    CancelToken,
    Chunk,
    Finished,
    GenerationRequest,
    SamplerSettings,
)
from reelwright.screenplay.errors import ModelError

pytest.importorskip("fastapi", reason="llama-cpp-python[server] is needed for these tests")
pytestmark = pytest.mark.slow


def collect(engine: RemoteEngine, request: GenerationRequest, cancel: CancelToken | None = None):
    texts: dict[int, str] = {}
    finished: dict[int, Finished] = {}
    for item in engine.generate(request, cancel):
        if isinstance(item, Chunk):
            assert item.index not in finished
            texts[item.index] = texts.get(item.index, "") + item.text
        else:
            finished[item.index] = item
    assert sorted(finished) == list(range(max(1, request.n)))
    return texts, finished


def test_check_lists_the_model(server: str) -> None:
    engine = RemoteEngine(server, MODEL_NAME)
    assert MODEL_NAME in engine.check()
    assert engine.facts.backend == "remote"
    with pytest.raises(ModelError, match="does not serve 'gpt-9'"):
        RemoteEngine(server, "gpt-9").check()


def test_streams_a_completion(server: str) -> None:
    engine = RemoteEngine(server + "/v1", MODEL_NAME)
    sampler = SamplerSettings(temperature=0.0, max_tokens=12)
    chunks = [i for i in engine.generate(GenerationRequest(prompt="INT.", sampler=sampler))]
    assert isinstance(chunks[-1], Finished)
    assert chunks[-1].reason in ("length", "stop")
    assert sum(isinstance(c, Chunk) for c in chunks) >= 2
    assert chunks[-1].completion_tokens >= 2


def test_grammar_reaches_the_server(server: str) -> None:
    engine = RemoteEngine(server, MODEL_NAME)
    request = GenerationRequest(
        prompt="Heading:",
        grammar='root ::= "INT. " [A-Z]+',
        sampler=SamplerSettings(temperature=1.0, max_tokens=10, seed=3),
        n=2,
    )
    texts, finished = collect(engine, request)
    for index in range(2):
        assert re.fullmatch(r"INT\. [A-Z]+", texts[index]), texts
        assert finished[index].reason in ("length", "stop")


def test_stop_strings(server: str) -> None:
    engine = RemoteEngine(server, MODEL_NAME)
    request = GenerationRequest(
        prompt="x",
        grammar='root ::= "ab" "\\n" "cd" [a-z]+',
        stop=("\nc",),
        sampler=SamplerSettings(temperature=0.0, max_tokens=20),
    )
    texts, finished = collect(engine, request)
    assert texts[0] == "ab"
    assert finished[0].reason == "stop"


def test_count_tokens_asks_the_server(server: str) -> None:
    engine = RemoteEngine(server, MODEL_NAME)
    assert engine.count_tokens("INT") == 1
    assert engine.count_tokens("xyz") == 3
    assert engine.count_tokens("") == 0


def test_chat_without_template_is_an_error_value(server: str) -> None:
    engine = RemoteEngine(server, MODEL_NAME)
    with pytest.raises(ModelError, match="applies the chat template itself"):
        engine.render_chat([{"role": "user", "content": "hi"}])


def test_cancel_closes_the_stream(server: str) -> None:
    engine = RemoteEngine(server, MODEL_NAME)
    cancel = CancelToken()
    request = GenerationRequest(prompt="x", sampler=SamplerSettings(max_tokens=400, seed=1))
    seen = 0
    finished: Finished | None = None
    for item in engine.generate(request, cancel):
        if isinstance(item, Chunk):
            seen += 1
            if seen == 2:
                cancel.cancel()
        else:
            finished = item
    assert finished is not None
    assert finished.reason == "cancelled", finished
    # the server is still fine afterwards
    again = collect(engine, GenerationRequest(prompt="y", sampler=SamplerSettings(max_tokens=4)))
    assert again[1][0].reason in ("length", "stop")


def test_unreachable_server_is_one_sentence() -> None:
    engine = RemoteEngine(f"http://127.0.0.1:{free_port()}", "m", timeout=5)
    texts, finished = collect(engine, GenerationRequest(prompt="x"))
    assert not texts
    assert finished[0].reason == "error"
    assert finished[0].error and finished[0].error.startswith("lost the model server at")
    with pytest.raises(ModelError, match="could not reach the model server"):
        engine.check()


def test_bad_address_is_refused() -> None:
    with pytest.raises(ModelError, match="not an http"):
        RemoteEngine("ftp://example.org", "m")


class _Refusing(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = json.dumps({"error": {"message": "Invalid API key"}}).encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_http_errors_come_back_as_values() -> None:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Refusing)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        engine = RemoteEngine(f"http://127.0.0.1:{httpd.server_address[1]}", "m", api_key="k")
        finished = collect(engine, GenerationRequest(prompt="x"))[1][0]
        assert finished.reason == "error"
        assert finished.error == (
            f"the model server at http://127.0.0.1:{httpd.server_address[1]} "
            "refused the API key (HTTP 401)"
        )
    finally:
        httpd.shutdown()
        thread.join()


def test_chat_messages_go_to_chat_completions(server: str) -> None:
    engine = RemoteEngine(server, MODEL_NAME)
    request = GenerationRequest(
        messages=({"role": "user", "content": "Write a scene heading."},),
        grammar='root ::= "EXT. " [A-Z]+',
        sampler=SamplerSettings(temperature=0.0, max_tokens=8),
    )
    texts, finished = collect(engine, request)
    assert re.fullmatch(r"EXT\. [A-Z]+", texts[0]), texts
    assert finished[0].reason in ("length", "stop")
