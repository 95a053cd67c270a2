"""A very long document is judged a window at a time, so that what judging keeps per line and per character (line
offsets, the matching view, its rule hits, verdicts) is bounded by the window, not by the document (README,
"Design rules").

Windows are cut at a paragraph break where one is near, else at a line break, so a window's lines are the
document's own lines; only a line longer than a window is cut, at white space, into pieces judged as lines. A
window knows the lines before it (for line numbers) and how many non-blank lines follow it (up to POSITION_LINES:
position evidence reads no further), so a line near a window's end is not taken for the document's last. The
window holding the document's last non-blank line walks the trailer, and when the trailer takes every line of a
window, the walk goes on in the window above (`Window.continued`), as it would in the whole document.
A document of at most 1.5 x `Settings.window_chars` characters is one window, judged exactly as a whole.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

import regex

from .normalize import BLANK, LINE_BREAKS
from .segment import LINE_BREAK

POSITION_LINES = 5  # position evidence counts at most this many non-blank lines after a unit (evidence.shape)
NON_BLANK = regex.compile(f"[^{regex.escape(BLANK)}]")
_LAST_LINE_BREAK = regex.compile(LINE_BREAK.pattern, flags=regex.REVERSE)
_LAST_VISIBLE_OR_BREAK = regex.compile(f"(?P<visible>{NON_BLANK.pattern})|{LINE_BREAK.pattern}", flags=regex.REVERSE)
_LAST_VISIBLE = regex.compile(NON_BLANK.pattern, flags=regex.REVERSE)
_LAST_SPACE = regex.compile(r"\s", flags=regex.REVERSE)


@dataclass(frozen=True)
class Window:
    """[start, end) of a document, judged as a document of its own."""

    start: int
    end: int
    lines_before: int  # lines of the document before the window (its first line is number lines_before + 1)
    lines_after: int  # non-blank lines after it, up to POSITION_LINES; 0: it holds the document's last one
    blank_before: bool = False  # the line just before it is blank (a removed run at its start takes blank lines)
    column: int = 0  # where it starts in its first line (0 unless a line longer than a window was cut)
    trailer: bool = True  # it walks the trailer: it holds the document's last non-blank line, or `continued`
    continued: bool = False  # the trailer took every line after it: its walk goes on from junk below

    def continuing(self) -> Window:
        """This window, walking on the trailer that took every line after it."""
        return replace(self, trailer=True, continued=True)


def windows(text: str, size: int) -> list[Window]:
    """The windows of `text`: about `size` characters each (the last up to 1.5 times as long), cut at a paragraph
    break in the second half of a window, else at a line break near `size`, at the next non-blank line (so a
    window's blank lines are its own); a line longer than a window is cut at white space.

    >>> [(w.start, w.end, w.lines_before, w.lines_after) for w in windows("one\\ntwo\\n\\nthree\\nfour\\n", 8)]
    [(0, 9, 0, 2), (9, 20, 3, 0)]
    >>> [(w.start, w.end, w.column) for w in windows("a b c d e f g h i j\\nk", 8)]
    [(0, 8, 0), (8, 21, 8)]
    """
    cuts = [0, *_cuts(text, size), len(text)]
    if len(cuts) == 2:
        return [Window(0, len(text), 0, 0)]  # most documents: one window, nothing counted
    spans = list(zip(cuts, cuts[1:]))
    after, visible_after = _after(text, spans)
    result = [Window(0, spans[0][1], 0, after[0], trailer=not visible_after[0])]
    for (start, end), lines_after, more in zip(spans[1:], after[1:], visible_after[1:]):
        before = result[-1]
        lines_before = before.lines_before + line_breaks(text, before.start, before.end)
        blank_before, column = False, 0
        if text[start - 1] in LINE_BREAKS:
            blank_before = _blank_line_before(text, start)
        else:  # a piece of a line longer than a window: it walks a trailer only when the trailer comes up to it
            line_start = _LAST_LINE_BREAK.search(text, before.start, start)
            column = start - line_start.end() if line_start else before.column + start - before.start
        result.append(Window(start, end, lines_before, lines_after, blank_before, column, trailer=not more))
    return result


def _after(text: str, spans: list[tuple[int, int]]) -> tuple[list[int], list[bool]]:
    """For each window: the non-blank lines after it (up to POSITION_LINES), a line counted in the window that
    holds its first visible character (a line longer than a window is cut into pieces), and whether anything
    visible follows it at all."""
    counts, visible = [], []
    line_open = False  # the line the window before ended in (cut) already has a visible character
    for k, (start, end) in enumerate(spans):
        lines = nonblank_lines(text, start, end, POSITION_LINES + 1)
        mid_line = k > 0 and text[start - 1] not in LINE_BREAKS
        counts.append(lines - (line_open and mid_line and lines > 0 and _first_line_visible(text, start, end)))
        visible.append(lines > 0)
        last_break = _LAST_LINE_BREAK.search(text, start, end)
        last_piece_visible = NON_BLANK.search(text, last_break.end() if last_break else start, end) is not None
        line_open = end < len(text) and text[end - 1] not in LINE_BREAKS and \
            (last_piece_visible or (last_break is None and mid_line and line_open))
    after, visible_after = [0] * len(spans), [False] * len(spans)
    for i in range(len(spans) - 2, -1, -1):
        after[i] = min(POSITION_LINES, after[i + 1] + counts[i + 1])
        visible_after[i] = visible_after[i + 1] or visible[i + 1]
    return after, visible_after


def _cuts(text: str, size: int) -> Iterator[int]:
    """Where windows begin after the first. The rest is cut only when it exceeds 1.5 windows and the cut leaves it
    half a window: the last window holds the trailer, read against the text above it."""
    start = 0
    while len(text) - start > size + size // 2:
        low, target, high = start + size // 2, start + size, start + size + max(size // 2, 1)
        paragraph = max(text.rfind("\n\n", low, target), text.rfind("\n\r\n", low, target))
        if paragraph >= 0:
            cut = _next_nonblank_line(text, paragraph + 1, size // 2)
        elif line_break := _LAST_LINE_BREAK.search(text, low, target) or LINE_BREAK.search(text, target, high):
            cut = line_break.end() + text.startswith("\r\n", line_break.end() - 1)  # bounds may split a "\r\n"
            cut = _next_nonblank_line(text, cut, size // 2)
        else:  # one line longer than a window: cut after white space, or anywhere in a blob without any
            space = _LAST_SPACE.search(text, low, target)
            cut = space.end() if space else target
        if cut >= len(text) or len(text) - cut < size // 2:
            return
        yield cut
        start = cut


def _next_nonblank_line(text: str, position: int, limit: int) -> int:
    """The start of the first non-blank line at or after `position` (a line start), looked for in the next `limit`
    characters; `position` if there is none there."""
    visible = NON_BLANK.search(text, position, position + limit)
    if visible is None:
        return position
    line_break = _LAST_LINE_BREAK.search(text, position, visible.start())
    return line_break.end() if line_break else position


def _first_line_visible(text: str, start: int, end: int) -> bool:
    """Whether the first line of text[start:end] holds a non-blank character."""
    line_break = LINE_BREAK.search(text, start, end)
    return NON_BLANK.search(text, start, line_break.start() if line_break else end) is not None


def _blank_line_before(text: str, start: int) -> bool:
    """Whether the line that ends just before `start` (a line start) holds only blank characters."""
    content_end = start - 2 if text.startswith("\r\n", start - 2) else start - 1
    last = _LAST_VISIBLE_OR_BREAK.search(text, 0, content_end)
    return last is None or last.group("visible") is None


def end_of_kept_text(text: str, removed: Sequence[tuple[int, int]]) -> int:
    """Where the last visible character that the sorted `removed` spans leave of `text` ends (0: none is left).

    >>> end_of_kept_text("ab c \\n", [(3, 4)]), end_of_kept_text("ab", [(0, 2)])
    (2, 0)
    """
    position = len(text)
    for start, end in reversed(removed):
        if end < position and (visible := _LAST_VISIBLE.search(text, end, position)):
            return visible.end()
        position = min(position, start)
    visible = _LAST_VISIBLE.search(text, 0, position)
    return visible.end() if visible else 0


def line_breaks(text: str, start: int, end: int) -> int:
    """The line breaks in text[start:end] ("\\r\\n" is one), counted in C; `start` and `end` must not split a
    "\\r\\n".

    >>> line_breaks("a\\r\\nb\\rc\\u2028d\\n", 0, 10)
    4
    """
    return sum(text.count(c, start, end) for c in LINE_BREAKS) - text.count("\r\n", start, end)


def nonblank_lines(text: str, start: int, end: int, limit: int) -> int:
    """How many lines of text[start:end] hold more than blank characters, counted up to `limit`.

    >>> nonblank_lines("a\\n \\n\\nb c\\nd", 0, 10, 2), nonblank_lines("\\n\\n", 0, 2, 5)
    (2, 0)
    """
    count, position = 0, start
    while count < limit:
        visible = NON_BLANK.search(text, position, end)
        if visible is None:
            break
        count += 1
        line_break = LINE_BREAK.search(text, visible.end(), end)
        if line_break is None:
            break
        position = line_break.end()
    return count
