"""Every field of one case, in one or two label/value columns."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from shared_ui.plain import PlainTable
from shared_ui.words import name_of, tr
from staff_tui import queries
from staff_tui.case_words import local_text, person_text


class CaseFields(Static):
    """The case's fields; the full phone number, once opened, shows in place of the masked one."""

    def show(self, view: queries.CaseView, *, phone: dict | None, wide: bool, zone) -> None:
        d = view.detail

        def local(value) -> str:
            return local_text(value, zone)

        def person(code: str | None) -> str:
            return person_text(code, view.names)

        due = local(d.get("due_date"))
        if view.days_left is not None and view.days_left >= 0:
            due += " " + tr("staff_case.days_left", n=view.days_left)
        extension = "-"
        if d.get("extensions"):
            extension = tr(
                "staff_case.extension_value",
                n=d["extensions"],
                old=local(d.get("previous_due")),
                reason=d.get("extension_reason") or "-",
            )
        authority = "-"
        if d.get("authority"):
            authority = tr("staff_case.authority_value", authority=d["authority"], due=local(d.get("authority_due")))
        notified = "-"
        if d.get("notified_how"):
            notified = tr("case.how_" + d["notified_how"]) + " " + local(d.get("notified_at"))
        rating = "-"
        if d.get("rating"):
            rating = tr(f"rating.level_{d['rating']}")
            if d.get("rating_tags"):
                rating += "（" + "、".join(tr(f"rating.tag_{tag}") for tag in d["rating_tags"]) + "）"
            if d.get("followup"):
                rating += " " + tr(f"staff_case.followup_{d['followup']}")
        if phone is not None:
            number = Text(phone.get("phone") or "-", style="bold reverse")
            contact = phone.get("name") or "-"
        else:
            number = d.get("phone_masked") or "-"
            contact = d.get("name_masked") or "-"
        fields = [
            ("ledger.number", d["number"]),
            ("staff_case.f_code", d["tracking_code"]),
            ("ledger.item", name_of(d["item_name"], d["item_name_en"])),
            ("ledger.kind", tr(f"case.kind_{d['kind']}")),
            ("ledger.state", tr(f"case.state_{d['state']}")),
            ("staff_case.f_channel", tr(f"case.channel_{d['channel']}")),
            ("ledger.window", tr("staff_ui.window_n", window=d["window"]) if d.get("window") else "-"),
            ("ledger.accepted_at", local(d.get("accepted_at"))),
            ("staff_case.f_accepted_by", person(d.get("accepted_by"))),
            ("ledger.first_responder", person(d.get("first_responder"))),
            ("ledger.handler", person(d.get("handler"))),
            ("ledger.due", due),
            ("staff_case.f_extension", extension),
            ("staff_case.f_missing", "、".join(d.get("missing") or []) or "-"),
            ("staff_case.f_authority", authority),
            ("staff_case.f_return_reason", d.get("return_reason") or "-"),
            ("staff_case.f_result", d.get("result") or "-"),
            ("staff_case.f_completed", local(d.get("completed_at"))),
            ("staff_case.f_notified", notified),
            ("staff_case.f_published", d.get("public_text") or "-"),
            ("staff_case.f_rating", rating),
            ("staff_case.f_contact", contact),
            ("ledger.contact", number),
        ]
        # Two blank cells between columns: after one, a label reads as the start of its
        # value ("首问责任人 王芳"), and a long value as part of the next pair's label.
        table = PlainTable.grid(padding=(0, 2), expand=True)
        pairs = 2 if wide else 1
        for _ in range(pairs):
            table.add_column(style="bold", no_wrap=True)
            table.add_column(ratio=1)
        for start in range(0, len(fields), pairs):
            cells = []
            for key, value in fields[start : start + pairs]:
                cells += [tr(key), value]
            table.add_row(*cells)
        self.update(table)
