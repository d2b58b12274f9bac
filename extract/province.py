"""Which province an article is about, and which year it reports on.

The province comes from the text when the text settles it (an agency of that province named
with its place, `tỉnh X` outside a venue phrase, the headline naming it), else from the site:
a province's own domain (`thanhtra.bacninh.gov.vn`) or newspaper (`baobacninh.vn`) carries
the folded province name in its host. National sites carry none. The name is the one in force
on the article's date (Bắc Giang stays Bắc Giang in 2019; a 2026 page of baobacgiang is Bắc Ninh).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from urllib.parse import urlsplit

from . import gazetteer as gz
from .context import ArticleContext
from .textnorm import fold

# Host labels that are never a province (generic parts of government / press domains).
_SKIP_LABELS = frozenset({"www", "gov", "vn", "com", "org", "net", "edu", "portal", "m", "amp"})

_PLACE_WORD = r"(?:tỉnh|Tỉnh|thành phố|Thành phố|TP\.?|Tp\.?)"
# A province written as a venue (`tại Tp Nam Định, tỉnh Nam Định`) says where a meeting was,
# not which province the article is about.
_VENUE = re.compile(r"(?:tại|ở|đến|về)\s+(?:" + _PLACE_WORD + r"\s*)?$")
_YEAR_RE = re.compile(r"(?<![\d/.\-])(?:năm|Năm|đầu năm|cuối năm)\s+((?:19|20)\d\d)(?!\d)")
_YEAR_ANY = re.compile(r"(?<![\d/.\-])(20\d\d)(?!\d)")
_FUTURE_CUE = re.compile(r"(?:đến|tầm nhìn|giai đoạn|nhiệm kỳ|[-–])\s*(?:năm\s+)?$")


def province_from_host(url: str | None) -> str | None:
    """The province whose folded name is in the site's host (`baothanhhoa.vn` -> Thanh Hóa)."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return None
    parts = host.lower().split(".")
    # a province portal's own label (`hue` of `thanhtra.hue.gov.vn`) may be short
    own = parts[-3] if len(parts) >= 3 and parts[-2:] == ["gov", "vn"] else None
    labels = [lab for lab in parts if lab and lab not in _SKIP_LABELS]
    for label in labels:
        flat = re.sub(r"[^a-z]", "", label)
        for key, name in gz.province_folds():
            if len(key) < 5:
                if label == own and flat == key:
                    return name
                continue
            # a province name must make up the label, or follow a short prefix (`bao`, `sovhttdl`,
            # `thanhtra`) and end it: `baohanoimoi` is Hà Nội's paper, `anninhthudo` is no one's.
            if flat == key or flat.endswith(key) or flat.startswith(key) or flat.startswith("bao" + key):
                return name
    return None


# a public-service unit whose own name ends with its province's (`Trường Cao đẳng Y tế Bình
# Định`, `Trung tâm Y tế Kỹ thuật - Công nghệ Hà Giang`, `Bệnh viện Đa khoa Sơn La`): its words,
# capitalised or not, joined by spaces or ` - `, run from its head to the province
_UNIT_NAME_BEFORE = re.compile(r"(?<![\w])(?:Trường|Trung tâm|Bệnh viện|Bảo tàng|Thư viện|Nhà hát|Đài|Báo)"
                               r"(?:\s+(?:[-–]\s+)?[^\W\d_]+){1,8}\s+$")
_LIST_JOIN = re.compile(r"(?:,|\svà)\s*$")


def _text_votes(ctx: ArticleContext) -> Counter:
    """Province -> weight of the text's evidence that the article is about it."""
    text = ctx.text
    votes: Counter = Counter()
    rx = gz.province_re()
    title_end = ctx.title_span[1] if ctx.title_span else 0
    for m in rx.finditer(text):
        name = gz.official(m.group(1))
        before = text[max(0, m.start() - 40):m.start()]
        pw = re.search(_PLACE_WORD + r"\s*$", before)
        if pw:
            pre = before[:pw.start()]
            if _VENUE.search(pre) or re.search(r"(?:tại|ở)\s+[^,.;]{0,25},\s*$", pre):
                continue
            # `Thanh tra tỉnh X`, `UBND tỉnh X`: an agency of X is the strongest evidence.
            # (not the last of a list of places: `Quảng Nam, Phú Yên và thành phố Đà Nẵng`)
            agency_before = re.search(r"[A-ZĐ]\w*(?:\s+\w+){0,2}\s*$", pre) and not _LIST_JOIN.search(pre)
            votes[name] += 2 if agency_before else 1
        elif re.search(r"(?:Tỉnh|Thành)\s+ủy\s*$", before):
            votes[name] += 2                  # `Tỉnh ủy Quảng Nam`: the Party body of X names X as bodies do
        elif _after_agency_head(before):
            votes[name] += 2                  # `Công an Nghệ An`, `Cục THADS Thừa Thiên Huế`
        elif re.search(r"khu vực\s+(?:\d{1,2}|[IVX]{1,4})\s*[-–]\s*$", before):
            votes[name] += 2                  # `Tòa án nhân dân khu vực 1 - Lâm Đồng`
        elif _UNIT_NAME_BEFORE.search(text, max(0, m.start() - 80), m.start()):
            votes[name] += 1                  # `Trường Cao đẳng nghề Kỹ thuật - Công nghệ Tuyên Quang`
        elif m.group(1) != name:
            votes[name] += 1                  # TPHCM and the like
        elif title_end and m.start() < title_end:
            votes[name] += 2                  # the headline names it
    # a headline in capitals names an agency of its province in capitals (`UBND TỈNH BÌNH ĐỊNH
    # PHÁT ĐỘNG …`, `THANH TRA TỈNH LÀO CAI TỔNG KẾT …`), as the body does in lower case
    for m in gz.province_upper_re().finditer(text, 0, title_end):
        before = text[max(0, m.start() - 40):m.start()]
        pw = re.search(r"(?:TỈNH|THÀNH PHỐ|TP\.?)\s*$", before)
        if _after_agency_head(before[:pw.start()] if pw else before, upper=True):
            votes[gz.province_upper()[m.group(1)]] += 2
    return votes


@lru_cache(maxsize=1)
def _heads_any_case() -> re.Pattern:
    return re.compile(gz.agency_head_re()[0].pattern, re.IGNORECASE)


def _after_agency_head(before: str, upper: bool = False) -> bool:
    """`before` ends with an agency's head (`Công an`, `Sở Tư pháp`, `Cục THADS`) and a space;
    with `upper`, a head written in capitals (`VIỆN KIỂM SÁT NHÂN DÂN`)."""
    rx = _heads_any_case() if upper else gz.agency_head_re()[0]
    return any(h.end() < len(before) and not before[h.end():].strip() for h in rx.finditer(before))


# `thành phố Phủ Lý` too: a province's city is a district (a name that is also a province's is
# the same province's city: `thành phố Thái Bình`)
_DISTRICT_WORD = re.compile(r"(?<![\w])(?:huyện|Huyện|quận|Quận|thị xã|Thị xã|thành phố|Thành phố|TP\.?|Tp\.)\s*(?P<name>[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){0,2})")
# `các huyện: …`, and `các địa phương: Đức Trọng, Di Linh, …` (a province's cluster of districts)
_DISTRICT_LIST = re.compile(r"(?<![\w])các (?:huyện|quận|thị xã|địa phương)[^:\n]{0,30}:\s*(?P<items>[^.;()\n]+)")


def _district(name: str) -> str | None:
    """The province of a district written as `name` (or of its first words: `Mê Linh đã …`)."""
    words = name.split()
    for n in range(len(words), 0, -1):
        p = gz.districts().get(" ".join(words[:n]))
        if p:
            return p
    return None


def _district_votes(ctx: ArticleContext, votes: Counter) -> None:
    """A district named with its word (`huyện Mê Linh`) or in a list of districts (`các huyện:
    Mê Linh, Sóc Sơn`) is one piece of evidence for its province; not a venue (`tại huyện X`)."""
    text = ctx.text
    for m in _DISTRICT_WORD.finditer(text):
        if _VENUE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        p = _district(m.group("name"))
        if p:
            votes[p] += 1
    for m in _DISTRICT_LIST.finditer(text):
        for item in re.split(r",|\svà\s", m.group("items")):
            if gz.province_re().fullmatch(item.strip()):
                continue                      # a province (`các địa phương: Đồng Nai, …`)
            p = _district(item.strip())
            if p:
                votes[p] += 1


def _named_provinces(text: str) -> int:
    return len({gz.official(m.group(1)) for m in gz.province_re().finditer(text)})


def resolve_province(ctx: ArticleContext) -> None:
    """Set ctx.province / ctx.province_kind from the text, else from the site."""
    date = ctx.published or ctx.given_published
    votes = _text_votes(ctx)
    _district_votes(ctx, votes)
    name = None
    if votes:
        (top, n), *rest = votes.most_common(2) + [(None, 0)]
        runner = rest[0][1] if rest else 0
        # twice the evidence of any other; a single mention settles it when it is the only one
        # (not when the text lists other provinces by bare name, which vote nothing: `Thanh tra
        # các tỉnh: Quảng Nam, Phú Yên và thành phố Đà Nẵng` is a cluster of five)
        if (n >= 2 and n >= 2 * runner) or (n == 1 and runner == 0 and _named_provinces(ctx.text) < 3):
            name = top
    site = province_from_host(ctx.url)
    if site and (name is None or votes.get(site, 0) * 2 >= votes.get(name, 0)):
        name = site
    if name is None:
        return
    if date is None and gz.official(name) == "Thừa Thiên Huế":
        # Huế became a centrally-run city on 1 January 2025: with no page date, the year the text
        # reports on says which (the merger of July 2025 needs a full date: it is left alone)
        _resolve_article_year(ctx)
        date = f"{ctx.year}-01-01" if ctx.year else None
    kind, official = gz.in_force(name, date)
    ctx.province, ctx.province_kind = official, kind
    ctx.notes["province_source"] = "site" if name == site else "text"


# `tổng kết công tác thi đua, khen thưởng năm 2020`, `sơ kết 6 tháng đầu năm 2021`: the first
# year after a review word, within its clause (a later `năm 2021` is the plan for next year)
_REVIEW_YEAR = re.compile(r"(?i:tổng kết|sơ kết)[^.\n;]{0,90}?năm (\d{4})")


def resolve_year(ctx: ArticleContext) -> None:
    """Set ctx.year (the published year, else the year the text reports on most) and
    ctx.review_year (the year of the first review the article reports, when it has one)."""
    _resolve_article_year(ctx)
    review = _REVIEW_YEAR.search(ctx.text)
    if review:
        y = int(review.group(1))
        # a review is of this year or the last one: an article of 2021 reviewing 2020; anything
        # else (`tổng kết 10 năm … năm 2010`) is history, not the facts' year
        if ctx.year is None or ctx.year - 1 <= y <= ctx.year:
            ctx.review_year = y


def _resolve_article_year(ctx: ArticleContext) -> None:
    if ctx.published:
        ctx.year = int(ctx.published[:4])
        return
    text = ctx.text
    counts: Counter = Counter()
    first: dict[int, int] = {}
    for m in _YEAR_RE.finditer(text):
        if _FUTURE_CUE.search(text[max(0, m.start() - 15):m.start()]):
            continue
        y = int(m.group(1))
        counts[y] += 1
        first.setdefault(y, m.start())
    if not counts:
        for m in _YEAR_ANY.finditer(text):
            y = int(m.group(1))
            counts[y] += 1
            first.setdefault(y, m.start())
    if counts:
        ctx.year = max(counts, key=lambda y: (counts[y], -first[y]))


def fold_province(name: str) -> str:
    """Diacritic-free key of a province name (for comparisons across spellings)."""
    return re.sub(r"[^a-z]", "", fold(gz.official(name) or name))
