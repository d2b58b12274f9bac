"""Render the bundled sample sites from articles.jsonl, sites.json and templates/.

Two makes of site: 'portal' (SharePoint-like inspectorate portal: `?Page=2` listing,
query-string article addresses, contact page, robots.txt with Disallow and Sitemap) and
'newspaper' (WordPress-like provincial paper: `/trang-2.html` pagination, RSS, sitemap).
Article text is rendered line by line as it is, so the extractor sees the article's own
text; the page around it (menu, related news, view counter, footer) is furniture.
"""
from __future__ import annotations

import html
import json
import re
from functools import cache
from importlib import resources
from string import Template

from thidua.extract.textnorm import fold

from .server import Response, Site

PAGE_SIZE = 4
_HERE = resources.files(__package__)


@cache
def template(make: str, name: str) -> Template:
    return Template(_HERE.joinpath("templates", make, name).read_text(encoding="utf-8"))


@cache
def catalog() -> dict:
    return json.loads(_HERE.joinpath("sites.json").read_text(encoding="utf-8"))


@cache
def articles() -> dict[str, dict]:
    out = {}
    for line in _HERE.joinpath("articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            out[doc["id"]] = doc
    return out


def slugify(text: str, limit: int = 80) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug[:limit].rstrip("-") or "bai-viet"


def body_html(text: str, headline: str | None) -> str:
    """The article's lines, in order: the headline line as <h1>, the others as <p>."""
    out = []
    placed = False
    for line in text.split("\n"):
        if not line.strip():
            continue
        esc = html.escape(line.strip(), quote=False)
        if headline and not placed and line.strip() == headline:
            out.append(f'<h1 class="title">{esc}</h1>')
            placed = True
        else:
            out.append(f"<p>{esc}</p>")
    return "\n".join(out)


def summary(text: str, headline: str | None, limit: int = 160) -> str:
    for line in text.split("\n"):
        line = line.strip()
        if len(line) > 60 and line != headline:
            return line[:limit].rsplit(" ", 1)[0] + "…"
    return ""


class _Article:
    def __init__(self, aid: str, n: int, site_make: str):
        doc = articles()[aid]
        meta = catalog()["articles"].get(aid, {})
        self.id = aid
        self.text = doc["text"]
        self.headline = meta.get("headline")
        self.canonical = meta.get("canonical") or doc.get("url")
        # Listings need a title even when the article's text has none: its first words.
        first = next(line.strip() for line in self.text.split("\n") if line.strip())
        self.label = self.headline or (first[:90].rsplit(" ", 1)[0] + "…")
        self.item_id = 100 + n * 7
        if site_make == "portal":
            self.path = f"/Pages/chi-tiet-tin-tuc.aspx?ItemID={self.item_id}"
        else:
            self.path = f"/{slugify(self.label)}-a{self.item_id}.html"


def build_site(site: Site, spec: dict) -> None:
    """Add every route of one content site (portal or newspaper) to `site`."""
    make = spec["make"]
    base = site.base_url
    lm = spec["last_modified"]
    arts = [_Article(aid, i, make) for i, aid in enumerate(spec["articles"])]
    common = {"site_title": spec["title"], "site_short": spec["short"], "site_address": spec["address"],
              "online": "4147", "visits": "1.254.861", "base": base}

    def page(title: str, content: str, head: str = "", breadcrumb: str = "", body_class: str = "") -> bytes:
        return template(make, "page.html").substitute(
            common, title=html.escape(title), content=content, head=head, breadcrumb=breadcrumb,
            body_class=body_class, popular=links_li(arts[:3])).encode("utf-8")

    def links_li(items: list[_Article]) -> str:
        return "\n".join(f'      <li><a href="{a.path.replace("&", "&amp;")}">{html.escape(a.label)}</a></li>'
                         for a in items)

    def item_html(a: _Article) -> str:
        return template(make, "item.html").substitute(
            href=a.path.replace("&", "&amp;"), headline=html.escape(a.label),
            summary=html.escape(summary(a.text, a.headline)))

    # articles
    for i, a in enumerate(arts):
        related = [b for b in arts if b is not a][:4]
        head = (f'<link rel="canonical" href="{html.escape(a.canonical)}" />\n'
                f'<meta property="og:type" content="article" />\n'
                f'<meta property="og:url" content="{html.escape(a.canonical)}" />')
        if a.headline:
            head += f'\n<meta property="og:title" content="{html.escape(a.headline)}" />'
        content = template(make, "article.html").substitute(
            body=body_html(a.text, a.headline), views=str(351 + 37 * i), related=links_li(related),
            post_id=str(a.item_id))
        title = a.headline or spec["title"]
        site.add(a.path, Response(body=page(title, content, head, breadcrumb="Tin tức - Sự kiện",
                                            body_class="post-template-default single single-post"),
                                  last_modified=lm))

    # listings, paginated
    pages = [arts[i:i + PAGE_SIZE] for i in range(0, len(arts), PAGE_SIZE)] or [[]]
    if make == "portal":
        listing = "/Pages/tin-tuc.aspx"
        page_url = [listing] + [f"{listing}?Page={n}" for n in range(2, len(pages) + 1)]
        heading = "Tin tức - Sự kiện"
    else:
        listing = "/chuyen-muc/thi-dua-khen-thuong.html"
        page_url = [listing] + [f"/chuyen-muc/thi-dua-khen-thuong/trang-{n}.html"
                                for n in range(2, len(pages) + 1)]
        heading = "Thi đua - Khen thưởng"
    for n, chunk in enumerate(pages):
        paging = []
        if n > 0:
            paging.append(f'<a class="prev page-numbers" href="{page_url[n - 1]}">« Trước</a>')
        for m, url in enumerate(page_url):
            paging.append(f'<span class="page-numbers current">{m + 1}</span>' if m == n
                          else f'<a class="page-numbers" href="{url}">{m + 1}</a>')
        if n + 1 < len(pages):
            paging.append(f'<a class="next page-numbers" href="{page_url[n + 1]}">Sau »</a>')
        content = template(make, "listing.html").substitute(
            heading=heading, items="\n".join(item_html(a) for a in chunk), paging="\n".join(paging))
        head = f'<link rel="next" href="{page_url[n + 1]}" />' if n + 1 < len(pages) else ""
        if n > 0:
            head += f'\n<link rel="prev" href="{page_url[n - 1]}" />'
        site.add(page_url[n], Response(body=page(heading, content, head, breadcrumb=heading,
                                                 body_class="archive category"), last_modified=lm))

    # home: the latest news, linking to the full listing
    home = template(make, "listing.html").substitute(
        heading="Tin mới", items="\n".join(item_html(a) for a in arts[:PAGE_SIZE]),
        paging=f'<a href="{listing}">Xem tất cả</a>')
    site.add("/", Response(body=page(spec["title"], home, breadcrumb="", body_class="home blog"),
                           last_modified=lm))
    contact_path = "/Pages/lien-he.aspx" if make == "portal" else "/lien-he.html"
    site.add(contact_path, Response(body=page("Liên hệ", template(make, "contact.html").substitute(common)),
                                    last_modified=lm))
    # the other menu entries: pages with little on them, as on the real sites
    empty = template(make, "listing.html").substitute(heading="Chuyên mục", items="<p>Chưa có bài viết.</p>",
                                                      paging="")
    for path in (("/Pages/gioi-thieu.aspx", "/Pages/van-ban.aspx") if make == "portal"
                 else ("/chuyen-muc/thoi-su.html", "/chuyen-muc/phap-luat.html")):
        site.add(path, Response(body=page("Chuyên mục", empty), last_modified=lm))
    site.add("/robots.txt", Response(body=template(make, "robots.txt").substitute(common).encode(),
                                     content_type="text/plain; charset=utf-8", last_modified=lm))

    # sitemap (both makes) and RSS (newspaper)
    urls = ["/", *page_url, *(a.path for a in arts)]
    site.add("/sitemap.xml", Response(body=sitemap(base, urls), content_type="application/xml",
                                      last_modified=lm))
    if make == "newspaper":
        items = "\n".join(template(make, "rss_item.xml").substitute(
            headline=html.escape(a.label), href=html.escape(base + a.path),
            summary=html.escape(summary(a.text, a.headline))) for a in arts)
        rss = template(make, "rss.xml").substitute(common, items=items)
        site.add("/rss/thi-dua-khen-thuong.rss", Response(body=rss.encode("utf-8"),
                                                          content_type="application/rss+xml; charset=utf-8",
                                                          last_modified=lm))


def sitemap(base: str, paths: list[str]) -> bytes:
    urls = "\n".join(f"  <url><loc>{html.escape(base + p)}</loc></url>" for p in paths)
    return Template(_HERE.joinpath("templates", "sitemap.xml").read_text(encoding="utf-8")).substitute(
        urls=urls).encode("utf-8")


def article_urls(spec: dict) -> list[str]:
    """The paths of a site's article pages, in catalog order (tests use them)."""
    return [_Article(aid, i, spec["make"]).path for i, aid in enumerate(spec["articles"])]
