"""Junk glued onto article text (issue #11, part 3) is cut exactly at the seam, whatever the article line ends with.

A scraper glues hidden-link text onto the word before it: onto a word ("new Videos|porno izle"), a date ("12 March
2014|p0rn0 1zle"), an e-mail address ("name@paper.com|payday loans"), a URL ("…/report|cheap viagra"), a handle
("@newsdesk|situs judi bola") or closing punctuation ("he said.”|slot gacor"), in disguise too (leetspeak,
invisible characters, Cyrillic look-alikes). The seam is where a spam phrase glued on starts (`matcher._glued_on`)
or where an address ends (`segment._address`); the judge cuts there.

With one space between article and junk, the space before the cut stays (the judge cuts where the junk's first
word starts): the tests accept the article with or without it.
"""
import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

import spamguard
from spamguard.matcher import _may_start_mid_word, default_matcher
from spamguard.normalize import view
from training.synth import SPAM_FAMILIES, anchor_list, obfuscate, supported

BODY = ("The council met on Tuesday to discuss the new budget for the coming year, and members agreed to fund two "
        "new schools and a library in the northern district of the city.\n\n"
        "Officials said the work would begin in the spring and last about two years, with most of the cost paid "
        "by the regional government.\n\n")


@pytest.fixture(scope="module")
def cleaner():
    return spamguard.Cleaner()


def _cut_at_seam(cleaner, article, sep, junk):
    text = cleaner.clean(article + sep + junk).text
    return text == article or text == article + sep


@pytest.mark.parametrize("line, junk", [
    ("Watch the full interview in our section of new Videos", "porno izle Porno"),  # a word: "Videos|porno"
    ("Published 12 March 2014", "p0rn0 1zle brazzers"),  # a date, leetspeak
    ("Contact: name@paper.com", "payday loans no credit check"),  # an e-mail address
    ("Read the full report, see https://example.org/report", "cheap viagra online"),  # a URL
    ("Send your tips to our desk at @newsdesk", "situs judi bola"),  # a handle
    ("\u201cWe will finish the work on time,\u201d he said.\u201d", "slot gacor hari ini"),  # closing punctuation
    ("The mayor thanked the volunteers", "p\u200bo\u200br\u200bn\u200bo izle"),  # invisible characters
    ("The mayor thanked the volunteers", "\u0440\u043erno izle"),  # Cyrillic look-alikes
    ("The mayor thanked the volunteers.", "p o r n o izle"),  # spaced letters (after a sentence end)
])
@pytest.mark.parametrize("sep", ["", " "])
def test_glued_junk_is_cut_at_the_seam(cleaner, line, junk, sep):
    article = BODY + line
    result = cleaner.clean(article + sep + junk)
    assert result.text in (article, article + sep)
    if not sep:
        assert result.text == article
        assert spamguard.apply(article + junk, result.flags) == article


SPACED_RUN = "o n l i n e c a s i n o b o n u s"


@pytest.mark.parametrize("before, after", [
    ("", " The mayor thanked the volunteers for their work on the new library."),  # heading the line
    ("The mayor thanked the volunteers ", " for their work on the new library."),  # inside it
    ("The mayor thanked the volunteers for their work on the new library. ", ""),  # ending it
])
def test_a_run_of_spaced_letters_is_cut_exactly(cleaner, before, after):
    result = cleaner.clean(BODY + before + SPACED_RUN + after)
    assert result.text == BODY + before + after
    assert [f.rules[0] for f in result.flags] == ["other.spaced-run"]


@pytest.mark.parametrize("text", [
    "The council met on Tuesday to discuss the new budget for the coming year. Play c a s i n o online",
    "She signed her letter with love, x x x x x x x x x, as she always did when she wrote home.",
])
def test_a_short_run_of_spaced_letters_is_no_cut(cleaner, text):
    # a spaced word or two is evidence for the model, not a cut of its own (the first line goes whole or stays)
    result = cleaner.clean(BODY + text)
    assert all("other.spaced-run" not in f.rules for f in result.flags)


@pytest.mark.parametrize("text", [
    "The Sporno club opened a new hall in the city centre.",  # "porno" inside a word is no porn
    "It is highly likely that your mobile device will be seized, a spokesman said.",  # nor "ur mobile" a scam
    "Fans of esports betting on matches were warned by the regulator.",
    "Write to name@paper.community or see https://example.org/watch?v=dQw4w9WgXcQ for the video.",
])
def test_phrases_inside_ordinary_words_do_not_fire(cleaner, text):
    article = BODY + text
    assert cleaner.clean(article).text == article
    hits = default_matcher().find(text, view(text))
    assert not [h for h in hits if h.rule.scope == "term" and h.start > 0 and text[h.start - 1].isalnum()]


# --- properties: generated article lines with junk glued on ------------------------------------------------------

WORDS = ("the council said city plan new school road water budget people year week report members local police "
         "court government minister would could after before during about their there which years million percent "
         "officials project health market company workers").split()
ENDINGS = ("date", "email", "url", "handle", "quote", "bracket", "word")
_PAIRS = tuple((f, lang) for f, lang in supported() if f in SPAM_FAMILIES)


def _sentences(rng):
    def sentence():
        words = [rng.choice(WORDS) for _ in range(rng.randint(5, 14))]
        return " ".join([words[0].capitalize(), *words[1:]])
    return ". ".join(sentence() for _ in range(rng.randint(1, 3)))


def _ending(rng, ending):
    """A date, an e-mail address, a URL, a handle, closing punctuation or a plain word."""
    return {"date": f" on {rng.randint(1, 28)} March {rng.randint(1990, 2030)}",
            "email": ", contact name@paper.com", "url": ", see https://example.org/news/report",
            "handle": ". Tips to @newsdesk", "quote": ".\u201d", "bracket": ".)", "word": " today"}[ending]


def _article_line(rng, ending):
    """Sentences of ordinary words and an ending (`_ending`)."""
    return _sentences(rng) + _ending(rng, ending)


def _junk(rng, glued):
    """Hidden-link anchors of a spam family (training.synth), maybe disguised. Spaced letters and mixed case are
    left out when nothing separates the junk from the word before: glued on, "volunteersp o r n o" and
    "reportPoRnO" show a reader no seam either."""
    family, language = rng.choice(_PAIRS)
    junk = anchor_list(rng, family, language)
    kinds = ("leet", "zero-width", "homoglyph") if glued else ("leet", "zero-width", "homoglyph", "spaced")
    if rng.random() < 0.3:
        junk = obfuscate(junk, rng, rng.choice(kinds))
    return junk


def _starts_with_a_glueable_phrase(junk):
    """Lexicon evidence at the seam: a spam phrase starts the junk (found in it alone), one that may start glued
    to the end of a word (`matcher._may_start_mid_word`: several words, or one long one)."""
    v = view(junk)
    for hit in default_matcher().find(junk, v):
        if hit.start == 0 and hit.rule.scope == "term":
            start, end = v.from_original(hit.start, hit.end)
            return _may_start_mid_word(v.text[start:end])
    return False


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.randoms(use_true_random=False), st.sampled_from(ENDINGS), st.sampled_from(["", " "]))
def test_generated_glued_junk_is_cut_at_the_seam(cleaner, rng, ending, sep):
    """What this covers: an article line (ordinary words, ending as `_article_line` says) with junk glued on (no
    separator, or one space) whose first phrase is lexicon evidence that may start glued (`_starts_with_a_glueable_
    phrase`), and which the judge removes as a tail after a full stop (the same sentences + ". " + junk: whether
    the junk scores as junk is the judge's and the model's question; where it starts is the seam's). Then the
    cleaned text is the article, exactly (with the one space, at most, that stood before the junk)."""
    junk = _junk(rng, glued=not sep)
    assume(_starts_with_a_glueable_phrase(junk))
    sentences = _sentences(rng)
    reference = BODY + sentences + "."
    assume(_cut_at_seam(cleaner, reference, " ", junk))
    article = BODY + sentences + _ending(rng, ending)
    assume(cleaner.clean(article).text == article)  # the line alone stays (whether it does: the property below)
    assert _cut_at_seam(cleaner, article, sep, junk), (article[len(BODY):], sep, junk)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False), st.sampled_from(ENDINGS))
def test_a_clean_generated_article_line_is_never_cut(cleaner, rng, ending):
    """No seam cuts clean text: no flag starts or ends inside the line. A line ending in a sentence's punctuation
    stays whole; one that does not (the word salad ending in a word, a date, an address) reads as a label, and
    whether a label ends the article or starts the trailer is the walk's and the model's question (tests/
    test_judge.py), not the seams'."""
    line = _article_line(rng, ending)
    article = BODY + line
    flags = cleaner.clean(article).flags
    assert all(f.end <= len(BODY) or f.start <= len(BODY) and f.end == len(article) for f in flags), line
    if ending in ("quote", "bracket"):
        assert not flags, line
