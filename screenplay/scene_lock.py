"""Locked scene numbers: numbers that never move once a script is in production.

Locking writes every scene heading's number into the Fountain text (``#12#``, which every
Fountain program reads and prints) and remembers the list of locked numbers. From then on:

- a new scene takes a number between its neighbours' without moving either: after 12 and
  before 13 it is 12A, then 12B, 12C ...; before the first scene A1, B1 ...;
- a scene squeezed in just before a lettered one takes that scene's letters plus one:
  between 12 and 12A it is 12AA, then 12AB (John August's "95, 95AA, 95AB, 95A, 95B",
  the order Final Draft's A-numbers follow); between 12A and 12B it is 12BA;
- when the letters run out (after 12Z) the scene takes a letter *before* the next number,
  the assistant directors' style: A13;
- a locked number whose scene was deleted comes back as a heading ``OMITTED`` with that
  number (``.OMITTED #13#``), the way Final Draft prints a dropped scene, so the number is
  retired, never given to another scene;
- unlocking removes the OMITTED headings and renumbers 1, 2, 3 ... (or removes the numbers).

How labels compare (one total order, so that "between" always has one answer): by number,
then by the letters after it, where no letters come first, and a label that extends
another's letters comes before it (12 < 12AA < 12AB < 12A < 12BA < 12B < 12C), then by
letters in front, which come before the same label without them (12Z < A13 < B13 < 13).
Productions that leave out I and O (they read as 1 and 0) can say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from reelwright.screenplay.elements import Element, ElementType, Script
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.parser import parse, split_scene_number
from reelwright.screenplay.textdiff import join_pairs, line_pairs, newline_of, split_lines

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LETTERS_WITHOUT_IO = "ABCDEFGHJKLMNPQRSTUVWXYZ"
OMITTED = "OMITTED"

_LABEL = re.compile(r"([A-Z]*)(\d+)([A-Z]*)")


@dataclass(frozen=True, slots=True)
class SceneLabel:
    """A scene number in the usual form: letters, a number, letters (``A12B``)."""

    prefix: str
    number: int
    suffix: str

    @classmethod
    def parse(cls, text: str) -> SceneLabel | None:
        match = _LABEL.fullmatch(text.strip().upper())
        if match is None:
            return None
        return cls(match.group(1), int(match.group(2)), match.group(3))

    def __str__(self) -> str:
        return f"{self.prefix}{self.number}{self.suffix}"

    @property
    def key(self) -> tuple[int, tuple[int, ...], tuple[int, ...]]:
        suffix = (0,) if not self.suffix else (1, *map(ord, self.suffix), 1000)
        prefix = (1,) if not self.prefix else (0, *map(ord, self.prefix), 1000)
        return (self.number, suffix, prefix)


def _key(label: str) -> tuple[int, tuple[int, ...], tuple[int, ...]] | None:
    parsed = SceneLabel.parse(label)
    return parsed.key if parsed is not None else None


def label_between(
    before: str | None,
    after: str | None,
    taken: Sequence[str] | set[str] = (),
    letters: str = LETTERS,
) -> str:
    """The number for a new scene after ``before`` and before ``after`` (None: the start or
    the end of the script) that no scene in ``taken`` has. See the module's rules."""
    used = {t.upper() for t in taken}
    low = _key(before) if before is not None else None
    high = _key(after) if after is not None else None
    for candidate in _candidates(before, after, letters):
        if candidate.upper() in used:
            continue
        key = _key(candidate)
        if key is None:  # a label of another form: only its neighbours can say
            return candidate
        if (low is None or low < key) and (high is None or key < high):
            return candidate
    raise ReelwrightError(
        f"no scene number fits between {before or 'the start'} and {after or 'the end'}; "
        f"unlock the scene numbers and lock them again to renumber"
    )


def _next_letters(text: str, letters: str) -> Iterator[str]:
    """``text`` with its last letter stepped on through the alphabet (A -> B, C ...)."""
    if not text:
        return
    head, last = text[:-1], text[-1]
    position = letters.find(last)
    for letter in letters[position + 1 :]:
        yield head + letter


def _candidates(before: str | None, after: str | None, letters: str) -> Iterator[str]:
    first = letters[0]
    low = SceneLabel.parse(before) if before is not None else None
    high = SceneLabel.parse(after) if after is not None else None
    if before is None and after is None:
        yield "1"
        return
    if before is not None and low is None:
        # A number of another form (``I-1-A``): letters after it.
        for letter in letters:
            yield f"{before}{letter}"
        return
    if low is not None:
        if low.prefix:
            # Between A1 and 1: step the letters in front.
            for prefix in _next_letters(low.prefix, letters):
                yield f"{prefix}{low.number}{low.suffix}"
        elif not low.suffix:
            yield f"{low.number}{first}"
            for suffix in _next_letters(first, letters):
                yield f"{low.number}{suffix}"
        else:
            for suffix in _next_letters(low.suffix, letters):
                yield f"{low.number}{suffix}"
    if high is not None:
        if not high.prefix and high.suffix:
            # Just before 12A: 12AA, then on.
            yield f"{high.number}{high.suffix}{first}"
        if not high.prefix:
            yield f"{first}{high}"
            for prefix in _next_letters(first, letters):
                yield f"{prefix}{high}"
        else:
            yield f"{high.prefix}{first}{high.number}{high.suffix}"
    if low is not None and not low.prefix:
        # Last resort: letters added to the scene before (12A -> 12AB ...).
        base = f"{low.number}{low.suffix}"
        for letter in letters:
            yield f"{base}{letter}{letter}"


# The lock -------------------------------------------------------------------------------


@dataclass(slots=True)
class SceneLock:
    """The scene numbers locked, in script order (OMITTED scenes' numbers included)."""

    numbers: list[str] = field(default_factory=list)
    letters: str = LETTERS


@dataclass(frozen=True, slots=True)
class NumberedScene:
    element_index: int
    line: int
    number: str
    written: bool
    """The number is written in the heading (``#12#``); False: it is yet to be written."""
    locked: bool
    """The number is one of the lock's; False for a scene added since."""
    omitted: bool


def is_omitted(element: Element) -> bool:
    """A heading that stands for a dropped scene (``OMITTED``, as Final Draft prints it)."""
    return element.type is ElementType.SCENE_HEADING and element.text.strip().upper().startswith(
        OMITTED
    )


def is_omitted_line(line: str) -> bool:
    """A source line that ``apply_lock`` or ``omit_scene`` writes for a dropped scene
    (``.OMITTED #13#``)."""
    text = line.strip()
    if not text.startswith("."):
        return False
    heading, number = split_scene_number(text[1:])
    return number is not None and heading.strip().upper() == OMITTED


def _headings(script: Script) -> list[tuple[int, Element]]:
    return [
        (index, element)
        for index, element in enumerate(script.elements)
        if element.type is ElementType.SCENE_HEADING
    ]


def scene_numbers(script: Script, lock: SceneLock | None) -> list[NumberedScene]:
    """The number of every scene heading under ``lock``: written numbers are kept (a second
    heading with the same number counts as new), and scenes without one are numbered
    between their neighbours. Without a lock, scenes are numbered 1, 2, 3 ... except where
    a number is written."""
    headings = _headings(script)
    locked = set(lock.numbers) if lock is not None else set()
    letters = lock.letters if lock is not None else LETTERS
    written: list[str | None] = []
    seen: set[str] = set()
    for _index, element in headings:
        number = element.scene_number
        if number is not None and number.upper() not in seen:
            seen.add(number.upper())
            written.append(number)
        else:
            written.append(None)
    if lock is None:
        result = []
        counter = 0
        for (index, element), number in zip(headings, written, strict=True):
            if number is not None:
                digits = re.match(r"\d+", number)
                counter = int(digits.group()) if digits else counter
            else:
                counter += 1
            result.append(
                NumberedScene(
                    index,
                    element.start_line,
                    number or str(counter),
                    number is not None,
                    False,
                    is_omitted(element),
                )
            )
        return result
    taken = set(seen) | {n.upper() for n in locked}
    numbers: list[str | None] = list(written)
    previous: str | None = None
    for position, number in enumerate(numbers):
        if number is not None:
            previous = number
            continue
        following = _next_in_order(previous, numbers[position + 1 :])
        new = label_between(previous, following, taken, letters)
        taken.add(new.upper())
        numbers[position] = new
        previous = new
    return [
        NumberedScene(
            index,
            element.start_line,
            number or "",
            written_number is not None,
            (number or "") in locked,
            is_omitted(element),
        )
        for (index, element), number, written_number in zip(headings, numbers, written, strict=True)
    ]


def _next_in_order(previous: str | None, rest: Sequence[str | None]) -> str | None:
    """The first number in ``rest`` that sorts after ``previous``: a scene moved out of
    order is no bound for the new scenes before it."""
    low = _key(previous) if previous is not None else None
    for number in rest:
        if number is None:
            continue
        key = _key(number)
        if low is None or key is None or key > low:
            return number
    return None


def with_number(line: str, number: str | None) -> str:
    """A heading line with ``#number#`` written at its end (replacing any written there), or
    with its number removed (``number`` None)."""
    body = line.rstrip()
    bone = body.find("/*")
    tail = ""
    if bone >= 0 and "*/" not in body[bone:]:
        body, tail = body[:bone].rstrip(), " " + body[bone:]
    body = split_scene_number(body)[0]  # the parser's own rule for a written number
    if number is None:
        return body + tail
    return f"{body} #{number}#{tail}"


def _omitted_line(number: str) -> str:
    return f".{OMITTED} #{number}#"


def dropped_scenes(
    numbered: Sequence[NumberedScene], lock: SceneLock
) -> list[tuple[str, int | None]]:
    """The locked numbers no heading of ``numbered`` (``scene_numbers``' answer) has any
    more, each with the line of the heading its OMITTED heading goes before (the first
    that sorts after it; None: the end of the script), in script order."""
    present = {scene.number.upper() for scene in numbered}
    missing = [number for number in lock.numbers if number.upper() not in present]
    order = [(scene, _key(scene.number)) for scene in numbered]
    return [(number, _place_for(number, _key(number), lock.numbers, order)) for number in missing]


def apply_lock(text: str, lock: SceneLock) -> str:
    """``text`` with every scene's number written and an OMITTED heading for each locked
    number no heading has any more; everything else is left exactly as it was."""
    script = parse(text)
    numbered = scene_numbers(script, lock)
    pairs = line_pairs(text)
    newline = newline_of(text)
    for scene in numbered:
        if not scene.written:
            pairs[scene.line][0] = with_number(pairs[scene.line][0], scene.number)
    dropped = dropped_scenes(numbered, lock)
    if not dropped:
        return join_pairs(pairs)
    # Each dropped number goes before the first heading that sorts after it.
    inserts: dict[int, list[str]] = {}
    at_end: list[str] = []
    for number, where in dropped:
        if where is None:
            at_end.append(number)
        else:
            inserts.setdefault(where, []).append(number)
    for line in sorted(inserts, reverse=True):
        block: list[list[str]] = []
        for number in inserts[line]:
            block.extend([[_omitted_line(number), newline], ["", newline]])
        pairs[line:line] = block
    if at_end:
        while len(pairs) > 1 and not pairs[-1][0].strip():
            pairs.pop()
        pairs[-1][1] = newline
        for number in at_end:
            pairs.extend([["", newline], [_omitted_line(number), newline]])
    return join_pairs(pairs)


def source_lines(text: str, locked: str) -> list[int]:
    """For each line of ``locked`` (``apply_lock(text, lock)``), the line of ``text`` it
    stands for. ``apply_lock`` writes numbers into heading lines and inserts OMITTED
    headings (each with a blank line), and nothing else: a heading with its number written
    is its own line; an inserted OMITTED heading and its blank line stand for the heading
    they come before (at the end of the script, for the last line)."""
    old, new = split_lines(text), split_lines(locked)
    last = max(len(old) - 1, 0)
    result: list[int] = []
    j = 0
    i = 0
    while i < len(new):
        line = new[i]
        here = min(j, last)
        if j < len(old) and (
            line == old[j]
            or (old[j].strip() and with_number(old[j], None) == with_number(line, None))
        ):
            result.append(j)  # the same line, or a heading with its number written
            j += 1
            i += 1
        elif is_omitted_line(line):  # inserted, with the blank line after it
            result.append(here)
            i += 1
            if i < len(new) and not new[i].strip() and (j >= len(old) or old[j].strip()):
                result.append(here)
                i += 1
        else:
            result.append(here)
            j += 1
            i += 1
    return result


def _place_for(
    number: str,
    key: tuple[int, tuple[int, ...], tuple[int, ...]] | None,
    locked: list[str],
    order: list[tuple[NumberedScene, tuple[int, tuple[int, ...], tuple[int, ...]] | None]],
) -> int | None:
    """The line of the heading a dropped scene's OMITTED heading goes before."""
    if key is not None:
        for scene, scene_key in order:
            if scene_key is not None and scene_key > key:
                return scene.line
        return None
    # A number of another form: before the scene that followed it in the lock.
    position = locked.index(number)
    later = {n.upper() for n in locked[position + 1 :]}
    for scene, _scene_key in order:
        if scene.number.upper() in later:
            return scene.line
    return None


def lock_scenes(
    text: str, lock: SceneLock | None = None, *, renumber: bool = False, letters: str = LETTERS
) -> tuple[str, SceneLock]:
    """Lock (or lock again) the scene numbers of ``text``.

    The first lock keeps numbers already written (a script that comes from a production
    office) and numbers the other scenes between them; a script with no numbers, or
    ``renumber``, is numbered 1, 2, 3 ... Locking again keeps the old lock's numbers and
    adds the new scenes' (12A becomes a locked number)."""
    if renumber:
        text = unlock_scenes(text)
        lock = None
    if lock is None and not any(e.scene_number for _i, e in _headings(parse(text))):
        text = unlock_scenes(text)  # nothing written yet: 1, 2, 3 ...
    current = SceneLock(list(lock.numbers), lock.letters) if lock else SceneLock([], letters)
    text = apply_lock(text, current)
    numbers = [scene.number for scene in scene_numbers(parse(text), current)]
    return text, SceneLock(numbers, current.letters)


def unlock_scenes(text: str, *, clear: bool = False) -> str:
    """Remove the OMITTED headings and renumber every scene 1, 2, 3 ... (``clear``: remove
    the numbers, so that they follow the script again)."""
    script = parse(text)
    pairs = line_pairs(text)
    drop: set[int] = set()
    counter = 0
    for _index, element in _headings(script):
        line = element.start_line
        if is_omitted(element):
            drop.add(line)
            if line + 1 < len(pairs) and not pairs[line + 1][0].strip():
                drop.add(line + 1)
            elif line > 0 and not pairs[line - 1][0].strip():
                drop.add(line - 1)
            continue
        counter += 1
        pairs[line][0] = with_number(pairs[line][0], None if clear else str(counter))
    kept = [pair for index, pair in enumerate(pairs) if index not in drop]
    if kept and drop and max(drop) == len(pairs) - 1:
        kept[-1][1] = pairs[-1][1]  # the file keeps its last line end (or lack of one)
    return join_pairs(kept)


def omit_scene(text: str, heading_line: int) -> str:
    """Replace the scene whose heading is on ``heading_line`` by ``OMITTED`` with its number
    (the scene must be numbered: lock the numbers first)."""
    script = parse(text)
    headings = _headings(script)
    for position, (_index, element) in enumerate(headings):
        if element.start_line != heading_line:
            continue
        if element.scene_number is None:
            raise ReelwrightError("this scene has no number yet: lock the scene numbers first")
        if is_omitted(element):
            return text
        pairs = line_pairs(text)
        newline = newline_of(text)
        omitted = _omitted_line(element.scene_number)
        if position + 1 < len(headings):
            end = headings[position + 1][1].start_line
            replacement = [[omitted, newline], ["", newline]]
        else:
            end = len(pairs)
            replacement = [[omitted, pairs[-1][1] or newline]]
        pairs[heading_line:end] = replacement
        return join_pairs(pairs)
    raise ReelwrightError(f"there is no scene heading on line {heading_line + 1}")
