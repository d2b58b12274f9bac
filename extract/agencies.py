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
from dataclasses import dataclass, replace

from spacy.language import Language

from . import gazetteer as gz
from .agency_filters import byline_span, multi_province, short_forms
from .award_names import find_award_mentions
from .companies import COMPANY_ITEM, company_name, named_spans
from .context import ArticleContext
from .distributive import places_after_head, places_after_place
from .textnorm import nfc

_CAP = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\W\d_]*"
# A district (until July 2025), or a commune, ward or special zone (both levels before, the only
# level below the province after): `huyện Cô Tô`, `thị trấn Tiên Yên`, `phường Bến Thành`;
# a city's numbered district too (`Quận 3`; a numbered ward needs its district to be named).
# From July 2025 a ward split out of a city keeps the city's name and a number (`phường Hà Giang 1`,
# `phường Thủ Dầu Một 2`): the number is part of the name unless a count follows it (`xã X 3 năm`).
# (a name never runs over a line break: `4. UBND huyện Giồng Riềng\n5. UBND huyện Gò Quao\n\nBáo cáo`)
_UNIT_NUMBER = (r"(?:[ \t]\d{1,2}(?![\w/%]|[.,:]\d)"
                r"(?!\s+(?:năm|lần|tháng|ngày|tuần|đợt|người|hộ|xã|phường|đơn vị)(?![\w])))?")
_DISTRICT = re.compile(
    r"\s+(?P<pw>huyện|Huyện|quận|Quận|thị xã|Thị xã|thành phố|Thành phố|TP\.?|Tp\.?|"
    r"thị trấn|Thị trấn|phường|Phường|xã|Xã|đặc khu|Đặc khu)\s+"
    r"(?P<name>" + _CAP + r"(?:[ \t]+" + _CAP + r"){0,2}" + _UNIT_NUMBER + r"|(?<=[Qq]uận )\d{1,2}(?![\w/]))"
)
# The courts and procuracies of a region (from July 2025): `Tòa án nhân dân khu vực 1 - Lâm Đồng`,
# the province written after the number is part of the name.
_REGION_UNIT = re.compile(r"\s+[Kk]hu vực\s+(?P<n>\d{1,2}|[IVX]{1,4})(?![\w])(?:\s*[-–]\s*(?P<prov>\S[^,.;:()\n]{1,30}))?")
_BARE_PROVINCE_WORD = re.compile(r"\s+(?:của\s+)?(?P<pw>tỉnh|Tỉnh)(?!\s*ủy)(?![\w])")
# `UBND TP`, `Thanh tra TP.` closing a sentence: the city the article is about
_BARE_CITY_WORD = re.compile(r"\s+(?P<pw>thành phố|Thành phố|TP(?=\.?(?![\w.])))")


def _city_district(text: str, d: re.Match) -> tuple[str | None, int]:
    """`TP Thủ Dầu Một`, `thành phố Pleiku`: a province's city is a known district-level unit. The
    capitalised words after a city word that are none (`UBND TP Đỗ Anh Tuấn`, `Thanh tra TP. Năm
    2017`, a person or the next sentence) name no city: (None, 0), and the bare word is the article's
    own centrally-run city. The longest known prefix is the name (`TP Bắc Ninh Nguyễn Văn A`)."""
    words = d.group("name").split()
    known = gz.district_names()
    for k in range(len(words), 0, -1):
        name = " ".join(words[:k])
        if name in known or gz.official(name):
            return name, d.start("name") + len(name)
    return None, 0
# `Sở Tư pháp các tỉnh`, `Sở Tư pháp 5 tỉnh: …` (a class, whose members members.py lists), …
_GENERIC_AFTER = re.compile(r"\s*(?:các\b|hai cấp|2 cấp|cấp (?:tỉnh|huyện)\b|,\s*(?:thành phố|TP)\b|trên\s+địa\s+bàn|"
                            r"\d+\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|địa phương)\b)")
# `Hội Cựu chiến binh cơ quan`, `Hội Nông dân cơ sở`: an office's or the grassroots' branch of a
# mass organisation written without place, no province's
_BRANCH_AFTER = re.compile(r"\s+cơ (?:quan|sở)\b")
_SOURCE_LINE = re.compile(r"^[ \t]*(?:Nguồn|Ảnh|Tác giả|Theo|Photo|(?:Tin|Bài)(?:,| và) ảnh)\s*:", re.M)


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
    place: str | None = None   # `tỉnh Bắc Ninh`: the place the name ends with, when it has one
    post: bool = False         # the name is part of a post's title: skipped whole, not listed

    def as_dict(self) -> dict:
        return {"name": self.name, "start": self.start, "end": self.end, "text": self.text,
                "kind": self.kind, "party": self.party, "post": self.post}


# `Thanh tra huyện`, `Văn phòng HĐND và UBND huyện`: a district's body without its name, in a
# district's own news, is that district's (see article_district)
_BARE_DISTRICT_WORD = re.compile(r"\s+(?P<pw>[Hh]uyện|[Qq]uận|[Tt]hị xã)(?![\w])(?!\s+(?:ủy|[A-ZĐ]))")
# `UBND huyện, thị xã, thành phố`: the districts as a class
_DISTRICT_CLASS = re.compile(r"\s*,\s*(?:thị xã|thành phố|quận|huyện)\b")
_DISTRICT_LEVEL = ("huyện", "quận", "thị xã")


def article_district(ctx: ArticleContext | None) -> str | None:
    """The district an article is about (`huyện Thọ Xuân`): the one district its text names with
    its word (`UBND huyện Thọ Xuân`), or one named at least twice and twice as often as any
    other. None for an article about a province or several districts."""
    if ctx is None:
        return None
    if "district" not in ctx.notes:
        stop = ctx.body_end if ctx.body_end is not None else len(ctx.text)
        counts: dict[str, int] = {}
        for d in _DISTRICT.finditer(ctx.text, 0, stop):
            pw = d.group("pw").lower()
            if pw in _DISTRICT_LEVEL and not d.group("name").isdigit():
                key = f"{pw} {d.group('name')}"
                counts[key] = counts.get(key, 0) + 1
        ctx.notes["districts_named"] = len(counts)
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        top = ranked[0] if ranked else None
        runner = ranked[1][1] if len(ranked) > 1 else 0
        ok = top is not None and (runner == 0 or (top[1] >= 2 and top[1] >= 2 * runner))
        ctx.notes["district"] = top[0] if ok else None
    return ctx.notes["district"]


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
    r = _REGION_UNIT.match(text, pos)
    if r:
        pm = rx.match(r.group("prov") or "")
        if pm:
            kind, name = _explicit_province(pm.group(1), ctx)
            return f"khu vực {r.group('n')} - {name}", r.start("prov") + pm.end(), True
        if not r.group("prov"):
            return f"khu vực {r.group('n')}", r.end("n"), True     # `Chi cục Thuế khu vực XV`
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
        name, dend = d.group("name"), d.end()
        if pw == "thành phố":
            name, dend = _city_district(text, d)
        if name:
            return f"{pw} {name}", dend, True
    pm = re.match(r"\s+", text[pos:pos + 3])
    if pm:
        bare = rx.match(text, pos + pm.end())
        if bare:
            kind, name = _explicit_province(bare.group(1), ctx)
            return f"{kind} {name}", bare.end(), True
    bd = _BARE_DISTRICT_WORD.match(text, pos)
    if bd:
        pw = bd.group("pw").lower()
        district = article_district(ctx)
        if district and district.startswith(pw):
            return district, bd.end(), False
        if ctx is not None and not ctx.notes.get("districts_named") and not _DISTRICT_CLASS.match(text, bd.end()):
            # `đề nghị Hội đồng thi đua, khen thưởng Huyện` in the news of a district the text never
            # names: the name ends at its word, as a province's at `tỉnh` when the province is unknown
            return pw, bd.end(), False
    b = _BARE_PROVINCE_WORD.match(text, pos)
    if b:
        return _province_suffix(ctx), b.end(), False
    c = _BARE_CITY_WORD.match(text, pos)
    if c and ctx is not None and ctx.province_kind == "thành phố":
        return _province_suffix(ctx), c.end(), False
    return None


def _head_name(kind: gz.Kind, m: re.Match, group: str) -> str:
    written = " ".join(m.group(group).split())     # (a doubled space: gazetteer._flex_spaces)
    if kind.canonical == "{written}":
        return written
    if "{dept}" in kind.canonical:
        ministry = True if "Bộ {dept}" in kind.canonical else None if kind.place == "local" else False
        dept = re.sub(r"^(?:Thanh tra )?(?:Sở|Bộ|Phòng) ", "", written)
        return kind.canonical.format(dept=gz.dept_canonical(dept, ministry))
    return kind.canonical


# what ends the name of a national body whose kind is otherwise a province's (`Ban …`, `Văn phòng …`)
_NATIONAL_WORDS = r"(?:Trung ương(?: Đảng)?|Chủ tịch nước|Quốc hội|Chính phủ)"
NATIONAL_END = re.compile(_NATIONAL_WORDS + r"$")  # also members.py: a listed item's name
_NATIONAL_TAIL = re.compile(r"\s+" + _NATIONAL_WORDS + r"(?![\w])")


_LOCAL_PLACE = re.compile(r"(?:huyện|quận|thị xã|thành phố|thị trấn|phường|xã|đặc khu) (?!Hà Nội|Hồ Chí Minh|Hải Phòng|Đà Nẵng|Cần Thơ|Huế$)")
# `công tác Thi hành án dân sự tỉnh`: the field of work, not the body renamed so in 2025
_FIELD_BEFORE = re.compile(r"(?i:công tác|ngành|lĩnh vực|hoạt động|việc|kết quả|hệ thống|cơ quan)\s+$")


def _mention_at(text: str, m: re.Match, kinds, ctx, mentions_so_far) -> Mention | None:
    group = m.lastgroup
    kind = kinds[int(group[1:])]
    head = _head_name(kind, m, group)
    start, end = m.start(), m.end()
    if head == "Thi hành án dân sự" and _FIELD_BEFORE.search(text, max(0, start - 12), start):
        return None
    if kind.place == "reqn":
        if parse_place(text, end, ctx) is None and _national_parent(text, end, kinds, ctx) is None:
            return _national_alone(text, m, head, kind, ctx)
        kind = replace(kind, place="req")     # (`Cục Hải quan, Bộ Tài chính`: the ministry's, below)
    if kind.place == "unit":
        # `Lữ đoàn 198, Bộ Tư lệnh Đặc công`: a numbered unit and the command it belongs to
        parent = _national_parent(text, end, kinds, ctx)
        if parent is not None:
            return Mention(f"{head} {parent.name}", start, parent.end, text[start:parent.end], "sub",
                           resume=parent.start)
        return Mention(head, start, end, text[start:end], "none")
    if kind.place == "none":
        if kind.post and re.search(r"(?<![\w])(?:" + kind.post + r")\s+$", text[max(0, start - 30):start]):
            # `Thủ tướng Chính phủ`, `Tổng Thanh tra Chính phủ`, `Chủ tịch Quốc hội`: a post's title,
            # not the body acting (dev gold 058); a named holder's body is added by people.py
            return Mention(head, start, end, text[start:end], kind.place, post=True)
        region = _REGION_UNIT.match(text, end)
        if region and not region.group("prov") and head != "Chính phủ":
            # a national body's regional office (`Kiểm toán Nhà nước khu vực IV`)
            # (`Ngân hàng Nhà nước Khu vực 1` drops the `Việt Nam` of the national name)
            head = re.sub(r" Việt Nam$", "", head)
            head, end = f"{head} khu vực {region.group('n')}", region.end("n")
        return Mention(head, start, end, text[start:end], kind.place)
    if kind.place == "party" and head.endswith(("Huyện ủy", "Quận ủy", "Thị ủy")):
        return _district_party(text, m, head, ctx)
    if kind.place == "party":
        pm = re.match(r"\s+", text[end:end + 3])
        bare = gz.province_re().match(text, end + pm.end()) if pm else None
        if bare:
            prov, end, explicit = gz.official(bare.group(1)), bare.end(), True
        else:
            prov, explicit = (ctx.province if ctx else None), False
        if prov in gz.CENTRAL_CITIES:
            head = head.replace("Tỉnh ủy", "Thành ủy").replace("Tỉnh đoàn", "Thành đoàn")
        if head.endswith(("ủy", "đoàn")):     # Tỉnh ủy / Thành ủy / Tỉnh đoàn + the bare province name
            # (but `Thành ủy thành phố Hồ Chí Minh`: the bare name is the President's)
            bare = f"thành phố {prov}" if prov == "Hồ Chí Minh" else prov
            name = f"{head} {bare}" if prov else head
        else:                                   # Đảng ủy Khối … tỉnh X / thành phố X
            name = f"{head} {gz.kind_of(prov)} {prov}" if prov else f"{head} tỉnh"
        return Mention(name, start, end, text[start:end], kind.place, party=True, explicit=explicit)
    if kind.place in ("sub", "subdef"):
        # the parent follows: `Cục II, Thanh tra Chính phủ`, `Cục III thuộc TTCP`, `Cục I (TTCP)`
        after = _TO_PARENT.match(text, end)
        nxt = next((x for x in mentions_so_far if x.start == after.end()), None)
        if nxt is None:
            hm = gz.agency_head_re()[0].match(text, after.end())
            if hm and kinds[int(hm.lastgroup[1:])].place == "none":
                nxt = _mention_at(text, hm, kinds, ctx, [])
        if nxt is not None and "(" in after.group(0) and not _CLOSE.match(text, nxt.end):
            nxt = None
        if nxt is not None and nxt.kind == "none" and not nxt.post:
            return Mention(f"{head} {nxt.name}", start, nxt.end, text[start:nxt.end], "sub",
                           resume=nxt.start)
    if kind.place == "subname":
        return _named_unit(text, m, kinds, ctx)
    if kind.place == "paper":
        return _paper(text, m)
    if head == "Hội đồng Thi đua - Khen thưởng":
        council = _council_of(text, m, head, kinds, ctx)
        if council is not None:
            return council
    if kind.place == "police":
        return _police_team(text, m, kinds, ctx)
    place = parse_place(text, end, ctx)
    if kind.place == "local":
        # a district's or commune's office (`Phòng Tư pháp huyện X`, `Phòng Kinh tế xã Y`);
        # written alone, the office of the district the article is about, else none in particular
        if place is not None and _LOCAL_PLACE.match(place[0]):
            return Mention(f"{head} {place[0]}", start, place[1], text[start:place[1]], "req",
                           explicit=place[2], place=place[0])
        district = article_district(ctx)
        if place is None and district and not _GENERIC_AFTER.match(text, end):
            return Mention(f"{head} {district}", start, end, text[start:end], "req", explicit=False,
                           place=district)
        return None
    if place is None and head.startswith("Ban Quản lý"):
        own = re.match(r"(?:\s+" + _CAP + r"){1,3}", text[end:end + 40])
        if own and not gz.province_re().match(text, end + 1):
            return Mention(f"{head}{own.group(0)}", start, end + own.end(), text[start:end + own.end()], "none")
    if place is None and head.startswith("Cục "):
        national = _national_parent(text, end, kinds, ctx)
        if national is not None:
            # `Cục Hải quan, Bộ Tài chính`: since 2025 the ministry's department keeps the name its
            # provincial offices had; with a national body after it, it is that body's unit
            return Mention(f"{head} {national.name}", start, national.end, text[start:national.end], "sub",
                           resume=national.start)
    if place is None:
        if kind.place == "subdef" and ctx is not None and ctx.province:
            # `gửi kết quả về Ban Thi đua - Khen thưởng (Sở Nội vụ)`: with no national parent, the
            # board of the province the article is about (of no province when that is unknown)
            kind = gz.Kind(kind.pattern, kind.canonical, "def")
        if kind.place != "def":
            return None
        if _GENERIC_AFTER.match(text, end) or m.group(0).endswith(" Việt Nam") or (
                head.startswith("Hội ") and _BRANCH_AFTER.match(text, end)):
            return None                 # (`Hội Nông dân Việt Nam`: the national body, no province's)
        national = _NATIONAL_TAIL.match(text, end)
        if national or NATIONAL_END.search(head):
            # `Ban Nội chính Trung ương`, `Văn phòng Chủ tịch nước`: a national body, no province
            end = national.end() if national else end
            name = f"{head}{national.group(0)}" if national else head
            return Mention(name, start, end, text[start:end], "none")
        return Mention(f"{head} {_province_suffix(ctx)}", start, end, text[start:end], kind.place, explicit=False)
    where, pend, explicit = place
    if not explicit and _GENERIC_AFTER.match(text, pend):
        return None
    head = _command_for(head, where)
    if head.startswith("Chi cục") and explicit and not re.match(r"\s+(?:tỉnh|thành phố|TP|huyện|quận|thị xã)", text[end:pend], re.I):
        where = text[end:pend].strip()      # `Chi cục Hải quan Ninh Thuận` is its own name
    return Mention(f"{head} {where}", start, pend, text[start:pend], kind.place, explicit=explicit,
                   place=where)


def _district_party(text: str, m: re.Match, head: str, ctx) -> Mention | None:
    """`Văn phòng Huyện ủy Bắc Trà My`: a district Party committee's board, named with the bare
    district name written after it (one the gazetteer knows), else the article's district's."""
    # (`Ea H’leo`: a name may hold an apostrophe, written either way)
    own = re.match(r"[ \t]+(" + _CAP + r"(?:['’][^\W\d_]+)?(?:[ \t]+" + _CAP + r"(?:['’][^\W\d_]+)?){0,2})",
                   text[m.end():m.end() + 40])
    words = own.group(1).split() if own else []
    for k in range(len(words), 0, -1):
        if " ".join(words[:k]).replace("’", "'") in gz.district_names():
            end = m.end() + own.start(1) + len(" ".join(words[:k]))
            return Mention(f"{head} {' '.join(words[:k])}", m.start(), end, text[m.start():end], "party", party=True)
    district = article_district(ctx)
    if district is None:
        return None
    return Mention(f"{head} {district.split(' ', 1)[1]}", m.start(), m.end(), m.group(0), "party", party=True,
                   explicit=False)


def _command_for(head: str, where: str) -> str:
    """A province has a Bộ Chỉ huy Quân sự; a district, commune or ward a Ban, whichever is written."""
    if head in ("Bộ Chỉ huy Quân sự", "Ban Chỉ huy Quân sự"):
        return "Ban Chỉ huy Quân sự" if _LOCAL_PLACE.match(where) else "Bộ Chỉ huy Quân sự"
    return head


# `(Báo Quảng Ngãi)- Chiều 14/7, …`, `Báo Ninh Bình điện tử` at a page's top: the paper publishing
_MASTHEAD_BEFORE = re.compile(r"(?:^|\n|\()[ \t]*$")
# `Phó Tổng Biên tập Báo Nghệ An`, `phóng viên Báo Lạng Sơn`: the paper of a person's post or byline,
# no body in the news (dev gold 066: the person's agency is none)
_STAFF_BEFORE = re.compile(r"(?:[Bb]iên tập|[Pp]hóng viên|[Kk]ý giả|[Cc]ộng tác viên)(?:\s+của)?\s+$")
_ONLINE_AFTER = re.compile(r"[ \t]+(?:điện tử|online|Online)(?![\w])")


def _paper(text: str, m: re.Match) -> Mention | None:
    """`Báo Bình Thuận`: a province's Party newspaper, named with the bare province name. None for
    any other paper (`Báo Nhân Dân`) and a longer name (`Báo Hà Nội Mới`)."""
    if _MASTHEAD_BEFORE.search(text, max(0, m.start() - 3), m.start()) or _STAFF_BEFORE.search(
            text, max(0, m.start() - 20), m.start()):
        return None                   # the publisher's masthead or dateline, or its staff's post
    pm = re.match(r"[ \t]+", text[m.end():m.end() + 3])
    bare = gz.province_re().match(text, m.end() + pm.end()) if pm else None
    if bare is None or _CAP_AFTER.match(text, bare.end()) or _ONLINE_AFTER.match(text, bare.end()):
        return None
    # (a party's: listed as a bloc's member or leader only, not as any paper an article cites)
    return Mention(f"Báo {gz.official(bare.group(1))}", m.start(), bare.end(), text[m.start():bare.end()], "none",
                   party=True)


def _council_of(text: str, m: re.Match, head: str, kinds, ctx) -> Mention | None:
    """`Hội đồng Thi đua – Khen thưởng Viện kiểm sát nhân dân tỉnh X`: a body's own council, named
    with the body (a national one, or one with its place written); the body is a mention too."""
    if parse_place(text, m.end(), ctx) is not None:
        return None                   # (`Hội đồng Thi đua - Khen thưởng tỉnh`: the province's)
    hm = gz.agency_head_re()[0].match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
    body = _mention_at(text, hm, kinds, ctx, []) if hm else None
    if body is None or body.post or body.party or not (body.kind == "none" or body.explicit):
        return None
    return Mention(f"{head} {body.name}", m.start(), body.end, text[m.start():body.end], "sub", resume=body.start)


# `TAND, VKSND, Công an, Bộ CHQS tỉnh X`: heads that share the place written after the last one
# (`HĐND-UBND tỉnh X`: two bodies joined by a dash share the place too)
_SHARE_SEP = re.compile(r"\s*(?:,\s*và|,|;|và|[-–](?=\s*[A-ZĐ]))\s*")


def _province_list(text: str, m: re.Match, kinds, ctx) -> list[Mention]:
    """One body per place when a head is followed by a list of places (distributive.py: `Thanh tra
    các tỉnh A, B`, `Ban Chỉ huy Quân sự các xã, phường: A, B`); empty when no place follows the
    class (`Thanh tra các tỉnh, thành phố` is a class)."""
    kind = kinds[int(m.lastgroup[1:])]
    if kind.place not in ("req", "reqn", "def"):
        return []
    composed = re.search(r"(?<![\w])gồm(?: có)?\s*:?\s*$", text[max(0, m.start() - 12):m.start()]) is not None
    places, at = places_after_head(text, m.end(), ctx, composed)
    if not places:
        return []
    head = _head_name(kind, m, m.lastgroup)
    opened = re.search(r"[:(]", text[at:places[0][1]])
    out: list[Mention] = []
    for i, (place, s, e) in enumerate(places):
        # (a list run on from its head without a colon is named from the head, as one name is)
        s = m.start() if i == 0 and not opened else s
        out.append(Mention(f"{_command_for(head, place)} {place}", s, e, text[s:e], kind.place, place=place))
    return out


def _national_parent(text: str, pos: int, kinds, ctx) -> Mention | None:
    """The national body written right after a unit's name (`, Bộ Tài chính`, `thuộc Bộ Công an`,
    `(Bộ Tài chính)`), or None."""
    after = _TO_PARENT.match(text, pos)
    hm = gz.agency_head_re()[0].match(text, after.end())
    if not hm or kinds[int(hm.lastgroup[1:])].place != "none":
        return None
    parent = _mention_at(text, hm, kinds, ctx, [])
    if parent is None or parent.post or ("(" in after.group(0) and not _CLOSE.match(text, parent.end)):
        return None
    return parent


# a word of a unit's name; a dash joins two fields (`Vụ Thi đua - Khen thưởng`), a code may carry
# digits (`Phòng PC06`)
_UNIT_WORD = re.compile(r"\s+(?:[-–]\s+)?([^\W\d_]+(?:-[^\W\d_]+)?|[A-ZĐ]{1,4}\d{1,3}|\d{1,2})(?![\w])")
# the parent after a comma, a dash, `thuộc`, or in brackets (`Vụ Thi đua - Khen thưởng (Bộ Tư pháp)`,
# `Cục 10-Bộ Công an`)
_TO_PARENT = re.compile(r"\s*(?:,\s*|\(\s*|[-–]\s*)?(?:thuộc\s+)?")
_CLOSE = re.compile(r"\s*\)")


# a unit's parent may be a unit of a higher rank named with its own parent: `Phòng Thi đua khen
# thưởng, Vụ Tổ chức cán bộ Thanh tra Chính phủ` (not a sibling: `Phòng A, Phòng B Công an tỉnh X`)
_OVER_UNIT = {"Phòng": ("Vụ", "Cục"), "Văn phòng": ()}
# `Chánh Văn phòng`, `Phó Chánh Văn phòng`: the post of an office's head, whose body is the parent
_OFFICE_POST = re.compile(r"(?:Chánh|[Tt]rưởng|Phó)\s+$")
# `Cục Công tác chính trị và Văn phòng Bộ Công an`: two units sharing the parent written after the last
_AND_UNIT = re.compile(r"\s+và\s+(?=(?:Cục|Vụ|Phòng|Văn phòng|Ban)\s)")


def _parent_of(unit: Mention, text: str, kinds, ctx) -> Mention | None:
    """The parent a unit's mention was named with (the mention starting at its `resume`)."""
    hm = gz.agency_head_re()[0].match(text, unit.resume) if unit.resume is not None else None
    return _mention_at(text, hm, kinds, ctx, []) if hm else None


def _named_unit(text: str, m: re.Match, kinds, ctx) -> Mention | None:
    """`Vụ Tổ chức cán bộ, Thanh tra Chính phủ`: a unit's name (up to twelve words, the first
    capitalised) followed by a national body, which the name takes as its parent; or by a body
    with its place written (`Phòng Cảnh sát giao thông Công an tỉnh Lào Cai`). An office has no
    words of its own (`Văn phòng Bộ Công an`, `Văn phòng VKSND tỉnh`)."""
    kinds_rx = gz.agency_head_re()[0]
    pos, words = m.end(), 0
    over = _OVER_UNIT.get(m.group(0), ())
    while True:
        if words or m.group(0) == "Văn phòng":
            after = _TO_PARENT.match(text, pos)
            hm = kinds_rx.match(text, after.end())
            pk = kinds[int(hm.lastgroup[1:])].place if hm else None
            if pk in ("none", "req", "reqn", "def") or (pk == "subname" and hm.group(0) in over):
                parent = _mention_at(text, hm, kinds, ctx, [])
                bracketed = "(" in after.group(0)
                if bracketed and (parent is None or not _CLOSE.match(text, parent.end)):
                    parent = None           # `Vụ X (Bộ Y và …)`: not a parent alone in its brackets
                if words == 0 and parent is not None and _OFFICE_POST.search(text, max(0, m.start() - 12), m.start()):
                    parent = None           # `Chánh Văn phòng Tòa án tỉnh`: a post, not an office
                if parent is not None and not parent.post and (
                        parent.kind in ("none", "sub") or parent.explicit or words == 0):
                    name = f"{' '.join(text[m.start():pos].split())} {parent.name}"
                    return Mention(name, m.start(), parent.end, text[m.start():parent.end], "sub",
                                   resume=parent.start)
            nxt = _AND_UNIT.match(text, pos) if words else None
            if nxt:
                # the name stops at `và` + another unit: they share its parent, or this one has none
                hm2 = kinds_rx.match(text, nxt.end())
                other = _mention_at(text, hm2, kinds, ctx, []) if hm2 else None
                parent = _parent_of(other, text, kinds, ctx) if other is not None and other.kind == "sub" else None
                if parent is None or parent.kind != "none":
                    return None
                return Mention(f"{' '.join(text[m.start():pos].split())} {parent.name}", m.start(), pos, text[m.start():pos], "sub")
        w = _UNIT_WORD.match(text, pos) if words < 12 else None
        if not w or (words == 0 and not w.group(1)[:1].isupper()):
            return None
        pos, words = w.end(), words + 1


def _police_team(text: str, m: re.Match, kinds, ctx) -> Mention | None:
    """`Đội Cảnh sát giao thông, Công an huyện X`: a team named with its police; written alone
    (`Đội trưởng Đội Cảnh sát điều tra tội phạm về ma túy`), the team of the police of the district
    the article is about. None when neither is known (a team of no police in particular)."""
    head = " ".join(m.group(0).replace("–", "-").split())
    after = _TO_PARENT.match(text, m.end())
    hm = gz.agency_head_re()[0].match(text, after.end())
    if hm and kinds[int(hm.lastgroup[1:])].canonical == "Công an":
        parent = _mention_at(text, hm, kinds, ctx, [])
        if parent is not None and ("(" not in after.group(0) or _CLOSE.match(text, parent.end)):
            return Mention(f"{head} {parent.name}", m.start(), parent.end, text[m.start():parent.end], "sub",
                           explicit=parent.explicit, resume=parent.start)
    district = article_district(ctx)
    if district is None:
        return None
    return Mention(f"{head} Công an {district}", m.start(), m.end(), m.group(0), "req", explicit=False,
                   place=district)


def _national_alone(text: str, m: re.Match, head: str, kind: gz.Kind, ctx) -> Mention | None:
    """A `reqn` head with no place: the national body of that name (`chiến lược phát triển Kho bạc
    Nhà nước`, `Cụm thi đua số 5 thuộc Cục Thuế` in 2026), unless it shares the place of the heads
    after it (`Kho bạc Nhà nước, Cục Thuế tỉnh`), names a class (`Kho bạc Nhà nước các tỉnh`), or the
    article is older than the national body of that name."""
    end = m.end()
    sep = _SHARE_SEP.match(text, end)
    if (sep and gz.agency_head_re()[0].match(text, sep.end())) or _GENERIC_AFTER.match(text, end):
        return None
    if kind.national_from:
        date = ctx and (ctx.published or ctx.given_published or (f"{ctx.year}-12-31" if ctx.year else None))
        if not date or date < kind.national_from:
            return None
    return Mention(head, m.start(), end, m.group(0), "none")


# `Phó Trưởng ban Thi đua - Khen thưởng tỉnh`, `Trưởng phòng Tư pháp huyện X`: the post takes the
# unit's head word in lower case; the body is named all the same (people.py gives it as the holder's)
_UNIT_AFTER_POST = re.compile(r"(?<=[Tt]rưởng )(ban|phòng)(?= [A-ZĐ])")


def _unit_heads_capitalised(text: str) -> str:
    """`text` with the unit word after a post capitalised (same length: offsets are kept)."""
    return _UNIT_AFTER_POST.sub(lambda m: m.group(1).capitalize(), text)


def _is_generic(text: str, mention: Mention) -> bool:
    """`các Sở`, `mỗi Thanh tra huyện`, `các cấp Hội Nông dân`: a class of bodies, not one."""
    before = text[max(0, mention.start - 5):mention.start]
    return bool(re.search(r"(?:^|\s)(?:[Cc]ác|[Mm]ỗi)\s+$", before)
                or re.search(r"(?:^|\s)các cấp\s+$", text[max(0, mention.start - 10):mention.start]))


def find_mentions(text: str, ctx: ArticleContext | None = None, *, keep_generic=False) -> list[Mention]:
    """Every agency mention in `text`, left to right, without overlaps. A national body written
    inside a post's title (`Tổng Thanh tra Chính phủ`) is flagged `post`: the awards read it as a
    giver, people.py as a holder's body, but it is not listed by itself."""
    rx, kinds = gz.agency_head_re()
    text = _unit_heads_capitalised(text)
    out: list[Mention] = []
    pending: list[re.Match] = []      # bare heads waiting for the place of a later one
    chain_end = 0                     # where the list of those heads (and national bodies) has got to
    pos = 0
    while True:
        m = rx.search(text, pos)
        if not m:
            break
        if pending:
            sep = _SHARE_SEP.match(text, max(pending[-1].end(), chain_end))  # (not fullmatch: its
            if not (sep and sep.end() == m.start()):          # look-ahead needs the text after it)
                pending = []
        men = _mention_at(text, m, kinds, ctx, out)
        if men is None:
            listed = _province_list(text, m, kinds, ctx)
            if listed:
                out.extend(listed)
                pending, pos = [], listed[-1].end
                continue
            kind = kinds[int(m.lastgroup[1:])]
            sep = _SHARE_SEP.match(text, m.end())
            if kind.place in ("req", "reqn") and sep and rx.match(text, sep.end()):
                pending.append(m)
                pos = m.end()
            else:
                pending, pos = [], m.start() + 1
            continue
        if men.post:              # (`Chính phủ` of `Tổng Thanh tra Chính phủ` is no mention either)
            out.append(men)
            pending, pos = [], men.end
            continue
        if pending and men.kind == "none" and men.resume is None and _SHARE_SEP.match(text, men.end):
            # `Công an, Trại giam Bình Điền, Tòa án nhân dân … thành phố`: a national body in the list
            # is named whole; the bare heads around it still share the place written last
            out.append(men)
            chain_end = pos = men.end
            continue
        men.generic = _is_generic(text, men)
        if men.place and pending and not men.generic:
            for pm in pending:
                pk = kinds[int(pm.lastgroup[1:])]
                pk_head = _command_for(_head_name(pk, pm, pm.lastgroup), men.place)
                out.append(Mention(f"{pk_head} {men.place}", pm.start(), pm.end(),
                                   pm.group(0), pk.place, explicit=men.explicit, place=men.place))
        pending = []
        if keep_generic or not men.generic:
            out.append(men)
            more = _more_places(text, men, ctx)
            if more:
                out.extend(more)
                pending, pos = [], more[-1].end
                continue
        pos = men.resume or men.end
    out.sort(key=lambda x: x.start)       # (a list's bare heads are added when its place is read)
    return _with_companies(_inspectorates_of(text, out), text, ctx)


# `Thanh tra các đơn vị: Sở Xây dựng, Sở Công thương, Ban Dân tộc`: the inspectorates of the bodies
# listed, to the end of the sentence (`Thanh tra 5 sở, ngành: …` too)
_INSPECTORATES_OF = re.compile(r"(?<![\w])Thanh tra (?:các|\d{1,2}) (?:đơn vị|cơ quan|sở(?:, ban)?(?:, ngành)?)[^:.;\n]{0,40}:")
_LIST_END = re.compile(r"\.(?:\s|$)|\n")


def _inspectorates_of(text: str, found: list[Mention]) -> list[Mention]:
    if "Thanh tra " not in text:
        return found
    for lead in _INSPECTORATES_OF.finditer(text):
        stop = _LIST_END.search(text, lead.end())
        stop = stop.start() if stop else len(text)
        found = [replace(x, name=f"Thanh tra {x.name}") if lead.end() <= x.start < stop
                 and x.name.startswith(("Sở ", "Ban ", "Chi cục ")) else x for x in found]
    return found


_PARTY_DISTRICT = re.compile(r"(Huyện ủy|Quận ủy|Thị ủy) (.+)$")


def _more_places(text: str, men: Mention, ctx) -> list[Mention]:
    """`VKSND tỉnh Vĩnh Long và Đồng Tháp`, `Công an Quận 1, 3, 10, Tân Bình`, `VKSND thành phố A
    và các huyện B, C`, `Huyện ủy A, B và C`: the same body of each place written after the first
    one's (distributive.py reads the places)."""
    if men.resume is not None:
        return []
    party = _PARTY_DISTRICT.match(men.name) if men.party else None
    if party:
        head, place = party.group(1), f"huyện {party.group(2)}"
    elif men.kind in ("req", "reqn", "def") and men.explicit and men.place and men.name.endswith(" " + men.place):
        head, place = men.name[:-len(men.place) - 1], men.place
    else:
        return []
    out: list[Mention] = []
    for where, s, e in places_after_place(text, men.end, place, ctx):
        if party:
            if not where.startswith(_DISTRICT_LEVEL):
                break
            out.append(Mention(f"{head} {where.split(' ', 1)[1]}", s, e, text[s:e], "party", party=True))
            continue
        out.append(Mention(f"{_command_for(head, where)} {where}", s, e, text[s:e], men.kind, place=where))
    return out


# a province name followed by another capitalised word is part of a longer name (`Đồng Tháp Mười`)
_CAP_AFTER = re.compile(r"[ \t]+[A-ZĐ]")


# Companies and banks (companies.py) are named as written. A company's mentions carry `party`: kept
# for an economic bloc's roles, not listed by themselves. A bank's branch named with its place
# (`Ngân hàng Chính sách xã hội Chi nhánh tỉnh X`, the state's and the state-owned commercial
# banks' branches, an economic bloc's members) and an association named with its place (a member of
# the blocs of associations) are listed as the province's bodies are.
def _with_companies(found: list[Mention], text: str, ctx: ArticleContext | None) -> list[Mention]:
    place_at = lambda t, pos: parse_place(t, pos, ctx)  # noqa: E731
    # (an association's name holds no body the gazetteer knows: `Hội Cựu chiến binh cơ quan Sở Tư pháp`)
    companies = [Mention(name, s, e, text[s:e], kind, party=kind == "company")
                 for name, s, e, kind in named_spans(text, ctx, place_at)
                 if kind != "association" or not any(s <= m.start < e for m in found)]
    if not companies:
        return found
    kept = [m for m in found if not any(c.start <= m.start < c.end for c in companies)]
    return sorted(kept + companies, key=lambda m: m.start)


_SENTENCE_BREAK = re.compile(r"\.\s+(?=[A-ZĐ])")


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
    if COMPANY_ITEM.fullmatch(text):
        return company_name(text)      # a bloc's member written alone: `Công ty TNHH MTV X TP.HCM`
    cut = _SENTENCE_BREAK.search(text)
    if cut and found and found[0].start <= 2 and found[0].end >= cut.start() - 1:
        # `Thanh tra TP. Năm 2017, …`: the last item of a list runs on over a sentence end the
        # splitter kept (`TP.` is also `TP.HCM`); the name ends at the dot
        return found[0].name
    return None


def article_mentions(ctx: ArticleContext) -> list[Mention]:
    """The mentions that name agencies the article is about (see the module docstring)."""
    text = ctx.text
    awards = [(a.start, a.end) for a in find_award_mentions(text)]
    skip = [(m.start(), text.find("\n", m.start()) % (len(text) + 1)) for m in _SOURCE_LINE.finditer(text)]
    multi = None
    out = []
    found = find_mentions(text, ctx)
    # (members.py names a list's items from these: a distributive list's head may stand before the
    # list's region, `Hội Cựu chiến binh 10 phường của Cụm … gồm: phường A; …`)
    ctx.notes["mentions"] = found
    aliases = short_forms(text, found)
    # the page's tail (`Tin liên quan`, `Các tin khác`) lists other articles' headlines
    stop = ctx.body_end if ctx.body_end is not None else len(text)
    byline = byline_span(text, stop)
    for men in found:
        if any(s <= men.start < e for s, e in awards + skip + byline) or men.start in aliases or men.start >= stop:
            continue
        if not men.explicit and not ctx.province and men.kind in ("req", "reqn"):
            # `UBND tỉnh` in an article about many provinces means each one's committee
            multi = multi_province(ctx) if multi is None else multi
            if multi:
                men = _sentence_province(text, men)
                if men is None:
                    continue
        out.append(men)
    return out


def _sentence_province(text: str, men: Mention) -> Mention | None:
    """`Thuế tỉnh Phú Thọ … đạt 140,9% dự toán HĐND tỉnh giao`: in an article about several
    provinces, a bare `tỉnh` is the one province its sentence names before it; None when the
    sentence names none or several (`dự toán Bộ Tài chính, UBND tỉnh giao` is each province's)."""
    if not men.name.endswith(" tỉnh"):
        return None
    lo = max(0, men.start - 300)
    lo = max([lo] + [text.rfind(b, lo, men.start) + len(b) for b in (". ", "; ", "\n") if text.rfind(b, lo, men.start) >= 0])
    named = {gz.official(p.group(1)) for p in gz.province_re().finditer(text, lo, men.start)}
    if len(named) != 1:
        return None
    name = named.pop()
    if gz.kind_of(name) != "tỉnh":
        return None
    return replace(men, name=f"{men.name} {name}", place=f"tỉnh {name}")


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
            if not m.party and not m.post:     # a post's body: listed when people.py names its holder
                add_agency(doc, m.name)
        return doc
    return component
