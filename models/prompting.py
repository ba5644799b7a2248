"""Prompt assembly for the writing actions, counted in the model's own tokens.

A prompt is built from parts, most stable first, so that consecutive requests on the same
script share a long prefix and llama.cpp reuses its evaluated KV cache:

1. the system text and the **story bible** (title page, the writer's notes ``[[...]]``,
   sections and synopses, and a one-line-per-scene summary; boneyard is never read);
   it depends only on the script and the budget, never on the cursor;
2. **cards** for the characters and locations of the scenes in focus (KoboldAI's world
   info: a character's first description in action and a few of their lines);
3. the **scenes nearest the cursor**, in story order, dropped from the far end (and the
   nearest one cut from its far side) when the budget is short;
4. the **instruction**, last.

Instruction-tuned models get chat messages rendered with their own template
(``engine.render_chat``); base models (GPT-NeoX, Pythia) get the same parts as a Fountain
document that ends where the model should go on writing.

The budget is the context window minus ``max_tokens`` (minus a small margin). The final
text is counted as a whole and trimmed again until it fits: the prompt never overflows.
What was trimmed, and why a prompt cannot be made, is said in phrases of the ``Prompt``
context (:class:`~reelwright.models.phrases.Phrase`: English here, translated by the desktop).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from string import Template

from reelwright.models.phrases import QT_TRANSLATE_NOOP, Phrase
from reelwright.screenplay.elements import Element, ElementType, Script
from reelwright.screenplay.errors import ModelError, ReelwrightError
from reelwright.screenplay.vocabulary import (
    cue_name,
    is_heading_text,
    notes_in,
    split_heading,
    strip_notes,
)

log = logging.getLogger(__name__)

TokenCounter = Callable[[str], int]
ChatRenderer = Callable[[Sequence[dict[str, str]]], str]

SAFETY_TOKENS = 8
BIBLE_SHARE = 0.3
CARDS_SHARE = 0.2
LINES_PER_CARD = 3
CARD_DESCRIPTION_CHARS = 240

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _said(template: str, **fields: str | int) -> Phrase:
    return Phrase("Prompt", template, **fields)


# --- what the script holds ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scene:
    """One scene: a heading and what follows it up to the next heading. Material before
    the first heading is scene 0 with no heading."""

    number: int
    heading: Element | None
    elements: tuple[Element, ...]

    @property
    def start_line(self) -> int:
        return self.elements[0].start_line if self.elements else 0

    @property
    def end_line(self) -> int:
        return self.elements[-1].end_line if self.elements else 0

    @property
    def location(self) -> str | None:
        return location_of(self.heading.text) if self.heading else None

    def speakers(self) -> list[str]:
        names: list[str] = []
        for element in self.elements:
            if element.type is ElementType.CHARACTER:
                name = cue_name(element.text)
                if name and name not in names:
                    names.append(name)
        return names


@dataclass(frozen=True, slots=True)
class Story:
    """What prompts need from a parsed script, computed once per script."""

    script: Script
    scenes: tuple[Scene, ...]
    characters: tuple[str, ...]
    """Every cue name, most speeches first (ties: first appearance)."""
    speeches: dict[str, int] = field(default_factory=dict)

    def scene_at_line(self, line: int) -> int:
        """Index into ``scenes`` of the scene holding source line ``line`` (0-based)."""
        index = 0
        for i, scene in enumerate(self.scenes):
            if scene.elements and scene.start_line <= line:
                index = i
        return index

    def scene_by_number(self, number: int) -> int:
        for i, scene in enumerate(self.scenes):
            if scene.number == number and scene.heading is not None:
                return i
        last = max((s.number for s in self.scenes), default=0)
        raise ReelwrightError(
            _said(
                QT_TRANSLATE_NOOP(
                    "Prompt", "there is no scene {number}: the script has {last} scenes"
                ),
                number=number,
                last=last,
            )
        )


def location_of(heading: str) -> str:
    """``INT. WILL'S BEDROOM - NIGHT (1973)`` -> ``WILL'S BEDROOM`` (the core vocabulary's
    one location/time split)."""
    return split_heading(heading).location.strip() or heading.strip()


def read_story(script: Script) -> Story:
    scenes: list[Scene] = []
    heading: Element | None = None
    body: list[Element] = []
    number = 0
    for element in script.elements:
        if element.type is ElementType.SCENE_HEADING:
            if heading is not None or body:
                scenes.append(Scene(number, heading, tuple(body)))
            number += 1
            heading, body = element, [element]
        else:
            body.append(element)
    if heading is not None or body:
        scenes.append(Scene(number, heading, tuple(body)))
    counts: Counter[str] = Counter()
    for element in script.elements:
        if element.type is ElementType.CHARACTER:
            name = cue_name(element.text)
            if name:
                counts[name] += 1
    order = {name: i for i, name in enumerate(counts)}
    characters = sorted(counts, key=lambda n: (-counts[n], order[n]))
    return Story(script, tuple(scenes), tuple(characters), dict(counts))


# --- rendering as Fountain ------------------------------------------------------------------

_SPEECH_PARTS = (ElementType.PARENTHETICAL, ElementType.DIALOGUE)
_PROMPT_SKIPS = (ElementType.SECTION, ElementType.SYNOPSIS, ElementType.NOTE)


def render_elements(elements: Sequence[Element]) -> str:
    """Fountain text of ``elements`` for a prompt: notes, sections and synopses left out
    (they are in the bible), forcing marks added where the plain text would misparse."""
    out: list[str] = []
    in_speech = False
    for element in elements:
        kind = element.type
        text = strip_notes(element.text).strip()
        if kind in _PROMPT_SKIPS or kind is ElementType.PAGE_BREAK or not text:
            continue
        if kind is ElementType.SCENE_HEADING:
            line = text if is_heading_text(text) else "." + text
        elif kind is ElementType.CHARACTER:
            line = (text if text.isupper() else "@" + text) + (" ^" if element.dual else "")
        elif kind is ElementType.TRANSITION:
            line = text if text.endswith("TO:") and text.isupper() else "> " + text
        elif kind is ElementType.CENTERED:
            line = f">{text}<"
        elif kind is ElementType.LYRICS:
            line = "\n".join("~" + part for part in text.split("\n"))
        else:
            line = text
        if out and not (kind in _SPEECH_PARTS and in_speech):
            out.append("")
        out.append(line)
        in_speech = kind is ElementType.CHARACTER or (kind in _SPEECH_PARTS and in_speech)
    return "\n".join(out)


def scene_text(scene: Scene, until_line: int | None = None) -> str:
    elements = scene.elements
    if until_line is not None:
        elements = tuple(e for e in elements if e.start_line < until_line)
    return render_elements(elements)


# --- bible and cards --------------------------------------------------------------------

_TITLE_KEYS = ("title", "credit", "author", "authors", "source", "notes")


def title_block(script: Script) -> str:
    lines = []
    for key, value in script.title_page.items():
        if key.casefold() in _TITLE_KEYS:
            clean = " ".join(strip_notes(value).replace("*", "").replace("_", " ").split())
            if clean:
                lines.append(f"{key}: {clean}")
    return "\n".join(lines)


def writer_notes(script: Script) -> list[str]:
    """The writer's notes, sections and synopses, in script order."""
    notes: list[str] = []
    for element in script.elements:
        if element.type is ElementType.NOTE:
            text = element.text.strip().removeprefix("[[").removesuffix("]]")
            notes.append("Note: " + " ".join(text.split()))
        elif element.type is ElementType.SECTION:
            notes.append("#" * max(element.depth, 1) + " " + element.text.strip())
        elif element.type is ElementType.SYNOPSIS:
            notes.append("= " + element.text.strip())
        else:
            for found in notes_in(element.text):
                if found.strip():
                    notes.append("Note: " + " ".join(found.split()))
    return [n for n in notes if n.strip() not in ("", "Note:")]


def first_sentence(text: str, limit: int = 160) -> str:
    flat = " ".join(strip_notes(text).replace("*", "").split())
    sentence = _SENTENCE_END.split(flat, maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 3].rstrip() + "..."


def scene_summaries(story: Story) -> list[str]:
    lines = []
    for scene in story.scenes:
        if scene.heading is None:
            continue
        action = next((e for e in scene.elements if e.type is ElementType.ACTION), None)
        synopsis = next((e for e in scene.elements if e.type is ElementType.SYNOPSIS), None)
        gist = synopsis.text if synopsis else (action.text if action else "")
        who = ", ".join(scene.speakers()[:4])
        line = f"{scene.number}. {strip_notes(scene.heading.text).strip()}"
        if gist:
            line += f": {first_sentence(gist, 120)}"
        if who:
            line += f" ({who})"
        lines.append(line)
    return lines


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w']){re.escape(name)}(?![\w'])", text) is not None


def character_card(story: Story, name: str) -> str:
    description = ""
    for element in story.script.elements:
        if element.type is ElementType.ACTION and _mentions(element.text, name):
            flat = " ".join(strip_notes(element.text).split())
            start = flat.find(name)
            sentence_start = max(flat.rfind(". ", 0, start) + 2, 0) if start > 0 else 0
            description = flat[sentence_start : sentence_start + CARD_DESCRIPTION_CHARS]
            break
    lines: list[str] = []
    speaking = False
    for element in story.script.elements:
        if element.type is ElementType.CHARACTER:
            speaking = cue_name(element.text) == name
        elif element.type is ElementType.DIALOGUE and speaking:
            flat = " ".join(strip_notes(element.text).split())
            if len(flat.split()) >= 4:
                lines.append(flat if len(flat) <= 160 else flat[:157].rstrip() + "...")
                if len(lines) >= LINES_PER_CARD:
                    break
        elif element.type not in _SPEECH_PARTS:
            speaking = False
    card = f"{name}: {description}" if description else f"{name}:"
    for line in lines:
        card += f'\n  {name} says: "{line}"'
    return card


def location_card(story: Story, place: str) -> str:
    for scene in story.scenes:
        if scene.location == place:
            action = next((e for e in scene.elements if e.type is ElementType.ACTION), None)
            if action:
                return f"{place}: {first_sentence(action.text, CARD_DESCRIPTION_CHARS)}"
            break
    return f"{place}:"


def mentioned_characters(story: Story, indices: Sequence[int]) -> list[str]:
    """Speakers of the scenes first, then known characters named in their action."""
    names: list[str] = []
    for index in indices:
        for name in story.scenes[index].speakers():
            if name not in names:
                names.append(name)
    for index in indices:
        action = " ".join(
            e.text for e in story.scenes[index].elements if e.type is ElementType.ACTION
        )
        for name in story.characters:
            if name not in names and _mentions(action.upper(), name.upper()):
                names.append(name)
    return names


# --- templates ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PromptTemplate:
    """One recipe file of ``resources/prompts``: sections ``=== name ===``, comment lines
    starting with ``#`` before the first section, ``$placeholders`` (string.Template)."""

    name: str
    sections: dict[str, str]

    def fill(self, section: str, values: dict[str, object]) -> str:
        text = self.sections.get(section, "")
        try:
            return Template(text).substitute({k: str(v) for k, v in values.items()})
        except (KeyError, ValueError) as error:
            raise ReelwrightError(
                f"the prompt template {self.name}.txt has a bad placeholder in its "
                f"{section} section: {error}"
            ) from None


def parse_template(name: str, text: str) -> PromptTemplate:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        marker = re.fullmatch(r"===\s*([\w-]+)\s*===\s*", line)
        if marker:
            current = sections.setdefault(marker.group(1), [])
        elif current is not None:
            current.append(line)
    if not sections:
        raise ReelwrightError(f"the prompt template {name}.txt has no === section === lines")
    return PromptTemplate(name, {k: "\n".join(v).strip("\n") for k, v in sections.items()})


@cache
def load_template(name: str) -> PromptTemplate:
    path = resources.files("reelwright.resources").joinpath("prompts", f"{name}.txt")
    return parse_template(name, path.read_text("utf-8"))


# --- assembly -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PromptSpec:
    """What an action wants in its prompt."""

    system: str
    instruction: str
    """The chat instruction (last in the user message)."""
    completion_tail: str
    """For base models: Fountain text appended after the scenes, ending where the model
    writes on (a blank line for a scene heading, a note announcing JSON...)."""
    focus: tuple[int, ...]
    """Scenes whose characters and locations get cards."""
    scene_priority: tuple[int, ...]
    """Scenes to show, most important first; shown in story order."""
    cut_at_line: int | None = None
    """Cut the scene holding this line there (continuing dialogue at the cursor)."""
    after_gap: int | None = None
    """Scene shown after the gap the model fills (between-scenes)."""
    extra_characters: tuple[str, ...] = ()
    """Characters that get a card even if the focus scenes do not mention them."""


@dataclass(frozen=True, slots=True)
class AssembledPrompt:
    style: str
    """"chat" (rendered with the model's template) or "completion" (a Fountain prefix)."""
    text: str
    """Exactly what the model reads."""
    messages: tuple[dict[str, str], ...] | None
    stable_prefix: str
    """The start of ``text`` that depends only on the script (system text and bible)."""
    tokens: int
    budget: int
    scenes_shown: tuple[int, ...]
    cards: tuple[str, ...]
    trimmed: tuple[str, ...]
    """What was left out or shortened to fit, in words."""


class Assembler:
    """Builds prompts for one story with one model's tokenizer and chat template."""

    def __init__(
        self,
        story: Story,
        count_tokens: TokenCounter,
        n_ctx: int,
        render_chat: ChatRenderer | None = None,
    ) -> None:
        self.story = story
        self.count = count_tokens
        self.n_ctx = n_ctx
        self.render_chat = render_chat
        self._bible_cache: dict[int, tuple[str, tuple[str, ...]]] = {}

    # The bible depends only on the script and the token cap: stable across requests.
    def bible(self, cap: int) -> tuple[str, tuple[str, ...]]:
        if cap in self._bible_cache:
            return self._bible_cache[cap]
        script = self.story.script
        head = [title_block(script)]
        notes = writer_notes(script)
        if notes:
            head.append("Writer's notes:\n" + "\n".join(notes))
        summary = scene_summaries(self.story)
        trimmed: list[str] = []
        text = self._bible_text(head, summary)
        step = 1
        while summary and self.count(text) > cap:
            step += 1
            kept = summary[::step]
            text = self._bible_text(head, kept)
            if self.count(text) <= cap:
                thinned = QT_TRANSLATE_NOOP(
                    "Prompt", "scene summary thinned to one scene in {step}"
                )
                trimmed.append(_said(thinned, step=step))
                break
            if step > len(summary):
                summary = []
                trimmed.append(_said(QT_TRANSLATE_NOOP("Prompt", "scene summary left out")))
        if self.count(text) > cap:
            text = self._bible_text(head, [])
            while head and self.count(text) > cap:
                cut = head[-1][: len(head[-1]) * 2 // 3]
                head = [*head[:-1], cut] if len(cut) > 40 else head[:-1]
                text = self._bible_text(head, [])
            trimmed.append(_said(QT_TRANSLATE_NOOP("Prompt", "writer's notes shortened")))
        result = (text, tuple(trimmed))
        self._bible_cache[cap] = result
        return result

    @staticmethod
    def _bible_text(head: list[str], summary: list[str]) -> str:
        parts = [h for h in head if h.strip()]
        if summary:
            parts.append("Scenes so far:\n" + "\n".join(summary))
        return "\n\n".join(parts)

    def cards(self, spec: PromptSpec, cap: int) -> tuple[list[str], list[str]]:
        names = list(spec.extra_characters)
        for name in mentioned_characters(self.story, spec.focus):
            if name not in names:
                names.append(name)
        places: list[str] = []
        for index in spec.focus:
            place = self.story.scenes[index].location
            if place and place not in places:
                places.append(place)
        cards = [character_card(self.story, n) for n in names]
        cards += [location_card(self.story, p) for p in places]
        trimmed: list[str] = []
        while cards and self.count("\n".join(cards)) > cap:
            dropped = cards.pop(len(names) - 1 if len(names) > 1 else -1)
            if len(names) > 1:
                names.pop()
            trimmed.append(
                _said(
                    QT_TRANSLATE_NOOP("Prompt", "card {name} left out"),
                    name=dropped.split(":", 1)[0],
                )
            )
        return cards, trimmed

    def _scene_block(self, spec: PromptSpec, index: int, limit: int | None) -> str:
        scene = self.story.scenes[index]
        cut = spec.cut_at_line if index == self._cut_scene(spec) else None
        text = scene_text(scene, cut)
        if limit is None or self.count(text) <= limit:
            return text
        # Keep the side nearest the gap: the end of earlier scenes, the start of later ones.
        lines = text.split("\n")
        earlier = spec.after_gap is None or index < spec.after_gap
        while lines and self.count("\n".join(lines)) > limit:
            drop = max(1, len(lines) // 8)
            lines = lines[drop:] if earlier else lines[:-drop]
        return "\n".join(lines)

    def _cut_scene(self, spec: PromptSpec) -> int | None:
        if spec.cut_at_line is None:
            return None
        return self.story.scene_at_line(spec.cut_at_line)

    def assemble(self, spec: PromptSpec, max_tokens: int) -> AssembledPrompt:
        budget = self.n_ctx - max_tokens - SAFETY_TOKENS
        if budget < 64:
            raise ReelwrightError(
                _said(
                    QT_TRANSLATE_NOOP(
                        "Prompt",
                        "the context window ({context} tokens) leaves no room for a prompt after "
                        "{tokens} tokens of output; lower the maximum tokens",
                    ),
                    context=self.n_ctx,
                    tokens=max_tokens,
                )
            )
        bible, trimmed = self.bible(int(budget * BIBLE_SHARE))
        trimmed_list = list(trimmed)
        cards, card_trims = self.cards(spec, int(budget * CARDS_SHARE))
        trimmed_list += card_trims
        chosen: list[int] = []
        blocks: dict[int, str] = {}
        fixed = self._render(spec, bible, cards, {})
        room = budget - self.count(fixed.text)
        if room < 0:
            raise ReelwrightError(
                _said(
                    QT_TRANSLATE_NOOP(
                        "Prompt",
                        "the prompt does not fit in the context window ({context} tokens) even "
                        "without scenes; use a model with a longer context or lower the maximum "
                        "tokens",
                    ),
                    context=self.n_ctx,
                )
            )
        for index in dict.fromkeys(spec.scene_priority):
            block = self._scene_block(spec, index, None)
            cost = self.count(block) + 4
            if cost <= room:
                chosen.append(index)
                blocks[index] = block
                room -= cost
            elif not chosen and room > 32:
                blocks[index] = self._scene_block(spec, index, room - 8)
                chosen.append(index)
                trimmed_list.append(
                    _said(
                        QT_TRANSLATE_NOOP("Prompt", "scene {number} shortened"),
                        number=self.story.scenes[index].number,
                    )
                )
                room = 0
            else:
                break
        left_out = len(dict.fromkeys(spec.scene_priority)) - len(chosen)
        if left_out:
            trimmed_list.append(
                _said(
                    QT_TRANSLATE_NOOP("Prompt", "{count} farther scene(s) left out"), count=left_out
                )
            )
        prompt = self._render(spec, bible, cards, blocks)
        # Token counts of parts do not add up exactly; trim until the whole fits.
        while prompt.tokens > budget:
            if chosen:
                far = chosen.pop()
                blocks.pop(far)
                trimmed_list.append(
                    _said(
                        QT_TRANSLATE_NOOP("Prompt", "scene {number} left out"),
                        number=self.story.scenes[far].number,
                    )
                )
            elif cards:
                cards.pop()
                trimmed_list.append(_said(QT_TRANSLATE_NOOP("Prompt", "a card left out")))
            else:
                raise ReelwrightError(
                    _said(
                        QT_TRANSLATE_NOOP(
                            "Prompt",
                            "the prompt does not fit in the context window ({context} tokens)",
                        ),
                        context=self.n_ctx,
                    )
                )
            prompt = self._render(spec, bible, cards, blocks)
        return AssembledPrompt(
            style=prompt.style,
            text=prompt.text,
            messages=prompt.messages,
            stable_prefix=prompt.stable_prefix,
            tokens=prompt.tokens,
            budget=budget,
            scenes_shown=tuple(sorted(blocks)),
            cards=tuple(c.split(":", 1)[0] for c in cards),
            trimmed=tuple(trimmed_list),
        )

    def _render(
        self, spec: PromptSpec, bible: str, cards: list[str], blocks: dict[int, str]
    ) -> AssembledPrompt:
        before = [blocks[i] for i in sorted(blocks) if spec.after_gap is None or i < spec.after_gap]
        after = [
            blocks[i] for i in sorted(blocks) if spec.after_gap is not None and i >= spec.after_gap
        ]
        if self.render_chat is not None:
            try:
                return self._render_chat(spec, bible, cards, before, after)
            except ModelError as error:
                log.warning("chat template failed (%s); using a completion-style prompt", error)
                self.render_chat = None
        return self._render_completion(spec, bible, cards, before, after)

    def _render_chat(
        self,
        spec: PromptSpec,
        bible: str,
        cards: list[str],
        before: list[str],
        after: list[str],
    ) -> AssembledPrompt:
        assert self.render_chat is not None
        system = spec.system + ("\n\nSTORY BIBLE\n" + bible if bible else "")
        user: list[str] = []
        if cards:
            user.append("CHARACTERS AND PLACES\n" + "\n".join(cards))
        if before:
            user.append("SCRIPT\n" + "\n\n".join(before))
        if after:
            user.append("THE SCENE THAT COMES AFTER\n" + "\n\n".join(after))
        user.append(spec.instruction)
        messages = (
            {"role": "system", "content": system},
            {"role": "user", "content": "\n\n".join(user)},
        )
        text = self.render_chat(list(messages))
        marker = "\u2063\u2063"
        probe = self.render_chat([messages[0], {"role": "user", "content": marker}])
        stable = probe.split(marker, 1)[0] if marker in probe else ""
        return AssembledPrompt("chat", text, messages, stable, self.count(text), 0, (), (), ())

    def _render_completion(
        self,
        spec: PromptSpec,
        bible: str,
        cards: list[str],
        before: list[str],
        after: list[str],
    ) -> AssembledPrompt:
        title = title_block(self.story.script)
        rest = bible[len(title) :].strip() if bible.startswith(title) else bible
        head = (title + "\n\n") if title else ""
        if rest:
            head += "[[STORY BIBLE\n" + rest.replace("]]", "] ]") + "]]\n\n"
        stable = head
        body = ""
        if cards:
            body += "[[CHARACTERS AND PLACES\n" + "\n".join(cards).replace("]]", "] ]") + "]]\n\n"
        if after:
            gist = " ".join(" ".join(after).split())[:600].replace("]]", "] ]")
            body += f"[[The scene after the next one: {gist}]]\n\n"
        if before:
            body += "\n\n".join(before) + "\n\n"
        text = head + body + spec.completion_tail
        return AssembledPrompt("completion", text, None, stable, self.count(text), 0, (), (), ())
