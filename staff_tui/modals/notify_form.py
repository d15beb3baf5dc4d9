"""The notification form (办结告知): how the resident was told, or that they were not reached (未接通).

Not reached is kept as a record of its own and the case stays to notify,
with the next try due in an hour (:meth:`models.cases.Cases.notify_failed`).
"""

from __future__ import annotations

from models.cases.rules import NOTIFY_HOWS
from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog


def notify_dialog(cases, number: str, staff_code: str) -> FormDialog:
    """Saving answers the case's facts, whichever the outcome."""

    def save(values: dict):
        if values.get("outcome") == "unreached":
            return cases.notify_failed(number, staff_code, values["how"], values.get("note", ""))
        return cases.notify(number, staff_code, values["how"])

    return FormDialog(
        tr("staff_case.notify_title", number=number),
        [
            Field(
                "outcome",
                tr("staff_case.notify_outcome"),
                "select",
                value="reached",
                options=[
                    (tr("staff_case.notify_reached"), "reached"),
                    (tr("staff_case.notify_unreached"), "unreached"),
                ],
            ),
            Field(
                "how",
                tr("staff_case.notify_how"),
                "select",
                value="phone",
                options=[(tr(f"case.how_{how}"), how) for how in NOTIFY_HOWS],
            ),
            Field("note", tr("staff_case.notify_note")),
        ],
        save,
        intro=tr("staff_case.notify_intro"),
    )
