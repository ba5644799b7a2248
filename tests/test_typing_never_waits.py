"""The window's side of issue 18: what an analysis, a refresh or a collection leaves to
the window's thread is small, and the one print setup reaches every view (issue 17)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from reelwright.desktop.app import create_window
from reelwright.desktop.navigator import ENTRY_ROLE
from reelwright.desktop.settings import Settings

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@pytest.fixture
def big_fish(qtbot, tmp_path):
    path = tmp_path / "big-fish.fountain"
    path.write_text((CORPUS / "Big-Fish.fountain").read_text(encoding="utf-8"), "utf-8")
    settings = Settings()
    settings.set("spelling/enabled", False)
    window = create_window(path, settings, offer_recovery=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.wait_until_ready()
    yield window
    window.editor.document().setModified(False)
    window.close()
    window.analyzer.shutdown()


def test_the_navigator_writes_an_edit_into_its_items(big_fish, qtbot):
    """An edit inside a scene keeps the tree: the same items show the new entries (a new
    tree of 200 scenes cost the window's thread 17-66 ms per analysis)."""
    window = big_fish
    navigator = window.navigator
    items = list(navigator._items)
    scenes = [e for e in navigator.entries if e.kind == "scene"]
    target = scenes[10]
    editor = window.editor
    editor.go_to_line(target.line + 2)
    editor.textCursor().insertText("Paint dries. ")
    window.wait_until_ready()
    assert navigator._items == items  # no new tree
    after = [e for e in navigator.entries if e.kind == "scene"]
    assert after[10].body != target.body and "paint dries." in after[10].body
    item = navigator._items_by_line[target.line]
    assert item.data(0, ENTRY_ROLE) == after[10]
    # The filter reads the new text.
    navigator.filter_edit.setText("paint dries")
    assert [e.line for e in navigator.visible_entries() if e.kind == "scene"] == [target.line]
    navigator.filter_edit.setText("")
    # A new scene changes the shape: a new tree, the new scene in it.
    editor.go_to_line(target.line)
    editor.textCursor().insertText("INT. NEW PLACE - DAY\n\nSomeone waits.\n\n")
    window.wait_until_ready()
    assert len([e for e in navigator.entries if e.kind == "scene"]) == len(scenes) + 1
    assert navigator._items != items
    entry = navigator._items_by_line[target.line].data(0, ENTRY_ROLE)
    assert entry.text == "INT. NEW PLACE - DAY"


def test_an_analysis_comes_to_the_window_made(big_fish, monkeypatch):
    """Delivering an analysis runs neither the outline nor the script's vocabulary on the
    window's thread: the worker made them."""
    from reelwright.desktop import navigator as navigator_module
    from reelwright.screenplay import spelling

    window = big_fish
    called: list[str] = []
    monkeypatch.setattr(
        navigator_module, "outline_entries", lambda *a, **k: called.append("outline") or []
    )
    monkeypatch.setattr(
        spelling, "script_vocabulary", lambda *a, **k: called.append("vocabulary") or set()
    )
    analysis = window.analyzer._analyse(window.editor.script_text(), window.analyzer.setup)
    called.clear()
    window.analyzer.latest = analysis
    window.analyzer.ready.emit(analysis)
    assert called == []
    assert window.navigator.entries == analysis.outline


def test_the_window_shows_before_a_long_scripts_pages(qtbot, tmp_path):
    """create_window starts the analysis on the worker and returns: the pages come later."""
    path = tmp_path / "long.fountain"
    text = (CORPUS / "Big-Fish.fountain").read_text(encoding="utf-8")
    path.write_text(text + ("\n" + text.split("\n\n", 1)[1]) * 3, "utf-8")
    settings = Settings()
    settings.set("spelling/enabled", False)
    window = create_window(path, settings, offer_recovery=False)
    qtbot.addWidget(window)
    try:
        assert window.analyzer.latest is None  # not analysed on this thread
        assert not window.navigator.entries and window.status._page_count == 0
        qtbot.waitUntil(lambda: window.analyzer.latest is not None, timeout=60_000)
        assert window.status._page_count > 400 and window.navigator.entries
    finally:
        window.editor.document().setModified(False)
        window.close()
        window.analyzer.shutdown()


def test_garbage_is_collected_in_the_writers_pauses(big_fish, qtbot, monkeypatch):
    """After a pause the window collects and freezes what survives (the collector then
    walks only what was made since); closing the last window gives it back."""
    from reelwright.desktop import idle_gc

    window = big_fish
    collector = window.collector
    # The only window open here: earlier tests' windows that were never closed (only
    # dropped) would otherwise still count as open.
    monkeypatch.setattr(idle_gc, "_alive", {collector._key})
    busy = [True]
    collector._busy = lambda: busy[0]
    collector.collect()  # the worker is busy: later
    assert collector.seconds == 0.0 and collector._timer.isActive()
    busy[0] = False
    collector.collect()  # the first: every object
    assert gc.get_freeze_count() > 10_000 and collector.seconds > 0
    full_at, frozen = collector._full_at, gc.get_freeze_count()
    collector.collect()  # the next ones: what was made since, the frozen stay frozen
    assert collector._full_at == full_at and gc.get_freeze_count() >= frozen
    window.editor.textCursor().insertText("x")  # an edit: collected again after a pause
    assert collector._timer.isActive() and collector._timer.interval() == idle_gc.IDLE_MS
    window.editor.document().setModified(False)
    window.close()
    assert gc.get_freeze_count() == 0


def test_the_profile_is_chosen_in_the_script_menu(big_fish, qtbot):
    window = big_fish
    pages = window.analyzer.latest.page_count
    action = window.profile_actions["multicam"]
    assert window.profile_actions["screenplay"].isChecked() and not action.isChecked()
    action.trigger()
    assert window.settings.get("print/profile") == "multicam"
    assert window.editor.page_layout.profile == "multicam"  # the columns at once
    window.wait_until_ready()
    assert window.analyzer.latest.setup.profile == "multicam"
    assert window.analyzer.latest.page_count != pages  # every scene on a new page...
    assert action.isChecked()
    window.profile_actions["screenplay"].trigger()
    window.wait_until_ready()
    assert window.analyzer.latest.page_count == pages


def test_spell_check_opened_before_the_script_redoes_only_its_misspelt_lines(qtbot, tmp_path):
    """The dictionary starts loading before the file is read (create_window installs the
    desk first): the lines to redo are found again on a worker, not every block."""
    from reelwright.desktop.spell_check import SpellCheck

    path = tmp_path / "big-fish.fountain"
    path.write_text((CORPUS / "Big-Fish.fountain").read_text(encoding="utf-8"), "utf-8")
    settings = Settings()
    settings.set("spelling/enabled", True)
    window = create_window(path, settings, offer_recovery=False)
    qtbot.addWidget(window)
    redone: list[int] = []
    highlighter = window.editor.highlighter
    original = highlighter.refresh_blocks

    def counted(blocks=None):
        count = highlighter.document().blockCount()
        blocks = list(blocks) if blocks is not None else list(range(count))
        redone.extend(blocks)
        original(blocks)

    highlighter.refresh_blocks = counted  # type: ignore[method-assign]
    try:
        checker = window.findChild(SpellCheck)
        assert checker is not None and checker.wait_until_loaded(60)
        window.wait_until_ready()
        count = window.editor.document().blockCount()
        assert 0 < len(redone) < count // 10, (len(redone), count)
    finally:
        window.editor.document().setModified(False)
        window.close()
        window.analyzer.shutdown()


def test_the_co_writers_thread_leaves_the_interpreters_switch_interval_alone(qtbot):
    """The model thread's Python parts are short and llama.cpp's calls release the
    interpreter, so the window keeps its turns without a process-wide setting."""
    import sys

    from reelwright.desktop.model_worker import ModelHost

    interval = sys.getswitchinterval()
    host = ModelHost()
    try:
        assert sys.getswitchinterval() == interval
    finally:
        host.shutdown()
