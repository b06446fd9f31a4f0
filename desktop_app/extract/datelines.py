"""The dateline that opens a news story: where it was filed and when, which sets the date the
story's relative dates ("within three months", "next month") count from.

The usual forms, at the start of the story or of the line after its headline:
  Beijing, 14 March 2025 — …          BEIJING, March 14, 2025 (Reuters) - …
  ISLAMABAD (AFP) — …                  14 March 2025 — …        Friday, March 14, 2025: …
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
WRITTEN_DATE = (
    rf"{_WEEKDAY}(?:(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<month>{_MONTH_NAMES})\.?,?\s+(?P<year>\d{{4}})|"
    rf"(?P<month2>{_MONTH_NAMES})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{{4}})|"
    r"(?P<iso>\d{4}-\d{2}-\d{2}))"
)
# what ends a dateline: a dash, a colon, a bar ("12 September 2025 | Caucasus desk"), or
# the end of its line
_END = r"(?:\s*[-–—:|]+\s*|[ \t]*(?=\n)|[ \t]*$)"
_NOT_A_PLACE = r"(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
_WORD = r"[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]*)*"
_PLACE = rf"(?P<place>{_NOT_A_PLACE}{_WORD}(?:[ -]{_WORD}){{0,3}})"
_AGENCY = r"(?:\s*\((?P<agency>[^()\n]{2,40})\)|\s*/[^/\n]{2,40}/)?"  # (Reuters), /Agency/
_DATED_FORMS = [
    re.compile(rf"{_PLACE},?\s+{WRITTEN_DATE}{_AGENCY}{_END}", re.IGNORECASE),
    re.compile(rf"{_PLACE}{_AGENCY}\s*[-–—:]\s*{WRITTEN_DATE}{_END}", re.IGNORECASE),
    re.compile(rf"{WRITTEN_DATE}{_AGENCY}{_END}", re.IGNORECASE),
    # a kicker, a bar, then the date: "EDITORIAL | 11 November 2025", "Asia this week | …"
    re.compile(rf"[^\n|]{{1,60}}\|\s*{WRITTEN_DATE}{_END}", re.IGNORECASE),
    # the wires' dateline without a year: "ASTANA, May 21 (AP) —", "PORT MORESBY, Oct. 2 (AAP) —"
    re.compile(
        rf"{_PLACE},\s+(?:(?P<month3>{_MONTH_NAMES})\.?\s+(?P<day3>\d{{1,2}})|"
        rf"(?P<day4>\d{{1,2}})\s+(?P<month4>{_MONTH_NAMES})\.?){_AGENCY}\s*[-–—:]+\s*",
        re.IGNORECASE,
    ),
    # a kicker, a bar, a place and the date: "Gulf Affairs | Riyadh, 4 December 2024"
    re.compile(rf"[^\n|]{{1,60}}\|\s*{_PLACE},?\s+{WRITTEN_DATE}{_END}", re.IGNORECASE),
]
# a place with an agency but no date, opening the story: "ISLAMABAD (Reuters) -",
# "(MENAFN- Khaama Press)"
_UNDATED = re.compile(r"(?:(?P<place>[A-Z][A-Z .,'-]{2,40}?)\s*)?\([^)\n]{2,60}\)\s*[-–—:]?\s*")
#: how far into a story a dateline may come (after a headline, a kicker, a byline)
LINES_LOOKED_AT = 4


@dataclass(frozen=True)
class Dateline:
    published: str | None  # ISO date, when the dateline has a whole date
    place: str | None  # where the story was filed, as written ("Beijing")
    start: int  # where the dateline begins in the text
    end: int  # where the story proper begins


def date_from_parts(match: re.Match, today: dt.date | None = None) -> str | None:
    """The ISO date a WRITTEN_DATE match spells, or None when it is no calendar date. A day
    and month with no year (a wire's dateline) is the latest such day up to today."""
    groups = match.groupdict()
    if groups.get("day3") or groups.get("day4"):
        return _latest(
            groups.get("month3") or groups["month4"], groups.get("day3") or groups["day4"], today
        )
    try:
        if groups.get("iso"):
            return dt.date.fromisoformat(groups["iso"]).isoformat()
        day = int(groups.get("day") or groups.get("day2"))
        year = int(groups.get("year") or groups.get("year2"))
        return dt.date(
            year, _MONTHS[(groups.get("month") or groups["month2"]).lower()], day
        ).isoformat()
    except (TypeError, ValueError, KeyError):
        return None


def _latest(month_name: str, day: str, today: dt.date | None) -> str | None:
    today = today or dt.date.today()
    month = _MONTHS[month_name.lower()]
    for year in (today.year, today.year - 1):
        try:
            date = dt.date(year, month, int(day))
        except ValueError:
            continue
        if date <= today:
            return date.isoformat()
    return None


def _line_starts(text: str) -> list[int]:
    """Where the first few non-empty lines start (each past its leading blanks)."""
    starts: list[int] = []
    position = 0
    while len(starts) < LINES_LOOKED_AT and position < min(len(text), 800):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        if text[position:end].strip():
            starts.append(position + len(text[position:end]) - len(text[position:end].lstrip()))
        position = end + 1
    return starts


def read_dateline(text: str, today: dt.date | None = None) -> Dateline | None:
    """The dateline at the start of text or of one of its first lines (after a headline)."""
    starts = _line_starts(text)
    for start in starts:
        for form in _DATED_FORMS:
            match = form.match(text, start)
            published = date_from_parts(match, today) if match else None
            if published:
                place = match.groupdict().get("place")
                return Dateline(published, place.title() if place else None, start, match.end())
    match = _UNDATED.match(text, starts[0]) if starts else None
    if match:
        place = (match.group("place") or "").strip(" ,")
        return Dateline(None, place.title() or None, starts[0], match.end())
    return None
