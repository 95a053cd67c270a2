"""Documents the benchmarks run on: real articles from ../shared/corpora and the labeled dev docs of ../shared/eval.

The eval helpers (make_docs.py, score.py) are imported by path from ../shared/eval, never copied, so the
benchmarks score exactly the way the shared scorer does.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import html.parser
import importlib.util
import itertools
import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import regex

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SPAMGUARD_SHARED", REPO.parent / "shared"))
CORPORA = SHARED / "corpora"
EVAL = SHARED / "eval"

csv.field_size_limit(sys.maxsize)


def require_shared() -> None:
    """Exit with a clear message when the shared data folder is missing."""
    if not CORPORA.is_dir() or not EVAL.is_dir():
        sys.exit(f"benchmark data not found: {SHARED} (set SPAMGUARD_SHARED to the shared folder)")


def _import_by_path(name: str, path: Path) -> ModuleType:
    """Import a module from a file path (cached in sys.modules under `name`)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def score_module() -> ModuleType:
    """The shared line-level scorer, ../shared/eval/score.py."""
    return _import_by_path("spamguard_eval_score", EVAL / "score.py")


def score_doc(doc: dict, cleaned: str) -> dict:
    """Score one cleaned text against its labels with the shared scorer's `score_doc`."""
    return score_module().score_doc(doc, cleaned)


def dev_docs() -> list[dict]:
    """The labeled dev documents, rebuilt by ../shared/eval/make_docs.py: label dicts plus "text" and "id"."""
    make_docs = _import_by_path("spamguard_eval_make_docs", EVAL / "make_docs.py")
    labels = EVAL / "dev_labels.jsonl"
    return [dict(lab, text=text, id=f'{lab["corpus"]}/{lab["doc_id"]}')
            for lab, text in make_docs.iter_docs(str(labels))]


MEMORY_CORPORA = ("fakenewscorpus_sample", "fnc1_bodies", "aeb_scrapinghub")


def memory_corpus() -> dict[str, dict[str, str]]:
    """The shared corpora that issue #13 cleans as one corpus (FakeNewsCorpus, FNC-1 bodies, aeb gold bodies), as
    make_docs.py reads them: corpus -> doc_id -> text (the dev documents' ids are among them)."""
    make_docs = _import_by_path("spamguard_eval_make_docs", EVAL / "make_docs.py")
    return {name: make_docs.load_corpus(name) for name in MEMORY_CORPORA}


def _read_csv_column(path: Path, column: str) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [row.get(column) or "" for row in csv.DictReader(fh)]


def gold_articles() -> list[str]:
    """The human-made gold article bodies of the Article Extraction Benchmark (clean text)."""
    with open(CORPORA / "aeb_scrapinghub" / "ground-truth.json", encoding="utf-8") as fh:
        ground_truth = json.load(fh)
    return [v["articleBody"] for v in ground_truth.values() if v.get("articleBody")]


def real_articles() -> list[str]:
    """All non-empty real article texts: aeb gold bodies, FNC-1 bodies, FakeNewsCorpus contents."""
    fnc = CORPORA / "fnc1_bodies"
    texts = (gold_articles()
             + _read_csv_column(fnc / "train_bodies.csv", "articleBody")
             + _read_csv_column(fnc / "competition_test_bodies.csv", "articleBody")
             + _read_csv_column(CORPORA / "fakenewscorpus_sample" / "news_sample.csv", "content"))
    return [t for t in texts if t.strip()]


def repeated(texts: list[str], n: int) -> Iterator[str]:
    """The texts cycled until `n` documents have been yielded (lazily)."""
    return itertools.islice(itertools.cycle(texts), n)


# --- spliced sets: clean gold articles with junk put in by training.synth.inject (exact spans) ------------

REAL_ANCHOR_MODES = ("blank-line", "newline", "glued")


def _generator() -> ModuleType:
    """training.synth, the junk generator: it lives in the repository, not in the installed package."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from training import synth

    return synth


def span_labels(text: str, spans: list[tuple[int, int]]) -> dict:
    """The scorer's line labels for character spans of junk: junk_lines, junk_suffix and junk_prefix."""
    from spamguard.segment import split_lines

    junk_lines, suffix, prefix = [], {}, {}
    for i, (_number, start, content_end, _end) in enumerate(split_lines(text)):
        if start == content_end:
            continue  # blank lines are not scored
        for s, e in spans:
            if s <= start and e >= content_end:
                junk_lines.append(i)
            elif start < s < content_end <= e:
                suffix[str(i)] = s - start
            elif s <= start < e < content_end:
                prefix[str(i)] = e - start
    return {"junk_lines": junk_lines, "junk_suffix": suffix, "junk_prefix": prefix}


def _labeled(text: str, spans: list[tuple[int, int]], info: dict, doc_id: str) -> dict:
    return dict(span_labels(text, spans), text=text, id=doc_id, **{"splice": info["mode"], "family": info["family"]})


def held_out_sets() -> dict[str, list[dict]]:
    """training/build_data.py's sets of held-out articles (sites the model never trained on) with junk on their
    ends ("spliced") and within their text ("injected", issue #11), as the scorer reads them, with each
    document's junk family, language and splice mode. Built into build/data first when they are not there."""
    data = REPO / "build" / "data"
    if not (data / "injected.jsonl").is_file() or not (data / "spliced.jsonl").is_file():
        subprocess.run([sys.executable, str(REPO / "training" / "build_data.py"), "--out", str(data), "--shared",
                        str(SHARED)], check=True, stdout=subprocess.DEVNULL)
    sets = {}
    for name in ("spliced", "injected"):
        with open(data / f"{name}.jsonl", encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
        sets[name] = [dict(span_labels(r["text"], r["junk_spans"]), text=r["text"], id=f"{name}/{i}",
                           splice=r.get("mode", "-"), family=r.get("family", "-"), language=r.get("language", "-"))
                      for i, r in enumerate(records)]
    return sets


def anchor_groups() -> list[list[str]]:
    """Anchor texts of each real hidden-link container in ../shared/corpora/hidden_link_injections, in page order."""
    groups = []
    with open(CORPORA / "hidden_link_injections" / "anchors.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                groups.append([a["text"] for a in json.loads(line)["anchors"]])
    return groups


def real_anchor_docs(seed: int = 0) -> list[dict]:
    """Each gold article with 1-3 adjacent REAL anchors glued together ("porno izlePornotürk porno", as an
    extractor joins adjacent links) after a blank line, after a newline, or glued to the last sentence."""
    inject = _generator().inject
    rng = random.Random(seed)
    groups = anchor_groups()
    out = []
    for i, article in enumerate(gold_articles()):
        group = rng.choice(groups)
        start = rng.randrange(len(group))
        junk = "".join(group[start:start + rng.randint(1, 3)])
        mode = REAL_ANCHOR_MODES[i % len(REAL_ANCHOR_MODES)]
        text, spans, info = inject(article, rng, family="seo-link", mode=mode, junk=junk)
        out.append(_labeled(text, spans, info, f"real-anchors/{i}"))
    return out


def synth_docs(seed: int = 0, per_article: int = 2) -> list[dict]:
    """Each gold article `per_article` times with training.synth's generated junk (all families, languages,
    obfuscations and modes, drawn from one fixed-seed generator)."""
    inject = _generator().inject
    rng = random.Random(seed)
    out = []
    for i, article in enumerate(gold_articles()):
        for k in range(per_article):
            text, spans, info = inject(article, rng)
            out.append(_labeled(text, spans, info, f"synth/{i}.{k}"))
    return out


# The chrome families of issue #12, as a reader names them, by wording in the languages trafilatura_eval's pages
# use (mostly German and English). A string goes to the first family whose words it holds; "other" is the rest
# (navigation, teasers of other stories, legal lines, site names). These words sort strings for the figures, they
# are not spamguard's rules.
CHROME_FAMILIES = (
    ("comments", r"comment|kommentar|comentario|commentaire|commento|reply|antwort|respuesta|répondre|discussion|"
                 r"diskussion|leserbrief|forum"),
    ("share-follow-subscribe", r"share|teilen|compartir|partager|condividi|follow|folgen|folge uns|síguenos|suivez|"
                               r"subscribe|newsletter|abonn|anmelden|suscr|inscri|sign up|registrier|rss|feed|"
                               r"facebook|twitter|instagram|whatsapp|telegram|e-?mail"),
    ("related", r"related|more from|more on|recommended|you may also|you might also|read also|see also|also read|"
                r"mehr zum|mehr aus|mehr zu|mehr von|lesen sie auch|auch interessant|weitere|ähnlich|verwandt|"
                r"meistgelesen|most read|most popular|trending|top stories|popular|relacionad|lea también|lea más|"
                r"lire aussi|à lire|leggi anche|correlat|das könnte|empfehl|beliebt|themen"),
    ("read-more-pager", r"read more|continue|weiterlesen|mehr lesen|leer más|lire la suite|full story|view more|"
                        r"previous|next|nächste|vorherige|zurück|anterior|siguiente|précédent|suivant|seite \d"),
    ("tags-filed-under", r"filed under|tags?\b|posted in|categor|kategorie|schlagw|etiqueta|schlagzeilen"),
    ("player-gallery", r"video|javascript|loading|player|podcast|galerie|gallery|bilderstrecke|foto|photo"),
    ("ads-promos", r"advertis|anzeige|werbung|publicidad|publicité|sponsor|promo|shop|kaufen|deal|angebot|"
                   r"donat|spende|support us|contribution|unterstütz"),
    ("legal", r"copyright|©|\(c\)|rights reserved|rechte|datenschutz|impressum|privacy|cookie|terms|agb|"
              r"nutzungsbedingungen|derechos"),
)
_FAMILY_PATTERNS = tuple((name, regex.compile(words, regex.IGNORECASE)) for name, words in CHROME_FAMILIES)
CHROME_HELDOUT_PERCENT = 20


def chrome_family(text: str) -> str:
    """The chrome family whose words `text` holds first, or "other".

    >>> chrome_family("Schreibe einen Kommentar"), chrome_family("Mehr zum Thema:"), chrome_family("Reisen")
    ('comments', 'related', 'other')
    """
    return next((name for name, pattern in _FAMILY_PATTERNS if pattern.search(text)), "other")


def chrome_part(site: str) -> str:
    """The part of trafilatura_eval a site is in: "held-out" (sha256 of the site, 20 in 100) or "development"."""
    digest = int(hashlib.sha256(site.encode("utf-8")).hexdigest(), 16)
    return "held-out" if digest % 100 < CHROME_HELDOUT_PERCENT else "development"


_BLOCK_TAGS = frozenset(("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
                         "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
                         "nav", "ol", "p", "section", "table", "td", "th", "tr", "ul", "button"))
_HIDDEN_TAGS = frozenset(("script", "style", "noscript", "head", "svg", "template", "iframe", "select", "option"))
_PROSE_END = tuple(".!?\"”»)'")


class _PageLines(html.parser.HTMLParser):
    """The visible text of an HTML page, one line per block element, white space collapsed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._text: list[str] = []
        self._hidden = 0

    def end_line(self) -> None:
        line = " ".join("".join(self._text).split())
        if line:
            self.lines.append(line)
        self._text = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag in _BLOCK_TAGS:
            self.end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.end_line()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._text.append(data)


def page_article(html_text: str, article: list[str], chrome: list[str]) -> list[str]:
    """The paragraphs of a page's article: from the page's first line holding one of the people-chosen article
    strings to its last, the lines that hold one or read as prose (60 characters or more, ending a sentence), but
    none that holds a chrome string. Empty when no article string is found on the page."""
    parser = _PageLines()
    parser.feed(html_text)
    parser.close()
    parser.end_line()
    holds = [i for i, line in enumerate(parser.lines) if any(a in line for a in article)]
    if not holds:
        return []
    region = parser.lines[holds[0]:holds[-1] + 1]
    return [line for line in region
            if (any(a in line for a in article) or len(line) >= 60 and line.endswith(_PROSE_END))
            and not any(c in line for c in chrome)]


def chrome_docs(part: str = "held-out") -> list[dict]:
    """trafilatura_eval's people-chosen page chrome, one document per chrome string: the page's article (its
    paragraphs found in its HTML around the people-chosen article strings, `page_article`; those strings alone
    where the page does not hold them) with the chrome string as a paragraph of its own, after the first paragraph
    (odd strings) or at the end (even ones). Only the pages of `part` ("held-out", "development" or "all"), split
    by site."""
    with open(CORPORA / "trafilatura_eval" / "evaldata.json", encoding="utf-8") as fh:
        pages = json.load(fh)
    out = []
    for key, page in sorted(pages.items()):
        site = page.get("site") or key
        chosen = [" ".join(s.split()) for s in page.get("with") or [] if s.strip()]  # one line each
        chrome_strings = [" ".join(s.split()) for s in page.get("without") or [] if s.strip()]
        if not chosen or part not in ("all", chrome_part(site)):
            continue
        html_path = CORPORA / "trafilatura_eval" / "html" / f"{page.get('file')}.gz"
        html_text = gzip.decompress(html_path.read_bytes()).decode("utf-8", "replace") if html_path.is_file() else ""
        article = page_article(html_text, chosen, chrome_strings) or chosen
        for k, chrome in enumerate(chrome_strings):
            at = 1 if k % 2 else len(article)
            text = "\n\n".join(article[:at] + [chrome] + article[at:])
            out.append({"text": text, "id": f"chrome/{site}/{k}", "junk_lines": [2 * at], "junk_suffix": {},
                        "junk_prefix": {}, "family": chrome_family(chrome),
                        "splice": "end" if at == len(article) else "middle"})
    return out
