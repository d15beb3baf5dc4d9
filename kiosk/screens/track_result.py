"""What a tracking code shows: the ticket's state and people ahead, then each
case's state, due date, missing materials and result. Only the public view
of ``models/`` (never a name, phone or ID number).

On a big screen (from 100 columns and 40 rows) the matter's progress comes
first, to be read at a glance: the number in the block font, the state in a
band, one line of what it means (people ahead, the date promised), and the
steps with their times (:mod:`kiosk.progress`); the whole text follows,
paged. At 80×24 the text alone, as it has room for.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Static

from kiosk.progress import progress
from kiosk.rating_choices import subjects, tracked
from kiosk.screens.base import KioskScreen, QueryFailed
from kiosk.widgets.big_button import BigButton
from kiosk.widgets.paged import PagedText
from kiosk.widgets.steps import Steps
from models.i18n import pick, t
from shared_ui.big_text import BigText
from shared_ui.plain import plain
from shared_ui.words import tr


def _date(value: str | None, lang: str) -> str:
    if not value:
        return ""
    year, month, day = (int(x) for x in value[:10].split("-"))
    return t("time.date_format", lang, month=month, day=day)


def _name(thing, lang: str) -> str:
    if isinstance(thing, dict):
        return pick(thing.get("name", ""), thing.get("name_en", ""), lang)
    return str(thing or "")


def view_text(view: dict, lang: str) -> Text:
    text = Text()
    sep = t("kiosk.list_separator", lang)
    text.append(t("kiosk.result_code", lang, code=view.get("tracking_code", "")) + "\n", style="bold")
    text.append(t("kiosk.result_item", lang, item=_name(view.get("item"), lang)) + "\n")
    ticket = view.get("ticket")
    if ticket:
        state = ticket.get("state", "")
        text.append("\n")
        if state == "done" and view.get("cases"):
            # Served at the window is not the matter done: 「已办结」 above a case 办理中 misled.
            text.append(t("kiosk.result_ticket_served", lang, number=ticket["number"]) + "\n")
        else:
            text.append(
                t("kiosk.result_ticket", lang, number=ticket["number"], state=t(f"ticket.state_{state}", lang)) + "\n",
                style="bold",
            )
        if state == "waiting":
            if ticket.get("ahead"):
                text.append(t("kiosk.result_ahead", lang, ahead=ticket["ahead"]) + "\n")
            else:
                text.append(t("kiosk.ticket_next", lang) + "\n")
            windows = sep.join(str(w) for w in ticket.get("windows") or []) or "-"
            text.append(t("kiosk.ticket_window", lang, windows=windows) + "\n")
        elif state in ("called", "serving") and ticket.get("window"):
            text.append(t("kiosk.ticket_window", lang, windows=ticket["window"]) + "\n")
        elif state == "no_show":
            text.append(t("kiosk.result_no_show", lang) + "\n")
    cases = view.get("cases") or []
    if cases:
        text.append("\n" + t("kiosk.result_cases", lang, count=len(cases)) + "\n", style="bold")
    for case in cases:
        number = case.get("number") or case.get("case_number") or ""
        kind = t(f"case.kind_{case.get('kind', '')}", lang)
        state = t(f"case.state_{case.get('state', '')}", lang)
        text.append("\n" + t("kiosk.result_case", lang, number=number, kind=kind, state=state) + "\n", style="bold")
        if case.get("kind"):
            text.append("  " + t(f"kiosk.explain_{case['kind']}", lang) + "\n")
        text.append("  " + t("kiosk.result_case_item", lang, item=_name(case.get("item"), lang)) + "\n")
        due = case.get("extended_to") or case.get("due_date")
        if due and case.get("state") not in ("closed", "to_notify", "returned"):
            text.append("  " + t("kiosk.result_due", lang, date=_date(due, lang)) + "\n")
        missing = case.get("missing") or []
        if missing:
            names = [_name(m, lang) for m in missing]
            text.append("  " + t("kiosk.result_missing", lang, materials=sep.join(names)) + "\n")
        if case.get("completed_on"):
            text.append("  " + t("kiosk.result_completed", lang, date=_date(case["completed_on"], lang)) + "\n")
        if case.get("result"):
            text.append("  " + t("kiosk.result_result", lang, result=case["result"]) + "\n")
        if case.get("return_reason"):
            text.append("  " + t("kiosk.result_returned", lang, reason=case["return_reason"]) + "\n")
    return text


class TrackResultScreen(KioskScreen):
    pages = True

    class RatingAsked(Message):
        """The resident tapped "rate" under what the code shows (the visit, a case, or a 差评's handling)."""

        def __init__(self, view: dict) -> None:
            super().__init__()
            self.view = view

    class BackChosen(KioskScreen.BackChosen):
        """Back leads to typing a code again."""

    class ViewReloaded(Message):
        def __init__(self, view: dict) -> None:
            super().__init__()
            self.view = view

    def __init__(self, view: dict) -> None:
        super().__init__()
        self.view = view

    def heading(self) -> str:
        return tr("kiosk.result_title")

    def compose_body(self) -> ComposeResult:
        with Vertical(id="summary"):
            with Horizontal(id="summary-head"):
                # Twice the block size where the screen is as tall as a TV's (200×56).
                rows = 14 if self.app.size.height >= 50 else 7
                yield BigText("", room=40, max_rows=rows, id="summary-number")
                with Vertical(id="summary-words"):
                    yield Static(id="summary-state")
                    yield Static(id="summary-detail")
            yield Steps(id="summary-steps")
        yield PagedText(view_text(self.view, self.app.language), id="result")

    def on_mount(self) -> None:
        self._show_progress()

    def _show_progress(self) -> None:
        shown = progress(self.view, self.app.language)
        self.query_one("#summary").set_class(shown is None, "-none")
        if shown is None:
            return
        self.query_one("#summary-number", BigText).update(shown.number)
        state = self.query_one("#summary-state", Static)
        state.update(plain(shown.state))
        state.set_class(shown.tone == "warn", "-warn")
        self.query_one("#summary-detail", Static).update(plain(shown.detail))
        self.query_one("#summary-steps", Steps).update(shown.steps)

    def compose_actions(self) -> ComposeResult:
        if subjects(self.view):
            yield BigButton(tr("kiosk.choice_rate"), id="rate-case", action=True)

    def turn(self, delta: int) -> None:
        self.query_one(PagedText).turn(delta)

    def back_chosen(self) -> Message:
        return self.BackChosen()

    @on(Button.Pressed, "#rate-case")
    def _rate_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.RatingAsked(self.view))

    def refresh_data(self, message=None) -> None:
        code = self.view.get("tracking_code", "")

        def look_again(hall):
            return tracked(hall, code)

        self.ask(look_again, self.ViewReloaded)

    def on_track_result_screen_view_reloaded(self, message: ViewReloaded) -> None:
        self.view = message.view
        self._show_progress()
        self.query_one(PagedText).set_text(view_text(self.view, self.app.language), keep_page=True)

    def on_query_failed(self, message: QueryFailed) -> None:
        pass
