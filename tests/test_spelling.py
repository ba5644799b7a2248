"""Spell checking (``screenplay.spelling``): what is checked, what is known, suggestions,
the script's own dictionary, the writer's dictionary, and ``reelwright spell``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reelwright.cli.main import main
from reelwright.screenplay import data_block, production_file
from reelwright.screenplay.parser import parse
from reelwright.screenplay.spelling import (
    LineState,
    Speller,
    UserDictionary,
    available_languages,
    script_dictionary,
    script_vocabulary,
    with_script_words,
    words,
)


@pytest.fixture(scope="module")
def english() -> Speller:
    speller = Speller(["en"])
    speller.load()
    return speller


def flagged(speller: Speller, line: str, state: LineState | None = None) -> list[str]:
    found, _ = speller.check_line(line, state or LineState())
    return [item.word for item in found]


def test_words_worth_checking() -> None:
    text = "C-3PO said don't, walkie-talkie; a I 42nd _under_ *bold* l'été"
    assert [w for _, _, w in words(text)] == [
        "said",
        "don't",
        "walkie-talkie",
        "under",
        "bold",
        "l'été",
    ]


def test_only_words_of_the_chosen_languages_writing_systems_are_checked(
    english: Speller,
) -> None:
    # Chinese and Japanese: no dictionary, and a run of their letters is a sentence.
    assert flagged(english, "张伟赶到医院。Tom来了，Tmo没来。") == ["Tmo"]
    assert [w for _, _, w in words("Tom来了")] == ["Tom"]
    assert flagged(english, "健一が走ってくる。") == []
    assert flagged(english, "민수가 왔다. Hello, helo.") == ["helo"]
    # A line of Russian in an English script is not English misspelt ...
    assert flagged(english, "Привет, мирр! Hello.") == []
    # ... and is checked once Russian is chosen.
    both = Speller(["en", "ru"])
    assert flagged(both, "Привет, мирр! Hello.") == ["мирр"]


def test_misspellings_with_positions(english: Speller) -> None:
    line = "She recieves the leter at teh door."
    found, after = english.check_line(line)
    assert [(m.word, line[m.start : m.end]) for m in found] == [
        ("recieves", "recieves"),
        ("leter", "leter"),
        ("teh", "teh"),
    ]
    assert after == LineState()


def test_notes_boneyard_addresses_and_numbers_are_skipped(english: Speller) -> None:
    assert flagged(english, "Fine [[a notte to sefl]] words /* boneyrd */ here.") == []
    found, after = english.check_line("Start [[a note that goes on, wroong")
    assert found == [] and after.note
    assert flagged(english, "stil inside]] but outsyde", after) == ["outsyde"]
    _, open_boneyard = english.check_line("Text /* a long cut")
    assert open_boneyard.boneyard
    assert flagged(english, "all gonne */ then tyop", open_boneyard) == ["tyop"]
    assert flagged(english, "Mail joe.blogz@exmaple.com or www.exmaple.com/paeg") == []
    assert flagged(english, "INT. HOUSE - DAY #12A#") == []
    checker = Speller(["en"], skip_notes=False, skip_boneyard=False)
    assert flagged(checker, "Fine [[a notte]] /* boneyrd */") == ["notte", "boneyrd"]


def test_the_scripts_own_words_are_known(english: Speller) -> None:
    script = parse(
        "Title: The Zorblax Affair\nAuthor: Quentin Farquharson\n\n"
        "EXT. KESTRELWICK HARBOUR - NIGHT\n\nMAYBELLINE (V.O.)\nHello.\n\n"
        "SMASH CUT TO:\n\nINT. THE GRUMBLEDORE - CONTINUOUS\n\nMaybelline's boat.\n"
    )
    vocabulary = script_vocabulary(script)
    assert {"zorblax", "farquharson", "kestrelwick", "maybelline", "grumbledore"} <= vocabulary
    speller = Speller(["en"])
    speller.set_vocabulary(script=vocabulary)
    line = "Maybelline and MAYBELLINE sail from Kestrelwick to the Grumbledore; Maybelline's boat."
    assert flagged(speller, line) == []
    assert flagged(speller, "Zorblaxx waits.") == ["Zorblaxx"]
    # Screenwriting words, roman numerals, contractions and possessives.
    assert flagged(english, "POV: INTERCUT with SFX and V.O. -- CONT'D; okay, gonna go") == []
    assert flagged(english, "Henry VIII and Rocky II; the Smiths' dog; ’em") == []


def test_vocabulary_changes_report_what_to_recheck() -> None:
    speller = Speller(["en"])
    assert speller.set_vocabulary(script={"Alpha", "Beta"}) == {"alpha", "beta"}
    assert speller.set_vocabulary(script={"Alpha", "Gamma"}) == {"beta", "gamma"}
    assert speller.set_vocabulary(user_words=["Qux"]) == {"qux"}
    assert speller.set_vocabulary(script={"alpha", "gamma"}) == set()


def test_suggestions_keep_the_words_case(english: Speller) -> None:
    assert english.suggestions("Teh")[0] == "The"
    assert english.suggestions("RECIEVE")[0] == "RECEIVE"
    assert english.suggestions("acommodate")[0] == "accommodate"
    # The likely slip first: a dropped or doubled letter beats a commoner word.
    assert english.suggestions("leter")[0] == "letter"
    assert english.suggestions("signd")[0] == "signed"
    assert english.suggestions("watter")[0] == "water"
    assert english.suggestions("hte")[0] == "the"
    assert english.suggestions("xqzvvbnmwq") == []


def test_other_languages_are_installed_and_used() -> None:
    languages = available_languages()
    assert {"en", "es", "fr", "de", "it", "pt", "nl", "ru"} <= set(languages)
    spanish = Speller(["es"])
    assert flagged(spanish, "El corazón del niño") == []
    both = Speller(["en", "es"])
    assert flagged(both, "The corazón of the niño is grate") == []
    assert flagged(both, "The corazón of the niñoo") == ["niñoo"]
    assert Speller(["klingon"]).languages == ("en",)


# The script's dictionary ------------------------------------------------------------------


BLOCK_HEAD = "\n".join(data_block.HEADER)


def test_script_dictionary_lives_in_the_data_block_at_the_end() -> None:
    text = "INT. LAB - DAY\n\nZorblax hums.\n"
    added = with_script_words(text, ["Zorblax"])
    assert added == f"{text}\n{BLOCK_HEAD}\n[dictionary]\nZorblax\n*/\n"
    assert script_dictionary(added) == ["Zorblax"]
    # Never printed, never an element: the script reads as before.
    assert parse(added).elements == parse(text).elements
    more = with_script_words(added, ["kestrel", "ZORBLAX", "Ondine"])
    assert script_dictionary(more) == ["kestrel", "Ondine", "Zorblax"]
    assert more.count("/*") == 1
    fewer = with_script_words(more, removed=["ondine", "kestrel", "zorblax"])
    assert fewer == "INT. LAB - DAY\n\nZorblax hums.\n"
    assert with_script_words("", ["One"]) == f"{BLOCK_HEAD}\n[dictionary]\nOne\n*/\n"
    assert with_script_words(added, ["zorblax"]) is added  # nothing to change


def test_the_dictionary_of_earlier_versions_still_reads_and_moves_into_the_block() -> None:
    old = "INT. LAB - DAY\n\nZorblax hums.\n\n/* Reelwright dictionary: Zorblax Kestrel */\n"
    assert script_dictionary(old) == ["Zorblax", "Kestrel"]
    new = with_script_words(old, ["Ondine"])
    assert new == (
        "INT. LAB - DAY\n\nZorblax hums.\n\n"
        f"{BLOCK_HEAD}\n[dictionary]\nKestrel Ondine Zorblax\n*/\n"
    )
    # An earlier version's long block, then its production block: one block with both.
    long_old = (
        "Zorblax hums.\n\n/* Reelwright dictionary:\nZorblax\nKestrel\n*/\n\n"
        "/* Reelwright production data: revision marks, locked scene numbers and pages.\n"
        "Other Fountain programs skip this comment. Deleting it drops the marks and the locks.\n"
        'version 1\nround {"level": 1, "date": "2025-03-10"}\n*/\n'
    )
    assert script_dictionary(long_old) == ["Zorblax", "Kestrel"]
    merged = with_script_words(long_old, ["Ondine"])
    assert merged.count("/*") == 1 and merged.startswith("Zorblax hums.\n\n/* Reelwright data")
    assert script_dictionary(merged) == ["Kestrel", "Ondine", "Zorblax"]
    loaded = production_file.read(merged)
    assert loaded.body == "Zorblax hums.\n"
    assert [r.date for r in loaded.data.revisions.rounds] == ["2025-03-10"]


def test_production_keeps_the_dictionary_and_the_dictionary_keeps_production() -> None:
    text = "INT. LAB - DAY\n\nZorblax hums.\n"
    data = production_file.ProductionData()
    data.revisions.start_round(date="2025-03-10")
    saved = production_file.write(with_script_words(text, ["Zorblax"]), data)
    assert saved.count("/*") == 1 and saved.index("[dictionary]") < saved.index("[production]")
    loaded = production_file.read(saved)
    assert loaded.body == text and loaded.warnings == []
    # Production rewrites its section; the dictionary section comes back as it was.
    again = production_file.write(loaded.body, loaded.data)
    assert again == saved
    # The spell checker adds a word; the production section, checksum included, stays.
    more = with_script_words(again, ["Kestrel"])
    assert script_dictionary(more) == ["Kestrel", "Zorblax"]
    reread = production_file.read(more)
    assert reread.warnings == [] and reread.data.revisions.rounds == loaded.data.revisions.rounds
    # An empty dictionary leaves production alone.
    gone = with_script_words(more, removed=["kestrel", "zorblax"])
    assert "[dictionary]" not in gone and "[production]" in gone
    assert production_file.read(gone).warnings == []


def test_words_that_would_break_the_block_are_not_kept() -> None:
    text = with_script_words("Hi.\n", ["Zorb*/lax", "[production]", "Kestrel"])
    assert script_dictionary(text) == ["Kestrel"] and text.count("*/") == 1


def test_a_long_dictionary_wraps_and_is_never_checked() -> None:
    words_ = [f"Zorb{chr(97 + i)}{chr(97 + j)}" for i in range(6) for j in range(6)]
    text = with_script_words("INT. LAB - DAY\n\nZorbaa and Zorbqq.\n", words_)
    block = text[text.index("/*") :]
    assert block.count("\n") > 3 and max(len(line) for line in block.split("\n")) <= 80
    assert script_dictionary(text) == sorted(words_, key=str.casefold)
    speller = Speller(["en"], skip_boneyard=False)
    speller.set_vocabulary(script_words=script_dictionary(text))
    found = list(speller.check_text(text))
    assert [(line, item.word) for line, item in found] == [(2, "Zorbqq")]


def test_user_dictionary(tmp_path: Path) -> None:
    book = UserDictionary.in_folder(tmp_path / "data")
    assert book.words() == []
    book.add("Kestrel")
    book.add("kestrel")
    book.add("Ondine")
    assert book.words() == ["Kestrel", "Ondine"]
    assert (tmp_path / "data" / "dictionary.txt").read_text("utf-8") == "Kestrel\nOndine\n"
    book.remove("KESTREL")
    assert book.words() == ["Ondine"]
    assert not [p for p in (tmp_path / "data").iterdir() if p.name.startswith(".")]


def test_real_scripts_flag_few_words_and_no_names(corpus_dir: Path, english: Speller) -> None:
    text = (corpus_dir / "Brick-and-Steel.fountain").read_text("utf-8")
    script = parse(text)
    english.set_vocabulary(script=script_vocabulary(script))
    found = {item.word for _, item in english.check_text(text)}
    assert found <= {"Leupold"}  # a scope maker's name; character names are all known
    big_fish = (corpus_dir / "Big-Fish.fountain").read_text("utf-8")
    english.set_vocabulary(script=script_vocabulary(parse(big_fish)))
    flags = [item.word for _, item in english.check_text(big_fish)]
    assert "noteboook" in flags  # a real typo in the script
    assert len(flags) < 80  # of about 26,000 words
    english.set_vocabulary(script=())


# Command line -----------------------------------------------------------------------------


def test_cli_spell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "s.fountain"
    script.write_text("INT. LAB - DAY\n\nThe leter is teh key.\n\nZORBLAX\nHi.\n", "utf-8")
    assert main(["spell", str(script)]) == 1
    out = capsys.readouterr().out
    assert f"{script}:3:5: leter  (" in out and "letter" in out
    assert f"{script}:3:14: teh  (the" in out
    assert "ZORBLAX" not in out and "2 misspelt words (2 different)" in out
    assert main(["spell", str(script), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(d["line"], d["column"], d["word"]) for d in data] == [(3, 5, "leter"), (3, 14, "teh")]
    script.write_text(with_script_words("Fine words.\n", ["unused"]), "utf-8")
    assert main(["spell", str(script)]) == 0
    assert "no misspelt words" in capsys.readouterr().out
    assert main(["spell", "--list-languages", str(script)]) == 0
    assert "es  Spanish" in capsys.readouterr().out
    assert main(["spell", str(script), "--lang", "en,tlh"]) == 1
    assert "no dictionary for tlh" in capsys.readouterr().err


def test_cli_spell_reads_the_users_dictionary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    script = tmp_path / "s.fountain"
    script.write_text("Kestrelwick waits.\n", "utf-8")
    assert main(["spell", str(script)]) == 1
    capsys.readouterr()
    UserDictionary.in_folder(os.environ["REELWRIGHT_HOME"]).add("Kestrelwick")
    assert main(["spell", str(script)]) == 0
