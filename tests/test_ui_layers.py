"""The UI's shape: a package per feature, features reached only through the app.

A feature package (today, goals, timeline, ...) may import core, store, ``ui.shared``, ``ui.nav``
and Textual, never another feature nor ``ui.app``: to show another feature's record it posts a
``ui.nav`` message and the app opens it. ``ui.shared``, ``ui.nav`` and ``ui.help`` import no
feature. Imports inside functions count (a lazy import is still a dependency); only imports under
``if TYPE_CHECKING:`` are left out, since they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import goaljournal.ui

UI = Path(goaljournal.ui.__file__).parent
FEATURES = sorted(p.name for p in UI.iterdir() if (p / "__init__.py").exists() and p.name != "shared")
MAX_LINES = 600


def _runtime_imports(tree: ast.AST) -> list[str]:
    """Every module a file imports when it runs (relative imports resolved to goaljournal.ui)."""
    found: list[str] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
            found.extend(f"{node.module}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _owner(module: str) -> str | None:
    """The UI part a module belongs to: a feature's name, "app", "shared", "nav", "help"."""
    parts = module.split(".")
    if parts[:2] != ["goaljournal", "ui"] or len(parts) < 3:
        return None
    return parts[2]


def _violations() -> list[str]:
    problems = []
    for path in sorted(UI.rglob("*.py")):
        relative = path.relative_to(UI.parent.parent).with_suffix("")
        importer = _owner(".".join(relative.parts))
        if importer in (None, "app"):
            continue  # ui/__init__.py, and the app, which is where features meet
        for module in _runtime_imports(ast.parse(path.read_text(), str(path))):
            imported = _owner(module)
            if imported is None or imported == importer or imported in ("shared", "nav"):
                continue
            if imported == "app" or imported in FEATURES:
                problems.append(f"{relative} imports {module}")
    return sorted(set(problems))


def test_features_are_packages_of_their_own() -> None:
    assert FEATURES == ["assess", "goals", "people", "reflections", "review", "timeline", "today", "trends", "welcome", "writing"]


def test_no_feature_imports_another_feature_or_the_app() -> None:
    assert _violations() == []


def test_the_walk_sees_a_feature_importing_another(tmp_path: Path) -> None:
    """The rule's own check: an import of another feature, even inside a function, is found."""
    source = "def f():\n    from goaljournal.ui.goals.screen import GoalDetailScreen\n"
    assert "goaljournal.ui.goals.screen" in _runtime_imports(ast.parse(source))
    guarded = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from goaljournal.ui.app import GoalJournalApp\n"
    assert "goaljournal.ui.app" not in _runtime_imports(ast.parse(guarded))


def test_no_ui_module_is_over_600_lines() -> None:
    long = {str(p.relative_to(UI)): n for p in UI.rglob("*.py") if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert long == {}


def test_every_stylesheet_ships_in_the_wheel() -> None:
    """Each .tcss a screen names exists beside it, and pyproject's package data carries it."""
    import fnmatch
    import re
    import tomllib

    patterns = tomllib.loads((UI.parent.parent / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["goaljournal"]
    sheets = sorted(UI.rglob("*.tcss"))
    assert len(sheets) >= 7
    for sheet in sheets:
        relative = sheet.relative_to(UI.parent).as_posix()
        assert any(fnmatch.fnmatch(relative, pattern) and relative.count("/") == pattern.count("/") for pattern in patterns), relative
    for module in UI.rglob("*.py"):
        for named in re.findall(r'CSS_PATH = "([^"]+)"', module.read_text()):
            assert (module.parent / named).is_file(), f"{module.relative_to(UI)} names {named}"
