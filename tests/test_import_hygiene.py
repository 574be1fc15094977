"""Import hygiene: the layers stay apart, and the command line's quick commands stay quick.

Each check runs in a fresh interpreter, since this test process has imported everything.
- store and core never import textual or rich (DESIGN.md §6);
- only store/schema.py imports sqlite_utils, and only when a journal is created or upgraded;
- importing goaljournal.cli, and running ``log``/``search``/... on an up-to-date journal, imports
  none of textual, rich, sqlite_utils, pendulum.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import NOW

import goaljournal

PACKAGE = Path(goaljournal.__file__).parent
HEAVY = ("textual", "rich", "sqlite_utils", "pendulum")

# Prints the heavy top-level packages loaded so far, as JSON.
LOADED = f"sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r})"


def _modules(package: str, *, skip: tuple[str, ...] = ()) -> list[str]:
    folder = PACKAGE / package
    names = [f"goaljournal.{package}"]
    for path in sorted(folder.glob("*.py")):
        if path.stem != "__init__" and path.name not in skip:
            names.append(f"goaljournal.{package}.{path.stem}")
    return names


CORE_MODULES = _modules("core")
STORE_MODULES = _modules("store", skip=("schema.py",))


def python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def loaded_after(code: str) -> list[str]:
    """The heavy packages a fresh interpreter has loaded after running ``code``."""
    return json.loads(python(f"import sys, json\n{code}\nprint(json.dumps({LOADED}))").splitlines()[-1])


def test_every_module_is_checked() -> None:
    assert "goaljournal.core.dates" in CORE_MODULES
    assert "goaljournal.store.journal" in STORE_MODULES and "goaljournal.store.transfer" in STORE_MODULES
    assert "goaljournal.store.schema" not in STORE_MODULES


@pytest.mark.parametrize("module", ["goaljournal", *CORE_MODULES])
def test_core_imports_no_ui_and_nothing_heavy(module: str) -> None:
    assert loaded_after(f"import {module}") == []


@pytest.mark.parametrize("module", STORE_MODULES)
def test_store_imports_no_ui_and_no_sqlite_utils(module: str) -> None:
    loaded = loaded_after(f"import {module}")
    assert "textual" not in loaded and "rich" not in loaded
    assert "sqlite_utils" not in loaded  # only schema.py, on create or upgrade
    assert loaded == []


def test_schema_is_where_sqlite_utils_lives() -> None:
    # The positive control: the probe does see sqlite_utils when it is imported.
    assert loaded_after("import goaljournal.store.schema") == ["sqlite_utils"]


def test_cli_import_is_light() -> None:
    assert loaded_after("import goaljournal.cli") == []


@pytest.fixture
def up_to_date_journal(tmp_path: Path) -> Path:
    from goaljournal.store import Store

    path = tmp_path / "journal.db"
    with Store.open(path, clock=lambda: NOW) as store:
        goal_id = store.add_goal("Run 100 km", target=100.0, unit="km")
        store.add_entry("an entry about the standup @work", goal_ids=[goal_id])
    return path


QUICK_COMMANDS = [
    ["log", "quick note @cli"],
    ["log", "linked", "--goal", "1", "--json"],
    ["search", "standup"],
    ["search", "standup", "--json"],
    ["checkin", "1", "+5"],
    ["goals"],
    ["tags", "--json"],
    ["goal", "add", "Another goal", "--deadline", "2027-01-31"],
    ["doctor"],
    ["met", "Priya Shah", "--note", "coffee chat", "--at", "2026-11-20"],
    ["met", "priya shah", "--kind", "call", "--follow-up", "2026-12-02", "--json"],
    ["people"],
    ["followups", "--json"],
    ["goal", "show", "1", "--json"],
    ["goal", "edit", "1", "--target", "60", "--reason", "more study", "--per", "week"],
    ["checkin", "edit", "1", "--value", "6"],
    ["milestone", "add", "1", "Book the exam", "--due", "in two weeks"],
    ["checkin", "delete", "1"],
    ["restore", "checkin", "1"],
]


def test_quick_commands_on_an_up_to_date_journal_stay_light(up_to_date_journal: Path) -> None:
    lines = [
        "import goaljournal.cli as cli",
        "seen = {}",
        f"for args in {QUICK_COMMANDS!r}:",
        f"    assert cli.main(['--db', {str(up_to_date_journal)!r}, *args]) == 0, args",
        f"    seen[' '.join(args)] = {LOADED}",
        "print(json.dumps(seen))",
    ]
    output = python("import sys, json\n" + "\n".join(lines))
    seen = json.loads(output.splitlines()[-1])
    assert seen == {" ".join(args): [] for args in QUICK_COMMANDS}


def test_creating_a_journal_does_load_sqlite_utils(tmp_path: Path) -> None:
    # The positive control for the check above: a new journal runs the migrations.
    code = f"import goaljournal.cli as cli\nassert cli.main(['--db', {str(tmp_path / 'new.db')!r}, 'log', 'x']) == 0"
    assert "sqlite_utils" in loaded_after(code)


def test_importtime_of_the_console_entry_point(up_to_date_journal: Path) -> None:
    """``python -X importtime -m goaljournal search``: no heavy package, and no UI module."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "goaljournal", "--db", str(up_to_date_journal), "search", "standup"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "standup" in done.stdout
    imported = [
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    ]
    assert "goaljournal.cli" in imported and "goaljournal.store.journal" in imported
    tops = {name.split(".")[0] for name in imported}
    assert tops.isdisjoint(HEAVY), sorted(tops & set(HEAVY))
    assert not [name for name in imported if name.startswith(("goaljournal.ui", "goaljournal.store.schema"))]
