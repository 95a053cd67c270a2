"""JSON Lines records: the one place that reads a record and takes its text out.

A record is one line of a JSONL file holding a JSON object whose text field (``"text"`` unless told otherwise)
is a string. :func:`parse_records` reads a binary stream line by line in constant memory and never raises for a
bad line: each comes back as a :class:`Record` whose ``error`` says why it cannot be used, so a caller can pass
it through (``spamguard clean``), report it (``spamguard check``) or stop (training data). :func:`text_of` takes
the text out of one item of a ``clean_many`` stream (a string or a mapping).

Standard library only: the command line imports this module at start-up.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

# What is wrong with a line (RecordError.kind): callers that word their own messages branch on these.
NOT_UTF8, NOT_JSON, NOT_OBJECT, NO_TEXT = "not-utf8", "not-json", "not-object", "no-text"
FIELDS_NAMED = 5  # string fields named in the hint when the text field is missing


class RecordError(ValueError):
    """Why a line is not a usable record; `kind` is one of NOT_UTF8, NOT_JSON, NOT_OBJECT, NO_TEXT and
    `detail` the underlying parser message (for NOT_JSON)."""

    def __init__(self, kind: str, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.detail = detail


@dataclass
class Record:
    """One line of a JSONL file: its 1-based number, the raw bytes (line ending included), and the parsed
    object or the reason it cannot be used. A blank line has neither `obj` nor `error`."""

    line: int
    raw: bytes
    obj: dict | None = None
    error: RecordError | None = None


def parse_record(body: bytes, text_field: str = "text") -> dict:
    """The JSON object on one line (without its line ending); RecordError when it is not a usable record."""
    try:
        obj = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise RecordError(NOT_UTF8, "not valid UTF-8") from None
    except ValueError as exc:
        raise RecordError(NOT_JSON, f"invalid JSON ({exc})", str(exc)) from None
    if not isinstance(obj, dict):
        raise RecordError(NOT_OBJECT, f"not a JSON object (got {type(obj).__name__})")
    if not isinstance(obj.get(text_field), str):
        strings = [key for key, value in obj.items() if isinstance(value, str)][:FIELDS_NAMED]
        hint = f" (its string fields: {', '.join(strings)}; choose one with --field)" if strings else ""
        raise RecordError(NO_TEXT, f"field {text_field!r} missing or not a string{hint}")
    return obj


def parse_records(stream: Iterable[bytes], text_field: str = "text") -> Iterator[Record]:
    """A Record for every line of a binary stream (constant memory); bad lines have `error` set."""
    for number, raw in enumerate(stream, start=1):
        body = raw.rstrip(b"\r\n")
        if not body.strip():
            yield Record(number, raw)
            continue
        try:
            yield Record(number, raw, parse_record(body, text_field))
        except RecordError as exc:
            yield Record(number, raw, error=exc)


def text_of(item: str | Mapping, field: str, index: int) -> str:
    """The text of one stream item: the item itself, or a record's `field` (`index` numbers it in errors)."""
    if isinstance(item, Mapping):
        if field not in item:
            raise KeyError(f"document {index}: the record has no {field!r} field (choose one with field=...)")
        item = item[field]
    if not isinstance(item, str):
        raise not_text(item, f"document {index}: ")
    return item


def not_text(value: object, where: str = "") -> TypeError:
    """The TypeError for a document that is not a str (bytes get a hint to decode them first)."""
    hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(value, (bytes, bytearray)) else ""
    return TypeError(f"{where}spamguard cleans str, got {type(value).__name__}{hint}")
