"""Rules are data: an id the report cites, a category, a short description, a weight and a pattern.

Patterns match the matching view of a text (see normalize.py: lower-case, accents removed, every line break
a "\\n"), never the original, and report spans of the original. Three scopes say what a hit means:

- ``line``: the pattern matches a whole line (its edge whitespace aside): that line is junk, wherever it stands.
- ``span``: exactly the matched span is junk, glued to article text before or after it (at the line start, or
  anywhere on a line for rules with triggers).
- ``term``: a spam phrase; evidence about the segment it sits in, weighed by the decision with its context.

Hand-written rules are the RULE_TABLE below; phrase rules come from the word lists in ``lexicon/``, one rule
per file. DODGE_RULES are the exception to matching the view: they find what the view folds away (invisible
characters, spaced-out letters), so they match the original text. Every pattern is written to run in linear
time (possessive quantifiers, no nested repetition); the rules that match anywhere in a line, and the dodge
rules, also run under a timeout, so that no input can hang a pipeline. `matcher.py` finds them in a document.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import cast, get_args

from .normalize import fold
from .types import Anchor, Category, Scope

CATEGORIES: tuple[Category, ...] = get_args(Category)
SCOPES: tuple[Scope, ...] = get_args(Scope)
ANCHORS: tuple[Anchor, ...] = get_args(Anchor)
SHORT_LINE = 200  # lines up to this long are tried against every line rule; longer ones against few
MATCH_TIMEOUT_SECONDS = 2.0  # per "any" rule and document; far above what any real document needs


@dataclass(frozen=True)
class Rule:
    """One named pattern. `pattern` is regex source over the matching view; `phrases` replace it for lexicon rules."""

    id: str
    category: Category
    scope: Scope
    weight: float
    description: str
    pattern: str = ""
    languages: tuple[str, ...] = ("*",)
    phrases: tuple[str, ...] = field(default=(), repr=False)
    anchor: Anchor = "line"  # "line": must match the whole line; "start": at the line start; "any": anywhere
    triggers: tuple[str, ...] = ()  # the rule is tried only on a line holding one of these
    max_chars: int = 100_000  # line rules: the longest line the rule is tried on (boilerplate lines are short)

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"rule {self.id}: unknown category {self.category!r}")
        if self.scope not in SCOPES:
            raise ValueError(f"rule {self.id}: unknown scope {self.scope!r}")
        if not 0.0 < self.weight <= 1.0:
            raise ValueError(f"rule {self.id}: weight must be in (0, 1]")
        if self.anchor not in ANCHORS or (self.scope == "line") != (self.anchor == "line"):
            raise ValueError(f"rule {self.id}: line rules match whole lines; others anchor at 'start' or 'any'")
        if self.pattern and self.anchor == "any" and not self.triggers:
            raise ValueError(f"rule {self.id}: a rule that matches anywhere needs trigger strings")


@dataclass(frozen=True)
class Hit:
    """A rule hit: [start, end) in the ORIGINAL text."""

    rule: Rule
    start: int
    end: int


_SOCIAL = (r"share|shares|tweet|email|e-mail|print|comments?|more|facebook|twitter|linkedin|reddit|google\+|"
           r"binh luan|yorumlar|yorum yap|komentar|комментарии|评论|コメント|comentarios|kommentare|commentaires|"
           r"вконтакте|одноклассники|skype|微信|微博|qq空间|分享到[:：]?|はてブ|line|ツイート|シェアする|"
           r"share on|share via|"
           r"bu haberi paylasin|この記事をシェア|"
           r"pinterest|whatsapp|tumblr|telegram|pocket|flipboard|messenger|sms|copy link|like|save|"
           r"compartir|partager|teilen|paylas|bagikan|поделиться|分享|シェア|مشاركة|chia se|compartilhe|condividi")
_ADVERT = (r"advertisements?|sponsored(?: content)?|anzeige|werbung|publicidad|publicite|publicidade|reklam|"
           r"iklan|реклама|广告|広告|إعلان|quang cao|pubblicita")
_READ_MORE = (r"read more|read the full (?:story|article)|devamini oku|baca juga|baca selengkapnya|читать далее|"
              r"читайте также|阅读更多|阅读全文|続きを読む|leer mas|leia mais|weiterlesen|lire la suite|xem them|"
              r"اقرأ المزيد|lee tambien|leia tambem|lire aussi|continuar leyendo|continuar lendo|"
              r"haberin devami icin tiklayin|mehr lesen|mehr dazu|xem tiep|tin lien quan|подробнее|"
              r"詳しくはこちら|(?:点击|返回搜狐[,，]?)?查看更多|اقرا ايضا|ilgili haberler|haberin devami|"
              r"scroll untuk melanjutkan membaca|扫一扫分享本页")
# Headers of a related-link teaser. Not "Read more: <headline>" or "MORE: <headline>": the labeled real documents
# count those as uncertain (they may credit a source), so they are left in place.
_HEADLINE_PREFIX = (r"related|see also|also read|read also|baca juga|lire aussi|lee tambien|leia tambem|"
                    r"xem them|tin lien quan|читайте также|ilgili haber|mehr zum thema|auch interessant")

# Site labels that end up glued onto the last line ("tangan ayahkuADVERTISEMENT", "Getty|شارك الخبر"): an ad
# label or a share label. (A row of share buttons glued on would need the network names as triggers, and then
# the pattern scans most documents: tripled matching time, so it is left out.)
_SHARE_LABEL = (r"share this|paylas|bagikan|поделиться|分享到?|シェアする|شارك(?: الخبر)?|compartir|compartilhe|"
                r"teilen|partager|chia se")

_HTML_TAGS = ("a|abbr|article|aside|audio|b|blockquote|br|button|center|code|div|em|embed|figcaption|figure|font|"
              "footer|form|h[1-6]|header|hr|i|iframe|img|input|label|li|link|meta|nav|noscript|ol|option|p|pre|"
              "script|section|select|small|source|span|strong|style|sub|sup|table|tbody|td|th|thead|tr|u|ul|video")
_SPAM_STEMS = ("porn", "sikis", "bahis", "casino", "slot", "viagra", "cialis", "escort", "togel", "judi")

RULE_TABLE: tuple[Rule, ...] = (
    Rule("boilerplate.advertisement", "boilerplate", "line", 0.97,
         "An ad-slot label on a line of its own ('Advertisement', 'Anzeige', 'Iklan', '广告').",
         rf"[^\w\n]*+(?:{_ADVERT})[^\w\n]*+", max_chars=60),
    Rule("boilerplate.like-this", "boilerplate", "line", 0.95,
         "WordPress 'Like this:' / 'Like Loading...' residue.",
         r"(?:like this:?|like loading\.{0,3}|loading\.{3}|be the first to like this\.?|"
         r"(?:like|enjoy(?:ed)?) this (?:story|article|post)\? share it[^\n]{0,60})", max_chars=120),
    Rule("boilerplate.share-buttons", "boilerplate", "line", 0.95,
         "Share-button residue: 'Share this:', 'CommentsEmailPrint', 'TwitterFacebookLinkedInRedditGoogle+EmailPrint'.",
         rf"[ \t|·•,:/]*+(?:(?:this|on|us)[ \t|·•,:/]*+)*+(?:{_SOCIAL})[ \t|·•,:/]*+"
         rf"(?:(?:{_SOCIAL}|this|on|us)[ \t|·•,:/]*+){{0,11}}", max_chars=200),
    Rule("boilerplate.follow-prompt", "boilerplate", "line", 0.93,
         "A follow-us prompt: 'Follow me on Twitter @name', '>> Follow X (@x) on Twitter'.",
         r"[ \t>»\-–—*]*+(?:twitter:[^\S\n]*+)?(?:you can )?follow (?:me|us|[\w.'’-]++(?: [\w.'’-]++){0,3})"
         r"(?: \(@\w++\))?:?[^\n]{0,80}?(?:@\w|twitter|facebook|instagram|pinterest|youtube|tiktok|linkedin|"
         r"telegram)[^\n]{0,120}", max_chars=300),
    Rule("boilerplate.subscribe-prompt", "boilerplate", "line", 0.9,
         "A subscribe or newsletter prompt ('Subscribe to X for FREE', 'Sign up for our newsletter').",
         r"[ \t>»*]*+(?:subscribe to (?:[^\n]{1,60}|[^\n]{1,160}(?:channel|newsletter|podcast)[^\n]{0,80})"
         r"|(?:keep in touch! )?[^\n]{0,80}sign up for our newsletter[^\n]{0,40}"
         r"|subscribe(?: now)?(?: to our newsletter)?[.!]?)", max_chars=300),
    Rule("boilerplate.follow-prompt-i18n", "boilerplate", "line", 0.9,
         "A follow-us prompt in another language ('Síguenos en Twitter', 'Bizi Twitter'da takip edin', '关注我们').",
         r"[ \t>»*-]*+(?:theo doi chung toi tren|bizi [^\n]{0,30}takip edin|ikuti kami di|подписывайтесь на|"
         r"关注我们|フォローする|تابعونا على|siguenos en|siga-nos no|folgen sie uns auf|suivez-nous sur)[^\n]{0,100}",
         max_chars=200),
    Rule("boilerplate.subscribe-prompt-i18n", "boilerplate", "line", 0.9,
         "A newsletter prompt in another language ('Assine nossa newsletter', 'Abonnez-vous à notre newsletter').",
         r"[ \t>»*-]*+(?:assine nossa newsletter|abonnez-vous a notre newsletter|suscribete a nuestro boletin|"
         r"newsletter abonnieren|bultenimize abone olun|berlangganan newsletter|подпишитесь на нашу рассылку|"
         r"订阅我们的[^\n]{0,20}|ニュースレター[^\n]{0,20}登録|اشترك في النشرة|dang ky nhan ban tin)[^\n]{0,60}",
         max_chars=200),
    Rule("boilerplate.related-glued-i18n", "boilerplate", "line", 0.88,
         "A related-headline list in another language, glued or after a colon ('Veja tambémA seleção...').",
         r"(?:veja tambem|tin lien quan|noticias relacionadas|mehr zum thema|sur le meme sujet|новости по теме|"
         r"相关阅读|関連記事|ilgili haberler|baca juga)[:：]?[^\n]{2,400}", max_chars=1000),
    Rule("boilerplate.site-notice", "boilerplate", "line", 0.88,
         "A site notice: correction prompts, cookie banners, tag lists in other languages.",
         r"(?:have a correction\? let us know\.?|spotted an error\?[^\n]{0,80}|нашли ошибку\?[^\n]{0,80}|"
         r"we use cookies[^\n]{0,160}|etiketler:[^\n]{1,120})", max_chars=250),
    Rule("boilerplate.comment-policy", "boilerplate", "line", 0.97,
         "A comment-policy notice ('Please adhere to our commenting policy...').",
         r"[^\n]{0,40}(?:adhere to our comment(?:ing)? policy|comments are moderated|"
         r"we reserve the right to (?:remove|delete) any comment)[^\n]*+", max_chars=600, triggers=("comment",)),
    Rule("boilerplate.rss-footer", "boilerplate", "line", 0.97,
         "An RSS footer: 'The post <title> appeared first on <site>.'",
         r"the post [^\n]{1,300}? appeared first on [^\n]{1,120}", max_chars=600),
    Rule("boilerplate.continue-reading", "boilerplate", "line", 0.95,
         "'Continue reading the main story' (also repeated and glued), 'Continue reading →'.",
         r"(?:continue reading(?: the main story)?[^\S\n]*+(?:→|»|\.{3}|…)?[^\S\n]*+)++", max_chars=400),
    Rule("boilerplate.read-more", "boilerplate", "line", 0.9,
         "A read-more link line ('Read more here.', 'Read the full story here.', 'Baca juga: ...').",
         rf"[ \t>»\-–—*\[(]*+(?:(?:{_READ_MORE})(?: here| at| on| >+| »)?[.!:]?[)\]]?[^\S\n]*+"
         rf"|(?:{_HEADLINE_PREFIX})[^\S\n]*+[:：][^\n]{{1,160}}"
         r"|click here for more on this story from [^\n]{1,80})", max_chars=300),
    Rule("boilerplate.related-header", "boilerplate", "line", 0.92,
         "A related-links header: 'Related:', 'Related Posts:', 'More from Fox News:'.",
         r"(?:related(?: posts| articles| stories| content| news| links| reading)?|you may also like|"
         r"recommended(?: for you)?|more from [^\n:]{2,40}|more stories|trending now|popular posts)[^\S\n]*+:?",
         max_chars=100),
    Rule("boilerplate.related-glued", "boilerplate", "line", 0.9,
         "A related-headline list glued without separators ('RelatedEbola patient ...survivorsEbola outbreak: ...').",
         r"related(?!ness|ly\b)\w[^\n]*+", max_chars=2000),
    Rule("boilerplate.see-more-at", "boilerplate", "line", 0.95,
         "A share-tracker link: '- See more at: URL'.",
         r"[-–—]?[^\S\n]*+see more at:[^\S\n]*+\S++", max_chars=400),
    Rule("boilerplate.filed-under", "boilerplate", "line", 0.9,
         "A blog footer: 'Filed under: tags | N Comments'.",
         r"(?:filed under|posted in|tagged(?: with)?|tags):[^\S\n][^\n]{1,200}", max_chars=300),
    Rule("boilerplate.reader-poll", "boilerplate", "line", 0.95,
         "A reader-poll widget: '% of readers think this story is Fact. Add your two cents.'",
         r"[ \t\d]*+% of readers think this story is [^\n]{1,80}", max_chars=200),
    Rule("boilerplate.site-chrome", "boilerplate", "line", 0.93,
         "Site chrome: 'Before It's News ©', 'RSS Feed for <author>', 'Older articles by <author>', error-page text.",
         r"(?:before it'?s news[^\S\n]*+©?|people powered news[^\S\n]*+®?|rss feed for [^\n]{1,60}|"
         r"older articles by [^\n]{1,60}|"
         r"uploaded by:[^\S\n][^\n]{1,60}|main error mes+age here|more detailed message would go here[^\n]*+|"
         r"on a mobile device\? click here to see the video\.?|all rights reserved\.?)", max_chars=200),
    Rule("boilerplate.sidebar-headline", "boilerplate", "line", 0.85,
         "A sidebar teaser repeated across articles: 'Headline: <teaser>!'.",
         r"headline: [^\n]{5,160}", max_chars=200),
    Rule("boilerplate.republish-notice", "boilerplate", "line", 0.85,
         "Site notices about sharing or submitting ('We encourage you to share and republish our reports', "
         "op-ed guidelines).",
         r"[^\n]{0,40}(?:we encourage you to share and republish|please read our guidelines on submissions|"
         r"click here to see all we share)[^\n]*+", max_chars=400,
         triggers=("republish", "guidelines", "all we share")),
    Rule("boilerplate.see-more-at-glued", "boilerplate", "span", 0.95,
         "A share-tracker link glued onto the last sentence: '...asylum.- See more at: URL'.",
         r"[ \t]*+[-–—]?[ \t]*+see more at:[ \t]*+\S++[ \t]*+$", anchor="any", triggers=("see more at:",)),
    Rule("boilerplate.continued-below", "boilerplate", "span", 0.95,
         "An ad-break marker at the start of a paragraph: 'Continued below...'.",
         r"(?:(?:continued below|story continues below|article continues below)(?:\.{3}|…|:)?[ \t]*+)++",
         anchor="start", triggers=("continue",)),
    Rule("scam.gold-ira-promo", "scam", "line", 0.85,
         "An in-article promo for moving retirement savings into gold.",
         r"[^\n]{0,200}(?:ira backed by physical gold|into an ira backed by|gold ira (?:kit|guide))[^\n]*+",
         max_chars=1000, triggers=("ira",)),
    Rule("markup.javascript-line", "markup", "line", 0.95,
         "JavaScript that leaked into the text (SDK loaders, player set-up, ad-server calls).",
         r"(?:\(function[^\S\n]*+\(|var[^\S\n]++\w++[^\S\n]*+=|window\.\w++|document\.\w++|(?:oo|dm|googletag|fbq|gtag|_gaq|"
         r"bf_static)\b[\w.]*+[^\S\n]*+[.(=]|function[^\S\n]*+\w*+[^\S\n]*+\()[^\n]*+", max_chars=100000),
    Rule("markup.javascript-glued", "markup", "span", 0.9,
         "JavaScript glued onto the end of an article sentence ('... follows below. BF_STATIC.timequeue.push(...)', "
         "'document.write(...)').",
         r"[ \t]*+(?:(?<![\w$.])(?:[a-z_$][\w$]*+\.)*+[a-z_$][\w$]*+[ \t]*+"
         r"(?:\([ \t]*+(?:function\b|document\b|window\b)"
         r"|=[ \t]*+function\b)|(?<![\w$])document\.write(?:ln)?[ \t]*+\([ \t]*+['\"<])[^\n]*+",
         anchor="any", triggers=("(function", "( function", "= function", "=function", "(document", "(window",
                                 "document.write")),
    Rule("markup.html-tags", "markup", "line", 0.9,
         "A line of leaked HTML tags, comments or entities.",
         rf"(?:(?:</?(?:{_HTML_TAGS})\b(?:[^\S\n]++[^<>\n]{{0,300}})?/?>|<!--[^\n]{{0,300}}?-->|"
         r"&(?:nbsp|amp|lt|gt|quot|#\d++);)[^\S\n]*+)++", max_chars=100000),
    Rule("markup.html-glued", "markup", "span", 0.9,
         "HTML closing tags or comments glued onto the end of a line ('...dialogue.</div></div>').",
         rf"(?:</(?:{_HTML_TAGS})>|<!--[^\n]{{0,300}}?-->|<(?:{_HTML_TAGS})\b[^<>\n]{{0,300}}>)"
         rf"(?:[^\S\n]*+(?:</?(?:{_HTML_TAGS})\b[^<>\n]{{0,300}}>|<!--[^\n]{{0,300}}?-->))*+[^\S\n]*+$",
         anchor="any", triggers=("</", "<!--", "<div", "<span", "<p ", "<a ", "<img", "<script")),
    Rule("markup.nbsp-glued", "markup", "span", 0.9,
         "Non-breaking-space entities left at the end of a line ('...after Pope Francis.&nbsp;&nbsp;').",
         r"(?:&(?:nbsp|#160|#xa0);[^\S\n]*+)++(?=\n|\Z)", anchor="any", triggers=("&nbsp;", "&#160;", "&#xa0;")),
    Rule("boilerplate.label-glued", "boilerplate", "span", 0.4,
         "An ad or share label glued onto the end of a line ('...ayahkuADVERTISEMENT'). "
         "Evidence only (below the weight that acts alone): the tail goes when the model also reads it as junk.",
         rf"(?:{_ADVERT}|{_SHARE_LABEL})[:：]?[^\S\n]*+(?=\n|\Z)",
         anchor="any", triggers=tuple(w for w in (_ADVERT + "|" + _SHARE_LABEL).split("|")
                                      if "(" not in w and "?" not in w)
                                + ("advertisement", "分享", "شارك", "sponsored")),
    Rule("seo-link.spam-domain", "seo-link", "term", 0.6,
         "A domain whose name advertises spam (porn, casino, betting, pills, escorts); the hit starts at the stem.",
         rf"(?:{'|'.join(_SPAM_STEMS)})"
         r"[a-z0-9-]*+\.(?:com|net|org|info|biz|xyz|top|co|tv|me|in|io|ru|pro|club|site|online)\b[^\s]*+",
         anchor="any", triggers=_SPAM_STEMS),
)


# Dodges of word filters. The matching view folds them away (it drops invisible characters and joins spaced
# letters so that phrases still match), so these rules match the ORIGINAL text, and only where their hint shows.
# Letters of scripts that write words with spaces and no joiners: Persian and Indic text use zero-width joiners
# and Korean has one-syllable words, so neither counts.
_WORD_LETTER = r"[\p{Latin}\p{Cyrillic}]"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
DODGE_RULES: tuple[Rule, ...] = (
    Rule("other.invisible-in-word", "other", "term", 0.8,
         "Invisible characters inside a word ('Lon\\u200bdon e\\u2060scort'): a word hidden from filters.",
         rf"(?<={_WORD_LETTER})[{ZERO_WIDTH}]++{_WORD_LETTER}++(?:[{ZERO_WIDTH}]++{_WORD_LETTER}++)*+", anchor="any",
         triggers=tuple(ZERO_WIDTH)),
    Rule("other.spaced-letters", "other", "term", 0.8,
         "A word spelt in spaced letters ('o n l i n e c a s i n o'): a word hidden from filters.",
         r"(?<![\w&])(?:[\p{Latin}\p{Cyrillic}\p{Han}] ){3,}[\p{Latin}\p{Cyrillic}\p{Han}](?!\w)", anchor="any",
         triggers=(" ",)),
)
def _read_lexicon_file(name: str, text: str) -> Rule:
    header: dict[str, str] = {}
    phrases: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            header[key.strip()] = value.strip()
        elif line:
            phrases.append(fold(line))
    missing = {"id", "category", "language", "description"} - header.keys()
    if missing:
        raise ValueError(f"lexicon file {name}: header lacks {sorted(missing)}")
    # The header's category is checked when the Rule is made (a ValueError naming the rule, as for any rule).
    return Rule(header["id"], cast(Category, header["category"]), "term", 0.9, header["description"],
                languages=(header["language"],), phrases=tuple(dict.fromkeys(p for p in phrases if p)),
                anchor="any")


@lru_cache(maxsize=1)
def lexicon_rules() -> tuple[Rule, ...]:
    """One rule per word list in spamguard/lexicon/ (read once, on first use)."""
    folder = resources.files("spamguard") / "lexicon"
    if not folder.is_dir():
        return ()
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)
    return tuple(_read_lexicon_file(p.name, p.read_text(encoding="utf-8")) for p in files)


def all_rules() -> tuple[Rule, ...]:
    """Every rule: the hand-written table, then the lexicon rules."""
    return RULE_TABLE + lexicon_rules()


def __getattr__(name: str) -> tuple[Rule, ...]:  # RULES is built on first access: importing this module reads no files
    if name == "RULES":
        return all_rules()
    raise AttributeError(name)
