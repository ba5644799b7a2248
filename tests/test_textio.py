"""Reading script files: UTF-8 with or without BOM, a chosen encoding, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelwright.screenplay.errors import ReelwrightError, ScriptReadError
from reelwright.screenplay.parser import parse_file
from reelwright.screenplay.textio import read_script_text


def test_utf8_with_bom_and_crlf(corpus_dir: Path) -> None:
    text = read_script_text(corpus_dir / "utf-8-bom.fountain")
    assert text.startswith("EXT. SOMEWHERE - DAY\r\n")
    assert parse_file(corpus_dir / "utf-8-bom.fountain").elements[0].text == "EXT. SOMEWHERE - DAY"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ScriptReadError, match=r"missing\.fountain: there is no such file"):
        read_script_text(tmp_path / "missing.fountain")


def test_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ScriptReadError, match="it is a folder"):
        read_script_text(tmp_path)


def test_not_utf8_names_the_file_and_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin.fountain"
    path.write_bytes("INT. CAFÉ - DAY\n".encode("cp1252"))
    with pytest.raises(ScriptReadError) as caught:
        read_script_text(path)
    message = str(caught.value)
    assert str(path) in message
    assert "0xc9, is at byte offset 8" in message  # "INT. CAF" is 8 bytes
    assert "--encoding" in message
    assert "\n" not in message
    assert isinstance(caught.value, ReelwrightError)


def test_the_encoding_the_writer_chose(tmp_path: Path) -> None:
    path = tmp_path / "latin.fountain"
    path.write_bytes("INT. CAFÉ - DAY\n".encode("cp1252"))
    assert read_script_text(path, "cp1252") == "INT. CAFÉ - DAY\n"
    assert parse_file(path, encoding="cp1252").elements[0].text == "INT. CAFÉ - DAY"


def test_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "a.fountain"
    path.write_text("x")
    with pytest.raises(ScriptReadError, match="'no-such-codec' is not an encoding"):
        read_script_text(path, "no-such-codec")


def test_wrong_chosen_encoding(tmp_path: Path) -> None:
    path = tmp_path / "a.fountain"
    path.write_bytes(b"ok \xff\xfe\xfd")
    with pytest.raises(ScriptReadError, match="as ascii: byte 3"):
        read_script_text(path, "ascii")


def test_binary_data(tmp_path: Path) -> None:
    path = tmp_path / "picture.fountain"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ScriptReadError, match="binary data"):
        read_script_text(path)


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.fountain"
    path.write_bytes("INT. ДОМ - ДЕНЬ\n".encode("utf-16"))
    assert read_script_text(path) == "INT. ДОМ - ДЕНЬ\n"
