"""Read-aloud at the kiosk (kiosk.speech_command): each screen's heading and the ticket,
through the board's one-at-a-time speaker; a fake speech command writes what it is given."""

from __future__ import annotations

import shlex
import sys

from shared_ui.words import tr
from tests.kiosk.conftest import make_kiosk, on_screen, open_item, tap, wait_for


def fake_speaker(tmp_path) -> tuple[str, object]:
    said = tmp_path / "said.txt"
    script = tmp_path / "say.py"
    script.write_text(
        "import sys\nwith open(sys.argv[1], 'a', encoding='utf-8') as f:\n    f.write(sys.argv[2] + '\\n')\n",
        encoding="utf-8",
    )
    command = f"{shlex.quote(sys.executable)} {shlex.quote(str(script))} {shlex.quote(str(said))} {{text}}"
    return command, said


def lines_of(path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


async def test_headings_and_the_ticket_are_read_aloud(hall, tmp_path):
    command, said = fake_speaker(tmp_path)
    app = make_kiosk(hall, "zh", speech_command=command)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_screen(pilot, "HomeScreen")
        await open_item(pilot, "take", "jisheng", "baby-hukou")
        await on_screen(pilot, "PriorityScreen")
        await tap(pilot, "#normal")
        await on_screen(pilot, "TicketScreen")
        number = app.screen.receipt.number
        await wait_for(pilot, lambda: any(number in line for line in lines_of(said)), timeout=10)
    spoken = lines_of(said)
    assert tr("kiosk.lines_title_take") in spoken
    ticket = next(line for line in spoken if number in line)
    assert "1 号窗口" in ticket and "取号成功" in ticket
    # One at a time, in the order the screens came, each said once.
    assert spoken.index(tr("kiosk.lines_title_take")) < spoken.index(ticket)
    assert len(spoken) == len(set(spoken))


async def test_nothing_is_said_without_a_command(hall, tmp_path):
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await tap(pilot, "#take")
        await on_screen(pilot, "LinesScreen")
        assert app.announcer.pending() == 0 and app.announcer._thread is None
