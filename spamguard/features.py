"""What a reader looks at to tell a junk segment from article text, as numbers and hashed tokens.

A unit is a whole line or the tail of a line (a suffix cut at a seam). Its features describe the unit itself
(length, sentence shape, URLs, glued words), the rule hits inside it, and its context in the document: how
close to the end it stands, whether its script matches the body's, and how much vocabulary it shares with
the rest of the document. The same function feeds the rules-only score and the trained model, in training
and at run time, so the two can never drift apart.

Every document pays for its last lines' features, so they are built for speed: the unit's folded text is a
slice of the document's matching view, character counts run in C (bytes.translate, str methods), and the
hashes of a word's tokens are cached across documents (words repeat; Zipf's law).
"""
from __future__ import annotations

import math
import re
import string
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from .normalize import View
from .rules import Hit

HASH_BITS = 18
N_HASHED = 1 << HASH_BITS
NUMERIC_FEATURES = (
    "log_chars", "log_words", "ends_terminal", "starts_upper", "upper_ratio", "digit_ratio", "punct_ratio",
    "camel_seams", "urls", "body_overlap", "script_mismatch", "lines_after", "is_last_line", "is_suffix",
    "glued_to_sentence", "term_coverage", "term_weight", "line_rule", "span_rule", "relative_length",
    "below_is_junk", "frequent_words",
)

SAMPLE_HEAD, SAMPLE_TAIL = 300, 100  # characters of a long unit its features look at
TOKEN_WORDS, PAIR_WORDS, CHAR_GRAM_WORDS = 48, 24, 12  # how many of a unit's words give each kind of token
OVERLAP_WORDS = 24  # distinct long words of a unit looked up in the rest of the document
FREQUENT_WORDS = 40
FREQUENT_SAMPLE = 1000  # characters at the document's start whose most frequent words are its frequent words
SCRIPT_SAMPLE = 1500  # characters of the document used to find the body's script
# Words are whitespace-separated tokens with punctuation stripped from their edges: str.split runs in C,
# where a \w+ scan costs several times more.
_EDGE_PUNCT = string.punctuation.replace("_", "") + "“”‘’«»…–—•·、。，！？：；（）「」『』【】"
_WORD_JOINERS = "'’-./:@,+=&|()[]、。，"
_CAMEL = regex.compile(r"\p{Ll}\p{Lu}\p{Ll}")
_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|net|org|info|biz|ru|tr|id|co)\b")
_URL_HINT = re.compile(r"://|www\.|\.(?:com|net|org|info|biz|ru|tr|id|co)\b")  # every _URL match holds one
_TERMINAL = frozenset(".!?…。！？\"'”’»)]")
_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_UPPER = string.ascii_uppercase.encode()
_ASCII_DIGITS = string.digits.encode()
_ASCII_SPACE = b" \t\n\r\v\f\x1c\x1d\x1e\x1f"
_SCRIPTS = (
    ("latin", regex.compile(r"\p{Latin}")), ("cyrillic", regex.compile(r"\p{Cyrillic}")),
    ("han", regex.compile(r"\p{Han}")), ("kana", regex.compile(r"[\p{Hiragana}\p{Katakana}]")),
    ("arabic", regex.compile(r"\p{Arabic}")), ("hangul", regex.compile(r"\p{Hangul}")),
    ("greek", regex.compile(r"\p{Greek}")), ("thai", regex.compile(r"\p{Thai}")),
    ("devanagari", regex.compile(r"\p{Devanagari}")), ("hebrew", regex.compile(r"\p{Hebrew}")),
)


@dataclass(frozen=True)
class DocContext:
    """What a unit is compared with: the document's view, the body's script, its typical line length and
    its frequent words (its function words, whatever the language)."""

    view: View
    script: str
    median_line_length: float
    frequent: frozenset


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
    totals: Counter = Counter()
    for char, count in Counter(text).items():  # each distinct character is looked up once
        script = _script_of(char)
        if script:
            totals[script] += count
    if not totals:
        return "none"
    return max(totals.items(), key=lambda item: (item[1], item[0]))[0]


@lru_cache(maxsize=1 << 16)
def _script_of(char: str) -> str:
    return next((name for name, pattern in _SCRIPTS if pattern.match(char)), "")


def doc_context(view: View, line_lengths: list[int]) -> DocContext:
    """The context every unit of one document is compared with."""
    lengths = sorted(filter(None, line_lengths))
    median = float(lengths[len(lengths) // 2]) if lengths else 0.0
    counts = Counter(words_of(view.text[:FREQUENT_SAMPLE]))
    if len(counts) > FREQUENT_WORDS:  # the counts of the most frequent words (ties included)
        cutoff = sorted(counts.values(), reverse=True)[FREQUENT_WORDS - 1]
        frequent = frozenset(w for w, n in counts.items() if n >= cutoff)
    else:
        frequent = frozenset(counts)
    return DocContext(view, dominant_script(view.text[:SCRIPT_SAMPLE]), median, frequent)


def unit_features(original: str, unit: Unit, hits: list[Hit], ctx: DocContext) -> Features:
    """Features of one unit; `hits` are the rule hits that overlap it."""
    raw, folded, view_start, view_end = _unit_texts(original, unit, ctx.view)
    n_chars = len(original[unit.start:unit.end].strip())
    words = words_of(folded)
    n_words = len(words)
    upper, letters, digits, alnum, punct = _char_counts(raw)
    script = dominant_script(raw)
    ends_terminal = bool(raw) and raw[-1] in _TERMINAL
    before = original[unit.start - 1] if unit.start > 0 else ""
    coverage, term_weight, line_rule, span_rule = _rule_evidence(unit, hits, original)
    numeric = (
        math.log1p(n_chars) / 6.0,
        math.log1p(n_words) / 4.0,
        float(ends_terminal),
        float(bool(raw) and raw[0].isupper()),
        upper / (letters or 1),
        digits / max(len(raw), 1),
        punct / max(len(raw), 1),
        min(len(_CAMEL.findall(raw)), 5) / 5.0,
        min(len(_URL.findall(folded)), 3) / 3.0 if _URL_HINT.search(folded) else 0.0,
        _overlap(words, ctx.view.text, view_start, view_end),
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
        sum(map(ctx.frequent.__contains__, words)) / n_words if n_words else 0.0,
    )
    hashed = _hashed_tokens(words, hits, script if script == ctx.script else f"{script}-in-{ctx.script}")
    return Features(numeric, hashed, ends_terminal and n_words >= 6, n_words)


def words_of(text: str) -> list[str]:
    """The words of a folded text, as a \\w+ scan finds them but several times faster: the separators that
    join words in URLs, names and glued anchors become spaces ("ankara'da", "buy-pills.com/x"), the text is
    split at white space and the edge punctuation of each token is stripped. Punctuation inside a token stays
    ("c!alis"): replacing all punctuation with spaces is twice as fast but cost the model 7 article lines on
    the held-out and spliced sets."""
    for separator in _WORD_JOINERS:
        if separator in text:
            text = text.replace(separator, " ")
    words = [token.strip(_EDGE_PUNCT) for token in text.split()]
    return [w for w in words if w] if "" in words else words


def _unit_texts(original: str, unit: Unit, view: View) -> tuple[str, str, int, int]:
    """The unit's original text and its folded text (a slice of the view), stripped and sampled if long,
    and the unit's span in the view."""
    view_start, view_end = view.from_original(unit.start, unit.end)
    raw = _sample(original[unit.start:unit.end].strip())
    folded = _sample(view.text[view_start:view_end].strip())
    return raw, folded, view_start, view_end


def _sample(text: str) -> str:
    """A long unit is article-shaped already: its head and tail suffice."""
    return f"{text[:SAMPLE_HEAD]} {text[-SAMPLE_TAIL:]}" if len(text) > SAMPLE_HEAD + SAMPLE_TAIL else text


def _char_counts(raw: str) -> tuple[int, int, int, int, int]:
    """Upper-case letters, letters, digits, letters-or-digits and punctuation in `raw`."""
    if raw.isascii():
        data = raw.encode("ascii")
        size = len(data)
        upper = size - len(data.translate(None, _ASCII_UPPER))
        letters = size - len(data.translate(None, _ASCII_LETTERS))
        digits = size - len(data.translate(None, _ASCII_DIGITS))
        other = size - len(data.translate(None, _ASCII_SPACE)) + data.count(b"_")
        return upper, letters, digits, letters + digits, size - letters - digits - other
    totals = [0, 0, 0, 0, 0]  # upper, letters, digits, alnum, blank-or-underscore
    for char, count in Counter(raw).items():  # a few dozen distinct characters, each classified once
        for i, flag in enumerate(_char_class(char)):
            if flag:
                totals[i] += count
    upper, letters, digits, alnum, other = totals
    return upper, letters, digits, alnum, len(raw) - alnum - other


@lru_cache(maxsize=1 << 16)
def _char_class(char: str) -> tuple[bool, bool, bool, bool, bool]:
    return char.isupper(), char.isalpha(), char.isdecimal(), char.isalnum(), char.isspace() or char == "_"


def _overlap(words: list[str], view_text: str, start: int, end: int) -> float:
    """The share of the unit's long words that the rest of the document uses too."""
    long_words = [w for w in dict.fromkeys(words) if len(w) > 2][:OVERLAP_WORDS]
    if not long_words:
        return 0.0
    find = view_text.find
    return sum(1 for w in long_words if find(w, 0, start) >= 0 or find(w, end) >= 0) / len(long_words)


@lru_cache(maxsize=1 << 17)
def _word_hashes(word: str) -> tuple[int, tuple[int, ...]]:
    """The hash of the word's own token and of its character trigrams."""
    padded = f"<{word}>"
    grams = [padded[i:i + 3] for i in range(len(padded) - 2)] if len(padded) > 3 else [padded]
    return _hash(f"w:{word}"), tuple(_hash(f"c:{g}") for g in grams)


@lru_cache(maxsize=4096)  # rule ids and script names repeat in every document
def _hash(token: str) -> int:
    return zlib.crc32(token.encode("utf-8", "surrogatepass")) & (N_HASHED - 1)


def _hashed_tokens(words: list[str], hits: list[Hit], script_token: str) -> tuple[int, ...]:
    """Hashed indexes of the unit's tokens: words, word pairs, character trigrams, rule ids and script."""
    pairs = [_word_hashes(w) for w in words[:TOKEN_WORDS]]
    hashed = [own for own, _ in pairs]
    # A word pair's index mixes its two word indexes (no string building: this runs for every unit).
    hashed += [(a * 0x9E3779B1 + b * 31 + 7) & (N_HASHED - 1)
               for a, b in zip(hashed[:PAIR_WORDS], hashed[1:PAIR_WORDS + 1])]
    for _, grams in pairs[:CHAR_GRAM_WORDS]:
        hashed += grams
    hashed += [_hash(f"r:{h.rule.id}") for h in hits]
    hashed.append(_hash(f"s:{script_token}"))
    return tuple(hashed)


def _rule_evidence(unit: Unit, hits: list[Hit], original: str) -> tuple[float, float, float, float]:
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
    alnum = sum(map(str.isalnum, original[unit.start:unit.end])) or 1
    return min(covered / alnum, 1.0), term_weight, line_rule, span_rule

