"""docs/testing.md from mutation/results.json and mutation/survivors.toml:
python -m mutation.report (after a run, or after classifying survivors by hand).

survivors.toml says, for a survivor that someone has read, which group it belongs to
(equivalent, untested rule, ...) and what it says about the tests. A survivor is recognised by
its module, function, operator and the text of its line, so a classification outlives line
numbers moving; a survivor nobody has read yet is listed as such.
"""

from __future__ import annotations

import json
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "testing.md"
RESULTS_JSON = Path(__file__).resolve().parent / "results.json"
SURVIVORS = Path(__file__).resolve().parent / "survivors.toml"
PACKAGES = ("domain", "store", "exchange", "session", "extract", "charts", "ui")
AIMS = {"domain": 85, "store": 85, "exchange": 85, "extract": 85, "charts": 85, "ui": 75}
EQUIVALENT = "equivalent"


def survivor_key(result: dict) -> str:
    original = next((line[1:].strip() for line in result.get("diff", []) if line[:1] == "-"), "")
    return f"{result['module']}|{result['definition']}|{result['operator']}|{original}"


def _survivors_file() -> dict:
    if not SURVIVORS.exists():
        return {}
    return tomllib.loads(SURVIVORS.read_text(encoding="utf-8"))


def load_classification() -> dict[str, dict]:
    return {entry["key"]: entry for entry in _survivors_file().get("survivor", [])}


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def table(run: dict, classified: dict[str, dict] | None = None) -> str:
    classified = classified or {}
    rows = [
        "| package | sites | tested | killed (a test failed) | killed (timeout) | survived "
        "| of them equivalent | score | score without equivalents | aim |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    totals = defaultdict(int)
    for package in PACKAGES:
        results = [r for r in run["results"] if r["package"] == package]
        n = defaultdict(int)
        for r in results:
            n[r["outcome"]] += 1
            if r["outcome"] == "survived":
                entry = classified.get(survivor_key(r), {})
                n["equivalent"] += entry.get("group") == EQUIVALENT
        killed = n["killed"] + n["timeout"]
        score = _percent(killed, len(results))
        adjusted = _percent(killed, len(results) - n["equivalent"])
        aim = AIMS.get(package)
        if aim is None:
            aim_text = "none set"
        else:
            met = len(results) and 100 * killed / max(1, len(results) - n["equivalent"]) >= aim
            aim_text = f"{aim}%: {'met' if met else 'not met'}"
        rows.append(
            f"| {package}/ | {run['sites'].get(package, 0)} | {len(results)} | {n['killed']} "
            f"| {n['timeout']} | {n['survived']} | {n['equivalent']} | {score} | {adjusted} "
            f"| {aim_text} |"
        )
        for key in ("killed", "timeout", "survived", "equivalent", "error"):
            totals[key] += n[key]
        totals["tested"] += len(results)
        totals["sites"] += run["sites"].get(package, 0)
    killed = totals["killed"] + totals["timeout"]
    rows.append(
        f"| **all** | {totals['sites']} | {totals['tested']} | {totals['killed']} "
        f"| {totals['timeout']} | {totals['survived']} | {totals['equivalent']} "
        f"| {_percent(killed, totals['tested'])} "
        f"| {_percent(killed, totals['tested'] - totals['equivalent'])} | |"
    )
    if totals["error"]:
        rows.append(f"\n{totals['error']} mutants could not be tested (Cosmic Ray failed).")
    return "\n".join(rows)


def _mutant_line(r: dict) -> str:
    change = " → ".join(f"`{line[1:].strip()}`" for line in r.get("diff", []) if line[:1] in "-+")
    where = f"`{r['module'].removeprefix('desktop_app/')}:{r['line']}`"
    inside = f" in `{r['definition']}`" if r["definition"] else ""
    return f"{where}{inside}: {change or r['operator']}"


def survivors_section(run: dict, classified: dict[str, dict]) -> str:
    survivors = [r for r in run["results"] if r["outcome"] == "survived"]
    groups: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
    unread = []
    for r in survivors:
        entry = classified.get(survivor_key(r))
        if entry:
            groups[entry["group"]].append((r, entry))
        else:
            unread.append(r)
    summary = _survivors_file().get("summary", "").strip()
    out = [summary, ""] if summary else []
    worth = [(r, e) for g in groups.values() for r, e in g if e.get("test")]
    if worth:
        out += [
            "### Survivors worth a test",
            "",
            "Each of these is a behaviour a user would notice that no test pins down; the "
            "test to write is named after it.",
            "",
        ]
        out += [f"1. {_mutant_line(r)}. **Test:** {e['test']}" for r, e in worth]
        out.append("")
    order = sorted(groups, key=lambda g: (g == EQUIVALENT, -len(groups[g]), g))
    for group in order:
        out += [f"### {group.capitalize()} ({len(groups[group])})", ""]
        out += [f"- {_mutant_line(r)}. {e['note']}" for r, e in groups[group]]
        out.append("")
    if unread:
        out += [f"### Not yet read ({len(unread)})", ""]
        out += [f"- {_mutant_line(r)} ({r['selection']}: {r['tests']} tests)" for r in unread]
        out.append("")
    return "\n".join(out)


def render(run: dict) -> str:
    classified = load_classification()
    cov = run["coverage_pass"]
    minutes = run["total_seconds"] / 60
    by_selection = defaultdict(int)
    for r in run["results"]:
        by_selection[r["selection"]] += 1
    failing = cov["failing_at_head"]
    failing_text = (
        ", of which these failed on the unmutated code and were left out of every selection: "
        + ", ".join(f"`{t}`" for t in failing)
        if failing
        else ""
    )
    return TEMPLATE.format(
        commit=run["commit"],
        date=run["date"],
        machine=run["machine"],
        sample=run["sample"],
        seed=run["seed"],
        jobs=run["jobs"],
        mutants=run["mutants"],
        sites=sum(run["sites"].values()),
        minutes=f"{minutes:.0f}",
        mutation_minutes=f"{run['mutation_seconds'] / 60:.0f}",
        coverage_seconds=cov["seconds"],
        coverage_tests=cov["tests"],
        failing=failing_text,
        by_line=by_selection["line"],
        by_import=by_selection["import"],
        by_uncovered=by_selection["uncovered"],
        by_none=by_selection["none"],
        table=table(run, classified),
        notes=f"\n{run['notes'].strip()}\n" if run.get("notes") else "",
        survivors=survivors_section(run, classified),
    )


def write(run: dict) -> None:
    DOC.write_text(render(run), encoding="utf-8")


TEMPLATE = """\
# Testing: do the tests fail when the feature breaks?

`make test` runs the suite: ruff, then pytest offscreen (about 40 s on two cores). This page is
about the other question: if a comparison, an operator or a constant in `desktop_app/` were
wrong, would a test fail? Mutation testing answers it by making such changes (mutants) one at a
time and running the tests against each: a mutant is *killed* when a test fails (or the tests
hang past a timeout), and *survives* when every test still passes. A survivor is either a
behaviour no test pins down, or an *equivalent* mutant that changes nothing a user or a caller
could see.

This page is written by `make mutation` (`python -m mutation.run`): the numbers below are the
last run's; the notes on survivors come from `mutation/survivors.toml`, written by hand after
reading them (`python -m mutation.report` rewrites this page from `mutation/results.json` after
an edit there). It is not part of `make test`.

## The tool: Cosmic Ray, and why

We use [Cosmic Ray](https://cosmic-ray.readthedocs.io/) 8 (the `mutation` extra in
pyproject.toml), driven by a small runner in `mutation/`.

- **It runs our Qt tests as they are.** Cosmic Ray writes a mutant into the file on disk, runs
  a test command in a new process, and puts the file back. Every mutant gets a fresh process
  with a fresh offscreen QApplication, the same as `make test`. mutmut 3 runs its mutants by
  forking one pytest process that has already run the suite: a fork of a process whose Qt
  thread pool and SQLite connections are live can deadlock, and a deadlock would be counted
  as a kill. mutmut 3 also mutates only inside functions, and its trampolines wrap every
  function, including Qt slots and methods that Qt calls back; pytest-gremlins is young and
  likewise runs the mutants inside the pytest process.
- **It can sample, and run only the relevant tests.** Cosmic Ray's library lists the mutants
  with their exact positions and tests any one of them on request (`mutate_and_test`), with a
  timeout that kills the test process group. The runner draws the seeded sample from that
  list, and gives each mutant only the tests that run its line, which it learns from one
  coverage pass over the whole suite. That is the per-line test selection mutmut 3 is known
  for, without running the mutants inside the test process. The results also go into a
  Cosmic Ray session file, so `cr-report` and `cr-html` work on them (`--keep DIR`).
- **It never touches the working tree.** The runner extracts HEAD with `git archive` into a
  scratch folder and mutates only there; other people's uncommitted edits are neither
  tested nor at risk. `git status` is the same before and after a run, except for the two
  files the run writes: this page and `mutation/results.json`.

## How to run it

```sh
make mutation                       # the sample below: seed {seed}, {sample} mutants
.venv/bin/python -m mutation.run --sample 50 --seed 7 --no-report   # a quick look, no files
.venv/bin/python -m mutation.run --jobs 2 --keep /tmp/mutation      # two at once, keep the copy
```

`--keep DIR` keeps the copy, the coverage data, the log of the coverage pass and the Cosmic Ray
session (`.venv/bin/cr-report DIR/session.sqlite --show-output` prints each mutant's diff and
test output). To look at one survivor, apply its diff (below) to a scratch copy and run the
tests named in `mutation/results.json`.

**What is mutated.** Operators and constants, the way a slip of the hand changes them: `+` ↔
`-`, `*` ↔ `/`, `//` and `%` → `/`, `|` ↔ `&`; `==` ↔ `!=`, `is` ↔ `is not`, `<` → `<=` or `>=`
(and the like for `<=`, `>`, `>=`); `and` ↔ `or`; `True` ↔ `False`; a number plus or minus one;
a `not` added to a condition or removed; `-x` → `x`; `break` ↔ `continue`. Cosmic Ray's other
replacements (`+` → `>>`, `==` → `is`, ...) are left out: they mostly make code that fails the
first time it runs, and would crowd the sample. Cosmic Ray has no operator for `in` / `not in`
or for string constants, so log and message texts are not mutated. Mutants inside type
annotations are left out: with `from __future__ import annotations` an annotation is never
evaluated, so they are equivalent by construction. A line with `# pragma: no mutate` is left
alone. That leaves {mutants} mutants at {sites} sites (a site is one place in the source: a
`<` at one line is one site with two mutants) in `domain/`, `store/`, `exchange/`, `session/`,
`extract/`, `charts/` and `ui/`; `cli.py`, `__main__.py` and the other top-level modules are
not sampled.

**The sample.** {sample} sites, drawn with Python's `random.Random({seed})`, then one mutant per
site, so that an operator with many replacements does not crowd out the others. Each package
gets 30 sites (or all it has), and the rest is shared in proportion to its sites.

**Which tests.** The coverage pass runs the whole suite once on the unmutated copy and records,
for every line of `desktop_app/`, the tests that ran it: in the test process, in the Qt thread
pool's threads, and in the Python processes the CLI tests start. A mutant gets the test
functions that ran its line ({by_line} of this sample). A line that only runs at import (a
module-level constant, a default argument, a class attribute: {by_import}) and a line that no
test runs ({by_uncovered}) get the tests that ran any line of their module, so that a constant
read elsewhere and a gap in the coverage data are still tested; a mutant in a module that no
test runs gets no test and survives ({by_none}). The tests run offscreen
(`QT_QPA_PLATFORM=offscreen`), stop at the first failure (`-x`), and time out after 30 s plus
three times their duration in the coverage pass: a mutant that makes them hang is killed by
the timeout.

## Last run

Commit {commit}, {date}, on {machine}: {minutes} min in all ({coverage_seconds} s for the
coverage pass over {coverage_tests} tests{failing}; {mutation_minutes} min for the mutants,
{jobs} at a time).

{table}
{notes}
*Score* is killed / tested. *Score without equivalents* leaves out the survivors read and found
equivalent. The aims are those of the issue "Tests that fail when the feature breaks": 85% in
`domain/`, `store/`, `extract/` and `charts/`, 75% in `ui/`; `exchange/` (CSV in and out) was
part of `store/` when the issue was written, so it is held to 85% too; `session/` has none. With
30 to 80 mutants a package, one mutant is worth one to three points: read a difference of a few
points between two runs as noise.

## Survivors

{survivors}"""


if __name__ == "__main__":
    write(json.loads(RESULTS_JSON.read_text(encoding="utf-8")))
    print(f"wrote {DOC.relative_to(ROOT)}")
