"""PDFs of corpus scripts read back: dual dialogue columns, a feature's pages."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from reelwright.exporters.pdf import write_pdf
from reelwright.screenplay.layout import LETTER
from reelwright.screenplay.pagination import PrintOptions
from reelwright.screenplay.parser import parse_file

HALF_CHAR = 3.6


def test_brick_and_steel_dual_dialogue(corpus_dir: Path, tmp_path: Path) -> None:
    script = parse_file(corpus_dir / "Brick-and-Steel.fountain")
    out = tmp_path / "brick.pdf"
    pagination = write_pdf(script, out, LETTER)
    duals = [
        (index, line)
        for index, page in enumerate(pagination.pages)
        for line in page.lines
        if line.dual
    ]
    assert {line.dual for _, line in duals} == {"left", "right"}
    index, left_cue = next((i, line) for i, line in duals if line.type.value == "character")
    right_cue = next(
        line
        for i, line in duals
        if i == index and line.dual == "right" and line.slot == left_cue.slot
    )
    with pdfplumber.open(out) as pdf:
        words = pdf.pages[index + 1].extract_words(keep_blank_chars=True, x_tolerance=1.5)
        tops = {}
        for word in words:
            tops.setdefault(round(word["top"]), []).append(word)
        row = next(
            ws for ws in tops.values() if {left_cue.text, right_cue.text} <= {w["text"] for w in ws}
        )
        found = {w["text"]: w["x0"] for w in row}
        assert found[left_cue.text] == pytest.approx(left_cue.x * 72, abs=HALF_CHAR)
        assert found[right_cue.text] == pytest.approx(right_cue.x * 72, abs=HALF_CHAR)
        assert found[left_cue.text] < 4.5 * 72 < found[right_cue.text]


def test_big_fish_pdf(corpus_dir: Path, tmp_path: Path) -> None:
    script = parse_file(corpus_dir / "Big-Fish.fountain")
    out = tmp_path / "bigfish.pdf"
    pagination = write_pdf(script, out, LETTER, PrintOptions(scene_numbers="right"))
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == pagination.page_count + 1
        assert "BIG FISH" in pdf.pages[0].extract_text()
        for number, page in enumerate(pdf.pages[1:], start=1):
            body = [c for c in page.chars if c["top"] > 70]
            rows = {round(c["top"]) for c in body}
            assert len(rows) <= 55  # 54 lines and a (MORE) under the last
            assert max(c["bottom"] for c in body) <= 10.2 * 72
            header = "".join(c["text"] for c in page.chars if c["top"] < 50)
            assert header == ("" if number == 1 else f"{number}.")
        more_pages = [
            i for i, page in enumerate(pagination.pages) if any(line.more for line in page.lines)
        ]
        for index in more_pages:
            assert "(MORE)" in pdf.pages[index + 1].extract_text()
            assert "(CONT'D)" in pdf.pages[index + 2].extract_text().splitlines()[1]
