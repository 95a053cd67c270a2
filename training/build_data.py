#!/usr/bin/env python3
"""Build the labeled data for the segment classifier: train.jsonl, heldout.jsonl, spliced.jsonl, manifest.json.

    python training/build_data.py --out build/data [--shared ../shared] [--seed 13] [--variants 6]
                                  [--host-variants 3] [--no-unlabeled]

Reads /work/shared (read-only) and writes corpus text only under --out (keep it out of git). One record per
line in the `spamguard train` format: {"text", "junk_spans": [[start, end], ...], "source", "family", "mode",
"split", "doc_id", "language"} plus "uncertain_spans" where a label says "uncertain". See training/README.md.
"""
from __future__ import annotations

import argparse
import collections
import csv
import gzip
import hashlib
import importlib.util
import json
import os
import random
import re
import sys
import urllib.parse
from pathlib import Path

csv.field_size_limit(sys.maxsize)  # FakeNewsCorpus rows hold whole articles

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "training"))

from textlines import lines_to_spans, merge_spans  # noqa: E402

from spamguard.model import file_sha256 as sha256_file  # noqa: E402
from training import synth  # noqa: E402

HELDOUT_PERCENT = 20
TRAILER_MODES = ("blank-line", "newline", "glued", "glued-space", "multi-line")
ENDING_SHARE = 0.3  # share of injected variants whose article first gets a legit ending (junk then follows it)
TRAFILATURA_MIN_CHARS = 300  # a trafilatura_eval page's article text shorter than this is no host

# Extra trafilatura lines (not in the gold body) that are site chrome. Broad on purpose: only lines the gold
# omitted are tested against it.
BOILER = re.compile(
    r"newsletter|subscri|sign(ing)? up|\bfollow\b|on twitter|on facebook|twitter\.com/|\bshare\b|like this|"
    r"\bcomments?\b|commenting|log in to post|advertis|sponsored|read more|read all|continue reading|see more at|"
    r"filed under|related|you may also like|recommended|click here|explore further|more from|^tags?:|inbox|"
    r"delivered to your|leggi anche|receba em seu email|coment[aá]rios|lesen sie auch|lire aussi|lee también|"
    r"leia também|baca juga|читайте также|関連記事|assine|abone|^more ap |listen (to|back)|proposition for you|"
    r"^you can view our|주요뉴스|thanks for signing|error processing your subscription",
    re.I,
)
# Away from the tail only a line that starts like a related-link / promo header counts (list items and quotes
# in the body of deal pages mention "sign up", "share", "email" and are article text).
LEAD_BOILER = re.compile(
    r"^[\[(]?(related( posts?)?|read more|read also|you may also like|continue reading|click here|subscribe|"
    r"sign up|advertisement|filed under|tags?|more from|see also)\b|주요뉴스",
    re.I,
)
# Credit, copyright and source lines: LABELING.md keeps these out of junk ("uncertain").
UNCERTAIN = re.compile(
    r"copyright|ⓒ|©|all rights reserved|disclaimer|non-commercial use|originally appeared|republished|"
    r"^source:|^image:|^photo:|^\[\w+\]$",
    re.I,
)
# Bylines and contributor notes: article text (LABELING.md: "not junk").
BYLINE = re.compile(r"reporting by|contributed (to this report|reporting)|editing by|^updated at|additional reporting",
                    re.I)
# A line in an unlabeled FNC-1 / FakeNewsCorpus document that might be junk: such documents are not used.
SUSPECT = re.compile(
    r"advertis|continue reading|\bfollow\b|twitter|facebook|subscri|\bshare\b|related|read more|click here|"
    r"https?:|www\.|@|©|copyright|function\s*\(|[{};]\s*$|BF_STATIC|\bvar\b|source:|image:|photo:|credit|"
    r"appeared first|commenting policy|before it's news|\bemail\b|\bprint\b|sign up|newsletter|comments?\b",
    re.I,
)


def synth_sha256() -> str:
    """One sha256 over the generator's source files (training/synth/*.py, each by name and sha256)."""
    digest = hashlib.sha256()
    for path in sorted((REPO / "training" / "synth").glob("*.py")):
        digest.update(f"{path.name}\0{sha256_file(path)}\n".encode())
    return digest.hexdigest()


SPLIT_RULE = ("by site: sha256('site:<host>') % 100 < 20 -> heldout, the host being an aeb page's URL host or a "
              "FakeNewsCorpus row's domain, so every page of a site lands in one split; FNC-1 bodies carry no site "
              "and are split by document, sha256('fnc1_bodies:<doc_id>')")


def split_of(key: str) -> str:
    """Stable split: the same key (a site, or a document whose site is unknown) always lands in the same split."""
    return "heldout" if int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 100 < HELDOUT_PERCENT else "train"


def host_of(url: str) -> str:
    """The site of a page: its URL's host without 'www.'.

    >>> host_of("https://www.wsj.com/articles/x"), host_of("http://awm.com/y/")
    ('wsj.com', 'awm.com')
    """
    host = urllib.parse.urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def sites(gold: dict, news_sample: Path | None) -> dict[str, str]:
    """The site of each document whose site is known, by '<corpus>:<doc_id>': an aeb page's URL host and a
    FakeNewsCorpus row's domain (its doc_id is the row's position). FNC-1 bodies carry no site."""
    found = {f"aeb_scrapinghub:{key}": "site:" + host_of(page.get("url") or "") for key, page in gold.items()
             if page.get("url")}
    if news_sample is not None:
        with open(news_sample, encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                if row.get("domain"):
                    found[f"fakenewscorpus_sample:{i}"] = "site:" + row["domain"].removeprefix("www.")
    return found


def trafilatura_articles(shared: Path) -> dict[str, tuple[str, str]]:
    """Clean articles in many languages (German most, then English, Spanish, Polish, French, ...): the article
    paragraphs of trafilatura_eval's pages (`bench/docs.py` page_article: the people-chosen article strings and the
    prose around them, never a line holding a people-chosen chrome string or a chrome word), one paragraph a line,
    of the development part of its sites only: the chrome measure's held-out fifth is never trained on. By
    'trafilatura_eval:<key>' -> (text, site)."""
    os.environ["SPAMGUARD_SHARED"] = str(shared)
    sys.path.insert(0, str(REPO / "bench"))
    import docs  # bench/docs.py: the benchmarks' documents

    with open(shared / "corpora" / "trafilatura_eval" / "evaldata.json", encoding="utf-8") as fh:
        pages = json.load(fh)
    out = {}
    for key, page in sorted(pages.items()):
        site = page.get("site") or key
        chosen = [" ".join(s.split()) for s in page.get("with") or [] if s.strip()]
        chrome = [" ".join(s.split()) for s in page.get("without") or [] if s.strip()]
        html_path = shared / "corpora" / "trafilatura_eval" / "html" / f"{page.get('file')}.gz"
        if not chosen or docs.chrome_part(site) != "development" or not html_path.is_file():
            continue
        paragraphs = docs.page_article(gzip.decompress(html_path.read_bytes()).decode("utf-8", "replace"), chosen,
                                       chrome)
        # the prose around the chosen strings may hold chrome nobody chose ("Melden Sie sich für unseren Newsletter
        # an ..."): a line with any chrome family's words, or one the FNC-1 filter suspects, is left out
        paragraphs = [line for line in paragraphs if docs.chrome_family(line) == "other" and not SUSPECT.search(line)]
        text = "\n".join(paragraphs)
        if len(paragraphs) >= 2 and len(text) >= TRAFILATURA_MIN_CHARS:
            out[f"trafilatura_eval:{key}"] = (text, "site:" + site)
    return out


def load_make_docs(shared: Path):
    spec = importlib.util.spec_from_file_location("make_docs", shared / "eval" / "make_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def record(text: str, spans, source: str, doc_key: str, site: str | None = None, **extra) -> dict:
    spans = merge_spans(spans)
    prev = 0
    for s, e in spans:
        if not (prev <= s < e <= len(text)):
            raise ValueError(f"bad span {(s, e)} in {doc_key}")
        prev = e
    rec = {"text": text, "junk_spans": [list(sp) for sp in spans], "source": source}
    rec.update({k: v for k, v in extra.items() if v is not None})
    rec["doc_id"] = doc_key
    if site:
        rec["site"] = site
    rec["split"] = split_of(site or doc_key)
    return rec


def ending_record(text: str, rng: random.Random, source: str, doc_key: str, site: str | None) -> dict:
    """The clean article with a legit ending (byline, credit, sources, ...) appended: all of it is clean."""
    lang = synth.pick_language(rng)
    return record(synth.add_ending(text, rng, lang), [], source, doc_key, site, family="clean",
                  mode="legit-ending", language=lang)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def trafilatura_records(gold: dict, extracted: dict) -> tuple[list[dict], collections.Counter]:
    """(c) Real extractor leftovers: trafilatura's text with the lines the gold body lacks.

    Each extra line is junk (BOILER, or in the tail after the first BOILER line and short with no sentence end),
    uncertain (UNCERTAIN: kept, "uncertain_spans"), article text (BYLINE: kept) or dropped from the text
    (titles, captions, comments, disclosures: the gold omitted them but they are not clearly junk).
    """
    out, why = [], collections.Counter()
    for key, page in gold.items():
        g = _norm(page.get("articleBody") or "")
        lines = (extracted.get(key, {}).get("articleBody") or "").splitlines()
        extra = [bool(ln.strip()) and _norm(ln) not in g for ln in lines]
        nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
        tail_start = len(lines)
        for i in reversed(nonblank):
            if not extra[i]:
                break
            tail_start = i
        kept, junk, unc, chrome = [], [], [], False
        for i, ln in enumerate(lines):
            if not extra[i]:
                kept.append(ln)
                continue
            s = ln.strip()
            in_tail = i >= tail_start
            if UNCERTAIN.search(s) and in_tail:
                kind = "uncertain"
            elif BYLINE.search(s) and in_tail:
                kind = "byline"
            elif (BOILER.search(s) if in_tail else LEAD_BOILER.search(s) and len(s) <= 150):
                kind, chrome = "junk", chrome or in_tail
            elif in_tail and chrome and len(s) <= 100 and not re.search(r"[.!?]['\"”’)]?$", s):
                kind = "junk"
            else:
                kind = "dropped"
            why[kind] += 1
            if kind == "dropped":
                continue
            (junk if kind == "junk" else unc if kind == "uncertain" else []).append(len(kept))
            kept.append(ln)
        if not junk:
            continue
        text = "\n".join(kept)
        rec = record(text, lines_to_spans(text, junk), "aeb-trafilatura", f"aeb_scrapinghub:{key}",
                     "site:" + host_of(page["url"]) if page.get("url") else None, family="boilerplate")
        if unc:
            rec["uncertain_spans"] = [list(sp) for sp in lines_to_spans(text, unc)]
        out.append(rec)
    return out, why


def measuring_documents(labels_path: Path, reserved_path: Path) -> dict[str, list[str]]:
    """(d) The documents kept for measuring, as '<corpus>:<doc_id>': the labeled dev docs and the reserved ones."""
    dev = set()
    with open(labels_path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                lab = json.loads(line)
                dev.add(f"{lab['corpus']}:{lab['doc_id']}")
    reserved = set()
    for line in reserved_path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            corpus, _, doc_id = line.strip().partition("/")
            reserved.add(f"{corpus}:{doc_id}")
    return {"eval/dev_labels.jsonl": sorted(dev), "eval/reserved.txt": sorted(reserved)}


def all_corpus_texts(make_docs, gold: dict) -> dict[str, str]:
    """Every document text of the corpora the measuring documents come from, by '<corpus>:<doc_id>'."""
    texts = {f"aeb_scrapinghub:{k}": v.get("articleBody") or "" for k, v in gold.items()}
    for corpus in ("fnc1_bodies", "fakenewscorpus_sample"):
        texts.update((f"{corpus}:{doc_id}", text) for doc_id, text in make_docs.load_corpus(corpus).items())
    return texts


# Player and gallery residue that scrapes of otherwise clean articles hold ("Scroll down for video" under the lead,
# "Poll loading ...", "Story continues below gallery", even in some aeb gold bodies): LABELING.md counts it as junk,
# so it is taken out of a clean document (with a blank line after it) rather than taught as article text.
RESIDUE = re.compile(r"^[ \t]*(?:scroll down for (?:the )?videos?|(?:video|poll) loading\W*|view gallery|"
                     r"view on instagram|on a mobile device\? click here to (?:watch|see) the video\.?|"
                     r"(?:story|article) continues below(?: (?:gallery|video|advertisement))?)[ \t]*"
                     r"(?:\n[ \t]*(?=\n)|$)\n?", re.I | re.M)


def without_residue(text: str) -> str:
    """The text without its lines of player and gallery residue.

    >>> without_residue("Lead.\\n\\nScroll down for video\\n\\nBody.")
    'Lead.\\n\\nBody.'
    """
    return RESIDUE.sub("", text)


def looks_clean(text: str) -> bool:
    """(e) Conservative filter for unlabeled FNC-1 / FakeNewsCorpus documents."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(text) < 400 or len(lines) < 3:
        return False
    if any(len(ln) < 60 or not re.search(r"[.!?]['\"”’)]?$", ln) for ln in lines[-3:]):
        return False
    return not any(len(ln) < 20 or SUSPECT.search(ln) for ln in lines)


def sms_spam(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    return [r[1].strip() for r in rows[1:] if len(r) >= 2 and r[0] == "spam" and r[1].strip()]


def real_anchor_blocks(path: Path) -> list[tuple[str, str]]:
    """(junk text, family) from the real hidden-link containers, glued as an extractor glues adjacent <a>."""
    blocks = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            texts = [a["text"] for a in row["anchors"]]
            family = "adult" if row["kind"] == "porn" else "seo-link"
            for sep in ("", " ", "\n"):
                blocks.append((sep.join(texts), family))
    return blocks


def injected_records(held: list[str], hosts: dict[str, tuple[str, str]], site: dict[str, str],
                     anchors: list[tuple[str, str]], rng: random.Random) -> list[dict]:
    """Held-out articles with spam injected within the text, not at its end: per article, one line of REAL
    hidden-link anchors and two of generator spam as a paragraph of their own between two paragraphs ("middle"),
    and one line of generator spam above the byline the article is given ("above-last"). Generator junk cycles
    over every spam family and every language, so each (family, language) is measured."""
    out = []
    one_line = [(junk, family) for junk, family in anchors if "\n" not in junk]
    pairs = [(family, language) for family in synth.SPAM_FAMILIES for language in synth.LANGUAGES]
    turn = 0
    for n, key in enumerate(held):
        text, source = hosts[key]
        for j in range(4):
            base, mode, junk, family, language, origin = text, "middle", None, None, None, "generator"
            if j == 0:
                junk, family = one_line[n % len(one_line)]
                language, origin = "tr", "real-anchors"
            else:
                family, language = pairs[turn % len(pairs)]
                turn += 1
                if j == 3:
                    base = synth.add_ending(text, rng, synth.pick_language(rng), kind="byline")
                    mode = "above-last"
            new, spans, info = synth.inject(base, rng, family=family, mode=mode, language=language, junk=junk)
            if synth.remove_spans(new, spans) != base:
                raise AssertionError(f"inject broke {key}")
            rec = record(new, spans, origin, key, site.get(key), family=family, mode=info["mode"],
                         language=info["language"])
            rec["host"] = source
            out.append(rec)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--variants", type=int, default=6, help="injected variants per aeb gold article")
    ap.add_argument("--host-variants", type=int, default=3, help="injected variants per other clean article")
    ap.add_argument("--no-unlabeled", action="store_true", help="do not use unlabeled FNC-1/FakeNewsCorpus docs")
    a = ap.parse_args(argv)
    shared, corpora = a.shared, a.shared / "corpora"
    if not (shared / "eval" / "make_docs.py").exists():
        print(f"error: {shared} has no eval/make_docs.py (use --shared)", file=sys.stderr)
        return 2
    rng = random.Random(a.seed)
    make_docs = load_make_docs(shared)
    inputs = {
        "aeb_scrapinghub/ground-truth.json": corpora / "aeb_scrapinghub" / "ground-truth.json",
        "aeb_scrapinghub/output_trafilatura.json": corpora / "aeb_scrapinghub" / "output_trafilatura.json",
        "fnc1_bodies/train_bodies.csv": corpora / "fnc1_bodies" / "train_bodies.csv",
        "fnc1_bodies/competition_test_bodies.csv": corpora / "fnc1_bodies" / "competition_test_bodies.csv",
        "fakenewscorpus_sample/news_sample.csv": corpora / "fakenewscorpus_sample" / "news_sample.csv",
        "hidden_link_injections/anchors.jsonl": corpora / "hidden_link_injections" / "anchors.jsonl",
        "sms_spam_collection/SMSSpamCollection": corpora / "sms_spam_collection" / "SMSSpamCollection",
        "trafilatura_eval/evaldata.json": corpora / "trafilatura_eval" / "evaldata.json",
        "eval/dev_labels.jsonl": shared / "eval" / "dev_labels.jsonl",
        "eval/reserved.txt": shared / "eval" / "reserved.txt",
        "eval/make_docs.py": shared / "eval" / "make_docs.py",
    }
    if a.no_unlabeled:
        for k in ("fnc1_bodies/train_bodies.csv", "fnc1_bodies/competition_test_bodies.csv",
                  "fakenewscorpus_sample/news_sample.csv"):
            inputs.pop(k)

    gold = json.loads(inputs["aeb_scrapinghub/ground-truth.json"].read_text(encoding="utf-8"))
    extracted = json.loads(inputs["aeb_scrapinghub/output_trafilatura.json"].read_text(encoding="utf-8"))["output"]
    # The measuring documents (the labeled dev docs and the reserved ones) are never trained on, in any form: not
    # as records, not as hosts for spliced junk, not as extractor leftovers, and no other copy of their text.
    kept_out = measuring_documents(inputs["eval/dev_labels.jsonl"], inputs["eval/reserved.txt"])
    measuring = {key for keys in kept_out.values() for key in keys}
    measuring_texts = {text for _, text in make_docs.iter_docs(str(inputs["eval/dev_labels.jsonl"]))}
    measuring_texts |= {text for key, text in all_corpus_texts(make_docs, gold).items() if key in measuring}

    # (a) + (e): clean hosts, keyed "corpus:doc_id"
    hosts: dict[str, tuple[str, str]] = {}
    rejected = collections.Counter()
    for key, page in gold.items():
        body = page.get("articleBody") or ""
        if f"aeb_scrapinghub:{key}" in measuring or body in measuring_texts:
            rejected["aeb_scrapinghub:measuring"] += 1
        elif body.strip():
            hosts[f"aeb_scrapinghub:{key}"] = (without_residue(body), "aeb-gold")
    if not a.no_unlabeled:
        seen = set(measuring_texts)
        for corpus in ("fnc1_bodies", "fakenewscorpus_sample"):
            for doc_id, text in make_docs.load_corpus(corpus).items():
                key = f"{corpus}:{doc_id}"
                text = without_residue(text)
                if key in measuring or text in seen:
                    rejected[corpus + ":measuring-or-duplicate"] += 1
                elif not looks_clean(text):
                    rejected[corpus + ":filter"] += 1
                else:
                    seen.add(text)
                    hosts[key] = (text, corpus + "-clean")

    site = sites(gold, inputs.get("fakenewscorpus_sample/news_sample.csv"))
    for key, (text, page_site) in trafilatura_articles(shared).items():
        hosts[key] = (without_residue(text), "trafilatura_eval-clean")
        site[key] = page_site
    records = []
    for key, (text, source) in sorted(hosts.items()):
        records.append(record(text, [], source, key, site.get(key), family="clean"))
        records.append(ending_record(text, rng, source + "+ending", key, site.get(key)))
    traf, traf_why = trafilatura_records({k: v for k, v in gold.items() if f"aeb_scrapinghub:{k}" not in measuring},
                                         extracted)
    records += traf

    # (b): injected variants. aeb gold: --variants each; unlabeled clean hosts: --host-variants each.
    sms = sms_spam(inputs["sms_spam_collection/SMSSpamCollection"])
    for key, (host_text, source) in sorted(hosts.items()):
        for _ in range(a.variants if source == "aeb-gold" else a.host_variants):
            ending_lang = synth.pick_language(rng) if rng.random() < ENDING_SHARE else None
            text = host_text if ending_lang is None else synth.add_ending(host_text, rng, ending_lang)
            if rng.random() < 0.04:
                mode = rng.choice(TRAILER_MODES[:4])
                new, spans, info = synth.inject(text, rng, family="scam", mode=mode, language="en",
                                                junk=rng.choice(sms))
                info["family"] = "sms-spam"
            else:
                new, spans, info = synth.inject(text, rng)
            if synth.remove_spans(new, spans) != text:
                raise AssertionError(f"inject broke {key}")
            records.append(record(new, spans, source + "+synth", key, site.get(key), family=info["family"],
                                  mode=info["mode"],
                                  language=info["language"], ending_language=ending_lang))

    # spliced: held-out hosts only; real anchors + generator junk of every family and language, trailer modes.
    # The measuring sets draw from a generator of their own, so a change to the training records (more variants,
    # other endings) leaves them as they are: a model is then measured on the same documents as the one before.
    rng = random.Random(f"measuring:{a.seed}")
    held = sorted(k for k in hosts if split_of(site.get(k, k)) == "heldout")
    anchors = real_anchor_blocks(inputs["hidden_link_injections/anchors.jsonl"])
    spliced = []
    pairs = [(family, language) for family in synth.FAMILIES for language in synth.LANGUAGES]
    for n, key in enumerate(held):
        text, source = hosts[key]
        for j in range(3):
            if j == 0:
                junk, family = anchors[n % len(anchors)]
                mode = "multi-line" if "\n" in junk else rng.choice(("glued", "blank-line", "newline", "glued-space"))
                new, spans, info = synth.inject(text, rng, family=family, mode=mode, language="tr", junk=junk)
                origin = "real-anchors"
            else:
                family, language = pairs[(2 * n + j - 1) % len(pairs)]
                mode = TRAILER_MODES[(n + j) % len(TRAILER_MODES)]
                new, spans, info = synth.inject(text, rng, family=family, mode=mode, language=language)
                origin = "generator"
            if synth.remove_spans(new, spans) != text:
                raise AssertionError(f"inject broke {key}")
            rec = record(new, spans, origin, key, site.get(key), family=info["family"], mode=info["mode"],
                         language=info["language"])
            rec["host"] = source
            spliced.append(rec)
        rec = ending_record(text, rng, "legit-ending", key, site.get(key))
        rec["host"] = source
        spliced.append(rec)

    injected = injected_records(held, hosts, site, anchors, rng)

    a.out.mkdir(parents=True, exist_ok=True)
    counts: dict = {}
    for name, recs in (("train", [r for r in records if r["split"] == "train"]),
                       ("heldout", [r for r in records if r["split"] == "heldout"]),
                       ("spliced", spliced), ("injected", injected)):
        with open(a.out / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        c = counts[name] = {
            "records": len(recs),
            "documents": len({r["doc_id"] for r in recs}),
            "with_junk": sum(bool(r["junk_spans"]) for r in recs),
            "legit_ending_clean": sum(r.get("mode") == "legit-ending" for r in recs),
            "legit_ending_then_junk": sum("ending_language" in r for r in recs),
            "by_source": dict(sorted(collections.Counter(r["source"] for r in recs).items())),
            "by_family": dict(sorted(collections.Counter(r.get("family", "-") for r in recs).items())),
            "by_mode": dict(sorted(collections.Counter(r.get("mode", "-") for r in recs).items())),
        }
        print(f"== {name}: {c['records']} records, {c['documents']} documents, {c['with_junk']} with junk, "
              f"{c['legit_ending_clean']} clean+ending, {c['legit_ending_then_junk']} ending+junk")
        for what in ("by_source", "by_family", "by_mode"):
            print(f"   {what}: " + ", ".join(f"{k} {v}" for k, v in c[what].items()))
    train_docs = {r["doc_id"] for r in records if r["split"] == "train"}
    if train_docs & {r["doc_id"] for r in records if r["split"] == "heldout"} or train_docs & set(held):
        raise AssertionError("a document is in both splits")
    train_sites = {r["site"] for r in records if r["split"] == "train" and "site" in r}
    if train_sites & {r["site"] for r in records + spliced + injected if r["split"] == "heldout" and "site" in r}:
        raise AssertionError("a site is in both splits")
    print("trafilatura extra lines:", dict(traf_why))
    print("unlabeled docs rejected:", dict(rejected))
    manifest = {
        "command": "python training/build_data.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "seed": a.seed, "variants": a.variants, "heldout_percent": HELDOUT_PERCENT,
        "split_rule": SPLIT_RULE,
        "inputs": {k: sha256_file(p) for k, p in inputs.items()},
        "synth_sha256": synth_sha256(),
        "counts": counts,
        "trafilatura_extra_lines": dict(traf_why),
        "unlabeled_rejected": dict(rejected),
        "kept_out_documents": kept_out,
    }
    (a.out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
