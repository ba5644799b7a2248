"""The interface in Simplified Chinese: the translations are whole, compiled and current,
keep what the code fills in, and a window started in zh_CN shows them (Qt's own too)."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QTextBrowser

from reelwright.desktop import i18n, keymap
from reelwright.desktop.app import create_window
from reelwright.desktop.documents import Prompts, UnsavedChoice
from reelwright.desktop.reports_window import SHOWN
from reelwright.desktop.settings import Settings
from reelwright.screenplay import reports

ROOT = Path(__file__).resolve().parent.parent


def _tool():
    """tools/translations.py, the one command that keeps the translations current."""
    spec = importlib.util.spec_from_file_location(
        "translations_tool", ROOT / "tools" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


TOOL = _tool()


def test_every_message_is_translated_and_the_files_are_current():
    """No unfinished message; every string marked in the code is in the .ts and none the
    code dropped; the shipped .qm is the compiled .ts (``tools/translations.py check``)."""
    assert TOOL.problems() == []
    assert set(TOOL.LANGUAGES) <= set(i18n.shipped_languages())
    messages = TOOL.messages(TOOL.ts_path("zh_CN"))
    assert len(messages) > 400  # menus, dialogs, messages, help, the desk's windows


_FIELD = re.compile(r"\{[a-z_]*\}")
_TAG = re.compile(r"</?[a-z]+[^>]*>")
_MNEMONIC = re.compile(r"&(?!&)(?![a-z]+;)\S")


@pytest.mark.parametrize("language", TOOL.LANGUAGES)
def test_translations_keep_what_the_code_fills_in(language):
    """Each translation has the source's {fields} and HTML tags, no more, no fewer, and a
    menu text keeps exactly one mnemonic (a Latin letter: ``文件(&F)``)."""
    for message in TOOL.messages(TOOL.ts_path(language)):
        source, text = message.source, message.translation
        where = f"{message.context}: {source!r} -> {text!r}"
        assert sorted(_FIELD.findall(text)) == sorted(_FIELD.findall(source)), where
        assert sorted(_TAG.findall(text)) == sorted(_TAG.findall(source)), where
        if _MNEMONIC.search(source):
            marks = _MNEMONIC.findall(text)
            assert len(marks) == 1 and marks[0][1].isascii(), where
        if source.endswith("…"):
            assert text.endswith("…"), where
        assert text.count("\n") == source.count("\n"), where


def test_the_language_follows_the_choice_then_the_system():
    assert i18n.shipped_languages()[0] == "en" and "zh_CN" in i18n.shipped_languages()
    assert i18n.language_for("zh_CN", ["en-US"]) == "zh_CN"
    assert i18n.language_for("en", ["zh-CN"]) == "en"
    assert i18n.language_for("", ["zh-Hans-CN", "en-US"]) == "zh_CN"
    assert i18n.language_for("", ["zh-SG"]) == "zh_CN"  # Simplified wherever it is written
    assert i18n.language_for("", ["fr-FR", "zh-CN"]) == "zh_CN"  # no French: the next one
    assert i18n.language_for("", ["en-GB", "zh-CN"]) == "en"  # English asked for first
    # Traditional Chinese readers do not get Simplified characters.
    assert i18n.language_for("", ["zh-TW"]) == "en"
    assert i18n.language_for("", ["zh-Hant-HK", "zh-HK"]) == "en"
    assert i18n.language_for("", []) == "en"


def test_tables_shown_translated_cover_what_they_show():
    """The keyboard reference has a heading for every group of the key map; the Reports
    window has a word for every column and category of the core's reports."""
    assert set(keymap.GROUPS) <= set(keymap.GROUP_TITLES)
    core_words: set[str] = set()
    empty = reports.build_report(_parse("INT. A - DAY\n\nX.\n"), _letter())
    for kind in reports.KINDS:
        core_words.update(reports.report_table(empty, kind)[0])
    core_words.update(reports.PERIODS)
    core_words.update(reports.SETTINGS)
    core_words.add(reports.OTHERS)
    assert core_words <= set(SHOWN)


def _parse(text: str):
    from reelwright.screenplay.parser import parse

    return parse(text)


def _letter():
    from reelwright.screenplay.layout import layout_for

    return layout_for("letter")


def test_the_co_writers_tables_are_marked_where_they_are_shown(qapp):
    """Every text of the co-writer's tables (the action registry, the panel's places and
    states, the model manager's sources, the model layer's language names, element names
    and profile labels) has a translation in the context its view translates it in: a new
    action or entry that is not marked would show in English."""
    from reelwright.desktop import model_manager, suggestions_panel
    from reelwright.desktop.take_view import action_text, phrase_text
    from reelwright.models import action_registry, phrases, suggestions

    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    try:
        shown: list[tuple[str, str]] = []
        for action in action_registry.ACTIONS:
            for text in (action.title, action.menu, action.toolbar, action.context, action.tip):
                shown.append((text, action_text(text)))
        for command in action_registry.COMMANDS:
            shown += [(command.menu, action_text(command.menu))]
            shown += [(command.tip, action_text(command.tip))]
        shown.append((action_registry.A_CHARACTER, action_text(action_registry.A_CHARACTER)))
        for table in (
            suggestions_panel.PLACE_LABELS,
            suggestions_panel.SHOT_PLACE_LABELS,
            suggestions_panel.INSERTED,
            suggestions_panel.TAKE_INSERTED,
            suggestions_panel.TAKE_STATES,
        ):
            for text in table.values():
                shown.append((text, QApplication.translate("SuggestionsPanel", text)))
        for source in model_manager.SOURCES:
            shown.append((source, model_manager.source_text(source)))
        for code in phrases.LANGUAGE_NAMES:
            shown.append((code, model_manager.language_text(code)))
        for name in suggestions.ELEMENT_NAMES.values():
            shown.append((name, phrase_text(phrases.Phrase("Check", name))))
        for name in suggestions.PROFILE_LABELS.values():
            shown.append((name, phrase_text(phrases.Phrase("Take", name))))
        for english, chinese in shown:
            assert re.search(r"[\u4e00-\u9fff]", chinese), (english, chinese)
    finally:
        assert i18n.install(qapp, "en") == "en"


def test_menu_text_without_its_mnemonic():
    assert keymap.plain_text("&Save") == "Save"
    assert keymap.plain_text("保存(&S)") == "保存"
    assert keymap.plain_text("另存为(&A)…") == "另存为"
    assert keymap.plain_text("Tom && Jerry") == "Tom & Jerry"


class _Discarding(Prompts):
    def unsaved(self, name: str) -> UnsavedChoice:
        return "discard"


@pytest.fixture
def chinese_window(qtbot) -> Iterator[object]:
    settings = Settings()
    settings.set("ui/language", "zh_CN")
    settings.set("files/opened_before", True)
    window = create_window(settings=settings, offer_recovery=False, prompts=_Discarding())
    qtbot.addWidget(window)
    window.show()
    yield window
    app = QApplication.instance()
    assert app is not None
    assert i18n.install(app, "en") == "en"  # the other tests' windows are in English


def test_the_window_in_chinese(chinese_window, qtbot):
    window = chinese_window
    app = QApplication.instance()
    assert i18n.installed_language(app) == "zh_CN"
    titles = [action.text() for action in window.menuBar().actions()]
    for title in (
        "文件(&F)",
        "编辑(&E)",
        "视图(&V)",
        "元素(&L)",
        "剧本(&S)",
        "工具(&T)",
        "帮助(&H)",
    ):
        assert title in titles
    assert window.actions_by_id["element.scene_heading"].text() == "场景标题(&S)"
    assert window.actions_by_id["element.parenthetical"].text() == "括号注释(&P)"
    assert window.actions_by_id["tools.compare_saved"].text() == "与已保存的版本(&S)"
    assert window.navigator.windowTitle() == "场景"
    assert window.find_bar.find_edit.placeholderText() == "查找"
    # The keyboard reference is the key map's, translated.
    window.actions_by_id["help.keyboard"].trigger()
    page = window.findChild(QTextBrowser, "keyboardReferenceText")
    assert page is not None
    text = page.toPlainText()
    assert "快捷键一览" in text and "场景标题" in text and "Ctrl+1" in text
    # Qt's own strings come from PySide6's qtbase translation.
    from reelwright.desktop.title_page import TitlePageDialog

    dialog = TitlePageDialog({"Title": "医院"}, window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "标题页"
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() in ("确定", "确定(&O)")
    assert isinstance(dialog.editors["Title"], QLineEdit)


def test_preferences_choose_the_language(qtbot):
    from reelwright.desktop.preferences import PreferencesDialog

    settings = Settings()
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names[0].startswith("Follow the system") and "简体中文" in names and "English" in names
    assert not dialog.language_note.isVisibleTo(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert dialog.language_note.isVisibleTo(dialog)  # from the next start
    dialog.apply()
    assert settings.get("ui/language") == "zh_CN"
