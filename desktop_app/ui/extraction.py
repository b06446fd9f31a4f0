"""New from article's reading, in a process of its own: the article goes in on standard input
(`commitment-tracker extract - --json --kinds all`), the candidates come back as JSON.

Not a thread: a regular-expression search holds the interpreter lock for as long as it runs,
so a thread reading a long article still froze the window for a quarter of a second at a time;
and a process can really be stopped.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

from desktop_app.extract.extractor import Candidate
from desktop_app.ui.i18n import translate


def _command() -> tuple[str, list[str]]:
    """This same program, as a command line (the frozen app is its own interpreter)."""
    if getattr(sys, "frozen", False):
        return sys.executable, []
    return sys.executable, ["-m", "desktop_app"]


class ExtractionProcess(QObject):
    finished = Signal(list)  # the candidates
    failed = Signal(str)  # one sentence

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._process: QProcess | None = None

    @property
    def running(self) -> bool:
        return self._process is not None

    def start(self, text: str, published: str | None) -> None:
        self.stop()
        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("PYTHONIOENCODING", "utf-8")
        process.setProcessEnvironment(environment)
        program, arguments = _command()
        arguments += ["extract", "-", "--json", "--kinds", "all"]
        if published:
            arguments += ["--date", published]
        process.finished.connect(lambda code, _status: self._done(process, code))
        process.errorOccurred.connect(lambda _error: self._done(process, -1))
        self._process = process
        process.start(program, arguments)
        process.write(text.encode("utf-8"))
        process.closeWriteChannel()

    def stop(self) -> None:
        """Stop reading now; nothing is reported for the stopped process."""
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.waitForFinished(2000)
            process.deleteLater()

    def _done(self, process: QProcess, code: int) -> None:
        if process is not self._process:
            return  # stopped, or already reported
        self._process = None
        output = bytes(process.readAllStandardOutput()).decode("utf-8", "replace")
        errors = bytes(process.readAllStandardError()).decode("utf-8", "replace").strip()
        process.deleteLater()
        if code != 0:
            last = (
                errors.splitlines()[-1]
                if errors
                else translate("Extraction", "the reader stopped unexpectedly")
            )
            self.failed.emit(last.removeprefix("commitment-tracker: "))
            return
        try:
            self.finished.emit([Candidate(**item) for item in json.loads(output)])
        except (ValueError, TypeError) as error:
            self.failed.emit(
                translate("Extraction", "the reader's answer could not be read ({error})").format(
                    error=error
                )
            )
