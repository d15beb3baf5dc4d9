"""The worker's log and meetings forms: write an entry, correct one, record a meeting."""

from __future__ import annotations

from datetime import date, datetime

from models.worklog.meetings import MEETING_KINDS
from models.worklog.rights import WorklogRefused
from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog

W = "staff_ui.worklog"


def _day(text: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise WorklogRefused("bad_time", time=text[:30]) from None


def _time(text: str, zone) -> datetime:
    try:
        return datetime.fromisoformat(text.strip().replace(" ", "T")).replace(tzinfo=zone)
    except ValueError:
        raise WorklogRefused("bad_time", time=text[:30]) from None


def write_dialog(worklog, shift, today: date) -> FormDialog:
    def save(values: dict):
        return worklog.write(shift.code, values["text"], day=_day(values["day"]))

    return FormDialog(
        tr(f"{W}.write_title", name=shift.name),
        [
            Field("text", tr(f"{W}.f_text"), placeholder=tr(f"{W}.f_text_hint")),
            Field("day", tr(f"{W}.f_day"), "date", value=today.isoformat()),
        ],
        save,
        save_label=tr(f"{W}.write"),
        name="log-write",
    )


def correct_dialog(worklog, shift, entry) -> FormDialog:
    def save(values: dict):
        return worklog.correct(shift.code, entry.id, values["text"])

    return FormDialog(
        tr(f"{W}.correct_title", id=entry.id),
        [Field("text", tr(f"{W}.f_text"), value=entry.text)],
        save,
        intro=tr(f"{W}.correct_intro"),
        save_label=tr(f"{W}.correct"),
    )


def meeting_dialog(meetings, shift, people: list, now_text: str, zone) -> FormDialog:
    kinds = [(tr(f"worklog.kind_{kind}"), kind) for kind in MEETING_KINDS]
    options = [(f"{p.name}（{p.code}）", p.code) for p in people]

    def save(values: dict):
        return meetings.record(
            shift.code, values.get("kind") or "", _time(values["at"], zone), values["content"], values["who"]
        )

    return FormDialog(
        tr(f"{W}.meeting_title"),
        [
            Field("kind", tr(f"{W}.f_kind"), "select", value="weekly", options=kinds),
            Field("at", tr(f"{W}.f_at"), value=now_text),
            Field("content", tr(f"{W}.f_content")),
            Field("who", tr(f"{W}.f_who"), "multi", value=[shift.code], options=options),
        ],
        save,
        save_label=tr(f"{W}.meeting"),
    )


def meeting_correct_dialog(meetings, shift, people: list, meeting, zone) -> FormDialog:
    """A meeting's correction: time, content and attendance as they should read, and why."""
    options = [(f"{p.name}（{p.code}）", p.code) for p in people]

    def save(values: dict):
        at, content, who = values["at"].strip(), values["content"].strip(), list(values["who"])
        return meetings.correct(
            shift.code,
            meeting.id,
            values["reason"],
            held_at=_time(at, zone) if at != meeting.held_at else None,
            content=content if content != meeting.content else None,
            attendees=who if sorted(who) != sorted(meeting.attendees) else None,
        )

    return FormDialog(
        tr(f"{W}.meeting_correct_title", id=meeting.id, kind=tr(f"worklog.kind_{meeting.kind}")),
        [
            Field("at", tr(f"{W}.f_at"), value=meeting.held_at),
            Field("content", tr(f"{W}.f_content"), value=meeting.content),
            Field("who", tr(f"{W}.f_who"), "multi", value=list(meeting.attendees), options=options),
            Field("reason", tr(f"{W}.f_reason"), placeholder=tr(f"{W}.f_reason_hint")),
        ],
        save,
        intro=tr(f"{W}.meeting_correct_intro"),
        save_label=tr(f"{W}.correct"),
    )
