"""Reading script files: UTF-8 with or without BOM, a chosen encoding, clear errors."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from reelwright.screenplay.errors import ReelwrightError, ScriptReadError
from reelwright.screenplay.parser import parse_file
from reelwright.screenplay.textio import NotUtf8Error, encoding_guesses, read_script_text


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


# Only regular files, never blocking (issue 18, item 6) ----------------------------------------
def _in_thread(call, timeout: float = 10.0):
    """Run ``call`` in a daemon thread: a read that blocks fails the test instead of hanging."""
    outcome: list[BaseException | str] = []

    def target() -> None:
        try:
            outcome.append(call())
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(timeout)
    assert not worker.is_alive(), "the read blocked"
    return outcome[0]


def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "script.fountain"
    os.mkfifo(pipe)
    error = _in_thread(lambda: read_script_text(pipe))
    assert isinstance(error, ScriptReadError)
    assert str(error) == f"cannot open {pipe}: it is a named pipe (FIFO), not a script file"
    error = _in_thread(lambda: parse_file(pipe))
    assert isinstance(error, ScriptReadError)


def test_a_device_is_refused_before_reading(tmp_path: Path) -> None:
    error = _in_thread(lambda: read_script_text("/dev/zero"))
    assert isinstance(error, ScriptReadError)
    assert str(error) == "cannot open /dev/zero: it is a character device, not a script file"
    link = tmp_path / "zero.fountain"
    link.symlink_to("/dev/zero")  # a link to a device is a device
    error = _in_thread(lambda: read_script_text(link))
    assert "it is a character device" in str(error)


def test_a_folder_named_like_a_script(tmp_path: Path) -> None:
    folder = tmp_path / "act-one.fountain"
    folder.mkdir()
    with pytest.raises(ScriptReadError, match="it is a folder, not a script file"):
        read_script_text(folder)


# Encodings (issue 18, item 11) ------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_not_called_binary(tmp_path: Path, encoding: str) -> None:
    text = "INT. HOUSE - DAY\n\nMAYA\nÇa va? Привет.\n"
    path = tmp_path / "wide.fountain"
    path.write_bytes(text.encode(encoding))
    assert read_script_text(path) == text


def test_binary_with_zeros_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "data.fountain"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ScriptReadError, match="binary data"):
        read_script_text(path)


def test_shift_jis_gets_an_encoding_that_reads_it(tmp_path: Path) -> None:
    text = "INT. 家 - 昼\n\n健\n彼女は言った。「こんにちは、元気ですか？」\n" * 5
    path = tmp_path / "tokyo.fountain"
    path.write_bytes(text.encode("shift_jis"))
    with pytest.raises(NotUtf8Error) as caught:
        read_script_text(path)
    error = caught.value
    assert error.suggestions, "the detector found nothing"
    suggested = error.suggestions[0]
    assert suggested != "cp1252"
    assert f"--encoding {suggested}" in str(error)
    assert read_script_text(path, suggested) == text  # the suggestion works


def test_latin1_suggestions_read_the_file_and_show_its_text(tmp_path: Path) -> None:
    text = "INT. CAFÉ - DAY\n\nLa señora está aquí. Él dice: ¿qué pasa?\n" * 10
    data = text.encode("cp1252")
    guesses = encoding_guesses(data)
    assert guesses and guesses[0].text == text
    assert all(data.decode(g.encoding) == g.text for g in guesses)
    assert "utf-8" not in [g.encoding for g in guesses]
