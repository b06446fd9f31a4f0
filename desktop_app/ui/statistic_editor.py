"""The editor for reported statistics (a figure someone published, with its period)."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QLineEdit, QPlainTextEdit

from desktop_app.domain import gazetteer
from desktop_app.domain.records import Statistic
from desktop_app.ui.base_dialog import RememberingDialog
from desktop_app.ui.date_fields import OptionalDateField
from desktop_app.ui.i18n import translate


def _number_field() -> QDoubleSpinBox:
    field = QDoubleSpinBox()
    field.setRange(-1e12, 1e12)
    field.setDecimals(2)
    return field


class StatisticEditor(RememberingDialog):
    def __init__(self, db, statistic: Statistic | None = None, parent=None) -> None:
        super().__init__(
            translate("StatisticEditor", "Edit statistic")
            if statistic
            else translate("StatisticEditor", "New reported statistic"),
            parent,
        )
        self.original = statistic
        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText(translate("StatisticEditor", "e.g. Attacks in Pakistan"))
        self.value = _number_field()
        self.unit = QLineEdit()
        self.period_start = OptionalDateField()
        self.period_end = OptionalDateField()
        self.baseline = QLineEdit()
        self.baseline.setPlaceholderText(
            translate("StatisticEditor", "optional value to compare with")
        )
        self.baseline_start = OptionalDateField()
        self.baseline_end = OptionalDateField()
        self.country = QLineEdit()
        self.country.setPlaceholderText(translate("StatisticEditor", "Country name or ISO code"))
        self.method = QPlainTextEdit()
        self.method.setFixedHeight(70)
        for label, widget in (
            (translate("StatisticEditor", "&Label"), self.label_edit),
            (translate("StatisticEditor", "&Value"), self.value),
            (translate("StatisticEditor", "&Unit"), self.unit),
            (translate("StatisticEditor", "Period &from"), self.period_start),
            (translate("StatisticEditor", "Period &to"), self.period_end),
            (translate("StatisticEditor", "&Baseline value"), self.baseline),
            (translate("StatisticEditor", "Baseline fr&om"), self.baseline_start),
            (translate("StatisticEditor", "Ba&seline to"), self.baseline_end),
            (translate("StatisticEditor", "&Country"), self.country),
            (translate("StatisticEditor", "&Method note"), self.method),
        ):
            self.form.addRow(label, widget)
        if statistic:
            self.label_edit.setText(statistic.label)
            self.value.setValue(statistic.value)
            self.unit.setText(statistic.unit)
            self.period_start.set_iso(statistic.period_start)
            self.period_end.set_iso(statistic.period_end)
            if statistic.baseline_value is not None:
                self.baseline.setText(f"{statistic.baseline_value:g}")
            self.baseline_start.set_iso(statistic.baseline_start)
            self.baseline_end.set_iso(statistic.baseline_end)
            self.country.setText(statistic.country_iso3 or "")
            self.method.setPlainText(statistic.method_note)

    def build_result(self) -> Statistic:
        country_text = self.country.text().strip()
        country = gazetteer.find_country(country_text) if country_text else None
        if country_text and country is None:
            raise ValueError(
                translate("StatisticEditor", "{text} is not a country name or ISO code").format(
                    text=repr(country_text)
                )
            )
        baseline_text = self.baseline.text().strip()
        try:
            baseline = float(baseline_text) if baseline_text else None
        except ValueError:
            message = translate("StatisticEditor", "the baseline {text} is not a number")
            raise ValueError(message.format(text=repr(baseline_text))) from None
        original = self.original
        return Statistic(
            label=self.label_edit.text(),
            value=self.value.value(),
            unit=self.unit.text(),
            period_start=self.period_start.iso(),
            period_end=self.period_end.iso(),
            baseline_value=baseline,
            baseline_start=self.baseline_start.iso(),
            baseline_end=self.baseline_end.iso(),
            country_iso3=country.iso3 if country else None,
            method_note=self.method.toPlainText(),
            place_id=original.place_id if original else None,
            source_id=original.source_id if original else None,
            uuid=original.uuid if original else None,
        )
