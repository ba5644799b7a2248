"""Production drafts in the app: revision rounds and marks, locked scene numbers and pages.

``install_production(window)`` adds the Production menu, a status-bar readout of the
current round and the locks, and the revision colours in the editor, through the window's
extension points only (``menu``, ``keyed_action``, ``add_status_widget``,
``editor.highlighter.add_decorator``) and the document's data (``Document.data``,
``Document.change_data``, ``Document.data_changed``), as ``install_desk`` does. The rules
are the Qt-free core's (``screenplay.revisions``, ``scene_lock``, ``page_lock``); this
module only asks for them and shows the answer.

- **Revisions.** Start Revision Round asks for the round (the industry's colour order:
  Blue, Pink, Yellow ... then Double White, Double Blue ...; only rounds after the current
  one) and the date printed on its pages; from then on, with Mark Revisions on, every
  change the writer types is marked in that round (the document marks each edit as it is
  made, and undoing it removes the mark). Changed text shows in the round's colour; a
  place where words were removed is underlined with it. Clear Marks removes the current
  round's marks or all of them (one undo step each).
- **Scene numbers.** Lock Scene Numbers writes every heading's number (``#12#``); new
  scenes then show 12A, 12B ... in the navigator and a deleted scene shows OMITTED where it
  was; locking again writes those. Omit Scene replaces the scene at the caret by ``OMITTED``
  with its number. Unlock removes the OMITTED headings and numbers 1, 2, 3 ...
- **Pages.** Lock Pages remembers where each page of the current print setup begins, so
  later text makes A-pages (23A) and cut pages combine (24-25); Unlock Pages forgets.

Every command is one undo step, text and data together (``Document.change_data``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPixmap, QTextBlock, QTextCharFormat
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from reelwright.desktop.i18n import QT_TRANSLATE_NOOP
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.revisions import COLOURS, FIRST_REVISION, Round, Span, round_name

if TYPE_CHECKING:
    from reelwright.desktop.main_window import MainWindow
    from reelwright.screenplay.production_file import ProductionData

translate = QCoreApplication.translate

MENU_TITLE = QT_TRANSLATE_NOOP("MainWindow", "&Production")
"""The Production menu (Final Draft's name for it), before Help."""
ROUNDS_OFFERED = 2 * len(COLOURS)
"""How many rounds after the current one the Start Revision Round dialog lists."""


class RoundDialog(QDialog):
    """The next revision round: its colour (only rounds after ``current``) and its date."""

    def __init__(self, current: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startRoundDialog")
        self.setWindowTitle(self.tr("Start Revision Round"))
        first = current + 1 if current is not None else FIRST_REVISION
        self.round = QComboBox(self)
        self.round.setObjectName("roundChoice")
        for level in range(first, first + ROUNDS_OFFERED):
            started = Round(level)
            self.round.addItem(_swatch(started.ink), _round_text(level), level)
        self.date = QLineEdit(datetime.date.today().isoformat(), self)
        self.date.setObjectName("roundDate")
        self.date.setToolTip(self.tr("Printed in the header of this round's pages"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Round:"), self.round)
        form.addRow(self.tr("&Date:"), self.date)
        note = QLabel(
            self.tr(
                "From now on every change is marked in this round's colour, and the pages "
                "it changes print with its name and date."
            ),
            self,
        )
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> tuple[int, str]:
        return int(self.round.currentData()), " ".join(self.date.text().split())


COLOUR_NAMES = (
    QT_TRANSLATE_NOOP("Production", "White"),
    QT_TRANSLATE_NOOP("Production", "Blue"),
    QT_TRANSLATE_NOOP("Production", "Pink"),
    QT_TRANSLATE_NOOP("Production", "Yellow"),
    QT_TRANSLATE_NOOP("Production", "Green"),
    QT_TRANSLATE_NOOP("Production", "Goldenrod"),
    QT_TRANSLATE_NOOP("Production", "Buff"),
    QT_TRANSLATE_NOOP("Production", "Salmon"),
    QT_TRANSLATE_NOOP("Production", "Cherry"),
)
"""The rounds' colours, in ``revisions.COLOURS``' order, for the interface's language."""
CYCLE_NAMES = (
    "{colour}",
    QT_TRANSLATE_NOOP("Production", "Double {colour}"),
    QT_TRANSLATE_NOOP("Production", "Triple {colour}"),
    QT_TRANSLATE_NOOP("Production", "Quadruple {colour}"),
    QT_TRANSLATE_NOOP("Production", "Quintuple {colour}"),
)


def shown_round_name(level: int) -> str:
    """``round_name`` in the interface's language (the file and the PDF keep English)."""
    cycle, index = divmod(level, len(COLOURS))
    if cycle >= len(CYCLE_NAMES):
        return round_name(level)
    colour = translate("Production", COLOUR_NAMES[index])
    return translate("Production", CYCLE_NAMES[cycle]).format(colour=colour)


def _round_text(level: int) -> str:
    return translate("Production", "{name} revision").format(name=shown_round_name(level))


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class Production(QObject):
    """One window's production commands and the revision colours (see the module)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("production")
        self.window = window
        self.editor = window.editor
        self.document = window.document
        self.actions: dict[str, QAction] = {}
        self._shown: dict[int, tuple[Span, ...]] = {}
        """The marks the editor's blocks are laid out with, by line."""
        self._formats: dict[tuple[int, bool], QTextCharFormat] = {}
        self._updating = False
        self.status_label = QLabel(window)
        self.status_label.setObjectName("productionStatus")
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        window.add_status_widget(self.status_label)
        self._build_menu()
        self.editor.highlighter.add_decorator(self._decorate, refresh=False)
        self.document.data_changed.connect(self._data_changed)
        window.settings.changed.connect(self._setting_changed)
        self._data_changed(0, -1)

    # Menu ------------------------------------------------------------------------------------
    def _action(
        self, menu: QMenu, action_id: str, slot: Callable[..., object], checkable: bool = False
    ) -> QAction:
        action = self.window.keyed_action(menu, f"production.{action_id}", slot, checkable)
        self.actions[action_id] = action
        return action

    def _build_menu(self) -> None:
        menu = self.window.menu(MENU_TITLE)
        menu.setObjectName("productionMenu")
        menu.aboutToShow.connect(self._update_actions)
        self._action(menu, "start_round", self.start_round_dialog)
        self._action(menu, "mark", self.set_marking, checkable=True)
        self._action(menu, "clear_round", lambda: self.clear_marks(current_only=True))
        self._action(menu, "clear_all", lambda: self.clear_marks(current_only=False))
        menu.addSeparator()
        self._action(menu, "lock_scenes", self.lock_scenes)
        self._action(menu, "unlock_scenes", self.unlock_scenes)
        self._action(menu, "omit_scene", self.omit_scene)
        menu.addSeparator()
        self._action(menu, "lock_pages", self.lock_pages)
        self._action(menu, "unlock_pages", self.unlock_pages)
        self.menu = menu

    def _update_actions(self) -> None:
        data = self.document.data
        current = data.revisions.current
        self._updating = True
        try:
            mark = self.actions["mark"]
            mark.setEnabled(current is not None)
            mark.setChecked(data.marking_level is not None)
        finally:
            self._updating = False
        clear_round = self.actions["clear_round"]
        clear_round.setEnabled(
            current is not None and current.level in data.revisions.levels_used()
        )
        if current is not None:
            clear_round.setText(
                self.tr("Clear Marks of the &{name} Round").format(
                    name=shown_round_name(current.level)
                )
            )
        self.actions["clear_all"].setEnabled(bool(data.revisions.marks))
        self.actions["unlock_scenes"].setEnabled(data.scenes is not None)
        self.actions["omit_scene"].setEnabled(data.scenes is not None)
        self.actions["unlock_pages"].setEnabled(data.pages is not None)

    # Revisions -------------------------------------------------------------------------------
    def start_round_dialog(self) -> Round | None:
        current = self.document.data.revisions.current
        dialog = RoundDialog(current.level if current is not None else None, self.window)
        if not dialog.exec():
            return None
        level, date = dialog.choice()
        return self.start_round(level, date)

    def start_round(self, level: int | None = None, date: str | None = None) -> Round | None:
        """Start round ``level`` (default: the next) dated ``date`` (default: today), with
        marking on; one undo step."""
        started: list[Round] = []

        def start(data: ProductionData) -> None:
            started.append(data.revisions.start_round(level, date or None))
            data.marking = True

        if not self._run(start):
            return None
        round_ = started[0]
        self._say(
            self.tr(
                "Started the {name} revision ({date}): changes are marked in its colour"
            ).format(name=shown_round_name(round_.level), date=round_.date)
        )
        return round_

    def set_marking(self, on: bool) -> None:
        """Revision mode on or off (the round stays under way)."""
        if self._updating:
            return
        data = self.document.data
        current = data.revisions.current
        if current is None or data.marking == on:
            self._update_actions()
            return

        def switch(changed: ProductionData) -> None:
            changed.marking = on

        self._run(switch)
        self._say(
            self.tr("Changes are marked in the {name} round").format(
                name=shown_round_name(current.level)
            )
            if on
            else self.tr("Changes are no longer marked")
        )

    def clear_marks(self, current_only: bool = True) -> bool:
        """Remove the current round's marks (or every round's); one undo step."""
        revisions = self.document.data.revisions
        level = revisions.current.level if current_only and revisions.current else None
        if current_only and level is None:
            return False

        def clear(data: ProductionData) -> None:
            data.revisions.clear(level)

        return self._run(clear)

    # Scene numbers ---------------------------------------------------------------------------
    def lock_scenes(self) -> bool:
        """Write every scene's number and lock them (again: write the new scenes' 12A and
        the dropped ones' OMITTED, and lock those too)."""
        from reelwright.screenplay.scene_lock import lock_scenes

        text = self.editor.script_text()
        try:
            new_text, lock = lock_scenes(text, self.document.data.scenes)
        except ReelwrightError as error:
            self.window.prompts.error(str(error))
            return False

        def store(data: ProductionData) -> None:
            data.scenes = lock

        self._run(store, new_text)
        self._say(self.tr("Scene numbers locked: {count} scenes").format(count=len(lock.numbers)))
        return True

    def unlock_scenes(self) -> bool:
        from reelwright.screenplay.scene_lock import unlock_scenes

        if self.document.data.scenes is None:
            return False

        def forget(data: ProductionData) -> None:
            data.scenes = None

        self._run(forget, unlock_scenes(self.editor.script_text()))
        self._say(self.tr("Scene numbers unlocked and renumbered"))
        return True

    def omit_scene(self, heading_line: int | None = None) -> bool:
        """Replace the scene whose heading is on ``heading_line`` (default: the caret's
        scene) by ``OMITTED`` with its number: a revision when changes are marked."""
        from reelwright.screenplay.parser import parse
        from reelwright.screenplay.scene_lock import omit_scene, scene_numbers, with_number
        from reelwright.screenplay.textdiff import join_pairs, line_pairs

        lock = self.document.data.scenes
        if lock is None:
            self._say(self.tr("Lock the scene numbers first: an omitted scene keeps its number"))
            return False
        line = self.editor.scene_line() if heading_line is None else heading_line
        if line is None:
            self._say(self.tr("The caret is not in a scene"))
            return False
        text = self.editor.script_text()
        scene = None
        try:
            numbered = {scene.line: scene for scene in scene_numbers(parse(text), lock)}
            scene = numbered.get(line)
            if scene is not None and not scene.written:  # a new scene: its 12A first
                pairs = line_pairs(text)
                pairs[line][0] = with_number(pairs[line][0], scene.number)
                text = join_pairs(pairs)
            new_text = omit_scene(text, line)
        except ReelwrightError as error:
            self._say(str(error))
            return False
        self._run(lambda _data: None, new_text, revision=True)
        if scene is not None:
            self._say(self.tr("Scene {number} omitted").format(number=scene.number))
        return True

    # Pages -----------------------------------------------------------------------------------
    def lock_pages(self) -> bool:
        """Remember where each page of the print setup begins (again: keep today's labels,
        23A included)."""
        from reelwright.screenplay.page_lock import lock_pages, paginate_locked
        from reelwright.screenplay.pagination import paginate
        from reelwright.screenplay.parser import parse
        from reelwright.screenplay.print_setup import PrintSetup

        text = self.editor.script_text()
        script = parse(text)
        setup = PrintSetup.from_settings(self.window.settings.get).for_script(script)
        current = self.document.data.pages
        if current is not None:
            placed = paginate_locked(script, text, current, setup.layout, setup.options)
            lock = lock_pages(script, text, placed.pagination, placed.labels)
        else:
            lock = lock_pages(script, text, paginate(script, setup.layout, setup.options))

        def store(data: ProductionData) -> None:
            data.pages = lock

        self._run(store)
        self.window.analyzer.start()  # the page rules, navigator and status bar: labels
        self._say(self.tr("Pages locked: {count} pages").format(count=len(lock.pages)))
        return True

    def unlock_pages(self) -> bool:
        if self.document.data.pages is None:
            return False

        def forget(data: ProductionData) -> None:
            data.pages = None

        self._run(forget)
        self.window.analyzer.start()  # the views number the pages 1, 2, 3 again
        self._say(self.tr("Pages unlocked: they are numbered 1, 2, 3 … again"))
        return True

    # Shared ----------------------------------------------------------------------------------
    def _run(
        self,
        change: Callable[[ProductionData], object],
        text: str | None = None,
        *,
        revision: bool = False,
    ) -> bool:
        """One command through the document; a refusal of the core is said, not raised."""
        try:
            self.document.change_data(change, text, revision=revision)
        except ReelwrightError as error:
            self.window.prompts.error(str(error))
            return False
        return True

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 6000)

    # The view --------------------------------------------------------------------------------
    def _data_changed(self, first: int, end: int) -> None:
        """Lay out again the blocks whose marks changed; refresh the readout and the
        navigator's numbers after a command."""
        marks = self.document.data.revisions.marks
        stale = self.document.stale_blocks
        if end < 0:
            lines = {
                line
                for line in set(self._shown) | set(marks)
                if self._shown.get(line) != marks.get(line)
            }
            self._update_status()
            self._update_actions()
            navigator = getattr(self.window, "navigator", None)
            if navigator is not None and hasattr(navigator, "set_scene_lock"):
                navigator.set_scene_lock(self.document.data.scenes)
        else:  # typing: the blocks of the edit (and any laid out before it was carried)
            lines = {line for line in range(first, end) if line in marks or line in self._shown}
        lines |= {line for line in stale if line in marks}
        stale.clear()
        self._shown = dict(marks)
        if lines:
            self.editor.highlighter.refresh_blocks(sorted(lines))

    def _update_status(self) -> None:
        data = self.document.data
        parts: list[str] = []
        current = data.revisions.current
        if current is not None:
            swatch = f'<span style="color:{current.ink}">■</span>'
            name = _round_text(current.level)
            parts.append(
                f"{swatch} {name}"
                if data.marking
                else f"{swatch} {name} " + self.tr("(not marking)")
            )
        if data.scenes is not None:
            parts.append(self.tr("scenes locked"))
        if data.pages is not None:
            parts.append(self.tr("pages locked"))
        self.status_label.setText(" · ".join(parts))
        self.status_label.setVisible(bool(parts))
        if current is not None:
            self.status_label.setToolTip(
                self.tr("{header}; marked lines print with {mark} in the margin").format(
                    header=current.header(), mark=current.mark
                )
            )

    def _setting_changed(self, key: str) -> None:
        if key == "editor/theme":
            self._formats.clear()
            if self._shown:
                self.editor.highlighter.refresh_blocks(sorted(self._shown))

    def _format(self, level: int, point: bool) -> QTextCharFormat:
        found = self._formats.get((level, point))
        if found is not None:
            return found
        colour = QColor(Round(level).ink)
        if QColor(self.window.theme.paper).lightness() < 128:
            colour = colour.lighter(170)  # the inks are made for paper-white pages
        fmt = QTextCharFormat()
        if point:  # where words were removed: the next character underlined
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(colour)
        else:
            fmt.setForeground(colour)
        self._formats[(level, point)] = fmt
        return fmt

    def _decorate(self, text: str, block: QTextBlock) -> Iterator[tuple[int, int, QTextCharFormat]]:
        number = block.blockNumber()
        if not self.document.data.revisions.marks and not self._shown:
            return
        if not self.document.catch_up(number):  # lines added, not yet carried
            self.document.stale_blocks.add(number)
            return
        spans = self.document.data.revisions.marks.get(number)
        if spans:
            self._shown[number] = spans
        else:
            self._shown.pop(number, None)
        if not spans:
            return
        for span in spans:
            if span.start < span.end:
                yield span.start, span.end - span.start, self._format(span.level, False)
            elif text:
                start = min(span.start, len(text) - 1)
                yield start, 1, self._format(span.level, True)


def install_production(window: MainWindow) -> Production:
    """Add production drafts to ``window``, with File → Print Preview… and Print… (their
    sheets carry the draft's marks, headers and page labels: ``print_preview``); once per
    window (a second call returns the first)."""
    from reelwright.desktop.print_preview import install_print

    existing = window.findChild(Production)
    if existing is not None:
        return existing
    install_print(window)
    return Production(window)


__all__ = ["MENU_TITLE", "Production", "RoundDialog", "install_production"]
