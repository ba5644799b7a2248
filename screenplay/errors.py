"""Errors that reach the writer: each carries one clear sentence, never a traceback."""

from __future__ import annotations


class ReelwrightError(Exception):
    """A failure the writer can understand and act on. ``str(error)`` is the message."""


class ScriptReadError(ReelwrightError):
    """A script file that cannot be read: missing, a directory, not decodable."""


class ModelError(ReelwrightError):
    """A model that cannot be used: not GGUF, truncated, unknown architecture, no memory."""
