"""Light and dark themes: one palette object read by the window, the editor and the highlighter.

The colours are calm on purpose: the page is paper-white (or a soft charcoal), the text is
near-black (or warm off-white), and everything that is not printed (markup characters,
notes, boneyard, sections) steps back in quieter tones so the script itself reads first.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    desk: str
    """Around the page."""
    paper: str
    text: str
    heading: str
    parenthetical: str
    transition: str
    section: str
    synopsis: str
    note: str
    boneyard: str
    markup: str
    title_key: str
    page_rule: str
    page_number: str
    selection: str
    current_line: str
    chrome: str
    """Window, docks, status bar."""
    chrome_text: str
    chrome_dim: str
    accent: str
    base: str
    """Lists and fields."""

    def color(self, name: str) -> QColor:
        return QColor(getattr(self, name))


LIGHT = Theme(
    name="light",
    desk="#e7e4dd",
    paper="#fffefa",
    text="#222222",
    heading="#111111",
    parenthetical="#555555",
    transition="#333333",
    section="#3c6a9c",
    synopsis="#6b8a62",
    note="#9b8a4e",
    boneyard="#a9a59c",
    markup="#bcb6aa",
    title_key="#8f8879",
    page_rule="#ddd6c8",
    page_number="#a8a195",
    selection="#cfe0f4",
    current_line="#fbf8f0",
    chrome="#f3f1ec",
    chrome_text="#2b2b2b",
    chrome_dim="#8a857b",
    accent="#3c6a9c",
    base="#fbfaf7",
)

DARK = Theme(
    name="dark",
    desk="#17181b",
    paper="#232428",
    text="#e2dfd8",
    heading="#f4f1ea",
    parenthetical="#a8a49c",
    transition="#cfcbc3",
    section="#87aad6",
    synopsis="#93b38a",
    note="#b3a572",
    boneyard="#686660",
    markup="#5c5a55",
    title_key="#8a857b",
    page_rule="#393a3f",
    page_number="#6c6a65",
    selection="#3b506d",
    current_line="#27282c",
    chrome="#1e1f22",
    chrome_text="#d9d6cf",
    chrome_dim="#85817a",
    accent="#87aad6",
    base="#1a1b1e",
)

THEMES = {theme.name: theme for theme in (LIGHT, DARK)}


def theme_named(name: str) -> Theme:
    return THEMES.get(name, LIGHT)


def application_palette(theme: Theme) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    palette.setColor(role.Window, QColor(theme.chrome))
    palette.setColor(role.WindowText, QColor(theme.chrome_text))
    palette.setColor(role.Base, QColor(theme.base))
    palette.setColor(role.AlternateBase, QColor(theme.chrome))
    palette.setColor(role.Text, QColor(theme.chrome_text))
    palette.setColor(role.Button, QColor(theme.chrome))
    palette.setColor(role.ButtonText, QColor(theme.chrome_text))
    palette.setColor(role.ToolTipBase, QColor(theme.paper))
    palette.setColor(role.ToolTipText, QColor(theme.text))
    palette.setColor(role.Highlight, QColor(theme.selection))
    palette.setColor(role.HighlightedText, QColor(theme.text))
    palette.setColor(role.PlaceholderText, QColor(theme.chrome_dim))
    palette.setColor(role.Link, QColor(theme.accent))
    palette.setColor(role.Mid, QColor(theme.page_rule))
    palette.setColor(role.Dark, QColor(theme.desk))
    for group in (QPalette.ColorGroup.Disabled,):
        palette.setColor(group, role.Text, QColor(theme.chrome_dim))
        palette.setColor(group, role.WindowText, QColor(theme.chrome_dim))
        palette.setColor(group, role.ButtonText, QColor(theme.chrome_dim))
    return palette


def style_sheet(theme: Theme) -> str:
    """The few rules a palette cannot express: hairline borders, roomy list rows."""
    return f"""
QMainWindow::separator {{ background: {theme.desk}; width: 1px; height: 1px; }}
QDockWidget {{ color: {theme.chrome_dim}; }}
QDockWidget::title {{ padding: 6px 10px; background: {theme.chrome}; }}
QTreeView, QListView {{ border: none; background: {theme.chrome}; outline: 0; }}
QTreeView::item {{ padding: 3px 2px; }}
QTreeView::item:selected {{ background: {theme.selection}; color: {theme.text}; }}
QLineEdit {{ border: 1px solid {theme.page_rule}; border-radius: 4px; padding: 4px 6px;
             background: {theme.base}; color: {theme.chrome_text}; }}
QStatusBar {{ background: {theme.chrome}; color: {theme.chrome_dim}; }}
QStatusBar QLabel {{ color: {theme.chrome_dim}; padding: 0 8px; }}
QToolBar {{ border: none; background: {theme.chrome}; spacing: 4px; }}
QMenuBar {{ background: {theme.chrome}; color: {theme.chrome_text}; }}
"""


def apply_theme(app: QApplication, theme: Theme) -> None:
    app.setStyle("Fusion")
    app.setPalette(application_palette(theme))
    app.setStyleSheet(style_sheet(theme))
