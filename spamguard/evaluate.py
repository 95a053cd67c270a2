"""Measure a cleaner on labeled documents: junk recall and precision, article loss, exact documents.

Labeled data is JSON Lines, one document a line: {"text": "...", "junk_spans": [[start, end], ...]}, offsets
into text ([] = a clean document). Optional keys: "family" (the junk's category, for the per-category table)
and "uncertain_spans" (spans scored neither way). Lines are judged as a reader would: a junk line must be
gone, an article line must keep every character; characters give the finer view.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Iterator

from .errors import TrainingDataError
from .segment import split_lines


def read_records(path: str | Path) -> Iterator[dict]:
    """Yield validated records from a JSONL file; a bad line raises TrainingDataError naming it."""
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise TrainingDataError(f"cannot read {path}: {exc.strerror or exc}") from None
    with fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                yield validate_record(line, f"{path}:{number}")


def validate_record(line: str, where: str) -> dict:
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise TrainingDataError(f"{where}: not valid JSON ({exc})") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise TrainingDataError(f'{where}: each line must be an object with a string "text"')
    spans = record.get("junk_spans", [])
    text_length = len(record["text"])
    for key in ("junk_spans", "uncertain_spans"):
        value = record.get(key, [])
        if not isinstance(value, list) or not all(_is_span(s, text_length) for s in value):
            raise TrainingDataError(f"{where}: {key} must be a list of [start, end] with 0 <= start <= end <= "
                                    f"{text_length} (the text's length)")
    record["junk_spans"] = sorted((int(s), int(e)) for s, e in spans)
    return record


def _is_span(span, text_length: int) -> bool:
    return (isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(v, int) for v in span)
            and 0 <= span[0] <= span[1] <= text_length)


def char_mask(length: int, spans: Iterable[tuple[int, int]]) -> bytearray:
    mask = bytearray(length)
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def score_document(record: dict, flags) -> dict:
    """Counts for one document, given the flags a cleaner produced for it."""
    text = record["text"]
    junk = char_mask(len(text), record["junk_spans"])
    unsure = char_mask(len(text), record.get("uncertain_spans", []))
    removed = char_mask(len(text), ((f.start, f.end) for f in flags))
    c = defaultdict(int)
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


def evaluate(records: Iterable[dict], cleaner) -> dict:
    """Totals and rates over documents, overall and per junk family."""
    totals: dict = defaultdict(int)
    families: dict = defaultdict(lambda: defaultdict(int))
    for record in records:
        counts = score_document(record, cleaner.clean(record["text"]).flags)
        totals["documents"] += 1
        for key, value in counts.items():
            totals[key] += value
        if record["junk_spans"]:
            family = families[str(record.get("family") or "unlabeled")]
            family["documents"] += 1
            for key in ("junk_lines", "junk_lines_removed", "exact"):
                family[key] += counts.get(key, 0)
    return {"overall": _rates(totals), "families": {k: _rates(v) for k, v in sorted(families.items())}}


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


def evaluate_file(path: str | Path, cleaner) -> dict:
    return evaluate(read_records(path), cleaner)


def format_metrics(metrics: dict) -> str:
    """A plain-text table of the overall figures and the per-family recall."""
    o = metrics["overall"]
    lines = [
        f"documents            {o.get('documents', 0)}",
        f"junk line recall     {_fmt(o['junk_line_recall'])}  ({o.get('junk_lines_removed', 0)}/{o.get('junk_lines', 0)})",
        f"article lines lost   {_fmt(o['article_line_loss'])}  ({o.get('article_lines_lost', 0)}/{o.get('article_lines', 0)})",
        f"junk char recall     {_fmt(o['junk_char_recall'])}",
        f"article chars lost   {_fmt(o['article_char_loss'])}  ({o.get('article_chars_lost', 0)}/{o.get('article_chars', 0)})",
        f"char precision       {_fmt(o['char_precision'])}",
        f"exact documents      {_fmt(o['exact_rate'])}  ({o.get('exact', 0)}/{o.get('documents', 0)})",
    ]
    if metrics["families"]:
        lines.append("per family:            docs  junk line recall  exact")
        for name, f in metrics["families"].items():
            lines.append(f"  {name:<20} {f['documents']:>5}  {_fmt(f['junk_line_recall']):>16}  {_fmt(f['exact_rate'])}")
    return "\n".join(lines)


def _fmt(value) -> str:
    return "n/a" if value is None else f"{value:.4f}"
