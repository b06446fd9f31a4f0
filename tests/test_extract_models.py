"""Issue 21's models: categories from keywords (one test per category), statistics with units,
places below the city gazetteer, venues kept apart from a commitment's places."""

from __future__ import annotations

import pytest

from desktop_app.extract.categories import category_of, category_reasons
from desktop_app.extract.extractor import extract
from desktop_app.extract.places import places_in
from desktop_app.extract.sites import small_places
from desktop_app.extract.statistics import figures_in

PUBLISHED = "2025-03-14"


@pytest.mark.parametrize(
    "title, category",
    [
        ("Withdraw troops from the ridge and stop patrols", "security"),
        ("Observe a ceasefire along the river", "security"),
        ("Release 40 detainees and let aid convoys through", "humanitarian"),
        ("Return the remains of missing persons", "humanitarian"),
        ("Cut tariffs on grain exports", "economic"),
        ("Reopen the crossing to lorries and resume cargo flights", "economic"),
        ("Ratify the peace treaty in parliament", "political"),
        ("Hand over the suspects to the court", "political"),
        ("Hold the next round of talks in Geneva", "diplomatic"),
        ("Reopen the embassy and appoint an ambassador", "diplomatic"),
        ("Study the matter further", "other"),
    ],
)
def test_each_category(title: str, category: str) -> None:
    assert category_of(title) == category


def test_the_reasons_name_the_words_that_decided() -> None:
    reasons = category_reasons("Resume cargo flights", "Both sides agreed to resume cargo flights.")
    # the title's words twice, then the whole sentence's
    assert reasons == {"economic": ["cargo", "flight"] * 3}


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("The clashes left 20 killed on the ridge.", 20, "killed"),
        ("Bilateral trade reached $118bn in 2024.", 118e9, "USD"),
        ("The camps hold 1.2 million refugees.", 1.2e6, "refugees"),
        ("Some 2.5 million people crossed the border.", 2.5e6, "people"),
        ("At least 12 soldiers were killed.", 12, "killed"),
        ("Shelling killed at least 7 people in the town.", 7, "killed"),
        ("Exports rose to 54.6 billion dirhams in 2024.", 54.6e9, "AED"),
        ("Sales fell to €2.1bn.", 2.1e9, "EUR"),
        ("The plant produced 83.8 million megawatt-hours.", 83.8e6, "megawatt-hours"),
    ],
)
def test_counts_with_units(sentence: str, value: float, unit: str) -> None:
    (figure,) = figures_in(sentence, PUBLISHED)
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)


def test_period_and_change() -> None:
    (figure,) = figures_in("Trade was worth $1.6 billion last year, down 30% on 2023.", PUBLISHED)
    assert (figure.period_start, figure.period_end) == ("2024-01-01", "2024-12-31")
    assert figure.change_percent == -30
    assert figure.baseline == round(1.6e9 / 0.7)
    (figure,) = figures_in("Attacks in the first six months of 2024 numbered 300 attacks.")
    assert figure.period_end == "2024-06-30"


def test_a_year_is_no_count() -> None:
    figures = figures_in("Fighting in September 2022 killed at least 100 people.", PUBLISHED)
    assert [(f.value, f.unit) for f in figures] == [(100, "killed")]


def test_the_dateline_article_proposes_its_statistics() -> None:
    from pathlib import Path

    text = (Path(__file__).parent / "articles" / "india_china_dateline.txt").read_text()
    figures = {(c.value, c.unit) for c in extract(text) if c.kind == "statistic"}
    assert (118e9, "USD") in figures


def names(sentence: str) -> list[tuple]:
    return [(p.name, p.precision) for p in places_in(sentence)]


def test_curated_sites_and_admin_regions() -> None:
    found = {p.name: p for p in places_in("Patrols resume along the Line of Actual Control.")}
    site = found["Line of Actual Control"]
    assert (site.lat, site.lon, site.precision) == (34.0, 78.5, "region")
    found = {p.name: p for p in places_in("Floods hit Balochistan and the Gedo region.")}
    assert found["Balochistan"].country == "PAK" and found["Gedo"].country == "SOM"


def test_places_from_facilities_dashes_and_more_prepositions() -> None:
    got = {name for name, _ in names("Poland will reopen the Kowalow crossing by Monday.")}
    assert "Kowalow" in got
    got = {name for name, _ in names("Trains will run on the Ostra–Belka railway as far as Zmin.")}
    assert {"Ostra", "Belka", "Zmin"} <= got
    got = {name for name, _ in names("Trial runs between Sohar and Al Ain start in May.")}
    assert {"Sohar", "Al Ain"} <= got
    assert "Bardibas" in {name for name, _ in names("The line reaches Bardibas.")} | {
        name for name, _ in names("Trains run through Bardibas.")
    }


def test_small_places_come_from_geonames_500() -> None:
    found = small_places({"Sohar", "Nowhere Atall"}, frozenset({"OMN"}))
    assert set(found) == {"Sohar"}
    assert found["Sohar"].country == "OMN" and round(found["Sohar"].lat) == 24


def test_the_venue_is_the_meetings_place_not_the_commitments() -> None:
    text = (
        "date 2025-03-14\nIndia and China agreed to pull back troops from Depsang in eastern "
        "Ladakh, officials said after talks in Beijing. Both sides will hold the next round in "
        "New Delhi."
    )
    first, second = (c for c in extract(text) if c.kind == "commitment")
    roles = {p["name"]: p["role"] for p in first.places}
    assert roles["Beijing"] == "venue" and roles["Depsang"] == "mentioned"
    assert {p["name"]: p["role"] for p in second.places}["New Delhi"] == "mentioned"


def test_the_dateline_place_is_the_venue_until_a_sentence_names_another() -> None:
    text = "Muscat, 18 June 2025\n\nOman and the UAE agreed to cut customs fees."
    (candidate,) = (c for c in extract(text) if c.kind == "commitment")
    assert {p["name"]: p["role"] for p in candidate.places} == {"Muscat": "venue"}
