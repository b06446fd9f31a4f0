"""The conflicts log of past merges, as View > Merge conflicts lists it and as CSV."""

from __future__ import annotations

import json
from dataclasses import astuple, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.exchange.csv_format import csv_writer, neutralise
from desktop_app.exchange.merge import field_words, shown

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class LoggedConflict:
    merged_at: str
    from_file: str
    table: str
    record: str
    field: str
    kept: str
    lost: str
    kept_side: str
    reason: str
    record_uuid: str


COLUMN_TITLES = (
    "Merged at", "From file", "Table", "Record", "Field", "Kept value", "Lost value",
    "Kept", "Why", "Record UUID",
)  # fmt: skip


def logged_conflicts(db: Database) -> list[LoggedConflict]:
    """Every value a merge set aside, newest merge first."""
    rows = db.execute(
        """SELECT m.merged_at, m.from_file, c.table_name, c.record_label, c.field,
                  c.kept_value, c.lost_value, c.kept_side, c.reason, c.record_uuid
           FROM merge_conflicts c JOIN merges m ON m.id = c.merge_id
           ORDER BY m.id DESC, c.id"""
    ).fetchall()
    return [
        LoggedConflict(
            merged_at, from_file, table, label, field_words(table, name),
            shown(json.loads(kept)), shown(json.loads(lost)), side, reason, uuid,
        )
        for merged_at, from_file, table, label, name, kept, lost, side, reason, uuid in rows
    ]  # fmt: skip


def write_conflicts_csv(conflicts: list[LoggedConflict], path: str | Path) -> int:
    """The conflicts as a CSV file for spreadsheets (a BOM, CRLF, cells that would run as
    formulas neutralised: the values come from a colleague's file); returns the rows."""
    assert len(COLUMN_TITLES) == len(fields(LoggedConflict))
    with open(path, "w", newline="", encoding="utf-8-sig") as out:
        writer = csv_writer(out, excel=True)
        writer.writerow(COLUMN_TITLES)
        writer.writerows([neutralise(str(cell)) for cell in astuple(c)] for c in conflicts)
    return len(conflicts)
