"""How long New from article's reading takes on long and hostile text.
Usage: python -m bench.extraction

Targets (issue 21): a 5,000-word article in under 1 s, 1,000,000 characters in under 10 s,
whatever the text (one line with no sentence end, runs of digits, capitalised words).
Each text is generated here from a fixed seed, so runs compare; the gazetteer is loaded
before the clock starts (it is read once per process, not per article).
"""

from __future__ import annotations

import random
import time

from desktop_app.extract.extractor import extract

PARAGRAPHS = (
    "Beijing, 14 March 2025 - China and India agreed on Friday to withdraw troops from "
    "Depsang and Demchok in eastern Ladakh within three months, officials said after talks "
    "in Beijing.",
    "The two sides will resume border patrols before the end of the year, and China "
    "promised to reopen the Kailash pilgrimage route this summer.",
    "Fighting in the area killed 20 soldiers in 2020, and bilateral trade reached $118bn "
    "last year, a 4 percent increase on 2023.",
    "Promises made in 2019 were never fully carried out, analysts said. Will the deal hold?",
    "Ministers from Kenya, Ethiopia and Somalia met in Nairobi on Tuesday and pledged to "
    "open the Moyale crossing by the end of Q3, with 1.2 million refugees waiting.",
)


def article(words: int, seed: int = 21) -> str:
    """Ordinary prose: the paragraphs above shuffled until the text has `words` words."""
    rng = random.Random(seed)
    out: list[str] = ["date 2025-03-14"]
    count = 0
    while count < words:
        paragraph = rng.choice(PARAGRAPHS)
        out.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(out)


def hostile_texts(size: int) -> dict[str, str]:
    """Text shapes that made earlier versions slow: one endless sentence, runs of digits,
    numbers with separators, capitalised words after prepositions, no spaces at all."""
    prose = " ".join(PARAGRAPHS).replace(". ", ", ")
    return {
        "one line of prose, no sentence end": (prose * (size // len(prose) + 1))[:size],
        "digits": "1" * size,
        "digits with commas": ("1," * size)[:size],
        "digits with points": ("1." * size)[:size],
        "capitalised words": ("Abc " * size)[:size],
        "in Lahore, repeated": ("in Lahore " * size)[:size],
        "numbers and units": ("20 killed $118bn 1.2 million refugees 40% increase " * size)[:size],
        "no spaces": ("x" * size),
    }


def timed(text: str) -> tuple[float, int]:
    start = time.perf_counter()
    found = extract(text, "2025-03-14")
    return time.perf_counter() - start, len(found)


def main() -> None:
    extract("China agreed to open the crossing in Lahore within 30 days.", "2025-03-14")
    rows = []
    five_thousand = article(5000)
    rows.append(("5,000-word article", len(five_thousand), *timed(five_thousand), 1.0))
    big = article(170_000)[:1_000_000]
    rows.append(("1,000,000 characters of articles", len(big), *timed(big), 10.0))
    for name, text in hostile_texts(1_000_000).items():
        rows.append((name, len(text), *timed(text), 10.0))
    print(f"{'text':40} {'characters':>11} {'seconds':>8} {'found':>6}  target")
    for name, size, seconds, found, target in rows:
        verdict = "met" if seconds < target else "NOT MET"
        print(f"{name:40} {size:>11,} {seconds:>8.2f} {found:>6}  < {target:g} s {verdict}")


if __name__ == "__main__":
    main()
