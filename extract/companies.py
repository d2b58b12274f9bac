"""Companies, banks and associations named in an article: their names as written, with offsets.

Companies, banks and corporations are no state bodies: they matter as an economic bloc's members,
leaders and award recipients. Their name is the one the article writes, with its city spelt out
(`Công ty TNHH MTV Môi trường đô thị TP.HCM` -> `… thành phố Hồ Chí Minh`). agencies.py turns
the spans found here into its mentions (kept apart: one job, names that follow no gazetteer).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from . import gazetteer as gz
from .context import ArticleContext
from .textnorm import nfc

# An acronym in brackets after a company's name (`Tổng Công ty Cấp nước Sài Gòn (SAWACO)`) is no
# part of it but names the company wherever the article uses it later (`Tổng Giám đốc SAWACO`).
_COMPANY_HEAD = r"(?:Tổng [Cc]ông ty|(?<![Tt]ổng )Công ty|Tập đoàn|Ngân hàng (?:TMCP|Thương mại [Cc]ổ phần))"
# (a name runs up to its bracket but not over another company's head: `A và Công ty B (ACR)`)
_COMPANY_DEF = re.compile(r"(?<![\w])(?P<name>" + _COMPANY_HEAD + r"\s(?:(?!" + _COMPANY_HEAD
                          + r")[^(),;:\n]){2,100}?)\s*"
                          r"\((?P<acr>[A-Z][A-Z0-9&]{1,11}(?:-[A-Z0-9]{1,6})?)\)")
COMPANY_ITEM = re.compile(_COMPANY_HEAD + r"\s\S.{0,100}")
_CITY_BEFORE = re.compile(r"(?<![\w])(?:TP|Tp)\.?\s*$")

# A bank's branch: `Ngân hàng <its name> [-] Chi nhánh <place>` (`Ngân hàng Nông nghiệp và Phát
# triển Nông thôn Việt Nam Chi nhánh tỉnh Kiên Giang`, `Ngân hàng TMCP Công thương Việt Nam - Chi
# nhánh Cà Mau`, `Ngân hàng Chính sách xã hội chi nhánh tỉnh`). The words up to `Chi nhánh` are the
# bank's name (at most ten, never another bank's head); the State Bank's branches are a state
# body's (data/agency_kinds.tsv) and are left to the gazetteer.
_BANK_BRANCH = re.compile(r"(?<![\w])Ngân hàng (?![Nn]hà nước)(?:(?!Ngân hàng )[^\W\d_]+ ){1,10}?"
                          r"(?:[-–] )?[Cc]hi nhánh(?![\w])")
_ABBREVIATIONS = ((re.compile(r"(?<=Ngân hàng )TMCP(?![\w])"), "Thương mại cổ phần"),)


# An association named with its place (`Hội Kế hoạch hóa gia đình thành phố`, `Liên hiệp các tổ chức
# hữu nghị tỉnh Nam Định`): a social organisation, a member of the provinces' blocs of associations.
# Its own words (at most ten, the first capitalised: `Hội nghị`, `Hội thi` are events) end where its
# place starts; the mass organisations the gazetteer knows (`Hội Nông dân tỉnh`) are left to it.
_ASSOCIATION = re.compile(r"(?<![\w])(?:Hội (?!(?:Nghị|Thảo|Thi|Thao|Trường|Đồng|Chợ|Diễn|Viên)(?![\w]))[A-ZĐ]"
                          r"|Liên hiệp [Cc]ác [Tt]ổ chức )[^\W\d_]*(?: [^\W\d_]+){0,10}?"
                          r"(?= (?:tỉnh|thành phố|TP)(?![\w]))")


def company_name(written: str) -> str:
    """A company's name as written, its centrally-run city spelt out (`TP.HCM`, `TP Hà Nội`)."""
    src = nfc(written).strip()

    def city(m: re.Match) -> str:
        name = gz.official(m.group(1))
        if m.group(1)[:2].lower() != "tp" and not _CITY_BEFORE.search(src, 0, m.start()):
            return m.group(1)         # `Sài Gòn` in a company's name stays as written
        return f"thành phố {name}" if name in gz.CENTRAL_CITIES else m.group(1)
    out = gz.province_re().sub(city, src)
    out = re.sub(r"(?<![\w])(?:TP|Tp)\.?\s*(thành phố )", r"\1", out)
    for rx, full in _ABBREVIATIONS:
        out = rx.sub(full, out)
    return " ".join(out.replace("–", "-").split())


def _aliases(ctx: ArticleContext | None) -> dict[str, str]:
    """Acronym -> company name, from the `Name (ACRONYM)` definitions of the article."""
    if ctx is None:
        return {}
    if "company_aliases" not in ctx.notes:
        ctx.notes["company_aliases"] = {m.group("acr"): company_name(m.group("name"))
                                        for m in _COMPANY_DEF.finditer(ctx.text)}
    return ctx.notes["company_aliases"]


Span = tuple[str, int, int]           # (name, start, end)
# (text, pos) -> (place, end, written): the place after a head (agencies.parse_place)
PlaceAt = Callable[[str, int], "tuple[str, int, bool] | None"]


def company_spans(text: str, ctx: ArticleContext | None) -> list[Span]:
    """Every company named with its acronym, and every later use of the acronym."""
    out = [(company_name(m.group("name")), m.start(), m.end()) for m in _COMPANY_DEF.finditer(text)]
    aliases = _aliases(ctx)
    if aliases:
        rx = re.compile(r"(?<![\w(])(" + "|".join(map(re.escape, aliases)) + r")(?![\w)])")
        out += [(aliases[m.group(1)], m.start(), m.end()) for m in rx.finditer(text)]
    return out


def bank_branch_spans(text: str, place_at: PlaceAt) -> list[Span]:
    """Every bank branch named with its place. The place is kept as written (`Chi nhánh Kiên
    Giang`: a commercial bank's branch is named so), except a bare `tỉnh`, which takes the
    article's province as any body's does (`Chi nhánh tỉnh` -> `Chi nhánh tỉnh Cà Mau`)."""
    if "Ngân hàng" not in text:
        return []
    out = []
    for m in _BANK_BRANCH.finditer(text):
        place = place_at(text, m.end())
        if place is None:
            continue
        where, end, written = place
        if written:
            where = text[m.end():end].strip()
        out.append((company_name(f"{m.group(0)} {where}"), m.start(), end))
    return out


# `CN NH Công thương Thừa Thiên Huế`, `CN Ngân hàng Nhà nước`, `Chi nhánh NH BIDV Phú Xuân`: a branch
# written abbreviated before its bank (bloc lists of the banks' blocs). Its words run to the list's
# next separator; the bank's short name (data/banks.tsv) starts them, the rest is its place.
_ABBR_BRANCH = re.compile(r"(?<![\w])(?:CN|Chi nhánh) (?:NH|Ngân hàng) (?P<rest>[^,;:.()\n]{2,80}?)(?=\s*(?:[,;:.()\n]|\s+và\s|$))")


@lru_cache(maxsize=1)
def _banks() -> tuple[re.Pattern, dict[str, str]]:
    rows = gz.banks()
    names = {w.lower(): n for w, n in rows}
    alt = "|".join(re.escape(w) for w, _ in sorted(rows, key=lambda r: -len(r[0])))
    return re.compile(r"(?i:" + alt + r")(?![\w&])"), names


def abbreviated_branch_spans(text: str, place_at: PlaceAt) -> list[Span]:
    """Every abbreviated branch whose bank data/banks.tsv knows: `Ngân hàng <bank> Chi nhánh <place>`,
    the place as written, else the article's province (`CN NH Vietcombank`, `CN NH CSXH tỉnh`)."""
    if "CN " not in text and "Chi nhánh " not in text:
        return []
    rx, names = _banks()
    out = []
    for m in _ABBR_BRANCH.finditer(text):
        rest = " ".join(m.group("rest").split())
        b = rx.match(rest)
        if b is None:
            continue
        place = rest[b.end():].strip(" -–")
        if place in ("", "tỉnh", "thành phố"):
            own = place_at(" tỉnh", 0)
            place = own[0] if own else "tỉnh"
        out.append((f"Ngân hàng {names[b.group(0).lower()]} Chi nhánh {place}", m.start(), m.end()))
    return out


def association_spans(text: str, place_at: PlaceAt) -> list[Span]:
    """Every association named with its place (the place as any body's: `thành phố` alone is the
    article's city)."""
    if "Hội " not in text and "Liên hiệp" not in text:
        return []
    out = []
    for m in _ASSOCIATION.finditer(text):
        place = place_at(text, m.end())
        if place is not None:
            out.append((f"{nfc(m.group(0))} {place[0]}", m.start(), place[1]))
    return out


def named_spans(text: str, ctx: ArticleContext | None, place_at: PlaceAt) -> list[tuple[str, int, int, str]]:
    """(name, start, end, kind) of the companies, bank branches and associations named in `text`."""
    return ([(n, s, e, "company") for n, s, e in company_spans(text, ctx)]
            + [(n, s, e, "bank") for n, s, e in bank_branch_spans(text, place_at)]
            + [(n, s, e, "bank") for n, s, e in abbreviated_branch_spans(text, place_at)]
            + [(n, s, e, "association") for n, s, e in association_spans(text, place_at)])
