"""Dates written in Vietnamese text, and the page's own date line.

Two jobs:

* `find_dates(text)` finds every calendar date mention in running text (`Ngày 15/6`,
  `sáng 28/2`, `ngày 24/7/2019`, `ngày 15 tháng 3 năm 2019`, `tháng 6/2023`) with offsets.
  Vietnamese writes day first; the separators are `/`, `-` and `.` (the last only with a
  full year, because `3.704` is a number). A day/month pair without a year is ambiguous with
  fractions (`7/7 đơn vị`) and ranges (`10-12 triệu`), so it needs a time-of-day cue before
  it (`ngày`, `sáng`, `chiều`…) or nothing noun-like after it.
* `parse_published(text)` reads the date line a portal prints near the headline
  (`Thứ ba - 18/04/2017 21:00`, `( Cập nhật lúc: 07/02/2018 )`, ` date 2026-01-28 `).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    has_year: bool
    text: str = ""
    # `ngày 19 và 20/12/2022`, `từ ngày 18 đến 20/12`: a span of days, dated by its first day
    is_range: bool = False

    @property
    def iso(self) -> str | None:
        """`YYYY-MM-DD`, or None when the mention has no day (or no year to complete it)."""
        if self.day is None or self.year is None:
            return None
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


# Words that announce a date: `ngày`, times of day, `hôm`, prepositions of time.
_CUE = r"(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Đđ]êm|[Hh]ôm|[Tt]ừ|[Đđ]ến|[Tt]ới|[Vv]ào|[Đđ]ầu|[Cc]uối|[Nn]gày mai|[Hh]ôm nay|[Hh]ôm qua)"
# the cue may be followed by `nay`/`qua` or a weekday, the date then in brackets: `Sáng nay (20/12)`,
# `Sáng thứ Sáu (15/12)`, `Hôm qua (ngày 5/7)`
_CUE_BEFORE = re.compile(_CUE + r"(?:\s+(?:nay|qua|mai|[Tt]hứ\s+\w+|[Cc]hủ\s+[Nn]hật))?\s*(?:\(|,)?\s*"
                         r"(?:ngày\s*)?$")
# After a bare `d/m`, these words still read as a date (`Ngày 15/6 tại…`, `15/6, Sở…`).
_OK_AFTER = frozenset(
    "tại vừa đã và đến tới của trong với ở là thì nên do sẽ cho các theo về lúc hàng hằng "
    "diễn tổ đoàn ban ông bà đồng thanh ubnd sở khối cụm".split()
)

_YEAR = r"(?:19[5-9]\d|20\d\d)"
# d/m/yyyy, d-m-yyyy, d.m.yyyy; d/m, d-m (year optional)
# All four patterns are matched *at* a run of digits found by `_DIGITS` (anchored `match`),
# which is several times faster than letting each pattern scan the whole text.
_DIGITS = re.compile(r"\d+")
_NUMERIC = re.compile(
    r"(?P<d>\d{1,2})\s?(?P<sep>[/\-.])\s?(?P<m>\d{1,2})"
    r"(?:(?P=sep)\s?(?P<y>" + _YEAR + r"))?(?![\d/]|[.,]\d|-\d)"
)
# `ngày 15 tháng 3 năm 2019`, `15 tháng 3`, `ngày 15 tháng 3/2019`
_WORDY = re.compile(
    r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?!\d)"
    r"(?:\s*(?:,\s*)?(?:năm\s+|/\s?|-\s?)(?P<y>" + _YEAR + r"))?(?!\d)"
)
_NGAY_BEFORE = re.compile(r"[Nn]gày\s+$")
# month only: `tháng 6/2023`, `tháng 6 năm 2023`, `tháng 06-2023` (matched at the month)
_MONTH = re.compile(r"(?P<m>\d{1,2})\s*(?:năm\s+|/\s?|-\s?)(?P<y>" + _YEAR + r")(?!\d)")
_THANG_BEFORE = re.compile(r"(?<!\w)[Tt]háng\s+$")
_ISO = re.compile(r"(?P<y>" + _YEAR + r")-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d\-])")
_QUANTITY_AFTER = re.compile(r"\s*(?:%|tỷ|tỉ|triệu|nghìn|ngàn|đồng)(?!\w)")
# the first day of a span of days whose last day carries the month: `19 và 20/12/2022`,
# `18 đến 20/12`, `14-15/12` (matched at the first day; needs a date cue before it)
_DAY_SPAN = re.compile(r"(?P<d>\d{1,2})(?:\s*[-–,]\s*|\s+(?:và|đến|tới)\s+(?:ngày\s+)?)(?=\d)")
_SO_BEFORE = re.compile(r"(?:[Ss]ố|[Ss]ố hiệu|[Kk]ý hiệu)\s*:?\s*$")
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")


def valid_date(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    try:
        dt.date(year if year is not None else 2000, month, day)  # 2000: leap, so 29/2 passes
    except ValueError:
        return False
    return True


def _mention(text, m, d, mo, y, default_year) -> DateMention | None:
    day = int(d) if d is not None else None
    month = int(mo)
    year = int(y) if y else None
    if not valid_date(year if year is not None else default_year, month, day):
        return None
    return DateMention(m.start(), m.end(), year if year is not None else default_year, month, day,
                       year is not None, text[m.start():m.end()])


def _bare_ok(text: str, start: int, end: int) -> bool:
    """May a `d/m` with no year be read as a date here?"""
    if _CUE_BEFORE.search(text[max(0, start - 24):start]):
        return True
    after = _WORD_AFTER.match(text, end, min(len(text), end + 30))
    if after is None:
        return True  # punctuation, end of line, a digit (a time) …
    word = after.group(1)
    return word[0].isupper() or word.lower() in _OK_AFTER


def _day_span(text: str, i: int, end: int, default_year: int | None) -> DateMention | None:
    """`19 và 20/12/2022` at `i`: the first day, with the month and year of the last."""
    sm = _DAY_SPAN.match(text, i, end)
    if not sm or not _CUE_BEFORE.search(text[max(0, i - 24):i]):
        return None
    j = sm.end()
    m = _WORDY.match(text, j, end)
    if m is None:
        m = _NUMERIC.match(text, j, end)
        if m is None or (m.group("sep") == "." and not m.group("y")):
            return None
    d1, d2 = int(sm.group("d")), int(m.group("d"))
    if not d1 < d2 <= d1 + 7:
        return None  # not a short span of days of one month
    dm = _mention(text, m, sm.group("d"), m.group("m"), m.group("y"), default_year)
    if dm is None:
        return None
    return DateMention(i, m.end(), dm.year, dm.month, dm.day, dm.has_year, text[i:m.end()], True)


def find_dates(text: str, start: int = 0, end: int | None = None,
               default_year: int | None = None) -> list[DateMention]:
    """Every date mention in `text[start:end]`, in order, offsets into `text`.

    A mention without a year takes `default_year` (still `has_year=False`); without one its
    `iso` is None. Impossible dates (`30/2`) and document numbers (`số 12/2019`) are dropped.
    """
    end = len(text) if end is None else end
    found: list[DateMention] = []
    done = start  # digits before this are inside a mention already found

    def add(dm):
        nonlocal done
        if dm:
            found.append(dm)
            done = dm.end
        return dm

    for dg in _DIGITS.finditer(text, start, end):
        i = dg.start()
        if i < done:
            continue
        prev = text[i - 1] if i > 0 else " "
        m = _ISO.match(text, i, end)
        if m and prev != "-":
            if add(_mention(text, m, m.group("d"), m.group("m"), m.group("y"), default_year)):
                continue
        if prev.isalpha() or prev == "_":
            continue
        if add(_day_span(text, i, end, default_year)):
            continue
        m = _WORDY.match(text, i, end)
        if m and prev != "/":
            dm = _mention(text, m, m.group("d"), m.group("m"), m.group("y"), default_year)
            if dm:
                cue = _NGAY_BEFORE.search(text, max(start, i - 8), i)
                if cue:
                    dm = DateMention(cue.start(), dm.end, dm.year, dm.month, dm.day, dm.has_year,
                                     text[cue.start():dm.end])
                add(dm)
                continue
        if _THANG_BEFORE.search(text, max(start, i - 10), i):
            m = _MONTH.match(text, i, end)
            if m:
                cue = _THANG_BEFORE.search(text, max(start, i - 10), i)
                dm = _mention(text, m, None, m.group("m"), m.group("y"), default_year)
                if dm:
                    add(DateMention(cue.start(), dm.end, dm.year, dm.month, None, dm.has_year,
                                    text[cue.start():dm.end]))
                    continue
        if prev in "/.,:-":
            continue
        m = _NUMERIC.match(text, i, end)
        if not m:
            continue
        y = m.group("y")
        if m.group("sep") == "." and not y:
            continue  # `3.10` is a number, not 3 October
        if _SO_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if not y and (not _bare_ok(text, m.start(), m.end()) or _QUANTITY_AFTER.match(text, m.end())):
            continue  # `từ 5-10%`, `5-7 tỷ đồng`: a range of quantities, not 5 October
        add(_mention(text, m, m.group("d"), m.group("m"), y, default_year))
    return found


# ---------------------------------------------------------------------------------------
# The page's own date line

_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:AM|PM|am|pm|SA|CH))?"
_WEEKDAY = r"(?:[Tt]hứ\s*(?:[2-7]|[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ\s*[Nn]hật|CN)"
_DMY = r"(?P<d>[0-3]?\d)\s*(?P<sep>[/\-.])\s*(?P<m>[01]?\d)\s*(?P=sep)\s*(?P<y>" + _YEAR + r")"
# A line that is nothing but a date with its furniture: label, weekday, time, brackets.
_LABEL = (r"(?:[Nn]gày\s+(?:đăng|cập nhật|xuất bản|ban hành)|[Cc]ập\s+nhật(?:\s+lúc|\s+ngày)?|"
          r"[Đđ]ăng\s+(?:ngày|lúc)|[Nn]gày|[Xx]uất\s+bản|[Pp]osted(?:\s+on)?|[Pp]ublished|"
          r"[Tt]hời\s+gian(?:\s+đăng)?|[Dd]ate)")
_FURN = rf"(?:\s|[|,:()\[\]\-–—·•]|{_TIME}|{_WEEKDAY}|{_LABEL}|GMT\s*[+-]\s*\d+|\(?GMT\+7\)?)*"
_DATE_LINE = re.compile(rf"^{_FURN}{_DMY}{_FURN}$")
_WORDY_LINE = re.compile(rf"^{_FURN}(?P<d>[0-3]?\d)\s+tháng\s+(?P<m>[01]?\d)\s*(?:,\s*)?năm\s+(?P<y>{_YEAR}){_FURN}$")
_ISO_LINE = re.compile(rf"^{_FURN}(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ]{_TIME}\S*)?{_FURN}$")
# A month-only marker (` date 2025-06`) is a date line that gives no full date.
_MONTH_LINE = re.compile(rf"^{_FURN}(?P<y>{_YEAR})-(?P<m>[01]\d){_FURN}$")
# A site clock (`Thứ 6, 03/05/2024, 22:35[GMT+7]`) shows today's date, not the article's.
_CLOCK = re.compile(r"GMT\s*[+-]\s*\d")


@dataclass(frozen=True)
class DateLine:
    iso: str | None        # None for a month-only marker
    clock: bool            # a site clock rather than the article's date


# Counters a portal prints after its date (`21:00 88 0`, `15:40 Số lượt xem: 351`).
_TRAILING_COUNTERS = re.compile(
    r"(?:\s*[|,]?\s*(?:(?:[Ss]ố\s+)?[Ll]ượt\s+(?:xem|đọc|truy cập)\s*:?\s*[\d.]+|"
    r"[\d.]+\s+lượt\s+(?:xem|đọc))|(?<=:\d\d)(?:\s+\d{1,6})+)+\s*$"
)


_HAS_DATE = re.compile(r"\d\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{4}|\d{4}-\d\d|\d\s+tháng\s+\d")


def parse_date_line(line: str) -> DateLine | None:
    """Read a line that is only a date with its furniture; None for any other line."""
    if len(line) > 120 or not _HAS_DATE.search(line):
        return None  # the cheap test first: most lines have no date at all
    line = _TRAILING_COUNTERS.sub("", line.strip()).strip()
    if not line or len(line) > 80:
        return None
    for rx in (_DATE_LINE, _ISO_LINE, _WORDY_LINE):
        m = rx.match(line)
        if m:
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
            if not valid_date(y, mo, d):
                return None
            return DateLine(f"{y:04d}-{mo:02d}-{d:02d}", bool(_CLOCK.search(line)))
    if _MONTH_LINE.match(line):
        return DateLine(None, False)
    return None


def parse_published(text: str) -> str | None:
    """The first full date a date line in `text` gives (site clocks skipped), else None."""
    for line in text.splitlines():
        dl = parse_date_line(line)
        if dl and dl.iso and not dl.clock:
            return dl.iso
    return None
