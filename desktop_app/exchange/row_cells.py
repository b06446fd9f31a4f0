"""The first check of a row: as many cells as the header has, none too long; then its cells by
field (through a preset, if any). The same in the writer and in the processes that check rows
for it (exchange/parallel_check.py)."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.exchange.cell_values import RowError
from desktop_app.exchange.csv_format import MAX_CELL
from desktop_app.exchange.import_result import Problem


def row_cells(
    line: int,
    row: list[str],
    header: list[str],
    mapping: dict[str, int],
    preset_transform: Callable[[dict], dict] | None,
) -> dict | Problem:
    """The row's cells by field (through the preset, if any), or the row's problem."""
    problem = check_shape(line, row, len(header), header)
    if problem:
        return problem
    cells = {f: row[i] for f, i in mapping.items() if i < len(row)}
    if preset_transform is None:
        return cells
    try:
        return preset_transform(cells)
    except RowError as error:
        return Problem(line, error.column, str(error))


def check_shape(line: int, row: list[str], width: int, header: list[str]) -> Problem | None:
    if len(row) != width:
        return Problem(line, "", f"has {len(row)} cells but the header has {width}")
    if max(map(len, row), default=0) <= MAX_CELL:
        return None
    for name, cell in zip(header, row, strict=True):
        if len(cell) > MAX_CELL:
            return Problem(
                line, name, f"the cell holds {len(cell):,} characters; the limit is {MAX_CELL:,}"
            )
    return None
