"""Fuzzing the paginator and every exporter with hostile Fountain-ish text.

Text goes through the parser, the paginator, the PDF writer (read back with pypdf), FDX
export and import, and Fountain export and reparse; the invariants live in
``fuzz_invariants.py`` (shared with ``benchmarks/fuzz_atheris.py``). The strategies mix
lines that look like every Fountain rule with huge lines, control characters, scripts of
every direction and width, and all three kinds of line end.

The shapes that broke the program from outside (issue 18: unclosed notes and boneyard,
scene numbers of thousands of digits, sections thousands of levels deep, elements of
megabytes, FDX attributes that lie, pipes and devices as paths) are drawn by the
strategies too, and each is also checked once on its own at full size.

Example counts are small so the file runs in well under a minute; for a long run set
``REELWRIGHT_FUZZ_EXAMPLES`` (every fuzz test then runs that many examples), e.g.
``REELWRIGHT_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/test_fuzz_export.py``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pypdf
import pytest
from fuzz_invariants import (
    FDX_SHAPES,
    SHAPES,
    check_fdx_bytes,
    check_fdx_round_trip,
    check_fountain_round_trip,
    check_pagination,
    check_pdf,
    check_special_paths,
    check_text,
    choose,
    fdx_expected,
    fdx_signature,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_parser_properties import _FRAGMENTS, _fountainish

from reelwright.exporters import export
from reelwright.exporters.fdx import from_fdx, read_fdx, to_fdx
from reelwright.exporters.fountain import to_fountain
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.layout import A4, LETTER, Layout
from reelwright.screenplay.pagination import PrintOptions, paginate
from reelwright.screenplay.parser import parse

T = ElementType

# Settings: one profile for every fuzz test; REELWRIGHT_FUZZ_EXAMPLES overrides the counts.

_LONG_RUN = os.environ.get("REELWRIGHT_FUZZ_EXAMPLES", "").strip()
if _LONG_RUN and not _LONG_RUN.isdigit():
    raise pytest.UsageError(f"REELWRIGHT_FUZZ_EXAMPLES must be a whole number, not {_LONG_RUN!r}")
settings.register_profile(
    "reelwright-fuzz",
    deadline=None,  # a 60-page PDF on a busy 2-core machine is not a bug
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
_PROFILE = settings.get_profile("reelwright-fuzz")


def fuzz(examples: int) -> settings:
    """The fuzz profile with ``examples`` examples, or REELWRIGHT_FUZZ_EXAMPLES when set."""
    return settings(_PROFILE, max_examples=int(_LONG_RUN) if _LONG_RUN else examples)


# Strategies -------------------------------------------------------------------------------

_WORD = st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,'-!?"),
    min_size=1,
    max_size=9,
)
_WORDS = st.lists(_WORD, min_size=1, max_size=12).map(" ".join)
_UPPER = st.lists(
    st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ.'#-"), min_size=1, max_size=8),
    min_size=1,
    max_size=3,
).map(" ".join)

_headings = st.builds(
    lambda prefix, place, number: f"{prefix}{place}{number}",
    st.sampled_from(["INT. ", "EXT. ", "int ", "EST ", "I/E ", "INT./EXT. ", "INT. / EXT. ", "."]),
    _WORDS,
    st.one_of(
        st.sampled_from(["", " - DAY", " #1#", " #12A#", " #I-1-A#", "#", " ##"]),
        # Past Python's 4,300-digit limit for int(): the numbering must not convert them.
        st.builds(
            lambda n, tail: f" #{'7' * n}{tail}#",
            st.integers(4000, 6000),
            st.sampled_from(["", "A", ".1"]),
        ),
    ),
)
_cues = st.builds(
    lambda mark, name, extension, dual: f"{mark}{name}{extension}{dual}",
    st.sampled_from(["", "", "@"]),
    st.one_of(_UPPER, _WORD, st.sampled_from(["张伟", "ИВАН", "C-3PO", "ß", "ǅ"])),
    st.sampled_from(["", " (V.O.)", " (cont'd)", " (CONT'D)", "（O.S.）", " (", " [[x]]"]),
    st.sampled_from(["", "", " ^", "^", " ^ ^"]),
)
_parentheticals = st.builds(
    lambda o, text, c: f"{o}{text}{c}",
    st.sampled_from(["(", "(", "（", ""]),
    _WORDS,
    st.sampled_from([")", ")", "）", ""]),
)
_marks = st.sampled_from(
    [
        "CUT TO:",
        "SMASH CUT TO:",
        "> FADE OUT.",
        ">THE END<",
        "> centred <",
        "><",
        ">",
        "<",
        "^",
        "!",
        "!!",
        "@",
        "~",
        "~ la la la",
        "=",
        "= a synopsis",
        "==",
        "===",
        "=====",
        "#",
        "## Act *two*",
        "###### deep",
        "[[",
        "]]",
        "[[a note]]",
        "[[ ]]",
        "[[[[nested]]]]",
        "/*",
        "*/",
        "/* /* */ */",
        "/*/*/*",
        "*/*/",
        "*",
        "**",
        "***",
        "_",
        "\\",
        "\\*",
        "**bold *both* _under_**",
        "Title: A *Film*",
        "Title:",
        "Author: Me",
        "Authors: Us",
        "Credit: by",
        "Source: a book",
        "Draft date: 1/2/2026",
        "Contact:",
        "Copyright: (c)",
        "Notes: none",
        "Odd Key: value",
        "   indented continuation",
        "\tTabbed",
        "  ",
        "    ",
        "...",
        "--",
        "— ",
        "Mr. Smith. He waits.",
    ]
)
_controls = st.sampled_from(
    [chr(c) for c in range(0x20)]
    + ["\x7f", "\x85", "\xa0", "\u2028", "\u2029", "\u200b", "\u200e", "\u202e", "\ufeff"]
    + ["\ufffe", "\uffff", "\ufdd0", "\U0010ffff", "\u0301", "e\u0301", "\u3000"]
    + [
        "שלום",
        "مرحبا بك",
        "你好。",
        "こんにちは",
        "한국어",
        "（",
        "）",
        "🎬",
        "\U0001f469\u200d\U0001f469\u200d\U0001f467",
        "\U0001f600",
    ]
)
_unicode = st.text(st.characters(codec="utf-8"), max_size=12)
_huge = st.builds(
    lambda prefix, piece, count: prefix + piece * count,
    st.sampled_from(["", "", "INT. ", "@", "!", "~", ">", "# ", "= ", "(", "[[", "/*", "Title: "]),
    st.sampled_from(
        ["x", "X", "你", "é", "-", ".", "*", "_", "(", "[[", "/*", "A.", "\u200b", "#", "[[ a", "7"]
    ),
    st.integers(100, 12_000),
)
_piece = st.one_of(
    _headings,
    _cues,
    _parentheticals,
    _marks,
    _WORDS,
    _controls,
    _unicode,
    st.sampled_from(_FRAGMENTS),
)
_filled = st.lists(_piece, min_size=1, max_size=4).map("".join)
_line = st.one_of(st.just(""), _filled, _filled)  # paragraphs of a few lines
_ENDS = st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"])
_lines = st.lists(st.tuples(_line, _ENDS), max_size=40)


def _join(pairs: list[tuple[str, str]]) -> str:
    return "".join(line + end for line, end in pairs)


_document = _lines.map(_join)
_with_huge = st.builds(
    lambda pairs, at, huge, end: _join([*pairs[:at], (huge, end), *pairs[at:]]),
    _lines,
    st.integers(0, 40),
    _huge,
    _ENDS,
)
# Long scripts cheaply: a few lines repeated, so that pages fill and speeches get cut.
_long_document = st.builds(
    lambda pairs, times: _join(pairs) * times,
    st.lists(st.tuples(_line, _ENDS), min_size=1, max_size=12),
    st.integers(2, 40),
)
TEXT = st.one_of(_document, _with_huge, _long_document, _fountainish)

LAYOUTS = st.sampled_from([LETTER, A4])
OPTIONS = st.builds(
    PrintOptions,
    scene_numbers=st.sampled_from(["none", "left", "right", "both"]),
    print_notes=st.booleans(),
    print_sections=st.booleans(),
    more=st.sampled_from(["(MORE)", "(PLUS)", "(MORE) (MORE)", ""]),
    contd=st.sampled_from(["(CONT'D)", "(SUITE)", ""]),
    first_page_number=st.integers(1, 3),
    heading_blanks=st.sampled_from([None, 1, 2]),
    contd_after_action=st.booleans(),
)


# Properties -------------------------------------------------------------------------------


@fuzz(120)
@given(TEXT, LAYOUTS, OPTIONS)
def test_pagination_invariants(text: str, layout: Layout, options: PrintOptions) -> None:
    script = parse(text)
    check_pagination(script, paginate(script, layout, options))


@fuzz(40)
@given(TEXT, LAYOUTS, OPTIONS)
def test_pdf_is_complete_with_the_paginators_pages(
    text: str, layout: Layout, options: PrintOptions
) -> None:
    script = parse(text)
    check_pdf(script, paginate(script, layout, options))


@fuzz(100)
@given(TEXT)
def test_fdx_export_imports_back_the_same(text: str) -> None:
    check_fdx_round_trip(parse(text))


@fuzz(100)
@given(TEXT)
def test_fountain_export_reparses_the_same(text: str) -> None:
    check_fountain_round_trip(parse(text))


@fuzz(15)
@given(TEXT, LAYOUTS, OPTIONS, st.sampled_from(["utf-8", "latin-1", "utf-16"]))
def test_export_files_through_the_entry_point(
    text: str, layout: Layout, options: PrintOptions, encoding: str
) -> None:
    """``export`` to real files: the PDF's pages, FDX read back from disk, Fountain in the
    chosen encoding or the documented error that names the character it cannot hold."""
    script = parse(text)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        result = export(script, out / "s.pdf", layout=layout, options=options)
        assert result is not None
        pages = len(pypdf.PdfReader(out / "s.pdf").pages)
        assert pages == result.page_count + (1 if script.title_page else 0)
        assert export(script, out / "s.fdx") is None
        assert fdx_signature(read_fdx(out / "s.fdx")) == fdx_expected(script)
        target = out / "s.fountain"
        try:
            export(script, target, encoding=encoding)
        except ReelwrightError as error:
            assert encoding == "latin-1" and "cannot hold" in str(error), error
            assert not target.exists()
        else:
            assert target.read_bytes() == to_fountain(script).encode(encoding)


@fuzz(25)
@given(TEXT, st.integers(0, 255))
def test_everything_at_once(text: str, bits: int) -> None:
    """The same check the atheris harness runs on each input."""
    layout, options = choose(bits)
    check_text(text, layout, options)


# FDX files from outside: any attribute, any key ----------------------------------------------

_XML_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12).map(
    lambda text: "".join(
        c for c in text if c in "\t\n\r" or (" " <= c <= "\ud7ff") or c >= "\ue000"
    )
)
_ATTRIBUTE = st.one_of(
    _XML_TEXT,
    st.sampled_from(["1", "3", "0", "-2", "1e10", "1e23", "\u00b2", "999999999", " 12A ", "1_2"]),
    st.integers(4000, 6000).map(lambda n: "9" * n),
)
_PARAGRAPH_TYPE = st.sampled_from(
    [
        "Scene Heading",
        "Action",
        "Character",
        "Dialogue",
        "Parenthetical",
        "Transition",
        "Section",
        "Synopsis",
        "Note",
        "Lyrics",
        "General",
        "Shot",
        "Cast List",
        "Nonsense",
    ]
)


def _fdx_paragraph(kind: str, attribute: str, text: str) -> str:
    from xml.sax.saxutils import escape, quoteattr

    extra = {"Scene Heading": "Number", "Section": "Level"}.get(kind)
    attributes = f" {extra}={quoteattr(attribute)}" if extra else ""
    return f"<Paragraph Type={quoteattr(kind)}{attributes}><Text>{escape(text)}</Text></Paragraph>"


def _fdx_key(key: str, value: str) -> str:
    from xml.sax.saxutils import escape, quoteattr

    return f"<Paragraph ReelwrightKey={quoteattr(key)}><Text>{escape(value)}</Text></Paragraph>"


FDX_FILES = st.builds(
    lambda paragraphs, keys: (
        '<?xml version="1.0" encoding="UTF-8"?>\n<FinalDraft DocumentType="Script" Version="5">'
        f"<Content>{''.join(paragraphs)}</Content>"
        + (f"<TitlePage><Content>{''.join(keys)}</Content></TitlePage>" if keys else "")
        + "</FinalDraft>"
    ).encode("utf-8"),
    st.lists(st.builds(_fdx_paragraph, _PARAGRAPH_TYPE, _ATTRIBUTE, _XML_TEXT), max_size=12),
    st.lists(st.builds(_fdx_key, _ATTRIBUTE, _XML_TEXT), max_size=6),
)


@fuzz(60)
@given(FDX_FILES, LAYOUTS, OPTIONS)
def test_fdx_from_outside_reads_paginates_and_exports_back(
    data: bytes, layout: Layout, options: PrintOptions
) -> None:
    check_fdx_bytes(data, layout, options)


# The shapes of issue 18, each once at full size ---------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SHAPES))
def test_shapes_from_outside(name: str) -> None:
    options = PrintOptions(scene_numbers="both", print_notes=True, print_sections=True)
    check_text(SHAPES[name], LETTER, options)


@pytest.mark.parametrize("name", sorted(FDX_SHAPES))
def test_fdx_shapes_from_outside(name: str) -> None:
    check_fdx_bytes(FDX_SHAPES[name], LETTER, PrintOptions(scene_numbers="both"))


def test_pipes_and_devices_as_paths(tmp_path: Path) -> None:
    check_special_paths(tmp_path)


# Regressions found by the fuzzers ----------------------------------------------------------


def test_a_wrapped_cue_is_repeated_whole_over_a_cut_speech() -> None:
    """A cue wider than its column wraps; when its speech is cut, the next page repeats the
    whole cue with (CONT'D) at its end, rewrapped, and the cut never falls inside it."""
    filler = "".join(f"Filler {n}.\n\n" for n in range(23))
    cue = "DR. ELIZABETH MONTGOMERY-WHITTAKER (V.O.)"
    speech = " ".join(f"I said it {k} times." for k in range(30))
    script = parse(f"{filler}{cue}\n{speech}\n")
    result = paginate(script, LETTER)
    check_pagination(script, result)
    first, second = result.pages[0], result.pages[1]
    assert [line.text for line in first.lines if line.type is T.CHARACTER] == [
        "DR. ELIZABETH MONTGOMERY-WHITTAKER",
        "(V.O.)",
        "(MORE)",
    ]
    assert [line.text for line in second.lines[:2]] == [
        "DR. ELIZABETH MONTGOMERY-WHITTAKER",
        "(V.O.) (CONT'D)",
    ]
    assert second.lines[0].contd and second.lines[2].type is T.DIALOGUE
    # A cue of many rows on a full page: (MORE) still follows the speech, not the cue.
    script = parse(("\n" + "A." * 420 + "\nINT. ?\n") * 3)
    check_pagination(script, paginate(script, LETTER, PrintOptions(contd_after_action=False)))


def test_text_that_starts_with_a_byte_order_mark_character_round_trips() -> None:
    """U+FEFF as the first character of a script's text (not a BOM): the parser drops a
    BOM at the start, so the writer puts one ahead of it."""
    script = parse("\n\ufeff\n")
    assert [e.text for e in script.elements] == ["\ufeff"]
    assert to_fountain(script) == "\ufeff\ufeff\n"
    check_fountain_round_trip(script)
    check_fountain_round_trip(parse("\ufeff\ufeffTitle: x\n"))


def test_fdx_title_keys_keep_to_characters_xml_can_hold() -> None:
    """A title-page key is an XML attribute: control characters in it made the file one
    that no XML reader (ours included) would open."""
    script = parse("Title: T\nContact it\x00\x01 you: me\n\nAction.\n")
    assert list(script.title_page) == ["Title", "Contact it\x00\x01 you"]
    check_fdx_round_trip(script)
    assert from_fdx(to_fdx(script)).title_page == {"Title": "T", "Contact it you": "me"}


@pytest.mark.parametrize("rows", [51, 54, 55, 60, 120])
def test_headings_and_cues_longer_than_a_page_stay_on_the_paper(rows: int) -> None:
    """A scene heading that wraps to a page or more used to be placed whole, and whatever
    followed it went below the last line of the page; a cue too long to repeat with
    (CONT'D) went on being repeated. Now they are cut like action, nothing leaves the page."""
    heading = "INT. " + "Y" * (60 * rows - 5)
    cues = ["", "Y" * 1900 + "\n" + "hi. " * 300 + "\n\n", "Y" * 2100 + "\nhi. " * 300 + "\n\n"]
    after = ["BOB\nHello there. " + "x " * 200, "Action. " * 40, "BOB\nHi.\n\nAL ^\nYes.", "B\nhi"]
    for cue in cues:
        for rest in after:
            script = parse(f"{heading}\n\n{cue}{rest}\n")
            check_pagination(script, paginate(script, LETTER))
