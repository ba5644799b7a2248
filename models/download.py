"""Download catalog models from the Hugging Face hub, resumably and checked.

huggingface-hub does what it does well here: the hub URL of a file (``hf_hub_url``), its
metadata in one HEAD request (``get_hf_file_metadata``: commit, LFS sha256, size), the
sha256 from ``paths-info`` when the HEAD gives none, offline mode (``HF_HUB_OFFLINE``), the
cache layout of files fetched by other tools, and its shared ``httpx2`` client (TLS
verification on, redirects followed, offline requests blocked).

The transfer itself is ours, because ``hf_hub_download`` deletes a partial file when the
program stops and checks only the size: we keep ``<file>.part`` (plus a small
``.part.json`` naming the sha256 it belongs to) across restarts, continue it with an HTTP
Range request on the commit-pinned resolve URL (the hub answers with a 302 to its CDN;
the Range header goes along), hash the whole file including the resumed part, and rename
it into place only when the sha256 matches.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx2
from huggingface_hub import constants, get_hf_file_metadata, hf_hub_url
from huggingface_hub.errors import (
    GatedRepoError,
    HfHubHTTPError,
    OfflineModeIsEnabled,
    RemoteEntryNotFoundError,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)
from huggingface_hub.utils import build_hf_headers, get_session, hf_raise_for_status

from reelwright.models.catalog import CatalogEntry, get_entry
from reelwright.models.store import catalog_download_path, downloaded_path
from reelwright.models.types import CancelToken
from reelwright.screenplay.errors import ModelError, ReelwrightError
from reelwright.screenplay.fileio import atomic_write_text, fsync_folder

log = logging.getLogger(__name__)

CHUNK_BYTES = 256 * 1024
"""Read size for hashing a resumed part. The network is read as bytes arrive (no
re-chunking), so that a broken connection loses nothing that was received."""
PROGRESS_INTERVAL_S = 0.1
SPEED_WINDOW_S = 5.0
DISK_MARGIN_BYTES = 64 * 1024 * 1024
"""Left free after a download, so that saving a script still works."""
METADATA_TIMEOUT_S = 20.0
TRANSFER_TIMEOUT = httpx2.Timeout(30.0, read=60.0)
RETRY_WAIT_S = 1.0
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CONTENT_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+|\*)$")


@dataclass(frozen=True, slots=True)
class DownloadProgress:
    """A snapshot for a progress bar. ``speed`` is bytes per second over the last seconds."""

    done: int
    total: int
    speed: float
    eta_seconds: float | None
    """None while the speed is not known yet."""
    resumed_from: int = 0
    """Bytes that were already on disk from an earlier, interrupted download."""

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total > 0 else 0.0


ProgressCallback = Callable[[DownloadProgress], None]


class DownloadCancelledError(ReelwrightError):
    """The download was cancelled; its ``.part`` file stays for a later resume."""

    def __init__(self, message: str, partial: Path, done: int) -> None:
        super().__init__(message)
        self.partial = partial
        self.done = done


@dataclass(frozen=True, slots=True)
class RemoteFile:
    """What the hub says about one file, right now."""

    url: str
    """The resolve URL, pinned to ``commit`` when the hub names one."""
    sha256: str
    size: int
    commit: str | None


def hub_endpoint() -> str:
    """``HF_ENDPOINT`` as set now (huggingface-hub reads it once, at import)."""
    return os.environ.get("HF_ENDPOINT", constants.ENDPOINT).rstrip("/")


def is_offline() -> bool:
    """huggingface-hub's offline switch (``HF_HUB_OFFLINE=1`` when the program starts)."""
    return bool(constants.is_offline_mode())


def format_bytes(count: float) -> str:
    """Decimal units with three significant digits, as the hub lists sizes: ``659 MB``."""
    if abs(count) < 1000:
        return f"{count:.0f} bytes"
    for unit in ("KB", "MB", "GB", "TB"):
        count /= 1000
        if abs(count) < 1000 or unit == "TB":
            break
    decimals = 0 if abs(count) >= 100 else 1 if abs(count) >= 10 else 2
    return f"{count:.{decimals}f} {unit}"


def _offline_error(entry: CatalogEntry) -> ModelError:
    return ModelError(
        f"offline: cannot download {entry.id} while HF_HUB_OFFLINE is set; unset it and "
        "try again, or add a .gguf file you already have with `reelwright models add`"
    )


def _explain(error: Exception, entry: CatalogEntry) -> ModelError:
    """One sentence for an error from the hub or the network."""
    where = f"{entry.repo_id}/{entry.filename}"
    if isinstance(error, OfflineModeIsEnabled):
        return _offline_error(entry)
    if isinstance(error, GatedRepoError):
        return ModelError(f"the hub repository {entry.repo_id} needs a login (`hf auth login`)")
    if isinstance(error, RepositoryNotFoundError):
        return ModelError(f"the hub has no repository {entry.repo_id} (or it is private)")
    if isinstance(error, RevisionNotFoundError):
        return ModelError(f"the hub repository {entry.repo_id} has no revision {entry.revision}")
    if isinstance(error, RemoteEntryNotFoundError):
        return ModelError(f"the hub repository {entry.repo_id} has no file {entry.filename}")
    if isinstance(error, HfHubHTTPError):
        status = error.response.status_code if error.response is not None else "an error"
        return ModelError(f"the hub answered {status} for {where}; try again later")
    if isinstance(error, httpx2.TimeoutException):
        return ModelError(f"the hub did not answer in time for {where}; try again later")
    if isinstance(error, httpx2.TransportError):
        return ModelError(f"could not reach {hub_endpoint()}: {error}; check the connection")
    return ModelError(f"could not download {where}: {error}")


def remote_file(entry: CatalogEntry) -> RemoteFile:
    """The commit, size and LFS sha256 of ``entry`` on the hub (one HEAD, maybe one POST)."""
    if is_offline():
        raise _offline_error(entry)
    endpoint = hub_endpoint()
    url = hf_hub_url(entry.repo_id, entry.filename, revision=entry.revision, endpoint=endpoint)
    try:
        meta = get_hf_file_metadata(url, timeout=METADATA_TIMEOUT_S, endpoint=endpoint)
        sha256 = (meta.etag or "").lower()
        size = meta.size
        if not _SHA256.match(sha256):
            # A git-sha1 ETag (not an LFS file, or a proxy): ask paths-info for the LFS oid.
            from huggingface_hub import HfApi

            infos = HfApi(endpoint=endpoint).get_paths_info(
                entry.repo_id, [entry.filename], revision=meta.commit_hash or entry.revision
            )
            lfs = getattr(infos[0], "lfs", None) if infos else None
            if lfs is None:
                raise ModelError(
                    f"the hub gives no sha256 for {entry.repo_id}/{entry.filename}, "
                    "so it could not be checked; not downloading it"
                )
            sha256, size = lfs.sha256.lower(), lfs.size
    except ModelError:
        raise
    except (HfHubHTTPError, OfflineModeIsEnabled, httpx2.HTTPError, OSError) as error:
        raise _explain(error, entry) from error
    if not size:
        raise ModelError(f"the hub gives no size for {entry.repo_id}/{entry.filename}")
    pinned = hf_hub_url(
        entry.repo_id,
        entry.filename,
        revision=meta.commit_hash or entry.revision,
        endpoint=endpoint,
    )
    return RemoteFile(url=pinned, sha256=sha256, size=size, commit=meta.commit_hash)


def check_free_space(folder: Path, needed: int) -> None:
    """Refuse to start when ``needed`` bytes (plus a margin) do not fit in ``folder``."""
    free = shutil.disk_usage(folder).free
    if free < needed + DISK_MARGIN_BYTES:
        raise ModelError(
            f"not enough free disk space in {folder}: the download needs "
            f"{format_bytes(needed + DISK_MARGIN_BYTES)} and {format_bytes(free)} is free"
        )


class _TransferBrokenError(Exception):
    """The connection broke mid-way; the ``.part`` file holds what arrived."""


class _Transfer:
    """The ``.part`` file, its sha256 so far, and the progress bookkeeping."""

    def __init__(self, part: Path, remote: RemoteFile, progress: ProgressCallback | None) -> None:
        self.part = part
        self.remote = remote
        self.progress = progress
        self.hasher = hashlib.sha256()
        self.done = 0
        with contextlib.suppress(FileNotFoundError), part.open("rb") as handle:
            while block := handle.read(CHUNK_BYTES * 4):
                self.hasher.update(block)
                self.done += len(block)
        self.resumed_from = self.done
        self._samples: deque[tuple[float, int]] = deque()
        self._last_report = 0.0

    def restart(self) -> None:
        """The server ignored our Range: start the file over."""
        self.part.write_bytes(b"")
        self.hasher = hashlib.sha256()
        self.done = self.resumed_from = 0
        self._samples.clear()

    def add(self, chunk: bytes) -> None:
        self.hasher.update(chunk)
        self.done += len(chunk)
        self.report()

    def report(self, force: bool = False) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        self._samples.append((now, self.done))
        while len(self._samples) > 2 and now - self._samples[0][0] > SPEED_WINDOW_S:
            self._samples.popleft()
        if not force and now - self._last_report < PROGRESS_INTERVAL_S:
            return
        self._last_report = now
        first_time, first_done = self._samples[0]
        elapsed = now - first_time
        speed = (self.done - first_done) / elapsed if elapsed > 0 else 0.0
        remaining = max(self.remote.size - self.done, 0)
        eta = remaining / speed if speed > 0 else (0.0 if remaining == 0 else None)
        self.progress(DownloadProgress(self.done, self.remote.size, speed, eta, self.resumed_from))


def _read_part_meta(path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _discard(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _transfer_once(state: _Transfer, cancel: CancelToken | None) -> None:
    """One GET from ``state.done`` on; ``_TransferBrokenError`` when the connection breaks."""
    headers = build_hf_headers()
    headers["Accept-Encoding"] = "identity"
    if state.done:
        headers["Range"] = f"bytes={state.done}-"
    try:
        with get_session().stream(
            "GET", state.remote.url, headers=headers, timeout=TRANSFER_TIMEOUT
        ) as response:
            if response.status_code == 416 and state.done:
                if state.done == state.remote.size:
                    return  # complete already; the checksum decides
                state.restart()
                raise _TransferBrokenError("the server refused to resume; starting over")
            if response.status_code >= 400:
                response.read()
                hf_raise_for_status(response)
            if state.done and response.status_code == 200:
                log.info("the server ignored the Range request; starting over")
                state.restart()
            elif response.status_code == 206:
                match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
                if match is None or int(match.group(1)) != state.done:
                    raise ModelError(
                        "the download server resumed at the wrong place; "
                        f"delete {state.part} and try again"
                    )
            state.report(force=True)
            with state.part.open("ab") as handle:
                try:
                    for chunk in response.iter_bytes():
                        if cancel is not None and cancel.cancelled:
                            break
                        handle.write(chunk)
                        state.add(chunk)
                finally:
                    handle.flush()
                    os.fsync(handle.fileno())
    except httpx2.TransportError as error:
        raise _TransferBrokenError(str(error) or type(error).__name__) from error
    if cancel is not None and cancel.cancelled:
        return
    if state.done < state.remote.size:
        raise _TransferBrokenError("the server closed the connection early")


def download_model(
    entry_or_id: CatalogEntry | str,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    retries: int = 3,
) -> Path:
    """Download a catalog model and return its path once its sha256 is checked.

    Already downloaded (here or in the Hugging Face cache): returns at once. A broken
    connection is resumed up to ``retries`` times in this call; after that, or on
    ``cancel``, the ``.part`` file stays and the next call continues it. Raises
    ``ModelError`` with one sentence (``DownloadCancelledError`` on cancel).
    """
    entry = get_entry(entry_or_id) if isinstance(entry_or_id, str) else entry_or_id
    existing = downloaded_path(entry)
    if existing is not None:
        return existing
    remote = remote_file(entry)
    target = catalog_download_path(entry)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ModelError(f"could not create {target.parent}: {error.strerror}") from error
    part = target.with_name(target.name + ".part")
    part_meta = target.with_name(target.name + ".part.json")

    recorded = _read_part_meta(part_meta)
    if recorded is None or recorded.get("sha256") != remote.sha256:
        # Nothing to resume, or the part belongs to another version of the file.
        _discard(part)
        record = {"sha256": remote.sha256, "size": remote.size, "commit": remote.commit}
        atomic_write_text(part_meta, json.dumps(record, indent=2) + "\n")
    if part.exists() and part.stat().st_size > remote.size:
        _discard(part)
    already = part.stat().st_size if part.exists() else 0
    check_free_space(target.parent, remote.size - already)

    state = _Transfer(part, remote, progress)
    attempts = 0
    while state.done < remote.size:
        if cancel is not None and cancel.cancelled:
            break
        try:
            _transfer_once(state, cancel)
        except (HfHubHTTPError, OfflineModeIsEnabled) as error:
            raise _explain(error, entry) from error
        except _TransferBrokenError as error:
            attempts += 1
            if attempts > retries:
                raise ModelError(
                    f"the download of {entry.id} stopped at {format_bytes(state.done)} of "
                    f"{format_bytes(remote.size)} ({error}); run it again to resume"
                ) from error
            log.warning("download of %s interrupted (%s); resuming", entry.id, error)
            time.sleep(RETRY_WAIT_S * attempts)
        else:
            if state.done >= remote.size:
                break
    if cancel is not None and cancel.cancelled and state.done < remote.size:
        raise DownloadCancelledError(
            f"download of {entry.id} cancelled at {format_bytes(state.done)} of "
            f"{format_bytes(remote.size)}; run it again to resume",
            part,
            state.done,
        )
    state.report(force=True)
    if state.done != remote.size or state.hasher.hexdigest() != remote.sha256:
        _discard(part, part_meta)
        raise ModelError(
            f"the download of {entry.id} is damaged (its checksum does not match the hub's) "
            "and was deleted; run it again"
        )
    try:
        os.replace(part, target)
    except OSError as error:
        raise ModelError(f"could not move the download to {target}: {error.strerror}") from error
    fsync_folder(target.parent)
    _discard(part_meta)
    return target
