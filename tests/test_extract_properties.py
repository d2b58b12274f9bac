"""Whatever text or HTML comes in, extraction returns a well-formed object and never raises."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.extract import extract_html, extract_text
from thidua.extract.textnorm import nfc

LIST_FIELDS = ("blocs", "meetings", "awards", "people", "figures", "documents", "agencies")

# Fragments of real articles, so generated texts reach the patterns, not just the fallbacks.
FRAGMENTS = [
    "Ngày 15/6, ", "sáng 28/2 ", "16/06/2023", "( Cập nhật lúc: 07/02/2018 )", " date 2026-01-28 ",
    "Cụm thi đua số II", "Khối thi đua 20 ", "gồm 8 đơn vị: ", "128 cuộc thanh tra, kiểm tra",
    "gần 43,6 tỷ đồng", "88,1%", "3.704 lượt công dân", "7/7 đơn vị", "680 triệu", "Kế hoạch số ",
    "21/KH-UBND", " ngày 30/01/2023 của UBND tỉnh", "Nghị quyết số 09 của Bộ Chính trị",
    "Thanh tra tỉnh Bắc Ninh", "Skip Ribbon Commands", "Số lượt xem: 351", "Các tin khác",
    "\n", "\n\n", ", ", ". ", " ", "Toà án", "Thuỷ", "số ", "/", "-", "%", "tỷ", "đồng",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=30).map("".join),
)
html_texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(
        st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<div class='entry-content'>", "</div>",
                         "<h1>", "</h1>", "<title>", "</title>", "<script>", "</script>",
                         "<meta property='article:published_time' content='2023-02-30'>",
                         "<link rel='canonical' href='http://a.vn/x'>", "<time datetime='2023-06-16'>",
                         "<table><tr><td>", "</td></tr></table>", "<!--", "-->", "&nbsp;", "&#xFFFF;"]),
        st.sampled_from(FRAGMENTS), st.text(max_size=10)), max_size=40).map("".join),
)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_object(obj, text):
    for key in ("source", "title", "published") + LIST_FIELDS:
        assert key in obj
    assert obj["title"] is None or isinstance(obj["title"], str)
    assert obj["published"] is None or (isinstance(obj["published"], str) and len(obj["published"]) == 10)
    for key in LIST_FIELDS:
        assert isinstance(obj[key], list)
    for key in LIST_FIELDS:
        for fact in obj[key]:
            if not isinstance(fact, dict) or fact.get("start") is None:
                continue
            start, end = fact["start"], fact["end"]
            assert 0 <= start < end <= len(text), (key, fact)
            assert text[start:end].strip(), (key, fact)
    for fig in obj["figures"]:
        assert isinstance(fig["value"], (int, float)) and isinstance(fig["unit"], str) and fig["unit"]
        assert text[fig["start"]:fig["end"]] == fig["text"]
    for doc in obj["documents"]:
        assert doc["number"] and " " not in doc["number"]


@FAST
@given(texts)
def test_extract_text_total(text):
    obj = extract_text(text)
    check_object(obj, nfc(text))


@FAST
@given(html_texts)
def test_extract_html_total(html):
    obj = extract_html(html, fetched_at="2026-01-01")
    check_object(obj, obj["text"])
    assert obj["published"] is None or obj["published"] <= "2026-01-01"


@FAST
@given(html_texts)
def test_extract_html_bytes(html):
    obj = extract_html(html.encode("utf-8", "surrogatepass"), fetched_at="2026-01-01")
    check_object(obj, obj["text"])
