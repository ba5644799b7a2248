"""Fountain export: the core's canonical writer, saved atomically."""

from __future__ import annotations

import codecs
import os

from reelwright.screenplay.elements import Script
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.fileio import atomic_writer


def to_fountain(script: Script) -> str:
    from reelwright.screenplay.writer import write

    return write(script)


def write_fountain(script: Script, path: str | os.PathLike[str], encoding: str = "utf-8") -> None:
    """Write ``script`` as Fountain at ``path`` in ``encoding`` (UTF-8 by default).

    A character the encoding cannot hold is an error that names it, not a ``?`` in the
    writer's script.
    """
    try:
        codecs.lookup(encoding)
    except LookupError as error:
        raise ReelwrightError(f"unknown text encoding {encoding!r}") from error
    text = to_fountain(script)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as error:
        bad = error.object[error.start : error.end]
        line = error.object.count("\n", 0, error.start) + 1
        raise ReelwrightError(
            f"{encoding} cannot hold {bad!r} (line {line}); export as UTF-8 instead"
        ) from error
    with atomic_writer(path) as handle:
        handle.write(data)
