"""The QR code on the ticket screen decodes (zxing-cpp) to the ticket's tracking URL."""

from __future__ import annotations

import io

import pytest

from tests.kiosk.conftest import make_kiosk, on_screen, open_item, tap


def decode(svg: str) -> list[str]:
    import cairosvg
    import zxingcpp
    from PIL import Image

    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=2400)
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


@pytest.mark.parametrize("size,theme", [((80, 24), False), ((120, 40), True)])
async def test_ticket_qr_holds_the_tracking_url(sqlite_hall, size, theme):

    from models.queue import tracking

    hall = sqlite_hall
    app = make_kiosk(hall, "zh")
    async with app.run_test(size=size) as pilot:
        if theme:  # black on white whatever the theme
            app.large = True
        await open_item(pilot, "take", "jisheng", "baby-hukou")
        await tap(pilot, "#normal")
        await on_screen(pilot, "TicketScreen")
        await pilot.pause(0.3)
        receipt = app.screen.receipt
        svg = app.export_screenshot()
    url = tracking.url_for(tracking.normalise(receipt.tracking_code), hall.config.tracking_url)
    assert url.startswith("https://hall.example.cn/t/")
    assert decode(svg) == [url]
