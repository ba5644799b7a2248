"""The quality measures on hand-made texts: each catches what a writer would see, and
leaves good text alone."""

from __future__ import annotations

import pytest

from reelwright.models.quality import (
    Counts,
    Take,
    action_person,
    cites,
    copy_rate,
    detect_language,
    duplicates,
    invented_words,
    language_letters,
    leaked_phrases,
    measure_take,
    person_in_action,
    script_facts,
    speaker_pattern,
    words,
)
from reelwright.screenplay.parser import parse

SCRIPT = """Title: The Lighthouse Keeper

INT. LIGHTHOUSE - NIGHT

Rain batters the glass. NORA WILDE, 60, weathered and stubborn, trims the lamp wick.

NORA
Forty years I've kept this light burning.

The door bangs open. TOMAS, 30, her nephew, soaked through, shakes off his coat.

TOMAS
The council wants it automated by spring.

EXT. HARBOUR - DAY

Fishing boats rock at their moorings. Tomas walks the pier with MAYOR GRACE.

MAYOR GRACE
She'll listen to you, Tomas. She won't listen to me.
"""

RUSSIAN = """INT. ВАГОН ПОЕЗДА - НОЧЬ

Проводница идёт по коридору с подносом стаканов. За окнами темнота.

ВЕРА
Граждане, чей чемодан?

АРКАДИЙ
Не мой. Я с одной сумкой еду.
"""

CHINESE = """INT. 出租车 - 夜

大雨打在挡风玻璃上。司机李明把车停在医院门口。

@李明
您去哪儿？

@陈伯
往前开。
"""


@pytest.fixture(scope="module")
def facts():
    return script_facts(SCRIPT)


def test_words_keep_apostrophes_and_leave_out_cjk() -> None:
    assert words("She doesn't know. O'Neil's boat!") == [
        "she",
        "doesn't",
        "know",
        "o'neil's",
        "boat",
    ]
    assert words("Well-lit room, 42 doors") == ["well", "lit", "room", "doors"]
    assert words("他说 hello 你好") == ["hello"]


def test_languages_are_detected_from_the_text() -> None:
    assert detect_language(SCRIPT) == "en"
    assert detect_language(RUSSIAN) == "ru"
    assert detect_language(CHINESE) == "zh"
    assert detect_language("La puerta se abre. María entra con una carta en la mano.") == "es"
    assert detect_language("") == "en"


def test_invented_words_are_neither_real_nor_the_scripts(facts) -> None:
    good = "Nora climbs the stairs. Tomas follows her, soaked, into the lamp room."
    invented, counted = invented_words(good, facts)
    assert invented == [] and counted == 12
    bad = "Amy Billechl-Foxes.com. SUBCARE MARKET FAILS TO TRANSPLICE! MALE VISORY LAGRENARD"
    invented, _ = invented_words(bad, facts)
    assert set(invented) >= {"billechl", "subcare", "transplice", "visory", "lagrenard"}
    assert "market" not in invented and "amy" not in invented


def test_the_scripts_own_words_are_never_invented() -> None:
    facts = script_facts(SCRIPT + "\nNORA\nSkreel's gone again.\n")
    invented, _ = invented_words("Skreel's back at the lighthouse.", facts)
    assert invented == []


def test_invented_words_in_other_languages() -> None:
    russian = script_facts(RUSSIAN)
    invented, counted = invented_words("Вера открывает чемодан. Внутри письма.", russian)
    assert invented == [] and counted == 5
    invented, _ = invented_words("Вера открывает чемоданище бррзык.", russian)
    assert "бррзык" in invented
    chinese = script_facts(CHINESE)
    invented, counted = invented_words("李明打开车门。Taxi driver waits.", chinese)
    assert counted == 3 and invented == []  # CJK characters are not words to check


def test_copy_rate_counts_verbatim_8_grams(facts) -> None:
    copied = "Rain batters the glass. NORA WILDE, 60, weathered and stubborn, trims the lamp."
    hits, total = copy_rate(copied, facts)
    assert total > 0 and hits / total > 0.7
    fresh = "Nora hands Tomas the brass key and turns back to the sea without a word."
    assert copy_rate(fresh, facts)[0] == 0


def test_person_in_action_lines() -> None:
    assert person_in_action("You are on the bridge.")
    assert person_in_action("I look at her.")
    assert person_in_action("We hear the storm.")
    assert not person_in_action("Nora looks at him. He turns away.")
    assert not person_in_action('A sign reads "YOU ARE HERE".')
    assert person_in_action("Я смотрю на неё.", "ru")
    assert not person_in_action("Вера смотрит на него.", "ru")
    assert person_in_action("我看着她。", "zh")
    assert not person_in_action("李明看着她。", "zh")
    elements = parse("INT. ROOM - DAY\n\nYou walk in.\n\nNora sits.\n").elements
    person, total = action_person(elements)
    assert person == ["You walk in."] and total == 2


def test_speaker_pattern_catches_a_speaker_answering_themself() -> None:
    text = "NORA\nOne.\n\nNORA\nTwo.\n\nTOMAS\nThree.\n\nThe wind rises.\n\nTOMAS\nFour.\n"
    elements = parse(text).elements
    repeats, cues, known = speaker_pattern(elements, ["NORA", "TOMAS"])
    assert (repeats, cues, known) == (1, 4, 4)
    # Continuing a dialogue: the cue before the cursor counts.
    assert speaker_pattern(parse("NORA\nAgain.\n").elements, ["NORA"], "NORA")[0] == 1
    strangers = parse("MALE VISORY\nHello.\n\nNORA\nHi.\n").elements
    assert speaker_pattern(strangers, ["NORA"])[2] == 1


def test_duplicates_find_identical_and_near_identical_items() -> None:
    beats = [
        "BLACK / Amy Billechl-Foxes.com.",
        "BLACK / Amy Billechl-Foxes.com.",
        "BLACK / Amy Billechl-Foxes.com!",
        "Nora climbs the tower in the storm.",
    ]
    assert duplicates(beats) == (2, 4)
    assert duplicates(["Nora at the lamp.", "Tomas on the pier.", "The council letter."]) == (0, 3)


def test_grounding_needs_the_script(facts) -> None:
    assert cites("CLOSE ON NORA as the wick catches.", facts)
    assert cites("The HARBOUR at dawn, empty.", facts)
    assert cites("Fishing boats rock at their moorings in the grey light.", facts)
    assert not cites("WIDE SHOT - LOW ANGLE - PAN - MALE VISORY", facts)
    assert not cites("A city skyline at sunset.", facts)
    scene = "Rain batters the glass. She trims the lamp wick."
    assert cites("INSERT - the lamp wick, trimmed short", facts, source=scene)
    assert not cites("INSERT - a coffee cup", facts, source=scene)


def test_prompt_leakage(facts) -> None:
    instructions = "Write the next scene of the screenplay. Start with a scene heading."
    leaked = leaked_phrases("! STORY BIBLE and write the next scene of it", instructions, facts)
    assert "STORY BIBLE" in leaked and "write the next scene" in leaked
    assert leaked_phrases("Nora opens the door.", instructions, facts) == []


def test_language_letters() -> None:
    assert language_letters("李明打开车门。", "zh") == (6, 6)
    good, total = language_letters("Вера opens the door.", "ru")
    assert good == 4 and total == 16
    assert language_letters("Nora waits.", "en") == (9, 9)


def test_a_whole_take_is_measured(facts) -> None:
    scene = (
        "EXT. HARBOUR - NIGHT\n\nYou are on the bridge.\n\nNORA\nGo home.\n\nNORA\nNow.\n\n"
        "STORY BIBLE\n"
    )
    counts = measure_take(
        Take("next-scene", True, scene), facts, "Write the next scene. STORY BIBLE"
    )
    assert counts.person_lines == 1 and counts.repeated_speakers == 1
    assert counts.cues == 2 and counts.known_cues == 2 and counts.leaks == 1
    rates = counts.rates()
    assert rates["format"] == 1 and rates["person"] == 0.5
    beats = {
        "beats": [
            {"picture": "Nora at the lamp", "line": "", "on_screen_text": "", "shot": "WIDE"},
            {"picture": "Nora at the lamp", "line": "", "on_screen_text": "", "shot": "WIDE"},
            {"picture": "A city skyline", "line": "", "on_screen_text": "", "shot": "WIDE"},
        ]
    }
    trailer = measure_take(Take("trailer", True, "table", beats), facts)
    assert trailer.duplicates == 1 and trailer.items == 3
    assert trailer.grounded_items == 2 and trailer.grounding_items == 3
    summed = counts + trailer
    assert isinstance(summed, Counts) and summed.takes == 2 and summed.items == 3


def test_a_quote_of_four_words_cites_the_script() -> None:
    """Four words in a row from the script count, even words no list calls content."""
    from reelwright.models.quality import script_facts

    facts = script_facts("INT. ROOM - DAY\n\nShe knew it was never going to be enough.\n")
    assert cites("it was never going", facts)
    assert not cites("it was not going", facts)
