"""Locked page labels on screen (issue 19): in the real window, the editor's page rules,
the navigator's page column and the status bar show the label each page prints with
(23A, 24-25), the PDF's own (``page_plan.plan_print``, what File > Export draws), and go
back to plain numbers once the pages are unlocked; the status bar in Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex
from PySide6.QtGui import QImage, QPainter, QTextCursor
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from reelwright.desktop import i18n
from reelwright.desktop.app import create_window
from reelwright.desktop.documents import Prompts, UnsavedChoice
from reelwright.desktop.main_window import MainWindow
from reelwright.desktop.navigator import ENTRY_ROLE
from reelwright.desktop.page_rules import paint_page_rules
from reelwright.desktop.production import Production, install_production
from reelwright.desktop.settings import Settings
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.page_plan import PrintPlan, plan_print
from reelwright.screenplay.parser import parse
from reelwright.screenplay.print_setup import PrintSetup

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SOURCE = CORPUS / "The-Last-Birthday-Card.fountain"

NEW_SCENE = "INT. BUS SHELTER - NIGHT\n\n" + "\n\n".join(
    f"Rain hammers the roof. Walter counts the coins in his palm, {n} of them, and "
    "counts them again as if the number might change."
    for n in range(1, 15)
)


class _Discarding(Prompts):
    def unsaved(self, name: str) -> UnsavedChoice:
        return "discard"


def _open(qtbot, path: Path, settings: Settings | None = None) -> tuple[MainWindow, Production]:
    window = create_window(
        path, settings or Settings(), offer_recovery=False, prompts=_Discarding()
    )
    qtbot.addWidget(window)
    window.resize(1100, 800)
    window.show()
    window.wait_until_ready()
    return window, install_production(window)


def _plan(window: MainWindow) -> PrintPlan:
    """What File > Export prints for the window's draft (``Document.export``'s plan)."""
    draft = window.document.draft()
    setup = PrintSetup.from_settings(window.settings.get, sheet=True)
    return plan_print(parse(draft.body), setup, draft)


def _insert_scene_on_page(window: MainWindow, page: int) -> int:
    """Type a long new scene before the first scene that starts on ``page`` (one edit,
    as a paste is); returns the new heading's line."""
    analysis = window.analyzer.latest
    assert analysis is not None
    elements = analysis.script.elements
    line = min(
        elements[index].start_line
        for index, number in analysis.scene_pages.items()
        if int(number) == page
    )
    cursor = QTextCursor(window.editor.document().findBlockByNumber(line))
    cursor.insertText(NEW_SCENE + "\n\n")
    window.wait_until_ready()
    return line


def _rule_labels(window: MainWindow) -> list[tuple[int, str]]:
    return [(line, str(page)) for line, page in window.editor.page_starts]


def _plan_rules(plan: PrintPlan) -> list[tuple[int, str]]:
    """(line where each page after the first begins, the label it prints with)."""
    pages = plan.pagination.pages
    return [
        (page.first_source_line, label) for page, label in zip(pages, plan.labels, strict=True)
    ][1:]


def _status_for_line(window: MainWindow, line: int) -> str:
    window.editor.go_to_line(line)
    QApplication.processEvents()
    return window.status.page_label.text()


def _plan_label_of_line(plan: PrintPlan, line: int) -> str:
    label = plan.labels[0]
    for page, page_label in zip(plan.pagination.pages, plan.labels, strict=True):
        if page.first_source_line <= line:
            label = page_label
    return label


class _RecordingPainter(QPainter):
    """Keeps what is written with ``drawText`` (the page rules and the navigator's rows
    write their numbers through it)."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[str] = []

    def drawText(self, *args: object) -> None:  # type: ignore[override]
        self.texts.append(str(args[-1]))
        super().drawText(*args)  # type: ignore[call-overload]


def _painted_rules(window: MainWindow, line: int) -> list[str]:
    """The labels the page rules paint with ``line`` on screen."""
    editor = window.editor
    editor.go_to_line(line)
    editor.ensureCursorVisible()
    QApplication.processEvents()
    image = QImage(editor.viewport().size(), QImage.Format.Format_ARGB32)
    painter = _RecordingPainter(image)
    try:
        paint_page_rules(painter, editor, editor.page_starts, window.theme, editor.page_lines)
    finally:
        painter.end()
    return painter.texts


def _painted_page_column(window: MainWindow, heading_line: int) -> str:
    """The text the navigator's row of the scene at ``heading_line`` paints in its page
    column (the last text on the row's first line)."""
    navigator = window.navigator
    item = navigator._items_by_line[heading_line]
    tree = navigator.tree
    index: QModelIndex = tree.indexFromItem(item)
    option = QStyleOptionViewItem()
    option.rect = tree.visualItemRect(item)
    option.font = tree.font()
    image = QImage(tree.viewport().size(), QImage.Format.Format_ARGB32)
    painter = _RecordingPainter(image)
    try:
        tree.itemDelegate().paint(painter, option, index)
    finally:
        painter.end()
    entry = index.data(ENTRY_ROLE)
    # number, page, heading (and synopsis): the page is drawn second
    assert painter.texts[0] == entry.number
    return painter.texts[1]


@pytest.fixture
def locked(qtbot, tmp_path) -> Iterator[tuple[MainWindow, Production, int]]:
    path = tmp_path / "card.fountain"
    path.write_text(SOURCE.read_text("utf-8"), "utf-8")
    window, production = _open(qtbot, path)
    window.actions_by_id["production.lock_pages"].trigger()
    window.wait_until_ready()
    heading = _insert_scene_on_page(window, 5)
    yield window, production, heading


def test_an_inserted_scene_shows_its_a_page_everywhere_as_the_pdf_prints_it(locked) -> None:
    window, _production, heading = locked
    plan = _plan(window)
    analysis = window.analyzer.latest
    assert analysis is not None
    assert any(label.endswith("A") for label in plan.labels), "the edit made an A-page"
    # The pages: as many sheets as the PDF, every rule where a page of the PDF begins,
    # labelled as that page prints.
    assert analysis.page_count == plan.page_count
    assert _rule_labels(window) == _plan_rules(plan)
    a_line = next(line for line, label in _plan_rules(plan) if label.endswith("A"))
    a_label = dict(_plan_rules(plan))[a_line]
    assert f"{a_label}." in _painted_rules(window, a_line)
    # The navigator: every scene's page column is the label of the page the PDF starts
    # it on, the new scene's included.
    printed = plan.scene_pages()
    scenes = [e for e in window.navigator.entries if e.kind == "scene"]
    headings = {
        element.start_line: index
        for index, element in enumerate(analysis.script.elements)
        if element.type is ElementType.SCENE_HEADING
    }
    assert [entry.page_label for entry in scenes] == [
        printed[headings[entry.line]] for entry in scenes
    ]
    new_entry = next(entry for entry in scenes if entry.line == heading)
    assert new_entry.page_label == printed[headings[heading]]
    assert _painted_page_column(window, heading) == new_entry.page_label
    # The status bar: the page the caret is on, as printed, of the last page's label.
    count = plan.labels[-1].rsplit("-", 1)[-1]
    for line in (0, heading, a_line, window.editor.document().blockCount() - 1):
        assert _status_for_line(window, line) == (
            f"Page {_plan_label_of_line(plan, line)} of {count}"
        )
    assert "sheets to print" in window.status.page_label.toolTip()


def test_a_page_emptied_is_combined_with_the_next_on_screen(locked) -> None:
    window, _production, _heading = locked
    plan = _plan(window)
    pages = plan.pagination.pages
    # Cut the whole text of the page labelled 10 (it folds into 11: "10-11").
    index = plan.labels.index("10")
    start, end = pages[index].first_source_line, pages[index + 1].first_source_line
    document = window.editor.document()
    cursor = QTextCursor(document.findBlockByNumber(start))
    cursor.setPosition(document.findBlockByNumber(end).position(), QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    window.wait_until_ready()
    plan = _plan(window)
    assert "10-11" in plan.labels
    assert _rule_labels(window) == _plan_rules(plan)
    line = next(line for line, label in _plan_rules(plan) if label == "10-11")
    assert "10-11." in _painted_rules(window, line)
    assert _status_for_line(window, line).startswith("Page 10-11 of ")


def test_any_edits_under_the_lock_keep_the_screen_on_the_pdfs_labels(locked) -> None:
    """Cuts, pastes and typing anywhere (seeded): after each, the rules and the navigator
    are the plan's, whatever labels the lock makes of them (A-pages, combined pages,
    pages merged into the one before)."""
    import random

    window, _production, _heading = locked
    document = window.editor.document()
    chooser = random.Random(19)
    for _ in range(6):
        blocks = document.blockCount()
        start = chooser.randrange(blocks)
        cursor = QTextCursor(document.findBlockByNumber(start))
        kind = chooser.choice(("cut", "paste", "type"))
        if kind == "cut":
            end = min(blocks - 1, start + chooser.randrange(5, 120))
            cursor.setPosition(
                document.findBlockByNumber(end).position(), QTextCursor.MoveMode.KeepAnchor
            )
            cursor.removeSelectedText()
        elif kind == "paste":
            cursor.insertText(NEW_SCENE[: chooser.randrange(40, len(NEW_SCENE))] + "\n\n")
        else:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertText(" and the rain goes on" * chooser.randrange(1, 30))
        window.wait_until_ready()
        plan = _plan(window)
        assert _rule_labels(window) == _plan_rules(plan), kind
        analysis = window.analyzer.latest
        assert analysis is not None and analysis.page_count == plan.page_count
        printed = plan.scene_pages()
        headings = {
            element.start_line: index
            for index, element in enumerate(analysis.script.elements)
            if element.type is ElementType.SCENE_HEADING
        }
        scenes = [e for e in window.navigator.entries if e.kind == "scene"]
        assert [e.page_label for e in scenes] == [printed[headings[e.line]] for e in scenes]


def test_unlocking_numbers_the_pages_again_at_once(locked) -> None:
    window, production, heading = locked
    assert any(not str(page).isdigit() for _, page in window.editor.page_starts)
    production.unlock_pages()
    assert not window.analyzer.pending()  # analysed now, not after a typing pause
    window.wait_until_ready()
    plan = _plan(window)
    assert plan.labels == [str(n) for n in range(1, len(plan.labels) + 1)]
    assert _rule_labels(window) == _plan_rules(plan)
    assert all(type(page) is int for _, page in window.editor.page_starts)
    scenes = [e for e in window.navigator.entries if e.kind == "scene"]
    assert all(entry.page_label == str(entry.page) for entry in scenes)
    new_entry = next(entry for entry in scenes if entry.line == heading)
    assert _painted_page_column(window, heading) == new_entry.page_label
    assert _status_for_line(window, heading) == (
        f"Page {_plan_label_of_line(plan, heading)} of {len(plan.labels)}"
    )
    assert window.status.page_label.toolTip() == ""
    # Locking again: the views take today's labels at once.
    window.actions_by_id["production.lock_pages"].trigger()
    assert not window.analyzer.pending()
    window.wait_until_ready()
    assert _rule_labels(window) == _plan_rules(_plan(window))


def test_undoing_the_lock_brings_the_plain_numbers_back(qtbot, tmp_path) -> None:
    path = tmp_path / "card.fountain"
    path.write_text(SOURCE.read_text("utf-8"), "utf-8")
    window, _production = _open(qtbot, path)
    window.actions_by_id["production.lock_pages"].trigger()
    window.wait_until_ready()
    _insert_scene_on_page(window, 5)
    locked = _rule_labels(window)
    assert any(label.endswith("A") for _, label in locked)
    window.editor.undo()  # the scene
    window.editor.undo()  # the lock
    window.wait_until_ready()
    assert window.document.data.pages is None
    assert _rule_labels(window) == _plan_rules(_plan(window))
    assert all(label.isdigit() for _, label in _rule_labels(window))


@pytest.fixture
def chinese(qtbot, tmp_path) -> Iterator[tuple[MainWindow, int]]:
    path = tmp_path / "card.fountain"
    path.write_text(SOURCE.read_text("utf-8"), "utf-8")
    settings = Settings()
    settings.set("ui/language", "zh_CN")
    window, _production = _open(qtbot, path, settings)
    window.actions_by_id["production.lock_pages"].trigger()
    window.wait_until_ready()
    heading = _insert_scene_on_page(window, 5)
    yield window, heading
    app = QApplication.instance()
    assert app is not None
    assert i18n.install(app, "en") == "en"  # the other tests' windows are in English


def test_the_status_bar_in_chinese(chinese) -> None:
    window, heading = chinese
    plan = _plan(window)
    analysis = window.analyzer.latest
    assert analysis is not None
    count = plan.labels[-1].rsplit("-", 1)[-1]
    label = _plan_label_of_line(plan, heading)
    assert _status_for_line(window, heading) == f"第 {label} 页，共 {count} 页"
    number = next(e.number for e in window.navigator.entries if e.line == heading)
    assert window.status.scene_label.text() == f"第 {number} 场"
    words = window.status.words_label.text()
    assert words.endswith(" 字")
    assert words[:-2].replace(",", "") == str(analysis.words)
    assert window.status.runtime_label.text().endswith(" 分钟")
    assert window.status.page_label.toolTip().startswith("页面已锁定")


def test_runtime_and_words_in_english_and_chinese(qapp) -> None:
    from reelwright.desktop.statusbar import format_runtime, format_words

    assert format_runtime(42.4) == "42 min"
    assert format_runtime(95) == "1 h 35 min"
    grouped = QLocale().toString(12345)  # the locale's grouping: 12,345 or 12345
    assert format_words(1) == "1 word"
    assert format_words(12345) == f"{grouped} words"
    try:
        assert i18n.install(qapp, "zh_CN") == "zh_CN"
        assert format_runtime(42) == "42 分钟"
        assert format_runtime(125) == "2 小时 05 分钟"
        assert format_words(1) == "1 字"
        assert format_words(12345) == f"{grouped} 字"
    finally:
        assert i18n.install(qapp, "en") == "en"


def test_a_print_preference_changed_under_a_lock_keeps_the_locks_paper(qtbot, tmp_path) -> None:
    """Pages locked on one paper, the paper then left to a locale that uses the other: the
    editor's columns stay the lock's paper at once (they used to switch to the locale's and
    back when the analysis came)."""
    path = tmp_path / "card.fountain"
    path.write_text(SOURCE.read_text("utf-8"), "utf-8")
    settings = Settings()
    settings.set("editor/paper", "")
    locale_paper = PrintSetup.from_settings(settings.get).paper_name
    lock_paper = "a4" if locale_paper == "letter" else "letter"
    settings.set("editor/paper", lock_paper)
    window, _production = _open(qtbot, path, settings)
    window.actions_by_id["production.lock_pages"].trigger()
    window.wait_until_ready()
    lock = window.document.data.pages
    assert lock is not None and lock.paper == lock_paper
    locked_layout = window.editor.page_layout
    settings.set("editor/paper", "")  # left to the locale
    assert window.editor.page_layout == locked_layout
    window.wait_until_ready()
    assert window.editor.page_layout == locked_layout
    assert window.analyzer.latest is not None and window.analyzer.latest.layout == locked_layout
