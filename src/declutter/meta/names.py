"""Author strings into names: "By"-style prefixes, roles, credentials, dates, handles, URLs
and "| Staff" tails come off; several authors are split; what is left must read as a name.

Every source of authors (JSON-LD, meta tags, markup, by-lines) goes through these rules.
"""

from __future__ import annotations

import re

from .jsonld import clean_text

_SPACE = re.compile(r"\s+")
_URLISH = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|(?<!\w)@\w+", re.IGNORECASE)
URL_ONLY = re.compile(r"^\s*(?:https?:|www\.|/)\S*\s*$", re.IGNORECASE)
_EMPTY_PARENS = re.compile(r"[(\[]\s*[)\]]")
#: A short nickname in brackets between two words of a name: "Richard (R.J.) Eskow".
_NICKNAME = re.compile(r"(?<=[^\W\d_])\s+[(\[][^()\[\],;]{1,12}[)\]]\s+(?=[^\W\d_])")
# "By", "Written by", "Von", "Par", "Por", "Door", "Av", "Przez", "Author:", … at the start.
_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|reported|published|story|text|words|photos?|interview|"
    r"geschrieben|écrit|escrito|scritto)\s+)?(?:by|from|via|von|par|por|door|av|af|przez|od|"
    r"texte?|author|authors|autor|autorin|autore|auteure?s?|autores|writer|"
    r"reporter|reporting|bylined?|bởi|tarafından|автор|авторы|بقلم|كتب|كتبه|بواسطة|"
    r"מאת|लेखक)\b\s*[:：\-–—]?\s*"
    # Lower-case Italian/Portuguese "di"/"da" only: capitalised, they begin names (Di Caprio).
    r"|^\s*(?-i:di|da|de)\s+(?=[A-ZÀ-Ý])",
    re.IGNORECASE,
)
# The same words inside a longer line ("Tech Industry by Steven Musil").
_BY_INSIDE = re.compile(r"(?:^|\s)(?:by|von|par|por|door|przez)\s*:?\s+", re.IGNORECASE)
_STRONG_SEP = re.compile(r"\s*(?:[;|•·/\n\t»]|\s[-–—]\s)\s*")
_WORD_SEP = re.compile(
    r"\s+(?:and|&|und|et|y|e|en|og|och|ja|ve|и|și|és|with|avec|mit|con|sowie)\s+"
    r"|^(?:and|with|avec|mit|con|und|et|y)\s+|\s*&\s*",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
#: A digit that starts a word: a date or a count trailing a by-line, not part of a handle.
_WORD_DIGIT = re.compile(r"(?<!\w)\d")
#: A forum handle: one word of letters that ends in digits ("paulb203", "InsaneSnow45").
_HANDLE = re.compile(r"^[^\W\d_][\w.-]*[^\W\d_][\w.-]*\d+$")
_TRIM = " \t\n\r,.;:|-–—•·*()[]{}\"'“”‘’«»"

_CREDENTIALS = frozenset(
    """
    ma md phd ph.d ph.d. mph ms msc bsc ba mba rn dds do jr jr. sr sr. ii iii iv esq esq. facp
    fache mrcp frcp lcsw cpa
    """.split()  # noqa: SIM905
)
#: Words of roles and labels: a part that ends with one ("AP Auto Writer") is not a name.
_ROLE_WORDS = frozenset(
    """
    staff writer writers editor editors editorial reporter reporters correspondent
    correspondents contributor contributors contributing columnist journalist journalists
    photographer photographers technologist senior associate assistant chief director manager
    president vice producer anchor host intern fellow professor journaliste redakteur
    redakteurin rédacteur rédactrice periodista redactor giornalista correspondente jornalista
    admin administrator author authors autor autorin auteur auteurs
    """.split()  # noqa: SIM905
)
#: Words of organisations and page furniture: a name holds at most one of them.
_ORG_WORDS = frozenset(
    """
    news desk team agency press wire report reports comments comment share follow profile
    more articles article about redaktion rédaction redacción redazione anonymous unknown
    guest sign subscribe view all posts bio email twitter facebook instagram linkedin health
    technology project media group network magazine online digital institute foundation
    association society university company inc ltd llc corp analysis opinion sponsored
    content partner partners via source sources image images photo photos video
    illustration illustrations multiple various
    """.split()  # noqa: SIM905
)
#: Words of dates and page furniture that trail a by-line ("Steven Musil January 18, …").
_DATE_WORDS = frozenset(
    """
    updated update published posted last min mins read reading minutes hours ago today
    yesterday am pm on at staff monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat sun
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()  # noqa: SIM905
)
_NON_NAME = _ROLE_WORDS | _ORG_WORDS | _DATE_WORDS
_GENERIC_NAMES = frozenset(
    """
    admin administrator staff editor editors redaktion rédaction redacción redazione anonymous
    unknown guest team webmaster multiple various staff reports
    """.split()  # noqa: SIM905
)
_BAD_CHARS = re.compile(r"[=;{}<>_#$%*+\\]|\w\.(?:com|org|net|co|uk|de|fr|es|it|in|io|ru|jp)\b")
_SENTENCE_SEP = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=[A-Z])")
_LABEL = re.compile(r"^[^\W\d_]{2,15}\s*:\s+")
#: A template's unfilled field ("page.head.extra.author"): a dotted path of lower-case words.
_FIELD_PATH = re.compile(r"^[a-z]+(?:\.[a-z]+){2,}$")
_CJK_NAMES = re.compile(
    r"^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,5}(?:\s+[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,5})+$"
)
# Chinese/Japanese/Korean role words before or after a name: 记者 王晓燕, 文/张三, 홍길동 기자.
_CJK_ROLE = re.compile(
    r"^(?:本报|本刊|特约)?(?:记者|記者|作者|撰文|撰稿|文|通讯员|通訊員|特派员|特派員|编译|編譯|"
    r"기자|글)\s*[/／:：|丨]?\s*|\s*(?:记者|記者|기자|특파원|객원기자|報道|报道)$"
)


def fold_name(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _titlecase_if_shouting(name: str) -> str:
    letters = [c for c in name if c.isalpha()]
    if (
        len(letters) > 3
        and all(c.isupper() for c in letters)
        and all(c.isascii() or c.isalpha() for c in name)
    ):
        return " ".join(w[:1] + w[1:].lower() for w in name.split(" "))
    return name


def _shouted_run(name: str) -> str:
    """ "TOM KRISHER AP Auto Writer" → "TOM KRISHER": a capitals name before a mixed-case tail."""
    words = name.split()
    if len(words) < 3:
        return name
    caps = 0
    shouted = 0  # words of two letters or more: initials ("J. R. Smith") shout nothing
    for w in words:
        letters = [c for c in w if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters):
            break
        caps += 1
        shouted += len(letters) > 1
    if shouted < 2 or caps == len(words):
        return name
    while caps > 2 and len(words[caps - 1]) <= 3:
        caps -= 1
    return " ".join(words[:caps])


def _clean_part(part: str) -> str:
    part = _PREFIX.sub("", part.strip(_TRIM), count=1)
    m = _WORD_DIGIT.search(part)
    if m:
        part = part[: m.start()]
    words = part.strip(_TRIM).split()
    while words and words[-1].strip(_TRIM).lower() in _DATE_WORDS:
        words.pop()
    return " ".join(words).strip(_TRIM)


def is_name(text: str) -> bool:
    """Whether ``text`` reads like a person's (or a named body's) name."""
    if not text or len(text) > 60 or "@" in text or "://" in text or _FIELD_PATH.match(text):
        return False
    if _DIGIT.search(text):
        return bool(_HANDLE.match(text)) and len(text) <= 30
    if _BAD_CHARS.search(text) or "admin" in text.lower():
        return False
    words = text.split()
    if len(words) > 6:
        return False
    if not any(c.isalpha() for c in text):
        return False
    lowered = [w.strip(_TRIM).lower() for w in words]
    if all(w in _NON_NAME or w in _CREDENTIALS for w in lowered):
        return False
    if " ".join(lowered) in _GENERIC_NAMES:
        return False
    # A role ends with its role word ("AP Auto Writer", "CNN Editor-at-large").
    if lowered[-1].split("-")[0] in _ROLE_WORDS and len(words) > 1:
        return False
    return sum(w in _NON_NAME for w in lowered) <= 1


#: A user name as forums and platforms show it: one token of letters with digits, "_", "."
#: or "-" ("ron1cne", "Mr_Enigmatic", "b.scherer").
_USER_NAME = re.compile(r"^(?=[\w.-]*[^\W\d_])[\w.-]{2,40}$")
_DOMAIN_END = re.compile(r"\.(?:com|org|net|co|io|uk|de|fr|es|it|in|ru|jp|info|biz)$", re.I)


def user_name(text: str) -> str | None:
    """``text`` when it is one user name declared as a person (a JSON-LD ``Person``, the
    starter of a thread), else None: no generic label, no address."""
    text = text.strip()
    if not _USER_NAME.match(text) or URL_ONLY.match(text) or _DOMAIN_END.search(text):
        return None
    if _FIELD_PATH.match(text):
        return None
    if text.casefold() in _GENERIC_NAMES or text.strip("._-").casefold() in _NON_NAME:
        return None
    return text


#: Words a writer's title opens with ("Senior Autos Reporter", "Former Staff Writer").
_TITLE_OPENERS = _ROLE_WORDS | frozenset({"former", "lead", "executive", "head", "deputy"})
_COLLECTIVE = frozenset({"team", "desk", "staff", "board", "editors", "writers", "reporters"})


#: A team named as the author: "The Upwork Team", "Great Day Editorial Team", "DianaHR Team".
_TEAM = re.compile(
    r"^(?:the\s+)?(?P<brand>[^\W\d_][\w&'’.+-]*(?:\s+[\w&'’.+-]+){0,3}?)"
    r"\s+(?:editorial\s+)?(?:team|editors|newsroom|desk)$",
    re.IGNORECASE,
)
_GLUED_BY = re.compile(r"^\s*[Bb]y(?=[A-Z])")
_FIRST_FIELD = re.compile(r"\s*[|•·]\s*")
#: Words that make a team's name say nothing about whose team it is ("Our Editors").
_VAGUE_TEAMS = frozenset({"our", "editorial", "news", "content", "web", "site", "staff", "the"})


def team_name(text: str) -> str | None:
    """The team's name when an author string names a team of the site rather than a person
    (an organisation, asked for only when no person is named), else None."""
    text = _GLUED_BY.sub("", clean_text(text))
    text = _PREFIX.sub("", text.strip(_TRIM), count=1)
    text = _FIRST_FIELD.split(text, maxsplit=1)[0].strip(_TRIM)
    m = _TEAM.match(text)
    if m is None or len(text) > 60:
        return None
    brand = m.group("brand")
    if not brand[:1].isupper() or brand.casefold() in _VAGUE_TEAMS:
        return None
    return text


def _before_role(name: str) -> str:
    """ "Keith Barry Senior Autos Reporter" → "Keith Barry": a name followed by the writer's
    title, capitalised, without a comma between them (left whole when it reads as a name)."""
    words = name.split()
    if len(words) < 3 or is_name(name):
        return name
    for i in range(2, len(words)):
        tail = [w.strip(_TRIM).lower() for w in words[i:]]
        if len(tail) > 4 or not words[i][:1].isupper() or tail[0] not in _TITLE_OPENERS:
            continue
        if tail[-1] in _COLLECTIVE:
            return name  # "Great Day Editorial Team": a team's name, not a person's
        head = words[:i]
        if any(w.isupper() and len(w) <= 3 for w in head):
            return name  # an acronym: "AP Auto Writer" is a role, not a name and a role
        if is_name(" ".join(head)):
            return " ".join(head)
    return name


def _reorder_last_first(segment: str) -> str:
    """ "Jong, Michiel de" → "Michiel de Jong"; other strings are returned unchanged."""
    parts = [p.strip() for p in segment.split(",")]
    if (
        len(parts) == 2
        and len(parts[0].split()) == 1
        and 1 <= len(parts[1].split()) <= 3
        and parts[1].strip(_TRIM).lower() not in _CREDENTIALS
        and not _WORD_SEP.search(segment)
        and parts[0][:1].isupper()
    ):
        return f"{parts[1]} {parts[0]}"
    return segment


def split_authors(text: str | None) -> list[str]:
    """Names in an author string: "By A and B | Staff" → ["A", "B"]."""
    if not text:
        return []
    text = clean_text(text)
    text = _URLISH.sub(" ", text)
    text = _EMPTY_PARENS.sub(" ", text)
    text = _NICKNAME.sub(" ", text)
    text = text.replace("(", ", ").replace(")", ", ").replace("[", ", ").replace("]", ", ")
    text = _LABEL.sub("", text.strip(_TRIM), count=1)
    text = _CJK_ROLE.sub("", text).strip()
    stripped = _PREFIX.sub("", text, count=1)
    if stripped == text:
        m = _BY_INSIDE.search(text)
        if m and m.start() <= 40:
            stripped = text[m.end() :]
    stripped = _SENTENCE_SEP.sub("; ", stripped)
    names: list[str] = []
    full_name = False  # a name of two words or more was found
    for segment in _STRONG_SEP.split(stripped):
        segment = _reorder_last_first(segment.strip(_TRIM))
        got_name = False
        for comma_part in segment.split(","):
            comma_part = comma_part.strip(_TRIM)
            if not comma_part:
                continue
            if comma_part.lower().strip(".") in _CREDENTIALS or comma_part.lower() in _CREDENTIALS:
                continue
            stop = False
            for i, sub in enumerate(_WORD_SEP.split(comma_part)):
                name = _before_role(_shouted_run(_clean_part(sub or "")))
                if full_name and i == 0 and name and " " not in name:
                    continue  # "Jane Doe, CNN" / "Jane Doe | Outlet": not a second author
                if name and _CJK_NAMES.match(name):
                    names.extend(name.split())  # "李明 王芳": CJK names hold no spaces
                    got_name = True
                    continue
                if name and is_name(name):
                    names.append(_titlecase_if_shouting(name))
                    got_name = True
                    full_name = full_name or " " in name
                elif got_name and sub and sub.strip(_TRIM):
                    stop = True
                    break
            if stop:
                break
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        key = fold_name(name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out
