"""Loading catalogue versions into the hall: retire, never delete; watch."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from models.catalogue import default_catalogue_path
from models.catalogue import store as catalogue_store
from models.schema import CatalogueLoad, Item, Ticket

ROOT = Path(__file__).resolve().parents[2]


def without_item(text: str, code: str) -> str:
    """The catalogue text with one [[item]] block removed."""
    blocks = text.split("\n[[item]]\n")
    kept = [b for b in blocks if not b.lstrip().startswith(f'code = "{code}"')]
    return "\n[[item]]\n".join(kept)


def test_reload_retires_missing_items_and_keeps_tickets(hall, tmp_path):
    ticket = hall.queue.take("hukou-out")
    source = default_catalogue_path().read_text(encoding="utf-8")
    trimmed = tmp_path / "catalogue.toml"
    trimmed.write_text(without_item(source, "hukou-out"), encoding="utf-8")
    changes = catalogue_store.load_file(str(trimmed))
    assert any(c.startswith("- item hukou-out") for c in changes)
    item = Item.get(Item.code == "hukou-out")
    assert item.retired
    assert Ticket.get(Ticket.number == ticket.number).item_id == item.id
    # Restoring the full version brings it back.
    changes = catalogue_store.load_file(str(default_catalogue_path()))
    assert not Item.get(Item.code == "hukou-out").retired
    assert CatalogueLoad.select().count() == 3


def test_load_refuses_broken_file_and_keeps_old(hall, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("[[item]]\ncode = 1\n", encoding="utf-8")
    before = Item.select().where(~Item.retired).count()
    try:
        catalogue_store.load_file(str(broken))
    except catalogue_store.CatalogueRefused as refused:
        assert all(str(p).startswith(str(broken)) for p in refused.problems)
    else:
        raise AssertionError("a broken catalogue was loaded")
    assert Item.select().where(~Item.retired).count() == before


def test_watch_reloads_on_save_and_keeps_old_on_error(hall, tmp_path):
    path = tmp_path / "catalogue.toml"
    source = default_catalogue_path().read_text(encoding="utf-8")
    path.write_text(source, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "catalogue", "watch", str(path), "--db", hall.url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=dict(os.environ, HALL_CONFIG=""),
    )
    try:
        lines = _read_until(proc, "监视")
        time.sleep(0.3)
        path.write_text(source.replace('name = "婴儿入户"', 'name = "新生儿入户"'), encoding="utf-8")
        lines = _read_until(proc, "已载入")
        assert any("~ item baby-hukou" in line for line in lines)
        path.write_text(source + "\n[[item]]\ncode = \n", encoding="utf-8")
        lines = _read_until(proc, "继续使用上一版")
        assert any(str(path) in line for line in lines)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert Item.get(Item.code == "baby-hukou").name == "新生儿入户"


def _read_until(proc, marker: str, timeout: float = 20) -> list[str]:
    lines, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if marker in line:
            return lines
    raise AssertionError(f"no '{marker}' in output: {lines}")
