"""Cut a text into lines and sub-line segments, each with exact offsets into the original.

Lines break exactly where `str.splitlines()` breaks them, so line numbers agree with any tool that uses it.
Segments cut a line where a reader sees a seam: after a sentence end, where two glued link texts meet
(`survivorsEbola`, `system.porno`), and at the edges of rule hits (`izle|brazzers`).
"""
from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, chain, count, islice, repeat
from operator import add
from typing import NamedTuple, overload

import regex

LINE_BREAK = regex.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# A seam: after sentence punctuation (and closing quotes) before a word; before an upper-case letter that
# starts a word glued onto a lower-case one ("survivorsEbola"); before a tag glued on ("end.</div>").
# Each alternative starts with a rare character, so the search skips ahead quickly.
_SEAM = regex.compile(r"[.!?…。！？][\"'”’»)\]]*+(?=\s*+[\p{L}\p{N}\"'“‘«(\[<])"
                      r"|(?P<at>\p{Lu}(?<=\p{Ll}\p{Lu})(?=\p{Ll})|<(?<=[^\s<>]<)(?=/?[a-zA-Z!]))")
_EXOTIC_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_PIECE = 1 << 16  # characters split into lines at a time
# Seams of glued junk that a sentence end or a case change does not mark: a closing bracket or quote glued to a
# letter ("Space)GET"), a change of script ("Getty|شارك", "future| быстрые"), lower case glued to capitals
# ("ayahku|ADVERTISEMENT"), capitals glued to lower case ("TX|casino"), digits glued to a word ("1500|OO.ready").
# Each pattern leads with the rarer side of its seam, so the scan skips ahead fast; (pattern, seam at its end).
# Scripts other than Latin, as the seams of glued junk see them: East Asian scripts mix within one text (Han with
# kana, hanja with Hangul), so they are one.
_OTHER_SCRIPTS = (r"\p{Cyrillic}", r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}", r"\p{Arabic}", r"\p{Thai}",
                  r"\p{Greek}", r"\p{Hebrew}", r"\p{Devanagari}")
_NON_LATIN = "".join(_OTHER_SCRIPTS)
_HAS_NON_LATIN = regex.compile(rf"[{_NON_LATIN}]")
# Cyrillic letters that look like Latin ones, which spammers put in Latin words (`normalize` folds them).
LOOKALIKE_LETTERS = "аеорсхуікј"
_HAS_LOOKALIKE = regex.compile(f"[{LOOKALIKE_LETTERS}{LOOKALIKE_LETTERS.upper()}]")
_MIXED_WORD = regex.compile(r"(?=[\p{Latin}\p{Cyrillic}])[\p{Latin}\p{Cyrillic}\p{N}]++")  # a word of either
_LATIN, _CYRILLIC = regex.compile(r"\p{Latin}"), regex.compile(r"\p{Cyrillic}")
_GLUED_SEAMS: tuple[tuple[regex.Pattern[str], bool], ...] = (
    (regex.compile(r"[)\]”»](?=\p{L})"), True),
    (regex.compile(r"\p{Lu}{2}(?<=\p{Ll}\p{Lu}{2})"), False),
    (regex.compile(r"\p{Lu}{2}(?=\p{Ll}{2})"), True),
    (_DIGIT_SEAM := regex.compile(r"\d(?=\p{L}{2})"), True),
)
_SCRIPT_SEAMS = (
    (regex.compile(rf"\p{{Latin}}[\p{{Pe}}\p{{Pf}}\"']*+(?=\s*+[{_NON_LATIN}])"), True),  # "Space)| Заходи"
    (regex.compile(rf"[{_NON_LATIN}][\p{{Pe}}\p{{Pf}}\"']*+(?=\s*+\p{{Latin}})"), True),
)
# A change between two of the other scripts ("Анна Петрова|최고의 고수익 ..."): (the script, the seam after it).
_OTHER_SCRIPT_SEAMS = tuple(
    (regex.compile(f"[{script}]"),
     regex.compile(rf"[{script}][\p{{Pe}}\p{{Pf}}\"']*+(?=\s*+[[{_NON_LATIN}]--[{script}]])", regex.VERSION1))
    for script in _OTHER_SCRIPTS)

# What is never cut. Each pattern runs only where its cheap hint is present ("://", "@", a dot before a TLD).
_TLDS = "com|org|net|edu|gov|io|co|uk|ru|tr|id|de|fr|info|biz"
_TLD_LIST = tuple(sorted(_TLDS.split("|"), key=len, reverse=True))  # the longest first
_TLD_SET = frozenset(_TLD_LIST)
_HOST = regex.compile(r"[A-Za-z0-9.-]++")
_URL = regex.compile(r"(?:https?://|www\.)\S++")
_EMAIL = regex.compile(r"(?<!\S)[^\s@]++@\S+\.\w++")
_TLD_HINT = regex.compile(rf"\.(?:{_TLDS})\b")
_DOMAIN = regex.compile(rf"\b[\w-]++(?:\.[\w-]++)*\.(?:{_TLDS})\b(?:/\S*+)?")
# Where a word glued onto a URL's last path part begins: a capitalised or upper-case word after lower case, or a
# word of one case after digits, that runs to the URL's end. Short-link and video ids mix cases and digits
# ("FDS4xU", "dQw4w9WgXcQ"), so they show no such word.
_PATH_SEAM = regex.compile(r"(?<=\p{Ll})(?=(?:\p{Lu}\p{Ll}++|\p{Lu}{3,})(?!\S))"
                           r"|(?<=\d)(?=(?:\p{Ll}{3,}|\p{Lu}{3,})(?!\S))")


def offset_typecode(length: int) -> str:
    """The array typecode for offsets into a text of `length` characters: 4 bytes each below 2**31.

    >>> offset_typecode(10), offset_typecode(2**31)
    ('i', 'q')
    """
    return "i" if length < 2**31 else "q"


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


class Lines(Sequence[Line]):
    """The lines of a text as arrays of offsets: a `Line` is made when one is asked for. A text of a million short
    lines (a newline flood is ordinary crawler output) takes 8 bytes a line, where a list of tuples took 200.
    Lines follow each other with no gap, so a line's break ends where the next line starts."""

    def __init__(self, text_length: int) -> None:
        typecode = offset_typecode(text_length)
        self.text_length = text_length
        self.starts, self.ends = array(typecode), array(typecode)

    def break_end(self, index: int) -> int:
        """Where line `index`'s line break ends (the text's end, for the last line)."""
        return self.starts[index + 1] if index + 1 < len(self.starts) else self.text_length

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...

    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        # tuple.__new__ builds the Line in C (see __iter__); a document asks for dozens of lines
        starts = self.starts
        break_end = starts[index + 1] if index + 1 < len(starts) else self.text_length  # as break_end() gives
        return tuple.__new__(Line, (index + 1, starts[index], self.ends[index], break_end))

    def __iter__(self) -> Iterator[Line]:
        make = tuple.__new__  # Line(...) goes through a Python-level __new__; this builds the same tuples in C
        break_ends = chain(islice(self.starts, 1, None), (self.text_length,))
        return (make(Line, fields) for fields in zip(count(1), self.starts, self.ends, break_ends))

    def __repr__(self) -> str:
        return f"Lines({list(self)!r})"


def split_lines(text: str) -> Lines:
    """The lines of `text`, as `text.splitlines()` gives them, with offsets.

    >>> list(split_lines("a\\r\\nb\\n"))
    [Line(number=1, start=0, end=1, break_end=3), Line(number=2, start=3, end=4, break_end=5)]
    """
    lines = Lines(len(text))
    if any(c in text for c in _EXOTIC_BREAKS):
        start = 0
        for m in LINE_BREAK.finditer(text):
            lines.starts.append(start)
            lines.ends.append(m.start())
            start = m.end()
        if start < len(text):
            lines.starts.append(start)
            lines.ends.append(len(text))
        return lines
    # Only "\n": str.split is many times faster than a regex. The text is split a piece of about _PIECE
    # characters at a time (each piece ends after a "\n"), so no list of all its lines is ever built.
    offset = 0
    while offset < len(text):
        stop = text.find("\n", offset + _PIECE)
        stop = len(text) if stop < 0 else stop + 1
        lengths = list(map(len, text[offset:stop].split("\n")))
        if not lengths[-1]:
            lengths.pop()  # the piece ends with a line break: no empty line after it, as with splitlines()
        starts = list(accumulate(map(add, lengths[:-1], repeat(1)), initial=offset))  # each line + its "\n"
        ends = list(map(add, starts, lengths))
        lines.starts.extend(starts)
        lines.ends.extend(ends)
        offset = stop
    return lines


def split_segments(text: str, line: Line, extra_cuts: Iterable[int] = ()) -> list[Segment]:
    """Cut one line at its seams (never inside a URL or e-mail address, though a word glued onto its end is no part
    of it) and at `extra_cuts` offsets.

    >>> text = "He resigned.porno izle"
    >>> [text[s.start:s.end] for s in split_segments(text, split_lines(text)[0])]
    ['He resigned.', 'porno izle']
    """
    content = text[line.start:line.end]
    extra = {c - line.start for c in extra_cuts if line.start < c < line.end}
    cuts = extra.union(m.start() if m.group("at") else m.end() for m in _SEAM.finditer(content))
    addresses = _protected_spans(content)
    if addresses:
        hit_edges = _HitEdges(content, extra)
        cuts = {c for c in cuts if all(_may_cut(content, c, a, hit_edges) for a in addresses)}
    kept = sorted(c for c in cuts if 0 < c < len(content))
    bounds = [0, *kept, len(content)]
    number, start, make = line.number, line.start, tuple.__new__  # tuples built in C, as `Lines` builds them
    return [make(Segment, (number, start + a, start + b)) for a, b in zip(bounds, bounds[1:]) if b > a]


class _Address(NamedTuple):
    """A URL, e-mail address or domain name in a line: [start, end), and where a word glued onto it may begin: from
    `host_end` on anything (the host ended there), in its last path part from `last_part` on (`_may_cut`)."""

    start: int
    end: int
    host_end: int
    last_part: int


class _HitEdges:
    """The cuts given to `split_segments` that may cut the last part of a URL's path: those no seam pattern of
    `glued_junk_seams` makes (the edges of rule hits, as `units.tail_segments` gives them), and those that one
    makes where no id can be (a change of script, or Latin text after it that is not ASCII: "…/report|İZmiR",
    "…/report|JA\u200dSA", but not "…/2A6mx|CWкредит"); the patterns run when first asked."""

    def __init__(self, content: str, extra: set[int]) -> None:
        self.content, self.extra = content, extra
        self.glued: set[int] | None = None

    def cut(self, cut: int, end: int) -> bool:
        """Whether `cut` stands in a last path part ending at `end`."""
        if cut not in self.extra:
            return False
        if self.glued is None:
            self.glued = {m.end() if at_end else m.start() for p, at_end in _GLUED_SEAMS
                          for m in p.finditer(self.content)}
        content = self.content
        if cut not in self.glued or _script_change(content[cut - 1], content[cut]):
            return True
        word = content[cut:end]
        other_script = _HAS_NON_LATIN.search(word)
        return not word[:other_script.start() if other_script else len(word)].isascii()


def _may_cut(content: str, cut: int, address: _Address, hit_edges: _HitEdges) -> bool:
    """Whether `cut` may stand for `address`: outside it; after the end of its host ("name@paper.com|payday
    loans", "example.org|cheap viagra": no real host goes on so); in its last path part only between two letters
    or digits, and there only at the edge of a rule hit ("…/report|cheap viagra") or where no id can be
    (`_HitEdges`): no case change or digit seam cuts a path, whose ids mix cases and digits ("dQw4w9WgXcQ")."""
    if not address.start < cut < address.end or cut >= address.host_end:
        return True
    return cut >= address.last_part and content[cut - 1].isalnum() and content[cut].isalnum() \
        and hit_edges.cut(cut, address.end)


def _script_change(left: str, right: str) -> bool:
    return left.isascii() != right.isascii() and bool(_HAS_NON_LATIN.match(left) or _HAS_NON_LATIN.match(right))


def _protected_spans(content: str) -> list[_Address]:
    """The URLs, e-mail addresses and domain names (with their paths) in one line."""
    patterns = []
    if "://" in content or "www." in content:
        patterns.append(_URL)
    if "@" in content:
        patterns.append(_EMAIL)
    if _TLD_HINT.search(content):
        patterns.append(_DOMAIN)
    return [_address(m) for p in patterns for m in p.finditer(content)]


def _address(match: regex.Match[str]) -> _Address:
    """The address a pattern matched, with where its host ends and its last path part begins (see `_Address`).

    A host is ASCII letters, digits, dots and hyphens; it ends within its last label where a top-level domain
    starting it has more letters glued on ("paper.com|payday"), and where a character follows that no host holds
    and no URL goes on with ("paper.com|ブラック"); a last label that is a top-level domain ("paper.com") or that
    starts with none ("paper.news") goes on.

    >>> [(a.host_end - a.start, a.last_part - a.start) for a in (_address(p.search(t)) for p, t in (
    ...     (_URL, "https://a.org/reportcheap"), (_EMAIL, "x@a.compayday"), (_EMAIL, "x@a.com"),
    ...     (_EMAIL, "x@a.comブラック"), (_URL, "https://a.org")))]
    [(25, 14), (7, 13), (7, 7), (7, 11), (13, 13)]
    """
    body = match.group()
    start, end = match.start(), _path_end(match)
    host_start = body.find("://") + 3 if "://" in body else body.find("@") + 1
    host = _HOST.match(body, host_start)
    host_end = host.end() if host else host_start
    slash = body.find("/", host_start)
    last_part = body.rfind("/") + 1 if slash >= 0 else len(body)
    if slash >= 0 and not body.isascii():  # the part where text of another script begins: "…/report高仿…http://…"
        first = next(i for i, c in enumerate(body) if not c.isascii())
        last_part = min(last_part, body.rfind("/", 0, first) + 1) if first > slash else last_part
    label_start = body.rfind(".", host_start, host_end) + 1
    label = body[label_start:host_end]
    glued_at = len(body)
    if label_start > host_start and label not in _TLD_SET:
        tld = next((t for t in _TLD_LIST if label.startswith(t)), None)
        if tld:
            glued_at = label_start + len(tld)
    if glued_at == len(body) and host_end < len(body) and body[host_end] not in "/:?#":
        glued_at = host_end
    return _Address(start, end, start + glued_at, start + last_part)


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
    """Offsets in `content` (one line) where glued junk may begin though no sentence end or case change shows.

    A change of script inside a Latin word disguised with Cyrillic look-alikes is no seam ("volunt|е|ers" would
    cut a word in pieces); where a spam phrase glued on begins there, its hit's edge is the seam.

    >>> glued_junk_seams("The systemроrno izle"), glued_junk_seams("The systemпорно")
    ([], [10])
    >>> glued_junk_seams("Анна Петрова최고의 고수익"), glued_junk_seams("文대통령은 中国")
    ([12], [])
    """
    seams = {m.end() if at_end else m.start() for p, at_end in _GLUED_SEAMS for m in p.finditer(content)
             if p is not _DIGIT_SEAM or not _leet_digit(content, m.start())}
    if not content.isascii() and _HAS_NON_LATIN.search(content):
        script = {m.end() if at_end else m.start() for p, at_end in _SCRIPT_SEAMS for m in p.finditer(content)}
        held = [seam for letter, seam in _OTHER_SCRIPT_SEAMS if letter.search(content)]
        if len(held) > 1:
            script.update(m.end() for seam in held for m in seam.finditer(content))
        if script and _HAS_LOOKALIKE.search(content):
            script -= {i for m in _MIXED_WORD.finditer(content) if _disguised(m.group())
                       for i in range(m.start() + 1, m.end())}
        seams |= script
    return sorted(seams)


def _leet_digit(content: str, at: int) -> bool:
    """Whether the digits ending at `at` are letters of a word in leetspeak, not a number glued to one: digits
    inside a word ("r3|plika", "p0|rn0") or one digit before lower case ("1|zle", "4|yakkabı", "3|rd").

    >>> [_leet_digit(t, t.index(d)) for t, d in (("r3plika", "3"), ("1zle", "1"), ("2014porno", "4"), ("9AB", "9"))]
    [True, True, False, False]
    """
    start = at
    while start > 0 and content[start - 1].isdigit():
        start -= 1
    return start > 0 and content[start - 1].isalpha() or start == at and content[at + 1].islower()


def _disguised(word: str) -> bool:
    """A Latin word with Cyrillic look-alikes in it: Latin letters and no Cyrillic letter but look-alikes."""
    return bool(_LATIN.search(word)) and all(c.lower() in LOOKALIKE_LETTERS for c in _CYRILLIC.findall(word))
