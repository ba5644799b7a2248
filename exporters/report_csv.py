"""Reports as CSV for a spreadsheet: one table per file (scenes, cast or locations).

UTF-8 with a byte-order mark, so Excel reads accented and non-Latin names right (LibreOffice
and Numbers ignore the mark). A text cell that a spreadsheet would run as a formula
(``=``, ``+``, ``-``, ``@`` first) gets a leading apostrophe, as OWASP advises for CSV.
Lengths come twice: as printed (``1 3/8``) and as a number of eighths, for sums.
Written atomically, like every file Reelwright writes.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence

from reelwright.screenplay.fileio import atomic_write_bytes
from reelwright.screenplay.reports import KINDS, ScriptReport, report_table

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def render_csv(report: ScriptReport, kind: str) -> bytes:
    header, rows = report_table(report, kind)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(
        [_text(cell) if isinstance(cell, str) else cell for cell in row] for row in rows
    )
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(report: ScriptReport, kind: str, path: str | os.PathLike[str]) -> None:
    """Write one report (``scenes``, ``cast`` or ``locations``) to ``path``."""
    atomic_write_bytes(path, render_csv(report, kind))


def csv_paths(path: str | os.PathLike[str], kinds: Sequence[str]) -> list[tuple[str, str]]:
    """(kind, file) for each report: ``out.csv`` itself for one report; for several,
    ``out-scenes.csv``, ``out-cast.csv``... beside it."""
    text = os.fspath(path)
    if len(kinds) == 1:
        return [(kinds[0], text)]
    stem, suffix = os.path.splitext(text)
    return [(kind, f"{stem}-{kind}{suffix or '.csv'}") for kind in kinds]


def write_csvs(
    report: ScriptReport, path: str | os.PathLike[str], kinds: Iterable[str] = KINDS
) -> list[str]:
    """Write the reports ``kinds`` (see :func:`csv_paths`); returns the files written."""
    written = []
    for kind, target in csv_paths(path, list(kinds)):
        write_csv(report, kind, target)
        written.append(target)
    return written
