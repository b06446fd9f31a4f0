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
    rf"{_WEEKDAY}(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_NAMES})\.?,?\s+"
    rf"(?P<year>\d{{4}})|(?P<month2>{_MONTH_NAMES})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{{4}})|"
    r"(?P<iso>\d{4}-\d{2}-\d{2}))"
)
_DASH = r"\s*(?:[-–—:|]+|\.(?=\s))\s*"
_PLACE = r"(?P<place>[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,3})"
_AGENCY = r"(?:\s*\((?P<agency>[^()\n]{2,40})\))?"
_FORMS = [
    re.compile(rf"{_PLACE},\s+{WRITTEN_DATE}{_AGENCY}{_DASH}", re.IGNORECASE),
    re.compile(rf"{_PLACE}{_AGENCY}{_DASH}{WRITTEN_DATE}{_DASH}", re.IGNORECASE),
    re.compile(rf"{WRITTEN_DATE}{_AGENCY}{_DASH}", re.IGNORECASE),
    # a place with an agency but no date: "ISLAMABAD (Reuters) -", "(MENAFN- Khaama Press)"
    re.compile(r"(?:(?P<place>[A-Z][A-Z .,'-]{2,40}?)\s*)?\([^)\n]{2,60}\)\s*[-–—:]?\s*"),
]


@dataclass(frozen=True)
class Dateline:
    published: str | None  # ISO date, when the dateline has a whole date
    place: str | None  # where the story was filed, as written ("Beijing")
    start: int  # where the dateline begins in the text
    end: int  # where the story proper begins


def date_from_parts(match: re.Match) -> str | None:
    """The ISO date a WRITTEN_DATE match spells, or None when it is no calendar date."""
    groups = match.groupdict()
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


def read_dateline(text: str) -> Dateline | None:
    """The dateline at the start of text (or of its second line, after a headline)."""
    starts = [len(text) - len(text.lstrip())]
    first_break = text.find("\n", starts[0])
    if 0 < first_break < 300:
        starts.append(
            first_break + 1 + len(text[first_break + 1 :]) - len(text[first_break + 1 :].lstrip())
        )
    for index, start in enumerate(starts):
        for number, form in enumerate(_FORMS):
            match = form.match(text, start)
            if not match or (index and number == len(_FORMS) - 1):
                continue  # after a headline, only a dateline with a date counts
            published = date_from_parts(match) if "month" in form.groupindex else None
            if number < len(_FORMS) - 1 and published is None:
                continue
            place = match.groupdict().get("place")
            place = place.strip(" ,").title() if place and place.strip(" ,") else None
            return Dateline(published, place, start, match.end())
    return None
