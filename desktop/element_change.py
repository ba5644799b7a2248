"""Ctrl+1..7's element change now lives in the Qt-free core: ``screenplay/element_change.py``
(the editor applies it in ``desktop/element_keys.py``).

This module only names it again so that existing imports keep working while they move.
"""

from __future__ import annotations

from reelwright.screenplay.element_change import (
    Change,
    Target,
    apply_change,
    change_element,
    split_markup,
)

__all__ = ["Change", "Target", "apply_change", "change_element", "split_markup"]
