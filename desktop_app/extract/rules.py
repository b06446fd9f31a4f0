"""The extractor's rule families, each of which can be switched off to measure what it
contributes (docs/extraction.md's ablation): COMMITMENT_TRACKER_EXTRACT_OFF=family,family.
Nothing in the app switches them off; the variable is for measuring."""

from __future__ import annotations

import functools
import os

FAMILIES = {
    "datelines": "a leading dateline sets the publication date",
    "relative_dates": "'this summer', 'by the end of Q3', weekdays, 'next month'",
    "not_a_promise": "past or failed promises, conditionals",
    "party_roles": "the promisor is the subject; 'both sides' are the meeting's parties",
    "small_places": "GeoNames places of 500 people, admin-1 regions, curated sites",
    "categories": "the keyword model of categories",
    "statistics": "counts with units: '20 killed', '$118bn', '1.2 million refugees'",
}


@functools.cache
def _switched_off() -> frozenset[str]:
    names = os.environ.get("COMMITMENT_TRACKER_EXTRACT_OFF", "")
    return frozenset(name.strip() for name in names.split(",") if name.strip())


def enabled(family: str) -> bool:
    """Whether a rule family runs (all do, unless switched off for an ablation)."""
    return family not in _switched_off()
