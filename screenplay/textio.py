"""Reading a script file into text, with one clear sentence when that is not possible.

Fountain files are UTF-8 (a BOM is allowed). A file in another encoding is never guessed
at silently: the writer is told where the first byte that is not UTF-8 sits and how to
choose the encoding, and the same function reads the file once they have.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from reelwright.screenplay.errors import ScriptReadError

_SNIFF = 8192


def _is_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, mean this is not a text file."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 20)


def read_script_text(path: str | os.PathLike[str], encoding: str | None = None) -> str:
    """The text of the script at ``path`` (a UTF-8 BOM removed; line ends left as they are).

    ``encoding`` reads the file in the encoding the writer chose instead of UTF-8.
    Raises ScriptReadError with one sentence naming the file.
    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise ScriptReadError(f"cannot open {file}: there is no such file") from None
    except IsADirectoryError:
        raise ScriptReadError(f"cannot open {file}: it is a folder, not a script file") from None
    except PermissionError:
        raise ScriptReadError(f"cannot open {file}: permission denied") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ScriptReadError(f"cannot open {file}: {reason}") from None

    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ScriptReadError(
                f"cannot read {file}: {encoding!r} is not an encoding Python knows"
            ) from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise ScriptReadError(
                f"cannot read {file} as {encoding}: byte {error.start} "
                f"(0x{data[error.start]:02x}) is not valid in that encoding"
            ) from None
        return text[1:] if text.startswith("\ufeff") else text

    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if _is_binary(data):
        raise ScriptReadError(f"cannot read {file}: it holds binary data, not Fountain text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start
        raise ScriptReadError(
            f"cannot read {file}: it is not UTF-8 text (the first bad byte, "
            f"0x{data[offset]:02x}, is at byte offset {offset}); choose its encoding, "
            f"for example --encoding cp1252"
        ) from None
