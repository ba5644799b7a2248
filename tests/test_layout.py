"""Layout profiles hold Final Draft's numbers (../shared/final-draft/SOURCES.md); the paper
follows the locale; the print setup is the one place that builds a layout."""

from __future__ import annotations

import pytest

from reelwright.screenplay.elements import ElementType as T
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.layout import (
    A4,
    CELL,
    LETTER,
    MULTICAM_LETTER,
    columns_between,
    layout_for,
    paper_for_locale,
)
from reelwright.screenplay.parser import parse
from reelwright.screenplay.print_setup import PrintSetup


def test_letter_profile_is_final_drafts() -> None:
    assert (LETTER.page_width, LETTER.page_height) == (8.5, 11.0)
    # 54 lines on a 12 pt grid from 1.0 in: the last one sits at 9.83 in.
    assert LETTER.lines_per_page == 54
    assert LETTER.left_margin == 1.5 and LETTER.top_margin == 1.0
    assert LETTER.line_top(53) == pytest.approx(1.0 + 53 / 6)
    # A 7.0 pt pitch: 61 characters of action, 35 of dialogue (the last glyph is 7.2 pt).
    assert LETTER.char_width == pytest.approx(7 / 72)
    assert LETTER.width_chars(T.ACTION) == 61
    assert LETTER.width_chars(T.SCENE_HEADING) == 61
    assert LETTER.width_chars(T.DIALOGUE) == 35
    assert LETTER.width_chars(T.CHARACTER) == 38
    assert LETTER.width_chars(T.TRANSITION) == 16
    # The parenthetical's "(" hangs one character left of 3.0 in: 26 on its first line.
    paren = LETTER.style(T.PARENTHETICAL)
    assert paren.left == pytest.approx(3.0 - CELL) and paren.hanging == 1
    assert paren.right == 5.5 and LETTER.width_chars(T.PARENTHETICAL) == 26
    assert LETTER.style(T.CHARACTER).left == 3.5
    assert LETTER.style(T.DIALOGUE).left == 2.5
    assert LETTER.style(T.TRANSITION).align == "right"
    assert LETTER.style(T.TRANSITION).right == 7.1
    assert LETTER.style(T.LYRICS).left == 2.5
    assert LETTER.heading_blanks == 2
    assert LETTER.page_number_top == 0.5 and LETTER.page_number_right == 7.25
    assert LETTER.scene_number_left == 0.75 and LETTER.scene_number_right == 7.375


def test_columns_are_counted_as_final_draft_counts_them() -> None:
    # Six inches: 61 characters at 7.0 pt, the last glyph 7.2 pt wide.
    assert columns_between(1.5, 7.5) == 61
    # 3.5 inches is exactly 36 x 7.0 pt, but the 36th glyph would end 0.2 pt outside.
    assert columns_between(2.5, 6.0) == 35
    assert columns_between(1.0, 1.0) == 1  # never less than one


def test_a4_keeps_margins_and_has_58_lines() -> None:
    assert A4.lines_per_page == 58
    assert A4.page_width == pytest.approx(8.27, abs=0.01)
    assert A4.page_height == pytest.approx(11.69, abs=0.01)
    assert A4.left_margin == LETTER.left_margin
    assert A4.width_chars(T.ACTION) == LETTER.width_chars(T.ACTION)
    # The page's lines end above a one-inch bottom margin, as on Letter.
    assert A4.line_top(A4.lines_per_page) <= A4.page_height - 1.0 + 1e-9


def test_heading_blanks_setting() -> None:
    one = LETTER.with_heading_blanks(1)
    assert one.heading_blanks == 1
    assert LETTER.heading_blanks == 2  # the original profile is untouched
    with pytest.raises(ReelwrightError):
        LETTER.with_heading_blanks(3)


def test_dual_columns_fit_side_by_side() -> None:
    left_x, left_w = LETTER.dual_column("left", T.DIALOGUE)
    right_x, right_w = LETTER.dual_column("right", T.DIALOGUE)
    assert (left_x, right_x) == (1.5, 4.625)
    assert left_w == right_w == 29
    assert left_x + left_w * CELL <= right_x
    assert right_x + right_w * CELL <= 7.5 + 1e-9
    paren_x, _ = LETTER.dual_column("right", T.PARENTHETICAL)
    assert right_x < paren_x
    # Cues are centred on 2.93 in and 6.06 in, on whole points (Little Women's pages).
    assert LETTER.dual_cue_left("left", 6) * 72 == 190  # LAURIE
    assert LETTER.dual_cue_left("left", 3) * 72 == 201  # AMY
    assert LETTER.dual_cue_left("right", 10) * 72 == 401  # AUNT MARCH
    assert LETTER.dual_cue_left("right", 2) * 72 == 429  # JO


def test_multicam_profile() -> None:
    assert layout_for("letter", profile="multicam") is MULTICAM_LETTER
    assert MULTICAM_LETTER.lines_per_page == LETTER.lines_per_page
    dialogue = MULTICAM_LETTER.style(T.DIALOGUE)
    assert (dialogue.left, dialogue.right, dialogue.line_spacing) == (2.25, 6.0, 2)
    assert MULTICAM_LETTER.style(T.CHARACTER).right == 6.25
    assert MULTICAM_LETTER.style(T.ACTION).uppercase
    heading = MULTICAM_LETTER.style(T.SCENE_HEADING)
    assert heading.uppercase and heading.underline and heading.new_page
    with pytest.raises(ReelwrightError, match="screenplay or multicam"):
        layout_for("letter", profile="sitcom")


@pytest.mark.parametrize(
    ("env", "paper"),
    [
        ({"LANG": "en_US.UTF-8"}, "letter"),
        ({"LANG": "en_CA.UTF-8"}, "letter"),
        ({"LANG": "es_MX.UTF-8"}, "letter"),
        ({"LANG": "fil_PH.UTF-8"}, "letter"),
        ({"LANG": "de_DE.UTF-8"}, "a4"),
        ({"LANG": "en_GB.UTF-8"}, "a4"),
        ({"LANG": "zh_CN.UTF-8"}, "a4"),
        ({"LANG": "en_US.UTF-8", "LC_PAPER": "fr_FR.UTF-8"}, "a4"),
        ({"LC_ALL": "en_US.UTF-8", "LC_PAPER": "fr_FR.UTF-8"}, "letter"),
        ({"LANG": "C.UTF-8"}, "letter"),
        ({}, "letter"),
    ],
)
def test_paper_follows_locale(env: dict[str, str], paper: str) -> None:
    assert paper_for_locale(env) == paper


def test_layout_for(monkeypatch: pytest.MonkeyPatch) -> None:
    assert layout_for("A4") is A4
    assert layout_for("letter") is LETTER
    assert layout_for("US-Letter") is LETTER
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_PAPER", "de_DE.UTF-8")
    assert layout_for(None) is A4
    assert layout_for("letter", heading_blanks=1).heading_blanks == 1
    with pytest.raises(ReelwrightError, match="letter or a4"):
        layout_for("legal")


def test_print_setup_builds_the_layout_and_options() -> None:
    setup = PrintSetup(paper="letter", heading_blanks=1, scene_numbers="both", print_notes=True)
    assert setup.layout.name == "letter" and setup.layout.heading_blanks == 1
    options = setup.options
    assert (options.scene_numbers, options.print_notes) == ("both", True)
    # One layout object per setup: the editor, the analysis and the PDF share it.
    assert PrintSetup(paper="letter", heading_blanks=1).layout is setup.layout
    for bad in (
        {"profile": "sitcom"},
        {"scene_numbers": "middle"},
        {"heading_blanks": 3},
        {"first_page_number": -1},
    ):
        with pytest.raises(ReelwrightError):
            PrintSetup(**bad)  # type: ignore[arg-type]


def test_print_setup_reads_the_settings() -> None:
    stored = {
        "editor/paper": "a4",
        "editor/heading_blanks": 1,
        "export/scene_numbers": "left",
        "print/profile": "multicam",
        "print/notes": False,
        "print/sections": True,
        "print/contd_after_action": False,
    }
    setup = PrintSetup.from_settings(stored.__getitem__)
    assert setup.paper_name == "a4" and setup.profile == "multicam"
    assert setup.layout.heading_blanks == 1 and setup.layout.profile == "multicam"
    assert setup.options.print_sections and not setup.options.contd_after_action
    assert PrintSetup.from_settings({**stored, "editor/paper": ""}.__getitem__).paper is None


def test_jumpcut_fmt_key_on_the_title_page() -> None:
    script = parse(
        "Title: Pilot\nfmt: multicam acat bsh ssbsh dsd dl-2.25 dr-6.00\n\nINT. ROOM - DAY\n\nHi.\n"
    )
    setup = PrintSetup(paper="letter").for_script(script)
    layout = setup.layout
    assert layout.heading_blanks == 1  # ssbsh
    assert layout.style(T.SCENE_HEADING).bold  # bsh
    assert layout.style(T.ACTION).uppercase  # acat
    dialogue = layout.style(T.DIALOGUE)
    assert (dialogue.left, dialogue.right, dialogue.line_spacing) == (2.25, 6.0, 2)
    assert layout.style(T.CHARACTER).right == 6.25  # the multicam columns
    # JumpCut's template does not start each scene on a new page or underline headings.
    assert not layout.style(T.SCENE_HEADING).new_page
    assert not layout.style(T.SCENE_HEADING).underline
    # A setup without the key is unchanged; the key never lowers the writer's settings.
    assert PrintSetup(paper="letter").for_script(parse("INT. A - DAY\n")).layout is LETTER
    a4 = PrintSetup(paper="letter").for_script(parse("Title: X\nFmt: A4 clean-dashes\n\nHi.\n"))
    assert a4.layout.name == "a4" and a4.layout.lines_per_page == 58
    assert not a4.layout.dash_breaks
    lines = PrintSetup(paper="letter").for_script(parse("Title: X\nfmt: lpp-50 ush\n\nHi.\n"))
    assert lines.layout.lines_per_page == 50
    assert lines.layout.style(T.SCENE_HEADING).underline
    margins = PrintSetup(paper="letter").for_script(parse("Title: X\nfmt: tm-1.5 bm-1.5\n\nHi.\n"))
    assert margins.layout.top_margin == 1.5 and margins.layout.lines_per_page == 48
    # Nonsense is ignored, not fatal: a writer's typo must not stop a print.
    odd = PrintSetup(paper="letter").for_script(parse("Title: X\nfmt: dl-9 lpp-3 zzz\n\nHi.\n"))
    assert odd.layout.style(T.DIALOGUE).left == 2.5 and odd.layout.lines_per_page == 54
