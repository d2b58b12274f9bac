"""Bloc members and roles written as structured lists rather than sentences.

Provincial decisions and long reports set their blocs out as

* a flattened table under the bloc's heading: `TT | Đơn vị | Ghi chú` then one row a line,
  `2 | Sở Y tế | Khối phó`: each row is a member, its last column its role that year;
* a list of next year's roles under a heading that names the year: `Khối trưởng, Khối phó năm
  2024 được phân công như sau:` then `- Khối thi đua …: Khối trưởng A, Khối phó B.`.

Sentence rules (blocs.py) read neither: a table row has no verb, and a role word followed by
its agency (`Khối trưởng Tòa án …`) belongs to the heading's year, not the article's.
"""
from __future__ import annotations

import re

from . import gazetteer as gz
from .agencies import find_mentions
from .members import UNITS_OF_BLOC, Member, _canon_item, _fill, find_member_list
from .sentences import sentence_of

# the header row of a flattened table: a numbering column, then the unit's column
_HEADER = re.compile(r"^[ \t]*S?TT[ \t]*\|[ \t]*(?:Tên\s+)?(?:[Đđ]ơn vị|[Cc]ơ quan)[^\n]*$", re.M)
_ROW = re.compile(r"[ \t]*\d{1,2}[ \t]*\|[ \t]*(?P<name>[^|\n]+?)[ \t]*(?:\|[ \t]*(?P<note>[^|\n]*?))?[ \t]*(?:\n|$)")
_DEPUTY_NOTE = re.compile(r"(?i)(?:phó\s+(?:trưởng\s+)?(?:khối|cụm)|(?:khối|cụm)\s+phó)")
_LEADER_NOTE = re.compile(r"(?i)(?:trưởng\s+(?:khối|cụm)|(?:khối|cụm)\s+trưởng)")
# how far above a table its bloc's heading may be (`3. Khối thi đua …:` or `Cụm … gồm các đơn vị:`)
_HEADING_REACH = 400


def _note_role(note: str | None) -> str | None:
    if not note:
        return None
    if _DEPUTY_NOTE.search(note):
        return "deputy"
    return "leader" if _LEADER_NOTE.search(note) else None


def table_rows(ctx, start: int, stop: int) -> list[tuple[int, list[Member]]]:
    """Each flattened member table in text[start:stop]: (header offset, its rows as members)."""
    text = ctx.text
    out = []
    for h in _HEADER.finditer(text, start, stop):
        pos = h.end() + 1
        rows, prev = [], None
        while pos < stop:
            r = _ROW.match(text, pos)
            if not r:
                break
            name, role = _canon_item(r.group("name"), ctx, None, prev)
            if name:
                rows.append(Member(name, r.start("name"), r.end("name"), _note_role(r.group("note")) or role))
                prev = name
            pos = r.end()
        if rows:
            out.append((h.start(), rows))
    return out


def bloc_before(blocs, pos: int, reach: int | None = None):
    """The bloc named last before `pos` (within `reach` characters when given)."""
    best, at = None, -1
    for b in blocs:
        for v in b.variants:
            if v.end <= pos and v.start > at and (reach is None or pos - v.end <= reach):
                best, at = b, v.start
    return best


def apply_tables(ctx, blocs, stop: int) -> None:
    """A table's rows are its bloc's members and their roles: they replace what a `gồm` sentence
    found, which reads the header row as a member and stops at the first line break."""
    for at, rows in table_rows(ctx, 0, stop):
        b = bloc_before(blocs, at, _HEADING_REACH) or (blocs[0] if len(blocs) == 1 else None)
        if b is not None:
            b.members = rows


# `Khối trưởng, Khối phó năm 2024 được phân công như sau:` (the offices, then a year, then a colon)
_ROLE_HEADING = re.compile(
    r"(?:[Kk]hối|[Cc]ụm)\s+trưởng\s*(?:,|và)\s*(?:[Kk]hối|[Cc]ụm)\s+phó[^.:\n]{0,40}?năm\s+(?P<y>\d{4})[^.:\n]{0,60}:")
_ITEM = re.compile(r"\n[ \t]*(?:[-–•+*]|\d{1,2}[.)])[ \t]+(?P<line>[^\n]+)")
_ROLE_THEN_BODY = re.compile(r"(?P<role>(?:[Kk]hối|[Cc]ụm)\s+(?:trưởng|phó))\s*:?\s*")


def heading_roles(ctx, blocs, mentions, stop: int, facts_year: int | None) -> list[tuple[int, int]]:
    """Roles listed under a heading that names their year: a later year's are next year's
    (`next_leader`, `next_deputies`), the reported year's fill what the sentences left open.
    Returns the spans of the lines read, which the sentence rules then leave alone."""
    text = ctx.text
    read = []
    for h in _ROLE_HEADING.finditer(text, 0, stop):
        year = int(h.group("y"))
        later = bool(facts_year and year > facts_year)
        pos = h.end()
        while True:
            it = _ITEM.match(text, pos)
            if not it:
                break
            pos = it.end()
            s, e = it.start("line"), it.end("line")
            read.append((s, e))
            b = next((b for b in blocs for v in b.variants if s <= v.start < e), None)
            if b is None:
                continue
            for r in _ROLE_THEN_BODY.finditer(text, s, e):
                body = next((m["name"] for m in mentions if m["start"] == r.end()), None)
                if body is None:
                    continue
                deputy = r.group("role").lower().endswith("phó")
                if later and not deputy:
                    b.next_leader = {"agency": body, "year": year}
                    b.next_chosen = True          # assigned by the heading's decision
                elif later:
                    if body not in b.next_deputies:
                        b.next_deputies.append(body)
                elif not deputy and b.leader is None:
                    b.leader = body
                elif deputy and body not in b.deputies:
                    b.deputies.append(body)
    return read


# Members named outside a `gồm` list, when the article has one bloc and no list
_RANK = re.compile(r"xếp thứ|đứng thứ")


def paren_members(doc) -> list[Member]:
    """`7/7 đơn vị trong Khối đăng ký … (Bộ CHQS tỉnh, Cục THADS tỉnh, …)`: a parenthesised list
    of three or more bodies after the bloc's units are named."""
    text = doc._.ctx.text
    # (`Ủy ban MTTQ 6 quận trong cụm (quận A, B, …)`: the units may be counted as places)
    for m in re.finditer(r"(?:đơn vị|cơ quan|tỉnh|huyện|quận|thị xã|xã|phường) (?:trong|thuộc|thành viên)\s+"
                         r"(?:[Kk]hối|[Cc]ụm)[^()\n]{0,200}?\(([^()\n]+)\)", text):
        inner = [a for a in doc._.agency_mentions if m.start(1) <= a["start"] and a["end"] <= m.end(1)]
        if len(inner) >= 3:
            seen: dict[str, Member] = {}
            for a in inner:                  # each body once, where first named
                seen.setdefault(a["name"], Member(a["name"], a["start"], a["end"]))
            return list(seen.values())
    return []


def ranked_members(doc, spans) -> list[Member]:
    """`Ban Quản lý … xếp thứ nhất; Sở … xếp thứ hai`: bodies ranked by the bloc are members."""
    text = doc._.ctx.text
    out, prev = [], None
    for m in _RANK.finditer(text):
        s0, e0 = sentence_of(spans, m.start())
        lo = max(s0, prev or s0)
        for a in doc._.agency_mentions:
            if lo <= a["start"] and a["end"] <= m.start():
                out.append(Member(a["name"], a["start"], a["end"]))
        prev = m.end()
    return out


def units_list_members(ctx, spans) -> tuple[list[Member], int | None]:
    """`… vận động viên đến từ 9 đơn vị thành viên của Khối: A, B, …`: a list of the one bloc's
    units in a sentence that names the bloc only as `Khối`."""
    for s0, e0 in spans:
        u = UNITS_OF_BLOC.search(ctx.text, s0, e0)
        if u:
            found, count = find_member_list(ctx, u.start(), e0)
            if found:
                return _officers_before(ctx, s0, u.start()) + found, count
    return [], None


# `Thanh tra Sở A - đơn vị Cụm trưởng, Thanh tra Sở B - đơn vị Cụm phó và 07 đơn vị thành viên trong
# Cụm gồm …`: the units named with their office before the count of the others are members too
_OFFICE_AFTER = re.compile(r"\s*(?:[-–(]|là)\s*(?:đơn vị\s+)?(?P<role>(?:[Pp]hó\s+)?(?:[Cc]ụm|[Kk]hối)\s+(?:[Tt]rưởng|[Pp]hó)|"
                           r"(?:[Pp]hó\s+)?[Tt]rưởng\s+(?:[Cc]ụm|[Kk]hối))(?![\w])")


def _officers_before(ctx, lo: int, hi: int) -> list[Member]:
    out = []
    for m in find_mentions(ctx.text[lo:hi], ctx):
        r = _OFFICE_AFTER.match(ctx.text, lo + m.end)
        if r:
            role = "deputy" if "phó" in r.group("role").lower() else "leader"
            out.append(Member(m.name, lo + m.start, lo + m.end, role))
    return out


# A body said to belong to a bloc: `X là (đơn vị) thành viên (của) Khối …`, `Là thành viên Khối …,
# X …` (the bloc first, the body the subject of the main clause after it), `X (đã) tham gia ký kết
# giao ước thi đua với các đơn vị trong Cụm …` (it signs with the bloc's other units)
_MEMBER_OF = re.compile(r"(?<![\w])(?P<lead>[Ll])à\s+(?:một\s+)?(?:đơn vị\s+)?thành viên\s+(?:của\s+)?(?=[KkCc])")
_SIGNS_WITH = re.compile(r"thi đua (?:cùng|với)\s+các\s+(?:đơn vị|cơ quan|thành viên)(?:\s+thành viên)?\s+"
                         r"(?:trong|thuộc|của)\s+(?=[KkCc])")
_SIGNS = re.compile(r"\s+(?:đã\s+|cũng\s+)?(?:tham gia\s+)?(?:ký kết\s+|ký\s+)?(?:giao ước\s+)?thi đua\s+$")
# `1. Văn phòng Huyện ủy A; đã có thành tích xuất sắc …, dẫn đầu phong trào thi đua Khối 01 …`: the
# unit a commendation says leads a bloc's movement is one of its units (not its Khối trưởng)
_LEADS = re.compile(r"(?<![\w])dẫn đầu\s+(?:phong trào\s+thi đua\s+)?(?:(?:của|trong)\s+)?(?=[KkCc])")
_ITEM_HEAD = re.compile(r"[\s\d.)\-–+:;]*(?:gồm\s*:?\s*|cho\s+)?$")
_CLAUSE_START = re.compile(r"[.,;:\n]\s*(?=[^.,;:\n]*$)")


def _subject(text: str, mentions, pos: int, lo: int) -> str | None:
    """The body written as the subject right before `pos`: a named agency ending there, or a bare
    head (`Cục`, `Sở`, `Thanh tra`) that refers back to the last agency named with that head
    (`… của Cục Thi hành án dân sự tỉnh … Đầu năm, Cục đã tham gia …`)."""
    end = len(text[:pos].rstrip())
    at = next((a["name"] for a in mentions if a["end"] == end and a["start"] >= lo), None)
    if at:
        return at
    cs = _CLAUSE_START.search(text, lo, end)
    head = text[cs.end() if cs else lo:end].strip()
    if not head[:1].isupper() or len(head.split()) > 3:
        return None
    before = [a for a in mentions if a["end"] <= end - len(head) and a["name"].startswith(head + " ")]
    return before[-1]["name"] if before else None


def _item_subject(text: str, mentions, pos: int, lo: int) -> str | None:
    """The body that opens the list item or clause ending at `pos` (`2. Sở Y tế; đã có …`), when
    no other body is named between it and `pos`."""
    lo = max(lo, text.rfind("\n", lo, pos) + 1)
    inside = [a for a in mentions if lo <= a["start"] and a["end"] <= pos]
    if len(inside) != 1 or pos - inside[0]["end"] > 150 or not _ITEM_HEAD.match(text[lo:inside[0]["start"]]):
        return None
    return inside[0]["name"]


def stated_members(doc, blocs, spans) -> list[tuple[object, Member]]:
    """Bodies said to belong to a bloc outside any list of its members: (bloc, member)."""
    text = doc._.ctx.text
    rxs = [rx for rx, word in ((_MEMBER_OF, "thành viên"), (_SIGNS_WITH, "thi đua"), (_LEADS, "dẫn đầu"))
           if word in text]
    if not rxs:
        return []
    mentions = doc._.agency_mentions or []
    starts = {v.start: (b, v) for b in blocs for v in b.variants}
    out = []
    for rx in rxs:
        for m in rx.finditer(text):
            hit = starts.get(m.end())
            if hit is None:
                continue
            b, v = hit
            s0, _ = sentence_of(spans, m.start())
            name = None
            if rx is _MEMBER_OF and m.group("lead") == "L":
                # `Là thành viên Khối …, Thanh tra tỉnh tích cực …`: the subject follows the bloc
                after = re.match(r"\s*,\s*", text[v.end:])
                if after:
                    name = next((a["name"] for a in mentions if a["start"] == v.end + after.end()), None)
            elif rx is _MEMBER_OF:
                name = _subject(text, mentions, m.start(), s0)
            elif rx is _LEADS:
                name = _item_subject(text, mentions, m.start(), s0)
            else:
                verb = _SIGNS.search(text, max(s0, m.start() - 60), m.start() + len("thi đua "))
                name = _subject(text, mentions, verb.start(), s0) if verb else None
            if name:
                out.append((b, Member(name, m.start(), m.end())))
    return out


# `Cụm 7 tỉnh biên giới phía Bắc (Cao Bằng, Lạng Sơn, …)`: the provinces of a cluster of N provinces
# in brackets right after its name (the count the name states)
_PAREN_PLACES = re.compile(r"\s*\(([^()\n]{3,300})\)")


def paren_provinces(ctx, variants) -> list[Member]:
    """The cluster's provinces bracketed after a name that counts them; each is a member as its
    People's Committee (a province as a cluster's member, as a bare province list is read)."""
    for v in variants:
        n = re.match(r"(\d+)\s+(?:tỉnh|thành phố|tỉnh,\s*thành phố|địa phương)(?![\w])", v.desc)
        p = n and _PAREN_PLACES.match(ctx.text, v.end)
        if not p:
            continue
        items = [x.strip() for x in re.split(r",|\s+và\s+", p.group(1)) if x.strip()]
        if len(items) == int(n.group(1)) and all(gz.province_re().fullmatch(x) for x in items):
            at = p.start(1)
            return [Member(_fill("Ủy ban nhân dân {place}", x, ctx), at, at + len(x)) for x in items]
    return []
