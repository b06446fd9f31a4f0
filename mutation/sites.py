"""Which mutants exist, and the seeded sample of them that a run tests.

Cosmic Ray's operators find the mutants. We keep the ones that change an operator or a
constant the way a slip of the hand would (`+` -> `-`, `<` -> `<=` or `>=`, `and` -> `or`,
`True` -> `False`, a number +1 or -1, an added or removed `not`, `break` <-> `continue`),
and drop Cosmic Ray's exotic replacements (`+` -> `>>`, `==` -> `is`), which mostly make
code that fails on its first run and so say little about the tests.

A *site* is one place in the source (a file, a start and an end position): a `<` at line 40
is one site with two candidate mutants (`<=` and `>=`). The sample draws sites, then one
mutant per site, both with the seeded random generator, so that an operator with many
replacements does not crowd out the others. Mutants inside type annotations are left out:
with `from __future__ import annotations` an annotation is never evaluated, so such a
mutant is equivalent by construction.
"""

from __future__ import annotations

import ast
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import cosmic_ray.plugins
from cosmic_ray.ast import ast_nodes, get_ast_from_path
from cosmic_ray.ast.ast_query import ASTQuery
from cosmic_ray.work_item import MutationSpec

PACKAGES = ("domain", "store", "exchange", "session", "extract", "charts", "ui")

_COMPARISON = {
    "Eq": ("NotEq",),
    "NotEq": ("Eq",),
    "Lt": ("LtE", "GtE"),
    "LtE": ("Lt", "Gt"),
    "Gt": ("GtE", "LtE"),
    "GtE": ("Gt", "Lt"),
    "Is": ("IsNot",),
    "IsNot": ("Is",),
}
_BINARY = {
    "Add": ("Sub",),
    "Sub": ("Add",),
    "Mul": ("Div",),
    "Div": ("Mul",),
    "FloorDiv": ("Div",),
    "Mod": ("Div",),
    "Pow": ("Mul",),
    "LShift": ("RShift",),
    "RShift": ("LShift",),
    "BitAnd": ("BitOr",),
    "BitOr": ("BitAnd",),
    "BitXor": ("BitAnd",),
}
OPERATORS = (
    "core/NumberReplacer",
    "core/ReplaceTrueWithFalse",
    "core/ReplaceFalseWithTrue",
    "core/ReplaceAndWithOr",
    "core/ReplaceOrWithAnd",
    "core/AddNot",
    "core/ReplaceUnaryOperator_Delete_Not",
    "core/ReplaceUnaryOperator_Delete_USub",
    "core/ReplaceUnaryOperator_Delete_Invert",
    "core/ReplaceBreakWithContinue",
    "core/ReplaceContinueWithBreak",
    *(f"core/ReplaceComparisonOperator_{a}_{b}" for a, bs in _COMPARISON.items() for b in bs),
    *(f"core/ReplaceBinaryOperator_{a}_{b}" for a, bs in _BINARY.items() for b in bs),
)


@dataclass(frozen=True)
class Mutant:
    spec: MutationSpec  # module_path relative to the copy's root, e.g. desktop_app/ui/tabs.py

    @property
    def module(self) -> str:
        return self.spec.module_path.as_posix()

    @property
    def package(self) -> str:
        return self.spec.module_path.parts[1]

    @property
    def lines(self) -> range:
        return range(self.spec.start_pos[0], self.spec.end_pos[0] + 1)

    @property
    def operator(self) -> str:
        return self.spec.operator_name.removeprefix("core/")

    @property
    def label(self) -> str:
        return f"{self.module}:{self.spec.start_pos[0]} {self.operator}#{self.spec.occurrence}"


def _annotation_spans(source: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(start, end) of every annotation, as (line, column in characters) like parso's."""
    lines = source.splitlines()

    def chars(line: int, byte_col: int) -> int:
        return len(lines[line - 1].encode()[:byte_col].decode(errors="ignore"))

    spans = []
    for node in ast.walk(ast.parse(source)):
        annotations = []
        if isinstance(node, ast.arg | ast.AnnAssign) and node.annotation is not None:
            annotations.append(node.annotation)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns:
            annotations.append(node.returns)
        for a in annotations:
            spans.append(
                (
                    (a.lineno, chars(a.lineno, a.col_offset)),
                    (a.end_lineno, chars(a.end_lineno, a.end_col_offset)),
                )
            )
    return spans


def _inside(position: tuple[int, int], spans) -> bool:
    return any(start <= position < end for start, end in spans)


def module_mutants(root: Path, module: Path) -> list[Mutant]:
    """Every mutant of the kept operators in one module (path relative to root)."""
    source = (root / module).read_text(encoding="utf-8")
    spans = _annotation_spans(source)
    lines = source.splitlines()
    tree = get_ast_from_path(root / module)
    mutants = []
    for name in OPERATORS:
        operator = cosmic_ray.plugins.get_operator(name)()
        positions = (
            (node, start, end)
            for node in ast_nodes(tree)
            for start, end in operator.mutation_positions(node)
        )
        for occurrence, (node, start, end) in enumerate(positions):
            if _inside(start, spans) or "pragma: no mutate" in lines[start[0] - 1]:
                continue
            spec = MutationSpec(
                module_path=module,
                operator_name=name,
                occurrence=occurrence,
                start_pos=start,
                end_pos=end,
                definition_name=ASTQuery(node).get_definition_name(),
            )
            mutants.append(Mutant(spec))
    return mutants


def all_mutants(root: Path) -> list[Mutant]:
    found = []
    for package in PACKAGES:
        for path in sorted((root / "desktop_app" / package).rglob("*.py")):
            found += module_mutants(root, path.relative_to(root))
    return found


def allocate(sites_per_package: dict[str, int], total: int, floor: int) -> dict[str, int]:
    """How many sites each package gets: `floor` each (or all it has), the rest in proportion
    to its sites (largest remainders first), so that small packages still get a share
    large enough to be read as a percentage."""
    share = {p: min(floor, n) for p, n in sites_per_package.items()}
    left = total - sum(share.values())
    spare = {p: n - share[p] for p, n in sites_per_package.items()}
    pool = sum(spare.values())
    if left <= 0 or pool == 0:
        return share
    exact = {p: left * s / pool for p, s in spare.items()}
    extra = {p: min(spare[p], int(exact[p])) for p in spare}
    rest = left - sum(extra.values())
    for p in sorted(spare, key=lambda p: exact[p] - int(exact[p]), reverse=True):
        if rest <= 0:
            break
        if extra[p] < spare[p]:
            extra[p] += 1
            rest -= 1
    return {p: share[p] + extra[p] for p in share}


def sample(mutants: list[Mutant], total: int, seed: int, floor: int = 30) -> list[Mutant]:
    """A seeded sample of `total` mutants, at most one per site, spread over the packages."""
    sites: dict[str, dict[tuple, list[Mutant]]] = {p: defaultdict(list) for p in PACKAGES}
    for m in mutants:
        sites[m.package][(m.module, m.spec.start_pos, m.spec.end_pos)].append(m)
    floor = min(floor, total // len(PACKAGES))
    counts = allocate({p: len(s) for p, s in sites.items()}, total, floor)
    rng = random.Random(seed)
    chosen = []
    for package in PACKAGES:
        keys = sorted(sites[package])
        for key in sorted(rng.sample(keys, counts[package])):
            candidates = sorted(sites[package][key], key=lambda m: (m.operator, m.spec.occurrence))
            chosen.append(rng.choice(candidates))
    return chosen


def sample_sites(mutants: list[Mutant], total: int, seed: int) -> list[Mutant]:
    """A seeded sample of `total` mutants, at most one per site, from the mutants given."""
    by_site: dict[tuple, list[Mutant]] = defaultdict(list)
    for m in mutants:
        by_site[(m.module, m.spec.start_pos, m.spec.end_pos)].append(m)
    rng = random.Random(seed)
    keys = sorted(rng.sample(sorted(by_site), min(total, len(by_site))))
    return [
        rng.choice(sorted(by_site[k], key=lambda m: (m.operator, m.spec.occurrence))) for k in keys
    ]
