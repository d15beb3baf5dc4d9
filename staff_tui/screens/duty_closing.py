"""The duty screen's sign-off (F4) and its two forms: the closing sign-off that asks first
what the models will want (a leader's reason for closing early, a note for
each open problem), and a leader's reopening of a closing signed by mistake.

The rules are :mod:`models.duty.closing`'s; these only ask and pass on.
"""

from __future__ import annotations

from shared_ui.words import tr
from staff_tui.modals.confirm import ConfirmDialog
from staff_tui.modals.form import Field, FormDialog
from staff_tui.text import fit


def closing_form(duty, staff_code: str, day, questions) -> FormDialog:
    """The closing sign-off with its questions (``models.duty.closing.ClosingQuestions``)."""
    fields = []
    if questions.early_until:
        label = tr("staff_ui.duty.early_reason", time=questions.early_until)
        fields.append(Field("early_reason", label, placeholder=tr("staff_ui.duty.early_reason_hint")))
    keys = list(questions.problems)
    for number, key in enumerate(keys):
        label = fit(tr("staff_ui.duty.answer_label", ref=key, problem=questions.problems[key]), 60).rstrip()
        fields.append(Field(f"answer{number}", label, placeholder=tr("staff_ui.duty.answer_hint")))

    def save(values: dict):
        answers = {key: values.get(f"answer{number}", "") for number, key in enumerate(keys)}
        return duty.sign_off(
            day, "closing", staff_code, "", early_reason=values.get("early_reason", ""), answers=answers
        )

    return FormDialog(
        tr("staff_ui.duty.sign_title", checklist=tr("duty.checklist_closing")),
        fields,
        save,
        intro=tr("staff_ui.duty.sign_closing_body"),
        save_label=tr("staff_ui.duty.sign_off"),
    )


def reopen_form(duty, leader_code: str) -> FormDialog:
    def save(values: dict):
        return duty.reopen(None, leader_code, values.get("reason", ""))

    return FormDialog(
        tr("staff_ui.duty.reopen_title"),
        [Field("reason", tr("staff_ui.duty.reopen_reason"), placeholder=tr("staff_ui.duty.reopen_hint"))],
        save,
        intro=tr("staff_ui.duty.reopen_intro"),
        save_label=tr("staff_ui.duty.reopen"),
    )


class ClosingActions:
    """The duty screen's sign-off (F4: a confirmation, or the closing's questions), and the leader's reopening (Ctrl+R)."""

    questions = None  # what the closing sign-off will ask (models.duty.closing.ClosingQuestions), as last loaded
    unsigned: list = []  # working days nobody signed the closing of, for a leader (shown in the head)

    def closing_loaded(self, questions, unsigned: list) -> None:
        self.questions = questions
        self.unsigned = unsigned

    def reopen_allowed(self, leader_today: bool) -> bool | None:
        signed = self.data is not None and self.data[0].closing.signed_off is not None
        return (None if self.busy else True) if leader_today and signed else False

    def action_sign_off(self) -> None:
        checklist = self.current_list
        shift = self.app.shift
        if checklist == "closing" and self.questions is not None and self.questions.any:
            return self.sign_closing_with_answers()

        def answered(yes: bool | None) -> None:
            if yes:
                day = self.day
                self.act(lambda hall: hall.duty.sign_off(day, checklist, shift.code, ""), self.ChecklistSignedOff)

        body = (
            tr("staff_ui.duty.sign_closing_body") if checklist == "closing" else tr("staff_ui.duty.sign_opening_body")
        )
        self.app.push_screen(
            ConfirmDialog(
                tr("staff_ui.duty.sign_title", checklist=tr(f"duty.checklist_{checklist}")),
                body,
                yes=tr("staff_ui.duty.sign_off"),
            ),
            answered,
        )

    def sign_closing_with_answers(self) -> None:
        def closed(result) -> None:
            if result:
                self.on_duty_screen_checklist_signed_off(self.ChecklistSignedOff(result))

        form = closing_form(self.app.hall.duty, self.app.shift.code, self.day, self.questions)
        self.app.push_screen(form, closed)

    def action_reopen(self) -> None:
        def closed(result) -> None:
            if result:
                self.say(tr("duty.reopened", day=result.day.isoformat(), leader=self._who(result.leader)))
                self.load()

        self.app.push_screen(reopen_form(self.app.hall.duty, self.app.shift.code), closed)
