"""``reelwright scenes|pages|revisions``: files changed in place or to -o, JSON listings,
one clear message for bad input, and no Qt or llama.cpp imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reelwright.cli.main import main
from reelwright.screenplay import production_file
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.parser import parse

SCRIPT = "".join(
    f"INT. ROOM {n} - DAY\n\nMaya walks into room {n}. She looks around.\n\n"
    f"MAYA\nThis is room {n}.\n\nTOM\nYou remember every room.\n\n"
    for n in range(1, 31)
)


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "rooms.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def listing(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    data = json.loads(run(capsys, *argv, "--json"))
    assert isinstance(data, dict)
    return data


def numbers(path: Path) -> list[str | None]:
    body = production_file.read(path.read_text(encoding="utf-8")).body
    return [e.scene_number for e in parse(body).elements if e.type is ElementType.SCENE_HEADING]


def test_scenes_lock_list_and_unlock(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "locked 30 scene numbers" in run(capsys, "scenes", "lock", str(script))
    assert numbers(script)[:3] == ["1", "2", "3"]
    text = script.read_text(encoding="utf-8")
    text = text.replace("INT. ROOM 2 - DAY #2#\n\nMaya walks into room 2. She looks around.\n", "")
    text = text.replace("INT. ROOM 3 - DAY #3#", "EXT. YARD - DAY\n\nNew.\n\nINT. ROOM 3 - DAY #3#")
    script.write_text(text, encoding="utf-8")
    data = listing(capsys, "scenes", "list", str(script))
    assert data["locked"] is True
    scenes = data["scenes"]
    assert isinstance(scenes, list)
    assert [(s["number"], s["state"]) for s in scenes[:4]] == [
        ("1", "locked"),
        ("1A", "new"),
        ("3", "locked"),
        ("4", "locked"),
    ]
    run(capsys, "scenes", "lock", str(script))  # writes 1A, and OMITTED 2 after it
    assert numbers(script)[:4] == ["1", "1A", "2", "3"]
    assert ".OMITTED #2#" in script.read_text(encoding="utf-8")
    out = script.with_name("renumbered.fountain")
    run(capsys, "scenes", "unlock", str(script), "-o", str(out))
    assert numbers(out)[:4] == ["1", "2", "3", "4"] and len(numbers(out)) == 30
    assert "OMITTED" not in out.read_text(encoding="utf-8")
    assert listing(capsys, "scenes", "list", str(out))["locked"] is False
    run(capsys, "scenes", "unlock", str(out), "--clear")
    assert set(numbers(out)) == {None}


def test_pages_lock_then_added_text_makes_an_a_page(
    script: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "locked" in run(capsys, "pages", "lock", str(script), "--paper", "letter")
    before = listing(capsys, "pages", "list", str(script))
    labels = [p["label"] for p in before["pages"]]  # type: ignore[union-attr,index]
    assert labels == [str(n) for n in range(1, len(labels) + 1)]
    text = script.read_text(encoding="utf-8")
    text = text.replace(
        "This is room 9.\n",
        "This is room 9.\n\nA long new paragraph of action, long enough to run over the page "
        "and push what was below it onto another page of its own. " * 3 + "\n",
        1,
    )
    script.write_text(text, encoding="utf-8")
    after = listing(capsys, "pages", "list", str(script))
    new_labels = [p["label"] for p in after["pages"]]  # type: ignore[union-attr,index]
    assert any(label.endswith("A") for label in new_labels)
    assert [label for label in new_labels if not label.endswith("A")] == labels
    # Locking again keeps the A-page.
    run(capsys, "pages", "lock", str(script))
    relocked = listing(capsys, "pages", "list", str(script))
    assert [p["label"] for p in relocked["pages"]] == new_labels  # type: ignore[union-attr,index]
    run(capsys, "pages", "unlock", str(script))
    assert listing(capsys, "pages", "list", str(script))["locked"] is False


def test_revisions_mark_against_an_earlier_draft(
    script: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = script.with_name("white.fountain")
    old.write_text(SCRIPT, encoding="utf-8")
    script.write_text(SCRIPT.replace("This is room 4.", "This was room 4."), encoding="utf-8")
    out = run(
        capsys,
        "revisions",
        "mark",
        str(script),
        "--against",
        str(old),
        "--round",
        "blue",
        "--date",
        "2025-03-10",
    )
    assert "marked 1 line in the Blue revision" in out
    data = listing(capsys, "revisions", "list", str(script))
    assert data["rounds"] == [{"name": "Blue", "date": "2025-03-10", "level": 1}]
    marks = data["marks"]
    assert isinstance(marks, list) and len(marks) == 1
    assert marks[0]["changes"] == [{"text": "was", "round": "Blue"}]

    # Pink, against the blue draft: blue's mark stays, pink's is added.
    blue = script.with_name("blue.fountain")
    blue.write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    script.write_text(
        script.read_text(encoding="utf-8").replace("This is room 7.", "Room 7, again."),
        encoding="utf-8",
    )
    run(capsys, "revisions", "mark", str(script), "--against", str(blue), "--round", "pink")
    data = listing(capsys, "revisions", "list", str(script))
    assert [r["name"] for r in data["rounds"]] == ["Blue", "Pink"]  # type: ignore[index,union-attr]
    assert sorted(m["round"] for m in data["marks"]) == ["Blue", "Pink"]  # type: ignore[index,union-attr]
    pages = listing(capsys, "pages", "list", str(script))["pages"]
    assert {p["revised"] for p in pages} >= {"Pink"}  # type: ignore[index,union-attr]

    run(capsys, "revisions", "clear", str(script), "--round", "blue")
    data = listing(capsys, "revisions", "list", str(script))
    assert [m["round"] for m in data["marks"]] == ["Pink"]  # type: ignore[index,union-attr]


def test_revisions_start_in_order(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "started the Blue revision (2025-03-10)" in run(
        capsys, "revisions", "start", str(script), "--date", "2025-03-10"
    )
    assert "started the Pink revision" in run(capsys, "revisions", "start", str(script))
    assert main(["revisions", "start", str(script), "--round", "blue"]) == 1
    assert "Pink round is already under way" in capsys.readouterr().err
    assert main(["revisions", "start", str(script), "--round", "mauve"]) == 1
    assert "'mauve' is not a revision round" in capsys.readouterr().err


def test_bad_input_is_one_message_and_the_file_is_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scenes", "lock", str(tmp_path / "missing.fountain")]) == 1
    assert "no such file" in capsys.readouterr().err
    broken = tmp_path / "open.fountain"
    original = "INT. A - DAY\n\n/* never closed\n\nMore.\n"
    broken.write_text(original, encoding="utf-8")
    assert main(["revisions", "start", str(broken)]) == 1
    assert "never closed" in capsys.readouterr().err
    assert broken.read_text(encoding="utf-8") == original


def test_other_programs_edits_are_reported(
    script: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "pages", "lock", str(script))
    script.write_text("Title: Rooms\n\n" + script.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["pages", "list", str(script)]) == 0
    captured = capsys.readouterr()
    assert "changed by another program" in captured.err
    assert "pages are locked" in captured.out


def test_the_commands_import_no_qt_or_llama() -> None:
    code = (
        "import sys\n"
        "from reelwright.cli.main import main\n"
        "main(['scenes', 'list', '/nonexistent.fountain'])\n"
        "heavy = [m for m in ('PySide6', 'llama_cpp', 'huggingface_hub') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
