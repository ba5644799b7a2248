"""Font choice for the PDF: a bundled Courier-metric face, with fallbacks per run of text.

The main face is Reelwright Typewriter (Courier Prime converted to TrueType outlines; see
resources/fonts/OFL-ReelwrightTypewriter.txt), embedded so the page looks the same on
every machine. It covers Latin only, so text is cut into runs: Cyrillic and Greek go to
the bundled Liberation Mono (the same 0.6 em advance, so the grid holds), Chinese,
Japanese and Korean to the bundled Droid Sans Fallback (embedded, loaded only when a script
needs it), and what that lacks to reportlab's CID fonts (no file; the reader supplies the
glyphs). A character no face has keeps the main face; nothing is silently dropped.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from reelwright.screenplay.errors import ReelwrightError

MAIN_FAMILY = "ReelwrightTypewriter"
FALLBACK_FAMILY = "LiberationMono"
CJK_FACE = "DroidSansFallback"
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")
CJK_FONTS = {
    "zh": "STSong-Light",
    "ja": "HeiseiMin-W3",
    "ko": "HYSMyeongJo-Medium",
}


def _style(bold: bool, italic: bool) -> str:
    return STYLES[(1 if bold else 0) + (2 if italic else 0)]


@dataclass(frozen=True, slots=True)
class FontRun:
    """A piece of text and the registered font name that draws it."""

    font: str
    text: str
    cjk: bool = False


class FontSet:
    """The bundled faces, registered with reportlab on first use (reading a TrueType file
    costs about 10 ms, and most scripts need only two or three of the eight)."""

    def __init__(self) -> None:
        self._folder = resources.files("reelwright.resources") / "fonts"
        self.coverage: dict[str, dict[int, int]] = {}
        self._cjk: dict[str, str] = {}
        self._cjk_cover: dict[int, int] | None = None

    def face(self, family: str, style: str) -> str:
        """The registered name of ``family`` in ``style``; loads the file the first time."""
        name = f"{family}-{style}"
        if name in self.coverage:
            return name
        try:
            if name not in pdfmetrics.getRegisteredFontNames():
                with resources.as_file(self._folder / f"{name}.ttf") as path:
                    pdfmetrics.registerFont(TTFont(name, str(path)))
            font = pdfmetrics.getFont(name)
        except Exception as error:  # a damaged install: say which file
            raise ReelwrightError(
                f"the bundled font {name} could not be loaded: {error}"
            ) from error
        self.coverage[name] = font.face.charToGlyph
        return name

    def cjk_face(self) -> dict[int, int]:
        """Characters of the embedded CJK face (registered on first use: 3 MB to read)."""
        if self._cjk_cover is None:
            try:
                if CJK_FACE not in pdfmetrics.getRegisteredFontNames():
                    with resources.as_file(self._folder / f"{CJK_FACE}.ttf") as path:
                        pdfmetrics.registerFont(TTFont(CJK_FACE, str(path)))
                font = pdfmetrics.getFont(CJK_FACE)
                self._cjk_cover = font.face.charToGlyph
            except Exception:  # missing from a trimmed install: the CID fonts still work
                self._cjk_cover = {}
        return self._cjk_cover

    def cjk(self, code: int, language: str) -> str:
        if code in self.cjk_face():
            return CJK_FACE
        name = CJK_FONTS[_language_of(code, language)]
        if name not in self._cjk:
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(UnicodeCIDFont(name))
            self._cjk[name] = name
        return name

    def main(self, bold: bool = False, italic: bool = False) -> str:
        return self.face(MAIN_FAMILY, _style(bold, italic))

    def runs(self, text: str, bold: bool, italic: bool, language: str = "zh") -> Iterator[FontRun]:
        """Cut ``text`` into runs that one font can draw, preferring the main face."""
        style = _style(bold, italic)
        main = self.face(MAIN_FAMILY, style)
        if text.isascii():
            yield FontRun(main, text)
            return
        main_cover = self.coverage[main]
        fallback: str | None = None
        fallback_cover: dict[int, int] = {}
        current: str | None = None
        cjk_run = False
        start = 0
        for index, char in enumerate(text):
            if char == " " and current is not None and not cjk_run:
                continue  # a space stays in the run it is in
            code = ord(char)
            is_cjk = False
            if code in main_cover:
                font = main
            elif is_cjk_char(code):
                font = self.cjk(code, language)
                is_cjk = True
            else:
                if fallback is None:
                    fallback = self.face(FALLBACK_FAMILY, style)
                    fallback_cover = self.coverage[fallback]
                font = fallback if code in fallback_cover else main
            if font != current:
                if current is not None and index > start:
                    yield FontRun(current, text[start:index], cjk_run)
                current, cjk_run, start = font, is_cjk, index
        if current is not None:
            yield FontRun(current, text[start:], cjk_run)


def is_cjk_char(code: int) -> bool:
    return (
        0x1100 <= code <= 0x11FF
        or 0x2E80 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x2FA1F
    )


def _language_of(code: int, default: str) -> str:
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF:
        return "ja"
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "ko"
    return default


def script_language(text: str) -> str:
    """Which CJK face suits Han characters in this script: kana means Japanese,
    Hangul Korean, anything else Chinese."""
    for char in text:
        code = ord(char)
        if code < 0x1100:
            continue
        if 0x3040 <= code <= 0x30FF:
            return "ja"
        if 0xAC00 <= code <= 0xD7AF:
            return "ko"
    return "zh"


@functools.cache
def font_set() -> FontSet:
    """Fonts are registered with reportlab once per process."""
    return FontSet()
