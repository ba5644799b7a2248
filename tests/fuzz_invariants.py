"""What must hold for any text: parse -> paginate -> PDF, FDX (and back), Fountain (and back).

One place for the invariants that both fuzzers check: the hypothesis tests in
``tests/test_fuzz_export.py`` and the coverage-guided harness ``benchmarks/fuzz_atheris.py``
(which loads this file by its path). Each ``check_*`` raises AssertionError with what broke;
any other exception is a crash of the code under test. Nothing here is part of the
installed package.

Also here, for both fuzzers: the shapes that broke the program from outside (issue 18):
unclosed notes and boneyard, scene numbers of thousands of digits, sections thousands of
levels deep, single elements of megabytes (``SHAPES``), FDX files whose numbers and keys
lie (``FDX_SHAPES``, checked by ``check_fdx_bytes``), and pipes and devices given as
paths (``check_special_paths``).
"""

from __future__ import annotations

import io
import os
import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import pypdf

from reelwright.exporters.fdx import MAX_SECTION_LEVEL, from_fdx, to_fdx
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
            # The cue repeated over a cut speech stands in the top margin (slot -1), a
            # (MORE) may stand in the bottom one: Final Draft draws them there.
            low = -1 if line.contd and line.type is T.CHARACTER else 0
            high = capacity if line.more else capacity - 1
            assert low <= line.slot <= high, f"page {page.number}: slot {line.slot}"
            assert line.slot not in taken[line.dual], f"page {page.number}: slot {line.slot} twice"
            taken[line.dual].add(line.slot)
            if not line.more:  # the (MORE) string is the writer's choice, any length
                width = column_width(layout, line)
                assert counted_columns(line.text) <= width, f"page {page.number}: {line.text!r}"
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


def counted_columns(text: str) -> int:
    """Columns a printed line takes against its width: spaces at its end, and one hyphen or
    dash there, hang in the margin (Final Draft's rule, screenplay/linebreak.py)."""
    shown = text.rstrip(" ")
    if shown.endswith(("-", "\u2013", "\u2014")):
        shown = shown[:-1]
    return text_columns(shown)


def column_width(layout: Layout, line: PrintedLine) -> int:
    """Characters that fit in the column ``line`` prints in."""
    if line.dual is not None:
        return layout.dual_column(line.dual, line.type)[1]
    return layout.width_chars(line.type)


def _check_more_contd(script: Script, result: Pagination) -> None:
    """Per column (the page's, or one side of dual dialogue): a (MORE) is the column's last
    line, under the cut speech's own lines, and the next page repeats that speech's cue with
    (CONT'D) first (its first row in the top margin, slot -1, where one row holds it); a
    line in the top margin is such a cue; a page does not go on with a speech without its
    cue (unless the cue is too long to repeat)."""
    options = result.options
    pages = result.pages
    elements = script.elements
    continued: set[tuple[int, str | None]] = set()  # (page position, column) cut before
    for position, page in enumerate(pages):
        if not page.lines:
            continue
        for column in {line.dual for line in page.lines}:
            lines = [line for line in page.lines if line.dual == column]
            last = max(lines, key=lambda line: line.slot)
            body = [line for line in lines if line.slot >= 0]
            top = min(body or lines, key=lambda line: line.slot)
            for line in lines:
                if line.more:
                    assert line is last, f"page {page.number}: (MORE) is not the last line"
                if line.slot < 0:
                    assert (position, column) in continued, (
                        f"page {page.number}: a cue in the top margin with no cut speech"
                    )
            if (position, column) in continued:
                first = min(lines, key=lambda line: line.slot)
                margin = [line for line in lines if line.slot == -1]
                assert len(margin) <= 1, f"page {page.number}: two cues in the margin"
                if first.type is T.CHARACTER and first.contd:
                    pass  # the cue repeated: its first row in the margin, or all on the page
                else:  # only a cue too long to repeat with (CONT'D) is not repeated
                    cue = _cue_of(elements, top.element_index)
                    assert cue is not None, f"page {page.number}: no speech goes on"
                    assert _cue_rows(result, elements[cue]) + 2 > result.layout.lines_per_page, (
                        f"page {page.number}: no repeated cue over the speech"
                    )
            elif column is None and top.type in _SPEECH_BODY:
                cue = _cue_of(elements, top.element_index)
                if cue is not None:  # only a cue too long to repeat (CONT'D) is not repeated
                    assert _cue_rows(result, elements[cue]) + 2 > result.layout.lines_per_page, (
                        f"page {page.number} goes on with a speech without its cue"
                    )
            if not last.more:
                continue
            assert last.type is T.CHARACTER and last.text == options.more
            assert position + 1 < len(pages), "(MORE) on the last page"
            continued.add((position + 1, column))
            following = [line for line in pages[position + 1].lines if line.dual == column]
            assert following, f"page {page.number}: (MORE) and nothing goes on"
            cue = min(following, key=lambda line: line.slot).element_index
            assert cue is not None and elements[cue].type is T.CHARACTER
            assert last.element_index is not None and cue < last.element_index
            between = elements[cue + 1 : last.element_index + 1]
            assert all(e.type in _SPEECH_BODY for e in between), "(MORE) outside the cut speech"
            above = [line for line in lines if line.slot == last.slot - 1]
            # Under the speech's own lines (a parenthetical only in a speech taller than a page).
            assert len(above) == 1 and above[0].type in _SPEECH_BODY, "(MORE) not under the speech"
    for position, page in enumerate(pages):
        for line in page.lines:
            if not line.contd:
                continue
            assert line.type is T.CHARACTER and not line.more
            if line.slot == -1:
                continue  # the repeated cue, checked above
            if (position, line.dual) in continued and line.element_index is not None:
                first = min(
                    (other for other in page.lines if other.dual == line.dual),
                    key=lambda other: other.slot,
                )
                if first.element_index == line.element_index:
                    continue  # a later row of the repeated cue
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
    breaks in a row are one and a trailing one is gone), a paragraph with nothing
    printable left is skipped on import (Final Draft files are full of empty ones) unless
    it is dialogue or inside dual dialogue, and sections go at most MAX_SECTION_LEVEL deep."""
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
        if element.type is T.SECTION:
            sign = (*sign[:4], min(element.depth, MAX_SECTION_LEVEL))
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


def check_fdx_round_trip(script: Script, *, fountain: bool = True) -> None:
    """Our FDX is XML our importer reads, and gives back the same elements and title page,
    which Fountain then holds as they are (``fountain``: for a script read from Fountain;
    one read from any FDX may hold element texts no Fountain line can, see check_fdx_bytes)."""
    data = to_fdx(script)
    back = from_fdx(data)
    if fountain and not _holds_what_xml_cannot(script):
        check_fountain_round_trip(back)
    assert fdx_signature(back) == fdx_expected(script)
    got = {
        key: _join_lines(_trimmed(styled(v)[:-1]) for v in value.split("\n"))
        for key, value in back.title_page.items()
    }
    assert got == fdx_title_expected(script.title_page)
    assert list(got) == list(fdx_title_expected(script.title_page)), "title page order"


def _holds_what_xml_cannot(script: Script) -> bool:
    """The script holds characters XML cannot (control characters): the FDX leaves them
    out, and what is left can be text no Fountain line writes as it is (a speech of only
    such characters is a cue over nothing; spaces they stood between end up at a line's
    edge, where the parser drops them). The FDX itself is still checked against the
    script without them (``fdx_expected``)."""
    texts = [element.text for element in script.elements]
    texts += [f"{key}{value}" for key, value in script.title_page.items()]
    return any(_NOT_XML.search(text) for text in texts)


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


# Shapes from outside (issue 18) -------------------------------------------------------------

SHAPES: dict[str, str] = {
    "unclosed note, 40 KB line": "[[" * 20_000 + "\n",
    "unclosed boneyard, 40 KB line": "/*" * 20_000 + "\n",
    "unclosed notes on 3,000 lines": "She waits [[ and waits\n" * 3_000,
    "unclosed note after a cue": "BOB\nHi [[ there\n\n" + "More.\n" * 2_000,
    "scene number of 5,000 digits": f"INT. HOUSE - DAY #{'7' * 5_000}#\n\nA door.\n\n"
    "EXT. ROAD - NIGHT\n\nRain.\n",
    "scene numbers of 5,000 digits and letters": "".join(
        f"INT. ROOM {n} - DAY #{'9' * 4_400}{n}A#\n\nStill.\n\n" for n in range(3)
    ),
    "section 5,000 levels deep": "#" * 5_000 + " Act One\n\nINT. X - DAY\n\nGo.\n",
    "single action element of 2 MB": "A" * 2_000_000 + "\n",
    "single speech of 30 KB": "BOB\n" + "Word and word. " * 2_000 + "\n",
    "multi-line action element of 300 KB": ("Words on a line of action here.\n" * 10_000),
}
"""Texts that hung or crashed the parser, the paginator or an exporter (check_text them)."""
SLOW_SHAPES: dict[str, str] = {
    "single speech of 1 MB": "BOB\n" + "Word and word. " * 70_000 + "\n",
    "single action element of 8 MB": "A" * 8_000_000 + "\n",
}
"""Bigger still, for runs on demand (``benchmarks/fuzz_atheris.py --shapes``)."""


def _fdx(paragraphs: str, title: str = "") -> bytes:
    page = f"<TitlePage><Content>{title}</Content></TitlePage>" if title else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<FinalDraft DocumentType="Script" Version="5">'
        f"<Content>{paragraphs}</Content>{page}</FinalDraft>"
    ).encode()


def _section(level: str) -> str:
    return f'<Paragraph Type="Section" Level="{level}"><Text>Act</Text></Paragraph>'


def _keyed(key: str) -> str:
    return f'<Paragraph ReelwrightKey="{key}"><Text>value of {key[:8]}</Text></Paragraph>'


FDX_SHAPES: dict[str, bytes] = {
    "scene Number of 5,000 digits": _fdx(
        f'<Paragraph Type="Scene Heading" Number="{"7" * 5_000}"><Text>INT. A - DAY</Text>'
        '</Paragraph><Paragraph Type="Scene Heading"><Text>INT. B - DAY</Text></Paragraph>'
    ),
    "section Levels that lie": _fdx(
        "".join(_section(v) for v in ("999999999", "1e10", "1e23", "\u00b2", "-1", "9" * 5_000))
    ),
    "title keys with line breaks, colons and digits": _fdx(
        '<Paragraph Type="Action"><Text>Fog.</Text></Paragraph>',
        _keyed("Title")
        + _keyed("Draft&#10;Date")
        + _keyed("Contact:&#13;&#10;Agent")
        + _keyed("&#9;2nd unit")
        + _keyed(":"),
    ),
}
"""FDX files whose attributes a writer's program never wrote (check_fdx_bytes them)."""


def check_fdx_bytes(data: bytes, layout: Layout, options: PrintOptions) -> None:
    """Any bytes given as an FDX file: refused with one ``ReelwrightError``, or a script
    that paginates, exports to FDX and reads back the same, whose title page the Fountain
    export keeps entry for entry, and whose Fountain is no bigger than the file warrants
    (a ``Level`` is not a size)."""
    from reelwright.exporters.fountain import to_fountain
    from reelwright.screenplay.errors import ReelwrightError

    try:
        script = from_fdx(data)
    except ReelwrightError:
        return
    check_pagination(script, paginate(script, layout, options))
    check_fdx_round_trip(script, fountain=False)
    written = to_fountain(script)
    assert parse(written).title_page == script.title_page, written[:2000]
    size = len(written.encode("utf-8"))
    assert size <= 4 * len(data) + 4096, f"{len(data)} bytes of FDX made {size} of Fountain"


def _special_paths(folder: Path) -> dict[str, Path]:
    pipe = folder / "pipe.fountain"
    if not pipe.exists():
        os.mkfifo(pipe)
    paths = {"named pipe": pipe, "/dev/zero": Path("/dev/zero")}
    for suffix in (".fountain", ".fdx", ".gguf"):
        link = folder / f"zero{suffix}"
        if not link.exists():
            link.symlink_to("/dev/zero")
        paths[f"link to /dev/zero ({suffix})"] = link
        fifo = folder / f"pipe{suffix}"
        if not fifo.exists():
            os.mkfifo(fifo)
        paths[f"named pipe ({suffix})"] = fifo
    return paths


def _ends_with_one_sentence(what: str, call: Callable[[], object], seconds: float) -> None:
    from reelwright.screenplay.errors import ReelwrightError

    outcome: list[BaseException] = []

    def run() -> None:
        try:
            call()
        except BaseException as error:  # handed to the checking thread
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"{what} still ran after {seconds:g} s"
    assert outcome, f"{what} was accepted"
    assert isinstance(outcome[0], ReelwrightError), f"{what}: {outcome[0]!r}"
    assert "\n" not in str(outcome[0]), f"{what}: more than one line"


def check_special_paths(folder: Path, seconds: float = 10.0) -> None:
    """Pipes and devices given as paths, to read (script, FDX, model) or to write (every
    export): each ends within ``seconds`` with one ``ReelwrightError``; nothing blocks,
    nothing reads /dev/zero until memory runs out, nothing replaces a special file."""
    from reelwright.exporters import export
    from reelwright.exporters.fdx import read_fdx
    from reelwright.models.gguf_info import inspect_gguf
    from reelwright.screenplay.textio import read_script_text

    script = parse("INT. HOUSE - DAY\n\nA door.\n")
    for name, path in _special_paths(folder).items():
        _ends_with_one_sentence(
            f"reading {name} as a script", lambda p=path: read_script_text(p), seconds
        )
        _ends_with_one_sentence(f"reading {name} as FDX", lambda p=path: read_fdx(p), seconds)
        _ends_with_one_sentence(
            f"reading {name} as a model", lambda p=path: inspect_gguf(p), seconds
        )
    for suffix in (".pdf", ".fdx", ".fountain"):
        fifo = folder / f"out{suffix}"
        if not fifo.exists():
            os.mkfifo(fifo)
        _ends_with_one_sentence(
            f"exporting to a named pipe ({suffix})", lambda f=fifo: export(script, f), seconds
        )
        assert fifo.is_fifo(), f"exporting replaced the named pipe out{suffix}"
