"""The shipped model: verified before it is loaded, plain data only, used by default. Hostile model
directories (issue #16): any content that is not exactly the format is a clear ModelError naming the file
and the field, and the command turns it into one line on stderr and exit 2."""
import json
import math
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import spamguard
from spamguard import cli
from spamguard.errors import ModelError
from spamguard.model import CARD_FILE, MODEL_FILE, default_model_dir, file_sha256, load_model


@pytest.fixture
def model_copy(tmp_path):
    target = tmp_path / "model"
    shutil.copytree(default_model_dir(), target)
    return target


@pytest.fixture(scope="module")
def shipped_data():
    return pickle.loads((default_model_dir() / MODEL_FILE).read_bytes())


def write_model(directory, data):
    """Write `data` as the model file and give the card its hash, so the content check is what refuses it."""
    (directory / MODEL_FILE).write_bytes(pickle.dumps(data))
    card = json.loads((directory / CARD_FILE).read_text())
    card["sha256"] = file_sha256(directory / MODEL_FILE)
    (directory / CARD_FILE).write_text(json.dumps(card))


def refused(directory):
    with pytest.raises(ModelError) as info:
        load_model(directory)
    return str(info.value)


def test_the_shipped_model_loads_and_has_a_full_card():
    model = load_model()
    card = model.card
    for key in ("format_version", "sklearn_version", "sha256", "threshold", "training_data", "sizes",
                "heldout_metrics"):
        assert key in card, key
    assert card["training_data"]["input_sha256"], "the card must name the data the model was trained on"
    assert 0.0 < model.threshold < 1.0
    assert (default_model_dir() / MODEL_FILE).stat().st_size < 5_000_000


def test_a_flipped_byte_is_refused(model_copy):
    path = model_copy / MODEL_FILE
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match its card"):
        load_model(model_copy)


def test_a_file_that_refers_to_code_is_refused_even_with_a_matching_hash(model_copy):
    write_model(model_copy, {"payload": shutil.rmtree})
    with pytest.raises(ModelError, match="plain data only"):
        load_model(model_copy)


def test_a_missing_card_or_other_format_gets_a_clear_error(model_copy):
    card = json.loads((model_copy / CARD_FILE).read_text())
    card["format_version"] = 999
    (model_copy / CARD_FILE).write_text(json.dumps(card))
    with pytest.raises(ModelError, match="format 999"):
        load_model(model_copy)
    (model_copy / CARD_FILE).unlink()
    with pytest.raises(ModelError, match="model-card.json is missing"):
        spamguard.Cleaner(model=model_copy)


def test_the_default_cleaner_uses_the_model_and_reports_its_probability():
    result = spamguard.clean("The council approved the budget on Tuesday.\n\nporno izlebrazzers")
    assert result.flags[0].model_score is not None
    assert spamguard.Cleaner(use_model=False).clean("A.\n\nporno izlebrazzers").flags[0].model_score is None


def test_importing_spamguard_loads_neither_the_model_nor_scikit_learn():
    import subprocess
    import sys
    code = ("import sys, spamguard; spamguard.clean('x'); "
            "print('sklearn' in sys.modules, 'numpy' in sys.modules, 'joblib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "False"]


def test_the_shipped_data_rewritten_loads(model_copy, shipped_data):
    write_model(model_copy, shipped_data)
    assert load_model(model_copy).threshold == shipped_data["threshold"]


@pytest.mark.parametrize("text, says", [
    ("[1, 2]", "holds a list, not a JSON object"),
    ("not json {", "cannot read the model card"),
    ('{"format_version": 1}', "sha256 must be a string, got None"),
    ('{"sha256": "ab", "format_version": true}', "format_version must be an int, got True"),
])
def test_a_bad_card_is_refused(model_copy, text, says):
    (model_copy / CARD_FILE).write_text(text)
    message = refused(model_copy)
    assert CARD_FILE in message and says in message


def test_a_model_file_holding_a_list_is_refused(model_copy):
    write_model(model_copy, [1, 2])
    message = refused(model_copy)
    assert MODEL_FILE in message and "holds a list, not a dict" in message


def changed(data, **fields):
    return {**data, **fields}


@pytest.mark.parametrize("tamper, says", [
    (lambda d: {k: v for k, v in d.items() if k != "intercept"}, "missing keys 'intercept'"),
    (lambda d: changed(d, extra=1), "extra keys 'extra'"),
    (lambda d: changed(d, format_version=True), "format_version must be 1, got True"),
    (lambda d: changed(d, numeric_features="log_chars"), "numeric_features must be a list of strings"),
    (lambda d: changed(d, numeric_weights=["0.5"] + d["numeric_weights"][1:]),
     "numeric_weights must be a list of finite floats"),
    (lambda d: changed(d, numeric_weights=[math.nan] + d["numeric_weights"][1:]),
     "numeric_weights must be a list of finite floats"),
    (lambda d: changed(d, numeric_weights=d["numeric_weights"][1:]), "numeric_weights has 21 weights for 22"),
    (lambda d: changed(d, hash_bits=10**9), "hash_bits must be an int from 1 to 32"),
    (lambda d: changed(d, hashed_weights=[0.5]), "hashed_weights must be a dict"),
    (lambda d: changed(d, hashed_weights={1 << 18: 0.5}), "hashed_weights index 262144 is not an int from 0"),
    (lambda d: changed(d, hashed_weights={-1: 0.5}), "hashed_weights index -1 is not an int"),
    (lambda d: changed(d, hashed_weights={"7": 0.5}), "hashed_weights index '7' is not an int"),
    (lambda d: changed(d, hashed_weights={7: math.inf}), "hashed_weights[7] must be a finite float, got inf"),
    (lambda d: changed(d, intercept=None), "intercept must be a finite float, got None"),
    (lambda d: changed(d, threshold=True), "threshold must be a float from 0 to 1, got True"),
    (lambda d: changed(d, threshold=1.5), "threshold must be a float from 0 to 1, got 1.5"),
])
def test_bad_model_content_is_refused_naming_the_field(model_copy, shipped_data, tamper, says):
    write_model(model_copy, tamper(shipped_data))
    message = refused(model_copy)
    assert MODEL_FILE in message and "is not a spamguard model" in message and says in message


def test_a_well_formed_model_of_other_features_is_still_told_to_retrain(model_copy, shipped_data):
    write_model(model_copy, changed(shipped_data, hash_bits=20))
    assert "trained on other features" in refused(model_copy)


@pytest.mark.parametrize("spoil", [
    lambda directory: (directory / CARD_FILE).write_text("[1, 2]"),
    lambda directory: write_model(directory, [1, 2]),
])
def test_the_command_exits_2_with_one_line(model_copy, tmp_path, capsys, spoil):
    spoil(model_copy)
    text = tmp_path / "a.txt"
    text.write_text("The council approved the budget on Tuesday.\n")
    assert cli.main(["check", "--model", str(model_copy), str(text)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("spamguard: ") and err.count("\n") == 1 and "Traceback" not in err


def test_a_checkout_uses_the_model_beside_its_code(tmp_path):
    # a second checkout (a worktree) imported by path scores with its own model, not with the model of the tree an
    # editable install points at
    tree = tmp_path / "tree"
    shutil.copytree(Path(spamguard.__file__).resolve().parent, tree / "spamguard")
    shutil.copytree(default_model_dir(), tree / "models")
    found = subprocess.run([sys.executable, "-c", "import spamguard.model as m; print(m.default_model_dir())"],
                           cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(tree)}, capture_output=True,
                           text=True, check=True).stdout.strip()
    assert Path(found) == tree / "models"
