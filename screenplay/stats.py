"""Script facts: scenes, characters, locations, words and an estimated running time.

Read by ``reelwright stats``, the navigator and the co-writer (which names the characters
and the current scene in its prompt). Computed from the element model alone; the running
time uses the shared pagination (one printed page is about one minute of screen time).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from reelwright.screenplay import vocabulary
from reelwright.screenplay.elements import ElementType, Script
from reelwright.screenplay.vocabulary import Heading, character_name, printed_text

if TYPE_CHECKING:
    from reelwright.screenplay.print_setup import PrintSetup

T = ElementType

_WORD = re.compile(rf"[{vocabulary.CJK_LETTERS}]|[^\s{vocabulary.CJK_LETTERS}]+")


@dataclass(frozen=True)
class SceneFact:
    number: int
    """The scene's place in the script, from 1."""
    heading: str
    """The heading as printed: emphasis and notes removed."""
    scene_number: str | None
    """The number written in the script (``#12A#``), if any."""
    int_ext: str
    """``INT``, ``EXT``, ``INT/EXT``, ``EST``, or empty for a forced heading without one."""
    location: str
    time_of_day: str
    line: int
    """0-based source line of the heading."""
    element_index: int


@dataclass(frozen=True)
class CharacterFact:
    name: str
    """The cue without extensions (``MAYA`` for ``MAYA (V.O.)``)."""
    speeches: int
    words: int


@dataclass(frozen=True)
class LocationFact:
    name: str
    scenes: int


@dataclass
class ScriptFacts:
    title: str | None
    scenes: list[SceneFact] = field(default_factory=list)
    characters: list[CharacterFact] = field(default_factory=list)
    """Most speeches first."""
    locations: list[LocationFact] = field(default_factory=list)
    """Most scenes first."""
    words: int = 0
    """Words printed in the body (title page, notes, sections and synopses left out)."""
    pages: int = 0
    """Printed pages with the print setup given (paper, profile, options and the script's
    own ``fmt:`` key; the defaults print as Final Draft does), title page not counted."""
    runtime_minutes: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "title": self.title,
            "scenes": [asdict(s) for s in self.scenes],
            "characters": [asdict(c) for c in self.characters],
            "locations": [asdict(loc) for loc in self.locations],
            "words": self.words,
            "pages": self.pages,
            "runtime_minutes": self.runtime_minutes,
        }


def words(text: str) -> list[str]:
    """The words of printed text, each Chinese or Japanese character one word (as word
    processors count them); punctuation alone is no word."""
    return [w for w in _WORD.findall(text) if any(ch.isalnum() for ch in w)]


def count_words(text: str) -> int:
    """The one word count: statistics, reports, the status bar, writing goals and draft
    comparison all read it."""
    return len(words(text))


def printed(text: str) -> str:
    """Text as it prints: notes and emphasis markers removed (the vocabulary's rule)."""
    return printed_text(text)


def cue_name(text: str) -> str:
    """``MAYA (V.O.) (CONT'D)`` -> ``MAYA``; upper case, as cues print (the vocabulary's
    :func:`~reelwright.screenplay.vocabulary.character_name`)."""
    return character_name(text)


def split_heading(heading: str) -> Heading:
    """``INT. HOUSE - KITCHEN - DAY`` -> (``INT``, ``HOUSE - KITCHEN``, ``DAY``), upper case
    and as printed (the vocabulary's one location/time split)."""
    return vocabulary.split_heading(printed(heading).upper())


def script_facts(script: Script, setup: PrintSetup | None = None) -> ScriptFacts:
    """Scenes, speakers, places, words and pages of ``script``; the pages are counted
    with ``setup`` (the one print setup the editor and the PDF read; default: Final
    Draft's, on the locale's paper) and the script's own ``fmt:`` options."""
    title = vocabulary.title_value_text(script.title_value("title") or "")
    facts = ScriptFacts(title=title or None)
    speeches: dict[str, int] = {}
    words: dict[str, int] = {}
    locations: dict[str, int] = {}
    speaker: str | None = None
    total = 0
    for index, element in enumerate(script.elements):
        kind = element.type
        if kind in (T.NOTE, T.SECTION, T.SYNOPSIS, T.PAGE_BREAK):
            continue
        text = printed(element.text)
        count = count_words(text)
        total += count
        if kind is T.CHARACTER:
            speaker = cue_name(element.text)
            speeches[speaker] = speeches.get(speaker, 0) + 1
            words.setdefault(speaker, 0)
        elif kind in (T.DIALOGUE, T.LYRICS) and speaker is not None:
            words[speaker] += count
        elif kind is not T.PARENTHETICAL:
            speaker = None
        if kind is T.SCENE_HEADING:
            int_ext, location, time_of_day = split_heading(element.text)
            facts.scenes.append(
                SceneFact(
                    number=len(facts.scenes) + 1,
                    heading=text.strip(),
                    scene_number=element.scene_number,
                    int_ext=int_ext,
                    location=location,
                    time_of_day=time_of_day,
                    line=element.start_line,
                    element_index=index,
                )
            )
            if location:
                locations[location] = locations.get(location, 0) + 1
    facts.words = total
    facts.characters = sorted(
        (CharacterFact(name, speeches[name], words[name]) for name in speeches),
        key=lambda c: (-c.speeches, -c.words, c.name),
    )
    facts.locations = sorted(
        (LocationFact(name, n) for name, n in locations.items()), key=lambda x: (-x.scenes, x.name)
    )
    if script.elements:
        # Imported here: pagination pulls in the layout, which stats alone does not need.
        from reelwright.screenplay.pagination import paginate
        from reelwright.screenplay.print_setup import PrintSetup

        setup = (setup or PrintSetup()).for_script(script)
        facts.pages = paginate(script, setup.layout, setup.options).page_count
        facts.runtime_minutes = facts.pages  # a page of screenplay is about a minute
    return facts
