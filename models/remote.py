"""A model on an OpenAI-compatible server, behind the same ``Engine`` interface.

For writers who outgrow one machine: llama.cpp's server, llama-cpp-python's server, vLLM
(which also serves architectures llama.cpp lacks) or any other server that speaks the
OpenAI completions API. Only the standard library: ``http.client`` with server-sent
events read line by line, TLS certificates always verified.

Prompts go to ``/v1/completions``; chat messages to ``/v1/chat/completions`` (the server
applies the model's chat template, so ``render_chat`` here cannot and says so, and the
prompt assembly falls back to completion style). Each alternative is its own request
(servers differ in how they stream ``n > 1``). A cancel closes the connection, which also
tells the server to stop.

A server is a model spec like a ``.gguf`` path or a catalog id: :class:`ServerModel` says
which server and which of its models, and where its API key comes from;
:func:`open_server` turns it into a checked :class:`RemoteEngine` (``models.store.open_model``
is the one place that opens either kind). What goes over the network is what a request
holds: the prompt, which is made of the script's text.
"""

from __future__ import annotations

import contextlib
import dataclasses
import http.client
import json
import logging
import math
import os
import random
import socket
import ssl
import threading
import time
import urllib.parse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from reelwright.models.phrases import QT_TRANSLATE_NOOP, Phrase
from reelwright.models.types import (
    CancelToken,
    Chunk,
    Finished,
    GenerationRequest,
    ModelFacts,
)
from reelwright.screenplay.errors import ModelError

log = logging.getLogger(__name__)

DEFAULT_CONTEXT = 4096
CHARS_PER_TOKEN = 3.5
"""For ``count_tokens`` when the server offers no tokenizer endpoint: an estimate."""
DEFAULT_KEY_ENV = "REELWRIGHT_API_KEY"
"""The environment variable an API key is read from unless the writer names another."""
MAX_ANSWER_BYTES = 8 << 20
"""The most a JSON answer (a model list, a token count) or one streamed line may hold: a
server that sends more is broken or hostile, and must not fill the memory."""
CHECK_TIMEOUT_S = 10.0
"""How long asking a server what it serves may take (connecting included): an address
that swallows packets must not hold a load (which cannot be interrupted) for minutes."""


@dataclass(frozen=True, slots=True)
class ServerModel:
    """A model on an OpenAI-compatible server, chosen like a ``.gguf`` file or a model id.

    ``model`` empty: the one model the server serves (asked with ``/v1/models``). The API
    key is ``key`` when the writer typed one (the desktop keeps it in its settings file,
    readable by its owner only), else the environment variable ``key_env``; the command
    line takes only the variable, so that a key never shows in a process list or a shell
    history.
    """

    url: str
    model: str = ""
    key_env: str = DEFAULT_KEY_ENV
    key: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        url = self.url.strip()
        if url and "://" not in url:
            url = "http://" + url  # "localhost:8080", as servers print their address
        object.__setattr__(self, "url", url)
        object.__setattr__(self, "model", self.model.strip())
        object.__setattr__(self, "key_env", self.key_env.strip())
        object.__setattr__(self, "key", self.key.strip())

    def api_key(self) -> str | None:
        """The key to send, read from the environment now; None: send none."""
        if self.key:
            return self.key
        if not self.key_env:
            return None
        return os.environ.get(self.key_env, "").strip() or None

    @property
    def host(self) -> str:
        """``host:port`` of the address (no user name, no path), as the writer reads it."""
        parsed = urllib.parse.urlsplit(self.url.strip())
        host = parsed.hostname or self.url.strip()
        if ":" in host:
            host = f"[{host}]"  # an IPv6 address
        try:
            port = parsed.port
        except ValueError:
            port = None
        return f"{host}:{port}" if port else host

    @property
    def label(self) -> Phrase:
        """``tiny on 127.0.0.1:8080``: the model's name and where it runs."""
        if not self.model:
            return Phrase(
                "ModelStore", QT_TRANSLATE_NOOP("ModelStore", "the model on {host}"), host=self.host
            )
        return Phrase(
            "ModelStore",
            QT_TRANSLATE_NOOP("ModelStore", "{model} on {host}"),
            model=self.model,
            host=self.host,
        )


class ModelChoiceNeededError(ModelError):
    """The server serves several models and none was named; ``names`` lists them."""

    def __init__(self, message: str, names: list[str]) -> None:
        super().__init__(message)
        self.names = names


def server_models(server: ServerModel, timeout: float = CHECK_TIMEOUT_S) -> list[str]:
    """The models ``server`` serves (``/v1/models``; ``server.model`` is not looked at);
    ModelError with one sentence when it cannot be reached or refuses the key."""
    return RemoteEngine(server.url, "", server.api_key(), timeout=timeout).check()


def open_server(
    server: ServerModel, n_ctx: int | None = None, *, timeout: float = 120.0
) -> RemoteEngine:
    """A checked engine for ``server``: it answers and serves the model (the only one it
    serves when ``server.model`` is empty). ``n_ctx`` is the most context to use; a server
    that says its own smaller context gets that. Raises ModelError with one sentence."""
    key = server.api_key()
    name = server.model
    if not name:
        names = server_models(server, min(timeout, CHECK_TIMEOUT_S))
        where = f"the model server at {server.url}"
        if not names:
            raise ModelError(f"{where} does not list its models; name the one to use")
        if len(names) > 1:
            raise ModelChoiceNeededError(
                f"{where} serves {len(names)} models ({', '.join(names)}); name the one to use",
                names,
            )
        name = names[0]
    engine = RemoteEngine(server.url, name, key, n_ctx=n_ctx, timeout=min(timeout, CHECK_TIMEOUT_S))
    engine.check()
    engine._timeout = timeout  # a long answer may take its time
    return engine


class _CancelledError(Exception):
    pass


class RemoteEngine:
    """An OpenAI-compatible server. Construction asks it nothing; ``check()`` does."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        *,
        n_ctx: int | None = None,
        timeout: float = 120.0,
    ) -> None:
        parsed = urllib.parse.urlsplit(base_url.strip())
        try:
            port = parsed.port
        except ValueError:  # not a number, or past 65535
            port = -1
        if parsed.scheme not in ("http", "https") or not parsed.hostname or port == -1:
            raise ModelError(f"{base_url!r} is not an http:// or https:// server address")
        self.base_url = base_url.strip()
        self.model = model
        self._api_key = api_key
        self._scheme = parsed.scheme
        self._host = parsed.hostname
        self._port = port
        path = parsed.path.rstrip("/")
        self._prefix = path if path.endswith("/v1") else path + "/v1"
        self._root = path.removesuffix("/v1")
        self._timeout = timeout
        self._tokenizer: str | None = None
        """Which tokenize endpoint answered: "llama.cpp", "llama-cpp-python" or "none"."""
        self._facts = ModelFacts(
            name=model,
            architecture="remote",
            n_ctx=n_ctx or DEFAULT_CONTEXT,
            chat_template=None,
            backend="remote",
            n_gpu_layers=0,
        )
        self._wanted_ctx = n_ctx
        """The most context the writer wants used; the server's own smaller one wins."""

    # -- HTTP ---------------------------------------------------------------------------

    def _connection(self) -> http.client.HTTPConnection:
        if self._scheme == "https":
            context = ssl.create_default_context()  # verifies certificates and host names
            return http.client.HTTPSConnection(
                self._host, self._port, timeout=self._timeout, context=context
            )
        return http.client.HTTPConnection(self._host, self._port, timeout=self._timeout)

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        return headers

    def _where(self) -> str:
        return f"the model server at {self.base_url}"

    def _request_json(self, method: str, path: str, body: Any = None) -> Any:
        """A small JSON request; raises ModelError with one sentence."""
        connection = self._connection()
        try:
            payload = None if body is None else json.dumps(body).encode("utf-8")
            connection.request(method, path, body=payload, headers=self._headers())
            response = connection.getresponse()
            data = response.read(MAX_ANSWER_BYTES + 1)
            if response.status >= 400:
                raise ModelError(self._http_error(response.status, data))
            if len(data) > MAX_ANSWER_BYTES:
                raise ModelError(f"{self._where()} sent an answer too large to read")
            return json.loads(data.decode("utf-8") or "null")
        except (OSError, http.client.HTTPException) as error:
            raise ModelError(f"could not reach {self._where()}: {_reason(error)}") from error
        except (ValueError, RecursionError) as error:
            raise ModelError(f"{self._where()} sent something that is not JSON") from error
        finally:
            connection.close()

    def _http_error(self, status: int, data: bytes) -> str:
        detail = ""
        try:
            parsed = json.loads(data.decode("utf-8"))
            error = parsed.get("error", parsed) if isinstance(parsed, dict) else parsed
            if isinstance(error, dict):
                detail = str(error.get("message") or error.get("detail") or "")
            elif isinstance(parsed, dict) and "detail" in parsed:
                detail = str(parsed["detail"])
            else:
                detail = str(error)
        except (ValueError, UnicodeDecodeError):
            detail = data[:200].decode("utf-8", "replace").strip()
        if status in (401, 403):
            return f"{self._where()} refused the API key (HTTP {status})"
        detail = " ".join(detail.split())[:300]
        return f"{self._where()} answered HTTP {status}" + (f": {detail}" if detail else "")

    # -- Engine protocol ----------------------------------------------------------------

    @property
    def facts(self) -> ModelFacts:
        return self._facts

    def check(self) -> list[str]:
        """Ask the server which models it serves, and the context it runs our model with
        where it says; raises ModelError when it cannot be reached or lacks ``self.model``
        (an empty ``self.model`` only lists)."""
        listing = self._request_json("GET", f"{self._prefix}/models")
        found = listing.get("data") if isinstance(listing, dict) else None
        entries = [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []
        names = [str(e["id"]) for e in entries if isinstance(e.get("id"), str) and e["id"]]
        if not self.model:
            return names
        if names and self.model not in names:
            raise ModelError(
                f"{self._where()} does not serve {self.model!r}; it serves {', '.join(names)}"
            )
        entry = next((e for e in entries if e.get("id") == self.model), {})
        served = _positive(entry.get("max_model_len"))  # vLLM
        meta = entry.get("meta")
        trained = _positive(meta.get("n_ctx_train")) if isinstance(meta, dict) else None
        if served is None and "max_model_len" not in entry:
            served = self._slot_context()
        limit = served or trained
        wanted = self._wanted_ctx or DEFAULT_CONTEXT
        n_ctx = min(wanted, limit) if limit else wanted
        self._facts = dataclasses.replace(self._facts, n_ctx=n_ctx)
        return names

    def _slot_context(self) -> int | None:
        """llama.cpp's server runs each request in a slot of ``n_ctx`` tokens (``-c``,
        divided among ``--parallel`` slots), which ``/props`` says; other servers have no
        such page."""
        try:
            props = self._request_json("GET", f"{self._root}/props")
        except ModelError:
            return None
        settings = props.get("default_generation_settings") if isinstance(props, dict) else None
        return _positive(settings.get("n_ctx")) if isinstance(settings, dict) else None

    def count_tokens(self, text: str) -> int:
        """The server's own count where it has a tokenizer endpoint, else an estimate."""
        if not text:
            return 0
        attempts = (
            ("llama-cpp-python", f"{self._root}/extras/tokenize/count", {"input": text}),
            ("llama.cpp", f"{self._root}/tokenize", {"content": text, "prompt": text}),
        )
        for name, path, body in attempts:
            if self._tokenizer not in (None, name):
                continue
            try:
                answer = self._request_json("POST", path, {**body, "model": self.model})
            except ModelError:
                continue
            if isinstance(answer, dict):
                if isinstance(answer.get("count"), int):
                    self._tokenizer = name
                    return int(answer["count"])
                if isinstance(answer.get("tokens"), list):
                    self._tokenizer = name
                    return len(answer["tokens"])
        if self._tokenizer is None:
            log.info("%s has no tokenizer endpoint; token counts are estimates", self._where())
        self._tokenizer = "none"
        return max(1, math.ceil(len(text) / CHARS_PER_TOKEN))

    def render_chat(self, messages: Sequence[dict[str, str]]) -> str:
        raise ModelError(f"{self._where()} applies the chat template itself")

    def generate(
        self, request: GenerationRequest, cancel: CancelToken | None = None
    ) -> Iterator[Chunk | Finished]:
        cancel = cancel or CancelToken()
        count = max(1, request.n)
        for index in range(count):
            if cancel.cancelled:
                yield Finished(index, "cancelled")
                continue
            seed = request.sampler.seed
            seed = random.getrandbits(31) if seed is None else seed + index
            yield from self._one(request, index, seed, cancel)

    def close(self) -> None:
        """Nothing is held between requests."""

    # -- one streamed request -----------------------------------------------------------

    def _body(self, request: GenerationRequest, seed: int) -> tuple[str, dict[str, Any]]:
        sampler = request.sampler
        body: dict[str, Any] = {
            "model": self.model,
            "stream": True,
            "max_tokens": sampler.max_tokens,
            "temperature": sampler.temperature,
            "top_p": sampler.top_p,
            "seed": seed,
            # Not in OpenAI's API, understood by llama.cpp, llama-cpp-python and vLLM:
            "top_k": sampler.top_k,
            "min_p": sampler.min_p,
            "repeat_penalty": sampler.repeat_penalty,
        }
        if sampler.dry_multiplier > 0:
            body["dry_multiplier"] = sampler.dry_multiplier  # llama.cpp's server
        if request.stop:
            body["stop"] = list(request.stop)[:4]
        if request.grammar:
            body["grammar"] = request.grammar  # llama.cpp and llama-cpp-python
        if request.messages is not None:
            body["messages"] = [dict(m) for m in request.messages]
            return f"{self._prefix}/chat/completions", body
        body["prompt"] = request.prompt or ""
        return f"{self._prefix}/completions", body

    def _one(
        self, request: GenerationRequest, index: int, seed: int, cancel: CancelToken
    ) -> Iterator[Chunk | Finished]:
        started = time.perf_counter()
        path, body = self._body(request, seed)
        connection = self._connection()
        from reelwright.models.llama_engine import StopFilter  # not at the top: it is heavy

        stops = StopFilter(request.stop)
        produced = 0
        first = 0.0
        reason = "stop"
        prompt_tokens = 0
        done = threading.Event()

        def watch() -> None:
            """Close the connection when the writer cancels: unblocks a waiting read."""
            while not done.wait(0.05):
                if cancel.cancelled:
                    sock = connection.sock
                    if sock is not None:
                        with contextlib.suppress(OSError):
                            sock.shutdown(socket.SHUT_RDWR)
                    return

        watcher = threading.Thread(target=watch, name="remote-cancel", daemon=True)
        watcher.start()

        def finished(why: str, error: str | None = None) -> Finished:
            return Finished(
                index,
                why,
                prompt_tokens=prompt_tokens,
                completion_tokens=produced,
                seconds=time.perf_counter() - started,
                first_token_seconds=first,
                error=error,
            )

        try:
            payload = json.dumps(body).encode("utf-8")
            connection.request("POST", path, body=payload, headers=self._headers())
            response = connection.getresponse()
            if response.status >= 400:
                answer = response.read(MAX_ANSWER_BYTES)
                yield finished("error", self._http_error(response.status, answer))
                return
            for event in _events(response, cancel):
                if event.get("error"):
                    error = event["error"]
                    message = error.get("message") if isinstance(error, dict) else error
                    yield finished("error", f"{self._where()} failed: {message}")
                    return
                usage = event.get("usage")
                if isinstance(usage, dict):
                    prompt_tokens = _positive(usage.get("prompt_tokens")) or prompt_tokens
                choices = event.get("choices")
                for choice in choices if isinstance(choices, list) else ():
                    if not isinstance(choice, dict):
                        continue  # not what the API says: nothing to take from it
                    delta = choice.get("delta")
                    text = choice.get("text") if "text" in choice else None
                    if text is None and isinstance(delta, dict):
                        text = delta.get("content")
                    if isinstance(text, str) and text:
                        if produced == 0:
                            first = time.perf_counter() - started
                        produced += 1
                        shown = stops.feed(text)
                        if shown:
                            yield Chunk(shown, index)
                        if stops.stopped:
                            yield finished("stop")
                            return
                    if choice.get("finish_reason"):
                        reason = "length" if choice["finish_reason"] == "length" else "stop"
            tail = stops.flush()
            if tail:
                yield Chunk(tail, index)
            yield finished(reason)
        except _CancelledError:
            yield finished("cancelled")
        except (OSError, http.client.HTTPException, ValueError, RecursionError) as error:
            if cancel.cancelled:
                yield finished("cancelled")
            else:
                yield finished("error", f"lost {self._where()}: {_reason(error)}")
        finally:
            done.set()
            connection.close()


def _events(response: http.client.HTTPResponse, cancel: CancelToken) -> Iterator[dict[str, Any]]:
    """Server-sent events: ``data:`` lines joined until a blank line, as JSON objects."""
    data: list[str] = []
    while True:
        if cancel.cancelled:
            raise _CancelledError
        raw = response.readline(MAX_ANSWER_BYTES)
        if cancel.cancelled:
            raise _CancelledError
        if not raw:
            break
        line = raw.decode("utf-8", "replace").rstrip("\r\n")
        if line.startswith("data:"):
            data.append(line[5:].removeprefix(" "))
            continue
        if line == "" and data:
            text = "\n".join(data)
            data = []
            if text.strip() == "[DONE]":
                return
            parsed = json.loads(text)
            if isinstance(parsed, dict):
                yield parsed
        # "event:", "id:", "retry:" and ": comment" lines carry nothing we need
    if data and "\n".join(data).strip() not in ("", "[DONE]"):
        parsed = json.loads("\n".join(data))
        if isinstance(parsed, dict):
            yield parsed


def _reason(error: BaseException) -> str:
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"its certificate is not trusted ({error.verify_message})"
    if isinstance(error, socket.timeout | TimeoutError):
        return "it did not answer in time"
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return str(text)


def _positive(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None
