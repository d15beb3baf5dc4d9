"""One case: every field, the full history, the notices that apply, and its steps.

The resident's phone shows masked; F (完整电话) asks the models for the full
number, which logs who opened it and when (:meth:`models.cases.Cases.contact_for`).
Steps (材料收齐, 延期, 办结, 告知, 上报, 移交, 公告, 评价, 更正) open a small dialog
that stays open with the message when the models refuse; G opens a 差评's loop.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from models.cases import Cases
from models.cases.rights import case_actions, may_see_case
from models.i18n import t
from shared_ui.live import HallChanged
from shared_ui.words import tr
from staff_tui import queries
from staff_tui.case_words import head_text, local_text, person_text
from staff_tui.modals.confirm import ConfirmDialog
from staff_tui.modals.correction_form import CorrectionDialog
from staff_tui.modals.form import Field, FormDialog
from staff_tui.modals.materials_form import materials_dialog
from staff_tui.modals.notify_form import notify_dialog
from staff_tui.screens.followup import LoopEntry
from staff_tui.screens.wide_or_narrow import WideOrNarrowScreen
from staff_tui.widgets.action_bar import ActionBar
from staff_tui.widgets.case_fields import CaseFields
from staff_tui.widgets.case_history import CaseHistory
from staff_tui.widgets.footer import HallFooter
from staff_tui.widgets.status_bar import StatusBar

ACTIONS = [
    ("materials", "staff_case.a_materials"),
    ("extend", "staff_case.a_extend"),
    ("complete", "staff_case.a_complete"),
    ("notify", "staff_case.a_notify"),
    ("escalate", "staff_case.a_escalate"),
    ("handover", "staff_case.a_handover"),
    ("publish", "staff_case.a_publish"),
    ("phone", "staff_case.a_phone"),
    ("correct", "staff_case.a_correct"),
    ("followup", "staff_followup.a_followup"),
]


class CaseDetailScreen(LoopEntry, WideOrNarrowScreen):
    @dataclass
    class CaseLoaded(Message, bubble=False):
        view: queries.CaseView

    @dataclass
    class MaterialsReceived(Message, bubble=False):
        facts: object

    @dataclass
    class PeopleLoaded(Message, bubble=False):
        """Who a case may be handed over to."""

        people: list

    @dataclass
    class PhoneOpened(Message, bubble=False):
        """The full number, read (and logged) for this clerk."""

        contact: dict

    @dataclass
    class NoticeLoaded(Message, bubble=False):
        title: str
        text: str

    WIDE_FROM = 100
    BINDINGS = [
        Binding("r", "step('materials')", "staff_case.a_materials", key_display="R"),
        Binding("e", "step('extend')", "staff_case.a_extend", key_display="E"),
        Binding("c", "step('complete')", "staff_case.a_complete", key_display="C"),
        Binding("t", "step('notify')", "staff_case.a_notify", key_display="T"),
        Binding("u", "step('escalate')", "staff_case.a_escalate", key_display="U"),
        Binding("h", "step('handover')", "staff_case.a_handover", key_display="H"),
        Binding("b", "step('publish')", "staff_case.a_publish", key_display="B"),
        Binding("f", "step('phone')", "staff_case.a_phone", key_display="F"),
        Binding("x", "step('correct')", "staff_case.a_correct", key_display="X"),
        Binding("g", "step('followup')", "staff_followup.a_followup", key_display="G"),
        Binding("escape,f9", "back", "staff_ui.back", key_display="Esc"),
        Binding("f10", "lock", "staff_ui.lock", key_display="F10", show=False),
    ]

    MESSAGE_LINE = "#case-message"
    BOLD_ERRORS = False

    def __init__(self, number: str) -> None:
        super().__init__(name="case")
        self.number = number
        self.view: queries.CaseView | None = None
        self.allowed: set[str] = set()
        self.phone: dict | None = None
        self.busy = False

    def compose(self) -> ComposeResult:
        yield StatusBar()
        with VerticalScroll(id="case-body"):
            yield Static(tr("staff_ui.loading"), id="case-head")
            yield CaseFields("", id="case-fields")
            yield Label(tr("staff_case.history"), classes="section-title")
            yield CaseHistory(id="history")
            yield Label(tr("staff_case.notices"), classes="section-title")
            yield OptionList(id="notice-list", compact=True)
        yield Static("", id="case-message", classes="message-line")
        yield ActionBar([(action, tr(key)) for action, key in ACTIONS], id="case-actions")
        yield HallFooter()

    def on_mount(self) -> None:
        self.query_one("#case-body").focus()
        self.load()

    # --- loading ----------------------------------------------------------------------------------

    def load(self) -> None:
        number = self.number
        self.ask(lambda hall: queries.case_view(hall, number), self.CaseLoaded, group="case-load")

    def on_hall_changed(self, message: HallChanged) -> None:
        if any(kind.startswith("case.") for kind in message.kinds):
            self.load()

    def on_case_detail_screen_case_loaded(self, message: CaseLoaded) -> None:
        view = message.view
        shift = self.app.shift
        if not may_see_case(shift, view.detail):
            self.query_one("#case-head", Static).update(tr("staff_case.not_yours", number=self.number))
            self.allowed = set()
            self._sync()
            return
        self.view = view
        self.allowed = case_actions(shift, view.detail)
        if view.detail.get("phone_masked") and self.phone is None:
            self.allowed.add("phone")
        self._show(view)
        self._sync()

    def fit_to_width(self) -> None:
        if self.view is not None:
            self._show(self.view)

    def _sync(self) -> None:
        self.refresh_bindings()
        self.query_one(ActionBar).sync()

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "step" or action in dict(ACTIONS):  # the footer asks step('x'), the buttons 'x'
            name = (parameters[0] if parameters else "") if action == "step" else action
            if name not in self.allowed:
                return False
            return None if self.busy else True
        return True

    # --- showing -----------------------------------------------------------------------------------

    def _person(self, code: str | None) -> str:
        return person_text(code, self.view.names if self.view else {})

    def _local(self, value) -> str:
        return local_text(value, self.app.config.zone)

    def _show(self, view: queries.CaseView) -> None:
        d = view.detail
        self.query_one("#case-head", Static).update(head_text(d, view.days_left))
        self.query_one(CaseFields).show(view, phone=self.phone, wide=self.wide, zone=self.app.config.zone)
        # The body's width less its scrollbar and a cell of padding each side of four columns.
        room = (self.query_one("#case-body").size.width or self.size.width or 80) - 2 - 4 * 2
        self.query_one(CaseHistory).show(d.get("history") or [], self._person, room, self.app.config.zone)
        notices = self.query_one("#notice-list", OptionList)
        highlighted = notices.highlighted
        notices.clear_options()
        for kind in view.notices:
            notices.add_option(Option(tr(f"notice.title_{kind}"), id=kind))
        if view.notices:
            notices.highlighted = min(highlighted or 0, len(view.notices) - 1)

    # --- steps -------------------------------------------------------------------------------------

    def ask_failed(self, failure) -> None:
        self.busy = False
        self.say(failure.words, error=True)
        self._sync()

    def on_case_detail_screen_phone_opened(self, message: PhoneOpened) -> None:
        self.busy = False
        self.phone = message.contact
        self.allowed.discard("phone")
        if self.view is not None:
            self._show(self.view)
        self.say(tr("staff_case.phone_logged"))
        self._sync()

    def on_case_detail_screen_notice_loaded(self, message: NoticeLoaded) -> None:
        from staff_tui.modals.notice_view import NoticeDialog

        self.busy = False
        self.app.push_screen(NoticeDialog(message.title, message.text))

    def run_action(self, action, *args, **kwargs):  # buttons call actions by their plain names
        if isinstance(action, str) and action in dict(ACTIONS):
            action = f"step('{action}')"
        return super().run_action(action, *args, **kwargs)

    def action_step(self, name: str) -> None:
        if name not in self.allowed or self.view is None:
            return
        getattr(self, f"_step_{name}")()

    def _done(self, key: str):
        def closed(result) -> None:
            if result:
                extra = None
                if isinstance(result, tuple):
                    result, extra = result
                facts = result if not isinstance(result, bool) else None
                self.say(self._done_words(key, facts, extra))
                self.load()

        return closed

    def _done_words(self, key: str, facts, extra=None) -> str:
        number = self.number
        if facts is None:
            return tr("staff_case.saved", number=number)
        params = {"number": number}
        if key == "step_materials_received" and facts.state == "waiting_materials":
            key = "step_material_received"
            params.update(material=extra, missing="、".join(facts.missing))
        elif key == "step_materials_received":
            params["due"] = self._local(facts.due_date)
        elif key == "step_escalated":
            params.update(authority=facts.authority, due=self._local(facts.authority_due))
        elif key == "step_extended":
            params.update(due=self._local(facts.due_date), count=facts.extensions)
        elif key == "step_handover":
            params["staff"] = self._person(extra)
        elif key == "step_notified" and facts.notify_retry_at is not None:  # not reached: when to try again
            key, params["retry"] = "step_notify_failed", local_text(facts.notify_retry_at, self.app.config.zone)
        return tr(f"case.{key}", **params)

    def _cases(self) -> Cases:
        return self.app.hall.cases

    def _form(self, title: str, fields: list[Field], save, key: str, **kw) -> None:
        self.app.push_screen(FormDialog(title, fields, save, **kw), self._done(key))

    def _step_materials(self) -> None:
        cases, code, number = self._cases(), self.app.shift.code, self.number

        def answered(yes: bool | None) -> None:
            if yes:
                self.busy = True
                self._sync()
                self.ask(lambda hall: cases.materials_received(number, code), self.MaterialsReceived, group="case-act")

        names = list(self.view.detail.get("missing") or [])
        if len(names) > 1:  # one by one: which came in
            self.app.push_screen(materials_dialog(cases, number, code, names), self._done("step_materials_received"))
            return
        missing = "、".join(names) or "-"
        self.app.push_screen(
            ConfirmDialog(tr("staff_case.materials_title"), tr("staff_case.materials_body", missing=missing)), answered
        )

    def on_case_detail_screen_materials_received(self, message: MaterialsReceived) -> None:
        self.busy = False
        self.say(self._done_words("step_materials_received", message.facts))
        self.load()

    def _step_extend(self) -> None:
        cases, code, number = self._cases(), self.app.shift.code, self.number
        d = self.view.detail
        self._form(
            tr("staff_case.extend_title", number=number),
            [
                Field("due", tr("staff_case.extend_due", due=self._local(d.get("due_date"))), "date"),
                Field("reason", tr("staff_case.extend_reason"), placeholder=tr("staff_case.extend_reason_hint")),
            ],
            lambda v: cases.extend(number, code, v["due"], v["reason"]),
            "step_extended",
            intro=tr("staff_case.extend_intro"),
        )

    def _step_complete(self) -> None:
        cases, code, number = self._cases(), self.app.shift.code, self.number
        self._form(
            tr("staff_case.complete_title", number=number),
            [Field("result", tr("staff_case.complete_result"), placeholder=tr("staff_outcome.result_hint"))],
            lambda v: cases.complete(number, code, v["result"]),
            "step_completed",
            intro=tr("staff_case.complete_intro"),
        )

    def _step_notify(self) -> None:
        dialog = notify_dialog(self._cases(), self.number, self.app.shift.code)
        self.app.push_screen(dialog, self._done("step_notified"))

    def _step_escalate(self) -> None:
        cases, code, number = self._cases(), self.app.shift.code, self.number
        self._form(
            tr("staff_case.escalate_title", number=number),
            [
                Field("authority", tr("staff_outcome.authority"), placeholder=tr("staff_outcome.authority_hint")),
                Field("due", tr("staff_outcome.authority_due"), "date"),
            ],
            lambda v: cases.escalate(number, code, v["authority"], v["due"] or None),
            "step_escalated",
        )

    def _step_handover(self) -> None:
        self.ask(lambda hall: queries.people(), self.PeopleLoaded, group="case-people")

    def on_case_detail_screen_people_loaded(self, message: PeopleLoaded) -> None:
        people = message.people
        cases, code, number = self._cases(), self.app.shift.code, self.number
        handler = self.view.detail.get("handler")
        options = [
            (
                f"{p.name}（{p.code}）"
                + (" " + tr("staff_case.posts", windows="、".join(map(str, p.windows))) if p.windows else ""),
                p.code,
            )
            for p in people
            if p.code != handler
        ]
        self._form(
            tr("staff_case.handover_title", number=number),
            [
                Field("to", tr("staff_case.handover_to"), "select", options=options),
                Field("reason", tr("staff_case.handover_reason"), placeholder=tr("staff_case.handover_reason_hint")),
            ],
            lambda v: (cases.handover(number, code, v["to"] or "", v["reason"]), v["to"]),
            "step_handover",
            intro=tr("staff_case.handover_intro"),
        )

    def _step_publish(self) -> None:
        cases, code, number = self._cases(), self.app.shift.code, self.number
        result = self.view.detail.get("result") or ""
        self._form(
            tr("staff_case.publish_title", number=number),
            [Field("text", tr("staff_case.publish_text"), value=result)],
            lambda v: cases.publish(number, code, v["text"]),
            "step_published",
            intro=tr("staff_case.publish_intro"),
        )

    def _step_correct(self) -> None:
        dialog = CorrectionDialog(
            self.number, self.view.detail, cases=self._cases(), staff=self.app.shift.code, lang=self.app.lang
        )
        self.app.push_screen(dialog, self._done("step_corrected"))

    def _step_phone(self) -> None:
        self.busy = True
        self._sync()
        cases, code, number = self._cases(), self.app.shift.code, self.number
        self.ask(
            lambda hall: cases.contact_for(number, code, "staff terminal: case detail"),
            self.PhoneOpened,
            group="case-phone",
        )

    # --- notices ------------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#notice-list")
    def _notice(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        cases, number, kind, lang = self._cases(), self.number, event.option.id, self.app.lang
        self.ask(
            lambda hall: cases.notice_text(number, kind, lang),
            lambda text: self.NoticeLoaded(t(f"notice.title_{kind}", lang), text),
            group="case-notice",
        )

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_lock(self) -> None:
        self.app.lock()
