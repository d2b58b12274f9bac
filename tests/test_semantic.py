"""Input -> expected pairs for the semantic components: agency names, provinces, bloc names,
members, leaders, meetings, awards and people."""
from __future__ import annotations

import pytest

from thidua.extract import extract_text
from thidua.extract.agencies import canonicalize
from thidua.extract.context import ArticleContext
from thidua.extract.province import province_from_host

BAC_NINH = ArticleContext(text="", province="Bắc Ninh", province_kind="tỉnh")
NO_PROVINCE = ArticleContext(text="")


@pytest.mark.parametrize("written, expected", [
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh Bắc Ninh"),
    ("Thanh tra tỉnh", "Thanh tra tỉnh Bắc Ninh"),
    ("TAND tỉnh Bắc Giang", "Tòa án nhân dân tỉnh Bắc Giang"),
    ("Viện KSND tỉnh", "Viện Kiểm sát nhân dân tỉnh Bắc Ninh"),
    ("Viện kiểm sát nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh Bắc Ninh"),
    ("Ban Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh Bắc Ninh"),
    ("Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh Bắc Ninh"),
    ("Sở Tư pháp", "Sở Tư pháp tỉnh Bắc Ninh"),
    ("Sở Giao thông Vận tải", "Sở Giao thông vận tải tỉnh Bắc Ninh"),
    ("Cục Thi hành án Dân sự", "Cục Thi hành án dân sự tỉnh Bắc Ninh"),
    ("Thanh tra TPHCM", "Thanh tra thành phố Hồ Chí Minh"),
    ("UBND TP.HCM", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
    ("Công an thành phố Hà Nội", "Công an thành phố Hà Nội"),
    ("Thanh tra Bộ Tư pháp", "Thanh tra Bộ Tư pháp"),
    ("TTCP", "Thanh tra Chính phủ"),
    ("Thanh tra huyện Bình Liêu", "Thanh tra huyện Bình Liêu"),
    ("UBND huyện Cô Tô", "Ủy ban nhân dân huyện Cô Tô"),
    ("Tổng Cục THADS", "Tổng cục Thi hành án dân sự"),
    ("Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh Bắc Ninh"),
    ("Thanh tra Sở Văn hóa, Thể thao và Du lịch tỉnh Tây Ninh",
     "Thanh tra Sở Văn hóa, Thể thao và Du lịch tỉnh Tây Ninh"),
    ("Ban Quản lý Khu Kinh tế Vân Phong", "Ban Quản lý Khu kinh tế Vân Phong"),
])
def test_canonicalize(written, expected):
    assert canonicalize(written, BAC_NINH) == expected


def test_canonicalize_without_province_ends_at_tinh():
    assert canonicalize("Sở Tư pháp", NO_PROVINCE) == "Sở Tư pháp tỉnh"
    assert canonicalize("Thanh tra tỉnh", NO_PROVINCE) == "Thanh tra tỉnh"
    assert canonicalize("các sở, ngành", BAC_NINH) is None


@pytest.mark.parametrize("url, province", [
    ("https://thanhtra.bacninh.gov.vn/tin", "Bắc Ninh"),
    ("https://sovhttdl.tayninh.gov.vn/vi/news/1.html", "Tây Ninh"),
    ("http://www.lamdong.gov.vn/a", "Lâm Đồng"),
    ("https://baokhanhhoa.vn/x", "Khánh Hòa"),
    ("https://baothuathienhue.vn/x", "Thừa Thiên Huế"),
    ("https://amp.baonghean.vn/x", "Nghệ An"),
    ("http://www.baomoi.com/x", None),
    ("https://anninhthudo.vn/x", None),
    ("https://nxbtuphap.moj.gov.vn/x", None),
    ("https://cafef.vn/x", None),
])
def test_province_from_host(url, province):
    assert province_from_host(url) == province


def test_site_province_in_force_after_merger():
    o = extract_text("Thanh tra tỉnh tổ chức hội nghị.", url="https://baobacgiang.vn/a",
                     published="2026-01-05")
    assert "Thanh tra tỉnh Bắc Ninh" in o["agencies"]
    o = extract_text("Thanh tra tỉnh tổ chức hội nghị.", url="https://baobacgiang.vn/a",
                     published="2019-01-05")
    assert "Thanh tra tỉnh Bắc Giang" in o["agencies"]


def test_generic_classes_are_not_agencies():
    o = extract_text("Thanh tra các sở, ban, ngành và Thanh tra các huyện triển khai 39 cuộc; "
                     "VKSND hai cấp phối hợp.", url="https://thanhtra.langson.gov.vn/a")
    assert o["agencies"] == []


MEMBERS_TEXT = (
    "Ngày 21/11, Khối Thi đua Các cơ quan Nội chính tỉnh Bắc Ninh tổ chức Hội nghị Tổng kết "
    "công tác thi đua, khen thưởng năm 2023.\n\n"
    "Khối Thi đua Các cơ quan Nội chính tỉnh Bắc Ninh gồm 8 đơn vị: Thanh tra tỉnh; Sở Nội vụ; "
    "Sở Tư pháp, Bộ Chỉ huy Quân sự tỉnh; Công an tỉnh; TAND tỉnh; Viện KSND tỉnh; Cục Thi hành "
    "án dân sự tỉnh.\n\nNăm 2023, Thanh tra tỉnh Bắc Ninh được phân công làm Trưởng Khối.\n\n"
    "Theo đó, Thanh tra tỉnh nhận Cờ Thi đua của Chính phủ; Công an tỉnh và TAND tỉnh nhận Cờ "
    "Thi đua của UBND tỉnh.\n\nĐồng thời, hội nghị cũng đã thống nhất TAND tỉnh là Trưởng Khối "
    "Thi đua Các cơ quan Nội chính tỉnh Bắc Ninh năm 2024."
)


def test_bloc_members_leader_next_leader_awards():
    o = extract_text(MEMBERS_TEXT)
    (b,) = o["blocs"]
    assert b["name"] == "Khối thi đua các cơ quan Nội chính tỉnh Bắc Ninh"
    assert b["members"] == [
        "Thanh tra tỉnh Bắc Ninh", "Sở Nội vụ tỉnh Bắc Ninh", "Sở Tư pháp tỉnh Bắc Ninh",
        "Bộ Chỉ huy Quân sự tỉnh Bắc Ninh", "Công an tỉnh Bắc Ninh", "Tòa án nhân dân tỉnh Bắc Ninh",
        "Viện Kiểm sát nhân dân tỉnh Bắc Ninh", "Cục Thi hành án dân sự tỉnh Bắc Ninh"]
    assert b["member_count"] == 8
    assert b["leader"] == "Thanh tra tỉnh Bắc Ninh"
    assert b["next_leader"] == {"agency": "Tòa án nhân dân tỉnh Bắc Ninh", "year": 2024}
    got = {(a["award"], a["recipient"], a["status"]) for a in o["awards"]}
    assert got == {
        ("Cờ thi đua của Chính phủ", "Thanh tra tỉnh Bắc Ninh", "conferred"),
        ("Cờ thi đua của Ủy ban nhân dân tỉnh", "Công an tỉnh Bắc Ninh", "conferred"),
        ("Cờ thi đua của Ủy ban nhân dân tỉnh", "Tòa án nhân dân tỉnh Bắc Ninh", "conferred"),
    }
    assert {(m["kind"], m["date"]) for m in o["meetings"]} == {("tong_ket", "2023-11-21")}


@pytest.mark.parametrize("text, members", [
    ("Cụm Thi đua số II gồm thanh tra 3 tỉnh đồng bằng sông Hồng: Vĩnh Phúc, Hà Nam, Hưng Yên.",
     ["Thanh tra tỉnh Vĩnh Phúc", "Thanh tra tỉnh Hà Nam", "Thanh tra tỉnh Hưng Yên"]),
    ("Cụm thi đua số 1 gồm Công an 3 thành phố: Hà Nội, TP.HCM và Cần Thơ đã họp.",
     ["Công an thành phố Hà Nội", "Công an thành phố Hồ Chí Minh", "Công an thành phố Cần Thơ"]),
    ("Cụm thi đua các tỉnh miền Đông Nam bộ gồm các địa phương: Đồng Nai, Bình Dương và Tây Ninh.",
     ["Ủy ban nhân dân tỉnh Đồng Nai", "Ủy ban nhân dân tỉnh Bình Dương", "Ủy ban nhân dân tỉnh Tây Ninh"]),
    ("Cụm Thi đua số 2 hiện có 4 đơn vị, bao gồm: Học viện Tư pháp; Nhà xuất bản Tư pháp cùng "
     "hai trường Cao đẳng Luật miền Bắc và miền Nam.",
     ["Học viện Tư pháp", "Nhà xuất bản Tư pháp", "Trường Cao đẳng Luật miền Bắc",
      "Trường Cao đẳng Luật miền Nam"]),
])
def test_member_lists(text, members):
    (b,) = extract_text(text)["blocs"]
    assert b["members"] == members


@pytest.mark.parametrize("text, leader, deputies", [
    ("Năm 2023, Thanh tra tỉnh Bắc Ninh làm Cụm trưởng, Thanh tra tỉnh Nam Định làm Cụm phó "
     "Cụm thi đua số II.", "Thanh tra tỉnh Bắc Ninh", ["Thanh tra tỉnh Nam Định"]),
    ("Khối thi đua các cơ quan tham mưu gồm: Cục Thống kê tỉnh Khánh Hòa - đơn vị trưởng khối; "
     "Sở Nội vụ tỉnh Khánh Hòa.", "Cục Thống kê tỉnh Khánh Hòa", []),
    ("Ngày 15-3, Hội nghị tổng kết Cụm thi đua các tỉnh miền Đông Nam bộ do Đồng Nai làm Cụm trưởng.",
     "Ủy ban nhân dân tỉnh Đồng Nai", []),
    ("Tòa án nhân dân tỉnh Bắc Giang - đơn vị Phó Trưởng Khối thi đua các cơ quan Nội chính tỉnh "
     "Bắc Giang báo cáo.", None, ["Tòa án nhân dân tỉnh Bắc Giang"]),
])
def test_leaders(text, leader, deputies):
    (b,) = extract_text(text)["blocs"]
    assert b["leader"] == leader
    assert b["deputy_leaders"] == deputies


@pytest.mark.parametrize("text, people", [
    ("Báo cáo kết quả, ông Trần Vượng - Phó Chánh Thanh tra tỉnh Bắc Ninh cho biết.",
     [("Trần Vượng", "Phó Chánh Thanh tra", "Thanh tra tỉnh Bắc Ninh")]),
    ("Chủ tịch UBND tỉnh Bắc Ninh Nguyễn Hương Giang đánh giá cao.",
     [("Nguyễn Hương Giang", "Chủ tịch", "Ủy ban nhân dân tỉnh Bắc Ninh")]),
    ("Tới dự có Thượng tướng Đặng Văn Hiếu, Ủy viên Trung ương Đảng, Thứ trưởng Thường trực Bộ Công an.",
     [("Đặng Văn Hiếu", "Thứ trưởng Thường trực", "Bộ Công an")]),
    ("Dự có các đồng chí: Trần Duy Đông - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Phú Thọ; "
     "Nguyễn Huy Ngọc - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Phú Thọ.",
     [("Trần Duy Đông", "Chủ tịch", "Ủy ban nhân dân tỉnh Phú Thọ"),
      ("Nguyễn Huy Ngọc", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Phú Thọ")]),
    ("Thanh tra tỉnh triển khai 8 cuộc thanh tra.\n\nHải Hà", []),
])
def test_people(text, people):
    got = [(p["name"], p["title"], p["agency"]) for p in extract_text(text)["people"]]
    assert got == people


@pytest.mark.parametrize("text, meetings", [
    ("Sáng ngày 6/11, Khối thi đua các sở, ngành kinh tế đã tổ chức hội nghị tổng kết phong trào "
     "thi đua năm 2013, phát động và ký kết giao ước thi đua năm 2014.",
     {("tong_ket", "2013-11-06"), ("ky_giao_uoc", "2013-11-06")}),
    ("Thực hiện Kế hoạch số 21/KH-UBND ngày 30/01/2023 của UBND tỉnh, sáng 28/2, Khối thi đua "
     "Nội chính tổ chức hội nghị ký giao ước thi đua năm 2023.", {("ky_giao_uoc", "2023-02-28")}),
    ("Năm 2023, các đơn vị trong Cụm đã ký kết giao ước thi đua.", {("ky_giao_uoc", None)}),
])
def test_meetings(text, meetings):
    o = extract_text(text, published="2013-11-07" if "2013" in text else "2023-03-01")
    assert {(m["kind"], m["date"]) for m in o["meetings"]} == meetings


def test_registered_awards_in_parentheses():
    text = ("Có 3/3 đơn vị trong Khối đăng ký danh hiệu thi đua “Cờ thi đua của UBND tỉnh” "
            "(Bộ CHQS tỉnh, Công an tỉnh, Thanh tra tỉnh Bắc Giang).")
    got = {(a["recipient"], a["status"]) for a in extract_text(text)["awards"]}
    assert got == {("Bộ Chỉ huy Quân sự tỉnh Bắc Giang", "registered"),
                   ("Công an tỉnh Bắc Giang", "registered"),
                   ("Thanh tra tỉnh Bắc Giang", "registered")}
