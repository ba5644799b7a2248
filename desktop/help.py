"""The Help menu's pages: the keyboard reference, Fountain in one page, About.

The keyboard reference is printed from the key map (:mod:`reelwright.desktop.keymap`), the
table the menus are built from, plus every other key bound to an action of the window
(the co-writer's, made from its action registry), so the page lists what the keys do.
"""

from __future__ import annotations

import html
from importlib import metadata

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reelwright.desktop import keymap
from reelwright.desktop.i18n import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate


def app_version() -> str:
    try:
        return metadata.version("reelwright")
    except metadata.PackageNotFoundError:
        return "(not installed)"


def about_text(system: str = "") -> str:
    text = f"Reelwright {app_version()}\n\n" + translate(
        "Help", "Write screenplays in Fountain, offline, with a local co-writer."
    )
    return text + ("\n\n" + system if system else "")


def _menu_title(menu: QMenu) -> str:
    return menu.title().replace("&", "")


def _bound_elsewhere(window: QMainWindow) -> list[keymap.ReferenceRow]:
    """Keys bound to the window's actions that the key map does not hold, by menu."""
    rows: list[keymap.ReferenceRow] = []
    seen: set[int] = set()

    def visit(menu: QMenu) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                visit(sub)
                continue
            add(action, _menu_title(menu))

    def add(action: QAction, group: str) -> None:
        if id(action) in seen or action.objectName() in keymap.BY_ID:
            return
        seen.add(id(action))
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if not keys:
            return
        text = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        label = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        rows.append(keymap.ReferenceRow(group, label.rstrip("…"), text, action.statusTip()))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            visit(menu)
    for action in window.actions():
        add(action, "Window")
    return rows


def keyboard_reference_rows(window: QMainWindow | None = None) -> list[keymap.ReferenceRow]:
    extra = _bound_elsewhere(window) if window is not None else []
    return keymap.reference_rows(extra)


def keyboard_reference_html(window: QMainWindow | None = None) -> str:
    rows = keyboard_reference_rows(window)
    groups: dict[str, list[keymap.ReferenceRow]] = {}
    for row in rows:
        groups.setdefault(row.group, []).append(row)
    parts = [
        "<h2>{}</h2>".format(html.escape(translate("Help", "Keyboard reference"))),
        "<p>{}</p>".format(
            html.escape(
                translate("Help", "Every key of this window. On macOS, Ctrl is the Command key.")
            )
        ),
    ]
    for group, members in groups.items():
        parts.append(f"<h3>{html.escape(group)}</h3><table cellspacing='0' cellpadding='3'>")
        for row in members:
            tip = f"<br><small>{html.escape(row.tip)}</small>" if row.tip else ""
            parts.append(
                f"<tr><td width='170'><b>{html.escape(row.keys)}</b></td>"
                f"<td>{html.escape(row.command)}{tip}</td></tr>"
            )
        parts.append("</table>")
    return "\n".join(parts)


FOUNTAIN_INTRO = QT_TRANSLATE_NOOP(
    "Help",
    "A script is plain text. What a line <i>is</i> follows from what it says and where it "
    "stands; a character at the start <i>forces</i> an element when the plain form would be "
    "read as something else. The Element menu (Ctrl+1…7) writes that markup for you.",
)
FOUNTAIN_ROWS: tuple[tuple[str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("Help", "Scene heading"),
        QT_TRANSLATE_NOOP(
            "Help",
            "<tt>INT. KITCHEN - NIGHT</tt>: starts with INT, EXT, EST, INT./EXT. or I/E, a "
            "blank line before and after. Forced: <tt>.SNIPER SCOPE POV</tt>. A scene number "
            "goes at the end: <tt>INT. KITCHEN - NIGHT #12A#</tt>.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Action"),
        QT_TRANSLATE_NOOP(
            "Help", "Anything else. Every line break is kept. Forced: <tt>!SUDDENLY</tt>."
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Character"),
        QT_TRANSLATE_NOOP(
            "Help",
            "<tt>MAYA</tt> in upper case, a blank line before, the speech right below. "
            "Extensions in any case: <tt>MAYA (V.O.)</tt>, <tt>MAYA (cont'd)</tt>. Text after "
            "the extension makes the line action: <tt>JOHN (40s) sits on a hay bale.</tt> "
            "Forced: <tt>@McCLANE</tt>.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Dialogue"),
        QT_TRANSLATE_NOOP(
            "Help",
            "The lines under a cue, up to a blank line. A line of two spaces keeps an empty "
            "line inside a speech.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Parenthetical"),
        QT_TRANSLATE_NOOP("Help", "<tt>(quietly)</tt> on its own line inside a speech."),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Dual dialogue"),
        QT_TRANSLATE_NOOP("Help", "<tt>^</tt> after the second cue: <tt>BOB ^</tt>."),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Transition"),
        QT_TRANSLATE_NOOP(
            "Help",
            "<tt>CUT TO:</tt>: upper case, ending in TO:, blank lines around. Forced: "
            "<tt>&gt; FADE OUT.</tt>",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Shot"),
        QT_TRANSLATE_NOOP("Help", "Written as a forced heading: <tt>.ANGLE ON MAYA</tt>."),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Centered"),
        QT_TRANSLATE_NOOP("Help", "<tt>&gt; THE END &lt;</tt>"),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Lyrics"),
        QT_TRANSLATE_NOOP("Help", "<tt>~Happy birthday to you</tt>"),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Emphasis"),
        QT_TRANSLATE_NOOP(
            "Help",
            "<tt>*italic*</tt>, <tt>**bold**</tt>, <tt>***bold italic***</tt>, "
            "<tt>_underline_</tt>; <tt>\\*</tt> is a plain star.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Title page"),
        QT_TRANSLATE_NOOP(
            "Help",
            "First in the file: <tt>Title: The Last Crossing</tt>, <tt>Author: …</tt>, "
            "<tt>Draft date: …</tt>; indent further lines of a value by three spaces.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Sections, synopses"),
        QT_TRANSLATE_NOOP(
            "Help",
            "<tt># Act One</tt>, <tt>## Sequence</tt>, <tt>= The heist goes wrong.</tt> Shown "
            "in the navigator, not printed.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Notes"),
        QT_TRANSLATE_NOOP("Help", "<tt>[[a note to yourself]]</tt>, not printed."),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Boneyard"),
        QT_TRANSLATE_NOOP("Help", "<tt>/* cut text */</tt>, ignored."),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Page break"),
        QT_TRANSLATE_NOOP("Help", "<tt>===</tt> on its own line."),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Chinese and Japanese"),
        QT_TRANSLATE_NOOP(
            "Help",
            "The full-width marks of an input method mean what the plain ones mean: "
            "<tt>Title：电影</tt>, <tt>INT。 医院-夜</tt>, <tt>＠张伟</tt>, <tt>（轻声）</tt>, "
            "<tt>［［笔记］］</tt>. In a script written without capitals, a short name on its "
            "own line with speech below is a cue (<tt>张伟</tt>); Script → Cues without "
            "Capitals switches that for the script. A heading in Chinese words is forced: "
            "<tt>．内景 医院 - 夜</tt>.",
        ),
    ),
)
FOUNTAIN_OUTRO = QT_TRANSLATE_NOOP("Help", "The full specification is at fountain.io/syntax.")


def fountain_syntax_html() -> str:
    """Fountain in one page, in the interface's language (the examples stay Fountain)."""
    parts = [
        "<h2>{}</h2>".format(html.escape(translate("Help", "Fountain in one page"))),
        f"<p>{translate('Help', FOUNTAIN_INTRO)}</p>",
        "<table cellspacing='0' cellpadding='4'>",
    ]
    for name, text in FOUNTAIN_ROWS:
        parts.append(
            f"<tr><td><b>{html.escape(translate('Help', name))}</b></td>"
            f"<td>{translate('Help', text)}</td></tr>"
        )
    parts.append("</table>")
    parts.append(f"<p>{translate('Help', FOUNTAIN_OUTRO)}</p>")
    return "\n".join(parts)


def _page(parent: QWidget, title: str, body: str, name: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowTitle(title)
    dialog.resize(640, 620)
    layout = QVBoxLayout(dialog)
    browser = QTextBrowser(dialog)
    browser.setObjectName(name + "Text")
    browser.setOpenExternalLinks(False)
    browser.setHtml(body)
    layout.addWidget(browser)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return dialog


def show_keyboard_reference(window: QMainWindow) -> QDialog:
    dialog = _page(
        window,
        translate("Help", "Keyboard Reference"),
        keyboard_reference_html(window),
        "keyboardReference",
    )
    dialog.show()
    return dialog


def show_fountain_syntax(window: QWidget) -> QDialog:
    dialog = _page(
        window, translate("Help", "Fountain Syntax"), fountain_syntax_html(), "fountainSyntax"
    )
    dialog.show()
    return dialog
