"""Spam families in the languages added for issue #11 (th ko hi pl it nl fa uk, and vi widened): each lexicon file is
well-formed and specific, a spam line of each family is caught (by its rule, and by the rules-only cleaner after a
news paragraph), news about the same topics is left alone, and the junk generator speaks every new language with
anchors only half of which the lexicon lists verbatim."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from spamguard import Cleaner
from spamguard.matcher import default_matcher
from spamguard.normalize import fold, view
from spamguard.rules import lexicon_rules
from training import synth
from training.synth import vocab

LEXICON = Path(__file__).resolve().parents[1] / "spamguard" / "lexicon"
NEW_LANGUAGES = ("th", "ko", "hi", "pl", "it", "nl", "fa", "uk")
REQUIRED = ("adult", "gambling", "pharma", "escort", "counterfeit", "scam")
VI_ADDED = ("escort", "counterfeit", "scam", "essay-mill", "seo-link")
# Words that news about the topics uses on their own: never a phrase alone.
BARE_TOPIC_WORDS = {fold(w) for w in (
    "casino", "casinò", "kasyno", "kasyna", "online casino", "casino online", "kasyno online", "casinò online",
    "카지노", "온라인 카지노", "คาสิโน", "คาสิโนออนไลน์", "कैसीनो", "ऑनलाइन कैसीनो", "کازینو", "کازینو آنلاین", "казино",
    "онлайн казино", "سایت شرط بندی", "سایت شرط‌بندی", "सट्टा मटका", "porno", "porn", "порно", "پورن", "야동", "หนังโป๊",
    "viagra", "віагра", "비아그라", "ไวอากร้า", "वियाग्रा", "ویاگرا", "escort", "lottery", "loterij", "lotto", "hazard",
    "gokken", "scommesse", "replica", "레플리카", "짝퉁", "podróbki", "chwilówki", "flitskrediet", "vay tiền online",
    "gái gọi", "call girl", "कॉल गर्ल", "출장안마", "ไซด์ไลน์", "وام فوری", "دعانویس", "rolex", "diploma kopen",
)}

# News about the families' topics (casinos, porn laws, drug patents, seized fakes), in each language: not spam.
NEWS = {
    "th": "ตำรวจบุกจับบ่อนการพนันออนไลน์ในกรุงเทพฯ ยึดคอมพิวเตอร์ 20 เครื่อง รัฐบาลกำลังพิจารณาร่างกฎหมายคาสิโนถูกกฎหมาย "
          "ส่วนกระทรวงสาธารณสุขเตือนประชาชนอย่าซื้อยาไวอากร้าปลอมทางอินเทอร์เน็ต และศุลกากรยึดกระเป๋าแบรนด์เนมปลอมได้กว่า "
          "3,000 ใบ",
    "ko": "경찰은 불법 온라인 카지노 사이트를 운영한 일당 12명을 검거했다고 밝혔다. 정부는 음란물 유통을 막기 "
          "위한 법 개정안을 발표했다. 비아그라 특허가 만료된 뒤 복제약 가격이 크게 떨어졌다. 세관은 가짜 명품 "
          "가방 3천 점을 압수했다.",
    "hi": "सरकार ने ऑनलाइन कैसीनो और गेमिंग पर 28 प्रतिशत जीएसटी लगाने का फैसला किया। पुलिस ने सट्टा मटका खिलाते हुए तीन "
          "लोगों को गिरफ्तार किया। अदालत ने अश्लील वीडियो फैलाने के मामले में सुनवाई की। सीमा शुल्क विभाग ने नकली घड़ियां जब्त "
          "कीं।",
    "pl": "Ministerstwo Finansów zablokowało kolejne nielegalne kasyno online. Sejm przyjął ustawę o ochronie "
          "dzieci przed dostępem do pornografii. Patent na viagrę wygasł, a ceny leku spadły. Celnicy "
          "przejęli podrobione zegarki o wartości miliona złotych.",
    "it": "L'Agenzia delle dogane ha oscurato decine di siti di casinò online illegali. Il Parlamento discute "
          "la verifica dell'età per i siti porno. Scaduto il brevetto del Viagra, i prezzi del farmaco sono "
          "scesi. La Guardia di Finanza ha sequestrato borse contraffatte per due milioni di euro.",
    "nl": "De Kansspelautoriteit legde een boete op aan een illegaal online casino. Het kabinet wil "
          "leeftijdscontrole voor pornosites verplichten. Na het verlopen van het patent op viagra daalde de "
          "prijs van het middel. De douane nam duizenden namaak horloges in beslag.",
    "fa": "پلیس فتا گرداننده یک سایت شرط بندی را در تهران دستگیر کرد. مجلس طرح مقابله با انتشار محتوای مستهجن "
          "را بررسی می‌کند. پس از پایان حق انحصاری ویاگرا، قیمت این دارو کاهش یافت. گمرک هزاران ساعت تقلبی را "
          "توقیف کرد.",
    "uk": "Кіберполіція заблокувала мережу незаконних онлайн-казино. Верховна Рада розглядає закон про захист "
          "дітей від порнографії. Після завершення патенту на віагру ціни на препарат знизилися. Митниця "
          "вилучила тисячі підроблених годинників.",
    "vi": "Công an triệt phá đường dây đánh bạc qua mạng, thu giữ nhiều máy tính. Quốc hội thảo luận dự luật "
          "phòng chống mại dâm. Sau khi bằng sáng chế hết hạn, giá thuốc viagra giảm mạnh. Quản lý thị trường "
          "thu giữ hàng nghìn chiếc túi xách giả mạo.",
}
# A spam line of each added (language, family): an anchor list or an invitation, with a URL.
SPAM = [
    ("th", "adult", "ดูหนังโป๊ฟรี คลิปโป๊ไทย https://xxxthai.com"),
    ("th", "gambling", "บาคาร่าออนไลน์ สล็อตเว็บตรง ฝากถอนไม่มีขั้นต่ำ https://ufa888.com"),
    ("th", "pharma", "ขายไวอากร้าของแท้ ส่งฟรี https://yathai.shop"),
    ("th", "escort", "ไซด์ไลน์เชียงใหม่ รับงานเอง https://sideline.cm"),
    ("th", "counterfeit", "นาฬิกาก๊อปเกรดพรีเมี่ยม งานมิลเลอร์ https://copyshop.co"),
    ("th", "scam", "เงินด่วนไม่เช็คบูโร อนุมัติไว https://ngernduan.net"),
    ("th", "essay-mill", "รับทำวิทยานิพนธ์ รับทำรายงาน https://thesisthai.com"),
    ("th", "seo-link", "รับทำ seo สายเทา ปั๊มไลค์ ปั๊มฟอล https://seothai.pro"),
    ("ko", "adult", "무료야동 한국야동 일본야동 바로가기 https://yadong.xyz"),
    ("ko", "gambling", "먹튀검증 완료 토토사이트 추천 | 바카라사이트 | 온라인카지노 https://toto365.com"),
    ("ko", "pharma", "비아그라 구매 시알리스 판매 정품 비아그라 당일배송 https://viamall.kr"),
    ("ko", "escort", "강남출장안마 후불제 100% 출장샵 추천 https://chuljang24.com"),
    ("ko", "counterfeit", "명품 레플리카 쇼핑몰 홍콩명품 미러급 레플리카 https://replica-mall.net"),
    ("ko", "scam", "무직자 대출 가능한곳 당일 대출 가능한곳 문의 https://loan-now.kr"),
    ("ko", "essay-mill", "레포트 대행 과제 대행 논문 대행 전문 https://report-help.kr"),
    ("ko", "seo-link", "백링크 구매 구글 상위노출 네이버 상위노출 대행 https://seo-king.kr"),
    ("hi", "adult", "हिंदी सेक्सी वीडियो और देसी चुदाई देखें https://desixxx.in"),
    ("hi", "gambling", "सट्टा मटका रिजल्ट | सट्टा किंग चार्ट | कल्याण मटका https://sattaking.in"),
    ("hi", "pharma", "वियाग्रा ऑनलाइन खरीदें, सेक्स पावर कैप्सूल घर पर डिलीवरी https://powermed.in"),
    ("hi", "escort", "दिल्ली कॉल गर्ल सर्विस | कॉल गर्ल व्हाट्सएप नंबर https://delhigirls.in"),
    ("hi", "counterfeit", "रोलेक्स फर्स्ट कॉपी घड़ी - फर्स्ट कॉपी जूते https://firstcopy.in"),
    ("hi", "scam", "घर बैठे पैसे कमाएं | वशीकरण स्पेशलिस्ट बाबा https://babaji.in"),
    ("hi", "essay-mill", "असाइनमेंट लिखवाएं और पीएचडी थीसिस लिखवाएं, सस्ती दरें https://thesis-help.in"),
    ("hi", "seo-link", "इंस्टाग्राम फॉलोअर्स खरीदें, सस्ते बैकलिंक यहाँ https://smm-india.in"),
    ("pl", "adult", "Darmowe porno, polskie porno i sex kamerki – wejdź na https://pornopl.xyz"),
    ("pl", "gambling", "Najlepsze kasyno online w Polsce – bonus bez depozytu i darmowe spiny za rejestrację na "
                       "https://kasyno24.pl"),
    ("pl", "pharma", "Viagra bez recepty, kamagra sklep – tanie leki bez recepty z dostawą https://apteka-tanio.pl"),
    ("pl", "escort", "Roksa Warszawa – anonse towarzyskie i dziewczyny do towarzystwa https://roksa-waw.pl"),
    ("pl", "counterfeit", "Repliki zegarków sklep, rolex replika i repliki torebek – https://repliki.pl"),
    ("pl", "scam", "Chwilówki bez BIK i pożyczka dla zadłużonych w 15 minut – https://chwilowka.pl"),
    ("pl", "essay-mill", "Pisanie prac magisterskich i licencjackich – prace licencjackie na zamówienie https://prace.pl"),
    ("pl", "seo-link", "Tanie pozycjonowanie, kup linki i kup obserwujących Instagram – https://seo-tanio.pl"),
    ("it", "adult", "Video porno gratis e video porno italiani ogni giorno su https://pornoit.xyz"),
    ("it", "gambling", "I migliori casinò online non AAMS con bonus senza deposito: https://casinononaams.it"),
    ("it", "pharma", "Viagra senza ricetta, cialis generico online: https://farmacia24.it"),
    ("it", "escort", "Escort Milano e incontri erotici reali: annunci escort su https://escortmilano.it"),
    ("it", "counterfeit", "Orologi replica e borse replica di lusso, replica rolex italia: https://replica.it"),
    ("it", "scam", "Prestiti per protestati e prestiti senza busta paga in 24 ore: https://prestiti.it"),
    ("it", "essay-mill", "Tesi di laurea su commissione, scrivere tesi a pagamento: https://tesi.it"),
    ("it", "seo-link", "Comprare backlink e comprare follower Instagram a poco prezzo: https://seo.it"),
    ("nl", "adult", "Gratis porno kijken, nederlandse porno en gratis sexfilms op https://pornonl.xyz"),
    ("nl", "gambling", "Online casino nederland zonder CRUKS – bonus zonder storting op https://casino-nl.com"),
    ("nl", "pharma", "Viagra kopen zonder recept | kamagra kopen https://apotheek24.nl"),
    ("nl", "escort", "Escort Amsterdam en gratis sexdate – dames thuisontvangst op https://escort-nl.com"),
    ("nl", "counterfeit", "Replica horloges, nep rolex kopen en replica tassen bij https://replica.nl"),
    ("nl", "scam", "Geld lenen zonder BKR toetsing – snel geld lenen vandaag nog https://lenen.nl"),
    ("nl", "essay-mill", "Scriptie laten schrijven of essay laten schrijven door experts https://scriptie.nl"),
    ("nl", "seo-link", "Backlinks kopen en instagram volgers kopen voor weinig https://seo.nl"),
    ("fa", "adult", "دانلود فیلم سوپر ایرانی | فیلم سکسی جدید https://film-super.xyz"),
    ("fa", "gambling", "بهترین سایت شرط بندی فوتبال و کازینو آنلاین معتبر با بونوس خوش آمدگویی https://betfa.com"),
    ("fa", "pharma", "خرید ویاگرا اصل | خرید قرص تاخیری https://daroo.shop"),
    ("fa", "escort", "صیغه یابی تهران و شماره خاله تهران در https://sigheh.ir"),
    ("fa", "counterfeit", "ساعت رولکس های کپی و کیف های کپی درجه یک https://copy-shop.ir"),
    ("fa", "scam", "وام فوری بدون ضامن و کسب درآمد اینترنتی بدون سرمایه https://vam.ir"),
    ("fa", "essay-mill", "انجام پایان نامه ارشد | نگارش مقاله ISI https://payannameh.ir"),
    ("fa", "seo-link", "خرید بک لینک قوی و خرید فالوور اینستاگرام ارزان https://seo.ir"),
    ("uk", "adult", "Порно відео онлайн, дивитися порно безкоштовно на https://porno-ua.xyz"),
    ("uk", "gambling", "Онлайн казино Україна: ігрові автомати на гроші та бонус без депозиту https://casino-ua.com"),
    ("uk", "pharma", "Купити віагру без рецепта з доставкою по Україні https://apteka-ua.com"),
    ("uk", "escort", "Повії Києва та індивідуалки Києва – дівчата за викликом https://kyiv-girls.com"),
    ("uk", "counterfeit", "Купити диплом про вищу освіту та купити посвідчення водія https://diplom-ua.com"),
    ("uk", "scam", "Кредит онлайн без відмови на карту – позика без відмови https://kredit-ua.com"),
    ("uk", "essay-mill", "Курсові на замовлення та дипломна робота на замовлення https://kursovi.ua"),
    ("uk", "seo-link", "Прогон сайту, купити посилання і накрутка підписників https://seo-ua.com"),
    ("vi", "escort", "Gái gọi cao cấp Hà Nội, số điện thoại gái gọi giá rẻ tại https://gaigoi.vn"),
    ("vi", "counterfeit", "Đồng hồ super fake, túi xách super fake, hàng rep 1:1 tại https://hangfake.vn"),
    ("vi", "scam", "Vay tiền online uy tín, vay tiền chỉ cần CMND tại https://vaytien.vn"),
    ("vi", "essay-mill", "Dịch vụ viết thuê luận văn thạc sĩ https://luanvan.vn"),
    ("vi", "seo-link", "Dịch vụ backlink chất lượng, tăng like facebook giá rẻ tại https://seo.vn"),
]


def _header_and_phrases(path: Path) -> tuple[dict[str, str], list[str]]:
    header, phrases = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            header[key.strip()] = value.strip()
        elif line.strip():
            phrases.append(line.strip())
    return header, phrases


# The families the first twelve languages lacked a phrase list for (the generator spoke them all)
FILLED = [("counterfeit", lang) for lang in ("fr", "de", "pt", "ar")] + [("escort", lang) for lang in ("zh", "ar")] \
    + [(family, lang) for family in ("essay-mill", "seo-link") for lang in ("fr", "de", "es", "pt", "ar")] \
    + [("scam", lang) for lang in ("fr", "de", "pt", "ar")] + [("seo-link", "ja")]
ADDED_FILES = [(family, lang) for lang in NEW_LANGUAGES for family in synth.SPAM_FAMILIES
               if (LEXICON / f"{family}.{lang}.txt").is_file()] + [(family, "vi") for family in VI_ADDED] + FILLED


def test_every_new_language_has_the_required_families_and_vi_has_all():
    for lang in NEW_LANGUAGES:
        assert all((LEXICON / f"{family}.{lang}.txt").is_file() for family in REQUIRED), lang
    assert all((LEXICON / f"{family}.vi.txt").is_file() for family in synth.SPAM_FAMILIES)
    languages = {lang for rule in lexicon_rules() for lang in rule.languages}
    assert set(NEW_LANGUAGES) | {"vi"} <= languages


@pytest.mark.parametrize("family,lang", ADDED_FILES)
def test_an_added_lexicon_file_is_well_formed_and_specific(family, lang):
    header, phrases = _header_and_phrases(LEXICON / f"{family}.{lang}.txt")
    assert header["id"] == f"{family}.{lang}" and header["category"] == family and header["language"] == lang
    assert header["description"] and "no corpus text copied" in header["source"]
    assert (15 if family in REQUIRED else 7) <= len(phrases) <= 45
    folded = [fold(p) for p in phrases]
    assert len(set(folded)) == len(folded), "a phrase listed twice (after folding)"
    assert not BARE_TOPIC_WORDS & set(folded), "a word news uses on its own is no evidence of spam"


def _hits(text: str) -> list:
    return [h for h in default_matcher().find(text, view(text)) if h.rule.scope == "term"]


@pytest.mark.parametrize("lang,family,line", SPAM, ids=[f"{lang}-{family}" for lang, family, _ in SPAM])
def test_a_spam_line_hits_its_family_rule(lang, family, line):
    found = [h for h in _hits(line) if h.rule.id == f"{family}.{lang}"]
    assert found, [h.rule.id for h in _hits(line)]
    assert all(line[h.start:h.end].strip() for h in found)


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner(use_model=False)


@pytest.mark.parametrize("lang,family,line", SPAM, ids=[f"{lang}-{family}" for lang, family, _ in SPAM])
def test_a_spam_line_after_news_is_removed_and_the_news_kept(cleaner, lang, family, line):
    text = NEWS[lang] + "\n\n" + line
    flags = list(cleaner.check(text).flags)
    assert flags and all(f.start >= len(NEWS[lang]) for f in flags), "the news paragraph is kept"
    assert any(f.start <= len(NEWS[lang]) + 2 and f.end == len(text) for f in flags), "the spam line goes"
    assert cleaner.check(line).verdict == "spam"


@pytest.mark.parametrize("lang", sorted(NEWS))
def test_news_about_casinos_porn_laws_drug_patents_and_fakes_is_not_flagged(cleaner, lang):
    assert not [(h.rule.id, NEWS[lang][h.start:h.end]) for h in _hits(NEWS[lang])]
    assert not list(cleaner.check(NEWS[lang]).flags)


@pytest.mark.parametrize("text,found", [
    # Thai writes words without spaces: a phrase is found inside a run of Thai letters, as Chinese and Japanese are
    ("เว็บไซต์นี้มีบาคาร่าออนไลน์และสล็อตเว็บตรงให้เล่นตลอด24ชั่วโมงสมัครเลย", ["บาคาร่าออนไลน์", "สล็อตเว็บตรง"]),
    ("สมัครวันนี้รับเครดิตฟรีไม่ต้องฝากทันที", ["เครดิตฟรีไม่ต้องฝาก"]),
    ("น้องรับงานเชียงใหม่ไม่ผ่านเอเย่นต์", ["น้องรับงาน"]),
    ("먹튀없는토토사이트를추천합니다", ["토토사이트"]),  # Korean: a particle glued on
    ("بهترین سایت شرط‌بندی معتبر ایران", ["بهترین سایت شرط‌بندی", "سایت شرط‌بندی معتبر"]),  # with a ZWNJ
    ("بهترین سایت شرط بندی معتبر ایران", ["بهترین سایت شرط بندی", "سایت شرط بندی معتبر"]),
    ("Najlepsze KASYNO ONLINE w Polsce", ["Najlepsze KASYNO ONLINE"]),
    ("Migliori casino online 2024", ["Migliori casino online"]),  # the accent is folded away
])
def test_phrases_are_found_in_running_text(text, found):
    assert sorted(text[h.start:h.end] for h in _hits(text)) == sorted(found)


@pytest.mark.parametrize("text", [
    "Roksana Nowak zdobyła złoty medal.",  # "roksa" is a word of its own, not the start of a name
    "Il Parlamento discute il divieto di pubblicità per i casinò online.",
    "ตำรวจจับกุมผู้ต้องหาเปิดบ่อนคาสิโนออนไลน์",
    "불법 온라인 카지노 사이트 운영자가 검거됐다.",
])
def test_words_about_the_topic_alone_are_no_hit(text):
    assert not _hits(text)


def _lexicon_phrases(lang: str) -> set[str]:
    return {p for rule in lexicon_rules() if lang in rule.languages for p in rule.phrases}


def _family_hit(text: str, family: str) -> bool:
    return any(h.rule.category == family for h in _hits(text))


@pytest.mark.parametrize("lang", NEW_LANGUAGES)
def test_the_generator_speaks_the_language_in_every_family(lang):
    rng = random.Random(lang)
    for family in (*synth.SPAM_FAMILIES, "boilerplate"):
        for _ in range(10):
            text, category = synth.junk_line(rng, family, lang)
            assert text.strip() and category == family and text.splitlines() == [text]


@pytest.mark.parametrize("lang", (*NEW_LANGUAGES, "vi"))
def test_about_half_the_generator_anchors_are_wordings_the_lexicon_does_not_list(lang):
    phrases = _lexicon_phrases(lang)
    cities = vocab._CITIES[lang]
    for family in synth.SPAM_FAMILIES:
        anchors = vocab._ANCHORS[family][lang]
        listed = [a for a in anchors if any(fold(a.replace("{city}", c)) in phrases for c in cities)]
        assert 0.3 <= len(listed) / len(anchors) <= 0.7, (family, listed)
        unseen = [a for a in anchors if not _family_hit(a.replace("{city}", cities[-1]), family)]
        assert unseen, f"{family}: every anchor holds a lexicon phrase; none measures generalization"


@pytest.mark.parametrize("family,lang", FILLED)
def test_a_filled_family_leaves_a_quarter_of_the_generator_anchors_unlisted(family, lang):
    """The lists written for the families the first twelve languages lacked name common spam wordings, which the
    generator uses too: at least a quarter of its anchors stay wordings no phrase names, so the held-out figures
    still measure the model on unseen wording in these families."""
    anchors = [a.replace("{city}", vocab._CITIES[lang][-1]) for a in vocab._ANCHORS[family][lang]]
    unseen = [a for a in anchors if not _family_hit(a, family)]
    assert 4 * len(unseen) >= len(anchors), (family, lang, anchors)
