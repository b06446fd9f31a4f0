"""The domain's rules at their edges: coordinates at ±90/±180, country codes, the status table,
the gazetteer's labels, dates and closed vocabularies, each with its exact values and messages."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain import gazetteer
from desktop_app.domain.dates import check_iso_date, parse_iso_date, today_iso
from desktop_app.domain.drafts import Draft
from desktop_app.domain.records import (
    Actor,
    Commitment,
    Event,
    Place,
    Source,
    Statistic,
    StatusUpdate,
    change_percent,
)
from desktop_app.domain.status import (
    ENTERABLE_STATUSES,
    OPEN_STATUSES,
    STATUS_INFO,
    STATUS_ORDER,
    Status,
    compliance_percent,
    is_overdue,
    label,
    parse_status,
    party_statuses_text,
    percent_text,
)
from desktop_app.domain.vocabulary import ACTOR_KINDS, check_choice

# --- places: coordinates ---------------------------------------------------------------------


@pytest.mark.parametrize("latitude", [90, -90, 90.0, 0])
@pytest.mark.parametrize("longitude", [180, -180, 180.0, -180.0, 0])
def test_coordinates_on_the_poles_and_the_antimeridian_are_valid(latitude, longitude):
    place = Place(name="Edge", latitude=latitude, longitude=longitude)
    assert (place.latitude, place.longitude) == (latitude, longitude)


@pytest.mark.parametrize(
    "latitude, longitude, message",
    [
        (90.0001, 0, "latitude 90.0001 is outside -90..90"),
        (-90.0001, 0, "latitude -90.0001 is outside -90..90"),
        (0, 180.0001, "longitude 180.0001 is outside -180..180"),
        (0, -180.0001, "longitude -180.0001 is outside -180..180"),
    ],
)
def test_coordinates_just_past_the_edges_are_refused(latitude, longitude, message):
    with pytest.raises(ValueError) as raised:
        Place(name="Beyond", latitude=latitude, longitude=longitude)
    assert str(raised.value) == message


@pytest.mark.parametrize("latitude, longitude", [(10, None), (None, 10), (0, None), (None, 0)])
def test_a_place_needs_both_coordinates_or_neither(latitude, longitude):
    with pytest.raises(ValueError, match="both latitude and longitude, or neither"):
        Place(name="Half", latitude=latitude, longitude=longitude)


def test_a_place_is_normalised():
    place = Place(name="  Quetta ", country_iso3=" pak ", admin1="  ", precision="Near")
    assert (place.name, place.country_iso3, place.admin1, place.precision) == (
        "Quetta",
        "PAK",
        None,
        "near",
    )
    assert Place(name="Q", admin1=" Balochistan ").admin1 == "Balochistan"
    assert Place(name="Q", latitude=None, longitude=None).latitude is None


# --- country codes ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["PAKI", "PA", "P4K", "123", "PA K"])
def test_a_country_code_must_be_exactly_three_letters(code):
    with pytest.raises(ValueError) as raised:
        Actor(name="Someone", iso3=code)
    assert str(raised.value) == f"{code!r} is not a three-letter ISO 3166-1 country code"


def test_a_country_code_is_upper_cased_and_an_empty_one_is_none():
    assert Actor(name="Pakistan", iso3=" pak ").iso3 == "PAK"
    assert Actor(name="Nobody", iso3="  ").iso3 is None
    assert Actor(name="Nobody").iso3 is None
    assert Statistic(label="x", value=1, country_iso3="irn").country_iso3 == "IRN"
    with pytest.raises(ValueError, match="three-letter"):
        Statistic(label="x", value=1, country_iso3="IRAN")


# --- required texts, dates in order ----------------------------------------------------------


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: Actor(name="  "), "An actor's name must not be empty"),
        (lambda: Place(name=""), "A place's name must not be empty"),
        (lambda: Source(title=" "), "A source's title must not be empty"),
        (lambda: Event(date="2024-01-01", kind="meeting", title=""), "An event's title"),
        (lambda: Commitment(title=" ", made_on="2024-01-01"), "A commitment's title"),
        (lambda: Statistic(label="", value=1), "A statistic's label must not be empty"),
        (lambda: Event(date="", kind="meeting", title="x"), "an event needs a date"),
        (lambda: Commitment(title="x", made_on=""), "a commitment needs the date it was made"),
        (
            lambda: StatusUpdate(commitment_id=1, date="", status="stalled"),
            "a status update needs a date",
        ),
    ],
)
def test_required_fields_say_what_is_missing(make, message):
    with pytest.raises(ValueError) as raised:
        make()
    assert str(raised.value).startswith(message)


def test_a_period_may_end_the_day_it_starts_but_not_before():
    same = Statistic(label="x", value=1, period_start="2024-01-01", period_end="2024-01-01")
    assert same.period_end == "2024-01-01"
    with pytest.raises(ValueError) as raised:
        Statistic(label="x", value=1, period_start="2024-01-02", period_end="2024-01-01")
    assert str(raised.value) == "the period ends (2024-01-01) before it starts (2024-01-02)"
    with pytest.raises(ValueError, match="the baseline period ends"):
        Statistic(label="x", value=1, baseline_start="2024-01-02", baseline_end="2024-01-01")
    with pytest.raises(ValueError, match=r"the event ends \(2024-01-01\) before it starts"):
        Event(date="2024-01-02", end_date="2024-01-01", kind="meeting", title="x")
    one_day = Event(date="2024-01-02", end_date="2024-01-02", kind="meeting", title="x")
    assert one_day.end_date == "2024-01-02"
    # either end missing: nothing to compare
    assert Statistic(label="x", value=1, period_end="2024-01-01").period_start is None
    assert Statistic(label="x", value=1, period_start="2024-01-01").period_end is None


def test_a_deadline_may_be_the_day_the_commitment_was_made_but_not_earlier():
    same = Commitment(title="x", made_on="2024-03-01", deadline="2024-03-01")
    assert same.deadline == "2024-03-01"
    with pytest.raises(ValueError) as raised:
        Commitment(title="x", made_on="2024-03-01", deadline="2024-02-29")
    assert str(raised.value) == "the deadline 2024-02-29 is before the commitment was made"


def test_fatalities_zero_is_kept_and_negative_refused():
    assert Event(date="2024-01-01", kind="attack", title="x", fatalities=0).fatalities == 0
    assert Event(date="2024-01-01", kind="attack", title="x", fatalities="3").fatalities == 3
    with pytest.raises(ValueError, match="fatalities cannot be negative"):
        Event(date="2024-01-01", kind="attack", title="x", fatalities=-1)


def test_records_normalise_their_links_and_texts():
    event = Event(
        date=" 2024-01-01 ",
        kind="Meeting",
        title=" Talks ",
        description="  about things ",
        date_precision="Month",
        actors=(("3", "Host"),),
        source_ids=("4",),
    )
    assert (event.date, event.kind, event.title, event.description) == (
        "2024-01-01",
        "meeting",
        "Talks",
        "about things",
    )
    assert (event.date_precision, event.actors, event.source_ids) == ("month", ((3, "host"),), (4,))
    commitment = Commitment(
        title="x",
        made_on="2024-01-01",
        category="Economic",
        parties=(("1", "Promisor"), (2, "guarantor")),
        place_ids=("5",),
        deadline_precision="Year",
    )
    assert commitment.parties == ((1, "promisor"), (2, "guarantor"))
    assert (commitment.category, commitment.place_ids, commitment.deadline_precision) == (
        "economic",
        (5,),
        "year",
    )
    source = Source(title="t", url=" ", publisher=" P ", published_on="2024-01-01 ", excerpt="")
    assert (source.url, source.publisher, source.published_on, source.excerpt) == (
        None,
        "P",
        "2024-01-01",
        None,
    )
    update = StatusUpdate(commitment_id=1, date="2024-01-01", status="In progress", note=" n ")
    assert (update.status, update.note) == (Status.IN_PROGRESS, "n")
    statistic = Statistic(
        label=" L ", value="3", unit=" km ", baseline_value="2", method_note=" m "
    )
    assert (statistic.label, statistic.value, statistic.unit) == ("L", 3.0, "km")
    assert (statistic.baseline_value, statistic.method_note) == (2.0, "m")


def test_change_percent_against_a_baseline():
    assert change_percent(664, 398) == pytest.approx(66.834, abs=0.001)
    assert change_percent(50, 100) == -50.0
    assert change_percent(5, 0) is None
    assert change_percent(5, None) is None
    assert Statistic(label="x", value=150, baseline_value=100).change_percent == 50.0
    assert Statistic(label="x", value=150).change_percent is None


# --- statuses --------------------------------------------------------------------------------


def test_the_status_table():
    # read through label() and is_overdue(), the functions callers use, as well as the table
    table = {
        s.value: (
            label(s.value),
            i.compliance,
            is_overdue("2024-01-01", s, "2024-01-02") is False,
            i.enterable,
        )
        for s, i in STATUS_INFO.items()
    }
    assert table == {
        "not_rated": ("Not yet rated", None, False, True),
        "in_progress": ("In progress", 0, False, True),
        "stalled": ("Stalled", -1, False, True),
        "partially_fulfilled": ("Partially fulfilled", 0, False, True),
        "fulfilled": ("Fulfilled", 1, True, True),
        "broken": ("Broken", -1, True, True),
        "mixed": ("Mixed", None, False, False),
    }
    assert tuple(Status) == STATUS_ORDER
    assert OPEN_STATUSES == (
        Status.NOT_RATED,
        Status.IN_PROGRESS,
        Status.STALLED,
        Status.PARTIALLY_FULFILLED,
        Status.MIXED,
    )
    assert Status.MIXED not in ENTERABLE_STATUSES and len(ENTERABLE_STATUSES) == 6


@pytest.mark.parametrize("status", list(Status))
def test_overdue_the_day_after_the_deadline_while_open(status):
    open_ = not STATUS_INFO[status].closed
    assert is_overdue("2024-05-01", status, "2024-05-02") is open_
    assert is_overdue("2024-05-01", status.value, "2024-05-01") is False
    assert is_overdue("2024-05-01", status, "2024-04-30") is False
    assert is_overdue(None, status, "2030-01-01") is False
    assert is_overdue("", status, "2030-01-01") is False


def test_a_mixed_commitment_past_its_deadline_is_overdue():
    assert is_overdue("2024-05-01", Status.MIXED, "2024-06-01") is True


@pytest.mark.parametrize(
    "text, status",
    [
        ("in_progress", Status.IN_PROGRESS),
        ("In progress", Status.IN_PROGRESS),
        ("  IN   PROGRESS ", Status.IN_PROGRESS),
        ("not yet rated", Status.NOT_RATED),
        ("not_rated", Status.NOT_RATED),
        ("Partially fulfilled", Status.PARTIALLY_FULFILLED),
        ("broken", Status.BROKEN),
        ("FULFILLED", Status.FULFILLED),
        ("stalled", Status.STALLED),
    ],
)
def test_a_status_is_read_from_its_code_or_label(text, status):
    assert parse_status(text) is status


def test_mixed_and_unknown_statuses_are_refused_with_the_recordable_ones():
    known = "Not yet rated, In progress, Stalled, Partially fulfilled, Fulfilled, Broken"
    for text in ("mixed", "Mixed"):
        with pytest.raises(ValueError) as raised:
            parse_status(text)
        assert str(raised.value) == (
            f"{text!r} is worked out from the parties' own statuses and cannot be recorded; "
            f"record one of: {known} (for the whole commitment or for one party)"
        )
    with pytest.raises(ValueError) as raised:
        parse_status("soon-ish")
    assert str(raised.value) == f"unknown status 'soon-ish'; expected one of: {known}"


def test_status_words_labels_and_scores():
    assert label("partially_fulfilled") == "Partially fulfilled"
    parties = [("PAK", "in_progress"), ("IRN", "partially_fulfilled")]
    assert party_statuses_text(parties) == "PAK: In progress; IRN: Partially fulfilled"
    assert party_statuses_text(parties, compact=True) == (
        "PAK In progress · IRN Partially fulfilled"
    )
    assert party_statuses_text([]) == ""
    assert compliance_percent(-1) == 0.0
    assert compliance_percent(0) == 50.0
    assert compliance_percent(1) == 100.0
    assert compliance_percent(0.25) == 62.5
    assert percent_text(0.0) == "0%"
    assert percent_text(12.34) == "12.3%"
    assert percent_text(99.96) == "100%"


# --- dates, vocabularies, drafts -------------------------------------------------------------


def test_dates_strict_and_optional():
    assert parse_iso_date(" 2024-02-29 ") == dt.date(2024, 2, 29)
    with pytest.raises(ValueError) as raised:
        parse_iso_date("2023-02-29")
    assert str(raised.value) == "'2023-02-29' is not a real calendar date"
    with pytest.raises(ValueError) as raised:
        parse_iso_date("29/02/2024")
    assert str(raised.value) == "'29/02/2024' is not a date in the form YYYY-MM-DD"
    assert check_iso_date(None) is None
    assert check_iso_date("") is None
    assert check_iso_date("   ") is None
    assert check_iso_date(" 2024-01-05") == "2024-01-05"
    assert today_iso() == dt.date.today().isoformat()


def test_a_choice_is_normalised_or_refused_with_the_list():
    assert check_choice(" Armed Group ", ACTOR_KINDS, "actor kind") == "armed_group"
    assert check_choice("STATE", ACTOR_KINDS, "actor kind") == "state"
    with pytest.raises(ValueError) as raised:
        check_choice("robot", ACTOR_KINDS, "actor kind")
    assert str(raised.value) == (
        "unknown actor kind 'robot'; expected one of: state, organisation, armed_group, person"
    )


def test_a_draft_is_named_by_its_title_or_label():
    assert Draft(Commitment(title="Open the road", made_on="2024-01-01")).name == "Open the road"
    assert Draft(Statistic(label="Attacks", value=3)).name == "Attacks"
    update = StatusUpdate(commitment_id=1, date="2024-01-01", status="stalled")
    assert Draft(update).name == ""
    assert Draft(update).actors is None and Draft(update).places is None


# --- the gazetteer ---------------------------------------------------------------------------


def test_a_city_label_shows_its_country_and_its_official_name_when_spelled_otherwise():
    lahore = gazetteer.find_places("Lah")[0]
    assert (lahore.name, lahore.official_name) == ("Lahore", "Lahore")
    assert lahore.label == "Lahore, Pakistan"
    hague = next(p for p in gazetteer.find_places("Lahey") if p.official_name == "The Hague")
    assert hague.label == "Lahey (The Hague), Netherlands"
    nowhere = gazetteer.GazetteerPlace("Atlantis", "Atlantis", None, 0.0, 0.0, 1)
    assert nowhere.label == "Atlantis, ?"


@pytest.mark.parametrize("text", ["PK", "pk", " PAK ", "pak", "Pakistan", "pakistan"])
def test_a_country_from_a_two_or_three_letter_code_or_its_name(text):
    assert gazetteer.find_country(text) == gazetteer.Country("PAK", "PK", "Pakistan")


def test_unknown_or_empty_country_texts_find_nothing():
    assert gazetteer.find_country("") is None
    assert gazetteer.find_country("   ") is None
    assert gazetteer.find_country("ZZ") is None
    assert gazetteer.find_country("Atlantis") is None
    # the official name, through pycountry
    assert gazetteer.find_country("Islamic Republic of Iran").iso3 == "IRN"
    assert gazetteer.country_by_code(" ir ").iso3 == "IRN"
    assert gazetteer.country_by_code("XYZ") is None


def test_city_search_needs_two_letters_and_is_capped_most_populous_first():
    assert gazetteer.find_places("l") == []
    assert gazetteer.find_places(" L ") == []
    found = gazetteer.find_places("San")
    assert len(found) == 15
    populations = [p.population for p in found]
    assert populations == sorted(populations, reverse=True)
    assert len(gazetteer.find_places("San", limit=40)) == 40
    assert gazetteer.find_places("La", limit=1)[0].population == max(
        p.population for p in gazetteer.find_places("La", limit=500)
    )
    assert all(p.name.lower().startswith("qu") for p in gazetteer.find_places("Qu", limit=100))
    assert gazetteer.cities_loaded()


def test_a_city_is_listed_once_under_its_official_name_when_that_matches():
    # Chattogram is also spelled Islamabad; the official spelling ranks first
    found = gazetteer.find_places("Islamabad", limit=50)
    pakistan = [p for p in found if p.country_iso3 == "PAK"]
    assert [p.name for p in pakistan] == ["Islamabad"]
    identities = [(p.official_name, p.country_iso3, p.latitude) for p in found]
    assert len(identities) == len(set(identities))
    assert gazetteer.place_exactly("islamabad").country_iso3 == "PAK"
    assert gazetteer.place_exactly("Nowhere-on-Sea") is None


def test_a_city_matched_by_other_spellings_shows_the_official_one_else_the_shortest():
    moscow = gazetteer.find_places("Mos")[0]
    assert (moscow.name, moscow.official_name) == ("Moscow", "Moscow")  # not "Mosko"
    # only other spellings match: the shortest, the first of equally short ones in order
    moscow = gazetteer.find_places("Mosk")[0]
    assert (moscow.name, moscow.official_name) == ("Moska", "Moscow")
    assert moscow.label == "Moska (Moscow), Russian Federation"


def test_every_city_once_under_its_own_name_most_populous_first():
    every = gazetteer.cities()
    assert all(p.name == p.official_name for p in every)
    keys = [(-p.population, p.name) for p in every]
    assert keys == sorted(keys)
    identities = [(p.official_name, p.country_iso3, p.latitude) for p in every]
    assert len(identities) == len(set(identities))
    assert any(p.label == "Lahore, Pakistan" for p in every[:100])
    assert len(every) > 20_000
