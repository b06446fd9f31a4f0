"""The three tables of the main window: commitments, events, reported statistics."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QFont

from desktop_app.domain.status import Status
from desktop_app.store import listings, queries
from desktop_app.store.queries import CommitmentFilter
from desktop_app.ui.i18n import category_label, status_definition, status_label, translate
from desktop_app.ui.paged_table_model import PagedTableModel
from desktop_app.ui.status_style import status_colour, status_text_colour, text_colour_on


class CommitmentTableModel(PagedTableModel):
    TABLE = "commitments"
    COLUMNS = (
        ("title", QT_TRANSLATE_NOOP("Columns", "Commitment")),
        # next to the title, so that a narrow table still shows it
        ("status", QT_TRANSLATE_NOOP("Columns", "Status")),
        ("parties", QT_TRANSLATE_NOOP("Columns", "Parties")),
        ("category", QT_TRANSLATE_NOOP("Columns", "Category")),
        ("made_on", QT_TRANSLATE_NOOP("Columns", "Made on")),
        ("deadline", QT_TRANSLATE_NOOP("Columns", "Deadline")),
        # each party's own status, only where one differs from the headline; last, so that
        # the columns' saved widths and the default sort (by column number) stay in place
        ("party_statuses", QT_TRANSLATE_NOOP("Columns", "Party statuses")),
    )

    def __init__(self, db, as_of: str, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.as_of = as_of
        self.filter = CommitmentFilter()
        self.sort_key = "made_on"

    def page_reader(self) -> Callable:
        as_of, flt, sort, descending = self.as_of, self.filter, self.sort_key, self.descending

        def read(db, limit: int, offset: int) -> list[dict]:
            rows = queries.commitment_page(db, as_of, flt, sort, descending, limit, offset)
            return queries.with_party_statuses(db, as_of, rows)

        return read

    def count_reader(self) -> Callable:
        as_of, flt = self.as_of, self.filter
        return lambda db: queries.count_commitments(db, as_of, flt)

    def order_is_costly(self) -> bool:
        return not queries.orders_without_status(self.filter, self.sort_key)

    def order_key(self) -> tuple:
        # the as-of date always counts: a commitment made after it is not in the table at all
        # (ids kept from another date listed it as a blank row)
        return (self.sort_key, self.descending, self.filter, self.as_of)

    def ids_are_cheap(self) -> bool:
        # a text search narrows the rows and its ids need no status work unless sorted by it;
        # unfiltered in the order made, the ids come from an index alone (migration 0012)
        if self.filter.is_empty():
            return self.sort_key == "made_on"
        return bool(self.filter.text.strip()) and queries.orders_without_status(
            self.filter, self.sort_key
        )

    def ids_reader(self) -> Callable:
        as_of, flt, sort, descending = self.as_of, self.filter, self.sort_key, self.descending
        return lambda db: queries.commitment_ids(db, as_of, flt, sort, descending)

    def rows_reader(self) -> Callable:
        as_of = self.as_of
        return lambda db, ids: queries.with_party_statuses(
            db, as_of, queries.commitment_rows(db, as_of, ids)
        )

    def database_path(self):
        from desktop_app.store.database import database_path

        return database_path(self.db)

    def display(self, row: dict, key: str) -> str:
        if key == "status":
            return status_label(row["status"])
        if key == "party_statuses":
            return " · ".join(f"{p.code} {status_label(p.status)}" for p in row[key])
        if key == "category":
            return category_label(row["category"])
        if key == "deadline" and row["overdue"]:
            return f"{row['deadline']}  " + translate("Columns", "overdue")
        return super().display(row, key)

    def cell_role(self, row: dict, key: str, role: int):
        if key == "status":
            colour = status_colour(row["status"])
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(colour)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(text_colour_on(colour))
            if role == Qt.ItemDataRole.ToolTipRole:
                return status_definition(row["status"])
        if key == "party_statuses" and row[key] and role == Qt.ItemDataRole.ToolTipRole:
            return (
                translate("Columns", "Each party's own status:")
                + "\n"
                + "\n".join(f"{p.name} ({p.role}): {status_label(p.status)}" for p in row[key])
            )
        if key == "deadline" and row["overdue"]:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(status_text_colour(Status.BROKEN))  # readable in either theme
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate(
                    "Columns",
                    "The deadline passed before {as_of} and the commitment is still open.",
                ).format(as_of=self.as_of)
        if key == "title" and role == Qt.ItemDataRole.ToolTipRole:
            return row["title"]
        return None


class EventTableModel(PagedTableModel):
    TABLE = "events"
    COLUMNS = (
        ("date", QT_TRANSLATE_NOOP("Columns", "Date")),
        ("kind", QT_TRANSLATE_NOOP("Columns", "Kind")),
        ("title", QT_TRANSLATE_NOOP("Columns", "Event")),
        ("place", QT_TRANSLATE_NOOP("Columns", "Place")),
        ("actors", QT_TRANSLATE_NOOP("Columns", "Actors")),
        ("fatalities", QT_TRANSLATE_NOOP("Columns", "Fatalities")),
    )

    def __init__(self, db, as_of: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.text = ""
        self.as_of = as_of  # events after it are not shown
        self.places: tuple[int, ...] = ()  # an area chosen on the map: events there only

    def page_reader(self) -> Callable:
        text, sort, descending, as_of = self.text, self.sort_key, self.descending, self.as_of
        places = self.places
        return lambda db, limit, offset: listings.event_page(
            db, text, sort, descending, limit, offset, as_of, places
        )

    def count_reader(self) -> Callable:
        text, as_of, places = self.text, self.as_of, self.places
        return lambda db: listings.count_events(db, text, as_of, places)

    def ids_reader(self) -> Callable:
        text, sort, descending, as_of = self.text, self.sort_key, self.descending, self.as_of
        places = self.places
        return lambda db: listings.event_ids(db, text, sort, descending, as_of, places)

    def rows_reader(self) -> Callable:
        return listings.event_rows

    def database_path(self):
        from desktop_app.store.database import database_path

        return database_path(self.db)

    def display(self, row: dict, key: str) -> str:
        if key == "kind":
            return row["kind"].capitalize()
        if key == "date" and row["end_date"]:
            return f"{row['date']} – {row['end_date']}"
        return super().display(row, key)


class StatisticTableModel(PagedTableModel):
    TABLE = "statistics"
    COLUMNS = (
        ("label", QT_TRANSLATE_NOOP("Columns", "Statistic")),
        ("value", QT_TRANSLATE_NOOP("Columns", "Value")),
        ("unit", QT_TRANSLATE_NOOP("Columns", "Unit")),
        ("period", QT_TRANSLATE_NOOP("Columns", "Period")),
        ("change", QT_TRANSLATE_NOOP("Columns", "Change")),
        ("country", QT_TRANSLATE_NOOP("Columns", "Country")),
        ("source", QT_TRANSLATE_NOOP("Columns", "Source")),
    )

    def __init__(self, db, as_of: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.as_of = as_of  # statistics published after it are not shown

    def page_reader(self) -> Callable:
        sort, descending, as_of = self.sort_key, self.descending, self.as_of
        return lambda db, limit, offset: listings.statistic_page(
            db, sort, descending, limit, offset, as_of
        )

    def count_reader(self) -> Callable:
        as_of = self.as_of
        return lambda db: listings.count_statistics(db, as_of)

    def ids_reader(self) -> Callable:
        sort, descending, as_of = self.sort_key, self.descending, self.as_of
        return lambda db: listings.statistic_ids(db, sort, descending, as_of)

    def rows_reader(self) -> Callable:
        return listings.statistic_rows

    def database_path(self):
        from desktop_app.store.database import database_path

        return database_path(self.db)

    def display(self, row: dict, key: str) -> str:
        if key == "value":
            return f"{row['value']:,.10g}"
        if key == "change":
            return "" if row["change"] is None else f"{row['change']:+.0f}%"
        return super().display(row, key)
