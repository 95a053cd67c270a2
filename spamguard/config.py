"""The settings of one cleaning: one frozen value passed down from the `Cleaner`, never module globals."""
from __future__ import annotations

from dataclasses import dataclass

RULES_ONLY_THRESHOLD = 0.5  # the threshold without a model
# Words that open a call to action. Glued spam often starts with one ("Getty Get cheap jerseys ..."), one word
# before the phrase that names it; a junk tail found just after such a word takes the word with it.
CALL_TO_ACTION = frozenset(("get", "buy", "order", "visit", "click", "download", "shop", "txt", "claim", "earn",
                            "join"))


@dataclass(frozen=True)
class Settings:
    """How sure the judge must be, and where; the defaults are the ones the shipped model was tuned with.

    threshold: the junk score at which a unit is removed (the model card's, or RULES_ONLY_THRESHOLD).
    middle_threshold: a unit whose position does not speak for it (the head of a line before a named tail, a tail
        no rule names, prose naming a brand with a way to reach the seller) goes only when the model is this sure.
    last_label_threshold: the line that would start the trailer, short and named by no rule (a label or a short
        statement: a recipe's last ingredient, a credit), goes only at this score.
    within_threshold: a line outside the trailer that a rule names goes at this score, whatever the threshold (the
        rule and the model agree), as does one no rule names that is in another script than the body's, spells
        words with digits for letters ('Thu1s0ntv4ng5t'), or gives a link or a phone number in other letters than
        the body's (Latin letters beyond ASCII none of which the body's paragraphs use); one no rule names that
        does one of the last two, at this score or the threshold, if higher.
    unnamed_within_threshold: a line outside the trailer that no rule names, with no link or phone number, in the
        body's letters (its words lean to junk) goes at this score.
    neighbour_threshold: a short line scoring this (or the threshold, if lower) is doubtful: the trailer walk
        looks past it (within its block: never past a blank line above it).
    max_doubtful: doubtful lines in a row the trailer walk looks past.
    repeated_threshold: a line the corpus memory counts as repeated (a template line) goes at this score.
    rule_acts: a line or span rule of at least this weight removes what it matches, whatever the threshold.
    short_line_words: a line of at most this many words, with no sentence end, reads as a label.
    near_end: the lines_after feature at most this (2 non-blank lines after the unit) is "near the end".
    glued_tail_words: a glued tail no rule names needs this many words to be cut.
    min_head_chars: a cut leaves at least this much of the line before it.
    max_passes: the cleaned text is judged again until nothing more goes, at most this many passes.
    excerpt_chars: the length of a flag's excerpt.
    min_body_chars: a removal no rule names needs a body left: this many visible characters (half as many on
        two lines or more).
    call_to_action: words that go with the junk tail that follows them.
    window_chars: a longer document is judged a window of about this many characters at a time (`windows`).
    """

    threshold: float = RULES_ONLY_THRESHOLD
    middle_threshold: float = 0.9
    last_label_threshold: float = 0.93
    within_threshold: float = 0.5
    unnamed_within_threshold: float = 0.9
    neighbour_threshold: float = 0.25
    repeated_threshold: float = 0.5
    max_doubtful: int = 2
    rule_acts: float = 0.5
    short_line_words: int = 12
    near_end: float = 0.4
    glued_tail_words: int = 3
    min_head_chars: int = 2
    max_passes: int = 6
    excerpt_chars: int = 80
    min_body_chars: int = 300
    call_to_action: frozenset[str] = CALL_TO_ACTION
    window_chars: int = 1 << 22
