"""Pagination of very long elements and incremental pagination (issue 18).

An element of 1.6 MB used to raise RecursionError (one recursion per page) and splitting
long multi-line elements grew faster than their length. Here such elements paginate whole,
nothing lost and nothing off the page; and a pagination that reuses the last one's work
after an edit gives exactly the pages a fresh one gives. No timings are asserted here
(``benchmarks/large_script.py`` measures them).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.layout import LETTER
from reelwright.screenplay.pagination import Pagination, PaginationCache, PrintOptions, paginate
from reelwright.screenplay.parser import parse

T = ElementType
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def _printed_words(result: Pagination, kind: ElementType) -> list[str]:
    words: list[str] = []
    for page in result.pages:
        for line in sorted(page.lines, key=lambda line: line.slot):
            if line.type is kind and not line.more and not line.contd:
                words.extend(line.text.split())
    return words


def _on_the_page(result: Pagination) -> None:
    capacity = result.layout.lines_per_page
    for page in result.pages:
        for line in page.lines:
            assert -1 <= line.slot <= capacity, (page.number, line.slot)
            if 0 <= line.slot < capacity:
                continue
            assert (line.slot == -1 and line.contd) or (line.slot == capacity and line.more)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kind", "body"),
    [
        ("action", "The river runs on. " * 85_000),  # 1.6 MB, one line, periodic
        ("action", "word " * 330_000),  # no sentence end anywhere: cut at lines
        ("speech", "I said it again. " * 95_000),
    ],
)
def test_a_single_element_of_megabytes(kind: str, body: str) -> None:
    text = ("INT. A - DAY\n\n" if kind == "action" else "BOB\n") + body + "\n"
    assert len(text) > 1_600_000
    result = paginate(parse(text), LETTER)
    assert result.page_count > 400
    _on_the_page(result)
    wanted = T.ACTION if kind == "action" else T.DIALOGUE
    assert _printed_words(result, wanted) == body.split()
    if kind == "speech":  # every page goes on with the speaker's cue
        for page in result.pages[1:]:
            top = min(page.lines, key=lambda line: line.slot)
            assert top.text == "BOB (CONT'D)" and top.slot == -1


def test_long_multi_line_elements() -> None:
    """300 KB of one action paragraph and one speech, thousands of lines each."""
    lines = [f"A short line of action, number {n}." for n in range(5_000)]
    speech = "\n".join(
        "(beat)" if n % 5 == 0 else f"Words, line {n}, said slowly." for n in range(5_000)
    )
    text = "INT. A - DAY\n\n" + "\n".join(lines) + "\n\nBOB\n" + speech + "\n"
    assert len(text) > 300_000
    result = paginate(parse(text), LETTER)
    _on_the_page(result)
    printed = [
        line.text
        for page in result.pages
        for line in sorted(page.lines, key=lambda line: line.slot)
        if line.type is T.ACTION
    ]
    assert printed == lines
    said = _printed_words(result, T.DIALOGUE) + _printed_words(result, T.PARENTHETICAL)
    assert sorted(said) == sorted(speech.split())


def _pages(result: Pagination) -> list[list[tuple[object, ...]]]:
    return [
        [
            (line.slot, line.text, line.x, line.element_index, line.source_line, line.contd)
            for line in page.lines
        ]
        + [("page", page.number, page.first_source_line)]
        for page in result.pages
    ]


EDITS = [
    "x",
    "\n",
    "\n\n",
    "\n\nBOB\nHello there.\n\n",
    "\n\nINT. NEW PLACE - DAY\n\nHi.\n\n",
    "\n\n\n\n",
    "^",
    "/*",
    "*/",
    "[[",
    "]]",
    "\n\n> CUT TO: <\n\n",
    "\n\n===\n\n",
]


@pytest.mark.parametrize("numbers", ["none", "right"])
def test_incremental_pagination_is_the_full_one(numbers: str) -> None:
    """Random edits to Big Fish: the pagination that takes over the last one's blocks
    and pages (before the change, and after it once a page starts where one did) gives
    exactly the pages of a pagination from scratch, and does take pages over."""
    text = (CORPUS / "Big-Fish.fountain").read_text(encoding="utf-8")
    options = PrintOptions(scene_numbers=numbers)  # type: ignore[arg-type]
    cache = PaginationCache()
    paginate(parse(text), LETTER, options, cache=cache)
    rng = random.Random(17)
    reused = 0
    for _ in range(24):
        at = rng.randrange(len(text))
        if rng.random() < 0.75:
            text = text[:at] + rng.choice(EDITS) + text[at:]
        else:
            text = text[:at] + text[at + rng.randint(1, 400) :]
        script = parse(text)
        again = paginate(script, LETTER, options, cache=cache)
        fresh = paginate(script, LETTER, options)
        assert _pages(again) == _pages(fresh)
        assert again.scene_pages == fresh.scene_pages
        assert again.page_starts == fresh.page_starts
        reused += cache.reused_pages
    assert reused > 24 * 20  # most pages were taken over, not made again


def test_cache_follows_the_layout_and_options() -> None:
    script = parse((CORPUS / "Brick-and-Steel.fountain").read_text(encoding="utf-8"))
    cache = PaginationCache()
    letter = paginate(script, LETTER, cache=cache)
    notes = paginate(script, LETTER, PrintOptions(print_notes=True), cache=cache)
    assert cache.reused_pages == 0  # other options: nothing taken over
    assert _pages(notes) == _pages(paginate(script, LETTER, PrintOptions(print_notes=True)))
    assert _pages(paginate(script, LETTER, cache=cache)) == _pages(letter)


def test_scene_numbers_follow_an_inserted_scene() -> None:
    text = "INT. A - DAY\n\nOne.\n\nINT. B - DAY\n\nTwo.\n\nINT. C - DAY\n\nThree.\n"
    options = PrintOptions(scene_numbers="left")
    cache = PaginationCache()
    paginate(parse(text), LETTER, options, cache=cache)
    text = re.sub("INT. B", "INT. A2 - DAY\n\nNew.\n\nINT. B", text)
    numbers = [
        line.scene_number
        for line in paginate(parse(text), LETTER, options, cache=cache).pages[0].lines
        if line.scene_number
    ]
    assert numbers == ["1", "2", "3", "4"]
