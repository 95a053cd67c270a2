"""The segment classifier at run time: a model directory, verified, loaded, and scoring units.

A model directory holds `model.joblib` and its card `model-card.json`. The joblib file holds plain Python
data only (weights by hashed feature index, numeric weights, intercept), never a class, so scoring needs
neither scikit-learn nor numpy, and a start-up stays fast. Loading checks the file's SHA-256 against the card
before unpickling anything, and unpickles with a loader that refuses every class, so a tampered or foreign
file is an error, not code that runs. Then the card and the data must be exactly the format (check_model_data):
any other content, even one whose hash matches, is a ModelError naming the file and the field.
"""
from __future__ import annotations

import hashlib
import io
import json
import math
import operator
import os
import pickle
import reprlib
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NoReturn

from .errors import ModelError
from .evidence import BODY_COMPARISONS, HASH_BITS, N_HASHED, NUMERIC_FEATURES, Features
from .evidence.ngrams import word_tokens

MODEL_FORMAT = 1
MODEL_FILE = "model.joblib"
CARD_FILE = "model-card.json"
LEAN_WORDS = 12  # words of a line `Model.leans_junk` reads
BOUND_MARGIN = 1e-9  # added to a bound's logit: summed in another order, the exact one may differ by rounding
LEAN_CACHE_WORDS = 1 << 17  # words whose lean a model keeps (words repeat: Zipf's law), then it starts again


@dataclass(frozen=True)
class Model:
    """A loaded linear segment model: p(junk) = sigmoid(intercept + numeric·w + sum of hashed weights)."""

    numeric_weights: tuple[float, ...]
    hashed_weights: dict
    intercept: float
    threshold: float
    card: dict
    _dense: array = field(init=False, repr=False, compare=False)
    _word_leans: _WordLeans = field(init=False, repr=False, compare=False)
    _uncompared_most: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A dense table: one array read per token, where a dict lookup touches three scattered objects. Single
        # precision halves it to 1 MB, so more of it stays in the CPU cache (token indexes are random).
        dense = array("f", bytes(4 * N_HASHED))
        for index, weight in self.hashed_weights.items():
            dense[index] = weight
        object.__setattr__(self, "_dense", dense)
        object.__setattr__(self, "_word_leans", _WordLeans(dense))
        # each comparison with the body is a share from 0 to 1: at most its weight, where that is positive
        object.__setattr__(self, "_uncompared_most", sum(max(self.numeric_weights[NUMERIC_FEATURES.index(name)], 0.0)
                                                         for name in BODY_COMPARISONS))

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
        """The probability that the unit is junk; for features whose comparisons with the body are not read
        (`Features.compared` False), the highest it can be whatever they are."""
        z = self.intercept + sum(map(operator.mul, features.numeric, self.numeric_weights))
        z += sum(map(self._dense.__getitem__, features.hashed))
        if not features.compared:  # they stand at 0 in `numeric`
            z += self._uncompared_most + BOUND_MARGIN
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def leans_junk(self, words: list[str]) -> bool:
        """Whether the model's weights of these words (each word's own plus the mean of its character trigrams')
        add up towards junk: a cheap first look at a short line, before its whole evidence is read."""
        return sum(map(self._word_leans.__getitem__, words[:LEAN_WORDS])) > 0.0


class _WordLeans(dict[str, float]):
    """A word's lean towards junk (`Model.leans_junk`), computed when first asked for and kept (words repeat:
    Zipf's law) up to LEAN_CACHE_WORDS words, then forgotten all at once."""

    def __init__(self, dense: array) -> None:
        super().__init__()
        self.dense = dense

    def __missing__(self, word: str) -> float:
        if len(self) >= LEAN_CACHE_WORDS:
            self.clear()
        own, grams = word_tokens(word)
        lean = self[word] = self.dense[own] + sum(map(self.dense.__getitem__, grams)) / len(grams)
        return lean


def default_model_dir() -> Path:
    """The shipped model directory: in a checkout, the top-level models/ beside the code that is running (a second
    checkout or worktree imported by path gets its own model, not that of an editable install's tree); installed,
    spamguard/models."""
    try:
        installed = Path(str(resources.files("spamguard.models")))
    except ModuleNotFoundError:
        installed = None
    checkout = Path(__file__).resolve().parent.parent / "models"
    for candidate in (checkout, installed):
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
    """The card of a model directory: a JSON object whose `sha256` is a string and `format_version` an int."""
    card_path = directory / CARD_FILE
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{directory} is not a model directory: {CARD_FILE} is missing") from None
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read the model card {card_path}: {exc}") from None
    if not isinstance(card, dict):
        raise ModelError(f"model card {card_path} holds a {type(card).__name__}, not a JSON object")
    for key, kind, name in (("sha256", str, "a string"), ("format_version", int, "an int")):
        if type(card.get(key)) is not kind:
            raise ModelError(f"model card {card_path}: {key} must be {name}, got {reprlib.repr(card.get(key))}")
    return card


MODEL_KEYS = frozenset({"format_version", "numeric_features", "hash_bits", "numeric_weights", "hashed_weights",
                        "intercept", "threshold"})


def check_model_data(data: object, model_path: Path) -> dict:
    """`data` if it is exactly what `spamguard train` exports (see the module's docstring), else a ModelError
    naming the file and the field. Whether its features are this spamguard's is Model.from_data's check."""
    def refuse(what: str) -> NoReturn:
        raise ModelError(f"{model_path} is not a spamguard model: {what}")

    def finite(value: object) -> bool:  # bools, ints and strings are not float weights
        return isinstance(value, float) and math.isfinite(value)

    if not isinstance(data, dict):
        refuse(f"it holds a {type(data).__name__}, not a dict")
    if data.keys() != MODEL_KEYS:
        missing, extra = (sorted(map(reprlib.repr, keys)) for keys in (MODEL_KEYS - data.keys(),
                                                                        data.keys() - MODEL_KEYS))
        refuse("; ".join(f"{label} keys {', '.join(keys)}" for label, keys in
                         (("missing", missing), ("extra", extra)) if keys))
    if type(data["format_version"]) is not int or data["format_version"] != MODEL_FORMAT:
        refuse(f"format_version must be {MODEL_FORMAT}, got {reprlib.repr(data['format_version'])}")
    names, weights, hash_bits = data["numeric_features"], data["numeric_weights"], data["hash_bits"]
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        refuse("numeric_features must be a list of strings")
    if not isinstance(weights, list) or not all(map(finite, weights)):
        refuse("numeric_weights must be a list of finite floats")
    if len(weights) != len(names):
        refuse(f"numeric_weights has {len(weights)} weights for {len(names)} numeric_features")
    if type(hash_bits) is not int or not 1 <= hash_bits <= 32:
        refuse(f"hash_bits must be an int from 1 to 32, got {reprlib.repr(hash_bits)}")
    hashed = data["hashed_weights"]
    if not isinstance(hashed, dict):
        refuse("hashed_weights must be a dict of int index -> float")
    if not _plainly_valid_weights(hashed, hash_bits):  # the fast test; the loop below names what is wrong
        for index, weight in hashed.items():
            if type(index) is not int or not 0 <= index < 1 << hash_bits:
                refuse(f"hashed_weights index {reprlib.repr(index)} is not an int from 0 to {(1 << hash_bits) - 1}")
            if not finite(weight):
                refuse(f"hashed_weights[{index}] must be a finite float, got {reprlib.repr(weight)}")
    if not finite(data["intercept"]):
        refuse(f"intercept must be a finite float, got {reprlib.repr(data['intercept'])}")
    if not (finite(data["threshold"]) and 0.0 <= data["threshold"] <= 1.0):
        refuse(f"threshold must be a float from 0 to 1, got {reprlib.repr(data['threshold'])}")
    return data


def _plainly_valid_weights(hashed: dict, hash_bits: int) -> bool:
    """True when every index is an int in range and every weight a finite float, tested in bulk (a loop over the
    87,000 weights of the shipped model took 12 ms of every start).

    >>> _plainly_valid_weights({0: 0.5, 7: -1.0}, 3), _plainly_valid_weights({8: 0.5}, 3)
    (True, False)
    >>> _plainly_valid_weights({1: float("nan")}, 3), _plainly_valid_weights({True: 0.5}, 3)
    (False, False)
    """
    return not hashed or ({*map(type, hashed)} == {int} and {*map(type, hashed.values())} == {float}
                          and 0 <= min(hashed) and max(hashed) < 1 << hash_bits
                          and math.isfinite(sum(hashed.values())))  # a NaN or an infinity makes the sum one


def load_model(directory: str | os.PathLike | None = None) -> Model:
    """Load and verify a model directory (None = the shipped default)."""
    path = Path(directory) if directory is not None else default_model_dir()
    card = read_card(path)
    model_path = path / MODEL_FILE
    if not model_path.is_file():
        raise ModelError(f"{path} is not a model directory: {MODEL_FILE} is missing")
    expected = card["sha256"]
    actual = file_sha256(model_path)
    if expected != actual:
        raise ModelError(f"{model_path} does not match its card (sha256 {actual}, card says {expected}); "
                         "refusing to load it. Retrain with `spamguard train`, or restore the original file.")
    if card["format_version"] != MODEL_FORMAT:
        raise ModelError(f"{path} has model format {card['format_version']!r}; this spamguard reads format "
                         f"{MODEL_FORMAT}. Retrain it with this version: spamguard train --data ... --out {path}")
    try:
        data = _DataOnlyUnpickler(io.BytesIO(model_path.read_bytes())).load()
    except ModelError:
        raise
    except Exception as exc:  # any unpickling failure means the file is not a model we wrote
        raise ModelError(f"cannot read {model_path}: {exc}") from None
    check_model_data(data, model_path)
    try:
        return Model.from_data(data, card)
    except ModelError:
        raise ModelError(f"{model_path} was trained on other features than this spamguard computes; retrain it") \
            from None


@lru_cache(maxsize=8)
def cached_model(directory: str | None) -> Model:
    """Models are loaded once per process and directory."""
    return load_model(directory)
