"""A local stand-in for the Hugging Face hub, for download tests (``HF_ENDPOINT``).

Two threaded ``http.server`` servers on 127.0.0.1, like the real hub and its CDN:

- the hub answers ``HEAD``/``GET /{repo}/resolve/{rev}/{file}`` with a 302 carrying the
  hub's metadata headers (``X-Repo-Commit``, ``X-Linked-Etag`` = sha256, ``X-Linked-Size``,
  ``ETag``, ``Location``), plus the two API routes huggingface-hub 2.4 calls for metadata:
  ``GET /api/models/{repo}[/revision/{rev}]`` (model_info) and
  ``POST /api/models/{repo}/paths-info/{rev}`` (get_paths_info);
- the CDN, on another port and so another origin (huggingface-hub follows same-origin
  redirects on HEAD but stops at another host, as it does for the real CDN), serves
  ``/cdn/{sha256}`` with ``Range``/``206``/``Content-Range``.

Switches for tests: ``drop_after`` (close the connection after N body bytes, for the next
``drop_times`` GETs), ``corrupt`` (serve bytes that do not match the sha256), ``refuse``
(answer every hub request with this status), ``chunk_delay`` (sleep between 16 KiB
writes), ``ignore_range``, ``hide_sha`` (an ETag that is not a sha256, as for non-LFS
files, so the client has to ask paths-info). ``requests`` records what was asked.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from reelwright.models.catalog import CatalogEntry

COMMIT = "0123456789abcdef0123456789abcdef01234567"
_RESOLVE = re.compile(r"^/(?P<repo>[^/]+/[^/]+)/resolve/(?P<rev>[^/]+)/(?P<file>.+)$")
_API = re.compile(
    r"^/api/models/(?P<repo>[^/]+/[^/]+)(?:/(?P<what>revision|paths-info)/(?P<rev>.+))?$"
)
_CDN = re.compile(r"^/cdn/(?P<sha>[0-9a-f]{64})$")
_RANGE = re.compile(r"^bytes=(\d+)-(\d*)$")
WRITE_BLOCK = 16 * 1024


@dataclass
class Served:
    repo: str
    filename: str
    data: bytes
    sha256: str
    git_sha1: str


@dataclass
class Request:
    server: str
    """"hub" or "cdn"."""
    method: str
    path: str
    range: str | None


@dataclass
class HubState:
    files: dict[tuple[str, str], Served] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    drop_after: int | None = None
    drop_times: int = 1
    corrupt: bool = False
    refuse: int | None = None
    chunk_delay: float = 0.0
    ignore_range: bool = False
    hide_sha: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def by_sha(self, sha: str) -> Served | None:
        for served in self.files.values():
            if served.sha256 == sha:
                return served
        return None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: HubState
    role: str
    cdn_origin: str = ""

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: pytest shows the test's own output."""

    def _record(self) -> None:
        with self.state.lock:
            self.state.requests.append(
                Request(self.role, self.command, self.path, self.headers.get("Range"))
            )

    def _empty(self, status: int, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _json(self, status: int, payload: object, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self._dispatch()

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        self._record()
        path = urlsplit(self.path).path
        if self.role == "cdn":
            self._cdn(path)
        elif self.state.refuse is not None:
            self._json(self.state.refuse, {"error": "refused by the test switch"})
        elif match := _RESOLVE.match(path):
            self._resolve(match["repo"], match["rev"], unquote(match["file"]))
        elif match := _API.match(path):
            what = match["what"] or "revision"
            self._api(match["repo"], what, unquote(match["rev"] or "main"))
        else:
            self._json(404, {"error": "not found"})

    def _lookup(self, repo: str, filename: str, rev: str) -> Served | None:
        repo_known = any(key[0] == repo for key in self.state.files)
        if not repo_known:
            self._json(404, {"error": "Repository not found"}, {"X-Error-Code": "RepoNotFound"})
            return None
        if rev not in ("main", COMMIT):
            self._json(404, {"error": "Revision not found"}, {"X-Error-Code": "RevisionNotFound"})
            return None
        served = self.state.files.get((repo, filename))
        if served is None:
            self._json(404, {"error": "Entry not found"}, {"X-Error-Code": "EntryNotFound"})
        return served

    def _resolve(self, repo: str, rev: str, filename: str) -> None:
        served = self._lookup(repo, filename, rev)
        if served is None:
            return
        etag = served.git_sha1 if self.state.hide_sha else served.sha256
        headers = {
            "X-Repo-Commit": COMMIT,
            "ETag": f'"{etag}"',
            "X-Linked-Size": str(len(served.data)),
            "Location": f"{self.cdn_origin}/cdn/{served.sha256}?X-Amz-Signature=test",
            "Accept-Ranges": "bytes",
        }
        if not self.state.hide_sha:
            headers["X-Linked-Etag"] = f'"{served.sha256}"'
        self._empty(302, headers)

    def _api(self, repo: str, what: str, rev: str) -> None:
        files = [s for key, s in self.state.files.items() if key[0] == repo]
        if not files:
            self._json(404, {"error": "Repository not found"}, {"X-Error-Code": "RepoNotFound"})
            return
        if what == "revision":
            siblings = [{"rfilename": s.filename} for s in files]
            self._json(200, {"id": repo, "modelId": repo, "sha": COMMIT, "siblings": siblings})
            return
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode())
        wanted = form.get("paths", [])
        infos = [
            {
                "type": "file",
                "path": s.filename,
                "size": len(s.data),
                "oid": s.git_sha1,
                "lfs": {"oid": s.sha256, "size": len(s.data), "pointerSize": 134},
            }
            for s in files
            if s.filename in wanted
        ]
        self._json(200, infos)

    def _cdn(self, path: str) -> None:
        match = _CDN.match(path)
        served = self.state.by_sha(match["sha"]) if match else None
        if served is None:
            self._json(404, {"error": "no such blob"})
            return
        data = served.data
        if self.state.corrupt:
            data = bytes(b ^ 0x5A for b in data[:64]) + data[64:]
        total = len(data)
        start, end, status = 0, total - 1, 200
        wanted = self.headers.get("Range")
        if wanted and not self.state.ignore_range:
            parsed = _RANGE.match(wanted.strip())
            if parsed is None or int(parsed[1]) >= total:
                self._empty(416, {"Content-Range": f"bytes */{total}"})
                return
            start = int(parsed[1])
            end = min(int(parsed[2]), total - 1) if parsed[2] else total - 1
            status = 206
        body = data[start : end + 1]
        self.send_response(status)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("ETag", f'"{served.sha256}"')
        if status == 206:
            self.send_header("Content-Range", f"bytes {start}-{end}/{total}")
        self.end_headers()
        if self.command == "HEAD":
            return
        limit = len(body)
        with self.state.lock:
            if self.state.drop_after is not None and self.state.drop_times > 0:
                limit = min(limit, self.state.drop_after)
                self.state.drop_times -= 1
        sent = 0
        try:
            while sent < limit:
                block = body[sent : min(sent + WRITE_BLOCK, limit)]
                self.wfile.write(block)
                self.wfile.flush()
                sent += len(block)
                if self.state.chunk_delay:
                    time.sleep(self.state.chunk_delay)
        except (BrokenPipeError, ConnectionResetError):
            return
        if limit < len(body):
            self.close_connection = True
            self.connection.shutdown(2)


class HubServer:
    """Start with ``start()``, stop with ``stop()``; ``url`` goes into ``HF_ENDPOINT``."""

    def __init__(self) -> None:
        self.state = HubState()
        self._servers: list[ThreadingHTTPServer] = []
        self._threads: list[threading.Thread] = []
        self.url = ""

    def _serve(self, role: str, cdn_origin: str) -> ThreadingHTTPServer:
        handler = type(
            f"{role.title()}Handler",
            (_Handler,),
            {"state": self.state, "role": role, "cdn_origin": cdn_origin},
        )
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        thread = threading.Thread(
            target=server.serve_forever, args=(0.05,), name=f"hub-{role}", daemon=True
        )
        thread.start()
        self._servers.append(server)
        self._threads.append(thread)
        return server

    def start(self) -> HubServer:
        cdn = self._serve("cdn", "")
        cdn_origin = f"http://127.0.0.1:{cdn.server_address[1]}"
        hub = self._serve("hub", cdn_origin)
        self.url = f"http://127.0.0.1:{hub.server_address[1]}"
        return self

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def add_file(self, repo: str, filename: str, data: bytes) -> Served:
        git_sha1 = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
        served = Served(repo, filename, data, hashlib.sha256(data).hexdigest(), git_sha1)
        self.state.files[(repo, filename)] = served
        return served

    def cdn_gets(self) -> list[Request]:
        return [r for r in self.state.requests if r.server == "cdn" and r.method == "GET"]


TINY_REPO = "reelwright-tests/tiny-GGUF"
TINY_FILENAME = "tiny.Q8_0.gguf"


def tiny_catalog_entry(
    repo: str = TINY_REPO, filename: str = TINY_FILENAME, size: int = 1
) -> CatalogEntry:
    """A catalog entry for a file the stand-in hub serves."""
    return CatalogEntry(
        id="tiny-test",
        name="Tiny test model",
        repo_id=repo,
        filename=filename,
        size_bytes=size,
        size_approx=True,
        architecture="gptneox",
        parameters_billions=0.001,
        quantization="Q8_0",
        licence="apache-2.0",
        context_length=256,
        kind="base",
        good_for="tests",
        min_ram_gb=0.1,
    )


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[HubServer]:
    """The stand-in hub, running, with huggingface-hub and our downloads pointed at it."""
    from huggingface_hub import constants

    from reelwright.models import download as dl

    server = HubServer().start()
    monkeypatch.setenv("HF_ENDPOINT", server.url)
    # conftest sets HF_HUB_OFFLINE=1 before huggingface-hub reads it; these tests go online
    # to 127.0.0.1 only, so switch the hub's own flag off for their duration.
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(dl, "RETRY_WAIT_S", 0.0)
    yield server
    server.stop()
