"""Reelwright's data at the end of a Fountain file: one comment block, a section per feature.

What Reelwright keeps with a script besides its text (the script's own spelling
dictionary, revision marks, locked scene numbers and pages) is written after the script as
one Fountain *boneyard* comment::

    /* Reelwright data: what Reelwright keeps with the script, in [sections].
    Other Fountain programs skip this comment. Deleting a section drops its data.
    [dictionary]
    Kestrel Ondine Zorblax
    [production]
    version 1
    checksum 6a0c1f2e9b7d4c35
    round {"level": 1, "date": "2025-03-10"}
    */

Every Fountain program ignores boneyard when it shows or prints a script (Beat keeps its
own settings the same way), so the script stays plain Fountain and the data travels with
the file. This module owns the block; it does not read the sections: each feature reads
and writes its own (``spelling`` the ``dictionary`` section, ``production_file`` the
``production`` section), as lines of text.

Reading is tolerant of what other programs and hand edits do to the file:

- the block is found by its opening line (``/* Reelwright data`` at the start of a line,
  indented or not) up to the first ``*/``, wherever it is: text another program added
  after it belongs to the script (the next write puts the block back at the end);
- line ends (``\\r\\n``, ``\\r``, ``\\n``), indentation, trailing spaces and blank lines in
  the block do not matter;
- a section is a line ``[name]`` and the lines after it up to the next one; sections this
  version does not know are written back as they were, and so are lines outside any
  section (a note someone typed into the block);
- several blocks (one pasted twice, or the separate blocks of earlier versions) are read
  as one: their sections in file order, each feature taking the last of its name unless it
  can merge them (the dictionary takes every word); a write leaves one block;
- the earlier formats still read: ``/* Reelwright dictionary: words */`` is a dictionary
  section and ``/* Reelwright production data: ...`` (two header lines, then records) a
  production section.

Writing refuses two things that would break the file for every program: a line holding
``*/`` or reading as a section header (the owner must escape it; JSON's ``*\\/`` reads
back as ``*/``), and a script with a ``/*`` it never closes (the block's ``*/`` would close
it and hide the script in between): :class:`ReelwrightError` names the line to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.textdiff import newline_of, split_lines
from reelwright.screenplay.vocabulary import BONEYARD_CLOSE, BONEYARD_OPEN

MARK = "Reelwright data"
HEADER = (
    f"{BONEYARD_OPEN} {MARK}: what Reelwright keeps with the script, in [sections].",
    "Other Fountain programs skip this comment. Deleting a section drops its data.",
)
DICTIONARY = "dictionary"
"""The section of the script's own spelling dictionary (``spelling``)."""
PRODUCTION = "production"
"""The section of revision marks, locked scene numbers and pages (``production_file``)."""

_KINDS = {"data": "data", "dictionary": DICTIONARY, "production data": PRODUCTION}
_OPENING = re.compile(r"(?m)^[ \t]*/\*[ \t]*Reelwright (data|dictionary|production data)\b")
_SECTION = re.compile(r"\[([a-z][a-z0-9_-]{0,39})\]", re.IGNORECASE)
_LINE_END = re.compile(r"[ \t]*(?:\r\n|\r|\n)?")
_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\r|\n))*")
_BLANK_END = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)$")
_OLD_PRODUCTION_HEADER = "Other Fountain programs skip this comment."


@dataclass(slots=True)
class DataBlock:
    """The sections of a file's data block, in file order, each a list of lines."""

    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    loose: list[str] = field(default_factory=list)
    """Lines of the block outside any section, kept as they are."""

    def is_empty(self) -> bool:
        return not self.loose and not any(lines for _name, lines in self.sections)

    def section(self, name: str) -> list[str] | None:
        """The lines of the last section called ``name`` (None when there is none)."""
        for found, lines in reversed(self.sections):
            if found == name:
                return list(lines)
        return None

    def every(self, name: str) -> list[list[str]]:
        """The lines of every section called ``name``, in file order."""
        return [list(lines) for found, lines in self.sections if found == name]

    def set_section(self, name: str, lines: Iterable[str] | None) -> None:
        """Make ``name`` one section holding ``lines`` (where its first copy was, else
        last); None or no lines removes it."""
        if _SECTION.fullmatch(f"[{name}]") is None or name != name.lower():
            raise ValueError(f"not a section name: {name!r}")
        new = [] if lines is None else [line.rstrip() for line in lines]
        new = [line for line in new if line.strip()]
        for line in new:
            if BONEYARD_CLOSE in line or "\n" in line or "\r" in line:
                raise ValueError(f"a data line cannot hold '*/' or a line break: {line!r}")
            if _SECTION.fullmatch(line.strip()):
                raise ValueError(f"a data line cannot read as a section header: {line!r}")
        kept: list[tuple[str, list[str]]] = []
        placed = False
        for found, old in self.sections:
            if found != name:
                kept.append((found, old))
            elif not placed:
                placed = True
                if new:
                    kept.append((name, new))
        if not placed and new:
            kept.append((name, new))
        self.sections = kept

    def updated(self, other: DataBlock) -> DataBlock:
        """A copy with ``other``'s sections in place of those of the same names, and its
        loose lines added."""
        result = DataBlock(list(self.sections), list(self.loose))
        for name in dict.fromkeys(found for found, _lines in other.sections):
            result.set_section(name, [line for lines in other.every(name) for line in lines])
        result.loose.extend(line for line in other.loose if line not in result.loose)
        return result

    def without(self, name: str) -> DataBlock:
        """A copy without the sections called ``name``."""
        return DataBlock(
            [(found, list(lines)) for found, lines in self.sections if found != name],
            list(self.loose),
        )

    def text(self, newline: str = "\n") -> str:
        """The block as written in the file (without a line end after ``*/``)."""
        lines = [*HEADER, *self.loose]
        for name, section in self.sections:
            if section:
                lines.append(f"[{name}]")
                lines.extend(section)
        lines.append(BONEYARD_CLOSE)
        return newline.join(lines)


@dataclass(frozen=True, slots=True)
class Found:
    """Where one block is in a file's text."""

    start: int
    end: int
    """After its ``*/``, the spaces after it and one line end."""
    kind: str
    """``data``, or the section an earlier format's block holds (``dictionary``,
    ``production``)."""


@dataclass(slots=True)
class Split:
    body: str
    """The script without its data blocks (what the parser and the features read)."""
    block: DataBlock
    found: list[Found]


def find(text: str) -> list[Found]:
    """Every data block of ``text`` (the current one and earlier formats), in order."""
    if "Reelwright" not in text:
        return []
    found: list[Found] = []
    pos = 0
    for match in _OPENING.finditer(text):
        if match.start() < pos:  # inside the block found before
            continue
        close = text.find(BONEYARD_CLOSE, match.end())
        if close < 0:
            break  # never closed: not a comment, and no later opening is closed either
        tail = _LINE_END.match(text, close + 2)
        end = tail.end() if tail is not None else close + 2
        found.append(Found(match.start(), end, _KINDS[match.group(1)]))
        pos = end
    return found


def is_opening(line: str) -> bool:
    """Does ``line`` open a data block (this format or an earlier one)?"""
    return "Reelwright" in line and _OPENING.match(line) is not None


def read(text: str) -> DataBlock:
    """The data of every block of ``text``, as one."""
    return _read(text, find(text))


def _read(text: str, found: list[Found]) -> DataBlock:
    block = DataBlock()
    for item in found:
        content = text[item.start : item.end]
        content = content[content.index(BONEYARD_OPEN) + 2 : content.rindex(BONEYARD_CLOSE)]
        if item.kind == DICTIONARY:
            colon = re.match(r"[ \t]*Reelwright dictionary[^:\n]*:", content)
            words = content[colon.end() :] if colon else "\n".join(split_lines(content)[1:])
            lines = [line.strip() for line in split_lines(words) if line.strip()]
            block.sections.append((DICTIONARY, lines))
            continue
        lines = [line.rstrip() for line in split_lines(content)[1:]]
        if item.kind == PRODUCTION:
            if lines and lines[0].strip().startswith(_OLD_PRODUCTION_HEADER):
                lines = lines[1:]
            block.sections.append((PRODUCTION, [line for line in lines if line.strip()]))
            continue
        current: list[str] | None = None
        for line in lines:
            stripped = line.strip()
            if not stripped or stripped == HEADER[1]:
                continue
            header = _SECTION.fullmatch(stripped)
            if header is not None:
                current = []
                block.sections.append((header.group(1).lower(), current))
            elif current is not None:
                current.append(line)
            else:
                block.loose.append(line)
    return block


def split(text: str) -> Split:
    """``text`` as the script and its data. Without a block the body is ``text`` itself."""
    found = find(text)
    if not found:
        return Split(text, DataBlock(), [])
    return Split(trimmed(_remove(text, found), newline_of(text)), _read(text, found), found)


def _remove(text: str, found: list[Found]) -> str:
    """``text`` without the blocks ``found`` in it. The parser reads a block's lines as
    blank lines between paragraphs, so where a block was one blank line stays: the blank
    lines after it go when there is one before it, and text right after it is moved down
    a line when there is not."""
    pieces: list[str] = []
    tail = ""  # the end of what is kept so far (enough to see a blank line)
    has_text = False
    pos = 0
    for item in found:
        piece = text[pos : item.start]
        pieces.append(piece)
        tail = (tail + piece)[-80:]
        has_text = has_text or bool(piece.strip())
        pos = item.end
        if not has_text or _BLANK_END.search(tail):
            pos = _after_blank_lines(text, pos)
        elif pos < len(text) and _after_blank_lines(text, pos) == pos:
            pieces.append(newline_of(text))
            tail += pieces[-1]
    pieces.append(text[pos:])
    return "".join(pieces)


def trimmed(body: str, newline: str | None = None) -> str:
    """``body`` as it stands above a block: no blank lines at its end, one line end."""
    stripped = body.rstrip()
    return stripped + (newline or newline_of(body)) if stripped else ""


def join(body: str, block: DataBlock, *, strict: bool = True) -> str:
    """The file's text: the script, then (when it holds anything) the block at its end.

    ``strict`` refuses a script with a ``/*`` it never closes (see the module); an
    autosaved copy, which only Reelwright reads back, passes False: its block is found by
    its opening line all the same."""
    if block.is_empty():
        return body
    if strict:
        check_boneyard_closed(body)
    newline = newline_of(body)
    body = trimmed(body, newline)
    return f"{body}{newline if body else ''}{block.text(newline)}{newline}"


def edit_section(text: str, name: str, lines: Iterable[str] | None) -> str:
    """``text`` with its data block's section ``name`` holding ``lines`` (None or none:
    removed), the script's own text untouched.

    The block is rewritten where the last one was (an editor changes only those lines);
    earlier blocks are merged into it. Without a block one is added at the end."""
    found = find(text)
    block = _read(text, found)
    block.set_section(name, lines)
    if not found:
        return join(text, block)
    newline = newline_of(text)
    last = found[-1]
    if block.is_empty():
        rest = _remove(text, found)
        return trimmed(rest, newline) if not text[last.end :].strip() else rest
    before = _remove(text[: last.start], found[:-1])
    return f"{before}{block.text(newline)}{newline}{text[last.end :]}"


def _after_blank_lines(text: str, pos: int) -> int:
    """``pos`` moved past the blank lines that start there."""
    match = _BLANK_LINES.match(text, pos)
    return match.end() if match is not None else pos


def check_boneyard_closed(body: str) -> None:
    """Refuse a script with a ``/*`` it never closes: the block's ``*/`` would close it."""
    position = 0
    while True:
        opening = body.find(BONEYARD_OPEN, position)
        if opening < 0:
            return
        closing = body.find(BONEYARD_CLOSE, opening + 2)
        if closing < 0:
            line = len(split_lines(body[:opening]))
            raise ReelwrightError(
                f"line {line} opens a boneyard comment ('/*') that is never closed; close it "
                "with '*/' (or remove it) so that Reelwright's data (the script's dictionary, "
                "revision marks and locks) can be saved after it"
            )
        position = closing + 2


__all__ = [
    "DICTIONARY",
    "MARK",
    "PRODUCTION",
    "DataBlock",
    "Found",
    "Split",
    "check_boneyard_closed",
    "edit_section",
    "find",
    "is_opening",
    "join",
    "read",
    "split",
    "trimmed",
]
