"""``hall web`` from the command line, and ``hall doctor``'s check of it."""

from __future__ import annotations

import subprocess
import sys

from tests.web import servers


def _doctor(config) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", "--config", str(config), "doctor"],
        env=servers.env(),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_doctor_asks_hall_web_at_its_base_url(tmp_path):
    port = servers.free_port()
    config = tmp_path / "hall.toml"
    config.write_text(
        f'database = "sqlite:///{tmp_path / "hall.db"}"\n[web]\nbase_url = "http://127.0.0.1:{port}"\n',
        encoding="utf-8",
    )
    servers.hall(config, "init", "--demo")
    down = _doctor(config)
    assert down.returncode == 1 and "web       FAIL" in down.stdout and "is `hall web` running?" in down.stdout
    web = servers.start_web(config, port)
    try:
        up = _doctor(config)
        assert up.returncode == 0, up.stdout + up.stderr
        assert f"web       ok    http://127.0.0.1:{port}/api/health answers" in up.stdout
    finally:
        servers.stop(web)


def test_a_bad_port_is_one_sentence(tmp_path):
    config = tmp_path / "hall.toml"
    config.write_text(f'database = "sqlite:///{tmp_path / "hall.db"}"\n', encoding="utf-8")
    servers.hall(config, "init")
    bad = subprocess.run(
        [sys.executable, "-m", "cli.main", "--config", str(config), "web", "--port", "70000"],
        env=servers.env(),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert bad.returncode == 2 and "--port" in bad.stderr and "Traceback" not in bad.stderr


def test_the_demo_starts_hall_web_beside_it(tmp_path):
    import time
    import urllib.request

    from cli.demo_launcher import start_web

    db = f"sqlite:///{tmp_path / 'hall.db'}"
    config = tmp_path / "hall.toml"
    config.write_text(f'database = "{db}"\n', encoding="utf-8")
    servers.hall(config, "init", "--demo")
    process, url = start_web(db, None, port=servers.free_port())
    try:
        assert url.startswith("http://127.0.0.1:")
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(url + "guide", timeout=1) as answer:
                    assert answer.status == 200 and "一次性告知" in answer.read().decode()
                break
            except OSError:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.1)
    finally:
        process.terminate()
        process.wait(timeout=10)
