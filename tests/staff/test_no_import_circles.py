"""The staff terminal's modules import each other without a circle, imports inside functions included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_staff_tui_has_no_import_circle():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "import_cycles.py"), "staff_tui"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
