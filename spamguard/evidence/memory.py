"""Corpus memory: how many documents of a corpus hold each line, so that a site's template lines (the same promo,
prompt or ad line under unrelated stories) are known by their repetition.

A line is counted by its fingerprint (`line_key`: case, digits and white space folded, hashed to 64 bits), once per
document that holds it. Counts are exact in a table until it holds `exact_limit` fingerprints; beyond that they
go to a sketch of `sketch_bytes` one-byte counters (three per fingerprint, conservative update, saturating at
255) whose reading is never below the true count and is above it only where all three counters of a line are
shared with others (`CorpusMemory.error_bound`). Memory is bounded by the two sizes, whatever the corpus.

Repetition is evidence, not a verdict. A syndicated story's copies hold the same article lines, so a line counts
as repeated (`repeats`) only when it stands in MIN_DOCUMENTS documents or more and in TYPICAL_RATIO times as many
documents as the document's typical line (the lower quartile of its lines' counts): the copies of a story count
as the story. A site also repeats its own article format (a byline, "Our ruling", "Update"), so the judge removes
a repeated line only when its score reaches `Settings.repeated_threshold`, when it is short and speaks as the
site's chrome does (`reads_as_template`: "SEE ALL RELATED", "Ads by Adblade", "Share it in the comments."), or when
it stands apart (`standing_apart`): a sentence that APART_DOCUMENTS or more documents hold while the lines held
about as often make up less than half of this document, a site's promo under stories that share nothing else
("Our reporters spent months on this story; help us keep going with a gift."). A story's copies share most of
their text, so its sentences never stand apart, and nor does a quotation: many stories quote the same words.
"""
from __future__ import annotations

import hashlib
import math
import os
import zlib
from array import array
from collections.abc import Iterable, Sequence

import regex

from ..errors import MemoryFileError
from ..normalize import HAS_LETTER, fold
from ..rules import Rule
from ..segment import Lines
from ..units import Document
from ..words import PROMPT_WORDS

MIN_DOCUMENTS = 3
TYPICAL_RATIO = 2
MAX_LINE_CHARS = 1000  # a longer line is a paragraph of its own, never counted
FOLDED_CHARS = 200  # lines up to this long have their numbers and white space folded (costly on a paragraph)
EXACT_LIMIT = 1_000_000  # fingerprints counted exactly (about 100 MB of table at most)
SKETCH_BYTES = 1 << 27  # 128 MB of counters once the table is full
_DIGITS = regex.compile(r"\d+")
# A name alone, or after "By" or a dash: one to four capitalised words (not all capitals: "SEE ALL RELATED").
BYLINE_CHARS = 80
_BYLINE = regex.compile(r"\s*+(?:(?i:by)\s++|[-–—]\s*+)?(?:\p{Lu}\p{Ll}[\p{L}'’.-]*+\s*+){1,4}$")

APART_DOCUMENTS = 10  # a repeated sentence this many documents hold may stand apart (`standing_apart`)
APART_CHARS = 40  # ... when it is this long: a short line that repeats is a site's format ("Our ruling", "Update")
APART_SHARE = 0.5  # ... and the lines held about as often make up less than this share of the document's text

REPEATED = Rule("corpus.repeated", "boilerplate", "line", 0.5,
                "A line that many more documents of the corpus hold than the document's other lines: a template line.")
TEMPLATE_WORDS = 12  # a repeated line of at most this many words that holds a word of chrome reads as template
# Words of page chrome (on the folded text: lower case, no accents), in the languages of the rule table; not the
# words that short article lines hold too ("Apple Watch Series 3", "Video Shows Rescue", "Trade deal", "Poll").
_CHROME_WORD = regex.compile(
    r"\b(?:related|comments?|share|shares|subscribe|newsletter|follow|advert\w*|ads|sponsored|promoted|videos|"
    r"video loading|watch next|watch now|click|tap|slideshow|gallery|trending|most popular|recommended|sign up|"
    r"read more|more from|download|podcast|deals|coupons?|promo code|loading|javascript|cookies?|login|log in|"
    r"kommentar\w*|teilen|abonn\w*|werbung|anzeige|comentari\w*|compartir|suscrib\w*|publicidad|"
    r"relacionad\w*|commentaires?|partager|publicite|correlat\w*|commenti|condividi|yorum\w*|paylas|"
    r"komentar|bagikan|iklan|terkait|комментари\w*|поделиться|реклама|подписаться)\b")
_STATEMENT_END = ".!。！"
_QUOTATION = regex.compile(r'["“”„«»「」『』]')  # not ‘’: they are apostrophes too ("it’s")
# A copyright notice reads as template however it ends ("© 2017 The Post. All rights reserved.").
_NOTICE = regex.compile(r"©|^\s*copyright\b|\ball rights reserved\b|\btodos los derechos reservados\b|"
                        r"\btous droits r[ée]serv[ée]s\b|\balle rechte vorbehalten\b|\btutti i diritti riservati\b|"
                        r"\btodos os direitos reservados\b|\bвсе права защищены\b|\btüm hakları saklıdır\b|"
                        r"\bhak cipta\b", regex.IGNORECASE)
_BARE_DOMAIN = regex.compile(r"(?<![@\w.-])[\w-]+\.(?:com|net|org)\b", regex.IGNORECASE)  # not an e-mail address


def repeated(counts: Sequence[int]) -> list[int]:
    """For each line's count, the count if the line counts as repeated, else 0: MIN_DOCUMENTS or more, and at
    least TYPICAL_RATIO times the document's typical count (the lower quartile of its lines' counts).

    >>> repeated([1, 1, 1, 6]), repeated([5, 5, 5, 6])
    ([0, 0, 0, 6], [0, 0, 0, 0])
    """
    if not counts:
        return []
    typical = _lower_quartile(counts)
    return [n if n >= MIN_DOCUMENTS and n >= TYPICAL_RATIO * typical else 0 for n in counts]


def _lower_quartile(counts: Sequence[int], cap: int = 256) -> int:
    """The lower quartile of `counts`, with counts above `cap` read as `cap`: one pass over a histogram, so a
    document of a million lines costs no sort.

    >>> _lower_quartile([1, 1, 5, 9]), _lower_quartile([7]), _lower_quartile([900, 1000, 3, 2000])
    (1, 7, 256)
    """
    histogram = [0] * (cap + 1)
    for n in counts:
        histogram[min(n, cap)] += 1
    rank = len(counts) // 4  # as sorted(counts)[len(counts) // 4]
    for value, number in enumerate(histogram):
        rank -= number
        if rank < 0:
            return value
    return cap


def line_key(line: str) -> int:
    """The fingerprint of a line: the same for lines that differ only in case, numbers and white space (up to
    FOLDED_CHARS characters; a longer line differs from another in everything but case and its edge spaces).

    >>> line_key("Comments (73)") == line_key("  comments (12) ") != line_key("Comments")
    True
    """
    normal = line.strip().casefold()
    if len(normal) <= FOLDED_CHARS:  # a template line's numbers and spacing vary; a paragraph's are its own
        normal = " ".join(_DIGITS.sub("0", normal).split())
    return int.from_bytes(hashlib.blake2b(normal.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def reads_as_template(line: str) -> bool:
    """A short line (TEMPLATE_WORDS words at most) that holds a word of page chrome or a bare domain (the folded
    view reads "@" as "a", so domains are looked for in the line itself), and is no statement: a label, a
    question, or a sentence that opens with a prompt ("Follow ...", "Share ..."). "Police declined to comment."
    is a sentence of the article, however often syndicated copies repeat it.

    >>> reads_as_template("SEE ALL RELATED"), reads_as_template("Ads by Adblade"), reads_as_template("Our ruling")
    (True, True, False)
    >>> reads_as_template("Have something to add to this story? Share it in the comments.")
    True
    >>> reads_as_template("There has been no official comment on his status."), reads_as_template("Share this.")
    (False, True)
    >>> reads_as_template("We have no further comment.”"), reads_as_template("Apple Watch Series 3")
    (False, False)
    >>> reads_as_template("© 2017 The Venhol Post. All rights reserved."), reads_as_template("Copyright 2024 Kel Media")
    (True, True)
    """
    words = line.split()
    if not words or len(words) > TEMPLATE_WORDS:
        return False
    if _NOTICE.search(line):
        return True
    ending = words[-1].rstrip("\"'”’»)]")[-1:]  # the sentence end before closing quotes and brackets
    statement = ending in _STATEMENT_END and "?" not in line and words[0].casefold() not in PROMPT_WORDS
    return not statement and (_CHROME_WORD.search(fold(line)) is not None or _BARE_DOMAIN.search(line) is not None)


def standing_apart(lengths: Sequence[int], counts: Sequence[int], repeats: Sequence[int]) -> list[bool]:
    """For each line of a document (its length, count and `repeated` count), whether it stands apart: repeated, in
    APART_DOCUMENTS documents or more, APART_CHARS long or more, and the lines held about as often as it (counts
    of at least a quarter of its own, read by powers of two so that one pass does) make up less than APART_SHARE
    of the document's characters. A site's template lines under a story of its own stand apart; the lines of a
    story that many copies share do not, however many copies there are.

    >>> standing_apart([300, 300, 300, 60], [1, 1, 1, 40], [0, 0, 0, 40])
    [False, False, False, True]
    >>> standing_apart([300, 300, 300, 60], [40, 40, 1, 40], [40, 40, 0, 40])
    [False, False, False, False]
    """
    by_level = [0] * 65  # characters of the lines whose count has this bit length
    for length, count in zip(lengths, counts):
        by_level[count.bit_length()] += length
    at_or_above = list(by_level)
    for level in range(63, -1, -1):
        at_or_above[level] += at_or_above[level + 1]
    total = at_or_above[0]
    return [bool(n) and n >= APART_DOCUMENTS and length >= APART_CHARS
            and at_or_above[max(n.bit_length() - 2, 0)] < APART_SHARE * total
            for length, n in zip(lengths, repeats)]


def document_keys(lines: Iterable[str]) -> set[int]:
    """The distinct fingerprints of a document's lines (blank lines and lines over MAX_LINE_CHARS left out)."""
    return {line_key(line) for line in lines if len(line) <= MAX_LINE_CHARS and not line.isspace() and line}


def repeated_lines(doc: Document, memory: CorpusMemory) -> tuple[dict[int, int], frozenset[int], bool]:
    """The lines of `doc` that the corpus repeats (`line_repeats`)."""
    return line_repeats(doc.text, doc.lines, doc.nonblank, memory)


def line_repeats(text: str, lines: Lines, nonblank: Sequence[int],
                 memory: CorpusMemory) -> tuple[dict[int, int], frozenset[int], bool]:
    """The lines of `text` (its `lines`, the `nonblank` ones asked about) that the corpus repeats (`repeated`): line
    index -> documents holding it; those of them the memory alone calls the site's template (they stand apart,
    `standing_apart`, and quote no one, or read as template, `reads_as_template`); and whether removing lines could
    make more of them repeated (a line in MIN_DOCUMENTS documents that the ratio held back: the typical count falls
    as lines go, so the cleaner judges the cleaned text again).
    A line with no letter ("* * *", "– –", "1") is no evidence of a template, whatever its count, and nor is a
    byline ("– Benjamin Fearnow", "By Lisa Haven"): an author signs many of a site's stories."""
    starts, ends = lines.starts, lines.ends
    texts = [text[starts[i]:ends[i]] for i in nonblank]
    counts = memory.counts([line_key(line) if len(line) <= MAX_LINE_CHARS else None for line in texts])
    for k, n in enumerate(counts):
        if n >= MIN_DOCUMENTS and not counted(texts[k]):  # the costlier checks, for the few lines they matter for
            counts[k] = 0
    repeats = repeated(counts)
    may_change = any(n >= MIN_DOCUMENTS and not r for n, r in zip(counts, repeats))
    found = {index: n for index, n in zip(nonblank, repeats) if n}
    if not found:
        return found, frozenset(), may_change
    apart = standing_apart([len(line.strip()) for line in texts], counts, repeats)
    return found, frozenset(index for index, line, n, is_apart in zip(nonblank, texts, repeats, apart)
                            if n and (is_apart and not _QUOTATION.search(line) or reads_as_template(line))), may_change


def counted(line: str) -> bool:
    """Whether a line's count is evidence: it holds a letter and is no byline (`line_repeats`).

    >>> counted("SEE ALL RELATED"), counted("* * *"), counted("By Lisa Haven")
    (True, False, False)
    """
    return HAS_LETTER.search(line) is not None and not (len(line) <= BYLINE_CHARS and _BYLINE.match(line))


def template_lines(text: str, lines: Lines, nonblank: Sequence[int], memory: CorpusMemory) -> dict[int, int]:
    """The lines the memory alone calls the site's template (line index -> documents holding it): repeated, and
    standing apart or reading as template. The judge would remove them whatever else it read of them."""
    found, templates, _ = line_repeats(text, lines, nonblank, memory)
    return {index: n for index, n in found.items() if index in templates}


class CorpusMemory:
    """Counts of line fingerprints over the documents of a corpus (see the module's docstring)."""

    def __init__(self, exact_limit: int = EXACT_LIMIT, sketch_bytes: int = SKETCH_BYTES) -> None:
        if exact_limit < 0 or sketch_bytes < 1024 or sketch_bytes & (sketch_bytes - 1):
            raise ValueError("exact_limit must be >= 0 and sketch_bytes a power of two >= 1024")
        self.exact_limit = exact_limit
        self.sketch_bytes = sketch_bytes
        self.documents = 0
        self.table: dict[int, int] = {}
        self.sketch: bytearray | None = None  # made when the table is full
        self.sketched = 0  # fingerprint additions the sketch took

    def add(self, text: str) -> None:
        """Count one document's lines."""
        self.add_counts(((key, 1) for key in document_keys(text.splitlines())), 1)

    def add_counts(self, counts: Iterable[tuple[int, int]], documents: int) -> None:
        """Count (fingerprint, documents holding it) pairs of `documents` documents: one document's lines, another
        memory's counts, or a Spark aggregation's."""
        self.documents += documents
        table = self.table
        for key, n in counts:
            count = table.get(key)
            if count is not None:
                table[key] = count + n
            elif self.sketch is None and len(table) < self.exact_limit:
                table[key] = n
            else:
                self._sketch_add(key, n)

    def count(self, key: int) -> int:
        """How many documents hold lines of this fingerprint (never fewer than hold them)."""
        found = self.table.get(key)
        if found is not None or self.sketch is None:
            return found or 0
        return min(self.sketch[i] for i in self._slots(key))

    def counts(self, keys: Sequence[int | None]) -> list[int]:
        """The count of each fingerprint (0 for None, a line not counted)."""
        return [0 if key is None else self.count(key) for key in keys]

    def repeats(self, keys: Sequence[int | None]) -> list[int]:
        """For each line of a document (its fingerprint, None for a line not counted): the number of documents
        holding it if it counts as repeated (see the module's docstring), else 0."""
        return repeated(self.counts(keys))

    @property
    def exact(self) -> bool:
        """True while every count is exact (no sketch yet)."""
        return self.sketch is None

    def error_bound(self) -> float:
        """The chance that a line in one document only reads as being in MIN_DOCUMENTS or more: 0 while exact; with
        the sketch, the chance that its three counters each hold MIN_DOCUMENTS - 1 other additions (Poisson at
        the sketch's load), an upper bound for the conservative update."""
        if self.sketch is None:
            return 0.0
        load = 3 * self.sketched / len(self.sketch)
        below = sum(math.exp(-load) * load ** k / math.factorial(k) for k in range(MIN_DOCUMENTS - 1))
        return (1.0 - below) ** 3

    def _slots(self, key: int) -> tuple[int, int, int]:
        mask = len(self.sketch or b"") - 1
        low, high = key & 0xFFFF_FFFF, (key >> 32) | 1
        return low & mask, (low + high) & mask, (low + 2 * high) & mask

    def _sketch_add(self, key: int, n: int) -> None:
        if self.sketch is None:
            self.sketch = bytearray(self.sketch_bytes)
        sketch = self.sketch
        slots = self._slots(key)
        value = min(min(sketch[i] for i in slots) + n, 255)
        for i in slots:
            if sketch[i] < value:
                sketch[i] = value
        self.sketched += 1


# The saved form: a header, then the table's fingerprints and counts and the sketch, zlib-compressed, then the
# SHA-256 of all that precedes it. No text: fingerprints and counts only.
MAGIC = b"spamguard-memory\n"
FORMAT_VERSION = 1


def memory_bytes(memory: CorpusMemory) -> bytes:
    """The saved form of a memory (see `memory_from_bytes`)."""
    keys = array("Q", memory.table.keys())
    counts = array("Q", memory.table.values())
    header = array("Q", [FORMAT_VERSION, memory.documents, memory.exact_limit, memory.sketch_bytes, memory.sketched,
                         len(keys), 0 if memory.sketch is None else 1])
    body = zlib.compress(header.tobytes() + keys.tobytes() + counts.tobytes() + bytes(memory.sketch or b""), 6)
    payload = MAGIC + body
    return payload + hashlib.sha256(payload).digest()


def memory_from_bytes(data: bytes) -> CorpusMemory:
    """A memory saved by `memory_bytes`; MemoryFileError when the data is damaged or of another version."""
    if not data.startswith(MAGIC):
        raise MemoryFileError("not a spamguard corpus memory file (it does not start with the format's header)")
    payload, digest = data[:-32], data[-32:]
    if hashlib.sha256(payload).digest() != digest:
        raise MemoryFileError("the corpus memory file is damaged (its checksum does not match): build it again")
    try:
        body = zlib.decompress(payload[len(MAGIC):])
    except zlib.error as error:
        raise MemoryFileError(f"the corpus memory file is damaged ({error})") from None
    header = array("Q")
    first = body[:56]
    header.frombytes(first[:len(first) - len(first) % 8])
    if len(header) < 7 or header[0] != FORMAT_VERSION:
        version = header[0] if header else "?"
        raise MemoryFileError(f"corpus memory format version {version}, this spamguard reads version "
                              f"{FORMAT_VERSION}: build the memory again with this version")
    _, documents, exact_limit, sketch_bytes, sketched, n_keys, has_sketch = header
    keys, counts = array("Q"), array("Q")
    start = 56
    keys.frombytes(body[start:start + 8 * n_keys])
    counts.frombytes(body[start + 8 * n_keys:start + 16 * n_keys])
    sketch = body[start + 16 * n_keys:]
    if len(keys) != n_keys or len(counts) != n_keys or len(sketch) != (sketch_bytes if has_sketch else 0):
        raise MemoryFileError("the corpus memory file is damaged (its parts have the wrong sizes)")
    memory = CorpusMemory(exact_limit, sketch_bytes)
    memory.documents, memory.sketched = documents, sketched
    memory.table = dict(zip(keys, counts))
    memory.sketch = bytearray(sketch) if has_sketch else None
    return memory


def save_memory(memory: CorpusMemory, path: str | os.PathLike[str]) -> None:
    """Write a memory to `path` (through a temporary file beside it, so a failed write leaves no half file)."""
    path = os.fspath(path)
    temporary = f"{path}.tmp-{os.getpid()}"
    try:
        with open(temporary, "wb") as fh:
            fh.write(memory_bytes(memory))
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def load_memory(path: str | os.PathLike[str]) -> CorpusMemory:
    """A memory saved by `save_memory`; MemoryFileError when the file is damaged or of another version."""
    with open(path, "rb") as fh:
        return memory_from_bytes(fh.read())
