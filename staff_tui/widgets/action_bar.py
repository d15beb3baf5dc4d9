"""A row of compact buttons for a screen's actions (the same actions as its keys).

Over SSH without a mouse the keys do everything; with a mouse or a touch
screen the buttons do the same. A button runs its action on the screen and
is disabled when the screen's ``check_action`` says the action does not
apply now.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Button


class ActionBar(HorizontalGroup):
    DEFAULT_CSS = """
    ActionBar { height: auto; width: 1fr; padding: 0 0; }
    ActionBar Button { margin: 0 1 0 0; min-width: 4; }
    """

    def __init__(self, actions: list[tuple[str, str]], *, id: str | None = None) -> None:
        """``actions``: (action name, label) pairs."""
        super().__init__(id=id)
        self.actions = actions

    def compose(self) -> ComposeResult:
        for action, label in self.actions:
            button = Button(label, id=f"act-{action}", compact=True)
            button.can_focus = False  # keys drive the screen; the focus stays on its table
            button.action_name = action
            yield button

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        action = getattr(event.button, "action_name", None)
        if action:
            await self.screen.run_action(action)

    def sync(self) -> None:
        """Enable exactly the buttons whose action applies now."""
        screen = self.screen
        for button in self.query(Button):
            action = getattr(button, "action_name", None)
            if action:
                state = screen.check_action(action, ())
                button.display = state is not False
                button.disabled = not state
