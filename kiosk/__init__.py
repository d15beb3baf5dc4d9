"""The lobby kiosk (``hall kiosk``) and the display board (``hall board``), Textual apps for touch and TV.

- :mod:`kiosk.app` — the kiosk; :mod:`kiosk.navigator` decides which screen comes next;
- :mod:`kiosk.board_app` — the board (叫号大屏), with :mod:`kiosk.announcer` speaking the calls;
- :mod:`kiosk.base_app` — what both apps share: the hall opened behind the first frame, the day's state;
- :mod:`kiosk.screens` and :mod:`kiosk.widgets` — one screen or widget per file.
"""
