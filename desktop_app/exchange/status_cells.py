"""The status a commitment row carries, recorded as status updates with the file as their source.

A commitments file may have a `status` column (our labels or codes, or words such as "done" or
"delayed": domain.status.parse_status), a `status_date` (when the status was known; the day of
the import without one) and `party_statuses` ("PAK: Fulfilled; IRN: Stalled", as our export
writes them). For each, an update is added only where the commitment does not stand at that
status on that date already, so importing the same file again, or our own export, adds nothing.
"Mixed", which our export writes when the parties differ, is worked out, never recorded: the
party statuses carry it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop_app.domain.records import Source, StatusUpdate
from desktop_app.domain.status import STATUS_INFO, Status, parse_status
from desktop_app.exchange.row_builders import RowError
from desktop_app.store import queries, records

if TYPE_CHECKING:
    from sqlite_utils import Database

STATUS_FIELDS = ("status", "status_date", "party_statuses")
_MIXED_WORDS = {Status.MIXED.value, STATUS_INFO[Status.MIXED].label.lower()}


@dataclass
class RowStatus:
    """What one row says of its commitment's status: the whole commitment's, each party's."""

    date: str
    whole: Status | None = None
    #: (the party's code or name, as written, its status); resolved among the commitment's
    #: own parties when recorded, so that a status never creates an actor
    parties: list[tuple[str, Status]] = field(default_factory=list)


def read_row_status(cells: dict, date: str | None, today: str | None = None) -> RowStatus | None:
    """The row's status cells (None when it has none). `date` is the status_date cell already
    read. RowError when a cell cannot be read."""
    whole_text = cells.get("status", "").strip()
    parties_text = cells.get("party_statuses", "").strip()
    if not whole_text and not parties_text:
        return None
    status = RowStatus(date or today or dt.date.today().isoformat())
    if whole_text and whole_text.lower() not in _MIXED_WORDS:
        status.whole = _status(whole_text, "status")
    for part in parties_text.split(";"):
        if not part.strip():
            continue
        code, colon, text = part.partition(":")
        if not colon or not code.strip() or not text.strip():
            raise RowError("party_statuses", f"{part.strip()!r} should read like 'PAK: Fulfilled'")
        status.parties.append((code.strip(), _status(text, "party_statuses")))
    return status


def _status(text: str, column: str) -> Status:
    try:
        return parse_status(text)
    except ValueError as error:
        raise RowError(column, str(error)) from None


class StatusRecorder:
    """Adds the status updates rows ask for, inside the import's transaction; the source (the
    file) is made once, with the first update that needs it."""

    def __init__(self, db: Database, file_name: str, dry_run: bool) -> None:
        self.db, self.file_name, self.dry_run = db, file_name, dry_run
        self._source_id: int | None = None
        self.added = 0

    def record(self, commitment_id: int | None, status: RowStatus) -> None:
        """commitment_id None: a commitment the dry run would add (every status is new).
        RowError when party_statuses names someone who is not a party to the commitment."""
        wanted = [(None, status.whole)] if status.whole else []
        wanted += [(self._party(commitment_id, code), value) for code, value in status.parties]
        for party, value in wanted:
            standing = commitment_id and self._standing(commitment_id, party, status.date)
            if standing == value.value:
                continue
            self.added += 1
            if self.dry_run or commitment_id is None:
                continue
            records.add(
                self.db,
                StatusUpdate(
                    commitment_id=commitment_id,
                    date=status.date,
                    status=value,
                    actor_id=party,
                    note=f"Imported from {self.file_name}.",
                    source_id=self._source(),
                ),
            )

    def _party(self, commitment_id: int | None, code: str) -> int | None:
        if commitment_id is None:
            return None  # (a dry run's new commitment: counted, not written)
        found = self.db.execute(
            """SELECT a.id FROM commitment_parties cp JOIN actors a ON a.id = cp.actor_id
               WHERE cp.commitment_id = ? AND (a.iso3 = ? OR a.name = ?) LIMIT 1""",
            [commitment_id, code.upper(), code],
        ).fetchone()
        if found is None:
            raise RowError("party_statuses", f"{code} is not a party to this commitment")
        return found[0]

    def _standing(self, commitment_id: int, party: int | None, date: str) -> str:
        expression = (
            queries.whole_status_sql(":id", ":date")
            if party is None
            else queries.party_status_sql(":party", ":id", ":date")
        )
        params = {"id": commitment_id, "date": date, "party": party}
        return self.db.execute(f"SELECT {expression}", params).fetchone()[0]

    def _source(self) -> int:
        if self._source_id is None:
            today = dt.date.today().isoformat()
            source = Source(title=self.file_name, publisher="Imported file", accessed_on=today)
            self._source_id = records.add(self.db, source)
        return self._source_id
