"""The matching view folds obfuscation and maps every view character back to the original."""
import re

from hypothesis import given, strategies as st

from spamguard.normalize import LINE_BREAKS, _spaced_runs, fold, fold_lines, view


def test_case_accents_and_width_fold():
    assert fold("SİKİŞ İzle") == fold("sikis izle")
    assert fold("ＰＯＲＮＯ") == "porno"


def test_zero_width_and_bidi_characters_vanish():
    assert fold("p\u200bo\u200dr\u2060n\ufeffo") == "porno"
    assert fold("via\u202egra") == "viagra"


def test_leetspeak_is_folded_inside_words_only():
    assert fold("v1agra p0rn0 c4sino") == "viagra porno casino"
    assert fold("In 2013 there were 45 cases") == "in 2013 there were 45 cases"


def test_cyrillic_lookalikes_inside_latin_words():
    assert fold("pоrnо") == "porno"  # the o's are Cyrillic
    assert fold("Привет мир") == "привет мир"  # real Russian stays Russian


def test_leetspeak_and_lookalikes_in_one_word_both_fold():
    assert fold("p0rnо h4сk") == "porno hack"  # a digit and a Cyrillic o (and с) in each word


def test_offsets_survive_squeezing_after_resizing_folds():
    text = "ﬁne…  p o r n o\tend"  # a ligature and an ellipsis grow, then spaces squeeze
    v = view(text)
    assert v.text == "fine... porno end"
    start = v.text.index("porno")
    assert text[slice(*v.to_original(start, start + 5, len(text)))] == "p o r n o"
    assert v.from_original(text.index("end"), len(text)) == (v.text.index("end"), len(v.text))


def test_spaced_out_letters_are_joined():
    assert fold("p o r n o  i z l e") == "porno izle"
    assert fold("I am a fan") == "i am a fan"


def test_line_breaks_become_newlines_in_place():
    v = view("a\r\nb\u2028c")
    assert v.text == "a\n\nb\nc"


@given(st.text())
def test_every_view_span_maps_into_the_original(text):
    v = view(text)
    for start in range(0, len(v.text), max(1, len(v.text) // 7)):
        end = min(len(v.text), start + 5)
        o_start, o_end = v.to_original(start, end, len(text))
        assert 0 <= o_start <= o_end <= len(text)


_UNCAPPED_SPACED_LETTERS = re.compile(r"(?<!\S)(?:\w )(?:\w ){2,}\w(?!\S)")  # one match per run, however long


@given(st.lists(st.one_of(st.integers(1, 700).map(lambda n: " ".join("ab1_é"[i % 5] for i in range(n))),
                          st.text(st.sampled_from("a .\n-"), max_size=6)), max_size=8))
def test_spaced_letter_runs_are_found_whole_a_piece_at_a_time(pieces):
    text = "".join(pieces)
    assert list(_spaced_runs(text)) == [m.span() for m in _UNCAPPED_SPACED_LETTERS.finditer(text)]


# Lines as the lexicon holds them, and lines of obfuscation whose folds could reach across a break if any did:
# spaced letters, leetspeak, look-alikes, wide spaces and invisible characters at either end.
_LINE_PIECES = st.sampled_from(["p o r n o", " a b c d ", "v1agra", "pоrnо", "  ", "\t", "\u200b", "é", "İ", "ﬁ",
                                "1", "@", "$", "c", "русское", "casino", " ", "x y"])
_LINES = st.lists(st.one_of(st.text().filter(lambda line: LINE_BREAKS.isdisjoint(line)),
                            st.lists(_LINE_PIECES, max_size=8).map("".join)), max_size=12)


@given(_LINES)
def test_lines_fold_together_as_each_folds_alone(lines):
    assert fold_lines(lines) == [fold(line) for line in lines]


@given(st.lists(st.text(), max_size=6))
def test_a_line_with_a_break_in_it_still_folds_alone(lines):  # "a\u2028b" folds to two lines
    assert fold_lines(lines) == [fold(line) for line in lines]
