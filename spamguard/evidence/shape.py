"""Shape and position evidence: what a unit looks like, how it compares with the body around it, and where it
stands.

Junk has a shape (short, unpunctuated, capitalised, full of URLs or glued words), departs from the body (its own
script, words the rest of the document never uses, few of the body's function words) and stands where junk
stands (near the end, below other junk, glued after a sentence end). Character counts run in C
(bytes.translate, str methods): every document pays for its last lines' evidence.
"""
from __future__ import annotations

import math
import re
import string
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

import regex

from ..units import Document, Unit, UnitText
from ..words import another_script, word_hash, words_in_pieces

LONGEST_LINE = 4000  # characters: the longest line of the shipped model's training data has 3,198
OVERLAP_WORDS = 24  # distinct long words of a unit looked up in the rest of the document
EXACT_OVERLAP_CHARS = 60_000  # longer documents compare words by hashed counts (see _overlap)
WORD_SPANS = 4096  # words whose first and last occurrence a document keeps (see _overlap)
TERMINAL = frozenset(".!?…。！？\"'”’»)]")
_CAMEL = regex.compile(r"\p{Ll}\p{Lu}\p{Ll}")
_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|net|org|info|biz|ru|tr|id|co)\b")
URL_HINT = re.compile(r"://|www\.|\.(?:com|net|org|info|biz|ru|tr|id|co)\b")  # every _URL match holds one
_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_UPPER = string.ascii_uppercase.encode()
_ASCII_DIGITS = string.digits.encode()
_ASCII_SPACE = b" \t\n\r\v\f\x1c\x1d\x1e\x1f"
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")


class Shape(NamedTuple):
    """What the unit looks like, and how it compares with the body (all scaled to about 0..1)."""

    log_chars: float
    log_words: float
    ends_terminal: float
    starts_upper: float
    upper_ratio: float
    digit_ratio: float
    punct_ratio: float
    camel_seams: float  # lowerUpperlower seams of glued words, up to 5
    urls: float  # up to 3
    body_overlap: float  # share of its long words the rest of the document uses
    script_mismatch: float  # written in another script than the body
    relative_length: float  # its length against the body's median line length
    frequent_words: float  # share of its words among the body's most frequent words


class Position(NamedTuple):
    """Where the unit stands."""

    lines_after: float  # non-blank lines after it, up to 5, scaled
    is_last_line: float
    is_suffix: float  # the tail of a line, cut at a seam
    glued_to_sentence: float  # a tail right after a sentence end
    below_is_junk: float  # the line below it is junk


def shape_of(reading: UnitText, doc: Document, compared: bool = True) -> Shape:
    """The unit's shape, and how it departs from the body; `compared` False leaves its comparisons with the body's
    words (`body_comparisons`) at 0, for the judge to bound the score without them (`Model.probability`)."""
    raw, words = reading.raw, reading.words
    context = doc.context
    n_words = len(words)
    upper, letters, digits, _alnum, punct = _char_counts(raw)
    # a length past any line the model was trained on reads as that long: the model weighs the whole unit's length
    # but only a sample's words, so a longer line would read ever more junk-like on an extrapolation
    n_chars, median = min(reading.n_chars, LONGEST_LINE), min(context.median_line_length, LONGEST_LINE)
    overlap, frequent = body_comparisons(reading, doc) if compared else (0.0, 0.0)
    return Shape(
        math.log1p(n_chars) / 6.0,
        math.log1p(n_words) / 4.0,
        float(ends_terminal(raw)),
        float(bool(raw) and raw[0].isupper()),
        upper / (letters or 1),
        digits / max(len(raw), 1),
        punct / max(len(raw), 1),
        min(len(_CAMEL.findall(raw)), 5) / 5.0,
        min(len(_URL.findall(reading.folded)), 3) / 3.0 if URL_HINT.search(reading.folded) else 0.0,
        overlap,
        float(another_script(reading.script, context.script)),
        math.tanh(n_chars / median) if median else 1.0,
        frequent,
    )


BODY_COMPARISONS = ("body_overlap", "frequent_words")  # the Shape fields `body_comparisons` gives, each a share


def body_comparisons(reading: UnitText, doc: Document) -> tuple[float, float]:
    """The share of the unit's long words the rest of the document uses (`body_overlap`) and of its words among the
    body's most frequent (`Document.frequent_words`): the costliest of its evidence to read."""
    words = reading.words
    frequent = sum(map(doc.frequent_words.__contains__, words)) / len(words) if words else 0.0
    return body_overlap(words, doc, reading.view_start, reading.view_end), frequent


def position_of(unit: Unit, original: str) -> Position:
    """Where the unit stands in its document."""
    before = original[unit.start - 1] if unit.start > 0 else ""
    return Position(
        min(unit.lines_after, 5) / 5.0,
        float(unit.lines_after == 0),
        float(unit.is_suffix),
        float(unit.is_suffix and before in TERMINAL),
        float(unit.below_is_junk),
    )


def ends_terminal(raw: str) -> bool:
    """Whether the (stripped) text ends like a sentence or a quotation.

    >>> ends_terminal("He left."), ends_terminal("Buy now"), ends_terminal("")
    (True, False, False)
    """
    return bool(raw) and raw[-1] in TERMINAL


def _char_counts(raw: str) -> tuple[int, int, int, int, int]:
    """Upper-case letters, letters, digits, letters-or-digits and punctuation in `raw`: its ASCII characters counted
    by bytes.translate, the others (a few typographic quotes, as a rule) one distinct character at a time."""
    data = raw.encode("ascii", "ignore")
    size = len(data)
    upper = size - len(data.translate(None, _ASCII_UPPER))
    letters = size - len(data.translate(None, _ASCII_LETTERS))
    digits = size - len(data.translate(None, _ASCII_DIGITS))
    other = size - len(data.translate(None, _ASCII_SPACE)) + data.count(b"_")  # blank or underscore
    alnum = letters + digits
    if size < len(raw):
        for char, count in Counter(_ASCII_RUNS.sub("", raw)).items():
            is_upper, is_letter, is_digit, is_alnum, is_other = _char_class(char)
            upper += is_upper * count
            letters += is_letter * count
            digits += is_digit * count
            alnum += is_alnum * count
            other += is_other * count
    return upper, letters, digits, alnum, len(raw) - alnum - other


@lru_cache(maxsize=1 << 16)
def _char_class(char: str) -> tuple[bool, bool, bool, bool, bool]:
    return char.isupper(), char.isalpha(), char.isdecimal(), char.isalnum(), char.isspace() or char == "_"


def body_overlap(words: list[str], doc: Document, start: int, end: int) -> float:
    """The share of the unit's long words that the rest of the document uses too.

    Where the text outside the unit is at most EXACT_OVERLAP_CHARS long (in every real article we have, and for
    a unit that is nearly all of a long document) a word counts where it occurs as a substring outside the unit.
    Otherwise searching the text for each word of each unit would cost time quadratic in the document's size, so
    a word counts where the document's word counts (by hash slot) exceed the unit's own.
    """
    long_words = [w for w in dict.fromkeys(words) if len(w) > 2][:OVERLAP_WORDS]
    if not long_words:
        return 0.0
    view_text = doc.view.text
    if start + len(view_text) - end <= EXACT_OVERLAP_CHARS:
        # A word occurs before the unit when its first occurrence ends by `start`, after it when its last starts
        # at `end` or later: both are kept per document, since the units judged (a line, then the pieces of its
        # tail) share most of their words. The last is looked for only when the first is not before the unit.
        spans = doc.word_spans
        found = 0
        absent = len(view_text) + 1  # the first occurrence's end of a word the view lacks
        for w in long_words:
            span = spans.get(w)
            if span is None:
                first = view_text.find(w)
                span = (first + len(w) if first >= 0 else absent, None)
                if len(spans) < WORD_SPANS:
                    spans[w] = span
            if span[0] <= start:
                found += 1
                continue
            last = span[1]
            if last is None:
                last = view_text.rfind(w)
                if w in spans:
                    spans[w] = (span[0], last)
            found += last >= end
        return found / len(long_words)
    counts = doc.word_counts
    wanted = set(long_words)
    own = Counter(w for w in words_in_pieces(view_text, start, end) if w in wanted)
    return sum(1 for w in long_words if counts[word_hash(w)] > own[w]) / len(long_words)
