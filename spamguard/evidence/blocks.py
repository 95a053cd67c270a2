"""Block evidence: lines that are junk because of the lines around them.

A short line such as "Drunk in the morning man tells himself to shut up" is a headline; alone it is no evidence of
anything. Under a "RELATED CONTENT" header, in a run of lines like it, it is a related-links list; next to
"www.christianprayercenter.com" and "Need Prayers? Thousands Will Pray For You." it is a text ad. A reader sees
the block, not the line. This module finds these kinds of block, each a rule of rules.toml's `[[block]]` table,
and gives every line of one a hit of that rule (a line rule: the judge removes such a line wherever it stands,
when the rule's weight is one that acts alone):

- `boilerplate.related-list`: the short title lines under a list header (a `boilerplate.related-header` hit);
- `boilerplate.ad-block`: a run of short lines under an "Ads" header, or holding two display URLs
  ("canada-life-insurance.org/Funeral") or a click-tracking link;
- `boilerplate.pager-number`: a lone page number next to "Previous" / "Next";
- `boilerplate.teaser-list`: headlines cut short with "..." ("Teen felled with killer punch after picking fight
  with..."), two near each other or one next to other chrome;
- `boilerplate.interleaved-headlines`: four or more headlines of other stories, each alone between two
  paragraphs of prose and sharing no word with the paragraph below it (a subheading introduces its paragraph);
- `pharma.off-topic-line`, `gambling.`, `adult.`, `escort.`, `counterfeit.`, `essay-mill.`: a short line naming
  what spam sells ("viagra kaufen!", "эскорт услуги", "rolex replika") in a document whose paragraphs never name
  it: spam set into an article about something else, in words no phrase list holds. News about casinos names
  them in its paragraphs. Evidence only (a weight below the one that acts alone): the model decides.

When unsure, a block keeps its lines: a list ends at the first line that reads as a sentence or as anything but
a title, a list of more than MAX_ITEMS is taken for the article's own list, and an ad block needs its URLs.

Cost: blocks start only at a header, a pager or a URL line found by one scan of the text, and each looks at a
bounded number of lines around it (MAX_LOOK), each read up to SHORT_CHARS; the names of what spam sells are found
by one Aho-Corasick pass over the view: linear in the document, whatever its shape, and nothing kept but the hits.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from functools import lru_cache
from heapq import merge

from ahocorasick_rs import BytesAhoCorasick

from ..hits import Hits
from ..matcher import key_automaton, scan_keys
from ..normalize import HAS_LETTER, stripped_span, view
from ..rules import table_fragment, table_rule
from ..units import Document
from ..words import CLOSING_MARKS, LONG_WORD, SENTENCE_BREAK

MAX_ITEMS = 12  # a list header announces a few links; a longer list is the article's own
MAX_LOOK = 40  # lines a block looks at around where it starts
SHORT_CHARS = 200  # a line longer than this is no title, no ad line
TITLE_WORDS = 20
RELATED_HEADER = "boilerplate.related-header"
PAGER = "boilerplate.pager"
AD_HEADER = "boilerplate.ad-header"
# Headers of a list of sources, written without a colon (an ad's title is no such word)
_REFERENCE_HEADERS = frozenset(("references", "sources", "links", "further reading", "see also", "bibliography",
                                "notes", "external links"))
RELATED_LIST, AD_BLOCK, PAGER_NUMBER = "boilerplate.related-list", "boilerplate.ad-block", "boilerplate.pager-number"
TEASER_LIST, INTERLEAVED = "boilerplate.teaser-list", "boilerplate.interleaved-headlines"
OFF_TOPIC = {family: f"{family}.off-topic-line"
             for family in ("pharma", "gambling", "adult", "escort", "counterfeit", "essay-mill")}
BLOCK_RULES = (RELATED_LIST, AD_BLOCK, PAGER_NUMBER, TEASER_LIST, INTERLEAVED,
               *OFF_TOPIC.values())  # the [[block]] entries of rules.toml
TEASER_CHARS = (45, 75)  # a teaser is a headline cut at a fixed length: longer than most lines ending in "..."
TEASER_GAP = 4  # lines from one teaser to the next (or to other chrome) in a teaser list
HEADLINE_CHARS = (20, 140)  # the length of a headline's line, white space included
PARAGRAPH_CHARS = 600  # read of the paragraph below a headline, for the words they share
MIN_INTERLEAVED = 4  # fewer headlines between paragraphs may be the article's own subheadings
# An off-topic line is shorter than a paragraph: fewer characters and words than these (a line of a script without
# spaces is one "word", so its characters tell)
PARAGRAPH_LINE_CHARS, PARAGRAPH_LINE_WORDS = 120, 12
# What is known of each line, a byte a line (a flood of a million chrome lines is ordinary input): bits for the
# line rules a block reads, then the block a line was found in.
_LINE_RULE, _HEADER, _PAGER, _AD_HEADER, _DISPLAY_URL, _TRACKING_URL = 1, 2, 4, 8, 16, 32
_READ_RULES = {RELATED_HEADER: _HEADER, PAGER: _PAGER, AD_HEADER: _AD_HEADER}
_MARKS = {RELATED_LIST: 1, AD_BLOCK: 2, PAGER_NUMBER: 3, TEASER_LIST: 4, INTERLEAVED: 5,
          **{rule_id: 6 + n for n, rule_id in enumerate(OFF_TOPIC.values())}}
_TLD = r"(?:com|org|net|info|biz|co|io|us|uk|ca|au|de|fr|es|it|nl|ru|in|me|tv|edu|gov)(?:\.[a-z]{2})?"
# A display URL (as text ads show them: no scheme, at most one short path) or a link through a click tracker,
# alone on a line. Every repeat is bounded, so a match attempt (one per line start) reads a bounded stretch of text,
# whatever the line holds (the standard library's `re`, twice as fast here as `regex`, has no possessive
# quantifiers before Python 3.11).
_URL = (r"[^\S\n]{0,20}(?:(?P<display>(?:www\.)?(?:[a-z0-9][a-z0-9-]{0,62}\.){1,6}" + _TLD + r"(?:/[\w-]{1,30})?/?)|"
        r"(?P<tracking>https?://\S{0,150}?(?:click|track|redirect|aff|subid|adserv|doubleclick)\S{0,150}))"
        r"[^\S\n]{0,20}(?=\n|\Z)")
_FIRST_URL_LINE = re.compile(_URL, re.IGNORECASE)
_URL_LINE = re.compile(r"\n" + _URL, re.IGNORECASE)  # led by a line break: the scan jumps from line to line
_PAGE_NUMBER = re.compile(r"\d{1,3}")
# Three dots, as teaser lists cut headlines; a line ending in '…' was an article sentence wherever we looked.
_LINE_END_DOTS = re.compile(r"\.\.\.[^\S\n]{0,20}(?=\n|\Z)")
_SENTENCE_PUNCTUATION = frozenset(".!?:;,")
_PROSE_END = frozenset(".!?\"”’'")


def block_hits(doc: Document) -> Hits:
    """The hits of the block rules in `doc`: one per line of each block found, spanning the line's text."""
    known = bytearray(len(doc.lines))
    headers, pagers, ad_headers = array("q"), array("q"), array("q")
    hits = doc.hits
    bits = [_LINE_RULE | _READ_RULES.get(rule.id, 0) if rule.scope == "line" else 0 for rule in hits.rules]
    for number, start in zip(hits.rule_numbers, hits.starts):  # read from the arrays: no Hit made
        if bits[number]:
            index = doc.line_of(start)
            bit = bits[number] & ~_LINE_RULE
            if bit and not known[index] & bit:
                (headers if bit == _HEADER else pagers if bit == _PAGER else ad_headers).append(index)
            known[index] |= bits[number]
    marked = bytearray(len(doc.lines))  # a _MARKS value where a block was found
    for index in pagers:
        for number in _pager_numbers(doc, index):
            marked[number] = marked[number] or _MARKS[PAGER_NUMBER]
    for index in headers:
        for item in _related_list(doc, index, known, marked):
            marked[item] = marked[item] or _MARKS[RELATED_LIST]
    for index in _ad_block_lines(doc, known, ad_headers):
        marked[index] = marked[index] or _MARKS[AD_BLOCK]
    for index in _teaser_list(doc, known, marked):
        marked[index] = marked[index] or _MARKS[TEASER_LIST]
    for index in _interleaved_headlines(doc):
        marked[index] = marked[index] or _MARKS[INTERLEAVED]
    for index, family in _off_topic_lines(doc):
        marked[index] = marked[index] or _MARKS[OFF_TOPIC[family]]
    found = Hits(len(doc.text))
    if marked.count(0) < len(marked):
        rules = {mark: table_rule(rule_id) for rule_id, mark in _MARKS.items()}
        for index, mark in enumerate(marked):
            if mark and not known[index] & _LINE_RULE:  # a line a line rule matched goes already
                found.append(rules[mark], *stripped_span(doc.text, doc.lines[index].start, doc.lines[index].end))
    return found


def _related_list(doc: Document, header: int, known: bytearray, marked: bytearray) -> list[int]:
    """The item lines under a list header: short title lines, a line that another line rule removes, or that a
    pager block holds, passed over ('Previous', '1', '+12'); none when the list is longer than MAX_ITEMS. The blank
    lines before the first item (none or one) set the spacing: a wider gap ends the list."""
    items: list[int] = []
    blanks = 0
    spacing = None  # blank lines allowed between items: those before the first item
    for index in range(header + 1, min(header + 1 + MAX_LOOK, len(doc.lines))):
        text = _read(doc, index)
        if not text:
            blanks += 1
            if blanks > (1 if spacing is None else spacing):
                break
            continue
        gap, blanks = blanks, 0
        if known[index] & _HEADER:
            break
        if known[index] & _LINE_RULE or marked[index]:
            continue
        spacing = gap if spacing is None else spacing
        if not _reads_as_title(text):
            if items and items[-1] == index - 1:
                items.pop()  # a title right above prose is the prose's heading, not a list item
            break
        items.append(index)
        if len(items) > MAX_ITEMS:
            return []
    header_words = len(_read(doc, header).split())
    return items if len(items) >= (2 if header_words == 1 else 1) else []


def _pager_numbers(doc: Document, pager: int) -> Iterator[int]:
    """The lone page numbers right above and below a pager line ('Previous', '1', '2', 'Next')."""
    for step in (-1, 1):
        index = pager + step
        while 0 <= index < len(doc.lines) and abs(index - pager) <= MAX_LOOK \
                and _PAGE_NUMBER.fullmatch(_read(doc, index)):
            yield index
            index += step


def _ad_block_lines(doc: Document, known: bytearray, ad_headers: array[int]) -> Iterator[int]:
    """The lines of each text-ad block, in a run of short non-blank lines: the whole run when an ad header starts
    it (and two lines follow); else the run up to the line after its last display URL when it holds two (after an
    ad title, not under a header such as "Sources:", whether it starts the run or stands right above the first URL,
    the run then starting with the article's last lines), or up to a click-tracking link among its first five
    lines."""
    url_lines = array("q")
    for line, kind in _url_lines(doc.text):
        index = doc.line_of(line)
        known[index] |= _DISPLAY_URL if kind == "display" else _TRACKING_URL
        url_lines.append(index)
    covered = -1  # the last line of the runs read so far: a start inside one was read with it
    for start in merge(ad_headers, url_lines) if ad_headers else url_lines:
        if start <= covered:
            continue
        first, last = _short_run(doc, start)
        covered = last
        run = range(first, last + 1)
        display = [i for i in run if known[i] & _DISPLAY_URL]
        tracking = [i for i in run if known[i] & _TRACKING_URL]
        if known[first] & _AD_HEADER and len(run) >= 3:
            yield from run
        elif len(display) >= 2 and display[0] > first and 4 * len(display) >= len(run) \
                and not _heads_a_reference_list(_read(doc, first)) \
                and not _heads_a_reference_list(_read(doc, display[0] - 1)):
            yield from range(first, min(display[-1] + 1, last) + 1)  # an ad's pitch follows its URL
        elif tracking and tracking[-1] - first < 5:
            yield from range(first, tracking[-1] + 1)  # the link ends its ad


def _heads_a_reference_list(text: str) -> bool:
    """Whether a line heads a list of sources, not an ad: it ends with a colon ("Sources:", "المصادر:"), or it is a
    reference header ("References", "Further reading").

    >>> [_heads_a_reference_list(t) for t in ("Sources:", "References", "See also", "Cheap flights to Rome")]
    [True, True, True, False]
    """
    return text.endswith((":", "：")) or text.casefold() in _REFERENCE_HEADERS


def _teaser_list(doc: Document, known: bytearray, marked: bytearray) -> list[int]:
    """The teasers that have another teaser, or a line another rule or block removes, within TEASER_GAP lines, and
    a line standing right between two of them."""
    if "..." not in doc.text:
        return []
    teasers = [index for index in dict.fromkeys(doc.line_of(m.start()) for m in _LINE_END_DOTS.finditer(doc.text))
               if _reads_as_teaser(_read(doc, index))]
    found: list[int] = []
    for k, index in enumerate(teasers):
        paired = (k > 0 and index - teasers[k - 1] <= TEASER_GAP) \
            or (k + 1 < len(teasers) and teasers[k + 1] - index <= TEASER_GAP)
        near = range(max(0, index - TEASER_GAP), min(len(doc.lines), index + TEASER_GAP + 1))
        if paired or any(known[i] & _LINE_RULE or marked[i] for i in near):
            if found and index - found[-1] == 2 and _read(doc, index - 1):
                found.append(index - 1)  # a line right between two teasers is the first one's picture caption
            found.append(index)
    return found


def _reads_as_teaser(text: str) -> bool:
    """A headline cut short: a title of TEASER_CHARS characters ending in '...' glued to its last word.

    >>> _reads_as_teaser("Outrage as new Grand Theft Auto game allows player to...")
    True
    >>> _reads_as_teaser("More to come..."), _reads_as_teaser("He left. Then, after a while, he came back again...")
    (False, False)
    """
    body = text.rstrip(". \t")
    return TEASER_CHARS[0] <= len(text) <= TEASER_CHARS[1] and body[-1:].isalnum() | (body[-1:] in "'’\"”") \
        and _reads_as_title(text) and not SENTENCE_BREAK.search(body)


def _interleaved_headlines(doc: Document) -> list[int]:
    """The headlines standing alone between paragraphs of prose, none sharing a long word with the prose below it,
    when there are MIN_INTERLEAVED or more (line lengths and ends find the candidates: a text with fewer reads
    no more)."""
    text, starts, ends, nonblank = doc.text, doc.line_starts, doc.lines.ends, doc.nonblank
    if len(nonblank) < 2 * MIN_INTERLEAVED + 1:  # each headline stands between two lines of prose
        return []
    low, high = HEADLINE_CHARS
    candidates = [pos for pos, i in enumerate(nonblank[1:-1], 1)  # a line with lines around it, read at its end
                  if low <= ends[i] - starts[i] <= high and text[ends[i] - 1] not in _SENTENCE_PUNCTUATION]
    if len(candidates) < MIN_INTERLEAVED:
        return []
    headlines: list[int] = []
    for n, pos in enumerate(candidates):
        if len(headlines) + len(candidates) - n < MIN_INTERLEAVED:
            return []  # the candidates left cannot make up the count
        index, below = nonblank[pos], nonblank[pos + 1]
        title = _read(doc, index)
        if _reads_as_headline(title) and _is_prose(doc, nonblank[pos - 1]) and _is_prose(doc, below) \
                and not _stems(title) & _stems(_read(doc, below, PARAGRAPH_CHARS)):
            headlines.append(index)
    return headlines if len(headlines) >= MIN_INTERLEAVED else []


def _off_topic_lines(doc: Document) -> list[tuple[int, str]]:
    """The short lines (and the family of what they name) that name what spam sells when neither the title (the
    first line) nor a paragraph of the document names it, in a document with a paragraph (PARAGRAPH_LINE_CHARS
    characters or PARAGRAPH_LINE_WORDS words), and that no rule names already. A name glued onto the end of a word
    is no name ("disputas" holds no "putas"), nor is a line of one letter repeated ("xxxxxxxx", a divider)."""
    automaton, stems = _stem_automaton()
    folded = doc.view.text
    found = scan_keys(automaton, folded)
    if not found:
        return []
    named: dict[tuple[str, str], list[int]] = {}  # (stem, family) -> the short lines naming it
    in_paragraphs: set[str] = set()
    kinds: dict[int, str] = {}  # line -> "topic" (the title or a paragraph), "short" or "divider"
    for number, start, end in found:
        stem = stems[number][0]
        if start and folded[start - 1].isalpha() and stem.isascii():
            continue
        index = doc.line_of(doc.view.to_original(start, end, len(doc.text))[0])
        kind = kinds.get(index)
        if kind is None:
            kind = kinds[index] = "topic" if index == doc.nonblank[0] or _is_paragraph(doc, index) \
                else "divider" if len(set(HAS_LETTER.findall(_read(doc, index)))) < 2 else "short"
        if kind == "topic":
            in_paragraphs.add(stem)
        elif kind == "short":
            named.setdefault(stems[number], []).append(index)
    if all(stem in in_paragraphs for stem, _ in named) or not any(_is_paragraph(doc, index) for index in doc.nonblank):
        return []
    # a line a rule names already is left to that rule: its junk may be glued onto article text, which a line's
    # evidence would take along ("... 7.00 P.M. porno izle"). Read from the hits, not `doc.lines_with_hits` or
    # `doc.hits_in`: those are cached, and the block hits join the document's hits after this.
    named_by_rules = {doc.line_of(start) for start in doc.hits.starts}
    return [(index, family) for (stem, family), indexes in named.items() if stem not in in_paragraphs
            for index in indexes if index not in named_by_rules]


def _is_paragraph(doc: Document, index: int) -> bool:
    """Line `index` is a paragraph: PARAGRAPH_LINE_CHARS characters or more (white space at its ends aside), or more
    than PARAGRAPH_LINE_WORDS words; a line of twice as many characters is one unread."""
    line = doc.lines[index]
    if line.end - line.start >= 2 * PARAGRAPH_LINE_CHARS:
        return True
    text = _read(doc, index, 2 * PARAGRAPH_LINE_CHARS)
    return len(text) >= PARAGRAPH_LINE_CHARS or len(text.split()) > PARAGRAPH_LINE_WORDS


@lru_cache(maxsize=1)
def _stem_automaton() -> tuple[BytesAhoCorasick, list[tuple[str, str]]]:
    """One automaton of the names spam sells, folded as the view is (rules.toml's `stems_<family>` fragments), and
    each key's (stem, family)."""
    stems = {view(stem).text: family for family in OFF_TOPIC
             for stem in table_fragment(f"stems_{family}").split("|")}
    keys = sorted(stems)
    return key_automaton(keys, small=True), [(key, stems[key]) for key in keys]


def _reads_as_headline(text: str) -> bool:
    """A title in title case: 4 to 14 words, three or more words of four letters or more and all of them
    capitalised, not all capitals, not led by a label ("A: Trip to Disney World" answers a question).

    >>> _reads_as_headline("Man Shot at Dallas Gas Station Dies at Hospital")
    True
    >>> _reads_as_headline("Man shot at a gas station"), _reads_as_headline("WHAT YOU NEED TO MAKE JAM")
    (False, False)
    >>> _reads_as_headline("A: Trip to Disney World"), _reads_as_headline("Apr 21, 2017 — Mark Smyth")
    (False, False)
    """
    words = text.split()
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return 4 <= len(words) <= 14 and len(long_words) >= 3 and all(w[0].isupper() for w in long_words) \
        and not text.isupper() and not words[0].endswith(":")


def _is_prose(doc: Document, index: int) -> bool:
    """Line `index` ends like a sentence and is no short label (read at its ends only: a paragraph may be long)."""
    start, end = stripped_span(doc.text, doc.lines[index].start, doc.lines[index].end)
    return end - start >= 15 and doc.text[end - 1] in _PROSE_END


def _stems(text: str) -> set[str]:
    """The first five letters of each long word: 'Hospitalized' and 'hospital' share one."""
    return {w.casefold()[:5] for w in LONG_WORD.findall(text)}


def _url_lines(text: str) -> Iterator[tuple[int, str]]:
    """Where each line that is a display URL or a tracking link starts, and which it is (no copy of the text)."""
    if "." not in text:
        return
    first = _FIRST_URL_LINE.match(text)
    if first:
        yield 0, first.lastgroup or ""
    for m in _URL_LINE.finditer(text):
        yield m.start() + 1, m.lastgroup or ""


def _short_run(doc: Document, index: int) -> tuple[int, int]:
    """The first and last line of the run of short non-blank lines (no blank line between) holding `index`."""
    first = last = index
    while first > 0 and index - first < MAX_LOOK and _is_short(_read(doc, first - 1)):
        first -= 1
    while last + 1 < len(doc.lines) and last - index < MAX_LOOK and _is_short(_read(doc, last + 1)):
        last += 1
    return first, last


def _is_short(text: str) -> bool:
    return bool(text) and len(text) <= SHORT_CHARS and len(text.split()) <= TITLE_WORDS


def _reads_as_title(text: str) -> bool:
    """A headline: short, not opening in lower case, not ending like a sentence ('...' aside) or a lead-in.

    >>> _reads_as_title("2014 13-inch Retina MacBook Pro review")
    True

    >>> _reads_as_title("Drunk in the morning man tells himself to shut up")
    True
    >>> _reads_as_title("He said the plan would work."), _reads_as_title("and then it rained")
    (False, False)
    >>> _reads_as_title("It was hard. We have no further comment.”")
    False
    """
    if not _is_short(text) or text.endswith(":"):
        return False
    body = text.rstrip(CLOSING_MARKS)  # a full stop inside closing quotes ends a sentence too
    if body.endswith(".") and not body.endswith(("...", "…")):
        return False
    if body.endswith(("!", "?")) and SENTENCE_BREAK.search(body):
        return False  # a sentence, then a question or an exclamation: prose
    first = next((c for c in text if c.isalnum()), "")
    return not first.islower()


def _read(doc: Document, index: int, limit: int = SHORT_CHARS + 1) -> str:
    """Line `index`, stripped, read up to `limit` characters (one past SHORT_CHARS: enough to tell it is long)."""
    line = doc.lines[index]
    return doc.text[line.start:min(line.end, line.start + limit)].strip()
