"""The README documents every command of the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from goaljournal.cli import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser, prefix: str = "goaljournal") -> list[str]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = _commands(sub, f"{prefix} {name}")
                found.extend(nested or [f"{prefix} {name}"])
    return found


def test_every_command_is_in_the_readme() -> None:
    commands = _commands(build_parser())
    assert "goaljournal goal add" in commands and "goaljournal log" in commands
    missing = [command for command in commands if f"`{command}" not in README]
    assert not missing, f"not documented in README.md: {missing}"


def test_every_option_of_every_command_is_in_the_readme() -> None:
    parser = build_parser()
    missing = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                subs = [sub]
                for inner in sub._actions:
                    if isinstance(inner, argparse._SubParsersAction):
                        subs = list(inner.choices.values())
                for each in subs:
                    for option in each._actions:
                        for flag in option.option_strings:
                            if flag.startswith("--") and flag not in ("--help", "--db", "--json") and flag not in README:
                                missing.append(f"{name} {flag}")
    assert not missing, f"options not documented in README.md: {missing}"
