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
LANGUAGES = ["en", "es", "ru", "zh", "ja", "ko", "ar", "el"]


def schema_for(name: str, language: str = "en") -> dict:
    """The schema an action hands to llama.cpp (trailer and shots take script material)."""
    letters = grammars.letters_for(language)
    if name == "trailer":
        moments = {"world": ["M1", "M2"], "disruption": ["M3"], "escalation": ["M4", "M5"]}
        moments["climax"] = ["M6"]
        counts = {"world": (1, 2), "disruption": (1, 2), "escalation": (2, 3), "climax": (1, 2)}
        return grammars.trailer_schema(moments, counts, letters)
    if name == "shots":
        plan = {"establishing": ["S1"], "single": ["S2", "S4"], "pov": ["S3"], "insert": ["S5"]}
        return grammars.shots_schema(plan, 8, letters)
    return grammars.load_schema(name, letters)


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
    schema = schema_for(name)
    for room in (grammars.minimum_json_tokens(schema), 900, 4000):
        fitted = grammars.fit_schema(schema, room)
        assert grammars.worst_case_bytes(fitted) <= room
        grammars.compile_grammar(grammars.json_grammar(fitted), vocab)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_compiles(tiny_gptneox_gguf: Path, language: str) -> None:
    letters = grammars.letters_for(language)
    scene = grammars.scene_grammar(ODD_NAMES, letters=letters, times=["НОЧЬ", "夜", "DAY"])
    grammars.compile_grammar(scene, tiny_gptneox_gguf)
    dialogue = grammars.dialogue_grammar(ODD_NAMES, last_speaker="MAYA", letters=letters)
    grammars.compile_grammar(dialogue, tiny_gptneox_gguf)
    for name in SCHEMAS:
        schema = schema_for(name, language)
        fitted = grammars.fit_schema(schema, grammars.minimum_json_tokens(schema))
        grammars.compile_grammar(grammars.json_grammar(fitted), tiny_gptneox_gguf)


def test_languages_get_their_letters() -> None:
    assert grammars.letters_for("ru").code == "ru"
    assert grammars.letters_for("zh-Hans").code == "zh"
    assert grammars.letters_for("fr").code == "latin"
    assert grammars.letters_for(None) is grammars.ENGLISH
    assert grammars.letters_for("xx") is grammars.ENGLISH
    rules = grammars.letter_rules(grammars.CYRILLIC)
    assert "А-ЯЁ" in rules and "A-Z" not in rules.split("time-of-day")[0]
    chinese = grammars.load_schema("logline", grammars.CHINESE)
    pattern = chinese["properties"]["synopsis"]["items"]["properties"]["text"]["pattern"]
    assert "一-鿿" in pattern and "。" in pattern
    assert grammars.load_schema("logline", grammars.ENGLISH) == grammars.load_schema("logline")
    # Wide scripts get shorter elements so that the same room holds a whole scene.
    assert grammars.minimum_scene_tokens(grammars.CHINESE) <= 700
    assert grammars.minimum_dialogue_tokens(["张伟"], grammars.CHINESE) <= 400


def test_the_scripts_times_of_day_are_offered() -> None:
    scene = grammars.scene_grammar(["ВЕРА"], letters=grammars.CYRILLIC, times=["НОЧЬ"])
    assert '"НОЧЬ"' in scene and '"NIGHT"' in scene


def test_speakers_take_turns_in_the_grammar() -> None:
    text = grammars.dialogue_grammar(["NORA", "TOMAS", "GRACE"], last_speaker="NORA")
    rules = dict(line.split(" ::= ", 1) for line in text.splitlines() if " ::= " in line)
    assert rules["root"] == "speech-1 turn-1 | speech-2 turn-2"  # never NORA first
    for i in range(3):
        assert f"speech-{i} turn-{i}" not in rules[f"turn-{i}"]
    scene = grammars.scene_grammar(["NORA", "TOMAS"])
    rules = dict(line.split(" ::= ", 1) for line in scene.splitlines() if " ::= " in line)
    assert "speech-0 after-0" not in rules["after-0"] and "speech-1 after-1" in rules["after-0"]
    assert "action after-action" in rules["after-0"]  # after action, anyone may speak
    # A lone speaker may speak when nobody else can.
    assert (
        "speech-0"
        in dict(
            line.split(" ::= ", 1)
            for line in grammars.dialogue_grammar(["NORA"], last_speaker="NORA").splitlines()
            if " ::= " in line
        )["root"]
    )


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
