"""Settings: one typed place, read from ``hall.toml`` with environment overrides.

Lookup order for the file: ``--config``, then ``HALL_CONFIG``, then
``./hall.toml``, then the platform's config directory. A missing file is fine:
every key has a default. ``HALL_DB`` overrides the database URL.

A bad file raises :class:`ConfigError`, whose text names the file, the line
and key, and what is wrong, so the CLI can print one sentence and exit 2.

One module, though long: each key's default sits beside the check that
reads it, and a maintainer reads them together.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from datetime import date, time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from models.plain_text import bad_index


class ConfigError(Exception):
    """A configuration problem, phrased for a maintainer; ``key`` names the key it is about."""

    def __init__(self, message: str, key: str = ""):
        super().__init__(message)
        self.key = key


# The largest whole number any key takes: far beyond every real setting, and
# small enough that minutes, days and seconds of it stay valid dates.
LARGEST = 100_000


Session = tuple[time, time]


@dataclass(frozen=True)
class HoursConfig:
    # "seasonal": the two timetables of seed 001 (冬春 / 夏秋), Monday to Friday.
    # "staggered": seed 003's 7:00-19:00 weekdays, 9:00-16:00 weekends/holidays.
    mode: str = "seasonal"
    winter_spring: tuple[Session, ...] = ((time(8, 0), time(11, 0)), (time(13, 30), time(16, 30)))
    summer_autumn: tuple[Session, ...] = ((time(8, 0), time(11, 0)), (time(14, 0), time(17, 0)))
    summer_from: tuple[int, int] = (5, 1)
    summer_to: tuple[int, int] = (9, 30)
    staggered_weekday: tuple[Session, ...] = ((time(7, 0), time(19, 0)),)
    staggered_weekend: tuple[Session, ...] = ((time(9, 0), time(16, 0)),)


@dataclass(frozen=True)
class TicketsConfig:
    # Minutes before the end of each session at which the kiosk stops issuing.
    stop_before_close_minutes: int = 15
    # Issue at any hour on any day (the demo hall); real halls leave it off.
    always_open: bool = False
    # Never more than this many priority tickets in a row while normal ones wait.
    priority_streak: int = 2
    # Days of history used for the median service time of a line.
    history_days: int = 14


@dataclass(frozen=True)
class CasesConfig:
    letter_reply_days: int = 3
    petition_days: int = 15
    callback_days: int = 1
    rectify_days: int = 15
    immediate_minutes: int = 30


@dataclass(frozen=True)
class BadRatingsConfig:
    # The 差评 loop (models.cases.bad_ratings); every span is in working days
    # of the hall calendar. A call-back that did not reach the resident is
    # tried again within retry_days.
    retry_days: int = 1
    # Tries without reaching the resident before a 差评 may be classed 无法核实.
    callback_attempts: int = 3
    # A rectification plan's deadline when the verifier names none, and the
    # furthest one it may name (限期整改).
    plan_days: int = 10
    plan_days_max: int = 30
    # Another leader decides a 申诉复核 within appeal_days.
    appeal_days: int = 5


@dataclass(frozen=True)
class NoticeChecksConfig:
    # 一次性告知 that measures itself (models.notice_views): in a month, an
    # item's notice is flagged as failing when at least failing_min of its
    # 补充件 came from residents who had read the notice first (at the kiosk
    # or on the web), and they are at least failing_percent of its 补充件.
    failing_min: int = 3
    failing_percent: int = 30


@dataclass(frozen=True)
class RatingsConfig:
    # GB/T 39734-2020 §7.2: a rating is given within a set time after the service ended.
    visit_hours: int = 24  # a visit (一次一评) may be rated this many hours after its ticket was finished (1 to 720)
    case_days: int = 15  # a case (一事一评) this many days after it was completed or returned (1 to 365)
    pad_seconds: int = 90  # the window's rating pad shows the levels this long after the clerk asked (15 to 600)


@dataclass(frozen=True)
class KioskConfig:
    idle_seconds: int = 60  # without a touch, then 「还需要更多时间吗？」 for warn_seconds
    ticket_screen_seconds: int = 300  # the ticket stays until 完成; this is only the safety reset
    warn_seconds: int = 30  # the countdown of 「还需要更多时间吗？」 (at least 20)
    quit_sequence: str = "ctrl+f10"
    theme: str = "hall"
    printer: str = ""  # e.g. "usb:0x04b8:0x0202", "network:192.168.1.50", "dummy"
    name: str = ""  # how staff terminals name this kiosk (「请工作人员帮忙」); unset: the host name
    speech_command: str = (
        ""  # as the board's, e.g. "espeak-ng -v cmn {text}": reads each screen's heading and the ticket aloud
    )


@dataclass(frozen=True)
class BoardConfig:
    speech_command: str = ""  # e.g. "espeak-ng -v cmn {text}"
    highlight_seconds: int = 8
    notice_seconds: int = 10


@dataclass(frozen=True)
class StaffConfig:
    idle_lock_minutes: int = 5
    lockout_attempts: int = 5
    lockout_minutes: int = 15


@dataclass(frozen=True)
class WhereaboutsConfig:
    # Pause a window automatically when neither its A nor its B person is on
    # duty, and resume it when one is back (only if the pause was automatic).
    auto_pause: bool = True
    # Seed 001 工作考勤制度: more than 15 minutes after opening is late,
    # leaving more than 15 minutes before closing is leaving early.
    late_after_minutes: int = 15
    early_before_minutes: int = 15


@dataclass(frozen=True)
class DutyConfig:
    # People on duty (值班/值日) each day, rotating through the active staff.
    per_day: int = 1
    # Leaders take turns as 带班领导 among themselves, not in the staff rotation.
    include_leaders: bool = False
    # The duty person arrives at least 10 minutes early (seed 000 三(五)).
    arrive_early_minutes: int = 10
    # Weekend and holiday duty (seed 003 §6: 9:00-16:00); off: no duty those days.
    weekend_duty: bool = True
    weekend_hours: tuple[Session, ...] = ((time(9, 0), time(16, 0)),)


@dataclass(frozen=True)
class WebConfig:
    # Where residents' phones reach `hall web`, e.g. "https://hall.example.cn"; once
    # set, the ticket's QR holds {base_url}/track/{code} unless tracking_url says otherwise.
    base_url: str = ""
    # Addresses of reverse proxies whose X-Forwarded-For is believed; nobody else's is.
    proxies: tuple[str, ...] = ()
    # Lookups of unknown tracking codes: at most this many per client address, and
    # in all, per window; shared through the database by every `hall web` process.
    unknown_per_client: int = 10
    unknown_in_all: int = 200
    unknown_window_seconds: int = 60
    # How often an open tracking page asks whether anything changed.
    poll_milliseconds: int = 700


@dataclass(frozen=True)
class ExportsConfig:
    # Where ledger and report exports (CSV, XLSX) are written; unset: "exports"
    # under the hall's data directory (models.cases.export_files.export_folder),
    # never the directory a command was started in.
    folder: str = ""


@dataclass(frozen=True)
class StandardsConfig:
    # The wait a line's residents should not pass (服务标准), in minutes: the
    # leader's supervisor view raises an alarm for a line whose longest wait
    # is over it. ``lines`` sets a line's own standard by its code
    # (``lines = { A = 15, B = 40 }``); the other lines take ``wait_minutes``.
    wait_minutes: int = 30
    lines: tuple[tuple[str, int], ...] = ()
    # A priority resident (优先) waiting this long for a line whose windows
    # are all paused is an alert of its own: they cannot be called at all.
    priority_paused_minutes: int = 15

    def wait_standard(self, line_code: str) -> int:
        """Minutes a resident of ``line_code`` should wait at most."""
        return dict(self.lines).get(line_code, self.wait_minutes)


@dataclass(frozen=True)
class ContactsConfig:
    # Working days on the hall calendar from the day a call, letter or message
    # came in to the day its reply is due (the day of receipt not counted).
    # Seed 000 一(三): an ordinary letter is answered within 3 days of receipt.
    letter_reply_days: int = 3
    # E-mail and online messages are answered promptly: by the next working day.
    email_reply_days: int = 1
    message_reply_days: int = 1
    # A call's promise (a call back, an answer) is kept by the next working day.
    phone_reply_days: int = 1
    # The catalogue item a contact's case is filed under when the clerk names
    # none (信访、政策咨询 in the bundled catalogue).
    item: str = "petition-consult"


@dataclass(frozen=True)
class MeetingsConfig:
    # Seed 003 §11(1): a work meeting (工作例会) every week, called by the station head.
    weekly_meetings: int = 1
    # Seed 003 §11(2): collective study (集中学习) at least twice a month.
    study_per_month: int = 2


@dataclass(frozen=True)
class AppointmentsConfig:
    # Per cent of each session's places (windows × slots) kept for bookings; walk-ins get the rest.
    share_percent: int = 30
    # How far ahead a day may be booked, in working days after today.
    horizon_days: int = 10
    # Bookings for a day close at this local time the day before ("HH:MM").
    cutoff: str = "17:00"
    # At most this many open (not yet due) bookings per phone number.
    open_per_phone: int = 2
    # After this many no-shows within 30 days, the phone number may not book for refuse_days.
    no_show_limit: int = 3
    refuse_days: int = 30
    # Check-in opens this many minutes before the slot and closes this many after it;
    # not checked in by then, the booking is a no-show and its place is released.
    early_minutes: int = 15
    late_minutes: int = 10
    # Never more than this many booked residents called in a row while walk-ins wait.
    booked_streak: int = 2
    # Weekends and holidays: slots only in the duty hours, and only when the roster has someone on duty.
    duty_days: bool = True


@dataclass(frozen=True)
class Config:
    hall_name: str = "社区服务大厅"
    hall_name_en: str = "Community Service Hall"
    timezone: str = "Asia/Shanghai"
    language: str = "zh"
    database: str = ""
    tracking_url: str = ""  # e.g. "https://hall.example.cn/track/{code}"
    catalogue: str = ""  # path of the catalogue to load on `hall init`
    # The national holidays and 调休 days come from chinese-calendar (models.calendar);
    # these add the hall's own days off and working days, and win over it.
    holidays: tuple[date, ...] = ()
    workdays: tuple[date, ...] = ()
    hours: HoursConfig = field(default_factory=HoursConfig)
    tickets: TicketsConfig = field(default_factory=TicketsConfig)
    cases: CasesConfig = field(default_factory=CasesConfig)
    kiosk: KioskConfig = field(default_factory=KioskConfig)
    board: BoardConfig = field(default_factory=BoardConfig)
    staff: StaffConfig = field(default_factory=StaffConfig)
    whereabouts: WhereaboutsConfig = field(default_factory=WhereaboutsConfig)
    duty: DutyConfig = field(default_factory=DutyConfig)
    web: WebConfig = field(default_factory=WebConfig)
    standards: StandardsConfig = field(default_factory=StandardsConfig)
    exports: ExportsConfig = field(default_factory=ExportsConfig)
    contacts: ContactsConfig = field(default_factory=ContactsConfig)
    meetings: MeetingsConfig = field(default_factory=MeetingsConfig)
    bad_ratings: BadRatingsConfig = field(default_factory=BadRatingsConfig)
    notice_checks: NoticeChecksConfig = field(default_factory=NoticeChecksConfig)
    ratings: RatingsConfig = field(default_factory=RatingsConfig)
    appointments: AppointmentsConfig = field(default_factory=AppointmentsConfig)
    opening_checklist: tuple[str, ...] = (
        "提前10分钟到岗",
        "公共区域清洁完毕",
        "打开大门和窗口",
        "开启电脑和叫号设备",
    )
    closing_checklist: tuple[str, ...] = (
        "关闭线路电源和公共电源",
        "关好门窗",
        "检查安全和消防",
        "倾倒垃圾",
        "清洁地面和工作台",
        "桌面无文件，档案入柜",
        "关闭电脑并断电",
        "锁好大门",
    )
    source: str = ""  # the file this came from, for messages

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def database_url(self) -> str:
        if self.database:
            return self.database
        from platformdirs import user_data_dir

        return "sqlite:///" + str(Path(user_data_dir("hall")) / "hall.db")


_SECTIONS = {
    "hours": HoursConfig,
    "tickets": TicketsConfig,
    "cases": CasesConfig,
    "kiosk": KioskConfig,
    "board": BoardConfig,
    "staff": StaffConfig,
    "whereabouts": WhereaboutsConfig,
    "duty": DutyConfig,
    "web": WebConfig,
    "standards": StandardsConfig,
    "exports": ExportsConfig,
    "contacts": ContactsConfig,
    "meetings": MeetingsConfig,
    "bad_ratings": BadRatingsConfig,
    "notice_checks": NoticeChecksConfig,
    "ratings": RatingsConfig,
    "appointments": AppointmentsConfig,
}


def find_config_file(explicit: str | None = None) -> Path | None:
    """The file to read, or None when no file exists (defaults apply)."""
    if explicit:
        path = Path(explicit)
        if not path.exists():
            raise ConfigError(f"{path}: config file not found")
        return path
    env = os.environ.get("HALL_CONFIG")
    if env:
        path = Path(env)
        if not path.exists():
            raise ConfigError(f"{path}: config file named by HALL_CONFIG not found")
        return path
    local = Path("hall.toml")
    if local.exists():
        return local
    from platformdirs import user_config_dir

    user = Path(user_config_dir("hall")) / "hall.toml"
    return user if user.exists() else None


def load_config(explicit: str | None = None, *, db_override: str | None = None) -> Config:
    path = find_config_file(explicit)
    config = Config()
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8")
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        except RecursionError:
            raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot be read: {exc}") from None
        try:
            config = parse_config(raw, str(path))
        except ConfigError as exc:
            line = key_line(text, exc.key) if exc.key else 0
            if not line:
                raise
            raise ConfigError(str(exc).replace(f"{path}: ", f"{path}:{line}: ", 1), exc.key) from None
    env_db = os.environ.get("HALL_DB")
    if env_db:
        config = replace(config, database=env_db)
    if db_override:
        config = replace(config, database=db_override)
    return config


def parse_config(raw: dict, source: str = "hall.toml") -> Config:
    """Turn a TOML mapping into a Config, refusing anything unknown or ill-typed."""
    top = {f.name: f for f in fields(Config) if f.name != "source"}
    values: dict = {"source": source}
    for key, value in raw.items():
        if key in _SECTIONS:
            if not isinstance(value, dict):
                raise ConfigError(f"{source}: [{key}] must be a table")
            values[key] = _parse_section(_SECTIONS[key], value, key, source)
        elif key in top:
            values[key] = _coerce(key, value, top[key].default, source)
            if key == "tracking_url":
                _url_template(value, f"{source}: {key}")
        else:
            raise ConfigError(f"{source}: unknown key '{key}'{_suggest(key, [*top, *_SECTIONS])}")
    config = Config(**values)
    try:
        ZoneInfo(config.timezone)  # what config.zone gives: the zone must exist
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{source}: timezone: unknown time zone '{config.timezone}'") from None
    if config.language not in ("zh", "en"):
        raise ConfigError(f"{source}: language: must be 'zh' or 'en', not '{config.language}'")
    if config.hours.mode not in ("seasonal", "staggered"):
        raise ConfigError(f"{source}: hours.mode: must be 'seasonal' or 'staggered', not '{config.hours.mode}'")
    if config.tracking_url and "{code}" not in config.tracking_url:
        raise ConfigError(f"{source}: tracking_url: must contain {{code}}", "tracking_url")
    base = config.web.base_url
    if base and (not base.startswith(("http://", "https://")) or any(ch in base for ch in " ?#{}")):
        raise ConfigError(
            f"{source}: web.base_url: must be an address like https://hall.example.cn, not {base!r}", "web.base_url"
        )
    if config.web.poll_milliseconds < 100:
        raise ConfigError(f"{source}: web.poll_milliseconds: must be at least 100", "web.poll_milliseconds")
    _check_contacts(config, source)
    _check_bad_ratings(config.bad_ratings, source)
    _check_notice_checks(config.notice_checks, source)
    for key, low, high in (("visit_hours", 1, 720), ("case_days", 1, 365), ("pad_seconds", 15, 600)):
        value = getattr(config.ratings, key)
        if not low <= value <= high:
            raise ConfigError(
                f"{source}: ratings.{key}: must be a whole number from {low} to {high}, not {value}", f"ratings.{key}"
            )
    _check_appointments(config.appointments, source)
    if base and not config.tracking_url:
        config = replace(config, tracking_url=base.rstrip("/") + "/track/{code}")
    return config


def _check_contacts(config: Config, source: str) -> None:
    """A reply is due at least one working day after the contact came in; some item files it."""
    for channel in ("letter", "email", "message", "phone"):
        key = f"contacts.{channel}_reply_days"
        if getattr(config.contacts, f"{channel}_reply_days") < 1:
            raise ConfigError(f"{source}: {key}: must be at least 1 working day", key)
    if not config.contacts.item.strip():
        raise ConfigError(f"{source}: contacts.item: must name a catalogue item code", "contacts.item")
    for key in ("weekly_meetings", "study_per_month"):
        if getattr(config.meetings, key) < 1:
            raise ConfigError(f"{source}: meetings.{key}: must be at least 1", f"meetings.{key}")


def _check_bad_ratings(section: BadRatingsConfig, source: str) -> None:
    for key in ("retry_days", "callback_attempts", "plan_days", "plan_days_max", "appeal_days"):
        if getattr(section, key) < 1:
            raise ConfigError(f"{source}: bad_ratings.{key}: must be at least 1", f"bad_ratings.{key}")
    if section.plan_days > section.plan_days_max:
        raise ConfigError(
            f"{source}: bad_ratings.plan_days: must not be more than bad_ratings.plan_days_max "
            f"({section.plan_days_max})",
            "bad_ratings.plan_days",
        )


def _check_notice_checks(section: NoticeChecksConfig, source: str) -> None:
    if section.failing_min < 1:
        raise ConfigError(f"{source}: notice_checks.failing_min: must be at least 1", "notice_checks.failing_min")
    if not 1 <= section.failing_percent <= 100:
        raise ConfigError(
            f"{source}: notice_checks.failing_percent: must be from 1 to 100", "notice_checks.failing_percent"
        )


def _check_appointments(section: AppointmentsConfig, source: str) -> None:
    """The [appointments] values the plain types do not already check."""
    if section.share_percent > 100:
        key = "appointments.share_percent"
        raise ConfigError(f"{source}: {key}: must be a per cent from 0 to 100, not {section.share_percent}", key)
    for name in ("horizon_days", "late_minutes", "no_show_limit"):
        if getattr(section, name) < 1:
            key = f"appointments.{name}"
            raise ConfigError(f"{source}: {key}: must be at least 1", key)
    try:
        _time(section.cutoff, f"{source}: appointments.cutoff")
    except ConfigError as exc:
        raise ConfigError(str(exc), "appointments.cutoff") from None


def _url_template(value: str, where: str) -> None:
    """A tracking URL takes {code} and nothing else in braces (a stray one would fail every ticket)."""
    try:
        value.format(code="K")
    except (KeyError, IndexError, ValueError, AttributeError):
        raise ConfigError(
            f"{where}: only {{code}} may be written in braces (write {{{{ and }}}} for a brace itself)", "tracking_url"
        ) from None


def key_line(text: str, dotted: str) -> int:
    """The line of ``dotted`` ("tracking_url", "staff.lockout_minutes") in the TOML ``text``; 0 if not found."""
    section, _, key = dotted.rpartition(".")
    current = ""
    pattern = re.compile(rf"""^\s*(["']?){re.escape(key)}\1\s*=""")
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"^\s*\[([^\[\]]+)\]", line)
        if header:
            current = header.group(1).strip()
        elif current == section and pattern.match(line):
            return number
    return 0


def _parse_section(cls, raw: dict, section: str, source: str):
    known = {f.name: f for f in fields(cls)}
    values = {}
    for key, value in raw.items():
        name = f"{section}.{key}"
        if key not in known:
            raise ConfigError(f"{source}: unknown key '{name}'{_suggest(key, known)}")
        default = known[key].default
        values[key] = _coerce(name, value, default, source)
    return cls(**values)


def _coerce(name: str, value, default, source: str):
    """Check ``value`` against the type of ``default`` and convert it."""
    try:
        return _coerced(name, value, default, f"{source}: {name}")
    except ConfigError as exc:
        raise ConfigError(str(exc), exc.key or name) from None


def _coerced(name: str, value, default, where: str):
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: must be true or false, not {value!r}")
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(f"{where}: must be a whole number ≥ 0, not {value!r}")
        if value > LARGEST:
            raise ConfigError(f"{where}: must be a whole number from 0 to {LARGEST}, not {value!r}")
        return value
    if isinstance(default, str):
        if not isinstance(value, str):
            raise ConfigError(f"{where}: must be a string, not {value!r}")
        return _typed(value, where)
    if name == "standards.lines":
        return _line_minutes(value, where)
    if isinstance(default, tuple) and len(default) == 2 and all(isinstance(x, int) for x in default):
        return _month_day(value, where)
    if isinstance(default, tuple):
        if not isinstance(value, list):
            raise ConfigError(f"{where}: must be a list, not {value!r}")
        if name in ("holidays", "workdays"):
            return tuple(_date(v, where) for v in value)
        if name == "web.proxies":
            if not all(isinstance(v, str) and v.strip() for v in value):
                raise ConfigError(f'{where}: must be a list of addresses like "127.0.0.1"')
            return tuple(v.strip() for v in value)
        if name.endswith("checklist"):
            if not all(isinstance(v, str) and v.strip() for v in value):
                raise ConfigError(f"{where}: must be a list of non-empty strings")
            return tuple(_typed(v, where) for v in value)
        return _apart(tuple(_session(v, where) for v in value), where)
    raise ConfigError(f"{where}: unsupported value {value!r}")  # pragma: no cover


def _line_minutes(value, where: str) -> tuple[tuple[str, int], ...]:
    """A table of line code = minutes, e.g. ``{ A = 15, B = 40 }``."""
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: must be a table of line code = minutes, like {{ A = 15 }}, not {value!r}")
    pairs = []
    for code, minutes in value.items():
        _typed(code, where)
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= LARGEST:
            raise ConfigError(f"{where}.{code}: must be a whole number of minutes from 1 to {LARGEST}, not {minutes!r}")
        pairs.append((code, minutes))
    return tuple(pairs)


def _typed(value: str, where: str) -> str:
    """``value`` when it holds no control or invisible character (:mod:`models.plain_text`)."""
    index = bad_index(value)
    if index is not None:
        raise ConfigError(
            f"{where}: holds a control or invisible character (U+{ord(value[index]):04X}, character {index + 1})"
        )
    return value


def _apart(sessions: tuple[Session, ...], where: str) -> tuple[Session, ...]:
    """Sessions in the order of the day, none overlapping another."""
    ordered = sorted(sessions)
    for (start, end), (next_start, next_end) in zip(ordered, ordered[1:], strict=False):
        if next_start < end:
            raise ConfigError(
                f"{where}: sessions {start:%H:%M}-{end:%H:%M} and {next_start:%H:%M}-{next_end:%H:%M} overlap"
            )
    return sessions


def _date(value, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: '{value}' is not a date like 2026-10-01") from None


def _time(text: str, where: str) -> time:
    try:
        hour, minute = (int(x) for x in str(text).split(":"))
        return time(hour, minute)
    except ValueError:
        raise ConfigError(f"{where}: '{text}' is not a time like 08:30") from None


def _session(value, where: str) -> Session:
    if isinstance(value, str) and "-" in value:
        start, end = value.split("-", 1)
    elif isinstance(value, list) and len(value) == 2:
        start, end = value
    else:
        raise ConfigError(f"{where}: '{value}' is not a session like \"08:00-11:00\"")
    opens, closes = _time(start.strip(), where), _time(end.strip(), where)
    if closes <= opens:
        raise ConfigError(f"{where}: session '{value}' ends before it starts")
    return (opens, closes)


def _month_day(value, where: str) -> tuple[int, int]:
    try:
        month, day = (int(x) for x in str(value).split("-"))
        date(2024, month, day)  # a leap year, so 02-29 is allowed
        return (month, day)
    except ValueError:
        raise ConfigError(f"{where}: '{value}' is not a month-day like 05-01") from None


def _suggest(key: str, known) -> str:
    close = difflib.get_close_matches(key, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


EXAMPLE = """\
# hall.toml: every key is optional; these are the defaults.
hall_name = "社区服务大厅"
hall_name_en = "Community Service Hall"
timezone = "Asia/Shanghai"
language = "zh"                 # zh or en
# database = "sqlite:////var/lib/hall/hall.db"   # or postgresql://user@host/hall
# tracking_url = "https://hall.example.cn/track/{code}"   # default: {web.base_url}/track/{code}
holidays = []                   # days off of the hall's own, on top of the national ones: ["2026-11-27"]
workdays = []                   # working days whatever the national schedule says

[hours]
mode = "seasonal"               # or "staggered" (7:00-19:00 weekdays, 9:00-16:00 weekends)
winter_spring = ["08:00-11:00", "13:30-16:30"]
summer_autumn = ["08:00-11:00", "14:00-17:00"]
summer_from = "05-01"
summer_to = "09-30"

[tickets]
stop_before_close_minutes = 15
always_open = false
priority_streak = 2

[whereabouts]
auto_pause = true               # pause a window when neither its A nor B person is on duty
late_after_minutes = 15         # 工作考勤制度: late = arrived more than 15 minutes after opening
early_before_minutes = 15       # leaving early = left more than 15 minutes before closing

[duty]
per_day = 1
include_leaders = false
arrive_early_minutes = 10
weekend_duty = true
weekend_hours = ["09:00-16:00"]

[web]                           # `hall web`: the hall on residents' phones
base_url = ""                   # "https://hall.example.cn": then the QR opens the tracking page
proxies = []                    # ["127.0.0.1"]: only these may say X-Forwarded-For
unknown_per_client = 10         # lookups of unknown codes per client address per window
unknown_in_all = 200            # … and from everyone together
unknown_window_seconds = 60
poll_milliseconds = 700         # how often an open tracking page looks for a change

[standards]                     # the leader's supervisor view
wait_minutes = 30               # a line whose longest wait passes this is an alarm
lines = {}                      # a line's own standard by its code: { A = 15, B = 40 }
priority_paused_minutes = 15    # a priority resident waiting this long with every window of the line paused

[exports]
folder = ""                     # ledger and report exports; unset: "exports" under the hall's data directory

[appointments]                  # 预约 and 上门服务
share_percent = 30              # of each session's places kept for bookings
horizon_days = 10               # working days ahead that may be booked
cutoff = "17:00"                # book by this time the day before
open_per_phone = 2              # open bookings per phone number
no_show_limit = 3               # no-shows within 30 days, then no booking for refuse_days
refuse_days = 30
early_minutes = 15              # check-in from 15 minutes before the slot …
late_minutes = 10               # … to 10 minutes after; later, an ordinary ticket
booked_streak = 2               # booked residents called in a row at most while walk-ins wait
duty_days = true                # weekend and holiday slots in the duty hours, when someone is on duty
"""
