"""The script PyInstaller freezes: the same entry point as the ``reelwright`` command.

A frozen app has no Python interpreter to start for a child process, so Reelwright's model
probe (``models/probe.py``) uses a ``multiprocessing`` spawn there; ``freeze_support()``
must run first so that such a child runs its target instead of the CLI.
"""

from __future__ import annotations

import multiprocessing
import sys

from reelwright.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
