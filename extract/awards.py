"""Extraction component `thidua_awards`: named awards to named recipients, with their status.

For each award name (award_names.py) the recipients are, in order of preference:
* the bodies after it in parentheses (`đăng ký “Cờ thi đua của UBND tỉnh” (Bộ CHQS tỉnh, …)`),
* the bodies after a colon when the award heads a list item (`- Cờ thi đua của Chính phủ: A;`,
  `… tặng Cờ thi đua gồm: A và B`),
* the bodies or people after `cho` (`trao Huân chương … cho Thanh tra tỉnh`, `tặng … cho tập thể
  Tổng công ty …`, `Cờ … được trao cho A`, `trao Cờ … tặng A`), or the list of a counted group
  after it (`cho 02 đơn vị: A, B`, `cho 02 tập thể (A, B)`),
* the subject right before `nhận` / `được tặng` / `được <giver> tặng` / `đăng ký` in the same
  clause (`Công an tỉnh và TAND tỉnh nhận Cờ Thi đua của UBND tỉnh`, `VKSND tỉnh được Chủ tịch UBND
  tỉnh tặng Cờ thi đua`): the last body and those joined to it, none when an unnamed group stands
  between it and the verb (`A có 3 tập thể được tặng …`),
* the bloc's listed members when the subject is all units (`các đơn vị đều … đăng ký Cờ …`, `3/3
  đơn vị`, or a count equal to the number listed: `6 đơn vị đã … đăng ký Cờ …` of a six-member bloc),
* after a vote, `cho đơn vị` / `cho các đơn vị trên`: the bodies the vote named.
In a cluster of provinces a province written with its word (`suy tôn tỉnh Gia Lai`) stands for its
People's Committee, and so does a commune the article names as a body (`UBND xã X` … `suy tôn xã X`). Status from the clause: `đăng ký` registered, `đề nghị` / `đề xuất`
proposed (not the decision's formula `Xét đề nghị của …`), else conferred. Year: one written right
after the award, else the achievement's (`vì … thành tích … năm 2022`), else the year opening the
clause (`Năm 2020, A nhận …`, `Ghi nhận thành tích năm 2023, A …`), else the one written for an earlier
award of the sentence (or of the paragraph after an achievement's year), else the article's; a period
(`giai đoạn 2019 - 2023`) gives its last year.
Unnamed recipients (`cho ba đơn vị`) give no row.
"""
from __future__ import annotations

import re

from spacy.language import Language

from . import gazetteer as gz
from .agencies import add_agency
from .award_names import find_award_mentions
from .bloc_roles import DISTRICT_COMMITTEE
from .hard_wraps import wrapped_sentence
from .sentences import sentence_of, sentence_spans

_CLAUSE_BREAK = re.compile(r"[;:]|\.\s|\n|Theo đó,|Đồng thời,")
# (`UBND TP. Cần Thơ`: the city's abbreviation before its name ends no clause; `… Cục THADS TP. Dịp
# này, …` does)
_CITY_DOT = re.compile(r"(?<![\w])T[Pp]$")


def _breaks(text: str, lo: int, hi: int):
    for m in _CLAUSE_BREAK.finditer(text, lo, hi):
        if m.group(0)[0] == "." and _CITY_DOT.search(text, max(0, m.start() - 3), m.start()) \
                and gz.province_re().match(text, m.end()):
            continue
        yield m
# (`A đăng ký Cờ thi đua …; B đăng ký Bằng khen …`: a registering body is its award's subject too)
# (`được UBND tỉnh công nhận danh hiệu …` names a giver before the verb: not this `nhận`, see below)
# (`A được suy tôn danh hiệu “Cờ …”`: the bloc's vote names A, the subject)
_RECEIVE = re.compile(r"(?:được công nhận|(?<!công )nhận|được tặng|được trao|được nhận|được suy tôn|đón nhận|vinh dự nhận|"
                      r"đạt|đăng ký)\s*"
                      r"(?:danh hiệu\s*)?(?:thi đua\s*)?[“\"]?\s*$")
# `A được Chủ tịch UBND tỉnh tặng Cờ thi đua`: the giver sits between `được` and the verb; the
# recipients are the bodies before `được` (`UBND TP.HCM`, `UBND TP. Cần Thơ`: the city's dot ends
# no sentence). The giver is a body or post (`Chủ tịch UBND tỉnh`,
# `Thủ tướng Chính phủ`), so the words in between hold no other verb (`được UBND tỉnh giao tổ
# chức lễ trao tặng Cờ …` has no recipient before `được`)
# (`được Khối đề nghị UBND tỉnh tặng 1 Cờ thi đua`: a counted award)
_RECEIVE_FROM = re.compile(r"(?<![\w])được\s+(?P<giver>(?:[^;:.\n]|\.(?=\w)|(?<=T[Pp])\.\s){2,80}?)\s(?:trao tặng|tặng thưởng|tặng|trao|công nhận)\s*"
                           r"(?:danh hiệu\s*|(?:\d{1,2}|một)\s+)?[“\"]?\s*$")
# `A đăng ký thi đua đề nghị Bộ Công an tặng Cờ …`: the registering body is the subject before
# `đăng ký`, the giver sits between the request and the verb
_REGISTER_VIA = re.compile(r"(?<![\w])đăng ký\s+(?:thi đua\s+)?(?:đề nghị|để được|phấn đấu được)\s+"
                           r"(?P<giver>[^;:.\n]{2,80}?)\s(?:trao tặng|tặng thưởng|tặng|trao)\s*(?:danh hiệu\s*)?[“\"]?\s*$")
_NOT_GIVER = re.compile(r"(?<![\w])(?:giao|tổ chức|lễ|tới|đến|dự|về|cho|để|đi|chủ trì|mời|phân công|ủy quyền)(?![\w])")
# `Năm 2021, A nhận …` / `…; năm 2020, B được tặng …`: a clause opening with a year dates the
# awards in it (the year written right after the award wins)
# (also after a comma, and without its own: `Với những thành tích đạt được, năm 2022 Công an tỉnh …`)
_LEAD_YEAR = re.compile(r"(?:^|[;,\n]|\.\s)\s*(?:[Tt]rong\s+)?[Nn]ăm\s+(\d{4})(?:\s*,|\s+(?=[A-ZĐ]))")
# `Ghi nhận thành tích năm 2023, A được tặng …`, `Với thành tích xuất sắc năm 2022, A …`: a clause
# opening with the achievement's year dates the awards after it (a slice: `^` is the sentence's start)
_LEAD_FEAT_YEAR = re.compile(r"(?:^|[;\n]|\.\s)\s*[^;:.\n,]{0,30}?(?:thành tích|kết quả)[^;:.\n,]{0,40}?"
                             r"(?:năm|giai đoạn)\s+(\d{4})(?:\s*(?:-|–|đến)\s*(?:năm\s+)?\d{4})?\s*,")
# the word that may stand before a recipient's name (`cho tập thể A`, `cho đơn vị Ủy ban MTTQ …`: a
# capital with its accent opens the body's name too, `cho đồng chí B`)
_RECIPIENT_WORD = r"(?:tập thể\s+|đơn vị\s+(?=[A-ZĐĂÂÊÔƠƯ\u00c0-\u00dd\u1ea0-\u1ef8])|đồng chí\s+|ông\s+|bà\s+)?"
# `… cho A`, and the passive or ceremonial forms `Cờ … được trao cho A`, `trao Cờ … tặng A`
# (`tặng Cờ thi đua dẫn đầu Khối cho A`: the flag's reason may stand before `cho`)
_FOR = re.compile(r"^[”\"]?\s*(?:năm\s+\d{4}\s+)?(?:dẫn đầu\s+(?:[Kk]hối|[Cc]ụm)(?:\s+thi đua)?\s+)?(?:(?:đã\s+)?(?:được\s+)?(?:trao tặng|tặng thưởng|trao|tặng)\s+"
                  r"(?:cho\s+)?|cho\s+|cho(?=\s*:))" + _RECIPIENT_WORD)
# `tặng Bằng khen đơn vị hoàn thành xuất sắc nhiệm vụ năm 2015 cho A`: what the award is for, a few
# lower-case words (and a year), between the award and its `cho`
_QUALIFIED_FOR = re.compile(r"^\s+(?P<q>(?:[^\s,;.:()“”\"]+\s+){1,10}?)cho\s+" + _RECIPIENT_WORD)
_NOT_QUALIFIER = re.compile(r"(?<![\w])(?:tặng|trao|đề nghị|đề xuất|và|được|đã)(?![\w])")


def _qualified_for(after: str) -> re.Match | None:
    m = _QUALIFIED_FOR.match(after)
    if m is None or any(c.isupper() for c in m.group("q")) or _NOT_QUALIFIER.search(m.group("q")):
        return None
    return m


# all of a bloc's units: `các đơn vị … đều`, `3/3 đơn vị`, `100% đơn vị`
_ALL_UNITS = re.compile(r"[Cc]ác (?:đơn vị|cơ quan|thành viên)[^.;]{0,30}(?:đều|cùng)"
                        r"|(?<![\d/])(\d+)/\1\s+(?:đơn vị|cơ quan|thành viên)"
                        r"|100\s?%\s+(?:các\s+)?(?:đơn vị|cơ quan|thành viên)")
# a counted group as the subject (`Tại hội nghị, 6 đơn vị đã ký kết …, đăng ký … Cờ …`): all of the
# bloc's units when the count is its number of listed members (else some of them, unnamed). Not the
# target or a part of something (`cho 6 đơn vị`, `trong 6 đơn vị`, `gồm 6 đơn vị`)
_COUNTED_UNITS = re.compile(r"(?<![\w/,.])(?<!cho )(?<!trong )(?<!gồm )(?<!có )(?<!với )(?<!và )(?<!cùng )(?<!của )"
                            r"(\d+)\s+(?:đơn vị|cơ quan|thành viên)(?:\s+(?:trong|thành viên|của)\s+(?:Khối|Cụm|khối|cụm))?"
                            r"\s+(?:đã|đều|cùng|đăng ký|tiếp tục)(?![\w])")
# the same, written as the target after `cho`
_ALL_UNITS_FOR = re.compile(r"(?:(\d+)/\1|100\s?%|tất cả|toàn bộ)\s+(?:các\s+)?(?:đơn vị|cơ quan|thành viên)"
                            r"|các (?:đơn vị|cơ quan) (?:thành viên|trong (?:Khối|Cụm|khối|cụm))")
# (`giai đoạn 2019 - 2023`: a period, dated by its last year below)
_YEAR = re.compile(r"(?:năm|giai đoạn)\s+(\d{4})")
# the year of the achievement an award is for, written after its recipient
# (`vì đã hoàn thành xuất sắc toàn diện nhiệm vụ công tác năm 2022`, `về thành tích … năm 2022`; not
# `tại hội nghị triển khai nhiệm vụ năm 2024`: the achievement follows `vì` / `do` / `về` / `đã` / `có`)
_FEAT_YEAR = re.compile(r"(?<![\w])(?:vì|do|về|đã|có)\s[^;:.\n]{0,60}?(?:thành tích|thi đua|nhiệm vụ|công tác)"
                        r"[^;:.\n]{0,40}?(?:năm|giai đoạn)\s+(\d{4})")
# the end of a span of years written after one (`năm 2019 đến năm 2023`, `năm 2019 - 2023`)
_YEAR_SPAN_END = re.compile(r"\s*(?:đến|–|-)\s*(?:năm\s+)?(\d{4})(?!\d)")
_TARGET = re.compile(r"(?<![\w])(?:[Pp]hấn đấu|[Cc]hỉ tiêu|[Mm]ục tiêu)(?![\w])")
_VOTE = re.compile(r"[Ss]uy tôn|[Bb]ình xét|[Bb]ình chọn|[Tt]hống nhất đề nghị|[Đđ]ề nghị khen thưởng")
_GIVER_AFTER = re.compile(r"\s+(?:(?:xem xét|xét)\s+)?(?:trao tặng|tặng|khen thưởng)\b")


# `Xét đề nghị của Giám đốc Sở Nội vụ, Chủ tịch UBND tỉnh tặng …` is the decision's formula: the
# award is given. `trình` proposes only when it submits to someone (not `trình bày`, `quá trình`)
_DECISION_FORMULA = re.compile(r"(?:[Tt]heo|[Xx]ét|[Tt]rên cơ sở)\s+(?:đề nghị|đề xuất|tờ trình)\s+của")
_PROPOSE = re.compile(r"[Đđ]ề nghị|[Đđ]ề xuất|(?<![Qq]uá )(?<![Cc]hương )(?<![Cc]ông )(?<![Ll]ộ )[Tt]rình\s+"
                      r"(?:lên\s+)?(?:Thủ tướng|Chính phủ|Chủ tịch|UBND|Ủy ban|Bộ|cấp|Hội đồng|Tổng|Thanh tra|khen|tặng)")


def _status(clause: str) -> str:
    clause = _DECISION_FORMULA.sub(" ", clause)
    if re.search(r"[Đđ]ăng ký", clause):
        return "registered"
    if _PROPOSE.search(clause):
        return "proposed"
    return "conferred"


# bodies joined into one subject: `A, B và C`, `A cùng với B`
_SUBJ_JOIN = re.compile(r"\s*(?:,|và|cùng|cùng với)\s*")


# an unnamed group between a body and the verb is the verb's subject (`A có 3 tập thể được tặng …`,
# `…do A tổ chức, 15 tập thể nhận …`), not `một trong những đơn vị` nor `A cùng 3 đơn vị khác`
_GROUP_SUBJECT = re.compile(r"(?<!trong )(?<!cùng )(?<!với )(?<!và )(?<![\w/])(?:các|những|\d+)\s+"
                            r"(?:đơn vị|tập thể|cơ quan|cá nhân|thành viên)(?![\w])")


def _last_run(text: str, ms: list[dict]) -> list[dict]:
    """The bodies of the subject right before a verb: the last mention and those joined to it.
    An earlier body in the clause is another part of the sentence (`Sau khi nghe đại diện Sở Nội
    vụ trình bày báo cáo, Công an tỉnh nhận …`)."""
    if not ms:
        return []
    run = [ms[-1]]
    for m in reversed(ms[:-1]):
        if m["end"] > run[0]["start"] or not _SUBJ_JOIN.fullmatch(text, m["end"], run[0]["start"]):
            break
        run.insert(0, m)
    return run


# an award aimed with `cho` at a group, named or not (`… tặng Cờ thi đua cho 3 đơn vị`)
_FOR_GROUP = re.compile(r"[”\"\s]*(?:năm\s+\d{4}\s*)?cho\s")
# `… cho đơn vị`, `cho các đơn vị nói trên`: the units just named (not `cho các đơn vị`, any units)
_FOR_VOTED = re.compile(r"[”\"\s]*(?:năm\s+\d{4}\s*)?cho\s+(?:(?:đơn vị|tập thể)(?:\s+(?:này|trên|nói trên|đó))?"
                        r"|các\s+(?:đơn vị|tập thể)\s+(?:này|trên|nói trên|đó))\s*(?=[.;\n]|$)")
_NAMED_AFTER = re.compile(r"[”\"]?\s*(?:năm\s+\d{4}\s*)?,?\s*(?:là|gồm)\s*:?\s*")
_PROPOSER_AFTER = re.compile(r"\s+(?:đã\s+|sẽ\s+)?(?:đề nghị|đề xuất|trình)\s")
_CLAUSE_LEAD = re.compile(r"[\s\-–+•]*")


def _last(it):
    """The last match of an iterator, or None."""
    return next(reversed(list(it)), None)


def _clause_subject(text: str, cstart: int, pos: int, mentions: list[dict],
                    listed: bool) -> list[tuple[str, int, int]]:
    """The bodies opening a clause (`; A và B, đề nghị …`), joined to each other, none the giver."""
    lead = _CLAUSE_LEAD.match(text, cstart).end()
    first = next((m for m in mentions if m["start"] == lead and m["end"] <= pos), None)
    if first is None or first.get("party"):
        return []
    run = [first]
    for m in mentions:
        if m["start"] >= run[-1]["end"] and m["end"] <= pos and _SUBJ_JOIN.fullmatch(text, run[-1]["end"], m["start"]):
            run.append(m)
    if not listed and _PROPOSER_AFTER.match(text, run[-1]["end"]):
        return []      # `; UBND tỉnh đề nghị Chính phủ tặng Cờ …`: the body proposes, it is not proposed
    return [(m["name"], m["start"], m["end"]) for m in run
            if not m.get("party") and not _GIVER_AFTER.match(text, m["end"])]


def _clause_end(text: str, pos: int, ceiling: int) -> int:
    m = next(_breaks(text, pos, ceiling), None)
    return m.start() if m else ceiling


def _clause_start(text: str, pos: int, floor: int) -> int:
    last = floor
    for m in _breaks(text, floor, pos):
        last = m.end()
    return last


# `cho 6 tập thể đã hoàn thành xuất sắc nhiệm vụ …, gồm: A (…); B (…)`: a counted group, then its list
# (`cho 02 đơn vị: A, B`, `cho các tập thể sau:` then one a line: the colon alone opens the list;
# the group's words may run over a page's hard wrap)
_GROUP_THEN_LIST = re.compile(r"(?:\d+|các|những)\s+(?:tập thể|đơn vị|cơ quan)(?:[^;:.\n]|\n(?!\n)){0,160}?"
                              r"(?:(?:bao gồm|gồm)\s*:?|:)|\s*:")   # or `cho:` and its list


# (`cho 02 đơn vị xuất sắc (A, B)`: a few words may qualify the group before its list)
_GROUP_PAREN = re.compile(r"(?:\d+|các|những)\s+(?:tập thể|đơn vị|cơ quan)(?:\s+[^\s,;:.()]+){0,3}?\s*\(([^()]+)\)")
# `cho 2 đơn vị là A và B`: the group named by `là`, its list up to the clause's end
_GROUP_IS = re.compile(r"(?:\d+|các|những)\s+(?:tập thể|đơn vị|cơ quan)(?:\s+[^\s,;:.()]+){0,3}?\s+là\s+")


def _listed_group(text: str, pos: int, end: int, mentions: list[dict]) -> list[tuple[str, int, int]]:
    """The bodies listed after `gồm` when the award goes to a counted group of them."""
    g = _GROUP_THEN_LIST.match(text, pos, end)
    is_ = None if g else _GROUP_IS.match(text, pos, end)
    if is_:
        list_end = _clause_end(text, is_.end(), end)
        return [(m["name"], m["start"], m["end"]) for m in mentions
                if is_.end() <= m["start"] < list_end and not m.get("party")]
    if not g:
        # `cho 02 tập thể (A, B)`: the group's members in the parentheses after it
        par = _GROUP_PAREN.match(text, pos, end)
        return [(m["name"], m["start"], m["end"]) for m in mentions
                if par and par.start(1) <= m["start"] < par.end(1) and not m.get("party")]
    stop = re.compile(r"Đồng thời|Theo đó|(?<!\d)\.\s").search(text, g.end(), end)   # not `1. A; 2. B`
    list_end = stop.start() if stop else end
    depth_at = _paren_depths(text, g.end(), list_end)
    return [(m["name"], m["start"], m["end"]) for m in mentions
            if g.end() <= m["start"] < list_end and _listed_ok(m) and not depth_at[m["start"] - g.end()]]


# `1. Văn phòng Huyện ủy X; 2. …` in the list of a decision's recipients: a Party committee's office
# or board is a unit that competes and is rewarded (ANNOTATION: recipients need not be state bodies);
# the committee itself (`Tỉnh ủy`) is not
_PARTY_UNIT = re.compile(r"(?:Văn phòng|Ban|Ủy ban Kiểm tra)\s")


def _listed_ok(m: dict) -> bool:
    return not m.get("party") or bool(_PARTY_UNIT.match(m["name"]))


# `03 đơn vị gồm: A; B và C được suy tôn …`: a counted group opening a list whose items the
# semicolons part; the last item's clause holds the verb, the earlier items are its subject too
_GROUP_LIST_OPEN = re.compile(r"(?:\d+|các)\s+(?:đơn vị|tập thể|cơ quan)\s+(?:bao gồm|gồm|là)\s*:?\s*")
_ITEM_SEP = re.compile(r"\s*(?:[;,]|và)\s*")


def _earlier_items(text: str, s0: int, first: int, mentions: list[dict]) -> list[tuple[str, int, int]]:
    """The items before `first` of a list opened by `N đơn vị gồm:` in the sentence."""
    opener = _last(_GROUP_LIST_OPEN.finditer(text, s0, first))
    if opener is None:
        return []
    items = [m for m in mentions if opener.end() <= m["start"] and m["end"] <= first]
    if not items or items[0]["start"] != opener.end():
        return []
    ends = [m["end"] for m in items]
    starts = [m["start"] for m in items[1:]] + [first]
    if not all(_ITEM_SEP.fullmatch(text, e, s) for e, s in zip(ends, starts, strict=True)):
        return []
    return [(m["name"], m["start"], m["end"]) for m in items if not m.get("party")]


def _paren_depths(text: str, start: int, end: int) -> list[int]:
    """Parenthesis depth at each character of text[start:end] (a list item's note is not an item)."""
    out, depth = [], 0
    for ch in text[start:end]:
        depth += ch == "("
        out.append(depth)
        depth -= ch == ")" and depth > 0
    return out


# `- Cờ thi đua của Chính phủ: Thanh tra tỉnh A;` / `… như sau: Cờ thi đua của UBND tỉnh: B, C;`: an
# award heading a list item, its recipients after the colon up to the item's end
_ITEM_END = re.compile(r";|\n|\.\s|\.$")
# (also `đề nghị tặng Cờ thi đua gồm: A và B`, `… gồm các đơn vị: A, B`)
_COLON_HEAD = re.compile(r"[”\"]?\s*(?:năm\s+\d{4}\s*)?(?:,?\s*(?:bao gồm|gồm)(?:\s+(?:các|\d+)\s+(?:đơn vị|tập thể|"
                         r"cơ quan))?\s*:?|:)\s*(?:tập thể\s+|đồng chí\s+|ông\s+|bà\s+)?")


def _colon_list(text: str, pos: int, end: int, mentions: list[dict], people: list[dict],
                next_award: int) -> list[tuple[str, int, int]]:
    c = _COLON_HEAD.match(text, pos, end)
    if not c:
        return []
    stop = _ITEM_END.search(text, c.end(), end)
    item_end = min(stop.start() if stop else end, next_award)
    depth_at = _paren_depths(text, c.end(), item_end)
    found = sorted([(m["name"], m["start"], m["end"]) for m in mentions if not m.get("party")]
                   + [(p["name"], p["start"], p["end"]) for p in people], key=lambda r: r[1])
    found = [r for r in found if c.end() <= r[1] and r[2] <= item_end and not depth_at[r[1] - c.end()]]
    # a body written after a person's name is that person's post (`: ông A, Chánh Thanh tra tỉnh`)
    first_person = min((p["start"] for p in people if c.end() <= p["start"] < item_end), default=item_end)
    names = {p["name"] for p in people}
    found = [r for r in found if r[1] < first_person or r[0] in names]
    # the item names its recipients right after the colon (not `: 02 đơn vị`, not a sentence)
    return found if found and found[0][1] == c.end() else []


_POST_GAP = re.compile(r"\s*,\s*[^,;.\n]{0,40}")
_AND = re.compile(r"\s*(?:,|và)\s*(?:đồng chí\s+|ông\s+|bà\s+)?")


def _chain(text: str, first: dict, mentions: list[dict], people: list[dict]) -> list[tuple[str, int, int]]:
    """`cho A, B và ông C, Chánh Thanh tra tỉnh`: the bodies and people joined to the first one; a
    body written right after a person's name is that person's post, not another recipient."""
    cands = sorted([m for m in mentions if not m.get("party")] + people, key=lambda r: r["start"])
    names = {p["name"] for p in people}
    out, k, after_person = [(first["name"], first["start"], first["end"])], first["end"], False
    for c in cands:
        if c["start"] < k:
            continue
        if after_person and c["name"] not in names and _POST_GAP.fullmatch(text, k, c["start"]):
            k, after_person = c["end"], False      # `…, Phó Chánh Thanh tra tỉnh`: the person's post
            continue
        if not _AND.fullmatch(text, k, c["start"]):
            break
        out.append((c["name"], c["start"], c["end"]))
        k, after_person = c["end"], c["name"] in names
    return out


def _open_recipient(text: str, pos: int, end: int) -> tuple[str, int, int] | None:
    """A recipient written after `cho` that no gazetteer knows: up to `,` `;` `.` `vì` `đồng thời`."""
    # (and before the next award of a shared verb: `cho A và Bằng khen … cho B`)
    m = re.match(r"([A-ZĐ][^,;.()\n]*?)(?=\s+(?:vì|đã|do|đồng thời|nhằm|về)\s|\s+và\s+(?:Cờ|Bằng khen|Giấy khen|tặng|trao|đề nghị)|[,;.()\n]|$)",
                 text[pos:end])
    if not m or len(m.group(1).split()) > 12:
        return None
    return m.group(1).strip(), pos, pos + len(m.group(1).strip())


_OFFICE = re.compile(r"Văn phòng\s+")


def _office_of(text: str, pos: int, mentions: list[dict]) -> tuple[str, int, int] | None:
    """`cho Văn phòng VKSND tỉnh`: a body's office, named with its body's canonical name."""
    o = _OFFICE.match(text, pos)
    m = o and next((m for m in mentions if m["start"] == o.end() and not m.get("party")), None)
    return (f"Văn phòng {m['name']}", pos, m["end"]) if m else None


_PLACE_WORD = re.compile(r"(?:tỉnh|thành phố)\s+$")


# an agency's own report calls itself by its head noun alone (`Cục đã đăng ký … Cờ thi đua …`, `Viện
# được tặng …`): the clause opens with the bare head and a verb or adverb, not a place or a name
_BARE_HEAD = re.compile(r"\s*(?:[^,;:]{0,25},\s*)?(?P<head>Chi cục|Cục|Viện|Sở|Tòa án|Bộ Chỉ huy|Ban Chỉ huy)\s+"
                        r"(?=(?:đã|cũng|được|vinh dự|đăng ký|nhận|đạt|tiếp tục|đều|luôn)(?![\w]))")


def _bare_head_subject(text: str, clause_start: int, mentions: list[dict]) -> list[tuple[str, int, int]]:
    """The article's agency with that head: the most often named, then the first named (an agency's
    own review names itself first); none when two tie and were first named in one sentence."""
    m = _BARE_HEAD.match(text, clause_start)
    if not m:
        return []
    head = m.group("head")
    seen: dict[str, list[int]] = {}
    for x in mentions:
        if x["name"].startswith(head + " ") and not x.get("party"):
            seen.setdefault(x["name"], []).append(x["start"])
    ranked = sorted(seen.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))
    if not ranked:
        return []
    if len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1]):
        a, b = sorted((ranked[0][1][0], ranked[1][1][0]))
        if not re.search(r"\.\s|\n", text[a:b]):
            return []
    return [(ranked[0][0], m.start("head"), m.end("head"))]


def _provinces_as_bodies(text: str, mentions: list[dict]) -> list[dict]:
    """In a cluster of provinces (its members are People's Committees), `suy tôn tỉnh Gia Lai`,
    `tỉnh Kon Tum được … tặng Bằng khen`: a province written with its word stands for its
    People's Committee."""
    out = []
    for pm in gz.province_re().finditer(text):
        if any(m["start"] <= pm.start() < m["end"] for m in mentions):
            continue
        pw = _PLACE_WORD.search(text, max(0, pm.start() - 12), pm.start())
        if pw:
            name = gz.official(pm.group(1))
            out.append({"name": f"Ủy ban nhân dân {gz.kind_of(name)} {name}", "start": pw.start(), "end": pm.end()})
    return out


_COMMUNE_BODY = re.compile(r"Ủy ban nhân dân ((?:xã|phường|thị trấn) .+)")


def _communes_as_bodies(text: str, mentions: list[dict], listed: set[str]) -> list[dict]:
    """`suy tôn đơn vị xã Phú Hựu`: a commune the article names as a body (`UBND xã Phú Hựu`, or a
    bloc member) stands for its People's Committee where it is written with its word alone."""
    out = []
    names = {m["name"] for m in mentions} | listed
    for name in names:
        c = _COMMUNE_BODY.fullmatch(name)
        if not c:
            continue
        for w in re.finditer(r"(?<![\w])" + re.escape(c.group(1)) + r"(?![\w])", text):
            if not any(m["start"] <= w.start() < m["end"] for m in mentions):
                out.append({"name": name, "start": w.start(), "end": w.end()})
    return out


_PARTY_AWARD = re.compile(r" của (?:Ban Thường vụ|Ban Chấp hành Đảng bộ) ")
_PARTY_COMMITTEE = re.compile(r"(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng) ủy |Đảng bộ ")


def _party_committees(text: str, mentions: list[dict]) -> list[dict]:
    """The district Party committees the agency gazetteers left unnamed, as bodies."""
    return [{"name": m.group(0), "start": m.start(), "end": m.end()}
            for m in DISTRICT_COMMITTEE.finditer(text)
            if not any(x["start"] <= m.start() < x["end"] for x in mentions)]


def extract_awards(doc) -> list[dict]:
    ctx = doc._.ctx
    text = ctx.text
    spans = sentence_spans(text)
    blocs_ = doc._.blocs or []
    # a Party body is left out as a recipient when merely mentioned, but in a Party bloc it is a
    # member and competes like any other (ANNOTATION: members and recipients need not be state
    # bodies); a company (kept out of the agencies unless it has a role) is a unit that competes
    # and is rewarded wherever it is named (`Công ty X được UBND thành phố tặng Cờ thi đua`)
    listed = {name for b in blocs_ for name in b["members"]}
    listed |= {b["leader"] for b in blocs_ if b.get("leader")}
    mentions = sorted(({**m, "party": False} if m.get("party") and (m["name"] in listed or m.get("kind") == "company")
                       else m for m in doc._.agency_mentions or []), key=lambda m: m["start"])
    if any(m.startswith("Ủy ban nhân dân") for b in blocs_ for m in b["members"]):
        mentions = sorted(mentions + _provinces_as_bodies(text, mentions), key=lambda m: m["start"])
    mentions = sorted(mentions + _communes_as_bodies(text, mentions, listed), key=lambda m: m["start"])
    # a Party award (`Cờ thi đua của Ban Thường vụ Tỉnh ủy`) goes to the Party committees that
    # compete for it (`cho Huyện ủy X`, `cho Thị ủy Y`): for it they are recipients like any body
    base = mentions
    party_open = None
    people = doc._.people or []
    blocs = doc._.blocs or []
    out, seen = [], set()

    def add(award, recipient, status, year, s, e):
        key = (award, recipient, status)
        if recipient and key not in seen:
            seen.add(key)
            out.append({"award": award, "recipient": recipient, "year": year, "status": status,
                        "start": s, "end": e})

    awards = find_award_mentions(text)
    # the page's tail (`Tin liên quan`, `Các tin khác`) lists other articles' headlines: an award
    # there (`Công an tỉnh nhận Cờ thi đua của Bộ Công an`) is another article's fact
    if ctx.body_end is not None:
        awards = [a for a in awards if a.start < ctx.body_end]
    dated = None        # the last award with a year written for it: (year, status, end, sentence, lead)
    for i, a in enumerate(awards):
        if _PARTY_AWARD.search(a.award):
            if party_open is None:
                party_open = [{**m, "party": False} if m.get("party") and _PARTY_COMMITTEE.match(m["name"]) else m
                              for m in base]
                party_open = sorted(party_open + _party_committees(text, base), key=lambda m: m["start"])
            mentions = party_open
        else:
            mentions = base
        s0, e0 = wrapped_sentence(text, spans, a.start)
        cstart = _clause_start(text, a.start, s0)
        clause = text[cstart:a.start]
        # (a clause that itself says the award was given — `B được Bộ Quốc phòng tặng Cờ …` — keeps
        # `conferred` even after a sentence that proposed others: `…; đề nghị … cho A. Dịp này, B được …`
        # where an abbreviation's dot hid the sentence's end)
        given_here = _RECEIVE_FROM.search(clause) or _RECEIVE.search(clause)
        status = _status(clause if given_here or _status(clause) != "conferred" else text[s0:a.start])
        ym = _YEAR.search(text, a.end, min(e0, a.end + (18 if "giai đoạn" in text[a.end:a.end + 14] else 12)))
        if ym and re.search(r"[;:]", text[a.end:ym.start()]):
            ym = None                     # `…; năm 2020, B …` opens the next clause
        if ym is None:   # `cho A đã có thành tích xuất sắc trong phong trào thi đua năm 2022`
            ym = _FEAT_YEAR.search(text, a.end, _clause_end(text, a.end, e0))
        ytext = text
        if ym is None:   # the last clause opening with a year (a slice: `^` is the sentence's start)
            ytext = text[s0:a.start]
            ym = max(list(_LEAD_YEAR.finditer(ytext)) + list(_LEAD_FEAT_YEAR.finditer(ytext)),
                     key=lambda m: m.start(1), default=None)
        year = int(ym.group(1)) if ym else ctx.facts_year   # voted at a review: the reviewed year
        span_end = _YEAR_SPAN_END.match(ytext, ym.end(1)) if ym else None
        if span_end:    # `thành tích … từ năm 2019 đến năm 2023`: the period ends with the last year
            year = int(span_end.group(1))
        if ym:
            dated = (year, status, max(a.end, (span_end or ym).end()) if ytext is text else a.end, s0,
                     ym.re is _LEAD_FEAT_YEAR)
        elif dated and dated[1] == status and not re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", text[dated[2]:a.start]) \
                and (dated[3] == s0 or dated[4] and "\n" not in text[dated[2]:a.start]):
            # an award with no year of its own after one dated in the same sentence (`A được tặng Cờ …
            # năm 2018; B được tặng Bằng khen`), or in the same paragraph after the achievement's
            # year (`Ghi nhận thành tích năm 2023, A được tặng Cờ …. Ông B được tặng Bằng khen …`)
            year = dated[0]
        nxt = awards[i + 1].start if i + 1 < len(awards) else e0
        # a coordinated award (`Cờ … của Chính phủ, UBND tỉnh`) shares the recipients of the group
        group_end = a.end
        j = i
        while j + 1 < len(awards) and re.fullmatch(r"[\s,”\"]*(?:và|hoặc)?[\s,“\"]*", text[awards[j].end:awards[j + 1].start]):
            j += 1
            group_end = awards[j].end
        after = text[group_end:min(e0, group_end + 400)]
        recips: list[tuple[str, int, int]] = []
        par = re.match(r"[”\"\s]*(?:năm\s+\d{4}\s*)?\(([^()]+)\)", after)
        if par:
            ps, pe = group_end + par.start(1), group_end + par.end(1)
            recips = [(m["name"], m["start"], m["end"]) for m in mentions if ps <= m["start"] < pe]
        if not recips:
            nxt_award = awards[j + 1].start if j + 1 < len(awards) else e0
            recips = _colon_list(text, group_end, e0, mentions, people, nxt_award)
        if not recips:
            f = _FOR.match(after) or _qualified_for(after)
            if f:
                pos = group_end + f.end()
                m = next((m for m in mentions if m["start"] == pos), None)
                if m:
                    recips = _chain(text, m, mentions, people)
                else:
                    p = next((p for p in people if p["start"] == pos), None)
                    office = _office_of(text, pos, mentions)
                    if p:
                        recips = [(p["name"], p["start"], p["end"])]
                    elif office:
                        recips = [office]
                    else:
                        o = _open_recipient(text, pos, e0)
                        if o and not re.match(r"(?:các|những|\d)", o[0]):
                            recips = [o]
                if not recips:
                    recips = _listed_group(text, group_end + f.end(), e0, mentions)
        if not recips and _GROUP_SUBJECT.search(clause):
            # `Khối có 2 đơn vị được Chính phủ tặng Cờ thi đua là A và B`: the counted group is
            # named after the award
            named = _NAMED_AFTER.match(after)
            first = named and next((m for m in mentions if m["start"] == group_end + named.end()), None)
            if first:
                recips = _chain(text, first, mentions, people)
        rcv = None if recips else (_RECEIVE.search(clause) or _RECEIVE_FROM.search(clause) or _REGISTER_VIA.search(clause))
        if rcv and rcv.re is not _RECEIVE and _NOT_GIVER.search(rcv.group("giver")):
            rcv = None
        if rcv:
            # the subject: bodies and people before the verb; a body written after a person's
            # name is that person's post (`Ông A, Chánh Thanh tra tỉnh X được tặng …`)
            subj_end = cstart + rcv.start()
            subj = [p for p in people if cstart <= p["start"] and p["end"] <= subj_end]
            first_person = min((p["start"] for p in subj), default=subj_end)
            run = _last_run(text, [m for m in mentions if cstart <= m["start"] and m["end"] <= first_person])
            if run and _GROUP_SUBJECT.search(text, run[-1]["end"], first_person):
                run = []      # `Sở Nội vụ hướng dẫn các đơn vị đăng ký …`: the group is the subject
            recips = [(m["name"], m["start"], m["end"]) for m in run if not m.get("party")]
            if run and run[0]["start"] == _CLAUSE_LEAD.match(text, cstart).end():
                recips = _earlier_items(text, s0, run[0]["start"], mentions) + recips
            recips += [(p["name"], p["start"], p["end"]) for p in subj]
            if not recips:
                recips = _bare_head_subject(text, cstart, mentions)
        if not recips:
            # `suy tôn A và B đề nghị UBND tỉnh tặng Cờ thi đua`: the bodies the bloc votes for,
            # not the giver (the body right before `tặng`)
            # (the vote nearest the award: `suy tôn A …, đề nghị … Cờ … và suy tôn B …, đề nghị …
            # Bằng khen` gives the Bằng khen to B alone)
            for vote in reversed(list(_VOTE.finditer(text, cstart, a.start))):
                recips = [(m["name"], m["start"], m["end"]) for m in mentions
                          if vote.end() <= m["start"] and m["end"] <= a.start and not m.get("party")
                          and not _GIVER_AFTER.match(text, m["end"])]
                vy = _YEAR.search(text, vote.end(), a.start)
                if recips and vy and ym is None:      # `suy tôn A dẫn đầu Khối năm 2022, đề nghị …`
                    year = int(vy.group(1))
                if recips:
                    break
        vote = _last(_VOTE.finditer(text, s0, cstart))
        if not recips and status == "proposed" and vote and not _FOR_GROUP.match(after):
            # `Hội nghị suy tôn: A dẫn đầu Khối, đề nghị Chính phủ tặng Cờ …; B, đề nghị UBND tỉnh
            # tặng Cờ …`: after the vote, each clause opens with the body it proposes (in a list
            # opened by the vote's colon, even `B đề nghị …`)
            recips = _clause_subject(text, cstart, a.start, mentions, ":" in text[vote.end():cstart])
        if not recips and vote and _FOR_VOTED.match(after):
            # `suy tôn A dẫn đầu Khối; đồng thời đề nghị UBND tỉnh tặng Cờ … cho đơn vị`: the unit is
            # the one the vote just named (the bodies of the vote's clause, not a giver)
            vend = _clause_end(text, vote.end(), cstart)
            recips = [(m["name"], m["start"], m["end"]) for m in mentions
                      if vote.end() <= m["start"] and m["end"] <= vend and not m.get("party")
                      and not _GIVER_AFTER.match(text, m["end"])]
            vy = _YEAR.search(text, vote.end(), vend)
            if recips and vy and ym is None:      # `dẫn đầu Khối năm 2023`: the year voted for
                year = int(vy.group(1))
        # (not when the award is aimed elsewhere: `8/8 đơn vị … hoàn thành …; Tổng Thanh tra Chính phủ
        # đã tặng Bằng khen cho 2 tập thể …`)
        # `phấn đấu 100% đơn vị trong Khối đạt danh hiệu …`: a target set for the year, no award
        target = _TARGET.search(text, s0, a.start) is not None and not re.search(r"[Đđ]ăng ký", text[s0:a.start])
        if not recips and blocs and not target and _ALL_UNITS.search(text[s0:a.start]) and not _FOR_GROUP.match(after):
            recips = [(name, s0, e0) for b in blocs for name in b["members"]]
        counted = None if recips or len(blocs) != 1 or target else _last(_COUNTED_UNITS.finditer(text, cstart, a.start))
        if counted and int(counted.group(1)) == len(blocs[0]["members"]) > 1 \
                and blocs[0].get("member_count") in (None, len(blocs[0]["members"])):
            recips = [(name, s0, e0) for name in blocs[0]["members"]]
        f_all = None if recips or not blocs or target else _FOR.match(after)
        if f_all and _ALL_UNITS_FOR.match(after, f_all.end()):
            # `tặng … cho 7/7 đơn vị trong Khối`, `cho 100% đơn vị thành viên`: every listed member
            recips = [(name, s0, e0) for b in blocs for name in b["members"]]
        for k in range(i, j + 1):
            for name, _s, _e in recips:
                add(awards[k].award, name, status, year, min(a.start, _s), max(awards[k].end, _e))
        del nxt
    return out


def recipients_as_members(doc) -> None:
    """Units a bloc proposes or honours are its members when it lists none (a bloc's bình xét).

    Kept on purpose: the dev gold records them so (gold 059: the two corporations a bloc's
    bình xét proposes are its partial members; gold 048 likewise for the units it ranks).
    Only the awards the bloc votes or proposes say so: a flag an outside giver already conferred
    (`Năm 2022, Công an tỉnh được Chủ tịch nước tặng thưởng Huân chương …`) says nothing of
    membership."""
    blocs = doc._.blocs or []
    if len(blocs) != 1 or blocs[0]["members"]:
        return
    text = doc._.ctx.text
    if not re.search(r"[Bb]ình xét|[Ss]uy tôn", text):
        return
    spans = sentence_spans(text)
    people = {p["name"] for p in doc._.people or []}
    for a in doc._.awards:
        s0, e0 = sentence_of(spans, a["start"])
        if a["status"] != "proposed" and not _VOTE.search(text, s0, e0):
            continue
        if a["recipient"] not in people and a["recipient"] not in blocs[0]["members"]:
            blocs[0]["members"].append(a["recipient"])


@Language.factory("thidua_awards")
def make_component(nlp, name):
    def component(doc):
        doc._.awards = extract_awards(doc)
        recipients_as_members(doc)
        people = {p["name"] for p in doc._.people or []}
        for a in doc._.awards:          # a body that receives an award is one the article names
            if a["recipient"] not in people:
                add_agency(doc, a["recipient"])
        return doc
    return component
