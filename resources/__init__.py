"""Data files shipped with Reelwright: fonts, icons, sample script, prompt templates, grammars."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file shipped in ``reelwright.resources`` (``resource("grammars", "fountain.gbnf")``)."""
    node = files(__name__)
    for part in parts:
        node = node.joinpath(part)
    return node
