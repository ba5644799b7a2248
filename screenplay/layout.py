"""Page layout profiles: every number of the printed page in one object.

The numbers are Final Draft 11's, measured on the PDFs it printed in
``../shared/final-draft/`` (see its SOURCES.md) and read from the paragraph settings of the
FDX files it saved. Where FORMAT.md's older figures disagreed, the references won:

- a page holds **54 lines** on a 12 pt grid from 1.0 in below the top edge (55 before);
  A4 holds 58 (57 before);
- characters sit at a **7.0 pt pitch**, not 7.2 (10 to the inch): Courier's 7.2 pt glyphs
  overlap by 0.2 pt, so a column holds ``(width - 7.2) / 7.0 + 1`` characters: 61 of action
  (60 before), 35 of dialogue, 26 of a parenthetical counting its hanging ``(``;
- a parenthetical's ``(`` hangs one character left of 3.0 in, its wrapped lines align after
  it; the page number ends at 7.25 in; right-hand scene numbers end at 7.375 in;
- dual dialogue: dialogue columns 1.5-4.375 in and 4.625-7.5 in (29 characters), the cues
  centred on 2.93 in and 6.06 in, parentheticals from 1.75 in and 4.875 in.

Pagination, the PDF writer and the editor's page view all read them from here; a profile
is chosen (with the paper, scene numbers and print options) by the one print setup,
:mod:`reelwright.screenplay.print_setup`.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Literal

from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.errors import ReelwrightError

Align = Literal["left", "right", "center"]

POINTS_PER_INCH = 72.0
PITCH = 7.0
"""Points from one character to the next on Final Draft's grid."""
GLYPH = 7.2
"""Points of one Courier glyph at 12 pt (0.6 em)."""
CELL = PITCH / POINTS_PER_INCH
"""One character, in inches."""


@dataclass(frozen=True, slots=True)
class ElementStyle:
    """Where one kind of element prints: its column, alignment and spacing."""

    left: float
    """Left edge of the text's first line, inches from the page's left edge."""
    right: float
    """Right edge of the text column, inches from the page's left edge."""
    blank_before: int = 1
    """Blank lines before the element (dropped at the top of a page)."""
    align: Align = "left"
    uppercase: bool = False
    hanging: int = 0
    """Characters that wrapped lines start to the right of the first (a parenthetical's
    ``(`` hangs: the first line starts one character left of the others)."""
    bold: bool = False
    italic: bool = False
    underline: bool = False
    line_spacing: int = 1
    """Lines a printed line takes: 2 is double-spaced (a blank line above each)."""
    new_page: bool = False
    """The element starts a new page (scene headings in the multi-camera template)."""


def columns_between(left: float, right: float) -> int:
    """Characters that fit between two edges (inches), Final Draft's way: the last glyph
    is 7.2 pt wide, the others advance 7.0 pt."""
    points = (right - left) * POINTS_PER_INCH
    return max(1, math.floor((points - GLYPH) / PITCH + 1e-6) + 1)


def _screenplay_styles(heading_blanks: int = 2) -> dict[ElementType, ElementStyle]:
    t = ElementType
    return {
        t.SCENE_HEADING: ElementStyle(1.5, 7.5, heading_blanks, uppercase=True),
        t.ACTION: ElementStyle(1.5, 7.5, 1),
        t.CHARACTER: ElementStyle(3.5, 7.25, 1, uppercase=True),
        t.PARENTHETICAL: ElementStyle(3.0 - CELL, 5.5, 0, hanging=1),
        t.DIALOGUE: ElementStyle(2.5, 6.0, 0),
        t.TRANSITION: ElementStyle(5.5, 7.1, 1, align="right", uppercase=True),
        t.CENTERED: ElementStyle(1.5, 7.5, 1, align="center"),
        t.LYRICS: ElementStyle(2.5, 7.375, 1, italic=True),
        t.SECTION: ElementStyle(1.5, 7.5, 1, bold=True),
        t.SYNOPSIS: ElementStyle(1.5, 7.5, 1, italic=True),
        t.NOTE: ElementStyle(1.5, 7.5, 1, italic=True),
    }


def multicam_geometry(styles: dict[ElementType, ElementStyle]) -> None:
    """The multi-camera columns (JumpCut's ``fmt: multicam`` template, Final Draft's
    multi-camera paragraph settings): dialogue from 2.25 in, double-spaced; cues to 6.25 in;
    parentheticals from 2.75 in; transitions to 7.25 in."""
    t = ElementType
    styles[t.DIALOGUE] = replace(styles[t.DIALOGUE], left=2.25, line_spacing=2)
    styles[t.CHARACTER] = replace(styles[t.CHARACTER], right=6.25)
    styles[t.PARENTHETICAL] = replace(styles[t.PARENTHETICAL], left=2.75 - CELL)
    styles[t.TRANSITION] = replace(styles[t.TRANSITION], right=7.25)


def _multicam_styles() -> dict[ElementType, ElementStyle]:
    """Final Draft's multi-camera template: the multi-camera columns, action in capitals,
    scene headings underlined and each on a new page."""
    t = ElementType
    styles = _screenplay_styles()
    multicam_geometry(styles)
    styles[t.ACTION] = replace(styles[t.ACTION], uppercase=True)
    styles[t.SCENE_HEADING] = replace(styles[t.SCENE_HEADING], underline=True, new_page=True)
    return styles


@dataclass(frozen=True, slots=True)
class DualGeometry:
    """Dual dialogue, measured on Final Draft's pages (inches from the left edge)."""

    dialogue: tuple[tuple[float, float], tuple[float, float]] = ((1.5, 4.375), (4.625, 7.5))
    parenthetical: tuple[tuple[float, float], tuple[float, float]] = ((1.75, 4.125), (4.875, 7.25))
    """Where the ``(`` stands and the right edge; wrapped lines start one character in."""
    cue_centre: tuple[float, float] = (211.25 / 72, 436.25 / 72)
    """Cues are centred on these, each snapped to the nearest point."""


@dataclass(frozen=True, slots=True)
class Layout:
    """One paper and profile. Build variants with :meth:`with_heading_blanks` or
    :func:`dataclasses.replace`; the print setup does it for the writer's choices."""

    name: str
    """The paper: ``letter`` or ``a4``."""
    page_width: float
    """Inches."""
    page_height: float
    lines_per_page: int
    profile: str = "screenplay"
    """``screenplay`` (Final Draft's feature template) or ``multicam``."""
    top_margin: float = 1.0
    """Top of the first line slot, inches from the top edge."""
    left_margin: float = 1.5
    right_margin: float = 1.0
    font_size: float = 12.0
    pitch: float = PITCH
    """Points from one character to the next."""
    line_pitch: float = 12.0
    """Points from one line to the next."""
    page_number_top: float = 0.5
    """Top of the page number's line, inches from the top edge."""
    page_number_right: float = 7.25
    """Right edge of the page number, inches from the left edge."""
    scene_number_left: float = 0.75
    """Left edge of a left-hand scene number."""
    scene_number_right: float = 7.375
    """Right edge of a right-hand scene number."""
    more_left: float = 3.5
    """``(MORE)`` prints at the character cue's indent."""
    dual: DualGeometry = field(default_factory=DualGeometry)
    title_top_fraction: float = 0.35
    """The title block starts this far down the page (upper middle)."""
    act_breaks: bool = True
    """A centred act marker (``> ACT TWO <``) starts a new page, as Final Draft's New Act."""
    dash_breaks: bool = True
    """Interruption dashes are cut at line ends as Final Draft cuts them (JumpCut's
    ``clean-dashes`` keeps them whole)."""
    styles: Mapping[ElementType, ElementStyle] = field(
        default_factory=lambda: MappingProxyType(_screenplay_styles())
    )

    # Derived measures -------------------------------------------------------------------
    @property
    def char_width(self) -> float:
        """Inches from one character to the next."""
        return self.pitch / POINTS_PER_INCH

    @property
    def chars_per_inch(self) -> float:
        return POINTS_PER_INCH / self.pitch

    @property
    def line_height(self) -> float:
        """Inches per line."""
        return self.line_pitch / POINTS_PER_INCH

    @property
    def lines_per_inch(self) -> float:
        return POINTS_PER_INCH / self.line_pitch

    def style(self, kind: ElementType) -> ElementStyle:
        return self.styles[kind]

    def width_chars(self, kind: ElementType) -> int:
        """Characters on the first line of the element's column (61 for action)."""
        style = self.styles[kind]
        return columns_between(style.left, style.right)

    def indent_chars(self, kind: ElementType) -> int:
        """Characters from the left margin (1.5 in) to the element's first line."""
        return round((self.styles[kind].left - self.left_margin) / self.char_width)

    def line_top(self, slot: int) -> float:
        """Top of line slot ``slot`` (0-based), inches from the page's top edge."""
        return self.top_margin + slot * self.line_height

    @property
    def heading_blanks(self) -> int:
        return self.styles[ElementType.SCENE_HEADING].blank_before

    def with_heading_blanks(self, count: int) -> Layout:
        """The same profile with 1 or 2 blank lines before scene headings."""
        if count not in (1, 2):
            raise ReelwrightError("blank lines before scene headings must be 1 or 2")
        return self.with_style(ElementType.SCENE_HEADING, blank_before=count)

    def with_style(self, kind: ElementType, **changes: object) -> Layout:
        """The same profile with one element's style changed."""
        styles = dict(self.styles)
        styles[kind] = replace(styles[kind], **changes)
        return replace(self, styles=MappingProxyType(styles))

    def dual_column(self, side: Literal["left", "right"], kind: ElementType) -> tuple[float, int]:
        """Left edge (inches) and width (characters) of ``kind`` in a dual-dialogue column.

        Cues are centred (see :meth:`dual_cue_left`); this gives their column's width.
        """
        index = 0 if side == "left" else 1
        if kind is ElementType.PARENTHETICAL:
            left, right = self.dual.parenthetical[index]
            return left, columns_between(left, right)
        left, right = self.dual.dialogue[index]
        return left, columns_between(left, right)

    def dual_cue_left(self, side: Literal["left", "right"], cells: int) -> float:
        """Left edge (inches) of a dual-dialogue cue of ``cells`` characters."""
        centre = self.dual.cue_centre[0 if side == "left" else 1] * POINTS_PER_INCH
        return math.ceil(centre - cells * self.pitch / 2 - 0.5) / POINTS_PER_INCH


def _styles_proxy(styles: dict[ElementType, ElementStyle]) -> Mapping[ElementType, ElementStyle]:
    return MappingProxyType(styles)


LETTER = Layout(name="letter", page_width=8.5, page_height=11.0, lines_per_page=54)
A4 = Layout(name="a4", page_width=210 / 25.4, page_height=297 / 25.4, lines_per_page=58)
MULTICAM_LETTER = replace(LETTER, profile="multicam", styles=_styles_proxy(_multicam_styles()))
MULTICAM_A4 = replace(A4, profile="multicam", styles=_styles_proxy(_multicam_styles()))

PROFILES: Mapping[str, Layout] = MappingProxyType({"letter": LETTER, "a4": A4})
"""Final Draft's feature profile on each paper."""
MULTICAM: Mapping[str, Layout] = MappingProxyType({"letter": MULTICAM_LETTER, "a4": MULTICAM_A4})
"""Final Draft's multi-camera template on each paper."""
PROFILE_NAMES = ("screenplay", "multicam")

# Territories whose paper is US Letter (CLDR's "US" paper-size list, plus the Philippines
# and others where Letter is what offices print on).
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "SV", "NI", "DO", "PR", "BZ"}
    | {"HN", "BO", "PE", "EC", "UY", "AS", "GU", "MP", "VI", "UM"}
)


def _territory(locale_name: str) -> str | None:
    """``en_US.UTF-8@euro`` -> ``US``; ``C``/``POSIX`` -> None."""
    name = locale_name.split(".", 1)[0].split("@", 1)[0]
    if "_" not in name:
        return None
    return name.split("_", 1)[1].upper() or None


def paper_for_locale(environ: Mapping[str, str] | None = None) -> str:
    """``letter`` or ``a4`` from the locale, the way glibc chooses LC_PAPER.

    LC_ALL wins over LC_PAPER, which wins over LANG. A locale without a territory
    (``C``, ``POSIX``) or no locale at all gives Letter, like glibc's C locale.
    """
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_PAPER", "LANG"):
        value = env.get(key, "")
        if value:
            territory = _territory(value)
            if territory is None:
                return "letter"
            return "letter" if territory in LETTER_TERRITORIES else "a4"
    return "letter"


def paper_name(paper: str | None) -> str:
    """``letter`` or ``a4`` for what a writer typed (``A4``, ``US-Letter``); the locale's
    paper for None or empty."""
    key = (paper or paper_for_locale()).strip().casefold()
    if key in ("us", "usletter", "us-letter", "us letter"):
        key = "letter"
    if key not in PROFILES:
        raise ReelwrightError(f"unknown paper size {paper!r}: choose letter or a4")
    return key


def layout_for(
    paper: str | None = None, *, heading_blanks: int | None = None, profile: str = "screenplay"
) -> Layout:
    """The ``profile`` (``screenplay``/``multicam``) on ``paper`` (``letter``/``a4``, the
    locale's when None)."""
    key = paper_name(paper)
    if profile not in PROFILE_NAMES:
        raise ReelwrightError(f"unknown layout profile {profile!r}: choose screenplay or multicam")
    layout = (MULTICAM if profile == "multicam" else PROFILES)[key]
    if heading_blanks is not None and heading_blanks != layout.heading_blanks:
        layout = layout.with_heading_blanks(heading_blanks)
    return layout
