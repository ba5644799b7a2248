"""Fountain export: the core's canonical writer, saved atomically.

The canonical text is written from the parsed elements, so the comment block at the end
of a Reelwright file (the script's dictionary, revision marks, locked scene numbers and
pages; ``screenplay.data_block``) is not among them: given the ``Draft`` the script was
parsed from, the export carries that data to the lines of the canonical text and writes
the block after it, so an export drops no mark and no lock.
"""

from __future__ import annotations

import codecs
import os
from typing import TYPE_CHECKING

from reelwright.screenplay.elements import Script
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.fileio import atomic_writer

if TYPE_CHECKING:
    from reelwright.screenplay.production_file import Draft


def to_fountain(script: Script, draft: Draft | None = None) -> str:
    """``script`` as canonical Fountain; with ``draft`` (the text ``script`` was parsed
    from and its data), the data block follows with the marks and page beginnings moved
    to where their text is in the canonical lines."""
    from reelwright.screenplay.writer import write

    text = write(script)
    if draft is None:
        return text
    from reelwright.screenplay import production_file

    data = draft.data.copy()
    data.carry(draft.body, text)
    return production_file.write(text, data)


def write_fountain(
    script: Script,
    path: str | os.PathLike[str],
    encoding: str = "utf-8",
    draft: Draft | None = None,
) -> None:
    """Write ``script`` as Fountain at ``path`` in ``encoding`` (UTF-8 by default), with
    ``draft``'s data block when given (see ``to_fountain``).

    A character the encoding cannot hold is an error that names it, not a ``?`` in the
    writer's script.
    """
    try:
        codecs.lookup(encoding)
    except LookupError as error:
        raise ReelwrightError(f"unknown text encoding {encoding!r}") from error
    text = to_fountain(script, draft)
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
