"""Mutation testing on a seeded sample: python -m mutation.run [--sample N] [--seed S]
[--jobs J] [--keep DIR] [--no-report]

1. Extracts HEAD (git archive: committed files only, never the working tree, where other
   people may be editing) into a scratch folder; every mutant is made in that copy.
2. Runs the whole suite there once under coverage (the coverage pass), recording which test
   runs which line of desktop_app/, and which tests pass on the unmutated code.
3. Lists the mutants with Cosmic Ray's operators (mutation/sites.py) and draws the seeded
   sample, spread over domain/, store/, exchange/, session/, extract/, charts/ and ui/.
4. For each mutant, Cosmic Ray writes it into the copy, runs the tests that run its line (the
   tests that run its module when no test runs the line itself: module-level constants and
   defaults), offscreen, stopping at the first failure, with a timeout, and puts the original
   back. A failure or a timeout kills the mutant.
5. Writes mutation/results.json and docs/testing.md (mutation/report.py), and the Cosmic Ray
   session file into the scratch folder (`cr-report` reads it).

The scratch folder is deleted at the end unless --keep names one. Exits 1 when the coverage
pass finds no test running desktop_app/ (the copy was not the code under test), 0 otherwise:
the scores are a measurement for docs/testing.md, not a gate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import queue
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from cosmic_ray.mutating import mutate_and_test
from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import MutationSpec, TestOutcome, WorkerOutcome, WorkItem

from mutation import report, sites

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
RESULTS_JSON = HERE / "results.json"
DEFAULT_SAMPLE = 300
DEFAULT_SEED = 20240129  # the Islamabad meeting of the sample data
NON_TEST_CONTEXTS = {"", "(import)", "(between)"}


def extract_head(target: Path) -> str:
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "HEAD"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def test_env(copy: Path, extra_path: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    # PYTHONPATH puts the copy before the editable install of the working tree, in the
    # pytest process and in every Python process a test starts
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in (copy, extra_path) if p)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for name in ("MUTATION_TEST_ID", "PYTEST_ADDOPTS"):
        env.pop(name, None)
    return env


def pytest_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args]


class CoverageMap:
    """Which tests run which line, from the coverage pass."""

    def __init__(
        self,
        lines: dict[str, dict[int, set[str]]],
        at_import: dict[str, set[int]],
        seconds: dict[str, float],
    ):
        self.lines = lines  # module (desktop_app/...) -> line -> node ids
        self.at_import = at_import  # module -> lines run while the tests were imported
        self.seconds = seconds  # node id -> duration under coverage

    def tests_for(self, mutant: sites.Mutant) -> tuple[str, list[str]]:
        """How the tests were chosen, and the node ids: "line" (the tests that run the
        mutant's line), "import" (a line run only at import, such as a module constant: the
        tests that run any line of the module), "uncovered" (a line no test runs: the same),
        "none" (no test runs the module: nothing can fail)."""
        by_line = self.lines.get(mutant.module, {})
        line_tests = set().union(*(by_line.get(n, set()) for n in mutant.lines))
        module_tests = set().union(*by_line.values()) if by_line else set()
        if any(n in self.at_import.get(mutant.module, ()) for n in mutant.lines):
            # a subprocess test imports the module again under its own name: the line
            # is still read by every test of the module
            kind, tests = "import", module_tests
        elif line_tests:
            kind, tests = "line", line_tests
        else:
            kind, tests = "uncovered", module_tests
        return (kind, sorted(tests)) if tests else ("none", [])


def coverage_pass(copy: Path, work: Path) -> tuple[CoverageMap, dict]:
    support = work / "support"
    support.mkdir()
    shutil.copy(HERE / "coverage_plugin.py", support / "mutation_coverage.py")
    shutil.copy(HERE / "sitecustomize.py", support / "sitecustomize.py")
    data = work / "coverage"
    data.mkdir()
    env = test_env(copy, support)
    env["MUTATION_COVERAGE_DIR"] = str(data)
    env["MUTATION_SOURCE_ROOT"] = str(copy)
    started = time.perf_counter()
    ran = subprocess.run(
        pytest_command("-p", "mutation_coverage", "tests"),
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    (work / "coverage-pass.log").write_text(ran.stdout + ran.stderr)
    outcomes = json.loads((data / "outcomes.json").read_text())
    failed = sorted(n for n, o in outcomes.items() if not o["passed"])
    # a test can fail under coverage only because tracing makes it slow: try those again
    still_failing = []
    if failed:
        again = subprocess.run(
            pytest_command("-rfE", *sorted({_function(n) for n in failed})),
            cwd=copy,
            env=test_env(copy),
            capture_output=True,
            text=True,
        )
        # -rfE lists every failure and setup error by node id
        still_failing = [n for n in failed if n in again.stdout]
    print(
        f"coverage pass: {len(outcomes)} tests in {seconds:.0f} s, "
        f"{len(failed)} failed under coverage, {len(still_failing)} also without it",
        flush=True,
    )

    lines, at_import = read_coverage(copy, data, set(still_failing) | NON_TEST_CONTEXTS)
    info = {
        "tests": len(outcomes),
        "seconds": round(seconds),
        "failing_at_head": still_failing,
        "slow_under_coverage_only": sorted(set(failed) - set(still_failing)),
    }
    seconds_by_test = {n: o["seconds"] for n, o in outcomes.items()}
    return CoverageMap(lines, at_import, seconds_by_test), info


def read_coverage(
    copy: Path, data: Path, excluded: set[str]
) -> tuple[dict[str, dict[int, set[str]]], dict[str, set[int]]]:
    """From the coverage pass's data files: module -> line -> the node ids that ran it (less
    the excluded ones), and module -> the lines run while the tests were imported."""
    import coverage

    combined = coverage.Coverage(data_file=str(data / ".coverage"))
    combined.combine(data_paths=[str(data)], keep=True)
    measured = combined.get_data()
    lines: dict[str, dict[int, set[str]]] = {}
    at_import: dict[str, set[int]] = {}
    for path in measured.measured_files():
        module = Path(path).resolve().relative_to(copy.resolve()).as_posix()
        by_line = lines.setdefault(module, defaultdict(set))
        for line, contexts in measured.contexts_by_lineno(path).items():
            by_line[line].update(c for c in contexts if c not in excluded)
            if "(import)" in contexts:
                at_import.setdefault(module, set()).add(line)
    return lines, at_import


def _function(nodeid: str) -> str:
    """The test function of a node id: its parameters are run together (a parameter id can
    hold characters that a node id on the command line cannot)."""
    return nodeid.split("[", 1)[0]


_FAILED = re.compile(r"^(?:FAILED|ERROR) (\S+)", re.MULTILINE)


def test_mutant(mutant: sites.Mutant, coverage_map: CoverageMap, copy: Path, scratch: Path) -> dict:
    selection, tests = coverage_map.tests_for(mutant)
    result = {
        "label": mutant.label,
        "module": mutant.module,
        "package": mutant.package,
        "line": mutant.spec.start_pos[0],
        "operator": mutant.operator,
        "definition": mutant.spec.definition_name,
        "selection": selection,
        "tests": len(tests),
    }
    if not tests:
        # no test runs this module at all: nothing could fail, so nothing is run
        return {**result, "outcome": "survived", "killed_by": None, "seconds": 0.0}
    functions = sorted({_function(t) for t in tests})
    budget = sum(s for n, s in coverage_map.seconds.items() if _function(n) in functions)
    timeout = 30 + 3 * budget
    args_file = scratch / "tests.txt"
    args_file.write_text("\n".join(functions) + "\n")
    env = test_env(copy)
    assignments = [f"{k}={env[k]}" for k in ("PYTHONPATH", "QT_QPA_PLATFORM")]
    command = shlex.join(
        ["env", "-C", str(copy), *assignments, *pytest_command("-x", "-rfE", f"@{args_file}")]
    )
    spec = MutationSpec(
        module_path=copy / mutant.spec.module_path,
        operator_name=mutant.spec.operator_name,
        occurrence=mutant.spec.occurrence,
        start_pos=mutant.spec.start_pos,
        end_pos=mutant.spec.end_pos,
        definition_name=mutant.spec.definition_name,
    )
    started = time.perf_counter()
    work_result = mutate_and_test([spec], command, timeout)
    seconds = time.perf_counter() - started
    if work_result.worker_outcome != WorkerOutcome.NORMAL:
        outcome, killed_by = "error", (work_result.output or "")[-2000:]
    elif work_result.test_outcome == TestOutcome.SURVIVED:
        outcome, killed_by = "survived", None
    elif work_result.output == "timeout":
        outcome, killed_by = "timeout", None
    else:
        found = _FAILED.search(work_result.output or "")
        outcome = "killed"
        killed_by = found.group(1) if found else (work_result.output or "")[-300:]
    return {
        **result,
        "outcome": outcome,
        "killed_by": killed_by,
        "seconds": round(seconds, 1),
        "timeout": round(timeout),
        "diff": _diff_lines(work_result.diff or "", copy),
        "work_result": work_result,
    }


def _diff_lines(diff: str, copy: Path) -> list[str]:
    keep = [
        line.rstrip()
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    return [line.replace(str(copy) + "/", "") for line in keep]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=DEFAULT_SAMPLE)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--jobs", type=int, default=1, help="mutants tested at once")
    parser.add_argument("--keep", type=Path, help="scratch folder to keep (must not exist)")
    parser.add_argument("--no-report", action="store_true", help="print, write no files")
    parser.add_argument(
        "--only",
        metavar="PATH",
        help="sample only the mutants under this path (desktop_app/charts/, a module): for "
        "finding survivors while writing tests; implies --no-report and lists the survivors",
    )
    options = parser.parse_args(argv)

    started = time.perf_counter()
    work = options.keep or Path(tempfile.mkdtemp(prefix="mutation-"))
    if options.keep:
        work.mkdir(parents=True)
    try:
        commit = extract_head(work / "copy-0")
        print(f"HEAD {commit} extracted into {work}", flush=True)
        for job in range(1, options.jobs):
            shutil.copytree(work / "copy-0", work / f"copy-{job}")
        coverage_map, coverage_info = coverage_pass(work / "copy-0", work)
        if not coverage_map.lines:
            print("the coverage pass measured nothing in the copy: no run", file=sys.stderr)
            return 1

        every = sites.all_mutants(work / "copy-0")
        if options.only:
            options.no_report = True
            every = [m for m in every if m.module.startswith(options.only)]
            chosen = sites.sample_sites(every, options.sample, options.seed)
        else:
            chosen = sites.sample(every, options.sample, options.seed)
        site_counts: dict[str, int] = defaultdict(int)
        for key in {(m.package, m.module, m.spec.start_pos, m.spec.end_pos) for m in every}:
            site_counts[key[0]] += 1
        print(f"{len(every)} mutants at {sum(site_counts.values())} sites; testing {len(chosen)}")

        copies: queue.Queue[int] = queue.Queue()
        for job in range(options.jobs):
            (work / f"scratch-{job}").mkdir()
            copies.put(job)
        done = 0
        lock = threading.Lock()
        mutation_started = time.perf_counter()

        def run_one(mutant: sites.Mutant) -> dict:
            nonlocal done
            job = copies.get()
            try:
                result = test_mutant(
                    mutant, coverage_map, work / f"copy-{job}", work / f"scratch-{job}"
                )
            finally:
                copies.put(job)
            with lock:
                done += 1
                elapsed = time.perf_counter() - mutation_started
                eta = elapsed / done * (len(chosen) - done)
                print(
                    f"[{done}/{len(chosen)}] {result['outcome']:8} {result['seconds']:5.1f} s "
                    f"{result['tests']:4} tests ({result['selection']})  {mutant.label}"
                    f"  eta {eta / 60:.0f} min",
                    flush=True,
                )
            return result

        with ThreadPoolExecutor(max_workers=options.jobs) as pool:
            results = list(pool.map(run_one, chosen))
        mutation_seconds = time.perf_counter() - mutation_started

        with use_db(work / "session.sqlite", WorkDB.Mode.create) as db:
            for mutant, result in zip(chosen, results, strict=True):
                job_id = f"{mutant.module}:{mutant.spec.operator_name}:{mutant.spec.occurrence}"
                db.add_work_item(WorkItem.single(job_id, mutant.spec))
                if "work_result" in result:
                    db.set_result(job_id, result.pop("work_result"))
        total_seconds = time.perf_counter() - started
        run = {
            "commit": commit,
            "date": dt.date.today().isoformat(),
            "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}",
            "sample": options.sample,
            "seed": options.seed,
            "jobs": options.jobs,
            "mutants": len(every),
            "sites": dict(site_counts),
            "coverage_pass": coverage_info,
            "mutation_seconds": round(mutation_seconds),
            "total_seconds": round(total_seconds),
            "results": results,
        }
        print(f"done in {total_seconds / 60:.1f} min (mutants: {mutation_seconds / 60:.1f} min)")
        if options.no_report:
            print(report.table(run))
            for result in results:
                if result["outcome"] == "survived":
                    print(f"\nsurvived: {result['label']} ({result['tests']} tests)")
                    print("\n".join(result.get("diff", [])))
        else:
            RESULTS_JSON.write_text(json.dumps(run, indent=1, ensure_ascii=False) + "\n")
            report.write(run)
            print(f"wrote {RESULTS_JSON.relative_to(ROOT)} and {report.DOC.relative_to(ROOT)}")
        return 0
    finally:
        if options.keep:
            print(f"kept {work} (Cosmic Ray session: {work / 'session.sqlite'})")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
