"""Matching: every rule of the table and the lexicon found in one document, as hits on the original text.

Line rules are one combined pattern scanned over the matching view; one Aho-Corasick pass finds every spam
phrase and every trigger string; rules with triggers run only on the lines holding one; the dodge rules run on
the original text where their cheap hint shows. Patterns are possessive (linear time), and the rules that
match anywhere in a line run under a timeout.
"""
from __future__ import annotations

import heapq
import re
import time
from array import array
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from itertools import chain
from typing import TypeAlias

import regex
from ahocorasick_rs import BytesAhoCorasick, Implementation

from .hits import Hits, merged
from .normalize import LINE_BREAKS, View, stripped_span, view
from .rules import (
    CYRILLIC_LOOK_ALIKES,
    DODGE_RULES,
    SHORT_LINE,
    SPACED_LETTERS,
    SPACED_RUN,
    SPACED_RUN_LETTERS,
    ZERO_WIDTH,
    Hit,
    Rule,
    all_rules,
    match_timeout,
)

SCAN_PIECE = 1 << 16  # characters of the view scanned for phrases at a time
RUN_HITS = 16  # phrase hits one after another beyond which they are merged into one run
SORTED_POSITIONS = 1024  # trigger positions sorted as one list, where more are merged (`_in_order`)
# A phrase glued onto the end of a word (`_glued_on`): the letters or digits before it, the first word of a phrase
# of several words, the letters of a phrase of one word.
GLUED_PREFIX, MID_WORD_FIRST, MID_WORD_LETTERS = 3, 3, 6
GLUED_WORD = 64  # letters before a disguised word read for where a phrase glued onto them begins
GLUED_LOOKUPS = 32  # disguised words a document reads so (`dodge_hits`)
_DODGE_PATTERNS = tuple(regex.compile(rule.pattern, regex.VERSION1) for rule in DODGE_RULES)
_SPACED_HINT = re.compile(r" \w \w \w")  # literal-led, so the standard library's scan skips ahead
# A Cyrillic look-alike next to a Latin letter: the hint of a word disguised with them (most Russian text has none)
_LATIN_AFTER_LOOK_ALIKE = re.compile(f"[a-zA-Z][{CYRILLIC_LOOK_ALIKES}]|[{CYRILLIC_LOOK_ALIKES}][a-zA-Z]")
_LINE_BREAK = re.compile("[" + "".join(sorted(LINE_BREAKS)) + "]")
_HAN = regex.compile(r"\p{Han}")


def dodge_hits(original: str) -> Hits:
    """Hits of DODGE_RULES in the original text, each widened to the start of the word it is in, in order.

    Each rule runs only where a cheap hint shows: an invisible character (looked up one by one, which runs
    in C; ASCII text has none), a Cyrillic look-alike (likewise) next to a Latin letter, or three spaced letters.
    A long run of spaced letters is a hit of SPACED_RUN too.

    >>> [(h.rule.id, h.start, h.end) for h in dodge_hits("Buy o n l i n e c a s i n o now")]
    [('other.spaced-run', 4, 27), ('other.spaced-letters', 4, 27)]
    """
    non_ascii = not original.isascii()
    hints = (non_ascii and any(c in original for c in ZERO_WIDTH),
             non_ascii and any(c in original for c in CYRILLIC_LOOK_ALIKES)
             and _LATIN_AFTER_LOOK_ALIKE.search(original) is not None,
             _SPACED_HINT.search(original) is not None)
    parts = []
    lookups = 0  # disguised words read for a phrase glued onto the word before (a fixed number a document)
    for rule, pattern, hint in zip(DODGE_RULES, _DODGE_PATTERNS, hints):
        if not hint:
            continue
        hits = Hits(len(original))
        parts.append(hits)
        run_end = -2  # where the last hit of SPACED_RUN ends (a long run is matched in pieces, `_DODGE_REPEATS`)
        try:
            for m in pattern.finditer(original, timeout=match_timeout(len(original))):
                goes_on = m.start() == run_end + 1  # the next piece of a run: its hit takes the space between
                # a run of n letters is n letters and n - 1 spaces long
                if rule is SPACED_LETTERS and (goes_on or m.end() - m.start() >= 2 * SPACED_RUN_LETTERS - 1) \
                        and _HAN.search(original, m.start(), m.end()) is None:
                    hits.append(SPACED_RUN, run_end if goes_on else m.start(), m.end())
                    run_end = m.end()
                start = m.start()
                while start > 0 and original[start - 1].isalpha():
                    start -= 1
                if m.start() - start > GLUED_PREFIX and lookups < GLUED_LOOKUPS:
                    lookups += 1
                    start = _glued_phrase_start(original, start, m.start())
                hits.append(rule, start, m.end())
        except TimeoutError:
            pass  # keep the hits found so far
    return parts[0].ordered() if len(parts) == 1 else merged(len(original), parts)


def _glued_phrase_start(original: str, start: int, hidden: int) -> int:
    """Where the disguised word whose first hiding character is at `hidden` begins, `start` being the start of the
    letters before it: where a spam phrase glued onto the word before begins ("volunteers|p\u200bo\u200brno izle",
    `_glued_on`), else `start`. Reads at most GLUED_WORD letters before `hidden` and the line's next characters a
    phrase may take."""
    matcher = default_matcher()
    if matcher._automaton is None:
        return start
    low = max(start, hidden - GLUED_WORD)
    line_end = min(len(original), hidden + 4 * matcher._longest_key)
    line_break = _LINE_BREAK.search(original, hidden, line_end)
    line_end = line_break.start() if line_break else line_end
    piece = view(original[low:line_end])
    found = [(s, e, matcher._keys[i]) for i, s, e in scan_keys(matcher._automaton, piece.text)]
    starts = {s for s, _, _ in found}
    for s, e, phrase in sorted(found):
        if 0 < s and phrase in matcher._phrase_rules and _glued_on(piece.text, s, phrase):
            at, end = (low + edge for edge in piece.to_original(s, e, line_end - low))
            # the phrase ends a word, starts the next phrase or ends where a capital is glued on ("seo|Beli": the
            # view is case-folded, the original shows the seam, `_case_seam`)
            if _is_edge(piece.text, e, e - 1) or e in starts or _case_seam(original, end):
                return at if at <= hidden else start
    return start


class Matcher:
    """All rules compiled for matching.

    Line rules are one combined pattern, tried once per line against the whole line; start rules likewise
    at each line start. One Aho-Corasick pass over the document finds every spam phrase and every trigger
    string (linear in the text, however many there are); rules with triggers run only where one was found.
    Patterns compile with the standard library's `re` where they can (it runs these patterns several times
    faster), else with `regex`; rules that match anywhere in a line always use `regex`, for its timeout.
    """

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        line_rules = [r for r in rules if r.pattern and r.anchor == "line" and not r.triggers]
        # Led by the literal "\n" (scanned over "\n" + text): the engine then jumps from line break to line
        # break, where a "^" would make it try every position.
        self._line_scan = _combined(line_rules, r"\n[^\S\n]*+(?=\S)(?:{})[^\S\n]*+(?=\n|\Z)")
        self._line_long = _combined([r for r in line_rules if r.max_chars > SHORT_LINE])
        # Each with its triggers as a set, which a document's few found triggers are looked up in. Their patterns
        # compile when a document first holds a trigger (`_compile`, `_compile_anywhere`): most runs need few of
        # them, and compiling them all was a seventh of a start-up.
        self._line_triggered = [(r, frozenset(r.triggers)) for r in rules
                                if r.pattern and r.anchor == "line" and r.triggers]
        self._start = [(r, frozenset(r.triggers)) for r in rules if r.pattern and r.anchor == "start"]
        # the triggers of the line and start rules, not those of the rules that match anywhere
        self._line_trigger_keys = frozenset(t for _, keys in [*self._line_triggered, *self._start] for t in keys)
        self._anywhere = [(r, frozenset(r.triggers)) for r in rules if r.pattern and r.anchor == "any"]
        self._anywhere_keys = frozenset(t for _, keys in self._anywhere for t in keys)
        self._phrase_rules: dict[str, list[Rule]] = {}
        for rule in rules:
            for phrase in rule.phrases:
                self._phrase_rules.setdefault(phrase, []).append(rule)
        self._triggers = frozenset(t for r in rules if r.pattern for t in r.triggers)
        self._keys = sorted(self._phrase_rules.keys() | self._triggers)
        self._longest_key = max(map(len, self._keys), default=0)
        # A contiguous NFA, not a DFA: the DFA scans a document faster while it sits in the CPU cache, but it is a
        # few MB, and between two documents the rest of the cleaning evicts it (25 -> 80 us a scan in the pipeline;
        # the NFA's 50 -> 65 us).
        self._automaton = key_automaton(self._keys) if self._keys else None

    def find(self, original: str, view: View) -> Hits:
        """All hits in one document, in order of their start (the longest first among equal starts).

        A long view is scanned a piece at a time, each piece's phrase hits merged into runs (`merge_runs`) and
        its triggers kept once per line and key, so memory follows the document's size, not its number of matches.
        """
        found_triggers: dict[str, array[int]] = {}  # per trigger key: where it is first found on each line
        phrase_hits = Hits(len(original))
        last_line_end: dict[str, int] = {}  # per trigger key: the end of the last line a trigger was kept on
        pieces = [] if self._automaton is None else _found(self._automaton, self._keys, self._longest_key, view.text)
        for found, own_start, own_end in pieces:
            triggers = sorted(f for f in found if f[2] in self._triggers and own_start <= f[0] < own_end)
            for start, _, key in _first_per_line(view.text, triggers, last_line_end):
                found_triggers.setdefault(key, array("q")).append(start)
            phrases = [f for f in found if f[2] in self._phrase_rules]
            phrase_hits.extend(merge_runs(sorted(
                _phrase_hits(self._phrase_rules, original, view, phrases, own_start, own_end), key=in_order)))
        parts = self._line_hits(original, view, found_triggers)
        if not self._anywhere_keys.isdisjoint(found_triggers):  # most documents hold none of their triggers
            parts += _anywhere_hits(self._anywhere, original, view, found_triggers)
        parts.append(phrase_hits)
        return merged(len(original), parts)

    def _line_hits(self, original: str, view: View, found_triggers: dict[str, array[int]]) -> list[Hits]:
        """Hits of line and start rules, each against a whole line of the view (edge white space aside): those of
        the rules without triggers, then those of the rules with triggers and the start rules, each in order.

        The line rules without triggers are one multi-line pattern scanned over the whole view in C; rules with
        triggers are tried on the lines holding one. No timeout here: it doubles the cost of every line, and
        these patterns are possessive and run on lines of bounded length (tests/test_rules.py times them on
        hostile input).
        """
        text = view.text
        scanned, tried = Hits(len(original)), Hits(len(original))
        if self._line_scan is not None:
            pattern, by_group = self._line_scan
            for m in pattern.finditer("\n" + text):
                start, end = stripped_span(text, m.start(), m.end() - 1)
                if end > start:
                    rule = self._line_rule(by_group[m.lastgroup], text[start:end])
                    if rule is not None:
                        scanned.append(rule, *view.to_original(start, end, len(original)))
        found = found_triggers.keys()
        # Each rule whose triggers the document holds, with those of them it holds (a few of dozens): a line can
        # hold no other.
        triggered = [(r, _compile(r.pattern), [t for t in found if t in keys]) for r, keys in self._line_triggered
                     if not keys.isdisjoint(found)]
        starts = [(r, _compile(r.pattern)) for r, keys in self._start if not keys or not keys.isdisjoint(found)]
        if not triggered and not starts:
            return [scanned]
        if all(r.triggers for r, _ in starts):
            lines = _lines_holding(text, _in_order([positions for key, positions in found_triggers.items()
                                                    if key in self._line_trigger_keys]))
        else:
            lines = _lines_holding(text, _line_starts(text))
        longest = max((r.max_chars for r, _, _ in triggered), default=0)
        for line_start, line_end in lines:
            start, end = stripped_span(text, line_start, line_end)
            if end == start:
                continue  # a blank line
            if end - start > longest and not starts:
                continue  # no rule to try is made for a line this long: no copy of it
            stripped = text[start:end]
            for rule, pattern, held_triggers in triggered:
                if end - start <= rule.max_chars and any(t in stripped for t in held_triggers) \
                        and pattern.fullmatch(stripped):
                    tried.append(rule, *view.to_original(start, end, len(original)))
            for rule, pattern in starts:
                head = pattern.match(stripped)
                if head is not None and head.end() > 0:
                    tried.append(rule, *view.to_original(start, start + head.end(), len(original)))
        return [scanned, tried]

    def _line_rule(self, rule: Rule, stripped: str) -> Rule | None:
        """The rule that a stripped line matched in the scan, if the line is short enough for it; a long line
        that the first matching rule is too short for is tried against the rules for long lines."""
        if len(stripped) <= rule.max_chars:
            return rule
        if len(stripped) <= SHORT_LINE or self._line_long is None:
            return None
        pattern, by_group = self._line_long
        m = pattern.fullmatch(stripped)
        long_rule = by_group[m.lastgroup] if m is not None else None
        return long_rule if long_rule is not None and len(stripped) <= long_rule.max_chars else None

def in_order(hit: Hit) -> tuple[int, int]:
    """The order hits are kept in: by start, the longest first among equal starts."""
    return hit.start, -hit.end


def merge_runs(hits: Iterable[Hit]) -> Iterator[Hit]:
    """The hits (in order of start, the longest first among equal starts), with every run of more than RUN_HITS
    phrase hits one after another (at most one character between two) made one hit per rule over the run: a link
    farm's thousands of anchors are one run, not thousands of hits. What a unit's evidence reads of them stays:
    the letters covered, the strongest weight, the rules named (each once). A run is folded as it is read, so
    memory does not grow with its length.

    >>> rule = Rule("x.porn", "adult", "term", 0.9, "Porn.", phrases=("porn",), anchor="any")
    >>> merged = merge_runs([Hit(rule, 5 * i, 5 * i + 4) for i in range(RUN_HITS + 1)])
    >>> [(h.start, h.end) for h in merged]
    [(0, 84)]
    """
    run: list[Hit] = []  # the run so far, while it is short
    spans: dict[int, list] = {}  # a long run's span per rule (by id): [rule, start, end]
    run_end = 0
    for hit in hits:
        if (run or spans) and hit.start <= run_end + 1:
            run_end = max(run_end, hit.end)
            if not spans:
                run.append(hit)
                if len(run) <= RUN_HITS:
                    continue
                for h in run:
                    _widen(spans, h)
                run = []
            _widen(spans, hit)
            continue
        yield from run
        yield from (Hit(rule, start, end) for rule, start, end in spans.values())
        run, spans, run_end = [hit], {}, hit.end
    yield from run
    yield from (Hit(rule, start, end) for rule, start, end in spans.values())


def _widen(spans: dict[int, list], hit: Hit) -> None:
    span = spans.get(id(hit.rule))
    if span is None:
        spans[id(hit.rule)] = [hit.rule, hit.start, hit.end]
    else:
        span[1], span[2] = min(span[1], hit.start), max(span[2], hit.end)


def _hit(rule: Rule, original: str, view: View, start: int, end: int) -> Hit:
    """A hit of `rule` on the original text, from its [start, end) in the view."""
    o_start, o_end = view.to_original(start, end, len(original))
    return Hit(rule, o_start, o_end)


def key_automaton(keys: list[str], small: bool = False) -> BytesAhoCorasick:
    """An automaton of `keys` for `scan_keys`. It scans UTF-8 bytes: the str scan maps every byte offset of the
    text to a character offset, which cost more than the scan itself (75 against 56 us for an ASCII article,
    184 against 79 for another). A small key set gets a DFA: fast, and small enough to stay in the CPU cache."""
    return BytesAhoCorasick([key.encode("utf-8") for key in keys],
                            implementation=Implementation.DFA if small else Implementation.ContiguousNFA)


def scan_keys(automaton: BytesAhoCorasick, text: str) -> list[tuple[int, int, int]]:
    """Every occurrence of a key of `automaton` (`key_automaton`) in `text`, overlapping ones too: (key index,
    start, end), in characters.

    >>> scan_keys(key_automaton(["porno", "izle"]), "çok güzel porno izle\\ud800porno")
    [(0, 10, 15), (1, 16, 20), (0, 21, 26)]
    """
    if text.isascii():
        return automaton.find_matches_as_indexes(text.encode("ascii"), overlapping=True)
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate is 3 bytes, as another character of its plane
    found = automaton.find_matches_as_indexes(data, overlapping=True)
    if not found:
        return found
    # UTF-8 is self-synchronizing: a key matches at character edges only, where the character offset is the byte
    # offset less the continuation bytes before it (counted from one offset to the next, in order: linear)
    chars, byte, char = {}, 0, 0
    for offset in sorted({offset for _, start, end in found for offset in (start, end)}):
        piece = data[byte:offset]
        char += len(piece.translate(None, _CONTINUATION_BYTES))
        chars[offset], byte = char, offset
    return [(key, chars[start], chars[end]) for key, start, end in found]


def _anywhere_hits(anywhere: list[tuple[Rule, frozenset[str]]], original: str, view: View,
                   triggers: dict[str, array[int]]) -> list[Hits]:
    """Hits of the rules that match anywhere in a line, one part per rule in order, tried on each line holding one
    of their triggers (a whole-document scan cost a millisecond per rule on a long article)."""
    if not triggers:
        return []
    text = view.text
    parts = []
    for rule, keys in anywhere:
        found = [positions for key, positions in triggers.items() if key in keys]  # merged in order below
        if not found:
            continue  # no line holds one of this rule's triggers (an empty part would be left out of the merge)
        pattern = _compile_anywhere(rule.pattern)
        hits = Hits(len(original))
        parts.append(hits)
        lines = _lines_holding(text, _in_order(found))
        deadline = time.monotonic() + match_timeout(len(text))
        try:
            for line_start, line_end in lines:
                timeout = deadline - time.monotonic()
                if timeout <= 0:
                    break
                for m in pattern.finditer(text, line_start, line_end, timeout=timeout):
                    if m.end() > m.start():
                        hits.append(rule, *view.to_original(m.start(), m.end(), len(original)))
        except TimeoutError:
            pass  # keep the hits found so far
    return parts


def _found(automaton: BytesAhoCorasick, keys: list[str], longest_key: int,
           text: str) -> Iterator[tuple[list[tuple[int, int, str]], int, int]]:
    """Every phrase and trigger occurrence (start, end, key) in pieces of the text, with the span of the piece
    whose occurrences are its own (start within it): each piece is scanned with enough text on both sides to
    find every occurrence that starts in it and the occurrences glued to those."""
    if len(text) <= SCAN_PIECE:
        yield [(start, end, keys[i]) for i, start, end in scan_keys(automaton, text)], 0, len(text)
        return
    for own_start in range(0, len(text), SCAN_PIECE):
        low = max(own_start - longest_key, 0)
        matches = scan_keys(automaton, text[low:own_start + SCAN_PIECE + 2 * longest_key])
        yield [(low + start, low + end, keys[i]) for i, start, end in matches], own_start, \
            min(own_start + SCAN_PIECE, len(text))


def _first_per_line(text: str, triggers: list[tuple[int, int, str]],
                    last_line_end: dict[str, int]) -> list[tuple[int, int, str]]:
    """The triggers (in order) that are the first of their key on their line; `last_line_end` remembers, per key,
    where the line of the last one kept ends (and is updated)."""
    kept = []
    for start, end, key in triggers:
        if start > last_line_end.get(key, -1):
            line_end = text.find("\n", start)
            last_line_end[key] = len(text) if line_end < 0 else line_end
            kept.append((start, end, key))
    return kept


def _phrase_hits(phrase_rules: dict[str, list[Rule]], original: str, view: View,
                 found: list[tuple[int, int, str]], own_start: int, own_end: int) -> list[Hit]:
    """Hits of the phrases found that start in [own_start, own_end), where each stands alone or glued to another
    phrase or a case change."""
    if not found:
        return []
    text = view.text
    starts = {s for s, _, _ in found}
    ends = {e for _, e, _ in found}
    hits: list[Hit] = []
    for start, end, phrase in found:
        if not own_start <= start < own_end:
            continue
        # A phrase stands alone (word boundaries), or is glued to another phrase or to a word whose case
        # changes where they meet, as adjacent anchors are ("hacklink|Google", "2019|Porno").
        left_ok = _is_edge(text, start - 1, start) or start in ends
        right_ok = _is_edge(text, end, end - 1) or end in starts
        # Or it starts glued onto the end of a word (`_glued_on`: "new Videos|porno izle").
        if not (left_ok and right_ok):
            if not (left_ok or right_ok or _glued_on(text, start, phrase)):
                continue  # inside a word
            o_start, o_end = view.to_original(start, end, len(original))
            if left_ok or right_ok:
                left_ok = left_ok or _case_seam(original, o_start)
            right_ok = right_ok or _case_seam(original, o_end)
            left_ok = left_ok or right_ok and _glued_on(text, start, phrase)
        if left_ok and right_ok:
            hits.extend(_hit(rule, original, view, start, end) for rule in phrase_rules[phrase])
    return hits


_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))


def _line_starts(text: str) -> Iterator[int]:
    yield 0
    yield from (m.end() for m in re.finditer("\n", text))


def _in_order(positions: list[array[int]]) -> Iterable[int]:
    """The positions of several sorted arrays, in order: one array as it is, a few positions sorted together (a heap
    merge costs more), many merged (no list of them all)."""
    if len(positions) == 1:
        return positions[0]
    if sum(map(len, positions)) <= SORTED_POSITIONS:
        return sorted(chain.from_iterable(positions))
    return heapq.merge(*positions)


def _lines_holding(text: str, positions: Iterable[int]) -> Iterator[tuple[int, int]]:
    """[start, end) of each line of `text` (split at "\\n") holding one of `positions` (in order), in order, each once.

    One sweep: every character is looked at once however many positions share a line (a link farm scraped as one
    line holds thousands of triggers).

    >>> list(_lines_holding("ab\\ncd\\nef", [0, 1, 3, 4]))
    [(0, 2), (3, 5)]
    """
    end = -1  # where the last line found ends (its "\\n" or the text's end)
    for position in positions:
        if position <= end:
            continue
        start = max(text.rfind("\n", end + 1, position) + 1, end + 1)
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        yield start, end


# A compiled rule pattern: the standard library's where it compiles, else `regex`'s (same matching API).
_Pattern: TypeAlias = "re.Pattern[str] | regex.Pattern[str]"


@cache  # a pattern per rule and per combination of rules: bounded by the rules
def _compile(source: str) -> _Pattern:
    """`re` where the pattern compiles with it (faster), else `regex` (Unicode properties and the like)."""
    try:
        return re.compile(source)
    except re.error:
        return regex.compile(source, regex.VERSION1)


@cache
def _compile_anywhere(source: str) -> regex.Pattern[str]:
    """A rule that matches anywhere in a line: always `regex`, for its timeout."""
    return regex.compile(source, regex.VERSION1)


def _combined(rules: list[Rule], frame: str = "{}") -> tuple[_Pattern, dict[str | None, Rule]] | None:
    """One pattern for many rules, each in a named group (set in `frame`), and the map from group name to rule."""
    if not rules:
        return None
    source = "|".join(f"(?P<r{i}>{r.pattern})" for i, r in enumerate(rules))
    return _compile(frame.format(source)), {f"r{i}": r for i, r in enumerate(rules)}


_NO_SPACE_SCRIPT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Hangul}]")


def _case_seam(original: str, position: int) -> bool:
    """True where a lower-case letter or a digit meets an upper-case letter ("hacklink|Google")."""
    return 0 < position < len(original) and original[position].isupper() \
        and (original[position - 1].islower() or original[position - 1].isdigit())


def _glued_on(text: str, start: int, phrase: str) -> bool:
    """True where a phrase that ends at a word boundary starts glued to the end of a word of GLUED_PREFIX letters
    or more, as a hidden link's text glued onto article text is ("new Videos|porno izle", "2014|p0rn0 1zle",
    "name@paper.com|payday loans"), and only a phrase of several words whose first has MID_WORD_FIRST letters or
    more, or of one word of MID_WORD_LETTERS or more ("Sporno" is no porn, "yo|ur mobile" no scam, "e|sports
    betting" no spam).

    >>> _glued_on("new videosporno izle", 10, "porno izle"), _glued_on("the sporno club", 5, "porno")
    (True, False)
    """
    return start >= GLUED_PREFIX and _may_start_mid_word(phrase) \
        and all(text[i].isalpha() or text[i].isdigit() for i in range(start - GLUED_PREFIX, start))


@lru_cache(maxsize=4096)
def _may_start_mid_word(phrase: str) -> bool:
    first, _, rest = phrase.partition(" ")
    return len(first) >= MID_WORD_FIRST if rest.strip() else len(first) >= MID_WORD_LETTERS


def _is_edge(text: str, outside: int, inside: int) -> bool:
    """True when the phrase edge between text[inside] and text[outside] is a word boundary."""
    if outside < 0 or outside >= len(text):
        return True
    o, i = text[outside], text[inside]
    return not (o.isalnum() and i.isalnum()) or bool(_NO_SPACE_SCRIPT.match(o) or _NO_SPACE_SCRIPT.match(i))


@lru_cache(maxsize=1)
def default_matcher() -> Matcher:
    """The matcher for all built-in rules, compiled once on first use."""
    return Matcher(all_rules())
