"""ISO dates as the app uses them: parsing with clear errors, today, period ends."""

from __future__ import annotations

import datetime as dt
import re

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_iso_date(text: str) -> dt.date:
    """Parse YYYY-MM-DD strictly; impossible dates such as 2024-02-31 are refused."""
    text = text.strip()
    if not _ISO_DATE.match(text):
        raise ValueError(f"{text!r} is not a date in the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a real calendar date") from None


def check_iso_date(text: str | None) -> str | None:
    """Validate an optional ISO date string and return it normalised (None stays None)."""
    if text is None or str(text).strip() == "":
        return None
    return parse_iso_date(str(text)).isoformat()


def today_iso() -> str:
    return dt.date.today().isoformat()
