"""Printing the notices handed to a resident at the counter.

The printing itself is :func:`shared_ui.printing.print_notice` (``config.kiosk.printer``
names the printer). A failed print changes nothing that was saved: the
notice stays on screen and the clerk is told plainly.
"""

from __future__ import annotations

from shared_ui.printing import PrintFailure, print_notice


def print_notices(spec: str, outcome, *, language: str) -> None:
    """Print every notice of ``outcome``, each with the visit's QR code; raises PrintFailure."""
    print_notice(spec, *(case.notice for case in outcome.cases), url=outcome.url)


__all__ = ["PrintFailure", "print_notices"]
