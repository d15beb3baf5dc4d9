"""hall web in a real browser (Debian's chromium, headless, a 390×844 phone), beside a real kiosk.

The QR code of a ticket taken at the kiosk is decoded from the kiosk's own
screenshot, its URL opened; the page follows the calls made from the CLI
without a reload, shows the missing materials of a 补充件 and takes a rating.
Screenshots are saved in the test's folder (``HALL_WEB_SCREENSHOTS`` names
another to keep them).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from tests.web import servers

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER) and not os.environ.get("HALL_REQUIRE_PG"),
    reason="Debian's chromium and chromium-driver are not installed (.ci/run installs them)",
)


def chrome(width: int = 390, font: int = 16):
    """Debian's chromium, headless, as a phone ``width`` px wide whose default text is ``font`` px."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},844"):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs", {"intl.accept_languages": "zh-CN,zh", "webkit.webprefs.default_font_size": font}
    )
    driver = webdriver.Chrome(service=Service(DRIVER or "/usr/bin/chromedriver"), options=options)
    driver.set_window_size(width, 844)
    return driver


@pytest.fixture
def browser():
    driver = chrome()
    yield driver
    driver.quit()


def wait_text(driver, text: str, timeout: float = 10.0) -> None:
    from selenium.common.exceptions import StaleElementReferenceException

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if text in driver.find_element("tag name", "body").text:
                return
        except StaleElementReferenceException:  # the live part was swapped while it was read
            pass
        time.sleep(0.05)
    raise AssertionError(f"{text!r} not on the page: {driver.find_element('tag name', 'body').text[:500]}")


def tap(driver, selector: str) -> None:
    """Click ``selector``, found again if the live part was swapped under it."""
    from selenium.common.exceptions import StaleElementReferenceException

    for _ in range(20):
        try:
            driver.find_element("css selector", selector).click()
            return
        except StaleElementReferenceException:
            time.sleep(0.1)
    raise AssertionError(f"{selector} kept being replaced")


async def kiosk_ticket_url(config_path: Path) -> tuple[str, str]:
    """Take a ticket at a real kiosk (Pilot) and read its QR code back from the screenshot."""
    from models.config import load_config
    from models.hall import open_hall
    from tests.kiosk.conftest import make_kiosk, on_screen, open_item, tap
    from tests.kiosk.test_qr import decode

    hall = open_hall(load_config(str(config_path)))
    try:
        app = make_kiosk(hall, "zh")
        async with app.run_test(size=(120, 40)) as pilot:
            await open_item(pilot, "take", "jisheng", "baby-hukou")
            await tap(pilot, "#normal")
            await on_screen(pilot, "TicketScreen")
            await pilot.pause(0.3)
            number = app.screen.receipt.number
            (url,) = decode(app.export_screenshot())
    finally:
        hall.close()
    return url, number


async def test_a_phone_follows_its_ticket_and_rates_the_case(tmp_path, browser):
    port = servers.free_port()
    config = tmp_path / "hall.toml"
    config.write_text(
        f'database = "sqlite:///{tmp_path / "hall.db"}"\n[web]\nbase_url = "http://127.0.0.1:{port}"\n',
        encoding="utf-8",
    )
    shots = Path(os.environ.get("HALL_WEB_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    servers.hall(config, "init", "--demo")
    servers.hall(config, "ticket", "take", "baby-hukou")
    servers.hall(config, "ticket", "take", "baby-hukou")
    url, number = await kiosk_ticket_url(config)
    assert url.startswith(f"http://127.0.0.1:{port}/track/")
    web = servers.start_web(config, port)
    try:
        browser.get(url)
        wait_text(browser, "前面还有 2 人")
        assert browser.find_element("tag name", "html").get_attribute("lang") == "zh-CN"
        browser.save_screenshot(str(shots / "web-waiting.png"))
        browser.execute_script("window.notReloaded = true")
        servers.hall(config, "ticket", "call", "--window", "1", "--staff", "S01")
        wait_text(browser, "前面还有 1 人", timeout=3)
        servers.hall(config, "ticket", "call", "--window", "1", "--staff", "S01")
        wait_text(browser, "前面没有人等候", timeout=3)
        servers.hall(config, "ticket", "call", "--window", "1", "--staff", "S01")
        started = time.monotonic()
        wait_text(browser, "请到 1 号窗口", timeout=3)
        assert time.monotonic() - started < 2.0
        assert browser.execute_script("return window.notReloaded") is True
        assert "请到 1 号窗口" in browser.title
        browser.save_screenshot(str(shots / "web-called.png"))

        servers.hall(config, "ticket", "finish", number, "--window", "1", "--staff", "S01")
        opened = servers.hall(
            config,
            "case",
            "open",
            "--staff",
            "S01",
            "--ticket",
            number,
            "--window",
            "1",
            "--kind",
            "supplement",
            "--missing",
            "夫妇双方户口本",
            "--missing",
            "夫妇双方身份证",
            "--json",
        )
        case = json.loads(opened.stdout)["number"]
        wait_text(browser, "还需补充的材料")
        wait_text(browser, "夫妇双方户口本")
        assert browser.execute_script("return window.notReloaded") is True
        browser.save_screenshot(str(shots / "web-supplement.png"))

        servers.hall(config, "case", "materials-received", case, "--staff", "S01")
        servers.hall(config, "case", "complete", case, "--staff", "S01", "--result", "已办结")
        wait_text(browser, f"请您评价受理编号 {case} 的服务")  # the case's form (the visit has its own)
        tap(browser, f"#case-{case} input[name=level][value=satisfied]")  # once ticked, the form is kept
        browser.save_screenshot(str(shots / "web-rate.png"))
        tap(browser, f"#case-{case} form.rate button")
        wait_text(browser, "谢谢您的评价")
        wait_text(browser, "您的评价：满意")
        browser.save_screenshot(str(shots / "web-rated.png"))
        shown = servers.hall(config, "case", "show", url.rsplit("/", 1)[-1], "--json").stdout
        assert '"rated": true' in shown
    finally:
        servers.stop(web)


@pytest.mark.parametrize("width,font", [(320, 16), (390, 32)])
def test_pages_fit_a_narrow_phone_and_doubled_text(tmp_path, width, font):
    """No sideways scrolling at 320 px, nor with the phone's text at 200 %; text at least 18 px."""
    port = servers.free_port()
    config = tmp_path / "hall.toml"
    config.write_text(f'database = "sqlite:///{tmp_path / "hall.db"}"\n', encoding="utf-8")
    servers.hall(config, "init", "--demo")
    code = json.loads(servers.hall(config, "ticket", "take", "baby-hukou", "--json").stdout)["tracking_code"]
    driver = chrome(width, font)
    web = servers.start_web(config, port)
    shots = Path(os.environ.get("HALL_WEB_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    try:
        for path in ("/", "/guide", f"/track/{code}", f"/track/{code}?lang=en", "/notices", "/api/docs"):
            driver.get(f"http://127.0.0.1:{port}{path}")
            inner = driver.execute_script("return window.innerWidth")
            wide = driver.execute_script("return document.documentElement.scrollWidth")
            assert wide <= inner, f"{path} is {wide} px wide in a {inner} px window"
            size = driver.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)")
            assert size >= 18, f"{path}: body text {size} px"
            assert driver.find_element("tag name", "html").get_attribute("lang") in ("zh-CN", "en")
        driver.get(f"http://127.0.0.1:{port}/track/{code}")
        driver.save_screenshot(str(shots / f"web-{width}px-font{font}.png"))
    finally:
        driver.quit()
        servers.stop(web)


def test_the_colours_keep_a_contrast_of_seven_to_one():
    """Every text colour pair of the style sheet, by the WCAG formula."""
    import re

    css = (servers.ROOT / "web" / "static" / "hall.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", css))

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def contrast(a: str, b: str) -> float:
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    pairs = [
        ("ink", "paper"),
        ("link", "paper"),
        ("#ffffff", "accent"),
        ("ink", "call"),
        ("warn", "warn-bg"),
        ("ink", "#f2f2f2"),  # a written notice's background
    ]
    for fg, bg in pairs:
        ratio = contrast(colours.get(fg, fg), colours.get(bg, bg))
        assert ratio >= 7, f"{fg} on {bg}: {ratio:.1f}:1"
