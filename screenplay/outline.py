"""The script as sections and scenes with their source lines: what the index cards show and
what moving a scene, writing a synopsis or colouring a scene change in the text.

Qt-free. A scene runs from its heading to the line before the next scene heading or
section (blank lines, notes and boneyard in between belong to it). The text before the
first section or scene (title page, opening lines) never moves, and neither does a
boneyard block at the very end (where settings such as the spell checker's dictionary
are kept): it is the *tail*.

Edits return the whole new text; :func:`changed_span` says which lines differ, so an
editor can replace only those, as one undo step.

Scene colours use the convention of Beat (``[[color red]]`` or ``[[red]]`` as a note in the
heading line), so colours survive a trip through other Fountain programs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reelwright.screenplay.elements import ElementType, RegionKind, Script
from reelwright.screenplay.stats import printed

T = ElementType

COLORS: dict[str, str] = {
    "red": "#e05555",
    "orange": "#ee9a3a",
    "yellow": "#e8cf3c",
    "green": "#5cb85c",
    "cyan": "#4cc3c9",
    "blue": "#4a86d8",
    "purple": "#9b6bd1",
    "pink": "#e884b8",
    "brown": "#a5774d",
    "gray": "#9a9a9a",
}
"""Colour names a scene can carry, and how the cards paint them."""

_COLOR_NOTE = re.compile(
    r"\s*\[\[\s*(?:colou?r\s*:?\s*)?(#[0-9a-fA-F]{6}|[A-Za-z]+)\s*\]\]", re.IGNORECASE
)
_HEX = re.compile(r"#[0-9a-fA-F]{6}")
_NOT_ON_CARDS = frozenset({T.NOTE, T.SECTION, T.SYNOPSIS, T.PAGE_BREAK, T.PARENTHETICAL})
_SCENE_NUMBER_TAIL = re.compile(r"\s+#[\w.\-]+#\s*$")


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    depth: int
    line: int
    index: int
    """Place among the script's sections, from 0."""


@dataclass(frozen=True, slots=True)
class Scene:
    index: int
    """Place in the script, from 0."""
    number: str
    """The number written in the heading (``#12A#``), or the count from 1."""
    heading: str
    """As printed: notes, scene number and emphasis markers removed."""
    start_line: int
    end_line: int
    """Exclusive: the next scene's or section's line, or the tail."""
    element_index: int
    synopsis: str = ""
    synopsis_lines: tuple[int, int] | None = None
    """Source lines of the ``=`` synopsis lines right after the heading (the blank lines
    between them and the heading included), if any."""
    color: str | None = None
    """A colour name from :data:`COLORS` or ``#rrggbb``."""
    section: int | None = None
    """Index of the innermost section the scene is in."""
    first_lines: tuple[str, ...] = ()
    """The scene's first paragraphs as printed, one line each (a speech as ``NAME: words``),
    for a card."""
    speakers: tuple[str, ...] = ()


@dataclass(slots=True)
class Outline:
    sections: list[Section] = field(default_factory=list)
    scenes: list[Scene] = field(default_factory=list)
    tail_line: int = 0
    """Where the unmovable tail (a boneyard block at the very end) starts; the line count
    when there is none."""
    line_count: int = 0

    def boundaries(self) -> list[int]:
        """Lines where a scene may be moved to: every scene and section start, and the tail."""
        lines = {s.start_line for s in self.scenes} | {s.line for s in self.sections}
        lines.add(self.tail_line)
        return sorted(lines)

    def section_end(self, section: Section) -> int:
        """Where a scene dropped at the end of ``section``'s own scenes goes: the next
        section's line (of any depth) or the tail."""
        later = [s.line for s in self.sections if s.line > section.line]
        return min(later) if later else self.tail_line


def scene_color(heading_text: str) -> str | None:
    """The colour a heading's notes give its scene (``[[color red]]``, ``[[red]]``)."""
    if "[[" not in heading_text:
        return None
    for match in _COLOR_NOTE.finditer(heading_text):
        value = match.group(1).lower()
        if value in COLORS or _HEX.fullmatch(value):
            return value
    return None


def _cue(text: str) -> str:
    from reelwright.screenplay.stats import cue_name

    return cue_name(text)


def build_outline(script: Script, first_line_count: int = 3) -> Outline:
    """Sections and scenes of ``script`` in order, with their line ranges."""
    outline = Outline(line_count=script.line_count)
    elements = script.elements
    last_element_end = elements[-1].end_line if elements else 0
    tail = script.line_count
    for region in script.regions:
        if region.kind is RegionKind.BONEYARD and region.start_line >= last_element_end:
            tail = min(tail, region.start_line)
    outline.tail_line = tail

    starts: list[tuple[int, str, int]] = []  # (line, kind, element index)
    current_section: int | None = None
    scene_sections: list[int | None] = []
    for index, element in enumerate(elements):
        if element.type is T.SECTION:
            section = Section(
                printed(element.text).strip(),
                element.depth,
                element.start_line,
                len(outline.sections),
            )
            outline.sections.append(section)
            current_section = section.index
            starts.append((element.start_line, "section", index))
        elif element.type is T.SCENE_HEADING:
            starts.append((element.start_line, "scene", index))
            scene_sections.append(current_section)
    scene_count = 0
    for position, (line, kind, index) in enumerate(starts):
        if kind != "scene":
            continue
        end = starts[position + 1][0] if position + 1 < len(starts) else max(tail, line + 1)
        element = elements[index]
        synopsis: list[str] = []
        synopsis_end: int | None = None
        body: list[str] = []
        speakers: list[str] = []
        follow = index + 1
        while follow < len(elements) and elements[follow].type is T.SYNOPSIS:
            synopsis.append(elements[follow].text.strip())
            synopsis_end = elements[follow].end_line
            follow += 1
        speaker = ""
        while follow < len(elements) and elements[follow].start_line < end:
            other = elements[follow]
            follow += 1
            if other.type is T.CHARACTER:
                speaker = _cue(other.text)
                if speaker and speaker not in speakers:
                    speakers.append(speaker)
                continue
            if len(body) >= first_line_count or other.type in _NOT_ON_CARDS:
                continue
            text = " ".join(printed(other.text).split())
            if not text:
                continue
            if other.type in (T.DIALOGUE, T.LYRICS) and speaker:
                text = f"{speaker}: {text}"  # a card reads a speech as NAME: words
            body.append(text)
        scene_count += 1
        heading = printed(element.text).strip()
        outline.scenes.append(
            Scene(
                index=len(outline.scenes),
                number=element.scene_number or str(scene_count),
                heading=" ".join(heading.split()),
                start_line=line,
                end_line=end,
                element_index=index,
                synopsis=" ".join(synopsis),
                synopsis_lines=(element.end_line, synopsis_end) if synopsis_end else None,
                color=scene_color(element.text),
                section=scene_sections[len(outline.scenes)],
                first_lines=tuple(body),
                speakers=tuple(speakers),
            )
        )
    return outline


# Edits ------------------------------------------------------------------------------------


def _blank(line: str) -> bool:
    return not line.strip()


def _units(lines: list[str], outline: Outline) -> tuple[int, list[tuple[str, int, int]]]:
    """The movable part of the text cut into units: (kind, start, end) per section line
    or scene, in order; returns the first unit's line and the units."""
    starts = sorted(
        [(s.start_line, "scene") for s in outline.scenes]
        + [(s.line, "section") for s in outline.sections]
    )
    units = []
    for position, (line, kind) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else outline.tail_line
        units.append((kind, line, max(end, line + 1)))
    first = starts[0][0] if starts else outline.tail_line
    return first, units


def move_scene(text: str, outline: Outline, scene: int, target_line: int) -> str:
    """The text with scene ``scene`` moved to ``target_line``, one of
    :meth:`Outline.boundaries` (before that scene or section, or to the end).

    Every other line is kept; blank lines between units stay where they were (the place,
    not the scene, owns them), and a scene heading always gets a blank line before it.
    """
    lines = text.split("\n")
    if not 0 <= scene < len(outline.scenes):
        raise IndexError(f"there is no scene {scene + 1}")
    if target_line not in outline.boundaries():
        raise ValueError(f"line {target_line + 1} is not the start of a scene or section")
    moving = outline.scenes[scene]
    if target_line in (moving.start_line, moving.end_line):
        return text
    first, units = _units(lines, outline)
    cores: list[tuple[str, list[str]]] = []
    separators: list[int] = []
    for kind, start, end in units:
        chunk = lines[start:end]
        core_end = len(chunk)
        while core_end > 1 and _blank(chunk[core_end - 1]):
            core_end -= 1
        cores.append((kind, chunk[:core_end]))
        separators.append(len(chunk) - core_end)
    order = list(range(len(units)))
    source = next(i for i, (_, start, _) in enumerate(units) if start == moving.start_line)
    if target_line >= outline.tail_line:
        destination = len(units)
    else:
        destination = next(i for i, (_, start, _) in enumerate(units) if start == target_line)
    order.pop(source)
    order.insert(destination - (1 if destination > source else 0), source)
    body: list[str] = []
    for slot, unit in enumerate(order):
        kind, core = cores[unit]
        body.extend(core)
        blanks = separators[slot]
        following = order[slot + 1] if slot + 1 < len(order) else None
        before_scene = following is not None and cores[following][0] == "scene"
        before_tail = following is None and outline.tail_line < len(lines)
        if before_scene or before_tail:
            blanks = max(blanks, 1)
        body.extend([""] * blanks)
    head = lines[:first]
    if head and not _blank(head[-1]) and cores[order[0]][0] == "scene":
        head.append("")
    return "\n".join(head + body + lines[outline.tail_line :])


def set_synopsis(text: str, outline: Outline, scene: int, synopsis: str) -> str:
    """The text with scene ``scene``'s synopsis (the ``=`` lines after its heading) set to
    ``synopsis``; each line of it becomes one ``=`` line, and an empty one removes them."""
    lines = text.split("\n")
    target = outline.scenes[scene]
    new = [f"= {line.strip()}" for line in synopsis.split("\n") if line.strip()]
    heading = target.start_line
    if target.synopsis_lines is not None:
        start, end = target.synopsis_lines
        replacement = ["", *new] if new else []
        lines[start:end] = replacement
    elif new:
        after = heading + 1
        insert = ["", *new]
        if after >= len(lines) or not _blank(lines[after]):
            insert.append("")
        lines[after:after] = insert
    return "\n".join(lines)


def set_scene_color(text: str, outline: Outline, scene: int, color: str | None) -> str:
    """The text with scene ``scene``'s colour note set to ``color`` (None removes it)."""
    if color is not None:
        color = color.lower()
        if color not in COLORS and not _HEX.fullmatch(color):
            raise ValueError(f"{color!r} is not a scene colour")
    lines = text.split("\n")
    line = outline.scenes[scene].start_line
    heading = lines[line]
    kept = _COLOR_NOTE.sub(lambda m: m.group(0) if scene_color(m.group(0)) is None else "", heading)
    number = _SCENE_NUMBER_TAIL.search(kept)
    stem, tail = (kept[: number.start()], kept[number.start() :]) if number else (kept, "")
    stem = stem.rstrip()
    if color is not None:
        stem += f" [[color {color}]]"
    lines[line] = stem + tail
    return "\n".join(lines)


def changed_span(old: str, new: str) -> tuple[int, int, list[str]]:
    """(first line, end line in ``old``, the lines replacing ``old[first:end]``): the one
    contiguous run of lines that differs between the two texts."""
    a = old.split("\n")
    b = new.split("\n")
    start = 0
    limit = min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    return start, end_a, b[start:end_b]
