"""User text in the Markdown export and the report is data: parsed by a real Markdown parser,
each text is in the node it belongs to, word for word, and none of it becomes structure (a
heading, a fence that swallows the rest, an HTML comment or tag, a list, a quote, a link)."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from goaljournal.cli import main
from goaljournal.core.text import markdown_block, markdown_inline
from goaljournal.store import Store

BODIES = [
    "```python\nthe fence is never closed",
    "~~~\na tilde fence",
    "<!-- the rest is hidden",
    "<script>alert(1)</script>",
    "<div>\nraw html block\n</div>",
    "Title\n===",
    "Subtitle\n---",
    "# not a heading ##",
    "> not a quote",
    "- not a list\n* nor this\n+ nor this",
    "1. not ordered\n2) nor this",
    "    not code",
    "[ref]: https://evil.example/\n[ref]",
    "| a | b |\n|---|---|\n| c | d |",
    "***\n___",
    "**not bold** _not em_ `not code` ~~not struck~~ [not](a-link) ![no](image.png)",
    "&amp; &lt;tag&gt; &#x41; &nbsp;",
    "back\\slash at the end\\",
    "a <http://autolink.example> and <me@example.com>",
    "trailing spaces   \nand a hard break",
    ": a definition",
    "first paragraph\n\nsecond <b>paragraph</b>\n\n\n   # third, indented",
]
GOAL_TITLE = "<script>alert('x')</script> # ## Ship *it* _now_ [x](y) ###"
WHY = "1. reasons\n# more <!-- hidden"
UNIT = "<b>hours</b>"
MILESTONE = "- [x] not really done"
PERSON = {"name": "<img src=x onerror=alert(1)>", "role": "# Manager", "organisation": "> Acme | Corp",
          "how_met": "```", "notes": "<!-- secret"}  # fmt: skip
TALK = {"notes": "Title\n===", "learned": "- [ ] x", "outcome": "`code", "follow_up": "<!-- call back"}

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
DATE_LINE = re.compile(r"\w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d")


def flat(text: str) -> str:
    return " ".join(text.split())


def plain(inline: Token) -> str:
    """What an inline node shows, as text; any markup in it fails the test."""
    out = []
    for child in inline.children or []:
        if child.type == "text":
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        else:
            raise AssertionError(f"{child.type} in {inline.content!r}")
    return "".join(out)


def shown(text: str) -> list[str]:
    """How a body should read: its paragraphs, lines kept, leading blanks as no-break spaces."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        lines = [line.rstrip() for line in block.split("\n")]
        lines = ["\xa0" * (len(line) - len(line.lstrip())) + line.lstrip() for line in lines]
        paragraphs.append("\n".join(lines))
    return paragraphs


@pytest.fixture
def hostile(store: Store) -> Store:
    goal = store.add_goal(GOAL_TITLE, why=WHY, unit=UNIT, target=10, deadline="2026-12-31")
    store.add_milestone(goal, MILESTONE)
    person = store.add_person(PERSON["name"], private=False, tags=["<b>"], **{k: v for k, v in PERSON.items() if k != "name"})
    store.add_interaction(person, "coffee", at="2026-11-20", follow_up_due="2026-11-30", **TALK)
    for number, body in enumerate(BODIES):
        store.add_entry(body, at=f"2026-11-{number + 1:02d} 09:00:00")
    return store


def export_markdown(db_path: Path) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--db", str(db_path), "export", "--format", "markdown"]) == 0
    return out.getvalue()


def test_no_user_text_becomes_markdown_structure(hostile: Store, db_path: Path) -> None:
    tokens = PARSER.parse(export_markdown(db_path))
    kinds = {token.type for token in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"html_block", "html_inline", "fence", "code_block", "hr", "blockquote_open", "table_open",
                        "ordered_list_open", "link_open", "image", "code_inline", "em_open", "s_open"}  # fmt: skip
    headings = [(t.tag, plain(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        ("h1", "goaljournal"), ("h2", "Goals"), ("h3", flat(GOAL_TITLE)), ("h2", "People"), ("h3", PERSON["name"]),
        ("h2", "Journal"), ("h3", "2026"), ("h4", "November 2026"),
    ]  # fmt: skip
    items = [plain(tokens[i + 2]) for i, t in enumerate(tokens) if t.type == "list_item_open"]
    assert items[:4] == [
        "active · by Thu 31 Dec 2026", f"Progress: 0 of 10 {UNIT} (0%)", f"Why: {flat(WHY)}", f"[ ] {MILESTONE}",
    ]  # fmt: skip
    assert items[4:7] == [f"contact · {PERSON['role']} · {PERSON['organisation']} · @<b>",
                          f"How we met: {PERSON['how_met']}", f"Notes: {PERSON['notes']}"]  # fmt: skip
    assert len(items) == 8 and all(flat(text) in items[7] for text in TALK.values())
    # Each body is the paragraphs after its own date line, word for word; bold is only the dates.
    bodies: list[list[str]] = []
    for i, token in enumerate(tokens):
        if token.type != "inline" or tokens[i - 1].type != "paragraph_open":
            continue
        if any(child.type == "strong_open" for child in token.children or []):
            texts = [child.content for child in token.children or [] if child.type == "text" and child.content]
            assert DATE_LINE.fullmatch(texts[0]), token.content
            bodies.append([])
        elif bodies:
            bodies[-1].append(plain(token))
    assert bodies == [shown(body) for body in BODIES]


def test_the_report_escapes_user_text_the_same_way(hostile: Store, db_path: Path) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--db", str(db_path), "report", "--period", "month", "--at", "2026-11-25", "--include-private"]) == 0
    tokens = PARSER.parse(out.getvalue())
    kinds = {token.type for token in tokens} | {c.type for t in tokens for c in t.children or []}
    leaks = [t.content for t in tokens if t.type == "inline" and any(c.type == "html_inline" for c in t.children or [])]
    assert not kinds & {"html_block", "html_inline", "fence", "code_block", "blockquote_open", "link_open", "code_inline"}, leaks
    titles = [plain(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h3"]
    assert flat(GOAL_TITLE) in titles


@pytest.mark.parametrize("text", BODIES + [GOAL_TITLE, WHY, MILESTONE, *PERSON.values(), *TALK.values()])
def test_each_text_alone_reads_as_written(text: str) -> None:
    inline = PARSER.parse(f"- {markdown_inline(text)}\n")
    assert [t.type for t in inline][:3] == ["bullet_list_open", "list_item_open", "paragraph_open"]
    assert plain(inline[3]) == flat(text)
    block = PARSER.parse(markdown_block(text) + "\n\nafter\n")
    paragraphs = [plain(t) for t in block if t.type == "inline"]
    assert {t.type for t in block} <= {"paragraph_open", "paragraph_close", "inline"}
    assert paragraphs == shown(text) + ["after"]


@pytest.mark.parametrize(("title", "body"), [
    ("Plain goal", "```\nan unclosed fence in one entry"),
    ("Plain goal", "<!-- an HTML comment left open"),
    ("<script>alert(1)</script>", "a plain entry"),
    ("Plain goal", "Title\n==="),
])  # fmt: skip
def test_one_hostile_text_leaves_the_rest_of_the_document_alone(store: Store, db_path: Path, title: str, body: str) -> None:
    store.add_goal(title)
    store.add_entry(body, at="2026-11-01 09:00:00")
    store.add_entry("The canary entry, written later", at="2026-11-02 09:00:00")
    tokens = PARSER.parse(export_markdown(db_path))
    assert not {t.type for t in tokens} & {"html_block", "fence", "code_block"}
    assert not any(c.type == "html_inline" for t in tokens for c in t.children or [])
    headings = [(t.tag, plain(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [("h1", "goaljournal"), ("h2", "Goals"), ("h3", title), ("h2", "Journal"),
                        ("h3", "2026"), ("h4", "November 2026")]  # fmt: skip
    paragraphs = [
        plain(t) for i, t in enumerate(tokens)
        if t.type == "inline" and tokens[i - 1].type == "paragraph_open" and not t.content.startswith("**")
    ]  # fmt: skip
    assert paragraphs[-1] == "The canary entry, written later" and body in paragraphs
