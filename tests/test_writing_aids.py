"""Reflection prompts and entry templates: the store's rules, the JSON round trip, Today's prompt,
the screens that manage them and the editor's template picker."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import NOW
from goaljournal.core.models import ENTRY_KINDS
from goaljournal.store import InvalidInput, NotFound, Store
from goaljournal.store.schema import BUILTIN_PROMPTS, BUILTIN_TEMPLATES
from goaljournal.store.transfer import export_data, import_data

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
