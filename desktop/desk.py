"""The writer's desk in the app: spell check, reports, index cards, compare drafts, goals.

``install_desk(window)`` adds all of it through the main window's extension points
(``menu``, ``add_status_widget``, ``editor.context_menu_providers``, ``analysis_ready``,
``editor.highlighter.add_decorator``) and nothing else of the window, as
``install_cowriter`` does. The windows are made on first use, so start-up pays only for
the menus, the goal readout and the spell checker, whose dictionary loads on a worker
thread after the window shows.

The script's text changes here in one way: :func:`apply_text` replaces the one run of
lines that differs from the editor's text, as one undo step (``desktop.undo.edit_block``).
Moving a scene, writing a synopsis, colouring a card and adding a word to the script's
dictionary all go through it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu, QTextEdit

from reelwright.desktop.undo import edit_block
from reelwright.screenplay.outline import Outline, build_outline, changed_span

if TYPE_CHECKING:
    from reelwright.desktop.compare_window import CompareWindow
    from reelwright.desktop.index_cards import IndexCardsWindow
    from reelwright.desktop.main_window import MainWindow
    from reelwright.desktop.reports_window import ReportsWindow

ACTION_IDS = {
    "index_cards": "view.index_cards",
    "spelling": "tools.spelling",
    "reports": "tools.reports",
    "compare_saved": "tools.compare_saved",
    "compare_file": "tools.compare_file",
    "compare_autosave": "tools.compare_autosave",
    "goal": "tools.goal",
}
"""The desk's commands and their entries in the one key table (``desktop.keymap``), which
holds their menu text and keys."""


def replace_lines(editor: QTextEdit, start: int, end: int, lines: list[str]) -> None:
    """Replace blocks ``start``..``end`` (exclusive) of the editor with ``lines``, as one
    undo step; ``start == end`` inserts before block ``start``."""
    doc = editor.document()
    count = doc.blockCount()
    with edit_block(doc) as cursor:
        if end > start:
            first = doc.findBlockByNumber(start)
            last = doc.findBlockByNumber(end - 1)
            cursor.setPosition(first.position())
            cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            if lines:
                cursor.insertText("\n".join(lines))
            else:
                if end < count:  # take the line break after the last line too
                    cursor.setPosition(
                        doc.findBlockByNumber(end).position(), QTextCursor.MoveMode.KeepAnchor
                    )
                elif start > 0:  # the last lines: take the break before them
                    before = doc.findBlockByNumber(start - 1)
                    anchor = before.position() + before.length() - 1
                    cursor.setPosition(anchor)
                    cursor.setPosition(
                        last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor
                    )
                cursor.removeSelectedText()
        elif lines:
            if start < count:
                cursor.setPosition(doc.findBlockByNumber(start).position())
                cursor.insertText("\n".join(lines) + "\n")
            else:
                cursor.movePosition(QTextCursor.MoveOperation.End)
                cursor.insertText("\n" + "\n".join(lines))
    apply = getattr(editor, "apply_block_formats", None)
    if apply is not None:
        apply()


def apply_text(editor: QTextEdit, new_text: str) -> tuple[int, int] | None:
    """Make the editor's text ``new_text`` by replacing only the lines that differ, as one
    undo step; returns the (first, end) lines of the new text that changed, or None."""
    old_text = editor.script_text()  # type: ignore[attr-defined]
    if old_text == new_text:
        return None
    start, old_end, replacement = changed_span(old_text, new_text)
    replace_lines(editor, start, old_end, replacement)
    return start, start + len(replacement)


def current_outline(editor: QTextEdit) -> tuple[str, Outline]:
    """The editor's text and its outline, parsed now (edits must not use a stale one)."""
    from reelwright.screenplay.parser import parse

    text = editor.script_text()  # type: ignore[attr-defined]
    return text, build_outline(parse(text))


class Desk(QObject):
    """Owns the desk's parts for one window; see the module docstring."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("desk")
        self.window = window
        self.editor = window.editor
        self.settings = window.settings
        self._reports: ReportsWindow | None = None
        self._cards: IndexCardsWindow | None = None
        self._compare: CompareWindow | None = None

        from reelwright.desktop.goals import GoalTracker
        from reelwright.desktop.spell_check import SpellCheck

        self.spelling = SpellCheck(window, self)
        self.goals = GoalTracker(window, self)
        self.actions: dict[str, QAction] = {}
        self._build_menus()
        navigator_moves = getattr(window.navigator, "scene_move_requested", None)
        if navigator_moves is not None:  # the navigator's drag and drop, where it has one
            navigator_moves.connect(self.move_scene_at)

    def move_scene_at(self, heading_line: int, before_line: int) -> bool:
        """Move the scene whose heading is on ``heading_line`` before the scene or section
        on ``before_line`` (-1: to the end), as one undo step; False if nothing moved."""
        from reelwright.screenplay.outline import move_scene

        text, outline = current_outline(self.editor)
        index = next((s.index for s in outline.scenes if s.start_line == heading_line), None)
        target = outline.tail_line if before_line < 0 else before_line
        if index is None or target not in outline.boundaries():
            return False
        span = apply_text(self.editor, move_scene(text, outline, index, target))
        if span is None:
            return False
        # The caret goes to the moved scene, and the navigator shows the new order at once.
        moved = outline.scenes[index]
        _text, after = current_outline(self.editor)
        landed = [
            s.start_line
            for s in after.scenes
            if s.heading == moved.heading and s.first_lines == moved.first_lines
        ]
        inside = [line for line in landed if span[0] <= line < span[1]] or landed
        if inside:
            self.editor.go_to_line(inside[0])
        self.window.analyzer.run_now()
        return True

    def _action(
        self, menu: QMenu, name: str, slot: Callable[..., object], checkable: bool = False
    ) -> QAction:
        action = self.window.keyed_action(menu, ACTION_IDS[name], slot, checkable)
        self.actions[name] = action
        return action

    def _build_menus(self) -> None:
        view = self.window.menu("&View")
        view.addSeparator()
        self._action(view, "index_cards", self.show_index_cards)
        tools = self.window.menu("&Tools")
        spelling = self._action(tools, "spelling", self.spelling.set_enabled, checkable=True)
        spelling.setChecked(self.spelling.enabled)
        self.spelling_menu = self.spelling.options_menu(tools)
        tools.addMenu(self.spelling_menu)
        tools.addSeparator()
        self._action(tools, "reports", self.show_reports)
        compare = tools.addMenu(self.tr("&Compare Drafts"))
        compare.setObjectName("desk-compare-menu")
        self._action(compare, "compare_saved", self.compare_with_saved)
        self._action(compare, "compare_file", self.compare_with_file)
        self._action(compare, "compare_autosave", self.compare_with_autosave)
        tools.addSeparator()
        self._action(tools, "goal", self.goals.edit_goal)

    # Windows ----------------------------------------------------------------------------------
    def reports_window(self) -> ReportsWindow:
        if self._reports is None:
            from reelwright.desktop.reports_window import ReportsWindow

            self._reports = ReportsWindow(self.window)
        return self._reports

    def show_reports(self) -> ReportsWindow:
        window = self.reports_window()
        window.refresh()
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def index_cards(self) -> IndexCardsWindow:
        if self._cards is None:
            from reelwright.desktop.index_cards import IndexCardsWindow

            self._cards = IndexCardsWindow(self.window)
        return self._cards

    def show_index_cards(self) -> IndexCardsWindow:
        cards = self.index_cards()
        cards.rebuild()
        cards.show()
        cards.raise_()
        cards.activateWindow()
        return cards

    def compare_window(self) -> CompareWindow:
        if self._compare is None:
            from reelwright.desktop.compare_window import CompareWindow

            self._compare = CompareWindow(self.window)
        return self._compare

    def _show_compare(self) -> CompareWindow:
        window = self.compare_window()
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def compare_with_saved(self) -> CompareWindow:
        window = self._show_compare()
        window.compare_with_saved()
        return window

    def compare_with_file(self) -> CompareWindow:
        window = self._show_compare()
        window.choose_file()
        return window

    def compare_with_autosave(self) -> CompareWindow:
        window = self._show_compare()
        window.choose_autosave()
        return window


def install_desk(window: MainWindow) -> Desk:
    """Add the desk to ``window``; once per window (a second call returns the first)."""
    existing = window.findChild(Desk)
    if existing is not None:
        return existing
    return Desk(window)


__all__ = ["ACTION_IDS", "Desk", "apply_text", "current_outline", "install_desk", "replace_lines"]
