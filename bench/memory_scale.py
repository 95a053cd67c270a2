#!/usr/bin/env python3
"""The corpus memory at scale (issue #13): a synthetic corpus of generated documents, cleaned without and with it.

    python bench/memory_scale.py                              # 1,000,000 documents from 2,000 sites
    python bench/memory_scale.py --docs 20000 --sites 200     # a quick run
    python bench/memory_scale.py --lines sentences            # article lines nearly all unique, as in a crawl
    python bench/memory_scale.py --lines sentences --gold     # ... and made of people-chosen article text only
    python bench/memory_scale.py --exact-limit 100000 --sketch-mb 16   # reach the sketch sooner

Each site has 3-6 template lines of its own (share/follow/subscribe prompts, newsletter sign-ups, related and more-
from headers, comment prompts, sidebar promos, copyright lines, ad labels, made-up promo sentences of the site),
with the site's name in them, at fixed places: after the last paragraph or after paragraph 1 or 2. The article of a
document is 3-10 paragraphs drawn from the real articles of ../shared/corpora (aeb gold bodies, FNC-1 bodies,
FakeNewsCorpus; each distinct line once, less the lines that 3+ of those texts hold, the sources' own chrome).
`--lines paragraphs` (default) uses their paragraphs as they are, so at scale each comes back in many documents;
`--lines sentences` makes each paragraph of 2-4 real sentences drawn from anywhere in one script (that of a source
text drawn at random: a page is written in one; paragraphs of Russian recipe and English news sentences are no
page's; scripts of fewer than 500 sentences are left out, since their paragraphs would come back in many unrelated
documents), so article lines are nearly all unique and the memory's table fills as it would on a real crawl. 5 % of
documents are syndicated copies (the article made for one of the 1,000 documents before, under another site or its
own again). Every document is made from the seed and its number alone, on the fly: the three passes over the corpus
(clean, count, clean with the memory) make the same documents, and none is held. Some wordings carry no site name
("SEE ALL RELATED", "Advertisement"): many sites share them, as they share a CMS.

The gold pool is people-chosen article text, and still holds its sites' own prompts, promos and credits ("Read our
... review.", a contest's "vote for ... at Wday.ru!", "© 2019 Associated Press."). pool_review.tsv lists the 113 of
its 6,239 sentences that a full read of the pool against ../shared/eval/LABELING.md took for no article text (junk,
or credits the guide scores as neither); they stay in the pool, and the figures are also given without the article
lines that hold one of them ("those aside").

Ground truth is per line: template or article. A template line counts as removed when the flags cover all of it;
an article line is lost when the flags touch any of it; "held by 3+ documents" counts the lost article lines the
memory itself could call template (the others went because the template below them went and they were judged as
the page's last line, as on a page without one). Memory off and memory on run on the same documents in the
same process; cleaning uses `--jobs` worker processes (Cleaner.clean_many), the memory is counted in this one
(CorpusMemory.add per document, as clean_many(corpus_memory=True) does for a list). docs/s include making the
documents and scoring them here (the "make only" pass shows that share). The memory's size is its table (the dict,
its keys and any count above 256) plus its sketch, by sys.getsizeof; peak RSS is ru_maxrss of this process and
VmHWM of the largest worker, read as each cleaning run ends. The machine is shared: take speeds as ratios.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import docs
import regex

from spamguard import Cleaner
from spamguard.evidence.memory import (
    EXACT_LIMIT,
    MIN_DOCUMENTS,
    SKETCH_BYTES,
    CorpusMemory,
    line_key,
    reads_as_template,
)
from spamguard.normalize import HAS_LETTER
from spamguard.words import dominant_script

DUPLICATE_SHARE = 0.05  # documents that are syndicated copies of an article of the DUPLICATE_WINDOW before
DUPLICATE_WINDOW = 1000
BATCH = 256
NOT_ARTICLE = "not-article"
REVIEW = Path(__file__).with_name("pool_review.tsv")
MIN_SCRIPT_SENTENCES = 500  # with --lines sentences, the sentences of a script with fewer are left out

# Template kinds: (kind, wordings). {name} is the site's name, {domain} its domain, {n} a number drawn per document.
TEMPLATE_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("share", ("Share this article with your friends on Facebook and Twitter", "Share this: Facebook Twitter Email",
               "Like this story from {name}? Share it!", "Share on Facebook | Share on Twitter | Share via Email")),
    ("follow", ("Follow {name} on Twitter and Facebook for the latest updates.", "Follow us on Instagram @{handle}",
                "Follow {name} on Facebook", "Follow @{handle} for breaking news")),
    ("subscribe", ("Subscribe to {name} on YouTube", "Subscribe to {name} for unlimited access",
                   "Subscribe now and get your first month of {name} for $1")),
    ("newsletter", ("Sign up for the {owner} newsletter and get the day's top stories in your inbox.",
                    "Get {name} Daily Briefing: sign up for our newsletter",
                    "Newsletter: the best of {name}, every morning")),
    ("related", ("Related stories from {name}", "More from {name}:", "Read more at {domain}", "SEE ALL RELATED",
                 "Related Coverage", "You may also like")),
    ("comments", ("Have something to say? Leave a comment below.", "Join the conversation: {n} comments",
                  "Comments ({n})", "Share your thoughts in the comments section below.")),
    ("sidebar", ("Trending on {name}", "Most popular on {domain}", "Download the {owner} app for iPhone and Android",
                 "Watch: the latest videos from {name}", "Photo gallery: the week in pictures")),
    ("copyright", ("© {year} {name}. All rights reserved.", "Copyright {year} {owner} Media Group",
                   "© {year} {owner} Inc. All Rights Reserved. This material may not be published or redistributed.")),
    ("ads", ("Advertisement", "Sponsored content", "Ads by {adnet}", "Promoted stories from our partners")),
    ("promo", ("{name} readers get {n}% off their first order at the {owner} Store this week.",
               "Our reporters spent months on this story; help us keep going with a gift to {name}.",
               "Got a tip for {name}? Our newsroom would love to hear from you.",
               "This story first appeared in the weekend print edition of {name}.",
               "Tickets for the {owner} Summer Festival are on sale now at the box office.")),
)
_SYLLABLES = ("ar", "bel", "cor", "dan", "el", "fen", "gar", "hol", "ith", "jor", "kel", "lor", "mar", "nor", "os",
              "pel", "quin", "ros", "sel", "tor", "ul", "ven", "wes", "yar", "zel")
_KINDS_OF_PAPER = ("Times", "Post", "Herald", "Gazette", "Daily", "Chronicle", "Tribune", "Observer", "Courier",
                   "Ledger", "Journal", "Report", "Wire", "Sentinel", "Dispatch")
_AD_NETWORKS = ("Adblade", "Revcontent", "Taboola", "Outbrain", "Zergnet", "MGID")
_SENTENCE_END = regex.compile(r"(?<=[.!?][\"'”’)]?)\s+(?=[\"“‘(]?\p{Lu})")
# A sentence ends in its closing punctuation; a heading, list item, table row or photo credit does not.
_ENDS_AS_SENTENCE = regex.compile(r"[.!?…。！？][\"'”’»)\]]*$")


@dataclass(frozen=True)
class Site:
    """A site: its template lines (wordings with {n} left to fill) and where each goes (0 = after the last
    paragraph, k = after paragraph k)."""

    name: str
    templates: tuple[tuple[str, str, int], ...]  # (kind, line, place)


def make_site(seed: int, number: int) -> Site:
    """Site `number`'s name and 3-6 template lines of different kinds, each at a fixed place."""
    rng = random.Random(f"site {seed} {number}")
    stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))
    name = f"The {stem.capitalize()} {rng.choice(_KINDS_OF_PAPER)}"
    fill = {"name": name, "domain": f"{stem}{rng.choice(('news', 'daily', 'times', ''))}.com", "handle": stem + "news",
            "year": str(rng.randint(2012, 2024)), "owner": stem.capitalize(), "adnet": rng.choice(_AD_NETWORKS),
            "n": "{n}"}
    kinds = rng.sample(TEMPLATE_KINDS, rng.randint(3, 6))
    templates = tuple((kind, rng.choice(wordings).format(**fill), rng.choice((0, 0, 1, 2))) for kind, wordings in kinds)
    return Site(name, templates)


@dataclass
class Doc:
    """A generated document: its text and, per non-blank line, (start, end, template kind, or "" for article, or
    NOT_ARTICLE for an article line that holds a pool sentence the review read as no article text)."""

    text: str
    lines: list[tuple[int, int, str]]


class Corpus:
    """The synthetic corpus: document i is made from the seed and i alone."""

    def __init__(self, pool: list[tuple[str, str]], n_docs: int, n_sites: int, seed: int, sentences: bool,
                 not_article: frozenset[str] = frozenset()) -> None:
        self.n_docs, self.n_sites, self.seed, self.sentences = n_docs, n_sites, seed, sentences
        self.not_article = not_article  # pool sentences a review of the pool read as no article text
        self.left_out: dict[str, int] = {}
        self.by_script: dict[str, list[str]] = {}
        for script, text in pool:
            self.by_script.setdefault(script, []).append(text)
        if sentences:  # a script of few sentences would bring its paragraphs back in many unrelated documents
            small = [script for script, texts in self.by_script.items() if len(texts) < MIN_SCRIPT_SENTENCES]
            pool = [(script, text) for script, text in pool if script not in small]
            self.left_out = {script: len(self.by_script.pop(script)) for script in small}
        self.pool = [text for _, text in pool]
        self.scripts = [script for script, _ in pool]
        self.sites = [make_site(seed, s) for s in range(n_sites)]

    def _article(self, i: int) -> tuple[list[tuple[str, bool]], int]:
        """Document i's own article paragraphs (each with whether it holds a sentence of `not_article`) and site."""
        rng = random.Random((self.seed << 34) + 2 * i + 1)
        if self.sentences:  # in the script of a source text drawn at random: a page is written in one
            pool = self.by_script[self.scripts[rng.randrange(len(self.scripts))]]
            drawn = [[rng.choice(pool) for _ in range(rng.randint(2, 4))] for _ in range(rng.randint(3, 10))]
        else:
            drawn = [[rng.choice(self.pool)] for _ in range(rng.randint(3, 10))]
        paragraphs = [(" ".join(sentences), any(s in self.not_article for s in sentences)) for sentences in drawn]
        return paragraphs, rng.randrange(self.n_sites)

    def document(self, i: int) -> Doc:
        rng = random.Random((self.seed << 34) + 2 * i)
        paragraphs, site = self._article(i)
        if i and rng.random() < DUPLICATE_SHARE:
            j = i - rng.randint(1, min(i, DUPLICATE_WINDOW))
            paragraphs, site = self._article(j)
            if rng.random() < 0.5:
                site = rng.randrange(self.n_sites)
        lines: list[tuple[str, str]] = []
        templates = self.sites[site].templates
        for k, (paragraph, not_article) in enumerate(paragraphs, 1):
            lines.append((paragraph, NOT_ARTICLE if not_article else ""))
            lines.extend((t.replace("{n}", str(rng.randint(2, 400))), kind) for kind, t, at in templates if at == k)
        lines.extend((t.replace("{n}", str(rng.randint(2, 400))), kind) for kind, t, at in templates if at == 0)
        spans, position = [], 0
        for line, kind in lines:
            spans.append((position, position + len(line), kind))
            position += len(line) + 2
        return Doc("\n\n".join(line for line, _ in lines), spans)

    def __iter__(self) -> Iterator[Doc]:
        return (self.document(i) for i in range(self.n_docs))

    def texts(self) -> Iterator[str]:
        return (self.document(i).text for i in range(self.n_docs))


def article_pool(sentences: bool, gold: bool = False) -> tuple[list[tuple[str, str]], int, int]:
    """The distinct lines (or sentences) of the real articles that hold a letter, less the lines 3+ source texts
    hold, each with the script most of its source text is written in (`words.dominant_script`); how many such
    source lines were left out; and, with `sentences`, how many pieces were left out as no sentence (headings, list
    items, table rows, credits: glued after a sentence, they would make a line no page has, "Every street sign
    became musical. Leverage your income"). `gold`: only the aeb gold bodies, whose text people chose as the
    article (the other sources hold their sites' own chrome, "21k shares", "SEE ALSO: ...", which would count as
    article lines here)."""
    holders: dict[int, set[int]] = {}
    first: dict[int, tuple[str, str]] = {}
    for n, text in enumerate(docs.gold_articles() if gold else docs.real_articles()):
        script = dominant_script(text)
        for line in text.splitlines():
            line = " ".join(line.split())
            if line and HAS_LETTER.search(line):
                key = line_key(line)
                holders.setdefault(key, set()).add(n)
                first.setdefault(key, (script, line))
    dropped = sum(len(h) >= 3 for h in holders.values())
    lines = [entry for key, entry in first.items() if len(holders[key]) < 3]
    if not sentences:
        return lines, dropped, 0
    pieces = {(script, s.strip()) for script, line in lines for s in _SENTENCE_END.split(line)}
    pieces = {(script, s) for script, s in pieces if len(s) >= 20 and HAS_LETTER.search(s)}
    kept = sorted((script, s) for script, s in pieces if _ENDS_AS_SENTENCE.search(s))
    return kept, dropped, len(pieces) - len(kept)


def sentence_key(text: str) -> str:
    """The key of a pool sentence in REVIEW: the first 16 hex digits of its SHA-1 (the file holds no text).

    >>> sentence_key("Read our review.")
    'f5494944365f3aa5'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def reviewed_not_article(pool: list[tuple[str, str]]) -> tuple[frozenset[str], dict[str, int]]:
    """The pool sentences that REVIEW lists (read as the source site's chrome or credit lines, not article text, by
    ../shared/eval/LABELING.md), and how many of them per label."""
    if not REVIEW.is_file():
        return frozenset(), {}
    labels: dict[str, str] = {}
    with open(REVIEW, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                key, label = line.split("\t")[:2]
                labels[key] = label.strip()
    found = {text: label for _, text in pool if (label := labels.get(sentence_key(text)))}
    return frozenset(found), dict(Counter(found.values()))


@dataclass
class Tally:
    """Line counts of one cleaning run."""

    template: int = 0
    template_removed: int = 0
    template_by_memory: int = 0  # removed by a flag that names corpus.repeated
    article: int = 0
    article_lost: int = 0
    article_by_memory: int = 0
    article_by_memory_chrome: int = 0  # of those, lines that read as chrome (the sources' own, labeled article here)
    article_repeated: int = 0  # lost lines that 3+ documents hold: the memory's own call, not the line below it going
    not_article: int = 0  # article lines that hold a pool sentence the review read as no article text (NOT_ARTICLE)
    not_article_lost: int = 0
    seconds: float = 0.0
    worker_peak_kib: int = 0
    lost_examples: dict[str, int] = field(default_factory=dict)
    kinds: dict[str, list[int]] = field(default_factory=dict)  # template kind -> [lines, removed]

    @property
    def reviewed_article(self) -> int:
        """Article lines less those holding a sentence the review read as no article text."""
        return self.article - self.not_article

    @property
    def reviewed_lost(self) -> int:
        return self.article_lost - self.not_article_lost

    def add(self, doc: Doc, flags: list[tuple[int, int, bool]], counted: CorpusMemory | None = None) -> None:
        """Score one document: `flags` are (start, end, names corpus.repeated), in order; `counted`: the memory
        the cleaner judged with."""
        k = 0
        for start, end, kind in doc.lines:
            while k < len(flags) and flags[k][1] <= start:
                k += 1
            covered, memory, j = 0, False, k
            while j < len(flags) and flags[j][0] < end:
                covered += min(end, flags[j][1]) - max(start, flags[j][0])
                memory = memory or flags[j][2]
                j += 1
            if kind == NOT_ARTICLE:
                self.not_article += 1
                self.not_article_lost += covered > 0
                kind = ""  # still an article line in the figures as the pool stands
            if kind:
                self.template += 1
                removed = covered == end - start
                self.template_removed += removed
                self.template_by_memory += removed and memory
                cell = self.kinds.setdefault(kind, [0, 0])
                cell[0] += 1
                cell[1] += removed
            else:
                self.article += 1
                if covered:
                    self.article_lost += 1
                    self.article_by_memory += memory
                    self.article_by_memory_chrome += memory and reads_as_template(doc.text[start:end])
                    self.article_repeated += counted is not None \
                        and counted.count(line_key(doc.text[start:end])) >= MIN_DOCUMENTS
                    line = doc.text[start:end] if memory else ""
                    if memory and (line in self.lost_examples or len(self.lost_examples) < 200):
                        self.lost_examples[line] = self.lost_examples.get(line, 0) + 1


def _descendants_peak_kib() -> int:
    """The largest VmHWM (peak RSS, KiB) among this process's descendants (the forkserver and its workers)."""
    parents: dict[int, int] = {}
    peaks: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("PPid:"):
                        parents[int(entry)] = int(line.split()[1])
                    elif line.startswith("VmHWM:"):
                        peaks[int(entry)] = int(line.split()[1])
        except OSError:
            continue
    me, best = os.getpid(), 0
    for pid in parents:
        up, seen = parents.get(pid), 0
        while up and up != me and seen < 64:
            up, seen = parents.get(up), seen + 1
        if up == me:
            best = max(best, peaks.get(pid, 0))
    return best


def clean_run(cleaner: Cleaner, corpus: Corpus, jobs: int) -> Tally:
    """Clean the corpus with `cleaner` over `jobs` workers and score every line."""
    tally = Tally()
    last = corpus.n_docs - 1
    start = time.perf_counter()
    results = cleaner.clean_many(corpus.texts(), batch_size=BATCH, n_jobs=jobs)
    for i, (doc, result) in enumerate(zip(corpus, results)):
        tally.add(doc, [(f.start, f.end, "corpus.repeated" in f.rules) for f in result.flags], cleaner.memory)
        if i == last:
            tally.worker_peak_kib = _descendants_peak_kib()  # the pool is still up
    tally.seconds = time.perf_counter() - start
    return tally


def memory_size(memory: CorpusMemory) -> int:
    """Bytes of the memory's table (dict, keys, counts above 256: smaller ones are shared ints) and sketch."""
    table = memory.table
    return (sys.getsizeof(table) + sum(map(sys.getsizeof, table))
            + sum(sys.getsizeof(v) for v in table.values() if v > 256) + len(memory.sketch or b""))


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1_000_000, help="documents (default 1,000,000)")
    ap.add_argument("--sites", type=int, default=2_000, help="sites (default 2,000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=0, help="cleaning processes (default os.cpu_count())")
    ap.add_argument("--lines", choices=("paragraphs", "sentences"), default="paragraphs",
                    help="article lines: the corpora's paragraphs, or 2-4 real sentences in one script")
    ap.add_argument("--gold", action="store_true",
                    help="article text from the aeb gold bodies only (people-chosen article text, no site chrome)")
    ap.add_argument("--exact-limit", type=int, default=EXACT_LIMIT, help="the memory's exact table size")
    ap.add_argument("--sketch-mb", type=int, default=SKETCH_BYTES >> 20, help="the memory's sketch, MB")
    ap.add_argument("--examples", type=int, default=10, help="article lines lost to the memory to print")
    args = ap.parse_args(argv)
    if args.docs < 1 or args.sites < 1:
        ap.error("--docs and --sites must be positive")
    docs.require_shared()
    jobs = args.jobs or os.cpu_count() or 1
    began = time.perf_counter()
    pool, dropped, no_sentence = article_pool(args.lines == "sentences", args.gold)
    not_article, review_counts = reviewed_not_article(pool)
    corpus = Corpus(pool, args.docs, args.sites, args.seed, args.lines == "sentences", not_article)
    print(f"{args.docs:,} docs from {args.sites:,} sites (seed {args.seed}), article {args.lines}: a pool of "
          f"{len(pool):,} distinct real {args.lines} ({dropped:,} source lines held by 3+ source texts left out); "
          f"{jobs} cleaning processes; python {sys.version.split()[0]}; {Path(__file__).name}")
    if no_sentence:
        print(f"left out: {no_sentence:,} pieces that do not end as a sentence (headings, list items, table rows)")
    if not_article:
        print(f"reviewed: {len(not_article):,} pool sentences read as no article text by {REVIEW.name} "
              f"({', '.join(f'{label} {n}' for label, n in sorted(review_counts.items()))}); they stay in the pool, "
              f"and the figures are given with and without the article lines that hold them")
    if corpus.left_out:
        print(f"left out: the sentences of scripts with fewer than {MIN_SCRIPT_SENTENCES} "
              f"({', '.join(f'{script} {n}' for script, n in corpus.left_out.items())})")

    start = time.perf_counter()
    made = sum(len(text) for text in corpus.texts())
    make_seconds = time.perf_counter() - start
    print(f"make only: {make_seconds:.1f} s ({args.docs / make_seconds:,.0f} docs/s), "
          f"mean {made / args.docs:,.0f} chars per doc")

    off = clean_run(Cleaner(), corpus, jobs)
    rss_off = _peak_rss_mb()
    memory = CorpusMemory(args.exact_limit, args.sketch_mb << 20)
    start = time.perf_counter()
    for text in corpus.texts():
        memory.add(text)
    count_seconds = time.perf_counter() - start
    rss_counted = _peak_rss_mb()
    on = clean_run(Cleaner(memory=memory), corpus, jobs)
    rss_on = _peak_rss_mb()

    reuse = on.article * (3 if args.lines == "sentences" else 1) / len(corpus.pool)  # 2-4 sentences a paragraph
    print(f"{on.template:,} template lines, {on.article:,} article lines (each pool {args.lines[:-1]} in "
          f"~{reuse:,.1f} of them)")
    print(f"\n{'':<34}{'memory off':>22}{'memory on':>22}")
    print("-" * 78)
    for label, value in (
            ("template-line recall", lambda t: f"{t.template_removed / max(t.template, 1):.4f}"),
            ("template lines removed", lambda t: f"{t.template_removed:,}/{t.template:,}"),
            ("  in a flag naming corpus.repeated", lambda t: f"{t.template_by_memory:,}"),
            ("article lines lost", lambda t: f"{t.article_lost:,}/{t.article:,}"),
            ("article lines lost %", lambda t: f"{100 * t.article_lost / max(t.article, 1):.4f}"),
            ("  in a flag naming corpus.repeated", lambda t: f"{t.article_by_memory:,}"),
            ("    of them reading as chrome", lambda t: f"{t.article_by_memory_chrome:,}"),
            ("  held by 3+ documents", lambda t: f"{t.article_repeated:,}" if t is on else "-"),
            ("  holding a reviewed sentence", lambda t: f"{t.not_article_lost:,}/{t.not_article:,}"),
            ("article lines lost, those aside", lambda t: f"{t.reviewed_lost:,}/{t.reviewed_article:,}"),
            ("article lines lost %, those aside",
             lambda t: f"{100 * t.reviewed_lost / max(t.reviewed_article, 1):.4f}"),
            ("clean seconds", lambda t: f"{t.seconds:.1f}"),
            ("docs/s", lambda t: f"{args.docs / t.seconds:,.0f}"),
            ("largest worker peak RSS MB", lambda t: f"{t.worker_peak_kib / 1024:,.0f}")):
        print(f"{label:<34}{value(off):>22}{value(on):>22}")
    print(f"{'memory on / off docs/s':<34}{'':>22}{off.seconds / on.seconds:>21.2f}x")
    print("template-line recall per kind:")
    for kind, _ in TEMPLATE_KINDS:
        lines, removed_off = off.kinds.get(kind, [0, 0])
        removed_on = on.kinds.get(kind, [0, 0])[1]
        print(f"  {kind:<32}{f'{removed_off / max(lines, 1):.3f}':>22}{f'{removed_on / max(lines, 1):.3f}':>22}"
              f"  of {lines:,}")

    print(f"\nmemory: {memory.documents:,} documents; {len(memory.table):,} fingerprints in the exact table "
          f"(limit {memory.exact_limit:,}); {'exact' if memory.exact else 'sketched'}: {memory.sketched:,} "
          f"additions to a sketch of {len(memory.sketch or b''):,} bytes; error bound {memory.error_bound():.3g}")
    print(f"memory size: {memory_size(memory) / 2**20:,.1f} MB (table + sketch)")
    print(f"this process's peak RSS: {rss_off:,.0f} MB after cleaning without memory, {rss_counted:,.0f} MB after "
          f"counting, {rss_on:,.0f} MB after cleaning with it")
    print(f"counting: {count_seconds:.1f} s ({args.docs / count_seconds:,.0f} docs/s, making the documents "
          f"included); count / clean-with-memory time: {count_seconds / on.seconds:.2f} "
          f"(less the making: {(count_seconds - make_seconds) / on.seconds:.2f})")
    if on.lost_examples and args.examples:
        print(f"\narticle lines lost to corpus.repeated (the {args.examples} most lost of the first 200 distinct):")
        for line, n in sorted(on.lost_examples.items(), key=lambda item: -item[1])[:args.examples]:
            print(f"  {n:>4}  {line[:110]!r}")
    print(f"\nwhole run: {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
