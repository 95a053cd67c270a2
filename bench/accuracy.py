#!/usr/bin/env python3
"""spamguard vs datatrove's C4 line rules and alt-profanity-check, line by line, on the same documents.

    python bench/accuracy.py                 # dev docs + spliced sets, all cleaners
    python bench/accuracy.py --seed 1        # other spliced documents
    python bench/accuracy.py --modes         # also junk recall per splice mode

Document sets:
  dev          the labeled dev documents of ../shared/eval (real junk; rebuilt by make_docs.py)
  real-anchors gold aeb articles + 1-3 REAL hidden-link anchors glued together, after a blank line / after a
               newline / glued to the last sentence (training.synth.inject with the anchors as the junk)
  synth        gold aeb articles (x2) + training.synth's generated junk (all families and modes), fixed seed
  chrome       trafilatura_eval's people-chosen page chrome on the pages of the held-out fifth of its sites (split
               by site, never read to write rules or train), each string a paragraph of its own in its page's
               article (its paragraphs read from the page's HTML around the people-chosen article strings); junk
               recall per chrome family (bench/docs.py CHROME_FAMILIES) is printed after it
  spliced      training/build_data.py's held-out articles (sites never trained on) with real anchors and generated
               junk of every family and 20 languages on their ends (built into build/data when missing)
  injected     the same articles with the junk within the text: a paragraph between paragraphs, or above a byline
               (issue #11); junk recall per language is printed after the chrome families
  memory       the corpus memory (issue #13): FakeNewsCorpus, FNC-1 bodies and aeb gold bodies cleaned as one
               corpus with and without spamguard's memory of it, in the same run: per corpus, the lines removed and
               those the memory adds; on the dev documents among them, recall, article lines lost and exact docs,
               and recall on their template lines (junk lines whose text is in 3+ distinct documents of the corpus)
Every cleaner is scored with ../shared/eval/score.py's score_doc: junk recall (labeled junk lines gone), article
lines lost (unlabeled lines not kept unchanged), exact docs (output == the article part exactly). docs/s is one
process, start-up excluded (throughput.py has the real speed figures).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable

import docs
import peers

COUNTS = ("junk", "junk_removed", "article", "article_lost", "exact")


def cleaners() -> dict[str, Callable[[list[str]], list[str]]]:
    """name -> function from a list of texts to the cleaned texts, each already loaded."""
    full = peers.spamguard_cleaner()
    rules_only = peers.spamguard_cleaner(use_model=False)
    out = {
        "spamguard": lambda texts: [r.text for r in full.clean_many(texts)],
        "spamguard rules-only": lambda texts: [r.text for r in rules_only.clean_many(texts)],
        "c4-line-rules": lambda texts: [peers.c4_line_rules(t) for t in texts],
        "profanity-check": peers.profanity_many,
    }
    for run in out.values():
        run(["Warm up.\nShare this:"])
    return out


def score(run: Callable[[list[str]], list[str]], labeled: list[dict]) -> tuple[dict, list[dict]]:
    """Totals over the set (plus docs/s) and each document's own counts."""
    start = time.perf_counter()
    outputs = run([d["text"] for d in labeled])
    elapsed = time.perf_counter() - start
    per_doc = [docs.score_doc(d, out) for d, out in zip(labeled, outputs)]
    total = {k: sum(c[k] for c in per_doc) for k in COUNTS}
    total["docs"] = len(labeled)
    total["docs_per_s"] = len(labeled) / elapsed if elapsed else float("inf")
    return total, per_doc


def _row(name: str, t: dict) -> str:
    recall = t["junk_removed"] / max(t["junk"], 1)
    lost = t["article_lost"] / max(t["article"], 1)
    return (f"{name:<22}{recall:>8.3f} {t['junk_removed']:>5}/{t['junk']:<5}{lost:>8.4f} {t['article_lost']:>5}/"
            f"{t['article']:<6}{t['exact']:>6}/{t['docs']:<5}{t['docs_per_s']:>9.0f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="a model directory to measure instead of the shipped model")
    ap.add_argument("--seed", type=int, default=0, help="seed of the spliced sets (default 0)")
    ap.add_argument("--modes", action="store_true", help="also print junk recall per splice mode")
    args = ap.parse_args(argv)
    if args.model:
        os.environ[peers.MODEL_ENV] = os.path.abspath(args.model)  # measurement subprocesses inherit it
    docs.require_shared()
    sets = {"dev": docs.dev_docs(), "real-anchors": docs.real_anchor_docs(args.seed),
            "synth": docs.synth_docs(args.seed), "chrome": docs.chrome_docs("held-out"), **docs.held_out_sets()}
    runs = cleaners()
    header = (f"{'cleaner':<22}{'recall':>8} {'junk':^11}{'lost':>8} {'article':^12}{'exact':^12}{'docs/s':>9}")
    by_mode: dict[tuple[str, str], dict] = {}
    by_family: dict[tuple[str, str], dict] = {}
    by_language: dict[tuple[str, str], dict] = {}
    for set_name, labeled in sets.items():
        print(f"\n{set_name}: {len(labeled)} docs")
        print(header)
        print("-" * len(header))
        for name, run in runs.items():
            total, per_doc = score(run, labeled)
            print(_row(name, total))
            for d, c in zip(labeled, per_doc):
                if "splice" in d:
                    cell = by_mode.setdefault((name, f"{set_name}/{d['splice']}"), defaultdict(int))
                    for k in COUNTS:
                        cell[k] += c[k]
                if set_name == "chrome":
                    cell = by_family.setdefault((name, d["family"]), defaultdict(int))
                    for k in COUNTS:
                        cell[k] += c[k]
                if set_name == "injected":
                    cell = by_language.setdefault((name, d["language"]), defaultdict(int))
                    for k in COUNTS:
                        cell[k] += c[k]
    _print_cells("chrome: junk recall per family (removed/junk)", list(runs), by_family)
    _print_cells("injected: junk recall per language (removed/junk)", list(runs), by_language)
    if args.modes:
        _print_cells("junk recall per splice mode (removed/junk)", list(runs), by_mode)
    print_memory_figures(header)
    return 0


def print_memory_figures(header: str) -> None:
    """The corpus memory's figures: the shared corpora cleaned as one corpus with and without it (same run)."""
    from spamguard.evidence.memory import CorpusMemory

    corpus = docs.memory_corpus()
    memory = CorpusMemory()
    start = time.perf_counter()
    for texts in corpus.values():
        for text in texts.values():
            memory.add(text)
    counted = time.perf_counter() - start
    print(f"\nmemory: {memory.documents} documents of {', '.join(corpus)} as one corpus, {len(memory.table)} "
          f"fingerprints ({'exact' if memory.exact else 'sketched'}), counted in {counted:.1f} s")
    off, on = peers.spamguard_cleaner(), peers.spamguard_cleaner(memory=memory)
    cleaned: dict[str, dict[tuple[str, str], str]] = {"off": {}, "on": {}}
    print(f"{'corpus':<24}{'docs':>6}{'lines removed':>15}{'with memory':>13}{'added':>7}{'taken back':>12}")
    for name, texts in corpus.items():
        removed = {"off": 0, "on": 0}
        added = taken_back = 0
        for doc_id, text in texts.items():
            kept, lines = {}, _line_counts(text)
            for mode, cleaner in (("off", off), ("on", on)):
                out = cleaned[mode][name, doc_id] = cleaner.clean(text).text
                kept[mode] = _line_counts(out)
                removed[mode] += sum((lines - kept[mode]).values())
            added += sum((kept["off"] - kept["on"]).values())
            taken_back += sum((kept["on"] - kept["off"]).values())
        print(f"{name:<24}{len(texts):>6}{removed['off']:>15}{removed['on']:>13}{added:>7}{taken_back:>12}")
    labeled = docs.dev_docs()
    template = _template_lines(corpus, labeled)
    print(f"\nthe {len(labeled)} dev documents among them, with and without the memory (same run)")
    print(header.replace("docs/s", "tmpl recall"))
    print("-" * len(header))
    for mode in ("off", "on"):
        per_doc = [docs.score_doc(d, cleaned[mode][d["corpus"], d["doc_id"]]) for d in labeled]
        total = {k: sum(c[k] for c in per_doc) for k in COUNTS}
        total["docs"] = len(labeled)
        kept = {d["id"]: _line_counts(cleaned[mode][d["corpus"], d["doc_id"]]) for d in labeled}
        found = sum(1 for d, _, line in template if line not in kept[d["id"]])
        row = _row(f"spamguard memory {mode}", dict(total, docs_per_s=0))
        print(f"{row[:-9]}{found:>5}/{len(template):<4}")


def _line_counts(text: str) -> Counter:
    """The text's non-blank lines, stripped, with their counts."""
    return Counter(line.strip() for line in text.splitlines() if line.strip())


def _template_lines(corpus: dict[str, dict[str, str]], labeled: list[dict]) -> list[tuple[dict, int, str]]:
    """The dev documents' junk lines whose text stands in 3 or more distinct documents (by text) of the corpus."""
    holders: dict[str, set[str]] = defaultdict(set)
    for texts in corpus.values():
        for text in set(texts.values()):
            for line in _line_counts(text):
                holders[line].add(text)
    found = []
    for d in labeled:
        lines = d["text"].splitlines()
        found += [(d, i, lines[i].strip()) for i in d["junk_lines"] if len(holders.get(lines[i].strip(), ())) >= 3]
    return found


def _print_cells(title: str, names: list[str], cells: dict[tuple[str, str], dict]) -> None:
    """One row per key (splice mode, chrome family), one column per cleaner: junk lines removed/junk lines."""
    print(f"\n{title}")
    print(f"{'':<26}" + "".join(f"{n:>22}" for n in names))
    for key in sorted({k for _, k in cells}):
        row = [cells.get((n, key), {}) for n in names]
        found = [f"{c.get('junk_removed', 0)}/{c.get('junk', 0)} "
                 f"{c.get('junk_removed', 0) / max(c.get('junk', 0), 1):.2f}" for c in row]
        print(f"{key:<26}" + "".join(f"{cell:>22}" for cell in found))


if __name__ == "__main__":
    sys.exit(main())
