"""List what a model misses on a labeled set: junk lines kept and article lines lost, by family and mode.

    python training/misses.py build/data/heldout.jsonl [--model DIR] [--show 40] [--family seo-link]

Prints a count table (family/mode/source: junk lines, missed, article lines, lost) and then the missed
junk lines and lost article lines themselves, with the line's model score, for reading (never for rules).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from spamguard import Cleaner  # noqa: E402
from spamguard.evaluate import char_mask, read_records  # noqa: E402
from spamguard.segment import split_lines  # noqa: E402


def line_outcomes(record: dict, flags) -> list[tuple[str, int, str]]:
    """(outcome, line index, line text) for every missed junk line and every lost article line."""
    text = record["text"]
    junk = char_mask(len(text), record["junk_spans"])
    unsure = char_mask(len(text), record.get("uncertain_spans", []))
    removed = char_mask(len(text), ((f.start, f.end) for f in flags))
    out = []
    for index, line in enumerate(split_lines(text)):
        idx = [i for i in range(line.start, line.end) if not text[i].isspace() and not unsure[i]]
        junk_idx = [i for i in idx if junk[i]]
        article_idx = [i for i in idx if not junk[i]]
        body = text[line.start:line.end]
        if junk_idx:
            out.append(("junk-kept" if not all(removed[i] for i in junk_idx) else "junk-gone", index, body))
        if article_idx:
            out.append(("article-lost" if any(removed[i] for i in article_idx) else "article-kept", index, body))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--show", type=int, default=40, help="lines to print per outcome")
    ap.add_argument("--family", default=None)
    ap.add_argument("--threshold", type=float, default=None)
    a = ap.parse_args(argv)
    cleaner = Cleaner(model=a.model, threshold=a.threshold)
    table: Counter = Counter()
    shown: dict[str, list[str]] = {"junk-kept": [], "article-lost": []}
    for record in read_records(a.data):
        family = str(record.get("family") or "clean")
        if a.family and family != a.family:
            continue
        key = (family, str(record.get("mode") or "-"), str(record.get("source", "-")).split("+")[-1])
        flags = cleaner.clean(record["text"]).flags
        lines = split_lines(record["text"])
        for outcome, index, body in line_outcomes(record, flags):
            table[key + (outcome,)] += 1
            if outcome in shown and len(shown[outcome]) < a.show:
                ctx = [record["text"][ln.start:ln.end][:60] for ln in lines[max(index - 2, 0):index]]
                shown[outcome].append(f"[{'/'.join(key)}] L{index}/{len(lines)} {body[:160]!r}\n"
                                      f"      above: {ctx!r}")
    keys = sorted({k[:3] for k in table})
    print(f"{'family/mode/source':<48} junk  missed  article  lost")
    for k in keys:
        junk = table[k + ("junk-kept",)] + table[k + ("junk-gone",)]
        art = table[k + ("article-kept",)] + table[k + ("article-lost",)]
        if table[k + ("junk-kept",)] or table[k + ("article-lost",)] or junk:
            print(f"{'/'.join(k):<48} {junk:>4}  {table[k + ('junk-kept',)]:>6}  {art:>7}  "
                  f"{table[k + ('article-lost',)]:>4}")
    for outcome, rows in shown.items():
        print(f"\n== {outcome} ({len(rows)} shown)")
        print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
