"""Revision marks, rounds and locked scene numbers to and from Final Draft, and through
the canonical Fountain export."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reelwright.exporters.fdx import draft_from_fdx, from_fdx, read_fdx_draft, to_fdx
from reelwright.exporters.fountain import to_fountain, write_fountain
from reelwright.screenplay import production_file
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.parser import parse
from reelwright.screenplay.production_file import Draft, ProductionData
from reelwright.screenplay.revisions import Span
from reelwright.screenplay.scene_lock import lock_scenes
from reelwright.screenplay.textdiff import split_lines

BLUE, PINK = 1, 2

OLD = """Title: Harbour Lights

INT. KITCHEN - NIGHT

Maya walks to the **window** and waits.

MAYA
I never liked this house.

BEN ^
Nor I.

EXT. GARDEN - DAY

Rain.

INT. CELLAR - NIGHT

Dark.
"""


def _draft() -> Draft:
    """OLD locked, then a Blue round (words changed, a scene added, one cut), then Pink."""
    body, lock = lock_scenes(OLD)
    data = ProductionData(scenes=lock)
    data.revisions.start_round(date="2025-03-10")
    blue = (
        body.replace("walks to", "runs to")
        .replace("never liked", "always hated")
        .replace("Rain.", "Rain falls.\n\nA dog barks.")
        .replace("Nor I.", "Nor I, ever.")
    )
    data.carry(body, blue, BLUE)
    data.revisions.start_round(date="2025-03-17")
    pink = blue.replace("INT. CELLAR - NIGHT #3#\n\nDark.\n", "").replace(
        "A dog barks.", "A dog barks twice."
    )
    data.carry(blue, pink, PINK)
    return Draft(pink, data)


def _marked(draft: Draft) -> list[tuple[str, str, int]]:
    lines = split_lines(draft.body)
    return sorted(
        (lines[n].strip(), lines[n][s.start : s.end], s.level)
        for n, spans in draft.data.revisions.marks.items()
        for s in spans
    )


def test_revision_marks_rounds_and_locked_numbers_go_to_final_draft_and_back() -> None:
    draft = _draft()
    xml = to_fdx(parse(draft.body), draft)
    root = ET.fromstring(xml)
    revisions = root.find("Revisions")
    assert revisions is not None and revisions.get("RevisionMode") == "Yes"
    sets = revisions.findall("Revision")
    assert [(r.get("ID"), r.get("Name"), r.get("Mark")) for r in sets] == [
        ("1", "Blue", "*"),
        ("2", "Pink", "*"),
    ]
    assert revisions.get("ActiveSet") == "2"
    assert sets[0].get("Color") == "#1A1A5F5FB4B4"  # 16 bits a channel, as Final Draft
    runs = {t.text: t.get("RevisionID") for t in root.iter("Text") if t.get("RevisionID")}
    assert runs["runs"] == "1" and runs["always hated"] == "1" and runs["twice"] == "2"
    # A run splits where a mark ends; the bold word keeps its style beside it.
    action = next(
        p for p in root.iter("Paragraph") if "".join(p.itertext()).strip().startswith("Maya")
    )
    assert [(t.text, t.get("Style"), t.get("RevisionID")) for t in action.findall("Text")] == [
        ("Maya ", None, None),
        ("runs", None, "1"),
        (" to the ", None, None),
        ("window", "Bold", None),
        (" and waits.", None, None),
    ]
    # The lock: numbers on the headings, the cut scene OMITTED, Reelwright's flag.
    headings = [
        (p.get("Number"), "".join(p.itertext()).strip())
        for p in root.iter("Paragraph")
        if p.get("Type") == "Scene Heading"
    ]
    assert headings == [
        ("1", "INT. KITCHEN - NIGHT"),
        ("2", "EXT. GARDEN - DAY"),
        ("3", "OMITTED"),
    ]
    options = root.find("SceneNumberOptions")
    assert options is not None and options.get("ReelwrightLocked") == "Yes"

    back = draft_from_fdx(xml)
    assert [(r.level, r.date) for r in back.data.revisions.rounds] == [
        (BLUE, "2025-03-10"),
        (PINK, "2025-03-17"),
    ]
    assert back.data.marking_level == PINK
    assert back.data.scenes is not None and back.data.scenes.numbers == ["1", "2", "3"]
    assert _marked(back) == _marked(draft.for_export())
    # And through Fountain: the file reads back to the same marks and lock.
    reread = production_file.read(production_file.write(back.body, back.data))
    assert not reread.warnings and _marked(reread) == _marked(back)


def test_a_script_without_production_data_writes_none() -> None:
    plain = Draft(OLD, ProductionData())
    root = ET.fromstring(to_fdx(parse(OLD), plain))
    assert root.find("Revisions") is None and root.find("SceneNumberOptions") is None
    assert to_fdx(parse(OLD), plain) == to_fdx(parse(OLD))
    back = draft_from_fdx(to_fdx(parse(OLD)))
    assert back.data.is_empty()


def test_a_removal_travels_as_an_empty_run() -> None:
    body = "INT. A - DAY\n\nShe waits by the door, then leaves.\n"
    data = ProductionData()
    data.revisions.start_round(date="2025-03-10")
    edited = body.replace(" by the door,", "")
    data.carry(body, edited, BLUE)
    (spans,) = data.revisions.marks.values()
    assert all(s.start == s.end for s in spans)
    xml = to_fdx(parse(edited), Draft(edited, data))
    empty = [t for t in ET.fromstring(xml).iter("Text") if t.get("RevisionID") and not t.text]
    assert len(empty) == 1
    assert draft_from_fdx(xml).data.revisions.marks == data.revisions.marks


FINAL_DRAFT_SETS = (
    ("Blue", "#00000000FFFF", "#C6C6EDEDFEFE"),
    ("Pink", "#FFFF0000FFFF", "#FDFDCCCCD4D4"),
    ("Yellow", "#A0A0A0A00000", "#FDFDFFFFABAB"),
    ("Green", "#000080800000", "#D1D1FEFED0D0"),
    ("Goldenrod", "#CCCC7F7F3232", "#FAFACDCD3939"),
    ("Buff", "#8E8E6B6B2323", "#FCFCEDED9D9D"),
    ("Salmon", "#A7A742424242", "#F8F8AEAE8E8E"),
    ("Cherry", "#D5D523236B6B", "#FBFBA4A4B4B4"),
    ("Tan", "#DBDB93937070", "#FDFDF1F1C7C7"),
)
"""The revision sets of a Final Draft file as it writes them (rsdoiel/fdx's samples)."""
FINAL_DRAFT = (
    """<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<FinalDraft DocumentType="Script" Template="No" Version="5">
  <Content>
    <Paragraph Number="12" Type="Scene Heading">
      <Text AdornmentStyle="0" RevisionID="0" Style="">INT. KITCHEN - NIGHT</Text>
    </Paragraph>
    <Paragraph Type="Action">
      <Text RevisionID="0" Style="">Maya </Text>
      <Text RevisionID="1" Style="Bold">slams</Text>
      <Text RevisionID="0" Style=""> the door.</Text>
    </Paragraph>
    <Paragraph Type="Dialogue">
      <Text RevisionID="9">All of it.
Again.</Text>
    </Paragraph>
    <Paragraph Type="Action">
      <Text RevisionID="77">An unknown set.</Text>
    </Paragraph>
  </Content>
  <Revisions ActiveSet="9" Location="7.75" RevisionMode="No" RevisionsShown="All"
      ShowAllMarks="No" ShowAllSets="No" ShowPageColor="No">
"""
    + "".join(
        f'    <Revision Color="{ink}" FullRevision="No" ID="{number}" Mark="*" '
        f'Name="{name}" PageColor="{paper}" Style=""/>\n'
        for number, (name, ink, paper) in enumerate(FINAL_DRAFT_SETS, start=1)
    )
    + """  </Revisions>
</FinalDraft>
"""
).encode()


def test_final_drafts_own_revision_sets_are_read() -> None:
    """Final Draft's nine default sets (Tan after Cherry, a name of its own: the list's
    order places it), runs split by revision, RevisionID 0 and unknown sets unmarked."""
    draft = draft_from_fdx(FINAL_DRAFT)
    lines = split_lines(draft.body)
    assert "INT. KITCHEN - NIGHT #12#" in lines
    marked = _marked(draft)
    assert ("Maya **slams** the door.", "slams**", BLUE) in marked or (
        "Maya **slams** the door.",
        "slams",
        BLUE,
    ) in marked
    assert [m for m in marked if m[0] in ("All of it.", "Again.")] == [
        ("Again.", "Again.", 9),
        ("All of it.", "All of it.", 9),
    ]
    assert not any(m[0] == "An unknown set." for m in marked)
    # Used and active rounds are started; revision mode as the file says.
    assert [r.level for r in draft.data.revisions.rounds] == [BLUE, 9]
    assert draft.data.marking is False and draft.data.scenes is None


@pytest.mark.parametrize(
    "revisions",
    [
        '<Revisions ActiveSet="x"><Revision ID="1" Name="' + "Blue " * 50_000 + '"/></Revisions>',
        '<Revisions><Revision ID="1" ReelwrightLevel="99999999999999999999"/></Revisions>',
        '<Revisions><Revision ID="1" ReelwrightLevel="-3" Name="Pink"/>'
        '<Revision ID="1" Name="Blue"/><Revision Name="Green"/></Revisions>',
        "<Revisions/>",
    ],
)
def test_hostile_revision_sets_are_held_to_sense(revisions: str) -> None:
    xml = (
        '<FinalDraft><Content><Paragraph Type="Action"><Text RevisionID="1">Hello.</Text>'
        f"</Paragraph></Content>{revisions}"
        '<SceneNumberOptions ReelwrightLocked="Yes" ReelwrightLetters="a&#10;b"/></FinalDraft>'
    ).encode()
    draft = draft_from_fdx(xml)
    for item in draft.data.revisions.rounds:
        assert 0 <= item.level <= 999
    assert draft.data.scenes is not None and draft.data.scenes.letters.isupper()
    assert from_fdx(xml).elements[0].text == "Hello."


def test_reading_a_missing_fdx_says_which(tmp_path) -> None:
    with pytest.raises(ReelwrightError, match=r"nope\.fdx"):
        read_fdx_draft(tmp_path / "nope.fdx")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["She ", "*runs*", " far", "_away_", " 张伟", "到了", "。", " x"]),
        min_size=1,
        max_size=8,
    ),
    st.data(),
)
def test_any_marks_of_a_paragraph_survive_final_draft(words: list[str], data) -> None:
    """Marks anywhere in a line of emphasis and Chinese come back on the same printed
    characters (within a word's markers)."""
    line = "".join(words).strip() or "x"
    body = f"INT. A - DAY\n\n{line}\n"
    start = data.draw(st.integers(0, len(line)))
    end = data.draw(st.integers(start, len(line)))
    production = ProductionData()
    production.revisions.start_round(date="2025-03-10")
    production.revisions.marks = {2: (Span(start, end, BLUE),)}
    draft = Draft(body, production)
    back = draft_from_fdx(to_fdx(parse(body), draft))
    back_line = split_lines(back.body)[2]
    from reelwright.screenplay.emphasis import plain_text
    from reelwright.screenplay.revisions import plain_offsets

    def printed(text: str, spans: tuple[Span, ...]) -> list[str]:
        offsets = plain_offsets(text)
        plain = plain_text(text)
        return [plain[offsets[s.start] : offsets[s.end]] for s in spans]

    want = printed(line, production.revisions.marks[2])
    got = printed(back_line, back.data.revisions.marks.get(2, ()))
    assert plain_text(back_line) == plain_text(line)
    if want[0]:
        assert got == want
    else:  # a place where words were removed stays a place
        assert all(not g for g in got)


def test_the_canonical_fountain_export_keeps_the_data_block(tmp_path) -> None:
    draft = _draft()
    draft.data.others.set_section("dictionary", ["Zorblax"])
    messy = draft.body.replace("Maya runs", "   Maya runs").replace("MAYA", "@MAYA")
    data = draft.data.copy()
    data.carry(draft.body, messy)
    text = to_fountain(parse(messy), Draft(messy, data))
    loaded = production_file.read(text)
    assert not loaded.warnings
    assert _marked(Draft(loaded.body, loaded.data)) == _marked(draft)
    assert loaded.data.scenes is not None and loaded.data.revisions.rounds
    assert loaded.data.others.section("dictionary") == ["Zorblax"]
    path = tmp_path / "out.fountain"
    write_fountain(parse(messy), path, draft=Draft(messy, data))
    assert path.read_text("utf-8") == text
    assert "Reelwright data" not in to_fountain(parse(messy))  # no draft: the script alone
