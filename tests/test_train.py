"""Retraining: a new spam family is learned from a few labeled samples, reproducibly, and clean text survives."""
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

import spamguard
from spamguard.errors import TrainingDataError
from spamguard.model import MODEL_FILE, file_sha256
from spamguard.train import train_from_file
from training import synth

SENTENCES = [
    "The regional council approved the new transport budget after a long debate on Tuesday.",
    "Officials said the plan would add three bus routes in the northern districts by spring.",
    "Residents who spoke at the meeting were divided over the cost of the proposal.",
    "The finance committee will publish a detailed report on the spending next month.",
    "Opposition members argued that the fare increase would hurt low-income families most.",
    "A spokesperson for the mayor said the city had listened carefully to the objections.",
    "Construction on the first of the new depots is expected to begin in the autumn.",
    "Analysts noted that ridership has recovered to nearly its level before the pandemic.",
    "The union representing drivers welcomed the hiring plan but asked for more details.",
    "Local businesses along the proposed routes have broadly supported the changes.",
]
# An invented family the shipped model has never seen: a network's house promo, written as polite sentences
# (no spam words, full stops), which a user wants gone from every article. No rule or phrase knows it.
FAMILY = ["Join the Lakeside Garden Club this weekend for a guided tour of the orchid house.",
          "Lakeside Garden Club members receive a seasonal bulb box with every renewal.",
          "The Lakeside Garden Club spring fair opens its gates on the first Saturday of May.",
          "Ask about Lakeside Garden Club family memberships at the front desk of any branch.",
          "Lakeside Garden Club volunteers lead free pruning workshops every month."]


def article(rng: random.Random) -> str:
    paragraphs = ["\n".join(rng.sample(SENTENCES, 2)) for _ in range(rng.randint(2, 4))]
    return "\n\n".join(paragraphs)


def spam_record(rng: random.Random) -> dict:
    text = article(rng)
    junk = "\n\n" + rng.choice(FAMILY)
    return {"text": text + junk, "junk_spans": [[len(text), len(text) + len(junk)]]}


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_a_new_family_is_caught_after_about_twenty_examples(tmp_path):
    rng = random.Random(7)
    probe = article(rng) + "\n\n" + FAMILY[0]
    assert spamguard.clean(probe).text == probe, "the default model should not know this family"
    records = [spam_record(rng) for _ in range(20)] + [{"text": article(rng), "junk_spans": []} for _ in range(20)]
    data = tmp_path / "samples.jsonl"
    write_jsonl(data, records)
    metrics = train_from_file(str(data), str(tmp_path / "model"), base=True, seed=1)
    assert metrics["overall"]["documents"] > 0
    cleaner = spamguard.Cleaner(model=tmp_path / "model")
    caught = 0
    for _ in range(20):
        rec = spam_record(rng)
        caught += cleaner.clean(rec["text"]).text == rec["text"][: rec["junk_spans"][0][0]]
    assert caught >= 18
    for _ in range(20):
        clean = article(rng)
        assert cleaner.clean(clean).text == clean
    # and what the base model knew is still known
    assert cleaner.clean("The council met.\n\nporno izlebrazzers").text == "The council met."


def test_training_is_reproducible_with_a_fixed_seed(tmp_path):
    rng = random.Random(3)
    records = [spam_record(rng) for _ in range(15)] + [{"text": article(rng), "junk_spans": []} for _ in range(15)]
    data = tmp_path / "samples.jsonl"
    write_jsonl(data, records)
    train_from_file(str(data), str(tmp_path / "a"), seed=5)
    train_from_file(str(data), str(tmp_path / "b"), seed=5)
    assert file_sha256(tmp_path / "a" / MODEL_FILE) == file_sha256(tmp_path / "b" / MODEL_FILE)


@pytest.mark.parametrize("line, message", [
    ("not json", "not valid JSON"),
    ('{"junk_spans": []}', 'string "text"'),
    ('{"text": "abc", "junk_spans": [[2, 10]]}', "junk_spans must be"),
])
def test_bad_training_data_names_the_line(tmp_path, line, message):
    data = tmp_path / "bad.jsonl"
    data.write_text('{"text": "fine", "junk_spans": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(TrainingDataError, match=f"bad.jsonl:2: .*{message}"):
        train_from_file(str(data), str(tmp_path / "out"))


def test_training_needs_both_classes(tmp_path):
    data = tmp_path / "clean.jsonl"
    write_jsonl(data, [{"text": article(random.Random(i)), "junk_spans": []} for i in range(5)])
    with pytest.raises(TrainingDataError, match="both junk and article"):
        train_from_file(str(data), str(tmp_path / "out"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10_000),
       st.sampled_from(["en", "tr", "id", "ru", "zh", "ja", "ar", "es", "pt", "de", "fr", "vi"]))
@example(17, "ja").via("a Japanese ingredient list: its last line, another script than the body's, must stay")
@example(0, "ja").via("the same, judged again within the text after the trailer walk kept it")
@example(7553, "fr").via("a byline, '— Claire Martin', which the model scores 0.94")
@example(2992, "ja").via("a credit glued on, 'via 読売新聞': the outlet in another script than the body's")
@example(1981, "en").via("'References' right above two links, under the article's last lines: no ad block")
def test_a_clean_generated_article_with_a_legit_ending_survives_untouched(seed, language):
    rng = random.Random(seed)
    text = synth.add_ending(article(rng), rng, language=language)
    assert spamguard.clean(text).text == text


SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.mark.skipif(not (SHARED / "corpora").is_dir(), reason="../shared is absent")
def test_spamguard_train_shipped_rebuilds_the_shipped_model_byte_for_byte(tmp_path):
    # what a user runs to check the shipped model: the data from ../shared, the model, its base set (about 90 s)
    done = subprocess.run([sys.executable, "-m", "spamguard", "train", "--shipped", "--out", str(tmp_path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    shipped = Path(spamguard.__file__).resolve().parent.parent / "models"
    assert file_sha256(tmp_path / MODEL_FILE) == file_sha256(shipped / MODEL_FILE)
    assert file_sha256(tmp_path / "base-training.npz") == file_sha256(shipped / "base-training.npz")


def test_spamguard_train_shipped_without_the_shared_folder_says_what_it_needs(tmp_path):
    done = subprocess.run([sys.executable, "-m", "spamguard", "train", "--shipped", "--out", str(tmp_path),
                           "--shared", str(tmp_path / "nowhere")], capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "needs the shared data folder" in done.stderr and "Traceback" not in done.stderr
