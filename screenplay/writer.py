"""Canonical Fountain from the element model.

One blank line between elements (none inside a speech), emphasis and inline notes as they
are in ``Element.text``, and a forcing character only where the parser would otherwise
read the line as something else (``!`` for action that looks like a cue, a heading or
another element, ``@`` for a cue that is not upper case, ``.`` for a heading without
INT/EXT, ``>`` for a transition that does not end in ``TO:``) or where the writer typed
one (a forced cue, heading or transition keeps its mark). Full-width marks typed with a
Chinese or Japanese input method (``Element.marks``) are written back as typed. The
promise, checked by the tests: ``parse(write(parse(text)))`` has the same elements (type,
text, scene number, depth, dual) and title page as ``parse(text)``.
"""

from __future__ import annotations

from itertools import takewhile

from reelwright.screenplay.elements import Element, ElementType, Script
from reelwright.screenplay.parser import title_page_entries
from reelwright.screenplay.vocabulary import (
    HALF_TO_FULL,
    NOTE_OPENERS,
    caseless_setting,
    forces_heading,
    has_note,
    is_caseless_cue_text,
    is_cue_text,
    is_heading_text,
    is_transition_text,
    markup_char,
    note_open_after,
    strip_notes,
    writes_without_case,
)

T = ElementType
_LINE_FORCING = "!~#=>"
"""First characters (or their full-width forms) that make the parser read any line of an
action paragraph specially."""
_JOINS_SPEECH = (T.PARENTHETICAL, T.DIALOGUE, T.LYRICS)
_SPEECH_BODY = (T.PARENTHETICAL, T.DIALOGUE)
_FORCE_MARK = {T.ACTION: "!", T.CHARACTER: "@", T.TRANSITION: ">", T.SCENE_HEADING: "."}


def _mark(char: str, element: Element) -> str:
    """``char`` as the writer typed it for ``element``: its full-width form if they did."""
    full = HALF_TO_FULL.get(char, char)
    return full if full in element.marks else char


def _forced_start(text: str) -> bool:
    """Would a paragraph starting with ``text`` be taken as a forced element?"""
    if not text:
        return False
    c = markup_char(text[0])
    return c in _LINE_FORCING or c == "@" or forces_heading(text)


def _spaced(line: str) -> str:
    """An empty line inside an element is written as two spaces so the element goes on."""
    return line if line else "  "


class _Cues:
    """How cues without letter case are written: plain only where the script read back
    will take them for cues again, and action that looks like one forced with ``!``."""

    def __init__(self, script: Script) -> None:
        recorded = caseless_setting(script.title_page)
        if recorded is None:
            # The letters the written text will hold: the parser decides from them.
            parts = [f"{k} {v}" for k, v in script.title_page.items()]
            parts += [e.text + " " + (e.scene_number or "") for e in script.elements]
            recorded = writes_without_case("\n".join(parts))
        chosen = script.caseless_cues if script.caseless_cues is not None else recorded
        self.plain = chosen and recorded
        self.guard = chosen or recorded

    def looks_like_cue(self, text: str) -> bool:
        return is_cue_text(text) or (self.guard and is_caseless_cue_text(text))

    def is_cue(self, text: str) -> bool:
        return is_cue_text(text) or (self.plain and is_caseless_cue_text(text))


def _action_lines(element: Element, cues: _Cues) -> list[str]:
    text = element.text
    bang = _mark("!", element)
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
                or (stripped.startswith(NOTE_OPENERS) and not strip_notes(text).strip())
                or (len(lines) == 1 and (is_heading_text(stripped) or is_transition_text(stripped)))
                or (len(lines) > 1 and cues.looks_like_cue(stripped))
            )
            out.append(bang + line if force else line)
        elif not stripped:
            # Two spaces keep the paragraph going; at its end they would be dropped.
            out.append("  " if index < last_filled or note_open else bang)
        elif not note_open and markup_char(stripped[0]) in _LINE_FORCING:
            out.append(bang + line)
        else:
            out.append(line)
        if note_open or has_note(line):
            note_open = note_open_after(line, note_open)
    return out


def _element_lines(element: Element, cues: _Cues) -> list[str]:
    kind = element.type
    text = element.text
    if kind is T.ACTION:
        return _action_lines(element, cues)
    if kind is T.SCENE_HEADING:
        natural = is_heading_text(text) and "\n" not in text and not element.forced
        line = text if natural else _mark(".", element) + text
        if element.scene_number:
            hash_mark = _mark("#", element)
            line += f" {hash_mark}{element.scene_number}{hash_mark}"
        return [line]
    if kind is T.CHARACTER:
        natural = cues.is_cue(text) and not _forced_start(text) and not element.forced
        line = text if natural else _mark("@", element) + text
        return [line + " " + _mark("^", element) if element.dual else line]
    if kind is T.DIALOGUE:
        return [_spaced(line) for line in text.split("\n")]
    if kind is T.PARENTHETICAL:
        return [text]
    if kind is T.TRANSITION:
        natural = (
            is_transition_text(text)
            and not _forced_start(text)
            and not is_heading_text(text)
            and not element.forced
        )
        return [text if natural else _mark(">", element) + text]
    if kind is T.CENTERED:
        return _marked(text, _mark(">", element), _mark("<", element))
    if kind is T.LYRICS:
        return _marked(text, _mark("~", element), "")
    if kind is T.SECTION:
        return [(_mark("#", element) * max(element.depth, 1) + " " + text).rstrip()]
    if kind is T.SYNOPSIS:
        return [(_mark("=", element) + " " + text).rstrip()]
    if kind is T.NOTE:
        opening, closing = ("［［", "］］") if "［" in element.marks else ("[[", "]]")
        parts = text.split("\n")
        lines = [_spaced(line) for line in parts]
        lines[0] = opening + parts[0]
        lines[-1] += closing
        return lines
    return [_mark("=", element) * 3]  # page break


def _marked(text: str, prefix: str, suffix: str) -> list[str]:
    """Each line marked (``~`` lyrics, ``>…<`` centered), except inside a spanning note."""
    out: list[str] = []
    note_open = False
    for line in text.split("\n"):
        out.append(_spaced(line) if note_open else prefix + line + suffix)
        if note_open or has_note(line):
            note_open = note_open_after(line, note_open)
    return out


def _title_lines(script: Script) -> list[str]:
    lines: list[str] = []
    for key, value in script.title_page.items():
        colon = script.title_marks.get(key, ":")
        space = "" if colon == "：" else " "
        values = [v.strip() for v in value.split("\n") if v.strip()]
        if len(values) == 1:
            lines.append(f"{key}{colon}{space}{values[0]}")
        else:
            lines.append(f"{key}{colon}")
            lines.extend("    " + v for v in values)
    return lines


def write(script: Script) -> str:
    """The script as canonical Fountain text (ending with a line break)."""
    cues = _Cues(script)
    paragraphs: list[list[str]] = []
    leaders: list[Element] = []  # each paragraph's first element
    in_speech = False
    previous: ElementType | None = None
    elements = script.elements
    for index, element in enumerate(elements):
        kind = element.type
        lines = _element_lines(element, cues)
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
            leaders.append(element)
            in_speech = kind is T.CHARACTER
        previous = kind

    for paragraph, leader in zip(paragraphs, leaders, strict=True):
        # A paragraph that is only notes would be read as a note element.
        if (
            leader.type is not T.NOTE
            and leader.type in _FORCE_MARK
            and paragraph[0].lstrip().startswith(NOTE_OPENERS)
            and not strip_notes("\n".join(paragraph)).strip()
        ):
            paragraph[0] = _mark(_FORCE_MARK[leader.type], leader) + paragraph[0]

    title = _title_lines(script)
    if not title and paragraphs and leaders[0].type in _FORCE_MARK:
        # A first paragraph of ``Key: value`` lines would be read as a title page.
        first = paragraphs[0]
        head = list(takewhile(str.strip, first))  # a title page ends at a line of spaces
        if title_page_entries(head) is not None:
            first[0] = _mark(_FORCE_MARK[leaders[0].type], leaders[0]) + first[0]
    blocks = ([title] if title else []) + paragraphs
    text = "\n\n".join("\n".join(block) for block in blocks) + "\n" if blocks else ""
    # The parser drops a byte-order mark at the start: a U+FEFF that is text gets one ahead.
    return "\ufeff" + text if text.startswith("\ufeff") else text
