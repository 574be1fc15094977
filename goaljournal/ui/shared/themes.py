"""goaljournal's own theme: high contrast, for bright rooms, projectors and tired eyes.

Textual's built-in themes soften text (muted greys, translucent text); this one keeps every
colour the screens use (accent, success, warning, error, muted text) at a contrast of 7:1 or
more on black, and the cursor row white on deep blue, where those colours stay readable.
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="goaljournal-high-contrast",
    primary="#4da3ff",
    secondary="#9ecbff",
    accent="#ffd75f",
    warning="#ffaf00",
    error="#ff7b7b",
    success="#5fff87",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1c1c1c",
    boost="#262626",
    dark=True,
    text_alpha=1.0,
    variables={
        "text-muted": "#d0d0d0",
        "text-disabled": "#a8a8a8",
        "border": "#ffffff",
        "border-blurred": "#a8a8a8",
        "block-cursor-foreground": "#ffffff",
        "block-cursor-background": "#003c9e",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": "#303030",
        "block-cursor-blurred-foreground": "#ffffff",
        "input-cursor-background": "#ffffff",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#003c9e",
        "footer-key-foreground": "#ffd75f",
        "footer-description-foreground": "#ffffff",
        "scrollbar": "#a8a8a8",
        "scrollbar-background": "#1c1c1c",
    },
)

THEMES = (HIGH_CONTRAST,)
