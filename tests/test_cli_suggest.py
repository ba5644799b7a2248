"""`reelwright suggest` prints checked Fountain that `reelwright parse` reads back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reelwright.cli.main import main
from reelwright.screenplay.parser import parse

SCRIPT = """INT. KITCHEN - NIGHT

MAYA stirs a pot. BEN leans in the doorway.

BEN
Smells like trouble.

MAYA
Smells like dinner. Sit down.
"""


@pytest.mark.slow
def test_suggest_output_parses_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], default_model_path: Path
) -> None:
    script = tmp_path / "kitchen.fountain"
    script.write_text(SCRIPT, encoding="utf-8")
    code = main(
        [
            "suggest",
            "continue-dialogue",
            str(script),
            "--max-tokens",
            "220",
            "--seed",
            "3",
            "--threads",
            "2",
            "--ctx",
            "2048",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    elements = parse(out).elements
    assert elements and {e.type.value for e in elements} <= {
        "character",
        "parenthetical",
        "dialogue",
    }
    suggestion = tmp_path / "suggestion.fountain"
    suggestion.write_text(out, encoding="utf-8")
    assert main(["parse", str(suggestion)]) == 0
    capsys.readouterr()
    code = main(
        [
            "suggest",
            "continue-dialogue",
            str(script),
            "--max-tokens",
            "220",
            "--seed",
            "3",
            "--threads",
            "2",
            "--ctx",
            "2048",
            "--json",
        ]
    )
    payload = json.loads(capsys.readouterr().out)
    assert payload["suggestions"][0]["ok"] is True


def test_suggest_bad_input_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["suggest", "next-scene", str(tmp_path / "missing.fountain")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("reelwright: ") and "Traceback" not in err
