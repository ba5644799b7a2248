"""What to offer while the writer types: names, locations, times of day, heading prefixes.

Pure Python, fed from the last parse (:class:`CompletionData`) and asked about the line
being typed (:func:`completion_context`). The editor shows the answer in a ``QCompleter``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reelwright.desktop.linekinds import HEADING_PREFIXES, HEADING_RE, Kind, cue_name
from reelwright.screenplay.elements import ElementType, Script

TIMES_OF_DAY = (
    "DAY",
    "NIGHT",
    "MORNING",
    "AFTERNOON",
    "EVENING",
    "DUSK",
    "DAWN",
    "LATER",
    "CONTINUOUS",
    "MOMENTS LATER",
    "SAME",
)
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
_TIME_SPLIT = re.compile(r"\s+[-–—]+\s+")


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
    def from_script(cls, script: Script) -> CompletionData:
        data = cls()
        scene_line: int | None = None
        for element in script.elements:
            if element.type is ElementType.SCENE_HEADING:
                scene_line = element.start_line
                data.scene_characters.setdefault(scene_line, [])
                location, time = split_heading(element.text)
                if location:
                    data.locations[location] += 1
                if time:
                    data.times[time] += 1
            elif element.type is ElementType.CHARACTER:
                name = cue_name(element.text)
                if not name:
                    continue
                data.characters[name] += 1
                if scene_line is not None:
                    speakers = data.scene_characters[scene_line]
                    if name in speakers:
                        speakers.remove(name)
                    speakers.insert(0, name)
            elif element.type is ElementType.TRANSITION:
                data.transitions[element.text.strip()] += 1
        return data

    def ranked_characters(self, scene_line: int | None) -> list[str]:
        """Speakers of the current scene first (latest first), then everyone by frequency."""
        first = list(self.scene_characters.get(scene_line, [])) if scene_line is not None else []
        rest = [name for name, _ in self.characters.most_common() if name not in first]
        return first + rest


def split_heading(text: str) -> tuple[str, str]:
    """``INT. KITCHEN - NIGHT`` -> (``KITCHEN``, ``NIGHT``)."""
    body = text.strip()
    match = HEADING_RE.match(body)
    if match:
        body = body[match.end() :].strip()
    elif body.startswith("."):
        body = body[1:]
    body = re.sub(r"\s*#[\w.\-]+#\s*$", "", body)
    parts = _TIME_SPLIT.split(body, maxsplit=1)
    location = parts[0].strip().upper()
    time = parts[1].strip().upper() if len(parts) > 1 else ""
    return location, time


@dataclass(frozen=True, slots=True)
class Context:
    start: int
    """Where the typed prefix starts in the line (Python index)."""
    prefix: str
    candidates: list[str]


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


def completion_context(
    line: str,
    column: int,
    kind: Kind | None,
    data: CompletionData,
    scene_line: int | None,
    after_blank: bool,
) -> Context | None:
    """What can complete the text left of ``column`` in ``line``, or None."""
    if column != len(line) or column == 0:
        return None
    before = line[:column]
    if kind is Kind.CHARACTER:
        if "(" in before:
            return None
        lead = len(before) - len(before.lstrip("@ "))
        prefix = before[lead:]
        names = data.ranked_characters(scene_line)
        found = _matching(prefix, names + list(TRANSITIONS) + list(data.transitions))
        return Context(lead, prefix, found) if found else None
    if kind is Kind.SCENE_HEADING:
        match = HEADING_RE.match(before.lstrip())
        if match is None:
            return None
        lead = len(before) - len(before.lstrip()) + match.end()
        rest = before[lead:]
        splits = list(_TIME_SPLIT.finditer(rest))
        time_match = splits[-1] if splits else None
        if time_match is not None:
            start = lead + time_match.end()
            prefix = before[start:]
            times = [t for t, _ in data.times.most_common()] + list(TIMES_OF_DAY)
            found = _matching(prefix, times) if prefix else times[:12]
            return Context(start, prefix, list(dict.fromkeys(found))) if found else None
        start = lead + (len(rest) - len(rest.lstrip()))
        prefix = before[start:]
        if not prefix:
            return None
        found = _matching(prefix, [loc for loc, _ in data.locations.most_common()])
        return Context(start, prefix, found) if found else None
    if after_blank and kind in (Kind.ACTION, None) and len(before) <= 8:
        stripped = before.strip()
        if stripped and (stripped.isupper() or stripped.endswith(".")):
            found = _matching(stripped, [p.rstrip() for p in HEADING_PREFIXES])
            if found:
                return Context(len(before) - len(before.lstrip()), stripped, found)
            if stripped.isupper():
                names = data.ranked_characters(scene_line)
                found = _matching(stripped, names + list(TRANSITIONS))
                return (
                    Context(len(before) - len(before.lstrip()), stripped, found) if found else None
                )
    return None
