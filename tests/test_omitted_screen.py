"""A scene deleted by typing under locked scene numbers (issue 19): the PDF prints its
``OMITTED`` heading before Lock Scene Numbers writes it into the text; in the real window
the page rules, the status bar and the navigator's page column paginate what the PDF
paginates (``page_plan.plan_print``, File > Export's plan), under locked scene numbers
alone and with locked pages. Lines of the printed text are taken back to the editor's with
difflib here (an independent reading of what ``apply_lock`` inserts)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from reelwright.desktop.analysis import analyse
from reelwright.desktop.app import create_window
from reelwright.desktop.documents import Prompts, UnsavedChoice
from reelwright.desktop.main_window import MainWindow
from reelwright.desktop.production import install_production
from reelwright.desktop.settings import Settings
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.page_plan import PrintPlan, plan_print
from reelwright.screenplay.parser import parse
from reelwright.screenplay.print_setup import PrintSetup
from reelwright.screenplay.production_file import Draft
from reelwright.screenplay.scene_lock import is_omitted, source_lines
from reelwright.screenplay.textdiff import split_lines

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SOURCE = CORPUS / "The-Last-Birthday-Card.fountain"


class _Discarding(Prompts):
    def unsaved(self, name: str) -> UnsavedChoice:
        return "discard"


def _open(qtbot, path: Path) -> MainWindow:
    window = create_window(path, Settings(), offer_recovery=False, prompts=_Discarding())
    qtbot.addWidget(window)
    window.resize(1100, 800)
    window.show()
    window.wait_until_ready()
    install_production(window)
    return window


def _setup(window: MainWindow) -> PrintSetup:
    return PrintSetup.from_settings(window.settings.get, sheet=True)


def _plan(window: MainWindow) -> tuple[PrintPlan, list[int | None]]:
    """What File > Export prints for the window's draft (``Document.export``'s plan), and
    for each line of the text it prints the editor's line (an inserted line: the one it
    stands before)."""
    draft = window.document.draft()
    plan = plan_print(parse(draft.body), _setup(window), draft)
    return plan, _to_editor(draft.for_export().body, draft.body)


def _to_editor(printed: str, text: str) -> list[int | None]:
    old, new = split_lines(text), split_lines(printed)
    mapping: list[int | None] = [None] * len(new)
    matcher = difflib.SequenceMatcher(None, new, old, autojunk=False)
    for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
        for i in range(i1, i2):
            if tag == "equal":
                mapping[i] = j1 + (i - i1)
            else:  # inserted: the heading it stands before (at the end: the last line)
                after = next((j for j in range(j1, len(old)) if old[j].strip()), None)
                mapping[i] = after if after is not None else len(old) - 1
    return mapping


def _inserted(printed: str, text: str) -> set[int]:
    old, new = split_lines(text), split_lines(printed)
    matcher = difflib.SequenceMatcher(None, new, old, autojunk=False)
    return {
        i
        for tag, i1, i2, _j1, _j2 in matcher.get_opcodes()
        if tag != "equal"
        for i in range(i1, i2)
    }


def _plan_rules(plan: PrintPlan, mapping: list[int | None]) -> list[tuple[int, str]]:
    """(editor line where each printed page after the first begins, its label)."""
    pages = plan.pagination.pages
    rules = []
    for page, label in list(zip(pages, plan.labels, strict=True))[1:]:
        line = mapping[page.first_source_line]
        assert line is not None
        rules.append((line, label))
    return rules


def _rules(window: MainWindow) -> list[tuple[int, str]]:
    return [(line, str(page)) for line, page in window.editor.page_starts]


def _count(plan: PrintPlan, pages_locked: bool) -> str:
    return plan.labels[-1].rsplit("-", 1)[-1] if pages_locked else str(plan.page_count)


def _label_of_line(plan: PrintPlan, mapping: list[int | None], line: int) -> str:
    label = plan.labels[0]
    for page, page_label in zip(plan.pagination.pages, plan.labels, strict=True):
        start = mapping[page.first_source_line]
        if start is not None and start <= line:
            label = page_label
    return label


def _status_for_line(window: MainWindow, line: int) -> str:
    window.editor.go_to_line(line)
    QApplication.processEvents()
    return window.status.page_label.text()


def _scene_span(text: str, heading: int) -> tuple[int, int]:
    """The lines of the scene whose heading is on ``heading``: to the next heading."""
    script = parse(text)
    starts = [e.start_line for e in script.elements if e.type is ElementType.SCENE_HEADING]
    later = [line for line in starts if line > heading]
    return heading, later[0] if later else script.line_count


def _without(text: str, span: tuple[int, int]) -> str:
    lines = text.split("\n")
    return "\n".join(lines[: span[0]] + lines[span[1] :])


def _scene_that_moves_a_break(window: MainWindow) -> tuple[int, int]:
    """A scene whose deletion makes the PDF's pages differ from the pages of the text the
    editor holds (what the window showed before: the text paginated without the OMITTED
    heading), found with the core alone."""
    text = window.editor.script_text()
    data = window.document.data
    setup = _setup(window)
    headings = [
        e.start_line
        for e in parse(text).elements
        if e.type is ElementType.SCENE_HEADING and not is_omitted(e)
    ]
    for heading in headings[1:-1]:
        span = _scene_span(text, heading)
        cut = _without(text, span)
        carried = data.copy()
        carried.carry(text, cut)
        draft = Draft(cut, carried)
        plan = plan_print(parse(cut), setup, draft)
        mapping = _to_editor(draft.for_export().body, cut)
        before = analyse(cut, setup, lock=carried.pages)
        shown = [(line, str(page)) for line, page in before.page_starts]
        if shown != _plan_rules(plan, mapping):
            return span
    raise AssertionError("no scene of the script moves a page break when omitted")


def _check_screen(window: MainWindow, pages_locked: bool, heading: int) -> None:
    """The page rules, the status bar and the navigator's page column are the plan's."""
    plan, mapping = _plan(window)
    draft = window.document.draft()
    printed = draft.for_export().body
    assert printed != draft.body, "the PDF prints an OMITTED heading the text does not hold"
    analysis = window.analyzer.latest
    assert analysis is not None
    assert analysis.page_count == plan.page_count
    assert _rules(window) == _plan_rules(plan, mapping)
    # The navigator: each scene's page column is the label of the page the PDF starts it on.
    inserted = _inserted(printed, draft.body)
    printed_scene = {}
    for index, element in enumerate(plan.script.elements):
        if element.type is ElementType.SCENE_HEADING and element.start_line not in inserted:
            printed_scene[mapping[element.start_line]] = index
    scene_pages = plan.scene_pages()
    scenes = [e for e in window.navigator.entries if e.kind == "scene"]
    assert scenes
    assert [entry.page_label for entry in scenes] == [
        scene_pages[printed_scene[entry.line]] for entry in scenes
    ]
    # The status bar: the page the caret is on, as printed, of the PDF's count.
    count = _count(plan, pages_locked)
    last = window.editor.document().blockCount() - 1
    rule_lines = [line for line, _label in _rules(window)]
    for line in (0, heading, *rule_lines[-3:], last):
        assert _status_for_line(window, line) == (
            f"Page {_label_of_line(plan, mapping, line)} of {count}"
        )


@pytest.fixture(params=["scenes", "scenes and pages", "pages and scenes"])
def locked(request, qtbot, tmp_path) -> Iterator[tuple[MainWindow, bool]]:
    path = tmp_path / "card.fountain"
    path.write_text(SOURCE.read_text("utf-8"), "utf-8")
    window = _open(qtbot, path)
    for what in request.param.split(" and "):
        window.actions_by_id[f"production.lock_{what}"].trigger()
        window.wait_until_ready()
    assert window.document.data.scenes is not None
    yield window, window.document.data.pages is not None


def test_a_scene_cut_prints_omitted_and_the_screen_paginates_it(locked) -> None:
    window, pages_locked = locked
    start, end = _scene_that_moves_a_break(window)
    document = window.editor.document()
    cursor = QTextCursor(document.findBlockByNumber(start))
    cursor.setPosition(document.findBlockByNumber(end).position(), QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    window.editor.cut()
    window.wait_until_ready()
    _check_screen(window, pages_locked, start)
    # The OMITTED heading moves a page break: the text's own pages (what the window showed
    # before it paginated the printed text) are not the PDF's.
    plan, mapping = _plan(window)
    before = analyse(window.editor.script_text(), _setup(window), lock=window.document.data.pages)
    assert [(line, str(page)) for line, page in before.page_starts] != _plan_rules(plan, mapping)
    # Undo brings the scene back: no OMITTED heading, the screen is the plan's still.
    window.editor.undo()
    window.wait_until_ready()
    plan, mapping = _plan(window)
    assert _rules(window) == _plan_rules(plan, mapping)


def test_a_scene_deleted_with_the_keyboard(locked, qtbot) -> None:
    window, pages_locked = locked
    start, end = _scene_that_moves_a_break(window)
    editor = window.editor
    editor.go_to_line(start)
    editor.setFocus()
    while editor.textCursor().blockNumber() < end:  # Shift+Down goes by screen lines
        qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().positionInBlock() == 0
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    window.wait_until_ready()
    _check_screen(window, pages_locked, start)


def test_the_last_scene_deleted_prints_omitted_at_the_end(locked) -> None:
    window, pages_locked = locked
    text = window.editor.script_text()
    headings = [e.start_line for e in parse(text).elements if e.type is ElementType.SCENE_HEADING]
    document = window.editor.document()
    cursor = QTextCursor(document.findBlockByNumber(headings[-1]))
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    window.wait_until_ready()
    _check_screen(window, pages_locked, max(headings[-1] - 1, 0))


def test_source_lines_take_every_printed_line_back_to_the_text(locked) -> None:
    """``scene_lock.source_lines`` agrees with difflib on a script with scenes cut here and
    there, the last one too (OMITTED headings inserted by the export)."""
    window, _pages_locked = locked
    text = window.editor.script_text()
    headings = [e.start_line for e in parse(text).elements if e.type is ElementType.SCENE_HEADING]
    for heading in sorted({*headings[1::7], headings[-1]}, reverse=True):
        text = _without(text, _scene_span(text, heading))
    draft = Draft(text, window.document.data.copy())
    printed = draft.for_export().body
    assert printed.count(".OMITTED") >= 2
    mapping = _to_editor(printed, text)
    found = source_lines(text, printed)
    assert len(found) == len(mapping)
    # Which of two blank lines was inserted is a matter of choice; every line with text
    # must go back to the same line.
    lines = split_lines(printed)
    assert [found[i] for i, line in enumerate(lines) if line.strip()] == [
        mapping[i] for i, line in enumerate(lines) if line.strip()
    ]
    assert found == sorted(found)
