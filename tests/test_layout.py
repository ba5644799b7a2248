"""Layout profiles hold FORMAT.md's numbers; the paper follows the locale."""

from __future__ import annotations

import pytest

from reelwright.screenplay.elements import ElementType as T
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.layout import A4, LETTER, layout_for, paper_for_locale


def test_letter_profile_matches_format_md() -> None:
    assert (LETTER.page_width, LETTER.page_height) == (8.5, 11.0)
    assert LETTER.lines_per_page == 55
    assert LETTER.left_margin == 1.5 and LETTER.top_margin == 1.0
    # The last of 55 lines sits at 10.0 in.
    assert LETTER.line_top(54) == pytest.approx(10.0)
    assert LETTER.width_chars(T.ACTION) == 60
    assert LETTER.width_chars(T.SCENE_HEADING) == 60
    assert LETTER.width_chars(T.DIALOGUE) == 35
    assert LETTER.style(T.CHARACTER).left == 3.5
    assert LETTER.style(T.PARENTHETICAL).left == 3.0
    assert LETTER.style(T.PARENTHETICAL).right == 5.5
    assert LETTER.style(T.DIALOGUE).left == 2.5
    assert LETTER.style(T.TRANSITION).align == "right"
    assert LETTER.style(T.TRANSITION).right == 7.1
    assert LETTER.style(T.LYRICS).left == 2.5
    assert LETTER.heading_blanks == 2
    assert LETTER.page_number_top == 0.5 and LETTER.page_number_right == 7.5


def test_a4_keeps_margins_and_has_57_lines() -> None:
    assert A4.lines_per_page == 57
    assert A4.page_width == pytest.approx(8.27, abs=0.01)
    assert A4.page_height == pytest.approx(11.69, abs=0.01)
    assert A4.left_margin == LETTER.left_margin
    assert A4.width_chars(T.ACTION) == LETTER.width_chars(T.ACTION)


def test_heading_blanks_setting() -> None:
    one = LETTER.with_heading_blanks(1)
    assert one.heading_blanks == 1
    assert LETTER.heading_blanks == 2  # the original profile is untouched
    with pytest.raises(ReelwrightError):
        LETTER.with_heading_blanks(3)


def test_dual_columns_fit_side_by_side() -> None:
    left_x, left_w = LETTER.dual_column("left", T.DIALOGUE)
    right_x, right_w = LETTER.dual_column("right", T.DIALOGUE)
    assert left_x == 1.5
    assert left_x + left_w / 10 <= right_x
    assert right_x + right_w / 10 <= 7.5 + 1e-9
    cue_x, _ = LETTER.dual_column("right", T.CHARACTER)
    paren_x, _ = LETTER.dual_column("right", T.PARENTHETICAL)
    assert right_x < paren_x < cue_x


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
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_PAPER", "de_DE.UTF-8")
    assert layout_for(None) is A4
    assert layout_for("letter", heading_blanks=1).heading_blanks == 1
    with pytest.raises(ReelwrightError, match="letter or a4"):
        layout_for("legal")
