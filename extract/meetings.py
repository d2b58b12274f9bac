"""Extraction component `thidua_meetings`: the meetings an article reports, with their dates.

An event sentence is one that dates something (`Ngày 15/6`, `Sáng 28/2`, `vào ngày 12/4/2017`,
not a cited document's `số 21/KH-UBND ngày 30/01/2023`) and holds an event word (`tổ chức`,
`diễn ra`, `hội nghị`, `lễ`, `ký kết giao ước`). Its kinds come from the kind words in it:
`sơ kết` so_ket, `tổng kết` tong_ket, `ký (kết) giao ước` ky_giao_uoc, `phát động` phat_dong
(dropped when the same event signs a pledge), `hội thảo` / `giao lưu` / `hội thao` other. A
conference reviewing one year and signing the next year's pledge is two meetings.
Undated mentions (`đã ký kết giao ước thi đua`, `tổ chức hội nghị tổng kết`) are meetings with
a null date unless a dated meeting of that kind exists.
"""
from __future__ import annotations

import re

from spacy.language import Language

from .dates import find_dates
from .sentences import sentence_spans

_KY = re.compile(r"[Kk]ý\s+(?:kết\s+)?(?:[Gg]iao ước|cam kết thi đua)|[Kk]ý\s+kết\s+thi đua")
_KINDS = [
    ("so_ket", re.compile(r"[Ss]ơ kết")),
    ("tong_ket", re.compile(r"[Tt]ổng kết|đánh giá kết quả thực hiện phong trào")),
    ("ky_giao_uoc", _KY),
    ("phat_dong", re.compile(r"[Pp]hát động")),
    ("other", re.compile(r"[Hh]ội thảo|[Hh]ội thao|[Gg]iao lưu|[Hh]ội diễn|[Tt]ọa đàm|[Mm]ít tinh|[Kk]ỷ niệm|"
                         r"[Tt]uyên dương điển hình|[Đđ]ại hội thi đua|[Hh]ội nghị điển hình|"
                         # award ceremonies (ANNOTATION: `other`); a `trao` inside a review is not one
                         r"(?<!\w)[Ll]ễ\s+(?:đón nhận|(?:trao|trao tặng|công bố)\s+(?:Cờ|Huân chương|Bằng khen|danh hiệu|"
                         r"Quyết định))")),
]
_EVENT = re.compile(r"tổ chức|[Tt]ổ chức|diễn ra|[Hh]ội nghị|(?<!\w)[Ll]ễ(?!\w)|[Bb]uổi|" + _KY.pattern
                    # a bloc as the subject of the review verb (`…, Khối thi đua … sơ kết 6 tháng …`)
                    + r"|(?<!\w)(?:Khối|Cụm)(?!\w)[^.;\n]{0,80}?\s(?:sơ kết|tổng kết)(?!\w)")
_DOC_BEFORE = re.compile(r"(?:số|Số)?\s*\d+[\w/.\-]*\s+ngày\s*$|(?:[A-ZĐ]{2,}[\w\-]*)\s+ngày\s*$")
_TIME_CUE = re.compile(r"(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Hh]ôm|[Vv]ào)\s*(?:ngày\s*)?$")
_DOT_DATE = re.compile(r"(?:[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Nn]gày)\s+(\d{1,2})\.(\d{1,2})(?![\d.])")
_LAW_REVIEW = re.compile(r"tổng kết\s+\d+\s+năm\s+(?:thực hiện|thi hành)")
_PERIOD = re.compile(r"(?:\d+\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+\d{4})?|năm\s+\d{4}|đợt\s+\d+[-/]\d{4}|quý\s+[IV]+)")
# An undated `other` event counts when it is planned (`dự kiến tháng 6.2021, tổ chức giao lưu`,
# `sẽ tổ chức hội thao`); one merely praised in passing (`quan tâm tổ chức giao lưu`) does not.
_SCHEDULED_OTHER = re.compile(
    r"(?:[Dd]ự kiến|[Kk]ế hoạch|\bsẽ|chuẩn bị)(?:[^.;]|\.(?=\d)){0,60}?tổ chức\s+(?:các\s+)?"
    r"(?:giao lưu|hội thao|hội thảo|tọa đàm|hội diễn|mít tinh|lễ kỷ niệm|hội nghị điển hình)"
)
_TRIEN_KHAI = re.compile(r"[Hh]ội nghị triển khai (?:nhiệm vụ|công tác)")


def _dates(ctx, s: int, e: int) -> list[tuple[int, str]]:
    """(offset, iso) of the dates in text[s:e] that date an event (not a document's date)."""
    text = ctx.text
    year = int(ctx.published[:4]) if ctx.published else ctx.year
    out = []
    for d in find_dates(text, s, e, default_year=year):
        if not d.iso or d.day is None:
            continue
        before = text[max(0, d.start - 30):d.start]
        if _DOC_BEFORE.search(before) or re.search(r"(?:từ|đến)\s*(?:ngày\s*)?$", before):
            continue
        if not d.has_year and not _TIME_CUE.search(before):
            continue
        out.append((d.start, d.iso))
    for m in _DOT_DATE.finditer(text, s, e):
        if year:
            try:
                import datetime as dt
                out.append((m.start(1), dt.date(year, int(m.group(2)), int(m.group(1))).isoformat()))
            except ValueError:
                pass
    return sorted(out)


def _clause_kinds(clause: str) -> list[tuple[str, int]]:
    found = []
    for kind, rx in _KINDS:
        for m in rx.finditer(clause):
            if kind == "tong_ket" and _LAW_REVIEW.match(clause, m.start()):
                found.append(("other", m.start()))
                continue
            found.append((kind, m.start()))
            break
    return found


def _bloc_name(doc) -> str | None:
    blocs = doc._.blocs or []
    return blocs[0]["name"] if len(blocs) == 1 else None


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


def _period(text: str, pos: int, end: int) -> str | None:
    m = _PERIOD.search(text, pos, min(end, pos + 120))
    return m.group(0) if m else None


def extract_meetings(doc) -> list[dict]:
    ctx = doc._.ctx
    text = ctx.text
    bloc = _bloc_name(doc)
    out: list[dict] = []
    dated_kinds: set[str] = set()
    undated: list[tuple[str, int, int]] = []
    seen_keys: set[tuple] = set()
    for s, e in sentence_spans(text):
        sent = text[s:e]
        if not _EVENT.search(sent):
            continue
        dates = _dates(ctx, s, e)
        kinds = []
        # kind words inside a quoted title (`hội thảo "… tổng kết …"`) are not events
        sent = re.sub(r"“[^”]*”|\"[^\"]*\"", lambda q: " " * len(q.group(0)), sent)
        for cs, clause in _clauses(sent):
            kinds += [(k, s + cs + off) for k, off in _clause_kinds(clause)]
        if not kinds and dates and _TRIEN_KHAI.search(sent):
            kinds = [("tong_ket", s + _TRIEN_KHAI.search(sent).start())]   # the agency's yearly review
        if not kinds and dates and re.search(r"[Hh]ội nghị|[Ll]ễ", sent) and ctx.title:
            kinds = [(k, s) for k, _ in _clause_kinds(ctx.title)][:1]
        if any(k == "ky_giao_uoc" for k, _ in kinds):
            kinds = [x for x in kinds if x[0] != "phat_dong" or not _same_event_launch(sent)]
        if not kinds:
            continue
        if dates:
            date_pos, iso = dates[0]
            for kind, pos in kinds:
                key = (kind, iso)
                if key in seen_keys:
                    continue
                seen_keys.add(key)
                dated_kinds.add(kind)
                out.append({"kind": kind, "date": iso, "location": _location(sent),
                            "bloc": None if _own_event(doc, s, e) else bloc, "period": _period(text, pos, e), "start": s, "end": e})
        else:
            for kind, _pos in kinds:
                if kind in ("ky_giao_uoc", "other") or re.search(r"[Hh]ội nghị\s+(?:[Ss]ơ|[Tt]ổng)", sent):
                    if kind == "other" and not (_SCHEDULED_OTHER.search(sent) or _LAW_REVIEW.search(sent)):
                        continue
                    undated.append((kind, s, e))
    for kind, s, e in undated:
        if kind in dated_kinds or (kind, None) in seen_keys:
            continue
        seen_keys.add((kind, None))
        out.append({"kind": kind, "date": None, "location": None, "bloc": bloc,
                    "period": _period(text, s, e), "start": s, "end": e})
    return out


def _same_event_launch(sent: str) -> bool:
    """`phát động và ký kết giao ước`: one signing ceremony, not a separate launch."""
    return bool(re.search(r"[Pp]hát động(?:\s+\S+){0,6}\s+và\s+ký", sent) or
                re.search(r"ký\s+(?:kết\s+)?[Gg]iao ước[^.;]{0,60}phát động|phát động[^.;]{0,80}ký", sent))


def _clauses(sent: str):
    pos = 0
    for part in re.split(r"(;)", sent):
        if part != ";":
            yield pos, part
        pos += len(part)


def _location(sent: str) -> str | None:
    m = re.search(r"(?:^|,\s*|\s)tại\s+([^,;.]+?)(?:,\s*(tỉnh [^,;.]+))?(?=,|;|\.|\s+(?:diễn ra|đã|sẽ|tổ chức)|$)", sent)
    if not m:
        return None
    # `tại UBMTTQ thành phố Pleiku (Trưởng cụm), …`: the host's role is not part of the place
    loc = re.sub(r"\s*\([^()]*\)$", "", m.group(1).strip())
    if len(loc.split()) > 8:
        return None
    return loc[0].upper() + loc[1:] if loc else None


@Language.factory("thidua_meetings")
def make_component(nlp, name):
    def component(doc):
        doc._.meetings = extract_meetings(doc)
        return doc
    return component
