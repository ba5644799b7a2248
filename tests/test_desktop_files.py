"""Files never lose work: round trips, failed saves, autosave and recovery, outside changes."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reelwright.desktop.app import create_window
from reelwright.desktop.documents import Prompts, RecoveryEntry, RecoveryStore
from reelwright.desktop.settings import Settings

SCENE = "INT. ATTIC - NIGHT\n\nDust in the torchlight.\n\nNORA\nSomeone lived here.\n"


class ScriptedPrompts(Prompts):
    """Answers the document's questions from a script and records what was asked."""

    def __init__(self, **answers: object) -> None:
        super().__init__(None)
        self.answers = answers
        self.asked: list[tuple[str, object]] = []

    def unsaved(self, name):  # type: ignore[override]
        self.asked.append(("unsaved", name))
        return self.answers.get("unsaved", "cancel")

    def outside_change(self, name, modified):  # type: ignore[override]
        self.asked.append(("outside_change", (name, modified)))
        return self.answers.get("outside_change", "keep")

    def overwrite_outside_change(self, name):  # type: ignore[override]
        self.asked.append(("overwrite", name))
        return bool(self.answers.get("overwrite", False))

    def restore(self, entry: RecoveryEntry) -> bool:  # type: ignore[override]
        self.asked.append(("restore", entry.original))
        return bool(self.answers.get("restore", True))

    def error(self, message):  # type: ignore[override]
        self.asked.append(("error", message))

    def choose_encoding(self, path, data):  # type: ignore[override]
        self.asked.append(("encoding", path.name))
        return self.answers.get("encoding")


@pytest.fixture
def make_window(qtbot):
    def make(file=None, **answers):
        prompts = ScriptedPrompts(**answers)
        window = create_window(file, Settings(), prompts=prompts)
        qtbot.addWidget(window)
        window.show()
        return window, prompts

    return make


def test_save_and_open_round_trip(make_window, tmp_path):
    window, _ = make_window()
    window.editor.set_script_text(SCENE)
    window.editor.document().setModified(True)
    target = tmp_path / "attic.fountain"
    assert window.document.save_as(target)
    assert target.read_text("utf-8") == SCENE
    assert not window.document.modified
    assert window.windowTitle().startswith("attic.fountain")
    other, _ = make_window(target)
    assert other.editor.script_text() == SCENE
    assert other.settings.get("files/recent")[0] == str(target.resolve())


def test_failed_save_keeps_old_file_and_text(make_window, tmp_path, monkeypatch):
    target = tmp_path / "draft.fountain"
    target.write_text("Old draft.\n", "utf-8")
    window, prompts = make_window(target)
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText("New line.\n")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    assert not window.document.save()
    monkeypatch.undo()
    assert target.read_text("utf-8") == "Old draft.\n"
    assert window.editor.script_text() == "Old draft.\nNew line.\n"
    assert window.document.modified
    kind, message = prompts.asked[-1]
    assert kind == "error" and "disk is full" in str(message)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_unreadable_file_says_why_and_keeps_text(make_window, tmp_path):
    window, prompts = make_window()
    window.editor.set_script_text(SCENE)
    binary = tmp_path / "photo.fountain"
    binary.write_bytes(bytes(range(256)) * 64)
    assert not window.document.open(binary, ask=False)
    assert prompts.asked[-1][0] == "error"
    assert window.editor.script_text() == SCENE


def test_close_with_unsaved_changes_asks(make_window, tmp_path):
    window, prompts = make_window(answers=None)
    window.editor.set_script_text(SCENE)
    window.editor.document().setModified(True)
    prompts.answers["unsaved"] = "cancel"
    assert not window.close()
    assert prompts.asked[-1] == ("unsaved", "Untitled")
    prompts.answers["unsaved"] = "discard"
    assert window.close()


def test_outside_change_is_noticed_and_reloaded(make_window, qtbot, tmp_path):
    target = tmp_path / "shared.fountain"
    target.write_text(SCENE, "utf-8")
    window, prompts = make_window(target, outside_change="reload")
    changed = SCENE + "\nA DOOR SLAMS below.\n"
    target.write_text(changed, "utf-8")
    qtbot.waitUntil(lambda: window.editor.script_text() == changed, timeout=5000)
    assert prompts.asked[-1] == ("outside_change", ("shared.fountain", False))
    # Keeping one's own version marks it modified and does not ask again for that change.
    prompts.answers["outside_change"] = "keep"
    target.write_text("Something else entirely.\n", "utf-8")
    qtbot.waitUntil(lambda: window.document.modified, timeout=5000)
    assert window.editor.script_text() == changed
    asked = len(prompts.asked)
    assert not window.document.check_outside_change()
    assert len(prompts.asked) == asked


CHILD = textwrap.dedent(
    """
    import sys
    import reelwright.desktop
    from PySide6.QtCore import QTimer
    from reelwright.desktop.app import application, create_window
    from reelwright.desktop.settings import Settings

    app = application()
    settings = Settings()
    settings.set("files/autosave_seconds", 1)
    window = create_window(sys.argv[1], settings, offer_recovery=False)
    window.show()
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText("NORA\\nThere's a letter in the trunk.\\n")
    store = window.document.recovery

    def check():
        if store.text_path.exists():
            print("autosaved", flush=True)
        else:
            QTimer.singleShot(100, check)

    QTimer.singleShot(100, check)
    app.exec()
    """
)


@pytest.mark.slow
def test_recovery_after_a_crash(make_window, tmp_path):
    target = tmp_path / "attic.fountain"
    target.write_text(SCENE + "\n", "utf-8")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        deadline = time.monotonic() + 30
        line = ""
        while time.monotonic() < deadline and not line:
            line = child.stdout.readline().strip()  # type: ignore[union-attr]
        assert line == "autosaved"
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    assert target.read_text("utf-8") == SCENE + "\n"  # the crash never touched the file
    assert RecoveryStore().orphans()
    window, prompts = make_window(restore=True)
    assert prompts.asked[0] == ("restore", str(target))
    assert window.editor.script_text().endswith("NORA\nThere's a letter in the trunk.\n")
    assert window.document.path == target
    assert window.document.modified
    assert window.document.save()
    assert target.read_text("utf-8").endswith("There's a letter in the trunk.\n")
    # Saved: nothing is left to recover at the next start.
    assert not RecoveryStore().orphans()
    assert not list(window.document.recovery.folder.glob("*.fountain"))


def test_autosave_writes_only_while_modified(make_window, tmp_path):
    window, _ = make_window()
    assert window.document.new()
    store = window.document.recovery
    assert not window.document.autosave()
    window.editor.insertPlainText("Typing.")
    assert window.document.autosave()
    assert store.text_path.read_text("utf-8") == "Typing."
    window.document.save_as(tmp_path / "typing.fountain")
    assert not store.text_path.exists()


def test_export_pdf_and_fdx(make_window, tmp_path):
    window, prompts = make_window()
    window.editor.set_script_text(SCENE)
    pdf = tmp_path / "attic.pdf"
    assert window.document.export(pdf, paper="a4", scene_numbers="left"), prompts.asked
    assert pdf.read_bytes().startswith(b"%PDF")
    fdx = tmp_path / "attic.fdx"
    assert window.document.export(fdx)
    imported, _ = make_window(fdx)
    assert "NORA" in imported.editor.script_text()
    assert imported.document.path is None and imported.document.modified


def test_reportlab_is_not_imported_at_start(tmp_path):
    """The window opens without the PDF library or llama.cpp (each costs start-up time)."""
    code = (
        "import sys, reelwright.desktop.app as a; "
        "a.create_window(None, a.Settings(), offer_recovery=False); "
        "print('reportlab' in sys.modules, 'llama_cpp' in sys.modules)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REELWRIGHT_HOME": str(tmp_path)}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.split() == ["False", "False"]


def test_recovery_store_ignores_running_sessions(tmp_path):
    store = RecoveryStore(tmp_path)
    store.write("text", Path("/x.fountain"))
    other = RecoveryStore(tmp_path)
    assert other.orphans() == []  # this process is alive


def crashed_copy(folder: Path, name: str, text: str, original: Path) -> None:
    """What a session killed after an autosave leaves in the recovery folder."""
    gone = subprocess.Popen([sys.executable, "-c", ""])
    gone.wait()  # its process id: no longer running
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.fountain").write_text(text, "utf-8")
    meta = {"original": str(original), "saved_at": time.time(), "pid": gone.pid}
    (folder / f"{name}.json").write_text(json.dumps(meta), "utf-8")


def test_starting_on_a_file_offers_that_files_recovery_copy(make_window, tmp_path, monkeypatch):
    """After a crash the writer double-clicks the script: its autosave is offered (it used
    to be offered only to a start without a file); another script's copy waits."""
    target = tmp_path / "attic.fountain"
    target.write_text(SCENE, "utf-8")
    other = tmp_path / "cellar.fountain"
    other.write_text(SCENE, "utf-8")
    folder = RecoveryStore().folder
    crashed_copy(folder, "attic", SCENE + "\nNORA\nThe trunk is open.\n", target)
    crashed_copy(folder, "cellar", "INT. CELLAR - DAY\n", other)
    monkeypatch.chdir(tmp_path)  # started as `reelwright attic.fountain`
    window, prompts = make_window("attic.fountain", restore=True)
    assert prompts.asked == [("restore", str(target))]
    assert window.editor.script_text().endswith("The trunk is open.\n")
    assert window.document.path.resolve() == target and window.document.modified
    assert target.read_text("utf-8") == SCENE  # nothing written until the writer saves
    assert [entry.original for entry in RecoveryStore().orphans()] == [str(other)]
    window.editor.document().setModified(False)


def test_declining_a_recovery_copy_keeps_the_file_as_saved(make_window, tmp_path):
    target = tmp_path / "attic.fountain"
    target.write_text(SCENE, "utf-8")
    crashed_copy(RecoveryStore().folder, "attic", "INT. ELSEWHERE - DAY\n", target)
    window, prompts = make_window(target, restore=False)
    assert prompts.asked == [("restore", str(target))]
    assert window.editor.script_text() == SCENE and not window.document.modified
    assert RecoveryStore().orphans() == []


def test_a_meta_file_left_alone_by_a_kill_is_cleaned_up(tmp_path):
    """A kill inside clear() (text removed, meta not yet) leaves a meta file alone: it is
    never offered, and the next look at the folder removes it."""
    crashed_copy(tmp_path, "half", "text", tmp_path / "x.fountain")
    (tmp_path / "half.fountain").unlink()
    assert RecoveryStore(tmp_path).orphans() == []
    assert list(tmp_path.iterdir()) == []


# Scripts that are not UTF-8 ---------------------------------------------------------------------
LATIN = "INT. CAFÉ - DAY\n\nLa señora está aquí.\n\nJOSÉ\n¿Qué pasa?\n"


def test_a_latin1_script_opens_after_choosing_its_encoding(make_window, tmp_path):
    path = tmp_path / "cafe.fountain"
    path.write_bytes(LATIN.encode("cp1252"))
    window, prompts = make_window(encoding="cp1252")
    messages: list[str] = []
    window.document.status.connect(messages.append)
    assert window.document.open(path, ask=False)
    assert prompts.asked == [("encoding", "cafe.fountain")]
    assert window.editor.script_text() == LATIN
    assert not window.document.modified
    assert messages[-1] == "Opened cafe.fountain as cp1252; saving it writes UTF-8"
    window.editor.document().setModified(True)
    assert window.save()
    assert path.read_bytes() == LATIN.encode("utf-8")
    assert messages[-1] == "Saved cafe.fountain in UTF-8 (it was cp1252)"
    assert window.document.encoding is None


def test_declining_the_encoding_keeps_the_text(make_window, tmp_path):
    path = tmp_path / "cafe.fountain"
    path.write_bytes(LATIN.encode("cp1252"))
    window, prompts = make_window()
    window.editor.set_script_text(SCENE)
    assert not window.document.open(path, ask=False)
    assert prompts.asked == [("encoding", "cafe.fountain")]
    assert window.editor.script_text() == SCENE


def test_starting_on_a_latin1_script_asks_instead_of_quitting(make_window, tmp_path):
    path = tmp_path / "cafe.fountain"
    path.write_bytes(LATIN.encode("cp1252"))
    window, prompts = make_window(path, encoding="cp1252")
    assert ("encoding", "cafe.fountain") in prompts.asked
    assert window.editor.script_text() == LATIN
    assert window.document.path == path


def test_starting_on_a_script_that_does_not_open_shows_an_empty_window(make_window, tmp_path):
    """The encoding choice cancelled: no exception, an empty untitled script, a message."""
    from reelwright.screenplay.errors import ReelwrightError

    path = tmp_path / "cafe.fountain"
    path.write_bytes(LATIN.encode("cp1252"))
    window, prompts = make_window(path)  # no encoding chosen: the writer cancelled
    assert prompts.asked == [("encoding", "cafe.fountain")]
    assert window.isVisible()
    assert window.editor.script_text() == ""
    assert window.document.path is None and not window.document.modified
    assert window.windowTitle().startswith("Untitled")
    assert window.statusBar().currentMessage() == (
        "cafe.fountain was not opened; this is a new, empty script"
    )
    with pytest.raises(ReelwrightError, match="could not open"):
        create_window(path, Settings(), prompts=ScriptedPrompts(), strict=True)


def test_starting_on_a_broken_file_says_why_and_shows_an_empty_window(make_window, tmp_path):
    path = tmp_path / "broken.fdx"
    path.write_text("<FinalDraft><Content><Paragraph Type=", "utf-8")
    window, prompts = make_window(path)
    errors = [message for kind, message in prompts.asked if kind == "error"]
    assert len(errors) == 1 and "broken.fdx" in str(errors[0])
    assert window.editor.script_text() == "" and window.document.path is None
    assert "broken.fdx was not opened" in window.statusBar().currentMessage()


def test_the_encoding_dialog_previews_each_choice(qtbot, tmp_path):
    from reelwright.desktop.encoding_dialog import EncodingDialog

    data = (LATIN * 20).encode("cp1252")
    dialog = EncodingDialog(tmp_path / "cafe.fountain", data)
    qtbot.addWidget(dialog)
    assert dialog.encoding() == "cp1252"
    assert dialog.preview.toPlainText().startswith("INT. CAFÉ - DAY")
    open_button = dialog.buttons.buttons()[0]
    assert open_button.isEnabled()
    dialog.choice.setEditText("mac_roman")  # another encoding reads it, wrongly
    assert dialog.encoding() == "mac_roman"
    assert dialog.preview.toPlainText().startswith("INT. CAF… - DAY")
    dialog.choice.setEditText("utf-8")  # cannot read these bytes
    assert dialog.encoding() is None and not open_button.isEnabled()
    assert "does not read this file" in dialog.problem.text()
    dialog.choice.setEditText("no-such-codec")
    assert dialog.encoding() is None and not open_button.isEnabled()


def test_the_real_window_asks_with_the_dialog(qtbot, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reelwright.desktop.encoding_dialog import EncodingDialog

    path = tmp_path / "cafe.fountain"
    path.write_bytes(LATIN.encode("cp1252"))
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EncodingDialog)
        seen.append(dialog.preview.toPlainText())
        dialog.accept()

    QTimer.singleShot(0, answer)
    window = create_window(path, Settings(), offer_recovery=False)
    qtbot.addWidget(window)
    assert seen and seen[0].startswith("INT. CAFÉ")
    assert window.editor.script_text() == LATIN


def test_a_new_script_is_not_modified(make_window, tmp_path):
    window, _ = make_window()
    window.editor.set_script_text(SCENE)
    window.editor.document().setModified(True)
    window.actions_by_id["file.new"].trigger()  # asks: "discard" was not answered -> cancel
    window.document.prompts.answers["unsaved"] = "discard"
    window.actions_by_id["file.new"].trigger()
    assert window.editor.script_text() == ""
    assert not window.document.modified and not window.isWindowModified()
    window.set_theme("dark")
    window.set_zoom(3)
    window.set_paper("a4")
    window.analyzer.run_now()
    assert not window.document.modified and not window.isWindowModified()


def test_opening_a_script_removes_what_killed_saves_left(make_window, tmp_path):
    """Hidden temporary files of interrupted saves of this script go when it is opened;
    another script's and other names stay."""
    target = tmp_path / "draft.fountain"
    target.write_text("INT. ROOM - DAY\n", "utf-8")
    ours = tmp_path / ".draft.fountain.abcd1234.tmp"
    theirs = tmp_path / ".other.fountain.abcd1234.tmp"
    unrelated = tmp_path / "draft.fountain.tmp"
    for leftover in (ours, theirs, unrelated):
        leftover.write_text("half a draft", "utf-8")
    window, _prompts = make_window(target)
    assert window.editor.script_text() == "INT. ROOM - DAY\n"
    assert not ours.exists()
    assert theirs.exists() and unrelated.exists()
