"""Production data in a Fountain file: the ``production`` section of Reelwright's data block.

Revision rounds and marks, the locked scene numbers and the locked pages are records in the
``production`` section of the one comment block at the end of the file (``data_block``
owns the block; the script's spelling dictionary is another section of it)::

    /* Reelwright data: what Reelwright keeps with the script, in [sections].
    Other Fountain programs skip this comment. Deleting a section drops its data.
    [production]
    version 1
    checksum 6a0c1f2e9b7d4c35
    round {"level": 1, "date": "2025-03-10"}
    mark {"line": 41, "text": "1d9b0c2a", "spans": [[5, 10, 1]]}
    scenes {"numbers": ["1", "2", "3"]}
    pages {"paper": "letter", "heading_blanks": 2}
    page {"label": "1"}
    page {"label": "2", "line": 40, "column": 0, "text": "9f3e22b1"}
    */

Why there: every Fountain program (Beat, Highland, Slugline, Fade In, afterwriting,
screenplain) ignores boneyard when it shows or prints a script, so the script stays plain
Fountain and its scene numbers (``#12#``, written into the headings themselves) and OMITTED
headings are what any of them prints. The block travels with the file (mail, version
control) and costs nothing when absent. Files written before the one block (a separate
``/* Reelwright production data`` block) still read, checksum included.

What survives another program's edits: marks and page beginnings are kept by line, with a
short hash of the line's text. When the script is what Reelwright saved (the checksum of
the script without the block matches), lines are taken as they are. When another program
changed it, each mark and page beginning is looked for by its line's text, near where it
was; what cannot be found is dropped with one message saying how much. A line that another
program edited loses its marks (its new text is not known to be a revision); a page whose
first line was edited elsewhere is merged into the page before it (see ``page_lock``).
Records this version does not know (or cannot read) are kept as they are and written back,
and so are the block's other sections.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from reelwright.screenplay import data_block
from reelwright.screenplay.data_block import PRODUCTION, DataBlock
from reelwright.screenplay.page_lock import LockedPage, PageLock, Position, rebase
from reelwright.screenplay.revisions import (
    Marks,
    Revisions,
    Round,
    Span,
    mark_changes,
    normalize,
)
from reelwright.screenplay.scene_lock import LETTERS, SceneLock, apply_lock, is_omitted_line
from reelwright.screenplay.textdiff import (
    diff_line,
    diff_lines,
    line_key,
    newline_of,
    splice_line,
    split_lines,
)

VERSION = 1
_RECORD = re.compile(r"([a-z_]+)\s+(.*)")


def line_hash(line: str) -> str:
    """A short fingerprint of a line's text (ends' whitespace ignored)."""
    return hashlib.blake2b(line_key(line).encode("utf-8"), digest_size=4).hexdigest()


def checksum(body: str) -> str:
    return hashlib.blake2b(body.encode("utf-8"), digest_size=8).hexdigest()


@dataclass(slots=True)
class ProductionData:
    """Everything production keeps with a script. One owner: the document holds one of
    these beside its text and carries it through every edit (``carry``)."""

    revisions: Revisions = field(default_factory=Revisions)
    scenes: SceneLock | None = None
    pages: PageLock | None = None
    extra: list[str] = field(default_factory=list)
    """Records this version does not know, kept as they were."""
    others: DataBlock = field(default_factory=DataBlock)
    """The data block's other sections (the script's dictionary ...): production neither
    reads nor changes them, and writes them back as they were."""
    marking: bool = True
    """Revision mode: while a round is under way, changes are marked in it (Final Draft's
    *Revision Mode*); False stops marking without ending the round."""

    def is_empty(self) -> bool:
        """No production data (the block's other sections aside)."""
        return (
            not self.revisions.rounds
            and not self.revisions.marks
            and self.scenes is None
            and self.pages is None
            and not self.extra
        )

    @property
    def marking_level(self) -> int | None:
        """The round changes are marked in now: the current round's, in revision mode;
        None when changes are only carried (no round, or marking switched off)."""
        current = self.revisions.current
        return current.level if current is not None and self.marking else None

    def copy(self) -> ProductionData:
        """An independent copy (the editor keeps one per undo step)."""
        return ProductionData(
            Revisions(list(self.revisions.rounds), dict(self.revisions.marks)),
            None
            if self.scenes is None
            else SceneLock(list(self.scenes.numbers), self.scenes.letters),
            None
            if self.pages is None
            else PageLock(
                [LockedPage(p.label, p.start) for p in self.pages.pages],
                self.pages.paper,
                self.pages.heading_blanks,
            ),
            list(self.extra),
            DataBlock(
                [(name, list(lines)) for name, lines in self.others.sections],
                list(self.others.loose),
            ),
            self.marking,
        )

    def carry(
        self, old_text: str, new_text: str, level: int | None = None, *, characters: bool = False
    ) -> None:
        """Follow an edit from ``old_text`` to ``new_text``: marks and page beginnings move
        with their text; with ``level`` (revision mode) the changes are marked (with
        ``characters``, a one-line change as the editor's single edit: see
        ``revisions.mark_changes``)."""
        if old_text == new_text:
            return
        diff = diff_lines(split_lines(old_text), split_lines(new_text))
        self.revisions.marks = mark_changes(
            old_text, new_text, self.revisions.marks, level, diff, characters=characters
        )
        if self.pages is not None:
            self.pages = rebase(self.pages, old_text, new_text, diff)

    def carry_lines(
        self,
        start: int,
        old: list[str],
        new: list[str],
        level: int | None = None,
        *,
        characters: bool = False,
        at: int | None = None,
    ) -> None:
        """Follow an edit that replaced lines ``start .. start + len(old)`` by ``new`` (the
        lines before and after unchanged): what ``carry`` does, in time proportional to
        the edit and the number of marks, not to the script (the editor calls it on every
        keystroke, with ``characters`` and the column ``at`` which the edit was made, when
        it changed one line). Give a line of context on each side where there is one, so
        that a removal is marked on the next line with text as a whole-text ``carry``
        would."""
        if old == new:
            return
        end = start + len(old)
        shift = len(new) - len(old)
        diff = diff_lines(old, new)
        marks = self.revisions.marks
        inside = {line - start: marks[line] for line in range(start, end) if line in marks}
        carried = mark_changes(
            "\n".join(old), "\n".join(new), inside, level, diff, characters=characters, at=at
        )
        if shift:
            result: Marks = {}
            for line, spans in marks.items():
                if line < start:
                    result[line] = spans
                elif line >= end:
                    result[line + shift] = spans
        else:  # typing inside lines: the dictionary copied, only the edit's lines redone
            result = dict(marks)
            for line in range(start, end):
                result.pop(line, None)
        for line, spans in carried.items():
            result[line + start] = spans
        self.revisions.marks = result
        if self.pages is None:
            return
        pages: list[LockedPage] = []
        for page in self.pages.pages:
            begin = page.start
            if begin is None or begin.line < start:
                pages.append(LockedPage(page.label, begin))
            elif begin.line >= end:
                pages.append(LockedPage(page.label, Position(begin.line + shift, begin.column)))
            else:
                local = begin.line - start
                target = diff.old_to_new[local]
                if target is None:
                    moved = Position(start + diff.map_line(local), 0)
                elif begin.column and old[local] != new[target]:
                    if characters:
                        edit = splice_line(old[local], new[target], at)
                    else:
                        edit = diff_line(old[local], new[target])
                    column = edit.map_column(begin.column)
                    moved = Position(start + target, column)
                else:
                    moved = Position(start + target, begin.column)
                pages.append(LockedPage(page.label, moved))
        self.pages = PageLock(pages, self.pages.paper, self.pages.heading_blanks)


@dataclass(frozen=True, slots=True)
class Draft:
    """A script's text without its data block, and the production data that goes with
    it: what an exporter needs to carry revision marks and locks."""

    body: str
    data: ProductionData

    def for_export(self) -> Draft:
        """The draft as it goes to a production office: under a scene-number lock, every
        heading's number written and an ``OMITTED`` heading for each dropped scene (what
        ``reelwright scenes lock`` writes), the marks carried to the new lines. A scene cut
        in a round leaves that round's removal mark where it was; its OMITTED heading
        takes the mark (Final Draft marks the OMITTED line as the change)."""
        if self.data.scenes is None:
            return self
        body = apply_lock(self.body, self.data.scenes)
        if body == self.body:
            return self
        data = self.data.copy()
        old_lines, new_lines = split_lines(self.body), split_lines(body)
        diff = diff_lines(old_lines, new_lines)
        data.carry(self.body, body)
        _mark_omitted(data.revisions.marks, new_lines, diff.inserted)
        return Draft(body, data)


def _mark_omitted(marks: Marks, lines: list[str], inserted: Iterable[int]) -> None:
    """Move the removal mark at the start of the line after a run of inserted OMITTED
    headings onto those headings (each marked whole, in the removal's round)."""
    runs: list[list[int]] = []
    for line in sorted(inserted):
        if not is_omitted_line(lines[line]):
            continue
        if runs and all(not lines[k].strip() for k in range(runs[-1][-1] + 1, line)):
            runs[-1].append(line)
        else:
            runs.append([line])
    for run in runs:
        after = next((k for k in range(run[-1] + 1, len(lines)) if lines[k].strip()), None)
        if after is None:
            continue
        lead = len(lines[after]) - len(lines[after].lstrip())
        spans = marks.get(after, ())
        point = next((s for s in spans if s.start == s.end == lead), None)
        if point is None:
            continue
        rest = tuple(s for s in spans if s is not point)
        if rest:
            marks[after] = rest
        else:
            del marks[after]
        for line in run:
            text = lines[line]
            start = len(text) - len(text.lstrip())
            marks[line] = (Span(start, len(text.rstrip()), point.level),)


def mark_against(
    new: Draft, old: Draft, level: int | None = None, date: str | None = None
) -> tuple[Draft, Round]:
    """``new`` with every change since the earlier draft ``old`` marked in a revision
    round: the round ``level`` (started, dated ``date``, when it is not the current one),
    else the current round of either draft, else the next. ``old``'s marks are kept where
    their text still is, both drafts' rounds are kept, and a lock only ``old`` has (scene
    numbers, pages) comes along. What ``reelwright revisions mark`` and
    ``reelwright export --revised-from`` do; a round before the current one is refused."""
    old_data = old.data.copy()
    data = new.data.copy()
    revisions = old_data.revisions
    for started in data.revisions.rounds:
        if all(known.level != started.level for known in revisions.rounds):
            revisions.rounds.append(started)
    revisions.rounds.sort(key=lambda known: known.level)
    current = revisions.current
    if current is None or (level is not None and level != current.level):
        current = revisions.start_round(level, date)
    old_data.carry(old.body, new.body, current.level)
    data.revisions = old_data.revisions
    if data.pages is None and old_data.pages is not None:
        data.pages = old_data.pages
    if data.scenes is None and old_data.scenes is not None:
        data.scenes = old_data.scenes
    return Draft(new.body, data), current


@dataclass(frozen=True, slots=True)
class Loaded(Draft):
    """A file read: ``body`` is the script without the block (what the editor shows and
    the parser reads)."""

    warnings: list[str] = field(default_factory=list)


def read(text: str) -> Loaded:
    """Split a file's text into the script and its production data."""
    split = data_block.split(text)
    body = split.body
    records = split.block.section(PRODUCTION)
    data = ProductionData(others=split.block.without(PRODUCTION))
    if records is None:
        return Loaded(body, data)
    warnings: list[str] = []
    lines = split_lines(body)
    stored_sum: str | None = None
    marks: list[tuple[int, str, tuple[Span, ...]]] = []
    pages: list[tuple[str, int | None, int, str]] = []
    page_setup: dict[str, object] | None = None
    bad = 0
    for raw in records:
        record = raw.strip()
        if not record:
            continue
        match = _RECORD.fullmatch(record)
        if match is None:
            data.extra.append(record)
            bad += 1
            continue
        key, value = match.groups()
        try:
            if key == "version":
                if int(value) > VERSION:
                    warnings.append(
                        "the production data was written by a newer Reelwright; what this "
                        "version does not know is kept as it is"
                    )
            elif key == "checksum":
                stored_sum = value.strip()
            elif key == "round":
                item = json.loads(value)
                data.revisions.rounds.append(Round(int(item["level"]), str(item.get("date", ""))))
            elif key == "mark":
                item = json.loads(value)
                spans = tuple(Span(int(s), int(e), int(level)) for s, e, level in item["spans"])
                marks.append((int(item["line"]), str(item["text"]), spans))
            elif key == "scenes":
                item = json.loads(value)
                data.scenes = SceneLock(
                    [str(n) for n in item["numbers"]], str(item.get("letters", LETTERS))
                )
            elif key == "marking":
                data.marking = value.strip() != "off"
            elif key == "pages":
                page_setup = json.loads(value)
            elif key == "page":
                item = json.loads(value)
                line = item.get("line")
                pages.append(
                    (
                        str(item["label"]),
                        None if line is None else int(line),
                        int(item.get("column", 0)),
                        str(item.get("text", "")),
                    )
                )
            else:
                data.extra.append(record)
        except (ValueError, KeyError, TypeError, IndexError):
            data.extra.append(record)
            bad += 1
    data.revisions.rounds.sort(key=lambda r: r.level)
    exact = stored_sum is not None and stored_sum in _checksums(text, body, split.found)
    places = _place([(line, text_hash) for line, text_hash, _ in marks], lines, exact)
    lost_marks = 0
    for (_line, _hash, spans), place in zip(marks, places, strict=True):
        if place is None:
            lost_marks += 1
            continue
        normal = normalize(spans, len(lines[place]))
        if normal:
            data.revisions.marks[place] = normal
    lost_pages = 0
    if page_setup is not None or pages:
        setup: dict[str, object] = page_setup if isinstance(page_setup, dict) else {}
        anchors = [(line, text_hash) for _label, line, _col, text_hash in pages]
        page_places = _place(
            [(line if line is not None else -1, text_hash) for line, text_hash in anchors],
            lines,
            exact,
        )
        locked: list[LockedPage] = []
        for (label, line, column, _hash), place in zip(pages, page_places, strict=True):
            if line is None:
                locked.append(LockedPage(label, None))
            elif place is None:
                lost_pages += 1
                locked.append(LockedPage(label, Position(len(lines) + 1, 0)))
            else:
                locked.append(LockedPage(label, Position(place, column)))
        blanks = setup.get("heading_blanks", 2)
        data.pages = PageLock(
            locked, str(setup.get("paper", "letter")), blanks if isinstance(blanks, int) else 2
        )
    if bad:
        warnings.append(
            f"{bad} line{'s' if bad != 1 else ''} of the production data could not be read; "
            "they are kept as they are"
        )
    if not exact and (marks or pages):
        warnings.append(_relocation_message(len(marks), lost_marks, len(pages), lost_pages))
    return Loaded(body, data, warnings)


def _checksums(text: str, body: str, found: list[data_block.Found]) -> set[str]:
    """The checksums the script may have been saved with: of the body, and where the data
    came in an earlier version's separate block, of the file without that block only (its
    script then held the other blocks, say the dictionary's)."""
    sums = {checksum(body)}
    for item in found:
        if item.kind == PRODUCTION:
            old_body = data_block.trimmed(text[: item.start] + text[item.end :], newline_of(text))
            sums.add(checksum(old_body))
    return sums


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _relocation_message(marks: int, lost_marks: int, pages: int, lost_pages: int) -> str:
    found = []
    if marks:
        found.append(_plural(marks - lost_marks, "marked line") + f" of {marks}")
    if pages:
        found.append(_plural(pages - lost_pages, "locked page") + f" of {pages}")
    message = (
        "the script was changed by another program since Reelwright saved it; found again "
        "by their text: " + " and ".join(found)
    )
    if lost_marks or lost_pages:
        message += " (the rest could not be placed: their marks are dropped, their pages merged)"
    return message


def _place(entries: list[tuple[int, str]], lines: list[str], exact: bool) -> list[int | None]:
    """Where each (line, text hash) entry is in ``lines``: the line itself when the text is
    unchanged, else the nearest line with that text after the entries placed before it."""
    if exact:
        return [line if 0 <= line < len(lines) else None for line, _hash in entries]
    by_hash: dict[str, list[int]] = {}
    for index, content in enumerate(lines):
        if content.strip():
            by_hash.setdefault(line_hash(content), []).append(index)
    result: list[int | None] = []
    floor = -1
    shift = 0
    for line, text_hash in entries:
        if line < 0:
            result.append(None)
            continue
        if 0 <= line < len(lines) and line > floor and line_hash(lines[line]) == text_hash:
            result.append(line)
            floor, shift = line, 0
            continue
        candidates = [c for c in by_hash.get(text_hash, []) if c > floor]
        if not candidates:
            result.append(None)
            continue
        expected = line + shift
        best = min(candidates, key=lambda c: (abs(c - expected), c))
        result.append(best)
        floor, shift = best, best - line
    return result


def write(body: str, data: ProductionData, *, strict: bool = True) -> str:
    """The file's text: the script, then (when there is any) the data block holding the
    production section and the block's other sections (a block left in ``body`` is merged
    into it). ``strict`` False writes the block even after a ``/*`` the script never
    closes (``data_block.join``: an autosaved copy only Reelwright reads)."""
    inner = data_block.split(body)
    body = inner.body
    block = inner.block.updated(data.others).without(PRODUCTION)
    if data.is_empty():
        return data_block.join(body, block, strict=strict)
    newline = newline_of(body)
    body = data_block.trimmed(body, newline)
    lines = split_lines(body)
    records = [f"version {VERSION}", f"checksum {checksum(body)}"]
    for started in data.revisions.rounds:
        records.append("round " + _json({"level": started.level, "date": started.date}))
    if not data.marking:
        records.append("marking off")
    for line in sorted(data.revisions.marks):
        if line >= len(lines):
            continue
        spans = [[s.start, s.end, s.level] for s in data.revisions.marks[line]]
        records.append(
            "mark " + _json({"line": line, "text": line_hash(lines[line]), "spans": spans})
        )
    if data.scenes is not None:
        scenes: dict[str, object] = {"numbers": data.scenes.numbers}
        if data.scenes.letters != LETTERS:
            scenes["letters"] = data.scenes.letters
        records.append("scenes " + _json(scenes))
    if data.pages is not None:
        records.append(
            "pages "
            + _json({"paper": data.pages.paper, "heading_blanks": data.pages.heading_blanks})
        )
        for page in data.pages.pages:
            item: dict[str, object] = {"label": page.label}
            start = page.start
            if start is not None and start.line < len(lines):
                item["line"] = start.line
                if start.column:
                    item["column"] = start.column
                item["text"] = line_hash(lines[start.line])
            records.append("page " + _json(item))
    records.extend(_kept(record) for record in data.extra)
    block.set_section(PRODUCTION, records)
    return data_block.join(body, block, strict=strict)


def _json(value: object) -> str:
    # "*/" would end the comment early; JSON reads "*\/" as the same two characters.
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": ")).replace("*/", "*\\/")


def _kept(record: str) -> str:
    """An unread record as it can be written back: a ``*/`` in it would end the comment."""
    return record.replace("*/", "*\\/")
