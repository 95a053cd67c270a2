"""Documents the benchmarks run on: real articles from ../shared/corpora and the labeled dev docs of ../shared/eval.

The eval helpers (make_docs.py, score.py) are imported by path from ../shared/eval, never copied, so the
benchmarks score exactly the way the shared scorer does.
"""
from __future__ import annotations

import csv
import importlib.util
import itertools
import json
import os
import random
import sys
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterator

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SPAMGUARD_SHARED", REPO.parent / "shared"))
CORPORA = SHARED / "corpora"
EVAL = SHARED / "eval"

csv.field_size_limit(sys.maxsize)


def require_shared() -> None:
    """Exit with a clear message when the shared data folder is missing."""
    if not CORPORA.is_dir() or not EVAL.is_dir():
        sys.exit(f"benchmark data not found: {SHARED} (set SPAMGUARD_SHARED to the shared folder)")


def _import_by_path(name: str, path: Path) -> ModuleType:
    """Import a module from a file path (cached in sys.modules under `name`)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def score_module() -> ModuleType:
    """The shared line-level scorer, ../shared/eval/score.py."""
    return _import_by_path("spamguard_eval_score", EVAL / "score.py")


def score_doc(doc: dict, cleaned: str) -> dict:
    """Score one cleaned text against its labels with the shared scorer's `score_doc`."""
    return score_module().score_doc(doc, cleaned)


def dev_docs() -> list[dict]:
    """The labeled dev documents, rebuilt by ../shared/eval/make_docs.py: label dicts plus "text" and "id"."""
    make_docs = _import_by_path("spamguard_eval_make_docs", EVAL / "make_docs.py")
    labels = EVAL / "dev_labels.jsonl"
    return [dict(lab, text=text, id=f'{lab["corpus"]}/{lab["doc_id"]}')
            for lab, text in make_docs.iter_docs(str(labels))]


def _read_csv_column(path: Path, column: str) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [row.get(column) or "" for row in csv.DictReader(fh)]


def gold_articles() -> list[str]:
    """The human-made gold article bodies of the Article Extraction Benchmark (clean text)."""
    with open(CORPORA / "aeb_scrapinghub" / "ground-truth.json", encoding="utf-8") as fh:
        ground_truth = json.load(fh)
    return [v["articleBody"] for v in ground_truth.values() if v.get("articleBody")]


def real_articles() -> list[str]:
    """All non-empty real article texts: aeb gold bodies, FNC-1 bodies, FakeNewsCorpus contents."""
    fnc = CORPORA / "fnc1_bodies"
    texts = (gold_articles()
             + _read_csv_column(fnc / "train_bodies.csv", "articleBody")
             + _read_csv_column(fnc / "competition_test_bodies.csv", "articleBody")
             + _read_csv_column(CORPORA / "fakenewscorpus_sample" / "news_sample.csv", "content"))
    return [t for t in texts if t.strip()]


def repeated(texts: list[str], n: int) -> Iterator[str]:
    """The texts cycled until `n` documents have been yielded (lazily)."""
    return itertools.islice(itertools.cycle(texts), n)


# --- spliced set: clean articles with hidden-link junk glued onto their ends -----------------------------

SPLICE_MODES = ("blank_line", "newline", "glued")


def anchor_groups() -> list[list[str]]:
    """Anchor texts of each real hidden-link container, in page order."""
    groups = []
    with open(CORPORA / "hidden_link_injections" / "anchors.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                groups.append([a["text"] for a in json.loads(line)["anchors"]])
    return groups


def splice(article: str, junk: str, mode: str) -> dict:
    """One labeled doc: `junk` put after the article's last line (after a blank line, a newline, or glued on)."""
    body = article.rstrip()
    n_body_lines = len(body.splitlines())
    if mode == "glued":
        last = body.splitlines()[-1]
        return {"text": body + junk, "junk_lines": [], "junk_suffix": {str(n_body_lines - 1): len(last)},
                "splice": mode}
    sep = "\n\n" if mode == "blank_line" else "\n"
    junk_line = n_body_lines + (1 if mode == "blank_line" else 0)
    return {"text": body + sep + junk, "junk_lines": [junk_line], "splice": mode}


def own_spliced_docs(seed: int = 0) -> list[dict]:
    """Gold articles each with a run of real anchors glued together as an extractor glues adjacent links."""
    rng = random.Random(seed)
    groups = anchor_groups()
    docs = []
    for i, article in enumerate(gold_articles()):
        group = rng.choice(groups)
        start = rng.randrange(len(group))
        junk = "".join(group[start:start + rng.randint(1, 3)])
        doc = splice(article, junk, SPLICE_MODES[i % len(SPLICE_MODES)])
        doc["id"] = f"spliced/{i}"
        docs.append(doc)
    return docs


def synth_injector() -> Callable | None:
    """spamguard.synth's injector, if helper D's generator exists and offers one (else None)."""
    try:
        from spamguard import synth  # noqa: PLC0415 (optional module)
    except ImportError:
        return None
    for name in ("inject", "inject_junk", "splice"):
        func = getattr(synth, name, None)
        if callable(func):
            return func
    return None
