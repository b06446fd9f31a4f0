"""WCAG AA contrast (4.5:1 for normal text) for every status colour and its text, in a light
and a dark theme: the badge and table cell (text on the status colour) and the status colour
used as text (an overdue deadline, an error in a dialog)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.domain.contrast import (
    AA_NORMAL_TEXT,
    contrast_ratio,
    hue_degrees,
    readable_as_text,
    relative_luminance,
    text_on,
)
from desktop_app.domain.status import STATUS_INFO, Status
from desktop_app.ui.status_style import (
    status_badge_html,
    status_text_colour,
    text_colour_on,
    warning_text_colour,
)

#: (base, window) of a light and a dark theme: Qt's Fusion light palette and a common dark one
THEMES = {"light": ("#ffffff", "#efefef"), "dark": ("#1e1e1e", "#2d2d2d")}


def test_the_ratio_is_wcags():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # a known case
    assert contrast_ratio("#ffffff", "#777777") == contrast_ratio("#777777", "#ffffff")
    assert relative_luminance("#ffffff") == pytest.approx(1)


@pytest.mark.parametrize("status", list(Status))
def test_text_on_each_status_colour_meets_aa(status, qapp):
    colour = STATUS_INFO[status].colour
    text = text_colour_on(QColor(colour)).name()
    assert contrast_ratio(colour, text) >= AA_NORMAL_TEXT, (status, colour, text)
    assert f"color:{text}" in status_badge_html(status.value)  # the badge uses that text


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("status", list(Status))
def test_each_status_colour_as_text_meets_aa_in_both_themes(status, theme, qapp):
    for background in THEMES[theme]:
        text = status_text_colour(status, QColor(background)).name()
        assert contrast_ratio(text, background) >= AA_NORMAL_TEXT, (status, background, text)
        # still the status's colour: the same hue, give or take rounding
        original = STATUS_INFO[status].colour
        if status not in (Status.NOT_RATED,):  # a grey has no hue to keep
            turn = abs(hue_degrees(text) - hue_degrees(original)) % 360
            assert min(turn, 360 - turn) < 6, (status, original, text)


def test_the_old_white_text_on_broken_failed():
    """What the luminance guess chose before: white on Broken, 3.9:1."""
    broken = STATUS_INFO[Status.BROKEN].colour
    assert contrast_ratio(broken, "#ffffff") < AA_NORMAL_TEXT <= contrast_ratio(broken, "#000000")
    assert text_on(broken) == "#000000"


def test_a_readable_colour_is_left_as_it_is():
    assert readable_as_text("#000000", "#ffffff") == "#000000"
    deeper = readable_as_text("#D55E00", "#ffffff")
    assert deeper != "#D55E00" and relative_luminance(deeper) < relative_luminance("#D55E00")
    paler = readable_as_text("#D55E00", "#1e1e1e")
    assert relative_luminance(paler) > relative_luminance("#D55E00")


@pytest.mark.parametrize("theme", list(THEMES))
def test_warnings_follow_the_applications_palette(theme, qapp):
    base, window = THEMES[theme]
    saved = QApplication.palette()
    palette = QPalette(saved)
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    QApplication.setPalette(palette)
    try:
        assert contrast_ratio(warning_text_colour(), window) >= AA_NORMAL_TEXT
        overdue = status_text_colour(Status.BROKEN).name()
        assert contrast_ratio(overdue, base) >= AA_NORMAL_TEXT
    finally:
        QApplication.setPalette(saved)
