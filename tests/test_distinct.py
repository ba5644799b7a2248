"""No identical beats, shots, posts or alternatives (issue 15): a repeat inside a take is
left out before the writer sees it (with a note), a take left too thin is written again,
and an alternative that repeats an earlier one is written again, steered away from the
moments or shots the earlier one chose. The rule is the ``dup`` measure's own
(``quality.repeated_items``); constructed takes for the rule, the tiny GPT-NeoX for the
pipeline."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import model_fixtures
import pytest

from reelwright.models import grammars, quality
from reelwright.models.actions import (
    EARLIER_TAKES,
    MAX_ATTEMPTS,
    RECIPES,
    Suggestion,
    _against_earlier,
    _steered_grammar,
    default_sampler,
    make_plan,
    minimum_max_tokens,
    run_action,
)
from reelwright.models.grounding import Moment, PlannedShot, coverage_plan, trailer_moments
from reelwright.models.llama_engine import LlamaEngine, load_engine
from reelwright.models.prompting import read_story
from reelwright.models.suggestions import Check, check_output
from reelwright.models.types import EngineSettings
from reelwright.screenplay.parser import parse

SCRIPT = """Title: The Lighthouse Keeper

INT. LIGHTHOUSE - NIGHT

Rain batters the glass. NORA WILDE, 60, weathered and stubborn, trims the lamp wick.

NORA
Forty years I've kept this light burning.

The door bangs open. TOMAS, 30, her nephew, soaked through, shakes off his coat.

TOMAS
The council wants it automated by spring.

NORA
(not turning)
Then the council can climb these stairs.

EXT. HARBOUR - DAY

Fishing boats rock at their moorings. Tomas walks the pier with MAYOR GRACE, 50, brisk.

MAYOR GRACE
She'll listen to you, Tomas. She won't listen to me.

TOMAS
She doesn't listen to anyone. That's why she's still alive.

INT. LIGHTHOUSE - LATER

Nora sits by the lamp, a letter from the council unopened on her lap. She looks at the sea.

NORA
Your mother would have torn this up.

TOMAS
My mother left the island.

NORA
Go!

TOMAS
No!
"""

OPTIONS = {"length": 30, "genre": "drama", "audience": "adults"}


def _items(action: str, data: dict[str, Any] | None) -> list[str]:
    return quality.items_of(quality.Take(action, True, "", data))


# --- the rule ------------------------------------------------------------------------------


def test_the_rule_is_the_measure() -> None:
    items = ["Nora trims the lamp.", "Tomas opens the door.", "Nora trims the lamp!", "NORA"]
    assert quality.repeated_items(items) == [2]
    assert quality.duplicates(items) == (1, 4)
    assert quality.repeats("Tomas opens the door", items) == 1
    assert quality.repeats("The harbour at dawn.", items) is None
    # Against earlier takes too: the first item repeats one given as earlier.
    assert quality.repeated_items(["Tomas opens the door."], earlier=items) == [0]


# --- inside a take: trailer beats ----------------------------------------------------------


def _trailer_context(moments: list[Moment], phases: dict[str, list[str]]) -> dict[str, Any]:
    story = read_story(parse(SCRIPT))
    return {
        "moments": {m.id: m for m in moments},
        "phases": phases,
        "length": 30,
        "genre": "drama",
        "audience": "adults",
        "title": "The Lighthouse Keeper",
        "language": "en",
        "facts": quality.facts_of(story, "en"),
        "fewest_beats": 3,
    }


def _moment(id_: str, scene: int, text: str, phase: str) -> Moment:
    return Moment(id_, scene, "opening", text, None, "LIGHTHOUSE", phase)


def _choice(moment: str, text: str = "") -> dict[str, Any]:
    return {"moment": moment, "seconds": 6, "shot": "WIDE SHOT", "text": text, "music": "strings"}


MOMENTS = [
    _moment("M1", 1, "Rain batters the glass of the lighthouse.", "world"),
    _moment("M2", 1, "Rain batters the glass of the lighthouse!", "world"),
    _moment("M3", 2, "Fishing boats rock at their moorings.", "disruption"),
    _moment("M4", 3, "Nora sits by the lamp with a letter.", "escalation"),
    _moment("M5", 3, "Tomas walks the pier with the mayor.", "climax"),
]


def test_a_beat_much_like_an_earlier_one_is_cut_from_an_unused_moment() -> None:
    phases = {
        "world": ["M1", "M2", "M3"],
        "disruption": ["M2", "M3"],
        "escalation": ["M4"],
        "climax": ["M5"],
    }
    context = _trailer_context(MOMENTS, phases)
    answer = {
        "world": [_choice("M1")],
        "disruption": [_choice("M2")],  # the same rain on the same glass
        "escalation": [_choice("M4")],
        "climax": [_choice("M5")],
        "title_music": "drums",
    }
    assert quality.duplicates([m.text for m in MOMENTS[:2]]) == (1, 2)
    _, data, check = check_output(
        "trailer",
        json.dumps(answer),
        truncated=False,
        known=(),
        new_character=None,
        context=context,
    )
    assert check.ok, check.problems
    assert data is not None
    assert [b["moment"] for b in data["beats"]] == ["M1", "M3", "M4", "M5", None]
    assert quality.duplicates(_items("trailer", data))[0] == 0
    assert "1 repeated moment(s) replaced by unused ones" in check.notes


def test_repeated_on_screen_words_are_left_out_and_the_beat_kept() -> None:
    context = _trailer_context(
        MOMENTS,
        {p: [m.id for m in MOMENTS] for p in ("world", "disruption", "escalation", "climax")},
    )
    words = (
        "This winter the light goes out and the island keeper must choose between "
        "the lamp she loves and the family she lost long ago"
    )
    answer = {
        "world": [_choice("M1", words)],
        "disruption": [_choice("M3", words)],
        "escalation": [_choice("M4")],
        "climax": [_choice("M5")],
        "title_music": "drums",
    }
    first = quality.beat_item({"picture": MOMENTS[0].text, "on_screen_text": words})
    second = quality.beat_item({"picture": MOMENTS[2].text, "on_screen_text": words})
    assert quality.repeats(second, [first]) == 0, "the words alone make the beats repeat"
    _, data, check = check_output(
        "trailer",
        json.dumps(answer),
        truncated=False,
        known=(),
        new_character=None,
        context=context,
    )
    assert check.ok, check.problems
    assert data is not None
    beats = data["beats"]
    assert [b["moment"] for b in beats[:4]] == ["M1", "M3", "M4", "M5"]
    assert beats[0]["on_screen_text"] == words and beats[1]["on_screen_text"] == ""
    assert "1 on-screen text(s) much like an earlier beat's left out" in check.notes
    assert quality.duplicates(_items("trailer", data))[0] == 0


def test_a_trailer_left_too_thin_is_written_again() -> None:
    phases = {"world": ["M1", "M2"], "disruption": ["M2"], "escalation": ["M1"], "climax": ["M2"]}
    context = _trailer_context(MOMENTS, phases)
    answer = {
        "world": [_choice("M1")],
        "disruption": [_choice("M2")],
        "escalation": [_choice("M1")],
        "climax": [_choice("M2")],
        "title_music": "drums",
    }
    raw = json.dumps(answer)
    text, data, check = check_output(
        "trailer", raw, truncated=False, known=(), new_character=None, context=context
    )
    assert not check.ok and data is None and text == raw
    assert "only 1 of the 3 items it needs remain" in str(check.problems[0])


# --- inside a take: shots ------------------------------------------------------------------


def _shots_context(plan: list[PlannedShot], fewest: int) -> dict[str, Any]:
    by_kind: dict[str, list[str]] = {}
    for shot in plan:
        by_kind.setdefault(shot.kind, []).append(shot.id)
    schema = grammars.shots_schema(by_kind, 8)
    return {"plan": {s.id: s for s in plan}, "schema": schema, "fewest_shots": fewest}


PLAN = [
    PlannedShot("S1", "establishing", "LIGHTHOUSE", "The lighthouse.", 1),
    PlannedShot("S2", "close-up", "NORA", 'Nora: "Go!"', 2),
    PlannedShot("S3", "close-up", "NORA", 'Nora: "Go."', 3),
    PlannedShot("S4", "reaction", "TOMAS", "Tomas takes it in.", 4),
]


def _shot(plan_id: str, size: str = "CLOSE UP") -> dict[str, str]:
    return {"plan": plan_id, "size": size, "angle": "EYE LEVEL", "movement": "STATIC"}


def test_a_shot_much_like_an_earlier_one_is_left_out() -> None:
    context = _shots_context(PLAN, 2)
    answer = {"shots": [_shot("S1", "WIDE SHOT"), _shot("S2"), _shot("S3")]}
    text, data, check = check_output(
        "shots",
        json.dumps(answer),
        truncated=False,
        known=(),
        new_character=None,
        context=context,
    )
    assert check.ok, check.problems
    assert data is not None and [s["plan"] for s in data["shots"]] == ["S1", "S2"]
    assert "1 shot(s) much like an earlier one left out" in check.notes
    assert 'Go."' not in text
    assert quality.duplicates(_items("shots", data))[0] == 0


def test_a_shot_chosen_twice_is_filled_from_the_plan_when_the_list_is_too_short() -> None:
    context = _shots_context(PLAN, 2)
    answer = {"shots": [_shot("S2"), _shot("S2", "EXTREME CLOSE UP")]}
    _, data, check = check_output(
        "shots",
        json.dumps(answer),
        truncated=False,
        known=(),
        new_character=None,
        context=context,
    )
    assert check.ok, check.problems
    assert data is not None
    shots = data["shots"]
    # S3 is much like S2: the first unused shot that is not is the establishing shot,
    # framed as its kind allows (an establishing shot is never a close-up).
    assert [s["plan"] for s in shots] == ["S1", "S2"]
    assert shots[0]["size"] in ("EXTREME WIDE SHOT", "WIDE SHOT")
    assert "1 shot(s) chosen twice replaced by unused ones of the plan" in check.notes


def test_shots_left_too_few_are_written_again() -> None:
    context = _shots_context(PLAN[1:3], 2)
    answer = {"shots": [_shot("S2"), _shot("S3")]}
    _, data, check = check_output(
        "shots",
        json.dumps(answer),
        truncated=False,
        known=(),
        new_character=None,
        context=context,
    )
    assert not check.ok and data is None
    assert "only 1 of the 2 items it needs remain" in str(check.problems[0])


def test_the_coverage_plan_holds_one_setup_for_near_identical_shots() -> None:
    story = read_story(parse(SCRIPT))
    plan = coverage_plan(story, 2)
    items = [quality.shot_item({"subject": s.subject, "action": s.action}) for s in plan]
    assert quality.duplicates(items)[0] == 0
    close_ups = [s for s in plan if s.kind == "close-up"]
    assert [s.subject for s in close_ups] == ["NORA", "TOMAS"]  # "Go!" and "No!" each once


def test_trailer_moments_are_distinct() -> None:
    script = SCRIPT + (
        "\nEXT. HARBOUR - NIGHT\n\nFishing boats rock at their moorings.\n"
        "\nEXT. HARBOUR - DAWN\n\nFishing boats rock at their moorings!\n"
    )
    moments = trailer_moments(read_story(parse(script)))
    pictures = [
        quality.beat_item({"picture": m.picture(), "line": m.text if m.speaker else ""})
        for m in moments
    ]
    assert quality.duplicates(pictures)[0] == 0
    assert sum("moorings" in m.text for m in moments) == 1


# --- inside a take: posts ------------------------------------------------------------------


def test_a_repeated_post_is_left_out_and_too_few_posts_are_written_again() -> None:
    blurb = ["A keeper guards the last light on the island.", "The council wants it gone."]
    post = "The light goes out this winter. Will she let it go?"
    other = "Forty years on the rock, and one letter to answer."
    answer = {"tagline": "Keep the light", "blurb": blurb, "posts": [post, post + "!", other]}
    text, data, check = check_output(
        "marketing",
        json.dumps(answer),
        truncated=False,
        known=(),
        new_character=None,
        context={"fewest_posts": 2},
    )
    assert check.ok, check.problems
    assert data is not None and data["posts"] == [post, other]
    assert text.count("Will she let it go") == 1
    assert "1 post(s) much like an earlier one left out" in check.notes
    answer["posts"] = [post, post]
    _, data, check = check_output(
        "marketing",
        json.dumps(answer),
        truncated=False,
        known=(),
        new_character=None,
        context={"fewest_posts": 2},
    )
    assert not check.ok and data is None


# --- between alternatives ------------------------------------------------------------------


def _literal(plan_id: str) -> str:
    """A plan id as the JSON grammar spells the string: ``"\\"S1\\""``."""
    return '"\\"' + plan_id + '\\""'


def test_the_next_alternative_is_steered_away_from_earlier_picks() -> None:
    story = read_story(parse(SCRIPT))
    plan = make_plan(RECIPES["shots"], story, None, 3, OPTIONS, 1200)
    ids = list(plan.context["plan"])
    assert plan.grammar is not None and all(_literal(i) in plan.grammar for i in ids)
    taken = Counter(ids[:2])
    steered = _steered_grammar(plan, taken)
    assert steered is not None
    assert all(_literal(i) not in steered for i in ids[:2])
    assert all(_literal(i) in steered for i in ids[2:])
    # Every shot taken, the first twice: only as many come back as the list needs at the
    # least, those chosen least first.
    fewest = plan.context["fewest_shots"]
    assert len(ids) > fewest
    steered = _steered_grammar(plan, Counter(ids) + Counter(ids[:1]))
    assert steered is not None
    assert [i for i in ids if _literal(i) in steered] == ids[1 : 1 + fewest]

    trailer = make_plan(RECIPES["trailer"], story, None, None, OPTIONS, 2400)
    first = next(iter(trailer.context["moments"]))
    steered = _steered_grammar(trailer, Counter([first]))
    assert steered is not None and _literal(first) not in steered


def _suggestion(text: str) -> Suggestion:
    return Suggestion("shots", 1, text, {"shots": []}, Check(True), 1, text)


def test_an_alternative_repeating_an_earlier_one_is_written_again_then_kept_with_a_note() -> None:
    shown = ["WIDE SHOT - EYE LEVEL - STATIC - LIGHTHOUSE\n\nThe lighthouse.\n"]
    again = _suggestion(shown[0])
    first = _against_earlier(again, shown, 0, 1)
    assert not first.ok and first.check.problems == ("it repeats alternative 1",)
    last = _against_earlier(again, shown, 0, MAX_ATTEMPTS)
    assert last.ok and "it repeats alternative 1" in last.check.notes
    earlier = _against_earlier(again, shown, 1, 1)
    assert earlier.check.problems == ("it repeats an earlier take",)
    other = _suggestion("CLOSE UP - EYE LEVEL - STATIC - NORA\n\nNora: Go!\n")
    assert _against_earlier(other, shown, 0, 1) is other


# --- the pipeline, with the tiny GPT-NeoX ----------------------------------------------------


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaEngine]:
    folder = tmp_path_factory.mktemp("tiny-distinct")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model_fixtures, "TINY_CONTEXT", 4096)
        patch.setenv("REELWRIGHT_HOME", str(folder / "home"))
        source = model_fixtures.write_tiny_gptneox(folder / "tiny-f32.gguf", seed=77)
        quantized = model_fixtures.quantize_q8_0(source, folder / "tiny-q8_0.gguf")
        # One thread: two spin-wait for each other on a busy two-core machine (100x slower).
        engine = load_engine(Path(quantized), EngineSettings(n_ctx=4096, n_threads=1))
    yield engine
    engine.close()


def _finals(engine: LlamaEngine, action: str, n: int, **options: Any) -> list[Suggestion]:
    need = minimum_max_tokens(action, SCRIPT, scene=3, options=OPTIONS)
    sampler = replace(default_sampler(action, engine.facts.n_ctx), max_tokens=need + 40, seed=11)
    events = run_action(
        engine, action, SCRIPT, scene=3, options={**OPTIONS, **options}, sampler=sampler, n=n
    )
    return [e for e in events if isinstance(e, Suggestion)]


@pytest.mark.slow
@pytest.mark.parametrize("action", ["shots", "trailer"])
def test_alternatives_differ_and_hold_no_repeats(tiny: LlamaEngine, action: str) -> None:
    """A random model picks the same shots and moments every time; the alternatives still
    differ, and no take holds a repeat."""
    finals = _finals(tiny, action, 3)
    assert [f.index for f in finals] == [0, 1, 2] and all(f.ok for f in finals)
    assert quality.variant_duplicates([f.text for f in finals])[0] == 0
    for final in finals:
        assert quality.duplicates(_items(action, final.data))[0] == 0
    key = "plan" if action == "shots" else "moment"
    field = "shots" if action == "shots" else "beats"
    picks = [frozenset(x[key] for x in f.data[field] if x[key]) for f in finals]  # type: ignore[index]
    assert len(set(picks)) == 3


@pytest.mark.slow
def test_regenerate_with_earlier_takes_writes_something_else(tiny: LlamaEngine) -> None:
    """Regenerate asks for one more take beside those the writer has: with the earlier
    takes in the options (same seed), the new take does not repeat them."""
    (first,) = _finals(tiny, "shots", 1)
    (same,) = _finals(tiny, "shots", 1)
    assert same.text == first.text, "the same seed writes the same take"
    earlier = [{"text": first.text, "data": first.data}]
    (again,) = _finals(tiny, "shots", 1, **{EARLIER_TAKES: earlier})
    assert again.ok and again.text != first.text
    assert quality.repeats(again.text, [first.text]) is None
