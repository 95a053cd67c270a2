"""Words and scripts of a text: the pure helpers the units and every kind of evidence read."""
from __future__ import annotations

import re
import string
import zlib
from array import array
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from itertools import repeat

import regex

# Words are whitespace-separated tokens with punctuation stripped from their edges: str.split runs in C,
# where a \w+ scan costs several times more.
_EDGE_PUNCT = string.punctuation.replace("_", "") + "“”‘’«»…–—•·、。，！？：；（）「」『』【】"
_ASCII_EDGE_PUNCT = "".join(c for c in _EDGE_PUNCT if c.isascii())  # all an ASCII text can hold
_WORD_JOINERS = "'’-./:@,+=&|()[]、。，"
_ASCII_LETTERS = string.ascii_letters.encode()
_BEYOND_ASCII_LATIN = regex.compile(r"[^\P{Latin}a-zA-Z]")  # a Latin letter that is no ASCII letter: é, ñ, ł, ư
# The words str.split() gives, found one at a time (the standard library's \s is str.isspace()): a long line is
# read without a list of all its words.
SPLIT_WORD = re.compile(r"\S+")
_LEET_DIGITS = frozenset("013457")  # the digits leetspeak writes letters with (normalize.LEET)
_LEET_INSIDE = re.compile(f"[A-Za-z][{''.join(sorted(_LEET_DIGITS))}]+[A-Za-z]")  # one of them between letters
_LINK_MARKS = re.compile(r"[/=@#&?]|www\.", re.IGNORECASE)
_ALNUM_WORD = re.compile(r"[A-Za-z0-9]+")
_DIGIT_RUN = re.compile(r"[0-9]+")
LONG_WORD = re.compile(r"[^\W\d_]{4,}")  # a run of four letters or more: a word that carries meaning
# A prompt's first word: a sentence that opens so asks the reader to act ("Follow Reuters on Twitter.", "Cliquez
# ici : ...", "Zadzwoń ..."): English, and the words that click, call, visit and buy in the languages of the lexicon.
PROMPT_WORDS = frozenset((
    "follow", "like", "share", "subscribe", "sign", "join", "click", "tap", "visit", "watch", "read", "download",
    "get", "buy", "order", "call", "text", "email", "contact", "see",
    "clique", "cliquez", "clicca", "klik", "kliknij", "klicken", "haz", "pulsa", "tıkla", "tıklayın", "нажмите",
    "кликните", "переходите", "натисніть", "переходьте", "bấm", "nhấn", "اضغط", "کلیک", "คลิก", "클릭",
    "ligue", "appelez", "chiama", "bel", "zadzwoń", "llama", "llame", "ruf", "hubungi", "звоните", "позвоните",
    "телефонуй", "телефонуйте", "ara", "arayın", "โทร", "gọi", "اتصل", "تماس",
    "visitez", "visita", "besuchen", "bezoek", "odwiedź", "kunjungi", "посетите", "відвідайте", "truy",
    "compre", "achetez", "acheter", "compra", "comprar", "koop", "kup", "kupię", "купить", "купите", "mua",
))
CLOSING_MARKS, OPENING_MARKS = "\"'”’»)]", "\"'“‘«(["  # quotes and brackets that close or open a sentence
SENTENCE_BREAK = regex.compile(r"[.!?。！？][\"'”’»)]*+\s")  # a sentence end with more text after it
WORD_SLOTS = 1 << 20  # slots of a word_hash_counts table (4 MB)
COUNT_PIECE = 1 << 16  # characters counted at a time
_SCRIPTS = (
    ("latin", regex.compile(r"\p{Latin}")), ("cyrillic", regex.compile(r"\p{Cyrillic}")),
    ("han", regex.compile(r"\p{Han}")), ("kana", regex.compile(r"[\p{Hiragana}\p{Katakana}]")),
    ("arabic", regex.compile(r"\p{Arabic}")), ("hangul", regex.compile(r"\p{Hangul}")),
    ("greek", regex.compile(r"\p{Greek}")), ("thai", regex.compile(r"\p{Thai}")),
    ("devanagari", regex.compile(r"\p{Devanagari}")), ("hebrew", regex.compile(r"\p{Hebrew}")),
)


def words_of(text: str) -> list[str]:
    """The words of a folded text, as a \\w+ scan finds them but several times faster.

    The separators that join words in URLs, names and glued anchors become spaces ("ankara'da",
    "buy-pills.com/x"), the text is split at white space and the edge punctuation of each token is stripped.
    Punctuation inside a token stays ("c!alis"): replacing all punctuation with spaces is twice as fast but
    cost the model 7 article lines on the held-out and spliced sets.

    >>> words_of("see buy-pills.com/x now! c!alis")
    ['see', 'buy', 'pills', 'com', 'x', 'now', 'c!alis']
    """
    for separator in _WORD_JOINERS:
        if separator in text:
            text = text.replace(separator, " ")
    edge = "".join([c for c in _ASCII_EDGE_PUNCT if c in text] if text.isascii() else
                   [c for c in _EDGE_PUNCT if c in text])  # the edge punctuation the text holds: often none
    if not edge:
        return text.split()
    words = list(map(str.strip, text.split(), repeat(edge)))  # in C: a token with no edge punctuation is kept as is
    return [w for w in words if w] if "" in words else words


def word_hash(word: str) -> int:
    """A word's slot in a table of WORD_SLOTS counts (CRC-32: the same in every process, unlike hash()).

    >>> word_hash("casino") == word_hash("casino") and 0 <= word_hash("casino") < WORD_SLOTS
    True
    """
    return zlib.crc32(word.encode("utf-8", "surrogatepass")) & (WORD_SLOTS - 1)


def word_hash_counts(text: str) -> array[int]:
    """How often the words of `text` occur, counted by `word_hash` slot in a table of fixed size: memory bounded
    whatever the text, at the price of rare collisions. The text is read in pieces cut at white space, so no list
    of all its words is ever built.

    >>> counts = word_hash_counts("the cat and the hat")
    >>> counts[word_hash("the")], counts[word_hash("dog")]
    (2, 0)
    """
    counts = array("I", bytes(4 * WORD_SLOTS))
    for piece in _pieces(text, 0, len(text)):
        for word, n in Counter(words_of(piece)).items():  # counted in C; each distinct word hashed once
            counts[word_hash(word)] += n
    return counts


def words_in_pieces(text: str, start: int, end: int) -> Iterator[str]:
    """The words of text[start:end] (`words_of`), read a piece of about COUNT_PIECE characters at a time, cut at
    white space: a long text never makes a list of all its words.

    >>> list(words_in_pieces("one two three", 4, 13))
    ['two', 'three']
    """
    for piece in _pieces(text, start, end):
        yield from words_of(piece)


def _pieces(text: str, start: int, end: int) -> Iterator[str]:
    """text[start:end] in pieces of about COUNT_PIECE characters, cut at white space where there is some."""
    while start < end:
        stop = min(start + COUNT_PIECE, end)
        if stop < end:
            cut = max(text.rfind(" ", start, stop), text.rfind("\n", start, stop))
            stop = cut + 1 if cut > start else stop
        yield text[start:stop]
        start = stop


def dominant_script(text: str) -> str:
    """The script most letters of `text` are written in ('none' without letters).

    >>> dominant_script("Привет, world"), dominant_script("2024!"), dominant_script("東京の天気予報 news")
    ('cyrillic', 'none', 'han')
    """
    if text.isascii():
        return "latin" if any(c.isalpha() for c in text) else "none"
    ascii_bytes = text.encode("ascii", "ignore")
    if 2 * (len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_LETTERS))) > len(text):
        return "latin"  # exact: letters of every other script are non-ASCII, so they are fewer than half
    totals: Counter[str] = Counter()
    for char, count in Counter(text).items():  # each distinct character is looked up once
        script = _script_of(char)
        if script:
            totals[script] += count
    if not totals:
        return "none"
    return max(totals.items(), key=lambda item: (item[1], item[0]))[0]


def another_script(script: str, body_script: str) -> bool:
    """Whether text in `script` departs from a body written in `body_script` (neither of them 'none').

    >>> another_script("cyrillic", "latin"), another_script("none", "latin"), another_script("han", "none")
    (True, False, False)
    """
    return script not in ("none", body_script) and body_script != "none"


def latin_letters_beyond_ascii(text: str) -> frozenset[str]:
    """The distinct Latin letters of `text` that are no ASCII letter, in lower case ("ß" stays one letter).

    >>> sorted(latin_letters_beyond_ascii("SÃO Paulo, ação, Straße")), latin_letters_beyond_ascii("Bank")
    (['ß', 'ã', 'ç'], frozenset())
    """
    if text.isascii() or _BEYOND_ASCII_LATIN.search(text) is None:  # curly quotes and dashes alone: a C scan
        return frozenset()
    lowered = {char.lower() for char in set(text) if not char.isascii()}  # each distinct character once
    return frozenset(char for char in lowered if _BEYOND_ASCII_LATIN.fullmatch(char))


def disguises_words(text: str) -> bool:
    """Whether `text` spells a word with digits for letters, as spam does to slip past filters ("Thu1s0ntv4ng5t
    R0tt3rdam", "fr3e p0rn v1d30s"): an ASCII word of three letters or more in one case (or capitalised), with two
    runs or more of the digits leetspeak uses (0 1 3 4 5 7), one of them between letters. A model name, a code or a
    date has one run or other digits ("A330neo", "Nov11th", "9to5Mac", "H1N1"); the parts of a link, a handle or a
    hashtag are not read (random ids: "pic.twitter.com/k5n3v3Vnva").

    >>> disguises_words("Thu1s0ntv4ng5t R0tt3rdam vanaf 82,95"), disguises_words("fr3e p0rn v1d30s!")
    (True, True)
    >>> disguises_words("The A330neo and 9to5Mac, H1N1, Nov11th"), disguises_words("see x.com/k5n3v0n7a")
    (False, False)
    """
    if _LEET_INSIDE.search(text) is None:  # a C scan: most text has no digit between letters
        return False
    for chunk in SPLIT_WORD.finditer(text):
        token = chunk.group()
        if _LEET_INSIDE.search(token) is None or _LINK_MARKS.search(token) is not None:
            continue
        for word in _ALNUM_WORD.findall(token):
            letters = "".join(filter(str.isalpha, word))
            digit_runs = _DIGIT_RUN.findall(word)
            if len(letters) >= 3 and len(digit_runs) >= 2 and all(map(_LEET_DIGITS.issuperset, digit_runs)) \
                    and _LEET_INSIDE.search(word) and (letters.islower() or letters.isupper() or letters.istitle()):
                return True
    return False


@lru_cache(maxsize=1 << 16)
def _script_of(char: str) -> str:
    return next((name for name, pattern in _SCRIPTS if pattern.match(char)), "")
