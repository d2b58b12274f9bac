"""The publication date of a whole page, from the article's own zone only.

A page shows many dates: the site's clock in its banner, the dates of the teasers in
"related news" lists and sidebars, dates in the footer, meeting dates in the body. Only
three places carry the article's own date, and only they are read:

* the document head: `article:published_time` and its kin, JSON-LD `datePublished` of the
  page's own Article (not of items in a list);
* the header zone: the few lines above and below the headline (or, with no headline, around
  the top of the body container), read from a walk of the page that skips links, link lists
  (`<li><a>`), navigation, footers, sidebars and related-news boxes, so a teaser's date can
  never be taken;
* the byline zone at the end of the body (`Ngày đăng: 12/03/2024 | Lượt xem: 351`).

htmldate is asked last, and only about the head and the address: in its fast mode it
accepts any date of the page's text, which is how teaser dates leaked in before.
A date after the page was fetched is never the article's and is skipped.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache

from lxml import etree

from .dates import parse_date_line, valid_date
from .furniture import is_tail_marker, read_sections
from .page_vocab import squash_spaces, vocab_re

# Meta keys that name the publication date itself (most sites) …
STRONG_META = ("article:published_time", "og:published_time", "datepublished",
               "article:published", "published_time", "og:article:published_time",
               "dcterms.issued", "dc.date.issued", "citation_publication_date",
               "sailthru.date", "parsely-pub-date")
# … and keys some CMSs fill with the date of the page build: trusted after the header zone.
WEAK_META = ("pubdate", "publishdate", "date", "dc.date", "dcterms.created", "created",
             "dc.date.created", "datecreated", "article:created", "itemprop:datecreated")

_ISO_IN = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?"
                     r"\s*(Z|[+-]\d\d:?\d\d)?)?")
_DMY_IN = re.compile(r"(?<![\d/.\-])([0-3]?\d)\s*([/.\-])\s*([01]?\d)\s*\2\s*((?:19|20)\d\d)(?!\d)")
_WORDY_IN = re.compile(r"(?<!\d)([0-3]?\d)\s+tháng\s+([01]?\d)\s*(?:,\s*)?(?:năm\s+|[/\-]\s*)?"
                       r"((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_HAS_DATE = re.compile(r"\d\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{4}-\d\d-\d\d|\d\s+tháng\s+\d",
                       re.IGNORECASE)
_TIME_AFTER = re.compile(r"\s*[,\-–|]?\s*(?:lúc\s*)?\d{1,2}\s*[:h]\s*\d{2}", re.IGNORECASE)
_TIME_BEFORE = re.compile(r"\d{1,2}\s*[:h]\s*\d{2}(?::\d\d)?\s*(?:AM|PM|SA|CH)?\s*[,\-–|]?\s*"
                          r"(?:ngày\s*)?$", re.IGNORECASE)
_WEEKDAY_BEFORE = re.compile(r"(?:thứ\s*(?:[2-7]|hai|ba|tư|năm|sáu|bảy|bẩy)|chủ\s*nhật|\bCN)"
                             r"\s*[,\-–|:]?\s*(?:ngày\s*)?$", re.IGNORECASE)
_BYLINE_WORDS = re.compile(r"viết bởi|đăng bởi|người đăng|tác giả|lượt xem|lượt đọc|lần xem|"
                           r"nguồn\s*:|\|", re.IGNORECASE)
_GMT = re.compile(r"GMT\s*[+-]\s*\d", re.IGNORECASE)
_SHORT_YEAR_LINE = re.compile(r"([0-3]?\d)/([01]?\d)/(\d\d)\s*[,\-|]?\s*\d{1,2}:\d\d(?::\d\d)?")
_WORD = re.compile(r"[^\W\d_]+")
_VN = dt.timezone(dt.timedelta(hours=7))


def today_of(fetched_at: str | None) -> dt.date:
    if fetched_at:
        try:
            return dt.date.fromisoformat(str(fetched_at)[:10])
        except ValueError:
            pass
    return dt.date.today()


def not_future(iso: str | None, today: dt.date) -> str | None:
    if iso and dt.date.fromisoformat(iso) <= today:
        return iso
    return None


def iso_from(value: str | None) -> str | None:
    """The date in a meta/JSON/attribute value: ISO (a stamp in another zone is moved to
    Vietnam's, where the article was dated) or day-first."""
    if not value:
        return None
    m = _ISO_IN.search(value)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not valid_date(y, mo, d):
            return None
        zone = m.group(6)
        if zone and m.group(4) and zone not in ("+07:00", "+0700"):
            try:
                stamp = dt.datetime.fromisoformat(
                    f"{y:04d}-{mo:02d}-{d:02d}T{m.group(4)}:{m.group(5)}"
                    + ("+00:00" if zone == "Z" else zone[:3] + ":" + zone[-2:]))
                return stamp.astimezone(_VN).date().isoformat()
            except ValueError:
                pass
        return f"{y:04d}-{mo:02d}-{d:02d}"
    us = _us_date(value)
    if us:
        return us
    m = _DMY_IN.search(value)
    if not m:
        return None
    d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
    return f"{y:04d}-{mo:02d}-{d:02d}" if valid_date(y, mo, d) else None


# ---------------------------------------------------------------------------------------
# The head: meta tags and JSON-LD

def head_meta(tree) -> dict[str, str]:
    """Lower-cased meta keys → content, first occurrence, from the head and from body
    metas that are not inside a list item or a link (a teaser's microdata)."""
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        content = el.get("content")
        if not key or not content or key in out:
            continue
        if key in ("datepublished", "datecreated", "headline") and _in_teaser(el):
            continue
        out[key] = content.strip()
    return out


def _in_teaser(el) -> bool:
    for anc in el.iterancestors():
        if anc.tag in ("li", "a", "aside", "nav", "footer"):
            return True
    return False


_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|WebPage", re.IGNORECASE)


def jsonld(tree) -> tuple[str | None, str | None]:
    """(datePublished, headline) of the page's own Article in its JSON-LD, if any."""
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text, strict=False)
        except ValueError:
            continue
        for obj in _top_objects(data):
            kind = obj.get("@type")
            kind = " ".join(kind) if isinstance(kind, list) else str(kind or "")
            if not _ARTICLE_TYPES.search(kind):
                continue
            date = obj.get("datePublished") or obj.get("dateCreated")
            head = obj.get("headline") or obj.get("name")
            if date or (head and "Article" in kind):
                return (str(date) if date else None,
                        squash_spaces(str(head)) if isinstance(head, str) else None)
    return None, None


def _top_objects(data):
    """The top-level objects of a JSON-LD block (a list, or a `@graph`); never the items
    of an ItemList or of `hasPart`, which are other articles."""
    if isinstance(data, list):
        for item in data:
            yield from _top_objects(item)
    elif isinstance(data, dict):
        if isinstance(data.get("@graph"), list):
            yield from _top_objects(data["@graph"])
        else:
            yield data


def htmldate_head(tree, url: str | None, today: dt.date) -> str | None:
    """htmldate on the head and the address only (its fast mode reads any text date)."""
    head = tree.find("head")
    if head is None and not url:
        return None
    try:
        from htmldate import find_date
        html = "<html>" + (etree.tostring(head, encoding="unicode") if head is not None else "") \
            + "<body></body></html>"
        found = find_date(html, extensive_search=False, original_date=True, url=url,
                          max_date=today.isoformat())
    except Exception:  # noqa: BLE001  a failure leaves the page undated
        return None
    return iso_from(found)


# ---------------------------------------------------------------------------------------
# Lines of the header and byline zones

# `3/25/2024 10:00:00 AM`: ASP.NET pages left in the en-US culture write month first
_US_STAMP = re.compile(r"(?<![\d/])([01]?\d)/([0-3]?\d)/((?:19|20)\d\d)\s+\d{1,2}:\d\d(?::\d\d)?\s*[AP]M\b")


def _us_date(line: str) -> str | None:
    m = _US_STAMP.search(line)
    if not m:
        return None
    mo, d, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return f"{y:04d}-{mo:02d}-{d:02d}" if valid_date(y, mo, d) else None


def line_date(line: str) -> tuple[str, str] | None:
    """(ISO date, kind) of a date line or byline, else None. Kinds: `label` (introduced by
    `Ngày đăng`, `Cập nhật` …), `plain` (a bare date line, or a date with its weekday, time
    or byline), `modified` (`Cập nhật lần cuối`), `clock` (a GMT-stamped site clock)."""
    if len(line) > 200:
        return None
    short = _SHORT_YEAR_LINE.fullmatch(line.strip())
    if short:
        # `24/10/18 10:28`: a CMS's stamp with a two-digit year; the time makes it a date
        # line, not a fraction or a count (years 2000-2099)
        d, mo, y = int(short.group(1)), int(short.group(2)), 2000 + int(short.group(3))
        return (f"{y:04d}-{mo:02d}-{d:02d}", "plain") if valid_date(y, mo, d) else None
    line = month_words_to_digits(line)
    if not _HAS_DATE.search(line):
        return None
    us = _us_date(line)
    if us and len(_WORD.findall(line)) <= 16:
        return us, _label_kind(line[:_US_STAMP.search(line).start()]) or "plain"
    dl = parse_date_line(line)
    if dl is not None:
        if dl.iso is None:
            return None
        m = _first_date(line)
        before = line[:m.start()] if m else ""
        kind = _label_kind(before)
        return dl.iso, kind or ("clock" if dl.clock else "plain")
    m = _first_date(line)
    if m is None:
        return None
    iso = _match_iso(m)
    if iso is None:
        return None
    before, after = line[:m.start()], line[m.end():]
    kind = _label_kind(before)
    if kind is None:
        if (_WEEKDAY_BEFORE.search(before) or _TIME_BEFORE.search(before)
                or _TIME_AFTER.match(after) or _BYLINE_WORDS.search(line)):
            kind = "plain"
        else:
            return None
        if len(_WORD.findall(before)) > 6:
            return None  # `Sáng nay, tại hội trường, ngày 12/3/2024 lúc 8:30 …`: a sentence
    # a byline is short: label, date, time, author, counters — not a paragraph
    if len(_WORD.findall(line)) > (24 if kind != "plain" else 16):
        return None
    if kind == "plain" and _GMT.search(line):
        kind = "clock"
    return iso, kind


@cache
def _month_words() -> tuple[re.Pattern, dict[str, int]]:
    names: dict[str, int] = {}
    for n, alts in enumerate(read_sections("page_vocab.tsv")["month_name"], start=1):
        for alt in alts.split("|"):
            names[alt.strip().lower()] = n
    alt = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    rx = re.compile(rf"(?:(?<!\d)(\d{{1,2}})\s+)?tháng\s+({alt})(?![\w])(?:\s+(\d{{1,2}}))?\s*,?\s*"
                    rf"(?:năm\s+)?((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
    return rx, names


def month_words_to_digits(line: str) -> str:
    """`15 Tháng Mười Hai, 2023` / `Tháng Mười Hai 15, 2023` -> `15 tháng 12 năm 2023`."""
    if "tháng" not in line.lower():
        return line
    rx, names = _month_words()

    def sub(m):
        day = m.group(1) or m.group(3)
        month = names[m.group(2).lower()]
        between = m.string[m.end(2):m.start(4)]
        # `6 tháng năm 2022` is a period of six months, not 6 May: `Năm` as a month needs
        # its comma or its day after it (`15 Tháng Năm, 2022`, `Tháng Năm 15, 2022`)
        if not day or (month == 5 and not m.group(3) and "," not in between):
            return m.group(0)
        return f"{day} tháng {month} năm {m.group(4)}"
    return rx.sub(sub, line)


def _first_date(line: str):
    best = None
    for rx in (_DMY_IN, _ISO_IN, _WORDY_IN):
        m = rx.search(line)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best


def _match_iso(m) -> str | None:
    if m.re is _ISO_IN:
        return iso_from(m.group(0))
    if m.re is _DMY_IN:
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
    else:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return f"{y:04d}-{mo:02d}-{d:02d}" if valid_date(y, mo, d) else None


def _label_kind(before: str) -> str | None:
    tail = before[-48:]
    if vocab_re("modified_label").search(tail):
        return "modified"
    if vocab_re("publish_label").search(tail):
        return "label"
    return None


def zone_date(lines: list[str], head: tuple[int, int] | None, body: tuple[int, int] | None,
              today: dt.date) -> str | None:
    """The article's date from the zone lines around the headline and the body's end.

    `head` and `body` are (first, end) line indexes of the headline and of the body
    container in `lines` (either may be None).
    """
    n = len(lines)
    if head is not None:
        above = range(max(0, head[0] - 3), head[0])
        stop = head[1] + 8
        if body is not None and body[0] >= head[1]:
            stop = min(stop, body[0] + 3)  # the body's first lines, not what follows it
        below = range(head[1], min(n, stop))
    elif body is not None:
        above = range(max(0, body[0] - 4), body[0])
        below = range(body[0], min(n, body[0] + 5))
    else:
        return None
    found = {"below": [], "above": [], "end": []}
    for where, rng in (("below", below), ("above", above)):
        for i in rng:
            if where == "below" and is_tail_marker(lines[i]):
                break  # `Các tin khác`: the teasers start
            got = line_date(lines[i])
            if got:
                found[where].append(got)
    if body is not None:
        lo = max(body[0], body[1] - 3, below.stop if head is not None else body[0] + 5)
        for i in range(lo, min(n, body[1] + 3)):
            got = line_date(lines[i])
            if got and got[1] in ("label", "modified"):
                found["end"].append(got)

    def first(where, kinds):
        for iso, kind in found[where]:
            if kind in kinds and not_future(iso, today):
                return iso
        return None

    today_iso = today.isoformat()
    above = [(iso, k) for iso, k in found["above"] if not (k == "plain" and iso == today_iso)]
    found["above"] = above  # a bare date of the crawl day above the headline: the site clock
    # Without a headline, the lines above the body may be the banner's clock: only a
    # labelled date (`Ngày đăng: …`) there is the article's.
    above_kinds = ("label", "plain") if head is not None else ("label",)
    return (first("below", ("label", "plain")) or first("above", above_kinds)
            or first("below", ("clock",)) or first("end", ("label",))
            or first("below", ("modified",)) or first("above", ("modified",))
            or first("end", ("modified",)))
