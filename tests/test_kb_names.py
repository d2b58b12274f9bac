"""kb.names: the knowledge base's own text normalisation (input, expected pairs)."""
from __future__ import annotations

import pytest

from thidua.kb import names


@pytest.mark.parametrize("raw, want", [
    ("Hoà bình", "Hòa bình"),
    ("Thanh tra tỉnh Khánh Hoà.", "Thanh tra tỉnh Khánh Hòa."),
    ("HOÀ", "HÒA"),
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
    ("sức khoẻ", "sức khỏe"),
    ("Thuỷ", "Thủy"),
    ("quý", "quý"),       # after q the mark stays on y
    ("QUÝ", "QUÝ"),
    ("quà tặng", "quà tặng"),  # `uà` is no old placement
    ("hoàn thành", "hoàn thành"),  # not at a syllable's end
    ("oÀ", "oÀ"),         # mixed case is left as written
    ("thuở", "thuở"),
])
def test_nfc_text_new_tone_placement(raw, want):
    assert names.nfc_text(raw) == want


def test_nfc_text_keeps_length_and_spacing():
    raw = "Toà  án\nnhân dân tỉnh Khánh Hoà"
    out = names.nfc_text(raw)
    assert len(out) == len(raw) and out == "Tòa  án\nnhân dân tỉnh Khánh Hòa"


@pytest.mark.parametrize("raw, want", [
    ("Tòa án nhân dân", "toa an nhan dan"),
    ("Đoàn · ĐẢNG “x”", 'doan . dang "x"'),  # typographic punctuation as ASCII, in its place
    ("Tòa án – 2024…", "toa an - 2024."),
    ("Tòa án\u00a0tỉnh ’x‘", "toa an tinh 'x'"),
    ("Tòa án 北京 – x", "toa an 北京 - x"),  # another script is kept
    ("Tòa ß “x”", 'toa ß "x"'),
    ("İ “x”", 'i "x"'),  # a lower case of two characters: folded one by one
])
def test_fold(raw, want):
    assert names.fold(raw) == want and len(names.fold(raw)) == len(raw)


@pytest.mark.parametrize("text, want", [
    ("năm", True), ("Đoàn", True), ("nam", False), ("doan", False),
    ("“nam” – 2024…", False),  # punctuation is no diacritic
    ("“năm”", True),
])
def test_has_diacritics(text, want):
    assert names.has_diacritics(text) is want
