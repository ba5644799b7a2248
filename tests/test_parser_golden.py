"""Golden files: a script and the JSON that ``reelwright parse --json`` must print for it.

``tests/golden/NAME.fountain`` + ``tests/golden/NAME.json`` are our own cases; for a script
of the shared corpus only ``tests/golden/corpus/NAME.json`` is kept here. Each expectation
was read against its source line by line; a new case is a new pair of files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reelwright.screenplay.parser import parse
from reelwright.screenplay.textio import read_script_text

GOLDEN = Path(__file__).resolve().parent / "golden"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

OWN = sorted(GOLDEN.glob("*.fountain"))
FROM_CORPUS = sorted((GOLDEN / "corpus").glob("*.json"))


def _check(source: Path, expected: Path) -> None:
    got = parse(read_script_text(source)).to_json()
    if not expected.exists():
        pytest.fail(f"{expected} is missing; review this and save it:\n{json.dumps(got, indent=2)}")
    want = json.loads(expected.read_text(encoding="utf-8"))
    assert got["title_page"] == want["title_page"]
    for index, (g, w) in enumerate(zip(got["elements"], want["elements"], strict=False)):
        assert g == w, f"{source.name}: element {index}"
    assert len(got["elements"]) == len(want["elements"])


def test_golden_files_are_there() -> None:
    assert len(OWN) >= 3
    assert {p.stem for p in FROM_CORPUS} >= {
        "Brick-and-Steel",
        "The-Last-Birthday-Card",
        "scene-numbers",
        "notes",
        "boneyard",
        "sections",
        "dual-dialogue",
    }


@pytest.mark.parametrize("source", OWN, ids=[p.stem for p in OWN])
def test_own_golden(source: Path) -> None:
    _check(source, source.with_suffix(".json"))


@pytest.mark.parametrize("expected", FROM_CORPUS, ids=[p.stem for p in FROM_CORPUS])
def test_corpus_golden(expected: Path) -> None:
    _check(CORPUS / f"{expected.stem}.fountain", expected)
