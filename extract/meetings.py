"""Extraction component `thidua_meetings`: the meetings an article reports, with their dates.

An event sentence is one that dates something (`Ngày 15/6`, `Sáng 28/2`, `vào ngày 12/4/2017`,
not a cited document's `số 21/KH-UBND ngày 30/01/2023`) and holds an event word (`tổ chức`,
`diễn ra`, `hội nghị`, `lễ`, `ký kết giao ước`). Its kinds come from the kind words in it:
`sơ kết` so_ket, `tổng kết` tong_ket, `ký (kết) giao ước` ky_giao_uoc, `phát động` phat_dong
(dropped when the same event signs a pledge), `hội thảo` / `giao lưu` / `hội thao` other. A
conference reviewing one year and signing the next year's pledge is two meetings.
A dated `tổ chức hội nghị / lễ` of no other kind (`hội nghị chuyên đề`, `tập huấn`) is `other`.
Undated mentions (`đã ký kết giao ước thi đua`, `tổ chức hội nghị tổng kết`) are meetings with
a null date unless a dated meeting of that kind exists; `Cùng ngày, …` and `Tại hội nghị, các
đơn vị đã ký kết giao ước …` (also `Dịp này, …`, `Hội nghị đã …`, `Kết thúc hội nghị, …`) take
the date of the meeting just reported, the latter also its place. Sentences in the page's tail
(`Tin liên quan`) are other articles' headlines and hold no meeting of this one. A dated
conference of no kind of its own takes the headline's kind (`Hội nghị triển khai công tác`
under `… ký kết giao ước thi đua năm 2019`).
Years: a date without one takes the publication year, unless that puts it more than two months
after publication (`28/12` in an article of 2 January: the year before); with no publication
date, a January–March review of `năm Y` is held in Y+1. Sentences and headlines in capitals
are read in lower case.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language

from .dates import DateMention, find_dates, valid_date
from .sentences import sentence_spans

# (`theo bản đăng ký giao ước thi đua`: registering for the pledge, spoken of, is no signing)
# (`Hội nghị phát động, ký kết, giao ước phong trào thi đua`: a comma may split the verb from its object)
# (but `đầu năm có đăng ký giao ước thi đua`, `các đơn vị đã đăng ký giao ước`: registered as a
# verb with its aspect word, the units made their pledge, an event reported in passing)
_KY = re.compile(r"(?<![Đđ]ăng )(?:[Kk]ý\s+(?:kết,?\s+)?(?:[Gg]iao ước|cam kết thi đua)|[Kk]ý\s+kết\s+thi đua)"
                 r"|(?:(?<=đã )|(?<=có ))đăng ký\s+[Gg]iao ước")
_KINDS = [
    ("so_ket", re.compile(r"[Ss]ơ kết")),
    # (a conference briefing on a whole year's emulation work, `Hội nghị giao ban công tác thi đua
    # năm 2015`, is that year's review; a quarter's or half's briefing is no review)
    ("tong_ket", re.compile(r"[Tt]ổng kết|đánh giá kết quả thực hiện phong trào"
                            r"|[Gg]iao ban\s+(?:công tác\s+)?thi đua(?:,?\s+khen thưởng)?\s+năm\s+\d{4}|[Gg]iao ban cuối năm")),
    ("ky_giao_uoc", _KY),
    ("phat_dong", re.compile(r"[Pp]hát động")),
    ("other", re.compile(r"[Hh]ội thảo|[Hh]ội thao|[Gg]iao lưu|[Hh]ội diễn|[Tt]ọa đàm|[Mm]ít tinh|[Kk]ỷ niệm|"
                         r"[Gg]iải thể thao|[Ss]inh hoạt chuyên đề|chuyên đề sinh hoạt|"
                         r"[Tt]uyên dương điển hình|[Đđ]ại hội thi đua|[Hh]ội nghị điển hình|"
                         # award ceremonies (ANNOTATION: `other`); a `trao` inside a review is not one
                         r"(?<!\w)[Ll]ễ\s+(?:đón nhận|(?:trao|trao tặng|công bố)\s+(?:Cờ|Huân chương|Bằng khen|danh hiệu|"
                         r"Quyết định))")),
]
# `Tổng kết thi đua Khối năm học 2015 – 2016, có 04 đơn vị được …`: the bloc's review reported
# by its outcome, the kind word heading the sentence
_REVIEW_OF_BLOC = re.compile(r"(?:^|(?<=\n))\s*(?:[Ss]ơ|[Tt]ổng)\s+kết\s+(?:công tác\s+)?thi đua(?:,?\s+khen thưởng)?\s+"
                             r"(?:của\s+)?(?:Khối|Cụm|khối|cụm)(?!\w)")
# a review report presented (`… – Khối phó Khối thi đua báo cáo tổng kết phong trào …`, `Hội
# nghị đã nghe trình bày báo cáo tổng kết`): the review was held, even undated; a report cited
# (`Theo báo cáo tổng kết …`) is not
_REPORT_PRESENTED = re.compile(r"(?<!\w)(?:trình bày|thông qua|nghe)\s+(?:dự thảo\s+)?[Bb]áo cáo\s+(?:sơ|tổng)\s+kết(?!\w)"
                               r"|(?<!\w)(?:Khối|Cụm|khối|cụm)\s+(?:trưởng|phó)(?!\w)[^.;\n]{0,60}?\s(?:trình bày\s+)?"
                               r"báo cáo\s+(?:sơ|tổng)\s+kết(?!\w)")
_EVENT = re.compile(r"tổ chức|[Tt]ổ chức|diễn ra|[Hh]ội\s+nghị|(?<!\w)[Ll]ễ(?!\w)|[Bb]uổi|[Pp]hát động\s+(?:phong trào\s+)?thi đua|" + _KY.pattern
                    # a bloc as the subject of the review verb (`…, Khối thi đua … sơ kết 6 tháng …`)
                    + r"|(?<!\w)(?:Khối|Cụm)(?!\w)[^.;\n]{0,80}?\s(?:sơ kết|tổng kết)(?!\w)"
                    # `Qua buổi tổng kết cụm thi đua I, …`, `Qua tổng kết, …`: a review reported by its outcome
                    + r"|" + r"(?<!\w)[Qq]ua\s+(?:(?:buổi|hội nghị|đợt)\s+)?(?:sơ|tổng)\s+kết(?!\w)"
                    # `Ngày 23/10/2018, Đoàn kiểm tra của Khối … đã tiến hành kiểm tra`: a visit held
                    + r"|(?<!\w)[Đđ]oàn\s+(?:kiểm tra|công tác|giám sát)(?!\w)"
                    + r"|" + _REVIEW_OF_BLOC.pattern + r"|" + _REPORT_PRESENTED.pattern)
# a cited document's date (`số 21/KH-UBND ngày`, `Kế hoạch 15/KH ngày`), not `trong 2 ngày 14 và 15/12`
# (`Chỉ thị số 34-CT/TW, ngày 7-4-2014` puts a comma between the number and its date)
_DOC_BEFORE = re.compile(r"(?:(?:số|Số)\s*\d+[\w/.\-]*|\d+[\w.\-]*/[\w/.\-]*),?\s+ngày\s*$|(?:[A-ZĐ]{2,}[\w\-]*),?\s+ngày\s*$")
# `Ngày 15/6`, `sáng 15-12`, `vào ngày 5/7`, `Sáng nay (20/12)`, `Sáng thứ Sáu (15/12)`
_TIME_CUE = re.compile(r"(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Hh]ôm|[Vv]ào)"
                       # `Hôm nay, 12/3`: the day may follow a comma
                       r"(?:\s+(?:nay|qua|[Tt]hứ\s+\w+|[Cc]hủ\s+[Nn]hật)\s*,?)?\s*\(?\s*(?:ngày\s*)?$")
_DOT_DATE = re.compile(r"(?:[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Nn]gày)\s+(\d{1,2})\.(\d{1,2})(?![\d.])")
# an anniversary's founding day and its jubilee in brackets (`kỷ niệm 48 năm Ngày giải phóng
# miền Nam (30/4/1975 - 30/4/2023)`): the dates of what is celebrated, not of the meeting
_ANNIV_SPAN = re.compile(r"\(\s*(?:ngày\s*)?\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d\d\s*[-–]\s*(?:ngày\s*)?"
                         r"\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d\d\s*\)")
# `Sáng nay, Khối … tổ chức …`, `Hôm qua, …`: the day is the page's date (or the day before),
# when no date follows in brackets (`Sáng nay (20/12)` is read as written)
_RELATIVE_DAY = re.compile(r"(?<!\w)(?:[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Hh]ôm)\s+(nay|qua)(?!\w)(?!\s*\(?\s*(?:ngày\s*)?\d)")
_LAW_REVIEW = re.compile(r"tổng kết\s+\d+\s+năm\s+(?:thực hiện|thi hành)")
# `6 tháng đầu năm 2024`, `9 tháng năm 2023`, `quý I năm 2024`, `năm học 2023-2024`,
# `giai đoạn 2021-2025`, `năm 2023`, `đợt 1/2023`
_PERIOD = re.compile(r"(?:\d+\s+tháng\s+(?:(?:đầu|cuối)\s+)?năm(?:\s+\d{4})?|năm học\s+\d{4}\s*[-–]\s*\d{4}|"
                     r"giai đoạn\s+\d{4}\s*[-–]\s*\d{4}|năm\s+\d{4}|đợt\s+\d+[-/]\d{4}|"
                     r"quý\s+[IV]+(?:\s+năm\s+\d{4})?)")
# An undated `other` event counts when it is planned (`dự kiến tháng 6.2021, tổ chức giao lưu`,
# `sẽ tổ chức hội thao`); one merely praised in passing (`quan tâm tổ chức giao lưu`) does not.
_SCHEDULED_OTHER = re.compile(
    r"(?:[Dd]ự kiến|[Kk]ế hoạch|\bsẽ|chuẩn bị)(?:[^.;]|\.(?=\d)){0,60}?tổ chức\s+(?:các\s+)?"
    r"(?:giao lưu|hội thao|hội thảo|tọa đàm|hội diễn|mít tinh|lễ kỷ niệm|hội nghị điển hình)"
)
# ... or when the bloc reports it held or decided to hold it (`Cụm đã tổ chức … 1 hội thảo
# chuyên đề`, `Khối đã tổ chức 3 chuyên đề sinh hoạt`, `Cụm thống nhất tổ chức giải thể thao`), or a
# member hosts the bloc's own event (`X đăng cai tổ chức Hội thao Cụm thi đua số 4`)
_BLOC_HELD_OTHER = re.compile(r"(?<!\w)(?:Khối|Cụm)(?!\w)[^.;\n]{0,40}?\s(?:đã|thống nhất|sẽ)\s+tổ chức(?!\w)"
                              r"|(?:đăng cai|đã)\s+tổ chức\s+(?:[Hh]ội thao|[Hh]ội diễn|[Gg]iải|[Gg]iao lưu)"
                              r"[^.;\n]{0,30}?\s(?:Khối|Cụm)(?!\w)"
                              # `Vừa qua, X, Khối trưởng …, tổ chức hội thao cho …`: recently held
                              r"|(?<!\w)[Vv]ừa\s+qua\s*,[^.;\n]{0,160}?\stổ chức\s+(?:các\s+)?"
                              r"(?:[Hh]ội thao|[Hh]ội diễn|[Hh]ội thảo|[Tt]ọa đàm|[Gg]iải|[Gg]iao lưu)(?!\w)")
# a sentence that goes on about the conference just dated
# (a page's hard wrap may split `hội\nnghị`)
_AT_MEETING = re.compile(r"^\s*(?:(?:[Tt]ại|[Cc]ũng tại|[Tt]rong khuôn khổ|(?:[Nn]gay\s+)?[Ss]au|[Kk]ết thúc)\s+"
                         r"(?:[Hh]ội\s+nghị|[Bb]uổi\s+lễ|[Ll]ễ|[Bb]uổi)(?!\w)"
                         # `Dịp này, các đơn vị đã ký kết giao ước …`: on the occasion just reported
                         r"|(?:[Nn]hân |[Cc]ũng |[Tt]rong )?[Dd]ịp này(?!\w)"
                         # `Hội nghị đã thông qua … và ký kết giao ước`: the conference just dated
                         r"|(?:[Hh]ội nghị|[Bb]uổi lễ)\s+(?:cũng\s+)?(?:đã|tiến hành|tiếp tục)(?!\w))")
# `Cùng ngày, Cụm tổ chức ký kết giao ước …`: another event on the day just dated
# the pledge as the object of a review (`việc thực hiện các nội dung ký kết giao ước`)
_PLEDGE_AS_OBJECT = re.compile(r"(?:nội dung|việc|kết quả|thực hiện)\s+(?:(?:các|đã|những)\s+)?$")
_SAME_DAY = re.compile(r"^\s*(?:[Cc]ùng ngày|[Cc]ũng trong ngày|[Tt]rong cùng ngày)(?!\w)")
_HELD = re.compile(r"tổ chức\s+(?:thành công\s+)?(?:[Hh]ội nghị|[Ll]ễ|[Hh]ội thi|[Cc]uộc thi)(?!\w)")
_PLANNED = re.compile(r"[Dd]ự kiến|(?<!\w)sẽ(?!\w)|[Tt]heo kế hoạch|[Cc]huẩn bị")
# `Dịp này, Thanh tra tỉnh phát động phong trào thi đua năm 2019`: a launch made at the
# conference just dated (not one spoken of: `hưởng ứng phong trào do … phát động`)
_ACTIVE_LAUNCH = re.compile(r"(?<!do )(?<!được )(?<!đã được )[Pp]hát động\s+(?:phong trào\s+|đợt\s+)?thi đua")
_LAUNCH_SPOKEN_OF = re.compile(r"hưởng ứng|(?<!\w)do(?!\w)|(?<!\w)được(?!\w)|các phong trào")
# `Các Khối đã tổ chức 24 cuộc hội nghị, hội thảo chuyên đề`: events counted in a summary of
# the year, not one meeting
_COUNTED_EVENTS = re.compile(r"\d[\d.]*\s+(?:cuộc|buổi|hội nghị|đợt|lớp)(?!\w)[^.;\d]{0,30}$")
_TRIEN_KHAI = re.compile(r"[Hh]ội nghị triển khai (?:nhiệm vụ|công tác)")
# a review named as a held occasion without `hội nghị` (`Qua buổi tổng kết cụm …`), or a
# conference's business (`Tại hội nghị, … thông qua báo cáo tổng kết`): held, even undated
# (or a conference reported held, `Cụm … đã tổ chức Hội nghị giao ban công tác thi đua năm 2015`)
_REVIEW_HELD = re.compile(r"(?<!\w)[Qq]ua\s+(?:(?:buổi|hội nghị|đợt)\s+)?(?:sơ|tổng)\s+kết(?!\w)"
                          r"|[Hh]ội\s+nghị\s+(?:[Ss]ơ|[Tt]ổng)|(?<!\w)(?:đã|vừa)\s+tổ chức\s+(?:thành công\s+)?[Hh]ội\s+nghị(?!\w)"
                          r"|" + _REVIEW_OF_BLOC.pattern + r"|" + _REPORT_PRESENTED.pattern)
# `Đoàn kiểm tra của Khối … đã tiến hành kiểm tra tại …`: a dated inspection visit (`other`)
_VISIT = re.compile(r"(?<!\w)[Đđ]oàn\s+(?:kiểm tra|công tác|giám sát)(?!\w)[^.;]{0,400}?"
                    r"(?:tiến hành|đã)\s+(?:kiểm tra|làm việc|giám sát)(?!\w)")


def _dates(ctx, s: int, e: int) -> list[tuple[int, str, bool]]:
    """(offset, iso, written with its year) of the dates in text[s:e] that date an event (not a document's date)."""
    text = ctx.text
    year = int(ctx.published[:4]) if ctx.published else ctx.year
    planned = _PLANNED.search(text, s, e) is not None
    out = []
    anniv = [(m.start(), m.end()) for m in _ANNIV_SPAN.finditer(text, s, e)]
    for d in find_dates(text, s, e, default_year=year):
        if not d.iso or d.day is None or any(a <= d.start < b for a, b in anniv):
            continue
        before = text[max(0, d.start - 30):d.start]
        if _DOC_BEFORE.search(before):
            continue
        # `từ ngày 01/12 đến ngày 30/11` bounds a reporting period; `từ ngày 18 đến 20/12` is
        # one event's days (a span mention)
        if not d.is_range and re.search(r"(?:[Tt]ừ|đến)\s*(?:ngày\s*)?$", before):
            continue
        if not d.has_year and not _TIME_CUE.search(before):
            continue
        out.append((d.start, _with_year(ctx, d, planned), d.has_year))
    for m in _DOT_DATE.finditer(text, s, e):
        day, month = int(m.group(1)), int(m.group(2))
        if year and valid_date(year, month, day):
            d = DateMention(m.start(1), m.end(), year, month, day, False)
            out.append((d.start, _with_year(ctx, d, planned), False))
    if not out and ctx.published:
        rm = _RELATIVE_DAY.search(text, s, e)
        try:
            pub = dt.date.fromisoformat(ctx.published)
        except ValueError:
            rm = None
        if rm:
            day = pub - dt.timedelta(days=rm.group(1) == "qua")
            out.append((rm.start(), day.isoformat(), True))
    return sorted(out)


def _with_year(ctx, d, planned: bool = False) -> str:
    """The ISO date of a mention; one written without its year (`Ngày 28/12`) took the year
    of publication, but an article reports past events: a day more than two months after its
    publication (`28/12` in an article of 2 January) is of the year before, unless the sentence
    announces it (`dự kiến ngày 15/12 sẽ tổ chức`)."""
    if d.has_year or not ctx.published or planned:
        return d.iso
    try:
        pub = dt.date.fromisoformat(ctx.published)
        day = dt.date(d.year, d.month, d.day)
        if (day - pub).days > 60:
            return dt.date(d.year - 1, d.month, d.day).isoformat()
    except ValueError:
        pass
    return d.iso


def _review_held_next_year(iso: str, period: str | None, has_year: bool, ctx) -> str:
    """A year-end review of `năm Y` dated without a year in an article with no publication date
    (`Ngày 12/1, … tổng kết công tác thi đua năm 2023`): held early the next year."""
    if has_year or ctx.published or not period:
        return iso
    m = re.fullmatch(r"năm (\d{4})", period)
    if m and int(iso[5:7]) <= 3 and int(iso[:4]) == int(m.group(1)):
        return f"{int(m.group(1)) + 1}{iso[4:]}"
    return iso


_TRAILING_DATE = re.compile(r"(?:\(|[Vv]ào)\s*(?:(?:sáng|chiều|trưa|tối)\s+)?(?:ngày\s*)?$")


def _date_of(text: str, dates: list, pos: int, upto: int):
    """The date of the event named at `pos` in a sentence that gives several (`Hội nghị ký kết
    giao ước (ngày 15/3/2022) và Hội nghị sơ kết (ngày 20/7/2022)`): one written right after it
    (`(ngày …)`, `vào ngày …`) before the next event, else the last one before it, else the
    first."""
    if len(dates) == 1:
        return dates[0]
    for d in dates:
        if pos < d[0] < upto and _TRAILING_DATE.search(text, max(0, d[0] - 20), d[0]):
            return d
    before = [d for d in dates if d[0] < pos]
    return before[-1] if before else dates[0]


# `các cuộc vận động lớn do Trung ương và thành phố phát động`: a launch spoken of, made by
# someone else at another time, is no event of this article
_LAUNCHED_BY = re.compile(r"(?<!\w)(?:do|được)\s+[^,;.:]{0,40}$")


def _clause_kinds(clause: str) -> list[tuple[str, int]]:
    found = []
    for kind, rx in _KINDS:
        for m in rx.finditer(clause):
            if kind == "tong_ket" and _LAW_REVIEW.match(clause, m.start()):
                found.append(("other", m.start()))
                continue
            if kind == "phat_dong" and _LAUNCHED_BY.search(clause, max(0, m.start() - 45), m.start()):
                continue
            found.append((kind, m.start()))
            break
    return found


def _bloc_name(doc, sent: str = "") -> str | None:
    """The bloc a meeting belongs to: the article's only bloc; of several, the only one first
    named in the body (a bloc named only in the `Tin liên quan` teasers holds no meeting here),
    else the one the sentence names."""
    blocs = doc._.blocs or []
    ctx = doc._.ctx
    stop = ctx.body_end if ctx.body_end is not None else len(ctx.text)
    # one name once: a bloc reported for two years (`Trưởng cụm năm 2018` and `năm 2019`) is
    # one bloc
    body = list(dict.fromkeys(b["name"] for b in blocs
                              if b.get("name") and (b.get("start") is None or b["start"] < stop)))
    if len(body) == 1:
        return body[0]
    low = " ".join(sent.lower().split())
    named = [n for n in body if n.lower() in low]
    return named[0] if len(named) == 1 else None


_BLOC_WORD = re.compile(r"(?<![\w])(?:[Kk]hối|[Cc]ụm)(?![\w])")
_HOLDS = re.compile(r"(?<![\w])(?:tổ chức|[Hh]ội nghị|[Ll]ễ)(?![\w])")


def _own_event(doc, s: int, e: int) -> bool:
    """A body's own event (`TAND tỉnh tổ chức hội nghị tổng kết công tác năm 2023`), not the
    bloc's: a body is the subject, and neither the sentence nor the headline names a bloc (an
    article about a court's year that mentions the bloc it led in passing)."""
    text = doc._.ctx.text
    hold = _HOLDS.search(text, s, e)
    if hold is None or _BLOC_WORD.search(text, s, e) or _BLOC_WORD.search(doc._.ctx.title or ""):
        return False
    return any(s <= m["start"] < hold.start() and not m.get("party") for m in doc._.agency_mentions or [])


def _fold_caps(sent: str) -> str:
    """A sentence in capitals (`NGÀY 14/12/2023, CỤM THI ĐUA SỐ 2 TỔ CHỨC HỘI NGHỊ TỔNG KẾT`) in
    lower case, so the kind and event words match; the same length, so offsets hold."""
    if sent.isupper():
        low = sent.lower()
        if len(low) == len(sent):
            return low
    return sent


def _period(text: str, pos: int, end: int) -> str | None:
    m = _PERIOD.search(text, pos, min(end, pos + 120))
    return m.group(0) if m else None


def _period_with_year(period: str | None, iso: str | None) -> str | None:
    """`sơ kết … 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2021` leaves the
    reviewed half without its year: it is the year the review is held (a January review of
    `6 tháng cuối năm` looks back on the year before)."""
    if not period or not iso or not re.fullmatch(r"\d+ tháng (?:(?:đầu|cuối) )?năm", period):
        return period
    year = int(iso[:4]) - (1 if "cuối" in period and int(iso[5:7]) <= 2 else 0)
    return f"{period} {year}"


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_NAMED_EVENT = re.compile(r"(?<!\w)(?:[Hh]ội nghị|[Ll]ễ|[Bb]uổi lễ)\s*$")


def _blank_quotes(sent: str) -> str:
    """The sentence with its quoted titles blanked (same length), but a conference's own name."""
    return _QUOTED.sub(lambda q: q.group(0) if _NAMED_EVENT.search(sent, 0, q.start()) else " " * len(q.group(0)), sent)


def extract_meetings(doc) -> list[dict]:
    ctx = doc._.ctx
    text = ctx.text
    out: list[dict] = []
    dated_kinds: set[str] = set()
    undated: list[tuple[str, int, int, int]] = []
    seen_keys: set[tuple] = set()
    last_iso: str | None = None  # the date of the last dated meeting sentence
    last_loc: str | None = None  # and its place
    title = _fold_caps(ctx.title) if ctx.title else None
    # the page's tail (`Tin liên quan`, `Các tin khác`) lists other articles' headlines, whose
    # reviews and dates are not this article's meetings
    stop = ctx.body_end if ctx.body_end is not None else len(text)
    for s, e in sentence_spans(text):
        if s >= stop:
            break
        sent = _fold_caps(text[s:e])
        if not _EVENT.search(sent):
            continue
        dates = _dates(ctx, s, e)
        inherited = same_day = False
        if not dates and last_iso is not None:
            same_day = _SAME_DAY.search(sent) is not None
            inherited = not same_day and _AT_MEETING.search(sent) is not None
            if same_day or inherited:
                dates = [(s, last_iso, True)]
        kinds = []
        # kind words inside a quoted title (`hội thảo "… tổng kết …"`) are not events, but a
        # conference's own name in quotes is what it was (`Hội nghị “Tổng kết … năm 2020 và phát
        # động … năm 2021” diễn ra ngày 14/4/2021`)
        sent = _blank_quotes(sent)
        for cs, clause in _clauses(sent):
            kinds += [(k, s + cs + off) for k, off in _clause_kinds(clause)]
        title_period = None
        # `Hội nghị triển khai công tác năm 2019` under the headline `… ký kết giao ước thi đua
        # năm 2019`: the headline names what the conference was, before the generic reading below
        if (not kinds and dates and not inherited and re.search(r"[Hh]ội nghị|[Ll]ễ", sent) and title
                and _clause_kinds(title)):
            kinds = [(k, s) for k, _ in _clause_kinds(title)][:1]
            # the headline names the review (`… TỔNG KẾT CÔNG TÁC THI ĐUA NĂM 2023`)
            title_period = _period(title, _clause_kinds(title)[0][1], len(title))
        if not kinds and dates and _TRIEN_KHAI.search(sent):
            kinds = [("tong_ket", s + _TRIEN_KHAI.search(sent).start())]   # the agency's yearly review
        if not kinds and dates and not inherited and _VISIT.search(sent):
            kinds = [("other", s + _VISIT.search(sent).start())]
        if not kinds and dates and _HELD.search(sent):
            # a dated conference or ceremony of no other kind (`hội nghị chuyên đề`, `tập huấn`)
            kinds = [("other", s + _HELD.search(sent).start())]
        if any(k == "ky_giao_uoc" for k, _ in kinds):
            kinds = [x for x in kinds if x[0] != "phat_dong" or not _same_event_launch(sent)]
        if inherited:
            # `Tại hội nghị, các đơn vị đã ký kết giao ước …`: the review just dated also signed
            # the pledge (two meetings), or launched the year's movement (`Dịp này, Thanh tra
            # tỉnh phát động phong trào thi đua năm 2019`), unless that day's event signed a
            # pledge (launch + signing is one ky_giao_uoc); anything else is part of that review
            signed = ("ky_giao_uoc", last_iso) in seen_keys or any(k == "ky_giao_uoc" for k, _ in kinds)
            kinds = [x for x in kinds if x[0] == "ky_giao_uoc" or (
                x[0] == "phat_dong" and not signed and _active_launch(text, x[1], e))]
            if any(_PLEDGE_AS_OBJECT.search(text, max(s, pos - 40), pos) for _k, pos in kinds):
                # `Hội nghị đã đánh giá … các nội dung ký kết giao ước`: the pledge signed
                # earlier, spoken of at the review, not signed there
                dates = []
        if not kinds:
            continue
        if dates:
            starts = sorted(pos for _k, pos in kinds)
            bound = []  # (kind, its position, the end of its part, its date)
            for kind, pos in kinds:
                # each kind's part runs to the next kind (`tổng kết năm 2023 và ký kết giao ước
                # thi đua năm 2024`): its period is there, not in the next kind's
                upto = min([p for p in starts if p > pos] + [e])
                bound.append((kind, pos, upto, _date_of(text, dates, pos, upto)))
            # a January review of last year moves its date, and the pledge signed that day with it
            moved = {d[0]: _review_held_next_year(d[1], _period(text, pos, upto), d[2], ctx)
                     for kind, pos, upto, d in bound if kind == "tong_ket"}
            for kind, pos, upto, d in bound:
                iso = moved.get(d[0], d[1])
                last_iso = iso
                key = (kind, iso)
                if key in seen_keys:
                    continue
                seen_keys.add(key)
                dated_kinds.add(kind)
                # `Tại hội nghị / Dịp này, … ký kết giao ước`: held where the conference was
                loc = _location(sent) or (last_loc if inherited else None)
                last_loc = loc
                out.append({"kind": kind, "date": iso, "location": loc,
                            "bloc": None if _own_event(doc, s, e) else _bloc_name(doc, sent),
                            "period": _period_with_year(title_period or _period(text, pos, upto), iso),
                            "start": s, "end": e})
        else:
            for kind, pos in kinds:
                if _COUNTED_EVENTS.search(text, max(s, pos - 50), pos):
                    continue
                if kind in ("ky_giao_uoc", "other") or _REVIEW_HELD.search(sent) or (
                        kind in ("so_ket", "tong_ket") and _AT_MEETING.search(sent)):
                    if kind == "other" and not (_SCHEDULED_OTHER.search(sent) or _LAW_REVIEW.search(sent)
                                                or _BLOC_HELD_OTHER.search(sent)):
                        continue
                    undated.append((kind, s, e, pos))
    for kind, s, e, pos in undated:
        # the period written after the kind word (`tổng kết năm 2024, ký kết giao ước thi đua
        # năm 2025`), else the sentence's first
        period = _period(text, pos, e) or _period(text, s, e)
        if (kind, None) in seen_keys or (kind in dated_kinds and not _other_year(kind, period, out)):
            continue
        review = _review_before(kind, period, out)
        if review is not None:
            # `LĐLĐ các tỉnh trong cụm ký kết Giao ước thi đua năm 2026` (a caption) beside the
            # dated review of 2025: next year's pledge is signed at that year's review
            if (kind, review["date"]) in seen_keys:
                continue
            seen_keys.add((kind, review["date"]))
            out.append({**review, "kind": kind, "period": period, "start": s, "end": e})
            continue
        seen_keys.add((kind, None))
        out.append({"kind": kind, "date": None, "location": None, "bloc": _bloc_name(doc, text[s:e]),
                    "period": period, "start": s, "end": e})
    if not any(m["kind"] in _REVIEW_KINDS for m in out):
        out += _headline_review(doc, title, stop)
    return out


_REVIEW_KINDS = ("so_ket", "tong_ket", "ky_giao_uoc")


def _headline_review(doc, title: str | None, stop: int) -> list[dict]:
    """`Cụm thi đua số 4 Kho bạc Nhà nước sơ kết công tác thi đua` over a body that speaks of the
    conference (`Toàn cảnh hội nghị.`) but never dates it: the headline reports the bloc's
    review or signing, undated."""
    ctx = doc._.ctx
    if not title or ctx.title_span is None or not _BLOC_WORD.search(title):
        return []
    kinds = [k for k, _ in _clause_kinds(title) if k in _REVIEW_KINDS]
    body = ctx.text[ctx.title_span[1]:stop]
    if not kinds or not re.search(r"[Hh]ội nghị|(?<!\w)[Ll]ễ(?!\w)", body):
        return []
    s, e = ctx.title_span
    return [{"kind": kinds[0], "date": None, "location": None, "bloc": _bloc_name(doc, title),
             "period": _period(title, 0, len(title)), "start": s, "end": e}]


def _active_launch(text: str, pos: int, end: int) -> bool:
    """Is the `phát động` at `pos` a launch made there (`X phát động phong trào thi đua`), not
    one spoken of (`hưởng ứng phong trào thi đua do Y phát động`)?"""
    return (_ACTIVE_LAUNCH.match(text, pos, end) is not None
            and not _LAUNCH_SPOKEN_OF.search(text, max(0, pos - 40), pos))


def _year_of(period: str | None) -> str | None:
    m = re.search(r"\d{4}", period or "")
    return m.group(0) if m else None


def _other_year(kind: str, period: str | None, meetings: list[dict]) -> bool:
    """Is an undated mention of `kind` about another year than every dated one (`ngay từ đầu
    năm các đơn vị đã ký kết giao ước` of 2018 in a review that signs the 2019 pledge)? Then it
    is an earlier event reported in passing, not the dated one again."""
    year = _year_of(period)
    dated = [_year_of(m["period"]) for m in meetings if m["kind"] == kind and m["date"]]
    return bool(year) and all(y and y != year for y in dated)


def _review_before(kind: str, period: str | None, meetings: list[dict]) -> dict | None:
    """The one dated review of the year before an undated pledge's year (`tổng kết năm 2025` for
    `ký kết giao ước thi đua năm 2026`), where that pledge was signed; else None."""
    year = _year_of(period)
    if kind != "ky_giao_uoc" or not year or any(m["kind"] == kind and m["date"] for m in meetings):
        return None
    reviews = [m for m in meetings if m["kind"] == "tong_ket" and m["date"]]
    if len(reviews) != 1 or _year_of(reviews[0]["period"]) != str(int(year) - 1):
        return None
    return reviews[0]


def _same_event_launch(sent: str) -> bool:
    """`phát động và ký kết giao ước`: one signing ceremony, not a separate launch."""
    return bool(re.search(r"[Pp]hát động(?:\s+\S+){0,6}\s+và\s+[Kk]ý", sent) or
                re.search(r"[Kk]ý\s+(?:kết\s+)?[Gg]iao ước[^.;]{0,60}[Pp]hát động|[Pp]hát động[^.;]{0,80}[Kk]ý", sent))


def _clauses(sent: str):
    pos = 0
    for part in re.split(r"(;)", sent):
        if part != ";":
            yield pos, part
        pos += len(part)


# `tại <place>`, up to punctuation or the word that goes on with the sentence (`… vào chiều
# 20/12`, `… với sự tham dự của`); `TP.` inside it is an abbreviation, not a full stop
_AT_PLACE = re.compile(r"(?:^|,\s*|\s)tại\s+((?:T[Pp]\.\s*|[^,;.])+?)(?:,\s*(tỉnh [^,;.]+))?"
                       r"(?=,|;|\.|\s+(?:diễn ra|đã|sẽ|tổ chức|vào|với|nhằm|để|do)(?!\w)|$)")
_TP = re.compile(r"(?<!\w)T[Pp](?:\.\s*|\s+)(?=[A-ZĐ])")


def _location(sent: str) -> str | None:
    m = _AT_PLACE.search(sent)
    # `Cũng tại hội nghị, …` names the conference, not a place: the place is after it, if any
    while m and re.match(r"(?:[Hh]ội nghị|[Bb]uổi lễ|[Bb]uổi|[Ll]ễ)(?!\w)", m.group(1)):
        m = _AT_PLACE.search(sent, m.end(1))
    if not m:
        return None
    # `tại UBMTTQ thành phố Pleiku (Trưởng cụm), …`: the host's role is not part of the place
    loc = re.sub(r"\s*\([^()]*\)$", "", m.group(1).strip())
    loc = _TP.sub("thành phố ", loc)
    # a named place may be long (`Hội trường Cục Thi hành án dân sự tỉnh Bình Phước`); a long
    # lower-case run is a clause, not a place
    if len(loc.split()) > (12 if loc[:1].isupper() else 8):
        return None
    return loc[0].upper() + loc[1:] if loc else None


@Language.factory("thidua_meetings")
def make_component(nlp, name):
    def component(doc):
        doc._.meetings = extract_meetings(doc)
        return doc
    return component
