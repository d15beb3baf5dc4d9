"""The terminal's command palette (Ctrl+P): only the hall's commands, in the hall's words.

Textual's own commands are left out: the theme, the keys panel, and the
screenshot, which would write residents' data to disk.
"""

from __future__ import annotations

from textual.app import SystemCommand

from models.i18n import t


class HallCommands:
    """Every enabled action of the screen, by its words and keys; nothing while the terminal is locked."""

    def get_system_commands(self, screen):
        from staff_tui.widgets.key_help import from_textual

        if self.locked:
            return
        for active in screen.active_bindings.values():
            binding = active.binding
            if not active.enabled or not binding.description or binding.system:
                continue
            if binding.action in ("command_palette", "app.command_palette"):
                continue
            node = active.node
            if from_textual(node, binding.action):
                continue  # a field's own keys, Tab and the like (in Textual's English) are no hall command
            label = binding.description
            display = self.get_key_display(binding)
            yield SystemCommand(
                f"{label} ({display})",
                t("staff_ui.palette_help", self.lang, keys=display),
                lambda node=node, action=binding.action: self.call_later(self.run_action, action, node),
            )
        # Only the hall's commands, in the hall's words: none of Textual's own (theme,
        # keys, and the screenshot, which would write residents' data to disk).

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(placeholder=t("staff_ui.palette_search", self.lang), id="--command-palette")
            )
