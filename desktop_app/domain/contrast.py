"""Contrast between colours as WCAG 2 defines it, and the text colour that reads on a status
colour or a status colour that reads as text. Colours are '#rrggbb' strings; no Qt.

WCAG 2.x, success criterion 1.4.3 (level AA): normal text needs a contrast ratio of at least
4.5:1 with its background, large text 3:1. The ratio is (L1 + 0.05) / (L2 + 0.05), L1 the
relative luminance of the lighter colour.
"""

from __future__ import annotations

import colorsys
from functools import lru_cache

#: WCAG AA for normal-size text
AA_NORMAL_TEXT = 4.5

BLACK, WHITE = "#000000", "#ffffff"


def _channels(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"{colour!r} is not a colour written as #rrggbb")
    red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def relative_luminance(colour: str) -> float:
    """0 for black, 1 for white (sRGB channels linearised, weighted as WCAG says)."""

    def linear(channel: float) -> float:
        if channel <= 0.04045:
            return channel / 12.92
        return ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """From 1 (the same) to 21 (black on white); the order of the colours does not matter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever contrasts more with background."""
    return (
        BLACK if contrast_ratio(background, BLACK) >= contrast_ratio(background, WHITE) else WHITE
    )


def hue_degrees(colour: str) -> float:
    return colorsys.rgb_to_hls(*_channels(colour))[0] * 360


@lru_cache(maxsize=256)  # asked for every overdue cell painted
def readable_as_text(colour: str, background: str, minimum: float = AA_NORMAL_TEXT) -> str:
    """colour itself when it reads as text on background; else the same hue and saturation,
    darker on a light background or lighter on a dark one, by the smallest step that reaches
    minimum (so the orange of Broken stays an orange, only deeper or paler)."""
    if contrast_ratio(colour, background) >= minimum:
        return colour
    hue, lightness, saturation = colorsys.rgb_to_hls(*_channels(colour))
    towards = -1 if relative_luminance(background) > 0.18 else 1  # 0.18: mid grey
    for step in range(1, 101):
        candidate = _hex(
            colorsys.hls_to_rgb(hue, min(1, max(0, lightness + towards * step / 100)), saturation)
        )
        if contrast_ratio(candidate, background) >= minimum:
            return candidate
    return text_on(background)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in rgb)
