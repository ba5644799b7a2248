"""What must hold for any text: parse -> paginate -> PDF, FDX (and back), Fountain (and back).

One place for the invariants that both fuzzers check: the hypothesis tests in
``tests/test_fuzz_export.py`` and the coverage-guided harness ``benchmarks/fuzz_atheris.py``
(which loads this file by its path). Each ``check_*`` raises AssertionError with what broke;
any other exception is a crash of the code under test. Nothing here is part of the
installed package.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

import pypdf

from reelwright.exporters.fdx import from_fdx, to_fdx
from reelwright.exporters.fountain import to_fountain
from reelwright.exporters.pdf import render_pdf
from reelwright.screenplay.elements import Element, ElementType, Script
from reelwright.screenplay.emphasis import parse_emphasis, strip_notes
from reelwright.screenplay.layout import A4, LETTER, Layout
from reelwright.screenplay.pagination import (
    Pagination,
    PrintedLine,
    PrintOptions,
    paginate,
    runs_for_line,
    text_columns,
    wrap_ranges,
)
from reelwright.screenplay.parser import parse

T = ElementType
LAYOUTS = (LETTER, A4)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold: an FDX file drops them."""
_SPEECH_BODY = (T.PARENTHETICAL, T.DIALOGUE)
_TITLE_CENTRE = ("title", "credit", "author", "authors", "source")
"""Title-page keys an FDX title page puts first (centred), before the others."""

Styled = list[tuple[str, bool, bool, bool]]


# Choosing what to fuzz from a few bits -------------------------------------------------


def choose(bits: int) -> tuple[Layout, PrintOptions]:
    """A paper and print options from the low bits of ``bits`` (the atheris harness's
    first byte; the hypothesis tests draw them with strategies instead)."""
    layout = LAYOUTS[bits & 1]
    options = PrintOptions(
        scene_numbers=("none", "left", "right", "both")[(bits >> 1) & 3],
        print_notes=bool(bits & 8),
        print_sections=bool(bits & 16),
        heading_blanks=(None, 1)[(bits >> 5) & 1],
        contd_after_action=not bits & 64,
        first_page_number=1 + (bits >> 7),
    )
    return layout, options


def check_text(text: str, layout: Layout, options: PrintOptions, *, pdf: bool = True) -> None:
    """Every invariant below, on one text."""
    script = parse(text)
    result = paginate(script, layout, options)
    check_pagination(script, result)
    if pdf:
        check_pdf(script, result)
    check_fdx_round_trip(script)
    check_fountain_round_trip(script)


# Pagination -------------------------------------------------------------------------------


def printable(element: Element, options: PrintOptions) -> bool:
    """Whether ``element`` prints with ``options`` (FORMAT.md rules 16 and 18)."""
    if element.type is T.PAGE_BREAK:
        return False
    if element.type in (T.SECTION, T.SYNOPSIS):
        return options.print_sections
    if element.type is T.NOTE:
        return options.print_notes
    return True


def _compact(text: str) -> str:
    return "".join(text.split())


def expected_print(element: Element, layout: Layout, options: PrintOptions) -> str:
    """The characters ``element`` prints (emphasis markers and unprinted notes gone), without
    whitespace, which wrapping moves around."""
    text = element.text if options.print_notes else strip_notes(element.text)
    style = layout.style(element.type)
    out = []
    for line in text.split("\n"):
        runs = runs_for_line(line, upper=style.uppercase, bold=False, italic=False)
        out.append("".join(run.text for run in runs))
    return _compact("".join(out))


def check_pagination(script: Script, result: Pagination) -> None:
    """Pages in order, none over the layout's line count, every printable element once
    (on one page or consecutive pages, in source order, its text intact), (MORE) and
    (CONT'D) only around a speech cut by a page break, scene pages where the headings are."""
    options = result.options
    layout = result.layout
    capacity = layout.lines_per_page
    pages = result.pages
    elements = script.elements
    assert pages, "no page at all"
    first = options.first_page_number
    assert [p.number for p in pages] == list(range(first, first + len(pages))), "page numbers"
    assert [n for _, n in result.page_starts] == [p.number for p in pages]
    starts = [line for line, _ in result.page_starts]
    assert starts == sorted(starts), f"page starts out of order: {starts}"

    on_pages: dict[int, list[int]] = {}
    printed: dict[int, list[str]] = {}
    last_in_column: dict[str, int] = {}
    for position, page in enumerate(pages):
        assert page.lines or len(pages) == 1, f"page {page.number} is empty"
        taken: dict[str | None, set[int]] = {None: set(), "left": set(), "right": set()}
        for line in page.lines:
            assert 0 <= line.slot < capacity, f"page {page.number}: slot {line.slot}"
            assert line.slot not in taken[line.dual], f"page {page.number}: slot {line.slot} twice"
            taken[line.dual].add(line.slot)
            if not line.more:  # the (MORE) string is the writer's choice, any length
                width = column_width(layout, line)
                assert text_columns(line.text) <= width, f"page {page.number}: {line.text!r}"
        assert not taken[None] & (taken["left"] | taken["right"]), f"page {page.number}: overlap"
        repeated = {line.element_index for line in page.lines if line.contd}
        for line in sorted(page.lines, key=lambda line: (line.slot, line.dual or "")):
            index = line.element_index
            assert index is not None and 0 <= index < len(elements)
            seen = on_pages.setdefault(index, [])
            if not seen or seen[-1] != position:
                seen.append(position)
            if not line.more:
                printed.setdefault(index, []).append(line.text)
            if line.type is T.CHARACTER and index in repeated:
                continue  # a cue repeated over a cut speech: _check_more_contd
            column = "right" if line.dual == "right" else "main"
            before = last_in_column.get(column, -1)
            assert index >= before, f"page {page.number}: element {index} after {before}"
            last_in_column[column] = index

    wanted = {i for i, e in enumerate(elements) if printable(e, options)}
    assert set(on_pages) == wanted, f"printed {sorted(on_pages)}, printable {sorted(wanted)}"
    for index, positions in on_pages.items():
        span = list(range(positions[0], positions[-1] + 1))
        assert positions == span, f"element {index} on pages {positions}"
        element = elements[index]
        if element.type is not T.CHARACTER:
            got = _compact("".join(printed[index]))
            assert got == expected_print(element, layout, options), f"element {index} text"

    _check_more_contd(script, result)
    headings = {
        line.element_index: page.number
        for page in reversed(pages)
        for line in page.lines
        if line.type is T.SCENE_HEADING
    }
    assert result.scene_pages == headings, "scene pages"


def column_width(layout: Layout, line: PrintedLine) -> int:
    """Characters that fit in the column ``line`` prints in."""
    if line.dual is not None:
        return layout.dual_column(line.dual, line.type)[1]
    return layout.width_chars(line.type)


def _check_more_contd(script: Script, result: Pagination) -> None:
    options = result.options
    pages = result.pages
    elements = script.elements
    continued: set[int] = set()  # page positions that go on with a speech cut before them
    for position, page in enumerate(pages):
        if not page.lines:
            continue
        last = max(page.lines, key=lambda line: line.slot)
        top = min(page.lines, key=lambda line: line.slot)
        for line in page.lines:
            if line.more:
                assert line is last, f"page {page.number}: (MORE) is not the last line"
        if position in continued:
            assert top.type is T.CHARACTER and top.contd and top.dual is None
            assert top.slot == 0, f"page {page.number}: the repeated cue is not first"
        elif top.dual is None and top.type in _SPEECH_BODY:
            cue = _cue_of(elements, top.element_index)
            if cue is not None:  # only a cue too long to repeat (CONT'D) is not repeated
                assert _cue_rows(result, elements[cue]) + 2 > result.layout.lines_per_page, (
                    f"page {page.number} goes on with a speech without its cue"
                )
        if not last.more:
            continue
        assert last.type is T.CHARACTER and last.text == options.more and last.dual is None
        assert position + 1 < len(pages), "(MORE) on the last page"
        continued.add(position + 1)
        nxt = min(pages[position + 1].lines, key=lambda line: line.slot)
        cue = nxt.element_index
        assert cue is not None and elements[cue].type is T.CHARACTER
        assert last.element_index is not None and cue < last.element_index
        between = elements[cue + 1 : last.element_index + 1]
        assert all(e.type in _SPEECH_BODY for e in between), "(MORE) outside the cut speech"
        above = [line for line in page.lines if line.slot == last.slot - 1]
        # Under the speech's own lines (a parenthetical only in a speech taller than a page).
        assert len(above) == 1 and above[0].type in _SPEECH_BODY, "(MORE) not under the speech"
    for position, page in enumerate(pages):
        for line in page.lines:
            if not line.contd:
                continue
            assert line.type is T.CHARACTER and not line.more
            if position in continued and line.slot == 0 and line.dual is None:
                continue
            # Not a cut speech: only a speaker who speaks again after action.
            assert options.contd_after_action, f"page {page.number}: (CONT'D) with no cut"
            assert line.element_index is not None
            assert elements[line.element_index].type is T.CHARACTER


def _cue_rows(result: Pagination, cue: Element) -> int:
    """Rows the cue takes when it is repeated with (CONT'D)."""
    layout, contd = result.layout, result.options.contd
    text = "".join(
        run.text for run in runs_for_line(cue.text, upper=True, bold=False, italic=False)
    )
    return len(wrap_ranges(f"{text} {contd}", layout.width_chars(T.CHARACTER)))


def _cue_of(elements: list[Element], index: int | None) -> int | None:
    """The cue that opens the speech holding element ``index``, if it is in one."""
    if index is None:
        return None
    while index > 0 and elements[index].type in _SPEECH_BODY:
        index -= 1
    return index if elements[index].type is T.CHARACTER else None


# PDF --------------------------------------------------------------------------------------


def check_pdf(script: Script, result: Pagination) -> None:
    """A complete PDF that a reader opens, with the paginator's pages (+ the title page)."""
    data, used = render_pdf(script, pagination=result)
    assert used is result
    assert data.startswith(b"%PDF-"), data[:20]
    assert data.rstrip().endswith(b"%%EOF"), data[-20:]
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
    expected = result.page_count + (1 if script.title_page else 0)
    assert len(reader.pages) == expected, (len(reader.pages), expected)


# FDX --------------------------------------------------------------------------------------


def styled(text: str) -> Styled:
    """``text`` as (character, bold, italic, underline) without the characters XML cannot
    hold: equal styling whatever the markers (as tests/test_fdx.py compares). Spaces have
    no style: Fountain cannot write a styled space at the edge of a run (a marker next to a
    space neither opens nor closes), so the importer leaves it outside the markers."""
    out: Styled = []
    for line in text.split("\n"):
        for span in parse_emphasis(line):
            style = (span.bold, span.italic, span.underline)
            for c in _NOT_XML.sub("", span.text):
                out.append((c, False, False, False) if c.isspace() else (c, *style))
        out.append(("\n", False, False, False))
    return out


def _trimmed(chars: Styled) -> Styled:
    start, end = 0, len(chars)
    while start < end and chars[start][0].isspace():
        start += 1
    while end > start and chars[end - 1][0].isspace():
        end -= 1
    return chars[start:end]


def _in_dual_pairs(elements: list[Element]) -> set[int]:
    """Indices of the elements of each dual-dialogue pair (both speeches)."""
    inside: set[int] = set()
    for index, element in enumerate(elements):
        if element.type is not T.CHARACTER or not element.dual:
            continue
        start = index - 1
        while start > 0 and elements[start].type in _SPEECH_BODY:
            start -= 1
        end = index + 1
        while end < len(elements) and elements[end].type in _SPEECH_BODY:
            end += 1
        inside.update(range(start, end))
    return inside


def fdx_signature(script: Script) -> list[tuple[object, ...]]:
    return [
        (e.type, styled(e.text), e.scene_number, e.dual, e.depth if e.type is T.SECTION else 0)
        for e in script.elements
    ]


def fdx_expected(script: Script) -> list[tuple[object, ...]]:
    """What FDX keeps of ``script``: a forced break is a flag on the next paragraph (so
    breaks in a row are one and a trailing one is gone), and a paragraph with nothing
    printable left is skipped on import (Final Draft files are full of empty ones) unless
    it is dialogue or inside dual dialogue."""
    elements = script.elements
    paired = _in_dual_pairs(elements)
    out: list[tuple[object, ...]] = []
    new_page = False
    for index, (element, sign) in enumerate(zip(elements, fdx_signature(script), strict=True)):
        if element.type is T.PAGE_BREAK:
            new_page = True
            continue
        if new_page:
            out.append((T.PAGE_BREAK, styled(""), None, False, 0))
            new_page = False
        chars = sign[1]
        assert isinstance(chars, list)
        empty = not "".join(c for c, *_ in chars).strip()
        if empty and element.type is not T.DIALOGUE and index not in paired:
            continue
        out.append(sign)
    return out


def fdx_title_expected(title_page: dict[str, str]) -> dict[str, Styled]:
    """Centred keys first, each line stripped; keys lose what XML cannot hold."""
    keys = sorted(title_page, key=lambda key: key.casefold() not in _TITLE_CENTRE)
    merged: dict[str, list[Styled]] = {}
    for key in keys:
        lines = [_trimmed(styled(line.strip())[:-1]) for line in title_page[key].split("\n")]
        merged.setdefault(_NOT_XML.sub("", key), []).extend(lines)
    return {key: _join_lines(lines) for key, lines in merged.items()}


def _join_lines(lines: Iterable[Styled]) -> Styled:
    out: Styled = []
    for number, line in enumerate(lines):
        if number:
            out.append(("\n", False, False, False))
        out += line
    return out


def check_fdx_round_trip(script: Script) -> None:
    """Our FDX is XML our importer reads, and gives back the same elements and title page."""
    data = to_fdx(script)
    back = from_fdx(data)
    assert fdx_signature(back) == fdx_expected(script)
    got = {
        key: _join_lines(_trimmed(styled(v)[:-1]) for v in value.split("\n"))
        for key, value in back.title_page.items()
    }
    assert got == fdx_title_expected(script.title_page)
    assert list(got) == list(fdx_title_expected(script.title_page)), "title page order"


# Fountain ---------------------------------------------------------------------------------


def fountain_key(script: Script) -> list[tuple[object, ...]]:
    return [(e.type, e.text, e.scene_number, e.depth, e.dual) for e in script.elements]


def check_fountain_round_trip(script: Script) -> None:
    """The Fountain export reparses to the same elements and title page, and is canonical."""
    written = to_fountain(script)
    again = parse(written)
    assert fountain_key(again) == fountain_key(script), written
    assert again.title_page == script.title_page, written
    assert to_fountain(again) == written
