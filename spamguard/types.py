"""The results spamguard returns: frozen dataclasses that serialize to a JSON-ready report."""
from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, get_args, overload

SCHEMA_VERSION = 1

# The closed vocabularies of results and rules, listed once; rules.py derives its runtime tuples from these.
Verdict = Literal["clean", "cleaned", "spam"]  # no flags / junk removed / the whole document is junk
Category = Literal["adult", "escort", "gambling", "pharma", "counterfeit", "scam", "essay-mill", "seo-link",
                   "boilerplate", "markup", "other"]  # "other": flags no rule names, and the dodge rules
Scope = Literal["line", "span", "term"]  # what a rule hit means (see rules.py)
Anchor = Literal["line", "start", "any"]  # where a rule's pattern must match
CATEGORIES: tuple[Category, ...] = get_args(Category)


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
    shortened with "…" when long; `repeats` is the number of documents of the corpus memory that hold the removed
    line (the most among its lines) when the memory named it (rule "corpus.repeated"), else 0.
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
    repeats: int = 0

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
            "repeats": self.repeats,
        }


class Flags(Sequence[Flag]):
    """A document's flags, in order of start, kept as arrays: a `Flag` is made when one is asked for. A big file can
    hold a flag every other line; as objects they took about 300 bytes each, here about 41 (and each distinct
    excerpt and rule list once). Compares equal to any sequence of the same flags (a tuple of them, say)."""

    def __init__(self, flags: Iterable[Flag] = ()) -> None:
        # Offsets, lines and columns take 4 bytes each, 8 from the first one that does not fit (a text of 4 G).
        self._starts, self._ends, self._lines, self._columns = array("I"), array("I"), array("I"), array("I")
        self._scores, self._model_scores = array("d"), array("d")  # NaN: no model score
        self._categories, self._rule_numbers, self._excerpt_numbers = array("B"), array("I"), array("I")
        self._repeats = array("I")
        self._rules: list[tuple[str, ...]] = []  # each distinct rule list once
        self._rule_index: dict[tuple[str, ...], int] = {}
        self._excerpts: list[str] = []  # each distinct excerpt once
        self._excerpt_index: dict[str, int] = {}
        for flag in flags:
            self.append(flag)

    def append(self, flag: Flag) -> None:
        """Add a flag after the others (in order of start, or of end when gathered from the end: see `reverse`)."""
        positions = (flag.start, flag.end, flag.line, flag.column)
        if self._starts.typecode == "I" and not all(0 <= n <= 0xFFFF_FFFF for n in positions):
            self._starts, self._ends, self._lines, self._columns = (
                array("q", numbers) for numbers in (self._starts, self._ends, self._lines, self._columns))
        for numbers, n in zip((self._starts, self._ends, self._lines, self._columns), positions):
            numbers.append(n)
        self._scores.append(flag.score)
        self._model_scores.append(math.nan if flag.model_score is None else flag.model_score)
        self._categories.append(CATEGORIES.index(flag.category))
        self._rule_numbers.append(_number(flag.rules, self._rules, self._rule_index))
        self._excerpt_numbers.append(_number(flag.excerpt, self._excerpts, self._excerpt_index))
        self._repeats.append(flag.repeats)

    def pop(self) -> Flag:
        """Remove the last flag and return it."""
        flag = self[-1]
        for numbers in self._arrays():
            del numbers[-1]
        return flag

    def reverse(self) -> None:
        """Reverse the order of the flags in place (for flags gathered from the end of a document)."""
        for numbers in self._arrays():
            numbers.reverse()

    def _arrays(self) -> tuple[array[Any], ...]:
        return (self._starts, self._ends, self._lines, self._columns, self._scores, self._model_scores,
                self._categories, self._rule_numbers, self._excerpt_numbers, self._repeats)

    def spans(self) -> Iterator[tuple[int, int]]:
        """[start, end) of each flag, in order."""
        return zip(self._starts, self._ends)

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Flag: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Flag, ...]: ...

    def __getitem__(self, index: int | slice) -> Flag | tuple[Flag, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        model_score = self._model_scores[index]
        return Flag(self._starts[index], self._ends[index], self._lines[index], self._columns[index],
                    CATEGORIES[self._categories[index]], self._rules[self._rule_numbers[index]],
                    self._scores[index], self._excerpts[self._excerpt_numbers[index]],
                    None if math.isnan(model_score) else model_score, self._repeats[index])

    def __iter__(self) -> Iterator[Flag]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str) or len(other) != len(self):
            return False
        return all(a == b for a, b in zip(self, other))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Flags({list(self)!r})"


def _number(value: Any, table: list[Any], index: dict[Any, int]) -> int:
    """The place of `value` in `table`, added at the end if new (`index` maps values to places)."""
    number = index.get(value)
    if number is None:
        number = index[value] = len(table)
        table.append(value)
    return number


@dataclass(frozen=True)
class Report:
    """What cleaning one document removes, without the cleaned text: the flags (a sequence of `Flag`, in order of
    start) and the verdict for the whole document; `memory_documents`: how many documents the corpus memory had
    counted when this one was judged (None: no corpus memory)."""

    flags: Sequence[Flag] = field(default_factory=tuple)
    verdict: Verdict = "clean"
    memory_documents: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return report_dict(self.flags, self.verdict, self.memory_documents)


@dataclass(frozen=True)
class Result:
    """The sanitized text, the flags that produced it (a sequence of `Flag`, in order of start), and the verdict for
    the whole document; `memory_documents` as in `Report`."""

    text: str
    flags: Sequence[Flag] = field(default_factory=tuple)
    verdict: Verdict = "clean"
    memory_documents: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return report_dict(self.flags, self.verdict, self.memory_documents)


def report_dict(flags: Sequence[Flag], verdict: Verdict, memory_documents: int | None = None) -> dict[str, Any]:
    """The JSON report of one document (the cleaned text is not part of it); "memory_documents" only when a corpus
    memory judged it."""
    report = {
        "schema_version": SCHEMA_VERSION,
        "verdict": verdict,
        "removed_chars": sum(f.end - f.start for f in flags),
        "flags": [f.to_dict() for f in flags],
    }
    if memory_documents is not None:
        report["memory_documents"] = memory_documents
    return report
