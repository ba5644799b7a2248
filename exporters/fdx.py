"""Final Draft (FDX) export and import.

An FDX file is XML, and the ones we import come from strangers: it is parsed with
defusedxml, which refuses entity declarations (the "billion laughs" bomb) and external
entities, and every refusal becomes one clear sentence for the writer.

What survives Fountain -> FDX -> Fountain: element types, text and emphasis, dual
dialogue, scene numbers, forced page breaks, the title page. Types Final Draft has no
name for (sections, synopses, notes, lyrics) are written as paragraphs of their own type,
which Final Draft shows with its default style and which this importer reads back.

Nothing an imported file says is trusted to be what Fountain can hold: a scene number is
kept only if Fountain reads it back as one (of any length), a section ``Level`` is a
whole number from 1 to ``MAX_SECTION_LEVEL`` (``999999999`` would have been a gigabyte of
``#``), and a title-page key becomes one Fountain can write (one line, no colon; one that does not
start with a letter goes into the notes with its value), so that the Fountain export
never merges two entries.

Production drafts travel as Final Draft keeps them. Revision marks are ``RevisionID``
attributes of the ``<Text>`` runs (a run is split where a mark begins or ends), and the
rounds are ``<Revisions ActiveSet RevisionMode>`` with one ``<Revision ID Name Color
Mark PageColor>`` each (colours as Final Draft writes them, 16 bits a channel); a place
where words were removed is an empty run with its ``RevisionID``. Locked scene numbers
are the headings' ``Number`` attributes (under a lock every heading has its number
written and a dropped scene is an ``OMITTED`` heading, as Final Draft prints them); no
public Final Draft file shows a lock flag, so ``<SceneNumberOptions>`` carries
Reelwright's own ``ReelwrightLocked="Yes"`` beside Final Draft's attributes, and the
rounds their ``ReelwrightLevel`` and ``ReelwrightDate`` (a Final Draft round has no
date). Reading, a round is known by that level, else by its name (``Blue``, ``Double
Pink``), else by its place in the list; locked pages do not travel (Final Draft
paginates with its own engine).
"""

from __future__ import annotations

import itertools
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reelwright.screenplay.elements import Element, ElementType, Script
from reelwright.screenplay.emphasis import Span as EmphasisSpan
from reelwright.screenplay.emphasis import parse_emphasis
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.fileio import atomic_writer
from reelwright.screenplay.vocabulary import KNOWN_TITLE_KEYS, split_scene_number, title_key

if TYPE_CHECKING:
    from reelwright.screenplay.production_file import Draft
    from reelwright.screenplay.revisions import Round, Span

T = ElementType
FDX_TYPES: dict[ElementType, str] = {
    T.SCENE_HEADING: "Scene Heading",
    T.ACTION: "Action",
    T.CHARACTER: "Character",
    T.PARENTHETICAL: "Parenthetical",
    T.DIALOGUE: "Dialogue",
    T.TRANSITION: "Transition",
    T.CENTERED: "Action",
    T.LYRICS: "Lyrics",
    T.SECTION: "Section",
    T.SYNOPSIS: "Synopsis",
    T.NOTE: "Note",
}
IMPORT_TYPES: dict[str, ElementType] = {
    "scene heading": T.SCENE_HEADING,
    "shot": T.SCENE_HEADING,
    "action": T.ACTION,
    "general": T.ACTION,
    "cast list": T.ACTION,
    "character": T.CHARACTER,
    "parenthetical": T.PARENTHETICAL,
    "dialogue": T.DIALOGUE,
    "transition": T.TRANSITION,
    "lyrics": T.LYRICS,
    "section": T.SECTION,
    "synopsis": T.SYNOPSIS,
    "note": T.NOTE,
    "new act": T.SCENE_HEADING,
    "end of act": T.SCENE_HEADING,
}
TITLE_CENTRE = ("title", "credit", "author", "authors", "source")
KEY_ATTRIBUTE = "ReelwrightKey"
MAX_SECTION_LEVEL = 32
"""The deepest section an FDX file holds, written or read: an outline deeper than this is
no outline a writer keeps, and a ``Level`` from a file is a number of ``#`` to write."""
FALLBACK_TITLE_KEY = "Notes"
"""Where a title-page entry goes, as a ``key: value`` line, whose key Fountain cannot hold
(one that does not start with a letter)."""
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FOUNTAIN_MARKERS = re.compile(r"([\\*_])")
REVISION_LOCATION = "7.75"
"""Where Final Draft prints the revision mark (inches from the left edge; its default)."""
MAX_LEVEL = 999
"""The latest round a file may name (Reelwright's own level attribute is a number)."""
LOCKED_ATTRIBUTE = "ReelwrightLocked"
LETTERS_ATTRIBUTE = "ReelwrightLetters"
LEVEL_ATTRIBUTE = "ReelwrightLevel"
DATE_ATTRIBUTE = "ReelwrightDate"

LineMarks = list[tuple[int, int, int]]
"""Marks of one line of an element, in its plain text's columns: (start, end, level);
start == end is a place where words were removed."""


# Export -----------------------------------------------------------------------------------


def _add_text(
    paragraph: ET.Element,
    text: str,
    marks: list[LineMarks] | None = None,
    ids: Mapping[int, int] | None = None,
) -> None:
    """Emphasis markers become ``<Text Style="Bold+Italic+Underline">`` runs; with
    ``marks`` (one list a line of ``text``), runs are split where marks begin and end and
    carry their round's ``RevisionID`` (``ids``: level -> ID)."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        spans = parse_emphasis(line) if line else []
        ending = "\n" if number < len(lines) - 1 else ""
        line_marks = marks[number] if marks is not None and number < len(marks) else []
        pieces = _pieces(spans, line_marks)
        if not pieces:
            node = ET.SubElement(paragraph, "Text")
            node.text = ending
            continue
        for index, (piece, span, level) in enumerate(pieces):
            node = ET.SubElement(paragraph, "Text")
            styles = [
                name
                for name, on in (
                    ("Bold", span is not None and span.bold),
                    ("Italic", span is not None and span.italic),
                    ("Underline", span is not None and span.underline),
                )
                if on
            ]
            if styles:
                node.set("Style", "+".join(styles))
            if level is not None and ids is not None and level in ids:
                node.set("RevisionID", str(ids[level]))
            node.text = _XML_BAD.sub("", piece) + (ending if index == len(pieces) - 1 else "")


def _pieces(
    spans: list[EmphasisSpan], marks: LineMarks
) -> list[tuple[str, EmphasisSpan | None, int | None]]:
    """The line's styled spans cut where marks begin and end: (text, its span, the round
    marked on it, the latest where marks overlap). A removal mark is an empty piece at its
    place."""
    if not marks:
        return [(span.text, span, None) for span in spans]
    ranges = [(start, end, level) for start, end, level in marks if start < end]
    points = sorted((start, level) for start, end, level in marks if start == end)
    cuts = {x for start, end, _level in marks for x in (start, end)}
    out: list[tuple[str, EmphasisSpan | None, int | None]] = []
    position = 0
    for span in spans:
        begin, position = position, position + len(span.text)
        edges = [begin, *sorted(c for c in cuts if begin < c < position), position]
        for a, b in itertools.pairwise(edges):
            while points and points[0][0] <= a:
                out.append(("", None, points.pop(0)[1]))
            covering = [level for s, e, level in ranges if s <= a and b <= e]
            out.append((span.text[a - begin : b - begin], span, max(covering, default=None)))
    out.extend(("", None, level) for _at, level in points)
    return out


def _paragraph(
    parent: ET.Element,
    element: Element,
    new_page: bool,
    marks: list[LineMarks] | None = None,
    ids: Mapping[int, int] | None = None,
) -> ET.Element:
    paragraph = ET.SubElement(parent, "Paragraph", Type=FDX_TYPES[element.type])
    if element.type is T.CENTERED:
        paragraph.set("Alignment", "Center")
    if element.type is T.SCENE_HEADING and element.scene_number:
        paragraph.set("Number", element.scene_number)
    if element.type is T.SECTION:
        paragraph.set("Level", str(min(MAX_SECTION_LEVEL, max(1, element.depth))))
    if new_page:
        paragraph.set("StartsNewPage", "Yes")
    _add_text(paragraph, element.text, marks, ids)
    return paragraph


def _title_page(root: ET.Element, script: Script) -> None:
    content = ET.SubElement(ET.SubElement(root, "TitlePage"), "Content")
    for _ in range(18):
        ET.SubElement(content, "Paragraph", Alignment="Center")
    centre = [key for key in script.title_page if key.casefold() in TITLE_CENTRE]
    rest = [key for key in script.title_page if key.casefold() not in TITLE_CENTRE]
    for group, alignment in ((centre, "Center"), (rest, "Left")):
        for key in group:
            for line in script.title_page[key].split("\n"):
                paragraph = ET.SubElement(content, "Paragraph", Alignment=alignment)
                paragraph.set(KEY_ATTRIBUTE, _XML_BAD.sub("", key))  # XML cannot hold all
                _add_text(paragraph, line.strip())
            ET.SubElement(content, "Paragraph", Alignment=alignment)


def to_fdx(script: Script, draft: Draft | None = None) -> bytes:
    """The FDX document for ``script``; with ``draft`` (the text ``script`` was parsed
    from and its production data), revision marks, rounds and locked scene numbers too."""
    marks: dict[int, list[LineMarks]] = {}
    ids: dict[int, int] = {}
    production = None
    if draft is not None:
        exported = draft.for_export()
        if exported is not draft:
            from reelwright.screenplay.parser import parse

            script = parse(exported.body, caseless_cues=script.caseless_cues)
        production = exported.data
        marks = _element_marks(script, exported.body, production.revisions.marks)
        levels = {level for spans in marks.values() for line in spans for _s, _e, level in line}
        levels.update(r.level for r in production.revisions.rounds)
        ids = {level: number for number, level in enumerate(sorted(levels), start=1)}
    root = ET.Element("FinalDraft", DocumentType="Script", Template="No", Version="5")
    content = ET.SubElement(root, "Content")
    elements = script.elements
    new_page = False
    index = 0
    while index < len(elements):
        element = elements[index]
        if element.type is T.PAGE_BREAK:
            new_page = True
            index += 1
            continue
        if element.type is T.CHARACTER and _dual_follows(elements, index):
            end = _speech_end(elements, index)
            second_end = _speech_end(elements, end)
            holder = ET.SubElement(content, "Paragraph")
            if new_page:
                holder.set("StartsNewPage", "Yes")
                new_page = False
            dual = ET.SubElement(holder, "DualDialogue")
            for number in range(index, second_end):
                _paragraph(dual, elements[number], False, marks.get(number), ids)
            index = second_end
            continue
        _paragraph(content, element, new_page, marks.get(index), ids)
        new_page = False
        index += 1
    if script.title_page:
        _title_page(root, script)
    if production is not None:
        _production(root, production, ids)
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def _element_marks(
    script: Script, body: str, marks: Mapping[int, tuple[Span, ...]]
) -> dict[int, list[LineMarks]]:
    """Each marked element's marks, line by line, in the columns of its plain text."""
    from reelwright.screenplay.revisions import plain_offsets
    from reelwright.screenplay.textdiff import split_lines

    if not marks:
        return {}
    lines = split_lines(body)
    found: dict[int, list[LineMarks]] = {}
    for index, element in enumerate(script.elements):
        if not any(line in marks for line in range(element.start_line, element.end_line)):
            continue
        own_lines = element.text.split("\n")
        result: list[LineMarks] = []
        for number, own in enumerate(own_lines):
            source = element.start_line + number
            spans = marks.get(source, ())
            raw = lines[source] if source < len(lines) else ""
            offset = raw.find(own) if own else -1
            if not spans or offset < 0:
                result.append([])
                continue
            columns = plain_offsets(own)
            line_marks: LineMarks = []
            for span in spans:
                start = min(max(span.start - offset, 0), len(own))
                end = min(max(span.end - offset, 0), len(own))
                line_marks.append((columns[start], columns[end], span.level))
            result.append(line_marks)
        if any(result):
            found[index] = result
    return found


def _hex16(colour: str) -> str:
    """``#1a5fb4`` as Final Draft writes colours: 16 bits a channel (``#1A1A5F5FB4B4``)."""
    digits = colour.lstrip("#").upper()
    return "#" + "".join(digits[i : i + 2] * 2 for i in range(0, 6, 2))


def _production(root: ET.Element, data: object, ids: Mapping[int, int]) -> None:
    """``<Revisions>`` and, under a scene-number lock, ``<SceneNumberOptions>``."""
    from reelwright.screenplay.production_file import ProductionData
    from reelwright.screenplay.revisions import MARK
    from reelwright.screenplay.scene_lock import LETTERS

    assert isinstance(data, ProductionData)
    if ids:
        current = data.revisions.current
        active = ids[current.level] if current is not None else max(ids.values())
        revisions = ET.SubElement(
            root,
            "Revisions",
            ActiveSet=str(active),
            Location=REVISION_LOCATION,
            RevisionMode="Yes" if data.marking_level is not None else "No",
            RevisionsShown="All",
            ShowAllMarks="No",
            ShowAllSets="No",
            ShowPageColor="No",
        )
        for level, number in sorted(ids.items(), key=lambda item: item[1]):
            started: Round = data.revisions.round(level)
            item = ET.SubElement(
                revisions,
                "Revision",
                Color=_hex16(started.ink),
                FullRevision="No",
                ID=str(number),
                Mark=MARK,
                Name=started.name,
                PageColor=_hex16(started.paper),
                Style="",
            )
            item.set(LEVEL_ATTRIBUTE, str(level))
            if started.date:
                item.set(DATE_ATTRIBUTE, _XML_BAD.sub("", started.date))
    if data.scenes is not None:
        options = ET.SubElement(
            root,
            "SceneNumberOptions",
            NumberScheme="1A",
            ShowNumbersOnLeft="Yes",
            ShowNumbersOnRight="Yes",
        )
        options.set(LOCKED_ATTRIBUTE, "Yes")
        if data.scenes.letters != LETTERS:
            options.set(LETTERS_ATTRIBUTE, data.scenes.letters)


def _speech_end(elements: list[Element], start: int) -> int:
    end = start + 1
    while end < len(elements) and elements[end].type in (T.PARENTHETICAL, T.DIALOGUE):
        end += 1
    return end


def _dual_follows(elements: list[Element], start: int) -> bool:
    end = _speech_end(elements, start)
    return (
        end < len(elements)
        and elements[end].type is T.CHARACTER
        and elements[end].dual
        and not elements[start].dual
    )


def write_fdx(script: Script, path: str | os.PathLike[str], draft: Draft | None = None) -> None:
    """Write ``script`` as Final Draft XML at ``path`` (atomically), with ``draft``'s
    revision marks and locks when given (see ``to_fdx``)."""
    data = to_fdx(script, draft)
    with atomic_writer(path) as handle:
        handle.write(data)


# Import -----------------------------------------------------------------------------------


def _escape(text: str) -> str:
    return _FOUNTAIN_MARKERS.sub(r"\\\1", text)


def _wrap(text: str, marker: str) -> str:
    """``marker`` around ``text``, spaces at its edges left outside (a marker next to a
    space neither opens nor closes in Fountain)."""
    core = text.strip(" ")
    if not core or not marker:
        return text
    lead = text[: len(text) - len(text.lstrip(" "))]
    trail = text[len(text.rstrip(" ")) :]
    return f"{lead}{marker}{core}{marker}{trail}"


def _fountain_line(pieces: list[tuple[str, bool, bool, bool]]) -> str:
    """One line of styled pieces as Fountain: underline groups outermost, then bold and
    italic per piece, so that ``_a *b* c_`` comes back as typed."""
    merged: list[tuple[str, bool, bool, bool]] = []
    for piece in pieces:
        if merged and merged[-1][1:] == piece[1:]:
            merged[-1] = (merged[-1][0] + piece[0], *piece[1:])
        elif piece[0]:
            merged.append(piece)
    out: list[str] = []
    index = 0
    while index < len(merged):
        end = index
        underline = merged[index][3]
        while end < len(merged) and merged[end][3] == underline:
            end += 1
        inner = "".join(
            _wrap(
                _escape(text),
                {(True, True): "***", (True, False): "**", (False, True): "*"}.get(
                    (bold, italic), ""
                ),
            )
            for text, bold, italic, _ in merged[index:end]
        )
        out.append(_wrap(inner, "_") if underline else inner)
        index = end
    return "".join(out)


def _marked(paragraph: ET.Element) -> str:
    """The paragraph's text with Fountain emphasis markers for its styled runs."""
    return _marked_with_marks(paragraph, None)[0]


def _marked_with_marks(
    paragraph: ET.Element, levels: Mapping[str, int] | None
) -> tuple[str, list[LineMarks]]:
    """The paragraph's text with Fountain emphasis markers for its styled runs, and the
    revision marks of each line in the columns of its plain text (``levels``: a
    ``RevisionID`` -> its round; None reads no marks)."""
    lines: list[list[tuple[str, bool, bool, bool]]] = [[]]
    marks: list[LineMarks] = [[]]
    width = 0  # of the current line's plain text so far
    for node in paragraph.findall("Text"):
        raw = (node.text or "").replace("\r\n", "\n").replace("\r", "\n")
        styles = {s.strip().casefold() for s in (node.get("Style") or "").split("+")}
        style = ("bold" in styles, "italic" in styles, "underline" in styles)
        level = None
        if levels is not None:
            level = levels.get((node.get("RevisionID") or node.get("Revision") or "").strip())
        for number, piece in enumerate(raw.split("\n")):
            if number:
                lines.append([])
                marks.append([])
                width = 0
            text = piece.replace("\t", "    ")
            lines[-1].append((text, *style))
            if level is not None and (text or number == 0):
                line_marks = marks[-1]
                last = line_marks[-1] if line_marks else None
                if last is not None and text and last[1] == width and last[2] == level:
                    line_marks[-1] = (last[0], width + len(text), level)  # runs split by style
                else:
                    line_marks.append((width, width + len(text), level))
            width += len(text)
    return "\n".join(_fountain_line(pieces) for pieces in lines), marks


def _parse(data: bytes) -> ET.Element:
    import defusedxml
    import defusedxml.ElementTree

    try:
        return defusedxml.ElementTree.fromstring(
            data, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except defusedxml.DTDForbidden as error:
        raise ReelwrightError("this FDX file declares a DTD, which is refused") from error
    except defusedxml.EntitiesForbidden as error:
        raise ReelwrightError(
            "this FDX file declares XML entities, which are refused "
            "(they can expand without limit or read other files)"
        ) from error
    except defusedxml.ExternalReferenceForbidden as error:
        raise ReelwrightError(
            "this FDX file refers to an outside resource, which is refused"
        ) from error
    except defusedxml.DefusedXmlException as error:
        raise ReelwrightError(f"this FDX file was refused as unsafe XML: {error}") from error
    except ET.ParseError as error:
        raise ReelwrightError(f"this is not a readable FDX file (broken XML: {error})") from error


def from_fdx(data: bytes) -> Script:
    """A :class:`Script` from FDX bytes; a file that is not Final Draft is refused."""
    return _read(_root(data), None)[0]


def _root(data: bytes) -> ET.Element:
    root = _parse(data)
    if root.tag != "FinalDraft" or root.find("Content") is None:
        raise ReelwrightError(
            f"this XML file is not a Final Draft script (its root is <{root.tag}>, "
            "expected <FinalDraft> with <Content>)"
        )
    return root


def _read(
    root: ET.Element, levels: Mapping[str, int] | None
) -> tuple[Script, dict[int, list[LineMarks]]]:
    """The script, and (with ``levels``) each marked element's marks line by line."""
    elements: list[Element] = []
    marks: dict[int, list[LineMarks]] = {}
    line = 0

    def add(kind: ElementType, text: str, found: list[LineMarks], **extra: object) -> None:
        nonlocal line
        count = text.count("\n") + 1
        if any(found):
            marks[len(elements)] = found
        elements.append(Element(kind, text, line, line + count, **extra))
        line += count + 1

    content = root.find("Content")
    assert content is not None
    for paragraph in content.findall("Paragraph"):
        if (paragraph.get("StartsNewPage") or "").casefold() == "yes":
            add(T.PAGE_BREAK, "", [])
        dual = paragraph.find("DualDialogue")
        if dual is not None:
            cues = 0
            for inner in dual.findall("Paragraph"):
                kind = IMPORT_TYPES.get((inner.get("Type") or "").casefold(), T.ACTION)
                if kind is T.CHARACTER:
                    cues += 1
                text, found = _marked_with_marks(inner, levels)
                add(kind, text, found, dual=kind is T.CHARACTER and cues == 2)
            continue
        kind = IMPORT_TYPES.get((paragraph.get("Type") or "action").casefold(), T.ACTION)
        text, found = _marked_with_marks(paragraph, levels)
        if kind is T.ACTION and (paragraph.get("Alignment") or "").casefold() == "center":
            kind = T.CENTERED
        if not text.strip() and kind is not T.DIALOGUE:
            continue
        extra: dict[str, object] = {}
        if kind is T.SCENE_HEADING:
            number = _scene_number(paragraph.get("Number"))
            if number:
                extra["scene_number"] = number
        if kind is T.SECTION:
            extra["depth"] = _section_level(paragraph.get("Level"))
        add(kind, text, found, **extra)
    script = Script(title_page=_import_title_page(root), elements=elements, line_count=line)
    return script, marks


@dataclass(slots=True)
class _Rounds:
    """What a file's ``<Revisions>`` says."""

    levels: dict[str, int] = field(default_factory=dict)
    """``RevisionID`` -> the round's level."""
    dates: dict[int, str] = field(default_factory=dict)
    active: int | None = None
    marking: bool = True
    ours: bool = False
    """Written by Reelwright (its rounds carry their level): every round listed was
    started."""


def _rounds(root: ET.Element) -> _Rounds:
    from reelwright.screenplay.revisions import FIRST_REVISION, round_level

    found = _Rounds()
    revisions = root.find("Revisions")
    if revisions is None:
        return found
    found.marking = (revisions.get("RevisionMode") or "").strip().casefold() == "yes"
    taken: set[int] = set()
    for item in revisions.findall("Revision"):
        key = (item.get("ID") or "").strip()
        if not key or key in found.levels:
            continue
        level = _bounded_level(item.get(LEVEL_ATTRIBUTE))
        if level is not None:
            found.ours = True
        else:
            name = (item.get("Name") or "")[:80]
            try:
                level = round_level(name) if name.strip() else None
            except ReelwrightError:
                level = None
            if level is None or level > MAX_LEVEL:
                # A name of its own ("First Revision", "Tan"): the list's order.
                level = max(taken, default=FIRST_REVISION - 1) + 1
        while level in taken and level < MAX_LEVEL:
            level += 1
        taken.add(level)
        found.levels[key] = level
        date = _XML_BAD.sub("", item.get(DATE_ATTRIBUTE) or "").strip()[:80]
        if date:
            found.dates[level] = date
    found.active = found.levels.get((revisions.get("ActiveSet") or "").strip())
    return found


def _bounded_level(raw: str | None) -> int | None:
    text = (raw or "").strip()
    if text.isascii() and text.isdigit() and len(text) <= len(str(MAX_LEVEL)):
        return int(text)
    return None


def draft_from_fdx(data: bytes) -> Draft:
    """A Fountain draft from FDX bytes: the script's text and its production data
    (revision rounds and marks, a scene-number lock Reelwright wrote)."""
    from reelwright.screenplay.production_file import Draft, ProductionData
    from reelwright.screenplay.revisions import Round
    from reelwright.screenplay.scene_lock import LETTERS, lock_scenes
    from reelwright.screenplay.writer import write

    root = _root(data)
    rounds = _rounds(root)
    script, element_marks = _read(root, rounds.levels)
    body = write(script)
    production = ProductionData()
    production.marking = rounds.marking
    used = {level for found in element_marks.values() for line in found for *_, level in line}
    started = set(rounds.levels.values()) if rounds.ours else set(used)
    if rounds.active is not None and (rounds.marking or used or rounds.ours):
        started.add(rounds.active)
    production.revisions.rounds = [
        Round(level, rounds.dates.get(level, "")) for level in sorted(started)
    ]
    if element_marks:
        production.revisions.marks = _source_marks(script, body, element_marks)
    options = root.find("SceneNumberOptions")
    if options is not None and (options.get(LOCKED_ATTRIBUTE) or "").strip() == "Yes":
        letters = (options.get(LETTERS_ATTRIBUTE) or "").strip()
        if not (letters.isascii() and letters.isalpha() and letters.isupper()):
            letters = LETTERS
        letters = "".join(dict.fromkeys(letters))
        if len(letters) < 2:
            letters = LETTERS
        locked, production.scenes = lock_scenes(body, None, letters=letters)
        production.carry(body, locked)
        body = locked
    return Draft(body, production)


def _source_marks(
    script: Script, body: str, element_marks: Mapping[int, list[LineMarks]]
) -> dict[int, tuple[Span, ...]]:
    """The marks of the imported elements as marks of the lines of ``body`` (the
    Fountain written from ``script``), found by reading it again."""
    from difflib import SequenceMatcher

    from reelwright.screenplay.parser import parse
    from reelwright.screenplay.revisions import Span, normalize, source_columns
    from reelwright.screenplay.textdiff import split_lines

    reread = parse(body, caseless_cues=script.caseless_cues)
    lines = split_lines(body)
    # By text: an element the written Fountain reads as another type (dialogue without a
    # cue is action) keeps its lines.
    before = [e.text for e in script.elements]
    after = [e.text for e in reread.elements]
    place: dict[int, int] = {}
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            place[block.a + k] = block.b + k
    result: dict[int, list[Span]] = {}
    for index, found in element_marks.items():
        if index not in place:
            continue
        element = reread.elements[place[index]]
        for number, (own, line_marks) in enumerate(
            zip(element.text.split("\n"), found, strict=False)
        ):
            source = element.start_line + number
            if not line_marks or source >= len(lines):
                continue
            offset = lines[source].find(own) if own else 0
            if offset < 0:
                continue
            columns = source_columns(own)
            last = len(columns) - 1
            for start, end, level in line_marks:
                a = columns[min(start, last)]
                b = columns[min(end - 1, last)] + 1 if end > start else a
                result.setdefault(source, []).append(Span(offset + a, offset + b, level))
    marks: dict[int, tuple[Span, ...]] = {}
    for line, spans in result.items():
        normal = normalize(spans, len(lines[line]))
        if normal:
            marks[line] = normal
    return marks


def read_fdx_draft(path: str | os.PathLike[str]) -> Draft:
    """Read an FDX file as a Fountain draft with its production data (``draft_from_fdx``);
    errors as ``read_fdx``'s."""
    from reelwright.screenplay.textio import read_script_bytes

    target = Path(path)
    data = read_script_bytes(target)
    try:
        return draft_from_fdx(data)
    except ReelwrightError as error:
        raise ReelwrightError(f"{target.name}: {error}") from error


def _scene_number(raw: str | None) -> str | None:
    """``Number`` when Fountain reads it back as a scene number (any length), else None."""
    number = (raw or "").strip()
    if number and split_scene_number(f"X #{number}#") == ("X", number):
        return number
    return None


def _section_level(raw: str | None) -> int:
    """A section's ``Level``: a whole number in ASCII digits, held to 1..MAX_SECTION_LEVEL;
    anything else (``1e10``, ``²``, ``-3``) is a top-level section."""
    level = (raw or "").strip()
    if not (level.isascii() and level.isdigit()):
        return 1
    if len(level) > len(str(MAX_SECTION_LEVEL)):  # never int() of thousands of digits
        return MAX_SECTION_LEVEL
    return min(MAX_SECTION_LEVEL, max(1, int(level)))


def _title_key(raw: str) -> str | None:
    """A title-page key as Fountain can write and read it back as itself (line breaks,
    tabs and colons become a space, the ends are trimmed), or None when it cannot be one
    (it does not start with a letter)."""
    key = re.sub(r"\s*[\r\n]+\s*", " ", raw).replace("\t", " ")  # the parser widens tabs
    key = re.sub(r"\s*:+\s*", " ", key).strip()
    return key if key and title_key(f"{key}: v") == (key, "v") else None


def _import_title_page(root: ET.Element) -> dict[str, str]:
    page = root.find("TitlePage/Content")
    if page is None:
        return {}
    keyed: dict[str, list[str]] = {}
    loose: list[tuple[str, str]] = []
    for paragraph in page.findall("Paragraph"):
        # Each line of a title-page value is read stripped in Fountain: take it so.
        lines = (line.strip() for line in _marked(paragraph).split("\n"))
        text = "\n".join(line for line in lines if line)
        raw_key = paragraph.get(KEY_ATTRIBUTE)
        if raw_key:
            key = _title_key(raw_key)
            if key is None:  # kept, as a line of the notes
                label = " ".join(raw_key.split())
                key, text = FALLBACK_TITLE_KEY, f"{label}: {text}" if text else label
            keyed.setdefault(key, []).append(text)
        elif text:
            loose.append(((paragraph.get("Alignment") or "left").casefold(), text))
    if keyed and not any(key.casefold() in KNOWN_TITLE_KEYS for key in keyed):
        # Fountain takes a block for a title page only if it names a key it knows: keep
        # these entries as lines of the notes, or the export would read back as action.
        notes = [f"{key}: {lines[0]}".rstrip() for key, lines in keyed.items()]
        notes += [line for lines in keyed.values() for line in lines[1:]]
        keyed = {FALLBACK_TITLE_KEY: notes}
    if keyed:  # a value's blank lines are no lines in Fountain
        return {key: "\n".join(line for line in lines if line) for key, lines in keyed.items()}
    # A title page made in Final Draft: centred lines are the title, a "by" line and the
    # author; the rest (lower left or right) is contact information.
    result: dict[str, list[str]] = {}
    stage = "Title"
    for alignment, text in loose:
        if alignment == "center":
            if re.fullmatch(r"(?i)(written |screenplay |story )?by.*", text) and stage == "Title":
                result.setdefault("Credit", []).append(text)
                stage = "Author"
                continue
            result.setdefault(stage, []).append(text)
        else:
            result.setdefault("Contact", []).append(text)
    return {key: "\n".join(lines) for key, lines in result.items()}


def read_fdx(path: str | os.PathLike[str]) -> Script:
    """Read an FDX file; a missing or unreadable file, a folder, a pipe or a device (which
    would block the read or never end it) gives one clear sentence."""
    from reelwright.screenplay.textio import read_script_bytes

    target = Path(path)
    data = read_script_bytes(target)
    try:
        return from_fdx(data)
    except ReelwrightError as error:
        raise ReelwrightError(f"{target.name}: {error}") from error
