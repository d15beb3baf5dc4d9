"""Every list the ``hall`` command gives, on a fresh hall with nothing in it: one sentence saying so.

A list that prints nothing leaves the user wondering whether the command ran;
a traceback is worse. Each answer here is exit status 0 with a sentence.
"""

from __future__ import annotations

import pytest

from cli.main import main
from models.i18n import t
from models.staff import add_staff
from tests.conftest import pin_on_stdin


@pytest.fixture
def run(hall, capsys, frozen_clock):
    """``hall …`` on a hall just made by ``hall init`` (no demo), with one worker and one leader."""
    add_staff("S01", "张一", "1234", posts=[(1, "A")])
    add_staff("L01", "刘站长", "1234", role="leader")
    database = ["--db", hall.config.database]

    def hall_command(*argv, lang="zh"):
        with pin_on_stdin("1234"):
            status = main([*database, "--lang", lang, *argv])
        return (status, *capsys.readouterr())

    return hall_command


EMPTY_LISTS = [
    (("contact", "list"), "contact.no_contacts"),
    (("contact", "list", "--all"), "contact.no_contacts"),
    (("log", "list", "--staff", "S01"), "worklog.no_entries"),
    (("log", "list", "--staff", "L01", "--of", "*", "--month", "2026-11"), "worklog.no_entries"),
    (("households", "list"), "visits.no_households"),
    (("visits", "--month", "2026-11"), "visits.no_areas"),
    (("visits", "--month", "2026-11", "--worker", "S01"), "visits.no_areas"),
    (("visits", "--month", "2026-11", "--csv"), "visits.no_areas"),
    (("appointment", "list", "--date", "2026-11-23"), "appointment.list_empty"),
    (("ratings", "indicators", "--month", "2026-11"), "ratings.no_ratings"),
    (("ratings", "ranking", "--month", "2026-11"), "ratings.no_ratings"),
    (("case", "followups"), "staff_followup.list_empty"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("argv", "key"), EMPTY_LISTS, ids=[" ".join(a) for a, _ in EMPTY_LISTS])
def test_an_empty_list_says_so(run, argv, key, lang):
    status, out, err = run(*argv, lang=lang)
    assert (status, err) == (0, "")
    assert t(key, lang).strip() in out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_areas_names_the_command_that_loads_them(run, lang):
    _status, out, _err = run("visits", "--month", "2026-11", lang=lang)
    assert out.strip() == t("visits.no_areas", lang) and "hall households load" in out


def test_an_empty_month_of_meetings_and_notices_still_says_what_it_counted(run):
    status, out, err = run("meeting", "month", "--month", "2026-11", lang="en")
    assert status == 0 and err == "" and out.strip()
    status, out, err = run("report", "notices", "--month", "2026-11", lang="en")
    assert status == 0 and err == "" and out.strip()


def test_json_of_an_empty_visit_month_stays_a_json_answer(run):
    import json

    status, out, _err = run("visits", "--month", "2026-11", "--json")
    assert status == 0 and json.loads(out)["workers"] == []
