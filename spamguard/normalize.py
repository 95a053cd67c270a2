"""The matching view of a text: what rules see, with a map back to the original offsets.

Spammers dodge filters with look-alike characters, invisible characters, leetspeak and spaced-out letters.
Rules match on a folded view instead of the original: NFKC, case-folded, accents removed, zero-width and
bidi controls dropped, Cyrillic look-alikes inside Latin words and digits inside words folded to letters,
s p a c e d letters joined. Every line break becomes "\\n" so `^`/`$` work per line. The map gives, for each
character of the view, the offset of the original character it came from, so a match in the view is a span
of the original.
"""
from __future__ import annotations

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
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")  # exactly what str.splitlines() splits on
SPECIAL = {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"}

CYRILLIC_LOOKALIKES = str.maketrans("аеорсхуікј", "aeopcxyikj")
LEET = str.maketrans("013457@$", "oieastas")
_MIXED_SCRIPT_WORD = regex.compile(r"\w*(?:\p{Latin}\w*\p{Cyrillic}|\p{Cyrillic}\w*\p{Latin})\w*")
_LEET_WORD = regex.compile(r"(?<![\w@$])(?=[\w@$]*\p{L})(?=[\w@$]*[0-9@$])[\w@$]++")
_SPACED_LETTERS = regex.compile(r"(?<!\S)(?:\w )(?:\w ){2,}\w(?!\S)")


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
    if text.isascii():
        folded = text.lower()
        for br in "\r\v\f\x1c\x1d\x1e":
            if br in folded:
                folded = folded.replace(br, "\n")
        offsets = None
    else:
        pieces: list[str] = []
        offsets = array("q")
        aligned = True
        for i, char in enumerate(text):
            f = fold_char(char)
            if len(f) != 1:
                aligned = False
            pieces.append(f)
            offsets.extend([i] * len(f))
        folded = "".join(pieces)
        if aligned:
            offsets = None
    folded = _fold_words(folded)
    if _SPACED_LETTERS.search(folded) is None:
        return View(folded, offsets)
    return _join_spaced_letters(folded, offsets)


def _fold_words(folded: str) -> str:
    """Length-preserving folds inside words: Cyrillic look-alikes in Latin words, leetspeak digits."""
    if not folded.isascii():
        folded = _MIXED_SCRIPT_WORD.sub(lambda m: m.group().translate(CYRILLIC_LOOKALIKES), folded)
    return _LEET_WORD.sub(lambda m: m.group().translate(LEET), folded)


def _join_spaced_letters(folded: str, offsets: array | None) -> View:
    """Join runs like 'p o r n o' into 'porno', keeping the map in step."""
    if offsets is None:
        offsets = array("q", range(len(folded)))
    keep = bytearray(b"\x01") * len(folded)
    for m in _SPACED_LETTERS.finditer(folded):
        for i in range(m.start() + 1, m.end(), 2):
            keep[i] = 0
    text = "".join(c for c, k in zip(folded, keep) if k)
    new_offsets = array("q", (o for o, k in zip(offsets, keep) if k))
    return View(text, new_offsets)
