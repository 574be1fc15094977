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
| `?` | anywhere | This help |
| `ctrl+p` | anywhere | Command palette |
| `q` | anywhere | Quit |
| `tab` / `shift+tab` | anywhere | Move between fields |
| `enter` | lists | Open, or mark a due milestone done |
| `/` | reflections | Search the log |
| `n` | reflections | New entry (`ctrl+s` saves, `escape` cancels) |
| `e` / `s` | reflections | Edit / star the entry |
| `s` | goals | Cycle the status filter |
| `[` / `]` / `.` | timeline | Older / newer months / back to today |

On Today, type a number in a goal's field and press Enter to check in: `33` sets the
value, `+1` adds one to the latest. A line in the reflection box becomes an entry;
`@word` makes a tag.

## SMART goals

A goal you can act on is **S**pecific, **M**easurable, **A**chievable,
**R**elevant and **T**ime-bound.

- *Vague:* "I want to be better at presenting."
- *SMART:* "Give three talks at team meetings by the end of Q2, to be ready for the
  regional conference."

- **Specific** — say what, and for whom: *connect with five HR leaders*, not *network more*.
- **Measurable** — a number and a unit: *12 books*, *two events per month*, *by 15%*.
- **Achievable** — stretching but realistic: how sure are you, from 1 to 5?
- **Relevant** — why it matters to your career, or which weakness it answers.
- **Time-bound** — a deadline: *within six months*, *by March 31*, *this quarter*.

Break long goals (5–10 years) into medium (1–3 years) and short ones (3–6 months), give
each milestones on the timeline, check in often, and adjust — every change is kept with
its reason.

Press `escape` to close.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Markdown(HELP)
