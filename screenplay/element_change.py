"""Setting a paragraph's element the way Final Draft's Ctrl+1..7 do, in Fountain markup.

Fountain has no element field: a line *is* a scene heading because of what it says and
where it stands. So "make this a character cue" means writing the line so that the parser
reads a cue there: upper-casing the name, the blank line a cue needs above it, and a
forcing ``@`` only where the plain form would be read as something else. The same holds for
every element: ``.`` for a heading without INT/EXT (and for a shot, which Fountain writes
as a forced heading, as Final Draft's FDX import reads it), ``!`` for action that looks
like a cue or a heading, ``>`` for a transition that does not end in ``TO:``, and ``( )``
around a parenthetical.

:func:`change_element` checks its answer with the core parser
(:func:`reelwright.screenplay.parser.parse`), so what the editor shows after the change is
what ``reelwright parse`` reads from the saved file. It parses only the paragraphs around
the line (:func:`around`), which read exactly as they do in the whole script: a paragraph
after a blank line is read without what comes before it, unless a boneyard comment or a
note spans that blank line (the window then takes it whole), and the script's choice on
names without letter case is the whole script's (``lines.caseless_cues_for``). Qt-free: the
editor (``desktop.element_keys``) applies the :class:`Change` as one undo step, the tests
call it directly.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.lines import caseless_cues_for
from reelwright.screenplay.parser import parse
from reelwright.screenplay.vocabulary import (
    BONEYARD_OPEN,
    CENTERED_END,
    FORCE_ACTION,
    FORCE_CHARACTER,
    FORCE_HEADING,
    FORCE_TRANSITION,
    LYRICS_MARK,
    NOTE_CLOSERS,
    NOTE_OPENERS,
    SCENE_NUMBER_RE,
    boneyard_spans,
    forces_heading,
    is_caseless_cue_text,
    note_spans,
)

T = ElementType


class Target(StrEnum):
    """The elements of Final Draft's Ctrl+1..7, in that order."""

    SCENE_HEADING = "scene_heading"
    ACTION = "action"
    CHARACTER = "character"
    PARENTHETICAL = "parenthetical"
    DIALOGUE = "dialogue"
    TRANSITION = "transition"
    SHOT = "shot"

    @property
    def element_type(self) -> ElementType:
        """What the parser calls it (a shot is a scene heading in Fountain)."""
        return T.SCENE_HEADING if self is Target.SHOT else ElementType(self.value)

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()


_STARTS_PARAGRAPH = frozenset(
    {Target.SCENE_HEADING, Target.SHOT, Target.TRANSITION, Target.CHARACTER}
)
"""Elements that need a blank line (or the start of the script) above them."""
_STANDS_ALONE = frozenset({Target.SCENE_HEADING, Target.SHOT, Target.TRANSITION})
"""Elements written with a blank line below them too."""
_SPEECH = frozenset({T.CHARACTER, T.PARENTHETICAL, T.DIALOGUE, T.LYRICS})
_NOTE_MARKS = (*NOTE_OPENERS, *NOTE_CLOSERS)


@dataclass(frozen=True, slots=True)
class Change:
    """Replace ``lines[start:end]`` by ``lines``; the changed paragraph is then line ``line``."""

    start: int
    end: int
    lines: tuple[str, ...]
    line: int
    column: int
    """Where the caret goes in the changed line (the writer's place in their words)."""
    pending: bool = False
    """The element waits for what comes next: an empty line set to an element (its text is
    still to be typed) or a cue whose speech is still to be written. The editor keeps the
    element as a mark on the line until then."""
    reached: bool = True
    """False when Fountain cannot make the line that element where it stands (dialogue
    with no cue above it); nothing is changed then."""
    caseless: bool | None = None
    """The parser's choice on names without letter case for the script (None: it did not
    need one), so the editor can show what the parser reads."""


def _blank(line: str) -> bool:
    return not line.strip()


def _ends_paragraph(line: str) -> bool:
    """A line that always ends a paragraph for the parser: empty, or one blank character
    (two spaces or more go on with a paragraph that goes on)."""
    return not line or (len(line) < 2 and line.isspace())


@dataclass(slots=True)
class Around:
    """The lines ``start:end`` of a script, which the parser reads as it reads them in the
    whole script, and the script's choice on names without case where they need one."""

    start: int
    end: int
    caseless: bool | None

    def read(self, lines: list[str]) -> tuple[dict[int, ElementType], bool | None]:
        """The element type of each line of ``lines`` (these lines, edited or not, put in
        place of ``start:end``; numbered from ``start``)."""
        choice = self.caseless
        script = parse("\n".join(lines), first_line=self.start, caseless_cues=bool(choice))
        out: dict[int, ElementType] = {}
        for element in script.elements:
            for number in range(element.start_line, element.end_line):
                out[number] = element.type
        return out, choice


def around(lines: list[str], first: int, last: int, also: Collection[str] = ()) -> Around:
    """The lines to parse for lines ``first:last`` and their neighbours: from the start of
    the paragraph before to the end of the paragraph after, widened over any boneyard
    comment or note that spans their ends (see the module docstring). ``also``: lines
    that will be put among them (the script's choice on names without case is looked up
    when they, or the lines, may need it)."""
    if any(_has_marker(line) for line in (*lines[max(0, first) : last], *also)):
        start, end = 0, len(lines)  # the edit may open or close a comment or a note
    else:
        start, end = _paragraphs_around(lines, first, last)
    caseless = None
    if any(_may_ask_caseless(line) for line in (*lines[start:end], *also)):
        caseless = caseless_cues_for(lines)  # the whole script's choice, as the parser's
    return Around(start, end, caseless)


def _paragraphs_around(lines: list[str], first: int, last: int) -> tuple[int, int]:
    """From the start of the paragraph before ``first`` to the end of the paragraph after
    ``last`` (the first paragraph from the top: it may be the title page), widened until
    no comment or note crosses either end."""
    count = len(lines)

    def paragraph_start(i: int) -> int:
        while i > 0 and not _ends_paragraph(lines[i - 1]):
            i -= 1
        return i

    def paragraph_end(i: int) -> int:
        while i < count and not _ends_paragraph(lines[i]):
            i += 1
        return i

    above = paragraph_start(max(0, min(first, count))) - 1
    while above >= 0 and _ends_paragraph(lines[above]):
        above -= 1
    start = paragraph_start(above) if above >= 0 else 0
    if start and not any(line.strip() for line in lines[:start]):
        start = 0  # the first paragraph may be the title page, read only from the top
    below = paragraph_end(max(0, min(last, count)))
    while below < count and _ends_paragraph(lines[below]):
        below += 1
    end = paragraph_end(below)
    spans = _spans(lines)
    changed = bool(spans)
    while changed:
        changed = False
        for top, bottom in spans:  # a span across an end of the window takes it in
            if top < start <= bottom:
                start, changed = paragraph_start(top), True
            if top < end <= bottom:
                end, changed = paragraph_end(bottom + 1), True
    return start, end


def _has_marker(line: str) -> bool:
    return BONEYARD_OPEN in line or "*/" in line or any(m in line for m in _NOTE_MARKS)


def _may_ask_caseless(line: str) -> bool:
    """Could the parser ask whether names without case are cues, for this line? (Only a
    line without cased letters can be such a name; a boneyard in it is read away first.)"""
    if line.isascii():
        return False
    if BONEYARD_OPEN in line or "*/" in line:
        return True
    text = line.strip()
    if text[:1] in (FORCE_CHARACTER, "＠"):
        text = text[1:].lstrip()
    return is_caseless_cue_text(text)


def _spans(lines: list[str]) -> list[tuple[int, int]]:
    """(first line, last line) of each boneyard comment and note that spans lines."""
    text = "\n".join(lines)
    if BONEYARD_OPEN not in text and not any(opener in text for opener in NOTE_OPENERS):
        return []
    starts: list[int] = []
    position = 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    found: list[tuple[int, int]] = []
    for begin, finish in (*boneyard_spans(text), *note_spans(text)):
        top = bisect_right(starts, begin) - 1
        bottom = bisect_right(starts, max(begin, finish - 1)) - 1
        if bottom > top:
            found.append((top, bottom))
    return found


def split_markup(line: str) -> tuple[int, str, int]:
    """``(start, words, end)``: the writer's words in ``line`` without the markup that
    forces or marks an element (leading space, ``!@~>.``, ``<``, ``^``, a heading's scene
    number, a parenthetical's parentheses); ``line[start:end] == words``."""
    start, end = 0, len(line.rstrip())
    while start < end and line[start].isspace():
        start += 1
    if start < end:
        first = line[start]
        if first in (FORCE_ACTION, FORCE_CHARACTER, LYRICS_MARK):
            start += 1
        elif first == FORCE_TRANSITION:
            start += 1
            if line[end - 1] == CENTERED_END:
                end -= 1
        elif forces_heading(line[start:end]):
            start += 1
        elif first in "(（" and line[end - 1] in ")）":
            start += 1
            end -= 1
    body = line[start:end]
    trimmed = body.rstrip()
    if trimmed.endswith("^"):
        end = start + len(trimmed) - 1
        body = line[start:end]
    number = SCENE_NUMBER_RE.search(body)
    if number:
        end = start + number.start()
    while end > start and line[end - 1].isspace():
        end -= 1
    while start < end and line[start].isspace():
        start += 1
    return start, line[start:end], end


def _upper_name(words: str) -> str:
    """A cue's name in upper case, its extension as written: ``Maya (cont'd)``."""
    paren = min((p for p in (words.find("("), words.find("（")) if p >= 0), default=-1)
    if paren < 0:
        return words.upper()
    return words[:paren].upper() + words[paren:]


def _candidates(words: str, target: Target, scene_number: str, dual: str) -> list[tuple[str, int]]:
    """``(line, markup before the words)``: the plain form first, then the forced form."""
    if target in (Target.SCENE_HEADING, Target.SHOT):
        upper = words.upper() + scene_number
        forced = (FORCE_HEADING + upper, 1)
        return [(upper, 0), forced] if target is Target.SCENE_HEADING else [forced]
    if target is Target.ACTION:
        return [(words, 0), (FORCE_ACTION + words, 1)]
    if target is Target.CHARACTER:
        name = _upper_name(words) + dual
        return [(name, 0), (FORCE_CHARACTER + name, 1)]
    if target is Target.PARENTHETICAL:
        return [("(" + words + ")", 1)]
    if target is Target.DIALOGUE:
        return [(words, 0)]
    upper = words.upper()
    return [(upper, 0), (FORCE_TRANSITION + upper, 1)]


def change_element(
    lines: list[str],
    index: int,
    target: Target,
    column: int = -1,
    marked_cues: Collection[int] = (),
) -> Change:
    """How to make line ``index`` of ``lines`` the ``target`` element.

    ``column`` is the caret's place in that line (-1: its end); the answer says where it
    goes afterwards. ``marked_cues``: lines the editor shows as cues whose speech is still
    to be typed (the parser reads them as action until then).
    """
    if not lines:
        lines = [""]
    index = max(0, min(index, len(lines) - 1))
    line = lines[index]
    if column < 0:
        column = len(line)
    start_at, words, end_at = split_markup(line)
    window = around(lines, index - 2, index + 1, (words,))
    types, caseless = window.read(lines[window.start : window.end])
    for number in marked_cues:
        if types.get(number) is T.ACTION and lines[number].strip():
            types[number] = T.CHARACTER
    current = types.get(index)
    offset = max(0, min(column, end_at) - start_at)
    if current is T.SCENE_HEADING and target in (Target.SCENE_HEADING, Target.SHOT):
        scene_number = line[end_at:].rstrip() if "#" in line[end_at:] else ""
    else:
        scene_number = ""
    dual = " ^" if current is T.CHARACTER and target is Target.CHARACTER and "^" in line else ""

    # The lines around: what is above and below decides the blank lines to add or remove.
    first = index
    before: list[str] = []
    if target in (Target.DIALOGUE, Target.PARENTHETICAL):
        above = index - 1
        while above >= 0 and _blank(lines[above]):
            above -= 1
        if above < 0 or types.get(above) not in _SPEECH:
            return Change(index, index + 1, (line,), index, column, False, False, caseless)
        first = above + 1  # the blank lines between go: the line joins the speech
    elif index > 0 and not _blank(lines[index - 1]):
        previous = types.get(index - 1)
        if target in _STARTS_PARAGRAPH or previous in _SPEECH or previous is T.SCENE_HEADING:
            before = [""]
    last = index + 1
    after: list[str] = []
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is not None and not _blank(following) and target in _STANDS_ALONE:
        after = [""]

    if not words:
        if target is Target.PARENTHETICAL:
            new = "()"
            row = first + len(before)
            return Change(first, last, (*before, new, *after), row, 1, caseless=caseless)
        pending = target is not Target.ACTION and target is not Target.DIALOGUE
        row = first + len(before)
        return Change(first, last, (*before, "", *after), row, 0, pending, caseless=caseless)

    expected = target.element_type
    row = first + len(before)
    head = lines[window.start : first]
    tail = lines[last : window.end]
    # A cue's speech is the line below it; with none yet, the cue waits for it.
    cue_waits = target is Target.CHARACTER and (following is None or _blank(following))
    found: tuple[str, int] | None = None
    for candidate in _candidates(words, target, scene_number, dual):
        if cue_waits:  # a cue is a cue once its speech is there: try it with one
            probes = [[*head, *before, candidate[0], "…", "", *tail]]
        else:
            probes = [[*head, *before, candidate[0], *after, *tail]]
            if target is Target.ACTION and not after and (following is None or _blank(following)):
                # Action stays action when the writer goes on typing below it (a name in
                # capitals alone would become a cue): try it with a line below as well.
                probes.append([*head, *before, candidate[0], "…", *tail])
        readings = [window.read(probe) for probe in probes]
        if all(read.get(row) is expected for read, _ in readings):
            found = candidate
            caseless = readings[0][1] if readings[0][1] is not None else caseless
            break
    if found is None:
        return Change(index, index + 1, (line,), index, column, False, False, caseless)
    chosen, prefix = found
    new_column = min(len(chosen), prefix + min(offset, len(words)))
    if target is Target.PARENTHETICAL:
        new_column = min(new_column, len(chosen) - 1)
    return Change(
        first,
        last,
        (*before, chosen, *after),
        row,
        new_column,
        pending=bool(cue_waits),
        caseless=caseless,
    )


def apply_change(lines: list[str], change: Change) -> list[str]:
    """The lines after ``change`` (for tests and callers without a document)."""
    return [*lines[: change.start], *change.lines, *lines[change.end :]]
