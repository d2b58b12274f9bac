import json
import unicodedata
from pathlib import Path

import pytest

from thidua.extract import extract_html
from thidua.extract.page import parse_page

PAGES = Path(__file__).parent / "fixtures" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_portal_pages(name):
    want = EXPECTED[name]
    page = parse_page((PAGES / name).read_bytes(), url=want.get("given_url"),
                      fetched_at=want.get("fetched_at", "2026-11-23"))
    assert page.url == want["url"]
    assert page.title == want["title"]
    assert page.published == want["published"]
    for s in want["has"]:
        assert s in page.text, s
    for s in want["not"]:
        assert s not in page.text, s
    # the text opens with the headline (and the date line), as headline.py expects
    if want["title"]:
        assert page.text.startswith(want["title"])
    if want["published"]:
        y, m, d = want["published"].split("-")
        assert f"\n\n{d}/{m}/{y}\n\n" in page.text[:400]
    assert page.text == unicodedata.normalize("NFC", page.text)


def test_future_date_rejected_relative_to_fetch():
    html = (PAGES / "future_date.html").read_bytes()
    assert parse_page(html, fetched_at="2026-11-23").published is None
    assert parse_page(html, fetched_at="2031-02-01").published == "2031-01-05"


def test_given_url_when_no_canonical():
    page = parse_page("<html><body><p>x</p></body></html>", url="http://a.vn/b")
    assert page.url == "http://a.vn/b"


def test_legacy_encoding_and_nfc():
    html = ('<html><head><meta charset="utf-8"><title>Toà án nhân dân tỉnh</title></head>'
            '<body><h1>Toà án nhân dân tỉnh họp</h1><div class="article-body"><p>'
            + "Toà án nhân dân tỉnh tổ chức hội nghị với 12 đơn vị tham dự. " * 5
            + "</p></div></body></html>").encode("utf-8")
    page = parse_page(html)
    assert "Toà" not in page.text and "Tòa án" in page.text


def test_extract_html_end_to_end():
    obj = extract_html((PAGES / "sharepoint_thanhtra.html").read_bytes(), fetched_at="2026-11-23")
    assert obj["title"] == EXPECTED["sharepoint_thanhtra.html"]["title"]
    assert obj["published"] == "2023-02-28"
    numbers = {d["number"] for d in obj["documents"]}
    assert {"21/KH-UBND", "42/QĐ-UBND"} <= numbers
    assert (88.1, "%") in {(f["value"], f["unit"]) for f in obj["figures"]}
    assert not any(f["value"] in (351, 4147, 128) for f in obj["figures"])


def test_garbage_never_raises():
    for html in ("", "<", "<html>", b"\xff\xfe\x00", "<p>" * 500, "plain text"):
        page = parse_page(html)
        assert isinstance(page.text, str)


def test_control_characters_do_not_break_parsing():
    for html in ("\x1f<!>0", "&#1</0>0", "<p>a&#x1;b</p>" * 3):
        assert isinstance(parse_page(html).text, str)
