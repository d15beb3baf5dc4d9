"""The meeting, household and visit commands refused: by someone without the right,
with a wrong PIN, or with text no field takes. Each answer is one plain sentence
on stderr naming what was refused, nothing is written, and no traceback shows.

Brackets (``[red]x``) are ordinary characters: where a field takes text they are
kept as typed and never read as markup; where the option names something (a
household, a staff code) nothing of that name is found.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from cli.main import main
from models.schema import CaseRecord, Event, SigninLockout, Staff
from models.schema.households import Area, Household, HouseholdAccess, Visit, VisitFollowup, VisitMatter, VisitPlan
from models.schema.whereabouts import WhereaboutsChange
from models.schema.worklog import Meeting, MeetingAttendance, MeetingCorrection
from models.staff import add_staff
from tests.conftest import SHANGHAI, pin_on_stdin
from tests.visits.conftest import AREA_FILE, PIN

WRITTEN = (
    Area,
    Household,
    HouseholdAccess,
    Visit,
    VisitMatter,
    VisitFollowup,
    VisitPlan,
    WhereaboutsChange,
    Meeting,
    MeetingAttendance,
    MeetingCorrection,
    CaseRecord,
    Event,
    SigninLockout,
)

ESC = "\x1b[2J"
LONG = "长" * 5000


@pytest.fixture
def setting(areas, tmp_path, capsys):
    """The two areas, a visit of S01's with one matter raised, a meeting S01 attended; the area file."""
    add_staff("S03", "赵三", PIN)
    Staff.update(active=False).where(Staff.code == "S03").execute()  # has left the hall
    visit = areas.visits.log("S01", "g1-001", matters=["楼道灯坏了"])
    meeting = areas.meetings.record(
        "S01", "weekly", datetime(2026, 11, 23, 8, 0, tzinfo=SHANGHAI), "周例会：走访安排", ["S01"]
    )
    path = tmp_path / "areas.toml"
    path.write_text(AREA_FILE.replace("幸福小区", "幸福新村"), encoding="utf-8")
    capsys.readouterr()
    return {"matter": str(visit.matters[0].id), "meeting": str(meeting.id), "file": str(path)}


def run(hall, capsys, argv, pin="1234"):
    with pin_on_stdin(pin):
        status = main(["--db", hall.config.database, "--lang", "en", *argv])
    return (status, *capsys.readouterr())


def counts() -> dict[str, int]:
    return {table.__name__: table.select().count() for table in WRITTEN}


# Each command as the one who may run it: (argv with {placeholders}, its text options).
COMMANDS = {
    "meeting record": (
        ["meeting", "record", "--staff", "S01", "--kind", "weekly", "--at", "2026-11-23 08:30"]
        + ["--content", "补记例会", "--attended", "S01"],
        ("--content", "--attended"),
    ),
    "meeting correct": (
        ["meeting", "correct", "{meeting}", "--staff", "S01", "--reason", "时间记错", "--content", "周例会：走访分工"],
        ("--reason", "--content", "--attended"),
    ),
    "households load": (["households", "load", "{file}", "--staff", "L01"], ("file",)),
    "households reveal": (
        ["households", "reveal", "g1-001", "--staff", "S01", "--reason", "电话回访"],
        ("--reason", "household"),
    ),
    "visit log": (
        ["visit", "log", "--staff", "S01", "--household", "g1-002", "--note", "上门", "--raised", "垃圾清运"],
        ("--note", "--raised", "--household"),
    ),
    "visit case": (
        ["visit", "case", "{matter}", "--staff", "S01", "--item", "rural-dibao", "--kind", "consultation"]
        + ["--result", "已登记"],
        ("--result", "--item", "--kind"),
    ),
    "visit answer": (["visit", "answer", "{matter}", "--staff", "S01", "--text", "已修好"], ("--text",)),
    "visit go": (
        ["visit", "go", "--staff", "S01", "--household", "g1-002", "--note", "走访"],
        ("--note", "--household"),
    ),
}

# The same command by someone without the right: a clerk of the other area, one not at the
# meeting (nor adding themselves to it), a clerk for a leader's load; a visit of any area's
# household may be logged or planned by a colleague, so there it is a clerk who has left.
NO_RIGHT = {
    "meeting record": ("meeting record", "S02", {}),
    "meeting correct": ("meeting correct", "S02", {}),
    "meeting correct, adding oneself": ("meeting correct", "S02", {"--attended": "S01,S02"}),
    "households load": ("households load", "S01", {}),
    "households reveal": ("households reveal", "S02", {}),
    "visit log": ("visit log", "S03", {}),
    "visit case": ("visit case", "S02", {}),
    "visit answer": ("visit answer", "S02", {}),
    "visit go": ("visit go", "S03", {}),
}


def command(name: str, setting: dict, **options: str) -> list[str]:
    """The command's words, with ``options`` (``--note``, or ``file`` for a positional) in place of its own."""
    argv = [word.format(**setting) for word in COMMANDS[name][0]]
    for option, value in options.items():
        if option.startswith("--"):
            if option in argv:
                argv[argv.index(option) + 1] = value
            else:
                argv += [option, value]
        else:
            position = {"file": 2, "household": 2}[option]
            argv[position] = value
    return argv


def refused_plainly(status: int, out: str, err: str, *words: str) -> None:
    assert status in (1, 2), (status, out, err)
    assert out == "" and "Traceback" not in err and "\x1b" not in err
    lines = err.strip().splitlines()
    # A command's refusal starts with "hall:"; an area file's problem with the file's name, as a compiler's does.
    assert len(lines) == 1 and (lines[0].startswith("hall") or lines[0].startswith("[red]x:")), err
    assert len(lines[0]) < 400, lines[0][:400]
    for word in words:
        assert word in lines[0], lines[0]


def test_each_command_runs_for_whoever_may(hall, capsys, setting):
    """The walk's commands as given do their work: the refusals below are not a broken command."""
    for name in COMMANDS:
        status, _out, err = run(hall, capsys, command(name, setting))
        assert status == 0, (name, err)


@pytest.mark.parametrize("case", list(NO_RIGHT))
def test_without_the_right(hall, capsys, setting, case):
    name, staff, options = NO_RIGHT[case]
    before = counts()
    refused_plainly(*run(hall, capsys, command(name, setting, **{"--staff": staff, **options})), staff)
    assert counts() == before


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_wrong_pin(hall, capsys, setting, name):
    before = counts()
    refused_plainly(*run(hall, capsys, command(name, setting), pin="0000"))
    assert counts() == before


HOSTILE = [(name, option) for name, (_argv, options) in COMMANDS.items() for option in options]


@pytest.mark.parametrize("text", [ESC, LONG], ids=["escape", "5000"])
@pytest.mark.parametrize(("name", "option"), HOSTILE, ids=[f"{n} {o}" for n, o in HOSTILE])
def test_text_no_field_takes(hall, capsys, setting, name, option, text):
    before = counts()
    status, out, err = run(hall, capsys, command(name, setting, **{option: text}))
    refused_plainly(status, out, err)
    named = option.removeprefix("--")
    assert named in err or {"raised": "matter", "text": "answer"}.get(named, named) in err.lower(), err
    assert counts() == before


@pytest.mark.parametrize(("name", "option"), HOSTILE, ids=[f"{n} {o}" for n, o in HOSTILE])
def test_brackets_are_text_not_markup(hall, capsys, setting, name, option):
    """Taken as typed where the option is words; where it names something, that name is not found."""
    status, out, err = run(hall, capsys, command(name, setting, **{option: "[red]x"}))
    assert "Traceback" not in err and "\x1b" not in out + err
    if status == 0:
        return
    refused_plainly(status, out, err)
