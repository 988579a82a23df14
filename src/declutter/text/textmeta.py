"""What a text scrape shows about its page: breadcrumb, headline, byline and date lines."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ..meta.datewords import MONTHS
from ..prune import fold
from .blocks import word_count

_CRUMB_SEP = re.compile(r"\s+(?:›|»|>|/|\||→|::|·|•|—|–|-|»|‹|<)\s+|\s*[›»→]\s*")
_EMAIL = re.compile(r"\S+@\S+")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_STRONG = re.compile(r"[›»>→]|\s/\s")
_HOME = re.compile(
    r"^(?:home|home ?page|start|startseite|accueil|inicio|início|inizio|главная|головна|"
    r"strona główna|úvod|kezdőlap|etusivu|hjem|hem|forside|anasayfa|ana sayfa|首页|首頁|"
    r"ホーム|홈|trang chủ|الرئيسية|דף הבית|αρχική|beranda|หน้าแรก)$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:(?:by|von|par|por|di|door|af|av|przez|autor(?:a|in)?:?|author:?|text:?|"
    r"written by|posted by|автор:?|от)\s+|(?:记者|作者[:：]?|文[/／]|記者)\s*)"
    r"(?P<names>[^\n]{2,200})$",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bи\b|\bi\b)\s*")
_TRAILER = re.compile(r"\s*(?:[|,•·–—-]\s*)?(?:\d.*)?$")

_TITLE_TAIL = re.compile(r"\s+[|\-–—:·•»]\s+[^|\-–—:·•»]{1,60}$")


def strip_site_tail(title: str) -> str:
    """Drop a " | Site" / " - Site" tail from a document title."""
    stripped = _TITLE_TAIL.sub("", title)
    return stripped if word_count(stripped) >= 3 else title


_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?")
_DMY = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_YMD_CJK = re.compile(r"(\d{4})\s*[年.]\s*(\d{1,2})\s*[月.]\s*(\d{1,2})")
_WORDY = re.compile(
    r"(?:(\d{1,2})\.?\s+(?:de\s+)?([^\W\d_]{3,12})\.?,?\s+(?:de\s+)?(\d{4}))|"
    r"(?:([^\W\d_]{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))",
    re.IGNORECASE,
)
_ZONE = re.compile(r"(?::\d{2}(?:\.\d+)?)?([+-]\d{2}:?\d{2}|[Zz])\b")
_ANY_DIGIT = re.compile(r"\d")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)?", re.IGNORECASE)


def parse_breadcrumb(line: str) -> tuple[str, ...]:
    """A trail line → its crumbs, or () when the line does not read like a trail."""
    text = line.strip()
    if not text or len(text) > 160 or text[-1] in ".!?":
        return ()
    parts = [p.strip() for p in _CRUMB_SEP.split(text) if p.strip()]
    if not all(_HAS_LETTER.search(p) for p in parts):
        return ()  # "Image 1 of / 8", "Sports › ‹": not a trail
    if len(parts) >= 2 and all(word_count(p) <= 5 for p in parts) and len(parts) <= 8:
        if not _STRONG.search(text) and any(word_count(p) > 2 for p in parts):
            return ()  # "Share on Facebook | Pinterest": a weak separator needs short parts
        return tuple(parts)
    words = text.split()
    if 2 <= len(words) <= 4 and _HOME.match(words[0]) and all(w[:1].isupper() for w in words):
        return tuple(words)
    return ()


@functools.lru_cache(maxsize=4096)
def parse_byline(line: str) -> tuple[str, ...]:
    """A "By …" line → author names (a trailing date or role is left out)."""
    m = _BYLINE.match(line.strip())
    if not m:
        return ()
    names_text = re.split(
        r"\s+[|•·–—]\s+|\s+-\s+|\s+(?:on|am|le|el|il|em|op)\s+(?=\S*\d)|"
        r",?\s*(?=\S*\d)|\s+\d",
        m.group("names"),
    )[0]
    names_text = _EMAIL.sub("", names_text)
    names = [n.strip(" .,;:") for n in _NAME_SPLIT.split(names_text)]
    names = [n for n in names if n and word_count(n) <= 5]
    if len(names) > 4 or any(re.search(r"\d|[.!?]$", n) for n in names):
        return ()
    if not names or any(n[:1].islower() for n in names):
        return ()
    return tuple(names)


@functools.lru_cache(maxsize=4096)
def parse_date(line: str) -> str | None:
    """The date (ISO 8601, with time when shown) of a short date line, else None."""
    text = line.strip()
    if not text or word_count(text) > 14:
        return None
    year = month = day = None
    m = _ISO.search(text)
    if m or (m := _YMD_CJK.search(text)) is not None:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif (m := _WORDY.search(text)) is not None:
        if m.group(1):
            day, name, year = int(m.group(1)), m.group(2), int(m.group(3))
        else:
            name, day, year = m.group(4), int(m.group(5)), int(m.group(6))
        month = MONTHS.get(name.lower().rstrip("."))
    elif (m := _DMY.search(text)) is not None:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day, month = (a, b) if "." in m.group(0) or a > 12 else (b, a)
    if not (year and month and day) or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if not 1990 <= year <= 2100:
        return None
    date = f"{year:04d}-{month:02d}-{day:02d}"
    iso_time = m is not None and m.re is _ISO and m.group(4) is not None
    t = None if m is None or iso_time else _TIME.search(text[m.end() :])
    if iso_time or t:
        if iso_time and m is not None:
            hour, minute, ampm = int(m.group(4)), int(m.group(5)), ""
        else:
            assert t is not None
            hour, minute = int(t.group(1)), int(t.group(2))
            ampm = (t.group(3) or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            zone = ""
            if iso_time and m is not None:
                z = _ZONE.match(text, m.end())
                zone = z.group(1).replace("z", "Z") if z else ""
            return f"{date}T{hour:02d}:{minute:02d}:00{zone}"
    return date


_INLINE_BY = re.compile(
    r"(?:^|[\s|•·,])(?:by|von|par|por|door|av|af)\s+"
    r"((?:[A-Z][\w'’.-]*|[A-Z]\.)(?:\s+(?:[A-Z][\w'’.-]*|[A-Z]\.|de|da|van|von|der|del|di|le|la)){1,4})"
    r"(?=\s*(?:$|[|•·,;(]|\s-\s|\s\d))"
)


def inline_byline(line: str) -> tuple[str, ...]:
    """A byline inside a dateline ("Monday November 18, 2019 7:45 am PST by Joe Rossignol")."""
    m = _INLINE_BY.search(line)
    return (m.group(1).strip(),) if m else ()


def is_date_line(line: str) -> bool:
    """A short line that is mostly a date (and perhaps a time or a label)."""
    if len(line) > 160 or not _ANY_DIGIT.search(line):
        return False
    return word_count(line) <= 10 and parse_date(line) is not None


def similar_titles(a: str, b: str) -> bool:
    """Whether two title lines name the same headline (one may carry a " | Site" tail)."""
    fa, fb = _words(a), _words(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    short, long_ = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    if len(short) >= 3 and (long_[: len(short)] == short or long_[-len(short) :] == short):
        return True
    shared = len(set(short) & set(long_))
    return len(short) >= 4 and shared >= 0.85 * len(set(short))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def title_like(line: str, *, sentence_ok: bool = False) -> bool:
    """Could ``line`` be a headline?  A line ending in a full stop is a dek, unless the
    document title vouches for it (``sentence_ok``)."""
    n = word_count(line)
    if not 3 <= n <= 30:
        return False
    if n <= 12 and _CLOCK.search(line):
        return False  # "Updated 9:41 AM; Posted 8:19 PM"
    if is_date_line(line) or parse_byline(line) or parse_breadcrumb(line):
        return False
    return sentence_ok or not (line.endswith((".", "。")) and not line.endswith("..."))


def pick_headline(
    lines: Sequence[str], title_at: int | None, start: int
) -> tuple[int | None, str | None]:
    """The headline among ``lines[:start]`` (what precedes the body): (index, text).

    Preference: the line nearest the body that repeats the document title (the first line,
    perhaps with a " | Site" tail); then the nearest title-like line before the body (the
    longest of the few nearest); then the title line itself with its tail dropped.
    """
    if title_at is not None and word_count(lines[title_at]) < 3:
        title_at = None
    if title_at is not None:
        title = lines[title_at]
        for i in range(start - 1, title_at, -1):
            if similar_titles(lines[i], title) and title_like(lines[i], sentence_ok=True):
                return i, lines[i].strip()
    low = title_at + 1 if title_at is not None else 0
    best: tuple[float, int] | None = None
    for i in range(start - 1, max(low - 1, start - 8), -1):
        line = lines[i].strip()
        if not title_like(line):
            continue
        rank = min(word_count(line), 20) - 0.5 * (start - 1 - i)
        if best is None or rank > best[0]:
            best = (rank, i)
    if title_at is not None:
        stripped = strip_site_tail(lines[title_at].strip())
        if title_like(stripped, sentence_ok=True) and (best is None or word_count(stripped) >= 4):
            return title_at, stripped
    if best is None:
        return None, None
    return best[1], lines[best[1]].strip()
