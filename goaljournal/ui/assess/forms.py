"""Small keyboard forms of the self-assessment: an item, a skill name, a note, the summary.

Each form is a modal typed with its result (the values typed, or None when cancelled), so the
caller writes to the store and the form never does: a refused value loses nothing on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, TextArea

from goaljournal.core.models import FEEDBACK_SOURCES
from goaljournal.ui.shared.unsaved import UnsavedTextGuard
from goaljournal.ui.shared.widgets.safe_text import SafeInput, SafeTextArea


@dataclass(frozen=True, slots=True)
class Field:
    """One line of a form: ``choices`` makes it a Select, ``multiline`` a TextArea."""

    name: str
    label: str
    placeholder: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    multiline: bool = False


# What each kind of assessment item asks for, in order; the first field is the item's text.
ITEM_FIELDS: dict[str, tuple[Field, ...]] = {
    "strength": (
        Field("text", "Strength", "e.g. Turning messy data into clear numbers", required=True),
        Field("evidence", "Evidence: what happened that shows it", "e.g. Finance now reuses my attrition dataset"),
    ),
    "weakness": (
        Field("text", "Weakness", "e.g. Presenting to senior audiences", required=True),
        Field("evidence", "Evidence: what happened that shows it", "e.g. Froze at the CFO's question on sample size"),
        Field("cost", "What it costs", "e.g. Others present my work and get the credit"),
    ),
    "success": (
        Field("text", "What happened (a success)", "e.g. Delivered the survey analysis two weeks early", required=True),
        Field("learned", "What I learned", "e.g. Agreeing the questions up front removed the rework"),
    ),
    "failure": (
        Field("text", "What happened (a failure)", "e.g. The turnover report used the wrong denominator", required=True),
        Field("learned", "What I learned", "e.g. Reconcile headcount against payroll before publishing"),
    ),
    "feedback": (
        Field("source", "From whom", choices=FEEDBACK_SOURCES),
        Field("text", "What was said", "e.g. Lead with the 'so what', not the method", required=True),
        Field("action", "What I will do about it", "e.g. Open every deck with one recommendation slide"),
    ),
}
KIND_NAMES = {"strength": "strength", "weakness": "weakness", "success": "success", "failure": "failure", "feedback": "feedback"}


class FieldForm(UnsavedTextGuard, ModalScreen[dict[str, str] | None]):
    """A dialog of fields. Enter moves to the next field and saves from the last; ctrl+s saves;
    escape cancels (twice if something was typed). Dismisses with every field's value (text stripped), or None."""

    CSS_PATH = "assess.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str, fields: tuple[Field, ...], values: dict[str, str | None] | None = None) -> None:
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.values = values or {}
        self.chosen: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="assess-dialog") as dialog:
            dialog.border_title = self.form_title
            for field in self.fields:
                yield Label(Content(field.label), classes="assess-field-label")
                value = self.values.get(field.name) or ""
                if field.choices:
                    self.chosen[field.name] = value if value in field.choices else field.choices[0]
                    yield Select(
                        [(choice, choice) for choice in field.choices], value=self.chosen[field.name],
                        allow_blank=False, id=f"field-{field.name}",
                    )  # fmt: skip
                elif field.multiline:
                    yield SafeTextArea(value, id=f"field-{field.name}", soft_wrap=True, classes="assess-field-area")
                else:
                    yield SafeInput(value, placeholder=field.placeholder, id=f"field-{field.name}")
            hint = "enter next field · ctrl+s save · escape cancel"
            if any(field.choices for field in self.fields):
                hint = "enter next field (on a list: opens it, chooses) · tab next · ctrl+s save · escape cancel"
            yield Label(Content(hint), classes="assess-hint")

    def on_mount(self) -> None:
        self.query_one(f"#field-{self.fields[0].name}").focus()

    @on(Input.Submitted)
    def _input_done(self, event: Input.Submitted) -> None:
        event.stop()
        self._next_after(event.input.id)

    @on(Select.Changed)
    def _choice_made(self, event: Select.Changed) -> None:
        # As in every form, a choice stays in its list (tab moves on): the user sees what was chosen.
        name = (event.select.id or "").removeprefix("field-")
        self.chosen[name] = str(event.value)

    def _next_after(self, widget_id: str | None) -> None:
        names = [f.name for f in self.fields]
        index = names.index((widget_id or "").removeprefix("field-"))
        if index + 1 < len(names):
            self.query_one(f"#field-{names[index + 1]}").focus()
        else:
            self.action_save()

    def collect(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, Select):
                values[field.name] = str(widget.value)
            elif isinstance(widget, TextArea):
                values[field.name] = widget.text.strip()
            else:
                values[field.name] = self.query_one(f"#field-{field.name}", Input).value.strip()
        return values

    def action_save(self) -> None:
        values = self.collect()
        missing = next((f for f in self.fields if f.required and not values[f.name]), None)
        if missing is not None:
            self.app.notify(f"{missing.label} is empty: write it, or press escape to cancel.", severity="warning", markup=False)
            self.query_one(f"#field-{missing.name}").focus()
            return
        self.dismiss(values)


def item_form(kind: str, values: dict[str, str | None] | None = None) -> FieldForm:
    verb = "Edit" if values else "New"
    return FieldForm(f"{verb} {KIND_NAMES[kind]}", ITEM_FIELDS[kind], values)


def skill_name_form(name: str = "") -> FieldForm:
    title = "Rename skill" if name else "Add a skill"
    return FieldForm(title, (Field("name", "Skill", "e.g. Stakeholder management", required=True),), {"name": name})


def rating_note_form(skill: str, note: str | None) -> FieldForm:
    return FieldForm(f"Note on {skill}", (Field("note", "One line: why this rating?", "e.g. Fine with my team, nervous with the board"),), {"note": note})


def summary_form(summary: str | None) -> FieldForm:
    return FieldForm(
        "Your summary", (Field("summary", "Where do you stand? (ctrl+s saves)", multiline=True),), {"summary": summary}
    )
