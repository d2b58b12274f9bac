"""Unicode normal form and the one tone-mark convention, plus diacritic folding for search.

Vietnamese text reaches us in NFD (legacy windows-1258 pages), with the "old" tone placement
(`Toà`, `Thuỷ`) or the "new" one (`Tòa`, `Thủy`). Everything thidua stores is NFC with the new
placement, which is what the contract's canonical names use; folding (`đ`→`d`, no marks)
is for matching and search only, never for display.
"""
from __future__ import annotations

import re
import unicodedata

# old placement -> new placement, only where the diphthong ends the syllable
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TONES.update({k.capitalize(): v.capitalize() for k, v in list(_OLD_TONES.items())})
_OLD_TONES.update({k.upper(): v.upper() for k, v in list(_OLD_TONES.items()) if k.islower()})
# `qu` + `ý`/`ỳ` keeps the mark on y (quý, Quỳnh): the u there is part of the consonant.
# Only an open syllable moves its mark: in `Toàn`, `hoàng`, `khoẻn` a final consonant
# follows and the mark is already where both conventions put it, so the diphthong must end
# the word (no letter after it).
_OLD_TONE_RE = re.compile(
    "(?<![qQ])(" + "|".join(map(re.escape, _OLD_TONES)) + r")(?!\w)"
)


def nfc(text: str) -> str:
    """NFC with the new tone-mark placement (`Toà` → `Tòa`, `Thuỷ` → `Thủy`).

    Length-preserving for NFC input, so offsets computed on the result stay valid.
    """
    text = unicodedata.normalize("NFC", text)
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(1)], text)


def fold(text: str) -> str:
    """Lower case without diacritics, `đ` → `d`: the key for diacritic-insensitive matching."""
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d").replace("\u0111", "d")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def squash_spaces(text: str) -> str:
    """Collapse runs of white space (including NBSP) to one space and trim."""
    return re.sub(r"[\s\u00a0]+", " ", text).strip()
