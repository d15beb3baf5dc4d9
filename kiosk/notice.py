"""The written one-time notice (一次性告知) of an item, as text for a screen or a printer.

Built only from the catalogue entry the models hold (``Item.data``): every
material with original / copies / photos / form, fees, notes, publicity
period, promised time and the window.
"""

from __future__ import annotations

from rich.text import Text

from models.i18n import pick, t


def _counted(key: str, lang: str, count: int, **kw) -> str:
    """English says "1 photocopy", not "1 photocopies": each counted word has its ``_one`` form."""
    return t(key + "_one" if count == 1 else key, lang, count=count, **kw)


def material_line(material: dict, lang: str) -> str:
    """One material with what form of it is needed, e.g. "身份证（原件、复印件2份）"."""
    name = pick(material.get("name", ""), material.get("name_en", ""), lang)
    parts = []
    if material.get("original"):
        parts.append(t("kiosk.material_original", lang))
    if material.get("copies"):
        parts.append(_counted("kiosk.material_copies", lang, material["copies"]))
    if material.get("photos"):
        size = pick(material.get("photo_size", ""), material.get("photo_size_en", ""), lang)
        key = "kiosk.material_photos_size" if size else "kiosk.material_photos"
        parts.append(_counted(key, lang, material["photos"], size=size))
    if material.get("form"):
        parts.append(t("kiosk.material_form", lang))
    note = pick(material.get("note", ""), material.get("note_en", ""), lang)
    line = (
        t("kiosk.material_with", lang, name=name, what=t("kiosk.list_separator", lang).join(parts)) if parts else name
    )
    return t("kiosk.material_note", lang, line=line, note=note) if note else line


def materials_lines(materials: list[dict], lang: str) -> list[str]:
    return [material_line(m, lang) for m in materials]


def _amount(value) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def notice_text(info, lang: str, *, with_name: bool = True) -> Text:
    """The whole notice of an :class:`kiosk.queries.ItemInfo`."""
    data = info.data
    text = Text()

    def heading(key: str, **kw) -> None:
        text.append("\n" + t(key, lang, **kw) + "\n", style="bold")

    if with_name:
        text.append(pick(info.name, info.name_en, lang) + "\n", style="bold")
    windows = t("kiosk.list_separator", lang).join(str(w) for w in info.windows) or "-"
    text.append(
        t("kiosk.notice_window", lang, windows=windows, line=pick(info.line_name, info.line_name_en, lang)) + "\n"
    )
    kind = t(f"kiosk.kind_{info.kind}", lang)
    if info.promised_days:
        text.append(t("kiosk.notice_kind_days", lang, kind=kind, days=info.promised_days) + "\n")
    else:
        text.append(t("kiosk.notice_kind", lang, kind=kind) + "\n")
    open_from, open_to = data.get("open_from"), data.get("open_to")
    if open_from and open_to:
        start = t("time.date_format", lang, month=open_from[0], day=open_from[1])
        end = t("time.date_format", lang, month=open_to[0], day=open_to[1])
        text.append(t("kiosk.notice_season", lang, start=start, end=end) + "\n")
    materials = data.get("materials") or []
    heading("kiosk.notice_materials", count=len(materials))
    if materials:
        for index, line in enumerate(materials_lines(materials, lang), 1):
            text.append(f"{index}. {line}\n")
    else:
        text.append(t("kiosk.notice_no_materials", lang) + "\n")
    fees = data.get("fees") or []
    heading("kiosk.notice_fees")
    if fees:
        for fee in fees:
            name = pick(fee.get("name", ""), fee.get("name_en", ""), lang)
            unit = pick(fee.get("unit", ""), fee.get("unit_en", ""), lang)
            key = "kiosk.notice_deposit" if fee.get("deposit") else "kiosk.notice_fee"
            text.append("· " + t(key, lang, name=name, amount=_amount(fee.get("amount", 0)), unit=unit) + "\n")
    else:
        text.append(t("kiosk.notice_no_fees", lang) + "\n")
    if data.get("publicity_days"):
        heading("kiosk.notice_publicity_title")
        text.append(t("kiosk.notice_publicity", lang, days=data["publicity_days"]) + "\n")
    notes = (data.get("notes_en") if lang == "en" and data.get("notes_en") else data.get("notes")) or []
    if notes:
        heading("kiosk.notice_notes")
        for note in notes:
            text.append("· " + note + "\n")
    text.append("\n" + t("kiosk.notice_footer", lang), style="italic")
    return text
