"""Spell checking for scripts: which words of a line are misspelt, and what to offer instead.

Qt-free: the editor underlines what :meth:`Speller.check_line` returns, ``reelwright spell``
lists it. The dictionaries are pyspellchecker's (word-frequency lists built from
OpenSubtitles and Wiktionary, shipped inside the package, so nothing is downloaded), in
the languages of :data:`LANGUAGES`; several can be on at once (a word known to any is
right).

Known besides the dictionaries: the script's character names (every word of every cue),
locations and times of day (every word of every heading), the title page's names, the
words of screenwriting (:data:`SCREEN_WORDS`: INT, EXT, CONT'D, V.O., POV, SFX...), the
script's own dictionary and the writer's.

The script's own dictionary is kept *in the script*, as the ``dictionary`` section of
Reelwright's data block at its end (``data_block``)::

    /* Reelwright data: what Reelwright keeps with the script, in [sections].
    Other Fountain programs skip this comment. Deleting a section drops its data.
    [dictionary]
    Kestrel Ondine Zorblax
    */

so it travels with the file (mail it, put it under version control, open it on another
machine) and every Fountain program ignores it (boneyard is never printed). The separate
``/* Reelwright dictionary: ... */`` block of earlier versions still reads. The writer's
dictionary is a plain word list, one per line. The data block itself is never checked.

A line is checked without looking at its neighbours except for two flags: is a note
(``[[``) or the boneyard (``/*``) open where the line starts. Notes and boneyard are
skipped unless asked otherwise; so are scene numbers, words with digits, single letters,
e-mail addresses and web addresses. Words in a writing system none of the chosen
languages uses are not checked either: Chinese and Japanese (no dictionary has them, and
their runs of letters are sentences), a line of Russian in an English script.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from reelwright.screenplay import data_block
from reelwright.screenplay.elements import ElementType, Script
from reelwright.screenplay.fileio import atomic_write_text
from reelwright.screenplay.vocabulary import (
    BONEYARD_CLOSE,
    BONEYARD_OPEN,
    HEADING_PREFIXES,
    NOTE_CLOSE,
    NOTE_OPEN,
    TIMES_OF_DAY,
    TRANSITIONS,
    UNSPACED_LETTERS,
)

if TYPE_CHECKING:
    from spellchecker import SpellChecker

LANGUAGES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ru": "Russian",
    "lv": "Latvian",
    "eu": "Basque",
    "ar": "Arabic",
    "fa": "Persian",
}
"""Languages pyspellchecker ships a dictionary for (0.9: these twelve)."""

SCREEN_WORDS = frozenset(
    """
    pov sfx vfx mos ecu cu mcu ws ots os oc vo contd cont'd montage flashback prelap pre-lap
    super insert titles steadicam handheld closeup close-up establishing tv
    walkie walkie-talkie ok okay uh um uhm hmm mm mmm huh aw aww ahh ohh y'know 'em woah
    gotta oughta
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
"""Words of screenwriting (extensions, camera, editing) and of spoken dialogue that
dictionaries lack, lower case; the vocabulary's own words are added below."""
_FOUNTAIN_WORDS = frozenset(
    word.casefold()
    for phrase in (*TIMES_OF_DAY, *TRANSITIONS, *HEADING_PREFIXES)
    for word in re.findall(r"[^\W\d_]{2,}", phrase)
)
"""The vocabulary's times of day, transitions and heading prefixes, word by word."""

_WORD = re.compile(rf"[^\W_{UNSPACED_LETTERS}]+(?:['’\-][^\W_{UNSPACED_LETTERS}]+)*")
"""Letters and digits with inner apostrophes or hyphens (``don't``, ``walkie-talkie``);
not the letters of scripts that do not space their words (Chinese, Japanese, Thai...),
which no dictionary here covers and whose runs are sentences, not words."""
_SCRIPTS = {"ru": "CYRILLIC", "ar": "ARABIC", "fa": "ARABIC"}
"""The writing system of each language of :data:`LANGUAGES` not written in Latin letters."""
_SKIP_SPANS = re.compile(
    r"(?:https?://|www\.)\S+"  # web addresses
    r"|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"  # e-mail addresses
    r"|\s#[\w.\-]+#\s*$"  # a scene number at the end of a heading
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_MAX_SUGGEST_DISTANCE_2 = 9
"""Longer words get only suggestions one edit away (two edits away take seconds)."""
_ROMAN = re.compile(r"(?=[MDCLXVI])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")


def available_languages() -> dict[str, str]:
    """The languages of :data:`LANGUAGES` whose dictionary file is installed."""
    try:
        folder = resources.files("spellchecker") / "resources"
    except ModuleNotFoundError:
        return {}
    return {
        code: name
        for code, name in LANGUAGES.items()
        if folder.joinpath(f"{code}.json.gz").is_file()
    }


@dataclass(frozen=True, slots=True)
class Misspelling:
    start: int
    """Index in the line (Python string index)."""
    end: int
    word: str


@dataclass(frozen=True, slots=True)
class LineState:
    """What is open where a line starts."""

    note: bool = False
    boneyard: bool = False
    data: bool = False
    """The open boneyard is Reelwright's data block (``data_block``): never checked."""


def _skipped_spans(text: str, state: LineState) -> tuple[list[tuple[int, int, str]], LineState]:
    """Notes, boneyard and the data block in ``text`` as (start, end, kind), and what is
    open after it."""
    spans: list[tuple[int, int, str]] = []
    note, boneyard, data = state.note, state.boneyard, state.boneyard and state.data
    pos = 0
    start = 0
    while pos <= len(text):
        if boneyard:
            kind = "data" if data else "boneyard"
            end = text.find(BONEYARD_CLOSE, pos)
            if end < 0:
                spans.append((start, len(text), kind))
                break
            spans.append((start, end + 2, kind))
            boneyard = data = False
            pos = end + 2
            continue
        if note:
            end = text.find(NOTE_CLOSE, pos)
            if end < 0:
                spans.append((start, len(text), "note"))
                break
            spans.append((start, end + 2, "note"))
            note = False
            pos = end + 2
            continue
        note_at = text.find(NOTE_OPEN, pos)
        bone_at = text.find(BONEYARD_OPEN, pos)
        if note_at < 0 and bone_at < 0:
            break
        if bone_at >= 0 and (note_at < 0 or bone_at < note_at):
            boneyard, start, pos = True, bone_at, bone_at + 2
            data = not text[:bone_at].strip() and data_block.is_opening(text)
        else:
            note, start, pos = True, note_at, note_at + 2
    return spans, LineState(note, boneyard, data)


def line_state_after(text: str, state: LineState = LineState()) -> LineState:
    """What is open after the line ``text`` (notes, boneyard, the data block)."""
    return _skipped_spans(text, state)[1]


class Speller:
    """Checks words against the dictionaries and the script's own vocabulary.

    Loading a dictionary takes 0.05-0.7 s (English 0.2 s), so it happens on the first
    check, or ahead of time with :meth:`load` (the editor does that off the GUI thread).
    """

    def __init__(
        self,
        languages: Iterable[str] = ("en",),
        *,
        skip_notes: bool = True,
        skip_boneyard: bool = True,
    ) -> None:
        wanted = [code for code in languages if code in LANGUAGES]
        self.languages: tuple[str, ...] = tuple(wanted) or ("en",)
        self.scripts = frozenset(_SCRIPTS.get(code, "LATIN") for code in self.languages)
        """The writing systems of the chosen languages: words in any other (a line of
        Russian in an English script with only English chosen, Korean) are not checked."""
        self.skip_notes = skip_notes
        self.skip_boneyard = skip_boneyard
        self._checker: SpellChecker | None = None
        self._cache: dict[str, bool] = {}
        self.script_vocabulary: frozenset[str] = frozenset()
        """Names, places and words of the script (casefolded): see :func:`script_vocabulary`."""
        self.script_words: frozenset[str] = frozenset()
        """The script's own dictionary (casefolded)."""
        self.user_words: frozenset[str] = frozenset()
        """The writer's dictionary (casefolded)."""
        self.ignored: set[str] = set()
        """Words ignored for this session (casefolded)."""

    # Dictionaries ------------------------------------------------------------------------
    def load(self) -> SpellChecker:
        if self._checker is None:
            from spellchecker import SpellChecker

            self._checker = SpellChecker(language=list(self.languages), case_sensitive=False)
        return self._checker

    @property
    def loaded(self) -> bool:
        return self._checker is not None

    def _in_dictionary(self, word: str) -> bool:
        return word in self.load()

    def set_vocabulary(
        self,
        *,
        script: Iterable[str] | None = None,
        script_words: Iterable[str] | None = None,
        user_words: Iterable[str] | None = None,
    ) -> set[str]:
        """Replace some of the known word lists; returns the casefolded words whose
        verdict may have changed (added or removed), so a view can re-check only them."""
        changed: set[str] = set()

        def swap(old: frozenset[str], new: Iterable[str] | None) -> frozenset[str]:
            if new is None:
                return old
            folded = frozenset(_fold(word) for word in new if word)
            changed.update(old ^ folded)
            return folded

        self.script_vocabulary = swap(self.script_vocabulary, script)
        self.script_words = swap(self.script_words, script_words)
        self.user_words = swap(self.user_words, user_words)
        if changed:
            self._cache.clear()
        return changed

    def ignore(self, word: str) -> None:
        self.ignored.add(_fold(word))
        self._cache.pop(_fold(word), None)

    # Checking -------------------------------------------------------------------------------
    def is_known(self, word: str) -> bool:
        """Is ``word`` (one token of :func:`words`) spelt right?"""
        folded = _fold(word)
        cached = self._cache.get(folded)
        if cached is not None:
            return cached
        if word.isupper() and _ROMAN.fullmatch(word):  # II, XIV: numerals, not words
            return True
        verdict = self._judge(folded)
        self._cache[folded] = verdict
        return verdict

    def _judge(self, folded: str) -> bool:
        if (
            folded in self.script_vocabulary
            or folded in self.script_words
            or folded in self.user_words
            or folded in self.ignored
            or folded in SCREEN_WORDS
            or folded in _FOUNTAIN_WORDS
            or self._in_dictionary(folded)
        ):
            return True
        if folded.endswith("'s") and len(folded) > 3:  # Maya's, the Captain's
            return self._judge(folded[:-2])
        if folded.endswith("s'") and len(folded) > 3:  # the Smiths'
            return self._judge(folded[:-1])
        if "-" in folded:  # walkie-talkie unknown as one: each part known will do
            parts = [part for part in folded.split("-") if part]
            return bool(parts) and all(len(p) < 2 or self._judge(p) for p in parts)
        if folded.startswith("'") or folded.endswith("'"):
            return self._judge(folded.strip("'"))
        return False

    def check_line(
        self, text: str, state: LineState = LineState()
    ) -> tuple[list[Misspelling], LineState]:
        """The misspelt words of one line, and what is open after it."""
        skipped, after = _skipped_spans(text, state)
        if not self.skip_notes:
            skipped = [span for span in skipped if span[2] != "note"]
        if not self.skip_boneyard:
            skipped = [span for span in skipped if span[2] != "boneyard"]
        if "@" in text or "#" in text or "/" in text or "www." in text:
            skipped.extend((m.start(), m.end(), "skip") for m in _SKIP_SPANS.finditer(text))
        found: list[Misspelling] = []
        for start, end, word in words(text):
            if any(s <= start < e for s, e, _ in skipped):
                continue
            if not word.isascii() and script_of(word) not in self.scripts:
                continue
            if not self.is_known(word):
                found.append(Misspelling(start, end, word))
        return found, after

    def check_text(self, text: str) -> Iterator[tuple[int, Misspelling]]:
        """(0-based line, misspelling) for every misspelt word of a whole script."""
        state = LineState()
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for number, line in enumerate(lines):
            found, state = self.check_line(line, state)
            for item in found:
                yield number, item

    # Suggestions ----------------------------------------------------------------------------
    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        """Corrections for ``word``, likeliest first, in the word's own case (``Teh`` ->
        ``The``, ``TEH`` -> ``THE``).

        Words one edit away come first, ranked by how common they are and by the kind of
        slip that would have made the typo: swapped letters (``teh``) and a dropped letter
        (``signd`` -> ``signed``, not the commoner ``sign``) before a wrong letter, and an
        extra letter last. Two edits away only when one finds nothing."""
        checker = self.load()
        folded = _fold(word)

        def score(candidate: str) -> float:
            return math.log10(checker[candidate] + 1) + _slip_bonus(folded, candidate)

        near = checker.known(checker.edit_distance_1(folded))
        ranked = sorted(near, key=lambda w: (-score(w), w))
        if not ranked and len(folded) <= _MAX_SUGGEST_DISTANCE_2:
            far = checker.known(checker.edit_distance_2(folded))
            ranked = sorted(far, key=lambda w: (-checker[w], w))
        return [_same_case(word, candidate) for candidate in ranked[:limit]]


def script_of(word: str) -> str:
    """The writing system of ``word``'s first letter, as Unicode names it (``LATIN``,
    ``CYRILLIC``, ``ARABIC``, ``GREEK``, ``HANGUL``...)."""
    for ch in word:
        if ch.isalpha():
            return unicodedata.name(ch, "").split(" ", 1)[0]
    return ""


def _slip_bonus(typo: str, candidate: str) -> float:
    """How likely the slip from ``candidate`` to ``typo`` is, as a bonus to its log
    frequency (one edit apart): swapped letters, then a letter dropped or doubled
    (``leter``, ``watter``), then a wrong letter, then any other extra letter."""
    if len(candidate) == len(typo):
        return 1.5 if sorted(candidate) == sorted(typo) else 0.3
    if len(candidate) > len(typo):
        return 1.0
    pairs = zip(typo, candidate, strict=False)  # the typo is one letter longer
    extra = next((i for i, (a, b) in enumerate(pairs) if a != b), len(candidate))
    doubled = (extra > 0 and typo[extra] == typo[extra - 1]) or (
        extra + 1 < len(typo) and typo[extra] == typo[extra + 1]
    )
    return 1.2 if doubled else 0.0


def _fold(word: str) -> str:
    return word.translate(_APOSTROPHES).casefold()


def _same_case(model: str, word: str) -> str:
    letters = [ch for ch in model if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return word.upper()
    if letters and letters[0].isupper():
        return word[:1].upper() + word[1:]
    return word


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) for each word worth checking: two letters or more, no digits."""
    for match in _WORD.finditer(text):
        token = match.group()
        if len(token) < 2 or any(ch.isdigit() for ch in token):
            continue
        yield match.start(), match.end(), token


# The script's vocabulary -------------------------------------------------------------------

_TITLE_NAMES = ("title", "credit", "author", "authors", "source", "contact", "copyright")


def script_vocabulary(script: Script) -> set[str]:
    """Words the script itself makes known: every word of its cues (character names),
    of its scene headings (locations, times of day), of its title page's names and of
    its transitions."""
    from reelwright.screenplay.stats import printed

    known: set[str] = set()

    def add(text: str) -> None:
        for _, _, word in words(printed(text)):
            known.add(_fold(word))

    for element in script.elements:
        if element.type in (
            ElementType.CHARACTER,
            ElementType.SCENE_HEADING,
            ElementType.TRANSITION,
        ):
            add(element.text)
    for key, value in script.title_page.items():
        if key.casefold() in _TITLE_NAMES:
            add(value)
    return known


# The script's own dictionary, inside the script ------------------------------------------


def script_dictionary(text: str) -> list[str]:
    """The words of the script's dictionary (every dictionary section of its data block,
    an earlier version's separate block included; see the module docstring)."""
    if "Reelwright" not in text:
        return []
    found: list[str] = []
    seen: set[str] = set()
    for lines in data_block.read(text).every(data_block.DICTIONARY):
        for word in re.split(r"[\s,]+", " ".join(lines)):
            if word and _fold(word) not in seen:
                seen.add(_fold(word))
                found.append(word)
    return found


def _section_lines(words_: list[str]) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in words_:
        if current and len(current) + 1 + len(word) > 78:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    return lines


def with_script_words(text: str, added: Iterable[str] = (), removed: Iterable[str] = ()) -> str:
    """``text`` with its dictionary holding ``added`` and not ``removed``: the dictionary
    section of the data block at the end of the script, made when there is none and removed
    when it empties; the script above is left as it is.

    Raises :class:`ReelwrightError` when a new block would follow a ``/*`` the script never
    closes (see ``data_block``)."""
    current = script_dictionary(text)
    gone = {_fold(word) for word in removed}
    kept = [word for word in current if _fold(word) not in gone]
    folded = {_fold(word) for word in kept}
    for word in added:
        for part in re.split(r"[\s,]+", word):
            if "*/" in part or part.startswith("["):
                continue  # would end the comment or read as a section header
            if part and _fold(part) not in folded and _fold(part) not in gone:
                kept.append(part)
                folded.add(_fold(part))
    kept.sort(key=_fold)
    if kept == current:
        return text
    return data_block.edit_section(text, data_block.DICTIONARY, _section_lines(kept))


# The writer's dictionary --------------------------------------------------------------------


class UserDictionary:
    """The writer's own words, one per line in a UTF-8 file (written atomically)."""

    FILE_NAME = "dictionary.txt"

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    @classmethod
    def in_folder(cls, folder: str | os.PathLike[str]) -> UserDictionary:
        """The writer's dictionary in Reelwright's data folder (``models.store.data_dir``)."""
        return cls(Path(folder) / cls.FILE_NAME)

    def words(self) -> list[str]:
        try:
            text = self.path.read_text("utf-8", errors="replace")
        except OSError:
            return []
        return [line.strip() for line in text.splitlines() if line.strip()]

    def add(self, word: str) -> None:
        current = self.words()
        if _fold(word) in {_fold(w) for w in current}:
            return
        current.append(word.strip())
        self.save(current)

    def remove(self, word: str) -> None:
        self.save([w for w in self.words() if _fold(w) != _fold(word)])

    def save(self, words_: Iterable[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, "".join(f"{w}\n" for w in sorted(words_, key=_fold)))
