"""Every key of the editor and the window, in one table.

The menus take their text and shortcuts from :data:`KEYMAP` (``MainWindow`` builds each
action from its id, and so does the writer's desk through ``MainWindow.keyed_action``),
the Help menu's keyboard reference is printed from the same table, and lists beside them
the keys other modules bound to the window's actions (the co-writer's, made from its
writing-action registry): one source per key, so the reference cannot drift from what
the keys do (a test checks the window against it, and the co-writer's keys against it).

Keys are written the portable way Qt reads them: ``Ctrl`` is the Command key on macOS
(Qt maps it), so ``Ctrl+1`` is Cmd+1 there, as in Final Draft. Where a platform has its own
convention for a command, ``standard`` names Qt's standard key and the platform's bindings
are used; explicit keys of other entries win over those bindings (GNOME binds Find Next to
Ctrl+G too, and Go to Scene claims it). Keys that Linux desktops take for themselves
(Ctrl+Alt+T opens a terminal, Ctrl+Alt+L locks the screen, Ctrl+Alt+D shows the desktop,
Ctrl+Alt+arrows switch workspaces, anything with the Super key) are never bound.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from reelwright.desktop.i18n import QT_TRANSLATE_NOOP

Standard = QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One command or typing key."""

    id: str
    """Stable id, ``"menu.command"``; the window's QAction carries it as objectName."""
    text: str
    """Menu text, with ``&`` before the mnemonic letter."""
    group: str
    """The menu it lives in; "Typing" for keys the editor handles itself (not menu actions)."""
    keys: tuple[str, ...] = ()
    """Portable key sequences (``Ctrl`` means Cmd on macOS)."""
    standard: QKeySequence.StandardKey | None = None
    """Qt's standard key for this command: the platform's own bindings come first."""
    mac: tuple[str, ...] | None = None
    """Keys on macOS when they differ from ``keys``."""
    tip: str = ""
    """What the key does, for the keyboard reference and the status tip."""
    name: str = ""
    """The command's name out of its menu, where the menu text needs its submenu to be
    read ("With the Saved Version" under "Compare Drafts"); else the text is the name."""

    @property
    def label(self) -> str:
        """The name, or the text without mnemonics or an ellipsis."""
        return plain_text(self.name or self.text)

    @property
    def shown_text(self) -> str:
        """The menu text in the interface's language."""
        return translated(self.text)

    @property
    def shown_label(self) -> str:
        """The label in the interface's language (the keyboard reference's command)."""
        return plain_text(translated(self.name or self.text))

    @property
    def shown_tip(self) -> str:
        return translated(self.tip) if self.tip else ""


def translated(text: str) -> str:
    """A text of this table in the interface's language."""
    return QCoreApplication.translate("Keymap", text)


_MNEMONIC_SUFFIX = re.compile(r"\s*\(&[^&\s]\)")


def plain_text(text: str) -> str:
    """A menu text without its mnemonic (``&Save``, ``保存(&S)``) or ellipsis."""
    text = _MNEMONIC_SUFFIX.sub("", text)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip("…").removesuffix("...")


ELEMENT_IDS = (
    "element.scene_heading",
    "element.action",
    "element.character",
    "element.parenthetical",
    "element.dialogue",
    "element.transition",
    "element.shot",
)

KEYMAP: tuple[KeySpec, ...] = (
    # File
    KeySpec(
        "file.new",
        QT_TRANSLATE_NOOP("Keymap", "&New"),
        "File",
        standard=Standard.New,
        tip=QT_TRANSLATE_NOOP("Keymap", "a new, empty script"),
    ),
    KeySpec(
        "file.open",
        QT_TRANSLATE_NOOP("Keymap", "&Open…"),
        "File",
        standard=Standard.Open,
        tip=QT_TRANSLATE_NOOP("Keymap", "open a script"),
    ),
    KeySpec("file.import_fdx", QT_TRANSLATE_NOOP("Keymap", "&Import Final Draft (FDX)…"), "File"),
    KeySpec(
        "file.save",
        QT_TRANSLATE_NOOP("Keymap", "&Save"),
        "File",
        standard=Standard.Save,
        tip=QT_TRANSLATE_NOOP("Keymap", "save the script"),
    ),
    KeySpec(
        "file.save_as", QT_TRANSLATE_NOOP("Keymap", "Save &As…"), "File", standard=Standard.SaveAs
    ),
    KeySpec(
        "file.export_pdf",
        QT_TRANSLATE_NOOP("Keymap", "Export &PDF…"),
        "File",
        ("Ctrl+E",),
        tip=QT_TRANSLATE_NOOP("Keymap", "print to PDF"),
    ),
    KeySpec("file.export_fdx", QT_TRANSLATE_NOOP("Keymap", "Export &Final Draft (FDX)…"), "File"),
    KeySpec("file.export_fountain", QT_TRANSLATE_NOOP("Keymap", "Export F&ountain…"), "File"),
    # Print (desktop.print_preview): Ctrl+Shift+P is the co-writer's, so the preview takes
    # Ctrl+Alt+P (no Linux desktop claims it).
    KeySpec(
        "file.print_preview",
        QT_TRANSLATE_NOOP("Keymap", "Print Pre&view…"),
        "File",
        ("Ctrl+Alt+P",),
        tip=QT_TRANSLATE_NOOP("Keymap", "the pages as they print; print them or save the PDF"),
    ),
    KeySpec(
        "file.print",
        QT_TRANSLATE_NOOP("Keymap", "Prin&t…"),
        "File",
        standard=Standard.Print,
        tip=QT_TRANSLATE_NOOP("Keymap", "print the script's pages on a printer"),
    ),
    KeySpec(
        "file.quit",
        QT_TRANSLATE_NOOP("Keymap", "&Quit"),
        "File",
        ("Ctrl+Q",),
        standard=Standard.Quit,
    ),
    # Edit
    KeySpec(
        "edit.undo",
        QT_TRANSLATE_NOOP("Keymap", "&Undo"),
        "Edit",
        standard=Standard.Undo,
        tip=QT_TRANSLATE_NOOP("Keymap", "about a word at a time"),
    ),
    KeySpec("edit.redo", QT_TRANSLATE_NOOP("Keymap", "&Redo"), "Edit", standard=Standard.Redo),
    KeySpec("edit.cut", QT_TRANSLATE_NOOP("Keymap", "Cu&t"), "Edit", standard=Standard.Cut),
    KeySpec("edit.copy", QT_TRANSLATE_NOOP("Keymap", "&Copy"), "Edit", standard=Standard.Copy),
    KeySpec("edit.paste", QT_TRANSLATE_NOOP("Keymap", "&Paste"), "Edit", standard=Standard.Paste),
    KeySpec(
        "edit.select_all",
        QT_TRANSLATE_NOOP("Keymap", "Select &All"),
        "Edit",
        standard=Standard.SelectAll,
    ),
    KeySpec("edit.find", QT_TRANSLATE_NOOP("Keymap", "&Find…"), "Edit", standard=Standard.Find),
    KeySpec(
        "edit.replace",
        QT_TRANSLATE_NOOP("Keymap", "Find and &Replace…"),
        "Edit",
        ("Ctrl+H",),
        mac=("Ctrl+Alt+F",),
    ),
    KeySpec(
        "edit.find_next",
        QT_TRANSLATE_NOOP("Keymap", "Find &Next"),
        "Edit",
        ("F3",),
        mac=("Ctrl+G",),
    ),
    KeySpec(
        "edit.find_previous",
        QT_TRANSLATE_NOOP("Keymap", "Find Pre&vious"),
        "Edit",
        ("Shift+F3",),
        mac=("Ctrl+Shift+G",),
    ),
    KeySpec(
        "edit.go_to_scene",
        QT_TRANSLATE_NOOP("Keymap", "&Go to Scene…"),
        "Edit",
        ("Ctrl+G",),
        mac=("Ctrl+L",),
        tip=QT_TRANSLATE_NOOP("Keymap", "by number"),
    ),
    KeySpec("edit.preferences", QT_TRANSLATE_NOOP("Keymap", "Pr&eferences…"), "Edit", ("Ctrl+,",)),
    # View
    KeySpec(
        "view.zoom_in",
        QT_TRANSLATE_NOOP("Keymap", "Zoom &In"),
        "View",
        ("Ctrl+=",),
        standard=Standard.ZoomIn,
    ),
    KeySpec(
        "view.zoom_out", QT_TRANSLATE_NOOP("Keymap", "Zoom &Out"), "View", standard=Standard.ZoomOut
    ),
    KeySpec("view.zoom_reset", QT_TRANSLATE_NOOP("Keymap", "&Actual Size"), "View", ("Ctrl+0",)),
    KeySpec("view.theme_light", QT_TRANSLATE_NOOP("Keymap", "&Light Theme"), "View"),
    KeySpec("view.theme_dark", QT_TRANSLATE_NOOP("Keymap", "&Dark Theme"), "View"),
    KeySpec("view.page_breaks", QT_TRANSLATE_NOOP("Keymap", "Page &Breaks"), "View"),
    KeySpec(
        "view.distraction_free",
        QT_TRANSLATE_NOOP("Keymap", "&Distraction-Free Mode"),
        "View",
        ("F11",),
        mac=("Ctrl+Shift+F",),
        tip=QT_TRANSLATE_NOOP("Keymap", "only the page; Esc comes back"),
    ),
    KeySpec(
        "view.index_cards", QT_TRANSLATE_NOOP("Keymap", "&Index Cards"), "View", ("Ctrl+Shift+I",)
    ),
    # Element (Final Draft's Ctrl+1..7)
    KeySpec(
        "element.scene_heading",
        QT_TRANSLATE_NOOP("Keymap", "&Scene Heading"),
        "Element",
        ("Ctrl+1",),
    ),
    KeySpec("element.action", QT_TRANSLATE_NOOP("Keymap", "&Action"), "Element", ("Ctrl+2",)),
    KeySpec("element.character", QT_TRANSLATE_NOOP("Keymap", "&Character"), "Element", ("Ctrl+3",)),
    KeySpec(
        "element.parenthetical",
        QT_TRANSLATE_NOOP("Keymap", "&Parenthetical"),
        "Element",
        ("Ctrl+4",),
    ),
    KeySpec("element.dialogue", QT_TRANSLATE_NOOP("Keymap", "&Dialogue"), "Element", ("Ctrl+5",)),
    KeySpec(
        "element.transition", QT_TRANSLATE_NOOP("Keymap", "&Transition"), "Element", ("Ctrl+6",)
    ),
    KeySpec("element.shot", QT_TRANSLATE_NOOP("Keymap", "S&hot"), "Element", ("Ctrl+7",)),
    # Script
    KeySpec(
        "script.title_page",
        QT_TRANSLATE_NOOP("Keymap", "&Title Page…"),
        "Script",
        ("Ctrl+Shift+T",),
    ),
    KeySpec(
        "script.rename_character",
        QT_TRANSLATE_NOOP("Keymap", "&Rename Character…"),
        "Script",
        ("Ctrl+Shift+R",),
        tip=QT_TRANSLATE_NOOP("Keymap", "cues and mentions, as one undo step"),
    ),
    KeySpec("script.paper_letter", QT_TRANSLATE_NOOP("Keymap", "US &Letter"), "Script"),
    KeySpec("script.paper_a4", QT_TRANSLATE_NOOP("Keymap", "&A4"), "Script"),
    KeySpec(
        "script.caseless_auto",
        QT_TRANSLATE_NOOP("Keymap", "&Automatic"),
        "Script",
        tip=QT_TRANSLATE_NOOP(
            "Keymap",
            "as the script's letters say: on for Chinese or Japanese, "
            "off for scripts with capitals",
        ),
        name=QT_TRANSLATE_NOOP("Keymap", "Cues without Capitals: Automatic"),
    ),
    KeySpec(
        "script.caseless_on",
        QT_TRANSLATE_NOOP("Keymap", "&On"),
        "Script",
        tip=QT_TRANSLATE_NOOP(
            "Keymap", "a short line without capitals, a blank line above and speech below, is a cue"
        ),
        name=QT_TRANSLATE_NOOP("Keymap", "Cues without Capitals: On"),
    ),
    KeySpec(
        "script.caseless_off",
        QT_TRANSLATE_NOOP("Keymap", "O&ff"),
        "Script",
        tip=QT_TRANSLATE_NOOP("Keymap", "only a name in capitals, or one forced with @, is a cue"),
        name=QT_TRANSLATE_NOOP("Keymap", "Cues without Capitals: Off"),
    ),
    # Tools (the writer's desk)
    KeySpec(
        "tools.spelling",
        QT_TRANSLATE_NOOP("Keymap", "Check &Spelling as You Type"),
        "Tools",
        ("F7",),
        tip=QT_TRANSLATE_NOOP(
            "Keymap", "underline misspelt words; right-click one for suggestions"
        ),
    ),
    KeySpec(
        "tools.reports",
        QT_TRANSLATE_NOOP("Keymap", "&Reports…"),
        "Tools",
        tip=QT_TRANSLATE_NOOP("Keymap", "charts, and the scene, cast and location tables"),
    ),
    KeySpec(
        "tools.compare_saved",
        QT_TRANSLATE_NOOP("Keymap", "With the &Saved Version"),
        "Tools",
        ("Ctrl+Shift+J",),
        tip=QT_TRANSLATE_NOOP("Keymap", "what changed since the last save"),
        name=QT_TRANSLATE_NOOP("Keymap", "Compare with the Saved Version"),
    ),
    KeySpec(
        "tools.compare_file",
        QT_TRANSLATE_NOOP("Keymap", "With a &File…"),
        "Tools",
        name=QT_TRANSLATE_NOOP("Keymap", "Compare with a File"),
    ),
    KeySpec(
        "tools.compare_autosave",
        QT_TRANSLATE_NOOP("Keymap", "With an &Autosave…"),
        "Tools",
        name=QT_TRANSLATE_NOOP("Keymap", "Compare with an Autosave"),
    ),
    KeySpec(
        "tools.goal",
        QT_TRANSLATE_NOOP("Keymap", "Writing &Goal…"),
        "Tools",
        tip=QT_TRANSLATE_NOOP("Keymap", "a page or word target for the session or the draft"),
    ),
    # Production (desktop.production)
    KeySpec(
        "production.start_round",
        QT_TRANSLATE_NOOP("Keymap", "&Start Revision Round…"),
        "Production",
        tip=QT_TRANSLATE_NOOP(
            "Keymap", "the next round of revised pages: Blue, Pink, Yellow … with its date"
        ),
    ),
    KeySpec(
        "production.mark",
        QT_TRANSLATE_NOOP("Keymap", "&Mark Revisions"),
        "Production",
        tip=QT_TRANSLATE_NOOP(
            "Keymap", "mark every change in the current round and show it in its colour"
        ),
    ),
    KeySpec(
        "production.clear_round",
        QT_TRANSLATE_NOOP("Keymap", "Clear Marks of the &Current Round"),
        "Production",
    ),
    KeySpec(
        "production.clear_all",
        QT_TRANSLATE_NOOP("Keymap", "Clear &All Revision Marks"),
        "Production",
        tip=QT_TRANSLATE_NOOP("Keymap", "a clean draft: every round's marks go"),
    ),
    KeySpec(
        "production.lock_scenes",
        QT_TRANSLATE_NOOP("Keymap", "&Lock Scene Numbers"),
        "Production",
        tip=QT_TRANSLATE_NOOP(
            "Keymap",
            "write each scene's number; new scenes become 12A, 12B and deleted ones OMITTED",
        ),
    ),
    KeySpec(
        "production.unlock_scenes",
        QT_TRANSLATE_NOOP("Keymap", "&Unlock Scene Numbers"),
        "Production",
        tip=QT_TRANSLATE_NOOP(
            "Keymap", "remove the OMITTED headings and number the scenes from 1 again"
        ),
    ),
    KeySpec(
        "production.omit_scene",
        QT_TRANSLATE_NOOP("Keymap", "&Omit Scene"),
        "Production",
        tip=QT_TRANSLATE_NOOP(
            "Keymap", "replace the scene at the caret by OMITTED, keeping its number"
        ),
    ),
    KeySpec(
        "production.lock_pages",
        QT_TRANSLATE_NOOP("Keymap", "Lock &Pages"),
        "Production",
        tip=QT_TRANSLATE_NOOP(
            "Keymap", "keep the page numbers: added text makes 23A, cut pages make 24-25"
        ),
    ),
    KeySpec("production.unlock_pages", QT_TRANSLATE_NOOP("Keymap", "U&nlock Pages"), "Production"),
    # Help
    KeySpec(
        "help.keyboard", QT_TRANSLATE_NOOP("Keymap", "&Keyboard Reference"), "Help", ("Ctrl+/",)
    ),
    KeySpec(
        "help.fountain",
        QT_TRANSLATE_NOOP("Keymap", "&Fountain Syntax"),
        "Help",
        standard=Standard.HelpContents,
    ),
    KeySpec("help.about", QT_TRANSLATE_NOOP("Keymap", "&About Reelwright"), "Help"),
    # Typing: the editor handles these keys itself, by element
    KeySpec(
        "typing.enter",
        QT_TRANSLATE_NOOP("Keymap", "Enter"),
        "Typing",
        ("Return",),
        tip=QT_TRANSLATE_NOOP(
            "Keymap",
            "finishes the element: scene heading → action, action → action, character → "
            "dialogue, parenthetical → dialogue, dialogue → action, transition → scene heading; "
            "on an empty element, back to action",
        ),
    ),
    KeySpec(
        "typing.tab",
        QT_TRANSLATE_NOOP("Keymap", "Tab"),
        "Typing",
        ("Tab",),
        tip=QT_TRANSLATE_NOOP(
            "Keymap",
            "on an empty line: action → character → transition; in empty dialogue: "
            "parenthetical; in a line with text: the completions",
        ),
    ),
    KeySpec(
        "typing.backtab",
        QT_TRANSLATE_NOOP("Keymap", "Shift+Tab"),
        "Typing",
        ("Shift+Tab",),
        tip=QT_TRANSLATE_NOOP(
            "Keymap",
            "on an empty line: one step back (transition → character → action, "
            "parenthetical → dialogue)",
        ),
    ),
    KeySpec(
        "typing.soft_return",
        QT_TRANSLATE_NOOP("Keymap", "Shift+Enter"),
        "Typing",
        ("Shift+Return",),
        tip=QT_TRANSLATE_NOOP(
            "Keymap", "a new line in the same element, without the element change"
        ),
    ),
    KeySpec(
        "typing.complete",
        QT_TRANSLATE_NOOP("Keymap", "Completion"),
        "Typing",
        ("Return", "Tab"),
        tip=QT_TRANSLATE_NOOP(
            "Keymap",
            "in the completion list: take the name and move on as if the element were done",
        ),
    ),
    KeySpec("typing.dismiss", QT_TRANSLATE_NOOP("Keymap", "Close Completions"), "Typing", ("Esc",)),
)

BY_ID: dict[str, KeySpec] = {spec.id: spec for spec in KEYMAP}
GROUPS: tuple[str, ...] = tuple(dict.fromkeys(spec.group for spec in KEYMAP))
GROUP_TITLES: dict[str, str] = {
    "File": QT_TRANSLATE_NOOP("Keymap", "File"),
    "Edit": QT_TRANSLATE_NOOP("Keymap", "Edit"),
    "View": QT_TRANSLATE_NOOP("Keymap", "View"),
    "Element": QT_TRANSLATE_NOOP("Keymap", "Element"),
    "Script": QT_TRANSLATE_NOOP("Keymap", "Script"),
    "Tools": QT_TRANSLATE_NOOP("Keymap", "Tools"),
    "Production": QT_TRANSLATE_NOOP("Keymap", "Production"),
    "Help": QT_TRANSLATE_NOOP("Keymap", "Help"),
    "Typing": QT_TRANSLATE_NOOP("Keymap", "Typing"),
}
"""The keyboard reference's heading for each group (a test checks every group has one)."""

_RESERVED_LINUX = {
    "Ctrl+Alt+T": "opens a terminal on GNOME, KDE, Xfce and others",
    "Ctrl+Alt+L": "locks the screen",
    "Ctrl+Alt+D": "shows the desktop",
    "Ctrl+Alt+Del": "logs out",
    "Ctrl+Alt+Left": "switches workspace",
    "Ctrl+Alt+Right": "switches workspace",
    "Ctrl+Alt+Up": "switches workspace",
    "Ctrl+Alt+Down": "switches workspace",
    "Ctrl+Alt+Backspace": "can kill the X server",
    "Alt+Tab": "switches windows",
    "Alt+F4": "closes the window",
    "Ctrl+Alt+Esc": "kills a window on KDE",
    "Ctrl+Alt+K": "switches the keyboard layout on KDE",
    "Ctrl+Alt+F": "opens the file manager on Xfce",
    "Ctrl+Shift+U": "types a Unicode character by its code in IBus and GTK",
    "Ctrl+Shift+E": "starts emoji typing in IBus",
}


def _is_mac(platform: str) -> bool:
    return platform == "darwin"


def reserved_reason(sequence: QKeySequence | str, platform: str = sys.platform) -> str | None:
    """Why a key may not be bound (the desktop takes it), or None when it is free."""
    seq = QKeySequence(sequence) if isinstance(sequence, str) else sequence
    text = seq.toString(QKeySequence.SequenceFormat.PortableText)
    if not text:
        return None
    if _is_mac(platform):
        return None
    if "Meta+" in text:
        return "uses the Super (Windows) key, which Linux desktops take"
    return _RESERVED_LINUX.get(text)


def _explicit(spec: KeySpec, platform: str) -> tuple[str, ...]:
    if _is_mac(platform) and spec.mac is not None:
        return spec.mac
    return spec.keys


def _claimed(platform: str) -> set[str]:
    """Keys written out by some entry (they win over any standard binding)."""
    return {
        QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)
        for spec in KEYMAP
        if spec.group != "Typing"
        for key in _explicit(spec, platform)
    }


def sequences(spec: KeySpec | str, platform: str = sys.platform) -> list[QKeySequence]:
    """The key sequences bound to one command, best first.

    The platform's standard bindings (when the entry names one and the platform has any),
    then the entry's own keys, without duplicates, without keys another entry writes out,
    and without keys the desktop takes.
    """
    if isinstance(spec, str):
        spec = BY_ID[spec]
    own = [QKeySequence(key) for key in _explicit(spec, platform)]
    found: list[QKeySequence] = []
    seen: set[str] = set()
    claimed = _claimed(platform) if spec.standard is not None else set()
    own_text = {k.toString(QKeySequence.SequenceFormat.PortableText) for k in own}
    standard: list[QKeySequence] = []
    if spec.standard is not None and platform == sys.platform:
        standard = list(QKeySequence.keyBindings(spec.standard))
    for seq in (*standard, *own):
        text = seq.toString(QKeySequence.SequenceFormat.PortableText)
        if not text or text in seen or reserved_reason(seq, platform):
            continue
        if text in claimed and text not in own_text:
            continue  # another command owns this key here
        if not _typed_key(text):
            continue  # a media key such as "Save" or "Undo" on special keyboards: keep menus tidy
        seen.add(text)
        found.append(seq)
    return found


_NAMED_KEYS = frozenset(
    [
        "Esc",
        "Tab",
        "Backtab",
        "Return",
        "Enter",
        "Del",
        "Backspace",
        "Ins",
        "Space",
        "Home",
        "End",
        "PgUp",
        "PgDown",
        "Left",
        "Right",
        "Up",
        "Down",
    ]
)


def _typed_key(text: str) -> bool:
    """A key on every keyboard (a character, F1..F12, Esc, Tab...), not a media key such
    as "Save" or "Undo", nor the F13..F35 of Sun keyboards, that some platforms bind."""
    key = "+" if text.endswith("++") or text == "+" else text.rsplit("+", 1)[-1]
    function_key = key[:1] == "F" and key[1:].isdigit() and 1 <= int(key[1:]) <= 12
    return len(key) == 1 or key in _NAMED_KEYS or function_key


def key_text(spec: KeySpec | str, platform: str = sys.platform, every: bool = True) -> str:
    """The keys of a command as the platform writes them (``⌘S`` on macOS)."""
    if isinstance(spec, str):
        spec = BY_ID[spec]
    seqs = sequences(spec, platform) if spec.group != "Typing" else _typing(spec)
    if not every:
        seqs = seqs[:1]
    fmt = (
        QKeySequence.SequenceFormat.NativeText
        if platform == sys.platform
        else QKeySequence.SequenceFormat.PortableText
    )
    return ", ".join(seq.toString(fmt) for seq in seqs)


def _typing(spec: KeySpec) -> list[QKeySequence]:
    return [QKeySequence(key) for key in spec.keys]


@dataclass(frozen=True, slots=True)
class ReferenceRow:
    group: str
    command: str
    keys: str
    tip: str = ""


def reference_rows(extra: Iterable[ReferenceRow] = ()) -> list[ReferenceRow]:
    """Every key for the keyboard reference: this table's, then ``extra``, the keys other
    modules bound to the window (the co-writer's, made from its action registry)."""
    rows = [
        ReferenceRow(
            translated(GROUP_TITLES.get(spec.group, spec.group)),
            spec.shown_label,
            key_text(spec),
            spec.shown_tip,
        )
        for spec in KEYMAP
        if key_text(spec)
    ]
    rows.extend(extra)
    return rows
