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

from reelwright.models import quality
from reelwright.models.types import Finished
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.parser import parse
from reelwright.screenplay.stats import count_words
from reelwright.screenplay.vocabulary import cue_name, is_heading_text

SCENE_TYPES = {
    ElementType.SCENE_HEADING,
    ElementType.ACTION,
    ElementType.CHARACTER,
    ElementType.PARENTHETICAL,
    ElementType.DIALOGUE,
    ElementType.TRANSITION,
}
SPEECH_TYPES = {ElementType.CHARACTER, ElementType.PARENTHETICAL, ElementType.DIALOGUE}


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
    if is_heading_text(flat) or (flat.isupper() and flat.endswith("TO:")) or odd_start:
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
        return _check_fountain(output, raw, truncated, known, new_character, context)
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
    facts = context.get("facts")
    instructions = str(context.get("instructions", ""))
    if output in ("logline", "character", "marketing") and isinstance(facts, quality.ScriptFacts):
        if instructions and output == "logline":
            text, fountain, more = _drop_leaking_paragraphs(data, facts, instructions)
            notes += more
        prose = quality.prose_of(quality.Take(output, True, text, data))
        leaks = quality.leaked_phrases(prose, instructions, facts) if instructions else []
        if leaks:
            problems.append(f"it repeats the instructions ({leaks[0]!r})")
    data["fountain"] = fountain
    return text, data, Check(not problems, tuple(problems), tuple(notes))


INVENTED_LIMIT = 0.1
"""A blurb sentence or post with more of its words in no dictionary is left out."""
COPY_LIMIT = 0.2
"""A take whose word 8-grams are more than this share the script's is regenerated."""
ELEMENT_COPY = 0.5
"""An action paragraph or speech with this share of copied 8-grams is left out."""


def _check_fountain(
    output: str,
    raw: str,
    truncated: bool,
    known: Sequence[str],
    new_character: str | None,
    context: dict[str, Any] | None = None,
) -> tuple[str, dict[str, Any] | None, Check]:
    context = context or {}
    notes: list[str] = []
    text = raw.strip("\n")
    if truncated:
        cut = text.rfind("\n\n")
        text = text[:cut] if cut > 0 else ""
        notes.append("an unfinished last element was cut off (maximum tokens reached)")
    problems: list[str] = []
    if not text.strip():
        return "", None, Check(False, ("the model wrote nothing usable",), tuple(notes))
    facts = context.get("facts")
    if isinstance(facts, quality.ScriptFacts):
        problems += _voice_problems(text, facts, str(context.get("instructions", "")))
        text, dropped = _leave_out(text, facts, str(context.get("instructions", "")))
        notes += dropped
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
    previous = context.get("previous_speaker")
    repeats = quality.speaker_pattern(elements, allowed_names, previous)[0]
    if repeats:
        problems.append("a character answers themself (the same cue twice with no action between)")
    repeats, total = repeated_lines(text)
    if total >= 3 and repeats * 3 > total:
        problems.append("it keeps repeating the same lines")
    data: dict[str, Any] = {
        "elements": [e.to_json() for e in elements],
        "characters": sorted(set(cues)),
        "new_character": new_character if new_character in cues else None,
    }
    return text + "\n", data, Check(not problems, tuple(problems), tuple(notes))


def _voice_problems(text: str, facts: quality.ScriptFacts, instructions: str) -> list[str]:
    """Faults that make the whole take worth regenerating: heavy copying of the script, or
    the prompt's own words in it."""
    problems = []
    copied = quality.copied_share(text, facts)
    if copied > COPY_LIMIT:
        problems.append(f"it copies the script word for word ({copied:.0%} of it)")
    leaks = quality.leaked_phrases(text, instructions, facts) if instructions else []
    if leaks:
        problems.append(f"it repeats the instructions ({leaks[0]!r})")
    return problems


_LABEL = re.compile(r"^(?:[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}): (?=\S)")
"""``Aunt Margit: They're taking it off.``: a chat transcript's speaker label in a line."""


def _unlabel(block: str, names: Sequence[str]) -> str:
    """A speech without a speaker label at the start of its dialogue line (small models
    write ``Aunt Margit: ...`` or ``MADRULLA: ...`` under a cue, as in a chat transcript).
    A label is a name in capitals or one holding a word of a character's name; ``No: I
    won't.`` is kept."""
    lines = block.split("\n")
    if len(lines) < 2 or lines[0].strip().startswith("("):
        return block
    name_words = {w.casefold() for n in names for w in n.split()}
    for i in range(1, len(lines)):
        if lines[i].startswith("("):
            continue
        match = _LABEL.match(lines[i])
        if match:
            label = match.group().rstrip(": ")
            shouting = label.isupper() and len(label) > 1
            if shouting or any(w.casefold() in name_words for w in label.split()):
                rest = lines[i][match.end() :]
                lines[i] = rest[0].upper() + rest[1:]
        break
    return "\n".join(lines)


def _leave_out(text: str, facts: quality.ScriptFacts, instructions: str) -> tuple[str, list[str]]:
    """``text`` without the paragraphs a writer would strike at once: action in the first
    or second person, paragraphs and speeches copied from the script, lines that repeat the
    prompt. A speech left out takes its cue with it; a speaker who would then follow
    themself loses the later speech too."""
    blocks = [_unlabel(block, facts.characters) for block in text.split("\n\n")]
    kept: list[str] = []
    person = copied = leaked = 0
    last_speaker: str | None = None
    for block in blocks:
        lines = block.split("\n")
        elements = parse(block + "\n").elements
        kind = elements[0].type if elements else None
        body = block if kind is not ElementType.CHARACTER else "\n".join(lines[1:])
        share = quality.copied_share(body, facts)
        grams = quality.copy_rate(body, facts)[1]
        drop = False
        if grams and share >= ELEMENT_COPY and kind is not ElementType.SCENE_HEADING:
            copied, drop = copied + 1, True
        elif instructions and quality.leaked_phrases(body, instructions, facts):
            leaked, drop = leaked + 1, True
        elif kind is ElementType.ACTION and quality.person_in_action(block, facts.language):
            person, drop = person + 1, True
        if kind is ElementType.CHARACTER and not drop:
            name = cue_name(elements[0].text)
            if name == last_speaker:
                drop = True
            else:
                last_speaker = name
        elif kind is not ElementType.CHARACTER and not drop:
            last_speaker = None
        if not drop:
            kept.append(block)
    notes = []
    if person:
        notes.append(f"{person} action paragraph(s) in the first or second person left out")
    if copied:
        notes.append(f"{copied} paragraph(s) or speech(es) copied from the script left out")
    if leaked:
        notes.append(f"{leaked} paragraph(s) repeating the instructions left out")
    return "\n\n".join(kept), notes


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
    """Shots chosen from the coverage plan, in the order they play (a shot chosen twice
    is kept once)."""
    plan = context.get("plan")
    chosen = data["shots"]
    if not chosen:
        raise ValueError("no shots")
    notes: list[str] = []
    if plan is not None:
        picked: dict[str, dict[str, Any]] = {}
        for shot in chosen:
            planned = plan[shot["plan"]]
            if shot["plan"] in picked:
                continue
            picked[shot["plan"]] = {
                "size": shot["size"],
                "angle": shot["angle"],
                "movement": shot["movement"],
                "subject": planned.subject,
                "action": planned.action,
                "plan": planned.id,
                "kind": planned.kind,
                "order": planned.order,
            }
        if len(picked) < len(chosen):
            notes.append(f"{len(chosen) - len(picked)} shot(s) chosen twice kept once")
        shots = sorted(picked.values(), key=lambda shot: int(shot["order"]))
        data["shots"] = shots
    else:
        shots = chosen
    blocks, lines = [], []
    for number, shot in enumerate(shots, 1):
        subject = " ".join(str(shot["subject"]).split()).upper()
        line = f"{shot['size']} - {shot['angle']} - {shot['movement']} - {subject}"
        blocks.append(f"{safe_action(line)}\n\n{safe_action(str(shot['action']))}")
        lines.append(f"{number}. {line}: {shot['action']}")
    fountain = "\n\n".join(blocks) + "\n"
    return fountain, fountain, notes


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


PHASES = ("world", "disruption", "escalation", "climax")
TITLE_SECONDS = 3


def _trailer_beats(data: dict[str, Any], context: dict[str, Any]) -> tuple[list[dict], list[str]]:
    """The model's choices as beats: each moment once (a repeat is replaced by an unused
    moment of the same phase, or dropped), quoted lines as dialogue, the title card last."""
    moments = context["moments"]
    language = str(context.get("language", "en"))
    facts = context.get("facts")
    used: set[str] = set()
    beats: list[dict[str, Any]] = []
    notes: list[str] = []
    replaced = dropped = cleared = 0
    for phase in PHASES:
        for choice in data.get(phase, []):
            moment_id = str(choice["moment"])
            if moment_id in used:
                spare = [m for m in context["phases"][phase] if m not in used]
                if not spare:
                    dropped += 1
                    continue
                moment_id = spare[0]
                replaced += 1
            used.add(moment_id)
            moment = moments[moment_id]
            text = " ".join(str(choice["text"]).split())
            if text and isinstance(facts, quality.ScriptFacts):
                invented, _ = quality.invented_words(text, facts)
                if invented:
                    text, cleared = "", cleared + 1
            beats.append(
                {
                    "seconds": int(choice["seconds"]),
                    "shot": choice["shot"],
                    "picture": moment.picture(language),
                    "audio": "dialogue" if moment.speaker else "music",
                    "speaker": moment.speaker or "",
                    "line": moment.text if moment.speaker else "",
                    "on_screen_text": text,
                    "music": choice["music"],
                    "scene": moment.scene,
                    "moment": moment.id,
                    "kind": moment.kind,
                    "phase": phase,
                }
            )
    title = str(context.get("title") or "")
    beats.append(
        {
            "seconds": TITLE_SECONDS,
            "shot": "TITLE CARD",
            "picture": title,
            "audio": "music",
            "speaker": "",
            "line": "",
            "on_screen_text": title.upper() if title.isascii() else title,
            "music": data.get("title_music", ""),
            "scene": None,
            "moment": None,
            "kind": "title",
            "phase": "title",
        }
    )
    if replaced:
        notes.append(f"{replaced} repeated moment(s) replaced by unused ones")
    if dropped:
        notes.append(f"{dropped} repeated beat(s) left out")
    if cleared:
        notes.append(f"{cleared} on-screen text(s) with words in no dictionary left out")
    return beats, notes


def _render_trailer(data: dict[str, Any], context: dict[str, Any]) -> tuple[str, str, list[str]]:
    notes: list[str] = []
    if "moments" in context:
        beats, notes = _trailer_beats(data, context)
        data.clear()
        data["beats"] = beats
    beats = data["beats"]
    length = int(context["length"])
    spans = scale_beats([int(b["seconds"]) for b in beats], length)
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
        if beat.get("scene"):
            blocks.append(note("From scene", str(beat["scene"])))
        if str(beat["picture"]).strip():
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
        source = f" (scene {beat['scene']})" if beat.get("scene") else ""
        heard = f"{audio}: {line}" if line else "no words"
        table.append(
            f"{_clock(start)}-{_clock(end)}  {beat['shot']}{source}: {beat['picture']}"
            f"  | {heard}  | text: {text}  | music: {beat['music']}"
        )
    data["length"] = length
    return "\n".join(table) + "\n", "\n\n".join(blocks) + "\n", notes


def _drop_leaking_paragraphs(
    data: dict[str, Any], facts: quality.ScriptFacts, instructions: str
) -> tuple[str, str, list[str]]:
    """A rendered synopsis without the paragraphs that repeat the instructions (one
    stays); the logline itself is not cut: a leaking logline sends the take back."""
    paragraphs = [str(p) for p in data["synopsis"]]
    kept = [p for p in paragraphs if not quality.leaked_phrases(p, instructions, facts)]
    kept = kept or paragraphs[:1]
    data["synopsis"] = kept
    text, fountain = _logline_text(str(data["logline"]), kept)
    dropped = len(paragraphs) - len(kept)
    notes = [f"{dropped} paragraph(s) repeating the instructions left out"] if dropped else []
    return text, fountain, notes


def _spoken_name(name: str) -> str:
    """A cue name as prose writes it: ``MARGIT HALE`` -> ``Margit Hale``."""
    return name.title() if name.isupper() else name


def _render_logline(data: dict[str, Any], context: dict[str, Any]) -> tuple[str, str, list[str]]:
    if "hero" in data:
        rest = str(data.pop("logline"))
        joiner = "" if rest.startswith(",") else " "
        data["logline"] = f"{_spoken_name(str(data['hero']))}{joiner}{rest}"
        data["synopsis"] = [f"{_spoken_name(str(p['who']))} {p['text']}" for p in data["synopsis"]]
    return (*_logline_text(str(data["logline"]), [str(p) for p in data["synopsis"]]), [])


def _logline_text(logline: str, paragraphs: list[str]) -> tuple[str, str]:
    text = f"Logline: {logline}\n\nSynopsis:\n" + "\n\n".join(paragraphs) + "\n"
    fountain = "\n\n".join([note("Logline", logline), *[note("Synopsis", p) for p in paragraphs]])
    return text, fountain + "\n"


_PROFILE_FIELDS = ("role", "description", "wants", "needs", "flaw", "voice", "arc")


def _render_character(data: dict[str, Any], context: dict[str, Any]) -> tuple[str, str, list[str]]:
    if data["name"] != context["name"]:
        raise ValueError(f"profile of {data['name']} instead of {context['name']}")
    lines = [f"{data['name']}"] + [f"{f.capitalize()}: {data[f]}" for f in _PROFILE_FIELDS]
    fountain = "\n\n".join(note(f"{data['name']} {f}", str(data[f])) for f in _PROFILE_FIELDS)
    return "\n".join(lines) + "\n", fountain + "\n", []


def _keep_real(items: list[str], facts: Any) -> tuple[list[str], int]:
    """``items`` without those whose words are not real (more than ``INVENTED_LIMIT`` of
    them in no dictionary and not in the script); the least bad one stays if all are."""
    if not isinstance(facts, quality.ScriptFacts) or not items:
        return items, 0
    shares = []
    for item in items:
        invented, counted = quality.invented_words(item, facts)
        shares.append(len(invented) / counted if counted else 0.0)
    kept = [item for item, share in zip(items, shares, strict=True) if share <= INVENTED_LIMIT]
    if not kept:
        kept = [items[shares.index(min(shares))]]
    return kept, len(items) - len(kept)


def _render_marketing(data: dict[str, Any], context: dict[str, Any]) -> tuple[str, str, list[str]]:
    facts = context.get("facts")
    posts, dropped_posts = _keep_real([str(p) for p in data["posts"]], facts)
    sentences, dropped = _keep_real([" ".join(str(s).split()) for s in data["blurb"]], facts)
    blurb = " ".join(sentences)
    data["blurb"], data["posts"] = blurb, posts
    notes = []
    if dropped or dropped_posts:
        notes.append(
            f"{dropped + dropped_posts} sentence(s) or post(s) with words in no dictionary left out"
        )
    words = count_words(blurb)
    text = f"Tagline: {data['tagline']}\n\nBlurb ({words} words):\n{blurb}\n\nPosts:\n"
    text += "\n".join(f"- {p}" for p in posts) + "\n"
    parts = [note("Tagline", data["tagline"]), note("Blurb", blurb)]
    parts += [note("Post", p) for p in posts]
    return text, "\n\n".join(parts) + "\n", notes
