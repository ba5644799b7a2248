"""Setting a paragraph's element the way Final Draft's Ctrl+1..7 do, in Fountain markup.

Fountain has no element field: a line *is* a scene heading because of what it says and
where it stands. So "make this a character cue" means writing the line so that the parser
reads a cue there: upper-casing the name, the blank line a cue needs above it, and a
forcing ``@`` only where the plain form would be read as something else. The same holds for
every element: ``.`` for a heading without INT/EXT (and for a shot, which Fountain writes
as a forced heading, as Final Draft's FDX import reads it), ``!`` for action that looks
like a cue or a heading, ``>`` for a transition that does not end in ``TO:``, and ``( )``
around a parenthetical.

:func:`change_element` works on the lines of the whole script and checks its answer with
the core parser (:func:`reelwright.screenplay.parser.parse`), so what the editor shows after
the change is what ``reelwright parse`` reads from the saved file. Qt-free: the editor
applies the :class:`Change` as one undo step, the tests call it directly.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.parser import parse
from reelwright.screenplay.vocabulary import (
    CENTERED_END,
    FORCE_ACTION,
    FORCE_CHARACTER,
    FORCE_HEADING,
    FORCE_TRANSITION,
    LYRICS_MARK,
    SCENE_NUMBER_RE,
    forces_heading,
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


def _types_by_line(lines: list[str]) -> dict[int, ElementType]:
    return _read(lines)[0]


def _read(lines: list[str]) -> tuple[dict[int, ElementType], bool | None]:
    """The element type of each line, and the parser's choice on names without case."""
    script = parse("\n".join(lines))
    out: dict[int, ElementType] = {}
    for element in script.elements:
        for number in range(element.start_line, element.end_line):
            out[number] = element.type
    return out, script.caseless_cues


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
    types, caseless = _read(lines)
    for number in marked_cues:
        if types.get(number) is T.ACTION and lines[number].strip():
            types[number] = T.CHARACTER
    current = types.get(index)
    start_at, words, end_at = split_markup(line)
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
    head = lines[:first]
    tail = lines[last:]
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
        readings = [_read(probe) for probe in probes]
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
