"""SIGKILL during save, autosave, export and restore: no file is ever torn, no work lost.

- The core: a child process saves a script (atomic_write_text) and exports it to PDF, FDX
  and Fountain in a loop, alternating two versions; the test kills it at random moments and
  checks that every file on disk is exactly one of the versions (or a whole export).
- The app: the real desktop window in a child process (``kill_session.py``) edits, autosaves,
  saves and exports until killed; after each kill the files are whole and the next session
  restores the last autosave in its window. A restore killed at each of its steps leaves
  exactly one recovery copy.

``REELWRIGHT_KILLS`` sets the kills per loop (a longer soak): 30 and 20 by default.
"""

from __future__ import annotations

import errno
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

DRIVER = r"""
import sys
from pathlib import Path
from reelwright.screenplay.fileio import atomic_write_text
from reelwright.screenplay.parser import parse
from reelwright import exporters

folder = Path(sys.argv[1])
versions = [folder.joinpath("a.txt").read_text(), folder.joinpath("b.txt").read_text()]
n = 0
print("ready", flush=True)
while True:
    text = versions[n % 2]
    atomic_write_text(folder / "script.fountain", text)
    script = parse(text)
    for suffix in (".pdf", ".fdx", ".fountain"):
        exporters.export(script, folder / ("out" + suffix))
    n += 1
"""


def _check(folder: Path, versions: list[str]) -> None:
    text = (folder / "script.fountain").read_text(encoding="utf-8")
    assert text in versions
    pdf = folder / "out.pdf"
    if pdf.exists():
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:]
    fdx = folder / "out.fdx"
    if fdx.exists():
        assert fdx.read_text(encoding="utf-8").rstrip().endswith("</FinalDraft>")
    fountain = folder / "out.fountain"
    if fountain.exists():
        assert fountain.stat().st_size > 0


def kill_count(default: int) -> int:
    """Kills per test run: ``REELWRIGHT_KILLS`` when set (a longer soak), else ``default``."""
    return int(os.environ.get("REELWRIGHT_KILLS", default))


def test_kill_during_save_and_export(tmp_path: Path) -> None:
    base = "Title: Kill\n\nINT. ROOM - DAY\n\nA test.\n\nBOB\nHello.\n"
    versions = [base + "\nEXT. A - NIGHT\n\nOld.\n" * 40, base + "\nEXT. B - DAY\n\nNew!\n" * 60]
    (tmp_path / "a.txt").write_text(versions[0], encoding="utf-8")
    (tmp_path / "b.txt").write_text(versions[1], encoding="utf-8")
    (tmp_path / "script.fountain").write_text(versions[0], encoding="utf-8")
    rng = random.Random(9)
    kills = 0
    wanted = kill_count(30)
    for _ in range(wanted):
        child = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(tmp_path)],
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        if child.returncode == -signal.SIGKILL:
            kills += 1
        _check(tmp_path, versions)
        # A kill between mkstemp and os.replace may leave a hidden temporary file, never
        # the target; the next write of the same file removes it, so at most one each.
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert all(name.startswith(".") for name in leftovers)
        assert len(leftovers) <= 4, leftovers  # script.fountain, out.pdf, .fdx, .fountain
    assert kills == wanted
    # The next save and exports leave nothing behind.
    from reelwright import exporters
    from reelwright.screenplay.fileio import atomic_write_text
    from reelwright.screenplay.parser import parse

    atomic_write_text(tmp_path / "script.fountain", versions[1])
    for suffix in (".pdf", ".fdx", ".fountain"):
        exporters.export(parse(versions[1]), tmp_path / ("out" + suffix))
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# The real app -------------------------------------------------------------------------------
SESSION = Path(__file__).with_name("kill_session.py")


@dataclass
class Report:
    """What a killed session printed before it died (the pipe keeps every flushed line)."""

    start: list[str] | None = None
    steps: list[tuple[str, int]] = field(default_factory=list)

    def last(self, kind: str) -> int | None:
        numbers = [n for k, n in self.steps if k == kind]
        return numbers[-1] if numbers else None


def _read_report(lines: list[str]) -> Report:
    report = Report()
    for line in lines:
        words = line.split()
        if words and words[0] == "start":
            report.start = words[1:]
        elif len(words) == 2 and words[0] in ("autosaved", "saved", "exported"):
            report.steps.append((words[0], int(words[1])))
        else:
            raise AssertionError(f"the session said {line!r}")
    return report


def _pdf_state(path: Path) -> int:
    """The state a whole exported PDF shows (the last edit number on its last page)."""
    from kill_session import state_text
    from pypdf import PdfReader

    from reelwright.screenplay.layout import layout_for
    from reelwright.screenplay.pagination import paginate
    from reelwright.screenplay.parser import parse

    data = path.read_bytes()
    assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:]
    reader = PdfReader(path, strict=True)
    numbers = [int(n) for n in re.findall(r"Edit (\d+):", reader.pages[-1].extract_text())]
    state = max(numbers, default=0)
    pages = paginate(parse(state_text(state)), layout_for(None)).page_count
    assert len(reader.pages) == pages + 1  # and a title page
    return state


def _export_state(path: Path) -> int:
    """The state an exported file holds, which must be byte for byte that state's export."""
    from kill_session import state_text

    from reelwright.exporters.fdx import to_fdx
    from reelwright.exporters.fountain import to_fountain
    from reelwright.screenplay.parser import parse

    if path.suffix == ".pdf":
        return _pdf_state(path)
    data = path.read_bytes()
    state = data.count(b"Edit ")
    script = parse(state_text(state))
    whole = to_fdx(script) if path.suffix == ".fdx" else to_fountain(script).encode("utf-8")
    assert data == whole, f"{path.name} is not a whole export"
    return state


class Sessions:
    """What the files must hold after each kill, from what the killed sessions reported.

    Every state of the script is a number (the edits in it). A session prints a line only
    after a step is complete, and every flushed line survives the kill in the pipe, so the
    one thing not known is whether the step after the last line had begun to write.
    """

    def __init__(self, folder: Path) -> None:
        from reelwright.desktop.documents import RecoveryStore

        self.folder = folder
        self.script = folder / "script.fountain"
        self.store = RecoveryStore()  # the sessions' recovery folder: same REELWRIGHT_HOME
        self.disk = 0  # the state in the script file
        self.recovery: int | None = None  # the state in the newest recovery copy
        self.exported: dict[str, int] = {}
        self.restored = self.steps = 0

    @property
    def start(self) -> int:
        """The state the next session must start from: restored, or else opened."""
        return self.disk if self.recovery is None else self.recovery

    def check(self, report: Report) -> None:
        from kill_session import SAVE_EVERY, digest, state_number, state_text

        self.steps += len(report.steps)
        # The last step the session finished, as far as the files go: what must not be lost.
        last: tuple[str, int] | None = None
        if report.start is not None:
            how, sha, modified, at_script = report.start
            assert at_script == "True"
            if self.recovery is None:
                assert (how, sha, modified) == ("opened", digest(state_text(self.disk)), "False")
                last = ("saved", self.disk)
            else:
                expected = ("restored", digest(state_text(self.recovery)), "True")
                assert (how, sha, modified) == expected, "the window restored other text"
                self.restored += 1
                last = ("autosaved", self.recovery)
        for kind, number in report.steps:
            if kind != "exported":
                last = (kind, number)

        # The script file: the version before, the last reported save, or the save in flight.
        saved = report.last("saved")
        autosaved = report.last("autosaved")
        allowed = {self.disk if saved is None else saved}
        if autosaved is not None and autosaved % SAVE_EVERY == 0 and autosaved > max(allowed):
            allowed.add(autosaved)
        now = state_number(self.script.read_text(encoding="utf-8"))
        assert now in allowed, f"the script file holds {now}, expected one of {allowed}"
        self.disk = now

        # The recovery copy: one whole autosaved state, never older than the file.
        orphans = self.store.orphans()
        newest = None
        if orphans:
            newest = state_number(orphans[0].text_path.read_text(encoding="utf-8"))
            assert newest is not None, "the recovery copy is torn"
            assert newest >= now, f"the recovery copy ({newest}) is older than the file ({now})"
        if last is None:  # killed before the session started: nothing may have changed
            assert newest == self.recovery
        elif last[0] == "autosaved":
            # That copy, or the next edit's if it was being written; none only when the
            # step's save went through (then the file holds the same state).
            assert newest in (last[1], last[1] + 1) or (newest is None and now == last[1]), (
                f"recovery copy {newest} after autosave {last[1]} (file {now})"
            )
        else:
            # After a save the copy is gone until the next edit's autosave. (A copy of the
            # saved state itself can come back: see test_a_save_right_after_an_edit_...)
            assert newest in (None, last[1], last[1] + 1), (
                f"recovery copy {newest} after save {last[1]}"
            )
        self.recovery = newest
        self._check_exports(report, autosaved)

    def _check_exports(self, report: Report, autosaved: int | None) -> None:
        """Whole, and the last reported export or the one in flight (each file may be
        either while a step exports the three in turn)."""
        from kill_session import EXPORT_EVERY, EXPORTS

        reported = report.last("exported")
        for name in EXPORTS:
            path = self.folder / name
            if not path.exists():
                continue
            state = _export_state(path)
            floor = self.exported.get(name, 0) if reported is None else reported
            in_flight = autosaved is not None and autosaved % EXPORT_EVERY == 0
            assert state == floor or (in_flight and state == autosaved), (
                f"{name} holds {state}, expected {floor} or the export in flight"
            )
            self.exported[name] = state


def _session(folder: Path) -> subprocess.Popen[str]:
    """A session with its imports done, waiting to be told the state it starts from."""
    return subprocess.Popen(
        [sys.executable, str(SESSION), str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def _run_and_kill(child: subprocess.Popen[str], start: int, delay: float, early: bool) -> Report:
    """Start ``child`` from state ``start``, kill it ``delay`` seconds after its window is up
    (``early``: after it was told to start, so maybe while it restores), read its report."""
    assert child.stdin is not None and child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    child.stdin.write(f"{start}\n")
    child.stdin.flush()
    lines: list[str] = []
    watchdog = threading.Timer(120, child.kill)  # a hung session fails the test, never hangs it
    watchdog.start()
    try:
        if not early:
            lines.append(child.stdout.readline())
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        watchdog.cancel()
        if child.poll() is None:
            child.kill()
            child.wait()
    lines += child.stdout.read().splitlines()
    child.stdout.close()
    child.stdin.close()
    assert child.returncode == -signal.SIGKILL, lines
    return _read_report([line for line in lines if line.strip()])


def test_kill_the_app_while_it_edits_autosaves_saves_and_exports(tmp_path: Path) -> None:
    """The desktop app in a child process, killed again and again: no state is ever torn or
    lost. After each kill the script file is a whole saved version, the exports are whole,
    the recovery copy is exactly one whole autosaved state, at least as new as the last one
    the session reported and never older than the file, and the next session restores it
    in its main window (or, with nothing to recover, opens the file)."""
    from kill_session import state_text

    (tmp_path / "script.fountain").write_text(state_text(0), encoding="utf-8")
    sessions = Sessions(tmp_path)
    rng = random.Random(19)
    wanted = kill_count(20)
    spare: subprocess.Popen[str] | None = _session(tmp_path)
    try:
        for round_number in range(wanted):
            child, spare = spare, _session(tmp_path)  # the next imports while this one works
            assert child is not None
            early = round_number % 4 == 3
            delay = rng.uniform(0.0, 1.0 if early else 0.5)
            sessions.check(_run_and_kill(child, sessions.start, delay, early))
    finally:
        if spare is not None:
            spare.kill()
            spare.wait()
    assert sessions.restored >= 1, "no session restored a recovery copy in its window"
    assert sessions.steps > wanted, "the sessions barely ran before they were killed"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert all(name.startswith(".") for name in leftovers)


@pytest.mark.slow
def test_a_kill_at_any_step_of_a_restore_leaves_one_whole_copy(tmp_path: Path) -> None:
    """Restoring takes a crashed session's copy over. Killed before each file replace or
    delete of that, the app leaves exactly one recovery copy, whole, for the next start:
    never none, and never two (the older one would be offered again later, over newer
    work, once the newer one is saved and gone)."""
    from kill_session import state_text

    from reelwright.desktop.documents import RecoveryStore

    script = tmp_path / "script.fountain"
    script.write_text(state_text(6), encoding="utf-8")
    text = state_text(7)
    gone = subprocess.Popen([sys.executable, "-c", ""])
    gone.wait()  # the crashed session's process id: no longer running
    folder = RecoveryStore().folder
    for kill_at in range(1, 20):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        (folder / "crashed.fountain").write_text(text, encoding="utf-8")
        meta = {"original": str(script), "saved_at": time.time() - 60, "pid": gone.pid}
        (folder / "crashed.json").write_text(json.dumps(meta), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, str(SESSION), "--kill-in-restore", str(kill_at)],
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            timeout=60,
        )
        orphans = RecoveryStore().orphans()
        copies = [entry.text_path.read_text(encoding="utf-8") for entry in orphans]
        assert copies == [text], f"killed at step {kill_at}: {len(copies)} recovery copies"
        assert orphans[0].original == str(script)
        if done.returncode == 0:
            assert done.stdout.startswith("restored"), done.stdout
            break
        assert done.returncode == -signal.SIGKILL, done.stderr
    else:
        pytest.fail("the restore never finished")
    assert script.read_text(encoding="utf-8") == state_text(6)


def test_a_full_disk_does_not_stop_a_restore(qtbot, tmp_path: Path, monkeypatch) -> None:
    """After a crash, the next start restores the work even when the recovery folder cannot
    be written (disk full): the window opens with the text (it used to fail to start), the
    copy stays for later, and goes once this session's own autosave has replaced it."""
    from reelwright.desktop.app import create_window
    from reelwright.desktop.documents import Prompts, RecoveryEntry, RecoveryStore
    from reelwright.desktop.settings import Settings

    class Restore(Prompts):
        def restore(self, entry: RecoveryEntry) -> bool:
            return True

    script = tmp_path / "script.fountain"
    script.write_text("INT. ATTIC - NIGHT\n", encoding="utf-8")
    text = "INT. ATTIC - NIGHT\n\nThe work the crash did not take.\n"
    folder = RecoveryStore().folder
    folder.mkdir(parents=True)
    (folder / "crashed.fountain").write_text(text, encoding="utf-8")
    gone = subprocess.Popen([sys.executable, "-c", ""])
    gone.wait()
    meta = {"original": str(script), "saved_at": time.time(), "pid": gone.pid}
    (folder / "crashed.json").write_text(json.dumps(meta), encoding="utf-8")
    settings = Settings()
    settings.set("files/opened_before", True)

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:  # (undo() would also drop conftest's patches)
        patch.setattr(os, "replace", full)
        window = create_window(None, settings, prompts=Restore(None))
    qtbot.addWidget(window)
    assert window.editor.script_text() == text
    assert window.document.path == script and window.document.modified
    assert "disk is full" in window.statusBar().currentMessage()
    assert [entry.text_path.name for entry in RecoveryStore().orphans()] == ["crashed.fountain"]
    assert script.read_text(encoding="utf-8") == "INT. ATTIC - NIGHT\n"
    # With room again, the next autosave writes this session's copy and the old one goes.
    store = window.document.recovery
    assert window.document.autosave()
    assert sorted(p.name for p in folder.iterdir()) == [store.text_path.name, store.meta_path.name]
    assert store.text_path.read_text(encoding="utf-8") == text
    window.editor.document().setModified(False)


def test_a_save_right_after_an_edit_leaves_the_script_unmodified(qtbot, tmp_path: Path) -> None:
    from reelwright.desktop.app import create_window
    from reelwright.desktop.settings import Settings

    script = tmp_path / "script.fountain"
    script.write_text("INT. ROOM - DAY\n\nA room.\n", encoding="utf-8")
    window = create_window(script, Settings())
    qtbot.addWidget(window)
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText("\nMARA\nHello there.\n")  # a cue and its speech: new line kinds
    assert window.document.save()
    qtbot.wait(50)  # the event loop runs what the edit left pending
    assert script.read_text(encoding="utf-8") == window.editor.script_text()
    try:
        assert not window.document.modified
        assert not window.document.autosave()  # nothing unsaved: no recovery copy
    finally:
        window.editor.document().setModified(False)
