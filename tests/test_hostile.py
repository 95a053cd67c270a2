"""Hostile input (issue #16): the cleaning contract holds on the shapes of bench/hostile.py and their mixtures.

Small sizes only (a few KB): these tests check what comes out, never how fast (bench/hostile.py measures that).
The general invariants on short random documents live in test_cleaner.py; these are about the hostile shapes,
mixed with ordinary article text, random Unicode (lone surrogates and NUL included) and every line break.
"""
from itertools import accumulate

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import spamguard
from bench.hostile import CJK_SENTENCES, SENTENCES, SHAPES, make

# Every character str.splitlines breaks on ("\r\n" counts as one break).
LINE_BREAKS = ["\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
HOSTILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

shapes = st.sampled_from(sorted(SHAPES))
any_char = st.characters(codec=None, exclude_categories=())  # lone surrogates, NUL and controls included
pieces = st.one_of(
    st.builds(make, shapes, st.integers(1, 1500)),
    st.sampled_from(SENTENCES),
    st.sampled_from(LINE_BREAKS),
    st.text(any_char, max_size=30),
)
mixtures = st.lists(pieces, min_size=1, max_size=8).map("".join)


def kept_text(text: str, flags) -> str:
    """The original minus the flagged spans, cut by hand (not with spamguard.apply)."""
    bounds = [0] + [offset for flag in flags for offset in (flag.start, flag.end)] + [len(text)]
    return "".join(text[start:end] for start, end in zip(bounds[::2], bounds[1::2]))


def assert_contract(text: str, result: spamguard.Result) -> None:
    """What every result promises, whatever the input."""
    flags = result.flags
    spans = [(flag.start, flag.end) for flag in flags]
    assert all(0 <= start < end <= len(text) for start, end in spans), spans
    assert all(end <= next_start for (_, end), (next_start, _) in zip(spans, spans[1:])), spans  # sorted, disjoint
    assert spamguard.apply(text, flags) == result.text
    kept = kept_text(text, flags)
    assert kept.encode("utf-8", "surrogatepass") == result.text.encode("utf-8", "surrogatepass")
    assert result.verdict in ("clean", "cleaned", "spam")
    assert (result.verdict == "clean") == (not flags)
    if flags:
        assert (result.verdict == "spam") == (not result.text.strip()), result.verdict
    line_starts = [0] + list(accumulate(len(line) for line in text.splitlines(keepends=True)))
    for flag in flags:  # line and column (1-based, str.splitlines lines) point at the span's first non-blank
        body = text[flag.start:flag.end]
        first = flag.start + len(body) - len(body.lstrip())
        line = max(i for i, start in enumerate(line_starts[:-1] or [0]) if start <= first) + 1
        assert (flag.line, flag.column) == (line, first - line_starts[line - 1] + 1), flag


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_shape_at_a_few_kilobytes(shape):
    text = make(shape, 3000)
    assert_contract(text, spamguard.clean(text))


@pytest.mark.parametrize("line_break", LINE_BREAKS)
def test_spam_between_paragraphs_with_every_line_break(line_break):
    text = line_break.join([SENTENCES[0], make("spam-line", 200), SENTENCES[1], make("link-farm", 300), ""])
    result = spamguard.clean(text)
    assert_contract(text, result)
    assert SENTENCES[0] in result.text and SENTENCES[1] in result.text


@HOSTILE
@given(shapes, st.integers(0, 2500))
def test_a_shape_cut_at_any_size(shape, size):
    text = make(shape, size)
    assert_contract(text, spamguard.clean(text))


@HOSTILE
@given(mixtures)
def test_mixtures_of_shapes_prose_unicode_and_line_breaks(text):
    assert_contract(text, spamguard.clean(text))


@HOSTILE
@given(shapes, st.integers(1, 800), st.integers(0, 10_000), st.sampled_from(LINE_BREAKS + [""]))
def test_a_shape_spliced_into_an_article(shape, size, where, line_break):
    article = make("article-lines", 3000)
    where %= len(article) + 1
    text = article[:where] + line_break + make(shape, size) + line_break + article[where:]
    assert_contract(text, spamguard.clean(text))


@HOSTILE
@given(shapes, st.lists(any_char, min_size=1, max_size=20), st.randoms(use_true_random=False))
def test_a_shape_sprinkled_with_any_characters(shape, chars, rng):
    text = list(make(shape, 1200))
    for char in chars:
        text.insert(rng.randrange(len(text) + 1), char)
    text = "".join(text)
    assert_contract(text, spamguard.clean(text))


@pytest.mark.parametrize("text", [
    # the model used to empty what the first pass left of this short document
    pytest.param("00010K1AS 000 thE10:brazzersR0RA00 0 1t", id="short-document-emptied"),
    # Chinese prose thrice on one line (no rule fires): a first clean kept 1.5 copies, a second only 2 sentences
    pytest.param("".join(CJK_SENTENCES) * 3, id="cjk-prose-thrice"),
    # a run of related-headers glued after sentence ends: each pass took the last of them, leaving the one before
    pytest.param(SENTENCES[0] + ". Новости по теме:" * 2000, id="glued-header-run"),
])
def test_cleaning_twice_changes_nothing(text):
    once = spamguard.clean(text).text
    assert spamguard.clean(once).text == once


@pytest.mark.parametrize("repeats", [100, 16_000, 64_000])
def test_a_one_line_link_farm_goes_whole_at_any_length(repeats):
    # The model reads a long line's length as an article's: at 320 KB it scored a pure link farm below the
    # threshold, and only its last words went. Near-total phrase coverage decides whatever the length.
    text = "porno izle brazzers " * repeats
    result = spamguard.clean(text)
    assert result.text == "" and result.verdict == "spam"
    article = SENTENCES[0] + "\n\n" + text
    assert spamguard.clean(article).text.rstrip() == SENTENCES[0]


@pytest.mark.parametrize("repeats", [50, 2_000])
def test_a_link_farm_of_glued_anchors_and_urls_goes_whole(repeats):
    # Phrases cover a fifth of it; the model decides. Each hit gave the unit one token of its rule, so at 100 KB the
    # score was 1,982 times one token's weight, whose sign a retrain flipped: 94 KB of the farm stayed
    text = "".join(f"casino onlinehttp://x{i}.ru/a porno izleBuy viagra " for i in range(repeats))
    assert spamguard.clean(text).text == ""
    article = SENTENCES[0] + "\n\n" + text
    assert spamguard.clean(article).text.rstrip() == SENTENCES[0]
