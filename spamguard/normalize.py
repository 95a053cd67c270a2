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
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress


# Characters that render as nothing; spammers put them inside words to break matching.
INVISIBLE = frozenset("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u200b\u200c\u200d\u200e"
                      "\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068"
                      "\u2069\u206a\u206b\u206c\u206d\u206e\u206f\u3164\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05"
                      "\ufe06\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f\ufeff\uffa0")
# What a reader sees as nothing: Unicode white space and the invisible characters (for str.strip(BLANK)).
BLANK = " \t\n\r\v\f\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009" \
        "\u200a\u2028\u2029\u202f\u205f\u3000" + "".join(sorted(INVISIBLE))
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")  # exactly what str.splitlines() splits on
_ASCII_BREAKS = "".join(sorted(c for c in LINE_BREAKS if c.isascii() and c != "\n"))  # folded to "\n" in ASCII text
SPECIAL = {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"}
# Typographic quotes and dashes fold to ASCII: rules list both forms anyway, and without them 97 % of the
# benchmark articles' views fit in one byte per character, which every later scan runs faster on.
SPECIAL.update({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})

CYRILLIC_LOOKALIKES = str.maketrans("аеорсхуікј", "aeopcxyikj")
LEET = str.maketrans("013457@$", "oieastas")
# The view's own patterns use the standard library's re, which is faster for these simple scans; rules use regex.
# A run of digits (or @, $) with a letter before or after it: a word with digits in it, not a number.
# It starts with the digit class so the search skips ahead fast; the lookbehinds keep it linear.
_LEET_CANDIDATE = re.compile(r"[0-9@$](?<![0-9@$].)(?:(?<=[^\W\d_].)|[0-9@$]*(?=[^\W\d_]))")
_CYRILLIC_LOOKALIKES = frozenset("аеорсхуікј")
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")
_LOOKALIKE = re.compile(r"[a-z][аеорсхуікј]|[аеорсхуікј][a-z]")  # look-alikes touching Latin
_HAS_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[a-z]")
_WORD_RIGHT = re.compile(r"[\w@$]+")
_SPACED_LETTERS = re.compile(r"(?<!\S)(?:\w )(?:\w ){2,}\w(?!\S)")
_SPACED_HINTS = (re.compile(r" \w \w \w"), re.compile(r"\n\w \w \w"))  # literal-led: fast to search
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

    def from_original(self, start: int, end: int) -> tuple[int, int]:
        """The [start, end) span of the view whose characters came from the original span [start, end)."""
        if self.offsets is None:
            return start, end
        return bisect_left(self.offsets, start), bisect_left(self.offsets, end)


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
    return unicodedata.normalize("NFC", "".join(out))  # recomposes what is not an accent (Hangul syllables)


def fold(text: str) -> str:
    """The folded text alone (used for lexicon phrases, which need no map)."""
    return view(text).text


def view(text: str) -> View:
    """Build the matching view of `text`."""
    distinct = set() if text.isascii() else set(_ASCII_RUNS.sub("", text))
    changed = {c: f for c in distinct if (f := fold_char(c)) != c}
    changed.update((c, "\n") for c in _ASCII_BREAKS if c in text)
    folded = _replace_all(text, changed) if changed else text
    folded = folded.lower()  # folded characters are lower-case already; this is for ASCII
    offsets = None
    resized = {c for c, f in changed.items() if len(f) != 1}
    if resized:
        offsets = _offsets(text, resized)
    has_lookalikes = not _CYRILLIC_LOOKALIKES.isdisjoint("".join(changed.get(c, c) for c in distinct))
    folded = _fold_words(folded, has_lookalikes)
    if "  " not in folded and "\t" not in folded and not _has_spaced_letters(folded):
        return View(folded, offsets)
    return _squeeze_spaces(folded, offsets)


def _replace_all(text: str, changed: dict[str, str]) -> str:
    """`text` with every key of `changed` replaced (a few str.replace calls beat one dict translate)."""
    if len(changed) > 8 or any(ch in changed for f in changed.values() for ch in f):
        return text.translate({ord(c): f for c, f in changed.items()})
    for char, folded in changed.items():
        text = text.replace(char, folded)
    return text


def _has_spaced_letters(folded: str) -> bool:
    # The cheap literal-led hints find every candidate; the exact pattern confirms one.
    if all(h.search(folded) is None for h in _SPACED_HINTS) and _SPACED_LETTERS.match(folded) is None:
        return False
    return _SPACED_LETTERS.search(folded) is not None


def _offsets(text: str, resized: set[str]) -> array:
    """For each folded character, its original offset, where the characters in `resized` fold to 0 or 2+."""
    pieces: list = []
    previous = 0
    for m in re.finditer("[" + "".join(re.escape(c) for c in sorted(resized)) + "]", text):
        pieces.append(range(previous, m.start()))
        pieces.append((m.start(),) * len(fold_char(m.group())))
        previous = m.end()
    pieces.append(range(previous, len(text)))
    return array("q", chain.from_iterable(pieces))


def _fold_words(folded: str, has_lookalikes: bool) -> str:
    """Length-preserving folds inside words: Cyrillic look-alikes in Latin words, leetspeak digits.

    Both start from the rare character (a digit, a look-alike) and widen to its word, so the cost is linear.
    """
    chars = _fold_inside_words(folded, None, _LEET_CANDIDATE, _HAS_LETTER, LEET)
    if has_lookalikes:
        chars = _fold_inside_words(folded, chars, _LOOKALIKE, _LATIN_LETTER, CYRILLIC_LOOKALIKES)
    return folded if chars is None else "".join(chars)


def _fold_inside_words(folded: str, chars: list[str] | None, seed, needs, table: dict) -> list[str] | None:
    """Translate with `table` every word around a `seed` match that `needs` a character of: the characters of
    `folded` as a list (`chars` if given, made on the first change), or None while nothing changed."""
    for m in seed.finditer(folded):
        start, end = _word_around(folded, m.start(), m.end())
        word = folded[start:end]
        if needs.search(word):
            chars = chars or list(folded)
            chars[start:end] = word.translate(table)
    return chars


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_@$"):
        start -= 1
    m = _WORD_RIGHT.match(text, end)
    return start, m.end() if m else end


def _squeeze_spaces(folded: str, offsets: array | None) -> View:
    """Join runs like 'p o r n o' into 'porno' and make every run of spaces one space, keeping the map in step."""
    keep = bytearray(b"\x01") * len(folded)
    for m in _SPACED_LETTERS.finditer(folded):
        for i in range(m.start() + 1, m.end(), 2):
            keep[i] = 0
    for m in _WIDE_SPACE.finditer(folded):
        if m.group() != "\t":
            keep[m.start() + 1:m.end()] = bytes(m.end() - m.start() - 1)
    kept_offsets = array("q", compress(offsets if offsets is not None else range(len(folded)), keep))
    return View("".join(compress(folded, keep)).replace("\t", " "), kept_offsets)
