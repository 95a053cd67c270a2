"""A very long document is judged a window at a time: windows are cut at line starts, know what lies around them,
and clean a document as judging it whole does (tested here with windows of a few hundred characters)."""
from dataclasses import replace

from hypothesis import HealthCheck, given, settings, strategies as st

from spamguard import Flag, apply
from spamguard.cleaner import default_cleaner, find_flags
from spamguard.normalize import BLANK
from spamguard.units import LINK_LINE_CHARS
from spamguard.windows import POSITION_LINES, windows

PARAGRAPHS = [
    "The city council voted on Tuesday to approve a new budget for public transport, ending months of debate.",
    "Under the plan, bus fares will rise by 5 per cent next year, while the money raised goes to new routes.",
    "Critics said the increase would hurt low-income families, who rely on buses more than anyone else.",
    "The mayor said the council had listened to residents and would review the fares again in two years.",
    "Construction of the first new route is expected to begin in the spring, the transport office said.",
]


def clean_in_windows(text: str, size: int) -> tuple[str, list[Flag]]:
    """The text cleaned by the default cleaner, judged in windows of about `size` characters."""
    cleaner = default_cleaner()
    flags = find_flags(text, cleaner.matcher, cleaner.model, replace(cleaner.settings, window_chars=size),
                       cleaner.allowlist)
    return apply(text, flags), list(flags)


def article(paragraphs: int, between: dict[int, str] | None = None) -> str:
    """An article of `paragraphs` paragraphs; `between[i]` is a line set after paragraph i."""
    parts = []
    for i in range(paragraphs):
        parts.append(f"{PARAGRAPHS[i % len(PARAGRAPHS)]} (Part {i}.)")
        if between and i in between:
            parts.append(between[i])
    return "\n\n".join(parts)


lines_text = st.lists(st.sampled_from(["a", "word", " ", "\u200b", "\n", "\n\n", "\r\n", "\r", "\u2028", "\f"]),
                      max_size=60).map("".join)


@given(lines_text, st.integers(1, 40))
def test_windows_cover_the_text_and_are_cut_at_line_starts(text, size):
    parts = windows(text, size)
    assert parts[0].start == 0 and parts[-1].end == len(text)
    for before, window in zip(parts, parts[1:]):
        assert before.end == window.start > before.start
        head = text[:window.start]
        line_start = len("".join(head.splitlines(keepends=True)[:-1]))
        if head.splitlines(keepends=True)[-1] != head.splitlines()[-1]:  # the text before ends with a line break
            assert not (head.endswith("\r") and text[window.start] == "\n")  # a "\r\n" is never cut
            assert window.column == 0
            # it begins with a non-blank line, unless blank lines run on for more than half a window
            assert text[window.start:].splitlines()[0].strip(BLANK) or not text[window.start:][:size // 2].strip(BLANK)
            assert window.blank_before == (not head.splitlines()[-1].strip(BLANK))
        else:  # a line longer than a window is cut
            assert window.column == window.start - line_start
            assert len((text[line_start:].splitlines() or [""])[0]) >= size
    first_visible = []  # where each non-blank line's first visible character is
    line_start = 0
    for line in text.splitlines(keepends=True):
        if line.strip(BLANK):
            first_visible.append(line_start + len(line) - len(line.lstrip(BLANK)))
        line_start += len(line)
    for window in parts:
        assert window.lines_before == len(text[:window.start].splitlines()) - (window.column > 0)
        after = [visible for visible in first_visible if visible >= window.end]
        assert window.lines_after == min(len(after), POSITION_LINES)  # non-blank lines whose text begins after it
        assert window.trailer == (not text[window.end:].strip(BLANK)) and not window.continued


def test_windows_are_about_the_size_asked_and_the_last_is_not_a_scrap():
    text = article(60)
    parts = windows(text, 1000)
    assert len(parts) > 5
    assert all(500 <= w.end - w.start <= 1000 for w in parts[:-1])  # cut at a paragraph break in the second half
    assert 500 <= parts[-1].end - parts[-1].start <= 1500 + 200
    assert all(text.startswith("\n\n", w.start - 2) and text[w.start] != "\n" for w in parts[1:])  # a paragraph
    assert all(w.blank_before for w in parts[1:])


def test_a_long_document_cleaned_in_windows_is_cleaned_as_a_whole():
    text = article(40, {3: "Advertisement", 17: "Continue reading the main story", 28: "Share this:"})
    text += "\n\nporno izlebrazzers"
    whole = default_cleaner().clean(text)
    assert whole.text.count("(Part ") == 40 and "Advertisement" not in whole.text and "porno" not in whole.text
    for size in (300, 700, 1500):
        cleaned, flags = clean_in_windows(text, size)
        assert len(windows(text, size)) >= 3
        assert cleaned == whole.text
        # The same spans, named alike; scores differ a little (a window's lines are read against the window).
        assert [(f.start, f.end, f.line, f.column, f.category, f.rules, f.excerpt) for f in flags] == \
            [(f.start, f.end, f.line, f.column, f.category, f.rules, f.excerpt) for f in whole.flags]


def test_the_end_of_a_window_is_no_trailer():
    # Alone at the end of the document, the promo line goes as a trailer on the model's score; between paragraphs
    # it stays (no rule names it, it holds no link and it is no short line: within the text the judge does not ask
    # about it). At the end of a window it stays too.
    anchor = ("Click here to get the best deals on cheap flights, hotels and rental cars for your next summer "
              "holiday abroad")
    assert len(anchor) > LINK_LINE_CHARS
    assert default_cleaner().clean(article(3) + "\n\n" + anchor).text == article(3)
    text = article(12, {5: anchor})
    assert default_cleaner().clean(text).text == text
    size = text.index(anchor) + len(anchor) + 10  # the first window ends at the paragraph break after the anchor
    assert text[:windows(text, size)[0].end].endswith(anchor + "\n\n")
    assert clean_in_windows(text, size)[0] == text


def test_a_trailer_longer_than_a_window_goes_whole():
    spam = "\n".join(f"porno izle brazzers casino online {i}" for i in range(60))
    text = article(20) + "\n\n" + spam
    whole = default_cleaner().clean(text)
    assert whole.text == article(20)
    for size in (300, 800):
        assert len([w for w in windows(text, size) if w.start >= len(article(20))]) >= 3  # the spam fills windows
        assert clean_in_windows(text, size)[0] == whole.text


def test_a_line_longer_than_a_window_is_judged_in_pieces():
    spam_line = "porno izle brazzers " * 200
    text = article(6) + "\n\n" + spam_line
    assert default_cleaner().clean(text).text == article(6)
    cleaned, flags = clean_in_windows(text, 500)
    assert len(windows(text, 500)) > 6 and cleaned == article(6)
    # Pieces of a run of spaced letters go; the line break before them stays with the kept piece after them. Judged
    # whole, the line loses exactly the run; in pieces, the piece where the run ends is judged as a line, and goes
    # whole when the model scores it as junk.
    text = article(3) + "\n\n" + "c a s i n o o n l i n e " * 40 + " ".join(PARAGRAPHS * 3)
    assert default_cleaner().clean(text).text == article(3) + "\n\n " + " ".join(PARAGRAPHS * 3)
    cleaned, flags = clean_in_windows(text, 300)
    kept_piece = cleaned.removeprefix(article(3) + "\n\n")
    assert kept_piece != cleaned and " ".join(PARAGRAPHS * 3).endswith(kept_piece.lstrip()) and len(kept_piece) > 500
    assert len(flags) == 1 and flags[0].rules[0] == "other.spaced-run"
    prose_line = " ".join(PARAGRAPHS * 20)
    text = article(6, {2: "Advertisement"}) + "\n\n" + prose_line
    cleaned, flags = clean_in_windows(text, 500)
    assert cleaned == article(6) + "\n\n" + prose_line
    assert [f.excerpt for f in flags] == ["Advertisement"]


documents = st.lists(st.one_of(st.sampled_from(PARAGRAPHS), st.text(max_size=30), st.sampled_from([
    "porno izle", "Advertisement", "Share this:", "slot gacor", "\u200b", "\n", "\n\n", "\r\n", "\u2028",
    "Continued below... ", "Twitter"])), max_size=30).map("".join)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents, st.integers(1, 300))
def test_windowed_results_keep_the_contract(text, size):
    cleaned, flags = clean_in_windows(text, size)
    assert apply(text, flags) == cleaned
    previous_end = -1
    for flag in flags:
        assert previous_end < flag.start < flag.end <= len(text)  # in order, apart (touching flags are merged)
        previous_end = flag.end
        body = text[flag.start:flag.end]
        first = flag.start + len(body) - len(body.lstrip()) if body.strip() else flag.end
        assert flag.line == len(text[:first].splitlines(keepends=True)) + (first == 0 or text[:first].endswith(
            tuple("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")))
        assert flag.column == first - len("".join(text[:first].splitlines(keepends=True)[:flag.line - 1])) + 1
