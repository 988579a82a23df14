"""Named vocabularies, assembled in one place: tags, class/id tokens and boilerplate lines.

Structure decides first (text and link density, position, repetition); these lists only name
what markup authors everywhere call their clutter.  Nothing here is keyed to one site.
"""

from __future__ import annotations

import re

#: Elements that can never hold article content.
NEVER_CONTENT_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "applet",
        "canvas", "svg", "math", "map", "audio", "video", "source", "track", "form", "input",
        "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "dialog",
        "menu", "head", "link", "meta", "base", "param", "frame", "frameset",
    }
)  # fmt: skip

#: Page chrome: dropped unless it is (or holds) the article itself.
CHROME_TAGS = frozenset({"nav", "aside", "footer", "header"})

#: Block-level elements: each starts a new block of text.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir",
        "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption",
        "legend", "br", "img", "picture",
    }
)  # fmt: skip

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Class/id tokens of clutter, by category.  Matched against whole tokens split on -, _ and
# space, so "share" hits "post-share-bar" but not "shareholder".
_CLUTTER_TOKENS: dict[str, tuple[str, ...]] = {
    "navigation": (
        "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs",
        "crumbs", "pagination", "pager", "skip", "skiplink", "toolbar", "masthead", "topbar",
    ),
    "social": (
        "share", "shares", "sharing", "social", "sociallinks", "socialmedia", "sharebar",
        "sharetools", "addthis", "sharethis", "follow", "facebook", "twitter", "whatsapp",
        "pinterest", "linkedin", "reddit", "email", "print", "tweet",
    ),
    "recommended": (
        "related", "recommended", "recommendations", "recirc", "recirculation",
        "popular", "trending", "mostread", "mostpopular", "readmore", "outbrain",
        "taboola", "teaser", "teasers", "promo", "promoted", "sponsored", "upnext", "next",
        "prev", "previous", "also", "suggested", "youmaylike", "morestories", "rail",
    ),
    "ads": (
        "ad", "ads", "adv", "advert", "advertisement", "advertising", "adslot", "adunit",
        "dfp", "gpt", "banner", "commercial", "sponsor",
    ),
    "chrome": (
        "footer", "header", "sidebar", "widget", "widgets", "modal", "popup", "overlay",
        "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "subscription",
        "signup", "paywall", "login", "register", "comments", "comment", "disqus", "respond",
        "tags", "tag", "tagcloud", "keywords", "topics", "categories", "byline", "author",
        "authors", "bio", "dateline", "timestamp", "meta", "hidden", "hide", "offscreen",
        "sronly", "visuallyhidden", "copyright", "disclaimer", "toc", "caption", "credit",
        "credits", "alert", "notice", "banner", "gallery", "slideshow", "carousel", "slider",
        "lightbox",
    ),
}  # fmt: skip

#: Marks that end a sentence, in the scripts pages are written in: Latin, CJK (with the
#: half-width forms), Arabic and Urdu, the Indic dandas, Myanmar, Ethiopic, Armenian, Khmer and
#: Tibetan.  One list for every path that asks whether a text ends a sentence.
FULL_STOPS = ".!?。！？．｡…؟۔।॥။።։។៕།"
#: Marks that end a clause set off (a colon before a quotation, a semicolon).
CLAUSE_STOPS = ":;：；؛"
#: Quotation marks and brackets that close after a sentence's last mark ("…end.”", "。」").
CLOSING_MARKS = '"”’»)）」』】〕'
#: Typographic quotes and their typewriter forms: texts compared for sameness read one as the
#: other ("’" for "'").
QUOTE_MARKS = {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "`": "'"}
QUOTE_FOLD = str.maketrans(QUOTE_MARKS)

#: Class tokens of buttons and calls to action drawn as links or boxes ("btn-primary",
#: "quick-view", "add-to-cart", "card__actions"): on a list's cards their labels are controls.
CONTROL_TOKENS = frozenset(
    {
        "btn", "button", "cta", "quickview", "quick", "wishlist", "cart", "addtocart", "atc",
        "action", "actions",
    }
)  # fmt: skip

#: Class tokens that name a part of a layout as often as its chrome ("listicle-header",
#: "card__meta", "hero-slider"): an element named only by these is content when it reads as
#: prose.  Names of people, promotions and calls to action (author, newsletter...) are not.
LAYOUT_TOKENS = frozenset(
    {
        "header", "meta", "widget", "widgets", "caption", "credit", "credits", "toc", "menu",
        "gallery", "slideshow", "carousel", "slider", "lightbox", "banner", "masthead", "notice",
        "alert", "tags", "tag", "topics", "categories", "next", "prev", "previous", "also",
        "rail", "toolbar", "topbar",
    }
)  # fmt: skip

#: Clutter that can hold more prose than the article itself, and still is never the article.
HARD_CLUTTER_TOKENS = frozenset(
    {"comments", "comment", "commentlist", "disqus", "respond", "replies", "discussion"}
)

#: Tokens that hide an element only as a whole class: "hidden" is clutter, while
#: "overflow-hidden", "label-hidden" or "accordion-panel-hidden" style content that readers see.
_HIDING_TOKENS = frozenset({"hidden", "hide", "offscreen", "sronly", "visuallyhidden"})

CLUTTER_TOKENS: frozenset[str] = frozenset(
    t for ts in _CLUTTER_TOKENS.values() for t in ts if t not in _HIDING_TOKENS
)

#: Whole classes that hide an element from sighted readers (screen-reader text, toggled-off).
HIDING_CLASSES = frozenset(
    {
        "hidden", "hide", "is-hidden", "offscreen", "sr-only", "sronly", "visually-hidden",
        "visuallyhidden", "screen-reader-text", "screen-reader-only", "u-hidden", "d-none",
    }
)  # fmt: skip

#: Whole classes of text written for screen readers only: sighted readers never see it.
SCREEN_READER_CLASSES = frozenset(
    {
        "sr-only", "sronly", "visually-hidden", "visuallyhidden", "screen-reader-text",
        "screen-reader-only", "element-invisible", "show-for-sr", "assistive-text",
    }
)  # fmt: skip

#: Compound class tokens that begin with a clutter word ("relatedposts", "sharebuttons").
CLUTTER_PREFIX = re.compile(
    r"^(related|sidebar|newsletter|advert|breadcrumb|social|sharing|share(bar|tool|button|link|icon)|"
    r"subscri|sponsor|cookie|comments?(?!ary)|footer|widget|recommend|promo(?!t)|popular|trending)"
)

TOKEN_SPLIT = re.compile(r"[\s_\-:./]+|(?<=[a-z])(?=[A-Z])")


def tokens(value: str) -> set[str]:
    """Lower-cased class/id tokens; camelCase is split too ("shareBar" → share, bar)."""
    return {t.lower() for t in TOKEN_SPLIT.split(value) if t}


#: Whole blocks that are boilerplate in any article (compared after folding case and spaces).
BOILERPLATE_LINES = re.compile(
    r"^(?:exit mobile version|recommended videos?|recommended( for you)?|advertisement|adverts?|"
    r"anzeige|werbung|publicidad|publicité|pubblicità|reklama|реклама|広告|广告|광고|"
    r"advertisements?|ad|sponsored( content)?|skip to (main )?content|skip to navigation|"
    r"share this( article| story| post)?|share( on (facebook|twitter|x|linkedin|whatsapp|email))?|"
    r"(click|tap) to share.*|related( articles| posts| stories| content)?|"
    r"read more|read next|more from .{1,40}|you (may|might) (also )?like|"
    r"(sign up|subscribe)( now| today)?( for| to)?( our)?( free)?( daily| weekly)?( newsletter)?|"
    r"follow us( on .{1,30})?|print( this( article| page))?|email( this( article))?|"
    r"comments?|leave a (comment|reply)|(show|load|view) (more )?comments|"
    r"(this|the) article (is|was) (originally )?published.{0,60}|"
    r"image (source|credit).{0,60}|photo:? .{1,60}(getty|reuters|ap|afp|shutterstock).{0,20}|"
    r"(getty images|shutterstock|reuters|ap photo|afp)( via .{1,30})?|"
    r"all rights reserved\.?|copyright .{1,80}|© .{1,80}|"
    r"we use cookies.{0,200}|this (site|website) uses cookies.{0,200}|accept( all)?( cookies)?|"
    r"related videos?|watch( now| more)?|most (read|popular|viewed)|trending( now)?|"
    r"top stories|latest news|continue reading|back to top|"
    r"(this )?(story|article) continues below( advertisement)?|story continues below|"
    r"loading\.*|please wait\.*|close|menu|search|home)$",
    re.IGNORECASE,
)
