"""The review panel: suggestions stream in here, and only an accepted one reaches the script.

Each alternative ("take") has a tab. While the model writes, its text arrives in pieces;
the pieces are kept and painted at most every ``REPAINT_MS`` (a 50 ms single-shot timer),
so a fast model never floods the GUI thread. Structured actions (shots, trailer, logline,
profile, copy) stream JSON, shown as readable lines while it grows; once the checked
:class:`~reelwright.models.suggestions.Suggestion` arrives, the take shows its final form:
editable Fountain, a shot list whose lines are accepted one by one, or the trailer's timed
table. The panel never touches the editor: it emits ``insert_requested(text, where)`` and
the co-writer inserts it as one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reelwright.desktop.editor import FONT_FAMILIES, ScriptEditor
from reelwright.desktop.model_worker import JobDone
from reelwright.desktop.take_text import (
    notes_from_text,
    readable_partial_json,
    retime_trailer,
    split_logline_text,
    synopsis_lines,
)
from reelwright.desktop.themes import LIGHT, Theme
from reelwright.exporters.promo_pdf import TARGETS, PromoScript, beats_from_data, clock

REPAINT_MS = 50
PREVIEW_POINTS = 8
TITLES = {
    "next-scene": "Next Scene",
    "continue-dialogue": "Continue Dialogue",
    "between-scenes": "Scene Between",
    "shots": "Shot Directions",
    "trailer": "Trailer Beats",
    "logline": "Logline & Synopsis",
    "character": "Character Profile",
    "marketing": "Marketing Copy",
}
KINDS = {
    "next-scene": "script",
    "continue-dialogue": "script",
    "between-scenes": "script",
    "shots": "shots",
    "trailer": "trailer",
    "logline": "logline",
    "character": "notes",
    "marketing": "notes",
}
PLACES = {
    "cursor": "Insert at Cursor",
    "after_paragraph": "Insert after This Paragraph",
    "end_of_scene": "Insert after This Scene",
    "replace_selection": "Replace Selection",
}
DEFAULT_PLACE = {
    "next-scene": "end_of_scene",
    "between-scenes": "end_of_scene",
    "continue-dialogue": "after_paragraph",
    "shots": "after_paragraph",
    "trailer": "end_of_scene",
    "logline": "cursor",
    "character": "cursor",
    "marketing": "cursor",
}
EMPTY_TEXT = (
    "Choose a writing action from the Write menu, the toolbar or the script's context menu.\n\n"
    "Suggestions appear here as the model writes them. Nothing enters your script until "
    "you accept it, and one Undo takes it out again."
)


# --- one alternative -------------------------------------------------------------------------


@dataclass
class Take:
    index: int
    raw: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    attempt: int = 1
    suggestion: Any = None
    edited: bool = False
    inserted_rows: set[int] = field(default_factory=set)

    @property
    def raw_text(self) -> str:
        return "".join(self.raw)


class TakeView(QWidget):
    """One tab: the streaming text, then the take's final form."""

    def __init__(self, kind: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(6)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setObjectName("takeMessage")
        self.message.hide()
        self.trailer_bar = QLabel("", self)
        self.trailer_bar.setObjectName("runningTime")
        self.trailer_bar.hide()
        self.stack = QStackedWidget(self)
        self.text: QPlainTextEdit | ScriptEditor
        if kind == "script":
            # The script's own editor at a smaller size: the take reads (and edits) as a page.
            editor = ScriptEditor(theme, self)
            editor.set_font_size(PREVIEW_POINTS)
            editor.page_rules_visible = False
            self.text = editor
        else:
            plain = QPlainTextEdit(self)
            plain.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            font = QFont()
            font.setFamilies(list(FONT_FAMILIES))
            font.setStyleHint(QFont.StyleHint.TypeWriter)
            font.setPointSizeF(10)
            plain.setFont(font)
            plain.document().setDocumentMargin(10)
            self.text = plain
        self.text.setObjectName("takeText")
        self.text.setReadOnly(True)
        self.table = QTableWidget(self)
        self.table.setObjectName("takeTable")
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.fit_rows())
        self.stack.addWidget(self.text)
        self.stack.addWidget(self.table)
        column.addWidget(self.trailer_bar)
        column.addWidget(self.stack, 1)
        column.addWidget(self.message)

    def show_table(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.table if on else self.text)
        QTimer.singleShot(0, self.fit_rows)  # once the columns have their widths

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.stack.currentWidget() is self.table:
            QTimer.singleShot(0, self.fit_rows)

    def fit_rows(self) -> None:
        """Row heights that show every cell's text wrapped to its column (measured here:
        the view's own size hint does not wrap inside the styled window)."""
        table = self.table
        metrics = QFontMetrics(table.font())
        flags = int(Qt.TextFlag.TextWordWrap)
        for row in range(table.rowCount()):
            height = metrics.height()
            for column in range(table.columnCount()):
                item = table.item(row, column)
                widget = table.cellWidget(row, column)
                if widget is not None:
                    height = max(height, widget.sizeHint().height())
                if item is None or not item.text():
                    continue
                width = max(20, table.columnWidth(column) - 14)
                box = metrics.boundingRect(QRect(0, 0, width, 100_000), flags, item.text())
                height = max(height, box.height())
            table.setRowHeight(row, height + 12)


# --- the panel --------------------------------------------------------------------------------


class SuggestionsPanel(QDockWidget):
    """See the module docstring. The co-writer drives it through ``begin`` ... ``end``."""

    stop_requested = Signal()
    regenerate_requested = Signal()
    sampler_requested = Signal(QWidget)
    insert_requested = Signal(str, str)
    """Fountain text, where ("cursor", "after_paragraph", "end_of_scene", "replace_selection")."""
    title_notes_requested = Signal(str)
    export_promo_requested = Signal(object)
    """A PromoScript to write as a PDF."""
    options_changed = Signal()

    def __init__(self, theme: Theme = LIGHT, parent: QWidget | None = None) -> None:
        super().__init__("Co-writer", parent)
        self.setObjectName("cowriterDock")
        self.theme = theme
        self.action = ""
        self.takes: list[Take] = []
        self.views: list[TakeView] = []
        self.streaming = False
        self.request_id: int | None = None
        self.request_options: dict[str, Any] = {}
        self.script_title = "Untitled"
        self._selection = False
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
        self.title = QLabel("Co-writer", body)
        self.title.setObjectName("cowriterTitle")
        big = self.title.font()
        big.setPointSizeF(big.pointSizeF() * 1.25)
        big.setBold(True)
        self.title.setFont(big)
        head.addWidget(self.title)
        head.addStretch(1)
        self.sampler_button = QToolButton(body)
        self.sampler_button.setObjectName("samplerButton")
        self.sampler_button.setText("Sampling…")
        self.sampler_button.setToolTip("Temperature, length, seed, alternatives for this action")
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

        self.options_box = QWidget(body)
        form = QFormLayout(self.options_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(4)
        self.length = QComboBox(self.options_box)
        for seconds in TARGETS:
            self.length.addItem(f"{seconds} seconds", seconds)
        self.length.setCurrentIndex(1)
        self.genre = QLineEdit(self.options_box)
        self.genre.setPlaceholderText("drama")
        self.audience = QLineEdit(self.options_box)
        self.audience.setPlaceholderText("a general audience")
        self.points = QLineEdit(self.options_box)
        self.points.setPlaceholderText("selling points, separated by ;")
        self.character = QComboBox(self.options_box)
        self.new_character = QLineEdit(self.options_box)
        self.new_character.setPlaceholderText("optional: a new character may speak")
        self._rows: dict[str, list[QWidget]] = {}
        for name, label, widget in (
            ("length", "Length", self.length),
            ("genre", "Genre", self.genre),
            ("audience", "Audience", self.audience),
            ("points", "Selling", self.points),
            ("character", "Character", self.character),
            ("new_character", "New character", self.new_character),
        ):
            form.addRow(label, widget)
            self._rows[name] = [form.labelForField(widget), widget]
        self.length.currentIndexChanged.connect(self._length_changed)
        column.addWidget(self.options_box)

        self.pages = QStackedWidget(body)
        self.empty = QLabel(EMPTY_TEXT, body)
        self.empty.setObjectName("cowriterEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.tabs = QTabWidget(body)
        self.tabs.setObjectName("takeTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.tabs)
        column.addWidget(self.pages, 1)

        buttons = QHBoxLayout()
        self.stop_button = QPushButton("Stop", body)
        self.stop_button.setObjectName("stopButton")
        self.stop_button.clicked.connect(self.stop_requested)
        self.regenerate_button = QPushButton("Regenerate", body)
        self.regenerate_button.setObjectName("regenerateButton")
        self.regenerate_button.clicked.connect(self.regenerate_requested)
        self.accept_button = QToolButton(body)
        self.accept_button.setObjectName("acceptButton")
        self.accept_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.accept_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.accept_menu = QMenu(self.accept_button)
        self.accept_button.setMenu(self.accept_menu)
        self.export_button = QPushButton("Export PDF…", body)
        self.export_button.setObjectName("exportPromoButton")
        self.export_button.setToolTip("The trailer as a two-column promo script")
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

    # Appearance ------------------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.widget().setStyleSheet(
            f"""
#cowriterStatus, #cowriterEmpty {{ color: {theme.chrome_dim}; }}
#takeMessage {{ color: {theme.chrome_dim}; }}
#takeMessage[problem="true"] {{ color: #b03a2e; }}
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
        wanted = {
            "trailer": ("length", "genre", "audience", "points"),
            "marketing": ("genre", "audience"),
            "character": ("character",),
            "next-scene": ("new_character",),
            "between-scenes": ("new_character",),
        }.get(action, ())
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

    def set_selection_available(self, available: bool) -> None:
        self._selection = available
        self._update_buttons()

    # A request, from start to end ---------------------------------------------------------------
    def begin(self, request_id: int, action: str, n: int, options: dict[str, Any]) -> None:
        """A new request: clear the takes; stale pieces of an older one are ignored."""
        self._timer.stop()
        self.request_id = request_id
        self.action = action
        self.request_options = dict(options)
        self.streaming = True
        self.title.setText(TITLES.get(action, action))
        self._show_options(action)
        self.tabs.clear()
        for view in self.views:
            view.deleteLater()
        self.views = []
        self.takes = [Take(i) for i in range(max(1, n))]
        kind = KINDS.get(action, "notes")
        for take in self.takes:
            view = TakeView(kind, self.theme, self.tabs)
            self.views.append(view)
            self.tabs.addTab(view, f"Take {take.index + 1}")
        self.pages.setCurrentWidget(self.tabs)
        self.sampler_button.setEnabled(True)
        self.set_status("Reading the script…")
        self._update_buttons()
        self.show()
        self.raise_()

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def show_problem(self, message: str) -> None:
        """A request that could not run (no model, a bad file): say what and how to fix it."""
        self.streaming = False
        self._timer.stop()
        self.status.setText(f"<span style='color:#b03a2e'>{_html(message)}</span>")
        self.pages.setCurrentWidget(self.tabs if self.takes else self.empty)
        self._update_buttons()
        self.show()

    def prompt_ready(self, tokens: int, trimmed: tuple[str, ...]) -> None:
        note = f"; left out to fit: {', '.join(trimmed)}" if trimmed else ""
        self.set_status(f"Writing… (the prompt holds {tokens:,} tokens{note})")

    def add_chunk(self, index: int, attempt: int, text: str) -> None:
        if not self.streaming or index >= len(self.takes):
            return
        take = self.takes[index]
        if attempt != take.attempt:
            return
        take.pending.append(text)
        if not self._timer.isActive():
            self._timer.start()

    def retry(self, index: int, attempt: int, reason: str) -> None:
        if index >= len(self.takes):
            return
        take = self.takes[index]
        take.attempt = attempt
        take.raw.clear()
        take.pending.clear()
        view = self.views[index]
        view.text.clear()
        self.set_status(f"Take {index + 1} did not pass its check ({reason}); writing it again")

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
                view.text.setPlainText(readable_partial_json(take.raw_text))
            bar = view.text.verticalScrollBar()
            bar.setValue(bar.maximum())
            painted = True
        if painted:
            self.repaints += 1

    def finish_take(self, suggestion: Any) -> None:
        """The checked result of one take: its final, editable form (or why it failed)."""
        if suggestion.index >= len(self.takes):
            return
        self.flush()
        take = self.takes[suggestion.index]
        take.suggestion = suggestion
        view = self.views[suggestion.index]
        notes = "; ".join(suggestion.check.notes)
        if not suggestion.ok:
            view.message.setProperty("problem", True)
            view.message.setText(f"Not usable: {suggestion.failure}.")
            view.message.show()
            self.tabs.setTabText(suggestion.index, f"Take {suggestion.index + 1} ✗")
        else:
            view.message.setProperty("problem", False)
            view.message.setText(notes.capitalize() + "." if notes else "")
            view.message.setVisible(bool(notes))
            self.tabs.setTabText(suggestion.index, f"Take {suggestion.index + 1} ✓")
            self._show_final(take, view)
        view.message.style().unpolish(view.message)
        view.message.style().polish(view.message)
        self._update_buttons()

    def end(self, done: JobDone) -> None:
        """The request is over: say how it went; stop/regenerate/accept follow."""
        self.flush()
        self.streaming = False
        self._timer.stop()
        if done.reason == "cancelled":
            self.set_status("Stopped. Regenerate to try again.")
        elif done.reason == "error":
            self.show_problem(done.message)
        else:
            usable = sum(1 for t in self.takes if t.suggestion is not None and t.suggestion.ok)
            speed = f" · {done.tokens_per_second:.1f} tokens/s" if done.tokens_per_second else ""
            self.set_status(
                f"{usable} of {len(self.takes)} ready to accept · "
                f"{done.completion_tokens:,} tokens in {done.wall_seconds:.1f} s{speed}"
            )
        for index, take in enumerate(self.takes):
            if take.suggestion is None and index < self.tabs.count():
                self.tabs.setTabText(index, f"Take {index + 1} –")
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
            view.text.setPlainText(suggestion.text.rstrip("\n"))
        view.text.blockSignals(False)
        view.text.setReadOnly(False)
        view.text.moveCursor(QTextCursor.MoveOperation.Start)
        view.text.textChanged.connect(lambda t=take: setattr(t, "edited", True))

    def _fill_shots(self, take: Take, view: TakeView) -> None:
        shots = (take.suggestion.data or {}).get("shots", [])
        table = view.table
        table.clear()
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(["Shot", "Action", ""])
        table.setRowCount(len(shots))
        for row, shot in enumerate(shots):
            subject = " ".join(str(shot.get("subject", "")).split()).upper()
            line = f"{shot['size']} - {shot['angle']} - {shot['movement']} - {subject}"
            table.setItem(row, 0, QTableWidgetItem(line))
            table.setItem(row, 1, QTableWidgetItem(" ".join(str(shot["action"]).split())))
            button = QPushButton("Insert", table)
            button.setObjectName(f"insertShot{row}")
            button.setFixedHeight(button.sizeHint().height())
            button.clicked.connect(lambda _c=False, t=take, r=row: self.insert_shot(t, r))
            table.setCellWidget(row, 2, button)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        view.show_table(True)

    def shot_fountain(self, take: Take, row: int) -> str:
        from reelwright.models.suggestions import safe_action

        table = self.views[take.index].table
        line, action = (_cell(table, row, column) for column in (0, 1))
        return f"{safe_action(line)}\n\n{safe_action(action)}\n"

    def insert_shot(self, take: Take, row: int) -> None:
        """Accept one shot line (one undo step); its row is marked as used."""
        self.insert_requested.emit(self.shot_fountain(take, row), "after_paragraph")
        take.inserted_rows.add(row)
        table = self.views[take.index].table
        button = table.cellWidget(row, 2)
        if isinstance(button, QPushButton):
            button.setText("Inserted")
            button.setEnabled(False)
        for column in (0, 1):
            item = table.item(row, column)
            if item is not None:
                item.setForeground(QColor(self.theme.chrome_dim))

    def _fill_trailer(self, take: Take, view: TakeView) -> None:
        data = take.suggestion.data or {}
        beats = beats_from_data(data)
        table = view.table
        table.clear()
        headers = ["Time", "Shot", "Picture", "Voice-over", "On-screen text", "Music"]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(beats))
        for row, beat in enumerate(beats):
            from reelwright.exporters.promo_pdf import audio_text

            cells = [
                f"{clock(beat.start)}–{clock(beat.end)}",
                beat.shot,
                beat.picture,
                audio_text(beat),
                beat.on_screen_text,
                beat.music,
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((76, 96, 190, 170, 120)):
            table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        view.text.setPlainText(take.suggestion.to_fountain().rstrip("\n"))
        running = beats[-1].end if beats else 0
        target = int(data.get("length", self.request_options.get("length", 60)))
        mark = "✓" if running == target else "✗"
        view.trailer_bar.setText(
            f"<b>Running time {clock(running)}</b> of {clock(target)} target {mark}"
            f" &nbsp;·&nbsp; {len(beats)} beats"
        )
        view.trailer_bar.show()
        view.show_table(True)

    def _length_changed(self) -> None:
        """A new target length re-times finished trailer takes (no new generation)."""
        if self.action != "trailer" or self.streaming:
            return
        length = int(self.length.currentData())
        for take, view in zip(self.takes, self.views, strict=True):
            if take.suggestion is None or not take.suggestion.ok:
                continue
            retimed = retime_trailer(take.suggestion, length, self.request_options)
            if retimed is not None:
                take.suggestion = retimed
                self._fill_trailer(take, view)
        self.request_options["length"] = length
        self.options_changed.emit()

    # Accepting ---------------------------------------------------------------------------------
    def current_take(self) -> Take | None:
        index = self.tabs.currentIndex()
        return self.takes[index] if 0 <= index < len(self.takes) else None

    def accepted_text(self, take: Take) -> str:
        """What accepting ``take`` inserts: the (edited) Fountain of its final form."""
        suggestion = take.suggestion
        view = self.views[take.index]
        kind = view.kind
        if kind == "script":
            return view.text.toPlainText().strip("\n") + "\n"
        if kind == "shots":
            rows = range(view.table.rowCount())
            return "\n".join(self.shot_fountain(take, row) for row in rows)
        if kind == "trailer":
            return view.text.toPlainText().strip("\n") + "\n"
        if kind == "logline":
            logline, paragraphs = split_logline_text(view.text.toPlainText())
            return synopsis_lines(logline, paragraphs)
        if take.edited:
            return notes_from_text(view.text.toPlainText())
        return str(suggestion.to_fountain())

    def accept(self, where: str | None = None) -> bool:
        """Insert the current take (``where`` None: the action's usual place)."""
        take = self.current_take()
        if take is None or take.suggestion is None or not take.suggestion.ok:
            return False
        place = where or DEFAULT_PLACE.get(self.action, "cursor")
        if place == "replace_selection" and not self._selection:
            place = "cursor"
        self.insert_requested.emit(self.accepted_text(take), place)
        self.set_status(f"Take {take.index + 1} inserted; Undo takes it out again.")
        return True

    def accept_title_notes(self) -> bool:
        take = self.current_take()
        if take is None or take.suggestion is None or not take.suggestion.ok:
            return False
        logline, paragraphs = split_logline_text(self.views[take.index].text.toPlainText())
        text = f"Logline: {logline}" + "".join(f"\n{p}" for p in paragraphs)
        self.title_notes_requested.emit(text)
        self.set_status("Added to the title page notes; Undo takes it out again.")
        return True

    def promo_script(self) -> PromoScript | None:
        take = self.current_take()
        if take is None or take.suggestion is None or not take.suggestion.ok:
            return None
        data = take.suggestion.data or {}
        options = self.request_options
        return PromoScript(
            self.script_title,
            int(data.get("length", options.get("length", 60))),
            str(options.get("genre") or "drama"),
            str(options.get("audience") or "a general audience"),
            beats_from_data(data),
        )

    def _update_buttons(self) -> None:
        take = self.current_take()
        ready = take is not None and take.suggestion is not None and take.suggestion.ok
        self.stop_button.setEnabled(self.streaming)
        self.regenerate_button.setEnabled(bool(self.action) and not self.streaming)
        self.accept_menu.clear()
        kind = KINDS.get(self.action, "")
        entries: list[tuple[str, Any]] = []
        if kind == "logline":
            entries = [
                ("Insert as Synopsis Lines (=)", lambda: self.accept("cursor")),
                ("Add to Title Page Notes", self.accept_title_notes),
            ]
        else:
            places = ["cursor", "after_paragraph", "end_of_scene", "replace_selection"]
            default = DEFAULT_PLACE.get(self.action, "cursor")
            places.sort(key=lambda p: p != default)
            for place in places:
                label = PLACES[place]
                if kind == "shots":
                    label = label.replace("Insert", "Insert All Shots")
                entries.append((label, lambda _=False, p=place: self.accept(p)))
            if kind == "trailer":
                entries.append(("Export Promo Script PDF…", self._export))
        first: QAction | None = None
        for label, slot in entries:
            action = self.accept_menu.addAction(label)
            action.triggered.connect(lambda _c=False, s=slot: s())
            if label == PLACES["replace_selection"] or "Replace" in label:
                action.setEnabled(self._selection)
            first = first or action
        self.accept_button.setDefaultAction(first) if first else None
        label = "Accept" if kind != "shots" else "Accept All"
        self.accept_button.setText(label)
        self.accept_button.setEnabled(bool(ready and not self.streaming))
        self.export_button.setVisible(kind == "trailer")
        self.export_button.setEnabled(bool(ready and not self.streaming))

    def _export(self) -> None:
        promo = self.promo_script()
        if promo is not None:
            self.export_promo_requested.emit(promo)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""
