"""Locked pages: page numbers that stay put while a production script is revised.

Locking remembers where each page of the current pagination begins (a source line and a
column in it, carried through later edits like revision marks) and the page's label. When
the script is paginated again under the lock, every locked page still begins where it did:

- text added to page 23 that no longer fits spills onto 23A, 23B ... (A-pages), never onto
  page 24, so pages 24 onwards stay as they were printed;
- a page whose text was all removed is folded into the next page's label (``24-25``: one
  sheet replaces both), the last page into the previous one's;
- a page whose beginning cannot be found any more (another program rewrote it) is merged
  into the page before it: that page's text flows on under the lost page's label and A-pages,
  so no later page moves;
- labels of A-pages between two locked labels follow the scene-number rules (23A, 23B, then
  23AA before an existing 23A: ``scene_lock.label_between``), and locking again keeps
  today's labels (23A becomes a locked page).

How a locked page's beginning is honoured: the paginator is given a copy of the script with
a forced page break where each locked page begins (an action paragraph that ran over the
page is cut there, mid-line when the page began mid-sentence). A page that began inside a
speech or inside text with emphasis is a forced break at a place in a line
(``paginate``'s ``breaks``: the line and the offset of the same word in its printed text):
the paginator cuts the speech there as a page end cuts one, ``(MORE)`` under the part
before and ``NAME (CONT'D)`` over the rest, so the page begins at the same words after any
edit before it. Where the paginator cannot cut there (dual dialogue moves whole; the first
line under a cue), the page is made to begin at the start of that speech (or source line)
instead, so later pages still do not move. ``PageLayout.adjusted`` counts those.

Everything here reads the paginator's public objects (``paginate``, ``Pagination``,
``Page``, ``PrintedLine``) and returns a ``Pagination`` whose element indexes are the
script's own, with one label per page for the PDF, the editor's page rules and the
navigator.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from reelwright.screenplay.elements import Element, ElementType, Script
from reelwright.screenplay.emphasis import plain_text, strip_notes
from reelwright.screenplay.layout import Layout, layout_for
from reelwright.screenplay.pagination import Page, Pagination, PrintedLine, PrintOptions, paginate
from reelwright.screenplay.scene_lock import label_between
from reelwright.screenplay.textdiff import LineDiff, diff_line, diff_lines, split_lines

T = ElementType
_SPEECH_PARTS = (T.DIALOGUE, T.PARENTHETICAL, T.LYRICS)


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A place in the script's source: a line and a column of it."""

    line: int
    column: int = 0


@dataclass(slots=True)
class LockedPage:
    label: str
    start: Position | None
    """Where the page begins; None for the first page (the start of the script) and for a
    page whose beginning was lost."""


@dataclass(slots=True)
class PageLock:
    pages: list[LockedPage] = field(default_factory=list)
    paper: str = "letter"
    """The layout profile the pages were locked with."""
    heading_blanks: int = 2

    @property
    def labels(self) -> list[str]:
        return [page.label for page in self.pages]


@dataclass(slots=True)
class PageLayout:
    """A pagination under a page lock."""

    pagination: Pagination
    labels: list[str]
    """The printed label of each page: ``23``, ``23A``, ``24-25``."""
    adjusted: int = 0
    """Locked breaks inside speeches (or marked-up lines) that the paginator could not make
    where they were (dual dialogue, the first line under a cue), moved to the start of the
    speech (or line)."""
    lost: list[str] = field(default_factory=list)
    """Labels of locked pages whose beginning was not found in the script."""
    breaks: list[tuple[str, Position]] = field(default_factory=list)
    """Where each locked page that kept its place begins now (label, position): the
    forced breaks (the editor's page rules read them)."""

    def scene_labels(self) -> dict[int, str]:
        """Element index of each scene heading -> the label of the page it starts on (the
        navigator's page column)."""
        return scene_labels(self.pagination, self.labels)

    def start_labels(self) -> list[tuple[int, str]]:
        """(source line where each page begins, its label), in order (the editor's page
        rules)."""
        return [
            (page.first_source_line, label)
            for page, label in zip(self.pagination.pages, self.labels, strict=True)
        ]


def scene_labels(pagination: Pagination, labels: list[str]) -> dict[int, str]:
    """Element index of each scene heading -> the label (one per page of ``pagination``)
    of the page it starts on."""
    first = pagination.pages[0].number if pagination.pages else 1
    return {
        index: labels[number - first]
        for index, number in pagination.scene_pages.items()
        if 0 <= number - first < len(labels)
    }


# Locking --------------------------------------------------------------------------------


def lock_pages(
    script: Script,
    text: str,
    pagination: Pagination,
    labels: list[str] | None = None,
) -> PageLock:
    """Lock the pages of ``pagination`` (of ``script``, parsed from ``text``) under ``labels``
    (default: the printed page numbers; pass the labels of a locked layout to lock again)."""
    if labels is None:
        labels = [str(page.number) for page in pagination.pages]
    if len(labels) != len(pagination.pages):
        raise ValueError("one label per page is needed")
    lines = split_lines(text)
    pages: list[LockedPage] = []
    for index, page in enumerate(pagination.pages):
        if index == 0 or not page.lines:
            pages.append(LockedPage(labels[index], None))
            continue
        pages.append(LockedPage(labels[index], _page_start(script, lines, pagination.pages, index)))
    layout = pagination.layout
    return PageLock(pages, layout.name, layout.heading_blanks)


def _first_row(page: Page) -> PrintedLine | None:
    """The page's first printed line of its own source (a repeated cue is not)."""
    for printed in page.lines:
        if printed.source_line == page.first_source_line and not printed.more:
            return printed
    return page.lines[0] if page.lines else None


def _page_start(script: Script, lines: list[str], pages: list[Page], index: int) -> Position:
    """Where page ``index`` begins: a line, and the column when it begins inside one."""
    page = pages[index]
    line = page.first_source_line
    first = _first_row(page)
    earlier = [
        printed
        for previous in pages[:index]
        for printed in previous.lines
        if printed.source_line == line and not printed.more and printed.type is not T.CHARACTER
    ]
    if not earlier or first is None or first.element_index is None:
        return Position(line, 0)
    # The page begins inside a source line: find its first row after the rows printed
    # from that line before, one after the other.
    element = script.elements[first.element_index]
    own = _element_line(element, line)
    raw = lines[line] if line < len(lines) else ""
    offset = raw.find(own) if own else -1
    column = _column_of_row(own, [printed.text for printed in earlier], first.text)
    if offset < 0 or column is None:
        return Position(line, 0)
    return Position(line, offset + column)


def _element_line(element: Element, line: int) -> str:
    parts = element.text.split("\n")
    return parts[min(max(line - element.start_line, 0), len(parts) - 1)]


def _has_markup(text: str) -> bool:
    return "[[" in text or any(c in text for c in "*_\\")


def _column_of_row(own: str, before: list[str], row: str) -> int | None:
    """The column of ``own`` (an element's line) where the printed row ``row`` begins,
    ``before`` being the rows printed from it on earlier pages, in order."""
    if not row:
        return None
    text = own if not _has_markup(own) else plain_text(strip_notes(own))
    folded = text.casefold()
    cursor = 0
    for piece in before:
        found = folded.find(piece.casefold(), cursor)
        if found < 0:
            return None
        cursor = found + len(piece)
    found = folded.find(row.casefold(), cursor)
    if found <= 0:
        return None
    if text is own:
        return found
    # Emphasis or notes: the first word start whose printed text before it is as long.
    for column in range(1, len(own)):
        if (
            own[column - 1] == " "
            and own[column] != " "
            and len(plain_text(strip_notes(own[:column])).rstrip()) >= len(text[:found].rstrip())
        ):
            return column
    return None


# Carrying the lock through edits ---------------------------------------------------------


def rebase(lock: PageLock, old_text: str, new_text: str, diff: LineDiff | None = None) -> PageLock:
    """The lock with each page's beginning moved to where its text is in ``new_text``.

    A beginning whose line was deleted moves to the next line that survived."""
    old = split_lines(old_text)
    new = split_lines(new_text)
    diff = diff or diff_lines(old, new)
    pages: list[LockedPage] = []
    for page in lock.pages:
        start = page.start
        if start is None:
            pages.append(replace(page))
            continue
        target = diff.old_to_new[start.line] if start.line < len(old) else None
        if target is None:
            moved = Position(diff.map_line(start.line), 0)
        elif start.column and (target in diff.edited or old[start.line] != new[target]):
            moved = Position(
                target, diff_line(old[start.line], new[target]).map_column(start.column)
            )
        else:
            moved = Position(target, start.column)
        pages.append(LockedPage(page.label, moved))
    return PageLock(pages, lock.paper, lock.heading_blanks)


# Paginating under the lock -------------------------------------------------------------


@dataclass(slots=True)
class _Break:
    page: int
    """Index of the locked page that begins here."""
    position: Position
    element: int
    """Index (in the script) of the element the position falls in."""
    kind: str
    """``element`` (at an element's start), ``line`` (a later line of an action paragraph),
    ``inline`` (inside an action line): the copy is cut there; ``soft`` (inside a speech or
    marked-up text): a forced break of the paginator, checked after paginating."""
    moved: bool = False
    """A soft break the paginator could not make, moved to the start of its speech or
    line."""


def layout_profile(lock: PageLock) -> Layout:
    """The layout profile the pages were locked with."""
    return layout_for(lock.paper, heading_blanks=lock.heading_blanks)


def paginate_locked(
    script: Script,
    text: str,
    lock: PageLock,
    layout: Layout | None = None,
    options: PrintOptions | None = None,
    unlocked: Pagination | None = None,
    pause: Callable[[], None] | None = None,
) -> PageLayout:
    """Paginate ``script`` (parsed from ``text``) so that every locked page keeps its place.

    ``unlocked`` is the script's ordinary pagination with the same layout and options, when
    the caller has it already (the editor's analysis does): it is read, not recomputed.
    ``pause`` is handed to the paginator (the editor's worker gives the interpreter back
    there, so keys typed meanwhile never wait)."""
    layout = layout or layout_profile(lock)
    options = options or PrintOptions()
    lines = split_lines(text)
    starts = [element.start_line for element in script.elements]
    breaks: list[_Break] = []
    lost: list[str] = []
    last = Position(-1, 0)
    for index, page in enumerate(lock.pages):
        if index == 0:
            continue
        found = _resolve(script, starts, lines, page.start)
        if found is None or found[0] < last:
            lost.append(page.label)
            continue
        position, element = found
        last = position
        breaks.append(_Break(index, position, element, _kind(script, lines, position, element)))
    free = unlocked if unlocked is not None else paginate(script, layout, options, pause=pause)
    # Cues printed "(CONT'D)" for following their speaker's own speech: a forced break
    # between the two speeches would make the paginator forget who spoke last.
    first_cue_rows: dict[int, bool] = {}
    for page in free.pages:
        for printed in page.lines:
            if printed.type is T.CHARACTER and printed.element_index is not None:
                first_cue_rows.setdefault(printed.element_index, printed.contd)
    contd_cues = {index for index, contd in first_cue_rows.items() if contd}
    adjusted = 0
    while True:
        copy, index_map, after = _with_breaks(script, lines, breaks, contd_cues, options)
        forced = _forced(script, lines, breaks, options)
        pagination = paginate(copy, layout, options, pause=pause, breaks=forced)
        missed = _missed(copy, lines, pagination, breaks)
        if not missed:
            break
        for item in missed:  # each pass turns soft breaks into hard ones: it ends
            _harden(script, item)
            adjusted += 1
        # Two breaks moved to the start of one long speech: the later page keeps its
        # label and follows the earlier one (3, then 3A), it is not folded into it.
        kept: list[_Break] = []
        for item in breaks:
            if kept and item.moved and item.position <= kept[-1].position:
                continue
            kept.append(item)
        breaks = kept
    page_of_break = _pages_of_breaks(copy, lines, pagination, breaks, after)
    labels = _labels(lock, page_of_break, len(pagination.pages))
    used = [
        (lock.pages[item.page].label, item.position)
        for item in breaks
        if item.page in page_of_break
    ]
    return PageLayout(_remap(pagination, index_map), labels, adjusted, lost, used)


def _resolve(
    script: Script, starts: list[int], lines: list[str], start: Position | None
) -> tuple[Position, int] | None:
    """The position a page begins at, moved onto printed text, and its element."""
    if start is None or not script.elements:
        return None
    index = bisect.bisect_right(starts, start.line) - 1
    elements = script.elements
    if index >= 0 and elements[index].end_line > start.line and _prints(elements[index]):
        return start, index
    # Between elements (a blank line, a deleted line): the next printed element.
    index = max(index + 1, 0)
    while index < len(elements) and not _prints(elements[index]):
        index += 1
    if index >= len(elements):
        return None
    return Position(elements[index].start_line, 0), index


def _prints(element: Element) -> bool:
    return element.type not in (T.NOTE, T.SECTION, T.SYNOPSIS, T.PAGE_BREAK)


def _kind(script: Script, lines: list[str], position: Position, index: int) -> str:
    element = script.elements[index]
    if element.type in _SPEECH_PARTS and _in_speech(script, index):
        return "soft"
    if element.type is T.CHARACTER and element.dual:
        return "soft"  # a page never begins at the right-hand column of dual dialogue
    if position.column == 0 and position.line == element.start_line:
        return "element"
    if element.type is not T.ACTION:
        return "soft"
    if position.column == 0:
        return "line"
    own = _element_line(element, position.line)
    raw = lines[position.line] if position.line < len(lines) else ""
    if not own or raw.find(own) < 0 or _has_markup(own):
        return "soft"
    return "inline"


def _in_speech(script: Script, index: int) -> bool:
    """Whether the dialogue-like element at ``index`` belongs to a cue's speech."""
    for k in range(index - 1, -1, -1):
        kind = script.elements[k].type
        if kind is T.CHARACTER:
            return True
        if kind not in _SPEECH_PARTS:
            return False
    return False


def _speech_start(script: Script, index: int) -> int:
    """The cue that opens the speech holding element ``index`` (the left cue of dual
    dialogue)."""
    k = index
    while k > 0 and script.elements[k].type is not T.CHARACTER:
        k -= 1
    while k > 0 and script.elements[k].dual:
        k -= 1
        while k > 0 and script.elements[k].type is not T.CHARACTER:
            k -= 1
    return k


def _forced(
    script: Script, lines: list[str], breaks: list[_Break], options: PrintOptions
) -> list[tuple[int, int]]:
    """The paginator's forced breaks for the soft breaks: (source line, offset in the
    line's printed text)."""
    forced: list[tuple[int, int]] = []
    for item in breaks:
        if item.kind != "soft":
            continue
        offset = _printed_offset(script.elements[item.element], item.position, lines, options)
        if offset is not None:
            forced.append((item.position.line, offset))
    return forced


_WORD = re.compile(r"\S+")


def _printed_offset(
    element: Element, position: Position, lines: list[str], options: PrintOptions
) -> int | None:
    """Where ``position`` falls in its line as printed (emphasis markers and unprinted
    notes left out): the same word, found by its number in the line when the line has
    markup. None when it is not on the element's text."""
    own = _element_line(element, position.line)
    raw = lines[position.line] if position.line < len(lines) else own
    start = raw.find(own) if own else -1
    if start < 0:
        return None
    column = position.column - start
    if column <= 0:
        return 0
    if column >= len(own):
        return None
    if not _has_markup(own):
        return column

    def printed(text: str) -> str:
        return plain_text(text if options.print_notes else strip_notes(text))

    words = list(_WORD.finditer(printed(own)))
    before = len(printed(own[:column]).split())
    return words[before].start() if before < len(words) else None


def _harden(script: Script, item: _Break) -> None:
    """Make a soft break that missed a hard one at the start of its speech or line."""
    item.moved = True
    element = script.elements[item.element]
    if element.type in _SPEECH_PARTS or element.type is T.CHARACTER:
        start = _speech_start(script, item.element)
        item.element = start
        item.position = Position(script.elements[start].start_line, 0)
        item.kind = "element"
        return
    if element.type is T.ACTION and item.position.line > element.start_line:
        item.position = Position(item.position.line, 0)
        item.kind = "line"
        return
    item.position = Position(element.start_line, 0)
    item.kind = "element"


def _with_breaks(
    script: Script,
    lines: list[str],
    breaks: list[_Break],
    contd_cues: set[int],
    options: PrintOptions,
) -> tuple[Script, list[int | None], dict[int, int]]:
    """A copy of ``script`` with a page break before each hard break: the copy, each of its
    elements' index in ``script`` (None for the breaks), and for each hard break (by locked
    page) the copy's index of the element the page begins with."""
    hard: dict[int, list[_Break]] = {}
    for item in breaks:
        if item.kind != "soft":
            hard.setdefault(item.element, []).append(item)
    elements: list[Element] = []
    index_map: list[int | None] = []
    after: dict[int, int] = {}
    for index, element in enumerate(script.elements):
        cuts = hard.get(index)
        if index in contd_cues:
            element = _with_contd(element, options)
        if not cuts:
            elements.append(element)
            index_map.append(index)
            continue
        for piece, before in _cut(element, cuts, lines):
            if before:
                line = piece.start_line
                elements.append(Element(T.PAGE_BREAK, "", line, line))
                index_map.append(None)
                for cut in before:
                    after[cut.page] = len(elements)
            elements.append(piece)
            index_map.append(index)
    copy = Script(dict(script.title_page), elements, list(script.regions), script.line_count)
    return copy, index_map, after


def _with_contd(cue: Element, options: PrintOptions) -> Element:
    """A cue printed ``(CONT'D)`` (its speaker spoke last, with only action between) keeps
    it after a forced break, which would otherwise forget who spoke last."""
    if options.contd.casefold() in cue.text.casefold():
        return cue
    return replace(cue, text=f"{cue.text} {options.contd}")


def _cut(
    element: Element, cuts: list[_Break], lines: list[str]
) -> list[tuple[Element, list[_Break]]]:
    """``element`` cut at its breaks: each piece and the breaks before it (several when
    the pages between were emptied)."""
    pieces: list[tuple[Element, list[_Break]]] = []
    rest = element
    pending: list[_Break] = []
    for cut in sorted(cuts, key=lambda c: c.position):
        split = None
        if cut.kind in ("line", "inline") and cut.position > Position(rest.start_line, 0):
            split = _split_action(rest, cut.position, lines)
        if split is None:
            pending.append(cut)
            continue
        head, tail = split
        pieces.append((head, pending))
        rest, pending = tail, [cut]
    pieces.append((rest, pending))
    return pieces


def _split_action(
    element: Element, at: Position, lines: list[str]
) -> tuple[Element, Element] | None:
    """An action paragraph cut where a page began: before a line, or inside one."""
    parts = element.text.split("\n")
    k = at.line - element.start_line
    if k < 0 or k >= len(parts) or (k == 0 and at.column == 0):
        return None
    if at.column == 0:
        head_text = "\n".join(parts[:k])
        tail_text = "\n".join(parts[k:])
        head_end = at.line
    else:
        own = parts[k]
        raw = lines[at.line] if at.line < len(lines) else own
        column = at.column - max(raw.find(own), 0)
        if column <= 0 or column >= len(own) or not own[:column].strip():
            return None
        head_text = "\n".join([*parts[:k], own[:column].rstrip()])
        tail_text = "\n".join([own[column:].lstrip(), *parts[k + 1 :]])
        head_end = at.line + 1
    head = replace(element, text=head_text, end_line=head_end)
    tail = replace(element, text=tail_text, start_line=at.line)
    return head, tail


def _missed(
    copy: Script, lines: list[str], pagination: Pagination, breaks: list[_Break]
) -> list[_Break]:
    """Soft breaks no page begins at."""
    return [
        item
        for item in breaks
        if item.kind == "soft" and _page_at(copy, lines, pagination, item) is None
    ]


def _page_at(copy: Script, lines: list[str], pagination: Pagination, item: _Break) -> int | None:
    """The page that begins exactly at a soft break, if one does."""
    pages = pagination.pages
    for index in range(1, len(pages)):
        if pages[index].first_source_line != item.position.line:
            continue
        if _page_start(copy, lines, pages, index) == item.position:
            return index
    return None


def _pages_of_breaks(
    copy: Script,
    lines: list[str],
    pagination: Pagination,
    breaks: list[_Break],
    after: dict[int, int],
) -> dict[int, int]:
    """For each realised break (by locked page), the index of the page it begins."""
    reach: list[int] = []  # the highest element index printed up to each page
    highest = -1
    for page in pagination.pages:
        for printed in page.lines:
            if printed.element_index is not None and printed.element_index > highest:
                highest = printed.element_index
        reach.append(highest)
    result: dict[int, int] = {}
    for item in breaks:
        found: int | None
        if item.kind == "soft":
            found = _page_at(copy, lines, pagination, item)
        else:
            element = after.get(item.page)
            found = bisect.bisect_left(reach, element) if element is not None else None
            if found is not None and found >= len(reach):
                found = None
        if found is not None:
            result[item.page] = found
    return result


@dataclass(slots=True)
class _Group:
    page: int
    """The first page of the group."""
    folded: list[int]
    """Locked pages whose text all begins on the group's first page (``24-25``)."""
    lost: list[int] = field(default_factory=list)
    """Locked pages whose beginning was lost: their labels go on the group's next pages."""


def _labels(lock: PageLock, page_of_break: dict[int, int], count: int) -> list[str]:
    """One label per page: each group of locked pages spread over the pages it fills."""
    locked = lock.labels
    groups: list[_Group] = []
    for index in range(len(locked)):
        page = 0 if index == 0 else page_of_break.get(index)
        if page is not None and groups and page == groups[-1].page:
            group = groups[-1]
            group.folded.extend([*group.lost, index])
            group.lost = []
        elif page is not None and (not groups or page > groups[-1].page):
            groups.append(_Group(page, [index]))
        else:
            groups[-1].lost.append(index)
    taken = set(locked)
    labels: list[str] = [""] * count
    for number, group in enumerate(groups):
        end = groups[number + 1].page if number + 1 < len(groups) else count
        following = locked[groups[number + 1].folded[0]] if number + 1 < len(groups) else None
        names = [
            _combine(locked[group.folded[0]], locked[group.folded[-1]]),
            *(locked[k] for k in group.lost),
        ]
        last = locked[group.lost[-1] if group.lost else group.folded[-1]]
        pages = range(group.page, min(end, count))
        if len(pages) < len(names):
            keep = max(len(pages) - 1, 0)
            names = [*names[:keep], _combine(names[keep].split("-")[0], last)]
        base = last
        for offset, page_index in enumerate(pages):
            if offset < len(names):
                labels[page_index] = names[offset]
                continue
            base = label_between(base, following, taken)
            taken.add(base)
            labels[page_index] = base
    return labels


def _combine(first: str, last: str) -> str:
    return first if first == last else f"{first}-{last}"


def _remap(pagination: Pagination, index_map: list[int | None]) -> Pagination:
    """The pagination with the copy's element indexes turned back into the script's."""

    def original(index: int | None) -> int | None:
        if index is None or index >= len(index_map):
            return index
        return index_map[index]

    pages = [
        Page(
            page.number,
            [
                replace(printed, element_index=original(printed.element_index))
                for printed in page.lines
            ],
            page.first_source_line,
        )
        for page in pagination.pages
    ]
    scene_pages: dict[int, int] = {}
    for index, number in pagination.scene_pages.items():
        mapped = original(index)
        if mapped is not None:
            scene_pages.setdefault(mapped, number)
    return Pagination(
        pages, pagination.layout, pagination.options, scene_pages, list(pagination.page_starts)
    )
