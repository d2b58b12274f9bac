"""Whole pages: regressions found in the demo and on real portals."""
import httpx
from thidua.crawler.samplesites import serve_sample_sites
from thidua.crawler.samplesites.build import articles, catalog
from thidua.extract import extract_text
from thidua.extract.page import parse_page


def test_sample_site_articles_never_take_a_teasers_date():
    """The demo's pages list other articles (`date 2026-01-07 …`) in their related-news box
    and sidebar; an article without a date of its own must stay undated (the bug: it took
    the first teaser's date)."""
    own = {}
    for aid, doc in articles().items():
        canonical = catalog()["articles"].get(aid, {}).get("canonical") or doc.get("url")
        own[canonical] = extract_text(doc["text"])["published"]
    with serve_sample_sites() as sites, httpx.Client() as client:
        urls = sites.all_article_urls()
        undated = 0
        for url in urls:
            page = parse_page(client.get(url).content, fetched_at="2026-02-01")
            assert page.url in own, url
            assert page.published == own[page.url], (url, page.published, own[page.url])
            undated += own[page.url] is None
        assert len(urls) == len(own) and undated >= 10


def test_related_teaser_dates_in_every_form_are_ignored():
    teasers = "".join(
        f'<li><a href="/t{i}">Tin {i}: Khối thi đua họp</a> <span class="date">0{i}/01/2026</span></li>'
        for i in range(1, 5))
    html = f"""<html><head><title>Thanh tra tỉnh</title></head><body>
    <div class="main"><h1>Cụm thi đua số 5 sơ kết công tác 6 tháng đầu năm</h1>
    <div class="article-body"><p>{"Các đơn vị trong Cụm đã hoàn thành nhiệm vụ được giao. " * 4}</p></div>
    <div class="box"><h3>Các tin khác</h3><ul>{teasers}</ul></div></div>
    <div class="col-right"><div><time datetime="2026-01-09">09/01/2026</time></div></div>
    </body></html>"""
    page = parse_page(html, fetched_at="2026-02-01")
    assert page.title == "Cụm thi đua số 5 sơ kết công tác 6 tháng đầu năm"
    assert page.published is None
