"""spamguard.records: the one JSON Lines reader (parse_record, parse_records) and text_of for clean_many items."""
import io
import json
from collections import OrderedDict

import pytest

from spamguard.records import (
    NO_TEXT,
    NOT_JSON,
    NOT_OBJECT,
    NOT_UTF8,
    Record,
    RecordError,
    not_text,
    parse_record,
    parse_records,
    text_of,
)


def test_parse_records_keeps_every_line_with_its_number_and_raw_bytes():
    lines = [b'{"text": "a", "id": 1}\r\n', b"\n", b"   \r\n", b'{"text": "b"}']
    records = list(parse_records(io.BytesIO(b"".join(lines))))
    assert [r.line for r in records] == [1, 2, 3, 4]
    assert [r.raw for r in records] == lines
    assert records[0] == Record(1, lines[0], {"text": "a", "id": 1})
    assert records[1] == Record(2, b"\n") and records[2] == Record(3, b"   \r\n")  # blank: neither obj nor error
    assert records[3].obj == {"text": "b"} and records[3].error is None


@pytest.mark.parametrize("body, kind, message", [
    (b'{"text": "caf\xe9"}', NOT_UTF8, "not valid UTF-8"),
    (b'{"text": "a"', NOT_JSON, "invalid JSON (Expecting ',' delimiter: line 1 column 13 (char 12))"),
    (b"[1, 2]", NOT_OBJECT, "not a JSON object (got list)"),
    (b'"text"', NOT_OBJECT, "not a JSON object (got str)"),
    (b'{"id": 7, "body": "x", "url": "u"}', NO_TEXT,
     "field 'text' missing or not a string (its string fields: body, url; choose one with --field)"),
    (b'{"text": null, "n": 1}', NO_TEXT, "field 'text' missing or not a string"),
    (b'{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5", "f": "6"}', NO_TEXT,
     "field 'text' missing or not a string (its string fields: a, b, c, d, e; choose one with --field)"),
])
def test_an_unusable_line_says_why(body, kind, message):
    with pytest.raises(RecordError) as caught:
        parse_record(body)
    assert caught.value.kind == kind and str(caught.value) == message
    [record] = parse_records([body + b"\n"])
    assert record.obj is None and record.error.kind == kind and str(record.error) == message


def test_a_json_error_keeps_the_parsers_own_words_as_detail():
    with pytest.raises(RecordError) as caught:
        parse_record(b"nope")
    assert caught.value.detail == "Expecting value: line 1 column 1 (char 0)"
    assert str(caught.value) == f"invalid JSON ({caught.value.detail})"


def test_another_text_field():
    assert parse_record(b'{"body": "x", "text": 1}', "body") == {"body": "x", "text": 1}
    with pytest.raises(RecordError, match="field 'body' missing"):
        parse_record(b'{"text": "x"}', "body")


def test_a_bad_line_does_not_stop_the_stream():
    stream = [b"{\n", b'{"text": "ok"}\n', b"[]\n"]
    records = list(parse_records(stream))
    assert [r.error.kind if r.error else None for r in records] == [NOT_JSON, None, NOT_OBJECT]
    assert records[1].obj == {"text": "ok"}


def test_text_values_are_decoded_exactly():
    text = "caf\u00e9 \u2028 \U0001f600 tab\t \ud800"  # a lone surrogate too (from a \ud800 escape)
    [record] = parse_records([json.dumps({"text": text}).encode() + b"\n"])
    assert record.obj["text"] == text


# --- text_of: one item of a clean_many stream ------------------------------------------------------------------


def test_text_of_a_string_or_a_records_field():
    assert text_of("plain", "text", 0) == "plain"
    assert text_of({"text": "t", "body": "b"}, "body", 3) == "b"
    assert text_of(OrderedDict(text="mapping"), "text", 0) == "mapping"  # any Mapping, not only dict


def test_text_of_a_record_without_the_field():
    with pytest.raises(KeyError) as caught:
        text_of({"body": "b"}, "text", 4)
    assert caught.value.args[0] == "document 4: the record has no 'text' field (choose one with field=...)"


@pytest.mark.parametrize("item, message", [
    (b"bytes", "document 2: spamguard cleans str, got bytes (decode bytes first, e.g. data.decode('utf-8'))"),
    (bytearray(b"x"), "document 2: spamguard cleans str, got bytearray (decode bytes first, e.g. "
                      "data.decode('utf-8'))"),
    (None, "document 2: spamguard cleans str, got NoneType"),
    ({"text": 5}, "document 2: spamguard cleans str, got int"),
    ({"text": b"x"}, "document 2: spamguard cleans str, got bytes (decode bytes first, e.g. data.decode('utf-8'))"),
])
def test_text_of_something_that_is_not_text(item, message):
    with pytest.raises(TypeError) as caught:
        text_of(item, "text", 2)
    assert str(caught.value) == message


def test_not_text_without_a_position():
    assert str(not_text(3.5)) == "spamguard cleans str, got float"
