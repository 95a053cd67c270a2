"""The units of a document: what the judge scores and what training learns from.

A unit is a whole line or a piece of one line ([start, end) of the original text): the tail of a line from one
of its seams (a suffix), the head of a line up to a seam, or the piece between two seams. The cleaner and
training build units with the same functions here, so the examples the model learns from are the units it is
asked about: `Document.line_unit` for lines, `Document.seams` for where a line may be cut, and `suffix`,
`head` and `piece` for the sub-line units. `training_units` enumerates every unit the cleaner can ask about
near a document's end (and on every line a rule fired on); the cleaner asks about them lazily, walking up from
the end, and stops where the article begins.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import accumulate, compress, count, islice
from operator import countOf, lt, sub

from .hits import Hits
from .normalize import BLANK, View
from .rules import Hit
from .segment import Line, Lines, Segment, glued_junk_seams, offset_typecode, split_lines, split_segments
from .windows import Window
from .words import another_script, dominant_script, latin_letters_beyond_ascii, word_hash_counts, words_of

TRAILER_ZONE = 10  # non-blank lines from the end whose sub-line units training learns from
FREQUENT_WORDS = 40
FREQUENT_SAMPLE = 1000  # characters at the document's start whose most frequent words are its frequent words
SCRIPT_SAMPLE = 1500  # characters of the document used to find the body's script
SAMPLE_HEAD, SAMPLE_TAIL = 300, 100  # characters of a long unit its evidence looks at
# A glued tail is short: seams are looked for in a line's last TAIL_WINDOW characters, at most MAX_TAIL_SEGMENTS
# of them (the rest of the line is its head). This bounds the sub-line units of a line, whatever its length and
# however many rule hits it holds, so judging a line costs time linear in its length.
TAIL_WINDOW = 1000
MAX_TAIL_SEGMENTS = 40
# What injected spam carries and a short article line rarely does: a link (a URL, a domain, an e-mail address; not
# a handle, which embedded posts are full of). Outside the trailer the judge asks about a short line with one even
# when no rule fired on it. A domain is
# found by its dot and checked against LINK_DOMAINS in Python (one alternation of 48 endings scans ten times slower).
LINK = re.compile(r"\.([a-zA-Z]{2,7})\b|://")
LINK_LINE_CHARS = 100  # a longer line with a link is a sentence citing its source, not an injected link line
# A line of four items or more separated by " | " is a list of anchors or a menu up to this long, not a paragraph
ANCHOR_LIST_CHARS, ANCHOR_LIST_BARS = 200, 3
LINK_DOMAINS = frozenset((
    "com net org info biz xyz top online site club pro vip live bet casino win shop tk ml ga cf gq ru tr id in co io "
    "me cc ws to us uk de pl it nl ir ua kr th vn br es fr jp cn").split())
LONG_HIT = 64  # hits longer than this are few (line rules): the hit index keeps them apart
SORTED_LINES = 1 << 16  # a document of more lines has its median line length counted by length, not sorted
_BLANK_CHARS = frozenset(BLANK)


@dataclass(frozen=True, slots=True)
class Unit:
    """A candidate for removal: [start, end) of the original, on line `line_index` (0-based)."""

    start: int
    end: int
    line_index: int
    lines_after: int  # non-blank lines after this unit's line
    is_suffix: bool
    below_is_junk: bool = False  # the line below it was judged junk (a reader expects junk to come in runs)


@dataclass(frozen=True)
class DocContext:
    """What a unit is compared with: the body's script and its typical line length (its frequent words are
    `Document.frequent_words`, read only when a unit's comparisons with the body are)."""

    script: str
    median_line_length: float


@dataclass(frozen=True)
class UnitText:
    """What every kind of evidence reads of one unit: its original and folded text (stripped, and sampled if
    long), its words and script, its span in the view, and the rule hits that overlap it."""

    raw: str
    folded: str
    words: list[str]
    script: str
    n_chars: int  # non-blank-edged length of the whole unit, before sampling
    view_start: int
    view_end: int
    hits: list[Hit]


def nonblank_lines(text: str, lines: Lines) -> array[int]:
    """The indexes of the lines of `text` that hold a visible character."""
    # Empty lines (half of all; left out in C), and lines that start with a visible character (most of the rest),
    # are told apart before slicing: the strip is the costly part.
    starts, ends = lines.starts, lines.ends
    return array(starts.typecode, (i for i in compress(count(), map(lt, starts, ends))
                                   if text[starts[i]] not in _BLANK_CHARS or text[starts[i]:ends[i]].strip(BLANK)))


class Document:
    """One document prepared for judging: its lines, its matching view and its rule hits.

    `window`: where the text stands in a longer document (`windows`), None for a whole document. A window is
    judged as a document with text around it: its units count the non-blank lines after it, and only the window
    that holds the document's last line has a trailer.
    """

    def __init__(self, text: str, view: View, hits: Hits, window: Window | None = None) -> None:
        self.text = text
        self.view = view
        self.hits = hits
        self.window = window or Window(0, len(text), 0, 0)
        self.repeats: dict[int, int] = {}  # lines the corpus memory counts as repeated: index -> documents
        self.repeats_template: frozenset[int] = frozenset()  # of those, the site's template (`evidence.memory`)
        self.repeats_may_change = False  # removing lines could make more lines repeated (`evidence.memory`)
        # words' first occurrence ends and last occurrence starts (None until read), for `evidence.shape`
        self.word_spans: dict[str, tuple[int, int | None]] = {}
        self.lines = split_lines(text)
        self.line_starts = self.lines.starts
        self.nonblank = nonblank_lines(text, self.lines)

    @cached_property
    def context(self) -> DocContext:
        """The document context, built only when a unit needs evidence (most documents need few)."""
        return DocContext(dominant_script(self.view.text[:SCRIPT_SAMPLE]), float(_median_line_length(self.lines)))

    @cached_property
    def frequent_words(self) -> frozenset[str]:
        """The body's most frequent words (its function words, whatever the language): the words of the
        FREQUENT_WORDS highest counts in its first FREQUENT_SAMPLE characters. Counting them costs about as much as
        a unit's whole evidence, so they are counted only when a unit's comparisons with the body are read
        (`evidence.shape.body_comparisons`)."""
        counts = Counter(words_of(self.view.text[:FREQUENT_SAMPLE]))
        # The FREQUENT_WORDS-th highest count is 1 unless that many words are repeated: only then is a sort needed.
        repeated = len(counts) - countOf(counts.values(), 1)
        cutoff = sorted(counts.values(), reverse=True)[FREQUENT_WORDS - 1] \
            if len(counts) > FREQUENT_WORDS and repeated >= FREQUENT_WORDS else 1
        # the words of the FREQUENT_WORDS highest counts, ties included: all of them when that count is 1 (in 9
        # documents of 10, whose sample holds few repeated words)
        return frozenset(counts) if cutoff == 1 else frozenset(w for w, n in counts.items() if n >= cutoff)

    def in_other_letters(self, text: str) -> bool:
        """Whether `text` is written in other letters than the body (`letters_departure`)."""
        return self.letters_departure(text) > 0

    def letters_departure(self, text: str) -> int:
        """How far the letters of `text` depart from the body's: 2 in another script (`words.another_script`), 1 in
        Latin letters beyond ASCII (é, ñ, ł, ư) of which the body's paragraphs use none (`body_latin_letters`): a
        Vietnamese or Portuguese ad in an English story, or in a German one ('CLIP NÓNG MỚI NHẤT', 'Remédio para
        emagrecer ...'), else 0."""
        script = dominant_script(text)
        if another_script(script, self.context.script):
            return 2
        own = latin_letters_beyond_ascii(text) if script == "latin" else frozenset()
        body = self.body_latin_letters if own else None  # read only for a line with letters to compare
        return int(body is not None and body.isdisjoint(own))

    @cached_property
    def body_latin_letters(self) -> frozenset[str] | None:
        """The Latin letters beyond ASCII that the body's paragraphs use (`words.latin_letters_beyond_ascii`; the
        first lines longer than LINK_LINE_CHARS, up to SCRIPT_SAMPLE characters: the text's start may hold the very
        line to compare with them): none in English, Indonesian, Malay. None when the body is in another script or
        has no such line. Read only when a line in Latin letters asks."""
        if self.context.script != "latin":
            return None
        left, sample = SCRIPT_SAMPLE, []
        for index in self.nonblank:
            start, end = self.line_starts[index], self.lines.ends[index]
            if end - start > LINK_LINE_CHARS:
                sample.append(self.text[start:min(end, start + left)])
                left -= end - start
                if left <= 0:
                    break
        return latin_letters_beyond_ascii("".join(sample)) if sample else None

    @cached_property
    def word_counts(self) -> array[int]:
        """How often each word of the view occurs, by hash slot (`words.word_hash_counts`), for long documents."""
        return word_hash_counts(self.view.text)

    def hits_in(self, start: int, end: int) -> list[Hit]:
        """Hits overlapping [start, end), in the order of the document's hits."""
        return self._hit_index.overlapping(start, end)

    @cached_property
    def lines_with_hits(self) -> bytearray:
        """1 for each line a hit touches (one byte a line: a link farm of a million lines has a million hits)."""
        touched = bytearray(len(self.lines))
        for start, end in zip(self.hits.starts, self.hits.ends):
            for i in range(self.line_of(start), self.line_of(max(end - 1, start)) + 1):
                touched[i] = 1
        return touched

    @cached_property
    def lines_asked(self) -> bytearray:
        """1 for each line the judge asks about wherever it stands: a line a hit touches, or a line of at most
        LINK_LINE_CHARS with a link (`has_link`; each short line is searched on its own) or in other letters than
        the body's (`in_other_letters`)."""
        asked = bytearray(self.lines_with_hits)
        text, starts, ends, search = self.text, self.line_starts, self.lines.ends, LINK.search
        for index in self.nonblank:  # the long lines, an article's paragraphs, are not read at all
            start, end = starts[index], ends[index]
            if end - start > LINK_LINE_CHARS or asked[index]:
                continue
            found = search(text, start, end)  # `end` ends a word for "\b" as the line break after it does
            while found is not None and not has_link(text, found):
                found = search(text, found.end(), end)
            asked[index] = found is not None
        if not text.isascii():
            self._ask_lines_in_other_letters(asked)
        return asked

    def is_short(self, index: int) -> bool:
        """Whether line `index` is at most LINK_LINE_CHARS long, or a list of anchors up to ANCHOR_LIST_CHARS
        ('verdien 500 euro per dag | marabout liefdesrituelen | lenen met negatieve bkr | bitcoin trading robot…'):
        what injected spam is, between paragraphs. The cleaner asks about such a line when the model weighs its
        words towards junk (`Model.leans_junk`); training learns from every one."""
        start, end = self.line_starts[index], self.lines.ends[index]
        return end - start <= LINK_LINE_CHARS \
            or end - start <= ANCHOR_LIST_CHARS and self.text.count(" | ", start, end) >= ANCHOR_LIST_BARS

    def _ask_lines_in_other_letters(self, asked: bytearray) -> None:
        """Mark the short lines written in other letters than the body's (`in_other_letters`: a Chinese or Thai
        spam line in a German story, a Vietnamese one in an English story); only lines with a character beyond ASCII
        are read, once each."""
        if self.context.script == "none":
            return
        text, starts, ends = self.text, self.line_starts, self.lines.ends
        for index in self.nonblank:
            start, end = starts[index], ends[index]
            if not asked[index] and end - start <= LINK_LINE_CHARS:
                line = text[start:end]
                if not line.isascii() and self.in_other_letters(line):
                    asked[index] = 1

    @cached_property
    def _hit_index(self) -> _HitIndex:
        return _HitIndex(self.hits)

    def line_of(self, position: int) -> int:
        """The index of the line holding `position`."""
        return max(bisect_right(self.line_starts, position) - 1, 0)

    def line_text(self, index: int) -> str:
        return self.text[self.line_starts[index]:self.lines.ends[index]]

    def line_unit(self, pos: int, below_is_junk: bool = False) -> Unit:
        """The unit of the `pos`-th non-blank line."""
        index = self.nonblank[pos]
        lines_after = len(self.nonblank) - 1 - pos + self.window.lines_after
        return Unit(self.line_starts[index], self.lines.ends[index], index, lines_after, False, below_is_junk)

    def seams(self, line_index: int) -> list[Segment]:
        """The line cut at its seams, at the edges of its rule hits and where glued junk begins (near its end)."""
        line = self.lines[line_index]
        return tail_segments(self.text, line, self.hits_in(max(line.start, line.end - TAIL_WINDOW), line.end))

    def read(self, unit: Unit, hits: list[Hit]) -> UnitText:
        """What evidence reads of `unit`, whose overlapping rule hits are `hits`."""
        view_start, view_end = self.view.from_original(unit.start, unit.end)
        whole = self.text[unit.start:unit.end].strip()
        folded = _sample(self.view.text[view_start:view_end].strip())
        raw = _sample(whole)
        return UnitText(raw, folded, words_of(folded), dominant_script(raw), len(whole), view_start, view_end, hits)


def suffix(line_unit: Unit, start: int) -> Unit:
    """The tail of the line from `start`."""
    return replace(line_unit, start=start, is_suffix=True)


def head(line_unit: Unit, end: int) -> Unit:
    """The line up to `end`."""
    return replace(line_unit, end=end)


def piece(line_unit: Unit, start: int, end: int) -> Unit:
    """The piece [start, end) of the line's tail."""
    return replace(line_unit, start=start, end=end, is_suffix=True)


def has_link(text: str, found: re.Match[str]) -> bool:
    """Whether a LINK match is a link: "://", or a domain ending after a name of two characters or more.

    >>> [has_link(t, LINK.search(t)) for t in ("see bet365.com now", "the end.The", "x.com", "http://a")]
    [True, False, False, True]
    """
    ending = found.group(1)
    return ending is None or (ending.lower() in LINK_DOMAINS and found.start() >= 2
                              and text[found.start() - 2:found.start()].isalnum())


def training_units(doc: Document, is_junk_line: Callable[[int], bool]) -> Iterator[Unit]:
    """Every unit the cleaner can ask about: each line near the end (TRAILER_ZONE) with its suffixes, heads and
    the pieces between its seams, and each other line it may ask about (`Document.lines_asked`: a rule fired on
    it, or it holds a link; and every short line, `Document.is_short`, of which the cleaner asks about those whose
    words lean to junk). `is_junk_line(line_index)` tells whether
    a line is junk, for the unit's `below_is_junk` (training knows it from labels; the trailer walk from its
    own decisions)."""
    n = len(doc.nonblank)
    for pos in range(n - 1, -1, -1):
        index = doc.nonblank[pos]
        near_end = pos >= n - TRAILER_ZONE
        if not near_end and not doc.lines_asked[index] and not doc.is_short(index):
            continue
        below_is_junk = near_end and pos + 1 < n and is_junk_line(doc.nonblank[pos + 1])
        base = doc.line_unit(pos, below_is_junk)
        yield base
        if near_end:
            cuts = doc.seams(index)[1:]
            yield from (suffix(base, s.start) for s in cuts)
            yield from (head(base, s.start) for s in cuts)
            yield from (piece(base, s.start, s.end) for s in cuts[:-1])


def tail_segments(text: str, line: Line, hits: list[Hit]) -> list[Segment]:
    """The line cut at its seams, at the edges of its rule hits and at the seams glued junk leaves, within its
    last TAIL_WINDOW characters and at most MAX_TAIL_SEGMENTS pieces: the first segment is the rest of the line."""
    window = line if line.end - line.start <= TAIL_WINDOW else line._replace(start=line.end - TAIL_WINDOW)
    cuts = [e for h in hits for e in (h.start, h.end) if e > window.start]
    cuts += [window.start + offset for offset in glued_junk_seams(text[window.start:window.end])]
    segments = split_segments(text, window, cuts)
    if window.start > line.start or len(segments) > MAX_TAIL_SEGMENTS:
        tail = segments[1:][-(MAX_TAIL_SEGMENTS - 1):]
        segments = [Segment(line.number, line.start, tail[0].start if tail else line.end), *tail]
    return segments


class _HitIndex:
    """A document's hits, found by overlap with a span. Each part is sorted by start, with the furthest end reached
    so far, so a search walks back from the span's end only while a hit can still reach into the span. Long hits
    (whole-line rules) are a part of their own: otherwise one of them would make every search of its line walk
    back to it over all the short hits between. Parts are arrays: 12 bytes a hit."""

    def __init__(self, hits: Hits) -> None:
        self.hits = hits
        # most documents have no hit at all (5 articles in 6): then no part, and a search is one test
        self.parts = [self._part(short) for short in (True, False)] if len(hits) else []

    def _part(self, short: bool) -> tuple[array[int], array[int], array[int]]:
        starts, ends = self.hits.starts, self.hits.ends
        order = array(offset_typecode(len(starts)),
                      (i for i, (a, b) in enumerate(zip(starts, ends)) if (b - a <= LONG_HIT) == short))
        if any(starts[i] > starts[j] for i, j in zip(order, islice(order, 1, None))):
            order = array(order.typecode, sorted(order, key=starts.__getitem__))
        return order, array(starts.typecode, (starts[i] for i in order)), \
            array(starts.typecode, accumulate((ends[i] for i in order), max))

    def overlapping(self, start: int, end: int) -> list[Hit]:
        if not self.parts:
            return []
        chosen = []
        ends = self.hits.ends
        for order, starts, reach in self.parts:
            i = bisect_left(starts, end) - 1
            while i >= 0 and reach[i] > start:
                if ends[order[i]] > start:
                    chosen.append(order[i])
                i -= 1
        chosen.sort()
        return [self.hits[i] for i in chosen]


def _median_line_length(lines: Lines) -> int:
    """The median length of the non-empty lines (the upper one of an even count; 0 without any): sorted for a
    document of up to SORTED_LINES lines, else counted by length, so that a million lines make no list of a million
    numbers."""
    if len(lines) <= SORTED_LINES:
        lengths = sorted(filter(None, map(sub, lines.ends, lines.starts)))
        return lengths[len(lengths) // 2] if lengths else 0
    counts: Counter[int] = Counter(map(sub, lines.ends, lines.starts))
    counts.pop(0, None)
    middle = sum(counts.values()) // 2
    for length in sorted(counts):
        middle -= counts[length]
        if middle < 0:
            return int(length)
    return 0


def _sample(text: str) -> str:
    """A long unit is article-shaped already: its head and tail suffice."""
    return f"{text[:SAMPLE_HEAD]} {text[-SAMPLE_TAIL:]}" if len(text) > SAMPLE_HEAD + SAMPLE_TAIL else text
