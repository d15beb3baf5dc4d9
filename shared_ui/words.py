"""Words in the running app's language: the models' catalogue (:mod:`models.i18n`) for the hall's apps.

:func:`tr` and :func:`name_of` need no language: they read the language of
the app that is running (Textual's ``active_app``, set while the app handles
its messages and inside ``run_test``). Code in a thread worker passes the
language on and calls :func:`models.i18n.t` itself. An app says its language
with a ``language`` attribute (the kiosk, the board) or ``lang`` (the staff
terminal).
"""

from __future__ import annotations

from dataclasses import replace

from textual import active_app

from models.i18n import DEFAULT_LANGUAGE, pick, t


def language_of(app) -> str:
    """The language ``app`` speaks now."""
    return getattr(app, "language", None) or getattr(app, "lang", None) or DEFAULT_LANGUAGE


def current_language() -> str:
    """The language of the running app (the default language outside one)."""
    try:
        return language_of(active_app.get())
    except LookupError:
        return DEFAULT_LANGUAGE


def tr(key: str, **params) -> str:
    """``key`` in the running app's language."""
    return t(key, current_language(), **params)


def name_of(zh: str, en: str) -> str:
    """A name given in both languages, in the running app's language."""
    return pick(zh, en, current_language())


def localise_bindings(node, language: str | None = None) -> None:
    """Replace each binding's description (a catalogue key) by its words.

    Bindings are declared with keys such as ``staff_queue.call``; the
    footer, the key panel and the command palette then show the words.
    (Textual has no public way to change a node's bindings once made.)
    """
    language = language or current_language()
    table = node._bindings.key_to_bindings
    for key, bindings in list(table.items()):
        table[key] = [
            replace(b, description=t(b.description, language), tooltip=t(b.tooltip, language) if b.tooltip else "")
            if "." in b.description
            else b
            for b in bindings
        ]
