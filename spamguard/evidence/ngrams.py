"""Text n-gram evidence: the unit's words, word pairs and character trigrams, and its script, as hashed tokens.

The hashing trick keeps the model a fixed size whatever the vocabulary: a token's index is its CRC-32 masked to
HASH_BITS. A word's hashes are cached across documents (words repeat; Zipf's law), and a word pair mixes its two
word indexes instead of building a string, since this runs for every unit scored.
"""
from __future__ import annotations

import zlib
from functools import lru_cache
from itertools import chain

from ..units import DocContext, UnitText

HASH_BITS = 18
N_HASHED = 1 << HASH_BITS
TOKEN_WORDS, PAIR_WORDS, CHAR_GRAM_WORDS = 48, 24, 12  # how many of a unit's words give each kind of token


def text_tokens(reading: UnitText, context: DocContext) -> list[int]:
    """Hashed indexes of the unit's words, word pairs, character trigrams and script (named as departing from
    the body's script where it does)."""
    pairs = list(map(word_tokens, reading.words[:TOKEN_WORDS]))
    hashed = [own for own, _ in pairs]
    hashed += [(a * 0x9E3779B1 + b * 31 + 7) & (N_HASHED - 1)
               for a, b in zip(hashed[:PAIR_WORDS], hashed[1:PAIR_WORDS + 1])]
    hashed.extend(chain.from_iterable(grams for _, grams in pairs[:CHAR_GRAM_WORDS]))
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


_WORD, _GRAM = zlib.crc32(b"w:"), zlib.crc32(b"c:")  # CRC-32 runs on: crc32(b"c:" + x) == crc32(x, _GRAM)


@lru_cache(maxsize=1 << 17)
def word_tokens(word: str) -> tuple[int, tuple[int, ...]]:
    """The hash of the word's own token and of its character trigrams (as `hash_token` hashes "w:word" and
    "c:gram"; computed here without its cache, which trigrams would only churn)."""
    padded = f"<{word}>"
    mask = N_HASHED - 1
    if padded.isascii():  # one byte a character: a byte slice is a character trigram
        data = padded.encode("ascii")
        grams = [zlib.crc32(data[i:i + 3], _GRAM) & mask for i in range(len(data) - 2)] if len(data) > 3 \
            else [zlib.crc32(data, _GRAM) & mask]
        return zlib.crc32(data[1:-1], _WORD) & mask, tuple(grams)
    texts = [padded[i:i + 3] for i in range(len(padded) - 2)] if len(padded) > 3 else [padded]
    return zlib.crc32(word.encode("utf-8", "surrogatepass"), _WORD) & mask, \
        tuple([zlib.crc32(g.encode("utf-8", "surrogatepass"), _GRAM) & mask for g in texts])
