"""Line and word differences between two drafts of a script, for production work.

Revision marks, locked pages and locked scene numbers all follow text through edits: a mark
on line 40 of the old draft belongs on whichever line that text sits on now, and a page that
started at a line must still start there. This module is the one place that aligns two
drafts (``difflib``, the standard library's matcher):

- lines are compared without the whitespace at their ends (another program re-indenting
  dialogue changes nothing a reader sees);
- a block of lines that differ is paired line to line by similarity, so a line that was
  edited is *changed* (its unchanged words keep their marks) rather than deleted and
  inserted;
- inside a changed line, words are compared (runs of letters and digits, an apostrophe
  inside a word kept with it, runs of spaces, single punctuation marks; each Chinese or
  Japanese character on its own, since those scripts do not space their words), so a mark
  covers the words that changed and nothing else.

Lines are split exactly as the parser splits them (``\\r\\n``, ``\\r`` or ``\\n``), so line
numbers here are the parser's ``Element.start_line`` numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from reelwright.screenplay.vocabulary import CJK_LETTERS

_NEWLINE = re.compile(r"\r\n|\r|\n")
_LINE_END = re.compile(r"(\r\n|\r|\n)")
TOKEN = re.compile(rf"[{CJK_LETTERS}]|\s+|[^\W_{CJK_LETTERS}]+(?:['’][^\W_]+)*|[^\w\s]|_")
"""The word-diff tokens: words, runs of space, single punctuation marks, each Chinese or
Japanese character (kana, ideographs) a token of its own."""
_PAIR_LIMIT = 60
"""Changed blocks up to this many lines a side are paired by similarity (a small dynamic
programme); larger ones line by line in order."""
_SIMILAR = 0.5
"""Two lines sharing at least this share of the shorter one's words are one line edited."""


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as the parser numbers them (line ends removed)."""
    return _NEWLINE.split(text)


def newline_of(text: str) -> str:
    """The line end ``text`` uses (the first one found; ``\\n`` when there is none)."""
    match = _NEWLINE.search(text)
    return match.group() if match else "\n"


def line_pairs(text: str) -> list[list[str]]:
    """``text`` as [line, line end] pairs (the last line's end may be empty): edits made on
    them keep every other line and its line end exactly (``join_pairs`` puts them back)."""
    parts = _LINE_END.split(text)
    return [[parts[i], parts[i + 1] if i + 1 < len(parts) else ""] for i in range(0, len(parts), 2)]


def join_pairs(pairs: list[list[str]]) -> str:
    return "".join(line + end for line, end in pairs)


def line_key(line: str) -> str:
    """What two lines must share to be the same line: the text without end whitespace."""
    return line.strip()


def tokens(line: str) -> list[str]:
    return TOKEN.findall(line)


@dataclass(slots=True)
class LineEdit:
    """How one old line became one new line: word ranges changed, points where words went."""

    changed: list[tuple[int, int]] = field(default_factory=list)
    """Column ranges of the new line that are new text (whitespace-only changes excluded)."""
    removed_at: list[int] = field(default_factory=list)
    """Columns of the new line where old words were removed and nothing replaced them."""
    blocks: list[tuple[int, int, int]] = field(default_factory=list)
    """Unchanged stretches: (old column, new column, length)."""

    def map_column(self, column: int) -> int:
        """The new column of old ``column``: exact inside an unchanged stretch, else the
        start of the new text that replaced it."""
        best = 0
        for old, new, size in self.blocks:
            if old <= column <= old + size:
                return new + (column - old)
            if old + size <= column:
                best = new + size
        return best

    def map_range(self, start: int, end: int) -> list[tuple[int, int]]:
        """The pieces of old ``[start, end)`` that survive unchanged, in new columns."""
        pieces: list[tuple[int, int]] = []
        for old, new, size in self.blocks:
            a = max(start, old)
            b = min(end, old + size)
            if a < b:
                pieces.append((new + a - old, new + b - old))
        return pieces


def diff_line(old: str, new: str) -> LineEdit:
    """Word-level difference between two versions of one line."""
    edit = LineEdit()
    if old == new:
        edit.blocks.append((0, 0, len(old)))
        return edit
    a = tokens(old)
    b = tokens(new)
    a_pos = _offsets(a)
    b_pos = _offsets(b)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            size = a_pos[i2] - a_pos[i1]
            if size:
                edit.blocks.append((a_pos[i1], b_pos[j1], size))
            continue
        old_words = "".join(a[i1:i2]).strip()
        new_part = "".join(b[j1:j2])
        if new_part.strip():
            start = b_pos[j1] + (len(new_part) - len(new_part.lstrip()))
            end = b_pos[j2] - (len(new_part) - len(new_part.rstrip()))
            edit.changed.append((start, end))
        elif old_words:
            edit.removed_at.append(b_pos[j1])
    return edit


def splice_line(old: str, new: str, at: int | None = None) -> LineEdit:
    """Character-level difference of a line changed by one contiguous edit (a keystroke,
    a paste, a selection typed over): the common start and end are unchanged, the middle
    of ``new`` is new text (its whitespace at the edges excluded), or, when nothing was
    put in, the place where ``old``'s middle was removed. ``at``, the column where the
    edit was made when the caller knows it, settles what text alone cannot: a ``c`` typed
    before ``coils`` is the first ``c``, not the second."""
    edit = LineEdit()
    limit = min(len(old), len(new))
    if at is not None:
        limit = min(limit, max(at, 0))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    limit = min(len(old), len(new))
    tail = 0
    while tail < limit - head and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    if head:
        edit.blocks.append((0, 0, head))
    if tail:
        edit.blocks.append((len(old) - tail, len(new) - tail, tail))
    put = new[head : len(new) - tail]
    removed = old[head : len(old) - tail]
    if put.strip():
        start = head + len(put) - len(put.lstrip())
        end = len(new) - tail - (len(put) - len(put.rstrip()))
        edit.changed.append((start, end))
    elif removed.strip():
        edit.removed_at.append(head)
    return edit


def _offsets(parts: list[str]) -> list[int]:
    offsets = [0]
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    return offsets


@dataclass(slots=True)
class LineDiff:
    """How the lines of an old draft map onto a new one."""

    old_count: int
    new_count: int
    old_to_new: list[int | None]
    """Each old line's new line number (equal or edited), None for a deleted line."""
    edited: dict[int, int] = field(default_factory=dict)
    """New line -> old line, for lines that were edited (not equal)."""
    inserted: list[int] = field(default_factory=list)
    """New lines that have no old counterpart."""
    deleted: list[tuple[int, list[int]]] = field(default_factory=list)
    """(new line the deleted old lines stood before, the deleted old lines)."""

    def map_line(self, line: int) -> int:
        """Where old ``line`` is now; a deleted line maps to the next line that survived
        (or the end of the new draft)."""
        for index in range(line, self.old_count):
            new = self.old_to_new[index]
            if new is not None:
                return new
        return self.new_count


def diff_lines(old: list[str], new: list[str]) -> LineDiff:
    """Align two drafts line by line (see the module's rules)."""
    old_keys = [line_key(line) for line in old]
    new_keys = [line_key(line) for line in new]
    result = LineDiff(len(old), len(new), [None] * len(old))
    # Most edits are local: take the common head and tail out before matching.
    head = 0
    limit = min(len(old), len(new))
    while head < limit and old_keys[head] == new_keys[head]:
        result.old_to_new[head] = head
        head += 1
    tail = 0
    while tail < limit - head and old_keys[len(old) - 1 - tail] == new_keys[len(new) - 1 - tail]:
        result.old_to_new[len(old) - 1 - tail] = len(new) - 1 - tail
        tail += 1
    a = old_keys[head : len(old) - tail]
    b = new_keys[head : len(new) - tail]
    if not a and not b:
        return result
    matcher = SequenceMatcher(None, a, b, autojunk=len(a) > 400 and len(b) > 400)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        i1 += head
        i2 += head
        j1 += head
        j2 += head
        if tag == "equal":
            for k in range(i2 - i1):
                result.old_to_new[i1 + k] = j1 + k
        elif tag == "insert":
            result.inserted.extend(range(j1, j2))
        elif tag == "delete":
            result.deleted.append((j1, list(range(i1, i2))))
        else:
            _pair_block(old_keys, new_keys, i1, i2, j1, j2, result)
    result.inserted.sort()
    result.deleted.sort()
    return result


def _similarity(a: str, b: str) -> float:
    """How much two lines share: the share of the shorter line's words found in the other,
    in order (so a line with words added at its end is still the same line edited)."""
    if not a or not b:
        return 1.0 if a == b else 0.0
    left = [t for t in tokens(a) if not t.isspace()]
    right = [t for t in tokens(b) if not t.isspace()]
    shorter = min(len(left), len(right))
    if not shorter:
        return 0.0
    matcher = SequenceMatcher(None, left, right, autojunk=False)
    if matcher.quick_ratio() * (len(left) + len(right)) / 2 < _SIMILAR * shorter:
        return 0.0
    same = sum(block.size for block in matcher.get_matching_blocks())
    return same / shorter


def _pair_block(
    old: list[str], new: list[str], i1: int, i2: int, j1: int, j2: int, result: LineDiff
) -> None:
    """Pair the lines of a changed block: most similar pairs in order, the rest inserted or
    deleted."""
    n = i2 - i1
    m = j2 - j1
    pairs: list[tuple[int, int]] = []
    if n <= _PAIR_LIMIT and m <= _PAIR_LIMIT:
        # Longest chain of similar pairs, in order (a small alignment by dynamic programme).
        score = [[0.0] * (m + 1) for _ in range(n + 1)]
        sim = [[_similarity(old[i1 + i], new[j1 + j]) for j in range(m)] for i in range(n)]
        for i in range(n - 1, -1, -1):
            for j in range(m - 1, -1, -1):
                take = sim[i][j] + score[i + 1][j + 1] if sim[i][j] >= _SIMILAR else -1.0
                score[i][j] = max(take, score[i + 1][j], score[i][j + 1])
        i = j = 0
        while i < n and j < m:
            s = sim[i][j]
            if s >= _SIMILAR and score[i][j] == s + score[i + 1][j + 1]:
                pairs.append((i1 + i, j1 + j))
                i += 1
                j += 1
            elif score[i][j] == score[i + 1][j]:
                i += 1
            else:
                j += 1
    else:
        pairs = [(i1 + k, j1 + k) for k in range(min(n, m))]
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    for i, j in pairs:
        result.old_to_new[i] = j
        result.edited[j] = i
    result.inserted.extend(j for j in range(j1, j2) if j not in paired_new)
    # Deleted old lines stand before the new line of the next old line that was kept.
    run: list[int] = []
    for i in range(i1, i2):
        if i in paired_old:
            kept = result.old_to_new[i]
            if run and kept is not None:
                result.deleted.append((kept, run))
                run = []
        else:
            run.append(i)
    if run:
        result.deleted.append((j2, run))
