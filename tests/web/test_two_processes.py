"""The limit on unknown codes is one limit for every ``hall web`` process of the hall."""

from __future__ import annotations

import urllib.error
import urllib.request

from tests.web import servers


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_limit_holds_across_two_server_processes(tmp_path):
    config = tmp_path / "hall.toml"
    config.write_text(
        f'database = "sqlite:///{tmp_path / "hall.db"}"\n[web]\nunknown_per_client = 6\nunknown_window_seconds = 600\n',
        encoding="utf-8",
    )
    servers.hall(config, "init", "--demo")
    ports = servers.free_port(), servers.free_port()
    processes = [servers.start_web(config, port) for port in ports]
    try:
        # Three wrong codes at each process: six in all, the client's whole allowance.
        answers = [_status(f"http://127.0.0.1:{ports[n % 2]}/api/track/0000-0000-000{n}") for n in range(6)]
        assert answers == [404] * 6
        assert _status(f"http://127.0.0.1:{ports[0]}/api/track/0000-0000-0000") == 429
        assert _status(f"http://127.0.0.1:{ports[1]}/api/track/0000-0000-0000") == 429
    finally:
        for process in processes:
            servers.stop(process)
