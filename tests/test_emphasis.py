"""Emphasis spans (FORMAT.md rule 13) and the helpers that strip markup for printing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reelwright.screenplay.emphasis import Span, parse_emphasis, plain_text, strip_notes


def test_plain_text_is_one_span() -> None:
    assert parse_emphasis("Nothing special.") == [Span("Nothing special.")]


def test_italic_bold_bold_italic_and_underline() -> None:
    assert parse_emphasis("*italic* **bold** ***both*** _under_") == [
        Span("italic", italic=True),
        Span(" "),
        Span("bold", bold=True),
        Span(" "),
        Span("both", bold=True, italic=True),
        Span(" "),
        Span("under", underline=True),
    ]


def test_nesting() -> None:
    assert parse_emphasis("_**BRICK & STEEL**_") == [
        Span("BRICK & STEEL", bold=True, underline=True)
    ]
    assert parse_emphasis("_Steel's face *FILLS* it_.") == [
        Span("Steel's face ", underline=True),
        Span("FILLS", italic=True, underline=True),
        Span(" it", underline=True),
        Span("."),
    ]
    assert parse_emphasis("**bold *and italic***") == [
        Span("bold ", bold=True),
        Span("and italic", bold=True, italic=True),
    ]


def test_backslash_escapes_a_marker() -> None:
    assert parse_emphasis(r"Steel enters the code on the keypad: **\*9765\***") == [
        Span("Steel enters the code on the keypad: "),
        Span("*9765*", bold=True),
    ]
    assert parse_emphasis(r"\_not underlined\_") == [Span("_not underlined_")]


def test_a_marker_next_to_a_space_does_not_open_or_close() -> None:
    assert parse_emphasis("He dialed *69 and then *23, and then hung up.") == [
        Span("He dialed *69 and then *23, and then hung up.")
    ]
    assert parse_emphasis("a * b * c") == [Span("a * b * c")]


def test_emphasis_never_crosses_a_line_break() -> None:
    assert parse_emphasis("*one\ntwo*") == [Span("*one\ntwo*")]
    assert parse_emphasis("*one*\n*two*") == [
        Span("one", italic=True),
        Span("\n"),
        Span("two", italic=True),
    ]


def test_unclosed_marker_is_printed_as_typed() -> None:
    assert parse_emphasis("**almost") == [Span("**almost")]


def test_plain_text_and_strip_notes() -> None:
    assert plain_text("**Bold** and _under_ \\*star") == "Bold and under *star"
    assert strip_notes("Before [[a note]]after [[two\nlines]].") == "Before after ."
    assert strip_notes("open [[ never closed") == "open [[ never closed"


@given(st.text(alphabet="ab *_\\\n", max_size=40))
def test_spans_never_add_text_and_keep_lines(text: str) -> None:
    spans = parse_emphasis(text)
    joined = "".join(span.text for span in spans)
    assert joined.count("\n") == text.count("\n")
    assert len(joined) <= len(text)
    assert all(span.text for span in spans)
    assert all("\n" not in s.text for s in spans if s.bold or s.italic or s.underline)
