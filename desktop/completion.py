"""What to offer while the writer types: names, locations, times of day, prefixes, transitions.

Pure Python, fed from the last parse (:class:`CompletionData`) and asked about the line
being typed (:func:`completion_context`). The editor shows the answer in a ``QCompleter``.
What a name, a heading's location or its time of day *is* comes from the core's Fountain
vocabulary (:mod:`reelwright.screenplay.vocabulary`), the same rules the parser and the
statistics use: ``INT. HOUSE - KITCHEN - DAY`` offers the location ``HOUSE - KITCHEN`` and
the time ``DAY`` here as everywhere, and a transition (``MATCH CUT TO:``) is never offered
as a character.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from reelwright.screenplay.elements import ElementType, Script
from reelwright.screenplay.lines import Kind
from reelwright.screenplay.vocabulary import (
    FORCE_HEADING,
    FORCE_TRANSITION,
    HEADING_PREFIXES,
    HEADING_RE,
    TIME_SEPARATOR_RE,
    TIMES_OF_DAY,
    TRANSITIONS,
    cue_name,
    forces_heading,
    is_transition_name,
    split_heading,
)

What = Literal["name", "transition", "prefix", "location", "time"]


@dataclass(frozen=True, slots=True)
class LiveNames:
    """Cue names the editor shows above the caret, latest first."""

    scene: Sequence[str] = ()
    """In the caret's scene."""
    earlier: Sequence[str] = ()
    """In the scenes before it."""


@dataclass(slots=True)
class CompletionData:
    """Names and places known from the last parse."""

    characters: Counter[str] = field(default_factory=Counter)
    scene_characters: dict[int, list[str]] = field(default_factory=dict)
    """Scene heading line -> speakers in that scene, most recent first."""
    locations: Counter[str] = field(default_factory=Counter)
    times: Counter[str] = field(default_factory=Counter)
    transitions: Counter[str] = field(default_factory=Counter)

    @classmethod
    def from_script(cls, script: Script, pause: Callable[[], None] | None = None) -> CompletionData:
        """Names, places and transitions of ``script``; ``pause`` is called every few
        elements (the analysis' worker hands the interpreter over in it)."""
        data = cls()
        scene_line: int | None = None
        for index, element in enumerate(script.elements):
            if pause is not None and index % 32 == 0:
                pause()
            if element.type is ElementType.SCENE_HEADING:
                scene_line = element.start_line
                data.scene_characters.setdefault(scene_line, [])
                heading = split_heading(element.text)
                if heading.location:
                    data.locations[heading.location.upper()] += 1
                if heading.time:
                    data.times[heading.time.upper()] += 1
            elif element.type is ElementType.CHARACTER:
                name = cue_name(element.text)
                if not name or is_transition_name(name):
                    continue
                data.characters[name] += 1
                if scene_line is not None:
                    speakers = data.scene_characters[scene_line]
                    if name in speakers:
                        speakers.remove(name)
                    speakers.insert(0, name)
            elif element.type is ElementType.TRANSITION:
                data.transitions[" ".join(element.text.split())] += 1
        return data

    def ranked_characters(self, scene_line: int | None, live: LiveNames | None = None) -> list[str]:
        """Speakers of the current scene first (latest first), then everyone by frequency.

        ``live``: the cues above the caret as the editor shows them now (the last parse may
        be older than the last cue typed): the scene's lead, the earlier ones come last."""
        live = live or LiveNames()
        first = list(self.scene_characters.get(scene_line, [])) if scene_line is not None else []
        first = list(dict.fromkeys([*live.scene, *first]))
        rest = [name for name, _ in self.characters.most_common() if name not in first]
        known = set(first) | set(rest)
        return first + rest + [name for name in live.earlier if name not in known]

    def ranked_transitions(self) -> list[str]:
        """The script's own transitions by frequency, then the common ones."""
        own = [name for name, _ in self.transitions.most_common()]
        return list(dict.fromkeys(own + list(TRANSITIONS)))


@dataclass(frozen=True, slots=True)
class Context:
    start: int
    """Where the typed prefix starts in the line (Python index)."""
    prefix: str
    candidates: list[str]
    what: What = "name"
    """What is offered: the editor moves on after a name, a transition or a time of day,
    and goes on inside the heading after a prefix or a location."""


def _matching(prefix: str, candidates: list[str], limit: int = 12) -> list[str]:
    wanted = prefix.casefold()
    out: list[str] = []
    for candidate in candidates:
        folded = candidate.casefold()
        if folded.startswith(wanted) and folded != wanted and candidate not in out:
            out.append(candidate)
        if len(out) >= limit:
            break
    return out


def _heading_context(before: str, data: CompletionData) -> Context | None:
    """Location after the prefix (or after a forcing ``.``), time of day after the dash."""
    stripped = before.lstrip()
    lead = len(before) - len(stripped)
    if forces_heading(stripped):
        lead += len(FORCE_HEADING)
    else:
        match = HEADING_RE.match(stripped)
        if match is None:
            return None
        lead += match.end()
    rest = before[lead:]
    splits = list(TIME_SEPARATOR_RE.finditer(rest))
    if splits:
        start = lead + splits[-1].end()
        prefix = before[start:]
        times = list(dict.fromkeys([t for t, _ in data.times.most_common()] + list(TIMES_OF_DAY)))
        found = _matching(prefix, times) if prefix else times[:12]
        return Context(start, prefix, found, "time") if found else None
    start = lead + (len(rest) - len(rest.lstrip()))
    prefix = before[start:]
    locations = [loc for loc, _ in data.locations.most_common()]
    if not prefix:
        # Right after the prefix (INT. ): the script's places, commonest first.
        if not before[-1:].isspace():
            return None
        return Context(start, "", locations[:12], "location") if locations else None
    found = _matching(prefix, locations)
    return Context(start, prefix, found, "location") if found else None


def completion_context(
    line: str,
    column: int,
    kind: Kind | None,
    data: CompletionData,
    scene_line: int | None,
    after_blank: bool,
    live: LiveNames | None = None,
) -> Context | None:
    """What can complete the text left of ``column`` in ``line``, or None; ``live``: the
    speakers above the caret as the editor shows them."""
    if column != len(line) or column == 0:
        return None
    before = line[:column]
    if kind is Kind.CHARACTER:
        if "(" in before or "（" in before:
            return None
        lead = len(before) - len(before.lstrip("@ "))
        prefix = before[lead:]
        found = _matching(prefix, data.ranked_characters(scene_line, live))
        return Context(lead, prefix, found, "name") if found else None
    if kind is Kind.TRANSITION:
        lead = len(before) - len(before.lstrip(FORCE_TRANSITION + " "))
        prefix = before[lead:]
        found = _matching(prefix, data.ranked_transitions())
        return Context(lead, prefix, found, "transition") if found else None
    if kind is Kind.SCENE_HEADING:
        return _heading_context(before, data)
    if after_blank and kind in (Kind.ACTION, Kind.BLANK, None) and len(before) <= 8:
        stripped = before.strip()
        lead = len(before) - len(before.lstrip())
        if stripped and (stripped.isupper() or stripped.endswith(".")):
            found = _matching(stripped, [p.rstrip() for p in HEADING_PREFIXES])
            if found:
                return Context(lead, stripped, found, "prefix")
            if stripped.isupper():
                found = _matching(stripped, data.ranked_characters(scene_line, live))
                return Context(lead, stripped, found, "name") if found else None
    return None
