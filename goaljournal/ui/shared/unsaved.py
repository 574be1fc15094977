"""One rule for every form and dialog: typed, unsaved text is never thrown away by one key.

A form that holds text the user typed and has not saved asks before closing: the first `escape`
says "Unsaved text: press escape again to discard it", the second discards. A form holding
nothing new closes at once. Forms take the rule by inheriting :class:`UnsavedTextGuard` (before
their Screen class) and binding `escape` to ``cancel``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.content import Content
from textual.widgets import Footer, Static, TextArea

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMQuery

UNSAVED_TEXT_WARNING = "Unsaved text: press escape again to discard it"

_NOT_READ: Any = object()


class UnsavedTextWarning(Static):
    """The line at the bottom of a form that says a second escape discards what was typed."""

    DEFAULT_CSS = """
    UnsavedTextWarning {
        dock: bottom;
        height: 1;
        width: 100%;
        padding: 0 1;
        background: $warning;
        color: $text;
        text-style: bold;
    }
    """

    def __init__(self, save_key: str) -> None:
        super().__init__(Content(f"{UNSAVED_TEXT_WARNING}, {save_key} to save."))


class UnsavedTextGuard:
    """Mixin for a Screen or ModalScreen: ``action_cancel`` closes it (``dismiss(None)``) unless
    it holds unsaved text, in which case the first escape warns and a second one discards.

    What counts is :meth:`form_state` (by default every Input's and TextArea's text) against
    what it was once the form was shown, or :meth:`has_unsaved_text` where a form knows better
    (a new entry prefilled with pasted text is unsaved from the start). Typing anything after
    the warning asks again."""

    if TYPE_CHECKING:  # given by the Screen this is mixed into
        app: App[Any]

        def query(self, selector: str) -> DOMQuery[Any]: ...
        def mount(self, *widgets: Any) -> Any: ...
        def call_after_refresh(self, callback: Any) -> bool: ...
        def dismiss(self, result: Any = None) -> Any: ...

    SAVE_KEY = "ctrl+s"  # named by the warning as the way to keep the text instead
    _state_when_shown: Any = _NOT_READ
    _warned_at_state: Any = _NOT_READ

    def on_mount(self) -> None:
        # After the first refresh: the form's own on_mount may still fill in fields.
        self.call_after_refresh(self._remember_shown_state)

    def _remember_shown_state(self) -> None:
        if self._state_when_shown is _NOT_READ:
            self._state_when_shown = self.form_state()

    def form_state(self) -> Any:
        """Everything the user can type into the form, to tell whether anything was."""
        return tuple(widget.text if isinstance(widget, TextArea) else widget.value for widget in self.query("Input, TextArea"))

    def has_unsaved_text(self) -> bool:
        return self._state_when_shown is not _NOT_READ and self.form_state() != self._state_when_shown

    def may_discard(self) -> bool:
        """Whether the form may close without saving: nothing unsaved, or escape pressed again
        with nothing typed since the warning. Otherwise the warning is shown and False returned."""
        if not self.has_unsaved_text():
            return True
        state = self.form_state()
        if state == self._warned_at_state:
            return True
        self._warned_at_state = state
        self._show_warning(True)
        return False

    def _show_warning(self, shown: bool) -> None:
        # Docked widgets on one edge overlap: the warning stands in for a full screen's footer.
        for footer in self.query(Footer):
            footer.display = not shown
        warnings = self.query(UnsavedTextWarning)
        if shown and not warnings:
            self.mount(UnsavedTextWarning(self.SAVE_KEY))
        elif not shown:
            warnings.remove()

    def on_input_changed(self) -> None:
        self._typed_after_warning()

    def on_text_area_changed(self) -> None:
        self._typed_after_warning()

    def _typed_after_warning(self) -> None:
        # The warning holds only for the text it was given for: typing more asks again.
        if self._warned_at_state is not _NOT_READ and self.form_state() != self._warned_at_state:
            self._warned_at_state = _NOT_READ
            self._show_warning(False)

    def action_cancel(self) -> None:
        if self.may_discard():
            self.dismiss(None)

