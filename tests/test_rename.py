"""Renaming a character and Replace All keep every line the element it was (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelwright.screenplay.parser import parse
from reelwright.screenplay.rename import (
    apply_edits,
    find_matches,
    keep_case_of,
    plan_replace,
    rename_character,
)
from reelwright.screenplay.vocabulary import cue_name

SCRIPT = """Title: Jenny's Song

INT. JENNY'S KITCHEN - NIGHT

Jenny pours tea. JENNY (30s) hums. Jennyfer watches.

JENNY
(to Jennyfer)
You knew, jenny knew.

@Jenny (V.O.) ^
Me too.

BOB ^
And me.

JENNY (CONT'D)
Jenny's gone.

/* JENNY
Cut. */
"""


def types(text: str) -> list[str]:
    return [str(e.type) for e in parse(text).elements]


def test_rename_cues_and_mentions_keeping_each_case():
    plan = rename_character(SCRIPT, "Jenny", "Jenna")
    renamed = apply_edits(SCRIPT, plan.edits)
    assert (
        renamed
        == """Title: Jenny's Song

INT. JENNA'S KITCHEN - NIGHT

Jenna pours tea. JENNA (30s) hums. Jennyfer watches.

JENNA
(to Jennyfer)
You knew, jenna knew.

@Jenna (V.O.) ^
Me too.

BOB ^
And me.

JENNA (CONT'D)
Jenna's gone.

/* JENNY
Cut. */
"""
    )
    assert (plan.cues, plan.mentions) == (3, 5)
    assert plan.summary("Jenny", "Jenna") == "Renames Jenny to Jenna: 3 cues and 5 mentions"
    assert types(renamed) == types(SCRIPT)
    # The title page and the boneyard are not the story: left as written.
    assert "Title: Jenny's Song" in renamed and "/* JENNY" in renamed


def test_rename_keeps_cues_cues_with_a_mixed_case_new_name():
    plan = rename_character(SCRIPT, "JENNY", "McAllister")
    renamed = apply_edits(SCRIPT, plan.edits)
    assert "\nMCALLISTER\n(to Jennyfer)" in renamed
    assert "\n@McAllister (V.O.) ^\n" in renamed
    assert "MCALLISTER (30s)" in renamed and "McAllister pours" in renamed
    assert types(renamed) == types(SCRIPT)


def test_a_name_of_two_words():
    text = "MARY JANE\nHi.\n\nMary  Jane smiles. Mary stays.\n"
    renamed = apply_edits(text, rename_character(text, "mary jane", "Ann Lee").edits)
    assert renamed == "ANN LEE\nHi.\n\nAnn Lee smiles. Mary stays.\n"


CHINESE = """Title：归途

INT。 火车站 - 夜

张伟赶到医院。张伟明在门口等着。

张伟
终于到了。

张伟明
你来晚了，张伟。

＠张伟（画外音）
我在站台。
"""


def test_rename_finds_a_chinese_name_inside_its_sentence():
    plan = rename_character(CHINESE, "张伟", "李强")
    renamed = apply_edits(CHINESE, plan.edits)
    assert renamed == CHINESE.replace("张伟赶到", "李强赶到").replace(
        "张伟\n终于", "李强\n终于"
    ).replace("晚了，张伟。", "晚了，李强。").replace("＠张伟（", "＠李强（")
    # 张伟明 is another character whose name holds 张伟: left alone.
    assert "张伟明在门口" in renamed and "\n张伟明\n" in renamed
    assert plan.cues == 2 and plan.mentions == 2
    assert types(renamed) == types(CHINESE)


def test_rename_the_longer_name_and_names_beside_chinese():
    renamed = apply_edits(CHINESE, rename_character(CHINESE, "张伟明", "王明").edits)
    assert "王明在门口" in renamed and "\n王明\n你来晚了" in renamed
    assert "张伟赶到" in renamed and "\n张伟\n终于" in renamed
    text = "TOM\nHi.\n\nTom来了。Tomas没来。\n"
    assert apply_edits(text, rename_character(text, "Tom", "Ben").edits) == (
        "BEN\nHi.\n\nBen来了。Tomas没来。\n"
    )
    korean = "@민수\n안녕.\n\n민수가 왔다. 민수는 웃는다.\n"
    assert apply_edits(korean, rename_character(korean, "민수", "지훈").edits) == (
        "@지훈\n안녕.\n\n지훈가 왔다. 지훈는 웃는다.\n"
    )


def test_find_whole_words_in_chinese_text():
    assert len(find_matches(CHINESE, "张伟", whole_words=True)) == 6
    assert len(find_matches("Jenny来了 Jennyfer", "Jenny", whole_words=True)) == 1


@pytest.mark.parametrize(
    "bad", ["", "  ", "Bob (V.O.)", "A^", "@Bob", "two\nlines", "＠张伟", "李娜（画外音）"]
)
def test_names_that_are_markup_are_refused(bad):
    with pytest.raises(ValueError):
        rename_character(SCRIPT, "Jenny", bad)


def test_nothing_to_rename():
    plan = rename_character(SCRIPT, "Zed", "Zack")
    assert plan.count == 0 and plan.summary("Zed", "Zack") == "Zed is not in the script"


@pytest.mark.parametrize(
    ("found", "expected"),
    [("JENNY", "JENNA"), ("jenny", "jenna"), ("Jenny", "Jenna"), ("JeNNy", "Jenna")],
)
def test_keep_case(found, expected):
    assert keep_case_of(found, "Jenna") == expected


def test_replace_all_never_turns_a_cue_into_action():
    """The bug: Replace All Jenny -> Jenna made every JENNY cue "Jenna" action."""
    edits = plan_replace(SCRIPT, "Jenny", "Jenna")
    replaced = apply_edits(SCRIPT, edits)
    assert types(replaced) == types(SCRIPT)
    assert "\nJENNA\n(to Jennafer)" in replaced  # not whole words: Jennyfer too
    assert "Jenna pours tea. Jenna (30s) hums." in replaced  # action as asked


def test_replace_all_whole_words_and_keep_case():
    edits = plan_replace(SCRIPT, "jenny", "jenna", whole_words=True, keep_case=True)
    replaced = apply_edits(SCRIPT, edits)
    assert "Jenna pours tea. JENNA (30s) hums. Jennyfer watches." in replaced
    assert "You knew, jenna knew." in replaced
    assert types(replaced) == types(SCRIPT)
    assert len(edits) == len(find_matches(SCRIPT, "jenny", whole_words=True))


def test_find_matches_case_and_words():
    assert len(find_matches("Jenny jenny JENNY Jennyfer", "Jenny")) == 4
    assert len(find_matches("Jenny jenny JENNY Jennyfer", "Jenny", match_case=True)) == 2
    assert len(find_matches("Jenny jenny JENNY Jennyfer", "Jenny", whole_words=True)) == 3
    assert find_matches("a b", "") == []


def test_rename_on_corpus_scripts_keeps_every_element(corpus_dir: Path):
    for path in sorted(corpus_dir.glob("*.fountain"))[:6]:
        try:
            text = path.read_text("utf-8-sig").replace("\r\n", "\n")
        except UnicodeDecodeError:
            continue
        script = parse(text)
        cues = [e for e in script.elements if str(e.type) == "character"]
        if not cues:
            continue
        old = cue_name(cues[0].text)
        plan = rename_character(text, old, "Zebediah")
        renamed = apply_edits(text, plan.edits)
        assert types(renamed) == types(text), path.name
        assert plan.cues == sum(1 for e in cues if cue_name(e.text).upper() == old.upper())
