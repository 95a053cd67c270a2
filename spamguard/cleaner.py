"""The public entry points: `clean(text)` and a reusable, validated `Cleaner`.

Only the last step makes new text, and it makes it from the flags alone: `apply(original, flags)` removes
the flagged spans and keeps every other character as it was, so a report can always be replayed.
"""
from __future__ import annotations

import copy
import heapq
import itertools
import os
import signal
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import islice

import regex

from .config import RULES_ONLY_THRESHOLD, Settings
from .evidence import document
from .evidence.memory import MIN_DOCUMENTS, REPEATED, CorpusMemory, line_key, load_memory, template_lines
from .judge import Judge, Scored
from .matcher import Matcher, default_matcher
from .model import Model, cached_model
from .normalize import HAS_LETTER, LINE_BREAKS, NOT_WHITE_SPACE
from .records import not_text, text_of
from .rules import Hit
from .segment import Lines, split_lines
from .spans import (
    OffsetsBack,
    apply,
    combined,
    flag_order,
    flags_of,
    kept_pieces,
    line_removals,
    make_flag,
    merge,
)
from .types import Flag, Flags, Report, Result, Verdict
from .units import nonblank_lines
from .windows import Window, end_of_kept_text, windows

CONTEXT_SHARE = 10  # removing a tenth of a text or more changes the context its kept lines were judged in


class Allowlist:
    """Lines that are never flagged: exact lines (compared stripped) and `re:` regexes (searched)."""

    def __init__(self, entries: Iterable[str] = ()) -> None:
        self.entries = tuple(entries)
        self.exact = set()
        patterns = []
        for entry in self.entries:
            if not isinstance(entry, str):
                raise TypeError(f"allowlist entries must be str, got {type(entry).__name__}")
            if entry.startswith("re:"):
                try:
                    patterns.append(regex.compile(entry[3:]))
                except regex.error as exc:
                    raise ValueError(f"allowlist regex {entry[3:]!r} does not compile: {exc}") from None
            elif entry.strip():
                self.exact.add(entry.strip())
        self.patterns = tuple(patterns)

    def __call__(self, line: str) -> bool:
        if not self.entries:
            return False  # the usual case: no copy of a line that may be megabytes long
        return line.strip() in self.exact or any(p.search(line, timeout=1.0) for p in self.patterns)


def find_flags(text: str, matcher: Matcher, model: Model | None, settings: Settings,
               allowed: Callable[[str], bool], memory: CorpusMemory | None = None) -> Flags:
    """The flags for one document: units -> evidence -> judge -> spans.

    A document longer than 1.5 x `settings.window_chars` is judged a window at a time (`windows`), from the last:
    what judging keeps per line is bounded by the window, and when the trailer takes every line of a window, the
    walk goes on in the window above. Flags that touch across a window's edge become one.
    """
    parts = windows(text, settings.window_chars)
    if len(parts) == 1:
        return _window_flags(text, parts[0], matcher, model, settings, allowed, memory)
    # Windows are read from the last, and their flags gathered from the document's end into one table (reversed at
    # the end): no second copy of a table that may hold a flag for every other line of a 200 MB file.
    gathered = Flags()
    continues = False  # the trailer took every line of the windows below
    for window in reversed(parts):
        window = window.continuing() if continues else window
        piece = text[window.start:window.end]
        flags = _window_flags(piece, window, matcher, model, settings, allowed, memory)
        kept_end = end_of_kept_text(piece, list(flags.spans()))
        if continues and kept_end < len(piece) and gathered and gathered[-1].start == window.end:
            flags = _with_blank_end(piece, flags, kept_end, gathered[-1], settings)
        continues = window.trailer and kept_end == 0
        for i in range(len(flags) - 1, -1, -1):
            flag = _in_document(flags[i], window)
            if gathered and flag.end >= gathered[-1].start:  # touching the first flag of the window below
                flag = combined(text, [flag, gathered.pop()], settings)
            gathered.append(flag)
    gathered.reverse()
    return gathered


def _with_blank_end(text: str, flags: Flags, kept_end: int, below: Flag, settings: Settings) -> Flags:
    """A window's flags and the blank text after its last kept character, which goes with the trailer that starts
    the window below (`below`), as the blank lines before a trailer go with it in a whole document."""
    blank = make_flag(text, split_lines(text).starts, kept_end, len(text), below.category, below.rules, below.score,
                      below.model_score, settings, below.repeats)
    return merge(text, heapq.merge(flags, [blank], key=flag_order), settings)


def _in_document(flag: Flag, window: Window) -> Flag:
    """A window's flag with offsets, line and column in the whole document."""
    return replace(flag, start=flag.start + window.start, end=flag.end + window.start,
                   line=flag.line + window.lines_before,
                   column=flag.column + (window.column if flag.line == 1 else 0))


def _window_flags(text: str, window: Window, matcher: Matcher, model: Model | None, settings: Settings,
                  allowed: Callable[[str], bool], memory: CorpusMemory | None) -> Flags:
    """The flags of one window (`text`), in its own offsets.

    With a corpus memory, the lines at the page's end that it alone calls the site's template
    (`evidence.memory.template_lines`) go first, and the page is judged without them, as a page of a site with no
    template would be: the line above them is judged as the last line it is, in one judging. Template lines within
    the text are judged with the rest (a related-links header is evidence for the titles under it)."""
    if memory is None or not window.trailer:
        return _judged_flags(text, window, matcher, model, settings, allowed, memory)
    lines = split_lines(text)
    template = _template_tail_flags(text, lines, window, settings, allowed, memory)
    if not template:
        return _judged_flags(text, window, matcher, model, settings, allowed, memory)
    more = _judged_flags(apply(text, template), window, matcher, model, settings, allowed, memory)
    return _with_flags_of_cleaned(text, lines.starts, template, more, settings)


def _template_tail_flags(text: str, lines: Lines, window: Window, settings: Settings, allowed: Callable[[str], bool],
                         memory: CorpusMemory) -> Flags:
    """The flags of the lines at the end of `text` that the memory alone calls the site's template (the last
    lines, up to the first line that is not), as the judge would flag them."""
    nonblank = nonblank_lines(text, lines)
    starts, ends = lines.starts, lines.ends
    if not nonblank or memory.count(line_key(text[starts[nonblank[-1]]:ends[nonblank[-1]]])) < MIN_DOCUMENTS:
        return Flags()  # the last line is no template line: no tail (most pages; one line's fingerprint tells)
    found = template_lines(text, lines, nonblank, memory)
    pos = len(nonblank)
    while pos and nonblank[pos - 1] in found and not allowed(text[starts[nonblank[pos - 1]]:ends[nonblank[pos - 1]]]):
        pos -= 1
    return merge(text, (make_flag(text, starts, s.start, s.end, REPEATED.category, (REPEATED.id,), s.score, None,
                                  settings, found[bisect_right(starts, s.hits[0].start) - 1])
                        for s in line_removals(lines, nonblank, _TemplateTail(lines, nonblank, pos), window)),
                 settings)


class _TemplateTail(Mapping[int, Scored]):
    """The lines of a page's template tail, the non-blank lines from the `pos`-th on, each made a Scored only
    when asked for: a tail of a million lines makes no million objects."""

    def __init__(self, lines: Lines, nonblank: Sequence[int], pos: int) -> None:
        self.lines, self.nonblank, self.pos = lines, nonblank, pos
        self.first = nonblank[pos] if pos < len(nonblank) else len(lines.starts)

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and index >= self.first

    def __getitem__(self, index: int) -> Scored:
        if index not in self:
            raise KeyError(index)
        start, end = self.lines.starts[index], self.lines.ends[index]
        return Scored(start, end, REPEATED.weight, None, (Hit(REPEATED, start, end),))

    def __iter__(self) -> Iterator[int]:
        return iter(self.nonblank[self.pos:])

    def __len__(self) -> int:
        return len(self.nonblank) - self.pos


def _with_flags_of_cleaned(text: str, line_starts: Sequence[int], flags: Flags, more: Iterable[Flag],
                           settings: Settings) -> Flags:
    """`flags` of `text` and `more`, flags of the text `flags` leave (`apply`), mapped back onto `text`."""
    back = OffsetsBack(kept_pieces(len(text), flags))
    remapped = [make_flag(text, line_starts, back.start(f.start), back.end(f.end), f.category, f.rules, f.score,
                          f.model_score, settings, f.repeats) for f in more]
    return merge(text, sorted([*flags, *remapped], key=flag_order), settings)


def _judged_flags(text: str, window: Window, matcher: Matcher, model: Model | None, settings: Settings,
                  allowed: Callable[[str], bool], memory: CorpusMemory | None) -> Flags:
    """The flags the judge finds in `text` (one window), in its own offsets.

    Removing junk can bring two pieces together that read as junk in turn ("0n A(function..." loses its
    script, then "0n" is a lone button label), so the cleaned text is judged again until nothing more goes
    (at most `settings.max_passes` passes): cleaning twice must change nothing.
    """
    flags, may_change = _one_pass(text, window, matcher, model, settings, allowed, memory)
    line_starts: Sequence[int] | None = None
    for _ in range(settings.max_passes - 1):
        # Only a cut inside a line, or a new last line (the trailer went, or all that follows the last cut is
        # lines with no letter, which the trailer walk passes through), brings something new to judge; so does
        # any removed line below a line within the text that was judged and kept (its position changes) or when a corpus
        # memory could count more lines repeated (`memory`); so does removing a tenth of the text or more in whole
        # lines (CONTEXT_SHARE), since a kept line's score weighs the body around it.
        if not flags or (not may_change and HAS_LETTER.search(text, flags[-1].end) is not None
                         and all(_whole_lines(text, start, end) for start, end in flags.spans())
                         and CONTEXT_SHARE * sum(end - start for start, end in flags.spans()) < len(text)):
            break
        line_starts = line_starts or split_lines(text).starts
        cleaned = apply(text, flags)
        more, may_change = _one_pass(cleaned, window, matcher, model, settings, allowed, memory)
        if not more:
            break
        flags = _with_flags_of_cleaned(text, line_starts, flags, more, settings)
    return flags


def _whole_lines(text: str, start: int, end: int) -> bool:
    """[start, end) begins at the start of a line and ends at the end of one (its line break or the text's end).

    >>> _whole_lines("ab\\ncd\\nef", 3, 6), _whole_lines("ab\\ncd", 1, 5)
    (True, False)
    """
    return (start == 0 or text[start - 1] in LINE_BREAKS or text[start] in LINE_BREAKS) \
        and (end == len(text) or text[end - 1] in LINE_BREAKS or text[end] in LINE_BREAKS)


def _one_pass(text: str, window: Window, matcher: Matcher, model: Model | None, settings: Settings,
              allowed: Callable[[str], bool], memory: CorpusMemory | None) -> tuple[Flags, bool]:
    """The flags of one judging of `text`, and whether removing lines may change what another judging finds (a
    line within the text was judged and kept above a cut, or its corpus memory could count more lines repeated)."""
    doc = document(text, matcher, window, memory)
    judge = Judge(doc, model, settings, allowed)
    whole, partial = judge.find()
    flags = flags_of(doc, whole, partial, settings)
    kept_above_a_cut = judge.first_kept_within is not None and bool(flags) and flags[-1].start > judge.first_kept_within
    return flags, doc.repeats_may_change or kept_above_a_cut


WARM_UP = 5000  # documents a one-pass corpus memory counts before it cleans the first


class Cleaner:
    """A configured cleaner. Options are checked (and the model loaded) when it is built, not on first use.

    model: a model directory made by `spamguard train`, or a loaded `Model` (None = the shipped default model).
    threshold: the junk score at which a unit is removed (None = the model card's, chosen on held-out data).
    allow: allowlist entries: exact lines, or regexes prefixed with "re:".
    use_model: False scores with rules and context alone.
    memory: a corpus memory (`CorpusMemory`, or the path of one saved by `spamguard memory build`): lines that
        many other documents of the corpus hold are judged as the site's template (`evidence.memory`).
    """

    def __init__(self, model: str | os.PathLike | Model | None = None, threshold: float | None = None,
                 allow: Sequence[str] = (), use_model: bool = True,
                 memory: CorpusMemory | str | os.PathLike | None = None) -> None:
        if threshold is not None and not (isinstance(threshold, (int, float)) and 0.0 <= threshold <= 1.0):
            raise ValueError(f"threshold must be a number from 0 to 1, got {threshold!r}")
        if isinstance(allow, str):
            raise TypeError("allow takes a sequence of entries, not one string: use allow=[entry]")
        if model is not None and not isinstance(model, (str, os.PathLike, Model)):
            raise TypeError(f"model takes a model directory or a loaded Model, got {type(model).__name__}")
        self.model_dir = None if model is None or isinstance(model, Model) else os.fspath(model)
        self._given_model = isinstance(model, Model)  # workers get the loaded model itself, not a directory
        self.use_model = bool(use_model)
        self.allowlist = Allowlist(allow)
        self.model: Model | None = None
        if self.use_model:
            self.model = model if isinstance(model, Model) else cached_model(self.model_dir)
        default = self.model.threshold if self.model is not None else RULES_ONLY_THRESHOLD
        self.threshold = float(default if threshold is None else threshold)
        self.settings = Settings(threshold=self.threshold)
        self.matcher = default_matcher()
        if memory is not None and not isinstance(memory, (CorpusMemory, str, os.PathLike)):
            raise TypeError(f"memory takes a CorpusMemory or the path of a saved one, got {type(memory).__name__}")
        self.memory = load_memory(memory) if isinstance(memory, (str, os.PathLike)) else memory

    def clean(self, text: str) -> Result:
        """Remove the junk from one document."""
        if not isinstance(text, str):
            raise not_text(text)
        flags = find_flags(text, self.matcher, self.model, self.settings, self.allowlist, self.memory)
        return Result(apply(text, flags), flags, verdict_of(text, flags), self._memory_documents())

    def check(self, text: str) -> Report:
        """What `clean` would remove from one document, without making the cleaned text (a check of a big file
        holds only the file and its flags)."""
        if not isinstance(text, str):
            raise not_text(text)
        flags = find_flags(text, self.matcher, self.model, self.settings, self.allowlist, self.memory)
        return Report(flags, verdict_of(text, flags), self._memory_documents())

    def _memory_documents(self) -> int | None:
        return None if self.memory is None else self.memory.documents

    def clean_many(self, texts: Iterable[str | Mapping], batch_size: int = 256, n_jobs: int = 1,
                   field: str = "text", corpus_memory: bool = False, warm_up: int = WARM_UP) -> Iterator[Result]:
        """Clean a stream of documents, yielding results in order with memory bounded by one batch per worker.

        texts: strings, or records (mappings such as parsed JSON Lines) whose `field` holds the text.
        n_jobs > 1 spreads batches of `batch_size` documents over worker processes, each loading the model once
        (in one process documents are cleaned one by one: a unit is scored in microseconds, and batching
        scores across documents would save nothing there).
        corpus_memory: True judges the documents with a corpus memory of them (`evidence.memory`: a site's
        template lines are known by their repetition). A re-iterable input (a list, a tuple) is read twice: every
        document is counted, then each is cleaned. A one-shot iterator (a generator, an open file) is read once:
        the first `warm_up` documents are counted before any is cleaned, and in one process each later document
        is counted before it is cleaned (with n_jobs > 1 the memory stays that of the first `warm_up`). Each
        result's `memory_documents` says how many documents the memory held.
        """
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
        if not isinstance(n_jobs, int) or n_jobs == 0 or n_jobs < -1:
            raise ValueError(f"n_jobs must be a positive integer or -1 (all cores), got {n_jobs!r}")
        if not isinstance(warm_up, int) or warm_up < 0:
            raise ValueError(f"warm_up must be a non-negative integer, got {warm_up!r}")
        if isinstance(texts, (str, Mapping)):
            raise TypeError("clean_many takes an iterable of documents; for one document use clean()")
        if corpus_memory and self.memory is not None:
            raise ValueError("this cleaner has a corpus memory already: give it the documents without "
                             "corpus_memory=True, or build the cleaner without memory=")
        def documents() -> Iterator[str]:  # a new pass over `texts` each call
            return (text_of(item, field, index) for index, item in enumerate(texts))

        workers = (os.cpu_count() or 1) if n_jobs == -1 else n_jobs
        if not corpus_memory:
            return self._clean_stream(documents(), batch_size, workers)
        cleaner = copy.copy(self)
        cleaner.memory = memory = CorpusMemory()
        if iter(texts) is texts:  # a one-shot iterator: one pass
            return cleaner._clean_warmed_up(documents(), batch_size, workers, warm_up)
        for text in documents():
            memory.add(text)
        return cleaner._clean_stream(documents(), batch_size, workers)

    def _clean_stream(self, documents: Iterator[str], batch_size: int, workers: int) -> Iterator[Result]:
        if workers == 1:
            return (self.clean(text) for text in documents)
        return self._clean_parallel(documents, batch_size, workers)

    def _clean_warmed_up(self, documents: Iterator[str], batch_size: int, workers: int,
                         warm_up: int) -> Iterator[Result]:
        """One pass with a growing memory: the first `warm_up` documents are counted, then cleaned; each later one
        is counted, then cleaned (in one process; workers keep the memory of the first `warm_up`)."""
        memory = self.memory
        assert memory is not None
        first = list(islice(documents, warm_up))
        for text in first:
            memory.add(text)
        if workers > 1:
            yield from self._clean_stream(itertools.chain(first, documents), batch_size, workers)
            return
        yield from map(self.clean, first)
        del first
        for text in documents:
            memory.add(text)
            yield self.clean(text)

    def _config(self) -> tuple:
        model = self.model if self._given_model else self.model_dir
        return model, self.threshold, self.allowlist.entries, self.use_model, self.memory

    def _clean_parallel(self, texts: Iterator[str], batch_size: int, workers: int) -> Iterator[Result]:
        import multiprocessing

        context = multiprocessing.get_context("spawn" if os.name == "nt" else "forkserver")
        with context.Pool(workers, initializer=_init_worker, initargs=(self._config(),)) as pool:
            # At most two batches per worker are in flight: every worker stays busy while the oldest batch
            # is awaited (results come out in order), and memory stays bounded however long the stream is.
            pending: deque = deque()
            while True:
                while len(pending) < 2 * workers and (batch := list(islice(texts, batch_size))):
                    pending.append(pool.apply_async(_clean_batch, (batch,)))
                if not pending:
                    return
                yield from pending.popleft().get()


_worker_cleaner: Cleaner | None = None  # each worker process's own cleaner, built once by _init_worker


def _init_worker(config: tuple) -> None:
    global _worker_cleaner
    # Ctrl-C goes to the whole process group: the parent stops the pool and reports it once; a worker that took
    # the signal too would print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    model_dir, threshold, allow, use_model, memory = config
    _worker_cleaner = Cleaner(model_dir, threshold, allow, use_model, memory)


def _clean_batch(texts: list[str]) -> list[Result]:
    cleaner = _worker_cleaner
    if cleaner is None:  # only _init_worker's pool calls this
        raise RuntimeError("_clean_batch runs in a worker started by Cleaner.clean_many")
    return [cleaner.clean(text) for text in texts]


def verdict_of(text: str, flags: Flags) -> Verdict:
    """"clean" with no flags, "spam" when the flags leave nothing but white space (as `str.strip` sees it),
    else "cleaned"; read from the text in place, without making the cleaned text.

    >>> verdict_of("ab", Flags()), verdict_of("ab", Flags([Flag(0, 2, 1, 1, "other", (), 1.0, "ab")]))
    ('clean', 'spam')
    >>> verdict_of("\u200b ab", Flags([Flag(2, 4, 1, 3, "other", (), 1.0, "ab")]))  # a zero-width space is left
    'cleaned'
    """
    if not flags:
        return "clean"
    position = 0
    for start, end in flags.spans():
        if start > position and NOT_WHITE_SPACE.search(text, position, start):
            return "cleaned"
        position = max(position, end)
    return "cleaned" if NOT_WHITE_SPACE.search(text, position) else "spam"


@lru_cache(maxsize=1)
def default_cleaner() -> Cleaner:
    """The cleaner `spamguard.clean` uses: shipped model, default threshold (built on first call)."""
    return Cleaner()


def clean(text: str) -> Result:
    """Remove the junk from one document with the default cleaner."""
    return default_cleaner().clean(text)
