"""What the kiosk, the board and the staff terminal share: Textual pieces with no screen of their own.

- :mod:`shared_ui.workers` — ask the models in a thread worker and get the answer back as a message.
"""
