"""Cleaner.clean_many: same results as clean() one by one, in order, lazily, in constant memory."""
import gc
import itertools
import tracemalloc
import types
from pathlib import Path

import pytest

import spamguard

SEED = next((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")).read_text(encoding="utf-8")

JUNK = ["porno izlePornotürk porno", "Share this:", "Follow us on Twitter @daily", "hacklink satış",
        "Advertisement", "Click here to read more"]


def generated_doc(i: int) -> str:
    """A different small article for each i, some with junk at the end, some without."""
    body = (f"Story number {i} was filed by our reporter on day {i % 28 + 1}.\n\n"
            f"The council met {i % 7} times and voted on budget item {i * 37 % 1000}.")
    junk = JUNK[i % (len(JUNK) + 2)] if i % (len(JUNK) + 2) < len(JUNK) else ""
    return body + ("\n\n" + junk if junk else "")


DOCS = [SEED, "", "plain text", "line\r\nother line\r\n", "Breaking news.porno izle"] + [
    generated_doc(i) for i in range(40)]


class InputExhausted(Exception):
    """Raised by `counting_docs` when something reads far more input than a lazy reader would."""


class CountingDocs:
    """An endless stream of documents that counts how many were read and refuses to go past `limit`."""

    def __init__(self, limit: int = 100_000):
        self.read = 0
        self.limit = limit

    def __iter__(self):
        for i in itertools.count():
            if i >= self.limit:
                raise InputExhausted(f"read {i} documents of an endless stream")
            self.read = i + 1
            yield generated_doc(i)


@pytest.fixture(scope="module", params=["model", "rules-only"])
def cleaner(request):
    if request.param == "rules-only":
        return spamguard.Cleaner(use_model=False)
    try:
        return spamguard.Cleaner()
    except spamguard.ModelError as exc:
        pytest.skip(f"no shipped model: {exc}")


@pytest.mark.parametrize("batch_size", [1, 3, 256])
def test_same_results_as_clean_in_order(cleaner, batch_size):
    want = [cleaner.clean(t) for t in DOCS]
    assert list(cleaner.clean_many(DOCS, batch_size=batch_size)) == want


def test_same_results_as_clean_in_order_with_two_workers(cleaner):
    want = [cleaner.clean(t) for t in DOCS]
    got = list(cleaner.clean_many(iter(DOCS), batch_size=4, n_jobs=2))
    assert got == want


def test_default_cleaner_matches_module_clean():
    try:
        cleaner = spamguard.Cleaner()
    except spamguard.ModelError as exc:
        pytest.skip(f"no shipped model: {exc}")
    assert list(cleaner.clean_many(DOCS)) == [spamguard.clean(t) for t in DOCS]


def test_empty_input_gives_nothing(cleaner):
    assert list(cleaner.clean_many([])) == []
    assert list(cleaner.clean_many([], n_jobs=2)) == []


def test_returns_a_lazy_generator(cleaner):
    stream = CountingDocs()
    results = cleaner.clean_many(stream, batch_size=8)
    assert isinstance(results, types.GeneratorType)
    assert stream.read == 0  # nothing is read before the first result is asked for
    first = next(results)
    assert first == cleaner.clean(generated_doc(0))
    assert stream.read <= 8
    results.close()


def test_two_workers_read_ahead_only_a_few_batches(cleaner):
    stream = CountingDocs()
    results = cleaner.clean_many(stream, batch_size=8, n_jobs=2)
    got = list(itertools.islice(results, 20))
    assert got == [cleaner.clean(generated_doc(i)) for i in range(20)]
    assert stream.read < 1_000
    results.close()


def test_non_str_item_raises_type_error(cleaner):
    with pytest.raises(TypeError):
        list(cleaner.clean_many(["fine", b"bytes are not text"]))


def _peak_traced_bytes(cleaner, n_docs: int) -> int:
    """Peak Python heap (tracemalloc) while streaming n_docs generated documents through clean_many.

    gc.collect() every 1,000 results empties CPython's free lists: a freed tuple or float parked there stays
    counted by tracemalloc, which would look like growth (bounded, but over tens of thousands of docs).
    Objects the cleaner really keeps are not freed by it, so real growth still shows.
    """
    gc.collect()
    tracemalloc.start()
    try:
        removed = 0
        results = cleaner.clean_many((generated_doc(i) for i in range(n_docs)), batch_size=64)
        for i, result in enumerate(results, 1):
            removed += len(result.flags)
            if i % 1_000 == 0:
                gc.collect()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert removed > 0  # the stream really was cleaned
    return peak


def test_memory_does_not_grow_with_stream_length():
    try:
        cleaner = spamguard.Cleaner()
    except spamguard.ModelError:  # no shipped model yet: the rules-only path still streams
        cleaner = spamguard.Cleaner(use_model=False)
    list(cleaner.clean_many(DOCS))  # load the model and fill one-off caches before measuring
    short = _peak_traced_bytes(cleaner, 1_000)
    long = _peak_traced_bytes(cleaner, 10_000)
    # Ten times the documents must not mean more memory: keeping even 50 bytes per document would show.
    assert long < 1.2 * short + 200_000, (short, long)


def test_records_are_cleaned_at_their_text_field(cleaner):
    records = [{"id": i, "body": text} for i, text in enumerate(DOCS)]
    assert list(cleaner.clean_many(records, field="body")) == [cleaner.clean(t) for t in DOCS]
    assert [r.text for r in cleaner.clean_many([{"text": DOCS[0]}, DOCS[1]])] == \
        [cleaner.clean(DOCS[0]).text, cleaner.clean(DOCS[1]).text]


def test_a_bad_item_is_named_by_its_position(cleaner):
    with pytest.raises(KeyError, match="document 1: the record has no 'text' field"):
        list(cleaner.clean_many(["fine", {"body": "x"}]))
    with pytest.raises(TypeError, match=r"document 2: spamguard cleans str, got bytes \(decode"):
        list(cleaner.clean_many(["fine", "also fine", b"bytes"], n_jobs=2))
