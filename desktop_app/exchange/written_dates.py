"""Dates as people write them in spreadsheets, read in a date order that is chosen, never guessed
silently (no Qt, no database).

The API, for the importer and its dialogs:

``DateOrder``
    How a file writes its numeric dates: ``DAY_FIRST`` ("day-first", 14/03/2025),
    ``MONTH_FIRST`` ("month-first", 3/14/2025) or ``ISO`` ("iso", 2025-03-14). A ``StrEnum``:
    its members equal their strings, so a preset or a setting may store the plain string.

``guess_order(cells) -> DateOrder | None`` and ``guess_file_order(columns) -> DateOrder | None``
    The order one column's texts (or all the date columns of one file) show: a numeric date whose
    first field is over 12 (25/03/2025) says day first, one whose second field is over 12
    (3/25/2025) says month first; when every numeric date is year first (2025-03-25) the order is
    ISO. Conflicting evidence, or only dates that read either way (03/04/2024), give None: the
    user has to choose. Empty cells and dates with month names are no evidence.

``parse_written_date(text, order) -> WrittenDate``
    ``WrittenDate.iso`` is the date as YYYY-MM-DD and ``WrittenDate.precision`` is "day",
    "month" or "year" (the values of ``domain.vocabulary.DATE_PRECISIONS``); a month or a year
    alone is dated on its first day ("March 2025" is 2025-03-01, precision "month"). Raises
    ``DateProblem`` (a ValueError) whose message is one sentence for the user.

Forms read (any case, surrounding spaces ignored):

- year first, always year-month-day whatever the order: 2025-03-14, 2025-3-14, 2025/03/14,
  2025.03.14, and with a time after it (2025-03-14T10:00:00, 2025-03-14 10:00, +02:00 or Z
  allowed); the time is dropped, the date is the one written (no time zone conversion);
- day and month, then the year, separated by "/", "." or "-" (the same one twice): 14/03/2025,
  14.03.2025, 14-03-2025, 3/14/2025, optionally followed by a time as above. ``order`` says which
  field is the day; with None (or ISO, which says nothing about these) a date that reads only
  one way is read that way (31/12/2023) and one that reads both ways is refused as ambiguous;
- English month names or their three-letter abbreviations ("Sept" too): 14 March 2025,
  14th of March 2025, 14-Mar-2025, March 14, 2025, Mar 14 2025, March 2025 (precision month);
- a month of a year in numbers: 2025-03 (ISO), 03/2025, 3.2025 or 03-2025 (precision month);
- a year alone: 2025 (precision year).

Not read, on purpose: two-digit years (14/03/25 could be 1925 or 2025; a fixed pivot year would
move someone's dates by a century without a word, so the message asks for the year in full);
a date with its year left out (March 14), a month alone (Mar), a day alone (14); weekday names;
month names in other languages; Excel's serial numbers (a spreadsheet's date cells reach the
importer as dates, not text). Nothing missing is ever filled in from today.

python-dateutil's parser is not used here: it fills missing parts from today, reads two-digit
years by a sliding window, and reads "13 14 March 2025" as 14 March 2013 at 20:00; only its
private ``_parse`` says which parts were written. A few regular expressions read the forms above
strictly instead, a million cells in one to three seconds (ISO dates fastest).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from itertools import chain
from typing import Literal

Precision = Literal["day", "month", "year"]


class DateOrder(StrEnum):
    DAY_FIRST = "day-first"
    MONTH_FIRST = "month-first"
    ISO = "iso"


class DateProblem(ValueError):
    """A written date that cannot be read; the message is one sentence for the user."""


class AmbiguousDate(DateProblem):
    """A date that reads two ways (03/04/2024) while no date order is known."""


@dataclass(frozen=True, slots=True)
class WrittenDate:
    iso: str  # YYYY-MM-DD; the first day of the month or year for those precisions
    precision: Precision


MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUMBERS = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)},
    **{name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, 1)},
    "sept": 9,
}

# An optional time after a numeric date; it is checked (so "2025-03-14 soon" is no date) and
# then dropped. Matched against the lower-cased text, hence "t" and "z".
_TIME = (
    r"(?:(?:t|\s+)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?"
    r"(?:\s*[ap]m)?(?:z|\s*[+-]\d{2}(?::?\d{2})?)?)?"
)
_YEAR_FIRST = re.compile(rf"(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}}){_TIME}")
_YEAR_LAST = re.compile(rf"(\d{{1,2}})([-/.])(\d{{1,2}})\2(\d{{4}}|\d{{2}}){_TIME}")
_YEAR_ALONE = re.compile(r"\d{4}")
_MONTH_OF_YEAR = re.compile(r"(\d{4})-(\d{1,2})|(\d{1,2})[-/.](\d{4})")  # 2025-03, 03/2025
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

_SEP = r"(?:\s*[,./-]\s*|\s+)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>[a-z]{3,9})\.?"
_YEAR = r"(?P<year>\d{4}|\d{2})"
_WITHOUT_YEAR = re.compile(  # March 14, 14 March, Mar: said to have no year, not "no date"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?{_SEP}(?:of\s+)?)?([a-z]{{3,9}})\.?"
    rf"|([a-z]{{3,9}})\.?{_SEP}\d{{1,2}}(?:st|nd|rd|th)?"
)
_NAMED = (
    re.compile(rf"{_DAY}{_SEP}(?:of\s+)?{_MONTH}{_SEP}{_YEAR}"),  # 14 March 2025
    re.compile(rf"{_MONTH}{_SEP}{_DAY}{_SEP}{_YEAR}"),  # March 14, 2025
    re.compile(rf"{_MONTH}{_SEP}(?P<year>\d{{4}})"),  # March 2025
)


def parse_written_date(text: str, order: DateOrder | None) -> WrittenDate:
    """Read one written date; numeric day/month dates in ``order`` (see the module docstring)."""
    written = text.strip()
    if _ISO_DAY.fullmatch(written):  # the fast path: most files write dates like this
        try:
            return WrittenDate(dt.date.fromisoformat(written).isoformat(), "day")
        except ValueError:
            pass  # 2024-02-31: the message comes from the general path below
    lowered = written.lower()
    if match := _YEAR_FIRST.fullmatch(lowered):
        year, month, day = int(match[1]), int(match[3]), int(match[4])
        if not 1 <= month <= 12:
            raise _not_a_date(written, f"there is no month {month}")
        return WrittenDate(_iso(year, month, day), "day")
    if match := _YEAR_LAST.fullmatch(lowered):
        return _numeric(written, int(match[1]), int(match[3]), match[4], order)
    if match := _MONTH_OF_YEAR.fullmatch(lowered):
        year_text, month = match[1] or match[4], int(match[2] or match[3])
        if not 1 <= month <= 12:
            raise _not_a_date(written, f"there is no month {month}")
        return WrittenDate(f"{_full_year(written, year_text):04d}-{month:02d}-01", "month")
    if _YEAR_ALONE.fullmatch(lowered):
        if int(lowered) == 0:
            raise _not_a_date(written, "there is no year 0")
        return WrittenDate(f"{lowered}-01-01", "year")
    return _named(written, lowered)


def _numeric(
    written: str, first: int, second: int, year_text: str, order: DateOrder | None
) -> WrittenDate:
    """A date written as first/second/year, the day first or the month first as ``order`` says
    (without one, as the fields allow)."""
    year = _full_year(written, year_text)
    if order == DateOrder.DAY_FIRST:
        day, month = first, second
    elif order == DateOrder.MONTH_FIRST:
        day, month = second, first
    else:
        day, month = _only_reading(written, first, second, year)
    if not 1 <= month <= 12:
        _refuse_order(written, day, month, year, order)
    return WrittenDate(_iso(year, month, day), "day")


def _only_reading(written: str, first: int, second: int, year: int) -> tuple[int, int]:
    """(day, month) when the fields allow one reading only: 31/12/2023, or 03/03/2024, which
    reads the same both ways."""
    first_is_month, second_is_month = 1 <= first <= 12, 1 <= second <= 12
    if first_is_month and second_is_month and first != second:
        raise AmbiguousDate(
            f"'{written}' could be {_spoken(first, second, year)} or "
            f"{_spoken(second, first, year)}; choose the date order (day first or month first) "
            "in the import"
        )
    if second_is_month or not first_is_month:  # neither: refused by the caller (no month)
        return first, second
    return second, first


def _refuse_order(written: str, day: int, month: int, year: int, order: DateOrder | None) -> None:
    """Raise for a month over 12 in the order read: the date does not exist in the other order
    either (31/02/2024), or it exists only in the other order (14/03/2025 month first)."""
    if not 1 <= day <= 12:
        low, high = sorted((day, month))
        months = f"month {high}" if low == high else f"month {low} or {high}"
        raise _not_a_date(written, f"there is no {months}")
    _iso(year, day, month)  # 31/02/2024 in any order: 31 February 2024 does not exist
    wording = "day first" if order == DateOrder.DAY_FIRST else "month first"
    raise DateProblem(
        f"'{written}' cannot be {wording}, as there is no month {month}; "
        "check the date order chosen for the import"
    )


def _named(written: str, lowered: str) -> WrittenDate:
    """A date with an English month name: 14 March 2025, March 14, 2025, March 2025."""
    for pattern in _NAMED:
        match = pattern.fullmatch(lowered)
        if match is None:
            continue
        month = _MONTH_NUMBERS.get(match["month"])
        if month is None:
            break
        year = _full_year(written, match["year"])
        if "day" not in pattern.groupindex:
            return WrittenDate(f"{year:04d}-{month:02d}-01", "month")
        return WrittenDate(_iso(year, month, int(match["day"])), "day")
    if (match := _WITHOUT_YEAR.fullmatch(lowered)) and (match[1] or match[2]) in _MONTH_NUMBERS:
        raise DateProblem(f"'{written}' has no year; write it in full, like 14 March 2024")
    raise _not_a_date(written)


def _full_year(written: str, year_text: str) -> int:
    if len(year_text) != 4:
        raise DateProblem(
            f"'{written}' has a two-digit year, which could be in any century; "
            "write the year in full, like 2025"
        )
    if year_text == "0000":
        raise _not_a_date(written, "there is no year 0")
    return int(year_text)


def _iso(year: int, month: int, day: int) -> str:
    """The ISO date, or the sentence saying that this day does not exist (31 February)."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise DateProblem(f"{_spoken(day, month, year)} does not exist") from None


def _spoken(day: int, month: int, year: int) -> str:
    return f"{day} {MONTH_NAMES[month - 1]} {year}"


def _not_a_date(written: str, why: str = "") -> DateProblem:
    if not written:
        return DateProblem("An empty cell is not a date; write it like 2024-03-14")
    reason = f" ({why})" if why else ""
    return DateProblem(
        f"'{written}' is not a date{reason}; write it like 2024-03-14 or 14 March 2024"
    )


def guess_order(cells: Iterable[str]) -> DateOrder | None:
    """The date order one column's texts show, or None when they do not settle it."""
    day_first = month_first = year_first = either_way = False
    for cell in cells:
        if not cell:
            continue
        text = cell.strip().lower()
        if _YEAR_FIRST.fullmatch(text):
            year_first = True
        elif match := _YEAR_LAST.fullmatch(text):
            first, second = int(match[1]), int(match[3])
            if 12 < first <= 31 and 1 <= second <= 12:
                day_first = True
            elif 12 < second <= 31 and 1 <= first <= 12:
                month_first = True
            elif first <= 12 and second <= 12 and first != second:
                either_way = True
            if day_first and month_first:
                return None
    if day_first:
        return DateOrder.DAY_FIRST
    if month_first:
        return DateOrder.MONTH_FIRST
    return DateOrder.ISO if year_first and not either_way else None


def guess_file_order(columns: Iterable[Iterable[str]]) -> DateOrder | None:
    """One order for all the date columns of a file (made_on and deadline alike): the evidence
    of every column together, so a day first deadline settles the made_on dates too."""
    return guess_order(chain.from_iterable(columns))
