"""The UCDP preset: a file laid out like the UCDP Georeferenced Event Dataset, imported into a
real database. The events below are invented; only their shape follows the GED codebook."""

from __future__ import annotations

import csv
import uuid

import pytest

from desktop_app.exchange.csv_format import CsvProblem
from desktop_app.exchange.presets import import_file

GED_COLUMNS = (
    "id,relid,year,active_year,code_status,type_of_violence,conflict_new_id,conflict_name,"
    "dyad_new_id,dyad_name,side_a_new_id,gwnoa,side_a,side_b_new_id,gwnob,side_b,"
    "number_of_sources,source_article,source_office,source_date,source_headline,"
    "source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,"
    "longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,"
    "date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low"
).split(",")

# an ambush in a village, known to the day (state-based, government against a group)
AMBUSH = {
    "id": "410001",
    "relid": "MLI-2023-1-412-7",
    "year": "2023",
    "type_of_violence": "1",
    "conflict_name": "Mali: Government",
    "dyad_name": "Government of Mali - JNIM",
    "side_a": "Government of Mali",
    "side_b": "JNIM",
    "source_article": "Sahel Wire,2023-03-15,Soldiers killed in ambush near Boulkessi",
    "source_office": "Sahel Wire",
    "where_prec": "1",
    "where_coordinates": "Boulkessi village",
    "where_description": "Boulkessi village, Douentza cercle",
    "adm_1": "Mopti region",
    "adm_2": "Douentza cercle",
    "latitude": "15.0281",
    "longitude": "-1.5794",
    "country": "Mali",
    "country_id": "432",  # a Gleditsch-Ward number: 432 is no ISO country's
    "date_prec": "1",
    "date_start": "2023-03-14",
    "date_end": "2023-03-14",
    "deaths_a": "8",
    "deaths_b": "3",
    "deaths_civilians": "1",
    "deaths_unknown": "0",
    "best": "12",
    "high": "15",
    "low": "10",
}
# killings of civilians over a month, placed at the province (one-sided violence)
RAIDS = {
    "id": "410002",
    "type_of_violence": "3",
    "conflict_name": "IS Sahel - civilians",
    "dyad_name": "IS Sahel - civilians",
    "side_a": "IS Sahel",
    "side_b": "Civilians",
    "source_article": "Radio Gao,2023-06-02,Villagers report a month of raids",
    "where_prec": "4",
    "where_coordinates": "Gao region",
    "where_description": "villages of the Gao region",
    "adm_1": "Gao region",
    "latitude": "16.2667",
    "longitude": "-0.0400",
    "country": "Mali",
    "date_prec": "4",
    "date_start": "2023-05-01",
    "date_end": "2023-05-31",
    "deaths_civilians": "20",
    "best": "20",
    "high": "34",
    "low": "20",
}
# fighting between two states over three days, near a town; dates as some GED CSVs write them
BATTLE = {
    "id": "410003",
    "type_of_violence": "1",
    "conflict_name": "Eritrea - Ethiopia",
    "dyad_name": "Government of Eritrea - Government of Ethiopia",
    "side_a": "Government of Eritrea",
    "side_b": "Government of Ethiopia",
    "source_article": "Horn Dispatch,1999-02-27,Three days of fighting on the border front",
    "where_prec": "2",
    "where_coordinates": "Zalambessa town",
    "where_description": "near Zalambessa",
    "adm_1": "Debub region",
    "latitude": "14.5167",
    "longitude": "39.3833",
    "country": "Eritrea",
    "date_prec": "2",
    "date_start": "1999-02-23 00:00:00.000",
    "date_end": "1999-02-25 00:00:00.000",
    "best": "40",
    "high": "55",
    "low": "30",
}
# a government under a former name too, in its side and in the country
OFFENSIVE = {
    "id": "410005",
    "type_of_violence": "1",
    "conflict_name": "Cambodia (Kampuchea): Government",
    "dyad_name": "Government of Cambodia (Kampuchea) - Khmer Rouge",
    "side_a": "Government of Cambodia (Kampuchea)",
    "side_b": "Khmer Rouge",
    "where_prec": "3",
    "where_coordinates": "Pailin town",
    "adm_1": "Battambang province",
    "latitude": "12.8500",
    "longitude": "102.6000",
    "country": "Cambodia (Kampuchea)",
    "date_prec": "3",
    "date_start": "1990-04-02",
    "date_end": "1990-04-08",
    "best": "25",
    "high": "25",
    "low": "18",
}
# clashes between two groups known only to the year, placed at the country's centroid
CLASHES = {
    "id": "410004",
    "type_of_violence": "2",
    "conflict_name": "IS Sahel - MSA",
    "dyad_name": "IS Sahel - MSA",
    "side_a": "IS Sahel",
    "side_b": "MSA",
    "source_office": "Sahel Wire",
    "where_prec": "6",
    "where_coordinates": "Mali",
    "latitude": "17.5707",
    "longitude": "-3.9962",
    "country": "Mali",
    "date_prec": "5",
    "date_start": "2023-01-01",
    "date_end": "2023-12-31",
    "best": "5",
    "high": "5",
    "low": "5",
}
EVENTS = (AMBUSH, RAIDS, BATTLE, CLASHES, OFFENSIVE)


def write_ged(path, *events: dict) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, GED_COLUMNS, restval="")
        writer.writeheader()
        writer.writerows(events)


@pytest.fixture
def ged_file(tmp_path):
    path = tmp_path / "GEDEvent_sample.csv"
    write_ged(path, *EVENTS)
    return path


def event(db, title_start: str) -> dict:
    cursor = db.execute(
        """SELECT e.*, p.name AS place, p.country_iso3, p.admin1, p.latitude, p.longitude,
                  p.precision
           FROM events e LEFT JOIN places p ON p.id = e.place_id WHERE e.title LIKE ?""",
        [title_start + "%"],
    )
    rows = cursor.fetchall()
    assert len(rows) == 1, title_start
    return dict(zip([d[0] for d in cursor.description], rows[0], strict=True))


def actors_of(db, event_id: int) -> list[tuple]:
    """(country code of a state or name of another actor, kind, role)"""
    return db.execute(
        """SELECT COALESCE(a.iso3, a.name) AS actor, a.kind, ea.role FROM event_actors ea
           JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = ? ORDER BY actor""",
        [event_id],
    ).fetchall()


def sources_of(db, event_id: int) -> list[str]:
    return [
        row[0]
        for row in db.execute(
            """SELECT s.title FROM event_sources es JOIN sources s ON s.id = es.source_id
               WHERE es.event_id = ?""",
            [event_id],
        )
    ]


def test_a_ged_file_becomes_events_with_places_actors_and_sources(db, ged_file):
    result = import_file(db, "events", ged_file, preset="ucdp")
    assert result.ok, [str(p) for p in result.problems]
    assert (result.added, result.updated) == (5, 0)

    ambush = event(db, "Government of Mali - JNIM")
    assert ambush["title"] == "Government of Mali - JNIM: Boulkessi village, Douentza cercle"
    assert (ambush["date"], ambush["end_date"], ambush["date_precision"]) == (
        "2023-03-14",
        None,
        "day",
    )
    assert ambush["kind"] == "attack"
    assert ambush["fatalities"] == 12
    assert (ambush["place"], ambush["country_iso3"], ambush["admin1"]) == (
        "Boulkessi",
        "MLI",
        "Mopti region",
    )
    assert (ambush["latitude"], ambush["longitude"], ambush["precision"]) == (
        15.0281,
        -1.5794,
        "exact",
    )
    assert actors_of(db, ambush["id"]) == [
        ("JNIM", "armed_group", "actor"),
        ("MLI", "state", "actor"),
    ]
    assert sources_of(db, ambush["id"]) == [AMBUSH["source_article"]]
    assert ambush["uuid"] == str(
        uuid.uuid5(uuid.UUID("8f3c2a61-4d0e-4b7a-a5c9-1e6f0d2b7c43"), "410001")
    )


def test_the_estimate_keeps_best_as_fatalities_and_low_and_high_in_the_description(db, ged_file):
    import_file(db, "events", ged_file, preset="ucdp")
    ambush = event(db, "Government of Mali - JNIM")
    assert ambush["description"].splitlines() == [
        "State-based conflict (Mali: Government).",
        "UCDP estimate: best 12 (low 10, high 15).",
        "Deaths: side A 8, side B 3, civilians 1, unknown 0.",
        "UCDP GED event 410001.",
    ]
    battle = event(db, "Government of Eritrea")
    assert battle["fatalities"] == 40
    assert "UCDP estimate: best 40 (low 30, high 55)." in battle["description"]


def test_one_sided_violence_has_its_perpetrator_as_actor_and_no_civilians_actor(db, ged_file):
    import_file(db, "events", ged_file, preset="ucdp")
    raids = event(db, "IS Sahel - civilians")
    assert raids["description"].startswith("One-sided violence (IS Sahel - civilians).")
    assert actors_of(db, raids["id"]) == [("IS Sahel", "armed_group", "actor")]
    assert db.execute("SELECT COUNT(*) FROM actors WHERE name = 'Civilians'").fetchone()[0] == 0
    # known to the month, placed at a province
    assert (raids["date"], raids["end_date"], raids["date_precision"]) == (
        "2023-05-01",
        "2023-05-31",
        "month",
    )
    assert (raids["place"], raids["precision"]) == ("Gao region", "region")


def test_governments_are_state_actors_found_by_any_of_their_names(db, ged_file):
    import_file(db, "events", ged_file, preset="ucdp")
    battle = event(db, "Government of Eritrea")
    assert actors_of(db, battle["id"]) == [
        ("ERI", "state", "actor"),
        ("ETH", "state", "actor"),
    ]
    # two to six days: the week is known, not the day; "1999-02-23 00:00:00.000" is read too
    assert (battle["date"], battle["end_date"], battle["date_precision"]) == (
        "1999-02-23",
        "1999-02-25",
        "week",
    )
    assert (battle["place"], battle["country_iso3"], battle["precision"]) == (
        "Zalambessa",
        "ERI",
        "near",
    )
    offensive = event(db, "Government of Cambodia")
    assert actors_of(db, offensive["id"]) == [
        ("KHM", "state", "actor"),
        ("Khmer Rouge", "armed_group", "actor"),
    ]
    assert (offensive["place"], offensive["country_iso3"], offensive["precision"]) == (
        "Pailin",
        "KHM",
        "region",
    )
    assert sources_of(db, offensive["id"]) == []


def test_a_country_the_gazetteer_does_not_know_leaves_the_place_without_one(db, tmp_path):
    path = tmp_path / "ged.csv"
    write_ged(path, AMBUSH | {"country": "Azawad"})
    result = import_file(db, "events", path, preset="ucdp")
    assert result.ok, [str(p) for p in result.problems]
    ambush = event(db, "Government of Mali - JNIM")
    assert (ambush["place"], ambush["country_iso3"]) == ("Boulkessi", None)
    assert "Country: Azawad (no ISO country by that name)." in ambush["description"]


def test_a_group_named_by_three_capitals_is_not_taken_for_a_country_code(db, ged_file):
    result = import_file(db, "events", ged_file, preset="ucdp")
    assert result.ok, [str(p) for p in result.problems]
    clashes = event(db, "IS Sahel - MSA")
    assert actors_of(db, clashes["id"]) == [
        ("IS Sahel", "armed_group", "actor"),
        ("MSA (armed group)", "armed_group", "actor"),
    ]
    assert clashes["date_precision"] == "year"
    assert (clashes["place"], clashes["precision"]) == ("Mali", "region")
    assert clashes["description"].startswith("Non-state conflict (IS Sahel - MSA).")
    assert sources_of(db, clashes["id"]) == ["Sahel Wire"]  # no article: the office


def test_importing_the_same_file_again_adds_nothing(db, ged_file):
    import_file(db, "events", ged_file, preset="ucdp")
    counts = [
        db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("events", "actors", "places", "sources")
    ]
    again = import_file(db, "events", ged_file, preset="ucdp")
    assert again.ok, [str(p) for p in again.problems]
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    assert [
        db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("events", "actors", "places", "sources")
    ] == counts


def test_a_newer_release_of_an_event_updates_it(db, ged_file, tmp_path):
    import_file(db, "events", ged_file, preset="ucdp")
    revised = tmp_path / "GEDEvent_revised.csv"
    write_ged(revised, AMBUSH | {"best": "14", "high": "18"})
    result = import_file(db, "events", revised, preset="ucdp")
    assert (result.added, result.updated) == (0, 1)
    ambush = event(db, "Government of Mali - JNIM")
    assert ambush["fatalities"] == 14
    assert "UCDP estimate: best 14 (low 10, high 18)." in ambush["description"]
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 5


def test_a_row_with_an_unknown_precision_code_is_a_problem_and_nothing_is_kept(db, tmp_path):
    path = tmp_path / "ged.csv"
    write_ged(path, AMBUSH, BATTLE | {"where_prec": "9"})
    result = import_file(db, "events", path, preset="ucdp")
    assert [(p.line, p.column) for p in result.problems] == [(3, "where_prec")]
    assert "'9' is not a GED where_prec" in str(result.problems[0])
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0


def test_a_file_without_the_ged_columns_is_refused(db, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("id,date_start\n1,2023-01-01\n")
    result = import_file(db, "events", path, preset="ucdp")
    assert [(p.line, p.column) for p in result.problems] == [(1, "type_of_violence, country")]
    assert "required UCDP column missing" in str(result.problems[0])


@pytest.mark.parametrize("table", ["actors", "commitments"])
def test_the_ucdp_preset_fills_events_only(db, ged_file, table):
    with pytest.raises(CsvProblem) as raised:
        import_file(db, table, ged_file, preset="ucdp")
    assert str(raised.value) == (
        f"A UCDP GED file holds events, so it can only be imported into events, not {table}."
    )
