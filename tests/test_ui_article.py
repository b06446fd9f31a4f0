"""Edit > New from article…: from pasted text to accepted records, undone and redone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.store.database import open_database
from desktop_app.ui.article_dialog import COL_ADD, COL_TITLE, ArticleDialog
from desktop_app.ui.main_window import MainWindow
from tests.ui_helpers import when_modal_opens

ARTICLE = (Path(__file__).parent / "articles" / "ladakh_2025-03-10.txt").read_text()


def count(db, table):
    return db.execute(f"SELECT COUNT(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]


def test_paste_tick_edit_accept_then_undo(qtbot, tmp_path):
    QSettings().clear()
    path = tmp_path / "empty.db"
    open_database(path).close()
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.set_as_of("2025-12-31")
    QApplication.clipboard().setText(ARTICLE)

    def review(dialog: ArticleDialog) -> None:
        qtbot.waitUntil(lambda: not dialog.finding, timeout=10000)  # read on a worker
        assert dialog.published.iso() == "2025-03-10"  # from the article's date line
        rows = {dialog.table.item(r, COL_TITLE).text(): r for r in range(dialog.table.rowCount())}
        patrols = rows["Resume border patrols by the end of June"]
        dialog.table.item(patrols, COL_ADD).setCheckState(Qt.CheckState.Unchecked)
        withdraw = next(r for t, r in rows.items() if t.startswith("Withdraw troops"))
        dialog.table.item(withdraw, COL_TITLE).setText("Withdraw troops from two friction points")
        dialog.source_url.setText("https://example.org/ladakh")
        dialog.add_button.click()

    when_modal_opens(review)
    window.from_article_action.trigger()
    titles = {
        window.commitment_model.index(r, 0).data()
        for r in range(window.commitment_model.rowCount())
    }
    assert titles == {
        "Withdraw troops from two friction points",
        "Hold the next round of talks in New Delhi on April 25",
    }
    db = window.db
    deadline = db.execute(
        "SELECT deadline FROM commitments WHERE title LIKE 'Withdraw%'"
    ).fetchone()[0]
    assert deadline == "2025-05-10"
    parties = {
        r[0]
        for r in db.execute(
            "SELECT a.iso3 FROM commitment_parties cp JOIN actors a ON a.id = cp.actor_id"
        )
    }
    assert parties == {"IND", "CHN"}
    origin = db.execute("""SELECT e.kind, e.date FROM commitments c
                           JOIN events e ON e.id = c.origin_event_id LIMIT 1""").fetchone()
    assert origin == ("meeting", "2025-03-10")
    assert db.execute("SELECT url FROM sources").fetchone()[0] == "https://example.org/ladakh"
    places = {r[0] for r in db.execute("SELECT name FROM places")}
    assert {"eastern Ladakh", "New Delhi"} <= places
    before = {t: count(db, t) for t in ("commitments", "events", "sources", "places")}

    window.undo_action.trigger()
    assert {t: count(db, t) for t in ("commitments", "events", "sources")} == {
        "commitments": 0,
        "events": 0,
        "sources": 0,
    }
    assert window.commitment_model.rowCount() == 0
    window.redo_action.trigger()
    assert {t: count(db, t) for t in ("commitments", "events", "sources", "places")} == before


def test_cancelling_adds_nothing(qtbot, tmp_path):
    QSettings().clear()
    path = tmp_path / "empty.db"
    open_database(path).close()
    window = MainWindow(path)
    qtbot.addWidget(window)
    when_modal_opens(lambda dialog: dialog.reject())
    window.from_article_action.trigger()
    assert count(window.db, "commitments") == 0 and count(window.db, "sources") == 0


def test_the_article_is_read_on_a_worker_and_can_be_stopped(qtbot):
    from desktop_app.ui.stall_watchdog import StallWatchdog

    QSettings().clear()
    dialog = ArticleDialog(text="")
    qtbot.addWidget(dialog)
    # a long text (about 150,000 characters: a second of reading) must not freeze the dialog
    dialog.text.setPlainText((ARTICLE + "\n\n") * (150_000 // len(ARTICLE)))
    watchdog = StallWatchdog()
    watchdog.start()
    dialog.find_button.click()
    assert dialog.finding and dialog.summary.text() == "Finding candidates…"
    qtbot.wait(100)
    assert dialog.finding
    dialog.find_button.click()  # Stop
    assert not dialog.finding and dialog.summary.text().startswith("Stopped.")
    dialog.find_button.click()  # and again, to the end this time
    qtbot.waitUntil(lambda: not dialog.finding, timeout=20000)
    watchdog.stop()
    assert dialog.table.rowCount() > 100
    # reading it on the GUI thread takes 1.3 s or more; a busy machine may hiccup briefly
    assert watchdog.longest_ms() < 1000


def test_a_text_too_long_for_one_article_is_refused_with_a_sentence(qtbot):
    QSettings().clear()
    dialog = ArticleDialog(text="")
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("word " * 50_000)
    dialog.find_button.click()
    assert not dialog.finding
    assert "Paste one article at a time" in dialog.summary.text()
