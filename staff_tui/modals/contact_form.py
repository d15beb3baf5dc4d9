"""The contacts register's forms: record a call, letter, e-mail or message;
pass it on, report it up, record the reply, open the sender's details.

Each saves through ``hall.contacts`` (the rules and rights are there); a
refusal stays in the form with everything typed.
"""

from __future__ import annotations

from datetime import date

from models.contacts.deadlines import CONTACT_CHANNELS
from models.contacts.rights import ContactRefused
from models.i18n import t
from shared_ui.words import current_language, tr
from staff_tui.modals.form import Field, FormDialog

W = "staff_ui.contact"


class ContactForm(FormDialog):
    """A form whose cursor starts at ``first`` (the channel is chosen already)."""

    def __init__(self, *args, first: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.first = first

    def on_mount(self) -> None:
        # Textual runs FormDialog's own on_mount as well (it focuses the first field): after it, move on.
        if self.first:
            self.call_after_refresh(self.query_one(f"#f-{self.first}").focus)


def recorded_words(row) -> str:
    lang = current_language()
    channel = t(f"contact.channel_{row.channel}", lang)
    return t("contact.recorded", lang, number=row.number, channel=channel, sender=row.sender, due=row.reply_due)


def people_to_pass_to(_hall) -> list:
    """Everyone still working here: a contact may be passed on (转交) to any of them but oneself."""
    from models.staff import list_staff

    return [p for p in list_staff() if p.active]


def record_dialog(contacts, shift, channel: str = "phone", people: list = ()) -> ContactForm:
    """登记: the channel (chosen), who, their phone, the matter, what was promised;
    and, if it is someone else's to handle, whom it is passed on to (转交) in the same save."""
    lang = current_language()
    options = [(t(f"contact.channel_{name}", lang), name) for name in CONTACT_CHANNELS]
    others = [(f"{p.name}（{p.code}）", p.code) for p in people if p.code != shift.code]

    def save(values: dict):
        return contacts.record(
            staff=shift.code,
            channel=values.get("channel") or channel,
            sender=values["sender"],
            phone=values["phone"],
            matter=values["matter"],
            promised=values["promised"],
            pass_to=values.get("pass_to"),
        )

    passing = [Field("pass_to", tr(f"{W}.f_pass_to"), "select", options=others)] if others else []
    return ContactForm(
        tr(f"{W}.record_title"),
        [
            Field("channel", tr(f"{W}.f_channel"), "select", value=channel, options=options),
            Field("sender", tr(f"{W}.f_sender"), placeholder=tr(f"{W}.f_sender_hint")),
            Field("phone", tr(f"{W}.f_phone"), placeholder=tr(f"{W}.f_phone_hint")),
            Field("matter", tr(f"{W}.f_matter")),
            Field("promised", tr(f"{W}.f_promised"), placeholder=tr(f"{W}.f_promised_hint")),
            *passing,
        ],
        save,
        save_label=tr(f"{W}.record_save"),
        first="sender",
        name="contact-record",
        saves_from="promised",
    )


def pass_dialog(contacts, shift, row, people: list) -> FormDialog:
    options = [(f"{p.name}（{p.code}）", p.code) for p in people if p.code != row.handler]

    def save(values: dict):
        return contacts.pass_on(row.number, shift.code, values.get("to") or "", note=values["note"])

    return FormDialog(
        tr(f"{W}.pass_title", number=row.number),
        [
            Field("to", tr(f"{W}.f_to"), "select", options=options),
            Field("note", tr(f"{W}.f_note"), placeholder=tr(f"{W}.f_note_hint")),
        ],
        save,
        intro=row.matter,
        save_label=tr(f"{W}.pass"),
    )


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ContactRefused("bad_date", date=text[:20]) from None


def report_dialog(contacts, shift, row) -> FormDialog:
    def save(values: dict):
        due = parse_day(values["due"]) if values["due"] else None
        return contacts.report_up(row.number, shift.code, values["authority"], due=due)

    return FormDialog(
        tr(f"{W}.report_title", number=row.number),
        [
            Field("authority", tr(f"{W}.f_authority"), placeholder=tr(f"{W}.f_authority_hint")),
            Field("due", tr(f"{W}.f_due"), "date"),
        ],
        save,
        intro=tr(f"{W}.report_intro", due=row.reply_due.isoformat()),
        save_label=tr(f"{W}.report_up"),
    )


def _one_field(title: str, field: str, hint: str, intro: str, save_label: str, save) -> FormDialog:
    return FormDialog(
        title,
        [Field(field, tr(f"{W}.f_{field}"), placeholder=hint)],
        lambda values: save(values[field]),
        intro=intro,
        save_label=save_label,
    )


def reply_dialog(contacts, shift, row) -> FormDialog:
    """回复: the answer given; recording it closes the contact."""
    return _one_field(
        tr(f"{W}.reply_title", number=row.number),
        "reply",
        tr(f"{W}.f_reply_hint"),
        row.matter + (f"\n→ {row.promised}" if row.promised else ""),
        tr(f"{W}.reply"),
        lambda text: contacts.reply(row.number, shift.code, text),
    )


def reveal_dialog(contacts, shift, row) -> FormDialog:
    """The sender's full details, opened with a reason that is logged."""
    return _one_field(
        tr(f"{W}.reveal_title", number=row.number),
        "reason",
        tr(f"{W}.f_reason_hint"),
        tr(f"{W}.reveal_intro"),
        tr(f"{W}.reveal"),
        lambda reason: contacts.reveal(row.number, shift.code, reason),
    )
