"""The suite's long attack loops, run longer: the seeded monkey on every screen and the app with two
command-line writers at once, at five times the rounds the suite runs (or ``--scale N``).

    python bench/attacks.py [--scale 5]

The suite keeps them short to stay within its time; this runs them as long as one wants, through
pytest, with GOALJOURNAL_ATTACK_SCALE set.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TESTS = (
    "tests/test_random_keys.py",
    "tests/test_crash_safety.py::test_the_app_and_two_command_line_writers_at_once_lose_nothing",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=5.0, help="times the suite's rounds (default 5)")
    args = parser.parse_args()
    if args.scale < 1:  # fewer rounds than the suite's may not reach every screen the test asks for
        parser.error("--scale must be 1 or more")
    env = {**os.environ, "GOALJOURNAL_ATTACK_SCALE": str(args.scale)}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:xdist", "--durations=0", *TESTS]
    return subprocess.run(command, cwd=REPO, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
