"""A source's snapshot: the whole text of an article, kept with the source it became (stored
zlib-compressed), with the sentences the records made from it came from; so a dead link does
not lose the evidence, and a reader sees where each record was read."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Snapshot:
    text: str
    sentences: tuple[str, ...]  # the sentences records were made from, in article order
    stored_bytes: int  # the compressed size


def keep_snapshot(db: Database, source_id: int, text: str, sentences: list[str]) -> None:
    """Store text (compressed) and sentences as the snapshot of source_id, replacing any."""
    packed = zlib.compress(text.encode("utf-8"), level=9)
    db.execute(
        "UPDATE sources SET snapshot = ?, snapshot_sentences = ? WHERE id = ?",
        [packed, json.dumps(list(dict.fromkeys(sentences)), ensure_ascii=False), source_id],
    )


def snapshot_of(db: Database, source_id: int) -> Snapshot | None:
    """The snapshot of source_id, None when it has none (or its bytes are damaged)."""
    row = db.execute(
        "SELECT snapshot, snapshot_sentences FROM sources WHERE id = ?", [source_id]
    ).fetchone()
    if row is None or row[0] is None:
        return None
    try:
        text = zlib.decompress(row[0]).decode("utf-8")
        sentences = tuple(json.loads(row[1] or "[]"))
    except (zlib.error, UnicodeDecodeError, ValueError):
        return None  # altered by another program: shown as no snapshot rather than a crash
    return Snapshot(text, sentences, len(row[0]))
