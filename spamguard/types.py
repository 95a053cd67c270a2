"""The results spamguard returns: frozen dataclasses that serialize to a JSON-ready report."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

# The closed vocabularies of results and rules, listed once; rules.py derives its runtime tuples from these.
Verdict = Literal["clean", "cleaned", "spam"]  # no flags / junk removed / the whole document is junk
Category = Literal["adult", "escort", "gambling", "pharma", "counterfeit", "scam", "essay-mill", "seo-link",
                   "boilerplate", "markup", "other"]  # "other": flags no rule names, and the dodge rules
Scope = Literal["line", "span", "term"]  # what a rule hit means (see rules.py)
Anchor = Literal["line", "start", "any"]  # where a rule's pattern must match


@dataclass(frozen=True, slots=True)  # slots: a report can hold a flag for every other line of a big file
class Flag:
    """One removed span of the original text and why it was removed.

    `start`/`end` are character offsets into the ORIGINAL text (end exclusive): the whole removed span, which
    often begins with the line breaks and blank lines removed with the junk. `line` and `column` (both 1-based)
    point at the span's first non-white-space character, so at `start` only when the span begins with one:
    `line` counts lines as ``str.splitlines()`` splits them (``\n``, ``\r\n``, ``\r`` and the other Unicode line
    breaks each end one), and `column` counts characters (code points, not bytes; a tab is one) from that
    line's start. The command line reads files without their UTF-8 byte-order mark, so it is never counted.
    `rules` are the ids of the rules that fired on the span (may be empty when the model alone decided);
    `model_score` is the classifier's probability (None when no model was used); `score` is the one
    calibrated junk score the decision used; `excerpt` is the flagged text with its white space collapsed,
    shortened with "…" when long.
    """

    start: int
    end: int
    line: int
    column: int
    category: Category
    rules: tuple[str, ...]
    score: float
    excerpt: str
    model_score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "category": self.category,
            "rules": list(self.rules),
            "score": round(self.score, 4),
            "model_score": None if self.model_score is None else round(self.model_score, 4),
            "excerpt": self.excerpt,
        }


@dataclass(frozen=True)
class Result:
    """The sanitized text, the flags that produced it, and the verdict for the whole document."""

    text: str
    flags: tuple[Flag, ...] = field(default_factory=tuple)
    verdict: Verdict = "clean"

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "verdict": self.verdict,
            "removed_chars": sum(f.end - f.start for f in self.flags),
            "flags": [f.to_dict() for f in self.flags],
        }
