"""Properties of the junk generator (training.synth) and the line labels -> spans helper (training/textlines.py)."""
from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from training import synth
from training.synth import ending_vocab

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("textlines", ROOT / "training" / "textlines.py")
textlines = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(textlines)

BREAKS = ["\n", "\r\n", "\r", "\u2028", "\x85", "\x0c", "\n\n", "\r\n\r\n"]
# Article-like text: words with curly quotes, NBSP, non-Latin letters, any line break style.
words = st.text(alphabet=st.sampled_from(list("abcxyz .,’“”\u00a0éğış日本語ру")), min_size=0, max_size=30)
articles = st.lists(st.tuples(words, st.sampled_from(BREAKS)), min_size=0, max_size=8).map(
    lambda parts: "".join(w + b for w, b in parts)
) | st.text(max_size=80)
seeds = st.integers(min_value=0, max_value=2**32 - 1)


def _assert_valid_spans(text, spans):
    prev_end = 0
    for s, e in spans:
        assert 0 <= prev_end <= s < e <= len(text)
        prev_end = e


@settings(max_examples=300, deadline=None)
@given(articles, seeds, st.sampled_from(synth.FAMILIES), st.sampled_from((None,) + synth.MODES))
def test_removing_spans_gives_back_the_article(article, seed, family, mode):
    if mode == "prefix" and family != "boilerplate":
        with pytest.raises(ValueError):
            synth.inject(article, random.Random(seed), family=family, mode=mode)
        return
    text, spans, info = synth.inject(article, random.Random(seed), family=family, mode=mode)
    _assert_valid_spans(text, spans)
    assert spans, "inject always adds junk"
    assert synth.remove_spans(text, spans) == article
    assert info["family"] == family and info["mode"] in synth.MODES
    assert all(text[s:e].strip() for s, e in spans)


@settings(max_examples=100, deadline=None)
@given(articles, seeds)
def test_trailer_span_starts_at_its_separator(article, seed):
    text, spans, info = synth.inject(article.rstrip() + ".", random.Random(seed), family="adult", mode="blank-line")
    (s, e), = spans
    assert text[s:s + 1] in ("\n", "\r") and text[:s] == article.rstrip() + "."
    text, spans, _ = synth.inject("It failed in the system.", random.Random(seed), family="adult", mode="glued")
    assert text.startswith("It failed in the system.") and spans == [(24, len(text))] and text[24] != " "


def test_middle_keeps_paragraph_separator():
    article = "First paragraph.\r\n\r\nSecond paragraph."
    text, spans, info = synth.inject(article, random.Random(3), family="markup", mode="middle")
    (s, e), = spans
    assert info["mode"] == "middle" and text[s:e].endswith("\r\n\r\n") and "\n" not in text[s:e].rstrip("\r\n")
    assert synth.remove_spans(text, spans) == article


def test_above_last_stands_before_the_byline():
    article = "He said the casino closed.\n\nReporting by Ana Lima; Editing by Tom Hay"
    text, spans, info = synth.inject(article, random.Random(1), family="gambling", mode="above-last")
    (s, e), = spans
    assert info["mode"] == "above-last" and text[e:] == "Reporting by Ana Lima; Editing by Tom Hay"
    assert text[:s] == "He said the casino closed.\n\n" and text[s:e].endswith("\n\n")
    assert synth.remove_spans(text, spans) == article


def test_middle_on_one_paragraph_falls_back_to_a_trailer():
    text, spans, info = synth.inject("Only one line.", random.Random(0), family="boilerplate", mode="middle")
    assert info["mode"] == "blank-line" and text.startswith("Only one line.\n\n")


@given(seeds)
def test_generator_is_deterministic(seed):
    a = [synth.junk_line(random.Random(seed)) for _ in range(3)]
    b = [synth.junk_line(random.Random(seed)) for _ in range(3)]
    assert a == b
    art = "Para one.\n\nPara two."
    assert synth.inject(art, random.Random(seed)) == synth.inject(art, random.Random(seed))


@pytest.mark.parametrize("family,language", synth.supported())
def test_every_claimed_combination_produces_a_junk_line(family, language):
    rng = random.Random(f"{family}/{language}")
    for _ in range(30):
        text, category = synth.junk_line(rng, family, language)
        assert text.strip() and category == family
        assert text.splitlines() == [text], "a junk line never contains a line break"


def test_every_family_covers_english_and_spam_covers_all_languages():
    pairs = set(synth.supported())
    assert {f for f, _ in pairs} == set(synth.FAMILIES)
    for family in synth.SPAM_FAMILIES + ("boilerplate",):
        assert {lang for f, lang in pairs if f == family} == set(synth.LANGUAGES)


def test_every_rule_category_but_other_has_generator_vocabulary():
    from training.synth import vocab

    assert "other" not in synth.FAMILIES
    assert set(synth.SPAM_FAMILIES) == set(vocab._ANCHORS), "a new rule category needs anchors in vocab.py"


@pytest.mark.parametrize("call,error,match", [
    (lambda r: synth.junk_line(r, "poetry"), ValueError, "unknown family"),
    (lambda r: synth.junk_line(r, "adult", "xx"), ValueError, "no vocabulary"),
    (lambda r: synth.inject(b"bytes", r), TypeError, "must be str"),
    (lambda r: synth.legit_ending(r, "xx"), ValueError, "no endings"),
    (lambda r: synth.legit_ending(r, "en", "limerick"), ValueError, "unknown ending kind"),
    (lambda r: synth.add_ending(b"bytes", r), TypeError, "must be str"),
])
def test_bad_arguments_are_clear_errors(call, error, match):
    with pytest.raises(error, match=match):
        call(random.Random(0))


@pytest.mark.parametrize("kind", ["leet", "zero-width", "homoglyph", "spaced", "mixed-case"])
def test_obfuscations_change_the_text_but_add_no_line_break(kind):
    rng = random.Random(5)
    out = synth.obfuscate("porno izle casino", rng, kind)
    assert out != "porno izle casino" and out.splitlines() == [out]
    if kind == "zero-width":
        assert "".join(c for c in out if c not in synth.ZERO_WIDTH) == "porno izle casino"
    if kind == "spaced":
        assert out.replace(" ", "") == "pornoizlecasino"


def test_glued_anchor_list_has_no_separator():
    text = synth.anchor_list(random.Random(2), "adult", "tr", sep="")
    assert " | " not in text and any(a in text for a in ("porno izle", "türk porno", "Porno"))


ENDING_PAIRS = [(lang, kind) for lang in synth.LANGUAGES for kind in synth.ENDING_KINDS
                if kind in ending_vocab._ENDINGS[lang]]
# Junk or 'uncertain' by LABELING.md: a legit ending must never contain these.
NOT_LEGIT = ("share", "subscribe", "follow", "read more", "related", "comment", "newsletter", "copyright", "©",
             "all rights reserved", "appeared", "click", "advertis", "abone", "paylaş", "подпис", "关注", "シェア")


@settings(max_examples=300, deadline=None)
@given(articles, seeds, st.sampled_from((None,) + synth.LANGUAGES))
def test_add_ending_keeps_the_article_as_exact_prefix(article, seed, language):
    text = synth.add_ending(article, random.Random(seed), language)
    assert text.startswith(article) and text[len(article):].strip()
    assert text == synth.add_ending(article, random.Random(seed), language), "deterministic per seed"
    if article.strip():
        assert text[len(article):len(article) + 1] in ("\n", "\r") or article[-1:] in "\n\r"
    if "\r\n" in article:
        assert "\n" not in text[len(article):].replace("\r\n", ""), "the ending uses the article's break style"


def test_add_ending_separator_follows_the_article():
    rng = random.Random(0)
    paras = [synth.add_ending("One.\n\nTwo.", rng)[len("One.\n\nTwo."):] for _ in range(200)]
    assert sum(p.startswith("\n\n") and p[2:3].strip() != "" for p in paras) > 150, "blank line, like the article"
    lines = [synth.add_ending("One.\nTwo.\n", rng)[len("One.\nTwo.\n"):] for _ in range(200)]
    assert sum(p[:1].strip() != "" for p in lines) > 150, "the article's own final break is reused"
    assert all(p[:1].strip() or p.startswith("\n") and p[1:2].strip() for p in lines)


@pytest.mark.parametrize("language,kind", ENDING_PAIRS)
def test_every_language_and_kind_gives_a_clean_nonempty_ending(language, kind):
    rng = random.Random(f"{language}/{kind}")
    for _ in range(40):
        ending = synth.legit_ending(rng, language, kind)
        assert ending.strip() and ending == ending.strip()
        assert "{" not in ending and "}" not in ending, "every slot is filled"
        assert not any(w in ending.casefold() for w in NOT_LEGIT), ending
        assert all(c not in ending for c in "\r\x0b\x0c\x85\u2028\u2029"), "lines joined by \\n only"


def test_every_language_has_bylines_captions_and_sources():
    for language in synth.LANGUAGES:
        assert {"byline", "caption", "source", "contact", "sign-off"} <= set(ending_vocab._ENDINGS[language])


@given(seeds, st.sampled_from(synth.LANGUAGES))
def test_legit_ending_is_deterministic_per_seed(seed, language):
    assert synth.legit_ending(random.Random(seed), language) == synth.legit_ending(random.Random(seed), language)
    assert synth.legit_ending(random.Random(seed)) == synth.legit_ending(random.Random(seed))


def test_legit_endings_are_varied():
    rng = random.Random(7)
    endings = [synth.legit_ending(rng, "en") for _ in range(300)]
    assert len(set(endings)) > 250
    assert any("http" in e or "www." in e for e in endings) and any(e.startswith("Reporting by") for e in endings)


@settings(max_examples=200, deadline=None)
@given(articles, seeds, st.sampled_from(synth.FAMILIES))
def test_junk_after_an_ending_removes_back_to_article_plus_ending(article, seed, family):
    rng = random.Random(seed)
    base = synth.add_ending(article, rng)
    text, spans, _ = synth.inject(base, rng, family=family)
    assert synth.remove_spans(text, spans) == base and base.startswith(article)


@settings(max_examples=300)
@given(articles, st.sets(st.integers(0, 10)))
def test_lines_to_spans_remove_exactly_the_chosen_lines(text, chosen):
    lines = text.splitlines()
    spans = textlines.lines_to_spans(text, chosen)
    _assert_valid_spans(text, spans)
    kept = synth.remove_spans(text, spans).splitlines()
    expected = [ln for i, ln in enumerate(lines) if i not in chosen]
    assert [ln for ln in kept if ln.strip()] == [ln for ln in expected if ln.strip()]


def test_lines_to_spans_tail_takes_its_preceding_break():
    text = "Body one.\n\nBody two.\nJunk A\n\nJunk B\n"
    spans = textlines.lines_to_spans(text, [3, 5])
    assert synth.remove_spans(text, spans) == "Body one.\n\nBody two."
    text = "Share this:\n\nBody.\nAd\nMore body."
    assert synth.remove_spans(text, textlines.lines_to_spans(text, [0, 3])) == "Body.\nMore body."


def test_partial_spans():
    text = "Intro.\nContinued below... In August 2013, x.\nEnd. BF_STATIC.timequeue.push(1);\n"
    spans = textlines.partial_spans(text, suffix={2: 4}, prefix={1: 19})
    assert synth.remove_spans(text, spans) == "Intro.\nIn August 2013, x.\nEnd.\n"


SHARED = ROOT.parent / "shared"


@pytest.mark.skipif(not (SHARED / "eval" / "make_docs.py").exists(), reason="../shared is absent")
def test_build_data_writes_consistent_splits(tmp_path, capsys):
    import json

    _bspec = importlib.util.spec_from_file_location("build_data", ROOT / "training" / "build_data.py")
    build_data = importlib.util.module_from_spec(_bspec)
    _bspec.loader.exec_module(build_data)
    assert build_data.main(["--out", str(tmp_path), "--shared", str(SHARED), "--variants", "1"]) == 0
    docs, sites = {}, {}
    for name in ("train", "heldout", "spliced"):
        for line in (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            _assert_valid_spans(rec["text"], rec["junk_spans"])
            assert rec["split"] == ("heldout" if name == "spliced" else name)
            docs.setdefault(rec["doc_id"], set()).add(rec["split"])
            sites.setdefault(rec.get("site"), set()).add(rec["split"])
    assert all(len(splits) == 1 for splits in docs.values())
    # split by site: every page of a site in one split (FNC-1 bodies carry no site: split by document)
    assert all(len(splits) == 1 for site, splits in sites.items() if site is not None) and len(sites) > 50
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["spliced"]["records"] > 0 and len(manifest["inputs"]) >= 7
    kept_out = manifest["kept_out_documents"]
    assert len(kept_out["eval/dev_labels.jsonl"]) == 147 and len(kept_out["eval/reserved.txt"]) > 100
    trained = {doc_id for doc_id, splits in docs.items() if "train" in splits}
    assert not trained & set(kept_out["eval/dev_labels.jsonl"] + kept_out["eval/reserved.txt"])
    spliced = manifest["counts"]["spliced"]
    assert spliced["legit_ending_clean"] == spliced["documents"] > 0, "one clean+ending record per held-out host"
    train_counts = manifest["counts"]["train"]
    assert train_counts["legit_ending_clean"] > 0 and train_counts["legit_ending_then_junk"] > 0
    for name in ("train", "spliced"):
        for line in (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec.get("mode") == "legit-ending":
                assert rec["junk_spans"] == [] and rec["family"] == "clean"
