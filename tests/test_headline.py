import pytest

from thidua.extract import extract_text
from thidua.extract.furniture import is_tail_marker
from thidua.extract.headline import analyse_header

BODY = ("Ngày 15/6, tại Tp Nam Định, Cụm thi đua số II đã tổ chức hội nghị sơ kết công tác thi "
        "đua, khen thưởng 6 tháng đầu năm 2023.")
TITLE = "Cụm thi đua thanh tra các tỉnh đồng bằng sông Hồng sơ kết 6 tháng đầu năm 2023"


@pytest.mark.parametrize("text,title,published", [
    (f"Truy cập nội dung luôn\n\nTHANH TRA CHÍNH PHỦ\n\n{TITLE}\n\n16/06/2023\n\n{BODY}",
     TITLE, "2023-06-16"),
    (f"Skip Ribbon Commands\nSign In\n{TITLE}\n( Cập nhật lúc: 07/02/2018 )\n{BODY}",
     TITLE, "2018-02-07"),
    (f"06/12/2019 - 22:07\n\n{TITLE}\n\nTTH - Chiều 6/12, Khối thi đua nội chính họp.", TITLE,
     "2019-12-06"),
    (f"Thứ 6, 03/05/2024, 22:35[GMT+7]\n\n{TITLE}\n\nThứ 4, 06/11/2013 | 20:31:39\n943 lượt xem\n{BODY}",
     TITLE, "2013-11-06"),
    (f"Khối thi đua các cơ quan Trung ương:\n\n{TITLE}\n\n{BODY}", TITLE, None),
    (f" date 2026-01-28 {TITLE}\n\n{BODY}", TITLE, "2026-01-28"),
    (f" date 2025-06 {TITLE}\n\n{BODY}", TITLE, None),
    (f"date 2026-01-07 {BODY} Theo thông tin từ Thanh tra Chính phủ, việc thanh tra nhằm mục đích "
     "triển khai.\n\nĐoạn hai.", None, "2026-01-07"),
    (f"{BODY}\n\nĐoạn hai.", None, None),
    ("(HNM) - Sáng 16-6, tại Tam Đảo, UBND huyện Mê Linh chủ trì sơ kết.\n\nĐoạn hai.", None, None),
    (f"Cannot retrieve the URL specified in the Content Link property. For more assistance, contact "
     f"your site administrator.\n\n{TITLE}\n\n15/03/2018\n\n\n{BODY}", TITLE, "2018-03-15"),
    (f"Cổng thông tin điện tử tỉnh Lạng Sơn\n\nThanh tra tỉnh Lạng Sơn\n\nA- A A+ | Tăng tương phản "
     f"Giảm tương phản\n\n{TITLE}\n\n        {BODY}", TITLE, None),
    (f"{TITLE}\n\nCập nhật: 17-11-2022 | 08:56:50\n\n{BODY}", TITLE, "2022-11-17"),
])
def test_header(text, title, published):
    got_title, span, got_published, body_start = analyse_header(text)
    assert (got_title, got_published) == (title, published)
    if span:
        assert " ".join(text[span[0]:span[1]].split()) == title
    assert text[body_start:].lstrip().startswith(("Ngày 15/6", "TTH", "Theo", "Đoạn", "(HNM)", BODY[:10])) \
        or title is None


def test_body_start_after_header():
    text = f"{TITLE}\n\n16/06/2023\n\n{BODY}"
    _t, _s, _p, body_start = analyse_header(text)
    assert text[body_start:].startswith("Ngày 15/6")


def test_given_values_win():
    obj = extract_text(f"{TITLE}\n\n16/06/2023\n\n{BODY}", published="2023-06-17", title="Khác")
    assert obj["published"] == "2023-06-17" and obj["title"] == "Khác"
    obj = extract_text(f"{TITLE}\n\n16/06/2023\n\n{BODY}")
    assert obj["published"] == "2023-06-16" and obj["title"] == TITLE


def test_gmt_stamp_below_headline_is_the_date():
    text = f"{TITLE}\n\nThứ hai, 12/3/2023, 10:20 (GMT+7)\n\n{BODY}"
    assert analyse_header(text)[2] == "2023-03-12"
    text = f"Thứ 6, 03/05/2024, 22:35[GMT+7]\n\n{TITLE}\n\n{BODY}"
    assert analyse_header(text)[2] is None


def test_excerpt_starting_lower_case_has_no_title():
    text = f"các đơn vị trong khối đã hoàn thành nhiệm vụ năm 2023\n\n{BODY}"
    assert analyse_header(text)[0] is None


def test_breadcrumb_skipped():
    text = f"Trang chủ > Tin tức > Hoạt động\n\n{TITLE}\n\nNgày đăng: 16/06/2023\n\n{BODY}"
    assert analyse_header(text)[:3:2] == (TITLE, "2023-06-16")


def test_question_headline():
    title = "Vì sao Khối thi đua Nội chính luôn dẫn đầu phong trào thi đua của tỉnh?"
    assert analyse_header(f"{title}\n\n16/06/2023\n\n{BODY}")[0] == title


@pytest.mark.parametrize("line, tail", [
    ("Tin liên quan:", True), ("* Tin liên quan:", True), ("► Xem thêm", True), ("■ Các tin khác", True),
    ("Tin bài liên quan", True), ("Tin tức liên quan:", True), ("Tin cũ hơn", True), ("Tin mới cập nhật", True),
    ("Tin đã đăng", True), ("* Công an tỉnh Gia Lai nhận Cờ thi đua", False), ("Tin, ảnh: Minh Anh", False),
])
def test_tail_marker_behind_a_bullet(line, tail):
    """The related-news list some sites open with a bullet (`* Tin liên quan:`) still ends the body."""
    assert is_tail_marker(line) is tail
