"""The shipped model: verified before it is loaded, plain data only, used by default."""
import io
import pickle
import shutil

import pytest

import spamguard
from spamguard.errors import ModelError
from spamguard.model import CARD_FILE, MODEL_FILE, default_model_dir, load_model


@pytest.fixture
def model_copy(tmp_path):
    target = tmp_path / "model"
    shutil.copytree(default_model_dir(), target)
    return target


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
    import json

    from spamguard.model import file_sha256
    path = model_copy / MODEL_FILE
    buffer = io.BytesIO()
    pickle.dump({"payload": shutil.rmtree}, buffer)
    path.write_bytes(buffer.getvalue())
    card = json.loads((model_copy / CARD_FILE).read_text())
    card["sha256"] = file_sha256(path)
    (model_copy / CARD_FILE).write_text(json.dumps(card))
    with pytest.raises(ModelError, match="plain data only"):
        load_model(model_copy)


def test_a_missing_card_or_other_format_gets_a_clear_error(model_copy):
    import json
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
