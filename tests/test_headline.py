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
    # a headline closed by a full stop, with the page's date line under it
    ("Sở Tư pháp tỉnh Sóc Trăng dự Lễ ký kết giao ước thi đua Khối nội chính.\n\nCập nhật lúc: 09:12 "
     f"14/03/2022\n\n{BODY}", "Sở Tư pháp tỉnh Sóc Trăng dự Lễ ký kết giao ước thi đua Khối nội chính.",
     "2022-03-14"),
    (f"Cụm thi đua số 4 tổ chức hội thao chào mừng ngày thành lập ngành.\n\n21/09/2023 10:15 AM\n\n{BODY}",
     "Cụm thi đua số 4 tổ chức hội thao chào mừng ngày thành lập ngành.", "2023-09-21"),
    # ... but a lead sentence followed by the body, not by a date line, is no headline
    (f"Khối thi đua Nội chính tỉnh Sóc Trăng đã tổ chức hội nghị sơ kết 6 tháng đầu năm 2022.\n\n{BODY}",
     None, None),
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


# Round 4 (held-out pf): datelines and bylines as provincial portals, newspapers and
# inspectorate sites print them, in other provinces and wordings than the dev set.
T4 = "Khối thi đua các cơ quan Nội chính tỉnh Hậu Giang tổng kết năm 2022"
B4 = ("Sáng 14/12, tại thành phố Vị Thanh, Khối thi đua các cơ quan Nội chính tỉnh Hậu Giang "
      "tổ chức hội nghị tổng kết công tác thi đua năm 2022. Năm 2022, Công an tỉnh đã điều tra "
      "312 vụ án.")


@pytest.mark.parametrize("text,published", [
    # a labelled or byline date the strict date-line reader leaves
    (f"{T4}\nCập nhật ngày 15/12/2022 lúc 10:32\n{B4}", "2022-12-15"),
    (f"{T4}\nTác giả: Minh Châu | 15/12/2022\n{B4}", "2022-12-15"),
    (f"{T4}\nMinh Châu - 15/12/2022 10:32\n{B4}", "2022-12-15"),
    (f"Trang chủ / Tin tức\n{T4}\nThứ năm, 15 tháng 12, 2022 10:32\n{B4}", "2022-12-15"),
    # months in words (WordPress in Vietnamese); `6 tháng năm 2022` stays a period
    (f"{T4}\n15 Tháng Mười Hai, 2022\n{B4}", "2022-12-15"),
    (f"{T4}\nTháng Năm 9, 2019\n{B4}", "2019-05-09"),
    # a GMT stamp under the breadcrumb is the article's, not the banner's clock
    (f"Trang chủ » Tin tức - Sự kiện\n15/12/2022 | 10:32 GMT+7\n{T4}\n{B4}", "2022-12-15"),
    # the date printed after the headline on its line
    (f"{T4} (15/12/2022)\n{B4}", "2022-12-15"),
    # the site's name between the headline and its date line is not the headline
    (f"{T4}\nBáo Hậu Giang\n15/12/2022 - 10:32\n{B4}", "2022-12-15"),
    (f"Trang chủ > Tin tức > Thi đua khen thưởng\n{T4}\nThứ Hai, 19/12/2022 - 10:32\nCỡ chữ: A- A A+ | "
     f"In bài | Chia sẻ\nLượt xem: 1.204\n{B4}", "2022-12-19"),
])
def test_portal_datelines(text, published):
    title, _span, got, _start = analyse_header(text)
    assert (title, got) == (T4, published)


def test_six_month_period_is_no_date():
    text = "Khối thi đua Nội chính sơ kết 6 tháng năm 2022\n15/7/2022\nSáng 14/7, tại Hà Nội, họp."
    assert analyse_header(text)[:1] == ("Khối thi đua Nội chính sơ kết 6 tháng năm 2022",)
    assert analyse_header(text)[2] == "2022-07-15"


@pytest.mark.parametrize("tail", [
    "Ngọc Trâm (Văn phòng Thanh tra tỉnh)",
    "Bài, ảnh: Quang Hưng - Văn phòng Sở Nội vụ",
    "Đánh giá bài viết: 5/5 (12 bình chọn)",
    "Tổng số điểm đánh giá: 47 điểm | Số người đánh giá: 10",
])
def test_closing_byline_and_rating_are_not_facts(tail):
    obj = extract_text(f"{T4}\n15/12/2022\n{B4}\n{tail}")
    assert [f["text"] for f in obj["figures"]] == ["312 vụ án"]
    assert obj["agencies"] == ["Công an tỉnh Hậu Giang"]


def test_person_with_post_closing_the_article_is_kept():
    obj = extract_text(f"{T4}\n15/12/2022\n{B4}\nDự hội nghị có:\nÔng Lê Văn Bình - Chánh Thanh tra tỉnh Hậu Giang")
    assert "Lê Văn Bình" in [p["name"] for p in obj["people"]]


# --- round 6: captions, two-line headlines, slugs, hard-wrapped leads, list leads -------------------
def test_photo_caption_is_not_the_headline():
    text = ("Cụm thi đua số 4 Bộ Chỉ huy Quân sự tỉnh Lai Châu ký giao ước thi đua năm 2025\n\n"
            "Toàn cảnh hội nghị. Ảnh: Minh Tuấn\n" + BODY)
    assert analyse_header(text)[0] == "Cụm thi đua số 4 Bộ Chỉ huy Quân sự tỉnh Lai Châu ký giao ước thi đua năm 2025"


def test_headline_in_capitals_over_two_lines():
    text = ("TỔNG KẾT CÔNG TÁC THI ĐUA KHỐI CÁC HỘI\nĐẶC THÙ TỈNH PHÚ THỌ NĂM 2024 🎉🎉\n" + BODY)
    assert analyse_header(text)[0] == "TỔNG KẾT CÔNG TÁC THI ĐUA KHỐI CÁC HỘI ĐẶC THÙ TỈNH PHÚ THỌ NĂM 2024"


def test_banner_in_capitals_is_not_joined():
    text = "THANH TRA TỈNH PHÚ THỌ\nCỤM THI ĐUA SỐ 2 SƠ KẾT 6 THÁNG NĂM 2023\n" + BODY
    assert analyse_header(text)[0] == "CỤM THI ĐUA SỐ 2 SƠ KẾT 6 THÁNG NĂM 2023"


def test_full_stopped_headline_spelled_by_the_slug():
    line = "Hội nghị tổng kết công tác thi đua khối các sở tỉnh Yên Bái năm 2022."
    text = f"{line}\n\n{BODY}"
    url = "http://example.vn/TinTuc/12/Hoi-nghi-tong-ket-cong-tac-thi-dua-khoi-cac-so-tinh-Yen-Bai-nam-2022"
    assert analyse_header(text, url)[0] == line
    assert analyse_header(text, "http://example.vn/TinTuc/12/tin-tuc")[0] is None


def test_hard_wrapped_lead_has_no_headline():
    text = ("Theo\nQuyết định, Chủ tịch UBND tỉnh tặng Bằng khen\ncho mỗi tập thể, gồm Sở Tư pháp tỉnh Long An\n"
            "đã có thành tích xuất sắc.")
    assert analyse_header(text)[0] is None


def test_list_lead_and_items_are_body():
    text = ("Theo đó, UBND tỉnh có Quyết định về việc tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 03 tập thể đã có "
            "thành tích xuất sắc dẫn đầu phong trào thi đua các khối của huyện Tiên Phước năm 2022, gồm:\n"
            "1. Văn phòng Huyện ủy Tiên Phước; dẫn đầu Khối 01;\n2. Hội Nông dân huyện Tiên Phước; dẫn đầu Khối 02.")
    assert analyse_header(text)[0] is None


def test_two_digit_year_stamp():
    text = f"{TITLE}\n\n07/11/19 08:45\n\n{BODY}"
    assert analyse_header(text)[:3:2] == (TITLE, "2019-11-07")
