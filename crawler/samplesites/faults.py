"""The fault site: one route per way a real site goes wrong, for the crawler's tests.

  /slow.html            answers after `slow_seconds` (timeouts)
  /drip.html            trickles its body over 2 × `slow_seconds` (a whole-exchange deadline)
  /busy.html            503 + Retry-After: 1 the first time, then the article
  /flaky.html           500, then 502, then the article (backoff without Retry-After)
  /redirect/1 → 2 → 3 → /arrived.html   a redirect chain;  /loop/a ⇄ /loop/b  a loop
  /to-ftp               a redirect to ftp: (refused)
  /article.html         linked also with utm_*/fbclid/gclid and a #fragment (one fetch)
  /print/article.html   the same article at a second address (same canonical link)
  /nocanon/a.html, b.html   one article, two addresses, no canonical (same content hash)
  /cp1258.html          windows-1258 with combining tone marks, no charset in the header
  /cp1258-nometa.html   the same, with no declaration at all (detection)
  /utf8.html            the same page in UTF-8
  /private/secret.html  Disallowed by robots.txt
  /only-in-sitemap.html reachable only through sitemap.xml
  /missing.html (404), /files/bao-cao.pdf (non-HTML), /huge.html (big), /broken.html
  /tin-tuc?start=N      a listing paginated with ?start=
"""
from __future__ import annotations

import html
import threading
import time
import unicodedata

from .build import body_html, sitemap, template
from .server import Request, Response, Site

FAULT_ARTICLE = "003_585b712608f825de"    # short, has a headline and a date line
CP1258_ARTICLE = "002_c06638d0faf141f3"
SITEMAP_ARTICLE = "029"
LAST_MODIFIED = "Thu, 01 Feb 2024 00:00:00 GMT"
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Encode as windows-1258 the way legacy Vietnamese pages are: base letter + tone mark.

    cp1258 has ê, ơ, ư, ă… but no precomposed toned letters (ệ, ở…): those are written as
    the base letter followed by a combining tone mark (U+0300, 0301, 0303, 0309, 0323).
    """
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        tones = "".join(c for c in parts if c in _TONES)
        out += (base + tones).encode("cp1258", errors="xmlcharrefreplace")
    return bytes(out)


def build_faults(site: Site, articles: dict[str, dict], other_port: int, slow_seconds: float = 3.0) -> None:
    base = site.base_url
    host, port = base.split("//")[1].split(":")

    def page(title: str, content: str, head: str = "", charset: str = "utf-8") -> str:
        return template("faults", "page.html").substitute(title=html.escape(title), content=content,
                                                          head=head, charset=charset)

    def article_page(aid: str, canonical: str | None, charset: str = "utf-8", title: str | None = None) -> str:
        text = articles[aid]["text"]
        headline = title or next(line.strip() for line in text.split("\n") if line.strip())
        head = f'<link rel="canonical" href="{html.escape(canonical)}">\n' if canonical else ""
        head += '<meta property="og:type" content="article">'
        content = template("faults", "article.html").substitute(
            headline=html.escape(headline), body=body_html(text, headline))
        return page(headline, content, head, charset)

    def ok(body: str | bytes, ctype: str = "text/html; charset=utf-8") -> Response:
        return Response(body=body.encode("utf-8") if isinstance(body, str) else body, content_type=ctype,
                        last_modified=LAST_MODIFIED)

    def redirect(to: str, status: int = 302) -> Response:
        return Response(status=status, headers={"Location": to}, conditional=False)

    site.add("/", ok(page("Trang thử nghiệm", template("faults", "index.html").substitute(
        host=host, port=port, other_port=other_port))))
    site.add("/robots.txt", ok(template("faults", "robots.txt").substitute(base=base), "text/plain"))
    site.add("/sitemap.xml", ok(sitemap(base, ["/", "/only-in-sitemap.html", "/article.html"]),
                                "application/xml"))

    canonical = "https://bacninh.gov.vn/news/-/details/20182/khoi-thi-dua-noi-chinh-ky-giao-uoc-thi-dua-nam-2023"
    art = article_page(FAULT_ARTICLE, canonical)
    site.add("/article.html", ok(art))
    site.add("/print/article.html", ok(art.replace("<main>", "<main class=\"print\">")))
    nocanon = article_page("028", None)
    site.add("/nocanon/a.html", ok(nocanon))
    site.add("/nocanon/b.html", ok(nocanon))
    site.add("/arrived.html", ok(article_page("034", "https://baomoi.com/quang-ninh-don-doc-thu-hoi-680-trieu-dong/c/20952599.epi",
                                              title="Quảng Ninh: Đôn đốc thu hồi 680 triệu đồng")))
    site.add("/only-in-sitemap.html", ok(article_page(SITEMAP_ARTICLE, articles[SITEMAP_ARTICLE]["url"])))
    site.add("/private/secret.html", ok(page("Nội bộ", "<p>Không được thu thập.</p>")))
    site.add("/files/bao-cao.pdf", ok(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
                                      "application/pdf"))
    site.add("/huge.html", ok(page("Trang lớn", "<p>" + "Thanh tra tỉnh. " * 40000 + "</p>")))
    text = articles["037"]["text"].split("\n")
    site.add("/broken.html", ok(template("faults", "broken.html").substitute(
        headline=html.escape(text[0]), canonical="https://baomoi.com/binh-lieu-quang-ninh-trien-khai-8-cuoc-thanh-tra/c/20803690.epi",
        body_first=html.escape(" ".join(text[1:3])), body_rest=html.escape(" ".join(text[3:])))))

    # windows-1258: the header names no charset; one page says so in a meta tag, one not at all.
    cp_canon = "https://thanhtra.bacninh.gov.vn/news/-/details/22384/tong-ket-nam-2023"
    site.add("/utf8.html", ok(article_page(CP1258_ARTICLE, cp_canon, "utf-8")))
    site.add("/cp1258.html", ok(to_cp1258(article_page(CP1258_ARTICLE, cp_canon + "?cp", "windows-1258")),
                                "text/html"))
    nometa = article_page(CP1258_ARTICLE, cp_canon + "?nometa", "utf-8").replace('<meta charset="utf-8">\n', "")
    site.add("/cp1258-nometa.html", ok(to_cp1258(nometa), "text/html"))

    # redirects
    site.add("/redirect/1", redirect("/redirect/2", 302))
    site.add("/redirect/2", redirect(f"{base}/redirect/3", 301))
    site.add("/redirect/3", redirect("/arrived.html", 307))
    site.add("/loop/a", redirect("/loop/b"))
    site.add("/loop/b", redirect("/loop/a"))
    site.add("/to-ftp", redirect(f"ftp://{host}/pub/file.html"))

    # a slow page and a busy one (stateful: first 503, then 200)
    slow = ok(article_page("037", "https://baomoi.com/binh-lieu-quang-ninh-trien-khai-8-cuoc-thanh-tra/c/20803690.epi?slow"))

    def slow_route(_req: Request) -> Response:
        time.sleep(slow_seconds)
        return slow

    busy_ok = ok(article_page("051", articles["051"]["url"]))
    lock = threading.Lock()
    state = {"hits": 0}

    def busy_route(_req: Request) -> Response:
        with lock:
            state["hits"] += 1
            first = state["hits"] == 1
        if first:
            return Response(503, b"<html><body>Server busy</body></html>", headers={"Retry-After": "1"},
                            conditional=False)
        return busy_ok

    flaky_ok = ok(article_page("066", articles["066"]["url"]))
    flaky = {"hits": 0}

    def flaky_route(_req: Request) -> Response:
        with lock:
            flaky["hits"] += 1
            n = flaky["hits"]
        if n <= 2:  # two server errors without Retry-After: exponential backoff applies
            return Response(500 if n == 1 else 502, b"<html><body>Error</body></html>", conditional=False)
        return flaky_ok

    site.add("/flaky.html", flaky_route)
    site.add("/slow.html", slow_route)
    site.add("/drip.html", Response(body=slow.body, drip=slow_seconds / 5, last_modified=LAST_MODIFIED))
    site.add("/busy.html", busy_route)

    # a ?start= paginated listing
    for start in (0, 20):
        items = "\n".join(f'<p><a href="{p}">{html.escape(t)}</a></p>' for p, t in (
            [("/article.html", "Khối thi đua Nội chính ký giao ước thi đua năm 2023"),
             ("/utf8.html", "Tổng kết công tác thi đua, khen thưởng năm 2023")] if start == 0 else
            [("/broken.html", "Bình Liêu, Quảng Ninh: Triển khai 8 cuộc thanh tra")]))
        paging = '<a href="/tin-tuc?start=20">Trang sau</a>' if start == 0 else '<a href="/tin-tuc?start=0">Trang đầu</a>'
        content = template("faults", "listing.html").substitute(items=items, paging=paging)
        site.add("/tin-tuc" if start == 0 else f"/tin-tuc?start={start}", ok(page("Tin tức", content)))
