"""The article extractor on articles written for these tests (tests/articles/)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.extract.countries import countries_in
from desktop_app.extract.deadlines import find_deadline
from desktop_app.extract.extractor import extract
from desktop_app.extract.places import places_in
from desktop_app.extract.text import parse_article

ARTICLES = Path(__file__).parent / "articles"


def candidates(name: str, kind: str = "commitment"):
    found = extract((ARTICLES / name).read_text(encoding="utf-8"))
    return [c for c in found if c.kind == kind]


def test_publication_date_and_sentences():
    article = parse_article(
        "date 2025-03-10\nFirst one. Mr. Smith met Dr. Jones in the U.S. on Monday. Third!"
    )
    assert article.published == "2025-03-10"
    assert article.sentences == [
        "First one.",
        "Mr. Smith met Dr. Jones in the U.S. on Monday.",
        "Third!",
    ]


@pytest.mark.parametrize(
    "text, codes",
    [
        ("Iranian President Ebrahim Raisi arrived", ["IRN"]),
        ("Pakistan's caretaker foreign minister", ["PAK"]),
        ("Ethiopian and Somali leaders", ["ETH", "SOM"]),
        ("Washington separately signed agreements", ["USA"]),
        ("Mogadishu will reopen its embassy", ["SOM"]),
        ("talks were held in Beijing", []),  # a capital after "in" is a place, not a party
    ],
)
def test_parties_from_names_demonyms_possessives_and_capitals(text, codes):
    assert countries_in(text) == codes


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("agreed to withdraw troops within two months", ("2025-05-10", "month")),
        ("will resume patrols by the end of June", ("2025-06-30", "month")),
        ("by the end of February 2026", ("2026-02-28", "month")),
        ("the next round of talks on April 25", ("2025-04-25", "day")),
        ("talks on October 25", ("2025-10-25", "day")),
        ("a ceasefire for 120 days", ("2025-07-08", "day")),
        ("over the next five years", ("2030-03-10", "month")),
        ("by 2030", ("2030-12-31", "year")),
        ("a three-day visit", (None, "day")),
    ],
)
def test_relative_deadlines_resolve_against_the_publication_date(sentence, expected):
    assert find_deadline(sentence, "2025-03-10") == expected


def test_places_from_the_gazetteer_regions_and_unknown_names():
    found = {
        p.name: p
        for p in places_in("Troops left eastern Ladakh and talks moved from Beijing to Umm Sarit.")
    }
    assert found["Beijing"].country == "CHN" and found["Beijing"].lat == pytest.approx(39.9, 0.1)
    assert found["eastern Ladakh"].precision == "region"
    assert found["Umm Sarit"].lat is None  # in no gazetteer: kept, without coordinates
    assert "Minsk" not in {p.name for p in places_in("They asked to dissolve the Minsk Group.")}


def test_ladakh_commitments_with_deadlines():
    found = candidates("ladakh_2025-03-10.txt")
    by_title = {c.title: c for c in found}
    assert set(by_title) == {
        "Withdraw troops from two friction points in eastern Ladakh within two months",
        "Resume border patrols by the end of June",
        "Hold the next round of talks in New Delhi on April 25",
    }
    assert by_title["Resume border patrols by the end of June"].deadline == "2025-06-30"
    assert (
        by_title["Hold the next round of talks in New Delhi on April 25"].deadline == "2025-04-25"
    )
    assert all(set(c.parties) == {"IND", "CHN"} for c in found)
    # "Analysts said the deal will likely…" and "Troops committed serious abuses" are not
    assert not any("abuses" in c.sentence or "Analysts" in c.sentence for c in found)


def test_sudan_truce_commitments_places_and_statistic():
    found = candidates("sudan_truce_2025-06-02.txt")
    assert [c.deadline for c in found if "ceasefire" in c.title] == ["2025-09-30"]
    corridors = next(c for c in found if "corridors" in c.title)
    assert {"Kadugli", "Umm Sarit"} <= {p["name"] for p in corridors.places}
    monitor = next(c for c in found if c.title == "Monitor compliance")
    assert monitor.parties == ["SAU", "USA"]
    assert not any("does not address" in c.sentence for c in found)
    statistic = candidates("sudan_truce_2025-06-02.txt", "statistic")[0]
    assert (statistic.value, statistic.unit, statistic.change_percent) == (1200, "civilians", 40)


def test_ethiopia_somalia_demonyms_and_capitals():
    found = candidates("ethiopia_somalia_2024-12-12.txt")
    titles = [c.title for c in found]
    assert titles[0].startswith("Begin technical talks on sea access")
    assert found[0].deadline == "2025-02-28"
    embassy = next(c for c in found if "embassy" in c.title)
    assert embassy.parties == ["SOM"] and embassy.deadline == "2025-01-02"
    assert {"Addis Ababa", "Ankara"} <= {p["name"] for p in embassy.places}
    assert not any("could collapse" in c.sentence for c in found)


def test_sentences_that_only_look_like_commitments():
    assert candidates("quetta_attack_2025-02-01.txt") == []
    events = candidates("quetta_attack_2025-02-01.txt", "event")
    assert [e.event_kind for e in events] == ["attack"]
    assert events[0].places[0]["name"] == "Quetta"


def test_cli_prints_json(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "extract",
            str(ARTICLES / "ladakh_2025-03-10.txt"),
            "--json",
            "--kinds",
            "all",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {c["kind"] for c in data} == {"commitment", "event"}
    first = data[0]
    assert set(first) >= {
        "kind",
        "sentence",
        "title",
        "parties",
        "places",
        "deadline",
        "category",
        "confidence",
    }
    assert first["category"] == "security"


def test_a_month_and_year_is_the_end_of_that_month_not_a_day():
    from desktop_app.extract.deadlines import find_deadline

    assert find_deadline("Both sides will finish the fence by June 2025.", "2024-01-29") == (
        "2025-06-30",
        "month",
    )
    assert find_deadline("Talks continue until March 2027.", "2024-01-29") == (
        "2027-03-31",
        "month",
    )
    assert find_deadline("The market opens on June 20, 2025.", "2024-01-29") == (
        "2025-06-20",
        "day",
    )


def test_the_month_of_publication_is_this_year_not_next():
    from desktop_app.extract.deadlines import find_deadline

    assert find_deadline("Officers are named by the end of January.", "2024-01-29") == (
        "2024-01-31",
        "month",
    )
    assert find_deadline("A report is due by March.", "2024-03-06") == ("2024-03-31", "month")
    assert find_deadline("A report is due by February.", "2024-03-06") == ("2025-02-28", "month")
