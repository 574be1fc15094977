"""Reflection prompts and entry templates: the store's rules, the JSON round trip, Today's prompt,
the screens that manage them and the editor's template picker."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import TextArea

from conftest import NOW, TODAY
from goaljournal.core.models import ENTRY_KINDS
from goaljournal.store import InvalidInput, NotFound, Store
from goaljournal.store.schema import BUILTIN_PROMPTS, BUILTIN_TEMPLATES
from goaljournal.store.transfer import export_data, import_data
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.shared.template_picker import TemplatePicker
from goaljournal.ui.shared.widgets.entry_editor import EntryEditor
from goaljournal.ui.today.render import prompt_for
from goaljournal.ui.today.screen import TodayScreen
from goaljournal.ui.today.widgets import ReflectionInput
from goaljournal.ui.writing.forms import TemplateForm
from goaljournal.ui.writing.screen import PromptsScreen, TemplatesScreen

# -- the store ------------------------------------------------------------------------------------


def test_a_new_journal_offers_the_built_in_prompts_and_templates(store: Store) -> None:
    assert [p.text for p in store.reflection_prompts()] == list(BUILTIN_PROMPTS)
    assert [(t.name, t.kind, t.text) for t in store.entry_templates()] == list(BUILTIN_TEMPLATES)


def test_prompts_are_added_last_retired_and_restored(store: Store) -> None:
    own = store.add_reflection_prompt("  Which conversation\nchanged my mind?  ")
    assert store.reflection_prompts()[-1].text == "Which conversation changed my mind?"
    first = store.reflection_prompts()[0]

    store.retire_reflection_prompt(first.id)
    store.retire_reflection_prompt(own)
    assert first.text not in [p.text for p in store.reflection_prompts()]
    every = store.reflection_prompts(retired=True)
    assert [p.text for p in every if p.retired] == [first.text, "Which conversation changed my mind?"]
    assert len(every) == len(BUILTIN_PROMPTS) + 1  # retired is not deleted

    store.restore_reflection_prompt(first.id)
    assert store.reflection_prompts()[0] == first


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("   ", "the prompt is empty"),
        ("what did i learn TODAY?", "there is already a prompt “what did i learn TODAY?”"),
        ("Why? " * 41, "keep it to 200"),
    ],
)
def test_a_bad_prompt_is_refused_in_one_sentence(store: Store, text: str, says: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        store.add_reflection_prompt(text)
    assert says in str(refused.value) and "\n" not in str(refused.value)
    assert len(store.reflection_prompts()) == len(BUILTIN_PROMPTS)


def test_a_retired_prompt_is_restored_rather_than_added_again(store: Store) -> None:
    store.retire_reflection_prompt(store.reflection_prompts()[0].id)
    with pytest.raises(InvalidInput, match="retired: restore it instead"):
        store.add_reflection_prompt(BUILTIN_PROMPTS[0])


def test_templates_are_added_edited_retired_and_restored(store: Store) -> None:
    retro = store.add_entry_template("Sprint retro", "lesson", "Retro @team\n\n## Keep\n- ")
    assert store.entry_templates()[-1].text == "Retro @team\n\n## Keep\n- "  # the last "- " kept

    assert store.update_entry_template(retro, name="Team retro", kind="win") is True
    assert store.update_entry_template(retro, name="Team retro") is False  # the same: nothing changed
    changed = store.get_entry_template(retro)
    assert (changed.name, changed.kind, changed.updated_at) == ("Team retro", "win", "2026-11-25T09:30:00Z")

    store.retire_entry_template(retro)
    assert "Team retro" not in [t.name for t in store.entry_templates()]
    assert store.entry_templates(retired=True)[-1].retired
    store.restore_entry_template(retro)
    assert store.entry_templates()[-1].name == "Team retro"


def test_bad_templates_are_refused(store: Store) -> None:
    one_on_one = store.entry_templates()[0]
    with pytest.raises(InvalidInput, match="there is already a template called “1:1 WITH MY MANAGER”"):
        store.add_entry_template("1:1 WITH MY MANAGER", "note", "Again")
    with pytest.raises(InvalidInput, match="unknown entry kind 'rant': choose one of " + ", ".join(ENTRY_KINDS)):
        store.add_entry_template("Rant", "rant", "Grr")
    with pytest.raises(InvalidInput, match="the template's text is empty"):
        store.add_entry_template("Blank", "note", " \n ")
    with pytest.raises(InvalidInput, match="keep it to 10,000"):
        store.add_entry_template("Huge", "note", "x" * 10_001)
    with pytest.raises(InvalidInput, match="there is already a template called “conference DAY”"):
        store.update_entry_template(one_on_one.id, name="conference DAY")
    with pytest.raises(NotFound):
        store.retire_entry_template(999)
    assert store.get_entry_template(one_on_one.id) == one_on_one
    assert len(store.entry_templates()) == len(BUILTIN_TEMPLATES)


def test_the_json_round_trip_keeps_the_users_own_and_their_retirements(store: Store, tmp_path: Path) -> None:
    store.add_reflection_prompt("Which conversation changed my mind?")
    store.retire_reflection_prompt(store.reflection_prompts()[1].id)  # a built-in
    store.add_entry_template("Sprint retro", "lesson", "Retro\n\n## Keep\n- ")
    data = export_data(store)

    with Store.open(tmp_path / "other.db", clock=lambda: NOW) as other:
        other.add_reflection_prompt("Which CONVERSATION changed my mind?")  # the same words, its own uuid
        added = import_data(other, data)
        assert (added["reflection_prompts"], added["entry_templates"]) == (0, 1)
        assert import_data(other, data)["entry_templates"] == 0

        prompts = other.reflection_prompts(retired=True)
        assert len(prompts) == len(BUILTIN_PROMPTS) + 1  # no built-in twice
        assert [p.text for p in prompts if p.retired] == [BUILTIN_PROMPTS[1]]
        assert BUILTIN_PROMPTS[1] not in [p.text for p in other.reflection_prompts()]
        assert [t.name for t in other.entry_templates()] == [name for name, _, _ in BUILTIN_TEMPLATES] + ["Sprint retro"]
        assert other.check() == []


# -- Today's prompt ----------------------------------------------------------------------------------


def test_the_prompt_changes_from_day_to_day_and_takes_turns() -> None:
    prompts = ["One?", "Two?", "Three?"]
    days = [TODAY + timedelta(days=n) for n in range(3)]
    assert sorted(prompt_for(prompts, day) for day in days) == sorted(prompts)  # each once in three days
    assert prompt_for(prompts, TODAY, 1) == prompt_for(prompts, TODAY + timedelta(days=1))
    assert prompt_for([], TODAY) is None


async def test_today_offers_an_active_prompt_ctrl_o_the_next_and_a_retired_one_no_more(store: Store) -> None:
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.screen.query_one("#reflection", ReflectionInput)
        offered = line.prompt
        assert offered == prompt_for(BUILTIN_PROMPTS, TODAY) and offered in str(line.border_title)
        await pilot.press("ctrl+r", "ctrl+o")  # from inside the line, which takes no letter for it
        following = BUILTIN_PROMPTS[(BUILTIN_PROMPTS.index(offered) + 1) % len(BUILTIN_PROMPTS)]
        assert line.prompt == following and line.value == ""

        await pilot.press("escape")
        app.open_writing_aids("PromptsScreen")
        await pilot.pause()
        assert isinstance(app.screen, PromptsScreen)
        await pilot.press(*["down"] * BUILTIN_PROMPTS.index(following), "x")  # the prompt on offer
        await pilot.pause()
        assert following in [p.text for p in store.reflection_prompts(retired=True) if p.retired]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert line.prompt in BUILTIN_PROMPTS and line.prompt != following
        for _ in BUILTIN_PROMPTS:
            await pilot.press("ctrl+o")
            assert line.prompt != following


# -- templates in the editor ---------------------------------------------------------------------------


async def test_a_template_chosen_in_the_editor_starts_the_entry_and_sets_its_kind(store: Store) -> None:
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "n")
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, TemplatePicker)
        await pilot.press("enter")  # the first: "1:1 with my manager"
        await pilot.pause()
        await pilot.press(*"Roadmap for Q1", "ctrl+s")
        await pilot.pause()
    (entry,) = store.entries()
    template = BUILTIN_TEMPLATES[0][2]
    assert entry.text == template.replace("## Discussed\n- ", "## Discussed\n- Roadmap for Q1", 1)
    assert entry.kind == "note" and entry.tags == ["one-on-one"]


async def test_a_template_goes_below_text_already_written(store: Store) -> None:
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "n", *"Before the 1:1", "ctrl+t", "down", "down", "down", "enter")
        await pilot.pause()
        await pilot.press(*"Ana", "ctrl+s")
        await pilot.pause()
    (entry,) = store.entries()
    assert entry.text == "Before the 1:1\n\n" + BUILTIN_TEMPLATES[3][2].replace("Feedback from : ", "Feedback from : Ana", 1)
    assert entry.kind == "feedback"


async def test_templates_are_added_edited_and_retired_from_their_screen(store: Store) -> None:
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_writing_aids("TemplatesScreen")
        await pilot.pause()
        await pilot.press("n", *"Sprint retro", "enter")
        app.screen.query_one("#template-text", TextArea).insert("Retro @team\n- ")
        await pilot.press("escape")  # text typed: the first escape only warns
        await pilot.pause()
        assert isinstance(app.screen, TemplateForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TemplatesScreen)
        retro = store.entry_templates()[-1]
        assert (retro.name, retro.kind, retro.text) == ("Sprint retro", "note", "Retro @team\n- ")

        await pilot.press("e", "end", *" notes", "ctrl+s")  # the cursor stays on the new one
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
    assert store.get_entry_template(retro.id).name == "Sprint retro notes"
    assert store.get_entry_template(retro.id).retired
    assert "Sprint retro notes" not in [t.name for t in store.entry_templates()]
