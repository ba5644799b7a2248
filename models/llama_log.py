"""llama.cpp's log, routed into Python ``logging`` and remembered for error messages.

Why: llama-cpp-python's ``verbose=False`` silences the whole process (it points file
descriptors 1 and 2 at /dev/null while a model loads, so other threads lose their output
too), and ``verbose=True`` prints every line to stderr. Neither suits an application.
``llama_log_set`` hands each line to a callback instead; we send it to the logger
``reelwright.llama`` and keep the last lines, so a failed load can say what llama.cpp said.
"""

from __future__ import annotations

import collections
import contextlib
import ctypes
import logging
import re
import sys
import threading
from collections.abc import Iterator
from typing import Any, TextIO

LOGGER_NAME = "reelwright.llama"
logger = logging.getLogger(LOGGER_NAME)

_KEEP = 50
_recent: collections.deque[str] = collections.deque(maxlen=_KEEP)
_recent_errors: collections.deque[str] = collections.deque(maxlen=_KEEP)
_lock = threading.Lock()
_partial: list[str] = []
_installed: Any = None
"""The ctypes callback; kept referenced so it is never garbage collected while C holds it."""

# enum ggml_log_level: NONE=0, DEBUG=1, INFO=2, WARN=3, ERROR=4, CONT=5 (continue a line)
_LEVELS = {
    0: logging.INFO,
    1: logging.DEBUG,
    2: logging.DEBUG,  # llama.cpp is chatty at INFO: every key, every buffer
    3: logging.WARNING,
    4: logging.ERROR,
}
_last_level = logging.DEBUG


def _on_log(level: int, text: bytes | None, _user_data: Any) -> None:
    """Called by llama.cpp from any thread; must never raise into C."""
    global _last_level
    try:
        piece = (text or b"").decode("utf-8", errors="replace")
        with _lock:
            python_level = _last_level if level == 5 else _LEVELS.get(level, logging.DEBUG)
            _last_level = python_level
            _partial.append(piece)
            if not piece.endswith("\n"):
                return
            line = "".join(_partial).rstrip("\n")
            _partial.clear()
            if not line.strip():
                return
            _recent.append(line)
            if python_level >= logging.WARNING:
                _recent_errors.append(line)
        logger.log(python_level, "%s", line)
    except Exception:
        pass


def install() -> None:
    """Route llama.cpp's (and ggml's) log through ``logging``. Safe to call many times.

    Must run after ``import llama_cpp``: importing it installs llama-cpp-python's own
    callback, which prints to stderr.
    """
    global _installed
    import llama_cpp

    if _installed is None:
        _installed = llama_cpp.llama_log_callback(_on_log)
    llama_cpp.llama_log_set(_installed, ctypes.c_void_p(0))


def recent_lines(count: int = _KEEP) -> list[str]:
    """The last ``count`` lines llama.cpp logged (oldest first)."""
    with _lock:
        lines = list(_recent)
    return lines[-count:]


def clear_recent() -> None:
    with _lock:
        _recent.clear()
        _recent_errors.clear()
        _partial.clear()


def last_error_line() -> str | None:
    """What llama.cpp last said went wrong, cleaned for a sentence, or None.

    On a failed load llama.cpp logs the cause ("llama_model_load: error loading model:
    missing tensor 'output_norm.bias'") and then a generic line ("failed to load model");
    the cause is what the writer needs, without the function names.
    """
    with _lock:
        errors = list(_recent_errors)
    if not errors:
        return None
    chosen = next((line for line in reversed(errors) if "error" in line.lower()), errors[-1])
    cleaned = chosen.strip()
    while True:
        match = re.match(r"^[A-Za-z_][\w:]*: ", cleaned)
        if not match:
            break
        cleaned = cleaned[match.end() :]
    for noise in ("error loading model: ", "error: "):
        cleaned = cleaned.removeprefix(noise)
    return cleaned.strip() or chosen.strip()


class _ThreadStderr:
    """A ``sys.stderr`` stand-in: lines printed by one thread go to the log, others pass.

    llama-cpp-python with ``verbose=True`` prints the model's metadata and chat formats
    with ``print(..., file=sys.stderr)`` while loading; this captures exactly those prints
    without hiding what other threads write meanwhile.
    """

    def __init__(self, original: TextIO, owner: int) -> None:
        self._original = original
        self._owner = owner
        self._buffer: list[str] = []

    def write(self, text: str) -> int:
        if threading.get_ident() != self._owner:
            return self._original.write(text)
        self._buffer.append(text)
        if "\n" in text:
            joined = "".join(self._buffer)
            self._buffer.clear()
            for line in joined.splitlines():
                if line.strip():
                    logger.debug("%s", line[:2000])
        return len(text)

    def flush(self) -> None:
        self._original.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._original, name)


@contextlib.contextmanager
def python_prints_to_log() -> Iterator[None]:
    """While loading: this thread's ``print(file=sys.stderr)`` goes to the log."""
    original = sys.stderr
    proxy = _ThreadStderr(original, threading.get_ident())
    sys.stderr = proxy
    try:
        yield
    finally:
        if sys.stderr is proxy:
            sys.stderr = original
