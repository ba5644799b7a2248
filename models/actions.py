"""The writing actions of the co-writer: each a recipe (template, grammar, sampler
defaults) plus an output check. Qt-free: the desktop panel and ``reelwright suggest`` both
iterate ``run_action``.

Events, in order: one ``PromptReady``; then ``SuggestionChunk`` pieces as they stream
(alternative after alternative; a ``Retry`` for an alternative means "drop its text so
far"); then exactly one final ``Suggestion`` per alternative, valid or failed with a
reason. A suggestion that fails its check is generated again with a new seed, at most
``MAX_ATTEMPTS`` times in all; a broken one is never marked valid. So is one that repeats
an earlier alternative or an earlier take given in the options (``EARLIER_TAKES``: the
``dup`` rule of ``quality``); for the trailer and shots the next alternative may not
choose the moments or planned shots the earlier ones chose (as far as the plan allows).

Everything said to the writer (a request refused, a retry's reason, a note with every take)
is a :class:`~reelwright.models.phrases.Phrase`: English for the command line, translated by
the desktop (refusals in the ``Action`` context, notes in the check's).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, TypeAlias

from reelwright.models import action_registry, grammars, grounding, quality
from reelwright.models.phrases import QT_TRANSLATE_NOOP, Phrase, language_name, listed
from reelwright.models.prompting import (
    Assembler,
    PromptSpec,
    Story,
    load_template,
    read_story,
)
from reelwright.models.suggestions import (
    Check,
    Suggestion,
    check_output,
    said,
    scale_beats,
)
from reelwright.models.types import (
    CancelToken,
    Chunk,
    Engine,
    Finished,
    GenerationRequest,
    SamplerSettings,
)
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.parser import parse
from reelwright.screenplay.vocabulary import cue_name, split_heading

ACTIONS = action_registry.NAMES
"""The action names, in the registry's order (the registry owns the list)."""
SCRIPT_ACTIONS = tuple(a.name for a in action_registry.ACTIONS if a.scope == "scene")
"""The actions that write into the scene at the cursor."""
MAX_ATTEMPTS = 3
TRAILER_BEATS = {30: (3, 6), 60: (5, 10), 90: (7, 14)}
TRAILER_PHASES = {
    30: {"world": (1, 1), "disruption": (1, 1), "escalation": (1, 2), "climax": (1, 1)},
    60: {"world": (1, 2), "disruption": (1, 2), "escalation": (2, 3), "climax": (1, 2)},
    90: {"world": (2, 3), "disruption": (2, 3), "escalation": (2, 4), "climax": (1, 2)},
}
"""Beats per phase of the trailer's shape; the title card comes after them."""
CONTEXT_SCENES = 12
MAX_SHOTS = 8
PROMPT_STYLES = ("auto", "chat", "completion")
"""``auto``: chat for a model with a chat template, completion otherwise. Measured for the
embedded SmolLM2-135M (benchmarks/bench_quality.py --style, docs/quality.md): completion
form wrote 2.7% invented words against chat's 1.4%, and one of its scenes had no dialogue;
both kept action in the third person once first-person paragraphs are left out."""


@dataclass(frozen=True, slots=True)
class Recipe:
    """How one action samples. ``output`` is "scene", "dialogue" or a schema name."""

    action: str
    output: str
    max_tokens: int
    temperature: float
    repeat_penalty: float = 1.15
    dry_multiplier: float = 0.0
    stop: tuple[str, ...] = ()
    """Only used without a grammar (the benchmark's comparison): grammars end by themselves."""


DRY = 0.8
"""DRY strength for the script actions: small models loop on their own lines without it (in
a shot list too: the JSON's quotes and colons break DRY's matching, so only repeats inside
the text of the shots are penalised)."""
SCENE_STOPS = ("\n\nINT.", "\n\nEXT.")
RECIPES = {
    "next-scene": Recipe("next-scene", "scene", 700, 0.8, dry_multiplier=DRY, stop=SCENE_STOPS),
    "continue-dialogue": Recipe(
        "continue-dialogue", "dialogue", 400, 0.8, dry_multiplier=DRY, stop=("\n\nINT.",)
    ),
    "between-scenes": Recipe(
        "between-scenes", "scene", 700, 0.8, dry_multiplier=DRY, stop=SCENE_STOPS
    ),
    "shots": Recipe("shots", "shots", 1200, 0.6, dry_multiplier=DRY),
    "trailer": Recipe("trailer", "trailer", 2400, 0.8),
    "logline": Recipe("logline", "logline", 1400, 0.7),
    "character": Recipe("character", "character", 1200, 0.7),
    "marketing": Recipe("marketing", "marketing", 1800, 0.9),
}


@dataclass(frozen=True, slots=True)
class PromptReady:
    """The prompt is built: what it holds and what was trimmed to fit."""

    action: str
    style: str
    """"chat" or "completion"."""
    prompt_tokens: int
    budget: int
    scenes_shown: tuple[int, ...]
    """Scene numbers shown in full or in part."""
    cards: tuple[str, ...]
    trimmed: tuple[str, ...]
    stable_prefix_chars: int


@dataclass(frozen=True, slots=True)
class SuggestionChunk:
    index: int
    attempt: int
    text: str


@dataclass(frozen=True, slots=True)
class Retry:
    """Alternative ``index`` failed its check; attempt ``attempt`` starts now."""

    index: int
    attempt: int
    reason: str
    """Why the last attempt failed (a phrase: its problems joined)."""


ActionEvent: TypeAlias = PromptReady | SuggestionChunk | Retry | Suggestion


@dataclass(slots=True)
class Plan:
    """Everything an action needs besides the engine: prompt spec, grammar, check rules."""

    recipe: Recipe
    spec: PromptSpec
    grammar: str | None
    known: tuple[str, ...]
    new_character: str | None = None
    context: dict[str, Any] = field(default_factory=dict)
    max_tokens: int = 0
    need: int = 0
    """The fewest output tokens that always hold a complete, valid answer."""
    notes: tuple[str, ...] = ()
    """Said with every suggestion (a model that does not write the script's language)."""


def _refused(template: str, **fields: str | int) -> ReelwrightError:
    """A request that cannot be made, said in a phrase of the ``Action`` context."""
    return ReelwrightError(Phrase("Action", template, **fields))


def _unknown_action(action: str) -> ReelwrightError:
    return _refused(
        QT_TRANSLATE_NOOP("Action", "unknown action {action}; choose one of {actions}"),
        action=repr(action),
        actions=listed(ACTIONS),
    )


def run_action(
    engine: Engine,
    action: str,
    script_text: str,
    *,
    cursor_line: int | None = None,
    scene: int | None = None,
    options: dict[str, Any] | None = None,
    sampler: SamplerSettings | None = None,
    n: int = 1,
    cancel: CancelToken | None = None,
    use_grammar: bool = True,
) -> Iterator[ActionEvent]:
    """Run ``action`` on ``script_text`` and stream its events.

    ``cursor_line`` is a 0-based line of ``script_text``; ``scene`` a 1-based scene number
    (it wins over the cursor). ``sampler`` None means the recipe's defaults.
    ``use_grammar=False`` exists for the benchmark's comparison only.
    Raises ``ReelwrightError`` for a request that cannot be made (unknown action, no such
    scene, a context too small); everything that happens while generating is an event.
    """
    if action not in RECIPES:
        raise _unknown_action(action)
    if n < 1:
        raise _refused(QT_TRANSLATE_NOOP("Action", "the number of alternatives must be at least 1"))
    recipe = RECIPES[action]
    story = read_story(parse(script_text))
    n_ctx = engine.facts.n_ctx
    settings = sampler or default_sampler(action, n_ctx)
    options = dict(options or {})
    language = str(options.get("language") or quality.detect_language(script_text))
    writes = _model_writes(engine, language)
    plan = make_plan(
        recipe,
        story,
        cursor_line,
        scene,
        options,
        settings.max_tokens,
        language=language,
        model_writes_language=writes,
    )
    if settings.max_tokens < plan.need:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Action",
                "{action} needs at least {tokens} tokens of output room; raise the maximum tokens",
            ),
            action=action,
            tokens=plan.need,
        )
    if not use_grammar:
        plan.grammar = None
    base_seed = settings.seed if settings.seed is not None else random.randrange(1, 2**30)
    style = prompt_style(engine, str(options.get("prompt_style") or "auto"))
    chat = engine.render_chat if style == "chat" else None
    assembler = Assembler(story, engine.count_tokens, n_ctx, chat)
    prompt = assembler.assemble(plan.spec, settings.max_tokens)
    number_of = [s.number for s in story.scenes]
    yield PromptReady(
        action,
        prompt.style,
        prompt.tokens,
        prompt.budget,
        tuple(number_of[i] for i in prompt.scenes_shown),
        prompt.cards,
        prompt.trimmed,
        len(prompt.stable_prefix),
    )
    stop = () if plan.grammar else recipe.stop + _chat_stops(prompt.style)

    def request(seed: int, grammar: str | None) -> GenerationRequest:
        return GenerationRequest(
            prompt=prompt.text, sampler=replace(settings, seed=seed), stop=stop, grammar=grammar
        )

    # Alternatives are written one after another (the engines do so anyway, and the prompt
    # stays in the cache), so that each is steered away from the choices of those before
    # it and of the earlier takes the writer already has (Regenerate).
    earlier = _earlier_takes(options)
    shown: list[str] = [text for text, _ in earlier]
    taken: Counter[str] = Counter(pick for _, picks in earlier for pick in picks)
    for index in range(n):
        if cancel is not None and cancel.cancelled:
            yield _finish(plan, index, 1, "", Finished(index, "cancelled"))
            continue
        attempt = 1
        while True:
            seed = (
                base_seed + index if attempt == 1 else base_seed + 7919 * attempt + 104729 * index
            )
            steered = replace(
                plan,
                grammar=_steered_grammar(plan, taken),
                context={**plan.context, "avoid": dict(taken)},
            )
            suggestion = yield from _attempt(
                engine, request(seed, steered.grammar), steered, index, attempt, cancel
            )
            suggestion = _against_earlier(suggestion, shown, len(earlier), attempt)
            retryable = suggestion.finished is not None and suggestion.finished.reason in (
                "stop",
                "length",
            )
            if suggestion.ok or not retryable or attempt >= MAX_ATTEMPTS:
                break
            attempt += 1
            yield Retry(index, attempt, suggestion.failure or "")
        yield suggestion
        if suggestion.ok:
            shown.append(suggestion.text)
            taken.update(_picks(action, suggestion.data))


EARLIER_TAKES = "earlier_takes"
"""The option holding the takes the writer already has for this request (Regenerate):
each a text, or ``{"text": ..., "data": ...}`` as a ``Suggestion`` holds them."""


def _earlier_takes(options: dict[str, Any]) -> list[tuple[str, set[str]]]:
    """(text, picks) of each earlier take given in the options."""
    out: list[tuple[str, set[str]]] = []
    for take in options.get(EARLIER_TAKES) or ():
        if isinstance(take, str):
            text, data = take, None
        elif isinstance(take, dict):
            text, data = str(take.get("text") or ""), take.get("data")
        else:
            text, data = str(getattr(take, "text", "") or ""), getattr(take, "data", None)
        if text.strip():
            out.append((text, _picks(None, data)))
    return out


def _picks(action: str | None, data: Any) -> set[str]:
    """The trailer moments or planned shots a take chose (ids of the plan it was cut from)."""
    if not isinstance(data, dict):
        return set()
    picks: set[str] = set()
    if action in (None, "trailer"):
        picks |= {
            str(b["moment"])
            for b in data.get("beats") or []
            if isinstance(b, dict) and b.get("moment")
        }
    if action in (None, "shots"):
        picks |= {
            str(s["plan"]) for s in data.get("shots") or [] if isinstance(s, dict) and s.get("plan")
        }
    return picks


def _steered_grammar(plan: Plan, taken: Counter[str]) -> str | None:
    """The plan's grammar, or for the trailer and shots one without the moments or shots
    that earlier alternatives chose (``taken``: how many chose each): only as many of
    those come back as the action's shape needs at the least, the least chosen first (a
    short scene has few shots to choose from)."""
    context = plan.context
    action = plan.recipe.action
    if plan.grammar is None or action not in ("trailer", "shots"):
        return plan.grammar
    if not set(taken) & set(context.get("plan") or context.get("moments") or ()):
        return plan.grammar
    letters = context["letters"]
    if action == "shots":
        shots = list(context["plan"].values())
        free = [s.id for s in shots if s.id not in taken]
        back = _least_taken([s.id for s in shots], taken, context["fewest_shots"] - len(free))
        keep = set(free) | set(back)
        by_kind: dict[str, list[str]] = {}
        for shot in shots:
            if shot.id in keep:
                by_kind.setdefault(shot.kind, []).append(shot.id)
        schema = grammars.shots_schema(by_kind, MAX_SHOTS, letters)
    else:
        counts = TRAILER_PHASES[int(context["length"])]
        phases: dict[str, list[str]] = {}
        for phase, ids in context["phases"].items():
            free = [i for i in ids if i not in taken]
            back = _least_taken(ids, taken, counts[phase][0] - len(free))
            phases[phase] = [i for i in ids if i in free or i in back]
        schema = grammars.trailer_schema(phases, counts, letters)
    try:
        schema = grammars.fit_schema(schema, plan.max_tokens)
    except ValueError:
        return plan.grammar  # cannot happen with fewer choices; the plan's grammar fits
    return grammars.json_grammar(schema)


def _least_taken(ids: list[str], taken: Counter[str], count: int) -> list[str]:
    """``count`` of the taken ``ids``, those chosen by the fewest alternatives first."""
    used = sorted((i for i in ids if i in taken), key=lambda i: taken[i])
    return used[: max(0, count)]


def _against_earlier(
    suggestion: Suggestion, shown: list[str], given: int, attempt: int
) -> Suggestion:
    """An alternative that repeats an earlier one or an earlier take (the ``dup`` rule,
    ``quality.repeats``) is written again; the last attempt is kept with a note saying
    so (it is valid, and the writer loses nothing)."""
    if not suggestion.ok or not shown:
        return suggestion
    which = quality.repeats(suggestion.text, shown)
    if which is None:
        return suggestion
    if which < given:
        said_ = said(QT_TRANSLATE_NOOP("Check", "it repeats an earlier take"))
    else:
        said_ = said(
            QT_TRANSLATE_NOOP("Check", "it repeats alternative {number}"), number=which - given + 1
        )
    check = suggestion.check
    if attempt < MAX_ATTEMPTS:
        check = Check(False, (said_,), check.notes)
    else:
        check = Check(True, (), (*check.notes, said_))
    return replace(suggestion, check=check)


def prompt_style(engine: Engine, wanted: str = "auto") -> str:
    """ "chat" or "completion" for this engine and action (see ``PROMPT_STYLES``)."""
    if wanted not in PROMPT_STYLES:
        raise _refused(
            QT_TRANSLATE_NOOP("Action", "unknown prompt style {style}; choose chat or completion"),
            style=repr(wanted),
        )
    has_chat = bool(engine.facts.chat_template)
    if wanted == "completion" or not has_chat:
        return "completion"
    return "chat"


def _model_writes(engine: Engine, language: str) -> bool:
    from reelwright.models.recommend import model_languages

    info = getattr(engine, "info", None)
    known = model_languages(getattr(info, "path", None))
    return known is None or language.split("-")[0] in known


def default_sampler(action: str, n_ctx: int = 4096) -> SamplerSettings:
    """The recipe's sampler settings (``max_tokens`` at most half the context)."""
    recipe = RECIPES[action]
    return SamplerSettings(
        temperature=recipe.temperature,
        repeat_penalty=recipe.repeat_penalty,
        dry_multiplier=recipe.dry_multiplier,
        max_tokens=min(recipe.max_tokens, n_ctx // 2),
    )


def _chat_stops(style: str) -> tuple[str, ...]:
    return ("<|im_end|>", "<|endoftext|>") if style == "chat" else ()


def _attempt(
    engine: Engine,
    request: GenerationRequest,
    plan: Plan,
    index: int,
    attempt: int,
    cancel: CancelToken | None,
) -> Generator[ActionEvent, None, Suggestion]:
    """One attempt at alternative ``index``: its chunks as they stream, then (returned) its
    checked suggestion."""
    texts: list[str] = []
    done: Finished | None = None
    for item in engine.generate(request, cancel):
        if isinstance(item, Chunk):
            texts.append(item.text)
            yield SuggestionChunk(index, attempt, item.text)
        elif isinstance(item, Finished) and done is None:
            done = item
    if done is None:
        done = Finished(index, "error", error=said(QT_TRANSLATE_NOOP("Check", "the model failed")))
    return _finish(plan, index, attempt, "".join(texts), done)


def _finish(plan: Plan, index: int, attempt: int, raw: str, done: Finished) -> Suggestion:
    action = plan.recipe.action
    if done.reason == "cancelled":
        check = Check(False, (said(QT_TRANSLATE_NOOP("Check", "cancelled")),))
        return Suggestion(action, index, raw, None, check, attempt, raw, done)
    if done.reason == "error":
        failed = said(QT_TRANSLATE_NOOP("Check", "the model failed"))
        check = Check(False, (done.error or failed,))
        return Suggestion(action, index, raw, None, check, attempt, raw, done)
    text, data, check = check_output(
        plan.recipe.output,
        raw,
        truncated=done.reason == "length",
        known=plan.known,
        new_character=plan.new_character,
        context=plan.context,
    )
    if plan.notes:
        check = Check(check.ok, check.problems, (*check.notes, *plan.notes))
    return Suggestion(action, index, text, data, check, attempt, raw, done)


# --- plans: what each action puts in its prompt and grammar ------------------------------


def _values(story: Story) -> dict[str, object]:
    title = story.script.title_value("Title")
    clean = " ".join((title or "").replace("*", "").replace("_", "").split())
    return {"title": clean or "this screenplay"}


def _scene_index(story: Story, cursor_line: int | None, scene: int | None) -> int:
    if not story.scenes:
        raise _refused(
            QT_TRANSLATE_NOOP("Action", "the script has no scenes yet; write a scene heading first")
        )
    if scene is not None:
        return story.scene_by_number(scene)
    if cursor_line is not None:
        return story.scene_at_line(cursor_line)
    return len(story.scenes) - 1


def _nearest(story: Story, index: int, *, later: bool = False) -> tuple[int, ...]:
    """Scene indices by distance from ``index``: earlier ones, and later ones if asked."""
    order = [index]
    for step in range(1, len(story.scenes)):
        if index - step >= 0:
            order.append(index - step)
        if later and index + step < len(story.scenes):
            order.append(index + step)
        if len(order) >= CONTEXT_SCENES:
            break
    return tuple(order)


def _new_character(options: dict[str, Any], story: Story) -> str | None:
    raw = options.get("new_character")
    if not raw:
        return None
    name = " ".join(str(raw).split()).upper()
    if name in story.characters:
        return None
    if not grammars.usable_cue_names([name]):
        raise _refused(
            QT_TRANSLATE_NOOP("Action", "{name} cannot be written as a character cue"),
            name=repr(raw),
        )
    return name


def _speakers_phrase(names: list[str]) -> str:
    return ", ".join(names) if names else "nobody (action only)"


def _times_of_day(story: Story) -> list[str]:
    """The times of day the script's own headings use (``НОЧЬ``, ``夜``, ``DAY``)."""
    times: list[str] = []
    for scene in story.scenes:
        if scene.heading is None:
            continue
        time = split_heading(scene.heading.text).time.strip()
        if time and time not in times and len(time) <= 24:
            times.append(time)
    return times


def _language_values(language: str, writes: bool) -> dict[str, object]:
    name = language_name(language).text()  # the prompt is English
    if language == "en" or not writes:
        return {"language_note": ""}
    return {"language_note": f" The script is written in {name}: write in {name}."}


def make_plan(
    recipe: Recipe,
    story: Story,
    cursor_line: int | None,
    scene: int | None,
    options: dict[str, Any],
    max_tokens: int,
    *,
    language: str = "en",
    model_writes_language: bool = True,
) -> Plan:
    action = recipe.action
    template = load_template(action)
    values = _values(story) | _language_values(language, model_writes_language)
    system = load_template("system").fill("system", values)
    letters = grammars.letters_for(language if model_writes_language else "en")
    notes: tuple[str, ...] = ()
    if not model_writes_language:
        note = QT_TRANSLATE_NOOP(
            "Check", "this model does not write {language}; the model manager lists models that do"
        )
        notes = (said(note, language=language_name(language)),)
    known = tuple(story.characters)
    whole_script = action in ("trailer", "logline", "character", "marketing")
    index = _scene_index(story, cursor_line, scene) if not whole_script or scene else 0
    if action == "between-scenes" and scene is None and cursor_line is None:
        index = max(0, len(story.scenes) - 2)  # by default, the gap before the last scene
    current = story.scenes[index] if story.scenes else None
    focus: tuple[int, ...] = (index,)
    priority = _nearest(story, index)
    cut_at: int | None = None
    after_gap: int | None = None
    extra: tuple[str, ...] = ()
    new = _new_character(options, story)
    grammar: str | None = None
    facts = quality.facts_of(story, language)
    context: dict[str, Any] = {"facts": facts, "language": language}
    names = list(known)
    times = _times_of_day(story)
    if action in ("next-scene", "between-scenes"):
        number = current.number if current else 0
        values |= {"scene_number": number, "next_number": number + 1}
        if action == "between-scenes":
            if index + 1 >= len(story.scenes):
                raise _refused(
                    QT_TRANSLATE_NOOP(
                        "Action",
                        "scene {number} is the last scene; use next-scene to write what follows",
                    ),
                    number=number,
                )
            after_gap = index + 1
            focus = (index, index + 1)
            priority = (index, index + 1, *[i for i in priority if i != index])
            values["after_number"] = story.scenes[index + 1].number
        values["characters"] = _speakers_phrase(names[:12])
        values["new_character"] = f" Introduce a new character, {new}." if new else ""
        grammar = grammars.scene_grammar(names, new, letters=letters, times=times)
        need = grammars.minimum_scene_tokens(letters, times)
    elif action == "continue-dialogue":
        assert current is not None
        speakers = current.speakers() or names
        if not speakers and not new:
            raise _refused(
                QT_TRANSLATE_NOOP(
                    "Action", "scene {number} has no dialogue yet and the script has no characters"
                ),
                number=current.number,
            )
        cut_at = cursor_line if scene is None else None
        last = _last_speaker(story, index, cut_at)
        if len(speakers) == 1 and not new:
            # Someone must answer: the characters the scene's action mentions, else the cast.
            present = [n for n in _present_characters(story, index) if n not in speakers]
            speakers = speakers + (present or [n for n in names if n not in speakers])[:3]
        names = speakers + ([new] if new else [])
        values |= {
            "scene_number": current.number,
            "speakers": ", ".join(names),
            "last_speaker": last or "the scene",
        }
        grammar = grammars.dialogue_grammar(names, last_speaker=last, letters=letters)
        need = grammars.minimum_dialogue_tokens(names, letters)
        known = tuple(names)
        context["previous_speaker"] = last
    else:
        schema, extra_values, more = _schema_for(action, story, options, current, letters, language)
        context |= more
        values |= extra_values
        if action == "character":
            extra = (context["name"],)
            focus = _scenes_with(story, context["name"])[:3] or focus
            priority = focus
        elif whole_script:
            focus = ()
            priority = tuple(range(len(story.scenes)))[:CONTEXT_SCENES]
        need = grammars.minimum_json_tokens(schema)
        if max_tokens >= need:
            schema = grammars.fit_schema(schema, max_tokens)
            grammar = grammars.json_grammar(schema)
        context["schema"] = schema
        context["letters"] = letters
        # The fewest items the action's shape needs once repeats are left out of a take.
        if action == "shots":
            context["fewest_shots"] = int(schema["properties"]["shots"].get("minItems", 1))
        elif action == "marketing":
            context["fewest_posts"] = int(schema["properties"]["posts"].get("minItems", 1))
        elif action == "trailer":
            context["fewest_beats"] = TRAILER_BEATS[int(context["length"])][0]
    instruction = template.fill("instruction", values).strip()
    context["instructions"] = system + "\n" + instruction
    spec = PromptSpec(
        system=system,
        instruction=instruction,
        completion_tail=template.fill("completion", values).strip() + "\n"
        if template.sections.get("completion", "").strip()
        else "",
        focus=focus,
        scene_priority=priority,
        cut_at_line=cut_at,
        after_gap=after_gap,
        extra_characters=extra,
    )
    return Plan(recipe, spec, grammar, known, new, context, max_tokens, need, notes)


def _present_characters(story: Story, index: int) -> list[str]:
    """Characters named in the action of scene ``index`` (present, perhaps silent)."""
    from reelwright.models.prompting import mentioned_characters

    return mentioned_characters(story, (index,))


def minimum_max_tokens(
    action: str,
    script_text: str,
    *,
    scene: int | None = None,
    cursor_line: int | None = None,
    options: dict[str, Any] | None = None,
) -> int:
    """The smallest ``max_tokens`` with which ``action`` can always finish its answer: for
    a script in another language, with a model that writes it (its letters take more bytes,
    so this is the larger figure)."""
    if action not in RECIPES:
        raise _unknown_action(action)
    story = read_story(parse(script_text))
    options = dict(options or {})
    language = str(options.get("language") or quality.detect_language(script_text))
    plan = make_plan(RECIPES[action], story, cursor_line, scene, options, 10**6, language=language)
    return plan.need


def _last_speaker(story: Story, index: int, cut_at: int | None) -> str | None:
    last = None
    for element in story.scenes[index].elements:
        if cut_at is not None and element.start_line >= cut_at:
            break
        if element.type.value == "character":
            last = cue_name(element.text)
    return last


def _scenes_with(story: Story, name: str) -> tuple[int, ...]:
    counted = [
        (sum(1 for s in scene.elements if cue_name(s.text) == name), i)
        for i, scene in enumerate(story.scenes)
    ]
    return tuple(i for count, i in sorted(counted, key=lambda c: (-c[0], c[1])) if count)


def _schema_for(
    action: str,
    story: Story,
    options: dict[str, Any],
    current: Any,
    letters: grammars.Letters,
    language: str = "en",
) -> tuple[dict[str, Any], dict[str, object], dict[str, Any]]:
    values: dict[str, object] = {}
    context: dict[str, Any] = {}
    genre = str(options.get("genre") or "drama")
    audience = str(options.get("audience") or "a general audience")
    values |= {"genre": genre, "audience": audience}
    if action == "shots":
        if current is None or current.heading is None:
            raise _refused(QT_TRANSLATE_NOOP("Action", "shots need a scene with a heading"))
        index = story.scenes.index(current)
        plan = grounding.coverage_plan(story, index, letters.code)
        by_kind: dict[str, list[str]] = {}
        for shot in plan:
            by_kind.setdefault(shot.kind, []).append(shot.id)
        schema = grammars.shots_schema(by_kind, MAX_SHOTS, letters)
        values |= {
            "scene_number": current.number,
            "heading": current.heading.text,
            "plan": "\n".join(shot.label() for shot in plan),
        }
        context["heading"] = current.heading.text
        context["plan"] = {shot.id: shot for shot in plan}
    elif action == "trailer":
        length = int(options.get("length") or 60)
        if length not in TRAILER_BEATS:
            raise _refused(QT_TRANSLATE_NOOP("Action", "a trailer is 30, 60 or 90 seconds long"))
        moments = grounding.trailer_moments(story, language)
        if not moments:
            raise _refused(
                QT_TRANSLATE_NOOP("Action", "a trailer is cut from scenes: the script has none yet")
            )
        phases = grounding.moments_by_phase(moments)
        schema = grammars.trailer_schema(
            {p: [m.id for m in ms] for p, ms in phases.items()}, TRAILER_PHASES[length], letters
        )
        points = [str(p) for p in options.get("selling_points") or [] if str(p).strip()]
        low, high = TRAILER_BEATS[length]
        values |= {
            "length": length,
            "beats": f"{low} to {high}",
            "moments": "\n".join(m.label() for m in moments),
            "selling_points": (
                "Selling points:\n" + "\n".join(f"- {p}" for p in points) if points else ""
            ),
        }
        context |= {
            "length": length,
            "genre": genre,
            "audience": audience,
            "points": points,
            "moments": {m.id: m for m in moments},
            "phases": {p: [m.id for m in ms] for p, ms in phases.items()},
            "title": _values(story)["title"],
        }
    elif action == "character":
        wanted = " ".join(str(options.get("character") or "").split())
        if not wanted:
            raise _refused(
                QT_TRANSLATE_NOOP("Action", "name the character to profile (--character NAME)")
            )
        match = next((c for c in story.characters if c.casefold() == wanted.casefold()), None)
        if match is None:
            nobody = Phrase("Action", QT_TRANSLATE_NOOP("Action", "none yet"))
            raise _refused(
                QT_TRANSLATE_NOOP(
                    "Action", "{name} never speaks in this script (characters: {some})"
                ),
                name=wanted,
                some=listed(story.characters[:8]) or nobody,
            )
        schema = grammars.load_schema("character", letters)
        schema["properties"]["name"] = {"const": match}
        values["name"] = match
        context["name"] = match
    elif action == "logline":
        schema = grammars.load_schema("logline", letters)
        cast = list(story.characters[:6]) or ["NOBODY"]
        schema["properties"]["hero"] = {"enum": cast[:3]}
        schema["properties"]["synopsis"]["items"]["properties"]["who"] = {"enum": cast}
    else:
        schema = grammars.load_schema(action, letters)
    return schema, values, context


__all__ = [
    "ACTIONS",
    "EARLIER_TAKES",
    "MAX_ATTEMPTS",
    "RECIPES",
    "SCRIPT_ACTIONS",
    "ActionEvent",
    "Check",
    "PromptReady",
    "Retry",
    "Suggestion",
    "SuggestionChunk",
    "default_sampler",
    "minimum_max_tokens",
    "run_action",
    "scale_beats",
]
