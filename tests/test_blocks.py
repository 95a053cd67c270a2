"""Block evidence: lists under a related header, text-ad blocks and pager numbers go; article lists stay."""
from hypothesis import given, settings, strategies as st

import spamguard
from spamguard.evidence import document
from spamguard.evidence.blocks import BLOCK_RULES, MAX_ITEMS, block_hits
from spamguard.matcher import default_matcher

PARAGRAPH = ("The council approved the new budget on Tuesday after a long debate about school funding, road "
             "repairs and the cost of the city's new library, which opens next spring.")
STORY = "\n\n".join([PARAGRAPH] * 4)
HEADLINES = ["Bracelets handed out to primary school children recalled amid safety fears",
             "Drunk in the morning man tells himself to shut up",
             "Plymouth ski centre criticises mum for billing boy who missed birthday party"]


def removed_lines(text: str) -> list[str]:
    result = spamguard.clean(text)
    kept = set(result.text.splitlines())
    return [line for line in text.splitlines() if line.strip() and line not in kept]


def rules_of(text: str) -> set[str]:
    return {rule for flag in spamguard.clean(text).flags for rule in flag.rules}


def test_a_related_list_goes_with_its_header_and_the_article_stays():
    text = STORY + "\n\nRELATED CONTENT\n" + "\n".join(HEADLINES) + "\n\n" + STORY
    assert removed_lines(text) == ["RELATED CONTENT", *HEADLINES]
    assert "boilerplate.related-list" in rules_of(text)


def test_items_one_blank_line_apart_are_a_list_too():
    text = STORY + "\n\nRelated:\n\n" + "\n\n".join(HEADLINES)
    assert removed_lines(text) == ["Related:", *HEADLINES]


def test_a_list_ends_where_the_spacing_widens_or_a_sentence_begins():
    # the line after a wider gap, and a title right above prose (a heading), belong to the article
    text = (STORY + "\n\nRelated Links\n" + "\n".join(HEADLINES) + "\n\nExample\nMcDonald's Will Stop Serving Soda\n\n"
            + STORY + "\n\nMore from the BBC:\n" + HEADLINES[0] + "\nWhy the budget matters\n" + PARAGRAPH)
    removed = removed_lines(text)
    assert "Example" not in removed and "McDonald's Will Stop Serving Soda" not in removed
    assert "Why the budget matters" not in removed and HEADLINES[0] in removed


def test_a_long_list_under_a_header_is_the_articles_own():
    items = [f"Chapter {n}: The Road North" for n in range(MAX_ITEMS + 1)]
    text = STORY + "\n\nRecommended reading\n" + "\n".join(items) + "\n\n" + STORY
    assert not set(items) & set(removed_lines(text))


def test_a_list_needs_a_header():
    text = STORY + "\n\n" + "\n".join(HEADLINES) + "\n\n" + STORY
    assert removed_lines(text) == []


def test_a_text_ad_block_goes():
    ads = ["Ads", "Miracle Prayer Requests", "www.christianprayercenter.com",
           "Need Prayers? Thousands Will Pray For You.", "Funeral Insurance Online",
           "canada-life-insurance.org/Funeral", "Affordable Funeral Insurance Plans."]
    text = STORY + "\n\n" + "\n".join(ads) + "\n" + STORY
    assert removed_lines(text) == ads
    headless = ads[1:]
    assert removed_lines(STORY + "\n\n" + "\n".join(headless) + "\n\n" + STORY) == headless


def test_an_ad_ends_at_its_tracking_link():
    ad = ["Digsby", "IM, Email, and Social Networks in one easy to use application!",
          "http://kvors.com/click/?s=88377&c=89569&subid=21987"]
    caption = "The bill Alex brought home, with a space for VAT"
    text = STORY + "\n\n" + "\n".join(ad) + "\n" + caption + "\n\n" + STORY
    assert removed_lines(text) == ad


def test_a_contact_block_or_a_reference_list_is_no_ad():
    contact = ["Media contact:", "Jane Doe, Acme Corp", "www.acme.com"]
    references = ["Sources", "Smith 2019, Climate report", "https://www.example.org/reports/2019/climate.pdf",
                  "Jones 2020, Budget review", "https://www.example.org/reports/2020/budget.pdf"]
    for block in (contact, references):
        assert removed_lines(STORY + "\n\n" + "\n".join(block) + "\n\n" + STORY) == []


def test_a_page_number_goes_with_its_pager():
    text = STORY + "\n\nPrevious\n1\n2\nNext\n\n" + STORY
    assert removed_lines(text) == ["Previous", "1", "2", "Next"]
    assert removed_lines(STORY + "\n\n1\n\n" + STORY) == []


lines = st.one_of(st.sampled_from(["RELATED CONTENT", "Ads", "www.example.com", "Previous", "1", "Next", "",
                                   PARAGRAPH, *HEADLINES, "http://x.com/click?id=1", "Related:"]),
                  st.text(max_size=30))


@settings(max_examples=200, deadline=None)
@given(st.lists(lines, max_size=40), st.sampled_from(["\n", "\r\n", "\u2028"]))
def test_block_hits_are_whole_short_lines_of_named_block_rules(parts, newline):
    text = newline.join(parts)
    doc = document(text, default_matcher())
    for hit in block_hits(doc):
        line = doc.lines[doc.line_of(hit.start)]
        assert hit.rule.id in BLOCK_RULES and line.start <= hit.start < hit.end <= line.end
        assert text[hit.start:hit.end] == text[line.start:line.end].strip()
