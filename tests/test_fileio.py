from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reelwright.screenplay.fileio import (
    WriteError,
    atomic_write_text,
    atomic_writer,
    remove_leftovers,
)


def test_atomic_write_replaces_content(tmp_path: Path) -> None:
    target = tmp_path / "script.fountain"
    target.write_text("old")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["script.fountain"]


def test_failure_inside_block_keeps_old_file(tmp_path: Path) -> None:
    target = tmp_path / "script.fountain"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("export failed")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["script.fountain"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_gives_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "script.fountain"
    target.write_text("old")
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(WriteError, match="permission denied"):
            atomic_write_text(target, "new")
    finally:
        tmp_path.chmod(0o700)
    assert target.read_text() == "old"


def test_missing_folder_gives_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="folder does not exist"):
        atomic_write_text(tmp_path / "nope" / "x.fountain", "text")


def test_new_file_gets_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "new.fountain"
    atomic_write_text(target, "x")
    assert target.stat().st_mode & 0o600 == 0o600


# -- what the target is ----------------------------------------------------------------------


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    """Writers keep scripts in synced folders and link them elsewhere: a save or export
    replaces the file the link points to, never the link itself."""
    real_folder = tmp_path / "synced"
    real_folder.mkdir()
    real = real_folder / "script.fountain"
    real.write_text("old")
    link = tmp_path / "script.fountain"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new"
    assert sorted(p.name for p in real_folder.iterdir()) == ["script.fountain"]
    # A link to a file not yet written (an export's destination) makes that file.
    dangling = tmp_path / "out.fdx"
    dangling.symlink_to(real_folder / "out.fdx")
    atomic_write_text(dangling, "<FinalDraft/>")
    assert dangling.is_symlink() and (real_folder / "out.fdx").read_text() == "<FinalDraft/>"


def test_a_read_only_file_is_refused_and_kept(tmp_path: Path) -> None:
    """Even for root (who may replace anything in a writable folder): the owner marked it."""
    target = tmp_path / "locked.pdf"
    target.write_text("the approved draft")
    target.chmod(0o444)
    with pytest.raises(WriteError, match=r"locked\.pdf: it is read-only; the file on disk"):
        atomic_write_text(target, "new")
    assert target.read_text() == "the approved draft"
    assert target.stat().st_mode & 0o777 == 0o444
    assert [p.name for p in tmp_path.iterdir()] == ["locked.pdf"]


def test_a_read_only_file_behind_a_link_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real.fountain"
    real.write_text("old")
    real.chmod(0o444)
    link = tmp_path / "link.fountain"
    link.symlink_to(real)
    with pytest.raises(WriteError, match="read-only"):
        atomic_write_text(link, "new")
    assert link.is_symlink() and real.read_text() == "old"


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_special_targets_are_refused(tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        target = tmp_path / "pipe.fdx"
        os.mkfifo(target)
        expected = r"it is a named pipe \(FIFO\), not a regular file; nothing was written"
    elif kind == "folder":
        target = tmp_path / "folder.pdf"
        target.mkdir()
        expected = "it is a folder"
    else:
        target = tmp_path / "null.pdf"
        target.symlink_to("/dev/null")
        expected = "it is a character device, not a regular file"
    with pytest.raises(WriteError, match=expected):
        atomic_write_text(target, "x")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    if kind == "fifo":
        assert stat.S_ISFIFO(target.stat().st_mode)


# -- leftovers of interrupted writes ------------------------------------------------------


def _leftover(folder: Path, name: str, suffix: str = "abcd1234") -> Path:
    path = folder / f".{name}.{suffix}.tmp"
    path.write_bytes(b"half a save")
    return path


def test_the_next_save_removes_leftovers_of_interrupted_saves(tmp_path: Path) -> None:
    target = tmp_path / "script.fountain"
    target.write_text("old")
    dead = [_leftover(tmp_path, "script.fountain", s) for s in ("abcd1234", "zz_9y8x7", "00000000")]
    # Not ours, or not this file's: left alone.
    others = [
        _leftover(tmp_path, "other.fountain"),
        tmp_path / ".script.fountain.notours.tmp",
        tmp_path / ".script.fountain.ABCD1234.tmp",
        tmp_path / "script.fountain.abcd1234.tmp",
    ]
    for path in others[1:]:
        path.write_text("keep")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert not any(path.exists() for path in dead)
    assert all(path.exists() for path in others)


def test_a_temporary_file_being_written_is_not_a_leftover(tmp_path: Path) -> None:
    """Two writers of one file (an autosave thread and a save, two windows): the second
    to finish must not delete the first one's temporary file under it."""
    target = tmp_path / "script.fountain"
    target.write_text("old")
    with atomic_writer(target) as first:
        first.write(b"first")
        atomic_write_text(target, "second")
        assert len([p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]) == 1
    assert target.read_text() == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["script.fountain"]


def test_remove_leftovers_skips_links_and_folders(tmp_path: Path) -> None:
    target = tmp_path / "script.fountain"
    outside = tmp_path / "precious.txt"
    outside.write_text("keep")
    link = tmp_path / ".script.fountain.abcd1234.tmp"
    link.symlink_to(outside)
    folder = tmp_path / ".script.fountain.efgh5678.tmp"
    folder.mkdir()
    assert remove_leftovers(target) == []
    assert link.is_symlink() and folder.is_dir() and outside.read_text() == "keep"
