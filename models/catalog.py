"""The curated list of downloadable models (``resources/catalog.json``).

The list is data, not code, so that a writer (or a packager) can read and extend it. Each
entry names one GGUF file in one Hugging Face repository; the sha256 is not stored here
but read from the hub when a download starts (quantizers re-upload files under the same
name), so a re-upload on the hub can never be checked against a stale checksum. Where each
fact of the shipped entries was read is in ``docs/catalog-sources.md``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from reelwright.screenplay.errors import ModelError

CATALOG_RESOURCE = "catalog.json"
KINDS = ("chat", "base")
"""``chat``: instruction-tuned, prompted with its chat template; ``base``: completion style."""


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    id: str
    name: str
    repo_id: str
    filename: str
    size_bytes: int
    size_approx: bool
    """True when ``size_bytes`` is a rounded listing, not the exact file size."""
    architecture: str
    """The GGUF ``general.architecture`` value, as llama.cpp names it (``gptneox``, ``llama``)."""
    parameters_billions: float
    quantization: str
    licence: str
    context_length: int
    kind: str
    good_for: str
    min_ram_gb: float
    revision: str = "main"
    languages: tuple[str, ...] = ("en",)
    """ISO 639-1 codes of the languages it writes well, first the strongest."""
    recommend: int = 0
    """0: never recommended on its own; otherwise its rank among the models
    ``models.recommend`` may name (1 the best writer; the first that fits the machine wins)."""
    verified: bool = False
    """True when the repository, file name, size and licence were read from the hub's own
    pages (``docs/catalog-sources.md`` says where); False for an entry added by hand."""

    @property
    def is_chat(self) -> bool:
        return self.kind == "chat"


_FIELDS: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "name": str,
    "repo_id": str,
    "filename": str,
    "size_bytes": int,
    "size_approx": bool,
    "architecture": str,
    "parameters_billions": (int, float),
    "quantization": str,
    "licence": str,
    "context_length": int,
    "kind": str,
    "good_for": str,
    "min_ram_gb": (int, float),
}


def _entry(raw: Any, position: int) -> CatalogEntry:
    if not isinstance(raw, dict):
        raise ModelError(f"the model catalog is damaged: entry {position} is not an object")
    label = raw.get("id", f"number {position}")
    for name, kind in _FIELDS.items():
        value = raw.get(name)
        if value is None:
            raise ModelError(f"the model catalog is damaged: entry {label} has no {name}")
        # bool is an int in Python; only size_approx may be one.
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise ModelError(f"the model catalog is damaged: {name} of entry {label} is wrong")
    if raw["kind"] not in KINDS:
        raise ModelError(f"the model catalog is damaged: kind of {label} must be chat or base")
    if raw["repo_id"].count("/") != 1 or not raw["filename"].endswith(".gguf"):
        raise ModelError(f"the model catalog is damaged: {label} does not name a GGUF on the hub")
    if raw["size_bytes"] <= 0 or raw["context_length"] <= 0:
        raise ModelError(f"the model catalog is damaged: sizes of {label} must be positive")
    languages = raw.get("languages", ["en"])
    if (
        not isinstance(languages, list)
        or not languages
        or not all(isinstance(code, str) and code.isalpha() for code in languages)
    ):
        raise ModelError(
            f"the model catalog is damaged: languages of {label} must be a list of codes"
        )
    recommend = raw.get("recommend", 0)
    if not isinstance(recommend, int) or isinstance(recommend, bool) or recommend < 0:
        raise ModelError(f"the model catalog is damaged: recommend of {label} must be a rank")
    verified = raw.get("verified", False)
    if not isinstance(verified, bool):
        raise ModelError(f"the model catalog is damaged: verified of {label} must be true or false")
    return CatalogEntry(
        id=raw["id"],
        name=raw["name"],
        repo_id=raw["repo_id"],
        filename=raw["filename"],
        size_bytes=raw["size_bytes"],
        size_approx=raw["size_approx"],
        architecture=raw["architecture"],
        parameters_billions=float(raw["parameters_billions"]),
        quantization=raw["quantization"],
        licence=raw["licence"],
        context_length=raw["context_length"],
        kind=raw["kind"],
        good_for=raw["good_for"],
        min_ram_gb=float(raw["min_ram_gb"]),
        revision=str(raw.get("revision", "main")),
        languages=tuple(code.casefold() for code in languages),
        recommend=recommend,
        verified=verified,
    )


def parse_catalog(text: str) -> tuple[CatalogEntry, ...]:
    """Entries from catalog JSON text; a ``ModelError`` names the first problem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ModelError(f"the model catalog is not valid JSON (line {error.lineno})") from error
    models = data.get("models") if isinstance(data, dict) else None
    if not isinstance(models, list):
        raise ModelError("the model catalog is damaged: it has no list of models")
    entries = tuple(_entry(raw, number) for number, raw in enumerate(models, start=1))
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise ModelError(f"the model catalog is damaged: {entry.id} appears twice")
        seen.add(entry.id)
    return entries


def load_catalog() -> tuple[CatalogEntry, ...]:
    """The catalog shipped with Reelwright."""
    resource = resources.files("reelwright.resources").joinpath(CATALOG_RESOURCE)
    try:
        text = resource.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ModelError(f"the model catalog could not be read: {error}") from error
    return parse_catalog(text)


def find_entry(model_id: str) -> CatalogEntry | None:
    for entry in load_catalog():
        if entry.id == model_id:
            return entry
    return None


def get_entry(model_id: str) -> CatalogEntry:
    entry = find_entry(model_id)
    if entry is None:
        raise ModelError(
            f"{model_id!r} is not in the model catalog; `reelwright models list` shows it"
        )
    return entry
