"""Production reports: scenes, cast, locations, and the numbers behind the charts.

Qt-free; the Reports window, ``reelwright report`` and the PDF/CSV exporters read one
:class:`ScriptReport`. Headings are split and cues named by ``screenplay.stats`` (one rule
for the whole program); pages and lengths come from the shared pagination, so a scene's
length in eighths of a page is measured on the pages the PDF prints.

Lengths follow the production convention: a page is eight eighths; a scene's length is
the line slots it takes on the printed pages (from its heading to the next heading, white
space at a page foot included), in eighths rounded to the nearest, and never less than
one eighth.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reelwright.screenplay import vocabulary
from reelwright.screenplay.elements import ElementType, Script
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.layout import Layout
from reelwright.screenplay.outline import build_outline
from reelwright.screenplay.pagination import Pagination, paginate
from reelwright.screenplay.stats import count_words, cue_name, printed, split_heading

T = ElementType

DAY = "Day"
NIGHT = "Night"
DAWN_DUSK = "Dawn/Dusk"
UNSPECIFIED = "Unspecified"
PERIODS = (DAY, NIGHT, DAWN_DUSK, UNSPECIFIED)
"""Day/night categories, in the order charts show them."""

_PERIOD_NAMES = {
    vocabulary.DAY: DAY,
    vocabulary.NIGHT: NIGHT,
    vocabulary.DAWN_DUSK: DAWN_DUSK,
}
"""The vocabulary's periods (``vocabulary.time_period``) as the reports name them."""

SETTINGS = ("INT", "EXT", "INT/EXT", UNSPECIFIED)
"""Interior/exterior categories, in the order charts show them (EST counts as EXT)."""

OTHERS = "Others"

PERIOD_COLORS = {DAY: "#f2c14e", NIGHT: "#2e4a7d", DAWN_DUSK: "#e07a3f", UNSPECIFIED: "#a8a8a8"}
SETTING_COLORS = {"INT": "#6a8caf", "EXT": "#7fb069", "INT/EXT": "#c78fd1", UNSPECIFIED: "#a8a8a8"}
SPEAKER_COLOR = "#4a6fa5"
"""Chart colours, the same in the Reports window and the PDF."""
KINDS = ("scenes", "cast", "locations")
"""The tables: one CSV file each, one tab each in the Reports window."""


def period_of(time_of_day: str, previous: str = UNSPECIFIED) -> str:
    """Day, Night, Dawn/Dusk or Unspecified for a heading's time (the vocabulary's rule:
    ``NIGHT``, ``LATER THAT NIGHT``, ``夜``, ``黄昏``); CONTINUOUS, LATER, 同时 and the like
    inherit ``previous`` (the scene before's period)."""
    period = vocabulary.time_period(time_of_day)
    if period == vocabulary.CARRIED:
        return previous
    return _PERIOD_NAMES.get(period or "", UNSPECIFIED)


def setting_of(int_ext: str) -> str:
    if int_ext == "EST":
        return "EXT"
    return int_ext if int_ext in SETTINGS else UNSPECIFIED


def format_eighths(eighths: int) -> str:
    """``11`` -> ``1 3/8``; ``8`` -> ``1``; ``3`` -> ``3/8``."""
    pages, rest = divmod(eighths, 8)
    if not rest:
        return str(pages)
    if not pages:
        return f"{rest}/8"
    return f"{pages} {rest}/8"


@dataclass(frozen=True, slots=True)
class SceneRow:
    number: str
    """As written in the heading (``#12A#``) or counted from 1."""
    heading: str
    int_ext: str
    location: str
    time_of_day: str
    period: str
    """Day, Night, Dawn/Dusk or Unspecified."""
    page: int
    eighths: int
    characters: tuple[str, ...]
    """Speakers first, then characters named in the action."""
    speakers: tuple[str, ...]
    synopsis: str
    line: int
    """0-based source line of the heading."""
    words: int
    dialogue_words: int


@dataclass(frozen=True, slots=True)
class CastRow:
    name: str
    speeches: int
    words: int
    """Words spoken (dialogue and lyrics)."""
    share: float
    """Of all the words spoken in the script, 0..1."""
    scenes: int
    """Scenes the character speaks in or is named in."""
    speaking_scenes: int
    first_scene: str
    """The number of the scene of the first appearance ("" before any heading)."""
    first_page: int
    first_line: int


@dataclass(frozen=True, slots=True)
class LocationRow:
    name: str
    settings: tuple[str, ...]
    """INT, EXT, INT/EXT as they occur."""
    times: tuple[str, ...]
    """Times of day as written, in order of first use."""
    periods: tuple[str, ...]
    scenes: int
    eighths: int
    first_scene: str


@dataclass(frozen=True, slots=True)
class Share:
    label: str
    value: float
    count: int = 0


@dataclass(slots=True)
class ScriptReport:
    title: str
    pages: int
    words: int
    scenes: list[SceneRow] = field(default_factory=list)
    cast: list[CastRow] = field(default_factory=list)
    locations: list[LocationRow] = field(default_factory=list)
    paper: str = "letter"

    @property
    def total_eighths(self) -> int:
        return sum(scene.eighths for scene in self.scenes)

    def dialogue_share(self, top: int = 8) -> list[Share]:
        """Who speaks how much: words per speaker, the rest as "Others"."""
        shares = [Share(c.name, c.words, c.speeches) for c in self.cast if c.words or c.speeches]
        if len(shares) > top:
            rest = shares[top - 1 :]
            others = Share(OTHERS, sum(s.value for s in rest), sum(s.count for s in rest))
            shares = [*shares[: top - 1], others]
        return shares

    def period_share(self) -> list[Share]:
        """Day/night: eighths of a page (value) and scenes (count) per period."""
        return self._share(PERIODS, lambda scene: scene.period)

    def setting_share(self) -> list[Share]:
        """INT/EXT: eighths (value) and scenes (count) per setting."""
        return self._share(SETTINGS, lambda scene: setting_of(scene.int_ext))

    def _share(self, order: Sequence[str], key: object) -> list[Share]:
        eighths = dict.fromkeys(order, 0)
        counts = dict.fromkeys(order, 0)
        for scene in self.scenes:
            label = key(scene)  # type: ignore[operator]
            eighths[label] += scene.eighths
            counts[label] += 1
        return [Share(label, eighths[label], counts[label]) for label in order if counts[label]]

    def to_json(self) -> dict[str, object]:
        from dataclasses import asdict

        return {
            "title": self.title,
            "pages": self.pages,
            "words": self.words,
            "scenes": [asdict(s) for s in self.scenes],
            "cast": [asdict(c) for c in self.cast],
            "locations": [asdict(loc) for loc in self.locations],
        }


def _mention_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    """Names as they are written in action: upper case (``MAYA``) or capitalised (``Maya``),
    whole words (a Chinese or Japanese name inside its sentence: 张伟赶到医院), the longest
    name first (张伟明 is not 张伟)."""
    forms: set[str] = set()
    for name in names:
        if not any(ch.isalpha() for ch in name):
            continue
        forms.add(name)
        forms.add(" ".join(part[:1] + part[1:].lower() for part in name.split(" ")))
    if not forms:
        return None
    alternatives = "|".join(
        vocabulary.bounded(re.escape(form), form) for form in sorted(forms, key=len, reverse=True)
    )
    return re.compile(rf"(?<!['’])(?:{alternatives})")


def _scene_slots(pagination: Pagination, heading_elements: list[int]) -> list[int]:
    """Line slots each scene takes on the printed pages (see the module docstring)."""
    slots = [0] * len(heading_elements)
    per_page = pagination.layout.lines_per_page
    last_page = len(pagination.pages) - 1
    for page_index, page in enumerate(pagination.pages):
        firsts: list[tuple[int, int]] = []  # (slot, scene) where a scene starts or goes on
        for line in page.lines:
            if line.element_index is None:
                continue
            scene = bisect.bisect_right(heading_elements, line.element_index) - 1
            if firsts and firsts[-1][1] == scene:
                continue
            if not firsts and scene >= 0:
                firsts.append((0, scene))  # the page's top belongs to its first scene
            elif scene >= 0:
                firsts.append((line.slot, scene))
            else:
                firsts.append((line.slot, -1))  # lines before the first heading
        # The page's height, not more: a ``(MORE)`` may stand in the margin below it.
        page_end = min(page.used_slots, per_page) if page_index == last_page else per_page
        for position, (slot, scene) in enumerate(firsts):
            if scene < 0:
                continue
            end = firsts[position + 1][0] if position + 1 < len(firsts) else page_end
            slots[scene] += max(0, end - slot)
    return slots


@dataclass(slots=True)
class _Place:
    first_scene: str
    settings: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)
    scenes: int = 0
    eighths: int = 0


def build_report(
    script: Script,
    layout: Layout | None = None,
    pagination: Pagination | None = None,
) -> ScriptReport:
    """Every report of ``script``; pass the pagination when it is at hand (the editor's
    analysis has one), else it is computed with ``layout``."""
    if pagination is None:
        pagination = paginate(script, layout)
    outline = build_outline(script)
    elements = script.elements
    heading_elements = [scene.element_index for scene in outline.scenes]
    title = " ".join(printed(script.title_value("title") or "").split())
    report = ScriptReport(
        title=title or "Untitled",
        pages=pagination.page_count if elements else 0,
        words=0,
        paper=pagination.layout.name,
    )
    lengths = _scene_slots(pagination, heading_elements) if heading_elements else []
    per_page = pagination.layout.lines_per_page

    # One walk over the elements: speeches, words and who is where.
    speeches: dict[str, int] = {}
    spoken: dict[str, int] = {}
    first_seen: dict[str, tuple[int, int]] = {}  # name -> (scene index or -1, line)
    scene_speakers: list[list[str]] = [[] for _ in heading_elements]
    scene_action: list[list[str]] = [[] for _ in heading_elements]
    scene_words = [0] * len(heading_elements)
    scene_dialogue = [0] * len(heading_elements)
    speaker: str | None = None
    total = 0
    for index, element in enumerate(elements):
        kind = element.type
        if kind in (T.NOTE, T.SECTION, T.SYNOPSIS, T.PAGE_BREAK):
            continue
        scene = bisect.bisect_right(heading_elements, index) - 1
        text = printed(element.text)
        words = count_words(text)
        total += words
        if scene >= 0:
            scene_words[scene] += words
        if kind is T.CHARACTER:
            speaker = cue_name(element.text)
            if not speaker:
                speaker = None
                continue
            speeches[speaker] = speeches.get(speaker, 0) + 1
            spoken.setdefault(speaker, 0)
            first_seen.setdefault(speaker, (scene, element.start_line))
            if scene >= 0 and speaker not in scene_speakers[scene]:
                scene_speakers[scene].append(speaker)
        elif kind in (T.DIALOGUE, T.LYRICS) and speaker is not None:
            spoken[speaker] += words
            if scene >= 0:
                scene_dialogue[scene] += words
        elif kind is not T.PARENTHETICAL:
            speaker = None
            if kind in (T.ACTION, T.CENTERED) and scene >= 0:
                scene_action[scene].append(text)
    report.words = total

    names = sorted(speeches)
    pattern = _mention_pattern(names)
    canonical = {}
    for name in names:
        canonical[name] = name
        canonical[" ".join(p[:1] + p[1:].lower() for p in name.split(" "))] = name
    present: list[list[str]] = []
    for scene_index, texts in enumerate(scene_action):
        here = list(scene_speakers[scene_index])
        if pattern is not None:
            for text in texts:
                for match in pattern.finditer(text):
                    found = canonical.get(match.group(0))
                    if found and found not in here:
                        here.append(found)
        present.append(here)
    for scene_index, here in enumerate(present):
        line = outline.scenes[scene_index].start_line
        for name in here:
            if name not in first_seen or first_seen[name][0] > scene_index:
                first_seen[name] = (scene_index, line)

    previous_period = UNSPECIFIED
    for scene_index, scene in enumerate(outline.scenes):
        element = elements[scene.element_index]
        int_ext, location, time_of_day = split_heading(element.text)
        period = period_of(time_of_day, previous_period)
        if not time_of_day:  # ``INT. HOME, THE NEXT MORNING``: the last part may say it
            last = re.split(r",|\s+-+\s+", location)[-1]
            if last != location and period_of(last) in (DAY, NIGHT, DAWN_DUSK):
                period = period_of(last)
        previous_period = period
        eighths = max(1, round(lengths[scene_index] * 8 / per_page))
        report.scenes.append(
            SceneRow(
                number=scene.number,
                heading=scene.heading,
                int_ext=int_ext,
                location=location,
                time_of_day=time_of_day,
                period=period,
                page=pagination.scene_pages.get(scene.element_index, 0),
                eighths=eighths,
                characters=tuple(present[scene_index]),
                speakers=tuple(scene_speakers[scene_index]),
                synopsis=scene.synopsis,
                line=scene.start_line,
                words=scene_words[scene_index],
                dialogue_words=scene_dialogue[scene_index],
            )
        )

    all_spoken = sum(spoken.values())
    for name in names:
        scenes_in = [i for i, here in enumerate(present) if name in here]
        scene_index, line = first_seen.get(name, (-1, 0))
        report.cast.append(
            CastRow(
                name=name,
                speeches=speeches[name],
                words=spoken[name],
                share=spoken[name] / all_spoken if all_spoken else 0.0,
                scenes=len(scenes_in),
                speaking_scenes=sum(1 for here in scene_speakers if name in here),
                first_scene=report.scenes[scene_index].number if scene_index >= 0 else "",
                first_page=pagination.page_of_line(line) if elements else 0,
                first_line=line,
            )
        )
    report.cast.sort(key=lambda c: (-c.words, -c.speeches, c.first_line, c.name))

    places: dict[str, _Place] = {}
    for row in report.scenes:
        place = places.setdefault(row.location or row.heading, _Place(row.number))
        for values, value in (
            (place.settings, setting_of(row.int_ext)),
            (place.times, row.time_of_day),
            (place.periods, row.period),
        ):
            if value and value not in values:
                values.append(value)
        place.scenes += 1
        place.eighths += row.eighths
    for name, place in places.items():
        report.locations.append(
            LocationRow(
                name=name,
                settings=tuple(place.settings),
                times=tuple(place.times),
                periods=tuple(place.periods),
                scenes=place.scenes,
                eighths=place.eighths,
                first_scene=place.first_scene,
            )
        )
    report.locations.sort(key=lambda loc: (-loc.eighths, -loc.scenes, loc.name))
    return report


def report_table(report: ScriptReport, kind: str) -> tuple[list[str], list[list[object]]]:
    """The header and rows of one report (``scenes``, ``cast`` or ``locations``): the columns
    the Reports window, the CSV and the PDF show."""
    if kind == "scenes":
        header = [
            "Scene",
            "Heading",
            "INT/EXT",
            "Location",
            "Time",
            "Day/Night",
            "Page",
            "Length",
            "Eighths",
            "Characters",
            "Synopsis",
            "Words",
        ]
        rows: list[list[object]] = [
            [
                s.number,
                s.heading,
                s.int_ext,
                s.location,
                s.time_of_day,
                s.period,
                s.page,
                format_eighths(s.eighths),
                s.eighths,
                ", ".join(s.characters),
                s.synopsis,
                s.words,
            ]
            for s in report.scenes
        ]
    elif kind == "cast":
        header = [
            "Character",
            "Speeches",
            "Words",
            "Dialogue share %",
            "Scenes",
            "Speaking scenes",
            "First scene",
            "First page",
        ]
        rows = [
            [
                c.name,
                c.speeches,
                c.words,
                f"{c.share * 100:.1f}",
                c.scenes,
                c.speaking_scenes,
                c.first_scene,
                c.first_page,
            ]
            for c in report.cast
        ]
    elif kind == "locations":
        header = [
            "Location",
            "INT/EXT",
            "Times",
            "Day/Night",
            "Scenes",
            "Pages",
            "Eighths",
            "First scene",
        ]
        rows = [
            [
                loc.name,
                " / ".join(loc.settings),
                " / ".join(loc.times),
                " / ".join(loc.periods),
                loc.scenes,
                format_eighths(loc.eighths),
                loc.eighths,
                loc.first_scene,
            ]
            for loc in report.locations
        ]
    else:
        raise ReelwrightError(f"there is no {kind!r} report; choose {', '.join(KINDS)}")
    return header, rows
