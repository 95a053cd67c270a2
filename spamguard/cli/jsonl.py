"""JSON Lines input for check and clean: which files are JSONL, cleaning their records in batches, and the
output line of each record. Reading a record is spamguard.records' job."""
from __future__ import annotations

import argparse
import json
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from spamguard import fileio
from spamguard.cli.run import Run, label
from spamguard.records import Record, RecordError, parse_records

if TYPE_CHECKING:
    from spamguard.cleaner import Cleaner
    from spamguard.types import Result

JSONL_SUFFIXES = (".jsonl", ".ndjson")
MALFORMED_SHOWN = 10  # malformed JSONL records reported one by one per file; the rest are counted
REPORT_KEY_TAKEN = "report-key-taken"  # RecordError.kind of a record that already holds --report-key


def is_jsonl(args: argparse.Namespace, path: str) -> bool:
    """Read `path` as JSON Lines? --jsonl / --no-jsonl decide; by default files named *.jsonl / *.ndjson are.

    Cleaning a corpus file as plain text could cut through its JSON syntax, so the name is enough to opt in
    (the pre-commit hooks pass every text file, JSONL corpora included)."""
    if args.jsonl is not None:
        return args.jsonl
    return path != fileio.STDIO and path.lower().endswith(JSONL_SUFFIXES)


def jsonl_results(run: Run, path: str, stream: BinaryIO) -> Iterator[tuple[Record, Result | None]]:
    """(record, Result) for every line of a JSONL stream, in order (Result None for unusable lines); each
    unusable line is reported with its number as it is met."""
    records = reported(run, path, parse_records(stream, run.args.field))
    for record, result in clean_records(records, run.cleaners.for_path(path), run.args.field, run.args.jobs):
        if result is not None:
            run.console.count(bool(result.flags))
        yield record, result


def reported(run: Run, path: str, records: Iterable[Record]) -> Iterator[Record]:
    """The records of `path`, each unusable one reported with its line number as it is met (the first
    MALFORMED_SHOWN of them; then how many more). A record holding clean's --report-key is unusable too."""
    report_key = getattr(run.args, "report_key", None)
    malformed = 0
    for record in records:
        if record.obj is not None and report_key is not None and report_key in record.obj:
            message = f"report key {report_key!r} already present (choose another --report-key)"
            record = Record(record.line, record.raw, error=RecordError(REPORT_KEY_TAKEN, message))
        if record.error is not None:
            malformed += 1
            if malformed <= MALFORMED_SHOWN:
                run.fail(f"{label(path)}:{record.line}: malformed record: {record.error}; {run.malformed_note}")
        yield record
    # A wrong --field makes every record malformed: say it once, not a million times.
    if malformed > MALFORMED_SHOWN:
        more = malformed - MALFORMED_SHOWN
        run.fail(f"{label(path)}: {more} more malformed records ({malformed} in all), likewise")


def clean_records(records: Iterable[Record], cleaner: Cleaner, text_field: str,
                  jobs: int) -> Iterator[tuple[Record, Result | None]]:
    """(record, Result) for every record, in order, cleaned in batches; Result is None for unusable lines."""
    pending: deque[Record] = deque()

    def texts() -> Iterator[str]:
        for record in records:
            pending.append(record)
            if record.obj is not None:
                yield record.obj[text_field]

    for result in cleaner.clean_many(texts(), n_jobs=jobs):
        while pending[0].obj is None:
            yield pending.popleft(), None
        yield pending.popleft(), result
    while pending:
        yield pending.popleft(), None


def dump_record(record: Record, result: Result | None, text_field: str, report_key: str | None) -> bytes:
    """The output line for a record: unchanged bytes when nothing changed, else the re-serialized object."""
    if result is None or record.obj is None or (result.text == record.obj[text_field] and report_key is None):
        return record.raw
    obj = dict(record.obj)
    obj[text_field] = result.text
    if report_key is not None:
        obj[report_key] = result.to_dict()
    ending = record.raw[len(record.raw.rstrip(b"\r\n")):]
    try:
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from \ud800-style escapes: keep them escaped
        body = json.dumps(obj).encode("ascii")
    return body + ending
