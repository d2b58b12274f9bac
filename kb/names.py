"""Name normalisation and matching keys: NFC display names, folded keys, abbreviations, provinces.

Display names stay NFC with the new tone placement (CONTRACT §4); every comparison goes
through `fold` (lower case, no diacritics, đ→d) so `Toà án`, `TÒA ÁN` and `toa an` meet.
"""
from __future__ import annotations

import csv
import functools
import importlib.resources
import re
import unicodedata

from thidua.tones import new_tone_placement

_SPACES = re.compile(r"[\s\u00a0]+")
_MARKS = re.compile(r"[\u0300-\u036f]")


@functools.lru_cache(maxsize=65536)
def nfc(text: str | None) -> str | None:
    """NFC, new tone placement, single spaces. Length may shrink (spaces); use for names only."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", str(text))
    text = new_tone_placement(text)
    return _SPACES.sub(" ", text).strip()


# typographic punctuation of news text, one character each, as ASCII of the same length: so that
# fold's fast path (decompose, keep what ASCII has) still keeps every offset. Without this, a text
# with one “quote” or – dash took the regex path, which decomposed the text twice (96 µs for a
# real article's text instead of 55).
# (The search tokenizer and the matching keys drop punctuation either way.)
_PUNCT = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"', "‘": "'", "’": "'", "′": "'",
          "–": "-", "—": "-", "‒": "-", "−": "-", "‐": "-", "…": ".", "·": ".", "•": "*",
          "\u00a0": " ", "\u2009": " ", "\u200b": " "}


def _ascii_fold(text: str) -> str:
    # Vietnamese letters decompose to an ASCII letter and marks, which the ASCII codec drops
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii").lower()


def fold(text: str | None) -> str:
    """Lower case, no diacritics, đ→d, typographic punctuation as ASCII. Length-preserving for
    NFC input (offsets map 1:1)."""
    if not text:
        return ""
    nfc_text = unicodedata.normalize("NFC", text)
    base = nfc_text.replace("đ", "d").replace("Đ", "D")
    for ch, ascii_ch in _PUNCT.items():  # (the scans together cost a tenth of decomposing the text)
        if ch in base:
            base = base.replace(ch, ascii_ch)
    out = _ascii_fold(base)
    if len(out) != len(nfc_text):  # another script or symbol: keep it, drop only the marks
        out = _MARKS.sub("", unicodedata.normalize("NFD", base)).lower()
    if len(out) != len(nfc_text):  # a char without precomposed form, or a multi-char lower(): go slow
        out = "".join(_fold_char(c) for c in nfc_text)
    return out


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in _PUNCT:
        return _PUNCT[c]
    base = _MARKS.sub("", unicodedata.normalize("NFD", c)) or " "
    base = base.replace("đ", "d").replace("Đ", "D")
    low = base.lower()
    return low[0] if low else " "


def has_diacritics(text: str) -> bool:
    """A tone or vowel mark, or đ (punctuation does not count)."""
    return "đ" in text or "Đ" in text or bool(_MARKS.search(unicodedata.normalize("NFD", text)))


_WORD = re.compile(r"[0-9a-z]+")


@functools.lru_cache(maxsize=65536)
def key(text: str | None) -> str:
    """Matching key: folded words joined by single spaces, punctuation dropped."""
    return " ".join(_WORD.findall(fold(text)))


@functools.lru_cache(maxsize=1)
def _abbreviations() -> tuple[re.Pattern, re.Pattern, dict, dict]:
    """Two alternations (case-sensitive, case-insensitive), longest first: `Viện KSND` before `KSND`."""
    cs: dict[str, str] = {}
    ci: dict[str, str] = {}
    path = importlib.resources.files("thidua.kb") / "data" / "abbreviations.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        abbr, expansion, case = line.split("\t")[:3]
        if case.strip() == "cs":
            cs[abbr] = expansion
        else:
            ci[abbr.lower()] = expansion

    def alt(words) -> str:
        return r"(?<!\w)(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)"

    return re.compile(alt(cs)), re.compile(alt(ci), re.IGNORECASE), cs, ci


@functools.lru_cache(maxsize=65536)
def expand_abbreviations(text: str) -> str:
    text = nfc(text) or ""
    cs_re, ci_re, cs, ci = _abbreviations()
    text = ci_re.sub(lambda m: ci[m.group(1).lower()], text)
    return cs_re.sub(lambda m: cs[m.group(1)], text)


def filter_key(text: str) -> str:
    """Key of a user's text filter: abbreviations expanded, then folded."""
    return key(expand_abbreviations(text))


# --- provinces -------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def provinces() -> dict[str, dict]:
    """Folded name → {name, kind, successor, successor_kind} for the 63 pre-merger units + new names."""
    path = importlib.resources.files("thidua.extract") / "data" / "provinces.tsv"
    out: dict[str, dict] = {}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        name, succ = nfc(row["name_before"]), nfc(row["name_after"])
        out[key(name)] = {"name": name, "kind": row["kind_before"], "successor": succ,
                          "successor_kind": row["kind_after"]}
    for row in list(out.values()):  # new names (Huế) that were not old names are their own successor
        k = key(row["successor"])
        out.setdefault(k, {"name": row["successor"], "kind": row["successor_kind"],
                           "successor": row["successor"], "successor_kind": row["successor_kind"]})
    return out


def province_name(text: str | None) -> str | None:
    """Canonical province name from `Bắc Ninh`, `tỉnh Bắc Ninh`, `bac ninh`, `TP Hà Nội`; None if unknown."""
    if not text:
        return None
    k = key(expand_abbreviations(text))
    k = re.sub(r"^(tinh|thanh pho|tp) ", "", k)
    row = provinces().get(k)
    return row["name"] if row else None


def province_kind(name: str) -> str:
    row = provinces().get(key(name))
    return row["kind"] if row else "tỉnh"


def with_predecessors(name: str) -> list[str]:
    """The province and every unit merged into it (Bắc Ninh → [Bắc Ninh, Bắc Giang])."""
    k = key(name)
    out = [row["name"] for row in provinces().values() if key(row["successor"]) == k]
    if name not in out:
        out.insert(0, name)
    return sorted(set(out), key=lambda n: (n != name, n))


def lineage(name: str) -> dict:
    """Where a province stands across the 2025 merger."""
    row = provinces().get(key(name))
    if not row:
        return {"province": name, "successor": None, "predecessors": [], "merged_into": None}
    succ = row["successor"]
    return {
        "province": row["name"],
        "successor": succ,
        "merged_into": succ if key(succ) != key(row["name"]) else None,
        "merged_on": ("2025-01-01" if key(succ) == "hue" else "2025-07-01") if key(succ) != key(row["name"]) else None,
        "predecessors": [n for n in with_predecessors(row["name"]) if key(n) != key(row["name"])],
        "siblings": [n for n in with_predecessors(succ) if key(n) != key(row["name"])],
    }


@functools.lru_cache(maxsize=1)
def _province_tail_re() -> re.Pattern:
    names = sorted({r["name"] for r in provinces().values()}, key=len, reverse=True)
    alts = "|".join(re.escape(key(n)) for n in names)
    return re.compile(r"(?:^|\b)(?:tinh|thanh pho)\s+(" + alts + r")$")


@functools.lru_cache(maxsize=65536)
def province_in_name(name: str | None) -> str | None:
    """The province a name ends with (`Thanh tra tỉnh Bắc Ninh` → `Bắc Ninh`)."""
    if not name:
        return None
    m = _province_tail_re().search(key(name))
    return provinces()[m.group(1)]["name"] if m else None


def strip_province_key(k: str) -> str:
    """A key without its trailing place (`khoi noi chinh tinh bac ninh` → `khoi noi chinh`)."""
    return _province_tail_re().sub("", k).strip()


_BARE_PLACE = re.compile(r"\s+(tỉnh|thành phố)$", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def fill_province(name: str | None, province: str | None) -> str | None:
    """`Thanh tra tỉnh` + Bắc Ninh → `Thanh tra tỉnh Bắc Ninh` (a body named without its place)."""
    if not name or not province or province_in_name(name):
        return name
    m = _BARE_PLACE.search(name)
    if not m:
        return name
    return name[: m.start()] + " " + province_kind(province) + " " + province


def nfc_text(text: str | None) -> str | None:
    """Article text: NFC with the new tone placement but spacing kept (offsets stay meaningful)."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", str(text))
    return new_tone_placement(text)


# --- clusters spanning several provinces ------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _multi_province_re() -> re.Pattern:
    """`N tỉnh` / `các tỉnh` / `một số tỉnh`, `N thành phố trực thuộc Trung ương`, or a named
    region of the country (extract/data/regions.tsv). Only regions written with a capital count:
    `Tây Nguyên`, `đồng bằng sông Hồng` name groups of provinces, while `miền núi`, `biên giới`,
    `ven biển` also describe a province's own districts (`Khối các huyện miền núi`)."""
    path = importlib.resources.files("thidua.extract") / "data" / "regions.tsv"
    rows = [ln.split("\t")[0].strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")][1:]  # [0] is the header
    regions = sorted({key(r) for r in rows if any(ch.isupper() for ch in r)}, key=len, reverse=True)
    return re.compile(r"\b(?:(?:\d+|cac|mot so) tinh|(?:\d+|cac) thanh pho truc thuoc trung uong"
                      + "".join(f"|{re.escape(r)}" for r in regions) + r")\b")


_DISTRICT_LEVEL = re.compile(r"\b(?:huyen|xa|quan|phuong|thi xa|thi tran)\b")


@functools.lru_cache(maxsize=65536)
def spans_provinces(name: str | None) -> bool:
    """Whether a bloc's name says it groups several provinces (`Cụm thi đua 6 tỉnh Bắc Trung bộ`,
    `Cụm thi đua các tỉnh miền Đông Nam bộ`): such a cluster is no province's own bloc. A name that
    ends with a province, or groups districts or communes, is that province's."""
    if not name or province_in_name(name):
        return False
    k = key(expand_abbreviations(name))
    m = _multi_province_re().search(k)
    return bool(m) and not _DISTRICT_LEVEL.search(k[:m.start()])
