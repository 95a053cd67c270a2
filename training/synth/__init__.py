"""Synthetic junk for training and measuring: SEO spam, hidden-link anchors, site boilerplate, leaked markup.

Standard library only; every function takes a `random.Random` and is deterministic given its state.

    junk_line(rng, family=None, language=None) -> (text, category)   one junk line, never a line break
    inject(article, rng, ...) -> (text, spans, info)                  junk spliced onto a real article
    legit_ending(rng, language=None) -> str                           a byline / credit / source list / ... (not junk)
    add_ending(article, rng, language=None) -> str                    article + "\n" or "\n\n" + legit_ending

`inject` leaves every character of the article untouched: removing `spans` from `text` gives the
article back byte for byte. For trailer modes the separator ("\\n\\n", "\\n", " ") belongs to the span.
"""
from __future__ import annotations

import random
import string
from collections.abc import Sequence

LANGUAGES: tuple[str, ...] = ("en", "tr", "id", "ru", "zh", "ja", "ar", "es", "pt", "de", "fr", "vi")
SPAM_FAMILIES: tuple[str, ...] = (
    "adult", "escort", "gambling", "pharma", "counterfeit", "scam", "essay-mill", "seo-link",
)
FAMILIES: tuple[str, ...] = SPAM_FAMILIES + ("boilerplate", "markup")
# Families that really occur between paragraphs (ad slots, share bars, leaked scripts), not only at the end.
MIDDLE_FAMILIES: tuple[str, ...] = ("boilerplate", "markup")
MODES: tuple[str, ...] = ("blank-line", "newline", "glued", "glued-space", "multi-line", "middle", "prefix")
_MODE_WEIGHTS: dict[str, int] = {
    "blank-line": 26, "newline": 20, "glued": 16, "glued-space": 10, "multi-line": 18, "middle": 8, "prefix": 2,
}
ZERO_WIDTH: tuple[str, ...] = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
HOMOGLYPHS: dict[str, str] = {
    "a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445",
    "A": "\u0410", "E": "\u0415", "O": "\u041e", "P": "\u0420", "C": "\u0421", "X": "\u0425",
}
LEET: dict[str, str] = {"o": "0", "i": "1", "e": "3", "a": "4", "s": "5"}
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

# --- vocabulary: anchor texts per family and language ("{city}" is filled from _CITIES) -------------------
_ANCHORS: dict[str, dict[str, tuple[str, ...]]] = {
    "adult": {
        "en": ("free porn videos", "hot sex cams", "xxx movies", "watch porn online", "live sex chat",
               "amateur porn", "hd porn", "milf porn", "nude webcam girls", "free xxx"),
        "tr": ("porno izle", "Pornotürk porno", "türk porno", "sikiş izle", "hd porno", "porno seyret",
               "sex izle", "türk ifşa", "porno film izle", "Porno"),
        "id": ("bokep indo", "video bokep terbaru", "nonton bokep", "bokep jepang", "cerita sex", "video mesum"),
        "ru": ("порно видео", "смотреть порно онлайн", "русское порно", "секс знакомства", "порно бесплатно",
               "домашнее порно"),
        "zh": ("成人视频", "免费色情电影", "在线AV", "激情视频", "成人网站", "av在线观看"),
        "ja": ("無料エロ動画", "アダルト動画", "エロ動画 無料", "AV女優", "無修正動画", "出会い系"),
        "ar": ("سكس عربي", "افلام سكس", "سكس مترجم", "سكس مصري", "افلام نيك"),
        "es": ("porno gratis", "videos porno", "sexo en vivo", "xxx gratis", "porno en español"),
        "pt": ("porno grátis", "vídeos pornô", "sexo ao vivo", "porno brasileiro", "xvideos brasil"),
        "de": ("kostenlose pornos", "gratis sexfilme", "deutsche pornos", "sex cams live", "porno kostenlos"),
        "fr": ("porno gratuit", "vidéos x gratuites", "sexe en direct", "film porno français", "x gratuit"),
        "vi": ("phim sex", "phim heo", "xem phim sex", "phim sex việt nam", "sex hay nhất"),
    },
    "escort": {
        "en": ("{city} escorts", "cheap escorts in {city}", "vip escort girls", "call girls {city}",
               "independent escort service", "{city} escort agency"),
        "tr": ("escort bayan", "{city} escort", "{city} escort bayan", "vip escort", "eve gelen escort",
               "ucuz escort", "{city} rus escort"),
        "id": ("cewek panggilan {city}", "open BO {city}", "jasa escort {city}", "pijat plus {city}"),
        "ru": ("проститутки {city}", "индивидуалки {city}", "эскорт услуги", "снять девушку {city}"),
        "zh": ("{city}外围", "{city}上门服务", "包夜服务", "高端外围模特"),
        "ja": ("デリヘル {city}", "{city} 風俗", "出張マッサージ {city}"),
        "ar": ("بنات ليل {city}", "مساج {city}", "ارقام بنات {city}"),
        "es": ("escorts en {city}", "putas {city}", "acompañantes {city}", "scorts vip"),
        "pt": ("acompanhantes {city}", "garotas de programa {city}", "acompanhantes de luxo"),
        "de": ("escort {city}", "huren {city}", "escortservice {city}", "sexkontakte {city}"),
        "fr": ("escort {city}", "escort girl {city}", "rencontre coquine {city}"),
        "vi": ("gái gọi {city}", "gái gọi cao cấp", "dịch vụ gái gọi {city}"),
    },
    "gambling": {
        "en": ("online casino", "best online casino bonus", "free spins no deposit", "sports betting tips",
               "real money slots", "bet online now", "poker online", "casino no deposit bonus"),
        "tr": ("bahis siteleri", "canlı bahis", "kaçak bahis", "deneme bonusu veren siteler", "casino siteleri",
               "güvenilir bahis siteleri", "betist giriş", "bahis giriş", "canlı casino"),
        "id": ("slot gacor hari ini", "situs judi bola", "situs slot online", "judi online terpercaya", "slot88",
               "togel online", "link slot gacor", "agen judi bola", "rtp slot live", "situs slot gacor"),
        "ru": ("онлайн казино", "казино вулкан", "ставки на спорт", "игровые автоматы", "бонус за регистрацию",
               "1xbet зеркало"),
        "zh": ("网上赌场", "百家乐", "体育博彩", "澳门赌场", "真人娱乐", "彩票平台"),
        "ja": ("オンラインカジノ", "カジノ 入金不要ボーナス", "スポーツベッティング", "パチンコ 攻略"),
        "ar": ("كازينو اون لاين", "مراهنات رياضية", "روليت اون لاين", "العاب قمار"),
        "es": ("casino online", "apuestas deportivas", "tragamonedas gratis", "bono sin depósito"),
        "pt": ("cassino online", "apostas esportivas", "caça-níqueis", "bônus sem depósito", "jogo do bicho"),
        "de": ("online casino", "sportwetten", "spielautomaten", "casino bonus ohne einzahlung"),
        "fr": ("casino en ligne", "paris sportifs", "machines à sous gratuites", "bonus sans dépôt"),
        "vi": ("nhà cái uy tín", "cá độ bóng đá", "casino trực tuyến", "game bài đổi thưởng", "lô đề online"),
    },
    "pharma": {
        "en": ("buy cialis online cheap", "viagra without prescription", "generic viagra", "cheap levitra",
               "buy tramadol overnight", "order xanax online", "phentermine no rx", "cialis 20mg price",
               "canadian pharmacy online"),
        "tr": ("viagra fiyat", "cialis eczane", "sildenafil satın al", "geciktirici sprey", "kilo verme hapı"),
        "id": ("obat kuat pria", "jual viagra asli", "obat pembesar penis", "cialis asli", "obat pelangsing"),
        "ru": ("купить виагру", "сиалис без рецепта", "дженерик виагра", "таблетки для похудения",
               "купить трамадол"),
        "zh": ("伟哥购买", "壮阳药", "代购处方药", "减肥药 正品", "春药"),
        "ja": ("バイアグラ 通販", "シアリス 個人輸入", "ED治療薬 通販", "精力剤"),
        "ar": ("فياجرا للبيع", "سياليس اصلي", "حبوب تكبير", "حبوب التخسيس"),
        "es": ("comprar viagra", "cialis sin receta", "viagra genérico", "pastillas para adelgazar"),
        "pt": ("comprar viagra", "cialis preço", "viagra sem receita", "remédio para emagrecer"),
        "de": ("viagra kaufen", "cialis rezeptfrei", "potenzmittel online", "generika kaufen"),
        "fr": ("acheter viagra", "cialis sans ordonnance", "viagra générique", "pilule minceur"),
        "vi": ("thuốc cường dương", "mua viagra", "thuốc tăng cường sinh lý", "thuốc giảm cân"),
    },
    "counterfeit": {
        "en": ("replica watches", "rolex replica", "cheap louis vuitton handbags", "fake oakley sunglasses",
               "cheap nike shoes", "ugg boots outlet", "michael kors outlet online", "cheap jerseys from china"),
        "tr": ("replika saat", "rolex replika", "çakma çanta", "replika ayakkabı"),
        "id": ("jam tangan replika", "tas kw super", "sepatu kw", "tas branded kw"),
        "ru": ("реплики часов", "копии брендовых сумок", "реплика rolex"),
        "zh": ("高仿手表", "高仿包包", "A货", "复刻表"),
        "ja": ("スーパーコピー 時計", "ブランドコピー", "ロレックス コピー", "ヴィトン コピー 財布"),
        "ar": ("ساعات تقليد", "شنط ماركات تقليد"),
        "es": ("relojes replica", "bolsos imitacion", "replicas de marca"),
        "pt": ("relógios réplica", "bolsas réplica", "tênis réplica"),
        "de": ("replica uhren", "rolex replica kaufen", "gefälschte taschen"),
        "fr": ("montre replique", "sac louis vuitton pas cher", "répliques de luxe"),
        "vi": ("đồng hồ fake", "túi xách replica", "hàng super fake"),
    },
    "scam": {
        "en": ("payday loans no credit check", "instant payday loans", "fast cash loans online", "bitcoin doubler",
               "earn $500 a day from home", "crypto trading bot", "guaranteed loan approval",
               "work from home jobs", "bad credit loans"),
        "tr": ("kredi notu düşük olanlara kredi", "bitcoin yatırım", "evden para kazanma", "hızlı kredi"),
        "id": ("pinjaman online cepat cair", "pinjol tanpa bi checking", "investasi bitcoin", "dana tunai cepat"),
        "ru": ("займ без отказа", "быстрые займы онлайн", "заработок в интернете",
               "инвестиции в криптовалюту", "кредит без справок"),
        "zh": ("网络贷款 秒批", "比特币投资", "刷单兼职", "日赚500元"),
        "ja": ("即日融資", "ブラックでも借りれる", "仮想通貨 投資", "副業 在宅 高収入"),
        "ar": ("قروض سريعة", "استثمار بيتكوين", "ربح المال من الانترنت"),
        "es": ("préstamos rápidos sin aval", "créditos online", "ganar dinero desde casa", "invertir en bitcoin"),
        "pt": ("empréstimo rápido", "empréstimo para negativado", "ganhar dinheiro em casa",
               "investimento bitcoin"),
        "de": ("kredit ohne schufa", "schnell geld verdienen", "bitcoin investieren"),
        "fr": ("prêt rapide sans justificatif", "crédit sans fichage", "gagner de l'argent en ligne",
               "investir bitcoin"),
        "vi": ("vay tiền nhanh", "vay tiền online", "đầu tư bitcoin", "kiếm tiền online"),
    },
    "essay-mill": {
        "en": ("write my essay", "essay writing service", "buy research papers", "cheap custom essays",
               "do my homework", "pay someone to write my paper", "dissertation writing help"),
        "tr": ("ödev yaptırma", "tez yazdırma", "ücretli ödev yaptırma"),
        "id": ("jasa pembuatan skripsi", "joki tugas", "jasa joki skripsi"),
        "ru": ("купить диплом", "дипломные работы на заказ", "курсовые на заказ"),
        "zh": ("代写论文", "论文代写", "留学生作业代写"),
        "ja": ("レポート代行", "卒論 代行"),
        "ar": ("كتابة ابحاث", "حل واجبات جامعية"),
        "es": ("comprar ensayos", "hacer mi tarea", "redacción de tesis"),
        "pt": ("comprar tcc", "monografia pronta", "fazer meu trabalho"),
        "de": ("ghostwriter bachelorarbeit", "hausarbeit schreiben lassen"),
        "fr": ("rédaction de mémoire", "faire mes devoirs payant"),
        "vi": ("viết thuê luận văn", "dịch vụ viết luận văn"),
    },
    "seo-link": {
        "en": ("hacklink", "hacklink satış", "buy backlinks", "cheap dofollow backlinks", "wso shell", "c99 shell",
               "php shell", "IndoXploit shell", "web shell download", "seo backlink service", "pbn links",
               "buy high DA backlinks"),
        "tr": ("hacklink satın al", "hacklink panel", "backlink satışı", "istanbul evden eve nakliyat",
               "google seo hizmeti", "instagram takipçi satın al", "hacklink"),
        "id": ("jasa backlink murah", "jasa seo", "beli backlink pbn", "shell backdoor"),
        "ru": ("купить ссылки", "продвижение сайтов", "вечные ссылки", "прогон по базам"),
        "zh": ("SEO外链", "蜘蛛池", "黑帽SEO", "快速排名"),
        "ja": ("被リンク 購入", "SEO対策 格安", "相互リンク"),
        "ar": ("شراء باك لينك", "تحسين محركات البحث"),
        "es": ("comprar backlinks", "posicionamiento web barato"),
        "pt": ("comprar backlinks", "comprar seguidores instagram"),
        "de": ("backlinks kaufen", "seo agentur günstig"),
        "fr": ("acheter des backlinks", "référencement pas cher"),
        "vi": ("dịch vụ backlink", "mua backlink", "dịch vụ seo"),
    },
}

_CITIES: dict[str, tuple[str, ...]] = {
    "en": ("London", "Dubai", "Las Vegas", "New York", "Manchester"), "tr": ("İstanbul", "Ankara", "İzmir", "Antalya"),
    "id": ("Jakarta", "Bali", "Surabaya", "Bandung"), "ru": ("Москвы", "Питера", "Казани"),
    "zh": ("北京", "上海", "深圳"), "ja": ("新宿", "渋谷", "大阪"), "ar": ("دبي", "الرياض", "القاهرة"),
    "es": ("Madrid", "Barcelona", "Lima"), "pt": ("São Paulo", "Rio", "Lisboa"), "de": ("Berlin", "Hamburg", "München"),
    "fr": ("Paris", "Lyon", "Marseille"), "vi": ("Hà Nội", "Sài Gòn", "Đà Nẵng"),
}

# Sentence wrappers per language: "{a}" = anchor, "{A}" = anchor capitalized, "{url}", "{site}", "{price}", "{phone}".
_WRAPPERS: dict[str, tuple[str, ...]] = {
    "en": ("{A} at {site}", "Visit {url} for {a}", "Best {a} - {site}", "Click here for {a}", "{A}: only {price}",
           "Cheap {a} {price} {url}", "Looking for {a}? Check {url}", "{A} 24/7, call {phone}",
           "Get {a} today at {site}"),
    "tr": ("{a} için tıklayın {url}", "En iyi {a} {site}", "{A} - {site}", "{A} sitesi {url}",
           "{A} için hemen ara {phone}", "Türkiye'nin en iyi {a} adresi {site}"),
    "id": ("Daftar {a} di {site}", "{A} terpercaya", "Situs {a} terbaik {url}", "{A} hubungi WA {phone}",
           "{A} gampang menang di {site}"),
    "ru": ("{A} на сайте {site}", "Лучшие {a} здесь: {url}", "Заходи на {url} — {a}", "{A} недорого {price}"),
    "zh": ("{a}，请访问{url}", "最新{a}尽在{site}", "点击进入{a}", "{a} 联系微信{phone}"),
    "ja": ("{a}なら{site}", "{a}はこちら {url}", "【公式】{a}", "{a} 最安値{price}"),
    "ar": ("{a} على موقع {site}", "افضل {a} {url}", "اضغط هنا {a}", "{a} واتساب {phone}"),
    "es": ("{A} en {site}", "Los mejores {a} aquí {url}", "Haz clic para {a}", "{A} desde {price}"),
    "pt": ("{A} no {site}", "Melhores {a} aqui {url}", "Clique aqui: {a}", "{A} a partir de {price}"),
    "de": ("{A} bei {site}", "Die besten {a} hier {url}", "Jetzt {a} ab {price}", "{A} - {site}"),
    "fr": ("{A} sur {site}", "Les meilleurs {a} ici {url}", "Cliquez ici : {a}", "{A} à partir de {price}"),
    "vi": ("{A} tại {site}", "Xem {a} tại {url}", "{A} uy tín nhất", "{A} liên hệ {phone}"),
}
_CURRENCY: dict[str, tuple[str, ...]] = {
    "en": ("${n}", "${n}.99", "US${n}"), "tr": ("{n} TL", "{n}₺"), "id": ("Rp {n}.000",),
    "ru": ("{n} руб.", "от {n} ₽"), "zh": ("¥{n}", "{n}元"), "ja": ("{n}円", "¥{n},000"), "ar": ("{n} درهم", "${n}"),
    "es": ("{n} €", "${n}"), "pt": ("R$ {n}", "{n} €"), "de": ("{n} €", "{n},99 €"), "fr": ("{n} €", "{n},99 €"),
    "vi": ("{n}.000đ", "{n}k"),
}
_TLDS: tuple[str, ...] = (".com", ".net", ".xyz", ".org", ".info", ".biz", ".co", ".top", ".online", ".site",
                          ".club", ".ru", ".tk", ".com.tr", ".id", ".in")
_SITE_STEMS: tuple[str, ...] = ("xxx", "best", "top", "vip", "hot", "online", "pro", "mega", "super", "king",
                                "win", "bet", "seo", "link", "shop", "cheap", "gold", "24", "365", "88")

# --- boilerplate per language ------------------------------------------------------------------------------
_SHARE_BUTTONS: tuple[str, ...] = ("Twitter", "Facebook", "LinkedIn", "Reddit", "Google+", "Email", "Print",
                                   "WhatsApp", "Pinterest", "Tumblr", "Pocket", "Telegram", "Skype", "More")
_HEADLINE_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("Ebola patient", "Senate vote", "Stocks", "Police chief", "New study", "Trump", "Apple",
            "The mayor", "Wildfire", "Oil prices"),
           (" released from hospital", " delayed again", " fall sharply as markets react", " resigns after probe",
            " links sleep to memory", " slams critics", " unveils new iPhone", ": what we know so far",
            " forces thousands to flee", " hit three-year high")),
    "tr": (("Merkez Bankası", "Belediye", "Milli takım", "Yeni araştırma", "Borsa"),
           (" faiz kararını açıkladı", " yeni projeyi tanıttı", " finale yükseldi", " şaşırttı", " güne yükselişle başladı")),
    "id": (("Presiden", "Harga BBM", "Timnas", "Polisi", "Gempa"),
           (" resmikan jalan tol baru", " naik lagi", " lolos ke final", " tangkap pelaku", " guncang Lombok")),
    "ru": (("Правительство", "Курс рубля", "Сборная России", "Учёные", "Мэрия"),
           (" одобрило новый закон", " упал до минимума", " вышла в финал", " нашли новое лекарство", " закрыла дороги")),
    "zh": (("国务院", "股市", "国足", "研究人员", "台风"), ("发布新规定", "大幅下跌", "晋级决赛", "发现新药", "登陆广东")),
    "ja": (("政府", "日経平均", "代表チーム", "研究チーム", "台風"), ("が新方針を発表", "が大幅反落", "が決勝進出", "が新薬を開発", "が上陸")),
    "ar": (("الحكومة", "أسعار النفط", "المنتخب", "دراسة جديدة"), (" تعلن خطة جديدة", " ترتفع", " يتأهل للنهائي", " تكشف")),
    "es": (("El Gobierno", "La bolsa", "La selección", "Un estudio"),
           (" aprueba la reforma", " cae un 3%", " pasa a la final", " revela datos")),
    "pt": (("O governo", "A bolsa", "A seleção", "Um estudo"),
           (" aprova reforma", " cai 3%", " vai à final", " revela dados")),
    "de": (("Die Regierung", "Der DAX", "Die Nationalelf", "Eine Studie"),
           (" beschließt Reform", " fällt deutlich", " steht im Finale", " zeigt neue Daten")),
    "fr": (("Le gouvernement", "La Bourse", "Les Bleus", "Une étude"),
           (" adopte la réforme", " recule de 3 %", " en finale", " révèle de nouveaux chiffres")),
    "vi": (("Chính phủ", "Giá vàng", "Tuyển Việt Nam", "Nghiên cứu mới"),
           (" thông qua luật mới", " tăng mạnh", " vào chung kết", " tiết lộ")),
}
# "{h}" = glued headline list, "{h1}" = one headline, "{x}" = handle, "{site}", "{url}", "{title}", "{tags}".
_BOILERPLATE: dict[str, tuple[str, ...]] = {
    "en": ("{share}", "Share this:", "Like this:", "Like Loading...", "The post {title} appeared first on {site}.",
           "Please adhere to our commenting policy to avoid being banned. As a privately owned web site, we "
           "reserve the right to remove any comment and ban any user at any time.",
           "Subscribe to our newsletter", "Sign up for our newsletter to get the latest news delivered to your inbox.",
           "{cont}", "Advertisement", "ADVERTISEMENT", "Related: {h}", "Related{h}", "Related Posts:",
           "More from {site}:", "Follow us on Twitter @{x}", "Follow {x} on Twitter @{x}", "Like us on Facebook.",
           "Filed under: {tags}", "Read more", "Continue reading →", "- See more at: {url}", "Comments",
           "CommentsEmailPrint", "Tags: {tags}", "Posted in {tags} | Leave a comment", "You may also like:",
           "Recommended for you", "Sponsored Content", "Have a correction? Let us know.", "Don't miss: {h1}",
           "Trending now: {h}", ">> Follow {x} on Twitter", "Keep in touch! Check out {site} on Facebook.",
           "We use cookies to improve your experience. Accept", "Click here to subscribe to our YouTube channel",
           "Share on FacebookShare on TwitterShare via Email"),
    "tr": ("Paylaş", "Bu haberi paylaşın:", "Yorum yap", "Haberin devamı için tıklayın", "Bültenimize abone olun",
           "İlgili Haberler: {h}", "Bizi Twitter'da takip edin @{x}", "Reklam", "FacebookTwitterWhatsApp",
           "Haberin Devamı", "Etiketler: {tags}"),
    "id": ("Bagikan:", "Baca juga: {h1}", "Baca Juga{h}", "Simak berita lainnya di {site}", "Ikuti kami di Twitter @{x}",
           "Iklan", "Berlangganan newsletter kami", "Scroll untuk melanjutkan membaca", "Tags: {tags}"),
    "ru": ("Поделиться:", "Читайте также: {h1}", "Подписывайтесь на наш канал в Telegram", "Реклама", "Комментарии",
           "Нашли ошибку? Выделите её и нажмите Ctrl+Enter", "ВКонтактеОдноклассникиTelegram", "Новости по теме:{h}"),
    "zh": ("分享到：微信微博QQ空间", "相关阅读：{h}", "关注我们的微信公众号", "广告", "点击查看更多", "扫一扫分享本页",
           "返回搜狐，查看更多"),
    "ja": ("シェアする", "ツイート", "関連記事：{h1}", "続きを読む", "広告", "この記事をシェア", "フォローする",
           "ツイートシェアはてブLINE"),
    "ar": ("شارك:", "اقرأ أيضا: {h1}", "تابعونا على تويتر @{x}", "إعلان", "اشترك في النشرة البريدية", "شارك الخبر"),
    "es": ("Compartir:", "Lee también: {h1}", "Síguenos en Twitter @{x}", "Publicidad", "Suscríbete a nuestro boletín",
           "Continuar leyendo", "Noticias relacionadas{h}", "Comentarios"),
    "pt": ("Compartilhe:", "Leia também: {h1}", "Siga-nos no Twitter @{x}", "Publicidade", "Assine nossa newsletter",
           "Continue lendo", "Veja também{h}", "Comentários"),
    "de": ("Teilen:", "Lesen Sie auch: {h1}", "Folgen Sie uns auf Twitter @{x}", "Anzeige", "Newsletter abonnieren",
           "Weiterlesen", "Mehr zum Thema{h}", "Kommentare"),
    "fr": ("Partager :", "Lire aussi : {h1}", "Suivez-nous sur Twitter @{x}", "Publicité",
           "Abonnez-vous à notre newsletter", "Lire la suite", "Sur le même sujet{h}", "Commentaires"),
    "vi": ("Chia sẻ:", "Xem thêm: {h1}", "Theo dõi chúng tôi trên Facebook", "Quảng cáo", "Đăng ký nhận bản tin",
           "Tin liên quan{h}", "Bình luận"),
}
_PREFIXES: tuple[str, ...] = ("Continued below... ", "Continued below...", "Advertisement ", "ADVERTISEMENT",
                              "Story continues below ", "Continue reading the main story ", "Read more: ")
_TAGS: tuple[str, ...] = ("Politics", "World", "Health", "Business", "News", "Featured", "Uncategorized", "Tech",
                          "Opinion", "Sports")
_HANDLES: tuple[str, ...] = ("nytimes", "FoxNews", "DailyCaller", "sitenews", "breakingnews", "JohnDoe", "the_daily")
_SITES: tuple[str, ...] = ("Before It's News", "Canada Free Press", "Daily Wire", "The Gateway Pundit",
                           "Conservative Tribune", "Newsmax", "The Sun Times", "Local News Now")

# --- leaked markup and JavaScript (language-independent) ---------------------------------------------------
_MARKUP: tuple[str, ...] = (
    "window.fbAsyncInit = function() {{ FB.init({{ appId: '{n}', xfbml: true, version: 'v2.{d}' }}); }};",
    "(function(d, s, id) {{ var js, fjs = d.getElementsByTagName(s)[0]; if (d.getElementById(id)) return; "
    "js = d.createElement(s); js.id = id; js.src = \"//connect.facebook.net/en_US/sdk.js#xfbml=1&version=v2.{d}\"; "
    "fjs.parentNode.insertBefore(js, fjs); }}(document, 'script', 'facebook-jssdk'));",
    "googletag.cmd.push(function() {{ googletag.display('div-gpt-ad-{n}-0'); }});",
    "BF_STATIC.timequeue.push(function () {{ BF_STATIC.bfa('track', 'buzz', {{ id: {n} }}); }});",
    "var _gaq = _gaq || []; _gaq.push(['_setAccount', 'UA-{n}-1']); _gaq.push(['_trackPageview']);",
    "OO.ready(function() {{ OO.Player.create('ooyalaplayer', '{hsh}', {{ autoplay: false }}); }});",
    "(adsbygoogle = window.adsbygoogle || []).push({{}});",
    "document.write('<scr'+'ipt src=\"http://ads.{s}.com/js/{n}.js\"></scr'+'ipt>');",
    "jQuery(document).ready(function($) {{ $('.share-{d}').show(); }});",
    "<div class=\"share-buttons\"><a href=\"#\">Share</a></div>",
    "<script type=\"text/javascript\">var adslot_{d} = '{hsh}';</script>",
    "<iframe src=\"https://www.facebook.com/plugins/like.php?href={u}\" width=\"450\" height=\"35\"></iframe>",
    "<p style=\"overflow: auto; position: fixed; height: 0pt; width: 0pt\">",
    "<div style=\"display:none\"><a href=\"http://{s}.com/\">{s}</a></div>",
    "<!-- /wp:paragraph --><!-- wp:paragraph -->", "</div></div></div>", "<img src=\"{u}/{n}.jpg\" alt=\"\" />",
    "&nbsp;&nbsp;&nbsp;", "[caption id=\"attachment_{n}\" align=\"alignnone\" width=\"{d}00\"]",
    "ad_args = {{ 'site': '{s}', 'zone': 'article', 'pos': {d} }};",
    "if (typeof window.__tcfapi === 'function') {{ window.__tcfapi('ping', 2, function() {{}}); }}",
)


def supported() -> tuple[tuple[str, str], ...]:
    """Every (family, language) pair `junk_line` produces text for."""
    pairs = [(f, lang) for f in SPAM_FAMILIES for lang in LANGUAGES if lang in _ANCHORS[f]]
    pairs += [("boilerplate", lang) for lang in LANGUAGES if lang in _BOILERPLATE]
    pairs += [("markup", lang) for lang in LANGUAGES]
    return tuple(pairs)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _ascii_slug(s: str) -> str:
    return "".join(ch for ch in s.lower() if ch in string.ascii_lowercase + string.digits)


def _site(rng: random.Random, anchor: str = "") -> str:
    stem = _ascii_slug(anchor)[:18] if rng.random() < 0.6 else ""
    if len(stem) < 3:
        stem = rng.choice(_SITE_STEMS) + rng.choice(_SITE_STEMS) + rng.choice(("", str(rng.randint(1, 99))))
    return ("www." if rng.random() < 0.3 else "") + stem + rng.choice(_TLDS)


def _url(rng: random.Random, anchor: str = "") -> str:
    path = rng.choice(("", "/", "/?ref=" + str(rng.randint(1, 999)), "/video/", "/giris", "/index.php"))
    return rng.choice(("http://", "https://", "")) + _site(rng, anchor) + path


def _headline(rng: random.Random, language: str) -> str:
    subjects, rests = _HEADLINE_PARTS.get(language, _HEADLINE_PARTS["en"])
    return rng.choice(subjects) + rng.choice(rests)


def _fill(rng: random.Random, template: str, language: str, anchor: str = "",
          extra: dict | None = None) -> str:
    """Fill the {slots} of a template; only slots that occur are drawn. `extra` adds or overrides slots."""
    values = {
        "a": lambda: anchor, "A": lambda: _cap(anchor), "site": lambda: _site(rng, anchor),
        "url": lambda: _url(rng, anchor), "phone": lambda: rng.choice(("+90 5", "0812-", "+7 9", "+1 (800) ", "08"))
        + "".join(rng.choice(string.digits) for _ in range(8)),
        "price": lambda: rng.choice(_CURRENCY[language]).format(n=rng.randint(2, 499)),
        "share": lambda: "".join(rng.sample(_SHARE_BUTTONS, rng.randint(3, 8))),
        "cont": lambda: "Continue reading the main story" * rng.randint(1, 3),
        "h": lambda: "".join(_headline(rng, language) for _ in range(rng.randint(2, 4))),
        "h1": lambda: _headline(rng, language), "x": lambda: rng.choice(_HANDLES),
        "title": lambda: _headline(rng, language), "tags": lambda: ", ".join(rng.sample(_TAGS, rng.randint(1, 3))),
        "n": lambda: str(rng.randint(10000, 99999999)), "d": lambda: str(rng.randint(1, 9)),
        "s": lambda: rng.choice(_SITE_STEMS) + rng.choice(_SITE_STEMS), "u": lambda: _url(rng),
        "hsh": lambda: "".join(rng.choice("0123456789abcdef") for _ in range(32)),
    }
    values.update(extra or {})
    out = []
    for literal, field, _spec, _conv in string.Formatter().parse(template):
        out.append(literal)
        if field is not None:
            out.append(values[field]())
    return "".join(out)


def obfuscate(text: str, rng: random.Random, kind: str | None = None) -> str:
    """Disguise text the way spammers do: leet, zero-width, homoglyph, spaced or mixed case. Never adds a line break."""
    kind = kind or rng.choice(("leet", "zero-width", "homoglyph", "spaced", "mixed-case"))
    if kind == "leet":
        return "".join(LEET[c] if c in LEET and rng.random() < 0.6 else c for c in text)
    if kind == "zero-width":
        out = [text[:1]]
        for prev, ch in zip(text, text[1:]):
            if prev.isalnum() and ch.isalnum() and rng.random() < 0.35:
                out.append(rng.choice(ZERO_WIDTH))
            out.append(ch)
        return "".join(out)
    if kind == "homoglyph":
        return "".join(HOMOGLYPHS[c] if c in HOMOGLYPHS and rng.random() < 0.6 else c for c in text)
    if kind == "spaced":
        words = text.split(" ")
        idx = [i for i, w in enumerate(words) if len(w) >= 3 and w.isalpha()]
        if not idx:
            return text
        for i in rng.sample(idx, rng.randint(1, len(idx))):
            words[i] = " ".join(words[i])
        return " ".join(words)
    if kind == "mixed-case":
        return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in text)
    raise ValueError(f"unknown obfuscation {kind!r}")


def _anchor(rng: random.Random, family: str, language: str) -> str:
    return rng.choice(_ANCHORS[family][language]).replace("{city}", rng.choice(_CITIES[language]))


def anchor_list(rng: random.Random, family: str, language: str, sep: str | None = None) -> str:
    """Several hidden-link anchors in a row, as an extractor joins adjacent <a> texts.

    sep None = drawn from "" (glued: "porno izlePornotürk porno"), " ", " | ", ", ", " - ".
    """
    sep = rng.choice(("", "", " ", " | ", ", ", " - ")) if sep is None else sep
    pool = _ANCHORS[family][language]
    picks = rng.sample(pool, min(len(pool), rng.randint(2, 6)))
    anchors = [a.replace("{city}", rng.choice(_CITIES[language])) for a in picks]
    if sep == "":
        anchors = [anchors[0]] + [_cap(a) if rng.random() < 0.6 else a for a in anchors[1:]]
    return sep.join(anchors)


def _check(family: str | None, language: str | None, rng: random.Random) -> tuple[str, str]:
    if family is None:
        family = rng.choice(FAMILIES)
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}; expected one of {', '.join(FAMILIES)}")
    langs = [lang for f, lang in supported() if f == family]
    if language is None:
        language = pick_language(rng, langs)
    if language not in langs:
        raise ValueError(f"family {family!r} has no vocabulary for language {language!r}; have {', '.join(langs)}")
    return family, language


def junk_line(rng: random.Random, family: str | None = None, language: str | None = None) -> tuple[str, str]:
    """One line of junk (no line break inside) and its category (= its family)."""
    family, language = _check(family, language, rng)
    if family == "markup":
        text = _fill(rng, rng.choice(_MARKUP), language)
    elif family == "boilerplate":
        text = _fill(rng, rng.choice(_BOILERPLATE[language]), language)
    else:
        style = rng.random()
        if style < 0.25:
            text = anchor_list(rng, family, language)
        else:
            anchor = _anchor(rng, family, language)
            if rng.random() < 0.25:
                anchor = obfuscate(anchor, rng)
            if style < 0.45:
                text = anchor if rng.random() < 0.6 else anchor + " " + _url(rng, anchor)
            else:
                text = _fill(rng, rng.choice(_WRAPPERS[language]), language, anchor)
        text = text + rng.choice(("", "", "", ".", "!", "!!!", " >>", "…"))
        if rng.random() < 0.08:
            text = text.upper()
    return text, family


def _newline(article: str) -> str:
    """The article's own line break style, for the junk we add."""
    if "\r\n" in article:
        return "\r\n"
    if "\r" in article and "\n" not in article:
        return "\r"
    return "\n"


def line_offsets(text: str) -> list[tuple[int, int, int]]:
    """(start, content_end, end) per line, so that text[start:content_end] == text.splitlines()[i].

    `end` includes the line break. Walks splitlines(keepends=True), so the breaks are exactly str.splitlines'
    (\\r\\n, \\n, \\r, \\v, \\f, \\x1c-\\x1e, \\x85, \\u2028, \\u2029).
    """
    out, pos = [], 0
    for chunk in text.splitlines(keepends=True):
        brk = 2 if chunk.endswith("\r\n") else (1 if chunk[-1:] in _LINE_BREAKS else 0)
        out.append((pos, pos + len(chunk) - brk, pos + len(chunk)))
        pos += len(chunk)
    return out


def _pick_mode(rng: random.Random, family: str) -> str:
    modes = [m for m in MODES if (m != "middle" or family in MIDDLE_FAMILIES) and (m != "prefix" or family == "boilerplate")]
    return rng.choices(modes, weights=[_MODE_WEIGHTS[m] for m in modes])[0]


def inject(
    article: str,
    rng: random.Random,
    family: str | None = None,
    mode: str | None = None,
    language: str | None = None,
    junk: str | None = None,
) -> tuple[str, list[tuple[int, int]], dict]:
    """Splice junk onto a real clean article; return (text, junk spans, info).

    `junk` given = use that text (e.g. real anchors) instead of generating it. Modes: see MODES; "middle" is
    only for boilerplate/markup and "prefix" only for boilerplate (ValueError otherwise). A "middle" or "prefix"
    request on an article with a single paragraph falls back to "blank-line" (info["mode"] says so).
    """
    if not isinstance(article, str):
        raise TypeError(f"article must be str, not {type(article).__name__}")
    family, language = _check(family, language, rng)
    if mode is None:
        mode = _pick_mode(rng, family)
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
    if mode == "middle" and family not in MIDDLE_FAMILIES:
        raise ValueError(f"mode 'middle' is only for {MIDDLE_FAMILIES}, not {family!r}")
    if mode == "prefix" and family != "boilerplate":
        raise ValueError(f"mode 'prefix' is only for boilerplate, not {family!r}")
    nl = _newline(article)
    lines = line_offsets(article)

    def one() -> str:
        return junk if junk is not None else junk_line(rng, family, language)[0]

    if mode in ("middle", "prefix"):
        # candidate lines: non-blank, not the first non-blank line (middle) / any non-blank line (prefix)
        nonblank = [i for i, (s, ce, _e) in enumerate(lines) if article[s:ce].strip()]
        cands = nonblank[1:] if mode == "middle" else nonblank
        if cands:
            k = rng.choice(cands)
            start = lines[k][0]
            if mode == "prefix":
                piece = junk if junk is not None else rng.choice(_PREFIXES)
            else:
                prev = max(i for i in nonblank if i < k)
                piece = one() + article[lines[prev][1]:start]
            text = article[:start] + piece + article[start:]
            return text, [(start, start + len(piece))], {"family": family, "mode": mode, "language": language}
        mode = "blank-line"
    end = len(article.rstrip())
    if mode == "multi-line":
        gap = nl * 2 if rng.random() < 0.3 else nl
        block = junk if junk is not None else gap.join(one() for _ in range(rng.randint(2, 6)))
        piece = rng.choice((nl, nl * 2)) + block
    else:
        sep = {"blank-line": nl * 2, "newline": nl, "glued": "", "glued-space": " "}[mode]
        piece = sep + one()
    if end == 0:
        piece = piece.lstrip()
    text = article[:end] + piece + article[end:]
    return text, [(end, end + len(piece))], {"family": family, "mode": mode, "language": language}


# --- legitimate article endings (never junk) -----------------------------------------------------------------
# Bylines, credits, source lists, hat tips, sign-offs, contact blocks, editor's notes, datelines, poem lines,
# recipe lists, Q&A. No share/follow/subscribe prompts, "Read more", related lists, comment policy, RSS footers
# (junk by LABELING.md) and no copyright / "originally appeared" lines (uncertain there).
# Slots: {n1} {n2} {n3} names, {first} a first name, {outlet}, {city}, {CITY}, {url}, {urls} (2-4 lines),
# {email}, {phone}, {date}, {company}, {cap} a photo caption, {poem}, {ingr}, {qa}.
ENDING_KINDS: tuple[str, ...] = ("byline", "caption", "source", "hat-tip", "sign-off", "contact", "editor-note",
                                 "dateline", "poem", "recipe", "qa")
_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # (first names, last names); "" = full names
    "en": (("Jane", "John", "Maria", "David", "Aisha", "Tom", "Priya", "Michael", "Sarah", "Kevin", "Laura", "Omar",
            "Grace", "Daniel", "Hannah", "Marcus"),
           ("Doe", "Smith", "Carter", "Nguyen", "Patel", "Brooks", "Morales", "Fischer", "O'Neill", "Hughes",
            "Kowalski", "Reyes", "Bennett", "Lawson", "Okafor", "Lindqvist")),
    "tr": (("Ayşe", "Mehmet", "Zeynep", "Emre", "Elif", "Murat", "Selin", "Burak", "Deniz", "Hakan"),
           ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk", "Arslan", "Koç", "Kurt")),
    "id": (("Budi", "Siti", "Dewi", "Agus", "Rina", "Andi", "Putri", "Hendra", "Fajar", "Maya"),
           ("Santoso", "Wijaya", "Hidayat", "Pratama", "Lestari", "Saputra", "Nugroho", "Kusuma", "Siregar")),
    "ru": (("Анна Петрова", "Иван Смирнов", "Мария Кузнецова", "Дмитрий Соколов", "Елена Попова", "Сергей Волков",
            "Ольга Морозова", "Алексей Лебедев", "Наталья Орлова", "Павел Зайцев"), ("",)),
    "zh": (("王明", "李华", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周婷", "吴昊"), ("",)),
    "ja": (("佐藤健", "鈴木花子", "高橋誠", "田中美咲", "伊藤翔", "渡辺由紀", "山本大輔", "中村彩", "小林直樹"), ("",)),
    "ar": (("أحمد حسن", "فاطمة علي", "محمد السيد", "ليلى منصور", "خالد عمر", "سارة إبراهيم", "يوسف كريم",
            "مريم سالم", "عمر الخطيب"), ("",)),
    "es": (("María", "Juan", "Lucía", "Carlos", "Ana", "Javier", "Sofía", "Diego", "Elena", "Pablo"),
           ("García", "Pérez", "Fernández", "Ruiz", "Torres", "Morales", "Navarro", "Castro", "Ortega", "Vidal")),
    "pt": (("Ana", "João", "Mariana", "Pedro", "Beatriz", "Rafael", "Camila", "Lucas", "Inês", "Tiago"),
           ("Souza", "Silva", "Costa", "Almeida", "Santos", "Oliveira", "Rocha", "Pereira", "Ferreira", "Lima")),
    "de": (("Anna", "Lukas", "Julia", "Felix", "Laura", "Jonas", "Lena", "Tobias", "Miriam", "Stefan"),
           ("Schmidt", "Müller", "Weber", "Wagner", "Becker", "Hoffmann", "Schulz", "Koch", "Richter", "Braun")),
    "fr": (("Marie", "Pierre", "Camille", "Julien", "Sophie", "Thomas", "Claire", "Nicolas", "Élise", "Antoine"),
           ("Dubois", "Martin", "Bernard", "Petit", "Laurent", "Moreau", "Lefèvre", "Girard", "Rousseau", "Fontaine")),
    "vi": (("Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng", "Hoàng Thu Hà", "Vũ Đức Hải",
            "Đặng Thanh Hương", "Bùi Ngọc Lan", "Đỗ Hoàng Nam"), ("",)),
}
_OUTLETS: dict[str, tuple[str, ...]] = {
    "en": ("Reuters", "AP", "AFP", "BBC News", "The Guardian", "Bloomberg", "NPR", "The Verge", "Uproxx", "BuzzFeed",
           "Axios", "Nature", "The Atlantic", "Ars Technica", "Politico", "CNBC"),
    "tr": ("Anadolu Ajansı", "DHA", "İHA", "Hürriyet", "NTV", "BBC Türkçe", "Cumhuriyet"),
    "id": ("Antara", "Kompas", "Tempo", "Detikcom", "CNN Indonesia", "Republika"),
    "ru": ("ТАСС", "РИА Новости", "Интерфакс", "«Коммерсантъ»", "РБК", "«Ведомости»"),
    "zh": ("新华社", "中新社", "人民日报", "央视新闻", "澎湃新闻", "财新网"),
    "ja": ("共同通信", "時事通信", "NHK", "朝日新聞", "読売新聞", "日本経済新聞"),
    "ar": ("رويترز", "وكالة الأنباء الفرنسية", "الجزيرة", "وكالة الأناضول", "بي بي سي عربي", "وكالة الأنباء السعودية"),
    "es": ("EFE", "Europa Press", "El País", "AFP", "Reuters", "RTVE"),
    "pt": ("Agência Brasil", "Lusa", "Folha de S.Paulo", "Estadão", "G1", "Reuters"),
    "de": ("dpa", "AFP", "Reuters", "Deutsche Welle", "epd", "KNA", "tagesschau.de"),
    "fr": ("AFP", "Le Monde", "Reuters", "France Info", "Libération", "Ouest-France"),
    "vi": ("VnExpress", "TTXVN", "Tuổi Trẻ", "Thanh Niên", "VietnamPlus", "Báo Nhân Dân"),
}
_END_CITIES: dict[str, tuple[str, ...]] = {
    "en": ("Ankara", "Washington", "London", "Nairobi", "Chicago", "Sydney", "Toronto", "Brussels", "Geneva"),
    "tr": ("Ankara", "İstanbul", "İzmir", "Bursa", "Diyarbakır"), "id": ("Jakarta", "Surabaya", "Medan", "Yogyakarta"),
    "ru": ("Москва", "Санкт-Петербург", "Новосибирск", "Казань"), "zh": ("北京", "上海", "广州", "成都"),
    "ja": ("東京", "大阪", "札幌", "福岡"), "ar": ("القاهرة", "بيروت", "عمّان", "الرباط"),
    "es": ("Madrid", "Bogotá", "Buenos Aires", "Sevilla"), "pt": ("Brasília", "São Paulo", "Lisboa", "Porto"),
    "de": ("Berlin", "Wien", "Zürich", "Frankfurt"), "fr": ("Paris", "Bruxelles", "Genève", "Toulouse"),
    "vi": ("Hà Nội", "TP.HCM", "Đà Nẵng", "Huế"),
}
_MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "tr": ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"),
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
}
_DATE_FORMATS: dict[str, tuple[str, ...]] = {  # {d} day, {m} month name, {mm} month number, {y} year
    "en": ("{m} {d}, {y}", "{d} {m} {y}"), "tr": ("{d} {m} {y}",), "id": ("{d} {m} {y}",), "ru": ("{d} {m} {y} года",),
    "zh": ("{y}年{mm}月{d}日",), "ja": ("{y}年{mm}月{d}日",), "ar": ("{d} {m} {y}",), "es": ("{d} de {m} de {y}",),
    "pt": ("{d} de {m} de {y}",), "de": ("{d}. {m} {y}",), "fr": ("{d} {m} {y}",), "vi": ("ngày {d} tháng {mm} năm {y}",),
}
_PHONES: dict[str, str] = {  # "#" = a digit
    "en": "+1 (###) 555-01##", "tr": "+90 212 ### ## ##", "id": "+62 21 ### ####", "ru": "+7 495 ###-##-##",
    "zh": "+86 10 #### ####", "ja": "03-####-####", "ar": "+971 4 ### ####", "es": "+34 91 ### ## ##",
    "pt": "+55 11 ####-####", "de": "+49 30 #######", "fr": "+33 1 ## ## ## ##", "vi": "+84 24 #### ####",
}
_DOMAINS: tuple[str, ...] = (
    "www.who.int", "data.worldbank.org", "www.cdc.gov", "www.nature.com", "www.reuters.com", "apnews.com",
    "www.bbc.com", "news.un.org", "www.imf.org", "www.oecd.org", "ec.europa.eu", "www.nasa.gov",
    "pubmed.ncbi.nlm.nih.gov", "www.census.gov", "www.bls.gov", "arxiv.org", "www.theguardian.com",
    "www.sciencedirect.com", "news.goldseek.com", "www.federalreserve.gov", "www.ipcc.ch", "ourworldindata.org",
)
_LOCAL_DOMAINS: dict[str, tuple[str, ...]] = {
    "tr": ("www.aa.com.tr", "www.tuik.gov.tr"), "id": ("www.antaranews.com", "www.bps.go.id"),
    "ru": ("tass.ru", "rosstat.gov.ru"), "zh": ("www.xinhuanet.com", "www.stats.gov.cn"),
    "ja": ("www.nhk.or.jp", "www.stat.go.jp"), "ar": ("www.aljazeera.net", "www.spa.gov.sa"),
    "es": ("www.efe.com", "www.ine.es"), "pt": ("agenciabrasil.ebc.com.br", "www.ibge.gov.br"),
    "de": ("www.tagesschau.de", "www.destatis.de"), "fr": ("www.lemonde.fr", "www.insee.fr"),
    "vi": ("vnexpress.net", "www.gso.gov.vn"),
}
_SLUG_WORDS: tuple[str, ...] = ("health", "report", "inflation", "data", "vaccine", "trial", "climate", "budget",
                                "election", "results", "energy", "prices", "survey", "water", "schools", "trade",
                                "outlook", "labour", "market", "census", "study", "ocean", "housing", "fact-sheet")
_URL_PATHS: tuple[str, ...] = ("/news/item/{y}-0{mo}-1{mo}-{slug}", "/article/{slug}-idUS{n}", "/{y}/0{mo}/1{mo}/{slug}.html",
                               "/indicator/NY.GDP.MKTP.CD", "/articles/s41586-0{y}-0{n4}-{mo}", "/GoldSeek/{n}.php",
                               "/abs/2{mo}0{mo}.{n4}", "/en/{slug}", "/news/{slug}-{n}", "/{n}/", "/publications/{slug}",
                               "/doc/{slug}.pdf", "/story?id={n}")
_COMPANIES: tuple[str, ...] = ("Northwind Energy", "Bluefield Labs", "Harbor Health", "Orion Robotics", "Greenway Foods",
                               "Kestrel Software", "Meridian Bank", "Atlas Logistics", "Solara Biotech", "Vantage Motors")
_CAPTIONS: dict[str, tuple[str, ...]] = {
    "en": ("Officers outside the court on Friday", "Protesters gather in {city} on Monday", "The harbour at dawn",
           "Supporters wait for the results", "A view of the {city} skyline", "Workers repair a power line",
           "Firefighters at the scene on Tuesday", "The minister arrives for talks in {city}"),
    "tr": ("Cuma günü adliye önünde bekleyen polisler", "{city}'da toplanan göstericiler", "Limanda sabah saatleri"),
    "id": ("Warga antre di depan kantor kelurahan", "Suasana Pelabuhan {city} pada pagi hari", "Petugas di lokasi"),
    "ru": ("Полицейские у здания суда в пятницу", "Вид на {city} с набережной", "Участники встречи в {city}"),
    "zh": ("周五法院外的警察", "{city}街头的行人", "清晨的港口"), "ja": ("金曜日、裁判所前の警察官", "{city}の街並み", "夜明けの港"),
    "ar": ("رجال شرطة أمام المحكمة يوم الجمعة", "مشهد عام لمدينة {city}", "متظاهرون في {city}"),
    "es": ("Agentes frente al tribunal el viernes", "Vista de {city} al amanecer", "Manifestantes en {city}"),
    "pt": ("Policiais em frente ao tribunal na sexta-feira", "Vista de {city} ao amanhecer", "Manifestantes em {city}"),
    "de": ("Polizisten vor dem Gericht am Freitag", "Blick auf {city} am Morgen", "Demonstranten in {city}"),
    "fr": ("Des policiers devant le tribunal vendredi", "Vue de {city} à l'aube", "Des manifestants à {city}"),
    "vi": ("Cảnh sát trước tòa án hôm thứ Sáu", "Toàn cảnh {city} lúc bình minh", "Người dân tại {city}"),
}
_POEMS: dict[str, tuple[str, ...]] = {
    "en": ("the river keeps its quiet promise", "and morning comes again", "salt on the window", "we were younger then",
           "a lamp left burning in the hall", "my father's hands", "all the small birds of November",
           "I carry the field home in my coat", "nobody answers the telephone", "under the long white sky"),
    "tr": ("sabah yine gelir", "denizin tuzu pencerede", "babamın elleri", "kimse açmıyor kapıyı", "uzun beyaz gök altında"),
    "id": ("pagi datang lagi", "garam di jendela", "tangan ayahku", "sungai menyimpan janjinya", "di bawah langit putih"),
    "ru": ("и снова приходит утро", "соль на оконном стекле", "руки моего отца", "где-то за рекой горит окно",
           "под белым долгим небом"),
    "zh": ("河流守着它安静的承诺", "早晨又来了", "窗上的盐", "父亲的手", "在长长的白色天空下"),
    "ja": ("川は静かな約束を守る", "また朝が来る", "窓に残る塩", "父の手", "長く白い空の下で"),
    "ar": ("ويعود الصباح من جديد", "ملح على النافذة", "يدا أبي", "النهر يحفظ وعده الهادئ", "تحت السماء البيضاء الطويلة"),
    "es": ("el río guarda su promesa", "y vuelve la mañana", "sal en la ventana", "las manos de mi padre",
           "bajo el largo cielo blanco"),
    "pt": ("o rio guarda a sua promessa", "e a manhã volta", "sal na janela", "as mãos do meu pai",
           "sob o longo céu branco"),
    "de": ("der Fluss hält sein leises Versprechen", "und wieder kommt der Morgen", "Salz am Fenster",
           "die Hände meines Vaters", "unter dem langen weißen Himmel"),
    "fr": ("la rivière tient sa promesse", "et le matin revient", "du sel sur la vitre", "les mains de mon père",
           "sous le long ciel blanc"),
    "vi": ("dòng sông giữ lời hứa lặng im", "và buổi sáng lại về", "muối trên ô cửa", "đôi tay của cha",
           "dưới bầu trời trắng dài"),
}
_INGREDIENTS: dict[str, tuple[str, ...]] = {
    "en": ("2 cups flour", "1 tsp salt", "3 eggs", "250 ml milk", "1 tbsp olive oil", "2 cloves garlic, crushed",
           "1 onion, finely chopped", "Salt and pepper to taste", "Fresh parsley to serve", "100 g butter"),
    "tr": ("2 su bardağı un", "1 çay kaşığı tuz", "3 yumurta", "1 yemek kaşığı zeytinyağı", "2 diş sarımsak"),
    "id": ("2 gelas tepung terigu", "1 sdt garam", "3 butir telur", "2 siung bawang putih", "1 sdm minyak goreng"),
    "ru": ("2 стакана муки", "1 ч. л. соли", "3 яйца", "250 мл молока", "2 зубчика чеснока"),
    "zh": ("面粉 200克", "盐 1茶匙", "鸡蛋 3个", "大蒜 2瓣", "葱花 适量"),
    "ja": ("小麦粉 200g", "塩 小さじ1", "卵 3個", "しょうゆ 大さじ2", "長ねぎ 1本"),
    "ar": ("كوبان من الدقيق", "ملعقة صغيرة ملح", "3 بيضات", "فصان من الثوم", "ملعقة كبيرة زيت زيتون"),
    "es": ("2 tazas de harina", "1 cucharadita de sal", "3 huevos", "2 dientes de ajo", "Aceite de oliva"),
    "pt": ("2 xícaras de farinha", "1 colher de chá de sal", "3 ovos", "2 dentes de alho", "Azeite a gosto"),
    "de": ("200 g Mehl", "1 TL Salz", "3 Eier", "250 ml Milch", "2 Knoblauchzehen"),
    "fr": ("200 g de farine", "1 c. à café de sel", "3 œufs", "25 cl de lait", "2 gousses d'ail"),
    "vi": ("200 g bột mì", "1 thìa cà phê muối", "3 quả trứng", "2 tép tỏi", "Hành lá"),
}
_QA: dict[str, tuple[str, ...]] = {  # "question|answer"
    "en": ("Q: When does the new rule take effect?|A: From the first of next month.",
           "Q: Do I need to register again?|A: No, existing registrations remain valid.",
           "Q: Who pays for the repairs?|A: The city, according to the council."),
    "tr": ("Soru: Yeni kural ne zaman yürürlüğe giriyor?|Cevap: Gelecek ayın başından itibaren.",),
    "id": ("Tanya: Apakah saya perlu mendaftar ulang?|Jawab: Tidak, pendaftaran lama tetap berlaku.",),
    "ru": ("Вопрос: Когда вступает в силу новое правило?|Ответ: С первого числа следующего месяца.",),
    "zh": ("问：新规定什么时候生效？|答：从下个月一日起。",), "ja": ("Q：新しい規則はいつから？|A：来月1日からです。",),
    "ar": ("س: متى يبدأ تطبيق القرار الجديد؟|ج: اعتبارا من مطلع الشهر المقبل.",),
    "es": ("P: ¿Cuándo entra en vigor la norma?|R: A partir del próximo mes.",),
    "pt": ("P: Preciso me cadastrar de novo?|R: Não, os cadastros atuais continuam válidos.",),
    "de": ("F: Ab wann gilt die neue Regel?|A: Ab dem ersten des kommenden Monats.",),
    "fr": ("Q : Quand la règle entre-t-elle en vigueur ?|R : Dès le mois prochain.",),
    "vi": ("Hỏi: Khi nào quy định mới có hiệu lực?|Đáp: Từ đầu tháng tới.",),
}
_ENDINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "byline": ("Reporting by {n1}; Editing by {n2}", "Reporting by {n1} in {city}; Editing by {n2} and {n3}",
                   "(Reporting by {n1} in {city}; writing by {n2}; editing by {n3})", "— {n1}, {outlet}",
                   "{n1} contributed to this report.", "Additional reporting by {n1} and {n2}.",
                   "Associated Press writer {n1} in {city} contributed to this report.", "By {n1}",
                   "{n1} reported from {city}.", "{n1} is a staff writer at {outlet}.",
                   "Written by {n1}\nEdited by {n2}", "Compiled by {n1} for {outlet}"),
        "caption": ("Photo: {cap}. (AP Photo/{n1})", "Image: Getty Images", "Main image credit: Getty",
                    "{cap}. Photograph: {n1}/{outlet}", "Photo: {n1}/{outlet}", "(Photo by {n1}/AFP via Getty Images)",
                    "Top photo: {cap}", "Pictured: {cap}", "Photo credit: {n1}", "Image: {n1}", "Illustration by {n1}",
                    "Header image: NASA"),
        "source": ("Sources:\n{urls}", "Source: {url}", "{url}", "Source: {outlet}", "Sources: {outlet}, {outlet}",
                   "References\n{urls}", "Data: World Bank, IMF", "Source: {outlet} via {outlet}", "Via {url}",
                   "Further reading:\n{urls}"),
        "hat-tip": ("h/t {outlet}", "[h/t {outlet}]", "H/T {outlet}", "Via: {outlet}", "(via {outlet})",
                    "Hat tip: {n1}", "[via {outlet}]", "(h/t {n1})", "h/t {first}", "Via {outlet}"),
        "sign-off": ("Thanks for reading.", "— The Editors", "Write to {n1} at {email}", "Until next time,\n{first}",
                     "Best,\n{n1}", "Cheers,\n{first}", "— {first}", "See you next week.", "{n1}\n{city}",
                     "Write to {n1} at {email} and {n2} at {email}", "Yours,\nThe {outlet} team"),
        "contact": ("Media contact: {n1}, {phone}, {email}", "Media Contact:\n{n1}\n{company}\n{phone}\n{email}",
                    "Contact: {n1}\n{email}", "For more information, contact {n1} at {phone} or {email}.",
                    "Press contact\n{n1}\n{email}", "SOURCE {company}", "###", "-30-",
                    "About {company}\n{company} is based in {city}.\n\nContact: {email}"),
        "editor-note": ("Editor's note: This story has been updated to correct the spelling of {n1}'s name.",
                        "Editor's note: An earlier version of this article misstated the date of the hearing.",
                        "This article was updated on {date} to include a statement from {company}.",
                        "Update, {date}: This story has been updated with new figures.",
                        "Correction: An earlier version of this story gave the wrong year for the merger.",
                        "This article was amended on {date} to clarify the number of people affected."),
        "dateline": ("{CITY}, {date}", "Published {date}", "Updated {date}", "{city}, {date}",
                     "Filed from {city}", "{date}\n{city}"),
        "poem": ("{poem}", "{poem}\n\n— {n1}"), "recipe": ("Ingredients\n{ingr}", "{ingr}", "Serves 4\n{ingr}",
                                                          "Bake for 25 minutes until golden.\nServe warm"),
        "qa": ("{qa}",),
    },
    "tr": {"byline": ("Haber: {n1}", "{n1} / {outlet}", "Muhabir: {n1}, {city}", "Editör: {n2}"),
           "caption": ("Fotoğraf: {outlet}", "Foto: {n1}/{outlet}", "{cap} (Fotoğraf: {outlet})", "Görsel: Getty Images"),
           "source": ("Kaynak: {outlet}", "Kaynak: {url}", "Kaynaklar:\n{urls}", "{url}"),
           "hat-tip": ("Via: {outlet}",), "sign-off": ("İyi okumalar.", "{n1}\n{email}"),
           "contact": ("Basın iletişim: {n1}, {phone}, {email}", "İletişim:\n{n1}\n{phone}"),
           "editor-note": ("Editörün notu: Bu haber {date} tarihinde güncellendi.",),
           "dateline": ("{city}, {date}", "{CITY} ({outlet})"), "poem": ("{poem}",),
           "recipe": ("Malzemeler\n{ingr}",), "qa": ("{qa}",)},
    "id": {"byline": ("Pewarta: {n1}\nEditor: {n2}", "Penulis: {n1}", "Reporter: {n1} | Editor: {n2}"),
           "caption": ("Foto: {outlet}/{n1}", "{cap}. (Foto: {outlet})", "Sumber foto: {outlet}"),
           "source": ("Sumber: {outlet}", "Sumber: {url}", "Sumber:\n{urls}", "{url}"),
           "hat-tip": ("Via: {outlet}",), "sign-off": ("Terima kasih telah membaca.", "Salam,\n{n1}"),
           "contact": ("Kontak media: {n1}, {phone}, {email}", "Narahubung:\n{n1}\n{phone}"),
           "editor-note": ("Catatan redaksi: Berita ini telah diperbarui pada {date}.",),
           "dateline": ("{city}, {date}", "{CITY} ({outlet})"), "poem": ("{poem}",),
           "recipe": ("Bahan-bahan:\n{ingr}",), "qa": ("{qa}",)},
    "ru": {"byline": ("Автор: {n1}", "{n1}, {outlet}", "Текст: {n1}\nРедактор: {n2}", "— {n1}"),
           "caption": ("Фото: {n1} / {outlet}", "Фото: {outlet}", "{cap}. Фото: {outlet}", "Иллюстрация: {n1}"),
           "source": ("Источник: {outlet}", "Источник: {url}", "Источники:\n{urls}", "{url}"),
           "hat-tip": ("Via: {outlet}",), "sign-off": ("Спасибо, что дочитали.", "Пишите автору: {email}"),
           "contact": ("Контакты для прессы: {n1}, {phone}, {email}", "Пресс-служба {company}\n{phone}"),
           "editor-note": ("Примечание редакции: материал обновлён {date}.",),
           "dateline": ("{city}, {date}", "{CITY}, {date} — {outlet}"), "poem": ("{poem}", "{poem}\n\n{n1}"),
           "recipe": ("Ингредиенты:\n{ingr}",), "qa": ("{qa}",)},
    "zh": {"byline": ("（记者 {n1}）", "记者：{n1}\n编辑：{n2}", "责任编辑：{n1}", "（{outlet}记者{n1}）"),
           "caption": ("图片来源：{outlet}", "{cap}。{outlet}记者 {n1} 摄", "图：{outlet}"),
           "source": ("来源：{outlet}", "来源：{url}", "参考资料：\n{urls}", "{url}"),
           "hat-tip": ("来源：{outlet}",), "sign-off": ("感谢阅读。", "（完）"),
           "contact": ("媒体联系人：{n1}，电话：{phone}，邮箱：{email}",), "editor-note": ("编者按：本文已于{date}更新。",),
           "dateline": ("{city}，{date}", "{outlet}{city}{date}电"), "poem": ("{poem}",),
           "recipe": ("材料：\n{ingr}",), "qa": ("{qa}",)},
    "ja": {"byline": ("（{outlet}）", "（記者・{n1}）", "文：{n1}\n編集：{n2}", "取材・文／{n1}"),
           "caption": ("写真：{outlet}", "{cap}（{outlet}）", "撮影：{n1}", "写真提供：{company}"),
           "source": ("出典：{outlet}", "出典：{url}", "参考：\n{urls}", "{url}"),
           "hat-tip": ("via {outlet}",), "sign-off": ("最後までお読みいただきありがとうございました。", "（終わり）"),
           "contact": ("報道関係者のお問い合わせ先\n{company} 広報部 {n1}\nTEL：{phone}\nE-mail：{email}",),
           "editor-note": ("※この記事は{date}に更新しました。",),
           "dateline": ("{date}　{city}", "【{city}＝{outlet}】"), "poem": ("{poem}",),
           "recipe": ("材料（2人分）\n{ingr}",), "qa": ("{qa}",)},
    "ar": {"byline": ("(تقرير {n1}، تحرير {n2})", "بقلم: {n1}", "— {n1}، {outlet}"),
           "caption": ("الصورة: {outlet}", "{cap} (الصورة: {outlet})", "تصوير: {n1}"),
           "source": ("المصدر: {outlet}", "المصدر: {url}", "المصادر:\n{urls}", "{url}"),
           "hat-tip": ("عبر: {outlet}",), "sign-off": ("شكرا للقراءة.", "{n1}\n{email}"),
           "contact": ("للتواصل الإعلامي: {n1}، {phone}، {email}",),
           "editor-note": ("ملاحظة المحرر: تم تحديث هذا الخبر في {date}.",),
           "dateline": ("{city} - {date}", "{city} ({outlet})"), "poem": ("{poem}",),
           "recipe": ("المكونات:\n{ingr}",), "qa": ("{qa}",)},
    "es": {"byline": ("Por {n1}", "(Información de {n1}; editado por {n2})", "— {n1}, {outlet}", "Redacción: {n1}"),
           "caption": ("Foto: {outlet}/{n1}", "{cap}. (Foto: {outlet})", "Imagen: Getty Images", "Fotografía: {n1}"),
           "source": ("Fuente: {outlet}", "Fuente: {url}", "Fuentes:\n{urls}", "{url}"),
           "hat-tip": ("Vía: {outlet}", "(vía {outlet})"), "sign-off": ("Gracias por leer.", "Escriba a {n1} a {email}"),
           "contact": ("Contacto de prensa: {n1}, {phone}, {email}", "Contacto:\n{n1}\n{email}"),
           "editor-note": ("Nota del editor: esta noticia fue actualizada el {date}.",),
           "dateline": ("{city}, {date}", "{CITY} ({outlet})"), "poem": ("{poem}", "{poem}\n\n{n1}"),
           "recipe": ("Ingredientes:\n{ingr}",), "qa": ("{qa}",)},
    "pt": {"byline": ("Por {n1}", "Reportagem: {n1}\nEdição: {n2}", "— {n1}, {outlet}", "Texto: {n1}"),
           "caption": ("Foto: {n1}/{outlet}", "{cap}. (Foto: {outlet})", "Imagem: Getty Images"),
           "source": ("Fonte: {outlet}", "Fonte: {url}", "Fontes:\n{urls}", "{url}"),
           "hat-tip": ("Via: {outlet}", "(via {outlet})"), "sign-off": ("Obrigado pela leitura.", "Abraços,\n{first}"),
           "contact": ("Contato para imprensa: {n1}, {phone}, {email}", "Assessoria de imprensa\n{company}\n{email}"),
           "editor-note": ("Nota da redação: esta reportagem foi atualizada em {date}.",),
           "dateline": ("{city}, {date}", "{CITY} ({outlet})"), "poem": ("{poem}",),
           "recipe": ("Ingredientes\n{ingr}",), "qa": ("{qa}",)},
    "de": {"byline": ("Von {n1}", "{n1}, {outlet}", "Mitarbeit: {n1} und {n2}", "— {n1}"),
           "caption": ("Foto: {outlet}", "Bild: {n1}/{outlet}", "{cap}. Foto: {n1}/{outlet}", "Titelbild: Getty Images"),
           "source": ("Quelle: {outlet}", "Quelle: {url}", "Quellen:\n{urls}", "{url}", "Mit Material von {outlet}"),
           "hat-tip": ("Via: {outlet}", "(via {outlet})"), "sign-off": ("Danke fürs Lesen.", "Schreiben Sie an {email}"),
           "contact": ("Pressekontakt: {n1}, {phone}, {email}", "Pressekontakt:\n{company}\n{n1}\nTel. {phone}"),
           "editor-note": ("Anmerkung der Redaktion: Dieser Artikel wurde am {date} aktualisiert.",),
           "dateline": ("{city}, {date}", "{city} ({outlet})"), "poem": ("{poem}", "{poem}\n\n{n1}"),
           "recipe": ("Zutaten für 4 Personen\n{ingr}",), "qa": ("{qa}",)},
    "fr": {"byline": ("Par {n1}", "{n1}, avec {outlet}", "— {n1}", "(Reportage de {n1} ; édité par {n2})"),
           "caption": ("Photo : {n1} / {outlet}", "{cap}. Photo {outlet}", "Image : Getty Images", "Crédit photo : {n1}"),
           "source": ("Source : {outlet}", "Source : {url}", "Sources :\n{urls}", "{url}", "Avec {outlet}"),
           "hat-tip": ("Via : {outlet}", "(via {outlet})"), "sign-off": ("Merci de votre lecture.", "— La rédaction"),
           "contact": ("Contact presse : {n1}, {phone}, {email}", "Contact presse\n{n1}\n{email}"),
           "editor-note": ("Note de la rédaction : cet article a été mis à jour le {date}.",),
           "dateline": ("{city}, le {date}", "{CITY} ({outlet})"), "poem": ("{poem}",),
           "recipe": ("Ingrédients\n{ingr}",), "qa": ("{qa}",)},
    "vi": {"byline": ("{n1}", "Theo {outlet}", "Bài: {n1}\nẢnh: {n2}", "{n1} (tổng hợp)"),
           "caption": ("Ảnh: {n1}", "{cap}. Ảnh: {outlet}", "Ảnh minh họa: Getty Images"),
           "source": ("Nguồn: {outlet}", "Nguồn: {url}", "Nguồn tham khảo:\n{urls}", "{url}"),
           "hat-tip": ("Theo {outlet}",), "sign-off": ("Cảm ơn bạn đã đọc.",),
           "contact": ("Liên hệ báo chí: {n1}, {phone}, {email}",),
           "editor-note": ("Ghi chú của biên tập viên: Bài viết được cập nhật {date}.",),
           "dateline": ("{city}, {date}", "{CITY} ({outlet})"), "poem": ("{poem}",),
           "recipe": ("Nguyên liệu:\n{ingr}",), "qa": ("{qa}",)},
}
_ENDING_WEIGHTS: dict[str, int] = {"byline": 18, "caption": 13, "source": 16, "hat-tip": 9, "sign-off": 8,
                                   "contact": 8, "editor-note": 7, "dateline": 6, "poem": 5, "recipe": 5, "qa": 5}


def pick_language(rng: random.Random, languages: Sequence[str] = LANGUAGES) -> str:
    """English a third of the time (most real hosts are English), otherwise any of `languages`."""
    return "en" if rng.random() < 0.35 else rng.choice(languages)


def _people(rng: random.Random, language: str, k: int = 3) -> list[str]:
    """k names with different first names (or different full names)."""
    firsts, lasts = _NAMES[language]
    return [first + (" " + last if last else "") for first, last in
            zip(rng.sample(firsts, k), (rng.choice(lasts) for _ in range(k)))]


def _ending_url(rng: random.Random, language: str) -> str:
    domain = rng.choice(_DOMAINS + _LOCAL_DOMAINS.get(language, ()) * 3)
    slug = "-".join(rng.sample(_SLUG_WORDS, rng.randint(2, 4)))
    path = rng.choice(_URL_PATHS).format(y=rng.randint(2012, 2024), mo=rng.randint(1, 9), slug=slug,
                                         n=rng.randint(10**6, 10**10), n4=rng.randint(1000, 9999))
    return rng.choice(("https://", "https://", "http://", "")) + domain + rng.choice((path, path, ""))


def _email(rng: random.Random, person: str, language: str) -> str:
    local = ".".join(_ascii_slug(w) for w in person.split()[:2] if _ascii_slug(w))
    local = local if local and rng.random() < 0.7 else rng.choice(("press", "media", "newsdesk", "pr", "info"))
    domain = rng.choice(("example.com", "example.org", _ascii_slug(rng.choice(_COMPANIES)) + ".com",
                         rng.choice(_DOMAINS + _LOCAL_DOMAINS.get(language, ())).removeprefix("www.")))
    return f"{local}@{domain}"


def _date(rng: random.Random, language: str) -> str:
    month = rng.randint(1, 12)
    return rng.choice(_DATE_FORMATS[language]).format(
        d=rng.randint(1, 28), mm=month, y=rng.randint(2012, 2024), m=_MONTHS.get(language, _MONTHS["en"])[month - 1])


def legit_ending(rng: random.Random, language: str | None = None, kind: str | None = None) -> str:
    """One legitimate article ending (byline, credit, sources, contact block, ...); lines joined by "\\n".

    Never junk by LABELING.md: no share/follow/subscribe prompts, related lists, RSS footers or copyright lines.
    language None = `pick_language`; kind None = weighted over ENDING_KINDS (those the language has).
    """
    language = pick_language(rng) if language is None else language
    if language not in _ENDINGS:
        raise ValueError(f"no endings for language {language!r}; have {', '.join(_ENDINGS)}")
    kinds = [k for k in ENDING_KINDS if k in _ENDINGS[language]]
    if kind is None:
        kind = rng.choices(kinds, weights=[_ENDING_WEIGHTS[k] for k in kinds])[0]
    if kind not in kinds:
        raise ValueError(f"unknown ending kind {kind!r} for {language!r}; expected one of {', '.join(kinds)}")
    people = _people(rng, language)
    city = rng.choice(_END_CITIES[language])

    def lines(pool: Sequence[str], lo: int, hi: int) -> str:
        return "\n".join(rng.sample(pool, min(len(pool), rng.randint(lo, hi))))

    extra = {
        "n1": lambda: people[0], "n2": lambda: people[1], "n3": lambda: people[2],
        "first": lambda: people[0].split()[0], "outlet": lambda: rng.choice(_OUTLETS[language]),
        "city": lambda: city, "CITY": lambda: city.upper(), "url": lambda: _ending_url(rng, language),
        "urls": lambda: "\n".join(_ending_url(rng, language) for _ in range(rng.randint(2, 4))),
        "email": lambda: _email(rng, people[0], language), "phone": lambda: "".join(
            rng.choice(string.digits) if c == "#" else c for c in _PHONES[language]),
        "date": lambda: _date(rng, language), "company": lambda: rng.choice(_COMPANIES),
        "cap": lambda: rng.choice(_CAPTIONS[language]).replace("{city}", city),
        "poem": lambda: lines(_POEMS[language], 2, 5), "ingr": lambda: lines(_INGREDIENTS[language], 2, 6),
        "qa": lambda: rng.choice(_QA[language]).replace("|", "\n"),
    }
    return _fill(rng, rng.choice(_ENDINGS[language][kind]), language, extra=extra)


def add_ending(article: str, rng: random.Random, language: str | None = None) -> str:
    """The article (every character kept, as a prefix) followed by a `legit_ending`.

    The ending goes after a blank line when the article separates paragraphs with blank lines, else after one
    line break, in the article's own break style ("\\r\\n", "\\r" or "\\n"); existing trailing breaks count.
    """
    if not isinstance(article, str):
        raise TypeError(f"article must be str, not {type(article).__name__}")
    nl = _newline(article)
    ending = legit_ending(rng, language).replace("\n", nl)
    if not article.strip():
        return article + ending
    want = 2 if (nl * 2 in article) != (rng.random() < 0.1) else 1
    have = 2 if article.endswith(nl * 2) else 1 if article.endswith(nl) else 0
    return article + nl * max(0, want - have) + ending


def remove_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text without the given sorted, non-overlapping spans."""
    out, pos = [], 0
    for start, end in spans:
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)
