"""A whole HTML page → its address, title, publication date and main text.

One lxml parse per page. The main text comes from our own content finder first (known
content containers of the portal platforms Vietnamese agencies run — SharePoint, Liferay,
WordPress, Joomla, DNN — and of news sites, else the block with the most paragraph text and
the fewest links); trafilatura runs only when that finds too little. The title is the
heading that agrees with the page's <title>/og:title (page_title.py); the date comes only
from the head and from the article's own header and byline zones (page_dates.py), never
from teaser lists, sidebars or footers.

The returned text starts with the headline and a `dd/mm/yyyy` date line, then the body, so
the text pipeline (headline.py) reads the same title and date from it. Furniture (menus,
counters, share bars, related-news lists, comment forms, captions, bylines) is dropped.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import lxml.html
from lxml import etree

from .dates import parse_date_line
from .furniture import is_furniture, is_tail_marker
from .page_dates import (
    STRONG_META,
    WEAK_META,
    head_meta,
    htmldate_head,
    iso_from,
    jsonld,
    line_date,
    not_future,
    today_of,
    zone_date,
)
from .page_title import DATE_MARKER, clean_title, find_headline, siteish
from .page_vocab import full, squash_spaces, starts
from .textnorm import nfc


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
    "//*[contains(@class,'journal-content-article') or contains(@class,'asset-content')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' item-page ')]",
    "//*[contains(@class,'detail-content') or contains(@class,'content-detail') "
    "or contains(@class,'article-content') or contains(@class,'article-body') "
    "or contains(@class,'news-content') or contains(@class,'post-content') "
    "or contains(@class,'noidung') or contains(@class,'news-detail') "
    "or contains(@class,'fck_detail') or contains(@class,'ArticleContent') "
    "or contains(@class,'chitiet') or contains(@class,'NewsContent') "
    "or contains(@class,'detail__content') or contains(@class,'detail-body') "
    "or contains(@class,'singular-content') or contains(@class,'article__body') "
    "or contains(@class,'content-news') or contains(@class,'newsbody') "
    "or contains(@class,'NewsBody') or contains(@class,'bodytext') "
    "or contains(@class,'body-text') or contains(@class,'main-content-detail') "
    "or contains(@class,'ndtin') or contains(@class,'noi-dung')]",
    "//article",
]
_DROP_TAGS = {"script", "style", "noscript", "iframe", "button", "select", "input",
              "textarea", "svg", "nav", "footer", "aside", "figcaption", "template", "object",
              "embed", "video", "audio", "map", "amp-sidebar", "amp-ad", "amp-social-share",
              "amp-analytics", "amp-iframe", "amp-embed", "amp-list", "amp-carousel",
              "amp-video", "amp-youtube", "amp-facebook", "label", "option"}
# class/id words of furniture blocks (whole words inside the attribute)
_JUNK = re.compile(
    r"(?:^|[\s_\-])(?:menu|nav|navbar|breadcrumbs?|footer|sidebar|side-bar|related|relate|"
    r"lienquan|tinlienquan|tin-lien-quan|other-?news|tinkhac|comments?|binhluan|share|social|"
    r"sharing|toolbar|tools|banner|advert|ads|quangcao|tags?|keywords|counter|thongke|"
    r"luot-?xem|views?|print|rating|pagination|pager|caption|author|byline|widget|popup|"
    r"login|search|copyright|s4-ribbon|ms-srch|top-?bar|chu-?thich|chuthich|image_?desc|"
    r"img-?desc|photo-?desc|most-?view|xem-?nhieu|doc-?nhieu|cung-?chuyen-?muc|"
    r"bottom-?news|box-?news-?other|more-?news|tin-?moi|hot-?news|addthis|fb-(?:like|share|"
    r"comments)|zalo-share-button|sapo-?top)(?:$|[\s_\-\d])",
    re.IGNORECASE,
)
# junk words whose blocks are dropped even when they hold paragraphs of text
_STRONG_JUNK = re.compile(
    r"(?:^|[\s_\-])(?:menu|nav|navbar|breadcrumbs?|footer|sidebar|side-bar|related|relate|"
    r"lienquan|tinlienquan|tin-lien-quan|other-?news|tinkhac|tin-khac|comments?|binhluan|"
    r"widget|most-?view|xem-?nhieu|doc-?nhieu|cung-?chuyen-?muc|more-?news|hot-?news|"
    r"box-?news-?other|bottom-?news|latest|moi-?nhat|tin-?moi|top-?news|sub-?menu)"
    r"(?:$|[\s_\-\d])",
    re.IGNORECASE,
)
_JUNK_TAGS = {"header", "ul", "ol", "div", "section", "span", "p", "table", "td", "tr", "li",
              "em", "small", "figure", "dl", "center", "font", "article"}
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
               "section", "article", "blockquote", "ul", "ol", "dd", "dt", "pre", "header",
               "td", "th", "figure", "main", "center", "form", "time"}
# A zone walk skips these: nothing in them is the article's header or byline.
_ZONE_SKIP = {"script", "style", "noscript", "template", "nav", "footer", "aside", "select",
              "option", "button", "svg", "iframe", "a", "textarea", "head", "title"}
_SAPO = re.compile(r"sapo|(?:^|[\s_\-])(?:lead|summary|description|desc|tomtat|tom-tat|chapeau|"
                   r"short-?desc|intro|trich-?yeu|abstract|articlesummary|teaser-?text)"
                   r"(?:$|[\s_\-])", re.IGNORECASE)

# Control characters, raw or as character references: lxml refuses them in text it sets.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|&#0*(?:[0-8]|1[124-9]|2\d|3[01]|127);?"
                      r"|&#[xX]0*(?:[0-8]|[bBcC]|[eEfF]|1[0-9a-fA-F]|7[fF]);?")
_CONTROL_CHEAP = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|&#")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([\w\-]+)""", re.IGNORECASE)


def _decode(html: str | bytes) -> str:
    if isinstance(html, str):
        return html
    if html.startswith(b"\xef\xbb\xbf"):
        return html[3:].decode("utf-8", "replace")
    if html[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return html.decode("utf-16")
        except UnicodeDecodeError:
            pass
    m = _CHARSET.search(html[:4096])
    declared = m.group(1).decode("ascii", "ignore").lower() if m else None
    # a page that says windows-1252/iso-8859-1 is often windows-1258 (Vietnamese IIS sites)
    encodings = ([declared] if declared and declared not in ("iso-8859-1", "windows-1252",
                                                            "latin-1", "latin1") else [])
    encodings += ["utf-8", "cp1258", "latin-1"]
    for enc in encodings:
        try:
            return html.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return html.decode("utf-8", "replace")


def _canonical(tree, meta: dict, url: str | None) -> str | None:
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href", "").startswith("http"):
            return el.get("href").strip()
    og = meta.get("og:url")
    return og if og and og.startswith("http") else url


def _text_of(el) -> str:
    return squash_spaces("".join(el.itertext()))


def _attrs(el) -> str:
    return " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role"))))


def _is_junk(el) -> bool:
    attrs = _attrs(el)
    return bool(attrs) and bool(_JUNK.search(attrs))


def _is_page_form(el) -> bool:
    """ASP.NET and DNN wrap the whole page in one <form>: that form is not furniture."""
    n = 0
    for t in el.itertext():
        n += len(t)
        if n > 500:  # a comment or search form holds labels only
            return True
    return False


def _text_block(el) -> bool:
    """A block with paragraphs of prose and few links: article text whatever its class."""
    text = sum(len(t) for t in el.itertext())
    if text < 400:
        return False
    links = sum(len(_text_of(a)) for a in el.iter("a"))
    return links < 0.25 * text and sum(1 for _ in el.iter("p", "br")) >= 2


def _drop(el) -> None:
    try:
        el.drop_tree()
    except ValueError:  # text lxml will not re-attach: drop it with the element
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)


def _clean_tree(root, keep) -> None:
    """Drop furniture elements in place, but never an ancestor of `keep` (the headline)."""
    keep_path = set(keep.iterancestors()) | {keep} if keep is not None else set()
    for el in list(root.iter()):
        if el is root:
            continue
        tag = el.tag
        if not isinstance(tag, str):
            if el.getparent() is not None and tag is etree.Comment:
                _drop(el)
            continue
        if el in keep_path or el.getparent() is None:
            continue
        if tag in _DROP_TAGS:
            _drop(el)
        elif tag == "form":
            if not _is_page_form(el):
                _drop(el)
        elif tag in _JUNK_TAGS and _is_junk(el):
            attrs = _attrs(el)
            if _STRONG_JUNK.search(attrs) or not _text_block(el):
                _drop(el)


def _walk_lines(el, parts: list[str]) -> None:
    tag = el.tag
    if not isinstance(tag, str):
        if el.tail:
            parts.append(el.tail)
        return
    block = tag in _BLOCK_TAGS
    if block:
        parts.append("\n")
    if el.text:
        parts.append(el.text)
    for child in el:
        _walk_lines(child, parts)
    if block:
        parts.append("\n")
    if el.tail:
        parts.append(el.tail)


def _lines(el) -> list[str]:
    """The element's text as lines: one per block element, spaces squashed."""
    parts: list[str] = []
    tail, el.tail = el.tail, None
    try:
        _walk_lines(el, parts)
    except RecursionError:
        parts = ["\n".join(el.itertext())]
    finally:
        el.tail = tail
    out = []
    for line in "".join(parts).split("\n"):
        line = squash_spaces(line)
        if line:
            out.append(line)
    return out


def _zone_lines(root) -> tuple[list[str], dict]:
    """Lines of the page for reading dates, with the (first, end) line span of each element.

    Links, link lists (`<li><a>`), navigation, footers, sidebars and related-news boxes are
    skipped: their dates are other articles'. A `<time datetime>` becomes a date line.
    Read before cleaning, because portals print the article's date in elements whose
    class looks like furniture (`tools`, `info`).
    """
    lines: list[str] = []
    buf: list[str] = []
    span: dict = {}

    def flush():
        if buf:
            s = squash_spaces("".join(buf))
            buf.clear()
            if s:
                lines.append(s)

    def walk(node):
        tag = node.tag
        if not isinstance(tag, str):
            if node.tail:
                buf.append(node.tail)
            return
        skip = (tag in _ZONE_SKIP or (tag == "form" and not _is_page_form(node))
                or (tag == "li" and node.find(".//a") is not None))
        if not skip:
            attrs = _attrs(node)
            skip = bool(attrs) and bool(_STRONG_JUNK.search(attrs))
        if skip:
            if node.tail:
                buf.append(node.tail)
            return
        if tag == "time" and node.get("datetime"):
            iso = iso_from(node.get("datetime"))
            flush()
            start = len(lines)
            if iso:
                y, m, d = iso.split("-")
                label = "Cập nhật lần cuối " if re.search(
                    r"modif|updat", (node.get("itemprop") or "") + (node.get("class") or ""),
                    re.IGNORECASE) else ""
                lines.append(f"{label}{d}/{m}/{y}")
            span[node] = (start, len(lines))
            if node.tail:
                buf.append(node.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            flush()
        start = len(lines)
        if node.text:
            buf.append(node.text)
        for child in node:
            walk(child)
        if block:
            flush()
        span[node] = (start, max(len(lines), start + 1) if not block else len(lines))
        if node.tail:
            buf.append(node.tail)

    try:
        walk(root)
    except RecursionError:
        return [], {}
    flush()
    return lines, span


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
        # its own paragraphs: <p> children, and <div> children used as paragraphs
        own = sum(len(_text_of(p)) for p in el if isinstance(p.tag, str) and (
            p.tag == "p" or (p.tag == "div" and p.find(".//div") is None
                             and p.find(".//p") is None and p.find(".//table") is None)))
        own += len((el.text or "").strip())
        own += sum(len(p.tail or "") for p in el if isinstance(p.tag, str) and p.tag == "br")
        score = (own + 0.3 * text_len) * (1 - min(0.95, link_len / max(1, text_len)))
        # deeper, tighter containers win ties over the page wrapper
        score -= 0.05 * max(0, text_len - own)
        if score > best_score:
            best, best_score = el, score
    return best


def _containers(root) -> list:
    """The body container(s), in document order: a body split over several sibling blocks
    of the same kind (text, picture, text) is read whole."""
    for xp in _CONTENT_XPATHS:
        sized = [(el, sum(len(t) for t in el.itertext())) for el in root.xpath(xp)]
        found = [el for el, n in sized if n >= 80]
        if not found:
            continue
        main = max(sized, key=lambda pair: pair[1])[0]
        if xp == "//article":
            return [main]  # sibling <article>s are teasers, not the body's other parts
        family = {main.getparent(), main.getparent().getparent() if main.getparent() is not None
                  else None} - {None}
        parts = []
        for el in found:
            if el is main:
                parts.append(el)
                continue
            anc = set(el.iterancestors())
            if main in anc or any(p in anc for p in parts) or el.getparent() not in family:
                continue
            if any(el in set(p.iterancestors()) for p in parts) or main in el.iter():
                continue
            text = sum(len(t) for t in el.itertext())
            if text < 150 or sum(len(_text_of(a)) for a in el.iter("a")) > 0.3 * text:
                continue  # a box of links with the same class is not more body
            parts.append(el)
        return parts
    block = _best_block(root)
    return [block] if block is not None else []


def _italic_only(el) -> bool:
    text = _text_of(el)
    if not text:
        return False
    styled = "".join("".join(e.itertext()) for e in el.iter("em", "i"))
    style = (el.get("style") or "").lower() + (el.get("align") or "").lower()
    return len(squash_spaces(styled)) >= 0.8 * len(text) or "italic" in style


def _prune_container(container) -> None:
    """Inside the body: drop pictures with their captions and lists of links."""
    for img in list(container.iter("img", "amp-img", "picture")):
        block = img.getparent()
        while block is not None and block is not container and block.tag in (
                "a", "span", "strong", "b", "em", "i", "font", "picture", "center"):
            block = block.getparent()
        if block is None or block is container or block.getparent() is None:
            continue
        text = _text_of(block)
        nxt = block.getnext()
        if len(text) < 250 and (block.tag in ("table", "figure", "div", "td", "tr", "tbody")
                                or not text or _italic_only(block) or len(text) < 160):
            if block.tag in ("td", "tr", "tbody"):
                while block.tag != "table" and block.getparent() is not None \
                        and block.getparent() is not container:
                    block = block.getparent()
                nxt = block.getnext()
            _drop(block)
        # the caption in its own paragraph under the picture
        if nxt is not None and isinstance(nxt.tag, str) and nxt.tag in ("p", "div", "span", "em"):
            t = _text_of(nxt)
            if t and len(t) < 250 and (_italic_only(nxt) or starts("caption_start", t)
                                       or "center" in (nxt.get("style") or "").lower()
                                       + (nxt.get("align") or "").lower()):
                _drop(nxt)
    # the signature: a short right-aligned paragraph closing the body (`Văn Dũng - Phòng …`)
    leaves = [k for k in container.iter("p", "div", "td")
              if k is not container and k.find(".//p") is None and k.find(".//div") is None
              and _text_of(k)]
    for k in leaves[-2:]:
        align = ((k.get("style") or "") + " " + (k.get("align") or "")).lower().replace(" ", "")
        if ("text-align:right" in align or align.endswith("right")) and len(_text_of(k)) < 80:
            _drop(k)
    # a paragraph that is one link (`Xem thêm: …`, `>> Khối thi đua …`) points elsewhere
    for para in list(container.iter("p")):
        links = para.findall(".//a")
        if len(links) == 1 and para.getparent() is not None:
            text = _text_of(para)
            if text and len(text) < 200 and len(_text_of(links[0])) >= 0.85 * len(text):
                _drop(para)
    for lst in list(container.iter("ul", "ol", "table", "div")):
        if lst is container or lst.getparent() is None:
            continue
        links = list(lst.iter("a"))
        if len(links) < (2 if lst.tag in ("ul", "ol") else 3):
            continue
        text = sum(len(t) for t in lst.itertext())
        if text and sum(len(_text_of(a)) for a in links) >= 0.7 * text:
            _drop(lst)


def _is_byline_date(line: str) -> bool:
    if parse_date_line(line) is not None:
        return True
    got = line_date(line)
    return got is not None and got[1] != "plain" or (got is not None and len(line) < 80)


def _body_lines(lines: list[str], title: str | None) -> list[str]:
    out: list[str] = []
    substantial = False
    for line in lines:
        if is_tail_marker(line) or full("tail", line):
            if substantial:
                break
            continue
        if is_furniture(line) or full("line_furniture", line) or _is_byline_date(line):
            continue
        if title and line == title:
            continue
        if out and line == out[-1]:
            continue
        out.append(line)
        substantial = substantial or len(line) >= 80
    return _drop_byline(out)


_BYLINE = re.compile(r"^(?:\(?(?:Theo|Nguồn)\b.{0,60}\)?|[A-ZĐ][\w.]*(?:\s+[A-ZĐ][\w.]*){0,4}"
                     r"(?:\s*\(.{0,40}\))?|(?:Tin|Ảnh|Bài)(?:\s+và\s+ảnh)?\s*:.{0,40}|"
                     r"(?:Tin|Ảnh|Bài)(?:\s+và\s+ảnh)?\s*:.{0,40}\s*[-–,]\s*(?:Ảnh|Tin)\s*:.{0,40})$")


def _drop_byline(lines: list[str]) -> list[str]:
    """Drop the signature lines at the end (`Hải Hà`, `T.VĂN`, `Theo baochinhphu.vn`)."""
    while lines and len(lines[-1]) <= 60 and _BYLINE.match(lines[-1]) and len(lines) > 1:
        lines = lines[:-1]
    return lines


def _leads(root, head_el, containers, span) -> list[str]:
    """The sapo: a lead block between the headline and the body, outside the body."""
    if not containers:
        return []
    first = containers[0]
    body_at = span.get(first, (None,))[0]
    head_end = span.get(head_el, (None, None))[1] if head_el is not None else None
    out: list[str] = []
    inside = set()
    for c in containers:
        inside.update(c.iter())
    # a lead sits in the article's own wrapper, near the body (not a site slogan up top)
    near = set()
    anc = first.getparent()
    for _ in range(3):
        if anc is None or anc is root:
            break
        near.add(anc)
        anc = anc.getparent()
    for el in root.iter("p", "div", "h2", "h3", "strong", "span", "section"):
        attrs = _attrs(el)
        if not attrs or not _SAPO.search(attrs) or el in inside or first in set(el.iter()):
            continue
        if not near.intersection(el.iterancestors()) or _JUNK.search(attrs) or "site" in attrs:
            continue
        at = span.get(el)
        if at is None or body_at is None or at[0] > body_at:
            continue
        if head_end is not None and at[0] < head_end:
            continue
        if head_end is None and body_at - at[0] > 6:
            continue
        text = _text_of(el)
        if 30 <= len(text) <= 1200 and not any(o for o in out if text in o):
            out.extend(_lines(el))
    if not out and head_el is not None:
        out = _lead_before(first, head_el)
    return out


def _lead_before(container, head_el) -> list[str]:
    """Text blocks between the headline and the body container (a sapo in its own div)."""
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


def _head_index(lines: list[str], span: dict, head_el, title: str | None):
    if head_el is not None and head_el in span and span[head_el][1] > span[head_el][0]:
        return span[head_el]
    if title:
        for i, line in enumerate(lines):
            if line == title or (len(line) > 20 and line in title and len(line) > 0.6 * len(title)):
                return (i, i + 1)
    return None


def parse_page(html: str | bytes, *, url: str | None = None, fetched_at: str | None = None) -> Page:
    """Address, title, date and main text of one page; never raises on bad HTML."""
    # NFC before parsing: windows-1258 pages and "Unicode tổ hợp" pages decode to base
    # letters + combining tone marks, which no pattern downstream would match.
    source = unicodedata.normalize("NFC", _decode(html))
    if _CONTROL_CHEAP.search(source):
        source = _CONTROL.sub(" ", source)
    today = today_of(fetched_at)
    try:
        tree = lxml.html.document_fromstring(source.encode("utf-8", "replace"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return Page(url=url, title=None, published=None, text="")
    meta = head_meta(tree)
    page_url = _canonical(tree, meta, url)
    site_name = meta.get("og:site_name") or meta.get("application-name")
    ld_date, ld_head = jsonld(tree)
    doc_title = squash_spaces(tree.findtext(".//title") or "")
    hint = None
    for raw in (meta.get("og:title"), meta.get("twitter:title"), ld_head, meta.get("headline"),
                meta.get("title"), doc_title):
        hint = clean_title(raw, site_name)
        if hint:
            break

    body = tree.find("body")
    root = body if body is not None else tree
    head_el, head_text = find_headline(root, hint, site_name)
    if head_text and siteish(head_text, site_name) and hint and head_text != hint:
        head_el, head_text = None, None
    zlines, span = _zone_lines(root)

    _clean_tree(root, head_el)
    containers = _containers(root)
    for c in containers:
        _prune_container(c)
    lines = _leads(root, head_el, containers, span)
    for c in containers:
        lines.extend(_lines(c))

    title = head_text or hint
    marker_date = None
    if title:
        m = DATE_MARKER.match(title)
        if m:  # an archive's `date YYYY-MM-DD` glued to the headline: the article's own date
            marker_date = m.group(1) if len(m.group(1)) == 10 else None
            title = title[m.end():] or None
    header_date = None
    if head_text is None and lines:
        # No headline element: read the container's top as a text header would be read
        # (old table layouts put the headline in <font><b> above a date line).
        from .headline import analyse_header
        t_title, _span, header_date, _body = analyse_header("\n\n".join(lines[:14]))
        if t_title and not siteish(t_title, site_name):
            title = t_title

    body_span = None
    if containers and containers[0] in span:
        body_span = (span[containers[0]][0], span[containers[-1]][1]) \
            if containers[-1] in span else span[containers[0]]
    published = None
    for candidate in (
            lambda: next((iso_from(meta[k]) for k in STRONG_META if k in meta), None),
            lambda: iso_from(ld_date),
            lambda: zone_date(zlines, _head_index(zlines, span, head_el, head_text),
                              body_span, today),
            lambda: marker_date,
            lambda: next((iso_from(meta[k]) for k in WEAK_META if k in meta), None),
            lambda: header_date,
            lambda: htmldate_head(tree, page_url, today)):
        published = not_future(candidate(), today)
        if published:
            break

    body_lines = _body_lines(lines, title)
    body_text = "\n\n".join(body_lines)
    if len(body_text) < 200:
        alt = _trafilatura_text(tree)
        if len(alt) > len(body_text):
            body_lines = _body_lines([squash_spaces(x) for x in alt.splitlines() if x.strip()], title)
            body_text = "\n\n".join(body_lines)

    head = []
    if title:
        head.append(title)
    if published:
        y, m, d = published.split("-")
        head.append(f"{d}/{m}/{y}")
    text = "\n\n".join(head + ([body_text] if body_text else []))
    return Page(url=page_url, title=nfc(title) if title else None, published=published,
                text=nfc(text))
