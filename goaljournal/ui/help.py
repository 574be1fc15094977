"""Help: every key, and a short guide to SMART goals."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# goaljournal

| Key | Where | What |
|---|---|---|
| `t` | anywhere | Today: what is due, check in on goals, reflect |
| `a` | anywhere | Self-assessment sessions |
| `g` | anywhere | Goals and their detail |
| `l` | anywhere | Timeline |
| `r` | anywhere | Reflections log |
| `p` | anywhere | People: mentors and contacts, conversations, follow-ups |
| `?` | anywhere | This help |
| `ctrl+p` | anywhere | Command palette |
| `q` | anywhere | Quit |
| `tab` / `shift+tab` | anywhere | Move between fields |
| `ctrl+s` / `escape` | a form or dialog | Save / cancel; with unsaved text, `escape` asks and a second `escape` discards it |
| `u` | anywhere but a text field | Undo the latest change made on this screen (a check-in, delete, edit, status, tick); again for the one before |
| `↑` `↓` `pgup` `pgdn` `home` `end` | lists | Move; `enter` opens |
| `enter` | today | In *Due*: mark the milestone done. In a goal's field: check in (`u` in the field takes it back) |
| `1`–`5` / `0` | today | Mood and energy for the day / clear |
| `ctrl+r` | today | Jump to the reflection box; `→` completes a `@tag` |
| `shift+tab` | today | From *Due*, up to *Needs a decision*: goals past their deadline, at their target or without a check-in for 3 weeks, and the self-assessment when due |
| `x` / `d` / `b` / `s` | a decision | Extend the deadline (new day and reason) / mark achieved / abandon (asks why) / pause; each kept as a revision |
| `z` / `enter` | a decision | Put it away for 7 days / open the goal, or start the self-assessment |
| `/` / `f` | reflections | Search the log / filter by tag, kind, star, goal and dates |
| `n` / `e` / `s` | reflections | New entry (`ctrl+s` saves, `escape` cancels) / edit / star |
| `d` / `u` / `T` | reflections | Delete (to the trash) / undo / show the trash (`enter` restores) |
| `P` `P` | reflections trash | Delete the highlighted entry for good (its words are wiped from the file; `y` removes it from the automatic backups too) |
| `n` / `b` | goals | Draft a new goal / a stepping stone under the selected one |
| `e` / `S` | goals | Edit the goal / change its status (asks why) |
| `s` / `c` / `h` | goals | Cycle the status, category and horizon filters |
| `enter` | goals | Open the goal: detail, milestones, check-ins, revisions |
| `m` | a goal | Go to its milestones: `n` add, `enter` edit, `space` done, `shift+↑↓` move, `d` remove |
| `c` | a goal | Go to its check-ins: `enter` or `e` corrects the value, day or note, `d` deletes (to the trash) |
| `y` / `m` / `n` | "did you mean …?" | A check-in far outside the goal's range: save it as typed / save what was likely meant / back to fix it |
| `ctrl+s` / `ctrl+n` | drafting | Save the goal / add a milestone |
| `n` | assess | Start a session, or resume the one in progress |
| `space` then `c` | assess | Mark two sessions and compare them side by side |
| `←` / `→` | a session | Previous / next step; every answer is kept as you go |
| `n` / `e` / `d` / `u` | a session | Add / edit / delete an answer / undo (a delete, an edit, a rating, a keep or drop, a retirement) |
| `k` / `e` / `d` | a session | "Still true?": keep / reword / drop a strength or weakness of your last session |
| `1`–`5` / `f2` / `x` | a session | Rate the skill (the cursor moves on to the next unrated one) / rename it / retire it |
| `G` | a session | Turn the weakness or low-rated skill into a goal |
| `ctrl+s` / `f` | a session | Save and finish later / finish (on the last step) |
| `1`–`4` / `-` `+` | timeline | Zoom: week, month, quarter, year / out, in |
| `[` `]` / `.` / `:` | timeline | Older / newer period / today / jump to a date ("March 2025") |
| `f` / `s` / `o` | timeline | Filter by goal, tag, kind / one goal's story / flip the order |
| `/` / `f` | people | Search name, role, organisation, notes and `@tags` / cycle the relationship filter |
| `n` / `e` / `c` | people | Add a person (private unless shared) / edit / log a conversation with them |
| `d` / `u` / `enter` | people | Delete (to the trash) / undo / open the person's page |
| `c` / `e` / `E` | a person | Log a conversation (follow-up "in a week", "by Friday") / edit it / edit the person |
| `x` or `space` | a person | Mark the conversation's follow-up done, or open again |
| `F` | a person | File the conversation as feedback in the current self-assessment |
| `d` / `u` | a person | Delete the conversation (to the trash) / undo |

On Today, type a number in a goal's field and press Enter to check in: `33` sets the
value, `+1` adds one to the latest. A goal counted per week, month or quarter ("5 client
reports per week") adds every check-in to its period: `2` and `+2` both add two, and it
reads "2 of 5 this week". A line in the reflection box becomes an entry; `@word` makes a tag.

## SMART goals

A goal you can act on is **S**pecific, **M**easurable, **A**chievable, **R**elevant and
**T**ime-bound. While you draft, the SMART panel checks each one as you type: ✓ met,
✗ not met, ? cannot tell yet.

- **Specific**: what you will do, and for whom. *Connect with five HR leaders*, not
  *network more*.
- **Measurable**: a number and a unit (*12 books*, *two events per month*, *by 15%*), or
  a result that is plainly done or not (*earn the PMP certification*).
- **Achievable**: stretching but realistic. Rate how sure you are (1–5); the coach also
  warns when the deadline is too near for the size of the target, or when five active
  goals already compete for your time.
- **Relevant**: why it matters. Say it in *Why*, or link the goal to a weakness from
  your self-assessment or to the longer-term goal it serves.
- **Time-bound**: a deadline. Type a date or a phrase: *within three months*, *by March
  31*, *over the next quarter*, *by the end of Q2*, *by year's end*, *in 2027*. The date it
  means is shown beside it.

| Not yet SMART | Why not | SMART |
|---|---|---|
| I want to be successful | nothing to do, count or date | Get promoted to senior analyst by the end of 2027, by leading two cross-team projects |
| Network more | no one named, no number, no date | Connect with five HR leaders in my industry over the next quarter |
| I'll learn coding soon | "coding" is broad; "soon" is no date | Finish the Python for Data Analysis course in two months |
| Improve my presentation skills | an area, not an action | Give three presentations at team meetings by the end of Q1 |
| Complete five client reports per week | measurable, but until when? | Complete five client reports per week for the next three months |
| Save more money | no amount, no date | Save $5,000 for an emergency fund by December 2027 |

A vague goal can still be saved: it stays a *draft*, clearly marked, until it is SMART.
Break long goals (5–10 years) into medium (1–3 years) and short ones (3–6 months) with
`b`, give each milestones on the timeline, check in often, and adjust: every change of
title, target, deadline or status asks for a short reason and is kept as a revision.

Press `escape` to close.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Markdown(HELP)
