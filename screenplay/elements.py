"""The screenplay element model: what the parser produces and everything else reads.

Lines are counted from 0 and ranges are half-open (``start_line`` included, ``end_line``
excluded), so an element covers ``lines[start_line:end_line]`` of the source text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ElementType(StrEnum):
    SCENE_HEADING = "scene_heading"
    ACTION = "action"
    CHARACTER = "character"
    PARENTHETICAL = "parenthetical"
    DIALOGUE = "dialogue"
    TRANSITION = "transition"
    CENTERED = "centered"
    LYRICS = "lyrics"
    SECTION = "section"
    SYNOPSIS = "synopsis"
    NOTE = "note"
    PAGE_BREAK = "page_break"


class RegionKind(StrEnum):
    """Source lines that belong to no element."""

    TITLE_PAGE = "title_page"
    BLANK = "blank"
    BONEYARD = "boneyard"


@dataclass(frozen=True, slots=True)
class Element:
    """One screenplay element.

    ``text`` is the printable text: markup characters that force or mark the element
    (``@ ! . > < ~ # = ^`` and ``#1A#`` scene numbers) are removed, emphasis markers
    (``* ** _``) and backslash escapes are kept. Multi-line elements join their lines
    with ``\\n``. Inline notes (``[[...]]``) stay in the text; exporters decide whether
    to print them.
    """

    type: ElementType
    text: str
    start_line: int
    end_line: int
    scene_number: str | None = None
    """Scene headings: the number written as ``#12A#``, without the ``#``."""
    depth: int = 0
    """Sections: the number of ``#``."""
    dual: bool = False
    """Characters: this cue opens the right-hand side of dual dialogue (``^``)."""
    forced: bool = False
    """The element was forced by a markup character rather than recognised."""
    marks: str = ""
    """Full-width markup the writer typed for this element (``＠`` for ``＠约翰``, ``＾``,
    ``～``...), so that the script written back keeps it; empty for ASCII marks."""

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "type": str(self.type),
            "text": self.text,
            "line": self.start_line + 1,
        }
        if self.scene_number is not None:
            data["scene_number"] = self.scene_number
        if self.type is ElementType.SECTION:
            data["depth"] = self.depth
        if self.dual:
            data["dual"] = True
        return data


@dataclass(frozen=True, slots=True)
class Region:
    """Source lines outside every element: the title page, blank lines, boneyard."""

    kind: RegionKind
    start_line: int
    end_line: int


@dataclass(slots=True)
class Script:
    """A parsed screenplay."""

    title_page: dict[str, str] = field(default_factory=dict)
    """Each title-page key as written, mapped to its value; the lines of a multi-line
    value are joined with ``\\n``. Insertion order is the order in the file."""
    elements: list[Element] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    line_count: int = 0
    title_marks: dict[str, str] = field(default_factory=dict)
    """Title-page keys written with the full-width colon (``Title：电影``), mapped to it."""
    caseless_cues: bool | None = None
    """Whether names without letter case were read as cues (Chinese, Japanese scripts):
    the caller's choice, the title page's ``Caseless cues`` key or the script's letters;
    None when no line needed the answer."""

    def to_json(self) -> dict[str, object]:
        return {
            "title_page": dict(self.title_page),
            "elements": [e.to_json() for e in self.elements],
        }

    def title_value(self, key: str) -> str | None:
        """A title-page value looked up without regard to case (``Draft date``)."""
        wanted = key.casefold()
        for name, value in self.title_page.items():
            if name.casefold() == wanted:
                return value
        return None
