"""The staff app's own keys, and the screens they work on.

Besides quitting and F1 (the key panel), the app has, from any working
screen, ctrl keys that no screen uses, so they work even with a text field
focused: Ctrl+T sets one's own whereabouts (在岗/开会/外出/走访/休息/请假,
a note, the time one expects to be back), Ctrl+G shows the whereabouts
board (with A/B cover and leave), Ctrl+O the duty screen (checklists, the
leader's log), Ctrl+R the reports, Ctrl+N the calls and letters waiting
for a reply (来电来信), Ctrl+Y the worker's log and the month's meetings, Ctrl+B today's bookings (预约), and
Ctrl+L signs out, asking which state
to leave in.
"""

from __future__ import annotations

from textual.binding import Binding

APP_KEYS = [
    Binding("ctrl+q", "quit", "staff_ui.quit", show=False, priority=True),
    # Priority: a dialog (a modal screen) hides the app's other keys, and F1 must open on it too.
    Binding("f1", "toggle_keys", "staff_ui.help", show=False, key_display="F1", priority=True),
    Binding("ctrl+c", "help_quit", show=False, system=True),
    # Ctrl keys, so they work on every screen, even with a text field focused.
    Binding(
        "ctrl+t",
        "my_state",
        "staff_ui.where.set_mine",
        show=False,
        key_display="Ctrl+T",
        tooltip="staff_ui.where.set_mine_tip",
    ),
    Binding("ctrl+g", "show_work('whereabouts')", "staff_ui.where.board", show=False, key_display="Ctrl+G"),
    Binding("ctrl+o", "show_work('duty')", "staff_ui.duty.open", show=False, key_display="Ctrl+O"),
    Binding("ctrl+r", "show_work('reports')", "staff_ui.report.open", show=False, key_display="Ctrl+R"),
    Binding("ctrl+n", "show_work('contacts')", "staff_ui.contact.open", show=False, key_display="Ctrl+N"),
    Binding("ctrl+y", "show_work('worklog')", "staff_ui.worklog.open", show=False, key_display="Ctrl+Y"),
    Binding("ctrl+l", "sign_out_asking", "staff_ui.where.sign_out", show=False, key_display="Ctrl+L"),
    Binding("ctrl+b", "show_work('appointments')", "staff_ui.appointments.open", show=False, key_display="Ctrl+B"),
]

# The actions of the ctrl keys above: they apply only on a work screen.
WORK_ACTIONS = frozenset({"my_state", "show_work", "sign_out_asking"})

# Screens a signed-in person works on: the ctrl keys above apply there (not
# on a dialog, the resident's view, the lock or the sign-in).
WORK_SCREENS = frozenset(
    {
        "queue",
        "ledger",
        "case",
        "whereabouts",
        "leave",
        "duty",
        "reports",
        "supervisor",
        "contacts",
        "worklog",
        "visits",
        "appointments",
    }
)
WORK_SCREENS |= {"followups", "followup"}  # the 差评 loops: the list of what is due, and one case's loop

# The whereabouts board, leave, duty and the reports replace each other rather than piling up.
SIDE_SCREENS = frozenset({"whereabouts", "leave", "duty", "reports", "contacts", "worklog", "appointments"})
