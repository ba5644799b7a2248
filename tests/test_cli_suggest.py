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
            "1",  # two threads spin-wait on each other on a busy two-core machine
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
    # --json on a real model: test_suggest_json_reports_tokens_and_times (the tiny one).


def test_suggest_bad_input_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["suggest", "next-scene", str(tmp_path / "missing.fountain")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("reelwright: ") and "Traceback" not in err


def test_suggest_json_reports_tokens_and_times(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tiny_gptneox_gguf: Path
) -> None:
    script = tmp_path / "kitchen.fountain"
    script.write_text(SCRIPT, encoding="utf-8")
    args = ["suggest", "continue-dialogue", str(script), "--model", str(tiny_gptneox_gguf)]
    args += ["--ctx", "512", "--threads", "1", "--seed", "4", "--n", "2", "--json"]
    assert main(args) == 0
    payload = json.loads(capsys.readouterr().out)
    timing = payload["timing"]
    assert timing["prompt_tokens"] == payload["prompt"]["tokens"] > 0
    finals = payload["suggestions"]
    assert len(finals) == 2 and all(s["ok"] for s in finals)
    own = [s["timing"] for s in finals]
    # Every attempt's tokens count, retries included; each suggestion has its last one's.
    assert timing["attempts"] >= 2
    assert timing["generated_tokens"] >= sum(t["generated_tokens"] for t in own) > 0
    assert 0 < timing["first_token_seconds"] <= timing["seconds"]
    assert timing["tokens_per_second"] > 0
    for one in own:
        assert one["prompt_tokens"] == timing["prompt_tokens"]
        assert 0 < one["first_token_seconds"] <= one["seconds"] <= timing["seconds"]
        assert one["tokens_per_second"] > 0


def test_suggest_offers_every_registered_action() -> None:
    import argparse

    from reelwright.cli import suggest_cmd
    from reelwright.models.action_registry import NAMES

    parser = argparse.ArgumentParser()
    suggest_cmd.register(parser.add_subparsers())
    for name in NAMES:
        assert parser.parse_args(["suggest", name, "x.fountain"]).action == name
    with pytest.raises(SystemExit):
        parser.parse_args(["suggest", "rewrite", "x.fountain"])
