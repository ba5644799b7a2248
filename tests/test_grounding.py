"""Script material for the trailer and the shot list, picked without a model, and the
checks that keep a take in the script's voice."""

from __future__ import annotations

from pathlib import Path

from reelwright.models import grounding
from reelwright.models.prompting import read_story
from reelwright.models.quality import script_facts
from reelwright.models.suggestions import check_output
from reelwright.screenplay.parser import parse

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """Title: The Lighthouse Keeper

INT. LIGHTHOUSE - NIGHT

= Nora refuses to leave the light.

Rain batters the glass. NORA WILDE, 60, weathered and stubborn, trims the lamp wick.

NORA
Forty years I've kept this light burning.

The door bangs open. TOMAS, 30, her nephew, soaked through, shakes off his coat.

TOMAS
The council wants it automated by spring.

NORA
Over my dead body!

EXT. HARBOUR - DAY

Fishing boats rock at their moorings. Tomas walks the pier with MAYOR GRACE, 50.

MAYOR GRACE
She'll listen to you, Tomas. She won't listen to me.

TOMAS
She doesn't listen to anyone.

INT. LIGHTHOUSE - LATER

Nora sits by the lamp. She looks at the LETTER from the council, unopened on her lap.

NORA
Your mother would have torn this up.

TOMAS
My mother left the island.

EXT. CLIFF - DAWN

The lamp goes dark for the first time in forty years.
"""


def story():
    return read_story(parse(SCRIPT))


def test_trailer_moments_come_from_the_script_in_its_order() -> None:
    moments = grounding.trailer_moments(story())
    assert moments
    assert [m.id for m in moments] == [f"M{i}" for i in range(1, len(moments) + 1)]
    assert [m.scene for m in moments] == sorted(m.scene for m in moments)
    kinds = {m.kind for m in moments}
    assert {"synopsis", "line", "introduction"} <= kinds
    for moment in moments:
        if moment.speaker:
            assert moment.text in SCRIPT and moment.speaker in ("NORA", "TOMAS", "MAYOR GRACE")
        assert moment.phase in grounding.PHASES
    lines = [m.text for m in moments if m.kind == "line"]
    assert "Over my dead body!" in lines  # short, charged, by the lead
    introductions = [m.text for m in moments if m.kind == "introduction"]
    assert any(t.startswith("NORA WILDE, 60") for t in introductions)
    # The last scene is the climax; the first the world.
    assert moments[0].phase == "world" and moments[-1].phase == "climax"


def test_every_phase_has_moments_even_in_a_short_script() -> None:
    short = read_story(parse("INT. ROOM - DAY\n\nA door opens.\n\nANA\nWho's there?\n"))
    phases = grounding.moments_by_phase(grounding.trailer_moments(short))
    assert all(phases[p] for p in grounding.PHASES)


def test_coverage_plan_follows_the_scene() -> None:
    plan = grounding.coverage_plan(story(), 2)  # INT. LIGHTHOUSE - LATER
    kinds = [shot.kind for shot in plan]
    assert kinds[0] == "establishing"  # a new location after the harbour
    assert ("insert", "LETTER") in [(s.kind, s.subject) for s in plan]
    assert ("pov", "NORA") in [(s.kind, s.subject) for s in plan]  # "She looks at"
    said = [s for s in plan if s.kind in ("single", "close-up", "over-the-shoulder")]
    assert [s.subject.split(" over ")[0] for s in said] == ["NORA", "TOMAS"]
    assert said[0].action == 'Nora: "Your mother would have torn this..."'
    assert [s.order for s in plan] == sorted(s.order for s in plan)
    assert len({(s.kind, s.subject, s.action) for s in plan}) == len(plan)


def test_charged_lines_get_a_close_up_and_a_reaction() -> None:
    plan = grounding.coverage_plan(story(), 0)
    pairs = [(s.kind, s.subject) for s in plan]
    assert ("close-up", "NORA") in pairs and ("reaction", "TOMAS") in pairs
    assert not any(s.kind == "insert" and s.subject in ("NORA", "WILDE") for s in plan)


def test_the_same_location_gets_no_second_establishing_shot() -> None:
    text = "INT. ROOM - DAY\n\nAna sits.\n\nINT. ROOM - LATER\n\nAna stands.\n"
    plan = grounding.coverage_plan(read_story(parse(text)), 1)
    assert plan[0].kind == "wide"


def test_other_languages_get_their_own_words_in_the_plan() -> None:
    text = (ROOT / "benchmarks/quality-scripts/zh-ye-yu.fountain").read_text("utf-8")
    plan = grounding.coverage_plan(read_story(parse(text)), 4, "zh")
    assert plan[0].action == "旧码头"
    assert all("takes it in" not in s.action for s in plan)


def checked(raw: str, **context: object):
    facts = script_facts(SCRIPT)
    return check_output(
        "scene",
        raw,
        truncated=False,
        known=("NORA", "TOMAS", "MAYOR GRACE"),
        new_character=None,
        context={"facts": facts, "instructions": "Write the next scene of the screenplay."}
        | context,
    )


def test_first_person_and_copied_paragraphs_are_left_out() -> None:
    raw = (
        "EXT. HARBOUR - NIGHT\n\nI look at her across the water.\n\n"
        "Fishing boats rock at their moorings. Tomas walks the pier with MAYOR GRACE, 50.\n\n"
        "Tomas ties off the last rope and watches the dark tower.\n\nTOMAS\nShe'll be fine.\n"
    )
    text, _, check = checked(raw)
    assert check.ok, check.problems
    assert "I look at her" not in text and "moorings" not in text
    assert "ties off the last rope" in text
    assert any("first or second person" in n for n in check.notes)
    assert any("copied from the script" in n for n in check.notes)


def test_a_take_that_copies_the_script_is_rejected() -> None:
    copied = "\n\n".join(SCRIPT.split("\n\n")[2:8])
    _, _, check = checked("INT. LIGHTHOUSE - NIGHT\n\n" + copied + "\n")
    assert not check.ok and any("copies the script" in p for p in check.problems)


def test_a_take_that_repeats_the_instructions_is_rejected() -> None:
    raw = "EXT. CLIFF - DAY\n\nWrite the next scene of the screenplay now.\n\nNora waits.\n"
    _, _, check = checked(raw)
    assert not check.ok and any("instructions" in p for p in check.problems)


def test_a_speaker_answering_themself_is_rejected() -> None:
    facts = script_facts(SCRIPT)
    _, _, check = check_output(
        "dialogue",
        "TOMAS\nGo.\n\nNORA\nNo.\n",
        truncated=False,
        known=("NORA", "TOMAS"),
        new_character=None,
        context={"facts": facts, "previous_speaker": "TOMAS"},
    )
    assert not check.ok and any("answers themself" in p for p in check.problems)


def test_copy_sentences_in_no_dictionary_are_left_out() -> None:
    import json

    facts = script_facts(SCRIPT)
    take = {
        "tagline": "Some lights should never go out",
        "blurb": [
            "Nora has kept the lighthouse burning for forty years.",
            "Mwe bffd donesky the lastcrossing boxoflove on towm.",
            "Now the council wants it dark.",
        ],
        "posts": ["Jimmy donesky mwe bffd audiobelijenko", "Who keeps the light?"],
    }
    _, data, check = check_output(
        "marketing",
        json.dumps(take),
        truncated=False,
        known=(),
        new_character=None,
        context={"facts": facts},
    )
    assert check.ok and data is not None
    assert "donesky" not in data["blurb"] and "forty years" in data["blurb"]
    assert data["posts"] == ["Who keeps the light?"]
    assert any("no dictionary" in n for n in check.notes)
    # All garbage: the least bad part stays, so the take keeps its shape.
    garbage = {**take, "posts": ["Mwe bffd donesky", "Zqw qeq zz"]}
    _, data, check = check_output(
        "marketing",
        json.dumps(garbage),
        truncated=False,
        known=(),
        new_character=None,
        context={"facts": facts},
    )
    assert check.ok and data is not None and len(data["posts"]) == 1


def test_chat_transcript_labels_come_off_dialogue_lines() -> None:
    raw = (
        "EXT. HARBOUR - NIGHT\n\nTomas ties off the rope.\n\nNORA\nAunt Nora: Leave it.\n\n"
        "TOMAS\nTOMAS: I can't.\n\nNORA\n(quietly)\nNo: you won't.\n"
    )
    text, _, check = checked(raw)
    assert check.ok, check.problems
    assert "NORA\nLeave it." in text and "TOMAS\nI can't." in text
    assert "No: you won't." in text  # a word, not a speaker's label


def test_grammars_leave_contd_to_the_pages() -> None:
    from reelwright.models import grammars

    for grammar in (grammars.dialogue_grammar(["NORA"]), grammars.scene_grammar(["NORA"])):
        rules = [line for line in grammar.splitlines() if not line.startswith("#")]
        assert not any("CONT'D" in line for line in rules)


def test_a_logline_is_told_through_the_characters_and_never_repeats_its_instructions() -> None:
    import json

    facts = script_facts(SCRIPT)
    instructions = "Logline: hero, goal, obstacle. Synopsis: beginning, middle, end, per character."
    take = {
        "hero": "NORA",
        "logline": ", a keeper, must keep the light burning when the council wants it dark.",
        "synopsis": [
            {"who": "TOMAS", "text": "comes home to talk his aunt into leaving the island."},
            {
                "who": "NORA",
                "text": "writes beginning, middle, end, per character now.",
            },
        ],
    }
    context = {"facts": facts, "instructions": instructions}
    _, data, check = check_output(
        "logline", json.dumps(take), truncated=False, known=(), new_character=None, context=context
    )
    assert check.ok, check.problems
    assert data is not None and data["logline"].startswith("Nora, a keeper, must")
    assert data["synopsis"] == ["Tomas comes home to talk his aunt into leaving the island."]
    assert any("repeating the instructions" in n for n in check.notes)
    echo = {**take, "logline": "hero, goal, obstacle. Synopsis: beginning, middle and end."}
    _, _, check = check_output(
        "logline", json.dumps(echo), truncated=False, known=(), new_character=None, context=context
    )
    assert not check.ok and any("instructions" in p for p in check.problems)


def test_room_for_a_scene_in_another_language_is_counted_in_its_letters() -> None:
    from reelwright.models.actions import minimum_max_tokens

    russian = (ROOT / "benchmarks/quality-scripts/ru-nochnoy-poezd.fountain").read_text("utf-8")
    english = minimum_max_tokens("next-scene", SCRIPT)
    assert minimum_max_tokens("next-scene", russian) > english
    assert minimum_max_tokens("next-scene", russian, options={"language": "en"}) == english
