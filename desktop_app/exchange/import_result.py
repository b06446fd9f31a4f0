"""What an import reports: its counts, its problems by line and column, and the outcome of the
first rows (for a preview)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.exchange.written_dates import DateOrder


@dataclass
class Problem:
    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"line {self.line}, column {self.column}" if self.column else f"line {self.line}"
        return f"{where}: {self.reason}"


@dataclass
class ImportResult:
    rows: int = 0  # rows read (blank ones left out)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    date_order: DateOrder | None = None  # how 03/04/2024 was read: chosen, or guessed
    statuses_added: int = 0  # status updates the rows' status columns add
    #: what the first rows become ("new", "update", "unchanged"), by line, for a preview
    outcomes: dict[int, str] = field(default_factory=dict)
    #: names of actors the rows name that are neither known nor a country: made anew
    new_actors: list[str] = field(default_factory=list)
    unlisted: int = 0  # problems found past the first LISTED_PROBLEMS

    @property
    def ok(self) -> bool:
        return not self.problems


class ImportCancelled(Exception):
    pass


# the columns whose validation error a record constructor's message points to
_FIELD_HINTS = {
    "title": "title",
    "name": "name",
    "label": "label",
    "kind": "kind",
    "category": "category",
    "status": "status",
    "precision": "precision",
    "deadline": "deadline",
    "latitude": "latitude",
    "longitude": "longitude",
    "end": "end_date",
    "iso": "iso3",
}


def guess_column(message: str) -> str:
    lowered = message.lower()
    for word, column in _FIELD_HINTS.items():
        if word in lowered:
            return column
    return ""


def column_of(error: ValueError) -> str:
    return getattr(error, "column", None) or guess_column(str(error))
