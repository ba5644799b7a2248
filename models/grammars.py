"""GBNF grammars that make the model's output valid by construction.

Scene and dialogue suggestions are constrained by hand-written GBNF (in
``resources/grammars/*.gbnf``) plus one generated rule: the alternation of the script's
character names, so that every cue is a known character (or the one new character the
writer asked for). Structured suggestions (shots, trailer beats, logline, character
profile, marketing copy) are JSON under a JSON schema, converted to GBNF with llama.cpp's
own converter.

Why the JSON schemas are *fitted* to ``max_tokens``: llama.cpp never samples a token whose
text is empty under a grammar, so every token adds at least one byte. A schema whose
longest possible JSON text is at most ``max_tokens`` bytes therefore always closes before
generation stops, even with a model of random weights. ``fit_schema`` shrinks the string
and array bounds until that holds.

No llama_cpp import at module level: ``llama_cpp.llama_grammar`` is imported inside the
functions that need it, so building a scene grammar costs nothing.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

SCENE = "scene"
SCENE_NO_DIALOGUE = "scene-no-dialogue"
DIALOGUE = "dialogue"
COMMON = "fountain-common"
SPEECH = "fountain-speech"

CUE_EXTENSIONS = ("(V.O.)", "(O.S.)", "(CONT'D)")
MAX_CUE_NAMES = 60
"""Enough for any cast; keeps the alternation (and the grammar sampler) small."""

# Worst-case bytes of the Fountain grammar pieces, read off fountain-common.gbnf; used to
# tell the writer when max_tokens cannot hold even one complete element.
HEADING_MAX_BYTES = len("INT./EXT. ") + 37 + len(" - ") + len("MOMENTS LATER")
ACTION_MAX_BYTES = 3 * (1 + 14 + 80 + 1)
SPEECH_EXTRA_BYTES = len(" (CONT'D)") + 1 + 31 + 1 + (1 + 140 + 3)


def _resource(name: str) -> str:
    return resources.files("reelwright.resources").joinpath("grammars", name).read_text("utf-8")


@cache
def load_gbnf(name: str) -> str:
    """The text of ``resources/grammars/NAME.gbnf``."""
    return _resource(f"{name}.gbnf")


def load_schema(name: str) -> dict[str, Any]:
    """A fresh copy of ``resources/grammars/NAME.schema.json`` (callers adjust it)."""
    return copy.deepcopy(_load_schema_cached(name))


@cache
def _load_schema_cached(name: str) -> dict[str, Any]:
    data = json.loads(_resource(f"{name}.schema.json"))
    data.pop("$comment", None)
    return dict(data)


def gbnf_literal(text: str) -> str:
    """``text`` as a GBNF string literal: quotes, backslashes and control characters escaped.

    Non-ASCII characters are kept as UTF-8 (llama.cpp's grammar parser reads UTF-8).
    """
    out = ['"']
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\x{ord(char):02X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def cue_text(name: str) -> str:
    """How ``name`` is written as a cue: forced with ``@`` when it is not upper case."""
    return name if name.isupper() else "@" + name


def usable_cue_names(names: Iterable[str]) -> list[str]:
    """Names that can stand as a cue line, without duplicates, in the given order."""
    seen: set[str] = set()
    kept: list[str] = []
    for raw in names:
        name = " ".join(raw.split())
        if not name or name in seen or any(c in name for c in "\n[]*_#~<>^\\"):
            continue
        if not any(c.isalpha() for c in name):
            continue
        seen.add(name)
        kept.append(name)
    return kept[:MAX_CUE_NAMES]


def cue_rule(names: Sequence[str]) -> str:
    """``cue-name ::= "MAYA" | "@Dr. Who" | ...`` for the given names (at least one)."""
    if not names:
        raise ValueError("a cue rule needs at least one character name")
    alternatives = " | ".join(gbnf_literal(cue_text(name)) for name in names)
    return f"cue-name ::= {alternatives}\n"


def scene_grammar(characters: Sequence[str], new_character: str | None = None) -> str:
    """A whole scene whose cues are ``characters`` (plus ``new_character`` when given)."""
    names = usable_cue_names([*characters, *([new_character] if new_character else [])])
    common = load_gbnf(COMMON)
    if not names:
        return load_gbnf(SCENE_NO_DIALOGUE) + "\n" + common
    return "\n".join((load_gbnf(SCENE), common, load_gbnf(SPEECH), cue_rule(names)))


def dialogue_grammar(characters: Sequence[str], new_character: str | None = None) -> str:
    """Speeches only (cue, optional parenthetical, dialogue), for continuing a scene."""
    names = usable_cue_names([*characters, *([new_character] if new_character else [])])
    if not names:
        raise ValueError("dialogue needs at least one character name")
    parts = (load_gbnf(DIALOGUE), load_gbnf(COMMON), load_gbnf(SPEECH), cue_rule(names))
    return "\n".join(parts)


def minimum_scene_tokens() -> int:
    """Tokens that always hold a heading plus one complete action paragraph."""
    return HEADING_MAX_BYTES + 2 + ACTION_MAX_BYTES + 1


def minimum_dialogue_tokens(characters: Sequence[str]) -> int:
    """Tokens that always hold one complete speech by the longest-named character."""
    longest = max((len(cue_text(n).encode()) for n in characters), default=10)
    return longest + SPEECH_EXTRA_BYTES + 1


# --- JSON schemas -------------------------------------------------------------------------

_QUANTIFIER = re.compile(r"\{(\d+),(\d+)\}")
_PATTERN_ATOM = re.compile(r"\[(?:\\.|[^\]])*\]|\\.|[^\[\\^$]")


def _pattern_max_bytes(pattern: str) -> int:
    """The longest match of one of our simple patterns: char classes and literals, each
    optionally followed by ``{m,n}``. Non-ASCII is not used in our patterns."""
    body = pattern.removeprefix("^").removesuffix("$")
    total = 0
    pos = 0
    while pos < len(body):
        atom = _PATTERN_ATOM.match(body, pos)
        if atom is None:
            raise ValueError(f"unsupported pattern {pattern!r}")
        pos = atom.end()
        quant = _QUANTIFIER.match(body, pos)
        if quant:
            total += int(quant.group(2))
            pos = quant.end()
        else:
            total += 1
    return total


def worst_case_bytes(schema: dict[str, Any]) -> int:
    """An upper bound on the bytes of any JSON text the converted grammar accepts.

    Counts every optional space the converter allows (one after each token)."""
    if "enum" in schema:
        return max(len(json.dumps(v, ensure_ascii=False).encode()) for v in schema["enum"]) + 1
    if "const" in schema:
        return len(json.dumps(schema["const"], ensure_ascii=False).encode()) + 1
    kind = schema.get("type")
    if kind == "string":
        if "pattern" not in schema:
            raise ValueError("strings in our schemas need a pattern (it bounds their length)")
        if '"' in schema["pattern"] or "\\\\" in schema["pattern"]:
            raise ValueError("our string patterns leave out quotes and backslashes (no escapes)")
        return _pattern_max_bytes(schema["pattern"]) + 3
    if kind == "array":
        item = worst_case_bytes(schema["items"])
        return 2 + 2 + int(schema["maxItems"]) * (item + 2)
    if kind == "object":
        total = 2 + 2
        for key, sub in schema["properties"].items():
            total += len(key.encode()) + 2 + 4 + worst_case_bytes(sub) + 2
        return total
    raise ValueError(f"unsupported schema node {schema!r}")


def _scaled(schema: dict[str, Any], factor: float) -> dict[str, Any]:
    out = copy.deepcopy(schema)

    def visit(node: dict[str, Any]) -> None:
        if node.get("type") == "string" and "pattern" in node:

            def shrink(match: re.Match[str]) -> str:
                low, high = int(match.group(1)), int(match.group(2))
                return f"{{{low},{max(low, int(high * factor))}}}"

            node["pattern"] = _QUANTIFIER.sub(shrink, node["pattern"])
        elif node.get("type") == "array":
            low, high = int(node.get("minItems", 0)), int(node["maxItems"])
            node["maxItems"] = max(low, min(high, round(high * factor + 0.49)))
            visit(node["items"])
        elif node.get("type") == "object":
            for sub in node["properties"].values():
                visit(sub)

    visit(out)
    return out


def fit_schema(schema: dict[str, Any], max_bytes: int) -> dict[str, Any]:
    """``schema`` with its string and array bounds shrunk so that any accepted JSON text
    fits in ``max_bytes``. Raises ``ValueError`` when even the minimum does not fit."""
    if worst_case_bytes(schema) <= max_bytes:
        return schema
    low, high = 0.0, 1.0
    if worst_case_bytes(_scaled(schema, 0.0)) > max_bytes:
        raise ValueError(
            f"needs at least {worst_case_bytes(_scaled(schema, 0.0))} tokens of output room"
        )
    for _ in range(24):
        middle = (low + high) / 2
        if worst_case_bytes(_scaled(schema, middle)) <= max_bytes:
            low = middle
        else:
            high = middle
    return _scaled(schema, low)


def minimum_json_tokens(schema: dict[str, Any]) -> int:
    return worst_case_bytes(_scaled(schema, 0.0))


def json_grammar(schema: dict[str, Any]) -> str:
    """GBNF for ``schema`` through llama.cpp's converter (properties in schema order)."""
    from llama_cpp.llama_grammar import json_schema_to_gbnf

    order = list(schema.get("properties", {}))
    return str(json_schema_to_gbnf(json.dumps(schema), order))


# --- compiling with llama.cpp -----------------------------------------------------------


class GrammarError(ValueError):
    """llama.cpp refused a grammar."""


@cache
def _vocab_model(path: str) -> Any:
    import atexit

    import llama_cpp

    model = llama_cpp.Llama(model_path=path, vocab_only=True, verbose=False)
    # Freed before the interpreter tears down llama_cpp's module globals, which its
    # ``__del__`` needs (otherwise: "TypeError: 'NoneType' object is not callable" at exit).
    atexit.register(model.close)
    return model


def compile_grammar(grammar: str, model_path: Path) -> None:
    """Compile ``grammar`` with llama.cpp's own grammar parser against the vocabulary of
    the GGUF at ``model_path``; raise ``GrammarError`` when llama.cpp refuses it.

    ``LlamaGrammar.from_string`` in llama-cpp-python 0.3.x only stores the text, so a
    broken grammar would otherwise surface in the middle of a generation.
    """
    import llama_cpp

    model = _vocab_model(str(model_path))
    sampler = llama_cpp.llama_sampler_init_grammar(
        model._model.vocab,
        grammar.encode("utf-8"),
        b"root",
    )
    if not sampler:
        raise GrammarError("llama.cpp could not parse the grammar")
    llama_cpp.llama_sampler_free(sampler)
