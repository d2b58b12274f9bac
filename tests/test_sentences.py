"""Sentence spans: where one sentence ends and the next begins (input/expected pairs)."""
import pytest

from thidua.extract.sentences import sentence_spans


def _sentences(text):
    return [" ".join(text[s:e].split()) for s, e in sentence_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("Ngày 5/1, Khối tổ chức hội nghị. Tại hội nghị, các đơn vị ký kết giao ước.",
     ["Ngày 5/1, Khối tổ chức hội nghị.", "Tại hội nghị, các đơn vị ký kết giao ước."]),
    # an abbreviation's dot and a list's enumerator end nothing
    ("Hội nghị tại TP. Hồ Chí Minh gồm: 1. Viện KSND tỉnh; 2. Sở Tư pháp.",
     ["Hội nghị tại TP. Hồ Chí Minh gồm: 1. Viện KSND tỉnh; 2. Sở Tư pháp."]),
    # a list one item a line goes on over its line breaks
    ("Khối gồm các đơn vị:\nCông an tỉnh;\nSở Tư pháp.", ["Khối gồm các đơn vị: Công an tỉnh; Sở Tư pháp."]),
    # a page stored with its lines wrapped at a width: the break before a lower-case word is no end
    ("Tại hội\nnghị, các đơn vị đã thông qua báo\ncáo tổng kết năm 2022.",
     ["Tại hội nghị, các đơn vị đã thông qua báo cáo tổng kết năm 2022."]),
    # ... but a headline line, or a line closed by punctuation, still ends its sentence
    ("Cụm thi đua số 2 tổng kết năm 2022\nSáng 5/1, Cụm tổ chức hội nghị.",
     ["Cụm thi đua số 2 tổng kết năm 2022", "Sáng 5/1, Cụm tổ chức hội nghị."]),
    ("Hội nghị kết thúc.\nhôm sau các đơn vị về dự.", ["Hội nghị kết thúc.", "hôm sau các đơn vị về dự."]),
])
def test_sentence_spans(text, expected):
    assert _sentences(text) == expected
