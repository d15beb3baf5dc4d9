"""Which ratings each of Annex B's rates counts, as the indicators' words and the export's document say:
a visit's 差评 enters the 差评 loop like a case's and is in 差评整改率 and 整改按期率, and in 实名差评回访率
when a case of the visit left a phone; a disposal by explanation counts as rectified; an unreached
无法核实 counts as called back; a 差评 whose 申诉复核 was upheld counts in no indicator (it stays, marked);
the rating of a 差评's handling is no rating of a service."""

from __future__ import annotations

from pathlib import Path

from models.ratings.indicators import indicators
from models.ratings.records import month_records
from models.schema import Ticket
from models.schema.cases import CaseRating
from models.schema.ratings import VisitRating
from tests.bad_ratings.conftest import leaders  # noqa: F401 - fixture
from tests.cases.conftest import at, resident_rates, serve

DOC = Path(__file__).resolve().parents[2] / "docs" / "ratings_export.md"


def _ticket(number: str) -> Ticket:
    return Ticket.select().where(Ticket.number == number).order_by(Ticket.id.desc()).first()


def _code(number: str) -> str:
    return _ticket(number).tracking_code


def _ref(number: str) -> str:
    ticket = _ticket(number)
    return f"{ticket.service_day.isoformat()}/{ticket.number}"


def test_each_rate_counts_the_ratings_its_words_name(hall, cases, leaders):  # noqa: F811
    at(2026, 11, 23, 9)
    loops = hall.bad_ratings
    rate = hall.ratings.rate_visit
    v1 = serve(hall, "baby-hukou", 1, "S01")
    rate(_code(v1), "very_unsatisfied", channel="kiosk")  # V1: no phone
    rate(_code(serve(hall, "baby-hukou", 1, "S01")), "satisfied", channel="web")  # V2
    number = serve(hall, "baby-hukou", 1, "S01")
    named = cases.open_case(staff="S01", ticket=number, name="张三", phone="13812345678")
    rate(_code(number), "unsatisfied", ["attitude"], channel="web")  # V3: named by its case's phone
    resident_rates(hall, named.number, "unsatisfied", ["efficiency"])  # C1: named
    anonymous = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    resident_rates(hall, anonymous.number, "very_unsatisfied", ["attitude"], channel="web")  # C2
    v4 = serve(hall, "baby-hukou", 1, "S01")
    cases.open_case(staff="S01", ticket=v4, name="李四", phone="13900001111")  # its case is never rated
    rate(_code(v4), "very_unsatisfied", channel="web")  # V4: named, to be found 恶意 on appeal
    rate(_code(serve(hall, "baby-hukou", 1, "S01")), "unsatisfied", channel="web")  # V5: nothing done yet
    # V1: nobody to call; 无法核实 at once, explained, told.
    loops.assign(_ref(v1), "L01")
    loops.call(_ref(v1), "S01", reached=False, note="未留电话")
    loops.classify(_ref(v1), "S01", "unverifiable")
    loops.explain(_ref(v1), "S01", "当日系统故障，已恢复")
    loops.tell(_ref(v1), "L01", "web")
    # V3: reached through its case's phone, actual, put right at once (not told yet).
    loops.assign(_ref(number), "L01")
    loops.call(_ref(number), "S01", reached=True)
    loops.classify(_ref(number), "S01", "actual")
    loops.fix_now(_ref(number), "S01", "已批评教育")
    # C1: never reached, so 无法核实 after the tries, then explained; the resident told, then rates the handling.
    loops.assign(named.number, "L01")
    for _ in range(hall.config.bad_ratings.callback_attempts):
        loops.call(named.number, "S01", reached=False)
    loops.classify(named.number, "S01", "unverifiable")
    loops.explain(named.number, "S01", "当日系统故障，已恢复")
    loops.tell(named.number, "L01", "phone", "电话告知")
    loops.rate_handling(named.tracking_code, named.number, "very_unsatisfied")
    # C2: a 误评, appealed and upheld by another leader. V4 the same, 恶意.
    loops.assign(anonymous.number, "L01")
    loops.call(anonymous.number, "S05", reached=True)
    loops.classify(anonymous.number, "S05", "mistaken")
    loops.appeal(anonymous.number, "S05", "群众误点")
    loops.decide(anonymous.number, "L02", upheld=True, note="属误评")
    loops.call(_ref(v4), "L01", reached=True)
    loops.classify(_ref(v4), "L01", "malicious")
    loops.appeal(_ref(v4), "L01", "同一人连续差评")
    loops.decide(_ref(v4), "L02", upheld=True, note="属恶意差评")

    found = indicators(hall.config, "2026-11")["hall"]
    # 评价量: five services rated and counted (V1 V2 V3 V5, C1); C2 and V4 were upheld appeals; the handling's
    # rating is no service's.
    assert (found["count"], found["good"], found["bad"], found["excluded"]) == (5, 1, 4, 2)
    assert (found["good_rate"], found["bad_rate"]) == (20.0, 80.0)
    # 差评整改率: V1 V3 V5 C1; explained (V1, C1) and put right (V3) count as disposed, V5 not yet.
    assert (found["followups"], found["rectified"], found["rectified_rate"]) == (4, 3, 75.0)
    # 实名差评回访率: V3 (its case's phone) and C1; V3 reached, C1 classed 无法核实: both called back.
    assert (found["real_name_bad"], found["called_back"], found["callback_rate"]) == (2, 2, 100.0)
    # 整改按期率: of the three disposed, all on the day: before their deadline.
    assert (found["rectified_on_time"], found["on_time_rate"]) == (3, 100.0)
    # Per window too: window 6 had C2 alone, now out of every indicator (its place in the ranking is none).
    windows = {row["window"]: row for row in indicators(hall.config, "2026-11")["windows"]}
    assert (windows[6]["count"], windows[6]["excluded"], windows[6]["bad_rate"]) == (0, 1, None)
    assert (windows[1]["count"], windows[1]["bad"], windows[1]["excluded"]) == (5, 4, 1)  # V1 V2 V3 V5 C1; V4 out
    assert next(r for r in hall.ratings.ranking("2026-11") if r["window"] == 6)["place"] is None
    # Nothing was deleted: the upheld ones stay stored and in the export, marked.
    assert VisitRating.select().count() == 5 and CaseRating.select().count() == 2
    records = month_records(hall.config, "2026-11")
    assert len(records) == 7
    assert sorted(r["ticket"] or r["case"] for r in records if r["excluded"]) == sorted([_ref(v4), anonymous.number])


def test_the_words_say_which_ratings_each_rate_counts():
    import models.ratings.indicators as module

    words = " ".join((module.__doc__ or "").split())
    for said in (
        "the visits' (现场服务\"一次一评\": the window's pad, the web page of the ticket's QR, the kiosk)",
        "The resident's rating of how a 差评 was handled is no rating of a service",
        "nor is a 差评 whose 申诉复核 the deciding leader upheld (误评, 恶意差评)",
        "visits' and cases' alike (each opens its 差评 loop)",
        "for a visit, that of a case of the same visit",
        "or an explanation that it had no basis",
        "无法核实 after the configured tries",
    ):
        assert said in words, said
    doc = DOC.read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in doc.splitlines() if line.startswith("| `")}
    assert "pad, web, kiosk" in rows["`count`"] and "handled" in rows["`count`"]
    assert "not a 差评 whose 申诉复核 was upheld" in rows["`count`"]
    assert "of a visit or of a case alike" in rows["`followups`"]
    assert "explanation" in rows["`rectified`"]
    assert "a case of the same visit" in rows["`real_name_bad`"]
    assert "upheld 申诉复核" in rows["`excluded`"]
    assert "无法核实" in rows["`called_back`"]
