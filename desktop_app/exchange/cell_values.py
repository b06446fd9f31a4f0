"""The values of single cells: dates as people write them, numbers, whole numbers, and the
check that a list names nothing twice; RowError names the column at fault."""

from __future__ import annotations

import re
from typing import Protocol

from desktop_app.exchange.written_dates import (
    AmbiguousDate,
    DateOrder,
    DateProblem,
    parse_written_date,
)


class DateReading(Protocol):
    """What reading a date needs of the import (row_builders.Resolver): the file's date order,
    and where to note that a date read two ways."""

    date_order: DateOrder | None
    ambiguous_dates: bool


class RowError(ValueError):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column = column


_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,234 or 12,345.5 (not 1,5)
_INTEGER = re.compile(r"^[+-]?\d+$")
SQLITE_INTEGER_MAX = 2**63 - 1  # SQLite's INTEGER is a signed 64-bit number


def _date(r: DateReading, cells: dict, name: str, required: bool = False) -> str | None:
    """The cell's date as YYYY-MM-DD, read as people write dates (14/03/2025, 14 March 2025)
    in the file's date order (r.date_order; None: only dates that read one way)."""
    text = cells.get(name, "").strip()
    if not text:
        if required:
            raise RowError(name, "a date is required here")
        return None
    try:
        return parse_written_date(text, r.date_order).iso
    except DateProblem as problem:
        r.ambiguous_dates = r.ambiguous_dates or isinstance(problem, AmbiguousDate)
        raise RowError(name, str(problem)) from None


def _number(
    cells: dict, name: str, low: float | None = None, high: float | None = None
) -> float | None:
    text = cells.get(name, "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        if not _THOUSANDS.match(text):
            raise RowError(name, f"{text!r} is not a number") from None
        value = float(text.replace(",", ""))
    if value != value or value in (float("inf"), float("-inf")):
        raise RowError(name, f"{text!r} is not a finite number")
    _check_range(name, text, value, low, high)
    return value


def _whole_number(cells: dict, name: str, low: int = 0) -> int | None:
    """A whole number from low up to what SQLite's 64-bit INTEGER holds, read exactly (as a
    float, 9007199254740993 would change)."""
    text = cells.get(name, "").strip()
    if not text:
        return None
    plain = text.replace(",", "") if _THOUSANDS.match(text) else text
    if _INTEGER.match(plain):
        value = int(plain)
    else:
        number = _number(cells, name)
        if number != int(number):
            raise RowError(name, f"{text!r} is not a whole number")
        value = int(number)
    if value < low:
        raise RowError(name, f"{text} is below {low}, the least allowed here")
    if value > SQLITE_INTEGER_MAX:
        raise RowError(
            name, f"{text} is too large: the largest whole number kept is {SQLITE_INTEGER_MAX:,}"
        )
    return value


def _check_range(name: str, text: str, value: float, low, high) -> None:
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            raise RowError(name, f"{text} is outside the range {low:g} to {high:g}")
        bound = f"at least {low:g}" if low is not None else f"at most {high:g}"
        raise RowError(name, f"{text} is out of range: it must be {bound}")


def _no_repeats(column: str, ids: list, what: str) -> None:
    seen = set()
    for item in ids:
        key = item[0] if isinstance(item, tuple) else item
        if key in seen:
            raise RowError(column, f"the same {what} is listed twice")
        seen.add(key)
