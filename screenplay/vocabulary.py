"""The Fountain vocabulary: what the words and marks of a screenplay line mean.

This module is the one home of the rules that say what a line *is* and what its parts
are. The parser (``parser.py``), the editor's per-line classifier (``lines.py``), the
writer, statistics, pagination, the co-writer's prompts and the editor's completer all
read them from here, so that ``INT. HOUSE - KITCHEN - DAY`` has the same location
everywhere and a cue is a cue for every view (STYLE.md 16). Standard library only, no Qt.

What is here:

- **Forcing characters** (``FORCE_*``): the first character that forces an element.
- **Scene headings**: :data:`HEADING_PREFIXES`, :data:`HEADING_RE`, :func:`is_heading_text`,
  :func:`split_scene_number`, and the one location/time split, :func:`split_heading`.
- **Cues**: the cue rule :func:`is_cue_text` (FORMAT.md rule 6), the parts of a cue
  :func:`split_cue`, the speaker :func:`cue_name` and the name as it prints
  :func:`character_name`.
- **Transitions**: :func:`is_transition_text` and the common ones, :data:`TRANSITIONS`.
- **Notes and boneyard**: :func:`strip_notes`, :func:`note_open_after`,
  :func:`strip_boneyard`, :func:`boneyard_spans`; every scan is linear in the text, so
  unclosed markers cannot make a long line slow.
- **Title page**: :data:`KNOWN_TITLE_KEYS`, :func:`title_key`, :func:`title_value_text`.
- **Full-width markup** (Chinese and Japanese input methods type it): ``：`` after a
  title-page key, ``。``/``．`` after INT/EXT, ``！＠＃～＝＞＜．＾`` as forcing marks,
  ``（…）`` extensions and parentheticals, ``［［…］］`` notes mean what the ASCII forms
  mean (:data:`FULL_WIDTH_MARKS`, :func:`markup_char`).
- **Cues in scripts without letter case** (:func:`is_caseless_cue_text`,
  :func:`writes_without_case`, :data:`CASELESS_CUES_KEY`), and Chinese and Japanese
  location and time words in :func:`split_heading`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

# --- forcing characters ---------------------------------------------------------------------

FORCE_HEADING = "."
"""``.SNIPER SCOPE POV``: a scene heading without INT/EXT (not ``...``)."""
FORCE_ACTION = "!"
FORCE_CHARACTER = "@"
FORCE_TRANSITION = ">"
"""``> FADE OUT.``; with a closing ``<`` the line is centered text instead."""
CENTERED_END = "<"
LYRICS_MARK = "~"
SECTION_MARK = "#"
SYNOPSIS_MARK = "="
DUAL_MARK = "^"
"""At the end of the second cue: that speech goes beside the previous one."""
LINE_FORCING = frozenset("!~#=>")
"""First characters that make any line of an action paragraph special."""
PARAGRAPH_FORCING = frozenset("!~#=>@")
"""First characters that stop a paragraph's first line from being a heading, transition
or cue by its words alone."""

FULL_WIDTH_MARKS = {
    "！": "!",
    "＠": "@",
    "＃": "#",
    "～": "~",
    "＝": "=",
    "＞": ">",
    "＜": "<",
    "．": ".",
    "＾": "^",
    "：": ":",
    "（": "(",
    "）": ")",
    "［": "[",
    "］": "]",
}
"""The full-width forms of Fountain's marks (what a Chinese or Japanese input method types)
and the ASCII mark each one means. ``。`` is not here: it only follows INT/EXT."""
HALF_TO_FULL = {half: full for full, half in FULL_WIDTH_MARKS.items()}


def markup_char(c: str) -> str:
    """The ASCII mark a character means: ``＠`` -> ``@``; any other character itself."""
    return FULL_WIDTH_MARKS.get(c, c)


def forces_heading(text: str) -> bool:
    """``.SCENE`` (or ``．场景``) forces a heading; ``...`` and ``. `` do not (stripped)."""
    return len(text) > 1 and (text[0] == "." or text[0] == "．") and text[1].isalnum()


# --- scene headings -----------------------------------------------------------------------

HEADING_PREFIXES = ("INT. ", "EXT. ", "INT./EXT. ", "EXT./INT. ", "I/E. ", "EST. ")
"""The prefixes offered to a writer, commonest first."""

HEADING_RE = re.compile(
    r"(INT[.．。]?\s*[/／]\s*EXT|EXT[.．。]?\s*[/／]\s*INT|I[.．。]?\s*[/／]\s*E|E[.．。]?\s*[/／]\s*I"
    r"|INT|EXT|EST)(?:[.．。]\s*|\s+)",
    re.IGNORECASE,
)
"""A heading prefix at the start of a (stripped) line, with the ``.`` or space after it:
``INT.``, ``EXT``, ``EST.``, ``INT./EXT.``, ``INT/EXT``, ``I/E``, and FORMAT.md's Decisions
``I./E.``, ``E/I``, ``EXT./INT.``, ``EXT/INT`` and spaces round the slash (``INT. / EXT.``);
the full-width ``．``, ``。`` and ``／`` of Chinese and Japanese input (``INT。 医院-天``).
Group 1 is the prefix; ``match.end()`` is where the location starts."""

SCENE_NUMBER_RE = re.compile(r"\s[#＃]((?:[^\W_]|[.\-])+)[#＃]\s*$")
"""``#12A#`` (or ``＃12＃``) at the end of a heading, after a space: letters, digits, ``-``
and ``.``."""

TIME_SEPARATOR_RE = re.compile(r"\s+(?:-{1,3}|–|—)\s+|\s*(?:-{2,3}|—)\s*")
"""What separates a heading's location from its time of day: `` - `` (spaced hyphens,
en or em dashes), or ``--``/``—`` even without spaces (``CAR--NIGHT``). A single hyphen
without spaces is part of a word (``X-RAY ROOM``)."""

DAY = "day"
NIGHT = "night"
DAWN_DUSK = "dawn/dusk"
CARRIED = "carried"
"""The periods a time of day names. ``CARRIED``: CONTINUOUS, LATER, SAME TIME and the like
carry on the period of the scene before."""
_TIMES = (
    ("DAY", DAY),
    ("NIGHT", NIGHT),
    ("MORNING", DAY),
    ("AFTERNOON", DAY),
    ("EVENING", NIGHT),
    ("DUSK", DAWN_DUSK),
    ("DAWN", DAWN_DUSK),
    ("LATER", CARRIED),
    ("CONTINUOUS", CARRIED),
    ("MOMENTS LATER", CARRIED),
    ("SAME", CARRIED),
    ("SAME TIME", CARRIED),
    ("SUNRISE", DAWN_DUSK),
    ("SUNSET", DAWN_DUSK),
    ("NOON", DAY),
    ("MIDNIGHT", NIGHT),
)
TIMES_OF_DAY = tuple(time for time, _period in _TIMES)
"""Times of day writers put after the location, commonest first."""
_PARENTHESES_RE = re.compile(r"\s*\([^)]*\)\s*")


def is_heading_text(text: str) -> bool:
    """A scene heading by its prefix alone (``text`` stripped; forcing ``.`` not included)."""
    return HEADING_RE.match(text) is not None


def split_scene_number(text: str) -> tuple[str, str | None]:
    """``INT. HOUSE - DAY #12A#`` -> (``INT. HOUSE - DAY``, ``12A``); a number of any length."""
    if text.rstrip().endswith(("#", "＃")):
        match = SCENE_NUMBER_RE.search(text)
        if match:
            return text[: match.start()].rstrip(), match.group(1)
    return text, None


def int_ext_of(prefix: str) -> str:
    """A heading prefix as statistics name it: ``INT``, ``EXT``, ``EST`` or ``INT/EXT``
    (``内景`` is ``INT``, ``外景`` ``EXT``, ``内外景`` ``INT/EXT``)."""
    if prefix in _CJK_PLACES:
        return _CJK_PLACES[prefix]
    compact = "".join(prefix.split()).upper()
    for mark in ".．。":
        compact = compact.replace(mark, "")
    if "/" in compact or "／" in compact:
        return "INT/EXT"
    return compact


CJK_LETTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
"""Kana and CJK ideographs (the scripts of Chinese and Japanese text), as a regular
expression's character-class ranges."""
_CJK = CJK_LETTERS
UNSPACED_LETTERS = (
    CJK_LETTERS
    + "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"  # Hangul: particles join the name (민수가)
    + "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"  # Thai, Lao, Myanmar, Khmer
)
"""Letters of scripts that do not set their words apart with spaces (Chinese, Japanese,
Thai, Lao, Myanmar, Khmer) or join particles to a name (Korean), as character-class
ranges: a name is found inside their text (张伟赶到医院)."""
_UNSPACED_RE = re.compile(f"[{UNSPACED_LETTERS}]")
_BEFORE_WORD = rf"(?<![^\W{UNSPACED_LETTERS}])"
_AFTER_WORD = rf"(?![^\W{UNSPACED_LETTERS}])"


def bounded(pattern: str, text: str) -> str:
    """``pattern`` (a regular expression matching ``text``) as a whole word: not touching
    a letter or digit of a script that spaces its words. Where ``text`` begins or ends
    with a letter of an unspaced script (:data:`UNSPACED_LETTERS`) that end needs no
    boundary (张伟 in 张伟赶到医院), and a Latin name touching Chinese is whole (Tom来了)."""
    before = "" if _UNSPACED_RE.match(text[:1]) else _BEFORE_WORD
    after = "" if _UNSPACED_RE.match(text[-1:]) else _AFTER_WORD
    return f"{before}{pattern}{after}"


_CJK_PLACES = {
    "内外景": "INT/EXT",
    "外内景": "INT/EXT",
    "内景": "INT",
    "外景": "EXT",
    "室内": "INT",
    "屋内": "INT",
    "室外": "EXT",
    "屋外": "EXT",
}
"""Chinese (内景/外景, as Chinese scripts write them) and Japanese (屋内/屋外, 室内/室外)
interior/exterior words at the start of a forced heading."""
_CJK_PLACE_RE = re.compile(
    "(" + "|".join(_CJK_PLACES) + r")(?:[\s.．。、:：/／·・-]+|(?=[" + _CJK + "]))"
)
_CJK_TIME_SEPARATOR_RE = re.compile(rf"(?<=[{_CJK}])\s*[-－–—]+\s*|\s*[-－–—]+\s*(?=[{_CJK}])")
"""Between Chinese or Japanese words a dash separates without spaces: ``医院-夜``."""
_CJK_TIMES = (
    ("日", DAY),
    ("夜", NIGHT),
    ("天", DAY),
    ("白天", DAY),
    ("夜晚", NIGHT),
    ("晨", DAY),
    ("清晨", DAWN_DUSK),
    ("早晨", DAY),
    ("上午", DAY),
    ("中午", DAY),
    ("下午", DAY),
    ("午后", DAY),
    ("黄昏", DAWN_DUSK),
    ("傍晚", DAWN_DUSK),
    ("黎明", DAWN_DUSK),
    ("凌晨", NIGHT),
    ("深夜", NIGHT),
    ("日间", DAY),
    ("夜间", NIGHT),
    ("同时", CARRIED),
    ("稍后", CARRIED),
    ("连续", CARRIED),
    ("朝", DAY),
    ("昼", DAY),
    ("夕", DAWN_DUSK),
    ("夕方", DAWN_DUSK),
    ("早朝", DAWN_DUSK),
    ("明け方", DAWN_DUSK),
    ("同時刻", CARRIED),
    ("翌朝", DAY),
)
CJK_TIMES_OF_DAY = tuple(time for time, _period in _CJK_TIMES)
"""Chinese (日/夜 and the others Chinese scripts use) and Japanese (朝/昼/夕/夜...) times of
day."""
_MORE_PERIODS = (
    ("MIDDAY", DAY),
    ("LATE NIGHT", NIGHT),
    ("TWILIGHT", DAWN_DUSK),
    ("MAGIC HOUR", DAWN_DUSK),
    ("FIRST LIGHT", DAWN_DUSK),
    ("CONT", CARRIED),
    ("次日", DAY),
    ("当晚", NIGHT),
    ("晚上", NIGHT),
    ("早上", DAY),
    ("晚", NIGHT),
    ("早", DAY),
    ("晩", NIGHT),
    ("夜明け", DAWN_DUSK),
    ("日中", DAY),
)
"""Words that name a period inside a longer time (``LATE NIGHT``, ``次日清晨``) without
being offered as times of day."""
PERIODS_OF_TIMES = dict(_TIMES + _CJK_TIMES + _MORE_PERIODS)
"""The period each time-of-day word names (the table :func:`time_period` reads)."""
_PERIOD_WORDS = sorted(
    ((word, period) for word, period in PERIODS_OF_TIMES.items() if period != CARRIED),
    key=lambda item: -len(item[0]),
)
_CARRIED_WORDS = tuple(word for word, period in PERIODS_OF_TIMES.items() if period == CARRIED)
_TIME_WORDS = frozenset(TIMES_OF_DAY + CJK_TIMES_OF_DAY)


class Heading(NamedTuple):
    """The parts of a scene heading, as written (the caller chooses the case)."""

    int_ext: str
    """``INT``, ``EXT``, ``EST``, ``INT/EXT``, or empty for a heading without a prefix."""
    location: str
    time: str
    """The time of day (``DAY``, ``NIGHT (1973)``, ``DAY - CONTINUOUS``), or empty."""


_TIME_MODIFIERS = frozenset(["EARLY", "LATE", "LATER", "THAT", "NEXT", "THE", "SAME", "MID"])


def is_time_of_day(part: str) -> bool:
    """``NIGHT``, ``NIGHT (1973)``, ``EARLY MORNING``, ``LATER THAT NIGHT``, ``DAY 2``: a time
    of day a heading ends with (``DAY CARE CENTER`` is a place)."""
    words = _PARENTHESES_RE.sub(" ", part).strip("（）() ").upper().split()
    if not words:
        return False
    if " ".join(words) in _TIME_WORDS:
        return True
    if words[-1] in _TIME_WORDS and all(w in _TIME_MODIFIERS for w in words[:-1]):
        return True
    return words[0] in _TIME_WORDS and all(w.isdigit() for w in words[1:])


def time_period(time_of_day: str) -> str | None:
    """The period a heading's time of day names: :data:`DAY`, :data:`NIGHT`,
    :data:`DAWN_DUSK`, :data:`CARRIED` (CONTINUOUS, LATER, 同时: the scene before's), or
    None when it names none.

    The whole time first (``DUSK``), then the longest period word in it (``LATER THAT
    NIGHT``, ``NIGHT (1973)``, ``DAY - CONTINUOUS``, ``次日清晨``: whole words in scripts that
    space their words, anywhere in Chinese and Japanese), then a carrying word it starts
    with (``CONTINUOUS``, ``同时``)."""
    words = " ".join(_PARENTHESES_RE.sub(" ", time_of_day).strip("（）() ").upper().split())
    if not words:
        return None
    exact = PERIODS_OF_TIMES.get(words)
    if exact is not None:
        return exact
    for word, period in _PERIOD_WORDS:
        if word in words and re.search(bounded(re.escape(word), word), words):
            return period
    if words.startswith(_CARRIED_WORDS):
        return CARRIED
    return None


def split_heading(heading: str) -> Heading:
    """The one location/time split.

    ``INT. HOUSE - KITCHEN - DAY`` -> (``INT``, ``HOUSE - KITCHEN``, ``DAY``);
    ``INT. / EXT. CAR -- NIGHT`` -> (``INT/EXT``, ``CAR``, ``NIGHT``);
    ``INSERT - THE LOGBOOK`` -> (``""``, ``INSERT - THE LOGBOOK``, ``""``).

    ``heading`` may be an element's text or a raw line: notes, a forcing ``.`` and a
    ``#12#`` scene number are left out. The time starts at the first part after the
    location that names a time of day (so ``DAY - CONTINUOUS`` stays one time); with
    INT/EXT and no such word it is the last part; without INT/EXT there is no time unless
    a part says one. Emphasis markers are kept (statistics pass printed text).
    """
    text = strip_notes(heading).strip()
    if forces_heading(text):
        text = text[1:].lstrip()
    text = split_scene_number(text)[0].lstrip("○◯〇 ")
    int_ext = ""
    match = HEADING_RE.match(text) or _CJK_PLACE_RE.match(text)
    if match:
        int_ext = int_ext_of(match.group(1))
        text = text[match.end() :]
    text = text.strip()
    parts = [p.strip() for p in TIME_SEPARATOR_RE.split(text)]
    if len(parts) == 1 and not text.isascii():
        parts = [p.strip() for p in _CJK_TIME_SEPARATOR_RE.split(text)]
        cjk = _cjk_time_at_end(text) if len(parts) == 1 else None
        if cjk is not None:
            return Heading(int_ext, cjk[0], cjk[1])
    if len(parts) > 1:
        start = next((k for k in range(1, len(parts)) if is_time_of_day(parts[k])), None)
        if start is None and int_ext:
            start = len(parts) - 1
        if start is not None:
            return Heading(int_ext, " - ".join(parts[:start]), " - ".join(parts[start:]))
    for comma in (",", "，", "、"):
        place, found, last = text.rpartition(comma)
        if found and place.strip() and is_time_of_day(last):
            return Heading(int_ext, place.strip(), last.strip())
    return Heading(int_ext, text, "")


def _cjk_time_at_end(text: str) -> tuple[str, str] | None:
    """``病院・廊下（夜）`` or ``医院 日``: a Chinese or Japanese time of day in closing
    parentheses or after the last space."""
    if text.endswith(("）", ")")):
        opening = max(text.rfind("（"), text.rfind("("))
        inner = text[opening + 1 : -1].strip()
        if opening > 0 and inner in _TIME_WORDS:
            return text[:opening].strip(), inner
    place, space, last = text.rpartition(" ")
    if not space:
        place, space, last = text.rpartition("\u3000")
    if space and place.strip() and last.strip() in _TIME_WORDS:
        return place.strip(), last.strip()
    return None


# --- cues ---------------------------------------------------------------------------------

_CLOSE_PARENS = (")", "）")
_EXTENSION_RE = re.compile(r"[(（]([^)）]*)[)）]")


def strip_dual_mark(text: str) -> str:
    """``MAYA ^`` -> ``MAYA``: the text without its trailing dual-dialogue marks (``^``
    or the full-width ``＾``)."""
    text = text.rstrip()
    while text.endswith((DUAL_MARK, "＾")):
        text = text[:-1].rstrip()
    return text


def _first_paren(text: str) -> int:
    paren = text.find("(")
    if "（" in text:
        wide = text.find("（")
        if paren < 0 or wide < paren:
            paren = wide
    return paren


def is_cue_text(text: str) -> bool:
    """The cue rule (FORMAT.md rule 6) for the words of a line (stripped, no ``@``).

    Upper case up to the first ``(`` (``str.isupper``: at least one cased letter, none in
    lower case), and after the last ``)`` nothing but whitespace or the dual-dialogue
    ``^``: ``MAYA (V.O.) (CONT'D) ^`` is a cue, ``JOHN (40s) sits on a hay bale.`` is action,
    ``MAYA (V.O.`` (an extension not closed) is not a cue yet. A line that starts like a
    scene heading (``INT. HOUSE - DAY``) is never a cue, as in the Fountain authors' own
    parser: without its blank line after, it is action. Notes are left out first.
    Whether the line stands where a cue can stand (blank line before, text after) is the
    parser's and the classifier's business.
    """
    if has_note(text):
        text = strip_notes(text)
    text = strip_dual_mark(text)
    paren = _first_paren(text)
    name = text if paren < 0 else text[:paren]
    upper = name.isupper() and (paren < 0 or text.endswith(_CLOSE_PARENS))
    # ``INT. HOUSE - DAY`` with text below is never a name.
    return upper and HEADING_RE.match(text) is None


def could_be_cue(text: str) -> bool:
    """A cue, or one being typed: the cue rule, or an upper-case name followed by an
    extension that is not closed yet (``MAYA (V.O``). For lines the writer marked as cues."""
    if is_cue_text(text):
        return True
    text = strip_dual_mark(strip_notes(text))
    paren = _first_paren(text)
    if paren <= 0:
        return False
    rest = text[paren:]
    return text[:paren].isupper() and not any(c in rest for c in _CLOSE_PARENS)


CASELESS_NAME_LIMIT = 10
"""The longest name (in characters, extensions not counted) read as a cue in a script
without letter case. Chinese and Japanese character names are two to four characters,
roles a few more (出租车司机 5, 穿红衣服的女人 7); ten leaves room for those and stays
well under a line of speech, which is what a short line of text above more text would
otherwise be."""
_SENTENCE_MARKS = frozenset("。！？!?．.，,、；;：:…—–~～「」『』“”\"'《》〈〉【】")
"""Punctuation that ends or divides a sentence (or quotes one): a line with any of it is
speech or action, not a name. The middle dots of names (约翰·史密斯, ジョン・スミス) are
allowed."""
CASELESS_CUES_KEY = "Caseless cues"
"""The title-page key that records a script's choice: ``yes`` (names without letter case
are cues) or ``no``. Without it the parser decides from the script's letters
(:func:`writes_without_case`), so ``reelwright parse`` and the app agree on any file."""


def is_caseless_cue_text(text: str) -> bool:
    """A cue in a script without letter case (Chinese, Japanese): the words of a line
    (stripped, no ``@``) with a name of at most :data:`CASELESS_NAME_LIMIT` characters,
    none of them a cased letter and at least one a letter, no sentence punctuation in the
    name, and after an extension only whitespace or ``^`` (``张伟（画外音）``). Whether
    the script is one without case, and whether the line stands where a cue can stand,
    is the caller's business."""
    if has_note(text):
        text = strip_notes(text)
    text = strip_dual_mark(text)
    paren = _first_paren(text)
    if paren >= 0 and not text.endswith(_CLOSE_PARENS):
        return False
    name = (text if paren < 0 else text[:paren]).strip()
    if not name or len(name) > CASELESS_NAME_LIMIT or HEADING_RE.match(text):
        return False
    letter = False
    for c in name:
        if c in _SENTENCE_MARKS or c.isupper() or c.islower():
            return False
        letter = letter or c.isalpha()
    return letter


_CASED_RE = re.compile(
    r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f\u0531-\u0587\u10a0-\u10ff"
    r"\u1e00-\u1fff\uff21-\uff3a\uff41-\uff5a]"
)
"""Letters of the scripts with letter case (Latin, Greek, Cyrillic, Armenian, Georgian)."""
_LETTER_RE = re.compile(r"[^\W\d_]")


def writes_without_case(text: str) -> bool:
    """Whether ``text`` is written mostly in letters without case (Chinese, Japanese,
    Korean, Arabic...): more such letters than letters with case. INT/EXT, extensions and
    a few English names do not tip a Chinese script."""
    if text.isascii():
        return False
    letters = _LETTER_RE.subn("", text)[1]
    cased = _CASED_RE.subn("", text)[1]
    return letters - cased > cased


def caseless_setting(title_page: dict[str, str]) -> bool | None:
    """The script's recorded choice (:data:`CASELESS_CUES_KEY`), or None if it has none."""
    for key, value in title_page.items():
        if key.strip().casefold() == CASELESS_CUES_KEY.casefold():
            word = value.strip().casefold()
            if word in ("yes", "on", "true", "1", "是", "はい"):
                return True
            if word in ("no", "off", "false", "0", "否", "いいえ"):
                return False
    return None


@dataclass(frozen=True, slots=True)
class Cue:
    """The parts of a cue line: ``@McCLANE (V.O.) (CONT'D) ^``."""

    name: str
    """The speaker as written: ``McCLANE``."""
    extensions: tuple[str, ...]
    """What the parentheses hold, in order: ``("V.O.", "CONT'D")``."""
    dual: bool
    """The line ends with the dual-dialogue ``^``."""
    forced: bool
    """The line starts with ``@``."""


def split_cue(text: str) -> Cue:
    """The parts of a cue, from a raw line or a character element's text."""
    text = strip_notes(text).strip()
    forced = text.startswith((FORCE_CHARACTER, "＠"))
    if forced:
        text = text[1:].lstrip()
    stripped = strip_dual_mark(text)
    dual = len(stripped) < len(text.rstrip())
    paren = _first_paren(stripped)
    name = stripped if paren < 0 else stripped[:paren]
    extensions: tuple[str, ...] = ()
    if paren >= 0:
        extensions = tuple(" ".join(m.split()) for m in _EXTENSION_RE.findall(stripped, paren))
    return Cue(" ".join(name.split()), extensions, dual, forced)


def cue_name(text: str) -> str:
    """The speaker a cue names, as written: ``@Maya (V.O.) ^`` -> ``Maya``.

    No forcing ``@``, no extensions, no ``^``, no notes, no emphasis markers, whitespace
    collapsed. Works on a raw line and on a character element's text alike.
    """
    name = split_cue(text).name
    if "*" in name or "_" in name or "\\" in name:
        from reelwright.screenplay.emphasis import plain_text  # emphasis imports this module

        name = " ".join(plain_text(name).split())
    return name


def character_name(text: str) -> str:
    """The speaker as the cue prints (upper case): the name under which a character's
    speeches are counted, so ``@McClane`` and ``MCCLANE`` are one character."""
    return cue_name(text).upper()


# --- transitions ----------------------------------------------------------------------------

TRANSITIONS = (
    "CUT TO:",
    "DISSOLVE TO:",
    "SMASH CUT TO:",
    "MATCH CUT TO:",
    "FADE TO:",
    "FADE OUT.",
    "FADE TO BLACK.",
    "INTERCUT WITH:",
)
"""Transitions offered to a writer. Only the ``... TO:`` ones are recognised without ``>``."""


END_TRANSITIONS = frozenset(["FADE OUT.", "FADE TO BLACK.", "CUT TO BLACK."])
"""Transitions that end a script without ``TO:``, recognised as the Fountain authors' own
parser does (their test suite checks ``FADE TO BLACK.``)."""


def is_transition_text(text: str) -> bool:
    """Upper case and ending in ``TO:`` (``CUT TO:``), or one of :data:`END_TRANSITIONS`
    (stripped ``text``)."""
    return (text.endswith("TO:") and text.isupper()) or text in END_TRANSITIONS


def is_transition_name(text: str) -> bool:
    """A transition by its words, forced or not: ``CUT TO:``, ``FADE OUT.``, ``> BACK TO``.
    Names such as these are never character names."""
    text = " ".join(text.strip().lstrip(FORCE_TRANSITION).split()).upper()
    return is_transition_text(text) or text in TRANSITIONS


# --- notes and boneyard ---------------------------------------------------------------------

NOTE_OPEN = "[["
NOTE_CLOSE = "]]"
NOTE_OPENERS = ("[[", "［［")
NOTE_CLOSERS = ("]]", "］］")
"""Notes open with ``[[`` or the full-width ``［［`` and close with either closer."""
BONEYARD_OPEN = "/*"
BONEYARD_CLOSE = "*/"


def has_note(text: str) -> bool:
    """Whether ``text`` holds a note opener (ASCII or full-width)."""
    return "[[" in text or "［［" in text


class _Finder:
    """The next place of any of some two-character tokens, for scans that only move
    forward: each token is searched again only when the scan has passed it, so a scan of
    a whole text stays linear (a token that is absent is looked for once)."""

    __slots__ = ("_next", "_text")

    def __init__(self, text: str, tokens: tuple[str, ...]) -> None:
        self._text = text
        self._next = {token: text.find(token) for token in tokens}

    def at_or_after(self, pos: int) -> int:
        best = -1
        nxt = self._next
        for token, at in nxt.items():
            if 0 <= at < pos:
                at = nxt[token] = self._text.find(token, pos)
            if at >= 0 and (best < 0 or at < best):
                best = at
        return best


def note_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each closed ``[[note]]`` in ``text``, left to right.

    A note runs from ``[[`` (or ``［［``) to the first ``]]`` (or ``］］``) after it; an
    unclosed ``[[`` is text. Linear in the text, however the markers are mixed.
    """
    if "［" not in text and "］" not in text:
        # ASCII brackets only: one opener and one closer, each found moving forward.
        pos = 0
        while True:
            start = text.find("[[", pos)
            if start < 0:
                return
            end = text.find("]]", start + 2)
            if end < 0:
                return
            yield start, end + 2
            pos = end + 2
    openers = _Finder(text, NOTE_OPENERS)
    closers = _Finder(text, NOTE_CLOSERS)
    pos = 0
    while True:
        start = openers.at_or_after(pos)
        if start < 0:
            return
        end = closers.at_or_after(start + 2)
        if end < 0:
            return  # no closer after this opener, so none after any later one either
        yield start, end + 2
        pos = end + 2


def strip_notes(text: str) -> str:
    """``text`` without its ``[[notes]]`` (an unclosed ``[[`` is kept as typed)."""
    if "[[" not in text and "［［" not in text:
        return text
    pieces: list[str] = []
    pos = 0
    for start, end in note_spans(text):
        pieces.append(text[pos:start])
        pos = end
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


def notes_in(text: str) -> list[str]:
    """What each closed ``[[note]]`` in ``text`` says, in order."""
    return [text[start + 2 : end - 2] for start, end in note_spans(text)]


def note_open_after(line: str, open_before: bool) -> bool:
    """Whether a ``[[note]]`` is still open at the end of ``line``."""
    if not open_before and "[[" not in line and "［［" not in line:
        return False
    if "［" not in line and "］" not in line:
        pos = 0
        is_open = open_before
        while True:
            pos = line.find("]]" if is_open else "[[", pos)
            if pos < 0:
                return is_open
            is_open = not is_open
            pos += 2
    openers = _Finder(line, NOTE_OPENERS)
    closers = _Finder(line, NOTE_CLOSERS)
    pos = 0
    is_open = open_before
    while True:
        if is_open:
            close = closers.at_or_after(pos)
            if close < 0:
                return True
            is_open = False
            pos = close + 2
        else:
            opening = openers.at_or_after(pos)
            if opening < 0:
                return False
            is_open = True
            pos = opening + 2


def boneyard_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each closed ``/* ... */`` in ``text`` (linear, like notes)."""
    pos = 0
    while True:
        start = text.find(BONEYARD_OPEN, pos)
        if start < 0:
            return
        end = text.find(BONEYARD_CLOSE, start + 2)
        if end < 0:
            return
        yield start, end + 2
        pos = end + 2


def strip_boneyard(line: str, open_at_start: bool) -> tuple[str, bool]:
    """The part of ``line`` outside ``/* */`` and whether a boneyard is open at its end.

    Line by line, as an editor sees it: an opened boneyard hides the rest of the line.
    """
    out: list[str] = []
    pos = 0
    inside = open_at_start
    while True:
        if inside:
            end = line.find(BONEYARD_CLOSE, pos)
            if end < 0:
                return "".join(out), True
            pos = end + 2
            inside = False
        else:
            start = line.find(BONEYARD_OPEN, pos)
            if start < 0:
                out.append(line[pos:])
                return "".join(out), False
            out.append(line[pos:start])
            pos = start + 2
            inside = True


# --- title page ---------------------------------------------------------------------------

KNOWN_TITLE_KEYS = frozenset(
    [
        "title",
        "credit",
        "author",
        "authors",
        "source",
        "draft date",
        "contact",
        "copyright",
        "notes",
    ]
)
"""Title-page keys Fountain names (compared case-folded); others are kept as metadata."""

_TITLE_KEY_RE = re.compile(r"([^\W\d_][^:：]*?)\s*[:：]\s*(.*)$")


def title_key(line: str) -> tuple[str, str] | None:
    """``Draft date: 1 May`` -> (``Draft date``, ``1 May``); None if the line is no key.
    The full-width colon of Chinese and Japanese input works too: ``Title：电影``."""
    match = _TITLE_KEY_RE.match(line)
    if match is None:
        return None
    return match.group(1), match.group(2).strip()


def title_colon(line: str) -> str:
    """The colon a ``Key: value`` line uses: ``:`` or the full-width ``：``."""
    match = _TITLE_KEY_RE.match(line)
    if match is None:
        return ":"
    return line[match.end(1) :].lstrip()[:1] or ":"


def is_title_continuation(line: str) -> bool:
    """A value's further line: indented by three or more spaces (tabs already expanded)
    or by an ideographic space (U+3000, two columns wide, as CJK input indents)."""
    return line.startswith(("   ", "\u3000"))


def title_page_entries(lines: list[str]) -> list[tuple[str, list[str]]] | None:
    """The ``(key, value lines)`` of a title page paragraph, or None if it is not one.

    ``lines`` are the raw lines (tabs already expanded). Every line must be ``Key: value``
    or an indented continuation (three or more spaces) of the key above it, and one key
    must be a known one, so that ``FADE IN:`` alone is not taken for a title page.
    """
    entries: list[tuple[str, list[str]]] = []
    known = False
    for line in lines:
        if is_title_continuation(line) and entries:
            entries[-1][1].append(line.strip())
            continue
        found = title_key(line)
        if found is None:
            return None
        key, value = found
        known = known or key.casefold() in KNOWN_TITLE_KEYS
        entries.append((key, [value] if value else []))
    return entries if known else None


def title_value_text(value: str, *, one_line: bool = True) -> str:
    """A title-page value as it reads: notes and emphasis markers left out, whitespace
    collapsed, the value's lines joined by spaces (``one_line``) or kept."""
    from reelwright.screenplay.emphasis import plain_text  # emphasis imports this module

    lines = [" ".join(plain_text(strip_notes(line)).split()) for line in value.split("\n")]
    lines = [line for line in lines if line]
    return " ".join(lines) if one_line else "\n".join(lines)


def printed_text(text: str) -> str:
    """Element text as it prints: notes and emphasis markers left out, escapes resolved."""
    from reelwright.screenplay.emphasis import plain_text  # emphasis imports this module

    return plain_text(strip_notes(text))
