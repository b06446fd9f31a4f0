"""What each rule family of the extractor contributes: the scorer run with all rules, then
with one family switched off at a time (desktop_app/extract/rules.py).

Usage: python -m bench.extraction_ablation SCORER ARTICLES_DIR [ARTICLES_DIR ...]
(SCORER: the score_extraction.py that reads ARTICLES_DIR/gold.json). Prints a Markdown table
per directory, for docs/extraction.md.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from desktop_app.extract.rules import FAMILIES

MEASURES = ("recall", "precision", "f1", "places", "parties", "deadlines")


def score(scorer: str, articles: str, switched_off: str = "") -> dict[str, float]:
    environment = dict(os.environ, COMMITMENT_TRACKER_EXTRACT_OFF=switched_off)
    command = f"{sys.executable} -m desktop_app extract {{file}} --json"
    run = subprocess.run(
        [sys.executable, scorer, articles, "--cmd", command],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    summary = run.stdout.strip().splitlines()[-1]
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", summary)}


def table(scorer: str, articles: str) -> str:
    rows = [("all rules", score(scorer, articles))]
    rows += [(f"without {family}", score(scorer, articles, family)) for family in FAMILIES]
    lines = [
        "| rules | " + " | ".join(MEASURES) + " |",
        "|---|" + "---|" * len(MEASURES),
    ]
    for name, result in rows:
        lines.append(f"| {name} | " + " | ".join(f"{result[m]:.2f}" for m in MEASURES) + " |")
    return "\n".join(lines)


def main() -> None:
    scorer, *directories = sys.argv[1:]
    for directory in directories:
        print(f"\n{directory}\n")
        print(table(scorer, directory), flush=True)


if __name__ == "__main__":
    main()
