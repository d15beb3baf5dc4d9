"""The export form: CSV or XLSX, into the hall's export folder (``[exports] folder``)."""

from __future__ import annotations

from collections.abc import Callable

from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog


def export_dialog(title: str, save: Callable[[dict], str]) -> FormDialog:
    """``save({"format": "csv" | "xlsx"})`` writes the file and answers its path."""
    return FormDialog(
        title,
        [
            Field(
                "format",
                tr("staff_ui.export_format"),
                "select",
                value="xlsx",
                options=[(tr("staff_ui.export_xlsx"), "xlsx"), (tr("staff_ui.export_csv"), "csv")],
            )
        ],
        save,
        intro=tr("staff_ui.export_intro"),
        save_label=tr("staff_ui.export_save"),
    )
