"""A document's flags kept as arrays give back exactly the flags they were given."""
import pickle

from hypothesis import given, strategies as st

import spamguard
from spamguard.spans import apply
from spamguard.types import Flag, Flags

flags = st.builds(Flag, st.integers(0, 2**40), st.integers(0, 2**40), st.integers(1, 10**6), st.integers(1, 10**4),
                  st.sampled_from(["adult", "boilerplate", "other"]),
                  st.lists(st.sampled_from(["a.b", "c.d", "e.f"]), max_size=3, unique=True).map(tuple),
                  st.floats(0, 1), st.text(max_size=12), st.none() | st.floats(0, 1))


@given(st.lists(flags, max_size=20))
def test_flags_give_back_what_they_were_given(given_flags):
    kept = Flags(given_flags)
    assert list(kept) == given_flags and len(kept) == len(given_flags)
    assert kept == tuple(given_flags) and kept == given_flags
    assert kept[1:3] == tuple(given_flags[1:3])
    if given_flags:
        assert kept[-1] == given_flags[-1]
    assert pickle.loads(pickle.dumps(kept)) == kept  # results cross process boundaries in clean_many
    kept.reverse()  # flags gathered from a long document's end are put in order at the end
    assert list(kept) == given_flags[::-1]
    if given_flags:
        assert kept.pop() == given_flags[0] and list(kept) == given_flags[:0:-1]


def test_a_flag_every_other_line_is_reported_and_replayed():
    text = "He said no.\nShare this\n" * 500
    result = spamguard.clean(text)
    assert len(result.flags) == 500 and all(f.excerpt == "Share this" for f in result.flags)
    assert result.flags == tuple(result.flags)
    assert apply(text, result.flags) == apply(text, list(result.flags)) == result.text == "He said no.\n" * 500
