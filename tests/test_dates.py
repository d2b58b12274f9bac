import pytest

from thidua.extract.dates import find_dates, parse_date_line, parse_published


@pytest.mark.parametrize("text,iso,has_year", [
    ("Ngày 15/6, Cụm thi đua", "2023-06-15", False),
    ("sáng 28/2 tại Hà Nội", "2023-02-28", False),
    ("Chiều 6/12, Thanh tra", "2023-12-06", False),
    ("Ngày 8-11 vừa qua", "2023-11-08", False),
    ("ngày 24/7/2019", "2019-07-24", True),
    ("30/01/2023", "2023-01-30", True),
    ("ngày 15 tháng 3 năm 2019", "2019-03-15", True),
    ("hội nghị 15-3", "2023-03-15", False),
    ("ngày 02.03.2021", "2021-03-02", True),
    ("2023-06-16", "2023-06-16", True),
])
def test_find_dates(text, iso, has_year):
    found = find_dates(text, default_year=2023)
    assert len(found) == 1
    d = found[0]
    assert d.iso == iso and d.has_year == has_year
    assert text[d.start:d.end] == d.text


@pytest.mark.parametrize("text", [
    "ngày 30/2", "7/7 đơn vị", "3.704 lượt", "Quyết định số 12/2019/NĐ-CP", "10-12 triệu đồng",
    "6 tháng đầu năm", "3.10",
])
def test_not_dates(text):
    assert [d for d in find_dates(text, default_year=2023) if d.day] == []


def test_no_year_without_default():
    (d,) = find_dates("Ngày 15/6, hội nghị")
    assert d.iso is None and d.year is None and d.day == 15 and d.month == 6


def test_month_only():
    (d,) = find_dates("trong tháng 6/2023")
    assert d.iso is None and (d.year, d.month, d.day) == (2023, 6, None)


def test_range_window():
    text = "ngày 1/2/2020 và ngày 3/4/2021"
    assert [d.iso for d in find_dates(text, start=10)] == ["2021-04-03"]


@pytest.mark.parametrize("line,iso", [
    ("16/06/2023", "2023-06-16"),
    ("(01/08/2019 09:00)", "2019-08-01"),
    ("Thứ ba - 18/04/2017 21:00", "2017-04-18"),
    ("09:03, 13/03/2019", "2019-03-13"),
    ("06/12/2019 - 22:07", "2019-12-06"),
    (" date 2026-01-28 ", "2026-01-28"),
    ("( Cập nhật lúc: 07/02/2018 )", "2018-02-07"),
    ("Cập nhật: 17-11-2022 | 08:56:50", "2022-11-17"),
])
def test_date_lines(line, iso):
    assert parse_date_line(line).iso == iso


def test_month_marker_and_clock():
    assert parse_date_line(" date 2025-06").iso is None
    assert parse_date_line("Thứ 6, 03/05/2024, 22:35[GMT+7]").clock
    assert parse_date_line("Cụm thi đua số 1 họp ngày 15/6/2023") is None
    text = "Thứ 6, 03/05/2024, 22:35[GMT+7]\nTiêu đề\n12/04/2024\nNội dung"
    assert parse_published(text) == "2024-04-12"


@pytest.mark.parametrize("line,iso", [
    ("Ngày 12 tháng 3 năm 2023", "2023-03-12"),
    ("Ngày đăng: 12/03/2023", "2023-03-12"),
    ("Đăng lúc 10:20 ngày 12/3/2023", "2023-03-12"),
    ("12/3/2023 | 10:20 AM", "2023-03-12"),
    ("Thứ ba - 18/04/2017 21:00 88 0", "2017-04-18"),
    ("28/02/2023 15:40 Số lượt xem: 351", "2023-02-28"),
])
def test_more_date_lines(line, iso):
    assert parse_date_line(line).iso == iso
