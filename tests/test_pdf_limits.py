"""Text that used to leave the paper (issue 18, items 4 and 7): scene numbers of ten and of
five thousand characters, a title of three thousand, a contact block of a hundred lines.
Every character of the PDF is read back: inside the page, and nothing of the writer's
lost."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from reelwright.exporters.pdf import write_pdf
from reelwright.screenplay.layout import A4, LETTER, Layout
from reelwright.screenplay.pagination import PrintOptions
from reelwright.screenplay.parser import parse


def _inside(pdf: pdfplumber.PDF) -> None:
    for number, page in enumerate(pdf.pages, start=1):
        for char in page.chars:
            assert char["x0"] >= 0 and char["x1"] <= page.width, (number, char["text"])
            assert char["top"] >= 0 and char["bottom"] <= page.height, (number, char["text"])


@pytest.mark.parametrize("layout", [LETTER, A4])
@pytest.mark.parametrize("number", ["1234567890AB", "I-1-A-2-B-3-C-4", "9" * 5000])
def test_scene_numbers_of_any_length_stay_in_their_margins(
    tmp_path: Path, layout: Layout, number: str
) -> None:
    heading = "INT. A LONG PLACE NAME - DAY"
    script = parse(f"{heading} #{number}#\n\nAction.\n")
    out = tmp_path / "numbers.pdf"
    write_pdf(script, out, layout, PrintOptions(scene_numbers="both"))
    with pdfplumber.open(out) as pdf:
        _inside(pdf)
        page = pdf.pages[0]
        row = [c for c in page.chars if abs(c["top"] - 72) < 6]
        left = [c for c in row if c["x0"] < layout.left_margin * 72 - 1]
        right = [c for c in row if c["x0"] > layout.page_width * 36]
        heading_chars = [c for c in row if c not in left and c not in right]
        assert left and right
        # The left number ends before the heading's column; the right one ends at 7.375 in.
        assert max(c["x1"] for c in left) <= layout.left_margin * 72
        assert max(c["x1"] for c in right) == pytest.approx(layout.scene_number_right * 72, abs=1)
        assert min(c["x0"] for c in heading_chars) == pytest.approx(layout.left_margin * 72)
        shown = "".join(c["text"] for c in sorted(left, key=lambda c: c["x0"]))
        if len(number) < 20:
            assert shown == number  # set smaller if need be, never cut
        else:
            assert "…" in shown and shown.startswith("999") and shown.endswith("999")


def test_a_title_of_three_thousand_characters(tmp_path: Path) -> None:
    title = " ".join(f"word{n}" for n in range(500))  # 3,390 characters
    contact = "\n".join(f"    Line {n} of the contact" for n in range(100))
    script = parse(f"Title: {title}\nAuthor: Someone\nContact:\n{contact}\n\nINT. A - DAY\n\nHi.\n")
    out = tmp_path / "title.pdf"
    pagination = write_pdf(script, out, LETTER)
    with pdfplumber.open(out) as pdf:
        _inside(pdf)
        title_pages = len(pdf.pages) - pagination.page_count
        assert title_pages >= 2  # the title goes on to a second page, nothing is cut
        text = "\n".join(page.extract_text() for page in pdf.pages[:title_pages])
        words = text.split()
        assert all(f"WORD{n}" in words for n in range(500))  # the title prints in capitals
        assert all(f"Line {n} of the contact" in text for n in range(100))
        assert "Someone" in words
        # The body is where it always is: its first page is unnumbered, the next "2.".
        assert "INT. A - DAY" in pdf.pages[title_pages].extract_text()


def test_an_ordinary_title_page_is_one_page(tmp_path: Path) -> None:
    script = parse("Title: Big Fish\nCredit: written by\nAuthor: John August\n\nHi.\n")
    out = tmp_path / "plain.pdf"
    pagination = write_pdf(script, out, LETTER)
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == pagination.page_count + 1
        lines = pdf.pages[0].extract_text_lines()
        tops = {line["text"]: round(line["top"]) for line in lines}
        # Final Draft's title page: the title 4.0 in down, credit 4 lines below, author 2.
        assert tops["BIG FISH"] == pytest.approx(288, abs=1)
        assert tops["written by"] - tops["BIG FISH"] == pytest.approx(48, abs=1)
        assert tops["John August"] - tops["written by"] == pytest.approx(24, abs=1)
