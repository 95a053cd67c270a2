"""Obfuscation the way spammers disguise words: leet, zero-width characters, homoglyphs, s p a c e d, mIxEd case."""
from __future__ import annotations

import random

ZERO_WIDTH: tuple[str, ...] = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
HOMOGLYPHS: dict[str, str] = {
    "a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445",
    "A": "\u0410", "E": "\u0415", "O": "\u041e", "P": "\u0420", "C": "\u0421", "X": "\u0425",
}
LEET: dict[str, str] = {"o": "0", "i": "1", "e": "3", "a": "4", "s": "5"}


def obfuscate(text: str, rng: random.Random, kind: str | None = None) -> str:
    """Disguise text the way spammers do: leet, zero-width, homoglyph, spaced or mixed case. Never adds a line break."""
    kind = kind or rng.choice(("leet", "zero-width", "homoglyph", "spaced", "mixed-case"))
    if kind == "leet":
        return "".join(LEET[c] if c in LEET and rng.random() < 0.6 else c for c in text)
    if kind == "zero-width":
        out = [text[:1]]
        for prev, ch in zip(text, text[1:], strict=False):
            if prev.isalnum() and ch.isalnum() and rng.random() < 0.35:
                out.append(rng.choice(ZERO_WIDTH))
            out.append(ch)
        return "".join(out)
    if kind == "homoglyph":
        return "".join(HOMOGLYPHS[c] if c in HOMOGLYPHS and rng.random() < 0.6 else c for c in text)
    if kind == "spaced":
        words = text.split(" ")
        idx = [i for i, w in enumerate(words) if len(w) >= 3 and w.isalpha()]
        if not idx:
            return text
        for i in rng.sample(idx, rng.randint(1, len(idx))):
            words[i] = " ".join(words[i])
        return " ".join(words)
    if kind == "mixed-case":
        return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in text)
    raise ValueError(f"unknown obfuscation {kind!r}")
