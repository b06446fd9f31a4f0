"""Merges as the window and the CLI run them: a colleague's file read (migrated in a private
copy if it is older, refused if it is newer), the plan shown, a restorable copy of the open file
made beside it, then the plan made again and written in one write transaction."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.exchange.merge import MergePlan, Progress, plan_merge
from desktop_app.exchange.merge_apply import apply_plan
from desktop_app.store.database import database_path, open_private_copy, write_transaction
from desktop_app.store.errors import StoreError

if TYPE_CHECKING:
    from sqlite_utils import Database


def plan_from_file(
    mine: Database, theirs_path: str | Path, report: Progress | None = None
) -> MergePlan:
    """What merging the file at theirs_path into mine would do (nothing is written)."""
    theirs = _open_theirs(mine, Path(theirs_path))
    try:
        return plan_merge(mine, theirs, str(theirs_path), report)
    finally:
        theirs.close()


def merge_from_file(
    mine: Database, theirs_path: str | Path, report: Progress | None = None
) -> MergePlan:
    """Merge the file at theirs_path into mine in one write transaction; returns what was done
    (planned again inside the transaction, so a write made since the preview is not lost).
    report may cancel (MergeCancelled) until the writing starts; nothing is written then."""
    theirs = _open_theirs(mine, Path(theirs_path))
    try:
        with write_transaction(mine):
            plan = plan_merge(mine, theirs, str(theirs_path), report)
            if plan.writes_anything or plan.conflicts or plan.origins:
                apply_plan(mine, plan)
        return plan
    finally:
        theirs.close()


def restorable_copy_path(path: Path) -> Path:
    """Where the copy of a file made before a merge goes: beside it, named by the time."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.before-merge-{stamp}{path.suffix}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}.before-merge-{stamp}-{number}{path.suffix}")
    return candidate


def _open_theirs(mine: Database, path: Path) -> Database:
    own = database_path(mine)
    if own is not None and path.exists() and os.path.samefile(own, path):
        raise StoreError(f"{path} is the database being merged into; choose a colleague's file.")
    try:
        return open_private_copy(path)
    except StoreError:
        raise
    except OSError as error:
        raise StoreError(f"{path} cannot be read: {error.strerror or error}.") from None
