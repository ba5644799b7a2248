"""Writing in Chinese and Japanese (issue 21, the parser's side): full-width markup is
markup, names without letter case are cues where the script is written without case,
Chinese and Japanese heading words split into location and time."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.lines import classify_lines
from reelwright.screenplay.parser import parse, split_lines
from reelwright.screenplay.stats import script_facts
from reelwright.screenplay.vocabulary import (
    CASELESS_NAME_LIMIT,
    is_caseless_cue_text,
    split_heading,
    writes_without_case,
)
from reelwright.screenplay.writer import write

T = ElementType
GOLDEN = Path(__file__).resolve().parent / "golden" / "chinese-full-width.fountain"

JAPANESE = """Title：帰り道
Author：山田花子

．屋内 病院・廊下（夜）

蛍光灯が点滅している。

健一
遅かったね。
（小声で）
もう誰もいないよ。

美咲（声）
ここにいる。

．屋外 駅前 - 朝

健一が走ってくる。
"""


def kinds(text: str, **options: bool | None) -> list[tuple[str, str]]:
    return [(str(e.type), e.text) for e in parse(text, **options).elements]  # type: ignore[arg-type]


def test_full_width_markup_is_markup() -> None:
    script = parse(GOLDEN.read_text("utf-8"))
    assert script.title_page == {"Title": "归途", "Author": "林晓", "Draft date": "2026年3月1日"}
    types = {(str(e.type), e.text) for e in script.elements}
    assert {
        ("section", "第一幕"),  # ＃
        ("synopsis", "张伟回到老家。"),  # ＝
        ("scene_heading", "INT。 火车站 - 夜"),  # 。after INT
        ("parenthetical", "（停顿）"),
        ("character", "李娜（画外音）"),
        ("note", "这一场要不要删？"),  # ［［…］］
        ("action", "李娜\n是一块招牌上的名字，不是人。"),  # ！
        ("character", "约翰"),  # ＠
        ("lyrics", "月亮代表我的心"),  # ～
        ("scene_heading", "回忆 － 夜"),  # ．and ＃12＃
        ("transition", "切至："),  # ＞
        ("centered", "完"),  # ＞…＜
        ("page_break", ""),  # ＝＝＝
    } <= types
    dual = [e for e in script.elements if e.dual]
    assert [(e.text, e.start_line) for e in dual] == [("张伟", 20)]  # ＾
    numbered = [e for e in script.elements if e.scene_number]
    assert [(e.text, e.scene_number) for e in numbered] == [("回忆 － 夜", "12")]


def test_written_back_the_script_keeps_what_the_writer_typed() -> None:
    script = parse(GOLDEN.read_text("utf-8"))
    written = write(script)
    for typed in (
        "Title：归途",
        "张伟 ＾",
        "＠约翰",
        "～月亮",
        "．回忆 － 夜 ＃12＃",
        "＞切至：",
        "＞完＜",
    ):
        assert typed in written, typed
    for typed in (
        "［［这一场要不要删？］］",
        "＝＝＝",
        "＃ 第一幕",
        "＝ 张伟回到老家。",
        "！李娜",
        "＞切至：",
    ):
        assert typed in written, typed
    again = parse(written)
    assert [(e.type, e.text, e.dual, e.marks) for e in again.elements] == [
        (e.type, e.text, e.dual, e.marks) for e in script.elements
    ]
    assert write(again) == written


@pytest.mark.parametrize("text", [GOLDEN.read_text("utf-8"), JAPANESE])
def test_the_editor_reads_cjk_scripts_as_the_parser_does(text: str) -> None:
    lines = split_lines(text)
    infos = classify_lines(lines)
    for element in parse(text).elements:
        if element.type is T.NOTE:
            continue
        for line in range(element.start_line, element.end_line):
            assert infos[line].kind.name.lower() == str(element.type), (line, lines[line])


def test_caseless_names_are_cues_in_a_chinese_script() -> None:
    text = "张伟走进来。\n\n张伟\n你好。\n\n李娜（画外音）\n你在哪儿？\n"
    assert kinds(text)[1:] == [
        ("character", "张伟"),
        ("dialogue", "你好。"),
        ("character", "李娜（画外音）"),
        ("dialogue", "你在哪儿？"),
    ]
    assert parse(text).caseless_cues is True


def test_japanese_script() -> None:
    script = parse(JAPANESE)
    assert [(str(e.type), e.text) for e in script.elements][:7] == [
        ("scene_heading", "屋内 病院・廊下（夜）"),
        ("action", "蛍光灯が点滅している。"),
        ("character", "健一"),
        ("dialogue", "遅かったね。"),
        ("parenthetical", "（小声で）"),
        ("dialogue", "もう誰もいないよ。"),
        ("character", "美咲（声）"),
    ]
    facts = script_facts(script)
    assert [(s.int_ext, s.location, s.time_of_day) for s in facts.scenes] == [
        ("INT", "病院・廊下", "夜"),
        ("EXT", "駅前", "朝"),
    ]
    assert [c.name for c in facts.characters] == ["健一", "美咲"]


@pytest.mark.parametrize(
    "line",
    [
        "门开了。",  # a sentence
        "你好，张伟",  # a comma: speech, not a name
        "他说：走",
        "“走吧”",
        "嗯——",
        "一" * (CASELESS_NAME_LIMIT + 1),  # longer than a name
        "１２３",  # no letter
        "Zhang Wei",  # letters with case: the upper-case rule decides
        "张伟 (V.O.) waves",  # text after the extension
        "约翰（20）进入医院。",  # the commonest action line: a name, an age, what they do
    ],
)
def test_what_is_not_a_caseless_name(line: str) -> None:
    assert not is_caseless_cue_text(line)
    assert kinds(f"开场。\n\n{line}\n他走了。")[1][0] == "action"


@pytest.mark.parametrize(
    "line", ["张伟", "李娜（画外音）", "老王的妻子", "约翰·史密斯 ^", "健一(V.O.)"]
)
def test_caseless_names(line: str) -> None:
    assert is_caseless_cue_text(line)


def test_the_choice_can_be_switched_off_and_on() -> None:
    chinese = "开场。\n\n张伟\n你好。\n"
    assert kinds(chinese, caseless_cues=False)[1] == ("action", "张伟\n你好。")
    assert kinds(chinese, caseless_cues=None)[1] == ("character", "张伟")
    # The script's own title page records the choice, so the app and `reelwright parse`
    # read the file the same way.
    off = "Title：归途\nCaseless cues: no\n\n" + chinese
    assert kinds(off)[1] == ("action", "张伟\n你好。")
    assert parse(off).caseless_cues is False
    # A script written in English does not read Chinese lines as names unless told to.
    english = "Rain falls on the station.\n\n张伟\nHello there, my old friend.\n"
    assert kinds(english)[1] == ("action", "张伟\nHello there, my old friend.")
    assert kinds(english, caseless_cues=True)[1] == ("character", "张伟")
    on = "Title: Home\nCaseless cues: yes\n\n" + english
    assert kinds(on)[1] == ("character", "张伟")
    # The classifier follows the same choice.
    infos = classify_lines(split_lines(off))
    assert infos[5].kind.name == "ACTION"
    infos = classify_lines(split_lines(chinese), caseless_cues=False)
    assert infos[2].kind.name == "ACTION"


def test_writing_keeps_the_choice_that_was_made() -> None:
    chinese = "开场。\n\n张伟\n你好。\n\n门开了\n他走进来。\n"
    read = parse(chinese)
    written = write(read)
    assert "\n张伟\n你好。" in written  # a name stays as typed, no @
    assert [(e.type, e.text) for e in parse(written).elements] == [
        (e.type, e.text) for e in read.elements
    ]
    # Read without caseless cues, the names are action and stay action when written back,
    # whatever the next reader decides: "!" keeps them so.
    as_action = parse(chinese, caseless_cues=False)
    written = write(as_action)
    assert "!张伟" in written and "!门开了" in written
    assert [(e.type, e.text) for e in parse(written).elements] == [
        (e.type, e.text) for e in as_action.elements
    ]
    # A cue read in an English script by choice is forced with @ for any reader.
    english = parse("Rain.\n\n张伟\nHello there, my old friend.\n", caseless_cues=True)
    assert "@张伟" in write(english)


def test_whether_a_script_is_written_without_case() -> None:
    assert writes_without_case(GOLDEN.read_text("utf-8"))
    assert writes_without_case(JAPANESE)
    assert not writes_without_case("INT. HOUSE - DAY\n\nMAYA\nHello, 张伟.")
    assert not writes_without_case("Plain ASCII text.")


@pytest.mark.parametrize(
    ("heading", "parts"),
    [
        ("INT。 医院-天", ("INT", "医院", "天")),
        ("内景 医院 - 日", ("INT", "医院", "日")),
        ("．外景 老街-清晨", ("EXT", "老街", "清晨")),
        (".内外景 出租车 — 夜", ("INT/EXT", "出租车", "夜")),
        ("内景医院 夜", ("INT", "医院", "夜")),
        ("屋内 病院・廊下（夜）", ("INT", "病院・廊下", "夜")),
        ("屋外 駅前 - 朝", ("EXT", "駅前", "朝")),
        ("医院 日", ("", "医院", "日")),
        ("医院，夜", ("", "医院", "夜")),
        ("INT．／EXT． 车内 - 夜", ("INT/EXT", "车内", "夜")),
        ("回忆", ("", "回忆", "")),
    ],
)
def test_chinese_and_japanese_heading_words(heading: str, parts: tuple[str, str, str]) -> None:
    assert split_heading(heading) == parts


def test_statistics_and_names_see_caseless_cues() -> None:
    facts = script_facts(parse(GOLDEN.read_text("utf-8")))
    assert {c.name: c.speeches for c in facts.characters} == {"张伟": 2, "李娜": 1, "约翰": 1}
    assert [(s.int_ext, s.location, s.time_of_day) for s in facts.scenes] == [
        ("INT", "火车站", "夜"),
        ("EXT", "老街", "清晨"),
        ("", "回忆", "夜"),
    ]
