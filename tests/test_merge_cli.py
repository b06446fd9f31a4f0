"""commitment-tracker merge --db MINE --from THEIRS [--dry-run]."""

from __future__ import annotations

import hashlib
import shutil

from desktop_app.cli import EXIT_BAD_INPUT, EXIT_OK, run_cli
from desktop_app.store.database import open_database
from tests.builders import commitment

LATER = "2030-01-01T00:00:00+00:00"


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pair(tmp_path):
    db = open_database(tmp_path / "mine.db")
    commitment(db, "Activate joint border markets", deadline="2024-06-30")
    db.close()
    shutil.copy(tmp_path / "mine.db", tmp_path / "theirs.db")
    db = open_database(tmp_path / "theirs.db")
    db.execute("UPDATE commitments SET deadline = '2024-09-30', updated_at = ?", [LATER])
    commitment(db, "Reopen the Taftan crossing")
    db.close()
    return tmp_path / "mine.db", tmp_path / "theirs.db"


def test_a_dry_run_prints_the_preview_and_writes_nothing(tmp_path, capsys):
    mine, theirs = _pair(tmp_path)
    before = _digest(mine)
    code = run_cli(["merge", "--db", str(mine), "--from", str(theirs), "--dry-run"])
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert out.startswith("1 new, 1 updated, 1 conflict (would be merged; nothing was written).")
    assert "'Deadline of Activate joint border markets': yours 2024-06-30, theirs 2024-09-30" in out
    assert _digest(mine) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.db", "theirs.db"]


def test_a_merge_writes_keeps_a_copy_of_the_file_before_and_leaves_theirs_alone(tmp_path, capsys):
    mine, theirs = _pair(tmp_path)
    theirs_before = _digest(theirs)
    code = run_cli(["merge", "--db", str(mine), "--from", str(theirs)])
    out = capsys.readouterr().out
    assert code == EXIT_OK and "(merged)" in out
    copies = list(tmp_path.glob("mine.before-merge-*.db"))
    assert len(copies) == 1 and str(copies[0]) in out
    db = open_database(mine)
    assert db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == 2
    db.close()
    old = open_database(copies[0])
    assert old.execute("SELECT deadline FROM commitments").fetchall() == [("2024-06-30",)]
    old.close()
    assert _digest(theirs) == theirs_before
    # the same file again: nothing left to do, and no second copy
    assert run_cli(["merge", "--db", str(mine), "--from", str(theirs)]) == EXIT_OK
    assert capsys.readouterr().out.startswith("0 new, 0 updated, 0 conflicts (merged)")
    assert len(list(tmp_path.glob("mine.before-merge-*.db"))) == 1


def test_bad_input_exits_2_with_one_sentence(tmp_path, capsys):
    mine, _theirs = _pair(tmp_path)
    text = tmp_path / "notes.db"
    text.write_text("not a database")
    for other, words in (
        (tmp_path / "missing.db", "does not exist"),
        (text, "not a Commitment Tracker database"),
        (mine, "being merged into"),
    ):
        code = run_cli(["merge", "--db", str(mine), "--from", str(other)])
        err = capsys.readouterr().err
        assert code == EXIT_BAD_INPUT
        assert words in err and err.count("\n") == 1 and "Traceback" not in err
    assert not list(tmp_path.glob("mine.before-merge-*.db"))
