"""`@tags` inside journal text."""

from __future__ import annotations

import re

# A tag starts a word: "mail me@example.com" is not a tag, "@networking," is "networking".
TAG_PATTERN = re.compile(r"(?<![\w@])@(\w[\w-]*)")


def extract_tags(text: str) -> list[str]:
    """The distinct tags in ``text``, in order of first use, compared without case."""
    seen: dict[str, str] = {}
    for match in TAG_PATTERN.finditer(text):
        name = match.group(1).rstrip("-")
        seen.setdefault(name.casefold(), name)
    return list(seen.values())
