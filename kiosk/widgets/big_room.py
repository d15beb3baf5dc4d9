"""How much room a kiosk screen gives big glyphs (:mod:`shared_ui.glyph_font`), by its height."""

from __future__ import annotations


def big_lines_allowed(screen_height: int) -> int:
    """Lines of big glyphs (8 rows each) a screen this tall gives its heading, and whether its
    tiles may be big (any): none on a low screen, whose rows go to the list below; two on a TV."""
    return 2 if screen_height >= 50 else 1 if screen_height >= 40 else 0
