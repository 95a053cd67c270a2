"""Cut a text into lines and sub-line segments, each with exact offsets into the original.

Lines break exactly where `str.splitlines()` breaks them, so line numbers agree with any tool that uses it.
Segments cut a line where a reader sees a seam: after a sentence end, where two glued link texts meet
(`survivorsEbola`, `system.porno`), and at the edges of rule hits (`izle|brazzers`).
"""
from __future__ import annotations

from collections.abc import Iterable
from itertools import accumulate
from typing import NamedTuple

import regex

_LINE_BREAK = regex.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# A seam: after sentence punctuation (and closing quotes) before a word; before an upper-case letter that
# starts a word glued onto a lower-case one ("survivorsEbola"); before a tag glued on ("end.</div>").
# Each alternative starts with a rare character, so the search skips ahead quickly.
_SEAM = regex.compile(r"[.!?…。！？][\"'”’»)\]]*+(?=\s*+[\p{L}\p{N}\"'“‘«(\[<])"
                      r"|(?P<at>\p{Lu}(?<=\p{Ll}\p{Lu})(?=\p{Ll})|<(?<=[^\s<>]<)(?=/?[a-zA-Z!]))")
_EXOTIC_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
# Seams of glued junk that a sentence end or a case change does not mark: a closing bracket or quote glued to a
# letter ("Space)GET"), a change of script ("Getty|شارك", "future| быстрые"), lower case glued to capitals
# ("ayahku|ADVERTISEMENT"), capitals glued to lower case ("TX|casino"), digits glued to a word ("1500|OO.ready").
# Each pattern leads with the rarer side of its seam, so the scan skips ahead fast; (pattern, seam at its end).
_NON_LATIN = r"\p{Cyrillic}\p{Han}\p{Hiragana}\p{Katakana}\p{Arabic}\p{Hangul}\p{Thai}\p{Greek}\p{Hebrew}\p{Devanagari}"
_HAS_NON_LATIN = regex.compile(rf"[{_NON_LATIN}]")
_GLUED_SEAMS: tuple[tuple[regex.Pattern[str], bool], ...] = (
    (regex.compile(r"[)\]”»](?=\p{L})"), True),
    (regex.compile(r"\p{Lu}{2}(?<=\p{Ll}\p{Lu}{2})"), False),
    (regex.compile(r"\p{Lu}{2}(?=\p{Ll}{2})"), True),
    (regex.compile(r"\d(?=\p{L}{2})"), True),
)
_SCRIPT_SEAMS = (
    (regex.compile(rf"\p{{Latin}}(?=\s*+[{_NON_LATIN}])"), True),
    (regex.compile(rf"[{_NON_LATIN}](?=\s*+\p{{Latin}})"), True),
)

# What is never cut. Each pattern runs only where its cheap hint is present ("://", "@", a dot before a TLD).
_TLDS = "com|org|net|edu|gov|io|co|uk|ru|tr|id|de|fr|info|biz"
_URL = regex.compile(r"(?:https?://|www\.)\S++")
_EMAIL = regex.compile(r"(?<!\S)[^\s@]++@\S+\.\w++")
_TLD_HINT = regex.compile(rf"\.(?:{_TLDS})\b")
_DOMAIN = regex.compile(rf"\b[\w-]++(?:\.[\w-]++)*\.(?:{_TLDS})\b(?:/\S*+)?")
# Where a word glued onto a URL's last path part begins: a capitalised or upper-case word after lower case, or a
# word of one case after digits, that runs to the URL's end. Short-link and video ids mix cases and digits
# ("FDS4xU", "dQw4w9WgXcQ"), so they show no such word.
_PATH_SEAM = regex.compile(r"(?<=\p{Ll})(?=(?:\p{Lu}\p{Ll}++|\p{Lu}{3,})(?!\S))"
                           r"|(?<=\d)(?=(?:\p{Ll}{3,}|\p{Lu}{3,})(?!\S))")


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
    """The lines of `text`, as `text.splitlines()` gives them, with offsets.

    >>> split_lines("a\\r\\nb\\n")
    [Line(number=1, start=0, end=1, break_end=3), Line(number=2, start=3, end=4, break_end=5)]
    """
    lines: list[Line] = []
    start = 0
    if not any(c in text for c in _EXOTIC_BREAKS):  # only "\n": str.split is many times faster than a regex
        lengths = [len(part) for part in text.split("\n")]
        if not lengths[-1]:
            lengths.pop()  # text ends with a line break (or is empty): no empty last line, as with splitlines()
        starts = list(accumulate((n + 1 for n in lengths), initial=0))
        ends = [s + n for s, n in zip(starts, lengths)]
        breaks = starts[1:]
        if breaks and breaks[-1] > len(text):
            breaks[-1] = len(text)
        make = tuple.__new__  # Line(...) goes through a Python-level __new__; this builds the same tuples in C
        return [make(Line, fields) for fields in zip(range(1, len(lengths) + 1), starts, ends, breaks)]
    for m in _LINE_BREAK.finditer(text):
        lines.append(Line(len(lines) + 1, start, m.start(), m.end()))
        start = m.end()
    if start < len(text):
        lines.append(Line(len(lines) + 1, start, len(text), len(text)))
    return lines


def split_segments(text: str, line: Line, extra_cuts: Iterable[int] = ()) -> list[Segment]:
    """Cut one line at its seams (never inside a URL or e-mail address, though a word glued onto a URL's end is
    no part of it) and at `extra_cuts` offsets.

    >>> text = "He resigned.porno izle"
    >>> [text[s.start:s.end] for s in split_segments(text, split_lines(text)[0])]
    ['He resigned.', 'porno izle']
    """
    content = text[line.start:line.end]
    protected = _protected_spans(content)
    cuts = {m.start() if m.group("at") else m.end() for m in _SEAM.finditer(content)}
    cuts.update(c - line.start for c in extra_cuts if line.start < c < line.end)
    kept = sorted(c for c in cuts if 0 < c < len(content) and not any(a < c < b for a, b in protected))
    bounds = [0, *kept, len(content)]
    return [Segment(line.number, line.start + a, line.start + b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _protected_spans(content: str) -> list[tuple[int, int]]:
    """Spans of URLs, e-mail addresses and domain names (with their paths) in one line."""
    patterns = []
    if "://" in content or "www." in content:
        patterns.append(_URL)
    if "@" in content:
        patterns.append(_EMAIL)
    if _TLD_HINT.search(content):
        patterns.append(_DOMAIN)
    return [(m.start(), _path_end(m)) for p in patterns for m in p.finditer(content)]


def _path_end(url: regex.Match[str]) -> int:
    """Where a URL or domain match ends: at the first seam of glued junk in its last path part, if any
    ("…/2101.8175|porno kostenlos", "…/labour-report-vaccine|Melhores garotas"), else at its end."""
    body = url.group()
    slash = body.find("/", body.find("://") + 3 if "://" in body else 0)
    if slash < 0:
        return url.end()  # a bare host: its dots and capitals are no seams
    seam = _PATH_SEAM.search(body, body.rfind("/") + 1)
    return url.start() + seam.start() if seam else url.end()


def glued_junk_seams(content: str) -> list[int]:
    """Offsets in `content` (one line) where glued junk may begin though no sentence end or case change shows."""
    patterns = _GLUED_SEAMS
    if not content.isascii() and _HAS_NON_LATIN.search(content):
        patterns += _SCRIPT_SEAMS
    return sorted({m.end() if at_end else m.start() for p, at_end in patterns for m in p.finditer(content)})
