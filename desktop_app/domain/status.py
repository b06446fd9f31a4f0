"""Commitment statuses: their order, labels, definitions, scores and colours.

The colours are the Okabe-Ito palette, which stays distinguishable for the common forms of
colour blindness; every view of a status (tables, charts, legends) takes its colour from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    NOT_RATED = "not_rated"
    IN_PROGRESS = "in_progress"
    STALLED = "stalled"
    PARTIALLY_FULFILLED = "partially_fulfilled"
    FULFILLED = "fulfilled"
    BROKEN = "broken"


@dataclass(frozen=True)
class StatusInfo:
    status: Status
    label: str
    definition: str
    colour: str  # hex RGB
    compliance: int | None  # G7-style score; None means left out of the score
    closed: bool  # a closed commitment can no longer be overdue


STATUS_INFO: dict[Status, StatusInfo] = {
    info.status: info
    for info in (
        StatusInfo(
            Status.NOT_RATED,
            "Not yet rated",
            "No one has judged this commitment yet; it is recorded but not assessed.",
            "#999999",
            None,
            False,
        ),
        StatusInfo(
            Status.IN_PROGRESS,
            "In progress",
            "Visible steps are being taken towards keeping the commitment.",
            "#56B4E9",
            0,
            False,
        ),
        StatusInfo(
            Status.STALLED,
            "Stalled",
            "Nothing has moved for a long time, or the work was paused or blocked.",
            "#E69F00",
            -1,
            False,
        ),
        StatusInfo(
            Status.PARTIALLY_FULFILLED,
            "Partially fulfilled",
            "Part of what was promised has been delivered, but not all of it.",
            "#F0E442",
            0,
            False,
        ),
        StatusInfo(
            Status.FULFILLED,
            "Fulfilled",
            "What was promised has been delivered in full.",
            "#009E73",
            1,
            True,
        ),
        StatusInfo(
            Status.BROKEN,
            "Broken",
            "The commitment was abandoned, reversed or plainly not kept.",
            "#D55E00",
            -1,
            True,
        ),
    )
}

STATUS_ORDER: tuple[Status, ...] = tuple(STATUS_INFO)
OPEN_STATUSES: tuple[Status, ...] = tuple(s for s, i in STATUS_INFO.items() if not i.closed)


def parse_status(text: str) -> Status:
    """Accept a status code ('in_progress') or its label ('In progress'), any case."""
    wanted = " ".join(text.strip().lower().replace("_", " ").split())
    for status, info in STATUS_INFO.items():
        if wanted in (status.value.replace("_", " "), info.label.lower()):
            return status
    known = ", ".join(info.label for info in STATUS_INFO.values())
    raise ValueError(f"unknown status {text!r}; expected one of: {known}")


def label(status: str) -> str:
    return STATUS_INFO[Status(status)].label


def compliance_percent(score: float) -> float:
    """G7 Research Group convention: a score in -1..+1 shown as (score + 1) / 2 in percent."""
    return (score + 1.0) / 2.0 * 100.0


def percent_text(percent: float) -> str:
    """A percentage as it is, to one decimal: 62.5%, 100% (never rounded to look whole)."""
    return f"{percent:.1f}".removesuffix(".0") + "%"
