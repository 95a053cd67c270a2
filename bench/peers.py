"""The peer cleaners spamguard is compared with, each as a text -> text function.

- `c4_line_rules`: datatrove's C4QualityFilter line rules (datatrove>=0.3). With `min_num_sentences=-1` and the
  default `split_paragraph=True` it never calls its sentence splitter, so no nltk/punkt data and no network are
  needed. The filter writes the kept lines (stripped, citations removed, joined with "\\n") back into `doc.text`;
  when it drops the whole document ("lorem ipsum" or a curly bracket anywhere in a kept line) it returns
  `(False, reason)` and leaves `doc.text` alone, so a dropped document counts as cleaned to "".
- `profanity_per_line`: alt-profanity-check's classifier on every line of a document (one batched `predict`
  call per document, or per batch of documents with `profanity_many`); lines predicted 1 are dropped, all other
  lines are kept byte for byte.

Both packages are the `bench` extra: `pip install -e '.[bench]'`.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=1)
def _c4_filter():
    from datatrove.pipeline.filters import C4QualityFilter

    return C4QualityFilter(min_num_sentences=-1)


def c4_line_rules(text: str) -> str:
    """The text as datatrove's C4QualityFilter(min_num_sentences=-1) leaves it ("" if it drops the doc)."""
    from datatrove.data import Document

    doc = Document(text=text, id="")
    kept = _c4_filter().filter(doc)
    if isinstance(kept, tuple):
        kept = kept[0]
    return doc.text if kept else ""


@lru_cache(maxsize=1)
def _profanity_predict() -> Callable:
    from profanity_check import predict

    return predict


def profanity_per_line(text: str) -> str:
    """The text without the lines alt-profanity-check predicts as profane."""
    return profanity_many([text])[0]


def profanity_many(texts: list[str]) -> list[str]:
    """`profanity_per_line` for many texts, with ONE `predict` call over all their lines (its fastest use)."""
    split = [text.splitlines(keepends=True) for text in texts]
    flat = [line.strip() for lines in split for line in lines]
    flags = iter(_profanity_predict()(flat) if flat else ())
    return ["".join([line for line in lines if next(flags) != 1]) for lines in split]


PEERS: dict[str, Callable[[str], str]] = {
    "c4-line-rules": c4_line_rules,
    "profanity-check": profanity_per_line,
}


MODEL_ENV = "SPAMGUARD_BENCH_MODEL"  # a model directory to benchmark instead of the shipped one (set by --model)


def spamguard_cleaner(use_model: bool = True, memory=None):
    """spamguard's Cleaner (with a corpus `memory`, if given): the model in $SPAMGUARD_BENCH_MODEL or the shipped
    one; rules only when asked, or when no model exists yet (says so on stderr)."""
    import os
    import sys

    import spamguard

    if use_model and os.environ.get(MODEL_ENV):
        return spamguard.Cleaner(model=os.environ[MODEL_ENV], memory=memory)  # asked for: a bad directory is an error
    if use_model:
        try:
            return spamguard.Cleaner(memory=memory)
        except spamguard.ModelError as exc:
            print(f"note: spamguard runs rules-only, no model: {exc}", file=sys.stderr)
    return spamguard.Cleaner(use_model=False, memory=memory)


def warm_up(*names: str) -> None:
    """Import and build the named peers (default: all) once, so timings exclude their one-off start-up."""
    for name in names or PEERS:
        PEERS[name]("A warm-up line with enough words.\nfoo")
