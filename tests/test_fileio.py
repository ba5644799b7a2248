from __future__ import annotations

import os
from pathlib import Path

import pytest

from reelwright.screenplay.fileio import WriteError, atomic_write_text, atomic_writer


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
