"""What every case family shares: running the app in a child process, probing a file from a
fresh process, hashing files, making the sample database and events CSV files, and the result
row each case reports."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_DIR = ROOT  # where the app's children run from (its desktop_app/ is the one imported)
PYTHON = sys.executable
TIMEOUT = 20.0  # seconds a single command may take before it counts as hung
TRACEBACK = "Traceback (most recent call last)"


@dataclass
class Result:
    """One row of the report."""

    family: str
    case: str
    action: str  # what was done
    status: str  # PASS, FAIL or SKIPPED
    outcome: str  # what was observed (or why it was skipped)
    data_lost: str = "none"
    seconds: float = 0.0

    def as_json(self) -> dict:
        return asdict(self)


@dataclass
class Run:
    """How one child process ended."""

    argv: list[str]
    code: int | None  # None when it hung and was killed
    stdout: str
    stderr: str
    seconds: float

    @property
    def hung(self) -> bool:
        return self.code is None

    @property
    def traceback(self) -> bool:
        return TRACEBACK in self.stderr

    @property
    def stderr_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]

    def describe(self) -> str:
        """The outcome in a few words: exit code and the first words on stderr."""
        if self.hung:
            return f"hung (killed after {self.seconds:.0f} s)"
        if self.traceback:
            last = self.stderr_lines[-1] if self.stderr_lines else ""
            return f"exit {self.code} with a traceback ({shorten(last)})"
        lines = self.stderr_lines
        if not lines:
            return f"exit {self.code}"
        more = f" (+{len(lines) - 1} more lines)" if len(lines) > 1 else ""
        return f"exit {self.code}: {shorten(lines[0])!r}{more}"

    def clean_failure(self) -> bool:
        """Exit 2 with one sentence on stderr and no traceback."""
        return self.code == 2 and not self.traceback and len(self.stderr_lines) == 1


def shorten(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def child_env() -> dict[str, str]:
    """The environment of every child: no display (render must go offscreen by itself), and
    the app's settings and logs kept out of the user's folders."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    scratch = Path(tempfile.gettempdir()) / "reliability-home"
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(scratch / name.lower())
    env["PYTHONUNBUFFERED"] = "1"
    # the children run in APP_DIR, so its desktop_app/ comes first; reliability/ comes from ROOT
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def use_app_at(commit: str, folder: Path) -> str:
    """Run the app as committed at `commit` (extracted into folder with git archive) instead of
    the working tree, which other work may be changing; returns the commit's short hash."""
    global APP_DIR
    folder.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "desktop_app", "resources"],
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    APP_DIR = folder
    short = ["git", "-C", str(ROOT), "rev-parse", "--short", commit]
    return subprocess.run(short, capture_output=True, text=True, check=True).stdout.strip()


def start(argv: list[str], **options) -> subprocess.Popen:
    """Start a child in its own process group (so a hang takes its helpers down with it)."""
    return subprocess.Popen(
        argv,
        cwd=APP_DIR,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        **options,
    )


def kill_group(process: subprocess.Popen) -> None:
    """SIGKILL a child started by start() and every process of its group."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def finish(process: subprocess.Popen, timeout: float = TIMEOUT, started: float = 0.0) -> Run:
    """Wait for a child started by start(); a child still running after timeout is killed."""
    started = started or time.perf_counter()
    try:
        out, err = process.communicate(timeout=timeout)
        code: int | None = process.returncode
    except subprocess.TimeoutExpired:
        kill_group(process)
        out, err = process.communicate()
        code = None
    return Run(list(process.args), code, out, err, time.perf_counter() - started)


def run(argv: list[str], timeout: float = TIMEOUT) -> Run:
    started = time.perf_counter()
    return finish(start(argv), timeout, started)


def app(*args: str | Path, timeout: float = TIMEOUT) -> Run:
    """Run `python -m desktop_app ARGS` and wait for it."""
    return run([PYTHON, "-m", "desktop_app", *map(str, args)], timeout)


def app_argv(*args: str | Path) -> list[str]:
    return [PYTHON, "-m", "desktop_app", *map(str, args)]


def probe(path: Path, *options: str) -> dict:
    """What a fresh process finds in the file (see reliability.probe)."""
    result = run([PYTHON, "-m", "reliability.probe", str(path), *options], timeout=120)
    if result.code != 0:
        raise RuntimeError(f"the probe failed on {path}: {result.describe()}")
    return json.loads(result.stdout)


def file_hash(path: Path) -> str | None:
    """SHA-256 of a file's bytes (None when it does not exist)."""
    if not path.exists():
        return None
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def hashes(path: Path) -> dict[str, str | None]:
    """The hashes of a database file and of its -wal and -shm sidecars."""
    return {
        suffix: file_hash(path.with_name(path.name + suffix)) for suffix in ("", "-wal", "-shm")
    }


def make_sample(path: Path) -> Path:
    """A new sample database at path, written by the app itself."""
    result = app("sample", path, timeout=60)
    if result.code != 0:
        raise RuntimeError(f"`sample` failed: {result.describe()}")
    return path


def make_events_csv(path: Path, rows: int, seed: int) -> Path:
    """An events CSV of `rows` rows in the app's own export format: a scratch database is
    filled with generated events (fresh UUIDs) and exported by the app's `export` command."""
    with tempfile.TemporaryDirectory(prefix="reliability-csv-") as folder:
        source = Path(folder) / "source.db"
        filled = run(
            [PYTHON, "-m", "reliability.events", str(source), str(rows), str(seed)], timeout=300
        )
        if filled.code != 0:
            raise RuntimeError(f"generating events failed: {filled.describe()}")
        exported = app("export", "--db", source, "--table", "events", "-o", path, timeout=300)
        if exported.code != 0:
            raise RuntimeError(f"exporting events failed: {exported.describe()}")
    return path


def csv_rows(path: Path) -> int:
    """Data rows of a CSV file (its header left out)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return max(sum(1 for _ in csv.reader(handle)) - 1, 0)
