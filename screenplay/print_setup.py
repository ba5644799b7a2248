"""The print setup: the one owner of paper, profile, scene numbers and print options.

Everything that counts or draws pages reads one :class:`PrintSetup`: the editor's page
rules, the analysis behind the navigator and the status bar, ``stats``, and every exporter.
What it adds to the sheets without moving a line (revision marks, revised pages only,
coloured-paper hints, the title page's draft date and rounds, watermark, header, footer)
is in it too, read by ``page_plan`` for the PDF and the print preview alike.
The desktop builds it from the writer's preferences (:func:`PrintSetup.from_settings`), the
command line from its flags; :meth:`PrintSetup.for_script` then adds what the script's own
title page asks for, so a script carrying JumpCut's ``fmt:`` key prints as its writer set
it wherever it is opened.

``fmt:`` options read (case-insensitive, any order; geometry after templates), as JumpCut
documents them:

- templates: ``multicam`` (the multi-camera columns, double-spaced dialogue), ``a4``;
- style: ``bsh``/``bold-scene-headings``, ``ush``/``underline-scene-headings``,
  ``acat``/``all-caps-action``, ``ssbsh``/``single-space-before-scene-headings``,
  ``dsd``/``double-spaced-dialogue``, ``no-auto-act-breaks``, ``clean-dashes``;
- geometry: ``dl-X`` and ``dr-X`` (dialogue left and right edges, inches), ``tm-X``,
  ``bm-X`` (top and bottom margins), ``lpp-N`` (lines per page);
- ``balanced``, ``cfd``, ``allow-lowercase-title``, ``no-dual-contds`` and anything else
  are accepted and change nothing here.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any, Literal

from reelwright.screenplay.elements import ElementType, Script
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.layout import (
    A4,
    PROFILE_NAMES,
    Layout,
    layout_for,
    multicam_geometry,
    paper_name,
)

SceneNumbers = Literal["none", "left", "right", "both"]
SCENE_NUMBER_CHOICES: tuple[SceneNumbers, ...] = ("none", "left", "right", "both")

SETTINGS_KEYS = MappingProxyType(
    {
        "paper": "editor/paper",
        "heading_blanks": "editor/heading_blanks",
        "scene_numbers": "export/scene_numbers",
        "profile": "print/profile",
        "print_notes": "print/notes",
        "print_sections": "print/sections",
        "contd_after_action": "print/contd_after_action",
    }
)
"""Which preference holds each field that shapes the pages (the desktop's ``settings.OPTIONS``
declares them; the window paginates again when one changes)."""

SHEET_SETTINGS_KEYS = MappingProxyType(
    {
        "revision_marks": "print/revision_marks",
        "revision_colour": "print/revision_colour",
        "title_revisions": "print/title_revisions",
        "watermark": "print/watermark",
        "header": "print/header",
        "footer": "print/footer",
    }
)
"""Which preference holds each field that only adds to the sheets (marks, colours, text in
the margins): read for printing and exporting, never for counting pages."""

RevisionColour = Literal["none", "tint", "band"]
REVISION_COLOUR_CHOICES: tuple[RevisionColour, ...] = ("none", "tint", "band")

_FMT_NUMBER = re.compile(r"^(dl|dr|tm|bm|hm|fm|lpp)-(\d+(?:\.\d+)?)$")
_FMT_ALIASES = {
    "bold-scene-headings": "bsh",
    "underline-scene-headings": "ush",
    "all-caps-action": "acat",
    "single-space-before-scene-headings": "ssbsh",
    "double-spaced-dialogue": "dsd",
    "courier-final-draft": "cfd",
}


@dataclass(frozen=True, slots=True)
class PrintSetup:
    """What the writer chose to print, and on what. Defaults are Final Draft's."""

    paper: str | None = None
    """``letter`` or ``a4``; None follows the locale."""
    profile: str = "screenplay"
    """``screenplay`` (Final Draft's feature template) or ``multicam`` (its multi-camera
    template: double-spaced dialogue, action and headings in capitals, underlined headings,
    each scene on a new page)."""
    scene_numbers: SceneNumbers = "none"
    heading_blanks: int | None = None
    """Blank lines before scene headings (1 or 2); None keeps the profile's (2)."""
    print_notes: bool = False
    print_sections: bool = False
    """Sections and synopses."""
    first_page_number: int = 1
    contd_after_action: bool = True
    """Mark a cue ``(CONT'D)`` when its speaker spoke last, with only action between."""
    more: str = "(MORE)"
    contd: str = "(CONT'D)"
    fmt: tuple[str, ...] = ()
    """The script's own ``fmt:`` options (lower case), set by :meth:`for_script`."""

    # What is added to the sheets (the pages stay as they are) -------------------------------
    revision_marks: bool = True
    """Print the revision mark (``*``) in the right margin beside each changed line."""
    revised_only: bool = False
    """Print only the pages revised in the current round (and the title page), the pages a
    production office issues; False prints the whole script."""
    revision_colour: RevisionColour = "none"
    """Coloured-paper hints on revised pages, in the colour of the page's latest round:
    ``tint`` colours the whole page, ``band`` puts a band naming the colour across its top
    (for copies printed on white paper); ``none`` leaves the colour to the paper."""
    title_revisions: bool = True
    """List the revision rounds and their dates on the title page, under the draft date."""
    draft_date: str = ""
    """The draft date on the title page, in place of the script's own ``Draft date``."""
    watermark: str = ""
    """Printed large and faint across every page (say the recipient's name)."""
    header: str = ""
    """Printed at the top left of every page but the title page."""
    footer: str = ""
    """Printed at the foot of every page but the title page, centred."""

    def __post_init__(self) -> None:
        if self.profile not in PROFILE_NAMES:
            raise ReelwrightError(
                f"unknown layout profile {self.profile!r}: choose screenplay or multicam"
            )
        if self.scene_numbers not in SCENE_NUMBER_CHOICES:
            raise ReelwrightError(
                f"unknown scene-number position {self.scene_numbers!r}: "
                "choose none, left, right or both"
            )
        if self.heading_blanks not in (None, 1, 2):
            raise ReelwrightError("blank lines before scene headings must be 1 or 2")
        if self.first_page_number < 0:
            raise ReelwrightError("the first page number must be 0 or more")
        if self.revision_colour not in REVISION_COLOUR_CHOICES:
            raise ReelwrightError(
                f"unknown revision colour hint {self.revision_colour!r}: choose none, tint or band"
            )
        for name in ("watermark", "header", "footer", "draft_date"):
            value = getattr(self, name)
            if any(ord(char) < 32 for char in value):
                clean = " ".join("".join(" " if ord(c) < 32 else c for c in value).split())
                object.__setattr__(self, name, clean)  # one line of text, whatever came in

    # Building ------------------------------------------------------------------------------
    @classmethod
    def from_settings(cls, get: Callable[[str], Any], *, sheet: bool = False) -> PrintSetup:
        """The setup the writer's preferences describe; ``get(key)`` reads one preference
        (the desktop's ``Settings.get``). ``sheet``: with what the preferences add to the
        sheets too (marks, colour hints, watermark, header, footer: for printing and
        exporting; counting pages needs none of it)."""
        keys = {**SETTINGS_KEYS, **SHEET_SETTINGS_KEYS} if sheet else SETTINGS_KEYS
        values = {name: get(key) for name, key in keys.items()}
        values["paper"] = values["paper"] or None
        return cls(**values)

    def for_page_lock(self, paper: str, heading_blanks: int) -> PrintSetup:
        """This setup for pages locked on ``paper`` with ``heading_blanks``: what the writer
        left to the locale or the profile follows the lock, so the locked pages print as
        they were locked."""
        changes: dict[str, Any] = {}
        if self.paper is None and "a4" not in self.fmt and paper != self.paper_name:
            changes["paper"] = paper
        if self.heading_blanks is None and heading_blanks != self.layout.heading_blanks:
            changes["heading_blanks"] = heading_blanks
        return replace(self, **changes) if changes else self

    def for_script(self, script: Script) -> PrintSetup:
        """This setup with what ``script``'s title page asks for (its ``fmt:`` key)."""
        value = script.title_value("fmt")
        tokens = tuple(value.casefold().split()) if value else ()
        return self if tokens == self.fmt else replace(self, fmt=tokens)

    # What the pagination reads ---------------------------------------------------------------
    @property
    def paper_name(self) -> str:
        """``letter`` or ``a4``, the locale's when the writer chose none."""
        if "a4" in self.fmt:
            return "a4"
        return paper_name(self.paper)

    @property
    def layout(self) -> Layout:
        return _layout(self.paper_name, self.profile, self.heading_blanks, self.fmt)

    @property
    def options(self) -> Any:
        """The :class:`~reelwright.screenplay.pagination.PrintOptions` of this setup."""
        from reelwright.screenplay.pagination import PrintOptions

        return PrintOptions(
            scene_numbers=self.scene_numbers,
            print_notes=self.print_notes,
            print_sections=self.print_sections,
            more=self.more,
            contd=self.contd,
            first_page_number=self.first_page_number,
            contd_after_action=self.contd_after_action,
        )


@functools.lru_cache(maxsize=64)
def _layout(paper: str, profile: str, heading_blanks: int | None, fmt: tuple[str, ...]) -> Layout:
    """The layout of a setup (cached: the profile objects are immutable)."""
    layout = layout_for(paper, profile=profile)
    if fmt:
        layout = apply_fmt(layout, fmt)
    if heading_blanks is not None and "ssbsh" not in _canonical(fmt):
        layout = layout.with_heading_blanks(heading_blanks)
    return layout


def _canonical(tokens: tuple[str, ...]) -> list[str]:
    return [_FMT_ALIASES.get(token, token) for token in tokens]


def apply_fmt(layout: Layout, tokens: tuple[str, ...]) -> Layout:
    """``layout`` with JumpCut's ``fmt:`` options applied: templates first, then styles and
    geometry, so that the writer's numbers win whatever their order."""
    t = ElementType
    options = _canonical(tokens)
    styles = dict(layout.styles)
    changes: dict[str, Any] = {}
    if "a4" in options and layout.name != "a4":
        changes.update(
            name="a4",
            page_width=A4.page_width,
            page_height=A4.page_height,
            lines_per_page=A4.lines_per_page,
        )
    if "multicam" in options:
        multicam_geometry(styles)
    for option in options:
        if option == "bsh":
            styles[t.SCENE_HEADING] = replace(styles[t.SCENE_HEADING], bold=True)
        elif option == "ush":
            styles[t.SCENE_HEADING] = replace(styles[t.SCENE_HEADING], underline=True)
        elif option == "acat":
            styles[t.ACTION] = replace(styles[t.ACTION], uppercase=True)
        elif option == "ssbsh":
            styles[t.SCENE_HEADING] = replace(styles[t.SCENE_HEADING], blank_before=1)
        elif option == "dsd":
            styles[t.DIALOGUE] = replace(styles[t.DIALOGUE], line_spacing=2)
        elif option == "no-auto-act-breaks":
            changes["act_breaks"] = False
        elif option == "clean-dashes":
            changes["dash_breaks"] = False
    page_height = changes.get("page_height", layout.page_height)
    lines_default = changes.get("lines_per_page", layout.lines_per_page)
    top = layout.top_margin
    bottom = page_height - top - lines_default * layout.line_height
    margins = False
    lines: int | None = None
    for option in options:
        match = _FMT_NUMBER.match(option)
        if not match:
            continue
        name, number = match.group(1), float(match.group(2))
        if name == "dl" and number < styles[t.DIALOGUE].right:
            styles[t.DIALOGUE] = replace(styles[t.DIALOGUE], left=number)
        elif name == "dr" and number > styles[t.DIALOGUE].left:
            styles[t.DIALOGUE] = replace(styles[t.DIALOGUE], right=number)
        elif name in ("tm", "bm") and number < page_height / 3:
            top, bottom = (number, bottom) if name == "tm" else (top, number)
            margins = True
        elif name == "lpp" and 10 <= number <= 200:
            lines = int(number)
    if lines is None:
        height = (page_height - top - bottom) / layout.line_height
        lines = max(10, math.floor(height + 1e-6)) if margins else lines_default
    changes["top_margin"] = top
    changes["lines_per_page"] = lines
    return replace(layout, styles=MappingProxyType(styles), **changes)


__all__ = [
    "REVISION_COLOUR_CHOICES",
    "SCENE_NUMBER_CHOICES",
    "SETTINGS_KEYS",
    "SHEET_SETTINGS_KEYS",
    "PrintSetup",
    "RevisionColour",
    "SceneNumbers",
    "apply_fmt",
]
