"""``hall web``: the hall on residents' phones.

A small ASGI service (FastAPI over Starlette, Jinja2 templates, uvicorn) on
the same database as the kiosk: the tracking page a ticket's QR code opens,
online 好差评, the service guide, the published 办结公告 and a read-only
JSON API. Pages are rendered on the server and work without JavaScript; a
little script only refreshes the live part. Every answer comes from
``models/`` (the public views the kiosk uses); nothing here is a rule.

- :mod:`web.app` — ``create_app(hall)``: routes, templates, static files, errors.
- :mod:`web.guard` — the ASGI layer in front: limits on bad input, security headers, the access log, the client's address.
- :mod:`web.lookups` — tracking-code lookups under the shared limit on unknown codes.
- :mod:`web.pages`, :mod:`web.api` — the HTML pages and the JSON answers.
- :mod:`web.views` — what both show: the guide, notices, the queue summary.
- :mod:`web.csrf`, :mod:`web.words` — the rating form's token; the page's language.
- :mod:`web.server` — running it under uvicorn.
"""
