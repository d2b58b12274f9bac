"""The one tone-mark convention: the "new" placement (`Tòa`, `Thủy`), shared by extract and kb.

Vietnamese text is written with the tone mark of an open `oa`/`oe`/`uy` syllable either on the
first vowel ("old": `Toà`, `Thuỷ`) or on the second ("new": `Tòa`, `Thủy`). thidua stores the new
placement, as the contract's canonical names do; both stages move marks with this one function.
"""
from __future__ import annotations

import re

# old placement -> new placement
OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
OLD_TONES.update({k.capitalize(): v.capitalize() for k, v in list(OLD_TONES.items())})
OLD_TONES.update({k.upper(): v.upper() for k, v in list(OLD_TONES.items()) if k.islower()})

# Only an open syllable moves its mark: in `Toàn`, `hoàng`, `khoẻn` a final consonant follows
# and the mark is already where both conventions put it, so the pair must end the word. After
# `q` (`quý`, `Quỳnh`) the u belongs to the consonant and y keeps the mark. One class for each
# letter rather than an alternation of 40 pairs, and q checked in _new rather than by a
# lookbehind: this runs over every article's text, and a pattern that starts with a class lets
# the engine skip to the next o or u (3× faster). A pair that is not an old placement (`uà`) is
# matched and left as written.
_OLD_TONE_RE = re.compile("([oOuU][" + "".join(sorted({k[1] for k in OLD_TONES})) + r"])(?!\w)")


def _new(m: re.Match) -> str:
    i, old = m.start(), m.group(1)
    if i and m.string[i - 1] in "qQ":
        return old
    return OLD_TONES.get(old, old)  # mixed case (`oÀ`) is left as written


def new_tone_placement(text: str) -> str:
    """`Toà` → `Tòa`, `Thuỷ` → `Thủy` in NFC text; length-preserving, so offsets stay valid."""
    return _OLD_TONE_RE.sub(_new, text)
