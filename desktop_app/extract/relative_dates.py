"""Deadlines said relative to the day of writing: "before the end of the year", "by
year-end", "this summer", "next month", "by the end of Q3", "by Friday", "tomorrow", "by
mid-2026"; and the ones that name no date at all ("in the coming weeks"), which are kept as a
note. Seasons are the northern hemisphere's meteorological ones, which is how most wire copy
uses them; the precision says how loose the date is."""

from __future__ import annotations

import calendar
import datetime as dt
import re

Deadline = tuple[str, str]  # ISO date, precision (day, month, year)

_I = re.IGNORECASE
_BY = r"(?:by|before|until|till|in|during|at|over|within|towards?|no\s+later\s+than)"
_YEAR_END = re.compile(
    rf"\b{_BY}\s+(?:the\s+)?(?:end\s+of\s+(?:(this|the|next)\s+year|(?:the\s+)?year)|"
    r"year[- ]end|end[- ](?:of[- ])?(\d{4}))\b",
    _I,
)
# "in the second half of the year", "the first half of 2026", "by the end of the decade"
_HALF = re.compile(r"\b(first|second)\s+half\s+of\s+(?:(the|this|next)\s+year|(\d{4}))\b", _I)
_DECADE = re.compile(r"\bend\s+of\s+(?:the|this)\s+decade\b", _I)
_MID_YEAR = re.compile(rf"\b{_BY}\s+(?:the\s+)?mid[- ](?:(\d{{4}})|year)\b", _I)
_QUARTER = re.compile(
    rf"\b{_BY}\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:Q([1-4])|(first|second|third|fourth)"
    r"\s+quarter)(?:\s+(?:of\s+)?(\d{4}|next\s+year|this\s+year))?\b",
    _I,
)
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_SEASON = re.compile(
    r"\b(this|next|by\s+the|in\s+the|before\s+the|over\s+the|during\s+the)\s+"
    r"(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4}))?\b",
    _I,
)
# the month each season ends in (winter: February of the year after its December)
_SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_THIS_OR_NEXT = re.compile(
    r"\b(?:(next|this|later\s+this|by\s+the\s+end\s+of\s+(?:the|this|next))\s+(week|month))\b", _I
)
_NEXT_YEAR = re.compile(r"\b(?:(early|late|later)\s+)?(next|later\s+this|this)\s+year\b", _I)
_WEEKDAYS = [day.lower() for day in calendar.day_name]
_WEEKDAY = re.compile(
    r"\b(?:on|by|before|until|next|this|from|starting|beginning)\s+(?:next\s+)?("
    + "|".join(_WEEKDAYS)
    + r")\b",
    _I,
)
_TOMORROW = re.compile(r"\btomorrow\b", _I)
_VAGUE = re.compile(
    r"\b(?:(?:in|over|during|within)\s+the\s+(?:coming|next)\s+(?:few\s+)?"
    r"(?:days|weeks|months|years)|(?:very\s+)?soon|shortly|in\s+due\s+course|"
    r"at\s+an\s+early\s+date|as\s+soon\s+as\s+possible)\b",
    _I,
)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def relative_deadline(sentence: str, pub: dt.date) -> Deadline | None:
    """The deadline a relative phrase sets, counted from the publication date."""
    for rule in (_year_end, _quarter, _season, _week_or_month, _weekday, _year):
        found = rule(sentence, pub)
        if found:
            return found
    return None


def vague_deadline(sentence: str) -> str | None:
    """The phrase that promises a time but names no date ("in the coming weeks")."""
    match = _VAGUE.search(sentence)
    return match.group() if match else None


def _year_end(sentence: str, pub: dt.date) -> Deadline | None:
    match = _YEAR_END.search(sentence)
    if match:
        year = int(match.group(2)) if match.group(2) else pub.year
        year += (match.group(1) or "").lower() == "next"
        return dt.date(year, 12, 31).isoformat(), "year"
    match = _MID_YEAR.search(sentence)
    if match:
        return dt.date(int(match.group(1) or pub.year), 6, 30).isoformat(), "month"
    match = _HALF.search(sentence)
    if match:
        year = int(match.group(3)) if match.group(3) else pub.year
        year += (match.group(2) or "").lower() == "next"
        month, day = (6, 30) if match.group(1).lower() == "first" else (12, 31)
        return dt.date(year, month, day).isoformat(), "month"
    if _DECADE.search(sentence):
        return dt.date(pub.year - pub.year % 10 + 9, 12, 31).isoformat(), "year"
    return None


def _quarter(sentence: str, pub: dt.date) -> Deadline | None:
    match = _QUARTER.search(sentence)
    if not match:
        return None
    quarter = int(match.group(1)) if match.group(1) else _QUARTERS[match.group(2).lower()]
    end = _month_end(pub.year, quarter * 3)
    named = (match.group(3) or "").lower()
    if named.isdigit() or named.startswith("next"):
        year = int(named) if named.isdigit() else pub.year + 1
        end = _month_end(year, quarter * 3)
    elif end < pub:
        end = _month_end(pub.year + 1, quarter * 3)  # Q1 named in November: next year's
    return end.isoformat(), "month"


def _season(sentence: str, pub: dt.date) -> Deadline | None:
    match = _SEASON.search(sentence)
    if not match:
        return None
    which, season = match.group(1).lower(), match.group(2).lower()
    start_month, end_month = _SEASON_START[season], _SEASON_END[season]
    year = int(match.group(3)) if match.group(3) else pub.year
    if season == "winter":
        year += 1  # winter 2025 ends in February 2026
        if not match.group(3) and pub.month <= 2:
            year -= 1  # "this winter", written in January: the one under way
    end = _month_end(year, end_month)
    if not match.group(3) and (end < pub or (which == "next" and pub.month >= start_month)):
        end = _month_end(year + 1, end_month)
    return end.isoformat(), "month"


def _week_or_month(sentence: str, pub: dt.date) -> Deadline | None:
    match = _THIS_OR_NEXT.search(sentence)
    if not match:
        return None
    ahead = match.group(1).lower().endswith("next")
    if match.group(2).lower() == "week":
        end_of_week = pub + dt.timedelta(days=6 - pub.weekday())
        return (end_of_week + dt.timedelta(weeks=ahead)).isoformat(), "day"
    year, month = divmod(pub.month - 1 + ahead, 12)
    return _month_end(pub.year + year, month + 1).isoformat(), "month"


def _weekday(sentence: str, pub: dt.date) -> Deadline | None:
    match = _WEEKDAY.search(sentence)
    if _TOMORROW.search(sentence):
        return (pub + dt.timedelta(days=1)).isoformat(), "day"
    if not match:
        return None
    ahead = (_WEEKDAYS.index(match.group(1).lower()) - pub.weekday()) % 7 or 7
    return (pub + dt.timedelta(days=ahead)).isoformat(), "day"


def _year(sentence: str, pub: dt.date) -> Deadline | None:
    match = _NEXT_YEAR.search(sentence)
    if not match:
        return None
    year = pub.year + match.group(2).lower().startswith("next")
    if (match.group(1) or "").lower() == "early":  # "early next year": its first quarter
        return dt.date(year, 3, 31).isoformat(), "month"
    return dt.date(year, 12, 31).isoformat(), "year"
