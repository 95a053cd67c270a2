"""Rules are data: an id the report cites, a category, a short description, a weight and a pattern.

Patterns match the matching view of a text (see normalize.py: lower-case, accents removed, every line break
a "\\n"), never the original, and report spans of the original. Three scopes say what a hit means:

- ``line``: the pattern matches a whole line (its edge whitespace aside): that line is junk, wherever it stands.
- ``span``: exactly the matched span is junk, glued to article text before or after it (at the line start, or
  anywhere on a line for rules with triggers).
- ``term``: a spam phrase; evidence about the segment it sits in, weighed by the decision with its context.

Hand-written rules are data in ``rules.toml`` (id, category, scope, weight, description, pattern; shared
alternations as named fragments); phrase rules come from the word lists in ``lexicon/``, one rule per file.
DODGE_RULES are the exception to matching the view: they find what the view folds away (invisible characters,
spaced-out letters), so they match the original text. Every pattern is written to run in linear
time (possessive quantifiers, no nested repetition); the rules that match anywhere in a line, and the dodge
rules, also run under a timeout, so that no input can hang a pipeline. `matcher.py` finds them in a document.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any, cast, get_args

from .normalize import fold_lines

if sys.version_info >= (3, 11):
    import tomllib
else:  # the same parser, published as tomli before it joined the standard library
    import tomli as tomllib
from .types import CATEGORIES, Anchor, Category, Scope

SCOPES: tuple[Scope, ...] = get_args(Scope)
ANCHORS: tuple[Anchor, ...] = get_args(Anchor)
SHORT_LINE = 200  # lines up to this long are tried against every line rule; longer ones against few
# The time an "any" rule or a dodge rule may take on one document: far above what any real document needs, and
# growing with the document, so that a long one is matched to its end (the patterns run in linear time; the
# timeout is a guard, not a budget that cuts a big document's matches short).
MATCH_TIMEOUT_SECONDS = 2.0
MATCH_TIMEOUT_SECONDS_PER_MB = 2.0


def match_timeout(text_length: int) -> float:
    """Seconds a rule may take on a text of `text_length` characters.

    >>> match_timeout(0), match_timeout(10_000_000)
    (2.0, 22.0)
    """
    return MATCH_TIMEOUT_SECONDS + MATCH_TIMEOUT_SECONDS_PER_MB * text_length / 1_000_000
TABLE_FILE = "rules.toml"
_TABLE_KEYS = frozenset(("id", "category", "scope", "weight", "description", "pattern", "anchor", "triggers",
                         "triggers_from", "max_chars"))
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]+")  # letters and marks a pattern holds literally
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")  # a fragment's name; regex's own braces hold digits or capitals


@dataclass(frozen=True)
class Rule:
    """One named pattern. `pattern` is regex source over the matching view; `phrases` replace it for lexicon rules."""

    id: str
    category: Category
    scope: Scope
    weight: float
    description: str
    pattern: str = ""
    languages: tuple[str, ...] = ("*",)
    phrases: tuple[str, ...] = field(default=(), repr=False)
    anchor: Anchor = "line"  # "line": must match the whole line; "start": at the line start; "any": anywhere
    triggers: tuple[str, ...] = ()  # the rule is tried only on a line holding one of these
    max_chars: int = 100_000  # line rules: the longest line the rule is tried on (boilerplate lines are short)

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"rule {self.id}: unknown category {self.category!r}")
        if self.scope not in SCOPES:
            raise ValueError(f"rule {self.id}: unknown scope {self.scope!r}")
        if not 0.0 < self.weight <= 1.0:
            raise ValueError(f"rule {self.id}: weight must be in (0, 1]")
        if self.anchor not in ANCHORS or (self.scope == "line") != (self.anchor == "line"):
            raise ValueError(f"rule {self.id}: line rules match whole lines; others anchor at 'start' or 'any'")
        if self.pattern and self.anchor == "any" and not self.triggers:
            raise ValueError(f"rule {self.id}: a rule that matches anywhere needs trigger strings")


@dataclass(frozen=True, slots=True)  # slots: a link farm makes a million of them
class Hit:
    """A rule hit: [start, end) in the ORIGINAL text."""

    rule: Rule
    start: int
    end: int


# Dodges of word filters. The matching view folds them away (it drops invisible characters and joins spaced
# letters so that phrases still match), so these rules match the ORIGINAL text, and only where their hint shows.
# Letters of scripts that write words with spaces and no joiners: Persian and Indic text use zero-width joiners
# and Korean has one-syllable words, so neither counts.
_WORD_LETTER = r"[\p{Latin}\p{Cyrillic}]"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
CYRILLIC_LOOK_ALIKES = "аеорсухіјѕАВЕКМНОРСТХІЈЅ"  # Cyrillic letters drawn as Latin ones
# A match longer than this many repeats is cut into matches that follow each other (the regex engine keeps state
# for every repeat of a group: one match over 4 MB of spaced letters took 450 MB); runs of hits merge again.
_DODGE_REPEATS = 200
_SPACED_LETTER = r"[\p{Latin}\p{Cyrillic}\p{Han}]"
_INVISIBLE_THEN_LETTERS = rf"[{ZERO_WIDTH}]++{_WORD_LETTER}++"
SPACED_LETTERS = Rule("other.spaced-letters", "other", "term", 0.8,
                      "A word spelt in spaced letters ('o n l i n e c a s i n o'): a word hidden from filters.",
                      rf"(?<![\w&])(?:{_SPACED_LETTER} ){{3,{_DODGE_REPEATS}}}{_SPACED_LETTER}(?!\w)",
                      anchor="any", triggers=(" ",))
DODGE_RULES: tuple[Rule, ...] = (
    Rule("other.invisible-in-word", "other", "term", 0.8,
         "Invisible characters inside a word ('Lon\\u200bdon e\\u2060scort'): a word hidden from filters.",
         rf"(?<={_WORD_LETTER}){_INVISIBLE_THEN_LETTERS}(?:{_INVISIBLE_THEN_LETTERS}){{0,{_DODGE_REPEATS}}}+",
         anchor="any",
         triggers=tuple(ZERO_WIDTH)),
    Rule("other.mixed-script-word", "other", "term", 0.8,
         "Latin and Cyrillic letters in one word ('gаnhаr dinhеiro' with Cyrillic 'а' and 'е'): a word whose "
         "look-alike letters hide it from filters.",
         r"(?<=\p{Latin})\p{Cyrillic}\p{L}*+|(?<=\p{Cyrillic})\p{Latin}\p{L}*+", anchor="any",
         triggers=tuple(CYRILLIC_LOOK_ALIKES)),
    SPACED_LETTERS,
)
# No article spells words out so for as long as two spam words run ('o n l i n e c a s i n o'): such a run is cut
# exactly, the text around it kept. Not in Han, which some corpora write with a space after every character.
SPACED_RUN_LETTERS = 12
SPACED_RUN = Rule("other.spaced-run", "other", "span", 0.8,
                  f"A run of {SPACED_RUN_LETTERS} or more spaced Latin or Cyrillic letters "
                  "('o n l i n e c a s i n o'): words hidden from filters, cut exactly, the text around them kept.",
                  anchor="any")


def _read_lexicon_file(name: str, text: str) -> Rule:
    header: dict[str, str] = {}
    phrases: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            header[key.strip()] = value.strip()
        elif line:
            phrases.append(line)
    missing = {"id", "category", "language", "description"} - header.keys()
    if missing:
        raise ValueError(f"lexicon file {name}: header lacks {sorted(missing)}")
    # The header's category is checked when the Rule is made (a ValueError naming the rule, as for any rule).
    return Rule(header["id"], cast(Category, header["category"]), "term", 0.9, header["description"],
                languages=(header["language"],), phrases=tuple(dict.fromkeys(p for p in fold_lines(phrases) if p)),
                anchor="any")


@lru_cache(maxsize=1)
def lexicon_rules() -> tuple[Rule, ...]:
    """One rule per word list in spamguard/lexicon/ (read once, on first use)."""
    folder = resources.files("spamguard") / "lexicon"
    if not folder.is_dir():
        return ()
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)
    return tuple(_read_lexicon_file(p.name, p.read_text(encoding="utf-8")) for p in files)


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    return cast(dict[str, Any], tomllib.loads((resources.files("spamguard") / TABLE_FILE).read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def table_rules() -> tuple[Rule, ...]:
    """The hand-written rules of rules.toml (read once, on first use)."""
    return rules_from_table(_table())


def table_fragment(name: str) -> str:
    """The fragment of rules.toml with this name, its pieces joined (block evidence reads its word lists there)."""
    return _joined(_table()["fragments"][name])


def rules_from_table(table: dict[str, Any]) -> tuple[Rule, ...]:
    """The rules of a parsed rules.toml: its `[[rule]]` entries, with `{name}` replaced by the fragment of that
    name, long strings given as lists of pieces joined, and `triggers_from` adding the plain alternatives (no
    group, no optional part) of the named fragments before the rule's own `triggers`; then its `[[block]]`
    entries, line rules with no pattern (the matcher skips them; `evidence.blocks` makes their hits).

    >>> table = {"fragments": {"ad": ["advert|", "anzeige|(?:sponsored)"]},
    ...          "rule": [{"id": "x.ad", "category": "boilerplate", "scope": "span", "weight": 0.5,
    ...                    "description": "An ad label.", "pattern": "(?:{ad})$", "anchor": "any",
    ...                    "triggers_from": ["ad"], "triggers": ["sponsored"]}]}
    >>> rule = rules_from_table(table)[0]
    >>> rule.pattern, rule.triggers
    ('(?:advert|anzeige|(?:sponsored))$', ('advert', 'anzeige', 'sponsored'))
    """
    fragments = {name: _joined(value) for name, value in table.get("fragments", {}).items()}
    blocks = [{**entry, "scope": "line"} for entry in table.get("block", ())]
    return _folded(tuple(_rule_of(dict(entry), fragments) for entry in [*table.get("rule", ()), *blocks]))


def _folded(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """The rules with their words folded as the matching view folds text, so that they are written as people write
    them: the letters beyond ASCII of each pattern (the view reads 'إعلان' as 'اعلان', 'читайте' as 'читаите', 'ブ' as
    'フ', '…' as '...'; never regex syntax, which is ASCII) and each trigger ('&#xa0;' as '&#xao;'). One view folds
    them all (`normalize.fold_lines`).

    >>> rule = Rule("x.ad", "boilerplate", "line", 0.5, "An ad label.", "(?:إعلان|more…)$", triggers=("more…",))
    >>> folded = _folded((rule,))[0]
    >>> folded.pattern, folded.triggers
    ('(?:اعلان|more\\\\.\\\\.\\\\.)$', ('more...',))
    """
    runs = list(dict.fromkeys(m.group() for rule in rules for m in _BEYOND_ASCII.finditer(rule.pattern)))
    triggers = list(dict.fromkeys(trigger for rule in rules for trigger in rule.triggers))
    folded = dict(zip(runs + triggers, fold_lines(runs + triggers)))
    return tuple(replace(rule, pattern=_BEYOND_ASCII.sub(lambda m: re.escape(folded[m.group()]), rule.pattern),
                         triggers=tuple(folded[trigger] for trigger in rule.triggers)) for rule in rules)


def _rule_of(entry: dict[str, Any], fragments: dict[str, str]) -> Rule:
    """One [[rule]] entry of rules.toml as a Rule."""
    rule_id = entry.get("id", "?")
    unknown = entry.keys() - _TABLE_KEYS
    if unknown:
        raise ValueError(f"rule {rule_id}: unknown keys {sorted(unknown)} in {TABLE_FILE}")

    def fragment(name: str) -> str:
        if name not in fragments:
            raise ValueError(f"rule {rule_id}: no fragment named {name!r} in {TABLE_FILE}")
        return fragments[name]

    derived = tuple(word for name in entry.pop("triggers_from", ()) for word in fragment(name).split("|")
                    if "(" not in word and "?" not in word)
    entry["triggers"] = derived + tuple(entry.get("triggers", ()))
    entry["pattern"] = _PLACEHOLDER.sub(lambda m: fragment(m.group(1)), _joined(entry.get("pattern", "")))
    entry["description"] = _joined(entry.get("description", ""))
    return Rule(**entry)


def _joined(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "".join(value)


def table_rule(rule_id: str) -> Rule:
    """The rule of rules.toml with this id."""
    return _table_rules_by_id()[rule_id]


@lru_cache(maxsize=1)
def _table_rules_by_id() -> dict[str, Rule]:
    return {rule.id: rule for rule in table_rules()}


def all_rules() -> tuple[Rule, ...]:
    """Every rule: the hand-written table, then the lexicon rules."""
    return table_rules() + lexicon_rules()


def __getattr__(name: str) -> tuple[Rule, ...]:  # RULES is built on first access: importing this module reads no files
    if name == "RULES":
        return all_rules()
    raise AttributeError(name)
