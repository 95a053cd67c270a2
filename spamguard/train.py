"""Train the segment classifier on labeled documents and write a model directory.

Training looks at the same units the cleaner scores at run time (the lines near the end of a document, the
tails of those lines, and every line a rule fired on), labels each from the document's junk spans, and fits
a scikit-learn Pipeline (features -> logistic regression). The fitted weights are exported as plain data,
which is what `model.joblib` holds; the card beside it records the data, versions, threshold and metrics.

`--base` adds the shipped base training set (stored as hashed feature rows, not text) to the user's samples.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path

import joblib
import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression

from . import __version__
from .cleaner import Cleaner
from .errors import TrainingDataError
from .evaluate import char_mask, evaluate, read_records
from .evidence import HASH_BITS, N_HASHED, NUMERIC_FEATURES, Features, document, unit_features
from .matcher import default_matcher
from .model import CARD_FILE, MODEL_FILE, MODEL_FORMAT, Model, default_model_dir, file_sha256
from .units import Unit, training_units as units_of

BASE_FILE = "base-training.npz"
BASE_ARTICLE_SHARE = 0.3
USER_SAMPLE_WEIGHT = 5.0  # a user's few samples must outweigh thousands of base rows on what they teach
THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(14))  # 0.3 .. 0.95
MAX_ARTICLE_LINE_LOSS = 0.001
MAX_MODEL_LOSS = 0.0005
DEFAULT_C = 2.0  # L2 strength; 8.0 let position weights dominate and doubled the held-out article loss


class SegmentClassifier(BaseEstimator, ClassifierMixin):
    """p(junk) for a unit: a scikit-learn estimator over a sequence of `Features` or their feature matrix."""

    def __init__(self, C: float = DEFAULT_C, random_state: int = 0):
        self.C = C
        self.random_state = random_state

    def fit(self, X: sp.csr_matrix | Sequence[Features], y: np.ndarray,
            sample_weight: np.ndarray | None = None) -> SegmentClassifier:
        matrix = X if sp.issparse(X) else feature_matrix(X)
        self.classifier_ = LogisticRegression(C=self.C, solver="liblinear", max_iter=2000,
                                              random_state=self.random_state)
        self.classifier_.fit(matrix, y, sample_weight=sample_weight)
        self.classes_ = self.classifier_.classes_
        return self

    def predict_proba(self, X: sp.csr_matrix | Sequence[Features]) -> np.ndarray:
        return self.classifier_.predict_proba(X if sp.issparse(X) else feature_matrix(X))

    def export(self, threshold: float) -> dict:
        """The fitted weights as plain data (what model.joblib holds)."""
        coef = self.classifier_.coef_[0]
        hashed = {int(i): float(coef[i]) for i in np.flatnonzero(np.abs(coef[:N_HASHED]) > 1e-4)}
        return {"format_version": MODEL_FORMAT, "numeric_features": list(NUMERIC_FEATURES), "hash_bits": HASH_BITS,
                "numeric_weights": [float(w) for w in coef[N_HASHED:]], "hashed_weights": hashed,
                "intercept": float(self.classifier_.intercept_[0]), "threshold": float(threshold)}


def feature_matrix(rows: Sequence[Features]) -> sp.csr_matrix:
    indptr: list[int] = [0]
    indices: list[int] = []
    data: list[float] = []
    for f in rows:
        counts: dict[int, float] = {}
        for index in f.hashed:
            counts[index] = counts.get(index, 0.0) + 1.0
        for j, value in enumerate(f.numeric):
            if value:
                counts[N_HASHED + j] = value
        indices.extend(counts)
        data.extend(counts.values())
        indptr.append(len(indices))
    return sp.csr_matrix((np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int32),
                          np.asarray(indptr, dtype=np.int64)), shape=(len(rows), N_HASHED + len(NUMERIC_FEATURES)))


def training_units(record: dict) -> list[tuple[Features, int]]:
    """The units the cleaner would score in this document (`units.training_units`), each labeled junk (1) or
    article (0); units that touch an uncertain span, or hold no text, are left out."""
    text = record["text"]
    doc = document(text, default_matcher())
    junk = char_mask(len(text), record["junk_spans"])
    unsure = char_mask(len(text), record.get("uncertain_spans", []))

    def is_junk_line(index: int) -> bool:
        line = doc.lines[index]
        return _label(text, junk, unsure, Unit(line.start, line.end, index, 0, False)) == 1

    out = []
    for unit in units_of(doc, is_junk_line):
        label = _label(text, junk, unsure, unit)
        if label is not None:
            out.append((unit_features(doc, unit, doc.hits_in(unit.start, unit.end)), label))
    return out


def _label(text: str, junk: bytearray, unsure: bytearray, unit: Unit) -> int | None:
    chars = [i for i in range(unit.start, unit.end) if not text[i].isspace()]
    if not chars or any(unsure[i] for i in chars):
        return None
    share = sum(junk[i] for i in chars) / len(chars)
    return 1 if share >= 0.9 else 0


def units_matrix(records: Iterable[dict]) -> tuple[sp.csr_matrix, np.ndarray]:
    rows, labels = [], []
    for record in records:
        for features, label in training_units(record):
            rows.append(features)
            labels.append(label)
    if not rows:
        raise TrainingDataError("the training data gives no units to learn from (are all texts empty?)")
    return feature_matrix(rows), np.asarray(labels, dtype=np.int8)


def split_records(records: list[dict], heldout_share: float, seed: int) -> tuple[list[dict], list[dict]]:
    """A reproducible document-level split (records with a "split" key keep it)."""
    rng = random.Random(seed)
    train: list[dict] = []
    heldout: list[dict] = []
    for record in records:
        split = record.get("split")
        if split not in ("train", "heldout"):
            split = "heldout" if rng.random() < heldout_share else "train"
        (heldout if split == "heldout" else train).append(record)
    return train, heldout


def choose_threshold(model_data: dict, heldout: list[dict]) -> tuple[float, dict]:
    """The lowest threshold whose held-out article line loss stays within the allowed loss.

    The allowed loss is MAX_ARTICLE_LINE_LOSS, or, where rules alone already lose more than that (the loss
    at the highest threshold), that loss plus MAX_MODEL_LOSS: the model may add almost nothing to it.
    """
    results = [(t, evaluate(heldout, _in_memory_cleaner(model_data, t))) for t in THRESHOLDS]
    floor = results[-1][1]["overall"]["article_line_loss"] or 0.0
    allowed = MAX_ARTICLE_LINE_LOSS if floor <= MAX_ARTICLE_LINE_LOSS else floor + MAX_MODEL_LOSS
    for threshold, metrics in results:
        if (metrics["overall"]["article_line_loss"] or 0.0) <= allowed:
            return threshold, metrics
    return results[-1]


def _in_memory_cleaner(model_data: dict, threshold: float) -> Cleaner:

    return Cleaner(model=Model.from_data(model_data, {}, threshold), threshold=threshold)


def train(records: list[dict], out: str | os.PathLike, base: bool = False, seed: int = 0,
          heldout_share: float = 0.2, data_description: dict | None = None, C: float = DEFAULT_C) -> dict:
    """Fit, choose the threshold on held-out documents, write the model directory; returns the card."""
    if not records:
        raise TrainingDataError("no training records")
    train_records, heldout = split_records(records, heldout_share, seed)
    if not heldout:
        train_records, heldout = records, records  # too few documents to hold any out: say so in the card
    X, y = units_matrix(train_records)
    weights = np.ones(len(y), dtype=np.float64)
    if base:
        base_X, base_y, base_weights = load_base()
        weights = np.concatenate([base_weights, np.full(len(y), USER_SAMPLE_WEIGHT)])
        X, y = sp.vstack([base_X, X], format="csr"), np.concatenate([base_y, y])
    if len(set(y.tolist())) < 2:
        raise TrainingDataError("the training data must contain both junk and article units; add clean "
                                "articles or junk spans (or use --base to add the shipped training set)")
    classifier = SegmentClassifier(C=C, random_state=seed).fit(X, y, sample_weight=weights)
    model_data = classifier.export(threshold=0.5)
    threshold, metrics = choose_threshold(model_data, heldout)
    model_data["threshold"] = threshold
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump(model_data, out_dir / MODEL_FILE, compress=0, protocol=4)
    card = {
        "format_version": MODEL_FORMAT,
        "spamguard_version": __version__,
        "sklearn_version": sklearn.__version__,
        "created": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "sha256": file_sha256(out_dir / MODEL_FILE),
        "model_bytes": (out_dir / MODEL_FILE).stat().st_size,
        "estimator": f"logistic regression (liblinear, L2, C={C}) on {N_HASHED} hashed token features + "
                     f"{len(NUMERIC_FEATURES)} numeric features",
        "numeric_features": list(NUMERIC_FEATURES),
        "nonzero_hashed_weights": len(model_data["hashed_weights"]),
        "threshold": threshold,
        "threshold_rule": f"lowest of {THRESHOLDS[0]}..{THRESHOLDS[-1]} whose held-out article line loss is at "
                          f"most {MAX_ARTICLE_LINE_LOSS}, or, where the loss at {THRESHOLDS[-1]} is already higher, "
                          f"at most {MAX_MODEL_LOSS} above it",
        "seed": seed,
        "training_data": data_description or {"records": len(records)},
        "sizes": {"train_documents": len(train_records), "heldout_documents": len(heldout),
                  "train_units": int(len(y)), "train_junk_units": int(y.sum()), "base_added": base},
        "heldout_metrics": metrics,
    }
    (out_dir / CARD_FILE).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return card


def save_base(records: list[dict], out: str | os.PathLike, seed: int = 0) -> Path:
    """Store the hashed feature rows of a training set (no text) for `--base` retraining.

    Every junk row is kept and a share BASE_ARTICLE_SHARE of the article rows, weighted up to stand for
    the rest, which keeps the file small.
    """
    X, y = units_matrix(records)
    rng = np.random.default_rng(seed)
    keep = (y == 1) | (rng.random(len(y)) < BASE_ARTICLE_SHARE)
    weights = np.where(y[keep] == 1, 1.0, 1.0 / BASE_ARTICLE_SHARE).astype(np.float32)
    X = X[keep]
    path = Path(out) / BASE_FILE
    np.savez_compressed(path, data=X.data.astype(np.float16), indices=X.indices, indptr=X.indptr.astype(np.int32),
                        shape=np.asarray(X.shape), labels=y[keep], weights=weights,
                        numeric_features=np.asarray(NUMERIC_FEATURES), hash_bits=np.asarray(HASH_BITS))
    return path


def load_base() -> tuple[sp.csr_matrix, np.ndarray, np.ndarray]:
    """The shipped base training rows, their labels and their sample weights."""
    path = default_model_dir() / BASE_FILE
    if not path.is_file():
        raise TrainingDataError(f"--base needs the shipped base training set {path}, which is missing")
    with np.load(path) as f:
        names = [str(name) for name in f["numeric_features"]] if "numeric_features" in f else []
        if sorted(names) != sorted(NUMERIC_FEATURES) or int(f["hash_bits"]) != HASH_BITS:
            raise TrainingDataError(f"{path} holds other features than this spamguard computes; rebuild it with "
                                    "training/train_default.py")
        # Columns follow the names saved with the rows; this spamguard's evidence may list them in another order.
        column = np.arange(N_HASHED + len(names))
        column[N_HASHED:] = [N_HASHED + NUMERIC_FEATURES.index(name) for name in names]
        X = sp.csr_matrix((f["data"].astype(np.float32), column[f["indices"]], f["indptr"]), shape=tuple(f["shape"]))
        X.sort_indices()
        return X, f["labels"], f["weights"].astype(np.float64)


def train_from_file(data: str, out: str, base: bool = False, seed: int = 0) -> dict:
    """`spamguard train`: read JSONL records, train, write `out`; returns the held-out metrics."""
    records = list(read_records(data))
    digest = hashlib.sha256(Path(data).read_bytes()).hexdigest()
    card = train(records, out, base=base, seed=seed,
                 data_description={"file": os.path.basename(data), "sha256": digest, "records": len(records),
                                   "base_training_set_added": base})
    return card["heldout_metrics"]
