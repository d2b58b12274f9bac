"""Other spellings of a bloc's name than the body's own: a short form (`shortened`), a name
without its tone marks (`folded`), a headline in capitals (`sentence_case`), and a fuller name in
the headline (`fuller`, `recase`), abbreviations written out (`expand_abbreviations`: `MTTQ`,
`VH-XH`, `KCN`), and the police forces' own fields that name a bloc of one force (`police_field`).

A headline often names a bloc more fully than the body (`TỔNG KẾT CỤM THI ĐUA LIÊN ĐOÀN LAO ĐỘNG
CÁC TỈNH NAM BỘ` over a body's `Cụm thi đua các tỉnh Nam Bộ`): it adds the system of the bodies the
bloc gathers. That fuller name is the bloc's, cased as the body writes its words (capitals tell
nothing of a name's own casing: `Liên đoàn Lao động`, `Nam Bộ`).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import gazetteer as gz
from .textnorm import nfc


def folded(core: str) -> str:
    """A name without its accents: a page that drops a tone mark (`các tỉnh Nam Bô` beside `Nam
    Bộ`) names the same bloc."""
    out = unicodedata.normalize("NFD", core.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in out if not unicodedata.combining(c))


def fuller(capital_core: str, cased_core: str) -> bool:
    """The capital variant's words hold the cased variant's as their tail (a prefix added:
    `liên đoàn lao động tỉnh nam bộ` over `tỉnh nam bộ`), with at least two words added."""
    a, b = capital_core.split(), cased_core.split()
    return len(b) >= 2 and len(a) >= len(b) + 2 and a[-len(b):] == b


def recase(desc: str, body: str, fallback) -> str:
    """`LIÊN ĐOÀN LAO ĐỘNG CÁC TỈNH NAM BỘ` cased as the body writes its runs of words (`Liên đoàn
    Lao động các tỉnh`, `Nam Bộ`); a word the body never writes is cased by `fallback`."""
    words = nfc(desc).lower().split()
    out, i = [], 0
    while i < len(words):
        for j in range(len(words), i, -1):
            rx = re.compile(r"(?<![\w])" + r"\s+".join(map(re.escape, words[i:j])) + r"(?![\w])", re.IGNORECASE)
            hit = next((m.group(0) for m in rx.finditer(body) if not m.group(0).isupper()), None)
            if hit:
                out.append(" ".join(hit.split()))
                i = j
                break
        else:
            out.append(fallback(words[i]) if i == 0 else words[i])
            i += 1
    return " ".join(out)


def shortened(short: str, full: str) -> bool:
    """`7 tỉnh biên giới phía Bắc` is `7 tỉnh miền núi biên giới phía Bắc` with words left out,
    `các Hội đặc thù` is `các Hội có tính chất đặc thù`: the same first and last words, the
    others in order (a headline's or a lead's short form of the name)."""
    a, b = short.split(), full.split()
    if len(a) < 3 or len(a) >= len(b) or a[0] != b[0] or a[-1] != b[-1]:
        return False
    it = iter(b)
    return all(w in it for w in a)


def sentence_case(desc: str) -> str:
    """`CÁC CƠ QUAN NỘI CHÍNH TỈNH LẠNG SƠN` → `các cơ quan Nội chính tỉnh Lạng Sơn`: a descriptor
    written in capitals, cased as the contract writes names (the field capitalised, the province
    as officially spelt)."""
    low = desc.lower()
    place = re.search(r"\s(tỉnh|thành phố)\s+(.+)$", low)
    tail = ""
    if place:
        official = next((o for a, o in gz.province_aliases().items() if a.lower() == place.group(2)), None)
        if official:
            low, tail = low[:place.start()], f" {place.group(1)} {official}"
    low = re.sub(r"^((?:các\s+)?(?:cơ quan\s+)?)(\w)", lambda m: m.group(1) + m.group(2).upper(), low)
    return low + tail


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[re.Pattern, dict[str, str]]:
    full = {r[0]: r[1] for r in gz._rows("bloc_abbreviations.tsv")}   # the gazetteers' TSV reader
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, full)) + r")(?![\w])"), full


def abbreviations() -> dict[str, str]:
    """Abbreviation -> written-out form, as data/bloc_abbreviations.tsv lists them."""
    return _abbreviations()[1]


def expand_abbreviations(name: str) -> str:
    """`Khối thi đua MTTQ …` → `Khối thi đua Mặt trận Tổ quốc …` (data/bloc_abbreviations.tsv)."""
    rx, full = _abbreviations()
    return rx.sub(lambda m: full[m.group(0)], name)


@lru_cache(maxsize=1)
def _police_fields() -> frozenset[str]:
    return frozenset(r[0].lower() for r in gz._rows("bloc_police_fields.tsv"))


def police_field(desc: str) -> bool:
    """`ANND`, `Cảnh sát nhân dân`: a police force's internal bloc (data/bloc_police_fields.tsv)."""
    return desc.lower() in _police_fields()
