"""Evidence: each kind is named, reads what a reader reads, and the model matches its weights by name."""
import random
from pathlib import Path

import pytest

from spamguard.config import Settings
from spamguard.errors import ModelError
from spamguard.evidence import BODY_COMPARISONS, NUMERIC_FEATURES, document, unit_features, with_body_comparisons
from spamguard.evidence.ngrams import hash_token
from spamguard.evidence.shape import LONGEST_LINE
from spamguard.judge import rules_only_score
from spamguard.matcher import default_matcher
from spamguard.model import Model, cached_model
from spamguard.units import Document, suffix, training_units

SEED = next((Path(__file__).parent.parent / "seeds").glob("*.txt"))

ARTICLE = (
    "The city council voted on Tuesday to approve a new budget for public transport, ending months of debate.\n\n"
    "Under the plan, bus fares will rise by 5 per cent next year, while the money raised goes to new routes.\n\n"
)


def last_line(text: str) -> tuple[Document, object]:
    doc = document(text, default_matcher())
    return doc, doc.line_unit(len(doc.nonblank) - 1)


def features_of_last_line(text: str):
    doc, unit = last_line(text)
    return unit_features(doc, unit, doc.hits_in(unit.start, unit.end))


def test_every_numeric_feature_has_one_name_and_the_model_lists_them():
    assert len(set(NUMERIC_FEATURES)) == len(NUMERIC_FEATURES)
    features = features_of_last_line(ARTICLE + "porno izle brazzers")
    named = features.named()
    assert list(named) == list(NUMERIC_FEATURES)
    assert named["line_rule"] == features.rules.line_rule
    assert named["lines_after"] == features.position.lines_after
    assert named["urls"] == features.shape.urls
    assert sorted(cached_model(None).card["numeric_features"]) == sorted(NUMERIC_FEATURES)


def test_a_line_of_spam_phrases_is_covered_by_them_and_names_its_rules():
    features = features_of_last_line(ARTICLE + "porno izle brazzers")
    assert features.rules.term_coverage == pytest.approx(1.0)
    assert features.rules.term_weight > 0.5
    assert hash_token("r:adult.tr") in features.hashed
    article_line = features_of_last_line(ARTICLE.strip())
    assert article_line.rules == (0.0, 0.0, 0.0, 0.0)
    assert hash_token("r:adult.tr") not in article_line.hashed


def test_a_boilerplate_line_carries_its_line_rule():
    assert features_of_last_line(ARTICLE + "Advertisement").rules.line_rule >= 0.5


def test_shape_sees_urls_capitals_and_a_script_that_is_not_the_body_s():
    assert features_of_last_line(ARTICLE + "Visit www.cheap-pills.com and https://x.ru now").shape.urls > 0
    assert features_of_last_line(ARTICLE + "BUY NOW CHEAP").shape.upper_ratio == 1.0
    foreign = features_of_last_line(ARTICLE + "Быстрые займы онлайн без отказа")
    assert foreign.shape.script_mismatch == 1.0
    assert features_of_last_line(ARTICLE + "The mayor said more later.").shape.script_mismatch == 0.0
    assert features_of_last_line(ARTICLE + "The mayor said more later.").shape.ends_terminal == 1.0


def test_a_line_longer_than_any_the_model_learned_from_reads_as_that_long():
    # the model weighs length by the whole unit and words by a sample of it: past LONGEST_LINE characters a longer
    # line would read ever more junk-like, an extrapolation no training line supports
    sentence = "The council met again on Tuesday and the mayor spoke about the budget for the new year. "
    at_cap, far_past = (features_of_last_line(ARTICLE + sentence * n).shape for n in (LONGEST_LINE // 80, 1000))
    assert (at_cap.log_chars, at_cap.relative_length) == (far_past.log_chars, far_past.relative_length)
    shorter = features_of_last_line(ARTICLE + sentence * 10).shape
    assert shorter.log_chars < at_cap.log_chars


def test_a_line_that_repeats_the_body_s_words_overlaps_it():
    echo = features_of_last_line(ARTICLE + "The council budget for public transport.")
    stranger = features_of_last_line(ARTICLE + "Jerseys wholesale discount outlet.")
    assert echo.shape.body_overlap > stranger.shape.body_overlap
    assert echo.shape.frequent_words >= stranger.shape.frequent_words


def test_position_says_where_the_unit_stands():
    doc, unit = last_line(ARTICLE + "Read more.porno izle")
    assert unit_features(doc, unit, []).position.is_last_line == 1.0
    seam = doc.text.index("porno")
    tail = suffix(unit, seam)
    position = unit_features(doc, tail, doc.hits_in(tail.start, tail.end)).position
    assert position.is_suffix == 1.0 and position.glued_to_sentence == 1.0
    first = doc.line_unit(0)
    assert unit_features(doc, first, []).position.lines_after == pytest.approx(2 / 5)  # two lines after, of 5
    assert unit_features(doc, first, []).position.is_last_line == 0.0


def test_rules_only_score_reads_evidence_by_name():
    settings = Settings()
    assert rules_only_score(features_of_last_line(ARTICLE + "porno izle brazzers"), settings) >= settings.threshold
    assert rules_only_score(features_of_last_line(ARTICLE.strip()), settings) == 0.0


def test_the_model_matches_its_numeric_weights_by_name_in_any_saved_order():
    model = cached_model(None)
    data = {"numeric_features": list(NUMERIC_FEATURES), "numeric_weights": list(model.numeric_weights),
            "hashed_weights": model.hashed_weights, "intercept": model.intercept, "threshold": model.threshold,
            "hash_bits": 18}
    order = list(range(len(NUMERIC_FEATURES)))
    random.Random(3).shuffle(order)
    shuffled = dict(data, numeric_features=[NUMERIC_FEATURES[i] for i in order],
                    numeric_weights=[model.numeric_weights[i] for i in order])
    features = features_of_last_line(ARTICLE + "porno izle brazzers")
    assert Model.from_data(shuffled, {}).probability(features) == pytest.approx(model.probability(features))
    with pytest.raises(ModelError):
        Model.from_data(dict(data, numeric_features=list(NUMERIC_FEATURES[:-1]) + ["unknown"]), {})
    with pytest.raises(ModelError):
        Model.from_data(dict(data, hash_bits=20), {})


def comparison_weights(model: Model, weight: float) -> Model:
    """`model` with both comparisons with the body weighing `weight`."""
    named = dict(zip(NUMERIC_FEATURES, model.numeric_weights), **dict.fromkeys(BODY_COMPARISONS, weight))
    data = {"numeric_features": list(named), "numeric_weights": list(named.values()), "hash_bits": 18,
            "hashed_weights": model.hashed_weights, "intercept": model.intercept, "threshold": model.threshold}
    return Model.from_data(data, {})


@pytest.mark.parametrize("weight", [None, 2.0, -2.0])
def test_a_score_without_the_body_comparisons_is_the_highest_it_can_be_and_they_complete_it(weight):
    shipped = cached_model(None)
    model = shipped if weight is None else comparison_weights(shipped, weight)
    text = SEED.read_text(encoding="utf-8") + "\n\n" + ARTICLE + "Buy cheap viagra online\nporno izle brazzers"
    doc = document(text, default_matcher())
    units = list(training_units(doc, lambda index: False))
    assert len(units) > 20
    for unit in units:
        hits = doc.hits_in(unit.start, unit.end)
        full, partial = unit_features(doc, unit, hits), unit_features(doc, unit, hits, compared=False)
        assert not partial.compared and partial.shape.body_overlap == partial.shape.frequent_words == 0.0
        assert model.probability(partial) >= model.probability(full)
        assert with_body_comparisons(partial, doc) == full
        assert with_body_comparisons(partial, doc).numeric == full.numeric
