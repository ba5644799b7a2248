"""The review panel: suggestions stream in here, and only an accepted one reaches the script.

Each take has a tab, numbered per action ("Next Scene 3"); Regenerate adds takes beside
the old ones, and a take is only ever lost when the writer closes its tab. While the model
writes, a take's text arrives in pieces; the pieces are kept and painted at most every
``REPAINT_MS`` (a 50 ms single-shot timer), so a fast model never floods the GUI thread.
Structured actions (shots, trailer, logline, profile, copy) stream JSON, shown as readable
lines while it grows; once the checked
:class:`~reelwright.models.suggestions.Suggestion` arrives, the take shows its final form:
editable Fountain, a shot list whose lines are accepted one by one, or the trailer's timed
table. Stop keeps what was written as a "stopped" take, to edit and accept.

The panel never touches the editor: Accept hands the text, the place and the take's held
place (see ``desktop/held_place.py``) to ``inserter``, which the co-writer sets; if the
place is gone, the take says so and offers the caret instead.

Every text the panel writes is in the interface's language (``self.tr``, or
``QT_TRANSLATE_NOOP`` in the tables below, translated when shown), and so is what the model
layer says about a take (its problems and notes, a retry's reason, the prompt's trimmed
parts, a refused request: phrases shown through ``take_view.phrase_text``); the suggestion
itself, what the model wrote, never is.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reelwright.desktop.editor import ScriptEditor
from reelwright.desktop.i18n import QT_TRANSLATE_NOOP
from reelwright.desktop.model_worker import JobDone
from reelwright.desktop.take_text import (
    notes_from_text,
    readable_partial_json,
    retime_trailer,
    shot_rows,
    split_logline_text,
    synopsis_lines,
)
from reelwright.desktop.take_view import Run, Take, TakeView, action_text, phrase_text
from reelwright.desktop.themes import LIGHT, Theme
from reelwright.exporters.promo_pdf import TARGETS, PromoScript, beats_from_data
from reelwright.models.action_registry import ACTIONS, BY_NAME, PLACES
from reelwright.models.phrases import clauses
from reelwright.models.suggestions import logline_line

REPAINT_MS = 50
PLACE_LABELS = {
    "cursor": QT_TRANSLATE_NOOP("SuggestionsPanel", "Insert at Cursor"),
    "after_paragraph": QT_TRANSLATE_NOOP("SuggestionsPanel", "Insert after This Paragraph"),
    "end_of_scene": QT_TRANSLATE_NOOP("SuggestionsPanel", "Insert after This Scene"),
    "replace_selection": QT_TRANSLATE_NOOP("SuggestionsPanel", "Replace Selection"),
}
"""The Accept menu's entry for each place."""
SHOT_PLACE_LABELS = {
    "cursor": QT_TRANSLATE_NOOP("SuggestionsPanel", "Insert All Shots at Cursor"),
    "after_paragraph": QT_TRANSLATE_NOOP(
        "SuggestionsPanel", "Insert All Shots after This Paragraph"
    ),
    "end_of_scene": QT_TRANSLATE_NOOP("SuggestionsPanel", "Insert All Shots after This Scene"),
    "replace_selection": QT_TRANSLATE_NOOP("SuggestionsPanel", "Replace Selection"),
}
"""The same for a shot list, accepted whole."""
INSERTED = {
    "cursor": QT_TRANSLATE_NOOP(
        "SuggestionsPanel", "Inserted at the cursor; Undo takes it out again."
    ),
    "after_paragraph": QT_TRANSLATE_NOOP(
        "SuggestionsPanel", "Inserted after the paragraph; Undo takes it out again."
    ),
    "end_of_scene": QT_TRANSLATE_NOOP(
        "SuggestionsPanel", "Inserted after {scene}; Undo takes it out again."
    ),
    "replace_selection": QT_TRANSLATE_NOOP(
        "SuggestionsPanel", "Inserted over the selection; Undo takes it out again."
    ),
}
"""What the take says once it is inserted at each place (``{scene}``: the held scene)."""
TAKE_INSERTED = {
    "cursor": QT_TRANSLATE_NOOP(
        "SuggestionsPanel", "{take} inserted at the cursor; Undo takes it out again."
    ),
    "after_paragraph": QT_TRANSLATE_NOOP(
        "SuggestionsPanel", "{take} inserted after the paragraph; Undo takes it out again."
    ),
    "end_of_scene": QT_TRANSLATE_NOOP(
        "SuggestionsPanel", "{take} inserted after {scene}; Undo takes it out again."
    ),
    "replace_selection": QT_TRANSLATE_NOOP(
        "SuggestionsPanel", "{take} inserted over the selection; Undo takes it out again."
    ),
}
"""What the panel's status line says then (``{take}``: the take's name)."""
TAKE_STATES = {
    "writing": QT_TRANSLATE_NOOP("SuggestionsPanel", "being written"),
    "ready": QT_TRANSLATE_NOOP("SuggestionsPanel", "ready to accept"),
    "failed": QT_TRANSLATE_NOOP("SuggestionsPanel", "not usable"),
    "stopped": QT_TRANSLATE_NOOP("SuggestionsPanel", "stopped; kept to edit and accept"),
}
"""A take's state as its tab's tooltip says it."""
EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "SuggestionsPanel",
    "Choose a writing action from the Write menu, the toolbar, the script's context menu "
    "or Write ▾ above.\n\n"
    "Suggestions appear here as the model writes them. Nothing enters your script until "
    "you accept it, it goes where you asked for it, and one Undo takes it out again.",
)
Inserter = Callable[[Any, str, str], Any]
"""(held place or None for the caret now, Fountain text, where) -> Insertion or why not."""


class SuggestionsPanel(QDockWidget):
    """See the module docstring. The co-writer drives it through ``begin`` ... ``end``."""

    action_requested = Signal(str)
    """A writing action chosen from the panel's own Write ▾ menu."""
    stop_requested = Signal()
    regenerate_requested = Signal(object)
    """The Run of the take shown: write it again."""
    sampler_requested = Signal(QWidget)
    title_notes_requested = Signal(str)
    export_promo_requested = Signal(object)
    """A PromoScript to write as a PDF."""
    options_changed = Signal()
    notice_download = Signal()
    notice_models = Signal()
    notice_dismissed = Signal()

    def __init__(self, theme: Theme = LIGHT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Co-writer"))
        # The layout is saved and restored by this name, never by the (translated) title.
        self.setObjectName("cowriterDock")
        self.theme = theme
        self.takes: list[Take] = []
        self.views: list[TakeView] = []
        self.run: Run | None = None
        """The latest request (streaming while ``streaming``)."""
        self.streaming = False
        self.script_title = self.tr("Untitled")
        self.inserter: Inserter | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REPAINT_MS)
        self._timer.timeout.connect(self.flush)
        self.repaints = 0
        """Flushes painted so far (the tests check that chunks were batched)."""

        body = QWidget(self)
        body.setObjectName("cowriterBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 8, 12, 10)
        column.setSpacing(8)
        head = QHBoxLayout()
        self.title = QLabel(self.tr("Co-writer"), body)
        self.title.setObjectName("cowriterTitle")
        big = self.title.font()
        big.setPointSizeF(big.pointSizeF() * 1.25)
        big.setBold(True)
        self.title.setFont(big)
        head.addWidget(self.title)
        head.addStretch(1)
        self.write_button = QToolButton(body)
        self.write_button.setObjectName("panelWriteButton")
        self.write_button.setText(self.tr("Write"))
        self.write_button.setToolTip(self.tr("Ask for another kind of suggestion"))
        self.write_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.write_menu = QMenu(self.write_button)
        self.write_menu.setObjectName("panelWriteMenu")
        for action in ACTIONS:
            entry = self.write_menu.addAction(action_text(action.title).replace("&", "&&"))
            entry.setObjectName(f"panel-{action.name}")
            entry.setToolTip(action_text(action.tip))
            entry.triggered.connect(lambda _c=False, n=action.name: self.action_requested.emit(n))
        self.write_button.setMenu(self.write_menu)
        head.addWidget(self.write_button)
        self.sampler_button = QToolButton(body)
        self.sampler_button.setObjectName("samplerButton")
        self.sampler_button.setText(self.tr("Sampling…"))
        self.sampler_button.setToolTip(
            self.tr("Temperature, length, seed, alternatives for this action")
        )
        self.sampler_button.clicked.connect(
            lambda: self.sampler_requested.emit(self.sampler_button)
        )
        self.sampler_button.setEnabled(False)
        head.addWidget(self.sampler_button)
        column.addLayout(head)
        self.status = QLabel("", body)
        self.status.setObjectName("cowriterStatus")
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        self._build_notice(body, column)
        self._build_options(body, column)

        self.pages = QStackedWidget(body)
        self.empty = QLabel(self.tr(EMPTY_TEXT), body)
        self.empty.setObjectName("cowriterEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.tabs = QTabWidget(body)
        self.tabs.setObjectName("takeTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.tabCloseRequested.connect(self.close_take)
        self.tabs.currentChanged.connect(lambda _i: self._take_shown())
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.tabs)
        column.addWidget(self.pages, 1)

        buttons = QHBoxLayout()
        self.stop_button = QPushButton(self.tr("Stop"), body)
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setToolTip(self.tr("Stop writing; what was written stays as a take"))
        self.stop_button.clicked.connect(self.stop_requested)
        self.regenerate_button = QPushButton(self.tr("Regenerate"), body)
        self.regenerate_button.setObjectName("regenerateButton")
        self.regenerate_button.setToolTip(self.tr("Write another take of the one shown, beside it"))
        self.regenerate_button.clicked.connect(self._regenerate)
        self.accept_button = QToolButton(body)
        self.accept_button.setObjectName("acceptButton")
        self.accept_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.accept_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.accept_menu = QMenu(self.accept_button)
        self.accept_button.setMenu(self.accept_menu)
        self.export_button = QPushButton(self.tr("Export PDF…"), body)
        self.export_button.setObjectName("exportPromoButton")
        self.export_button.setToolTip(self.tr("The trailer as a two-column promo script"))
        self.export_button.clicked.connect(self._export)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.regenerate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.accept_button)
        column.addLayout(buttons)
        self.setWidget(body)
        self.set_theme(theme)
        self._show_options("")
        self._update_buttons()

    def _build_notice(self, body: QWidget, column: QVBoxLayout) -> None:
        self.notice = QFrame(body)
        self.notice.setObjectName("demoNotice")
        box = QVBoxLayout(self.notice)
        box.setContentsMargins(10, 8, 10, 8)
        self.notice_text = QLabel("", self.notice)
        self.notice_text.setObjectName("demoNoticeText")
        self.notice_text.setWordWrap(True)
        self.notice_text.setTextFormat(Qt.TextFormat.RichText)
        box.addWidget(self.notice_text)
        row = QHBoxLayout()
        self.notice_download_button = QPushButton("", self.notice)
        self.notice_download_button.setObjectName("demoNoticeDownload")
        self.notice_download_button.clicked.connect(self.notice_download)
        models = QPushButton(self.tr("Models…"), self.notice)
        models.setObjectName("demoNoticeModels")
        models.clicked.connect(self.notice_models)
        later = QPushButton(self.tr("Not Now"), self.notice)
        later.setObjectName("demoNoticeLater")
        later.clicked.connect(self._dismiss_notice)
        row.addWidget(self.notice_download_button)
        row.addWidget(models)
        row.addStretch(1)
        row.addWidget(later)
        box.addLayout(row)
        column.addWidget(self.notice)
        self.notice.hide()

    def _build_options(self, body: QWidget, column: QVBoxLayout) -> None:
        self.options_box = QWidget(body)
        form = QFormLayout(self.options_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(4)
        self.length = QComboBox(self.options_box)
        for seconds in TARGETS:
            self.length.addItem(self.tr("{seconds} seconds").format(seconds=seconds), seconds)
        self.length.setCurrentIndex(1)
        self.genre = QLineEdit(self.options_box)
        self.genre.setPlaceholderText(self.tr("drama"))
        self.audience = QLineEdit(self.options_box)
        self.audience.setPlaceholderText(self.tr("a general audience"))
        self.points = QLineEdit(self.options_box)
        self.points.setPlaceholderText(self.tr("selling points, separated by ;"))
        self.character = QComboBox(self.options_box)
        self.new_character = QLineEdit(self.options_box)
        self.new_character.setPlaceholderText(self.tr("optional: a new character may speak"))
        self._rows: dict[str, list[QWidget]] = {}
        for name, label, widget in (
            ("length", self.tr("Length"), self.length),
            ("genre", self.tr("Genre"), self.genre),
            ("audience", self.tr("Audience"), self.audience),
            ("points", self.tr("Selling"), self.points),
            ("character", self.tr("Character"), self.character),
            ("new_character", self.tr("New character"), self.new_character),
        ):
            form.addRow(label, widget)
            self._rows[name] = [form.labelForField(widget), widget]
        self.length.currentIndexChanged.connect(self._length_changed)
        column.addWidget(self.options_box)

    # Appearance ------------------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.widget().setStyleSheet(
            f"""
#cowriterStatus, #cowriterEmpty {{ color: {theme.chrome_dim}; }}
#takeMessage {{ color: {theme.chrome_dim}; }}
#takeMessage[problem="true"] {{ color: #b03a2e; }}
#demoNotice {{ background: {theme.chrome}; border: 1px solid {theme.accent};
               border-radius: 4px; }}
#runningTime {{ padding: 2px 0; }}
#takeText {{ background: {theme.paper}; color: {theme.text};
             border: 1px solid {theme.page_rule}; border-radius: 4px; }}
#takeTable {{ background: {theme.paper}; alternate-background-color: {theme.chrome};
              color: {theme.text}; border: 1px solid {theme.page_rule};
              gridline-color: {theme.page_rule}; }}
#takeTable::item {{ padding: 4px 6px; }}
#takeTable QHeaderView::section {{ background: {theme.chrome}; color: {theme.chrome_dim};
              border: none; border-bottom: 1px solid {theme.page_rule}; padding: 4px 6px; }}
#acceptButton {{ background: {theme.accent}; color: white; border-radius: 4px;
                 padding: 5px 12px; font-weight: bold; }}
#acceptButton:disabled {{ background: {theme.page_rule}; color: {theme.chrome_dim}; }}
"""
        )
        for view in self.views:
            if isinstance(view.text, ScriptEditor):
                view.text.set_theme(theme)

    def _show_options(self, action: str) -> None:
        wanted = BY_NAME[action].options if action in BY_NAME else ()
        for name, widgets in self._rows.items():
            for widget in widgets:
                widget.setVisible(name in wanted)
        self.options_box.setVisible(bool(wanted))

    def set_characters(self, names: list[str], preferred: str | None = None) -> None:
        current = preferred or self.character.currentText()
        self.character.blockSignals(True)
        self.character.clear()
        self.character.addItems(names)
        if current in names:
            self.character.setCurrentText(current)
        self.character.blockSignals(False)

    def options(self, action: str) -> dict[str, Any]:
        """What the action takes besides the script, from the option fields."""
        if action == "trailer":
            points = [p.strip() for p in self.points.text().split(";") if p.strip()]
            return {
                "length": int(self.length.currentData()),
                "genre": self.genre.text().strip() or None,
                "audience": self.audience.text().strip() or None,
                "selling_points": points,
            }
        if action == "marketing":
            return {
                "genre": self.genre.text().strip() or None,
                "audience": self.audience.text().strip() or None,
            }
        if action == "character":
            return {"character": self.character.currentText()}
        if action in ("next-scene", "between-scenes") and self.new_character.text().strip():
            return {"new_character": self.new_character.text().strip()}
        return {}

    # The first-use notice ----------------------------------------------------------------------
    def show_notice(self, html: str, download: str = "") -> None:
        """A notice above the takes (the embedded model is a demonstration) with a download
        button labelled ``download`` (none when empty)."""
        self.notice_text.setText(html)
        self.notice_download_button.setText(download)
        self.notice_download_button.setVisible(bool(download))
        self.notice.show()

    def _dismiss_notice(self) -> None:
        self.notice.hide()
        self.notice_dismissed.emit()

    # A request, from start to end ---------------------------------------------------------------
    @property
    def action(self) -> str:
        """The action of the take shown (or of the latest request)."""
        take = self.current_take()
        if take is not None:
            return take.action.name
        return self.run.action.name if self.run is not None else ""

    def begin(self, run: Run, n: int) -> None:
        """A new request: its ``n`` takes join the tabs, after those already there."""
        self.flush()
        self._timer.stop()
        self._stop_writing_takes(self.tr("replaced by a new request"))
        self.run = run
        self.streaming = True
        numbers = [t.number for t in self.takes if t.action.name == run.action.name]
        first = max(numbers, default=0) + 1
        for index in range(max(1, n)):
            take = Take(run, index, first + index)
            run.takes.append(take)
            view = TakeView(run.action.take, self.theme, self.tabs)
            view.at_caret.clicked.connect(lambda _c=False, t=take: self.accept_at_caret(t))
            self.takes.append(take)
            self.views.append(view)
            self.tabs.addTab(view, take.tab_text())
            self._tab_tip(take)
        self.pages.setCurrentWidget(self.tabs)
        self.tabs.setCurrentIndex(self.takes.index(run.takes[0]))
        self.sampler_button.setEnabled(True)
        self.set_status(self.tr("Reading the script…"))
        self._take_shown()
        self.show()
        self.raise_()

    def _stop_writing_takes(self, why: str) -> None:
        for take in self.takes:
            if take.state == "writing":
                self._mark_stopped(take, why)

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def show_problem(self, message: str) -> None:
        """A request that could not run (no model, a bad file): say what and how to fix it."""
        self.flush()
        self.streaming = False
        self._timer.stop()
        if self.run is not None:
            for take in self.run.takes:
                if take.state == "writing":
                    take.state = "failed"
                    self._view(take).say(self.tr("Not written: the request could not run."), True)
                    self._refresh_tab(take)
        shown = _html(phrase_text(message))
        self.status.setText(f"<span style='color:#b03a2e'>{shown}</span>")
        self.pages.setCurrentWidget(self.tabs if self.takes else self.empty)
        self._update_buttons()
        self.show()

    def prompt_ready(self, event: Any) -> None:
        tokens = f"{event.prompt_tokens:,}"
        trimmed = tuple(event.trimmed)
        if trimmed:
            text = self.tr("Writing… (the prompt holds {tokens} tokens; left out to fit: {parts})")
            parts = self._listed([phrase_text(part) for part in trimmed])
            self.set_status(text.format(tokens=tokens, parts=parts))
        else:
            self.set_status(
                self.tr("Writing… (the prompt holds {tokens} tokens)").format(tokens=tokens)
            )

    def _streaming_take(self, index: int) -> Take | None:
        if not self.streaming or self.run is None or not 0 <= index < len(self.run.takes):
            return None
        take = self.run.takes[index]
        return take if take in self.takes else None  # its tab may have been closed

    def add_chunk(self, event: Any) -> None:
        take = self._streaming_take(event.index)
        if take is None or event.attempt != take.attempt:
            return
        take.pending.append(event.text)
        if not self._timer.isActive():
            self._timer.start()

    def retry(self, event: Any) -> None:
        take = self._streaming_take(event.index)
        if take is None:
            return
        take.attempt = event.attempt
        take.raw.clear()
        take.pending.clear()
        self._view(take).text.clear()
        self.set_status(
            self.tr("{take} did not pass its check ({why}); writing it again").format(
                take=take.name, why=phrase_text(event.reason)
            )
        )

    def flush(self) -> None:
        """Paint what arrived since the last repaint (at most every REPAINT_MS)."""
        painted = False
        for take, view in zip(self.takes, self.views, strict=True):
            if not take.pending:
                continue
            piece = "".join(take.pending)
            take.pending.clear()
            take.raw.append(piece)
            if view.kind == "script":
                cursor = QTextCursor(view.text.document())
                cursor.movePosition(QTextCursor.MoveOperation.End)
                cursor.insertText(piece)
            else:
                shown = readable_partial_json(take.raw_text, QCoreApplication.translate)
                view.text.setPlainText(shown)
            bar = view.text.verticalScrollBar()
            bar.setValue(bar.maximum())
            painted = True
        if painted:
            self.repaints += 1

    def finish_take(self, suggestion: Any) -> None:
        """The checked result of one take: its final, editable form; what was written when
        it was stopped; or why it failed."""
        take = self._streaming_take(suggestion.index)
        if take is None:
            return
        self.flush()
        take.suggestion = suggestion
        view = self._view(take)
        finished = suggestion.finished
        if suggestion.ok:
            take.state = "ready"
            notes = phrase_text(clauses(suggestion.check.notes))
            view.say(self._sentence(notes) if notes else "")
            self._show_final(take, view)
        elif finished is not None and finished.reason == "cancelled":
            self._mark_stopped(take)
        else:
            take.state = "failed"
            why = phrase_text(suggestion.failure or "")
            view.say(self.tr("Not usable: {why}.").format(why=why), True)
        self._refresh_tab(take)
        self._update_buttons()

    def _mark_stopped(self, take: Take, why: str = "") -> None:
        """Keep what was written, editable, as a take to accept; ``why``: what stopped it
        other than the Stop button (shown as it is given)."""
        self.flush()
        take.state = "stopped"
        view = self._view(take)
        if not take.raw_text.strip():
            view.say(self.tr("Stopped before anything was written."))
        else:
            said = self.tr("Stopped ({why})").format(why=why) if why else self.tr("Stopped")
            if take.kind == "script":
                text = self.tr(
                    "{stopped}: what was written is kept. Edit it and accept it "
                    "(it goes in as Fountain), or Regenerate."
                )
            else:
                text = self.tr(
                    "{stopped}: what was written is kept. Edit it and accept it "
                    "(it goes in as notes), or Regenerate."
                )
            view.say(text.format(stopped=said))
            view.text.setReadOnly(False)
            view.text.textChanged.connect(lambda t=take: setattr(t, "edited", True))
        self._refresh_tab(take)

    def end(self, done: JobDone) -> None:
        """The request is over: say how it went; stop/regenerate/accept follow."""
        self.flush()
        self.streaming = False
        self._timer.stop()
        run_takes = self.run.takes if self.run is not None else []
        if done.reason == "cancelled":
            for take in run_takes:
                if take.state == "writing":
                    self._mark_stopped(take)
            kept = [t.name for t in run_takes if t.state == "stopped" and t.raw_text.strip()]
            self.set_status(
                self.tr("Stopped. Kept to edit and accept: {takes}.").format(
                    takes=self._listed(kept)
                )
                if kept
                else self.tr("Stopped.")
            )
        elif done.reason == "error":
            self.show_problem(done.message)
        else:
            usable = sum(1 for t in run_takes if t.state == "ready")
            text = self.tr("{ready} of {takes} ready to accept · {tokens} tokens in {seconds} s")
            text = text.format(
                ready=usable,
                takes=len(run_takes),
                tokens=f"{done.completion_tokens:,}",
                seconds=f"{done.wall_seconds:.1f}",
            )
            if done.tokens_per_second:
                speed = self.tr("{speed} tokens/s").format(speed=f"{done.tokens_per_second:.1f}")
                text += f" · {speed}"
            self.set_status(text)
        for take in run_takes:
            if take.state == "writing":
                take.state = "failed"
            self._refresh_tab(take)
        self._update_buttons()

    # Tabs -------------------------------------------------------------------------------------
    def _view(self, take: Take) -> TakeView:
        return self.views[self.takes.index(take)]

    def _refresh_tab(self, take: Take) -> None:
        if take in self.takes:
            self.tabs.setTabText(self.takes.index(take), take.tab_text())
            self._tab_tip(take)

    def _tab_tip(self, take: Take) -> None:
        place = take.run.place
        state = self.tr(TAKE_STATES[take.state])
        if take.inserted:
            state = self.tr("{state}; inserted (Undo takes it out)").format(state=state)
        title = action_text(take.action.title)
        if place is not None:
            tip = self.tr("{action} for {place}: {state}").format(
                action=title, place=place.label, state=state
            )
        else:
            tip = self.tr("{action}: {state}").format(action=title, state=state)
        self.tabs.setTabToolTip(self.takes.index(take), tip)

    def _sentence(self, text: str) -> str:
        """Clauses of the model layer (already in the interface's language) as a sentence."""
        text = text[:1].upper() + text[1:]
        return self.tr("{clauses}.", "the model layer's notes as a sentence").format(clauses=text)

    def _listed(self, items: list[str] | tuple[str, ...]) -> str:
        """Items joined as a list is written in the interface's language."""
        return self.tr(", ", "the separator of a list").join(items)

    def refresh_states(self) -> None:
        """Re-read what the script holds (after any edit): an undone accept is no longer
        "inserted"."""
        for take in self.takes:
            self._refresh_tab(take)
        self._update_buttons()

    def close_take(self, index: int) -> None:
        """The writer closes a tab: that take is dropped (not while it is being written)."""
        if not 0 <= index < len(self.takes) or self.takes[index].state == "writing":
            return
        take = self.takes.pop(index)
        view = self.views.pop(index)
        self.tabs.removeTab(index)
        view.deleteLater()
        if take in take.run.takes and not self.streaming:
            take.run.takes.remove(take)
        if not self.takes:
            self.pages.setCurrentWidget(self.empty)
        self._take_shown()

    def _take_shown(self) -> None:
        take = self.current_take()
        if take is not None:
            self.title.setText(action_text(take.action.title))
            self._show_options(take.action.name)
        elif self.run is None:
            self.title.setText(self.tr("Co-writer"))
        self._update_buttons()

    # Final forms -------------------------------------------------------------------------------
    def _show_final(self, take: Take, view: TakeView) -> None:
        suggestion = take.suggestion
        view.text.blockSignals(True)
        if isinstance(view.text, ScriptEditor):
            view.text.set_script_text(suggestion.text.rstrip("\n"))
        elif view.kind == "shots":
            self._fill_shots(take, view)
        elif view.kind == "trailer":
            self._fill_trailer(take, view)
        else:
            view.text.setPlainText(phrase_text(suggestion.text).rstrip("\n"))
        view.text.blockSignals(False)
        view.text.setReadOnly(False)
        view.text.moveCursor(QTextCursor.MoveOperation.Start)
        view.text.textChanged.connect(lambda t=take: setattr(t, "edited", True))

    def _fill_shots(self, take: Take, view: TakeView) -> None:
        view.show_shots(shot_rows(take.suggestion), lambda row: self.insert_shot(take, row))

    def shot_fountain(self, take: Take, row: int) -> str:
        from reelwright.models.suggestions import safe_action

        table = self._view(take).table
        line, action = (_cell(table, row, column) for column in (0, 1))
        return f"{safe_action(line)}\n\n{safe_action(action)}\n"

    def insert_shot(self, take: Take, row: int) -> bool:
        """Accept one shot line (one undo step) after the take's paragraph; its row is
        marked as used."""
        if not self._insert(take, self.shot_fountain(take, row), "after_paragraph"):
            return False
        take.inserted_rows.add(row)
        self._view(take).mark_row_used(row, QColor(self.theme.chrome_dim))
        return True

    def _fill_trailer(self, take: Take, view: TakeView) -> None:
        data = take.suggestion.data or {}
        target = int(data.get("length", take.run.options.get("length", 60)))
        fountain = phrase_text(take.suggestion.to_fountain())
        view.show_trailer(beats_from_data(data), target, fountain)

    def _length_changed(self) -> None:
        """A new target length re-times the finished trailer takes (no new generation)."""
        if self.streaming or self.action != "trailer":
            return
        length = int(self.length.currentData())
        for take, view in zip(self.takes, self.views, strict=True):
            if take.action.name != "trailer" or take.state != "ready":
                continue
            retimed = retime_trailer(take.suggestion, length, take.run.options)
            if retimed is not None:
                take.suggestion = retimed
                take.run.options["length"] = length
                self._fill_trailer(take, view)
        self.options_changed.emit()

    # Accepting ---------------------------------------------------------------------------------
    def current_take(self) -> Take | None:
        index = self.tabs.currentIndex()
        return self.takes[index] if 0 <= index < len(self.takes) else None

    def accepted_text(self, take: Take) -> str:
        """What accepting ``take`` inserts: the (edited) Fountain of its final form."""
        view = self._view(take)
        kind = take.kind
        if take.state == "stopped":
            text = view.text.toPlainText()
            return text.strip("\n") + "\n" if kind == "script" else notes_from_text(text)
        if kind == "script" or kind == "trailer":
            return view.text.toPlainText().strip("\n") + "\n"
        if kind == "shots":
            rows = range(view.table.rowCount())
            return "\n".join(self.shot_fountain(take, row) for row in rows)
        if kind == "logline":
            logline, paragraphs = _split_logline(view.text.toPlainText())
            return synopsis_lines(logline, paragraphs)
        if take.edited:
            return notes_from_text(view.text.toPlainText())
        return phrase_text(take.suggestion.to_fountain())

    def accept(self, where: str | None = None) -> bool:
        """Insert the take shown at the place it was asked for (``where`` None: the
        action's usual place there)."""
        take = self.current_take()
        if take is None or not take.acceptable:
            return False
        return self._insert(take, self.accepted_text(take), where or take.action.place)

    def _insert(self, take: Take, text: str, where: str) -> bool:
        view = self._view(take)
        if self.inserter is None:
            return False
        result = self.inserter(take.run.place, text, where)
        if isinstance(result, str):
            view.say(self.tr("Not inserted: {why}.").format(why=result), True)
            view.at_caret.show()
            return False
        take.insertions.append(result)
        view.at_caret.hide()
        place = take.run.place
        scene = place.label if place is not None else self.tr("the scene")
        view.say(self.tr(INSERTED[where]).format(scene=scene))
        self.set_status(self.tr(TAKE_INSERTED[where]).format(take=take.name, scene=scene))
        self.refresh_states()
        return True

    def accept_at_caret(self, take: Take) -> bool:
        """The place is gone: put the take at the caret instead (as the panel offered)."""
        if self.inserter is None or not take.acceptable:
            return False
        text = self.accepted_text(take)
        result = self.inserter(None, text, "cursor")
        if isinstance(result, str):
            self._view(take).say(self.tr("Not inserted: {why}.").format(why=result), True)
            return False
        take.insertions.append(result)
        view = self._view(take)
        view.at_caret.hide()
        view.say(self.tr(INSERTED["cursor"]))
        self.refresh_states()
        return True

    def accept_title_notes(self) -> bool:
        take = self.current_take()
        if take is None or take.state != "ready" or take.kind != "logline":
            return False
        logline, paragraphs = _split_logline(self._view(take).text.toPlainText())
        text = phrase_text(logline_line(logline))
        text += "".join(f"\n{p}" for p in paragraphs)
        self.title_notes_requested.emit(text)
        self.set_status(self.tr("Added to the title page notes; Undo takes it out again."))
        return True

    def promo_script(self) -> PromoScript | None:
        take = self.current_take()
        if take is None or take.state != "ready" or take.kind != "trailer":
            return None
        data = take.suggestion.data or {}
        options = take.run.options
        return PromoScript(
            self.script_title,
            int(data.get("length", options.get("length", 60))),
            str(options.get("genre") or "drama"),
            str(options.get("audience") or "a general audience"),
            beats_from_data(data),
        )

    def _regenerate(self) -> None:
        take = self.current_take()
        run = take.run if take is not None else self.run
        if run is not None:
            self.regenerate_requested.emit(run)

    def _update_buttons(self) -> None:
        take = self.current_take()
        ready = take is not None and take.acceptable
        self.stop_button.setEnabled(self.streaming)
        self.regenerate_button.setEnabled(
            not self.streaming and (take is not None or self.run is not None)
        )
        self.accept_menu.clear()
        kind = take.kind if take is not None else ""
        entries: list[tuple[str, Any, bool]] = []  # (label, slot, enabled)
        if kind == "logline":
            entries = [
                (self.tr("Insert as Synopsis Lines (=)"), lambda: self.accept("cursor"), True),
                (self.tr("Add to Title Page Notes"), self.accept_title_notes, True),
            ]
        elif take is not None:
            default = take.action.place
            places = sorted(PLACES, key=lambda p: p != default)
            labels = SHOT_PLACE_LABELS if kind == "shots" else PLACE_LABELS
            for place in places:
                enabled = place != "replace_selection" or _held_selection(take)
                slot = partial(self.accept, place)
                entries.append((self.tr(labels[place]), slot, enabled))
            if kind == "trailer":
                entries.append((self.tr("Export Promo Script PDF…"), self._export, True))
        first: QAction | None = None
        for label, slot, enabled in entries:
            entry = self.accept_menu.addAction(label)
            entry.triggered.connect(lambda _c=False, s=slot: s())
            entry.setEnabled(enabled)
            first = first or entry
        if first is not None:
            self.accept_button.setDefaultAction(first)
        label = self.tr("Accept") if kind != "shots" else self.tr("Accept All")
        self.accept_button.setText(label)
        self.accept_button.setEnabled(ready)
        self.export_button.setVisible(kind == "trailer")
        self.export_button.setEnabled(bool(take is not None and take.state == "ready"))

    def _export(self) -> None:
        promo = self.promo_script()
        if promo is not None:
            self.export_promo_requested.emit(promo)


def _split_logline(text: str) -> tuple[str, list[str]]:
    """A logline take as shown (its labels in the interface's language) back into parts."""
    return split_logline_text(text, QCoreApplication.translate)


def _held_selection(take: Take | None) -> bool:
    place = take.run.place if take is not None else None
    return bool(place is not None and place.selection is not None)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


__all__ = ["PLACE_LABELS", "REPAINT_MS", "Run", "SuggestionsPanel", "Take", "TakeView"]
