"""Rule hits and scores become flags: which spans of a document are junk.

A reader finds junk in three places, and so does this module:

1. The trailer: walking up from the last line, every line that scores as junk joins the trailer; the first
   line that reads as article ends the walk, except that the walk looks past one short doubtful line when
   the line above it is named junk. The blank lines that separated the trailer go with it.
2. The tail of the last article line: junk glued onto the last sentence ("...in the system.porno izle") is
   cut off at the seam where it begins, if the tail scores as junk. Seams are sentence ends, case changes,
   rule-hit edges, and where glued junk shows: a change of script, a bracket glued to a word, capitals
   glued to lower case.
3. Anywhere else: a line a high-precision line rule matches ("Advertisement", "Continue reading the main
   story"), a span a span rule matches ("Continued below..."), or a line of spam phrases scoring as junk.

Only line and span rules act on their own; spam phrases are evidence that the score weighs with the context
(a news story about a casino lawsuit shares the words but not the shape or the position of the junk).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Callable

import regex

from .features import DocContext, Unit, doc_context, unit_features
from .model import Model
from .normalize import BLANK, view as matching_view
from .rules import Hit, Matcher, dodge_hits
from .segment import Line, Segment, glued_junk_seams, split_lines, split_segments
from .types import Flag

RULES_ONLY_THRESHOLD = 0.5
MAX_PASSES = 3
MAX_DOUBTFUL = 2  # doubtful lines in a row the trailer walk looks past
GLUED_TAIL_WORDS = 3
MIN_HEAD_CHARS = 2  # a cut leaves at least this much of the line before it
RULE_ACTS = 0.5  # a line or span rule of at least this weight removes what it matches, whatever the threshold
SHORT_LINE_WORDS = 12
# Outside the trailer a line has no position to speak for it, so the model must be surer there.
MIDDLE_THRESHOLD = 0.95
NEIGHBOUR_THRESHOLD = 0.5  # a short line scoring this (or the threshold, if lower) is doubtful: the walk looks past it
NEAR_END = 0.4  # the lines_after feature: at most 2 non-blank lines after the unit
EXCERPT_CHARS = 80
# Words that open a call to action. Glued spam often starts with one ("Getty Get cheap jerseys ..."), one word
# before the phrase that names it; a junk tail found just after such a word takes the word with it.
CALL_TO_ACTION = frozenset(("get", "buy", "order", "visit", "click", "download", "shop", "txt", "claim", "earn",
                            "join"))
_ALNUM = regex.compile(r"[\p{L}\p{N}]")
_NO_SPACE_LETTER = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
# Where script glued onto article text begins, which the lower-cased matching view cannot show: after a full stop
# glued to a capital ("a half.|OO.ready("), after digits glued to a capital ("1500|OO.ready(") and at a browser
# global after a full stop ("said.|window.fbAsyncInit"); "window.FB.init(" is script from its first letter.
_SCRIPT_START = regex.compile(r"(?<=\p{Ll}{2}\.)(?<!\b(?:window|document|this|self)\.)(?=\p{Lu})|(?<=\d)(?=\p{Lu})"
                              r"|(?<=\p{L}\.)(?=(?:window|document)\.)")
_IDENTIFIER_CHAIN = regex.compile(r"\s*+[\w$.]*+")


@dataclass(frozen=True)
class Scored:
    """A unit judged junk, with what the flag will report."""

    start: int
    end: int
    score: float
    model_score: float | None
    hits: tuple[Hit, ...]
    is_junk: bool = True


def rules_only_score(features) -> float:
    """The score from rule evidence and context alone (used without a model, and as the rules' floor).

    Phrase evidence counts by how much of the unit it covers; a short, unpunctuated line with a spam phrase
    near the end of a document reads as an anchor, not a sentence, and counts as junk.
    """
    coverage, term_weight, line_rule = features.numeric[15:18]
    term = coverage * term_weight
    if features.sentence_like:
        term *= coverage  # a sentence needs to be nearly all spam phrases to be a spam line
    elif term_weight and features.words <= SHORT_LINE_WORDS and features.numeric[11] <= NEAR_END:
        term = max(term, term_weight * 0.65)
    return max(line_rule, term)


class DocumentJudge:
    """Scores the units of one document and collects the spans to remove."""

    def __init__(self, text: str, matcher: Matcher, model: Model | None, threshold: float,
                 allowed: Callable[[str], bool]) -> None:
        self.text = text
        self.model = model
        self.threshold = threshold
        self.allowed = allowed
        self.view = matching_view(text)
        self.lines = split_lines(text)
        hits = [_script_start(text, h) if h.rule.category == "markup" and h.rule.scope == "span" else h
                for h in matcher.find(text, self.view)]
        dodges = dodge_hits(text)
        self.hits = sorted(hits + dodges, key=lambda h: (h.start, -h.end)) if dodges else hits
        self.line_starts = [ln.start for ln in self.lines]
        # Empty lines (half of all) are skipped before slicing: the strip is the costly part.
        self.nonblank = [i for i, ln in enumerate(self.lines)
                         if ln.end > ln.start and text[ln.start:ln.end].strip(BLANK)]

    @cached_property
    def context(self) -> DocContext:
        """The document context, built only when a unit needs features (most documents need few)."""
        return doc_context(self.view, [ln.end - ln.start for ln in self.lines])

    @cached_property
    def hits_by_line(self) -> dict[int, list[Hit]]:
        """Each line's hits, by line index (a hit belongs to every line it touches)."""
        starts = [ln.start for ln in self.lines]
        by_line: dict[int, list[Hit]] = {}
        for hit in self.hits:
            first = max(bisect_right(starts, hit.start) - 1, 0)
            last = max(bisect_right(starts, max(hit.end - 1, hit.start)) - 1, 0)
            for index in range(first, last + 1):
                by_line.setdefault(index, []).append(hit)
        return by_line

    def hits_in(self, start: int, end: int) -> list[Hit]:
        """Hits overlapping [start, end), which lies within one line."""
        index = max(bisect_right(self.line_starts, start) - 1, 0)
        return [h for h in self.hits_by_line.get(index, ()) if h.end > start and h.start < end]

    def judge(self, unit: Unit, threshold: float | None = None) -> Scored:
        """Score one unit. A line rule decides on its own; otherwise the score (model or rules) meets the threshold
        (the document's, unless `threshold` is given)."""
        threshold = self.threshold if threshold is None else threshold
        hits = self.hits_in(unit.start, unit.end)
        if not hits and self.model is None:
            return Scored(unit.start, unit.end, 0.0, None, (), False)
        features = unit_features(self.text, unit, hits, self.context)
        line_rule = features.numeric[17]
        if self.model is None:
            score = rules_only_score(features)
            return Scored(unit.start, unit.end, score, None, tuple(hits), score >= threshold)
        model_score = self.model.probability(features)
        is_junk = model_score >= threshold or line_rule >= RULE_ACTS
        return Scored(unit.start, unit.end, max(model_score, line_rule), model_score, tuple(hits), is_junk)

    def line_text(self, index: int) -> str:
        line = self.lines[index]
        return self.text[line.start:line.end]

    def find(self) -> tuple[dict[int, Scored], list[Scored]]:
        """Whole lines to remove (by line index) and partial spans to remove."""
        whole: dict[int, Scored] = {}
        partial: list[Scored] = []
        last_article = self._walk_trailer(whole, partial)
        n = len(self.nonblank)
        middle = self._middle_threshold()
        if last_article is not None:
            suffix = self._junk_suffix(last_article)
            if suffix is not None:
                partial.append(suffix)
        for pos, index in enumerate(self.nonblank):
            line = self.lines[index]
            if index in whole or index not in self.hits_by_line or self.allowed(self.line_text(index)) \
                    or any(line.start <= p.start < line.end for p in partial):
                continue  # a line whose junk tail is cut already keeps its article head
            line_hits = self.hits_in(line.start, line.end)
            if not line_hits:
                continue
            if any(h.rule.scope in ("line", "term") for h in line_hits):
                scored = self.judge(Unit(line.start, line.end, index, n - 1 - pos, False), middle)
                if scored.is_junk:
                    whole[index] = scored
                    continue
            for h in line_hits:
                if h.rule.scope == "span" and h.rule.weight >= RULE_ACTS:
                    start, end = _widen_to_line_edges(self.text, line, h.start, h.end)
                    if (start, end) == (line.start, line.end):
                        whole[index] = Scored(start, end, h.rule.weight, None, (h,))
                    elif not any(p.start <= start < p.end for p in partial):
                        partial.append(Scored(start, end, h.rule.weight, None, (h,)))
        return whole, partial

    def _walk_trailer(self, whole: dict[int, Scored], partial: list[Scored]) -> Unit | None:
        """Walk up from the last line, adding trailer lines to `whole`; returns the last article line, if any.

        The walk looks past up to MAX_DOUBTFUL doubtful lines, short lines that are no sentence ("Google" ending
        a list of hidden links) and either score at least NEIGHBOUR_THRESHOLD or stand below junk: they join the
        trailer when the line above them is junk that a rule names (judged as the next line of the run; an
        unnamed line above is not evidence enough, so guesses never stand on guesses alone).
        """
        n = len(self.nonblank)
        neighbour = min(self.threshold, NEIGHBOUR_THRESHOLD)
        pending: list[tuple[int, Scored, Unit]] = []  # doubtful lines, lowest first
        for pos in range(n - 1, -1, -1):
            index = self.nonblank[pos]
            line = self.lines[index]
            unit = Unit(line.start, line.end, index, n - 1 - pos, False, below_is_junk=bool(whole or pending))
            if self.allowed(self.line_text(index)):
                break
            # The line that would start the trailer, short and named by no rule ("Aceite de oliva" ending a
            # recipe), goes only when the model is as sure as it must be in the middle of a document.
            label = self._reads_as_label(index)
            unnamed_label = label and not whole and not pending and not self.hits_in(line.start, line.end)
            scored = self.judge(unit, self._middle_threshold() if unnamed_label else None)
            if not _ALNUM.search(self.line_text(index)) and not any(h.rule.scope == "line" for h in scored.hits):
                scored = replace(scored, is_junk=False)  # a line of dashes or stars: nothing to read but position
            if scored.is_junk and (not pending or scored.hits):
                glued = self._article_then_junk(unit)
                for doubtful, doubtful_scored, _ in pending:
                    whole[doubtful] = replace(doubtful_scored, is_junk=True)
                pending = []
                if glued is not None:  # article text with junk glued on: the walk ends on this line
                    partial.append(glued)
                    return None
                whole[index] = scored
                continue
            if len(pending) < MAX_DOUBTFUL and label and (scored.score >= neighbour or whole or pending):
                pending.append((index, scored, unit))
                continue
            return pending[0][2] if pending else unit
        return pending[0][2] if pending else None

    def _middle_threshold(self) -> float:
        return self.threshold if self.model is None else max(self.threshold, MIDDLE_THRESHOLD)

    def _reads_as_label(self, index: int) -> bool:
        """A short line that is no sentence: a link text, a button, a name."""
        body = self.line_text(index).strip()
        return len(body.split()) <= SHORT_LINE_WORDS and body[-1:] not in ".!?。！？"

    def _too_slight_to_cut(self, start: int, end: int, piece: Scored) -> bool:
        """A tail of one or two words that no rule names ("... deported. PTI", "VietnamPlus") stays: a reader
        takes it for a credit or a name, and the model alone is not evidence enough to cut a line."""
        return not piece.hits and _words(self.text[start:end]) < GLUED_TAIL_WORDS

    def _article_then_junk(self, line_unit: Unit) -> Scored | None:
        """For a line that scores as junk: its junk tail, if what comes before it reads as article."""
        tail = self._junk_tail(line_unit)
        if tail is None or tail.start == line_unit.start:
            return None
        head = self.judge(replace(line_unit, end=tail.start))
        return None if head.is_junk else tail

    def _junk_suffix(self, line_unit: Unit) -> Scored | None:
        """The junk tail of the last article line, cut at a seam (never the whole line)."""
        tail = self._junk_tail(line_unit)
        return None if tail is None or tail.start == line_unit.start else tail

    def _junk_tail(self, line_unit: Unit) -> Scored | None:
        """The longest run of segments ending the line in which each segment, and the run, score as junk; the run
        looks past one segment that does not when the segment before it is junk a rule names.

        The run never starts at the line's start: whether the whole line goes is the walk's question, and a
        unit that starts the line is judged as a line, never as a tail (the model learned tails as tails).
        """
        line = self.lines[line_unit.line_index]
        best = None
        gap = False  # a doubtful piece lies between `best` and the next piece: only named junk may follow it
        end = line.end
        for seg in reversed(tail_segments(self.text, line, self.hits_in(line.start, line.end))[1:]):
            if len(self.text[line.start:seg.start].strip()) < MIN_HEAD_CHARS:
                break  # one character before the seam is a piece of the tail's first word ("s" of "sPOrTs")
            if gap and not _ALNUM.search(self.text[seg.start:end]):
                continue  # punctuation after the doubtful piece joins the piece before it
            if self.text[seg.start:end].strip():
                piece = self.judge(replace(line_unit, start=seg.start, end=end, is_suffix=True))
                if not piece.is_junk:
                    if best is None or gap:
                        break
                    gap = True  # "... £2000 prize GUARANTEED. Claim 3030.| Valid 12hrs only": look past one piece
                    end = seg.start
                    continue
                if gap and not piece.hits:
                    break
                run = piece if best is None else self.judge(replace(line_unit, start=seg.start, is_suffix=True))
                if not run.is_junk:
                    break
                best, gap = run, False
            end = seg.start
        if best is not None:
            best = self._with_call_to_action(line_unit, best)
        if best is not None and (self._too_slight_to_cut(best.start, line.end, best)
                                 or self._unnamed_sentence_tail(best)):
            return None
        return best

    def _with_call_to_action(self, line_unit: Unit, tail: Scored) -> Scored:
        """The tail and the call-to-action word before it ("Get" of "Get cheap jerseys ..."), if the longer
        run still scores as junk and still leaves article text before it."""
        line = self.lines[line_unit.line_index]
        head = self.text[line.start:tail.start]
        stripped = head.rstrip()
        if len(stripped) == len(head) or not stripped:
            return tail  # glued to the word before: no word of its own to take
        word = stripped.rsplit(None, 1)[-1]
        start = line.start + len(stripped) - len(word)
        if start <= line.start or word.casefold() not in CALL_TO_ACTION:
            return tail
        run = self.judge(replace(line_unit, start=start, is_suffix=True))
        return run if run.is_junk else tail

    def _unnamed_sentence_tail(self, piece: Scored) -> bool:
        """A tail that reads as a sentence and that no rule names is cut only at the middle threshold: the
        last sentence of a paragraph is where article text most often stands."""
        body = self.text[piece.start:piece.end].strip()
        reads_as_sentence = body[-1:] in ".!?。！？\"'”’»)" and len(body.split()) >= 6
        return reads_as_sentence and not piece.hits and self.model is not None \
            and (piece.model_score or 0.0) < max(self.threshold, MIDDLE_THRESHOLD)


def tail_segments(text: str, line: Line, hits) -> list[Segment]:
    """The line cut at its seams, at the edges of its rule hits and at the seams glued junk leaves."""
    content = text[line.start:line.end]
    cuts = [e for h in hits for e in (h.start, h.end)]
    cuts += [line.start + offset for offset in glued_junk_seams(content)]
    return split_segments(text, line, cuts)


def _script_start(text: str, hit: Hit) -> Hit:
    """A glued-script hit made to start at the script's first identifier, as the original text's case shows it."""
    chain = _IDENTIFIER_CHAIN.match(text, hit.start, hit.end)
    seam = _SCRIPT_START.search(text, chain.start(), chain.end())
    return replace(hit, start=seam.start()) if seam else hit


def _words(body: str) -> int:
    """Words in a short piece of text; in Chinese and Japanese, which need no spaces, two characters a word."""
    words = len(body.split())
    if not body.isascii():
        words = max(words, len(_NO_SPACE_LETTER.findall(body)) // 2)
    return words


def _widen_to_line_edges(text: str, line: Line, start: int, end: int) -> tuple[int, int]:
    """Extend a span over whitespace to the edge of its line when only whitespace separates them."""
    if not text[line.start:start].strip():
        start = line.start
    if not text[end:line.end].strip():
        end = line.end
    return start, end


def find_flags(text: str, matcher: Matcher, model: Model | None, threshold: float,
               allowed: Callable[[str], bool]) -> tuple[Flag, ...]:
    """The flags for one document.

    Removing junk can bring two pieces together that read as junk in turn ("0n A(function..." loses its
    script, then "0n" is a lone button label), so the cleaned text is judged again until nothing more goes:
    cleaning twice must change nothing.
    """
    flags = _one_pass(text, matcher, model, threshold, allowed)
    line_starts = None
    for _ in range(MAX_PASSES - 1):
        if not flags:
            break
        line_starts = line_starts or [ln.start for ln in split_lines(text)]
        cleaned = apply(text, flags)
        more = _one_pass(cleaned, matcher, model, threshold, allowed)
        if not more:
            break
        kept = _kept_pieces(len(text), flags)
        remapped = [_flag(text, line_starts, _to_original(kept, f.start, False), _to_original(kept, f.end, True),
                          f.category, f.rules, f.score, f.model_score) for f in more]
        flags = _merge(text, line_starts, list(flags) + remapped)
    return flags


def apply(original: str, flags) -> str:
    """The original text with every flagged span removed (flags must not overlap)."""
    pieces = []
    position = 0
    for flag in sorted(flags, key=lambda f: f.start):
        pieces.append(original[position:flag.start])
        position = max(position, flag.end)
    pieces.append(original[position:])
    return "".join(pieces)


def _one_pass(text: str, matcher: Matcher, model: Model | None, threshold: float,
              allowed: Callable[[str], bool]) -> tuple[Flag, ...]:
    judge = DocumentJudge(text, matcher, model, threshold, allowed)
    whole, partial = judge.find()
    spans = _line_removals(judge, whole) + [(p.start, p.end, p) for p in partial]
    line_starts = [ln.start for ln in judge.lines]
    flags = []
    for start, end, scored in spans:
        strongest = max(scored.hits, key=lambda h: h.rule.weight, default=None)
        flags.append(_flag(text, line_starts, start, end, strongest.rule.category if strongest else "other",
                           tuple(dict.fromkeys(h.rule.id for h in scored.hits)), scored.score, scored.model_score))
    return _merge(text, line_starts, flags)


def _kept_pieces(length: int, flags) -> list[tuple[int, int]]:
    pieces, position = [], 0
    for flag in flags:
        pieces.append((position, flag.start))
        position = flag.end
    pieces.append((position, length))
    return [(a, b) for a, b in pieces if b > a] or [(0, 0)]


def _to_original(kept: list[tuple[int, int]], position: int, is_end: bool) -> int:
    """Map an offset in the cleaned text back to the original, given the kept pieces."""
    offset = 0
    for start, end in kept:
        size = end - start
        if position < offset + size or (is_end and position == offset + size):
            return start + position - offset
        offset += size
    return kept[-1][1]


def _line_removals(judge: DocumentJudge, whole: dict[int, Scored]) -> list[tuple[int, int, Scored]]:
    """Spans that remove whole lines, taking the blank lines that separated a removed run with them."""
    lines, nonblank = judge.lines, judge.nonblank
    spans = []
    pos = 0
    while pos < len(nonblank):
        if nonblank[pos] not in whole:
            pos += 1
            continue
        first = pos
        while pos + 1 < len(nonblank) and nonblank[pos + 1] in whole:
            pos += 1
        run = [whole[i] for i in nonblank[first:pos + 1]]
        best = max(run, key=lambda s: s.score)
        a, b = lines[nonblank[first]], lines[nonblank[pos]]
        has_before, has_after = first > 0, pos + 1 < len(nonblank)
        if not has_after:  # a trailer: from the end of the last kept line to the end of the run
            start = lines[nonblank[first - 1]].end if has_before else a.start
            end = b.end
        elif not has_before:  # a header: up to the first kept line
            start, end = a.start, lines[nonblank[pos + 1]].start
        elif nonblank[first] - nonblank[first - 1] > 1:  # blank line before the run: drop the ones after it
            start, end = a.start, lines[nonblank[pos + 1]].start
        else:
            start, end = a.start, b.break_end
        hits = tuple(h for s in run for h in s.hits)
        spans.append((start, end, Scored(start, end, best.score, best.model_score, hits)))
        pos += 1
    return spans


def _flag(text: str, line_starts: list[int], start: int, end: int, category: str, rules: tuple[str, ...],
          score: float, model_score: float | None) -> Flag:
    """A flag for [start, end); its line and column point at its first non-blank character."""
    body = text[start:end]
    first = start + (len(body) - len(body.lstrip()))
    line_index = max(bisect_right(line_starts, first) - 1, 0)
    line_start = line_starts[line_index] if line_starts else 0
    excerpt = " ".join(body.split())
    if len(excerpt) > EXCERPT_CHARS:
        excerpt = excerpt[:EXCERPT_CHARS - 1] + "…"
    return Flag(start, end, line_index + 1, first - line_start + 1, category, rules, score, excerpt, model_score)


def _merge(text: str, line_starts: list[int], flags: list[Flag]) -> tuple[Flag, ...]:
    """Touching or overlapping flags become one; it keeps the category of its strongest part."""
    groups: list[list[Flag]] = []
    for flag in sorted(flags, key=lambda f: (f.start, f.end)):
        if groups and flag.start <= max(f.end for f in groups[-1]):
            groups[-1].append(flag)
        else:
            groups.append([flag])
    merged = []
    for group in groups:
        best = max(group, key=lambda f: f.score)
        named = [f for f in group if f.rules]
        category = max(named, key=lambda f: f.score).category if named else best.category
        rules = tuple(dict.fromkeys(r for f in group for r in f.rules))
        model_scores = [f.model_score for f in group if f.model_score is not None]
        merged.append(_flag(text, line_starts, group[0].start, max(f.end for f in group), category, rules,
                            best.score, max(model_scores) if model_scores else None))
    return tuple(merged)
