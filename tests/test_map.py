"""The map: projection, outlines, what the store says stands where (as of a date, under the
filter), zoom levels, clicking and choosing an area, and `render --chart map`."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QColor, QImage

from desktop_app.charts import markers
from desktop_app.charts.outlines import world_outlines
from desktop_app.charts.projection import degrees_text, project, unproject
from desktop_app.domain.status import STATUS_INFO, Status
from desktop_app.store import queries
from desktop_app.store.map_queries import EVENT_KINDS, map_data
from desktop_app.store.queries import CommitmentFilter
from desktop_app.store.sample import write_sample
from desktop_app.store.status_index import STATUSES, StatusIndex

TURBAT = (63.05, 26.0)
ZAHIDAN = (60.86, 29.5)
SARAVAN = (62.33, 27.37)
PANJGUR = (64.09, 26.96)


# --- projection ----------------------------------------------------------------------------------
def test_projection_keeps_degrees_and_wraps_longitudes():
    x, y = project([63.05, 190.0, -190.0, 180.0, -180.0], [26.0, 10.0, -10.0, 0.0, 0.0])
    assert x.tolist() == pytest.approx([63.05, -170.0, 170.0, 180.0, -180.0])
    assert y.tolist() == [26.0, 10.0, -10.0, 0.0, 0.0]
    back = unproject(*project([63.05, -120.5], [26.0, -45.25]))
    assert np.allclose(back, [[63.05, -120.5], [26.0, -45.25]])
    # equal steps in degrees are equal steps on the map, east-west as north-south
    (x0, x1), (y0, y1) = project([60.0, 61.0], [29.0, 30.0])
    assert x1 - x0 == pytest.approx(y1 - y0)


def test_projection_refuses_a_latitude_off_the_globe():
    with pytest.raises(ValueError, match="latitude"):
        project([0.0], [91.0])


def test_degrees_text_names_the_hemispheres():
    assert degrees_text(63.05, 26.0) == "26.00° N, 63.05° E"
    assert degrees_text(-70.5, -33.45) == "33.45° S, 70.50° W"


# --- outlines ------------------------------------------------------------------------------------
def test_the_converted_outlines_load_with_iso_codes():
    outlines = world_outlines()
    assert len(outlines.iso3) > 200 and {"PAK", "IRN", "AFG", "IND"} <= set(outlines.iso3)
    assert outlines.names[outlines.iso3.index("PAK")] == "Pakistan"
    assert outlines.points.dtype == np.float32
    assert outlines.ring_starts[-1] == len(outlines.points)
    x, _y, connect = outlines.line_arrays()
    assert len(x) == len(connect) and (~connect).sum() == len(outlines.ring_country)
    # rings across the antimeridian (Russia, Fiji) run on past 180° instead of jumping
    # back: no line across the world
    jumps = np.abs(np.diff(x)) > 180
    assert not (jumps & connect[:-1]).any()
    assert outlines.contains("RUS", -172.0, 66.0) and outlines.contains("RUS", 170.0, 67.0)
    # a world view draws a point in eight, every ring still there and still closed
    x8, y8, connect8 = outlines.line_arrays(step=8)
    assert len(x8) < len(x) / 5 and (~connect8).sum() == (~connect).sum()
    ends = np.flatnonzero(~connect8)
    starts = np.concatenate([[0], ends[:-1] + 1])
    closed = np.isclose(x8[starts], x8[ends]) & np.isclose(y8[starts], y8[ends])
    # only Antarctica's rings, which go round the pole, end where they did not start
    assert (y8[starts][~closed] < -80).all() and closed.sum() > len(closed) - 5
    # one country's rings alone
    pakistan = outlines.iso3.index("PAK")
    px, py, pconnect = outlines.line_arrays(country=pakistan)
    assert 60 < px.min() < px.max() < 78 and (~pconnect).sum() == len(outlines.rings_of("PAK"))
    each = outlines.country_line_arrays()
    assert len(each) == len(outlines.iso3) and sum(len(a[0]) for a in each) == len(x)
    assert np.array_equal(each[pakistan][0], px) and np.array_equal(each[pakistan][1], py)


@pytest.mark.parametrize(
    ("place", "inside", "outside"),
    [(TURBAT, "PAK", "IRN"), (ZAHIDAN, "IRN", "PAK"), (SARAVAN, "IRN", "PAK"),
     (PANJGUR, "PAK", "IRN")],
)  # fmt: skip
def test_places_of_the_founding_example_lie_in_their_country(place, inside, outside):
    outlines = world_outlines()
    assert outlines.contains(inside, *place)
    assert not outlines.contains(outside, *place)


def test_country_at_a_point_and_at_sea():
    outlines = world_outlines()
    assert outlines.country_at(*TURBAT) == "Pakistan"
    assert outlines.country_at(*ZAHIDAN) == "Iran"
    assert outlines.country_at(65.0, 20.0) is None  # the Arabian Sea


# --- what the store puts on the map --------------------------------------------------------------
def _data(db, as_of: str, flt: CommitmentFilter | None = None):
    return map_data(db, as_of, flt, StatusIndex.load(db))


def _names(data, place_ids) -> set[str]:
    return {data.places[int(p)].name for p in place_ids}


def _kinds_at(data, name: str) -> dict[str, int]:
    row = next(n for n, p in enumerate(data.events.place_id) if data.places[int(p)].name == name)
    return {k: int(c) for k, c in zip(EVENT_KINDS, data.events.counts[row], strict=True) if c}


def test_markers_as_of_20_january_show_the_strikes_and_nothing_of_the_29th(sample_db):
    data = _data(sample_db, "2024-01-20")
    assert _names(data, data.events.place_id) == {"Panjgur district", "Saravan", "Islamabad"}
    assert _kinds_at(data, "Saravan") == {"strike": 1}
    assert _kinds_at(data, "Islamabad") == {"statement": 1}  # no meeting of the 29th yet
    assert sorted(f for f in data.events.fatalities if not np.isnan(f)) == [2.0, 9.0]
    assert len(data.commitments.place_id) == 0  # no commitment was made yet


def test_markers_as_of_29_january_show_the_liaison_offices_with_their_status(sample_db):
    data = _data(sample_db, "2024-01-29")
    assert _kinds_at(data, "Islamabad") == {"statement": 1, "meeting": 1}
    liaison = {
        data.places[int(p)].name: STATUSES[int(s)]
        for p, s, c in zip(
            data.commitments.place_id,
            data.commitments.status,
            data.commitments.commitment_id,
            strict=True,
        )
        if data.commitments.titles[int(c)].startswith("Appoint liaison")
    }
    assert set(liaison) == {"Turbat", "Zahidan"}


def test_marker_statuses_are_the_statuses_the_tables_show(sample_db):
    for as_of in ("2024-01-29", "2024-06-30", "2024-12-31"):
        data = _data(sample_db, as_of)
        rows = queries.commitment_rows(sample_db, as_of, data.commitments.commitment_id.tolist())
        table = {row["id"]: row["status"] for row in rows}
        for commitment, status in zip(
            data.commitments.commitment_id, data.commitments.status, strict=True
        ):
            assert STATUSES[int(status)] == table[int(commitment)]
    assert "fulfilled" in set(table.values())  # the check saw more than one status


def test_markers_follow_the_filter(sample_db):
    liaison = CommitmentFilter(text="liaison")
    data = _data(sample_db, "2024-12-31", liaison)
    assert _names(data, data.commitments.place_id) == {"Turbat", "Zahidan"}
    fulfilled = _data(sample_db, "2024-12-31", CommitmentFilter(statuses=("fulfilled",)))
    everything = _data(sample_db, "2024-12-31")
    assert 0 < len(fulfilled.commitments.place_id) < len(everything.commitments.place_id)
    assert set(fulfilled.commitments.status.tolist()) == {STATUSES.index("fulfilled")}
    # events follow the filter's search text, places and dates
    strikes = _data(sample_db, "2024-12-31", CommitmentFilter(text="strike"))
    assert _names(strikes, strikes.events.place_id) <= {"Panjgur district", "Saravan"}
    saravan = next(p for p, place in everything.places.items() if place.name == "Saravan")
    area = _data(sample_db, "2024-12-31", CommitmentFilter(place_ids=(saravan,)))
    assert _names(area, area.events.place_id) == {"Saravan"}
    assert len(area.commitments.place_id) == 0
    early = _data(sample_db, "2024-12-31", CommitmentFilter(made_to="2024-01-17"))
    assert _names(early, early.events.place_id) == {"Panjgur district", "Islamabad"}


def test_a_place_without_coordinates_is_left_off(sample_db):
    sample_db.execute("UPDATE places SET latitude = NULL, longitude = NULL WHERE name = 'Turbat'")
    data = _data(sample_db, "2024-12-31")
    assert "Turbat" not in _names(data, data.commitments.place_id)
    assert "Zahidan" in _names(data, data.commitments.place_id)


def test_the_area_filter_keeps_commitments_at_those_places(sample_db):
    turbat = sample_db.execute("SELECT id FROM places WHERE name = 'Turbat'").fetchone()[0]
    rows = queries.commitment_page(sample_db, "2024-12-31", CommitmentFilter(place_ids=(turbat,)))
    assert [row["title"] for row in rows] == ["Appoint liaison officers in Turbat and Zahidan"]


# --- zoom levels ---------------------------------------------------------------------------------
def _scattered_layer(count: int) -> markers.Layer:
    rng = np.random.default_rng(7)
    x, y = rng.uniform(60, 70, count), rng.uniform(20, 30, count)
    detail = np.zeros((count, len(EVENT_KINDS)))
    detail[:, EVENT_KINDS.index("strike")] = 2
    detail[: count // 4, EVENT_KINDS.index("meeting")] = 5
    return markers.Layer(
        x, y, np.arange(count), np.zeros(count, dtype=np.int64),
        detail.argmax(axis=1), detail.sum(axis=1).astype(np.int64),
        np.where(np.arange(count) % 2 == 0, 1.0, np.nan), np.ones(count, dtype=np.int64), detail,
    )  # fmt: skip


def test_many_places_in_view_become_grid_cells_that_keep_every_count():
    layer = _scattered_layer(5000)
    cells = markers.at_zoom(layer, (55.0, 75.0, 15.0, 35.0))
    assert 0 < len(cells) < markers.MOST_SINGLE_MARKERS
    assert cells.count.sum() == layer.count.sum()
    assert cells.places.sum() == 5000
    assert np.array_equal(cells.detail.sum(axis=0), layer.detail.sum(axis=0))  # per kind
    assert set(cells.category.tolist()) <= {
        EVENT_KINDS.index("meeting"),
        EVENT_KINDS.index("strike"),
    }
    assert np.nansum(cells.fatalities) == 2500
    assert (cells.place_id == -1).sum() == (cells.places > 1).sum()
    # a cell of one place is that place (hover names it, a click selects what is there)
    lonely = layer.subset(np.arange(len(layer)) < 3)
    lonely.x[:] = [60.1, 65.1, 69.9]
    one_each = markers.grid_cells(lonely, 2.0)
    assert sorted(one_each.place_id.tolist()) == [0, 1, 2]
    # kept per level: a pan shows the same cells where the views overlap, summed once
    kept: dict = {}
    left = markers.at_zoom(layer, (55.0, 75.0, 15.0, 35.0), kept)
    right = markers.at_zoom(layer, (57.0, 77.0, 15.0, 35.0), kept)
    assert list(kept) == [markers.cell_size(20.0)] and left.count.sum() == layer.count.sum()
    both = set(zip(left.x.round(6), left.y.round(6), strict=True))
    assert both & set(zip(right.x.round(6), right.y.round(6), strict=True)) == both
    # zoomed in, few places are in view: each is its own marker again
    close = markers.at_zoom(layer, (64.0, 64.5, 24.0, 24.5))
    assert 0 < len(close) <= markers.MOST_SINGLE_MARKERS and (close.place_id >= 0).all()


def test_grid_cells_halve_with_each_zoom_step_and_stay_put_when_panned():
    assert markers.cell_size(360.0) == 8.0
    assert markers.cell_size(180.0) == 4.0
    layer = _scattered_layer(3000)
    a = markers.grid_cells(layer, 1.0)
    b = markers.grid_cells(layer, 1.0)
    assert np.array_equal(a.x, b.x) and len(a) <= 100  # 10° by 10° in 1° cells


def test_places_inside_a_rectangle():
    layer = _scattered_layer(200)
    empty = markers._empty_layer(len(STATUSES))
    inside = markers.places_inside(markers.PlaceLayers(empty, layer), 62, 64, 22, 24)
    expected = {int(p) for p, x, y in zip(layer.place_id, layer.x, layer.y, strict=True)
                if 62 <= x <= 64 and 22 <= y <= 24}  # fmt: skip
    assert set(inside) == expected and expected


# --- the Map tab ---------------------------------------------------------------------------------
@pytest.fixture
def map_window(qtbot, tmp_path):
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.tabs import TAB_MAP

    QSettings().clear()
    window = MainWindow(write_sample(tmp_path / "s.db"))
    qtbot.addWidget(window)
    window.set_as_of("2024-12-31")
    window.resize(1000, 700)
    window.show()
    window.tabs.setCurrentIndex(TAB_MAP)
    qtbot.waitUntil(lambda: window.map_tab.drawn_for is not None, timeout=10000)
    window.map_tab.map.show_region(55, 70, 22, 32)
    window.map_tab.map.redraw()
    return window


def _screen_point(view, lon: float, lat: float):
    scene = view.view_box.mapViewToScene(QPointF(lon, lat))
    return view.mapFromScene(scene)


def test_clicking_a_commitment_place_selects_the_commitment(map_window, qtbot):
    from desktop_app.ui.main_window import TAB_COMMITMENTS

    view = map_window.map_tab.map
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_screen_point(view, *TURBAT))
    assert map_window.tabs.currentIndex() == TAB_COMMITMENTS
    selected = map_window.selected_id(TAB_COMMITMENTS)
    title = map_window.db.execute("SELECT title FROM commitments WHERE id = ?", [selected])
    assert title.fetchone()[0] == "Appoint liaison officers in Turbat and Zahidan"


def test_clicking_a_place_of_events_filters_the_tables_to_it(map_window, qtbot):
    view = map_window.map_tab.map
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_screen_point(view, *SARAVAN))
    saravan = map_window.db.execute("SELECT id FROM places WHERE name = 'Saravan'").fetchone()[0]
    assert map_window.filter_bar.area == (saravan,)
    qtbot.waitUntil(lambda: map_window.event_model.total == 1, timeout=10000)


def test_hover_names_the_place_and_its_commitment(map_window):
    view = map_window.map_tab.map
    text = view.hover_text(*TURBAT)
    assert text.startswith("Turbat, PAK") and "Appoint liaison officers" in text
    assert "Saravan, IRN (near)" in view.hover_text(*SARAVAN)
    assert "9 killed" in view.hover_text(*SARAVAN)
    assert view.hover_text(66.0, 31.0) == ""


def test_the_map_follows_the_as_of_date(map_window, qtbot):
    map_window.set_as_of("2024-01-20")
    qtbot.waitUntil(lambda: map_window.map_tab.drawn_for[1] == "2024-01-20", timeout=10000)
    view = map_window.map_tab.map
    commitments, events = view.shown
    assert len(commitments) == 0
    assert {view.data.places[int(p)].name for p in events.place_id} >= {"Saravan"}
    assert view.hover_text(*TURBAT) == ""


def test_a_rectangle_on_the_map_filters_the_tables_to_its_places(map_window, qtbot):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    view = map_window.map_tab.map
    viewport = view.viewport()
    # around Turbat, Panjgur and Saravan; Zahidan and Islamabad lie outside
    start, end = _screen_point(view, 61.8, 25.5), _screen_point(view, 64.5, 27.8)
    shift, left = Qt.KeyboardModifier.ShiftModifier, Qt.MouseButton.LeftButton

    def send(kind, pos: QPoint, button, buttons) -> None:
        event = QMouseEvent(
            kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons, shift
        )
        QApplication.sendEvent(viewport, event)

    send(QEvent.Type.MouseButtonPress, start, left, left)
    for step in range(1, 11):
        point = start + (end - start) * (step / 10)
        send(QEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, left)
    send(QEvent.Type.MouseButtonRelease, end, left, Qt.MouseButton.NoButton)
    ids = dict(map_window.db.execute("SELECT name, id FROM places").fetchall())
    chosen = tuple(sorted(ids[name] for name in ("Turbat", "Panjgur district", "Saravan")))
    assert map_window.filter_bar.area == chosen
    assert map_window.commitment_model.filter.place_ids == chosen
    assert not map_window.filter_bar.area_button.isHidden()  # it says so, and clears it
    qtbot.waitUntil(lambda: map_window.commitment_model.total == 1, timeout=10000)
    assert map_window.event_model.places == chosen
    qtbot.waitUntil(lambda: map_window.event_model.total == 2, timeout=10000)  # the strikes
    map_window.clear_filter()
    assert map_window.commitment_model.filter.place_ids == ()
    qtbot.waitUntil(lambda: map_window.event_model.total == 7, timeout=10000)


def test_export_chart_saves_the_map(map_window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from tests.ui_helpers import when_modal_opens

    target = tmp_path / "map.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    offered = []

    def choose(dialog: QInputDialog) -> None:
        offered.append((dialog.comboBoxItems(), dialog.textValue()))
        dialog.setTextValue("Map")
        dialog.accept()

    when_modal_opens(choose)
    map_window.export_chart_action.trigger()
    assert offered and offered[0][0][-1] == "Map" and offered[0][1] == "Map"  # proposed here
    image = QImage(str(target))
    view = map_window.map_tab.map
    assert (image.width(), image.height()) == (view.width(), view.height())


# --- render --chart map --------------------------------------------------------------------------
def test_render_command_draws_the_map_at_the_requested_size(tmp_path):
    db_path = write_sample(tmp_path / "s.db")
    out = tmp_path / "map.png"
    argv = ["render", "--db", str(db_path), "--chart", "map", "-o", str(out)]
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", *argv, "--as-of", "2024-12-31",
         "--width", "700", "--height", "450"],
        capture_output=True, text=True, timeout=120,
        env={k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"} | {"DISPLAY": ""},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (700, 450)
    colours = {QColor(image.pixel(x, y)).name() for x in range(0, 700, 2) for y in range(0, 450, 2)}
    assert len(colours) > 20  # outlines, land, markers, text: not a blank canvas
    # Islamabad's and Tehran's fulfilled commitments, in the Fulfilled colour
    assert QColor(STATUS_INFO[Status.FULFILLED].colour).name() in colours


def test_the_map_saves_as_svg_with_its_markers(qtbot, sample_db, tmp_path):
    from desktop_app.charts.dashboard import save_chart
    from desktop_app.charts.map_view import MapView

    view = MapView()
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    view.draw(_data(sample_db, "2024-12-31"))
    view.show_region(50, 76, 22, 36)
    view.redraw()
    target = tmp_path / "map.svg"
    save_chart(view, target)
    text = target.read_text(encoding="utf-8")
    assert "<svg" in text[:500]
    fills = text.lower()
    assert QColor(STATUS_INFO[Status.FULFILLED].colour).name() in fills  # Islamabad, Tehran
    assert "turbat" in fills and "zahidan" in fills  # the labels, as text


def test_an_edit_recolours_the_place_and_undo_restores_it(map_window, qtbot):
    from desktop_app.domain.records import StatusUpdate
    from desktop_app.ui.record_actions import push_change

    view = map_window.map_tab.map
    liaison = map_window.db.execute(
        "SELECT id FROM commitments WHERE title LIKE 'Appoint liaison%'"
    ).fetchone()[0]

    def turbat_status() -> str:
        commitments, _events = view.shown
        turbat = next(p for p, place in view.data.places.items() if place.name == "Turbat")
        return STATUSES[int(commitments.category[commitments.place_id == turbat][0])]

    assert turbat_status() == "not_rated"
    _, change = map_window.session.add(
        StatusUpdate(commitment_id=liaison, date="2024-06-01", status="fulfilled")
    )
    push_change(map_window, change, "Liaison officers appointed")
    qtbot.waitUntil(lambda: turbat_status() == "fulfilled", timeout=10000)
    map_window.undo_action.trigger()
    qtbot.waitUntil(lambda: turbat_status() == "not_rated", timeout=10000)


def test_a_saved_view_keeps_its_map_area():
    import json

    from desktop_app.ui.saved_views import filter_from_dict, filter_to_dict

    flt = CommitmentFilter(text="border", place_ids=(3, 5))
    stored = json.loads(json.dumps(filter_to_dict(flt)))  # settings hand back lists
    assert filter_from_dict(stored) == flt


def test_the_map_says_in_words_what_it_shows(tmp_path):
    from desktop_app.charts.summary import map_summary
    from desktop_app.store.database import open_database
    from desktop_app.store.map_queries import map_data
    from desktop_app.store.sample import write_sample
    from desktop_app.store.status_index import StatusIndex

    db = open_database(write_sample(tmp_path / "s.db"))
    early = map_summary(map_data(db, "2024-01-20", None, StatusIndex.load(db)))
    data = map_data(db, "2024-06-30", None, StatusIndex.load(db))
    later = map_summary(data)
    db.close()
    places = len(set(data.commitments.place_id.tolist()))
    commitments = len(set(data.commitments.commitment_id.tolist()))
    events = int(data.events.counts.sum())
    assert places > 0 and f"{places} places of {commitments} commitments" in later
    assert f"({events} events)" in later and events > 0
    assert early.startswith("Map as of 2024-01-20: 0 places of 0 commitments; events at")
    assert later.startswith("Map as of 2024-06-30: ") and " commitments (" in later
    assert early != later
