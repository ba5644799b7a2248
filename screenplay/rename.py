"""Renaming a character, and replacing text, without changing what any line is.

Qt-free: the editor turns the :class:`Edit` list into one undo step; the tests and any
tool can use :func:`apply_edits`.

- :func:`rename_character` renames a speaker everywhere: every cue (with its extensions,
  its dual-dialogue ``^`` and a forcing ``@`` left as they are) and every mention in the
  script's elements (action, dialogue, parentheticals, headings...), as a whole word, with
  the case of each occurrence kept: ``JENNY`` becomes ``JENNA``, ``Jenny`` ``Jenna``,
  ``jenny`` ``jenna``. In Chinese, Japanese, Korean or Thai text, which does not set words
  apart with spaces, a name is found inside its sentence (张伟 in 张伟赶到医院; the
  vocabulary's word rule), except inside a longer name of the script that holds it (张伟明
  stays 张伟明 when 张伟 is renamed).
- :func:`plan_replace` is Find and Replace's Replace All: matches by case and whole words
  as asked, the replacement's case taken from each match when asked, and always upper
  case where a line's capitals are what make it a cue, a heading or a transition, so a
  replace-all never turns the ``JENNY`` cue into ``Jenna`` action.

Offsets are Python string indices within a line (the editor converts them to Qt's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.parser import parse
from reelwright.screenplay.vocabulary import (
    FORCE_CHARACTER,
    bounded,
    character_name,
    markup_char,
)

T = ElementType
_CASE_IS_MARKUP = frozenset({T.CHARACTER, T.SCENE_HEADING, T.TRANSITION})
"""Elements whose upper case is part of what makes them what they are."""


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace ``line[start:end]`` of line ``line`` with ``text``."""

    line: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class RenamePlan:
    edits: list[Edit] = field(default_factory=list)
    cues: int = 0
    """How many cue lines change."""
    mentions: int = 0
    """How many times the name changes elsewhere (action, dialogue, headings...)."""

    @property
    def count(self) -> int:
        return self.cues + self.mentions

    def summary(self, old: str, new: str) -> str:
        if not self.count:
            return f"{old} is not in the script"
        cues = f"{self.cues} cue{'s' if self.cues != 1 else ''}"
        mentions = f"{self.mentions} mention{'s' if self.mentions != 1 else ''}"
        return f"Renames {old} to {new}: {cues} and {mentions}"


def keep_case_of(found: str, replacement: str) -> str:
    """``replacement`` in the case of ``found``: all capitals, all small, or capitalised;
    anything else (``McClane``) keeps the replacement as written."""
    letters = [ch for ch in found if ch.isalpha()]
    if not letters or not replacement:
        return replacement
    if found.isupper():
        return replacement.upper()
    if found.islower():
        return replacement.lower()
    if found[:1].isupper() and "".join(letters[1:]).islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def word_pattern(
    words: str, *, match_case: bool = False, whole_words: bool = True, name: bool = False
) -> re.Pattern[str]:
    """A pattern for ``words``; in a ``name`` the spaces match any run of spaces. Whole
    words by the vocabulary's rule (:func:`~reelwright.screenplay.vocabulary.bounded`)."""
    parts = [re.escape(part) for part in words.split()] if name else []
    body = r"\s+".join(parts) if parts else re.escape(words)
    if whole_words:
        body = bounded(body, words.strip() if name else words)
    return re.compile(body, 0 if match_case else re.IGNORECASE)


def _element_lines(text: str) -> tuple[list[str], dict[int, ElementType], set[str]]:
    """The lines, the element type of each line that belongs to an element (the title
    page and the boneyard are left alone), and the names of the script's cues."""
    lines = text.split("\n")
    types: dict[int, ElementType] = {}
    names: set[str] = set()
    for element in parse(text).elements:
        for number in range(element.start_line, element.end_line):
            types[number] = element.type
        if element.type is T.CHARACTER:
            names.add(character_name(element.text))
    return lines, types, names


def _holding_names(old: str, names: set[str]) -> re.Pattern[str] | None:
    """The script's longer names that hold ``old`` run into their other letters (张伟明,
    小张伟 for 张伟): an occurrence inside one of them is that name, left alone. (A name
    holding it as a word, ``JENNY'S MOM``, mentions it and is renamed.)"""
    key = " ".join(old.split()).casefold()
    holding = [name for name in names if len(name) > len(key) and _touches(name.casefold(), key)]
    if not holding:
        return None
    alternatives = "|".join(re.escape(name) for name in sorted(holding, key=len, reverse=True))
    return re.compile(alternatives, re.IGNORECASE)


def _mentions(
    pattern: re.Pattern[str], line: str, start: int, kept: list[tuple[int, int]]
) -> list[re.Match[str]]:
    """The matches of ``pattern`` in ``line`` from ``start`` outside the ``kept`` spans."""
    return [
        match
        for match in pattern.finditer(line, start)
        if not any(s < match.end() and match.start() < e for s, e in kept)
    ]


def _touches(name: str, part: str) -> bool:
    """Does ``part`` occur in ``name`` run into a letter or digit on either side?"""
    start = name.find(part)
    while start >= 0:
        end = start + len(part)
        if (start and name[start - 1].isalnum()) or (end < len(name) and name[end].isalnum()):
            return True
        start = name.find(part, start + 1)
    return False


def _cue_name_span(line: str) -> tuple[int, int]:
    """Where the speaker's name sits in a cue line (after ``@`` or ``＠`` and spaces,
    before any extension or ``^``, half- or full-width)."""
    start = len(line) - len(line.lstrip())
    if markup_char(line[start : start + 1]) == FORCE_CHARACTER:
        start += 1
    while start < len(line) and line[start].isspace():
        start += 1
    end = start
    while end < len(line) and markup_char(line[end]) not in "(^":
        end += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end


def check_new_name(name: str) -> str | None:
    """Why ``name`` cannot be a character's name (None when it can)."""
    stripped = name.strip()
    if not stripped:
        return "the new name is empty"
    if "\n" in name or "\r" in name:
        return "a name is one line"
    bad = [ch for ch in "()（）^＾@＠[]［］" if ch in stripped]
    if bad:
        return f"a name cannot hold {bad[0]!r} (it is Fountain markup)"
    return None


def rename_character(text: str, old: str, new: str) -> RenamePlan:
    """Every change that renames the speaker ``old`` to ``new`` (see the module docstring).

    Raises ValueError (one sentence) for a new name that cannot be a name.
    """
    problem = check_new_name(new)
    if problem:
        raise ValueError(problem)
    new = " ".join(new.split())
    old_key = character_name(old)
    pattern = word_pattern(old, name=True)
    lines, types, names = _element_lines(text)
    holding = _holding_names(old, names - {old_key})
    plan = RenamePlan()
    for number, kind in sorted(types.items()):
        line = lines[number]
        kept = [(m.start(), m.end()) for m in holding.finditer(line)] if holding else []

        if kind is T.CHARACTER:
            start, end = _cue_name_span(line)
            if character_name(line) == old_key and start < end:
                written = line[start:end]
                plan.edits.append(Edit(number, start, end, _cue_case(written, new)))
                plan.cues += 1
                rest_from = end
            else:
                rest_from = 0
            # An extension may mention the name too: (JENNY'S VOICE)
            for match in _mentions(pattern, line, rest_from, kept):
                plan.edits.append(
                    Edit(number, match.start(), match.end(), _cue_case(match.group(), new))
                )
                plan.mentions += 1
            continue
        for match in _mentions(pattern, line, 0, kept):
            found = match.group()
            replacement = keep_case_of(found, new)
            if kind in _CASE_IS_MARKUP and found.isupper():
                replacement = replacement.upper()
            plan.edits.append(Edit(number, match.start(), match.end(), replacement))
            plan.mentions += 1
    plan.edits.sort()
    return plan


def _cue_case(written: str, new: str) -> str:
    """A cue's name stays a cue: capitals when written in capitals (the cue rule needs
    them); a forced mixed-case name keeps the case of the occurrence."""
    if written.isupper() or not any(ch.isalpha() for ch in written):
        return new.upper() if any(ch.isalpha() for ch in written) else new
    return keep_case_of(written, new)


def plan_replace(
    text: str,
    needle: str,
    replacement: str,
    *,
    match_case: bool = False,
    whole_words: bool = False,
    keep_case: bool = False,
) -> list[Edit]:
    """Replace All: every match of ``needle`` and what replaces it.

    Matches never span lines. Where a line's capitals make it a cue, a heading or a
    transition, a match written in capitals is replaced in capitals, so the line stays
    what it was.
    """
    if not needle or "\n" in needle:
        return []
    pattern = word_pattern(needle, match_case=match_case, whole_words=whole_words)
    lines, types, _names = _element_lines(text)
    edits: list[Edit] = []
    for number, line in enumerate(lines):
        kind = types.get(number)
        for match in pattern.finditer(line):
            found = match.group()
            new = keep_case_of(found, replacement) if keep_case else replacement
            if kind in _CASE_IS_MARKUP and found.isupper() and any(c.isalpha() for c in found):
                new = new.upper()
            edits.append(Edit(number, match.start(), match.end(), new))
    return edits


def find_matches(
    text: str, needle: str, *, match_case: bool = False, whole_words: bool = False
) -> list[Edit]:
    """Every match of ``needle`` (as edits that would keep it): Find's "n of N"."""
    if not needle or "\n" in needle:
        return []
    pattern = word_pattern(needle, match_case=match_case, whole_words=whole_words)
    return [
        Edit(number, match.start(), match.end(), match.group())
        for number, line in enumerate(text.split("\n"))
        for match in pattern.finditer(line)
    ]


def apply_edits(text: str, edits: list[Edit]) -> str:
    """``text`` with ``edits`` made (they must not overlap)."""
    lines = text.split("\n")
    for edit in sorted(edits, reverse=True):
        line = lines[edit.line]
        lines[edit.line] = line[: edit.start] + edit.text + line[edit.end :]
    return "\n".join(lines)
