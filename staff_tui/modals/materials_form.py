"""Receiving materials one by one (逐项接收): which of the missing materials came in, or all of them."""

from __future__ import annotations

from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog

ALL = "*"


def materials_dialog(cases, number: str, staff_code: str, missing: list[str]) -> FormDialog:
    """Saving answers (facts, the material received, or "" for all of them)."""

    def save(values: dict):
        chosen = values.get("material") or ALL
        if chosen == ALL:
            return cases.materials_received(number, staff_code), ""
        return cases.material_received(number, staff_code, chosen), chosen

    options = [(tr("staff_case.materials_all"), ALL), *((name, name) for name in missing)]
    return FormDialog(
        tr("staff_case.materials_title"),
        [Field("material", tr("staff_case.materials_which"), "select", value=ALL, options=options)],
        save,
        intro=tr("staff_case.materials_body", missing="、".join(missing)),
    )
