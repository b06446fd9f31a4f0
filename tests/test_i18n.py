"""The interface in another language: the French catalogue is complete, compiled and up to date
with the code; with it installed the window speaks French (menus, tabs, status names) while the
CSV exports stay byte for byte what they are in English; --lang and the system locale choose it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from desktop_app.domain.status import STATUS_INFO, Status
from desktop_app.resources import resource
from desktop_app.ui.accessibility import clashing_mnemonics, dialog_mnemonic_texts
from desktop_app.ui.i18n import (
    chosen_language,
    install_translators,
    status_definition,
    status_label,
    translate,
)

ROOT = Path(__file__).resolve().parent.parent
FRENCH_TS = resource("translations", "commitment_tracker_fr.ts")
FRENCH_QM = resource("translations", "commitment_tracker_fr.qm")
#: menu texts that are the same word in French (and so rightly left as they are)
SAME_IN_BOTH = {"S&ources"}


def qt_tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease of the venv that runs the tests."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def messages(ts_path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts_path).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in root.iter("context")
        for message in context.findall("message")
    }


@pytest.fixture
def french(qapp):
    install_translators(qapp, "fr")
    yield
    install_translators(qapp, "en")  # removes ours, so that later tests see English


def new_window(qtbot, tmp_path, name: str):
    """A window on a copy of one sample file (the same UUIDs for every window of a test)."""
    from desktop_app.store.sample import write_sample
    from desktop_app.ui.main_window import MainWindow

    QSettings().clear()
    sample = tmp_path / "sample.db"
    if not sample.exists():
        write_sample(sample)
    window = MainWindow(shutil.copy(sample, tmp_path / f"{name}.db"))
    qtbot.addWidget(window)
    window.set_as_of("2024-12-31")
    window.show()
    return window


def menu_actions(window) -> list[str]:
    """Every command's text in the menus, in order (File > Open Recent lists files: left out)."""
    texts = []
    for bar_action in window.menuBar().actions():
        texts.append(bar_action.text())
        for action in bar_action.menu().actions():
            if action.isSeparator():
                continue
            texts.append(action.text())
            if action.menu() is not None and action.menu() is not window.recent_menu:
                texts += [a.text() for a in action.menu().actions() if not a.isSeparator()]
    return texts


def test_every_string_of_the_french_catalogue_is_translated():
    found = messages(FRENCH_TS)
    unfinished = [key for key, t in found.items() if t.get("type") or not (t.text or "").strip()]
    assert unfinished == []
    contexts = {context for context, _ in found}
    assert {"Commands", "Menus", "MainWindow", "Status", "FilterBar", "Columns"} <= contexts


def test_the_catalogue_holds_every_string_the_code_marks(tmp_path):
    """lupdate run again into a copy finds no string the committed catalogue lacks (one would
    come in unfinished) and none it holds that the code dropped: run `make translations`."""
    copy = tmp_path / FRENCH_TS.name
    shutil.copy(FRENCH_TS, copy)
    command = [qt_tool("pyside6-lupdate"), "-extensions", "py", "-locations", "none"]
    command += ["-no-obsolete", "desktop_app/ui", "desktop_app/charts", "-ts", str(copy)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    assert messages(copy).keys() == messages(FRENCH_TS).keys()
    assert "unfinished" not in copy.read_text(encoding="utf-8")


def test_the_compiled_catalogue_is_the_one_the_ts_gives(tmp_path):
    compiled = tmp_path / "fr.qm"
    command = [qt_tool("pyside6-lrelease"), "-silent", str(FRENCH_TS), "-qm", str(compiled)]
    subprocess.run(command, check=True, capture_output=True)
    assert compiled.read_bytes() == FRENCH_QM.read_bytes()


def test_the_status_names_in_english_are_the_domain_ones():
    """ui/i18n.py writes them out for lupdate; domain/status.py is where they are defined."""
    for status, info in STATUS_INFO.items():
        assert (status_label(status), status_definition(status)) == (info.label, info.definition)


def test_the_window_speaks_french(french, qtbot, tmp_path):
    window = new_window(qtbot, tmp_path, "fr")
    bar = [action.text() for action in window.menuBar().actions()]
    assert bar == ["&Fichier", "É&dition", "Affic&hage", "Aid&e"]
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == [
        "E&ngagements",
        "Événemen&ts",
        "&Statistiques",
        "Tableau de &bord",
        "&Carte",
        "S&ources",
    ]
    assert window.update_status_action.text() == "Mettre à jour le stat&ut…"
    assert window.commitment_model.headerData(5, Qt.Orientation.Horizontal) == "Échéance"
    assert window.filter_bar.status.itemText(0) == "Tous les statuts"
    deadlines = window.dashboard_tab.deadlines
    assert deadlines.headerItem().text(0) == "Échéance"
    assert deadlines.accessibleName() == "Échéances à venir"
    assert window.sources_tab.table.horizontalHeaderItem(1).text() == "Éditeur"


def test_no_menu_command_is_left_in_english(qapp, qtbot, tmp_path):
    english = menu_actions(new_window(qtbot, tmp_path, "en"))
    install_translators(qapp, "fr")
    try:
        french = menu_actions(new_window(qtbot, tmp_path, "fr"))
    finally:
        install_translators(qapp, "en")
    assert len(french) == len(english) > 40
    untranslated = [e for e, f in zip(english, french, strict=True) if e == f]
    assert [text for text in untranslated if text not in SAME_IN_BOTH] == []


def test_no_two_french_mnemonics_clash(french, qtbot, tmp_path):
    window = new_window(qtbot, tmp_path, "fr")
    bar_menus = [action.menu() for action in window.menuBar().actions()]
    menus = bar_menus + [m for menu in bar_menus for m in menu.findChildren(QMenu)]
    for menu in menus:
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert clashing_mnemonics(texts) == {}, menu.title()
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    bar = [action.text() for action in window.menuBar().actions()]
    toolbar = dialog_mnemonic_texts(window.findChild(QWidget, "main_toolbar"))
    assert clashing_mnemonics(tabs + bar + toolbar) == {}
    assert clashing_mnemonics(tabs + bar + dialog_mnemonic_texts(window.centralWidget())) == {}


def test_status_names_are_french_on_screen_and_english_in_the_csv(qapp, qtbot, tmp_path):
    from desktop_app.ui.export_dialog import export_csv_to

    install_translators(qapp, "fr")
    try:
        french_window_exports(qtbot, tmp_path)
    finally:
        install_translators(qapp, "en")
    english = new_window(qtbot, tmp_path, "en")
    assert english.menuBar().actions()[0].text() == "&File"
    done: list = []
    export_csv_to(english, "view", tmp_path / "view-en.csv", excel=False, on_done=done.append)
    export_csv_to(english, "commitments", tmp_path / "all-en.csv", False, on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=10000)
    for name in ("view", "all"):
        french_bytes = (tmp_path / f"{name}-fr.csv").read_bytes()
        assert french_bytes == (tmp_path / f"{name}-en.csv").read_bytes()
    assert b"Fulfilled" in (tmp_path / "view-fr.csv").read_bytes()
    assert b"Tenu" not in (tmp_path / "view-fr.csv").read_bytes()


def french_window_exports(qtbot, tmp_path) -> None:
    """The French window shows French status names, then exports the view and the table."""
    from desktop_app.ui.export_dialog import export_csv_to

    window = new_window(qtbot, tmp_path, "fr")
    model = window.commitment_model
    shown = {model.index(row, 1).data() for row in range(model.rowCount())}
    assert "Tenu" in shown and "Fulfilled" not in shown
    fulfilled = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "Tenu")
    window.commitments_view.selectRow(fulfilled)
    qtbot.waitUntil(lambda: "Tenu" in window.detail.browser.toPlainText())
    assert "Historique" in window.detail.browser.toPlainText()
    done: list = []
    export_csv_to(window, "view", tmp_path / "view-fr.csv", excel=False, on_done=done.append)
    export_csv_to(window, "commitments", tmp_path / "all-fr.csv", False, on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=10000)


def test_the_language_chosen(qapp):
    assert chosen_language("fr") == "fr"
    assert chosen_language("fr_CA") == "fr"  # a French catalogue serves every French
    assert chosen_language("en") == "en"
    assert chosen_language("tlh") == "en"  # no Klingon catalogue: English
    assert install_translators(qapp, "en") == "en"
    assert translate("Menus", "&File") == "&File"


def run_python(code: str, **env: str) -> str:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


APP_MENU_FILE = (
    "from desktop_app.ui.app import create_application\n"
    "from desktop_app.ui.i18n import translate\n"
    "app = create_application({lang})\n"
    "print(translate('Menus', '&File'), translate('Status', 'Broken'))"
)


def test_the_system_locale_chooses_french_and_lang_overrides_it():
    french_system = {"LC_ALL": "fr_FR.UTF-8", "LANG": "fr_FR.UTF-8", "LANGUAGE": "fr"}
    assert run_python(APP_MENU_FILE.format(lang=None), **french_system) == "&Fichier Rompu"
    assert run_python(APP_MENU_FILE.format(lang="'en'"), **french_system) == "&File Broken"
    english_system = {"LC_ALL": "en_GB.UTF-8", "LANG": "en_GB.UTF-8", "LANGUAGE": "en"}
    assert run_python(APP_MENU_FILE.format(lang="'fr'"), **english_system) == "&Fichier Rompu"


def test_lang_does_not_break_the_command_line(tmp_path):
    target = tmp_path / "sample.db"
    main = "from desktop_app.__main__ import main; import sys; sys.exit(main(sys.argv[1:]))"
    for argv in (["--lang", "fr", "sample", str(target)], ["--lang", "fr", "check", "--db"]):
        argv = argv + ([str(target)] if argv[-1] == "--db" else [])
        result = subprocess.run(
            [sys.executable, "-c", main, *argv], cwd=ROOT, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
    assert '"integrity_check": "ok"' in result.stdout
    assert Status.FULFILLED.value == "fulfilled"


def test_the_french_dialogs_are_named_with_no_clashing_mnemonics(french, qtbot, tmp_path):
    """The editors, Update status and Export in French: every control still has a name, no
    two Alt+letters clash, and the field labels are French."""
    from desktop_app.ui.accessibility import unnamed_controls
    from tests.test_accessibility import editors

    window = new_window(qtbot, tmp_path, "fr")
    wrapped = ("commitment editor", "event editor", "statistic editor", "status dialog", "export")
    problems, titles = {}, {}
    for title, dialog in editors(window).items():
        dialog.show()
        qtbot.wait(5)
        if title == "status dialog":  # Qt's own catalogue (qtbase_fr) names the standard buttons
            buttons = {button.text() for button in dialog.findChildren(QPushButton)}
            assert "Annuler" in buttons and "Cancel" not in buttons
        if title in wrapped:
            clashes = clashing_mnemonics(dialog_mnemonic_texts(dialog))
            problems[title] = (unnamed_controls(dialog), clashes)
            titles[title] = dialog.windowTitle()
        dialog.reject()
    assert problems == {title: ([], {}) for title in wrapped}
    assert titles["commitment editor"] == "Nouvel engagement"
    assert titles["event editor"] == "Nouvel événement"
    assert titles["statistic editor"] == "Nouvelle statistique publiée"
    assert titles["status dialog"].startswith("Mettre à jour le statut : ")
    assert titles["export"] == "Exporter"


def test_the_french_window_screenshot(french, qtbot, tmp_path):
    """Writes docs/french-window.png: the main window in French, a kept commitment selected,
    with its history in the detail panel."""
    window = new_window(qtbot, tmp_path, "fr")
    window.resize(1400, 640)
    model = window.commitment_model
    kept = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "Tenu")
    window.commitments_view.selectRow(kept)
    qtbot.waitUntil(lambda: "Historique" in window.detail.browser.toPlainText())
    qtbot.wait(50)
    assert "Tenu" in window.detail.browser.toPlainText()
    # into docs/ only when asked: a test run must not change tracked files
    docs = ROOT / "docs" if os.environ.get("COMMITMENT_TRACKER_DOCS_SHOTS") else tmp_path
    assert window.grab().save(str(docs / "french-window.png"))
