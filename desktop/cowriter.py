"""The co-writer in the editor: the Write menu, toolbar, shortcuts, context-menu entries,
the suggestions panel, the model manager and the status-bar readouts, wired to one model
thread.

``install_cowriter(window)`` adds all of it through the main window's extension points
(``menu``, ``add_dock``, ``add_toolbar_action``, ``add_status_widget``,
``editor.context_menu_providers``) and nothing else of the window. The model loads on the
first suggestion, on its own thread, so start-up stays light and the window never waits
for it. Quitting (closing the window, or the application quitting) cancels a running
suggestion or download and waits for both threads.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMenu, QWidget

from reelwright.desktop.model_manager import Downloader, ModelManagerDialog, configured_spec
from reelwright.desktop.model_worker import JobDone, LoadedModel, ModelChoice, ModelHost
from reelwright.desktop.sampler_popover import SamplerPopover, alternatives, sampler_changes
from reelwright.desktop.suggestions_panel import TITLES, SuggestionsPanel
from reelwright.desktop.themes import theme_named

if TYPE_CHECKING:
    from reelwright.desktop.main_window import MainWindow

log = logging.getLogger(__name__)

SHORTCUTS = {
    "next-scene": "Ctrl+Alt+N",
    "continue-dialogue": "Ctrl+Alt+D",
    "between-scenes": "Ctrl+Alt+B",
    "shots": "Ctrl+Alt+H",
    "trailer": "Ctrl+Alt+T",
    "logline": "Ctrl+Alt+L",
    "character": "Ctrl+Alt+C",
    "marketing": "Ctrl+Alt+M",
}
TOOLBAR_LABELS = {
    "next-scene": "Next Scene",
    "continue-dialogue": "Dialogue",
    "between-scenes": "Between",
    "shots": "Shots",
    "trailer": "Trailer",
    "logline": "Logline",
    "character": "Character",
    "marketing": "Marketing",
}
TIPS = {
    "next-scene": "Write the scene that follows the one at the cursor",
    "continue-dialogue": "Continue the dialogue at the cursor in the speakers' voices",
    "between-scenes": "Write a scene between the one at the cursor and the next",
    "shots": "Shot directions for the scene at the cursor, to accept one by one",
    "trailer": "Timed trailer beats for a 30, 60 or 90-second promo",
    "logline": "A logline and a one-page synopsis",
    "character": "A profile of the character at the cursor",
    "marketing": "A tagline, a blurb and social posts",
}
MODEL_KEYS = ("model/path", "model/id", "model/n_ctx", "model/n_gpu_layers", "model/threads")
DOCK_WIDTH = 500


def model_label(spec: str) -> str:
    """A readable name for a model spec, without loading anything."""
    if spec == "default":
        return "SmolLM2 135M (embedded)"
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
        self.actions: dict[str, QAction] = {}
        self.last_request: tuple[str, int | None] | None = None
        self.last_done: JobDone | None = None
        self._closing = False
        self._shut = False
        self._dock_opened = False
        self._popover: SamplerPopover | None = None
        self.manager: ModelManagerDialog | None = None

        self.model_status = QLabel("", window)
        self.model_status.setObjectName("modelStatus")
        self.backend_status = QLabel("", window)
        self.backend_status.setObjectName("backendStatus")
        self.speed_status = QLabel("", window)
        self.speed_status.setObjectName("speedStatus")

        self._build_actions()
        self.dock_toggle = window.add_dock(self.panel, Qt.DockWidgetArea.RightDockWidgetArea, False)
        for label in (self.model_status, self.backend_status, self.speed_status):
            window.add_status_widget(label)
        self.editor.context_menu_providers.append(self._context_menu)
        self.editor.selectionChanged.connect(
            lambda: self.panel.set_selection_available(self.editor.textCursor().hasSelection())
        )

        self.host.loading.connect(self._loading)
        self.host.loaded.connect(self._loaded)
        self.host.load_failed.connect(self._load_failed)
        self.host.produced.connect(self._event)
        self.host.done.connect(self._done)
        self.panel.stop_requested.connect(self.stop)
        self.panel.regenerate_requested.connect(self.regenerate)
        self.panel.sampler_requested.connect(self.show_sampler)
        self.panel.insert_requested.connect(self.insert)
        self.panel.title_notes_requested.connect(self.add_title_notes)
        self.panel.export_promo_requested.connect(self.export_promo_dialog)
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
        for name, title in TITLES.items():
            action = QAction(title, self.window)
            action.setObjectName(f"write-{name}")
            action.setShortcut(QKeySequence(SHORTCUTS[name]))
            action.setToolTip(f"{TIPS[name]} ({SHORTCUTS[name]})")
            action.setStatusTip(TIPS[name])
            action.setIconText(TOOLBAR_LABELS[name])
            action.triggered.connect(lambda _c=False, a=name: self.start(a))
            menu.addAction(action)
            self.window.add_toolbar_action(action)
            self.actions[name] = action
        menu.addSeparator()
        for text, slot, key in (
            ("&Stop Writing", self.stop, "Ctrl+Alt+."),
            ("&Regenerate", self.regenerate, "Ctrl+Alt+R"),
            ("&Accept Suggestion", lambda: self.panel.accept(), "Ctrl+Alt+Return"),
        ):
            action = menu.addAction(text)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _c=False, s=slot: s())
        menu.addSeparator()
        sampling = menu.addAction("Sampling Settings…")
        sampling.triggered.connect(lambda: self.show_sampler(self.panel.sampler_button))
        models = menu.addAction("&Models…")
        models.setObjectName("write-models")
        models.setShortcut(QKeySequence("Ctrl+Alt+K"))
        models.triggered.connect(self.show_model_manager)
        self.models_action = models

    def _context_menu(self, menu: QMenu, cursor: QTextCursor) -> None:
        """Entries acting on the scene under the mouse, or on the selection."""
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
        sub = QMenu("Co-writer", menu)
        sub.setObjectName("cowriterContextMenu")
        labels = {
            "continue-dialogue": "Continue This Dialogue",
            "next-scene": "Write the Next Scene",
            "between-scenes": "Write a Scene between This and the Next",
            "shots": "Shot Directions for This Scene",
        }
        for name, label in labels.items():
            action = sub.addAction(label)
            action.setObjectName(f"context-{name}")
            action.triggered.connect(partial(self._from_context, name, line, target, inside, ""))
        who = self._character_at(line, selection.selectedText().strip() if inside else "")
        if who:
            action = sub.addAction(f"Profile {who}")
            action.setObjectName("context-character")
            action.triggered.connect(
                partial(self._from_context, "character", line, target, inside, who)
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
            self.editor.setTextCursor(cursor)  # insertion lands in the scene clicked on
        if who:
            self.panel.set_characters(self.characters(), who)
        self.start(action, line, keep_character=bool(who))

    # Requests --------------------------------------------------------------------------------
    def choice(self) -> ModelChoice:
        return ModelChoice(configured_spec(self.settings), self.settings.engine_settings())

    def start(self, action: str, line: int | None = None, keep_character: bool = False) -> int:
        """Run ``action`` on a snapshot of the script; returns the request id."""
        editor = self.editor
        if line is None:
            cursor = editor.textCursor()
            line = editor.document().findBlock(cursor.selectionStart()).blockNumber()
        if action == "character" and not keep_character:
            self.panel.set_characters(self.characters(), self._character_at(line, ""))
        self.host.use_model(self.choice())
        options = self.panel.options(action)
        count = alternatives(self.settings, action)
        request_id = self.host.run(
            action,
            editor.script_text(),
            cursor_line=line,
            options=options,
            sampler_changes=sampler_changes(self.settings, action),
            n=count,
        )
        self.last_request = (action, line)
        self._widen_dock()
        self.panel.script_title = self._title()
        self.panel.set_selection_available(editor.textCursor().hasSelection())
        self.panel.begin(request_id, action, count, options)
        if self.host.model is None and self.host.failure is None:
            self.panel.set_status(f"Loading {model_label(self.choice().spec)}…")
        return request_id

    def regenerate(self) -> None:
        if self.last_request is not None:
            action, line = self.last_request
            self.start(action, line, keep_character=action == "character")

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

    # Events from the model thread ---------------------------------------------------------
    def _event(self, request_id: int, event: object) -> None:
        from reelwright.models.actions import PromptReady, Retry, Suggestion, SuggestionChunk

        if request_id != self.panel.request_id:
            return
        if isinstance(event, SuggestionChunk):
            self.panel.add_chunk(event.index, event.attempt, event.text)
        elif isinstance(event, PromptReady):
            self.panel.prompt_ready(event.prompt_tokens, event.trimmed)
        elif isinstance(event, Retry):
            self.panel.retry(event.index, event.attempt, event.reason)
        elif isinstance(event, Suggestion):
            self.panel.finish_take(event)

    def _done(self, done: JobDone) -> None:
        if done.request_id != self.panel.request_id:
            return
        if done.reason == "error" and self.host.failure is not None:
            done = JobDone(done.request_id, "error", self._load_problem(self.host.failure))
        self.panel.end(done)
        self.last_done = done
        if done.reason == "done" and done.tokens_per_second:
            self.speed_status.setText(f"{done.tokens_per_second:.1f} tokens/s")
            self.speed_status.setToolTip(
                f"{done.completion_tokens} tokens in {done.generating_seconds:.2f} s of writing"
            )
        self.job_finished.emit(done)

    def _loading(self, choice: ModelChoice) -> None:
        self.model_status.setText(f"Loading {model_label(choice.spec)}…")
        self.backend_status.setText("")

    def _loaded(self, model: LoadedModel) -> None:
        self.model_status.setText(model_label(model.choice.spec))
        self.model_status.setToolTip(
            f"{model.path}\n{model.facts.architecture}, context {model.facts.n_ctx:,} tokens, "
            f"loaded in {model.seconds:.1f} s"
        )
        layers = f", {model.facts.n_gpu_layers} GPU layers" if model.facts.n_gpu_layers else ""
        self.backend_status.setText(model.facts.backend + layers)
        if self.panel.streaming:
            self.panel.set_status("Reading the script…")

    def _load_problem(self, message: str) -> str:
        return (
            f"The model cannot be used: {message}. Open Write ▸ Models… to fix it or choose "
            "another model; your script is untouched and the editor keeps working."
        )

    def _load_failed(self, choice: ModelChoice, message: str) -> None:
        self.model_status.setText(f"{model_label(choice.spec)}: not usable")
        self.model_status.setToolTip(message)
        self.backend_status.setText("")
        self.panel.show_problem(self._load_problem(message))

    def _show_configured_model(self) -> None:
        spec = configured_spec(self.settings)
        self.model_status.setText(model_label(spec))
        self.model_status.setToolTip("Loads with the first suggestion")
        self.backend_status.setText("")

    def _setting_changed(self, key: str) -> None:
        if key in MODEL_KEYS and not self.host.busy:
            if self.host.model is None or self.host.model.choice != self.choice():
                self._show_configured_model()
        elif key == "editor/theme":
            self.panel.set_theme(theme_named(self.settings.get(key)))

    # Accepting -------------------------------------------------------------------------------
    def insert(self, text: str, where: str) -> int:
        """Insert accepted text into the script as ONE undo step."""
        if where == "replace_selection" and not self.editor.textCursor().hasSelection():
            where = "cursor"
        if where == "cursor":
            text = self._padded_for_cursor(text)
        position = self.editor.insert_suggestion(text, where)
        self.editor.setFocus()
        return position

    def _padded_for_cursor(self, text: str) -> str:
        """Blank lines around ``text`` so that it stays its own Fountain paragraphs."""
        cursor = self.editor.textCursor()
        block = cursor.block()
        before = block.text()[: cursor.positionInBlock()]
        after = block.text()[cursor.positionInBlock() :]
        body = text.strip("\n")
        if before.strip():
            body = "\n\n" + body
        elif block.previous().isValid() and block.previous().text().strip():
            body = "\n" + body
        following = block.next()
        if after.strip():
            body += "\n\n"
        elif following.isValid() and following.text().strip():
            body += "\n"
        return body

    def add_title_notes(self, text: str) -> None:
        from reelwright.desktop.title_page import read_title_page, replace_title_page

        fields = read_title_page(self.editor.script_text())
        key = next((k for k in fields if k.casefold() == "notes"), "Notes")
        old = fields.get(key, "").strip()
        fields[key] = f"{old}\n{text}" if old else text
        replace_title_page(self.editor, fields)

    def export_promo_dialog(self, promo: object) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, "Export Promo Script", str(Path.home() / "trailer.pdf"), "PDF (*.pdf)"
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
            self.panel.set_status(f"The promo script was not written: {error}")
            return False
        self.panel.set_status(f"Promo script written to {path}")
        return True

    # Dialogs ---------------------------------------------------------------------------------
    def show_sampler(self, anchor: QWidget) -> None:
        action = self.panel.action or (self.last_request[0] if self.last_request else "next-scene")
        n_ctx = self.host.model.facts.n_ctx if self.host.model else self.settings.get("model/n_ctx")
        if self._popover is not None:
            self._popover.close()
            self._popover.deleteLater()
        self._popover = SamplerPopover(
            self.settings, action, TITLES.get(action, action), n_ctx, self.window
        )
        self._popover.show_below(anchor)

    def show_model_manager(self) -> ModelManagerDialog:
        if self.manager is None:
            self.manager = ModelManagerDialog(self.settings, self.downloader, parent=self.window)
            self.manager.finished.connect(lambda _r: self._show_configured_model())
        line = ""
        if self.host.model is not None:
            facts = self.host.model.facts
            line = f"running on {facts.backend}, context {facts.n_ctx:,} tokens"
        elif self.host.failure:
            line = f"<span style='color:#b03a2e'>{self.host.failure}</span>"
        self.manager.status_line = line
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
        return " ".join(title.replace("*", "").replace("_", "").split()) or "Untitled"

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
    ready = [t for t in cowriter.panel.takes if t.suggestion is not None and t.suggestion.ok]
    return outcome[0].reason == "done" and bool(ready)


__all__ = ["CoWriter", "install_cowriter", "model_label", "suggest_and_wait"]
