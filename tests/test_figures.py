import pytest

from thidua.extract.figures import find_figures


def pairs(text):
    return {(f["value"], f["unit"]) for f in find_figures(text)}


@pytest.mark.parametrize("text,want", [
    ("đã thực hiện 128 cuộc thanh tra, kiểm tra tại 441 đơn vị, doanh nghiệp.",
     {(128, "cuộc thanh tra, kiểm tra"), (441, "đơn vị, doanh nghiệp")}),
    ("kiến nghị xử lý về kinh tế gần 43,6 tỷ đồng và", {(43600000000, "đồng")}),
    ("toàn tỉnh đã tiếp 3.704 lượt công dân với 5.767 người;",
     {(3704, "lượt công dân"), (5767, "người")}),
    ("đã giải quyết 88,1% đơn khiếu nại", {(88.1, "%")}),
    ("Khối gồm 08 cơ quan: Thanh tra tỉnh", {(8, "cơ quan")}),
    ("có 7/7 đơn vị trong Khối đăng ký", {(7, "đơn vị")}),
    ("phát hiện 3/8 đơn vị vi phạm", {(3, "đơn vị")}),
    ("thu hồi số tiền 680 triệu của 6 đơn vị", {(680000000, "đồng"), (6, "đơn vị")}),
    ("thu hồi 139,52 triệu đồng", {(139520000, "đồng")}),
    ("xử lý 256.341 tỷ đồng", {(256341000000000, "đồng")}),
    ("nộp 500.000 đồng tiền phạt", {(500000, "đồng")}),
    ("khen thưởng 1,5 triệu lượt người", {(1500000, "lượt người")}),
    ("tiếp 866 lượt/964 lượt người", {(866, "lượt"), (964, "lượt người")}),
    ("với tổng số 12 đơn vị tham gia", {(12, "đơn vị")}),
    ("Cụm thi đua 6 tỉnh Bắc Trung bộ", {(6, "tỉnh")}),
    ("có 5 đồng chí được khen", {(5, "đồng chí")}),
    ("1 trong 6 đơn vị dẫn đầu", {(6, "đơn vị")}),
])
def test_figures(text, want):
    assert pairs(text) == want


@pytest.mark.parametrize("text", [
    "sơ kết 6 tháng đầu năm 2023",
    "kỷ niệm 75 năm thành lập ngành",
    "Cụm thi đua số 1 gồm các tỉnh",
    "Khối thi đua 20 Bộ Xây dựng",
    "Khối thi đua 20 tổ chức hội nghị",
    "Ngày 15/6, Cụm họp",
    "Quyết định số 42/QĐ-UBND ngày 12/01/2023",
    "Đại hội lần thứ 3 của Đảng bộ",
    "Số lượt xem: 351",
    "943 lượt xem",
    "Online : 4147",
    "năm 2023, các cơ quan",
    "dịch Covid-19 diễn biến",
    "chính quyền địa phương 2 cấp",
    "lúc 8 giờ sáng",
    "phát động thi đua đợt 3-2012",
    "Điều 5 của Luật",
])
def test_not_figures(text):
    assert pairs(text) == set()


def test_offsets_and_text():
    text = "Qua đó phát hiện sai phạm hơn 26 tỷ đồng, xử lý 106 tập thể."
    figs = find_figures(text)
    assert [f["text"] for f in figs] == ["hơn 26 tỷ đồng", "106 tập thể"]
    for f in figs:
        assert text[f["start"]:f["end"]] == f["text"]


def test_each_value_unit_once_and_tail_skipped():
    text = ("Thanh tra triển khai 2 cuộc kiểm tra. Sau đó thêm 2 cuộc kiểm tra.\n\n"
            "Các tin khác\n\nTổng kết 128 cuộc thanh tra")
    assert pairs(text) == {(2, "cuộc kiểm tra")}


def test_date_line_furniture():
    text = "Tiêu đề bài viết\n\nThứ ba - 18/04/2017 21:00 88 0\n\nCó 10 tỉnh tham gia."
    assert pairs(text) == {(10, "tỉnh")}


def test_truncated_unit_kept_as_written():
    assert pairs("chuyển cơ quan điều tra 153 vụ việc, 108 đ") == {(153, "vụ việc"), (108, "đ")}


@pytest.mark.parametrize("text,want", [
    ("thu hồi 1 tỷ 200 triệu đồng", {(1200000000, "đồng")}),
    ("vốn 5 triệu USD", {(5000000, "USD")}),
    ("hơn 2.000 lượt người", {(2000, "lượt người")}),
])
def test_money_forms(text, want):
    assert pairs(text) == want


def test_awards_counted_and_two_word_stops():
    assert pairs("tặng 3 Cờ thi đua của Chính phủ, 15 Bằng khen của Thủ tướng") == {
        (3, "Cờ thi đua"), (15, "Bằng khen")}
    assert pairs("chuyển cơ quan điều tra 12 vụ, 15 đối tượng.") == {(12, "vụ"), (15, "đối tượng")}
