"""Per-line classification of Fountain text for the editor, one line at a time.

The core parser reads a whole script; the editor needs the kind of one line *now*, from
that line, the state left by the line above and a look at the line below, so that the
highlighter can work block by block and typing never waits for a full parse. The rules
follow FORMAT.md; two editor-only additions make typing feel right:

- a line the writer marked as a cue (Tab on an empty line, Enter after an upper-case line)
  shows as a cue before its dialogue exists;
- the empty line right after such a cue shows as dialogue, so the caret sits where the
  speech will go.

No Qt here: this module is tested and timed without a ``QApplication``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum


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
CONTEXT_MASK = 0xFF

SPEECH = frozenset({Kind.CHARACTER, Kind.PARENTHETICAL, Kind.DIALOGUE})
AFTER_BLANK = frozenset({Kind.BLANK, Kind.SECTION, Kind.SYNOPSIS, Kind.PAGE_BREAK})

HEADING_RE = re.compile(
    r"^(?:int\.?\s*/\s*ext|ext\.?\s*/\s*int|i\.?\s*/\s*e|e\.?\s*/\s*i|int|ext|est)(?:\.|\s)",
    re.IGNORECASE,
)
HEADING_PREFIXES = ("INT. ", "EXT. ", "INT./EXT. ", "EXT./INT. ", "I/E. ", "EST. ")
SCENE_NUMBER_RE = re.compile(r"\s#[\w.\-]+#\s*$")
TITLE_KEY_RE = re.compile(r"^\s*[^\s:][^:]*:")
PAGE_BREAK_RE = re.compile(r"^\s*={3,}\s*$")
NOTE_LINE_RE = re.compile(r"^\s*\[\[.*\]\]\s*$")


@dataclass(frozen=True, slots=True)
class LineInfo:
    kind: Kind
    state: int
    """What the next line needs: the context kind plus the open boneyard/note flags."""
    visible: str
    """The line without boneyard text (the part that is classified)."""


def strip_boneyard(text: str, open_at_start: bool) -> tuple[str, bool]:
    """The text outside ``/* */`` and whether a boneyard is still open at the line's end."""
    out: list[str] = []
    pos = 0
    inside = open_at_start
    while pos <= len(text):
        if inside:
            end = text.find("*/", pos)
            if end < 0:
                return "".join(out), True
            pos = end + 2
            inside = False
        else:
            start = text.find("/*", pos)
            if start < 0:
                out.append(text[pos:])
                return "".join(out), False
            out.append(text[pos:start])
            pos = start + 2
            inside = True
    return "".join(out), inside


def note_open_after(text: str, open_at_start: bool) -> bool:
    """Whether a ``[[`` note is still open at the end of ``text``."""
    inside = open_at_start
    pos = 0
    while True:
        if inside:
            end = text.find("]]", pos)
            if end < 0:
                return True
            pos, inside = end + 2, False
        else:
            start = text.find("[[", pos)
            if start < 0:
                return False
            pos, inside = start + 2, True


def cue_name(text: str) -> str:
    """The speaker in a cue line: no ``@``, no extension, no ``^``."""
    name = text.strip()
    if name.startswith("@"):
        name = name[1:]
    name = name.rstrip("^").strip()
    paren = name.find("(")
    if paren >= 0:
        name = name[:paren]
    return name.strip()


def looks_like_cue(text: str) -> bool:
    """Upper case before any parenthetical extension, with at least one letter."""
    name = text.strip().rstrip("^").strip()
    paren = name.find("(")
    if paren == 0:
        return False
    if paren > 0:
        name = name[:paren]
    return name.isupper() and any(ch.isalpha() for ch in name)


def is_heading(text: str) -> bool:
    stripped = text.strip()
    if stripped.startswith(".") and len(stripped) > 1 and stripped[1].isalnum():
        return True
    return HEADING_RE.match(stripped) is not None


def classify(
    text: str,
    prev_state: int,
    next_text: str | None,
    *,
    first: bool = False,
    cue_mark: bool = False,
) -> LineInfo:
    """Classify one line.

    ``prev_state`` is the state returned for the line above (-1 for the first line),
    ``next_text`` the line below (None at the end), ``cue_mark`` whether the writer made
    this line a cue by Tab or Enter.
    """
    if next_text is not None and next_text.lstrip().startswith("/*"):
        next_text = ""  # a boneyard below ends the paragraph, like a blank line
    if prev_state < 0:
        context, boneyard_open, note_open = Kind.BLANK, False, False
    else:
        context = Kind(prev_state & CONTEXT_MASK)
        boneyard_open = bool(prev_state & OPEN_BONEYARD)
        note_open = bool(prev_state & OPEN_NOTE)

    visible, boneyard_after = strip_boneyard(text, boneyard_open)
    flags = OPEN_BONEYARD if boneyard_after else 0
    if (note_open or "[[" in visible) and note_open_after(visible, note_open):
        flags |= OPEN_NOTE
    stripped = visible.strip()

    def result(kind: Kind, context_after: Kind | None = None) -> LineInfo:
        after = kind if context_after is None else context_after
        return LineInfo(kind, int(after) | flags, visible)

    # Boneyard is cut out of the script: what follows it starts a new paragraph. Lines that
    # are only a note leave the context as it was.
    if (not stripped and text.strip()) or (boneyard_open and not stripped):
        return result(Kind.BONEYARD, Kind.BLANK)
    if note_open or NOTE_LINE_RE.match(visible):
        if note_open:
            close = visible.find("]]")
            rest = visible[close + 2 :].strip() if close >= 0 else ""
            if not rest:
                return result(Kind.NOTE, context)
        else:
            return result(Kind.NOTE, context)

    if first and TITLE_KEY_RE.match(visible) and not is_heading(visible):
        return result(Kind.TITLE_PAGE)
    if context is Kind.TITLE_PAGE and stripped:
        return result(Kind.TITLE_PAGE)

    if not stripped:
        if visible == "  " and context in SPEECH:
            return result(Kind.DIALOGUE)
        if cue_mark:
            return result(Kind.CHARACTER)
        if context in (Kind.CHARACTER, Kind.PARENTHETICAL) and (
            next_text is None or next_text.strip()
        ):
            # The caret line under a cue: the speech goes here.
            return result(Kind.DIALOGUE)
        return result(Kind.BLANK)

    if PAGE_BREAK_RE.match(visible):
        return result(Kind.PAGE_BREAK)
    if context in SPEECH:
        if stripped.startswith("("):
            return result(Kind.PARENTHETICAL)
        return result(Kind.DIALOGUE)
    if stripped.startswith("#"):
        return result(Kind.SECTION)
    if stripped.startswith("=") and not stripped.startswith("=="):
        return result(Kind.SYNOPSIS)

    first_char = stripped[0]
    if first_char == "!":
        return result(Kind.ACTION)
    if first_char == "~":
        return result(Kind.LYRICS)
    if first_char == ">":
        if stripped.endswith("<"):
            return result(Kind.CENTERED)
        return result(Kind.TRANSITION)
    if first_char == "@":
        return result(Kind.CHARACTER)

    after_blank = context in AFTER_BLANK or prev_state < 0
    if after_blank:
        if is_heading(stripped):
            return result(Kind.SCENE_HEADING)
        next_blank = next_text is None or not next_text.strip()
        if stripped.endswith("TO:") and stripped.isupper() and next_blank:
            return result(Kind.TRANSITION)
        if looks_like_cue(stripped) and (not next_blank or cue_mark):
            return result(Kind.CHARACTER)
    if cue_mark and looks_like_cue(stripped):
        return result(Kind.CHARACTER)
    return result(Kind.ACTION)
