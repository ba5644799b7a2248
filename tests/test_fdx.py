"""FDX export and import: what survives, and what a hostile file gets."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from reelwright.exporters.fdx import from_fdx, read_fdx, to_fdx, write_fdx
from reelwright.screenplay.elements import Element, ElementType, Script
from reelwright.screenplay.emphasis import parse_emphasis
from reelwright.screenplay.errors import ReelwrightError

T = ElementType


def build(items: list[tuple], title: dict[str, str] | None = None) -> Script:
    elements: list[Element] = []
    line = 0
    for item in items:
        kind, text = item[0], item[1]
        extra = item[2] if len(item) > 2 else {}
        count = text.count("\n") + 1
        elements.append(Element(kind, text, line, line + count, **extra))
        line += count + 1
    return Script(title_page=title or {}, elements=elements, line_count=line)


def styled(text: str) -> list[tuple[str, bool, bool, bool]]:
    """Text as (character, bold, italic, underline): equal styling, whatever the markers."""
    out = []
    for line in text.split("\n"):
        for span in parse_emphasis(line):
            out += [(c, span.bold, span.italic, span.underline) for c in span.text]
        out.append(("\n", False, False, False))
    return out


def signature(script: Script) -> list[tuple]:
    return [
        (e.type, styled(e.text), e.scene_number, e.dual, e.depth if e.type is T.SECTION else 0)
        for e in script.elements
    ]


SAMPLE = build(
    [
        (T.SECTION, "Act One", {"depth": 1}),
        (T.SYNOPSIS, "Where it starts."),
        (T.SCENE_HEADING, "EXT. BRICK'S PATIO - DAY", {"scene_number": "1A"}),
        (T.ACTION, "A **gorgeous** day. *The sun* is _shining_.\nA second line; 5 * 3 = 15."),
        (T.CHARACTER, "STEEL"),
        (T.PARENTHETICAL, "(beer raised)"),
        (T.DIALOGUE, "To ***retirement***."),
        (T.CHARACTER, "BRICK"),
        (T.DIALOGUE, "Screw retirement."),
        (T.CHARACTER, "STEEL", {"dual": True}),
        (T.DIALOGUE, "Screw retirement."),
        (T.PAGE_BREAK, ""),
        (T.TRANSITION, "SMASH CUT TO:"),
        (T.CENTERED, "THE END"),
        (T.LYRICS, "Happy birthday to you"),
        (T.NOTE, "Check the song rights."),
        (T.ACTION, "Привет. 你好。 Ελληνικά & <xml> chars."),
    ],
    {
        "Title": "_**BRICK & STEEL**_\n_**FULL RETIRED**_",
        "Credit": "Written by",
        "Author": "Stu Maschwitz",
        "Draft date": "1/27/2012",
        "Contact": "Next Level Productions\n1588 Mission Dr.",
    },
)


def test_round_trip_keeps_everything() -> None:
    back = from_fdx(to_fdx(SAMPLE))
    assert signature(back) == signature(SAMPLE)
    assert list(back.title_page) == list(SAMPLE.title_page)
    for key, value in SAMPLE.title_page.items():
        assert styled(back.title_page[key]) == styled(value)


def test_fdx_structure(tmp_path: Path) -> None:
    path = tmp_path / "brick.fdx"
    write_fdx(SAMPLE, path)
    data = path.read_bytes()
    assert data.startswith(b"<?xml")
    assert b'<FinalDraft DocumentType="Script"' in data
    assert b'<Paragraph Type="Scene Heading" Number="1A">' in data
    assert b'<Text Style="Bold">gorgeous</Text>' in data
    assert b'<Text Style="Bold+Italic">retirement</Text>' in data
    assert b"<DualDialogue>" in data
    assert b'StartsNewPage="Yes"' in data
    assert b'Alignment="Center" Type="Action"' in data or b'Type="Action" Alignment' in data
    assert b"&lt;xml&gt;" in data
    assert read_fdx(path).elements[2].scene_number == "1A"


def test_final_draft_made_file() -> None:
    """A file as Final Draft writes it: its own types, a free-form title page."""
    data = b"""<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<FinalDraft DocumentType="Script" Template="No" Version="5">
  <Content>
    <Paragraph Type="Scene Heading" Number="3"><Text>INT. OFFICE - NIGHT</Text></Paragraph>
    <Paragraph Type="General"><Text>Some general text.</Text></Paragraph>
    <Paragraph Type="Shot"><Text>CLOSE ON THE PHONE</Text></Paragraph>
    <Paragraph Type="Action"><Text>It </Text><Text Style="Bold+Underline">rings</Text>
    <Text>.</Text></Paragraph>
    <Paragraph Type="Character"><Text>ANNA</Text></Paragraph>
    <Paragraph Type="Dialogue"><Text>Hello?\tAnyone?</Text></Paragraph>
  </Content>
  <TitlePage><Content>
    <Paragraph Alignment="Center"><Text>THE CALL</Text></Paragraph>
    <Paragraph Alignment="Center"><Text></Text></Paragraph>
    <Paragraph Alignment="Center"><Text>Written by</Text></Paragraph>
    <Paragraph Alignment="Center"><Text>Anna Smith</Text></Paragraph>
    <Paragraph Alignment="Left"><Text>anna@example.com</Text></Paragraph>
  </Content></TitlePage>
</FinalDraft>"""
    script = from_fdx(data)
    kinds = [e.type for e in script.elements]
    assert kinds == [T.SCENE_HEADING, T.ACTION, T.SCENE_HEADING, T.ACTION, T.CHARACTER, T.DIALOGUE]
    assert script.elements[0].scene_number == "3"
    assert styled(script.elements[3].text) == styled("It _**rings**_.")
    assert script.elements[5].text == "Hello?    Anyone?"
    assert script.title_page == {
        "Title": "THE CALL",
        "Credit": "Written by",
        "Author": "Anna Smith",
        "Contact": "anna@example.com",
    }


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<FinalDraft><Content><Paragraph Type="Action"><Text>&lol3;</Text></Paragraph></Content></FinalDraft>
"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<FinalDraft><Content><Paragraph Type="Action"><Text>&x;</Text></Paragraph></Content></FinalDraft>
"""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BOMB, "declares XML entities"),
        (EXTERNAL, "declares XML entities"),
        (b"<html><body><p>hi</p></body></html>", "not a Final Draft script"),
        (b"<FinalDraft><Nothing/></FinalDraft>", "not a Final Draft script"),
        (b"this is not xml at all", "not a readable FDX file"),
        (b"<FinalDraft><Content>", "not a readable FDX file"),
    ],
)
def test_hostile_or_wrong_files_are_refused(data: bytes, message: str, tmp_path: Path) -> None:
    with pytest.raises(ReelwrightError, match=message):
        from_fdx(data)
    path = tmp_path / "bad.fdx"
    path.write_bytes(data)
    with pytest.raises(ReelwrightError, match=f"bad.fdx: .*{message}"):
        read_fdx(path)
    assert path.read_bytes() == data  # nothing lost


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReelwrightError, match="there is no such file"):
        read_fdx(tmp_path / "nope.fdx")
    with pytest.raises(ReelwrightError, match="folder"):
        read_fdx(tmp_path)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_pipes_and_devices_are_refused_without_reading(tmp_path: Path, kind: str) -> None:
    """A FIFO blocked the import; /dev/zero was read until memory ran out."""
    path = tmp_path / "script.fdx"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            read_fdx(path)
        except BaseException as error:  # handed to the test's thread
            outcome.append(error)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "reading the FDX blocked"
    assert len(outcome) == 1 and isinstance(outcome[0], ReelwrightError), outcome
    assert "not a script file" in str(outcome[0])


# What an imported file says is not trusted (issue 18) --------------------------------------


def fdx(paragraphs: str, title: str = "") -> bytes:
    page = f"<TitlePage><Content>{title}</Content></TitlePage>" if title else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<FinalDraft DocumentType="Script" Version="5">'
        f"<Content>{paragraphs}</Content>{page}</FinalDraft>"
    ).encode()


def heading(number: str) -> str:
    return (
        f'<Paragraph Type="Scene Heading" Number="{number}"><Text>INT. HOUSE - DAY</Text>'
        "</Paragraph>"
    )


def test_scene_numbers_of_any_length_survive_every_export(tmp_path: Path) -> None:
    """5,000 digits (past Python's 4,300-digit int() limit) is kept whole, through FDX and
    Fountain; a Number that Fountain would not read back as one is dropped."""
    from reelwright.exporters import export
    from reelwright.screenplay.parser import parse

    long_number = "7" * 5000 + "A"
    script = from_fdx(
        fdx(
            heading(long_number)
            + heading("12 A")
            + heading("1_2")
            + heading("#3#")
            + heading("\u0663\u0664")  # Arabic-Indic digits: letters and digits of any script
            + '<Paragraph Type="Action"><Text>After.</Text></Paragraph>'
        )
    )
    numbers = [e.scene_number for e in script.elements if e.type is T.SCENE_HEADING]
    assert numbers == [long_number, None, None, None, "\u0663\u0664"]
    written = to_fdx(script)
    assert [
        e.scene_number for e in from_fdx(written).elements if e.type is T.SCENE_HEADING
    ] == numbers
    export(script, tmp_path / "out.fountain")
    again = parse((tmp_path / "out.fountain").read_text(encoding="utf-8"))
    assert [e.scene_number for e in again.elements if e.type is T.SCENE_HEADING] == numbers
    export(script, tmp_path / "out.fdx")
    assert (tmp_path / "out.fdx").stat().st_size < 20_000


@pytest.mark.parametrize(
    ("level", "depth"),
    [
        ("1", 1),
        (" 3 ", 3),
        ("0", 1),
        ("32", 32),
        ("33", 32),
        ("999999999", 32),
        ("9" * 5000, 32),
        ("1e10", 1),
        ("1e23", 1),
        ("\u00b2", 1),
        ("\u0663", 1),
        ("-4", 1),
        ("", 1),
        ("two", 1),
    ],
)
def test_section_levels_are_held_to_what_an_outline_uses(level: str, depth: int) -> None:
    """``Level="999999999"`` wrote a gigabyte of ``#``; ``1e10``, ``1e23`` and ``²`` raised."""
    from reelwright.exporters.fountain import to_fountain

    script = from_fdx(
        fdx(f'<Paragraph Type="Section" Level="{level}"><Text>Act</Text></Paragraph>')
    )
    (section,) = script.elements
    assert section.type is T.SECTION and section.depth == depth
    assert to_fountain(script) == "#" * depth + " Act\n"
    assert from_fdx(to_fdx(script)).elements[0].depth == depth


def test_deep_sections_are_written_at_the_deepest_level_fdx_holds() -> None:
    script = build([(T.SECTION, "Deep", {"depth": 500})])
    assert b'Level="32"' in to_fdx(script)


def keyed(key: str, value: str) -> str:
    return f'<Paragraph Alignment="Left" ReelwrightKey="{key}"><Text>{value}</Text></Paragraph>'


def test_title_page_keys_with_line_breaks_do_not_merge_in_the_fountain_export() -> None:
    """A key is an XML attribute: ``&#10;`` puts a line break in it, and the Fountain
    export used to write that key over two lines, so reading it back merged entries."""
    from reelwright.exporters.fountain import to_fountain
    from reelwright.screenplay.parser import parse

    title = (
        keyed("Title", "The Ferry")
        + keyed("Draft&#10;Date", "1 May")
        + keyed("Con:tact", "me@example.com")
        + keyed("  2nd&#9;Unit&#13;&#10;  Notes  ", "Second unit")
        + keyed("1234", "Just a number")
        + keyed("Author", "Margit")
    )
    script = from_fdx(fdx('<Paragraph Type="Action"><Text>Fog.</Text></Paragraph>', title))
    assert script.title_page == {
        "Title": "The Ferry",
        "Draft Date": "1 May",
        "Con tact": "me@example.com",
        "Notes": "2nd Unit Notes: Second unit\n1234: Just a number",
        "Author": "Margit",
    }
    written = to_fountain(script)
    again = parse(written)
    assert again.title_page == script.title_page, written
    assert [e.text for e in again.elements] == ["Fog."]


def test_title_page_lines_are_read_as_fountain_reads_them() -> None:
    """A title-page value broken over lines with indents (a tab after a carriage return in
    the wild) comes in line by line stripped, as the Fountain export then reads it back."""
    from reelwright.exporters.fountain import to_fountain
    from reelwright.screenplay.parser import parse

    data = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<FinalDraft DocumentType="Script" Version="5">'
        b"<Content></Content><TitlePage><Content>"
        b'<Paragraph Alignment="Left"><Text>12 Elm Street\r\tSpringfield  \n\n  555-0100</Text>'
        b"</Paragraph></Content></TitlePage></FinalDraft>"
    )
    script = from_fdx(data)
    assert script.title_page == {"Contact": "12 Elm Street\nSpringfield\n555-0100"}
    assert parse(to_fountain(script)).title_page == script.title_page
