"""The script's own material for the structured actions: trailer moments and a coverage
plan for shots. The model chooses and orders from these (the JSON schema lists their ids
as an enumeration); it cannot invent a beat or a shot that is not in the script.

- **Trailer moments** (a trailer is cut from the film): scene openings, character
  introductions (a name in capitals in action, the Fountain habit for a first
  appearance), short charged lines of dialogue, the writer's synopses, and the openings
  of the scenes at the turning points (a quarter, half, three quarters and nine tenths of
  the way). Each moment belongs to a phase of the trailer's shape (world, disruption,
  escalation, climax) by where its scene sits in the script.
- **Coverage plan** for one scene: an establishing shot for a new location, a single for
  each speech (an over-the-shoulder when two people talk), inserts for props written in
  capitals, close-ups on charged lines and reactions, a POV where the action says someone
  looks or sees.

Qt-free and model-free.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reelwright.models.prompting import Scene, Story, first_sentence
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.vocabulary import cue_name, strip_notes

PHASES = ("world", "disruption", "escalation", "climax")
PHASE_ENDS = (0.2, 0.45, 0.8, 1.01)
"""Where each phase ends, as a share of the script's scenes."""
TURNING_POINTS = (0.25, 0.5, 0.75, 0.9)
MOMENTS_PER_PHASE = 6
LINE_WORDS = (2, 14)
"""A trailer line is short: this many words at least and at most."""
QUOTE_WORDS = 6
"""Shot descriptions quote the first words of the line they cover, as shot lists do."""

_CAPS_WORD = re.compile(r"\b[^\W\d_][^\W\d_'’-]*[^\W\d_]\b")
_LOOKS = re.compile(
    r"\b(?:POV|sees|spots|watches|looks (?:at|up|down|out|through)|stares|peers|glances)\b",
    re.IGNORECASE,
)


def _flat(text: str) -> str:
    return " ".join(strip_notes(text).replace("*", "").replace("_", "").split())


def _words(text: str) -> int:
    return len(text.split()) if " " in text.strip() else max(1, len(text.strip()) // 2)


def _phase(position: float) -> str:
    for name, end in zip(PHASES, PHASE_ENDS, strict=True):
        if position < end:
            return name
    return PHASES[-1]


# --- trailer moments ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Moment:
    """One candidate beat of a trailer, taken from the script."""

    id: str
    scene: int
    """The scene number."""
    kind: str
    """"opening", "introduction", "line", "synopsis" or "turn"."""
    text: str
    """What we see (an action sentence, a synopsis) or the line spoken."""
    speaker: str | None
    place: str | None
    phase: str

    def label(self) -> str:
        """One line for the prompt: ``M3 (scene 4, line) MARGIT: "Nobody leaves."``."""
        said = f'{self.speaker}: "{self.text}"' if self.speaker else self.text
        return f"{self.id} (scene {self.scene}, {self.kind}) {said}"

    def picture(self, language: str = "en") -> str:
        """What the beat shows: the script's sentence, or who speaks where."""
        if not self.speaker:
            return self.text
        if language != "en":
            return f"{self.speaker} - {self.place}" if self.place else self.speaker
        where = f" in the {self.place.lower()}" if self.place else ""
        return f"{_name(self.speaker)}{where}, speaking."


def _name(name: str) -> str:
    """A cue name as action prose writes it after its introduction: ``Margit``."""
    return name.title() if name.isupper() else name


def _scene_position(story: Story, index: int) -> float:
    scenes = [i for i, s in enumerate(story.scenes) if s.heading is not None]
    if len(scenes) <= 1:
        return 0.0
    return scenes.index(index) / (len(scenes) - 1) if index in scenes else 0.0


OPENING_WORDS = 5
"""An opening shorter than this (``Cold.``) takes the next sentence with it: a beat needs
something to show."""


def _opening(flat: str) -> str:
    sentences = [p for p in re.split(r"(?<=[.!?。！？])\s*", flat) if p.strip()]
    text = ""
    for sentence in sentences:
        text = f"{text} {sentence}".strip()
        if _words(text) >= OPENING_WORDS:
            break
    return text if len(text) <= 200 else first_sentence(text, 200)


def _introductions(scene: Scene, names: set[str], seen: set[str]) -> list[str]:
    found = []
    for element in scene.elements:
        if element.type is not ElementType.ACTION:
            continue
        flat = _flat(element.text)
        for name in names - seen:
            if re.search(rf"(?<![\w']){re.escape(name)}(?![\w'])", flat):
                seen.add(name)
                stop = flat.rfind(". ", 0, flat.find(name))
                sentence = first_sentence(flat[stop + 2 if stop >= 0 else 0 :], 140)
                if sentence not in found:
                    found.append(sentence)
    return found


def _best_line(scene: Scene, rank: dict[str, int]) -> tuple[str, str] | None:
    best: tuple[float, str, str] | None = None
    speaker = None
    for element in scene.elements:
        if element.type is ElementType.CHARACTER:
            speaker = cue_name(element.text)
        elif element.type is ElementType.DIALOGUE and speaker:
            line = _flat(element.text)
            count = _words(line)
            if not LINE_WORDS[0] <= count <= LINE_WORDS[1]:
                continue
            score = 0.0
            score += 1.0 if line.endswith(("!", "?", "！", "？")) else 0.0
            score += 1.0 if count <= 8 else 0.0
            score += 1.0 if rank.get(speaker, 99) < 3 else 0.0
            if best is None or score > best[0]:
                best = (score, speaker, line)
        elif element.type is not ElementType.PARENTHETICAL:
            speaker = None
    return (best[1], best[2]) if best else None


def trailer_moments(story: Story, language: str = "en") -> list[Moment]:
    """Candidate beats, in script order, at most ``MOMENTS_PER_PHASE`` per phase; none
    that would show and say much the same as a better one (the ``dup`` rule, on the beat
    the moment makes in ``language``)."""
    from reelwright.models.quality import beat_item, repeats

    rank = {name: i for i, name in enumerate(story.characters)}
    names = {n for n in story.characters if n.isupper() and len(n) > 1}
    seen: set[str] = set()
    turns = set()
    headed = [i for i, s in enumerate(story.scenes) if s.heading is not None]
    for point in TURNING_POINTS:
        if headed:
            turns.add(headed[min(len(headed) - 1, round(point * (len(headed) - 1)))])
    by_phase: dict[str, list[tuple[float, int, Moment]]] = {p: [] for p in PHASES}
    order = 0
    for index in headed:
        scene = story.scenes[index]
        phase = _phase(_scene_position(story, index))
        place = scene.location
        found: list[tuple[float, str, str, str | None]] = []
        synopsis = next((e for e in scene.elements if e.type is ElementType.SYNOPSIS), None)
        if synopsis is not None and _flat(synopsis.text):
            found.append((3.0, "synopsis", first_sentence(_flat(synopsis.text), 160), None))
        action = next((e for e in scene.elements if e.type is ElementType.ACTION), None)
        if action is not None and _flat(action.text):
            kind = "turn" if index in turns else "opening"
            score = 2.5 if kind == "turn" else 1.0
            found.append((score, kind, _opening(_flat(action.text)), None))
        for sentence in _introductions(scene, names, seen)[:1]:
            found.append((2.0, "introduction", sentence, None))
        line = _best_line(scene, rank)
        if line is not None:
            found.append((2.2, "line", line[1], line[0]))
        texts: set[str] = set()
        for score, kind, text, speaker in found:
            if text in texts:
                continue
            texts.add(text)
            order += 1
            moment = Moment("", scene.number, kind, text, speaker, place, phase)
            by_phase[phase].append((score, order, moment))
    chosen: list[tuple[int, Moment]] = []
    shown: list[str] = []
    for phase in PHASES:
        taken = 0
        for _, o, m in sorted(by_phase[phase], key=lambda item: (-item[0], item[1])):
            if taken >= MOMENTS_PER_PHASE:
                break
            item = beat_item({"picture": m.picture(language), "line": m.text if m.speaker else ""})
            if repeats(item, shown) is not None:
                continue
            shown.append(item)
            chosen.append((o, m))
            taken += 1
    chosen.sort(key=lambda item: item[0])
    return [
        Moment(f"M{i}", m.scene, m.kind, m.text, m.speaker, m.place, m.phase)
        for i, (_, m) in enumerate(chosen, 1)
    ]


def moments_by_phase(moments: list[Moment]) -> dict[str, list[Moment]]:
    """Moments of each phase; a phase with none borrows from its neighbours (a short
    script may have only a few scenes)."""
    out = {p: [m for m in moments if m.phase == p] for p in PHASES}
    for i, phase in enumerate(PHASES):
        if out[phase]:
            continue
        for step in (1, -1, 2, -2, 3, -3):
            j = i + step
            if 0 <= j < len(PHASES) and [m for m in moments if m.phase == PHASES[j]]:
                out[phase] = [m for m in moments if m.phase == PHASES[j]]
                break
    return out


# --- coverage plan ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlannedShot:
    """One shot the scene calls for; the model picks, sizes and angles these."""

    id: str
    kind: str
    """"establishing", "single", "over-the-shoulder", "insert", "close-up", "reaction",
    "pov" or "wide"."""
    subject: str
    action: str
    """What the shot covers, in our words and the script's (the first words of a line)."""
    order: int
    """Position in the scene: shots play in this order."""

    def label(self) -> str:
        return f"{self.id} {self.kind}: {self.subject} - {self.action}"


def _quote(line: str) -> str:
    words = line.strip('"“”«»「」 ').split()
    if len(words) <= QUOTE_WORDS:
        return line
    return " ".join(words[:QUOTE_WORDS]).rstrip(",;:") + "..."


_NOT_PROPS = re.compile(r"(?:LY|ED|ING)$")
"""Capitals on an adverb, a past tense or a gerund are emphasis (SLAMMED), not a prop."""


def _props(text: str, names: set[str], place: str | None, common: frozenset[str]) -> list[str]:
    """Words written in capitals in an action paragraph that name no character or place:
    the Fountain habit for a prop or a sound the audience must notice."""
    skip = set(names) | {w for n in names for w in n.split()}
    if place:
        skip |= set(place.split())
    runs: list[list[str]] = []
    end = -1
    for match in _CAPS_WORD.finditer(text):
        word = match.group()
        if not word.isupper():
            end = -1
            continue
        joined = end >= 0 and not text[end : match.start()].strip()
        if joined:
            runs[-1].append(word)
        else:
            runs.append([word])
        end = match.end()
    props = []
    for run in runs:
        if any(word in skip for word in run):
            continue  # a name written in full (NORA WILDE) or the place
        for word in run:
            if len(word) < 3 or word in props or _NOT_PROPS.search(word):
                continue
            if word.casefold() in common:
                continue
            props.append(word)
    return props


def coverage_plan(story: Story, index: int, language: str = "en") -> list[PlannedShot]:
    """The shots scene ``index`` calls for, in the order they play. Descriptions are in
    English for English scripts; other languages get the script's own words only (names,
    places, the first words of lines)."""
    from reelwright.models.quality import common_words, repeats, shot_item

    english = language == "en"
    common = common_words(language) | common_words("en")
    scene = story.scenes[index]
    names = set(story.characters)
    place = scene.location
    previous = story.scenes[index - 1].location if index > 0 else None
    plan: list[tuple[str, str, str]] = []
    if place and place != previous:
        plan.append(("establishing", place, f"The {place.lower()}." if english else place))
    elif place:
        plan.append(("wide", place, f"The {place.lower()}, everyone in it." if english else place))
    speakers = scene.speakers()
    speaker = None
    last_line_by: str | None = None
    for element in scene.elements:
        kind = element.type
        if kind is ElementType.ACTION:
            flat = _flat(element.text)
            for prop in _props(flat, names, place, common)[:2]:
                plan.append(("insert", prop, f"The {prop.lower()}." if english else prop))
            looks = _LOOKS.search(flat)
            if looks:
                who = next(
                    (n for n in speakers or story.characters if n.casefold() in flat.casefold()),
                    None,
                )
                if who:
                    seen = f"What {_name(who)} sees." if english else f"POV {who}"
                    plan.append(("pov", who, seen))
            speaker = None
        elif kind is ElementType.CHARACTER:
            speaker = cue_name(element.text)
        elif kind is ElementType.DIALOGUE and speaker:
            line = _flat(element.text)
            others = [s for s in speakers if s != speaker]
            quoted = f'{_name(speaker)}: "{_quote(line)}"'
            charged = line.endswith(("!", "?", "！", "？")) or _words(line) <= 4
            if charged:
                plan.append(("close-up", speaker, quoted))
            elif others and last_line_by and last_line_by != speaker:
                plan.append(("over-the-shoulder", f"{speaker} over {last_line_by}", quoted))
            else:
                plan.append(("single", speaker, quoted))
            if charged and others:
                listener = last_line_by if last_line_by and last_line_by != speaker else others[0]
                took = f"{_name(listener)} takes it in." if english else f"{listener} ({speaker})"
                plan.append(("reaction", listener, took))
            last_line_by = speaker
    # A shot much like one already planned (the ``dup`` rule) is the same setup: one shot
    # covers both (two close-ups of NORA on "No!" and "Go!" are one close-up).
    kept: list[tuple[str, str, str]] = []
    covered: list[str] = []
    for kind, subject, action in plan:
        item = shot_item({"subject": subject, "action": action})
        if repeats(item, covered) is None:
            kept.append((kind, subject, action))
            covered.append(item)
    return [
        PlannedShot(f"S{i}", kind, subject, action, i)
        for i, (kind, subject, action) in enumerate(kept, 1)
    ]


__all__ = [
    "PHASES",
    "Moment",
    "PlannedShot",
    "coverage_plan",
    "moments_by_phase",
    "trailer_moments",
]
