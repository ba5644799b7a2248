"""The co-writer's writing actions and commands, in one table.

Every view of an action reads it from here: ``reelwright suggest``'s choices, the Write
menu, the toolbar, the editor's context menu, the co-writer panel's own action menu, the
shortcuts and the keyboard reference. Each action names its recipe in ``models.actions``
(the prompt, grammar and sampler); a test checks that the two tables name the same
actions and that every action is reachable from every view.

Shortcuts are written the portable way Qt reads them (``Ctrl`` is Cmd on macOS). The
writing actions use Ctrl+Shift: Ctrl+Alt+letter is taken by Linux desktops (Ctrl+Alt+T a
terminal, L the lock screen, D the desktop, K the keyboard layout on KDE) and is AltGr on
Windows keyboards (Ctrl+Alt+E is € on a German one). Letters the app itself binds with
Ctrl+Shift (Title Page T, Rename Character R, Save As S, Redo Z, Find Previous G) and those
that input methods take (IBus: Ctrl+Shift+U and E; fcitx: F) are left alone.

The texts a writer reads (title, menu, toolbar, context, tip of an action; menu and tip of
a command) are marked with :func:`QT_TRANSLATE_NOOP` in the ``WritingAction`` context: the
table keeps English, and the desktop shows ``QCoreApplication.translate("WritingAction",
text)`` (``desktop.take_view.action_text``), so the interface's language never reaches
``reelwright suggest``, settings keys or object names.

Qt-free: plain data.
"""

from __future__ import annotations

from dataclasses import dataclass


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for Qt's translation tools (``tools/translations.py``) and returns it
    unchanged: the model layer stays Qt-free, the desktop translates what it shows."""
    return text


A_CHARACTER = QT_TRANSLATE_NOOP("WritingAction", "a Character")
"""The context menu's name for the character when there is none to name."""

PLACES = ("cursor", "after_paragraph", "end_of_scene", "replace_selection")
"""Where an accepted take can go."""
TAKE_KINDS = ("script", "shots", "trailer", "logline", "notes")
"""How a take is shown and accepted: Fountain to edit, a shot list, a timed trailer
table, a logline and synopsis, or notes."""
SCOPES = ("scene", "script", "character")
"""What an action reads: the scene at the cursor, the whole script, or one character."""


@dataclass(frozen=True, slots=True)
class WritingAction:
    name: str
    """The id: ``reelwright suggest NAME``, settings keys, object names."""
    title: str
    """The panel's heading and the keyboard reference's name."""
    menu: str
    """Write menu text, ``&`` before the mnemonic letter."""
    toolbar: str
    """The short toolbar label."""
    context: str
    """Context-menu text; ``{character}`` is the character under the mouse."""
    shortcut: str
    tip: str
    take: str
    """One of ``TAKE_KINDS``."""
    place: str
    """Where Accept puts it by default, one of ``PLACES``."""
    recipe: str
    """The recipe in ``models.actions.RECIPES``."""
    scope: str
    """One of ``SCOPES``."""
    options: tuple[str, ...] = ()
    """The panel's option fields for it: length, genre, audience, points, character,
    new_character."""

    def context_text(self, character: str = "") -> str:
        if "{character}" in self.context:
            return self.context.format(character=character or A_CHARACTER)
        return self.context


ACTIONS: tuple[WritingAction, ...] = (
    WritingAction(
        "next-scene",
        QT_TRANSLATE_NOOP("WritingAction", "Next Scene"),
        QT_TRANSLATE_NOOP("WritingAction", "&Next Scene"),
        QT_TRANSLATE_NOOP("WritingAction", "Next Scene"),
        QT_TRANSLATE_NOOP("WritingAction", "Write the Next Scene"),
        "Ctrl+Shift+N",
        QT_TRANSLATE_NOOP("WritingAction", "Write the scene that follows the one at the cursor"),
        "script",
        "end_of_scene",
        "next-scene",
        "scene",
        ("new_character",),
    ),
    WritingAction(
        "continue-dialogue",
        QT_TRANSLATE_NOOP("WritingAction", "Continue Dialogue"),
        QT_TRANSLATE_NOOP("WritingAction", "Continue &Dialogue"),
        QT_TRANSLATE_NOOP("WritingAction", "Dialogue"),
        QT_TRANSLATE_NOOP("WritingAction", "Continue This Dialogue"),
        "Ctrl+Shift+D",
        QT_TRANSLATE_NOOP(
            "WritingAction", "Continue the dialogue at the cursor in the speakers' voices"
        ),
        "script",
        "after_paragraph",
        "continue-dialogue",
        "scene",
    ),
    WritingAction(
        "between-scenes",
        QT_TRANSLATE_NOOP("WritingAction", "Scene Between"),
        QT_TRANSLATE_NOOP("WritingAction", "Scene &Between"),
        QT_TRANSLATE_NOOP("WritingAction", "Between"),
        QT_TRANSLATE_NOOP("WritingAction", "Write a Scene between This and the Next"),
        "Ctrl+Shift+B",
        QT_TRANSLATE_NOOP(
            "WritingAction", "Write a scene between the one at the cursor and the next"
        ),
        "script",
        "end_of_scene",
        "between-scenes",
        "scene",
        ("new_character",),
    ),
    WritingAction(
        "shots",
        QT_TRANSLATE_NOOP("WritingAction", "Shot Directions"),
        QT_TRANSLATE_NOOP("WritingAction", "S&hot Directions"),
        QT_TRANSLATE_NOOP("WritingAction", "Shots"),
        QT_TRANSLATE_NOOP("WritingAction", "Shot Directions for This Scene"),
        "Ctrl+Shift+H",
        QT_TRANSLATE_NOOP(
            "WritingAction", "Shot directions for the scene at the cursor, to accept one by one"
        ),
        "shots",
        "after_paragraph",
        "shots",
        "scene",
    ),
    WritingAction(
        "trailer",
        QT_TRANSLATE_NOOP("WritingAction", "Trailer Beats"),
        QT_TRANSLATE_NOOP("WritingAction", "&Trailer Beats"),
        QT_TRANSLATE_NOOP("WritingAction", "Trailer"),
        QT_TRANSLATE_NOOP("WritingAction", "Trailer Beats for the Script"),
        "Ctrl+Shift+P",
        QT_TRANSLATE_NOOP("WritingAction", "Timed trailer beats for a 30, 60 or 90-second promo"),
        "trailer",
        "end_of_scene",
        "trailer",
        "script",
        ("length", "genre", "audience", "points"),
    ),
    WritingAction(
        "logline",
        QT_TRANSLATE_NOOP("WritingAction", "Logline & Synopsis"),
        QT_TRANSLATE_NOOP("WritingAction", "&Logline and Synopsis"),
        QT_TRANSLATE_NOOP("WritingAction", "Logline"),
        QT_TRANSLATE_NOOP("WritingAction", "Logline and Synopsis of the Script"),
        "Ctrl+Shift+L",
        QT_TRANSLATE_NOOP("WritingAction", "A logline and a one-page synopsis"),
        "logline",
        "cursor",
        "logline",
        "script",
    ),
    WritingAction(
        "character",
        QT_TRANSLATE_NOOP("WritingAction", "Character Profile"),
        QT_TRANSLATE_NOOP("WritingAction", "&Character Profile"),
        QT_TRANSLATE_NOOP("WritingAction", "Character"),
        QT_TRANSLATE_NOOP("WritingAction", "Profile {character}"),
        "Ctrl+Shift+C",
        QT_TRANSLATE_NOOP("WritingAction", "A profile of the character at the cursor"),
        "notes",
        "cursor",
        "character",
        "character",
        ("character",),
    ),
    WritingAction(
        "marketing",
        QT_TRANSLATE_NOOP("WritingAction", "Marketing Copy"),
        QT_TRANSLATE_NOOP("WritingAction", "&Marketing Copy"),
        QT_TRANSLATE_NOOP("WritingAction", "Marketing"),
        QT_TRANSLATE_NOOP("WritingAction", "Marketing Copy for the Script"),
        "Ctrl+Shift+M",
        QT_TRANSLATE_NOOP("WritingAction", "A tagline, a blurb and social posts"),
        "notes",
        "cursor",
        "marketing",
        "script",
        ("genre", "audience"),
    ),
)

NAMES: tuple[str, ...] = tuple(action.name for action in ACTIONS)
BY_NAME: dict[str, WritingAction] = {action.name: action for action in ACTIONS}


@dataclass(frozen=True, slots=True)
class Command:
    """A co-writer command that is not a writing action (stop, regenerate, accept...)."""

    name: str
    menu: str
    shortcut: str
    tip: str


COMMANDS: tuple[Command, ...] = (
    Command(
        "stop",
        QT_TRANSLATE_NOOP("WritingAction", "&Stop Writing"),
        "Ctrl+Shift+K",
        QT_TRANSLATE_NOOP("WritingAction", "Stop; what was written stays as a take"),
    ),
    Command(
        "regenerate",
        QT_TRANSLATE_NOOP("WritingAction", "&Regenerate"),
        "Ctrl+Shift+A",
        QT_TRANSLATE_NOOP(
            "WritingAction", "Write the same action again, as a new take beside the others"
        ),
    ),
    Command(
        "accept",
        QT_TRANSLATE_NOOP("WritingAction", "&Accept Suggestion"),
        "Ctrl+Shift+Return",
        QT_TRANSLATE_NOOP(
            "WritingAction",
            "Insert the take shown, at the place it was asked for, as one undo step",
        ),
    ),
    Command(
        "sampling",
        QT_TRANSLATE_NOOP("WritingAction", "Sampling Settings…"),
        "",
        QT_TRANSLATE_NOOP("WritingAction", "Temperature, length, seed, alternatives"),
    ),
    Command(
        "models",
        QT_TRANSLATE_NOOP("WritingAction", "&Models…"),
        "Ctrl+Shift+O",
        QT_TRANSLATE_NOOP("WritingAction", "Choose, download or add a model"),
    ),
)
COMMAND: dict[str, Command] = {command.name: command for command in COMMANDS}


def action_named(name: str) -> WritingAction:
    """The action called ``name``; ``KeyError`` names the choices."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown action {name!r}; choose one of {', '.join(NAMES)}") from None


def shortcuts() -> dict[str, str]:
    """Every co-writer shortcut: action or command name -> key sequence."""
    keys = {action.name: action.shortcut for action in ACTIONS}
    keys |= {command.name: command.shortcut for command in COMMANDS if command.shortcut}
    return keys
