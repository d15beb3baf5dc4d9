"""Which kiosk screen comes next: the one place that decides it.

A screen never shows another: it posts what the resident chose (a message
nested in the screen, named as a past event) and the message bubbles up to
the app. :class:`Navigator`, mixed into :class:`kiosk.app.KioskApp`, handles
each of them and shows the next screen (one deep above the base screen):

- Home, the ticket's Done or its time running out, the thanks after a rating → home;
- ``HomeScreen.ServiceChosen`` → the lines (to take a ticket, or to read what to bring),
  or the tracking-code screen (to track, or to rate); ``HomeScreen.CodeScanned`` → looking it up
  (a booking page's QR: checking in); ``HomeScreen.CheckInChosen`` → 预约签到;
  ``CheckInScreen.CheckedIn`` with a ticket → the ticket (printed as any ticket is);
  ``HomeScreen.BookChosen`` → the lines to read (the item's notice), ``ItemDetailScreen.BookAsked`` → 预约;
- ``LinesScreen.LineChosen`` → its items (or 常办事项, or the first characters of the names:
  ``HeadsScreen.HeadChosen`` → the items starting with one, ``HeadsScreen.ItemChosen`` → the one
  item starting with it); ``ItemsScreen.ItemChosen`` → the item's whole notice
  (on the way to a ticket: 「请确认已带齐以下材料」, then its take button);
- ``ItemDetailScreen.NoticeRead`` → the notice log (the visit read it; its ticket is linked when taken);
- ``ItemDetailScreen.TicketAsked`` → taking a ticket; ``PriorityScreen.TicketTaken`` → the ticket
  (kept a few minutes for ``HomeScreen.MyTicketChosen``, 「我的号票」, to show it again);
- ``TrackScreen.CodeLookedUp`` → what the code shows, or rating it;
  ``TrackResultScreen.RatingAsked`` → rating;
- each ``BackChosen`` → the screen Back leads to (home unless a screen says otherwise).

The handlers go by Textual's naming (``on_<screen>_<message>``), and the
screens are imported when first shown: nothing here imports the models
before the kiosk's first frame.
"""

from __future__ import annotations

from textual.message import Message
from textual.screen import Screen

from kiosk.last_ticket import LastTicket
from kiosk.tap_guard import TapGuard

BOOKING_PATH = "/book/"  # a booking page's address, as its QR holds it (web /book/{code})


class HelpRecorded(Message):
    """The request for staff is on the feed (or could not be written)."""

    def __init__(self, failed: bool = False) -> None:
        super().__init__()
        self.failed = failed


class Navigator:
    """The kiosk app's handlers for what the resident chose; ``show`` and ``go_home`` show a screen."""

    tap_guard: TapGuard
    last_ticket: LastTicket

    # --- showing ---------------------------------------------------------------------

    def show(self, screen: Screen) -> None:
        """Replace the current screen (the stack stays one deep above the base).

        The tap guard learns the moment, and again once the new screen is
        drawn (a slow compose must not eat the guard's time): a tap begun just
        after belongs to the screen that was there (the tail of a double tap)
        and is dropped.
        """
        self.tap_guard.changed()
        self.call_after_refresh(self.tap_guard.changed)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def go_home(self, *, reset: bool = False) -> None:
        """Home; ``reset`` also brings back the default language and normal text (after idling)."""
        from kiosk.screens.home import HomeScreen

        if reset:
            self.visit(renew=True)
            self.set_reactive(type(self).language, self.default_language)
            if self.large:
                self.large = False
        self.show(HomeScreen())

    def _items(self, mode: str, line_code: str, page: int = 0) -> None:
        from kiosk.screens.heads import HeadsScreen
        from kiosk.screens.items import ItemsScreen

        self.show(HeadsScreen(mode, page) if line_code == "@first" else ItemsScreen(mode, line_code, page))

    def _lines(self, mode: str) -> None:
        from kiosk.screens.lines import LinesScreen

        self.show(LinesScreen(mode))

    def _track(self, purpose: str, **typed) -> None:
        from kiosk.screens.track import TrackScreen

        self.show(TrackScreen(purpose, **typed))

    def _item_detail(self, item_code: str, back: tuple | None) -> None:
        from kiosk.screens.item_detail import ItemDetailScreen

        self.show(ItemDetailScreen(item_code, back=back))

    def _priority(self, item_code: str, back: tuple | None, *, from_detail: bool = False) -> None:
        from kiosk.screens.priority import PriorityScreen

        self.show(PriorityScreen(item_code, back=back, from_detail=from_detail))

    def _track_result(self, view: dict) -> None:
        from kiosk.screens.track_result import TrackResultScreen

        self.show(TrackResultScreen(view))

    def _rate(self, view: dict) -> None:
        from kiosk.screens.rate import RateScreen

        self.show(RateScreen(view))

    # --- every screen ------------------------------------------------------------------

    def on_kiosk_screen_home_chosen(self, message) -> None:
        self.go_home()

    def on_kiosk_screen_back_chosen(self, message) -> None:
        self.go_home()

    def on_ticket_screen_finished(self, message) -> None:
        self.visit(renew=True)  # Done: the next tap is someone else's
        self.go_home()

    def on_rate_screen_finished(self, message) -> None:
        self.go_home()

    # --- home ------------------------------------------------------------------------------

    def on_home_screen_service_chosen(self, message) -> None:
        if message.service in ("take", "guide"):
            self._lines(message.service)
        elif message.service in ("track", "rate"):
            self._track(message.service)

    def on_home_screen_other_language_chosen(self, message) -> None:
        self.language = "en" if self.language == "zh" else "zh"
        self.go_home()

    def on_home_screen_large_text_toggled(self, message) -> None:
        self.large = not self.large
        self.go_home()

    def on_kiosk_screen_help_asked(self, message) -> None:
        self.ask_for_help()

    def on_more_time_screen_help_asked(self, message) -> None:
        self.ask_for_help()

    def ask_for_help(self) -> None:
        """Every staff terminal is told which kiosk and which screen (the screen under any dialog)."""
        import socket

        from kiosk.screens.base import KioskScreen

        screen = next((s for s in reversed(self.screen_stack) if isinstance(s, KioskScreen)), None)
        title = (
            getattr(screen.query_one("#title"), "words", "") if screen is not None and screen.query("#title") else ""
        )
        where = title or type(screen).__name__
        kiosk = self.hall.config.kiosk.name or socket.gethostname()

        def ask(hall):
            from models.queue.help_request import ask_for_help

            return ask_for_help(kiosk, where)

        from shared_ui.workers import ask as ask_worker

        ask_worker(self, ask, lambda event_id: HelpRecorded(), lambda error: HelpRecorded(failed=True), group="help")

    def on_help_recorded(self, message) -> None:
        from shared_ui.words import tr

        self.notify(tr("kiosk.help_failed" if message.failed else "kiosk.help_coming"), timeout=10)

    def on_home_screen_code_scanned(self, message) -> None:
        if BOOKING_PATH in message.text:  # the QR of a booking page: the resident has come to check in
            self._check_in(initial=message.text, submit=True)
        else:
            self._track("track", initial=message.text, submit=True)

    def on_home_screen_check_in_chosen(self, message) -> None:
        self._check_in()

    def on_home_screen_book_chosen(self, message) -> None:
        self._lines("guide")  # every item's notice has its 预约 button

    def on_item_detail_screen_book_asked(self, message) -> None:
        from kiosk.screens.book import BookScreen

        self.show(BookScreen(message.item_code, message.item_name, back=message.back))

    def on_book_screen_back_chosen(self, message) -> None:
        self._item_detail(message.item_code, message.back)

    def on_check_in_screen_checked_in(self, message) -> None:
        from kiosk.screens.ticket import TicketScreen

        done = message.done
        again = done.outcome == "again"  # the ticket was printed when it was first checked in
        if not again:
            self.last_ticket.keep(done.ticket, message.materials)
        self.show(TicketScreen(done.ticket, message.materials, again=again, note=message.words))

    def _check_in(self, **typed) -> None:
        from kiosk.screens.check_in import CheckInScreen

        self.show(CheckInScreen(**typed))

    # --- taking a ticket, reading what to bring --------------------------------------------------

    def on_lines_screen_line_chosen(self, message) -> None:
        self._items(message.mode, message.line_code)

    def on_items_screen_item_chosen(self, message) -> None:
        # Taking a ticket too passes by the whole notice (「请确认已带齐以下材料」): for most
        # residents it is the only list of materials they read before coming to the window.
        self._item_detail(message.item_code, (message.mode, message.line_code, message.page))

    def on_items_screen_line_gone(self, message) -> None:
        self._lines(message.mode)

    def on_heads_screen_head_chosen(self, message) -> None:
        self._items(message.mode, f"@first:{message.head}")

    def on_heads_screen_item_chosen(self, message) -> None:
        self._item_detail(message.item_code, (message.mode, "@first", message.page))

    def on_heads_screen_back_chosen(self, message) -> None:
        self._lines(message.mode)

    def on_items_screen_back_chosen(self, message) -> None:
        if message.back_to:
            self._items(message.mode, message.back_to)
        else:
            self._lines(message.mode)

    # A visit is one resident's turn: from the first screen to the ticket's Done, or to the idle reset.
    _visit: str | None = None

    def visit(self, *, renew: bool = False) -> str:
        from models.notice_views.visit import new_visit

        if renew or self._visit is None:
            self._visit = new_visit()
        return self._visit

    def _log_notice(self, fn) -> None:
        """Write to the notice log off the UI thread; a failure costs the resident nothing, so it is not shown."""
        from shared_ui.workers import ask as ask_worker

        ask_worker(self, fn, lambda _answer: None, lambda _error: None, group="notice-log", exclusive=False)

    def on_item_detail_screen_notice_read(self, message) -> None:
        code, visit = message.item_code, self.visit()
        self._log_notice(lambda hall: hall.notice_views.viewed(code, "kiosk", visit))

    def on_item_detail_screen_ticket_asked(self, message) -> None:
        self._priority(message.item_code, message.back, from_detail=True)

    def on_item_detail_screen_back_chosen(self, message) -> None:
        if message.back:
            self._items(*message.back)
        else:
            self.go_home()

    def on_priority_screen_ticket_taken(self, message) -> None:
        from kiosk.screens.ticket import TicketScreen

        self.last_ticket.keep(message.receipt, message.materials)
        self.show(TicketScreen(message.receipt, message.materials))
        code, visit = message.receipt.tracking_code, self.visit()
        self._log_notice(lambda hall: hall.notice_views.ticket_taken(visit, code))

    def on_home_screen_my_ticket_chosen(self, message) -> None:
        from kiosk.screens.ticket import TicketScreen

        shown = self.last_ticket.get()
        if shown is None:
            self.go_home()
        else:
            self.show(TicketScreen(*shown, again=True))

    def on_priority_screen_back_chosen(self, message) -> None:
        if message.from_detail:
            self._item_detail(message.item_code, message.back)
        elif message.back:
            self._items(*message.back)
        else:
            self.go_home()

    # --- tracking and rating -----------------------------------------------------------------------

    def on_track_screen_code_looked_up(self, message) -> None:
        if message.purpose == "rate":
            self._rate(message.view)
        else:
            self._track_result(message.view)

    def on_track_result_screen_rating_asked(self, message) -> None:
        self._rate(message.view)

    def on_track_result_screen_back_chosen(self, message) -> None:
        self._track("track")

    def on_rate_screen_back_chosen(self, message) -> None:
        self._track_result(message.view)
