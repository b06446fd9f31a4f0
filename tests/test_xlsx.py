"""Excel workbooks: sheets read as the CSV importer's text (real .xlsx files built with
openpyxl, imported into a real database) and rows written as a workbook."""

from __future__ import annotations

import datetime as dt
import os
import zipfile

import openpyxl
import pytest

from desktop_app.exchange.csv_export import ExportCancelled
from desktop_app.exchange.csv_format import CsvProblem, rows_with_lines
from desktop_app.exchange.csv_import import prepare
from desktop_app.exchange.presets import import_file
from desktop_app.exchange.xlsx_format import read_xlsx_file, sheet_names, write_xlsx


def save(workbook: openpyxl.Workbook, path):
    workbook.save(path)
    return path


def events_workbook(path):
    """A sheet of events as people type them: real dates (one with a time of day), whole
    numbers Excel holds as floats, an empty row, a blank cell, and formatting that reaches
    past the data (an empty column and rows after it)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Events"
    sheet.append(["date", "kind", "title", "fatalities", None])
    sheet.append([dt.date(2024, 1, 16), "strike", "Strike near Panjgur", 2.0])
    sheet.append([])
    sheet.append([dt.datetime(2024, 1, 18, 14, 30), "strike", "Strikes near Saravan", 9])
    sheet.append([dt.datetime(2024, 1, 20), "meeting", "Talks in Tehran", None])
    sheet["F9"].number_format = "0.00"  # a formatted, empty cell after the data
    sheet["B9"] = None
    return save(workbook, path)


def lines_of(decoded) -> list[tuple[int, list[str]]]:
    return list(rows_with_lines(decoded))


def test_a_sheet_reads_as_the_csv_text_of_its_rows(tmp_path):
    decoded = read_xlsx_file(events_workbook(tmp_path / "events.xlsx"))
    assert (decoded.encoding, decoded.delimiter, decoded.excel) == ("xlsx", ",", False)
    assert lines_of(decoded) == [
        (1, ["date", "kind", "title", "fatalities"]),
        (2, ["2024-01-16", "strike", "Strike near Panjgur", "2"]),
        (3, []),
        (4, ["2024-01-18", "strike", "Strikes near Saravan", "9"]),
        (5, ["2024-01-20", "meeting", "Talks in Tehran", ""]),
    ]


def test_a_sheet_imports_into_the_database_with_sheet_rows_as_line_numbers(db, tmp_path):
    path = events_workbook(tmp_path / "events.xlsx")
    result = import_file(db, "events", path)
    assert result.ok, [str(p) for p in result.problems]
    assert result.added == 3
    rows = db.execute("SELECT date, kind, title, fatalities FROM events ORDER BY date").fetchall()
    assert rows == [
        ("2024-01-16", "strike", "Strike near Panjgur", 2),
        ("2024-01-18", "strike", "Strikes near Saravan", 9),
        ("2024-01-20", "meeting", "Talks in Tehran", None),
    ]
    workbook = openpyxl.load_workbook(path)
    workbook.active["B5"] = "parade"  # not an event kind, in sheet row 5
    save(workbook, path)
    result = import_file(db, "events", path)
    assert [(p.line, p.column) for p in result.problems] == [(5, "kind")]


def test_rows_wider_than_the_header_are_padded_and_the_header_too(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["a", "b"])
    workbook.active.append(["1"])
    workbook.active.append(["1", "2", "3"])
    decoded = read_xlsx_file(save(workbook, tmp_path / "wide.xlsx"))
    assert lines_of(decoded) == [(1, ["a", "b", ""]), (2, ["1", "", ""]), (3, ["1", "2", "3"])]


def test_cells_holding_commas_quotes_and_line_breaks_stay_whole(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["title", "note"])
    workbook.active.append(['Talks, "again"', "first line\nsecond"])
    workbook.active.append(["=not a formula, text", 0.1 + 0.2, 1234567890123456.0])
    workbook.active["A3"].data_type = "s"
    decoded = read_xlsx_file(save(workbook, tmp_path / "text.xlsx"))
    assert [row for _, row in lines_of(decoded)] == [
        ["title", "note", ""],
        ['Talks, "again"', "first line\nsecond", ""],
        # (openpyxl writes 16 digits; Excel keeps 15); a whole number never as 1.23e+15
        ["=not a formula, text", "0.3", "1234567890123456"],
    ]


def with_cached_value(path, formula: str, value: str) -> None:
    """Give the formula the value a spreadsheet program would have saved with it (openpyxl
    writes formulas without one)."""
    patched = path.with_suffix(".patched")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                old = f"<f>{formula}</f><v />".encode()
                assert old in data
                data = data.replace(old, f"<f>{formula}</f><v>{value}</v>".encode())
            target.writestr(item, data)
    os.replace(patched, path)


def formula_workbook(path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Totals"
    sheet.append(["date", "kind", "title", "fatalities"])
    sheet.append([dt.date(2024, 3, 1), "attack", "Raid", 3])
    sheet.append([dt.date(2024, 3, 2), "attack", "Ambush", 4])
    sheet.append([dt.date(2024, 3, 3), "attack", "Shelling", "=D2+D3"])
    return save(workbook, path)


def test_a_formula_is_read_as_its_saved_value_never_computed(db, tmp_path):
    path = formula_workbook(tmp_path / "totals.xlsx")
    with_cached_value(path, "D2+D3", "42")  # not 7: the value is taken, not computed
    assert lines_of(read_xlsx_file(path))[3] == (4, ["2024-03-03", "attack", "Shelling", "42"])
    result = import_file(db, "events", path)
    assert result.ok, [str(p) for p in result.problems]
    fatalities = "SELECT fatalities FROM events WHERE title = 'Shelling'"
    assert db.execute(fatalities).fetchone() == (42,)


def test_a_formula_without_a_saved_value_is_refused_naming_its_cell(db, tmp_path):
    path = formula_workbook(tmp_path / "totals.xlsx")
    message = (
        'totals.xlsx, sheet "Totals": cell D4 holds a formula with no saved value; open the '
        "file in Excel and save it, or paste values."
    )
    with pytest.raises(CsvProblem) as raised:
        read_xlsx_file(path)
    assert str(raised.value) == message
    with pytest.raises(CsvProblem, match="cell D4 holds a formula"):
        import_file(db, "events", path)
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0


@pytest.mark.parametrize(
    "content",
    [b"date,kind,title\n2024-01-01,meeting,Talks\n", b"PK\x03\x04 cut short", b""],
    ids=["csv-named-xlsx", "broken-zip", "empty"],
)
def test_a_file_that_is_not_a_workbook_is_one_sentence(tmp_path, content):
    path = tmp_path / "report.xlsx"
    path.write_bytes(content)
    with pytest.raises(CsvProblem) as raised:
        prepare(path)
    assert str(raised.value) == (
        "report.xlsx is not a valid Excel workbook (.xlsx); open it in a spreadsheet program "
        "and save it as .xlsx (not password-protected), or as CSV."
    )


def test_a_workbook_whose_sheet_is_cut_short_is_not_a_valid_workbook(tmp_path):
    path = events_workbook(tmp_path / "events.xlsx")
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: data.index(b"</sheetData>") - 20]
            target.writestr(item, data)
    with pytest.raises(CsvProblem, match=r"^damaged.xlsx is not a valid Excel workbook"):
        read_xlsx_file(damaged)


def test_the_database_itself_is_refused_before_it_is_opened(db, db_path, tmp_path):
    with pytest.raises(CsvProblem, match="is open in Commitment Tracker"):
        read_xlsx_file(db_path)
    with pytest.raises(CsvProblem, match="is a folder"):
        read_xlsx_file(tmp_path)
    with pytest.raises(CsvProblem, match="no longer exists"):
        sheet_names(tmp_path / "gone.xlsx")


def test_sheets_are_listed_and_chosen_by_name_the_first_visible_by_default(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Lookup"
    workbook.active.append(["code"])
    workbook.active.sheet_state = "hidden"
    workbook.create_sheet("Events").append(["title"])
    workbook.create_sheet("Notes").append(["note"])
    path = save(workbook, tmp_path / "book.xlsm")  # a macro-enabled workbook reads the same
    assert sheet_names(path) == ["Lookup", "Events", "Notes"]
    assert prepare(path).header == ["title"]
    assert prepare(path, sheet="Notes").header == ["note"]
    assert prepare(path, sheet="Lookup").header == ["code"]
    with pytest.raises(CsvProblem) as raised:
        prepare(path, sheet="Sheet9")
    assert str(raised.value) == (
        'book.xlsm has no sheet named "Sheet9" (its sheets: "Lookup", "Events", "Notes").'
    )


def test_an_empty_sheet_or_a_header_not_in_row_1_is_explained(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Blank"
    late = workbook.create_sheet("Late")
    late["A3"] = "title"
    path = save(workbook, tmp_path / "book.xlsx")
    with pytest.raises(CsvProblem, match=r'^book.xlsx: sheet "Blank" is empty\.$'):
        read_xlsx_file(path)
    with pytest.raises(CsvProblem, match='row 1 of sheet "Late" is empty; put the column'):
        read_xlsx_file(path, "Late")


# --- writing ------------------------------------------------------------------------------------
HEADER = ["date", "kind", "title", "fatalities", "latitude"]
ROWS = [
    ["2024-01-16", "strike", '=HYPERLINK("http://x")', 2, 26.9637],
    ["2024-02-30", "attack", "+44 20 7946 0000", None, -0.5],
    ["2024-03-01", "meeting", "-talks-", 0, None],
    ["", "incident", "@SUM(A1)", 12, 0.1 + 0.2],
]


def test_written_rows_read_back_as_they_were(tmp_path):
    path = tmp_path / "events.xlsx"
    assert write_xlsx(path, HEADER, iter(ROWS)) == 4
    assert [row for _, row in lines_of(read_xlsx_file(path))] == [
        HEADER,
        ["2024-01-16", "strike", '=HYPERLINK("http://x")', "2", "26.9637"],
        ["2024-02-30", "attack", "+44 20 7946 0000", "", "-0.5"],
        ["2024-03-01", "meeting", "-talks-", "0", ""],
        ["", "incident", "@SUM(A1)", "12", "0.3"],  # (Excel keeps 15 digits)
    ]


def test_dates_are_written_as_dates_and_formula_like_text_as_text(tmp_path):
    path = tmp_path / "events.xlsx"
    write_xlsx(path, HEADER, ROWS)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "events"
    dates = [sheet.cell(row, 1) for row in (2, 3, 4)]
    assert [(c.is_date, c.value) for c in dates] == [
        (True, dt.datetime(2024, 1, 16)),
        (False, "2024-02-30"),  # no such day: kept as the text it was
        (True, dt.datetime(2024, 3, 1)),
    ]
    assert dates[0].number_format == "yyyy-mm-dd"
    titles = [sheet.cell(row, 3) for row in (2, 3, 4, 5)]
    assert [c.data_type for c in titles] == ["s", "s", "s", "s"]
    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    assert [sheet.cell(2, 4).value, sheet.cell(2, 5).value] == [2, 26.9637]


def test_writing_replaces_a_file_whole_and_keeps_its_permissions(tmp_path):
    path = tmp_path / "events.xlsx"
    write_xlsx(path, HEADER, ROWS)
    os.chmod(path, 0o640)
    before = path.read_bytes()

    def failing_rows():
        yield ROWS[0]
        raise OSError("the database went away")

    with pytest.raises(OSError, match="went away"):
        write_xlsx(path, HEADER, failing_rows())
    assert path.read_bytes() == before
    assert write_xlsx(path, HEADER, ROWS[:1]) == 1
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["events.xlsx"]  # no temporary file left
    assert len(lines_of(read_xlsx_file(path))) == 2


def test_a_cancelled_write_leaves_no_file(tmp_path):
    path = tmp_path / "events.xlsx"
    asked = []

    def progress(done: int) -> bool:
        asked.append(done)
        return False

    rows = ([f"2024-01-{1 + n % 28:02d}", "meeting", f"Talks {n}"] for n in range(6000))
    with pytest.raises(ExportCancelled):
        write_xlsx(path, ["date", "kind", "title"], rows, progress)
    assert asked == [5000]
    assert list(tmp_path.iterdir()) == []


def test_an_exported_workbook_imports_into_an_empty_database(db, tmp_path):
    path = tmp_path / "copy.xlsx"
    write_xlsx(path, ["date", "kind", "title"], [["2024-05-01", "visit", "=Visit to Gao"]])
    result = import_file(db, "events", path)
    assert result.ok, [str(p) for p in result.problems]
    assert db.execute("SELECT date, kind, title FROM events").fetchall() == [
        ("2024-05-01", "visit", "=Visit to Gao")
    ]
