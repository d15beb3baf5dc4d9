"""The keypad's ⌫ and 清除 on a screen where it types one text (a code, a phone number).

Mixed in before KioskScreen; the screen says where its text is kept
(``typed_text``) and how it is shown again once changed (``retype``). What a
key adds is each screen's own (a code has its length and letters, a phone
its digits).
"""

from __future__ import annotations

from kiosk.widgets.keypad import Keypad


class KeypadTyping:
    def typed_text(self) -> str:
        raise NotImplementedError

    def retype(self, text: str) -> None:
        """Keep ``text`` as what was typed, and show it."""
        raise NotImplementedError

    def on_keypad_erased(self, message: Keypad.Erased) -> None:
        self.retype(self.typed_text()[:-1])

    def on_keypad_cleared(self, message: Keypad.Cleared) -> None:
        self.retype("")
