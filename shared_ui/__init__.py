"""What the kiosk, the board and the staff terminal share: Textual pieces with no screen of their own.

Nothing is imported here (the kiosk's first frame comes before the models' heavier modules):

- :mod:`shared_ui.workers` — ask the models in a thread worker and get the answer back as a message.
- :mod:`shared_ui.live` — the change feed: HallChanged (with its kinds), DatabaseLost, DatabaseRestored.
- :mod:`shared_ui.words` — words in the running app's language: ``tr``, ``name_of``, ``localise_bindings``.
- :mod:`shared_ui.qr` — a QR code widget drawn with half blocks, black on white whatever the theme.
- :mod:`shared_ui.big_text` — large characters for ticket numbers and windows.
- :mod:`shared_ui.printing` — ESC/POS printing of tickets and of the notices handed out at the counter.

It imports only ``models``, ``themes``, Textual, Rich, the standard library (and qrcode or python-escpos
when a code is drawn or printed): never ``kiosk`` or ``staff_tui``.
"""
