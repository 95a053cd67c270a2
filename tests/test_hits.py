"""A document's hits in arrays, merged in order; runs of phrase hits folded; flags' excerpts and visible counts
read without copying a long text."""
from hypothesis import given, strategies as st

from spamguard.hits import Hits, merged
from spamguard.judge import WHITE_SPACE, _visible
from spamguard.matcher import RUN_HITS, in_order, merge_runs
from spamguard.rules import Hit, Rule
from spamguard.spans import _excerpt

RULES = [Rule(f"x.r{i}", "other", "term", 0.3 + 0.2 * i, "A rule.", phrases=(f"p{i}",), anchor="any")
         for i in range(3)]
hit_lists = st.lists(st.builds(lambda rule, start, length: Hit(rule, start, start + length),
                               st.sampled_from(RULES), st.integers(0, 60), st.integers(1, 8)), max_size=40)


@given(hit_lists)
def test_hits_keep_what_they_are_given(hits):
    kept = Hits(100, hits)
    assert list(kept) == hits and len(kept) == len(hits)
    assert [kept[i] for i in range(len(hits))] == hits


@given(st.lists(hit_lists, max_size=4))
def test_merged_parts_are_the_stable_sort_of_their_concatenation(parts):
    everything = [h for part in parts for h in part]
    assert list(merged(100, [Hits(100, part) for part in parts])) == sorted(everything, key=in_order)


@given(hit_lists)
def test_ordered_hits_are_sorted_and_in_order_says_so(hits):
    kept = Hits(100, hits)
    assert kept.in_order() == (hits == sorted(hits, key=in_order))
    assert list(kept.ordered()) == sorted(hits, key=in_order)


def _merge_runs_in_memory(hits: list[Hit]) -> list[Hit]:
    """merge_runs as it was before it folded runs as it read them: the whole run in a list."""
    out: list[Hit] = []
    run: list[Hit] = []
    run_end = 0
    for hit in [*sorted(hits, key=in_order), None]:
        if hit is not None and run and hit.start <= run_end + 1:
            run.append(hit)
            run_end = max(run_end, hit.end)
            continue
        if len(run) > RUN_HITS:
            spans: dict[Rule, tuple[int, int]] = {}
            for h in run:
                start, end = spans.get(h.rule, (h.start, h.end))
                spans[h.rule] = (min(start, h.start), max(end, h.end))
            out += [Hit(rule, start, end) for rule, (start, end) in spans.items()]
        else:
            out += run
        run = [hit] if hit is not None else []
        run_end = hit.end if hit is not None else 0
    return out


@given(st.lists(st.tuples(st.sampled_from(RULES), st.sampled_from([0, 1, 1, 5]), st.integers(1, 6)), max_size=80))
def test_runs_folded_as_read_give_what_the_whole_run_gave(steps):
    hits, position = [], 0
    for rule, gap, length in steps:  # mostly touching hits: long runs
        position += gap
        hits.append(Hit(rule, position, position + length))
    assert list(merge_runs(sorted(hits, key=in_order))) == _merge_runs_in_memory(hits)


def test_white_space_lists_every_character_python_splits_on():
    assert set(WHITE_SPACE) == {c for c in map(chr, range(0x110000)) if c.isspace()}


texts = st.text(st.sampled_from([" ", "\n", "\x1c", "\x85", "\u2028", "\xa0", "\u3000", "\u200b", "a", "é", "字"]),
                max_size=40)


@given(texts)
def test_visible_characters_are_those_split_keeps(text):
    assert _visible(text) == len("".join(text.split()))


@given(texts, st.integers(0, 40), st.integers(0, 40), st.integers(1, 12))
def test_an_excerpt_is_the_collapsed_text_shortened(text, a, b, length):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    collapsed = " ".join(text[start:end].split())
    expected = collapsed if len(collapsed) <= length else collapsed[:length - 1] + "…"
    assert _excerpt(text, start, end, length) == expected
