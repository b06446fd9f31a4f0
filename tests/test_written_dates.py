"""Dates as people write them in spreadsheets (exchange/written_dates.py): day first, month
first and ISO files, month names, precisions, the impossible told apart from the ambiguous,
and the order a file's columns show. Plain values, no Qt, no database."""

from __future__ import annotations

import pytest

from desktop_app.exchange.written_dates import (
    DateOrder,
    DateProblem,
    WrittenDate,
    guess_file_order,
    guess_order,
    parse_written_date,
)

DAY_FIRST, MONTH_FIRST, ISO = DateOrder.DAY_FIRST, DateOrder.MONTH_FIRST, DateOrder.ISO


def day(iso: str) -> WrittenDate:
    return WrittenDate(iso, "day")


def problem(text: str, order: DateOrder | None = None) -> str:
    with pytest.raises(DateProblem) as raised:
        parse_written_date(text, order)
    return str(raised.value)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("14/03/2025", "2025-03-14"),
        ("14.03.2025", "2025-03-14"),
        ("14-03-2025", "2025-03-14"),
        ("03/04/2024", "2024-04-03"),
        ("3/4/2024", "2024-04-03"),
        ("01/12/2023", "2023-12-01"),
        (" 05.11.1998 ", "1998-11-05"),
        ("14/03/2025 10:00", "2025-03-14"),
    ],
)
def test_a_day_first_file(text, expected):
    assert parse_written_date(text, DAY_FIRST) == day(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("3/14/2025", "2025-03-14"),
        ("03/04/2024", "2024-03-04"),
        ("12-01-2023", "2023-12-01"),
        ("11.05.1998", "1998-11-05"),
        ("3/14/2025 4:30 PM", "2025-03-14"),
    ],
)
def test_a_month_first_file(text, expected):
    assert parse_written_date(text, MONTH_FIRST) == day(expected)


@pytest.mark.parametrize("order", [ISO, DAY_FIRST, MONTH_FIRST, None])
@pytest.mark.parametrize(
    "text, expected",
    [
        ("2025-03-14", "2025-03-14"),
        ("2025-3-4", "2025-03-04"),
        ("2025/03/14", "2025-03-14"),
        ("2025.03.14", "2025-03-14"),
        ("2025-03-14T10:00:00", "2025-03-14"),
        ("2025-03-14t10:00", "2025-03-14"),
        ("2025-03-14 00:00:00", "2025-03-14"),
        ("2025-03-14T23:59:59.123456+02:00", "2025-03-14"),
        ("2025-03-14T10:00:00Z", "2025-03-14"),
    ],
)
def test_year_first_dates_read_the_same_in_every_order(text, expected, order):
    assert parse_written_date(text, order) == day(expected)


@pytest.mark.parametrize(
    "text", ["2025-03-14T25:00", "2025-03-14 soon", "2025-03-14T10", "2025-03-"]
)
def test_a_year_first_date_with_something_else_after_it_is_no_date(text):
    assert problem(text) == f"'{text}' is not a date; write it like 2024-03-14 or 14 March 2024"


@pytest.mark.parametrize("order", [DAY_FIRST, MONTH_FIRST, None])
@pytest.mark.parametrize(
    "text",
    [
        "14 March 2025",
        "14 march 2025",
        "14 MAR 2025",
        "14 Mar 2025",
        "14-Mar-2025",
        "14th March 2025",
        "14th of March 2025",
        "March 14, 2025",
        "March 14 2025",
        "Mar 14 2025",
        "Mar. 14, 2025",
        "march 14th, 2025",
    ],
)
def test_month_names_need_no_order(text, order):
    assert parse_written_date(text, order) == day("2025-03-14")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1 Jan 2024", "2024-01-01"),
        ("29 Feb 2024", "2024-02-29"),
        ("2 May 2024", "2024-05-02"),
        ("30 Sept 2024", "2024-09-30"),
        ("30 Sep 2024", "2024-09-30"),
        ("December 31, 1999", "1999-12-31"),
    ],
)
def test_each_month_by_its_name_or_abbreviation(text, expected):
    assert parse_written_date(text, None) == day(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("March 2025", WrittenDate("2025-03-01", "month")),
        ("mar 2025", WrittenDate("2025-03-01", "month")),
        ("Dec, 1999", WrittenDate("1999-12-01", "month")),
        ("2025-03", WrittenDate("2025-03-01", "month")),
        ("2025-3", WrittenDate("2025-03-01", "month")),
        ("03/2025", WrittenDate("2025-03-01", "month")),
        ("12.1999", WrittenDate("1999-12-01", "month")),
        ("2025", WrittenDate("2025-01-01", "year")),
        (" 1998 ", WrittenDate("1998-01-01", "year")),
    ],
)
def test_a_month_or_a_year_alone_is_dated_on_its_first_day_with_its_precision(text, expected):
    assert parse_written_date(text, DAY_FIRST) == expected


@pytest.mark.parametrize("text", ["March 14", "14 March", "Mar", "14th of March"])
def test_a_date_without_its_year_is_refused_not_completed_from_today(text):
    assert problem(text) == f"'{text}' has no year; write it in full, like 14 March 2024"


@pytest.mark.parametrize("text", ["14", "soon", "Marc 14 2025", "14 Foo 2025", "45730", "1/2/3"])
def test_what_is_not_a_date_is_named_with_an_example(text):
    assert problem(text) == f"'{text}' is not a date; write it like 2024-03-14 or 14 March 2024"


def test_an_empty_cell_is_not_a_date():
    assert problem("  ") == "An empty cell is not a date; write it like 2024-03-14"


@pytest.mark.parametrize("text", ["14/03/25", "3/14/25", "14 Mar 25", "March 14, 25"])
def test_two_digit_years_are_refused(text):
    assert problem(text, DAY_FIRST if text[0] == "1" else MONTH_FIRST) == (
        f"'{text}' has a two-digit year, which could be in any century; "
        "write the year in full, like 2025"
    )


@pytest.mark.parametrize(
    "text, order",
    [
        ("31/02/2024", None),
        ("31/02/2024", DAY_FIRST),
        ("31/02/2024", MONTH_FIRST),  # no month 31 either: the only reading is impossible
        ("02/31/2024", MONTH_FIRST),
        ("02/31/2024", DAY_FIRST),
        ("02/31/2024", None),
        ("2024-02-31", None),
        ("2024-02-31T10:00", DAY_FIRST),
        ("31 February 2024", None),
        ("Feb 31, 2024", None),
    ],
)
def test_an_impossible_date_is_called_impossible_in_any_order(text, order):
    assert problem(text, order) == "31 February 2024 does not exist"


def test_the_29th_of_february_exists_only_in_leap_years():
    assert parse_written_date("29/02/2024", None) == day("2024-02-29")
    assert problem("29/02/2023", None) == "29 February 2023 does not exist"
    assert problem("29 Feb 2100", None) == "29 February 2100 does not exist"


@pytest.mark.parametrize(
    "text, expected", [("31/12/2023", "2023-12-31"), ("12/31/2023", "2023-12-31")]
)
def test_a_date_that_reads_one_way_only_needs_no_order(text, expected):
    assert parse_written_date(text, None) == day(expected)
    assert parse_written_date(text, ISO) == day(expected)


def test_a_date_whose_day_and_month_are_equal_is_not_ambiguous():
    assert parse_written_date("03/03/2024", None) == day("2024-03-03")


@pytest.mark.parametrize("order", [None, ISO])
def test_a_date_that_reads_both_ways_without_an_order_is_ambiguous(order):
    assert problem("03/04/2024", order) == (
        "'03/04/2024' could be 3 April 2024 or 4 March 2024; "
        "choose the date order (day first or month first) in the import"
    )


@pytest.mark.parametrize(
    "text, order, wording, month",
    [
        ("14/03/2025", MONTH_FIRST, "month first", 14),
        ("3/14/2025", DAY_FIRST, "day first", 14),
        ("12/31/2024", DAY_FIRST, "day first", 31),
    ],
)
def test_a_date_that_contradicts_the_chosen_order_is_refused(text, order, wording, month):
    assert problem(text, order) == (
        f"'{text}' cannot be {wording}, as there is no month {month}; "
        "check the date order chosen for the import"
    )


@pytest.mark.parametrize(
    "text, order, why",
    [
        ("13/13/2024", DAY_FIRST, "there is no month 13"),
        ("13/14/2024", None, "there is no month 13 or 14"),
        ("2024-13-01", None, "there is no month 13"),
        ("2024-13", None, "there is no month 13"),
        ("00/2024", None, "there is no month 0"),
        ("0000", None, "there is no year 0"),
        ("01/01/0000", DAY_FIRST, "there is no year 0"),
    ],
)
def test_a_month_over_twelve_either_way_is_not_a_date(text, order, why):
    assert problem(text, order) == (
        f"'{text}' is not a date ({why}); write it like 2024-03-14 or 14 March 2024"
    )


def test_day_zero_does_not_exist():
    assert problem("00/05/2024") == "0 May 2024 does not exist"
    assert problem("2024-05-00") == "0 May 2024 does not exist"


def test_the_order_may_be_given_as_its_plain_string():
    assert parse_written_date("03/04/2024", "day-first") == day("2024-04-03")
    assert parse_written_date("03/04/2024", "month-first") == day("2024-03-04")
    assert DateOrder("iso") is ISO


def test_date_problem_is_a_value_error():
    with pytest.raises(ValueError):
        parse_written_date("soon", None)


@pytest.mark.parametrize(
    "cells, expected",
    [
        (["03/04/2024", "25/03/2025", "", "01/02/2023"], DAY_FIRST),
        (["03/04/2024", "3/25/2025", "01/02/2023"], MONTH_FIRST),
        (["2024-03-04", "2025-03-25T10:00", "2023/02/01"], ISO),
        (["2024-03-04", "", "14 March 2025", "03/03/2024"], ISO),
        (["2024-03-04", "25.03.2025"], DAY_FIRST),
        (["03/04/2024", "01/02/2023"], None),  # only dates that read both ways
        (["2024-03-04", "03/04/2024"], None),  # ISO says nothing about 03/04/2024
        (["25/03/2025", "3/25/2025"], None),  # conflicting evidence
        (["14 March 2025", "soon", ""], None),
        ([], None),
        (["31/02/2024"], DAY_FIRST),  # impossible, but 31 can only be a day
        (["13/13/2024", "45/03/2024", "03/04/2024"], None),  # no day over 31 is evidence
    ],
)
def test_guess_order(cells, expected):
    assert guess_order(cells) == expected


def test_guess_order_reads_a_column_once():
    assert guess_order(iter(["03/04/2024", "13/04/2024"])) == DAY_FIRST


def test_one_order_for_all_the_date_columns_of_a_file():
    made_on = ["03/04/2024", "01/02/2023"]  # alone, no order
    deadline = ["", "25/12/2026"]
    assert guess_order(made_on) is None
    assert guess_file_order([made_on, deadline]) == DAY_FIRST
    assert guess_file_order([made_on, ["12/25/2026"]]) == MONTH_FIRST
    assert guess_file_order([["25/12/2026"], ["12/25/2026"]]) is None
    assert guess_file_order([["2024-03-04"], ["2026-12-25"]]) == ISO


def test_a_guessed_order_reads_the_whole_column():
    column = ["03/04/2024", "13/04/2024", "April 2024", "2024"]
    order = guess_order(column)
    assert [parse_written_date(cell, order) for cell in column] == [
        day("2024-04-03"),
        day("2024-04-13"),
        WrittenDate("2024-04-01", "month"),
        WrittenDate("2024-01-01", "year"),
    ]
