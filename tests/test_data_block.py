"""Reelwright's data block at the end of a Fountain file (``screenplay.data_block``): one
block, a section per feature, tolerant of other programs' edits, earlier formats read."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reelwright.screenplay import data_block, production_file
from reelwright.screenplay.data_block import DICTIONARY, PRODUCTION, DataBlock
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.parser import parse
from reelwright.screenplay.spelling import script_dictionary, with_script_words

SCRIPT = "INT. LAB - DAY\n\nMaya reads.\n\nMAYA\nZorblax.\n"


def block_of(**sections: list[str]) -> DataBlock:
    block = DataBlock()
    for name, lines in sections.items():
        block.set_section(name, lines)
    return block


def test_one_block_at_the_end_with_a_section_per_feature() -> None:
    block = block_of(dictionary=["Kestrel Zorblax"], production=["version 1", "future 7"])
    text = data_block.join(SCRIPT, block)
    assert text == (
        f"{SCRIPT}\n{data_block.HEADER[0]}\n{data_block.HEADER[1]}\n"
        "[dictionary]\nKestrel Zorblax\n[production]\nversion 1\nfuture 7\n*/\n"
    )
    split = data_block.split(text)
    assert split.body == SCRIPT and split.block == block
    assert parse(text).elements == parse(SCRIPT).elements  # nothing printed, no element
    assert data_block.join(SCRIPT, DataBlock()) == SCRIPT
    assert data_block.split(SCRIPT).body == SCRIPT  # no block: the text itself


def test_other_programs_edits_are_tolerated() -> None:
    text = data_block.join(SCRIPT, block_of(dictionary=["Kestrel"], production=["version 1"]))
    # Windows line ends, indentation, trailing spaces, blank lines, a capitalised header,
    # a note typed into the block and a scene added after it by another program.
    edited = (
        text.replace("[production]", "  [Production]   \n")
        .replace("Kestrel", "\tKestrel  ")
        .replace("version 1", "version 1\n\n")
        .replace("[dictionary]", "typed by hand\n[dictionary]")
        + "\nINT. HALL - NIGHT\n\nMore.\n"
    ).replace("\n", "\r\n")
    split = data_block.split(edited)
    assert split.body == (SCRIPT + "\nINT. HALL - NIGHT\n\nMore.\n").replace("\n", "\r\n")
    assert split.block.section(DICTIONARY) == ["\tKestrel"]
    assert split.block.section(PRODUCTION) == ["version 1"]
    assert split.block.loose == ["typed by hand"]
    # Written back: the block at the end again, the note kept, the line ends the file's.
    again = data_block.join(split.body, split.block)
    assert again.endswith(
        "typed by hand\r\n[dictionary]\r\n\tKestrel\r\n[production]\r\nversion 1\r\n*/\r\n"
    )
    assert "\n" not in again.replace("\r\n", "")


def test_unknown_sections_are_kept_and_features_change_only_their_own() -> None:
    text = data_block.join(SCRIPT, block_of(future=["x = {1}"], dictionary=["Kestrel"]))
    edited = data_block.edit_section(text, DICTIONARY, ["Kestrel Ondine"])
    assert edited.startswith(SCRIPT)
    assert data_block.read(edited).sections == [
        ("future", ["x = {1}"]),
        ("dictionary", ["Kestrel Ondine"]),
    ]
    emptied = data_block.edit_section(edited, DICTIONARY, None)
    assert data_block.read(emptied).sections == [("future", ["x = {1}"])]
    assert (
        data_block.edit_section(data_block.edit_section(emptied, "future", []), "x", []) == SCRIPT
    )


def test_the_block_is_edited_where_it_is() -> None:
    text = data_block.join(SCRIPT, block_of(dictionary=["Kestrel"])) + "\nAfter.\n"
    edited = data_block.edit_section(text, DICTIONARY, ["Ondine"])
    assert edited.endswith("[dictionary]\nOndine\n*/\n\nAfter.\n")
    assert edited.startswith(SCRIPT + "\n/* Reelwright data")
    assert data_block.edit_section(text, DICTIONARY, None) == SCRIPT + "\nAfter.\n"


def test_several_blocks_read_as_one_and_are_written_as_one() -> None:
    first = data_block.join(SCRIPT, block_of(dictionary=["Kestrel"]))
    twice = first + "\n" + first[len(SCRIPT) + 1 :].replace("Kestrel", "Ondine")
    block = data_block.read(twice)
    assert block.every(DICTIONARY) == [["Kestrel"], ["Ondine"]]
    assert block.section(DICTIONARY) == ["Ondine"]
    assert script_dictionary(twice) == ["Kestrel", "Ondine"]  # the dictionary takes all
    once = with_script_words(twice, ["Zorblax"])
    assert once.count("/*") == 1 and script_dictionary(once) == ["Kestrel", "Ondine", "Zorblax"]


def test_earlier_formats_still_read() -> None:
    old_production = (
        "/* Reelwright production data: revision marks, locked scene numbers and pages.\n"
        "Other Fountain programs skip this comment. Deleting it drops the marks and the locks.\n"
        'version 1\nscenes {"numbers": ["1"]}\n*/\n'
    )
    old = f"{SCRIPT}\n/* Reelwright dictionary: Kestrel, Ondine */\n\n{old_production}"
    split = data_block.split(old)
    assert split.body == SCRIPT
    assert split.block.sections == [
        (DICTIONARY, ["Kestrel, Ondine"]),
        (PRODUCTION, ["version 1", 'scenes {"numbers": ["1"]}']),
    ]
    assert [item.kind for item in split.found] == [DICTIONARY, PRODUCTION]


def test_an_earlier_production_block_keeps_its_checksum_beside_an_old_dictionary() -> None:
    # Written by the version before the one block: the dictionary block was part of the
    # script the production checksum was taken of.
    old_script = f"{SCRIPT}\n/* Reelwright dictionary: Zorblax */\n"
    old = (
        f"{old_script}\n/* Reelwright production data: revision marks, locked scene numbers"
        " and pages.\nOther Fountain programs skip this comment. Deleting it drops the marks"
        f" and the locks.\nversion 1\nchecksum {production_file.checksum(old_script)}\n"
        'round {"level": 1, "date": "2025-03-10"}\n'
        'mark {"line": 2, "text": "' + production_file.line_hash("Maya reads.") + '", '
        '"spans": [[0, 4, 1]]}\n*/\n'
    )
    loaded = production_file.read(old)
    assert loaded.warnings == []  # taken as saved, not "changed by another program"
    assert loaded.body == SCRIPT and list(loaded.data.revisions.marks) == [2]
    rewritten = production_file.write(loaded.body, loaded.data)
    assert rewritten.count("/*") == 1 and script_dictionary(rewritten) == ["Zorblax"]
    assert production_file.read(rewritten).warnings == []


def test_what_would_break_the_comment_is_refused() -> None:
    block = DataBlock()
    with pytest.raises(ValueError, match=r"\*/"):
        block.set_section(DICTIONARY, ["a */ b"])
    with pytest.raises(ValueError, match="section header"):
        block.set_section(DICTIONARY, ["[production]"])
    with pytest.raises(ValueError, match="section name"):
        block.set_section("Two words", ["x"])
    with pytest.raises(ReelwrightError, match=r"line 3 opens a boneyard.*never closed"):
        data_block.join("INT. A - DAY\n\n/* unfinished\n\nMore.\n", block_of(dictionary=["x"]))
    with pytest.raises(ReelwrightError, match="line 3"):
        with_script_words("INT. A - DAY\n\n/* unfinished\n", ["Kestrel"])


def test_an_opening_never_closed_is_script_text() -> None:
    text = SCRIPT + "/* Reelwright data: typed by someone\nand never closed\n"
    split = data_block.split(text)
    assert split.body == text and split.block.is_empty()
    hostile = "/* Reelwright data\n" * 20000
    assert data_block.find(hostile) == []
    assert data_block.find(hostile + "*/\n")[0].end == len(hostile) + 3
    many = "Action.\n/* Reelwright data */\n" * 20000
    assert data_block.split(many).body == "Action.\n\n" * 19999 + "Action.\n"


@settings(max_examples=80, deadline=None)
@given(
    st.text(st.characters(blacklist_characters="*/\r"), max_size=200),
    st.lists(st.sampled_from(["Kestrel", "Zorblax Ondine", '{"a": 1}', "x y"]), max_size=4),
)
def test_any_script_and_data_round_trip(body: str, words: list[str]) -> None:
    block = block_of(dictionary=words) if words else DataBlock()
    text = data_block.join(body, block)
    split = data_block.split(text)
    assert split.block == block
    assert split.body == (data_block.trimmed(body) if words else body)
    assert parse(text).elements == parse(split.body).elements
