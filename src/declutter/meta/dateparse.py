"""Dates written in many notations, normalised to ISO 8601.

A value comes out as ``YYYY-MM-DD`` when only the day is known, else as
``YYYY-MM-DDTHH:MM:SS`` followed by the offset when the source gives one (``+00:00`` for Z).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from .datewords import BESIDE_DATE, MONTHS

_ISO = re.compile(
    r"^\s*(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*"
    r"(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?\s*$",
    re.IGNORECASE,
)
_SLASH_YMD = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/.-]\d)")
_DMY = re.compile(r"\b(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})\b")
_TIME = re.compile(
    r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}))?",
    re.IGNORECASE,
)
_EPOCH = re.compile(r"^\s*(\d{10})(\d{3})?\s*$")
#: Year, month and day marked by characters ("2025年12月19日", "2025년 12월 19일") or by the
#: Vietnamese words ("ngày 19 tháng 12 năm 2025", "19 tháng 12, 2025": day, month, year).
_CJK = re.compile(r"((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})(?!\d)")
_VIET = re.compile(
    r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,\s*|\s+năm\s+|\s+)((?:19|20)\d{2})(?!\d)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+\.?|\d+(?:st|nd|rd|th|er|e|º|°)?\.?", re.UNICODE)
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)
_URL_DATE_COMPACT = re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/")


def _offset(text: str | None) -> timezone | None:
    if not text:
        return None
    t = text.upper()
    if t in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if t[0] == "-" else 1
    digits = t[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _format(d: date | datetime) -> str:
    if isinstance(d, datetime):
        text = d.replace(microsecond=0).isoformat()
        return text
    return d.isoformat()


def _make(
    year: int,
    month: int,
    day: int,
    hour: int | None = None,
    minute: int = 0,
    second: int = 0,
    tz: timezone | None = None,
) -> date | datetime | None:
    if not 1900 <= year <= 2200:
        return None
    try:
        if hour is None:
            return date(year, month, day)
        return datetime(year, month, day, hour, minute, min(second, 59), tzinfo=tz)
    except ValueError:
        return None


_LEADING_DIGITS = re.compile(r"\d+")
#: Words that may stand between a day and its month ("23 de febrero", "the 5th of May").
_JOINERS = frozenset({"de", "del", "of", "the", "le", "el", "di"})


def _day_of(word: str) -> int | None:
    """The day a word writes ("5", "5th", "05."), or None (a year, a time, not a number)."""
    m = _LEADING_DIGITS.match(word)
    if m is None or len(m.group()) > 2 or word[m.end() : m.end() + 1] == ":":
        return None
    value = int(m.group())
    return value if 1 <= value <= 31 else None


def _day_beside(words: list[str], at: int) -> int | None:
    """The day written just before or just after the month name at index ``at``."""
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(words) and words[i] in _JOINERS:
            i += step
        if 0 <= i < len(words):
            found = _day_of(words[i])
            if found is not None:
                return found
    return None


def _parse_words(text: str) -> date | datetime | None:
    """Free-form dates: "January 7, 2025", "7. März 2021 10:30", "Mon, 23 Feb 2015 10:00 GMT".

    The day is the number written next to the month name ("5 min read · February 6, 2026" is
    the 6th), else the first small number."""
    year = month = day = None
    words = [raw.rstrip(".").lower() for raw in _WORD.findall(text)]
    for i, word in enumerate(words):
        if word[0].isdigit():
            digits = _LEADING_DIGITS.match(word).group()  # type: ignore[union-attr]
            if len(digits) == 4 and year is None:
                year = int(digits)
        elif word in MONTHS:
            # The first month name with a day beside it ("Marco Bambini, Dec 19, 2025": the
            # name that reads as a month has none).
            beside = _day_beside(words, i)
            if beside is not None and day is None:
                month, day = MONTHS[word], beside
            elif month is None:
                month = MONTHS[word]
    if day is None:
        day = next((d for d in map(_day_of, words) if d is not None), None)
    if year is None or month is None or day is None:
        return None
    return _at_time(year, month, day, text)


def _at_time(year: int, month: int, day: int, text: str) -> date | datetime | None:
    """The day, with the time of day ``text`` writes after it when it writes one."""
    m = _TIME.search(text)
    if m is None:
        return _make(year, month, day)
    hour: int | None = int(m.group(1))
    minute, second = int(m.group(2)), int(m.group(3) or 0)
    ampm = (m.group(4) or "").replace(".", "").lower()
    if ampm == "pm" and hour is not None and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour is not None and hour > 23:
        hour = None
    return _make(year, month, day, hour, minute, second, _offset(m.group(5)))


def parse_date_value(text: str | None) -> date | datetime | None:
    """A date or date-time from many common notations, or None."""
    if not text:
        return None
    text = text.strip()
    if not text or len(text) > 200:
        return None
    m = _ISO.match(text)
    if m:
        y, mo, d, hh, mm, ss, tz = m.groups()
        if hh is None:
            return _make(int(y), int(mo), int(d))
        return _make(int(y), int(mo), int(d), int(hh), int(mm), int(ss or 0), _offset(tz))
    m = _EPOCH.match(text)
    if m:
        try:
            return datetime.fromtimestamp(int(m.group(1)), tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    m = _CJK.search(text)
    if m:
        return _at_time(int(m.group(1)), int(m.group(2)), int(m.group(3)), text[m.end() :])
    m = _VIET.search(text)
    if m:
        return _at_time(int(m.group(3)), int(m.group(2)), int(m.group(1)), text[m.end() :])
    m = _SLASH_YMD.search(text)
    if (
        m
        and m.group(2) == "."
        and min(len(m.group(3)), len(m.group(4))) < 2
        and text.strip() != m.group()
    ):
        m = None  # within words, "2024.4.4" is a version number; "2025.12.17" is a date
    if m:
        year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4))
        found = _at_time(year, month, day, text[m.end() :])
        if found is not None:
            return found
    m = _DMY.search(text)
    if m:
        a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if m.group(2) == "-" and a <= 12 and b <= 12:
            return None  # "03-09-2026": US and European readings both common with dashes
        # Day first unless that is impossible (US "12/31/2020").
        return _make(y, b, a) if b <= 12 else _make(y, a, b)
    return _parse_words(text)


#: The longest line read as a bare date.
BARE_DATE_CHARS = 48


def is_bare_date(text: str) -> bool:
    """Whether a short line shows a full date and nothing else ("Dec 17, 2025", "17.05.2021",
    "Friday 5 March 2024, 10:30 am"): such a line beside a headline is the page's date."""
    if len(text) > BARE_DATE_CHARS:
        return False
    for raw in _WORD.findall(text):
        word = raw.rstrip(".").lower()
        if not (word[0].isdigit() or word in MONTHS or word in BESIDE_DATE):
            return False
    return parse_date_value(text) is not None


def normalize_date(text: str | None) -> str | None:
    """ISO 8601 form of a date string (see the module docstring), or None."""
    found = parse_date_value(text)
    return _format(found) if found is not None else None


def date_from_url(url: str | None) -> str | None:
    """A date written in a URL path (``/2021/03/07/`` or ``/20210307/``)."""
    if not url:
        return None
    for pattern in (_URL_DATE, _URL_DATE_COMPACT):
        m = pattern.search(url)
        if m:
            found = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if found is not None:
                return _format(found)
    return None


def _sort_key(value: str) -> tuple[datetime, bool]:
    """Comparable form: naive values compare as if in UTC; bare dates at midnight."""
    found = parse_date_value(value)
    if isinstance(found, datetime):
        if found.tzinfo is not None:
            found = found.astimezone(timezone.utc).replace(tzinfo=None)
        return found, True
    if isinstance(found, date):
        return datetime(found.year, found.month, found.day), False
    return datetime.min, False


def not_after(published: str, modified: str) -> bool:
    """Whether ``published`` is not later than ``modified`` (days compared when one is a date)."""
    p, p_time = _sort_key(published)
    m, m_time = _sort_key(modified)
    if not (p_time and m_time):
        # A bare day is the page's local day: compare it with the other's local day, not UTC's.
        return (normalize_date(published) or "")[:10] <= (normalize_date(modified) or "")[:10]
    # Allow a few hours of slack: offsets are often missing on one side.
    return p <= m + timedelta(hours=14)
