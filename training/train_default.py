"""Build the shipped default model in models/ from the corpora in ../shared (one command, reproducible).

    python training/train_default.py            # data -> build/data, model -> models/
    spamguard train --shipped --out DIR         # the same, from the command line, model -> DIR

Steps: build the labeled data (training/build_data.py), train on train.jsonl with the threshold chosen on
heldout.jsonl, measure the spliced set, write the card (JSON and Markdown) and the hashed base training set
that `spamguard train --base` adds to a user's samples.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
# Byte for byte on any x86-64 machine: OpenBLAS picks its kernels by CPU, and liblinear's sums round with them (the
# same data gave other weights on an AVX2 machine than on the one that trained the shipped model). Before numpy
# loads: one kernel that every x86-64 CPU runs, on one thread. The library versions are pinned in constraints.txt.
os.environ.setdefault("OPENBLAS_CORETYPE", "Prescott")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from spamguard.evaluate import evaluate, format_metrics, read_records  # noqa: E402
from spamguard.model import CARD_FILE, load_model  # noqa: E402
from spamguard.train import save_base, train  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO / "build" / "data")
    ap.add_argument("--out", type=Path, default=REPO / "models")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared data folder")
    ap.add_argument("--skip-data", action="store_true", help="reuse --data as it is")
    a = ap.parse_args(argv)
    os.environ["SPAMGUARD_SHARED"] = str(a.shared)  # bench/docs.py reads the chrome set from there
    if not a.skip_data:
        subprocess.run([sys.executable, str(REPO / "training" / "build_data.py"), "--out", str(a.data),
                        "--shared", str(a.shared)], check=True)
    manifest = json.loads((a.data / "manifest.json").read_text(encoding="utf-8"))
    records = list(read_records(a.data / "train.jsonl")) + list(read_records(a.data / "heldout.jsonl"))
    description = {
        "built_by": "python training/train_default.py (training/build_data.py, then spamguard.train.train)",
        "sources": "../shared/corpora: aeb_scrapinghub gold article bodies and trafilatura leftovers, "
                   "fnc1_bodies and fakenewscorpus_sample documents that pass a strict clean filter (player "
                   "residue lines such as 'Scroll down for video' taken out first), "
                   "hidden_link_injections anchors (spliced set only), "
                   "sms_spam_collection spam messages; synthetic junk and legitimate endings from training.synth",
        "input_sha256": manifest["inputs"],
        "synth_sha256": manifest.get("synth_sha256"),
        "counts": {k: {"records": v["records"], "documents": v["documents"], "with_junk": v["with_junk"]}
                   for k, v in manifest["counts"].items()},
        "split_rule": manifest["split_rule"],
        "kept_out": "every document of ../shared/eval/dev_labels.jsonl and ../shared/eval/reserved.txt, and any "
                    "other copy of their text, in any form (records, hosts for spliced junk, extractor leftovers); "
                    "the ham messages of sms_spam_collection",
        "kept_out_documents": manifest["kept_out_documents"],
    }
    card = train(records, a.out, seed=a.seed, data_description=description)
    cleaner = _cleaner(a.out)
    card["spliced_metrics"] = evaluate(read_records(a.data / "spliced.jsonl"), cleaner)
    card["injected_metrics"] = evaluate(read_records(a.data / "injected.jsonl"), cleaner)
    card["chrome_family_recall"] = chrome_family_recall(cleaner)
    base = save_base([r for r in records if r.get("split") == "train"], a.out)
    card["base_training_set"] = {"file": base.name, "bytes": base.stat().st_size,
                                 "what": "hashed feature rows and labels of the train split (no text)"}
    (a.out / CARD_FILE).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (a.out / "MODEL_CARD.md").write_text(markdown_card(card), encoding="utf-8")
    print(f"threshold {card['threshold']}\nheld-out:\n{format_metrics(card['heldout_metrics'])}")
    print(f"spliced:\n{format_metrics(card['spliced_metrics'])}")
    return 0


def chrome_family_recall(cleaner) -> dict:
    """Junk line recall per chrome family on bench/accuracy.py's chrome set: trafilatura_eval's people-chosen page
    chrome on the held-out fifth of its sites (bench/docs.py), with the article lines it loses."""
    sys.path.insert(0, str(REPO / "bench"))
    import docs  # bench/docs.py: the benchmarks' documents, scored by ../shared/eval/score.py

    totals: dict[str, dict[str, int]] = {}
    for doc in docs.chrome_docs("held-out"):
        counts = docs.score_doc(doc, cleaner.clean(doc["text"]).text)
        family = totals.setdefault(doc["family"], {"junk": 0, "junk_removed": 0, "article": 0, "article_lost": 0})
        for key in family:
            family[key] += counts[key]
    return {name: dict(t, junk_line_recall=round(t["junk_removed"] / max(t["junk"], 1), 4))
            for name, t in sorted(totals.items())}


def _cleaner(model_dir: Path):
    from spamguard import Cleaner
    load_model(model_dir)  # verify the hash before anything uses it
    return Cleaner(model=model_dir)


def _recall_table(card: dict, group: str) -> list[str]:
    """Junk line recall per `group` ("languages", "families") on the spliced and injected sets, side by side."""
    spliced, injected = card["spliced_metrics"].get(group, {}), card.get("injected_metrics", {}).get(group, {})

    def cell(metrics: dict, name: str) -> str:
        m = metrics.get(name)
        return f"{m['junk_line_recall']} ({m['junk_lines_removed']}/{m['junk_lines']})" if m else "-"
    return ["| | at the end (spliced) | within the text (injected) |", "| --- | --- | --- |",
            *[f"| {name} | {cell(spliced, name)} | {cell(injected, name)} |"
              for name in sorted(set(spliced) | set(injected))]]


def markdown_card(card: dict) -> str:
    h, s = card["heldout_metrics"]["overall"], card["spliced_metrics"]["overall"]
    i = card.get("injected_metrics", {}).get("overall")
    data = card["training_data"]
    lines = [
        "# spamguard default model",
        "",
        f"- Estimator: {card['estimator']}; {card['nonzero_hashed_weights']} non-zero hashed weights.",
        f"- File: `model.joblib`, {card['model_bytes']:,} bytes, sha256 `{card['sha256']}` (checked on load).",
        f"- Format {card['format_version']}: plain data only (no classes), read without scikit-learn.",
        f"- Trained with spamguard {card['spamguard_version']}, scikit-learn {card['sklearn_version']}, "
        f"seed {card['seed']}, on {card['created']}.",
        f"- Threshold {card['threshold']}: {card['threshold_rule']}.",
        "",
        "## Training data",
        "",
        data["sources"] + ".",
        "",
        f"Kept out of training (for measuring only): {data['kept_out']}. By name:",
        "",
        *[f"- `{source}` ({len(keys)}): " + ", ".join(keys) for source, keys in data["kept_out_documents"].items()],
        "",
        f"Split: {data['split_rule']}. Sizes: {card['sizes']['train_documents']} training and "
        f"{card['sizes']['heldout_documents']} held-out documents; {card['sizes']['train_units']} training units "
        f"({card['sizes']['train_junk_units']} junk).",
        "",
        "Input files (sha256):",
        "",
        *[f"- `{k}` `{v}`" for k, v in data["input_sha256"].items()],
        "",
        "## Held-out metrics (never trained on)",
        "",
        "| set | docs | junk line recall | article lines lost | char precision | exact docs |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| held-out split | {h['documents']} | {h['junk_line_recall']} | {h['article_line_loss']} | "
        f"{h['char_precision']} | {h['exact_rate']} |",
        f"| spliced (real clean articles + real/generated junk) | {s['documents']} | {s['junk_line_recall']} | "
        f"{s['article_line_loss']} | {s['char_precision']} | {s['exact_rate']} |",
        *([f"| injected (the same articles, junk between paragraphs or above a byline) | {i['documents']} | "
           f"{i['junk_line_recall']} | {i['article_line_loss']} | {i['char_precision']} | {i['exact_rate']} |"]
          if i else []),
        "",
        "## Held-out recall per language and per spam family, at the end and within the text",
        "",
        "The spliced and injected sets: held-out articles (sites never trained on) with one line of real hidden-link "
        "anchors (Turkish) and generated junk of every family in each of 20 languages, about half of each "
        "language's generated wordings unlisted in the lexicon. Junk lines removed of junk lines.",
        "",
        *_recall_table(card, "languages"),
        "",
        *_recall_table(card, "families"),
        "",
        "## Held-out recall per junk family",
        "",
        "Families of the held-out split (generated junk of each family, real SMS spam, real trafilatura "
        "leftovers), by site: junk lines removed of junk lines.",
        "",
        "| family | docs | junk line recall |",
        "| --- | --- | --- |",
        *[f"| {name} | {f['documents']} | {f['junk_line_recall']} ({f['junk_lines_removed']}/{f['junk_lines']}) |"
          for name, f in card["heldout_metrics"]["families"].items()],
        "",
        "## Real page chrome per family, on sites never seen",
        "",
        "trafilatura_eval's people-chosen page chrome on the held-out fifth of its sites (`bench/docs.py`, "
        "`python bench/accuracy.py` prints it with the peers), each string a paragraph of its own in its page's "
        "article (the paragraphs of the page's HTML around the people-chosen article strings); families sorted by "
        "words (`bench/docs.py` CHROME_FAMILIES), not by spamguard's rules. The article's paragraphs are found by "
        "a simple reading of the page, so a few of them are chrome that people did not choose (a comment-form "
        "label, a newsletter name): some of the article lines lost here are such lines.",
        "",
        "| family | junk line recall | article lines lost |",
        "| --- | --- | --- |",
        *[f"| {name} | {f['junk_line_recall']} ({f['junk_removed']}/{f['junk']}) | "
          f"{f['article_lost']}/{f['article']} |" for name, f in card["chrome_family_recall"].items()],
        "",
        "Rebuild: `python training/train_default.py` (needs ../shared). Retrain on your own samples: "
        "`spamguard train --data FILE.jsonl --out DIR [--base]`.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
