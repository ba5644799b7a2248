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
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from reelwright.screenplay.elements import Element, ElementType, Script
from reelwright.screenplay.emphasis import parse_emphasis
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.fileio import atomic_writer
from reelwright.screenplay.vocabulary import KNOWN_TITLE_KEYS, split_scene_number, title_key

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


# Export -----------------------------------------------------------------------------------


def _add_text(paragraph: ET.Element, text: str) -> None:
    """Emphasis markers become ``<Text Style="Bold+Italic+Underline">`` runs."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        spans = parse_emphasis(line) if line else []
        ending = "\n" if number < len(lines) - 1 else ""
        if not spans:
            node = ET.SubElement(paragraph, "Text")
            node.text = ending
            continue
        for index, span in enumerate(spans):
            node = ET.SubElement(paragraph, "Text")
            styles = [
                name
                for name, on in (
                    ("Bold", span.bold),
                    ("Italic", span.italic),
                    ("Underline", span.underline),
                )
                if on
            ]
            if styles:
                node.set("Style", "+".join(styles))
            piece = _XML_BAD.sub("", span.text)
            node.text = piece + (ending if index == len(spans) - 1 else "")


def _paragraph(parent: ET.Element, element: Element, new_page: bool) -> ET.Element:
    paragraph = ET.SubElement(parent, "Paragraph", Type=FDX_TYPES[element.type])
    if element.type is T.CENTERED:
        paragraph.set("Alignment", "Center")
    if element.type is T.SCENE_HEADING and element.scene_number:
        paragraph.set("Number", element.scene_number)
    if element.type is T.SECTION:
        paragraph.set("Level", str(min(MAX_SECTION_LEVEL, max(1, element.depth))))
    if new_page:
        paragraph.set("StartsNewPage", "Yes")
    _add_text(paragraph, element.text)
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


def to_fdx(script: Script) -> bytes:
    """The FDX document for ``script``."""
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
            for item in elements[index:second_end]:
                _paragraph(dual, item, False)
            index = second_end
            continue
        _paragraph(content, element, new_page)
        new_page = False
        index += 1
    if script.title_page:
        _title_page(root, script)
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


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


def write_fdx(script: Script, path: str | os.PathLike[str]) -> None:
    """Write ``script`` as Final Draft XML at ``path`` (atomically)."""
    data = to_fdx(script)
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
    lines: list[list[tuple[str, bool, bool, bool]]] = [[]]
    for node in paragraph.findall("Text"):
        raw = (node.text or "").replace("\r\n", "\n").replace("\r", "\n")
        styles = {s.strip().casefold() for s in (node.get("Style") or "").split("+")}
        style = ("bold" in styles, "italic" in styles, "underline" in styles)
        for number, piece in enumerate(raw.split("\n")):
            if number:
                lines.append([])
            lines[-1].append((piece.replace("\t", "    "), *style))
    return "\n".join(_fountain_line(pieces) for pieces in lines)


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
    root = _parse(data)
    if root.tag != "FinalDraft" or root.find("Content") is None:
        raise ReelwrightError(
            f"this XML file is not a Final Draft script (its root is <{root.tag}>, "
            "expected <FinalDraft> with <Content>)"
        )
    elements: list[Element] = []
    line = 0

    def add(kind: ElementType, text: str, **extra: object) -> None:
        nonlocal line
        count = text.count("\n") + 1
        elements.append(Element(kind, text, line, line + count, **extra))
        line += count + 1

    content = root.find("Content")
    assert content is not None
    for paragraph in content.findall("Paragraph"):
        if (paragraph.get("StartsNewPage") or "").casefold() == "yes":
            add(T.PAGE_BREAK, "")
        dual = paragraph.find("DualDialogue")
        if dual is not None:
            cues = 0
            for inner in dual.findall("Paragraph"):
                kind = IMPORT_TYPES.get((inner.get("Type") or "").casefold(), T.ACTION)
                if kind is T.CHARACTER:
                    cues += 1
                add(kind, _marked(inner), dual=kind is T.CHARACTER and cues == 2)
            continue
        kind = IMPORT_TYPES.get((paragraph.get("Type") or "action").casefold(), T.ACTION)
        text = _marked(paragraph)
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
        add(kind, text, **extra)
    return Script(title_page=_import_title_page(root), elements=elements, line_count=line)


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
        text = _marked(paragraph).strip()
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
