#!/usr/bin/env python3
"""Throughput and peak memory of spamguard vs datatrove's C4 line rules and alt-profanity-check.

    python bench/throughput.py                      # 20,000 docs for speed, a 100,000-doc stream for memory
    python bench/throughput.py --docs 3000 --stream 10000   # a quick run
    python bench/throughput.py --profile            # also profile spamguard's hot path (cProfile, top 25)
    python bench/throughput.py --repeat 3           # speed rows: the median of 3 runs, the cleaners interleaved

The documents are the real articles of ../shared/corpora (aeb gold bodies, FNC-1 bodies, FakeNewsCorpus), cycled
to the wanted count; every cleaner gets the same documents. Each figure comes from its own fresh subprocess, so a
peak RSS (VmHWM) is that run's own. "one core" = one process; "all cores" = os.cpu_count() processes
(spamguard: Cleaner.clean_many(n_jobs=...); the peers: a multiprocessing.Pool over batches of 256 docs).
spamguard runs through Cleaner.clean_many (batch 256), alt-profanity-check with one predict() per 256-doc batch
(its fastest use), C4 one document at a time (it has no batch path). Start-up (imports, model load) is not timed.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import docs
import peers

BATCH = 256
CLEANERS = ("spamguard", "c4-line-rules", "profanity-check")


def _vm_kib(key: str) -> int:
    """A VmXXX figure of this process from /proc/self/status, in KiB."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def _batched(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(texts)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _peer_batch(name: str, batch: list[str]) -> list[str]:
    if name == "profanity-check":
        return peers.profanity_many(batch)
    return [peers.PEERS[name](text) for text in batch]


def _pool_init(name: str) -> None:
    peers.warm_up(name)


def _runner(name: str, jobs: int) -> Callable[[Iterable[str]], Iterator[str]]:
    """A function that maps an iterable of texts to the cleaned texts, with everything already loaded."""
    if name == "spamguard":
        cleaner = peers.spamguard_cleaner()
        list(cleaner.clean_many(["Warm up the model.\nShare this:"] * 4, n_jobs=1))
        return lambda texts: (r.text for r in cleaner.clean_many(texts, batch_size=BATCH, n_jobs=jobs))
    peers.warm_up(name)
    if jobs == 1:
        return lambda texts: (out for batch in _batched(texts, BATCH) for out in _peer_batch(name, batch))
    import functools
    import multiprocessing

    pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_pool_init, initargs=(name,))
    work = functools.partial(_peer_batch, name)
    return lambda texts: (out for batch in pool.imap(work, _batched(texts, BATCH)) for out in batch)


def child(name: str, jobs: int, n_docs: int) -> dict:
    """Run one measurement in this (fresh) process and return its figures."""
    import resource

    articles = docs.real_articles()
    run = _runner(name, jobs)
    rss_before = _vm_kib("VmRSS")
    n_bytes = kept_chars = 0
    start = time.perf_counter()
    for text, out in zip(docs.repeated(articles, n_docs), run(docs.repeated(articles, n_docs))):
        n_bytes += len(text.encode("utf-8"))
        kept_chars += len(out)
    elapsed = time.perf_counter() - start
    return {"docs": n_docs, "seconds": elapsed, "docs_per_s": n_docs / elapsed, "mb_per_s": n_bytes / elapsed / 1e6,
            "rss_before_mb": rss_before / 1024, "peak_rss_mb": _vm_kib("VmHWM") / 1024,
            "children_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "kept_chars": kept_chars}


def measure(name: str, jobs: int, n_docs: int) -> dict:
    """`child` in a fresh subprocess of the same interpreter."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--jobs", str(jobs), "--docs", str(n_docs)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"measurement failed: {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    figures["notes"] = [line for line in proc.stderr.splitlines() if line.startswith("note:")]
    return figures


def _median_run(figures: list[dict]) -> dict:
    """The run with the median docs/s."""
    return sorted(figures, key=lambda fig: fig["docs_per_s"])[len(figures) // 2]


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


def print_table(title: str, rows: list[tuple[str, dict]], columns: list[tuple[str, str, str]]) -> None:
    """rows: (label, figures); columns: (header, key, format). Adds 'spamguard / peer' ratio rows."""
    print(f"\n{title}")
    header = f"{'cleaner':<22}" + "".join(f"{h:>16}" for h, _, _ in columns)
    print(header)
    print("-" * len(header))
    for label, fig in rows:
        print(f"{label:<22}" + "".join(f"{format(fig[k], f):>16}" for _, k, f in columns))
    ours = dict(rows).get("spamguard")
    if ours:
        for label, fig in rows:
            if label != "spamguard":
                print(f"{'sg / ' + label:<22}" + "".join(f"{_ratio(ours[k], fig[k]):>16}" for _, k, _ in columns))


def profile(n_docs: int, top: int) -> None:
    """cProfile spamguard's clean_many on the real articles (one process), print the top cumulative/own costs."""
    import cProfile
    import pstats

    run = _runner("spamguard", 1)
    texts = list(docs.repeated(docs.real_articles(), n_docs))
    prof = cProfile.Profile()
    prof.enable()
    for _ in run(texts):
        pass
    prof.disable()
    stats = pstats.Stats(prof, stream=sys.stdout).strip_dirs()
    print(f"\nprofile of spamguard Cleaner.clean_many on {n_docs} docs, by own time:")
    stats.sort_stats("tottime").print_stats(top)
    print("by cumulative time:")
    stats.sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="a model directory to measure instead of the shipped model")
    ap.add_argument("--docs", type=int, default=20_000, help="documents for the speed runs (default 20,000)")
    ap.add_argument("--stream", type=int, default=100_000, help="documents for the peak-RSS stream (default 100,000)")
    ap.add_argument("--jobs", type=int, default=0, help="processes for the 'all cores' runs (default os.cpu_count())")
    ap.add_argument("--cleaners", default=",".join(CLEANERS), help="comma-separated subset of " + ",".join(CLEANERS))
    ap.add_argument("--repeat", type=int, default=1, help="speed runs per cleaner, interleaved; the median is shown")
    ap.add_argument("--profile", action="store_true", help="also profile spamguard's hot path")
    ap.add_argument("--profile-docs", type=int, default=5_000)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.model:
        os.environ[peers.MODEL_ENV] = os.path.abspath(args.model)  # measurement subprocesses inherit it
    docs.require_shared()
    if args.child:
        print(json.dumps(child(args.child, args.jobs or 1, args.docs)))
        return 0
    if args.repeat < 1:
        ap.error(f"--repeat must be at least 1, got {args.repeat}")
    jobs = args.jobs or os.cpu_count() or 1
    names = [n for n in args.cleaners.split(",") if n]
    unknown = set(names) - set(CLEANERS)
    if unknown:
        ap.error(f"unknown cleaners: {', '.join(sorted(unknown))}")
    articles = docs.real_articles()
    print(f"{len(articles)} real articles, mean {sum(map(len, articles)) / len(articles):.0f} chars, "
          f"cycled to {args.docs} docs (speed) and {args.stream} docs (stream); {jobs} cores; "
          f"python {sys.version.split()[0]}")

    notes: set[str] = set()
    speed = [("one core", 1)] + ([(f"all cores ({jobs})", jobs)] if jobs > 1 else [])
    for label, n_jobs in speed:
        # Round-robin, so that a noisy neighbour slows every cleaner alike and the median ratio holds still.
        runs: dict[str, list[dict]] = {name: [] for name in names}
        for _ in range(args.repeat):
            for name in names:
                runs[name].append(measure(name, n_jobs, args.docs))
        rows = [(name, _median_run(runs[name])) for name in names]
        notes.update(note for figs in runs.values() for fig in figs for note in fig["notes"])
        median = f", median of {args.repeat} interleaved runs" if args.repeat > 1 else ""
        print_table(f"speed, {label}, {args.docs} docs{median}", rows,
                    [("docs/s", "docs_per_s", ".0f"), ("MB/s", "mb_per_s", ".2f")])
    rows = [(name, measure(name, 1, args.stream)) for name in names]
    notes.update(note for _, fig in rows for note in fig["notes"])
    print_table(f"memory, one process, {args.stream}-doc stream (MB)", rows,
                [("RSS before", "rss_before_mb", ".0f"), ("peak RSS", "peak_rss_mb", ".0f"),
                 ("docs/s", "docs_per_s", ".0f")])
    for note in sorted(notes):
        print(note)
    if args.profile:
        profile(args.profile_docs, 25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
