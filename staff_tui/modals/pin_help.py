"""A leader's help with signing in (F5 on the whereabouts board): lift a
lock-out, or let the person type a new PIN.

Both fields left empty lifts the lock-out; a new PIN, typed twice by the
person it belongs to at the leader's terminal, replaces the old one (and
lifts any lock-out). The rules and the record are
:mod:`models.staff.signin_help`'s.
"""

from __future__ import annotations

from models.staff.signin_help import lift_lockout, reset_pin
from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog


def pin_help_dialog(leader, code: str, name: str, *, terminal: str) -> FormDialog:
    """The form; the save answers ``"unlocked"``, ``"not_locked"`` or ``"pin_reset"``."""

    def save(values: dict):
        pin, again = values.get("pin", ""), values.get("again", "")
        if not pin and not again:
            return "unlocked" if lift_lockout(leader, code, terminal=terminal) else "not_locked"
        reset_pin(leader, code, pin, again, terminal=terminal)
        return "pin_reset"

    return FormDialog(
        tr("staff_ui.where.pin_help_title", name=name, code=code),
        [
            Field("pin", tr("staff_ui.where.pin_help_new"), "password"),
            Field("again", tr("staff_ui.where.pin_help_again"), "password"),
        ],
        save,
        intro=tr("staff_ui.where.pin_help_intro", name=name),
        save_label=tr("staff_ui.where.pin_help_save"),
        name="pin-help",
    )
