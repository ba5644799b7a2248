"""Production drafts on paper, read back from the PDF: revision marks beside changed lines
only, revised-page headers, revised pages only, colour hints, A/B scene numbers and
OMITTED, A-pages and combined pages as page numbers, watermark, header, footer, the title
page's draft date and rounds; and every export path (library, command line) carrying the
draft's marks and locks."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reelwright.cli.main import main
from reelwright.exporters import export
from reelwright.exporters.fdx import read_fdx_draft
from reelwright.exporters.pdf import render_plan
from reelwright.exporters.sheets import MARK_X, PT
from reelwright.screenplay import production_file
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.layout import layout_for
from reelwright.screenplay.page_lock import lock_pages
from reelwright.screenplay.page_plan import plan_print
from reelwright.screenplay.pagination import paginate
from reelwright.screenplay.parser import parse
from reelwright.screenplay.print_setup import PrintSetup
from reelwright.screenplay.production_file import Draft, ProductionData, mark_against
from reelwright.screenplay.revisions import Round
from reelwright.screenplay.scene_lock import lock_scenes

LETTER = PrintSetup(paper="letter")
TITLE = "Title: Brick & Steel\nAuthor: Stu Maschwitz\nDraft date: 1/27/2012\n\n"


def script_text(scenes: int = 24) -> str:
    parts = []
    for n in range(1, scenes + 1):
        parts.append(
            f"INT. ROOM {n} - DAY\n\n"
            f"Maya walks into room {n}. She looks around, slowly, taking it all in.\n\n"
            f"MAYA\nThis is room {n}. I remember it.\n\n"
            f"TOM\nYou remember every room.\n\n"
        )
    return "".join(parts)


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def revised(old: str, new: str, level: int = 1, date: str = "2025-03-10") -> Draft:
    draft, started = mark_against(
        Draft(new, ProductionData()), Draft(old, ProductionData()), level, date
    )
    assert started == Round(level, date)
    return draft


def pdf_pages(path: Path) -> list[dict[str, object]]:
    """Each page's text lines (by baseline) and its characters."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = [dict(c) for c in page.chars]
            lines: dict[int, list[dict[str, object]]] = {}
            for char in chars:
                lines.setdefault(round(float(char["bottom"])), []).append(char)
            text = {
                bottom: "".join(str(c["text"]) for c in sorted(row, key=lambda c: c["x0"]))
                for bottom, row in lines.items()
            }
            pages.append({"chars": chars, "lines": text, "height": float(page.height)})
    return pages


def marks_of(page: dict[str, object]) -> list[int]:
    """Baselines (bottoms) of the revision marks in the right margin."""
    chars = page["chars"]
    assert isinstance(chars, list)
    return sorted(
        round(float(c["bottom"]))
        for c in chars
        if c["text"] == "*" and abs(float(c["x0"]) - MARK_X * PT) < 1
    )


def line_with(page: dict[str, object], needle: str) -> int:
    lines = page["lines"]
    assert isinstance(lines, dict)
    found = [bottom for bottom, text in lines.items() if needle in text]
    assert found, (needle, lines)
    return int(found[0])


def top_line(page: dict[str, object]) -> str:
    """The line above the top margin: header, revision header and page number."""
    lines = page["lines"]
    assert isinstance(lines, dict)
    return " ".join(lines[b] for b in sorted(lines) if b < 72).strip()


def test_marks_stand_beside_the_changed_lines_only(tmp_path: Path) -> None:
    old = script_text()
    new = edit(
        old,
        "She looks around, slowly, taking it all in.\n\nMAYA\nThis is room 7.",
        "She looks around, slowly, taking it all in.\n\nMAYA\nThis is room seven.",
    )
    new = edit(new, "Maya walks into room 15.", "Maya runs into room 15.")
    draft = revised(old, new)
    out = tmp_path / "revised.pdf"
    plan = export(parse(draft.body), out, setup=LETTER, draft=draft)
    assert plan is not None
    pages = pdf_pages(out)
    marked = {index: marks_of(page) for index, page in enumerate(pages) if marks_of(page)}
    assert len(marked) == 2
    first, second = sorted(marked)
    assert marked[first] == [line_with(pages[first], "This is room seven.")]
    assert marked[second] == [line_with(pages[second], "Maya runs into room 15.")]
    # The same pages are the revised ones, with the round's header at the top.
    assert {p.index for p in plan.pages if p.revision is not None} == {first, second}
    for index, page in enumerate(pages):
        header = "Blue Revision - 2025-03-10"
        assert (header in top_line(page)) == (index in marked), index


def test_a_long_paragraph_marks_only_the_printed_lines_that_changed(tmp_path: Path) -> None:
    long = " ".join(f"Sentence number {n} of the long paragraph goes on." for n in range(12))
    old = f"INT. ROOM - DAY\n\n{long}\n"
    new = old.replace("Sentence number 9 of", "Sentence number nine of")
    out = tmp_path / "long.pdf"
    draft = revised(old, new)
    export(parse(draft.body), out, setup=LETTER, draft=draft)
    page = pdf_pages(out)[0]
    lines = page["lines"]
    assert isinstance(lines, dict)
    assert sum("Sentence" in text for text in lines.values()) >= 6  # wrapped over 6 lines
    assert marks_of(page) == [line_with(page, "nine")]


def test_removed_text_is_marked_where_it_was(tmp_path: Path) -> None:
    old = script_text(3)
    new = edit(old, "TOM\nYou remember every room.\n\nINT. ROOM 2", "INT. ROOM 2")
    draft = revised(old, new)
    out = tmp_path / "cut.pdf"
    export(parse(draft.body), out, setup=LETTER, draft=draft)
    page = pdf_pages(out)[0]
    assert marks_of(page) == [line_with(page, "INT. ROOM 2 - DAY")]


def test_revised_pages_only_and_the_marks_can_be_left_out(tmp_path: Path) -> None:
    old = TITLE + script_text()
    new = edit(old, "This is room 20.", "This is room twenty.")
    draft = revised(old, new)
    whole = plan_print(parse(draft.body), LETTER, draft)
    wanted = [p.label for p in whole.pages if p.revision is not None]
    assert len(wanted) == 1 and len(whole.pages) > 5
    out = tmp_path / "only.pdf"
    plan = export(
        parse(draft.body), out, setup=PrintSetup(paper="letter", revised_only=True), draft=draft
    )
    assert plan is not None and [p.label for p in plan.pages] == wanted
    pages = pdf_pages(out)
    assert len(pages) == 2  # the title page and the revised page
    assert top_line(pages[1]).endswith(f"{wanted[0]}.")
    assert marks_of(pages[1]) == [line_with(pages[1], "This is room twenty.")]
    # The title page lists the round under the draft date.
    title = pages[0]["lines"]
    assert isinstance(title, dict)
    lower = [title[b] for b in sorted(title)]
    assert lower[-2:] == ["1/27/2012", "Blue Revision - 2025-03-10"]
    # Without marks: the header stays, the * goes.
    out = tmp_path / "nomarks.pdf"
    export(
        parse(draft.body), out, setup=PrintSetup(paper="letter", revision_marks=False), draft=draft
    )
    pages = pdf_pages(out)
    assert not any(marks_of(page) for page in pages)
    assert sum("Blue Revision" in top_line(page) for page in pages[1:]) == 1


def test_revised_only_with_nothing_revised_says_so() -> None:
    text = script_text(2)
    with pytest.raises(ReelwrightError, match="no page is revised"):
        plan_print(parse(text), PrintSetup(revised_only=True), Draft(text, ProductionData()))
    draft = revised(text, text.replace("room 2.", "room two."))
    draft.data.revisions.start_round(2, "2025-04-01")  # Pink under way, nothing marked yet
    with pytest.raises(ReelwrightError, match="no page is revised in the Pink round"):
        plan_print(parse(draft.body), PrintSetup(revised_only=True), draft)


def test_later_rounds_head_their_pages_and_colour_them(tmp_path: Path) -> None:
    old = script_text()
    blue = revised(old, edit(old, "This is room 3.", "This is room three."))
    pink_text = edit(blue.body, "This is room 18.", "This is room eighteen.")
    pink, started = mark_against(Draft(pink_text, ProductionData()), blue, 2, "2025-03-17")
    assert started.name == "Pink"
    setup = PrintSetup(paper="letter", revision_colour="band")
    plan = plan_print(parse(pink.body), setup, pink)
    revised_pages = {p.label: p.revision for p in plan.pages if p.revision is not None}
    assert [r.name for r in revised_pages.values() if r] == ["Blue", "Pink"]
    out = tmp_path / "band.pdf"
    export(parse(pink.body), out, setup=setup, draft=pink)
    pages = pdf_pages(out)
    bands = [
        index
        for index, page in enumerate(pages)
        if any("BLUE PAGE" in t or "PINK PAGE" in t for t in page["lines"].values())  # type: ignore[attr-defined]
    ]
    assert [plan.pages[i].label for i in bands] == list(revised_pages)
    # Only the Pink pages when printing the current round's revised pages.
    only = plan_print(parse(pink.body), PrintSetup(paper="letter", revised_only=True), pink)
    assert [p.revision.name for p in only.pages if p.revision] == ["Pink"]


def test_tint_colours_the_revised_page(tmp_path: Path) -> None:
    old = script_text(2)
    draft = revised(old, edit(old, "This is room 2.", "This is room two."))
    out = tmp_path / "tint.pdf"
    export(
        parse(draft.body),
        out,
        setup=PrintSetup(paper="letter", revision_colour="tint"),
        draft=draft,
    )
    with pdfplumber.open(out) as pdf:
        rects = pdf.pages[0].rects
        assert rects and rects[0]["width"] == pytest.approx(8.5 * 72)
        colour = rects[0]["non_stroking_color"]
    blue = Round(1).paper
    assert [round(c * 255) for c in colour] == [int(blue[i : i + 2], 16) for i in (1, 3, 5)]


def test_locked_scene_numbers_print_with_letters_and_omitted(tmp_path: Path) -> None:
    old = script_text(4)
    locked_text, lock = lock_scenes(old, None)
    data = ProductionData(scenes=lock)
    new = edit(
        locked_text,
        "INT. ROOM 2 - DAY #2#",
        "INT. CORRIDOR - NIGHT\n\nA new scene.\n\nINT. ROOM 2 - DAY #2#",
    )
    start = new.index("INT. ROOM 3 - DAY #3#")
    end = new.index("INT. ROOM 4 - DAY #4#")
    new = new[:start] + new[end:]
    draft = Draft(new, data)
    out = tmp_path / "scenes.pdf"
    export(parse(new), out, setup=LETTER, draft=draft)  # scene numbers "none": printed anyway
    lines = [line for page in pdf_pages(out) for line in page["lines"].values()]  # type: ignore[attr-defined]
    for number, heading in (
        ("1", "INT. ROOM 1 - DAY"),
        ("1A", "INT. CORRIDOR - NIGHT"),
        ("2", "INT. ROOM 2 - DAY"),
        ("3", "OMITTED"),
        ("4", "INT. ROOM 4 - DAY"),
    ):
        # The number in both margins, the heading between (letters and OMITTED alike).
        assert f"{number}{heading}{number}" in lines, heading


def test_a_scene_cut_in_a_round_marks_its_omitted_heading(tmp_path: Path) -> None:
    old, lock = lock_scenes(script_text(5), None)
    start = old.index("INT. ROOM 3 - DAY #3#")
    new = old[:start] + old[old.index("INT. ROOM 4 - DAY #4#") :]
    draft = revised(old, new)
    draft = Draft(draft.body, ProductionData(draft.data.revisions, scenes=lock))
    out = tmp_path / "omitted.pdf"
    export(parse(new), out, setup=LETTER, draft=draft)
    pages = pdf_pages(out)
    marked = [(index, bottom) for index, page in enumerate(pages) for bottom in marks_of(page)]
    lines = [(i, text) for i, page in enumerate(pages) for text in page["lines"].values()]  # type: ignore[attr-defined]
    omitted = next(i for i, text in lines if text.startswith("3OMITTED3"))
    assert marked == [(omitted, line_with(pages[omitted], "3OMITTED3"))]


def _page_locked(text: str) -> ProductionData:
    script = parse(text)
    setup = LETTER.for_script(script)
    pagination = paginate(script, setup.layout, setup.options)
    return ProductionData(pages=lock_pages(script, text, pagination))


def page_numbers(path: Path) -> list[str]:
    numbers = []
    for page in pdf_pages(path):
        words = top_line(page).split()
        numbers.append(words[-1] if words else "")
    return numbers


def test_a_pages_and_combined_pages_are_the_page_numbers(tmp_path: Path) -> None:
    old = script_text(60)
    data = _page_locked(old)
    pagination = paginate(parse(old), layout_for("letter"))
    lines = old.split("\n")
    # Text added on page 3 spills onto 3A; page 5's text all cut: 5-6.
    at = pagination.pages[2].lines[3].source_line
    assert at is not None
    added = "\n\n".join(["A long new paragraph of action written into a locked page. " * 3] * 3)
    start = pagination.pages[4].first_source_line
    end = pagination.pages[5].first_source_line
    new_lines = [*lines[:at], added, "", *lines[at:start], *lines[end:]]
    new = "\n".join(new_lines)
    data.carry(old, new)
    out = tmp_path / "locked.pdf"
    plan = export(parse(new), out, setup=PrintSetup(), draft=Draft(new, data))
    assert plan is not None
    numbers = page_numbers(out)
    assert numbers[:6] == ["", "2.", "3.", "3A.", "4.", "5-6."]
    assert numbers[6] == "7."
    assert [p.label for p in plan.pages][:6] == ["1", "2", "3", "3A", "4", "5-6"]
    assert plan.scene_pages()[0] == "1"


def test_watermark_header_footer_and_draft_date(tmp_path: Path) -> None:
    text = TITLE + script_text(6)
    setup = PrintSetup(
        paper="letter",
        watermark="Jane Doe",
        header="BRICK & STEEL - Blue draft",
        footer="Property of Next Level Productions",
        draft_date="March 10, 2025",
    )
    out = tmp_path / "sheets.pdf"
    plan = export(parse(text), out, setup=setup)
    assert plan is not None
    pages = pdf_pages(out)
    for number, page in enumerate(pages):
        chars = page["chars"]
        assert isinstance(chars, list)
        big = "".join(str(c["text"]) for c in chars if float(c["size"]) > 20)
        assert big == "Jane Doe", number
        # Turned along the diagonal: the text matrix's b is sin(angle), about 0.79.
        assert all(float(c["matrix"][1]) > 0.7 for c in chars if float(c["size"]) > 20)
        lines = page["lines"]
        assert isinstance(lines, dict)
        if number == 0:
            assert "March 10, 2025" in lines.values()
            assert "1/27/2012" not in lines.values()
            continue
        assert top_line(page).startswith("BRICK & STEEL - Blue draft")
        bottom = max(lines)
        assert lines[bottom].strip() == "Property of Next Level Productions"
        assert bottom > float(page["height"]) - 72  # in the bottom margin


def test_hostile_sheet_text_stays_on_the_page(tmp_path: Path) -> None:
    setup = PrintSetup(
        paper="a4",
        watermark="W" * 400,
        header="H\n" * 200,
        footer="F" * 500,
    )
    assert "\n" not in setup.header
    out = tmp_path / "long.pdf"
    export(parse(script_text(2)), out, setup=setup)
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                assert char["x0"] >= -1 and char["x1"] <= page.width + 1
                assert char["top"] >= -1 and char["bottom"] <= page.height + 1


def test_fdx_and_fountain_exports_carry_the_draft(tmp_path: Path) -> None:
    old = script_text(4)
    locked_text, lock = lock_scenes(old, None)
    new = edit(locked_text, "This is room 2.", "This is room two.")
    draft, _round = mark_against(
        Draft(new, ProductionData(scenes=lock)), Draft(locked_text, ProductionData()), 1, "d"
    )
    export(parse(draft.body), tmp_path / "out.fdx", draft=draft)
    back = read_fdx_draft(tmp_path / "out.fdx")
    assert back.data.scenes is not None
    assert [r.name for r in back.data.revisions.rounds] == ["Blue"]
    assert any("two" in back.body.split("\n")[line] for line in back.data.revisions.marks)
    export(parse(draft.body), tmp_path / "out.fountain", draft=draft)
    loaded = production_file.read((tmp_path / "out.fountain").read_text())
    assert loaded.data.scenes is not None
    lines = loaded.body.split("\n")
    assert [lines[line] for line in loaded.data.revisions.marks] == [
        "This is room two. I remember it."
    ]


def test_the_command_line_prints_revised_pages_of_two_drafts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = TITLE + script_text()
    new = edit(old, "This is room 9.", "This is room nine.")
    (tmp_path / "old.fountain").write_text(old)
    (tmp_path / "new.fountain").write_text(new)
    out = tmp_path / "blue.pdf"
    code = main(
        [
            "export", str(tmp_path / "new.fountain"), "-o", str(out),
            "--revised-from", str(tmp_path / "old.fountain"), "--revision", "blue",
            "--revision-date", "2025-03-10", "--revised-only", "--watermark", "Jane Doe",
        ]
    )  # fmt: skip
    assert code == 0
    said = capsys.readouterr().out
    assert "marked 1 changed line since old.fountain in the Blue revision" in said
    assert "1 revised page of" in said
    pages = pdf_pages(out)
    assert len(pages) == 2
    assert "Blue Revision - 2025-03-10" in top_line(pages[1])
    assert marks_of(pages[1]) == [line_with(pages[1], "This is room nine.")]
    assert (tmp_path / "new.fountain").read_text() == new  # the script itself unchanged
    # From an FDX of the new draft, against the old one: the same marks.
    export(parse(new), tmp_path / "new.fdx")
    code = main(
        [
            "export", str(tmp_path / "new.fdx"), "-o", str(tmp_path / "fdx.pdf"),
            "--revised-from", str(tmp_path / "old.fountain"), "--revised-only",
        ]
    )  # fmt: skip
    assert code == 0
    assert "in the Blue revision" in capsys.readouterr().out
    assert len(pdf_pages(tmp_path / "fdx.pdf")) == 2


def test_the_command_line_reads_the_drafts_own_marks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = script_text(8)
    draft = revised(old, edit(old, "This is room 5.", "This is room five."))
    script = tmp_path / "marked.fountain"
    script.write_text(production_file.write(draft.body, draft.data))
    out = tmp_path / "marked.pdf"
    assert main(["export", str(script), "-o", str(out), "--revised-only"]) == 0
    assert len(pdf_pages(out)) == 1
    fdx = tmp_path / "marked.fdx"
    assert main(["export", str(script), "-o", str(fdx)]) == 0
    assert read_fdx_draft(fdx).data.revisions.marks
    capsys.readouterr()
    assert main(["export", str(script), "-o", str(out), "--revision", "pink"]) == 1
    assert "--revised-from" in capsys.readouterr().err
    code = main(
        ["export", str(script), "-o", str(out), "--revised-from", str(script), "--revision",
         "white"]
    )  # fmt: skip
    assert code == 1
    assert "the Blue round is already under way" in capsys.readouterr().err


_FRAGMENTS = (
    "INT. HOUSE - DAY",
    "EXT. ROAD - NIGHT #7#",
    ".OMITTED #3#",
    "BOB",
    "MAYA (V.O.)",
    "(quietly)",
    "Hello there. How are you?",
    "A door opens. **Slowly**, it *creaks*.",
    "CUT TO:",
    "===",
    "[[a note]]",
    "> THE END <",
    "你好，世界。张伟来了。",
    "Привет, как дела?",
    "\t",
    "",
    "",
)
_LINE = st.one_of(
    st.sampled_from(_FRAGMENTS),
    st.text(st.sampled_from("abc XYZ.,!?*_#@~\u200b你é"), max_size=120),
)
_SCRIPT = st.lists(_LINE, min_size=1, max_size=60).map("\n".join)
_EDITS = st.lists(
    st.tuples(st.integers(0, 80), st.sampled_from(["insert", "delete", "change"]), _LINE),
    max_size=6,
)


def _edited(text: str, edits: list[tuple[int, str, str]]) -> str:
    lines = text.split("\n")
    for at, kind, line in edits:
        at = at % (len(lines) + 1)
        if kind == "insert":
            lines[at:at] = [line, ""]
        elif kind == "delete" and at < len(lines):
            del lines[at]
        elif at < len(lines):
            lines[at] = line
    return "\n".join(lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    _SCRIPT,
    _EDITS,
    st.booleans(),
    st.booleans(),
    st.sampled_from(["none", "tint", "band"]),
    st.sampled_from(["", "Jane Doe", "张伟 " * 30, "x" * 900]),
    st.sampled_from(["letter", "a4"]),
)
def test_any_draft_prints_its_marks_on_its_pages(
    old: str,
    edits: list[tuple[int, str, str]],
    lock_numbers: bool,
    lock_sheets: bool,
    colour: str,
    watermark: str,
    paper: str,
) -> None:
    """Whatever the drafts, locks and sheet options: the PDF has the plan's sheets, and each
    page exactly the plan's marks, all on the paper."""
    data = ProductionData()
    if lock_numbers:
        old, data.scenes = lock_scenes(old, None)
    if lock_sheets:
        script = parse(old)
        data.pages = lock_pages(script, old, paginate(script, layout_for(paper)))
    new = _edited(old, edits)
    draft, _round = mark_against(Draft(new, ProductionData()), Draft(old, data), 1, "d")
    setup = PrintSetup(paper=paper, revision_colour=colour, watermark=watermark)  # type: ignore[arg-type]
    plan = plan_print(parse(draft.body), setup, draft)
    data_pdf = render_plan(plan)
    with pdfplumber.open(io.BytesIO(data_pdf)) as pdf:
        titles = len(pdf.pages) - plan.page_count
        assert titles == (1 if plan.script.title_page else 0) or titles >= 1
        for planned, page in zip(plan.pages, pdf.pages[titles:], strict=True):
            stars = [c for c in page.chars if c["text"] == "*" and abs(c["x0"] - MARK_X * PT) < 1]
            assert len(stars) == len(planned.marks)
            for char in page.chars:
                if float(char["size"]) < 20:  # the watermark turns on the diagonal
                    assert char["x0"] >= -1 and char["x1"] <= page.width + 1


def test_the_locked_layout_gives_the_views_their_labels() -> None:
    """What the editor's page rules and the navigator read under locked pages."""
    from reelwright.screenplay.page_lock import paginate_locked

    old = script_text(60)
    data = _page_locked(old)
    pagination = paginate(parse(old), layout_for("letter"))
    at = pagination.pages[2].lines[3].source_line
    assert at is not None
    lines = old.split("\n")
    added = "A long new paragraph of action written into a locked page. " * 12
    new = "\n".join([*lines[:at], added, "", *lines[at:]])
    data.carry(old, new)
    assert data.pages is not None
    placed = paginate_locked(parse(new), new, data.pages, layout_for("letter"))
    starts = placed.start_labels()
    assert [label for _line, label in starts][:5] == ["1", "2", "3", "3A", "4"]
    assert [line for line, _label in starts] == [
        page.first_source_line for page in placed.pagination.pages
    ]
    scenes = placed.scene_labels()
    script = parse(new)
    for index, label in scenes.items():
        line = script.elements[index].start_line
        holding = max((start for start in starts if start[0] <= line), key=lambda start: start[0])
        assert label == holding[1]
    assert len(scenes) == 60 and set(scenes.values()) <= set(placed.labels)
