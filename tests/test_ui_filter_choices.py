"""The party and place filters offer what commitments name, and are rebuilt only when that
changes (a database of 20,000 places rebuilt its place list after every edit)."""

from __future__ import annotations

from desktop_app.domain.records import Place
from desktop_app.ui import record_actions


def _names(combo) -> list[str]:
    return [combo.itemText(i) for i in range(1, combo.count())]


def test_the_place_filter_lists_the_places_commitments_name(window):
    db = window.db
    named = {
        r[0]
        for r in db.execute(
            "SELECT DISTINCT p.name FROM places p JOIN commitment_places cp ON cp.place_id = p.id"
        )
    }
    unnamed = {
        r[0]
        for r in db.execute(
            "SELECT name FROM places WHERE id NOT IN (SELECT place_id FROM commitment_places)"
        )
    }
    assert named and unnamed  # the sample has both kinds
    # each with its local name beside it when it has one: "Zahidan (زاهدان)"
    local = dict(db.execute("SELECT name, local_name FROM places").fetchall())
    shown = {f"{name} ({local[name]})" if local[name] else name for name in named}
    assert set(_names(window.filter_bar.place)) == shown


def test_an_edit_that_changes_no_choice_leaves_the_lists_and_the_choice_alone(window):
    bar = window.filter_bar
    bar.place.setCurrentIndex(1)
    chosen = bar.place.currentData()
    first_item_before = bar.place.itemText(1)
    _, change = window.session.add(Place(name="Gwadar port", country_iso3="PAK"))
    record_actions.push_change(window, change, "Add a place")
    assert bar.place.currentData() == chosen
    assert bar.place.itemText(1) == first_item_before
    assert "Gwadar port" not in _names(bar.place)  # no commitment names it
    rebuilt = []
    # a rebuild empties the list first; the combo's own signals are blocked then, its model's not
    bar.place.model().rowsRemoved.connect(lambda *_: rebuilt.append(1))
    bar.party.model().rowsRemoved.connect(lambda *_: rebuilt.append(2))
    window.refresh()
    assert rebuilt == [] and bar.place.currentData() == chosen
