"""Prompt assembly: the budget holds, the right things are kept, the prefix is stable."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from reelwright.models.actions import RECIPES, make_plan
from reelwright.models.prompting import (
    Assembler,
    PromptSpec,
    read_story,
    render_elements,
)
from reelwright.screenplay.errors import ModelError, ReelwrightError
from reelwright.screenplay.parser import parse, parse_file


def words(text: str) -> int:
    """A simple counter: one token per word or punctuation run (no model needed)."""
    return len(text.split()) + text.count("\n")


def chars(text: str) -> int:
    """A stricter counter: one token per three characters."""
    return (len(text) + 2) // 3


def fake_chat(messages: Sequence[dict[str, str]]) -> str:
    """A ChatML rendering, as SmolLM2's template writes it."""
    parts = [f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages]
    return "".join(parts) + "<|im_start|>assistant\n"


@pytest.fixture(scope="module")
def big_fish() -> str:
    return (
        Path(__file__).resolve().parent.parent.parent / "shared/corpus/Big-Fish.fountain"
    ).read_text("utf-8")


def spec_for(
    action: str, text: str, scene: int | None = None, max_tokens: int = 400, **options: object
) -> PromptSpec:
    story = read_story(parse(text))
    plan = make_plan(RECIPES[action], story, None, scene, dict(options), max_tokens)
    return plan.spec


@pytest.mark.parametrize("counter", [words, chars], ids=["words", "chars"])
@pytest.mark.parametrize("n_ctx", [768, 2048, 8192, 32768])
@pytest.mark.parametrize("chat", [True, False], ids=["chat", "completion"])
def test_budget_never_exceeded_on_a_long_script(
    big_fish: str, counter: object, n_ctx: int, chat: bool
) -> None:
    story = read_story(parse(big_fish))
    count = counter  # type: ignore[assignment]
    assembler = Assembler(story, count, n_ctx, fake_chat if chat else None)  # type: ignore[arg-type]
    for action, scene in (("next-scene", 40), ("continue-dialogue", 100), ("between-scenes", 3)):
        spec = spec_for(action, big_fish, scene)
        prompt = assembler.assemble(spec, 400)
        assert count(prompt.text) <= n_ctx - 400  # type: ignore[operator]
        assert prompt.tokens == count(prompt.text)  # type: ignore[operator]
        assert prompt.scenes_shown, "at least part of the nearest scene is shown"


@pytest.fixture(scope="module")
def smol(default_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from reelwright.models.llama_engine import load_engine
    from reelwright.models.types import EngineSettings

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REELWRIGHT_HOME", str(tmp_path_factory.mktemp("engine-home")))
        engine = load_engine(default_model_path, EngineSettings(n_ctx=2048, n_threads=1))
    yield engine
    engine.close()


@pytest.mark.slow
def test_budget_in_the_models_own_tokens(big_fish: str, smol: object) -> None:
    """Counted by SmolLM2's tokenizer, BOS included, the prompt leaves max_tokens free."""
    engine = smol
    story = read_story(parse(big_fish))
    n_ctx = engine.facts.n_ctx  # type: ignore[attr-defined]
    assembler = Assembler(story, engine.count_tokens, n_ctx, engine.render_chat)  # type: ignore[attr-defined]
    for action, scene, max_tokens in (("next-scene", 150, 700), ("shots", 20, 900)):
        spec = spec_for(action, big_fish, scene, max_tokens)
        prompt = assembler.assemble(spec, max_tokens)
        assert prompt.style == "chat"
        real = len(engine.tokenize(prompt.text, add_bos=True))  # type: ignore[attr-defined]
        assert real + max_tokens <= n_ctx
        assert prompt.trimmed, "Big Fish does not fit in 2048 tokens untrimmed"


def test_what_is_kept_when_the_script_is_long(big_fish: str) -> None:
    story = read_story(parse(big_fish))
    assembler = Assembler(story, words, 3000, fake_chat)
    index = story.scene_by_number(60)
    prompt = assembler.assemble(spec_for("next-scene", big_fish, 60), 400)
    # The bible: the title page and a summary that reaches the end of the story.
    assert "Title: Big Fish" in prompt.text
    assert "Scenes so far:" in prompt.text
    # The nearest scenes, ending with the cursor's scene, contiguous; far ones left out.
    shown = prompt.scenes_shown
    assert shown[-1] == index and list(shown) == list(range(shown[0], index + 1))
    assert len(shown) < index
    assert any("left out" in t for t in prompt.trimmed)
    # The end of the current scene is there, and the instruction is last.
    last_scene = render_elements(story.scenes[index].elements)
    assert last_scene.splitlines()[-1] in prompt.text
    user = prompt.messages[1]["content"] if prompt.messages else ""
    assert user.endswith(spec_for("next-scene", big_fish, 60).instruction)
    # Cards for the speakers of the scene.
    for name in story.scenes[index].speakers():
        assert name in prompt.cards


def test_nearest_scene_is_cut_from_its_far_side(big_fish: str) -> None:
    story = read_story(parse(big_fish))
    assembler = Assembler(story, words, 900, None)
    spec = spec_for("next-scene", big_fish, 60)
    prompt = assembler.assemble(spec, 300)
    index = story.scene_by_number(60)
    scene = render_elements(story.scenes[index].elements)
    assert words(prompt.text) <= 900 - 300
    assert prompt.text.rstrip().endswith(scene.rstrip().splitlines()[-1].strip())


def test_stable_prefix_is_shared_by_consecutive_requests(big_fish: str) -> None:
    story = read_story(parse(big_fish))
    for render in (fake_chat, None):
        assembler = Assembler(story, chars, 4096, render)
        first = assembler.assemble(spec_for("next-scene", big_fish, 30), 500)
        second = assembler.assemble(spec_for("continue-dialogue", big_fish, 31), 500)
        third = assembler.assemble(spec_for("shots", big_fish, 90, 500), 500)
        assert len(first.stable_prefix) > 1000
        assert "Big Fish" in first.stable_prefix
        assert second.text.startswith(first.stable_prefix)
        assert third.text.startswith(first.stable_prefix)


def test_completion_prompt_is_fountain_ending_where_the_scene_goes() -> None:
    text = "Title: Test\n\nINT. HOUSE - DAY\n\nMAYA enters.\n\nMAYA\nHello.\n"
    story = read_story(parse(text))
    prompt = Assembler(story, words, 2048, None).assemble(spec_for("next-scene", text), 400)
    assert prompt.style == "completion"
    assert prompt.text.startswith("Title: Test\n")
    assert prompt.text.endswith("MAYA\nHello.\n\n")
    reparsed = parse(prompt.text)
    assert [e.type.value for e in reparsed.elements][-3:] == ["action", "character", "dialogue"]


def test_chat_template_failure_falls_back_to_completion(caplog: pytest.LogCaptureFixture) -> None:
    def broken(messages: Sequence[dict[str, str]]) -> str:
        raise ModelError("the chat template failed to render")

    text = "INT. HOUSE - DAY\n\nMAYA enters.\n"
    story = read_story(parse(text))
    with caplog.at_level(logging.WARNING):
        prompt = Assembler(story, words, 2048, broken).assemble(spec_for("next-scene", text), 400)
    assert prompt.style == "completion"
    assert "chat template failed" in caplog.text


def test_boneyard_never_reaches_the_prompt_and_notes_do() -> None:
    text = (
        "Title: Secrets\n\n[[Maya is the villain all along.]]\n\n"
        "INT. HOUSE - DAY\n\n/* The cut subplot about the twin. */\n\n"
        "MAYA enters. [[slow this down]]\n\n= Maya comes home.\n"
    )
    story = read_story(parse(text))
    for render in (fake_chat, None):
        prompt = Assembler(story, words, 2048, render).assemble(spec_for("next-scene", text), 400)
        assert "twin" not in prompt.text
        assert "Maya is the villain all along." in prompt.stable_prefix
        assert "slow this down" in prompt.stable_prefix
        assert "Maya comes home." in prompt.stable_prefix


def test_character_card_has_first_description_and_lines(corpus_dir: Path) -> None:
    text = (corpus_dir / "Brick-and-Steel.fountain").read_text("utf-8")
    story = read_story(parse(text))
    prompt = Assembler(story, words, 4096, fake_chat).assemble(spec_for("next-scene", text, 1), 400)
    user = prompt.messages[1]["content"] if prompt.messages else ""
    assert "BRICK" in prompt.cards and "STEEL" in prompt.cards
    assert "BRICK: " in user and "retired police detective" in user
    assert 'STEEL says: "' in user


def test_a_context_too_small_is_a_clear_error(corpus_dir: Path) -> None:
    story = read_story(parse_file(corpus_dir / "Brick-and-Steel.fountain"))
    with pytest.raises(ReelwrightError, match="context window"):
        Assembler(story, words, 420, fake_chat).assemble(
            spec_for("next-scene", (corpus_dir / "Brick-and-Steel.fountain").read_text()), 400
        )
