"""`make bench`: every benchmark in one run, each printing its figures."""

from __future__ import annotations

import importlib
import sys

SUITES = (
    "benchmarks.core_bench",
    "benchmarks.load_bench",
    "benchmarks.ledger_bench",
    "benchmarks.kiosk_bench",
    "benchmarks.web_bench",
    "benchmarks.year_bench",
    "benchmarks.visits_bench",
    "benchmarks.appointment_bench",
)


def main() -> int:
    for name in SUITES:
        print(f"\n=== {name} ===", flush=True)
        module = importlib.import_module(name)
        module.main()
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
