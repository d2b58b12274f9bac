"""Whole pages: regressions found in the demo and on real portals."""
import unicodedata

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


def _page(body: str, head: str = "<title>Thanh tra tỉnh</title>") -> str:
    return f'<html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


_PARA = "<p>" + "Các đơn vị trong Khối thi đua đã hoàn thành tốt nhiệm vụ chính trị được giao. " * 3 + "</p>"


def test_body_split_over_sibling_containers_is_read_whole():
    html = _page(f"""<div class="detail"><h1>Khối thi đua Nội chính tổng kết năm 2023</h1>
      <div class="detail-content"><p>Phần một: hội nghị có 8 cơ quan tham dự.</p>{_PARA}</div>
      <div class="ads-box"><img src="/qc.jpg"></div>
      <div class="detail-content"><p>Phần hai: Công an tỉnh dẫn đầu phong trào thi đua.</p>{_PARA}</div>
      <div class="detail-content other"><a href="/1">Tin khác một</a> <a href="/2">Tin khác hai</a>
      <a href="/3">Tin khác ba, về hội nghị sơ kết cụm thi đua số 4 của ngành thanh tra</a></div></div>""")
    text = parse_page(html, fetched_at="2026-01-01").text
    assert "Phần một" in text and "Phần hai" in text and "Tin khác" not in text
    assert text.index("Phần một") < text.index("Phần hai")


def test_month_first_stamp_of_an_en_us_aspnet_page():
    html = _page(f"""<div class="news"><h1 class="title">Cụm thi đua số 2 ký kết giao ước năm 2024</h1>
      <span class="date">3/25/2024 10:00:00 AM</span><div class="news-content">{_PARA}</div></div>""")
    assert parse_page(html, fetched_at="2026-01-01").published == "2024-03-25"


def test_future_header_date_rejected_and_byline_at_end_used():
    html = _page(f"""<h1>Cụm thi đua số 2 ký kết giao ước năm 2024</h1><div class="ngay">12/03/2031</div>
      <div class="article-content">{_PARA}<p>Ngày đăng: 14/03/2024</p></div>""")
    page = parse_page(html, fetched_at="2026-01-01")
    assert page.published == "2024-03-14"
    assert "2031" not in page.text and "Ngày đăng" not in page.text


def test_site_name_title_is_no_headline():
    head = ('<title>Cổng thông tin điện tử Thanh tra Chính phủ</title>'
            '<meta property="og:site_name" content="Cổng thông tin điện tử Thanh tra Chính phủ">')
    page = parse_page(_page(f'<div class="article-body">{_PARA}</div>', head), fetched_at="2026-01-01")
    assert page.title is None and page.text.startswith("Các đơn vị")


def _cp1258(text: str) -> bytes:
    """windows-1258 as legacy sites wrote it: precomposed vowels, combining tone marks."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            tones = "".join(m for m in d[1:] if m in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", d[0] + "".join(m for m in d[1:] if m not in tones))
            out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def test_cp1258_bytes_without_or_with_a_wrong_charset():
    title = "Khối thi đua Nội chính tỉnh Hòa Bình tổng kết năm 2018"
    body = f"<h1>{title}</h1><div class='noidung'>{_PARA}</div>"
    for head in ("", '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'):
        raw = _cp1258(f"<html><head>{head}</head><body>{body}</body></html>")
        page = parse_page(raw, fetched_at="2026-01-01")
        assert page.title == title and "Khối thi đua" in page.text


def test_line_dates():
    from thidua.extract.page_dates import line_date
    assert line_date("Ngày 24/7/2019, tại trụ sở TAND tỉnh, Khối thi đua tổ chức hội nghị") is None
    assert line_date("Thứ ba - 18/04/2017 21:00") == ("2017-04-18", "plain")
    assert line_date("Viết bởi Administrator | 12/03/2024") == ("2024-03-12", "plain")
    assert line_date("Ngày đăng: 12/03/2024 | Lượt xem: 351") == ("2024-03-12", "label")
    assert line_date("Cập nhật ngày: 26/02/2021 - 20:57") == ("2021-02-26", "label")
    assert line_date("Lần cập nhật cuối ( Thứ sáu, 22 Tháng 3 2013 10:05 )") == ("2013-03-22", "modified")
    assert line_date("Thứ 6, 03/05/2024, 22:35[GMT+7]")[1] == "clock"
    assert line_date("Thứ Tư, 08/04/2015, 08:11 [GMT+7]") == ("2015-04-08", "clock")


def test_clean_title():
    from thidua.extract.page_title import clean_title
    assert clean_title("Tin tức - Sở Nội vụ tỉnh Bắc Ninh - Khối thi đua Nội chính tổng kết năm 2023",
                       None) == "Khối thi đua Nội chính tổng kết năm 2023"
    assert clean_title("Khối Kinh tế - Kỹ thuật tỉnh: Ký kết giao ước thi đua năm 2021 | Báo Tây Ninh",
                       "Báo Tây Ninh") == "Khối Kinh tế - Kỹ thuật tỉnh: Ký kết giao ước thi đua năm 2021"
    assert clean_title("Thanh tra tỉnh tổ chức hội nghị tổng kết - baobacninh.vn", None) \
        == "Thanh tra tỉnh tổ chức hội nghị tổng kết"
    assert clean_title("Chi tiết tin tức", None) is None
    assert clean_title("Trang chủ - Cổng thông tin điện tử tỉnh Lạng Sơn", None) is None
