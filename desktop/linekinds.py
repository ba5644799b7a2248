"""The editor's per-line classifier now lives in the Qt-free core: ``screenplay/lines.py``.

This module only names it again so that existing imports keep working while they move.
"""

from __future__ import annotations

from reelwright.screenplay.lines import *  # noqa: F403
from reelwright.screenplay.lines import __all__  # noqa: F401
