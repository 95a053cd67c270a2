"""Lines break exactly where str.splitlines() breaks; segments cut at the seams a reader sees."""
import pytest
from hypothesis import given, strategies as st

from spamguard.segment import split_lines, split_segments

BREAKS = ["\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@given(st.lists(st.tuples(st.text(alphabet=st.characters(blacklist_characters="".join(BREAKS) + "\r\n")),
                          st.sampled_from(BREAKS)), max_size=8), st.booleans())
def test_lines_agree_with_splitlines(pieces, trailing_break):
    text = "".join(a + b for a, b in pieces)
    if not trailing_break and pieces:
        text = text[: -len(pieces[-1][1])]
    lines = split_lines(text)
    assert [text[ln.start:ln.end] for ln in lines] == text.splitlines()
    assert [text[ln.start:ln.break_end] for ln in lines] == text.splitlines(keepends=True)
    assert [ln.number for ln in lines] == list(range(1, len(lines) + 1))


def _pieces(text):
    line = split_lines(text)[0]
    return [text[s.start:s.end] for s in split_segments(text, line)]


def test_junk_glued_after_a_full_stop_is_its_own_segment():
    assert _pieces("Saudi Arabia has shown interest in the system.porno izle") == [
        "Saudi Arabia has shown interest in the system.", "porno izle"]


def test_glued_headlines_are_cut_where_one_ends_and_the_next_begins():
    assert _pieces("RelatedEbola patient dies in Texas hospitalEbola outbreak: what we know") == [
        "Related", "Ebola patient dies in Texas hospital", "Ebola outbreak: what we know"]


def test_urls_and_emails_are_never_cut():
    text = "Sources: https://example.com/Report.PDF and ask press.Office@Example.org now."
    assert "".join(_pieces(text)) == text
    assert any("https://example.com/Report.PDF" in p for p in _pieces(text))


@pytest.mark.parametrize("url", ["https://goo.gl/FDS4xU.", "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                                 "https://example.com/wiki/NewYork_City"])
def test_ids_and_names_in_a_url_path_are_not_cut(url):
    assert any(url in p for p in _pieces(f"Watch it here: {url} now."))


def test_extra_cuts_split_glued_anchors():
    text = "porno izlebrazzers"
    line = split_lines(text)[0]
    segs = split_segments(text, line, [10])
    assert [text[s.start:s.end] for s in segs] == ["porno izle", "brazzers"]


@given(st.text())
def test_segments_tile_each_line_exactly(text):
    for line in split_lines(text):
        segs = split_segments(text, line)
        assert "".join(text[s.start:s.end] for s in segs) == text[line.start:line.end]
        assert all(s.end > s.start for s in segs)


@given(st.lists(st.sampled_from(["a", "bc", " ", "\n", "\n\n", "xyz\n"]), max_size=40), st.integers(1, 9))
def test_lines_split_a_piece_at_a_time_agree_with_splitlines(parts, piece):
    """Long texts are split into lines a piece at a time: every piece size gives str.splitlines()' lines."""
    from spamguard import segment

    text = "".join(parts)
    saved = segment._PIECE
    segment._PIECE = piece
    try:
        lines = split_lines(text)
    finally:
        segment._PIECE = saved
    assert [text[ln.start:ln.end] for ln in lines] == text.splitlines()
    assert [text[ln.start:ln.break_end] for ln in lines] == text.splitlines(keepends=True)
    assert lines[-1:] == list(lines)[-1:] and lines[1:3] == list(lines)[1:3]


def _tail_pieces(text):
    """The line's pieces as the judge sees them (seams, rule-hit edges and glued-junk seams)."""
    from spamguard.evidence.rules import find_hits
    from spamguard.matcher import default_matcher
    from spamguard.normalize import view
    from spamguard.units import tail_segments

    line = split_lines(text)[0]
    hits = list(find_hits(text, view(text), default_matcher()))
    return [text[s.start:s.end] for s in tail_segments(text, line, hits)]


@pytest.mark.parametrize("head, junk", [
    ("Contact: name@paper.com", "payday loans no credit check"),
    ("see https://example.org/report", "cheap viagra online"),
    ("see https://example.org/report", "JA\u200dSA SE\u200cO murah"),
    ("at @newsdesk", "situs judi bola"),
    ("new Videos", "porno izle"),
    ("on 12 March 2014", "p0rn0 1zle"),
    ("the volunteers", "\u0440\u043erno izle"),
    ("Редактор: Анна Петрова", "최고의 고수익 재택부업"),  # one script other than Latin glued onto another
    ("（记者 黄丽）", " สมัครน้องรับงาน รับโบนัส 100%"),
])
def test_a_seam_where_junk_is_glued_onto_a_word_an_address_or_a_date(head, junk):
    pieces = _tail_pieces(head + junk)
    assert head in ["".join(pieces[:i]) for i in range(1, len(pieces))]


@pytest.mark.parametrize("text", [
    "Watch https://www.youtube.com/watch?v=dQw4w9WgXcQ today",
    "Write to press.Office@Example.org now",
    "文대통령은 中国 방문",  # hanja among Hangul: one script, as Han and kana are
    "Mail name@paper.community or name@paper.co.uk today",
    "The vоluntееrs came",  # a Latin word in disguise is one word
    "on the 3rd day and the r3plika",  # leetspeak and ordinals are no number glued on
])
def test_no_seam_inside_ids_addresses_or_disguised_words(text):
    pieces = _tail_pieces(text)
    for word in text.split():
        assert any(word in p for p in pieces), (word, pieces)
