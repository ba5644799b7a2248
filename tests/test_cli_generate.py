"""`reelwright generate`: streaming text to stdout, the speed to stderr, one-line errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reelwright.cli.main import main


def generate(*argv: str) -> int:
    return main(["generate", *argv])


def test_generates_from_a_gguf_path(
    tiny_gptneox_gguf: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = generate(
        str(tiny_gptneox_gguf),
        "INT. HOUSE",
        "--max-tokens",
        "12",
        "--temperature",
        "0",
        "--threads",
        "1",
    )
    out, err = capsys.readouterr()
    assert status == 0
    assert out.strip()
    assert re.search(r"^CPU: \d+ tokens in [\d.]+ s, [\d.]+ tokens/s", err, re.MULTILINE), err


def test_grammar_file_and_alternatives(
    tiny_gptneox_gguf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grammar = tmp_path / "heading.gbnf"
    grammar.write_text('root ::= "EXT. " [A-Z]+\n', encoding="utf-8")
    status = generate(
        str(tiny_gptneox_gguf),
        "Heading:",
        "--grammar",
        str(grammar),
        "--n",
        "2",
        "--seed",
        "5",
        "--max-tokens",
        "8",
        "--threads",
        "1",
    )
    out, _ = capsys.readouterr()
    assert status == 0
    assert "--- alternative 1 of 2 ---" in out and "--- alternative 2 of 2 ---" in out
    bodies = re.split(r"--- alternative \d of 2 ---\n", out)[1:]
    assert all(re.fullmatch(r"EXT\. [A-Z]+\n", body) for body in bodies), bodies


def test_stop_understands_escapes(
    tiny_gptneox_gguf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grammar = tmp_path / "lines.gbnf"
    grammar.write_text('root ::= "A" "\\n" "B" [a-z]+\n', encoding="utf-8")
    status = generate(
        str(tiny_gptneox_gguf),
        "x",
        "--grammar",
        str(grammar),
        "--stop",
        r"\nB",
        "--temperature",
        "0",
        "--threads",
        "1",
    )
    out, err = capsys.readouterr()
    assert status == 0
    assert out == "A\n"
    assert "ended by stop" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nothing-here.gguf", "x"], "reelwright: no such file: nothing-here.gguf"),
        (["{model}", "x", "--max-tokens", "0"], "reelwright: --max-tokens must be at least 1"),
        (["{model}", "x", "--top-p", "2"], "reelwright: --top-p must be between 0 and 1"),
        (["{model}", "x", "--grammar", "/no/such.gbnf"], "reelwright: could not read the grammar"),
        (["{model}", "x", "--chat"], "reelwright: Tiny GPT-NeoX (test) has no chat template"),
        (["{model}", "x", "--grammar", "{bad}"], "reelwright: the grammar is not valid GBNF"),
    ],
)
def test_mistakes_are_one_line(
    argv: list[str],
    message: str,
    tiny_gptneox_gguf: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = tmp_path / "bad.gbnf"
    bad.write_text("root ::= (", encoding="utf-8")
    argv = [a.format(model=tiny_gptneox_gguf, bad=bad) for a in argv]
    assert generate(*argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith(message), err
    assert not any("Traceback" in line for line in err)


def test_not_a_model_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "script.gguf"
    fake.write_text("Title: Not a model\n", encoding="utf-8")
    assert generate(str(fake), "x") == 1
    assert capsys.readouterr().err.strip() == "reelwright: script.gguf is not a GGUF model file"


@pytest.mark.slow
def test_default_model_chats(capsys: pytest.CaptureFixture[str]) -> None:
    status = generate(
        "default",
        "Say hello.",
        "--chat",
        "--max-tokens",
        "16",
        "--temperature",
        "0",
        "--threads",
        "1",
        "--ctx",
        "512",
    )
    out, err = capsys.readouterr()
    assert status == 0
    assert re.search(r"[A-Za-z]", out)
    assert "<|im_" not in out
    assert err.startswith("CPU")
