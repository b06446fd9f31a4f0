"""Benchmarks against floors measured in the same run. Usage: python -m bench.run [--db PATH]

Prints a table and writes bench/results.json. Needs the large database (made by
`python -m bench.generate large bench/data/large.db`, which `make bench` does when missing).
Every timing goes through Qt's event loop where a user would wait for a painted frame.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
AS_OF = "2024-12-31"
RESULTS: list[dict] = []


def record(
    name: str,
    value: float,
    unit: str,
    target: str,
    met: bool,
    floor: float | None = None,
    note: str = "",
) -> None:
    row = {
        "measurement": name,
        "value": round(value, 3),
        "unit": unit,
        "target": target,
        "met": met,
        "floor": None if floor is None else round(floor, 3),
        "note": note,
    }
    RESULTS.append(row)
    floor_text = "" if floor is None else f"  floor {floor:.3f} {unit}"
    print(
        f"{'MET ' if met else 'MISS'}  {name}: {value:.3f} {unit}{floor_text}  "
        f"(target {target}) {note}",
        flush=True,
    )


def median_of(runs: int, measure) -> float:
    return statistics.median(measure() for _ in range(runs))


# --- start-up ----------------------------------------------------------------------------------
def _first_paint_seconds(command: list[str]) -> float:
    env = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "COMMITMENT_TRACKER_REPORT_FIRST_PAINT": "1",
    }
    started = time.time()
    out = subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    ).stdout
    return float(out.split("first-paint ")[1].split()[0]) - started


def bench_startup(db: Path) -> None:
    python = sys.executable
    floor = median_of(5, lambda: _first_paint_seconds([python, str(HERE / "floor_window.py")]))
    app = median_of(5, lambda: _first_paint_seconds([python, "-m", "desktop_app", "--db", str(db)]))
    record(
        "cold start to first painted main window",
        app,
        "s",
        "<= 1.3x floor",
        app <= 1.3 * floor,
        floor,
        f"ratio {app / floor:.2f}",
    )


# --- in-process measurements ---------------------------------------------------------------------
def _settle(app) -> None:
    app.processEvents()


def _idle(app) -> None:
    """Let background work from the previous step finish, as a user at rest would."""
    from PySide6.QtCore import QThreadPool

    from desktop_app.ui.worker import quick_pool

    QThreadPool.globalInstance().waitForDone()
    quick_pool().waitForDone()  # the status bar's counts
    app.processEvents()


def _until_shown(app, model) -> None:
    """A big table's rows are read on a worker: wait until the ones asked for are in."""
    while model.reordering:
        app.processEvents()
        time.sleep(0.001)


def bench_tables(db_path: Path, app) -> None:
    from PySide6.QtWidgets import QTableView

    from desktop_app.store.database import open_database
    from desktop_app.store.queries import CommitmentFilter
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.table_models import CommitmentTableModel

    # the real window, as a user opens a file in it (File > Open): the window is up already,
    # and the measurement runs from opening the file to its first page of commitments painted
    window = MainWindow(db_path, open_after_first_paint=True)  # nothing opened yet
    window.resize(1280, 800)

    def open_and_show() -> float:
        _idle(app)
        started = time.perf_counter()
        window.open_file(db_path)
        window.show()
        _until_shown(app, window.commitment_model)
        window.commitments_view.viewport().repaint()
        _settle(app)
        return time.perf_counter() - started

    value = median_of(3, open_and_show)
    record(
        "open the database and show the first page of commitments",
        value * 1000,
        "ms",
        "<= 300 ms",
        value <= 0.3,
        note="File > Open in the main window, to the first page painted",
    )
    window.close()
    _idle(app)

    db = open_database(db_path)
    model = CommitmentTableModel(db, AS_OF)
    view = QTableView()
    view.setModel(model)
    view.resize(900, 600)
    view.show()
    model.reload()
    _idle(app)  # the window is open and settled before the first keystroke
    timings = []
    for text in ("b", "bo", "bor", "bord", "borde", "border", "border c", "border cr"):
        started = time.perf_counter()
        model.filter = CommitmentFilter(text=text)
        model.reload()
        _until_shown(app, model)
        view.viewport().repaint()
        _settle(app)
        timings.append(time.perf_counter() - started)
    value = statistics.median(timings)
    record(
        "text filter (FTS) on commitments, per keystroke",
        value * 1000,
        "ms",
        "<= 50 ms median",
        value <= 0.05,
        note="per keystroke: " + ", ".join(f"{t * 1000:.0f}" for t in timings) + " ms",
    )
    view.close()
    db.close()


def bench_dashboard_and_as_of(db_path: Path, app) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop_app.ui.main_window import TAB_DASHBOARD, MainWindow

    window = MainWindow(db_path)
    window.resize(1280, 800)
    window.show()
    window.dashboard_tab.create()

    def wait_drawn() -> float:
        loop = QEventLoop()
        window.dashboard.drawn.connect(loop.quit)
        QTimer.singleShot(120_000, loop.quit)
        started = time.perf_counter()
        loop.exec()
        window.dashboard.drawn.disconnect(loop.quit)
        return time.perf_counter() - started

    started = time.perf_counter()
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    wait_drawn()
    first = time.perf_counter() - started

    def refresh() -> float:
        _idle(app)
        started = time.perf_counter()
        window._refresh_dashboard()
        wait_drawn()
        return time.perf_counter() - started

    value = median_of(3, refresh)
    record(
        "dashboard refresh (all charts)",
        value * 1000,
        "ms",
        "<= 150 ms",
        value <= 0.15,
        note=f"first draw {first * 1000:.0f} ms; counted off the GUI thread",
    )

    def change_as_of(date: str) -> tuple[float, float]:
        _idle(app)
        started = time.perf_counter()
        window.set_as_of(date)  # tables and detail refresh here, charts on a worker
        tables = time.perf_counter() - started
        wait_drawn()
        return time.perf_counter() - started, tables

    results = [change_as_of(d) for d in ("2023-06-30", "2022-01-31", "2024-03-15")]
    value = statistics.median(r[0] for r in results)
    tables = statistics.median(r[1] for r in results)
    record(
        "change the as-of date, tables and charts refreshed",
        value * 1000,
        "ms",
        "<= 200 ms",
        value <= 0.2,
        note=f"tables alone {tables * 1000:.0f} ms",
    )
    window.close()


def bench_scroll(db_path: Path, app) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QTableView

    from desktop_app.store.database import open_database
    from desktop_app.ui.table_models import EventTableModel

    db = open_database(db_path)
    model = EventTableModel(db)
    model.sort_key, model.descending = "date", True
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setDefaultSectionSize(22)
    view.resize(1000, 700)
    view.show()
    loop = QEventLoop()
    model.ids_ready.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    started = time.perf_counter()
    model.reload()
    if model._ids is None:
        loop.exec()
    ids_seconds = time.perf_counter() - started
    _idle(app)
    bar = view.verticalScrollBar()
    frames = []
    steps = 400
    for step in range(steps + 1):
        started = time.perf_counter()
        bar.setValue(bar.maximum() * step // steps)
        view.viewport().repaint()
        _settle(app)
        frames.append(time.perf_counter() - started)
    worst = max(frames)
    record(
        "scroll the events table from top to bottom",
        worst * 1000,
        "ms",
        "no frame over 50 ms",
        worst <= 0.05,
        note=f"{steps} jumps over {model.rowCount():,} rows; median frame "
        f"{statistics.median(frames) * 1000:.1f} ms; ids in order read in {ids_seconds:.1f} s "
        "on a worker",
    )
    view.close()
    db.close()


# --- CSV -----------------------------------------------------------------------------------------
def bench_csv(db_path: Path, work: Path) -> None:
    from desktop_app.exchange.csv_export import ALL_ROWS, EXPORT_SQL, export_table

    ours_csv, cli_csv = work / "events.csv", work / "events-cli.csv"
    sql = (
        EXPORT_SQL["events"]
        .replace(":after", str(ALL_ROWS["after"]))
        .replace(":upto", str(ALL_ROWS["upto"]))
    )

    def ours_export() -> float:
        started = time.perf_counter()
        export_table(db_path, "events", ours_csv, excel=False)
        return time.perf_counter() - started

    def cli_export() -> float:
        started = time.perf_counter()
        with cli_csv.open("w") as out:
            subprocess.run(
                ["sqlite3", "-csv", "-header", str(db_path), sql], stdout=out, check=True
            )
        return time.perf_counter() - started

    floor = median_of(2, cli_export)
    ours = median_of(2, ours_export)
    record(
        "export 1M events to CSV",
        ours,
        "s",
        "<= 1.5x sqlite3 -csv",
        ours <= 1.5 * floor,
        floor,
        f"ratio {ours / floor:.2f}",
    )

    bench_import(ours_csv, work)


def bench_import(csv_path: Path, work: Path, runs: int = 1, parallel: bool = False) -> None:
    """Our import of the exported events into a new database against two floors measured on
    the same file: sqlite3 .import into a bare table, and the fair floor (_fair_import_floor).
    With runs > 1 each of the three is measured that many times, interleaved, and the medians
    are kept (every run is printed). parallel: rows checked by worker processes even on fewer
    cores than parallel_check.MIN_CORES."""
    ours_runs, memory_runs, fair_runs, bare_runs = [], [], [], []
    for run in range(runs):
        for name in ("imported.db", "raw.db", "fair.db"):
            for suffix in ("", "-wal", "-shm"):
                (work / (name + suffix)).unlink(missing_ok=True)
        ours, megabytes = _import_in_own_process(csv_path, work / "imported.db", parallel)
        raw = work / "raw.db"
        started = time.perf_counter()
        subprocess.run(
            ["sqlite3", str(raw)], input=f".import --csv {csv_path} events\n", text=True, check=True
        )
        bare = time.perf_counter() - started
        fair = _fair_import_floor(csv_path, work / "fair.db")
        print(
            f"  import run {run + 1}: ours {ours:.1f} s, fair floor {fair:.1f} s (ratio "
            f"{ours / fair:.2f}), bare .import {bare:.1f} s, peak {megabytes:.0f} MB",
            flush=True,
        )
        ours_runs.append(ours)
        memory_runs.append(megabytes)
        fair_runs.append(fair)
        bare_runs.append(bare)
    ours, fair = statistics.median(ours_runs), statistics.median(fair_runs)
    bare, megabytes = statistics.median(bare_runs), max(memory_runs)
    record(
        "import 1M events from CSV",
        ours,
        "s",
        "<= 3x sqlite3 .import into our events table",
        ours <= 3 * fair,
        fair,
        f"ratio {ours / fair:.1f} against the fair floor (.import, then one INSERT into our "
        f"events table with its indexes and full-text triggers); {ours / bare:.1f} against "
        f".import into a bare table ({bare:.1f} s); every row validated, places and actors "
        "linked, in one transaction",
    )
    record(
        "peak memory while importing 1M events",
        megabytes,
        "MB",
        "<= 700 MB",
        megabytes <= 700,
        note="the importing process and its worker processes, each at its peak, added up",
    )


def bench_session_in_own_process(db_path: Path, work: Path) -> None:
    """bench/session.py in a new process (cold, as a user's first session), its rows recorded."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.session", "--db", str(db_path), "--work", str(work)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        check=True,
    )
    for row in json.loads(out.stdout.strip().splitlines()[-1]):
        record(row.pop("name"), **row)


IMPORT_SCRIPT = """
import os, resource, sys, threading, time
from desktop_app.exchange.presets import import_file
from desktop_app.store.database import open_database

peaks = {}  # pid of a child process -> its peak RSS (VmHWM, kB) when last seen
def watch_children(stop):
    me = str(os.getpid())
    while not stop.wait(0.5):  # (VmHWM is a peak: rare looks miss nothing)
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/stat") as stat:
                    if stat.read().rsplit(")", 1)[1].split()[1] != me:
                        continue
                with open(f"/proc/{pid}/status") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):  # (the last seen: a new count starts
                            peaks[pid] = int(line.split()[1])  # when the child execs Python)
            except (OSError, IndexError):
                continue
stop = threading.Event()
watcher = threading.Thread(target=watch_children, args=(stop,), daemon=True)
watcher.start()
if sys.argv[3:] == ["parallel"]:  # worker processes whatever the number of cores
    from desktop_app.exchange import parallel_check
    parallel_check.MIN_CORES = 1
started = time.perf_counter()
db = open_database(sys.argv[2])
result = import_file(db, "events", sys.argv[1])
db.close()
seconds = time.perf_counter() - started
stop.set()
watcher.join()
if not result.ok:
    sys.exit(f"the benchmark import failed: {result.problems[:3]}")
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
# RUSAGE_CHILDREN is not used: it counts a child's pages from before it execs Python (the
# parent's, shared), which made a worker of 43 MB count 254
print(seconds, own, sum(peaks.values()), len(peaks))
"""


def _import_in_own_process(
    csv_path: Path, target: Path, parallel: bool = False
) -> tuple[float, float]:
    """Our import of csv_path into a new database, in a process of its own (so that its peak
    memory is its own): seconds, and the peak RSS in MB of that process and of every process
    it started (the worker processes that check rows), each at its peak, added up."""
    out = subprocess.run(
        [sys.executable, "-c", IMPORT_SCRIPT, str(csv_path), str(target)]
        + (["parallel"] if parallel else []),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    seconds, own, children, count = out.stdout.split()
    print(
        f"  peak RSS: importing process {int(own) / 1024:.0f} MB, {count} child processes "
        f"{int(children) / 1024:.0f} MB",
        flush=True,
    )
    return float(seconds), (int(own) + int(children)) / 1024


def _fair_import_floor(csv_path: Path, target: Path) -> float:
    """sqlite3 .import of the same file, then its rows into a database made by our migrations
    (the events table with its indexes, full-text and monthly-count triggers): the least an
    import into our schema costs, with no checking at all."""
    from desktop_app.store.database import open_database

    open_database(target).close()
    script = f"""
.import --csv {csv_path} staging
BEGIN;
INSERT INTO events (uuid, created_at, updated_at, date, end_date, date_precision, kind, title,
                    description, fatalities)
SELECT uuid, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', date, NULLIF(end_date, ''),
       date_precision, kind, title, description, CAST(NULLIF(fatalities, '') AS INTEGER)
FROM staging;
DROP TABLE staging;
COMMIT;
"""
    started = time.perf_counter()
    subprocess.run(["sqlite3", "-bail", str(target)], input=script, text=True, check=True)
    return time.perf_counter() - started


def bench_memory(db_path: Path) -> None:
    script = f"""
import os, resource, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop_app.ui.main_window import MainWindow
window = MainWindow({str(db_path)!r})
window.resize(1280, 800)
window.show()
for tab in range(window.tabs.count()):
    window.tabs.setCurrentIndex(tab)
    deadline = time.time() + 60
    while time.time() < deadline:
        app.processEvents()
        if tab != 3 or window.dashboard_tab.drawn_for is not None:
            break
        time.sleep(0.02)
window.events_view.verticalScrollBar().setValue(10**9)
app.processEvents()
print("rss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    if "rss " not in out.stdout:
        raise RuntimeError(f"the memory measurement failed: {out.stderr.strip()[-500:]}")
    kilobytes = int(out.stdout.split("rss ")[1].split()[0])
    megabytes = kilobytes / 1024
    record(
        "peak memory, large database open and every tab visited",
        megabytes,
        "MB",
        "<= 300 MB RSS",
        megabytes <= 300,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description="Run the benchmarks.")
    parser.add_argument("--db", type=Path, default=HERE / "data" / "large.db")
    parser.add_argument("--skip-csv", action="store_true", help="leave out the CSV round")
    parser.add_argument("--only-map", action="store_true", help="only the map (bench/map.py)")
    parser.add_argument(
        "--only-session",
        action="store_true",
        help="only the user's session (bench/session.py); results.json is not written",
    )
    parser.add_argument(
        "--import-parallel",
        action="store_true",
        help="check the imported rows in worker processes however few the cores",
    )
    parser.add_argument(
        "--only-import",
        nargs="?",
        type=int,
        const=3,
        metavar="RUNS",
        help="only the import of 1M events against its floors, RUNS times (default 3)",
    )
    parser.add_argument(
        "--scale",
        nargs="?",
        const="10000,100000",
        metavar="SIZES",
        help="only the scaling run (bench/scale.py): open, search, as-of and dashboard at these "
        "numbers of commitments (default 10000,100000; add 1000000 to generate and measure 1M)",
    )
    args = parser.parse_args()
    if args.scale:
        from bench.scale import main as scale_main

        return scale_main(["--sizes", args.scale])
    if not args.db.exists():
        print(
            f"{args.db} is missing: run `python -m bench.generate large {args.db}`", file=sys.stderr
        )
        return 2
    if shutil.which("sqlite3") is None:
        print("the sqlite3 command-line tool is needed for the floors", file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench"])
    app.setOrganizationName("commitment-tracker-bench")
    from desktop_app.ui.gui_thread_gc import collect_on_gui_thread

    collect_on_gui_thread()  # as the app does: collections on the GUI thread, paced
    started = time.perf_counter()
    # a working copy, so that migrations or writes never touch the generated file
    with tempfile.TemporaryDirectory(dir=HERE / "data") as folder:
        work = Path(folder)
        db = work / "large.db"
        shutil.copyfile(args.db, db)
        from bench.map import bench_map

        if args.only_map:
            bench_map(db, app, record)
            return _write_results(started)
        if args.only_session:  # a try-out: printed, bench/results.json left as it is
            bench_session_in_own_process(db, work)
            return 0
        if args.only_import:
            return _only_import(db, work, args.only_import, started, args.import_parallel)
        bench_startup(db)
        bench_tables(db, app)
        bench_dashboard_and_as_of(db, app)
        bench_scroll(db, app)
        bench_memory(db)
        bench_session_in_own_process(db, work)
        bench_map(db, app, record)
        if not args.skip_csv:
            bench_csv(db, work)
    return _write_results(started)


def _only_import(db: Path, work: Path, runs: int, started: float, parallel: bool) -> int:
    """The import against its floors alone; results.json is left as it is (it keeps a whole
    run). The events are exported from db (a working copy) into work."""
    from desktop_app.exchange.csv_export import export_table

    csv_path = work / "events.csv"
    export_table(db, "events", csv_path, excel=False)
    bench_import(csv_path, work, runs, parallel)
    met = sum(r["met"] for r in RESULTS)
    print(f"{met} of {len(RESULTS)} targets met in {time.perf_counter() - started:.0f} s")
    return 0


def _write_results(started: float) -> int:
    total = time.perf_counter() - started
    machine = {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "date": time.strftime("%Y-%m-%d"),
        "seconds": round(total, 1),
        "max_rss_mb_of_runner": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    (HERE / "results.json").write_text(
        json.dumps({"machine": machine, "results": RESULTS}, indent=2)
    )
    met = sum(r["met"] for r in RESULTS)
    print(f"{met} of {len(RESULTS)} targets met in {total:.0f} s; bench/results.json written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
