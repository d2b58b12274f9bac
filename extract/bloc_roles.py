"""Roles in a bloc: this year's leader and deputies, next year's leader (and deputies), and
last year's leader handing over.

Role words (`làm Cụm trưởng`, `- đơn vị trưởng khối`, `(Trưởng khối thi đua)`, `Cụm phó`,
`Phó Trưởng khối`, `bàn giao … cho`) are bound to the nearest agency before them in the sentence
(or to the one after `là` / `:`), and to the bloc named with them. A year written with the role
decides whose year it is: the bloc's year, a later one (next year's leader when it is chosen or
taken), or an earlier one (last year's leader).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import gazetteer as gz
from .bloc_lists import bloc_before
from .hard_wraps import wrapped_sentence
from .members import ORG_HEADS

# `Phó khối`, `Phó cụm` (without `trưởng`) are the deputy's office too (`Sở Tư pháp là Phó khối`)
# (`Phó trưởng Khu vực thi đua`: the justice sector's cluster, blocs._HEAD)
_DEPUTY = re.compile(r"(?:Phó\s+[Tt]rưởng\s+[Kk]hối|Phó\s+[Kk]hối\s+trưởng|[Kk]hối\s+phó|[Cc]ụm\s+phó|"
                     r"Phó\s+[Cc]ụm\s+trưởng|Phó\s+[Tt]rưởng\s+[Cc]ụm|Phó\s+(?:[Kk]hối|[Cc]ụm)(?![\w])|"
                     r"Phó\s+[Tt]rưởng\s+[Kk]hu\s+vực(?=\s+thi đua))")
_LEADER = re.compile(r"(?:[Tt]rưởng\s+[Kk]hối|[Kk]hối\s+[Tt]rưởng|[Cc]ụm\s+[Tt]rưởng|[Tt]rưởng\s+[Cc]ụm|"
                     r"[Tt]rưởng\s+[Kk]hu\s+vực(?=\s+thi đua))")
_YEAR_AFTER = re.compile(r"năm\s+(\d{4})")
_YEAR_RIGHT_AFTER = re.compile(r"\s*(?:[Kk]hối|[Cc]ụm)?\s*(?:thi đua\s*)?(?:số\s+[IVXL\d]+\s+)?năm\s+\d{4}")
# words that make a later year's role a choice for that year: a vote, an assignment, or the
# hand-over of the rotating flag (`trao cờ luân lưu cho`, `tiếp nhận cờ luân lưu`)
_CHOSEN = re.compile(r"thống nhất|bầu|suy tôn|giao cho|bàn giao|chuyển giao|luân lưu|tiếp nhận|nhận bàn giao")
# the verb binding a body to its role: `X làm/là Trưởng khối`, `X sẽ đảm nhiệm vai trò Trưởng khối`
_TAKES_ROLE = re.compile(r"(?:là|làm|(?:sẽ\s+)?(?:đảm nhiệm|đảm nhận|giữ)(?:\s+vai trò)?)\s*$")

# `tổng kết công tác … năm 2020`: a review and the year it is of (province.resolve_year's rule)
_REVIEW_YEAR = re.compile(r"(?i:tổng kết|sơ kết)[^.\n;]{0,90}?năm (\d{4})")


def bloc_year(ctx) -> int | None:
    """The emulation year of the bloc's roles: the year of the review the article reports, else
    the article's own year. A review named only in the page's tail (`Tin liên quan: … tổng kết
    năm 2015`) is another article's: it says nothing of this one's year, so it is not counted."""
    if ctx.review_year is None or ctx.body_end is None:
        return ctx.facts_year
    m = _REVIEW_YEAR.search(ctx.text, 0, ctx.body_end)
    if m and int(m.group(1)) == ctx.review_year:
        return ctx.review_year
    return ctx.year or ctx.review_year


# `UBND tỉnh ban hành Quyết định … về việc phân công Trưởng khối`: the roles are what a document
# is about, not the body before them (but `X được Bộ Công an phân công là đơn vị Cụm trưởng` assigns X)
_ROLE_AS_OBJECT = re.compile(r"về việc|ban hành|Quyết định|Kế hoạch|[Hh]ướng dẫn|quy định|(?<!được )phân công(?!\s+(?:làm|là)(?![\w]))")


# `phân công Khối trưởng, Khối phó`, `Cụm trưởng và Cụm phó năm 2024 được …`: the two offices named
# together are what is assigned, not the role of the body before them
_OFFICES = re.compile(r"\s*(?:,|và)\s*(?:(?:Phó\s+)?(?:[Kk]hối|[Cc]ụm|[Tt]rưởng)\s+(?:phó|trưởng|[Kk]hối|[Cc]ụm)|"
                      r"Phó\s+(?:[Kk]hối|[Cc]ụm))(?![\w])")
_OFFICES_BEFORE = re.compile(r"(?:(?:[Kk]hối|[Cc]ụm)\s+trưởng|[Tt]rưởng\s+(?:[Kk]hối|[Cc]ụm))\s*(?:,|và)\s*$")


_ROLE_IS = re.compile(r"(?:\s+(?:[Kk]hối|[Cc]ụm|thi đua)\s[^,;.:]{0,40}?)?(?:\s+năm\s+\d{4})?\s*(?:\blà\b|:)\s*")


# `năm 2025` with nothing between it and the role's agency but a comma, `đơn vị`, the verb that
# assigns it (`năm 2017 giao X làm Khối trưởng`) with the bloc or the meeting as its subject
# (`Năm 2026, Khối thống nhất X làm Trưởng khối`, `Năm 2019, Hội nghị đã bầu X …`), or the head
# of a list of roles (`… Phó Trưởng khối năm 2024: Trưởng khối:`)
_FROM = re.compile(r"\stừ\s+(?:đơn vị\s+)?")
_FROM_BEFORE = re.compile(r"\stừ\s+(?:đơn vị\s+)?$")
_TO_BEFORE = re.compile(r"\scho\s+(?:đơn vị\s+)?$")
_LEAD_SUBJECT = r"(?:(?:[Kk]hối|[Cc]ụm|[Hh]ội nghị|[Cc]ác đơn vị(?:\s+trong\s+(?:[Kk]hối|[Cc]ụm))?)\s+)?(?:đã\s+)?"
_LEAD_VERB = r"(?:(?:thống nhất|nhất trí)\s+)?(?:(?:giao|phân công|cử|bầu|chọn|suy tôn)\s+(?:cho\s+)?)?"
_YEAR_LEADS = re.compile(r"[Nn]ăm\s+(\d{4})(?=\s*(?:[,:]\s*)?" + _LEAD_SUBJECT + _LEAD_VERB +
                         r"(?:(?:Trưởng|Phó|[Kk]hối|[Cc]ụm)[^;.]{0,25}?:\s*)?$)")


_OFFICES_YEAR = re.compile(r"(?:[Tt]rưởng|[Pp]hó)(?![\w])[^.;]{0,80}?năm\s+(\d{4})\s*(?:là|:)\s*(?=[^.;]{0,200}\((?:[Kk]hối|[Cc]ụm|Trưởng|Phó))")


def _last(it):
    return next(reversed(list(it)), None)


def _year_before(text: str, lo: int, pos: int):
    """The year heading the clause of a role, written before its agency (or None)."""
    return _YEAR_LEADS.search(text[max(lo, pos - 60):pos])


_BY_AGENT = re.compile(r"\s*(?:giao|phân công|chỉ định|cử)(?![\w])")
_AND = re.compile(r"\s*(?:,|và|,\s*và)\s*")


def _coordinated(cands, cand, text: str, role_at: int, copula) -> list[str]:
    """`A và B làm Cụm phó`, `Cụm phó là A, B`: the deputies joined by `và` / commas to the one
    bound to the role word (in order of the text)."""
    ordered = sorted(set(cands))
    chain = [cand]
    if copula:
        nxt = next((c for c in ordered if c[0] >= cand[1] and _AND.fullmatch(text, cand[1], c[0])), None)
        while nxt:
            chain.append(nxt)
            nxt = next((c for c in ordered if c[0] >= nxt[1] and _AND.fullmatch(text, nxt[1], c[0])), None)
    elif re.fullmatch(r"\s*(?:cùng\s+)?(?:là|làm)\s+(?:đơn vị\s+)?", text[cand[1]:role_at]):
        prev = next((c for c in reversed(ordered) if c[1] <= cand[0] and _AND.fullmatch(text, c[1], cand[0])), None)
        while prev:
            chain.insert(0, prev)
            prev = next((c for c in reversed(ordered) if c[1] <= prev[0] and _AND.fullmatch(text, c[1], prev[0])), None)
    return list(dict.fromkeys(c[2] for c in chain))


def _nearest_before(cands, pos, lo):
    best = None
    for c in cands:
        if lo <= c[1] <= pos and (best is None or c[1] > best[1]):
            best = c
    return best


# words that a body's name does not hold: the verbs and prepositions before a province that
# stands alone (`bầu Quảng Trị làm Cụm trưởng`, `giao cho tỉnh Gia Lai`)
_NAME_BREAK = frozenset("là làm bầu giao cho của tại với được do từ đến tôn chọn cử nhất trí đã sẽ "
                        "thống nhận trao tặng đề nghị xuất".split())


_DISTRICT_WORD = re.compile(r"(?<![\w])(huyện|quận|thị xã)\s+([A-ZĐ][^\s,.;:()]*(?:\s+[A-ZĐ][^\s,.;:()]*){0,3})")
_VENUE = re.compile(r"(?:tại|ở)\s+$")


def _right_after(cands, text: str, pos: int):
    """The body written right after `pos`, with nothing but spaces between."""
    return next((c for c in cands if pos < c[0] <= pos + 3 and text[pos:c[0]].isspace()), None)


# `đại diện đơn vị Cụm trưởng Cụm thi đua số 1 … đồng chí A - Ủy viên …, Chủ tịch Ủy ban MTTQ quận X`:
# the office, the bloc, then the person speaking for the unit that holds it, with their post
_HOLDER = re.compile(r"\s*(?:,\s*)?(?:ông|bà|đồng chí|Đồng chí)\s+(?:[A-ZĐ]\w*\s+){1,4}?[A-ZĐ]\w*\s*[-–,]\s*")


@lru_cache(maxsize=1)
def _post_tail() -> re.Pattern:
    return re.compile(r"(?<![\w])(?:" + gz.alternation(gz.posts()) + r")\s+$")


def _holder_body(cands, text: str, pos: int, end: int, bloc):
    """The body of the person named after a role and its bloc, by that person's post (the unit
    they head holds the role), or None."""
    for v in sorted(bloc.variants, key=lambda v: v.start):
        if pos <= v.start <= pos + 3:
            pos = v.end
            system = _right_after(cands, text, pos)   # `Cụm thi đua số 1 Ủy ban MTTQ … Hà Nội`
            pos = system[1] if system else pos
            break
    h = _HOLDER.match(text, pos, end)
    if h is None:
        return None
    stop = re.compile(r"[;.]\s|\s(?:đã|phát biểu|trình bày|báo cáo)\s").search(text, h.end(), min(end, h.end() + 200))
    limit = stop.start() if stop else min(end, h.end() + 200)
    for c in sorted(cands):
        if h.end() <= c[0] < limit and _post_tail().search(text, max(h.end(), c[0] - 40), c[0]):
            return c
    return None


def _unknown_body(text: str, lo: int, pos: int):
    """`Ngày 27/3/2017, Trường Cao đẳng nghiệp vụ cao su (Khối trưởng Khối thi đua số 6) …`: a
    role in brackets after an organisation's name that opens its clause (an organisation's head,
    then its words) marks that organisation, known to the gazetteers or not."""
    m = _ORG_BEFORE_ROLE.search(text, max(lo, pos - 100), pos)
    if not m or m.group("head") not in ORG_HEADS:
        return None
    return (m.start("org"), m.end("org"), m.group("org"))


_ORG_BEFORE_ROLE = re.compile(r"(?:^|[,;:.\n]\s*)(?P<org>(?P<head>[A-ZĐ]\w*)\s+[A-ZĐ][^,.;:()\n]{1,70}?)\s*\(\s*(?:đơn vị\s+)?$")


def _ends_a_name(text: str, pos: int) -> bool:
    """The province at `pos` closes an organisation's name: going back over the words of its
    clause, an organisation's head (`Công ty`, `Ngân hàng`, `Trường`, `Chi nhánh`) comes before
    any verb or preposition."""
    words = re.split(r"\s+", text[max(0, pos - 80):pos].strip())
    for w in reversed(words[-7:]):
        if not w or w[-1] in ",.;:()":
            return False
        if w.lower() in _NAME_BREAK:
            return False
        if w in ORG_HEADS:
            return True
    return False


_PARTY_BEFORE = re.compile(r"(?:[Tt]ỉnh|[Tt]hành) ủy\s+$")
# a district's Party committee written with its district's own name (`Huyện ủy Ea H’leo`, `Thị ủy
# Buôn Hồ`, `Quận ủy 3`): a short run of capitalised words or a number, as written (awards.py too)
DISTRICT_COMMITTEE = re.compile(r"(?<![\w])(?:Huyện|Quận|Thị) ủy (?:[A-ZĐ][^\s,;:.()]*|\d+)(?: [A-ZĐ][^\s,;:.()]*){0,3}")
_LOCAL_BODY = re.compile(r"(.+?) (?:huyện|quận|thị xã|thành phố) \S")
_PROVINCIAL_BODY = re.compile(r"(.+?) (?:tỉnh|thành phố) \S")


def _district_body_kind(mentions: list[dict], blocs: list) -> str:
    """The body a bare district stands for in a bloc's roles (`huyện A đã trao lại vị trí cụm
    trưởng cho huyện B`): the one kind of district body the bloc gathers (its members' head, or
    a sector named at both levels: `Thanh tra huyện X` beside `Thanh tra tỉnh`), else the
    district's People's Committee."""
    heads = {h.group(1) for b in blocs for m in b.members if (h := _LOCAL_BODY.match(m.name))}
    if not heads:
        local = {h.group(1) for m in mentions if (h := _LOCAL_BODY.match(m["name"]))
                 and not m["name"].startswith(("Ủy ban nhân dân", "Hội đồng nhân dân"))}
        provincial = {h.group(1) for m in mentions if (h := _PROVINCIAL_BODY.match(m["name"]))}
        heads = local & provincial if len(local) == 1 else set()
    return heads.pop() if len(heads) == 1 else "Ủy ban nhân dân"


@lru_cache(maxsize=1)
def _district_any_case() -> re.Pattern:
    return re.compile(gz.district_re().pattern, re.IGNORECASE)


def _district_name(text: str, dm: re.Match) -> tuple[str, int]:
    """A district's name after its word, as the gazetteer spells it when the page's casing slips
    (`huyện Cù Lao dung`), else as written."""
    known = _district_any_case().match(text, dm.start(2))
    if known and len(known.group(0)) >= len(dm.group(2)):
        official = next((n for n in gz.district_kinds() if n.lower() == known.group(0).lower()), None)
        if official:
            return official, known.end()
    return dm.group(2), dm.end()


def assign_roles(doc, blocs: list, spans, listed=(), facts_year: int | None = None):
    ctx = doc._.ctx
    text = ctx.text
    if "rưởng" not in text and "hó" not in text:
        return                  # no role word (`trưởng`, `phó`): nothing to bind; spares the scans below
    cands = [(m["start"], m["end"], m["name"]) for m in doc._.agency_mentions]
    for b in blocs:
        cands += [(m.start, m.end, m.name) for m in b.members]
    covered = bytearray(len(text) + 1)      # 1 where a known body or the bloc's name is written
    for s, e, _ in cands:
        covered[s:e] = b"\x01" * (e - s)
    # a province named before `làm Cụm trưởng` stands for its People's Committee, unless it ends
    # the name of a body the agency finder does not know (`Công ty Điện lực Bình Phước làm …`) or
    # the bloc's own name (`Khối thi đua các doanh nghiệp tỉnh Bình Phước`)
    for b in blocs:
        for v in b.variants:
            covered[v.start:v.end] = b"\x01" * (v.end - v.start)
    for pm in gz.province_re().finditer(text):
        if covered[pm.start()] or _ends_a_name(text, pm.start()) or _PARTY_BEFORE.search(text, max(0, pm.start() - 12), pm.start()):
            continue            # (`Cụm thi đua số 4 Tỉnh ủy Gia Lai`: the Party committee's province)
        kind, name = gz.kind_of(gz.official(pm.group(1))), gz.official(pm.group(1))
        cands.append((pm.start(), pm.end(), f"Ủy ban nhân dân {kind} {name}"))
    # so does a district named with its word (`do huyện Đăk Hà làm Cụm trưởng`), not a venue
    # a district's Party committee (`cho Huyện ủy Krông Búk đảm nhận`), which the agency gazetteers
    # leave unnamed, leads a Party cluster like any body
    if " ủy " in text:
        for pm in DISTRICT_COMMITTEE.finditer(text):
            if not covered[pm.start()]:
                cands.append((pm.start(), pm.end(), pm.group(0)))
    body = None
    for dm in _DISTRICT_WORD.finditer(text):
        if covered[dm.start()] or _VENUE.search(text, max(0, dm.start() - 8), dm.start()):
            continue
        body = body or _district_body_kind(doc._.agency_mentions, blocs)
        name, end = _district_name(text, dm)
        cands.append((dm.start(), end, f"{body} {dm.group(1)} {name}"))
    taken = list(listed)     # lines of a heading's role list (bloc_lists.heading_roles) are read
    deputies = []           # (bloc, agency, position, sentence start, later year named)
    next_at = []            # (bloc, position, sentence start) of each next-year leader
    receivers = []          # (bloc, agency) taking the rotating flag from last year's leader
    for rx, role in ((_DEPUTY, "deputy"), (_LEADER, "leader")):
        for m in rx.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            if _OFFICES.match(text, m.end()) or _OFFICES_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                continue
            s0, e0 = wrapped_sentence(text, spans, m.start())
            bloc = _bloc_for(blocs, m.start(), m.end(), s0, e0, text)
            if bloc is None:
                continue
            pre = text[max(s0, m.start() - 40):m.start()]
            nxt_year = _YEAR_AFTER.search(text, m.end(), min(e0, m.end() + 140))
            # a listed member's span may hold its role in brackets (`Thái Bình (đơn vị Cụm phó)`
            # in `gồm Công an 5 tỉnh: …`): the member whose span holds the role word has it
            cand = next((c for c in cands if c[0] < m.start() and m.end() <= c[1]), None) or \
                _nearest_before(cands, m.start(), max(s0, m.start() - 110))
            # `Cụm trưởng (Cụm thi đua số 5 năm 2023) là X`, `Phó Trưởng khối: Y`: the role first
            copula = _ROLE_IS.match(text, m.end(), e0)
            if copula:
                cand = next((c for c in cands if c[0] == copula.end()), cand)
            elif cand is None:
                # `Cụm trưởng Thanh tra tỉnh Nam Định chủ trì`: no body before, one right after;
                # `Trường Cao đẳng nghiệp vụ cao su (Khối trưởng …)`: a body no gazetteer knows
                cand = (_right_after(cands, text, m.end()) or _unknown_body(text, s0, m.start())
                        or _holder_body(cands, text, m.end(), e0, bloc))
            elif re.search(r"đơn vị\s+$", text[max(s0, m.start() - 10):m.start()]) and (
                    after := _right_after(cands, text, m.end()) or _holder_body(cands, text, m.end(), e0, bloc)):
                # `… và đơn vị cụm trưởng Công an tỉnh BR-VT`: the unit named right after its office
                # (or by the post of the person speaking for it: `đại diện đơn vị Cụm trưởng …, đồng
                # chí A - Chủ tịch X`)
                cand = after
            elif cand and _BY_AGENT.match(text, cand[1]) and re.search(r"được\s+$", text[s0:cand[0]]):
                # `X được Thanh tra Chính phủ giao làm Cụm trưởng`: the body before `được`
                cand = _nearest_before(cands, cand[0] - 1, s0) or cand
            if re.search(r"bàn giao|trao lại|chuyển giao", pre):
                # `bàn giao Cụm trưởng năm 2021 từ X cho Y`: Y takes the office, X (who held it) gives
                # (`X đã trao lại vị trí cụm trưởng cho Y`: X, before the verb, gives)
                rights = sorted(c for c in set(cands) if m.end() <= c[0] <= min(e0, m.end() + 120))
                giver = next((c for c in rights if _FROM_BEFORE.search(text, max(0, c[0] - 12), c[0])), None)
                right = next((c for c in rights if _TO_BEFORE.search(text, max(0, c[0] - 12), c[0])), None) or next(
                    (c for c in rights if c != giver and c[0] <= m.end() + 60), None)
                if giver and role == "leader" and bloc.leader is None and giver != right:
                    bloc.leader = giver[2]
                if right and role == "leader":
                    year = int(nxt_year.group(1)) if nxt_year else None
                    old = bloc.next_leader
                    # `bầu X làm Trưởng khối năm 2024. … bàn giao … cho X`: the hand-over names no
                    # year, the vote did
                    if old is None or old["agency"] != right[2] or year is not None:
                        bloc.next_leader = {"agency": right[2], "year": year}
                    bloc.next_chosen = True
                if cand and role == "leader" and bloc.leader is None:
                    bloc.leader = cand[2]
                continue
            if cand is None or _ROLE_AS_OBJECT.search(text, cand[1], m.start()):
                continue
            if nxt_year is None:
                # `năm 2025 Thanh tra tỉnh X sẽ làm Cụm trưởng`, `suy tôn … năm 2024: Trưởng
                # khối: X`: the year written before, in the same clause
                nxt_year = _year_before(text, s0, min(cand[0], m.start()))
            if nxt_year is None:
                # `bầu Khối trưởng, Khối phó năm 2025 là A (Khối trưởng) và B (Khối phó)`: the
                # offices elected for a year, then who holds each
                nxt_year = _last(y for y in _OFFICES_YEAR.finditer(text, s0, e0) if y.end() <= min(cand[0], m.start()))
            year = int(nxt_year.group(1)) if nxt_year else None
            later = bool(year and facts_year and year > facts_year)
            earlier = bool(year and facts_year and year < facts_year)
            if earlier and _YEAR_RIGHT_AFTER.match(text, m.end()):
                # the year is the role's own (`Trưởng cụm năm 2018`), not a later clause's
                if role == "leader":
                    bloc.prior_leaders.setdefault(year, cand[2])
                    got = _flag_receiver(text, cands, s0, e0, cand)
                    if got and year + 1 == facts_year:
                        receivers.append((bloc, got))
                continue
            if role == "deputy":
                voted = later and re.search(r"thống nhất|bầu|suy tôn", text[s0:m.start()])
                for name in _coordinated(cands, cand, text, m.start(), copula):
                    deputies.append((bloc, name, m.start(), s0, bool(voted)))
                continue
            # `X làm Trưởng khối năm 2024`, `bầu X …`, `X - đơn vị Khối trưởng năm 2024` (a
            # later year written right after the role) in an article of 2023: next year's leader
            if later and (_TAKES_ROLE.search(text, cand[1], m.start())
                          or _CHOSEN.search(text, s0, m.start())
                          or _YEAR_RIGHT_AFTER.match(text, m.end())):
                bloc.next_leader = {"agency": cand[2], "year": year}
                bloc.next_chosen = bloc.next_chosen or bool(_CHOSEN.search(text, s0, m.start()))
                next_at.append((bloc, m.start(), s0))
                # `X tiếp nhận cờ luân lưu Trưởng khối năm 2024 từ Y`: Y led the year before
                giver = _FROM.search(text, m.end(), e0)
                if giver and bloc.leader is None and re.search(r"nhận", text[cand[1]:m.start()]):
                    bloc.leader = next((c[2] for c in cands if c[0] == giver.end()), None)
            elif bloc.leader is None:
                bloc.leader = cand[2]
    # `Y tiếp nhận cờ luân lưu từ X, đơn vị Cụm trưởng năm 2020` in an article on 2021: the
    # one who takes the flag from last year's leader leads this year
    for bloc, name in receivers:
        if bloc.leader is None:
            bloc.leader = name
    for bloc, name, pos, s0, voted in deputies:
        nxt = voted or any(b is bloc and s == s0 and p < pos for b, p, s in next_at)
        target = bloc.next_deputies if nxt else bloc.deputies
        if name not in target:
            target.append(name)


def current_roles(blocs: list, ctx) -> None:
    """`Năm 2026, Sở Nội vụ làm Trưởng khối, Thanh tra tỉnh làm Khối phó` in an article of March
    2026 on the review of 2025: a role stated for the year the article is written in (not voted
    or handed over at the meeting), in a bloc where no one is named as leading the reviewed year,
    is the role in force when the article was written: that year's leader and deputies, and
    the bloc's facts are of that year."""
    date = ctx.published or ctx.given_published
    own = int(date[:4]) if date else None
    for b in blocs:
        nl = b.next_leader
        if own is None or b.leader or not nl or b.next_chosen or nl["year"] != own:
            continue
        b.leader, b.next_leader, b.year = nl["agency"], None, own
        b.deputies += [d for d in b.next_deputies if d not in b.deputies]
        b.next_deputies = []


_HAND_OVER = re.compile(r"(?:bàn giao|trao|chuyển giao)\s+(?:lại\s+)?cờ\b[^.;]{0,40}?\scho\s+$")
_TAKE_OVER = re.compile(r"\s*(?:đã\s+)?(?:tiếp nhận|nhận bàn giao|nhận)\s+(?:lại\s+)?cờ\b")


def _flag_receiver(text: str, cands, s0: int, e0: int, giver) -> str | None:
    """The body the rotating flag goes to in the sentence where `giver` hands it over:
    `X … bàn giao cờ luân lưu cho Y`, `Y tiếp nhận cờ luân lưu từ X`."""
    for c in sorted(set(cands)):
        if not (s0 <= c[0] and c[1] <= e0) or c[2] == giver[2]:
            continue
        if _HAND_OVER.search(text[max(s0, c[0] - 80):c[0]]) or _TAKE_OVER.match(text, c[1]):
            return c[2]
    return None


def _bloc_for(blocs, pos, role_end, s0, e0, text):
    """The bloc a role word at `pos` belongs to: the one named right after it (`Trưởng khối
    Khối thi đua Nội chính`), else the last one named before it in the sentence (`Khối Nội chính:
    A làm Trưởng khối, B …; Khối Kinh tế: C làm Trưởng khối`), else the nearest."""
    if len(blocs) == 1:
        return blocs[0]
    right = [(v.start, b) for b in blocs for v in b.variants
             if role_end <= v.start <= min(e0, role_end + 20)
             and re.fullmatch(r"\s*(?:của\s+)?", text[role_end:v.start])]
    if right:
        return min(right, key=lambda x: x[0])[1]
    before = [(v.end, b) for b in blocs for v in b.variants if s0 <= v.start and v.end <= pos]
    if before:
        return max(before, key=lambda x: x[0])[1]
    best, dist = None, None
    for b in blocs:
        for v in b.variants:
            d = abs(v.start - pos)
            if (s0 <= v.start < e0) and (dist is None or d < dist):
                best, dist = b, d
    # `2. Khối … gồm …: A, B. Khối trưởng: A; Khối phó: B.` (a sentence of its own): the bloc
    # whose heading came last above it
    return best or bloc_before(blocs, pos) or (blocs[0] if blocs else None)
