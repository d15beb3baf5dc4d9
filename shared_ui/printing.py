"""Printing on an ESC/POS printer (python-escpos, the "printer" extra): the
kiosk's tickets and the notices handed to a resident at the counter.

The ticket is printed only after it is committed. A failed print never takes the
ticket back (no ghost numbers): the ticket stays valid and on screen, the
resident is told plainly, and staff see a ``kiosk.print_failed`` event on
the feed (and in the log).

``config.kiosk.printer`` names the printer: ``dummy``, ``usb:VENDOR:PRODUCT``
(hex, e.g. ``usb:0x04b8:0x0202``), ``network:HOST[:PORT]``,
``serial:/dev/ttyS0`` or ``file:/dev/usb/lp0``.

:func:`print_ticket`, :func:`print_booking` (a 预约's slip), :func:`print_notice`
and :func:`print_notices` (the notices of a visit's outcome) open the printer, print, cut and close it, and
raise :class:`PrintFailure` whatever went wrong;
:func:`print_text` prints one line on a printer already open.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

from models import clock
from models.i18n import pick, t
from models.plain_text import shown

log = logging.getLogger("hall.kiosk.printing")


class PrintFailure(Exception):
    """The ticket could not be printed; the text says why, for staff."""


def open_printer(spec):
    """A python-escpos printer for ``spec`` (or ``spec`` itself if it is one)."""
    if not isinstance(spec, str):
        return spec
    try:
        from escpos import printer as escpos_printer
    except ImportError:
        raise PrintFailure("python-escpos is not installed (pip install 'hall[printer]')") from None
    kind, _, rest = spec.partition(":")
    kind = kind.strip().lower()
    try:
        if kind == "dummy":
            return escpos_printer.Dummy()
        if kind == "usb":
            vendor, product = rest.split(":")[:2]
            return escpos_printer.Usb(int(vendor, 16), int(product, 16))
        if kind == "network":
            host, _, port = rest.partition(":")
            return escpos_printer.Network(host, port=int(port or 9100), timeout=5)
        if kind == "serial":
            return escpos_printer.Serial(devfile=rest)
        if kind == "file":
            return escpos_printer.File(devfile=rest)
    except PrintFailure:
        raise
    except Exception as exc:
        raise PrintFailure(f"printer {spec!r} cannot be opened: {exc}") from None
    raise PrintFailure(f"printer {spec!r}: unknown kind (dummy, usb, network, serial, file)")


@contextmanager
def _opened(spec):
    """The printer of ``spec``, open for the ``with`` block and closed after it;
    anything that fails in the block is raised as PrintFailure."""
    printer = open_printer(spec)
    try:
        yield printer
    except PrintFailure:
        raise
    except Exception as exc:
        raise PrintFailure(f"{type(exc).__name__}: {exc}") from None
    finally:
        try:
            printer.close()
        except Exception:
            pass


def print_text(printer, text: str) -> None:
    """One line of text on an open printer: a control character in a name or note is
    printed as its sign (␛), never sent as a printer command."""
    text = shown(text, lines=False)
    if text.isascii():
        printer.text(text + "\n")
    else:  # Chinese: GB18030 in the printer's Kanji mode (FS &), then back (FS .)
        printer._raw(b"\x1c\x26" + (text + "\n").encode("gb18030", errors="replace") + b"\x1c\x2e")


def ticket_lines(receipt, *, materials: list[str], language: str, zone) -> dict:
    """The words on the printed ticket."""
    windows = t("kiosk.list_separator", language).join(str(w) for w in receipt.windows) or "-"
    issued = clock.local(receipt.issued_at, zone)
    return {
        "number": receipt.number,
        "item": pick(receipt.item_name, receipt.item_name_en, language),
        "window": t("kiosk.ticket_window", language, windows=windows),
        "ahead": t("kiosk.ticket_ahead", language, ahead=receipt.ahead, minutes=receipt.wait_minutes)
        if receipt.ahead
        else t("kiosk.ticket_next", language),
        "time": t("printer.issued_at", language, date=issued.strftime("%Y-%m-%d"), time=issued.strftime("%H:%M")),
        "bring": [t("printer.bring", language)] + [f"{i}. {m}" for i, m in enumerate(materials, 1)]
        if materials
        else [],
        "code": t("kiosk.ticket_code", language, code=receipt.tracking_code),
        "footer": t("printer.footer", language),
    }


def print_ticket(spec, receipt, *, url: str, materials: list[str], language: str, zone):
    """Print one ticket; raises PrintFailure. Returns the printer used."""
    words = ticket_lines(receipt, materials=materials, language=language, zone=zone)
    with _opened(spec) as printer:
        printer.set(align="center", bold=True)
        print_text(printer, words["item"])
        printer.set(align="center", double_height=True, double_width=True, bold=True)
        print_text(printer, words["number"])
        printer.set(align="center", normal_textsize=True, bold=True)
        print_text(printer, words["window"])
        printer.set(align="left", normal_textsize=True, bold=False)
        print_text(printer, words["ahead"])
        print_text(printer, words["time"])
        for line in words["bring"]:
            print_text(printer, line)
        printer.set(align="center", normal_textsize=True)
        print_text(printer, words["code"])
        printer.qr(url, size=6, native=False, center=True)
        print_text(printer, words["footer"])
        printer.cut()
    return printer


def booking_lines(made, *, notice: str, language: str) -> dict:
    """The words on a booking's slip: the item, the code, when to come and the 一次性告知's
    reference (``notice``) — never the phone number or anything else of the resident's."""
    day = t("time.date_format", language, month=made.day.month, day=made.day.day)
    return {
        "title": t("kiosk_book.slip_title", language),
        "item": pick(made.item_name, made.item_name_en, language),
        "code": t("kiosk_book.slip_code", language, code=made.code),
        "when": t("kiosk_book.slip_when", language, day=day, time=made.time),
        "come": t("kiosk_book.slip_come", language, come_from=made.come_from, come_until=made.come_until),
        "notice": notice,
        "footer": t("kiosk_book.slip_footer", language),
    }


def print_booking(spec, made, *, url: str, notice: str, language: str):
    """Print one booking's slip, with the QR of its page (scanned at the kiosk, it checks in); raises PrintFailure."""
    words = booking_lines(made, notice=notice, language=language)
    with _opened(spec) as printer:
        printer.set(align="center", bold=True)
        print_text(printer, words["title"])
        print_text(printer, words["item"])
        printer.set(align="center", double_height=True, bold=True)
        print_text(printer, words["code"])
        printer.set(align="left", normal_textsize=True, bold=False)
        print_text(printer, words["when"])
        print_text(printer, words["come"])
        print_text(printer, words["notice"])
        printer.qr(url, size=6, native=False, center=True)
        printer.set(align="center", normal_textsize=True)
        print_text(printer, words["footer"])
        printer.cut()
    return printer


def print_notice(spec, *notices: str, url: str = "") -> None:
    """Print each notice (plain text) on its own slip, left-aligned, with the QR code of ``url``
    when given, in one go on the printer of ``spec``; raises PrintFailure."""
    with _opened(spec) as printer:
        for text in notices:
            printer.set(align="left", normal_textsize=True, bold=False)
            for line in (text or "").splitlines():
                print_text(printer, line)
            if url:
                printer.qr(url, size=6, native=False, center=True)
            printer.cut()


def print_notices(spec, outcome, *, language: str) -> None:
    """Print every notice of a visit's ``outcome`` (the counter's), each with the visit's QR code;
    raises PrintFailure. A failed print changes nothing that was saved: the notices stay on the clerk's
    screen. (``language`` is the clerk's; the notices are already written.)"""
    print_notice(spec, *(case.notice for case in outcome.cases), url=outcome.url)


def report_failure(hall, receipt, reason: str) -> None:
    """Tell staff: a line in the log and an event on the feed."""
    report_unprinted(hall, receipt.number, reason, what="ticket")


def report_unprinted(hall, number: str, reason: str, *, what: str) -> None:
    """Tell staff that ``what`` (a ticket, a booking's slip) ``number`` was not printed."""
    log.warning("%s %s was issued but not printed: %s", what, number, reason)
    try:
        from models import events
        from models.db import database

        with hall.db.connection_context():
            with database.atomic():
                kind = {} if what == "ticket" else {"what": what}  # a ticket's event as it always was
                events.record("kiosk.print_failed", None, number=number, reason=reason[:200], **kind)
    except Exception as exc:  # the database too: the log line must do
        log.warning("could not record the print failure: %s", exc)
