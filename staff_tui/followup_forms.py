"""The dialog of each step of a 差评 loop: its fields and what saving asks the models.

One table, so the loop's screen offers each step with one key and one
dialog; the rules stay in :mod:`models.cases.bad_ratings`, which refuses in
the dialog's error line, the dialog staying open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from models.cases.bad_ratings.loop_rules import CLASSES, TELL_HOWS
from shared_ui.words import tr
from staff_tui.modals.form import Field, FormDialog


def _note(label: str = "staff_followup.note", value: str = "") -> Field:
    return Field("note", tr(label), value=value, placeholder=tr("staff_followup.note_hint"))


def step_dialog(step: str, number: str, code: str, loops, view: dict, people: list) -> FormDialog:
    """The dialog of ``step`` on case ``number`` by ``code``; ``people``: whom a leader may assign."""
    handler = view.get("handler") or view.get("verifier")
    fields: list[Field]
    save: Callable[[dict], object]
    if step == "assign":
        options = [(f"{p.name}（{p.code}）", p.code) for p in people]
        fields = [
            Field("to", tr("staff_followup.verifier"), "select", value=view.get("verifier") or handler, options=options)
        ]
        save = lambda v: loops.assign(number, code, v["to"])  # noqa: E731
    elif step == "call":
        reached = [(tr("followup.reached"), "yes"), (tr("followup.unreached"), "no")]
        said = "yes" if view.get("can_call", True) else "no"  # a visit without a phone cannot be reached
        fields = [Field("reached", tr("staff_followup.call_result"), "select", value=said, options=reached), _note()]
        save = lambda v: loops.call(number, code, reached=v["reached"] != "no", note=v["note"])  # noqa: E731
    elif step == "classify":
        options = [(tr(f"followup.class_{name}"), name) for name in CLASSES]
        value = view.get("classification") or ("actual" if view.get("reached") else "unverifiable")
        fields = [Field("class", tr("staff_followup.class"), "select", value=value, options=options), _note()]
        save = lambda v: loops.classify(number, code, v["class"] or "", v["note"])  # noqa: E731
    elif step == "plan":
        fields = [
            _note("staff_followup.plan"),
            Field("due", tr("staff_followup.plan_due"), "date"),
        ]
        save = lambda v: loops.plan(number, code, v["note"], v["due"] or None)  # noqa: E731
    elif step == "decide":
        options = [(tr("followup.decision_upheld"), "upheld"), (tr("followup.decision_rejected"), "rejected")]
        fields = [
            Field("decision", tr("staff_followup.decision"), "select", options=options),
            _note("staff_followup.result"),
        ]
        save = lambda v: loops.decide(number, code, upheld=v["decision"] == "upheld", note=v["note"])  # noqa: E731
    elif step == "tell":
        options = [(tr(f"followup.how_{how}"), how) for how in TELL_HOWS]
        fields = [Field("how", tr("staff_followup.how"), "select", value="phone", options=options), _note()]
        save = lambda v: loops.tell(number, code, v["how"] or "", v["note"])  # noqa: E731
    else:  # fix_now, plan_done, explain, appeal: the words are all they take
        method = {
            "fix_now": loops.fix_now,
            "plan_done": loops.plan_done,
            "explain": loops.explain,
            "appeal": loops.appeal,
        }[step]
        label = "staff_followup.reason" if step == "appeal" else "staff_followup.result"
        fields = [_note(label)]
        save = lambda v: method(number, code, v["note"])  # noqa: E731
    return FormDialog(
        tr("staff_followup.title", step=tr(f"followup.step_{step}"), number=number),
        fields,
        save,
        intro=tr(f"staff_followup.intro_{step}"),
        name="followup-step",
    )
