"""``hall duty untick``: a tick taken back with a reason, from the CLI, with the PIN."""

from __future__ import annotations

import json

from models.duty import Duty
from tests.whereabouts.conftest import at
from tests.whereabouts.test_cli import MON, db, run  # noqa: F401  (db is a fixture)


def test_untick_with_a_reason_and_its_refusals(db, capsys, people):  # noqa: F811
    at(MON, 8, 40)
    assert run(capsys, "duty", "tick", "--opening", "2", "--staff", "S01", "--db", db)[0] == 0
    code, out, _ = run(capsys, "duty", "untick", "--opening", "2", "--staff", "S01", "--reason", "勾错了", "--db", db)
    assert code == 0 and "勾错了" in out and "第2项" in out
    assert not Duty(people.config).checklist_history(MON).opening.items[1].ticked
    code, _, err = run(capsys, "duty", "untick", "--opening", "2", "--staff", "S01", "--reason", "又错", "--db", db)
    assert code == 1 and "没有勾选" in err
    assert run(capsys, "duty", "tick", "--opening", "2", "--staff", "S01", "--db", db)[0] == 0
    code, out, _ = run(
        capsys, "duty", "untick", "--opening", "2", "--staff", "S01", "--reason", "x", "--json", "--db", db
    )
    assert code == 0 and json.loads(out)["reason"] == "x"
    code, _, err = run(
        capsys, "duty", "untick", "--opening", "2", "--staff", "S01", "--reason", "x", "--db", db, pin="9"
    )
    assert code != 0
