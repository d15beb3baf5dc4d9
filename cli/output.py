"""What ``hall`` writes to a terminal (stdout and stderr): people's text as it
is, never a command to the terminal, and a reader that goes away ends the
command quietly.

Names and notes stored before the input rule may hold an ESC sequence or a
bidi override; :class:`ShownStream` writes each such character as its sign
(``␛``, ``<U+202E>``). JSON escapes them instead (``\\u202e``), so a script
reads the same text back. ``hall queue | head`` closes the pipe early:
:func:`reader_gone` sends whatever is still buffered to /dev/null, so
Python's exit flush says nothing either.
"""

from __future__ import annotations

import os
import sys

from models.plain_text import refused_at, shown


class ShownStream:
    """A text stream that writes every refused character as its sign; all else is the stream's own."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(shown(text, lines=True))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def json_safe(text: str) -> str:
    """JSON text with every refused character inside it written as a ``\\uXXXX`` escape."""
    bad = refused_at(text, lines=True)
    if not bad:
        return text
    out, start = [], 0
    for index in bad:
        out.append(text[start:index] + f"\\u{ord(text[index]):04x}")
        start = index + 1
    out.append(text[start:])
    return "".join(out)


def reader_gone() -> None:
    """The pipe on stdout was closed: nothing more goes to it, nor to stderr's complaint."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
    except (OSError, ValueError):
        pass
