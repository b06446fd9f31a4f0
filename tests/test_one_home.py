"""Names the app uses in several places come from one list, and the CSV export and import
cover the same tables and columns."""

from __future__ import annotations

import pytest

from desktop_app.charts import dashboard
from desktop_app.domain.vocabulary import CHART_NAMES, EXCHANGE_TABLES, EXPORT_ONLY_TABLES
from desktop_app.exchange import csv_export, csv_import


def test_export_and_import_cover_the_same_tables_in_import_order():
    assert tuple(csv_import.REQUIRED) == EXCHANGE_TABLES
    # the change log is exported (read by people and merges) but never imported from CSV
    assert set(csv_export.EXPORT_SQL) == set(EXCHANGE_TABLES + EXPORT_ONLY_TABLES)


@pytest.mark.parametrize("table", EXCHANGE_TABLES)
def test_every_exported_column_is_read_back(sample_db, table):
    exported = set(csv_export.export_columns(sample_db, table))
    readable = set(csv_import.fields_of(table)) | {"uuid"}
    # (a commitment's status, worked out from its history, is read back as a status to record
    # where the commitment does not stand there already: exchange/status_cells.py)
    assert exported - readable == set()


def test_export_chart_offers_the_charts_the_command_line_offers():
    from desktop_app.ui.chart_export import chart_choices

    assert set(chart_choices()) == set(CHART_NAMES)
    assert set(dashboard.CHART_NAMES) == set(CHART_NAMES) - {"map"}  # the map has its own tab
