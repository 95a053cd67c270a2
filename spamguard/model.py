"""The segment classifier at run time: a model directory, verified, loaded, and scoring units.

A model directory holds `model.joblib` and its card `model-card.json`. The joblib file holds plain Python
data only (weights by hashed feature index, numeric weights, intercept), never a class, so scoring needs
neither scikit-learn nor numpy, and a start-up stays fast. Loading checks the file's SHA-256 against the card
before unpickling anything, and unpickles with a loader that refuses every class, so a tampered or foreign
file is an error, not code that runs.
"""
from __future__ import annotations

import hashlib
import io
import json
import math
import operator
import os
import pickle
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NoReturn

from .errors import ModelError
from .evidence import HASH_BITS, N_HASHED, NUMERIC_FEATURES, Features

MODEL_FORMAT = 1
MODEL_FILE = "model.joblib"
CARD_FILE = "model-card.json"


@dataclass(frozen=True)
class Model:
    """A loaded linear segment model: p(junk) = sigmoid(intercept + numeric·w + sum of hashed weights)."""

    numeric_weights: tuple[float, ...]
    hashed_weights: dict
    intercept: float
    threshold: float
    card: dict
    _dense: array = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A dense table: one array read per token, where a dict lookup touches three scattered objects. Single
        # precision halves it to 1 MB, so more of it stays in the CPU cache (token indexes are random).
        dense = array("f", bytes(4 * N_HASHED))
        for index, weight in self.hashed_weights.items():
            dense[index] = weight
        object.__setattr__(self, "_dense", dense)

    @classmethod
    def from_data(cls, data: dict, card: dict, threshold: float | None = None) -> Model:
        """A model from the plain data `spamguard train` exports. Its numeric weights are matched to this
        spamguard's evidence by name (the data lists the names it was trained on), so an evidence module may
        order its fields as it likes; a model trained on other evidence is refused."""
        names = data.get("numeric_features")
        if not isinstance(names, list) or sorted(names) != sorted(NUMERIC_FEATURES) \
                or data.get("hash_bits") != HASH_BITS or len(data.get("numeric_weights", ())) != len(names):
            raise ModelError("the model was trained on other features than this spamguard computes; retrain it")
        by_name = dict(zip(names, data["numeric_weights"]))
        return cls(tuple(float(by_name[name]) for name in NUMERIC_FEATURES), data["hashed_weights"],
                   float(data["intercept"]), float(data["threshold"] if threshold is None else threshold), card)

    def probability(self, features: Features) -> float:
        z = self.intercept + sum(map(operator.mul, features.numeric, self.numeric_weights))
        z += sum(map(self._dense.__getitem__, features.hashed))
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def default_model_dir() -> Path:
    """The shipped model directory (installed as spamguard/models; in a checkout, the top-level models/)."""
    try:
        installed = Path(str(resources.files("spamguard.models")))
    except ModuleNotFoundError:
        installed = None
    checkout = Path(__file__).resolve().parent.parent / "models"
    for candidate in (installed, checkout):
        if candidate is not None and (candidate / MODEL_FILE).is_file():
            return candidate
    return installed or checkout  # neither has it: errors name where the installed model should be


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _DataOnlyUnpickler(pickle.Unpickler):
    """Unpickles dicts, lists, tuples, numbers and strings; refuses every class or function reference."""

    def find_class(self, module: str, name: str) -> NoReturn:
        raise ModelError(f"model file refers to {module}.{name}; a spamguard model holds plain data only")


def read_card(directory: Path) -> dict:
    card_path = directory / CARD_FILE
    try:
        return json.loads(card_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{directory} is not a model directory: {CARD_FILE} is missing") from None
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read the model card {card_path}: {exc}") from None


def load_model(directory: str | os.PathLike | None = None) -> Model:
    """Load and verify a model directory (None = the shipped default)."""
    path = Path(directory) if directory is not None else default_model_dir()
    card = read_card(path)
    model_path = path / MODEL_FILE
    if not model_path.is_file():
        raise ModelError(f"{path} is not a model directory: {MODEL_FILE} is missing")
    expected = card.get("sha256")
    actual = file_sha256(model_path)
    if expected != actual:
        raise ModelError(f"{model_path} does not match its card (sha256 {actual}, card says {expected}); "
                         "refusing to load it. Retrain with `spamguard train`, or restore the original file.")
    if card.get("format_version") != MODEL_FORMAT:
        raise ModelError(f"{path} has model format {card.get('format_version')!r}; this spamguard reads format "
                         f"{MODEL_FORMAT}. Retrain it with this version: spamguard train --data ... --out {path}")
    try:
        data = _DataOnlyUnpickler(io.BytesIO(model_path.read_bytes())).load()
    except ModelError:
        raise
    except Exception as exc:  # any unpickling failure means the file is not a model we wrote
        raise ModelError(f"cannot read {model_path}: {exc}") from None
    try:
        return Model.from_data(data, card)
    except ModelError:
        raise ModelError(f"{model_path} was trained on other features than this spamguard computes; retrain it") \
            from None


@lru_cache(maxsize=8)
def cached_model(directory: str | None) -> Model:
    """Models are loaded once per process and directory."""
    return load_model(directory)
