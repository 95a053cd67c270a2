"""Measure a cleaner on labeled documents: junk recall and precision, article loss, exact documents.

Labeled data is JSON Lines, one document a line: {"text": "...", "junk_spans": [[start, end], ...]}, offsets
into text ([] = a clean document). Optional keys: "family" (the junk's category, for the per-category table)
and "uncertain_spans" (spans scored neither way). Lines are judged as a reader would: a junk line must be
gone, an article line must keep every character; characters give the finer view.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import TrainingDataError
from .records import NO_TEXT, NOT_JSON, NOT_OBJECT, RecordError, parse_records
from .segment import split_lines

if TYPE_CHECKING:
    from .cleaner import Cleaner
    from .types import Flag


def read_records(path: str | Path) -> Iterator[dict]:
    """Yield validated records from a JSONL file; a bad line raises TrainingDataError naming it."""
    try:
        with open(path, "rb") as fh:
            for record in parse_records(fh):
                where = f"{path}:{record.line}"
                if record.error is not None:
                    raise TrainingDataError(f"{where}: {_problem(record.error)}")
                if record.obj is not None:
                    yield _check_spans(record.obj, where)
    except OSError as exc:
        raise TrainingDataError(f"cannot read {path}: {exc.strerror or exc}") from None


def _problem(error: RecordError) -> str:
    """What is wrong with a line, in the words training and evaluation have always used."""
    if error.kind == NOT_JSON:
        return f"not valid JSON ({error.detail})"
    if error.kind in (NOT_OBJECT, NO_TEXT):
        return 'each line must be an object with a string "text"'
    return str(error)


def _check_spans(record: dict, where: str) -> dict:
    """Check the record's junk_spans and uncertain_spans against its text; junk_spans come back sorted."""
    spans = record.get("junk_spans", [])
    text_length = len(record["text"])
    for key in ("junk_spans", "uncertain_spans"):
        value = record.get(key, [])
        if not isinstance(value, list) or not all(_is_span(s, text_length) for s in value):
            raise TrainingDataError(f"{where}: {key} must be a list of [start, end] with 0 <= start <= end <= "
                                    f"{text_length} (the text's length)")
    record["junk_spans"] = sorted((int(s), int(e)) for s, e in spans)
    return record


def _is_span(span: object, text_length: int) -> bool:
    return (isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(v, int) for v in span)
            and 0 <= span[0] <= span[1] <= text_length)


def char_mask(length: int, spans: Iterable[tuple[int, int]]) -> bytearray:
    """One byte per character of a text of `length`: 1 inside any of `spans` (start, end exclusive), else 0."""
    mask = bytearray(length)
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def score_document(record: dict, flags: Iterable[Flag]) -> dict:
    """Counts for one document, given the flags a cleaner produced for it."""
    text = record["text"]
    junk = char_mask(len(text), record["junk_spans"])
    unsure = char_mask(len(text), record.get("uncertain_spans", []))
    removed = char_mask(len(text), ((f.start, f.end) for f in flags))
    c: defaultdict[str, int] = defaultdict(int)
    for i, ch in enumerate(text):
        if ch.isspace() or unsure[i]:
            continue
        if junk[i]:
            c["junk_chars"] += 1
            c["junk_chars_removed"] += removed[i]
        else:
            c["article_chars"] += 1
            c["article_chars_lost"] += removed[i]
        c["removed_chars"] += removed[i]
    for line in split_lines(text):
        idx = [i for i in range(line.start, line.end) if not text[i].isspace() and not unsure[i]]
        if not idx:
            continue
        junk_idx = [i for i in idx if junk[i]]
        article_idx = [i for i in idx if not junk[i]]
        if junk_idx:
            c["junk_lines"] += 1
            c["junk_lines_removed"] += all(removed[i] for i in junk_idx)
        if article_idx:
            c["article_lines"] += 1
            c["article_lines_lost"] += any(removed[i] for i in article_idx)
    c["exact"] = int(all(bool(removed[i]) == bool(junk[i]) for i, ch in enumerate(text)
                         if not ch.isspace() and not unsure[i]))
    return dict(c)


# The record keys a per-group table is made for, and the name of the table in the metrics.
GROUPS = (("family", "families"), ("language", "languages"), ("mode", "modes"))


def evaluate(records: Iterable[dict], cleaner: Cleaner) -> dict:
    """Totals and rates over documents, overall and, for documents with junk, per junk family, language and
    splice mode (where records name them)."""
    totals: dict = defaultdict(int)
    groups: dict = {table: defaultdict(lambda: defaultdict(int)) for _, table in GROUPS}
    for record in records:
        counts = score_document(record, cleaner.clean(record["text"]).flags)
        totals["documents"] += 1
        for key, value in counts.items():
            totals[key] += value
        if not record["junk_spans"]:
            continue
        for key, table in GROUPS:
            if key == "family" or record.get(key):
                group = groups[table][str(record.get(key) or "unlabeled")]
                group["documents"] += 1
                for count in ("junk_lines", "junk_lines_removed", "exact"):
                    group[count] += counts.get(count, 0)
    metrics: dict = {"overall": _rates(totals)}
    for _, table in GROUPS:
        metrics[table] = {k: _rates(v) for k, v in sorted(groups[table].items())}
    return metrics


def _rates(c: dict) -> dict:
    def ratio(a: str, b: str) -> float | None:
        return round(c.get(a, 0) / c[b], 4) if c.get(b) else None
    out = dict(c)
    out["junk_line_recall"] = ratio("junk_lines_removed", "junk_lines")
    out["article_line_loss"] = ratio("article_lines_lost", "article_lines")
    out["junk_char_recall"] = ratio("junk_chars_removed", "junk_chars")
    out["article_char_loss"] = ratio("article_chars_lost", "article_chars")
    removed = c.get("removed_chars", 0)
    out["char_precision"] = round(c.get("junk_chars_removed", 0) / removed, 4) if removed else None
    out["exact_rate"] = ratio("exact", "documents")
    return out


def evaluate_file(path: str | Path, cleaner: Cleaner) -> dict:
    """`spamguard eval`: the metrics of `cleaner` on the labeled JSONL file at `path`."""
    return evaluate(read_records(path), cleaner)


def format_metrics(metrics: dict) -> str:
    """A plain-text table of the overall figures and the recall per family, language and mode."""
    o = metrics["overall"]

    def row(label: str, rate: str, part: str | None = None, whole: str | None = None) -> str:
        counts = f"  ({o.get(part, 0)}/{o.get(whole, 0)})" if part and whole else ""
        return f"{label:<20} {_fmt(o[rate])}{counts}"

    lines = [
        f"documents            {o.get('documents', 0)}",
        row("junk line recall", "junk_line_recall", "junk_lines_removed", "junk_lines"),
        row("article lines lost", "article_line_loss", "article_lines_lost", "article_lines"),
        row("junk char recall", "junk_char_recall"),
        row("article chars lost", "article_char_loss", "article_chars_lost", "article_chars"),
        row("char precision", "char_precision"),
        row("exact documents", "exact_rate", "exact", "documents"),
    ]
    for key, table in GROUPS:
        if not metrics.get(table) or key != "family" and len(metrics[table]) < 2:
            continue
        lines.append(f"{'per ' + key + ':':<22} docs  junk line recall  exact")
        for name, f in metrics[table].items():
            recall, exact = _fmt(f["junk_line_recall"]), _fmt(f["exact_rate"])
            lines.append(f"  {name:<20} {f['documents']:>5}  {recall:>16}  {exact}")
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"
