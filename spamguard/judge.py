"""The judge: evidence becomes decisions, which spans of a document are junk.

A reader finds junk in three places, and so does the judge:

1. The trailer: walking up from the last line, every line that scores as junk joins the trailer; the first
   line that reads as article ends the walk, except that the walk looks past up to two short doubtful lines
   when the line above them is named junk. The blank lines that separated the trailer go with it. (A very long
   document is judged in windows, `windows`: the walk starts in the window that holds the document's end and
   goes on in the window above when it takes every line of one.)
2. The tail of the last article line: junk glued onto the last sentence ("...in the system.porno izle") is
   cut off at the seam where it begins, if the tail scores as junk. Seams are sentence ends, case changes,
   rule-hit edges, and where glued junk shows: a change of script, a bracket glued to a word, capitals
   glued to lower case.
3. Anywhere else: a line a high-precision line rule matches ("Advertisement", "Continue reading the main
   story"), a span a span rule matches ("Continued below..."), a line of spam phrases scoring as junk at the
   within threshold, or a short line with a link or in other letters than the body's, or whose words the model
   weighs towards junk, that the model is sure of (`Document.lines_asked`, `Judge._leans_junk`: what injected
   spam is between paragraphs and above a byline).

Only line and span rules act on their own; spam phrases are evidence that the score weighs with the context
(a news story about a casino lawsuit shares the words but not the shape or the position of the junk).
"""
from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from itertools import islice

import regex

from .config import Settings
from .evidence import Features, unit_features, with_body_comparisons
from .evidence.memory import REPEATED
from .model import Model
from .normalize import WHITE_SPACE, stripped_span
from .rules import Hit
from .segment import Line
from .units import LINK, LINK_LINE_CHARS, Document, Unit, has_link, head, piece, suffix
from .words import (
    CLOSING_MARKS,
    LONG_WORD,
    OPENING_MARKS,
    PROMPT_WORDS,
    SENTENCE_BREAK,
    SPLIT_WORD,
    disguises_words,
    words_of,
)

_ALNUM = regex.compile(r"[\p{L}\p{N}]")
_LETTER = regex.compile(r"\p{L}")
_NO_SPACE_LETTER = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_THAI_LETTER = regex.compile(r"\p{Thai}")
_SENTENCE_END = ".!?。！？"
# the first part of a word in camel case: "Mc" of "McAleenan", "Smart" of "SmartAsset", "i" of "iPhone" (a longer
# capitalised word is more often an article's last, with junk glued on: "...Technology Hazard|Pinjol tanpa bi")
_GLUED_HEAD = regex.compile(r"(?<![\p{L}\p{N}])(?:\p{Lu}\p{Ll}{0,4}|\p{Ll})$")
_FULL_STOP = ".。।"
SHORT_STATEMENT_WORDS = 6
# A credit word right before a tail: what follows is the source it cites, an outlet's name in any script
_CREDIT_BEFORE = regex.compile(r"(?:^|[\s(\[])(?:via|h/t|sources?|quelle|fuente|fonte|sumber|kaynak|источник|photo|foto"
                               r"|credit|出典|来源|출처)[^\S\n]*+[:：]?[^\S\n]*+$", regex.IGNORECASE)
CREDIT_READS = 24  # characters before a tail read for a credit word
# A byline: a dash, a name of up to four capitalised words, and an outlet after a comma ('— Juan Ruiz, RTVE')
_BYLINE = regex.compile(r"[—–-] ?+\p{Lu}\p{Ll}++(?:[ '-]\p{Lu}\p{Ll}++){0,3}+"
                        r"(?:, \p{Lu}[\p{L}.&]*+(?: \p{Lu}[\p{L}.&]*+){0,3}+)?+")
LIST_SEPARATORS = (" - ", " – ", " | ", " • ", " / ")  # what a list of anchors on one line is separated by
SENTENCE_TAIL_WORDS = 6  # an unnamed tail that is a whole sentence this long stays, as does such a head
# A capitalised word inside a sentence (after a word and a space): a name, not a sentence's first word.
_NAME = regex.compile(r"(?<=[\p{L}\p{N},;)\]\"”’]\s)\p{Lu}\p{Ll}{2,}")
# the end of an abbreviation: letters each with its full stop ("U.S.", "e.g."), or a short capitalised word ("Dr.")
_ABBREVIATION = regex.compile(r"(?<![\p{L}.])(?:\p{L}\.){2,}$|(?<![\p{L}.])\p{Lu}\p{Ll}{0,2}\.$")
_TWO_WORDS = regex.compile(r"\p{L}+(?: \p{L}+)?")
_LOWER_CASE_WORDS = regex.compile(r"[\p{Ll} ]+")
_GLUED_WORDS = regex.compile(r"\p{Ll}\p{Lu}\p{Ll}")  # "verdienenKredit" (one in "McDonald" or "iPhone")
_EMAIL = regex.compile(r"[\w.+-]@[\w-]+\.\w")
_HANDLE = regex.compile(r"@\w")
_PHONE = regex.compile(r"\d{7}")
PARAGRAPH_WORDS = 15  # a line of two sentences or more and this many words is a paragraph of prose
PHRASE_COVERED, PHRASE_COVERED_WORDS = 0.9, 20  # a unit this covered by spam phrases, with this many words, is junk
# A unit of this many words whose spam phrases cover some but less than this share of it (prose naming a brand)
# is no junk on a score, unless it holds a link or a phone number (then at the middle threshold).
LONG_SENTENCE_WORDS, SPARSE_PHRASES = 8, 0.3
REPEAT_CHARS = 300  # the characters of a line that `repeats_a_word` reads
_CLAUSE_BREAK = regex.compile(r"[\s,.;:!?，。、；：！？]+")
PROSE_PIECES = 2  # prose has this many pieces between spaces and clause punctuation, in any script
ARTICLE_CHECK_CHARS = 2000  # longer text is judged as it scored (the checks read no more than this)
_POINTS_ON = regex.compile(r"(?:>>|→)\s*$")
_CLICK = regex.compile(r"\b(?:click|tap)\b", regex.IGNORECASE)
HEADING_READS = 2000  # characters of the line below a heading that `Judge._heads_the_line_below` reads
_TAIL_SENTENCE_END = ".!?。！？\"'”’»)"
# How prose ends: a full stop or a question mark, not "..", "!" or "…" as ads and lists of anchors end.
_SENTENCE_ENDING = regex.compile(r"(?<![.])[.?。？।][\"'”’»)\]]*\s*$")


@dataclass(frozen=True, slots=True)
class Scored:
    """A unit judged, with what its flag will report."""

    start: int
    end: int
    score: float
    model_score: float | None
    hits: tuple[Hit, ...]
    is_junk: bool = True


class LineVerdicts(Mapping[int, Scored]):
    """The lines judged junk, by line index: a score and a model score each in arrays indexed by line, so a
    document of a million junk lines makes no million objects. A line's Scored is made again when asked for: its
    hits are the line's own (the units judged were whole lines), except for a line a span rule removed whole,
    whose one hit is kept apart."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.count = 0
        self.judged = bytearray()  # 1 where a line is junk (allocated on the first)
        self.scores, self.model_scores = array("d"), array("d")  # NaN: no model score
        self.span_hits: dict[int, tuple[Hit, ...]] = {}

    def add(self, index: int, scored: Scored, own_hits: bool = True) -> None:
        """Line `index` is junk, as `scored` says; `own_hits` is False for a line whose hits are not the line's
        own (a span rule's one hit)."""
        if not self.judged:
            lines = len(self.doc.lines)
            self.judged = bytearray(lines)
            self.scores, self.model_scores = array("d", bytes(8 * lines)), array("d", bytes(8 * lines))
        self.count += not self.judged[index]
        self.judged[index] = 1
        self.scores[index] = scored.score
        self.model_scores[index] = math.nan if scored.model_score is None else scored.model_score
        if own_hits and not (scored.hits and scored.hits[-1].rule is REPEATED):  # the memory's hit is no doc hit
            self.span_hits.pop(index, None)
        else:
            self.span_hits[index] = scored.hits

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and 0 <= index < len(self.judged) and self.judged[index] == 1

    def __getitem__(self, index: int) -> Scored:
        if index not in self:
            raise KeyError(index)
        line = self.doc.lines[index]
        hits = self.span_hits.get(index)
        model_score = self.model_scores[index]
        return Scored(line.start, line.end, self.scores[index], None if math.isnan(model_score) else model_score,
                      tuple(self.doc.hits_in(line.start, line.end)) if hits is None else hits)

    def __iter__(self) -> Iterator[int]:
        return (i for i, judged in enumerate(self.judged) if judged)

    def __len__(self) -> int:
        return self.count

    def keep_only(self, indexes: Iterable[int]) -> LineVerdicts:
        """A copy holding only the lines in `indexes`."""
        kept = LineVerdicts(self.doc)
        for index in indexes:
            kept.add(index, self[index], own_hits=index not in self.span_hits)
        return kept


def _with(hits: list[Hit], repeated: Hit | None) -> tuple[Hit, ...]:
    """The hits of a unit, with the corpus memory's hit last when it has one."""
    return (*hits, repeated) if repeated is not None else tuple(hits)


def _phrase_covered(features: Features) -> bool:
    """A long run of nothing but spam phrases (a link farm scraped as one line), junk whatever the model says: trained
    on lines of ordinary length, it reads the run's length as an article's and scores it lower the longer it gets."""
    return features.rules.term_coverage >= PHRASE_COVERED and features.words >= PHRASE_COVERED_WORDS


def rules_only_score(features: Features, settings: Settings) -> float:
    """The score from rule evidence and context alone (used without a model).

    Phrase evidence counts by how much of the unit it covers; a short, unpunctuated line with a spam phrase
    near the end of a document reads as an anchor, not a sentence, and counts as junk.
    """
    rules = features.rules
    term = rules.term_coverage * rules.term_weight
    if features.sentence_like:
        term *= rules.term_coverage  # a sentence needs to be nearly all spam phrases to be a spam line
    elif rules.term_weight and features.words <= settings.short_line_words \
            and features.position.lines_after <= settings.near_end:
        term = max(term, rules.term_weight * 0.65)
    return max(rules.line_rule, term)


class Judge:
    """Scores the units of one document and decides which lines and spans are junk."""

    def __init__(self, doc: Document, model: Model | None, settings: Settings,
                 allowed: Callable[[str], bool]) -> None:
        self.doc = doc
        self.model = model
        self.settings = settings
        self.allowed = allowed
        # Where position does not speak for a unit, the model must be surer.
        def surer(value: float) -> float:  # without a model, rules alone decide at the settings' threshold
            return settings.threshold if model is None else max(settings.threshold, value)

        self.middle_threshold = surer(settings.middle_threshold)
        self.within_threshold = surer(settings.within_threshold)
        # a line a rule names, the model agreeing: the settings' value, not raised with the threshold
        self.named_within_threshold = settings.within_threshold if model is not None else settings.threshold
        self.last_label_threshold = surer(settings.last_label_threshold)
        self.unnamed_within_threshold = surer(settings.unnamed_within_threshold)
        # a line a rule names in another script than the story's is none of its text, wherever it stands: the model
        # need only find it doubtful ('AV女優 | 無修正動画 | アダルト動画' in an English story, 0.37)
        self.named_in_another_script_threshold = min(self.named_within_threshold, settings.neighbour_threshold) \
            if model is not None else settings.threshold
        # Where the first line within the text that was judged and kept starts: removing a line below it moves it
        # nearer the end (its position evidence), so the cleaned text is judged again
        self.first_kept_within: int | None = None
        # The lines the trailer walk judged and kept: judged with their position, they are not judged again within
        # the text unless a rule names them
        self.walk_kept: set[int] = set()

    def judge(self, unit: Unit, threshold: float | None = None, read_from: float = math.inf) -> Scored:
        """Score one unit. A line rule decides on its own; otherwise the score (model or rules) meets the threshold
        (the settings', unless `threshold` is given).

        `read_from`: the lowest score the caller compares a kept unit's score with (0: it reads the score itself).
        A unit the model could not score as high as that, nor as the threshold, whatever its comparisons with the
        body's words (the costliest evidence to read), is kept without reading them: its score is then the highest
        it could be (`Model.probability`)."""
        threshold = self.settings.threshold if threshold is None else threshold
        hits = self.doc.hits_in(unit.start, unit.end)
        repeated = self._repeated(unit)
        line_rule = max((h.rule.weight for h in hits if h.rule.scope == "line"), default=0.0)
        if line_rule >= self.settings.rule_acts:  # a line rule decides on its own: no evidence to weigh
            return Scored(unit.start, unit.end, line_rule, None, _with(hits, repeated), True)
        if repeated is not None:
            if unit.line_index in self.doc.repeats_template:
                # the site's template, known by its repetition whatever the model would say of the line alone
                return Scored(unit.start, unit.end, max(line_rule, REPEATED.weight), None, _with(hits, repeated), True)
            threshold = min(threshold, self.settings.repeated_threshold)  # its score need only be the corpus's
        if self.model is None:
            if not hits:
                return Scored(unit.start, unit.end, 0.0, None, (), False)
            score = rules_only_score(unit_features(self.doc, unit, hits), self.settings)
            junk = score >= threshold
            return Scored(unit.start, unit.end, score, None, _with(hits, repeated if junk else None), junk)
        features = unit_features(self.doc, unit, hits, compared=False)
        if not _phrase_covered(features):
            most = self.model.probability(features)
            if most < threshold and max(most, features.rules.line_rule) < read_from:
                return Scored(unit.start, unit.end, max(most, features.rules.line_rule), most, tuple(hits), False)
        features = with_body_comparisons(features, self.doc)
        model_score = self.model.probability(features)
        score = max(model_score, features.rules.line_rule)
        if features.words >= LONG_SENTENCE_WORDS and 0.0 < features.rules.term_coverage < SPARSE_PHRASES \
                and not features.rules.span_rule and not features.shape.script_mismatch \
                and reads_as_prose(unit_text := self.doc.text[unit.start:unit.end]) and not points_on(unit_text):
            # prose that names a brand: news, not an ad, unless it carries a way to reach the seller or ends as no
            # sentence does (a list of anchors: "..., cassino online, apostas esportivas!!!"); as a line's tail
            # ending a sentence it is the rest of one, never cut (a run of anchors is cut at the middle threshold).
            # Prose in another script than the story's is none of its news, nor a line pointing on to a link
            # (`points_on`: 'référencement pas cherAcheter des backlinks... >>').
            doubtful = reaches_someone(unit_text) or _SENTENCE_ENDING.search(unit_text[-200:]) is None \
                or repeats_a_word(unit_text) or glues_words(unit_text)
            sentence_tail = unit.is_suffix and features.shape.ends_terminal
            threshold = max(threshold, self.middle_threshold) if doubtful or unit.is_suffix and not sentence_tail \
                else math.inf
        junk = model_score >= threshold
        if not junk and _phrase_covered(features):
            junk, score = True, max(score, features.rules.term_weight)
        return Scored(unit.start, unit.end, score, model_score, _with(hits, repeated if junk else None), junk)

    def _named_threshold(self, index: int, hits: list[Hit]) -> float:
        """The threshold of line `index` within the text that a rule names (`hits`): the within threshold, or none at
        all (0) for a short line where a spam phrase comes before a link or a phone number to reach the seller by: an
        ad wherever it stands ('Machines à sous gratuites sur www.machinessousgratui.net!!!' between the paragraphs
        of a French story, which the model scores 0.01), not a source with junk glued onto it ('http://www.science
        direct.com/...Rédaction de mémoire ...': its tail is cut at the seam), or where a spam phrase is a whole
        item of a list (`names_a_list_item`); in another script than the story's,
        `named_in_another_script_threshold`."""
        line, text = self.doc.lines[index], self.doc.line_text(index)
        threshold = self.named_in_another_script_threshold if self.doc.letters_departure(text) == 2 \
            else self.named_within_threshold
        if line.end - line.start > LINK_LINE_CHARS:
            return threshold
        reach = _first_reach(text)
        sells = reach is not None and any(h.rule.scope == "term" and h.start < line.start + reach for h in hits)
        listed = names_a_list_item(text, [(h.start - line.start, h.end - line.start) for h in hits
                                          if h.rule.scope == "term"])
        return 0.0 if sells or listed else threshold

    def _unnamed_threshold(self, index: int) -> float:
        """The threshold of line `index` within the text that no rule names, by how far it departs from the article:
        it gives a link or a phone number to reach a seller by, as an ad does (not a handle: embedded posts are full
        of them), and its letters depart from the body's (`Document.letters_departure`: Latin letters beyond ASCII
        one step, another script two), or it spells words with digits for letters, as spam does to dodge a rule that
        would name it and no article does (`words.disguises_words`: two steps; 'Thu1s0ntv4ng5t R0tt3rdam vanaf €
        82,95' between the paragraphs of an Indonesian story, 0.50). No step: the unnamed within threshold; one: the
        within threshold; two: that of a line a rule names ('zakłady bukmacherskie z bonusem http://...' in a Chinese
        story, 0.68; '仮想通貨 投資' in an English story, 0.63), where a source line cited has one."""
        text = self.doc.line_text(index)
        departures = min(sells_by_link_or_phone(text) + 2 * disguises_words(text) + self.doc.letters_departure(text), 2)
        return (self.unnamed_within_threshold, self.within_threshold, self.named_within_threshold)[departures]

    def _leans_junk(self, start: int, end: int) -> bool:
        """Whether the words of the line [start, end) lean to junk in the model's weights, and it holds more than one
        letter: a line of one letter repeated ("xxxxxxxx") divides sections, as a line of dashes does. `find` asks
        this of the short lines (`Document.is_short`) no rule names and with no link, not of a line the trailer walk
        kept, never of the first line (the title)."""
        assert self.model is not None
        view = self.doc.view
        start, end = view.from_original(start, end)
        folded = view.text[start:end]
        return self.model.leans_junk(words_of(folded)) and len(set(_LETTER.findall(folded))) > 1

    def _heads_the_line_below(self, index: int) -> bool:
        """Whether half or more of the line's words of four letters or more stand in the non-blank line below it
        (as words or parts of words: "blokir" in "memblokir"; its first HEADING_READS characters): a heading of the
        story under it ("Kominfo blokir ribuan situs porno"), not spam set into it, which brings words of its own. The
        line below is a paragraph, not a label: a spam line above another in the same words ('Praca magisterska na
        zamówienie cena – betking.biz!!!' above 'Praca magisterska na zamówienie cena już od 55 zł') heads nothing."""
        doc = self.doc
        pos = bisect_left(doc.nonblank, index) + 1
        if pos >= len(doc.nonblank) or self.reads_as_label(doc.nonblank[pos]):
            return False
        view = doc.view
        start, end = view.from_original(doc.lines[index].start, doc.lines[index].end)
        words = {word for word in words_of(view.text[start:end]) if len(word) >= 4}
        below = doc.lines[doc.nonblank[pos]]
        start, end = view.from_original(below.start, below.end)
        text = view.text[start:min(end, start + HEADING_READS)]
        return bool(words) and 2 * sum(word in text for word in words) >= len(words)

    def _repeated(self, unit: Unit) -> Hit | None:
        """The corpus memory's hit for a unit that is a whole line the corpus repeats, else None."""
        repeats = self.doc.repeats
        if not repeats or unit.line_index not in repeats:
            return None
        line = self.doc.lines[unit.line_index]
        return Hit(REPEATED, line.start, line.end) if (unit.start, unit.end) == (line.start, line.end) else None

    def reads_as_label(self, index: int) -> bool:
        """A short line that is no sentence: a link text, a button, a name."""
        line = self.doc.lines[index]
        limit = self.settings.short_line_words
        words = list(islice(SPLIT_WORD.finditer(self.doc.text, line.start, line.end), limit + 1))
        return 0 < len(words) <= limit and self.doc.text[words[-1].end() - 1] not in _SENTENCE_END

    def find(self) -> tuple[LineVerdicts, list[Scored]]:
        """Whole lines to remove (by line index) and partial spans to remove."""
        whole = LineVerdicts(self.doc)
        partial: list[Scored] = []
        last_article = self.walk_trailer(whole, partial) if self.doc.window.trailer else None
        if last_article is not None:
            tail = junk_tail(self, last_article)  # the last article line's junk tail (never the whole line)
            if tail is not None and tail.start != last_article.start:
                partial.append(tail)
        doc = self.doc
        cut_lines = {doc.line_of(p.start) for p in partial}
        asked, repeats = doc.lines_asked, doc.repeats
        starts, ends = doc.line_starts, doc.lines.ends
        lean, walk_kept = self.model is not None, self.walk_kept  # the lines the walk kept are not asked again
        for pos, index in enumerate(doc.nonblank):
            repeated = index in repeats
            start, end = starts[index], ends[index]
            if not (asked[index] or repeated or lean and pos and (end - start <= LINK_LINE_CHARS or doc.is_short(index))
                    and index not in walk_kept and self._leans_junk(start, end)) \
                    or index in whole or index in cut_lines or self.allowed(doc.line_text(index)):
                continue  # a line whose junk tail is cut already keeps its article head
            line = doc.lines[index]
            line_hits = doc.hits_in(line.start, line.end)
            if not (line_hits or repeated) and index in walk_kept:
                continue  # the trailer walk kept this line, judged with its position: a link or a script says no more
            if repeated or not line_hits or any(h.rule.scope in ("line", "term") for h in line_hits):
                # a rule's evidence speaks for a line wherever it stands; a link alone does not
                unit = doc.line_unit(pos)
                scored = self.judge(unit, self._named_threshold(index, line_hits) if line_hits
                                    else self._unnamed_threshold(index))
                if scored.is_junk and not (line_hits or repeated) and self._heads_the_line_below(index):
                    scored = replace(scored, is_junk=False)
                if scored.is_junk:
                    whole.add(index, scored)
                    continue
                if self.first_kept_within is None:
                    self.first_kept_within = line.start
            reach = -1  # where this line's spans so far end, at most (hits come in order of their start)
            for h in line_hits:
                if h.rule.scope == "span" and h.rule.weight >= self.settings.rule_acts:
                    start, end = _widen_to_line_edges(doc.text, line, h.start, h.end)
                    if (start, end) == (line.start, line.end):
                        whole.add(index, Scored(start, end, h.rule.weight, None, (h,)), own_hits=False)
                    elif start >= reach:  # a span that starts inside one before it adds nothing
                        partial.append(Scored(start, end, h.rule.weight, None, (h,)))
                        reach = max(reach, end)
        return _with_a_body(self, *_without_article_sentences(self, whole, partial))

    def _vouches_for(self, pending: list[tuple[int, Scored, Unit]], index: int) -> bool:
        """Whether junk line `index`, which no rule names, takes the doubtful lines below it along: it gives a link or
        a phone number to reach a seller by, and each of them scored the middle threshold ('Kliknij i sprawdź ...
        https://...' above 'Zakłady bukmacherskie z bonusem już od 486 zł', 0.92); a byline under it ('— Elena
        Russo', 0.70) stays."""
        return all(scored.score >= self.middle_threshold for _, scored, _ in pending) \
            and sells_by_link_or_phone(self.doc.line_text(index))

    def walk_trailer(self, whole: LineVerdicts, partial: list[Scored]) -> Unit | None:
        """Walk up from the last line, adding trailer lines to `whole`; returns the last article line, if any.

        The walk looks past up to `max_doubtful` doubtful lines, short lines that are no sentence ("Google"
        ending a list of hidden links) and either score at least the neighbour threshold or stand below junk:
        they join the trailer when the line above them is junk that a rule names (judged as the next line of the
        run; an unnamed line above is not evidence enough, so guesses never stand on guesses alone), or junk with a
        link or phone number above lines the model is surer of (`_vouches_for`).
        """
        doc = self.doc
        neighbour = min(self.settings.threshold, self.settings.neighbour_threshold)
        pending: list[tuple[int, Scored, Unit]] = []  # doubtful lines, lowest first
        junk_below = doc.window.continued  # the walk goes on from the window below, whose every line it took
        for pos in range(len(doc.nonblank) - 1, -1, -1):
            unit = doc.line_unit(pos, below_is_junk=bool(whole or pending or junk_below))
            index = unit.line_index
            if self.allowed(doc.line_text(index)):
                break
            # The line that would start the trailer, short and named by no rule ("Aceite de oliva" ending a
            # recipe), goes only when the model is very sure (`Settings.last_label_threshold`).
            label = self.reads_as_label(index)
            # So does a short statement ("O caso segue em investigação."): the last line of a news story, in the
            # story's script (`_a_statement_of_the_body`).
            first = not (whole or pending or junk_below)
            sure = first and not doc.hits_in(unit.start, unit.end) \
                and (label or _a_statement_of_the_body(self, doc.line_text(index)))
            # below junk, a doubtful line's score may be reported as it joins the trailer: it is read exactly
            scored = self.judge(unit, self.last_label_threshold if sure else None, neighbour if first else 0.0)
            if not _LETTER.search(doc.text, unit.start, unit.end) \
                    and not any(h.rule.scope == "line" and h.rule is not REPEATED for h in scored.hits):
                # a line of dashes or stars, a phone number under "Inquiry": nothing to read but position
                scored = replace(scored, is_junk=False)
            if not scored.is_junk:
                self.walk_kept.add(index)
            if scored.is_junk and (not pending or scored.hits or self._vouches_for(pending, index)):
                # a line the corpus repeats whole is the template whole: no article text is glued onto it
                glued = None if index in doc.repeats else _article_then_junk(self, unit)
                for doubtful, doubtful_scored, _ in pending:
                    whole.add(doubtful, replace(doubtful_scored, is_junk=True))
                pending = []
                if glued is not None:  # article text with junk glued on: the walk ends on this line
                    partial.append(glued)
                    return None
                whole.add(index, scored)
                continue
            # a doubtful line is looked past only within its block: a short line set apart by a blank line (a
            # byline under a paragraph of spam) ends the walk
            in_block = pos > 0 and doc.nonblank[pos - 1] == index - 1
            if len(pending) < self.settings.max_doubtful and label and in_block \
                    and (scored.score >= neighbour or whole or pending or junk_below):
                pending.append((index, scored, unit))
                continue
            return pending[0][2] if pending else unit
        return pending[0][2] if pending else None


def _first_reach(text: str) -> int | None:
    """Where the first link (`units.has_link`: its "://" or the dot before its domain ending) or phone number in
    `text` is, if it holds one.

    >>> _first_reach("Bahis siteleri http://www.bahis.com/"), _first_reach("Call 0812345678"), _first_reach("Hi.")
    (19, 5, None)
    """
    phone = _PHONE.search(text)
    link = next((m for m in LINK.finditer(text) if has_link(text, m)), None)
    starts = [m.start() for m in (phone, link) if m is not None]
    return min(starts, default=None)


def reaches_someone(text: str) -> bool:
    """Whether `text` holds a way to reach someone: a link (`units.has_link`), a handle or a phone number.

    >>> reaches_someone("请访问onlinecheap.site/giris."), reaches_someone("Call 0812345678"), reaches_someone("Hi.")
    (True, True, False)
    """
    return _HANDLE.search(text) is not None or sells_by_link_or_phone(text)


def sells_by_link_or_phone(text: str) -> bool:
    """Whether `text` holds a link (`units.has_link`) or a phone number: what an ad line gives to reach the seller.

    >>> sells_by_link_or_phone("Porno darmowe hd na seopro.com >>"), sells_by_link_or_phone("— Senate (@NGRSenate)")
    (True, False)
    """
    return _first_reach(text) is not None


def reads_as_prose(text: str) -> bool:
    """Text broken by spaces or clause punctuation into PROSE_PIECES pieces or more, as sentences are in any script;
    anchors glued one onto the next ("หนังผู้ใหญ่ไม่เซ็นเซอร์คลิปโป๊ไทย") are not.

    >>> reads_as_prose("Pornhub та xHamster. Втім"), reads_as_prose("指定した。運営会社は対策を求められている。")
    (True, True)
    >>> reads_as_prose("หนังผู้ใหญ่ไม่เซ็นเซอร์คลิปโป๊ไทยดูคลิปหลุดฟรี")
    False
    """
    pieces = _CLAUSE_BREAK.split(text.strip(), maxsplit=PROSE_PIECES)
    return sum(1 for piece in pieces if piece) >= PROSE_PIECES


def points_on(text: str) -> bool:
    """Whether the text ends in an arrow pointing on to a link (">>", "→"), as a button or an ad does, never a
    sentence of news ("»" closes a French quotation).

    >>> points_on("booster son référencement google >>"), points_on("Lire la suite →"), points_on("« C'est fini »")
    (True, True, False)
    """
    return _POINTS_ON.search(text[-20:]) is not None


def names_a_list_item(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether one of `spans` (of rule hits in the line `text`) is a whole item of a list separated by " | ": a spam
    phrase as one anchor of a list ('thuisontvangst Den Haag | sexdate'), where a sentence has words around it.

    >>> text = "thuisontvangst Den Haag | sexdate"
    >>> names_a_list_item(text, [(26, 33)]), names_a_list_item(text, [(0, 14)]), names_a_list_item("sexdate", [(0, 7)])
    (True, False, False)
    """
    if " | " not in text or not spans:
        return False
    items, start = set(), 0
    for item in text.split(" | "):
        items.add(stripped_span(text, start, start + len(item)))
        start += len(item) + len(" | ")
    return not items.isdisjoint(spans)


def repeats_a_word(text: str) -> bool:
    """Whether a word of four letters or more comes back in the first REPEAT_CHARS characters: anchors in a row
    repeat their keywords ("porno gratuit sexe en direct film porno"), a sentence naming a brand seldom does.

    >>> repeats_a_word("x gratuit vidéos porno gratuit sexe en direct film porno français.")
    True
    >>> repeats_a_word("The casino group said its Macau revenue rose by a third in May.")
    False
    """
    seen: set[str] = set()
    for word in LONG_WORD.findall(text, 0, REPEAT_CHARS):
        word = word.casefold()
        if word in seen:
            return True
        seen.add(word)
    return False


def glues_words(text: str) -> bool:
    """Whether two words or more are glued onto the word before them (a lower-case letter, then a capital and a
    lower-case one) in the first REPEAT_CHARS characters: anchors scraped one onto the next, not prose ("McDonald"
    has one).

    >>> glues_words("кредит без справокЗаработок в интернетезайм без отказаИнвестиции."), glues_words("McDonald's.")
    (True, False)
    """
    return len(_GLUED_WORDS.findall(text, 0, REPEAT_CHARS)) >= 2


def reads_as_statement(text: str) -> bool:
    """A short sentence ending in a full stop, as a reporter ends a story ("Śledztwo trwa.", "捜査は続いている。"):
    two to SHORT_STATEMENT_WORDS words (or a line in a script without spaces), not "!", "…" or "..." as ads end,
    not in capitals as ads shout ("ECHTE NEP PASPOORTEN."), and opening with no prompt word ("Share ...", "Click
    ...") nor made of anchors glued one onto the next ("schnell geld verdienenKredit ohne schufaBitcoin investieren.").

    >>> reads_as_statement("O caso segue em investigação."), reads_as_statement("Share this story.")
    (True, False)
    >>> reads_as_statement("Casino online desde $319!"), reads_as_statement("Thanks.")
    (False, False)
    >>> reads_as_statement("Cliquez ici."), reads_as_statement("geld verdienenKredit ohne schufaBitcoin.")
    (False, False)
    >>> reads_as_statement("ECHTE NEP PASPOORTEN."), reads_as_statement("The EU and NATO agreed.")
    (False, True)
    """
    body = text.strip()
    words = body.split()
    return body[-1:] in _FULL_STOP and not body.endswith("..") and words[0].casefold() not in PROMPT_WORDS \
        and not body.isupper() and not glues_words(body) \
        and (2 <= len(words) <= SHORT_STATEMENT_WORDS
             or len(words) == 1 and not body.isascii() and _NO_SPACE_LETTER.search(body) is not None)


def _a_statement_of_the_body(judge: Judge, text: str) -> bool:
    """A short statement (`reads_as_statement`) in the body's letters: a Korean price glued onto an English story,
    or a Japanese ad under it, is no statement of the story."""
    return reads_as_statement(text) and not judge.doc.in_other_letters(text)


def _without_article_sentences(judge: Judge, whole: LineVerdicts,
                               partial: list[Scored]) -> tuple[LineVerdicts, list[Scored]]:
    """Removals the model's score alone decided, but for text that reads as the article's: a sentence that names what
    the body names ("If Obama wins, America loses." under a story about Obama), or a paragraph of prose (two
    sentences or more, PARAGRAPH_WORDS words or more), and the unnamed lines right above such text but a byline (the
    trailer only went through it). Not kept so: a label or a headline (no sentence), a prompt ("Follow Reuters on
    Twitter.", "... click here."), a line with a link, a handle or a phone number (injected spam may name a topic of
    the page, "a FREE Bluetooth Headset", but comes with a way to reach it), or more than ARTICLE_CHECK_CHARS of
    text. A short statement (`reads_as_statement`: "Śledztwo trwa."), a byline ('— Claire Martin', '— Juan Ruiz,
    RTVE'), a line with an e-mail address (a contact line, unless it opens with a prompt word) and a bare link alone
    on its line (a source) read as the article's too."""
    unnamed_lines = [i for i, scored in whole.items() if not scored.hits]
    unnamed_spans = [p for p in partial if not p.hits]
    if not (unnamed_lines or unnamed_spans) or judge.model is None:
        return whole, partial
    doc, text = judge.doc, judge.doc.text
    cut_at = {doc.line_of(p.start): p.start for p in partial}
    body_names = set()
    for index in doc.nonblank:
        if index not in whole:
            line = doc.lines[index]
            body_names.update(_NAME.findall(text, line.start, cut_at.get(index, line.end)))

    def reads_as_article(start: int, end: int) -> bool:
        if end - start > ARTICLE_CHECK_CHARS:
            return False
        sentence = text[start:end].strip()
        words = sentence.split()
        if not words or words[0].casefold() in PROMPT_WORDS or _CLICK.search(sentence):
            return False
        reaches = reaches_someone(sentence)
        if _EMAIL.search(sentence) or len(words) == 1 and reaches and sentence.isascii():
            return True  # a contact line ("For details, contact press@agency.org") or a bare source link (in a
            # script without spaces, one "word" may be a whole line of text with a link glued on)
        if reaches:
            return False
        if _a_statement_of_the_body(judge, sentence) or _BYLINE.fullmatch(sentence):
            return True
        if len(words) < 4 or sentence[-1] not in _TAIL_SENTENCE_END:
            return False
        return len(words) >= PARAGRAPH_WORDS and SENTENCE_BREAK.search(sentence) is not None \
            or any(name in body_names for name in _NAME.findall(sentence))

    kept_lines = {i for i in unnamed_lines if reads_as_article(doc.lines[i].start, doc.lines[i].end)}
    for index in sorted(kept_lines):
        if _BYLINE.fullmatch(doc.line_text(index).strip()):
            continue  # a byline is no sentence of the article: the junk above it stands
        pos = bisect_left(doc.nonblank, index) - 1
        while pos >= 0 and doc.nonblank[pos] in whole and not whole[doc.nonblank[pos]].hits:
            kept_lines.add(doc.nonblank[pos])
            pos -= 1
    if kept_lines:
        whole = whole.keep_only(i for i in whole if i not in kept_lines)
    return whole, [p for p in partial if p.hits or not reads_as_article(p.start, p.end)]


def _with_a_body(judge: Judge, whole: LineVerdicts, partial: list[Scored]) -> tuple[LineVerdicts, list[Scored]]:
    """Removals that a rule names always stand; those that stand on the model's score alone only where the
    document keeps a body: `min_body_chars` visible characters, or half as many on at least two lines. A
    message, a title or a short note gives the model no article to compare a line with: there, a score is not
    evidence enough to cut text, and a document is never emptied on one."""
    if all(s.hits for s in whole.values()) and all(p.hits for p in partial):
        return whole, partial
    text = judge.doc.text
    removed = sum(_visible(judge.doc.line_text(i)) for i in whole) + sum(_visible(text[p.start:p.end])
                                                                        for p in partial)
    kept = _visible(text) - removed
    kept_lines = len(judge.doc.nonblank) - len(whole)
    if kept >= judge.settings.min_body_chars or (kept_lines >= 2 and 2 * kept >= judge.settings.min_body_chars):
        return whole, partial
    return whole.keep_only(_named_runs(judge, whole)), [p for p in partial if p.hits]


def _named_runs(judge: Judge, whole: LineVerdicts) -> Iterator[int]:
    """The lines of each run of removed lines (consecutive non-blank lines) of which a rule names one, but for a
    line no rule names that reads as a sentence ("Short note." above a spam line stays: only a label, an anchor
    text such as "Google", goes with the named junk around it)."""
    doc = judge.doc
    nonblank = doc.nonblank
    first = None  # the position in `nonblank` of the current run's first line
    named = False
    for pos in range(len(nonblank) + 1):
        index = nonblank[pos] if pos < len(nonblank) else -1
        if index in whole:
            first = pos if first is None else first
            named = named or bool(whole[index].hits)
            continue
        if first is not None and named:
            yield from (i for i in nonblank[first:pos] if whole[i].hits or judge.reads_as_label(i))
        first, named = None, False


def junk_tail(judge: Judge, line_unit: Unit) -> Scored | None:
    """The longest run of segments ending the line in which each segment, and the run, score as junk; the run
    looks past one segment that does not when the segment before it is junk a rule names.

    The run never starts at the line's start: whether the whole line goes is the walk's question, and a
    unit that starts the line is judged as a line, never as a tail (the model learned tails as tails).
    """
    doc, settings = judge.doc, judge.settings
    text = doc.text
    line = doc.lines[line_unit.line_index]
    best = None
    gap = False  # a doubtful piece lies between `best` and the next piece: only named junk may follow it
    end = line.end
    for seg in reversed(doc.seams(line_unit.line_index)[1:]):
        if len(text[line.start:seg.start].strip()) < settings.min_head_chars:
            break  # one character before the seam is a piece of the tail's first word ("s" of "sPOrTs")
        if gap and not _ALNUM.search(text[seg.start:end]):
            continue  # punctuation after the doubtful piece joins the piece before it
        if text[seg.start:end].strip():
            if (best is None or gap) and not doc.hits_in(seg.start, end) \
                    and (gap or _whole_sentence(text, seg.start, end) and not _departs(judge, seg.start, end)):
                break  # a piece no rule names ends the run here, whatever it would score: no need to score it
            scored = judge.judge(piece(line_unit, seg.start, end))
            if not scored.is_junk:
                if best is None or gap:
                    break
                gap = True  # "... £2000 prize GUARANTEED. Claim 3030.| Valid 12hrs only": look past one piece
                end = seg.start
                continue
            if gap and not scored.hits or not scored.hits and _whole_sentence(text, seg.start, end) \
                    and not _departs(judge, seg.start, end):
                break  # a sentence no rule names is the paragraph's end, not part of the junk glued after it
            run = scored if best is None else judge.judge(suffix(line_unit, seg.start))
            if not run.is_junk:
                break
            best, gap = run, False
        end = seg.start
    if best is not None:
        best = _with_call_to_action(judge, line_unit, line, best)
    if best is not None and (_too_slight_to_cut(judge, best.start, line.end, best)
                             or _unnamed_tail(judge, best)):
        return None
    return best


def _article_then_junk(judge: Judge, line_unit: Unit) -> Scored | None:
    """For a line that scores as junk: its junk tail, if what comes before it reads as article. A head no rule names
    goes along with a tail a rule names only at the middle threshold (the rule speaks for the tail, not the head),
    unless it is one call-to-action word ("buy" of "buy cheap viagra ..."), opens the ad (`opens_an_ad`) or is
    anchors glued on (`glued_anchors`), and never when it is SENTENCE_TAIL_WORDS words or more."""
    tail = junk_tail(judge, line_unit)
    if tail is None or tail.start == line_unit.start:
        return None
    head_text = judge.doc.text[line_unit.start:tail.start]
    if len(head_text) <= 20 and head_text.strip().casefold() in judge.settings.call_to_action \
            or tail.hits and opens_an_ad(head_text):
        return None
    named_tail_only = tail.hits and not judge.doc.hits_in(line_unit.start, tail.start)
    if named_tail_only and (glued_anchors(head_text) or heads_a_list(head_text, judge.doc.text[tail.start:tail.end])):
        return None
    if named_tail_only and _words(head_text) >= SENTENCE_TAIL_WORDS:
        return tail  # a head of a sentence's length that no rule names is the article's: the named junk goes alone
    # one word glued onto the tail in other letters than the story's is a piece of the junk, none of the story's
    # text: the threshold will do ("高端|外围模特 ..."; "출처: 한겨레 高端|外围模特 ...", a credit before it, stays)
    glued_on = len(head_text.split()) == 1 and not head_text[-1].isspace() \
        and judge.doc.in_other_letters(head_text)
    threshold = judge.middle_threshold if named_tail_only and not glued_on else None
    return None if judge.judge(head(line_unit, tail.start), threshold).is_junk else tail


def glued_anchors(head_text: str) -> bool:
    """Whether the head of a line is lower-case words shorter than a sentence, glued letter to letter onto the tail
    after it: anchors scraped one onto the next ("jogo do bicho|apostas esportivas|Bônus sem depósito"), where article
    text has a capital, punctuation or a space before the junk ("Colosseum Theater Essen|Sepatu ...", "Weiterführender
    Link|porno film izle ...").

    >>> glued_anchors("jogo do bichoapostas esportivas"), glued_anchors("Weiterführender Link"), glued_anchors("more ")
    (True, False, False)
    """
    return head_text[-1:].isalpha() and _LOWER_CASE_WORDS.fullmatch(head_text) is not None \
        and _words(head_text) < SENTENCE_TAIL_WORDS


def heads_a_list(head_text: str, tail_text: str) -> bool:
    """Whether the head of a line is the first item of the list the tail after it is: it ends with a separator the
    tail repeats between two items or more ('pozycjonowanie za grosze - |tanie pozycjonowanie - precle seo - kup
    linki'), and is shorter than a sentence, with no sentence end, link or phone number in it (a source cited before
    junk: 'https://www.census.gov/abs/2707.3501 ヴィトン コピー 財布 - |スーパーコピー 時計 - ...').

    >>> heads_a_list("seo za grosze - ", "tanie seo - precle seo - kup linki"), heads_a_list("He said - ", "a - b")
    (True, False)
    >>> heads_a_list("https://a.org/2707 コピー 財布 - ", "スーパーコピー 時計 - ブランドコピー - ロレックス コピー")
    False
    """
    return any(head_text.endswith(separator) and tail_text.count(separator) >= 2 for separator in LIST_SEPARATORS) \
        and _words(head_text) < SENTENCE_TAIL_WORDS and SENTENCE_BREAK.search(head_text) is None \
        and _first_reach(head_text) is None


def opens_an_ad(head_text: str) -> bool:
    """Whether the head of a line is one or two words of letters joined by one space to the tail after it: the opening
    of an ad ("I migliori| cialis generico online qui ..."), where a credit or a sentence glued to junk has
    punctuation, more words or no space.

    >>> opens_an_ad("I migliori "), opens_an_ad("Photo: Reuters "), opens_an_ad("Kliknij i sprawdź "), opens_an_ad("Zu")
    (True, False, False, False)
    """
    words = head_text[:-1]
    return head_text.endswith(" ") and _TWO_WORDS.fullmatch(words) is not None


def _with_call_to_action(judge: Judge, line_unit: Unit, line: Line, tail: Scored) -> Scored:
    """The tail and the call-to-action word before it ("Get" of "Get cheap jerseys ..."), if the longer
    run still scores as junk and still leaves article text before it."""
    head_text = judge.doc.text[line.start:tail.start]
    stripped = head_text.rstrip()
    if len(stripped) == len(head_text) or not stripped:
        return tail  # glued to the word before: no word of its own to take
    word = stripped.rsplit(None, 1)[-1]
    start = line.start + len(stripped) - len(word)
    if start <= line.start or word.casefold() not in judge.settings.call_to_action:
        return tail
    run = judge.judge(suffix(line_unit, start))
    return run if run.is_junk else tail


def _too_slight_to_cut(judge: Judge, start: int, end: int, tail: Scored) -> bool:
    """A tail of one or two words that no rule names ("... deported. PTI", "VietnamPlus") stays: a reader
    takes it for a credit or a name, and the model alone is not evidence enough to cut a line. One of two words
    that departs from the article (`_departs`: "... a tree outside the village. 论文代写 >>", "...的地方在线AV，请访问
    http://...") is no credit: it goes; one word stays."""
    if tail.hits:
        return False
    words = _words(judge.doc.text[start:end])
    return words < (2 if _departs(judge, start, end) else judge.settings.glued_tail_words)


def _unnamed_tail(judge: Judge, tail: Scored) -> bool:
    """A tail that no rule names is cut only at the middle threshold (at the threshold when it is in other letters
    than the body's or gives a phone number, as an ad does: '...the assassination.Game bài đổi thưởng liên hệ
    0805640911', 0.89, in a story whose letters go beyond ASCII), and never when it is a whole sentence of
    SENTENCE_TAIL_WORDS or more (a capital after a sentence end) that does not depart from the article (`_departs`)
    or starts inside a name (`_starts_inside_a_name`): the end of a paragraph is where article text most often
    stands (its last sentence, a contact address), and a cut inside a line is the costliest guess. A link alone
    does not lower the threshold: embedded posts glue theirs onto a hashtag ('#Charlie|Hebdo attack: http://t.co/...')."""
    if tail.hits or judge.model is None:
        return False
    text = judge.doc.text
    tail_text = text[tail.start:tail.end]
    other_script = judge.doc.in_other_letters(tail_text)
    departs = other_script or sells_by_link_or_phone(tail_text)
    threshold = judge.settings.threshold if other_script or _PHONE.search(tail_text) else judge.middle_threshold
    return (_whole_sentence(text, tail.start, tail.end) or _goes_on_after_an_abbreviation(text, tail.start)) \
        and not departs or _starts_inside_a_name(text, tail.start) or _cited(text, tail.start) \
        or (tail.model_score or 0.0) < threshold


def _cited(text: str, start: int) -> bool:
    """Whether the text at `start` is what a credit word right before it cites ('via| 読売新聞', 'Quelle:| dpa').

    >>> _cited("Officials said so.\\nvia 読売新聞", 23), _cited("He said so. Buy 読売新聞", 15)
    (True, False)
    """
    return _CREDIT_BEFORE.search(text[max(0, start - CREDIT_READS):start]) is not None


def _goes_on_after_an_abbreviation(text: str, start: int) -> bool:
    """Whether the tail at `start` is a lower-case word after an abbreviation and a space ("U.S.", "e.g.", "Dr."): the
    sentence goes on there ("in exchange for U.S.| prisoner Bowe Bergdahl"), it does not end.

    >>> text = "He was swapped for U.S. prisoner Bowe Bergdahl in May"
    >>> _goes_on_after_an_abbreviation(text, 23), _goes_on_after_an_abbreviation("It ended.Porno izle", 9)
    (True, False)
    >>> _goes_on_after_an_abbreviation("democracy from within. if (typeof window.x)", 22)
    False
    """
    first = start
    while first < min(len(text), start + 4) and text[first] in " \t":
        first += 1
    last = first - 1
    while last >= max(0, first - 4) and text[last] in " \t":
        last -= 1
    return first < len(text) and text[first].islower() and last >= 0 and text[last] == "." and last < first - 1 \
        and _ABBREVIATION.search(text, max(0, last - 8), last + 1) is not None


def _departs(judge: Judge, start: int, end: int) -> bool:
    """Whether the tail [start, end) departs from the article it is glued to: it is written in other letters than
    the body's (`Document.in_other_letters`), or it gives a link or a phone number to reach a seller by."""
    text = judge.doc.text[start:end]
    return judge.doc.in_other_letters(text) or sells_by_link_or_phone(text)


def _whole_sentence(text: str, start: int, end: int) -> bool:
    """[start, end) is a sentence of SENTENCE_TAIL_WORDS words or more: a capital after a sentence end, quotes and
    brackets opening it aside, and those closing the sentence before it where a space follows them (glued on,
    'reasons."Thuê người viết', it is junk as often as a sentence).

    >>> text = 'He left. Council members met the mayor, contact press@city.org'
    >>> _whole_sentence(text, 8, len(text)), _whole_sentence(text, 3, len(text))
    (True, False)
    >>> text = 'He said: "We left." (You can read the whole report here.)'
    >>> _whole_sentence(text, 19, len(text)), _whole_sentence(text.replace('" (', '"('), 19, len(text) - 1)
    (True, False)
    """
    spaced = text[start:start + 1].isspace() or start > 0 and text[start - 1].isspace()
    before = start - 1
    while before >= 0 and (text[before].isspace() or spaced and text[before] in CLOSING_MARKS):
        before -= 1  # no copy of the text before: this runs for each piece of a tail
    if before < 0 or text[before] not in _SENTENCE_END:
        return False
    body = text[start:end].strip().lstrip(OPENING_MARKS)
    return body[:1].isupper() and _words(body) >= SENTENCE_TAIL_WORDS


def _starts_inside_a_name(text: str, start: int) -> bool:
    """Whether a tail starting at `start` starts inside a word written in camel case ("Mc|Aleenan",
    "Smart|Asset's", "You|Tube": the part before is one short capitalised word), a name, not junk glued on.

    >>> text = "Mr McAleenan resigned. A planner (SmartAsset's tool) helps."
    >>> _starts_inside_a_name(text, 5), _starts_inside_a_name(text, 39), _starts_inside_a_name(text, 22)
    (True, True, False)
    >>> _starts_inside_a_name("tangan ayahkuADVERTISEMENT", 12), _starts_inside_a_name("Safety HazardPinjol", 13)
    (False, False)
    """
    return 0 < start < len(text) and text[start].isupper() and not text[start - 1].isspace() \
        and _GLUED_HEAD.search(text, max(0, start - 8), start) is not None


def _visible(text: str) -> int:
    """The characters of `text` that are not white space (counted in C, with no copy of a long text).

    >>> _visible(" a b\\n c ")
    3
    """
    return len(text) - sum(map(text.count, WHITE_SPACE))


def _words(body: str) -> int:
    """Words in a short piece of text; in Chinese and Japanese, which need no spaces, two characters a word, in Thai
    five (as `evidence.word_count` counts them).

    >>> _words("deported. PTI"), _words("東京都知事"), _words("ข่าวที่เกี่ยวข้องรัฐบาล")
    (2, 2, 4)
    """
    words = len(body.split())
    if not body.isascii():
        words = max(words, len(_NO_SPACE_LETTER.findall(body)) // 2 + len(_THAI_LETTER.findall(body)) // 5)
    return words


def _widen_to_line_edges(text: str, line: Line, start: int, end: int) -> tuple[int, int]:
    """Extend a span over whitespace to the edge of its line when only whitespace separates them."""
    if not text[line.start:start].strip():
        start = line.start
    if not text[end:line.end].strip():
        end = line.end
    return start, end
