"""Line breaking: where each printed line of a screenplay ends.

One home for the rule, read by the pagination (and through it the PDF, the editor's page
rules and the page counts) and by the title page. Lines are measured in columns of the
monospaced grid: one for a Latin, Cyrillic or Greek character, two for a Chinese, Japanese
or Korean one, none for a combining mark.

Final Draft's rules, measured on the PDFs in ``../shared/final-draft/``:

- spaces print as typed and count toward the line (two after a full stop are two), except
  at the end of a line, where they hang in the margin and never push a word down;
- a line may end after the hyphen of a hyphenated word (``soon-to-be-`` / ``born``), and
  one hyphen or dash at the end of a line does not count toward its length (an action line
  holds 61 characters, 62 when the last one is ``-``);
- an interruption dash `` -- `` that does not fit is cut in two, ``-`` at the end of the
  line and ``-`` starting the next, when that lets the next line hold more words; a word
  ending in ``--`` that does not fit is cut ``word-`` / ``-`` the same way;
- a word longer than a whole line is cut at the line's end.

Chinese and Japanese (issue 21): a line may end between any two CJK characters, but never
before closing punctuation (``，。、！？）」』…``) or after opening punctuation (``（「『``):
kinsoku. Latin words and numbers inside CJK text stay whole.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import accumulate

NO_LINE_START = frozenset(
    "、。，．・：；？！゛゜ヽヾゝゞ々〻ー）］｝〕〉》」』】〙〗〟’”｠»"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "‐゠–〜～…‥!),.:;?]}%％"
)
"""Characters that never begin a line in CJK text (closing punctuation, small kana)."""
NO_LINE_END = frozenset("（［｛〔〈《「『【〘〖〝‘“｟«([{")
"""Characters that never end a line in CJK text (opening punctuation)."""

_WORD = re.compile(r"[^ ]+")
_HYPHEN_BREAK = re.compile(r"(?<=[^\W_])-+(?=[^\W_])")


def char_columns(char: str) -> int:
    """Grid columns a character takes: 2 for wide East Asian, 0 for combining marks."""
    if char < "\u0300":
        return 1
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_columns(text: str) -> int:
    return len(text) if text.isascii() else sum(map(char_columns, text))


def _pieces(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Where a line may end: (start, end) of each unbreakable piece from ``start`` on,
    spaces left out. At the start of the text, leading spaces belong to the first piece
    (Fountain keeps an action's indentation)."""
    ascii_text = text.isascii()
    first = start == 0
    for match in _WORD.finditer(text, start):
        begin, end = match.span()
        if first:
            begin, first = 0, False
        word = text[begin:end]
        cuts = [begin + m.end() for m in _HYPHEN_BREAK.finditer(word)] if "-" in word else []
        if not ascii_text:
            cuts.extend(_cjk_breaks(text, max(begin, match.start()), end))
            cuts.sort()
        for cut in cuts:
            if cut > begin:
                yield begin, cut
                begin = cut
        yield begin, end


def _cjk_breaks(text: str, start: int, end: int) -> list[int]:
    """Positions inside ``text[start:end]`` (no spaces) where CJK rules allow a break."""
    breaks: list[int] = []
    previous = text[start]
    previous_wide = char_columns(previous) == 2
    for index in range(start + 1, end):
        char = text[index]
        wide = char_columns(char) == 2
        if (wide or previous_wide) and char not in NO_LINE_START and previous not in NO_LINE_END:
            breaks.append(index)
        previous, previous_wide = char, wide
    return breaks


def _alnum(text: str) -> int:
    return sum(1 for char in text if char.isalnum())


class Breaker:
    """The lines of one paragraph (no newline), from any position: the pagination asks
    again from where a page cut a paragraph, and stops as soon as the new lines meet the
    old ones, so a long paragraph is never wrapped twice.

    Columns are counted once (a prefix sum for text that is not ASCII), so measuring a
    line costs the same wherever it is.
    """

    __slots__ = ("_prefix", "dashes", "plain", "text")

    def __init__(self, text: str, *, dashes: bool = True) -> None:
        self.text = text
        self.dashes = dashes
        self.plain = text.isascii()
        self._prefix: list[int] = [] if self.plain else [0, *accumulate(map(char_columns, text))]

    def columns(self, start: int, end: int) -> int:
        if self.plain:
            return end - start
        return self._prefix[end] - self._prefix[start]

    def _cut(self, start: int, end: int, width: int) -> int:
        """The furthest position after ``start`` (at least one character) within ``width``."""
        if self.plain:
            return min(end, start + max(1, width))
        stop = start + 1
        while stop < end and self.columns(start, stop + 1) <= width:
            stop += 1
        return stop

    def _fits(self, start: int, end: int, limit: int) -> bool:
        used = self.columns(start, end)
        if self.text[end - 1] == "-":
            used -= 1  # one hyphen or dash at the end of a line hangs
        return used <= limit

    def lines(
        self, start: int, width: int, next_width: int | None = None
    ) -> Iterator[tuple[int, int, int]]:
        """(start, end, columns) of each line from ``start``: ``width`` columns on the
        first, ``next_width`` on the others; ``text[start:end]`` is what prints."""
        text = self.text
        limit = max(1, width)
        later = limit if next_width is None else max(1, next_width)
        if _WORD.search(text, start) is None:  # nothing but spaces from here
            if start == 0:
                yield 0, 0, 0
            return
        if self.plain and "--" not in text:
            yield from _plain_lines(text, start, limit, later)
            return
        source = _pieces(text, start)
        buffered: list[tuple[int, int]] = []

        def piece(index: int) -> tuple[int, int] | None:
            while len(buffered) <= index:
                found = next(source, None)
                if found is None:
                    return None
                buffered.append(found)
            return buffered[index]

        def alnum_after(begin: int, index: int) -> int:
            """Letters and digits on a line that would start at ``begin`` (in piece
            ``index``), to choose how an interruption dash is cut."""
            current = piece(index)
            end = current[1] if current else begin
            ahead = index + 1
            while (following := piece(ahead)) is not None and self._fits(
                begin, following[1], later
            ):
                end = following[1]
                ahead += 1
            return _alnum(text[begin:end])

        index = 0
        line_start = line_end = -1
        while (current := piece(index)) is not None:
            begin, end = current
            if line_start < 0:
                if not self._fits(begin, end, limit):  # longer than the line: cut it
                    stop = self._cut(begin, end, limit)
                    yield begin, stop, self.columns(begin, stop)
                    limit = later
                    buffered[index] = (stop, end)
                    continue
                line_start, line_end = begin, end
                index += 1
                continue
            if self._fits(line_start, end, limit):
                line_end = end
                index += 1
                continue
            word = text[begin:end]
            cut = -1
            if self.dashes and word == "--" and text[begin - 1] == " ":
                # `` -- `` at the line's end: "-" here and "-" there, if the next line gains.
                if alnum_after(begin + 1, index) > alnum_after(begin, index):
                    cut = begin + 1
            elif (
                self.dashes
                and len(word) > 2
                and word.endswith("--")
                and _alnum(word[:-2])
                and self._fits(line_start, end - 1, limit)
            ):
                cut = end - 1  # ``word-`` here, ``-`` on the next line
            if cut > 0:
                yield line_start, cut, self.columns(line_start, cut)
                buffered[index] = (cut, end)
            else:
                yield line_start, line_end, self.columns(line_start, line_end)
            limit = later
            line_start = -1
        if line_start >= 0:
            yield line_start, line_end, self.columns(line_start, line_end)


def _plain_lines(text: str, start: int, limit: int, later: int) -> Iterator[tuple[int, int, int]]:
    """The same lines as :meth:`Breaker.lines` for ASCII text without ``--`` (most of a
    script), found with ``str.rfind`` instead of piece by piece."""
    size = len(text)
    content = len(text.rstrip(" "))
    pos = start
    if start:
        while pos < size and text[pos] == " ":
            pos += 1
    while pos < content:
        hang = text[content - 1] == "-"
        if content - pos - hang <= limit:
            yield pos, content, content - pos
            return
        edge = pos + limit  # text[pos:edge] fits
        end = following = -1
        if text[edge] == "-" and (edge + 1 >= size or text[edge + 1] == " "):
            end = following = edge + 1  # a hyphen or dash hangs past the edge
        else:
            space = text.rfind(" ", pos + 1, edge + 1)
            if space > pos:
                stop = space
                while stop > pos and text[stop - 1] == " ":
                    stop -= 1
                if stop > pos:
                    end, following = stop, space
            hyphen = text.rfind("-", pos + 1, edge + 1)
            while hyphen > max(pos, end - 1):
                if hyphen + 1 < size and text[hyphen + 1].isalnum():
                    first = hyphen
                    while first > pos and text[first - 1] == "-":
                        first -= 1
                    if first > pos and text[first - 1].isalnum():
                        end = following = hyphen + 1
                        break
                hyphen = text.rfind("-", pos + 1, hyphen)
        yield (pos, end, end - pos) if end > pos else (pos, edge, edge - pos)
        if end <= pos:  # a word longer than the line was cut: it goes on as it was
            pos = edge
        else:
            pos = following
            while pos < size and text[pos] == " ":
                pos += 1
        limit = later


def wrap_ranges(
    text: str, width: int, next_width: int | None = None, *, dashes: bool = True
) -> list[tuple[int, int, int]]:
    """Cut ``text`` (one paragraph, no newline) into lines: (start, end, columns) each.

    ``width`` columns for the first line and ``next_width`` for the others (a hanging
    indent). The printed line is ``text[start:end]``, spaces at its end left out. With
    ``dashes`` False, interruption dashes are never cut (lines break at spaces and
    hyphens only).
    """
    return list(Breaker(text, dashes=dashes).lines(0, width, next_width))


__all__ = ["NO_LINE_END", "NO_LINE_START", "Breaker", "char_columns", "text_columns", "wrap_ranges"]
