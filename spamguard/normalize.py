"""The matching view of a text: what rules see, with a map back to the original offsets.

Spammers dodge filters with look-alike characters, invisible characters, leetspeak and spaced-out letters.
Rules match on a folded view instead of the original: NFKC, case-folded, accents removed, zero-width and
bidi controls dropped, Cyrillic look-alikes inside Latin words and digits inside words folded to letters,
s p a c e d letters joined, runs of spaces made one. Every line break becomes "\\n" so `^`/`$` work per line.
The map gives, for each character of the view, the offset of the original character it came from, so a match
in the view is a span of the original.
"""
from __future__ import annotations

import heapq
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from .segment import LOOKALIKE_LETTERS, offset_typecode

# Characters that render as nothing; spammers put them inside words to break matching.
INVISIBLE = frozenset("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u200b\u200c\u200d\u200e"
                      "\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068"
                      "\u2069\u206a\u206b\u206c\u206d\u206e\u206f\u3164\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05"
                      "\ufe06\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f\ufeff\uffa0")
# What a reader sees as nothing: Unicode white space and the invisible characters (for str.strip(BLANK)).
BLANK = " \t\n\r\v\f\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009" \
        "\u200a\u2028\u2029\u202f\u205f\u3000" + "".join(sorted(INVISIBLE))
# Every character str.isspace() holds (tests/test_judge.py checks the list).
WHITE_SPACE = "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" \
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
NOT_WHITE_SPACE = regex.compile(f"[^{regex.escape(WHITE_SPACE)}]")  # what str.strip keeps
_LAST_NOT_WHITE_SPACE = regex.compile(NOT_WHITE_SPACE.pattern, flags=regex.REVERSE)
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")  # exactly what str.splitlines() splits on
_ASCII_BREAKS = "".join(sorted(c for c in LINE_BREAKS if c.isascii() and c != "\n"))  # folded to "\n" in ASCII text
SPECIAL = {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"}
# Typographic quotes and dashes fold to ASCII: rules list both forms anyway, and without them 97 % of the
# benchmark articles' views fit in one byte per character, which every later scan runs faster on.
SPECIAL.update({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})

CYRILLIC_LOOKALIKES = str.maketrans(LOOKALIKE_LETTERS, "aeopcxyikj")
LEET = str.maketrans("013457@$", "oieastas")
# The view's own patterns use the standard library's re, which is faster for these simple scans; rules use regex.
# A run of digits (or @, $) with a letter before or after it: a word with digits in it, not a number.
# It starts with the digit class so the search skips ahead fast; the lookbehinds keep it linear.
_LEET_CANDIDATE = re.compile(r"[0-9@$](?<![0-9@$].)(?:(?<=[^\W\d_].)|[0-9@$]*(?=[^\W\d_]))")
_CYRILLIC_LOOKALIKES = frozenset(LOOKALIKE_LETTERS)
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")
_NON_ASCII_PIECE = 1 << 16
# A run of Cyrillic letters at a word's edge that is a word of its own glued on (four letters or more): "com|русское",
# where a Latin word in disguise mixes look-alikes in ("vоluntееrs", "роrnо").
_CYRILLIC_EDGES = re.compile(r"[\u0400-\u04ff]{4,}")
GLUED_WORD_RUN = 64  # the longest Cyrillic run at a word's end looked for
_LOOKALIKE = re.compile(f"[a-z][{LOOKALIKE_LETTERS}]|[{LOOKALIKE_LETTERS}][a-z]")  # look-alikes touching Latin
HAS_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[a-z]")
_WORD_RIGHT = re.compile(r"[\w@$]+")
# Letters spelt apart ("p o r n o"), found a few hundred letters at a time: the engine keeps state for every
# repeat of a group, so one match over a megabyte of spaced letters took 30 bytes a character.
_SPACED_LETTERS = re.compile(r"(?<!\S)(?:\w ){3,200}\w(?!\S)")
_MORE_SPACED_LETTERS = re.compile(r"(?:\w ){0,200}\w(?!\S)")  # a run going on after " "
_SPACED_HINTS = (re.compile(r" \w \w \w"), re.compile(r"\n\w \w \w"))  # literal-led: fast to search
# A run of two spaces or tabs or more, or a lone tab ("[ \t]{2,}|\t"), led by one character class so that the
# scan skips ahead to the next space or tab instead of trying the pattern at every position.
_WIDE_SPACE = re.compile(r"[ \t](?:[ \t]+|(?<=\t))")


@dataclass(frozen=True)
class OffsetMap:
    """Where each view character came from, as runs rather than one entry per character.

    From view position `view_starts[i]` on (up to the next run), characters come from the original offsets
    `orig_starts[i]`, `orig_starts[i] + 1`, ... (step 1: copied characters), or all from `orig_starts[i]`
    (step 0: one original character that folded to several). Dropped characters are the gaps between runs.
    The map is monotone, so both directions are a binary search over a handful of runs.
    """

    view_starts: array[int]
    orig_starts: array[int]
    steps: bytes
    length: int  # of the view

    def original(self, position: int) -> int:
        """The original offset of view character `position` (0 <= position < length)."""
        i = bisect_right(self.view_starts, position) - 1
        return self.orig_starts[i] + (position - self.view_starts[i]) * self.steps[i]

    def first_at_or_after(self, offset: int) -> int:
        """The first view position whose character came from `offset` or later (`length` if none)."""
        i = bisect_left(self.orig_starts, offset)
        if i > 0 and self.steps[i - 1]:  # inside the copied run that starts before `offset`?
            position = self.view_starts[i - 1] + offset - self.orig_starts[i - 1]
            if position < (self.view_starts[i] if i < len(self.view_starts) else self.length):
                return position
        return self.view_starts[i] if i < len(self.view_starts) else self.length

    def runs(self, start: int, end: int) -> Iterator[tuple[int, int, int]]:
        """The runs (view start, original start, step) covering view positions [start, end), cut to them."""
        i = bisect_right(self.view_starts, start) - 1
        yield start, self.original(start), self.steps[i]
        for j in range(i + 1, len(self.view_starts)):
            if self.view_starts[j] >= end:
                break
            yield self.view_starts[j], self.orig_starts[j], self.steps[j]


class _Runs:
    """An OffsetMap being built, run by run, into arrays (a text of a million dropped characters has a million
    runs: tuples of them would take 20 times the memory)."""

    def __init__(self, longest: int) -> None:
        typecode = offset_typecode(longest)  # 9 bytes a run for any text under 2 G characters
        self.view_starts, self.orig_starts, self.steps = array(typecode), array(typecode), bytearray()

    def add(self, view_start: int, orig_start: int, step: int) -> None:
        self.view_starts.append(view_start)
        self.orig_starts.append(orig_start)
        self.steps.append(step)

    def offset_map(self, length: int) -> OffsetMap:
        if not self.steps:
            self.add(0, 0, 1)
        return OffsetMap(self.view_starts, self.orig_starts, bytes(self.steps), length)


class Joiner:
    """Pieces of a text joined a few thousand at a time, so a text cut into a million pieces never holds a list of a
    million strings."""

    def __init__(self) -> None:
        self.joined: list[str] = []
        self.pieces: list[str] = []

    def add(self, piece: str) -> None:
        self.pieces.append(piece)
        if len(self.pieces) >= 4096:
            self.joined.append("".join(self.pieces))
            self.pieces.clear()

    def text(self) -> str:
        return "".join(self.joined) + "".join(self.pieces)


@dataclass(frozen=True)
class View:
    """A folded copy of `original` and, for its characters, the original offsets they came from."""

    text: str
    offsets: OffsetMap | None  # None when the view is character-for-character aligned with the original

    def to_original(self, start: int, end: int, original_length: int) -> tuple[int, int]:
        """Map a [start, end) span of the view to the smallest original span holding its characters."""
        if self.offsets is None:
            return start, end
        if start >= len(self.text):
            return original_length, original_length
        orig_start = self.offsets.original(start)
        orig_end = self.offsets.original(end - 1) + 1 if end > start else orig_start
        return orig_start, orig_end

    def from_original(self, start: int, end: int) -> tuple[int, int]:
        """The [start, end) span of the view whose characters came from the original span [start, end)."""
        if self.offsets is None:
            return start, end
        return self.offsets.first_at_or_after(start), self.offsets.first_at_or_after(end)


def stripped_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) of `text` with the white space at its edges (as `str.strip` sees it) left out; empty, at
    `start`, for a blank piece. Nothing is copied, however long the piece.

    >>> stripped_span(" ab \\n", 0, 5), stripped_span("a  \\t", 1, 4)
    ((1, 3), (1, 1))
    """
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return start, end  # the usual case: nothing to strip, no search
    first = NOT_WHITE_SPACE.search(text, start, end)
    if first is None:
        return start, start
    last = _LAST_NOT_WHITE_SPACE.search(text, start, end)
    return first.start(), last.end() if last else end


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
    """The folded text alone (used for lexicon phrases, which need no map).

    >>> fold("FREE V1AGRA p\\u200bills")  # case, a leetspeak digit inside a word, a zero-width space
    'free viagra pills'
    """
    return view(text).text


def fold_lines(lines: list[str]) -> list[str]:
    """Each line folded, as `fold` folds it, in one view of them all: a view has a set-up cost of its own, and
    folding the lexicon's 2,840 phrases one by one took 50 ms of every start. No fold reaches across a line break,
    so a line folds the same alone or among others; a line that folds to several lines (a line-break character
    within it) is folded alone.

    >>> fold_lines(["FREE V1AGRA", "Caf\u00e9 au  lait", ""])
    ['free viagra', 'cafe au lait', '']
    """
    folded = fold("\n".join(lines)).split("\n")
    return folded if len(folded) == len(lines) else list(map(fold, lines))


def view(text: str) -> View:
    """Build the matching view of `text`.

    A match in the view maps back to the original span it came from, invisible characters included:

    >>> text = "Buy c\\u200ba\\u200bsino chips"
    >>> v = view(text)
    >>> v.text
    'buy casino chips'
    >>> start = v.text.index("casino")
    >>> v.to_original(start, start + len("casino"), len(text))
    (4, 12)
    >>> v.from_original(4, 12) == (start, start + len("casino"))
    True
    """
    distinct = set() if text.isascii() else _non_ascii(text)
    changed = {c: f for c in distinct if (f := fold_char(c)) != c}
    changed.update((c, "\n") for c in _ASCII_BREAKS if c in text)
    folded = _replace_all(text, changed) if changed else text
    folded = folded.lower()  # folded characters are lower-case already; this is for ASCII
    offsets = None
    resized = {c for c, f in changed.items() if len(f) != 1}
    if resized:
        offsets = _offsets(text, resized, len(folded))
    has_lookalikes = not _CYRILLIC_LOOKALIKES.isdisjoint("".join(changed.get(c, c) for c in distinct))
    folded = _fold_words(folded, has_lookalikes)
    spaced = _has_spaced_letters(folded)
    if "  " not in folded and "\t" not in folded and not spaced:
        return View(folded, offsets)
    return _squeeze_spaces(folded, offsets, spaced, len(text))


def _replace_all(text: str, changed: dict[str, str]) -> str:
    """`text` with every key of `changed` replaced (a few str.replace calls beat one dict translate)."""
    if len(changed) > 8 or any(ch in changed for f in changed.values() for ch in f):
        return text.translate({ord(c): f for c, f in changed.items()})
    for char, folded in changed.items():
        text = text.replace(char, folded)
    return text


def _non_ascii(text: str) -> set[str]:
    """The distinct non-ASCII characters of `text`, read 64K characters at a time (a text of a million short
    non-ASCII runs made a list of a million pieces).

    >>> sorted(_non_ascii("café au lait, naïve"))
    ['é', 'ï']
    """
    distinct: set[str] = set()
    for start in range(0, len(text), _NON_ASCII_PIECE):
        distinct.update(_ASCII_RUNS.sub("", text[start:start + _NON_ASCII_PIECE]))
    return distinct


def _has_spaced_letters(folded: str) -> bool:
    # The cheap literal-led hints find every candidate; the exact pattern confirms one.
    if all(h.search(folded) is None for h in _SPACED_HINTS) and _SPACED_LETTERS.match(folded) is None:
        return False
    return _SPACED_LETTERS.search(folded) is not None


def _spaced_runs(folded: str) -> Iterator[tuple[int, int]]:
    """[start, end) of each run of spaced letters, as long as it goes.

    >>> text = "a " * 450 + "b. x y z w"
    >>> list(_spaced_runs(text)), len(text)
    ([(0, 899), (903, 910)], 910)
    """
    position = 0
    while (m := _SPACED_LETTERS.search(folded, position)) is not None:
        start, end = m.span()
        while folded.startswith(" ", end) and (more := _MORE_SPACED_LETTERS.match(folded, end + 1)) is not None:
            end = more.end()
        yield start, end
        position = end


def _offsets(text: str, resized: set[str], length: int) -> OffsetMap:
    """The map of a view of `length` characters in which the characters in `resized` fold to 0 or 2+."""
    runs = _Runs(max(len(text), length))
    position = previous = 0
    for m in re.finditer("[" + "".join(re.escape(c) for c in sorted(resized)) + "]", text):
        if m.start() > previous:
            runs.add(position, previous, 1)
            position += m.start() - previous
        size = len(fold_char(m.group()))
        if size:
            runs.add(position, m.start(), 0)
            position += size
        previous = m.end()
    if len(text) > previous or not runs.steps:
        runs.add(position, previous, 1)
    return runs.offset_map(length)


def _fold_words(folded: str, has_lookalikes: bool) -> str:
    """Length-preserving folds inside words: leetspeak digits, then Cyrillic look-alikes in Latin words.

    Both start from the rare character (a digit, a look-alike) and widen to its word, so the cost is linear.
    """
    folded = _fold_inside_words(folded, _LEET_CANDIDATE, HAS_LETTER, LEET)
    if has_lookalikes:
        folded = _fold_inside_words(folded, _LOOKALIKE, _LATIN_LETTER, CYRILLIC_LOOKALIKES, _CYRILLIC_EDGES)
    return folded


def _fold_inside_words(folded: str, seed: re.Pattern[str], needs: re.Pattern[str], table: dict[int, int],
                       edges: re.Pattern[str] | None = None) -> str:
    """`folded` with every word around a `seed` match that `needs` a character of translated by `table`, but for
    the word's start and end that `edges` matches (a word glued on: "com|русское" is no disguised Latin)."""
    pieces = Joiner()
    previous = 0
    for m in seed.finditer(folded):
        if m.start() < previous:
            continue  # in the word just folded
        start, end = _word_around(folded, m.start(), m.end())
        start = max(start, previous)
        if edges is not None:  # the seed's Latin letter is never in an edge: it stays within [start, end)
            start, end = _within_edges(folded, start, end, edges)
        word = folded[start:end]
        if needs.search(word):
            pieces.add(folded[previous:start])
            pieces.add(word.translate(table))
            previous = end
    return pieces.text() + folded[previous:] if previous else folded


def _within_edges(text: str, start: int, end: int, edges: re.Pattern[str]) -> tuple[int, int]:
    """[start, end) without a match of `edges` at its start and one at its end.

    >>> text = "comрусское porno"
    >>> _within_edges(text, 0, 10, _CYRILLIC_EDGES), _within_edges("vоlunteers", 0, 10, _CYRILLIC_EDGES)
    ((0, 3), (0, 10))
    """
    head = edges.match(text, start, end)
    if head is not None and head.end() < end:
        start = head.end()
    tail = edges.search(text, max(start, end - GLUED_WORD_RUN), end)  # the last run: bounded, as a word glued on is
    while tail is not None and tail.end() < end:
        tail = edges.search(text, tail.end(), end)
    if tail is not None and tail.start() > start:
        end = tail.start()
    return start, end


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_@$"):
        start -= 1
    m = _WORD_RIGHT.match(text, end)
    return start, m.end() if m else end


def _squeeze_spaces(folded: str, offsets: OffsetMap | None, spaced: bool, original_length: int) -> View:
    """Join runs like 'p o r n o' into 'porno' and make every run of spaces one space, keeping the map in step."""
    spaced_drops = ((i, i + 1) for start, end in _spaced_runs(folded) for i in range(start + 1, end, 2)) \
        if spaced else iter(())  # the exact scan costs four times the hints that `spaced` comes from
    wide_drops = ((m.start() + 1, m.end()) for m in _WIDE_SPACE.finditer(folded) if m.group() != "\t")
    runs, pieces = _Runs(max(len(folded), original_length)), Joiner()
    position = previous = 0

    def keep(start: int, end: int) -> None:
        if offsets is None:
            runs.add(position, start, 1)
        else:
            for v, o, step in offsets.runs(start, end):
                runs.add(position + v - start, o, step)
        pieces.add(folded[start:end])

    for start, end in heapq.merge(spaced_drops, wide_drops):  # both come in order: merged, never sorted whole
        if start > previous:
            keep(previous, start)
            position += start - previous
        previous = max(previous, end)
    if len(folded) > previous:
        keep(previous, len(folded))
    text = pieces.text().replace("\t", " ")
    return View(text, runs.offset_map(len(text)))
