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
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from reelwright.screenplay import vocabulary

SCENE = "scene"
SCENE_NO_DIALOGUE = "scene-no-dialogue"
DIALOGUE = "dialogue"
COMMON = "fountain-common"
SPEECH = "fountain-speech"

CUE_EXTENSIONS = ("(V.O.)", "(O.S.)")
"""What the grammar lets a model put after a cue (see fountain-speech.gbnf)."""
MAX_CUE_NAMES = 60
"""Enough for any cast; keeps the alternation (and the grammar sampler) small."""
TIMES_OF_DAY = vocabulary.TIMES_OF_DAY
"""The times of day a heading may end with (the core vocabulary's), beside the script's own."""
MAX_SCRIPT_TIMES = 12


@dataclass(frozen=True, slots=True)
class Letters:
    """The letters and punctuation a language's output may use, as bodies of GBNF (and
    JSON-schema pattern) character classes. Caseless scripts (Chinese, Japanese, Korean,
    Arabic) have no capitals: their letters go in ``caseless``."""

    code: str
    upper: str
    lower: str
    caseless: str = ""
    punct: str = ""
    """Punctuation inside sentences beside the ASCII ``,;'"().?-``."""
    ends: str = ".!?"
    opens: str = ""
    """Characters that may open a sentence or a line besides letters and quotes."""

    @property
    def latin(self) -> bool:
        return "A-Z" in self.upper

    @property
    def width(self) -> int:
        """The most UTF-8 bytes one character of these classes takes."""
        chars = self.upper + self.lower + self.caseless + self.punct + self.ends + self.opens
        return max(len(c.encode()) for c in chars)

    @property
    def bounds(self) -> Bounds:
        """Element lengths in characters: scripts whose characters take two or three bytes
        (and say more per character) get shorter bounds, so that the same token budget
        always holds a complete scene."""
        return WIDE_BOUNDS if self.width > 1 else NARROW_BOUNDS


@dataclass(frozen=True, slots=True)
class Bounds:
    """Character counts of the Fountain grammar's elements (see fountain-common.gbnf)."""

    place: int
    sentence: int
    more_sentences: int
    dialogue: int
    parenthetical: int


NARROW_BOUNDS = Bounds(place=36, sentence=80, more_sentences=2, dialogue=140, parenthetical=28)
WIDE_BOUNDS = Bounds(place=20, sentence=40, more_sentences=1, dialogue=70, parenthetical=14)


ENGLISH = Letters("en", "A-Z", "a-z")
LATIN = Letters("latin", "A-ZÀ-ÖØ-ÞĀ-ž", "a-zß-öø-ÿĀ-ž", punct="«»", opens="¡¿«")
CYRILLIC = Letters("ru", "А-ЯЁІЇЄҐ", "а-яёіїєґ", punct="«»—", opens="«—")
GREEK = Letters("el", "Α-ΩΆ-Ώ", "α-ωά-ώ", punct="«»", opens="«")
CHINESE = Letters(
    "zh", "", "", caseless="一-鿿㐀-䶿", punct="，。、；：“”‘’…—《》", ends="。！？", opens="“《"
)
JAPANESE = Letters(
    "ja",
    "",
    "",
    caseless="ぁ-ゖァ-ヺー一-鿿",
    punct="、。「」『』…—",
    ends="。！？",
    opens="「『",
)
KOREAN = Letters("ko", "", "", caseless="가-힣")
ARABIC = Letters("ar", "", "", caseless="ء-يپچژکگی", punct="،؛«»", ends=".!؟", opens="«")
LATIN_LANGUAGES = ("es", "fr", "de", "it", "pt", "nl", "lv", "eu", "pl", "cs", "tr", "sv")


def letters_for(language: str | None) -> Letters:
    """The letters of ``language`` (ISO 639-1); English for None or an unknown code."""
    code = (language or "en").split("-")[0].casefold()
    if code in LATIN_LANGUAGES:
        return LATIN
    table = {
        "ru": CYRILLIC,
        "uk": CYRILLIC,
        "bg": CYRILLIC,
        "el": GREEK,
        "zh": CHINESE,
        "ja": JAPANESE,
        "ko": KOREAN,
        "ar": ARABIC,
        "fa": ARABIC,
    }
    return table.get(code, ENGLISH)


def letter_rules(letters: Letters, times: Sequence[str] = ()) -> str:
    """The language-dependent rules of fountain-common.gbnf and fountain-speech.gbnf."""
    u, lo, c, p = letters.upper, letters.lower, letters.caseless, letters.punct
    ends = letters.ends
    b = letters.bounds
    rules = [
        f"place-text ::= place-char{{1,{b.place}}}",
        f"sentence-text ::= text-char{{0,{b.sentence}}}",
        f'more-sentences ::= (" " sentence){{0,{b.more_sentences}}}',
        f"dialogue-text ::= dialogue-char{{0,{b.dialogue}}}",
        f"paren-text ::= paren-char{{1,{b.parenthetical}}}",
        f"text-char ::= [{lo}{u}{c}0-9 ,;'\"().?{p}-]",
        f"end-mark ::= [{ends}]",
        f"place-start ::= [{u}{c}0-9]",
        f"place-char ::= [{u}{c}0-9 '.,-]",
        f"paren-start ::= [{lo}{c}]",
        f"paren-char ::= [{lo}{c} ,'-]",
        f"line-start ::= [{u}{c}0-9\"'{letters.opens}]",
        f"dialogue-char ::= [{lo}{u}{c}0-9 ,;:'\"().!?{p}{ends}-]",
        f'dialogue-end ::= [{ends}.!?] | "..." | "--"',
        f"sentence-start ::= [{u}{c}\"'{letters.opens}]",
    ]
    if letters.latin:
        # The first word: any capitalised word except Int, Est and Ext (a heading).
        extra = u.replace("A-Z", "")
        rules += [
            f"opener ::= ([{u}] | [{u}] [{lo}] | word3 | [{u}] [{lo}] [{lo}] [{lo}]{{1,10}}) [ ,']",
            f"word3 ::= [A-DF-HJ-Z{extra}] [{lo}] [{lo}] | [EI] [{lo}] [a-su-z{lo[3:]}] "
            f'| "I" [a-mo-z{lo[3:]}] "t" | "E" [a-rt-wyz{lo[3:]}] "t"',
        ]
    else:
        rules.append(f"opener ::= [{u}{c}{letters.opens}]")
    wanted = list(TIMES_OF_DAY)
    for time in times:
        clean = " ".join(time.split())
        odd = any(ch in clean for ch in "\n[]*_#~<>^\\@")
        room = len(wanted) < len(TIMES_OF_DAY) + MAX_SCRIPT_TIMES
        if clean and not odd and room and clean not in wanted:
            wanted.append(clean)
    rules.append("time-of-day ::= " + " | ".join(gbnf_literal(t) for t in wanted))
    return "\n".join(rules) + "\n"


def _heading_max_bytes(letters: Letters, times: Sequence[str]) -> int:
    longest_time = max((len(t.encode()) for t in (*TIMES_OF_DAY, *times)), default=13)
    place = (1 + letters.bounds.place) * letters.width
    return len("INT./EXT. ") + place + len(" - ") + longest_time


def _action_max_bytes(letters: Letters) -> int:
    b = letters.bounds
    return (1 + b.more_sentences) * (1 + (14 + b.sentence + 1) * letters.width)


def _speech_extra_bytes(letters: Letters) -> int:
    b = letters.bounds
    parenthetical = (3 + b.parenthetical) * letters.width
    return len(" (CONT'D)") + 1 + parenthetical + 1 + (1 + b.dialogue + 3) * letters.width


def _resource(name: str) -> str:
    return resources.files("reelwright.resources").joinpath("grammars", name).read_text("utf-8")


@cache
def load_gbnf(name: str) -> str:
    """The text of ``resources/grammars/NAME.gbnf``."""
    return _resource(f"{name}.gbnf")


def load_schema(name: str, letters: Letters | None = None) -> dict[str, Any]:
    """A fresh copy of ``resources/grammars/NAME.schema.json`` (callers adjust it), its
    string patterns opened to ``letters`` when given (see ``localise_schema``)."""
    schema = copy.deepcopy(_load_schema_cached(name))
    return localise_schema(schema, letters) if letters is not None else schema


@cache
def _load_schema_cached(name: str) -> dict[str, Any]:
    data = json.loads(_resource(f"{name}.schema.json"))
    data.pop("$comment", None)
    return dict(data)


def trailer_schema(
    moments: dict[str, Sequence[str]],
    counts: dict[str, tuple[int, int]],
    letters: Letters | None = None,
) -> dict[str, Any]:
    """The trailer schema with each phase's beats drawn from ``moments[phase]`` (moment
    ids) and ``counts[phase]`` (fewest, most) beats."""
    schema = copy.deepcopy(_load_schema_cached("trailer"))
    beat = schema.pop("$defs")["beat"]
    for phase, ids in moments.items():
        item = copy.deepcopy(beat)
        item["properties"]["moment"] = {"enum": list(ids)}
        low, high = counts[phase]
        node = schema["properties"][phase]
        node["items"] = item
        node["minItems"], node["maxItems"] = low, max(low, min(high, len(ids)))
    return localise_schema(schema, letters) if letters is not None else schema


def shots_schema(
    plan: dict[str, Sequence[str]], most: int, letters: Letters | None = None
) -> dict[str, Any]:
    """The shot-list schema: one alternative per kind of planned shot (``plan``: kind ->
    plan ids), each with the sizes that kind takes; at most ``most`` shots."""
    schema = copy.deepcopy(_load_schema_cached("shots"))
    defs = schema.pop("$defs")
    alternatives = []
    for kind, ids in plan.items():
        if not ids:
            continue
        angle = {"enum": ["POV"]} if kind == "pov" else copy.deepcopy(defs["angle"])
        alternatives.append(
            {
                "type": "object",
                "properties": {
                    "plan": {"enum": list(ids)},
                    "size": {"enum": list(defs["sizes"][kind])},
                    "angle": angle,
                    "movement": copy.deepcopy(defs["movement"]),
                },
                "required": ["plan", "size", "angle", "movement"],
                "additionalProperties": False,
            }
        )
    if not alternatives:
        raise ValueError("the scene has nothing to shoot")
    shots = schema["properties"]["shots"]
    shots["items"] = alternatives[0] if len(alternatives) == 1 else {"anyOf": alternatives}
    total = sum(len(ids) for ids in plan.values())
    shots["maxItems"] = max(1, min(most, total))
    shots["minItems"] = min(int(shots["minItems"]), shots["maxItems"])
    return localise_schema(schema, letters) if letters is not None else schema


def localise_schema(schema: dict[str, Any], letters: Letters) -> dict[str, Any]:
    """``schema`` with the character classes of its patterns written for ``letters``: the
    schemas are written for English (``A-Z``, ``a-z``, ``[.!?]`` ends); another language
    gets its own capitals, small letters, caseless letters, punctuation and sentence ends.
    English stays as written."""
    if letters.code == "en":
        return schema
    out = copy.deepcopy(schema)

    def rewrite_class(match: re.Match[str]) -> str:
        body = match.group(1)
        if set(body) <= set(".!?"):  # a sentence end
            return "[" + body + "".join(e for e in letters.ends if e not in body) + "]"
        has_upper, has_lower = "A-Z" in body, "a-z" in body
        if not (has_upper or has_lower):
            return match.group(0)
        keep_latin = letters.latin
        if has_upper:
            body = body.replace("A-Z", (letters.upper if keep_latin else "A-Z" + letters.upper))
        if has_lower:
            body = body.replace("a-z", (letters.lower if keep_latin else "a-z" + letters.lower))
        body = body.replace("[", "")
        extra = letters.caseless
        if " " in body or "," in body:
            extra += "".join(ch for ch in letters.punct + letters.ends if ch not in body)
        dash = body.endswith("-")
        return "[" + body.rstrip("-") + extra + ("-" if dash else "") + "]"

    def visit(node: dict[str, Any]) -> None:
        if node.get("type") == "string" and "pattern" in node:
            node["pattern"] = re.sub(r"\[((?:\\.|[^\]])*)\]", rewrite_class, node["pattern"])
        if isinstance(node.get("items"), dict):
            visit(node["items"])
        for alternative in node.get("anyOf", []):
            visit(alternative)
        for sub in node.get("properties", {}).values():
            if isinstance(sub, dict):
                visit(sub)

    visit(out)
    return out


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


def speech_rules(names: Sequence[str]) -> str:
    """``speech-N ::= "NAME" cue-extension? speech-body``, one per name."""
    return "".join(
        f"speech-{i} ::= {gbnf_literal(cue_text(name))} cue-extension? speech-body\n"
        for i, name in enumerate(names)
    )


def scene_grammar(
    characters: Sequence[str],
    new_character: str | None = None,
    *,
    letters: Letters = ENGLISH,
    times: Sequence[str] = (),
) -> str:
    """A whole scene whose cues are ``characters`` (plus ``new_character`` when given); a
    speaker never follows themself without action between. ``letters``: the language the
    scene is written in; ``times``: the script's own times of day."""
    names = usable_cue_names([*characters, *([new_character] if new_character else [])])
    common = load_gbnf(COMMON) + "\n" + letter_rules(letters, times)
    if not names:
        return load_gbnf(SCENE_NO_DIALOGUE) + "\n" + common
    free = ["scene-end", '"\\n\\n" action after-action']
    rules = ["after-action ::= " + " | ".join([*free, *_turns(names, None, "after")])]
    for i in range(len(names)):
        rules.append(f"after-{i} ::= " + " | ".join([*free, *_turns(names, i, "after")]))
    parts = (load_gbnf(SCENE), common, load_gbnf(SPEECH), speech_rules(names), *rules)
    return "\n".join(parts) + "\n"


def _turns(names: Sequence[str], last: int | None, prefix: str) -> list[str]:
    return [f'"\\n\\n" speech-{j} {prefix}-{j}' for j in range(len(names)) if j != last]


def dialogue_grammar(
    characters: Sequence[str],
    new_character: str | None = None,
    *,
    last_speaker: str | None = None,
    letters: Letters = ENGLISH,
) -> str:
    """Speeches only (cue, optional parenthetical, dialogue), speakers taking turns; the
    first is not ``last_speaker`` (who spoke last before the cursor) unless nobody else can
    speak."""
    names = usable_cue_names([*characters, *([new_character] if new_character else [])])
    if not names:
        raise ValueError("dialogue needs at least one character name")
    first = [j for j, name in enumerate(names) if name != last_speaker] or list(range(len(names)))
    rules = ["root ::= " + " | ".join(f"speech-{j} turn-{j}" for j in first)]
    for i in range(len(names)):
        nexts = [f'"\\n\\n" speech-{j} turn-{j}' for j in range(len(names)) if j != i]
        rules.append(f"turn-{i} ::= " + " | ".join(["dialogue-end-of-take", *nexts]))
    common = load_gbnf(COMMON) + "\n" + letter_rules(letters)
    parts = (load_gbnf(DIALOGUE), common, load_gbnf(SPEECH), speech_rules(names), *rules)
    return "\n".join(parts) + "\n"


def minimum_scene_tokens(letters: Letters = ENGLISH, times: Sequence[str] = ()) -> int:
    """Tokens that always hold a heading plus one complete action paragraph."""
    return _heading_max_bytes(letters, times) + 2 + _action_max_bytes(letters) + 1


def minimum_dialogue_tokens(characters: Sequence[str], letters: Letters = ENGLISH) -> int:
    """Tokens that always hold one complete speech by the longest-named character."""
    longest = max((len(cue_text(n).encode()) for n in characters), default=10)
    return longest + _speech_extra_bytes(letters) + 1


# --- JSON schemas -------------------------------------------------------------------------

_QUANTIFIER = re.compile(r"\{(\d+),(\d+)\}")
_PATTERN_ATOM = re.compile(r"\[(?:\\.|[^\]])*\]|\\.|[^\[\\^$]")


def _pattern_max_bytes(pattern: str) -> int:
    """The longest match in bytes of one of our simple patterns: char classes and literals,
    each optionally followed by ``{m,n}``. A class counts as its widest character in UTF-8
    (UTF-8 length grows with the code point, so a range's end is its widest)."""
    body = pattern.removeprefix("^").removesuffix("$")
    total = 0
    pos = 0
    while pos < len(body):
        atom = _PATTERN_ATOM.match(body, pos)
        if atom is None:
            raise ValueError(f"unsupported pattern {pattern!r}")
        pos = atom.end()
        width = max(len(c.encode()) for c in atom.group())
        quant = _QUANTIFIER.match(body, pos)
        if quant:
            total += int(quant.group(2)) * width
            pos = quant.end()
        else:
            total += width
    return total


def worst_case_bytes(schema: dict[str, Any]) -> int:
    """An upper bound on the bytes of any JSON text the converted grammar accepts.

    Counts every optional space the converter allows (one after each token)."""
    if "anyOf" in schema:
        return max(worst_case_bytes(alternative) for alternative in schema["anyOf"])
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
        for alternative in node.get("anyOf", []):
            visit(alternative)
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

    order: list[str] = []

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            for name in node.get("properties", {}):
                if name not in order:
                    order.append(name)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(schema)
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
