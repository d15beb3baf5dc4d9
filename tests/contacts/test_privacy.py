"""The sender's name and phone: masked in every list, log and export; opened only with a logged reason."""

from __future__ import annotations

import json

import pytest

from models.cases.rules import CaseRefused
from models.contacts import ContactRefused
from models.schema import ContactAccess, Event


def test_lists_and_the_change_feed_never_hold_the_name_or_phone(contacts, hall):
    row = contacts.record(staff="S01", channel="phone", sender="王建国", matter="噪音扰民", phone="13812345678")
    contacts.pass_on(row.number, "S01", "S02")
    contacts.reply(row.number, "S02", "已联系物业")
    shown = json.dumps([r.as_dict() for r in contacts.list(open_only=False)], ensure_ascii=False)
    feed = json.dumps([e.data for e in Event.select()], ensure_ascii=False)
    ledger = json.dumps(hall.cases.ledger().as_dict(), ensure_ascii=False, default=str)
    for text in (shown, feed, ledger):
        assert "王建国" not in text and "13812345678" not in text
    assert "王**" in shown


def test_a_unit_is_masked_like_a_name(contacts):
    row = contacts.record(staff="S01", channel="letter", sender="幸福里物业公司", matter="电梯维修")
    assert row.sender == "幸******"


def test_a_reveal_needs_a_reason_and_is_logged(contacts):
    row = contacts.record(staff="S01", channel="phone", sender="王建国", matter="噪音扰民", phone="13812345678")
    with pytest.raises(ContactRefused):
        contacts.reveal(row.number, "S01", "")
    assert ContactAccess.select().count() == 0
    full = contacts.reveal(row.number, "S01", "回电答复")
    assert full == {"name": "王建国", "phone": "13812345678"}
    access = ContactAccess.get()
    assert (access.staff.code, access.purpose) == ("S01", "回电答复")


def test_someone_it_does_not_concern_cannot_open_it(contacts):
    row = contacts.record(staff="S01", channel="phone", sender="王建国", matter="噪音扰民", phone="13812345678")
    with pytest.raises(CaseRefused):
        contacts.reveal(row.number, "S03", "好奇")
    assert ContactAccess.select().count() == 0


def test_a_note_passing_it_on_holds_neither_name_nor_phone(contacts):
    row = contacts.record(staff="S01", channel="phone", sender="王建国", matter="噪音扰民", phone="13812345678")
    for note in ("请回电王建国", "电话 13812345678"):
        with pytest.raises(ContactRefused) as raised:
            contacts.pass_on(row.number, "S01", "S02", note=note)
        assert raised.value.key == "personal_data"
    assert contacts.get(row.number).handler == "S01"
