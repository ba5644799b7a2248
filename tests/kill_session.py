"""A writing session in the real desktop app, for the kill loop in test_hardening_kill.py.

Run as a child process (``python tests/kill_session.py FOLDER``), offscreen. It imports Qt
and the app, says ``ready`` and waits for a line ``N`` on its standard input (so the parent
can have the next session's imports done while it kills the current one). Then it starts the
app the way a writer does, without a file: the main window offers crashed sessions' autosaves
(answered "restore" here); with nothing to recover it opens ``FOLDER/script.fountain``. The
text it starts from must be :func:`state_text` ``(N)``. Then, through the event loop, it edits
(edit ``n`` appends :func:`chunk` ``(n)``, so every state of the script is identifiable),
autosaves, saves every third edit and exports PDF, FDX and Fountain every fifth, printing a
line after each completed step, until it is killed:

    ready
    start restored|opened SHA256 MODIFIED PATH_IS_SCRIPT
    autosaved N
    saved N
    exported N

With ``--kill-in-restore K`` instead it only starts the app and restores, killing itself
(SIGKILL) just before the K-th file replace or delete of the restore, or printing
``restored CALLS`` and dying at once (no clean close) when the restore makes fewer calls.

The parent imports :func:`state_text` and :func:`state_number` from here to check files.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sys
from pathlib import Path

BASE = (
    "Title: Kill Loop\nAuthor: The Tests\n\nINT. WORKSHOP - NIGHT\n\nA bench, a lamp, a script.\n"
)
SAVE_EVERY = 3
EXPORT_EVERY = 5
EXPORTS = ("out.pdf", "out.fdx", "out.fountain")


def chunk(n: int) -> str:
    """The text edit ``n`` appends: a scene, a speech or action, by turns."""
    if n % 3 == 0:
        return f"\nEXT. ROAD {n} - DAY\n\nEdit {n}: a truck passes mile marker {n}.\n"
    if n % 3 == 1:
        return f"\nMARA\nEdit {n}: I counted {n} of them.\n"
    return f"\nEdit {n}: the lamp flickers {n} times.\n"


def state_text(n: int) -> str:
    """The script after ``n`` edits."""
    return BASE + "".join(chunk(i) for i in range(1, n + 1))


def state_number(text: str) -> int | None:
    """``n`` when ``text`` is exactly :func:`state_text` ``(n)``, else None (torn, foreign)."""
    n = text.count("Edit ")
    return n if text == state_text(n) else None


def say(*words: object) -> None:
    """One line in one write: ``print`` writes its pieces one by one when Python runs
    unbuffered (``PYTHONUNBUFFERED``), and a kill between them would tear the line."""
    sys.stdout.write(" ".join(str(word) for word in words) + "\n")
    sys.stdout.flush()


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main(folder: Path) -> int:
    from PySide6.QtCore import QTimer

    import reelwright.desktop.cowriter
    import reelwright.exporters.fdx
    import reelwright.exporters.pdf  # noqa: F401
    from reelwright.desktop.app import application, create_window
    from reelwright.desktop.documents import Prompts, RecoveryEntry
    from reelwright.desktop.settings import Settings

    class Answers(Prompts):
        """The writer: restores crashed work, never sees a dialog."""

        def restore(self, entry: RecoveryEntry) -> bool:
            return True

        def error(self, message: str) -> None:
            say("error", " ".join(message.split()))

    script = folder / "script.fountain"
    app = application()
    say("ready")
    start = int(sys.stdin.readline())
    settings = Settings()
    settings.set("files/autosave_seconds", 1)  # the timer autosaves too, between steps
    settings.set("files/opened_before", True)  # no sample script at start
    window = create_window(None, settings, prompts=Answers(None))
    document = window.document
    how = "restored"
    if document.path is None:
        how = "opened"
        if not document.open(script, ask=False):
            return 1
    window.show()
    text = window.editor.script_text()
    modified = document.modified
    say("start", how, digest(text), modified, document.path == script)
    if text != state_text(start):
        return 1
    number = start

    def step() -> None:
        nonlocal number
        number += 1
        cursor = window.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(chunk(number))
        window.editor.setTextCursor(cursor)
        if window.editor.script_text() != state_text(number):
            say("bad edit", number)
            app.exit(1)
            return
        if not document.autosave():
            say("autosave failed", number)
            app.exit(1)
            return
        say("autosaved", number)
        if number % SAVE_EVERY == 0:
            if not document.save():
                app.exit(1)
                return
            say("saved", number)
        if number % EXPORT_EVERY == 0:
            for name in EXPORTS:
                if not document.export(folder / name):
                    app.exit(1)
                    return
            say("exported", number)
        QTimer.singleShot(0, step)  # back to the event loop between steps, as a writer would

    QTimer.singleShot(0, step)
    return app.exec()


def kill_in_restore(kill_at: int) -> int:
    from reelwright.desktop.app import create_window
    from reelwright.desktop.documents import Prompts, RecoveryEntry
    from reelwright.desktop.settings import Settings

    calls = 0

    def hooked(function):  # type: ignore[no-untyped-def]
        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal calls
            calls += 1
            if calls == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return function(*args, **kwargs)

        return call

    class Answers(Prompts):
        def restore(self, entry: RecoveryEntry) -> bool:
            # From here on every file replace or delete may be the last thing the app does.
            for name in ("replace", "rename", "unlink", "remove"):
                setattr(os, name, hooked(getattr(os, name)))
            return True

    settings = Settings()
    settings.set("files/opened_before", True)
    window = create_window(None, settings, prompts=Answers(None))
    say("restored", calls, window.document.path)
    os._exit(0)


if __name__ == "__main__":
    if sys.argv[1] == "--kill-in-restore":
        sys.exit(kill_in_restore(int(sys.argv[2])))
    sys.exit(main(Path(sys.argv[1])))
