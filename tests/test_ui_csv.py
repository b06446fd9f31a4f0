"""File > Export CSV and File > Import CSV through the real dialogs, offscreen."""

from __future__ import annotations

import csv

from PySide6.QtWidgets import QFileDialog

from desktop_app.ui.csv_dialogs import ImportDialog
from desktop_app.ui.export_dialog import ExportDialog, export_csv_to
from tests.ui_helpers import when_modal_opens


def test_export_current_view_from_the_file_menu(window, qtbot, tmp_path, monkeypatch):
    combo = window.filter_bar.status
    combo.setCurrentIndex(combo.findData("fulfilled"))
    target = tmp_path / "view.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def choose(dialog: ExportDialog) -> None:
        dialog.what.setCurrentIndex(dialog.what.findData("view"))
        dialog.accept()

    when_modal_opens(choose)
    window.export_action.trigger()
    qtbot.waitUntil(target.exists, timeout=5000)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["title"] for r in rows} == {
        "Return the ambassadors to their posts",
        "Visit of Iran's president to Pakistan",
    }
    assert {r["status"] for r in rows} == {"Fulfilled"}  # in words, for people
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    qtbot.waitUntil(lambda: "exported" in window.statusBar().currentMessage(), timeout=5000)


def test_export_events_plain(window, qtbot, tmp_path):
    target = tmp_path / "events.csv"
    done = []
    export_csv_to(window, "events", target, excel=False, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [7]
    assert not target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_import_dialog_lists_problems_and_imports_nothing(window, qtbot, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("title,made_on,promisors\nGood,2024-05-01,PAK\nBad,2024-02-30,PAK\n")
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problems == ["line 3, column made_on: 30 February 2024 does not exist"]
    assert not dialog.import_button.isEnabled()
    assert dialog.preview.rowCount() == 2


def test_import_dialog_maps_columns_and_imports(window, qtbot, tmp_path):
    path = tmp_path / "colleague.csv"
    path.write_text("Title;Made On;Signatory\nDemine the border strip;2024-06-01;Armenia\n")
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    assert "promisors" not in dialog.current_mapping()
    row = [dialog.mapping.item(r, 0).text() for r in range(dialog.mapping.rowCount())].index(
        "promisors"
    )
    dialog.mapping.cellWidget(row, 1).setCurrentIndex(3)  # "Signatory"
    assert dialog.current_mapping()["promisors"] == 2
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.import_button.click()
    assert dialog.result_value.added == 1
    window.refresh()
    titles = [
        window.commitment_model.index(r, 0).data()
        for r in range(window.commitment_model.rowCount())
    ]
    assert "Demine the border strip" in titles


def test_import_dialog_explains_an_unreadable_file(window, qtbot, tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    assert "NUL bytes" in dialog.problems.item(0).text()
    assert not dialog.import_button.isEnabled()


def test_a_big_file_is_checked_on_a_worker(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(ImportDialog, "CHECK_HERE_UP_TO", 2)
    path = tmp_path / "many.csv"
    path.write_text(
        "title,made_on,promisors\n"
        + "".join(f"Promise {n},2024-05-{n % 28 + 1:02d},PAK\n" for n in range(50))
        + "Bad,2024-13-01,PAK\n"
    )
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.problems.count() == 1, timeout=10000)
    assert dialog.problems.item(0).text().startswith("line 52, column made_on:")
    assert not dialog.import_button.isEnabled()


def test_choosing_the_wrong_encoding_is_explained(window, qtbot, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("label,value\nDéplacés,3\n".encode("cp1252"))
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    assert dialog.problems.count() == 0  # detected as Windows-1252
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8"))
    assert "is not valid utf-8 (line 2)" in dialog.problems.item(0).text()


def test_an_import_is_one_step_that_undo_takes_back_and_redo_puts_back(window, qtbot, tmp_path):
    from desktop_app.ui.csv_dialogs import run_import
    from tests.dump import full_dump
    from tests.ui_helpers import when_modal_opens

    path = tmp_path / "colleague.csv"
    path.write_text("title,made_on,promisors\nDemine the border strip,2024-06-01,ARM\n")
    before = full_dump(window.db)
    notes = []

    def import_it(dialog: ImportDialog) -> None:
        notes.append(dialog.undo_note.text())
        dialog.import_button.click()

    when_modal_opens(import_it)
    result = run_import(window, str(path))
    assert result is not None and result.added == 1
    assert "Undo" in notes[0]
    assert window.undo_action.text() == "&Undo Import of colleague.csv"
    after = full_dump(window.db)
    assert after != before
    window.undo_action.trigger()
    assert full_dump(window.db) == before
    window.redo_action.trigger()
    assert full_dump(window.db) == after


def test_exporting_over_the_open_database_is_refused(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from tests.dump import full_dump

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    before = full_dump(window.db)
    export_csv_to(window, "events", window.database_path, excel=False)
    assert said and "would destroy" in said[0]
    assert full_dump(window.db) == before


def test_enter_in_the_file_field_never_imports_and_check_again_reads_the_file_anew(
    window, qtbot, tmp_path
):
    from PySide6.QtCore import Qt

    path = tmp_path / "colleague.csv"
    path.write_text("title,made_on,promisors\nGood date,2024-02-29,PAK\n")
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    assert dialog.import_button.isEnabled()
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # Enter: the file is read, not imported
    assert dialog.result_value is None
    count = "SELECT COUNT(*) FROM commitments WHERE title = 'Good date'"
    assert window.db.execute(count).fetchone()[0] == 0
    path.write_text("title,made_on,promisors\nGood date,2024-02-29,PAK\nBad,2024-02-30,PAK\n")
    dialog.check_button.click()  # the file changed meanwhile: read again
    assert [dialog.problems.item(i).text() for i in range(dialog.problems.count())] == [
        "line 3, column made_on: 30 February 2024 does not exist"
    ]
    assert not dialog.import_button.isEnabled()


def test_check_again_keeps_the_mapping_the_user_chose(window, qtbot, tmp_path):
    path = tmp_path / "colleague.csv"
    path.write_text("Title;Made On;Signatory\nDemine the border strip;2024-06-01;Armenia\n")
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    fields = [dialog.mapping.item(r, 0).text() for r in range(dialog.mapping.rowCount())]
    dialog.mapping.cellWidget(fields.index("promisors"), 1).setCurrentIndex(3)  # "Who"
    assert dialog.current_mapping()["promisors"] == 2
    dialog.check_button.click()  # reads the file again
    assert dialog.current_mapping()["promisors"] == 2
    assert dialog.import_button.isEnabled()


def test_a_big_file_is_read_once_on_a_worker_and_its_table_guessed(
    window, qtbot, tmp_path, monkeypatch
):
    import threading

    from desktop_app.exchange import csv_import

    monkeypatch.setattr(ImportDialog, "PREPARE_HERE_UP_TO", 10)  # bytes: this file is "big"
    reads = []
    real_prepare = csv_import.prepare

    def prepare(*args, **kwargs):
        reads.append(threading.current_thread() is threading.main_thread())

        return real_prepare(*args, **kwargs)

    monkeypatch.setattr(csv_import, "prepare", prepare)
    path = tmp_path / "events.csv"
    path.write_text("date,kind,title\n2024-01-16,strike,Missile strike near Panjgur\n")
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "Reading events.csv…"  # the window is not held meanwhile
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    assert reads == [False]  # read once, and not on the GUI thread
    assert dialog.table.currentData() == "events"  # guessed from the header it read
    assert "1 row" in dialog.summary.text()


def test_the_date_order_is_guessed_shown_and_can_be_chosen(window, qtbot, tmp_path):
    path = tmp_path / "colleague.csv"
    path.write_text("title,made_on,promisors\nOpen markets,03/04/2024,PAK\n", encoding="utf-8")
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    assert "could be 3 April 2024 or 4 March 2024" in dialog.problems.item(0).text()
    assert not dialog.import_button.isEnabled()
    dialog.date_order.setCurrentIndex(dialog.date_order.findData("day-first"))
    assert dialog.problems.count() == 0 and dialog.import_button.isEnabled()
    assert ", dates day first)" in dialog.summary.text()
    path.write_text(
        "title,made_on,promisors\nOpen markets,03/04/2024,PAK\nTalks,12/31/2024,IRN\n",
        encoding="utf-8",
    )
    dialog.date_order.setCurrentIndex(0)  # guess again, from the file as it is now
    dialog.load()
    assert ", dates month first (guessed))" in dialog.summary.text()
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10000)
    made = dict(
        window.db.execute(
            "SELECT title, made_on FROM commitments WHERE title IN ('Open markets', 'Talks')"
        ).fetchall()
    )
    assert made == {"Open markets": "2024-03-04", "Talks": "2024-12-31"}


def test_a_workbook_is_imported_from_the_sheet_chosen(window, qtbot, tmp_path):
    import datetime as dt

    from openpyxl import Workbook

    workbook = Workbook()
    notes = workbook.active
    notes.title = "Notes"
    notes.append(["Read me first"])
    sheet = workbook.create_sheet("Promises")
    sheet.append(["Title", "Parties", "Made on", "Status"])
    sheet.append(["Reopen the Taftan crossing", "PAK;IRN", dt.date(2024, 2, 1), "delayed"])
    path = tmp_path / "colleague.xlsx"
    workbook.save(path)
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    assert [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())] == ["Notes", "Promises"]
    assert dialog.sheet.isEnabled() and not dialog.encoding.isEnabled()
    dialog.sheet.setCurrentIndex(1)
    dialog.table.setCurrentIndex(dialog.table.findData("commitments"))
    assert dialog.import_button.isEnabled(), [dialog.problems.item(0).text()]
    assert "1 new status" in dialog.summary.text()
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.import_button.click()
    made = window.db.execute(
        "SELECT made_on FROM commitments WHERE title = 'Reopen the Taftan crossing'"
    ).fetchall()
    assert made == [("2024-02-01",)]


def test_a_ucdp_file_is_recognised_by_its_columns(window, qtbot, tmp_path):
    path = tmp_path / "ged.csv"
    path.write_text("id,date_start,type_of_violence,best,country\n1,2024-01-16,1,2,Pakistan\n")
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    assert dialog.preset.currentData() == "ucdp"
    assert dialog.table.currentData() == "events"


def test_export_to_an_excel_workbook(window, qtbot, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "commitments.xlsx"
    done = []
    export_csv_to(window, "commitments", target, True, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    rows = list(load_workbook(target, read_only=True).active.iter_rows(values_only=True))
    count = window.db.execute(
        "SELECT COUNT(*) FROM commitments WHERE deleted_at IS NULL"
    ).fetchone()[0]
    assert rows[0][:3] == ("uuid", "title", "description") and len(rows) == count + 1 == done[0] + 1


def test_the_mapping_is_remembered_for_a_file_with_the_same_header(window, qtbot, tmp_path):
    path = tmp_path / "colleague.csv"
    path.write_text("Title;Made On;Signatory\nDemine the border strip;2024-06-01;Armenia\n")
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    fields = [dialog.mapping.item(r, 0).text() for r in range(dialog.mapping.rowCount())]
    dialog.mapping.cellWidget(fields.index("promisors"), 1).setCurrentIndex(3)  # "Signatory"
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.import_button.click()
    later = tmp_path / "next-month.csv"  # another file, laid out the same way
    later.write_text("Title;Made On;Signatory\nOpen the Gabd market;2024-07-01;Iran\n")
    again = ImportDialog(window, str(later))
    qtbot.addWidget(again)
    assert again.current_mapping() == {"title": 0, "made_on": 1, "promisors": 2}
    other = tmp_path / "other.csv"  # another header: the automatic mapping
    other.write_text("Title;Made On;Signatory;Notes\nOpen talks;2024-07-01;Iran;x\n")
    third = ImportDialog(window, str(other))
    qtbot.addWidget(third)
    assert "promisors" not in third.current_mapping()


def test_the_preview_says_what_each_row_becomes(window, qtbot, tmp_path):
    uuid, title, made_on = window.db.execute(
        "SELECT uuid, title, made_on FROM commitments ORDER BY id LIMIT 1"
    ).fetchone()
    path = tmp_path / "mixed.csv"
    path.write_text(
        "uuid,title,made_on\n"
        f"{uuid},{title} (renamed),{made_on}\n"
        ",A new one,2024-02-01\n"
        ",A bad one,2024-02-30\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    column = [dialog.preview.item(r, 0).text() for r in range(3)]
    assert column == ["", "", "problem: made_on"]  # nothing is written while one row is wrong
    path.write_text(path.read_text().replace("2024-02-30", "2024-02-28"), encoding="utf-8")
    dialog.load()
    column = [dialog.preview.item(r, 0).text() for r in range(3)]
    assert column == ["an update", "new", "new"]


def test_names_that_are_no_country_are_shown_before_importing(window, qtbot, tmp_path):
    path = tmp_path / "parties.csv"
    path.write_text(
        "title,parties,made_on\nCeasefire talks,Irna;Pakistan,2024-03-02\n", encoding="utf-8"
    )
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    assert dialog.import_button.isEnabled()
    assert "New actors (not countries, not yet recorded): Irna." in dialog.new_names.text()
    path.write_text(path.read_text().replace("Irna", "Iran"), encoding="utf-8")
    dialog.load()
    assert dialog.new_names.text() == ""


def test_the_preview_names_a_new_status_for_a_commitment_already_recorded(window, qtbot, tmp_path):
    path = tmp_path / "statuses.csv"
    path.write_text(
        "Commitment,Parties,Date agreed,Status\n"
        "Activate joint border markets,Pakistan and Iran,29/01/2024,delayed\n"
        'Cooperate against terrorism,"Pakistan, Iran",29/01/2024,\n',
        encoding="utf-8",
    )
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    assert [dialog.preview.item(r, 0).text() for r in range(2)] == ["a new status", "no change"]
    assert "0 new, 0 to update, 2 unchanged, 1 new statuses." in dialog.summary.text()


def test_a_big_file_is_checked_and_imported_in_a_child_process(
    window, qtbot, tmp_path, monkeypatch
):
    from desktop_app.ui.csv_dialogs import run_import
    from tests.dump import full_dump
    from tests.ui_helpers import when_modal_opens

    monkeypatch.setattr(ImportDialog, "CHECK_HERE_UP_TO", 2)
    monkeypatch.setattr(ImportDialog, "IN_CHILD_FROM", 3)
    path = tmp_path / "many.csv"
    path.write_text(
        "title,made_on,promisors\n"
        + "".join(f"Promise {n},2024-05-{n % 28 + 1:02d},PAK\n" for n in range(40))
    )
    window.session.set_analyst("Ana Analyst")
    before = full_dump(window.db)
    summaries = []

    def import_when_checked(dialog: ImportDialog) -> None:
        qtbot.waitUntil(lambda: "rows ready" in dialog.summary.text(), timeout=20000)
        summaries.append(dialog.summary.text())
        dialog.import_button.click()

    when_modal_opens(import_when_checked)
    result = run_import(window, str(path))
    assert "40 rows ready" in summaries[0] and "40 new" in summaries[0]
    assert result is not None and result.added == 40
    titles = {r[0] for r in window.db.execute("SELECT title FROM commitments")}
    assert {f"Promise {n}" for n in range(40)} <= titles  # written by the child, seen here
    logged = window.db.execute(
        "SELECT analyst, table_name FROM record_changes WHERE action = 'import'"
    ).fetchall()
    assert logged == [("Ana Analyst", "commitments")]  # one entry, by its analyst
    window.undo_action.trigger()
    assert full_dump(window.db) == before
