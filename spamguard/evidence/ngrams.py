"""Text n-gram evidence: the unit's words, word pairs and character trigrams, and its script, as hashed tokens.

The hashing trick keeps the model a fixed size whatever the vocabulary: a token's index is its CRC-32 masked to
HASH_BITS. A word's hashes are cached across documents (words repeat; Zipf's law), and a word pair mixes its two
word indexes instead of building a string, since this runs for every unit scored.
"""
from __future__ import annotations

import zlib
from functools import lru_cache

from ..units import DocContext, UnitText

HASH_BITS = 18
N_HASHED = 1 << HASH_BITS
TOKEN_WORDS, PAIR_WORDS, CHAR_GRAM_WORDS = 48, 24, 12  # how many of a unit's words give each kind of token


def text_tokens(reading: UnitText, context: DocContext) -> list[int]:
    """Hashed indexes of the unit's words, word pairs, character trigrams and script (named as departing from
    the body's script where it does)."""
    pairs = [word_tokens(w) for w in reading.words[:TOKEN_WORDS]]
    hashed = [own for own, _ in pairs]
    hashed += [(a * 0x9E3779B1 + b * 31 + 7) & (N_HASHED - 1)
               for a, b in zip(hashed[:PAIR_WORDS], hashed[1:PAIR_WORDS + 1])]
    for _, grams in pairs[:CHAR_GRAM_WORDS]:
        hashed += grams
    script = reading.script
    hashed.append(hash_token(f"s:{script if script == context.script else f'{script}-in-{context.script}'}"))
    return hashed


@lru_cache(maxsize=4096)  # rule ids and script names repeat in every document
def hash_token(token: str) -> int:
    """The hashed feature index of one token.

    >>> 0 <= hash_token("w:casino") < N_HASHED
    True
    """
    return zlib.crc32(token.encode("utf-8", "surrogatepass")) & (N_HASHED - 1)


@lru_cache(maxsize=1 << 17)
def word_tokens(word: str) -> tuple[int, tuple[int, ...]]:
    """The hash of the word's own token and of its character trigrams."""
    padded = f"<{word}>"
    grams = [padded[i:i + 3] for i in range(len(padded) - 2)] if len(padded) > 3 else [padded]
    return hash_token(f"w:{word}"), tuple(hash_token(f"c:{g}") for g in grams)
