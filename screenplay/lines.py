"""Per-line classification of Fountain text, one line at a time, for the editor.

The parser reads a whole script; the editor needs the kind of one line *now*, from that
line, the state left by the line above and a look at the line below, so that the
highlighter can work block by block and typing never waits for a full parse (as
python-ly's lexer serves Frescobaldi's highlighter). Both read their rules from
``vocabulary.py``, and over a whole text :func:`classify_lines` gives every line the type
of the parser's element that holds it (a property test checks this), with these
editor-only differences, on purpose:

- a line the writer marked as a cue (Tab on an empty line, Enter after an upper-case line:
  ``cue_mark``) shows as a cue before its dialogue exists, and while its extension is
  being typed (``MAYA (V.O``); the empty line right after it shows as dialogue, so the
  caret sits where the speech will go;
- a line that is nothing but a note, or opens one that goes on below, shows as a note
  (its state is still the element it belongs to);
- an unclosed ``/*`` hides the rest of the text, as code editors do while a comment is
  typed; the parser prints an unclosed ``/*`` as typed.

The state passed from line to line (``LineInfo.state``) is an int, as Qt's block state:
the kind of the line above within its paragraph (``Kind.BLANK`` after a paragraph ended)
plus flags for an open boneyard, an open note and a speech under way.

No Qt here: this module is tested and timed without a ``QApplication``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from reelwright.screenplay.vocabulary import (
    FORCE_CHARACTER,
    HEADING_PREFIXES,
    HEADING_RE,
    KNOWN_TITLE_KEYS,
    SCENE_NUMBER_RE,
    caseless_setting,
    could_be_cue,
    cue_name,
    forces_heading,
    has_note,
    is_caseless_cue_text,
    is_cue_text,
    is_heading_text,
    is_title_continuation,
    is_transition_text,
    markup_char,
    note_open_after,
    strip_boneyard,
    strip_dual_mark,
    strip_notes,
    title_key,
    title_page_entries,
    writes_without_case,
)

__all__ = [
    "AFTER_BLANK",
    "CONTEXT_MASK",
    "HEADING_PREFIXES",
    "HEADING_RE",
    "IN_SPEECH",
    "OPEN_BONEYARD",
    "OPEN_NOTE",
    "PAGE_BREAK_RE",
    "SCENE_NUMBER_RE",
    "SPEECH",
    "Kind",
    "LineInfo",
    "caseless_cues_for",
    "classify",
    "classify_lines",
    "cue_name",
    "following_line",
    "is_cue_line",
    "is_heading",
    "is_spacer",
    "looks_like_cue",
    "note_open_after",
    "strip_boneyard",
    "title_page_extent",
]


class Kind(IntEnum):
    BLANK = 0
    ACTION = 1
    SCENE_HEADING = 2
    CHARACTER = 3
    PARENTHETICAL = 4
    DIALOGUE = 5
    TRANSITION = 6
    CENTERED = 7
    LYRICS = 8
    SECTION = 9
    SYNOPSIS = 10
    PAGE_BREAK = 11
    TITLE_PAGE = 12
    NOTE = 13
    BONEYARD = 14


OPEN_BONEYARD = 1 << 8
OPEN_NOTE = 1 << 9
IN_SPEECH = 1 << 10
"""The line above belongs to a speech: what follows in the paragraph is dialogue,
parentheticals and lyrics."""
CONTEXT_MASK = 0xFF

SPEECH = frozenset({Kind.CHARACTER, Kind.PARENTHETICAL, Kind.DIALOGUE})
AFTER_BLANK = frozenset({Kind.BLANK})
"""Contexts after which a line starts a paragraph (headings, cues, transitions)."""
_MERGING = frozenset({Kind.ACTION, Kind.DIALOGUE, Kind.CENTERED, Kind.LYRICS})
"""Kinds whose lines join into one element (the parser's MERGING)."""

PAGE_BREAK_RE = re.compile(r"^\s*={3,}\s*$")


@dataclass(frozen=True, slots=True)
class LineInfo:
    kind: Kind
    state: int
    """What the next line needs: the context kind plus the open boneyard/note/speech flags."""
    visible: str
    """The line without boneyard text (the part that is classified)."""


def looks_like_cue(text: str) -> bool:
    """The cue rule (``vocabulary.is_cue_text``) on a line's words."""
    return is_cue_text(text.strip())


def is_heading(text: str) -> bool:
    """A heading by its words: a forcing ``.`` or an INT/EXT prefix."""
    stripped = text.strip()
    return forces_heading(stripped) or is_heading_text(stripped)


def is_spacer(line: str) -> bool:
    """A line of two or more spaces (or a tab): it keeps a paragraph going."""
    return bool(line) and line.isspace() and (len(line) >= 2 or "\t" in line)


def _line_kind(stripped: str) -> Kind:
    """A line inside an action paragraph: per-line forcing characters (ASCII or
    full-width), or action."""
    c = markup_char(stripped[0])
    if c == "~":
        return Kind.LYRICS
    if c == "#":
        return Kind.SECTION
    if c == "=":
        if len(stripped) >= 3 and all(ch == "=" or ch == "＝" for ch in stripped):
            return Kind.PAGE_BREAK
        if len(stripped) == 1 or markup_char(stripped[1]) != "=":
            return Kind.SYNOPSIS
        return Kind.ACTION
    if c == ">":
        centered = len(stripped) > 1 and markup_char(stripped[-1]) == "<"
        return Kind.CENTERED if centered else Kind.TRANSITION
    return Kind.ACTION


def _speech_kind(stripped: str) -> Kind:
    c = stripped[0]
    if (c == "(" and stripped[-1] == ")") or (c == "（" and stripped[-1] == "）"):
        return Kind.PARENTHETICAL
    if c == "~" or c == "～":
        return Kind.LYRICS
    return Kind.DIALOGUE


def is_cue_line(stripped: str, caseless: bool) -> bool:
    """The cue rule for the words of a line, with names without letter case when the
    script is written without case (``caseless``)."""
    return is_cue_text(stripped) or (caseless and is_caseless_cue_text(stripped))


def _paragraph_start_kind(stripped: str, single: bool, caseless: bool) -> Kind:
    """The first line of a paragraph (after a blank line or at the start)."""
    c = markup_char(stripped[0])
    if forces_heading(stripped):
        return Kind.SCENE_HEADING
    if c == FORCE_CHARACTER:
        rest = strip_dual_mark(stripped[1:]).strip()
        return Kind.CHARACTER if rest and not single else Kind.ACTION
    if c in "!~#=>":
        return _line_kind(stripped)
    if single:
        if is_heading_text(stripped):
            return Kind.SCENE_HEADING
        if is_transition_text(stripped):
            return Kind.TRANSITION
        return Kind.ACTION
    return Kind.CHARACTER if is_cue_line(stripped, caseless) else Kind.ACTION


def classify(
    text: str,
    prev_state: int,
    next_text: str | None,
    *,
    first: bool = False,
    cue_mark: bool = False,
    title_page: bool | None = None,
    caseless: bool = False,
) -> LineInfo:
    """Classify one line.

    ``prev_state`` is the state returned for the line above (-1 for the first line);
    ``next_text`` the line below (None at the end); a run of lines of spaces below keeps
    the paragraph going, so the exact answer wants the first line after such a run
    (:func:`following_line`). ``cue_mark``: the writer made this line a cue by Tab or
    Enter. ``title_page``: whether the line belongs to the title page when the caller
    knows (:func:`title_page_extent`); None guesses from the first line (``first``).
    ``caseless``: names without letter case are cues (:func:`caseless_cues_for`).
    """
    if prev_state < 0:
        context, boneyard_open, note_open, in_speech = Kind.BLANK, False, False, False
    else:
        context = Kind(prev_state & CONTEXT_MASK)
        boneyard_open = bool(prev_state & OPEN_BONEYARD)
        note_open = bool(prev_state & OPEN_NOTE)
        in_speech = bool(prev_state & IN_SPEECH)

    visible, boneyard_after = strip_boneyard(text, boneyard_open)
    touched = boneyard_open or len(visible) != len(text)
    stripped = visible.strip()
    bone_flag = OPEN_BONEYARD if boneyard_after else 0

    if not stripped:
        if touched:
            # Boneyard only: cut out of the script, it ends the paragraph like a blank line.
            return LineInfo(Kind.BONEYARD, int(Kind.BLANK) | bone_flag, visible)
        if cue_mark:
            return LineInfo(Kind.CHARACTER, int(Kind.CHARACTER) | IN_SPEECH, visible)
        goes_on = next_text is not None and next_text.strip() != ""
        if is_spacer(visible) and goes_on and context not in (Kind.BLANK, Kind.TITLE_PAGE):
            # Two spaces inside a paragraph: an intentionally empty line of its element.
            spaced = context if context in _MERGING else Kind.DIALOGUE if in_speech else Kind.BLANK
            flags = (OPEN_NOTE if note_open else 0) | (IN_SPEECH if in_speech else 0)
            return LineInfo(spaced, int(context) | flags, visible)
        if in_speech and context in (Kind.CHARACTER, Kind.PARENTHETICAL) and not goes_on:
            # The caret line under a cue: the speech goes here.
            return LineInfo(Kind.DIALOGUE, int(Kind.DIALOGUE) | IN_SPEECH, visible)
        return LineInfo(Kind.BLANK, int(Kind.BLANK), visible)

    next_blank = True
    if next_text is not None:
        next_blank = not strip_boneyard(next_text, boneyard_after)[0].strip()
    note_after = (note_open or has_note(visible)) and note_open_after(visible, note_open)

    speech = in_speech
    kind: Kind
    if title_page or (title_page is None and _title_guess(visible, context, first, next_text)):
        kind = Kind.TITLE_PAGE  # the title page holds values, not notes
        note_after = False
    elif note_open:
        # Inside a note that spans lines: the line goes on with the element it is in.
        kind = context if context in _MERGING else Kind.DIALOGUE if in_speech else Kind.ACTION
    elif in_speech:
        kind = _speech_kind(stripped)
    elif context not in AFTER_BLANK:
        kind = _line_kind(stripped)
    else:
        kind = _paragraph_start_kind(stripped, next_blank, caseless)
        speech = kind is Kind.CHARACTER
    name = stripped.lstrip("@＠")
    if (
        cue_mark
        and kind is not Kind.TITLE_PAGE
        and (could_be_cue(name) or (caseless and is_caseless_cue_text(name)))
    ):
        kind = Kind.CHARACTER
        speech = True
    if kind is Kind.CHARACTER:
        speech = True

    flags = bone_flag | (OPEN_NOTE if note_after else 0) | (IN_SPEECH if speech else 0)
    shown = kind
    if kind is not Kind.TITLE_PAGE and (note_open or note_after or has_note(visible)):
        # A line that is all note (or the part of one that spans lines) is dimmed as a note.
        whole = ("[[" if note_open else "") + visible + ("]]" if note_after else "")
        if not strip_notes(whole).strip():
            shown = Kind.NOTE
    return LineInfo(shown, int(kind) | flags, visible)


def _title_guess(visible: str, context: Kind, first: bool, next_text: str | None) -> bool:
    """Without the caller's answer: the first line starts a title page if it is
    ``Key: value`` with a key Fountain knows, or any key with another key or an indented
    value below it; the lines after it belong to it while the paragraph lasts."""
    if context is Kind.TITLE_PAGE:
        return True
    if not first or is_heading(visible):
        return False
    found = title_key(visible.replace("\t", "    "))
    if found is None:
        return False
    if found[0].casefold() in KNOWN_TITLE_KEYS:
        return True
    below = (next_text or "").replace("\t", "    ")
    return bool(below.strip()) and (is_title_continuation(below) or title_key(below) is not None)


def title_page_extent(lines: Sequence[str]) -> tuple[int, int] | None:
    """``(start, end)`` of the title page at the top of ``lines``, or None: the parser's
    rule (the first paragraph, all ``Key: value`` lines and indented values, one key a
    known one). Blank lines may come before it."""
    boneyard = False
    count = len(lines)
    start = 0
    visible = ""
    while start < count:
        visible, after = strip_boneyard(lines[start], boneyard)
        if visible.strip():
            break
        boneyard = after
        start += 1
    paragraph: list[str] = []
    end = start
    while end < count:
        visible, boneyard = strip_boneyard(lines[end], boneyard)
        if not visible.strip():
            break
        paragraph.append(visible.replace("\t", "    "))
        end += 1
    if not paragraph or title_page_entries(paragraph) is None:
        return None
    return start, end


def following_line(lines: Sequence[str], index: int) -> str | None:
    """The line to pass as ``next_text`` for ``lines[index]``: the next line, or the first
    after a run of lines of spaces (which keep a paragraph going), or None at the end."""
    j = index + 1
    count = len(lines)
    while j < count and is_spacer(lines[j]):
        j += 1
    if j < count:
        return lines[j]
    return None if j == index + 1 else ""


def caseless_cues_for(lines: Sequence[str], extent: tuple[int, int] | None = None) -> bool:
    """Whether names without letter case are cues in this text, as the parser decides:
    the title page's ``Caseless cues`` key, else the letters outside the boneyard."""
    if extent is None:
        extent = title_page_extent(lines)
    if extent is not None:
        title = [line.replace("\t", "    ") for line in lines[extent[0] : extent[1]]]
        entries = title_page_entries(title) or []
        recorded = caseless_setting({key: "\n".join(values) for key, values in entries})
        if recorded is not None:
            return recorded
    visible: list[str] = []
    boneyard = False
    for line in lines:
        if boneyard or "/*" in line:
            line, boneyard = strip_boneyard(line, boneyard)
        visible.append(line)
    return writes_without_case("\n".join(visible))


def classify_lines(
    lines: Sequence[str], cue_marks: Sequence[int] = (), caseless_cues: bool | None = None
) -> list[LineInfo]:
    """Classify a whole text (its lines, as the parser splits them) the way the editor's
    highlighter does block by block; ``cue_marks`` are the indexes of lines the writer
    marked as cues; ``caseless_cues`` as the parser's (None: decided as it does)."""
    extent = title_page_extent(lines)
    caseless = caseless_cues if caseless_cues is not None else caseless_cues_for(lines, extent)
    marks = set(cue_marks)
    infos: list[LineInfo] = []
    state = -1
    for index, line in enumerate(lines):
        in_title = extent is not None and extent[0] <= index < extent[1]
        info = classify(
            line,
            state,
            following_line(lines, index),
            first=index == 0,
            cue_mark=index in marks,
            title_page=in_title,
            caseless=caseless,
        )
        infos.append(info)
        state = info.state
    return infos
