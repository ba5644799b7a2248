"""Compare two drafts of a script scene by scene: added, removed, moved, changed, and the
changed words.

Qt-free: the Compare window and ``reelwright compare`` read one :class:`Comparison`.

Scenes are matched in three passes: the same text (whitespace aside) first, in order;
then, among the rest, the most similar pairs (shared words, a bonus for the same
heading) down to a threshold; what is left is added (only in the new draft) or removed
(only in the old). A matched scene is *moved* when it is out of order with the others: the
longest run of matched scenes that kept their order stays put and the rest moved (so
moving one scene reports one move, not every scene after it). The lines before the first
scene (title page, opening) are compared as one more unit. Changed words come from
difflib over words, spaces and punctuation, so the text can be shown whole with the
changes marked.
"""

from __future__ import annotations

import bisect
import difflib
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from reelwright.screenplay.outline import build_outline
from reelwright.screenplay.parser import parse
from reelwright.screenplay.stats import count_words, words
from reelwright.screenplay.textdiff import tokens

Status = Literal["unchanged", "changed", "added", "removed"]
Tag = Literal["equal", "insert", "delete"]

MATCH_THRESHOLD = 0.5
"""Least similarity (0..1) for two different scenes to count as one scene changed."""
SAME_HEADING_BONUS = 0.2
PREAMBLE = "Before the first scene"

_EDGE = "\"'“”‘’()[]{}.,;:!?…-—*_"
"""Punctuation around a word that does not make it another word."""


@dataclass(frozen=True, slots=True)
class SceneText:
    index: int
    """Place in its draft, from 0; -1 for the lines before the first scene."""
    number: str
    heading: str
    start_line: int
    end_line: int
    text: str

    @property
    def label(self) -> str:
        return f"{self.number}. {self.heading}" if self.index >= 0 else PREAMBLE


@dataclass(frozen=True, slots=True)
class Change:
    status: Status
    old: SceneText | None
    new: SceneText | None
    moved: bool = False
    similarity: float = 1.0
    segments: tuple[tuple[Tag, str], ...] = ()
    """The new scene's text with the old one's words: ("equal" | "insert" | "delete", text)
    pieces in reading order; empty for unchanged scenes."""

    @property
    def label(self) -> str:
        scene = self.new or self.old
        assert scene is not None
        return scene.label

    @property
    def description(self) -> str:
        if self.status == "changed":
            return "moved and changed" if self.moved else "changed"
        if self.status == "unchanged" and self.moved:
            return "moved"
        return self.status

    @property
    def words_added(self) -> int:
        return sum(count_words(text) for tag, text in self.segments if tag == "insert")

    @property
    def words_removed(self) -> int:
        return sum(count_words(text) for tag, text in self.segments if tag == "delete")

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "status": self.description,
            "scene": self.label,
            "old": _scene_json(self.old),
            "new": _scene_json(self.new),
        }
        if self.status == "changed":
            data["similarity"] = round(self.similarity, 3)
            data["words_added"] = self.words_added
            data["words_removed"] = self.words_removed
            data["segments"] = [[tag, text] for tag, text in self.segments]
        return data


def _scene_json(scene: SceneText | None) -> dict[str, object] | None:
    if scene is None:
        return None
    return {"number": scene.number, "heading": scene.heading, "line": scene.start_line + 1}


@dataclass(slots=True)
class Comparison:
    changes: list[Change] = field(default_factory=list)
    """In the new draft's order; removed scenes where they stood in the old one."""

    def count(self, description: str) -> int:
        return sum(1 for change in self.changes if change.description == description)

    @property
    def differs(self) -> bool:
        return any(c.status != "unchanged" or c.moved for c in self.changes)

    def summary(self) -> str:
        parts = []
        for key in ("added", "removed", "changed", "moved", "moved and changed"):
            number = self.count(key)
            if number:
                parts.append(f"{number} {key}")
        unchanged = self.count("unchanged")
        if unchanged:
            parts.append(f"{unchanged} unchanged")
        return ", ".join(parts) if parts else "both drafts are empty"

    def to_json(self) -> dict[str, object]:
        return {"summary": self.summary(), "changes": [c.to_json() for c in self.changes]}


def scenes_of(text: str) -> list[SceneText]:
    """The scenes of a draft, and the lines before its first scene (if they hold text)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    outline = build_outline(parse(text))
    out: list[SceneText] = []
    first = outline.scenes[0].start_line if outline.scenes else outline.tail_line
    sections = [s.line for s in outline.sections]
    preamble_end = min([first, *[line for line in sections if line < first]])
    preamble = "\n".join(lines[:preamble_end]).strip("\n")
    if preamble.strip():
        out.append(SceneText(-1, "", PREAMBLE, 0, preamble_end, preamble))
    for scene in outline.scenes:
        body = "\n".join(lines[scene.start_line : scene.end_line]).rstrip()
        out.append(
            SceneText(
                scene.index, scene.number, scene.heading, scene.start_line, scene.end_line, body
            )
        )
    return out


def _normal(text: str) -> str:
    return " ".join(text.split())


def _bag(text: str) -> Counter[str]:
    return Counter(word.casefold().strip(_EDGE) for word in words(text))


def _similarity(a: SceneText, b: SceneText, bags: dict[int, Counter[str]]) -> float:
    bag_a, bag_b = bags[id(a)], bags[id(b)]
    size = sum(bag_a.values()) + sum(bag_b.values())
    if not size:
        return 1.0 if _normal(a.heading) == _normal(b.heading) else 0.0
    shared = sum((bag_a & bag_b).values())
    return 2 * shared / size


def compare_texts(old: str, new: str) -> Comparison:
    """Compare the draft ``old`` with the draft ``new`` (Fountain text)."""
    return compare_scenes(scenes_of(old), scenes_of(new))


def compare_scenes(old: list[SceneText], new: list[SceneText]) -> Comparison:
    pairs: dict[int, int] = {}  # new position -> old position
    taken: set[int] = set()
    # 1. The same text, in order (a scene that repeats pairs first with first).
    by_text: dict[str, list[int]] = {}
    for position, scene in enumerate(old):
        by_text.setdefault(_key(scene), []).append(position)
    for position, scene in enumerate(new):
        queue = by_text.get(_key(scene))
        if queue:
            pairs[position] = queue.pop(0)
            taken.add(pairs[position])
    # 2. The most similar of the rest.
    bags = {id(scene): _bag(scene.text) for scene in (*old, *new)}
    candidates: list[tuple[float, int, int, int]] = []
    rest_old = [i for i in range(len(old)) if i not in taken]
    for position, scene in enumerate(new):
        if position in pairs:
            continue
        for other in rest_old:
            if (scene.index < 0) != (old[other].index < 0):
                continue  # the preamble only ever matches the preamble
            score = _similarity(old[other], scene, bags)
            if _normal(old[other].heading) == _normal(scene.heading):
                score += SAME_HEADING_BONUS
            if score >= MATCH_THRESHOLD:
                # Prefer near places when scores tie (a copied scene pairs with its twin).
                candidates.append((score, -abs(other - position), position, other))
    candidates.sort(reverse=True)
    for _score, _distance, position, other in candidates:
        if position in pairs or other in taken:
            continue
        pairs[position] = other
        taken.add(other)
    # 3. Moved: matched scenes outside the longest run that kept its order.
    matched = sorted(pairs)
    kept = _longest_increasing([pairs[p] for p in matched])
    stayed = {matched[i] for i in kept}

    comparison = Comparison()
    old_to_new = {o: n for n, o in pairs.items()}
    removed_after: dict[int, list[int]] = {}  # new position (or -1) -> removed old scenes
    for other in range(len(old)):
        if other in taken:
            continue
        anchor = -1
        for earlier in range(other - 1, -1, -1):
            if earlier in old_to_new:
                anchor = old_to_new[earlier]
                break
        removed_after.setdefault(anchor, []).append(other)

    def add_removed(anchor: int) -> None:
        for other in removed_after.get(anchor, []):
            comparison.changes.append(Change("removed", old[other], None, similarity=0.0))

    add_removed(-1)
    for position, scene in enumerate(new):
        if position not in pairs:
            comparison.changes.append(Change("added", None, scene, similarity=0.0))
        else:
            before = old[pairs[position]]
            moved = position not in stayed and before.index >= 0
            if _key(before) == _key(scene):
                comparison.changes.append(Change("unchanged", before, scene, moved=moved))
            else:
                comparison.changes.append(
                    Change(
                        "changed",
                        before,
                        scene,
                        moved=moved,
                        similarity=_similarity(before, scene, bags),
                        segments=word_diff(before.text, scene.text),
                    )
                )
        add_removed(position)
    return comparison


def _key(scene: SceneText) -> str:
    return ("\0" if scene.index < 0 else "") + _normal(scene.text)


def _longest_increasing(values: list[int]) -> list[int]:
    """Indexes into ``values`` of one longest strictly increasing subsequence."""
    tails: list[int] = []  # value at the end of the best run of each length
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for index, value in enumerate(values):
        place = bisect.bisect_left(tails, value)
        if place == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[place] = value
            tail_index[place] = index
        previous[index] = tail_index[place - 1] if place else -1
    out: list[int] = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        out.append(index)
        index = previous[index]
    return out[::-1]


def word_diff(old: str, new: str) -> tuple[tuple[Tag, str], ...]:
    """The changes from ``old`` to ``new`` as (tag, text) pieces: equal text, deleted
    (old only) and inserted (new only) words, a deletion before its insertion.

    Lines are matched first and words only inside the lines that differ, which keeps a
    long scene fast (scenes share many short tokens, a slow case for difflib)."""
    out: list[tuple[Tag, str]] = []

    def put(tag: Tag, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] == tag:
            out[-1] = (tag, out[-1][1] + text)
        else:
            out.append((tag, text))

    a_lines = old.splitlines(keepends=True)
    b_lines = new.splitlines(keepends=True)
    lines = difflib.SequenceMatcher(None, a_lines, b_lines, autojunk=False)
    for op, i1, i2, j1, j2 in lines.get_opcodes():
        if op == "equal":
            put("equal", "".join(a_lines[i1:i2]))
            continue
        a = tokens("".join(a_lines[i1:i2]))
        b = tokens("".join(b_lines[j1:j2]))
        pieces: list[tuple[bool, str, str]] = []  # (changed, old text, new text)
        words = difflib.SequenceMatcher(None, a, b, autojunk=False)
        for tag, k1, k2, m1, m2 in words.get_opcodes():
            old_part, new_part = "".join(a[k1:k2]), "".join(b[m1:m2])
            changed = tag != "equal"
            if pieces and (changed or not old_part.strip()) and pieces[-1][0] == changed:
                last = pieces[-1]
                pieces[-1] = (changed, last[1] + old_part, last[2] + new_part)
            else:
                pieces.append((changed, old_part, new_part))
        # A lone space between two changes joins them: "[-A bell-]{+Two bells+}", not
        # "[-A-]{+Two+} [-bell-]{+bells+}".
        merged: list[tuple[bool, str, str]] = []
        for index, piece in enumerate(pieces):
            between = (
                not piece[0]
                and not piece[1].strip()
                and 0 < index < len(pieces) - 1
                and "\n" not in piece[1]
            )
            if (between or piece[0]) and merged and merged[-1][0]:
                last = merged[-1]
                merged[-1] = (True, last[1] + piece[1], last[2] + piece[2])
            else:
                merged.append((piece[0] or between, piece[1], piece[2]))
        for changed, old_part, new_part in merged:
            if changed:
                put("delete", old_part)
                put("insert", new_part)
            else:
                put("equal", old_part)
    return tuple(out)


def read_version(path: str | os.PathLike[str], encoding: str | None = None) -> str:
    """The Fountain text of a draft on disk: a Fountain file, or a Final Draft file
    converted (ReelwrightError, one sentence, when it cannot be read)."""
    from pathlib import Path

    from reelwright.screenplay.errors import ReelwrightError

    source = Path(path)
    if source.is_dir():
        raise ReelwrightError(f"cannot compare with {source}: it is a folder, not a script file")
    if not source.exists():
        raise ReelwrightError(f"{source} does not exist")
    if source.suffix.casefold() == ".fdx":
        from reelwright.exporters.fdx import read_fdx
        from reelwright.screenplay.writer import write

        return write(read_fdx(source))
    from reelwright.screenplay.textio import read_script_text

    return read_script_text(source, encoding).replace("\r\n", "\n").replace("\r", "\n")
