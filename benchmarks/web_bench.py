"""hall web under 200 phones, beside a bare Starlette app, while a kiosk takes tickets.

    python -m benchmarks.web_bench

Each of 200 phones (one asyncio task of a load process, its own kept-alive
HTTP/1.1 connection on loopback) polls its own ``/api/track/{code}`` at the tracking
page's interval (``web.poll_milliseconds``) for ``HALL_WEB_BENCH_SECONDS``
(30) seconds, against one ``hall web`` process on SQLite; then the same
phones poll a bare Starlette "hello" app under the same uvicorn, for the
floor. Meanwhile this process takes a ticket every half second as a kiosk does,
and its latency is compared with the same taking while no phone polls.
Every ticket taken moves the change feed, so the phones' views are read
afresh all along: the worst case for the page's cache.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from benchmarks.core_bench import make_hall, pct

PHONES = 200
# A very busy hall: a ticket every half second is 7,200 an hour, far beyond a community hall's day.
TAKE_EVERY = 0.5
SECONDS = float(os.environ.get("HALL_WEB_BENCH_SECONDS", "30"))
HELLO = """
import sys, uvicorn
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
async def hello(request):
    return JSONResponse({"hello": request.path_params["code"]})
app = Starlette(routes=[Route("/api/track/{code}", hello)])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=False, log_level="warning")
"""


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            time.sleep(TAKE_EVERY)
    raise RuntimeError(f"{url} did not answer")


async def _get(reader, writer, path: str, host: str) -> int:
    """One GET on a kept-alive connection; the status. A bare HTTP/1.1 client: the load must cost less than what it measures."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    await reader.readexactly(length)
    return status


async def _phones(base: str, codes: list[str], seconds: float, interval: float) -> tuple[list[float], int, int]:
    host, port = base.rsplit("/", 1)[-1].split(":")
    latencies: list[float] = []
    errors = 0
    end = time.monotonic() + seconds

    async def phone(code: str, offset: float) -> None:
        nonlocal errors
        await asyncio.sleep(offset)
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while time.monotonic() < end:
                started = time.perf_counter()
                try:
                    if await _get(reader, writer, f"/api/track/{code}", host) != 200:
                        errors += 1
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    errors += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, int(port))
                took = time.perf_counter() - started
                latencies.append(took)
                await asyncio.sleep(max(0.0, interval - took))
        finally:
            writer.close()

    await asyncio.gather(*(phone(code, i * interval / len(codes)) for i, code in enumerate(codes)))
    return latencies, errors, len(latencies)


def _load(base: str, codes: list[str], seconds: float, interval: float, out) -> None:
    out.put(asyncio.run(_phones(base, codes, seconds, interval)))


def _take_for(hall, seconds: float) -> list[float]:
    out = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.perf_counter()
        hall.queue.take("baby-hukou")
        out.append(time.perf_counter() - started)
        time.sleep(TAKE_EVERY)
    return out


def _measure(name: str, base: str, codes: list[str], interval: float, hall=None) -> list[float]:
    spawn = mp.get_context("spawn")  # a fresh process: no copy of this one's database connection
    queue = spawn.Queue()
    load = spawn.Process(target=_load, args=(base, codes, SECONDS, interval, queue))
    load.start()
    takes = _take_for(hall, SECONDS) if hall is not None else []
    latencies, errors, count = queue.get(timeout=SECONDS + 120)
    load.join()
    print(
        f"{name:22} {count / SECONDS:7.0f} req/s   p50 {statistics.median(latencies) * 1000:6.1f} ms   "
        f"p95 {pct(latencies, 0.95) * 1000:6.1f} ms   errors {errors}",
        flush=True,
    )
    return takes


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="hall-web-bench-"))
    url = f"sqlite:///{folder / 'hall.db'}"
    hall = make_hall(url)
    codes = [hall.queue.take("baby-hukou").tracking_code for _ in range(PHONES)]
    interval = hall.config.web.poll_milliseconds / 1000
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    web_port, hello_port = _free_port(), _free_port()
    web = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "--db", url, "web", "--port", str(web_port), "--quiet"], env=env
    )
    hello = subprocess.Popen([sys.executable, "-c", HELLO, str(hello_port)], env=env)
    try:
        _wait(f"http://127.0.0.1:{web_port}/api/health")
        _wait(f"http://127.0.0.1:{hello_port}/api/track/x")
        print(
            f"{PHONES} phones polling every {interval * 1000:.0f} ms for {SECONDS:.0f} s; a kiosk takes a ticket every {TAKE_EVERY * 1000:.0f} ms"
        )
        quiet = _take_for(hall, SECONDS / 2)
        loaded = _measure("hall web /api/track", f"http://127.0.0.1:{web_port}", codes, interval, hall)
        _measure("bare Starlette hello", f"http://127.0.0.1:{hello_port}", codes, interval)
        ratio = statistics.median(loaded) / statistics.median(quiet)
        print(
            f"take a ticket meanwhile: median {statistics.median(loaded) * 1000:.2f} ms, p95 {pct(loaded, 0.95) * 1000:.2f} ms; "
            f"without phones: median {statistics.median(quiet) * 1000:.2f} ms, p95 {pct(quiet, 0.95) * 1000:.2f} ms "
            f"({ratio:.2f}x; target <= 1.1x; hall web p95 target <= 50 ms)",
            flush=True,
        )
    finally:
        for process in (web, hello):
            process.terminate()
            process.wait(timeout=10)
        hall.close()


if __name__ == "__main__":
    main()
