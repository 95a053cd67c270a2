"""spamguard.evaluate: counts and rates on small hand-labeled documents worked out by hand, the metrics table,
and the training-data records it refuses (with the line that is wrong)."""
from types import SimpleNamespace

import pytest

from spamguard.errors import TrainingDataError
from spamguard.evaluate import char_mask, evaluate, evaluate_file, format_metrics, read_records, score_document

# "spam line" is 0-9 (8 non-space characters), "real text" 10-19 (8 non-space characters)
TEXT = "spam line\nreal text\n"
JUNK = {"text": TEXT, "junk_spans": [(0, 9)]}


def flags(*spans):
    return [SimpleNamespace(start=start, end=end) for start, end in spans]


class StubCleaner:
    """Removes the spans given for each text (nothing for other texts)."""

    def __init__(self, spans_by_text):
        self.spans_by_text = spans_by_text

    def clean(self, text):
        return SimpleNamespace(flags=flags(*self.spans_by_text.get(text, ())))


# --- char_mask -------------------------------------------------------------------------------------------------


def test_char_mask_marks_every_character_of_every_span():
    assert char_mask(6, [(1, 3), (2, 4)]) == bytearray(b"\x00\x01\x01\x01\x00\x00")
    assert char_mask(3, [(0, 0)]) == bytearray(3)
    assert char_mask(0, []) == bytearray()
    assert char_mask(4, [(0, 4)]) == bytearray(b"\x01" * 4)


# --- score_document --------------------------------------------------------------------------------------------


def test_exactly_the_junk_removed():
    assert score_document(JUNK, flags((0, 9))) == {
        "junk_chars": 8, "junk_chars_removed": 8, "article_chars": 8, "article_chars_lost": 0, "removed_chars": 8,
        "junk_lines": 1, "junk_lines_removed": 1, "article_lines": 1, "article_lines_lost": 0, "exact": 1,
    }


def test_part_of_the_junk_line_removed_is_not_a_removed_line():
    counts = score_document(JUNK, flags((0, 4)))  # "spam"
    assert counts["junk_chars_removed"] == 4 and counts["removed_chars"] == 4
    assert counts["junk_lines_removed"] == 0 and counts["exact"] == 0


def test_cutting_into_the_article_loses_its_line_and_characters():
    counts = score_document(JUNK, flags((0, 14)))  # "spam line\nreal"
    assert counts["junk_chars_removed"] == 8 and counts["article_chars_lost"] == 4 and counts["removed_chars"] == 12
    assert counts["junk_lines_removed"] == 1 and counts["article_lines_lost"] == 1 and counts["exact"] == 0


def test_removing_only_whitespace_beside_the_junk_is_still_exact():
    assert score_document(JUNK, flags((0, 10)))["exact"] == 1  # the "\n" after the junk line is not counted


def test_clean_document_has_no_junk_counts():
    counts = score_document({"text": "a b\n", "junk_spans": []}, [])
    assert counts == {"article_chars": 2, "article_chars_lost": 0, "removed_chars": 0,
                      "article_lines": 1, "article_lines_lost": 0, "exact": 1}


def test_uncertain_spans_count_neither_way():
    record = {"text": TEXT, "junk_spans": [(0, 4)], "uncertain_spans": [(5, 9)]}  # "line" is uncertain
    counts = score_document(record, flags((0, 4)))
    assert counts["junk_chars"] == 4 and counts["article_chars"] == 8 and counts["exact"] == 1
    counts = score_document(record, flags((0, 9)))  # removing the uncertain part costs nothing
    assert counts["removed_chars"] == 4 and counts["article_chars_lost"] == 0 and counts["exact"] == 1
    assert score_document(record, [])["exact"] == 0


def test_a_line_with_junk_and_article_counts_as_both():
    record = {"text": "story BUY NOW\n", "junk_spans": [(6, 13)]}
    counts = score_document(record, flags((6, 13)))
    assert (counts["junk_lines"], counts["junk_lines_removed"]) == (1, 1)
    assert (counts["article_lines"], counts["article_lines_lost"]) == (1, 0)
    counts = score_document(record, flags((0, 13)))
    assert counts["article_lines_lost"] == 1 and counts["article_chars_lost"] == 5


# --- evaluate --------------------------------------------------------------------------------------------------


def test_evaluate_totals_rates_and_families():
    records = [
        {"text": TEXT, "junk_spans": [(0, 9)], "family": "adult"},
        {"text": "cash line\nmore text\n", "junk_spans": [(0, 9)], "family": "adult"},
        {"text": "win line\nnews here\n", "junk_spans": [(0, 8)]},
        {"text": "just news\n", "junk_spans": []},
    ]
    cleaner = StubCleaner({TEXT: [(0, 9)], "cash line\nmore text\n": [(0, 4)], "just news\n": [(0, 4)]})
    metrics = evaluate(records, cleaner)
    overall = metrics["overall"]
    assert overall["documents"] == 4
    assert (overall["junk_lines"], overall["junk_lines_removed"]) == (3, 1)
    assert (overall["article_lines"], overall["article_lines_lost"]) == (4, 1)
    assert (overall["junk_chars"], overall["junk_chars_removed"]) == (8 + 8 + 7, 8 + 4)
    assert (overall["article_chars"], overall["article_chars_lost"]) == (8 + 8 + 8 + 8, 4)
    assert overall["removed_chars"] == 8 + 4 + 4
    assert overall["exact"] == 1
    assert overall["junk_line_recall"] == round(1 / 3, 4) == 0.3333
    assert overall["article_line_loss"] == 0.25
    assert overall["junk_char_recall"] == round(12 / 23, 4)
    assert overall["article_char_loss"] == 0.125
    assert overall["char_precision"] == 0.75
    assert overall["exact_rate"] == 0.25
    assert list(metrics["families"]) == ["adult", "unlabeled"]  # sorted; clean documents belong to none
    adult = metrics["families"]["adult"]
    assert {k: adult[k] for k in ("documents", "junk_lines", "junk_lines_removed", "exact")} == {
        "documents": 2, "junk_lines": 2, "junk_lines_removed": 1, "exact": 1}
    assert adult["junk_line_recall"] == 0.5 and adult["exact_rate"] == 0.5
    unlabeled = metrics["families"]["unlabeled"]
    assert unlabeled["junk_line_recall"] == 0.0 and unlabeled["exact_rate"] == 0.0


def test_rates_without_a_denominator_are_none():
    metrics = evaluate([{"text": "news\n", "junk_spans": []}], StubCleaner({}))
    overall = metrics["overall"]
    assert overall["junk_line_recall"] is None and overall["junk_char_recall"] is None
    assert overall["char_precision"] is None  # nothing removed
    assert overall["exact_rate"] == 1.0 and metrics["families"] == {}
    assert evaluate([], StubCleaner({}))["overall"]["exact_rate"] is None


# --- format_metrics --------------------------------------------------------------------------------------------


def test_format_metrics_table():
    metrics = {
        "overall": {"documents": 3, "junk_lines": 2, "junk_lines_removed": 1, "junk_line_recall": 0.5,
                    "article_line_loss": None, "junk_char_recall": 0.25, "article_chars": 9,
                    "article_chars_lost": 0, "article_char_loss": 0.0, "char_precision": 1.0, "exact": 1,
                    "exact_rate": 0.3333},
        "families": {"adult": {"documents": 2, "junk_line_recall": None, "exact_rate": 0.5}},
    }
    assert format_metrics(metrics).splitlines() == [
        "documents            3",
        "junk line recall     0.5000  (1/2)",
        "article lines lost   n/a  (0/0)",
        "junk char recall     0.2500",
        "article chars lost   0.0000  (0/9)",
        "char precision       1.0000",
        "exact documents      0.3333  (1/3)",
        "per family:            docs  junk line recall  exact",
        "  adult                    2               n/a  0.5000",
    ]


def test_format_metrics_of_an_evaluation_without_families():
    table = format_metrics(evaluate([{"text": "news\n", "junk_spans": []}], StubCleaner({})))
    assert table.splitlines()[0] == "documents            1" and "per family" not in table
    assert "junk line recall     n/a  (0/0)" in table and "exact documents      1.0000  (1/1)" in table


# --- reading labeled data --------------------------------------------------------------------------------------


def write(tmp_path, content: bytes):
    path = tmp_path / "data.jsonl"
    path.write_bytes(content)
    return path


def test_read_records_skips_blank_lines_and_sorts_junk_spans(tmp_path):
    path = write(tmp_path, b'{"text": "abcdef", "junk_spans": [[4, 6], [0, 2]]}\r\n\n  \n'
                           b'{"text": "x", "family": "seo"}')
    records = list(read_records(path))
    assert records == [{"text": "abcdef", "junk_spans": [(0, 2), (4, 6)]},
                       {"text": "x", "family": "seo", "junk_spans": []}]


def test_evaluate_file_reads_and_scores(tmp_path):
    path = write(tmp_path, b'{"text": "spam line\\nreal text\\n", "junk_spans": [[0, 9]]}\n')
    metrics = evaluate_file(path, StubCleaner({TEXT: [(0, 9)]}))
    assert metrics["overall"]["exact_rate"] == 1.0 and metrics["overall"]["documents"] == 1


@pytest.mark.parametrize("line, message", [
    (b"not json", r"data.jsonl:3: not valid JSON \(Expecting value: line 1 column 1 \(char 0\)\)"),
    (b"[1, 2]", r'data.jsonl:3: each line must be an object with a string "text"$'),
    (b'{"body": "x"}', r'data.jsonl:3: each line must be an object with a string "text"$'),
    (b'{"text": 5}', r'data.jsonl:3: each line must be an object with a string "text"$'),
    (b'{"text": "caf\xe9"}', r"data.jsonl:3: not valid UTF-8$"),
    (b'{"text": "abc", "junk_spans": [[2, 10]]}', r"data.jsonl:3: junk_spans must be a list of \[start, end\] "
                                                  r"with 0 <= start <= end <= 3 \(the text's length\)"),
    (b'{"text": "abc", "junk_spans": [[2, 1]]}', "data.jsonl:3: junk_spans must be"),
    (b'{"text": "abc", "junk_spans": [[0, 1, 2]]}', "data.jsonl:3: junk_spans must be"),
    (b'{"text": "abc", "junk_spans": [[0.5, 1]]}', "data.jsonl:3: junk_spans must be"),
    (b'{"text": "abc", "junk_spans": {"0": 1}}', "data.jsonl:3: junk_spans must be"),
    (b'{"text": "abc", "uncertain_spans": [[-1, 2]]}', "data.jsonl:3: uncertain_spans must be"),
])
def test_a_bad_line_raises_naming_the_file_and_line(tmp_path, line, message):
    path = write(tmp_path, b'{"text": "fine"}\n\n' + line + b"\n")
    records = read_records(path)
    assert next(records)["text"] == "fine"  # records before the bad line come through
    with pytest.raises(TrainingDataError, match=message):
        next(records)


def test_a_missing_file_raises_cannot_read(tmp_path):
    with pytest.raises(TrainingDataError, match=r"cannot read .*missing.jsonl: No such file or directory"):
        list(read_records(tmp_path / "missing.jsonl"))
