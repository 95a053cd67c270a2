"""Spans: decisions become flags with exact offsets, flags merge, and only `apply` makes new text.

`apply(original, flags)` removes the flagged spans and keeps every other character as it was, so a report can
always be replayed. When the cleaned text is judged again (see `cleaner.find_flags`), the new flags' offsets are
mapped back onto the original with `OffsetsBack`.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence

from .config import Settings
from .judge import Scored
from .rules import Hit
from .segment import Lines
from .types import Category, Flag


def apply(original: str, flags: Iterable[Flag]) -> str:
    """The original text with every flagged span removed (flags must not overlap).

    >>> apply("Keep this. DROP Keep that.", [Flag(11, 16, 1, 12, "other", (), 1.0, "DROP")])
    'Keep this. Keep that.'
    """
    pieces = []
    position = 0
    for flag in sorted(flags, key=lambda f: f.start):
        pieces.append(original[position:flag.start])
        position = max(position, flag.end)
    pieces.append(original[position:])
    return "".join(pieces)


def flags_of(text: str, lines: Lines, nonblank: Sequence[int], whole: Mapping[int, Scored], partial: list[Scored],
             settings: Settings) -> tuple[Flag, ...]:
    """The flags of one pass: whole lines to remove (by line index) and partial spans, merged."""
    spans = line_removals(lines, nonblank, whole) + partial
    line_starts = lines.starts
    flags = []
    for scored in spans:
        strongest = max(scored.hits, key=lambda h: h.rule.weight, default=None)
        flags.append(make_flag(text, line_starts, scored.start, scored.end,
                               strongest.rule.category if strongest else "other",
                               tuple(dict.fromkeys(h.rule.id for h in scored.hits)), scored.score,
                               scored.model_score, settings))
    return merge(text, line_starts, flags, settings)


def line_removals(lines: Lines, nonblank: Sequence[int], whole: Mapping[int, Scored]) -> list[Scored]:
    """Spans that remove whole lines, taking the blank lines that separated a removed run with them."""
    spans = []
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
        has_before, has_after = first > 0, pos + 1 < len(nonblank)
        if not has_after:  # a trailer: from the end of the last kept line to the end of the run
            start = lines[nonblank[first - 1]].end if has_before else a.start
            end = b.end
        elif not has_before:  # a header: up to the first kept line
            start, end = a.start, lines[nonblank[pos + 1]].start
        elif nonblank[first] - nonblank[first - 1] > 1:  # blank line before the run: drop the ones after it
            start, end = a.start, lines[nonblank[pos + 1]].start
        else:
            start, end = a.start, b.break_end
        spans.append(Scored(start, end, best.score, best.model_score, hits))
        pos += 1
    return spans


def _run_evidence(whole: Mapping[int, Scored], run: Sequence[int]) -> tuple[Scored, tuple[Hit, ...]]:
    """The highest-scoring line of a run of removed lines and the hits of all its lines, read one line at a time
    (a run can be a million lines long)."""
    best = whole[run[0]]
    hits = list(best.hits)
    for index in run[1:]:
        scored = whole[index]
        if scored.score > best.score:  # the first of equals, as max() picks
            best = scored
        hits += scored.hits
    return best, tuple(hits)


def make_flag(text: str, line_starts: Sequence[int], start: int, end: int, category: Category, rules: tuple[str, ...],
              score: float, model_score: float | None, settings: Settings) -> Flag:
    """A flag for [start, end); its line and column point at its first non-blank character."""
    body = text[start:end]
    first = start + (len(body) - len(body.lstrip()))
    line_index = max(bisect_right(line_starts, first) - 1, 0)
    line_start = line_starts[line_index] if line_starts else 0
    excerpt = " ".join(body.split())
    if len(excerpt) > settings.excerpt_chars:
        excerpt = excerpt[:settings.excerpt_chars - 1] + "…"
    return Flag(start, end, line_index + 1, first - line_start + 1, category, rules, score, excerpt, model_score)


def merge(text: str, line_starts: Sequence[int], flags: list[Flag], settings: Settings) -> tuple[Flag, ...]:
    """Touching or overlapping flags become one; it keeps the category of its strongest part."""
    groups: list[list[Flag]] = []
    group_end = -1
    for flag in sorted(flags, key=lambda f: (f.start, f.end)):
        if groups and flag.start <= group_end:
            groups[-1].append(flag)
            group_end = max(group_end, flag.end)
        else:
            groups.append([flag])
            group_end = flag.end
    merged = []
    for group in groups:
        best = max(group, key=lambda f: f.score)
        named = [f for f in group if f.rules]
        category = max(named, key=lambda f: f.score).category if named else best.category
        rules = tuple(dict.fromkeys(r for f in group for r in f.rules))
        model_scores = [f.model_score for f in group if f.model_score is not None]
        merged.append(make_flag(text, line_starts, group[0].start, max(f.end for f in group), category, rules,
                                best.score, max(model_scores) if model_scores else None, settings))
    return tuple(merged)


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
