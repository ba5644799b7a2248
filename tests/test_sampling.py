"""The grammar is checked on the sampled token only, and the output still always obeys it.

The tiny GPT-NeoX has random weights, so almost every token it would write breaks a
grammar: each step goes through the rejection and resampling path. Each grammar here has an
independent check in Python (a regular expression, ``json.loads``, the Fountain parser).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reelwright.models import grammars
from reelwright.models.llama_engine import LlamaEngine, load_engine
from reelwright.models.types import (
    Chunk,
    EngineSettings,
    Finished,
    GenerationRequest,
    SamplerSettings,
)
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.parser import parse

SEEDS = range(1, 13)


@pytest.fixture(scope="module")
def tiny(
    tiny_gptneox_gguf: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LlamaEngine]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REELWRIGHT_HOME", str(tmp_path_factory.mktemp("sampling-home")))
        engine = load_engine(tiny_gptneox_gguf, EngineSettings(n_ctx=512, n_threads=1))
    yield engine
    engine.close()


def write(engine: LlamaEngine, request: GenerationRequest) -> tuple[str, Finished]:
    text: list[str] = []
    done: Finished | None = None
    for item in engine.generate(request):
        if isinstance(item, Chunk):
            text.append(item.text)
        else:
            done = item
    assert done is not None
    assert done.reason != "error", done.error
    return "".join(text), done


# (grammar, a check written without the grammar engine)
HEADING = (
    'root ::= ("INT. " | "EXT. ") [A-Z] [A-Z ]{0,14} " - " ("DAY" | "NIGHT" | "DAWN") "\\n"',
    re.compile(r"(INT|EXT)\. [A-Z][A-Z ]{0,14} - (DAY|NIGHT|DAWN)\n"),
)
NUMBERS = (
    'root ::= "[" [0-9]{1,3} ("," [0-9]{1,3}){0,4} "]"',
    re.compile(r"\[[0-9]{1,3}(,[0-9]{1,3}){0,4}\]"),
)


@pytest.mark.parametrize("case", [HEADING, NUMBERS], ids=["heading", "numbers"])
def test_grammar_output_always_matches_an_independent_check(tiny: LlamaEngine, case) -> None:
    grammar, pattern = case
    rejected = 0
    for seed in SEEDS:
        sampler = SamplerSettings(temperature=1.0, max_tokens=120, seed=seed)
        text, done = write(
            tiny, GenerationRequest(prompt="FADE IN:", sampler=sampler, grammar=grammar)
        )
        assert done.reason == "stop", (seed, text)  # ended where the grammar may end
        assert pattern.fullmatch(text), (seed, text)
        rejected += tiny.last_rejected
    assert rejected > len(SEEDS)  # the random model was corrected, often


def test_json_grammar_output_is_valid_json_of_the_schema(tiny: LlamaEngine) -> None:
    schema = {
        "type": "object",
        "properties": {
            "tagline": {"type": "string", "pattern": "^[A-Za-z ]{1,24}$"},
            "beats": {"type": "array", "items": {"type": "integer"}, "maxItems": 3},
        },
        "required": ["tagline", "beats"],
        "additionalProperties": False,
    }
    grammar = grammars.json_grammar(schema)
    for seed in SEEDS:
        sampler = SamplerSettings(temperature=0.9, max_tokens=220, seed=seed)
        text, done = write(tiny, GenerationRequest(prompt="{", sampler=sampler, grammar=grammar))
        assert done.reason == "stop", (seed, text)
        data = json.loads(text)
        assert set(data) == {"tagline", "beats"}
        assert re.fullmatch(r"[A-Za-z ]{1,24}", data["tagline"]), (seed, text)
        assert all(isinstance(b, int) for b in data["beats"]) and len(data["beats"]) <= 3


def test_fountain_dialogue_grammar_output_parses_as_dialogue(tiny: LlamaEngine) -> None:
    grammar = grammars.dialogue_grammar(["NORA", "TOMAS"])
    need = grammars.minimum_dialogue_tokens(["NORA", "TOMAS"])
    for seed in SEEDS[:6]:
        sampler = SamplerSettings(temperature=0.8, max_tokens=need * 3, seed=seed)
        request = GenerationRequest(
            prompt="NORA\nNot in this weather.\n\n", sampler=sampler, grammar=grammar
        )
        text, done = write(tiny, request)
        if done.reason == "length":  # cut off: only whole elements are judged
            text = text[: text.rfind("\n\n")]
        elements = parse(text + "\n").elements
        assert elements, (seed, text)
        kinds = {e.type for e in elements}
        allowed = {ElementType.CHARACTER, ElementType.PARENTHETICAL, ElementType.DIALOGUE}
        allowed |= {ElementType.ACTION}
        assert kinds <= allowed, (seed, text)
        assert elements[0].type is ElementType.CHARACTER, (seed, text)
        cues = {e.text.split(" (")[0] for e in elements if e.type is ElementType.CHARACTER}
        assert cues <= {"NORA", "TOMAS"}, (seed, text)


def test_greedy_under_a_grammar_takes_the_best_admitted_token(tiny: LlamaEngine) -> None:
    greedy = SamplerSettings(temperature=0.0, max_tokens=40, repeat_penalty=1.0)
    grammar = 'root ::= [a-z]{3,8} "."'
    text, done = write(tiny, GenerationRequest(prompt="CUT TO:", sampler=greedy, grammar=grammar))
    assert re.fullmatch(r"[a-z]{3,8}\.", text) and done.reason == "stop"
    again, _ = write(tiny, GenerationRequest(prompt="CUT TO:", sampler=greedy, grammar=grammar))
    assert again == text
