"""The compact sampling popover: temperature, top-p, top-k, repeat penalty, length, seed and
the number of alternatives, remembered per writing action.

Each action starts from its recipe's defaults (``models.actions.default_sampler``: a
trailer needs far more room than a line of dialogue); only what the writer changed is
stored, through ``Settings.set_sampler``. Because ``Settings`` drops a value equal to the
generic ``SamplerSettings`` default, the fields the writer set are listed beside them, so
that "400 tokens for next-scene" (the generic default, not the recipe's 700) survives.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from PySide6.QtCore import QPoint, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reelwright.desktop.settings import Settings
from reelwright.models.types import SamplerSettings

MAX_ALTERNATIVES = 5
SEED_RANDOM = -1
_NAMES = tuple(f.name for f in fields(SamplerSettings))


def _extra_store(settings: Settings) -> QSettings:
    """The same INI file as ``settings`` (Qt shares one cache per file in a process)."""
    return QSettings(str(settings.path), QSettings.Format.IniFormat)


def _custom_fields(settings: Settings, action: str) -> set[str]:
    raw = _extra_store(settings).value(f"cowriter/custom/{action}", "")
    items = raw if isinstance(raw, list) else str(raw or "").split(",")
    return {str(item).strip() for item in items if str(item).strip() in _NAMES}


def action_defaults(action: str, n_ctx: int = 4096) -> SamplerSettings:
    from reelwright.models.actions import default_sampler

    return default_sampler(action, n_ctx)


def sampler_changes(settings: Settings, action: str) -> dict[str, Any]:
    """The fields of ``action``'s sampler the writer changed from the recipe's defaults."""
    custom = _custom_fields(settings, action)
    if not custom:
        return {}
    stored = settings.sampler(action)
    return {name: getattr(stored, name) for name in sorted(custom)}


def effective_sampler(settings: Settings, action: str, n_ctx: int = 4096) -> SamplerSettings:
    """The sampler ``action`` runs with: the recipe's defaults, then the writer's changes."""
    return replace(action_defaults(action, n_ctx), **sampler_changes(settings, action))


def save_sampler(settings: Settings, action: str, sampler: SamplerSettings, n_ctx: int) -> None:
    """Remember ``sampler`` for ``action``: the fields that differ from the recipe's."""
    base = action_defaults(action, n_ctx)
    custom = sorted(name for name in _NAMES if getattr(sampler, name) != getattr(base, name))
    store = _extra_store(settings)
    if custom:
        store.setValue(f"cowriter/custom/{action}", ",".join(custom))
    else:
        store.remove(f"cowriter/custom/{action}")
    store.sync()
    settings.set_sampler(action, sampler)


def alternatives(settings: Settings, action: str) -> int:
    raw = _extra_store(settings).value(f"cowriter/alternatives/{action}", 1)
    try:
        return max(1, min(MAX_ALTERNATIVES, int(raw)))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 1


def set_alternatives(settings: Settings, action: str, count: int) -> None:
    store = _extra_store(settings)
    key = f"cowriter/alternatives/{action}"
    if count <= 1:
        store.remove(key)
    else:
        store.setValue(key, min(MAX_ALTERNATIVES, count))
    store.sync()


class SamplerPopover(QFrame):
    """A small popup form for one action; every change is stored at once."""

    changed = Signal(str)
    """The action whose settings changed."""

    def __init__(
        self, settings: Settings, action: str, title: str, n_ctx: int, parent: QWidget | None
    ) -> None:
        """``title``: the action's name as the interface shows it."""
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("samplerPopover")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.settings = settings
        self.action = action
        self.n_ctx = n_ctx
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 12, 14, 12)
        heading = QLabel(self.tr("<b>Sampling for {action}</b>").format(action=title), self)
        column.addWidget(heading)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setHorizontalSpacing(12)
        column.addLayout(form)

        self.temperature = self._double(0.0, 2.0, 0.05, 2)
        self.temperature.setToolTip(
            self.tr("Higher writes more surprising text; 0 always picks the likeliest word")
        )
        self.top_p = self._double(0.05, 1.0, 0.05, 2)
        self.top_k = QSpinBox(self)
        self.top_k.setRange(0, 500)
        self.top_k.setSpecialValueText(self.tr("off"))
        self.repeat_penalty = self._double(1.0, 2.0, 0.05, 2)
        self.max_tokens = QSpinBox(self)
        self.max_tokens.setRange(16, max(64, n_ctx))
        self.max_tokens.setSingleStep(50)
        self.max_tokens.setSuffix(self.tr(" tokens"))
        self.seed = QSpinBox(self)
        self.seed.setRange(SEED_RANDOM, 2**31 - 1)
        self.seed.setSpecialValueText(self.tr("random"))
        self.seed.setToolTip(self.tr("A fixed seed writes the same suggestion again"))
        self.count = QSpinBox(self)
        self.count.setRange(1, MAX_ALTERNATIVES)
        for label, widget in (
            (self.tr("Temperature"), self.temperature),
            (self.tr("Top-p"), self.top_p),
            (self.tr("Top-k"), self.top_k),
            (self.tr("Repeat penalty"), self.repeat_penalty),
            (self.tr("Length"), self.max_tokens),
            (self.tr("Seed"), self.seed),
            (self.tr("Alternatives"), self.count),
        ):
            form.addRow(label, widget)
        row = QHBoxLayout()
        reset = QPushButton(self.tr("Action Defaults"), self)
        reset.setObjectName("samplerReset")
        reset.clicked.connect(self.reset)
        row.addWidget(reset)
        row.addStretch(1)
        column.addLayout(row)
        self._filling = False
        self._fill(effective_sampler(settings, action, n_ctx), alternatives(settings, action))
        for widget in (self.temperature, self.top_p, self.repeat_penalty):
            widget.valueChanged.connect(self._store)
        for spin in (self.top_k, self.max_tokens, self.seed, self.count):
            spin.valueChanged.connect(self._store)

    def _double(self, low: float, high: float, step: float, decimals: int) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(low, high)
        box.setSingleStep(step)
        box.setDecimals(decimals)
        return box

    def _fill(self, sampler: SamplerSettings, count: int) -> None:
        self._filling = True
        try:
            self.temperature.setValue(sampler.temperature)
            self.top_p.setValue(sampler.top_p)
            self.top_k.setValue(sampler.top_k)
            self.repeat_penalty.setValue(sampler.repeat_penalty)
            self.max_tokens.setValue(sampler.max_tokens)
            self.seed.setValue(SEED_RANDOM if sampler.seed is None else sampler.seed)
            self.count.setValue(count)
        finally:
            self._filling = False

    def sampler(self) -> SamplerSettings:
        base = effective_sampler(self.settings, self.action, self.n_ctx)
        seed = self.seed.value()
        values: dict[str, Any] = {
            "temperature": round(self.temperature.value(), 2),
            "top_p": round(self.top_p.value(), 2),
            "top_k": self.top_k.value(),
            "repeat_penalty": round(self.repeat_penalty.value(), 2),
            "max_tokens": self.max_tokens.value(),
            "seed": None if seed == SEED_RANDOM else seed,
        }
        return replace(base, **values)

    def _store(self) -> None:
        if self._filling:
            return
        save_sampler(self.settings, self.action, self.sampler(), self.n_ctx)
        set_alternatives(self.settings, self.action, self.count.value())
        self.changed.emit(self.action)

    def reset(self) -> None:
        """Back to the recipe's values for this action."""
        self._fill(action_defaults(self.action, self.n_ctx), 1)
        save_sampler(
            self.settings, self.action, action_defaults(self.action, self.n_ctx), self.n_ctx
        )
        set_alternatives(self.settings, self.action, 1)
        self.changed.emit(self.action)

    def show_below(self, anchor: QWidget) -> None:
        self.adjustSize()
        where = anchor.mapToGlobal(QPoint(anchor.width() - self.width(), anchor.height()))
        self.move(where)
        self.show()
