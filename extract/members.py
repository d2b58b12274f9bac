"""Lists of a bloc's members, in the ways articles write them.

`Khối … gồm 8 đơn vị: Thanh tra tỉnh; Sở Nội vụ; …`, `Cụm … gồm thanh tra 9 tỉnh: Vĩnh Phúc,
Hà Nam, …` (each province's inspectorate), `gồm Công an 5 thành phố: Hà Nội, TP.HCM, …`,
`gồm các địa phương: Đồng Nai, …` (provinces stand for their People's Committees),
`(gồm các huyện: Mê Linh, …)`, `… cùng ba trường Cao đẳng Luật miền Bắc, miền Trung và Miền Nam`.
Each item becomes a canonical agency name; a role written on an item (`(Trưởng khối thi đua)`,
`- đơn vị trưởng khối`) is kept for blocs.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import gazetteer as gz
from .agencies import NATIONAL_END, canonicalize, find_mentions
from .context import ArticleContext

GOM = re.compile(r"(?<![\w])(?:bao gồm|gồm có|gồm)(?![\w])")
# `gồm 8 đơn vị`, `gồm thanh tra 9 tỉnh`, `gồm Công an 3 thành phố`: the count may follow the
# head of the bodies counted
_COUNT = re.compile(
    r"^\s*(?:có\s+)?(?:(?:[Tt]hanh tra|[Cc]ông an|[A-ZĐ][\w&-]*(?:\s+[\w&-]+){0,5}?)\s+)?"
    r"(?P<n>\d+)\s+(?:đơn vị|cơ quan(?:, đơn vị)?|thành viên|tỉnh(?:, thành phố)?|"
    r"thành phố|huyện(?:, thị xã, thành phố)?|sở(?:, ngành)?|địa phương)(?![\w])"
)
# `gồm Thanh tra các tỉnh Gia Lai, Kon Tum …` (no colon): the head before the provinces
_HEAD_BEFORE_PROVINCES = re.compile(
    r"\s*(?P<head>(?:[^\W\d][\w&-]*\s+){0,6}?)(?:các|\d+)\s+(?:tỉnh|thành phố)(?:,\s*thành phố)?\s+"
)
# a list's numbering: `- `, `1.`, `1)`, `(1)`, `a)`
_ENUM = r"(?:[-–•+*]|\d{1,2}[.)]|\(\d{1,2}\)|[a-zđ]\))"
# where a list stops: the sentence's end, or the verb that follows the list's subject
_LIST_END = re.compile(
    # not an enumerator's dot (`1. Công an`, `; 2. TAND`): its number opens a line or follows the
    # list's punctuation; a number after a word ends a name (`Ngân hàng Nhà nước Khu vực 1. Năm …`)
    r"(?<!\bTP)(?<!\bTp)(?<![\n:;,(]\d)(?<![\n:;,(]\d\d)(?<![\n:;,]\s\d)(?<![\n:;,]\s\d\d)\.(?:\s|$)"
    r"|(?<![:;,])\n(?!\s*" + _ENUM + r"\s)"                          # nor a line break inside a one-a-line list
    r"|\s(?:tổ chức|ký kết|ký|đã|đều|tiến hành|đăng ký|tham gia|tham dự|thực hiện|"
    # `gồm Bộ CHQS thành phố X, …, Bộ CHQS tỉnh Y tổng kết năm 2020`: the review verb ends it
    # `… và Đăk Glei do huyện Đăk Hà làm Cụm trưởng`: `do` names who does something of the bloc
    r"tổng kết|sơ kết|phát động|bình xét|vừa|sẽ|do|long trọng|trang trọng)\s"
    # `…, Văn phòng Đoàn ĐBQH tỉnh và đại diện Ban Thi đua …`: who else came, not one of the units
    r"|\svà\s+(?:đại diện|lãnh đạo)\s"
    # `…; Các đồng chí trong Ban Thường vụ …`: the people present, after the list of bodies
    r"|[;,]\s*(?:[Cc]ác\s+)?(?:đồng chí|đại biểu)\s"
    # `gồm VKSND tỉnh A và B cùng với các công chức tham mưu …`: the people who came with them
    r"|\scùng(?:\s+với)?\s+(?:các\s+|những\s+)?(?:công chức|cán bộ|viên chức|đồng chí|lãnh đạo|đại diện|"
    r"phóng viên|khách mời|người)"
)
# `… và Thanh tra TP. Năm 2017, …`: the abbreviation's dot also ends the sentence when no city's
# name follows it (`TP. Hồ Chí Minh` goes on)
_TP_DOT = re.compile(r"(?<=\b(?:TP|Tp))\.\s+(?=[A-ZĐ])")


def _list_end(text: str, start: int, end: int) -> int | None:
    """Where a list that starts at `start` stops (None: it runs to `end`)."""
    m = _LIST_END.search(text, start, end)
    stop = m.start() if m else None
    upto = stop if stop is not None else end
    if text.find("TP.", start, upto) < 0 and text.find("Tp.", start, upto) < 0:
        return stop
    for d in _TP_DOT.finditer(text, start, upto):
        if not gz.province_re().match(text, d.end()):
            return d.start()
    return stop


# `gồm 6 Thuế tỉnh: Quảng Ninh, …`, `gồm 05 Công an tỉnh, thành phố: …`: the count before the body's head
_COUNT_HEAD = re.compile(r"\s*(?P<n>\d+)\s+(?P<h>[A-ZĐ][\w&-]*(?:\s+(?!các\s)[\w&-]+){0,5}?)\s+(?:tỉnh|thành phố)(?:,\s*thành phố)?\s*")
_COUNTED_PAREN = re.compile(r"[^():;.\n]{0,60}?(?<![\w])(?P<n>\d{1,2})\s+(?:đơn vị|cơ quan|bộ|ban|ngành|sở|tỉnh|"
                            r"thành phố|huyện|quận|thị xã|xã|phường)(?![\w])[^():;.\n]{0,60}?\(")
# `có 9 thành viên, gồm`, `có 6 đơn vị thành viên gồm`
_HAS_LIST = re.compile(r"(?<![\w])có(?=\s+\d+\s+(?:đơn vị|thành viên|cơ quan)(?:\s+thành viên)?"
                       r"(?:\s+là\s+[^.:;\n]{0,40}?)?\s*:)")
# a list that only names a class of bodies (`Thanh tra các tỉnh, thành phố duyên hải …`)
_CLASS_ONLY = re.compile(r"\s*(?:[^\W\d][\w&-]*\s+){0,6}?các\s+(?:tỉnh|thành phố)(?![\w])")
# an item that heads a run of provinces: `Thanh tra các tỉnh Quảng Nam`, `Công an 4 tỉnh Gia Lai`
_ITEM_CLASS_HEAD = re.compile(r"(?:và\s+)?(?P<h>[^\W\d][\w&-]*(?:\s+[\w&-]+){0,5}?)\s+(?:các|\d+)\s+"
                              r"(?:tỉnh|thành phố)(?:,\s*thành phố)?\s+(?P<p>.+)")
# an item that heads a run of districts: `UBND các huyện Thới Bình`, `Công an các quận Ninh Kiều`
_ITEM_DISTRICT_HEAD = re.compile(r"(?:và\s+)?(?P<h>[^\W\d][\w&-]*(?:\s+[\w&-]+){0,5}?)\s+các\s+"
                                 r"(?P<k>huyện|quận|thị xã)\s+(?P<p>.+)")
# `9 đơn vị thành viên của Khối: A, B, …`: the bloc's units counted, then listed after a colon
# (`07 đơn vị thành viên trong Cụm gồm Thanh tra các đơn vị: …`: or a `gồm` opens it)
UNITS_OF_BLOC = re.compile(r"(?<![\w])(?=\d+\s+(?:đơn vị|cơ quan)(?:\s+thành viên)?\s+(?:của|trong|thuộc)\s+"
                           r"(?:[Kk]hối|[Cc]ụm)(?:\s+thi đua)?(?:\s*:|\s+(?:bao gồm|gồm có|gồm)(?![\w])))")
# `gồm Thanh tra các đơn vị: Sở A, Sở B, Ban C`, `Văn phòng 5 sở, ngành: …`: a unit's head shared by
# the bodies listed, each item is that unit of the body
_UNIT_OF_EACH = re.compile(r"\s*(?P<h>[A-ZĐ][\w]*(?:\s+[\w]+){0,3}?)\s+(?:các|\d{1,2})\s+"
                           r"(?:đơn vị|cơ quan|sở|ban|ngành)(?:\s*,\s*(?:đơn vị|cơ quan|sở|ban|ngành))*\s*")
_COUNT_BEFORE = re.compile(r"(?:có|với)\s+(?P<n>\d+)\s+(?:đơn vị(?: thành viên)?|thành viên|cơ quan)(?:, đơn vị)?\s*,?\s*$")
_ENUMERATOR = re.compile(r"\s*" + _ENUM + r"\s+")
_ROLE_IN_ITEM = re.compile(
    r"(?:\s*(?:\(|[-–—,]\s*)|\s+(?:là|làm)\s+)(?P<role>(?:đơn vị\s+)?(?:làm\s+)?(?:Phó\s+)?(?:[Tt]rưởng\s+[Kk]hối|[Kk]hối\s+trưởng|"
    r"[Cc]ụm\s+trưởng|[Tt]rưởng\s+[Cc]ụm|[Cc]ụm\s+phó|[Kk]hối\s+phó|(?<=Phó )(?:[Kk]hối|[Cc]ụm))[^)]*)\)?\s*$"
)
ORG_HEADS = (
    "Sở Ban Cục Chi Văn Thanh Công Tòa Viện Trường Báo Tạp Nhà Học Bảo Kho Truyền Tổng Ủy Đảng "
    "Hội Liên Bộ Trung Bệnh Đài Ngân Điện Cơ Hạt Trại Đội Phòng Quỹ"
).split()
_NUM_WORDS = r"(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|\d+)"
_PROVINCIAL_TAIL_HEADS = ("Sở ", "Ban ", "Cục ", "Văn phòng ", "Trường Chính trị", "Đảng ủy Khối", "Chi cục ")


@dataclass
class Member:
    name: str
    start: int
    end: int
    role: str | None = None       # "leader" / "deputy" when the item says so


# `08 đơn vị là Thanh tra các tỉnh:`: the count of units before the head names no body
_UNITS_LEAD = re.compile(r"^\s*(?:có\s+)?\d+\s+(?:đơn vị|thành viên|cơ quan)(?:\s+thành viên)?\s*,?\s*(?:(?:là|gồm|bao gồm)\s+)?")


def _province_template(head: str, ctx: ArticleContext) -> str:
    """`thanh tra 9 tỉnh` -> `Thanh tra {place}`; `Công an 5 thành phố` -> `Công an {place}`."""
    head = _UNITS_LEAD.sub("", head)
    head = re.sub(r"(?:^|\s)(?:các|\d+)\s+(?:tỉnh|thành phố|địa phương)\b.*$", "", head).strip(" ,:")
    head = re.sub(r"^(?:các\s+)?(?:đơn vị|địa phương)$", "", head).strip()
    if not head:
        return "Ủy ban nhân dân {place}"
    head = head[0].upper() + head[1:]
    rx, kinds = gz.agency_head_re()
    m = rx.fullmatch(head)
    if m:
        kind = kinds[int(m.lastgroup[1:])]
        if "{dept}" not in kind.canonical:
            return kind.canonical + " {place}"
    return head + " {place}"


def _place_of(written: str, ctx: ArticleContext) -> tuple[str, str]:
    """(kind, name) of a province written in a list. The written name is kept, as the agency
    finder keeps it (a list of pre-merger provinces is what the bloc was); only `Huế`, which
    names Thừa Thiên Huế before 2025 and the city after, needs the article's date."""
    name = gz.official(written) or written
    if name == "Thừa Thiên Huế" and written.strip() == "Huế":
        date = ctx.published or ctx.given_published or (f"{ctx.year}-12-31" if ctx.year else None)
        return gz.in_force("Huế", date)
    return gz.kind_of(name), name


def _fill(template: str, written: str, ctx: ArticleContext) -> str:
    kind, name = _place_of(written, ctx)
    if "Tỉnh ủy" in template or "Thành ủy" in template:
        head = template.replace(" {place}", "")
        if kind == "thành phố":
            head = head.replace("Tỉnh ủy", "Thành ủy")
        return f"{head} {name}"
    return template.format(place=f"{kind} {name}")


def _split(region: str, offset: int, ctx: ArticleContext, mentions=None) -> list[tuple[str, int, int]]:
    """Items of a list region with their offsets; known agency names are never split."""
    if mentions is None:
        mentions = find_mentions(region, ctx, keep_generic=True)
    protected = [(m.start, m.end) for m in mentions]
    inside_at = bytearray(len(region) + 1)       # 1 where a known name covers the character
    for s, e in protected:
        inside_at[s:e] = b"\x01" * (e - s)
    depth, cuts = 0, []
    i = 0
    while i < len(region):
        ch = region[i]
        inside = inside_at[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and ch == "\n" and inside and _ENUMERATOR.match(region, i + 1):
            # a one-a-line list (`3. UBND thành phố X\n4. UBND huyện Y`): the next number opens
            # an item even where a name found across the line break covers it
            cuts.append((i, i + 1))
        elif depth == 0 and not inside:
            if ch in ";,\n":
                cuts.append((i, i + 1))
            elif region.startswith(" và ", i) or region.startswith(" cùng ", i):
                w = 4 if region.startswith(" và ", i) else 6
                nxt = region[i + w:].split(" ", 1)[0]
                prev_words = region[max(0, i - 60):i].lower().split()
                last_cut = max([c[1] for c in cuts] + [0])
                seg_words = region[last_cut:i].split()
                if (nxt in ORG_HEADS or nxt in ("UBND", "HĐND", "TAND", "VKSND")
                        or re.match(r"(?:Huyện|Quận|Thị|Tỉnh|Thành|Đảng) ủy(?![\w])", region[i + w:])
                        or gz.province_re().match(region, i + w)
                        or gz.district_re().match(region, i + w)
                        or re.match(r"(?:(?:các|\d{1,2})\s+)?(?:huyện|thị xã|quận|thành phố|xã|phường|thị trấn)"
                                    r"\s+[A-ZĐ\d]", region[i + w:])
                        or (nxt.lower() in prev_words and len(seg_words) <= 3)
                        or nxt.lower() in [x.lower() for x in seg_words[-2:-1]]
                        or nxt.lower() in _NUM_WORDS[3:-1].split("|")
                        or _ROLE_LEAD.match(region, i + w)
                        or any(s == i + w for s, _ in protected)):
                    cuts.append((i, i + w))
        i += 1
    items, pos = [], 0
    for s, e in cuts + [(len(region), len(region))]:
        raw = region[pos:s]
        enum = _ENUMERATOR.match(raw)          # `1. `, `- `: a list's numbering, not the name
        lead = enum.end() if enum else len(raw) - len(raw.lstrip())
        item = raw[lead:].strip()
        if item:
            items.append((item, offset + pos + lead, offset + pos + lead + len(item)))
        pos = e
    return items


# the local units a list's head counts: `các huyện`, `Thanh tra 5 huyện`, `các xã`, `các phường`
_LOCAL_HEAD = re.compile(r"(?:^|\s)(?:các\s+|\d+\s+)?(?P<k>huyện|quận|xã|phường|thị trấn)(?![\w]).*$")
_LOCAL_NAME = re.compile(r"(?:(?:huyện|quận|thị xã)\s+)?[A-ZĐ]\S*(?:\s+[A-ZĐ]\S*){0,3}")
_PLACE_END = re.compile(r"\s(?:tỉnh|thành phố)\s+(\S.*)$")
_OWN_PROVINCE_WORD = re.compile(r"(?:tỉnh|thành phố|TP\.?)\s+(.+)")


def _article_mentions_in(ctx: ArticleContext, lo: int, hi: int, named: dict) -> list:
    """The article's mentions (agencies.article_mentions keeps them in ctx.notes) inside
    text[lo:hi] that the region alone does not name, relative to `lo`: the places of a distributive
    list whose head is written before the region (`Ban CHQS các xã, phường: A, B`, `Hội Cựu chiến
    binh 10 phường của Cụm … gồm: phường A; …`)."""
    out = []
    for m in ctx.notes.get("mentions") or ():
        if lo <= m.start and m.end <= hi and (m.start, m.end) not in named and not any(
                s <= m.start < e or m.start <= s < m.end for s, e in named):
            out.append(replace(m, start=m.start - lo, end=m.end - lo))
    return out


def _provincial(prev: str | None, ctx: ArticleContext) -> bool:
    """The previous item is a body of the article's province (`…, Công an tỉnh X, Tòa án nhân dân`)."""
    return bool(prev and ctx.province and prev.endswith(" " + ctx.province_suffix))


def _canon_item(item: str, ctx: ArticleContext, template: str | None, prev: str | None):
    role = None
    r = _ROLE_IN_ITEM.search(item)
    if r:
        low = r.group("role").lower()
        role = "deputy" if ("phó" in low) else "leader"
        item = item[: r.start()].strip()
    item = re.sub(r"^(?:và|cùng|các|tập thể)\s+", "", item)
    # `gồm các đơn vị Công an Quận 1, 3, 10`: the word for a unit before its name
    item = re.sub(r"^(?:đơn vị|cơ quan)\s+(?=[A-ZĐ])", "", item)
    # `Trại giam Xuyên Mộc (Cục 10-Bộ Công an)`: a note on the unit (its parent), not its name
    item = re.sub(r"(?<=\S)\s*\([^()]*\)$", "", item)
    item = re.sub(r"^" + _NUM_WORDS + r"\s+(?=[a-zđ])", "", item)
    item = item.strip(" .;:")
    if not item:
        return None, role
    prov = gz.province_re().fullmatch(item)
    if prov:
        after = _PLACE_END.search(prev or "")
        if template in (None, "Ủy ban nhân dân {place}") and after and not prev.startswith("Ủy ban nhân dân") \
                and gz.province_re().fullmatch(after.group(1)):
            # `gồm VKSND tỉnh Vĩnh Long và Đồng Tháp`: a bare province after a body named with its
            # province is the same body of that province
            template = prev[:after.start()] + " {place}"
        template = template or "Ủy ban nhân dân {place}"
        return _fill(template, item, ctx), role
    own = _OWN_PROVINCE_WORD.fullmatch(item)
    if own and template and "{place}" in template and gz.province_re().fullmatch(own.group(1)):
        # `Thanh tra các tỉnh: Quảng Nam, Phú Yên và thành phố Đà Nẵng`: the item writes its own word
        return _fill(template, own.group(1), ctx), role
    if template and template.endswith("Bộ {place}"):
        return template.format(place=item[:1].upper() + item[1:]), role
    if template and re.search(r" (?:huyện|quận|thị xã|xã|phường|thị trấn) \{place\}$", template):
        own = re.match(r"(?:huyện|thị xã|quận|thành phố|xã|phường|thị trấn)\s+(?=[A-ZĐ])", item)
        if own:    # `… và thị xã Hồng Lĩnh` in a list of districts: the item keeps its own word
            return re.sub(r"(?:huyện|quận|thị xã|xã|phường|thị trấn) \{place\}$", item, template), role
        return template.format(place=item), role
    if template == "Ủy ban nhân dân {place}" and item in gz.district_kinds():
        # `các địa phương: Đức Trọng, Đà Lạt`: districts and provincial cities, with their word
        return f"Ủy ban nhân dân {gz.district_kinds()[item]} {item}", role
    if template == "Ủy ban nhân dân {place}" and _LOCAL_NAME.fullmatch(item):
        # `gồm huyện Đăk Hà, Đăk Tô, …`: a district written with its word, and the bare names after
        # it, are the districts' People's Committees
        if re.match(r"(?:huyện|quận|thị xã)\s", item):
            return f"Ủy ban nhân dân {item}", role
        district = re.match(r"Ủy ban nhân dân (huyện|quận|thị xã) ", prev or "")
        if district:
            return f"Ủy ban nhân dân {district.group(1)} {item}", role
    party = re.match(r"(?:Huyện|Quận|Thị) ủy ", prev or "")
    if party and item.replace("’", "'") in gz.district_names():
        # `Huyện ủy Ea H’leo, Krông Pắc, Krông Búk`: a district Party committee shared by the names
        return f"{party.group(0)}{item}", role
    canon = canonicalize(item, ctx)
    if canon:
        return canon, role
    first = item.split()[0]
    prev_words = prev.lower().split() if prev else []
    if prev and first.capitalize() not in ORG_HEADS and (
            item[:1].islower() or (len(item.split()) <= 3 and first.lower() in prev_words[1:])):
        # `miền Trung` after `Trường Cao đẳng Luật miền Bắc`: the previous item's head + this tail
        n = len(item.split())
        head = " ".join(prev.split()[:-n]) if len(prev.split()) > n else prev
        item = f"{head} {item}"
    item = item[0].upper() + item[1:]
    if item.endswith(" tỉnh") or item == "tỉnh":
        return (item + " " + ctx.province) if ctx.province else item, role
    if item.endswith(("Tỉnh ủy", "Thành ủy")):
        return (item + " " + ctx.province) if ctx.province else item, role
    last = item.split()[-1]
    if item.startswith(_PROVINCIAL_TAIL_HEADS) and last[:1].islower() and not gz.province_re().search(item) \
            and not NATIONAL_END.search(item):  # `Ban Nội chính Trung ương`
        return f"{item} {ctx.province_suffix or 'tỉnh'}", role
    return item, role


_MINISTRIES_HEAD = re.compile(r"^\s*(?P<h>[^\W\d][\w ]*?)?\s*các\s+[Bb]ộ(?:,\s*ngành)?\s*$")


@lru_cache(maxsize=1)
def _ministry_re() -> re.Pattern:
    forms = {w: c for w, c in gz.departments()[1]}
    return re.compile(r"(?<![\w])(?:" + gz.alternation(forms) + r")(?![\w])", re.I)


def _ministry_items(region: str, offset: int) -> list[tuple[str, int, int]]:
    """Ministries' short names in a list (`Kế hoạch và Đầu tư, Văn hóa, Thể thao và Du lịch`),
    each as the ministry writes it: the names hold `và` and commas of their own."""
    out = [(gz.dept_canonical(m.group(0), True), offset + m.start(), offset + m.end())
           for m in _ministry_re().finditer(region)]
    return out if len(out) >= 2 else []


# `gồm: các sở Nội vụ, Tài chính, Kế hoạch và Đầu tư; Ban Dân tộc tỉnh`, `gồm các Sở: Tư pháp, Y tế`:
# a class of departments (or ministries) written once, then their domains; each domain is a Sở
# (Bộ) of that name, the run ending at the first item that is no department's name (a head with
# a unit before it, `Thanh tra các Bộ: …`, is left to _MINISTRIES_HEAD)
_DEPT_CLASS_HEAD = re.compile(r"^\s*(?:các|\d{1,2})\s+(?P<w>[Ss]ở)\s*:?\s*$")
_DEPT_CLASS_ITEM = re.compile(r"(?:và\s+)?(?:các|\d{1,2})\s+(?P<w>[Ss]ở|[Bb]ộ)\s*:?\s+(?=[A-ZĐ])")
_DEPT_SEP = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+")
# a domain ends at a separator, a bracket, the sentence's end or the province it belongs to
_DEPT_END = re.compile(r"\s*(?:[,;.)\n]|và\s|$)|\s+(?:tỉnh|thành phố)(?![\w])")


@lru_cache(maxsize=2)
def _domain_re(ministry: bool) -> re.Pattern:
    forms = [f for f, _ in gz.departments()[1 if ministry else 0]]
    return re.compile(r"(?:" + gz.alternation(forms) + r")(?![\w])", re.I)


def _department_run(text: str, at: int, word: str) -> list[tuple[str, int, int]]:
    """The domains listed from text[at:] after `các sở`/`các Bộ`, each as `Sở X`/`Bộ X`."""
    ministry = word.lower() == "bộ"
    out = []
    while True:
        m = _domain_re(ministry).match(text, at)
        if not m or not _DEPT_END.match(text, m.end()):
            return out
        out.append((("Bộ " if ministry else "Sở ") + gz.dept_canonical(m.group(0), ministry), m.start(), m.end()))
        sep = _DEPT_SEP.match(text, m.end())
        if not sep:
            return out
        at = sep.end()


def _with_department_runs(text: str, items, head: str, list_start: int):
    """`items` with each run of a class of departments' domains read as those departments:
    (items, the spans of the departments)."""
    runs = []
    hd = _DEPT_CLASS_HEAD.search(head)
    if hd:
        at = list_start + len(text[list_start:]) - len(text[list_start:].lstrip())
        runs.append(_department_run(text, at, hd.group("w")))
    for item, s, _e in items:
        ci = _DEPT_CLASS_ITEM.match(item)
        if ci:
            runs.append(_department_run(text, s + ci.end(), ci.group("w")))
    runs = [r for r in runs if r]
    if not runs:
        return items, set()
    spans = [(r[0][1], r[-1][2]) for r in runs]
    kept = [it for it in items if not any(it[1] < hi and lo < it[2] for lo, hi in spans)]
    added = [x for r in runs for x in r]
    return sorted(kept + added, key=lambda it: it[1]), {(s, e) for _, s, e in added}


def _split_and(item: str, s: int, e: int) -> list[tuple[str, int, int]]:
    """`Công an và Quốc phòng` in a list of ministries' short names: two items."""
    k = item.find(" và ")
    if k < 0:
        return [(item, s, e)]
    return [(item[:k], s, s + k), (item[k + 4:], s + k + 4, e)]


def find_member_list(ctx: ArticleContext, start: int, end: int) -> tuple[list[Member], int | None]:
    """The members listed after a `gồm` in text[start:end] (one sentence): (members, count)."""
    text = ctx.text
    # `Khối có 6 đơn vị: A, B, …`: a stated count with a colon opens a list as `gồm` does
    g = GOM.search(text, start, end) or _HAS_LIST.search(text, start, end) or UNITS_OF_BLOC.search(text, start, end)
    if not g:
        return [], None
    after = g.end()
    colon = text.find(":", after, min(end, after + 80))
    head = text[after:colon] if colon >= 0 else ""
    count = None
    c = _COUNT.match(text[after:after + 60])
    counted_head = None if c or colon < 0 else _COUNT_HEAD.fullmatch(head)
    if c:
        count = int(c.group("n"))
    elif counted_head:
        count = int(counted_head.group("n"))
    else:   # `… năm 2024 có 9 thành viên, gồm: …`: the count written before the list
        b = _COUNT_BEFORE.search(text, max(start, g.start() - 40), g.start())
        count = int(b.group("n")) if b else None
    if c and colon < 0 and not (re.match(r"\s*(?:là\b|gồm\b|\()", text[after + c.end():])
                                or gz.agency_head_re()[0].match(text, after + c.end() + 1)):
        return [], count            # `gồm 9 đơn vị, do Sở Tư pháp làm Khối trưởng`: no list follows
    paren = text[g.start() - 1:g.start()] == "("
    list_start = colon + 1 if colon >= 0 else after + (c.end() if c else 0)
    if colon < 0 and c:
        # `gồm 6 đơn vị (Công an tỉnh, TAND tỉnh, …) đã ký kết`: the list is the parenthesis
        op = re.match(r"\s*\(", text[list_start:list_start + 3])
        if op:
            paren, list_start = True, list_start + op.end()
    elif colon < 0 and not paren:
        # `gồm các thành viên thuộc 08 bộ, ban, ngành Trung ương (Bộ Quốc phòng, …)`: bodies counted
        # (the count may follow other words), then listed in brackets
        cp = _COUNTED_PAREN.match(text, after, min(end, after + 160))
        if cp:
            paren, list_start, count = True, cp.end(), count or int(cp.group("n"))
    if paren:
        close = text.find(")", list_start, end + 200)
        list_end = close if close >= 0 else end
    else:
        stop = _list_end(text, list_start, max(end, list_start))
        list_end = end if stop is None else stop
    template = None
    if colon < 0:
        hp = _HEAD_BEFORE_PROVINCES.match(text, list_start)
        if hp and gz.province_re().match(text, hp.end()):
            head, list_start = hp.group("head"), hp.end()
            template = _province_template(head.strip(), ctx)
    region = text[list_start:list_end]
    if _CLASS_ONLY.match(region) and not gz.province_re().search(region):
        # `(gồm Thanh tra các tỉnh, thành phố duyên hải miền Trung)`: what kind of bodies the
        # bloc gathers, not a list of them
        return [], count
    if template:
        pass
    elif counted_head:
        template = _province_template(counted_head.group("h"), ctx)
    elif local := _LOCAL_HEAD.search(head):
        # `gồm các huyện: …` are the districts' People's Committees; `gồm Thanh tra các huyện: …`
        # the districts' bodies of that kind; `gồm các xã: …` the communes'
        body = head[:local.start()].strip(" ,:")
        template = _province_template(body, ctx).replace("{place}", local.group("k") + " {place}")
    elif re.search(r"(?:tỉnh|thành phố|địa phương)", head) or (head == "" and colon < 0):
        template = _province_template(head.strip(), ctx)
    elif mb := _MINISTRIES_HEAD.search(head):
        # `gồm Thanh tra các Bộ: Tư pháp, Nội vụ và Công an`: each item is a ministry's body
        template = (mb.group("h")[:1].upper() + mb.group("h")[1:] + " " if mb.group("h") else "") + "Bộ {place}"
    # bodies that the agency finder named from their context (`TAND, VKSND, Bộ CHQS tỉnh X`
    # share the last one's place), by their span in the region
    found = find_mentions(region, ctx, keep_generic=True)
    named = {(list_start + m.start, list_start + m.end): m.name for m in found}
    found = found + _article_mentions_in(ctx, list_start, list_end, named)
    named.update({(list_start + m.start, list_start + m.end): m.name for m in found})
    # `10 cơ quan, đơn vị cấp tỉnh: …, Tòa án nhân dân, Viện kiểm sát nhân dân`: the level of the
    # list gives each body written without its place the article's province
    provincial = re.search(r"cấp tỉnh", head) is not None
    unit_of_each = _UNIT_OF_EACH.fullmatch(head) if colon >= 0 else None
    unit_head = unit_of_each.group("h") + " " if unit_of_each and gz.agency_head_re()[0].fullmatch(
        unit_of_each.group("h")) else None
    members, prev = [], None
    items = _split(region, list_start, ctx, found)
    if template and template.endswith("Bộ {place}"):
        items = _ministry_items(region, list_start) or [piece for it in items for piece in _split_and(*it)]
    items, dept_spans = _with_department_runs(text, items, head, list_start)
    for item, s, e in items:
        if re.fullmatch(r"(?:các\s+)?(?:đơn vị|cơ quan)\s*:?", item):
            continue
        if (s, e) in dept_spans:
            name = canonicalize(item, ctx) or item
            members.append(Member(name, s, e))
            prev = name
            continue
        ch = _ITEM_CLASS_HEAD.fullmatch(item)
        if ch and gz.province_re().fullmatch(ch.group("p")):
            # `… và Thanh tra các tỉnh Quảng Nam, Quảng Ngãi, …`: the head of a class opens a run
            # of provinces in the middle of the list; it names this item and the bare ones after
            template = _province_template(ch.group("h"), ctx)
            name = _fill(template, ch.group("p"), ctx)
            members.append(Member(name, s, e))
            prev = name
            continue
        dh = _ITEM_DISTRICT_HEAD.fullmatch(item)
        if dh and dh.group("p")[:1].isupper():
            # `UBND thành phố X và UBND các huyện A, B, C`: `các huyện` opens a run of districts;
            # this item and the bare names after it are that body of each district
            template = _province_template(dh.group("h"), ctx).replace("{place}", dh.group("k") + " {place}")
            name = template.format(place=dh.group("p"))
            members.append(Member(name, s, e))
            prev = name
            continue
        if (s, e) in named:
            name = named[(s, e)]
            if unit_head and not name.startswith(unit_head):
                name = unit_head + name
            members.append(Member(name, s, e))
            prev = name
            continue
        name, role = _canon_item(item, ctx, template, prev)
        if name and name == item and (provincial or _provincial(prev, ctx)):
            name = canonicalize(item + " tỉnh", ctx) or name
        if name and unit_head and not name.startswith(unit_head) and name[:1].isupper():
            name = unit_head + name
        if name:
            members.append(Member(name, s, e, role))
            prev = name
    # a list of bare words that are not bodies (`gồm: Triển khai …`) is not a member list
    if members and not any(m.name[:1].isupper() for m in members):
        return [], count
    return _units_of_parent(ctx, members, g.start(), list_end), count


# a unit inside a body, written without the body: `Phòng 9`, `Phòng PC06`, `Văn phòng tổng hợp`,
# `Thanh tra – Khiếu tố`; a bare number after one is the same kind of unit (`Phòng 9, 10, 11`)
_BARE_UNIT = re.compile(r"(?P<w>Phòng|Văn phòng|Thanh tra|Đội|Ban|Tổ|Trung tâm)"
                        r"(?:\s+(?:\d{1,2}|[A-ZĐ]{1,4}\d{1,3}|[^\W\d]+)|\s*[-–]\s*[^\W\d]+)*")
_SENTENCE_START = re.compile(r".*(?:[.!?]\s|\n)", re.S)


def _units_of_parent(ctx: ArticleContext, members: list[Member], gom: int, list_end: int) -> list[Member]:
    """`gồm 6 đơn vị: Phòng 11; Thanh tra – Khiếu tố; Phòng 9 và Văn phòng tổng hợp` (a body's
    own units), `Phòng 9, 10, 15, Văn phòng tổng hợp VKSND thành phố X`: each unit is named with
    its body, the one written right after the list, else the one body the sentence names before
    the list (`tại trụ sở VKSND thành phố X, Khối thi đua số 02 …, gồm …`)."""
    text = ctx.text
    bare, last_word, parent = [], None, None
    for i, m in enumerate(members):
        raw = re.sub(r"^(?:và|cùng)\s+", "", text[m.start:m.end]).strip(" .;:")
        last = i == len(members) - 1 and _BARE_UNIT.match(raw) is not None
        tail = find_mentions(raw, ctx) if last else []
        if tail and 0 < tail[-1].start and tail[-1].end == len(raw) and _BARE_UNIT.fullmatch(raw[:tail[-1].start].strip()):
            # `…, Văn phòng tổng hợp và Thanh tra - Khiếu tố VKSND tỉnh X`: the body closes the list
            parent, raw = tail[-1].name, raw[:tail[-1].start].strip()
        if raw.isdigit() and last_word:
            bare.append(f"{last_word} {raw}")
            continue
        u = _BARE_UNIT.fullmatch(raw)
        if u is None or canonicalize(raw, ctx):
            bare.append(None)
            continue
        last_word = u.group("w")
        bare.append(re.sub(r"\s*[-–]\s*", " - ", raw))
    if sum(1 for b in bare if b) < max(2, (2 * len(members) + 2) // 3):
        return members
    if parent is None:
        line = text[max(0, gom - 300):gom]
        st = _SENTENCE_START.match(line)
        names = {a.name for a in find_mentions(line[st.end() if st else 0:], ctx) if not a.party}
        parent = names.pop() if len(names) == 1 else None
    if parent is None:
        return members
    return [Member(f"{b} {parent}", m.start, m.end, m.role) if b else m for b, m in zip(bare, members, strict=True)]


# `Sở Tư pháp các tỉnh: …`, `thanh tra 5 tỉnh: …` (the list may come before the bloc's name:
# `… thuộc Cụm thi đua …`)
_PROVINCE_LIST = re.compile(r"(?<![\w])(?:các|(?P<n>\d+))\s+(?:tỉnh(?:,\s*thành phố)?|thành phố|địa phương)\s*:")
# the words before a count of provinces, up to the clause's start (`Tham dự có lãnh đạo Thanh tra`):
# _head_suffix keeps those that name the kind of body
_HEAD_WORDS = re.compile(r"(?:^|[,;.(\n]|\d)\s*(?P<h>[^\W\d][\w&-]*(?:\s+[^\W\d][\w&-]*){0,7})\s*$")
_PROVINCE_LIST_END = re.compile(r"\sthuộc\s")


def _head_suffix(words: str) -> str:
    """The last words that name a kind of body: `lãnh đạo Công an` → `Công an`, `đại diện thanh
    tra` → `thanh tra` (the people attending are the bodies' leaders, the bodies are the list's)."""
    rx, _ = gz.agency_head_re()
    ws = words.split()
    for i in range(len(ws)):
        w = " ".join(ws[i:])
        if rx.fullmatch(w[0].upper() + w[1:]):
            return w
    return ""


# `… Tiền Giang và đơn vị cụm trưởng Công an tỉnh BR-VT`: a unit named after its office ends a list
_ROLE_LEAD = re.compile(r"(?:đơn vị\s+)?(?P<role>(?:[Pp]hó\s+)?(?:[Cc]ụm|[Kk]hối)\s+(?:trưởng|phó)|"
                        r"(?:[Pp]hó\s+)?[Tt]rưởng\s+(?:[Cc]ụm|[Kk]hối))\s+")


def province_list_members(ctx: ArticleContext, start: int, end: int) -> tuple[list[Member], int | None]:
    """`… của Sở Văn hóa, Thể thao và Du lịch các tỉnh: Lâm Đồng, …`, `thanh tra 5 tỉnh: Hưng Yên,
    … thuộc Cụm thi đua …` -> that body of each province; with the count when one is written."""
    text = ctx.text
    m = _PROVINCE_LIST.search(text, start, end)
    if not m:
        return [], None
    s0 = m.start()
    before = text[max(0, s0 - 120):s0]
    head_mentions = find_mentions(before, ctx, keep_generic=True)
    head = ""
    if head_mentions and not before[head_mentions[-1].end:].strip():
        head = re.sub(r"\s+(?:tỉnh|thành phố)(?:\s+.*)?$", "", head_mentions[-1].name)
        template = head + " {place}"
    else:
        # a head no gazetteer names alone (`thanh tra`, `công an`): the words before the count
        hw = _HEAD_WORDS.search(before)
        words = _head_suffix(hw.group("h")) if hw else ""
        if words:
            template = _province_template(words, ctx)
        elif head_mentions:
            head = re.sub(r"\s+(?:tỉnh|thành phố)(?:\s+.*)?$", "", head_mentions[-1].name)
            template = head + " {place}"
        else:
            template = "Ủy ban nhân dân {place}"
    if m.group("n") and template == "Ủy ban nhân dân {place}" and not re.search(
            r"(?:Khối|Cụm|khối|cụm)\b", text[m.end():end]):
        return [], None              # `làm việc tại 3 tỉnh: …` is no bloc's list
    region_start = m.end()
    stop = _list_end(text, region_start, end)
    region_end = end if stop is None else stop
    th = _PROVINCE_LIST_END.search(text, region_start, region_end)
    if th:
        region_end = th.start()
    region = text[region_start:region_end]
    out = []
    for item, s, e in _split(region, region_start, ctx):
        item = re.sub(r"^và\s+", "", item)
        if gz.province_re().fullmatch(item):
            out.append(Member(_fill(template, item, ctx), s, e))
            continue
        lead = _ROLE_LEAD.match(item)
        body = find_mentions(item[lead.end():], ctx) if lead else []
        if body and body[0].start == 0 and body[0].end == len(item) - lead.end():
            role = "deputy" if "phó" in lead.group("role").lower() else "leader"
            out.append(Member(body[0].name, s + lead.end(), e, role))
    return out, (int(m.group("n")) if m.group("n") and out else None)
