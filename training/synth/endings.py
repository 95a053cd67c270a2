"""Legitimate article endings (bylines, credits, sources, contact blocks, ...): never junk.

Real articles often end in short, unpunctuated or URL-only lines; these teach the model to keep them.
"""
from __future__ import annotations

import random
import string
from collections.abc import Sequence

from .ending_vocab import (
    _CAPTIONS,
    _COMPANIES,
    _DATE_FORMATS,
    _DOMAINS,
    _END_CITIES,
    _ENDING_WEIGHTS,
    _ENDINGS,
    _INGREDIENTS,
    _LOCAL_DOMAINS,
    _MONTHS,
    _NAMES,
    _OUTLETS,
    _PHONES,
    _POEMS,
    _QA,
    _SLUG_WORDS,
    _URL_PATHS,
    ENDING_KINDS,
)
from .junk import _ascii_slug, _fill, pick_language
from .splice import _newline


def _people(rng: random.Random, language: str, k: int = 3) -> list[str]:
    """k names with different first names (or different full names)."""
    firsts, lasts = _NAMES[language]
    return [first + (" " + last if last else "") for first, last in
            zip(rng.sample(firsts, k), (rng.choice(lasts) for _ in range(k)), strict=False)]


def _ending_url(rng: random.Random, language: str) -> str:
    domain = rng.choice(_DOMAINS + _LOCAL_DOMAINS.get(language, ()) * 3)
    slug = "-".join(rng.sample(_SLUG_WORDS, rng.randint(2, 4)))
    path = rng.choice(_URL_PATHS).format(y=rng.randint(2012, 2024), mo=rng.randint(1, 9), slug=slug,
                                         n=rng.randint(10**6, 10**10), n4=rng.randint(1000, 9999))
    return rng.choice(("https://", "https://", "http://", "")) + domain + rng.choice((path, path, ""))


def _email(rng: random.Random, person: str, language: str) -> str:
    local = ".".join(_ascii_slug(w) for w in person.split()[:2] if _ascii_slug(w))
    local = local if local and rng.random() < 0.7 else rng.choice(("press", "media", "newsdesk", "pr", "info"))
    domain = rng.choice(("example.com", "example.org", _ascii_slug(rng.choice(_COMPANIES)) + ".com",
                         rng.choice(_DOMAINS + _LOCAL_DOMAINS.get(language, ())).removeprefix("www.")))
    return f"{local}@{domain}"


def _date(rng: random.Random, language: str) -> str:
    month = rng.randint(1, 12)
    return rng.choice(_DATE_FORMATS[language]).format(
        d=rng.randint(1, 28), mm=month, y=rng.randint(2012, 2024), m=_MONTHS.get(language, _MONTHS["en"])[month - 1])


def legit_ending(rng: random.Random, language: str | None = None, kind: str | None = None) -> str:
    """One legitimate article ending (byline, credit, sources, contact block, ...); lines joined by "\\n".

    Never junk by LABELING.md: no share/follow/subscribe prompts, related lists, RSS footers or copyright lines.
    language None = `pick_language`; kind None = weighted over ENDING_KINDS (those the language has).
    """
    language = pick_language(rng) if language is None else language
    if language not in _ENDINGS:
        raise ValueError(f"no endings for language {language!r}; have {', '.join(_ENDINGS)}")
    kinds = [k for k in ENDING_KINDS if k in _ENDINGS[language]]
    if kind is None:
        kind = rng.choices(kinds, weights=[_ENDING_WEIGHTS[k] for k in kinds])[0]
    if kind not in kinds:
        raise ValueError(f"unknown ending kind {kind!r} for {language!r}; expected one of {', '.join(kinds)}")
    people = _people(rng, language)
    city = rng.choice(_END_CITIES[language])

    def lines(pool: Sequence[str], lo: int, hi: int) -> str:
        return "\n".join(rng.sample(pool, min(len(pool), rng.randint(lo, hi))))

    extra = {
        "n1": lambda: people[0], "n2": lambda: people[1], "n3": lambda: people[2],
        "first": lambda: people[0].split()[0], "outlet": lambda: rng.choice(_OUTLETS[language]),
        "city": lambda: city, "CITY": lambda: city.upper(), "url": lambda: _ending_url(rng, language),
        "urls": lambda: "\n".join(_ending_url(rng, language) for _ in range(rng.randint(2, 4))),
        "email": lambda: _email(rng, people[0], language), "phone": lambda: "".join(
            rng.choice(string.digits) if c == "#" else c for c in _PHONES[language]),
        "date": lambda: _date(rng, language), "company": lambda: rng.choice(_COMPANIES),
        "cap": lambda: rng.choice(_CAPTIONS[language]).replace("{city}", city),
        "poem": lambda: lines(_POEMS[language], 2, 5), "ingr": lambda: lines(_INGREDIENTS[language], 2, 6),
        "qa": lambda: rng.choice(_QA[language]).replace("|", "\n"),
    }
    return _fill(rng, rng.choice(_ENDINGS[language][kind]), language, extra=extra)


def add_ending(article: str, rng: random.Random, language: str | None = None, kind: str | None = None) -> str:
    """The article (every character kept, as a prefix) followed by a `legit_ending` (of `kind`, if given).

    The ending goes after a blank line when the article separates paragraphs with blank lines, else after one
    line break, in the article's own break style ("\\r\\n", "\\r" or "\\n"); existing trailing breaks count.
    """
    if not isinstance(article, str):
        raise TypeError(f"article must be str, not {type(article).__name__}")
    nl = _newline(article)
    ending = legit_ending(rng, language, kind).replace("\n", nl)
    if not article.strip():
        return article + ending
    want = 2 if (nl * 2 in article) != (rng.random() < 0.1) else 1
    have = 2 if article.endswith(nl * 2) else 1 if article.endswith(nl) else 0
    return article + nl * max(0, want - have) + ending
