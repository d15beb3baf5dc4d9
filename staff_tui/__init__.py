"""The staff terminal (窗口工作人员终端): ``hall staff``.

A Textual app that only asks ``models/`` and shows its answers: every
database call runs in a thread worker and posts its result back.
"""
