"""What is read once per version of the data and kept while the data is unchanged: the
status index of every commitment's history, the statistics known by each date.

The caller names the version with a cache key, which must change whenever the data does (the
window's key holds the file, the session and a count of its edits). Workers share what is
kept: a second request for the same key waits for the first read and reuses it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database


class _Loadable(Protocol):
    @classmethod
    def load(cls, db: Database): ...


T = TypeVar("T", bound=_Loadable)

KEPT: OrderedDict[tuple, object] = OrderedDict()  # (kind, cache_key) -> what was read
_LOADING = threading.Lock()  # one read at a time


def kept(kind: type[T], db: Database, cache_key: object) -> T:
    """kind.load(db), kept for cache_key while the data is unchanged; read each time without
    a cache_key."""
    if cache_key is None:
        return kind.load(db)
    key = (kind, cache_key)
    with _LOADING:
        if key in KEPT:
            KEPT.move_to_end(key)
            return KEPT[key]
        loaded = KEPT[key] = kind.load(db)
        # of each kind, the current version and the one a late worker may still use
        for old in [k for k in KEPT if k[0] is kind][:-2]:
            del KEPT[old]
        return loaded


def already_kept(kind: type[T], cache_key: object) -> T | None:
    """What kept(kind, …, cache_key) would give if it has been read already, else None (for
    work that has a slower way of its own rather than wait for a read)."""
    return KEPT.get((kind, cache_key))  # type: ignore[return-value]  # (no wait for a read)
