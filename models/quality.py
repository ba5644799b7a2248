"""Numbers that catch what a writer sees in a suggestion: invented words, text copied from
the script, first/second-person action, a speaker answering themself, unknown cues,
repeated beats and shots, items that cite nothing in the script, prompt words in the
output, and a reply in the wrong language.

Each measure returns counts (so runs add up) and is computed against ``ScriptFacts``: what
the script itself holds (its words, names, places, word 8-grams, language). The benchmark
(``benchmarks/bench_quality.py``) reports them per action and model; the actions use the
same functions to reject a take before the writer sees it.

Real word lists are pyspellchecker's word-frequency lists (en, es, fr, it, pt, de, ru, ar,
lv, eu, nl, fa). Chinese, Japanese and Korean have none there: their characters are not
checked as words (a model cannot spell a Han character wrong); CJK replies are measured by
``script_share`` (letters in the script's own writing system) instead, and the Latin words
inside them are checked against English.

Qt-free and model-free.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from difflib import SequenceMatcher
from functools import cache
from typing import Any

from reelwright.models.prompting import Story, read_story
from reelwright.screenplay.elements import Element, ElementType
from reelwright.screenplay.parser import parse
from reelwright.screenplay.vocabulary import cue_name

COPY_NGRAM = 8
"""Copy rate counts word 8-grams: shorter runs are common phrases ("he looks at her and")."""
LEAK_NGRAM = 4
"""Prompt leakage counts word 4-grams of the instructions found in the output."""
NEAR_DUPLICATE = 0.85
"""Two items whose normalised texts are this similar (difflib ratio) count as repeats."""
WORD_LISTS = ("en", "es", "fr", "it", "pt", "de", "ru", "ar", "lv", "eu", "nl", "fa")
COMMON_WORDS = 400
"""The most frequent words of a language are function words: they ground nothing."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_CJK = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff]"
)

# --- words and languages ----------------------------------------------------------------------


def is_cjk(char: str) -> bool:
    return _CJK.match(char) is not None


def words(text: str) -> list[str]:
    """The words of ``text``, casefolded, apostrophes inside kept (``doesn't``); CJK runs
    are left out (see ``cjk_chars``). Hyphenated words count as their parts."""
    out: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group().replace("’", "'").casefold()
        if any(is_cjk(c) for c in word):
            out.extend(part for part in _CJK.split(word) if part)
        else:
            out.append(word)
    return out


def cjk_chars(text: str) -> list[str]:
    return _CJK.findall(text)


@cache
def word_list(language: str) -> frozenset[str]:
    """pyspellchecker's word-frequency list for ``language`` (empty when it has none)."""
    if language not in WORD_LISTS:
        return frozenset()
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language=language).word_frequency.dictionary)


@cache
def common_words(language: str) -> frozenset[str]:
    """The ``COMMON_WORDS`` most frequent words of ``language``."""
    if language not in WORD_LISTS:
        return frozenset()
    from spellchecker import SpellChecker

    frequencies = SpellChecker(language=language).word_frequency.dictionary
    ranked = sorted(frequencies.items(), key=lambda item: -item[1])
    return frozenset(word for word, _ in ranked[:COMMON_WORDS])


def known_word(word: str, lists: Sequence[frozenset[str]]) -> bool:
    """In a word list as written, without a possessive ``'s``, or each part of an elision
    (``l'homme``, ``dell'acqua``)."""
    for candidate in (word, word.removesuffix("'s"), word.removesuffix("'")):
        if any(candidate in wl for wl in lists):
            return True
    parts = [p for p in word.split("'") if p]
    return len(parts) > 1 and all(any(p in wl for wl in lists) for p in parts)


_SCRIPTS = (
    ("zh", "CJK UNIFIED"),
    ("ja", "HIRAGANA"),
    ("ja", "KATAKANA"),
    ("ko", "HANGUL"),
    ("ru", "CYRILLIC"),
    ("ar", "ARABIC"),
    ("el", "GREEK"),
    ("he", "HEBREW"),
)


def writing_system(char: str) -> str:
    """``latin``, ``zh``, ``ja``, ``ko``, ``ru`` (Cyrillic), ``ar``, ``el``, ``he`` or ``other``."""
    if char.isascii():
        return "latin" if char.isalpha() else "other"
    name = unicodedata.name(char, "")
    for code, prefix in _SCRIPTS:
        if name.startswith(prefix):
            return code
    return "latin" if name.startswith("LATIN") else "other"


def writing_systems(text: str) -> Counter[str]:
    return Counter(writing_system(c) for c in text if c.isalpha())


def detect_language(text: str) -> str:
    """The script's language as an ISO 639-1 code: from its writing system, and for Latin,
    Cyrillic and Arabic letters from the word list that knows most of its words."""
    systems = writing_systems(text)
    if not systems:
        return "en"
    main = systems.most_common(1)[0][0]
    if main == "zh" and (systems["ja"] > systems["zh"] * 0.1):
        return "ja"
    if main in ("zh", "ja", "ko", "el", "he"):
        return main
    sample = [w for w in words(text) if len(w) > 2][:600]
    if not sample:
        return "en"
    choices = {"latin": ("en", "es", "fr", "de", "it", "pt", "nl", "lv", "eu"), "ru": ("ru",)}
    options = choices.get(main, ("ar", "fa") if main == "ar" else ("en",))

    def coverage(code: str) -> float:
        wl = word_list(code)
        return sum(w in wl for w in sample) / len(sample)

    if options[0] == "en" and coverage("en") >= 0.75:
        return "en"
    return max(options, key=coverage)


# --- what the script holds -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScriptFacts:
    """What suggestions are measured against, computed once per script."""

    story: Story
    language: str
    vocabulary: frozenset[str]
    """Every word of the script, casefolded (names, invented place names, slang)."""
    ngrams: frozenset[tuple[str, ...]]
    """Word ``COPY_NGRAM``-grams of the script (CJK: character 8-grams)."""
    characters: tuple[str, ...]
    places: tuple[str, ...]
    lines: tuple[str, ...]
    """Each speech of the script, flattened."""
    content: frozenset[str]
    """Script words that are not among the language's most common words (CJK: character
    bigrams): what an item shares with the script when it is about the script."""
    title: str = ""
    quads: frozenset[tuple[str, ...]] = frozenset()
    """Word 4-grams of the script: a take holding one quotes four words of it."""

    @property
    def word_lists(self) -> tuple[frozenset[str], ...]:
        lists = [word_list(self.language)]
        if self.language != "en":
            lists.append(word_list("en"))  # loan words, INT./EXT., V.O.
        return tuple(wl for wl in lists if wl)


def ngrams(tokens: Sequence[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def tokens_for_copy(text: str) -> list[str]:
    """Words, with each CJK character a token of its own (CJK has no spaces)."""
    out: list[str] = []
    for match in re.finditer(rf"{_CJK.pattern}|[^\W\d_]+(?:['’][^\W\d_]+)*", text):
        token = match.group()
        if is_cjk(token[0]):
            out.append(token)
        else:
            out.append(token.replace("’", "'").casefold())
    return out


def script_facts(script_text: str, language: str | None = None) -> ScriptFacts:
    script = parse(script_text)
    story = read_story(script)
    return facts_of(story, language)


def facts_of(story: Story, language: str | None = None) -> ScriptFacts:
    texts = [e.text for e in story.script.elements]
    texts += list(story.script.title_page.values())
    whole = "\n".join(texts)
    language = language or detect_language(whole)
    vocabulary = frozenset(words(whole))
    tokens = tokens_for_copy(whole)
    places = tuple(dict.fromkeys(s.location for s in story.scenes if s.location))
    lines = tuple(
        " ".join(e.text.split()) for e in story.script.elements if e.type is ElementType.DIALOGUE
    )
    common = common_words(language) | common_words("en")
    content = {w for w in vocabulary if w not in common and len(w) > 2}
    chars = cjk_chars(whole)
    content |= {a + b for a, b in itertools.pairwise(chars)}
    return ScriptFacts(
        story=story,
        language=language,
        vocabulary=vocabulary,
        ngrams=frozenset(ngrams(tokens, COPY_NGRAM)),
        characters=story.characters,
        places=places,
        lines=lines,
        content=frozenset(content),
        title=" ".join((story.script.title_value("Title") or "").replace("*", "").split()),
        quads=frozenset(ngrams(tokens, 4)),
    )


# --- the measures -------------------------------------------------------------------------


@dataclass(slots=True)
class Counts:
    """Numerators and denominators of every measure; ``+`` adds runs together."""

    words: int = 0
    invented: int = 0
    ngrams: int = 0
    copied: int = 0
    action_lines: int = 0
    person_lines: int = 0
    cues: int = 0
    repeated_speakers: int = 0
    known_cues: int = 0
    items: int = 0
    duplicates: int = 0
    grounded_items: int = 0
    grounding_items: int = 0
    leaks: int = 0
    letters: int = 0
    letters_in_language: int = 0
    takes: int = 0
    valid: int = 0
    examples: dict[str, list[str]] = field(default_factory=dict)

    def __add__(self, other: Counts) -> Counts:
        out = Counts()
        for f in fields(Counts):
            if f.name == "examples":
                merged = {k: list(v) for k, v in self.examples.items()}
                for key, values in other.examples.items():
                    merged.setdefault(key, []).extend(values)
                out.examples = merged
            else:
                setattr(out, f.name, getattr(self, f.name) + getattr(other, f.name))
        return out

    def note(self, key: str, example: str) -> None:
        kept = self.examples.setdefault(key, [])
        if len(kept) < 5 and example not in kept:
            kept.append(example)

    # Rates (None when nothing was counted).
    @staticmethod
    def _rate(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    def rates(self) -> dict[str, float | None]:
        return {
            "format": self._rate(self.valid, self.takes),
            "invented": self._rate(self.invented, self.words),
            "copy": self._rate(self.copied, self.ngrams),
            "person": self._rate(self.person_lines, self.action_lines),
            "repeated_speakers": self._rate(self.repeated_speakers, self.cues),
            "known_cues": self._rate(self.known_cues, self.cues),
            "duplicates": self._rate(self.duplicates, self.items),
            "grounded": self._rate(self.grounded_items, self.grounding_items),
            "leaks": self._rate(self.leaks, self.takes),
            "language": self._rate(self.letters_in_language, self.letters),
        }


def invented_words(text: str, facts: ScriptFacts) -> tuple[list[str], int]:
    """(words in no word list and not in the script, words counted)."""
    lists = facts.word_lists or (word_list("en"),)
    counted = words(text)
    invented = [
        w
        for w in counted
        if w not in facts.vocabulary and not known_word(w, lists) and not _is_roman_or_sound(w)
    ]
    return invented, len(counted)


def _is_roman_or_sound(word: str) -> bool:
    """Roman numerals and single letters (``II``, ``b``) are not invented words."""
    return len(word) == 1 or re.fullmatch(r"[ivxlcdm]+", word) is not None


def copy_rate(text: str, facts: ScriptFacts) -> tuple[int, int]:
    """(word 8-grams of ``text`` found verbatim in the script, 8-grams of ``text``)."""
    grams = ngrams(tokens_for_copy(text), COPY_NGRAM)
    return sum(g in facts.ngrams for g in grams), len(grams)


def copied_share(text: str, facts: ScriptFacts) -> float:
    copied, total = copy_rate(text, facts)
    return copied / total if total else 0.0


# First and second person, by language: in a screenplay's action they mean the model is
# narrating as a character or addressing a reader ("You are on the bridge", "I look at her").
PERSON_WORDS = {
    "en": "i me my mine myself we us our ours ourselves you your yours yourself yourselves "
    "i'm i've i'd i'll we're we've we'd we'll you're you've you'd you'll",
    "es": "yo me mi mis mío mía conmigo nosotros nosotras nos nuestro nuestra tú te ti tu tus "
    "contigo vosotros vosotras os vuestro vuestra usted ustedes",
    "fr": "je j' me m' moi mon ma mes nous notre nos tu te t' toi ton ta tes vous votre vos",
    "it": "io mi me mio mia miei mie noi ci nostro nostra tu ti te tuo tua tuoi voi vi vostro",
    "pt": "eu me mim meu minha meus minhas nós nos nosso nossa tu te ti teu tua você vocês",
    "de": "ich mich mir mein meine meiner wir uns unser unsere du dich dir dein deine ihr euch "
    "euer eure",
    "nl": "ik mij me mijn wij we ons onze jij je jou jouw jullie u uw",
    "ru": "я меня мне мной мой моя моё мои мы нас нам нами наш наша наше наши ты тебя тебе "
    "тобой твой твоя твоё твои вы вас вам вами ваш ваша ваше ваши",
}
PERSON_CJK = {
    "zh": ("我", "你", "您", "咱"),
    "ja": ("私", "僕", "俺", "あなた", "君", "お前"),
    "ko": ("나는", "내가", "저는", "제가", "우리", "너", "당신"),
}


@cache
def _person_words(language: str) -> frozenset[str]:
    return frozenset(PERSON_WORDS.get(language, "").split()) | frozenset(PERSON_WORDS["en"].split())


def person_in_action(text: str, language: str = "en") -> bool:
    """True when an action line speaks in the first or second person."""
    # Quoted speech inside action ("a sign reads 'YOU ARE HERE'") is not narration.
    bare = re.sub(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|「[^」]*」", " ", text)
    if language in PERSON_CJK:
        return any(p in bare for p in PERSON_CJK[language])
    found = _person_words(language)
    return any(w in found for w in words(bare))


def action_person(elements: Sequence[Element], language: str = "en") -> tuple[list[str], int]:
    """(action paragraphs in the first or second person, action paragraphs)."""
    actions = [e.text for e in elements if e.type is ElementType.ACTION]
    return [a for a in actions if person_in_action(a, language)], len(actions)


def speaker_pattern(
    elements: Sequence[Element], known: Iterable[str], previous: str | None = None
) -> tuple[int, int, int]:
    """(cues repeating the cue before them with no action between, cues, known cues).

    ``previous`` is the last speaker before the suggestion (continuing a dialogue): the
    first cue repeating it counts too."""
    names = set(known)
    last = previous
    repeats = count = good = 0
    for element in elements:
        if element.type is ElementType.CHARACTER:
            name = cue_name(element.text)
            count += 1
            good += name in names
            repeats += name == last
            last = name
        elif element.type in (ElementType.ACTION, ElementType.SCENE_HEADING):
            last = None
    return repeats, count, good


def normalise(text: str) -> str:
    return " ".join(tokens_for_copy(text))


def _same(key: str, earlier: str) -> bool:
    return key == earlier or SequenceMatcher(None, key, earlier).ratio() >= NEAR_DUPLICATE


def repeated_items(items: Sequence[str], earlier: Sequence[str] = ()) -> list[int]:
    """The indices of ``items`` identical or nearly identical (``NEAR_DUPLICATE``) to an
    earlier item or to one of ``earlier``: the rule of the ``dup`` measure, which the
    actions also use to leave a repeat out of a take and to write an alternative again."""
    seen = [normalise(e) for e in earlier]
    found = []
    for index, item in enumerate(items):
        key = normalise(item)
        if any(_same(key, s) for s in seen):
            found.append(index)
        seen.append(key)
    return found


def repeats(item: str, earlier: Sequence[str]) -> int | None:
    """The index of the first of ``earlier`` that ``item`` repeats (the ``dup`` rule)."""
    key = normalise(item)
    return next((i for i, e in enumerate(earlier) if _same(key, normalise(e))), None)


def duplicates(items: Sequence[str]) -> tuple[int, int]:
    """(items identical or nearly identical to an earlier one, items)."""
    return len(repeated_items(items)), len(items)


def _names_in(text: str, names: Iterable[str]) -> list[str]:
    folded = text.casefold()
    found = []
    for name in names:
        key = name.casefold()
        if not key:
            continue
        if is_cjk(key[0]):
            hit = key in folded
        else:
            hit = re.search(rf"(?<![\w']){re.escape(key)}(?![\w'])", folded) is not None
        if hit:
            found.append(name)
    return found


def cites(text: str, facts: ScriptFacts, *, source: str | None = None) -> bool:
    """True when ``text`` names a character or place of the script, quotes four or more
    words of it, or shares two content words with ``source`` (the scene it covers; the
    whole script when None)."""
    if _names_in(text, facts.characters):
        return True
    if facts.title and _names_in(text, [facts.title]):
        return True
    place_names = [*facts.places, *[p.split(" - ")[0] for p in facts.places]]
    if _names_in(text, place_names):
        return True
    tokens = tokens_for_copy(text)
    if _quads(facts, tokens):  # a quote of four or more of the script's words
        return True
    if 2 <= len(tokens) < 4 and tuple(tokens) in _short_runs(facts, len(tokens)):
        return True  # a short sentence quoted whole (``A gorgeous day.``)
    pool = facts.content if source is None else frozenset(_content_of(source, facts.language))
    mine = set(words(text)) | {
        a + b for a, b in zip(cjk_chars(text), cjk_chars(text)[1:], strict=False)
    }
    return len(mine & pool) >= 2


def _short_runs(facts: ScriptFacts, n: int) -> frozenset[tuple[str, ...]]:
    """The script's runs of ``n`` (2 or 3) words, from the first words of its 4-grams."""
    return frozenset(g[:n] for g in facts.quads)


def _quads(facts: ScriptFacts, tokens: list[str]) -> list[tuple[str, ...]]:
    """4-grams of ``tokens`` that open one of the script's 8-grams (a quote of 4+ words)."""
    starts = _ngram_starts(facts)
    return [g for g in ngrams(tokens, 4) if g in starts]


def _ngram_starts(facts: ScriptFacts) -> frozenset[tuple[str, ...]]:
    return facts.quads


CAMERA_WORDS = frozenset(
    [
        "shot",
        "shots",
        "wide",
        "close",
        "closeup",
        "close-up",
        "medium",
        "extreme",
        "long",
        "angle",
        "low",
        "high",
        "eye",
        "level",
        "dutch",
        "overhead",
        "aerial",
        "camera",
        "pan",
        "pans",
        "tilt",
        "tilts",
        "dolly",
        "track",
        "tracking",
        "push",
        "pull",
        "zoom",
        "crane",
        "handheld",
        "steadicam",
        "static",
        "frame",
        "frames",
        "framing",
        "insert",
        "pov",
        "over",
        "shoulder",
        "two",
        "single",
        "establishing",
        "cut",
        "cuts",
        "fade",
        "black",
        "screen",
        "title",
        "card",
        "music",
        "beat",
        "beats",
        "trailer",
        "voice",
        "sound",
        "silence",
        "scene",
    ]
)


def _content_of(text: str, language: str) -> set[str]:
    common = common_words(language) | common_words("en")
    chars = cjk_chars(text)
    content = {w for w in words(text) if w not in common and len(w) > 2 and w not in CAMERA_WORDS}
    return content | {a + b for a, b in itertools.pairwise(chars)}


def leaked_phrases(text: str, instructions: str, facts: ScriptFacts) -> list[str]:
    """Word 4-grams of the instructions (system text, recipe, section labels) found in the
    output and not in the script: the model repeating its prompt."""
    prompt_grams = set(ngrams(tokens_for_copy(instructions), LEAK_NGRAM))
    found = []
    for gram in ngrams(tokens_for_copy(text), LEAK_NGRAM):
        if gram in prompt_grams and gram not in _ngram_starts(facts):
            phrase = " ".join(gram)
            if phrase not in found:
                found.append(phrase)
    return found + _labels_in(text)


PROMPT_LABELS = (
    "STORY BIBLE",
    "CHARACTERS AND PLACES",
    "THE SCENE THAT COMES AFTER",
    "Writer's notes:",
    "Scenes so far:",
    "Answer in JSON",
    "as JSON:",
)


def _labels_in(text: str) -> list[str]:
    return [label for label in PROMPT_LABELS if label.casefold() in text.casefold()]


def language_letters(text: str, language: str) -> tuple[int, int]:
    """(letters in the writing system of ``language``, letters). Cue names and words the
    script itself uses are not counted (a Chinese script may name a place in Latin)."""
    want = {"zh": "zh", "ja": "ja", "ko": "ko", "ru": "ru", "ar": "ar", "fa": "ar", "el": "el"}
    system = want.get(language, "latin")
    letters = [c for c in text if c.isalpha()]
    if system == "ja":
        good = sum(writing_system(c) in ("ja", "zh") for c in letters)
    else:
        good = sum(writing_system(c) == system for c in letters)
    return good, len(letters)


# --- a whole suggestion -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Take:
    """One suggestion as the benchmark and the checks see it."""

    action: str
    ok: bool
    text: str
    """The Fountain (script actions) or readable text the writer sees."""
    data: dict[str, Any] | None = None
    previous_speaker: str | None = None
    scene_text: str | None = None
    """The scene the take covers (shots), for grounding."""


def prose_of(take: Take) -> str:
    """The words the model wrote itself, for invented words, copy rate and leakage: for a
    trailer the quoted lines are left out (a trailer quotes the film on purpose)."""
    data = take.data or {}
    if take.action == "trailer" and "beats" in data:
        parts = []
        for beat in data["beats"]:
            # A beat cut from a moment of the script shows that moment: cited, not written.
            keys = ("shot", "on_screen_text", "music")
            parts += [str(beat.get(k, "")) for k in keys if beat.get(k)]
            if not beat.get("moment") and beat.get("kind") != "title":
                parts.append(str(beat.get("picture", "")))
        return "\n".join(parts)
    if take.action == "shots" and "shots" in data:
        # A shot chosen from the coverage plan describes the scene in the plan's words.
        return "\n".join(
            f"{s.get('subject', '')}. {s.get('action', '')}"
            for s in data["shots"]
            if "plan" not in s
        )
    if take.action in ("logline", "character", "marketing") and data:
        # The values only: the labels around them ("Logline:", "Tagline:") are ours.
        return "\n".join(_strings(v) for k, v in data.items() if k not in ("fountain", "name"))
    return take.text


def _strings(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(_strings(v) for v in value)
    if isinstance(value, dict):
        return "\n".join(_strings(v) for v in value.values())
    return ""


def beat_item(beat: dict[str, Any]) -> str:
    """A trailer beat as the ``dup`` and grounding measures read it: what it shows, the
    line heard, the words on screen."""
    return " ".join(str(beat.get(k, "")) for k in ("picture", "line", "on_screen_text"))


def shot_item(shot: dict[str, Any]) -> str:
    """A shot as the ``dup`` and grounding measures read it: its subject and what it covers."""
    return f"{shot.get('subject', '')} {shot.get('action', '')}"


def items_of(take: Take) -> list[str]:
    """The parts that must differ from each other and cite the script."""
    data = take.data or {}
    if take.action == "trailer":
        return [beat_item(b) for b in data.get("beats", [])]
    if take.action == "shots":
        return [shot_item(s) for s in data.get("shots", [])]
    if take.action == "marketing":
        return [str(p) for p in data.get("posts", [])]
    if take.action == "logline":
        return [str(data.get("logline", "")), *[str(p) for p in data.get("synopsis", [])]]
    if take.action == "character":
        return [str(data.get(k, "")) for k in ("description", "wants", "needs", "flaw", "arc")]
    return []


def measure_take(take: Take, facts: ScriptFacts, instructions: str = "") -> Counts:
    counts = Counts(takes=1, valid=int(take.ok))
    if not take.text.strip():
        return counts
    prose = prose_of(take)
    invented, total = invented_words(prose, facts)
    counts.words, counts.invented = total, len(invented)
    for word in invented[:3]:
        counts.note("invented", word)
    counts.copied, counts.ngrams = copy_rate(prose, facts)
    if instructions:
        leaks = leaked_phrases(prose, instructions, facts)
        counts.leaks = int(bool(leaks))
        for leak in leaks[:2]:
            counts.note("leaks", leak)
    good, letters = language_letters(prose, facts.language)
    counts.letters_in_language, counts.letters = good, letters
    if take.action in ("next-scene", "continue-dialogue", "between-scenes"):
        elements = parse(take.text).elements
        person, actions = action_person(elements, facts.language)
        counts.person_lines, counts.action_lines = len(person), actions
        for line in person[:2]:
            counts.note("person", line[:80])
        repeats, cues, known = speaker_pattern(elements, facts.characters, take.previous_speaker)
        counts.repeated_speakers, counts.cues, counts.known_cues = repeats, cues, known
    elif take.action == "shots":
        shot_actions = [str(s.get("action", "")) for s in (take.data or {}).get("shots", [])]
        shot_person = [a for a in shot_actions if person_in_action(a, facts.language)]
        counts.person_lines, counts.action_lines = len(shot_person), len(shot_actions)
    items = items_of(take)
    if take.action in ("trailer", "shots", "marketing"):
        counts.duplicates, counts.items = duplicates(items)
    if take.action in ("trailer", "shots", "logline", "character"):
        source = take.scene_text if take.action == "shots" else None
        grounded = [i for i in items if i.strip() and cites(i, facts, source=source)]
        counts.grounded_items, counts.grounding_items = len(grounded), len(items)
        for item in items:
            if item not in grounded:
                counts.note("ungrounded", item[:80])
                break
    return counts


def variant_duplicates(texts: Sequence[str]) -> tuple[int, int]:
    """Alternatives of one request (or seeds of one benchmark row) that repeat each other."""
    return duplicates([t for t in texts if t.strip()])


__all__ = [
    "COPY_NGRAM",
    "Counts",
    "ScriptFacts",
    "Take",
    "action_person",
    "beat_item",
    "cites",
    "copied_share",
    "copy_rate",
    "detect_language",
    "duplicates",
    "facts_of",
    "invented_words",
    "language_letters",
    "leaked_phrases",
    "measure_take",
    "person_in_action",
    "repeated_items",
    "repeats",
    "script_facts",
    "shot_item",
    "speaker_pattern",
    "variant_duplicates",
    "word_list",
    "words",
]
