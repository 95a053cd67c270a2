"""A document's rule hits, kept as arrays: a rule number, a start and an end each.

A link farm or a flood of short "Share this" lines holds a hit a line, a million in 10 MB. As `Hit` objects (with
their two offsets) they took about 120 bytes each; here they take 10 (or 18 for texts of 2**31 characters and
more). A `Hit` is made when one is asked for.
"""
from __future__ import annotations

import heapq
from array import array
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import overload

from .rules import Hit, Rule
from .segment import offset_typecode


class Hits:
    """Rule hits in arrays, in the order they were added; iterating or indexing gives `Hit`s."""

    __slots__ = ("rules", "_numbers", "rule_numbers", "starts", "ends")

    def __init__(self, text_length: int, hits: Iterable[Hit] = ()) -> None:
        typecode = offset_typecode(text_length)
        self.rules: list[Rule] = []  # a hit's rule is rules[rule_numbers[i]]
        self._numbers: dict[int, int] = {}  # id(rule) -> its number in `rules`
        self.rule_numbers = array("H")
        self.starts, self.ends = array(typecode), array(typecode)
        for hit in hits:
            self.append(hit.rule, hit.start, hit.end)

    def append(self, rule: Rule, start: int, end: int) -> None:
        number = self._numbers.get(id(rule))
        if number is None:
            number = self._numbers[id(rule)] = len(self.rules)
            self.rules.append(rule)
        self.rule_numbers.append(number)
        self.starts.append(start)
        self.ends.append(end)

    def extend(self, hits: Iterable[Hit]) -> None:
        for hit in hits:
            self.append(hit.rule, hit.start, hit.end)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Hit: ...

    @overload
    def __getitem__(self, index: slice) -> list[Hit]: ...

    def __getitem__(self, index: int | slice) -> Hit | list[Hit]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return Hit(self.rules[self.rule_numbers[index]], self.starts[index], self.ends[index])

    def __iter__(self) -> Iterator[Hit]:
        rules = self.rules
        return (Hit(rules[n], s, e) for n, s, e in zip(self.rule_numbers, self.starts, self.ends))

    def __repr__(self) -> str:
        return f"Hits({list(self)!r})"

    def in_order(self) -> bool:
        """True when the hits are in order of start, the longest first among equal starts.

        >>> rule = Rule("x.y", "other", "term", 0.5, "A rule.", phrases=("y",), anchor="any")
        >>> Hits(10, [Hit(rule, 0, 5), Hit(rule, 0, 3), Hit(rule, 2, 4)]).in_order()
        True
        >>> Hits(10, [Hit(rule, 0, 3), Hit(rule, 0, 5)]).in_order()
        False
        """
        starts, ends = self.starts, self.ends
        return all(a < b or (a == b and ends[i] >= ends[i + 1])
                   for i, (a, b) in enumerate(zip(starts, islice(starts, 1, None))))

    def ordered(self) -> Hits:
        """These hits in order of start, the longest first among equal starts, equal ones in the order added.
        Hits found in order (the usual case) are returned as they are, with no copy."""
        if self.in_order():
            return self
        starts, ends = self.starts, self.ends
        order = sorted(range(len(self)), key=lambda i: (starts[i], -ends[i]))
        return self._taken(order)

    def _taken(self, indexes: Iterable[int]) -> Hits:
        taken = Hits(0)
        taken.starts, taken.ends = array(self.starts.typecode), array(self.ends.typecode)
        taken.rules, taken._numbers = list(self.rules), dict(self._numbers)
        for i in indexes:
            taken.rule_numbers.append(self.rule_numbers[i])
            taken.starts.append(self.starts[i])
            taken.ends.append(self.ends[i])
        return taken


def merged(text_length: int, parts: Iterable[Hits]) -> Hits:
    """All the hits of `parts`, in order of start, the longest first among equal starts; equal hits in the order
    of the parts, then of each part: what a stable sort of the parts' concatenation gives, without the copy.

    >>> rule = Rule("x.y", "other", "term", 0.5, "A rule.", phrases=("y",), anchor="any")
    >>> a, b = Hits(10, [Hit(rule, 4, 6), Hit(rule, 0, 2)]), Hits(10, [Hit(rule, 1, 3)])
    >>> [(h.start, h.end) for h in merged(10, [a, b])]
    [(0, 2), (1, 3), (4, 6)]
    """
    present = [part for part in parts if len(part)]
    if not present:
        return Hits(text_length)  # the usual case: no hit at all
    if len(present) == 1:
        return present[0].ordered()  # no merge to do
    result = Hits(text_length)
    streams = [_keyed(part.ordered()) for part in present]
    for start, negative_end, rule in heapq.merge(*streams, key=lambda hit: (hit[0], hit[1])):
        result.append(rule, start, -negative_end)
    return result


def _keyed(hits: Hits) -> Iterator[tuple[int, int, Rule]]:
    rules = hits.rules
    return zip(hits.starts, (-end for end in hits.ends), (rules[n] for n in hits.rule_numbers))
