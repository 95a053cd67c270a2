"""The cleaner on realistic documents, and the invariants every result keeps."""
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

import spamguard
from spamguard import Cleaner, Flag, Result, apply

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_7aee77665af4d6e1.txt"

NEWS_EN = (
    "The city council voted on Tuesday to approve a new budget for public transport, ending months of debate.\n\n"
    "Under the plan, bus fares will rise by 5 per cent next year, while the money raised goes to new routes in "
    "the northern suburbs. “We listened to residents,” the mayor said.\n\n"
    "Critics said the increase would hurt low-income families, who rely on buses more than anyone else."
)
NEWS_TR = (
    "Ankara'da düzenlenen toplantıda ekonomi yönetimi, enflasyonla mücadelede yeni adımlar açıkladı.\n\n"
    "Bakan, faiz kararlarının piyasalar üzerindeki etkisinin yakından izleneceğini söyledi. Açıklamaya göre "
    "yeni düzenleme önümüzdeki ay yürürlüğe girecek."
)
NEWS_ID = (
    "Pemerintah provinsi mengumumkan rencana pembangunan jalan tol baru yang menghubungkan dua kota besar.\n\n"
    "Gubernur mengatakan proyek itu diharapkan selesai dalam tiga tahun dan akan membuka ribuan lapangan kerja."
)
NEWS_RU = (
    "В Москве прошло заседание правительства, на котором обсуждали бюджет на следующий год.\n\n"
    "Министр финансов заявил, что расходы на образование и здравоохранение будут увеличены."
)
LEGIT_SAME_TOPICS = [
    "A federal judge on Monday dismissed a lawsuit accusing the website of hosting pornography uploaded "
    "without consent, saying the plaintiffs had not shown the company knew of the videos.\n\n"
    "Lawyers for the women said they would appeal.",
    "Macau's casino revenue rose 12 per cent in March as visitors from the mainland returned, the gaming "
    "regulator said.\n\nShares of Sands China and Galaxy Entertainment rose in Hong Kong trading.",
    "Pfizer lost a bid to extend its patent on Viagra, opening the way for cheaper generic versions of the "
    "erectile dysfunction drug.\n\nReporting by Jane Doe; Editing by John Smith",
    "Police arrested six people in a sting targeting an escort service that operated from two hotels.\n\n"
    "Photo: Officers outside the Grand Hotel on Friday. (AP Photo/Jane Doe)",
    "Sources:\nhttps://www.who.int/news/item/2020-report\nhttps://data.worldbank.org/indicator/SP.POP.TOTL",
    "The snow fell all night\nand the road went white\nno one came\nno one left",
]


def test_seed_loses_exactly_its_glued_anchor_trailer():
    text = SEED.read_text(encoding="utf-8")
    result = spamguard.clean(text)
    assert text.endswith("\n\nporno izlebrazzers")
    assert result.text == text[: -len("\n\nporno izlebrazzers")]
    assert len(result.flags) == 1
    flag = result.flags[0]
    assert (flag.start, flag.end) == (len(result.text), len(text))
    assert flag.category == "adult" and flag.score >= 0.5 and result.verdict == "cleaned"
    assert "\u00a0" in result.text  # the non-breaking spaces stay


@pytest.mark.parametrize("article", [NEWS_EN, NEWS_TR, NEWS_ID, NEWS_RU] + LEGIT_SAME_TOPICS)
def test_clean_articles_lose_nothing(article):
    result = spamguard.clean(article)
    assert result.text == article, result.flags
    assert result.verdict == "clean"


@pytest.mark.parametrize("article, junk, category", [
    (NEWS_EN, "\n\nporno izlePornotürk porno", "adult"),
    (NEWS_EN, "\nslot gacor hari ini situs judi online terpercaya", "gambling"),
    (NEWS_TR, "\n\ncanlı bahis siteleri deneme bonusu", "gambling"),
    (NEWS_ID, "\n\nTwitterFacebookLinkedInRedditGoogle+EmailPrint", "boilerplate"),
    (NEWS_RU, "\n\nThe post Бюджет appeared first on Новости.", "boilerplate"),
    (NEWS_EN, "\n\nShare this:\nTwitter\nFacebook\n\nLike this:\nLike Loading...", "boilerplate"),
    (NEWS_EN, "porno izle", "adult"),  # glued to the last sentence without a space
    (NEWS_EN, "\n\nbuy cheap viagra online without prescription", "pharma"),
])
def test_junk_trailers_go_and_the_article_stays(article, junk, category):
    result = spamguard.clean(article + junk)
    assert result.text == article
    assert result.flags and result.flags[-1].category == category


def test_junk_line_between_paragraphs_goes_with_its_blank_line():
    first, second = NEWS_EN.split("\n\n", 1)
    text = f"{first}\n\nAdvertisement\n\n{second}"
    assert spamguard.clean(text).text == NEWS_EN


def test_junk_prefix_goes_and_the_paragraph_stays():
    text = "Continued below... In August 2013, the council met again to discuss the plan."
    assert spamguard.clean(text).text == "In August 2013, the council met again to discuss the plan."


def test_a_document_that_is_all_junk_is_spam():
    result = spamguard.clean("porno izle\nbrazzers\nslot gacor hari ini")
    assert result.verdict == "spam" and not result.text.strip()


def test_allowlist_keeps_a_line():
    text = NEWS_EN + "\n\nAdvertisement"
    assert Cleaner(allow=["Advertisement"]).clean(text).text == text
    assert Cleaner(allow=["re:^Advert"]).clean(text).text == text


def test_bad_arguments_get_clear_errors():
    with pytest.raises(TypeError, match="decode bytes first"):
        spamguard.clean(b"bytes")
    with pytest.raises(TypeError, match="got NoneType"):
        spamguard.clean(None)
    with pytest.raises(ValueError, match="threshold"):
        Cleaner(threshold=3)
    with pytest.raises(ValueError, match="does not compile"):
        Cleaner(allow=["re:("])
    with pytest.raises(spamguard.ModelError, match="missing"):
        Cleaner(model="/nonexistent/model-dir")


def test_report_is_json_ready_and_replays():
    import json
    text = NEWS_EN + "\n\nporno izlebrazzers"
    result = spamguard.clean(text)
    report = json.loads(json.dumps(result.to_dict()))
    assert report["schema_version"] == 1 and report["verdict"] == "cleaned"
    flag = report["flags"][0]
    assert text[flag["start"]:flag["end"]] == "\n\nporno izlebrazzers"
    assert flag["line"] == 7 and flag["column"] == 1 and flag["excerpt"] == "porno izlebrazzers"


def _check_invariants(text: str, result: Result) -> None:
    assert isinstance(result, Result) and result.verdict in ("clean", "cleaned", "spam")
    assert apply(text, result.flags) == result.text
    previous_end = 0
    for flag in result.flags:
        assert isinstance(flag, Flag)
        assert previous_end <= flag.start < flag.end <= len(text)
        assert 0.0 <= flag.score <= 1.0
        previous_end = flag.end
    assert (result.verdict == "clean") == (not result.flags)
    assert (result.verdict == "spam") == (bool(result.flags) and not result.text.strip())


junk_pieces = st.sampled_from([
    "porno izle", "brazzers", "slot gacor", "Advertisement", "Share this:", "Continued below... ",
    "buy cheap viagra online", "\u200b", "The post X appeared first on Y.", "RelatedA thingB thing", "\n", "\n\n",
    "\r\n", " ", ".", "Twitter", "(function(d, s, id) {", "<div>", "p o r n o", "İ", "ß", "🙂",
    "RELATED CONTENT\n", "Ads\n", "www.example.com\n", "Previous\n", "1\n", "Next\n", "A Short Headline\n",
    "Outrage as new Grand Theft Auto game allows player to...\n", "Man Shot at Dallas Gas Station Dies at Hospital\n",
    "The council approved the new budget on Tuesday.\n\n", "Schreibe einen Kommentar\n", "(Related: a story)",
    "—More…", "Inquiry\n02-751-1500", "If Obama wins, America loses.", " Obama ",
])
documents = st.lists(st.one_of(st.text(max_size=40), junk_pieces), max_size=12).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents)
def test_any_text_gives_a_valid_replayable_result(text):
    _check_invariants(text, spamguard.clean(text))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents)
def test_check_reports_what_clean_removes(text):
    cleaned, checked = spamguard.clean(text), Cleaner().check(text)
    assert isinstance(checked, spamguard.Report)
    assert (checked.flags, checked.verdict) == (cleaned.flags, cleaned.verdict)
    assert checked.to_dict() == cleaned.to_dict()


@pytest.mark.parametrize("text, verdict", [
    ("porno izle\nbrazzers", "spam"),
    (NEWS_EN + "\n\nporno izlebrazzers", "cleaned"),
    (NEWS_EN, "clean"),
])
def test_check_gives_the_verdict_of_clean(text, verdict):
    assert spamguard.clean(text).verdict == verdict
    assert Cleaner().check(text).verdict == verdict


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents)
@example("0SharE TH1S:Share th1s:P0RN 1ZLE\x1e0\x08P0RN 1ZLE")  # labels left at a line end, one per pass
@example("P0RN 1ZLE\x1e0\r–M0RE…\r0")  # a line cut above lines with no letter: the trailer walk goes on
@example("0100p0rn0 1zleS0\x1eC0NT1NUED BEL0W...\x1er")  # a line kept within the text nears the end: judged again
@example("0\rPREV10US\r01asl0t gac0r:a1D1A00")  # most of the text went above the last line: judged again
def test_cleaning_is_idempotent(text):
    once = spamguard.clean(text).text
    assert spamguard.clean(once).text == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=300))
def test_arbitrary_unicode_never_crashes(text):
    _check_invariants(text, spamguard.clean(text))


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\t \u2028 \r\n", "\u200b\u200b"])
def test_empty_and_blank_texts_are_clean(text):
    result = spamguard.clean(text)
    assert result.text == text and result.verdict == "clean"
