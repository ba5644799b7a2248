"""Files without ever losing work: open, save (atomically), import, export, autosave, recovery.

Rules this module keeps:

- A read or write failure says why (one sentence) and the text stays in the editor.
- Saves go through ``screenplay.fileio.atomic_write_text``: the old file survives a failed
  write. Before overwriting, the file on disk is compared (size, mtime, SHA-256) with what
  was last read or written; if another program changed it, the writer chooses.
- While there are unsaved changes, the text is copied every ``files/autosave_seconds`` to a
  per-session file in the recovery folder. A clean close removes it; a crash leaves it, and
  the next start offers to restore it.
- A file changed by another program while open is noticed (``QFileSystemWatcher``) and the
  writer chooses between the disk's version and theirs.
- What Reelwright keeps with a script (the comment block at the end of the file: the
  script's dictionary, revision rounds and marks, locked scene numbers and pages;
  ``screenplay.data_block``) never shows in the editor: opening splits it off
  (``production_file.read``), the document keeps it as one ``ProductionData``, and saving,
  autosaving and exporting write it back after the text.

The data follows the text through every edit, in time proportional to the edit: each
change of the editor's text is carried over its own lines (``ProductionData.carry_lines``;
in revision mode the new words are marked in the current round), so marks and page
beginnings are always where their text is. Undo and redo bring back the data of the step
they return to (the document keeps a copy per undo step: every step of a command, the last
:data:`KEPT_STEPS` of typing; older typing is carried like an edit, without new marks), so
undoing a change removes its mark. A command that changes the data (start a round, lock
the pages, add a word to the script's dictionary) is one undo step through
:meth:`Document.change_data`, with its text edit when it has one; one without a text edit
becomes a step through an invisible block property (:data:`DATA_STEP`).

Questions to the writer go through :class:`Prompts`, which the window supplies; a test
supplies one that answers from a script.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QMessageBox, QWidget

from reelwright.desktop.editor import ScriptEditor
from reelwright.desktop.settings import Settings
from reelwright.desktop.undo import edit_block
from reelwright.models.store import data_dir
from reelwright.screenplay import production_file
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.fileio import (
    WriteError,
    atomic_write_text,
    fsync_folder,
    remove_leftovers,
)
from reelwright.screenplay.production_file import Draft, ProductionData
from reelwright.screenplay.textio import (
    NotUtf8Error,
    decode_script,
    read_script_bytes,
    read_script_text,
)

if TYPE_CHECKING:
    from reelwright.screenplay.print_setup import PrintSetup

translate = QCoreApplication.translate

OutsideChoice = Literal["reload", "keep"]
UnsavedChoice = Literal["save", "discard", "cancel"]


@dataclass(frozen=True, slots=True)
class Fingerprint:
    size: int
    mtime_ns: int
    sha256: str


def fingerprint(path: Path) -> Fingerprint | None:
    try:
        stat = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    return Fingerprint(stat.st_size, stat.st_mtime_ns, digest)


KEPT_STEPS = 200
"""Undo steps of typing whose data the document keeps a copy of (every command's steps
are kept); undoing further back carries the data like an edit."""
DATA_STEP = QTextBlockFormat.Property.UserProperty + 0x52D
"""The block property a data-only command changes, so that it is an undo step."""


def read_text(path: Path, encoding: str | None = None) -> str:
    """The script's text, through the core reader (encodings, BOM, clear errors)."""
    return _lines(read_script_text(path, encoding))


def read_draft(path: Path, encoding: str | None = None) -> production_file.Loaded:
    """The script's text without its data block, the data, and what reading it found
    wrong (``production_file.read``; line ends made ``\\n`` after the split, so that a
    file's checksum is the one it was saved with)."""
    return _loaded(production_file.read(read_script_text(path, encoding)))


def _loaded(loaded: production_file.Loaded) -> production_file.Loaded:
    return production_file.Loaded(_lines(loaded.body), loaded.data, loaded.warnings)


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _index(text: str, utf16: int) -> int:
    """The index in ``text`` of a Qt position in it (Qt counts UTF-16 units: a character
    beyond the Basic Multilingual Plane is two)."""
    if text.isascii():
        return utf16
    units = 0
    for index, char in enumerate(text):
        if units >= utf16:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


@dataclass(slots=True)
class _Step:
    """The data as it was at one undo step, and the text's size then (a check)."""

    blocks: int
    characters: int
    data: ProductionData
    kept: bool
    """A command's step: kept however far back it is."""


# Recovery ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RecoveryEntry:
    text_path: Path
    meta_path: Path
    original: str | None
    saved_at: float
    pid: int

    @property
    def label(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))
        if not self.original:
            return translate("Document", "an untitled script (autosaved {when})").format(when=when)
        name = Path(self.original).name
        return translate("Document", "{name} (autosaved {when})").format(name=name, when=when)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class RecoveryStore:
    """This session's autosave file, and the ones crashed sessions left behind."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or data_dir() / "recovery"  # beside the models: one folder per writer
        self.session = uuid.uuid4().hex[:12]
        self._superseded: RecoveryEntry | None = None
        """A crashed session's copy that :meth:`adopt` could not take over: it goes once
        this session writes its own copy or saves."""

    @property
    def text_path(self) -> Path:
        return self.folder / f"{self.session}.fountain"

    @property
    def meta_path(self) -> Path:
        return self.folder / f"{self.session}.json"

    def write(self, text: str, original: Path | None) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.text_path, text)
        meta = {"original": str(original) if original else None, "saved_at": time.time()}
        meta["pid"] = os.getpid()
        atomic_write_text(self.meta_path, json.dumps(meta))
        self._discard_superseded()

    def adopt(self, entry: RecoveryEntry) -> None:
        """Make a crashed session's copy this session's own. A crash at any point leaves
        exactly one copy to offer (two would bring the older back later, over newer work):
        this session's meta file first (alone it is ignored), then the text moved over in
        one rename, then the old meta file removed (alone it is ignored)."""
        self._superseded = entry  # until taken over
        meta = {"original": entry.original, "saved_at": entry.saved_at, "pid": os.getpid()}
        atomic_write_text(self.meta_path, json.dumps(meta))
        try:
            os.replace(entry.text_path, self.text_path)
        except OSError as error:
            raise WriteError(f"could not take over {entry.text_path}: {error.strerror}") from error
        self._superseded = None
        fsync_folder(self.folder)
        with contextlib.suppress(OSError):
            entry.meta_path.unlink()

    def clear(self) -> None:
        for path in (self.text_path, self.meta_path):
            with contextlib.suppress(OSError):
                path.unlink()
        self._discard_superseded()

    def _discard_superseded(self) -> None:
        if self._superseded is not None:
            self.discard(self._superseded)
            self._superseded = None

    def orphans(self) -> list[RecoveryEntry]:
        """Autosaves of sessions that are no longer running, newest first."""
        entries: list[RecoveryEntry] = []
        if not self.folder.is_dir():
            return entries
        for meta_path in self.folder.glob("*.json"):
            if meta_path.stem == self.session:
                continue
            text_path = meta_path.with_suffix(".fountain")
            try:
                meta = json.loads(meta_path.read_text("utf-8"))
            except (OSError, ValueError):
                continue
            pid = int(meta.get("pid", 0))
            if _alive(pid):
                continue
            if not text_path.is_file():  # a kill during clear(): the meta file alone is litter
                with contextlib.suppress(OSError):
                    meta_path.unlink()
                continue
            entries.append(
                RecoveryEntry(
                    text_path, meta_path, meta.get("original"), float(meta.get("saved_at", 0)), pid
                )
            )
        entries.sort(key=lambda entry: entry.saved_at, reverse=True)
        return entries

    def discard(self, entry: RecoveryEntry) -> None:
        for path in (entry.text_path, entry.meta_path):
            with contextlib.suppress(OSError):
                path.unlink()


def _same_file(original: str | None, path: Path) -> bool:
    if not original:
        return False
    try:
        return Path(original).resolve() == path.resolve()
    except (OSError, RuntimeError):
        return False


# Questions -----------------------------------------------------------------------------------
class Prompts:
    """The questions the document asks; the window's version shows message boxes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def unsaved(self, name: str) -> UnsavedChoice:
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(translate("Document", "Save the changes to {name}?").format(name=name))
        box.setInformativeText(
            translate("Document", "Your changes will be lost if you don't save them.")
        )
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.setDefaultButton(buttons.Save)
        answer = box.exec()
        if answer == buttons.Save:
            return "save"
        if answer == buttons.Discard:
            return "discard"
        return "cancel"

    def outside_change(self, name: str, modified: bool) -> OutsideChoice:
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(
            translate("Document", "{name} was changed by another program.").format(name=name)
        )
        box.setInformativeText(
            translate("Document", "Reload it and lose your unsaved changes, or keep your version?")
            if modified
            else translate("Document", "Reload the version on disk, or keep the one in the editor?")
        )
        reload_button = box.addButton(
            translate("Document", "Reload from Disk"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(translate("Document", "Keep Mine"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return "reload" if box.clickedButton() is reload_button else "keep"

    def overwrite_outside_change(self, name: str) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.warning(
            self.parent,
            "Reelwright",
            translate(
                "Document",
                "{name} was changed by another program since you opened it.\n"
                "Save anyway and replace that version?",
            ).format(name=name),
            buttons.Save | buttons.Cancel,
            buttons.Cancel,
        )
        return answer == buttons.Save

    def restore(self, entry: RecoveryEntry) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.parent,
            translate("Document", "Recover unsaved work"),
            translate("Document", "Reelwright closed unexpectedly. Restore {script}?").format(
                script=entry.label
            ),
            buttons.Yes | buttons.No,
            buttons.Yes,
        )
        return answer == buttons.Yes

    def error(self, message: str) -> None:
        QMessageBox.warning(self.parent, "Reelwright", message)

    def choose_encoding(self, path: Path, data: bytes) -> str | None:
        """The encoding of a script that is not UTF-8, chosen seeing its text; None: cancel."""
        from reelwright.desktop.encoding_dialog import EncodingDialog

        dialog = EncodingDialog(path, data, self.parent)
        return dialog.encoding() if dialog.exec() else None


# The document ----------------------------------------------------------------------------------
class Document(QObject):
    """The script in the editor and its file."""

    path_changed = Signal(object)
    """The new path (``Path`` or None for an untitled script)."""
    status = Signal(str)
    """A short message for the status bar."""
    data_changed = Signal(int, int)
    """The data changed for lines ``first .. end`` (exclusive) of the text; ``(0, -1)``:
    all of it (a command, an undo, another script)."""

    def __init__(
        self,
        editor: ScriptEditor,
        settings: Settings,
        prompts: Prompts,
        recovery: RecoveryStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.settings = settings
        self.prompts = prompts
        self.recovery = recovery or RecoveryStore()
        self.path: Path | None = None
        self.encoding: str | None = None
        """The encoding the file was read in when it was not UTF-8 (saving writes UTF-8)."""
        self._known: Fingerprint | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_changed)
        self._asking = False
        self._autosave = QTimer(self)
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start(self.settings.get("files/autosave_seconds") * 1000)
        settings.changed.connect(self._setting_changed)
        editor.document().modificationChanged.connect(self._modification_changed)
        # The data kept with the text, the text's lines as it was last carried to, and
        # a copy of the data per undo step (see the module docstring).
        self._data = ProductionData()
        self._lines: list[str] = [""]
        self._characters = 1
        self._step = 0
        self._steps: dict[int, _Step] = {}
        self._command_added = False
        self._caught = False
        """The edit being made was carried by ``catch_up`` before Qt told the document."""
        self._in_command = False
        self._command_marks = False
        self.stale_blocks: set[int] = set()
        """Blocks laid out while the data lagged the text (the highlighter runs before
        the data is carried): listeners of ``data_changed`` lay them out again."""
        text_document = editor.document()
        text_document.undoCommandAdded.connect(self._undo_command_added)
        text_document.contentsChange.connect(self._contents_change)
        self._reset(editor.script_text(), ProductionData())

    @property
    def modified(self) -> bool:
        return self.editor.document().isModified()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else self.tr("Untitled")

    def _setting_changed(self, key: str) -> None:
        if key == "files/autosave_seconds":
            self._autosave.start(self.settings.get(key) * 1000)

    def _modification_changed(self, modified: bool) -> None:
        if not modified:
            self.recovery.clear()

    # Opening -----------------------------------------------------------------------------------
    def new(self) -> bool:
        if not self.maybe_save():
            return False
        self._load_text("", ProductionData())
        self.encoding = None
        self._set_path(None)
        return True

    # The data kept with the text -----------------------------------------------------------
    @property
    def data(self) -> ProductionData:
        """The production data and the block's other sections, carried to the text as it
        is now. Read it; change it only through :meth:`change_data`."""
        return self._data

    def in_step(self) -> bool:
        """Are the data's lines the editor's lines now? False while the highlighter lays
        out an edit that added or removed text before the document has carried the data
        over it (an edit that keeps the text's size moves no line: the data fits)."""
        editor_document = self.editor.document()
        return self._caught or (
            editor_document.characterCount() == self._characters
            and editor_document.blockCount() == len(self._lines)
        )

    def draft(self) -> Draft:
        """The text and a copy of its data: what the exporters take."""
        return Draft(self.editor.script_text(), self._data.copy())

    def file_text(self, *, strict: bool = True) -> str:
        """The text as it is saved: the script, then the data block (``strict`` False: even
        after a ``/*`` the script never closes; for the autosave, read only here)."""
        return production_file.write(self.editor.script_text(), self._data, strict=strict)

    def change_data(
        self,
        change: Callable[[ProductionData], object],
        text: str | None = None,
        *,
        revision: bool = False,
    ) -> None:
        """One command: the editor's text becomes ``text`` when given (only the lines
        that differ are replaced; the data moves with them, and in revision mode they are
        marked only when ``revision``: a scene omitted is a revision, numbers written in
        headings are not), then ``change`` edits the data as it is now. One undo step:
        undoing it brings back the text and the data it had."""
        from reelwright.desktop.desk import apply_text

        self._keep(self._step)
        self._in_command = True
        self._command_marks = revision
        try:
            changed = text is not None and apply_text(self.editor, text) is not None
            if not changed:
                with edit_block(self.editor.document()) as cursor:
                    self._mark_step(cursor)
        finally:
            self._in_command = False
        data = self._data.copy()
        change(data)
        self._data = data
        self._record(kept=True)
        self.data_changed.emit(0, -1)

    def _mark_step(self, cursor: QTextCursor) -> None:
        """An undo step without a change of the text: a block property no one reads."""
        block = self.editor.document().lastBlock()
        value = block.blockFormat().property(DATA_STEP)
        fmt = QTextBlockFormat()
        fmt.setProperty(DATA_STEP, (int(value) if isinstance(value, int) else 0) + 1)
        cursor.setPosition(block.position())
        cursor.mergeBlockFormat(fmt)

    def _load_text(self, text: str, data: ProductionData) -> None:
        """A new text and its data (opening, restoring, reloading): no undo history."""
        self.editor.set_script_text(text)
        self._reset(self.editor.script_text(), data)
        self.data_changed.emit(0, -1)

    def _reset(self, text: str, data: ProductionData) -> None:
        editor_document = self.editor.document()
        self._data = data
        self._lines = text.split("\n")
        self._characters = editor_document.characterCount()
        self._step = editor_document.availableUndoSteps()
        self._steps = {}
        self._command_added = False
        self._caught = False
        self._record(kept=True)

    def _record(self, kept: bool = False) -> None:
        """Keep a copy of the data for the undo step the text is at."""
        editor_document = self.editor.document()
        step = editor_document.availableUndoSteps()
        self._step = step
        previous = self._steps.get(step)
        self._steps[step] = _Step(
            editor_document.blockCount(),
            editor_document.characterCount(),
            self._data.copy(),
            kept or (previous is not None and previous.kept),
        )
        floor = step - KEPT_STEPS
        for old in [k for k, v in self._steps.items() if k < floor and not v.kept]:
            del self._steps[old]

    def _keep(self, step: int) -> None:
        found = self._steps.get(step)
        if found is not None:
            found.kept = True

    def _undo_command_added(self) -> None:
        self._command_added = True

    def _contents_change(self, position: int, removed: int, added: int) -> None:
        """Carry the data over an edit of the text, or bring back an undo step's data."""
        editor_document = self.editor.document()
        new_edit, self._command_added = self._command_added, False
        self._caught = False  # what catch_up carried is in the lines compared below
        if not editor_document.isUndoRedoEnabled():  # a new text is being loaded
            self._lines = self.editor.script_text().split("\n")
            self._characters = editor_document.characterCount()
            return
        step = editor_document.availableUndoSteps()
        count = editor_document.blockCount()
        characters = editor_document.characterCount()
        first = editor_document.findBlock(position).blockNumber()
        last_position = min(position + added, characters - 1)
        new_last = editor_document.findBlock(last_position).blockNumber()
        shift = count - len(self._lines)
        old_last = new_last - shift
        consistent = (
            first >= 0
            and new_last >= first
            and old_last >= first - 1
            and old_last < len(self._lines)
            and self._characters + added - removed == characters
        )
        if not consistent:  # Qt reported a change it did not make: read the whole text
            first, old_last, new_last = 0, len(self._lines) - 1, count - 1
        # A line of context on each side, so that a removal is marked where a whole-text
        # comparison would mark it (the next line with text).
        start = max(0, first - 1)
        old_end = min(len(self._lines), old_last + 3)
        new_end = old_end + shift
        new_lines = [
            editor_document.findBlockByNumber(number).text() for number in range(start, new_end)
        ]
        old_lines = self._lines[start:old_end]
        self._lines[start:old_end] = new_lines
        self._characters = characters
        undo_or_redo = not new_edit and step != self._step
        if undo_or_redo:
            kept = self._steps.get(step)
            if kept is not None and (kept.blocks, kept.characters) == (count, characters):
                self._data = kept.data.copy()
                self._step = step
                self.data_changed.emit(0, -1)
                return
        if new_edit:
            for later in [k for k in self._steps if k > step]:
                del self._steps[later]  # the undone steps Qt has just dropped
        if old_lines == new_lines and not undo_or_redo:
            if step != self._step:  # a format change (the block formats, a data step)
                self._record()
            return
        had_marks = bool(self._data.revisions.marks)
        block = editor_document.findBlockByNumber(first)
        at = _index(block.text(), position - block.position()) if first == new_last else None
        self._carry(start, old_lines, new_lines, undo_or_redo, at)
        if had_marks or self._data.revisions.marks or self._data.pages is not None:
            self.data_changed.emit(start, start + len(new_lines))

    def _carry(
        self,
        start: int,
        old: list[str],
        new: list[str],
        undo_or_redo: bool,
        at: int | None = None,
    ) -> None:
        """Carry the data over lines ``start ..`` that were ``old`` and are ``new`` (``at``:
        the column of a one-line edit); a new edit in revision mode is marked (an undo's
        text, or a command's that is no revision, is not)."""
        quiet = undo_or_redo or (self._in_command and not self._command_marks)
        level = None if quiet else self._data.marking_level
        self._data.carry_lines(start, old, new, level, characters=True, at=at)
        self._record()

    def catch_up(self, block_number: int) -> bool:
        """Carry an edit inside one line now, while the highlighter lays it out (it hears
        of the edit before the document does): its marks are then right the first time,
        and the line is not laid out twice. True when the data fits the text now."""
        editor_document = self.editor.document()
        if self._caught or self.in_step():
            return True
        if not self._command_added or editor_document.blockCount() != len(self._lines):
            return False  # an undo's text (its data comes back whole), or lines added
        text = editor_document.findBlockByNumber(block_number).text()
        if not 0 <= block_number < len(self._lines) or self._lines[block_number] == text:
            return False
        start = max(0, block_number - 1)
        end = min(len(self._lines), block_number + 3)
        old = self._lines[start:end]
        # Where the edit was made: before the caret by what was put in (typing leaves the
        # caret after the letters, a deletion at its place).
        caret = self.editor.textCursor()
        at = None
        if caret.blockNumber() == block_number and not caret.hasSelection():
            put = len(text) - len(old[block_number - start])
            at = _index(text, caret.positionInBlock()) - max(0, put)
        self._lines[block_number] = text
        self._caught = True
        self._carry(start, old, self._lines[start:end], False, at)
        return True

    def open(self, path: str | os.PathLike[str], ask: bool = True) -> bool:
        """Open a Fountain (or FDX, imported) file; on failure the editor keeps its text."""
        target = Path(path)
        if ask and not self.maybe_save():
            return False
        try:
            if target.suffix.casefold() == ".fdx":
                draft = self._fdx_draft(target)
                self._load_text(_lines(draft.body), draft.data)
                self._set_path(None)
                self.editor.document().setModified(True)
                self.status.emit(
                    self.tr("Imported {name}; save it as a .fountain file").format(name=target.name)
                )
                return True
            encoding = None
            try:
                loaded = read_draft(target)
            except NotUtf8Error:
                data = read_script_bytes(target)
                encoding = self.prompts.choose_encoding(target, data)
                if encoding is None:
                    self.status.emit(self.tr("{name} was not opened").format(name=target.name))
                    return False
                loaded = _loaded(production_file.read(decode_script(data, target, encoding)))
        except ReelwrightError as error:
            self.prompts.error(str(error))
            with contextlib.suppress(OSError, RuntimeError):
                self.settings.remove_recent(str(target.resolve()))
            return False
        self._load_text(loaded.body, loaded.data)
        remove_leftovers(target)  # hidden temporary files of writes a kill interrupted
        self.encoding = encoding
        self._set_path(target)
        self._known = fingerprint(target)
        self.settings.add_recent(target)
        if encoding:
            message = self.tr("Opened {name} as {encoding}; saving it writes UTF-8").format(
                name=target.name, encoding=encoding
            )
        else:
            message = self.tr("Opened {name}").format(name=target.name)
        self.status.emit(self._with_warnings(message, loaded.warnings))
        return True

    def _with_warnings(self, message: str, warnings: list[str]) -> str:
        """The status message after reading a file, with what reading its data found."""
        if not warnings:
            return message
        return self.tr("{message}; its Reelwright data: {warnings}").format(
            message=message, warnings="; ".join(warnings)
        )

    def restore(self, entry: RecoveryEntry) -> bool:
        """Put an orphaned autosave back in the editor, modified, under its original name."""
        try:
            text = entry.text_path.read_text("utf-8")
        except OSError as error:
            self.prompts.error(
                self.tr("Could not read the autosaved copy: {reason}").format(reason=error.strerror)
            )
            return False
        loaded = _loaded(production_file.read(text))
        self._load_text(loaded.body, loaded.data)
        original = Path(entry.original) if entry.original else None
        self._set_path(original)
        self._known = fingerprint(original) if original else None
        self.editor.document().setModified(True)
        try:
            self.recovery.adopt(entry)  # this session now owns the copy
        except ReelwrightError as error:  # the copy stays where it was, for the next start
            self.status.emit(
                self.tr(
                    "Restored unsaved work; save it to keep it (autosave failed: {reason})"
                ).format(reason=error)
            )
            return True
        self.status.emit(self.tr("Restored unsaved work; save it to keep it"))
        return True

    def offer_recovery(self, of_file: Path | None = None) -> bool:
        """At start-up: offer each crashed session's autosave, newest first; with
        ``of_file`` (the app was started on a file) only the autosaves of that file."""
        for entry in self.recovery.orphans():
            if of_file is not None and not _same_file(entry.original, of_file):
                continue
            if self.prompts.restore(entry):
                return self.restore(entry)
            self.recovery.discard(entry)
        return False

    def import_fdx(self, path: str | os.PathLike[str]) -> bool:
        return self.open(path)

    def _fdx_draft(self, path: Path) -> Draft:
        from reelwright.exporters.fdx import read_fdx_draft

        return read_fdx_draft(path)

    # Saving ------------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.path is None:
            return False
        return self.save_as(self.path)

    def save_as(self, path: str | os.PathLike[str]) -> bool:
        target = Path(path)
        if target.suffix == "":
            target = target.with_suffix(".fountain")
        if (
            target == self.path
            and self._changed_on_disk()
            and not self.prompts.overwrite_outside_change(target.name)
        ):
            return False
        try:
            text = self.file_text()
        except ReelwrightError as error:  # a /* never closed: the data cannot follow it
            self.prompts.error(
                self.tr("{name} was not saved: {reason}").format(name=target.name, reason=error)
            )
            return False
        if text and not text.endswith("\n"):
            text += "\n"
        watched = self._watcher.files()
        if watched:
            self._watcher.removePaths(watched)
        try:
            atomic_write_text(target, text)
        except ReelwrightError as error:
            self.prompts.error(str(error))
            self._watch()
            return False
        self._known = fingerprint(target)
        self._set_path(target)
        self.editor.document().setModified(False)
        self.recovery.clear()
        self.settings.add_recent(target)
        if self.encoding:
            self.status.emit(
                self.tr("Saved {name} in UTF-8 (it was {encoding})").format(
                    name=target.name, encoding=self.encoding
                )
            )
        else:
            self.status.emit(self.tr("Saved {name}").format(name=target.name))
        self.encoding = None
        return True

    def maybe_save(self) -> bool:
        """Before closing or replacing the text: True when it is safe to go on."""
        if not self.modified:
            return True
        choice = self.prompts.unsaved(self.display_name)
        if choice == "cancel":
            return False
        if choice == "save":
            if self.path is None:
                path = self.ask_save_path()
                if path is None:
                    return False
                return self.save_as(path)
            return self.save()
        return True

    def ask_save_path(self) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self.prompts.parent,
            self.tr("Save Script"),
            self.display_name,
            self.tr("Fountain (*.fountain)"),
        )
        return name or None

    def close(self) -> None:
        """A clean end of the session: no autosave left behind."""
        self._autosave.stop()
        self.recovery.clear()

    def autosave(self) -> bool:
        """Copy unsaved text to the recovery folder (never over the writer's file)."""
        if not self.modified:
            return False
        try:
            self.recovery.write(self.file_text(strict=False), self.path)
        except ReelwrightError as error:
            self.status.emit(self.tr("Autosave failed: {reason}").format(reason=error))
            return False
        return True

    # Export --------------------------------------------------------------------------------------
    def export(
        self,
        path: str | os.PathLike[str],
        *,
        setup: PrintSetup | None = None,
        paper: str | None = None,
        scene_numbers: str | None = None,
        open_after: bool = False,
    ) -> bool:
        """Export the draft (the text and its production data: revision marks and rounds,
        locked scene numbers and pages) through the core exporters, imported only now
        (reportlab is heavy). A PDF follows ``setup`` (default: the preferences' print
        setup with what they add to the sheets), with ``paper`` and ``scene_numbers``
        when given; what the writer should know about it (a locked page not found) is said
        in the status bar."""
        target = Path(path)
        try:
            from reelwright.exporters import export
            from reelwright.screenplay.parser import parse
            from reelwright.screenplay.print_setup import PrintSetup

            if setup is None:
                setup = PrintSetup.from_settings(self.settings.get, sheet=True)
            if paper is not None:
                setup = replace(setup, paper=paper or None)
            if scene_numbers is not None:
                setup = replace(setup, scene_numbers=scene_numbers)
            draft = self.draft()
            plan = export(parse(draft.body), target, setup=setup, draft=draft)
        except ReelwrightError as error:
            self.prompts.error(str(error))
            return False
        if plan is not None and plan.warnings:
            self.status.emit(
                self.tr("Exported {name}; note: {warnings}").format(
                    name=target.name, warnings="; ".join(plan.warnings)
                )
            )
        else:
            self.status.emit(self.tr("Exported {name}").format(name=target.name))
        if open_after and target.suffix.casefold() == ".pdf":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return True

    # Outside changes -----------------------------------------------------------------------------
    def _set_path(self, path: Path | None) -> None:
        self.path = path
        self._watch()
        self.path_changed.emit(path)

    def _watch(self) -> None:
        watched = self._watcher.files()
        if watched:
            self._watcher.removePaths(watched)
        if self.path is not None and self.path.exists():
            self._watcher.addPath(str(self.path))

    def _changed_on_disk(self) -> bool:
        if self.path is None or self._known is None:
            return False
        now = fingerprint(self.path)
        if now is None:
            return False
        if (now.size, now.mtime_ns) == (self._known.size, self._known.mtime_ns):
            return False
        return now.sha256 != self._known.sha256

    def _file_changed(self, _name: str) -> None:
        # An editor that saves by replacing the file drops the watch: watch the new file.
        QTimer.singleShot(50, self.check_outside_change)

    def check_outside_change(self) -> bool:
        """If another program changed the file, ask; True when the disk version was loaded."""
        self._watch()
        if self._asking or not self._changed_on_disk():
            return False
        assert self.path is not None
        self._asking = True
        try:
            choice = self.prompts.outside_change(self.path.name, self.modified)
        finally:
            self._asking = False
        if choice == "reload":
            try:
                loaded = read_draft(self.path, self.encoding)
            except ReelwrightError as error:
                self.prompts.error(str(error))
                return False
            cursor_position = self.editor.textCursor().position()
            self._load_text(loaded.body, loaded.data)
            cursor = self.editor.textCursor()
            cursor.setPosition(min(cursor_position, len(loaded.body)))
            self.editor.setTextCursor(cursor)
            self._known = fingerprint(self.path)
            message = self.tr("Reloaded {name}").format(name=self.path.name)
            self.status.emit(self._with_warnings(message, loaded.warnings))
            return True
        # Keep mine: remember the disk's version so we do not ask again for the same change,
        # and mark the text modified so that closing asks to save it.
        self._known = fingerprint(self.path)
        self.editor.document().setModified(True)
        return False
