"""Writing goals: the counting (``screenplay.goals``) and the status bar in the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk_support import analyse_now, open_desk
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reelwright.screenplay.goals import (
    Count,
    Goal,
    pages_to_eighths,
    printed_pages,
    progress,
)


def test_pages_to_eighths() -> None:
    assert [pages_to_eighths(p) for p in (0, 0.125, 0.5, 1, 2.375, 2.99)] == [
        "0",
        "1/8",
        "4/8",
        "1",
        "2 3/8",
        "3",
    ]


def test_printed_pages_counts_the_last_page_by_its_fill() -> None:
    assert printed_pages(0, [], 0) == 0
    # Pages 2 and 3 start at lines 100 and 200: 100 source lines a page; the last page
    # holds 50 of them, half a page.
    assert printed_pages(3, [(100, 2), (200, 3)], 250) == 2.5
    assert printed_pages(3, [(100, 2), (200, 3)], 400) == 3  # never more than full
    assert printed_pages(3, [(100, 2), (200, 3)], 201) == 2.125  # at least an eighth
    assert 0 < printed_pages(1, [], 20) < 1


@pytest.mark.parametrize(
    ("goal", "current", "baseline", "done", "text", "reached"),
    [
        (
            Goal("words", "session", 500),
            Count(1300, 5),
            Count(1000, 4),
            300,
            "300 / 500 words this session",
            False,
        ),
        (
            Goal("words", "session", 500),
            Count(900, 4),
            Count(1000, 4),
            0,
            "0 / 500 words this session",
            False,
        ),
        (
            Goal("pages", "draft", 110),
            Count(0, 87.25),
            Count(0, 80),
            87.25,
            "87 2/8 / 110 pages in the draft",
            False,
        ),
        (
            Goal("pages", "session", 2),
            Count(0, 12.5),
            Count(0, 10.25),
            2.25,
            "2 2/8 / 2 pages this session",
            True,
        ),
    ],
)
def test_progress(
    goal: Goal, current: Count, baseline: Count, done: float, text: str, reached: bool
) -> None:
    state = progress(goal, current, baseline)
    assert state.done == done
    assert state.text() == text
    assert state.reached is reached
    assert 0 <= state.fraction <= 1


def test_goal_in_the_status_bar(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path)
    goals = desk.goals
    assert goals.readout.isHidden()  # no goal yet
    reached: list[object] = []
    goals.reached.connect(reached.append)
    goals.set_goal("words", "session", 10)
    assert not goals.readout.isHidden()
    assert goals.readout.label.text() == "Goal: 0 / 10 words this session"
    editor = window.editor
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Six words are typed right here.")
    analyse_now(window)
    assert goals.readout.label.text() == "Goal: 6 / 10 words this session"
    assert goals.readout.bar.value() == 600
    qtbot.keyClicks(editor, " And four words more.")
    analyse_now(window)
    assert goals.readout.label.text() == "✓ 10 / 10 words this session"
    assert len(reached) == 1
    assert "Goal reached" in window.statusBar().currentMessage()
    analyse_now(window)
    assert len(reached) == 1  # said once
    # A draft goal counts the whole script; the preference keeps it.
    goals.set_goal("pages", "draft", 100)
    # 28 source lines on a one-page script: about half a page.
    assert goals.readout.label.text() == "Goal: 4/8 / 100 pages in the draft"
    assert window.settings.get("goals/kind") == "pages"
    goals.set_goal("", "session", 0)
    assert goals.readout.isHidden()


def test_opening_another_script_starts_a_new_session(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path)
    desk.goals.set_goal("words", "session", 100)
    other = tmp_path / "other.fountain"
    other.write_text("INT. ROOM - DAY\n\n" + "word " * 50 + "\n", "utf-8")
    window.open_path(other)
    assert desk.goals.readout.label.text() == "Goal: 0 / 100 words this session"


def test_goals_reports_and_statistics_count_the_same_words(qtbot, tmp_path: Path) -> None:
    """One word count (``stats.count_words``): each Chinese character is a word."""
    from reelwright.screenplay.layout import layout_for
    from reelwright.screenplay.parser import parse
    from reelwright.screenplay.reports import build_report
    from reelwright.screenplay.stats import script_facts

    text = "INT。 医院 - 夜\n\n张伟赶到医院。Tom来了。\n\n张伟\n你来晚了。\n\n= 梗概不算。\n"
    window, desk = open_desk(qtbot, tmp_path, text, name="chinese.fountain")
    desk.goals.set_goal("words", "draft", 100)
    # INT 医院 夜 4, 张伟赶到医院 6, Tom来了 3, 张伟 2, 你来晚了 4; the synopsis is not printed.
    assert desk.goals.readout.label.text() == "Goal: 19 / 100 words in the draft"
    assert window.analyzer.latest is not None and window.analyzer.latest.words == 19
    script = parse(text)
    assert script_facts(script).words == 19
    assert build_report(script, layout_for("letter")).words == 19
