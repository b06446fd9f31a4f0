"""The foundation CLI, run as a user would: a separate process on real files."""

from __future__ import annotations

import json
import subprocess
import sys


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=60
    )


def test_version():
    from desktop_app import __version__

    result = cli("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_sample_then_check(tmp_path):
    path = tmp_path / "s.db"
    assert cli("sample", str(path)).returncode == 0
    result = cli("check", "--db", str(path))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["counts"]["commitments"] >= 5
    assert report["parties"] >= 2
    assert {"Turbat", "Zahidan"} <= set(report["places"])
    assert report["integrity_check"] == "ok"


def test_check_on_a_bad_file_is_one_line_and_exit_2(tmp_path):
    path = tmp_path / "bad.db"
    path.write_bytes(b"\x00\x01 not sqlite")
    result = cli("check", "--db", str(path))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == b"\x00\x01 not sqlite"
    # the report is printed all the same, saying why
    report = json.loads(result.stdout)
    assert report["healthy"] is False and "not a SQLite file" in report["problem"]


def test_sample_refuses_to_overwrite(tmp_path):
    path = tmp_path / "s.db"
    path.write_text("precious")
    result = cli("sample", str(path))
    assert result.returncode == 2 and "already exists" in result.stderr
    assert path.read_text() == "precious"


def test_smoke_test_passes_and_leaves_no_trace(tmp_path):
    env = {k: v for k, v in __import__("os").environ.items() if k != "QT_QPA_PLATFORM"}
    env |= {"DISPLAY": "", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "smoke test passed" in result.stdout
    assert "read over HTTP from Datasette" in result.stdout  # make test installs [share]
    assert not (tmp_path / "data").exists()  # the user's data folder was not touched
