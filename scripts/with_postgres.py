#!/usr/bin/env python3
"""Run a command with a throw-away PostgreSQL server beside it.

    python scripts/with_postgres.py COMMAND [ARGS…]

Starts a private cluster on a free loopback port (installing Debian's
``postgresql`` package first when no server binaries are found and we are
root), exports ``HALL_TEST_PG`` as its URL, runs COMMAND, then stops the
server and removes its files. That server runs with ``fsync=off`` for speed;
the durability test starts its own with ``fsync=on`` (:class:`PrivateServer`). The command's exit status is passed through.
As root the server runs as the ``postgres`` user, as PostgreSQL requires.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time


def find_bindir() -> str | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(candidate, "initdb")):
            return candidate
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


def install_server() -> None:
    if os.geteuid() != 0:
        sys.exit("with_postgres: no PostgreSQL server found; install the 'postgresql' package (or set HALL_TEST_PG)")
    print("with_postgres: installing PostgreSQL (apt-get install postgresql) …", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql"], check=True, env=env)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_server_user(argv: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


class PrivateServer:
    """A throw-away PostgreSQL cluster on a free loopback port.

    ``fsync`` off (the default) is for speed; a durability test starts one
    with ``fsync=True``. ``crash()`` stops it the way a power cut would leave
    it (immediate shutdown: no checkpoint, WAL recovery at the next start);
    ``start()`` brings it back."""

    def __init__(self, *, fsync: bool = False) -> None:
        self.fsync = fsync
        self.bindir = find_bindir()
        if self.bindir is None:
            install_server()
            self.bindir = find_bindir()
            if self.bindir is None:
                sys.exit("with_postgres: PostgreSQL was installed but initdb is still not found")
        self.root = tempfile.mkdtemp(prefix="hall-pg-")
        self.data, self.sockets = os.path.join(self.root, "data"), os.path.join(self.root, "run")
        os.makedirs(self.sockets)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.sockets, "postgres")
        self.port = free_port()
        self.log = os.path.join(self.root, "server.log")
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        subprocess.run(
            as_server_user(
                [f"{self.bindir}/initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]
                + ["--locale=C.UTF-8"]
            ),
            check=True,
            **QUIET,
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 -c max_connections=200"
            f" -c fsync={'on' if self.fsync else 'off'}"
        )
        subprocess.run(
            as_server_user([f"{self.bindir}/pg_ctl", "-D", self.data, "-l", self.log, "-o", options, "-w"])
            + ["-t", "60", "start"],
            check=True,
            **QUIET,
        )

    def crash(self) -> None:
        subprocess.run(
            as_server_user([f"{self.bindir}/pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop"]), **QUIET
        )

    def remove(self) -> None:
        subprocess.run(as_server_user([f"{self.bindir}/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"]), **QUIET)
        time.sleep(0.1)
        shutil.rmtree(self.root, ignore_errors=True)

    def log_tail(self) -> str:
        return open(self.log).read()[-2000:] if os.path.exists(self.log) else ""


QUIET = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> int:
    command = sys.argv[1:]
    if not command:
        sys.exit(__doc__)
    if os.environ.get("HALL_TEST_PG"):
        return subprocess.call(command)  # a server was given: use it
    server = PrivateServer()
    try:
        server.start()
    except subprocess.CalledProcessError as exc:
        print(f"with_postgres: could not start PostgreSQL ({exc}).\n{server.log_tail()}", file=sys.stderr)
        shutil.rmtree(server.root, ignore_errors=True)
        return 2
    print(f"with_postgres: PostgreSQL on 127.0.0.1:{server.port}", flush=True)
    try:
        return subprocess.call(command, env=dict(os.environ, HALL_TEST_PG=server.url))
    finally:
        server.remove()


if __name__ == "__main__":
    sys.exit(main())
