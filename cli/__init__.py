"""The ``reelwright`` command line."""
