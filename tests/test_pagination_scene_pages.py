"""Scene pages and forced breaks at the edges the fuzzers found (issue 18's shapes)."""

from __future__ import annotations

from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.pagination import PrintOptions, paginate
from reelwright.screenplay.parser import parse

T = ElementType


def _heading_pages(text: str) -> tuple[dict[int, int], list[int]]:
    result = paginate(parse(text), None, PrintOptions(contd_after_action=False))
    pages = [
        page.number
        for page in result.pages
        if any(line.type is T.SCENE_HEADING for line in page.lines)
    ]
    return result.scene_pages, pages


def test_a_heading_taller_than_a_page_starts_its_scene_where_it_starts() -> None:
    # A heading of thousands of characters alone: cut at a line onto the next page; the
    # scene still starts on page 1, where the heading begins.
    scene_pages, pages = _heading_pages("INT. ? #" + "7" * 6000 + "#CUT TO:\n")
    assert pages == [1, 2]
    assert scene_pages == {0: 1}
    # After a short first scene it starts on a page of its own, runs over three and
    # its scene starts on the first of them.
    scene_pages, pages = _heading_pages(
        "INT. HOUSE - DAY\n\nA door.\n\nEXT. ROAD " + "LONG " * 1500 + "- DAY\n\nRain.\n"
    )
    assert pages == [1, 2, 3, 4]
    assert scene_pages == {0: 1, 2: 2}


def test_blank_lines_before_a_forced_break_print_nothing() -> None:
    script = parse("INT. HOUSE - DAY\n\n\n===\n\nA door.\n")
    result = paginate(script)
    printed = [(page.number, line.element_index) for page in result.pages for line in page.lines]
    assert printed == [(1, 0), (2, 2)]
    # Elsewhere the writer's extra blank lines still print as empty paragraphs.
    result = paginate(parse("INT. HOUSE - DAY\n\n\n\nA door.\n"))
    assert [line.text for line in result.pages[0].lines] == ["INT. HOUSE - DAY", "", "A door."]
