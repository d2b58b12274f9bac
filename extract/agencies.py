"""Extraction component `thidua_agencies`: the state bodies an article names, canonical.

A mention is a kind's head (`Thanh tra`, `TAND`, `Sở Tư pháp`, `UBND`, from
data/agency_kinds.tsv and data/departments.tsv) followed by its place (`tỉnh Bắc Ninh`,
`huyện Cô Tô`, `TPHCM`, a bare `tỉnh` that takes the article's province). Left out: classes of
bodies (`các Sở`, `Thanh tra các huyện`, `VKSND hai cấp`, `UBND tỉnh, thành phố`), bodies
inside an award's name (`Cờ thi đua của UBND tỉnh`), Party committees merely mentioned, and
source / photo lines. `doc._.agency_mentions` keeps every mention with its offsets for the
components that link facts to agencies (blocs, awards, people).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language

from . import gazetteer as gz
from .award_names import find_award_mentions
from .context import ArticleContext
from .textnorm import nfc

_CAP = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\W\d_]*"
_DISTRICT = re.compile(
    r"\s+(?P<pw>huyện|Huyện|quận|Quận|thị xã|Thị xã|thành phố|Thành phố|TP\.?|Tp\.?)\s+"
    r"(?P<name>" + _CAP + r"(?:\s+" + _CAP + r"){0,2})"
)
_BARE_PROVINCE_WORD = re.compile(r"\s+(?:của\s+)?(?P<pw>tỉnh|Tỉnh)(?!\s*ủy)(?![\w])")
_BARE_CITY_WORD = re.compile(r"\s+(?P<pw>thành phố|Thành phố|TP)(?![\w.])")
_GENERIC_AFTER = re.compile(r"\s*(?:các\b|hai cấp|2 cấp|cấp (?:tỉnh|huyện)\b|,\s*(?:thành phố|TP)\b|trên\s+địa\s+bàn)")
_SOURCE_LINE = re.compile(r"^\s*(?:Nguồn|Ảnh|Tác giả|Theo|Photo)\s*:", re.M)
_NOT_CHINH_PHU_BEFORE = re.compile(r"(?:tướng|Thường trực|Thanh tra|Văn phòng|của|Thủ tướng)\s*$")


@dataclass
class Mention:
    name: str
    start: int
    end: int
    text: str
    kind: str
    party: bool = False
    explicit: bool = True      # the place (or its absence, for national bodies) is written
    generic: bool = False
    resume: int | None = None  # where to look for the next mention (a unit's parent is one too)

    def as_dict(self) -> dict:
        return {"name": self.name, "start": self.start, "end": self.end, "text": self.text,
                "kind": self.kind, "party": self.party}


def _province_suffix(ctx: ArticleContext | None) -> str:
    return ctx.province_suffix if ctx is not None and ctx.province else "tỉnh"


def _explicit_province(written: str, ctx: ArticleContext | None) -> tuple[str, str] | None:
    name = gz.official(written)
    if name is None:
        return None
    # A province written in the text keeps the name written (the one of the events reported),
    # in its official spelling; only Huế needs the date to know which unit it was.
    if name == "Thừa Thiên Huế" and written == "Huế":
        date = (ctx.published if ctx else None) or (f"{ctx.year}-12-31" if ctx and ctx.year else None)
        return gz.in_force("Huế", date)
    return (gz.kind_of(name), name)


def parse_place(text: str, pos: int, ctx: ArticleContext | None):
    """The place written at text[pos:] after an agency head: (place, end, explicit) or None.

    place is `tỉnh Bắc Ninh`, `thành phố Hà Nội`, `huyện Cô Tô`, or the article's province for a
    bare `tỉnh`. None when no place follows.
    """
    rx = gz.province_re()
    m = re.match(r"\s+(?:của\s+)?(?P<pw>tỉnh|Tỉnh|thành phố|Thành phố|TP\.?|Tp\.?)\s*", text[pos:pos + 20])
    if m:
        pm = rx.match(text, pos + m.end())
        if pm:
            kind, name = _explicit_province(pm.group(1), ctx)
            if m.group("pw").lower().startswith("t") and m.group("pw").lower() != "tỉnh" and kind != "thành phố":
                pass     # `thành phố Bắc Ninh` is a city inside a province: handled as district
            else:
                return f"{kind} {name}", pm.end(), True
    d = _DISTRICT.match(text, pos)
    if d and not (d.group("pw").lower().startswith(("t", "tp")) and gz.official(d.group("name")) in gz.CENTRAL_CITIES):
        pw = d.group("pw").lower()
        pw = "thành phố" if pw.startswith("tp") else pw
        return f"{pw} {d.group('name')}", d.end(), True
    pm = re.match(r"\s+", text[pos:pos + 3])
    if pm:
        bare = rx.match(text, pos + pm.end())
        if bare:
            kind, name = _explicit_province(bare.group(1), ctx)
            return f"{kind} {name}", bare.end(), True
    b = _BARE_PROVINCE_WORD.match(text, pos)
    if b:
        return _province_suffix(ctx), b.end(), False
    c = _BARE_CITY_WORD.match(text, pos)
    if c and ctx is not None and ctx.province_kind == "thành phố":
        return _province_suffix(ctx), c.end(), False
    return None


def _head_name(kind: gz.Kind, m: re.Match, group: str) -> str:
    written = m.group(group)
    if "{dept}" in kind.canonical:
        ministry = "Bộ {dept}" in kind.canonical
        dept = re.sub(r"^(?:Thanh tra )?(?:Sở|Bộ) ", "", written)
        return kind.canonical.format(dept=gz.dept_canonical(dept, ministry))
    return kind.canonical


def _mention_at(text: str, m: re.Match, kinds, ctx, mentions_so_far) -> Mention | None:
    group = m.lastgroup
    kind = kinds[int(group[1:])]
    head = _head_name(kind, m, group)
    start, end = m.start(), m.end()
    if kind.place == "none":
        if head == "Chính phủ" and _NOT_CHINH_PHU_BEFORE.search(text[max(0, start - 25):start]):
            return None
        return Mention(head, start, end, text[start:end], kind.place)
    if kind.place == "party":
        pm = re.match(r"\s+", text[end:end + 3])
        bare = gz.province_re().match(text, end + pm.end()) if pm else None
        if bare:
            prov, end, explicit = gz.official(bare.group(1)), bare.end(), True
        else:
            prov, explicit = (ctx.province if ctx else None), False
        if prov in gz.CENTRAL_CITIES:
            head = head.replace("Tỉnh ủy", "Thành ủy")
        if "ủy" in head.split()[-1]:          # Tỉnh ủy / Thành ủy + the bare province name
            name = f"{head} {prov}" if prov else head
        else:                                   # Đảng ủy Khối … tỉnh X
            name = f"{head} tỉnh {prov}" if prov else f"{head} tỉnh"
        return Mention(name, start, end, text[start:end], kind.place, party=True, explicit=explicit)
    if kind.place == "sub":
        after = re.match(r"\s*,?\s*", text[end:end + 4])
        nxt = next((x for x in mentions_so_far if x.start == end + after.end()), None)
        if nxt is None:
            hm = gz.agency_head_re()[0].match(text, end + after.end())
            if hm and kinds[int(hm.lastgroup[1:])].place == "none":
                nxt = _mention_at(text, hm, kinds, ctx, [])
        if nxt is not None and nxt.kind == "none":
            return Mention(f"{head} {nxt.name}", start, nxt.end, text[start:nxt.end], "sub",
                           resume=nxt.start)
    place = parse_place(text, end, ctx)
    if place is None and head.startswith("Ban Quản lý"):
        own = re.match(r"(?:\s+" + _CAP + r"){1,3}", text[end:end + 40])
        if own and not gz.province_re().match(text, end + 1):
            return Mention(f"{head}{own.group(0)}", start, end + own.end(), text[start:end + own.end()], "none")
    if place is None:
        if kind.place != "def":
            return None
        if _GENERIC_AFTER.match(text, end):
            return None
        return Mention(f"{head} {_province_suffix(ctx)}", start, end, text[start:end], kind.place, explicit=False)
    where, pend, explicit = place
    if not explicit and _GENERIC_AFTER.match(text, pend):
        return None
    if head.startswith("Chi cục") and explicit and not re.match(r"\s+(?:tỉnh|thành phố|TP|huyện|quận|thị xã)", text[end:pend], re.I):
        where = text[end:pend].strip()      # `Chi cục Hải quan Ninh Thuận` is its own name
    return Mention(f"{head} {where}", start, pend, text[start:pend], kind.place, explicit=explicit)


def _is_generic(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 5):mention.start]
    return bool(re.search(r"(?:^|\s)[Cc]ác\s+$", before) or re.search(r"(?:^|\s)[Mm]ỗi\s+$", before))


def find_mentions(text: str, ctx: ArticleContext | None = None, *, keep_generic=False) -> list[Mention]:
    """Every agency mention in `text`, left to right, without overlaps."""
    rx, kinds = gz.agency_head_re()
    out: list[Mention] = []
    pos = 0
    while True:
        m = rx.search(text, pos)
        if not m:
            break
        men = _mention_at(text, m, kinds, ctx, out)
        if men is None:
            pos = m.start() + 1
            continue
        men.generic = _is_generic(text, men)
        if keep_generic or not men.generic:
            out.append(men)
        pos = men.resume or men.end
    return out


def canonicalize(text: str, ctx: ArticleContext | None = None) -> str | None:
    """The canonical name of one agency mention (`UBND tỉnh` -> `Ủy ban nhân dân tỉnh X`).

    None when `text` is not an agency the gazetteers know. Used for document issuers and bloc
    members; stable API for other components.
    """
    text = nfc(text or "").strip(" .,;:")
    if not text:
        return None
    found = find_mentions(text, ctx, keep_generic=True)
    if found and found[0].start <= 2 and found[0].end >= len(text) - 1:
        return found[0].name
    return None


def _multi_province(ctx: ArticleContext) -> bool:
    """The article is about several provinces (a cluster of provinces, an inspection plan)."""
    names = {gz.official(m.group(1)) for m in gz.province_re().finditer(ctx.text)}
    return len(names) >= 3


def article_mentions(ctx: ArticleContext) -> list[Mention]:
    """The mentions that name agencies the article is about (see the module docstring)."""
    text = ctx.text
    awards = [(a.start, a.end) for a in find_award_mentions(text)]
    skip = [(m.start(), text.find("\n", m.start()) % (len(text) + 1)) for m in _SOURCE_LINE.finditer(text)]
    multi = None
    out = []
    for men in find_mentions(text, ctx):
        if any(s <= men.start < e for s, e in awards + skip):
            continue
        if not men.explicit and not ctx.province and men.kind == "req":
            # `UBND tỉnh` in an article about many provinces means each one's committee
            multi = _multi_province(ctx) if multi is None else multi
            if multi:
                continue
        out.append(men)
    return out


def add_agency(doc, name: str | None) -> None:
    """Add one canonical name to doc._.agencies (facts found later name agencies too)."""
    if name and name not in doc._.agencies:
        doc._.agencies.append(name)


@Language.factory("thidua_agencies")
def make_component(nlp, name):
    def component(doc):
        ctx = doc._.ctx
        mentions = article_mentions(ctx)
        doc._.agency_mentions = [m.as_dict() for m in mentions]
        doc._.agencies = []
        for m in mentions:
            if not m.party:
                add_agency(doc, m.name)
        return doc
    return component
