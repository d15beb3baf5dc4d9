"""The ``hall`` command: :mod:`cli.main` parses, each ``*_commands`` module holds one group of commands.

Commands only ask :mod:`models` (through the hall that :mod:`cli.context` opens)
and print its answers; exit status 0 done, 1 refused by a hall rule, 2 usage,
configuration or database error (:mod:`cli.errors`).
"""
