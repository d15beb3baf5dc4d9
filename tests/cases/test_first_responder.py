"""首问负责: the first responder follows a case he transferred, in his ledger's every view."""

from __future__ import annotations

from models.cases.ledger import LedgerFilter, ledger
from models.cases.rights import ledger_scope
from models.schema import Staff
from models.staff import staff_info
from models.staff.signin import start_shift, windows_for


def shift_of(code: str, window: int):
    staff = Staff.get(Staff.code == code)
    return start_shift(staff_info(staff), window, windows_for(staff))


def numbers(config, shift, flt: LedgerFilter) -> list[str]:
    return [row.number for row in ledger(config, ledger_scope(shift, flt)).rows]


def test_the_first_responder_sees_the_case_he_transferred(hall, cases):
    receipt = hall.queue.take("urban-dibao")  # a line-3 item
    hall.queue.call_next(3, "S03")
    hall.queue.transfer(receipt.number, 3, to_window=1, staff_code="S03", note="先办计生证明")
    hall.queue.call_next(1, "S02")
    facts = cases.open_case(staff="S02", ticket=receipt.number, item="baby-hukou", result="已出具证明")
    assert cases.detail(facts.number)["first_responder"] == "S03"
    elsewhere = cases.open_case(staff="S02", item="baby-hukou", window=1, result="已出具证明")

    s03 = shift_of("S03", 3)
    config = hall.config
    assert numbers(config, s03, LedgerFilter()) == [facts.number]  # 全部
    assert numbers(config, s03, LedgerFilter(involving="S03")) == [facts.number]  # F6 我的
    assert numbers(config, s03, LedgerFilter(search=facts.number)) == [facts.number]
    assert numbers(config, s03, LedgerFilter(search=elsewhere.number)) == []  # nothing of his
    # The window's own cases stay in 全部 beside his.
    own = cases.open_case(staff="S04", item="urban-dibao", window=3, kind="promised")
    assert numbers(config, s03, LedgerFilter()) == [own.number, facts.number]
    assert numbers(config, s03, LedgerFilter(involving="S03")) == [facts.number]
    # The handler at window 1 sees both of window 1's.
    assert numbers(config, shift_of("S02", 1), LedgerFilter()) == [elsewhere.number, facts.number]
