"""Which ratings each of Annex B's rates counts, as the indicators' words and the export's document say:
a visit's 差评 is in 差评率 but in neither part of 差评整改率, 实名差评回访率 or 整改按期率; a
disposal by explanation or an upheld appeal counts as rectified; an unreached 无法核实 counts as
called back; the rating of a 差评's handling is no rating of a service."""

from __future__ import annotations

from pathlib import Path

from models.ratings.indicators import indicators
from models.schema import Ticket
from tests.bad_ratings.conftest import leaders  # noqa: F401 - fixture
from tests.cases.conftest import at, resident_rates, serve

DOC = Path(__file__).resolve().parents[2] / "docs" / "ratings_export.md"


def _code(number: str) -> str:
    return Ticket.select().where(Ticket.number == number).order_by(Ticket.id.desc()).first().tracking_code


def test_each_rate_counts_the_ratings_its_words_name(hall, cases, leaders):  # noqa: F811
    at(2026, 11, 23, 9)
    loops = hall.bad_ratings
    hall.ratings.rate_visit(_code(serve(hall, "baby-hukou", 1, "S01")), "very_unsatisfied", channel="kiosk")  # V1
    hall.ratings.rate_visit(_code(serve(hall, "baby-hukou", 1, "S01")), "satisfied", channel="web")  # V2
    number = serve(hall, "baby-hukou", 1, "S01")
    named = cases.open_case(staff="S01", ticket=number, name="张三", phone="13812345678")
    resident_rates(hall, named.number, "unsatisfied", ["efficiency"])  # C1: named
    anonymous = cases.open_case(staff="S05", item="party-consult", window=6, result="已答复")
    resident_rates(hall, anonymous.number, "very_unsatisfied", ["attitude"], channel="web")  # C2
    # C1: never reached, so 无法核实 after the tries, then explained; the resident told, then rates the handling.
    loops.assign(named.number, "L01")
    for _ in range(hall.config.bad_ratings.callback_attempts):
        loops.call(named.number, "S01", reached=False)
    loops.classify(named.number, "S01", "unverifiable")
    loops.explain(named.number, "S01", "当日系统故障，已恢复")
    loops.tell(named.number, "L01", "phone", "电话告知")
    loops.rate_handling(named.tracking_code, named.number, "very_unsatisfied")
    # C2: a 误评, appealed and upheld by another leader.
    loops.assign(anonymous.number, "L01")
    loops.call(anonymous.number, "S05", reached=True)
    loops.classify(anonymous.number, "S05", "mistaken")
    loops.appeal(anonymous.number, "S05", "群众误点")
    loops.decide(anonymous.number, "L02", upheld=True, note="属误评")

    found = indicators(hall.config, "2026-11")["hall"]
    # 评价量: four services rated (two visits, two cases); the handling's rating is not one; the upheld 误评 is.
    assert (found["count"], found["good"], found["bad"]) == (4, 1, 3)
    assert (found["good_rate"], found["bad_rate"]) == (25.0, 75.0)
    # 差评整改率: the two cases' 差评 only (V1 opened no follow-up); explained and upheld both count as disposed.
    assert (found["followups"], found["rectified"], found["rectified_rate"]) == (2, 2, 100.0)
    # 实名差评回访率: C1 alone (a visit's rating is anonymous); classed 无法核实 counts as called back.
    assert (found["real_name_bad"], found["called_back"], found["callback_rate"]) == (1, 1, 100.0)
    # 整改按期率: of the two disposed, both on the day: before their deadline.
    assert (found["rectified_on_time"], found["on_time_rate"]) == (2, 100.0)


def test_the_words_say_which_ratings_each_rate_counts():
    import models.ratings.indicators as module

    words = " ".join((module.__doc__ or "").split())
    for said in (
        "the visits' (现场服务\"一次一评\": the window's pad, the web page of the ticket's QR, the kiosk)",
        "The resident's rating of how a 差评 was handled is no rating of a service",
        "a 差评 whose 申诉复核 was upheld (误评, 恶意差评) is still among them",
        "a visit's 差评 is in neither part of this rate",
        "a visit's rating is always anonymous: in neither part",
        "an explanation that it had no basis, or an upheld 申诉复核",
        "无法核实 after the configured tries",
    ):
        assert said in words, said
    doc = DOC.read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in doc.splitlines() if line.startswith("| `")}
    assert "pad, web, kiosk" in rows["`count`"] and "handled" in rows["`count`"]
    assert "a visit's 差评 opens none" in rows["`followups`"]
    assert "explanation" in rows["`rectified`"] and "申诉复核" in rows["`rectified`"]
    assert "a visit's rating is always anonymous" in rows["`real_name_bad`"]
    assert "无法核实" in rows["`called_back`"]
