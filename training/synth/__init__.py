"""Synthetic junk for training and measuring: SEO spam, hidden-link anchors, site boilerplate, leaked markup.

Lives outside the installed package (import it from the repository root as `training.synth`). Every function
takes a `random.Random` and is deterministic given its state.

    junk_line(rng, family=None, language=None) -> (text, category)   one junk line, never a line break
    inject(article, rng, ...) -> (text, spans, info)                  junk spliced onto a real article
    legit_ending(rng, language=None) -> str                           a byline / credit / source list / ... (not junk)
    add_ending(article, rng, language=None) -> str                    article + "\\n" or "\\n\\n" + legit_ending

`inject` leaves every character of the article untouched: removing `spans` from `text` gives the
article back byte for byte. For trailer modes the separator ("\\n\\n", "\\n", " ") belongs to the span.

Modules: vocab (junk words and templates), disguise (obfuscation), junk (one junk line), splice (inject,
remove_spans), ending_vocab and endings (legitimate endings).
"""
from .disguise import HOMOGLYPHS, LEET, ZERO_WIDTH, obfuscate
from .ending_vocab import ENDING_KINDS
from .endings import add_ending, legit_ending
from .junk import anchor_list, junk_line, pick_language, supported
from .splice import MODES, inject, remove_spans
from .vocab import FAMILIES, LANGUAGES, MIDDLE_FAMILIES, SPAM_FAMILIES

__all__ = [
    "ENDING_KINDS", "FAMILIES", "HOMOGLYPHS", "LANGUAGES", "LEET", "MIDDLE_FAMILIES", "MODES", "SPAM_FAMILIES",
    "ZERO_WIDTH", "add_ending", "anchor_list", "inject", "junk_line", "legit_ending", "obfuscate", "pick_language",
    "remove_spans", "supported",
]
