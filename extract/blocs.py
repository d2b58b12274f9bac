"""Extraction component `thidua_blocs`: emulation blocs and clusters, their members and leaders.

Names: `Khối thi đua …` / `Cụm thi đua …` with their descriptor (`số II`, `20`, `các cơ quan
Nội chính tỉnh Bắc Ninh`), also `Khối`/`Cụm` alone before a capitalised or numbered descriptor
(`Khối Kinh tế - Kỹ thuật`, `Cụm V`, `Khối ANND`); a name goes on over a region after `N tỉnh`
(`Thanh tra 5 tỉnh phía Bắc đồng bằng sông Hồng`, data/regions.tsv) and over the commas of a class
of bodies (`Thanh tra các Bộ, ngành kinh tế`). Variants of one bloc in an article (`số 1`, `số 01`,
`số I`) are merged and named by the fullest, with `thi đua` in lower case and the province for a
provincial bloc.
Members come from members.py and bloc_lists.py; leaders, deputies and next year's leader from
bloc_roles.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from spacy.language import Language

from . import gazetteer as gz
from .agencies import add_agency, find_mentions
from .bloc_fellows import fellow_members
from .bloc_lists import (
    apply_tables,
    heading_roles,
    paren_members,
    paren_provinces,
    ranked_members,
    stated_members,
    units_list_members,
)
from .bloc_roles import assign_roles, bloc_year, current_roles
from .bloc_spellings import (
    abbreviations,
    expand_abbreviations,
    folded,
    fuller,
    police_field,
    recase,
    sentence_case,
    shortened,
)
from .members import Member, find_member_list, province_list_members
from .sentences import sentence_of, sentence_spans

# (the justice sector calls its regional clusters `Khu vực thi đua`: a head with `thi đua` only, as
# `khu vực` alone is a region's word)
_HEAD = re.compile(r"(?<![\w])(?P<h>Khối|Cụm|khối|cụm|KHỐI|CỤM|Khu vực(?=\s+[Tt]hi đua)|KHU VỰC(?=\s+THI ĐUA))"
                   r"(?P<td>\s+(?:[Tt]hi đua|THI ĐUA))?(?![\w])")
# `số II`, `SỐ 9`, `20`; a bare number before a count noun is a count (`Cụm thi đua 6 tỉnh …`), but
# after `số` it is the name and the place may follow (`Cụm thi đua số 9 thành phố Hà Nội`); `Sơ kết thi
# đua Khối 9 tháng đầu năm` is a period after the bloc's word, no number of it
_NUM = re.compile(r"\s+(?:(?P<so>[Ss]ố|SỐ)\s+(?P<sn>[IVXL]+|\d+)(?![\w/]|[.,]\d)|"
                  r"(?P<n>[IVXL]+|\d+)(?![\w/]|[.,]\d)(?!\s*(?:tỉnh|thành|đơn|cơ|huyện|sở|%|người|tháng)))")
_NUM_PLACE = re.compile(r"\s+(?:của\s+)?(tỉnh|thành phố)\s+")
_STOP = frozenset(
    "tổ gồm bao đã sơ tổng ký phát vừa có là được năm trong tại sẽ làm do với cho đạt hiện diễn "
    "triển thực tiếp nhằm của về theo đến ngày lần giai đợt họp chủ thống bình suy nhận đề đăng khai "
    "đánh nhiệm hoàn luôn cũng đều còn và ở thuộc này trên khi vì nên để thi "
    # predicates that follow a lower-case class name (`các sở, ngành tích cực …`)
    "tích phối góp nỗ bám".split()
)
_WORD = re.compile(r"\s*(?P<w>[^\s,.;:()“”\"–—!?]+)")
_MULTI_PLACE = re.compile(r"(?:\d+|các)\s+tỉnh|miền|\b[Bb]ộ\b|Tây Nguyên|đồng bằng|Đồng bằng|duyên hải|khu vực")
# also after the year that heads the sentence (`Năm 2016, Khối có 6 đơn vị: …`) or a clause that
# does (`Sau khi sắp xếp bộ máy theo Quyết định …, Khối gồm 6 thành viên: …`: `Khối` capitalised
# after a comma is the bloc, the subject of the main clause)
_BARE_SUBJECT = re.compile(r"(?:^|(?<=[.\n,]\s)|(?<=\n))(?:[Nn]ăm\s+\d{4}\s*,?\s+)?(?:Khối|Cụm)(?:\s+thi đua)?\s+(?:hiện\s+)?"
                           r"(?:(?:có\s+\d+[^.:;]{0,30}?\s+)?(?:gồm|bao gồm)|có\s+\d+\s+(?:đơn vị|thành viên|cơ quan)[^.:;]{0,20}:)",
                           re.M)
# `Khối thi đua Nội chính tỉnh X năm 2023 có 8 thành viên.` (no list follows, so no `gồm`)
_HAS_COUNT = re.compile(r"\s*(?:năm\s+\d{4}\s*)?,?\s*(?:hiện\s+|hiện nay\s+)?(?:có|gồm có|với)\s+(\d+)\s+"
                        r"(?:đơn vị(?: thành viên)?|thành viên|cơ quan(?:, đơn vị)?)(?![\w])")
# a class tail that names its own place (`… thuộc UBND huyện Thọ Xuân`): no province added
_TAIL_PLACE = re.compile(r"(?:huyện|thị xã|quận|thành phố|tỉnh)\s+[A-ZĐ]")
# a body kind and its level after a cluster's number (`Tòa án nhân dân cấp huyện`, `Công an hai cấp`)
_LEVEL_TAIL = re.compile(r"\s+([A-ZĐ][\w]*(?:\s+[\w]+){0,4}?\s+(?:cấp\s+(?:huyện|xã|tỉnh|cơ sở)|hai\s+cấp))(?![\w])")
# (a district's own blocs end with the district: `Khối 01 huyện Bắc Trà My`, no province after it)
_OWN_PLACE_END = re.compile(r"\s(?:tỉnh|thành phố|huyện|quận|thị xã)\s+[A-ZĐ][^\s,]*(?:\s+[A-ZĐ][^\s,]*)*$")
_DISTRICT_BODY = re.compile(r"(?:huyện|thị xã|quận|thành phố) (\S.*)$")
# the stop words that are verbs only with their second syllable (`tổ chức`, `tổng kết`)
_VERB_PAIR = {"tổ": "chức", "tổng": "kết", "sơ": "kết", "ký": "kết"}
_REGION_PHRASE = re.compile(r"\s+((?:miền|vùng)\s+[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,4})")
_PAIR_DASH = re.compile(r"\s*[–-]\s*")
_OF_NATURE = re.compile(r" tính chất (?=\w)")
_GEO_OK = frozenset({"bộ", "bằng", "sông", "và"})


@dataclass
class Variant:
    head: str            # Khối / Cụm
    desc: str            # descriptor as written, place removed
    place: str | None    # `tỉnh Bắc Ninh`, bare `tỉnh`, or None
    numbered: bool
    start: int
    end: int
    has_td: bool
    # the class of bodies a numbered bloc gathers, as written after its number (`các xã,
    # phường`, `các phòng, ban chuyên môn thuộc UBND huyện Thọ Xuân`); kept out of `desc` so the
    # numbered variants of one bloc still share their core
    tail: str = ""

    @cached_property
    def core(self) -> str:
        s = self.desc.lower().replace(",", " ").replace("–", "-")
        for w in ("các cơ quan", "số", "các"):
            s = re.sub(rf"(?:^|\s){w}(?=\s|$)", " ", s)
        # `Cụm thi đua số 01` (body) is `Cụm thi đua số 1` (headline), and so is `số I`
        if self.numbered and re.fullmatch(r"[ivxl]+", s.strip()):
            return str(_roman(s.strip()))
        return " ".join(w.lstrip("0") or "0" if w.isdigit() else w for w in s.split())


def _roman(s: str) -> int:
    vals = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        total += -vals[a] if vals.get(b, 0) > vals[a] else vals[a]
    return total


@dataclass
class Bloc:
    variants: list[Variant] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    member_count: int | None = None
    leader: str | None = None
    deputies: list[str] = field(default_factory=list)
    next_leader: dict | None = None
    # deputies named together with next year's leader (`suy tôn X làm Trưởng khối năm 2020, Y làm
    # Phó trưởng khối`): next year's, so not `deputy_leaders` (which are the bloc's year's); the
    # contract has no field for them, they go out in the extra key `next_deputy_leaders`
    next_deputies: list[str] = field(default_factory=list)
    # a role written with a year before the bloc's (`X - đơn vị Trưởng cụm năm 2018 bàn giao cờ
    # luân lưu cho Y` in an article on the 2019 pledge): that year's leader, not this year's;
    # it goes out as its own bloc-year (year → leader)
    prior_leaders: dict[int, str] = field(default_factory=dict)
    # next year's leader was voted, assigned or handed the flag (not merely stated with a year)
    next_chosen: bool = False
    # the year of the bloc's roles when it is not the article's facts year (bloc_roles.current_roles)
    year: int | None = None
    # the body written right after the bloc's name (_written_parent), by whether Party bodies count
    written: dict = field(default_factory=dict)

    @property
    def numbered(self) -> bool:
        return any(v.numbered for v in self.variants)


# after `các Bộ,` / `các sở, ban,`: the next items of a class of bodies (`các Bộ, ngành kinh tế`)
# (`trung` of `trung cấp`, `trung tâm`: `các trường đại học, cao đẳng, trung cấp chuyên nghiệp`)
_CLASS_NOUNS = frozenset("ngành ban sở đoàn cơ đơn hội huyện quận thị thành xã phường doanh trường viện cục chi địa phòng "
                         "trung".split())
_CLASS_AFTER = re.compile(r"\s+(?:tỉnh|[Bb]ộ|[A-ZĐ]|(?:" + "|".join(_CLASS_NOUNS) + r")(?![\w]))")


@lru_cache(maxsize=1)
def _zone_kinds() -> frozenset[str]:   # data/bloc_abbreviations.tsv rows written out as `khu …`
    return frozenset(abbr for abbr, full in abbreviations().items() if full.startswith("khu "))


def _zone_item(text: str, pos: int) -> bool:
    """A zone kind starts at `pos`: `KCN`, `KKT` or written out `khu kinh tế` (a `khu` and its kind)."""
    m = _WORD.match(text, pos)
    return bool(m and (m.group("w") in _zone_kinds() or m.group("w").lower() == "khu"))


def _comma_goes_on(text: str, end: int, words: list[str], commas: int) -> bool:
    """A comma inside a class of bodies (`các sở, ban, ngành`, `Thanh tra các Bộ, ngành …`)."""
    nm = _WORD.match(text, end + 1)
    if not nm:
        return False
    # `Ban Quản lý các KCN, KCX, KKT các tỉnh …`, `… khu công nghiệp, khu kinh tế`: a list of the
    # zone kinds whose boards the bloc gathers goes on over its commas
    if commas < 4 and _zone_item(text, nm.start("w")) and (
            words[-1].rstrip(",") in _zone_kinds() or any(x.lower() == "khu" for x in words[-4:])):
        return True
    w = nm.group("w").lower()
    if w == "mặt" and text.startswith("Mặt trận", nm.start("w")):
        return "các" in words         # `các cơ quan Đảng, Mặt trận và đoàn thể`
    if not nm.group("w")[:1].islower():
        return False
    # (a class is written in lower case: after a named place, `các tỉnh Nam Bô, tập trung …`, the
    # comma ends the name unless another class of bodies follows)
    named = any(x[:1].isupper() for x in words[1:])
    if words[0] == "các" and commas == 0 and not named and (w not in _STOP or text[nm.end():nm.end() + 4] == " hợp"):
        return True
    return "các" in words and commas < 3 and w in _CLASS_NOUNS


_AND_DOMAIN = re.compile(r"\s+các\s+(?P<d>\S+\s+[^\s,.;:()]+)")


def _and_domain(text: str, pos: int) -> bool:
    """`và các đoàn thể`: `và` joins a field of work (data/bloc_domains.tsv) to the bloc's name."""
    m = _AND_DOMAIN.match(text, pos)
    # `MTTQ và các tổ chức chính trị - xã hội`: a class of bodies follows, as a field would
    return bool(m and (m.group("d").lower() in gz.bloc_domains() or m.group("d").startswith("tổ chức")))


def _domain_at(text: str, m: re.Match) -> bool:
    """The word `m` and the next one are a field of work (data/bloc_domains.tsv)."""
    m2 = _WORD.match(text, m.end())
    return bool(m2 and m2.start("w") == m.end() + 1
                and f"{m.group('w')} {m2.group('w')}".lower() in gz.bloc_domains())


def _descriptor(text: str, pos: int) -> tuple[str, int]:
    """The words after `Khối thi đua` that name the bloc, and where they end."""
    words, end, commas = [], pos, 0
    first = None
    seen_cap, run = False, 0
    domain_tail = False
    while len(words) < 12:
        if words and words[-1] in ("tỉnh", "phố"):
            # `… 5 tỉnh phía Bắc đồng bằng sông Hồng`, `các tỉnh duyên hải Nam Trung Bộ`
            r = gz.region_re().match(text, end)
            if r and "\n" not in r.group(0):
                words.append(r.group(1))
                end = r.end()
                nx = _WORD.match(text, end)
                if nx and nx.group("w")[:1].islower() and nx.group("w") != "và":
                    break                     # the region ends the name (`… phía Bắc xác định …`)
                continue
            r = _REGION_PHRASE.match(text, end)
            if r:
                # `các tỉnh miền Tây Nam sông Hậu`: a region the gazetteer does not list, up to
                # the predicate
                region = r.group(1).split()
                cut = next((i for i, x in enumerate(region) if i and x.lower() in _STOP), len(region))
                words.append(" ".join(region[:cut]))
                end = r.start(1) + len(" ".join(region[:cut]))
                continue
        m = _WORD.match(text, end)
        if not m or "\n" in text[end:m.start("w")]:
            break
        if words and words[-1] in ("tỉnh", "phố"):
            # `tỉnh Ninh Bình`, `tỉnh Thái Bình`: the province is read whole (its syllables may
            # be words that end a name elsewhere: `bình xét`) and ends the name
            pm = gz.province_re().match(text, m.start("w"))
            if pm:
                words.append(pm.group(1))
                end = pm.end()
                break
        if words and words[-1] not in ("tỉnh", "phố"):
            # a province written without its word ends the name: `Nội chính TP.HCM`, `Nội
            # chính Bắc Ninh` → `… thành phố Hồ Chí Minh`, `… tỉnh Bắc Ninh`
            pm = gz.province_re().match(text, m.start("w"))
            pair = pm and _PAIR_DASH.match(text, pm.end())
            if pair and gz.province_re().match(text, pair.end()):
                # `… Long An – Vĩnh Long`: a bloc of two provinces' bodies, the pair as written
                p2 = gz.province_re().match(text, pair.end())
                words.append(text[pm.start():p2.end()])
                end = p2.end()
                break
            if pm:
                name = gz.official(pm.group(1))
                words += [*gz.kind_of(name).split(), name]
                end = pm.end()
                break
        w = m.group("w")
        ct = w == "có" and words and _OF_NATURE.match(text, m.end())
        if ct and _domain_at(text, _WORD.match(text, ct.end() - 1)):
            # `các Hội có tính chất đặc thù`: the nature of the bodies, then a field of work
            words += ["có", "tính", "chất"]
            end = ct.end() - 1
            continue
        in_domain = domain_tail or bool(words and w[:1].islower() and _domain_at(text, m))
        if domain_tail:
            domain_tail = False               # the second syllable of a field of work
        elif in_domain:
            # `Kinh tế tổng hợp`, `các cơ quan văn hóa`: a field of work written in lower case
            # is part of the name, not the predicate that ends it (nor a step towards one)
            domain_tail = True
        elif w.lower() == "và" and commas and _CLASS_AFTER.match(text, m.end()):
            seen_cap, run = False, -1         # `…, Mặt trận và đoàn thể`: the class list goes on
        elif w == "khu" and words and words[-1].lower() in ("lý", "các"):
            seen_cap, run = False, -1         # `Ban Quản lý khu kinh tế, khu công nghiệp …`: a zone kind
        elif w.lower() == "và" and _and_domain(text, m.end()):
            seen_cap, run = False, -1         # `Mặt trận và các đoàn thể`: a field of work follows
        elif w.lower() in _STOP and not (w.lower() == "và" and words and words[-1][:1].isupper()
                                       and text[m.end():m.end() + 2].strip()[:1].isupper()) \
                and not (w[:1].isupper() and w.lower() in _VERB_PAIR
                         and not text[m.end():m.end() + 6].lower().startswith(" " + _VERB_PAIR[w.lower()])) \
                and not (w == "tổ" and words and words[-1] == "các") \
                and not (w == "Thi" and text.startswith(" hành án", m.end())):
            # (`Tổng hợp`, `Tổ quốc` capitalised are a name's words, `tổng kết` / `Tổ chức` the
            # verbs; `các tổ chức xã hội` a class of bodies, `… tỉnh tổ chức hội nghị` the verb;
            # `các Chi cục Thi hành án dân sự` a body's name)
            break
        if re.fullmatch(r"\d{4}", w):
            break
        if w.isdigit() and not re.match(r"\s+(?:tỉnh|thành phố|đơn vị|huyện|đóng trên địa bàn)", text[m.end():m.end() + 20]):
            break                             # (`các cơ quan Trung ương 1 đóng trên địa bàn …`)
        if words and text.startswith("đóng trên địa bàn ", m.start("w")):
            # `các cơ quan Trung ương đóng trên địa bàn tỉnh`: where the bodies sit is part of the name
            words += ["đóng", "trên", "địa", "bàn"]
            end = m.start("w") + len("đóng trên địa bàn")
            continue
        if w[:1].isupper() and w.lower() != "các":
            seen_cap, run = True, 0
        elif w == "các" and _CLASS_AFTER.match(text, m.end()):
            run = -1                          # `Thanh tra các tỉnh …`, `Công an các huyện`: a class follows
        elif w[:1].islower() and not in_domain:
            run += 1
            # `Nội chính`, `Kinh tế`: one lower-case syllable after a capital belongs to the
            # name; a second one (`Kinh tế - Kỹ thuật đỡ đầu`) starts the predicate.
            if seen_cap and run >= 2 and w not in _GEO_OK and w not in ("tỉnh", "thành", "phố"):
                break
        if first is None:
            first = w
        words.append(w)
        end = m.end()
        nxt = text[end:end + 3]
        if nxt.startswith((" - ", "-", " – ")):
            # `Văn hóa - Xã hội`; lower case on both sides too (`ngành văn hóa - xã hội`); an en
            # dash as written (`Mặt trận – Đoàn thể`)
            dash = re.match(r"\s?[-–]\s?(?=[A-ZĐ])", text[end:end + 4]) or (
                w[:1].islower() and re.match(r" [-–] (?=[^\W\d_])", text[end:end + 4]))
            if dash:
                words[-1] = words[-1] + (" –" if "–" in dash.group(0) else " -")
                end += dash.end()
                continue
        if nxt.startswith(",") and _comma_goes_on(text, end, words, commas):
            words[-1] += ","
            end += 1
            commas += 1
            seen_cap, run = False, 0          # the class's own words are lower case
            continue
        if not re.match(r"\s+\S", text[end:end + 2]):
            break
    desc = " ".join(words).replace(" - ", " - ").replace(" -", " -")
    desc = re.sub(r"\s-\s?", " - ", desc.replace(" -", " -"))
    return desc.strip(), end


# (also after `khối`: `cụm thi đua số 1 khối các huyện, thành phố`)
_CLASS_TAIL = re.compile(r"\s+(?:khối\s+)?các\s+(?:" + "|".join(sorted(_CLASS_NOUNS)) + r")(?![\w])")
_OWNER = re.compile(r"\s+thuộc\s+")


def _class_tail(text: str, end: int) -> tuple[str, int]:
    """The class of bodies written after a bloc's number (`Cụm thi đua số 3 các xã, phường`),
    with the body they belong to (`… thuộc UBND huyện Thọ Xuân`): part of the bloc's fullest
    name. (`Cụm thi đua số II thuộc khối …` has no class, so its `thuộc` ends the name.)"""
    tail, t_end = _descriptor(text, end)
    own = _OWNER.match(text, t_end)
    if own:
        found = find_mentions(text[own.end():own.end() + 90])
        if found and found[0].start == 0:
            t_end = own.end() + found[0].end
            tail = text[end:t_end].strip()
    return tail, t_end


def _numbered_domain(desc: str) -> bool:
    """`ngân hàng I`, `doanh nghiệp 2`: a field of work (data/bloc_domains.tsv) and the bloc's
    number, a name even in lower case."""
    m = re.fullmatch(r"(\S+ \S+) (?:[IVXL]+|\d{1,2})(?: (?:tỉnh|thành phố) .+)?", desc)
    return bool(m and m.group(1).lower() in gz.bloc_domains())


_INNER_HEAD = re.compile(r"\s+(Khối|khối|Cụm|cụm|KHỐI|CỤM)(?=\s)")


def find_variants(text: str) -> list[Variant]:
    out = []
    rx = gz.province_re()
    for m in _HEAD.finditer(text):
        if out and m.start() < out[-1].end:
            continue                          # inside the last name (`số 1 khối các huyện …`)
        before = text[max(0, m.start() - 6):m.start()]
        if re.search(r"ủy\s+$|[Đđ]ảng\s+$", before):
            continue                          # `Đảng ủy Khối` is a Party committee
        if re.search(r"(?:các|những|mỗi|từng)\s+$", before):
            continue                          # `các khối thi đua thuộc tỉnh`: a class of blocs, not one
        head = m.group("h").capitalize()
        has_td = bool(m.group("td"))
        if not has_td and re.search(r"(?:[Tt]rưởng|[Pp]hó)\s+$", text[max(0, m.start() - 8):m.start()]):
            continue                          # `làm Trưởng khối Khối …`: a role word, not a name
        if not has_td and re.match(r"\s+(?:trưởng|phó)(?![\w])", text[m.end():m.end() + 8], re.I):
            continue                          # `CỤM TRƯỞNG`, `Khối phó`: a role word
        n = _NUM.match(text, m.end())
        if n:
            desc = ("số " + n.group("sn")) if n.group("so") else n.group("n")
            place, end = None, n.end()
            pl = _NUM_PLACE.match(text, end)
            pr = pl and rx.match(text, pl.end())
            if pr and gz.kind_of(gz.official(pr.group(1))) == pl.group(1):   # not the city `thành phố Hà Tĩnh`
                place, end = f"{gz.kind_of(gz.official(pr.group(1)))} {gz.official(pr.group(1))}", pr.end()
            tail = ""
            lv = _LEVEL_TAIL.match(text, end) if place is None else None
            if lv:
                # `Cụm thi đua số 1 Tòa án nhân dân cấp huyện tỉnh Lạng Sơn`: the level of the bodies
                # it gathers is part of the name, and the province may follow it
                tail, end = lv.group(1), lv.end()
                pl = _NUM_PLACE.match(text, end)
                pr = pl and rx.match(text, pl.end())
                if pr and gz.kind_of(gz.official(pr.group(1))) == pl.group(1):
                    place, end = f"{pl.group(1)} {gz.official(pr.group(1))}", pr.end()
            elif place is None and _CLASS_TAIL.match(text, end):
                tail, end = _class_tail(text, end)
                pt = re.search(r"\s+(tỉnh|thành phố)\s+(.+)$", tail)
                if pt and rx.fullmatch(pt.group(2)):      # `các xã, phường tỉnh Tuyên Quang`
                    place = f"{pt.group(1)} {gz.official(pt.group(2))}"
                    tail = tail[:pt.start()]
            out.append(Variant(head, desc, place, True, m.start(), end, has_td, tail))
            continue
        inner = _INNER_HEAD.match(text, m.end()) if head == "Khu vực" else None
        desc, end = _descriptor(text, inner.end() if inner else m.end())
        if not desc:
            continue
        if inner:       # `Khu vực thi đua Khối cơ quan tư pháp …`: the bloc's kind is in its name
            desc = f"{inner.group(1).lower()} {desc}"
        if not (desc[:1].isupper() or desc[:1].isdigit() or desc.startswith(("các ", "khối ", "cụm "))
                or re.match(r"cơ quan [A-ZĐ]", desc)     # `Khối cơ quan Nội chính tỉnh`
                or _numbered_domain(desc)):            # `khối ngân hàng I`
            continue                          # `khối thi đua nhấn mạnh`: no name follows
        desc = re.sub(r"(?<=\w)-(?=[A-ZĐ])", " - ", desc)
        # `Khối thi đua VH - XH` is the `Văn hóa - Xã hội` bloc written elsewhere in full: one core
        desc = expand_abbreviations(desc)
        if desc.lower().startswith(("thi đua", "giao ước")):
            continue
        place = None
        pm = re.search(r"\s*(?:tỉnh|thành phố)(?:\s+(?P<p>.+))?$", desc)
        if pm and (pm.group("p") is None or rx.fullmatch(pm.group("p"))):
            word = "thành phố" if "thành phố" in pm.group(0) else "tỉnh"
            place = f"{word} {gz.official(pm.group('p'))}" if pm.group("p") else word
            desc = desc[: pm.start()].strip()
        tp = re.search(r"\s+(?:TP|Tp)\.?$", desc)
        if tp:
            # `Khối thi đua Nội chính TP gồm …`, `các quận TP Cần Thơ`: the abbreviation is the
            # place word of a centrally-run city, not part of the bloc's descriptor
            desc, place = desc[:tp.start()], place or "thành phố"
        if not desc or desc.lower() in ("các", "các cơ quan", "cơ quan", "của"):
            continue
        out.append(Variant(head, desc, place, False, m.start(), end, has_td))
    return out


def group_variants(variants: list[Variant]) -> list[Bloc]:
    """One Bloc per distinct bloc: same core, or one core inside the other; with one numbered
    bloc in the article, the descriptive names are taken as its other names."""
    blocs: list[Bloc] = []
    numbered_cores = {v.core for v in variants if v.numbered}
    # one numbered bloc and one descriptive name: two names of the same bloc; several
    # descriptive names beside it (`Công an tỉnh (Khối Nội chính); …; UBND huyện (Cụm số 2)`)
    # are different blocs
    aliases = len(numbered_cores) == 1 and len({v.core for v in variants if not v.numbered}) <= 1
    for v in variants:
        target = None
        for b in blocs:
            cores = {x.core for x in b.variants}
            if v.core in cores or (not v.numbered and folded(v.core) in {folded(c) for c in cores}):
                target = b
                break
            if v.core and not v.numbered and not b.numbered and any(
                    re.search(rf"(?:^|\s){re.escape(v.core)}(?:\s|$)", c) or re.search(rf"(?:^|\s){re.escape(c)}(?:\s|$)", v.core)
                    or shortened(v.core, c) or shortened(c, v.core)
                    for c in cores if c):
                target = b
                break
        if target is None and aliases and blocs:
            if not v.numbered:
                target = next((b for b in blocs if b.numbered), None)
            elif not any(b.numbered for b in blocs):
                target = blocs[0]
        if target is None:
            blocs.append(Bloc([v]))
        else:
            target.variants.append(v)
    return blocs


def _ends_with_pair(desc: str) -> bool:
    """`… Long An – Vĩnh Long`: the name ends with the two provinces whose bodies it gathers."""
    pe = re.search(r"\s[–-]\s(.+)$", desc)
    return bool(pe and gz.province_re().fullmatch(pe.group(1)))


def bloc_name(b: Bloc, ctx) -> str:
    return expand_abbreviations(_bloc_name(b, ctx))


def _bloc_name(b: Bloc, ctx) -> str:
    # `Khối thi đua MTTQ … (Khối thi đua 6)`, `Khối thi đua số 3 (Khối nội chính)`: a name in
    # brackets after the bloc's full name (with `thi đua`) is its other name, wherever else it is
    # written; between two short forms (`Khối Văn hóa Xã hội (Khối III)`) the number names it
    aliases = {v.core for v in b.variants if ctx.text[v.start - 1:v.start] == "("}
    vs = [v for v in b.variants if v.core not in aliases]
    if not any(v.has_td for v in vs):
        vs = b.variants
    numbered = [v for v in vs if v.numbered]
    if numbered and not any(v.has_td for v in numbered) and any(v.has_td for v in vs if not v.numbered):
        numbered = []       # `Cụm IX` (headline) beside `Cụm thi đua Thanh tra các tỉnh …` (body)
    if numbered:
        best = max(numbered, key=lambda v: (v.desc.startswith("số"), v.has_td, len(v.desc)))
        head = best.head
        tail = max((v.tail for v in numbered), key=len)
        name = " ".join(x for x in (head, "thi đua", best.desc, tail) if x)
        # a province's own numbered bloc (its districts, or its departments) ends with the
        # province; a cluster of provinces (`Cụm thi đua số V` of the inspectorates) does not
        bodies = {m.name for m in b.members} | set(b.deputies) | ({b.leader} if b.leader else set())
        # a cluster of district-level bodies (`UBND huyện …`, `Ủy ban MTTQ thành phố Pleiku`)
        district = any(m.name.startswith(("Ủy ban nhân dân huyện", "Thanh tra huyện")) for m in b.members) or any(
            _DISTRICT_BODY.search(n) and _DISTRICT_BODY.search(n).group(1) in gz.district_kinds() for n in bodies)
        local = ctx.province and len(bodies) >= 2 and all(
            n.endswith(" " + ctx.province_suffix) for n in bodies)
        # a bare `thành phố` (`khối thi đua Thanh tra các tỉnh, thành phố` beside it) names no place
        written = next((v.place for v in vs if v.place and v.place not in ("tỉnh", "thành phố")), None)
        if written:                   # `Cụm thi đua số 9 thành phố Hà Nội`, as written
            return f"{name} {written}"
        if _written_parent(b, ctx, party=True):
            return name               # `Cụm thi đua 6 Ban Tuyên giáo Thành ủy TPHCM`: a system's cluster
        # a numbered `Khối` is how a province numbers its sector blocs (`Khối thi đua số 3 (Khối
        # nội chính)`); a ministry's or sector's numbered bloc writes its system after the number
        own_khoi = best.head == "Khối" and len({p for n in bodies for p in _places_of(n)}) < 2
        if (district or local or own_khoi) and ctx.province and not _TAIL_PLACE.search(tail):
            name += f" {ctx.province_suffix}"
        return name
    # a headline in capitals (`KHỐI THI ĐUA CÁC CƠ QUAN NỘI CHÍNH …`) names it only when nothing else does
    pool = [v for v in vs if not v.numbered] or vs
    cased = [v for v in pool if not v.desc.isupper()] or pool
    # (the hyphen the contract writes beats an en dash written elsewhere for the same name)
    best = max(cased, key=lambda v: (len(v.desc), v.has_td, "–" not in v.desc))
    # (unless it adds the system of the bloc's bodies to the body's name: bloc_headline.py)
    full = next((v for v in pool if v.desc.isupper() and not best.desc.isupper() and fuller(v.core, best.core)), None)
    if full:
        body = ctx.text[:full.start] + " " * (full.end - full.start) + ctx.text[full.end:]
        best = Variant(best.head, recase(full.desc, body, str.capitalize), best.place, False, full.start, full.end, True)
    if best.desc.isupper() and " " in best.desc:     # (a lone `ANND` is an abbreviation, kept)
        best = Variant(best.head, sentence_case(best.desc), best.place, best.numbered, best.start, best.end, best.has_td)
    head = best.head
    # `các huyện, thành phố` ends on a bare `thành phố` (a class of bodies), which names no place
    place = next((v.place for v in vs if v.place and v.place not in ("tỉnh", "thành phố")), None)
    bare = any(v.place == "tỉnh" for v in vs)
    if place is None and ctx.province and not _MULTI_PLACE.search(best.desc) and not police_field(best.desc):
        place = ctx.province_suffix
    if place is None and bare:
        place = "tỉnh"
    desc = re.sub(r"^Các ", "các ", best.desc)      # `Khối thi đua các cơ quan …` (contract)
    if desc.endswith(",") and best.place:
        # `các huyện, thành phố`: the place word closes a list of classes, it is part of the name
        desc = f"{desc} {best.place}"
    if _OWN_PLACE_END.search(desc) or _ends_with_pair(desc):
        place = None                # `các huyện, thành phố tỉnh Cà Mau` already ends with its province
    sector = re.match(r"(.+?)\s+các\s+(?:huyện|quận|thị xã|xã|phường)(?![\w])", desc)
    if sector and gz.agency_head_re()[0].fullmatch(sector.group(1)):
        place = None                # `Khối thi đua Công an các huyện, thị xã, thành phố`: a sector's
        #                             bloc of its district units, run by the sector, not the province
    return " ".join(x for x in (head, "thi đua", desc, place) if x)



def extract_blocs(doc) -> list[dict]:
    ctx = doc._.ctx
    text = ctx.text
    spans = sentence_spans(text)
    # a bloc named only in the page's tail (`Tin liên quan` teasers) is another article's
    stop = ctx.body_end if ctx.body_end is not None else len(text)
    variants = [v for v in find_variants(text) if v.start < stop]
    blocs = group_variants(variants)
    if not blocs:
        return []
    # members: a `gồm` list in a sentence that names the bloc
    for b in blocs:
        for v in sorted(b.variants, key=lambda v: v.start):
            s0, e0 = sentence_of(spans, v.start)
            if not b.members:
                members, count = find_member_list(ctx, v.start, e0)
                if members:
                    b.members = members
                if count and b.member_count is None:
                    b.member_count = count
        if len(blocs) == 1 and not b.members:
            # `Khối gồm 6 đơn vị: …`, `Cụm hiện có 5 thành viên gồm …`: the bloc as the bare
            # subject of the sentence that lists its members
            for bm in _BARE_SUBJECT.finditer(text):
                members, count = find_member_list(ctx, bm.start(), sentence_of(spans, bm.start())[1])
                b.member_count = b.member_count or count    # `Khối gồm 8 đơn vị, do …`: no list
                if members:
                    b.members = members
                    break
        if b.member_count is None:
            for v in b.variants:
                c = _HAS_COUNT.match(text, v.end)
                if c:
                    b.member_count = int(c.group(1))
                    break
        if b.member_count is None:
            for v in b.variants:
                c = re.match(r"(?:Thanh tra\s+|thanh tra\s+)?(\d+)\s+(?:tỉnh|thành phố|đơn vị)", v.desc)
                if c:
                    b.member_count = int(c.group(1))
    if len(blocs) == 1 and not blocs[0].members:
        for s0, e0 in spans:
            found, count = province_list_members(ctx, s0, e0)
            if found:
                blocs[0].members = found
                blocs[0].member_count = blocs[0].member_count or count
                break
        if not blocs[0].members:
            blocs[0].members = units_list_members(ctx, spans)[0]
        if not blocs[0].members:
            blocs[0].members = paren_provinces(ctx, blocs[0].variants)
        if not blocs[0].members:
            blocs[0].members = paren_members(doc)
        if not blocs[0].members:
            blocs[0].members = _dedupe(ranked_members(doc, spans))
    unlisted = {id(b) for b in blocs if not b.members}
    for b, mem in stated_members(doc, blocs, spans) + fellow_members(doc, blocs, spans):
        # `X là thành viên Khối …`, `X … cùng 8 đơn vị trong Khối`: the members the article names
        # when it lists none
        if id(b) in unlisted:
            b.members.append(mem)
    apply_tables(ctx, blocs, stop)
    year = bloc_year(ctx)
    listed = heading_roles(ctx, blocs, doc._.agency_mentions, stop, year)
    assign_roles(doc, blocs, spans, listed, year)
    for b in blocs:
        for mem in b.members:
            if mem.role == "leader" and b.leader is None:
                b.leader = mem.name
            elif mem.role == "deputy" and mem.name not in b.deputies:
                b.deputies.append(mem.name)
    current_roles(blocs, ctx)
    out = []
    for b in blocs:
        _align_members_to_leader(b, text)
        members = [m.name for m in _dedupe(b.members)]
        first = min(v.start for v in b.variants)
        name = bloc_name(b, ctx)
        out.append({
            "name": name,
            "parent": _parent(b, ctx, name),
            "year": b.year or year,
            "members": members,
            "member_count": b.member_count,
            "leader": b.leader,
            "deputy_leaders": b.deputies,
            "next_leader": b.next_leader,
            "next_deputy_leaders": b.next_deputies,
            "start": first,
            "end": max(v.end for v in b.variants),
        })
        for name in members + [b.leader] + b.deputies + b.next_deputies + [(b.next_leader or {}).get("agency")]:
            add_agency(doc, name)
        current = out[-1]
        for year, agency in sorted(b.prior_leaders.items()):
            if agency == b.leader:
                continue
            out.append({"name": current["name"], "parent": current["parent"], "year": year, "members": [],
                        "member_count": None, "leader": agency, "deputy_leaders": [], "next_leader": None,
                        "next_deputy_leaders": [], "start": first, "end": current["end"]})
            add_agency(doc, agency)
    return out


_COMMITTEE = "Ủy ban nhân dân "


def _align_members_to_leader(b: Bloc, text: str) -> None:
    """The leader is one of the members: when members were read from a list of provinces
    (`Sở VHTTDL các tỉnh: …`) and the leader is `Thanh tra Sở VHTTDL tỉnh X`, the members are
    the same kind of body as the leader. Provinces listed bare (`gồm Hà Nội, TP.HCM và Hải
    Phòng`) were read as their People's Committees; when the leader is another body of one of
    them (`Công an TP Hà Nội (Đơn vị cụm trưởng)`), every member is that body."""
    if not b.leader or not b.members or any(m.name == b.leader for m in b.members):
        return
    bare = all(m.name.startswith(_COMMITTEE) and not re.search(r"UBND|[Ủủ]y ban", text[m.start:m.end])
               for m in b.members)
    lead = re.match(r"(.+?) ((?:tỉnh|thành phố) .+)$", b.leader)
    if bare and lead and not b.leader.startswith(_COMMITTEE) and any(
            m.name == _COMMITTEE + lead.group(2) for m in b.members):
        for x in b.members:
            x.name = f"{lead.group(1)} {x.name[len(_COMMITTEE):]}"
        return
    for m in b.members:
        if b.leader.endswith(" " + m.name):
            prefix = b.leader[: -len(m.name)]
            for x in b.members:
                x.name = prefix + x.name
            return
        tail = re.search(r"(?:tỉnh|thành phố) (.+)$", m.name)
        if tail and b.leader.endswith(tail.group(1)) and re.search(r"(?:Tỉnh|Thành) ủy", b.leader):
            head = re.sub(r"\s+(?:Tỉnh|Thành) ủy.*$", "", b.leader)
            for x in b.members:
                t = re.search(r"(tỉnh|thành phố) (.+)$", x.name)
                if t:
                    x.name = f"{head} {'Thành ủy' if t.group(1) == 'thành phố' else 'Tỉnh ủy'} {t.group(2)}"
            return


def _dedupe(members: list[Member]) -> list[Member]:
    seen, out = set(), []
    for m in members:
        if m.name not in seen:
            seen.add(m.name)
            out.append(m)
    return out


# What may stand between a bloc's name and the body that runs it: `Cụm thi đua số V, Thanh tra
# Chính phủ`, `Cụm thi đua số VII – Thanh tra Chính phủ`, `Cụm thi đua số 3 thuộc Bộ Tư pháp`.
_PARENT_LINK = re.compile(r"\s*(?:(?P<comma>,)|[–—-]|\(|của\b|thuộc\b)?\s*")
_INSPECTORATE = re.compile(r"Thanh tra (?:tỉnh|thành phố|Bộ) (.+)$")


_PLACE_OF = re.compile(r"(?:tỉnh|thành phố) ")


def _places_of(name: str) -> set[str]:
    """The provinces a body's name is placed in, read with the province gazetteer (a name that
    runs on after its province, `Ban Bảo vệ tỉnh Cà Mau chăm sóc …`, is still of that province)."""
    rx = gz.province_re()
    return {gz.official(pm.group(1)) for m in _PLACE_OF.finditer(name) if (pm := rx.match(name, m.end()))}


def _written_parent(b: Bloc, ctx, party: bool = False) -> str | None:
    """The body written right after the bloc's name, which runs it (`Cụm thi đua số V, Thanh tra
    Chính phủ`); a Party body counts when `party` (`Cụm thi đua 6 Ban Tuyên giáo Thành ủy`)."""
    if not b.written:                 # one pass for both answers: each reads the gazetteer
        b.written.update({True: None, False: None})
        text = ctx.text
        for v in b.variants:
            link = _PARENT_LINK.match(text, v.end)
            start = link.end() if link else v.end
            found = find_mentions(text[start:start + 90], ctx)
            if found and found[0].start == 0 and (
                    found[0].kind in ("none", "party") or not (link and link.group("comma"))):
                b.written[True] = b.written[True] or found[0].name
                if not found[0].party:
                    b.written[False] = found[0].name
                    break
            owner = _owner_after_list(text, v.end, ctx)
            if owner:
                b.written[True] = b.written[True] or owner
                b.written[False] = b.written[False] or owner
    return b.written[party]


# `Cụm thi đua số 4 gồm các huyện A, B và C thuộc Hội Nông dân tỉnh X tổ chức …`
_LIST_THEN_OWNER = re.compile(r"\s+(?:gồm|bao gồm|gồm có)\s+[^.:;\n]{3,200}?\s(?:thuộc|của)\s+")


def _owner_after_list(text: str, end: int, ctx) -> str | None:
    """The system a cluster belongs to, written after its member list (`Cụm thi đua số 4 gồm các
    huyện …, Ứng Hòa và Phú Xuyên thuộc Hội Nông dân …`); not the province's People's Committee
    (its own blocs), nor the members' parent after a class noun (`gồm các trường thuộc Sở …`)."""
    m = _LIST_THEN_OWNER.match(text, end)
    if not m or re.search(r"(?:trường|đơn vị|phòng|ban|xã|phường)\s+(?:thuộc|của)\s+$", text[m.start():m.end()]):
        return None
    found = find_mentions(text[m.end():m.end() + 90], ctx)
    if not found or found[0].start != 0 or found[0].name.startswith(("Ủy ban nhân dân", "Hội đồng nhân dân")):
        return None
    return found[0].name


def _parent(b: Bloc, ctx, name: str = "") -> str | None:
    """Who runs the bloc system: a body written right after the name, else what the bloc is.

    The body after the name is read with the agency gazetteer, so the parent ends where the
    agency's name ends (`Cụm thi đua số 1 Bộ Công an tổng kết …` → `Bộ Công an`). After a bare
    comma only a national body counts (a list may go on after a comma). A cluster of several
    provinces' or ministries' inspectorates is Thanh tra Chính phủ's; any other cluster spanning
    provinces (`Cụm thi đua 6 tỉnh Bắc Trung bộ`) is not the article's province's, whatever
    site reports it; a province's own unnumbered bloc is run by its People's Committee.
    """
    written = _written_parent(b, ctx)
    if written:
        return written
    inspectorates = {m.group(1) for x in b.members if (m := _INSPECTORATE.match(x.name))}
    multi = any(_MULTI_PLACE.search(v.desc) for v in b.variants) or len(inspectorates) >= 2
    if multi:
        of_inspectorates = len(inspectorates) >= 2 or any(v.desc.startswith("Thanh tra") for v in b.variants)
        return "Thanh tra Chính phủ" if of_inspectorates else None
    # a province's own bloc; a numbered one when its name carries the province (a cluster of
    # the province's districts: `Cụm thi đua số 3 tỉnh Hà Tĩnh`)
    if ctx.province and (not b.numbered or (ctx.province_suffix and name.endswith(ctx.province_suffix))):
        return f"Ủy ban nhân dân {ctx.province_suffix}"
    return None


@Language.factory("thidua_blocs")
def make_component(nlp, name):
    def component(doc):
        doc._.blocs = extract_blocs(doc)
        return doc
    return component
