"""Fountain export: the canonical writer, saved atomically, in the asked encoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelwright.exporters import export, format_for
from reelwright.exporters.fountain import write_fountain
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.parser import parse, parse_file

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SCRIPTS = sorted(p.name for p in CORPUS.glob("*.fountain"))


@pytest.mark.parametrize("name", SCRIPTS)
def test_fountain_export_reparses_the_same(name: str, tmp_path: Path) -> None:
    script = parse_file(CORPUS / name)
    out = tmp_path / "out.fountain"
    assert export(script, out) is None
    again = parse(out.read_text(encoding="utf-8"))
    assert [(e.type, e.text) for e in again.elements] == [(e.type, e.text) for e in script.elements]


def test_encoding_that_cannot_hold_the_text(tmp_path: Path) -> None:
    script = parse("INT. 客厅 - 夜\n\nHe waits.\n")
    out = tmp_path / "zh.fountain"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(ReelwrightError, match="latin-1 cannot hold"):
        write_fountain(script, out, encoding="latin-1")
    assert out.read_text(encoding="utf-8") == "old"
    with pytest.raises(ReelwrightError, match="unknown text encoding"):
        write_fountain(script, out, encoding="klingon-8")
    write_fountain(parse("INT. CAFÉ - DAY\n\nOlé.\n"), out, encoding="latin-1")
    assert "CAFÉ".encode("latin-1") in out.read_bytes()


def test_format_dispatch() -> None:
    assert format_for("a.PDF") == "pdf"
    assert format_for("a.fdx") == "fdx"
    assert format_for("a.fountain") == "fountain"
    with pytest.raises(ReelwrightError, match="cannot tell the format"):
        format_for("a.txt")
