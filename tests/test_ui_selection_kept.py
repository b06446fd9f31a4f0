"""Changing the as-of date with a commitment selected keeps it selected, without reading the
whole row order on the GUI thread (on a big table that took most of a second)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QSettings, Qt

from desktop_app.store import queries
from desktop_app.store.sample import write_sample
from desktop_app.ui.main_window import TAB_COMMITMENTS, MainWindow
from desktop_app.ui.paged_table_model import ID_ROLE, PagedTableModel
from desktop_app.ui.table_models import CommitmentTableModel


def test_the_selection_survives_an_as_of_change_with_ids_read_on_a_worker(
    qtbot, tmp_path, monkeypatch
):
    # the sample's 7 commitments stand for a big table: pages of 2, ids read on a worker
    monkeypatch.setattr(PagedTableModel, "PAGE_SIZE", 2)
    monkeypatch.setattr(PagedTableModel, "BACKGROUND_IDS_FROM", 3)
    threads = []
    real_ids_reader = CommitmentTableModel.ids_reader

    def ids_reader(self):
        reader = real_ids_reader(self)

        def read(db):  # notes the thread each reading of the whole order runs on
            threads.append(threading.current_thread() is threading.main_thread())
            return reader(db)

        return read

    monkeypatch.setattr(CommitmentTableModel, "ids_reader", ids_reader)
    QSettings().clear()
    window = MainWindow(write_sample(tmp_path / "s.db"))
    qtbot.addWidget(window)
    window.set_as_of("2024-12-31")
    window.commitments_view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by status: the
    model = window.commitment_model  # order then depends on the date, and is read again
    qtbot.waitUntil(lambda: not model.ids_pending(), timeout=5000)
    last_row = model.rowCount() - 1
    chosen = model.index(last_row, 0).data(ID_ROLE)
    assert window.select_commitment(chosen)
    threads.clear()
    window.set_as_of("2024-06-30")  # a new date: the order is read again
    assert window.selected_id(TAB_COMMITMENTS) in (chosen, None)
    qtbot.waitUntil(lambda: not model.ids_pending(), timeout=5000)
    qtbot.waitUntil(lambda: window.selected_id(TAB_COMMITMENTS) == chosen, timeout=5000)
    assert threads and not any(threads)  # never on the GUI thread
    assert window.detail.browser.toPlainText().strip()


def test_sorting_a_big_table_by_status_reads_the_new_order_on_a_worker(
    qtbot, tmp_path, monkeypatch
):
    # the sample stands for a big table again: from 3 rows, a status order is costly
    monkeypatch.setattr(PagedTableModel, "PAGE_SIZE", 2)
    monkeypatch.setattr(PagedTableModel, "BACKGROUND_IDS_FROM", 3)
    on_gui_thread = []
    real_rows_reader = CommitmentTableModel.rows_reader

    def rows_reader(self):
        reader = real_rows_reader(self)

        def read(db, ids):
            on_gui_thread.append(threading.current_thread() is threading.main_thread())
            return reader(db, ids)

        return read

    monkeypatch.setattr(CommitmentTableModel, "rows_reader", rows_reader)
    QSettings().clear()
    window = MainWindow(write_sample(tmp_path / "s.db"))
    qtbot.addWidget(window)
    window.show()
    window.set_as_of("2024-12-31")
    model = window.commitment_model
    qtbot.waitUntil(lambda: not model.ids_pending(), timeout=5000)
    shown_before = [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]
    on_gui_thread.clear()
    window.commitments_view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert model.reordering  # the new order is on its way; the old rows stay meanwhile
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == shown_before
    qtbot.waitUntil(lambda: not model.reordering, timeout=5000)
    expected = list(queries.commitment_ids(model.db, "2024-12-31", model.filter, "status"))
    assert expected != shown_before  # the sample's status order differs from the date order
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == expected
    assert on_gui_thread[0] is False  # the first page came with the order, from the worker


def test_after_an_edit_a_big_table_is_counted_and_read_on_a_worker(qtbot, tmp_path, monkeypatch):
    from desktop_app.domain.records import Commitment
    from desktop_app.ui import record_actions

    monkeypatch.setattr(PagedTableModel, "BACKGROUND_IDS_FROM", 3)
    counted_here = []
    real_count = CommitmentTableModel.count
    monkeypatch.setattr(
        CommitmentTableModel,
        "count",
        lambda self: counted_here.append(1) or real_count(self),
    )
    QSettings().clear()
    window = MainWindow(write_sample(tmp_path / "s.db"))
    qtbot.addWidget(window)
    window.show()
    model = window.commitment_model
    qtbot.waitUntil(lambda: not model.ids_pending(), timeout=5000)
    # the columns were fitted once the first rows came from the worker, not to an empty table
    view = window.commitments_view
    assert view not in window.layouts.unfitted and view.columnWidth(0) == 300
    status_text = model.index(0, 1).data()  # wider than the header "Status"
    assert view.columnWidth(1) > view.fontMetrics().horizontalAdvance(status_text)
    before = model.rowCount()
    _, change = window.session.add(
        Commitment(title="Reopen the Taftan crossing", made_on="2024-02-01")
    )
    record_actions.push_change(window, change, "Add a commitment")
    assert model.reordering and model.rowCount() == before  # the old rows, until the new come
    qtbot.waitUntil(lambda: not model.reordering, timeout=5000)
    assert model.rowCount() == before + 1
    assert window.counts_label.text().startswith(f"{before + 1} commitments")  # not the old
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Reopen the Taftan crossing" in titles
    assert counted_here == []  # the count came with the ids, from the worker


def test_opening_another_file_while_rows_are_still_read_drops_the_old_reads(
    qtbot, tmp_path, monkeypatch
):
    # the old file's first pages and row orders arrive after its connection was closed: they
    # must be dropped, not followed up on the closed connection (an error in a slot)
    monkeypatch.setattr(PagedTableModel, "PAGE_SIZE", 2)
    monkeypatch.setattr(PagedTableModel, "BACKGROUND_IDS_FROM", 3)
    QSettings().clear()
    window = MainWindow(write_sample(tmp_path / "first.db"))
    qtbot.addWidget(window)
    old_models = [window.commitment_model, window.event_model, window.statistic_model]
    window.open_file(write_sample(tmp_path / "second.db"))  # at once, reads still on their way
    qtbot.waitUntil(lambda: not window.commitment_model.reordering, timeout=10000)
    qtbot.wait(300)  # the old reads have arrived by now, and were dropped
    assert window.commitment_model not in old_models
    assert window.commitment_model.rowCount() == 7
    assert all(not model.reordering for model in old_models)


def test_typing_fast_keeps_one_read_going_and_shows_the_newest_text(qtbot, tmp_path, monkeypatch):
    # every key of a search starts no read of its own while one runs: the newest text is read
    # when it ends (on a big table each read takes a while; they would queue up)
    monkeypatch.setattr(PagedTableModel, "PAGE_SIZE", 2)
    monkeypatch.setattr(PagedTableModel, "BACKGROUND_IDS_FROM", 3)
    started = []
    real_count_reader = CommitmentTableModel.count_reader

    def count_reader(self):
        text = self.filter.text
        started.append(text)
        return real_count_reader(self)

    monkeypatch.setattr(CommitmentTableModel, "count_reader", count_reader)
    QSettings().clear()
    window = MainWindow(write_sample(tmp_path / "s.db"))
    qtbot.addWidget(window)
    model = window.commitment_model
    qtbot.waitUntil(lambda: not model.reordering, timeout=5000)
    started.clear()
    for text in ("b", "bo", "bor", "bord", "borde", "border"):
        model.filter = queries.CommitmentFilter(text=text)
        model.reload()
    assert len(started) == 1  # the first read runs; the other five wait as one
    qtbot.waitUntil(lambda: not model.reordering, timeout=5000)
    assert started == ["b", "border"]  # then the newest text only
    border = queries.CommitmentFilter(text="border")
    expected = queries.count_commitments(window.db, window.as_of, border)
    assert model.rowCount() == expected > 0


def test_closing_the_window_while_a_search_waits_for_its_read_raises_nothing(
    qtbot, tmp_path, monkeypatch
):
    # a read runs, a newer text waits for it: the window closes (its connection with it)
    # before the read ends; the newer read must not start on the closed connection
    monkeypatch.setattr(PagedTableModel, "PAGE_SIZE", 2)
    monkeypatch.setattr(PagedTableModel, "BACKGROUND_IDS_FROM", 3)
    QSettings().clear()
    window = MainWindow(write_sample(tmp_path / "s.db"))
    qtbot.addWidget(window)
    model = window.commitment_model
    qtbot.waitUntil(lambda: not model.reordering, timeout=5000)
    for text in ("b", "border"):
        model.filter = queries.CommitmentFilter(text=text)
        model.reload()
    window.close()
    qtbot.wait(500)  # the first read arrives after the close: an error in a slot fails here
    assert window.session is None and not model.reordering


def test_an_earlier_date_drops_the_commitments_made_after_it_from_a_big_table(
    qtbot, tmp_path, monkeypatch
):
    # the sample's 7 commitments stand for a big table: its ids are read on a worker and kept
    monkeypatch.setattr(PagedTableModel, "BACKGROUND_IDS_FROM", 3)
    QSettings().clear()
    window = MainWindow(write_sample(tmp_path / "s.db"))
    qtbot.addWidget(window)
    model = window.commitment_model
    qtbot.waitUntil(lambda: not model.ids_pending(), timeout=5000)
    assert model.rowCount() == 7
    window.set_as_of("2024-03-01")  # the trade target (made on 22 April) was not made yet
    qtbot.waitUntil(lambda: not model.ids_pending(), timeout=5000)
    rows = [model.row(number) for number in range(model.rowCount())]
    assert len(rows) == 6 and all(row and row["made_on"] <= "2024-03-01" for row in rows)
    window.set_as_of("2024-12-31")  # and back: it is listed again
    qtbot.waitUntil(lambda: not model.ids_pending(), timeout=5000)
    assert model.rowCount() == 7 and all(model.row(n) for n in range(7))
