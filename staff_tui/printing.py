"""Printing the notices handed to a resident at the counter.

Uses the kiosk's printer support (:mod:`kiosk.printing`: ``config.kiosk.printer``
names the printer). A failed print changes nothing that was saved: the
notice stays on screen and the clerk is told plainly.
"""

from __future__ import annotations

from kiosk.printing import PrintFailure, _text, open_printer


def print_notices(spec: str, outcome, *, language: str) -> None:
    """Print every notice of ``outcome`` and its QR code; raises PrintFailure."""
    printer = open_printer(spec)
    try:
        for case in outcome.cases:
            printer.set(align="left", normal_textsize=True, bold=False)
            for line in (case.notice or "").splitlines():
                _text(printer, line)
            if outcome.url:
                printer.qr(outcome.url, size=6, native=False, center=True)
            printer.cut()
    except Exception as exc:
        raise PrintFailure(f"{type(exc).__name__}: {exc}") from None
    finally:
        try:
            printer.close()
        except Exception:
            pass


__all__ = ["PrintFailure", "print_notices"]
