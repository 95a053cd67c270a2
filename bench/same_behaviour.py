#!/usr/bin/env python3
"""Check that a refactor changed no behaviour: snapshot what spamguard does on every shared document, compare later.

    python bench/same_behaviour.py snapshot OUT.jsonl.gz     # before the change
    python bench/same_behaviour.py compare OUT.jsonl.gz      # after it: prints the figures, exits 1 on a difference

Documents: the labeled dev docs of ../shared/eval, every real article of ../shared/corpora (AEB gold bodies, FNC-1
bodies, FakeNewsCorpus contents), each trafilatura_eval page's human-chosen strings as one document, every SMS
Spam Collection message, and the gold articles with real hidden-link anchors and with generated junk spliced in
(bench/docs.py). Each is cleaned with the shipped model and with rules alone; what is compared is the cleaned
text (by sha256), the verdict and every flag (offsets, line, column, category, rules, excerpt exactly; score and
model score to 1e-9). The training units of the spliced documents are compared too (each unit's offsets, label,
named numeric features to 1e-9 and hashed tokens as a multiset), since training must see what it saw before.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docs

TOLERANCE = 1e-9


def _trafilatura_pages() -> list[str]:
    with open(docs.CORPORA / "trafilatura_eval" / "evaldata.json", encoding="utf-8") as fh:
        data = json.load(fh)
    return ["\n\n".join(list(page.get("with") or []) + list(page.get("without") or [])) for page in data.values()]


def _sms() -> list[str]:
    with open(docs.CORPORA / "sms_spam_collection" / "SMSSpamCollection", encoding="utf-8") as fh:
        return [line.split("\t", 1)[1].rstrip("\n") for line in fh if "\t" in line][1:]


def documents() -> Iterator[tuple[str, str]]:
    for doc in docs.dev_docs():
        yield f"dev/{doc['id']}", doc["text"]
    for i, text in enumerate(docs.real_articles()):
        yield f"real/{i}", text
    for i, text in enumerate(_trafilatura_pages()):
        yield f"trafilatura/{i}", text
    for i, text in enumerate(_sms()):
        yield f"sms/{i}", text
    for doc in docs.real_anchor_docs() + docs.synth_docs():
        yield doc["id"], doc["text"]


def _flag(flag) -> dict:
    return {"start": flag.start, "end": flag.end, "line": flag.line, "column": flag.column,
            "category": flag.category, "rules": list(flag.rules), "excerpt": flag.excerpt,
            "score": flag.score, "model_score": flag.model_score}


def _training_records() -> Iterator[tuple[str, dict]]:
    import random

    from training.synth import inject
    rng = random.Random(7)
    for i, article in enumerate(docs.gold_articles()):
        text, spans, _info = inject(article, rng)
        yield f"units/{i}", {"text": text, "junk_spans": [list(s) for s in spans]}


def _units(record: dict) -> list[dict]:
    from spamguard import train

    out = []
    for features, label in train.training_units(record):
        named = features.named() if hasattr(features, "named") else dict(zip(_numeric_names(), features.numeric))
        out.append({"label": label, "numeric": named, "hashed": sorted(features.hashed)})
    return out


def _numeric_names() -> tuple[str, ...]:
    from spamguard import features

    return features.NUMERIC_FEATURES


def snapshot_rows() -> Iterator[dict]:
    from spamguard import Cleaner

    cleaners = {"model": Cleaner(), "rules": Cleaner(use_model=False)}
    for doc_id, text in documents():
        for name, cleaner in cleaners.items():
            result = cleaner.clean(text)
            yield {"id": f"{name}:{doc_id}", "verdict": result.verdict,
                   "text": hashlib.sha256(result.text.encode("utf-8", "surrogatepass")).hexdigest(),
                   "flags": [_flag(f) for f in result.flags]}
    for doc_id, record in _training_records():
        yield {"id": doc_id, "units": _units(record)}


def _close(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(a - b) <= TOLERANCE
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    return a == b


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("snapshot", "compare"))
    parser.add_argument("file")
    parser.add_argument("--list", action="store_true", help="compare: print every differing id")
    args = parser.parse_args(argv)
    docs.require_shared()
    if args.mode == "snapshot":
        counts: Counter = Counter()
        with gzip.open(args.file, "wt", encoding="utf-8") as out:
            for row in snapshot_rows():
                counts["units" if "units" in row else "cleanings"] += 1
                counts["flags"] += len(row.get("flags", ()))
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"snapshot: {counts['cleanings']} cleanings ({counts['flags']} flags), "
              f"training units of {counts['units']} documents -> {args.file}")
        return 0
    with gzip.open(args.file, "rt", encoding="utf-8") as fh:
        before = {row["id"]: row for row in map(json.loads, fh)}
    same = differ = flags = units = 0
    for row in snapshot_rows():
        old = before.pop(row["id"], None)
        flags += len(row.get("flags", ()))
        units += len(row.get("units", ()))
        if old is not None and _close(old, row):
            same += 1
            continue
        differ += 1
        if args.list:
            print(f"DIFFERS {row['id']}")
        elif differ <= 10:
            print(f"DIFFERS {row['id']}:\n  before {json.dumps(old)[:600]}\n  after  {json.dumps(row)[:600]}")
    print(f"same: {same}, different: {differ}, missing now: {len(before)} "
          f"({flags} flags and {units} training units compared)")
    return 0 if differ == 0 and not before else 1


if __name__ == "__main__":
    sys.exit(main())
