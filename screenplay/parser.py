"""The Fountain 1.1 parser (FORMAT.md's rules and Decisions).

One pass over the lines: lines are gathered into paragraphs (runs of non-blank lines) and
each paragraph is classified as it closes, line by line, with precompiled patterns and a
dispatch on the first character. Every element keeps the source lines it came from, and
the lines that belong to no element (the title page, blank lines, boneyard) are recorded as
regions, so that elements and regions together cover the document line by line: the editor
maps elements to text and back, and a part of a document can be parsed on its own
(``first_line``).

Choices where Fountain 1.1 and FORMAT.md leave room (the tests pin each of them):

- A line of whitespace only is blank, except a line of two or more spaces between two lines
  of the same multi-line element (action, dialogue, centered, lyrics, notes): it keeps an
  intentionally empty line inside that element.
- A boneyard (``/* ... */``) is removed before anything else. Lines that hold nothing but
  boneyard separate paragraphs like a blank line; an unclosed ``/*`` is kept as typed.
- A paragraph made only of ``[[notes]]`` is one note element (several notes are joined
  with line breaks); notes inside other text stay in the text.
- Inside a speech (after a cue) every line is dialogue, a parenthetical or a lyric.
  Full-width brackets ``（…）`` count as parentheses, as Chinese and Japanese scripts
  write them.
- A title page is only looked for when parsing from the top (``first_line == 0``); it
  needs at least one of the known keys so that ``FADE IN:`` alone is not taken for one.
"""

from __future__ import annotations

import bisect
import os
import re

from reelwright.screenplay.elements import Element, ElementType, Region, RegionKind, Script
from reelwright.screenplay.textio import read_script_text
from reelwright.screenplay.vocabulary import (
    HEADING_RE,
    KNOWN_TITLE_KEYS,
    NOTE_OPENERS,
    boneyard_spans,
    caseless_setting,
    forces_heading,
    has_note,
    is_caseless_cue_text,
    is_cue_text,
    is_transition_text,
    markup_char,
    note_open_after,
    notes_in,
    split_scene_number,
    strip_notes,
    title_colon,
    title_page_entries,
    writes_without_case,
)

__all__ = [
    "KNOWN_TITLE_KEYS",
    "MERGING",
    "parse",
    "parse_file",
    "scene_at_line",
    "split_lines",
    "title_page_entries",
]

T = ElementType

_NEWLINE = re.compile(r"\r\n|\r|\n")
_DUAL_MARK = re.compile(r"(?:\s*[\^＾])+$")
_CENTERED = re.compile(r"[>＞]\s*(.*?)\s*[<＜]$")
_SECTION = re.compile(r"([#＃]+)\s*(.*)$")
_heading = HEADING_RE.match

_SPECIAL_FIRST = frozenset("!~#=>@.[！～＃＝＞＠．［")
"""First characters that need the full classification of a one-line paragraph."""
MERGING = frozenset([T.ACTION, T.DIALOGUE, T.CENTERED, T.LYRICS])
"""Element types whose consecutive lines in a paragraph form one element."""
_SPEECH_BODY = (T.DIALOGUE, T.PARENTHETICAL)
"""What the element before a ``^`` cue must be: the speech it is set beside."""


# ----------------------------------------------------------------------------------------


class _Builder:
    """Collects elements and regions while the paragraphs are classified.

    The element being built (``cur_*``) is one that may grow by further lines (action,
    dialogue, centered text, lyrics).
    """

    __slots__ = (
        "caseless",
        "cur_forced",
        "cur_lines",
        "cur_marks",
        "cur_start",
        "cur_type",
        "elements",
        "last_speech_dual",
        "offset",
        "regions",
    )

    def __init__(self, offset: int) -> None:
        self.offset = offset
        self.elements: list[Element] = []
        self.regions: list[Region] = []
        self.cur_type: ElementType | None = None
        self.cur_start = 0
        self.cur_lines: list[str] = []
        self.cur_forced = False
        self.cur_marks = ""
        self.last_speech_dual = False
        self.caseless: _Caseless = _Caseless(None, [])

    def region(self, kind: RegionKind, start: int, end: int) -> None:
        start += self.offset
        end += self.offset
        regions = self.regions
        if regions and regions[-1].end_line == start and regions[-1].kind is kind:
            regions[-1] = Region(kind, regions[-1].start_line, end)
        else:
            regions.append(Region(kind, start, end))

    def close(self, end: int) -> None:
        """Finish the growing element (if any) at line ``end``."""
        kind = self.cur_type
        if kind is not None:
            off = self.offset
            lines = self.cur_lines
            text = lines[0] if len(lines) == 1 else "\n".join(lines)
            self.elements.append(
                Element(
                    kind,
                    text,
                    self.cur_start + off,
                    end + off,
                    None,
                    0,
                    False,
                    self.cur_forced,
                    self.cur_marks,
                )
            )
            self.cur_type = None

    def add(self, kind: ElementType, text: str, index: int, forced: bool, marks: str = "") -> None:
        """Add one line of an element: it grows the current element or starts one."""
        if self.cur_type is kind and kind in MERGING:
            self.cur_lines.append(text)
            if forced:
                self.cur_forced = True
            if marks and marks not in self.cur_marks:
                self.cur_marks += marks
            return
        if self.cur_type is not None:
            self.close(index)
        if kind in MERGING:
            self.cur_type = kind
            self.cur_start = index
            self.cur_lines = [text]
            self.cur_forced = forced
            self.cur_marks = marks
        else:
            off = self.offset + index
            self.elements.append(Element(kind, text, off, off + 1, None, 0, False, forced, marks))


class _Caseless:
    """Whether names without letter case are cues, decided once, when a line first asks:
    the caller's choice, else the title page's key, else the script's letters."""

    __slots__ = ("_lines", "value")

    def __init__(self, choice: bool | None, lines: list[str]) -> None:
        self.value = choice
        self._lines = lines

    def __call__(self) -> bool:
        if self.value is None:
            self.value = writes_without_case("\n".join(self._lines))
        return self.value


def split_lines(text: str) -> list[str]:
    """The lines the parser reads: no byte-order mark, tabs as four spaces, any line break."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\t" in text:
        text = text.replace("\t", "    ")
    if "\r" in text:
        return _NEWLINE.split(text)
    return text.split("\n")


def _remove_boneyard(lines: list[str]) -> set[int]:
    """Cut ``/* ... */`` out of ``lines`` in place; return the lines left with nothing."""
    joined = "\n".join(lines)
    if "*/" not in joined:
        return set()
    emptied: set[int] = set()
    touched: list[int] = []
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    pieces: list[str] = []
    pos = 0
    for start, end in boneyard_spans(joined):
        pieces.append(joined[pos:start])
        pieces.append("\n" * joined.count("\n", start, end))
        pos = end
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, end - 1) - 1
        touched.extend(range(first, last + 1))
    if not touched:
        return emptied
    pieces.append(joined[pos:])
    cleaned = "".join(pieces).split("\n")
    lines[:] = cleaned
    for index in touched:
        if not cleaned[index].strip():
            emptied.add(index)
    return emptied


def parse(text: str, *, first_line: int = 0, caseless_cues: bool | None = None) -> Script:
    """Parse Fountain ``text``; line numbers in the result start at ``first_line``.

    ``caseless_cues``: whether a short line without letter case (``张伟``) is a cue where
    an upper-case name would be one; None decides as the script does (its title page's
    ``Caseless cues: yes|no``, else whether it is written mostly without letter case).
    """
    lines = split_lines(text)
    count = len(lines)
    emptied = _remove_boneyard(lines) if "/*" in text else set()
    builder = _Builder(first_line)
    script = Script(line_count=count)

    index = 0
    if first_line == 0:
        index = _title_page(lines, emptied, builder, script)
    if caseless_cues is None:
        caseless_cues = caseless_setting(script.title_page)
    builder.caseless = _Caseless(caseless_cues, lines)

    regions = builder.regions
    blank = RegionKind.BLANK
    para_start = -1
    gap_start = index  # first of the lines outside paragraphs not yet recorded
    for i in range(index, count):
        line = lines[i]
        if line and not line.isspace():
            if para_start < 0:
                if gap_start < i:
                    if emptied:
                        _gap(builder, gap_start, i, emptied)
                    else:
                        start = gap_start + first_line
                        last = regions[-1] if regions else None
                        if last is not None and last.end_line == start and last.kind is blank:
                            regions[-1] = Region(blank, last.start_line, i + first_line)
                        else:
                            regions.append(Region(blank, start, i + first_line))
                para_start = i
            continue
        if para_start >= 0:
            if len(line) >= 2 and (not emptied or i not in emptied):
                continue  # two or more spaces: in the paragraph if the paragraph goes on
            _paragraph(lines, para_start, i, builder)
            para_start = -1
            gap_start = i
    if para_start >= 0:
        _paragraph(lines, para_start, count, builder)
    elif gap_start < count:
        _gap(builder, gap_start, count, emptied)

    script.elements = builder.elements
    script.regions = builder.regions
    script.caseless_cues = builder.caseless.value
    return script


def _gap(builder: _Builder, start: int, end: int, emptied: set[int]) -> None:
    """Record lines between paragraphs: blank, or emptied by the boneyard."""
    if start >= end:
        return
    if not emptied:
        builder.region(RegionKind.BLANK, start, end)
        return
    for i in range(start, end):
        builder.region(RegionKind.BONEYARD if i in emptied else RegionKind.BLANK, i, i + 1)


def _title_page(lines: list[str], emptied: set[int], builder: _Builder, script: Script) -> int:
    """Record a title page at the top; return the first line after it (0 if there is none)."""
    count = len(lines)
    start = 0
    while start < count and not lines[start].strip():
        start += 1
    first = lines[start] if start < count else ""
    if not first or first.startswith(" ") or (":" not in first and "：" not in first):
        return 0
    end = start
    while end < count and lines[end].strip() and end not in emptied:
        end += 1
    entries = title_page_entries(lines[start:end])
    if entries is None:
        return 0
    _gap(builder, 0, start, emptied)
    builder.region(RegionKind.TITLE_PAGE, start, end)
    title = script.title_page
    for line in lines[start:end]:
        if "：" in line and not line.startswith(("   ", "\u3000")) and title_colon(line) == "：":
            key = line[: line.index("：")].strip()
            script.title_marks[key] = "："
    for key, values in entries:
        value = "\n".join(values)
        old = title.get(key)
        title[key] = f"{old}\n{value}" if old and value else value or old or ""
    return end


def _paragraph(lines: list[str], start: int, end: int, builder: _Builder) -> None:
    """Classify the non-blank lines ``lines[start:end]`` (one paragraph)."""
    trailing = end
    while lines[end - 1].isspace():  # lines of spaces at the end are not part of it
        end -= 1
    first = lines[start].strip()
    c = first[0]
    single = end - start == 1
    off = builder.offset
    elements = builder.elements
    i = start
    speech = False

    if single and c not in _SPECIAL_FIRST:
        # Fast path for the commonest paragraph: one line of action, a heading, a transition.
        line_no = start + off
        if _heading(first):
            elements.append(_heading_element(first, line_no, False, ""))
        elif is_transition_text(first):
            elements.append(Element(T.TRANSITION, first, line_no, line_no + 1))
        else:
            elements.append(Element(T.ACTION, lines[start].rstrip(), line_no, line_no + 1))
        if trailing > end:
            builder.region(RegionKind.BLANK, end, trailing)
        return

    mark = markup_char(c)  # full-width marks mean what the ASCII ones mean
    wide = c if mark != c else ""
    if mark == "[" and first.startswith(NOTE_OPENERS):
        joined = "\n".join(lines[start:end])
        if not strip_notes(joined).strip():
            body = "\n".join(n for n in (m.strip() for m in notes_in(joined)) if n)
            body = "\n".join(x.strip() for x in body.split("\n"))
            marks = "［" if c == "［" else ""
            elements.append(Element(T.NOTE, body, start + off, end + off, marks=marks))
            if trailing > end:
                builder.region(RegionKind.BLANK, end, trailing)
            return

    # First-line rules: they need the blank line before (and some the blank line after).
    if mark == "." and forces_heading(first):
        elements.append(_heading_element(first[1:].strip(), i + off, True, wide))
        i += 1
    elif mark == "@" and not single and _DUAL_MARK.sub("", first[1:]).strip():
        _cue(builder, first[1:].strip(), i, True, wide)
        speech = True
        i += 1
    elif mark not in "!~#=>@":
        if single:
            if _heading(first):
                elements.append(_heading_element(first, i + off, False, ""))
                i += 1
            elif is_transition_text(first):
                elements.append(Element(T.TRANSITION, first, i + off, i + off + 1))
                i += 1
        elif is_cue_text(first) or (is_caseless_cue_text(first) and builder.caseless()):
            _cue(builder, first, i, False, "")
            speech = True
            i += 1

    if speech and not has_note(lines[start]) and _simple_speech(lines, i, end, builder):
        if trailing > end:
            builder.region(RegionKind.BLANK, end, trailing)
        return

    pending = -1  # first of the lines of spaces waiting to know whether the element goes on
    # A note opened on a first line read above (a cue, a heading) goes on below it.
    note_open = i > start and has_note(lines[start]) and note_open_after(lines[start], False)
    add = builder.add
    while i < end:
        raw = lines[i]
        if not raw or raw.isspace():
            if pending < 0:
                pending = i
            i += 1
            continue
        marks = ""
        if note_open:
            # Inside a note that spans lines: the line continues the current element, or
            # the speech it is in (after a cue or parenthetical: dialogue).
            kind = builder.cur_type or (T.DIALOGUE if speech else T.ACTION)
            text = raw.rstrip() if kind is T.ACTION else raw.strip()
            forced = False
        elif speech:
            kind, text, forced, marks = _speech_line(raw.strip())
        else:
            kind, text, forced, marks = _action_line(raw)
        if pending >= 0:
            if builder.cur_type is kind and kind in MERGING:
                builder.cur_lines.extend([""] * (i - pending))
            else:
                builder.close(pending)
                builder.region(RegionKind.BLANK, pending, i)
            pending = -1
        if kind is T.SECTION:
            match = _SECTION.match(text)
            assert match is not None
            builder.close(i)
            elements.append(
                Element(
                    T.SECTION,
                    match.group(2).strip(),
                    i + off,
                    i + off + 1,
                    None,
                    len(match.group(1)),
                    False,
                    False,
                    marks,
                )
            )
        else:
            add(kind, text, i, forced, marks)
        if note_open or has_note(raw):
            note_open = note_open_after(raw, note_open)
        i += 1
    builder.close(end)
    if trailing > end:
        builder.region(RegionKind.BLANK, end, trailing)


def _heading_element(text: str, line: int, forced: bool, marks: str) -> Element:
    heading, number = split_scene_number(text)
    if number is not None and text.endswith("＃"):
        marks += "＃"
    return Element(T.SCENE_HEADING, heading, line, line + 1, number, 0, False, forced, marks)


def _is_parenthetical(text: str) -> bool:
    c = text[0]
    return (c == "(" and text[-1] == ")") or (c == "（" and text[-1] == "）")


def _simple_speech(lines: list[str], start: int, end: int, builder: _Builder) -> bool:
    """The lines of a speech without notes or lines of spaces, quickly; False if not so."""
    for k in range(start, end):
        line = lines[k]
        if has_note(line) or line.isspace():
            return False
    off = builder.offset
    elements = builder.elements
    dialogue: list[str] = []
    dialogue_start = 0
    for k in range(start, end):
        text = lines[k].strip()
        c = text[0]
        if _is_parenthetical(text):
            kind = T.PARENTHETICAL
        elif c == "~" or c == "～":
            kind = T.LYRICS
        else:
            if not dialogue:
                dialogue_start = k
            dialogue.append(text)
            continue
        if dialogue:
            elements.append(Element(T.DIALOGUE, "\n".join(dialogue), dialogue_start + off, k + off))
            dialogue = []
        if kind is T.LYRICS:
            text = text[1:].strip()
            marks = "～" if c == "～" else ""
            last = elements[-1]
            if last.type is T.LYRICS and last.end_line == k + off:
                marks = last.marks if not marks or marks in last.marks else last.marks + marks
                elements[-1] = Element(
                    T.LYRICS,
                    f"{last.text}\n{text}",
                    last.start_line,
                    k + off + 1,
                    forced=True,
                    marks=marks,
                )
                continue
            elements.append(Element(kind, text, k + off, k + off + 1, forced=True, marks=marks))
        else:
            elements.append(Element(kind, text, k + off, k + off + 1))
    if dialogue:
        elements.append(Element(T.DIALOGUE, "\n".join(dialogue), dialogue_start + off, end + off))
    return True


def _cue(builder: _Builder, text: str, index: int, forced: bool, marks: str) -> None:
    dual = False
    if text.endswith(("^", "＾")):
        wide_dual = text.endswith("＾")
        text = _DUAL_MARK.sub("", text).rstrip()
        elements = builder.elements
        previous = elements[-1].type if elements else None
        dual = previous in _SPEECH_BODY and not builder.last_speech_dual
        if dual and wide_dual:
            marks += "＾"
    off = builder.offset + index
    builder.elements.append(Element(T.CHARACTER, text, off, off + 1, None, 0, dual, forced, marks))
    builder.last_speech_dual = dual


def _speech_line(text: str) -> tuple[ElementType, str, bool, str]:
    if _is_parenthetical(text):
        return T.PARENTHETICAL, text, False, ""
    c = text[0]
    if c == "~" or c == "～":
        return T.LYRICS, text[1:].strip(), True, "～" if c == "～" else ""
    return T.DIALOGUE, text, False, ""


def _action_line(raw: str) -> tuple[ElementType, str, bool, str]:
    """What a line of an action paragraph is: per-line forced elements, or action.
    The last item is the full-width mark the line was typed with, if any."""
    text = raw.strip()
    c = text[0]
    mark = markup_char(c)
    if mark == c and c not in "!~#=>":
        return T.ACTION, raw.rstrip(), False, ""
    wide = c if mark != c else ""
    if mark == "!":
        return T.ACTION, raw.lstrip()[1:].rstrip(), True, wide
    if mark == "~":
        return T.LYRICS, text[1:].strip(), True, wide
    if mark == "#":
        return T.SECTION, text, False, wide
    if mark == "=":
        if len(text) >= 3 and all(ch == "=" or ch == "＝" for ch in text):
            return T.PAGE_BREAK, "", False, "＝" if "＝" in text else ""
        if len(text) == 1 or markup_char(text[1]) != "=":
            return T.SYNOPSIS, text[1:].strip(), False, wide
    elif mark == ">":
        if len(text) > 1 and markup_char(text[-1]) == "<":
            match = _CENTERED.match(text)
            assert match is not None
            end = text[-1] if text[-1] != "<" else ""
            return T.CENTERED, match.group(1), True, wide + end
        return T.TRANSITION, text[1:].strip(), True, wide
    return T.ACTION, raw.rstrip(), False, ""


def parse_file(
    path: str | os.PathLike[str], encoding: str | None = None, *, caseless_cues: bool | None = None
) -> Script:
    """Read and parse a script file (ScriptReadError, one sentence, when it cannot be read)."""
    return parse(read_script_text(path, encoding), caseless_cues=caseless_cues)


def scene_at_line(script: Script, line: int) -> int | None:
    """Index in ``script.elements`` of the scene heading whose scene holds source ``line``.

    None before the first scene heading.
    """
    elements = script.elements
    starts = [e.start_line for e in elements]
    index = bisect.bisect_right(starts, line) - 1
    while index >= 0:
        if elements[index].type is T.SCENE_HEADING:
            return index
        index -= 1
    return None
