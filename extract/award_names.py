"""Award names in running text (`Cờ Thi đua của UBND tỉnh`, `Huân chương Lao động hạng Ba`).

Kept apart from awards.py because agencies.py needs the spans too: a `UBND tỉnh` inside an
award's name names the award's giver, not an agency the article talks about.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import gazetteer as gz

# `Cờ thi đua của Chính phủ, UBND tỉnh` = two flags: a second giver after `,` / `và`.
_MORE_GIVER = re.compile(
    r"\s*(?:,|và|hoặc)\s*(?P<g>Chính phủ|(?:UBND|Ủy ban nhân dân) (?:tỉnh|thành phố|TP)|"
    r"Bộ [A-ZĐ]\w*(?: [\w,]+?){0,4}(?=[\s,.;”\"]|$))"
)
_PROVINCE_TAIL = None


def _drop_place(name: str) -> str:
    """`Cờ thi đua của Ủy ban nhân dân tỉnh Bắc Ninh` -> `… tỉnh` (ANNOTATION: drop the province)."""
    global _PROVINCE_TAIL
    if _PROVINCE_TAIL is None:
        _PROVINCE_TAIL = re.compile(r"\s+(?:" + gz.alternation(gz.province_aliases()) + r")$")
    return _LOCAL_TAIL.sub(r"\1", _PROVINCE_TAIL.sub("", name))


# a district's or commune's name ending a giver (`Giấy khen của UBND huyện Yên Định` -> `… huyện`)
# (only a People's Committee's: `Cờ thi đua của Bảo hiểm xã hội Việt Nam` keeps its name)
_LOCAL_TAIL = re.compile(r"(Ủy ban nhân dân (?:huyện|quận|thị xã|thành phố|xã|phường|thị trấn))(?: (?:[A-ZĐ][^\W\d_]*|\d+)){1,4}$")


@dataclass
class AwardMention:
    award: str
    start: int
    end: int


def _canon(template: str, m: re.Match) -> str:
    groups = {k: v for k, v in m.groupdict().items() if v}
    if "rank" in groups:
        groups["rank"] = groups["rank"].capitalize()
    if groups.get("place") == "TP":
        groups["place"] = "thành phố"
    elif "place" in groups:                 # `cờ UBND Tỉnh`
        groups["place"] = groups["place"].lower()
    if "giver" in groups:
        groups["giver"] = _trim_giver(groups["giver"])
    if "head" in groups:      # `Cờ Thi đua` as written
        groups["head"] = _head(groups["head"])
    try:
        return template.format(**groups)
    except KeyError:
        return template


def _trim_giver(giver: str) -> str:
    """A ministry giver ends where the ministry's name does (`Bộ Xây dựng” cho` -> `Bộ Xây dựng`)."""
    from .gazetteer import departments

    _, bo = departments()
    head = "Bộ trưởng Bộ " if giver.startswith("Bộ trưởng Bộ ") else "Bộ "
    rest = giver[len(head):]
    for form, name in sorted(bo, key=lambda x: -len(x[0])):
        if rest.lower().startswith(form.lower()):
            return head + name
    words = rest.split()
    return head + " ".join(words[:2])


# running text often writes an award's head in lower case (`được UBND tỉnh tặng cờ thi đua`): the
# patterns see it capitalised (same length, so the offsets hold; patterns that open with a literal
# are searched much faster than with `[Cc]`)
_LOWER_HEAD = re.compile(r"(?<![\w])(?:cờ(?= (?:[Tt]hi đua|UBND|Ủy ban))|bằng(?= khen)|giấy(?= khen))")


def find_award_mentions(text: str) -> list[AwardMention]:
    if _LOWER_HEAD.search(text):
        text = _LOWER_HEAD.sub(lambda m: m.group(0)[0].upper() + m.group(0)[1:], text)
    out: list[AwardMention] = []
    taken: list[tuple[int, int]] = []
    for rx, template in gz.award_patterns():
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            name = _canon(template, m)
            end = m.end()
            if "giver" in m.groupdict() and m.group("giver"):
                end = m.start("giver") + len(_trim_giver(m.group("giver")))
            end = _skip_place(text, end)
            out.append(AwardMention(_drop_place(name), m.start(), end))
            taken.append((m.start(), end))
            # coordinated givers share the award's head (`Cờ thi đua của`)
            head = re.match(r"(Cờ thi đua của|Bằng khen của Chủ tịch|Bằng khen của)", name)
            pos = end
            while head:
                g = _MORE_GIVER.match(text, pos)
                if not g:
                    break
                giver = g.group("g")
                if giver.startswith(("UBND", "Ủy ban")):
                    giver = "Ủy ban nhân dân " + ("tỉnh" if giver.endswith("tỉnh") else "thành phố")
                elif giver.startswith("Bộ"):
                    giver = _trim_giver(giver)
                gend = _skip_place(text, g.end() if giver.startswith("Ủy ban") else g.start("g") + len(giver))
                out.append(AwardMention(f"{head.group(1)} {giver}", g.start("g"), gend))
                taken.append((g.start("g"), gend))
                pos = gend
    out += _given_by_body(text, taken)
    out += _given_before(text, taken)
    out.sort(key=lambda a: a.start)
    return out


# `Cờ thi đua của Tòa án nhân dân tối cao`, `Giấy khen của Giám đốc Công an tỉnh`, `Bằng khen của
# Chánh án TAND tỉnh`: an award head, `của`, an optional post, then any body the agency
# gazetteer knows. The data file's patterns (tried first) cover the fixed forms.
def _flag_head(written: str) -> str:
    """`Cờ Thi đua` → `Cờ thi đua`; `Cờ thi đua xuất sắc` (a sector's higher flag) keeps its rank."""
    return "Cờ thi đua xuất sắc" if "uất sắc" in written else "Cờ thi đua"


def _head(written: str) -> str:
    """An award head as canonical: `Cờ Thi đua` → `Cờ thi đua`."""
    return _flag_head(written) if written.startswith("Cờ") else written


_GIVEN_HEAD = re.compile(r"(?<![\w])(?P<head>Cờ [Tt]hi đua(?: [Xx]uất sắc)?|Bằng khen|Giấy khen)\s+của\s+")
_POST_RE = None


def _given_by_body(text: str, taken: list[tuple[int, int]]) -> list[AwardMention]:
    global _POST_RE
    from .agencies import find_mentions  # agencies imports this module: import late

    if _POST_RE is None:
        _POST_RE = re.compile(r"(?:" + gz.alternation(gz.posts()) + r")\s+")
    out = []
    for m in _GIVEN_HEAD.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        pos = m.end()
        post = _POST_RE.match(text, pos)
        if post:
            pos = post.end()
        found = find_mentions(text[pos:pos + 120], None, keep_generic=True)
        if not found or found[0].start != 0 or found[0].party:
            continue
        giver = _drop_place(found[0].name)
        if post:
            giver = f"{post.group(0).strip()} {giver}"
        head = _head(m.group("head"))
        end = _skip_place(text, pos + found[0].end)
        out.append(AwardMention(f"{head} của {giver}", m.start(), end))
        taken.append((m.start(), end))
    return out


# a district's or commune's own name after its word (`huyện Thọ Xuân`, `phường Hà Giang 1`, `quận 3`):
# a short run of capitalised words or a number
# (after `thành phố` only a known district's name: a centrally-run city is a province)
_LOCAL_WORD = re.compile(r"(?<![\w])(?:huyện|quận|thị xã|xã|phường|thị trấn)$")
_LOCAL_NAME = re.compile(r" (?:[A-ZĐ][^\W\d_]*|\d+)(?: (?:[A-ZĐ][^\W\d_]*|\d+)){0,3}(?![\w])")


def _skip_place(text: str, end: int) -> int:
    """Extend an award's span over the province written after it (`… UBND tỉnh Bắc Ninh`), or the
    district or commune (`Giấy khen của Chủ tịch UBND huyện Thọ Xuân`)."""
    if re.search(r"(?:tỉnh|thành phố|TP\.?)$", text[max(0, end - 10):end]):
        m = gz.province_re().match(text, end + 1) if text[end:end + 1] == " " else None
        if m:
            return m.end()
        m = gz.district_re().match(text, end + 1) if text[end:end + 1] == " " else None
        if m:
            return m.end()
    if _LOCAL_WORD.search(text, max(0, end - 10), end):
        m = _LOCAL_NAME.match(text, end)
        return m.end() if m else end
    return end


# `đề nghị Thủ tướng Chính phủ tặng Bằng khen`, `UBND tỉnh tặng Cờ thi đua cho …`: a bare award
# head whose giver is the subject of `tặng` before it.
# A bare award head (no `của …` after it), found first (heads are rare, verbs and commas are not);
# the words before it say how it is given: `tặng` / `trao tặng` (the giver is the subject before
# the verb), or `và` / `,` / `;` after an earlier bare award with `cho` after this one (`tặng Cờ thi
# đua cho A và Bằng khen cho B`: the verb and giver are shared)
_BARE_HEAD = re.compile(r"(?<![\w])(?P<head>Cờ [Tt]hi đua(?: [Xx]uất sắc)?|Bằng khen|Giấy khen)(?!\s+(?:của|Chính phủ)\b)(?![\w])")
# (`trao Cờ thi đua` when a body is written before it: `UBND tỉnh đã trao Cờ Thi đua cho A`; a counted
# award: `đề nghị UBND tỉnh tặng 1 Cờ thi đua và 1 Bằng khen`)
_GIVE_BEFORE = re.compile(r"(?:trao tặng|tặng thưởng|tặng|trao)\s+(?:(?:\d{1,2}|một)\s+)?$")
_CONJ_BEFORE = re.compile(r"(?:[,;]|\svà)\s+$")
_FOR_AFTER = re.compile(r"\s+cho\s")
# (a giverless award that names its recipient: `tặng cờ thi đua năm 2022 cho A`)
_FOR_AFTER_SOON = re.compile(r"(?:\s+(?:[Xx]uất sắc|năm\s+\d{4}))*\s+cho\s")
_PM = re.compile(r"Thủ tướng(?: Chính phủ)?\s*$")
_TTCP_HEAD = re.compile(r"Tổng\s+$")
_TITLE_CASED = re.compile(r"(?<=Ủy ban )Nhân [Dd]ân|(?<=UỶ ban )Nhân [Dd]ân|(?<=Hội đồng )Nhân [Dd]ân")
# `…; tặng Bằng khen cho C`, `…, trao tặng Bằng khen cho C`: a clause that starts with the verb
# leaves out the giver of the clause before it (same sentence)
_ELLIPTIC = re.compile(r"(?:[;,]|\bvà)\s*(?:đề nghị|đề xuất)?\s*$")
# a Cờ thi đua is the body's flag, whoever signs it: `Chủ tịch UBND tỉnh tặng Cờ thi đua` is
# `Cờ thi đua của Ủy ban nhân dân tỉnh`, the Prime Minister's is the Government's
_FLAG_GIVER = {"Thủ tướng Chính phủ": "Chính phủ", "Tổng Thanh tra Chính phủ": "Thanh tra Chính phủ"}


def _giver_before(before: str, head: str) -> str | None:
    """The body (with its head's post) written right before `tặng`, or None."""
    from .agencies import find_mentions  # agencies imports this module: import late

    if _PM.search(before):
        return "Thủ tướng Chính phủ"
    # (a body's name title-cased, `Ủy ban Nhân dân TP.HCM tặng cờ thi đua`: the same body)
    before = _TITLE_CASED.sub(lambda m: m.group(0).lower(), before)
    found = find_mentions(before, None, keep_generic=True)
    last = found[-1] if found else None
    if last is None or last.end < len(before) or last.party:
        return _giver_as_named(before, head)
    giver = _drop_place(last.name)
    if giver == "Thanh tra Chính phủ" and _TTCP_HEAD.search(before[:last.start]):
        return "Tổng Thanh tra Chính phủ"
    post = _posts_tail_re().search(before, max(0, last.start - 60), last.start)
    return f"{post.group(0).strip()} {giver}" if post else giver


def _giver_as_named(before: str, head: str) -> str | None:
    """A giver no agency gazetteer knows but an award pattern does (`Chủ tịch UBND huyện tặng Giấy
    khen` is `Giấy khen của Chủ tịch Ủy ban nhân dân huyện`): the longest tail of the words before
    the verb that, written as `<head> của <tail>`, is a whole award name. Any head's names are
    tried, so that a post is not cut off its body (`Tổng Thanh tra Chính phủ tặng Cờ thi đua` is
    given by `Tổng Thanh tra Chính phủ`, a Bằng khen's giver, not by `Thanh tra Chính phủ`)."""
    for k in [0] + [w.end() for w in re.finditer(r"\s+", before)]:
        for h in dict.fromkeys((head, "Bằng khen", "Giấy khen", "Cờ thi đua")):
            cand = f"{h} của {before[k:]}"
            for rx, template in gz.award_patterns():
                m = rx.match(cand)
                if m and _skip_place(cand, m.end()) == len(cand):
                    name = _drop_place(_canon(template, m))
                    if name.startswith(f"{h} của "):
                        return name[len(h) + 5:]
    return None


@lru_cache(maxsize=1)
def _posts_re() -> re.Pattern:
    return re.compile(r"(?<![\w])(?:" + gz.alternation(gz.posts()) + r")\s+")


@lru_cache(maxsize=1)
def _posts_tail_re() -> re.Pattern:
    """A post right before a position (searched with that position as the end)."""
    return re.compile(r"(?<![\w])(?:" + gz.alternation(gz.posts()) + r")\s+$")


def _flag_giver(giver: str) -> str:
    giver = _FLAG_GIVER.get(giver, giver)
    post = _posts_re().match(giver)
    return giver[post.end():] if post and post.end() < len(giver) else giver


# the bodies whose flag has no `xuất sắc` rank (the Government's, a People's Committee's, a Party
# committee's board, a Front committee's: data/awards.tsv): `xuất sắc` written there praises it
_PLAIN_FLAG = re.compile(r"Chính phủ$|Ủy ban nhân dân |Ban Thường vụ |Ban Chấp hành Đảng bộ |Ủy ban Mặt trận Tổ quốc Việt Nam ")


def _given_name(head: str, giver: str) -> str:
    """`<head> của <giver>`; a flag is its body's, and some bodies' flags have no `xuất sắc` rank."""
    if not head.startswith("Cờ"):
        return f"{head} của {giver}"
    giver = _flag_giver(giver)
    return f"{'Cờ thi đua' if _PLAIN_FLAG.match(giver) else head} của {giver}"


# `đề nghị Ủy ban MTTQ tỉnh tặng cờ thi đua xuất sắc và bằng khen năm 2022` names the giver of
# both heads; a later `đề nghị tặng cờ thi đua năm 2022 cho A và đề nghị tặng bằng khen cho B` (no
# giver of its own) asks that giver for them. Remembered per head, for the next paragraphs only.
_GIVER_REACH = 1500
_SHARED_HEAD = re.compile(r"\s*(?:,|và)\s*(Cờ [Tt]hi đua(?: [Xx]uất sắc)?|Bằng khen|Giấy khen)(?!\s+(?:của|cho)\b)(?![\w])")


def _kind_of_head(head: str) -> str:
    return "Cờ" if head.startswith("Cờ") else head


def _given_before(text: str, taken: list[tuple[int, int]]) -> list[AwardMention]:
    out = []
    prev_giver, prev_end = None, -1
    named: dict[str, tuple[str, int]] = {}      # head kind -> (its giver, where it was named)
    for m in _BARE_HEAD.finditer(text):
        hs = m.start("head")
        if any(s <= hs < e for s, e in taken):
            continue
        lead = text[max(0, hs - 20):hs]
        verb = _GIVE_BEFORE.search(lead)
        if verb is None:
            if not _CONJ_BEFORE.search(lead):
                continue
            start = hs - len(lead) + _CONJ_BEFORE.search(lead).start()
            if not (prev_giver and _FOR_AFTER.match(text, m.end("head"))
                    and not re.search(r"\.\s|\n", text[prev_end:start])):
                continue
            head = _head(m.group("head"))
            out.append(AwardMention(_given_name(head, prev_giver),
                                    hs, m.end("head")))
            taken.append((hs, m.end("head")))
            prev_end = m.end()
            continue
        vstart = hs - len(lead) + verb.start()
        # `UBND tỉnh khen tặng Cờ thi đua`, `đề nghị UBND tỉnh (xem) xét tặng …`: part of the verb
        # (`UBND tỉnh đã trao …`: an adverb between the giver and the verb)
        before = re.sub(r"\s+(?:khen|xem xét|xét|(?:cũng )?đã|vừa)$", "", text[max(0, vstart - 80):vstart].rstrip())
        head = _head(m.group("head"))
        giver = _giver_before(before, head)
        if giver is None and prev_giver and _ELLIPTIC.search(before) and not re.search(
                r"\.\s|\n", text[prev_end:vstart]):
            giver = prev_giver
        if giver is None and _FOR_AFTER_SOON.match(text, m.end("head")):
            earlier = named.get(_kind_of_head(head))
            giver = earlier[0] if earlier and hs - earlier[1] <= _GIVER_REACH else None
        if giver is None:
            continue
        prev_giver, prev_end = giver, m.end()
        named[_kind_of_head(head)] = (giver, hs)
        shared = _SHARED_HEAD.match(text, m.end("head"))
        if shared:
            named[_kind_of_head(shared.group(1))] = (giver, shared.start(1))
        out.append(AwardMention(_given_name(head, giver),
                                hs, m.end("head")))
        taken.append((hs, m.end("head")))
    return out
