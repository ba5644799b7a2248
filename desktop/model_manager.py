"""The model manager: installed models with their facts, the catalog with downloads, a
model on an OpenAI-compatible server, and how the model runs (GPU layers, context size,
threads).

Facts come from the GGUF header (``models.gguf_info``: read without loading the model),
so a broken file shows what is wrong and how to fix it instead of failing at the first
suggestion. Downloads run on their own thread (:class:`Downloader`, owned by the
co-writer so that closing the dialog does not stop one); progress arrives over queued
signals, cancel keeps the partial file, and the next start resumes it.

What the dialog writes is in the interface's language; the model layer's own sentences
(a recommendation's reason, a language's name, the embedded model's name: phrases) are
translated from the English templates it marks (``reason_text``, ``language_text``,
``take_view.phrase_text``). Facts read from files and the catalog (names, architectures,
licences) are shown as they are.

The Server tab asks a server which models it serves on a thread of its own (an address
that does not answer must not freeze the window); "Use This Server" makes the server the
co-writer's model (``model/server`` and the ``model/server_*`` settings). A typed API key
is kept in the settings file, which is then made readable by its owner only; with no key
typed, the key is read from the environment variable named beside it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reelwright.desktop.i18n import QT_TRANSLATE_NOOP
from reelwright.desktop.settings import Settings
from reelwright.desktop.take_view import phrase_text
from reelwright.models.remote import ServerModel
from reelwright.models.types import CancelToken
from reelwright.screenplay.errors import ReelwrightError

if TYPE_CHECKING:
    from reelwright.models.recommend import Recommendation

log = logging.getLogger(__name__)

PROGRESS_STEPS = 1000
"""The bar counts thousandths: a byte count would overflow Qt's int for files over 2 GB."""
SOURCES = {
    "embedded": QT_TRANSLATE_NOOP("ModelManager", "embedded"),
    "catalog": QT_TRANSLATE_NOOP("ModelManager", "catalog"),
    "added": QT_TRANSLATE_NOOP("ModelManager", "added"),
}
"""Where an installed model came from (``models.store``'s sources), as the table says it."""


def source_text(source: str) -> str:
    """An installed model's source in the interface's language."""
    if source not in SOURCES:
        return source
    return QCoreApplication.translate("ModelManager", SOURCES[source])


LANGUAGE_SAMPLE = 20_000
"""Characters of the script read to tell the language a recommended model must write."""


def script_language(text: str) -> str | None:
    """The language a recommended model must write for a script: its code when the script
    is not written in Latin letters (``zh``, ``ja``, ``ko``, ``ru``...), else None (every
    catalog model writes English, and telling Latin-letter languages apart would load word
    lists on the window's thread)."""
    from reelwright.models.quality import detect_language, writing_systems

    sample = text[:LANGUAGE_SAMPLE]
    systems = writing_systems(sample)
    if not systems or systems.most_common(1)[0][0] in ("latin", "other"):
        return None
    return detect_language(sample)


def reason_text(recommendation: Recommendation) -> str:
    """Why ``recommendation`` suits this computer, in the interface's language."""
    return recommendation.reason_in(QCoreApplication.translate)


def language_text(code: str) -> str:
    """A language's name (``zh``) in the interface's language."""
    from reelwright.models.phrases import language_name

    return phrase_text(language_name(code))


def configured_spec(settings: Settings) -> str | ServerModel:
    """What ``store.open_model`` should open: the server when the writer chose one, else
    the path, else the id, else the embedded default."""
    server = configured_server(settings)
    if settings.get("model/server") and server.url:
        return server
    return settings.get("model/path").strip() or settings.get("model/id").strip() or "default"


def configured_server(settings: Settings) -> ServerModel:
    """The server the settings remember (in use or not): address, model and key."""
    return ServerModel(
        settings.get("model/server_url"),
        settings.get("model/server_model"),
        settings.get("model/server_key_env"),
        settings.get("model/server_key"),
    )


def keep_server_key(settings: Settings, key: str) -> None:
    """Store a typed API key (empty: forget it). The settings file is made readable and
    writable by its owner only before the key goes in (Qt keeps a file's permissions when
    it writes it again); on Windows the file lies in the user's own profile folder."""
    key = key.strip()
    if key:
        path = Path(settings.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600, exist_ok=True)
        os.chmod(path, 0o600)
    settings.set("model/server_key", key)


def format_duration(seconds: float | None) -> str:
    """The time a download has left, as the progress line says it."""
    if seconds is None:
        return QCoreApplication.translate("ModelManager", "time left unknown")
    seconds = round(seconds)
    if seconds < 60:
        return QCoreApplication.translate("ModelManager", "{seconds} s left").format(
            seconds=seconds
        )
    if seconds < 3600:
        text = QCoreApplication.translate("ModelManager", "{minutes} min {seconds} s left")
        return text.format(minutes=seconds // 60, seconds=f"{seconds % 60:02d}")
    text = QCoreApplication.translate("ModelManager", "{hours} h {minutes} min left")
    return text.format(hours=seconds // 3600, minutes=f"{seconds % 3600 // 60:02d}")


def progress_text(done: int, total: int, speed: float, eta: float | None) -> str:
    from reelwright.models.download import format_bytes

    text = QCoreApplication.translate("ModelManager", "{done} of {total} · {speed}/s · {left}")
    return text.format(
        done=format_bytes(done),
        total=format_bytes(total),
        speed=format_bytes(speed),
        left=format_duration(eta),
    )


@dataclass(frozen=True, slots=True)
class ModelRow:
    """One installed model as the dialog shows it; ``problem`` and ``fix`` when broken."""

    id: str
    name: str
    source: str
    path: Path
    architecture: str = ""
    parameters: str = ""
    quantization: str = ""
    context: str = ""
    size: str = ""
    memory: str = ""
    problem: str = ""
    fix: str = ""


def describe_installed(n_ctx: int) -> list[ModelRow]:
    """The installed models with their facts (headers only; nothing is loaded)."""
    from reelwright.models.download import format_bytes
    from reelwright.models.gguf_info import inspect_gguf
    from reelwright.models.store import installed_models
    from reelwright.screenplay.errors import ReelwrightError

    rows = []
    for model in installed_models():
        name = phrase_text(model.name)  # the embedded model's name is a phrase
        if not model.exists:
            rows.append(
                ModelRow(
                    model.id,
                    name,
                    model.source,
                    model.path,
                    problem=QCoreApplication.translate(
                        "ModelManager", "the file is gone: {path}"
                    ).format(path=model.path),
                    fix=QCoreApplication.translate(
                        "ModelManager",
                        "Add it again from where it is now, or remove it from the list.",
                    ),
                )
            )
            continue
        try:
            info = inspect_gguf(model.path)
        except ReelwrightError as error:
            fix = (
                QCoreApplication.translate("ModelManager", "Download it again (remove it first).")
                if model.source == "catalog"
                else QCoreApplication.translate(
                    "ModelManager", "Remove it and add a complete .gguf file."
                )
            )
            rows.append(
                ModelRow(model.id, name, model.source, model.path, problem=str(error), fix=fix)
            )
            continue
        count = info.parameter_count
        params = f"{count / 1e9:.2f} B" if count >= 1e9 else f"{count / 1e6:.0f} M"
        rows.append(
            ModelRow(
                model.id,
                name,
                model.source,
                model.path,
                architecture=info.architecture,
                parameters=params,
                quantization=info.quantization,
                context=f"{info.context_length:,}" if info.context_length else "?",
                size=format_bytes(info.file_size),
                memory=format_bytes(info.memory_estimate(min(n_ctx, info.context_length or n_ctx))),
            )
        )
    return rows


class _DownloadWorker(QObject):
    progress = Signal(str, object)
    finished = Signal(str, str)
    failed = Signal(str, str)
    cancelled = Signal(str, str)

    @Slot(str, object)
    def download(self, model_id: str, cancel: CancelToken) -> None:
        from reelwright.models.download import DownloadCancelledError, download_model
        from reelwright.screenplay.errors import ReelwrightError

        try:
            path = download_model(
                model_id, progress=lambda p: self.progress.emit(model_id, p), cancel=cancel
            )
        except DownloadCancelledError as error:
            self.cancelled.emit(model_id, str(error))
        except ReelwrightError as error:
            self.failed.emit(model_id, str(error))
        except Exception as error:  # a bug in a transfer must not take the app down
            log.exception("download of %s failed", model_id)
            self.failed.emit(model_id, f"{type(error).__name__}: {error}")
        else:
            self.finished.emit(model_id, str(path))


class Downloader(QObject):
    """One download at a time on one thread; ``shutdown`` cancels and waits."""

    progress = Signal(str, object)
    """Model id, DownloadProgress."""
    finished = Signal(str, str)
    """Model id, path of the checked file."""
    failed = Signal(str, str)
    cancelled = Signal(str, str)
    _start = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("reelwright-download")
        self._worker = _DownloadWorker()
        self._worker.moveToThread(self._thread)
        self._start.connect(self._worker.download)
        self._worker.progress.connect(self.progress)
        self._worker.finished.connect(self._ended)
        self._worker.failed.connect(self._ended_failed)
        self._worker.cancelled.connect(self._ended_cancelled)
        self.active: str | None = None
        self._cancel: CancelToken | None = None
        self._closed = False  # the thread starts with the first download

    def start(self, model_id: str) -> bool:
        if self.active is not None or self._closed:
            return False
        self.active = model_id
        self._cancel = CancelToken()
        if not self._thread.isRunning():
            self._thread.start()
        self._start.emit(model_id, self._cancel)
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()

    def _ended(self, model_id: str, path: str) -> None:
        self.active = None
        self.finished.emit(model_id, path)

    def _ended_failed(self, model_id: str, message: str) -> None:
        self.active = None
        self.failed.emit(model_id, message)

    def _ended_cancelled(self, model_id: str, message: str) -> None:
        self.active = None
        self.cancelled.emit(model_id, message)

    def shutdown(self, timeout_ms: int = 1000) -> bool:
        if self._closed:
            return True
        self._closed = True
        self.cancel()
        self._thread.quit()
        in_time = self._thread.wait(timeout_ms)
        if not in_time:
            log.warning("the download thread is still busy; waiting for it")
            self._thread.wait()
        return in_time


class ModelManagerDialog(QDialog):
    """See the module docstring. Changes go to ``settings``; the co-writer reloads on them."""

    _listed = Signal(int, object, str)
    """Connect's answer, from its thread: request number, the model names, an error."""

    def __init__(
        self,
        settings: Settings,
        downloader: Downloader,
        status_line: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Models"))
        self.setObjectName("modelManager")
        self.resize(980, 620)
        self.settings = settings
        self.downloader = downloader
        self.rows: list[ModelRow] = []
        self.language: str | None = None
        """The script's language when it needs a model that writes it (``script_language``)."""
        self._recommendations: dict[str | None, Recommendation | None] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 14, 16, 12)
        column.setSpacing(10)
        self.active_label = QLabel("", self)
        self.active_label.setObjectName("activeModel")
        self.active_label.setWordWrap(True)
        column.addWidget(self.active_label)
        self.status_line = status_line

        self.tabs = QTabWidget(self)
        column.addWidget(self.tabs, 1)
        self.installed = self._table(
            [
                self.tr("Model"),
                self.tr("Source"),
                self.tr("Architecture"),
                self.tr("Parameters"),
                self.tr("Quantization"),
                self.tr("Context"),
                self.tr("Size"),
                self.tr("Memory"),
                self.tr("Status"),
            ]
        )
        self.problem = QLabel("", self)
        self.problem.setObjectName("modelProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b03a2e;")
        self.problem.hide()
        installed_page = QWidget(self)
        installed_column = QVBoxLayout(installed_page)
        installed_column.setContentsMargins(0, 8, 0, 0)
        installed_column.addWidget(self.installed, 1)
        installed_column.addWidget(self.problem)
        buttons = QHBoxLayout()
        self.use_button = QPushButton(self.tr("Use This Model"), installed_page)
        self.use_button.setObjectName("useModel")
        self.use_button.clicked.connect(self.use_selected)
        add = QPushButton(self.tr("Add .gguf File…"), installed_page)
        add.setObjectName("addModel")
        add.clicked.connect(self.add_dialog)
        self.remove_button = QPushButton(self.tr("Remove"), installed_page)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.use_button)
        buttons.addWidget(add)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        installed_column.addLayout(buttons)
        self.tabs.addTab(installed_page, self.tr("Installed"))
        self.installed.setWordWrap(False)
        self.installed.itemSelectionChanged.connect(self._selection_changed)

        catalog_page = QWidget(self)
        catalog_column = QVBoxLayout(catalog_page)
        catalog_column.setContentsMargins(0, 8, 0, 0)
        self.catalog = self._table(
            [
                self.tr("Model"),
                self.tr("Parameters"),
                self.tr("Download"),
                self.tr("RAM needed"),
                self.tr("Licence"),
                self.tr("Languages"),
                self.tr("Good for"),
                "",
            ]
        )
        self.recommendation_label = QLabel("", catalog_page)
        self.recommendation_label.setObjectName("recommendation")
        self.recommendation_label.setWordWrap(True)
        catalog_column.addWidget(self.recommendation_label)
        catalog_column.addWidget(self.catalog, 1)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar(catalog_page)
        self.progress.setObjectName("downloadProgress")
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress_label = QLabel("", catalog_page)
        self.progress_label.setObjectName("downloadLabel")
        self.progress_label.setMinimumWidth(330)
        self.cancel_button = QPushButton(self.tr("Cancel"), catalog_page)
        self.cancel_button.setObjectName("cancelDownload")
        self.cancel_button.clicked.connect(self.downloader.cancel)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.cancel_button)
        catalog_column.addLayout(progress_row)
        self.tabs.addTab(catalog_page, self.tr("Catalog"))
        self._listing = 0
        self._lister: threading.Thread | None = None
        self.server_page = self._server_page()
        self.tabs.addTab(self.server_page, self.tr("Server"))

        box = QGroupBox(self.tr("How the model runs"), self)
        settings_column = QVBoxLayout(box)
        row = QHBoxLayout()
        self.gpu_layers = QSpinBox(box)
        self.gpu_layers.setRange(-1, 999)
        self.gpu_layers.setSpecialValueText(self.tr("all, with a GPU"))
        self.gpu_layers.setValue(settings.get("model/n_gpu_layers"))
        self.context = QSpinBox(box)
        self.context.setRange(512, 131072)
        self.context.setSingleStep(1024)
        self.context.setSuffix(self.tr(" tokens"))
        self.context.setValue(settings.get("model/n_ctx"))
        self.threads = QSpinBox(box)
        self.threads.setRange(0, 256)
        self.threads.setSpecialValueText(self.tr("automatic"))
        self.threads.setValue(settings.get("model/threads"))
        for label, spin in (
            (self.tr("GPU layers"), self.gpu_layers),
            (self.tr("Context size"), self.context),
            (self.tr("CPU threads"), self.threads),
        ):
            spin.setMinimumWidth(150)
            row.addWidget(QLabel(label, box))
            row.addWidget(spin)
            row.addSpacing(18)
        row.addStretch(1)
        settings_column.addLayout(row)
        hint = QLabel(
            self.tr(
                "Changes apply from the next suggestion (the model loads again). A bigger "
                "context lets the model read more of the script and needs more memory."
            ),
            box,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        settings_column.addWidget(hint)
        column.addWidget(box)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        close.accepted.connect(self.accept)
        column.addWidget(close)

        self.gpu_layers.valueChanged.connect(lambda v: settings.set("model/n_gpu_layers", v))
        self.context.valueChanged.connect(self._context_changed)
        self.threads.valueChanged.connect(lambda v: settings.set("model/threads", v))
        downloader.progress.connect(self._progress)
        downloader.finished.connect(self._download_finished)
        downloader.failed.connect(self._download_failed)
        downloader.cancelled.connect(self._download_cancelled)
        self.refresh()

    def _server_page(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 8, 0, 0)
        intro = QLabel(
            self.tr(
                "Let a model on a server write: llama.cpp's llama-server, vLLM or any other "
                "OpenAI-compatible server, on this computer or on another one."
            ),
            page,
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        server = configured_server(self.settings)
        form = QFormLayout()
        self.server_url = QLineEdit(server.url, page)
        self.server_url.setObjectName("serverUrl")
        self.server_url.setPlaceholderText("http://localhost:8080")
        self.connect_button = QPushButton(self.tr("Connect"), page)
        self.connect_button.setObjectName("connectServer")
        address = QHBoxLayout()
        address.addWidget(self.server_url, 1)
        address.addWidget(self.connect_button)
        form.addRow(self.tr("Address"), address)
        self.server_model = QComboBox(page)
        self.server_model.setObjectName("serverModel")
        self.server_model.setEditable(True)  # a server that lists nothing: type the name
        self.server_model.setMinimumWidth(320)
        if server.model:
            self.server_model.addItem(server.model)
        line = self.server_model.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("the one it serves"))
        form.addRow(self.tr("Model"), self.server_model)
        self.server_key = QLineEdit(server.key, page)
        self.server_key.setObjectName("serverKey")
        self.server_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.server_key.setPlaceholderText(self.tr("none, or read from the variable below"))
        form.addRow(self.tr("API key"), self.server_key)
        self.server_key_env = QLineEdit(server.key_env, page)
        self.server_key_env.setObjectName("serverKeyVariable")
        form.addRow(self.tr("Key variable"), self.server_key_env)
        column.addLayout(form)
        self.server_status = QLabel("", page)
        self.server_status.setObjectName("serverStatus")
        self.server_status.setWordWrap(True)
        column.addWidget(self.server_status)
        privacy = QLabel(
            self.tr(
                "Each suggestion sends the server its prompt, which is made of your "
                "script's text (title page, notes, nearby scenes). A key typed here is kept "
                "in Reelwright's settings file, readable by you only. Nothing else leaves "
                "this computer."
            ),
            page,
        )
        privacy.setWordWrap(True)
        privacy.setStyleSheet("color: palette(placeholder-text);")
        column.addWidget(privacy)
        column.addStretch(1)
        buttons = QHBoxLayout()
        self.use_server_button = QPushButton(self.tr("Use This Server"), page)
        self.use_server_button.setObjectName("useServer")
        buttons.addWidget(self.use_server_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.connect_button.clicked.connect(self.connect_server)
        self.server_url.returnPressed.connect(self.connect_server)
        self.use_server_button.clicked.connect(self.use_server)
        self._listed.connect(self._server_listed)
        return page

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(self)
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        return table

    # Filling -------------------------------------------------------------------------------
    def refresh(self) -> None:
        spec = configured_spec(self.settings)
        self.rows = describe_installed(self.settings.get("model/n_ctx"))
        table = self.installed
        table.setRowCount(len(self.rows))
        active_row = -1
        for row, model in enumerate(self.rows):
            is_active = spec in (model.id, str(model.path))
            if is_active:
                active_row = row
            name = ("● " if is_active else "") + model.name
            status = f"✗ {model.problem}" if model.problem else self.tr("ready")
            cells = [
                name,
                source_text(model.source),
                model.architecture,
                model.parameters,
                model.quantization,
                model.context,
                model.size,
                model.memory,
                status,
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(str(model.path) if column == 0 else value)
                if model.problem and column == 8:
                    item.setForeground(Qt.GlobalColor.darkRed)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(8, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        if active_row >= 0:
            table.selectRow(active_row)
        if isinstance(spec, ServerModel):
            name = phrase_text(spec.label)
        else:
            name = next((m.name for m in self.rows if spec in (m.id, str(m.path))), spec)
        text = self.tr("<b>Active model:</b> {name}").format(name=_escape(name))
        if self.status_line:
            text += f" &nbsp;·&nbsp; {self.status_line}"
        self.active_label.setText(text)
        self._fill_catalog()
        self._selection_changed()

    def recommendation(self) -> Recommendation | None:
        """The catalog model recommended for this machine and the script's ``language``
        (``models.recommend``), worked out once per dialog and language: it asks llama.cpp
        about GPUs."""
        if self.language not in self._recommendations:
            from reelwright.models.recommend import recommend_for_machine

            found: Recommendation | None
            try:
                if self.language:
                    found = recommend_for_machine(language=self.language)
                else:
                    found = recommend_for_machine()
            except (ReelwrightError, OSError) as error:  # a damaged catalog: no mark
                log.warning("no model recommendation: %s", error)
                found = None
            self._recommendations[self.language] = found
        return self._recommendations[self.language]

    def _fill_catalog(self) -> None:
        from reelwright.models.catalog import load_catalog
        from reelwright.models.download import format_bytes
        from reelwright.models.recommend import ram_bytes_needed
        from reelwright.models.store import downloaded_path, partial_download

        entries = load_catalog()
        table = self.catalog
        table.setRowCount(len(entries))
        recommended = self.recommendation()
        best = recommended.entry if recommended is not None else None
        if recommended is not None and best is not None:
            text = self.tr("Recommended for this computer: <b>{name}</b> ({size}). {reason}.")
            self.recommendation_label.setText(
                text.format(
                    name=best.name, size=recommended.size_text, reason=reason_text(recommended)
                )
            )
        else:
            self.recommendation_label.setText(
                self.tr(
                    "No model in the catalog runs well on this computer; the embedded model stays."
                )
            )
        for row, entry in enumerate(entries):
            marked = best is not None and entry.id == best.id
            separator = self.tr(", ", "the separator of a list")
            languages = separator.join(language_text(code) for code in entry.languages)
            ram = ram_bytes_needed(entry) / 1e9
            cells = [
                ("★ " if marked else "") + entry.name,
                f"{entry.parameters_billions:g} B · {entry.quantization}",
                ("≈ " if entry.size_approx else "") + format_bytes(entry.size_bytes),
                f"{ram:.0f} GB" if ram >= 10 else f"{ram:.1f} GB",
                entry.licence,
                languages,
                entry.good_for,
            ]
            tips = {
                0: f"{entry.name} ({entry.architecture})"
                + ("\n" + self.tr("Recommended for this computer") if marked else ""),
                3: self.tr(
                    "Total RAM a computer needs to run it on the CPU beside the system and "
                    "Reelwright; a GPU with enough memory runs it faster"
                ),
            }
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(tips.get(column, value))
                if marked:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(row, column, item)
            button = QPushButton(table)
            button.setObjectName(f"download-{entry.id}")
            if downloaded_path(entry) is not None:
                button.setText(self.tr("Installed"))
                button.setEnabled(False)
            else:
                partial = partial_download(entry)
                if partial and partial[1]:
                    percent = 100 * partial[0] // partial[1]
                    button.setText(self.tr("Resume ({percent}%)").format(percent=percent))
                else:
                    button.setText(self.tr("Download"))
                button.setEnabled(self.downloader.active in (None, entry.id))
            if self.downloader.active == entry.id:
                button.setText(self.tr("Downloading…"))
                button.setEnabled(False)
            button.clicked.connect(lambda _c=False, i=entry.id: self.download(i))
            table.setCellWidget(row, 7, button)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        table.setColumnWidth(6, 300)
        table.resizeRowsToContents()
        self.cancel_button.setEnabled(self.downloader.active is not None)

    def download_button(self, model_id: str) -> QPushButton | None:
        for row in range(self.catalog.rowCount()):
            widget = self.catalog.cellWidget(row, 7)
            if isinstance(widget, QPushButton) and widget.objectName() == f"download-{model_id}":
                return widget
        return None

    # Installed models ---------------------------------------------------------------------
    def selected_row(self) -> ModelRow | None:
        rows = self.installed.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        model = self.selected_row()
        self.use_button.setEnabled(model is not None and not model.problem)
        self.remove_button.setEnabled(model is not None and model.source != "embedded")
        if model is not None and model.problem:
            self.problem.setText(
                self.tr("<b>{name} cannot be used:</b> {problem}. {fix}").format(
                    name=model.name, problem=model.problem, fix=model.fix
                )
            )
            self.problem.show()
        else:
            self.problem.hide()

    def use_selected(self) -> None:
        model = self.selected_row()
        if model is not None:
            self.use_model(model)

    def use_model(self, model: ModelRow) -> None:
        """Make ``model`` the co-writer's model (it loads with the next suggestion)."""
        self.settings.set("model/server", False)  # the server's settings stay for next time
        self.settings.set("model/path", "")
        self.settings.set("model/id", "" if model.source == "embedded" else model.id)
        self.refresh()

    def add_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add a Model"), str(Path.home()), self.tr("GGUF models (*.gguf)")
        )
        if name:
            self.add_path(name)

    def add_path(self, path: str) -> bool:
        """Add a local .gguf (checked first); a bad file says why and nothing changes."""
        from reelwright.models.store import add_model_path
        from reelwright.screenplay.errors import ReelwrightError

        try:
            add_model_path(path)
        except ReelwrightError as error:
            self.problem.setText(self.tr("<b>Not added:</b> {error}").format(error=error))
            self.problem.show()
            return False
        self.refresh()
        return True

    def remove_selected(self) -> None:
        from reelwright.models.store import remove_model
        from reelwright.screenplay.errors import ReelwrightError

        model = self.selected_row()
        if model is None:
            return
        try:
            remove_model(model.id)
        except ReelwrightError as error:
            self.problem.setText(self.tr("<b>Not removed:</b> {error}").format(error=error))
            self.problem.show()
            return
        if configured_spec(self.settings) in (model.id, str(model.path)):
            self.settings.set("model/id", "")
            self.settings.set("model/path", "")
        self.refresh()

    def _context_changed(self, value: int) -> None:
        self.settings.set("model/n_ctx", value)
        self.refresh()

    # A model on a server ------------------------------------------------------------------
    def server_choice(self) -> ServerModel:
        """The server as the tab says it now."""
        return ServerModel(
            self.server_url.text(),
            self.server_model.currentText(),
            self.server_key_env.text(),
            self.server_key.text(),
        )

    def _server_message(self, text: str, error: bool = False) -> None:
        self.server_status.setText(
            f"<span style='color:#b03a2e'>{_escape(text)}</span>" if error else _escape(text)
        )

    def connect_server(self) -> None:
        """Ask the server which models it serves, on a thread; the combo fills with them."""
        from reelwright.models.remote import server_models

        server = self.server_choice()
        if not server.url:
            self._server_message(
                self.tr("Type the server's address first, e.g. http://localhost:8080."), True
            )
            return
        self._listing += 1
        number = self._listing
        self.connect_button.setEnabled(False)
        self._server_message(self.tr("Asking {host}…").format(host=server.host))

        def work() -> None:
            names: list[str] = []
            error = ""
            try:
                names = server_models(server)
            except ReelwrightError as problem:
                error = str(problem)
            except Exception as problem:  # a bug must not take the thread down silently
                log.exception("listing the models of %s failed", server.url)
                error = f"{type(problem).__name__}: {problem}"
            with contextlib.suppress(RuntimeError):  # the dialog is gone
                self._listed.emit(number, names, error)

        self._lister = threading.Thread(target=work, name="reelwright-server-models", daemon=True)
        self._lister.start()

    def _server_listed(self, number: int, names: list[str], error: str) -> None:
        if number != self._listing:
            return  # an older Connect
        self.connect_button.setEnabled(True)
        if error:
            self._server_message(error, True)
            return
        typed = self.server_model.currentText().strip()
        self.server_model.clear()
        self.server_model.addItems(names)
        if typed in names or not names:
            self.server_model.setEditText(typed)
        else:
            self.server_model.setCurrentIndex(0)
        host = self.server_choice().host
        if names:
            separator = self.tr(", ", "the separator of a list")
            text = self.tr("{host} serves {models}.").format(
                host=host, models=separator.join(names)
            )
        else:
            text = self.tr("{host} answers but does not list its models: type the model's name.")
            text = text.format(host=host)
        self._server_message(text)

    def use_server(self) -> bool:
        """Make the server in the tab the co-writer's model (it is asked at the next
        suggestion); an address that cannot be one says why and changes nothing."""
        from reelwright.models.remote import RemoteEngine

        server = self.server_choice()
        if not server.url:
            self._server_message(
                self.tr("Type the server's address first, e.g. http://localhost:8080."), True
            )
            return False
        try:
            RemoteEngine(server.url, server.model)  # checks the address; asks nothing
        except ReelwrightError as error:
            self._server_message(str(error), True)
            return False
        self.settings.set("model/server_url", server.url)
        self.settings.set("model/server_model", server.model)
        self.settings.set("model/server_key_env", server.key_env)
        keep_server_key(self.settings, server.key)
        self.settings.set("model/server", True)
        self.server_url.setText(server.url)
        self._server_message(
            self.tr("The co-writer uses {model} from the next suggestion.").format(
                model=phrase_text(server.label)
            )
        )
        self.refresh()
        return True

    # Downloads ----------------------------------------------------------------------------
    def download(self, model_id: str) -> None:
        if self.downloader.start(model_id):
            self.progress.setValue(0)
            self.progress_label.setText(self.tr("Asking the hub…"))
            self._fill_catalog()

    def _progress(self, model_id: str, progress: object) -> None:
        done, total = progress.done, progress.total  # type: ignore[attr-defined]
        if total > 0:
            self.progress.setValue(min(PROGRESS_STEPS, done * PROGRESS_STEPS // total))
        self.progress.setFormat(f"{model_id} %p%")
        self.progress_label.setText(
            progress_text(done, total, progress.speed, progress.eta_seconds)  # type: ignore[attr-defined]
        )

    def _download_finished(self, model_id: str, path: str) -> None:
        self.progress.setValue(PROGRESS_STEPS)
        self.progress_label.setText(
            self.tr("{model} is installed and checked.").format(model=model_id)
        )
        self.refresh()

    def _download_failed(self, model_id: str, message: str) -> None:
        self.progress_label.setText(f"<span style='color:#b03a2e'>{message}</span>")
        self._fill_catalog()

    def _download_cancelled(self, model_id: str, message: str) -> None:
        self.progress_label.setText(self.tr("Cancelled; Resume continues where it stopped."))
        self._fill_catalog()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
