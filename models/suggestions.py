"""What an action hands back: a checked ``Suggestion``, and the checks themselves.

Every output is parsed by the core parser before it is offered. Script actions must parse
as the expected elements with known cues; structured actions must be valid JSON of their
schema and render to Fountain (shot lines, a trailer as a script, notes) that parses back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reelwright.models.prompting import cue_name
from reelwright.models.types import Finished
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.parser import parse

SCENE_TYPES = {
    ElementType.SCENE_HEADING,
    ElementType.ACTION,
    ElementType.CHARACTER,
    ElementType.PARENTHETICAL,
    ElementType.DIALOGUE,
    ElementType.TRANSITION,
}
SPEECH_TYPES = {ElementType.CHARACTER, ElementType.PARENTHETICAL, ElementType.DIALOGUE}
_HEADING_START = re.compile(r"^(?:INT|EXT|EST|I/E|INT\./EXT|INT/EXT)[. ]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Check:
    """The verdict on one output: ``ok`` or the ``problems`` (sentences for the writer);
    ``notes`` say what was done to it (an unfinished last element cut, timings scaled)."""

    ok: bool
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": list(self.problems), "notes": list(self.notes)}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The final result for one alternative.

    ``text`` is Fountain for the script actions (next-scene, continue-dialogue,
    between-scenes, shots) and readable plain text for the others; ``data`` is the
    structured form (shots, trailer beats, logline, profile, marketing copy; for scene and
    dialogue actions the parsed elements). Only ``ok`` suggestions may be inserted.
    """

    action: str
    index: int
    text: str
    data: dict[str, Any] | None
    check: Check
    attempts: int
    raw: str
    """What the model wrote, before cutting or rendering."""
    finished: Finished | None = None

    @property
    def ok(self) -> bool:
        return self.check.ok

    @property
    def failure(self) -> str | None:
        return None if self.ok else "; ".join(self.check.problems) or "failed"

    def to_fountain(self) -> str:
        """Fountain to insert into a script (writer's notes for logline, profile, copy)."""
        if self.data is not None and "fountain" in self.data:
            return str(self.data["fountain"])
        return self.text

    def to_json(self) -> dict[str, Any]:
        data = {k: v for k, v in (self.data or {}).items() if k != "fountain"}
        out: dict[str, Any] = {
            "action": self.action,
            "index": self.index,
            "ok": self.ok,
            "attempts": self.attempts,
            "check": self.check.to_json(),
            "fountain": self.to_fountain() if self.ok else None,
            "data": data,
        }
        if self.finished is not None:
            out["finish_reason"] = self.finished.reason
            out["completion_tokens"] = self.finished.completion_tokens
            out["seconds"] = round(self.finished.seconds, 3)
        return out


def repeated_lines(text: str) -> tuple[int, int]:
    """(lines that repeat an earlier line, lines counted); cues and blank lines skipped."""
    seen: set[str] = set()
    repeats = total = 0
    for line in text.splitlines():
        key = " ".join(line.split()).casefold()
        if not key or (line.strip().isupper() and len(key.split()) <= 4):
            continue
        total += 1
        if key in seen:
            repeats += 1
        seen.add(key)
    return repeats, total


def safe_action(text: str) -> str:
    """``text`` as an action paragraph that cannot be read as anything else."""
    flat = " ".join(text.split())
    odd_start = flat[:1] in "!@#~=>.[(" or flat.startswith("/*")
    if _HEADING_START.match(flat) or (flat.isupper() and flat.endswith("TO:")) or odd_start:
        return "!" + flat
    return flat


def note(label: str, text: str) -> str:
    flat = " ".join(text.split()).replace("]]", "] ]")
    return f"[[{label}: {flat}]]"


# --- the checks --------------------------------------------------------------------------


def check_output(
    output: str,
    raw: str,
    *,
    truncated: bool,
    known: Sequence[str],
    new_character: str | None,
    context: dict[str, Any],
) -> tuple[str, dict[str, Any] | None, Check]:
    """Check one raw output; return (text, data, check)."""
    if output in ("scene", "dialogue"):
        return _check_fountain(output, raw, truncated, known, new_character)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        why = "it was cut off" if truncated else f"it is not valid JSON ({error.msg})"
        return raw, None, Check(False, (f"the answer is not usable: {why}",))
    if not isinstance(data, dict):
        return raw, None, Check(False, ("the answer is not a JSON object",))
    render = {
        "shots": _render_shots,
        "trailer": _render_trailer,
        "logline": _render_logline,
        "character": _render_character,
        "marketing": _render_marketing,
    }[output]
    try:
        text, fountain, notes = render(data, context)
    except (KeyError, TypeError, ValueError) as error:
        return raw, None, Check(False, (f"the answer misses a field or value: {error}",))
    problems = _check_rendered(output, fountain)
    data["fountain"] = fountain
    return text, data, Check(not problems, tuple(problems), tuple(notes))


def _check_fountain(
    output: str, raw: str, truncated: bool, known: Sequence[str], new_character: str | None
) -> tuple[str, dict[str, Any] | None, Check]:
    notes: list[str] = []
    text = raw.strip("\n")
    if truncated:
        cut = text.rfind("\n\n")
        text = text[:cut] if cut > 0 else ""
        notes.append("an unfinished last element was cut off (maximum tokens reached)")
    problems: list[str] = []
    if not text.strip():
        return "", None, Check(False, ("the model wrote nothing usable",), tuple(notes))
    script = parse(text + "\n")
    elements = script.elements
    allowed = SPEECH_TYPES if output == "dialogue" else SCENE_TYPES
    odd = sorted({str(e.type) for e in elements if e.type not in allowed})
    if odd:
        problems.append(f"it holds elements that do not belong here: {', '.join(odd)}")
    if script.title_page:
        problems.append("it starts like a title page")
    if output == "scene":
        headings = [e for e in elements if e.type is ElementType.SCENE_HEADING]
        if not elements or elements[0].type is not ElementType.SCENE_HEADING:
            problems.append("it does not start with a scene heading")
        if len(headings) > 1:
            problems.append("it holds more than one scene")
        if len(elements) < 2:
            problems.append("the scene has no action or dialogue")
    elif not elements or elements[0].type is not ElementType.CHARACTER:
        problems.append("it does not start with a character cue")
    allowed_names = set(known) | ({new_character} if new_character else set())
    cues = [cue_name(e.text) for e in elements if e.type is ElementType.CHARACTER]
    strangers = sorted({c for c in cues if c not in allowed_names})
    if strangers:
        problems.append(f"unknown characters speak: {', '.join(strangers)}")
    for i, element in enumerate(elements):
        if element.type is ElementType.CHARACTER:
            following = elements[i + 1 : i + 3]
            if not any(e.type is ElementType.DIALOGUE for e in following):
                problems.append(f"{cue_name(element.text)} has a cue but no dialogue")
                break
    repeats, total = repeated_lines(text)
    if total >= 3 and repeats * 3 > total:
        problems.append("it keeps repeating the same lines")
    data: dict[str, Any] = {
        "elements": [e.to_json() for e in elements],
        "characters": sorted(set(cues)),
        "new_character": new_character if new_character in cues else None,
    }
    return text + "\n", data, Check(not problems, tuple(problems), tuple(notes))


def _check_rendered(output: str, fountain: str) -> list[str]:
    """The rendered Fountain must parse back to what it stands for."""
    script = parse(fountain)
    types = {e.type for e in script.elements}
    problems = []
    if script.title_page:
        problems.append("the rendered text starts like a title page")
    if output == "shots" and types - {ElementType.ACTION}:
        problems.append("the shot lines do not read back as action")
    if output in ("logline", "character", "marketing") and types - {ElementType.NOTE}:
        problems.append("the notes do not read back as notes")
    if output == "trailer" and ElementType.SCENE_HEADING in types:
        problems.append("a trailer beat reads as a scene heading")
    return problems


# --- rendering the structured actions ----------------------------------------------------


def _render_shots(data: dict[str, Any], context: dict[str, Any]) -> tuple[str, str, list[str]]:
    shots = data["shots"]
    if not shots:
        raise ValueError("no shots")
    blocks, lines = [], []
    for number, shot in enumerate(shots, 1):
        subject = " ".join(str(shot["subject"]).split()).upper()
        line = f"{shot['size']} - {shot['angle']} - {shot['movement']} - {subject}"
        blocks.append(f"{safe_action(line)}\n\n{safe_action(str(shot['action']))}")
        lines.append(f"{number}. {line}: {shot['action']}")
    fountain = "\n\n".join(blocks) + "\n"
    return fountain, fountain, []


def scale_beats(seconds: Sequence[int], length: int) -> list[tuple[int, int]]:
    """(start, end) for each beat: the relative durations stretched to fill ``length``."""
    total = sum(seconds)
    if total <= 0 or len(seconds) > length:
        raise ValueError("beat durations cannot fill the trailer")
    spans, elapsed, start = [], 0, 0
    for i, value in enumerate(seconds):
        elapsed += value
        end = round(elapsed * length / total)
        end = max(end, start + 1)
        end = min(end, length - (len(seconds) - 1 - i))
        spans.append((start, end))
        start = end
    return spans


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def _render_trailer(data: dict[str, Any], context: dict[str, Any]) -> tuple[str, str, list[str]]:
    beats = data["beats"]
    length = int(context["length"])
    spans = scale_beats([int(b["seconds"]) for b in beats], length)
    notes = []
    asked = sum(int(b["seconds"]) for b in beats)
    if asked != length:
        notes.append(f"beat timings scaled from {asked} s to {length} s")
    head = f"Trailer, {length} seconds, {context['genre']}, for {context['audience']}"
    blocks = [note("Trailer", head)]
    table = [head]
    for beat, (start, end) in zip(beats, spans, strict=True):
        beat["start"], beat["end"] = start, end
        shot = f"{beat['shot']} - {_clock(start)} TO {_clock(end)}"
        blocks.append(safe_action(shot))
        blocks.append(safe_action(str(beat["picture"])))
        line = " ".join(str(beat["line"]).split())
        audio = beat["audio"]
        if audio in ("voice-over", "dialogue") and line:
            speaker = str(beat["speaker"])
            cue = speaker + (" (V.O.)" if audio == "voice-over" else "")
            blocks.append(f"{cue if speaker.isupper() else '@' + cue}\n{line}")
        elif audio == "sound" and line:
            blocks.append(safe_action(f"Sound: {line}"))
        text = " ".join(str(beat["on_screen_text"]).split())
        if text:
            blocks.append(f">{text}<")
        if str(beat["music"]).strip():
            blocks.append(note("Music", str(beat["music"])))
        table.append(
            f"{_clock(start)}-{_clock(end)}  {beat['shot']}: {beat['picture']}"
            f"  | {audio}: {line}  | text: {text}  | music: {beat['music']}"
        )
    data["length"] = length
    return "\n".join(table) + "\n", "\n\n".join(blocks) + "\n", notes


def _render_logline(data: dict[str, Any], context: dict[str, Any]) -> tuple[str, str, list[str]]:
    logline = str(data["logline"])
    paragraphs = [str(p) for p in data["synopsis"]]
    text = f"Logline: {logline}\n\nSynopsis:\n" + "\n\n".join(paragraphs) + "\n"
    fountain = "\n\n".join([note("Logline", logline), *[note("Synopsis", p) for p in paragraphs]])
    return text, fountain + "\n", []


_PROFILE_FIELDS = ("role", "description", "wants", "needs", "flaw", "voice", "arc")


def _render_character(data: dict[str, Any], context: dict[str, Any]) -> tuple[str, str, list[str]]:
    if data["name"] != context["name"]:
        raise ValueError(f"profile of {data['name']} instead of {context['name']}")
    lines = [f"{data['name']}"] + [f"{f.capitalize()}: {data[f]}" for f in _PROFILE_FIELDS]
    fountain = "\n\n".join(note(f"{data['name']} {f}", str(data[f])) for f in _PROFILE_FIELDS)
    return "\n".join(lines) + "\n", fountain + "\n", []


def _render_marketing(data: dict[str, Any], context: dict[str, Any]) -> tuple[str, str, list[str]]:
    posts = [str(p) for p in data["posts"]]
    blurb = " ".join(" ".join(str(s).split()) for s in data["blurb"])
    data["blurb"] = blurb
    words = len(blurb.split())
    text = f"Tagline: {data['tagline']}\n\nBlurb ({words} words):\n{blurb}\n\nPosts:\n"
    text += "\n".join(f"- {p}" for p in posts) + "\n"
    parts = [note("Tagline", data["tagline"]), note("Blurb", blurb)]
    parts += [note("Post", p) for p in posts]
    return text, "\n\n".join(parts) + "\n", []
