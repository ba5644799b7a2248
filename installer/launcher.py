"""The script PyInstaller freezes: the same entry point as the ``reelwright`` command."""

from __future__ import annotations

import sys

from reelwright.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
