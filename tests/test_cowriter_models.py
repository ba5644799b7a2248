"""The co-writer in the window end to end, on real models: the embedded SmolLM2 once (a
dialogue streamed, accepted as one undo step), and the tiny GPT-NeoX, whose grammars keep
even its random weights valid, for everything else that needs llama.cpp itself: replaced
requests on the model thread, a file that cannot load, the context
menu, logline, shot list and trailer. The panel's behaviour in detail is tested on the
stand-in engine (``test_cowriter.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu
from test_cowriter_support import DIALOGUE_LINE, SCRIPT, WindowFactory, fix_sampler, window_factory

from reelwright.models.actions import PromptReady, SuggestionChunk
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.parser import parse

LONG_WAIT_MS = 240_000


@pytest.fixture
def make_window(qtbot, tmp_path: Path) -> Iterator[WindowFactory]:
    yield from window_factory(qtbot, tmp_path)


def click_action(qtbot, window, cowriter, action: str) -> None:
    button = window.toolbar.widgetForAction(cowriter.actions[action])
    assert button is not None
    qtbot.waitUntil(button.isVisible, timeout=2000)  # the toolbar lays out on the next pass
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def watch_stream(cowriter) -> list[tuple[bool, int]]:
    """Samples (streaming?, length of the first take's text) every 20 ms."""
    samples: list[tuple[bool, int]] = []
    timer = QTimer(cowriter)
    timer.setInterval(20)

    def sample() -> None:
        views = cowriter.panel.views
        length = len(views[0].text.toPlainText()) if views else 0
        samples.append((cowriter.panel.streaming, length))

    timer.timeout.connect(sample)
    timer.start()
    return samples


@pytest.fixture(params=["embedded", "tiny-gptneox"])
def model_choice(request, default_model_path: Path, tiny_gptneox_gguf: Path) -> Path:
    return default_model_path if request.param == "embedded" else tiny_gptneox_gguf


def test_click_streams_accept_inserts_and_one_undo_removes_it(
    qtbot, make_window, model_choice: Path
) -> None:
    window, cowriter = make_window(model_choice)
    n_ctx = 512 if "tiny" in model_choice.name else 4096
    fix_sampler(window.settings, "continue-dialogue", n_ctx=n_ctx)
    samples = watch_stream(cowriter)
    chunks: list[str] = []
    cowriter.host.chunk.connect(lambda event: chunks.append(event.text))
    original = window.editor.script_text()
    with qtbot.waitSignal(cowriter.job_finished, timeout=LONG_WAIT_MS) as finished:
        click_action(qtbot, window, cowriter, "continue-dialogue")
    done = finished.args[0]
    assert done.reason == "done", done.message
    panel = cowriter.panel
    assert len(chunks) >= 10  # token by token over the queued signal
    assert 1 <= panel.repaints < len(chunks)  # painted in batches, not per token
    if n_ctx == 4096:  # the embedded model is slow enough to watch the text grow
        growing = sorted({length for streaming, length in samples if streaming and length})
        assert len(growing) >= 2, f"no streaming seen: {samples[-5:]}"
    # Nothing reached the script before acceptance.
    assert window.editor.script_text() == original
    take = panel.takes[0]
    assert take.suggestion is not None and take.suggestion.ok
    assert panel.accept_button.isEnabled()
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    after = window.editor.script_text()
    assert after != original
    inserted = take.suggestion.text.strip()
    assert inserted in after
    script = parse(after)
    cues = [e.text for e in script.elements if e.type is ElementType.CHARACTER]
    assert len(cues) > 4  # the new speeches read back as dialogue
    window.editor.undo()
    assert window.editor.script_text() == original
    assert "tokens/s" in cowriter.speed_status.text()
    assert cowriter.backend_status.text().startswith("CPU")


def test_two_quick_requests_show_only_the_second(
    qtbot, make_window, tiny_gptneox_gguf: Path
) -> None:
    window, cowriter = make_window(tiny_gptneox_gguf)
    fix_sampler(window.settings, "marketing", extra=80, n_ctx=512)
    fix_sampler(window.settings, "continue-dialogue", n_ctx=512)
    produced: list[tuple[int, object]] = []
    cowriter.host._worker.produced.connect(lambda rid, event: produced.append((rid, event)))
    first = cowriter.start("marketing")
    qtbot.waitUntil(
        lambda: any(r == first and isinstance(e, SuggestionChunk) for r, e in produced),
        timeout=LONG_WAIT_MS,
    )
    seen: list[object] = []
    for signal in (cowriter.host.chunk, cowriter.host.retry, cowriter.host.suggestion):
        signal.connect(seen.append)
    with qtbot.waitSignal(cowriter.job_finished, timeout=LONG_WAIT_MS) as finished:
        second = cowriter.start("continue-dialogue")
    assert finished.args[0].request_id == second
    from_second = [e for r, e in produced if r == second]
    # The host let through exactly the second request's events, in order, and nothing of
    # the first (the worker was still finishing it when the second was asked for).
    assert seen == [e for e in from_second if not isinstance(e, PromptReady)]
    panel = cowriter.panel
    marketing, dialogue = panel.takes
    assert marketing.state == "stopped" and marketing.action.name == "marketing"
    assert dialogue.state == "ready" and panel.current_take() is dialogue
    final = dialogue.suggestion
    chunks = [
        e.text
        for e in from_second
        if isinstance(e, SuggestionChunk) and e.attempt == final.attempts
    ]
    assert dialogue.raw_text == "".join(chunks) == final.raw
    assert "{" not in dialogue.raw_text  # nothing of the marketing JSON


def test_a_broken_model_shows_what_is_wrong_and_the_editor_keeps_working(
    qtbot, make_window, tiny_gptneox_gguf: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.gguf"
    data = tiny_gptneox_gguf.read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    window, cowriter = make_window(broken)
    with qtbot.waitSignal(cowriter.job_finished, timeout=LONG_WAIT_MS) as finished:
        click_action(qtbot, window, cowriter, "continue-dialogue")
    assert finished.args[0].reason == "error"
    status = cowriter.panel.status.text()
    assert "cannot be used" in status and "truncated" in status.lower()
    assert "Models" in status  # how to fix it
    assert "not usable" in cowriter.model_status.text()
    assert cowriter.panel.takes[0].state == "failed"
    editor = window.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, "Still writing.")
    assert editor.script_text().endswith("Still writing.")
    # Fixing the setting makes the next suggestion work.
    window.settings.set("model/path", str(tiny_gptneox_gguf))
    fix_sampler(window.settings, "continue-dialogue", n_ctx=512)
    with qtbot.waitSignal(cowriter.job_finished, timeout=LONG_WAIT_MS) as again:
        cowriter.start("continue-dialogue", DIALOGUE_LINE)
    assert again.args[0].reason == "done", again.args[0].message


def test_context_menu_acts_on_the_scene_under_the_mouse(
    qtbot, make_window, tiny_gptneox_gguf: Path
) -> None:
    window, cowriter = make_window(tiny_gptneox_gguf)
    fix_sampler(window.settings, "character", n_ctx=512, options={"character": "TOMAS"})
    editor = window.editor
    block = editor.document().findBlockByNumber(10)  # the TOMAS cue in scene 1
    assert block.text() == "TOMAS"
    menu = QMenu()
    for provider in editor.context_menu_providers:
        provider(menu, QTextCursor(block))
    sub = menu.findChild(QMenu, "cowriterContextMenu")
    assert isinstance(sub, QMenu)
    names = {a.objectName() for a in sub.actions()}
    assert {"context-continue-dialogue", "context-shots", "context-character"} <= names
    profile = next(a for a in sub.actions() if a.objectName() == "context-character")
    assert profile.text() == "Profile TOMAS"
    with qtbot.waitSignal(cowriter.job_finished, timeout=LONG_WAIT_MS) as finished:
        profile.trigger()
    assert cowriter.last_request == ("character", 10)
    assert finished.args[0].reason == "done", finished.args[0].message
    take = cowriter.panel.takes[0]
    assert take.suggestion.ok and take.suggestion.data["name"] == "TOMAS"
    original = editor.script_text()
    assert cowriter.panel.accept()
    notes = [e for e in parse(editor.script_text()).elements if e.type is ElementType.NOTE]
    assert notes and "TOMAS" in notes[0].text
    editor.undo()
    assert editor.script_text() == original


def test_logline_goes_in_as_synopsis_lines_or_title_page_notes(
    qtbot, make_window, tiny_gptneox_gguf: Path
) -> None:
    window, cowriter = make_window(tiny_gptneox_gguf)
    fix_sampler(window.settings, "logline", extra=60, n_ctx=512)
    with qtbot.waitSignal(cowriter.job_finished, timeout=LONG_WAIT_MS) as finished:
        click_action(qtbot, window, cowriter, "logline")
    assert finished.args[0].reason == "done", finished.args[0].message
    editor = window.editor
    original = editor.script_text()
    panel = cowriter.panel
    labels = [a.text() for a in panel.accept_menu.actions()]
    assert labels == ["Insert as Synopsis Lines (=)", "Add to Title Page Notes"]
    assert panel.accept("cursor")
    synopses = [e for e in parse(editor.script_text()).elements if e.type is ElementType.SYNOPSIS]
    logline = panel.takes[0].suggestion.data["logline"]
    assert synopses and " ".join(logline.split()) in synopses[0].text
    editor.undo()
    assert editor.script_text() == original
    assert panel.accept_title_notes()
    from reelwright.desktop.title_page import read_title_page

    fields = read_title_page(editor.script_text())
    assert fields["Title"] == "The Lighthouse Keeper"
    assert fields["Notes"].startswith("Logline:")
    editor.undo()
    assert editor.script_text() == original


def test_shot_lines_are_accepted_one_by_one_in_order(
    qtbot, make_window, tiny_gptneox_long_gguf: Path
) -> None:
    window, cowriter = make_window(tiny_gptneox_long_gguf)
    fix_sampler(window.settings, "shots", extra=40)
    with qtbot.waitSignal(cowriter.job_finished, timeout=LONG_WAIT_MS) as finished:
        click_action(qtbot, window, cowriter, "shots")
    assert finished.args[0].reason == "done", finished.args[0].message
    panel = cowriter.panel
    table = panel.views[0].table
    assert panel.views[0].stack.currentWidget() is table
    assert table.rowCount() >= 1
    editor = window.editor
    original = editor.script_text()
    first = table.cellWidget(0, 2)
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    once = editor.script_text()
    shot_line = table.item(0, 0).text()
    assert shot_line in once and once.count(shot_line) == 1
    assert not first.isEnabled() and first.text() == "Inserted"
    if table.rowCount() > 1:  # the next shot goes after the first, not before it
        qtbot.mouseClick(table.cellWidget(1, 2), Qt.MouseButton.LeftButton)
        twice = editor.script_text()
        second_line = table.item(1, 0).text()
        assert twice.index(shot_line) < twice.index(second_line)
        editor.undo()
    editor.undo()
    assert editor.script_text() == original
    assert panel.accept("after_paragraph")  # Accept All
    everything = editor.script_text()
    for row in range(table.rowCount()):
        assert table.item(row, 0).text() in everything
    editor.undo()
    assert editor.script_text() == original


def test_trailer_table_retimes_exports_a_promo_pdf_and_inserts_fountain(
    qtbot, make_window, tiny_gptneox_long_gguf: Path, tmp_path: Path
) -> None:
    import pdfplumber

    window, cowriter = make_window(tiny_gptneox_long_gguf)
    panel = cowriter.panel
    panel.length.setCurrentIndex(0)  # 30 seconds
    panel.genre.setText("thriller")
    fix_sampler(window.settings, "trailer", extra=40, options={"length": 30})
    with qtbot.waitSignal(cowriter.job_finished, timeout=LONG_WAIT_MS) as finished:
        click_action(qtbot, window, cowriter, "trailer")
    assert finished.args[0].reason == "done", finished.args[0].message
    view = panel.views[0]
    beats = panel.takes[0].suggestion.data["beats"]
    assert view.table.rowCount() == len(beats)
    assert [view.table.horizontalHeaderItem(i).text() for i in range(6)] == [
        "Time",
        "Shot",
        "Picture",
        "Voice-over",
        "On-screen text",
        "Music",
    ]
    assert "0:30</b> of 0:30" in view.trailer_bar.text()
    assert view.table.item(len(beats) - 1, 0).text().endswith("0:30")
    panel.length.setCurrentIndex(2)  # 90 seconds: the same beats, re-timed
    assert "1:30</b> of 1:30" in view.trailer_bar.text()
    assert view.table.item(len(beats) - 1, 0).text().endswith("1:30")
    promo = panel.promo_script()
    assert promo is not None and promo.length == 90 and promo.genre == "thriller"
    out = tmp_path / "promo.pdf"
    assert cowriter.export_promo(promo, out)
    with pdfplumber.open(out) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "VIDEO" in text and "AUDIO" in text and "THE LIGHTHOUSE KEEPER" in text
    assert "1:30" in text
    editor = window.editor
    original = editor.script_text()
    assert panel.accept("end_of_scene")
    inserted = parse(editor.script_text())
    assert sum(e.type is ElementType.SCENE_HEADING for e in inserted.elements) == 2
    assert any("TO 1:30" in e.text for e in inserted.elements)
    editor.undo()
    assert editor.script_text() == original
    assert SCRIPT.strip() in original


def test_a_window_deleted_mid_stream_without_closing_does_not_abort(
    qtbot, tiny_gptneox_gguf: Path, tmp_path: Path
) -> None:
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    from reelwright.desktop.app import create_window
    from reelwright.desktop.cowriter import install_cowriter
    from reelwright.desktop.settings import Settings

    settings = Settings()
    settings.set("model/path", str(tiny_gptneox_gguf))
    path = tmp_path / "s.fountain"
    path.write_text(SCRIPT, "utf-8")
    window = create_window(path, settings)
    cowriter = install_cowriter(window)
    fix_sampler(settings, "continue-dialogue", n_ctx=512)
    host = cowriter.host
    worker = host._worker  # owned by Python, outlives the window
    cowriter.start("continue-dialogue", DIALOGUE_LINE)
    qtbot.waitUntil(lambda: host.running, timeout=5000)
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # Qt would have aborted the process on deleting a running QThread; instead the
    # threads were stopped first and the model freed.
    assert not shiboken6.isValid(window)
    assert worker._engine is None
