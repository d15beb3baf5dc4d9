#!/usr/bin/env python3
"""Run a command with a throw-away PostgreSQL server beside it.

    python scripts/with_postgres.py COMMAND [ARGS…]

Starts a private cluster on a free loopback port (installing Debian's
``postgresql`` package first when no server binaries are found and we are
root), exports ``HALL_TEST_PG`` as its URL, runs COMMAND, then stops the
server and removes its files. The command's exit status is passed through.
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


def main() -> int:
    command = sys.argv[1:]
    if not command:
        sys.exit(__doc__)
    if os.environ.get("HALL_TEST_PG"):
        return subprocess.call(command)  # a server was given: use it
    bindir = find_bindir()
    if bindir is None:
        install_server()
        bindir = find_bindir()
        if bindir is None:
            sys.exit("with_postgres: PostgreSQL was installed but initdb is still not found")
    root = tempfile.mkdtemp(prefix="hall-pg-")
    data, sockets = os.path.join(root, "data"), os.path.join(root, "run")
    os.makedirs(sockets)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
    port = free_port()
    log = os.path.join(root, "server.log")
    quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        subprocess.run(
            as_server_user(
                [f"{bindir}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]
            ),
            check=True,
            **quiet,
        )
        options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        subprocess.run(
            as_server_user([f"{bindir}/pg_ctl", "-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"]),
            check=True,
            **quiet,
        )
    except subprocess.CalledProcessError as exc:
        tail = open(log).read()[-2000:] if os.path.exists(log) else ""
        print(f"with_postgres: could not start PostgreSQL ({exc}).\n{tail}", file=sys.stderr)
        shutil.rmtree(root, ignore_errors=True)
        return 2
    url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
    print(f"with_postgres: PostgreSQL on 127.0.0.1:{port}", flush=True)
    try:
        return subprocess.call(command, env=dict(os.environ, HALL_TEST_PG=url))
    finally:
        subprocess.run(as_server_user([f"{bindir}/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"]), **quiet)
        time.sleep(0.1)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
