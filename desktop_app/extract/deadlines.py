"""Deadlines in plain words, resolved against the publication date:
"within two months", "over the next five years", "by the end of February 2025",
"on October 25", "for 120 days", "by 2030"."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from desktop_app.extract import rules
from desktop_app.extract.relative_dates import relative_deadline

NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "eighteen": 18,
    "twenty": 20,
    "thirty": 30,
    "sixty": 60,
    "ninety": 90,
    "several": None,
}
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
_NUMBER = r"(\d+|" + "|".join(k for k, v in NUMBERS.items() if v) + r")"
_UNIT = r"(day|week|month|year)s?"
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

_WITHIN = re.compile(
    rf"\b(?:within|in|over|during|for|inside|in\s+the\s+delay\s+of|in\s+a\s+delay\s+of)\s+"
    rf"(?:the\s+)?(?:next\s+|coming\s+)?{_NUMBER}[\s-]+{_UNIT}\b|"
    r"\bwithin\s+the\s+(?:coming|next)\s+()(day|week|month|year)\b",
    re.IGNORECASE,
)
_END_OF_MONTH = re.compile(
    rf"\b(?:by|before|until|at|towards?)\s+the\s+end\s+of\s+{_MONTH}(?:\s+(\d{{4}}))?",
    re.IGNORECASE,
)
_END_OF_YEAR = re.compile(r"\bby\s+the\s+end\s+of\s+(?:the\s+year|(\d{4}))", re.IGNORECASE)
_ON_DATE = re.compile(
    rf"\b(?:on|by|before|until|from|starting|as\s+of|no\s+later\s+than)\s+(?:{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b|(\d{{1,2}})"
    rf"(?:st|nd|rd|th)?\s+{_MONTH})(?:,?\s+(\d{{4}}))?",
    re.IGNORECASE,
)
_BY_MONTH = re.compile(
    rf"\b(?:by|before|until|in|from|during)\s+(?:early\s+|late\s+|mid-)?{_MONTH}(?:\s+(\d{{4}}))?\b",
    re.IGNORECASE,
)
_BY_YEAR = re.compile(r"\b(?:by|before|until)\s+(\d{4})\b", re.IGNORECASE)
# "due to be finished in 2026", "from 2027": that year, when it is not already past
_IN_YEAR = re.compile(r"\b(?:in|from|during|due\s+in)\s+(\d{4})\b", re.IGNORECASE)
# "between April and September": by the end of the second month
_BETWEEN_MONTHS = re.compile(rf"\bbetween\s+{_MONTH}\s+and\s+{_MONTH}(?:\s+(\d{{4}}))?", re.I)
#: a day and month without a year this many days before publication is that day, already past
#: ("agreed on 30 December to reopen the crossing by 5 January", written on 8 January)
RECENT_PAST_DAYS = 45


def _add(start: dt.date, amount: int, unit: str) -> dt.date:
    unit = unit.lower()
    if unit == "day":
        return start + dt.timedelta(days=amount)
    if unit == "week":
        return start + dt.timedelta(weeks=amount)
    months = amount * (12 if unit == "year" else 1)
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_of_month(month: int, published: dt.date) -> int:
    """The year in which the month next ends on or after the publication date (the month of
    publication itself counts: "by the end of January", written on 29 January)."""
    return published.year if month >= published.month else published.year + 1


def _next_year_for(month: int, day: int, published: dt.date) -> int:
    """The year in which month/day next comes on or after the publication date, unless it
    came only just before it (RECENT_PAST_DAYS: a deadline already past, kept and flagged)."""
    try:
        candidate = dt.date(published.year, month, day)
    except ValueError:
        return published.year
    if candidate < published and (published - candidate).days > RECENT_PAST_DAYS:
        return published.year + 1
    if candidate > published and (candidate - published).days > 365 - RECENT_PAST_DAYS:
        return published.year - 1  # "by 28 December", written on 3 January
    return published.year


def find_deadline(sentence: str, published: str | None) -> tuple[str | None, str]:
    """(ISO date or None, precision day/month/year) of the deadline the sentence sets; None
    when it would fall outside the calendar (year 1 to 9999: "within 99999999999 days")."""
    if not published:
        return None, "day"
    try:
        return _deadline(sentence, dt.date.fromisoformat(published))
    except (OverflowError, ValueError):
        return None, "day"


def _deadline(sentence: str, pub: dt.date) -> tuple[str | None, str]:
    match = _END_OF_MONTH.search(sentence)
    if match:
        month = MONTHS[match.group(1).lower()]
        year = int(match.group(2)) if match.group(2) else _year_of_month(month, pub)
        return _month_end(year, month).isoformat(), "month"
    match = _END_OF_YEAR.search(sentence)
    if match:
        year = int(match.group(1)) if match.group(1) else pub.year
        return dt.date(year, 12, 31).isoformat(), "year"
    match = _BETWEEN_MONTHS.search(sentence)
    if match:
        month = MONTHS[match.group(2).lower()]
        year = int(match.group(3)) if match.group(3) else _year_of_month(month, pub)
        return _month_end(year, month).isoformat(), "month"
    match = _ON_DATE.search(sentence)
    if match:
        month_name = match.group(1) or match.group(4)
        day = int(match.group(2) or match.group(3))
        month = MONTHS[month_name.lower()]
        year = int(match.group(5)) if match.group(5) else _next_year_for(month, day, pub)
        try:
            return dt.date(year, month, day).isoformat(), "day"
        except ValueError:
            return None, "day"
    match = _WITHIN.search(sentence)
    if match:
        amount = (match.group(1) or "").lower()  # "within the coming month": one month
        unit = match.group(2) or match.group(4)
        number = int(amount) if amount.isdigit() else NUMBERS.get(amount, 1)
        precision = {"day": "day", "week": "day", "month": "month", "year": "month"}[unit.lower()]
        return _add(pub, number, unit).isoformat(), precision
    relative = relative_deadline(sentence, pub) if rules.enabled("relative_dates") else None
    if relative:
        return relative
    match = _BY_MONTH.search(sentence)
    if match:
        month = MONTHS[match.group(1).lower()]
        year = int(match.group(2)) if match.group(2) else _year_of_month(month, pub)
        return _month_end(year, month).isoformat(), "month"
    match = _BY_YEAR.search(sentence)
    if match:  # a year already past is kept: the extractor flags it
        return dt.date(int(match.group(1)), 12, 31).isoformat(), "year"
    match = _IN_YEAR.search(sentence)
    if match and int(match.group(1)) >= pub.year:
        return dt.date(int(match.group(1)), 12, 31).isoformat(), "year"
    return None, "day"
