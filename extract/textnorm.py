"""Unicode normal form and the one tone-mark convention, plus diacritic folding for search.

Vietnamese text reaches us in NFD (legacy windows-1258 pages), with the "old" tone placement
(`Toà`, `Thuỷ`) or the "new" one (`Tòa`, `Thủy`). Everything thidua stores is NFC with the new
placement, which is what the contract's canonical names use; folding (`đ`→`d`, no marks)
is for matching and search only, never for display.
"""
from __future__ import annotations

import re
import unicodedata

from thidua.tones import new_tone_placement


def nfc(text: str) -> str:
    """NFC with the new tone-mark placement (`Toà` → `Tòa`, `Thuỷ` → `Thủy`).

    Length-preserving for NFC input, so offsets computed on the result stay valid.
    """
    text = unicodedata.normalize("NFC", text)
    return new_tone_placement(text)


def fold(text: str) -> str:
    """Lower case without diacritics, `đ` → `d`: the key for diacritic-insensitive matching."""
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d").replace("\u0111", "d")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def squash_spaces(text: str) -> str:
    """Collapse runs of white space (including NBSP) to one space and trim."""
    return re.sub(r"[\s\u00a0]+", " ", text).strip()
