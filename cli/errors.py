"""The exit statuses of ``hall`` and the error a command raises for bad usage.

Kept apart from ``cli.main`` so that every command module can raise
``UsageError`` without importing the entry point, and free of imports so that
``cli.main`` can take it before anything loads peewee.
"""

from __future__ import annotations

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command was given arguments it cannot use: one line on stderr, exit status 2."""
