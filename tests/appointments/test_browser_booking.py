"""A booking made in a real browser at phone size (Debian's chromium, headless, 390×844),
its QR read back from the page's screenshot and scanned at a real kiosk (Pilot) at the
booked time: the resident gets a ticket marked 预约."""

from __future__ import annotations

import io
import os
import re
from datetime import datetime
from pathlib import Path

from models import clock
from tests.conftest import SHANGHAI
from tests.web import servers
from tests.web.test_browser import chrome, pytestmark, tap, wait_text  # noqa: F401 - skipped without chromium

PHONE = "13812345678"


def read_qr(png: bytes) -> list[str]:
    import zxingcpp
    from PIL import Image

    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


async def scan_at_the_kiosk(config: Path, text: str, at: datetime) -> str:
    from models.config import load_config
    from models.hall import open_hall
    from tests.kiosk.conftest import make_kiosk, on_screen, screen_text, wait_for

    clock.set_now(at)
    hall = open_hall(load_config(str(config)))
    try:
        app = make_kiosk(hall, "zh")
        async with app.run_test(size=(120, 40)) as pilot:
            await on_screen(pilot, "HomeScreen")
            await pilot.press(*text, "enter")
            await on_screen(pilot, "TicketScreen")  # by way of the check-in, looked up at once
            await wait_for(pilot, lambda: "签到成功" in screen_text(app), timeout=10)
            return screen_text(app)
    finally:
        hall.close()
        clock.set_now(None)


async def test_a_phone_books_and_the_kiosk_checks_in_by_the_qr(tmp_path):
    port = servers.free_port()
    config = tmp_path / "hall.toml"
    config.write_text(
        f'database = "sqlite:///{tmp_path / "hall.db"}"\n[web]\nbase_url = "http://127.0.0.1:{port}"\n',
        encoding="utf-8",
    )
    shots = Path(os.environ.get("HALL_WEB_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    servers.hall(config, "init", "--demo")
    web = servers.start_web(config, port)
    browser = chrome()
    try:
        browser.get(f"http://127.0.0.1:{port}/book?item=baby-hukou")
        wait_text(browser, "选择日期")
        tap(browser, "button.choice")
        wait_text(browser, "选择时段")
        day = re.search(r"day=(\d{4}-\d\d-\d\d)", browser.current_url).group(1)
        slot = browser.find_element("css selector", "input[name=time]:checked").get_attribute("value")
        browser.find_element("css selector", "#phone").send_keys(PHONE)
        browser.save_screenshot(str(shots / "book-slot.png"))
        tap(browser, "#book")
        wait_text(browser, "我的预约")
        text = browser.find_element("tag name", "body").text
        code = browser.find_element("css selector", "#booking-code").text
        assert "138****5678" in text and PHONE not in text and "请在" in text
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        qr = browser.find_element("css selector", "#booking-qr")
        browser.execute_script("arguments[0].scrollIntoView()", qr)
        (url,) = read_qr(qr.screenshot_as_png)
        browser.save_screenshot(str(shots / "book-done.png"))
        assert url == f"http://127.0.0.1:{port}/book/{code}"
    finally:
        browser.quit()
        servers.stop(web)
    hour, minute = (int(x) for x in slot.split(":"))
    booked_day = datetime.fromisoformat(day)
    at = datetime(booked_day.year, booked_day.month, booked_day.day, hour, minute, tzinfo=SHANGHAI)
    words = await scan_at_the_kiosk(config, url, at)  # at the slot's start: on time
    assert "预约" in words and re.search(r"[A-Z]\d{3}", words)
