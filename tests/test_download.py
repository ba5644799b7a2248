"""Downloads against a local stand-in for the hub (tests/hub_server.py), never the network."""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from pathlib import Path

import pytest
from hub_server import COMMIT, TINY_FILENAME, TINY_REPO, HubServer, tiny_catalog_entry
from huggingface_hub import constants

from reelwright.models.download import DownloadCancelledError, DownloadProgress, download_model
from reelwright.models.gguf_info import inspect_gguf
from reelwright.models.store import catalog_download_path, downloaded_path, resolve_model
from reelwright.models.types import CancelToken
from reelwright.screenplay.errors import ModelError

REPO = TINY_REPO
FILENAME = TINY_FILENAME


make_entry = tiny_catalog_entry


@pytest.fixture
def payload() -> bytes:
    """1.5 MB of varied bytes: several transfer chunks."""
    return b"".join(hashlib.sha256(str(i).encode()).digest() for i in range(48_000))


def test_download_reports_growing_progress_and_renames_atomically(
    hub: HubServer, payload: bytes
) -> None:
    hub.add_file(REPO, FILENAME, payload)
    hub.state.chunk_delay = 0.01
    seen: list[DownloadProgress] = []
    path = download_model(make_entry(), progress=seen.append)
    assert path == catalog_download_path(make_entry())
    assert path.read_bytes() == payload
    assert not path.with_name(path.name + ".part").exists()
    assert not path.with_name(path.name + ".part.json").exists()
    done = [p.done for p in seen]
    assert len(set(done)) >= 3, done
    assert done == sorted(done)
    assert seen[-1].done == seen[-1].total == len(payload)
    assert seen[-1].eta_seconds == 0.0
    assert any(p.speed > 0 for p in seen)
    # The bytes came from the CDN after the hub's 302, pinned to the commit.
    assert any(f"/resolve/{COMMIT}/" in r.path for r in hub.state.requests if r.server == "hub")
    assert len(hub.cdn_gets()) == 1


def test_interrupted_download_resumes_with_range_in_a_new_call(
    hub: HubServer, payload: bytes
) -> None:
    hub.add_file(REPO, FILENAME, payload)
    hub.state.drop_after = 600_000
    with pytest.raises(ModelError, match="run it again to resume"):
        download_model(make_entry(), retries=0)
    target = catalog_download_path(make_entry())
    part = target.with_name(target.name + ".part")
    kept = part.stat().st_size
    assert 0 < kept <= 600_000
    assert part.read_bytes() == payload[:kept]
    assert not target.exists()

    # "The app restarts": a new call continues from the .part with a Range request.
    seen: list[DownloadProgress] = []
    path = download_model(make_entry(), progress=seen.append)
    assert path.read_bytes() == payload
    gets = hub.cdn_gets()
    assert gets[0].range is None
    assert gets[-1].range == f"bytes={kept}-"
    assert seen[0].resumed_from == kept


def test_connection_drop_is_resumed_within_one_call(hub: HubServer, payload: bytes) -> None:
    hub.add_file(REPO, FILENAME, payload)
    hub.state.drop_after = 300_000
    hub.state.drop_times = 2
    path = download_model(make_entry(), retries=3)
    assert path.read_bytes() == payload
    ranges = [r.range for r in hub.cdn_gets()]
    assert ranges[0] is None
    assert len(ranges) == 3 and all(r is not None for r in ranges[1:])


def test_server_ignoring_range_restarts_cleanly(hub: HubServer, payload: bytes) -> None:
    hub.add_file(REPO, FILENAME, payload)
    hub.state.drop_after = 200_000
    with pytest.raises(ModelError):
        download_model(make_entry(), retries=0)
    hub.state.ignore_range = True
    path = download_model(make_entry())
    assert path.read_bytes() == payload


def test_checksum_mismatch_deletes_everything(hub: HubServer, payload: bytes) -> None:
    hub.add_file(REPO, FILENAME, payload)
    hub.state.corrupt = True
    with pytest.raises(ModelError, match="checksum"):
        download_model(make_entry())
    folder = catalog_download_path(make_entry()).parent
    assert list(folder.iterdir()) == []
    assert downloaded_path(make_entry()) is None


def test_checksum_covers_the_resumed_part(hub: HubServer, payload: bytes) -> None:
    hub.add_file(REPO, FILENAME, payload)
    hub.state.drop_after = 500_000
    with pytest.raises(ModelError):
        download_model(make_entry(), retries=0)
    target = catalog_download_path(make_entry())
    part = target.with_name(target.name + ".part")
    damaged = bytearray(part.read_bytes())
    damaged[10] ^= 0xFF
    part.write_bytes(bytes(damaged))
    with pytest.raises(ModelError, match="checksum"):
        download_model(make_entry())
    assert not target.exists() and not part.exists()


def test_cancel_keeps_the_part_and_a_later_call_resumes(hub: HubServer, payload: bytes) -> None:
    hub.add_file(REPO, FILENAME, payload)
    hub.state.chunk_delay = 0.005
    cancel = CancelToken()

    def stop_halfway(progress: DownloadProgress) -> None:
        if progress.done > len(payload) // 3:
            cancel.cancel()

    with pytest.raises(DownloadCancelledError) as caught:
        download_model(make_entry(), progress=stop_halfway, cancel=cancel)
    assert caught.value.partial.exists()
    assert caught.value.partial.stat().st_size == caught.value.done < len(payload)
    hub.state.chunk_delay = 0.0
    path = download_model(make_entry())
    assert path.read_bytes() == payload
    assert hub.cdn_gets()[-1].range == f"bytes={caught.value.done}-"


def test_cancel_from_another_thread(hub: HubServer, payload: bytes) -> None:
    hub.add_file(REPO, FILENAME, payload)
    hub.state.chunk_delay = 0.01
    cancel = CancelToken()
    started = threading.Event()
    timer = threading.Timer(0.3, cancel.cancel)
    timer.start()
    try:
        with pytest.raises(DownloadCancelledError):
            download_model(make_entry(), progress=lambda _: started.set(), cancel=cancel)
    finally:
        timer.cancel()
    assert started.is_set()


def test_offline_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    with pytest.raises(ModelError, match=r"^offline"):
        download_model(make_entry())
    assert not catalog_download_path(make_entry()).parent.exists()


def test_not_enough_disk_space(
    hub: HubServer, payload: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub.add_file(REPO, FILENAME, payload)
    real = shutil.disk_usage

    def nearly_full(path: str | os.PathLike[str]) -> object:
        usage = real(path)
        return type(usage)(usage.total, usage.total - 1000, 1000)

    monkeypatch.setattr(shutil, "disk_usage", nearly_full)
    with pytest.raises(ModelError, match=r"not enough free disk space .* needs .*MB"):
        download_model(make_entry())
    assert hub.cdn_gets() == []


def test_missing_repo_file_and_refusal_are_clear(hub: HubServer, payload: bytes) -> None:
    hub.add_file(REPO, FILENAME, payload)
    with pytest.raises(ModelError, match="has no repository"):
        download_model(make_entry(repo="nobody/nothing"))
    with pytest.raises(ModelError, match="has no file"):
        download_model(make_entry(filename="other.gguf"))
    hub.state.refuse = 503
    with pytest.raises(ModelError, match="answered 503"):
        download_model(make_entry())


def test_sha_from_paths_info_when_the_etag_is_not_one(hub: HubServer, payload: bytes) -> None:
    hub.add_file(REPO, FILENAME, payload)
    hub.state.hide_sha = True
    path = download_model(make_entry())
    assert path.read_bytes() == payload
    assert any("/paths-info/" in r.path for r in hub.state.requests)


def test_catalog_id_download_then_resolve(hub: HubServer, payload: bytes) -> None:
    hub.add_file("mav23/pythia-1b-GGUF", "pythia-1b.Q4_K_M.gguf", payload)
    with pytest.raises(ModelError, match="not downloaded yet"):
        resolve_model("pythia-1b")
    path = download_model("pythia-1b")
    assert resolve_model("pythia-1b") == path
    # A second call finds the file and does not touch the network.
    before = len(hub.state.requests)
    assert download_model("pythia-1b") == path
    assert len(hub.state.requests) == before


def test_a_part_of_an_older_version_is_not_resumed(hub: HubServer, payload: bytes) -> None:
    hub.add_file(REPO, FILENAME, payload)
    hub.state.drop_after = 400_000
    with pytest.raises(ModelError):
        download_model(make_entry(), retries=0)
    newer = payload[::-1]
    hub.add_file(REPO, FILENAME, newer)  # re-uploaded on the hub: another sha256
    hub.state.drop_after = None
    path = download_model(make_entry())
    assert path.read_bytes() == newer
    assert hub.cdn_gets()[-1].range is None


def test_the_stand_in_hub_speaks_the_hub_api(hub: HubServer, payload: bytes) -> None:
    """huggingface-hub's own client reads the local server as it reads the real hub."""
    from huggingface_hub import HfApi, get_hf_file_metadata, hf_hub_url

    served = hub.add_file(REPO, FILENAME, payload)
    api = HfApi(endpoint=hub.url)
    info = api.model_info(REPO)
    assert info.sha == COMMIT and [s.rfilename for s in info.siblings or []] == [FILENAME]
    (path_info,) = api.get_paths_info(REPO, [FILENAME])
    assert path_info.lfs is not None and path_info.lfs.sha256 == served.sha256
    meta = get_hf_file_metadata(hf_hub_url(REPO, FILENAME, endpoint=hub.url))
    assert (meta.etag, meta.size, meta.commit_hash) == (served.sha256, len(payload), COMMIT)
    assert meta.location.startswith("http://127.0.0.1:") and "/cdn/" in meta.location
    assert not meta.location.startswith(hub.url)


def test_a_downloaded_gguf_is_a_model_gguf_info_reads(
    hub: HubServer, tiny_gptneox_gguf: Path
) -> None:
    data = tiny_gptneox_gguf.read_bytes()
    hub.add_file(REPO, FILENAME, data)
    hub.state.drop_after = len(data) // 2
    path = download_model(make_entry(), retries=1)
    assert [r.range for r in hub.cdn_gets()] == [None, f"bytes={len(data) // 2}-"]
    info = inspect_gguf(path)
    assert info.architecture == "gptneox"
    assert info.file_size == len(data)
    assert info.quantization == inspect_gguf(tiny_gptneox_gguf).quantization
