"""The matching view of a text: what rules see, with a map back to the original offsets.

Spammers dodge filters with look-alike characters, invisible characters, leetspeak and spaced-out letters.
Rules match on a folded view instead of the original: NFKC, case-folded, accents removed, zero-width and
bidi controls dropped, Cyrillic look-alikes inside Latin words and digits inside words folded to letters,
s p a c e d letters joined, runs of spaces made one. Every line break becomes "\\n" so `^`/`$` work per line. The map gives, for each
character of the view, the offset of the original character it came from, so a match in the view is a span
of the original.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

import regex

# Characters that render as nothing; spammers put them inside words to break matching.
INVISIBLE = frozenset("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u200b\u200c\u200d\u200e"
                      "\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068"
                      "\u2069\u206a\u206b\u206c\u206d\u206e\u206f\u3164\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05"
                      "\ufe06\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f\ufeff\uffa0")
# What a reader sees as nothing: Unicode white space and the invisible characters (for str.strip(BLANK)).
BLANK = " \t\n\r\v\f\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009" \
        "\u200a\u2028\u2029\u202f\u205f\u3000" + "".join(sorted(INVISIBLE))
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")  # exactly what str.splitlines() splits on
SPECIAL = {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"}

CYRILLIC_LOOKALIKES = str.maketrans("аеорсхуікј", "aeopcxyikj")
LEET = str.maketrans("013457@$", "oieastas")
# The view's own patterns use the standard library's re, which is faster for these simple scans; rules use regex.
_LEET_SEED = re.compile(r"[0-9@$]+")
_CYRILLIC_LOOKALIKE = re.compile(r"[аеорсхуікј]")
_LOOKALIKE = re.compile(r"[a-z][аеорсхуікј]|[аеорсхуікј][a-z]")  # look-alikes touching Latin
_HAS_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[a-z]")
_WORD_RIGHT = re.compile(r"[\w@$]+")
_SPACED_LETTERS = re.compile(r"(?<!\S)(?:\w )(?:\w ){2,}\w(?!\S)")
_WIDE_SPACE = re.compile(r"[ \t]{2,}|\t")


@dataclass(frozen=True)
class View:
    """A folded copy of `original` and, for each of its characters, the original offset it came from."""

    text: str
    offsets: array | None  # None when the view is character-for-character aligned with the original

    def to_original(self, start: int, end: int, original_length: int) -> tuple[int, int]:
        """Map a [start, end) span of the view to the smallest original span holding its characters."""
        if self.offsets is None:
            return start, end
        if start >= len(self.text):
            return original_length, original_length
        orig_start = self.offsets[start]
        orig_end = self.offsets[end - 1] + 1 if end > start else orig_start
        return orig_start, orig_end


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """The folded form of one character ('' for invisible characters)."""
    if char in LINE_BREAKS:
        return "\n"
    if char in INVISIBLE:
        return ""
    folded = unicodedata.normalize("NFKC", char).casefold()
    out = []
    for c in unicodedata.normalize("NFD", folded):
        if unicodedata.combining(c):
            continue
        out.append(SPECIAL.get(c, c))
    return "".join(out)


def fold(text: str) -> str:
    """The folded text alone (used for lexicon phrases, which need no map)."""
    return view(text).text


def view(text: str) -> View:
    """Build the matching view of `text`."""
    changed = {c: f for c in set(text) if (not c.isascii() or c in LINE_BREAKS) and (f := fold_char(c)) != c}
    folded = text.translate({ord(c): f for c, f in changed.items()}) if changed else text
    folded = folded.lower()  # folded characters are lower-case already; this is for ASCII
    offsets = None
    resized = {c for c, f in changed.items() if len(f) != 1}
    if resized:
        offsets = _offsets(text, resized)
    folded = _fold_words(folded)
    if "  " not in folded and "\t" not in folded and _SPACED_LETTERS.search(folded) is None:
        return View(folded, offsets)
    return _squeeze_spaces(folded, offsets)


def _offsets(text: str, resized: set[str]) -> array:
    """For each folded character, its original offset, where the characters in `resized` fold to 0 or 2+."""
    offsets = array("q")
    previous = 0
    pattern = regex.compile("|".join(regex.escape(c) for c in sorted(resized)))
    for m in pattern.finditer(text):
        offsets.extend(range(previous, m.start()))
        offsets.extend([m.start()] * len(fold_char(m.group())))
        previous = m.end()
    offsets.extend(range(previous, len(text)))
    return offsets


def _fold_words(folded: str) -> str:
    """Length-preserving folds inside words: Cyrillic look-alikes in Latin words, leetspeak digits.

    Both start from the rare character (a digit, a look-alike) and widen to its word, so the cost is linear.
    """
    chars = None
    for m in _LEET_SEED.finditer(folded):
        before = folded[m.start() - 1] if m.start() else " "
        after = folded[m.end()] if m.end() < len(folded) else " "
        if not (before.isalpha() or after.isalpha()):
            continue  # a number, not a word with digits in it
        start, end = _word_around(folded, m.start(), m.end())
        word = folded[start:end]
        if _HAS_LETTER.search(word):
            chars = chars or list(folded)
            chars[start:end] = word.translate(LEET)
    if not folded.isascii() and _CYRILLIC_LOOKALIKE.search(folded):
        for m in _LOOKALIKE.finditer(folded):
            start, end = _word_around(folded, m.start(), m.end())
            word = folded[start:end]
            if _LATIN_LETTER.search(word):
                chars = chars or list(folded)
                chars[start:end] = word.translate(CYRILLIC_LOOKALIKES)
    return folded if chars is None else "".join(chars)


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_@$"):
        start -= 1
    m = _WORD_RIGHT.match(text, end)
    return start, m.end() if m else end


def _squeeze_spaces(folded: str, offsets: array | None) -> View:
    """Join runs like 'p o r n o' into 'porno' and make every run of spaces one space, keeping the map in step."""
    if offsets is None:
        offsets = array("q", range(len(folded)))
    drop: list[tuple[int, int]] = []  # [start, end) ranges of the view to leave out
    for m in _SPACED_LETTERS.finditer(folded):
        drop.extend((i, i + 1) for i in range(m.start() + 1, m.end(), 2))
    for m in _WIDE_SPACE.finditer(folded):
        if m.group() == "\t":
            continue
        drop.append((m.start() + 1, m.end()))
    text_parts, offset_parts, position = [], array("q"), 0
    for start, end in sorted(drop):
        if start < position:
            start = position
        text_parts.append(folded[position:start])
        offset_parts.extend(offsets[position:start])
        position = max(position, end)
    text_parts.append(folded[position:])
    offset_parts.extend(offsets[position:])
    return View("".join(text_parts).replace("\t", " "), offset_parts)
