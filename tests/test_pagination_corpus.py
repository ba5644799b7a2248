"""Pagination of the real corpus scripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelwright.screenplay.elements import ElementType, Script
from reelwright.screenplay.layout import A4, LETTER
from reelwright.screenplay.pagination import Pagination, PrintOptions, paginate
from reelwright.screenplay.parser import parse_file

T = ElementType
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SCRIPTS = sorted(p.name for p in CORPUS.glob("*.fountain"))


def assert_rules(result: Pagination, script: Script) -> None:
    capacity = result.layout.lines_per_page
    for page in result.pages:
        assert all(0 <= line.slot < capacity for line in page.lines)
        if not page.lines:
            assert result.page_count == 1
            continue
        last = max(page.lines, key=lambda line: line.slot)
        if last.type is T.SCENE_HEADING:
            assert last.element_index is not None
            after = script.elements[last.element_index + 1 :]
            assert not after or after[0].type is T.PAGE_BREAK, f"page {page.number}"
        assert last.type is not T.PARENTHETICAL, f"page {page.number} ends on a parenthetical"
        if last.type is T.CHARACTER and last.dual is None:
            assert last.more, f"page {page.number} ends on a cue"


@pytest.mark.parametrize("name", SCRIPTS)
def test_every_corpus_script_paginates_by_the_rules(name: str) -> None:
    script = parse_file(CORPUS / name)
    for layout in (LETTER, A4):
        result = paginate(script, layout, PrintOptions(scene_numbers="both"))
        assert_rules(result, script)
        headings = [i for i, e in enumerate(script.elements) if e.type is T.SCENE_HEADING]
        assert sorted(result.scene_pages) == headings
        pages = [result.scene_pages[i] for i in headings]
        assert pages == sorted(pages)


def test_big_fish_pages_like_final_draft() -> None:
    script = parse_file(CORPUS / "Big-Fish.fountain")
    result = paginate(script, LETTER)
    # Final Draft prints Big Fish on about 120 pages with these defaults.
    assert 112 <= result.page_count <= 128, result.page_count
    splits = sum(1 for page in result.pages for line in page.lines if line.more)
    contd = sum(1 for page in result.pages[1:] if page.lines[0].contd)
    assert splits >= 1 and contd >= splits
    a4 = paginate(script, A4)
    assert a4.page_count < result.page_count
    starts = [line for line, _ in result.page_starts]
    assert starts == sorted(starts)
    # page_of_line agrees with the pages' own first lines.
    for page in result.pages:
        assert result.page_of_line(page.first_source_line) == page.number
    heading = next(i for i, e in enumerate(script.elements) if e.type is T.SCENE_HEADING)
    line = script.elements[heading].start_line
    assert result.page_of_line(line) == result.scene_pages[heading]


def test_page_breaks_in_corpus() -> None:
    script = parse_file(CORPUS / "page-break.fountain")
    breaks = sum(1 for e in script.elements if e.type is T.PAGE_BREAK)
    assert breaks >= 1
    assert paginate(script, LETTER).page_count >= breaks
