"""One junk line: spam anchors (alone, as a glued list, or in a sentence wrapper), boilerplate or leaked markup."""
from __future__ import annotations

import random
import string
from collections.abc import Sequence

from .disguise import obfuscate
from .vocab import (
    _ANCHORS,
    _BOILERPLATE,
    _CITIES,
    _CURRENCY,
    _HANDLES,
    _HEADLINE_PARTS,
    _MARKUP,
    _SHARE_BUTTONS,
    _SITE_STEMS,
    _TAGS,
    _TLDS,
    _WRAPPERS,
    FAMILIES,
    LANGUAGES,
    SPAM_FAMILIES,
)


def pick_language(rng: random.Random, languages: Sequence[str] = LANGUAGES) -> str:
    """English a third of the time (most real hosts are English), otherwise any of `languages`."""
    return "en" if rng.random() < 0.35 else rng.choice(languages)


def supported() -> tuple[tuple[str, str], ...]:
    """Every (family, language) pair `junk_line` produces text for."""
    pairs = [(f, lang) for f in SPAM_FAMILIES for lang in LANGUAGES if lang in _ANCHORS[f]]
    pairs += [("boilerplate", lang) for lang in LANGUAGES if lang in _BOILERPLATE]
    pairs += [("markup", lang) for lang in LANGUAGES]
    return tuple(pairs)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _ascii_slug(s: str) -> str:
    return "".join(ch for ch in s.lower() if ch in string.ascii_lowercase + string.digits)


def _site(rng: random.Random, anchor: str = "") -> str:
    stem = _ascii_slug(anchor)[:18] if rng.random() < 0.6 else ""
    if len(stem) < 3:
        stem = rng.choice(_SITE_STEMS) + rng.choice(_SITE_STEMS) + rng.choice(("", str(rng.randint(1, 99))))
    return ("www." if rng.random() < 0.3 else "") + stem + rng.choice(_TLDS)


def _url(rng: random.Random, anchor: str = "") -> str:
    path = rng.choice(("", "/", "/?ref=" + str(rng.randint(1, 999)), "/video/", "/giris", "/index.php"))
    return rng.choice(("http://", "https://", "")) + _site(rng, anchor) + path


def _headline(rng: random.Random, language: str) -> str:
    subjects, rests = _HEADLINE_PARTS.get(language, _HEADLINE_PARTS["en"])
    return rng.choice(subjects) + rng.choice(rests)


def _fill(rng: random.Random, template: str, language: str, anchor: str = "",
          extra: dict | None = None) -> str:
    """Fill the {slots} of a template; only slots that occur are drawn. `extra` adds or overrides slots."""
    values = {
        "a": lambda: anchor, "A": lambda: _cap(anchor), "site": lambda: _site(rng, anchor),
        "url": lambda: _url(rng, anchor), "phone": lambda: rng.choice(("+90 5", "0812-", "+7 9", "+1 (800) ", "08"))
        + "".join(rng.choice(string.digits) for _ in range(8)),
        "price": lambda: rng.choice(_CURRENCY[language]).format(n=rng.randint(2, 499)),
        "share": lambda: "".join(rng.sample(_SHARE_BUTTONS, rng.randint(3, 8))),
        "cont": lambda: "Continue reading the main story" * rng.randint(1, 3),
        "h": lambda: "".join(_headline(rng, language) for _ in range(rng.randint(2, 4))),
        "h1": lambda: _headline(rng, language), "x": lambda: rng.choice(_HANDLES),
        "title": lambda: _headline(rng, language), "tags": lambda: ", ".join(rng.sample(_TAGS, rng.randint(1, 3))),
        "n": lambda: str(rng.randint(10000, 99999999)), "d": lambda: str(rng.randint(1, 9)),
        "s": lambda: rng.choice(_SITE_STEMS) + rng.choice(_SITE_STEMS), "u": lambda: _url(rng),
        "hsh": lambda: "".join(rng.choice("0123456789abcdef") for _ in range(32)),
    }
    values.update(extra or {})
    out = []
    for literal, field, _spec, _conv in string.Formatter().parse(template):
        out.append(literal)
        if field is not None:
            out.append(values[field]())
    return "".join(out)


def _anchor(rng: random.Random, family: str, language: str) -> str:
    return rng.choice(_ANCHORS[family][language]).replace("{city}", rng.choice(_CITIES[language]))


def anchor_list(rng: random.Random, family: str, language: str, sep: str | None = None) -> str:
    """Several hidden-link anchors in a row, as an extractor joins adjacent <a> texts.

    sep None = drawn from "" (glued: "porno izlePornotürk porno"), " ", " | ", ", ", " - ".
    """
    sep = rng.choice(("", "", " ", " | ", ", ", " - ")) if sep is None else sep
    pool = _ANCHORS[family][language]
    picks = rng.sample(pool, min(len(pool), rng.randint(2, 6)))
    anchors = [a.replace("{city}", rng.choice(_CITIES[language])) for a in picks]
    if sep == "":
        anchors = [anchors[0]] + [_cap(a) if rng.random() < 0.6 else a for a in anchors[1:]]
    return sep.join(anchors)


def _check(family: str | None, language: str | None, rng: random.Random) -> tuple[str, str]:
    if family is None:
        family = rng.choice(FAMILIES)
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}; expected one of {', '.join(FAMILIES)}")
    langs = [lang for f, lang in supported() if f == family]
    if language is None:
        language = pick_language(rng, langs)
    if language not in langs:
        raise ValueError(f"family {family!r} has no vocabulary for language {language!r}; have {', '.join(langs)}")
    return family, language


def junk_line(rng: random.Random, family: str | None = None, language: str | None = None) -> tuple[str, str]:
    """One line of junk (no line break inside) and its category (= its family)."""
    family, language = _check(family, language, rng)
    if family == "markup":
        text = _fill(rng, rng.choice(_MARKUP), language)
    elif family == "boilerplate":
        text = _fill(rng, rng.choice(_BOILERPLATE[language]), language)
    else:
        style = rng.random()
        if style < 0.25:
            text = anchor_list(rng, family, language)
        else:
            anchor = _anchor(rng, family, language)
            if rng.random() < 0.25:
                anchor = obfuscate(anchor, rng)
            if style < 0.45:
                text = anchor if rng.random() < 0.6 else anchor + " " + _url(rng, anchor)
            else:
                text = _fill(rng, rng.choice(_WRAPPERS[language]), language, anchor)
        text = text + rng.choice(("", "", "", ".", "!", "!!!", " >>", "…"))
        if rng.random() < 0.08:
            text = text.upper()
    return text, family
