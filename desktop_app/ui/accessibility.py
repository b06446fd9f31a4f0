"""What a screen reader hears: names and descriptions for controls, and the checks the tests use
to find a control that would be announced as nothing ("combo box", "edit", "table").

Qt gives a widget the text of its buddy label as its accessible name, except combo boxes and
spin boxes, which announce their current value as their name; so every combo box needs a name
set here, and a field in a form is named from its label so that no platform bridge has to
guess.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

#: the kinds of widget a user acts on (tab to, click, type into, read as a control)
INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,  # the charts
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
)


def name_widget(widget: QWidget, name: str, description: str = "", tip: bool = False) -> None:
    """Give widget the name a screen reader says; description adds what the name leaves out.
    With tip the description (or the name) also shows as a tooltip for sighted users."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    if tip:
        widget.setToolTip(description or name)


def set_tab_order(widgets: list[QWidget]) -> None:
    """Tab visits widgets in this order (the rest of the window's chain keeps its order)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


class _ButtonsInShownOrder(QObject):
    """When a button box is shown, Tab goes through its buttons left to right: the platform
    lays them out in its own order (Cancel before OK on some desktops), while Tab follows the
    order they were made in."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialogButtonBox):
            set_tab_order(sorted(watched.buttons(), key=lambda button: button.x()))
        return False


def buttons_in_shown_order(box: QDialogButtonBox) -> None:
    """Tab visits box's buttons in the order they are shown (see _ButtonsInShownOrder)."""
    box.installEventFilter(_ButtonsInShownOrder(box))


def plain_label(text: str) -> str:
    """A label's text as spoken: no mnemonic ampersand ('&&' stays one '&'), no trailing colon."""
    return re.sub(r"&(.)", r"\1", text).strip().rstrip(":").strip()


def prepare_form(form: QFormLayout) -> None:
    """Name each field of a form after its label (unless it has a name already), and let Tab
    move on from a multi-line field to the next one, as from any other field of the form (a
    text box would otherwise take the Tab as a character and hold the keyboard)."""
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if field is None or field.widget() is None:
            continue
        field_widget = field.widget()
        if isinstance(field_widget, QPlainTextEdit | QTextEdit):
            field_widget.setTabChangesFocus(True)
        label_widget = label.widget() if label is not None else None
        named = isinstance(label_widget, QLabel) and label_widget.text().strip()
        if named and not field_widget.accessibleName():
            field_widget.setAccessibleName(plain_label(label_widget.text()))


def form_fields(form: QFormLayout) -> list[QWidget]:
    """The fields of a form, top to bottom (the widgets, not nested layouts)."""
    fields = []
    for row in range(form.rowCount()):
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if field is not None and field.widget() is not None:
            fields.append(field.widget())
    return fields


def prepare_forms_under(root: QWidget) -> None:
    """prepare_form for every form laid out under root (a dialog, once it is filled)."""
    for form in root.findChildren(QFormLayout):
        prepare_form(form)


def spoken_name(widget: QWidget) -> str:
    """The name assistive technology gets for widget. A combo or spin box speaks its value in
    place of a name, which does not say what it is for: only an explicit name counts there."""
    if isinstance(widget, QComboBox | QAbstractSpinBox):
        return widget.accessibleName().strip()
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName()).strip()


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """The controls under root (and root itself) that are shown when root is shown."""
    found = [root, *root.findChildren(QWidget)]
    return [
        widget
        for widget in found
        if isinstance(widget, INTERACTIVE)
        and (widget is root or widget.isVisibleTo(root))
        and not _inner_part(widget)
    ]


def _inner_part(widget: QWidget) -> bool:
    """Parts of a composite control that are announced through their owner: the line edit in
    an editable combo box or spin box, the scroll bars of a view, a tab bar's scroll arrows."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return True
        if isinstance(widget, QHeaderView) and isinstance(parent, QAbstractItemView):
            return True  # a table announces its column headers with its cells
        if isinstance(widget, QAbstractSlider | QAbstractButton) and isinstance(
            parent, QAbstractItemView | QTabBar | QGraphicsView | QLineEdit
        ):
            return True  # a line edit's clear button is not a stop for Tab either
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    """A line for each control under root that a screen reader would announce without a name:
    what the accessibility test fails on."""
    return [
        f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        + f" in {type(widget.parentWidget()).__name__}"
        for widget in interactive_widgets(root)
        if not spoken_name(widget)
    ]


def mnemonic(text: str) -> str | None:
    """The Alt+letter a text such as '&File' or 'Save a &copy' gives, lower case ('&&' is a
    literal ampersand, not a mnemonic)."""
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def clashing_mnemonics(texts: list[str]) -> dict[str, list[str]]:
    """The letters two or more of these texts use as their mnemonic, with the texts."""
    letters = Counter(m for m in map(mnemonic, texts) if m)
    return {
        letter: [t for t in texts if mnemonic(t) == letter]
        for letter, count in letters.items()
        if count > 1
    }


def dialog_mnemonic_texts(root: QWidget) -> list[str]:
    """The texts that set mnemonics in one window or dialog: buttons, check boxes and labels
    with a buddy (a label without one has no shortcut), shown when root is."""
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        button = isinstance(widget, QAbstractButton) and not _inner_part(widget)
        if button or (isinstance(widget, QLabel) and widget.buddy() is not None):
            texts.append(widget.text())
    return texts
