"""The interface's language: Qt translators for Reelwright's own strings and for Qt's.

Strings are marked where they are written: ``self.tr("...")`` in a QObject (the class
name is the context), ``QCoreApplication.translate("Context", "...")`` elsewhere, and
``QT_TRANSLATE_NOOP("Context", "...")`` in tables read later (the key map), which
translate the text when they show it. Placeholders are ``{name}`` fields filled with
``str.format`` after translation, so a translation can put them in its own order; a
menu's mnemonic stays a Latin letter, written the way Chinese and Japanese software
writes it (``文件(&F)``).

The sources are ``resources/translations/reelwright_<language>.ts``, made and kept up to
date from the code by ``python tools/translations.py`` (pyside6-lupdate, then
pyside6-lrelease for the ``.qm`` files shipped beside them). The language is the
Preferences choice (``ui/language``), or the system's when that is empty; Qt's own
strings (OK, Cancel, the text field's context menu, file dialogs) come from the
``qtbase`` translations that PySide6 ships.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

ENGLISH = "en"
LANGUAGE_NAMES: dict[str, str] = {
    ENGLISH: "English",
    "zh_CN": "简体中文",
    "ja": "日本語",
}
"""Each language in its own words, as a language menu shows them."""
TRANSLATOR_NAME = "reelwright-translator"
"""Object name of the translators installed here (children of the application)."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` where it is written (a table) and
    returns it unchanged; whoever shows it translates it then. pyside6-lupdate finds it by
    this name, as it finds Qt's own (whose stub is typed ``object``)."""
    return text


def translations_dir() -> Path:
    from reelwright.resources import resource

    return Path(str(resource("translations")))


def shipped_languages() -> list[str]:
    """The languages with a compiled translation in the resources, English first."""
    folder = translations_dir()
    found = sorted(
        path.stem.removeprefix("reelwright_")
        for path in folder.glob("reelwright_*.qm")
        if path.is_file()
    )
    return [ENGLISH, *found]


def _code_for(name: str) -> str | None:
    """The translation a UI language of the system asks for (``zh-Hans-CN`` -> zh_CN),
    English, or None when we have none for it. Simplified Chinese is zh_CN wherever it
    is written; Traditional Chinese does not get it."""
    locale = QLocale(name.replace("-", "_"))
    language = locale.language()
    if language == QLocale.Language.English:
        return ENGLISH
    if language == QLocale.Language.Chinese:
        script = locale.script()
        if script == QLocale.Script.TraditionalHanScript:
            return None
        traditional_place = QLocale.territoryToCode(locale.territory()) in ("TW", "HK", "MO")
        if script == QLocale.Script.AnyScript and "Hans" not in name and traditional_place:
            return None  # zh_TW, zh_HK and zh_MO default to Traditional characters
        return "zh_CN"
    code = QLocale.languageToCode(language)
    return code or None


def language_for(choice: str, ui_languages: list[str] | None = None) -> str:
    """The language to show: ``choice`` when it is one we ship, else (an empty choice:
    follow the system) the first of the system's UI languages that we have, else English.

    ``ui_languages``: the system's preference list (``QLocale.system().uiLanguages()``)."""
    shipped = shipped_languages()
    if choice in shipped:
        return choice
    wanted = QLocale.system().uiLanguages() if ui_languages is None else ui_languages
    for name in wanted:
        code = _code_for(name)
        if code in shipped:
            return str(code)
        if code == ENGLISH:
            return ENGLISH
    return ENGLISH


def _qt_translation(code: str) -> Path | None:
    """Qt's own ``qtbase`` translation for ``code``, from PySide6's folder, if there."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for name in (f"qtbase_{code}.qm", f"qtbase_{code.split('_')[0]}.qm"):
        if (folder / name).is_file():
            return folder / name
    return None


def installed_language(app: QCoreApplication) -> str:
    """The language the installed translators give (English when there are none)."""
    for translator in app.findChildren(QTranslator, TRANSLATOR_NAME):
        language = translator.property("reelwright_language")
        if language:
            return str(language)
    return ENGLISH


def install(app: QCoreApplication, choice: str = "", ui_languages: list[str] | None = None) -> str:
    """Show the interface in the chosen language (see :func:`language_for`); the
    translators are the application's children, replaced when another language is
    chosen. Returns the language shown. Windows made before keep their text: a new
    choice shows fully from the next start (Preferences says so)."""
    code = language_for(choice, ui_languages)
    if code == installed_language(app):
        return code
    for old in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()
    if code == ENGLISH:
        return code
    files = [translations_dir() / f"reelwright_{code}.qm", _qt_translation(code)]
    for path in files:
        if path is None:
            continue
        translator = QTranslator(app)
        translator.setObjectName(TRANSLATOR_NAME)
        translator.setProperty("reelwright_language", code)
        if translator.load(str(path)):
            app.installTranslator(translator)
        else:
            translator.setParent(None)
            translator.deleteLater()
    return code


__all__ = [
    "ENGLISH",
    "LANGUAGE_NAMES",
    "QT_TRANSLATE_NOOP",
    "install",
    "installed_language",
    "language_for",
    "shipped_languages",
    "translations_dir",
]
