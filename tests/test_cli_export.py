"""``reelwright export`` end to end on corpus scripts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from reelwright.cli.main import main
from reelwright.screenplay.parser import parse_file


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["export", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_pdf_from_fountain(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brick.pdf"
    code, stdout, stderr = run(
        capsys,
        str(corpus_dir / "Brick-and-Steel.fountain"),
        "-o",
        str(out),
        "--paper",
        "a4",
        "--scene-numbers",
        "left",
    )
    assert (code, stderr) == (0, "")
    assert stdout.startswith(f"wrote {out} (") and "a4" in stdout
    with pdfplumber.open(out) as pdf:
        assert pdf.pages[0].height == pytest.approx(297 / 25.4 * 72)
        assert "BRICK & STEEL" in pdf.pages[0].extract_text()
        first = pdf.pages[1].extract_words()
        assert any(w["text"] == "1" and w["x0"] < 72 for w in first)  # scene number, left


def test_fdx_out_and_back(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = corpus_dir / "Brick-and-Steel.fountain"
    fdx = tmp_path / "brick.fdx"
    back = tmp_path / "brick.fountain"
    assert run(capsys, str(source), "-o", str(fdx))[0] == 0
    code, stdout, _ = run(capsys, str(fdx), "-o", str(back))
    assert code == 0 and stdout.strip() == f"wrote {back}"
    original = parse_file(source)
    again = parse_file(back)
    assert [e.type for e in again.elements] == [e.type for e in original.elements]
    assert again.title_value("author") == original.title_value("author")


def test_fountain_out_with_encoding(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "simple.fountain"
    code, _, _ = run(capsys, str(corpus_dir / "simple.fountain"), "-o", str(out))
    assert code == 0
    assert parse_file(out).elements


@pytest.mark.parametrize(
    ("name", "output", "message"),
    [
        ("simple.fountain", "out.docx", "name it .pdf, .fdx or .fountain"),
        ("nope.fountain", "out.pdf", "does not exist"),
    ],
)
def test_user_mistakes_get_one_line(
    corpus_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    output: str,
    message: str,
) -> None:
    code, _, stderr = run(capsys, str(corpus_dir / name), "-o", str(tmp_path / output))
    assert code == 1
    assert message in stderr
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert not (tmp_path / output).exists()


def test_hostile_fdx_and_self_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = tmp_path / "bomb.fdx"
    bomb.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        b"<FinalDraft><Content><Paragraph><Text>&b;</Text></Paragraph></Content></FinalDraft>"
    )
    code, _, stderr = run(capsys, str(bomb), "-o", str(tmp_path / "x.fountain"))
    assert code == 1 and "entities" in stderr
    script = tmp_path / "s.fountain"
    script.write_text("INT. A - DAY\n\nText.\n", encoding="utf-8")
    code, _, stderr = run(capsys, str(script), "-o", str(script))
    assert code == 1 and "the script itself" in stderr
    assert script.read_text(encoding="utf-8") == "INT. A - DAY\n\nText.\n"


def test_export_imports_no_qt_or_llama(corpus_dir: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from reelwright.cli.main import main\n"
        f"rc = main(['export', {str(corpus_dir / 'Big-Fish.fountain')!r}, "
        f"'-o', {str(tmp_path / 'bf.pdf')!r}])\n"
        "heavy = [m for m in ('PySide6', 'llama_cpp', 'huggingface_hub') if m in sys.modules]\n"
        "print(rc, heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.stdout.strip().splitlines()[-1] == "0 []", result.stderr


def test_profiles_and_the_scripts_own_fmt_key(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--profile multicam`` prints Final Draft's multi-camera template; a script's own
    ``fmt:`` title-page key (JumpCut's) is applied whatever the flags say."""
    source = corpus_dir / "Brick-and-Steel.fountain"
    plain, multicam = tmp_path / "plain.pdf", tmp_path / "multicam.pdf"
    assert run(capsys, str(source), "-o", str(plain), "--paper", "letter")[0] == 0
    code, _, _ = run(
        capsys, str(source), "-o", str(multicam), "--paper", "letter", "--profile", "multicam"
    )
    assert code == 0
    with pdfplumber.open(plain) as one, pdfplumber.open(multicam) as two:
        assert len(two.pages) > len(one.pages)  # double-spaced dialogue, a page per scene
        heading = two.pages[1].extract_text().splitlines()[0]
        assert heading == "EXT. BRICK'S PATIO - DAY"
        underline = [line for line in two.pages[1].lines if line["top"] < 90]
        assert underline and underline[0]["x0"] == pytest.approx(1.5 * 72, abs=1)
    keyed = tmp_path / "keyed.fountain"
    keyed.write_text(
        "Title: Pilot\nfmt: multicam acat\n\nINT. ROOM - DAY\n\nShe waits.\n\nBOB\nHello.\n",
        encoding="utf-8",
    )
    out = tmp_path / "keyed.pdf"
    assert run(capsys, str(keyed), "-o", str(out), "--paper", "a4")[0] == 0
    with pdfplumber.open(out) as pdf:
        text = pdf.pages[1].extract_text()
        assert "SHE WAITS." in text  # acat: action in capitals
        hello = next(w for w in pdf.pages[1].extract_words() if w["text"] == "Hello.")
        assert hello["x0"] == pytest.approx(2.25 * 72, abs=1)  # the multicam dialogue column
