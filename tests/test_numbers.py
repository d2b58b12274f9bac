import pytest

from thidua.extract.numbers import match_number, parse_number


@pytest.mark.parametrize("text,value", [
    ("3.704", 3704),
    ("43,6", 43.6),
    ("139,52 triệu", 139520000),
    ("43,6 tỷ", 43600000000),
    ("256.341 tỷ", 256341000000000),
    ("680 triệu", 680000000),
    ("15 nghìn", 15000),
    ("2 ngàn", 2000),
    ("05", 5),
    ("0", 0),
    ("1.012", 1012),
    ("66.032", 66032),
    ("88,1", 88.1),
    ("10,6 triệu", 10600000),
    ("1.234.567", 1234567),
])
def test_parse_number(text, value):
    assert parse_number(text) == value
    assert isinstance(parse_number(text), int) == isinstance(value, int)


@pytest.mark.parametrize("text", ["", "abc", "3.7", "1,", "tỷ"])
def test_not_numbers(text):
    assert parse_number(text) is None


def test_match_number_stops_at_sentence_dot():
    m = match_number("có 12. Sau đó", 3)
    assert (m.value, m.end) == (12, 5)


def test_match_number_multiplier():
    text = "gần 43,6 tỷ đồng"
    m = match_number(text, 4)
    assert m.value == 43600000000 and m.multiplier == 10**9 and text[m.start:m.end] == "43,6 tỷ"
