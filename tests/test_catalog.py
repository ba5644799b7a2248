"""The curated catalog: valid, complete, and naming architectures llama.cpp knows."""

from __future__ import annotations

import json
from importlib import resources

import gguf
import pytest

from reelwright.models.catalog import get_entry, load_catalog, parse_catalog
from reelwright.models.gguf_info import architecture_supported
from reelwright.screenplay.errors import ModelError

BITS_PER_WEIGHT = {"Q4_0": 4.5, "Q4_K_M": 4.85, "Q8_0": 8.5}


def test_catalog_json_is_valid_and_ids_unique() -> None:
    text = resources.files("reelwright.resources").joinpath("catalog.json").read_text("utf-8")
    raw = json.loads(text)
    entries = load_catalog()
    assert len(entries) == len(raw["models"]) >= 8
    assert len({entry.id for entry in entries}) == len(entries)
    for entry in entries:
        assert entry.filename.endswith(".gguf")
        assert entry.repo_id.count("/") == 1
        assert entry.kind in ("chat", "base")
        assert entry.good_for and entry.licence and entry.quantization
        # The exact sha256 comes from the hub at download time, never from the catalog.
        assert "sha256" not in json.dumps(raw["models"])


def test_every_architecture_is_known_to_llama_cpp() -> None:
    known = set(gguf.MODEL_ARCH_NAMES.values())
    for entry in load_catalog():
        assert entry.architecture in known, entry.id
        # ... and to the llama.cpp build installed here, which is what will load it.
        assert architecture_supported(entry.architecture), entry.id


def test_sizes_fit_parameters_and_quantization() -> None:
    for entry in load_catalog():
        bits = BITS_PER_WEIGHT[entry.quantization]
        computed = entry.parameters_billions * 1e9 * bits / 8
        # Embeddings and output layers are often kept at higher precision: allow for it.
        assert 0.8 * computed <= entry.size_bytes <= 1.6 * computed, entry.id
        assert entry.min_ram_gb * 1e9 >= entry.size_bytes * 0.9, entry.id


def test_required_models_are_present() -> None:
    entries = load_catalog()
    neox = [e for e in entries if e.architecture == "gptneox"]
    laptop_neox = [e for e in neox if e.size_bytes < 4e9 and e.min_ram_gb <= 8]
    assert laptop_neox, "a GPT-NeoX-family model small enough for a laptop"
    big = get_entry("gpt-neox-20b")
    assert big.architecture == "gptneox" and big.parameters_billions >= 20
    assert "big machines" in big.good_for
    chat = [e for e in entries if e.kind == "chat" and e.architecture != "gptneox"]
    sizes = sorted(e.parameters_billions for e in chat)
    assert len(chat) >= 5
    assert sizes[0] <= 0.6 and sizes[-1] >= 7.5
    assert any(1 <= s <= 4 for s in sizes)
    for wanted in ("qwen2.5-0.5b-instruct", "llama-3.2-3b-instruct", "llama-3.1-8b-instruct"):
        assert get_entry(wanted).kind == "chat"


def test_unknown_id_is_a_clear_error() -> None:
    with pytest.raises(ModelError, match="not in the model catalog"):
        get_entry("gpt-17")


GOOD = {
    "id": "x",
    "name": "X",
    "repo_id": "a/b",
    "filename": "x.gguf",
    "size_bytes": 10,
    "size_approx": False,
    "architecture": "llama",
    "parameters_billions": 1,
    "quantization": "Q8_0",
    "licence": "mit",
    "context_length": 512,
    "kind": "base",
    "good_for": "tests",
    "min_ram_gb": 1,
}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ('{"models": 3}', "no list of models"),
        (json.dumps({"models": [{**GOOD, "kind": "poem"}]}), "chat or base"),
        (json.dumps({"models": [{k: v for k, v in GOOD.items() if k != "licence"}]}), "licence"),
        (json.dumps({"models": [{**GOOD, "size_bytes": True}]}), "size_bytes"),
        (json.dumps({"models": [{**GOOD, "filename": "x.bin"}]}), "GGUF"),
        (json.dumps({"models": [GOOD, GOOD]}), "appears twice"),
    ],
)
def test_damaged_catalog_text_is_refused(text: str, message: str) -> None:
    with pytest.raises(ModelError, match=message):
        parse_catalog(text)


def test_good_catalog_text_parses() -> None:
    (entry,) = parse_catalog(json.dumps({"models": [GOOD]}))
    assert entry.id == "x" and entry.revision == "main" and not entry.is_chat
