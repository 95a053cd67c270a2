"""A very long document is judged a window at a time, so that what judging keeps per line (line offsets, the
matching view, verdicts) is bounded by the window, not by the document (README, "Design rules").

Windows are cut at line starts, at a paragraph break where one is near, so a window's lines are the document's
own lines. A window knows how many non-blank lines follow it (up to POSITION_LINES: position evidence reads no
further), so a line near a window's end is not taken for the document's last, and only the window holding the
document's last non-blank line has a trailer. A document of at most `Settings.window_chars` characters is one
window, judged exactly as a whole.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .normalize import BLANK
from .segment import LINE_BREAK

POSITION_LINES = 5  # position evidence counts at most this many non-blank lines after a unit (evidence.shape)
_NON_BLANK = regex.compile(f"[^{regex.escape(BLANK)}]")
_LAST_LINE_BREAK = regex.compile(LINE_BREAK.pattern, flags=regex.REVERSE)
_LAST_VISIBLE_OR_BREAK = regex.compile(f"(?P<visible>{_NON_BLANK.pattern})|{LINE_BREAK.pattern}", flags=regex.REVERSE)
_SINGLE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # "\r\n" is one break: counted apart


@dataclass(frozen=True)
class Window:
    """[start, end) of a document, judged as a document of its own."""

    start: int
    end: int
    lines_before: int  # lines of the document before the window (its first line is number lines_before + 1)
    lines_after: int  # non-blank lines after it, up to POSITION_LINES; 0: it holds the document's last one
    blank_before: bool = False  # the line just before it is blank (a removed run at its start takes blank lines)


def windows(text: str, size: int) -> list[Window]:
    """The windows of `text`: each about `size` characters (a longer line is one window), the last up to 1.5 times
    as long; each window after the first begins with a non-blank line, so a window's blank lines are its own.

    >>> [(w.start, w.end, w.lines_before, w.lines_after) for w in windows("one\\ntwo\\n\\nthree\\nfour\\n", 8)]
    [(0, 9, 0, 2), (9, 20, 3, 0)]
    """
    cuts = [0, *_cuts(text, size), len(text)]
    spans = list(zip(cuts, cuts[1:])) or [(0, 0)]
    after = [0] * len(spans)
    for i in range(len(spans) - 2, -1, -1):
        start, end = spans[i + 1]
        after[i] = min(POSITION_LINES, after[i + 1] + nonblank_lines(text, start, end, POSITION_LINES))
    result = [Window(0, spans[0][1], 0, after[0])]  # most documents: one window, nothing counted
    for (start, end), lines_after in zip(spans[1:], after[1:]):
        before = result[-1]
        lines_before = before.lines_before + line_breaks(text, before.start, before.end)
        result.append(Window(start, end, lines_before, lines_after, _blank_line_before(text, start)))
    return result


def _cuts(text: str, size: int) -> Iterator[int]:
    """Where windows begin after the first: after a paragraph break in the second half of a window's `size`, else
    after the first line break past `size`, at the next non-blank line. The rest is cut only when it exceeds 1.5
    windows and the cut leaves it half a window: the last window holds the trailer, read against the text above."""
    start = 0
    while len(text) - start > size + size // 2:
        target = start + size
        paragraph = max(text.rfind("\n\n", start + size // 2, target), text.rfind("\n\r\n", start + size // 2, target))
        if paragraph >= 0:
            cut = paragraph + 1
        else:
            line_break = LINE_BREAK.search(text, target)
            if line_break is None:
                return
            cut = line_break.end()
        cut = _next_nonblank_line(text, cut)
        if cut >= len(text) or len(text) - cut < size // 2:
            return
        yield cut
        start = cut


def _next_nonblank_line(text: str, position: int) -> int:
    """The start of the first non-blank line at or after `position` (a line start); `position` if there is none."""
    visible = _NON_BLANK.search(text, position)
    if visible is None:
        return position
    line_break = _LAST_LINE_BREAK.search(text, position, visible.start())
    return line_break.end() if line_break else position


def _blank_line_before(text: str, start: int) -> bool:
    """Whether the line that ends just before `start` (a line start) holds only blank characters."""
    content_end = start - 2 if text.startswith("\r\n", start - 2) else start - 1
    last = _LAST_VISIBLE_OR_BREAK.search(text, 0, content_end)
    return last is None or last.group("visible") is None


def line_breaks(text: str, start: int, end: int) -> int:
    """The line breaks in text[start:end] ("\\r\\n" is one), counted in C; `start` and `end` must not split a
    "\\r\\n".

    >>> line_breaks("a\\r\\nb\\rc\\u2028d\\n", 0, 10)
    4
    """
    return sum(text.count(c, start, end) for c in _SINGLE_BREAKS) - text.count("\r\n", start, end)


def nonblank_lines(text: str, start: int, end: int, limit: int) -> int:
    """How many lines of text[start:end] hold more than blank characters, counted up to `limit`.

    >>> nonblank_lines("a\\n \\n\\nb c\\nd", 0, 10, 2), nonblank_lines("\\n\\n", 0, 2, 5)
    (2, 0)
    """
    count, position = 0, start
    while count < limit:
        visible = _NON_BLANK.search(text, position, end)
        if visible is None:
            break
        count += 1
        line_break = LINE_BREAK.search(text, visible.end(), end)
        if line_break is None:
            break
        position = line_break.end()
    return count
