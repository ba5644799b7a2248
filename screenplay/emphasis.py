"""Fountain emphasis inside element text: ``*italic*``, ``**bold**``, ``_underline_``.

The element model keeps emphasis markers in ``Element.text`` (so the writer and the editor
see what the writer typed); this module turns such text into styled spans for the printer,
the exporters and the statistics.

Rules (FORMAT.md rule 13): markers nest; ``***x***`` is bold italic; a backslash before a
marker makes it a literal character; a marker followed by a space (or at the end of a line)
cannot open and a marker after a space (or at the start of a line) cannot close, so
``*69 and *23`` stays literal; emphasis never crosses a line break; an opener without a
closer is printed as typed.

``strip_notes`` is the vocabulary's (``vocabulary.py``), named here too for the readers
that take it with the emphasis helpers.
"""

from __future__ import annotations

from dataclasses import dataclass

from reelwright.screenplay.vocabulary import strip_notes

__all__ = ["Span", "parse_emphasis", "plain_text", "strip_notes"]

_MARKER_CHARS = frozenset("*_\\")


@dataclass(frozen=True)
class Span:
    """A piece of text in one style. Line breaks appear as ``\\n`` inside plain spans."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass
class _Delim:
    char: str
    start: int
    """Index in the line of the first marker character still unused by a pair."""
    count: int
    can_open: bool
    can_close: bool


def _line_spans(line: str) -> list[Span]:
    """Spans of one line (no ``\\n`` inside)."""
    if not any(c in _MARKER_CHARS for c in line):
        return [Span(line)] if line else []
    n = len(line)
    literal = [True] * n  # False for marker characters that are consumed
    delims: list[_Delim] = []
    i = 0
    while i < n:
        c = line[i]
        if c == "\\" and i + 1 < n and line[i + 1] in "*_\\":
            literal[i] = False  # the backslash goes; the next character stays literal
            i += 2
            continue
        if c == "*" or c == "_":
            j = i
            while j < n and line[j] == c:
                j += 1
            before = line[i - 1] if i > 0 else " "
            after = line[j] if j < n else " "
            delims.append(_Delim(c, i, j - i, not after.isspace(), not before.isspace()))
            i = j
            continue
        i += 1

    # Pairs: (open_from, open_to, close_from, close_to, style) with style in b/i/u.
    pairs: list[tuple[int, int, int, int, str]] = []
    stack: list[_Delim] = []
    # Where each marker character's openers sit in the stack (rising), so that a closer
    # finds its opener at once: scanning the stack made a line of ``*x`` openers and
    # ``y_`` closers quadratic.
    where: dict[str, list[int]] = {"*": [], "_": []}

    def cut(size: int) -> None:
        while len(stack) > size:
            where[stack.pop().char].pop()

    for delim in delims:
        if delim.can_close:
            while delim.count > 0:
                if not where[delim.char]:
                    break
                k = where[delim.char][-1]
                opener = stack[k]
                cut(k + 1)  # openers inside the pair stay literal
                if delim.char == "_":
                    use = 1
                    style = "u"
                else:
                    use = 2 if opener.count >= 2 and delim.count >= 2 else 1
                    style = "b" if use == 2 else "i"
                open_to = opener.start + opener.count
                pairs.append((open_to - use, open_to, delim.start, delim.start + use, style))
                opener.count -= use
                delim.start += use
                delim.count -= use
                if opener.count == 0:
                    cut(k)
        if delim.count > 0 and delim.can_open:
            where[delim.char].append(len(stack))
            stack.append(delim)

    bold = [0] * (n + 1)
    italic = [0] * (n + 1)
    under = [0] * (n + 1)
    for open_from, open_to, close_from, close_to, style in pairs:
        for k in range(open_from, open_to):
            literal[k] = False
        for k in range(close_from, close_to):
            literal[k] = False
        target = bold if style == "b" else italic if style == "i" else under
        target[open_to] += 1
        target[close_from] -= 1

    spans: list[Span] = []
    buffer: list[str] = []
    current = (False, False, False)
    b = it = u = 0
    for k in range(n):
        b += bold[k]
        it += italic[k]
        u += under[k]
        if not literal[k]:
            continue
        flags = (b > 0, it > 0, u > 0)
        if flags != current and buffer:
            spans.append(Span("".join(buffer), *current))
            buffer = []
        current = flags
        buffer.append(line[k])
    if buffer:
        spans.append(Span("".join(buffer), *current))
    return spans


def parse_emphasis(text: str) -> list[Span]:
    """Split ``text`` into styled spans with the markers removed and escapes resolved.

    Each line is parsed on its own; line breaks come back as ``\\n`` in unstyled spans.
    """
    if "\n" not in text:
        return _line_spans(text)
    spans: list[Span] = []
    for index, line in enumerate(text.split("\n")):
        if index:
            if spans and not (spans[-1].bold or spans[-1].italic or spans[-1].underline):
                spans[-1] = Span(spans[-1].text + "\n")
            else:
                spans.append(Span("\n"))
        for span in _line_spans(line):
            last = spans[-1] if spans else None
            if (
                last is not None
                and not (span.bold or span.italic or span.underline)
                and not (last.bold or last.italic or last.underline)
            ):
                spans[-1] = Span(last.text + span.text)
            else:
                spans.append(span)
    return spans


def plain_text(text: str) -> str:
    """``text`` with emphasis markers removed and escapes resolved (notes are kept)."""
    if not any(c in _MARKER_CHARS for c in text):
        return text
    return "".join(span.text for span in parse_emphasis(text))
