"""Extraction component `thidua_figures`: quantities written in digits with what they count.

A figure is a number followed by its counted noun (`128 cuộc thanh tra`), by `%`, or by a
money word (`43,6 tỷ đồng`, `680 triệu`). What is *not* a figure is decided by the words
around the number (vocabulary in data/fig_words.txt):

* before it: identifiers and ordinals (`số 1`, `thứ 2`, `đợt 3`, `năm 2023`);
* after it: time units (`6 tháng`, `75 năm`), function words (`1 trong 6`), a capitalised
  word (`Khối thi đua 20 Bộ Xây dựng` — a name, not a count), page counters (`943 lượt xem`);
* dates (dates.find_dates), plain four-digit years, and furniture lines (date lines,
  `Online : 4147`) and the page's tail.

The unit is the counted noun phrase as written: lower-case syllables up to a function word,
a verb, a capitalised word or punctuation, continued across a comma when the next item is
another counted noun of the same list (`đơn vị, doanh nghiệp`). A fraction counts by its first
number (`245/268 vụ việc`, `1.234/1.300 hồ sơ`, `4,2/5,6 tỷ đồng` with the second's multiplier);
a noun that starts with a function word (`bị can`) is listed in `stop_nouns`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language

from .dates import find_dates, parse_date_line
from .furniture import body_end, is_furniture, iter_lines, read_sections
from .numbers import MULTIPLIERS, NUMBER_RE, to_value

_APPROX = re.compile(r"(?:(?:gần|hơn|khoảng|trên|dưới|gần như|xấp xỉ|tới|đến|tổng cộng|tổng số|"
                     r"Gần|Hơn|Khoảng|Trên|Dưới)\s+)$")
_SYLLABLE = re.compile(r"[^\W\d_]+")
# a unit's first syllable may be an area or volume unit written with a digit (`15.400 m2 đất`,
# `km2`, `m3`): the `2` is part of the unit, like `²` in `m²`
_UNIT_SYLLABLE = re.compile(r"(?:[kcdh]?m[23](?![\w]))|[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"[ \t\u00a0]+")
_COMMA = re.compile(r",[ \t\u00a0]+")
_MONEY = re.compile(r"[ \t\u00a0]*(đồng|VNĐ|VND|vnđ|vnd|đ)(?!\w)")
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")
# `/268`, `/1.300`, `/5,6 tỷ` (its multiplier then also scales the first number: `4,2/5,6 tỷ đồng`)
_FRACTION = re.compile(r"/(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?![\d/]|[.,]\d)"
                       r"(?:[ \t\u00a0]*(?P<mult>(?:nghìn|ngàn) t[ỷỉ]|tỷ|tỉ|triệu|nghìn|ngàn)(?!\w))?")
_COMPOUND = re.compile(r"[ \t\u00a0]+(\d{1,3})[ \t\u00a0]*(triệu|nghìn|ngàn)(?!\w)")
_FOREIGN = re.compile(r"[ \t\u00a0]*(USD|đô la Mỹ|đô la|EUR|euro|Euro|yên|nhân dân tệ)(?!\w)")
_PERCENT = re.compile(r"[ \t\u00a0]?%")
_MAX_UNIT_SYLLABLES = 6  # `văn bản quy phạm pháp luật`


@lru_cache(maxsize=1)
def _vocab() -> dict[str, frozenset[str]]:
    sections = read_sections("fig_words.txt")
    return {k: frozenset(w.lower() for w in v) for k, v in sections.items()}


@lru_cache(maxsize=1)
def _capital_heads() -> frozenset[str]:
    """First syllables of the capitalised units: their phrase may go on in capitals."""
    return frozenset(u.split()[0] for u in _vocab()["capital_units"])


def _words_before(text: str, pos: int, n: int) -> list[str]:
    """The up to `n` syllables right before `pos` (same line), lower case, nearest last."""
    line_start = text.rfind("\n", 0, pos) + 1
    chunk = text[max(line_start, pos - 40):pos]
    if chunk and not chunk[-1].isspace():
        return []  # glued to something (`KH-2`, `(3`): handled by the caller
    return [w.lower() for w in _SYLLABLE.findall(chunk)][-n:] if chunk.strip() else []


def _preceded_by_identifier(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start]
    if not before or not before[-1].isspace():
        return False
    tail = before.rstrip()
    if not tail or not (tail[-1].isalpha()):
        return False
    words = _words_before(text, start, 2)
    if not words:
        return False
    if words[-2:] == ["tổng", "số"]:
        return False  # `tổng số 128 cuộc`: a total, not an identifier
    vocab = _vocab()["before"]
    return words[-1] in vocab or " ".join(words[-2:]) in vocab


def _after_bloc_name(text: str, start: int) -> bool:
    """Does the number follow a bloc's name head (`Khối thi đua 20`, `Cụm 5`)?"""
    words = _words_before(text, start, 2)
    return bool(words) and (words[-2:] == ["thi", "đua"] or words[-1] in ("khối", "cụm"))


# `Khối thi đua các cơ quan Trung ương 1 đóng trên địa bàn`: a numeral right after a capitalised
# word of a bloc's name, with no punctuation back to `Khối`/`Cụm`, numbers the bloc
_NAMED_BLOC_BEFORE = re.compile(r"(?<!\w)(?:Khối|Cụm)(?!\w)[^,.;:()\n]{0,60}\s(?:[A-ZĐ][^\W\d_]*|Trung ương)\s$")


# a place word with its proper name right after (`huyện Bắc Trà My`): a place, not a counted noun
_PLACE_WORDS = frozenset(("huyện", "quận", "thị xã", "xã", "phường", "thị trấn"))
_REGION_WORDS = frozenset(("tỉnh", "thành phố"))
_NAME_NEXT = re.compile(r"[ \t]+[A-ZĐ]")


def _in_bloc_name(text: str, start: int) -> bool:
    return _NAMED_BLOC_BEFORE.search(text, max(0, start - 70), start) is not None


def _is_list_noun(unit: str) -> bool:
    """Is the unit one of the things a bloc counts (`tỉnh`, `đơn vị`)? Whole first noun."""
    words = unit.lower().replace(",", " ").split()
    vocab = _vocab()["after_bloc"]
    return bool(words) and (" ".join(words[:2]) in vocab or (words[0] in vocab and
                                                              " ".join(words[:2]) not in _vocab()["list"]))


def _glued(text: str, start: int) -> bool:
    """Is the number part of a larger token (`COVID-19`, `21/KH`, `1.5`, `F0`)?"""
    if start == 0:
        return False
    c = text[start - 1]
    if c.isalnum() or c == "_":
        return True
    if c in "/.,-–:" and start >= 2:
        prev = text[start - 2]
        if prev.isdigit():
            return True
        if c in "-–:" and prev.isalpha():
            return True  # `Covid-19`, `Online:4147`
    return False


def _glued_unit(text: str, pos: int, limit: int) -> bool:
    """Does a measure glued to the number start at `pos` (`m2` of `45.000m2`)?"""
    sm = _UNIT_SYLLABLE.match(text, pos, limit)
    return bool(sm) and sm.group().lower() in _vocab()["glued_units"] and not (
        sm.end() < limit and (text[sm.end()].isalnum() or text[sm.end()] == "_"))


def _unit_phrase(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The counted noun phrase starting at `pos` (after white space), as (start, end)."""
    vocab = _vocab()
    stop, end_words, time_units = vocab["stop"], vocab["end"], vocab["time"]
    m = _SPACES.match(text, pos, limit)
    if m:
        start = m.end()
    elif _glued_unit(text, pos, limit):
        start = pos  # `45.000m2 đất`: the measure written without its space
    else:
        return None
    syllables: list[tuple[int, int, str]] = []
    i = start
    while i < limit and len(syllables) < _MAX_UNIT_SYLLABLES:
        sm = (_SYLLABLE if syllables else _UNIT_SYLLABLE).match(text, i, limit)
        if not sm:
            break
        word = sm.group()
        low = word.lower()
        nxt = _NEXT_WORD.match(text, sm.end(), limit)
        pair = f"{low} {nxt.group(1).lower()}" if nxt else low
        if not syllables:
            capital_unit = pair in vocab["capital_units"] or low in vocab["capital_units"]
            if word[0].isupper() and not capital_unit:
                return None
            if not capital_unit and pair not in vocab["stop_nouns"] and (
                    low in stop or pair in stop or low in time_units):
                return None
        elif (word[0].isupper() and syllables[0][2] not in _capital_heads()) or low in stop \
                or pair in stop or low in end_words or pair in end_words:
            break
        syllables.append((sm.start(), sm.end(), low))
        i = sm.end()
        sp = _SPACES.match(text, i, limit)
        if not sp:
            break
        i = sp.end()
    if not syllables:
        return None
    # `6 tháng đầu năm`, `2 cấp`: a two-syllable time unit (`thế kỷ`) too
    first_two = " ".join(s[2] for s in syllables[:2])
    if first_two in time_units:
        return None
    for phrase, _ in ((" ".join(s[2] for s in syllables[:2]), 2), (syllables[0][2], 1)):
        if phrase in vocab["furniture_unit"]:
            return None
    end = syllables[-1][1]
    # continue across `, ` when a known counted noun follows (`cuộc thanh tra, kiểm tra`)
    while True:
        cm = _COMMA.match(text, end, limit)
        if not cm or not _SYLLABLE.match(text, cm.end(), limit):
            break  # `106 tập thể, 296 cá nhân`: a new figure follows, not a list item
        nxt = _SYLLABLE.findall(text[cm.end():min(limit, cm.end() + 40)])
        hit = None
        for n in (3, 2, 1):
            cand = " ".join(nxt[:n]).lower()
            if len(nxt) >= n and cand in vocab["list"] and not nxt[0][0].isupper():
                hit = n
                break
        if hit is None:
            break
        j = cm.end()
        for _ in range(hit):
            sm = _SYLLABLE.search(text, j, limit)
            j = sm.end()
        # the item must not be the start of the next counted figure (`106 tập thể, 296 cá nhân`)
        if " ".join(s[2] for s in syllables[:hit]) == " ".join(nxt[:hit]).lower():
            break
        end = j
    return start, end


def _is_money(text: str, pos: int, limit: int) -> tuple[int, bool] | None:
    """A money word right after `pos`: (its end, written) — `đồng`, `VNĐ`, `đ`."""
    m = _MONEY.match(text, pos, limit)
    if not m:
        return None
    word = m.group(1)
    if word == "đ" and m.end() >= len(text.rstrip()):
        return None  # the text is cut off inside a word (`108 đ`): not money
    if word == "đồng":
        nxt = _NEXT_WORD.match(text, m.end(), limit)
        if nxt is not None and nxt.group(1).lower() in _vocab()["not_money"]:
            return None  # `5 đồng chí`
    return m.end(), True


def _skip_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Line spans inside which no figure is taken: date lines and furniture lines."""
    spans = []
    for a, b, line in iter_lines(text, start, end):
        # only a line with a digit can hold a figure, so only those need the furniture test
        if len(line) < 120 and _DIGIT.search(line) and (
                is_furniture(line) or parse_date_line(line) is not None):
            spans.append((a, b))
    return spans


_RANGE = re.compile(r"[ \t\u00a0]*[-–][ \t\u00a0]*|[ \t\u00a0]+(?:đến|tới)[ \t\u00a0]+")


def _unit_after(text: str, after: int, end: int, m: re.Match) -> tuple[str | None, int]:
    """What the number `m` counts, read at `after`: (`%` / `đồng` / a currency / the counted noun
    phrase, where it ends), or (None, after)."""
    pm = _PERCENT.match(text, after, end)
    if pm:
        return "%", pm.end()
    fx = _FOREIGN.match(text, after, end)
    if fx:
        return fx.group(1), fx.end()  # money, but not in đồng: the currency as written
    money = _is_money(text, after, end)
    if money:
        return "đồng", money[0]
    span = _unit_phrase(text, after, end)
    if span:
        return text[span[0]:span[1]], span[1]
    if m.group("mult"):
        return "đồng", m.end()  # `680 triệu` alone is money
    return None, after


def _range_end(text: str, m: re.Match, num_end: int, end: int):
    """The second number of a range starting with `m`, with its unit: (match, unit, stop) or None."""
    if m.group("mult"):
        return None
    r = _RANGE.match(text, num_end, end)
    if not r:
        return None
    m2 = NUMBER_RE.match(text, r.end(), end)
    if not m2:
        return None
    after2 = m2.end() if m2.group("mult") else (m2.end("frac") if m2.group("frac") else m2.end("int"))
    unit, stop = _unit_after(text, after2, end, m2)
    return (m2, unit, stop) if unit else None


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[dict]:
    """Figures in text[start:end] as contract dicts with offsets; each (value, unit) once."""
    end = body_end(text, start) if end is None else end
    skip = _skip_spans(text, start, end)
    dates = [(d.start, d.end) for d in find_dates(text, start, end)]
    blocked: list[list[int]] = []
    for a, b in sorted(skip + dates):       # merged, so one bisect answers `inside`
        if blocked and a <= blocked[-1][1]:
            blocked[-1][1] = max(blocked[-1][1], b)
        else:
            blocked.append([a, b])
    starts = [a for a, _b in blocked]

    def inside(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k >= 0 and i < blocked[k][1]

    out: list[dict] = []
    seen: set[tuple] = set()
    consumed = start  # end of the last figure: its parts (`200 triệu` of `1 tỷ 200 triệu`) are not figures
    second = -1       # where the second number of a range starts (`10-15%`: glued, still a figure)
    for m in NUMBER_RE.finditer(text, start, end):
        a = m.start()
        if a < consumed or (_glued(text, a) and a != second) or inside(a):
            continue
        int_part, frac, mult_word = m.group("int"), m.group("frac"), m.group("mult")
        num_end = m.end("frac") if frac else m.end("int")
        if not frac and "." not in int_part and len(int_part) == 4 and int_part[:2] in ("19", "20"):
            continue  # a year
        if _preceded_by_identifier(text, a):
            continue
        # `3/8 đơn vị`, `866 lượt/964`: a fraction counts by its first number
        after = num_end
        fm = _FRACTION.match(text, after, end)
        if fm and not mult_word:
            after = fm.end()
            mult_word = fm.group("mult")
        mult = MULTIPLIERS[mult_word] if mult_word else 1
        if mult_word and not fm:
            after = m.end()
        value = to_value(int_part, frac, mult)
        # `1 tỷ 200 triệu đồng`: the smaller part belongs to the same amount
        cm = _COMPOUND.match(text, after, end) if mult_word and not frac else None
        if cm and MULTIPLIERS[cm.group(2)] < mult:
            value += int(cm.group(1)) * MULTIPLIERS[cm.group(2)]
            after = cm.end()
        unit, stop = _unit_after(text, after, end, m)
        resume = stop
        if unit is None:
            # `từ 10-15%`, `10 - 12 tỷ đồng`, `từ 300 đến 400 lượt`: a range; its first number
            # counts what the second does (and takes its multiplier)
            rng = _range_end(text, m, num_end, end)
            if rng is not None:
                m2, unit, stop = rng
                second = resume = m2.start()
                if not mult_word and m2.group("mult"):
                    value = to_value(int_part, frac, MULTIPLIERS[m2.group("mult")])
                    if frac is None and "." not in int_part:
                        value = int(value)
        if unit is None:
            continue
        consumed = resume
        if unit not in ("%", "đồng") and (_after_bloc_name(text, a) or _in_bloc_name(text, a)) \
                and not _is_list_noun(unit):
            continue  # `Khối thi đua 20 tổ chức …`: the number is part of the name
        if _after_bloc_name(text, a) and _NAME_NEXT.match(text, stop, end) and (
                unit.lower() in _PLACE_WORDS or (int_part.startswith("0") and unit.lower() in _REGION_WORDS)):
            # `Khối 01 huyện Bắc Trà My`: the bloc's number, then the district it is in (but
            # `Cụm thi đua 6 tỉnh Bắc Trung bộ` counts the provinces of a region)
            continue
        if unit == "%" and frac is None and "." not in int_part and value > 10000:
            continue
        am = _APPROX.search(text, max(start, a - 20), a)
        fig_start = am.start() if am and text[am.start():a].strip() else a
        key = (value, unit.lower())
        if key in seen:
            continue
        seen.add(key)
        out.append({"value": value, "unit": unit, "text": text[fig_start:stop],
                    "start": fig_start, "end": stop})
    return out


@Language.factory("thidua_figures")
def make_component(nlp, name):
    def component(doc):
        ctx = doc._.ctx
        doc._.figures = find_figures(ctx.text, 0, ctx.body_end)
        return doc
    return component
