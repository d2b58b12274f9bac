"""The one tone-mark convention, shared by the extractor and the knowledge base."""
import unicodedata

import pytest

from thidua.extract.textnorm import nfc as extract_nfc
from thidua.kb.names import nfc_text as kb_nfc_text
from thidua.tones import new_tone_placement


@pytest.mark.parametrize("raw, want", [
    ("Toà án nhân dân", "Tòa án nhân dân"),
    ("Thanh tra tỉnh Khánh Hoà", "Thanh tra tỉnh Khánh Hòa"),
    ("Thuỷ lợi", "Thủy lợi"),
    ("UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
    ("Uỷ ban", "Ủy ban"),
    ("khoẻ", "khỏe"),
    ("hoà.", "hòa."),
    # a final consonant follows: both conventions put the mark on the second vowel already
    ("Toàn thể", "Toàn thể"), ("hoàng", "hoàng"),
    # after q the u is part of the consonant: y keeps its mark
    ("quý I", "quý I"), ("Quỳnh Lưu", "Quỳnh Lưu"),
    # not an old placement, or mixed case: left as written
    ("thuà", "thuà"), ("oÀ", "oÀ"),
])
def test_new_tone_placement(raw, want):
    assert new_tone_placement(raw) == want
    assert len(new_tone_placement(raw)) == len(raw)  # offsets stay valid


@pytest.mark.parametrize("raw", ["Toà án nhân dân tỉnh Thanh Hoá", "Uỷ ban kiểm tra, quý II", "Thuỷ, hoà giải"])
def test_extractor_and_knowledge_base_agree(raw):
    nfd = unicodedata.normalize("NFD", raw)
    assert extract_nfc(nfd) == kb_nfc_text(nfd) == new_tone_placement(raw)
