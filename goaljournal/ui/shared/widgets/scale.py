"""A 1–5 score picked from the keyboard, drawn as every rating is (●●●●○ for 4): the mood and
energy of a day, a goal's confidence."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from goaljournal.core.scale import SCALE, rating_dots


class ScalePicker(Widget, can_focus=True):
    """`1`–`5` pick a score, `left`/`right` step it, `0` or `backspace` clears it.

    Posts ``ScalePicker.Changed`` when the user changes it (not when the code sets ``value``).
    """

    DEFAULT_CSS = """
    ScalePicker {
        width: auto;
        height: 1;
        padding: 0 1;
    }
    ScalePicker:focus {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    """
    BINDINGS = [
        Binding("left", "step(-1)", "Less", show=False),
        Binding("right", "step(1)", "More", show=False),
        *(Binding(str(n), f"pick({n})", str(n), show=False) for n in range(1, SCALE + 1)),
        Binding("0,backspace,delete", "pick(0)", "Clear", show=False),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        def __init__(self, picker: ScalePicker, value: int | None) -> None:
            super().__init__()
            self.picker = picker
            self.value = value

        @property
        def control(self) -> ScalePicker:
            return self.picker

    def __init__(self, label: str, value: int | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self.set_reactive(ScalePicker.value, value)

    def render(self) -> Content:
        score = f"{self.value}/{SCALE}" if self.value else "–  "
        dots = (rating_dots(self.value), "$text-accent" if self.value else "$text-muted")
        return Content.assemble((self.label, "bold"), " ", dots, " ", (score, "$text-muted"))

    def _choose(self, value: int | None) -> None:
        if value != self.value:
            self.value = value
            self.post_message(self.Changed(self, value))

    def action_pick(self, value: int) -> None:
        self._choose(value or None)

    def action_step(self, delta: int) -> None:
        start = self.value or (0 if delta > 0 else SCALE + 1)
        self._choose(max(1, min(SCALE, start + delta)))

    def on_click(self, event: events.Click) -> None:
        # The dots start after "label " (and the left padding).
        index = event.x - 1 - len(self.label) - 1
        if 0 <= index < SCALE:
            self._choose(index + 1)
