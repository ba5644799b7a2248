"""``reelwright models ...`` end to end: in-process for output, a child process for Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hub_server import HubServer
from huggingface_hub import constants

from reelwright.cli.main import main
from reelwright.models.catalog import get_entry
from reelwright.models.store import catalog_download_path

REPO_ROOT = Path(__file__).resolve().parent.parent
PYTHIA = get_entry("pythia-1b")


@pytest.fixture
def payload() -> bytes:
    return bytes(range(256)) * 8000  # 2 MB


def test_list_shows_installed_then_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    installed, catalog = out.split("Catalog")
    assert "default" in installed and "embedded" in installed and "SmolLM2" in installed
    pythia_line = next(line for line in catalog.splitlines() if "pythia-1b" in line)
    assert "gptneox" in pythia_line and "apache-2.0" in pythia_line and "~659 MB" in pythia_line
    assert "gpt-neox-20b" in catalog and "llama3.1" in catalog


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["installed"][0]["id"] == "default"
    assert data["installed"][0]["exists"] is True
    by_id = {entry["id"]: entry for entry in data["catalog"]}
    assert by_id["gpt-neox-20b"]["architecture"] == "gptneox"
    assert by_id["pythia-1b"]["status"] == "-"


def test_download_shows_progress_then_list_says_downloaded(
    hub: HubServer, payload: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    hub.add_file(PYTHIA.repo_id, PYTHIA.filename, payload)
    assert main(["models", "download", "pythia-1b"]) == 0
    captured = capsys.readouterr()
    assert "downloaded and checked" in captured.out
    last = captured.err.strip().splitlines()[-1]
    assert "100.0%" in last and "2.05 MB / 2.05 MB" in last and "/s" in last and "ETA" in last
    assert catalog_download_path(PYTHIA).read_bytes() == payload

    assert main(["models", "list"]) == 0
    installed, catalog = capsys.readouterr().out.split("Catalog")
    assert "pythia-1b" in installed
    line = next(x for x in catalog.splitlines() if "pythia-1b" in x)
    assert line.rstrip().endswith("downloaded")

    assert main(["models", "download", "pythia-1b", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == str(catalog_download_path(PYTHIA))


def test_download_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    assert main(["models", "download", "pythia-1b"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("reelwright: offline") and len(err.strip().splitlines()) == 1
    assert main(["models", "download", "gpt-17"]) == 1
    assert "not in the model catalog" in capsys.readouterr().err


def test_partial_download_shows_in_list(
    hub: HubServer, payload: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    hub.add_file(PYTHIA.repo_id, PYTHIA.filename, payload)
    hub.state.drop_after = 128_000
    hub.state.drop_times = 10
    assert main(["models", "download", "pythia-1b"]) == 1
    assert "run it again to resume" in capsys.readouterr().err
    part = catalog_download_path(PYTHIA).with_name(PYTHIA.filename + ".part")
    assert part.stat().st_size == 4 * 128_000  # the first try and three resumed ones
    assert main(["models", "list"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "pythia-1b" in x)
    assert line.rstrip().endswith(f"partial {100 * 4 * 128_000 / len(payload):.0f}%")


def test_ctrl_c_keeps_the_part_and_a_second_run_resumes(hub: HubServer, payload: bytes) -> None:
    hub.add_file(PYTHIA.repo_id, PYTHIA.filename, payload)
    hub.state.chunk_delay = 0.02  # about 2.5 s for the whole file
    env = {**os.environ, "HF_HUB_OFFLINE": "0", "HF_ENDPOINT": hub.url}
    child = subprocess.Popen(
        [sys.executable, "-m", "reelwright.cli.main", "models", "download", "pythia-1b"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    part = catalog_download_path(PYTHIA).with_name(PYTHIA.filename + ".part")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (not part.exists() or part.stat().st_size < 200_000):
        time.sleep(0.02)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=30)
    assert child.returncode == 130, err
    assert "partial file" in err and "again to resume" in err and "Traceback" not in err
    kept = part.stat().st_size
    assert 200_000 <= kept < len(payload)

    hub.state.chunk_delay = 0.0
    assert main(["models", "download", "pythia-1b"]) == 0
    assert catalog_download_path(PYTHIA).read_bytes() == payload
    assert hub.cdn_gets()[-1].range == f"bytes={kept}-"


def test_info_for_a_catalog_model_not_downloaded(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "info", "gpt-neox-20b"]) == 0
    out = capsys.readouterr().out
    assert "zhentaoyu/gpt-neox-20b-Q4_0-GGUF/gpt-neox-20b-q4_0.gguf" in out
    assert "not downloaded: reelwright models download gpt-neox-20b" in out


def test_info_of_the_embedded_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "info", "default", "--ctx", "512", "--ctx", "4096"]) == 0
    out = capsys.readouterr().out
    assert "llama" in out and "at 512 tokens" in out and "at 4,096 tokens" in out
    assert "135M" in out and "(98,362,432 bytes)" in out
    assert main(["models", "info", "default", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["file"].endswith("SmolLM2-135M-Instruct.Q4_1.gguf")
    memory = data["gguf"]["memory_bytes_by_context"]
    assert memory["2048"] < memory["32768"]


def test_info_of_the_tiny_gptneox(
    tiny_gptneox_gguf: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "info", str(tiny_gptneox_gguf), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["gguf"]["architecture"] == "gptneox"


@pytest.mark.parametrize("content", [b"", b"hello, not a model", b"GGUF\x03\x00\x00\x00"])
def test_info_of_a_bad_file_fails_with_one_line(
    tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(content)
    assert main(["models", "info", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("reelwright: ") and len(err.strip().splitlines()) == 1


def test_add_then_remove(tiny_gptneox_gguf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "add", str(tiny_gptneox_gguf), "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert main(["models", "list", "--json"]) == 0
    ids = [m["id"] for m in json.loads(capsys.readouterr().out)["installed"]]
    assert added["id"] in ids
    assert main(["models", "remove", added["id"]]) == 0
    assert "itself is kept" in capsys.readouterr().out
    assert tiny_gptneox_gguf.exists()
    assert main(["models", "remove", added["id"]]) == 1
    assert main(["models", "add", str(tiny_gptneox_gguf.parent / "missing.gguf")]) == 1


def test_info_and_add_of_special_files_say_what_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``models info /dev/zero`` said "no such file"; a FIFO blocked."""
    pipe = tmp_path / "pipe.gguf"
    os.mkfifo(pipe)
    for path, kind in ((Path("/dev/zero"), "a character device"), (pipe, "a named pipe (FIFO)")):
        for command in ("info", "add"):
            assert main(["models", command, str(path)]) == 1
            err = capsys.readouterr().err.strip()
            assert err == f"reelwright: {path} is {kind}, not a GGUF model file", err
    assert main(["models", "list", "--json"]) == 0
    assert [m["id"] for m in json.loads(capsys.readouterr().out)["installed"]] == ["default"]


def test_remove_takes_the_path_its_help_names(
    tiny_gptneox_gguf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The help says "forget an added file": the file's path works as well as its id, by
    any path to it (relative, or through a link)."""
    assert main(["models", "add", str(tiny_gptneox_gguf), "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert main(["models", "remove", str(tiny_gptneox_gguf)]) == 0
    assert f"forgot {added['id']}" in capsys.readouterr().out
    assert tiny_gptneox_gguf.exists()
    link = tmp_path / "linked.gguf"
    link.symlink_to(tiny_gptneox_gguf)
    assert main(["models", "add", str(tiny_gptneox_gguf)]) == 0
    capsys.readouterr()
    assert main(["models", "remove", str(link)]) == 0
    assert "forgot" in capsys.readouterr().out
    # A path that was never added: one line saying so, nothing removed.
    assert main(["models", "remove", str(tiny_gptneox_gguf)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("reelwright: ") and "is not an added or downloaded model" in err
    assert tiny_gptneox_gguf.exists()


def test_remove_a_downloaded_model_by_its_path(capsys: pytest.CaptureFixture[str]) -> None:
    target = catalog_download_path(PYTHIA)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"GGUF stand-in")
    assert main(["models", "remove", str(target)]) == 0
    assert "deleted pythia-1b" in capsys.readouterr().out
    assert not target.exists()


def test_remove_help_names_both(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["models", "remove", "--help"])
    assert "ID|PATH" in capsys.readouterr().out


def test_list_marks_the_model_recommended_for_this_machine(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The listing and its JSON name the same recommendation as the app's panel."""
    from reelwright.models.recommend import recommend_for_machine

    advice = recommend_for_machine()
    assert main(["models", "list"]) == 0
    catalog = capsys.readouterr().out.split("Catalog")[1]
    marked = [line.split()[0] for line in catalog.splitlines() if line.split()[1:2] == ["*"]]
    assert main(["models", "list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    if advice is None:
        assert marked == [] and data["recommended"] is None
    else:
        assert marked == [advice.entry.id] == [data["recommended"]["id"]]
        assert advice.reason in catalog
    qwen = next(line for line in catalog.splitlines() if "qwen2.5-7b-instruct" in line)
    assert "en,zh,ja,ko,ru +" in qwen


def test_list_names_the_server_the_app_writes_with(capsys: pytest.CaptureFixture[str]) -> None:
    """The Server tab's choice, as the app's own settings file holds it (written by the
    app's Settings), is listed, with the option that uses it from the command line."""
    from reelwright.desktop.settings import Settings

    settings = Settings()
    assert main(["models", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["server"] is None
    settings.set("model/server_url", "gpu-box:8080")
    settings.set("model/server_model", "qwen2.5-14b")
    settings.set("model/server", True)  # each change is written at once
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    assert "qwen2.5-14b on http://gpu-box:8080" in out
    assert "--server http://gpu-box:8080" in out
    assert main(["models", "list", "--json"]) == 0
    server = json.loads(capsys.readouterr().out)["server"]
    assert server == {
        "url": "http://gpu-box:8080",
        "model": "qwen2.5-14b",
        "key_env": "REELWRIGHT_API_KEY",
    }
    settings.set("model/server", False)  # back to a model on this computer
    assert main(["models", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["server"] is None
