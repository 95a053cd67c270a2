"""Splice junk onto a real article with exact spans, and take spans out again.

`inject` leaves every character of the article untouched: removing `spans` from `text` gives the
article back byte for byte. For trailer modes the separator ("\\n\\n", "\\n", " ") belongs to the span.
"""
from __future__ import annotations

import random
from collections.abc import Sequence
from typing import NamedTuple

from spamguard import apply
from spamguard.segment import split_lines

from .junk import _check, junk_line
from .vocab import _PREFIXES, MIDDLE_FAMILIES

MODES: tuple[str, ...] = ("blank-line", "newline", "glued", "glued-space", "multi-line", "middle", "above-last",
                          "prefix")
_MODE_WEIGHTS: dict[str, int] = {
    "blank-line": 26, "newline": 20, "glued": 16, "glued-space": 10, "multi-line": 18, "middle": 8, "above-last": 4,
    "prefix": 2,
}
# Hacked pages inject spam between paragraphs and above the byline too, but most of it still ends the page: spam
# families take the modes within the text at this share of boilerplate's weight.
_SPAM_WITHIN_SHARE = 4.0


def _newline(article: str) -> str:
    """The article's own line break style, for the junk we add."""
    if "\r\n" in article:
        return "\r\n"
    if "\r" in article and "\n" not in article:
        return "\r"
    return "\n"


def _pick_mode(rng: random.Random, family: str) -> str:
    modes = [m for m in MODES if m != "prefix" or family == "boilerplate"]
    within = 1.0 if family in MIDDLE_FAMILIES else _SPAM_WITHIN_SHARE
    weights = [_MODE_WEIGHTS[m] * (within if m in ("middle", "above-last") else 1.0) for m in modes]
    return rng.choices(modes, weights=weights)[0]


def inject(
    article: str,
    rng: random.Random,
    family: str | None = None,
    mode: str | None = None,
    language: str | None = None,
    junk: str | None = None,
) -> tuple[str, list[tuple[int, int]], dict]:
    """Splice junk onto a real clean article; return (text, junk spans, info).

    `junk` given = use that text (e.g. real anchors) instead of generating it. Modes: see MODES; "middle" puts the
    junk as a line (with the article's separator) before a non-blank line other than the first, "above-last" before
    the last non-blank line (above a byline, when the article ends in one); "prefix" is only for boilerplate
    (ValueError otherwise). A "middle", "above-last" or "prefix" request on an article with a single paragraph falls
    back to "blank-line" (info["mode"] says so).
    """
    if not isinstance(article, str):
        raise TypeError(f"article must be str, not {type(article).__name__}")
    family, language = _check(family, language, rng)
    if mode is None:
        mode = _pick_mode(rng, family)
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
    if mode == "prefix" and family != "boilerplate":
        raise ValueError(f"mode 'prefix' is only for boilerplate, not {family!r}")
    nl = _newline(article)
    lines = split_lines(article)  # exactly str.splitlines()' lines, with offsets

    def one() -> str:
        return junk if junk is not None else junk_line(rng, family, language)[0]

    if mode in ("middle", "above-last", "prefix"):
        # candidate lines: non-blank, not the first non-blank line (middle), the last of two or more (above-last),
        # any non-blank line (prefix)
        nonblank = [i for i, line in enumerate(lines) if article[line.start:line.end].strip()]
        cands = {"middle": nonblank[1:], "above-last": nonblank[-1:] if len(nonblank) > 1 else []}.get(mode, nonblank)
        if cands:
            k = rng.choice(cands)
            start = lines[k].start
            if mode == "prefix":
                piece = junk if junk is not None else rng.choice(_PREFIXES)
            else:
                prev = max(i for i in nonblank if i < k)
                piece = one() + article[lines[prev].end:start]
            text = article[:start] + piece + article[start:]
            return text, [(start, start + len(piece))], {"family": family, "mode": mode, "language": language}
        mode = "blank-line"
    end = len(article.rstrip())
    if mode == "multi-line":
        gap = nl * 2 if rng.random() < 0.3 else nl
        block = junk if junk is not None else gap.join(one() for _ in range(rng.randint(2, 6)))
        piece = rng.choice((nl, nl * 2)) + block
    else:
        sep = {"blank-line": nl * 2, "newline": nl, "glued": "", "glued-space": " "}[mode]
        piece = sep + one()
    if end == 0:
        piece = piece.lstrip()
    text = article[:end] + piece + article[end:]
    return text, [(end, end + len(piece))], {"family": family, "mode": mode, "language": language}


class _Span(NamedTuple):
    """A (start, end) span in the shape `spamguard.apply` reads from its flags."""

    start: int
    end: int


def remove_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text without the given sorted, non-overlapping (start, end) spans (what `spamguard.apply` does)."""
    return apply(text, [_Span(start, end) for start, end in spans])
