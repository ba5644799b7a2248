"""The main window: the page in the middle, the scene navigator beside it, menus around.

Extension points for other parts of the program (the co-writer adds its own modules and
calls only these):

- ``menu(title)``: the top-level menu of that title, created before "Help" if needed.
- ``add_dock(dock, area, visible)``: a dock widget with a toggle in the View menu.
- ``add_toolbar_action(action)``: an action on the main toolbar.
- ``add_status_widget(widget)``: a permanent widget at the right of the status bar.
- ``keyed_action(menu, action_id, slot)``: an action whose text and keys are the key
  map's entry ``action_id`` (the one key table; the desk's commands are made this way).
- ``editor.context_menu_providers``: callables that add entries to the editor's menu.
- ``analysis_ready`` (signal): each new whole-script analysis, after typing pauses.
- ``held_place.insert_at(editor, cursor, text, where)``: accepted text as one undo step.
"""

from __future__ import annotations

import contextlib
import logging
from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMenu,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reelwright.desktop import keymap
from reelwright.desktop.analysis import Analysis, Analyzer
from reelwright.desktop.documents import Document, Prompts
from reelwright.desktop.editor import ScriptEditor
from reelwright.desktop.find_replace import FindBar
from reelwright.desktop.i18n import QT_TRANSLATE_NOOP
from reelwright.desktop.idle_gc import IdleCollector
from reelwright.desktop.navigator import Navigator
from reelwright.desktop.settings import Settings
from reelwright.desktop.statusbar import ScriptStatusBar
from reelwright.desktop.themes import apply_theme, theme_named
from reelwright.desktop.title_page import (
    TitlePageDialog,
    read_title_page,
    replace_title_page,
    title_entries,
    with_title_value,
)
from reelwright.screenplay.element_change import Target
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.layout import layout_for
from reelwright.screenplay.lines import Kind, caseless_cues_for, title_page_extent
from reelwright.screenplay.print_setup import SETTINGS_KEYS, PrintSetup
from reelwright.screenplay.vocabulary import CASELESS_CUES_KEY, caseless_setting

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

MENU_TITLES = (
    QT_TRANSLATE_NOOP("MainWindow", "&File"),
    QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
    QT_TRANSLATE_NOOP("MainWindow", "&View"),
    QT_TRANSLATE_NOOP("MainWindow", "E&lement"),
    QT_TRANSLATE_NOOP("MainWindow", "&Script"),
    QT_TRANSLATE_NOOP("MainWindow", "&Write"),
    QT_TRANSLATE_NOOP("MainWindow", "&Tools"),
    QT_TRANSLATE_NOOP("MainWindow", "&Help"),
)
"""The top-level menus, the co-writer's and the desk's too: ``menu(title)`` is asked for
by the English title and shows its translation."""

_PRINT_SETUP_KEYS = frozenset(SETTINGS_KEYS.values())
"""The preferences the print setup is made of (``print_setup.SETTINGS_KEYS``)."""

CASELESS_CHOICES: dict[bool | None, str] = {
    None: "script.caseless_auto",
    True: "script.caseless_on",
    False: "script.caseless_off",
}
"""Script → Cues without Capitals: the script's choice and its action in the key map."""


def app_icon() -> QIcon:
    from reelwright.resources import resource

    icon = QIcon()
    folder = resource("icons")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        node = folder.joinpath(f"reelwright-{size}.png")
        if node.is_file():
            icon.addFile(str(node))
    return icon


def _application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def system_report(settings: Settings) -> str:
    """What the co-writer runs on: llama.cpp build, backend, offloaded layers, threads, model.

    llama.cpp is imported here, when the writer asks, never at start-up.
    """
    from reelwright.models import store
    from reelwright.models.llama_engine import backend_name, default_threads

    try:
        import llama_cpp

        offload = bool(llama_cpp.llama_supports_gpu_offload())
        version = llama_cpp.__version__
    except (ImportError, OSError) as error:
        return translate("MainWindow", "llama.cpp could not be loaded: {error}").format(error=error)
    engine = settings.engine_settings()
    layers = -1 if engine.n_gpu_layers is None else engine.n_gpu_layers
    if not offload:
        layers = 0
    layer_text = translate("MainWindow", "all") if layers < 0 else str(layers)
    try:
        model = settings.get("model/path") or settings.get("model/id") or "default"
        model_path = store.resolve_model(model)
        model_text = f"{model} ({model_path.name})"
    except ReelwrightError as error:
        model_text = translate("MainWindow", "not usable: {error}").format(error=error)
    offload_text = (
        translate("MainWindow", "GPU offload available")
        if offload
        else translate("MainWindow", "GPU offload not built in")
    )
    lines = (
        f"llama-cpp-python {version}",
        translate("MainWindow", "Backend: {backend} ({offload})").format(
            backend=backend_name(layers), offload=offload_text
        ),
        translate("MainWindow", "Offloaded layers: {layers}").format(layers=layer_text),
        translate("MainWindow", "CPU threads: {threads}").format(
            threads=engine.n_threads or default_threads()
        ),
        translate("MainWindow", "Context: {tokens} tokens").format(tokens=engine.n_ctx),
        translate("MainWindow", "Model: {model}").format(model=model_text),
    )
    return "\n".join(lines)


class MainWindow(QMainWindow):
    analysis_ready = Signal(object)
    """Each :class:`~reelwright.desktop.analysis.Analysis`, after typing pauses."""

    def __init__(self, settings: Settings, prompts: Prompts | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.theme = theme_named(settings.get("editor/theme"))
        self.setWindowIcon(app_icon())
        self.resize(1280, 860)

        self.editor = ScriptEditor(self.theme, self)
        self.editor.set_font_size(settings.get("editor/font_size"))
        self.editor.set_zoom(settings.get("editor/zoom"))
        self.editor.page_rules_visible = settings.get("editor/page_rules")
        setup = self.print_setup()
        self.editor.set_page_layout(setup.layout)
        self.find_bar = FindBar(self.editor, self)
        self.find_bar.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.editor, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.prompts = prompts or Prompts(self)
        self.document = Document(self.editor, settings, self.prompts, parent=self)
        self.document.path_changed.connect(self._update_title)
        self.document.status.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.editor.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.editor.document().modificationChanged.connect(self.setWindowModified)

        self.navigator = Navigator(self, self.theme)
        self.navigator.jump_requested.connect(self.editor.go_to_line)
        self.status = ScriptStatusBar(self)
        self.setStatusBar(self.status)

        self.analyzer = Analyzer(self.editor.script_text, setup, self)
        self.analyzer.lock_source = lambda: self.document.data  # the document owns it
        self.analyzer.ready.connect(self._analysis_done)
        # Full garbage collections wait for the writer's pauses (desktop.idle_gc).
        self.collector = IdleCollector(self.analyzer.busy, self)
        self.editor.document().contentsChanged.connect(self.collector.poke)
        self.analyzer.ready.connect(lambda _analysis: self.collector.poke())
        self.analysis_ready.connect(
            lambda analysis: self.editor.set_caseless_cues(analysis.script.caseless_cues)
        )
        self.editor.document().contentsChanged.connect(self._text_changed)
        self.editor.scene_line_changed.connect(self._scene_changed)
        self.editor.cursorPositionChanged.connect(self._cursor_moved)
        self._last_page: int | None = None

        self._menus: dict[str, QMenu] = {}
        self.toolbar = QToolBar(self.tr("Main"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self._build_menus()
        self.add_dock(self.navigator, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.navigator.setVisible(settings.get("window/navigator_visible"))
        self.resizeDocks([self.navigator], [320], Qt.Orientation.Horizontal)
        self._restore_geometry()
        self._update_title(None)
        settings.changed.connect(self._setting_changed)
        apply_theme(_application(), self.theme)
        self._full_screen_state: tuple[bool, bool, bool, bool] | None = None

    # Extension points -----------------------------------------------------------------------
    def menu(self, title: str) -> QMenu:
        """The top-level menu called ``title`` (``"&Write"``), created if missing."""
        key = title.replace("&", "")
        existing = self._menus.get(key)
        if existing is not None:
            return existing
        created = QMenu(translate("MainWindow", title), self)
        help_menu = self._menus.get("Help")
        if help_menu is not None:
            self.menuBar().insertMenu(help_menu.menuAction(), created)
        else:
            self.menuBar().addMenu(created)
        self._menus[key] = created
        return created

    def add_dock(
        self,
        dock: QDockWidget,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
        visible: bool = True,
    ) -> QAction:
        """Add ``dock`` with a toggle in the View menu; returns that toggle action."""
        if not dock.objectName():
            dock.setObjectName(dock.windowTitle().replace(" ", "_").casefold())
        self.addDockWidget(area, dock)
        dock.setVisible(visible)
        toggle = dock.toggleViewAction()
        self.menu("&View").insertAction(self._view_docks_anchor, toggle)
        return toggle

    def add_toolbar_action(self, action: QAction) -> None:
        self.toolbar.addAction(action)

    def add_status_widget(self, widget: QWidget) -> None:
        self.status.addPermanentWidget(widget)

    def keyed_action(
        self,
        menu: QMenu | None,
        action_id: str,
        slot: Callable[..., object],
        checkable: bool = False,
    ) -> QAction:
        """The action of the key map's entry ``action_id`` (text, keys, tip), added to
        ``menu`` (or to the window when None); ``slot`` gets ``toggled`` if checkable."""
        return self._action(menu, action_id, slot, checkable)

    # Menus ---------------------------------------------------------------------------------------
    def _action(
        self,
        menu: QMenu | None,
        action_id: str,
        slot: Callable[..., object],
        checkable: bool = False,
    ) -> QAction:
        """The action ``action_id`` of the key map (its text, keys and tip), in ``menu``."""
        spec = keymap.BY_ID[action_id]
        action = QAction(spec.shown_text, self)
        action.setObjectName(action_id)
        action.setShortcuts(keymap.sequences(spec))
        tip = spec.shown_tip
        if tip:
            action.setStatusTip(tip[:1].upper() + tip[1:])
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        if menu is not None:
            menu.addAction(action)
        else:
            self.addAction(action)
        self.actions_by_id[action_id] = action
        return action

    def _build_menus(self) -> None:
        self.actions_by_id: dict[str, QAction] = {}
        file_menu = self.menu("&File")
        new = self._action(file_menu, "file.new", self.new_file)
        open_action = self._action(file_menu, "file.open", self.open_dialog)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(file_menu, "file.import_fdx", self.import_dialog)
        file_menu.addSeparator()
        save = self._action(file_menu, "file.save", self.save)
        self._action(file_menu, "file.save_as", self.save_as_dialog)
        file_menu.addSeparator()
        export_pdf = self._action(file_menu, "file.export_pdf", lambda: self.export_dialog("pdf"))
        self._action(file_menu, "file.export_fdx", lambda: self.export_dialog("fdx"))
        self._action(file_menu, "file.export_fountain", lambda: self.export_dialog("fountain"))
        file_menu.addSeparator()
        self._action(file_menu, "file.quit", self.close)

        edit = self.menu("&Edit")
        self._action(edit, "edit.undo", self.editor.undo)
        self._action(edit, "edit.redo", self.editor.redo)
        edit.addSeparator()
        self._action(edit, "edit.cut", self.editor.cut)
        self._action(edit, "edit.copy", self.editor.copy)
        self._action(edit, "edit.paste", self.editor.paste)
        self._action(edit, "edit.select_all", self.editor.selectAll)
        edit.addSeparator()
        self._action(edit, "edit.find", lambda: self.find_bar.open_bar())
        self._action(edit, "edit.replace", lambda: self.find_bar.open_bar(True))
        self._action(edit, "edit.find_next", self.find_bar.find_next)
        self._action(edit, "edit.find_previous", self.find_bar.find_previous)
        self._action(edit, "edit.go_to_scene", self.go_to_scene_dialog)
        edit.addSeparator()
        self._action(edit, "edit.preferences", self.preferences_dialog)

        view = self.menu("&View")
        self._view_docks_anchor = view.addSeparator()
        self._action(view, "view.zoom_in", lambda: self.set_zoom(self.editor.zoom() + 1))
        self._action(view, "view.zoom_out", lambda: self.set_zoom(self.editor.zoom() - 1))
        self._action(view, "view.zoom_reset", lambda: self.set_zoom(0))
        view.addSeparator()
        themes = QActionGroup(self)
        for name in ("light", "dark"):
            action = self._action(view, f"view.theme_{name}", lambda n=name: self.set_theme(n))
            action.setCheckable(True)
            action.setChecked(self.theme.name == name)
            themes.addAction(action)
        view.addSeparator()
        rules = self._action(view, "view.page_breaks", self._toggle_page_rules, checkable=True)
        rules.setChecked(self.editor.page_rules_visible)
        self.focus_action = self._action(
            view, "view.distraction_free", self.set_distraction_free, checkable=True
        )

        element = self.menu("E&lement")
        for action_id in keymap.ELEMENT_IDS:
            target = Target(action_id.split(".", 1)[1])
            self._action(element, action_id, lambda t=target: self.editor.set_element(t))

        script = self.menu("&Script")
        self._action(script, "script.title_page", self.title_page_dialog)
        self._action(script, "script.rename_character", self.rename_character_dialog)
        self.caseless_menu = script.addMenu(self.tr("Cues &without Capitals"))
        self.caseless_menu.setObjectName("caselessCuesMenu")
        caseless = QActionGroup(self)
        for choice, action_id in CASELESS_CHOICES.items():
            action = self._action(
                self.caseless_menu,
                action_id,
                lambda c=choice: self.set_caseless_cues_choice(c),
            )
            action.setCheckable(True)
            caseless.addAction(action)
        self.caseless_menu.aboutToShow.connect(self._show_caseless_choice)
        paper = script.addMenu(self.tr("&Paper Size"))
        papers = QActionGroup(self)
        for name in ("letter", "a4"):
            action = self._action(paper, f"script.paper_{name}", lambda n=name: self.set_paper(n))
            action.setCheckable(True)
            papers.addAction(action)
        profile = script.addMenu(self.tr("Pro&file"))
        profile.setObjectName("profileMenu")
        profiles = QActionGroup(self)
        self.profile_actions: dict[str, QAction] = {}
        for name, label in (
            ("screenplay", self.tr("&Feature (Final Draft)")),
            ("multicam", self.tr("&Multi-Camera (Sitcom)")),
        ):
            action = QAction(label, self)
            action.setObjectName(f"script.profile_{name}")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, n=name: self.set_profile(n))
            profiles.addAction(action)
            profile.addAction(action)
            self.profile_actions[name] = action
        self._show_print_setup()

        help_menu = self.menu("&Help")
        self._action(help_menu, "help.keyboard", self.keyboard_reference)
        self._action(help_menu, "help.fountain", self.fountain_help)
        help_menu.addSeparator()
        self._action(help_menu, "help.about", self._about)

        for action in (new, open_action, save, export_pdf):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()

    def keyboard_reference(self) -> None:
        """Help → Keyboard Reference: every key of the window, from the key map."""
        from reelwright.desktop.help import show_keyboard_reference

        show_keyboard_reference(self)

    def fountain_help(self) -> None:
        from reelwright.desktop.help import show_fountain_syntax

        show_fountain_syntax(self)

    # Files -------------------------------------------------------------------------------------
    def _start_folder(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        recent = self.settings.get("files/recent")
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def new_file(self) -> None:
        self.document.new()

    def open_path(self, path: str | Path) -> bool:
        opened = self.document.open(path)
        if opened:
            self.analyzer.start()  # on the worker: a long script shows before its pages
        return opened

    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Script"),
            self._start_folder(),
            self.tr("Scripts (*.fountain *.spmd *.txt *.fdx);;All files (*)"),
        )
        if name:
            self.open_path(name)

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import Final Draft"),
            self._start_folder(),
            self.tr("Final Draft (*.fdx)"),
        )
        if name:
            self.open_path(name)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.get("files/recent"):
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No recent scripts")).setEnabled(False)

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as_dialog()
        return self.document.save()

    def save_as_dialog(self) -> bool:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save Script"),
            str(Path(self._start_folder()) / self.document.display_name),
            self.tr("Fountain (*.fountain)"),
        )
        return bool(name) and self.document.save_as(name)

    def export_dialog(self, kind: str) -> None:
        suffix = {"pdf": ".pdf", "fdx": ".fdx", "fountain": ".fountain"}[kind]
        stem = self.document.path.stem if self.document.path else "Untitled"
        name, _ = QFileDialog.getSaveFileName(
            self, "Export", str(Path(self._start_folder()) / (stem + suffix)), f"*{suffix}"
        )
        if not name:
            return
        # The document exports the draft (the text with its production data) with the one
        # print setup the editor's pages come from (the preferences, then the script's own
        # fmt: key): the PDF has the pages the status bar counts.
        self.document.export(
            Path(name), open_after=kind == "pdf" and bool(self.settings.get("export/open_pdf"))
        )

    # View --------------------------------------------------------------------------------------
    def print_setup(self) -> PrintSetup:
        """The one print setup (paper, profile, heading blanks, scene numbers, print
        options), read from the writer's preferences; the analysis adds the script's own
        ``fmt:`` options, and the editor's pages, the status bar and File > Export all
        read it."""
        return PrintSetup.from_settings(self.settings.get)

    def set_paper(self, name: str) -> None:
        layout_for(name)  # an unknown paper is refused before it is stored
        self.settings.set("editor/paper", name)  # the window follows (_setting_changed)

    def set_profile(self, name: str) -> None:
        """Script > Profile: Final Draft's feature or multi-camera template."""
        PrintSetup(profile=name)  # an unknown profile is refused before it is stored
        self.settings.set("print/profile", name)

    def _print_setup_changed(self) -> None:
        """A preference of the print setup changed: the editor's columns at once, its
        pages (and the navigator's, the status bar's) from the analysis that follows."""
        setup = self.print_setup()
        self.analyzer.setup = setup
        latest = self.analyzer.latest
        shown = setup.for_script(latest.script) if latest is not None else setup
        lock = self.document.data.pages  # locked pages keep their paper, as the analysis does
        layout = (shown.for_page_lock(lock.paper, lock.heading_blanks) if lock else shown).layout
        if layout != self.editor.page_layout:
            self.editor.set_page_layout(layout)
        self._show_print_setup()
        self.analyzer.start()

    def _show_print_setup(self) -> None:
        """Check the paper and the profile the setup has in the Script menu."""
        setup = self.analyzer.setup
        for name in ("letter", "a4"):
            self.actions_by_id[f"script.paper_{name}"].setChecked(setup.paper_name == name)
        for name, action in self.profile_actions.items():
            action.setChecked(setup.profile == name)

    def set_theme(self, name: str) -> None:
        self.theme = theme_named(name)
        self.settings.set("editor/theme", self.theme.name)
        apply_theme(_application(), self.theme)
        self.editor.set_theme(self.theme)
        self.navigator.set_theme(self.theme)

    def set_zoom(self, steps: int) -> None:
        self.editor.set_zoom(steps)
        self.settings.set("editor/zoom", self.editor.zoom())

    def _toggle_page_rules(self, checked: bool) -> None:
        self.editor.page_rules_visible = checked
        self.settings.set("editor/page_rules", checked)
        self.editor.viewport().update()

    def set_distraction_free(self, on: bool) -> None:
        """Only the page: no menus, docks, tool or status bar; F11 or Esc comes back."""
        if on and self._full_screen_state is None:
            self._full_screen_state = (
                self.menuBar().isVisible(),
                self.navigator.isVisible(),
                self.toolbar.isVisible(),
                self.statusBar().isVisible(),
            )
            for widget in (self.menuBar(), self.toolbar, self.statusBar()):
                widget.hide()
            for dock in self.findChildren(QDockWidget):
                dock.hide()
            self.showFullScreen()
        elif not on and self._full_screen_state is not None:
            menu, navigator, toolbar, status = self._full_screen_state
            self._full_screen_state = None
            self.menuBar().setVisible(menu)
            self.navigator.setVisible(navigator)
            self.toolbar.setVisible(toolbar)
            self.statusBar().setVisible(status)
            self.showNormal()
        self.focus_action.setChecked(on)
        self.editor.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._full_screen_state is not None and event.key() == Qt.Key.Key_Escape:
            self.set_distraction_free(False)
            return
        super().keyPressEvent(event)

    # Script --------------------------------------------------------------------------------------
    def title_page_dialog(self) -> None:
        dialog = TitlePageDialog(read_title_page(self.editor.script_text()), self)
        if dialog.exec():
            replace_title_page(self.editor, dialog.fields())

    def rename_character_dialog(self) -> bool:
        """Script → Rename Character: previewed with a count, applied as one undo step."""
        from reelwright.desktop.rename_dialog import RenameCharacterDialog
        from reelwright.screenplay.vocabulary import cue_name

        text = self.editor.script_text()
        data = self.editor.completion_data
        names = [name for name, _ in data.characters.most_common()]
        line = self.editor.textCursor().block().text()
        current = cue_name(line) if self.editor.current_kind() is Kind.CHARACTER else None
        dialog = RenameCharacterDialog(text, names, current or (names[0] if names else ""), self)
        if not dialog.exec() or not dialog.plan.count:
            return False
        self.editor.apply_edits(dialog.plan.edits)
        old, new = dialog.old_name.currentText().strip(), dialog.new_name.text().strip()
        self.statusBar().showMessage(dialog.done_text(old, new))
        return True

    def caseless_cues_choice(self) -> bool | None:
        """The script's recorded choice for cues without capitals (None: automatic)."""
        return caseless_setting(title_entries(self.editor.script_text()))

    def _show_caseless_choice(self) -> None:
        """Check the script's choice; Automatic says what the letters decide now."""
        choice = self.caseless_cues_choice()
        text = self.editor.script_text()
        unrecorded = with_title_value(text, CASELESS_CUES_KEY, None)
        automatic = caseless_cues_for(unrecorded.split("\n"))
        for value, action_id in CASELESS_CHOICES.items():
            action = self.actions_by_id[action_id]
            action.setChecked(value is choice)
            if value is None:
                spec = keymap.BY_ID[action_id]
                now = self.tr("now on") if automatic else self.tr("now off")
                action.setText(f"{spec.shown_text} ({now})")

    def set_caseless_cues_choice(self, choice: bool | None) -> bool:
        """Script → Cues without Capitals: write the choice on the title page as
        ``Caseless cues: yes|no`` (None: remove it, the letters decide), as one undo step;
        the editor, the completer and the navigator follow at once."""
        from reelwright.desktop.desk import apply_text

        text = self.editor.script_text()
        value = None if choice is None else ("yes" if choice else "no")
        title = Path(self.document.display_name).stem
        new_text = with_title_value(text, CASELESS_CUES_KEY, value, title=title)
        if apply_text(self.editor, new_text) is None:
            return False
        lines = new_text.split("\n")
        self.editor.set_caseless_cues(caseless_cues_for(lines))
        self.analyzer.run_now()
        on = caseless_cues_for(lines)
        if value is None:
            message = (
                self.tr("Cues without capitals: automatic (now on)")
                if on
                else self.tr("Cues without capitals: automatic (now off)")
            )
        else:
            message = (
                self.tr("Cues without capitals: on (the title page says Caseless cues: {value})")
                if on
                else self.tr(
                    "Cues without capitals: off (the title page says Caseless cues: {value})"
                )
            ).format(value=value)
        if title_page_extent(text.split("\n")) is None:
            message += self.tr("; a title page was added to hold it")
        self.statusBar().showMessage(message, 8000)
        return True

    def go_to_scene(self, number: str) -> bool:
        for entry in self.navigator.entries:
            if entry.kind == "scene" and entry.number.casefold() == number.strip().casefold():
                self.editor.go_to_line(entry.line)
                return True
        return False

    def go_to_scene_dialog(self) -> None:
        scenes = [e for e in self.navigator.entries if e.kind == "scene"]
        if not scenes:
            return
        labels = [f"{e.number}   {e.text}" for e in scenes]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Go to Scene"), self.tr("Scene:"), labels, 0, False
        )
        if ok and choice:
            self.go_to_scene(choice.split(" ", 1)[0])

    def preferences_dialog(self) -> None:
        from reelwright.desktop.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec():
            dialog.apply()

    def _setting_changed(self, key: str) -> None:
        """Preferences changed (by the dialog or a menu): follow them."""
        if key == "editor/theme" and self.settings.get(key) != self.theme.name:
            self.set_theme(self.settings.get(key))
        elif key == "editor/font_size":
            self.editor.set_font_size(self.settings.get(key))
        elif key in _PRINT_SETUP_KEYS:
            self._print_setup_changed()

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from reelwright.desktop.help import about_text

        QMessageBox.about(
            self, self.tr("About Reelwright"), about_text(system_report(self.settings))
        )

    # Analysis ------------------------------------------------------------------------------
    def _text_changed(self) -> None:
        self.analyzer.schedule()

    def _analysis_done(self, analysis: Analysis) -> None:
        if analysis.layout is not None and analysis.layout != self.editor.page_layout:
            self.editor.set_page_layout(analysis.layout)  # the script's own fmt: options
        self.editor.page_starts = analysis.page_starts
        self.editor.completion_data = analysis.completion
        self.navigator.set_analysis(analysis)
        self.status.show_analysis(analysis)
        self._last_page = None
        self._cursor_moved(force=True)
        scene = self.editor.scene_line()
        self.navigator.set_current_line(-1 if scene is None else scene)
        self.editor.viewport().update()
        self.analysis_ready.emit(analysis)

    def _scene_changed(self, line: int) -> None:
        self.navigator.set_current_line(line)
        self._cursor_moved(force=True)

    def _cursor_moved(self, force: bool = False) -> None:
        starts = self.editor.page_starts
        line = self.editor.textCursor().blockNumber()
        index = bisect_right(self.editor.page_lines, line)
        page = starts[index - 1][1] if index and index <= len(starts) else 1
        if page == self._last_page and not force:
            return
        self._last_page = page
        scene_line = self.editor.scene_line()
        number = None
        if scene_line is not None:
            for entry in self.navigator.entries:
                if entry.line == scene_line:
                    number = entry.number
                    break
        self.status.show_position(page, number)

    # Window state ------------------------------------------------------------------------------
    def _update_title(self, _path: object) -> None:
        self.setWindowTitle(f"{self.document.display_name}[*] — Reelwright")

    def _restore_geometry(self) -> None:
        geometry = self.settings.get("window/geometry")
        state = self.settings.get("window/state")
        with contextlib.suppress(Exception):
            if geometry:
                self.restoreGeometry(QByteArray(geometry))
            if state:
                self.restoreState(QByteArray(state))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.document.maybe_save():
            event.ignore()
            return
        if self._full_screen_state is not None:
            self.set_distraction_free(False)
        self.settings.set("window/geometry", bytes(self.saveGeometry().data()))
        self.settings.set("window/state", bytes(self.saveState().data()))
        self.settings.set("window/navigator_visible", self.navigator.isVisible())
        self.document.close()
        self.analyzer.shutdown()
        self.collector.close()
        event.accept()

    def wait_until_ready(self) -> None:
        """Finish the analysis now (screenshots, tests): the one on the worker is waited
        for, a pending one is run; the navigator and the pages are then filled, and the
        highlighting waiting for idle time is done."""
        while self.analyzer.busy():
            self.analyzer.wait()  # a stale one delivered starts the newest: wait for it too
        if self.analyzer.pending() or not self.analyzer.up_to_date():
            self.analyzer.run_now()
        self.editor.highlighter.finish_refresh()
        QTimer.singleShot(0, lambda: None)
