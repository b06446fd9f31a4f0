"""Commitment statuses: their order, labels, definitions, scores and colours, and the rule
that says which status a commitment and each of its parties stand in.

The colours are the Okabe-Ito palette, which stays distinguishable for the common forms of
colour blindness; every view of a status (tables, charts, legends) takes its colour from here.

THE RULE (README "Statuses"; store/queries.py says it in SQL, store/status_index.py in arrays,
and the tests hold the three together):

- A party's own status on a date is the latest status update dated on or before it that is for
  the whole commitment or for that party. On the same day an update for that party beats one
  for the whole commitment; two same-day updates of the same scope go by when they were entered
  (created_at), then by the status's place in STATUS_ORDER (the later wins), then by UUID: never
  by row id, so the order of an import does not matter.
- The commitment's (headline) status is the status its promisors (all its parties if it has
  no promisor) share, or MIXED when they differ. With no update for one party only, every party
  stands where the latest whole-commitment update puts it, which is then the headline.
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
    MIXED = "mixed"  # derived: the promisors stand in different statuses; never entered


@dataclass(frozen=True)
class StatusInfo:
    status: Status
    label: str
    definition: str
    colour: str  # hex RGB
    compliance: int | None  # G7-style score; None means left out of the score
    closed: bool  # a closed commitment can no longer be overdue
    enterable: bool = True  # False: worked out from other statuses, never recorded


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
        StatusInfo(
            Status.MIXED,
            "Mixed",
            "The promising parties stand in different statuses (each party's own status is "
            "shown beside it). Worked out, never entered; still open.",
            "#CC79A7",  # Okabe-Ito reddish purple; black text on it (contrast 6.9:1)
            None,
            False,
            enterable=False,
        ),
    )
}

STATUS_ORDER: tuple[Status, ...] = tuple(STATUS_INFO)
OPEN_STATUSES: tuple[Status, ...] = tuple(s for s, i in STATUS_INFO.items() if not i.closed)


def is_overdue(deadline: str | None, status: Status | str, as_of: str) -> bool:
    """Overdue on as_of: its deadline passed before that day while it was still open. The
    store's SQL (queries.OVERDUE) says the same; a test holds them together."""
    return bool(deadline) and deadline < as_of and not STATUS_INFO[Status(status)].closed


#: the statuses a status update can record (Update status…, imports); MIXED is only worked out
ENTERABLE_STATUSES: tuple[Status, ...] = tuple(s for s, i in STATUS_INFO.items() if i.enterable)


#: the rule in words, for Help > Status definitions (README "Statuses" says the same)
STATUS_RULE: tuple[str, ...] = (
    "A status update is for the whole commitment or for one party. A party's own status on a "
    "date is the latest update dated on or before it that is for the whole commitment or for "
    "that party. On the same day, an update for that party beats one for the whole "
    "commitment; two updates of the same kind go by the order they were entered, then (when "
    "entered in the same second, as by an import) by the order of the statuses above, the "
    "later winning, then by their UUID: never by the order of rows in a file.",
    "The commitment's status is the one its promisors (all its parties, if none promised) "
    "share; when they differ, it is Mixed. With no update for one party only, it is simply "
    "the latest update.",
    "Mixed is worked out, never entered: it has no compliance score and counts as open, so a "
    "Mixed commitment past its deadline is overdue. A party's compliance score and its bar in "
    "Commitments by party count its own status on the commitments it promised.",
)


#: words people use in spreadsheets for our statuses (the codes and labels are read too)
STATUS_WORDS: dict[str, Status] = {
    **dict.fromkeys(
        ("done", "kept", "complete", "completed", "met", "achieved", "delivered", "implemented"),
        Status.FULFILLED,
    ),
    **dict.fromkeys(
        ("partial", "partly", "partially", "partly kept", "partially kept", "partly done"),
        Status.PARTIALLY_FULFILLED,
    ),
    **dict.fromkeys(
        ("ongoing", "underway", "under way", "started", "in hand", "on track"),
        Status.IN_PROGRESS,
    ),
    **dict.fromkeys(
        ("delayed", "stuck", "blocked", "on hold", "paused", "behind", "slipping"),
        Status.STALLED,
    ),
    **dict.fromkeys(
        ("failed", "missed", "abandoned", "not kept", "reneged", "violated", "breached"),
        Status.BROKEN,
    ),
    **dict.fromkeys(("unknown", "unrated", "not rated", "n/a", "tbd"), Status.NOT_RATED),
}


def parse_status(text: str) -> Status:
    """Accept a status code ('in_progress'), its label ('In progress') or a common word for it
    ('done', 'delayed': STATUS_WORDS), any case: a status that can be recorded (not MIXED,
    which is worked out from the parties' statuses)."""
    wanted = " ".join(text.strip().lower().replace("_", " ").split())
    known = ", ".join(STATUS_INFO[s].label for s in ENTERABLE_STATUSES)
    for status in ENTERABLE_STATUSES:
        if wanted in (status.value.replace("_", " "), STATUS_INFO[status].label.lower()):
            return status
    if wanted in STATUS_WORDS:
        return STATUS_WORDS[wanted]
    if wanted in (Status.MIXED.value, STATUS_INFO[Status.MIXED].label.lower()):
        raise ValueError(
            f"{text!r} is worked out from the parties' own statuses and cannot be recorded; "
            f"record one of: {known} (for the whole commitment or for one party)"
        )
    raise ValueError(f"unknown status {text!r}; expected one of: {known}")


def label(status: str) -> str:
    return STATUS_INFO[Status(status)].label


def party_statuses_text(parties: list[tuple[str, str]], compact: bool = False) -> str:
    """Parties' own statuses, (code, status) each, as words: "PAK: In progress; IRN:
    Partially fulfilled" (exports), or compact for a table cell: "PAK In progress ·
    IRN Partially fulfilled"."""
    if compact:
        return " · ".join(f"{code} {label(status)}" for code, status in parties)
    return "; ".join(f"{code}: {label(status)}" for code, status in parties)


def compliance_percent(score: float) -> float:
    """G7 Research Group convention: a score in -1..+1 shown as (score + 1) / 2 in percent."""
    return (score + 1.0) / 2.0 * 100.0


def percent_text(percent: float) -> str:
    """A percentage as it is, to one decimal: 62.5%, 100% (never rounded to look whole)."""
    return f"{percent:.1f}".removesuffix(".0") + "%"
