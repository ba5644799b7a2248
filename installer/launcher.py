"""The script PyInstaller freezes: the same entry point as the ``reelwright`` command.

A frozen app has no Python interpreter to start, and ``sys.executable`` is this program.
Reelwright's own child processes are started as ``sys.executable -m reelwright.<module>``
(the model probe: ``models/probe.py``), so that form is honoured here for Reelwright's own
modules, as ``python -m`` would, and everything else goes to the CLI.
"""

from __future__ import annotations

import runpy
import sys

from reelwright.cli.main import main


def run_module_if_asked(argv: list[str]) -> bool:
    """Run ``-m reelwright.x ARGS`` like ``python -m``; False when argv is a CLI call."""
    if len(argv) < 2 or argv[0] != "-m" or not argv[1].startswith("reelwright."):
        return False
    sys.argv = [argv[1], *argv[2:]]
    runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
    return True


if __name__ == "__main__":
    if run_module_if_asked(sys.argv[1:]):
        sys.exit(0)
    sys.exit(main())
