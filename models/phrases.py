"""Sentences the model layer writes for the writer, in English and in the writer's language.

The model layer says things to the writer: why a take is not usable, what was left out of
it, what was trimmed from the prompt, why a request cannot run, which languages a model
writes. It is Qt-free and its command line speaks English, while the desktop shows the
same sentences in the interface's language. A :class:`Phrase` serves both:

- it *is* a ``str``, its English text: the command line prints it, JSON holds it, and
  every reader that takes text (``"; ".join``, ``in``, ``str.format``, ``==``) gets English;
- it remembers how it was made: an English template with ``{fields}``, marked where it is
  written with ``QT_TRANSLATE_NOOP(context, template)`` (pyside6-lupdate finds it there,
  see ``tools/translations.py``), and the values of its fields. A value is plain text (a
  name, a number, what the model wrote: never translated) or a phrase of its own;
- ``phrase.text(translate)`` fills the translated template (the desktop passes
  ``QCoreApplication.translate``), so a translation puts the fields in its own order and
  a phrase inside a phrase is translated too. A translation that lost a field falls back
  to the English template rather than failing.

``str()`` of a phrase is the phrase itself (for a plain ``str``, ``str(s) is s`` as well),
so a phrase handed on as text, an exception's message for one, can still be shown in the
writer's language. Lists are phrases too (:func:`listed`, :func:`clauses`): Chinese joins
names with ``、`` and clauses with ``；``. Text laid out around phrases (lines of a take, a
note's brackets) is a :func:`layout`: a phrase whose template is never translated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Translate = Callable[[str, str], str]
"""(context, English template) -> the template in the interface's language."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for Qt's translation tools in ``context`` and returns it unchanged."""
    return text


class Phrase(str):
    """A sentence (or part of one) for the writer: its English text, and how to say it in
    another language. See the module docstring."""

    context: str
    """The translation context its template is marked in; empty for a layout (never
    translated, see :func:`layout`)."""
    template: str
    """The English template, with ``{fields}``."""
    fields: tuple[tuple[str, str], ...]
    """(name, value) of each field; a value that is a Phrase is translated too."""

    def __new__(cls, context: str, template: str, /, **fields: str | int) -> Phrase:
        values = tuple((name, v if isinstance(v, str) else str(v)) for name, v in fields.items())
        self = super().__new__(cls, _fill(template, template, values, None))
        object.__setattr__(self, "context", context)
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "fields", values)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Phrase cannot be changed ({name})")

    def __str__(self) -> str:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.context, self.template, self.fields))

    def text(self, translate: Translate | None = None) -> str:
        """The phrase as plain text: English, or each template through ``translate``."""
        if translate is None:
            return str.__str__(self)
        template = translate(self.context, self.template) if self.context else self.template
        return _fill(template, self.template, self.fields, translate)


def _fill(
    template: str, english: str, fields: tuple[tuple[str, str], ...], translate: Translate | None
) -> str:
    values = {
        name: value.text(translate) if isinstance(value, Phrase) and translate else value
        for name, value in fields
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        if template == english:
            raise
        return english.format(**values)  # a translation that lost or broke a field


def _rebuild(context: str, template: str, fields: tuple[tuple[str, str], ...]) -> Phrase:
    return Phrase(context, template, **dict(fields))


def text_in(text: str, translate: Translate | None = None) -> str:
    """``text`` through ``translate`` when it is a phrase; any other text as it is (what a
    model or a library wrote)."""
    return text.text(translate) if isinstance(text, Phrase) else str.__str__(text)


def layout(template: str, /, **fields: str | int) -> Phrase:
    """Text laid out around phrases (``[[{note}]]``, lines of a take): the template stays
    as it is in every language, the fields that are phrases are translated."""
    return Phrase("", template, **fields)


def joined(parts: Sequence[str], separator: str) -> str:
    """``separator.join(parts)``, kept a phrase (a :func:`layout`) when a part is one."""
    if not any(isinstance(part, Phrase) for part in parts):
        return separator.join(parts)
    between = separator.replace("{", "{{").replace("}", "}}")
    template = between.join(f"{{p{i}}}" for i in range(len(parts)))
    return layout(template, **{f"p{i}": part for i, part in enumerate(parts)})


def _chained(items: Sequence[str], template: str) -> str:
    if not items:
        return ""
    chain = items[0]
    for item in items[1:]:
        chain = Phrase("Phrase", template, earlier=chain, later=item)
    return chain


def listed(items: Sequence[str]) -> str:
    """Names or things as a list: ``MARGIT, TOM`` (Chinese: ``张伟、李娜``)."""
    return _chained(items, QT_TRANSLATE_NOOP("Phrase", "{earlier}, {later}"))


def clauses(items: Sequence[str]) -> str:
    """Clauses of one sentence: ``it holds more than one scene; it keeps repeating ...``."""
    return _chained(items, QT_TRANSLATE_NOOP("Phrase", "{earlier}; {later}"))


# --- the languages the model layer names ----------------------------------------------------

LANGUAGE_NAMES = {
    "en": QT_TRANSLATE_NOOP("Language", "English"),
    "zh": QT_TRANSLATE_NOOP("Language", "Chinese"),
    "ja": QT_TRANSLATE_NOOP("Language", "Japanese"),
    "ko": QT_TRANSLATE_NOOP("Language", "Korean"),
    "ru": QT_TRANSLATE_NOOP("Language", "Russian"),
    "uk": QT_TRANSLATE_NOOP("Language", "Ukrainian"),
    "de": QT_TRANSLATE_NOOP("Language", "German"),
    "fr": QT_TRANSLATE_NOOP("Language", "French"),
    "es": QT_TRANSLATE_NOOP("Language", "Spanish"),
    "it": QT_TRANSLATE_NOOP("Language", "Italian"),
    "pt": QT_TRANSLATE_NOOP("Language", "Portuguese"),
    "nl": QT_TRANSLATE_NOOP("Language", "Dutch"),
    "pl": QT_TRANSLATE_NOOP("Language", "Polish"),
    "lv": QT_TRANSLATE_NOOP("Language", "Latvian"),
    "eu": QT_TRANSLATE_NOOP("Language", "Basque"),
    "el": QT_TRANSLATE_NOOP("Language", "Greek"),
    "he": QT_TRANSLATE_NOOP("Language", "Hebrew"),
    "ar": QT_TRANSLATE_NOOP("Language", "Arabic"),
    "fa": QT_TRANSLATE_NOOP("Language", "Persian"),
    "hi": QT_TRANSLATE_NOOP("Language", "Hindi"),
    "tr": QT_TRANSLATE_NOOP("Language", "Turkish"),
    "vi": QT_TRANSLATE_NOOP("Language", "Vietnamese"),
    "th": QT_TRANSLATE_NOOP("Language", "Thai"),
}
"""English names of the languages the model layer detects in scripts or finds in the
catalog (ISO 639-1 codes), marked for translation in the ``Language`` context."""


def language_name(code: str) -> str:
    """The name of a language code (``zh`` -> ``Chinese``, a phrase the desktop shows as
    ``中文``); an unknown code is itself."""
    base = code.split("-")[0].split("_")[0].casefold()
    name = LANGUAGE_NAMES.get(base)
    return Phrase("Language", name) if name is not None else base


__all__ = [
    "LANGUAGE_NAMES",
    "QT_TRANSLATE_NOOP",
    "Phrase",
    "Translate",
    "clauses",
    "joined",
    "language_name",
    "layout",
    "listed",
    "text_in",
]
