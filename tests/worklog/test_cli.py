"""``hall log …`` and ``hall meeting …``: the PIN asked, the month's count, the summary file."""

from __future__ import annotations

import json

from tests.cases.conftest import at


def test_writing_and_correcting_one_s_log(worklog, run):
    at(2026, 11, 23, 17)
    code, out, _ = run("log", "write", "--staff", "S01", "--text", "窗口值班，接来电 3 个", "--json")
    assert code == 0
    entry = json.loads(out)
    assert (entry["day"], entry["staff"]) == ("2026-11-23", "S01")
    code, out, _ = run(
        "log", "correct", str(entry["id"]), "--staff", "S01", "--text", "窗口值班，接来电 4 个", lang="en"
    )
    assert (code, out.strip()) == (0, f"Corrected: entry {entry['id'] + 1} corrects entry {entry['id']}.")
    code, out, _ = run("log", "list", "--staff", "S01", "--month", "2026-11")
    assert code == 0 and "接来电 4 个" in out and "已更正" in out
    code, _, err = run("log", "list", "--staff", "S02", "--of", "S01")
    assert code == 1 and "S01" in err
    code, out, _ = run("log", "list", "--staff", "L01", "--of", "*", "--json")
    assert [e["staff"] for e in json.loads(out)] == ["S01", "S01"]
    code, _, _ = run("log", "write", "--staff", "S01", "--text", "x", pin="9999")
    assert code == 1


def test_meetings_and_the_month(worklog, run, tmp_path, monkeypatch):
    at(2026, 11, 23, 17)
    code, out, _ = run(
        "meeting", "record", "--staff", "L01", "--kind", "study", "--at", "2026-11-20 15:00",
        "--content", "学习条例", "--attended", "S01,S02",
    )  # fmt: skip
    assert (code, out.strip()) == (0, "已记录集中学习（2026-11-20，2 人参加）。")
    code, _, err = run(
        "meeting", "record", "--staff", "L01", "--kind", "weekly", "--at", "yesterday", "--content", "x",
        "--attended", "S01",
    )  # fmt: skip
    assert code == 2 and "2026-11-23 10:30" in err
    code, out, _ = run("meeting", "month", "--month", "2026-11", "--json")
    tally = json.loads(out)
    assert (tally["study_held"], tally["study_needed"], tally["study_short"], tally["weeks"]) == (1, 2, 1, 5)
    code, out, _ = run("meeting", "month", "--month", "2026-11")
    assert "集中学习 1 次，应不少于 2 次，还差 1 次" in out
    config = tmp_path / "hall.toml"
    config.write_text(f'[exports]\nfolder = "{tmp_path / "out"}"\n', encoding="utf-8")
    monkeypatch.setenv("HALL_CONFIG", str(config))
    code, out, _ = run("meeting", "month", "--month", "2026-11", "--export", "csv")
    assert code == 0 and str(tmp_path / "out") in out and list((tmp_path / "out").glob("worklog-2026-11-*.csv"))


def test_a_meeting_is_corrected_with_the_pin(worklog, run):
    at(2026, 11, 23, 17)
    code, out, _ = run(
        "meeting", "record", "--staff", "L01", "--kind", "study", "--at", "2026-11-20 15:00",
        "--content", "学习条例", "--attended", "S01", "--json",
    )  # fmt: skip
    first = json.loads(out)["id"]
    code, out, _ = run(
        "meeting", "correct", str(first), "--staff", "S01", "--reason", "漏记参加人员", "--attended", "S01,S02",
        "--at", "2026-11-20 16:00",
    )  # fmt: skip
    assert (code, out.strip()) == (0, f"第 {first} 号会议记录已更正，现以第 {first + 1} 号（2026-11-20）为准。")
    code, out, _ = run("meeting", "month", "--month", "2026-11", "--json")
    tally = json.loads(out)
    assert [(m["id"], m["corrects"], m["held_at"]) for m in tally["meetings"]] == [
        (first + 1, first, "2026-11-20 16:00")
    ]
    assert tally["study_held"] == 1 and tally["attendance"]["S02"]["study"] == 1
    code, out, _ = run("meeting", "month", "--month", "2026-11", lang="en")
    assert f"corrects {first}" in out
    code, _, err = run("meeting", "correct", str(first), "--staff", "L01", "--reason", "再改", "--content", "x")
    assert code == 1 and str(first + 1) in err  # the latest version is the one to correct
    code, _, _ = run("meeting", "correct", str(first + 1), "--staff", "L01", "--reason", "r", "--content", "y", pin="9")
    assert code == 1
