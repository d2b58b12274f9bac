"""Crawler building blocks without a network: URLs, encodings, links, feeds, classification."""
from __future__ import annotations

import pytest

from thidua.crawler.classify import classify
from thidua.crawler.discover import looks_like_xml_feed, parse_html, parse_xml_links
from thidua.crawler.encoding import choose_charset, decode_body
from thidua.crawler.errors import UnsafeURL
from thidua.crawler.fetch import parse_retry_after
from thidua.crawler.samplesites.faults import to_cp1258
from thidua.crawler.urls import host_is_private, normalize_url, on_sites, site_key
from thidua.extract.textnorm import nfc


@pytest.mark.parametrize("raw, expected", [
    ("HTTP://Example.COM:80/a/../b/./c#frag", "http://example.com/b/c"),
    ("https://x.vn:443/tin?utm_source=fb&utm_medium=s&b=2&a=1&fbclid=Iw&gclid=9", "https://x.vn/tin?a=1&b=2"),
    ("https://x.vn/Pages/chi-tiet.aspx?ItemID=5&print", "https://x.vn/Pages/chi-tiet.aspx?ItemID=5&print"),
    ("http://x.vn", "http://x.vn/"),
    ("http://x.vn/%7euser/ti%e1%ba%bfng", "http://x.vn/~user/ti%E1%BA%BFng"),
    ("http://127.0.0.1:8080/trang-2.html", "http://127.0.0.1:8080/trang-2.html"),
])
def test_normalize_url(raw, expected):
    assert normalize_url(raw) == expected


def test_normalize_relative_and_refuses_other_schemes():
    assert normalize_url("../tin/a.html?Page=2", "http://x.vn/muc/b/c.html") == "http://x.vn/muc/tin/a.html?Page=2"
    for bad in ("ftp://x.vn/a", "javascript:void(0)", "mailto:a@x.vn", "file:///etc/passwd"):
        with pytest.raises(UnsafeURL):
            normalize_url(bad)


def test_sites_and_private_hosts():
    assert site_key("https://www.thanhtra.gov.vn/a") == "thanhtra.gov.vn"
    assert on_sites("http://thanhtra.gov.vn/x", {"thanhtra.gov.vn"})
    assert on_sites("https://m.thanhtra.gov.vn/x", {"thanhtra.gov.vn"})
    assert not on_sites("http://thanhtra.gov.vn.evil.com/", {"thanhtra.gov.vn"})
    assert not on_sites("http://127.0.0.1:2/", {"127.0.0.1:1"})
    for host in ("127.0.0.1", "localhost", "10.1.2.3", "192.168.1.1", "169.254.169.254", "::1", "[::1]"):
        assert host_is_private(host), host
    assert not host_is_private("8.8.8.8")


def test_retry_after_parsing():
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480 - 10) == 10.0
    assert parse_retry_after("soon") is None


TEXT = "Tòa án nhân dân tỉnh Bắc Ninh – Thủy lợi “Đoàn” kết; Khối thi đua Nội chính nhận Cờ thi đua"


def test_windows_1258_decodes_to_the_same_nfc_text():
    raw = to_cp1258(TEXT)
    assert b"\xcc" in raw or b"\xd2" in raw            # tone marks really are combining bytes
    page = b'<html><head><meta charset="windows-1258"></head><body>' + raw + b"</body></html>"
    text, charset = decode_body(page, "text/html")     # header without charset: the meta decides
    assert charset == "cp1258"
    assert TEXT in text
    assert nfc(TEXT) == TEXT
    # no declaration anywhere: detection
    text2, _ = decode_body(b"<html><body><p>" + raw + b"</p></body></html>", None)
    assert TEXT in text2


def test_charset_precedence():
    utf8 = "Thanh tra tỉnh".encode()
    assert choose_charset(b"\xef\xbb\xbf" + utf8, "text/html; charset=windows-1252") == "utf-8"
    assert choose_charset(utf8, "text/html; charset=utf-8") == "utf-8"
    # a page claiming UTF-8 while being something else is decoded by its bytes
    assert choose_charset(to_cp1258("Thanh tra tỉnh Bắc Ninh nhận Cờ thi đua " * 5),
                          "text/html; charset=utf-8") != "utf-8"
    # old tone placement and NFD come out as the project's NFC
    text, _ = decode_body("<p>Hoà Thuỷ</p>".encode(), "text/html; charset=utf-8")
    assert "Hòa Thủy" in text


def test_links_canonical_and_nofollow():
    html = """<html><head><link rel="canonical" href="https://x.vn/bai-viet-1.html?utm_source=a">
    <link rel="next" href="?Page=2"><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head>
    <body><a href="/a.html#x">A</a><a href="/a.html">A again</a><a href="mailto:x@y">m</a>
    <a href="/b.html" rel="nofollow">B</a><a href="https://other.vn/c">C</a></body></html>"""
    parsed = parse_html(html, "https://x.vn/muc/")
    assert parsed.canonical == "https://x.vn/bai-viet-1.html"
    assert parsed.links == ["https://x.vn/muc/?Page=2", "https://x.vn/rss.xml", "https://x.vn/a.html",
                            "https://other.vn/c"]


def test_sitemap_index_rss_and_atom():
    sm = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://x.vn/sitemap-1.xml</loc></sitemap></sitemapindex>"""
    assert parse_xml_links(sm, "https://x.vn/sitemap.xml") == ("sitemap", ["https://x.vn/sitemap-1.xml"])
    rss = b"""<rss version="2.0"><channel><link>https://x.vn/</link>
    <item><link>https://x.vn/a.html?utm_campaign=rss</link><guid isPermaLink="false">42</guid></item>
    </channel></rss>"""
    assert parse_xml_links(rss, "https://x.vn/rss") == ("feed", ["https://x.vn/", "https://x.vn/a.html"])
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/b.html"/></entry></feed>"""
    assert parse_xml_links(atom, "https://x.vn/atom") == ("feed", ["https://x.vn/b.html"])
    assert parse_xml_links(b"<html>not xml", "https://x.vn/") == ("", [])
    xhtml = b'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html><body>x</body></html>'
    assert not looks_like_xml_feed("text/html; charset=utf-8", xhtml)
    assert looks_like_xml_feed("", b"<?xml version='1.0'?><urlset/>") and looks_like_xml_feed("text/xml", b"")


def _page(body: str, head: str = "") -> object:
    return parse_html(f"<html><head>{head}</head><body>{body}</body></html>", "https://x.vn/").tree


def test_classify_article_listing_other():
    para = "<p>" + "Khối thi đua các cơ quan Nội chính tỉnh tổ chức Hội nghị tổng kết công tác thi đua. " * 4 + "</p>"
    nav = "<nav>" + "".join(f'<a href="/m{i}">Mục {i}</a>' for i in range(20)) + "</nav>"
    assert classify(_page(nav + "<h1>Tiêu đề bài viết</h1>" + para * 3)) == "article"
    assert classify(_page(para, '<meta property="og:type" content="article">')) == "article"
    items = "".join(f'<div><a href="/bai-{i}.html">Khối thi đua các cơ quan Nội chính ký giao ước {i}</a></div>'
                    for i in range(5))
    assert classify(_page(nav + "<h1>Tin tức</h1>" + items)) == "listing"
    assert classify(_page(nav + '<h1>Tin</h1><a href="/tin?Page=2">2</a>')) == "listing"
    assert classify(_page(nav + "<h1>Liên hệ</h1><p>Điện thoại: 024 1234 5678</p>")) == "other"
    assert classify(None) == "other"


def test_content_fingerprint_ignores_counters_scripts_and_furniture():
    from thidua.crawler.classify import content_fingerprint

    def fp(views, extra="", script="1"):
        return content_fingerprint(_page(
            f'<nav><a href="/">Trang chủ</a></nav><h1>Tiêu đề</h1><p>Nội dung bài viết.{extra}</p>'
            f'<div class="post-views">Lượt xem: <b>{views}</b></div><script>var t={script};</script>'
            f'<aside class="related"><a href="/x">Tin {views}</a></aside>'))

    assert fp(351) == fp(352, script="2")
    assert fp(351) != fp(351, extra=" Cập nhật.")
