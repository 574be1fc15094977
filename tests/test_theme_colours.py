"""The app's colours come from the theme, in the variables Textual makes for text, so every theme
(dark, light, high contrast) keeps the screens readable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

import goaljournal
from goaljournal.ui.shared.themes import HIGH_CONTRAST

UI = Path(goaljournal.__file__).parent / "ui"
TEXT_COLOURS = ("text-accent", "text-success", "text-warning", "text-error", "text-primary", "text-secondary", "foreground")
# A theme's accent, success, warning and error are made for fills and borders: as text they can
# vanish (textual-light's accent is 1.5:1 on its background, textual-dark's secondary 1.9:1).
FILL_COLOUR = re.compile(r"""["'](?:bold |italic |underline )*\$(accent|success|warning|error|primary|secondary)["']""")
FILL_AS_TEXT = re.compile(r"(?<![-\w])(color|border-title-color|border-subtitle-color): *\$(accent|success|warning|error|primary|secondary)\b")


def _contrast(one: Color, other: Color) -> float:
    def luminance(colour: Color) -> float:
        def channel(value: int) -> float:
            value_ = value / 255
            return value_ / 12.92 if value_ <= 0.03928 else ((value_ + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_is_styled_in_the_themes_text_colours() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")) + sorted(UI.rglob("*.tcss")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if FILL_COLOUR.search(line) or FILL_AS_TEXT.search(line):
                found.append(f"{path.relative_to(UI)}:{number}: {line.strip()}")
    assert not found, "text in a fill colour (use $text-accent, $text-error, ...):\n" + "\n".join(found)


@pytest.mark.parametrize(("theme", "least"), [
    (BUILTIN_THEMES["textual-dark"], 4.5),
    (BUILTIN_THEMES["textual-light"], 3.0),
    (BUILTIN_THEMES["solarized-light"], 4.5),
    (BUILTIN_THEMES["nord"], 4.5),
    (HIGH_CONTRAST, 7.0),
])  # fmt: skip
def test_the_text_colours_are_readable_on_the_background(theme, least: float) -> None:  # type: ignore[no-untyped-def]
    variables = theme.to_color_system().generate()
    background = Color.parse(variables["background"])
    low = {name: round(_contrast(Color.parse(variables[name]), background), 1) for name in TEXT_COLOURS}
    assert min(low.values()) >= least, low


def test_the_high_contrast_cursor_keeps_every_text_colour_readable() -> None:
    variables = HIGH_CONTRAST.to_color_system().generate()
    cursor = Color.parse(variables["block-cursor-background"])
    contrasts = {name: round(_contrast(Color.parse(variables[name]), cursor), 1) for name in TEXT_COLOURS}
    assert min(contrasts.values()) >= 4.5, contrasts
