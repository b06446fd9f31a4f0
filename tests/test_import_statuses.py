"""A colleague's commitments file with a status column: each status becomes a status update
with the file as its source, where the commitment does not stand at it already; importing the
file again adds nothing."""

from __future__ import annotations

from desktop_app.exchange.presets import import_file
from desktop_app.store import queries

FILE = (
    "Title,Parties,Made on,Deadline,Status\n"
    "Appoint liaison officers,PAK;IRN,2024-01-29,2024-03-31,Fulfilled\n"
    "Activate border markets,IRN;PAK,2024-01-29,2024-06-30,delayed\n"
    "Hold regular consultations,PAK;IRN,2024-01-29,,\n"
)


def _statuses(db, as_of: str) -> dict[str, str]:
    rows = queries.commitment_page(db, as_of, queries.CommitmentFilter(), "title", False, 50, 0)
    return {row["title"]: row["status"] for row in rows}


def test_status_words_become_updates_sourced_to_the_file(db, tmp_path):
    path = tmp_path / "colleague.csv"
    path.write_text(FILE, encoding="utf-8")
    result = import_file(db, "commitments", path)
    assert (result.ok, result.added, result.statuses_added) == (True, 3, 2)
    today = db.execute("SELECT date('now')").fetchone()[0]
    assert _statuses(db, today) == {
        "Appoint liaison officers": "fulfilled",
        "Activate border markets": "stalled",
        "Hold regular consultations": "not_rated",
    }
    sources = db.execute(
        "SELECT DISTINCT src.title FROM status_updates s JOIN sources src ON src.id = s.source_id"
    ).fetchall()
    assert sources == [("colleague.csv",)]
    # the delayed one is overdue; the fulfilled one is not, though past its deadline (the
    # statuses were known today: as of an earlier date both were still open)
    assert queries.count_overdue(db, today) == 1
    assert queries.count_overdue(db, "2024-12-31") == 2


def test_the_same_file_again_adds_no_status(db, tmp_path):
    path = tmp_path / "colleague.csv"
    path.write_text(FILE, encoding="utf-8")
    import_file(db, "commitments", path)
    again = import_file(db, "commitments", path)
    assert (again.ok, again.added, again.statuses_added) == (True, 0, 0)
    assert db.execute("SELECT COUNT(*) FROM status_updates").fetchone()[0] == 2
    path.write_text(FILE.replace("delayed", "done"), encoding="utf-8")
    changed = import_file(db, "commitments", path)
    assert (changed.ok, changed.statuses_added) == (True, 1)


def test_a_status_date_and_party_statuses(db, tmp_path):
    path = tmp_path / "dated.csv"
    path.write_text(
        "title,promisors,made_on,status,status_date,party_statuses\n"
        'Open markets,PAK;IRN,2024-01-29,,2024-05-01,"PAK: Fulfilled; IRN: stalled"\n',
        encoding="utf-8",
    )
    result = import_file(db, "commitments", path)
    assert (result.ok, result.statuses_added) == (True, 2), result.problems
    rows = db.execute(
        "SELECT s.date, s.status, a.iso3 FROM status_updates s JOIN actors a ON a.id = s.actor_id"
        " ORDER BY a.iso3"
    ).fetchall()
    assert rows == [("2024-05-01", "stalled", "IRN"), ("2024-05-01", "fulfilled", "PAK")]
    assert _statuses(db, "2024-04-30") == {"Open markets": "not_rated"}
    assert _statuses(db, "2024-05-01") == {"Open markets": "mixed"}


def test_an_unknown_status_word_is_a_problem_of_its_row(db, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(FILE.replace("delayed", "sort of"), encoding="utf-8")
    result = import_file(db, "commitments", path)
    assert [(p.line, p.column) for p in result.problems] == [(3, "status")]
    assert "unknown status 'sort of'" in result.problems[0].reason
    assert db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == 0


def test_a_status_changed_in_our_own_export_is_recorded_on_re_import(sample_db, tmp_path):
    import csv

    from desktop_app.exchange.csv_export import export_rows, export_to_file

    path = tmp_path / "commitments.csv"
    export_to_file(export_rows(sample_db, "commitments"), path, excel=False)
    unchanged = import_file(sample_db, "commitments", path)
    assert (unchanged.ok, unchanged.added, unchanged.updated, unchanged.statuses_added) == (
        True,
        0,
        0,
        0,
    )
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    target = next(r for r in rows if r["status"] not in ("Fulfilled", "Mixed"))
    target["status"] = "Fulfilled"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = import_file(sample_db, "commitments", path)
    assert (result.ok, result.updated, result.statuses_added) == (True, 0, 1)
    today = sample_db.execute("SELECT date('now')").fetchone()[0]
    assert _statuses(sample_db, today)[target["title"]] == "fulfilled"


def test_a_party_status_names_one_of_the_commitments_parties(db, tmp_path):
    path = tmp_path / "parties.csv"
    path.write_text(
        "title,promisors,made_on,party_statuses\n"
        'Open markets,PAK;IRN,2024-01-29,"PAK: Fulfilled"\n',
        encoding="utf-8",
    )
    assert import_file(db, "commitments", path).statuses_added == 1
    path.write_text(path.read_text().replace('"PAK: Fulfilled"', '"AFG: Broken"'), encoding="utf-8")
    result = import_file(db, "commitments", path)
    assert [(p.line, p.column, p.reason) for p in result.problems] == [
        (2, "party_statuses", "AFG is not a party to this commitment")
    ]
    names = {n for (n,) in db.execute("SELECT name FROM actors")}
    assert "Afghanistan" not in names  # a status never creates an actor
