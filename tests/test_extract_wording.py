"""The wider range of ways news prose words a promise, and of ways it words something that is
none (issue 21, the second round of dev articles). Each rule has cases on both sides, so that
a rule that takes everything, or nothing, fails."""

from __future__ import annotations

import pytest

from desktop_app.extract.extractor import extract
from desktop_app.extract.text import parse_article

PUBLISHED = "2025-03-14"


def promises(text: str, published: str | None = PUBLISHED) -> list:
    return [c for c in extract(text, published) if c.kind == "commitment"]


@pytest.mark.parametrize(
    "sentence, title_starts",
    [
        ("Chad and Niger signed a memorandum to build a power line to Agadez.", "Build a power"),
        ("The agreement also provides for joint patrols along the river.", "Joint patrols"),
        ("Ghana expressed readiness to train Togolese border police.", "Train Togolese"),
        ("Peru and Chile resolved on Monday to settle their maritime dispute.", "Settle their"),
        (
            "The establishment of a joint customs office in Rosso was also agreed.",
            "The establishment",
        ),
        ("The security committee will meet within two weeks to plan patrols.", "Meet within"),
        (
            "Work on the Rosso bridge will be completed by the end of the year.",
            "Work on the Rosso bridge to be completed",
        ),
        (
            "Jordan agreed to the plan. It will, however, provide buses to the border.",
            "Provide buses",
        ),
        (
            '"We act now," the minister said, announcing that Benin would open two posts.',
            "Open two",
        ),
        ("The next session will be held in Baghdad in 2026.", "The next session"),
        ("The next round of talks is planned in Mazar-i-Sharif in October.", "The next round"),
        ("Construction is to begin before the end of the year.", "Construction to begin"),
        ("The full line is to reopen by 2029.", "The full line to reopen"),
        ("The three ministers will meet again in Kasane in November.", "The three ministers"),
        ("Bolivia had agreed last month to let fuel trucks cross at Puerto Quijarro.", "Let fuel"),
        ("Papua New Guinea and Indonesia agreed Wednesday to reopen the crossing.", "Reopen the"),
    ],
)
def test_a_promise_in_its_many_forms(sentence: str, title_starts: str) -> None:
    found = promises(sentence)
    assert found, sentence
    assert found[-1].title.lower().startswith(title_starts.lower()), found[-1].title


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2022 the two countries promised to set up a joint patrol, which never put to sea.",
        "A 2019 pledge to open a crossing at Serudong has not been carried out.",
        "At the cabinet meeting in 2022, the governments pledged to finish the bridge.",
        "A Vietnamese carmaker pledged to invest $150 million in a plant in Luzon.",
        "Officials denied that Beirut had agreed to take back the migrants.",
        "The pledge is meant to calm fears in Djibouti that Addis Ababa would shift its trade.",
        "Analysts said Gulf states might fund the repair of the grid.",
        "Baku has said it will sign only after Armenia changes its constitution.",
        "Officials said the investigation will take weeks.",
        "The railway, which will link the two ports, is still unfunded.",
        "Whether Tanzania would lift its restrictions was not discussed in public.",
        "Environmental groups urged both governments to halt work on the dam.",
        "Brazil first undertook to build a bridge there in a treaty signed in 1958.",
        "A Chinese electric-car maker also promised to build a plant near Almaty.",
        "The line would double the electricity Uzbekistan can sell.",
        "An Indian hotel group said it would open three resorts in the atolls.",
        '"We have decided to close this chapter.',
        "They will keep crossing it,\" Burkina Faso's minister of security said.",
        "The two countries said they would finish demarcating, but the work is still incomplete.",
        "Until then, passengers between Vilnius and Warsaw will still have to change trains.",
    ],
)
def test_what_only_looks_like_a_promise(sentence: str) -> None:
    assert promises(sentence) == []


def test_two_promisors_in_one_sentence_are_two_promises_with_their_own_deadlines():
    text = (
        "Azerbaijan vowed to return the remains of 19 soldiers within 30 days, while Armenia "
        "committed to hand over maps of minefields by the end of April."
    )
    first, second = promises(text)
    assert first.title.startswith("Return the remains") and first.deadline == "2025-04-13"
    assert second.title.startswith("Hand over maps") and second.deadline == "2025-04-30"
    assert first.parties == ["AZE"] and second.parties == ["ARM"]


def test_coordinated_actions_after_one_will_each_keep_their_deadline():
    text = (
        "Under those agreements, the coast guards of Viet Nam and the Philippines will set up a "
        "hotline by March 25 and hold joint drills off Palawan before year-end."
    )
    hotline, drills = promises(text)
    assert hotline.deadline == "2025-03-25" and drills.deadline == "2025-12-31"
    assert "Palawan" in [p["name"] for p in drills.places]


@pytest.mark.parametrize(
    "sentence, deadline",
    [
        (
            "Kenya will double the number of visas, to 560 from 2027, the minister said on Monday.",
            "2027-12-31",
        ),
        ("Kyrgyzstan will release water between April and September.", "2025-09-30"),
        (
            "Iran and Saudi Arabia agreed to resume flights by the end of the first quarter "
            "of next year.",
            "2026-03-31",
        ),
        (
            "The two sides decided to form a commission that will meet early next year.",
            "2026-03-31",
        ),
        ("Jordan had agreed on 1 March to reopen the crossing by 10 March.", "2025-03-10"),
        ("Ethiopia will build a line to the border, due to be finished in 2026.", "2026-12-31"),
        ("Algeria pledged to raise gas deliveries in the second half of the year.", "2025-12-31"),
        ("Liberia pledged to pave its section by the end of the decade.", "2029-12-31"),
        (
            "The three governments had promised at their summit in June to open it by 1 March.",
            "2025-03-01",
        ),
    ],
)
def test_deadlines_in_more_words(sentence: str, deadline: str) -> None:
    (found,) = promises(sentence)
    assert found.deadline == deadline


def test_a_deadline_just_past_is_kept_and_flagged():
    (found,) = promises("Syria agreed to reopen the crossing by 10 March.")
    assert found.deadline == "2025-03-10" and "before the publication date" in found.note


def test_a_kicker_a_bar_a_place_and_a_date_set_the_publication_date():
    article = parse_article("Gulf Affairs | Riyadh, 4 December 2024\n\nHeadline\n\nText.", None)
    assert article.published == "2024-12-04"


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Honduras will deploy soldiers along the Goascorán river.", "Goascorán"),
        ("Haiti agreed to share water from the Massacre River with farmers.", "Massacre"),
        ("Lebanon committed to step up patrols off Tripoli.", "Tripoli"),
        (
            "The UAE will finance a power line between the Al Dhahirah governorate and Al Ain.",
            "Al Dhahirah",
        ),
        ("The two governments agreed to reopen the Kyzyl-Bel and Karamyk crossings.", "Kyzyl-Bel"),
        ("The two governments agreed to reopen the Kyzyl-Bel and Karamyk crossings.", "Karamyk"),
        ("Dhaka pledged to move 10,000 refugees to the island of Bhasan Char.", "Bhasan Char"),
        ("Kyrgyzstan pledged free passage for residents of the Tajik exclave of Vorukh.", "Vorukh"),
        (
            "They said they would set up a company to run the Kambar-Ata 1 hydropower plant.",
            "Kambar-Ata",
        ),
        ("Rwanda agreed to reopen the Nemba-Gasenyi crossing to traders.", "Gasenyi"),
        ("Turkey agreed to release more water into the Tigris from the Ilisu dam.", "Tigris"),
        ("Uruguay agreed to a terminal at Nueva Palmira, on the Uruguay River.", "Uruguay River"),
        ("Lithuania agreed to host a battery at the Šiauliai air base.", "Šiauliai"),
        ("The two sides decided to keep the Burimari land port open.", "Burimari"),
        ("Both governments pledged to step up patrols in Brunei Bay.", "Brunei Bay"),
        ("Uganda agreed to start a ferry between Port Bell and Mwanza.", "Port Bell"),
        ("Tanzania committed to finish the Mutukula one-stop border post.", "Mutukula"),
        ("Uzbekistan will build the Surkhan-Puli-Khumri power line.", "Surkhan"),
        ("Laos pledged to cut burning in the provinces of Xayaboury and Oudomxay.", "Oudomxay"),
        ("Spain and Morocco decided to study a tunnel under the Strait of Gibraltar.", "Strait of"),
        (
            "Argentina committed to tender the Agua Negra tunnel to Chile's Coquimbo region.",
            "Coquimbo",
        ),
    ],
)
def test_rivers_and_coasts_are_places(sentence: str, place: str) -> None:
    (found,) = promises(sentence)
    assert any(place in p["name"] for p in found.places), found.places


def test_a_wire_dateline_without_a_year_is_the_latest_such_day():
    import datetime as dt

    from desktop_app.extract.datelines import read_dateline

    text = "ASTANA, May 21 (AP) — Kazakhstan and China will open a crossing."
    assert read_dateline(text, dt.date(2026, 11, 29)).published == "2026-05-21"
    assert read_dateline(text, dt.date(2026, 3, 1)).published == "2025-05-21"  # not ahead
    slashed = "RABAT, 5 February 2025 /Iberia Press/ -- Spain and Morocco agreed to act."
    assert read_dateline(slashed).published == "2025-02-05"


def test_starting_monday_is_the_next_monday():
    (found,) = promises("China agreed to lift its restrictions on beef starting Monday.")
    assert found.deadline == "2025-03-17"  # 14 March 2025 is a Friday


def test_a_name_that_starts_with_a_common_word_is_not_that_word():
    (found,) = promises("Uganda agreed to start a ferry between Port Bell and Mwanza.")
    assert "Port" not in [p["name"] for p in found.places]
