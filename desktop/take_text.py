"""What the review panel does with a suggestion's text, without widgets: JSON that is still
streaming shown as readable lines, edited text turned back into Fountain notes and synopsis
lines, and a trailer re-timed to another length."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reelwright.models.phrases import Translate


def readable_partial_json(raw: str, translate: Translate | None = None) -> str:
    """JSON that is still being written, as readable lines: ``Label: value``, list items
    as bullets. Tolerant of a cut-off end (an open string shows what it has so far). The
    labels are the model layer's (``suggestions.field_label``), through ``translate``."""
    from reelwright.models.phrases import text_in
    from reelwright.models.suggestions import field_label, heading, labelled

    lines: list[str] = []
    stack: list[str] = []
    key: str | None = None
    wants_value = False
    """In an object: a key was read, so the next string or number is its value."""
    heading_line = -1
    """The last line that is a list's label (``Posts:``)."""
    i, n = 0, len(raw)

    def emit(value: str) -> None:
        if stack and stack[-1] == "[":
            lines.append(f"  • {value}")
        else:
            lines.append(text_in(labelled(field_label(key), value), translate) if key else value)

    def in_object() -> bool:
        return bool(stack) and stack[-1] == "{"

    while i < n:
        char = raw[i]
        if char == '"':
            j, text = _read_string(raw, i + 1)
            if in_object() and not wants_value:
                key = text  # a key (perhaps still being written)
                k = j + 1
                while k < n and raw[k] in " \t\r\n":
                    k += 1
                i = k + 1 if k < n and raw[k] == ":" else j + 1
                wants_value = k < n and raw[k] == ":"
                continue
            emit(text)
            wants_value = False
            i = j + 1
        elif char == "{":
            if stack and stack[-1] == "[" and lines and heading_line != len(lines) - 1:
                lines.append("")  # a blank line between the objects of a list
            stack.append("{")
            wants_value = False
            i += 1
        elif char == "[":
            if key and wants_value:
                lines.append(text_in(heading(field_label(key)), translate))
                heading_line = len(lines) - 1
            stack.append("[")
            wants_value = False
            i += 1
        elif char in "]}":
            if stack:
                stack.pop()
            wants_value = False
            i += 1
        elif char in "-0123456789":
            j = i
            while j < n and raw[j] in "-+.eE0123456789":
                j += 1
            if not in_object() or wants_value:
                emit(raw[i:j])
            wants_value = False
            i = j
        elif char == ":" and in_object():
            wants_value = True
            i += 1
        else:
            i += 1
    return "\n".join(lines)


def _read_string(raw: str, i: int) -> tuple[int, str]:
    """(index of the closing quote or len(raw), decoded text) of a JSON string from ``i``."""
    out: list[str] = []
    n = len(raw)
    escapes = {"n": "\n", "t": "\t", "r": "", "b": "", "f": "", "/": "/", "\\": "\\", '"': '"'}
    while i < n:
        char = raw[i]
        if char == "\\":
            if i + 1 >= n:
                return n, "".join(out)
            code = raw[i + 1]
            if code == "u":
                digits = raw[i + 2 : i + 6]
                if len(digits) < 4:
                    return n, "".join(out)
                if all(c in "0123456789abcdefABCDEF" for c in digits):
                    out.append(chr(int(digits, 16)))
                i += 6
                continue
            out.append(escapes.get(code, code))
            i += 2
            continue
        if char == '"':
            return i, "".join(out)
        out.append(char)
        i += 1
    return n, "".join(out)


def notes_from_text(text: str) -> str:
    """Edited readable text as Fountain notes: one ``[[...]]`` per non-empty line."""
    out = []
    for line in text.splitlines():
        flat = " ".join(line.split()).replace("]]", "] ]")
        if flat:
            out.append(f"[[{flat}]]")
    return "\n\n".join(out) + "\n"


def synopsis_lines(logline: str, paragraphs: list[str]) -> str:
    """A logline and synopsis as Fountain synopsis lines (``= ...``), one per paragraph."""
    lines = [" ".join(p.split()) for p in [logline, *paragraphs]]
    return "\n".join(f"= {line}" for line in lines if line) + "\n"


def split_logline_text(text: str, translate: Translate | None = None) -> tuple[str, list[str]]:
    """The (possibly edited) readable logline text back into logline and paragraphs. Its
    labels (``Logline:``, ``Synopsis:``) are the model layer's, read in English and, with
    ``translate``, in the language the take was shown in (``一句话梗概：``), with either
    colon, full-width or not."""
    from reelwright.models.suggestions import logline_labels

    logline_marks = _label_forms(logline_labels()[0], logline_labels(translate)[0])
    synopsis_marks = _label_forms(logline_labels()[1], logline_labels(translate)[1])
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    logline, paragraphs = "", []
    for block in blocks:
        mark = _starts_with(block, logline_marks)
        if mark and not logline:
            logline = block[len(mark) :].strip()
            continue
        mark = _starts_with(block, synopsis_marks)
        if mark:
            block = block[len(mark) :].strip()
        if block:
            paragraphs.append(block)
    return logline, paragraphs


def _label_forms(*labels: str) -> tuple[str, ...]:
    """Each label as written, and with the other colon (``梗概：`` and ``梗概:``)."""
    forms: list[str] = []
    for text in labels:
        for form in (text, text.replace("：", ":"), text.replace(":", "：")):
            if form and form not in forms:
                forms.append(form)
    return tuple(forms)


def _starts_with(block: str, marks: tuple[str, ...]) -> str:
    """The mark ``block`` starts with (letter case aside), or an empty string."""
    folded = block.casefold()
    return next((mark for mark in marks if folded.startswith(mark.casefold())), "")


def retime_trailer(suggestion: Any, length: int, options: dict[str, Any]) -> Any | None:
    """The trailer re-timed to ``length`` seconds by the model layer's own check and
    renderer (``check_output`` scales the beats' relative durations to fill it)."""
    from dataclasses import replace

    from reelwright.models.suggestions import check_output

    data = {k: v for k, v in (suggestion.data or {}).items() if k != "fountain"}
    if len(data.get("beats", [])) > length:
        return None
    context = {
        "length": length,
        "genre": str(options.get("genre") or "drama"),
        "audience": str(options.get("audience") or "a general audience"),
        "points": list(options.get("selling_points") or []),
    }
    text, new_data, check = check_output(
        "trailer", json.dumps(data), truncated=False, known=(), new_character=None, context=context
    )
    if not check.ok or new_data is None:
        return None
    return replace(suggestion, text=text, data=new_data, check=check)


def shot_rows(suggestion: Any) -> list[tuple[str, str]]:
    """(shot line, what it shows) for each shot of a shot-list suggestion: from its data,
    or, where the data lacks the fields, from the Fountain it renders to (each shot is a
    shot line and an action paragraph)."""
    fields = ("size", "angle", "movement", "subject", "action")
    shots = (suggestion.data or {}).get("shots")
    if (
        isinstance(shots, list)
        and shots
        and all(isinstance(s, dict) and all(f in s for f in fields) for s in shots)
    ):
        rows = []
        for shot in shots:
            subject = " ".join(str(shot["subject"]).split()).upper()
            line = f"{shot['size']} - {shot['angle']} - {shot['movement']} - {subject}"
            rows.append((line, " ".join(str(shot["action"]).split())))
        return rows
    blocks = [b.strip() for b in str(suggestion.to_fountain()).split("\n\n") if b.strip()]
    blocks = [b[1:] if b.startswith("!") else b for b in blocks]
    return [
        (blocks[i], blocks[i + 1] if i + 1 < len(blocks) else "") for i in range(0, len(blocks), 2)
    ]
