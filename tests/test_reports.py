"""Reports: the numbers (``screenplay.reports``), the CSV and PDF files, and
``reelwright report`` on the command line."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from reelwright.cli.main import main
from reelwright.exporters.report_csv import csv_paths, render_csv, write_csvs
from reelwright.exporters.report_pdf import render_report_pdf, write_report_pdf
from reelwright.screenplay.layout import layout_for
from reelwright.screenplay.pagination import paginate
from reelwright.screenplay.parser import parse, parse_file
from reelwright.screenplay.reports import (
    DAWN_DUSK,
    DAY,
    NIGHT,
    OTHERS,
    UNSPECIFIED,
    build_report,
    format_eighths,
    period_of,
    report_table,
)

LETTER = layout_for("letter")

SMALL = """Title: Small Hours

INT. KITCHEN - NIGHT

= Maya finds the letter.

Maya reads. Bob waits outside.

MAYA
It was him. All along.

MAYA (V.O.)
I knew.

EXT. KITCHEN - CONTINUOUS

BOB
Let me in.

MAYA
No.

INT. KITCHEN - DAY

Empty.

EXT. ROOF - DAWN

BOB ^
Hey.
"""


def test_format_eighths() -> None:
    assert [format_eighths(n) for n in (1, 3, 8, 11, 16, 0)] == [
        "1/8",
        "3/8",
        "1",
        "1 3/8",
        "2",
        "0",
    ]


@pytest.mark.parametrize(
    ("time", "previous", "period"),
    [
        ("DAY", UNSPECIFIED, DAY),
        ("LATE AFTERNOON", UNSPECIFIED, DAY),
        ("NIGHT [PRESENT]", DAY, NIGHT),
        ("PRE-DAWN", NIGHT, DAWN_DUSK),
        ("CONTINUOUS", NIGHT, NIGHT),
        ("MOMENTS LATER", DAY, DAY),
        ("", DAY, UNSPECIFIED),
        ("1977", DAY, UNSPECIFIED),
    ],
)
def test_period_of(time: str, previous: str, period: str) -> None:
    assert period_of(time, previous) == period


def test_every_time_of_day_of_the_vocabulary_has_a_period() -> None:
    from reelwright.screenplay.vocabulary import CJK_TIMES_OF_DAY, TIMES_OF_DAY

    for time in (*TIMES_OF_DAY, *CJK_TIMES_OF_DAY):
        assert period_of(time, NIGHT) != UNSPECIFIED, time
        assert period_of(time, UNSPECIFIED) in (DAY, NIGHT, DAWN_DUSK, UNSPECIFIED), time


@pytest.mark.parametrize(
    ("time", "previous", "period"),
    [
        ("日", UNSPECIFIED, DAY),
        ("夜", DAY, NIGHT),
        ("黎明", NIGHT, DAWN_DUSK),
        ("黄昏", DAY, DAWN_DUSK),
        ("次日清晨", UNSPECIFIED, DAWN_DUSK),
        ("当晚", DAY, NIGHT),
        ("同时", NIGHT, NIGHT),  # carries the scene before's
        ("稍后", DAY, DAY),
        ("夕方", DAY, DAWN_DUSK),
        ("翌朝", NIGHT, DAY),
        ("（夜）", DAY, NIGHT),
        ("回忆", DAY, UNSPECIFIED),
    ],
)
def test_chinese_and_japanese_times_have_periods(time: str, previous: str, period: str) -> None:
    assert period_of(time, previous) == period


def test_a_chinese_script_report() -> None:
    text = """Title：归途

INT。 火车站 - 夜

张伟赶到站台。张伟明在等他。

李娜
你在哪儿？

．外景 老街 - 黄昏

张伟明走过石板路。

张伟明
我在这里。

．内景 家 - 同时

张伟坐下。

张伟
到家了。
"""
    report = build_report(parse(text), LETTER)
    assert [s.period for s in report.scenes] == [NIGHT, DAWN_DUSK, DAWN_DUSK]
    assert [s.characters for s in report.scenes] == [
        ("李娜", "张伟", "张伟明"),
        ("张伟明",),
        ("张伟",),
    ]
    # One word count: each Chinese character is a word, punctuation is not.
    from reelwright.screenplay.stats import count_words, printed, script_facts

    assert (
        report.words
        == script_facts(parse(text)).words
        == sum(
            count_words(printed(e.text)) for e in parse(text).elements if e.type.name != "SYNOPSIS"
        )
    )
    assert count_words("张伟赶到站台。") == 6


def test_small_script_reports() -> None:
    report = build_report(parse(SMALL), LETTER)
    assert report.title == "Small Hours"
    assert [s.heading for s in report.scenes] == [
        "INT. KITCHEN - NIGHT",
        "EXT. KITCHEN - CONTINUOUS",
        "INT. KITCHEN - DAY",
        "EXT. ROOF - DAWN",
    ]
    first, second, third, fourth = report.scenes
    assert first.synopsis == "Maya finds the letter."
    assert first.speakers == ("MAYA",)
    assert first.characters == ("MAYA", "BOB")  # Bob is named in the action
    assert second.period == NIGHT  # CONTINUOUS carries the night on
    assert third.characters == () and third.period == DAY
    assert fourth.period == DAWN_DUSK and fourth.speakers == ("BOB",)
    assert all(s.page == 1 and s.eighths >= 1 for s in report.scenes)

    cast = {c.name: c for c in report.cast}
    assert set(cast) == {"MAYA", "BOB"}
    assert cast["MAYA"].speeches == 3 and cast["MAYA"].words == 8
    assert cast["BOB"].speeches == 2 and cast["BOB"].words == 4
    assert cast["BOB"].first_scene == "1"  # named before he speaks
    assert cast["BOB"].scenes == 3 and cast["BOB"].speaking_scenes == 2
    assert report.cast[0].name == "MAYA"  # most words first
    assert round(cast["MAYA"].share + cast["BOB"].share, 6) == 1

    places = {p.name: p for p in report.locations}
    assert set(places) == {"KITCHEN", "ROOF"}
    kitchen = places["KITCHEN"]
    assert kitchen.settings == ("INT", "EXT")
    assert kitchen.times == ("NIGHT", "CONTINUOUS", "DAY")
    assert kitchen.periods == (NIGHT, DAY)
    assert kitchen.scenes == 3
    assert kitchen.eighths == sum(s.eighths for s in report.scenes[:3])


def test_scene_lengths_are_measured_on_the_printed_pages(corpus_dir: Path) -> None:
    script = parse_file(corpus_dir / "Big-Fish.fountain")
    pagination = paginate(script, LETTER)
    report = build_report(script, LETTER, pagination)
    assert report.pages == pagination.page_count >= 120
    assert len(report.scenes) == 192
    # The scenes cover the pages from the first heading on: all but the opening and
    # the last page's empty foot, give or take half an eighth of rounding per scene.
    first_page = report.scenes[0].page
    covered = (report.pages - first_page + 1) * 8
    assert covered - 8 - len(report.scenes) / 2 <= report.total_eighths <= covered
    # A scene's page is where the pagination starts it; lengths follow the page breaks.
    for row in report.scenes:
        assert row.page == pagination.page_of_line(row.line)
    longest = max(report.scenes, key=lambda s: s.eighths)
    assert longest.eighths >= 24  # Big Fish has scenes of more than three pages


def test_a_scene_is_its_slots_in_eighths() -> None:
    body = "\n\n".join(f"Line {n}." for n in range(20))
    text = f"INT. A - DAY\n\n{body}\n\nINT. B - DAY\n\nShort."
    script = parse(text)
    pagination = paginate(script, LETTER)
    report = build_report(script, LETTER, pagination)
    heading_b = next(line for line in pagination.pages[0].lines if line.text.startswith("INT. B"))
    assert report.scenes[0].eighths == round(heading_b.slot * 8 / LETTER.lines_per_page)
    assert report.scenes[1].eighths == 1  # never less than an eighth


def test_dialogue_share_groups_the_rest() -> None:
    cues = "\n\n".join(f"SPEAKER{n}\n{'word ' * (20 - n)}" for n in range(12))
    report = build_report(parse(f"INT. ROOM - DAY\n\n{cues}\n"), LETTER)
    shares = report.dialogue_share(top=8)
    assert len(shares) == 8 and shares[-1].label == OTHERS
    assert sum(s.value for s in shares) == sum(c.words for c in report.cast)
    assert shares[-1].count == 5  # five speakers folded into Others, one speech each


def test_empty_script_reports() -> None:
    report = build_report(parse(""), LETTER)
    assert report.scenes == [] and report.cast == [] and report.pages == 0
    assert render_report_pdf(report).startswith(b"%PDF")
    assert render_csv(report, "scenes").decode("utf-8-sig").startswith("Scene,Heading")


# CSV ---------------------------------------------------------------------------------------


def test_csv_reads_back_and_defuses_formulas(tmp_path: Path) -> None:
    text = SMALL.replace("= Maya finds the letter.", "= -1 for Maya, =SUM(A1) +2 @home")
    report = build_report(parse(text), LETTER)
    data = render_csv(report, "scenes")
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM for Excel
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, first = rows[0], rows[1]
    assert header == report_table(report, "scenes")[0]
    assert first[header.index("Synopsis")] == "'-1 for Maya, =SUM(A1) +2 @home"
    assert first[header.index("Characters")] == "MAYA, BOB"
    assert first[header.index("Eighths")] == str(report.scenes[0].eighths)
    assert len(rows) == 1 + len(report.scenes)

    written = write_csvs(report, tmp_path / "small.csv")
    assert [Path(p).name for p in written] == [
        "small-scenes.csv",
        "small-cast.csv",
        "small-locations.csv",
    ]
    cast = list(csv.DictReader(io.StringIO(Path(written[1]).read_text("utf-8-sig"))))
    assert cast[0]["Character"] == "MAYA" and cast[0]["Speeches"] == "3"
    assert csv_paths(tmp_path / "only.csv", ["cast"]) == [("cast", str(tmp_path / "only.csv"))]


# PDF ---------------------------------------------------------------------------------------


def test_report_pdf_has_charts_and_tables(corpus_dir: Path, tmp_path: Path) -> None:
    report = build_report(parse_file(corpus_dir / "Big-Fish.fountain"), LETTER)
    target = tmp_path / "reports.pdf"
    write_report_pdf(report, target)
    reader = PdfReader(target)
    assert reader.metadata is not None and reader.metadata.title == "Big Fish — reports"
    with pdfplumber.open(target) as pdf:
        first = pdf.pages[0]
        text = first.extract_text()
        assert "Who speaks how much" in text and "Scene lengths along the script" in text
        assert "EDWARD" in text and "4,453 words" in text
        # The charts are drawn, not pictures: one bar per scene plus the speakers' bars.
        assert len(first.rects) >= len(report.scenes) + len(report.dialogue_share())
        assert not first.images
        whole = "\n".join(page.extract_text() for page in pdf.pages)
    for title in ("Scene report", "Cast report", "Location report"):
        assert title in whole
    assert "INT. WILL'S BEDROOM - NIGHT" in whole and "GUEST ROOM" in whole


def test_report_pdf_sections_and_other_alphabets(tmp_path: Path) -> None:
    text = "INT. ДОМ - НОЧЬ\n\nИВАН\nПривет.\n\nΕΛΕΝΗ\nΓεια.\n"
    report = build_report(parse(text), layout_for("a4"))
    target = tmp_path / "ru.pdf"
    write_report_pdf(report, target, ["cast", "charts"])
    with pdfplumber.open(target) as pdf:
        assert pdf.pages[0].width == pytest.approx(595.3, abs=0.5)  # A4 follows the layout
        whole = "".join(page.extract_text() for page in pdf.pages)
        fonts = {char["fontname"] for page in pdf.pages for char in page.chars}
    assert "ИВАН" in whole and "ΕΛΕΝΗ" in whole
    assert "Cast report" in whole and "Scene report" not in whole
    assert any("LiberationMono" in font for font in fonts)  # Cyrillic and Greek glyphs


# Command line -----------------------------------------------------------------------------


def test_cli_report_pdf_csv_and_tables(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = corpus_dir / "Brick-and-Steel.fountain"
    assert main(["report", str(script), "-o", str(tmp_path / "r.pdf")]) == 0
    assert "wrote" in capsys.readouterr().out
    assert PdfReader(tmp_path / "r.pdf").pages
    assert main(["report", str(script), "-o", str(tmp_path / "r.csv")]) == 0
    assert {p.name for p in tmp_path.glob("r-*.csv")} == {
        "r-scenes.csv",
        "r-cast.csv",
        "r-locations.csv",
    }
    capsys.readouterr()
    assert main(["report", str(script), "--only", "cast", "-o", str(tmp_path / "c.csv")]) == 0
    assert (tmp_path / "c.csv").read_text("utf-8-sig").startswith("Character,Speeches")
    capsys.readouterr()
    assert main(["report", str(script), "--only", "scenes,cast"]) == 0
    out = capsys.readouterr().out
    assert "EXT. BRICK'S PATIO - DAY" in out and "STEEL" in out and "locations" not in out
    assert main(["report", str(script), "--json"]) == 0
    assert '"cast"' in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "OUT.txt"], "name it .pdf or .csv"),
        (["--only", "charts", "-o", "OUT.csv"], "charts are drawn in the PDF"),
        (["--only", "budget"], "unknown report budget"),
    ],
)
def test_cli_report_refuses_with_one_line(
    corpus_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    args = [a.replace("OUT", str(tmp_path / "out")) for a in args]
    assert main(["report", str(corpus_dir / "simple.fountain"), *args]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not list(tmp_path.iterdir())


def test_cli_report_missing_file_and_no_qt(tmp_path: Path) -> None:
    assert main(["report", str(tmp_path / "nope.fountain")]) == 1
    probe = (
        "import sys; from reelwright.cli.main import main; "
        f"main(['report', {str(tmp_path / 'nope.fountain')!r}]); "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True).returncode == 0
