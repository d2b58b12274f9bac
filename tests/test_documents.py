import pytest

from thidua.extract.context import ArticleContext
from thidua.extract.documents import find_documents


@pytest.mark.parametrize("text,number,kind,date", [
    ("Thực hiện Kế hoạch số 21/KH-UBND ngày 30/01/2023 của UBND tỉnh, sáng 28/2",
     "21/KH-UBND", "Kế hoạch", "2023-01-30"),
    ("Theo Quyết định số 42/QĐ-UBND ngày 12/01/2023 của UBND tỉnh,", "42/QĐ-UBND", "Quyết định",
     "2023-01-12"),
    ("Nghị quyết số 09 của Bộ Chính trị về xây dựng", "09", "Nghị quyết", None),
    ("(Trích báo cáo số 84/BC-TTT ngày 09/6/2020 của Thanh tra tỉnh)", "84/BC-TTT", "Báo cáo",
     "2020-06-09"),
    ("Căn cứ Công văn số 26 /TTr-HCTH ngày 09/3/2017", "26/TTr-HCTH", "Công văn", "2017-03-09"),
    ("theo Nghị định 130/2020/NĐ-CP của Chính phủ", "130/2020/NĐ-CP", "Nghị định", None),
    ("thực hiện văn bản số 1234/UBND-NC ngày 5 tháng 3 năm 2021", "1234/UBND-NC", "Văn bản",
     "2021-03-05"),
    ("theo số 15/KH-TTr ngày 2/2/2022", "15/KH-TTr", "Kế hoạch", "2022-02-02"),
    ("Chỉ thị 05-CT/TW của Bộ Chính trị", "05-CT/TW", "Chỉ thị", None),
    # a bare number between the kind and its issuer
    ("gắn với thực hiện Nghị quyết 35 của Bộ Chính trị về bảo vệ nền tảng", "35", "Nghị quyết", None),
])
def test_documents(text, number, kind, date):
    (doc,) = find_documents(text)
    assert (doc["number"], doc["kind"], doc["date"]) == (number, kind, date)
    assert text[doc["start"]:doc["end"]].replace(" ", "").endswith(number)


@pytest.mark.parametrize("text", [
    "Cụm thi đua số 1 gồm 5 thành phố",
    "Kế hoạch 2023 của Khối",
    "ngày 15/6, tại số 12 đường Lê Lợi",
    "Khối thi đua số II",
    # a dash with spaces joins the cluster's number to its system's name
    "Cụm thi đua số 7 - Bộ Chỉ huy Quân sự tỉnh ký giao ước",
    "Cụm thi đua Số 3 - Thanh tra tỉnh Cao Bằng",
    # a year, or a bare number with no issuer after it
    "Kế hoạch 2024 của Khối thi đua",
    "Nghị quyết Trung ương 4 khóa XII",
    "thực hiện 3 Chỉ thị 12 nội dung",
])
def test_not_documents(text):
    assert find_documents(text) == []


def test_issuer_canonical_with_province():
    ctx = ArticleContext(text="", province="Bắc Ninh", province_kind="tỉnh")
    (doc,) = find_documents("Kế hoạch số 21/KH-UBND ngày 30/01/2023 của UBND tỉnh, sáng 28/2", ctx)
    assert doc["issuer"] == "Ủy ban nhân dân tỉnh Bắc Ninh"


def test_issuer_with_comma_in_ministry_name():
    (doc,) = find_documents("Công văn số 26/TTr-HCTH ngày 09/3/2017 của Thanh tra Bộ Văn hoá, "
                            "Thể thao và Du lịch về việc tổ chức")
    assert doc["issuer"] == "Thanh tra Bộ Văn hóa, Thể thao và Du lịch"


def test_one_row_per_number():
    text = "Kế hoạch số 21/KH-UBND nêu rõ. Theo Kế hoạch số 21/KH-UBND, các đơn vị"
    assert len(find_documents(text)) == 1


def test_issuer_from_symbol():
    (doc,) = find_documents("theo tinh thần của Chỉ thị số 01/CT-UBND ngày 03/01/2023.")
    assert doc["issuer"] == "Ủy ban nhân dân tỉnh"


def test_named_document_between_kind_and_number():
    text = "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15; Kế hoạch hoạt động của Cụm thi đua số 1."
    docs = find_documents(text)
    assert [(d["number"], d["kind"]) for d in docs] == [("06/2022/QH15", "Luật")]


@pytest.mark.parametrize("text,issuer", [
    ("Quyết định số 2150/QĐ-TTr ngày 28/12/2023 của Chánh Thanh tra tỉnh về kế hoạch", "Thanh tra tỉnh Hà Nam"),
    ("Quyết định số 88/QĐ-UBND ngày 2/2/2021 của Chủ tịch UBND tỉnh về việc khen thưởng",
     "Ủy ban nhân dân tỉnh Hà Nam"),
    ("Quyết định số 1234/QĐ-TTg ngày 3/9/2020 của Thủ tướng Chính phủ về việc tặng Cờ", "Chính phủ"),
    ("Quyết định số 77/QĐ-TTCP ngày 5/1/2022 của Tổng Thanh tra Chính phủ về công tác", "Thanh tra Chính phủ"),
])
def test_a_post_signs_for_its_body(text, issuer):
    ctx = ArticleContext(text=text, province="Hà Nam", province_kind="tỉnh")
    (doc,) = find_documents(text, ctx)
    assert doc["issuer"] == issuer
