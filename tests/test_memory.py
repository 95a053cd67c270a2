"""The corpus memory: counts of lines over documents, repetition as evidence, the saved file, clean_many's modes."""
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from site_pages import PROMO, STORIES, site_pages

import spamguard
from spamguard.evidence.memory import (
    APART_DOCUMENTS,
    MIN_DOCUMENTS,
    CorpusMemory,
    MemoryFileError,
    load_memory,
    memory_bytes,
    memory_from_bytes,
    save_memory,
)


def memory_of(texts: list[str]) -> CorpusMemory:
    memory = CorpusMemory()
    for text in texts:
        memory.add(text)
    return memory


def test_lines_are_counted_once_per_document_with_case_digits_and_spaces_folded():
    memory = memory_of(["Comments (73)\nComments (73)", "comments  (12)", "Comments"])
    from spamguard.evidence.memory import line_key
    assert memory.documents == 3
    assert memory.count(line_key("Comments (5)")) == 2
    assert memory.count(line_key("Comments")) == 1
    assert memory.count(line_key("never seen")) == 0


def test_a_template_line_under_unrelated_stories_is_removed_and_named_with_its_count():
    pages = site_pages(PROMO)
    assert all(PROMO in spamguard.clean(page).text for page in pages), "without the memory the promo stays"
    cleaner = spamguard.Cleaner(memory=memory_of(pages))
    for page in pages:
        result = cleaner.clean(page)
        assert PROMO not in result.text
        assert result.text.replace("\n", "") == page.replace(PROMO, "").replace("\n", "")
        (flag,) = result.flags
        assert "corpus.repeated" in flag.rules and flag.repeats == len(pages)
        assert result.memory_documents == len(pages) and result.to_dict()["memory_documents"] == len(pages)


@pytest.mark.parametrize("notice", ["© 2017 The Venhol Post. All rights reserved.", "Copyright 2024 Kelnor Media"])
def test_a_repeated_copyright_notice_is_template_however_it_ends(notice):
    pages = site_pages(notice)
    cleaner = spamguard.Cleaner(memory=memory_of(pages))
    for page in pages:
        assert cleaner.clean(page).text.replace("\n", "") == page.replace(notice, "").replace("\n", "")


DONATION = "Our reporters spent months on this story; help us keep going with a gift to the Herald."
NAMES = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Ginkgo", "Hazel", "Ivy", "Juniper", "Kapok", "Larch"]


def unrelated_pages(line: str, pages: int = APART_DOCUMENTS + 2) -> list[str]:
    """Pages of one site whose stories share nothing (each sentence names its own town), `line` after the first
    paragraph."""
    def paragraph(i: int, k: int) -> str:
        return f"{STORIES[(i + k) % len(STORIES)][:-1]} in {NAMES[i]}."
    return [f"{paragraph(i, 0)}\n\n{line}\n\n{paragraph(i, 3)}\n\n{paragraph(i, 5)}" for i in range(pages)]


def test_a_promo_sentence_that_many_unrelated_stories_carry_stands_apart_and_goes():
    pages = unrelated_pages(DONATION)
    assert all(DONATION in spamguard.clean(page).text for page in pages), "alone, the sentence reads as the story's"
    assert all(DONATION in spamguard.Cleaner(memory=memory_of(pages[:APART_DOCUMENTS - 1])).clean(page).text
               for page in pages[:APART_DOCUMENTS - 1]), "in fewer than APART_DOCUMENTS documents it stays"
    cleaner = spamguard.Cleaner(memory=memory_of(pages))
    for page in pages:
        result = cleaner.clean(page)
        assert result.text.replace("\n", "") == page.replace(DONATION, "").replace("\n", "")
        assert result.flags[0].rules == ("corpus.repeated",) and result.flags[0].repeats == len(pages)


def test_a_long_template_tail_goes_as_one_flag_and_an_allowed_line_in_it_stays():
    tail = [f"Share this story with friends at the {a} {b} shop" for a in NAMES[:8] for b in NAMES[:5]]  # 40
    heads = ["\n".join(f"{STORIES[k % 8][:-1]} in {NAMES[i]}, part {NAMES[k % 12]}." for k in range(20))
             for i in range(4)]  # 20 lines of each page's own
    pages = [f"{head}\n" + "\n".join(tail) for head in heads]
    memory = memory_of(pages)
    result = spamguard.Cleaner(memory=memory).clean(pages[0])
    assert result.text == heads[0] and len(result.flags) == 1 and result.flags[0].repeats == len(pages)
    kept = spamguard.Cleaner(memory=memory, allow=[tail[-3]]).clean(pages[0]).text
    assert kept == f"{heads[0]}\n{tail[-3]}", "the allowed line stays, the template above and below it goes"


def test_a_statement_that_many_unrelated_stories_quote_stays():
    quote = "“We are deeply saddened by the loss of our colleague,” the company said in a statement."
    pages = unrelated_pages(quote)
    cleaner = spamguard.Cleaner(memory=memory_of(pages))
    assert all(quote in cleaner.clean(page).text for page in pages)


def test_a_story_that_many_partial_copies_share_stays_however_many_there_are():
    story = "\n\n".join(STORIES[:4])
    copies = [f"{NAMES[i]} edition: our own introduction names {NAMES[i]}.\n\n{story}\n\nFiled from {NAMES[i]}."
              for i in range(len(NAMES))]  # each copy's own two lines make a story line count as repeated
    cleaner = spamguard.Cleaner(memory=memory_of(copies))
    assert all(cleaner.clean(copy).text == spamguard.clean(copy).text for copy in copies)


@pytest.mark.parametrize("line", ["By Lisa Haven", "Our ruling", "The Associated Press contributed to this report."])
def test_a_repeated_line_of_the_site_s_article_format_stays(line):
    pages = site_pages(line)
    cleaner = spamguard.Cleaner(memory=memory_of(pages))
    assert all(cleaner.clean(page).text == page for page in pages)


def test_the_copies_of_a_syndicated_story_count_as_one_story():
    story = "\n\n".join(STORIES[:4]) + "\n\nClick here to read more from our partners at the Daily Wire."
    copies = [story] * 5 + [f"{STORIES[5]}\n\n{STORIES[6]}"]
    memory = memory_of(copies)
    from spamguard.evidence.memory import line_key
    keys = [line_key(line) for line in story.split("\n\n")]
    assert all(memory.count(key) == 5 for key in keys)
    assert memory.repeats(keys) == [0] * len(keys), "every line of the copies is as common as the story itself"
    assert spamguard.Cleaner(memory=memory).clean(story).text == spamguard.clean(story).text


def test_a_line_in_fewer_than_min_documents_is_no_template():
    pages = site_pages(PROMO, pages=MIN_DOCUMENTS - 1)
    cleaner = spamguard.Cleaner(memory=memory_of(pages + ["An unrelated note.\n\nAnother line of it."]))
    assert all(PROMO in cleaner.clean(page).text for page in pages)


def test_an_empty_memory_and_a_one_document_memory_change_nothing():
    page = site_pages(PROMO)[0]
    for memory in (CorpusMemory(), memory_of([page])):
        result = spamguard.Cleaner(memory=memory).clean(page)
        assert result.text == spamguard.clean(page).text and result.memory_documents == memory.documents


def test_the_sketch_never_counts_fewer_documents_than_hold_a_line():
    def word(n: int) -> str:  # letters only: the fingerprint folds numbers
        return "".join(chr(97 + int(d)) for d in str(n))

    texts = [f"line {word(i)}\nshared line\nline of {word(i % 7)} kind" for i in range(3000)]
    exact, sketched = memory_of(texts), CorpusMemory(exact_limit=50, sketch_bytes=1 << 12)
    for text in texts:
        sketched.add(text)
    assert exact.exact and not sketched.exact and exact.error_bound() == 0.0 < sketched.error_bound() <= 1.0
    for key, n in exact.table.items():
        assert sketched.count(key) >= min(n, 255)


def test_a_saved_memory_reads_back_the_same(tmp_path):
    memory = memory_of(site_pages(PROMO))
    path = tmp_path / "site.memory"
    save_memory(memory, path)
    loaded = load_memory(path)
    assert (loaded.table, loaded.documents) == (memory.table, memory.documents)
    assert PROMO.encode() not in path.read_bytes() and b"council" not in path.read_bytes(), "no text in the file"
    assert spamguard.Cleaner(memory=path).clean(site_pages(PROMO)[0]).flags[0].repeats == 6
    sketched = CorpusMemory(exact_limit=3, sketch_bytes=1 << 10)
    for page in site_pages(PROMO):
        sketched.add(page)
    again = memory_from_bytes(memory_bytes(sketched))
    assert again.sketch == sketched.sketch and again.table == sketched.table


@pytest.mark.parametrize("damage, message", [
    (lambda data: data[:-1] + bytes([data[-1] ^ 1]), "damaged"),
    (lambda data: data[: len(data) // 2], "damaged"),
    (lambda data: b"PK\x03\x04" + data, "not a spamguard corpus memory"),
    (lambda data: b"", "not a spamguard corpus memory"),
])
def test_a_damaged_or_foreign_memory_file_is_refused_clearly(tmp_path, damage, message):
    path = tmp_path / "bad.memory"
    path.write_bytes(damage(memory_bytes(memory_of(site_pages(PROMO)))))
    with pytest.raises(MemoryFileError, match=message):
        spamguard.Cleaner(memory=path)


def test_a_memory_of_another_format_version_is_refused(tmp_path, monkeypatch):
    import spamguard.evidence.memory as memory_module
    monkeypatch.setattr(memory_module, "FORMAT_VERSION", 99)
    data = memory_bytes(memory_of(site_pages(PROMO)))
    monkeypatch.undo()
    with pytest.raises(MemoryFileError, match="version 99"):
        memory_from_bytes(data)


def test_clean_many_reads_a_list_twice_and_a_stream_once_after_its_warm_up():
    pages = site_pages(PROMO) + [STORIES[0]]
    cleaner = spamguard.Cleaner()
    two_pass = list(cleaner.clean_many(pages, corpus_memory=True))
    assert [r.memory_documents for r in two_pass] == [len(pages)] * len(pages)
    assert all(PROMO not in r.text for r in two_pass)
    stream = list(cleaner.clean_many(iter(pages), corpus_memory=True, warm_up=2))
    assert [r.memory_documents for r in stream] == [2, 2, 3, 4, 5, 6, 7]
    assert [PROMO in r.text for r in stream[:6]] == [True, True, False, False, False, False], \
        "the warm-up's two pages show the promo twice: from the third on, three pages hold it"
    assert [r.text for r in cleaner.clean_many(pages)] == [spamguard.clean(p).text for p in pages]
    assert all(r.memory_documents is None for r in cleaner.clean_many(pages))


def test_clean_many_with_workers_gives_the_results_of_one_process():
    pages = site_pages(PROMO) * 3
    one = [r.to_dict() for r in spamguard.Cleaner().clean_many(pages, corpus_memory=True)]
    two = [r.to_dict() for r in spamguard.Cleaner().clean_many(pages, corpus_memory=True, n_jobs=2, batch_size=4)]
    assert one == two


def test_clean_many_refuses_two_memories_and_a_bad_warm_up():
    cleaner = spamguard.Cleaner(memory=CorpusMemory())
    with pytest.raises(ValueError, match="corpus memory already"):
        cleaner.clean_many(["a"], corpus_memory=True)
    with pytest.raises(ValueError, match="warm_up"):
        spamguard.Cleaner().clean_many(["a"], corpus_memory=True, warm_up=-1)
    with pytest.raises(TypeError, match="memory takes"):
        spamguard.Cleaner(memory=42)


lines = st.one_of(st.text(max_size=30), st.sampled_from([PROMO, "SEE ALL RELATED", "By Lisa Haven", ""] + STORIES))


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.lists(lines, max_size=6).map("\n".join), min_size=1, max_size=8))
def test_with_a_memory_kept_text_is_byte_identical_and_cleaning_is_idempotent(corpus):
    cleaner = spamguard.Cleaner(memory=memory_of(corpus))
    for text in corpus:
        result = cleaner.clean(text)
        kept = iter(result.text)
        pieces, position = [], 0
        for flag in result.flags:
            assert 0 <= position <= flag.start < flag.end <= len(text)
            pieces.append(text[position:flag.start])
            position = flag.end
        pieces.append(text[position:])
        assert "".join(pieces) == result.text == "".join(kept)
        assert cleaner.clean(result.text).text == result.text
