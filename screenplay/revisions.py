"""Revision rounds and revision marks: what changed in a production draft, and when.

Once a script is in production, every change is made in a *revision round*. Rounds follow
the industry's paper colours in order (Final Draft's and the WGA's sequence): White, Blue,
Pink, Yellow, Green, Goldenrod, Buff, Salmon, Cherry, then the second rounds Double White,
Double Blue ... Double Cherry, then Triple White and on. The white draft itself is the
unrevised production draft, so the first round a writer starts is Blue; a production that
issues white revision pages first may start at White.

A *mark* says that some text of a line is new (or was changed) in a round: a column range
of one source line and the round's level. A range that starts and ends at the same column
marks a place where words were removed. A line keeps the marks of every round; where a
later round changes marked words again, the later round wins for those characters. The
PDF prints the round's mark (``*``) in the right margin beside each printed line that holds
marked text, and the page takes the colour of the latest round on it.

Marks are made by comparing drafts (``mark_changes``): the editor compares the text it
opened with the text now (so undoing a change removes its mark), the command line compares
two files. Where the marks live in the file is ``production_file``'s business.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from reelwright.screenplay.elements import Script
from reelwright.screenplay.emphasis import plain_text, strip_notes
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.pagination import Pagination
from reelwright.screenplay.textdiff import (
    LineDiff,
    LineEdit,
    diff_line,
    diff_lines,
    splice_line,
    split_lines,
)

# name, ink (changed text on screen, coloured print), paper (the page's tint)
COLOURS: tuple[tuple[str, str, str], ...] = (
    ("White", "#5f6368", "#ffffff"),
    ("Blue", "#1a5fb4", "#cfe2f3"),
    ("Pink", "#c2185b", "#f8d3df"),
    ("Yellow", "#9a7b00", "#fff3a0"),
    ("Green", "#2e7d32", "#d3eccb"),
    ("Goldenrod", "#a8740a", "#f3d27a"),
    ("Buff", "#86663a", "#f0e2c2"),
    ("Salmon", "#cc4f33", "#fbc7b3"),
    ("Cherry", "#b0103a", "#f0a3b2"),
)
_CYCLES = ("", "Double ", "Triple ", "Quadruple ", "Quintuple ")
_CYCLE_WORDS = {
    "": 0,
    "double": 1,
    "second": 1,
    "2nd": 1,
    "triple": 2,
    "third": 2,
    "3rd": 2,
    "quadruple": 3,
    "fourth": 3,
    "4th": 3,
    "quintuple": 4,
    "fifth": 4,
    "5th": 4,
}
MARK = "*"
"""The margin mark of every round (Final Draft's default)."""
FIRST_REVISION = 1
"""Blue: the round after the white production draft."""


def round_name(level: int) -> str:
    """``0`` White, ``1`` Blue ... ``8`` Cherry, ``9`` Double White, ``10`` Double Blue ..."""
    if level < 0:
        raise ValueError(f"revision level {level} is below zero")
    cycle, index = divmod(level, len(COLOURS))
    colour = COLOURS[index][0]
    if cycle < len(_CYCLES):
        return f"{_CYCLES[cycle]}{colour}"
    return f"{cycle + 1}th {colour}"


def round_level(name: str) -> int:
    """The level of a round named ``name`` (``blue``, ``Double Pink``, ``2nd blue``, ``3``)."""
    words = name.strip().casefold().replace("-", " ").split()
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    cycle_word = " ".join(words[:-1])
    colour = words[-1] if words else ""
    for index, (known, _ink, _paper) in enumerate(COLOURS):
        if known.casefold() == colour and cycle_word in _CYCLE_WORDS:
            return _CYCLE_WORDS[cycle_word] * len(COLOURS) + index
    choices = ", ".join(c[0].casefold() for c in COLOURS)
    raise ReelwrightError(
        f"{name!r} is not a revision round: name a colour ({choices}), "
        f"with 'double' or 'triple' before it for the later rounds"
    )


@dataclass(frozen=True, slots=True)
class Round:
    """One revision round: its place in the colour sequence and the date of its pages."""

    level: int
    date: str = ""
    """As the writer gave it (default: the day the round was started, ISO 8601)."""

    @property
    def name(self) -> str:
        return round_name(self.level)

    @property
    def ink(self) -> str:
        """The colour of this round's changed text on screen (``#rrggbb``)."""
        return COLOURS[self.level % len(COLOURS)][1]

    @property
    def paper(self) -> str:
        """The colour of this round's paper, for coloured-paper hints (``#rrggbb``)."""
        return COLOURS[self.level % len(COLOURS)][2]

    @property
    def mark(self) -> str:
        return MARK

    def header(self) -> str:
        """The line printed at the top of this round's revised pages."""
        return f"{self.name} Revision - {self.date}" if self.date else f"{self.name} Revision"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Columns ``[start, end)`` of one source line, new in round ``level``; ``start == end``
    marks the place where words were removed."""

    start: int
    end: int
    level: int


Marks = dict[int, tuple[Span, ...]]
"""Source line -> its marks, ordered and not overlapping."""


@dataclass(slots=True)
class Revisions:
    """The rounds a script has been through and the marks they left."""

    rounds: list[Round] = field(default_factory=list)
    """Started rounds, oldest first; the last is the current round."""
    marks: Marks = field(default_factory=dict)

    @property
    def current(self) -> Round | None:
        return self.rounds[-1] if self.rounds else None

    def round(self, level: int) -> Round:
        """The started round of ``level`` (a round that was never started has no date)."""
        for item in self.rounds:
            if item.level == level:
                return item
        return Round(level)

    def start_round(self, level: int | None = None, date: str | None = None) -> Round:
        """Start the next round (or round ``level``, which must come after the current one)."""
        current = self.current
        if level is None:
            level = current.level + 1 if current is not None else FIRST_REVISION
        if current is not None and level <= current.level:
            raise ReelwrightError(
                f"the {current.name} round is already under way; the next round is "
                f"{round_name(current.level + 1)}"
            )
        started = Round(level, date if date is not None else datetime.date.today().isoformat())
        self.rounds.append(started)
        return started

    def levels_used(self) -> set[int]:
        return {span.level for spans in self.marks.values() for span in spans}

    def clear(self, level: int | None = None) -> None:
        """Remove every mark (a new white draft), or only those of round ``level``."""
        if level is None:
            self.marks = {}
            return
        kept: Marks = {}
        for line, spans in self.marks.items():
            rest = tuple(span for span in spans if span.level != level)
            if rest:
                kept[line] = rest
        self.marks = kept


# Marking ----------------------------------------------------------------------------------


def mark_changes(
    old_text: str,
    new_text: str,
    marks: Mapping[int, Iterable[Span]],
    level: int | None,
    diff: LineDiff | None = None,
    *,
    characters: bool = False,
    at: int | None = None,
) -> Marks:
    """The marks of ``new_text``: those of ``old_text`` carried to where their text is now,
    plus, when ``level`` is given, marks of that round on every word that is new or changed
    and at every place where words were removed. ``level`` None only carries the marks (an
    edit made outside revision mode). ``diff`` is the drafts' line alignment, when the
    caller has it already.

    ``characters``: the drafts are one edit apart (the editor's keystroke, paste or
    selection typed over), so when only one line changed its change is one splice, marked
    character by character (``textdiff.splice_line``): letters typed onto a word mark
    the letters, not the word they touch; ``at`` is the column the edit was made at, when
    the editor knows it."""
    old = split_lines(old_text)
    new = split_lines(new_text)
    diff = diff or diff_lines(old, new)
    line_edit: Callable[[str, str], LineEdit] = diff_line
    if characters and len(diff.edited) == 1 and not diff.inserted and not diff.deleted:

        def line_edit(old_line: str, new_line: str) -> LineEdit:
            return splice_line(old_line, new_line, at)

    result: dict[int, list[Span]] = {}

    for line, spans in marks.items():
        if line >= len(old):
            continue
        target = diff.old_to_new[line]
        if target is None:
            continue
        if target in diff.edited or old[line] != new[target]:
            edit = line_edit(old[line], new[target])
            for span in spans:
                if span.start == span.end:
                    result.setdefault(target, []).append(
                        Span(edit.map_column(span.start), edit.map_column(span.start), span.level)
                    )
                    continue
                for start, end in edit.map_range(span.start, span.end):
                    result.setdefault(target, []).append(Span(start, end, span.level))
        else:
            result.setdefault(target, []).extend(spans)

    if level is not None:
        for line in diff.inserted:
            text = new[line]
            if text.strip():
                lead = len(text) - len(text.lstrip())
                result.setdefault(line, []).append(Span(lead, len(text.rstrip()), level))
        for line, old_line in diff.edited.items():
            edit = line_edit(old[old_line], new[line])
            spans_here = result.setdefault(line, [])
            spans_here.extend(Span(start, end, level) for start, end in edit.changed)
            spans_here.extend(Span(col, col, level) for col in edit.removed_at)
        fresh = {line for line in diff.inserted if new[line].strip()}
        for before, removed in diff.deleted:
            if before in fresh or before - 1 in fresh:
                continue  # new text stands where the old went: its marks say so
            if any(old[i].strip() for i in removed):
                place = _removal_place(new, before)
                if place is not None:
                    line, col = place
                    result.setdefault(line, []).append(Span(col, col, level))

    out: Marks = {}
    for line, spans in result.items():
        normal = joined_over_spaces(normalize(spans, len(new[line])), new[line])
        if normal:
            out[line] = normal
    return out


def joined_over_spaces(spans: tuple[Span, ...], text: str) -> tuple[Span, ...]:
    """Normalized ``spans`` of ``text`` with two marks of one round that only spaces part
    joined into one (words typed one by one are one change: ``a new line``, not three)."""
    if len(spans) < 2:
        return spans
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        if (
            last is not None
            and last.start < last.end
            and span.start < span.end
            and last.level == span.level
            and not text[last.end : span.start].strip()
        ):
            out[-1] = Span(last.start, span.end, span.level)
        else:
            out.append(span)
    return normalize(out, len(text)) if len(out) != len(spans) else spans


def _removal_place(lines: list[str], before: int) -> tuple[int, int] | None:
    """Where a removal before line ``before`` is marked: the start of the next line with
    text, else the end of the previous one."""
    for line in range(before, len(lines)):
        text = lines[line]
        if text.strip():
            return line, len(text) - len(text.lstrip())
    for line in range(min(before, len(lines)) - 1, -1, -1):
        text = lines[line]
        if text.strip():
            return line, len(text.rstrip())
    return None


def normalize(spans: Iterable[Span], length: int) -> tuple[Span, ...]:
    """Spans of one line clipped to it, with the later round winning where they overlap,
    touching spans of one round joined, and removal points inside marked text dropped."""
    ranges: list[Span] = []
    points: set[Span] = set()
    for span in spans:
        start = max(0, min(span.start, length))
        end = max(start, min(span.end, length))
        if start == end:
            points.add(Span(start, start, span.level))
        else:
            ranges.append(Span(start, end, span.level))
    pieces: list[Span] = []
    if ranges:
        cuts = sorted({x for span in ranges for x in (span.start, span.end)})
        for a, b in itertools.pairwise(cuts):
            top = max((s.level for s in ranges if s.start <= a and s.end >= b), default=-1)
            if top < 0:
                continue
            if pieces and pieces[-1].end == a and pieces[-1].level == top:
                pieces[-1] = Span(pieces[-1].start, b, top)
            else:
                pieces.append(Span(a, b, top))
    for point in points:
        if not any(p.start <= point.start <= p.end and p.level >= point.level for p in pieces):
            pieces.append(point)
    # One removal point per column: the latest round's.
    pieces.sort()
    unique: list[Span] = []
    for piece in pieces:
        if (
            unique
            and piece.start == piece.end
            and unique[-1].start == unique[-1].end == piece.start
        ):
            unique[-1] = max(unique[-1], piece, key=lambda s: s.level)
            continue
        unique.append(piece)
    return tuple(unique)


def line_levels(marks: Mapping[int, Iterable[Span]]) -> dict[int, int]:
    """Each marked source line's latest round."""
    return {line: max(span.level for span in spans) for line, spans in marks.items() if spans}


# Printing ---------------------------------------------------------------------------------

_SENTINEL = "\ue000"


def _plain_column(text: str, column: int, print_notes: bool) -> int:
    """Where column ``column`` of an element's line falls in its printed (plain) text."""
    column = max(0, min(column, len(text)))
    # Never put the sentinel inside a run of emphasis markers or after a backslash: that
    # would change how the markers pair.
    while 0 < column < len(text) and text[column] in "*_" and text[column - 1] in "*_\\":
        column += 1
    marked = text[:column] + _SENTINEL + text[column:]
    if not print_notes:
        marked = strip_notes(marked)
    plain = plain_text(marked)
    found = plain.find(_SENTINEL)
    if found >= 0:
        return found
    prefix = text[:column] if print_notes else strip_notes(text[:column])
    return len(plain_text(prefix))


def plain_offsets(line: str) -> list[int]:
    """For each column of ``line`` (and its end), the column of its plain text (emphasis
    markers removed, escapes resolved: ``plain_text``) it falls at. Linear in the line:
    the plain text is a subsequence of the line, aligned greedily."""
    plain = plain_text(line)
    offsets: list[int] = []
    matched = 0
    for char in line:
        offsets.append(matched)
        if matched < len(plain) and char == plain[matched]:
            matched += 1
    offsets.append(matched)
    return offsets


def source_columns(line: str) -> list[int]:
    """For each column of ``line``'s plain text (and its end), the column of ``line``
    where that character stands (the inverse of ``plain_offsets``)."""
    plain = plain_text(line)
    columns: list[int] = []
    for index, char in enumerate(line):
        if len(columns) < len(plain) and char == plain[len(columns)]:
            columns.append(index)
    columns.extend([len(line)] * (len(plain) + 1 - len(columns)))
    return columns


def printed_marks(
    pagination: Pagination, script: Script, text: str, marks: Mapping[int, Iterable[Span]]
) -> list[dict[int, int]]:
    """For each page, the line slots that get a revision mark and the round of each.

    A printed line is marked when marked text of its source line, or a place where words
    were removed, falls on it; a long line wrapped over several printed lines marks only
    those holding the change. ``text`` is the script's text (its source lines).
    """
    lines = split_lines(text)
    wanted = {line: tuple(spans) for line, spans in marks.items() if spans}
    rows: dict[int, list[tuple[int, int, str, int | None]]] = {}
    for page_index, page in enumerate(pagination.pages):
        for printed in page.lines:
            line = printed.source_line
            if line is None or printed.more or line not in wanted:
                continue
            rows.setdefault(line, []).append(
                (page_index, printed.slot, printed.text, printed.element_index)
            )
    result: list[dict[int, int]] = [{} for _ in pagination.pages]
    for line, line_rows in rows.items():
        spans = wanted[line]
        raw = lines[line] if line < len(lines) else ""
        levels = _row_levels(script, line, raw, line_rows, spans, pagination.options.print_notes)
        for (page_index, slot, _text, _element), level in zip(line_rows, levels, strict=True):
            if level is not None:
                previous = result[page_index].get(slot)
                result[page_index][slot] = level if previous is None else max(previous, level)
    return result


def _row_levels(
    script: Script,
    line: int,
    raw: str,
    rows: list[tuple[int, int, str, int | None]],
    spans: tuple[Span, ...],
    print_notes: bool,
) -> list[int | None]:
    """The round marked on each printed row of one source line (None: not marked)."""
    whole = max(span.level for span in spans)
    element_index = rows[0][3]
    if element_index is None or element_index >= len(script.elements):
        return [whole] * len(rows)
    element = script.elements[element_index]
    element_lines = element.text.split("\n")
    own = element_lines[min(max(line - element.start_line, 0), len(element_lines) - 1)]
    offset = raw.find(own) if own else -1
    if offset < 0:
        return [whole] * len(rows)
    source = strip_notes(own) if not print_notes else own
    plain = plain_text(source).casefold()
    # Each row is a piece of the plain line, in order (a repeated cue starts again).
    ranges: list[tuple[int, int] | None] = []
    cursor = 0
    for _page, _slot, row_text, _element in rows:
        needle = row_text.casefold()
        found = plain.find(needle, cursor) if needle else -1
        if found < 0:
            found = plain.find(needle) if needle else -1
        if found < 0:
            ranges.append(None)
            continue
        ranges.append((found, found + len(needle)))
        cursor = found + len(needle)
    levels: list[int | None] = []
    plain_spans = [
        (
            _plain_column(own, span.start - offset, print_notes),
            _plain_column(own, span.end - offset, print_notes),
            span.level,
        )
        for span in spans
    ]
    for index, extent in enumerate(ranges):
        if extent is None:
            levels.append(whole)
            continue
        start, end = extent
        level: int | None = None
        for s, e, lvl in plain_spans:
            if s == e:
                hit = start <= s < end or (s == end and _last_piece(ranges, index))
                hit = hit or (s < start and index == _first_piece(ranges))
            else:
                hit = s < end and e > start
            if hit:
                level = lvl if level is None else max(level, lvl)
        levels.append(level)
    return levels


def _first_piece(ranges: list[tuple[int, int] | None]) -> int:
    for index, extent in enumerate(ranges):
        if extent is not None:
            return index
    return 0


def _last_piece(ranges: list[tuple[int, int] | None], index: int) -> bool:
    return all(extent is None for extent in ranges[index + 1 :])


def page_levels(slot_marks: list[dict[int, int]]) -> list[int | None]:
    """The latest round marked on each page (None: the page is not revised)."""
    return [max(page.values()) if page else None for page in slot_marks]


def revised_pages(slot_marks: list[dict[int, int]], level: int | None = None) -> list[int]:
    """Indexes of the pages with marks (of round ``level`` only, when given): the pages to
    issue when only revised pages are printed."""
    return [
        index
        for index, page in enumerate(slot_marks)
        if page and (level is None or level in page.values())
    ]
