"""The PySide6 desktop application.

Importing this package changes nothing: the work-arounds for the Qt bindings live in
:mod:`reelwright.desktop.qt_workarounds` and are applied by ``app.application()`` (and by
the test set-up) before a ``QApplication`` exists.
"""
