"""Comparing drafts scene by scene (``screenplay.compare``) and ``reelwright compare``."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from reelwright.cli.main import main
from reelwright.screenplay.compare import (
    PREAMBLE,
    compare_texts,
    read_version,
    scenes_of,
    word_diff,
)
from reelwright.screenplay.errors import ReelwrightError

DRAFT = """Title: Drafts

INT. KITCHEN - DAY

Maya reads the letter twice.

MAYA
It was him.

EXT. HARBOUR - NIGHT

The boat is gone. Only rope.

INT. CAR - NIGHT

Rain on the glass.

EXT. ROOF - DAWN

Bob watches the sun come up.
"""


def scene_blocks(text: str) -> tuple[str, list[str]]:
    """The text before the first scene and each scene's text."""
    scenes = scenes_of(text)
    lines = text.split("\n")
    head = "\n".join(lines[: scenes[1].start_line]) if scenes[0].index < 0 else ""
    return head, ["\n".join(lines[s.start_line : s.end_line]) for s in scenes if s.index >= 0]


def descriptions(old: str, new: str) -> list[tuple[str, str]]:
    return [(c.description, c.label) for c in compare_texts(old, new).changes]


def test_identical_drafts() -> None:
    comparison = compare_texts(DRAFT, DRAFT)
    assert not comparison.differs
    assert comparison.summary() == "5 unchanged"
    assert {c.description for c in comparison.changes} == {"unchanged"}


def test_a_moved_scene_is_one_move() -> None:
    head, blocks = scene_blocks(DRAFT)
    moved = head + "\n" + "\n".join([blocks[3], blocks[0], blocks[1], blocks[2]])
    changes = descriptions(DRAFT, moved)
    assert [d for d, _ in changes].count("moved") == 1
    assert ("moved", "1. EXT. ROOF - DAWN") in changes
    assert compare_texts(DRAFT, moved).summary() == "1 moved, 4 unchanged"


def test_changed_words_are_marked() -> None:
    new = DRAFT.replace("twice", "three times").replace("Only rope.", "Only rope and oil.")
    comparison = compare_texts(DRAFT, new)
    changed = [c for c in comparison.changes if c.status == "changed"]
    assert [c.label for c in changed] == ["1. INT. KITCHEN - DAY", "2. EXT. HARBOUR - NIGHT"]
    kitchen = changed[0]
    assert ("delete", "twice") in kitchen.segments and ("insert", "three times") in kitchen.segments
    assert kitchen.words_added == 2 and kitchen.words_removed == 1
    assert kitchen.old is not None and kitchen.new is not None
    # The pieces rebuild both texts exactly.
    assert "".join(t for tag, t in kitchen.segments if tag != "delete") == kitchen.new.text
    assert "".join(t for tag, t in kitchen.segments if tag != "insert") == kitchen.old.text


def test_added_removed_and_the_title_page() -> None:
    head, blocks = scene_blocks(DRAFT)
    new_scene = "INT. LIGHTHOUSE - NIGHT\n\nA lamp turns.\n"
    new = (
        head.replace("Drafts", "Drafts, revised")
        + "\n"
        + "\n".join([blocks[0], new_scene, blocks[2], blocks[3]])
    )
    assert descriptions(DRAFT, new) == [
        ("changed", PREAMBLE),
        ("unchanged", "1. INT. KITCHEN - DAY"),
        ("removed", "2. EXT. HARBOUR - NIGHT"),  # where it stood
        ("added", "2. INT. LIGHTHOUSE - NIGHT"),
        ("unchanged", "3. INT. CAR - NIGHT"),
        ("unchanged", "4. EXT. ROOF - DAWN"),
    ]


def test_a_rewritten_heading_is_still_the_same_scene() -> None:
    new = DRAFT.replace("INT. CAR - NIGHT", "INT. TAXI - NIGHT")
    assert ("changed", "3. INT. TAXI - NIGHT") in descriptions(DRAFT, new)
    # A scene rewritten beyond recognition is one removed and one added.
    other = DRAFT.replace(
        "Rain on the glass.", "Sirens. A crowd gathers across the street, shouting."
    )
    other = other.replace("INT. CAR - NIGHT", "EXT. SQUARE - DAY")
    got = descriptions(DRAFT, other)
    assert ("removed", "3. INT. CAR - NIGHT") in got and ("added", "3. EXT. SQUARE - DAY") in got


def test_repeated_scenes_pair_in_order() -> None:
    twice = DRAFT + "\nINT. KITCHEN - DAY\n\nMaya reads the letter twice.\n\nMAYA\nIt was him.\n"
    assert compare_texts(twice, twice).summary() == "6 unchanged"
    assert compare_texts(DRAFT, twice).summary() == "1 added, 5 unchanged"


def test_shuffled_real_script(corpus_dir: Path) -> None:
    text = (corpus_dir / "The-Last-Birthday-Card.fountain").read_text("utf-8")
    head, blocks = scene_blocks(text)
    order = list(range(len(blocks)))
    random.Random(7).shuffle(order)
    shuffled = head + "\n" + "\n".join(blocks[i].rstrip("\n") + "\n" for i in order)
    comparison = compare_texts(text, shuffled)
    assert comparison.count("added") == comparison.count("removed") == 0
    assert (
        comparison.count("changed") + comparison.count("moved and changed") <= 1
    )  # the last scene's end
    # Moves are the fewest that explain the new order: all scenes minus the longest run
    # that kept its order.
    best = _longest_increasing_length(order)
    moved = comparison.count("moved") + comparison.count("moved and changed")
    assert moved == len(blocks) - best


def _longest_increasing_length(values: list[int]) -> int:
    import bisect

    tails: list[int] = []
    for value in values:
        place = bisect.bisect_left(tails, value)
        tails[place : place + 1] = [value]
    return len(tails)


def test_word_diff_on_long_scenes_is_quick(corpus_dir: Path) -> None:
    import time

    text = (corpus_dir / "Big-Fish.fountain").read_text("utf-8")
    started = time.perf_counter()
    comparison = compare_texts(text, text.replace("EDWARD", "ED"))
    assert comparison.count("changed") == 94
    assert time.perf_counter() - started < 20  # about 0.5 s; generous for a busy machine
    assert word_diff("a b c", "a x c") == (
        ("equal", "a "),
        ("delete", "b"),
        ("insert", "x"),
        ("equal", " c"),
    )


def test_read_version(corpus_dir: Path, tmp_path: Path) -> None:
    from reelwright.exporters.fdx import write_fdx
    from reelwright.screenplay.parser import parse

    fdx = tmp_path / "draft.fdx"
    write_fdx(parse(DRAFT), fdx)
    assert "INT. HARBOUR" not in read_version(fdx) and "EXT. HARBOUR - NIGHT" in read_version(fdx)
    assert compare_texts(DRAFT, read_version(fdx)).count("added") == 0
    with pytest.raises(ReelwrightError, match="is a folder"):
        read_version(tmp_path)
    with pytest.raises(ReelwrightError, match="does not exist"):
        read_version(tmp_path / "gone.fountain")


def test_cli_compare(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.fountain"
    new = tmp_path / "new.fountain"
    old.write_text(DRAFT, "utf-8")
    new.write_text(DRAFT.replace("twice", "three times"), "utf-8")
    assert main(["compare", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 changed, 4 unchanged\n")
    assert "CHANGED: 1. INT. KITCHEN - DAY  (line 3 -> line 3)" in out
    assert "[-twice-]{+three times+}" in out
    assert "HARBOUR" not in out
    assert main(["compare", str(old), str(new), "--all"]) == 0
    assert "UNCHANGED: 2. EXT. HARBOUR - NIGHT" in capsys.readouterr().out
    assert main(["compare", str(old), str(new), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] == "1 changed, 4 unchanged"
    changed = [c for c in data["changes"] if c["status"] == "changed"]
    assert changed[0]["words_added"] == 2 and ["delete", "twice"] in changed[0]["segments"]
    assert main(["compare", str(old), str(tmp_path / "missing.fountain")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_chinese_changes_are_counted_and_marked_per_character() -> None:
    """Chinese does not space its words: a changed character is one changed word, and the
    rest of the sentence stays equal."""
    assert word_diff("张伟赶到医院。", "张伟走到医院。") == (
        ("equal", "张伟"),
        ("delete", "赶"),
        ("insert", "走"),
        ("equal", "到医院。"),
    )
    old = ".内景 医院 - 夜\n\n张伟赶到医院。\n"
    new = ".内景 医院 - 夜\n\n张伟走到医院，看见王芳。\n"
    (change,) = [c for c in compare_texts(old, new).changes if c.status == "changed"]
    assert (change.words_added, change.words_removed) == (5, 1)
