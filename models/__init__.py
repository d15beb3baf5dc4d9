"""The hall's rules and tables: everything a kiosk, a terminal or the CLI may ask, and no UI.

Open a hall with :func:`models.hall.open_hall`; its :class:`~models.hall.Hall`
carries every service. The packages, each over those after it:

- :mod:`models.maintenance` — health check, backup, the copy to PostgreSQL, the demo hall;
- :mod:`models.hall` — opening the database and wiring every service;
- :mod:`models.duty` — the duty roster, checklists, the leader's log, attendance;
- :mod:`models.cases` — cases (办件): steps, rights, ledger, notices, 好差评, reports;
- :mod:`models.queue` — tickets: taking, calling, moving; the day's hold; tracking codes; pictures;
- :mod:`models.staff` — accounts, sign-in, whereabouts, A/B cover, leave;
- :mod:`models.catalogue` — the service catalogue: its entries, the check, loading it;
- :mod:`models.events` — the change feed other processes follow;
- :mod:`models.schema` — every table, the append-only base, migrations;
- the ground: :mod:`~models.calendar`, :mod:`~models.errors`, :mod:`~models.db`,
  :mod:`~models.clock`, :mod:`~models.config`, :mod:`~models.i18n`.
"""
