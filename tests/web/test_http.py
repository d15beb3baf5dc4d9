"""Every route and every error of hall web, through the ASGI test client, on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest

from models.queue import tracking
from tests.web.conftest import materials

NAME, PHONE = "张三丰", "13812345678"


def _ticket(hall, item="baby-hukou"):
    return hall.queue.take(item)


def _visit(hall, cases, kind="supplement", **draft):
    """A ticket taken, called to window 1, finished with one case of ``kind``."""
    receipt = _ticket(hall, "hukou-in")
    hall.queue.call_next(1, "S01")
    if kind == "supplement":
        draft.setdefault("missing", materials("hukou-in")[:2])
    (facts,) = cases.finish_visit(receipt.number, 1, "S01", [{"kind": kind, "name": NAME, "phone": PHONE, **draft}])
    return receipt, facts


def test_home_guide_notices_and_api_pages_answer_in_chinese_first(client, hall):
    home = client.get("/")
    assert home.status_code == 200 and '<html lang="zh-CN">' in home.text and "查询进度" in home.text
    guide = client.get("/guide")
    assert guide.status_code == 200 and "婴儿入户" in guide.text and "请带齐以下材料" in guide.text
    assert "夫妇双方户口本" in guide.text
    assert client.get("/notices").status_code == 200
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/track/{code}" in docs.text
    spec = client.get("/api/openapi.json").json()
    assert "/api/track/{code}" in spec["paths"] and "/api/queue" in spec["paths"]
    assert client.get("/static/hall.css").status_code == 200
    assert client.get("/static/track.js").status_code == 200


def test_english_by_query_and_by_accept_language(client):
    assert '<html lang="en">' in client.get("/?lang=en").text
    page = client.get("/guide", headers={"Accept-Language": "en-GB,en;q=0.9,zh;q=0.5"})
    assert '<html lang="en">' in page.text and "Service guide" in page.text
    assert '<html lang="zh-CN">' in client.get("/", headers={"Accept-Language": "zh-CN,en;q=0.3"}).text
    assert "?lang=en" in client.get("/?lang=en").text  # links keep the chosen language


def test_a_waiting_ticket_shows_its_place_wait_and_windows(client, hall, staff):
    _ticket(hall), _ticket(hall)
    mine = _ticket(hall)
    page = client.get(f"/track/{tracking.display(mine.tracking_code)}")
    assert page.status_code == 200
    assert mine.number in page.text and "前面还有 2 人" in page.text and "1 号窗口" in page.text
    data = client.get(f"/api/track/{mine.tracking_code.lower()}").json()
    assert data["ticket"]["ahead"] == 2 and data["ticket"]["windows"] == [1] and data["version"]
    hall.queue.call_next(1, "S01")
    hall.queue.call_next(1, "S01")
    hall.queue.call_next(1, "S01")
    called = client.get(f"/api/track/{mine.tracking_code}").json()
    assert called["ticket"]["state"] == "called" and called["version"] != data["version"]
    live = client.get(f"/track/{tracking.display(mine.tracking_code)}/live")
    assert "请到 1 号窗口" in live.text and 'data-state="called"' in live.text


def test_a_paused_line_says_so(client, hall):
    mine = _ticket(hall)
    hall.queue.pause(1)
    page = client.get(f"/track/{mine.tracking_code}")
    assert "暂停服务" in page.text


def test_after_the_visit_every_case_with_its_notice_and_no_personal_data(client, hall, cases):
    receipt, facts = _visit(hall, cases)
    page = client.get(f"/track/{tracking.display(receipt.tracking_code)}").text
    assert facts.number in page and "补充件" in page and "待补充材料" in page
    for name in materials("hukou-in")[:2]:
        assert name in page
    assert "补充件通知书" in page  # the written notice, as handed over
    assert NAME not in page and PHONE not in page and PHONE[-4:] not in page
    data = client.get(f"/api/track/{receipt.tracking_code}").json()
    assert data["cases"][0]["missing"] == materials("hukou-in")[:2]
    assert NAME not in str(data) and PHONE not in str(data)
    english = client.get(f"/track/{receipt.tracking_code}?lang=en").text
    assert "Materials still needed" in english


def _rate_form(page: str) -> dict:
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    number = re.search(r'name="case" value="([^"]+)"', page).group(1)
    return {"csrf": token, "case": number}


def test_rating_online_once_with_csrf_and_the_followup_shown(client, hall, cases):
    receipt, facts = _visit(hall, cases, kind="immediate", result="已办结")
    url = f"/track/{tracking.display(receipt.tracking_code)}"
    page = client.get(url)
    assert "hall_csrf" in page.headers.get("set-cookie", "") and "HttpOnly" in page.headers["set-cookie"]
    assert "SameSite=strict" in page.headers["set-cookie"] or "samesite=strict" in page.headers["set-cookie"].lower()
    form = _rate_form(page.text)
    # Without the cookie's token: refused, nothing recorded.
    forged = client.post(url + "/rate", data={**form, "csrf": "x.y", "level": "satisfied"}, follow_redirects=False)
    assert forged.status_code == 403 and cases.get(facts.number).rating is None
    sent = client.post(
        url + "/rate", data={**form, "level": "unsatisfied", "tag": ["process", "efficiency"]}, follow_redirects=False
    )
    assert sent.status_code == 303 and "rated=1" in sent.headers["location"]
    rated = cases.get(facts.number)
    assert rated.rating == "unsatisfied" and rated.rating_tags == ["efficiency", "process"] and rated.followup == "open"
    after = client.get(sent.headers["location"]).text
    assert "谢谢您的评价" in after and "不满意" in after and "回访" in after
    again = client.post(url + "/rate", data={**form, "level": "satisfied"}, follow_redirects=False)
    assert again.status_code == 400 and "没能提交评价" in again.text
    hall.cases.called_back(facts.number, "L01", "电话回访")
    hall.cases.rectified(facts.number, "L01", "增开窗口")
    assert "整改已完成" in client.get(url).text


def test_a_rating_the_rules_refuse_is_one_sentence(client, hall, cases):
    receipt, facts = _visit(hall, cases, kind="immediate", result="已办结")
    url = f"/track/{receipt.tracking_code}"
    form = _rate_form(client.get(url).text)
    bad = client.post(url + "/rate", data={**form, "level": "meh"})
    assert bad.status_code == 400 and "没能提交评价" in bad.text and "Traceback" not in bad.text
    assert cases.get(facts.number).rating is None


@pytest.mark.parametrize(("field", "value"), [("level", "satisfied\x1b[2J"), ("tag", "process\u202e"), ("case", None)])
def test_a_rating_field_holding_a_control_character_is_one_sentence_naming_it(client, hall, cases, field, value):
    receipt, facts = _visit(hall, cases, kind="immediate", result="已办结")
    url = f"/track/{receipt.tracking_code}"
    form = {**_rate_form(client.get(url).text), "level": "satisfied"}
    form[field] = value if value is not None else form["case"] + "\u200b"
    refused = client.post(url + "/rate", data=form)
    assert refused.status_code == 400 and "Traceback" not in refused.text
    assert "没能提交评价" in refused.text and f"「{field}」" in refused.text and "控制字符" in refused.text
    assert "\x1b" not in refused.text and "\u202e" not in refused.text
    assert cases.get(facts.number).rating is None


@pytest.mark.parametrize("code", ["0000-0000-0000", "not-a-code", "WG8F"])
def test_wrong_or_unknown_codes_are_one_sentence_and_404(client, code):
    page = client.get(f"/track/{code}")
    assert page.status_code == 404 and "查询码" in page.text and "Traceback" not in page.text
    data = client.get(f"/api/track/{code}")
    assert data.status_code == 404 and list(data.json()) == ["error"]


def test_the_code_form_leads_to_the_page(client, hall):
    mine = _ticket(hall)
    go = client.get("/track", params={"code": mine.tracking_code.lower()}, follow_redirects=False)
    assert go.status_code == 303 and go.headers["location"] == f"/track/{mine.tracking_code}"
    assert client.get("/track").status_code == 200


def test_unknown_codes_are_limited_per_client_and_in_all(client, hall, monkeypatch):
    mine = _ticket(hall)
    limit = hall.config.web.unknown_per_client
    for _ in range(limit):
        assert client.get("/api/track/0000-0000-0000").status_code == 404
    paused = client.get("/api/track/0000-0000-0000")
    assert paused.status_code == 429 and int(paused.headers["retry-after"]) >= 1
    assert client.get(f"/api/track/{mine.tracking_code}").status_code == 429  # this client waits
    # Another client (through a configured proxy) is not held up by the first.
    other = {"X-Forwarded-For": "10.0.0.9"}
    assert client.get(f"/api/track/{mine.tracking_code}", headers=other).status_code == 429  # not a proxy: ignored


def test_forwarded_for_is_believed_only_from_configured_proxies(hall):
    from dataclasses import replace

    from web.guard import client_address

    proxies = frozenset({"127.0.0.1"})
    assert client_address("127.0.0.1", "203.0.113.5, 127.0.0.1", proxies) == "203.0.113.5"
    assert client_address("198.51.100.7", "203.0.113.5", proxies) == "198.51.100.7"
    assert client_address("127.0.0.1", None, proxies) == "127.0.0.1"
    assert replace(hall.config.web, proxies=("127.0.0.1",)).proxies == ("127.0.0.1",)


def test_the_global_limit_holds_for_everyone(hall):
    from dataclasses import replace

    from web.app import create_app

    hall.config = replace(hall.config, web=replace(hall.config.web, proxies=("testclient",), unknown_in_all=3))
    from fastapi.testclient import TestClient

    with TestClient(create_app(hall), base_url="http://hall.test") as client:
        for n in range(3):
            assert (
                client.get("/api/track/0000-0000-0000", headers={"X-Forwarded-For": f"10.0.0.{n}"}).status_code == 404
            )
        assert client.get("/api/track/0000-0000-0000", headers={"X-Forwarded-For": "10.0.0.99"}).status_code == 429


def test_bad_input_is_a_plain_4xx(client):
    assert client.get("/" + "a" * 2000).status_code == 414
    odd = client.get("/track/%FF%FE")
    assert odd.status_code == 400 and "Traceback" not in odd.text
    assert client.delete("/api/queue").status_code == 405
    assert client.put("/track/x").status_code == 405
    assert client.post("/api/queue").status_code == 405
    big = client.post("/track/0000-0000-0000/rate", content=b"x" * 20000)
    assert big.status_code == 413
    chunked = client.post("/track/0000-0000-0000/rate", content=iter([b"x" * 100]))
    assert chunked.status_code == 411
    head = client.head("/api/health")
    assert head.status_code == 200 and head.content == b""
    assert client.get("/no/such/page").status_code == 404
    assert client.get("/api/no-such").json() == {"error": "没有这个页面，请从首页进入。"}


def test_security_headers_and_no_cookie_where_nothing_is_posted(client, hall):
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff" and page.headers["referrer-policy"] == "no-referrer"
    assert "set-cookie" not in page.headers
    mine = _ticket(hall)
    assert "set-cookie" not in client.get(f"/track/{mine.tracking_code}").headers  # nothing to rate
    assert "server" not in {k.lower() for k in page.headers}


def test_the_queue_summary_health_and_index(client, hall, staff):
    _ticket(hall)
    hall.queue.call_next(1, "S01")
    _ticket(hall)
    queue = client.get("/api/queue").json()
    assert {line["code"]: line["waiting"] for line in queue["lines"]}["jisheng"] == 1
    assert queue["recent_calls"][0]["window"] == 1 and "waiting" not in queue
    assert client.get("/api/health").json()["ok"] is True
    assert "/api/track/{code}" in client.get("/api").json()["endpoints"]
    guide = client.get("/api/guide").json()["lines"]
    assert any(item["code"] == "baby-hukou" for line in guide for item in line["items"])


def test_published_notices_are_listed(client, hall, cases):
    receipt, facts = _visit(hall, cases, kind="promised")
    hall.cases.complete(facts.number, "S01", "已办理完毕")
    hall.cases.notify(facts.number, "S01", "phone")
    hall.cases.publish(facts.number, "S01", "户口迁入已办结，请到窗口领取。")
    assert "户口迁入已办结" in client.get("/notices").text
    assert client.get("/api/notices").json()["notices"][0]["number"] == facts.number


def test_the_access_log_names_no_one(client, hall, caplog):
    import logging

    mine = _ticket(hall)
    with caplog.at_level(logging.INFO, logger="hall.web.access"):
        client.get(f"/track/{tracking.display(mine.tracking_code)}")
    line = caplog.records[-1].getMessage()
    assert tracking.display(mine.tracking_code) not in line and mine.tracking_code not in line
    assert "/track/" + tracking.display(mine.tracking_code)[:4] + "…" in line
    with caplog.at_level(logging.INFO, logger="hall.web.access"):
        client.get("/track/x%0Afake%20line")
    assert "\n" not in caplog.records[-1].getMessage()


def test_the_tracking_url_follows_the_base_url():
    from models.config import parse_config

    config = parse_config({"web": {"base_url": "https://hall.example.cn"}})
    assert config.tracking_url == "https://hall.example.cn/track/{code}"
    assert parse_config({"web": {"base_url": "https://a.cn"}, "tracking_url": "https://b.cn/{code}"}).tracking_url == (
        "https://b.cn/{code}"
    )
    from models.config import ConfigError

    with pytest.raises(ConfigError, match="web.base_url"):
        parse_config({"web": {"base_url": "hall.example.cn"}})
    with pytest.raises(ConfigError, match="web.proxies"):
        parse_config({"web": {"proxies": [1]}})


def test_a_database_that_fails_is_one_sentence_and_503(client, app, monkeypatch):
    from peewee import OperationalError

    def broken(*args, **kwargs):
        raise OperationalError("disk I/O error")

    monkeypatch.setattr(app.state.lookups, "view", broken)
    monkeypatch.setattr(app.state.lookups, "body", broken)
    page = client.get("/track/0000-0000-0000")
    assert page.status_code == 503 and "系统暂时无法查询" in page.text and "disk I/O" not in page.text
    data = client.get("/api/track/0000-0000-0000")
    assert data.status_code == 503 and data.headers["retry-after"] == "5"


def test_a_case_opened_without_a_ticket_is_followed_by_its_code(client, hall, cases):
    facts = cases.open_case(staff="S01", item="hukou-in", kind="promised", channel="phone", name=NAME, phone=PHONE)
    page = client.get(f"/track/{tracking.display(facts.tracking_code)}")
    assert page.status_code == 200 and facts.number in page.text and "承诺件" in page.text
    assert "您的号码" not in page.text and NAME not in page.text
    assert client.get(f"/api/track/{facts.tracking_code}").json()["ticket"] is None


def test_a_case_of_another_visit_cannot_be_rated_by_this_code(client, hall, cases):
    receipt, facts = _visit(hall, cases, kind="immediate", result="已办结")
    _, other = _visit(hall, cases, kind="immediate", result="已办结")
    url = f"/track/{receipt.tracking_code}"
    form = _rate_form(client.get(url).text)
    refused = client.post(url + "/rate", data={**form, "case": other.number, "level": "satisfied"})
    assert refused.status_code == 400 and cases.get(other.number).rating is None


def test_text_people_typed_is_text_on_the_page(client, hall, cases):
    hostile = '<script>alert("x")</script>{{ 7*7 }}&amp;'
    receipt, facts = _visit(hall, cases, kind="immediate", result=hostile)
    page = client.get(f"/track/{receipt.tracking_code}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "{{ 7*7 }}" in page and "49" not in page.split("{{ 7*7 }}")[0][-5:]
