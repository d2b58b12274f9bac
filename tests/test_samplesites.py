"""The bundled sample sites: two makes, every article reachable, its text rendered as it is."""
from __future__ import annotations

import json
from importlib import resources

import httpx
import lxml.html

from thidua.crawler.discover import parse_xml_links
from thidua.crawler.samplesites import serve_sample_sites
from thidua.crawler.samplesites.build import PAGE_SIZE


def _articles() -> dict[str, dict]:
    text = resources.files("thidua.crawler.samplesites").joinpath("articles.jsonl").read_text("utf-8")
    return {d["id"]: d for d in map(json.loads, text.splitlines())}


def test_sites_serve_robots_sitemaps_feeds_and_pagination():
    with serve_sample_sites() as sites, httpx.Client() as client:
        assert len(sites.start_urls) >= 2 and sites.base_url + "/" == sites.start_urls[0]
        makes = set()
        for name, site in sites.sites.items():
            base = site.base_url
            robots = client.get(base + "/robots.txt").text
            assert "Disallow:" in robots and f"Sitemap: {base}/sitemap.xml" in robots
            kind, urls = parse_xml_links(client.get(base + "/sitemap.xml").content, base)
            assert kind == "sitemap" and set(sites.article_urls(name)) <= set(urls)
            home = client.get(base + "/")
            assert home.status_code == 200 and "text/html" in home.headers["content-type"]
            if "/Pages/" in sites.article_urls(name)[0]:
                makes.add("portal")
                if len(sites.article_urls(name)) > PAGE_SIZE:
                    assert "?Page=2" in client.get(base + "/Pages/tin-tuc.aspx").text
                assert client.get(base + "/Pages/lien-he.aspx").status_code == 200
            else:
                makes.add("newspaper")
                assert "/trang-2.html" in client.get(base + "/chuyen-muc/thi-dua-khen-thuong.html").text
                kind, items = parse_xml_links(client.get(base + "/rss/thi-dua-khen-thuong.rss").content, base)
                assert kind == "feed" and set(sites.article_urls(name)) <= set(items)
        assert makes == {"portal", "newspaper"}


def test_every_article_is_served_once_with_its_text_canonical_and_furniture():
    docs = _articles()
    with serve_sample_sites() as sites, httpx.Client() as client:
        urls = sites.all_article_urls()
        assert len(urls) == len(docs) == 29
        seen_texts = set()
        for url in urls:
            resp = client.get(url)
            assert resp.status_code == 200
            tree = lxml.html.fromstring(resp.content)
            canonical = tree.find(".//link[@rel='canonical']").get("href")
            assert canonical.startswith("http") and "127.0.0.1" not in canonical
            body = tree.find_class("ms-rtestate-field") or tree.find_class("entry-content")
            page_text = body[0].text_content()
            doc = next(d for d in docs.values() if d["text"].split("\n")[0].strip() in page_text
                       and all(line.strip() in page_text for line in d["text"].split("\n")))
            seen_texts.add(doc["id"])
            # the lines come in the article's order
            pos = 0
            for line in (x.strip() for x in doc["text"].split("\n") if x.strip()):
                pos = page_text.index(line, pos)
            full = tree.text_content()
            assert "lượt xem" in full.lower() and ("Tin khác" in full or "Tin liên quan" in full)
        assert seen_texts == set(docs)


def test_seed_articles_keep_their_headline_and_date_line():
    with serve_sample_sites() as sites, httpx.Client() as client:
        page = client.get(sites.article_urls("thanhtra")[0]).text
        tree = lxml.html.fromstring(page)
        assert tree.find(".//h1").text_content() == ("Cụm thi đua thanh tra các tỉnh đồng bằng sông Hồng "
                                                     "sơ kết 6 tháng đầu năm 2023")
        assert "16/06/2023" in tree.text_content()
        assert tree.find(".//title").text_content().startswith("Cụm thi đua thanh tra")


def test_fault_routes_answer_as_documented():
    with serve_sample_sites(faults=True, slow_seconds=0.2) as sites, httpx.Client() as client:
        base = sites.faults_url
        busy = client.get(base + "/busy.html")
        assert busy.status_code == 503 and busy.headers["retry-after"] == "1"
        assert client.get(base + "/busy.html").status_code == 200
        assert client.get(base + "/redirect/1").status_code == 302
        assert client.get(base + "/loop/a").headers["location"] == "/loop/b"
        assert client.get(base + "/missing.html").status_code == 404
        assert client.get(base + "/files/bao-cao.pdf").headers["content-type"] == "application/pdf"
        cp = client.get(base + "/cp1258.html")
        assert cp.headers["content-type"] == "text/html" and b"windows-1258" in cp.content
        etag = client.get(base + "/article.html").headers["etag"]
        assert client.get(base + "/article.html", headers={"If-None-Match": etag}).status_code == 304
        assert "Disallow: /private/" in client.get(base + "/robots.txt").text
