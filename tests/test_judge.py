"""The judge: where glued junk may be cut, and the trailer walk."""
import json
import math
from pathlib import Path

import pytest

import spamguard
import spamguard.cleaner as cleaner_module
from spamguard.evidence import NUMERIC_FEATURES, document
from spamguard.evidence.ngrams import hash_token
from spamguard.judge import Judge, _words
from spamguard.matcher import default_matcher
from spamguard.model import Model
from spamguard.segment import split_lines
from spamguard.units import LINK_LINE_CHARS, tail_segments, training_units


def pieces(text: str) -> list[str]:
    line = split_lines(text)[0]
    return [text[s.start:s.end] for s in tail_segments(text, line, [])]


@pytest.mark.parametrize("text, cut", [
    ("(Image credit: All About Space)GET VIP ESCORT", "GET VIP ESCORT"),
    ("Main image credit: Gettyشارك الخبر", "شارك الخبر"),
    ("an electric future быстрые займы", " быстрые займы"),
    ("tangan ayahkuADVERTISEMENT", "ADVERTISEMENT"),
    ("Houston, TXcasino trực tuyến", "casino trực tuyến"),
    ("29 November 2018 | 20 January 2019php shell", "php shell"),
    ("(Image credit: All About Space) Заходи на сайт", " Заходи на сайт"),  # after the closing bracket
])
def test_glued_junk_seams_are_cut_points(text, cut):
    assert cut in pieces(text)
    assert "".join(pieces(text)) == text


@pytest.mark.parametrize("url, glued", [
    ("https://ourworldindata.org/abs/2101.8175", "porno kostenlos"),
    ("http://www.oecd.org/articles/s41586-020-2352-4", "GET ROLEX REPLICA"),
    ("https://www.sciencedirect.com/publications/energy-vaccine", "Melhores garotas"),
])
def test_a_word_glued_onto_a_url_is_no_part_of_it(url, glued):
    assert glued in pieces(f"Source: {url}{glued}")


@pytest.mark.parametrize("text", ["He isn’t cheap, you know.”", "Привет, мир",
                                  "UNESCO and NATO met in 2019."])
def test_no_cut_inside_ordinary_words(text):
    assert pieces(text) == [text]


def test_a_trailer_of_links_ending_in_an_innocent_anchor_goes_whole():
    article = ("The council approved the new budget on Tuesday after a long debate about school funding and "
               "road repairs, officials said.\n\nThe mayor said the plan would be reviewed again next spring.")
    junk = "\n\nporno izle\nhacklink satış\ncanlı bahis siteleri\nhacklink panel\nGoogle"
    result = spamguard.clean(article + junk)
    assert result.text == article, result.flags


@pytest.mark.parametrize("body, at_least, below", [
    ("点击进入日赚500元", 3, None),   # a Chinese promo: enough words to cut, though it has no spaces
    ("新华社", None, 3),              # a Chinese credit: one or two words, it stays
    ("VietnamPlus", None, 3),
    ("real money slots tips", 3, None),
])
def test_tail_words_count_chinese_characters(body, at_least, below):
    if at_least is not None:
        assert _words(body) >= at_least
    if below is not None:
        assert _words(body) < below


@pytest.mark.parametrize("article, script", [
    ("The water grew up to three meters and a half.", "OO.ready(function() { OO.Player.create('p', 'x1'); });"),
    ("Call 02-751-1500", "OO.ready(function() { OO.Player.create('p', 'x2'); });"),
    ("The plan would be reviewed again next spring, officials said.",
     "window.fbAsyncInit = function() { FB.init({ appId: '1', xfbml: true }); };"),
])
def test_glued_script_is_cut_where_its_first_identifier_starts(article, script):
    intro = "The council approved the new budget on Tuesday after a long debate about school funding.\n\n"
    assert spamguard.clean(intro + article + script).text == intro + article


def test_glued_script_on_a_browser_global_goes_whole():
    intro = "The council approved the new budget on Tuesday after a long debate about school funding.\n\n"
    script = "window.FB.init(function() { FB.XFBML.parse(); });"
    assert spamguard.clean(intro + "Officials said. " + script).text == intro + "Officials said."


@pytest.mark.parametrize("junk", ["\n\nbuy viagra online\nbest pills shop\nGoogle",
                                  "\n\ncanlı bahis siteleri\nen iyi siteler\nYandex"])
def test_the_walk_looks_past_two_doubtful_lines_below_named_junk(junk):
    article = ("The council approved the new budget on Tuesday after a long debate about school funding and "
               "road repairs, officials said.\n\nThe mayor said the plan would be reviewed again next spring.")
    result = spamguard.clean(article + junk)
    assert result.text == article, result.flags


def test_short_article_lines_below_no_named_junk_stay():
    article = ("Heat the oven and butter a tin, then mix the flour, sugar and eggs until smooth.\n\n"
               "Ingredients\n200 g flour\n2 eggs\nA pinch of salt")
    assert spamguard.clean(article).text == article


@pytest.mark.parametrize("last", ["sPOrTs bEtTiNg TiPs", "5portw3tt3n bei onlineshop.online!"])
def test_a_seam_after_one_character_cuts_no_tail(last):
    article = ("The council approved the new budget on Tuesday after a long debate about school funding and "
               "road repairs, officials said.\n\nThe mayor said the plan would be reviewed again next spring.")
    result = spamguard.clean(article + "\n\nbest online casino bonus\nfree spins no deposit\n" + last)
    assert result.text == article, result.flags


def test_entities_glued_to_the_last_sentence_go_and_the_sentence_stays():
    article = ("The council approved the new budget on Tuesday after a long debate about school funding.\n\n"
               "The mayor said the plan would be reviewed again next spring.")
    assert spamguard.clean(article + "&nbsp;&nbsp;&#160;").text == article


@pytest.mark.parametrize("junk", [" o n l i n e c a s i n o!", "\n\nLon\u200bdon e\u2060scort a\u2060gency!!!"])
def test_words_hidden_from_filters_are_evidence_of_junk(junk):
    article = ("The council approved the new budget on Tuesday after a long debate about school funding.\n\n"
               "\u201cIt still was not enough, and now we are hoping to raise more,\u201d the mayor said.")
    assert spamguard.clean(article + junk).text.rstrip() == article  # the space before a glued tail may stay


@pytest.mark.parametrize("last", [
    "Portion sizes were measured in cups. McAleenan resigned and Chad Wolf has been named new DHS acting secretary.",
    "The clip was posted by NBC Nightly News/YouTube; Mike Seidel/YouTube",
    "A good financial planner (SmartAsset's free tool can help find one) can help you crunch the numbers.",
    'Investors will be left to wonder: "what did we do to deserve this?" To reach your savings goal, live below your '
    'means, increase your income, and max out your retirement accounts.',
    "Officials said the review would take months. \u201cBecome a member today\u201d sounds like a tall order.",
])
def test_a_name_in_camel_case_or_a_quoted_sentence_is_no_tail_of_glued_junk(last):
    # the model alone once cut each of these inside a name ("Mc|Aleenan") or took the last sentence, which follows
    # or opens with a quote, for no whole sentence
    article = ("The city council approved the new budget on Tuesday after a long debate about school funding and "
               "road repairs, officials said.\n\nThe mayor said the plan would be reviewed again next spring, when "
               "the figures for the first quarter are in.\n\n" + last)
    result = spamguard.clean(article)
    assert result.text == article, result.flags


@pytest.mark.parametrize("junk", [
    " Todays draw shows that you have won a £900 prize GUARANTEED. Call 09012345678 from land line. Claim 4040. "
    "Valid 12hrs only",
    " Congrats, you have won a £900 prize. Call 09012345678 from land line. Claim 4040. Valid 12hrs only",
])
def test_a_glued_tail_is_followed_past_one_doubtful_piece_to_named_junk(junk):
    article = ("The council approved the new budget on Tuesday after a long debate about school funding.\n\n"
               "\u201cWe did what we could,\u201d the mayor said.")
    assert spamguard.clean(article + junk).text.rstrip() == article


@pytest.mark.parametrize("text", [
    "Clean text only.", "Short note.", "I am waiting machan. Call me once you free.",
    "U can call me now...", "I call you later, don't have network. If urgnt, sms me.",
    "He is there. You call and meet him",
])
def test_a_message_with_no_body_loses_nothing_on_a_score_alone(text):
    result = spamguard.clean(text)
    assert result.text == text and result.verdict == "clean" and not result.flags


def test_a_short_document_still_loses_what_a_rule_names():
    result = spamguard.clean("See you at six.\n\nporno izlebrazzers")
    assert result.text == "See you at six." and result.flags[0].rules
    assert spamguard.clean("porno izle brazzers").verdict == "spam"


@pytest.mark.parametrize("sentence", ["BOM text here.", "Short note.", "I will call you back tonight."])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_sentence_right_above_named_junk_in_a_short_document_stays(sentence, newline):
    # with no body around them, the line above the junk goes only if a rule names it too, or if it is a label
    result = spamguard.clean(sentence + newline + "porno izlebrazzers" + newline)
    assert result.text == sentence + newline and result.verdict == "cleaned"
    assert spamguard.clean("porno izle" + newline + "brazzers" + newline + "Google").verdict == "spam"


def word_cleaner(*words: str) -> spamguard.Cleaner:
    """A cleaner whose model scores a unit by its words alone: 0.99 with one of `words`, 0.01 without. The judge's
    rules about what a model-alone score may remove are tested with it, so they do not hang on what the shipped
    model happens to score a made-up line."""
    weights = {hash_token(f"w:{word}"): 9.2 for word in words}
    return spamguard.Cleaner(model=Model((0.0,) * len(NUMERIC_FEATURES), weights, -4.6, 0.7, {}))


def test_the_word_model_scores_by_its_words():
    judge_text = "The council met.\n\nClick here for deals"
    result = word_cleaner("click").clean(judge_text)
    assert result.text == judge_text  # a body under 300 characters: a score alone removes nothing
    assert result.flags == () or len(result.flags) == 0
    body = "The council met on Tuesday and voted for the budget after months of debate in the chamber. " * 5
    result = word_cleaner("click").clean(body + "\n\nClick here for deals")
    assert result.text == body and 0.98 < result.flags[0].score < 1.0
    assert word_cleaner("nothing").clean(body + "\n\nClick here for deals").text == body + "\n\nClick here for deals"


@pytest.mark.parametrize("probe", ["Click here to get the best deals on cheap flights",
                                   "Sign up now and win big prizes today"])
def test_with_a_body_the_model_s_score_may_remove_a_line_no_rule_names(probe):
    clean = word_cleaner("click", "sign").clean
    body = ("The city council voted on Tuesday to approve a new budget for public transport, ending months of "
            "debate. Under the plan, bus fares will rise by 5 per cent next year, while the money raised goes to "
            "new routes in the northern suburbs.\n\nCritics said the increase would hurt low-income families, who "
            "rely on buses more than anyone else.\n\n")
    result = clean(body + probe)
    assert result.text == body.rstrip() and not result.flags[0].rules
    assert clean(probe).text == probe  # the same line alone has no body around it: it stays


OBAMA_BODY = ("Senator Obama told supporters in Denver on Tuesday that the tax plan would be fair to working families, "
              "and that America could not afford another four years of the same policies.\n\n"
              "His opponents said the plan would raise taxes on small businesses across America.\n\n")
COUNCIL_BODY = ("The city council voted on Tuesday to approve a new budget for public transport, ending months of "
                "debate. Under the plan, bus fares will rise by 5 per cent next year.\n\n"
                "Critics said the increase would hurt low-income families, who rely on buses more than anyone.\n\n")


@pytest.mark.parametrize("line", [
    "So share your top picks down below, and help us choose for Obama.",
    "So tell us your top picks down below, and help us find the perfect plan for America!",
])
def test_a_line_the_model_alone_would_cut_stays_when_it_names_the_body_s_people_and_places(line):
    clean = word_cleaner("share", "tell").clean
    assert clean(OBAMA_BODY + line).text == OBAMA_BODY + line
    under_another_story = clean(COUNCIL_BODY + line)  # there, no name ties it to the article
    assert under_another_story.text == COUNCIL_BODY.rstrip() and not under_another_story.flags[0].rules


def test_a_line_naming_the_body_but_carrying_a_link_is_not_kept_for_its_names():
    line = "So share your top picks for Obama at www.best-picks-online.com today!"
    result = spamguard.clean(OBAMA_BODY + line)
    assert result.text == OBAMA_BODY.rstrip()


def test_a_prompt_that_names_the_body_is_not_kept_for_its_names():
    result = word_cleaner("share").clean(OBAMA_BODY + "Share your thoughts on Obama and America with your friends "
                                         "today.")
    assert result.text == OBAMA_BODY.rstrip() and not result.flags[0].rules  # the model's score alone


@pytest.mark.parametrize("ending", ["Inquiry\n02-751-1500", "Contact\n+1 (800) 555-0199", "2019-11-18"])
def test_a_last_line_with_no_letters_is_never_cut_on_a_score_alone(ending):
    text = COUNCIL_BODY + ending
    assert spamguard.clean(text).text == text


def test_a_paragraph_of_prose_is_not_cut_on_a_score_alone():
    # two sentences and 45 words, no link, handle or phone number: the model alone scores it 0.99 as the last
    # line, but a paragraph of prose goes only when a rule names it
    paragraph = ("Oui. Rejoignez-nous aujourd'hui, c'est gratuit et facile, et vous recevrez chaque semaine les "
                 "meilleures offres directement dans votre boîte. Nos membres économisent des centaines d'euros "
                 "chaque année, partagent leurs bons plans avec leurs amis et peuvent résilier à tout moment, sans "
                 "frais et sans engagement.")
    clean = word_cleaner("rejoignez").clean
    assert clean(COUNCIL_BODY + paragraph).text == COUNCIL_BODY + paragraph
    with_a_link = paragraph + " Inscription : www.bons-plans-club.fr"
    assert clean(COUNCIL_BODY + with_a_link).text == COUNCIL_BODY.rstrip()


def test_a_short_paragraph_of_prose_is_not_cut_on_a_score_alone():
    # a quotation of two sentences and 25 words that ends a story: the model alone scores it 0.98 as the last line
    paragraph = ("You do need to push yourself harder in order to progress, but it should be effort within your "
                 "ability. Always listen to your body.")
    assert spamguard.clean(COUNCIL_BODY + paragraph).text == COUNCIL_BODY + paragraph


WITHIN_BODY = ("The city council voted on Tuesday to approve a new budget for public transport, ending months of "
               "debate. Under the plan, bus fares will rise by 5 per cent next year.\n\n"
               "Critics said the increase would hurt low-income families, who rely on buses more than anyone.\n\n")
WITHIN_END = "\n\nThe plan will be reviewed again next spring, the mayor's office said on Wednesday evening."


RU_BODY = ("Городской совет во вторник утвердил новый бюджет общественного транспорта, завершив многомесячные споры. "
           "По плану стоимость проезда в автобусах вырастет на пять процентов в следующем году.\n\n"
           "Критики заявили, что повышение ударит по семьям с низкими доходами, которые пользуются автобусами чаще "
           "других.\n\n")
RU_END = "\n\nВ мэрии в среду сообщили, что план будет снова рассмотрен следующей весной вместе с профсоюзами."


@pytest.mark.parametrize("line", ["Bijoux replique à partir de 59 €", "bijoux replique | répliques de luxe"])
def test_a_short_line_whose_words_lean_to_junk_goes_within_the_text(line):
    # no rule names it and it holds no link, but the model weighs its words towards junk: the judge asks about it
    clean = word_cleaner("replique").clean
    text = WITHIN_BODY + line + WITHIN_END
    result = clean(text)
    assert result.text == WITHIN_BODY + WITHIN_END.lstrip() and not result.flags[0].rules
    assert word_cleaner("nothing").clean(text).text == text  # words the model does not weigh: never asked


def test_the_first_line_and_a_divider_are_not_asked_about_for_their_words():
    clean = word_cleaner("porno", "xxxxxxxxxxxxxxxx").clean
    text = "Kominfo blokir ribuan situs porno\n\n" + WITHIN_BODY + "xxxxxxxxxxxxxxxx" + WITHIN_END
    assert clean(text).text == text  # a title and a line of one letter repeated stay


def test_a_line_of_text_with_a_glued_link_is_no_bare_source_link():
    # one "word" to str.split() in a script without spaces, but a whole ad with its link, not a source
    clean = word_cleaner("免费色情电影", "org").clean
    line = "免费色情电影，请访问https://24top.org/?ref=748…"
    assert clean(WITHIN_BODY + line + WITHIN_END).text == WITHIN_BODY + WITHIN_END.lstrip()
    source = "https://24top.org/?ref=748"  # a bare link alone on its line reads as the article's source
    assert clean(WITHIN_BODY + source + WITHIN_END).text == WITHIN_BODY + source + WITHIN_END


def test_a_list_of_anchors_naming_a_brand_is_not_kept_as_prose():
    # eight words or more whose listed phrases ("bônus sem depósito") cover little of it: prose that names a brand
    # stays, but a list of anchors ending as no sentence does goes at the middle threshold
    clean = word_cleaner("cassino").clean
    anchors = "bônus sem depósito, jogo do bicho, caça-níqueis, cassino online, apostas esportivas!!!"
    assert clean(WITHIN_BODY + anchors + WITHIN_END).text == WITHIN_BODY + WITHIN_END.lstrip()
    prose = "O cassino foi multado por oferecer bônus sem depósito a menores de idade, disse o regulador."
    assert clean(WITHIN_BODY + prose + WITHIN_END).text == WITHIN_BODY + prose + WITHIN_END


def test_a_heading_whose_words_the_story_uses_is_not_cut_for_its_words():
    # a short line no rule names, whose words lean to junk: between paragraphs it goes, unless the story under it
    # uses its words (a heading of that story, not spam set into it)
    clean = word_cleaner("porno").clean
    heading = "Kominfo blokir ribuan situs porno"
    story = ("Kementerian Komunikasi dan Digital memblokir ribuan situs porno dan judi sepanjang pekan ini, kata "
             "Kominfo dalam keterangan tertulis.")
    text = WITHIN_BODY + heading + "\n\n" + story + WITHIN_END
    assert clean(text).text == text
    elsewhere = WITHIN_BODY + heading + WITHIN_END  # under a story about buses it brings words of its own
    assert clean(elsewhere).text == WITHIN_BODY + WITHIN_END.lstrip()


def test_junk_the_trailer_walk_could_not_take_above_a_byline_is_judged_within_the_text():
    # the walk starts at the byline (0.5: kept, but doubtful), meets the spam line above it and, as guesses never
    # stand on guesses, stops there; the spam line, judged and not kept by the walk, is judged again within the text
    weights = {hash_token("w:bonus"): 9.2, hash_token("w:sanjay"): 4.6}
    clean = spamguard.Cleaner(model=Model((0.0,) * len(NUMERIC_FEATURES), weights, -4.6, 0.7, {})).clean
    spam, byline = "Bonus za registraciju na sajte onlineonline.club.", "— Sanjay Mishra"
    result = clean(WITHIN_BODY + spam + "\n" + byline)
    assert result.text == WITHIN_BODY + byline


def test_within_the_text_a_line_with_a_link_or_a_phone_number_needs_less_to_go():
    # the model scores "darmowe" 0.7: not enough for a short line no rule names (0.9), enough for one that gives a
    # link or a phone number to reach the seller by (the within threshold, 0.5, or the model's, 0.55, if higher)
    weights = {hash_token("w:darmowe"): 5.45}
    clean = spamguard.Cleaner(model=Model((0.0,) * len(NUMERIC_FEATURES), weights, -4.6, 0.55, {})).clean
    for ad in ("Porno darmowe hd na seopro.com >>", "Porno darmowe hd, dzwoń 0821337270 >>"):
        assert clean(WITHIN_BODY + ad + WITHIN_END).text == WITHIN_BODY + WITHIN_END.lstrip()
    plain = "Filmy darmowe hd >>"  # ("Porno darmowe hd >>" is named now: blocks.py's adult.off-topic-line)
    assert clean(WITHIN_BODY + plain + WITHIN_END).text == WITHIN_BODY + plain + WITHIN_END


def test_a_run_of_anchors_ending_in_a_full_stop_is_no_sentence_naming_a_brand():
    # it reads as prose to the brand rule (spaces, a full stop), but its keywords come back: anchors in a row
    line = "x gratuit vidéos x gratuites porno gratuit sexe en direct film porno français."
    text = WITHIN_BODY + line + WITHIN_END
    assert spamguard.clean(text).text == WITHIN_BODY + WITHIN_END.lstrip()
    news = "The casino group said its Macau revenue rose by a third in May, its best month since 2019."
    assert spamguard.clean(WITHIN_BODY + news + WITHIN_END).text == WITHIN_BODY + news + WITHIN_END


def test_within_the_text_a_line_a_rule_names_goes_at_the_within_threshold_whatever_the_model_s_threshold():
    # "watches" scores 0.6: under the model's threshold (0.7), over the within threshold (0.5); a rule names the
    # line ("replica watches", counterfeit.en), so the rule and the model agree wherever it stands
    weights = {hash_token("w:watches"): 5.0}
    clean = spamguard.Cleaner(model=Model((0.0,) * len(NUMERIC_FEATURES), weights, -4.6, 0.7, {})).clean
    named = "Swiss replica watches at factory prices"
    result = clean(WITHIN_BODY + named + WITHIN_END)
    assert result.text == WITHIN_BODY + WITHIN_END.lstrip() and result.flags[0].rules == ("counterfeit.en",)
    unnamed = "Swiss watches at factory prices"  # the same score, no rule: the unnamed within threshold (0.9)
    assert clean(WITHIN_BODY + unnamed + WITHIN_END).text == WITHIN_BODY + unnamed + WITHIN_END


def test_a_line_of_anchors_glued_one_onto_the_next_is_no_sentence_naming_a_brand():
    # eight words or more, a listed phrase covering little of them, a full stop at the end: it reads as prose, but
    # its anchors are glued one onto the next, so it goes at the middle threshold and is not kept as a sentence
    line = "кредит без справокИнвестиции в криптовалютуРабота на дому для студентов и пенсионеров сегодня."
    clean = word_cleaner("кредит").clean
    assert clean(RU_BODY + line + RU_END).text == RU_BODY + RU_END.lstrip()
    prose = "Банк выдал кредит без справок о доходах двум тысячам клиентов, сообщил регулятор в среду."
    assert clean(RU_BODY + prose + RU_END).text == RU_BODY + prose + RU_END


@pytest.mark.parametrize("tail", [
    " Thuốc tăng cường sinh lý giá rẻ tại www.thuocsinhly.biz.",  # a sentence with a link to a seller
    " Лучшая обувь известных брендов по самым низким ценам в нашем магазине.",  # in another script than the body's
])
def test_a_whole_sentence_glued_on_goes_when_it_departs_from_the_article(tail):
    clean = word_cleaner("thuốc", "sinh", "обувь").clean
    body = WITHIN_BODY + "The plan will be reviewed again next spring, the mayor's office said on Wednesday."
    assert clean(body + tail).text == body
    same = " The mayor's office said the plan would be reviewed again next spring with the unions."
    assert clean(body + same).text == body + same  # an unnamed sentence in the body's script and no link stays


def test_a_tail_after_an_abbreviation_goes_on_with_the_sentence():
    # "U.S." ends like a sentence, but a lower-case word after it goes on with the sentence: a tail no rule names
    # is not cut there, however the model scores it (this one scores a tail with "prisoner" 0.99, the line and the
    # other pieces 0.5); after a sentence end the same tail is glued on
    numeric = tuple(4.6 if name == "is_suffix" else 0.0 for name in NUMERIC_FEATURES)
    clean = spamguard.Cleaner(model=Model(numeric, {hash_token("w:prisoner"): 4.6}, -4.6, 0.7, {})).clean
    body = WITHIN_BODY + "Worth it? The men were swapped in exchange for U.S. prisoner Bowe Bergdahl in May"
    assert clean(body).text == body
    glued = WITHIN_BODY + "The men were swapped in exchange for him in the end. prisoner Bowe Bergdahl in May"
    assert clean(glued).text == glued[:glued.index(" prisoner")]


@pytest.mark.parametrize("line, kept", [
    ("I migliori cialis generico online qui http://www.farmaciaonline.biz/", ""),  # two words open the ad
    ("Photo: Reuters cialis generico online qui http://www.farmaciaonline.biz/", "Photo: Reuters "),  # a credit
])
def test_the_words_that_open_an_ad_go_with_the_named_junk_after_them(line, kept):
    result = word_cleaner("cialis", "qui").clean(COUNCIL_BODY + line)
    assert result.text == (COUNCIL_BODY + kept if kept else COUNCIL_BODY.rstrip())


@pytest.mark.parametrize("line, kept", [
    ("jogo do bichoapostas esportivasBônus sem depósito", ""),  # lower-case words glued on: anchors, one run
    ("Colosseum Theater EssenBônus sem depósito", "Colosseum Theater Essen"),  # a name before the junk
    ("jogo do bicho, apostasBônus sem depósito", "jogo do bicho, apostas"),  # punctuation: no run of anchors
    ("jogo do bicho Bônus sem depósito", "jogo do bicho "),  # a space before the junk
])
def test_lower_case_words_glued_onto_named_junk_go_with_it(line, kept):
    result = word_cleaner("sem").clean(COUNCIL_BODY + line)  # the whole line scores 0.99, the head alone 0.01
    assert result.text == (COUNCIL_BODY + kept if kept else COUNCIL_BODY.rstrip())


@pytest.mark.parametrize("line, kept", [
    # the first item of a list whose later items a rule names: one list, it goes whole
    ("sorte grande hoje - bônus sem depósito - roleta ao vivo - giros grátis", ""),
    ("Fonte: https://ibge.gov.br/2707 - bônus sem depósito - roleta ao vivo - giros grátis",  # a source cited
     "Fonte: https://ibge.gov.br/2707 - "),
    ("Lisboa - bônus sem depósito", "Lisboa - "),  # one separator: no list
])
def test_the_first_item_of_a_list_of_named_anchors_goes_with_it(line, kept):
    # the whole line and each later item score 0.99, the head alone 0.01; a rule names "bônus sem depósito"
    result = word_cleaner("sem", "roleta", "giros").clean(COUNCIL_BODY + line)
    assert result.text == (COUNCIL_BODY + kept if kept else COUNCIL_BODY.rstrip())


@pytest.mark.parametrize("below, goes", [
    ("Praca magisterska na zamówienie cena już od 55 zł", True),  # a label in the same words: no story under it
    ("Praca magisterska na zamówienie kosztuje dziś więcej niż rok temu, podał urząd w środę.", False),
])
def test_a_line_heads_the_line_below_only_when_that_is_a_paragraph(below, goes):
    # the model scores a line with "betking" 0.99, every other line 0.01; no rule names either line
    clean = word_cleaner("betking").clean
    line = "Praca magisterska na zamówienie cena – betking.biz!!!"
    text = WITHIN_BODY + line + "\n" + below + WITHIN_END
    assert clean(text).text == (WITHIN_BODY + below + WITHIN_END if goes else text)


@pytest.mark.parametrize("ending, kept", [
    ("— Claire Martin", True),  # a byline: a dash and a name
    ("— Juan Ruiz, RTVE", True),  # and the outlet
    ("Claire Martin", False),  # a name alone, with no dash: a label the model is sure of
])
def test_a_byline_ending_the_story_is_kept_whatever_its_score(ending, kept):
    clean = word_cleaner("claire", "juan", "devoirs").clean  # the model scores the ending 0.99, the story 0.01
    text = COUNCIL_BODY + ending
    assert clean(text).text == (text if kept else COUNCIL_BODY.rstrip())
    # spam injected above it goes all the same: a byline vouches for no line above it, as an article sentence does
    spam = "faire mes devoirs payant http://www.fairemesdevoirspay.club/\n"
    assert clean(COUNCIL_BODY + spam + ending).text == (text if kept else COUNCIL_BODY.rstrip())


@pytest.mark.parametrize("head, kept", [("via ", True), ("Quelle: ", True), ("Mehr bei ", False)])
def test_the_outlet_a_credit_word_cites_is_no_glued_tail(head, kept):
    # the model scores the tail "読売新聞" 0.99 (another script than the story's: the threshold would do), the whole
    # line 0.01, for its first word
    weights = {hash_token("w:読売新聞"): 9.2, **{hash_token(f"w:{word}"): -9.2 for word in ("via", "quelle", "mehr")}}
    clean = spamguard.Cleaner(model=Model((0.0,) * len(NUMERIC_FEATURES), weights, -4.6, 0.7, {})).clean
    line = head + "読売新聞"
    assert clean(COUNCIL_BODY + line).text == COUNCIL_BODY + (line if kept else head.rstrip())


@pytest.mark.parametrize("tail, goes", [
    (" лучшие цены на обувь в нашем магазине", True),  # in another script than the body's: the threshold
    (" best prices on shoes in our own shop", False),  # in the body's script: the middle threshold
])
def test_a_glued_tail_in_another_script_goes_at_the_threshold(tail, goes):
    # the model scores a tail with "обувь" or "shoes" 0.8: over the threshold (0.7), under the middle one (0.9);
    # the line, and the pieces without the word, 0.17
    numeric = tuple(2.99 if name == "is_suffix" else 0.0 for name in NUMERIC_FEATURES)
    weights = {hash_token("w:обувь"): 3.0, hash_token("w:shoes"): 3.0}
    clean = spamguard.Cleaner(model=Model(numeric, weights, -4.6, 0.7, {})).clean
    body = WITHIN_BODY + "The plan will be reviewed again next spring, the mayor's office said on Wednesday."
    assert clean(body + tail).text == (body if goes else body + tail)


@pytest.mark.parametrize("ending, kept", [
    (" 레플리카 운동화 최저가.", ""),  # a short statement glued on, in another script than the body's
    ("\n\n레플리카 운동화 최저가.", ""),  # the same on a line of its own
    ("\n\nTickets sold out within hours.", "\n\nTickets sold out within hours."),
])
def test_a_short_statement_reads_as_the_articles_only_in_its_script(ending, kept):
    # the model scores each ending 0.99; a short statement ("Śledztwo trwa.") reads as the article's and stays,
    # but not one in a script the body is not written in
    body = WITHIN_BODY + "The plan will be reviewed again next spring, the mayor's office said on Wednesday."
    assert word_cleaner("레플리카", "tickets").clean(body + ending).text == body + kept


ZH_BODY = ("市议会周二投票批准了新的公共交通预算，结束了数月的辩论。根据该计划，明年公交票价将上涨百分之五，"
           "地铁票价保持不变，而夜间公交线路将增加到十二条，以方便在夜间工作的市民出行。\n\n"
           "批评者说，涨价会伤害低收入家庭，他们比任何人都更依赖公交车。一些议员提议为老年人和学生提供折扣，"
           "但这一提议在投票中以微弱劣势被否决。交通局表示，新增收入将用于购买电动公交车和改善车站设施。\n\n")
ZH_END = "\n\n市长办公室周三表示，该计划将于明年春天再次审查，届时工会也将参与讨论。"


@pytest.mark.parametrize("body, end, goes", [
    (ZH_BODY, ZH_END, True),  # a Latin line with a link in a Chinese story departs from it twice: 0.5 will do
    (WITHIN_BODY, WITHIN_END, False),  # in an English story, a line with a link needs the threshold (0.7)
])
def test_a_line_in_another_script_with_a_link_goes_at_the_within_threshold(body, end, goes):
    # the model scores the line 0.6 (its word "bukmacherskie"), every other line 0.01; no rule names it
    weights = {hash_token("w:bukmacherskie"): 5.0}
    clean = spamguard.Cleaner(model=Model((0.0,) * len(NUMERIC_FEATURES), weights, -4.6, 0.7, {})).clean
    line = "Najlepsze bukmacherskie bonusy http://www.typy-dnia.net/\n\n"
    assert clean(body + line + end.lstrip()).text == body + ("" if goes else line) + end.lstrip()


def test_a_thai_tail_glued_on_counts_its_words_as_thai_is_written_without_spaces():
    # one run of Thai letters is one "word" to a split: counted so, any glued Thai tail was too slight to cut
    thai = "ข่าวที่เกี่ยวข้องรัฐบาลเตือนฝนตกหนัก"
    body = WITHIN_BODY + "The plan will be reviewed again next spring, the mayor's office said on Wednesday"
    assert word_cleaner("ขาวทีเกียวของรัฐบาลเตือนฝนตกหนัก").clean(body + thai).text == body  # as folded


@pytest.mark.parametrize("tail, goes", [
    (" 论文代写 >>", True),  # two words in another script than the body's: no credit
    (" 代写", False),  # one word stays, whatever its script
    (" Reuters Pictures", False),  # two words in the body's script: a credit
])
def test_a_glued_tail_of_two_words_goes_only_when_it_departs_from_the_article(tail, goes):
    # the model scores a tail with one of the words 0.99, the line and the pieces without them 0.5
    numeric = tuple(4.6 if name == "is_suffix" else 0.0 for name in NUMERIC_FEATURES)
    weights = {hash_token(f"w:{word}"): 4.6 for word in ("论文代写", "代写", "pictures")}
    clean = spamguard.Cleaner(model=Model(numeric, weights, -4.6, 0.7, {})).clean
    body = WITHIN_BODY + "The plan will be reviewed again next spring, the mayor's office said on Wednesday."
    assert clean(body + tail).text == (body if goes else body + tail)


@pytest.mark.parametrize("last, goes", [
    ("Zakłady z bonusem już od 486 zł", True),  # the model is as sure of it (0.92) as of the link line above
    ("— Elena Russo", False),  # a byline it is less sure of (0.75): the link line vouches for no guess below it
])
def test_a_link_line_takes_along_a_last_line_the_model_is_as_sure_of(last, goes):
    weights = {hash_token("w:kliknij"): 7.04, hash_token("w:bonusem"): 7.04, hash_token("w:elena"): 5.7}
    clean = spamguard.Cleaner(model=Model((0.0,) * len(NUMERIC_FEATURES), weights, -4.6, 0.7, {})).clean
    body = WITHIN_BODY + "The plan will be reviewed again next spring, the mayor's office said on Wednesday."
    result = clean(body + "\n\nKliknij i sprawdź https://www.typy-dnia.net >>\n" + last).text
    assert "Kliknij" not in result and (last not in result if goes else result.endswith(last))


@pytest.mark.parametrize("last, goes", [
    ("副業 在宅 高収入 最安値.", True),  # a statement in another script than the story's: the threshold (0.7)
    ("Tickets sold out within hours.", False),  # the story's last statement: only a very sure model (0.93)
    ("TICKETS SOLD OUT WITHIN HOURS.", True),  # in capitals, as ads shout: no statement, the threshold
])
def test_a_last_short_statement_is_the_storys_only_in_its_script_and_case(last, goes):
    # the model scores the last line 0.85, every other line 0.01
    weights = {hash_token("w:副業"): 6.33, hash_token("w:tickets"): 6.33}
    clean = spamguard.Cleaner(model=Model((0.0,) * len(NUMERIC_FEATURES), weights, -4.6, 0.7, {})).clean
    body = WITHIN_BODY + "The plan will be reviewed again next spring, the mayor's office said on Wednesday."
    assert clean(body + "\n\n" + last).text == (body if goes else body + "\n\n" + last)



@pytest.mark.parametrize("body, end, stays", [
    (RU_BODY, RU_END, True),  # prose of the story's own that names what spam sells: news
    (WITHIN_BODY, WITHIN_END, False),  # the same prose set into an English story is none of its news
])
def test_prose_naming_a_brand_is_news_only_in_the_storys_script(body, end, stays):
    clean = word_cleaner("индивидуалки").clean
    prose = ("Полиция сообщила, что индивидуалки принимали клиентов в трёх квартирах в центре города, сказал "
             "следователь.")
    text = body + prose + end
    assert clean(text).text == (text if stays else body + end.lstrip())


@pytest.mark.parametrize("line, kept", [
    ("高端外围模特 北京外围 深圳上门服务.", ""),  # one word glued on before named junk, in another script: junk
    ("출처: 한겨레 高端外围模特 北京外围 深圳上门服务.", "출처: 한겨레 高端"),  # a credit before it: middle threshold
])
def test_a_word_glued_before_named_junk_in_another_script_goes_with_it(line, kept):
    # the model scores the line and each piece of the named tail 0.99, the head with "高端" 0.8: under the middle
    # threshold (0.9), over the threshold (0.7)
    weights = {hash_token(f"w:{word}"): 9.2 for word in ("高端外围模特", "外围模特", "北京外围", "深圳上门服务")}
    weights[hash_token("w:高端")] = 5.99
    clean = spamguard.Cleaner(model=Model((0.0,) * len(NUMERIC_FEATURES), weights, -4.6, 0.7, {})).clean
    body = WITHIN_BODY + "The plan will be reviewed again next spring, the mayor's office said on Wednesday.\n\n"
    assert clean(body + line).text == (body + kept if kept else body.rstrip())


@pytest.mark.parametrize("line, goes", [
    ("лучшие цены на обувь в нашем магазине", True),  # in another script than the story's: the within threshold
    ("best prices on shoes in our own shop", False),  # in the story's script, no link: the unnamed one (0.9)
])
def test_within_the_text_a_line_in_another_script_needs_less_to_go(line, goes):
    # the model scores a line with "обувь" or "shoes" 0.8, every other line 0.01; no rule names either
    weights = {hash_token("w:обувь"): 6.0, hash_token("w:shoes"): 6.0}
    clean = spamguard.Cleaner(model=Model((0.0,) * len(NUMERIC_FEATURES), weights, -4.6, 0.7, {})).clean
    text = WITHIN_BODY + line + WITHIN_END
    assert clean(text).text == (WITHIN_BODY + WITHIN_END.lstrip() if goes else text)


@pytest.mark.parametrize("line, goes", [
    ("Machines à sous gratuites sur www.machinessousgratui.net!!!", True),  # a spam phrase, then a link: an ad
    ("Machines à sous gratuites, appelez le 0612345678", True),  # or a phone number
    ("Machines à sous gratuites!!!", False),  # no way to reach a seller: the model must agree
    ("www.lemonde.fr/economie/ Machines à sous gratuites", False),  # a source the phrase follows: no ad
])
def test_a_short_line_with_a_spam_phrase_before_a_link_is_an_ad_wherever_it_stands(line, goes):
    clean = word_cleaner().clean  # the model scores every line 0.01
    text = WITHIN_BODY + line + WITHIN_END
    assert clean(text).text == (WITHIN_BODY + WITHIN_END.lstrip() if goes else text)


@pytest.mark.parametrize("line, goes", [
    # four anchors separated by " | ", over LINK_LINE_CHARS long: a list of anchors, asked about as a short line is
    ("verdien 500 euro per dag | marabout liefdesrituelen | lenen met negatieve bkr | bitcoin trading robot nu", True),
    # the same words as a sentence of that length: a paragraph, not asked about
    ("verdien 500 euro per dag, marabout liefdesrituelen, lenen met negatieve bkr en bitcoin trading robot nu.", False),
])
def test_a_long_list_of_anchors_between_paragraphs_is_asked_about_as_a_short_line(line, goes):
    assert len(line) > LINK_LINE_CHARS
    clean = word_cleaner("verdien").clean  # the model scores a line with "verdien" 0.99; no rule names it
    text = WITHIN_BODY + line + WITHIN_END
    assert clean(text).text == (WITHIN_BODY + WITHIN_END.lstrip() if goes else text)


@pytest.mark.parametrize("line, goes", [
    ("thuisontvangst Den Haag | sexdate", True),  # a spam phrase as a whole item of a list of anchors
    ("een sexdate in Den Haag | politie", False),  # a phrase within an item: the model must agree
])
def test_a_spam_phrase_that_is_a_whole_item_of_a_list_goes_wherever_it_stands(line, goes):
    clean = word_cleaner().clean  # the model scores every line 0.01; a rule names "sexdate"
    text = WITHIN_BODY + line + WITHIN_END
    assert clean(text).text == (WITHIN_BODY + WITHIN_END.lstrip() if goes else text)


@pytest.mark.parametrize("end, goes", [(" >>", True), (".", False)])
def test_prose_naming_a_spam_phrase_that_points_on_to_a_link_is_no_news(end, goes):
    # the model scores a line with "booster" 0.72: over the named threshold (0.5), under the middle one (0.9)
    clean = spamguard.Cleaner(model=Model((0.0,) * len(NUMERIC_FEATURES), {hash_token("w:booster"): 5.5}, -4.6, 0.7,
                                          {})).clean
    line = "Le référencement pas cher pour booster son site et gagner des clients chaque jour" + end
    text = WITHIN_BODY + line + WITHIN_END
    assert clean(text).text == (WITHIN_BODY + WITHIN_END.lstrip() if goes else text)


DE_BODY = ("Der Stadtrat hat am Dienstag einen neuen Haushalt für den öffentlichen Nahverkehr beschlossen und damit "
           "monatelange Streitigkeiten beendet. Die Fahrpreise steigen im nächsten Jahr um fünf Prozent.\n\n"
           "Kritiker sagten, die Erhöhung treffe Familien mit geringem Einkommen, die häufiger Bus fahren.\n\n")
DE_END = "\n\nDer Plan wird im nächsten Frühjahr erneut geprüft, teilte das Rathaus am Mittwoch mit."


@pytest.mark.parametrize("body, line, end, goes", [
    # letters the English story never uses: the within threshold (0.7)
    (WITHIN_BODY, "thuốc giảm cân giá rẻ tại nhà", WITHIN_END, True),
    # letters beyond ASCII the German story never uses (ố, ả, â, á, ẻ, ạ, none of its ä, ö, ü): the same step
    (DE_BODY, "thuốc giảm cân giá rẻ tại nhà", DE_END, True),
    # a letter the German story uses too (ü): no evidence, the unnamed within threshold (0.9)
    (DE_BODY, "Abnehmen mit giảm für Zuhause", DE_END, False),
])
def test_within_the_text_a_line_in_letters_the_story_never_uses_needs_less_to_go(body, line, end, goes):
    # the model scores a line with "giam" (of "giảm", as folded) 0.8, every other line 0.01; no rule names it
    clean = spamguard.Cleaner(model=Model((0.0,) * len(NUMERIC_FEATURES), {hash_token("w:giam"): 6.0}, -4.6, 0.7,
                                          {})).clean
    text = body + line + end
    assert clean(text).text == (body + end.lstrip() if goes else text)


@pytest.mark.parametrize("line, goes", [
    ("仮想通貨 投資 今すぐ", True),  # another script than the story's: two steps away, the named threshold (0.5)
    ("tiền ảo đầu tư ngay", False),  # Latin letters the story never uses: one step, the within threshold (0.7)
    ("crypto invest now", False),  # the story's own letters: the unnamed within threshold (0.9)
])
def test_within_the_text_a_line_in_another_script_departs_further_than_one_in_other_latin_letters(line, goes):
    # the model scores a line with one of these words 0.6, every other line 0.01; no rule names any of them
    weights = {hash_token(f"w:{word}"): 5.0 for word in ("仮想通貨", "tien", "crypto")}
    clean = spamguard.Cleaner(model=Model((0.0,) * len(NUMERIC_FEATURES), weights, -4.6, 0.7, {})).clean
    text = WITHIN_BODY + line + WITHIN_END
    assert clean(text).text == (WITHIN_BODY + WITHIN_END.lstrip() if goes else text)


@pytest.mark.parametrize("line, goes", [
    # words spelled with digits for letters: as far from an article as a line a rule names (0.5)
    ("Thu1s0ntv4ng5t R0tt3rdam vanaf 82,95", True),
    ("Thuisontvangst Rotterdam vanaf 82,95", False),  # spelled out: the unnamed within threshold (0.9)
    ("Thuisontvangst Rotterdam met de A330neo", False),  # a model name: one run of digits, no disguise
])
def test_within_the_text_a_line_that_spells_words_with_digits_needs_only_a_doubtful_score(line, goes):
    # the model scores a line with "thuisontvangst" (as folded) 0.6, every other line 0.01; no rule names it
    clean = spamguard.Cleaner(model=Model((0.0,) * len(NUMERIC_FEATURES), {hash_token("w:thuisontvangst"): 5.0},
                                          -4.6, 0.7, {})).clean
    text = WITHIN_BODY + line + WITHIN_END
    assert clean(text).text == (WITHIN_BODY + WITHIN_END.lstrip() if goes else text)


@pytest.mark.parametrize("body, end, goes", [
    (WITHIN_BODY, WITHIN_END, True),  # in another script than the story's: none of its text, a doubtful score will do
    (ZH_BODY, ZH_END, False),  # in the story's script: the model must agree (the within threshold, 0.5)
    (WITHIN_BODY + WITHIN_END.lstrip() + "\n\n", "", True),  # the same at the story's end (the threshold, 0.7)
    (ZH_BODY + ZH_END.lstrip() + "\n\n", "", False),
])
def test_a_named_line_in_another_script_needs_only_a_doubtful_score_wherever_it_stands(body, end, goes):
    # the model scores the line 0.4, every other line 0.01; the lexicon names its phrases
    clean = spamguard.Cleaner(model=Model((0.0,) * len(NUMERIC_FEATURES), {hash_token("w:無修正動画"): 4.2}, -4.6,
                                          0.7, {})).clean
    # (words, not a list: a spam phrase as a whole item of one goes whatever the script, `names_a_list_item`)
    text = body + "AV女優 無修正動画 アダルト動画" + end
    assert clean(text).text.rstrip() == ((body + end.lstrip()).rstrip() if goes else text)


@pytest.mark.parametrize("tail, goes", [
    ("Spielautomaten online gratis spielen 08056409117", True),  # a phone number to call: the threshold (0.7) will do
    ("Spielautomaten online gratis spielen", False),  # the same without one: the middle threshold (0.9)
])
def test_a_glued_tail_with_a_phone_number_needs_less_to_go(tail, goes):
    # the model scores a tail with "spielautomaten" 0.8, the line 0.17; no rule names the tail, and the story's
    # letters go beyond ASCII (no departure in letters)
    numeric = tuple(2.99 if name == "is_suffix" else 0.0 for name in NUMERIC_FEATURES)
    clean = spamguard.Cleaner(model=Model(numeric, {hash_token("w:spielautomaten"): 3.0}, -4.6, 0.7, {})).clean
    body = DE_BODY + DE_END.lstrip()
    assert clean(body + tail).text == (body if goes else body + tail)


class ExactJudge(Judge):
    """A judge that reads every unit's score whole, its comparisons with the body's words included."""

    def judge(self, unit, threshold=None, read_from=math.inf):
        return super().judge(unit, threshold, 0.0)


def test_keeping_a_unit_on_the_highest_score_it_could_have_removes_the_same_as_reading_every_score(monkeypatch):
    data = Path(__file__).parent / "data"
    article = (data / "topic_traps" / "en.txt").read_text(encoding="utf-8").split("\n\n")
    cases = [case["text"] for case in json.loads((data / "lexicon_cases.json").read_text(encoding="utf-8"))]
    texts = [path.read_text(encoding="utf-8") for path in sorted((data / "topic_traps").glob("*.txt"))]
    texts += [path.read_text(encoding="utf-8") for path in (Path(__file__).parent.parent / "seeds").glob("*.txt")]
    texts += ["\n\n".join(article[:3] + [case] + article[3:6]) for case in cases]  # between paragraphs
    texts += ["\n\n".join(article[:4]) + "\n" + case + "\nShare this\nGoogle" for case in cases]  # in the trailer
    cleaner = spamguard.Cleaner()
    shortcut = [cleaner.check(text).flags for text in texts]
    monkeypatch.setattr(cleaner_module, "Judge", ExactJudge)
    assert [cleaner.check(text).flags for text in texts] == shortcut
    assert sum(map(len, shortcut)) > len(cases)  # the spam in the cases is found


@pytest.mark.parametrize("read_from", [0.0, 0.1, 0.25, 0.5, math.inf])
def test_a_unit_s_score_is_exact_wherever_the_caller_reads_it(read_from):
    text = next((Path(__file__).parent.parent / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    doc = document(text + "\n\nporno izle brazzers\nGoogle\nBuy cheap viagra online", default_matcher())
    cleaner = spamguard.Cleaner()
    judge, exact = (kind(doc, cleaner.model, cleaner.settings, lambda line: False) for kind in (Judge, ExactJudge))
    kept_on_a_bound = 0
    for unit in training_units(doc, lambda index: False):
        scored, whole = judge.judge(unit, read_from=read_from), exact.judge(unit)
        assert scored.is_junk == whole.is_junk
        if scored.is_junk or scored.score >= read_from:
            assert scored == whole
        else:
            assert scored.score >= whole.score
            kept_on_a_bound += scored != whole
    assert kept_on_a_bound > 0 or read_from <= 0.1
