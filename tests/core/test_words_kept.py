"""The words' catalogue kept in the cache directory: read from it when the files are as they
were, read again from the files when one changed, and never in the way when it cannot be kept."""

from __future__ import annotations

import json
import os

import pytest

from models import i18n


@pytest.fixture
def locales(tmp_path, monkeypatch):
    """A words folder of its own and a cache directory of its own; the catalogue read afresh."""
    folder = tmp_path / "locales"
    (folder / "zh").mkdir(parents=True)
    (folder / "zh" / "core.toml").write_text('[core]\nhello = "你好"\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "_DIR", folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    i18n.catalogue.cache_clear()
    yield folder / "zh"
    i18n.catalogue.cache_clear()


def read_again() -> dict[str, str]:
    i18n.catalogue.cache_clear()
    return i18n.catalogue("zh")


def kept_file(tmp_path):
    return tmp_path / "cache" / "hall" / "words-zh.json"


def test_the_catalogue_is_kept_and_then_read_from_the_kept_file(locales, tmp_path, monkeypatch):
    assert read_again() == {"core.hello": "你好"}
    assert json.loads(kept_file(tmp_path).read_text(encoding="utf-8"))["words"] == {"core.hello": "你好"}

    def no_parsing(*args):
        raise AssertionError("the TOML was parsed again")

    monkeypatch.setattr(i18n, "_read", no_parsing)
    assert read_again() == {"core.hello": "你好"}


def test_an_edited_file_is_read_again(locales, tmp_path):
    read_again()
    path = locales / "core.toml"
    path.write_text('[core]\nhello = "您好"\n', encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # same size: the time tells
    assert read_again() == {"core.hello": "您好"}
    (locales / "kiosk.toml").write_text('[kiosk]\nback = "返回"\n', encoding="utf-8")
    assert read_again() == {"core.hello": "您好", "kiosk.back": "返回"}


@pytest.mark.parametrize("content", ["{not json", '["a list"]', '{"stamp": 1}', ""])
def test_a_broken_kept_file_is_read_past_and_kept_anew(locales, tmp_path, content):
    read_again()
    kept_file(tmp_path).write_text(content, encoding="utf-8")
    assert read_again() == {"core.hello": "你好"}
    assert json.loads(kept_file(tmp_path).read_text(encoding="utf-8"))["words"] == {"core.hello": "你好"}


def test_no_cache_directory_to_write_changes_nothing(locales, tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the directory would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert read_again() == {"core.hello": "你好"}


def test_a_key_defined_twice_is_still_refused(locales):
    (locales / "more.toml").write_text('[core]\nhello = "又一个"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="defined twice"):
        read_again()
