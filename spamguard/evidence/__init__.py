"""The evidence a unit carries, one module per kind, combined into the `Features` the judge and the model read.

Each kind is a module with one small interface, units in and named evidence out:

- `rules`: which named rules and lexicon phrases fired on the unit (`RuleEvidence`, and rule-id tokens);
- `shape`: what the unit looks like and how it departs from the body (`Shape`), and where it stands (`Position`);
- `ngrams`: the unit's words, word pairs and character trigrams, as hashed tokens;
- `blocks`: lines that are junk because of the lines around them (a related-links list under its header, a
  block of text ads), given as hits of named block rules, which the other kinds then read like any hit;
- `memory`: lines that many other documents of the corpus hold (a site's template), when the cleaner has a
  corpus memory; the judge reads them apart (`Document.repeats`), so a score does not change with the corpus.

Numeric evidence is read by name (`features.rules.line_rule`), never by position; `NUMERIC_FEATURES` is the
order the model's weight vector follows, and the saved model lists the names it was trained on.

The rule every kind keeps (README, "Design rules"): its cost per unit is bounded by the unit's sampled text or a
fixed window, never by the whole document, and what it keeps per document is an array or a fixed-size table.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..hits import merged
from ..matcher import Matcher
from ..normalize import view as matching_view
from ..rules import Hit
from ..units import Document, Unit, UnitText
from ..windows import Window
from .blocks import block_hits
from .memory import CorpusMemory, repeated_lines
from .ngrams import HASH_BITS, N_HASHED, hash_token, text_tokens
from .rules import RuleEvidence, find_hits, rule_evidence, rule_tokens
from .shape import BODY_COMPARISONS, Position, Shape, body_comparisons, position_of, shape_of

NUMERIC_FEATURES: tuple[str, ...] = Shape._fields + Position._fields + RuleEvidence._fields
SENTENCE_WORDS = 6  # a unit that ends like a sentence and has this many words reads as one

__all__ = ["BODY_COMPARISONS", "HASH_BITS", "NUMERIC_FEATURES", "N_HASHED", "Features", "document", "unit_features",
           "with_body_comparisons"]


@dataclass(frozen=True)
class Features:
    """A unit's named evidence, its numeric values in NUMERIC_FEATURES order, and its hashed token indexes.

    `reading`: the unit's text, kept only while its comparisons with the body's words (`shape.BODY_COMPARISONS`) are
    not read (they stand at 0: `unit_features`); `with_body_comparisons` reads them from it."""

    shape: Shape
    position: Position
    rules: RuleEvidence
    hashed: tuple[int, ...]
    words: int
    reading: UnitText | None = field(default=None, repr=False, compare=False)
    numeric: tuple[float, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "numeric", self.shape + self.position + self.rules)

    @property
    def sentence_like(self) -> bool:
        """The unit ends like a sentence and is long enough to be one."""
        return bool(self.shape.ends_terminal) and self.words >= SENTENCE_WORDS

    @property
    def compared(self) -> bool:
        """Whether the comparisons with the body's words are read."""
        return self.reading is None

    def named(self) -> dict[str, float]:
        """The numeric evidence by name."""
        return dict(zip(NUMERIC_FEATURES, self.numeric))


def document(text: str, matcher: Matcher, window: Window | None = None,
             memory: CorpusMemory | None = None) -> Document:
    """A document (or a `window` of one: see `units.Document`) prepared for judging: its units' lines, its matching
    view and its rule hits, and with a corpus `memory`, its lines that the corpus repeats."""
    view = matching_view(text)
    doc = Document(text, view, find_hits(text, view, matcher), window)
    found = block_hits(doc)  # block evidence reads the other hits, so it joins them before the doc is judged
    if len(found):
        doc.hits = merged(len(text), [doc.hits, found])
    if memory is not None:
        doc.repeats, doc.repeats_template, doc.repeats_may_change = repeated_lines(doc, memory)
    return doc


def unit_features(doc: Document, unit: Unit, hits: list[Hit], compared: bool = True) -> Features:
    """All the evidence of one unit of `doc`; `hits` are the rule hits that overlap it. `compared` False leaves out
    its comparisons with the body's words, the costliest to read (see `Features`)."""
    reading = doc.read(unit, hits)
    hashed = text_tokens(reading, doc.context)
    hashed += [hash_token(token) for token in rule_tokens(reading)]
    return Features(shape_of(reading, doc, compared), position_of(unit, doc.text),
                    rule_evidence(unit, reading, doc.text), tuple(hashed), word_count(reading),
                    None if compared else reading)


def with_body_comparisons(features: Features, doc: Document) -> Features:
    """`features` of a unit of `doc` with its comparisons with the body's words read."""
    if features.reading is None:
        return features
    overlap, frequent = body_comparisons(features.reading, doc)
    return replace(features, shape=features.shape._replace(body_overlap=overlap, frequent_words=frequent),
                   reading=None)


# Characters a word in scripts written without spaces between words (a Chinese paragraph is one "word" to a split)
UNSPACED_WORD_CHARS = {"han": 2, "kana": 2, "thai": 5}


def word_count(reading: UnitText) -> int:
    """The unit's words; in a script written without spaces, its length in words of typical size."""
    per_word = UNSPACED_WORD_CHARS.get(reading.script)
    return len(reading.words) if per_word is None else max(len(reading.words), reading.n_chars // per_word)

