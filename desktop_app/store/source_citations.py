"""Sources as the Sources tab lists them: each live source with the number of live records that
cite it, and the records themselves for one source."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

# What cites a source: (kind shown, SQL of source_id, id, label, date of the live records
# citing the sources that {where} lets through). Each condition on the source sits next to its
# column, so that reading one source's citations uses the indexes of migration 0010.
_CITING = (
    (
        "Commitment",
        """SELECT cs.source_id, c.id, c.title AS label, c.made_on AS date
           FROM commitment_sources cs JOIN commitments c ON c.id = cs.commitment_id
           WHERE c.deleted_at IS NULL AND {where:cs.source_id}
           UNION
           SELECT c.quote_source_id, c.id, c.title, c.made_on FROM commitments c
           WHERE c.quote_source_id IS NOT NULL AND c.deleted_at IS NULL
             AND {where:c.quote_source_id}""",
    ),
    (
        "Event",
        """SELECT es.source_id, e.id, e.title AS label, e.date FROM event_sources es
           JOIN events e ON e.id = es.event_id
           WHERE e.deleted_at IS NULL AND {where:es.source_id}""",
    ),
    (
        "Status update",
        """SELECT s.source_id, s.id, c.title || ': ' || s.status AS label, s.date
           FROM status_updates s JOIN commitments c ON c.id = s.commitment_id
           WHERE s.source_id IS NOT NULL AND s.deleted_at IS NULL AND c.deleted_at IS NULL
             AND {where:s.source_id}""",
    ),
    (
        "Statistic",
        """SELECT s.source_id, s.id, s.label, s.period_end AS date FROM statistics s
           WHERE s.source_id IS NOT NULL AND s.deleted_at IS NULL AND {where:s.source_id}""",
    ),
)


def _citing_sql(sql: str, one_source: bool) -> str:
    """sql for every source, or for the one named :source."""
    parts = sql.split("{where:")
    out = [parts[0]]
    for part in parts[1:]:
        column, rest = part.split("}", 1)
        out.append((f"{column} = :source" if one_source else "1") + rest)
    return "".join(out)


def source_rows(db: Database) -> list[dict]:
    """Every live source with publisher, date, whether it keeps a snapshot, and how many live
    records cite it (a commitment citing it twice, as a source and for its quote, counts once)."""
    citing = " UNION ALL ".join(
        f"SELECT DISTINCT source_id, '{kind}' AS kind, id FROM ({_citing_sql(sql, False)})"
        for kind, sql in _CITING
    )
    cursor = db.execute(
        f"""SELECT s.id, s.uuid, s.title, s.url, s.publisher, s.published_on,
                   s.snapshot IS NOT NULL AS has_snapshot, COALESCE(n.cited, 0) AS cited
            FROM sources s LEFT JOIN (
                SELECT source_id, COUNT(*) AS cited FROM ({citing}) GROUP BY source_id
            ) n ON n.source_id = s.id
            WHERE s.deleted_at IS NULL ORDER BY s.published_on DESC, s.id DESC"""
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def citing_records(db: Database, source_id: int, limit: int = 200) -> list[dict]:
    """The live records citing source_id, by kind, each kind newest first (at most limit each)."""
    found = []
    for kind, sql in _CITING:
        rows = db.execute(
            f"""SELECT DISTINCT id, label, date FROM ({_citing_sql(sql, True)})
                ORDER BY date DESC, id DESC LIMIT :limit""",
            {"source": source_id, "limit": limit},
        ).fetchall()
        found += [{"kind": kind, "id": r[0], "label": r[1], "date": r[2]} for r in rows]
    return found


def source_detail(db: Database, source_id: int) -> dict | None:
    cursor = db.execute(
        """SELECT id, uuid, title, url, publisher, published_on, accessed_on, excerpt
           FROM sources WHERE id = ? AND deleted_at IS NULL""",
        [source_id],
    )
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row, strict=True)) if row else None
