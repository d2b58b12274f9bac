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
from importlib import resources

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
    """Every company named with its acronym, every later use of the acronym, and every company
    named alone by its shape (`Công ty TNHH MTV X TP.HCM đã …`)."""
    out = [(company_name(m.group("name")), m.start(), m.end()) for m in _COMPANY_DEF.finditer(text)]
    aliases = _aliases(ctx)
    if aliases:
        rx = re.compile(r"(?<![\w(])(" + "|".join(map(re.escape, aliases)) + r")(?![\w)])")
        out += [(aliases[m.group(1)], m.start(), m.end()) for m in rx.finditer(text)]
    return out + [s for s in shaped_company_spans(text) if not any(o[1] <= s[1] < o[2] for o in out)]


# A company named without an acronym is known by its shape: a head (`Công ty`, `Tổng công ty`,
# `Tập đoàn`), maybe its legal form (`TNHH MTV`, `Cổ phần`, `CP`), then capitalised words and the
# lower-case words of its trade (`Công viên cây xanh`, `Xổ số kiến thiết`, `Đầu tư tài chính nhà
# nước`) and maybe its city. The name ends at a separator (`,` `;` `(` `:` quotes, a line), at a
# sentence's end, at a dash glued to its last word (`TP.HCM- Trưởng Khối`) or before a role
# (`X - Cụm trưởng`), at a verb or function word (data/company_stops.txt: `đã`, `làm`, `được`),
# and at `và` unless a word of the same name follows (`Đầu tư và Phát triển`, `Phát triển nhà và đô
# thị`; not `và Sở Y`, `và Công ty Z`, `và các đơn vị`).
_SHAPE_HEAD = re.compile(r"(?<![\w])(?:Tổng [Cc]ông ty|(?<![Tt]ổng )Công ty|Tập đoàn)(?=[ \t])")
_LEGAL = frozenset({"TNHH", "MTV", "CP", "TM", "DV", "Cổ", "cổ", "phần", "Một", "một", "thành", "viên",
                    "Trách", "trách", "nhiệm", "hữu", "hạn"})
_ROLE_AFTER = re.compile(r"\s*(?:Trưởng|Phó|Cụm|Khối|Thành viên|Đơn vị|Ủy viên)(?![\w])")
_TOKEN = re.compile(r"[ \t]+(\S+)")
_CLOSE = re.compile(r"[,;:()“”\"'!?]")


@lru_cache(maxsize=1)
def _stops() -> re.Pattern:
    text = resources.files(__package__).joinpath("data", "company_stops.txt").read_text(encoding="utf-8")
    words = [nfc(w.strip()) for w in text.splitlines() if w.strip() and not w.startswith("#")]
    return re.compile(r"(?:" + gz.alternation(words) + r")(?![\w])")


def _starts_body(text: str, pos: int) -> bool:
    """Whether a body or another company is named at `pos` (after `và`)."""
    head_rx, _ = gz.agency_head_re()
    return bool(_SHAPE_HEAD.match(text, pos) or head_rx.match(text, pos))


def shaped_company_spans(text: str) -> list[Span]:
    """Every company named alone by its shape (see above)."""
    if "Công ty" not in text and "công ty" not in text and "Tập đoàn" not in text:
        return []
    out = []
    stops = _stops()
    for h in _SHAPE_HEAD.finditer(text):
        end, own, pos = h.end(), 0, h.end()
        for _ in range(16):
            t = _TOKEN.match(text, pos)
            if t is None:
                break
            word, wstart = t.group(1), t.start(1)
            if word == "và":
                t2 = _TOKEN.match(text, t.end())
                if t2 is None or _starts_body(text, t2.start(1)) or (
                        t2.group(1)[0].islower() and stops.match(text, t2.start(1))):
                    break
            elif word[0].islower() and stops.match(text, wstart):
                break
            if word in ("-", "–"):
                if _ROLE_AFTER.match(text, t.end()):
                    break
                pos = t.end()
                continue
            close = _CLOSE.search(word)
            core = word[:close.start()] if close else word
            glued = re.search(r"(?<=\w)[-–]$", core)        # `TP.HCM- Trưởng Khối`
            if glued:
                core = core[:glued.start()]
            dot = core.endswith(".") and core not in ("TP.", "Tp.") and (
                t.end() == len(text) or text[t.end()] in " \t\n")
            if dot:
                core = core[:-1]
            if core:
                if own == 0 and not (core[0].isupper() or core[0].isdigit() or core in _LEGAL):
                    break           # `Công ty đã …`, `công ty này`: no name
                end = wstart + len(core)
                own += core not in _LEGAL
            if close or glued or dot or not core:
                break
            pos = t.end()
        if own and end > h.end():
            out.append((company_name(text[h.start():end]), h.start(), end))
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
