"""Closed vocabularies: kinds of actors, events and places, categories, roles, precisions."""

from __future__ import annotations

ACTOR_KINDS = ("state", "organisation", "armed_group", "person")
EVENT_KINDS = (
    "meeting",
    "visit",
    "agreement",
    "statement",
    "strike",
    "attack",
    "incident",
    "other",
)
CATEGORIES = ("security", "economic", "diplomatic", "political", "humanitarian", "other")
PARTY_ROLES = ("promisor", "beneficiary", "guarantor")
EVENT_ROLES = ("actor", "target", "host", "participant")
DATE_PRECISIONS = ("day", "week", "month", "year")
PLACE_PRECISIONS = ("exact", "near", "region")

# The tables CSV files carry, in the order a set of them is imported (links point backwards).
EXCHANGE_TABLES = (
    "actors",
    "places",
    "sources",
    "events",
    "commitments",
    "status_updates",
    "statistics",
)
# Tables that are exported but never imported from CSV: the change log.
EXPORT_ONLY_TABLES = ("record_changes",)
# How rows are read from a file: our own export, or another program's layout.
IMPORT_PRESETS = ("native", "acled", "ucdp")
# The charts that can be drawn (the dashboard, File > Export chart, `render --chart`).
CHART_NAMES = ("status-over-time", "by-party", "by-category", "timeline", "events", "map")


def check_choice(value: str, choices: tuple[str, ...], what: str) -> str:
    """Return value (lower-cased) if it is one of choices, else raise a readable ValueError."""
    normalised = value.strip().lower().replace(" ", "_")
    if normalised not in choices:
        raise ValueError(f"unknown {what} {value!r}; expected one of: {', '.join(choices)}")
    return normalised
