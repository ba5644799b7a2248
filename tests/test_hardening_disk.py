"""A full disk and a read-only disk, for real: a 64 KiB tmpfs, then the same remounted ro.

Mounting needs root (this machine's tests run as root, where chmod would not stop a write);
elsewhere the mount tests are skipped and the file-size limit test (EFBIG) still runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from reelwright.desktop.app import create_window
from reelwright.desktop.documents import Prompts
from reelwright.desktop.settings import Settings
from reelwright.screenplay.fileio import WriteError, atomic_write_text

OLD = "INT. ATTIC - NIGHT\n\nOld draft.\n"


class RecordingPrompts(Prompts):
    """Records error messages instead of showing a message box."""

    def __init__(self) -> None:
        super().__init__(None)
        self.errors: list[str] = []

    def error(self, message: str) -> None:
        self.errors.append(message)

    def unsaved(self, name: str) -> str:
        return "discard"  # the window closes at the end of a test with the text unsaved


def _mount(folder: Path, options: str) -> bool:
    if os.geteuid() != 0:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    if not _mount(folder, "size=64k"):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _window_on(target: Path, qtbot: object) -> tuple[object, RecordingPrompts]:
    prompts = RecordingPrompts()
    window = create_window(target, Settings(), prompts=prompts)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    return window, prompts


def test_disk_full_save_keeps_old_file_and_text(small_disk: Path, qtbot: object) -> None:
    target = small_disk / "draft.fountain"
    target.write_text(OLD, encoding="utf-8")
    window, prompts = _window_on(target, qtbot)
    big = OLD + "Action that goes on and on.\n\n" * 4000  # ~120 KB: more than the disk
    window.editor.set_script_text(big)  # type: ignore[attr-defined]
    window.editor.document().setModified(True)  # type: ignore[attr-defined]
    assert not window.document.save()  # type: ignore[attr-defined]
    assert prompts.errors and "the disk is full" in prompts.errors[-1]
    assert target.read_text(encoding="utf-8") == OLD
    assert window.editor.script_text() == big  # type: ignore[attr-defined]
    assert window.document.modified  # type: ignore[attr-defined]
    assert [p.name for p in small_disk.iterdir()] == ["draft.fountain"]
    # Once there is room (a shorter text), the same document saves.
    window.editor.set_script_text(OLD + "Shorter.\n")  # type: ignore[attr-defined]
    assert window.document.save()  # type: ignore[attr-defined]
    assert target.read_text(encoding="utf-8") == OLD + "Shorter.\n"


def test_disk_full_export_says_so(small_disk: Path, qtbot: object) -> None:
    target = small_disk / "draft.fountain"
    target.write_text(OLD, encoding="utf-8")
    window, prompts = _window_on(target, qtbot)
    window.editor.set_script_text(OLD + "Words and more words.\n\n" * 3000)  # type: ignore[attr-defined]
    assert not window.document.export(small_disk / "draft.pdf")  # type: ignore[attr-defined]
    assert prompts.errors and "the disk is full" in prompts.errors[-1]
    assert not (small_disk / "draft.pdf").exists()
    assert target.read_text(encoding="utf-8") == OLD


def test_read_only_disk_save_keeps_text(small_disk: Path, qtbot: object) -> None:
    target = small_disk / "draft.fountain"
    target.write_text(OLD, encoding="utf-8")
    window, prompts = _window_on(target, qtbot)
    remount = subprocess.run(
        ["mount", "-o", "remount,ro", str(small_disk)], capture_output=True, check=False
    )
    if remount.returncode != 0:
        pytest.skip("cannot remount read-only here")
    window.editor.set_script_text(OLD + "New line.\n")  # type: ignore[attr-defined]
    window.editor.document().setModified(True)  # type: ignore[attr-defined]
    assert not window.document.save()  # type: ignore[attr-defined]
    assert prompts.errors and "the disk is read-only" in prompts.errors[-1]
    assert target.read_text(encoding="utf-8") == OLD
    assert window.editor.script_text() == OLD + "New line.\n"  # type: ignore[attr-defined]
    assert window.document.modified  # type: ignore[attr-defined]


def test_read_only_disk_library(small_disk: Path) -> None:
    target = small_disk / "draft.fountain"
    target.write_text(OLD, encoding="utf-8")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(WriteError, match="the disk is read-only"):
        atomic_write_text(target, "New.\n")
    assert target.read_text(encoding="utf-8") == OLD


CHILD = textwrap.dedent(
    """
    import resource, sys
    from reelwright.screenplay.fileio import atomic_write_text
    from reelwright.screenplay.errors import ReelwrightError
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    try:
        atomic_write_text(sys.argv[1], "x" * 10000)
    except ReelwrightError as error:
        print(error)
    """
)


def test_file_size_limit_fails_cleanly(tmp_path: Path) -> None:
    """Without root: EFBIG from RLIMIT_FSIZE stands in for a full disk."""
    target = tmp_path / "draft.fountain"
    target.write_text(OLD, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(target)], capture_output=True, text=True, check=True
    )
    assert "could not write" in done.stdout and "left as it was" in done.stdout
    assert target.read_text(encoding="utf-8") == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["draft.fountain"]
