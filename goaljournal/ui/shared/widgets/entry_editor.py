"""The entry editor: multi-line text with `@tag` completion, kind, star and links to goals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Label, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from goaljournal.core.models import ENTRY_KINDS, EntryTemplate
from goaljournal.ui.shared.template_picker import TemplatePicker
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.unsaved import UnsavedTextGuard
from goaljournal.ui.shared.widgets.tags import TagTextArea, tag_candidates


@dataclass(frozen=True)
class EntryDraft:
    """What the editor hands back: everything about an entry the user can write."""

    text: str
    kind: str = "reflection"
    starred: bool = False
    goal_ids: tuple[int, ...] = field(default=())


class EntryEditor(UnsavedTextGuard, ModalScreen[EntryDraft | None]):
    """Write or edit an entry. Dismisses with an ``EntryDraft``, or None when cancelled.

    `ctrl+s` saves; `escape` cancels, and asks for a second `escape` if something was changed (or,
    with ``text_unsaved``, if the draft's text is not saved anywhere yet: a paste handed over from
    Today), so one stray key never throws away what was written. `tab` moves on to the kind, the star and the
    goals (or completes the `@tag` being typed).
    """

    # Here, not in a screen's stylesheet: Today and Reflections both open it, whichever came first.
    DEFAULT_CSS = """
    EntryEditor {
        align: center middle;
    }
    EntryEditor #editor-dialog {
        width: 90%;
        max-width: 110;
        height: 85%;
        border: round $accent;
        border-title-color: $text-accent;
        border-subtitle-color: $text-muted;
        background: $surface;
        padding: 0 1;
    }
    EntryEditor #editor {
        height: 1fr;
    }
    EntryEditor #editor-warning {
        display: none;
        padding: 0 1;
    }
    EntryEditor #editor-tags {
        height: 1;
        padding: 0 1;
    }
    EntryEditor #editor-options {
        height: 1;
        margin: 1 0;
    }
    EntryEditor #editor-kind {
        width: 18;
        margin-right: 3;
    }
    EntryEditor #editor-goals {
        height: auto;
        max-height: 8;
        border: round $primary-muted;
        border-title-color: $text-accent;
    }
    EntryEditor #editor-goals:focus {
        border: round $accent;
    }
    EntryEditor .hint {
        width: 1fr;  /* a long hint wraps rather than being cut */
        color: $text-muted;
    }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
        # ctrl+t: TextArea binds no ctrl+t, and it types nothing.
        Binding("ctrl+t", "template", "Template", priority=True),
    ]

    def __init__(
        self,
        draft: EntryDraft | None = None,
        *,
        title: str = "New entry",
        tags: Sequence[str] = (),
        goals: Sequence[tuple[int, str]] = (),
        templates: Sequence[EntryTemplate] = (),
        text_unsaved: bool = False,
    ) -> None:
        """``templates``: those `ctrl+t` offers to start the entry from."""
        super().__init__()
        self.draft = draft or EntryDraft("")
        self.editor_title = title
        self.tags = list(tags)
        self.goals = list(goals)
        self.templates = list(templates)
        self.text_unsaved = text_unsaved
        self._loaded_text = self.draft.text

    def compose(self) -> ComposeResult:
        with Vertical(id="editor-dialog") as dialog:
            dialog.border_title = self.editor_title
            dialog.border_subtitle = "ctrl+s save · ctrl+t template · escape cancel" if self.templates else "ctrl+s save · escape cancel"
            yield TagTextArea(self.draft.text, tags=self.tags, id="editor", soft_wrap=True, show_line_numbers=False)
            yield Static(id="editor-warning")
            yield Static(id="editor-tags")
            with Horizontal(id="editor-options"):
                yield Select(
                    [(kind, kind) for kind in ENTRY_KINDS],
                    allow_blank=False,
                    value=self.draft.kind,
                    compact=True,
                    id="editor-kind",
                )
                yield Checkbox("★ starred", self.draft.starred, compact=True, id="editor-star")
            if self.goals:
                goals = SelectionList[int](
                    *(
                        Selection(user_content(title, single_line=True, width=70), goal_id, goal_id in self.draft.goal_ids)
                        for goal_id, title in self.goals
                    ),
                    id="editor-goals",
                )
                goals.border_title = "Linked goals (space toggles)"
                yield goals
            yield Label(
                Content("@word makes a tag: tab or → completes one you have used · tab moves on to kind, star, goals"),
                classes="hint",
            )

    def on_mount(self) -> None:
        editor = self.query_one(TagTextArea)
        # TextArea turns every kind of line break (\r\n, \r, U+2028, \x0b, ...) into \n. The text
        # as loaded stands for the entry's own text until the user changes it, so an entry opened
        # and saved unchanged keeps every byte; the user is told if an edit will change them.
        self._loaded_text = editor.text
        if self._loaded_text != self.draft.text:
            warning = self.query_one("#editor-warning", Static)
            warning.update(
                Content.styled(
                    "This entry has line breaks of other kinds (\\r, U+2028, ...): shown as plain line "
                    "breaks, and saved so if you change the text.",
                    "$text-warning",
                )
            )
            warning.display = True
        editor.move_cursor(editor.document.end)
        editor.focus()
        self._show_candidates()

    @property
    def current(self) -> EntryDraft:
        """The draft as the fields hold it now."""
        kind = self.query_one("#editor-kind", Select).value
        goal_ids = tuple(self.query_one("#editor-goals", SelectionList).selected) if self.goals else ()
        text = self.query_one(TagTextArea).text
        return EntryDraft(
            text=self.draft.text if text == self._loaded_text else text,
            kind=kind if isinstance(kind, str) else "reflection",
            starred=self.query_one("#editor-star", Checkbox).value,
            goal_ids=goal_ids,
        )

    @on(TextArea.Changed)
    @on(TextArea.SelectionChanged)
    def _show_candidates(self) -> None:
        editor = self.query_one(TagTextArea)
        hint = self.query_one("#editor-tags", Static)
        candidates = tag_candidates(editor.typed_before_cursor(), self.tags)
        hint.display = bool(candidates)
        if candidates:
            hint.update(
                Content.assemble(
                    ("tab completes ", "$text-muted"),
                    user_content(f"@{candidates[0]}", style="bold $text-accent"),
                    ("   also: " if len(candidates) > 1 else "", "$text-muted"),
                    user_content("  ".join(f"@{tag}" for tag in candidates[1:]), style="$text-accent"),
                )
            )

    def action_template(self) -> None:
        if not self.templates:
            self.app.notify("No template to offer here: ctrl+p, then \"Entry templates\", lists them.", severity="warning", markup=False)
            return
        self.app.push_screen(TemplatePicker(self.templates), self.use_template)

    def use_template(self, template: EntryTemplate | None) -> None:
        """Start the entry from ``template``: its text, below what is written already (nothing
        written is lost), and its kind; the cursor goes to its first blank to fill in."""
        if template is None:
            return
        editor = self.query_one(TagTextArea)
        if editor.text.strip():
            start = editor.document.end
            editor.insert(("" if editor.text.endswith("\n") else "\n") + "\n" + template.text, start)
            first_row = start[0] + 1
        else:
            editor.replace(template.text, (0, 0), editor.document.end)
            first_row = 0
        lines = editor.document.lines
        # A line the template leaves open ends in a space ("- ", "Feedback from : ").
        row = next((index for index in range(first_row, len(lines)) if lines[index].endswith(" ")), len(lines) - 1)
        editor.move_cursor((row, len(lines[row])))
        self.query_one("#editor-kind", Select).value = template.kind
        editor.focus()

    def action_save(self) -> None:
        draft = self.current
        if not draft.text.strip():
            self.app.notify("The entry is empty: write something, or press escape.", severity="warning", markup=False)
            return
        self.dismiss(draft)

    def form_state(self) -> EntryDraft:
        return self.current

    def has_unsaved_text(self) -> bool:
        current = self.current
        return current != self.draft or (self.text_unsaved and bool(current.text.strip()))
