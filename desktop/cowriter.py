"""The co-writer in the editor: the Write menu, toolbar, shortcuts, context-menu entries,
the suggestions panel, the model manager and the status-bar readouts, wired to one model
thread.

``install_cowriter(window)`` adds all of it through the main window's extension points
(``menu``, ``add_dock``, ``add_toolbar_action``, ``add_status_widget``,
``editor.context_menu_providers``) and nothing else of the window. Every writing action
comes from one registry (``models/action_registry.py``): the menu, the toolbar, the
context menu, the panel's own Write menu and the shortcuts are made from it. The model
loads on the first suggestion, on its own thread, so start-up stays light and the window
never waits for it; the model host is the one owner of the request, and its typed signals
carry only the current request's events. Where a suggestion goes is held when it is asked
for (``desktop/held_place.py``). Quitting (closing the window, or the application
quitting) cancels a running suggestion or download and waits for both threads.

Everything it shows is in the interface's language: the registry's English texts through
``take_view.action_text``, its own with ``self.tr``; menus are still asked for by their
English title (``window.menu("&Write")``) and the dock by its object name.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMenu, QToolButton, QWidget

from reelwright.desktop.held_place import HeldPlace, Insertion, insert_at
from reelwright.desktop.model_manager import (
    Downloader,
    ModelManagerDialog,
    configured_spec,
    reason_text,
    script_language,
)
from reelwright.desktop.model_worker import JobDone, LoadedModel, ModelChoice, ModelHost
from reelwright.desktop.sampler_popover import SamplerPopover, alternatives, sampler_changes
from reelwright.desktop.suggestions_panel import SuggestionsPanel
from reelwright.desktop.take_view import Run, action_text, context_entry, phrase_text
from reelwright.desktop.themes import theme_named
from reelwright.models.action_registry import ACTIONS, BY_NAME, COMMAND
from reelwright.models.remote import ServerModel

if TYPE_CHECKING:
    from reelwright.desktop.main_window import MainWindow
    from reelwright.models.recommend import Recommendation

log = logging.getLogger(__name__)

MODEL_KEYS = (
    "model/path",
    "model/id",
    "model/n_ctx",
    "model/n_gpu_layers",
    "model/threads",
    "model/server",
    "model/server_url",
    "model/server_model",
    "model/server_key_env",
    "model/server_key",
)
DOCK_WIDTH = 500
EMBEDDED = "default"


def model_label(spec: str | ServerModel, served: str = "") -> str:
    """A readable name for a model spec, without loading anything; a server's model as
    "tiny on 127.0.0.1:8080" (``served``: the name the server gave the one it serves)."""
    if isinstance(spec, ServerModel):
        if served and not spec.model:
            spec = dataclasses.replace(spec, model=served)
        return phrase_text(spec.label)
    if spec == EMBEDDED:
        return QCoreApplication.translate("CoWriter", "SmolLM2 135M (embedded)")
    from reelwright.models.catalog import find_entry

    entry = find_entry(spec)
    if entry is not None:
        return entry.name
    if spec.lower().endswith(".gguf") or "/" in spec:
        return Path(spec).name
    return spec


class CoWriter(QObject):
    """Owns the model thread, the download thread and the panel; see the module docstring."""

    job_finished = Signal(object)
    """JobDone, after the panel shows the end of a request."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("cowriter")
        self.window = window
        self.editor = window.editor
        self.settings = window.settings
        self.host = ModelHost(self)
        self.downloader = Downloader(self)
        self.panel = SuggestionsPanel(window.theme, window)
        self.panel.inserter = self.insert
        self.actions: dict[str, QAction] = {}
        self.commands: dict[str, QAction] = {}
        self.last_request: tuple[str, int | None] | None = None
        self.last_done: JobDone | None = None
        self.recommendation: Recommendation | None = None
        """The last model recommended (for the script's language, see ``_recommend``)."""
        self._recommendations: dict[str | None, Recommendation] = {}
        self._notice_id = ""
        self._demo_notice = False
        """The notice shows the demonstration model's note (hidden when another is chosen)."""
        self._closing = False
        self._shut = False
        self._dock_opened = False
        self._popover: SamplerPopover | None = None
        self.manager: ModelManagerDialog | None = None

        self.model_status = QToolButton(window)
        self.model_status.setObjectName("modelStatus")
        self.model_status.setAutoRaise(True)
        self.model_status.setCursor(Qt.CursorShape.PointingHandCursor)
        self.model_status.clicked.connect(self.show_model_manager)
        self.backend_status = QLabel("", window)
        self.backend_status.setObjectName("backendStatus")
        self.speed_status = QLabel("", window)
        self.speed_status.setObjectName("speedStatus")

        self._build_actions()
        self.dock_toggle = window.add_dock(self.panel, Qt.DockWidgetArea.RightDockWidgetArea, False)
        window.add_status_widget(self.model_status)
        window.add_status_widget(self.backend_status)
        window.add_status_widget(self.speed_status)
        self.editor.context_menu_providers.append(self._context_menu)
        self.editor.document().contentsChanged.connect(self.panel.refresh_states)

        host = self.host
        host.loading.connect(self._loading)
        host.loaded.connect(self._loaded)
        host.load_failed.connect(self._load_failed)
        host.prompt_ready.connect(self.panel.prompt_ready)
        host.chunk.connect(self.panel.add_chunk)
        host.retry.connect(self.panel.retry)
        host.suggestion.connect(self.panel.finish_take)
        host.done.connect(self._done)
        host.error.connect(self._done)
        panel = self.panel
        panel.action_requested.connect(lambda name: self.start(name))
        panel.stop_requested.connect(self.stop)
        panel.regenerate_requested.connect(self.regenerate)
        panel.sampler_requested.connect(self.show_sampler)
        panel.title_notes_requested.connect(self.add_title_notes)
        panel.export_promo_requested.connect(self.export_promo_dialog)
        panel.notice_download.connect(self.download_recommended)
        panel.notice_models.connect(self.show_model_manager)
        panel.notice_dismissed.connect(lambda: self.settings.set("cowriter/demo_notice_seen", True))
        self.downloader.finished.connect(self._downloaded)
        self.settings.changed.connect(self._setting_changed)
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        # Last resort, for a window deleted without being closed: stop the threads before
        # Qt destroys them (``destroyed`` comes before this object's children go).
        self.destroyed.connect(_stopper(self.host, self.downloader))
        self._show_configured_model()

    # Menu, toolbar, shortcuts, context menu ---------------------------------------------------
    def _build_actions(self) -> None:
        menu = self.window.menu("&Write")
        for spec in ACTIONS:
            action = QAction(action_text(spec.menu), self.window)
            action.setObjectName(f"write-{spec.name}")
            action.setShortcut(QKeySequence(spec.shortcut))
            tip = action_text(spec.tip)
            key = QKeySequence(spec.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({key})")
            action.setStatusTip(tip)
            action.setIconText(action_text(spec.toolbar))
            action.triggered.connect(lambda _c=False, a=spec.name: self.start(a))
            menu.addAction(action)
            self.window.add_toolbar_action(action)
            self.actions[spec.name] = action
        menu.addSeparator()
        slots: dict[str, Callable[[], object]] = {
            "stop": self.stop,
            "regenerate": self.regenerate,
            "accept": lambda: self.panel.accept(),
            "sampling": lambda: self.show_sampler(self.panel.sampler_button),
            "models": self.show_model_manager,
        }
        for name, slot in slots.items():
            if name == "sampling":
                menu.addSeparator()
            command = COMMAND[name]
            action = menu.addAction(action_text(command.menu))
            action.setObjectName(f"write-{name}")
            action.setStatusTip(action_text(command.tip))
            if command.shortcut:
                action.setShortcut(QKeySequence(command.shortcut))
            action.triggered.connect(lambda _c=False, s=slot: s())
            self.commands[name] = action
        self.models_action = self.commands["models"]

    def _context_menu(self, menu: QMenu, cursor: QTextCursor) -> None:
        """Every writing action, on the scene under the mouse or on the selection."""
        editor = self.editor
        selection = editor.textCursor()
        inside = selection.hasSelection() and (
            selection.selectionStart() <= cursor.position() <= selection.selectionEnd()
        )
        line = (
            editor.document().findBlock(selection.selectionStart()).blockNumber()
            if inside
            else cursor.blockNumber()
        )
        target = QTextCursor(cursor)
        sub = QMenu(self.tr("Co-writer"), menu)
        sub.setObjectName("cowriterContextMenu")
        who = self._character_at(line, selection.selectedText().strip() if inside else "")
        for spec in ACTIONS:
            if spec.scope == "character" and not who:
                continue
            text = context_entry(spec, who).replace("&", "&&")
            action = sub.addAction(text)
            action.setObjectName(f"context-{spec.name}")
            action.setStatusTip(action_text(spec.tip))
            keep = who if spec.scope == "character" else ""
            action.triggered.connect(
                partial(self._from_context, spec.name, line, target, inside, keep)
            )
        first = menu.actions()[0] if menu.actions() else None
        if first is not None:
            menu.insertMenu(first, sub)
            menu.insertSeparator(first)
        else:
            menu.addMenu(sub)

    def _from_context(
        self,
        action: str,
        line: int,
        cursor: QTextCursor,
        keep_selection: bool,
        who: str = "",
        _checked: bool = False,
    ) -> None:
        if not keep_selection:
            self.editor.setTextCursor(cursor)  # the place is the scene clicked on
        if who:
            self.panel.set_characters(self.characters(), who)
        self.start(action, line, keep_character=bool(who))

    # Requests --------------------------------------------------------------------------------
    def choice(self) -> ModelChoice:
        return ModelChoice(configured_spec(self.settings), self.settings.engine_settings())

    def start(
        self,
        action: str,
        line: int | None = None,
        keep_character: bool = False,
        place: HeldPlace | None = None,
        earlier: Sequence[Any] = (),
    ) -> int:
        """Run ``action`` on a snapshot of the script, for the place held now (or
        ``place``); returns the request id. ``earlier``: the checked suggestions the writer
        already has for it (Regenerate), which the new takes must not repeat."""
        from reelwright.models.actions import EARLIER_TAKES  # the model layer, loaded late

        spec = BY_NAME[action]
        editor = self.editor
        if place is None:
            place = HeldPlace(editor)
        if line is None:
            line = place.line_now()
        if action == "character" and not keep_character:
            self.panel.set_characters(self.characters(), self._character_at(line, ""))
        self.host.use_model(self.choice())
        options = self.panel.options(action)
        count = alternatives(self.settings, action)
        self.speed_status.setText("")  # a figure from the last run would read as this one's
        self.speed_status.setToolTip("")
        request_id = self.host.run(
            action,
            editor.script_text(),
            cursor_line=line,
            options={**options, EARLIER_TAKES: [{"text": s.text, "data": s.data} for s in earlier]}
            if earlier
            else options,
            sampler_changes=sampler_changes(self.settings, action),
            n=count,
        )
        self.last_request = (action, line)
        self._widen_dock()
        self.panel.script_title = self._title()
        self.panel.begin(Run(spec, place, dict(options)), count)
        if self.host.model is None and self.host.failure is None:
            self.panel.set_status(self._loading_text(self.choice()))
        self._maybe_notice()
        return request_id

    def regenerate(self, run: Run | None = None) -> None:
        """Write the action of ``run`` (default: the take shown, else the last request)
        again, at the same held place: its takes join the others."""
        if run is None:
            take = self.panel.current_take()
            run = take.run if take is not None else self.panel.run
        if run is None:
            return
        place = run.place
        if place is not None and place.document is not self.editor.document():
            place = None  # another script: ask at the caret
        keep = run.action.name == "character"
        if keep and run.options.get("character"):
            self.panel.set_characters(self.characters(), str(run.options["character"]))
        earlier = [
            take.suggestion
            for take in self.panel.takes
            if take.action.name == run.action.name
            and take.suggestion is not None
            and take.suggestion.ok
        ]
        self.start(run.action.name, keep_character=keep, place=place, earlier=earlier)

    def stop(self) -> None:
        self.host.cancel()

    def _widen_dock(self) -> None:
        """Show the panel; the first time, make room for it beside the page if the screen
        has room (the page keeps its full width instead of scrolling sideways)."""
        first = not self._dock_opened
        self._dock_opened = True
        was_visible = self.panel.isVisible()
        editor = self.editor
        room = editor.width() - (0 if was_visible else DOCK_WIDTH)
        if not was_visible:
            self.panel.show()
        if self.panel.isFloating():
            return
        if first and not was_visible and not self.window.isMaximized():
            page = editor.lineWrapColumnOrWidth() + editor.verticalScrollBar().sizeHint().width()
            missing = page + 24 - room
            if missing > 0:
                wanted = self.window.width() + missing
                screen = self.window.screen()
                if screen is not None and QApplication.platformName() != "offscreen":
                    wanted = min(wanted, screen.availableGeometry().width())
                self.window.resize(max(self.window.width(), wanted), self.window.height())
        if first or self.panel.width() < DOCK_WIDTH // 2:
            self.window.resizeDocks([self.panel], [DOCK_WIDTH], Qt.Orientation.Horizontal)

    # The end of a request, and the model ------------------------------------------------------
    def _done(self, done: JobDone) -> None:
        if done.reason == "error" and self.host.failure is not None:
            done = JobDone(done.request_id, "error", self._load_problem(self.host.failure))
        self.panel.end(done)
        self.last_done = done
        if done.reason == "done" and done.tokens_per_second:
            speed = f"{done.tokens_per_second:.1f}"
            self.speed_status.setText(self.tr("{speed} tokens/s").format(speed=speed))
            self.speed_status.setToolTip(
                self.tr("{tokens} tokens in {seconds} s of writing").format(
                    tokens=done.completion_tokens, seconds=f"{done.generating_seconds:.2f}"
                )
            )
        self.job_finished.emit(done)

    def _loading_text(self, choice: ModelChoice) -> str:
        if isinstance(choice.spec, ServerModel):
            return self.tr("Connecting to {model}…").format(model=model_label(choice.spec))
        return self.tr("Loading {model}…").format(model=model_label(choice.spec))

    def _loading(self, choice: ModelChoice) -> None:
        self.model_status.setText(self._loading_text(choice))
        # The backend label keeps the last model's until the new one says where it runs.

    def _loaded(self, model: LoadedModel) -> None:
        facts = model.facts
        self.model_status.setText(model_label(model.choice.spec, facts.name))
        about = self.tr("{architecture}, context {tokens} tokens, loaded in {seconds} s").format(
            architecture=facts.architecture,
            tokens=f"{facts.n_ctx:,}",
            seconds=f"{model.seconds:.1f}",
        )
        again = self.tr("Click to choose another model")
        self.model_status.setToolTip(f"{model.path}\n{about}\n{again}")
        backend = facts.backend
        if facts.n_gpu_layers:
            backend = self.tr("{backend}, {layers} GPU layers").format(
                backend=backend, layers=facts.n_gpu_layers
            )
        self.backend_status.setText(backend)
        self.backend_status.setToolTip(self.tr("Where the model runs"))
        if self.panel.streaming:
            self.panel.set_status(self.tr("Reading the script…"))

    def _load_problem(self, message: str) -> str:
        text = self.tr(
            "The model cannot be used: {problem}. Open {write} ▸ {models} (or click the "
            "model's name in the status bar) to fix it or choose another model; your script "
            "is untouched and the editor keeps working."
        )
        return text.format(
            problem=message,
            write=_plain(self.window.menu("&Write").title()),
            models=_plain(self.models_action.text()),
        )

    def _load_failed(self, choice: ModelChoice, message: str) -> None:
        self.model_status.setText(
            self.tr("{model}: not usable").format(model=model_label(choice.spec))
        )
        again = self.tr("Click to choose another model")
        self.model_status.setToolTip(f"{message}\n{again}")
        self.panel.show_problem(self._load_problem(message))

    def _show_configured_model(self) -> None:
        spec = configured_spec(self.settings)
        self.model_status.setText(model_label(spec))
        self.model_status.setToolTip(
            self.tr("Loads with the first suggestion; click to choose a model")
        )

    def _setting_changed(self, key: str) -> None:
        if key in MODEL_KEYS and self._demo_notice and configured_spec(self.settings) != EMBEDDED:
            self._demo_notice = False  # another model chosen: the demonstration note is moot
            self.panel.notice.hide()
        if key in MODEL_KEYS and not self.host.busy:
            if self.host.model is None or self.host.model.choice != self.choice():
                self._show_configured_model()
        elif key == "editor/theme":
            self.panel.set_theme(theme_named(self.settings.get(key)))

    # The way to a real model -------------------------------------------------------------------
    def _maybe_notice(self) -> None:
        """The first time the embedded model writes: say what it is, and recommend one
        model for this machine with its download size, in one click."""
        if configured_spec(self.settings) != EMBEDDED:
            return
        if self.settings.get("cowriter/demo_notice_seen") or self.panel.notice.isVisible():
            return
        recommendation = self._recommend()
        intro = self.tr(
            "<b>SmolLM2 135M is a tiny demonstration model.</b> It shows what each button "
            "does, but it cannot write scenes you will keep."
        )
        both = self.tr("{first} {second}", "two sentences in a row")
        self._demo_notice = True
        if recommendation is None:
            more = self.tr("Choose a bigger model in Models… to get real help.")
            self.panel.show_notice(both.format(first=intro, second=more), "")
            return
        entry = recommendation.entry
        self._notice_id = entry.id
        advice = self.tr("For this computer: <b>{name}</b> ({size} download). {reason}.")
        advice = advice.format(
            name=_escape(entry.name),
            size=recommendation.size_text,
            reason=_escape(reason_text(recommendation)),
        )
        self.panel.show_notice(
            both.format(first=intro, second=advice),
            self.tr("Download {name} ({size})").format(
                name=entry.name, size=recommendation.size_text
            ),
        )

    def _recommend(self) -> Recommendation | None:
        """The model to recommend for this machine, one that writes the script's language
        (a Chinese script is not sent to a model that writes no Chinese)."""
        language = script_language(self.editor.script_text())
        found = self._recommendations.get(language)
        if found is None:
            try:
                from reelwright.models.recommend import recommend_for_machine

                if language:
                    found = recommend_for_machine(language=language)
                else:
                    found = recommend_for_machine()
            except Exception as error:  # reading the machine is a nicety, never a failure
                log.info("no model recommendation: %s", error)
                return None
            if found is None:
                return None
            self._recommendations[language] = found
        self.recommendation = found
        return found

    def download_recommended(self) -> None:
        """One click: the recommended model downloads, the manager shows its progress, and
        once it is checked the co-writer uses it."""
        manager = self.show_model_manager()
        if self._notice_id:
            manager.download(self._notice_id)
            self._demo_notice = False  # the notice follows the download now
            text = self.tr(
                "Downloading <b>{model}</b>; the co-writer switches to it when the download "
                "is complete and checked."
            )
            self.panel.show_notice(text.format(model=_escape(model_label(self._notice_id))))

    def _downloaded(self, model_id: str, path: str) -> None:
        if not model_id or model_id != self._notice_id:
            return
        self._notice_id = ""
        self.settings.set("model/server", False)
        self.settings.set("model/path", "")
        self.settings.set("model/id", model_id)
        self.settings.set("cowriter/demo_notice_seen", True)
        text = self.tr("<b>{model}</b> is installed and checked: your next suggestion uses it.")
        self.panel.show_notice(text.format(model=_escape(model_label(model_id))))

    # Accepting -------------------------------------------------------------------------------
    def insert(self, place: HeldPlace | None, text: str, where: str) -> Insertion | str:
        """Insert accepted text as ONE undo step at ``where`` of the held ``place`` (None:
        at the caret now); the Insertion, or one sentence saying why the place is gone."""
        if place is None:
            result: Insertion | str = insert_at(self.editor, self.editor.textCursor(), text, where)
        else:
            result = place.insert(text, where)
        if not isinstance(result, str):
            self.editor.setFocus()
        return result

    def add_title_notes(self, text: str) -> None:
        from reelwright.desktop.title_page import read_title_page, replace_title_page

        fields = read_title_page(self.editor.script_text())
        key = next((k for k in fields if k.casefold() == "notes"), "Notes")
        old = fields.get(key, "").strip()
        fields[key] = f"{old}\n{text}" if old else text
        replace_title_page(self.editor, fields)

    def export_promo_dialog(self, promo: object) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export Promo Script"),
            str(Path.home() / "trailer.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if name:
            self.export_promo(promo, name)

    def export_promo(self, promo: object, path: str | Path) -> bool:
        from reelwright.exporters.promo_pdf import PromoScript, write_promo_pdf
        from reelwright.screenplay.errors import ReelwrightError

        assert isinstance(promo, PromoScript)
        try:
            write_promo_pdf(promo, path)
        except ReelwrightError as error:
            self.panel.set_status(
                self.tr("The promo script was not written: {error}").format(error=error)
            )
            return False
        self.panel.set_status(self.tr("Promo script written to {path}").format(path=path))
        return True

    # Dialogs ---------------------------------------------------------------------------------
    def show_sampler(self, anchor: QWidget) -> None:
        action = self.panel.action or (self.last_request[0] if self.last_request else "next-scene")
        n_ctx = self.host.model.facts.n_ctx if self.host.model else self.settings.get("model/n_ctx")
        if self._popover is not None:
            self._popover.close()
            self._popover.deleteLater()
        self._popover = SamplerPopover(
            self.settings, action, action_text(BY_NAME[action].title), n_ctx, self.window
        )
        self._popover.show_below(anchor)

    def show_model_manager(self) -> ModelManagerDialog:
        if self.manager is None:
            self.manager = ModelManagerDialog(self.settings, self.downloader, parent=self.window)
            self.manager.finished.connect(lambda _r: self._show_configured_model())
        line = ""
        if self.host.model is not None:
            facts = self.host.model.facts
            line = self.tr("running on {backend}, context {tokens} tokens").format(
                backend=facts.backend, tokens=f"{facts.n_ctx:,}"
            )
        elif self.host.failure:
            line = f"<span style='color:#b03a2e'>{_escape(self.host.failure)}</span>"
        self.manager.status_line = line
        self.manager.language = script_language(self.editor.script_text())
        self.manager.refresh()
        self.manager.show()
        self.manager.raise_()
        return self.manager

    # Script facts ---------------------------------------------------------------------------
    def characters(self) -> list[str]:
        """Speaking characters, most lines first (from the last analysis, else parsed now)."""
        from reelwright.models.prompting import cue_name
        from reelwright.screenplay.elements import ElementType

        latest = self.window.analyzer.latest
        if latest is not None and not self.window.analyzer.pending():
            script = latest.script
        else:
            from reelwright.screenplay.parser import parse

            script = parse(self.editor.script_text())
        counts = Counter(
            cue_name(e.text) for e in script.elements if e.type is ElementType.CHARACTER
        )
        return [name for name, _ in counts.most_common() if name]

    def _character_at(self, line: int, selected: str) -> str:
        """The character named by the selection, or the last cue at or above ``line``."""
        names = self.characters()
        wanted = " ".join(selected.split()).upper()
        if wanted in names:
            return wanted
        block = self.editor.document().findBlockByNumber(line)
        from reelwright.models.prompting import cue_name

        steps = 0
        while block.isValid() and steps < 60:
            name = cue_name(block.text().strip()) if block.text().strip() else ""
            if name in names:
                return name
            block = block.previous()
            steps += 1
        return names[0] if names else ""

    def _title(self) -> str:
        from reelwright.desktop.title_page import read_title_page

        fields = read_title_page(self.editor.script_text())
        title = next((v for k, v in fields.items() if k.casefold() == "title"), "")
        return " ".join(title.replace("*", "").replace("_", "").split()) or self.tr("Untitled")

    # Shutdown ----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A close the window accepts is followed by a hide: then the threads stop."""
        if watched is self.window:
            if event.type() == QEvent.Type.Close:
                self._closing = True
                QTimer.singleShot(0, self._close_refused)
            elif event.type() == QEvent.Type.Hide and self._closing:
                self.shutdown()
        return False

    def _close_refused(self) -> None:
        self._closing = False

    def shutdown(self) -> None:
        """Cancel what runs and wait for both threads (well within a second mid-token)."""
        if self._shut:
            return
        self._shut = True
        self.panel._timer.stop()
        self.host.shutdown()
        self.downloader.shutdown()


def _plain(text: str) -> str:
    """A menu text as a sentence names it: no mnemonic (``写作(&W)``, ``&Models…``)."""
    from reelwright.desktop.keymap import plain_text

    return plain_text(text) + ("…" if text.endswith("…") else "")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _stopper(host: ModelHost, downloader: Downloader) -> Callable[..., None]:
    def stop(*_args: object) -> None:
        host.shutdown()
        downloader.shutdown()

    return stop


def install_cowriter(window: MainWindow) -> CoWriter:
    """Add the co-writer to ``window``; once per window (a second call returns the first)."""
    existing = window.findChild(CoWriter)
    if existing is not None:
        return existing
    return CoWriter(window)


def suggest_and_wait(window: MainWindow, action: str, timeout: float) -> bool:
    """Run ``action`` with the configured model and wait until it has finished streaming.

    The panel is left showing the suggestion (for ``reelwright open --suggest``). True when
    at least one take is ready to accept; False on a failure or after ``timeout`` seconds
    (the request is then stopped).
    """
    cowriter = install_cowriter(window)
    outcome: list[JobDone] = []
    loop = QEventLoop()

    def finished(done: object) -> None:
        assert isinstance(done, JobDone)
        outcome.append(done)
        loop.quit()

    cowriter.job_finished.connect(finished)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(max(1, int(timeout * 1000)))
    try:
        cowriter.start(action)
        if not outcome:
            loop.exec()
    finally:
        timer.stop()
        cowriter.job_finished.disconnect(finished)
    if not outcome:
        cowriter.stop()
        return False
    cowriter.panel.flush()
    settle = QEventLoop()  # let the last repaint and the status bar's layout happen
    QTimer.singleShot(100, settle.quit)
    settle.exec()
    run = cowriter.panel.run
    ready = [t for t in (run.takes if run is not None else []) if t.state == "ready"]
    return outcome[0].reason == "done" and bool(ready)


__all__ = ["CoWriter", "install_cowriter", "model_label", "suggest_and_wait"]
