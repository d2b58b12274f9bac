"""A whole HTML page → its address, title, publication date and main text.

One lxml parse per page. The main text comes from our own content finder first (known
content containers of the portal platforms Vietnamese agencies run — SharePoint, Liferay,
WordPress, Joomla, DNN — and of news sites, else the block with the most paragraph text and
the fewest links); trafilatura runs only when that finds too little, and htmldate only when
neither the meta tags, a `<time>` element nor a date line near the headline gives a date.
So a typical page costs one parse and one tree walk, less than trafilatura alone.

The returned text starts with the headline and a `dd/mm/yyyy` date line, then the body, so
the text pipeline (headline.py) reads the same title and date from it. Furniture (menus,
counters, share bars, related-news lists, comment forms, captions, bylines) is dropped.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import lxml.html
from lxml import etree

from .dates import parse_date_line, valid_date
from .furniture import is_furniture, is_tail_marker
from .textnorm import nfc, squash_spaces


@dataclass
class Page:
    url: str | None
    title: str | None
    published: str | None
    text: str


# Containers that hold the article body on the platforms we meet, most specific first.
_CONTENT_XPATHS = [
    "//*[@itemprop='articleBody']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' ms-rtestate-field ')]",
    "//*[contains(@class,'journal-content-article')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' item-page ')]",
    "//*[contains(@class,'detail-content') or contains(@class,'content-detail') "
    "or contains(@class,'article-content') or contains(@class,'article-body') "
    "or contains(@class,'news-content') or contains(@class,'post-content') "
    "or contains(@class,'noidung') or contains(@class,'news-detail') "
    "or contains(@class,'fck_detail') or contains(@class,'ArticleContent') "
    "or contains(@class,'chitiet') or contains(@class,'NewsContent')]",
    "//article",
]
_DROP_TAGS = {"script", "style", "noscript", "iframe", "form", "button", "select", "input",
              "textarea", "svg", "nav", "footer", "aside", "figcaption", "template", "object",
              "embed", "video", "audio", "map"}
# class/id words of furniture blocks (whole words inside the attribute)
_JUNK = re.compile(
    r"(?:^|[\s_\-])(?:menu|nav|navbar|breadcrumbs?|footer|sidebar|side-bar|related|relate|"
    r"lienquan|tinlienquan|tin-lien-quan|other-?news|tinkhac|comments?|binhluan|share|social|"
    r"sharing|toolbar|tools|banner|advert|ads|quangcao|tags?|keywords|counter|thongke|"
    r"luot-?xem|views?|print|rating|pagination|pager|caption|author|byline|widget|popup|"
    r"login|search|copyright|s4-ribbon|ms-srch|top-?bar)(?:$|[\s_\-\d])",
    re.IGNORECASE,
)
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
               "section", "article", "blockquote", "ul", "ol", "dd", "dt", "pre", "header",
               "td", "th", "figure"}
_META_DATE_KEYS = ("article:published_time", "og:published_time", "datepublished",
                   "pubdate", "publishdate", "date", "dc.date", "dc.date.issued",
                   "dcterms.created", "article:published", "published_time", "sailthru.date",
                   "citation_publication_date", "created")
_ISO_IN = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_DMY_IN = re.compile(r"(?<!\d)([0-3]?\d)[/\-.]([01]?\d)[/\-.]((?:19|20)\d\d)(?!\d)")


# Control characters, raw or as character references: lxml refuses them in text it sets.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|&#0*(?:[0-8]|1[124-9]|2\d|3[01]|127);?"
                      r"|&#[xX]0*(?:[0-8]|[bBcC]|[eEfF]|1[0-9a-fA-F]|7[fF]);?")


def _decode(html: str | bytes) -> str:
    if isinstance(html, str):
        return html
    head = html[:4096].decode("ascii", "ignore")
    m = re.search(r"charset=[\"']?([\w\-]+)", head, re.IGNORECASE)
    encodings = ([m.group(1)] if m else []) + ["utf-8", "cp1258", "latin-1"]
    for enc in encodings:
        try:
            return html.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return html.decode("utf-8", "replace")


def _today(fetched_at: str | None) -> dt.date:
    if fetched_at:
        try:
            return dt.date.fromisoformat(str(fetched_at)[:10])
        except ValueError:
            pass
    return dt.date.today()


def _iso_from(value: str | None) -> str | None:
    if not value:
        return None
    m = _ISO_IN.search(value)
    if m:
        y, mo, d = map(int, m.groups())
    else:
        m = _DMY_IN.search(value)
        if not m:
            return None
        d, mo, y = map(int, m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if valid_date(y, mo, d) else None


def _not_future(iso: str | None, today: dt.date) -> str | None:
    if iso and dt.date.fromisoformat(iso) <= today:
        return iso
    return None


def _meta(tree, *names: str) -> str | None:
    wanted = {n.lower() for n in names}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in wanted and el.get("content"):
            return el.get("content").strip()
    return None


def _canonical(tree, url: str | None) -> str | None:
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href", "").startswith("http"):
            return el.get("href").strip()
    og = _meta(tree, "og:url")
    return og if og and og.startswith("http") else url


def _text_of(el) -> str:
    return squash_spaces("".join(el.itertext()))


def _is_junk(el) -> bool:
    attrs = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role"))))
    return bool(attrs) and bool(_JUNK.search(attrs))


def _clean_tree(root, keep) -> None:
    """Drop furniture elements in place, but never an ancestor of `keep` (the headline)."""
    keep_path = set(keep.iterancestors()) | {keep} if keep is not None else set()
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            if el.getparent() is not None and el.tag is etree.Comment:
                el.drop_tree()
            continue
        if el in keep_path or el.getparent() is None:
            continue
        if el.tag in _DROP_TAGS or (el.tag in ("header", "ul", "div", "section", "span", "p",
                                               "table", "td", "li", "em", "small", "figure")
                                    and _is_junk(el)):
            try:
                el.drop_tree()
            except ValueError:  # text lxml will not re-attach: drop it with the element
                el.getparent().remove(el)


def _lines(el) -> list[str]:
    """The element's text as lines: one per block element, spaces squashed."""
    parts: list[str] = []

    def walk(node):
        if not isinstance(node.tag, str):
            if node.tail:
                parts.append(node.tail)
            return
        block = node.tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(el)
    out = []
    for line in "".join(parts).split("\n"):
        line = squash_spaces(line)
        if line:
            out.append(line)
    return out


def _best_block(root):
    """The block with the most paragraph text, discounting links (readability's idea)."""
    best, best_score = None, 0.0
    for el in root.iter("div", "td", "section", "article", "main"):
        paras = [p for p in el if isinstance(p.tag, str) and p.tag in ("p", "div", "br", "span")]
        if not paras and not (el.text and el.text.strip()):
            continue
        text_len = sum(len(t) for t in el.itertext())
        if text_len < 150:
            continue
        link_len = sum(len(_text_of(a)) for a in el.iter("a"))
        own = sum(len(_text_of(p)) for p in el if isinstance(p.tag, str) and p.tag == "p")
        own += len((el.text or "").strip())
        score = (own + 0.3 * text_len) * (1 - min(0.95, link_len / max(1, text_len)))
        # deeper, tighter containers win ties over the page wrapper
        score -= 0.05 * max(0, text_len - own)
        if score > best_score:
            best, best_score = el, score
    return best


def _find_headline(root, meta_title: str | None):
    """The headline element: an h1 (or title-classed heading) whose text the page title has."""
    heads = list(root.iter("h1")) + [
        el for el in root.iter("h2", "h3", "div", "span", "p", "td")
        if re.search(r"title|tieude|tieu-de|headline|heading", el.get("class") or "", re.IGNORECASE)
        and not _is_junk(el)
    ]
    best = None
    for el in heads:
        t = _text_of(el)
        if not (8 <= len(t) <= 300):
            continue
        if meta_title and (t in meta_title or meta_title in t):
            return el, t
        if best is None and el.tag == "h1":
            best = (el, t)
    return best if best else (None, None)


def _strip_site_suffix(title: str) -> str:
    parts = re.split(r"\s+[|\-–—:»]\s+", title)
    if len(parts) > 1:
        return max(parts, key=len)
    return title


def _date_near(lines: list[str], title: str | None) -> str | None:
    """A date line among the first lines after (or just before) the headline."""
    start = 0
    if title:
        for i, line in enumerate(lines[:40]):
            if line == title:
                start = max(0, i - 2)
                break
    fallback = None
    for k, line in enumerate(lines[start:start + 8]):
        dl = parse_date_line(line)
        if dl and dl.iso and not dl.clock:
            return dl.iso
        if dl and dl.iso and fallback is None and title and start + k > lines.index(title):
            fallback = dl.iso  # a GMT stamp under the headline: the article's date
    return fallback


def _body_lines(lines: list[str], title: str | None) -> list[str]:
    out: list[str] = []
    for line in lines:
        if is_tail_marker(line):
            break
        if is_furniture(line) or parse_date_line(line) is not None:
            continue
        if title and line == title:
            continue
        if out and line == out[-1]:
            continue
        out.append(line)
    return _drop_byline(out)


_BYLINE = re.compile(r"^(?:\(?(?:Theo|Nguồn)\b.{0,60}\)?|[A-ZĐ][\w.]*(?:\s+[A-ZĐ][\w.]*){0,4}"
                     r"(?:\s*\(.{0,40}\))?|(?:Tin|Ảnh|Bài)(?:\s+và\s+ảnh)?\s*:.{0,40})$")


def _drop_byline(lines: list[str]) -> list[str]:
    """Drop the signature lines at the end (`Hải Hà`, `T.VĂN`, `Theo baochinhphu.vn`)."""
    while lines and len(lines[-1]) <= 60 and _BYLINE.match(lines[-1]) and len(lines) > 1:
        lines = lines[:-1]
    return lines


def _lead_before(container, head_el) -> list[str]:
    """Text blocks between the headline and the body container (a sapo in its own div)."""
    if head_el is None:
        return []
    parent = container.getparent()
    if parent is None or head_el not in set(parent.iter()):
        return []
    out: list[str] = []
    seen_head = False
    for sib in parent:
        if sib is container:
            break
        if not isinstance(sib.tag, str):
            continue
        if sib is head_el or head_el in set(sib.iter()):
            seen_head = True
            continue
        if seen_head and len(list(sib.iter("a"))) == 0:
            out.extend(_lines(sib))
    return out


def _trafilatura_text(tree) -> str:
    import trafilatura
    try:
        text = trafilatura.extract(tree, include_comments=False, include_tables=True,
                                   favor_recall=True, deduplicate=True)
    except Exception:  # noqa: BLE001  a parser failure leaves us with our own text
        return ""
    return text or ""


def _htmldate(html: str, today: dt.date) -> str | None:
    try:
        from htmldate import find_date
        found = find_date(html, extensive_search=False, original_date=True,
                          max_date=today.isoformat())
    except Exception:  # noqa: BLE001
        return None
    return _iso_from(found)


def parse_page(html: str | bytes, *, url: str | None = None, fetched_at: str | None = None) -> Page:
    """Address, title, date and main text of one page; never raises on bad HTML."""
    # NFC before parsing: windows-1258 pages decode to base letters + combining tone marks,
    # which no pattern downstream would match.
    source = unicodedata.normalize("NFC", _decode(html))
    source = _CONTROL.sub(" ", source)
    today = _today(fetched_at)
    try:
        tree = lxml.html.document_fromstring(source.encode("utf-8", "replace"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return Page(url=url, title=None, published=None, text="")
    page_url = _canonical(tree, url)
    meta_title = _meta(tree, "og:title", "twitter:title", "title", "headline")
    doc_title = tree.findtext(".//title")
    meta_title = squash_spaces(meta_title or _strip_site_suffix(squash_spaces(doc_title or ""))) or None

    published = _not_future(_iso_from(_meta(tree, *_META_DATE_KEYS)), today)
    if published is None:
        for el in tree.iter("time"):
            published = _not_future(_iso_from(el.get("datetime") or _text_of(el)), today)
            if published:
                break

    body = tree.find("body")
    root = body if body is not None else tree
    head_el, head_text = _find_headline(root, meta_title)
    title = head_text or meta_title

    # Lines around the headline, read before cleaning: portals print the date there in
    # elements whose class names look like furniture (`date`, `tools`).
    if published is None:
        published = _not_future(_date_near(_lines(root), title), today)

    _clean_tree(root, head_el)
    container = None
    for xp in _CONTENT_XPATHS:
        found = [el for el in root.xpath(xp) if len(_text_of(el)) >= 80]
        if found:
            container = max(found, key=lambda el: len(_text_of(el)))
            break
    if container is None:
        container = _best_block(root)
    lines = _lines(container) if container is not None else []
    if container is not None:
        lines = _lead_before(container, head_el) + lines
    if head_text is None and lines:
        # No headline element: read the container's top as a text header would be read
        # (old table layouts put the headline in <font><b> above a date line).
        from .headline import analyse_header
        t_title, _span, t_published, _body = analyse_header("\n\n".join(lines[:14]))
        if t_title:
            title = t_title
        if published is None and t_published:
            published = _not_future(t_published, today)
    body_lines = _body_lines(lines, title)
    body_text = "\n\n".join(body_lines)
    if len(body_text) < 200:
        alt = _trafilatura_text(tree)
        if len(alt) > len(body_text):
            body_lines = _body_lines([squash_spaces(x) for x in alt.splitlines() if x.strip()], title)
            body_text = "\n\n".join(body_lines)
    if published is None:
        published = _not_future(_htmldate(source, today), today)

    head = []
    if title:
        head.append(title)
    if published:
        y, m, d = published.split("-")
        head.append(f"{d}/{m}/{y}")
    text = "\n\n".join(head + ([body_text] if body_text else []))
    return Page(url=page_url, title=nfc(title) if title else None, published=published,
                text=nfc(text))
