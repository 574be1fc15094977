"""Help: every key, read from the bindings of the screens and widgets that hold it, and a short
guide to SMART goals. The keys of the screen it is opened on come first and in full, then those
that work everywhere, then every other screen's on one line each, as a reference card.

The app hands the help the classes to read (``KeyPlace``: where the keys work, and the classes
whose ``BINDINGS`` hold them), since the help may not import a feature. A key bound, rebound or
removed there changes the help with it; ``DETAILS`` only says more about an action the table
already lists (a test checks that each one still names a bound action).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Markdown

# Where keys work ("anywhere", "a goal"), and the classes whose own BINDINGS hold them there.
KeyPlace = tuple[str, Sequence[type[DOMNode]]]

# What an action does, said more fully than its footer label: "Class.action" as bound.
DETAILS = {
    "GoalJournalApp.switch_mode('today')": "Today: what is due, check in on goals, reflect",
    "GoalJournalApp.switch_mode('assess')": "Self-assessment sessions",
    "GoalJournalApp.switch_mode('goals')": "Goals and their detail",
    "GoalJournalApp.switch_mode('timeline')": "Timeline",
    "GoalJournalApp.switch_mode('reflections')": "Reflections log",
    "GoalJournalApp.switch_mode('people')": "People: mentors and contacts, conversations, follow-ups",
    "GoalJournalApp.switch_mode('trends')": "Trends: a heat map of check-in days, mood and energy",
    "GoalJournalApp.help": "This help",
    "JournalScreen.undo": "Undo the latest change made on this screen (a check-in, delete, edit, status, tick); again for the one before",
    "EntryEditor.save": "Save",
    "EntryEditor.cancel": "Cancel; with unsaved text, `escape` asks and a second `escape` discards it",
    "EntryEditor.template": "In the entry editor: start from a template (below any text written; the entry takes its kind)",
    "PromptsScreen.add": "Add a prompt (ctrl+p \"Reflection prompts\" opens the list)",
    "PromptsScreen.retire": "Retire the prompt, or restore a retired one (Today offers it again)",
    "TemplatesScreen.add": "Add a template (ctrl+p \"Entry templates\" opens the list)",
    "TemplatesScreen.edit": "Edit its name, kind and text (`enter` too)",
    "TemplatesScreen.retire": "Retire the template, or restore a retired one",
    "TodayScreen.focus_reflection": "Jump to the reflection box; `→` completes a `@tag`",
    "TodayScreen.next_prompt": "Another reflection prompt above the reflection box",
    "ScalePicker.step(-1)": "Mood or energy a step down / up",
    "ScalePicker.pick(1)": "Mood and energy for the day / clear",
    "DecisionList.decide('extend')": "Extend the deadline (new day and reason) / mark achieved / abandon (asks why) / pause; each kept as a revision",
    "DecisionList.later": "Put it away for 7 days",
    "DoubtDialog.dismiss('typed')": "A check-in far outside the goal's range: save it as typed",
    "DoubtDialog.meant": "Save what was likely meant",
    "DoubtDialog.dismiss(None)": "Back to fix it",
    "ReflectionsScreen.search": "Search the log",
    "ReflectionsScreen.filters": "Filter by tag, kind, star, goal and dates",
    "ReflectionsScreen.new_entry": "New entry (`ctrl+s` saves, `escape` cancels)",
    "ReflectionsScreen.edit_entry": "Edit the entry",
    "ReflectionsScreen.toggle_star": "Star the entry, or take its star away",
    "ReflectionsScreen.delete_entry": "Delete (to the trash)",
    "ReflectionsScreen.toggle_trash": "Show the trash (`enter` restores)",
    "ReflectionsScreen.purge_entry": "In the trash, twice: delete the highlighted entry for good (its words are wiped from the file; "
                                     "`y` removes it from the automatic backups too)",
    "GoalsScreen.new_goal": "Draft a new goal",
    "GoalsScreen.new_step": "Draft a stepping stone under the selected goal",
    "GoalsScreen.edit_goal": "Edit the goal",
    "GoalsScreen.change_status": "Change the goal's status (asks why)",
    "GoalsScreen.cycle_filter": "Cycle the status filter",
    "GoalsScreen.cycle_category": "Cycle the category filter",
    "GoalsScreen.cycle_horizon": "Cycle the horizon filter",
    "GoalDetailScreen.edit_goal": "Edit the goal",
    "GoalDetailScreen.change_status": "Change the goal's status (asks why)",
    "GoalDetailScreen.focus_milestones": "Go to its milestones",
    "GoalDetailScreen.focus_checkins": "Go to its check-ins",
    "GoalDetailScreen.new_step": "Draft a stepping stone under it",
    "MilestoneList.move(-1)": "Move the milestone up / down",
    "CheckinList.screen.edit_checkin": "Correct the value, day or note (`enter` too)",
    "CheckinList.screen.delete_checkin": "Delete (to the trash)",
    "GoalDraftScreen.save": "Save the goal",
    "AssessScreen.start": "Start a session, or resume the one in progress",
    "AssessScreen.mark": "Mark a session; mark two and compare them with `c`",
    "AssessScreen.compare": "Compare the two marked sessions side by side",
    "AssessScreen.toggle_chart": "Under 100 columns: the skills and the highlighted one's chart in the session's place, or the session back",
    "TrendsScreen.year(1)": "The year before the one shown",
    "TrendsScreen.year(-1)": "The year after it, up to today",
    "TrendsScreen.to_today": "Back to the year up to today",
    "AssessmentSession.previous_step": "Previous step; every answer is kept as you go",
    "AssessmentSession.next_step": "Next step",
    "AssessmentSession.add": "Add an answer",
    "AssessmentSession.edit": "Edit an answer, or reword one on \"Still true?\"",
    "AssessmentSession.drop": "\"Still true?\": drop a strength or weakness of your last session",
    "AssessmentSession.keep": "\"Still true?\": keep it",
    "AssessmentSession.undo": "Undo a delete, an edit, a rating, a keep or drop, a retirement",
    "AssessmentSession.rate(1)": "Rate the skill (the cursor moves on to the next unrated one) / clear",
    "AssessmentSession.rename_skill": "Rename the skill",
    "AssessmentSession.retire_skill": "Retire the skill",
    "AssessmentSession.make_goal": "Turn the weakness or low-rated skill into a goal",
    "AssessmentSession.finish": "Finish (on the last step)",
    "TimelineScreen.filter": "Filter by goal, tag, kind",
    "TimelineScreen.story": "One goal's story",
    "TimelineScreen.roadmap(True)": "Roadmap: the goals as bars across the months, or back to the list",
    "TimelineView.set_zoom('week')": "Zoom: week, month, quarter, year",
    "TimelineView.to_today": "Back to today",
    "TimelineView.jump": "Jump to a date (\"March 2025\")",
    "TimelineView.flip_order": "Flip the order",
    "PeopleScreen.search": "Search name, role, organisation, notes and `@tags`",
    "PeopleScreen.cycle_relationship": "Cycle the relationship filter",
    "PeopleScreen.new_person": "Add a person (private unless shared)",
    "PeopleScreen.edit_person": "Edit the person",
    "PeopleScreen.log_conversation": "Log a conversation with them",
    "PeopleScreen.trash_person": "Delete (to the trash)",
    "PersonScreen.log_conversation": "Log a conversation (follow-up \"in a week\", \"by Friday\")",
    "PersonScreen.edit_conversation": "Edit the conversation",
    "PersonScreen.toggle_follow_up": "Mark the conversation's follow-up done, or open again",
    "PersonScreen.file_feedback": "File the conversation as feedback in the current self-assessment",
    "PersonScreen.trash_conversation": "Delete the conversation (to the trash)",
    "PersonScreen.edit_person": "Edit the person",
}  # fmt: skip

# Keys no BINDINGS hold (Textual's own, and those a list or a field handles itself), listed
# after the bound keys of the same place: (keys, where they work, what they do).
OTHER_KEYS = {
    "anywhere": (
        ("`ctrl+p`", "anywhere", "Command palette: every screen, new goal or person, exports and reports"),
        ("`tab` `shift+tab`", "anywhere", "Move between fields"),
        ("`↑` `↓` `pgup` `pgdn` `home` `end`", "lists", "Move; `enter` opens"),
    ),
    "today": (
        ("`enter`", "today", "In *Due*: mark the milestone done. In a goal's field: check in (`u` in the field takes it back)"),
        ("`shift+tab`", "today", "From *Due*, up to *Needs a decision*: goals past their deadline, at their target or without "
                                 "a check-in for 3 weeks, and the self-assessment when due"),
        ("`tab`", "today", "From *Due*, down to *On this day*: what was written, achieved or decided on this date in "
                           "earlier years and a month ago; `enter` reads it"),
    ),
    "a decision": (("`enter`", "a decision", "Open the goal, or start the self-assessment"),),
}  # fmt: skip

# The places whose keys work on every screen (or every form): the help lists them in full
# wherever it is opened.
EVERYWHERE = ("anywhere", "anywhere but a text field", "a form or dialog")

TYPING = """\
On Today, type a number in a goal's field and press Enter to check in: `33` sets the
value, `+1` adds one to the latest. A goal counted per week, month or quarter ("5 client
reports per week") adds every check-in to its period: `2` and `+2` both add two, and it
reads "2 of 5 this week". A line in the reflection box becomes an entry; `@word` makes a tag.
"""

SMART_GUIDE = """\
## SMART goals

A goal you can act on is **S**pecific, **M**easurable, **A**chievable, **R**elevant and
**T**ime-bound. While you draft, the SMART panel checks each one as you type: ✓ met,
✗ not met, ? cannot tell yet.

- **Specific**: what you will do, and for whom. *Connect with five HR leaders*, not
  *network more*. A direction (*get better at Excel*, *learn Python*) or a status others
  decide (*become a thought leader*, *get a raise*) is not yet specific: name a result
  others could see, or say by how much.
- **Measurable**: a number and a unit (*12 books*, *two events per month*, *3x a week*,
  *by 15%*), or a result that is plainly done or not (*earn the PMP certification*,
  *update the handbook with the new policy*).
- **Achievable**: stretching but realistic. Rate how sure you are (1–5); the coach also
  warns when the deadline is too near for the size of the target, or when five active
  goals already compete for your time.
- **Relevant**: why it matters. Say it in *Why*, or link the goal to a weakness from
  your self-assessment or to the longer-term goal it serves.
- **Time-bound**: a deadline. Type a date or a phrase: *within three months*, *by March
  31*, *over the next quarter*, *by the end of Q2*, *by year's end*, *in 2027*. The date it
  means is shown beside it. Short forms read too: *in 6 wks*, *w/in 3 mos*, *2 yrs*.

| Not yet SMART | Why not | SMART |
|---|---|---|
| I want to be successful | nothing to do, count or date | Get promoted to senior analyst by the end of 2027, by leading two cross-team projects |
| Network more | no one named, no number, no date | Connect with five HR leaders in my industry over the next quarter |
| I'll learn coding soon | "coding" is broad; "soon" is no date | Finish the Python for Data Analysis course in two months |
| Improve my presentation skills | a direction, not a result | Give three presentations at team meetings by the end of Q1 |
| Get a raise | what others decide, not what you do | Ask for a 10% raise by March 31, with three wins to show my manager |
| Complete five client reports per week | measurable, but until when? | Complete five client reports per week for the next three months |
| Save more money | no amount, no date | Save $5,000 for an emergency fund by December 2027 |

A vague goal can still be saved: it stays a *draft*, clearly marked, until it is SMART.
Break long goals (5–10 years) into medium (1–3 years) and short ones (3–6 months) with
`b`, give each milestones on the timeline, check in often, and adjust: every change of
title, target, deadline or status asks for a short reason and is kept as a revision.
"""

# Key names as the help writes them, where Textual's symbol (⏎, esc, del) reads less plainly.
SPELLED = {"enter": "enter", "escape": "escape", "delete": "delete", "backspace": "backspace"}


@dataclass
class _Row:
    owner: str
    action: str
    keys: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


def _action_name(action: str) -> str:
    return action.partition("(")[0]


def _rows(owner: type[DOMNode]) -> list[_Row]:
    """``owner``'s own bindings, a row per action. A binding joins the row above when it is the
    same action (``d,delete``), has no label of its own, or is a hidden variant of it (``2``…``5``
    after ``1`` Rate, or the same key's other name: ``m`` Roadmap / List)."""
    rows: list[_Row] = []
    bindings: Iterable[BindingType] = owner.__dict__.get("BINDINGS", ())
    for binding in Binding.make_bindings(bindings):
        last = rows[-1] if rows else None
        joins = last is not None and (
            binding.action == last.action
            or not binding.description
            or (_action_name(binding.action) == _action_name(last.action) and (not binding.show or binding.key in last.keys))
        )
        if not joins or last is None:
            last = _Row(owner.__name__, binding.action)
            rows.append(last)
        if binding.key not in last.keys:
            last.keys.append(binding.key)
        if binding.description and binding.description not in last.labels:
            last.labels.append(binding.description)
    return rows


def key_text(key: str) -> str:
    """``ctrl+s``, ``shift+↑``, ``?``: a bound key as a person reads it."""
    *modifiers, name = key.split("+")
    return "+".join([*modifiers, SPELLED.get(name) or format_key(name)])


def _keys_cell(keys: list[str]) -> str:
    """The keys of a row, each in code; three or more digits in a row written as a range (``1``–``5``)."""
    runs: list[list[str]] = []
    for key in map(key_text, keys):
        last = runs[-1][-1] if runs else ""
        if key.isdigit() and last.isdigit() and len(key) == len(last) == 1 and int(key) == int(last) + 1:
            runs[-1].append(key)
        else:
            runs.append([key])
    return " ".join(f"`{run[0]}`–`{run[-1]}`" if len(run) >= 3 else " ".join(f"`{key}`" for key in run) for run in runs)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _everywhere_table(places: Sequence[KeyPlace]) -> str:
    """The keys that work on every screen (keys, what), each qualified by where it works unless
    that is anywhere: "*a form or dialog*: Save"."""
    lines = ["| Key | What |", "|---|---|"]
    for where, owners in places:
        rows = [(_keys_cell(row.keys), where, _what(row)) for owner in owners for row in _rows(owner)]
        for keys, shown, what in [*rows, *OTHER_KEYS.get(where, ())]:
            lines.append(f"| {keys} | {_cell(what if shown == 'anywhere' else f'*{shown}*: {what}')} |")
    return "".join(line + "\n" for line in lines)


def _what(row: _Row) -> str:
    return DETAILS.get(f"{row.owner}.{row.action}") or " / ".join(row.labels)


def _here_table(places: Sequence[KeyPlace]) -> str:
    """The keys of the screen the help was opened on, in full: (keys, what)."""
    lines = ["| Key | What |", "|---|---|"]
    for where, owners in places:
        lines.extend(f"| {_keys_cell(row.keys)} | {_cell(_what(row))} |" for owner in owners for row in _rows(owner))
        lines.extend(f"| {keys} | {_cell(what)} |" for keys, _, what in OTHER_KEYS.get(where, ()))
    return "".join(line + "\n" for line in lines)


def _short(row: _Row) -> str:
    """A row's key bar labels, without those that only repeat a key (``1``…``5``)."""
    return " / ".join(label for label in row.labels if label not in row.keys) or _what(row)


def _elsewhere_table(places: Sequence[KeyPlace]) -> str:
    """The other screens' keys, a line each: every key with its short label (the key bar's)."""
    lines = ["| Where | Keys |", "|---|---|"]
    for where, owners in places:
        keys = [f"{_keys_cell(row.keys)} {_short(row)}" for owner in owners for row in _rows(owner)]
        if keys:
            lines.append(f"| {_cell(where)} | {_cell(' · '.join(keys))} |")
    return "".join(line + "\n" for line in lines)


def bound_actions(places: Sequence[KeyPlace]) -> set[str]:
    """Every "Class.action" the places bind (a row's first binding names it, as in ``DETAILS``)."""
    return {f"{row.owner}.{row.action}" for _, owners in places for owner in owners for row in _rows(owner)}


WELCOME_LINE = "New here? `w` opens the welcome again: the daily loop, and a first goal or self-assessment.\n"


def help_markdown(places: Sequence[KeyPlace], here: Sequence[str] = ()) -> str:
    """The help: the keys of the places ``here`` (the screen it was opened on) first and in full,
    then the keys that work everywhere, the other places a line each, typing on Today, and the
    SMART guide."""
    current = [place for place in places if place[0] in here and place[0] not in EVERYWHERE]
    everywhere = [place for place in places if place[0] in EVERYWHERE]
    elsewhere = [place for place in places if place not in current and place not in everywhere]
    parts = ["# goaljournal help\n", WELCOME_LINE]
    if current:
        parts.append(f"## This screen: {', '.join(where for where, _ in current)}\n\n{_here_table(current)}")
    parts.append(f"## Everywhere\n\n{_everywhere_table(everywhere)}")
    parts.append(f"## Other screens\n\n{_elsewhere_table(elsewhere)}")
    parts.extend([TYPING, SMART_GUIDE, "Press `escape` to close.\n"])
    return "\n".join(parts)


class HelpScreen(ModalScreen[None]):
    """The help over the screen it was opened on; ``here`` names that screen's places (see
    ``help_markdown``)."""

    # Compact: the tables without rules between their rows, as a reference card.
    DEFAULT_CSS = """
    HelpScreen MarkdownTableContent { keyline: none; grid-gutter: 0 2; }
    HelpScreen MarkdownTableContent > .cell { padding: 0; }
    HelpScreen MarkdownTableContent > .header { padding: 0; }
    HelpScreen MarkdownTable { margin-bottom: 1; }
    HelpScreen MarkdownH1 { margin: 0; }
    HelpScreen MarkdownH2 { margin: 1 0 0 0; }
    """
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
        Binding("w", "app.welcome", "Welcome"),
    ]

    def __init__(self, places: Sequence[KeyPlace] = (), here: Sequence[str] = ()) -> None:
        super().__init__()
        self.places = places
        self.here = here

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Markdown(help_markdown(self.places, self.here))
