"""One print setup: the pages the editor counts are the pages the PDF prints.

Issue 17: Big Fish showed 122 pages in the editor and printed 125 with "one blank line
before headings", because the export rebuilt the layout without that preference. Now the
editor's analysis, the status bar, ``reelwright export`` and File > Export all read one
:class:`PrintSetup`; checked here for every corpus script under every preference that
changes pages, through the core, and through the real window for Big Fish.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pypdf
import pytest

from reelwright.desktop.analysis import analyse
from reelwright.exporters import export
from reelwright.screenplay.parser import parse
from reelwright.screenplay.print_setup import PrintSetup
from reelwright.screenplay.textio import read_script_text

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SCRIPTS = sorted(p.name for p in CORPUS.glob("*.fountain"))
PREFERENCES = [
    PrintSetup(paper=paper, heading_blanks=blanks, profile=profile)
    for paper, blanks, profile in itertools.product(
        ("letter", "a4"), (1, 2), ("screenplay", "multicam")
    )
] + [
    PrintSetup(paper="letter", print_notes=True, print_sections=True),
    PrintSetup(paper="a4", scene_numbers="both", contd_after_action=False),
]


@pytest.mark.parametrize("name", SCRIPTS)
def test_the_editor_counts_the_pages_the_pdf_prints(name: str, tmp_path: Path) -> None:
    text = read_script_text(CORPUS / name)
    for number, setup in enumerate(PREFERENCES):
        counted = analyse(text, setup).page_count  # what the status bar shows
        out = tmp_path / f"{number}.pdf"
        pagination = export(parse(text), out, setup=setup)
        assert pagination is not None
        printed = len(pypdf.PdfReader(out).pages)
        title_pages = printed - pagination.page_count
        assert counted == pagination.page_count, (name, setup)
        assert title_pages == (1 if parse(text).title_page else 0), (name, setup)


WINDOW_PREFERENCES: list[dict[str, object]] = [
    {"editor/paper": "letter"},
    {"editor/heading_blanks": 1},
    {"editor/paper": "a4"},
    {"print/profile": "multicam"},
    {"editor/heading_blanks": 2, "print/profile": "screenplay"},
    {"print/notes": True, "print/sections": True},
    {"export/scene_numbers": "both", "print/contd_after_action": False},
]
"""Preferences changed one after the other in the window, each a key of
``print_setup.SETTINGS_KEYS`` (the window follows every one of them)."""


@pytest.mark.parametrize("name", SCRIPTS)
def test_the_window_counts_the_pages_file_export_prints(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot
) -> None:
    """Issue 17 through the window, for every corpus script and every preference: the
    status bar's count, the editor's page rules and File > Export's PDF agree after each
    change, with no other step than the preference (no paper chosen again)."""
    from PySide6.QtWidgets import QFileDialog

    from reelwright.desktop.app import create_window
    from reelwright.desktop.settings import Settings
    from reelwright.screenplay.print_setup import SETTINGS_KEYS

    assert {key for change in WINDOW_PREFERENCES for key in change} == set(SETTINGS_KEYS.values())
    settings = Settings(tmp_path / "settings.ini")
    settings.set("export/open_pdf", False)
    window = create_window(CORPUS / name, settings, offer_recovery=False)
    qtbot.addWidget(window)
    try:
        for number, change in enumerate(WINDOW_PREFERENCES):
            for key, value in change.items():
                settings.set(key, value)
            window.wait_until_ready()
            analysis = window.analyzer.latest
            assert analysis is not None
            setup = window.print_setup()
            assert analysis.setup == setup.for_script(analysis.script), change
            assert window.editor.page_layout == analysis.layout
            out = tmp_path / f"{number}.pdf"
            monkeypatch.setattr(
                QFileDialog, "getSaveFileName", lambda *args, out=out, **kw: (str(out), "")
            )
            window.export_dialog("pdf")
            title_pages = 1 if analysis.script.title_page else 0
            printed = len(pypdf.PdfReader(out).pages) - title_pages
            assert printed == analysis.page_count, (name, change)
            assert window.status._page_count == printed, (name, change)
            pages = [page for _, page in window.editor.page_starts]
            assert pages == list(range(2, printed + 1)), (name, change)
    finally:
        window.document.editor.document().setModified(False)
        window.close()
        window.analyzer.shutdown()


def test_big_fish_one_blank_line_before_headings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The case of issue 17, through the window: a preference changed, the status bar's
    count, File > Export's PDF."""
    pytest.importorskip("PySide6")
    from PySide6.QtWidgets import QFileDialog

    from reelwright.desktop.app import create_window
    from reelwright.desktop.settings import Settings

    settings = Settings(tmp_path / "settings.ini")
    settings.set("editor/heading_blanks", 1)
    settings.set("export/open_pdf", False)
    window = create_window(CORPUS / "Big-Fish.fountain", settings, offer_recovery=False)
    try:
        for paper in ("letter", "a4"):
            window.set_paper(paper)  # the window reads the whole setup again
            window.wait_until_ready()  # its analysis runs on the worker
            analysis = window.analyzer.latest
            assert analysis is not None
            out = tmp_path / f"big-fish-{paper}.pdf"
            monkeypatch.setattr(
                QFileDialog, "getSaveFileName", lambda *args, out=out, **kw: (str(out), "")
            )
            window.export_dialog("pdf")
            printed = len(pypdf.PdfReader(out).pages) - 1  # the title page is not counted
            assert printed == analysis.page_count, paper
            assert window.status._page_count == analysis.page_count
        # The same preference through the command line prints the same pages.
        one = analyse(
            read_script_text(CORPUS / "Big-Fish.fountain"), PrintSetup("a4", heading_blanks=1)
        )
        assert one.page_count == analysis.page_count
    finally:
        window.document.editor.document().setModified(False)
        window.close()
        window.analyzer.shutdown()
