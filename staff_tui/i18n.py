"""Words for the terminal: the models' catalogue in the app's language."""

from __future__ import annotations

from dataclasses import replace

from models.i18n import DEFAULT_LANGUAGE, pick, t


def current_language() -> str:
    from textual._context import active_app

    try:
        return getattr(active_app.get(), "lang", DEFAULT_LANGUAGE)
    except LookupError:
        return DEFAULT_LANGUAGE


def tr(key: str, **params) -> str:
    """``key`` in the running app's language."""
    return t(key, current_language(), **params)


def name_of(zh: str, en: str) -> str:
    return pick(zh, en, current_language())


def localise_bindings(node, language: str | None = None) -> None:
    """Replace each binding's description (a catalogue key) by its words.

    Bindings are declared with keys such as ``staff_queue.call``; the
    footer, the key panel and the command palette then show the words.
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
