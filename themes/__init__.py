"""The shared look of every hall app (kiosk, board, staff terminal).

A theme is one TOML file in this folder (``hall.toml`` is the default,
``contrast.toml`` the high-contrast one). Its keys are those of
:class:`textual.theme.Theme`; its ``[variables]`` table may set Textual's own
variables and the hall's (``hall-*``, listed in :data:`HALL_VARIABLES` with
their fallbacks). Apps call :func:`register_themes` before setting
``app.theme``, return :func:`theme_variable_defaults` from
``get_theme_variable_defaults``, and call :func:`watch_themes` once mounted:
a theme file saved while the app runs takes effect within two seconds; a
broken one is refused (the old look stays) and a notification names the file
and the fault.
"""

from __future__ import annotations

import threading
import tomllib
from dataclasses import dataclass
from pathlib import Path

THEMES_DIR = Path(__file__).parent
DEFAULT_THEME = "hall"
CONTRAST_THEME = "contrast"

# The hall's own tokens, with fallbacks in Textual's variables.
HALL_VARIABLES: dict[str, str] = {
    "hall-header": "$primary",
    "hall-header-text": "$foreground",
    "hall-button": "$surface",
    "hall-button-text": "$foreground",
    "hall-action": "$primary",
    "hall-action-text": "$foreground",
    "hall-ok": "$success",
    "hall-warn": "$warning",
    "hall-muted": "$foreground",
    "hall-highlight": "$accent",
    "hall-highlight-text": "$foreground",
    "hall-panel": "$panel",
    "hall-disabled": "$panel",
    "hall-disabled-text": "$foreground",
}

_COLOR_KEYS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
_OTHER_KEYS = {
    "name": str,
    "dark": bool,
    "luminosity_spread": (int, float),
    "text_alpha": (int, float),
    "variables": dict,
}


class ThemeFileError(ValueError):
    """A theme file that cannot be used; the text names the file and the fault."""


def theme_variable_defaults() -> dict[str, str]:
    return dict(HALL_VARIABLES)


def theme_files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or THEMES_DIR).glob("*.toml"))


def load_theme_file(path: Path):
    """Read and check one theme file; raises ThemeFileError."""
    from textual.color import Color, ColorParseError
    from textual.theme import Theme

    name = path.name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ThemeFileError(f"{name}: not valid TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ThemeFileError(f"{name}: cannot be read ({exc})") from None
    unknown = sorted(set(raw) - set(_COLOR_KEYS) - set(_OTHER_KEYS))
    if unknown:
        raise ThemeFileError(f"{name}: unknown key '{unknown[0]}'")
    for key, kind in _OTHER_KEYS.items():
        if key in raw and not isinstance(raw[key], kind):
            raise ThemeFileError(f"{name}: '{key}' has the wrong type ({raw[key]!r})")
    if "primary" not in raw:
        raise ThemeFileError(f"{name}: 'primary' is missing")
    for key in _COLOR_KEYS:
        if key in raw:
            try:
                Color.parse(raw[key])
            except (ColorParseError, ValueError, TypeError):
                raise ThemeFileError(f"{name}: '{key}' is not a colour ({raw[key]!r})") from None
    variables = raw.get("variables", {})
    for key, value in variables.items():
        if not isinstance(value, str):
            raise ThemeFileError(f"{name}: variables.{key} must be a string")
        if key.startswith("hall-") and key not in HALL_VARIABLES:
            raise ThemeFileError(f"{name}: unknown variable '{key}'")
        if (key.startswith("hall-") or key.endswith(("-foreground", "-background"))) and not value.startswith("$"):
            try:
                Color.parse(value)
            except (ColorParseError, ValueError):
                raise ThemeFileError(f"{name}: variables.{key} is not a colour ({value!r})") from None
    theme_name = raw.get("name", path.stem)
    values = {key: raw[key] for key in _COLOR_KEYS if key in raw}
    theme = Theme(
        name=theme_name,
        dark=raw.get("dark", False),
        luminosity_spread=float(raw.get("luminosity_spread", 0.15)),
        text_alpha=float(raw.get("text_alpha", 0.95)),
        variables=dict(variables),
        **values,
    )
    try:
        theme.to_color_system().generate()
    except Exception as exc:  # a colour the colour system cannot blend
        raise ThemeFileError(f"{name}: {exc}") from None
    return theme


def register_themes(app, directory: Path | None = None) -> list[str]:
    """Register every theme file with ``app``; returns the names registered.

    A broken file is skipped (it is reported once the app can show it).
    """
    names = []
    problems = []
    for path in theme_files(directory):
        try:
            theme = load_theme_file(path)
        except ThemeFileError as exc:
            problems.append(str(exc))
            continue
        app.register_theme(theme)
        names.append(theme.name)
    app._hall_theme_problems = problems
    return names


@dataclass
class ThemeWatch:
    thread: threading.Thread
    stop_event: threading.Event

    def stop(self) -> None:
        self.stop_event.set()


def apply_theme_file(app, path: Path) -> str | None:
    """Load ``path`` into ``app`` (on the app's thread); returns an error or None."""
    try:
        theme = load_theme_file(path)
    except ThemeFileError as exc:
        app.notify(str(exc), title="theme", severity="error", timeout=15)
        return str(exc)
    app.register_theme(theme)
    if app.theme == theme.name:
        invalidate = getattr(app, "_invalidate_css", None)
        if invalidate is not None:
            invalidate()
        app.refresh_css(animate=False)
    return None


def watch_themes(app, directory: Path | None = None) -> ThemeWatch:
    """Reload theme files as they are saved, for as long as ``app`` runs."""
    folder = directory or THEMES_DIR
    stop_event = threading.Event()
    for problem in getattr(app, "_hall_theme_problems", []):
        app.notify(problem, title="theme", severity="error", timeout=15)

    def run() -> None:
        from watchfiles import watch

        try:
            for changes in watch(
                folder, stop_event=stop_event, debounce=200, step=50, rust_timeout=500, yield_on_timeout=True
            ):
                if stop_event.is_set():
                    return
                if not changes:
                    if not app.is_running:
                        return
                    continue
                paths = sorted({Path(p) for _, p in changes if p.endswith(".toml") and Path(p).exists()})
                for path in paths:
                    try:
                        app.call_from_thread(apply_theme_file, app, path)
                    except RuntimeError:  # the app has stopped
                        return
        except Exception:
            return

    thread = threading.Thread(target=run, name="hall-theme-watch", daemon=True)
    thread.start()
    return ThemeWatch(thread, stop_event)
