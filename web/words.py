"""The page's language: ``?lang=`` first, then the browser's ``Accept-Language``, else Chinese."""

from __future__ import annotations

from models.i18n import DEFAULT_LANGUAGE, LANGUAGES, pick, t

HTML_LANG = {"zh": "zh-CN", "en": "en"}


def choose(query_lang: str | None, accept_language: str | None) -> str:
    if query_lang in LANGUAGES:
        return query_lang
    best, best_q = DEFAULT_LANGUAGE, 0.0
    for part in (accept_language or "")[:500].split(","):
        tag, _, params = part.strip().partition(";")
        code = tag.strip().lower().split("-", 1)[0]
        if code not in LANGUAGES:
            continue
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if q > best_q:
            best, best_q = code, q
    return best


class Words:
    """The words of one page in one language, for templates: ``w('web.track_title')``."""

    def __init__(self, language: str, explicit: bool) -> None:
        self.language = language
        self.html_lang = HTML_LANG[language]
        # Links carry ?lang= only when the resident chose it, so the browser's choice otherwise rules.
        self.suffix = f"?lang={language}" if explicit else ""
        self.other = "en" if language == "zh" else "zh"

    def __call__(self, key: str, **params) -> str:
        return t(key, self.language, **params)

    def name(self, thing) -> str:
        if isinstance(thing, dict):
            return pick(thing.get("name", ""), thing.get("name_en", ""), self.language)
        return str(thing or "")

    def both(self, zh: str, en: str) -> str:
        return pick(zh, en, self.language)

    def date(self, value: str | None) -> str:
        if not value:
            return ""
        year, month, day = (int(x) for x in value[:10].split("-"))
        return t("notice.date_format", self.language, year=year, month=month, day=day)

    def link(self, path: str) -> str:
        return path + self.suffix


def for_request(request) -> Words:
    query = request.query_params.get("lang")
    language = choose(query, request.headers.get("accept-language"))
    return Words(language, explicit=query in LANGUAGES)
