"""Running real ``hall web`` processes for the tests that need them (a browser, two processes)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def hall(config: Path, *args: str) -> subprocess.CompletedProcess:
    """``hall --config CONFIG ARGS…`` in its own process, as a maintainer types it; a command
    that acts as a staff member reads the demo PIN from standard input."""
    return subprocess.run(
        [sys.executable, "-m", "cli.main", "--config", str(config), *args],
        env=env(),
        input="1234\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


def start_web(config: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "--config", str(config), "web", "--port", str(port), "--quiet"],
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1) as answer:
                if answer.status == 200:
                    return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode()) from None
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("hall web did not start")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
