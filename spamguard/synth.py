"""Synthetic junk for training and measuring: SEO spam, hidden-link anchors, site boilerplate, leaked markup.

Standard library only; every function takes a `random.Random` and is deterministic given its state.

    junk_line(rng, family=None, language=None) -> (text, category)   one junk line, never a line break
    inject(article, rng, ...) -> (text, spans, info)                  junk spliced onto a real article

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


def _fill(rng: random.Random, template: str, language: str, anchor: str = "") -> str:
    """Fill the {slots} of a template; only slots that occur are drawn."""
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
        language = "en" if rng.random() < 0.35 else rng.choice(langs)
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


def remove_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text without the given sorted, non-overlapping spans."""
    out, pos = [], 0
    for start, end in spans:
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)
