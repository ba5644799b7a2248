"""The model layer's sentences for the writer (models/phrases.py): English text for the
command line and JSON, and every one of them translated for the desktop (read here from
the shipped zh_CN translation, without Qt)."""

from __future__ import annotations

import copy
import importlib.util
import json
import pickle
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from standin_engine import StandInEngine

from reelwright.models import actions, recommend
from reelwright.models.actions import Retry, Suggestion, default_sampler, run_action
from reelwright.models.phrases import (
    LANGUAGE_NAMES,
    Phrase,
    clauses,
    joined,
    language_name,
    layout,
    listed,
    text_in,
)
from reelwright.models.prompting import Assembler, PromptSpec, read_story
from reelwright.models.store import EMBEDDED_NAME
from reelwright.models.suggestions import ELEMENT_NAMES, PROFILE_LABELS, check_output
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.parser import parse, parse_file

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile(r"[\u4e00-\u9fff]")
SCRIPT = """Title: The Lighthouse

INT. LIGHTHOUSE - NIGHT

MARGIT climbs the stairs with a lamp. TOMAS waits at the top.

MARGIT
The oil is nearly gone.

TOMAS
Then we ration it.

EXT. HARBOUR - DAY

Gulls over the empty quay.
"""


def _tool():
    spec = importlib.util.spec_from_file_location(
        "translations_tool_phrases", ROOT / "tools" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def chinese() -> dict[tuple[str, str], str]:
    """The shipped zh_CN translations: (context, English) -> Chinese, finished ones only."""
    tool = _tool()
    return {
        (m.context, m.source): m.translation
        for m in tool.messages(tool.ts_path("zh_CN"))
        if m.finished
    }


def _translator(table: dict[tuple[str, str], str]) -> Callable[[str, str], str]:
    return lambda context, text: table.get((context, text), text)


def test_a_phrase_is_its_english_text() -> None:
    name = Phrase("Language", "Chinese")
    said = Phrase("Check", "{count} paragraph(s) in {language} left out", count=2, language=name)
    assert said == "2 paragraph(s) in Chinese left out" and isinstance(said, str)
    assert said.text() == said and type(said.text()) is str
    assert str(said) is said  # handed on as text, it stays a phrase
    assert "; ".join([said, "x"]) == "2 paragraph(s) in Chinese left out; x"
    assert "left out" in said and said.startswith("2 ")
    assert json.loads(json.dumps({"notes": [said]})) == {"notes": [said.text()]}
    assert f"({said})" == "(2 paragraph(s) in Chinese left out)"
    for copied in (pickle.loads(pickle.dumps(said)), copy.deepcopy(said)):
        assert copied == said and isinstance(copied, Phrase)
        assert copied.template == said.template and copied.fields == said.fields
        assert isinstance(dict(copied.fields)["language"], Phrase)
    with pytest.raises(AttributeError):
        said.template = "changed"  # type: ignore[misc]
    # Braces in what the model wrote are text, not fields.
    assert Phrase("Check", "{name} has a cue", name="{X}") == "{X} has a cue"


def test_a_phrase_in_another_language() -> None:
    table = {
        ("Check", "{count} paragraph(s) in {language} left out"): "删去了 {count} 个{language}段落",
        ("Language", "Chinese"): "中文",
        ("Phrase", "{earlier}; {later}"): "{earlier}；{later}",
        ("Phrase", "{earlier}, {later}"): "{earlier}、{later}",
        ("Check", "{name} has a cue"): "{oops} 有角色名",  # a translation that lost its field
    }
    translate = _translator(table)
    said = Phrase(
        "Check",
        "{count} paragraph(s) in {language} left out",
        count=2,
        language=Phrase("Language", "Chinese"),
    )
    assert said.text(translate) == "删去了 2 个中文段落"  # the fields in the translation's order
    both = clauses([said, Phrase("Check", "{name} has a cue", name="张伟")])
    assert both == "2 paragraph(s) in Chinese left out; 张伟 has a cue"
    assert both.text(translate) == "删去了 2 个中文段落；张伟 has a cue"  # the broken one: English
    assert listed(["A", "B", "C"]) == "A, B, C"
    assert text_in(listed(["张伟", "李娜", "王五"]), translate) == "张伟、李娜、王五"
    assert listed([]) == "" and listed(["only"]) == "only"
    assert text_in("what the model wrote", translate) == "what the model wrote"
    # A layout is never translated; the phrases in it are.
    table[("", "[[{note}]]")] = "never used"
    note = layout("[[{note}]]", note=said)
    assert note.text(translate) == "[[删去了 2 个中文段落]]"
    lines = joined(["{plain}", said], "\n{}\n")
    assert lines == "{plain}\n{}\n" + said and lines.text(translate).endswith("删去了 2 个中文段落")
    assert joined(["a", "b"], ", ") == "a, b" and type(joined(["a", "b"], ", ")) is str


def test_an_error_keeps_its_phrase(chinese) -> None:
    """A refused request is a ReelwrightError whose message is a phrase: str(error) is what
    the command line prints, and still the phrase the desktop translates."""
    engine = StandInEngine()
    with pytest.raises(ReelwrightError) as caught:
        list(run_action(engine, "between-scenes", SCRIPT, scene=2))
    message = str(caught.value)
    assert message == "scene 2 is the last scene; use next-scene to write what follows"
    assert isinstance(message, Phrase)
    assert (
        text_in(message, _translator(chinese)) == "第 2 场是最后一场；要写之后的内容，请用“下一场”"
    )


def test_one_table_of_language_names() -> None:
    assert language_name("zh") == "Chinese" and language_name("zh-CN") == "Chinese"
    assert language_name("pt_BR") == "Portuguese" and language_name("sv") == "sv"
    assert not hasattr(recommend, "_LANGUAGE_NAMES")
    from reelwright.models import quality

    assert not hasattr(quality, "LANGUAGE_NAMES")
    # Every language the catalog lists and the script detector returns has a name.
    from reelwright.models.catalog import load_catalog

    for entry in load_catalog():
        for code in entry.languages:
            assert code in LANGUAGE_NAMES, (entry.id, code)
    for code in ("en", "es", "fr", "it", "pt", "de", "nl", "ru", "ar", "fa", "lv", "eu", "el"):
        assert code in LANGUAGE_NAMES
    # The prompt names the language in English, the note in the writer's language.
    plan = actions.make_plan(
        actions.RECIPES["next-scene"],
        read_story(parse("．内景 医院 - 夜\n\n灯光昏暗。\n")),
        None,
        None,
        {},
        700,
        language="zh",
        model_writes_language=False,
    )
    assert plan.notes == (
        "this model does not write Chinese; the model manager lists models that do",
    )
    assert isinstance(dict(plan.notes[0].fields)["language"], Phrase)  # type: ignore[attr-defined]


# --- every sentence said is translated ---------------------------------------------------


def _templates(text: str) -> Iterator[tuple[str, str]]:
    """(context, template) of every phrase in ``text``, nested ones too (layouts skipped)."""
    if isinstance(text, Phrase):
        if text.context:
            yield text.context, text.template
        for _name, value in text.fields:
            yield from _templates(value)


def _check_sentences() -> list[str]:
    """Problems and notes of the checks, from outputs that go wrong in every way known."""
    said: list[str] = []
    known = ("MARGIT", "TOMAS")

    def scene(raw: str, output: str = "scene", truncated: bool = False, **context) -> None:
        _text, _data, check = check_output(
            output, raw, truncated=truncated, known=known, new_character=None, context=context
        )
        said.extend(check.problems + check.notes)

    scene("")
    scene("MARGIT\nHello.\n\nMARGIT\nAgain.\n\n> THE END <\n\n= a synopsis\n\n[[a note]]")
    scene("Title: X\n\nINT. A - DAY\n\nINT. B - DAY\n\nNORA\n\nTOMAS\nYes.\n\nEND\n\nEND\n\nEND")
    scene("Gulls.", output="dialogue")
    scene("INT. A - DAY\n\nMARGIT\nHi.\n\nUnfinished", truncated=True)
    story = read_story(parse(SCRIPT))
    from reelwright.models import quality

    facts = quality.facts_of(story, "en")
    copied = "MARGIT climbs the stairs with a lamp. TOMAS waits at the top."
    scene(
        f"INT. LIGHTHOUSE - NIGHT\n\n{copied}\n\nI walk to the window and we look out.\n\n"
        "MARGIT\nThe oil is nearly gone.\n\nTOMAS\nWe wait for the boat.",
        facts=facts,
        instructions="Write the next scene of The Lighthouse in Fountain.",
    )
    scene(f"INT. LIGHTHOUSE - NIGHT\n\n{copied}", facts=facts)

    def structured(output: str, raw: str, truncated: bool = False, **context) -> None:
        _text, _data, check = check_output(
            output, raw, truncated=truncated, known=known, new_character=None, context=context
        )
        said.extend(check.problems + check.notes)

    structured("logline", '{"logline": "x"', truncated=True)
    structured("logline", "{oops")
    structured("logline", "[1, 2]")
    structured("logline", '{"synopsis": []}')
    structured("shots", '{"shots": []}')
    structured("character", json.dumps({"name": "TOMAS"}), name="MARGIT")
    beats = [
        {
            "seconds": 4,
            "shot": "WIDE",
            "picture": "INT. LIGHTHOUSE - NIGHT",
            "audio": "music",
            "speaker": "",
            "line": "",
            "on_screen_text": "",
            "music": "drums",
        }
    ]
    structured(
        "trailer", json.dumps({"beats": beats}), length=30, genre="drama", audience="everyone"
    )
    marketing = {"tagline": "Out at sea", "blurb": ["Zqxv blorpt fnargh."], "posts": ["Hi"]}
    structured("marketing", json.dumps(marketing), facts=facts)
    return said


def _prompt_trims() -> list[str]:
    """What prompts leave out to fit, a long script in ever smaller contexts, and why a
    prompt cannot be made at all."""
    story = read_story(parse_file(ROOT.parent / "shared/corpus/Big-Fish.fountain"))
    count = lambda text: len(text.split()) + text.count("\n")  # noqa: E731
    length = [sum(len(e.text) for e in scene.elements) for scene in story.scenes]
    index = length.index(max(length))  # the longest scene: it is shortened to fit
    spec = PromptSpec(
        system="Write.",
        instruction="Write the next scene.",
        completion_tail="",
        focus=(index,),
        scene_priority=tuple(range(index, -1, -1)),
    )
    trims: list[str] = []
    for n_ctx in (6000, 1500, 300, 200):
        trims.extend(Assembler(story, count, n_ctx).assemble(spec, 40).trimmed)
    wordy = replace(spec, completion_tail="Go on. " * 60)
    for n_ctx, max_tokens, asked in ((100, 60, spec), (150, 20, wordy)):
        with pytest.raises(ReelwrightError) as caught:
            Assembler(story, count, n_ctx).assemble(asked, max_tokens)
        trims.append(str(caught.value))
    return trims


def _refusals() -> list[str]:
    """Why requests cannot be made."""
    engine = StandInEngine()
    asked: list[tuple[str, str, dict]] = [
        ("rewrite", SCRIPT, {}),
        ("next-scene", SCRIPT, {"n": 0}),
        ("next-scene", "Just a line of action.\n", {}),
        ("next-scene", SCRIPT, {"scene": 9}),
        ("between-scenes", SCRIPT, {"scene": 2}),
        ("continue-dialogue", "INT. ROOM - DAY\n\nNobody.\n", {}),
        ("shots", "Title: X\n\nAction first.\n\nINT. ROOM - DAY\n\nA.\n", {"scene": 0}),
        ("trailer", SCRIPT, {"options": {"length": 45}}),
        ("trailer", "Title: X\n", {}),
        ("character", SCRIPT, {}),
        ("character", SCRIPT, {"options": {"character": "NOBODY"}}),
        ("character", "INT. ROOM - DAY\n\nNobody.\n", {"options": {"character": "X"}}),
        ("next-scene", SCRIPT, {"options": {"new_character": "[[x]]"}}),
        ("next-scene", SCRIPT, {"options": {"prompt_style": "poem"}}),
        ("next-scene", SCRIPT, {"sampler": replace(default_sampler("next-scene"), max_tokens=5)}),
    ]
    said: list[str] = []
    for action, script, kwargs in asked:
        try:
            list(run_action(engine, action, script, **kwargs))
        except ReelwrightError as error:
            said.append(str(error))
    return said


def test_every_sentence_the_model_layer_says_is_translated(chinese) -> None:
    """Checks, prompt trims, refusals, labels, language and model names: each phrase (and
    each phrase inside it) has a finished zh_CN translation in the context it is shown in,
    so none reaches a Chinese window in English."""
    sentences = _check_sentences() + _prompt_trims() + _refusals()
    sentences += [language_name(code) for code in LANGUAGE_NAMES] + [EMBEDDED_NAME]
    kinds = {" ".join(s.split()[:3]) for s in sentences}
    assert len(kinds) >= 40, sorted(kinds)  # the runs above reach that many kinds of sentence
    assert all(isinstance(s, Phrase) for s in sentences), [
        s for s in sentences if not isinstance(s, Phrase)
    ]
    translate = _translator(chinese)
    for sentence in sentences:
        for context, template in _templates(sentence):
            assert (context, template) in chinese, (context, template, sentence)
        shown = sentence.text(translate)  # type: ignore[attr-defined]
        assert HAN.search(shown), (sentence, shown)
    for name in (*ELEMENT_NAMES.values(), *PROFILE_LABELS.values()):
        assert ("Check", name) in chinese or ("Take", name) in chinese, name


def test_the_labels_of_readable_takes(chinese) -> None:
    """A logline take, a profile and marketing copy: English for the command line, the
    labels (never the model's words) in Chinese for the window."""
    translate = _translator(chinese)
    data = {"logline": "A keeper waits.", "synopsis": ["One.", "Two."]}
    text, found, _check = check_output(
        "logline", json.dumps(data), truncated=False, known=(), new_character=None, context={}
    )
    assert found is not None
    assert text == "Logline: A keeper waits.\n\nSynopsis:\nOne.\n\nTwo.\n"
    assert text_in(text, translate) == "一句话梗概：A keeper waits.\n\n梗概：\nOne.\n\nTwo.\n"
    assert found["fountain"] == "[[Logline: A keeper waits.]]\n\n[[Synopsis: One.]]\n\n" + (
        "[[Synopsis: Two.]]\n"
    )
    assert text_in(found["fountain"], translate).startswith("[[一句话梗概：A keeper waits.]]")
    profile = {"name": "MARGIT", **{field: f"{field} text" for field in PROFILE_LABELS}}
    text, found, check = check_output(
        "character",
        json.dumps(profile),
        truncated=False,
        known=(),
        new_character=None,
        context={"name": "MARGIT"},
    )
    assert check.ok and found is not None
    assert text.splitlines()[:3] == ["MARGIT", "Role: role text", "Description: description text"]
    assert text_in(text, translate).splitlines()[1] == "角色定位：role text"
    first = parse(text_in(found["fountain"], translate)).elements[0]
    assert first.type.value == "note" and first.text == "MARGIT 的角色定位：role text"
    copy_ = {"tagline": "Out at sea", "blurb": ["A sea story."], "posts": ["One", "Two"]}
    text, found, check = check_output(
        "marketing", json.dumps(copy_), truncated=False, known=(), new_character=None, context={}
    )
    assert text.startswith("Tagline: Out at sea\n\nBlurb (3 words):\nA sea story.\n\nPosts:\n- One")
    shown = text_in(text, translate)
    assert (
        shown.startswith("宣传语：Out at sea\n\n简介（3 词）：\nA sea story.") and "- Two" in shown
    )


# --- the command line stays English --------------------------------------------------------

ZH_SCRIPT = """Title: 夜班

．内景 医院走廊 - 夜

灯光昏暗。张伟推着病床快步走过。

张伟
让一让，病人要进手术室。

李娜
血库那边还没回电话。
"""
ZH_SCENE = "．内景 手术室 - 夜\n\n无影灯亮起。\n\n李娜\n血送到了。\n\n张伟\n开始吧。\n"
STRANGER = "@王五\n我来了。\n"


def _cli_engine(monkeypatch, texts: list[str]) -> StandInEngine:
    from reelwright.models import llama_engine, store

    engine = StandInEngine(texts)
    engine.info = SimpleNamespace(path=store.default_model_path())  # type: ignore[attr-defined]
    monkeypatch.setattr(llama_engine, "load_engine", lambda path, settings: engine)
    monkeypatch.setattr(store, "resolve_model", lambda spec: Path("standin.gguf"))
    return engine


def test_the_command_line_speaks_english(tmp_path: Path, monkeypatch, capsys) -> None:
    """``reelwright suggest`` on a Chinese script: the checks' problems, notes and retries
    are English in the JSON and on stderr; only the script's and the model's words are
    Chinese."""
    from reelwright.cli.main import main
    from reelwright.models.actions import minimum_max_tokens

    script = tmp_path / "夜班.fountain"
    script.write_text(ZH_SCRIPT, "utf-8")
    room = minimum_max_tokens("next-scene", ZH_SCRIPT) + 40
    tail = "无影灯下，众人屏住呼吸，" * (room * 7 // 12 + 20)  # more than the room: cut
    _cli_engine(monkeypatch, [ZH_SCENE + "\n" + tail, STRANGER])
    args = ["suggest", "next-scene", str(script), "--n", "2", "--max-tokens", str(room)]
    assert main([*args, "--json", "--seed", "3"]) == 0
    captured = capsys.readouterr()
    payload = json.loads(captured.out)
    good, failed = payload["suggestions"]
    notes = good["check"]["notes"]
    assert (
        good["ok"] and notes[0] == "an unfinished last element was cut off (maximum tokens reached)"
    )
    assert not any(HAN.search(note) for note in notes)
    assert not failed["ok"] and failed["check"]["problems"] == [
        "it does not start with a scene heading",
        "unknown characters speak: 王五",
    ]
    assert "alternative 2 failed its check (it does not start with a scene heading;" in (
        captured.err
    )
    assert "failed after 3 attempts: it does not start with a scene heading; unknown" in (
        captured.err
    )
    assert not HAN.search(captured.err.replace("王五", ""))
    # Nothing usable at all: one English line, and the exit status says so.
    _cli_engine(monkeypatch, [STRANGER])
    assert main([*args[:3], "--max-tokens", str(room)]) != 0
    err = capsys.readouterr().err
    assert "no usable next-scene suggestion: it does not start with a scene heading" in err
    # A refusal: English on the command line.
    assert main(["suggest", "between-scenes", str(script), "--scene", "1"]) != 0
    err = capsys.readouterr().err
    assert "scene 1 is the last scene; use next-scene to write what follows" in err


def test_retries_carry_the_phrase() -> None:
    """A retry's reason is the failed attempt's problems as one phrase, as the final
    failure is."""
    engine = StandInEngine([STRANGER])
    events = list(run_action(engine, "next-scene", ZH_SCRIPT, n=1))
    retries = [e for e in events if isinstance(e, Retry)]
    final = [e for e in events if isinstance(e, Suggestion)]
    assert [r.attempt for r in retries] == [2, 3] and len(final) == 1
    assert isinstance(retries[0].reason, Phrase) and isinstance(final[0].failure, Phrase)
    assert (
        retries[0].reason
        == final[0].failure
        == ("it does not start with a scene heading; unknown characters speak: 王五")
    )
