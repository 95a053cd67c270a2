"""Line labels -> character spans, on lines that agree with str.splitlines().

make_docs.py numbers lines by `text.splitlines()`, whose breaks are \\r\\n, \\n, \\r, \\v, \\f, \\x1c-\\x1e,
\\x85, \\u2028 and \\u2029. `spamguard.segment.split_lines` breaks exactly there (tests/test_segment.py checks
it), so line i here is exactly `text.splitlines()[i]` and offsets never drift.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from spamguard.segment import split_lines

__all__ = ["lines_to_spans", "merge_spans", "partial_spans"]


def lines_to_spans(text: str, line_ids: Iterable[int]) -> list[tuple[int, int]]:
    """Character spans that remove whole lines so that the rest reads as clean text.

    Consecutive chosen lines (blank lines between them included) form one run. A run that reaches the end of
    the text takes the line break(s) before it (so the text does not end in a stray break); any other run
    takes its own following break (a run at the very start of the text therefore also takes the blank lines
    after it). Blank lines at the start of an inner run are left alone.
    """
    lines = split_lines(text)
    chosen = sorted({i for i in line_ids if 0 <= i < len(lines)})
    if not chosen:
        return []
    blank = [not text[line.start:line.end].strip() for line in lines]
    runs: list[list[int]] = []
    for i in chosen:
        if runs and all(blank[j] for j in range(runs[-1][1] + 1, i)):
            runs[-1][1] = i
        else:
            runs.append([i, i])
    spans = []
    for first, last in runs:
        tail = all(blank[j] for j in range(last + 1, len(lines)))
        if tail:
            while first > 0 and blank[first - 1]:
                first -= 1
            start = lines[first - 1].end if first > 0 else 0
            spans.append((start, len(text)))
        else:
            end = lines[last].break_end
            j = last + 1
            if first == 0:
                while j < len(lines) and blank[j]:
                    end = lines[j].break_end
                    j += 1
            spans.append((lines[first].start, end))
    return merge_spans(spans)


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping or touching ones merged; empty spans dropped."""
    out: list[list[int]] = []
    for s, e in sorted((s, e) for s, e in spans if e > s):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def partial_spans(text: str, suffix: Mapping[int, int] | None = None,
                  prefix: Mapping[int, int] | None = None) -> list[tuple[int, int]]:
    """junk_suffix {line: offset} -> junk from that character to the line's end (break kept);
    junk_prefix {line: offset} -> junk from the line's start up to that character."""
    lines = split_lines(text)
    spans = []
    for line, col in (suffix or {}).items():
        s, ce = lines[int(line)].start, lines[int(line)].end
        spans.append((s + int(col), ce))
    for line, col in (prefix or {}).items():
        s, ce = lines[int(line)].start, lines[int(line)].end
        spans.append((s, min(s + int(col), ce)))
    return merge_spans(spans)
