"""Extraction component `thidua_people`: persons named in the body with their post and body.

A person is a name (a family name from data/surnames.txt and one to three more capitalised
syllables) written right after an honorific or rank (`ông`, `đồng chí`, `Thượng tướng`) or
right after a post and its body (`Chủ tịch UBND tỉnh Nguyễn Hương Giang`, `Chánh Thanh tra tỉnh
Bắc Ninh Trần Quang Ứng`). Names standing alone (bylines `Hải Hà`, photo credits) are not
taken. After a name, `, Giám đốc Sở …` / `- Phó Chánh Thanh tra tỉnh …` give the post; Party
posts (`Ủy viên …`, `Tỉnh ủy viên`) give way to a state post, ranks are never the title.
It also adds to `doc._.agencies` the bodies of the people it finds.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language

from . import gazetteer as gz
from .agencies import add_agency
from .furniture import read_vocab
from .page_vocab import starts

_CAP = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ][^\W\d_]*"
_PARTY_PIECE = re.compile(r"^(?:Ủy viên|Tỉnh ủy viên|Thành ủy viên|Huyện ủy viên|Đại biểu|Đảng ủy viên)")
_STOP_AFTER = re.compile(
    r"\s(?:phát biểu|chủ trì|cho biết|nhấn mạnh|báo cáo|trao|dự\s+(?:và|hội nghị|buổi|lễ)|đánh giá|khẳng định|thừa|trình bày|"
    r"tặng|chúc mừng|đề nghị|yêu cầu|kết luận|tham dự|đã|và\s+(?:các|đại diện|lãnh đạo)|"
    # the next person of a list joined by `và` (`Ông A, Trưởng X, Trưởng khối và bà B, Giám đốc Y`):
    # B's post is not A's
    r"và\s+(?:ông|bà|đồng chí)|"
    # the verbs that follow a post whose body is not in the gazetteer (`Phó Tư lệnh Quân khu 3
    # dự và chỉ đạo hội nghị`): the title stops before them
    r"chỉ đạo|điều hành|thay mặt|được|nhận\s+(?:cờ|nhiệm vụ|[Cc]ờ|[Bb]ằng)|cùng\s+(?:dự|tham|các|đại|lãnh)|tới dự|đến dự)\b"
)


@lru_cache(maxsize=1)
def _name_re() -> re.Pattern:
    sur = gz.alternation(gz.surnames())
    return re.compile(r"(?<![\w])(?:" + sur + r")(?:\s+" + _CAP + r"){1,4}(?![\w])")


def _loose_case(post: str) -> str:
    """`Phó Chủ tịch Thường trực` also as written `Phó chủ tịch Thường trực`: after the first
    word, a word's initial may be either case."""
    words = post.split()
    out = [re.escape(words[0])]
    for w in words[1:]:
        out.append(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" if w[0].isalpha() else re.escape(w))
    return r"\s+".join(out)


@lru_cache(maxsize=1)
def _post_re() -> re.Pattern:
    return re.compile(r"(?<![\w])(?:" + "|".join(_loose_case(p) for p in gz.posts()) + r")(?![\w])")


@lru_cache(maxsize=1)
def _post_full() -> dict[str, str]:
    """Abbreviated posts (`PGĐ`) and the post they stand for (posts.tsv, second column)."""
    out = {}
    for line in read_vocab("posts.tsv"):
        short, _, full = line.partition("\t")
        if full.strip():
            out[short.strip()] = full.strip()
    return out


def _expand_post(title: str | None) -> str | None:
    if not title:
        return title
    head, _, rest = title.partition(" ")
    full = _post_full().get(head)
    return f"{full} {rest}".strip() if full else title


@lru_cache(maxsize=1)
def _honorific_re() -> re.Pattern:
    # `TS. Phạm Văn Minh`, `Đại tá, TS Trần …`: an abbreviated degree keeps its dot
    return re.compile(r"(?<![\w])(?:" + gz.alternation(gz.honorifics()) + r")(?:(?<=[A-Z])\.)?\s*:?\s*$")


@lru_cache(maxsize=1)
def _ranked_rest_re() -> re.Pattern:
    """`, Đại tá ` / `, đồng chí ` between a post's body and the name it belongs to."""
    return re.compile(r"\s*,\s*(?:(?:" + gz.alternation(gz.honorifics()) + r")\.?\s*,?\s*)+")


def _trim_name(name: str) -> str:
    """A name stops before a capitalised word that starts a post (`… Hồ Văn Mừng Chủ`)."""
    words = name.split()
    for i in range(1, len(words)):
        rest = " ".join(words[i:])
        # nor before a Party post (`… Hùng Tỉnh ủy viên`) or an abbreviation (`… Hùng UBND`;
        # `Đoàn ĐBQH` is a body, not a person named Đoàn)
        if (i >= 2 and (_post_re().match(rest) or _PARTY_PIECE.match(rest))) or (
                len(words[i]) > 1 and words[i].isupper()):
            return " ".join(words[:i])
    return name


def _agency_in(mentions, start: int, end: int):
    for m in mentions:
        if start <= m["start"] < end:
            return m
    return None


def _post_pieces(text: str, pos: int, limit: int):
    """The comma / dash separated pieces written after a name: `, Ủy viên …, Chủ tịch UBND tỉnh`."""
    m = re.match(r"\s*(?:[,–—-]|\()\s*", text[pos:pos + 4])
    if not m:
        return []
    start = pos + m.end()
    end_m = re.compile(r"[;.\n)]|:").search(text, start, limit)
    end = end_m.start() if end_m else limit
    stop = _STOP_AFTER.search(text, start, end)
    if stop:
        end = stop.start()
    pieces, p = [], start
    for part in re.split(r"(,|\s[-–—]\s)", text[start:end]):
        if part in (",",) or re.fullmatch(r"\s[-–—]\s", part):
            p += len(part)
            continue
        lead = len(part) - len(part.lstrip())
        if part.strip():
            pieces.append((part.strip(), p + lead))
        p += len(part)
    return pieces


def _choose_post(text, pieces, mentions):
    """(title, agency) from the pieces after a name: the state post if any, else a Party post."""
    best = None
    agency_only = None
    for piece, off in pieces:
        if _PARTY_PIECE.match(piece):
            continue
        dm = _ON_BEHALF.match(piece)
        if dm and _post_re().fullmatch(dm.group(2)):
            # `Nguyễn A - đại diện Kiểm toán Nhà nước làm Trưởng đoàn`: the post taken on, for
            # the body represented
            a = _agency_in(mentions, off, off + dm.end(1))
            return dm.group(2), (a["name"] if a else None)
        # `Hoàng Văn B, phó Chủ tịch Hội …`: a post written after a comma with a lower-case initial
        piece = piece[0].upper() + piece[1:] if piece[:3] == "phó" else piece
        if piece.startswith("Đại diện"):
            a = _agency_in(mentions, off, off + len(piece))
            agency_only = agency_only or (a["name"] if a else None)
            continue
        pm = _post_re().match(piece)
        if not pm:
            continue
        title = pm.group(0)
        a = _agency_in(mentions, off, off + len(piece))
        agency = _agency_for(title, a, text[off + pm.end():a["start"]] if a else "")
        cand = (title, agency, a is not None and not a.get("party") or title.endswith("Chính phủ"))
        if best is None or (cand[2] and not best[2]):
            best = cand
            if cand[2]:
                break
        if best is None and not pm:
            continue
    if best:
        title, agency, _ = best
        piece, off = next((p, o) for p, o in pieces if p.startswith(title) or p == "p" + title[1:]
                          or p.startswith("p" + title[1:] + " "))
        piece = title + piece[len(title):]
        # `Phó Giám đốc Sở làm Trưởng đoàn`: a role taken on for the occasion is no part of the post
        piece = _TAKES_ON.sub("", piece)
        rest = piece[len(title):].strip()
        if agency is None and _BARE_BODY.fullmatch(rest):
            # `Về phía Sở Ngoại vụ, bà A, Phó Giám đốc Sở …`: the bare head is the body last named
            # with it; the title is the post alone
            last = [m for m in mentions if m["end"] <= off and m["name"].startswith(rest + " ") and not m.get("party")]
            return title, (last[-1]["name"] if last else None)
        # `Phó Bí thư Tỉnh ủy`: the body is not an agency, keep it; but not the unit the post
        # heads (`Đội trưởng Đội Cảnh sát …` that agencies.py could not place under its police)
        if agency is None and rest and not _own_unit(title, rest):
            title = piece
        return title, agency
    return None, agency_only


# `Trưởng phòng Tham mưu Công an tỉnh X`: a post over a unit (phòng, ban, khoa, đội) whose own
# name stands between the post and its parent body; the person's body is the unit, named with
# its parent (ANNOTATION: `Phòng Cảnh sát giao thông Công an tỉnh X`)
_UNIT_POST = re.compile(r"(?:Trưởng|Phó Trưởng)\s+(phòng|ban|khoa|đội)$", re.I)
_UNIT_NAME = re.compile(r"\s+((?:[A-ZĐ]|PC|PA|PV|PX)[^\s,;.()]*(?:\s+[^\s,;.()]+){0,5}?)\s+$")


# `Đội trưởng Đội …`, `Chi cục trưởng Chi cục …`, `Trưởng phòng …`: a post named after the unit
# it heads; the words after it name that unit, a state body (not a Party committee the title keeps)
_HEADS_UNIT = re.compile(r"(?:^|\s)((?:Chi\s+)?[A-ZĐ]\w*) trưởng$")


# a body written by its head noun alone after a post (`Phó Giám đốc Sở`, `Viện trưởng Viện`)
_BARE_BODY = re.compile(r"Sở|Cục|Chi cục|Tổng cục|Viện|Bộ|Vụ|Ban|Phòng|Trường|Hội|Tòa án|Thanh tra|Kho bạc|Quỹ")
_TAKES_ON = re.compile(r"\s+làm\s+(?:[Tt]rưởng|[Pp]hó|[Tt]hành viên|[Tt]hư ký)\b.*$")
# `đại diện <body> làm <post>` after a name: the post taken on for the body represented
_ON_BEHALF = re.compile(r"[Đđ]ại diện\s+(.+?)\s+làm\s+(.+)$")


def _own_unit(title: str, rest: str) -> bool:
    """Whether the words after the post name the unit it heads (`Đội trưởng Đội Cảnh sát giao
    thông`, `Trưởng phòng Cảnh sát hình sự`): a state body, not kept in the title."""
    m = _HEADS_UNIT.search(title)
    if m:
        return rest.lower().startswith(m.group(1).lower() + " ")
    return bool(_UNIT_POST.search(title)) and rest[:1].isupper() and not _is_party(rest)


def _agency_for(title: str, mention, gap: str = "") -> str | None:
    if title.endswith("Chính phủ"):
        return "Thanh tra Chính phủ" if "Thanh tra" in title else "Chính phủ"
    if not mention:
        return None
    unit, name = _UNIT_POST.search(title), _UNIT_NAME.fullmatch(gap)
    if unit and name and not _post_re().search(name.group(1)):
        return f"{unit.group(1).capitalize()} {name.group(1)} {mention['name']}"
    # `Đội trưởng Đội Cảnh sát giao thông Công an huyện X`: the unit, named with its parent
    own = _HEADS_UNIT.search(title)
    if own and gap.strip().lower().startswith(own.group(1).lower() + " ") and len(gap.split()) <= 12 \
            and not re.search(r"[,;]", gap):
        return f"{gap.strip()} {mention['name']}"
    return mention["name"]


def find_people(doc) -> list[dict]:
    ctx = doc._.ctx
    text = ctx.text
    # a Party or Youth Union committee itself (`Tỉnh ủy`, `Tỉnh đoàn Quảng Ngãi`) is kept out of a
    # person's agency: the title keeps it (dev gold: `Phó Bí thư Tỉnh ủy`, `Bí thư thứ nhất Trung
    # ương Đoàn`); its boards (`Ban Tổ chức Tỉnh ủy`) are bodies like any other
    mentions = [m for m in doc._.agency_mentions or [] if not (m.get("party") and _COMMITTEE.match(m["name"]))]
    provinces = [(m.start(), m.end()) for m in gz.province_re().finditer(text)]
    out: dict[str, dict] = {}
    pos = 0
    # the page's tail (`Chịu trách nhiệm nội dung: Ông A, Giám đốc Sở …` in the footer) names the
    # site's staff, not the article's people
    stop = ctx.body_end if ctx.body_end is not None else len(text)
    while True:
        nm = _name_re().search(text, pos, stop)
        if not nm:
            break
        inside = next((pe for ps, pe in provinces if ps <= nm.start() < pe), None)
        if inside:                      # `Ninh` of `Bắc Ninh` is no family name: look after it
            pos = inside
            continue
        pos = nm.end()
        name = _trim_name(nm.group(0))
        if " " not in name:
            continue
        s, e = nm.start(), nm.start() + len(name)
        if any(m["start"] <= s < m["end"] for m in mentions):
            continue
        before = text[max(0, s - 90):s]
        line_start = text.rfind("\n", 0, s) + 1
        if starts("imprint", text[line_start:s].lstrip()):
            continue        # `Chịu trách nhiệm nội dung: Ông A, Giám đốc Sở …`: the site's imprint
        before = before[max(0, len(before) - (s - line_start)):]
        title = agency = None
        is_person = False
        wide = text[max(line_start, s - 300):s]
        if _honorific_re().search(before) or re.search(r"(?:các đồng chí|Các đồng chí)\s*:[^.]*;\s*$", wide):
            is_person = True
        # a post (and its body) right before the name, also before a rank (`Giám đốc Công an
        # tỉnh X, Đại tá Nguyễn Văn A`)
        for pm in _post_re().finditer(before):
            gap = before[pm.end():]
            if ";" in gap:
                continue  # `A, Phó Bí thư Tỉnh ủy; Phó trưởng ban … B`: the post of the person before
            a = _agency_in(mentions, s - len(before) + pm.start(), s)
            rest = gap
            if a and a["end"] <= s:
                rest = text[a["end"]:s]
            plain = re.fullmatch(r"\s*(?:(?:Tỉnh|Thành) ủy|Chính phủ|Thường trực)?\s*[-–—]?\s*", rest)
            # `Giám đốc Công an tỉnh X, Đại tá Nguyễn Văn A chủ trì`: the post, a comma, a rank,
            # then the name; unless the name has its own post after it (`…, Đại tá A, Phó
            # Giám đốc Công an tỉnh Y` in a list of guests)
            ranked = not plain and a and a["end"] <= s and _ranked_rest_re().fullmatch(rest) and not _choose_post(
                text, _post_pieces(text, e, min(len(text), e + 250)), mentions)[0]
            if plain or ranked:
                is_person = True
                gap = text[s - len(before) + pm.end():a["start"]] if a else ""
                title, agency = pm.group(0), _agency_for(pm.group(0), a, gap)
                if agency is None and rest.strip(" -–—"):
                    title = f"{title} {rest.strip(' -–—')}"
                break
        if not is_person:
            continue
        if title is None:
            title, agency = _choose_post(text, _post_pieces(text, e, min(len(text), e + 250)), mentions)
        title = _expand_post(title)
        prev = out.get(name)
        if prev is None:
            out[name] = {"name": name, "title": title, "agency": agency, "start": s, "end": e}
        elif prev["title"] is None and title:
            prev.update(title=title, agency=agency)
    return list(out.values())


def _collect_agencies(doc) -> None:
    """The bodies of the people named are agencies of the article too (award recipients are
    added by the awards component, which runs after this one)."""
    for p in doc._.people or []:
        a = p.get("agency")
        if a and not _is_party(a):
            add_agency(doc, a)


_COMMITTEE = re.compile(r"(?:Tỉnh|Thành|Huyện|Quận|Thị) (?:ủy|đoàn)(?![\w])|Trung ương Đoàn")


def _is_party(name: str) -> bool:
    return bool(re.search(r"(?:Tỉnh|Thành|Huyện) (?:ủy|đoàn)|Đảng ủy|Trung ương Đoàn", name))


@Language.factory("thidua_people")
def make_component(nlp, name):
    def component(doc):
        doc._.people = find_people(doc)
        _collect_agencies(doc)
        return doc
    return component
