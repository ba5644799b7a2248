"""The grammars compile in llama.cpp, escape names, and bound structured output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reelwright.models import grammars

ODD_NAMES = [
    "MAYA",
    'BOB "THE BUILDER"',
    "O'NEIL",
    "C-3PO",
    "GROUPIE #1",
    "Dr. Wu",
    "张伟",
    "JOSÉ",
    "BILL / THE MONSTER",
]
SCHEMAS = ["shots", "trailer", "logline", "character", "marketing"]


@pytest.fixture(scope="module", params=["default", "tiny"])
def vocab(request: pytest.FixtureRequest) -> Path:
    name = "default_model_path" if request.param == "default" else "tiny_gptneox_gguf"
    return Path(request.getfixturevalue(name))


def test_scene_and_dialogue_grammars_compile(vocab: Path) -> None:
    grammars.compile_grammar(grammars.scene_grammar(ODD_NAMES), vocab)
    grammars.compile_grammar(grammars.scene_grammar(ODD_NAMES, "NEWCOMER"), vocab)
    grammars.compile_grammar(grammars.scene_grammar([]), vocab)
    grammars.compile_grammar(grammars.dialogue_grammar(ODD_NAMES), vocab)


@pytest.mark.parametrize("name", SCHEMAS)
def test_json_grammars_compile_at_every_size(vocab: Path, name: str) -> None:
    schema = grammars.load_schema(name)
    for room in (grammars.minimum_json_tokens(schema), 900, 4000):
        fitted = grammars.fit_schema(schema, room)
        assert grammars.worst_case_bytes(fitted) <= room
        grammars.compile_grammar(grammars.json_grammar(fitted), vocab)


def test_a_broken_grammar_is_refused(vocab: Path) -> None:
    with pytest.raises(grammars.GrammarError):
        grammars.compile_grammar('root ::= "a" undefined-rule', vocab)


def test_literals_escape_quotes_backslashes_and_controls() -> None:
    assert grammars.gbnf_literal('BOB "THE" \\ X') == '"BOB \\"THE\\" \\\\ X"'
    assert grammars.gbnf_literal("a\nb\tc\x01") == '"a\\nb\\tc\\x01"'
    assert grammars.gbnf_literal("张伟") == '"张伟"'


def test_cue_rule_forces_names_that_are_not_upper_case() -> None:
    rule = grammars.cue_rule(["MAYA", "Dr. Wu", "张伟"])
    assert rule == 'cue-name ::= "MAYA" | "@Dr. Wu" | "@张伟"\n'


def test_unusable_names_are_left_out() -> None:
    kept = grammars.usable_cue_names(["MAYA", "MAYA", "  MAYA  ", "[[NOTE]]", "*BOLD*", "123", ""])
    assert kept == ["MAYA"]
    assert len(grammars.usable_cue_names([f"EXTRA {i}" for i in range(200)])) == 60


def test_fitting_shrinks_bounds_and_keeps_minimums() -> None:
    schema = grammars.load_schema("marketing")
    full = grammars.worst_case_bytes(schema)
    fitted = grammars.fit_schema(schema, full // 3)
    posts = fitted["properties"]["posts"]
    assert posts["minItems"] <= posts["maxItems"] <= 3
    assert grammars.worst_case_bytes(fitted) <= full // 3
    assert json.dumps(schema) != json.dumps(fitted)
    with pytest.raises(ValueError, match="needs at least"):
        grammars.fit_schema(schema, 20)


def test_worst_case_counts_the_longest_accepted_text() -> None:
    schema = {
        "type": "object",
        "properties": {"a": {"type": "string", "pattern": "^[A-Z][a-z]{0,9}$"}},
    }
    longest = json.dumps({"a": "A" + "b" * 10}, separators=(" , ", " : "))
    assert grammars.worst_case_bytes(schema) >= len(longest)
