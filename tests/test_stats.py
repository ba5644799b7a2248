"""Script facts: scenes, characters, locations, words and running time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reelwright.screenplay.pagination import paginate
from reelwright.screenplay.parser import parse, parse_file
from reelwright.screenplay.stats import count_words, cue_name, script_facts, split_heading

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample.fountain"


@pytest.mark.parametrize(
    ("heading", "parts"),
    [
        ("INT. HOUSE - KITCHEN - DAY", ("INT", "HOUSE - KITCHEN", "DAY")),
        ("EXT. ROAD -- NIGHT", ("EXT", "ROAD", "NIGHT")),
        ("int./ext. car - moving", ("INT/EXT", "CAR", "MOVING")),
        ("I/E TRAIN", ("INT/EXT", "TRAIN", "")),
        ("EST. SKYLINE", ("EST", "SKYLINE", "")),
        ("INT. SAN FRANCISCO APARTMENT, DAY", ("INT", "SAN FRANCISCO APARTMENT", "DAY")),
        ("INSERT - THE LOGBOOK", ("", "INSERT - THE LOGBOOK", "")),
        ("FLASHBACK - NIGHT", ("", "FLASHBACK", "NIGHT")),
        ("INT. *DARK* ROOM - DAY", ("INT", "DARK ROOM", "DAY")),
    ],
)
def test_split_heading(heading: str, parts: tuple[str, str, str]) -> None:
    assert split_heading(heading) == parts


def test_cue_name_drops_extensions_and_markup() -> None:
    assert cue_name("EDWARD (V.O.)(CONT'D)") == "EDWARD"
    assert cue_name("MAYA (cont'd) [[loud]]") == "MAYA"
    assert cue_name("McCLANE") == "MCCLANE"
    assert cue_name("张伟（画外音）") == "张伟"


def test_count_words() -> None:
    assert count_words("Two words -- and three.") == 4
    assert count_words("你来晚了。") == 4
    assert count_words("") == 0
    # Each Chinese or Japanese character (kana, half-width kana too) is a word; Latin words
    # and numbers run into it are words of their own; punctuation is none.
    assert count_words("Tom来了，带着3个苹果。") == 9
    assert count_words("ｶﾀｶﾅ です！") == 6
    assert count_words("민수가 왔다.") == 2


def test_sample_facts() -> None:
    script = parse_file(SAMPLE)
    facts = script_facts(script)
    assert facts.title == "THE LAST CROSSING"
    assert [c.name for c in facts.characters[:4]] == ["MARGIT", "ELENA", "DEV", "TOMASZ"]
    speeches = sum(1 for e in script.elements if e.type == "character")
    assert sum(c.speeches for c in facts.characters) == speeches
    first = facts.scenes[0]
    assert (first.number, first.int_ext, first.location, first.time_of_day) == (
        1,
        "EXT",
        "HALVARD ISLAND FERRY SLIP",
        "DUSK",
    )
    assert script.elements[first.element_index].start_line == first.line
    wheelhouse = next(x for x in facts.locations if x.name == "PERSISTENCE - WHEELHOUSE")
    assert wheelhouse.scenes == 4
    assert facts.pages == paginate(script).page_count
    assert 8 <= facts.pages <= 12
    assert facts.runtime_minutes == facts.pages


def test_words_of_a_speech_are_counted_for_its_speaker() -> None:
    facts = script_facts(parse("BOB (V.O.)\nOne two three.\n(beat)\nFour.\n\nBOB\nFive."))
    assert [(c.name, c.speeches, c.words) for c in facts.characters] == [("BOB", 2, 5)]
    assert facts.words == 9  # cues and the parenthetical are printed words too


def test_notes_sections_and_title_are_not_counted() -> None:
    facts = script_facts(
        parse("Title: Big Words Here\n\n# Act\n\n= Gist of it.\n\n[[note]]\n\nGo.")
    )
    assert facts.words == 1


def test_written_scene_numbers(corpus_dir: Path) -> None:
    facts = script_facts(parse_file(corpus_dir / "scene-numbers.fountain"))
    assert [s.scene_number for s in facts.scenes] == ["1", "2", None, None, "2-B"]
    assert [s.number for s in facts.scenes] == [1, 2, 3, 4, 5]


def test_empty_script_and_json() -> None:
    facts = script_facts(parse(""))
    assert (facts.pages, facts.runtime_minutes, facts.scenes) == (0, 0, [])
    sample = parse_file(SAMPLE)
    data = json.loads(json.dumps(script_facts(sample).to_json()))
    assert set(data) == {
        "title",
        "scenes",
        "characters",
        "locations",
        "words",
        "pages",
        "runtime_minutes",
    }
    heading = next(e for e in sample.elements if e.type == "scene_heading")
    assert data["scenes"][0]["line"] == heading.start_line
    margit = [e for e in sample.elements if e.type == "character" and e.text.startswith("MARGIT")]
    assert data["characters"][0]["name"] == "MARGIT"
    assert data["characters"][0]["speeches"] == len(margit)


def test_big_fish_runtime(corpus_dir: Path) -> None:
    facts = script_facts(parse_file(corpus_dir / "Big-Fish.fountain"))
    assert len(facts.scenes) == 192
    assert facts.characters[0].name == "EDWARD"
    assert 110 <= facts.runtime_minutes <= 135  # a 120-page feature


def test_pages_are_counted_with_the_print_setup() -> None:
    """``stats`` counts the pages the editor and the PDF count: the one print setup, with
    the script's own fmt: options on top."""
    from reelwright.screenplay.print_setup import PrintSetup
    from reelwright.screenplay.textio import read_script_text

    def pages(script, setup):  # what the editor's analysis and the PDF count
        setup = setup.for_script(script)
        return paginate(script, setup.layout, setup.options).page_count

    corpus = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    text = read_script_text(corpus / "Big-Fish.fountain")
    script = parse(text)
    setups = (
        PrintSetup(paper="letter"),
        PrintSetup(paper="a4", heading_blanks=1),
        PrintSetup(paper="letter", profile="multicam"),
    )
    for setup in setups:
        assert script_facts(script, setup).pages == pages(script, setup), setup
    assert script_facts(script, setups[2]).pages > script_facts(script, setups[0]).pages
    own = parse("Title: X\nfmt: multicam\n\n" + text.split("\n\n", 1)[1])
    assert script_facts(own, setups[0]).pages == pages(own, setups[0])
    assert script_facts(own, setups[0]).pages > script_facts(script, setups[0]).pages
