"""What a reader looks at to tell a junk segment from article text, as numbers and hashed tokens.

A unit is a whole line or the tail of a line (a suffix cut at a seam). Its features describe the unit itself
(length, sentence shape, URLs, glued words), the rule hits inside it, and its context in the document: how
close to the end it stands, whether its script matches the body's, and how much vocabulary it shares with
the rest of the document. The same function feeds the rules-only score and the trained model, in training
and at run time, so the two can never drift apart.
"""
from __future__ import annotations

import math
import string
import zlib
from collections import Counter
from dataclasses import dataclass

import regex

from .normalize import fold
from .rules import Hit

HASH_BITS = 18
N_HASHED = 1 << HASH_BITS
NUMERIC_FEATURES = (
    "log_chars", "log_words", "ends_terminal", "starts_upper", "upper_ratio", "digit_ratio", "punct_ratio",
    "camel_seams", "urls", "body_overlap", "script_mismatch", "lines_after", "is_last_line", "is_suffix",
    "glued_to_sentence", "term_coverage", "term_weight", "line_rule", "span_rule", "relative_length",
    "below_is_junk", "frequent_words",
    "trailer_x_sentence", "trailer_x_overlap", "trailer_x_frequent", "trailer_x_words", "trailer_x_coverage",
)

_ASCII_LETTERS = string.ascii_letters.encode()
_ALNUM = regex.compile(r"[\p{L}\p{N}]")
SAMPLE_HEAD, SAMPLE_TAIL = 300, 100  # characters of a long unit its features look at
CHAR_GRAM_WORDS = 24
_WORD = regex.compile(r"\w+")
_UPPER = regex.compile(r"\p{Lu}")
_LETTER = regex.compile(r"\p{L}")
_DIGIT = regex.compile(r"\d")
_PUNCT = regex.compile(r"[^\w\s]")
_CAMEL = regex.compile(r"\p{Ll}\p{Lu}\p{Ll}")
_URL = regex.compile(r"https?://|www\.|\b[\w-]+\.(?:com|net|org|info|biz|ru|tr|id|co)\b")
_TERMINAL = frozenset(".!?…。！？\"'”’»)]")
_SCRIPTS = (
    ("latin", regex.compile(r"\p{Latin}")), ("cyrillic", regex.compile(r"\p{Cyrillic}")),
    ("han", regex.compile(r"\p{Han}")), ("kana", regex.compile(r"[\p{Hiragana}\p{Katakana}]")),
    ("arabic", regex.compile(r"\p{Arabic}")), ("hangul", regex.compile(r"\p{Hangul}")),
    ("greek", regex.compile(r"\p{Greek}")), ("thai", regex.compile(r"\p{Thai}")),
    ("devanagari", regex.compile(r"\p{Devanagari}")), ("hebrew", regex.compile(r"\p{Hebrew}")),
)
FREQUENT_WORDS = 40
SCRIPT_SAMPLE = 1500  # characters of the document used to find the body's script


@dataclass(frozen=True)
class DocContext:
    """What a unit is compared with: the body's script, its word counts, its typical line length."""

    script: str
    word_counts: Counter
    median_line_length: float
    frequent: frozenset  # the document's most frequent words: its function words, whatever the language


@dataclass(frozen=True)
class Unit:
    """A candidate for removal: [start, end) of the original, on line `line_index` (0-based)."""

    start: int
    end: int
    line_index: int
    lines_after: int  # non-blank lines after this unit's line
    is_suffix: bool
    below_is_junk: bool = False  # the line below it was judged junk (a reader expects junk to come in runs)


@dataclass(frozen=True)
class Features:
    """The unit's numeric features (in NUMERIC_FEATURES order) and the hashed indexes of its tokens."""

    numeric: tuple[float, ...]
    hashed: tuple[int, ...]
    sentence_like: bool
    words: int


def dominant_script(text: str) -> str:
    """The script most letters of `text` are written in ('none' without letters)."""
    if text.isascii():
        return "latin" if any(c.isalpha() for c in text) else "none"
    ascii_bytes = text.encode("ascii", "ignore")
    if 2 * (len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_LETTERS))) > len(text):
        return "latin"  # exact: letters of every other script are non-ASCII, so they are fewer than half
    counts = [(len(p.findall(text)), name) for name, p in _SCRIPTS]
    best = max(counts)
    return best[1] if best[0] else "none"


def doc_context(view_text: str, line_lengths: list[int]) -> DocContext:
    """The context every unit of one document is compared with."""
    lengths = sorted(n for n in line_lengths if n)
    median = float(lengths[len(lengths) // 2]) if lengths else 0.0
    counts = Counter(_WORD.findall(view_text))
    frequent = frozenset(w for w, _ in counts.most_common(FREQUENT_WORDS))
    return DocContext(dominant_script(view_text[:SCRIPT_SAMPLE]), counts, median, frequent)


def unit_features(original: str, unit: Unit, hits: list[Hit], ctx: DocContext) -> Features:
    """Features of one unit; `hits` are the rule hits that overlap it."""
    full = original[unit.start:unit.end].strip()
    n_chars = len(full)
    # A long unit is article-shaped already; its head and tail say all the features need, at a bounded cost.
    raw = full if n_chars <= SAMPLE_HEAD + SAMPLE_TAIL else f"{full[:SAMPLE_HEAD]} {full[-SAMPLE_TAIL:]}"
    folded = fold(raw)
    words = _WORD.findall(folded)
    letters = len(_LETTER.findall(raw)) or 1
    own = Counter(words)
    long_words = [w for w in own if len(w) > 2]
    shared = sum(1 for w in long_words if ctx.word_counts[w] > own[w])
    overlap = shared / len(long_words) if long_words else 0.0
    script = dominant_script(raw)
    ends_terminal = bool(raw) and raw[-1] in _TERMINAL
    before = original[unit.start - 1] if unit.start > 0 else ""
    coverage, term_weight, line_rule, span_rule = _rule_evidence(unit, hits, full, original)
    numeric = (
        math.log1p(n_chars) / 6.0,
        math.log1p(len(words)) / 4.0,
        float(ends_terminal),
        float(bool(raw) and raw[0].isupper()),
        len(_UPPER.findall(raw)) / letters,
        len(_DIGIT.findall(raw)) / max(len(raw), 1),
        len(_PUNCT.findall(raw)) / max(len(raw), 1),
        min(len(_CAMEL.findall(raw)), 5) / 5.0,
        min(len(_URL.findall(folded)), 3) / 3.0,
        overlap,
        float(script not in ("none", ctx.script) and ctx.script != "none"),
        min(unit.lines_after, 5) / 5.0,
        float(unit.lines_after == 0),
        float(unit.is_suffix),
        float(unit.is_suffix and before in _TERMINAL),
        coverage,
        term_weight,
        line_rule,
        span_rule,
        math.tanh(n_chars / ctx.median_line_length) if ctx.median_line_length else 1.0,
        float(unit.below_is_junk),
        sum(1 for w in words if w in ctx.frequent) / len(words) if words else 0.0,
    )
    numeric += _trailer_crosses(numeric, ends_terminal and len(words) >= 6)
    tokens = [f"w:{w}" for w in words[:64]]
    tokens += [f"b:{a} {b}" for a, b in zip(words[:32], words[1:33])]
    tokens += [f"c:{g}" for w in words[:CHAR_GRAM_WORDS] for g in _char_grams(w)]
    tokens += [f"r:{h.rule.id}" for h in hits]
    tokens.append(f"s:{script}" if script == ctx.script else f"s:{script}-in-{ctx.script}")
    hashed = tuple(zlib.crc32(t.encode("utf-8")) & (N_HASHED - 1) for t in tokens)
    sentence_like = ends_terminal and len(words) >= 6
    return Features(numeric, hashed, sentence_like, len(words))


def _char_grams(word: str) -> list[str]:
    padded = f"<{word}>"
    return [padded[i:i + 3] for i in range(len(padded) - 2)] if len(padded) > 3 else [padded]


def _rule_evidence(unit: Unit, hits: list[Hit], raw: str, original: str) -> tuple[float, float, float, float]:
    """Coverage of the unit's letters by phrase hits, and the strongest phrase, line and span rule weights."""
    covered = 0
    term_weight = line_rule = span_rule = 0.0
    last_end = unit.start
    for h in sorted(hits, key=lambda h: h.start):
        if h.rule.scope == "line":
            line_rule = max(line_rule, h.rule.weight)
        elif h.rule.scope == "span":
            span_rule = max(span_rule, h.rule.weight)
        else:
            term_weight = max(term_weight, h.rule.weight)
            start, end = max(h.start, last_end, unit.start), min(h.end, unit.end)
            if end > start:
                covered += sum(1 for c in original[start:end] if c.isalnum())
                last_end = end
    if not covered:
        return 0.0, term_weight, line_rule, span_rule
    alnum = len(_ALNUM.findall(raw)) or 1
    return min(covered / alnum, 1.0), term_weight, line_rule, span_rule


def _trailer_crosses(numeric: tuple[float, ...], sentence_like: bool) -> tuple[float, ...]:
    """Shape features that count only in trailer position (the last line, or just above a junk line).

    A linear model weighs position alone heavily; these crosses let it tell a last line that reads as a
    sentence of the article (words the body uses, its function words) from a last line that is an anchor.
    """
    trailer = max(numeric[12], numeric[20])  # is_last_line, below_is_junk
    if not trailer:
        return (0.0,) * 5
    return (float(sentence_like), numeric[9], numeric[21], numeric[1], numeric[15])
