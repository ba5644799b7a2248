"""Script → Cues without Capitals: the per-script choice the parser reads from the title
page (``Caseless cues: yes|no``), written and removed from the app as one undo step, and
followed at once by the editor's lines, the navigator and the cue completer."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelwright.desktop.app import create_window
from reelwright.desktop.documents import Prompts, UnsavedChoice
from reelwright.desktop.settings import Settings
from reelwright.desktop.title_page import title_entries, with_title_value
from reelwright.screenplay.lines import Kind
from reelwright.screenplay.parser import parse

CHINESE = """．内景 医院走廊 - 夜

护士推着轮椅走过走廊。

张伟
你好，医生。

李娜
（轻声）
他睡了。
"""

ENGLISH = """Title: Night Shift
Author: Ada Quill

INT. WARD - NIGHT

The nurse stops at the last bed.

李娜
He is asleep.
"""


class DiscardingPrompts(Prompts):
    def unsaved(self, name: str) -> UnsavedChoice:
        return "discard"


@pytest.fixture
def open_script(qtbot, tmp_path: Path):
    def make(text: str, name: str) -> object:
        path = tmp_path / name
        path.write_text(text, "utf-8")
        window = create_window(path, Settings(), offer_recovery=False, prompts=DiscardingPrompts())
        qtbot.addWidget(window)
        window.show()
        window.wait_until_ready()
        return window

    return make


def _kind_of(window, line: str) -> Kind:
    doc = window.editor.document()
    block = doc.begin()
    while block.isValid():
        if block.text() == line:
            return window.editor.block_kind(block)
        block = block.next()
    raise AssertionError(f"no line {line!r}")


def _speakers(window) -> set[str]:
    return {name for entry in window.navigator.entries for name in entry.characters}


def _choose(window, action_id: str) -> None:
    window.caseless_menu.aboutToShow.emit()
    window.actions_by_id[action_id].trigger()


def test_switching_off_names_without_capitals_in_a_chinese_script(open_script):
    window = open_script(CHINESE, "走廊.fountain")
    window.caseless_menu.aboutToShow.emit()
    auto = window.actions_by_id["script.caseless_auto"]
    assert auto.isChecked() and auto.text() == "&Automatic (now on)"
    assert _kind_of(window, "张伟") is Kind.CHARACTER
    assert _speakers(window) == {"张伟", "李娜"}

    _choose(window, "script.caseless_off")
    text = window.editor.script_text()
    # No title page to hold the key: one is made, with the known key a title page needs.
    assert text.startswith("Title: 走廊\nCaseless cues: no\n\n．内景 医院走廊 - 夜\n")
    assert text.endswith(CHINESE)
    assert parse(text).caseless_cues is False
    assert _kind_of(window, "张伟") is Kind.ACTION
    assert _kind_of(window, "你好，医生。") is Kind.ACTION
    assert _speakers(window) == set()
    assert "张伟" not in window.editor.completion_data.characters
    assert "a title page was added" in window.statusBar().currentMessage()
    window.caseless_menu.aboutToShow.emit()
    assert window.actions_by_id["script.caseless_off"].isChecked()

    window.editor.undo()  # the whole change is one step
    assert window.editor.script_text() == CHINESE
    window.analyzer.run_now()
    assert _kind_of(window, "张伟") is Kind.CHARACTER
    assert _speakers(window) == {"张伟", "李娜"}


def test_switching_on_names_without_capitals_in_a_script_with_capitals(open_script):
    window = open_script(ENGLISH, "night.fountain")
    window.caseless_menu.aboutToShow.emit()
    assert window.actions_by_id["script.caseless_auto"].text() == "&Automatic (now off)"
    assert _kind_of(window, "李娜") is Kind.ACTION

    _choose(window, "script.caseless_on")
    text = window.editor.script_text()
    assert text.split("\n")[:3] == ["Title: Night Shift", "Author: Ada Quill", "Caseless cues: yes"]
    assert _kind_of(window, "李娜") is Kind.CHARACTER
    assert _kind_of(window, "He is asleep.") is Kind.DIALOGUE
    assert _speakers(window) == {"李娜"}
    assert "李娜" in window.editor.completion_data.characters
    assert window.caseless_cues_choice() is True

    _choose(window, "script.caseless_off")  # the key is rewritten in place
    assert window.editor.script_text().split("\n")[2] == "Caseless cues: no"
    assert _kind_of(window, "李娜") is Kind.ACTION

    _choose(window, "script.caseless_auto")  # back to the letters: the key goes
    assert window.editor.script_text() == ENGLISH
    assert window.caseless_cues_choice() is None
    assert _kind_of(window, "李娜") is Kind.ACTION
    window.editor.undo()
    assert window.editor.script_text().split("\n")[2] == "Caseless cues: no"


def test_the_title_page_edit_keeps_what_the_writer_typed():
    """Full-width colons stay full-width; values of several lines go as a whole; the rest
    of the text is untouched; no title page and no key: nothing to remove."""
    typed = "Title：电影\n作者：张\n\n内景。 医院-天\n"
    added = with_title_value(typed, "Caseless cues", "no")
    assert added == "Title：电影\n作者：张\nCaseless cues：no\n\n内景。 医院-天\n"
    assert title_entries(added)["Caseless cues"] == "no"
    assert with_title_value(added, "caseless cues", None) == typed
    long_value = "Title: X\nCaseless cues: yes\n   stray\nNotes: n\n\nINT. A - DAY\n"
    assert with_title_value(long_value, "Caseless cues", "no") == (
        "Title: X\nCaseless cues: no\nNotes: n\n\nINT. A - DAY\n"
    )
    assert with_title_value("INT. A - DAY\n", "Caseless cues", None) == "INT. A - DAY\n"
    assert with_title_value("", "Caseless cues", "yes") == "Title: Untitled\nCaseless cues: yes"
    assert with_title_value("\nINT. A - DAY\n", "Caseless cues", "yes", "A") == (
        "Title: A\nCaseless cues: yes\n\nINT. A - DAY\n"
    )
