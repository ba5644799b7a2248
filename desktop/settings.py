"""Preferences: every option declared once, with its type and default; only changes are stored.

Storage is an INI file (``QSettings.IniFormat``) in :func:`config_dir`, so that tests and
portable installs can point it anywhere with ``REELWRIGHT_HOME`` (or ``XDG_CONFIG_HOME``).
Reading an option never writes; writing the default value removes the key, so the file
holds exactly what the writer changed and a new default reaches everyone who kept the old.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from reelwright.models import store
from reelwright.models.remote import DEFAULT_KEY_ENV
from reelwright.models.store import config_dir
from reelwright.models.types import EngineSettings, SamplerSettings


@dataclass(frozen=True, slots=True)
class Option:
    """One preference: its key in the file, its Python type, its default and its limits."""

    key: str
    type: type
    default: Any
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""

    def coerce(self, raw: Any) -> Any:
        """The stored value as ``type``; anything unreadable or out of range is the default."""
        try:
            if self.type is bool:
                value: Any = raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1")
            elif self.type is list:
                if raw in (None, ""):
                    value = []
                elif isinstance(raw, (list, tuple)):
                    value = [str(item) for item in raw]
                else:
                    value = [str(raw)]
            else:
                value = self.type(raw)
        except (TypeError, ValueError):
            return self.default
        if self.choices and value not in self.choices:
            return self.default
        if self.minimum is not None and value < self.minimum:
            return self.default
        if self.maximum is not None and value > self.maximum:
            return self.default
        return value


_ENGINE = EngineSettings()

OPTIONS: dict[str, Option] = {
    option.key: option
    for option in (
        Option("editor/paper", str, "", ("", "letter", "a4"), help="'' follows the locale"),
        Option("editor/font_size", int, 12, minimum=6, maximum=48),
        Option("editor/zoom", int, 0, minimum=-8, maximum=24, help="points added to font size"),
        Option("editor/theme", str, "light", ("light", "dark")),
        Option("ui/language", str, "", ("", "en", "zh_CN"), help="'' follows the system"),
        Option("editor/scene_numbers_in_navigator", bool, True),
        Option("editor/page_rules", bool, True),
        Option("editor/heading_blanks", int, 2, (1, 2)),
        Option("print/profile", str, "screenplay", ("screenplay", "multicam")),
        Option("print/notes", bool, False, help="print [[notes]]"),
        Option("print/sections", bool, False, help="print sections and synopses"),
        Option("print/contd_after_action", bool, True, help="(CONT'D) after action"),
        Option("print/revision_marks", bool, True, help="* beside revised lines"),
        Option(
            "print/revision_colour",
            str,
            "none",
            ("none", "tint", "band"),
            help="coloured-paper hints on revised pages",
        ),
        Option("print/title_revisions", bool, True, help="revision rounds on the title page"),
        Option("print/watermark", str, "", help="printed faintly across every page"),
        Option("print/header", str, "", help="printed at the top of every page"),
        Option("print/footer", str, "", help="printed at the foot of every page"),
        Option("files/autosave_seconds", int, 30, minimum=1, maximum=3600),
        Option("files/recent", list, [], help="most recent first"),
        Option("files/recent_max", int, 10, minimum=1, maximum=30),
        Option("files/opened_before", bool, False, help="the sample opens on the first start"),
        Option("export/scene_numbers", str, "none", ("none", "left", "right", "both")),
        Option("export/open_pdf", bool, True),
        Option("window/geometry", bytes, b""),
        Option("window/state", bytes, b""),
        Option("window/navigator_visible", bool, True),
        Option("model/id", str, "", help="a catalogue id or a Hugging Face repo id"),
        Option("model/path", str, "", help="a local .gguf file; wins over model/id"),
        Option("model/n_gpu_layers", int, -1, minimum=-1, help="-1: all when a GPU is there"),
        Option("model/n_ctx", int, _ENGINE.n_ctx, minimum=512, maximum=131072),
        Option("model/threads", int, 0, minimum=0, maximum=256, help="0: physical cores, <= 8"),
        Option("model/enabled", bool, True),
        Option("model/server", bool, False, help="the model runs on model/server_url"),
        Option("model/server_url", str, "", help="an OpenAI-compatible server's address"),
        Option("model/server_model", str, "", help="'' : the one model the server serves"),
        Option(
            "model/server_key_env",
            str,
            DEFAULT_KEY_ENV,
            help="the environment variable holding the server's API key",
        ),
        Option(
            "model/server_key",
            str,
            "",
            help="an API key typed in (wins over the variable); the file is then owner-only",
        ),
        Option(
            "cowriter/demo_notice_seen",
            bool,
            False,
            help="the writer closed the notice that the embedded model is a demonstration",
        ),
        Option("spelling/enabled", bool, True, help="check spelling as you type"),
        Option("spelling/languages", list, ["en"], help="dictionary codes, e.g. en, es"),
        Option("spelling/check_notes", bool, False, help="check [[notes]] too"),
        Option("spelling/check_boneyard", bool, False, help="check /* boneyard */ too"),
        Option("goals/kind", str, "", ("", "pages", "words"), help="'' sets no goal"),
        Option("goals/scope", str, "session", ("session", "draft")),
        Option("goals/target", float, 0.0, minimum=0.0, maximum=100000.0),
    )
}

SAMPLER_FIELDS = {f.name: f for f in fields(SamplerSettings)}


def _sampler_key(action: str, name: str) -> str:
    return f"sampler/{action}/{name}"


class Settings(QObject):
    """Typed access to the declared options. Emits ``changed(key)`` after a change."""

    changed = Signal(str)

    def __init__(self, path: str | os.PathLike[str] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        file = Path(path) if path is not None else config_dir() / store.SETTINGS_FILE
        self.path = file
        self._store = QSettings(str(file), QSettings.Format.IniFormat)

    # Declared options ---------------------------------------------------------------------
    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        if not self._store.contains(key):
            return list(option.default) if option.type is list else option.default
        raw = self._store.value(key)
        if option.type is bytes:
            return bytes(raw.data()) if hasattr(raw, "data") else option.default
        return option.coerce(raw)

    def set(self, key: str, value: Any) -> None:
        option = OPTIONS[key]
        if option.type is not bytes:
            value = option.coerce(value)
        if value == option.default:
            if not self._store.contains(key):
                return
            self._store.remove(key)
        else:
            if self._store.contains(key) and self.get(key) == value:
                return
            if option.type is bytes:
                from PySide6.QtCore import QByteArray

                self._store.setValue(key, QByteArray(value))
            else:
                self._store.setValue(key, value)
        self._store.sync()
        self.changed.emit(key)

    def stored_keys(self) -> list[str]:
        """What the file holds: only the values that differ from their defaults."""
        return list(self._store.allKeys())

    # Recent files ---------------------------------------------------------------------------
    def add_recent(self, path: str | os.PathLike[str]) -> None:
        name = str(Path(path).resolve())
        recent = [p for p in self.get("files/recent") if p != name]
        recent.insert(0, name)
        self.set("files/recent", recent[: self.get("files/recent_max")])

    def remove_recent(self, path: str) -> None:
        self.set("files/recent", [p for p in self.get("files/recent") if p != path])

    # Model settings for the co-writer --------------------------------------------------------
    def engine_settings(self) -> EngineSettings:
        layers = self.get("model/n_gpu_layers")
        threads = self.get("model/threads")
        return EngineSettings(
            n_ctx=self.get("model/n_ctx"),
            n_gpu_layers=None if layers < 0 else layers,
            n_threads=threads or None,
        )

    def sampler(self, action: str) -> SamplerSettings:
        """The sampler for one writing action; each field falls back to SamplerSettings'."""
        default = SamplerSettings()
        values: dict[str, Any] = {}
        for name in SAMPLER_FIELDS:
            key = _sampler_key(action, name)
            base = getattr(default, name)
            if not self._store.contains(key):
                values[name] = base
                continue
            raw = self._store.value(key)
            try:
                if name == "seed":
                    values[name] = None if raw in (None, "", "none") else int(raw)
                else:
                    values[name] = type(base)(raw)
            except (TypeError, ValueError):
                values[name] = base
        return SamplerSettings(**values)

    def set_sampler(self, action: str, sampler: SamplerSettings) -> None:
        default = SamplerSettings()
        for name in SAMPLER_FIELDS:
            key = _sampler_key(action, name)
            value = getattr(sampler, name)
            if value == getattr(default, name):
                self._store.remove(key)
            else:
                self._store.setValue(key, "none" if value is None else value)
        self._store.sync()
        self.changed.emit(f"sampler/{action}")
