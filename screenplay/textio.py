"""Reading a script file into text, with one clear sentence when that is not possible.

Fountain files are UTF-8 (a BOM is allowed). UTF-16 is recognised, with a BOM or without
one (a text of mostly ASCII characters has a zero in every other byte). A file in another
encoding is never guessed at silently: :class:`NotUtf8Error` says where the first byte that
is not UTF-8 sits and which encodings would read the whole file, best first (found by
charset-normalizer, a real detector, and checked by decoding); the writer chooses (the
app shows a preview of each, the command line takes ``--encoding``) and the same function
reads the file in that encoding.

Only regular files are read. A named pipe, a device such as ``/dev/zero``, a socket or a
folder is refused with one sentence before anything is read from it, and opening never
waits on a pipe that nobody writes to.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
from dataclasses import dataclass
from pathlib import Path

from reelwright.screenplay.errors import ScriptReadError
from reelwright.screenplay.fileio import special_kind

_SNIFF = 8192
_DETECT_BYTES = 256 * 1024
"""The detector reads at most this much; its candidates are then checked on the whole file."""

FALLBACK_ENCODINGS = ("cp1252", "latin-1", "mac_roman", "cp1251", "cp1250", "shift_jis", "gb18030")
"""Encodings offered after the detector's, where they read the file: the commonest single-
byte ones for scripts written on Windows and old Macs, and the commonest East Asian ones."""


class NotUtf8Error(ScriptReadError):
    """The file is text, but not UTF-8: choose an encoding (``suggestions`` read it all)."""

    def __init__(self, path: Path, offset: int, byte: int, suggestions: list[str]) -> None:
        self.path = path
        self.offset = offset
        self.byte = byte
        self.suggestions = suggestions
        hint = (
            f"choose its encoding, for example --encoding {suggestions[0]}"
            if suggestions
            else "no common encoding reads it either"
        )
        super().__init__(
            f"cannot read {path}: it is not UTF-8 text (the first bad byte, 0x{byte:02x}, "
            f"is at byte offset {offset}); {hint}"
        )


def read_script_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the regular file at ``path``; ScriptReadError (one sentence) otherwise.

    The file is opened without blocking (``O_NONBLOCK``) and checked on the open handle, so
    a pipe or a device swapped in after a check is still refused and never waited on.
    """
    file = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_NONBLOCK", 0)
    try:
        kind = special_kind(os.stat(file).st_mode)
        if kind is not None:
            raise ScriptReadError(f"cannot open {file}: it is {kind}, not a script file")
        fd = os.open(file, flags)
    except FileNotFoundError:
        raise ScriptReadError(f"cannot open {file}: there is no such file") from None
    except IsADirectoryError:
        raise ScriptReadError(f"cannot open {file}: it is a folder, not a script file") from None
    except PermissionError:
        raise ScriptReadError(f"cannot open {file}: permission denied") from None
    except OSError as error:
        raise ScriptReadError(f"cannot open {file}: {_reason(error)}") from None
    try:
        kind = special_kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise ScriptReadError(f"cannot open {file}: it is {kind}, not a script file")
        with contextlib.suppress(OSError, AttributeError):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            return handle.read()
    except OSError as error:
        raise ScriptReadError(f"cannot read {file}: {_reason(error)}") from None
    finally:
        if fd >= 0:
            os.close(fd)


def _reason(error: OSError) -> str:
    if error.errno == errno.EISDIR:
        return "it is a folder, not a script file"
    return error.strerror or str(error)


def _is_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, mean this is not a text file."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 20)


def _is_text(text: str) -> bool:
    head = text[:_SNIFF]
    controls = sum(1 for ch in head if ord(ch) < 32 and ch not in "\t\n\x0c\r\x1b")
    return controls <= max(2, len(head) // 100) and "\x00" not in head


def utf16_without_bom(data: bytes) -> str | None:
    """The name of the UTF-16 byte order ``data`` is written in without a BOM, if it is one.

    Text in UTF-16 is mostly characters below U+0100 in scripts (Fountain's markup, spaces,
    line ends): one byte of every pair is zero, always on the same side. That side says the
    byte order; the whole file must then decode and read as text.
    """
    head = data[: _SNIFF - (_SNIFF % 2)]
    if len(head) < 4 or len(data) % 2:
        return None
    pairs = len(head) // 2
    odd_zeros = head[1::2].count(0)
    even_zeros = head[0::2].count(0)
    if odd_zeros >= pairs * 0.3 and even_zeros <= pairs * 0.02:
        encoding = "utf-16-le"
    elif even_zeros >= pairs * 0.3 and odd_zeros <= pairs * 0.02:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding if _is_text(text) else None


@dataclass(frozen=True, slots=True)
class EncodingGuess:
    encoding: str
    """A Python codec name."""
    text: str
    """The whole file decoded with it."""


def encoding_guesses(data: bytes, limit: int = 8) -> list[EncodingGuess]:
    """Encodings that read all of ``data`` as text, the detector's best first, then the
    fallbacks; each with the decoded text (for a preview)."""
    from charset_normalizer import from_bytes  # imported when a file is not UTF-8 only

    names = [match.encoding for match in from_bytes(data[:_DETECT_BYTES])]
    names.extend(FALLBACK_ENCODINGS)
    guesses: list[EncodingGuess] = []
    seen: set[str] = set()
    for name in names:
        try:
            canonical = codecs.lookup(name).name
        except LookupError:
            continue
        if canonical in seen or canonical in ("utf-8", "ascii"):
            continue
        seen.add(canonical)
        try:
            text = data.decode(canonical)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _is_text(text):
            continue
        guesses.append(EncodingGuess(canonical, text))
        if len(guesses) >= limit:
            break
    return guesses


def decode_script(data: bytes, path: Path, encoding: str | None = None) -> str:
    """``data`` (the bytes of ``path``) as text: see :func:`read_script_text`."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ScriptReadError(
                f"cannot read {path}: {encoding!r} is not an encoding Python knows"
            ) from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise ScriptReadError(
                f"cannot read {path} as {encoding}: byte {error.start} "
                f"(0x{data[error.start]:02x}) is not valid in that encoding"
            ) from None
        return text[1:] if text.startswith("\ufeff") else text

    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    wide = utf16_without_bom(data) if b"\x00" in data[:_SNIFF] else None
    if wide is not None:
        return data.decode(wide)
    if _is_binary(data):
        raise ScriptReadError(f"cannot read {path}: it holds binary data, not Fountain text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start
        suggestions = [guess.encoding for guess in encoding_guesses(data, limit=3)]
        raise NotUtf8Error(path, offset, data[offset], suggestions) from None


def read_script_text(path: str | os.PathLike[str], encoding: str | None = None) -> str:
    """The text of the script at ``path`` (a UTF-8 BOM removed; line ends left as they are).

    ``encoding`` reads the file in the encoding the writer chose instead of UTF-8.
    Raises ScriptReadError with one sentence naming the file (NotUtf8Error, with the
    encodings that would read it, for text that is not UTF-8).
    """
    file = Path(path)
    return decode_script(read_script_bytes(file), file, encoding)
