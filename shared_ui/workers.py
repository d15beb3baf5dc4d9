"""Asking the models from a thread worker, and getting the answer back as a message.

Every database call of an app runs off the UI thread, inside that thread's own
connection (peewee keeps one per thread; a pool thread that never closes it
leaks it). :func:`ask` is the one way to do that: it runs ``fn(hall)`` in a
thread worker and posts ``done(result)`` or ``failed(error)`` to the node that
asked, unless the worker was cancelled meanwhile (a newer ask of the same
group replaced it, or the screen went away), so a stale answer never lands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode
from textual.message import Message
from textual.worker import Worker, get_current_worker


def ask(
    node: DOMNode,
    fn: Callable[[Any], Any],
    done: Callable[[Any], Message | None],
    failed: Callable[[Exception], Message | None],
    *,
    group: str,
    exclusive: bool = True,
) -> Worker:
    """Run ``fn(hall)`` in a thread worker of ``node``; post ``done(result)`` or ``failed(error)``.

    ``hall`` is ``node.app.hall`` as the thread starts. A ``done`` or
    ``failed`` that returns ``None`` posts nothing.
    """

    def body() -> None:
        from models.db import check_present  # in the worker: the first frame loads no database code

        worker = get_current_worker()
        hall = node.app.hall  # type: ignore[attr-defined]
        try:
            check_present(hall.db)
            with hall.db.connection_context():
                result = fn(hall)
        except Exception as exc:  # refusals and database faults alike: the node says them plainly
            message = None if worker.is_cancelled else failed(exc)
        else:
            message = None if worker.is_cancelled else done(result)
        if message is not None:
            node.post_message(message)

    return node.run_worker(body, thread=True, exclusive=exclusive, group=group, exit_on_error=False)
