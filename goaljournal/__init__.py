"""goaljournal: a keyboard-driven terminal journal for professional growth.

Kept import-free on purpose: the command line's fast paths import this package.
"""

__version__ = "0.1.0"
