"""A 差评 loop's facts, label by label: who verifies, the call-backs, the class, the plan, the appeal, the result."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from shared_ui.plain import PlainTable
from shared_ui.words import tr


def head_line(number: str, view: dict) -> Text:
    """The loop on one line: case, rating, stage, due date, and what is late (a word and ``!!``, not only a colour)."""
    text = Text(f"{number}  ", style="bold")
    text.append(tr(f"rating.level_{view['level']}") + "  " if view.get("level") else "")
    text.append(tr(f"followup.stage_{view['stage']}"), style="bold")
    if view.get("due"):
        text.append("  " + tr("followup.due", date=view["due"]))
    if view.get("marks"):
        text.append("  !! " + "、".join(tr(f"followup.mark_{mark}") for mark in view["marks"]), style="bold reverse")
    return text


class FollowupFields(Static):
    """The loop's fields; staff by code, never a resident's name or phone."""

    def show(self, view: dict, person) -> None:
        calls = [
            f"{call['at'][5:]} {tr('followup.reached' if call['reached'] else 'followup.unreached')} "
            f"{person(call['staff'])} {call['note']}".rstrip()
            for call in view["calls"]
        ]
        if view.get("retry_due") and not view.get("reached"):
            calls.append(tr("staff_followup.retry", date=view["retry_due"]))
        plan = "-"
        if view.get("plan"):
            plan = f"{view['plan']}（{tr('followup.due', date=view['plan_due'])}）"
            if view.get("plan_done"):
                plan += " " + tr("staff_followup.plan_done")
        appeal = "-"
        if view.get("appeal_by"):
            appeal = f"{person(view['appeal_by'])}：{view['appeal_reason']}"
            if view.get("appeal_decision"):
                decision = tr(f"followup.decision_{view['appeal_decision']}")
                appeal += f" → {decision}（{person(view['decided_by'])}）"
            elif view.get("appeal_due"):
                appeal += f"（{tr('followup.due', date=view['appeal_due'])}）"
        told = tr(f"followup.how_{view['told_how']}") if view.get("told") else "-"
        if view.get("handling_level"):
            told += "  " + tr("staff_followup.handling", level=tr(f"rating.level_{view['handling_level']}"))
        fields = [
            ("staff_followup.verifier", person(view.get("verifier")) if view.get("verifier") else "-"),
            (
                "staff_followup.deadlines",
                tr("staff_followup.deadlines_value", callback=view["callback_due"], feedback=view["rectify_due"]),
            ),
            ("staff_followup.calls", "\n".join(calls) or "-"),
            (
                "staff_followup.class",
                tr(f"followup.class_{view['classification']}") if view.get("classification") else "-",
            ),
            ("staff_followup.plan", plan),
            ("staff_followup.appeal", appeal),
            ("staff_followup.f_result", view.get("result") or "-"),
            ("staff_followup.told", told),
        ]
        table = PlainTable.grid(padding=(0, 2), expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        for key, value in fields:
            table.add_row(tr(key), value)
        self.update(table)
