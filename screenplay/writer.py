"""Canonical Fountain from the element model.

One blank line between elements (none inside a speech), emphasis and inline notes as they
are in ``Element.text``, and a forcing character only where the parser would otherwise
read the line as something else: ``!`` for action that looks like a cue, a heading or
another element, ``@`` for a cue that is not upper case, ``.`` for a heading without
INT/EXT, ``>`` for a transition that does not end in ``TO:``. The promise, checked by the
tests: ``parse(write(parse(text)))`` has the same elements (type, text, scene number,
depth, dual) and title page as ``parse(text)``.
"""

from __future__ import annotations

from itertools import takewhile

from reelwright.screenplay.elements import Element, ElementType, Script
from reelwright.screenplay.parser import title_page_entries
from reelwright.screenplay.vocabulary import (
    is_cue_text,
    is_heading_text,
    is_transition_text,
    note_open_after,
    strip_notes,
)

T = ElementType
_LINE_FORCING = "!~#=>"
"""First characters that make the parser read any line of an action paragraph specially."""
_JOINS_SPEECH = (T.PARENTHETICAL, T.DIALOGUE, T.LYRICS)
_SPEECH_BODY = (T.PARENTHETICAL, T.DIALOGUE)
_FORCE_MARK = {T.ACTION: "!", T.CHARACTER: "@", T.TRANSITION: ">", T.SCENE_HEADING: "."}


def _forced_start(text: str) -> bool:
    """Would a paragraph starting with ``text`` be taken as a forced element?"""
    if not text:
        return False
    c = text[0]
    return c in _LINE_FORCING or c == "@" or (c == "." and text[1:2].isalnum())


def _spaced(line: str) -> str:
    """An empty line inside an element is written as two spaces so the element goes on."""
    return line if line else "  "


def _action_lines(text: str) -> list[str]:
    lines = text.split("\n")
    out: list[str] = []
    note_open = False
    last_filled = max((i for i, line in enumerate(lines) if line.strip()), default=0)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if index == 0:
            force = (
                not stripped
                or _forced_start(stripped)
                or (stripped.startswith("[[") and not strip_notes(text).strip())
                or (len(lines) == 1 and (is_heading_text(stripped) or is_transition_text(stripped)))
                or (len(lines) > 1 and is_cue_text(stripped))
            )
            out.append("!" + line if force else line)
        elif not stripped:
            # Two spaces keep the paragraph going; at its end they would be dropped.
            out.append("  " if index < last_filled or note_open else "!")
        elif not note_open and stripped[0] in _LINE_FORCING:
            out.append("!" + line)
        else:
            out.append(line)
        if note_open or "[[" in line:
            note_open = note_open_after(line, note_open)
    return out


def _element_lines(element: Element) -> list[str]:
    kind = element.type
    text = element.text
    if kind is T.ACTION:
        return _action_lines(text)
    if kind is T.SCENE_HEADING:
        line = text if is_heading_text(text) and "\n" not in text else "." + text
        if element.scene_number:
            line += f" #{element.scene_number}#"
        return [line]
    if kind is T.CHARACTER:
        line = text if is_cue_text(text) and not _forced_start(text) else "@" + text
        return [line + " ^" if element.dual else line]
    if kind is T.DIALOGUE:
        return [_spaced(line) for line in text.split("\n")]
    if kind is T.PARENTHETICAL:
        return [text]
    if kind is T.TRANSITION:
        natural = is_transition_text(text) and not _forced_start(text) and not is_heading_text(text)
        return [text if natural else ">" + text]
    if kind is T.CENTERED:
        return _marked(text, ">", "<")
    if kind is T.LYRICS:
        return _marked(text, "~", "")
    if kind is T.SECTION:
        return [("#" * max(element.depth, 1) + " " + text).rstrip()]
    if kind is T.SYNOPSIS:
        return [("= " + text).rstrip()]
    if kind is T.NOTE:
        parts = text.split("\n")
        lines = [_spaced(line) for line in parts]
        lines[0] = "[[" + parts[0]
        lines[-1] += "]]"
        return lines
    return ["==="]  # page break


def _marked(text: str, prefix: str, suffix: str) -> list[str]:
    """Each line marked (``~`` lyrics, ``>…<`` centered), except inside a spanning note."""
    out: list[str] = []
    note_open = False
    for line in text.split("\n"):
        out.append(_spaced(line) if note_open else prefix + line + suffix)
        if note_open or "[[" in line:
            note_open = note_open_after(line, note_open)
    return out


def _title_lines(title_page: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for key, value in title_page.items():
        values = [v.strip() for v in value.split("\n") if v.strip()]
        if len(values) == 1:
            lines.append(f"{key}: {values[0]}")
        else:
            lines.append(f"{key}:")
            lines.extend("    " + v for v in values)
    return lines


def write(script: Script) -> str:
    """The script as canonical Fountain text (ending with a line break)."""
    paragraphs: list[list[str]] = []
    leaders: list[ElementType] = []  # the type of each paragraph's first element
    in_speech = False
    previous: ElementType | None = None
    elements = script.elements
    for index, element in enumerate(elements):
        kind = element.type
        lines = _element_lines(element)
        joins = in_speech and kind in _JOINS_SPEECH
        if kind is T.LYRICS:
            # Lyrics join a speech only to carry it on to more dialogue; otherwise they
            # stand alone, as they did when two of them were written apart.
            after = elements[index + 1].type if index + 1 < len(elements) else None
            joins = joins and (
                previous is T.CHARACTER or (previous is not T.LYRICS and after in _SPEECH_BODY)
            )
        if joins:
            paragraphs[-1].extend(lines)
        else:
            paragraphs.append(lines)
            leaders.append(kind)
            in_speech = kind is T.CHARACTER
        previous = kind

    for paragraph, kind in zip(paragraphs, leaders, strict=True):
        # A paragraph that is only notes would be read as a note element.
        if (
            kind is not T.NOTE
            and kind in _FORCE_MARK
            and paragraph[0].lstrip().startswith("[[")
            and not strip_notes("\n".join(paragraph)).strip()
        ):
            paragraph[0] = _FORCE_MARK[kind] + paragraph[0]

    title = _title_lines(script.title_page)
    if not title and paragraphs and leaders[0] in _FORCE_MARK:
        # A first paragraph of ``Key: value`` lines would be read as a title page.
        first = paragraphs[0]
        head = list(takewhile(str.strip, first))  # a title page ends at a line of spaces
        if title_page_entries(head) is not None:
            first[0] = _FORCE_MARK[leaders[0]] + first[0]
    blocks = ([title] if title else []) + paragraphs
    text = "\n\n".join("\n".join(block) for block in blocks) + "\n" if blocks else ""
    # The parser drops a byte-order mark at the start: a U+FEFF that is text gets one ahead.
    return "\ufeff" + text if text.startswith("\ufeff") else text
