"""What an action hands back: a checked ``Suggestion``, and the checks themselves.

Every output is parsed by the core parser before it is offered. Script actions must parse
as the expected elements with known cues; structured actions must be valid JSON of their
schema and render to Fountain (shot lines, a trailer as a script, notes) that parses back.

What a check says to the writer (its problems and notes) is made of
:class:`~reelwright.models.phrases.Phrase` sentences marked in the ``Check`` context: English
for the command line and JSON, the interface's language in the desktop. So are the labels
of the readable takes and of the notes they insert (``Logline:``, ``[[Tagline: ...]]``, in
the ``Take`` context): what the model wrote fills them and is never translated.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reelwright.models import quality
from reelwright.models.phrases import (
    QT_TRANSLATE_NOOP,
    Phrase,
    Translate,
    clauses,
    joined,
    layout,
    listed,
    text_in,
)
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
ELEMENT_NAMES = {
    ElementType.SCENE_HEADING: QT_TRANSLATE_NOOP("Check", "scene heading"),
    ElementType.ACTION: QT_TRANSLATE_NOOP("Check", "action"),
    ElementType.CHARACTER: QT_TRANSLATE_NOOP("Check", "character cue"),
    ElementType.PARENTHETICAL: QT_TRANSLATE_NOOP("Check", "parenthetical"),
    ElementType.DIALOGUE: QT_TRANSLATE_NOOP("Check", "dialogue"),
    ElementType.TRANSITION: QT_TRANSLATE_NOOP("Check", "transition"),
    ElementType.CENTERED: QT_TRANSLATE_NOOP("Check", "centered text"),
    ElementType.LYRICS: QT_TRANSLATE_NOOP("Check", "lyrics"),
    ElementType.SECTION: QT_TRANSLATE_NOOP("Check", "section"),
    ElementType.SYNOPSIS: QT_TRANSLATE_NOOP("Check", "synopsis"),
    ElementType.NOTE: QT_TRANSLATE_NOOP("Check", "note"),
    ElementType.PAGE_BREAK: QT_TRANSLATE_NOOP("Check", "page break"),
}
"""Each element's name in a check's sentence."""


def said(template: str, **fields: str | int) -> Phrase:
    """A check's problem or note: ``template`` (marked in the ``Check`` context) filled."""
    return Phrase("Check", template, **fields)


@dataclass(frozen=True, slots=True)
class Check:
    """The verdict on one output: ``ok`` or the ``problems`` (sentences for the writer);
    ``notes`` say what was done to it (an unfinished last element cut, timings scaled).
    Both are phrases (see the module docstring), or an engine's own message."""

    ok: bool
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """English, as the command line prints it."""
        return {
            "ok": self.ok,
            "problems": [text_in(p) for p in self.problems],
            "notes": [text_in(n) for n in self.notes],
        }


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
        """Why it failed, one phrase (its problems joined), or None when it is ok."""
        if self.ok:
            return None
        return clauses(self.check.problems) or said(QT_TRANSLATE_NOOP("Check", "failed"))

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


# --- the labels of readable takes and their notes (the Take context) -----------------------

LOGLINE = QT_TRANSLATE_NOOP("Take", "Logline")
SYNOPSIS = QT_TRANSLATE_NOOP("Take", "Synopsis")
TAGLINE = QT_TRANSLATE_NOOP("Take", "Tagline")
BLURB = QT_TRANSLATE_NOOP("Take", "Blurb")
POSTS = QT_TRANSLATE_NOOP("Take", "Posts")
POST = QT_TRANSLATE_NOOP("Take", "Post")
PROFILE_LABELS = {
    "role": QT_TRANSLATE_NOOP("Take", "Role"),
    "description": QT_TRANSLATE_NOOP("Take", "Description"),
    "wants": QT_TRANSLATE_NOOP("Take", "Wants"),
    "needs": QT_TRANSLATE_NOOP("Take", "Needs"),
    "flaw": QT_TRANSLATE_NOOP("Take", "Flaw"),
    "voice": QT_TRANSLATE_NOOP("Take", "Voice"),
    "arc": QT_TRANSLATE_NOOP("Take", "Arc"),
}
"""A character profile's fields, in the order the profile shows them, and their labels."""
FIELD_LABELS = {
    "logline": LOGLINE,
    "synopsis": SYNOPSIS,
    "tagline": TAGLINE,
    "blurb": BLURB,
    "posts": POSTS,
    **PROFILE_LABELS,
    "name": QT_TRANSLATE_NOOP("Take", "Name"),
    "hero": QT_TRANSLATE_NOOP("Take", "Hero"),
    "who": QT_TRANSLATE_NOOP("Take", "Who"),
    "text": QT_TRANSLATE_NOOP("Take", "Text"),
    "shots": QT_TRANSLATE_NOOP("Take", "Shots"),
    "plan": QT_TRANSLATE_NOOP("Take", "Plan"),
    "size": QT_TRANSLATE_NOOP("Take", "Size"),
    "angle": QT_TRANSLATE_NOOP("Take", "Angle"),
    "movement": QT_TRANSLATE_NOOP("Take", "Movement"),
    "world": QT_TRANSLATE_NOOP("Take", "World"),
    "disruption": QT_TRANSLATE_NOOP("Take", "Disruption"),
    "escalation": QT_TRANSLATE_NOOP("Take", "Escalation"),
    "climax": QT_TRANSLATE_NOOP("Take", "Climax"),
    "title_music": QT_TRANSLATE_NOOP("Take", "Title music"),
    "beats": QT_TRANSLATE_NOOP("Take", "Beats"),
    "moment": QT_TRANSLATE_NOOP("Take", "Moment"),
    "seconds": QT_TRANSLATE_NOOP("Take", "Seconds"),
    "shot": QT_TRANSLATE_NOOP("Take", "Shot"),
    "music": QT_TRANSLATE_NOOP("Take", "Music"),
}
"""The label of each field of the structured actions' JSON (``resources/grammars``), as a
take shows it while it streams in."""


def _label(template: str, **fields: str | int) -> Phrase:
    """A label of a readable take (``template`` marked in the ``Take`` context)."""
    return Phrase("Take", template, **fields)


def field_label(key: str) -> str:
    """A JSON field's label: ``title_music`` -> ``Title music`` (a phrase when known)."""
    known = FIELD_LABELS.get(key)
    return _label(known) if known else key.replace("_", " ").strip().capitalize()


def labelled(name: str, text: str) -> Phrase:
    """``Logline: text`` (Chinese: ``一句话梗概：text``)."""
    return _label(QT_TRANSLATE_NOOP("Take", "{label}: {text}"), label=name, text=text)


def heading(name: str) -> Phrase:
    """``Synopsis:``, a label on a line of its own."""
    return _label(QT_TRANSLATE_NOOP("Take", "{label}:"), label=name)


def note(name: str, text: str) -> str:
    """``[[Label: text]]``: ``text`` on one line, never closing the note early."""
    flat = " ".join(text.split()).replace("]]", "] ]")
    return layout("[[{note}]]", note=labelled(name, flat))


def logline_line(logline: str) -> Phrase:
    """The logline as its readable take and the title page's notes write it."""
    return labelled(_label(LOGLINE), logline)


def logline_labels(translate: Translate | None = None) -> tuple[str, str]:
    """(``Logline:``, ``Synopsis:``) as a readable logline take shows them, through
    ``translate`` (``desktop.take_text.split_logline_text`` reads them back)."""
    return logline_line("").text(translate).strip(), heading(_label(SYNOPSIS)).text(translate)


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
        if truncated:
            why = said(QT_TRANSLATE_NOOP("Check", "it was cut off"))
        else:
            why = said(
                QT_TRANSLATE_NOOP("Check", "it is not valid JSON ({error})"), error=error.msg
            )
        problem = said(QT_TRANSLATE_NOOP("Check", "the answer is not usable: {why}"), why=why)
        return raw, None, Check(False, (problem,))
    if not isinstance(data, dict):
        return (
            raw,
            None,
            Check(False, (said(QT_TRANSLATE_NOOP("Check", "the answer is not a JSON object")),)),
        )
    render = {
        "shots": _render_shots,
        "trailer": _render_trailer,
        "logline": _render_logline,
        "character": _render_character,
        "marketing": _render_marketing,
    }[output]
    try:
        text, fountain, notes = render(data, context)
    except TooFewError as error:
        return raw, None, Check(False, (error.problem,))
    except (KeyError, TypeError, ValueError) as error:
        problem = said(
            QT_TRANSLATE_NOOP("Check", "the answer misses a field or value: {error}"),
            error=str(error),
        )
        return raw, None, Check(False, (problem,))
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
            problems.append(_repeats_instructions(leaks[0]))
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
        notes.append(
            said(
                QT_TRANSLATE_NOOP(
                    "Check", "an unfinished last element was cut off (maximum tokens reached)"
                )
            )
        )
    problems: list[str] = []
    if not text.strip():
        nothing = said(QT_TRANSLATE_NOOP("Check", "the model wrote nothing usable"))
        return "", None, Check(False, (nothing,), tuple(notes))
    facts = context.get("facts")
    if isinstance(facts, quality.ScriptFacts):
        problems += _voice_problems(text, facts, str(context.get("instructions", "")))
        text, dropped = _leave_out(text, facts, str(context.get("instructions", "")))
        notes += dropped
    script = parse(text + "\n")
    elements = script.elements
    allowed = SPEECH_TYPES if output == "dialogue" else SCENE_TYPES
    odd = sorted({e.type for e in elements if e.type not in allowed})
    if odd:
        kinds = listed([said(ELEMENT_NAMES[kind]) for kind in odd])
        problems.append(
            said(
                QT_TRANSLATE_NOOP("Check", "it holds elements that do not belong here: {kinds}"),
                kinds=kinds,
            )
        )
    if script.title_page:
        problems.append(said(QT_TRANSLATE_NOOP("Check", "it starts like a title page")))
    if output == "scene":
        headings = [e for e in elements if e.type is ElementType.SCENE_HEADING]
        if not elements or elements[0].type is not ElementType.SCENE_HEADING:
            problems.append(
                said(QT_TRANSLATE_NOOP("Check", "it does not start with a scene heading"))
            )
        if len(headings) > 1:
            problems.append(said(QT_TRANSLATE_NOOP("Check", "it holds more than one scene")))
        if len(elements) < 2:
            problems.append(said(QT_TRANSLATE_NOOP("Check", "the scene has no action or dialogue")))
    elif not elements or elements[0].type is not ElementType.CHARACTER:
        problems.append(said(QT_TRANSLATE_NOOP("Check", "it does not start with a character cue")))
    allowed_names = set(known) | ({new_character} if new_character else set())
    cues = [cue_name(e.text) for e in elements if e.type is ElementType.CHARACTER]
    strangers = sorted({c for c in cues if c not in allowed_names})
    if strangers:
        problems.append(
            said(
                QT_TRANSLATE_NOOP("Check", "unknown characters speak: {names}"),
                names=listed(strangers),
            )
        )
    for i, element in enumerate(elements):
        if element.type is ElementType.CHARACTER:
            following = elements[i + 1 : i + 3]
            if not any(e.type is ElementType.DIALOGUE for e in following):
                problems.append(
                    said(
                        QT_TRANSLATE_NOOP("Check", "{name} has a cue but no dialogue"),
                        name=cue_name(element.text),
                    )
                )
                break
    previous = context.get("previous_speaker")
    repeats = quality.speaker_pattern(elements, allowed_names, previous)[0]
    if repeats:
        problems.append(
            said(
                QT_TRANSLATE_NOOP(
                    "Check",
                    "a character answers themself (the same cue twice with no action between)",
                )
            )
        )
    repeats, total = repeated_lines(text)
    if total >= 3 and repeats * 3 > total:
        problems.append(said(QT_TRANSLATE_NOOP("Check", "it keeps repeating the same lines")))
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
        problems.append(
            said(
                QT_TRANSLATE_NOOP("Check", "it copies the script word for word ({share} of it)"),
                share=f"{copied:.0%}",
            )
        )
    leaks = quality.leaked_phrases(text, instructions, facts) if instructions else []
    if leaks:
        problems.append(_repeats_instructions(leaks[0]))
    return problems


def _repeats_instructions(leak: str) -> Phrase:
    return said(
        QT_TRANSLATE_NOOP("Check", "it repeats the instructions ({words})"), words=repr(leak)
    )


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
    notes: list[str] = []
    if person:
        notes.append(
            said(
                QT_TRANSLATE_NOOP(
                    "Check", "{count} action paragraph(s) in the first or second person left out"
                ),
                count=person,
            )
        )
    if copied:
        notes.append(
            said(
                QT_TRANSLATE_NOOP(
                    "Check", "{count} paragraph(s) or speech(es) copied from the script left out"
                ),
                count=copied,
            )
        )
    if leaked:
        notes.append(_left_out_repeating(leaked))
    return "\n\n".join(kept), notes


def _left_out_repeating(count: int) -> Phrase:
    return said(
        QT_TRANSLATE_NOOP("Check", "{count} paragraph(s) repeating the instructions left out"),
        count=count,
    )


FEWEST = {"trailer": "fewest_beats", "shots": "fewest_shots", "marketing": "fewest_posts"}
"""The context key holding the fewest beats, shots or posts the action's shape needs."""


class TooFewError(Exception):
    """Fewer beats, shots or posts are left, once repeats are left out, than the action's
    shape needs: the take is written again."""

    def __init__(self, left: int, fewest: int) -> None:
        super().__init__(left, fewest)
        self.problem = said(
            QT_TRANSLATE_NOOP(
                "Check",
                "once repeats are left out only {count} of the {fewest} items it needs remain",
            ),
            count=left,
            fewest=fewest,
        )


def _check_rendered(output: str, fountain: str) -> list[str]:
    """The rendered Fountain must parse back to what it stands for."""
    script = parse(fountain)
    types = {e.type for e in script.elements}
    problems: list[str] = []
    if script.title_page:
        problems.append(
            said(QT_TRANSLATE_NOOP("Check", "the rendered text starts like a title page"))
        )
    if output == "shots" and types - {ElementType.ACTION}:
        problems.append(
            said(QT_TRANSLATE_NOOP("Check", "the shot lines do not read back as action"))
        )
    if output in ("logline", "character", "marketing") and types - {ElementType.NOTE}:
        problems.append(said(QT_TRANSLATE_NOOP("Check", "the notes do not read back as notes")))
    if output == "trailer" and ElementType.SCENE_HEADING in types:
        problems.append(said(QT_TRANSLATE_NOOP("Check", "a trailer beat reads as a scene heading")))
    return problems


# --- rendering the structured actions ----------------------------------------------------


def _render_shots(data: dict[str, Any], context: dict[str, Any]) -> tuple[str, str, list[str]]:
    """Shots chosen from the coverage plan, in the order they play. A shot chosen twice is
    kept once, and one much like an earlier shot (the ``dup`` rule) is left out; should
    fewer shots be left than the list needs, unused shots of the plan fill it (framed as
    the model framed the shot they stand for, where their kind allows)."""
    plan = context.get("plan")
    chosen = data["shots"]
    if not chosen:
        raise ValueError(said(QT_TRANSLATE_NOOP("Check", "no shots")))
    notes: list[str] = []
    fewest = int(context.get(FEWEST["shots"], 0))
    if plan is not None:
        picked: dict[str, dict[str, Any]] = {}
        twice: list[dict[str, Any]] = []
        for shot in chosen:
            if shot["plan"] in picked:
                twice.append(shot)
                continue
            picked[shot["plan"]] = _planned_shot(plan[shot["plan"]], shot)
        filled = 0
        for shot in twice:
            if len(picked) >= fewest:
                break
            spare = _spare_shot(plan, picked, shot, context)
            if spare is not None:
                picked[spare["plan"]] = spare
                filled += 1
        if filled:
            notes.append(
                said(
                    QT_TRANSLATE_NOOP(
                        "Check", "{count} shot(s) chosen twice replaced by unused ones of the plan"
                    ),
                    count=filled,
                )
            )
        if len(twice) > filled:
            notes.append(
                said(
                    QT_TRANSLATE_NOOP("Check", "{count} shot(s) chosen twice kept once"),
                    count=len(twice) - filled,
                )
            )
        shots = sorted(picked.values(), key=lambda shot: int(shot["order"]))
    else:
        shots = chosen
    repeated = set(quality.repeated_items([quality.shot_item(shot) for shot in shots]))
    if repeated:
        shots = [shot for i, shot in enumerate(shots) if i not in repeated]
        notes.append(
            said(
                QT_TRANSLATE_NOOP("Check", "{count} shot(s) much like an earlier one left out"),
                count=len(repeated),
            )
        )
    if len(shots) < fewest:
        raise TooFewError(len(shots), fewest)
    data["shots"] = shots
    blocks, lines = [], []
    for number, shot in enumerate(shots, 1):
        subject = " ".join(str(shot["subject"]).split()).upper()
        line = f"{shot['size']} - {shot['angle']} - {shot['movement']} - {subject}"
        blocks.append(f"{safe_action(line)}\n\n{safe_action(str(shot['action']))}")
        lines.append(f"{number}. {line}: {shot['action']}")
    fountain = "\n\n".join(blocks) + "\n"
    return fountain, fountain, notes


def _planned_shot(planned: Any, framing: dict[str, Any]) -> dict[str, Any]:
    return {
        "size": framing["size"],
        "angle": framing["angle"],
        "movement": framing["movement"],
        "subject": planned.subject,
        "action": planned.action,
        "plan": planned.id,
        "kind": planned.kind,
        "order": planned.order,
    }


def _spare_shot(
    plan: dict[str, Any],
    picked: dict[str, dict[str, Any]],
    framing: dict[str, Any],
    context: dict[str, Any],
) -> dict[str, Any] | None:
    """The first unused shot of the plan that is not much like a picked one (those no
    earlier alternative took first), framed as ``framing`` where the schema lets its kind
    be (else its kind's first size, angle or movement)."""
    kept = [quality.shot_item(shot) for shot in picked.values()]
    alternatives: list[dict[str, Any]] = []
    schema = context.get("schema")
    if isinstance(schema, dict):
        items = schema.get("properties", {}).get("shots", {}).get("items", {})
        alternatives = items.get("anyOf", [items])
    avoid = context.get("avoid") or {}
    for planned in sorted(plan.values(), key=lambda p: avoid.get(p.id, 0)):
        if planned.id in picked:
            continue
        shot = _planned_shot(planned, framing)
        if quality.repeats(quality.shot_item(shot), kept) is not None:
            continue
        for alternative in alternatives:
            properties = alternative.get("properties", {})
            if planned.id not in properties.get("plan", {}).get("enum", ()):
                continue
            for key in ("size", "angle", "movement"):
                allowed = properties.get(key, {}).get("enum")
                if allowed and shot[key] not in allowed:
                    shot[key] = allowed[0]
        return shot
    return None


def scale_beats(seconds: Sequence[int], length: int) -> list[tuple[int, int]]:
    """(start, end) for each beat: the relative durations stretched to fill ``length``."""
    total = sum(seconds)
    if total <= 0 or len(seconds) > length:
        raise ValueError(said(QT_TRANSLATE_NOOP("Check", "beat durations cannot fill the trailer")))
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
    """The model's choices as beats: each moment once, and no beat that shows and says
    much the same as an earlier one or the title card (the ``dup`` rule of
    ``quality.repeated_items``): such a beat is cut from an unused moment of the same phase
    instead, or left out. Quoted lines as dialogue, the title card last."""
    moments = context["moments"]
    language = str(context.get("language", "en"))
    facts = context.get("facts")
    title = str(context.get("title") or "")
    card = {
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
    card_item = quality.beat_item(card)
    used: set[str] = set()
    beats: list[dict[str, Any]] = []
    shown: list[str] = []
    notes: list[str] = []
    replaced = dropped = cleared = repeated_text = 0
    for phase in PHASES:
        for choice in data.get(phase, []):
            text = " ".join(str(choice["text"]).split())
            invented_text = False
            if text and isinstance(facts, quality.ScriptFacts):
                invented_text = bool(quality.invented_words(text, facts)[0])
                text = "" if invented_text else text
            chosen = str(choice["moment"])
            beat = None
            avoid = context.get("avoid") or {}
            spares = sorted(context["phases"][phase], key=lambda m: avoid.get(m, 0))
            # The moment chosen with its words, then without them (the words repeat an
            # earlier beat's), then the unused moments of the phase, the least chosen by
            # earlier alternatives first.
            order = [chosen, *[m for m in spares if m != chosen]]
            for moment_id, words in [(m, t) for m in order for t in dict.fromkeys((text, ""))]:
                if moment_id in used:
                    continue
                candidate = _beat(moments[moment_id], choice, words, phase, language)
                item = quality.beat_item(candidate)
                if (
                    quality.repeats(item, shown) is None
                    and quality.repeats(card_item, [item]) is None
                ):
                    beat = candidate
                    shown.append(item)
                    break
            if beat is None:
                dropped += 1
                continue
            replaced += beat["moment"] != chosen
            cleared += invented_text
            repeated_text += bool(text) and not beat["on_screen_text"]
            used.add(str(beat["moment"]))
            beats.append(beat)
    if len(beats) < int(context.get(FEWEST["trailer"], 0)):
        raise TooFewError(len(beats), int(context[FEWEST["trailer"]]))
    beats.append(card)
    if replaced:
        notes.append(
            said(
                QT_TRANSLATE_NOOP("Check", "{count} repeated moment(s) replaced by unused ones"),
                count=replaced,
            )
        )
    if dropped:
        notes.append(
            said(QT_TRANSLATE_NOOP("Check", "{count} repeated beat(s) left out"), count=dropped)
        )
    if repeated_text:
        notes.append(
            said(
                QT_TRANSLATE_NOOP(
                    "Check", "{count} on-screen text(s) much like an earlier beat's left out"
                ),
                count=repeated_text,
            )
        )
    if cleared:
        notes.append(
            said(
                QT_TRANSLATE_NOOP(
                    "Check", "{count} on-screen text(s) with words in no dictionary left out"
                ),
                count=cleared,
            )
        )
    return beats, notes


def _beat(moment: Any, choice: dict[str, Any], text: str, phase: str, language: str) -> dict:
    """The beat cut from ``moment`` with the model's ``choice`` of shot, length and music."""
    return {
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
        notes.append(
            said(
                QT_TRANSLATE_NOOP("Check", "beat timings scaled from {asked} s to {length} s"),
                asked=asked,
                length=length,
            )
        )
    head = _label(
        QT_TRANSLATE_NOOP("Take", "Trailer, {length} seconds, {genre}, for {audience}"),
        length=length,
        genre=str(context["genre"]),
        audience=str(context["audience"]),
    )
    blocks = [note(_label(QT_TRANSLATE_NOOP("Take", "Trailer")), head)]
    table: list[str] = [head]
    for beat, (start, end) in zip(beats, spans, strict=True):
        beat["start"], beat["end"] = start, end
        shot = f"{beat['shot']} - {_clock(start)} TO {_clock(end)}"
        blocks.append(safe_action(shot))
        if beat.get("scene"):
            from_scene = _label(QT_TRANSLATE_NOOP("Take", "From scene"))
            blocks.append(note(from_scene, str(beat["scene"])))
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
            blocks.append(note(_label(FIELD_LABELS["music"]), str(beat["music"])))
        source = f" (scene {beat['scene']})" if beat.get("scene") else ""
        heard = f"{audio}: {line}" if line else "no words"
        table.append(
            f"{_clock(start)}-{_clock(end)}  {beat['shot']}{source}: {beat['picture']}"
            f"  | {heard}  | text: {text}  | music: {beat['music']}"
        )
    data["length"] = length
    fountain = layout("{blocks}\n", blocks=joined(blocks, "\n\n"))
    return "\n".join(table) + "\n", fountain, notes


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
    notes: list[str] = [_left_out_repeating(dropped)] if dropped else []
    return text, fountain, notes


def _spoken_name(name: str) -> str:
    """A cue name as prose writes it: ``MARGIT HALE`` -> ``Margit Hale``."""
    return name.title() if name.isupper() else name


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""Letters of scripts written without spaces between words (Chinese, Japanese)."""


def _after_name(name: str, rest: str) -> str:
    """A name and what follows it, as prose joins them: ``Margit Hale fights on``,
    ``Margit Hale, a keeper, ...``, ``张伟为救病人...`` (no space before punctuation, or
    between two letters of a script written without spaces)."""
    rest = rest.strip()
    if not rest or rest[0] in ",，、.。;；:：!！?？)）'’":
        return name + rest
    if _UNSPACED.match(name[-1:]) and _UNSPACED.match(rest[0]):
        return name + rest
    return f"{name} {rest}"


def _render_logline(data: dict[str, Any], context: dict[str, Any]) -> tuple[str, str, list[str]]:
    if "hero" in data:
        hero = _spoken_name(str(data["hero"]))
        data["logline"] = _after_name(hero, str(data.pop("logline")))
        data["synopsis"] = [
            _after_name(_spoken_name(str(p["who"])), str(p["text"])) for p in data["synopsis"]
        ]
    return (*_logline_text(str(data["logline"]), [str(p) for p in data["synopsis"]]), [])


def _logline_text(logline: str, paragraphs: list[str]) -> tuple[str, str]:
    text = layout(
        "{logline}\n\n{synopsis}\n{paragraphs}\n",
        logline=logline_line(logline),
        synopsis=heading(_label(SYNOPSIS)),
        paragraphs="\n\n".join(paragraphs),
    )
    notes = [note(_label(LOGLINE), logline), *[note(_label(SYNOPSIS), p) for p in paragraphs]]
    return text, layout("{notes}\n", notes=joined(notes, "\n\n"))


def _render_character(data: dict[str, Any], context: dict[str, Any]) -> tuple[str, str, list[str]]:
    if data["name"] != context["name"]:
        raise ValueError(
            said(
                QT_TRANSLATE_NOOP("Check", "a profile of {name} instead of {wanted}"),
                name=str(data["name"]),
                wanted=str(context["name"]),
            )
        )
    name = str(data["name"])
    lines = [name] + [labelled(_label(PROFILE_LABELS[f]), str(data[f])) for f in PROFILE_LABELS]
    notes = [
        note(
            _label(QT_TRANSLATE_NOOP("Take", "{name} {field}"), name=name, field=_label(field)),
            str(data[f]),
        )
        for f, field in PROFILE_LABELS.items()
    ]
    text = layout("{lines}\n", lines=joined(lines, "\n"))
    return text, layout("{notes}\n", notes=joined(notes, "\n\n")), []


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
    repeated = set(quality.repeated_items(posts))
    posts = [post for i, post in enumerate(posts) if i not in repeated]
    fewest = int(context.get(FEWEST["marketing"], 0))
    if repeated and len(posts) < fewest:
        raise TooFewError(len(posts), fewest)
    sentences, dropped = _keep_real([" ".join(str(s).split()) for s in data["blurb"]], facts)
    blurb = " ".join(sentences)
    data["blurb"], data["posts"] = blurb, posts
    notes: list[str] = []
    if dropped or dropped_posts:
        notes.append(
            said(
                QT_TRANSLATE_NOOP(
                    "Check", "{count} sentence(s) or post(s) with words in no dictionary left out"
                ),
                count=dropped + dropped_posts,
            )
        )
    if repeated:
        notes.append(
            said(
                QT_TRANSLATE_NOOP("Check", "{count} post(s) much like an earlier one left out"),
                count=len(repeated),
            )
        )
    words = count_words(blurb)
    tagline = str(data["tagline"])
    text = layout(
        "{tagline}\n\n{blurb_heading}\n{blurb}\n\n{posts_heading}\n{posts}\n",
        tagline=labelled(_label(TAGLINE), tagline),
        blurb_heading=heading(
            _label(QT_TRANSLATE_NOOP("Take", "Blurb ({words} words)"), words=words)
        ),
        blurb=blurb,
        posts_heading=heading(_label(POSTS)),
        posts="\n".join(f"- {p}" for p in posts),
    )
    parts = [note(_label(TAGLINE), tagline), note(_label(BLURB), blurb)]
    parts += [note(_label(POST), p) for p in posts]
    return text, layout("{notes}\n", notes=joined(parts, "\n\n")), notes
