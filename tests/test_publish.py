"""Sharing read-only with Datasette (issue 18): a real server on a free loopback port, read over
real HTTP; the file it shares is a real SQLite file that must come out of it unchanged."""

from __future__ import annotations

import base64
import hashlib
import json
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from desktop_app.domain.dates import today_iso
from desktop_app.domain.status import label
from desktop_app.publish.descriptions import HIDDEN_TABLES, columns_of
from desktop_app.publish.server import ReadOnlyServer, ServeOptions, ShareError, free_port
from desktop_app.publish.snapshot import write_snapshot
from desktop_app.store.database import open_database, open_read_only
from desktop_app.store.queries import CommitmentFilter, commitment_page, count_commitments
from desktop_app.store.sample import load_sample
from desktop_app.store.status_index import StatusIndex
from tests.builders import commitment, status
from tests.processes import child_env, script_process

AS_OF = "2024-12-31"


def sha256(path) -> str:
    # hashlib reads a copy of the bytes: fine for a file no connection holds open
    return hashlib.sha256(path.read_bytes()).hexdigest()


def shared_file(path):
    """The sample, plus commitments whose parties disagree, one overdue and one deleted."""
    db = open_database(path)
    load_sample(db)
    with db.atomic():
        split = commitment(db, "Reopen the Taftan crossing", "2024-02-01", ("PAK", "IRN"))
        status(db, split, "2024-03-01", "in_progress")
        status(db, split, "2024-05-01", "fulfilled", party="PAK")
        late = commitment(db, "Hand over the detainees", "2024-02-10", ("IRN",))
        db["commitments"].update(late, {"deadline": "2024-06-30"})
        status(db, late, "2024-03-01", "stalled")
        gone = commitment(db, "A commitment entered by mistake", "2024-02-11", ("PAK",))
        db["commitments"].update(gone, {"deleted_at": "2024-02-12T00:00:00+00:00"})
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def get(url: str, headers: dict | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def http_status(url: str, headers: dict | None = None) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {})) as r:
            return r.status
    except urllib.error.HTTPError as error:
        return error.code


def rows(server: ReadOnlyServer, path: str, **params: str) -> list[dict]:
    query = urllib.parse.urlencode({"_shape": "array", "_size": "max", **params})
    return get(f"{server.url}{server.name}/{path}.json?{query}")


def refuses_connections(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    path = shared_file(tmp_path_factory.mktemp("share") / "crisis.db")
    server = ReadOnlyServer(path)
    server.start()
    yield server
    server.stop()


def test_the_server_listens_on_loopback_and_serves_the_commitments_table(served):
    assert served.url.startswith("http://127.0.0.1:")
    got = rows(served, "commitments")
    with sqlite3.connect(f"file:{served.database}?mode=ro", uri=True) as conn:
        expected = [r[0] for r in conn.execute("SELECT uuid FROM commitments ORDER BY id")]
    assert [r["uuid"] for r in got] == expected
    assert len(expected) == 10


def test_the_view_in_words_gives_the_apps_statuses_and_leaves_out_deleted_records(served):
    db = open_read_only(served.database)
    try:
        page = commitment_page(db, today_iso(), limit=100)
    finally:
        db.close()
    got = {r["id"]: r for r in rows(served, "commitments_in_words")}
    assert {r["id"]: label(r["status"]) for r in page} == {i: r["status"] for i, r in got.items()}
    taftan = next(r for r in got.values() if r["title"] == "Reopen the Taftan crossing")
    assert taftan["status"] == "Mixed"
    assert taftan["party_statuses"] == "PAK: Fulfilled; IRN: In progress"
    assert json.loads(taftan["party_list"]) == ["PAK", "IRN"]
    assert "A commitment entered by mistake" not in {r["title"] for r in got.values()}


def test_the_overdue_query_finds_what_the_app_counts_as_overdue(served):
    got = rows(served, "overdue", as_of=AS_OF)
    db = open_read_only(served.database)
    try:
        expected = count_commitments(db, AS_OF, CommitmentFilter(overdue_only=True))
    finally:
        db.close()
    assert [r["title"] for r in got] == ["Hand over the detainees"]
    assert len(got) == expected
    assert rows(served, "overdue", as_of="2024-06-30") == []  # due that day: not yet late


@pytest.mark.parametrize("as_of", [AS_OF, "2024-04-15", ""])  # "": the copy's day
def test_compliance_by_party_matches_the_dashboard(served, as_of):
    db = open_read_only(served.database)
    try:
        expected = StatusIndex.load(db).snapshot(db, as_of or served.day).compliance()
    finally:
        db.close()
    got = {r["party_name"]: r for r in rows(served, "compliance_by_party", as_of=as_of)}
    assert {c.actor: (c.rated, round(c.score, 3)) for c in expected} == {
        name: (r["rated"], r["score"]) for name, r in got.items()
    }
    assert {name: r["compliance_percent"] for name, r in got.items()} == {
        c.actor: round(c.percent, 1) for c in expected
    }


def test_parties_statuses_on_a_date_and_on_the_copys_day(served):
    then = rows(served, "party_statuses_as_of", as_of="2024-04-15")
    now = rows(served, "party_statuses_as_of")
    taftan = "Reopen the Taftan crossing"
    assert [(r["party"], r["status"]) for r in then if r["commitment"] == taftan] == [
        ("PAK", "In progress"),
        ("IRN", "In progress"),
    ]
    assert [(r["party"], r["status"]) for r in now if r["commitment"] == taftan] == [
        ("PAK", "Fulfilled"),
        ("IRN", "In progress"),
    ]


def test_the_history_of_one_commitment_by_words_of_its_title(served):
    got = rows(served, "commitment_history", commitment="Taftan")
    assert [(r["date"], r["status"], r["applies_to"]) for r in got] == [
        ("2024-03-01", "In progress", "whole commitment"),
        ("2024-05-01", "Fulfilled", "Pakistan"),
    ]


def test_events_near_a_place_by_great_circle_distance(served):
    got = rows(served, "events_near_place", place="zahidan", km="300")
    # Saravan is 277 km from Zahidan; Panjgur, Turbat and Islamabad are farther
    assert [(r["place"], r["km"]) for r in got] == [("Saravan", 277.0)]
    wider = rows(served, "events_near_place", place="Zahidan", km="500")
    assert [r["km"] for r in wider] == sorted(r["km"] for r in wider)
    assert len(wider) > 1


def test_a_write_is_refused_and_the_copy_is_served_immutable(served):
    sql = urllib.parse.quote("DELETE FROM commitments")
    assert http_status(f"{served.url}{served.name}.json?sql={sql}") == 400
    databases = get(f"{served.url}-/databases.json")
    assert [(d["name"], d["is_mutable"]) for d in databases] == [(served.name, False)]
    assert len(rows(served, "commitments")) == 10


def test_every_shown_column_is_described_and_bookkeeping_is_hidden(served):
    metadata = get(f"{served.url}-/metadata.json")["databases"][served.name]["tables"]
    with sqlite3.connect(f"file:{served.snapshot}?mode=ro", uri=True) as conn:
        names = [
            n
            for (n,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name NOT LIKE '%fts%'"
            )
        ]
        undescribed = [
            f"{name}.{column[1]}"
            for name in names
            if name not in HIDDEN_TABLES
            for column in conn.execute(f"PRAGMA table_info([{name}])")
            if column[1] not in metadata[name]["columns"]
        ]
    assert undescribed == []
    assert all(metadata[name]["description"] for name in names if name not in HIDDEN_TABLES)
    shown = get(f"{served.url}{served.name}.json")["tables"]
    assert {t["name"] for t in shown if t["hidden"]} >= set(HIDDEN_TABLES)
    assert columns_of("commitments")["uuid"]


def test_status_definitions_and_facets_reach_the_reader(served):
    page = get(f"{served.url}{served.name}/commitments_in_words.json?_size=0")
    facets = page["facet_results"]
    assert {"status", "category", "party_list", "overdue"} <= set(facets)
    assert {v["value"] for v in facets["party_list"]["results"]} == {"PAK", "IRN"}
    definitions = rows(served, "status_definitions")
    assert {d["label"] for d in definitions} >= {"Fulfilled", "Broken", "Mixed"}
    html = urllib.request.urlopen(f"{served.url}{served.name}").read().decode()
    assert "What was promised has been delivered in full." in html


def test_the_file_is_unchanged_and_unlocked_while_served_and_after(tmp_path):
    path = shared_file(tmp_path / "mine.db")
    before = sha256(path)
    server = ReadOnlyServer(path)
    server.start()
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    assert len(rows(server, "commitments_in_words")) == 9
    assert sha256(path) == before
    assert not path.with_name("mine.db-wal").exists()  # nothing holds the file open
    server.stop()
    assert refuses_connections(port)
    assert sha256(path) == before
    assert server.snapshot is not None and not server.snapshot.exists()  # the copy is gone


def test_a_password_is_asked_for_with_the_auth_plugin(tmp_path):
    path = shared_file(tmp_path / "guarded.db")
    with pytest.raises(ShareError, match="password"):
        ReadOnlyServer(path, ServeOptions(host="0.0.0.0")).start()
    server = ReadOnlyServer(path, ServeOptions(password="hunter2"))
    server.start()
    try:
        address = f"{server.url}{server.name}/commitments.json"
        wrong = base64.b64encode(b"reader:wrong").decode()
        assert http_status(address) == 401
        assert http_status(address, {"Authorization": f"Basic {wrong}"}) == 401
        assert http_status(address, server.auth_headers()) == 200
    finally:
        server.stop()


def test_the_server_stops_when_the_process_that_started_it_ends(tmp_path):
    path = shared_file(tmp_path / "left.db")
    script = (
        "import sys; from desktop_app.publish.server import ReadOnlyServer; "
        "print(ReadOnlyServer(sys.argv[1]).start(), flush=True)"  # and end without stop()
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=60,
    )
    port = int(done.stdout.strip().rsplit(":", 1)[1].strip("/"))
    assert refuses_connections(port)


def test_the_server_stops_when_the_app_that_started_it_is_killed(tmp_path):
    path = shared_file(tmp_path / "killed.db")
    script = (
        "import sys, time; from desktop_app.publish.server import ReadOnlyServer; "
        "server = ReadOnlyServer(sys.argv[1]); print(server.start(), flush=True); "
        "print(server.snapshot, flush=True); time.sleep(600)"
    )
    with script_process(script, str(path)) as app:
        port = int(app.stdout.readline().strip().rsplit(":", 1)[1].strip("/"))
        snapshot = Path(app.stdout.readline().strip())
        assert snapshot.exists()
        assert not refuses_connections(port)
        app.kill()  # no atexit, no signal handler: as a crash or `kill -9`
        app.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (
        snapshot.parent.exists() or not refuses_connections(port)
    ):
        time.sleep(0.1)
    assert refuses_connections(port)
    assert not snapshot.parent.exists()  # the child took the copy away with it


def test_the_serve_command_prints_the_address_and_stops_on_a_signal(tmp_path):
    path = shared_file(tmp_path / "cli.db")
    port = free_port()
    command = [sys.executable, "-m", "desktop_app", "serve", "--db", str(path)]
    with subprocess.Popen(
        [*command, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    ) as serve:
        line = serve.stdout.readline()
        assert line.strip().endswith(f"at http://127.0.0.1:{port}/")
        listed = get(f"http://127.0.0.1:{port}/cli/commitments.json?_shape=array")
        assert len(listed) == 10
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=30) == 0
        assert "Stopped" in serve.stderr.read()
    assert refuses_connections(port)


def test_the_serve_command_refuses_the_network_without_a_password(tmp_path):
    path = shared_file(tmp_path / "net.db")
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "serve", "--db", str(path), "--host", "0.0.0.0"],
        capture_output=True,
        text=True,
        env=child_env(COMMITMENT_TRACKER_SHARE_PASSWORD=""),
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.strip().endswith("or set COMMITMENT_TRACKER_SHARE_PASSWORD.")
    assert "Traceback" not in done.stderr


def test_a_snapshot_leaves_the_file_alone_and_holds_the_reader_aids(tmp_path):
    path = shared_file(tmp_path / "source.db")
    before = sha256(path)
    copy = write_snapshot(path, tmp_path / "copy.db")
    with sqlite3.connect(copy) as conn:
        views = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='view'")}
        # served immutable, the copy must not keep its data in a -wal beside it
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    with sqlite3.connect(path) as conn:
        mine = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='view'")}
    conn.close()
    assert views == {"commitments_in_words", "status_history_in_words"}
    assert mine == set()
    assert sha256(path) == before


def datasette_children(serving: str) -> list[int]:
    """Datasette processes this test process started that still serve a copy of the file
    named `serving` (the module's own server serves another)."""
    import os
    from pathlib import Path

    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = stat.with_name("cmdline").read_bytes()
        except OSError:
            continue
        ours = int(fields[1]) == os.getpid() and fields[0] != "Z"
        if ours and b"datasette" in command and f"/{serving}".encode() in command:
            found.append(int(stat.parent.name))
    return found


def test_share_dialog_shows_a_link_keeps_the_file_writable_and_stops_with_the_window(window, qtbot):
    from desktop_app.domain.records import Commitment
    from desktop_app.ui.share_dialog import show_share_dialog

    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Share read-only…" in texts
    dialog = show_share_dialog(window)
    dialog.start_server()
    qtbot.waitUntil(lambda: dialog.server is not None, timeout=30000)
    url = dialog.server.url
    assert len(datasette_children("sample.db")) == 1
    assert f'<a href="{url}">' in dialog.status.text()
    assert dialog.status.openExternalLinks()
    titles = rows(dialog.server, "commitments_in_words")
    # the analyst keeps working on the file while it is shared: nothing locks it
    window.session.add(Commitment(title="Written while shared", made_on="2024-05-01"))
    assert len(rows(dialog.server, "commitments_in_words")) == len(titles)  # a snapshot
    port = int(url.rsplit(":", 1)[1].strip("/"))
    window.close()
    assert dialog.server is None
    assert refuses_connections(port)
    assert datasette_children("sample.db") == []


def test_share_dialog_cancel_while_starting_leaves_nothing_running(window, qtbot):
    from desktop_app.ui.share_dialog import NOT_SHARING, show_share_dialog

    dialog = show_share_dialog(window)
    dialog.start_server()
    assert dialog.share_button.text() == "&Cancel"
    dialog.share_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    assert dialog.server is None
    assert dialog.status.text() == NOT_SHARING
    assert datasette_children("sample.db") == []


def test_share_dialog_asks_for_a_password_before_listening_on_the_network(window):
    from desktop_app.ui.share_dialog import show_share_dialog

    dialog = show_share_dialog(window)
    dialog.network.setChecked(True)
    assert dialog.warning.isVisibleTo(dialog)
    dialog.start_server()
    assert dialog.task is None and dialog.server is None
    assert "password" in dialog.status.text()


def test_the_change_log_with_analysts_names_is_left_out_of_the_published_copy(tmp_path):
    from desktop_app.store.sample import write_sample

    original = write_sample(tmp_path / "mine.db")
    copy = write_snapshot(original, tmp_path / "published.db")
    tables = {name for (name,) in sqlite3.connect(copy).execute("SELECT name FROM sqlite_master")}
    kept = {name for (name,) in sqlite3.connect(original).execute("SELECT name FROM sqlite_master")}
    assert "record_changes" in kept and "record_changes" not in tables
    assert "commitments" in tables and "commitments_in_words" in tables
