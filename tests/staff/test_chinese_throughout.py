"""The terminal in Chinese throughout: an empty choice, the F1 keys, the command palette."""

from __future__ import annotations

from textual.command import CommandPalette

from tests.staff.helpers import make_app, screen_text, shift_for, take, text_of, wait_for


async def test_an_empty_choice_says_please_choose(staffed):
    take(staffed, "rural-dibao")
    staffed.queue.call_next(3, "S05")
    app = make_app(staffed, shift=shift_for("S05", 3), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None)
        await pilot.press("f6")  # the transfer form: where to, not chosen yet
        await wait_for(pilot, lambda: app.screen.query("#f-target"), what="transfer form")
        await pilot.pause(0.2)
        text = screen_text(app)
        assert "请选择" in text and "Select" not in text


async def test_f1_lists_the_halls_keys_first(staffed):
    app = make_app(staffed, shift=shift_for("S05", 3), live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None)
        await pilot.press("f9")
        await wait_for(pilot, lambda: app.screen.name == "ledger" and app.screen.answer is not None)
        app.screen.query_one("#search").focus()  # a text field has focus: its keys come last
        await pilot.press("f1")
        await wait_for(pilot, lambda: app.screen.query("HallKeyPanel"), what="key panel")
        await pilot.pause(0.2)
        keys = [
            line.strip() for line in text_of(app.screen.query_one("HallBindingsTable")).splitlines() if line.strip()
        ]
        assert "未办结" in keys[0]  # F2, the ledger's first key
        fields_at = next(i for i, line in enumerate(keys) if "输入框内的按键" in line)
        assert all("退出登录" not in line for line in keys[fields_at:])
        assert any("退出登录" in line for line in keys[:fields_at])
        await pilot.press("f1")
        await wait_for(pilot, lambda: not app.screen.query("HallKeyPanel"), what="closed")


async def test_the_command_palette_offers_the_halls_commands_only(staffed):
    app = make_app(staffed, shift=shift_for("S05", 3), live=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "queue" and app.screen.picture is not None)
        commands = [command.title for command in app.get_system_commands(app.screen)]
        assert any("叫号" in title for title in commands)
        assert not any(word in " ".join(commands).lower() for word in ("screenshot", "theme", "quit", "keys", "focus"))
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: CommandPalette.is_open(app), what="palette")
        await pilot.pause(0.2)
        assert "输入命令的名称或按键" in screen_text(app)
