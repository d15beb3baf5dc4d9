"""The board's one screen: the current calls as large as the screen allows,
the last 8 calls with their windows, waiting per line, paused windows,
notices cycling.

A call seen on the event feed is shown (from the event itself) as soon as
:class:`kiosk.call_hold.CallHold` has room for it: each call stays at least
as long as its announcement, windows calling at once stand side by side, and
it stands out for ``board.highlight_seconds``; recalls show again. The full
picture is then reloaded from ``models.queue.view`` in a thread worker.
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from kiosk.call_hold import CallHold
from kiosk.widgets.header import HallHeader
from shared_ui.big_text import BigText
from shared_ui.live import HallChanged
from shared_ui.plain import plain
from shared_ui.words import tr
from shared_ui.workers import ask

CALL_KINDS = ("ticket.called", "ticket.recalled")
SLOT_COLUMNS = 60  # a call side by side needs this much of the board's width


def slots_for(width: int) -> int:
    """How many calls stand side by side: one at 80 columns, two at 120, three at 200."""
    return max(1, min(3, width // SLOT_COLUMNS))


class BoardLoaded(Message):
    def __init__(self, snapshot, notices: list[str]) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.notices = notices


def board_notices(hall, language: str) -> list[str]:
    """Hall notices, seasonal items' periods, published case results (办结公告), then the month's 好差评."""
    from models.i18n import pick, t
    from models.schema import Item

    config = hall.config
    notes = [
        t("board.notice_welcome", language, hall=pick(config.hall_name, config.hall_name_en, language)),
        t("board.notice_once", language),
        t("board.notice_family", language),
        t("board.notice_track", language),
        t("board.notice_rate", language),
    ]
    for item in Item.select().where(~Item.retired & Item.open_from.is_null(False)).order_by(Item.id):
        start_m, start_d = (int(x) for x in item.open_from.split("-"))
        end_m, end_d = (int(x) for x in item.open_to.split("-"))
        notes.append(
            t(
                "board.notice_season",
                language,
                item=pick(item.name, item.name_en, language),
                start=t("time.date_format", language, month=start_m, day=start_d),
                end=t("time.date_format", language, month=end_m, day=end_d),
            )
        )
    notes.extend(case_notices(hall, language))
    notes.extend(rating_notices(hall, language))
    return notes


def rating_notices(hall, language: str) -> list[str]:
    """好差评公示: the last whole month's indicators, the hall's and each window's."""
    try:
        return hall.ratings.notice_lines(language)
    except Exception:  # the ratings tables are not there yet: the other notices only
        return []


def case_notices(hall, language: str) -> list[str]:
    """办结公告 from ``models.cases`` (published results carry no personal data)."""
    from models.i18n import pick

    try:
        found = hall.cases.public_notices(limit=10)
    except Exception:  # the cases tables are not there yet: hall notices only
        return []
    out = []
    for notice in found:
        item = pick(notice.get("item", ""), notice.get("item_en", ""), language)
        out.append(f"{item}：{notice.get('text', '')}" if language == "zh" else f"{item}: {notice.get('text', '')}")
    return out


class BoardScreen(Screen):
    def __init__(self) -> None:
        super().__init__()
        self.current: tuple[str, int] | None = None
        self.recent: list[tuple[str, int, bool]] = []
        self.booked: set[str] = set()  # numbers of booked residents (预约) among the recent calls
        self.notices: list[str] = []
        self.notice_index = 0
        self.shown_at: dict[str, float] = {}
        self._highlight_timer = None
        self.hold = CallHold(1)

    def compose(self) -> ComposeResult:
        yield HallHeader()
        with Vertical(id="call-panel"):
            yield Static(tr("board.no_call"), id="call-text")
            yield Horizontal(id="call-center")
        with Horizontal(id="board-body"):
            with Vertical(id="recent", classes="board-box"):
                yield Static(tr("board.recent"), classes="box-title")
                yield Static(id="recent-list")
            with Vertical(id="waiting", classes="board-box"):
                yield Static(tr("board.waiting"), classes="box-title")
                yield Static(id="waiting-list")
            with Vertical(id="paused", classes="board-box"):
                yield Static(tr("board.paused"), classes="box-title")
                yield Static(id="paused-list")
        yield Static(id="notice")

    def on_mount(self) -> None:
        self.hold.slots = slots_for(self.app.size.width)
        self.set_interval(0.5, self._tick_hold)
        self.reload()
        self.set_interval(max(1, self.app.hall.config.board.notice_seconds), self.next_notice)

    # --- data --------------------------------------------------------------------

    def reload(self) -> None:
        language = self.app.language

        def load(hall):
            from models.queue.view import snapshot

            return snapshot(hall.queue.today(), with_waiting=False, calls=8), board_notices(hall, language)

        # A failure shows nothing: the next change or the next minute tries again.
        ask(self, load, lambda answer: BoardLoaded(*answer), lambda error: None, group="board")

    def on_board_loaded(self, message: BoardLoaded) -> None:
        state = message.snapshot
        self.recent = [(c.number, c.window, c.recall) for c in state.recent_calls]
        self.booked = {c.number for c in state.recent_calls if c.booked}  # today's only: numbers restart daily
        if self.current is None and self.recent and not self.hold.shown:
            number, window, _ = self.recent[0]
            self.hold.add(number, window, past=True)
            self._show_calls(new=False)
        self._show_recent()
        lang = self.app.language
        from models.i18n import pick

        rows = [
            tr("board.waiting_row", name=pick(line.name, line.name_en, lang), count=line.waiting)
            for line in state.lines
        ]
        self.query_one("#waiting-list", Static).update(plain("\n".join(rows)))
        paused = [w for w in state.windows if w.paused]
        text = "\n".join(self._paused_row(w, lang) for w in paused)
        paused_list = self.query_one("#paused-list", Static)
        paused_list.update(plain(text or tr("board.no_paused")))
        paused_list.set_class(bool(paused), "-some")
        self.notices = message.notices
        self._show_notice()

    def _paused_row(self, window, lang: str) -> str:
        from models import clock
        from models.i18n import pick

        if window.resume_at is not None:
            back = clock.reading(window.resume_at, self.app.hall.config.zone, "%H:%M")
            return tr("board.paused_row_until", window=window.number, time=back)
        return tr("board.paused_row", window=window.number, name=pick(window.name, window.name_en, lang))

    def on_day_state_learned(self) -> None:
        """The database went away (the calls shown may be stale: say so) or came back."""
        lost = bool(self.app.db_lost)
        self.query_one("#call-panel").set_class(lost, "-stale")
        self.query_one("#board-body").set_class(lost, "-stale")
        if lost:
            self.query_one("#call-text", Static).update(tr("outage.board"))
        elif self.current is not None:
            self._show_calls()
        else:
            self.query_one("#call-text", Static).update(tr("board.no_call"))

    def on_hall_changed(self, message: HallChanged) -> None:
        for change in message.changes:
            if change.kind in CALL_KINDS:
                number = change.data.get("number", "")
                window = change.data.get("window") or 0
                recall = change.kind == "ticket.recalled"
                if change.data.get("booked"):
                    self.booked.add(number)
                self.recent.insert(0, (number, window, recall))
                del self.recent[8:]
                spoken = tr("board.speech", number=number, window=window)
                if self.hold.add(number, window, spoken):
                    self._show_calls(new=True)
                self.shown_at[number] = time.perf_counter()
                self.app.announcer.announce(spoken)
        self._show_recent()
        self.reload()

    # --- showing -----------------------------------------------------------------

    def _tick_hold(self) -> None:
        if self.hold.tick():
            self._show_calls(new=True)

    def _show_calls(self, new: bool = False) -> None:
        shown = self.hold.shown
        latest = self.hold.latest()
        if latest is None:
            return
        self.current = (latest.number, latest.window)
        sep = "；" if self.app.language == "zh" else "; "
        words = sep.join(tr("board.call", number=s.number, window=s.window) for s in shown)
        if not self.app.db_lost:  # while lost, the line says the calls are not current
            self.query_one("#call-text", Static).update(words)
        row = self.query_one("#call-center", Horizontal)
        row.remove_children()
        # One call alone grows with the screen (seven rows a step): read from across the hall.
        max_rows = max(7, (self.app.size.height - 26) // 7 * 7) if len(shown) == 1 else 7
        row.mount_all(
            Center(BigText(f"{s.number} → {s.window}", max_rows=max_rows, classes="call-number"), classes="call-slot")
            for s in shown
        )
        panel = self.query_one("#call-panel")
        if new:
            panel.add_class("-new")
            if self._highlight_timer is not None:
                self._highlight_timer.stop()
            self._highlight_timer = self.set_timer(self.app.hall.config.board.highlight_seconds, self._end_highlight)

    def _end_highlight(self) -> None:
        self.query_one("#call-panel").remove_class("-new")

    def _show_recent(self) -> None:
        rows = []
        for number, window, recall in self.recent[:8]:
            shown = tr("board_booked.mark", number=number) if number in self.booked else number
            row = tr("board.recent_row", number=shown, window=window)
            rows.append((tr("board.recall") + " " if recall else "") + row)
        self.query_one("#recent-list", Static).update("\n".join(rows))

    def next_notice(self) -> None:
        if self.notices:
            self.notice_index = (self.notice_index + 1) % len(self.notices)
        self._show_notice()

    def _show_notice(self) -> None:
        if not self.notices:
            return
        self.notice_index %= len(self.notices)
        self.query_one("#notice", Static).update(
            plain(
                f"{tr('board.notices')}：{self.notices[self.notice_index]}"
                if self.app.language == "zh"
                else f"{tr('board.notices')}: {self.notices[self.notice_index]}"
            )
        )
