"""Spans: decisions become flags with exact offsets, flags merge, and only `apply` makes new text.

`apply(original, flags)` removes the flagged spans and keeps every other character as it was, so a report can
always be replayed. When the cleaned text is judged again (see `cleaner.find_flags`), the new flags' offsets are
mapped back onto the original with `OffsetsBack`.
"""
from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence

from .config import Settings
from .evidence.memory import REPEATED
from .judge import Scored
from .normalize import Joiner
from .rules import Hit
from .segment import Lines
from .types import Category, Flag, Flags
from .units import Document
from .windows import Window
from .words import SPLIT_WORD


def apply(original: str, flags: Iterable[Flag]) -> str:
    """The original text with every flagged span removed (flags must not overlap).

    >>> apply("Keep this. DROP Keep that.", [Flag(11, 16, 1, 12, "other", (), 1.0, "DROP")])
    'Keep this. Keep that.'
    """
    pieces = Joiner()  # a flag every other line: no list of every kept piece
    position = 0
    spans = flags.spans() if isinstance(flags, Flags) else ((f.start, f.end) for f in sorted(flags, key=flag_order))
    for start, end in spans:
        pieces.add(original[position:start])
        position = max(position, end)
    pieces.add(original[position:])
    return pieces.text()


def flags_of(doc: Document, whole: Mapping[int, Scored], partial: list[Scored], settings: Settings) -> Flags:
    """The flags of one pass over `doc`: whole lines to remove (by line index) and partial spans, merged."""
    text, line_starts = doc.text, doc.line_starts

    def flag_of(scored: Scored) -> Flag:
        strongest = max(scored.hits, key=lambda h: h.rule.weight, default=None)
        repeats = max((doc.repeats.get(doc.line_of(h.start), 0) for h in scored.hits if h.rule is REPEATED), default=0)
        return make_flag(text, line_starts, scored.start, scored.end, strongest.rule.category if strongest else "other",
                         tuple(dict.fromkeys(h.rule.id for h in scored.hits)), scored.score, scored.model_score,
                         settings, repeats)

    # Line removals come in order, a Scored at a time (a big file can hold a flag every other line); partial spans
    # are sorted apart and merged in.
    removals = map(flag_of, line_removals(doc.lines, doc.nonblank, whole, doc.window))
    partial_flags = sorted(map(flag_of, partial), key=flag_order)
    in_order = heapq.merge(removals, partial_flags, key=flag_order) if partial_flags else removals
    return merge(text, in_order, settings)


def flag_order(flag: Flag) -> tuple[int, int]:
    """The order flags are merged in: by start, then end."""
    return flag.start, flag.end


def line_removals(lines: Lines, nonblank: Sequence[int], whole: Mapping[int, Scored],
                  window: Window) -> Iterator[Scored]:
    """Spans that remove whole lines, taking the blank lines that separated a removed run with them.

    In a `window` of a longer document a run at the window's edge is cut as in the middle of the document, when
    visible text follows the window (a window begins with a non-blank line, so the blank lines after a run at its
    end are its own); a trailer that goes on across windows takes the blank end of the window above it
    (`cleaner.find_flags`)."""
    if not whole:
        return  # most documents: no line goes
    text_before, text_after = window.start > 0, not window.trailer
    pos = 0
    while pos < len(nonblank):
        if nonblank[pos] not in whole:
            pos += 1
            continue
        first = pos
        while pos + 1 < len(nonblank) and nonblank[pos + 1] in whole:
            pos += 1
        best, hits = _run_evidence(whole, nonblank[first:pos + 1])
        a, b = lines[nonblank[first]], lines[nonblank[pos]]
        has_before, has_after = first > 0 or text_before, pos + 1 < len(nonblank) or text_after
        next_start = lines[nonblank[pos + 1]].start if pos + 1 < len(nonblank) else lines.text_length
        blank_before = nonblank[first] - nonblank[first - 1] > 1 if first > 0 else \
            nonblank[first] > 0 or window.blank_before
        if not has_after:  # a trailer: from the end of the last kept line to the end of the run
            start = lines[nonblank[first - 1]].end if first > 0 else 0 if text_before else a.start
            end = b.end
        elif not has_before or blank_before:  # a header, or blank lines before the run: drop the ones after it
            start, end = a.start, next_start
        else:
            start, end = a.start, b.break_end
        yield Scored(start, end, best.score, best.model_score, hits)
        pos += 1


def _run_evidence(whole: Mapping[int, Scored], run: Sequence[int]) -> tuple[Scored, tuple[Hit, ...]]:
    """The highest-scoring line of a run of removed lines and the first hit of each rule that fired on its lines
    (what its flag reports), read one line at a time: a run can be a million lines long."""
    best: Scored | None = None
    first_hits: dict[int, Hit] = {}
    for index in run:
        scored = whole[index]
        if best is None or scored.score > best.score:  # the first of equals, as max() picks
            best = scored
        for h in scored.hits:
            first_hits.setdefault(id(h.rule), h)
    assert best is not None, "a run holds at least one line"
    return best, tuple(first_hits.values())


def make_flag(text: str, line_starts: Sequence[int], start: int, end: int, category: Category, rules: tuple[str, ...],
              score: float, model_score: float | None, settings: Settings, repeats: int = 0) -> Flag:
    """A flag for [start, end); its line and column point at its first non-blank character."""
    excerpt = _excerpt(text, start, end, settings.excerpt_chars)
    first_word = SPLIT_WORD.search(text, start, end)
    first = first_word.start() if first_word else end
    line_index = max(bisect_right(line_starts, first) - 1, 0)
    line_start = line_starts[line_index] if line_starts else 0
    return Flag(start, end, line_index + 1, first - line_start + 1, category, rules, score, excerpt, model_score,
                repeats)


def _excerpt(text: str, start: int, end: int, length: int) -> str:
    """text[start:end] with its white space collapsed, shortened to `length` characters with "…"; only the words
    it shows are read (a flag can span a whole document).

    >>> _excerpt("  Share\\n\\n this  now ", 0, 20, 20), _excerpt("Share this now", 0, 14, 9)
    ('Share this now', 'Share th…')
    """
    words: list[str] = []
    size = -1
    for word in SPLIT_WORD.finditer(text, start, end):
        words.append(word.group())
        size += 1 + len(words[-1])
        if size > length:
            break
    excerpt = " ".join(words)
    return excerpt if len(excerpt) <= length else excerpt[:length - 1] + "…"


def merge(text: str, flags: Iterable[Flag], settings: Settings) -> Flags:
    """Touching or overlapping flags (given in order of start, then end) become one; it keeps the category of its
    strongest part."""
    merged = Flags()
    group: list[Flag] = []
    group_end = -1
    for flag in flags:
        if group and flag.start <= group_end:
            group.append(flag)
            group_end = max(group_end, flag.end)
            continue
        if group:
            merged.append(combined(text, group, settings))
        group, group_end = [flag], flag.end
    if group:
        merged.append(combined(text, group, settings))
    return merged


def combined(text: str, group: Sequence[Flag], settings: Settings) -> Flag:
    """The one flag of a group of touching or overlapping flags (a flag alone is already that flag).

    Its line and column are those of the first flag (by start) that holds a word: a flag's line and column
    point at its first word, and no flag starting later can hold a word before it (it would lie in the blank
    start of that flag)."""
    if len(group) == 1:
        return group[0]
    best = max(group, key=lambda f: f.score)
    named = [f for f in group if f.rules]
    category = max(named, key=lambda f: f.score).category if named else best.category
    rules = tuple(dict.fromkeys(r for f in group for r in f.rules))
    model_scores = [f.model_score for f in group if f.model_score is not None]
    start, end = group[0].start, max(f.end for f in group)
    where = next((f for f in group if SPLIT_WORD.search(text, f.start, f.end)),
                 max(group, key=lambda f: f.end))  # no word at all: the line of its end, as make_flag gives it
    return Flag(start, end, where.line, where.column, category, rules, best.score,
                _excerpt(text, start, end, settings.excerpt_chars), max(model_scores) if model_scores else None,
                max(f.repeats for f in group))


def kept_pieces(length: int, flags: Iterable[Flag]) -> list[tuple[int, int]]:
    """The [start, end) pieces of the original that `flags` (sorted, not overlapping) leave.

    >>> kept_pieces(10, [Flag(2, 4, 1, 3, "other", (), 1.0, "")])
    [(0, 2), (4, 10)]
    """
    pieces, position = [], 0
    for flag in flags:
        pieces.append((position, flag.start))
        position = flag.end
    pieces.append((position, length))
    return [(a, b) for a, b in pieces if b > a] or [(0, 0)]


class OffsetsBack:
    """Offsets in the cleaned text mapped back to the original, given the kept pieces (found by bisection).

    >>> back = OffsetsBack([(0, 2), (4, 10)])  # "ab" and "efghij" of "abcdefghij" were kept
    >>> back.start(2), back.end(2), back.end(8), back.start(8)
    (4, 2, 10, 10)
    """

    def __init__(self, kept: list[tuple[int, int]]) -> None:
        self.kept = kept
        self.offsets = [0]  # where each kept piece starts in the cleaned text
        for start, end in kept:
            self.offsets.append(self.offsets[-1] + end - start)

    def start(self, position: int) -> int:
        """The original offset of the cleaned text's character at `position` (a span's start)."""
        index = bisect_right(self.offsets, position) - 1
        if index >= len(self.kept):
            return self.kept[-1][1]
        return self.kept[index][0] + position - self.offsets[index]

    def end(self, position: int) -> int:
        """The original offset just after the cleaned text's character before `position` (a span's end)."""
        index = bisect_left(self.offsets, position) - 1
        if index < 0:
            return self.kept[0][0] + position
        if index >= len(self.kept):
            return self.kept[-1][1]
        return self.kept[index][0] + position - self.offsets[index]
