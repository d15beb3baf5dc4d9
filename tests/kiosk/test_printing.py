"""Ticket printing (ESC/POS through python-escpos): after the commit, and a
failed print leaves the ticket valid and says so to resident and staff."""

from __future__ import annotations

import pytest
from escpos.printer import Dummy

from models.schema import Event, Ticket
from shared_ui.printing import PrintFailure, open_printer, print_ticket
from shared_ui.words import tr
from tests.kiosk.conftest import make_kiosk, on_screen, open_item, screen_text, tap, wait_for


class BrokenPrinter(Dummy):
    def _raw(self, msg):
        raise OSError("paper out")


def receipt_for(hall):
    return hall.queue.take("hukou-in")


def test_a_ticket_prints_number_window_time_materials_code_and_qr(hall):
    receipt = receipt_for(hall)
    printer = Dummy()
    print_ticket(
        printer,
        receipt,
        url="https://hall.example.cn/t/" + receipt.tracking_code,
        materials=["身份证（原件）"],
        language="zh",
        zone=hall.config.zone,
    )
    out = printer.output
    assert receipt.number.encode() in out
    assert "请您到 1 号窗口办理".encode("gb18030") in out
    assert "身份证（原件）".encode("gb18030") in out
    assert receipt.tracking_code.encode() in out
    assert "取号时间：2026-11-23 09:30".encode("gb18030") in out
    assert b"\x1dV" in out  # cut
    assert len(out) > 500  # the QR image


def test_english_ticket_prints_plain_text(hall):
    receipt = receipt_for(hall)
    printer = Dummy()
    print_ticket(
        printer,
        receipt,
        url=receipt.tracking_code,
        materials=["ID card (original)"],
        language="en",
        zone=hall.config.zone,
    )
    assert b"Please go to window 1" in printer.output and b"ID card (original)" in printer.output


def test_a_failing_printer_raises_print_failure(hall):
    receipt = receipt_for(hall)
    with pytest.raises(PrintFailure) as failed:
        print_ticket(BrokenPrinter(), receipt, url="x", materials=[], language="zh", zone=hall.config.zone)
    assert "paper out" in str(failed.value)


def test_printer_names():
    assert isinstance(open_printer("dummy"), Dummy)
    with pytest.raises(PrintFailure):
        open_printer("carrier-pigeon:1")


async def test_failed_print_keeps_the_ticket_and_tells_everyone(hall, monkeypatch):
    import shared_ui.printing as printing

    monkeypatch.setattr(printing, "open_printer", lambda spec: BrokenPrinter())
    app = make_kiosk(hall, "zh", printer="dummy")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_item(pilot, "take", "jisheng", "baby-hukou")
        await tap(pilot, "#normal")
        await on_screen(pilot, "TicketScreen")
        number = app.screen.receipt.number
        await wait_for(pilot, lambda: "号票未能打印" in screen_text(app))
        assert number in screen_text(app)  # still on screen, still valid
    assert Ticket.select().count() == 1 and Ticket.get().status == "waiting"
    failed = Event.get(Event.kind == "kiosk.print_failed")
    assert failed.data["number"] == number and "paper out" in failed.data["reason"]


async def test_dummy_printer_prints_after_the_ticket_is_taken(hall, monkeypatch):
    import shared_ui.printing as printing

    printed = []

    def dummy(spec):
        printer = Dummy()
        printed.append((printer, Ticket.select().count()))
        return printer

    monkeypatch.setattr(printing, "open_printer", dummy)
    app = make_kiosk(hall, "en", printer="dummy")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "take", "jisheng", "baby-hukou")
        await tap(pilot, "#normal")
        await on_screen(pilot, "TicketScreen")
        await wait_for(pilot, lambda: tr("kiosk.printed") in screen_text(app))
    printer, tickets_when_printing = printed[0]
    assert tickets_when_printing == 1  # committed before printing
    assert b"A001" in printer.output


def test_notices_print_one_slip_each_with_the_qr_and_fail_plainly():
    from types import SimpleNamespace

    from shared_ui.printing import print_notice, print_notices

    printer = Dummy()
    print_notice(printer, "补充件通知书\n1. 户口簿", "Return notice", url="https://hall.example.cn/t/ABCD")
    out = printer.output
    assert "补充件通知书".encode("gb18030") in out and "1. 户口簿".encode("gb18030") in out
    assert b"Return notice" in out and out.count(b"\x1dV") == 2  # a cut after each
    assert len(out) > 500  # the QR images
    outcome = SimpleNamespace(cases=[SimpleNamespace(notice="承诺件告知书")], url="")
    printer = Dummy()
    print_notices(printer, outcome, language="zh")
    assert "承诺件告知书".encode("gb18030") in printer.output and len(printer.output) < 200  # no QR without a url
    with pytest.raises(PrintFailure) as failed:
        print_notice(BrokenPrinter(), "退回件通知书")
    assert "paper out" in str(failed.value)
