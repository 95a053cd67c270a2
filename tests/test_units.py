"""Units: training learns from the units the cleaner asks about, enumerated by one module."""
import math
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from spamguard.cleaner import Cleaner
from spamguard.evidence import document
from spamguard.judge import Judge
from spamguard.matcher import default_matcher
from spamguard.units import TRAILER_ZONE, Document, Unit, training_units

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_7aee77665af4d6e1.txt"
SENTENCES = [
    "The council approved the budget on Tuesday.", "Bus fares will rise by 5 per cent next year.",
    "Critics said the increase would hurt families.", "Reporting by Jane Doe; Editing by John Smith",
    "Ankara'da düzenlenen toplantıda ekonomi yönetimi yeni adımlar açıkladı.",
]
JUNK = [
    "porno izle", "brazzers", "Advertisement", "Share this:", "Get cheap jerseys wholesale", "bahis siteleri",
    "judi bola online agen sbobet", "Click here to subscribe", "Google", "viagra online without prescription",
]
SEPARATORS = ["\n\n", "\n", "", " ", ".", ". "]


class RecordingJudge(Judge):
    """A judge that records every unit it scores."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.asked: list[Unit] = []

    def judge(self, unit, threshold=None, read_from=math.inf):
        self.asked.append(unit)
        return super().judge(unit, threshold, read_from)


def asked_and_enumerated(text: str) -> tuple[Document, list[Unit], set[Unit]]:
    cleaner = Cleaner()
    doc = document(text, default_matcher())
    judge = RecordingJudge(doc, cleaner.model, cleaner.settings, lambda line: False)
    judge.find()
    enumerated = {replace(u, below_is_junk=False) for u in training_units(doc, lambda index: False)}
    return doc, judge.asked, enumerated


def documented_exception(doc: Document, unit: Unit) -> bool:
    """The units the cleaner may ask about that training does not learn from, each for a stated reason."""
    line = doc.lines[unit.line_index]
    bounds = {s.start for s in doc.seams(unit.line_index)} | {line.end}
    pos = doc.nonblank.index(unit.line_index)
    if (unit.start, unit.end) == (line.start, line.end):
        # A line far up a long trailer: the walk goes on as long as lines score as junk.
        return pos < len(doc.nonblank) - TRAILER_ZONE
    if unit.start not in bounds:
        # A junk tail with the call-to-action word before it ("Get" of "Get cheap jerseys"): starts at a word.
        return unit.is_suffix and unit.end == line.end and doc.text[unit.start:unit.end].split()[0].casefold() in \
            Cleaner().settings.call_to_action
    # A piece that runs over more than one segment (the tail run looked past a doubtful piece).
    return unit.is_suffix and unit.end in bounds


def test_the_seed_s_trailer_is_a_unit_training_learns_from():
    text = SEED.read_text(encoding="utf-8")
    doc, asked, enumerated = asked_and_enumerated(text)
    trailer = doc.line_unit(len(doc.nonblank) - 1)
    assert trailer in asked and replace(trailer, below_is_junk=False) in enumerated


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(SENTENCES + JUNK), st.sampled_from(SEPARATORS)), min_size=1,
                max_size=16))
def test_every_unit_the_cleaner_asks_about_is_enumerated_for_training(parts):
    text = "".join(piece + separator for piece, separator in parts)
    doc, asked, enumerated = asked_and_enumerated(text)
    for unit in asked:
        assert replace(unit, below_is_junk=False) in enumerated or documented_exception(doc, unit), unit


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES + JUNK + ["porno izle " * 40, "Share this\n" * 40]), min_size=1,
                max_size=12), st.data())
def test_the_hits_of_a_span_are_found_by_the_index_as_by_a_scan(parts, data):
    text = "\n".join(parts)
    doc = document(text, default_matcher())
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert doc.hits_in(start, end) == [h for h in doc.hits if h.end > start and h.start < end]


def test_within_the_text_the_judge_asks_about_short_lines_with_a_link_or_in_another_script():
    lines = ["The council met on Tuesday to approve the budget for the coming year, after a long debate.",
             "最新体育博彩尽在winbet.xyz",  # another script than the body's
             "Tickets at bet365.com today",  # a link
             "He said the end.The vote was close.",  # a dot glued to a word is no domain
             "Read the minutes on the council's site at https://example.org/minutes/2024 where the full text of "
             "every amendment, vote and objection is published for residents.",  # a link in a long line
             "Написал «Ведомости» — так звучит цитата.",  # another script, short
             "Written with care, as the council asked."]
    doc = document("\n\n".join(lines), default_matcher())
    asked = [doc.lines_asked[index] for index in doc.nonblank]
    assert asked == [0, 1, 1, 0, 0, 1, 0]
