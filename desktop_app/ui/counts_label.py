"""The status bar's counts: commitments shown of all, overdue as of the date, events and
statistics. On a big file they are counted on a worker and arrive a moment later, so that
opening the file, typing a filter or moving the date never waits for them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from desktop_app.ui.i18n import translate

BIG_FILE_BYTES = 32 * 1024 * 1024  # from this size the counts are made on a worker


class CountsLabel(QLabel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._totals: dict[str, int] | None = None  # rows per table, for one data version
        self._totals_version: object = None
        self._overdue: int | None = None  # overdue on the as-of date, for the same version
        self._wanted: object = None  # the (version, as_of) asked for last: only it is shown
        self._shown = 0  # commitments the filter lets through
        self._last: tuple | None = None  # (as_of, totals, overdue) on screen
        self._counting: object = None  # the (version, as_of) counted on a worker now

    def update_counts(self, db, path: Path, data_version: object, as_of: str, shown: int) -> None:
        """Count for this data version and date; `shown` is how many commitments the filter
        lets through. data_version is the window's cache key for data read once per version
        (store/per_version.py): on a big file the counts use the status index kept for it."""
        self._shown = shown
        version = (data_version, as_of)  # the totals count what was known by the as-of date
        self._wanted = version
        if version == self._counting:  # on their way: they will show with this number
            self._show(as_of, shown, None, None)
            return
        if self._totals_version == version:  # only the filter moved: counted already
            self._show(as_of, shown, self._totals, self._overdue)
            return
        from desktop_app.store.as_of_counts import as_of_counts  # numpy: not at start-up

        if path.stat().st_size < BIG_FILE_BYTES:
            totals, overdue = as_of_counts(db, as_of)
            self._keep(totals, overdue, version)
            self._show(as_of, shown, totals, overdue)
            return
        from desktop_app.store.per_version import already_kept
        from desktop_app.store.status_index import StatusIndex
        from desktop_app.ui.worker import report_failure, run_in_background, with_own_connection

        self._show(as_of, shown, None, None)

        def work(own, _report):
            # the status index if it is read already (SQL otherwise: reading it here, just
            # after the file opened, would slow down the user's first search)
            return as_of_counts(own, as_of, already_kept(StatusIndex, data_version))

        def done(result) -> None:
            totals, overdue = result
            self._stop_counting(version)
            self._keep(totals, overdue, version)
            if version == self._wanted:
                self._show(as_of, self._shown, totals, overdue)

        def failed(error: BaseException) -> None:
            self._stop_counting(version)
            if version == self._wanted:
                self.setText(f"{shown:,} commitments shown · counts unavailable as of {as_of}")
            report_failure(self, "Counting")(error)

        self._counting = version
        run_in_background(self, with_own_connection(path, work), done, failed, quick=True)

    def _stop_counting(self, version: tuple) -> None:
        if self._counting == version:
            self._counting = None

    def show_count(self, shown: int) -> None:
        """A new number of commitments shown (a table read on a worker arrived)."""
        self._shown = shown
        if self._last is not None:
            self._show(self._last[0], shown, *self._last[1:])

    def _keep(self, totals: dict[str, int], overdue: int, data_version: object) -> None:
        """Neither count depends on the filter: typing a search shows them again as kept."""
        self._totals, self._overdue, self._totals_version = totals, overdue, data_version

    def _show(
        self, as_of: str, shown: int, totals: dict[str, int] | None, overdue: int | None
    ) -> None:
        self._last = (as_of, totals, overdue)
        overdue_text = (
            translate("CountsLabel", "counting overdue")
            if overdue is None
            else translate("CountsLabel", "{count} overdue").format(count=f"{overdue:,}")
        )
        as_of_text = translate("CountsLabel", "as of {date}").format(date=as_of)
        if totals is None:
            shown_text = translate("CountsLabel", "{commitments} shown").format(
                commitments=counted(shown, "commitment")
            )
            counting = translate("CountsLabel", "counting…")
            self.setText(f"{shown_text} · {overdue_text} {as_of_text} · {counting}")
            return
        filtered = (
            ""
            if shown == totals["commitments"]
            else translate("CountsLabel", "{count} shown of ").format(count=f"{shown:,}")
        )
        self.setText(
            f"{filtered}{counted(totals['commitments'], 'commitment')} · {overdue_text} "
            f"{as_of_text} · {counted(totals['events'], 'event')} · "
            f"{counted(totals['statistics'], 'statistic')}"
        )


def counted(number: int, noun: str) -> str:
    """'1 statistic', '2 statistics', in the interface's language (noun: commitment, event or
    statistic)."""
    one, many = _NOUN_FORMS[noun]
    return (one() if number == 1 else many()).format(count=f"{number:,}")


# each form written out so that lupdate finds it; French, like English, has one plural form
# past one (Qt's %n plurals would show "commitment(s)" in English without a catalogue)
_NOUN_FORMS = {
    "commitment": (
        lambda: translate("CountsLabel", "{count} commitment"),
        lambda: translate("CountsLabel", "{count} commitments"),
    ),
    "event": (
        lambda: translate("CountsLabel", "{count} event"),
        lambda: translate("CountsLabel", "{count} events"),
    ),
    "statistic": (
        lambda: translate("CountsLabel", "{count} statistic"),
        lambda: translate("CountsLabel", "{count} statistics"),
    ),
}
