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

Qt-free: plain data.
"""

from __future__ import annotations

from dataclasses import dataclass

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
            return self.context.format(character=character or "a Character")
        return self.context


ACTIONS: tuple[WritingAction, ...] = (
    WritingAction(
        "next-scene",
        "Next Scene",
        "&Next Scene",
        "Next Scene",
        "Write the Next Scene",
        "Ctrl+Shift+N",
        "Write the scene that follows the one at the cursor",
        "script",
        "end_of_scene",
        "next-scene",
        "scene",
        ("new_character",),
    ),
    WritingAction(
        "continue-dialogue",
        "Continue Dialogue",
        "Continue &Dialogue",
        "Dialogue",
        "Continue This Dialogue",
        "Ctrl+Shift+D",
        "Continue the dialogue at the cursor in the speakers' voices",
        "script",
        "after_paragraph",
        "continue-dialogue",
        "scene",
    ),
    WritingAction(
        "between-scenes",
        "Scene Between",
        "Scene &Between",
        "Between",
        "Write a Scene between This and the Next",
        "Ctrl+Shift+B",
        "Write a scene between the one at the cursor and the next",
        "script",
        "end_of_scene",
        "between-scenes",
        "scene",
        ("new_character",),
    ),
    WritingAction(
        "shots",
        "Shot Directions",
        "S&hot Directions",
        "Shots",
        "Shot Directions for This Scene",
        "Ctrl+Shift+H",
        "Shot directions for the scene at the cursor, to accept one by one",
        "shots",
        "after_paragraph",
        "shots",
        "scene",
    ),
    WritingAction(
        "trailer",
        "Trailer Beats",
        "&Trailer Beats",
        "Trailer",
        "Trailer Beats for the Script",
        "Ctrl+Shift+P",
        "Timed trailer beats for a 30, 60 or 90-second promo",
        "trailer",
        "end_of_scene",
        "trailer",
        "script",
        ("length", "genre", "audience", "points"),
    ),
    WritingAction(
        "logline",
        "Logline & Synopsis",
        "&Logline and Synopsis",
        "Logline",
        "Logline and Synopsis of the Script",
        "Ctrl+Shift+L",
        "A logline and a one-page synopsis",
        "logline",
        "cursor",
        "logline",
        "script",
    ),
    WritingAction(
        "character",
        "Character Profile",
        "&Character Profile",
        "Character",
        "Profile {character}",
        "Ctrl+Shift+C",
        "A profile of the character at the cursor",
        "notes",
        "cursor",
        "character",
        "character",
        ("character",),
    ),
    WritingAction(
        "marketing",
        "Marketing Copy",
        "&Marketing Copy",
        "Marketing",
        "Marketing Copy for the Script",
        "Ctrl+Shift+M",
        "A tagline, a blurb and social posts",
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
    Command("stop", "&Stop Writing", "Ctrl+Shift+K", "Stop; what was written stays as a take"),
    Command(
        "regenerate",
        "&Regenerate",
        "Ctrl+Shift+A",
        "Write the same action again, as a new take beside the others",
    ),
    Command(
        "accept",
        "&Accept Suggestion",
        "Ctrl+Shift+Return",
        "Insert the take shown, at the place it was asked for, as one undo step",
    ),
    Command("sampling", "Sampling Settings…", "", "Temperature, length, seed, alternatives"),
    Command("models", "&Models…", "Ctrl+Shift+O", "Choose, download or add a model"),
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
