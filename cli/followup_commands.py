"""``hall case followup …``: the steps of a 差评 loop, and ``hall case followups``, what is due.

Every step acts as the staff member ``--staff`` names (their PIN is asked);
the rules of who may take it are the models' (:mod:`models.cases.bad_ratings`).
``rate-handling`` is the resident's own, with the visit's tracking code.

Exit status as everywhere: 0 done, 1 refused by a hall rule, 2 usage.
"""

from __future__ import annotations

from cli import context
from cli.context import acts_as, emit_json, parse_date, say
from models.cases.bad_ratings.loop_rules import CLASSES, TELL_HOWS
from models.cases.rules import LEVELS
from models.i18n import pick, t


def register(case, common) -> None:
    """``hall case followup ACTION`` under ``hall case`` (its action parsers ``case``)."""
    group = case.add_parser(
        "followup", parents=[common], help="the 差评 loop: verify, classify, put right, appeal, tell"
    )
    steps = group.add_subparsers(dest="followup_step", metavar="STEP")
    steps.required = True

    def step(name: str, help_text: str, *, staff: bool = True):
        parser = steps.add_parser(name, parents=[common], help=help_text)
        parser.add_argument("case", help="case number, e.g. 2026-000123, or a visit: day/ticket, e.g. 2026-11-23/A003")
        if staff:
            parser.add_argument("--staff", required=True, metavar="CODE", help="staff code of the person acting")
            acts_as(parser, "staff")
        parser.add_argument("--json", action="store_true")
        parser.set_defaults(handler=cmd_followup_step, followup_step=name)
        return parser

    step("show", "the loop of one case: its stage, deadlines and steps")
    assign = step("assign", "the leader names who verifies (default: the case's handler)")
    assign.add_argument("--to", dest="verifier", metavar="CODE")
    call = step("call", "a call-back to the resident")
    reached = call.add_mutually_exclusive_group(required=True)
    reached.add_argument("--reached", action="store_true")
    reached.add_argument("--unreached", action="store_true", help="未接通: the next try is due")
    call.add_argument("--note", default="")
    classify = step("classify", "the class: actual, mistaken, malicious, unverifiable (GB/T 39734 §9)")
    classify.add_argument("--class", dest="classification", choices=CLASSES, required=True)
    classify.add_argument("--note", default="")
    step("fix", "立行立改: put right at once").add_argument("--note", required=True, help="what was done")
    plan = step("plan", "限期整改: a rectification plan and its deadline")
    plan.add_argument("--note", required=True, help="what the plan does")
    plan.add_argument("--due", type=parse_date, help="default: bad_ratings.plan_days working days")
    step("plan-done", "the plan's rectification is complete").add_argument("--note", required=True)
    step("explain", "the 差评 has no basis: the explanation").add_argument("--note", required=True)
    step("appeal", "申诉复核 of a mistaken or malicious rating").add_argument("--reason", required=True)
    decide = step("decide", "another leader decides an appeal")
    upheld = decide.add_mutually_exclusive_group(required=True)
    upheld.add_argument("--upheld", action="store_true")
    upheld.add_argument("--rejected", action="store_true")
    decide.add_argument("--note", required=True)
    tell = step("tell", "the resident was told the result")
    tell.add_argument("--how", choices=TELL_HOWS, required=True)
    tell.add_argument("--note", default="", help="a phone call's note")
    handling = step("rate-handling", "the resident rates how the 差评 was handled", staff=False)
    handling.add_argument("--code", required=True, help="the tracking code of the visit")
    handling.add_argument("--level", choices=LEVELS, required=True)


# Each step's call of the loop, by the command's name of it.
_STEPS = {
    "assign": lambda loops, a: loops.assign(a.case, a.staff, a.verifier),
    "call": lambda loops, a: loops.call(a.case, a.staff, reached=a.reached, note=a.note),
    "classify": lambda loops, a: loops.classify(a.case, a.staff, a.classification, a.note),
    "fix": lambda loops, a: loops.fix_now(a.case, a.staff, a.note),
    "plan": lambda loops, a: loops.plan(a.case, a.staff, a.note, a.due),
    "plan-done": lambda loops, a: loops.plan_done(a.case, a.staff, a.note),
    "explain": lambda loops, a: loops.explain(a.case, a.staff, a.note),
    "appeal": lambda loops, a: loops.appeal(a.case, a.staff, a.reason),
    "decide": lambda loops, a: loops.decide(a.case, a.staff, upheld=a.upheld, note=a.note),
    "tell": lambda loops, a: loops.tell(a.case, a.staff, a.how, a.note),
    "rate-handling": lambda loops, a: (
        loops.rate_visit_handling(a.code, a.level) if "/" in a.case else loops.rate_handling(a.code, a.case, a.level)
    ),
}


# The command's names of steps whose words are under another name.
_STEP_WORDS = {"fix": "fix_now", "plan-done": "plan_done"}


def cmd_followup_step(args) -> int:
    loops = context.hall_from(args).bad_ratings
    if args.followup_step == "show":
        number = loops.name_of(args.case)
    else:
        number = _STEPS[args.followup_step](loops, args).number
    view = loops.view(number)
    if view is None:
        from models.cases.bad_ratings import FollowupRefused

        raise FollowupRefused("no_followup", case=number)
    if args.json:
        emit_json({"number": number, **view})
        return 0
    lang = context.language
    if args.followup_step not in ("show", "rate-handling"):
        word = t("followup.step_" + _STEP_WORDS.get(args.followup_step, args.followup_step), lang)
        said = "followup_cli.done_visit" if "/" in number else "followup_cli.done"
        say(t(said, lang, number=number, step=word))
    say(status_line(number, view, lang))
    return 0


def status_line(number: str, view: dict, lang: str) -> str:
    """One loop on one line: stage, due date and late marks, verifier, class."""
    parts = [number, t("followup.stage_" + view["stage"], lang)]
    if view["due"]:
        parts.append(t("followup.due", lang, date=view["due"]))
    if view["marks"]:
        parts.append("!! " + "、".join(t("followup.mark_" + mark, lang) for mark in view["marks"]))
    if view["verifier"]:
        parts.append(t("followup_cli.verifier", lang, staff=view["verifier"]))
    if view["classification"]:
        parts.append(t("followup.class_" + view["classification"], lang))
    return "  ".join(parts)


def cmd_followups(args) -> int:
    rows = context.hall_from(args).bad_ratings.due(verifier=args.verifier, include_done=args.all)
    if args.json:
        emit_json({"followups": rows})
        return 0
    lang = context.language
    say(t("case.followups_title", lang))
    if not rows:
        say("  " + t("case.no_followups", lang))
    for row in rows:
        item = pick(row["item"], row["item_en"], lang)
        level = t(f"rating.level_{row['level']}", lang)
        say(f"  {status_line(row['number'], row, lang)}  {item}  {level}")
    return 0
