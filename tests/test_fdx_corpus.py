"""Fountain -> FDX -> Fountain keeps element types and text for every corpus script."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelwright.exporters.fdx import from_fdx, to_fdx
from reelwright.screenplay.elements import ElementType, Script
from reelwright.screenplay.emphasis import parse_emphasis
from reelwright.screenplay.parser import parse
from reelwright.screenplay.textio import read_script_text
from reelwright.screenplay.writer import write

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SCRIPTS = sorted(p.name for p in CORPUS.glob("*.fountain"))


def styled(text: str) -> list[tuple[str, bool, bool, bool]]:
    out: list[tuple[str, bool, bool, bool]] = []
    for line in text.split("\n"):
        for span in parse_emphasis(line):
            out += [(c, span.bold, span.italic, span.underline) for c in span.text]
        out.append(("\n", False, False, False))
    return out


def signature(script: Script) -> list[tuple[object, ...]]:
    return [
        (
            e.type,
            styled(e.text),
            e.scene_number,
            e.dual,
            e.depth if e.type is ElementType.SECTION else 0,
        )
        for e in script.elements
    ]


@pytest.mark.parametrize("name", SCRIPTS)
def test_round_trip(name: str) -> None:
    original = parse(read_script_text(CORPUS / name))
    fountain = write(from_fdx(to_fdx(original)))
    again = parse(fountain)
    assert signature(again) == signature(original)
    assert {k.casefold(): styled(v) for k, v in again.title_page.items()} == {
        k.casefold(): styled(v) for k, v in original.title_page.items()
    }
