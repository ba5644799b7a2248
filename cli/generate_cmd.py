"""Sub-commands (to be filled in by the owner of this module)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    pass
