"""The terminal's tables show people's text as typed, brackets included."""

from __future__ import annotations

from textual.app import App

from staff_tui.widgets.keyed_table import KeyedTable


class TableApp(App):
    def compose(self):
        yield KeyedTable()


async def test_a_cell_with_brackets_is_shown_as_typed_and_updated_in_place():
    app = TableApp()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(KeyedTable)
        table.set_columns([("note", "note", 30), ("who", "who", 10)])
        table.sync([("a", ("请核对[/]材料", "[b]王芳[/]"))])
        await pilot.pause()
        table.sync([("a", ("请核对[/]材料 [red]", "[b]王芳[/]"))])
        await pilot.pause()
        assert table.get_cell("a", "note").plain == "请核对[/]材料 [red]"
        assert table.get_cell("a", "who").plain == "[b]王芳[/]"
        assert "请核对[/]材料" in app.export_screenshot()
