"""The PDF read back: positions, lines per page, numbers, MORE/CONT'D, title, fonts."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdf
import pytest

from reelwright.exporters.pdf import write_pdf
from reelwright.screenplay.elements import Element, ElementType, Script
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.layout import A4, LETTER
from reelwright.screenplay.pagination import Pagination, PrintOptions

T = ElementType
HALF_CHAR = 3.5  # points: half of a 7.0 pt character cell


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


def feature(scenes: int = 12) -> Script:
    items: list[tuple] = []
    for n in range(scenes):
        items += [
            (T.SCENE_HEADING, f"INT. ROOM {n} - DAY"),
            (T.ACTION, "Maya crosses the room. She **stops** at the *window*. " * 2),
            (T.CHARACTER, "MAYA (V.O.)"),
            (T.PARENTHETICAL, "(quietly, to the glass, as if it could hear)"),
            (T.DIALOGUE, " ".join(f"I said it {k} times." for k in range(14))),
            (T.ACTION, "Silence."),
            (T.CHARACTER, "BRICK"),
            (T.DIALOGUE, "Screw retirement."),
            (T.CHARACTER, "STEEL", {"dual": True}),
            (T.DIALOGUE, "Screw retirement."),
            (T.TRANSITION, "CUT TO:"),
            (T.CENTERED, "THE END"),
            (T.LYRICS, "Happy birthday to you"),
        ]
    title = {
        "Title": "_**Brick & Steel**_",
        "Credit": "Written by",
        "Author": "Stu Maschwitz",
        "Draft date": "1/27/2012",
        "Contact": "Next Level Productions\n1588 Mission Dr.",
    }
    return build(items, title)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Pagination, Script]:
    path = tmp_path_factory.mktemp("pdf") / "feature.pdf"
    script = feature()
    pagination = write_pdf(script, path, LETTER, PrintOptions(scene_numbers="both"))
    return path, pagination, script


def rows_of(page: pdfplumber.page.Page) -> dict[int, list[dict]]:
    rows: dict[int, list[dict]] = {}
    for char in page.chars:
        rows.setdefault(round(char["top"]), []).append(char)
    return rows


def test_positions_lines_and_numbers(exported: tuple[Path, Pagination, Script]) -> None:
    path, pagination, _script = exported
    layout = pagination.layout
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == pagination.page_count + 1  # the title page is not counted
        for index, page in enumerate(pagination.pages):
            pdf_page = pdf.pages[index + 1]
            assert pdf_page.width == pytest.approx(612) and pdf_page.height == pytest.approx(792)
            body = [c for c in pdf_page.chars if c["top"] > layout.top_margin * 72 - 2]
            tops = sorted({round(c["top"], 1) for c in body})
            assert len(tops) <= layout.lines_per_page + 1  # and a (MORE) under the last
            for line in page.lines:
                if not line.text.strip():
                    continue
                # Line slots are 12 pt apart, slot 0 at the top margin (-1 above it).
                top = 72 + line.slot * 12
                near = [
                    c
                    for c in pdf_page.chars
                    if abs(c["top"] - top) < 3
                    and abs(c["x0"] - line.x * 72) < 200
                    and (line.dual != "left" or c["x0"] < 4.5 * 72)
                    and (line.dual != "right" or c["x0"] > 4.5 * 72)
                    and c["x0"] >= 1.4 * 72
                ]
                assert near, f"page {page.number}: no text for {line.text!r}"
                left = min(c["x0"] for c in near)
                assert abs(left - line.x * 72) <= HALF_CHAR, (line.type, line.text)
            # Page numbers: "N." top right from page 2, right edge at 7.25 in.
            header = [c for c in pdf_page.chars if c["top"] < 0.7 * 72]
            label = "".join(c["text"] for c in header if c["x0"] > 6 * 72)
            if page.number == 1:
                assert label == ""
            else:
                assert label == f"{page.number}."
                right = max(c["x1"] for c in header if c["x0"] > 6 * 72)
                assert right == pytest.approx(7.25 * 72, abs=HALF_CHAR)


def test_profile_columns_in_pdf(exported: tuple[Path, Pagination, Script]) -> None:
    """Each element kind starts where Final Draft puts it, measured on the page."""
    path, _pagination, _ = exported
    wanted = {
        "INT. ROOM 0 - DAY": 1.5,
        "MAYA (V.O.)": 3.5,
        "(quietly, to the glass,": 3.0 - 7 / 72,  # the "(" hangs one character left
        "I said it 0 times.": 2.5,
    }
    with pdfplumber.open(path) as pdf:
        words = pdf.pages[1].extract_words(keep_blank_chars=True, x_tolerance=1.5)
        for text, inches in wanted.items():
            hits = [w for w in words if w["text"].startswith(text)]
            assert hits, text
            assert abs(hits[0]["x0"] - inches * 72) <= HALF_CHAR
        cut = next(w for w in words if w["text"] == "CUT TO:")
        assert abs(cut["x1"] - 7.1 * 72) <= HALF_CHAR
        number = next(w for w in words if w["text"] == "1" and w["x0"] < 72)
        assert abs(number["x0"] - 0.75 * 72) <= HALF_CHAR
        right = next(w for w in words if w["text"] == "1" and w["x0"] > 7 * 72)
        assert abs(right["x1"] - 7.375 * 72) <= 0.5  # right-aligned, as Final Draft
        lyric_chars = [c for c in pdf.pages[1].chars if c["text"] == "H"]
        assert any("Italic" in c["fontname"] for c in lyric_chars)


def test_more_and_contd(exported: tuple[Path, Pagination, Script]) -> None:
    path, pagination, _ = exported
    split = [i for i, page in enumerate(pagination.pages) if any(line.more for line in page.lines)]
    assert split, "the feature should have a speech crossing a page"
    with pdfplumber.open(path) as pdf:
        for index in split:
            text = pdf.pages[index + 1].extract_text()
            following = pdf.pages[index + 2].extract_text()
            assert text.rstrip().endswith("(MORE)")
            assert "(CONT'D)" in following.splitlines()[1]  # after the page number


def test_title_page_metadata_outline_fonts(exported: tuple[Path, Pagination, Script]) -> None:
    path, _pagination, script = exported
    with pdfplumber.open(path) as pdf:
        title_page = pdf.pages[0]
        lines = title_page.extract_text().splitlines()
        assert lines[0] == "BRICK & STEEL"
        assert "Written by" in lines and "Stu Maschwitz" in lines
        assert lines[-2:] == ["Next Level Productions", "1588 Mission Dr."]
        title_chars = [c for c in title_page.chars if c["text"] in "BRICK"]
        assert all("Bold" in c["fontname"] for c in title_chars)
        # Centred on the page, the title 4.0 in from the top (Final Draft's title page).
        left = min(c["x0"] for c in title_page.chars if c["top"] < 400)
        right = max(c["x1"] for c in title_page.chars if c["top"] < 400)
        assert (left + right) / 2 == pytest.approx(4.25 * 72, abs=HALF_CHAR)
        title_top = min(c["top"] for c in title_page.chars)
        assert title_top == pytest.approx(4.0 * 72, abs=1)
        lower = [c for c in title_page.chars if c["top"] > 600]
        assert min(c["x0"] for c in lower) == pytest.approx(1.5 * 72, abs=HALF_CHAR)
        fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
        assert "ReelwrightTypewriter-Regular" in fonts
    reader = pypdf.PdfReader(path)
    assert reader.metadata is not None
    assert reader.metadata.title == "Brick & Steel"
    assert reader.metadata.author == "Stu Maschwitz"
    outline = [item.title for item in reader.outline]
    headings = [e.text for e in script.elements if e.type is T.SCENE_HEADING]
    assert outline == headings
    embedded = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                embedded.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert "ReelwrightTypewriter-Regular" in embedded
    assert "ReelwrightTypewriter-Bold" in embedded


def test_other_writing_systems(tmp_path: Path) -> None:
    script = build(
        [
            (T.SCENE_HEADING, "INT. 客厅 - 夜"),
            (T.ACTION, "Привет, мир. Γειά σου κόσμε. 他看着窗外，一言不发。"),
            (T.CHARACTER, "@张伟"),
            (T.DIALOGUE, "你好。我们走吧。"),
            (T.ACTION, "こんにちは。안녕하세요."),
        ]
    )
    path = tmp_path / "intl.pdf"
    write_pdf(script, path, A4)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert page.height == pytest.approx(297 / 25.4 * 72)
        chars = {c["text"]: c["fontname"].split("+")[-1] for c in page.chars}
        assert chars["П"].startswith("LiberationMono")
        assert chars["Γ"].startswith("LiberationMono")
        for han in "他你こ안":
            assert chars[han] == "DroidSansFallback", han
        text = page.extract_text()
        assert "你好。我们走吧。" in text.replace(" ", "")
        # Wide characters take two cells: the dialogue starts at 2.5 in all the same.
        ni = next(c for c in page.chars if c["text"] == "你")
        assert ni["x0"] == pytest.approx(2.5 * 72, abs=HALF_CHAR)
        hao = next(c for c in page.chars if c["text"] == "好")
        assert hao["x0"] - ni["x0"] == pytest.approx(14.4, abs=1)


def test_write_errors_are_clear(tmp_path: Path) -> None:
    with pytest.raises(ReelwrightError, match="could not write"):
        write_pdf(feature(1), tmp_path / "missing" / "out.pdf", LETTER)
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"old")
    write_pdf(feature(1), target, LETTER)
    assert target.read_bytes().startswith(b"%PDF")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
