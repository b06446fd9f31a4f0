"""The interface's languages: Qt translators installed at start, and the translated names of
the statuses (domain/status.py stays Qt-free and English; the store and exports keep codes and
English labels, so only what the window shows goes through here).

pyside6-lupdate finds a string only where it is written literally inside `self.tr("…")`,
`QCoreApplication.translate("Context", "…")`, `translate("Context", "…")` or
`QT_TRANSLATE_NOOP("Context", "…")`, in double quotes (it skipped a single-quoted one here):
the helpers below take text that was marked one of those ways, never a string built at run
time. `make translations` collects them; tests/test_i18n.py fails when the catalogue is behind.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.domain.status import Status
from desktop_app.resources import resource

CATALOGUE = "commitment_tracker"  # resources/translations/commitment_tracker_<lang>.qm
ENGLISH = "en"  # the language the source is written in: no catalogue needed


def translate(context: str, text: str) -> str:
    """text in the interface's language (text itself when no catalogue has it)."""
    return QCoreApplication.translate(context, text)


def catalogue_path(language: str):
    return resource("translations", f"{CATALOGUE}_{language}.qm")


def available_languages() -> list[str]:
    """English and every language with a compiled catalogue in resources/translations."""
    found = sorted(
        p.stem.removeprefix(f"{CATALOGUE}_")
        for p in resource("translations").glob(f"{CATALOGUE}_*.qm")
    )
    return [ENGLISH, *found]


def chosen_language(requested: str | None) -> str:
    """The language asked for, else the system's, else English when no catalogue exists."""
    wanted = requested or QLocale.system().name()  # "fr_FR"
    for candidate in (wanted, wanted.split("_")[0]):
        if candidate == ENGLISH or catalogue_path(candidate).exists():
            return candidate
    return ENGLISH


def install_translators(app: QCoreApplication, requested: str | None) -> str:
    """Installs the app's catalogue and Qt's own (standard buttons, Undo/Redo) for the chosen
    language; returns that language. Translators stay alive as children of app."""
    language = chosen_language(requested)
    for old in app.findChildren(QTranslator, "commitment_tracker_translator"):
        app.removeTranslator(old)
        old.deleteLater()
    if language == ENGLISH:
        return language
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_folder), (f"{CATALOGUE}_{language}", None)):
        translator = QTranslator(app)
        translator.setObjectName("commitment_tracker_translator")
        path = str(catalogue_path(language)) if folder is None else f"{folder}/{name}.qm"
        if translator.load(path):
            app.installTranslator(translator)
        else:
            translator.deleteLater()
    return language


def status_label(status: Status | str) -> str:
    """A status's name as the window shows it (exports keep domain/status.py's English)."""
    return _STATUS_TEXTS[Status(status)][0]()


def status_definition(status: Status | str) -> str:
    return _STATUS_TEXTS[Status(status)][1]()


# Written out in full so that lupdate sees each string; tests/test_i18n.py holds the English
# here equal to domain/status.py's labels and definitions.
_STATUS_TEXTS = {
    Status.NOT_RATED: (
        lambda: translate("Status", "Not yet rated"),
        lambda: translate(
            "Status", "No one has judged this commitment yet; it is recorded but not assessed."
        ),
    ),
    Status.IN_PROGRESS: (
        lambda: translate("Status", "In progress"),
        lambda: translate(
            "Status", "Visible steps are being taken towards keeping the commitment."
        ),
    ),
    Status.STALLED: (
        lambda: translate("Status", "Stalled"),
        lambda: translate(
            "Status", "Nothing has moved for a long time, or the work was paused or blocked."
        ),
    ),
    Status.PARTIALLY_FULFILLED: (
        lambda: translate("Status", "Partially fulfilled"),
        lambda: translate(
            "Status", "Part of what was promised has been delivered, but not all of it."
        ),
    ),
    Status.FULFILLED: (
        lambda: translate("Status", "Fulfilled"),
        lambda: translate("Status", "What was promised has been delivered in full."),
    ),
    Status.BROKEN: (
        lambda: translate("Status", "Broken"),
        lambda: translate("Status", "The commitment was abandoned, reversed or plainly not kept."),
    ),
    Status.MIXED: (
        lambda: translate("Status", "Mixed"),
        lambda: translate(
            "Status",
            "The promising parties stand in different statuses (each party's own status is "
            "shown beside it). Worked out, never entered; still open.",
        ),
    ),
}

# The tabs as View lists them (their mnemonics there differ from the tab bar's own).
VIEW_MENU_TABS = (
    QT_TRANSLATE_NOOP("MainWindow", "Commitments"),
    QT_TRANSLATE_NOOP("MainWindow", "Events"),
    QT_TRANSLATE_NOOP("MainWindow", "Statistics"),
    QT_TRANSLATE_NOOP("MainWindow", "Dashboard"),
    QT_TRANSLATE_NOOP("MainWindow", "Map"),
    QT_TRANSLATE_NOOP("MainWindow", "S&ources"),
)


def category_label(category: str) -> str:
    """A commitment category (a code of domain/vocabulary.py) as the window shows it."""
    labels = {
        "security": translate("Vocabulary", "Security"),
        "economic": translate("Vocabulary", "Economic"),
        "diplomatic": translate("Vocabulary", "Diplomatic"),
        "political": translate("Vocabulary", "Political"),
        "humanitarian": translate("Vocabulary", "Humanitarian"),
        "other": translate("Vocabulary", "Other"),
    }
    return labels.get(category, category.capitalize())


def role_label(role: str) -> str:
    """A party's role in a commitment (promisor, beneficiary, guarantor), in lower case."""
    labels = {
        "promisor": translate("Vocabulary", "promisor"),
        "beneficiary": translate("Vocabulary", "beneficiary"),
        "guarantor": translate("Vocabulary", "guarantor"),
    }
    return labels.get(role, role)


def precision_label(precision: str) -> str:
    """How precise a deadline is (day, week, month, year), as the editor offers it."""
    labels = {
        "day": translate("Vocabulary", "to the day"),
        "week": translate("Vocabulary", "to the week"),
        "month": translate("Vocabulary", "to the month"),
        "year": translate("Vocabulary", "to the year"),
    }
    return labels.get(precision, precision)
