"""``reelwright parse`` and ``reelwright stats``: output, JSON shape and error handling."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reelwright.cli.main import main

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "sample.fountain"
TYPES = {
    "scene_heading",
    "action",
    "character",
    "parenthetical",
    "dialogue",
    "transition",
    "centered",
    "lyrics",
    "section",
    "synopsis",
    "note",
    "page_break",
}


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(list(argv)) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict)
    return data


def test_parse_json_shape(capsys: pytest.CaptureFixture[str], corpus_dir: Path) -> None:
    data = run_json(capsys, "parse", str(corpus_dir / "Brick-and-Steel.fountain"), "--json")
    assert set(data) == {"title_page", "elements"}
    title = data["title_page"]
    assert isinstance(title, dict)
    assert title["Title"] == "_**BRICK & STEEL**_\n_**FULL RETIRED**_"
    elements = data["elements"]
    assert isinstance(elements, list)
    assert elements[0] == {"type": "scene_heading", "text": "EXT. BRICK'S PATIO - DAY", "line": 13}
    assert {e["type"] for e in elements} <= TYPES
    assert {"type": "character", "text": "BRICK", "line": 48, "dual": True} in elements
    forced = next(e for e in elements if e["text"] == "SNIPER SCOPE POV")
    assert forced == {"type": "scene_heading", "text": "SNIPER SCOPE POV", "line": 80}


def test_parse_json_scene_numbers_and_sections(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path
) -> None:
    numbers = run_json(capsys, "parse", str(corpus_dir / "scene-numbers.fountain"), "--json")
    assert numbers["elements"][0] == {  # type: ignore[index]
        "type": "scene_heading",
        "text": "INT. THE FIRST PLACE - DAY",
        "line": 1,
        "scene_number": "1",
    }
    sections = run_json(capsys, "parse", str(corpus_dir / "sections.fountain"), "--json")
    assert sections["elements"][2] == {  # type: ignore[index]
        "type": "section",
        "text": "Second level",
        "line": 5,
        "depth": 2,
    }


def test_parse_listing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "Title:      THE LAST CROSSING" in out
    assert "    16  scene_heading    EXT. HALVARD ISLAND FERRY SLIP - DUSK" in out
    assert "character (dual) ELENA" in out
    assert "section 1        ACT ONE" in out


def test_stats_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("THE LAST CROSSING\n")
    assert "13 scenes, 5 characters" in out
    assert "MARGIT" in out and "PERSISTENCE - WHEELHOUSE" in out
    data = run_json(capsys, "stats", str(SAMPLE), "--json")
    assert data["title"] == "THE LAST CROSSING"
    assert data["runtime_minutes"] == data["pages"]


def test_encoding_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "latin.fountain"
    path.write_bytes("INT. CAFÉ - DAY\n".encode("cp1252"))
    assert main(["parse", str(path)]) == 1
    assert "byte offset 8" in capsys.readouterr().err
    data = run_json(capsys, "parse", str(path), "--json", "--encoding", "cp1252")
    assert data["elements"] == [{"type": "scene_heading", "text": "INT. CAFÉ - DAY", "line": 1}]


def test_errors_from_the_real_command(tmp_path: Path) -> None:
    """Exit code 1 and one line on stderr, never a traceback."""
    exe = REPO / ".venv" / "bin" / "reelwright"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "reelwright.cli.main"]
    bad = tmp_path / "bad.fountain"
    bad.write_bytes(b"caf\xe9\n")
    cases = [
        (["parse", str(tmp_path / "missing.fountain")], "there is no such file"),
        (["stats", str(tmp_path)], "it is a folder"),
        (["parse", str(bad), "--json"], "not UTF-8 text (the first bad byte, 0xe9, is at byte"),
    ]
    for argv, expected in cases:
        result = subprocess.run(
            [*command, *argv], capture_output=True, text=True, timeout=60, check=False
        )
        assert result.returncode == 1, result.stderr
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith("reelwright: ")
        assert expected in result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("choice", "kinds"), [("auto", ["character", "dialogue"]), ("no", ["action"])]
)
def test_caseless_cues_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, choice: str, kinds: list[str]
) -> None:
    """A Chinese name above a line is a cue unless the writer says otherwise."""
    script = tmp_path / "zh.fountain"
    script.write_text(".内景 医院 - 夜\n\n张伟\n你好。\n", "utf-8")
    assert main(["parse", "--json", "--caseless-cues", choice, str(script)]) == 0
    elements = json.loads(capsys.readouterr().out)["elements"]
    assert [e["type"] for e in elements[1:]] == kinds
    assert main(["stats", "--json", "--caseless-cues", choice, str(script)]) == 0
    speakers = [c["name"] for c in json.loads(capsys.readouterr().out)["characters"]]
    assert speakers == (["张伟"] if choice == "auto" else [])
