"""Rule and lexicon evidence: which named rules fired on a unit, how strongly, and how much of it they cover.

The hits themselves come from `spamguard.rules` (the rule table and its matcher); this module turns them into
the evidence a unit carries. Only line and span rules ever act on their own (the judge decides that); spam
phrases are evidence the score weighs with the rest.
"""
from __future__ import annotations

from collections import Counter
from typing import NamedTuple

import regex

from ..hits import Hits, merged
from ..matcher import Matcher, dodge_hits, merge_runs
from ..normalize import View
from ..units import Unit, UnitText

# Where script glued onto article text begins, which the lower-cased matching view cannot show: after a full stop
# glued to a capital ("a half.|OO.ready("), after digits glued to a capital ("1500|OO.ready(") and at a browser
# global after a full stop ("said.|window.fbAsyncInit"); "window.FB.init(" is script from its first letter.
_SCRIPT_START = regex.compile(r"(?<=\p{Ll}{2}\.)(?<!\b(?:window|document|this|self)\.)(?=\p{Lu})|(?<=\d)(?=\p{Lu})"
                              r"|(?<=\p{L}\.)(?=(?:window|document)\.)")
_IDENTIFIER_CHAIN = regex.compile(r"\s*+[\w$.]*+")
RULE_TOKEN_REPEATS = 12  # hashed tokens one rule gives a unit, at most (`rule_tokens`)


class RuleEvidence(NamedTuple):
    """term_coverage: the share of the unit's letters and digits that spam phrases cover; term_weight,
    line_rule, span_rule: the weight of the strongest phrase, line and span rule that fired on it."""

    term_coverage: float
    term_weight: float
    line_rule: float
    span_rule: float


def find_hits(text: str, view: View, matcher: Matcher) -> Hits:
    """Every rule hit of a document, in order of start (longest first): the matcher's, with glued script made
    to start at its first identifier, and the dodge rules' (matched on the original, which the view folds)."""
    hits = matcher.find(text, view)
    rules, numbers, starts = hits.rules, hits.rule_numbers, hits.starts
    for i, number in enumerate(numbers):
        rule = rules[number]
        if rule.category == "markup" and rule.scope == "span":
            starts[i] = _script_start(text, starts[i], hits.ends[i])
    dodges = dodge_hits(text)
    if not dodges:
        return hits
    terms, others = Hits(len(text)), Hits(len(text))
    for hit in hits:
        (terms if hit.rule.scope == "term" else others).append(hit.rule, hit.start, hit.end)
    # dodged words run with the phrases
    return merged(len(text), [others, Hits(len(text), merge_runs(merged(len(text), [terms, dodges])))])


def rule_evidence(unit: Unit, reading: UnitText, original: str) -> RuleEvidence:
    """Coverage of the unit's letters by phrase hits, and the strongest phrase, line and span rule weights."""
    covered = 0
    term_weight = line_rule = span_rule = 0.0
    last_end = unit.start
    for h in sorted(reading.hits, key=lambda h: h.start):
        if h.rule.scope == "line":
            line_rule = max(line_rule, h.rule.weight)
        elif h.rule.scope == "span":
            span_rule = max(span_rule, h.rule.weight)
        else:
            term_weight = max(term_weight, h.rule.weight)
            start, end = max(h.start, last_end, unit.start), min(h.end, unit.end)
            if end > start:
                covered += sum(1 for c in original[start:end] if c.isalnum())
                last_end = end
    if not covered:
        return RuleEvidence(0.0, term_weight, line_rule, span_rule)
    alnum = sum(map(str.isalnum, original[unit.start:unit.end])) or 1
    return RuleEvidence(min(covered / alnum, 1.0), term_weight, line_rule, span_rule)


def rule_tokens(reading: UnitText) -> list[str]:
    """The names of the rules that fired on the unit, as tokens for the hashed features: one a hit, up to
    RULE_TOKEN_REPEATS of one rule. The model learned from lines with at most 10 hits of a rule; a one-line link farm
    has thousands, and its score was one token's weight times thousands (1,982 x -0.02 after a retrain).

    >>> from spamguard.rules import Hit, Rule
    >>> rule = Rule("x.porn", "adult", "term", 0.9, "Porn.", phrases=("porn",), anchor="any")
    >>> reading = UnitText("", "", [], "latin", 0, 0, 0, [Hit(rule, i, i + 4) for i in range(0, 500, 5)])
    >>> len(rule_tokens(reading))
    12
    """
    counts: Counter[str] = Counter()
    tokens = []
    for hit in reading.hits:
        counts[hit.rule.id] += 1
        if counts[hit.rule.id] <= RULE_TOKEN_REPEATS:
            tokens.append(f"r:{hit.rule.id}")
    return tokens


def _script_start(text: str, start: int, end: int) -> int:
    """Where a glued-script hit [start, end) begins: at the script's first identifier, as the original text's case
    shows it."""
    chain = _IDENTIFIER_CHAIN.match(text, start, end)
    seam = _SCRIPT_START.search(text, chain.start(), chain.end()) if chain else None
    return seam.start() if seam else start
