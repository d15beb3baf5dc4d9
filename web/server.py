"""Running ``hall web`` under uvicorn: one process, its own access log, no server banner.

uvicorn's access log would write each full path (a tracking code in it) and
the full client address; it is off, and :class:`web.guard.Guard` writes the
shortened line instead. ``X-Forwarded-For`` is read by the guard only from
the configured proxies, so uvicorn's own proxy handling is off too.
"""

from __future__ import annotations

import logging
import sys


def serve(hall, host: str = "127.0.0.1", port: int = 8080, *, quiet: bool = False) -> None:
    import uvicorn

    from web.app import create_app

    access = logging.getLogger("hall.web.access")
    if not access.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        access.addHandler(handler)
        access.propagate = False
    access.setLevel(logging.WARNING if quiet else logging.INFO)
    app = create_app(hall)
    uvicorn.run(
        app,
        host=host,
        port=port,
        access_log=False,
        proxy_headers=False,
        server_header=False,
        date_header=True,
        log_level="warning",
        h11_max_incomplete_event_size=16384,
    )
