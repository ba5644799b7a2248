"""Trailer beats as a two-column promo script PDF (the audio/visual format of promo writers).

Left column: what is seen (time code, shot, picture, on-screen text); right column: what
is heard (voice-over or dialogue, sound, music). The page is set in the bundled typewriter
face of the script PDF (``exporters.fonts``, with its fallbacks for other alphabets), so a
promo script sits next to the screenplay it sells. Qt-free: the desktop panel and any
command line hand it plain :class:`PromoBeat` data.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.fileio import atomic_writer

TARGETS = (30, 60, 90)


@dataclass(frozen=True, slots=True)
class PromoBeat:
    start: int
    end: int
    shot: str
    picture: str
    audio: str
    """"voice-over", "dialogue", "sound", "music" or "none"."""
    speaker: str = ""
    line: str = ""
    on_screen_text: str = ""
    music: str = ""

    @property
    def seconds(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class PromoScript:
    title: str
    length: int
    """The target running time in seconds (30, 60 or 90)."""
    genre: str
    audience: str
    beats: tuple[PromoBeat, ...]

    @property
    def running_time(self) -> int:
        return self.beats[-1].end if self.beats else 0


def clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def beats_from_data(data: dict[str, Any]) -> tuple[PromoBeat, ...]:
    """The beats of a checked trailer suggestion (``Suggestion.data``) as plain records."""
    beats = []
    for beat in data.get("beats", []):
        beats.append(
            PromoBeat(
                start=int(beat["start"]),
                end=int(beat["end"]),
                shot=" ".join(str(beat.get("shot", "")).split()),
                picture=" ".join(str(beat.get("picture", "")).split()),
                audio=str(beat.get("audio", "none")),
                speaker=" ".join(str(beat.get("speaker", "")).split()),
                line=" ".join(str(beat.get("line", "")).split()),
                on_screen_text=" ".join(str(beat.get("on_screen_text", "")).split()),
                music=" ".join(str(beat.get("music", "")).split()),
            )
        )
    return tuple(beats)


def audio_text(beat: PromoBeat) -> str:
    """The spoken or heard part of a beat as one line: ``NARRATOR (V.O.): ...``."""
    if not beat.line:
        return ""
    if beat.audio == "voice-over":
        return f"{beat.speaker or 'NARRATOR'} (V.O.): {beat.line}"
    if beat.audio == "dialogue":
        return f"{beat.speaker or 'VOICE'}: {beat.line}"
    if beat.audio == "sound":
        return f"SFX: {beat.line}"
    return beat.line


def render_promo_pdf(promo: PromoScript) -> bytes:
    """The PDF bytes: a header, then one table row per beat, the table header repeated."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import inch
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from reelwright.exporters.fonts import font_set, script_language

    if not promo.beats:
        raise ReelwrightError("the trailer has no beats to export")
    fonts = font_set()
    language = script_language(" ".join(b.picture + b.line for b in promo.beats))

    def markup(text: str, bold: bool = False) -> str:
        """Text as Paragraph markup, each run in a face that has its glyphs."""
        parts = []
        for run in fonts.runs(text, bold, False, language):
            parts.append(f'<font name="{run.font}">{escape(run.text)}</font>')
        return "".join(parts)

    regular = fonts.main()
    base = ParagraphStyle("promo", fontName=regular, fontSize=10, leading=12.5)
    small = ParagraphStyle("small", parent=base, fontSize=9, leading=11, textColor="#555555")
    title_style = ParagraphStyle("title", parent=base, fontSize=16, leading=20, spaceAfter=4)
    head_style = ParagraphStyle("head", parent=base, fontSize=9, textColor="#ffffff")

    story: list[Any] = [
        Paragraph(markup(promo.title.upper(), bold=True), title_style),
        Paragraph(
            markup(f"Trailer · {promo.length} seconds · {promo.genre} · for {promo.audience}"),
            small,
        ),
        Paragraph(
            markup(f"Running time {clock(promo.running_time)} of {clock(promo.length)}"),
            small,
        ),
        Spacer(1, 0.18 * inch),
    ]
    rows: list[list[Any]] = [
        [
            Paragraph(markup("VIDEO", bold=True), head_style),
            "",
            Paragraph(markup("AUDIO", bold=True), head_style),
        ],
    ]
    for beat in promo.beats:
        video = [f"{markup(clock(beat.start) + '–' + clock(beat.end), bold=True)}"]
        video.append(markup(beat.shot.upper(), bold=True))
        video.append(markup(beat.picture))
        if beat.on_screen_text:
            video.append(markup("SUPER: " + beat.on_screen_text, bold=True))
        audio = []
        heard = audio_text(beat)
        if heard:
            audio.append(markup(heard))
        if beat.music:
            audio.append(markup("MUSIC: " + beat.music))
        if not audio:
            audio.append(markup("(silence)"))
        rows.append(
            [Paragraph("<br/>".join(video), base), "", Paragraph("<br/><br/>".join(audio), base)]
        )
    width = LETTER[0] - 2 * inch
    table = Table(rows, colWidths=[width * 0.5, width * 0.04, width * 0.46], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2b2b2b")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 1), (0, -1), 0.4, colors.HexColor("#cccccc")),
                ("LINEBELOW", (2, 1), (2, -1), 0.4, colors.HexColor("#cccccc")),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    story.append(table)
    buffer = io.BytesIO()

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.setFillColor(colors.HexColor("#888888"))
        canvas.drawRightString(LETTER[0] - inch, 0.6 * inch, f"{doc.page}.")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=inch,
        rightMargin=inch,
        topMargin=inch,
        bottomMargin=inch,
        title=f"{promo.title} — trailer",
        author="Reelwright",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def write_promo_pdf(promo: PromoScript, path: str | os.PathLike[str]) -> None:
    """Write the promo script at ``path`` atomically (the old file survives a failure)."""
    data = render_promo_pdf(promo)
    with atomic_writer(path) as handle:
        handle.write(data)


def promo_from_beats(
    title: str, length: int, genre: str, audience: str, beats: Sequence[PromoBeat]
) -> PromoScript:
    if length not in TARGETS:
        raise ReelwrightError("a trailer is 30, 60 or 90 seconds long")
    return PromoScript(title or "Untitled", length, genre, audience, tuple(beats))
