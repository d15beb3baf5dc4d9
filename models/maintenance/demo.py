"""The demo hall: the bundled catalogue, demo staff, tickets at any hour."""

from __future__ import annotations

from datetime import datetime

from models import clock
from models.catalogue import store as catalogue_store
from models.catalogue.files import default_catalogue_path
from models.hall import Hall, put_setting
from models.schema import Staff, Window
from models.staff.accounts import add_staff

DEMO_PIN = "1234"


def demo_staff(windows: list[int]) -> list[tuple[str, str, str, list[tuple[int, str]]]]:
    """(code, name, role, posts): an A and a B person for every window, and a leader."""
    names = ["王芳", "李娜", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周婷", "吴刚", "徐丽", "孙浩"]
    staff = []
    for i, number in enumerate(windows):
        a = names[(2 * i) % len(names)]
        b = names[(2 * i + 1) % len(names)]
        staff.append((f"S{2 * i + 1:02d}", a, "staff", [(number, "A")]))
        staff.append((f"S{2 * i + 2:02d}", b, "staff", [(number, "B")]))
    staff.append(("L01", "马站长", "leader", []))
    return staff


def make_demo(hall: Hall, since: datetime | None = None) -> list[str]:
    """Fill an empty hall for trying things out; returns the staff codes made.

    ``since`` (naive UTC) is when the demo staff joined: the start of the
    demo's past (:func:`models.maintenance.demo_past.past_start`), so
    attendance expects them on those days."""
    if not catalogue_store.loaded():
        catalogue_store.load_file(str(default_catalogue_path()))
    put_setting("demo", True)
    made = []
    windows = [w.number for w in Window.select().where(~Window.retired).order_by(Window.number)]
    previous = clock._frozen
    try:
        if since is not None:
            clock.set_now(since)
        for code, name, role, posts in demo_staff(windows):
            if Staff.get_or_none(Staff.code == code) is None:
                add_staff(code, name, DEMO_PIN, role=role, posts=posts)
                made.append(code)
    finally:
        clock.set_now(previous)
    return made
