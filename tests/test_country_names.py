"""Countries by the names people write (domain/country_names.py), and the gazetteer and the
article extractor reading their names from there."""

from __future__ import annotations

import pytest

from desktop_app.domain import gazetteer
from desktop_app.domain.country_names import (
    Country,
    country_named,
    country_spellings,
    split_country_list,
)
from desktop_app.extract import countries as extract_countries

NAMES = {
    "SAU": ["Saudi Arabia", "Kingdom of Saudi Arabia", "SAU", "sa", "SAUDI ARABIA"],
    "TUR": ["Türkiye", "Turkiye", "Turkey", "TÜRKIYE", "turkey"],
    "IRN": [
        "Iran",
        "Islamic Republic of Iran",
        "Iran (Islamic Republic of)",
        "Iran, Islamic Republic of",
        "IRN",
        "ir",
        "iran",
    ],
    "COD": [
        "DRC",
        "DR Congo",
        "D.R. Congo",
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo",
        "Congo, The Democratic Republic of the",
        "Congo-Kinshasa",
        "Congo (Kinshasa)",
    ],
    "COG": ["Republic of the Congo", "Congo", "Congo-Brazzaville"],
    "GBR": ["UK", "U.K.", "United Kingdom", "Britain", "Great Britain", "GB"],
    "USA": ["US", "U.S.", "USA", "U.S.A.", "United States", "United States of America"],
    "RUS": ["Russia", "Russian Federation"],
    "KOR": ["South Korea", "Korea, Republic of", "Republic of Korea"],
    "PRK": ["North Korea", "Democratic People's Republic of Korea", "DPRK"],
    "SYR": ["Syria", "Syrian Arab Republic"],
    "PSE": ["Palestine", "State of Palestine", "Palestine, State of"],
    "VNM": ["Vietnam", "Viet Nam"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "CÔTE D’IVOIRE"],
    "CZE": ["Czechia", "Czech Republic"],
    "MMR": ["Burma", "Myanmar"],
    "LAO": ["Laos", "Lao People's Democratic Republic"],
    "MDA": ["Moldova", "Republic of Moldova"],
    "BOL": ["Bolivia", "Plurinational State of Bolivia"],
    "VEN": ["Venezuela", "Venezuela, Bolivarian Republic of"],
    "TZA": ["Tanzania", "United Republic of Tanzania"],
    "SWZ": ["Eswatini", "Swaziland"],
    "MKD": ["North Macedonia", "Macedonia"],
    "CPV": ["Cape Verde", "Cabo Verde"],
    "TLS": ["Timor-Leste", "Timor Leste", "East Timor"],
    "NLD": ["the Netherlands", "Netherlands", "The Netherlands"],
    "GMB": ["the Gambia", "Gambia"],
    "PHL": ["the Philippines", "Philippines"],
    "BIH": ["Bosnia and Herzegovina", "Bosnia & Herzegovina", "Bosnia"],
    "TTO": ["Trinidad and Tobago"],
    "ATG": ["Antigua and Barbuda"],
    "KNA": ["Saint Kitts and Nevis", "St Kitts and Nevis", "St. Kitts and Nevis"],
    "STP": ["São Tomé and Príncipe", "Sao Tome and Principe"],
    "VGB": ["British Virgin Islands", "Virgin Islands, British"],
    "VIR": ["U.S. Virgin Islands", "Virgin Islands, U.S."],
    "VAT": ["Holy See", "Vatican", "Holy See (Vatican City State)"],
    "TWN": ["Taiwan"],
    "ARE": ["UAE", "United Arab Emirates"],
}


@pytest.mark.parametrize(
    "text, iso3", [(name, iso3) for iso3, names in NAMES.items() for name in names]
)
def test_a_country_by_a_code_or_any_name_people_write(text, iso3):
    assert country_named(text).iso3 == iso3


def test_the_country_found_is_the_gazetteers_own():
    assert country_named(" Pakistan ") == Country("PAK", "PK", "Pakistan")
    assert gazetteer.Country is Country
    assert country_named("Iran") is gazetteer.country_by_code("IRN")


@pytest.mark.parametrize(
    "text",
    [
        "Hamas",
        "the UN",
        "UN",
        "European Union",
        "EU",
        "Gulf Cooperation Council",
        "GCC",
        "Iranian",  # a demonym, not a country's name
        "Latin America",
        "Korea",  # either Korea: neither
        "Virgin Islands",  # British or U.S.
        "Atlantis",
        "",
        "   ",
        "the",
    ],
)
def test_what_is_no_countrys_name_is_no_country(text):
    assert country_named(text) is None


@pytest.mark.parametrize(
    "text, codes, others",
    [
        ("Saudi Arabia, Iran", ["SAU", "IRN"], []),
        ("Iran; Pakistan", ["IRN", "PAK"], []),
        ("Iran/Pakistan", ["IRN", "PAK"], []),
        ("Iran | Pakistan", ["IRN", "PAK"], []),
        ("Iran and Pakistan", ["IRN", "PAK"], []),
        ("Iran & Pakistan", ["IRN", "PAK"], []),
        ("Iran, Pakistan and China", ["IRN", "PAK", "CHN"], []),
        ("Iran, Pakistan, and China", ["IRN", "PAK", "CHN"], []),
        ("the Netherlands and the Philippines", ["NLD", "PHL"], []),
        ("IRN; PAK", ["IRN", "PAK"], []),
        ("US and UK", ["USA", "GBR"], []),
        ("Iran, Iran and Iran", ["IRN"], []),
        ("Iran,", ["IRN"], []),
    ],
)
def test_a_list_of_countries(text, codes, others):
    found, rest = split_country_list(text)
    assert ([c.iso3 for c in found], rest) == (codes, others)


@pytest.mark.parametrize(
    "text, iso3",
    [
        ("Korea, Republic of", "KOR"),
        ("Iran, Islamic Republic of", "IRN"),
        ("Bosnia and Herzegovina", "BIH"),
        ("Trinidad and Tobago", "TTO"),
        ("Antigua and Barbuda", "ATG"),
        ("Saint Helena, Ascension and Tristan da Cunha", "SHN"),
        ("Bonaire, Sint Eustatius and Saba", "BES"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
    ],
)
def test_one_country_whose_name_has_a_comma_or_and_stays_one(text, iso3):
    found, rest = split_country_list(text)
    assert ([c.iso3 for c in found], rest) == ([iso3], [])


@pytest.mark.parametrize(
    "text, codes",
    [
        ("Korea, Republic of, Iran, Islamic Republic of", ["KOR", "IRN"]),
        ("Iran and Trinidad and Tobago", ["IRN", "TTO"]),
        ("Bosnia and Herzegovina and Serbia", ["BIH", "SRB"]),
        ("Antigua and Barbuda; Korea, Republic of", ["ATG", "KOR"]),
        ("Iran, Korea, Democratic People's Republic of and Syria", ["IRN", "PRK", "SYR"]),
    ],
)
def test_names_with_a_comma_or_and_inside_a_longer_list(text, codes):
    found, rest = split_country_list(text)
    assert ([c.iso3 for c in found], rest) == (codes, [])


@pytest.mark.parametrize(
    "text, codes, others",
    [
        ("Hamas", [], ["Hamas"]),
        ("the UN, Iran", ["IRN"], ["the UN"]),
        ("European Union and Armenia", ["ARM"], ["European Union"]),
        ("Gulf Cooperation Council; Saudi Arabia", ["SAU"], ["Gulf Cooperation Council"]),
        ("Hamas, Iran and Islamic Jihad", ["IRN"], ["Hamas", "Islamic Jihad"]),
        # "and" between two names that are not countries is part of one name
        ("Ministry of Trade and Industry, Iran", ["IRN"], ["Ministry of Trade and Industry"]),
        ("Bill and Melinda Gates Foundation", [], ["Bill and Melinda Gates Foundation"]),
        # two-letter codes in a list are too often something else
        ("NA", [], ["NA"]),
        ("N/A", [], ["N", "A"]),
        ("IS, Iran", ["IRN"], ["IS"]),
        ("AU and Sudan", ["SDN"], ["AU"]),
        ("", [], []),
        (" ; ", [], []),
    ],
)
def test_what_is_not_a_country_in_a_list_is_handed_back_as_written(text, codes, others):
    found, rest = split_country_list(text)
    assert ([c.iso3 for c in found], rest) == (codes, others)


def test_a_two_letter_code_alone_is_still_a_country():
    assert country_named("IS").iso3 == "ISL"
    assert country_named("na").iso3 == "NAM"


def test_the_gazetteer_finds_countries_by_the_same_names():
    assert gazetteer.find_country("DRC").iso3 == "COD"
    assert gazetteer.find_country("Burma").iso3 == "MMR"
    assert gazetteer.find_country("Iran (Islamic Republic of)").iso3 == "IRN"
    assert gazetteer.find_country("Hamas") is None


def test_the_extractor_finds_countries_by_the_same_names():
    assert extract_countries.countries_in("Burma and Swaziland signed") == ["MMR", "SWZ"]
    assert extract_countries.countries_in("the DRC and Congo-Brazzaville agreed") == [
        "COD",
        "COG",
    ]
    assert extract_countries.countries_in("Turkiye and Côte d'Ivoire met") == ["TUR", "CIV"]
    assert extract_countries.countries_in("the Republic of Korea pledged") == ["KOR"]


def test_the_extractor_keeps_no_country_names_of_its_own():
    """Its own table holds demonyms ("Iranian") only: names are country_names'."""
    assert [w for w in extract_countries.DEMONYMS if country_named(w)] == []


def test_spellings_for_running_text_hold_names_not_codes_nor_iso_inversions():
    spellings = country_spellings()
    assert spellings["Saudi Arabia"] == "SAU"
    assert spellings["Côte d'Ivoire"] == spellings["Cote d'Ivoire"] == "CIV"
    assert spellings["Congo"] == "COG"
    assert spellings["Holy See"] == "VAT"
    for absent in (
        "IN",
        "IRN",
        "364",
        "Korea",
        "Korea, Republic of",
        "Holy See (Vatican City State)",
    ):
        assert absent not in spellings
