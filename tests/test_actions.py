"""Every action on the embedded SmolLM2 and on a tiny random-weight GPT-NeoX: each result
passes its output check, because the grammar keeps even random output valid."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import model_fixtures
import pytest

from reelwright.models.actions import (
    ACTIONS,
    PromptReady,
    Retry,
    Suggestion,
    SuggestionChunk,
    default_sampler,
    minimum_max_tokens,
    run_action,
)
from reelwright.models.llama_engine import LlamaEngine, load_engine
from reelwright.models.prompting import cue_name
from reelwright.models.types import CancelToken, EngineSettings
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.parser import parse

SCRIPT = """Title: The Lighthouse Keeper
Author: Test Writer

[[Theme: you cannot keep the light and leave the island.]]

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

Nora sits by the lamp, a letter from the council unopened on her lap.

NORA
Your mother would have torn this up.

TOMAS
My mother left the island.
"""

OPTIONS = {
    "character": "NORA",
    "length": 30,
    "genre": "drama",
    "audience": "adults",
    "selling_points": ["a storm", "a family secret"],
}


@pytest.fixture(scope="module")
def smol(
    default_model_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LlamaEngine]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REELWRIGHT_HOME", str(tmp_path_factory.mktemp("engine-home")))
        engine = load_engine(default_model_path, EngineSettings(n_ctx=4096, n_threads=2))
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def tiny_long(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaEngine]:
    """The tests' tiny GPT-NeoX, written with a 4096-token context (rotary positions: the
    context length is only metadata) so that the structured actions have room to answer."""
    folder = tmp_path_factory.mktemp("tiny-long")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model_fixtures, "TINY_CONTEXT", 4096)
        patch.setenv("REELWRIGHT_HOME", str(folder / "home"))
        source = model_fixtures.write_tiny_gptneox(folder / "tiny-f32.gguf", seed=77)
        quantized = model_fixtures.quantize_q8_0(source, folder / "tiny-q8_0.gguf")
        engine = load_engine(quantized, EngineSettings(n_ctx=4096, n_threads=2))
    yield engine
    engine.close()


def run(
    engine: LlamaEngine, action: str, n: int = 1, **kwargs: object
) -> tuple[list, list[Suggestion]]:
    need = minimum_max_tokens(action, SCRIPT, options=OPTIONS)
    sampler = default_sampler(action, engine.facts.n_ctx)
    from dataclasses import replace

    sampler = replace(sampler, max_tokens=need + 40, seed=11)
    events = list(
        run_action(engine, action, SCRIPT, options=OPTIONS, sampler=sampler, n=n, **kwargs)  # type: ignore[arg-type]
    )
    finals = [e for e in events if isinstance(e, Suggestion)]
    return events, finals


def assert_valid(suggestion: Suggestion, action: str) -> None:
    assert suggestion.ok, f"{action}: {suggestion.failure}\n{suggestion.raw}"
    assert suggestion.check.problems == ()
    fountain = suggestion.to_fountain()
    script = parse(fountain)
    assert script.elements, "the suggestion parses to something"
    assert not script.title_page
    known = {"NORA", "TOMAS", "MAYOR GRACE"}
    cues = {cue_name(e.text) for e in script.elements if e.type is ElementType.CHARACTER}
    types = {e.type for e in script.elements}
    if action in ("next-scene", "between-scenes"):
        assert script.elements[0].type is ElementType.SCENE_HEADING
        assert cues <= known
    elif action == "continue-dialogue":
        assert types <= {ElementType.CHARACTER, ElementType.PARENTHETICAL, ElementType.DIALOGUE}
        assert cues and cues <= {"NORA", "TOMAS"}
        order = [cue_name(e.text) for e in script.elements if e.type is ElementType.CHARACTER]
        # Speakers take turns, and TOMAS (who spoke last) does not answer himself.
        assert order[0] == "NORA" and all(a != b for a, b in itertools.pairwise(order))
    elif action == "shots":
        assert types == {ElementType.ACTION}
        shots = suggestion.data["shots"] if suggestion.data else []
        assert shots and len({s["plan"] for s in shots}) == len(shots)
        assert [s["order"] for s in shots] == sorted(s["order"] for s in shots)
        scene = SCRIPT.split("INT. LIGHTHOUSE - LATER")[1]
        for shot in shots:  # every shot covers something in the scene
            subject = shot["subject"].split(" OVER ")[0].split(" over ")[0]
            assert subject.casefold() in scene.casefold() or shot["kind"] == "establishing"
    elif action == "trailer":
        beats = suggestion.data["beats"] if suggestion.data else []
        assert beats[0]["start"] == 0 and beats[-1]["end"] == 30
        assert all(a["end"] == b["start"] for a, b in itertools.pairwise(beats))
        assert ElementType.SCENE_HEADING not in types
        assert beats[-1]["shot"] == "TITLE CARD" and beats[-1]["picture"] == "The Lighthouse Keeper"
        cut = beats[:-1]
        assert cut and all(b["scene"] in (1, 2, 3) for b in cut)
        assert len({b["moment"] for b in cut}) == len(cut), "no moment twice"
        for beat in cut:
            if beat["line"]:
                assert beat["line"] in SCRIPT and beat["speaker"] in known
    else:
        assert types == {ElementType.NOTE}
    assert json.dumps(suggestion.to_json())


@pytest.mark.slow
@pytest.mark.parametrize("action", ACTIONS)
def test_every_action_with_the_embedded_model(smol: LlamaEngine, action: str) -> None:
    events, finals = run(smol, action)
    assert isinstance(events[0], PromptReady) and events[0].style == "chat"
    assert events[0].prompt_tokens <= events[0].budget
    assert any(isinstance(e, SuggestionChunk) for e in events)
    assert len(finals) == 1
    assert_valid(finals[0], action)


@pytest.mark.slow
@pytest.mark.parametrize("action", ACTIONS)
def test_every_action_with_a_random_gptneox(tiny_long: LlamaEngine, action: str) -> None:
    events, finals = run(tiny_long, action)
    assert isinstance(events[0], PromptReady) and events[0].style == "completion"
    assert len(finals) == 1
    assert_valid(finals[0], action)
    assert finals[0].attempts == 1, "valid by construction: no retry needed"


@pytest.mark.slow
def test_alternatives_each_end_in_one_checked_suggestion(tiny_long: LlamaEngine) -> None:
    _, finals = run(tiny_long, "continue-dialogue", n=3)
    assert sorted(s.index for s in finals) == [0, 1, 2]
    for suggestion in finals:
        assert_valid(suggestion, "continue-dialogue")


@pytest.mark.slow
def test_broken_output_is_retried_then_reported_never_offered(tiny_long: LlamaEngine) -> None:
    """Without the grammar a random model writes garbage: three attempts, then a failure
    with a reason, and nothing marked valid."""
    events, finals = run(tiny_long, "next-scene", use_grammar=False)
    retries = [e for e in events if isinstance(e, Retry)]
    assert [r.attempt for r in retries] == [2, 3]
    assert len(finals) == 1
    assert not finals[0].ok and finals[0].attempts == 3
    assert finals[0].failure
    assert finals[0].to_json()["fountain"] is None


@pytest.mark.slow
def test_cancel_reports_a_cancelled_suggestion(tiny_long: LlamaEngine) -> None:
    cancel = CancelToken()
    cancel.cancel()
    _, finals = run(tiny_long, "next-scene", cancel=cancel)
    assert len(finals) == 1 and not finals[0].ok
    assert finals[0].check.problems == ("cancelled",)


@pytest.mark.slow
def test_a_new_character_may_speak_when_asked_for(tiny_long: LlamaEngine) -> None:
    options = {**OPTIONS, "new_character": "Harbour Master"}
    need = minimum_max_tokens("next-scene", SCRIPT, options=options)
    sampler = default_sampler("next-scene")
    from dataclasses import replace

    for seed in range(3):
        settings = replace(sampler, max_tokens=need + 200, seed=seed)
        events = run_action(tiny_long, "next-scene", SCRIPT, options=options, sampler=settings)
        final = next(e for e in events if isinstance(e, Suggestion))
        assert final.ok, final.failure
        assert set(final.data["characters"]) <= {"NORA", "TOMAS", "MAYOR GRACE", "HARBOUR MASTER"}  # type: ignore[index]


def test_requests_that_cannot_be_made_are_clear_errors(tiny_gptneox_gguf: Path) -> None:
    with pytest.raises(ReelwrightError, match="unknown action"):
        minimum_max_tokens("sing", SCRIPT)
    with pytest.raises(ReelwrightError, match="no scene 9"):
        minimum_max_tokens("next-scene", SCRIPT, scene=9)
    with pytest.raises(ReelwrightError, match="last scene"):
        minimum_max_tokens("between-scenes", SCRIPT, scene=3)
    with pytest.raises(ReelwrightError, match="never speaks"):
        minimum_max_tokens("character", SCRIPT, options={"character": "NOBODY"})
    with pytest.raises(ReelwrightError, match="30, 60 or 90"):
        minimum_max_tokens("trailer", SCRIPT, options={"length": 45})
    with pytest.raises(ReelwrightError, match="no scenes"):
        minimum_max_tokens("next-scene", "")
