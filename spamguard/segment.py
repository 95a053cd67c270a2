"""Cut a text into lines and sub-line segments, each with exact offsets into the original.

Lines break exactly where `str.splitlines()` breaks them, so line numbers agree with any tool that uses it.
Segments cut a line where a reader sees a seam: after a sentence end, where two glued link texts meet
(`survivorsEbola`, `system.porno`), and at the edges of rule hits (`izle|brazzers`).
"""
from __future__ import annotations

from typing import Iterable, NamedTuple

import regex

_LINE_BREAK = regex.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# A seam: after sentence punctuation (and closing quotes), or between a lower-case and an upper-case letter.
_SEAM = regex.compile(r"(?<=[.!?…。！？][\"'”’»)\]]*+)(?![\"'”’»)\]])(?=\s*+[\p{L}\p{N}\"'“‘«(\[<])|(?<=\p{Ll})(?=\p{Lu}\p{Ll})|(?<=[^\s<>])(?=</?[a-zA-Z!])")
_URL_OR_EMAIL = regex.compile(r"(?:https?://|www\.)\S++|\S+@\S+\.\w++|\b[\w-]++(?:\.[\w-]++)*\.(?:com|org|net|edu|gov|io|co|uk|ru|tr|id|de|fr|info|biz)\b(?:/\S*+)?")


class Line(NamedTuple):
    """One line: `start`/`end` bound its content, `break_end` includes its line break. `number` is 1-based.

    Lines and segments are named tuples, not dataclasses: every document makes dozens, and tuples are cheap.
    """

    number: int
    start: int
    end: int
    break_end: int


class Segment(NamedTuple):
    """A piece of one line, [start, end) in the original text."""

    line: int
    start: int
    end: int


def split_lines(text: str) -> list[Line]:
    """The lines of `text`, as `text.splitlines()` gives them, with offsets."""
    lines: list[Line] = []
    start = 0
    for m in _LINE_BREAK.finditer(text):
        lines.append(Line(len(lines) + 1, start, m.start(), m.end()))
        start = m.end()
    if start < len(text):
        lines.append(Line(len(lines) + 1, start, len(text), len(text)))
    return lines


def split_segments(text: str, line: Line, extra_cuts: Iterable[int] = ()) -> list[Segment]:
    """Cut one line at its seams (never inside a URL or e-mail address) and at `extra_cuts` offsets."""
    content = text[line.start:line.end]
    protected = [(m.start(), m.end()) for m in _URL_OR_EMAIL.finditer(content)]
    cuts = {m.start() for m in _SEAM.finditer(content)}
    cuts.update(c - line.start for c in extra_cuts if line.start < c < line.end)
    cuts = sorted(c for c in cuts if 0 < c < len(content) and not any(a < c < b for a, b in protected))
    bounds = [0, *cuts, len(content)]
    return [Segment(line.number, line.start + a, line.start + b) for a, b in zip(bounds, bounds[1:]) if b > a]
