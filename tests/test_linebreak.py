"""Where printed lines end: Final Draft's rules for Latin text, CJK rules for Chinese and
Japanese (issue 21), and the PDF read back for the first and last character of each line."""

from __future__ import annotations

import itertools
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reelwright.exporters.pdf import write_pdf
from reelwright.screenplay.layout import LETTER
from reelwright.screenplay.linebreak import (
    NO_LINE_END,
    NO_LINE_START,
    Breaker,
    char_columns,
    text_columns,
    wrap_ranges,
)
from reelwright.screenplay.pagination import paginate
from reelwright.screenplay.parser import parse


def lines(text: str, width: int, next_width: int | None = None) -> list[str]:
    return [text[a:b] for a, b, _ in wrap_ranges(text, width, next_width)]


def test_spaces_count_and_hang() -> None:
    # Two spaces after a full stop are printed and counted...
    assert lines("It is.  It was.  It will be.", 16) == ["It is.  It was.", "It will be."]
    # ...but spaces at the end of a line hang in the margin: the word still fits.
    assert lines("abcd efgh   ijkl", 9) == ["abcd efgh", "ijkl"]
    # Leading spaces of indented action are kept.
    assert wrap_ranges("    indented", 61) == [(0, 12, 12)]
    assert wrap_ranges("", 61) == [(0, 0, 0)]


def test_hyphens_and_dashes_where_final_draft_breaks_them() -> None:
    # After the hyphen of a hyphenated word; the hyphen hangs (Big Fish's pages).
    text = "Did I want to deprive my soon-to-be-born son the chance to catch"
    assert lines(text, 35) == [
        "Did I want to deprive my soon-to-be-",
        "born son the chance to catch",
    ]
    # An interruption dash that does not fit is cut "-" / "-" when the next line gains.
    text = "everything you said was impossible -- everything! -- I felt like such a fool"
    assert lines(text, 35) == [
        "everything you said was impossible -",
        "- everything! -- I felt like such a",
        "fool",
    ]
    # A word ending in "--" is cut the same way.
    assert lines("Qaxu, uda owy’ox eqyxu. Y ugyvoju’e ga--", 38) == [
        "Qaxu, uda owy’ox eqyxu. Y ugyvoju’e ga-",
        "-",
    ]
    # ...unless dashes are kept whole (JumpCut's clean-dashes).
    kept = [text[a:b] for a, b, _ in wrap_ranges(text, 35, dashes=False)]
    assert kept[0] == "everything you said was impossible"
    # A word longer than the line is cut at the line's end.
    assert [c for _, _, c in wrap_ranges("x" * 80, 60)] == [60, 20]


def test_a_hanging_indent() -> None:
    paren = "(whispering to nobody in particular, at some length)"
    got = lines(paren, 26, 25)
    assert got[0] == "(whispering to nobody in"
    assert all(len(line) <= 25 for line in got[1:])
    assert " ".join(got) == paren


def test_chinese_breaks_between_characters_but_not_before_closing_punctuation() -> None:
    text = "他说：“我们明天去北京吧。”她回答：“好的，Python3很好用！”然后他们一起走了。"
    got = lines(text, 20)
    assert "".join(got) == text
    for line in got:
        assert text_columns(line) <= 20
        assert line[0] not in NO_LINE_START, line
        assert line[-1] not in NO_LINE_END, line
    assert any("Python3" in line for line in got)  # a Latin word stays whole
    # Closing punctuation that would start a line pulls the character before it along.
    assert lines("一二三四五六七八九，十", 18) == ["一二三四五六七八", "九，十"]
    # Opening punctuation never ends a line: it goes with what follows.
    assert lines("一二三四五六七「八九」", 16) == ["一二三四五六七", "「八九」"]
    # Japanese: small kana and the prolonged sound mark do not start a line either.
    assert lines("あいうえおかきくけっこ", 18) == ["あいうえおかきく", "けっこ"]
    assert lines("データベースサーバー", 14) == ["データベース", "サーバー"]


def test_numbers_and_latin_words_inside_cjk_stay_whole() -> None:
    text = "会议在2024年12月31日下午3点开始，地点是Conference Room B。"
    words = [(text.index(word), text.index(word) + len(word)) for word in ("2024", "Conference")]
    for width in range(10, 40):
        got = wrap_ranges(text, width)
        assert "".join(text[a:b] for a, b, _ in got).replace(" ", "") == text.replace(" ", "")
        for start, end in words:
            # No line ends inside the word: it moves whole to the next line.
            assert not any(start < b < end for _a, b, _c in got), (width, got)


def test_wide_characters_take_two_columns() -> None:
    assert char_columns("你") == 2 and char_columns("a") == 1 and char_columns("\u0301") == 0
    assert [b - a for a, b, _ in wrap_ranges("你" * 40, 35)] == [17, 17, 6]


CJK_TEXT = st.text(
    alphabet=st.sampled_from(
        list("你好世界我们他们的是了在有人这中大为上个国")
        + list("，。、！？）」』…（「『 ")
        + list("ab12")
    ),
    min_size=1,
    max_size=120,
)


@settings(max_examples=300, deadline=None)
@given(CJK_TEXT, st.integers(4, 61))
def test_cjk_lines_never_lose_text_or_overflow(text: str, width: int) -> None:
    got = wrap_ranges(text, width)
    assert all(cells <= width for _, _, cells in got)
    rebuilt = "".join(text[a:b] for a, b, _ in got)
    assert rebuilt.replace(" ", "") == text.replace(" ", "")
    # Re-wrapping from any line start gives the same lines (a page cut relies on it).
    breaker = Breaker(text)
    for start, *_ in got[1:]:
        again = list(itertools.islice(breaker.lines(start, width, width), len(got)))
        assert again == [line for line in got if line[0] >= start]


def test_chinese_dialogue_in_the_pdf(tmp_path: Path) -> None:
    """The PDF read back: each printed line of a Chinese speech starts and ends where the
    rules allow, and its characters stand two columns apart."""
    speech = (
        "他说：“我们明天去北京吧。”她回答：“好的，你说得对！”然后他们一起走了，谁也没有回头。" * 3
    )
    script = parse(f"INT. 客厅 - 夜\n\n@张伟\n{speech}\n")
    out = tmp_path / "cjk.pdf"
    pagination = write_pdf(script, out, LETTER)
    printed = [line.text for line in pagination.pages[0].lines if line.type.value == "dialogue"]
    assert len(printed) > 3
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        rows: dict[int, list[dict]] = {}
        for char in page.chars:
            rows.setdefault(round(char["top"]), []).append(char)
        read = [
            "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"]))
            for top, chars in sorted(rows.items())
            if abs(min(c["x0"] for c in chars) - 2.5 * 72) < 2
        ]
    assert [line.replace(" ", "") for line in read] == [line.replace(" ", "") for line in printed]
    for line in read:
        assert line[0] not in NO_LINE_START and line[-1] not in NO_LINE_END, line


@pytest.mark.parametrize("kind", ["action", "dialogue"])
def test_japanese_in_every_column(kind: str) -> None:
    text = (
        "「今日は、いい天気ですね。」と彼女は言った。ドアを開けると、そこには誰もいなかった。" * 2
    )
    source = text if kind == "action" else f"@さくら\n{text}"
    result = paginate(parse(f"{source}\n"), LETTER)
    got = [line.text for line in result.pages[0].lines if line.type.value == kind]
    assert "".join(got) == text
    for line in got:
        assert line[0] not in NO_LINE_START and line[-1] not in NO_LINE_END, line
