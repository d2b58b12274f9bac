import unicodedata

import pytest

from thidua.extract.textnorm import fold, nfc, squash_spaces


@pytest.mark.parametrize("raw,want", [
    ("Toà án", "Tòa án"),
    ("Hoà Bình", "Hòa Bình"),
    ("Thuỷ", "Thủy"),
    ("khoẻ.", "khỏe."),
    ("quý Quỳnh", "quý Quỳnh"),          # qu + y: the mark stays on y
    ("Toàn cảnh", "Toàn cảnh"),          # closed syllable: nothing to move
    ("hoàng hoạch", "hoàng hoạch"),
    ("TOÀ ÁN", "TÒA ÁN"),
])
def test_nfc_tone_marks(raw, want):
    assert nfc(raw) == want


def test_nfc_composes_and_keeps_length():
    decomposed = unicodedata.normalize("NFD", "Thanh tra tỉnh Bắc Ninh, Toà án")
    out = nfc(decomposed)
    assert out == "Thanh tra tỉnh Bắc Ninh, Tòa án"
    composed = unicodedata.normalize("NFC", "Toà án Thuỷ")
    assert len(nfc(composed)) == len(composed)


def test_fold_and_spaces():
    assert fold("Đắk Lắk") == "dak lak"
    assert squash_spaces(" a\u00a0 b\n c ") == "a b c"
