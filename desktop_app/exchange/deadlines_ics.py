"""Deadlines as an iCalendar (.ics) file: one all-day event per commitment deadline, named after
the commitment and carrying its status on the as-of date, for any calendar program.

icalendar does the RFC 5545 work (escaping commas and semicolons, folding long lines, CRLF).
A commitment keeps the same UID in every export, so a calendar that imports a newer file
updates its events instead of doubling them.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.status import label, party_statuses_text
from desktop_app.store import deadlines, queries

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database

PRODUCT_ID = "-//Commitment Tracker//Deadlines//EN"
UID_DOMAIN = "commitment-tracker"


def deadline_uid(commitment_uuid: str) -> str:
    return f"deadline-{commitment_uuid}@{UID_DOMAIN}"


def _description(row: dict, as_of: str) -> str:
    lines = [
        f"Status as of {as_of}: {label(row['status'])}" + (" (overdue)" if row["overdue"] else "")
    ]
    if row["party_statuses"]:
        own = [(p.code, p.status) for p in row["party_statuses"]]
        lines.append(f"Each party: {party_statuses_text(own)}")
    lines.append(f"Parties: {row['parties'] or 'none recorded'}")
    lines.append(f"Category: {row['category'].capitalize()} · made on {row['made_on']}")
    if row["deadline_precision"] != "day":
        lines.append(f"The deadline is known to the {row['deadline_precision']} only.")
    if row["description"]:
        lines += ["", row["description"]]
    return "\n".join(lines)


class CalendarCancelled(Exception):
    """The user pressed Cancel while the calendar was being written."""


def deadlines_calendar(
    db: Database,
    as_of: str,
    stamp: dt.datetime | None = None,
    report: Callable[[int, int], bool] | None = None,
) -> bytes:
    """Every deadline of a commitment made by as_of, as the bytes of an .ics file; report(done,
    total) hears of the progress (icalendar takes about 1 ms an event) and may say stop."""
    from icalendar import Calendar, Event

    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Commitment deadlines")
    rows = queries.with_party_statuses(db, as_of, deadlines.every_deadline(db, as_of))
    for number, row in enumerate(rows):
        if report is not None and number % 500 == 0 and not report(number, len(rows)):
            raise CalendarCancelled
        day = dt.date.fromisoformat(row["deadline"])
        event = Event()
        event.add("uid", deadline_uid(row["uuid"]))
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))  # all day: the end is exclusive
        event.add("summary", f"Deadline: {row['title']} ({label(row['status'])})")
        event.add("description", _description(row, as_of))
        event.add("categories", [row["category"]])
        event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
        calendar.add_component(event)
    return calendar.to_ical()


def write_deadlines_calendar(
    db: Database,
    as_of: str,
    output: str | Path,
    report: Callable[[int, int], bool] | None = None,
) -> int:
    """Write the .ics file (whole or not at all); returns how many deadlines it holds."""
    output = Path(output)
    content = deadlines_calendar(db, as_of, report=report)
    temporary = output.resolve().parent / f".{output.stem}.{secrets.token_hex(4)}{output.suffix}"
    try:
        temporary.write_bytes(content)
        os.replace(temporary, output)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return content.count(b"BEGIN:VEVENT")
