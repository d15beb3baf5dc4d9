"""What a maintainer runs: the health check and backups, the copy to PostgreSQL, the demo hall.

- :mod:`~models.maintenance.health` — ``hall doctor`` and ``hall backup``.
- :mod:`~models.maintenance.migrate_to` — ``hall migrate-to URL``: copy a SQLite hall into an empty PostgreSQL one.
- :mod:`~models.maintenance.demo` — the demo hall: the bundled catalogue, demo staff, tickets at any hour.
- :mod:`~models.maintenance.demo_history` — a morning's worth of history for the demo hall.
- :mod:`~models.maintenance.demo_past` — the demo hall's past: the working days before today.
"""
