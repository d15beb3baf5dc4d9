"""Opening the hall's database: SQLite by default, PostgreSQL by URL.

Every table is bound to :data:`database`, a proxy that :func:`open_database`
points at the real thing. SQLite runs in WAL mode with ``synchronous=FULL``
(a ticket number that was shown must survive a power cut) and IMMEDIATE
transactions (so a read-then-write claim cannot race another writer).

Writers queue for SQLite's one write lock on a lock file beside the database
(:class:`HallSqliteDatabase`): SQLite's own busy handler sleeps and retries,
longer each time, so under two dozen busy writers some wait seconds while
others go again and again; waiting in the kernel's ``flock`` wakes a writer
the moment the lock is free.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import threading
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlparse

from peewee import DatabaseProxy, PostgresqlDatabase, SqliteDatabase

database = DatabaseProxy()

BUSY_TIMEOUT_SECONDS = 10


class DatabaseUnavailable(Exception):
    """The database cannot be opened or reached; the text says which and why."""


def is_postgres(db=None) -> bool:
    target = db if db is not None else database.obj
    return isinstance(target, PostgresqlDatabase)


# What a full disk says, in SQLite's, PostgreSQL's and the system's words.
_FULL_WORDS = ("database or disk is full", "no space left on device", "could not extend file")


def is_disk_full(exc: BaseException | None) -> bool:
    """Whether ``exc``, or what it was raised while handling, is a full disk.

    SQLite rolls a transaction back itself on SQLITE_FULL, so the rollback
    that follows fails with "cannot rollback - no transaction is active" and
    hides the cause: the chain of exceptions still holds it.
    """
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if (
            getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL"
            or getattr(exc, "sqlstate", "") == "53100"  # PostgreSQL disk_full
            or isinstance(exc, OSError)
            and exc.errno == errno.ENOSPC
            or any(words in str(exc).lower() for words in _FULL_WORDS)
        ):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def open_database(url: str, *, bind: bool = True, must_exist: bool = False):
    """Open ``url`` (``sqlite:///path``, a bare path, or ``postgresql://…``).

    ``must_exist``: a SQLite file that is not there is refused instead of
    made (a command that only reads never leaves an empty database behind).
    """
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", url)
    if scheme and scheme.group(1).lower() not in ("sqlite", "postgresql", "postgres") and len(scheme.group(1)) > 1:
        raise DatabaseUnavailable(
            f"{describe(url)}: unknown kind of database '{scheme.group(1)}'; "
            "write sqlite:///path/to/hall.db or postgresql://user@host/name"
        )
    if url.startswith(("postgresql://", "postgres://")):
        db = _open_postgres(url)
    else:
        db = _open_sqlite(url, must_exist=must_exist)
    if bind:
        database.initialize(db)
    return db


class HallSqliteDatabase(SqliteDatabase):
    """SQLite whose write transactions first take a lock file beside the database, one writer at a time.

    Only IMMEDIATE and EXCLUSIVE transactions take it (a DEFERRED one only
    reads, e.g. a backup's snapshot, and must block nobody); it is given back
    at COMMIT or ROLLBACK, before anything runs after the commit."""

    def __init__(self, database, *args, **kwargs):
        super().__init__(database, *args, **kwargs)
        self._writer_path = None if database == ":memory:" else f"{database}-writer"
        self._writer = threading.local()
        self._opened = False

    def _connect(self):
        # Once the file has been opened, no connection makes it again: a file moved or
        # deleted under a running app must be said to be away, not replaced by an empty
        # hall that every later look finds present (a check before connecting leaves a gap).
        if not self._opened or self.database == ":memory:":
            conn = super()._connect()
            self._opened = True
            return conn
        import sqlite3

        try:
            conn = sqlite3.connect(
                f"file:{quote(self.database)}?mode=rw",
                uri=True,
                timeout=self._timeout,
                isolation_level=None,
                **self.connect_params,
            )
        except sqlite3.OperationalError:
            if not Path(self.database).is_file():
                raise DatabaseUnavailable(f"the database file {self.database} is not there") from None
            raise
        try:
            self._add_conn_hooks(conn)
        except Exception:
            conn.close()
            raise
        return conn

    def _writer_fd(self) -> int | None:
        """This thread's descriptor of the lock file (a forked child opens its own: a shared one locks nothing)."""
        fd = getattr(self._writer, "fd", None)
        if fd is not None and self._writer.pid == os.getpid():
            return fd
        if self._writer_path is None:
            return None
        try:
            fd = os.open(self._writer_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o660)
        except OSError:
            return None  # a read-only place: SQLite's own locking still holds
        self._writer.fd, self._writer.pid, self._writer.held = fd, os.getpid(), False
        return fd

    def begin(self, lock_type=None):
        kind = (lock_type or self._lock_type or "").upper()
        fd = self._writer_fd() if kind in ("IMMEDIATE", "EXCLUSIVE") else None
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
            self._writer.held = True
        try:
            super().begin(lock_type)
        except BaseException:
            self._release_writer()
            raise

    def commit(self):
        try:
            super().commit()
        finally:
            self._release_writer()

    def rollback(self):
        try:
            super().rollback()
        finally:
            self._release_writer()

    def _release_writer(self) -> None:
        if getattr(self._writer, "held", False) and self._writer.pid == os.getpid():
            self._writer.held = False
            fcntl.flock(self._writer.fd, fcntl.LOCK_UN)

    def _close(self, conn):
        super()._close(conn)
        self._release_writer()
        fd = getattr(self._writer, "fd", None)
        if fd is not None and self._writer.pid == os.getpid():
            os.close(fd)
        self._writer.fd = None


def _open_sqlite(url: str, *, must_exist: bool = False) -> SqliteDatabase:
    path = url[len("sqlite:///") :] if url.startswith("sqlite:///") else url
    if path.startswith("sqlite:"):
        raise DatabaseUnavailable(f"{url}: write sqlite:///path/to/hall.db")
    if must_exist and path != ":memory:" and not Path(path).expanduser().is_file():
        raise DatabaseUnavailable(f"database {url} does not exist: run `hall init` to make it")
    if path != ":memory:":
        parent = Path(path).expanduser().parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(f"{path}: cannot create its folder ({exc.strerror})") from None
        path = str(Path(path).expanduser())
    return HallSqliteDatabase(
        path,
        timeout=BUSY_TIMEOUT_SECONDS,
        lock_type="IMMEDIATE",
        pragmas={
            "journal_mode": "wal",
            "synchronous": "full",
            "foreign_keys": 1,
            "busy_timeout": BUSY_TIMEOUT_SECONDS * 1000,
        },
    )


def _open_postgres(url: str) -> PostgresqlDatabase:
    parts = urlparse(url)
    options = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    kwargs = dict(
        host=parts.hostname or options.pop("host", None),
        port=parts.port,
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        connect_timeout=int(options.pop("connect_timeout", 5)),
        # A kiosk that hangs inside a transaction must not hold locks forever.
        options="-c idle_in_transaction_session_timeout=30000",
    )
    kwargs = {k: v for k, v in kwargs.items() if v is not None}
    name = parts.path.lstrip("/") or "hall"
    return PostgresqlDatabase(name, **kwargs, **options)


def check_present(db) -> None:
    """Raise DatabaseUnavailable when ``db`` is a SQLite file that is no longer there.

    An open connection keeps reading a file that was moved or deleted, and a
    new one would make an empty file in its place: an app that already runs
    asks this before each connection, and its change feed between polls.
    """
    if isinstance(db, SqliteDatabase) and db.database != ":memory:" and not Path(db.database).is_file():
        raise DatabaseUnavailable(f"the database file {db.database} is not there")


def describe(url: str) -> str:
    """The URL without its password, safe for messages and logs."""
    parts = urlparse(url)
    if parts.password:
        netloc = parts.netloc.replace(":" + parts.password + "@", ":***@")
        return parts._replace(netloc=netloc).geturl()
    return url


def check_reachable(db) -> None:
    """Raise DatabaseUnavailable with one plain sentence if ``db`` cannot be used."""
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT 1")
    except Exception as exc:  # peewee's and the drivers' own errors (psycopg) share no base we can name
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatabaseUnavailable(message) from None
