"""The headline of a whole page: its heading element, else its cleaned <title>.

A <title> carries the site's name and section around the headline, in any order
(`Tin tức - Sở Nội vụ tỉnh X - Khối thi đua … tổng kết năm 2023`, `… | Báo Y`), or only the
site's name when the CMS has no per-article title; `og:site_name`, the furniture vocabulary
and the shape of agency names tell those segments apart. The heading element is the one
that agrees with the title; without agreement, the best-placed heading that is neither a
logo, a widget heading nor a teaser.
"""
from __future__ import annotations

import re

from .furniture import is_furniture, is_tail_marker
from .page_vocab import full, squash_spaces, starts, vocab_re
from .textnorm import fold

_SEP = re.compile(r"(\s+[|\-–—:»/•·]\s+|\s*[|»•]\s*)")
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w\-]+(?:\.[\w\-]+)*\.(?:vn|com|net|org|info|gov)"
                     r"(?:\.vn)?/?$", re.IGNORECASE)
# The archive's date marker glued to a headline (` date 2026-01-28 Đổi mới …`).
DATE_MARKER = re.compile(r"^\s*date\s+((?:19|20)\d\d-\d\d(?:-\d\d)?)\b\s*")
_TITLE_CLASS = re.compile(r"title|tieude|tieu-de|tieu_de|headline|heading|subject|ten-?bai",
                          re.IGNORECASE)
# class/id words of headings that are not the article's: site name, widgets, sections
_NOT_HEADLINE = re.compile(r"logo|brand|site-?(?:title|name)|widget|webpart|module|block-?title|"
                           r"box-?title|cate|chuyen-?muc|section|menu|sidebar|footer|banner|"
                           r"related|lienquan|tinkhac|other|header-?top|portlet-?title|"
                           r"page-?header|breadcrumb|slogan", re.IGNORECASE)
_JUNK_ANCESTOR = re.compile(r"(?:^|[\s_\-])(?:menu|nav|navbar|footer|sidebar|side-bar|related|"
                            r"relate|lienquan|tinlienquan|tin-lien-quan|other-?news|tinkhac|"
                            r"tin-khac|comments?|binhluan|widget|banner|logo|header-?top|"
                            r"top-?bar|most-?view|xem-?nhieu|doc-?nhieu|latest)(?:$|[\s_\-\d])",
                            re.IGNORECASE)


def siteish(seg: str, site_name: str | None) -> bool:
    """Is this <title> segment the site, its section or a page type rather than a headline?"""
    s = seg.strip(" .:-–|")
    if not s:
        return True
    f = fold(s)
    if site_name:
        sf = fold(site_name)
        if f == sf or (len(f) > 4 and (f in sf or (sf in f and len(f) < len(sf) + 12))):
            return True
    if _DOMAIN.match(s) or full("generic_title", s) or is_furniture(s):
        return True
    words = s.split()
    if starts("site_head", s) and len(words) <= 12 and not vocab_re("event_word").search(s):
        return True
    return s.isupper() and len(words) <= 10


def clean_title(raw: str | None, site_name: str | None) -> str | None:
    """The headline inside a <title> or og:title: site and section segments dropped from both
    ends (the headline's own ` - ` and `:` are kept); None when nothing else is left."""
    if not raw:
        return None
    raw = squash_spaces(raw)
    parts = _SEP.split(raw)
    segs = parts[0::2]
    seps = parts[1::2]
    lo, hi = 0, len(segs)
    # a separator inside a headline (`Khối Kinh tế - Kỹ thuật tỉnh: Ký kết …`) joins two
    # headline halves; only the end segments that read as site names go.
    while hi - lo > 1 and siteish(segs[lo], site_name):
        lo += 1
    while hi - lo > 1 and siteish(segs[hi - 1], site_name):
        hi -= 1
    if hi - lo == 1 and siteish(segs[lo], site_name):
        return None
    out = segs[lo]
    for k in range(lo + 1, hi):
        out += seps[k - 1] + segs[k]
    out = out.strip(" |-–—:»")
    return out or None


def _matches(text: str, folded_title: str | None) -> bool:
    if not folded_title:
        return False
    a, b = fold(text), folded_title
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 20 and long_.startswith(short):
        return True  # a <title> cut short
    return len(short) >= 0.6 * len(long_) and short in long_


def _junk_ancestor(el) -> bool:
    for anc in el.iterancestors():
        if anc.tag in ("nav", "footer", "aside", "li", "a"):
            return True
        attrs = " ".join(filter(None, (anc.get("class"), anc.get("id"))))
        if attrs and _JUNK_ANCESTOR.search(attrs):
            return True
    return False


def find_headline(root, title_hint: str | None, site_name: str | None):
    """(element, text) of the headline, or (None, None)."""
    best, best_score = None, 0.0
    order = 0
    hint_f = fold(title_hint) if title_hint else None
    site_f = fold(site_name) if site_name else None
    for el in root.iter("h1", "h2", "h3", "h4", "div", "span", "p", "td", "strong", "b", "font"):
        order += 1
        tag = el.tag
        attrs = " ".join(filter(None, (el.get("class"), el.get("id"))))
        itemprop = (el.get("itemprop") or "").lower()
        titled = bool(attrs) and bool(_TITLE_CLASS.search(attrs))
        if tag not in ("h1", "h2") and not titled and itemprop != "headline":
            continue
        text = squash_spaces(el.text_content())
        if not (8 <= len(text) <= 300) or len(text.split()) < 3:
            continue
        matched = _matches(text, hint_f)
        score = 40.0 if matched else 0.0
        score += {"h1": 30, "h2": 12}.get(tag, 0) + (20 if titled else 0)
        score += 40 if itemprop == "headline" else 0
        if attrs and _NOT_HEADLINE.search(attrs):
            score -= 45
        if site_f and fold(text) == site_f:
            score -= 80
        if is_furniture(text) or is_tail_marker(text) or full("generic_title", text):
            continue
        if len(el) and all(c.tag == "a" for c in el) and not (el.text or "").strip():
            score -= 15  # a heading that is only a link is usually a teaser's
        if _junk_ancestor(el):
            score -= 60
        if text.isupper():
            score -= 10
        if len(text.split()) < 5:
            score -= 10
        score -= order * 0.001  # the first of equals
        if score > best_score:
            best, best_score = (el, text), score
    if best is None or best_score < 15:
        return None, None
    return best
