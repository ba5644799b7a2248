"""What a print run puts on paper: the pages, their labels, revision marks and headers.

One plan is drawn by the PDF writer (``exporters.pdf``) and by the app's print preview and
printer alike, so both show the same sheets. :func:`plan_print` reads the script, the print
setup and, for a production draft, its data:

- **the draft as it goes out** (``Draft.for_export``): under locked scene numbers every
  heading's number is written and a dropped scene prints ``OMITTED`` with its number; the
  numbers print (in both margins when the setup prints none, as Final Draft does while
  numbers are locked);
- **page labels**: under locked pages, ``page_lock.paginate_locked`` gives each page its
  label (``23``, ``23A``, ``24-25``), printed as the page number; pages left to the locale's
  paper or the profile's spacing print on the lock's (``PrintSetup.for_page_lock``);
- **revision marks**: ``revisions.printed_marks`` says which printed lines hold changed
  text; each gets the round's mark (``*``) in the right margin, and a revised page gets
  its latest round's header (``Blue Revision - 2025-03-10``) at the top and, on request,
  its paper colour (``tint`` or ``band``);
- **revised pages only**: the pages marked in the current round (the title page with them);
- **the title page**: the setup's draft date in place of the script's, then the rounds
  with their dates under it.

Qt-free; nothing here draws.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from reelwright.screenplay.elements import Script
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.layout import Layout
from reelwright.screenplay.page_lock import paginate_locked, scene_labels
from reelwright.screenplay.pagination import Pagination, PaginationCache, PrintOptions, paginate
from reelwright.screenplay.print_setup import PrintSetup
from reelwright.screenplay.production_file import Draft, ProductionData
from reelwright.screenplay.revisions import (
    Round,
    page_levels,
    printed_marks,
    revised_pages,
)

DRAFT_DATE_KEY = "Draft date"
_NO_MARKS: Mapping[int, int] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class PlannedPage:
    """One sheet of the script (the title page aside)."""

    index: int
    """The page's index in the plan's pagination."""
    label: str
    """Its page number as printed: ``12``, ``23A``, ``24-25``."""
    marks: Mapping[int, int] = field(default_factory=lambda: _NO_MARKS)
    """Line slot -> the round (level) whose mark is printed beside it."""
    revision: Round | None = None
    """The latest round whose changes are on the page (its header and paper colour)."""

    @property
    def number_text(self) -> str:
        """What is printed as the page number (``23A.``); the script's first page shows
        none when it is page 1, as every screenplay does."""
        return "" if self.index == 0 and self.label == "1" else f"{self.label}."

    @property
    def header(self) -> str:
        """The revision header (``Blue Revision - 2025-03-10``) or ""."""
        return self.revision.header() if self.revision is not None else ""


@dataclass(slots=True)
class PrintPlan:
    """The sheets of one print run, in order."""

    script: Script
    """The script as printed: scene numbers written under a lock, the title page with the
    setup's draft date and the revision rounds."""
    pagination: Pagination
    """Every page of the script; ``pages`` says which of them print."""
    setup: PrintSetup
    pages: list[PlannedPage]
    labels: list[str]
    """The label of every page of ``pagination`` (not only those printed)."""
    warnings: list[str] = field(default_factory=list)
    """What the writer should know (locked pages not found, another paper than the lock's)."""

    @property
    def layout(self) -> Layout:
        return self.pagination.layout

    @property
    def page_count(self) -> int:
        """The sheets printed after the title page."""
        return len(self.pages)

    @property
    def title_page(self) -> bool:
        return bool(self.script.title_page)

    def scene_pages(self) -> dict[int, str]:
        """Element index of each scene heading -> the label of the page it starts on."""
        return scene_labels(self.pagination, self.labels)


@dataclass(slots=True)
class PrintedPages:
    """The script as it prints and its pages: what :func:`paginate_draft` gives the print
    plan and the editor's analysis alike."""

    script: Script
    """The script as printed (under locked scene numbers, parsed from ``body``)."""
    body: str | None
    """The text ``script`` was parsed from, with a draft; under locked scene numbers every
    number written and an ``OMITTED`` heading for each dropped scene."""
    data: ProductionData | None
    """The draft's data carried to ``body`` (marks and page beginnings on its lines)."""
    setup: PrintSetup
    pagination: Pagination
    labels: list[str]
    """The label of every page of ``pagination``."""
    own_pages: int
    """The pages of the printed text without a page lock's breaks."""
    warnings: list[str] = field(default_factory=list)


def paginate_draft(
    script: Script,
    setup: PrintSetup | None = None,
    draft: Draft | None = None,
    *,
    layout: Layout | None = None,
    options: PrintOptions | None = None,
    pagination: Pagination | None = None,
    cache: PaginationCache | None = None,
    pause: Callable[[], None] | None = None,
) -> PrintedPages:
    """The one rule for what a production draft prints and on which pages: ``script`` (parsed
    from ``draft.body``) as it goes out (``Draft.for_export``: under locked scene numbers
    the numbers written and ``OMITTED`` for a dropped scene, the numbers printed), on the
    lock's paper and pages under locked pages (``page_lock.paginate_locked``, each page's
    label), else paginated with ``setup``. :func:`plan_print` and the editor's analysis
    both read it. Without a setup, ``layout`` and ``options`` say how to paginate;
    ``pagination`` (without locked pages) is used as it is; ``cache`` and ``pause`` are
    handed to the paginator (the analysis's worker)."""
    setup = setup.for_script(script) if setup is not None else PrintSetup()
    warnings: list[str] = []
    body: str | None = None
    data: ProductionData | None = None
    if draft is not None:
        exported = draft.for_export()
        if exported is not draft:
            from reelwright.screenplay.parser import parse

            script = parse(exported.body, caseless_cues=script.caseless_cues)
        body, data = exported.body, exported.data
        if data.pages is not None and layout is None:
            setup = setup.for_page_lock(data.pages.paper, data.pages.heading_blanks)
    if layout is None:
        layout = setup.layout
    if options is None:
        options = setup.options
    if data is not None and data.scenes is not None and options.scene_numbers == "none":
        options = replace(options, scene_numbers="both")
    labels: list[str] | None = None
    own: Pagination | None = None
    if data is not None and body is not None and data.pages is not None:
        lock = data.pages
        own = paginate(script, layout, options, cache=cache, pause=pause)
        placed = paginate_locked(script, body, lock, layout, options, unlocked=own, pause=pause)
        pagination, labels = placed.pagination, placed.labels
        if placed.lost:
            warnings.append(
                f"the beginning of locked page{'s' if len(placed.lost) > 1 else ''} "
                f"{', '.join(placed.lost)} was not found (another program changed its first "
                "line): the label goes on with the page before"
            )
        if lock.paper != layout.name or lock.heading_blanks != layout.heading_blanks:
            warnings.append(
                f"the pages were locked on {lock.paper} paper with {lock.heading_blanks} blank "
                f"line{'s' if lock.heading_blanks != 1 else ''} before headings; printed on "
                f"{layout.name} with {layout.heading_blanks}, the locked pages keep their "
                "labels but not their lines"
            )
    elif pagination is None:
        pagination = paginate(script, layout, options, cache=cache, pause=pause)
    if labels is None:
        labels = [str(page.number) for page in pagination.pages]
    own_pages = own.page_count if own is not None else pagination.page_count
    return PrintedPages(script, body, data, setup, pagination, labels, own_pages, warnings)


def plan_print(
    script: Script,
    setup: PrintSetup | None = None,
    draft: Draft | None = None,
    *,
    layout: Layout | None = None,
    options: PrintOptions | None = None,
    pagination: Pagination | None = None,
) -> PrintPlan:
    """The sheets ``script`` prints on with ``setup``; with ``draft`` (the text ``script``
    was parsed from and its production data) the production draft's numbers, labels,
    marks and headers. Without a setup, ``layout`` and ``options`` say how to paginate (and
    ``pagination``, when the caller has it, is used as it is)."""
    printed = paginate_draft(
        script, setup, draft, layout=layout, options=options, pagination=pagination
    )
    script, body, data, setup = printed.script, printed.body, printed.data, printed.setup
    pagination, labels, warnings = printed.pagination, printed.labels, printed.warnings
    slot_marks: list[dict[int, int]] = [{} for _ in pagination.pages]
    if data is not None and body is not None and data.revisions.marks:
        slot_marks = printed_marks(pagination, script, body, data.revisions.marks)
    levels = page_levels(slot_marks)
    rounds = data.revisions if data is not None else None
    pages = [
        PlannedPage(
            index,
            labels[index],
            MappingProxyType(slot_marks[index]) if setup.revision_marks else _NO_MARKS,
            rounds.round(level) if rounds is not None and level is not None else None,
        )
        for index, level in enumerate(levels)
    ]
    if setup.revised_only:
        current = rounds.current if rounds is not None else None
        chosen = set(revised_pages(slot_marks, current.level if current is not None else None))
        if not chosen:
            which = f"in the {current.name} round" if current is not None else "at all"
            raise ReelwrightError(
                f"no page is revised {which}: there is nothing to print as revised pages only"
            )
        pages = [page for page in pages if page.index in chosen]
    script = _with_title_page(script, setup, rounds.rounds if rounds is not None else [])
    return PrintPlan(script, pagination, setup, pages, labels, warnings)


def _with_title_page(script: Script, setup: PrintSetup, rounds: list[Round]) -> Script:
    """``script`` with the setup's draft date and the revision rounds on its title page
    (under the draft date: where a production draft lists its revisions). A script without
    a title page gets one only for a draft date asked for."""
    listed = [started.header() for started in rounds] if setup.title_revisions else []
    if not setup.draft_date and not (listed and script.title_page):
        return script
    title_page: dict[str, str] = {}
    key = DRAFT_DATE_KEY
    for name in script.title_page:
        if name.casefold() == DRAFT_DATE_KEY.casefold():
            key = name
    date = setup.draft_date or script.title_value(DRAFT_DATE_KEY) or ""
    lines = [line for line in (date, *listed) if line.strip()]
    placed = False
    for name, value in script.title_page.items():
        if name == key:
            title_page[name] = "\n".join(lines)
            placed = True
        else:
            title_page[name] = value
    if not placed:
        title_page[key] = "\n".join(lines)
    return replace(script, title_page=title_page)


__all__ = [
    "DRAFT_DATE_KEY",
    "PlannedPage",
    "PrintPlan",
    "PrintedPages",
    "paginate_draft",
    "plan_print",
]
