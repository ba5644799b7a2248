"""Page layout profiles: every number of the printed page in one object.

The numbers are Final Draft's defaults as recorded in FORMAT.md (Courier 12 pt, 10
characters and 6 lines per inch, positions in inches from the page's left edge). Pagination,
the PDF writer and the editor's page view all read them from here, so a change of paper or
a change of house style is one object, not a hunt through the code.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Literal

from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.errors import ReelwrightError

Align = Literal["left", "right", "center"]

POINTS_PER_INCH = 72.0


@dataclass(frozen=True, slots=True)
class ElementStyle:
    """Where one kind of element prints: its column, alignment and spacing."""

    left: float
    """Left edge of the text, inches from the page's left edge."""
    right: float
    """Right edge of the text column, inches from the page's left edge."""
    blank_before: int = 1
    """Blank lines before the element (dropped at the top of a page)."""
    align: Align = "left"
    uppercase: bool = False
    hanging: int = 0
    """Extra characters of indent for wrapped lines (parentheticals)."""
    bold: bool = False
    italic: bool = False


def _styles(heading_blanks: int) -> Mapping[ElementType, ElementStyle]:
    t = ElementType
    return MappingProxyType(
        {
            t.SCENE_HEADING: ElementStyle(1.5, 7.5, heading_blanks, uppercase=True),
            t.ACTION: ElementStyle(1.5, 7.5, 1),
            t.CHARACTER: ElementStyle(3.5, 7.25, 1, uppercase=True),
            t.PARENTHETICAL: ElementStyle(3.0, 5.5, 0, hanging=1),
            t.DIALOGUE: ElementStyle(2.5, 6.0, 0),
            t.TRANSITION: ElementStyle(5.5, 7.1, 1, align="right", uppercase=True),
            t.CENTERED: ElementStyle(1.5, 7.5, 1, align="center"),
            t.LYRICS: ElementStyle(2.5, 7.4, 1, italic=True),
            t.SECTION: ElementStyle(1.5, 7.5, 1, bold=True),
            t.SYNOPSIS: ElementStyle(1.5, 7.5, 1, italic=True),
            t.NOTE: ElementStyle(1.5, 7.5, 1, italic=True),
        }
    )


@dataclass(frozen=True, slots=True)
class Layout:
    """One paper profile. Build variants with :meth:`with_heading_blanks` or ``replace``."""

    name: str
    page_width: float
    """Inches."""
    page_height: float
    lines_per_page: int
    top_margin: float = 1.0
    """Top of the first line slot, inches from the top edge."""
    left_margin: float = 1.5
    right_margin: float = 1.0
    font_size: float = 12.0
    chars_per_inch: float = 10.0
    lines_per_inch: float = 6.0
    page_number_top: float = 0.5
    """Top of the page number's line, inches from the top edge."""
    page_number_right: float = 7.5
    """Right edge of the page number, inches from the left edge."""
    scene_number_left: float = 0.75
    scene_number_right: float = 7.6
    more_left: float = 3.5
    """``(MORE)`` prints at the character cue's indent."""
    dual_left_base: float = 1.5
    dual_right_base: float = 4.6
    dual_column_width: float = 2.9
    """Each dual-dialogue column: dialogue spans the whole column, cue and parenthetical
    keep their single-column offsets scaled to this width."""
    title_top_fraction: float = 0.35
    """The title block starts this far down the page (upper middle)."""
    styles: Mapping[ElementType, ElementStyle] = field(default_factory=lambda: _styles(2))

    # Derived measures -------------------------------------------------------------------
    @property
    def char_width(self) -> float:
        """Inches per character."""
        return 1.0 / self.chars_per_inch

    @property
    def line_height(self) -> float:
        """Inches per line."""
        return 1.0 / self.lines_per_inch

    def style(self, kind: ElementType) -> ElementStyle:
        return self.styles[kind]

    def width_chars(self, kind: ElementType) -> int:
        """How many characters fit in the element's column (60 for action)."""
        style = self.styles[kind]
        return int((style.right - style.left) * self.chars_per_inch + 1e-9)

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
        return replace(self, styles=_styles(count))

    def dual_column(self, side: Literal["left", "right"], kind: ElementType) -> tuple[float, int]:
        """Left edge (inches) and width (characters) of ``kind`` in a dual-dialogue column.

        The single-column speech runs from the dialogue's left edge; each element keeps its
        offset and width in proportion to the dialogue width, scaled to the column.
        """
        base = self.dual_left_base if side == "left" else self.dual_right_base
        dialogue = self.styles[ElementType.DIALOGUE]
        style = self.styles[kind]
        scale = self.dual_column_width / (dialogue.right - dialogue.left)
        offset = (style.left - dialogue.left) * scale
        if kind is ElementType.CHARACTER:
            width = self.dual_column_width - offset
        else:
            width = min(style.right - style.left, dialogue.right - dialogue.left) * scale
        # Snap to whole characters so that the monospace grid holds.
        left = round((base + offset) * self.chars_per_inch) / self.chars_per_inch
        return left, max(8, int(width * self.chars_per_inch + 1e-9))


LETTER = Layout(name="letter", page_width=8.5, page_height=11.0, lines_per_page=55)
A4 = Layout(name="a4", page_width=210 / 25.4, page_height=297 / 25.4, lines_per_page=57)

PROFILES: Mapping[str, Layout] = MappingProxyType({"letter": LETTER, "a4": A4})

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


def layout_for(paper: str | None = None, *, heading_blanks: int | None = None) -> Layout:
    """The profile named ``paper`` (``letter``/``a4``), or the locale's when None."""
    key = (paper or paper_for_locale()).strip().casefold()
    if key in ("us", "usletter", "us-letter"):
        key = "letter"
    profile = PROFILES.get(key)
    if profile is None:
        raise ReelwrightError(f"unknown paper size {paper!r}: choose letter or a4")
    if heading_blanks is not None and heading_blanks != profile.heading_blanks:
        profile = profile.with_heading_blanks(heading_blanks)
    return profile
