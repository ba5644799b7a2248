"""The Qt bindings' work-arounds are applied on purpose, never by importing a package."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from reelwright.desktop import qt_workarounds


def run(code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env
    )


def test_importing_the_desktop_package_patches_nothing() -> None:
    result = run(
        """
        import sys
        before = sys.getrefcount(None)
        import reelwright.desktop, reelwright.desktop.qt_workarounds as q
        assert sys.getrefcount(None) - before < 1 << 30, "None was patched at import"
        assert not q.applied()
        """
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not qt_workarounds.affected(), reason="needs the affected PySide6 6.12")
def test_apply_makes_none_and_the_bools_immortal_once() -> None:
    result = run(
        """
        import sys
        from reelwright.desktop import qt_workarounds as q
        counts = [sys.getrefcount(x) for x in (None, True, False)]
        assert q.apply() and q.applied()
        raised = [sys.getrefcount(x) - c for x, c in zip((None, True, False), counts)]
        assert all(r >= 1 << 40 for r in raised), raised
        again = [sys.getrefcount(x) for x in (None, True, False)]
        assert q.apply()
        assert all(sys.getrefcount(x) - a < 1 << 30 for x, a in zip((None, True, False), again))
        """
    )
    assert result.returncode == 0, result.stderr


def test_which_versions_need_it() -> None:
    old_python = sys.version_info < (3, 12) and sys.implementation.name == "cpython"
    assert qt_workarounds.affected((6, 12)) is old_python
    assert qt_workarounds.affected((6, 12, 1)) is old_python
    assert qt_workarounds.affected((6, 11)) is False
    assert qt_workarounds.affected((6, 13)) is False


def test_the_application_applies_them_before_qt_starts() -> None:
    result = run(
        """
        from reelwright.desktop import qt_workarounds as q
        from reelwright.desktop.app import application
        assert not q.applied()
        app = application()
        assert q.applied() == q.affected()
        """
    )
    assert result.returncode == 0, result.stderr


def test_the_test_session_applied_them() -> None:
    assert qt_workarounds.applied() == qt_workarounds.affected()
