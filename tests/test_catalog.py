"""The curated catalog: valid, complete, and naming architectures llama.cpp knows."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import gguf
import pytest

from reelwright.models.catalog import get_entry, load_catalog, parse_catalog
from reelwright.models.gguf_info import architecture_supported
from reelwright.screenplay.errors import ModelError

BITS_PER_WEIGHT = {"Q4_0": 4.5, "Q4_K_M": 4.85, "Q8_0": 8.5}
SOURCES = Path(__file__).resolve().parent.parent / "docs" / "catalog-sources.md"


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


def test_sizes_are_the_hubs_listing_or_the_exact_count() -> None:
    for entry in load_catalog():
        if entry.size_approx:
            # The hub's file tree rounds to three figures (659 MB, 4.68 GB, 11.7 GB).
            assert float(f"{entry.size_bytes:.3g}") == entry.size_bytes, entry.id
        else:
            # An exact count comes from the LFS pointer; a round number is a listing.
            assert entry.size_bytes % 1_000_000 != 0, entry.id


def test_every_shipped_entry_is_verified_and_sourced() -> None:
    text = SOURCES.read_text("utf-8")
    sections = dict(re.findall(r"^### (\S+).*?\n(.*?)(?=^### |^## |\Z)", text, re.M | re.S))
    for entry in load_catalog():
        assert entry.verified, entry.id
        section = sections.get(entry.id)
        assert section is not None, f"docs/catalog-sources.md has no section for {entry.id}"
        # The stored page the repository and file were read on, and the file itself.
        assert f"https://huggingface.co/{entry.repo_id}/" in section, entry.id
        assert f"`{entry.filename}`" in section, entry.id
        assert entry.licence in section, entry.id
        if not entry.size_approx:
            assert f"size {entry.size_bytes}" in section, entry.id


def test_languages_are_iso_codes() -> None:
    for entry in load_catalog():
        assert entry.languages, entry.id
        assert all(len(code) == 2 and code.islower() for code in entry.languages), entry.id
        assert len(set(entry.languages)) == len(entry.languages), entry.id


def test_recommended_models_span_families_and_languages() -> None:
    ranked = [e for e in load_catalog() if e.recommend]
    assert len({e.architecture for e in ranked}) >= 3
    # A writer of a Chinese script gets a model on a small laptop and on a big machine.
    chinese = sorted(e.size_bytes for e in ranked if "zh" in e.languages)
    assert chinese and chinese[0] < 2e9 and chinese[-1] > 7e9


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
    # An entry added by hand is unverified until someone reads its facts on the hub.
    assert entry.verified is False
    (checked,) = parse_catalog(json.dumps({"models": [{**GOOD, "verified": True}]}))
    assert checked.verified is True


@pytest.mark.parametrize("value", ["yes", 1, None, []])
def test_verified_must_be_true_or_false(value: object) -> None:
    with pytest.raises(ModelError, match="verified of x"):
        parse_catalog(json.dumps({"models": [{**GOOD, "verified": value}]}))
