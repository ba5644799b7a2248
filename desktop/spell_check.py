"""Spell check as you type: wavy underlines, suggestions in the editor's context menu, and
the script's and the writer's dictionaries.

The words are judged by the Qt-free ``screenplay.spelling.Speller``; this module lays its
verdicts over the text through the highlighter's decorator hook, so only the blocks the
highlighter redoes anyway (the ones an edit touched) are checked while typing, each in
microseconds (known words are cached). The word the caret is still typing is not
underlined until the caret leaves it. The dictionary loads on a worker thread after the
window shows; until then nothing is underlined.

After each analysis (typing paused) the script's names, places and own dictionary are
read again; blocks holding a word whose verdict changed are redone, nothing else. The
script's own dictionary is a section of the data block the document keeps beside the text
(``Document.data``; it is not in the editor): adding a word changes it as one undo step.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QAction, QColor, QFont, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu

from reelwright.desktop.undo import edit_block
from reelwright.screenplay import data_block
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.lines import OPEN_BONEYARD, OPEN_NOTE
from reelwright.screenplay.spelling import (
    LineState,
    Misspelling,
    Speller,
    UserDictionary,
    available_languages,
    line_state_after,
    script_dictionary,
    script_vocabulary,
    with_script_words,
)

if TYPE_CHECKING:
    from reelwright.desktop.analysis import Analysis
    from reelwright.desktop.main_window import MainWindow
    from reelwright.screenplay.production_file import ProductionData

UNDERLINE = "#d03030"


def language_name(code: str, english: str) -> str:
    """A dictionary's language as the menu shows it: its English name in an English
    interface, else its own name (``español``, ``Deutsch``), which any reader knows."""
    from PySide6.QtWidgets import QApplication

    from reelwright.desktop.i18n import ENGLISH, installed_language

    app = QApplication.instance()
    if app is None or installed_language(app) == ENGLISH:
        return english
    native = QLocale(code).nativeLanguageName()
    return native or english


def utf16_to_index(text: str, offset: int) -> int:
    """The Python index of UTF-16 ``offset`` in ``text`` (they differ past U+FFFF)."""
    if text.isascii() or all(ord(ch) < 0x10000 for ch in text):
        return offset
    units = 0
    for index, ch in enumerate(text):
        if units >= offset:
            return index
        units += 2 if ord(ch) >= 0x10000 else 1
    return len(text)


def index_to_utf16(text: str, index: int) -> int:
    return index + sum(1 for ch in text[:index] if ord(ch) >= 0x10000)


def _in_data_block(block: QTextBlock) -> bool:
    """Is the boneyard open at the end of ``block`` Reelwright's data block? (Its opening
    line is found by walking up while the boneyard stays open: only asked when boneyard
    is checked, which the data block never is.)"""
    while block.isValid():
        previous = block.previous()
        state = previous.userState() if previous.isValid() else -1
        if state < 0 or not state & OPEN_BONEYARD:
            return line_state_after(block.text()).data
        block = previous
    return False


class SpellCheck(QObject):
    """One window's spell checker (see the module docstring)."""

    loaded = Signal()
    """The dictionary is loaded and the underlines are on."""
    _ready = Signal(object, int, int, object)
    """speller, generation, document revision scanned (-1: none), block numbers to redo"""

    def __init__(self, window: MainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spellCheck")
        self.window = window
        self.editor = window.editor
        self.settings = window.settings
        from reelwright.models.store import data_dir

        self.user_dictionary = UserDictionary.in_folder(data_dir())
        self.enabled: bool = self.settings.get("spelling/enabled")
        self.speller = self._new_speller()
        self.format = QTextCharFormat()
        self.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.format.setUnderlineColor(QColor(UNDERLINE))
        self._installed = False
        self._generation = 0
        self._thread: threading.Thread | None = None
        self._deferred: tuple[int, int] | None = None
        self._scans = 0
        """Scans of the text made again after the dictionary came in (the text changed)."""
        """(block number, end in the block) of a misspelt word the caret is still typing."""
        self._ready.connect(self._loaded)
        self.editor.context_menu_providers.append(self._context_menu)
        self.editor.cursorPositionChanged.connect(self._caret_moved)
        window.analysis_ready.connect(self._analysis)
        window.document.data_changed.connect(self._data_changed)
        self.settings.changed.connect(self._setting_changed)
        if self.enabled:
            self.start_loading()

    def _new_speller(self) -> Speller:
        languages = [
            c for c in self.settings.get("spelling/languages") if c in available_languages()
        ]
        return Speller(
            languages or ["en"],
            skip_notes=not self.settings.get("spelling/check_notes"),
            skip_boneyard=not self.settings.get("spelling/check_boneyard"),
        )

    # Loading ---------------------------------------------------------------------------------
    def start_loading(self) -> None:
        """Load the dictionary on a worker thread; the underlines come on when it is in.

        The worker also reads the script's vocabulary from a copy of the text and finds
        the lines with misspelt words, so that only those blocks are redone on the GUI
        thread (a long script is not highlighted twice at start-up)."""
        self._generation += 1
        self._scans = 0
        generation = self._generation
        speller = self.speller
        text = self.editor.script_text()
        revision = self.editor.document().revision()
        user_words = self.user_dictionary.words()
        script_words = self._script_words()

        def work() -> None:
            from reelwright.screenplay.parser import parse

            speller.load()
            speller.set_vocabulary(
                script=script_vocabulary(parse(text)),
                script_words=script_words,
                user_words=user_words,
            )
            flagged = sorted({line for line, _ in speller.check_text(text)})
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._ready.emit(speller, generation, revision, flagged)

        self._thread = threading.Thread(target=work, name="reelwright-dictionary", daemon=True)
        self._thread.start()

    def wait_until_loaded(self, timeout: float = 30.0) -> bool:
        """Block until the dictionary is in and the underlines are on (tests, screenshots)."""
        import time

        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + timeout
        while True:
            thread = self._thread
            if thread is not None:
                thread.join(max(0.0, deadline - time.monotonic()))
            QCoreApplication.processEvents()
            if self._installed or self._thread is thread or time.monotonic() >= deadline:
                return self._installed

    def _scan(self, speller: Speller, generation: int) -> None:
        """Find the lines with misspelt words in the text as it is now, on a worker (the
        text changed while the dictionary loaded: a script was opened meanwhile)."""
        text = self.editor.script_text()
        revision = self.editor.document().revision()
        analyzer = self.window.analyzer
        analysis = analyzer.latest if analyzer.up_to_date() else None
        known = analysis.vocabulary if analysis is not None else None

        def work() -> None:
            vocabulary = known
            if vocabulary is None:  # the script's names, before the analysis brings them
                from reelwright.screenplay.parser import parse

                vocabulary = frozenset(script_vocabulary(parse(text)))
            speller.set_vocabulary(script=vocabulary)
            flagged = sorted({line for line, _ in speller.check_text(text)})
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._ready.emit(speller, generation, revision, flagged)

        self._thread = threading.Thread(target=work, name="reelwright-spelling", daemon=True)
        self._thread.start()

    def _loaded(self, speller: object, generation: int, revision: int, flagged: list[int]) -> None:
        if generation != self._generation or speller is not self.speller or not self.enabled:
            return
        highlighter = self.editor.highlighter
        unchanged = revision == self.editor.document().revision()
        if not unchanged:
            self._read_vocabulary(self.window.analyzer.latest)
        if not unchanged and not self._installed and self._scans < 3:
            self._scans += 1  # not every block: the lines to redo are found on a worker
            self._scan(self.speller, generation)
            return
        if not self._installed and unchanged:
            highlighter.add_decorator(self._decorate, refresh=False)
            highlighter.refresh_blocks(flagged)
        elif not self._installed:
            highlighter.add_decorator(self._decorate)
        else:
            highlighter.refresh_blocks()  # other languages or options: every verdict may change
        self._installed = True
        self.loaded.emit()

    # Settings ----------------------------------------------------------------------------
    def set_enabled(self, on: bool) -> None:
        if on == self.enabled:
            return
        self.enabled = on
        self.settings.set("spelling/enabled", on)
        if on:
            if self.speller.loaded:
                self._ready.emit(self.speller, self._generation, -1, [])
            else:
                self.start_loading()
        elif self._installed:
            self.editor.highlighter.remove_decorator(self._decorate)
            self._installed = False

    def _setting_changed(self, key: str) -> None:
        if key == "spelling/enabled":
            self.set_enabled(self.settings.get(key))
            return
        if key not in ("spelling/languages", "spelling/check_notes", "spelling/check_boneyard"):
            return
        old = self.speller
        self.speller = self._new_speller()
        self.speller.set_vocabulary(
            script=old.script_vocabulary, script_words=old.script_words, user_words=old.user_words
        )
        self.speller.ignored = old.ignored
        if self.enabled:
            self.start_loading()

    def options_menu(self, parent: QMenu) -> QMenu:
        """Tools ▸ Spelling: dictionary languages, notes and boneyard."""
        menu = QMenu(self.tr("Spelling &Options"), parent)
        menu.setObjectName("spellingOptions")
        languages = menu.addMenu(self.tr("&Languages"))
        chosen = set(self.settings.get("spelling/languages"))
        for code, name in available_languages().items():
            action = languages.addAction(f"{language_name(code, name)} ({code})")
            action.setObjectName(f"spelling-language-{code}")
            action.setCheckable(True)
            action.setChecked(code in chosen)
            action.toggled.connect(partial(self._toggle_language, code))
        menu.addSeparator()
        for key, label in (
            ("spelling/check_notes", self.tr("Check &Notes")),
            ("spelling/check_boneyard", self.tr("Check &Boneyard")),
        ):
            action = menu.addAction(label)
            action.setObjectName(key.replace("/", "-"))
            action.setCheckable(True)
            action.setChecked(self.settings.get(key))
            action.toggled.connect(partial(self.settings.set, key))
        menu.addSeparator()
        menu.addAction(self.tr("Edit &My Dictionary…")).triggered.connect(self.edit_user_dictionary)
        return menu

    def _toggle_language(self, code: str, on: bool) -> None:
        chosen = [c for c in self.settings.get("spelling/languages") if c != code]
        if on:
            chosen.append(code)
        self.settings.set("spelling/languages", chosen or ["en"])

    def edit_user_dictionary(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getMultiLineText(
            self.window,
            self.tr("My Dictionary"),
            self.tr("Words spell check accepts in every script, one per line:"),
            "\n".join(self.user_dictionary.words()),
        )
        if ok:
            self.user_dictionary.save(w.strip() for w in text.splitlines() if w.strip())
            self._refresh(self.speller.set_vocabulary(user_words=self.user_dictionary.words()))

    # Checking ------------------------------------------------------------------------------
    def block_state(self, block: QTextBlock) -> LineState:
        previous = block.previous()
        state = previous.userState() if previous.isValid() else -1
        if state < 0:
            return LineState()
        boneyard = bool(state & OPEN_BONEYARD)
        data = boneyard and not self.speller.skip_boneyard and _in_data_block(previous)
        return LineState(note=bool(state & OPEN_NOTE), boneyard=boneyard, data=data)

    def misspellings(self, block: QTextBlock) -> list[Misspelling]:
        """The misspelt words of ``block`` (none until the dictionary is loaded)."""
        if not self.speller.loaded:
            return []
        found, _ = self.speller.check_line(block.text(), self.block_state(block))
        return found

    def _decorate(self, text: str, block: QTextBlock) -> Iterator[tuple[int, int, QTextCharFormat]]:
        if not self.enabled or not self.speller.loaded or not text:
            return
        found, _ = self.speller.check_line(text, self.block_state(block))
        if not found:
            return
        caret = self.editor.textCursor()
        typing_end = -1
        if caret.block() == block and not caret.hasSelection():
            typing_end = utf16_to_index(text, caret.positionInBlock())
        for item in found:
            if item.end == typing_end:  # still being typed: underline once the caret leaves
                self._deferred = (block.blockNumber(), item.end)
                continue
            yield item.start, item.end - item.start, self.format

    def _caret_moved(self) -> None:
        if self._deferred is None:
            return
        number, end = self._deferred
        caret = self.editor.textCursor()
        if (
            caret.blockNumber() == number
            and utf16_to_index(caret.block().text(), caret.positionInBlock()) == end
        ):
            return
        self._deferred = None
        if self._installed:
            self.editor.highlighter.refresh_blocks([number])

    def _read_vocabulary(self, analysis: Analysis | None) -> set[str]:
        vocabulary = None
        if analysis is not None:  # made on the analysis' worker, not on the window's thread
            vocabulary = analysis.vocabulary
            if vocabulary is None:
                vocabulary = script_vocabulary(analysis.script)
        changed = self.speller.set_vocabulary(
            script=vocabulary,
            script_words=self._script_words(),
            user_words=self.user_dictionary.words(),
        )
        return changed

    def _analysis(self, analysis: Analysis) -> None:
        if not self._installed:
            return
        self._refresh(self._read_vocabulary(analysis))

    def _refresh(self, words: Iterable[str]) -> None:
        """Redo the blocks that hold any of ``words`` (casefolded): found in one search of
        the text, redone on screen now and elsewhere while the window is idle."""
        wanted = sorted({w for w in words if w}, key=len, reverse=True)
        if not wanted or not self._installed:
            return
        folded = self.editor.script_text().casefold()  # keeps every line break
        pattern = re.compile("|".join(re.escape(word) for word in wanted))
        blocks: list[int] = []
        line, at = 0, 0
        for match in pattern.finditer(folded):
            line += folded.count("\n", at, match.start())
            at = match.start()
            if not blocks or blocks[-1] != line:
                blocks.append(line)
        self.editor.highlighter.refresh_blocks(blocks)

    # The context menu ------------------------------------------------------------------------
    def word_at(self, cursor: QTextCursor) -> tuple[QTextBlock, Misspelling] | None:
        """The misspelt word under ``cursor``, if any."""
        if not self.enabled:
            return None
        block = cursor.block()
        index = utf16_to_index(block.text(), cursor.positionInBlock())
        for item in self.misspellings(block):
            if item.start <= index <= item.end:
                return block, item
        return None

    def _context_menu(self, menu: QMenu, cursor: QTextCursor) -> None:
        hit = self.word_at(cursor)
        if hit is None:
            return
        block, item = hit
        first = menu.actions()[0] if menu.actions() else None
        added: list[QAction] = []
        suggestions = self.speller.suggestions(item.word)
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            font = QFont(action.font())
            font.setBold(True)
            action.setFont(font)
            action.setObjectName("spelling-suggestion")
            action.triggered.connect(partial(self.replace, block.blockNumber(), item, suggestion))
            added.append(action)
        if not suggestions:
            none = QAction(self.tr("(no suggestions)"), menu)
            none.setEnabled(False)
            added.append(none)
        for name, label, slot in (
            (
                "spelling-add-script",
                self.tr("Add “{word}” to the Script’s Dictionary").format(word=item.word),
                self.add_to_script,
            ),
            (
                "spelling-add-user",
                self.tr("Add “{word}” to My Dictionary").format(word=item.word),
                self.add_to_user,
            ),
            ("spelling-ignore", self.tr("Ignore “{word}”").format(word=item.word), self.ignore),
        ):
            action = QAction(label, menu)
            action.setObjectName(name)
            action.triggered.connect(partial(slot, item.word))
            added.append(action)
        separator = QAction(menu)
        separator.setSeparator(True)
        added.append(separator)
        if first is not None:
            menu.insertActions(first, added)
        else:
            menu.addActions(added)

    def replace(
        self, block_number: int, item: Misspelling, text: str, _checked: bool = False
    ) -> None:
        """Put ``text`` in place of the misspelt word (one undo step)."""
        block = self.editor.document().findBlockByNumber(block_number)
        line = block.text()
        if line[item.start : item.end] != item.word:
            return  # the text changed under the menu
        with edit_block(self.editor.document()) as cursor:
            cursor.setPosition(block.position() + index_to_utf16(line, item.start))
            cursor.setPosition(
                block.position() + index_to_utf16(line, item.end), QTextCursor.MoveMode.KeepAnchor
            )
            cursor.insertText(text)

    def _script_words(self) -> list[str]:
        """The script's own dictionary: the section of the data block the document keeps
        with the text (``Document.data``), read by spelling's one rule."""
        return script_dictionary(data_block.join("", self.window.document.data.others))

    def _data_changed(self, _first: int, end: int) -> None:
        if end < 0 and self._installed:  # another script, an undo, a command
            self._refresh(self.speller.set_vocabulary(script_words=self._script_words()))

    def add_to_script(self, word: str, _checked: bool = False) -> None:
        """Keep ``word`` in the script's own dictionary (a section of the data block the
        document writes after the script), as one undo step."""
        document = self.window.document
        try:
            # The block is saved after the script: a /* never closed would swallow it.
            data_block.check_boneyard_closed(self.editor.script_text())
        except ReelwrightError as error:
            self.window.statusBar().showMessage(
                self.tr("“{word}” was not added to the script’s dictionary: {reason}").format(
                    word=word, reason=str(error)
                ),
                10000,
            )
            return
        current = data_block.join("", document.data.others)
        new_text = with_script_words(current, [word])
        if new_text == current:
            return

        def add(data: ProductionData) -> None:
            data.others = data_block.read(new_text)

        document.change_data(add)
        self._refresh(self.speller.set_vocabulary(script_words=self._script_words()))

    def add_to_user(self, word: str, _checked: bool = False) -> None:
        self.user_dictionary.add(word)
        self._refresh(self.speller.set_vocabulary(user_words=self.user_dictionary.words()))

    def ignore(self, word: str, _checked: bool = False) -> None:
        """Accept ``word`` until the app closes."""
        self.speller.ignore(word)
        self._refresh({word.casefold()})


__all__ = ["SpellCheck", "index_to_utf16", "utf16_to_index"]
