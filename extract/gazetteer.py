"""The gazetteers behind the semantic components, loaded once from extract/data/*.tsv.

Provinces (with their 2025 lineage), province aliases, agency kinds, provincial departments
and ministries, awards, posts, honorifics and family names. Everything here is data plus the
regular expressions compiled from it; the components decide what a match means.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .textnorm import fold, nfc

CENTRAL_CITIES = frozenset({"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"})
HUE_CITY_FROM = "2025-01-01"      # Thừa Thiên Huế became the centrally-run thành phố Huế
MERGER_FROM = "2025-07-01"        # Resolution 202/2025/QH15: 63 provinces became 34


def _rows(name: str) -> list[list[str]]:
    """The data rows of a TSV in extract/data (comments, blank lines and the header skipped)."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    rows, header_seen = [], False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        rows.append([nfc(c.strip()) for c in line.split("\t")])
    return rows


@lru_cache(maxsize=1)
def banks() -> list[tuple[str, str]]:
    """(written, name) of the banks a branch's abbreviation is written before (data/banks.tsv)."""
    return [(r[0], r[1]) for r in _rows("banks.tsv")]


def _words(name: str) -> list[str]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return [nfc(w) for line in text.splitlines() if not line.startswith("#") for w in line.split()]


def alternation(names) -> str:
    """A regex alternation of literal names, longest first (so `Hà Nam` does not stop `Hà Nội`)."""
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


@dataclass(frozen=True)
class Province:
    kind_before: str
    name_before: str
    kind_after: str
    name_after: str


@lru_cache(maxsize=1)
def provinces() -> dict[str, Province]:
    """Pre-2025 name -> its lineage row; the 34 post-2025 names map to their own row too."""
    out: dict[str, Province] = {}
    for kb, nb, ka, na in _rows("provinces.tsv"):
        out[nb] = Province(kb, nb, ka, na)
    for p in list(out.values()):
        out.setdefault(p.name_after, Province(p.kind_after, p.name_after, p.kind_after, p.name_after))
    out.setdefault("Huế", Province("thành phố", "Huế", "thành phố", "Huế"))
    return out


@lru_cache(maxsize=1)
def province_aliases() -> dict[str, str]:
    """Every written form of a province (official names included) -> official name."""
    out = {name: name for name in provinces()}
    for alias, name in _rows("province_aliases.tsv"):
        out.setdefault(alias, name)
    out["Huế"] = "Thừa Thiên Huế"   # the pre-2025 reading; in_force() turns it into Huế
    return out


@lru_cache(maxsize=1)
def province_re() -> re.Pattern:
    """Any written form of a province name, as a whole word."""
    return re.compile(r"(?<![\w.])(" + alternation(province_aliases()) + r")(?![\w])")


@lru_cache(maxsize=1)
def province_upper() -> dict[str, str]:
    """A province's written forms in capitals (`BÌNH ĐỊNH`, `TP.HCM`) -> official name."""
    return {alias.upper(): name for alias, name in province_aliases().items() if alias.upper() != alias
            or not alias.isascii()}


@lru_cache(maxsize=1)
def province_upper_re() -> re.Pattern:
    """A province written in capitals, as a whole word (headlines in capitals)."""
    return re.compile(r"(?<![\w.])(" + alternation(province_upper()) + r")(?![\w])")


def official(name: str) -> str | None:
    return province_aliases().get(nfc(name).strip())


def in_force(name: str, date: str | None) -> tuple[str, str]:
    """(kind, name) of a province as it was called on `date` (ISO; None = before 2025)."""
    name = official(name) or name
    p = provinces().get(name)
    if p is None:
        return ("tỉnh", name)
    if date and date >= MERGER_FROM:
        return (p.kind_after, p.name_after)
    if name == "Thừa Thiên Huế" and date and date >= HUE_CITY_FROM:
        return ("thành phố", "Huế")
    if name == "Huế" and not (date and date >= HUE_CITY_FROM):
        return ("tỉnh", "Thừa Thiên Huế")
    kind = "thành phố" if name in CENTRAL_CITIES or name == "Huế" else "tỉnh"
    return (kind, name)


def kind_of(name: str) -> str:
    """`tỉnh` or `thành phố` for an official name as written (no date shift)."""
    if name in CENTRAL_CITIES or name == "Huế":
        return "thành phố"
    p = provinces().get(name)
    if p and p.name_before != name:       # a post-2025 name
        return p.kind_after
    return "tỉnh"


@lru_cache(maxsize=1)
def province_folds() -> list[tuple[str, str]]:
    """(folded name without spaces, official name), longest first: for matching site hosts."""
    pairs = {}
    for name in provinces():
        pairs[re.sub(r"[^a-z]", "", fold(name))] = name
    pairs["hochiminhcity"] = "Hồ Chí Minh"
    pairs["tphcm"] = "Hồ Chí Minh"
    pairs["hcmcity"] = "Hồ Chí Minh"
    return sorted(pairs.items(), key=lambda kv: len(kv[0]), reverse=True)


@lru_cache(maxsize=1)
def districts() -> dict[str, str]:
    """District name -> the province it belonged to, for names only one province has."""
    seen: dict[str, set[str]] = {}
    for _kind, name, province in _rows("districts.tsv"):
        seen.setdefault(name, set()).add(province)
    return {name: next(iter(ps)) for name, ps in seen.items() if len(ps) == 1}


@lru_cache(maxsize=1)
def district_kinds() -> dict[str, str]:
    """District name -> its word (`huyện`, `thị xã`, `thành phố`), for names only one unit has."""
    seen: dict[str, set[tuple[str, str]]] = {}
    for kind, name, province in _rows("districts.tsv"):
        seen.setdefault(name, set()).add((kind, province))
    return {name: next(iter(ks))[0] for name, ks in seen.items() if len(ks) == 1}


@lru_cache(maxsize=1)
def district_names() -> frozenset[str]:
    """Every district-level unit's name, those several provinces share included (`Châu Thành`)."""
    return frozenset(name for _kind, name, _province in _rows("districts.tsv"))


@lru_cache(maxsize=1)
def district_re() -> re.Pattern:
    """A district's name (one only one unit has), matched at a position of a list."""
    return re.compile(r"(?:" + alternation(district_kinds()) + r")(?![\w])")


# --- agencies ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    pattern: str
    canonical: str
    place: str          # req / reqn / def / none / unit / sub / subdef / subname / police / party / local
    post: str = ""      # a regex of the post words that, right before the name, make it a post's title
    national_from: str = ""   # reqn: the date (ISO) from which the name alone is the national body


@lru_cache(maxsize=1)
def departments() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """([(written form, canonical)] of Sở names, [...] of ministry names)."""
    so, bo = [], []
    for row in _rows("departments.tsv"):
        name, level = row[0], row[1]
        forms = [name] + [v for v in (row[2].split("|") if len(row) > 2 and row[2] else [])]
        forms += [f.replace(" - ", " – ") for f in forms if " - " in f]
        for f in forms:
            if level in ("both", "so"):
                so.append((f, name))
            if level in ("both", "bo"):
                bo.append((f, name))
    return so, bo


@lru_cache(maxsize=1)
def local_departments() -> list[tuple[str, str]]:
    """[(written form, canonical)] of a district's or commune's offices (`Phòng Nội vụ`): the
    `phong` rows first (their abbreviations win: a district's `VH&TT` is Văn hóa và Thông tin),
    then every Sở's name, which a district's office shares."""
    out = []
    for row in _rows("departments.tsv"):
        if row[1] == "phong":
            forms = [row[0]] + (row[2].split("|") if len(row) > 2 and row[2] else [])
            out += [(f, row[0]) for f in forms]
    return out + departments()[0]


def _dashed(alt: str) -> str:
    """Department names whose dash may be spaced either way (`Lao động- Thương binh và Xã hội`,
    `Lao động -Thương binh`): dept_canonical() gives the canonical spacing back."""
    return re.sub(r"\\ (?:\\-|–)\\ ", lambda _: r"\s*[-–]\s*", alt)


@lru_cache(maxsize=1)
def agency_kinds() -> list[Kind]:
    """All agency kinds: the data file's rows plus Sở / Bộ / their inspectorates."""
    kinds = [Kind(*row[:5]) for row in _rows("agency_kinds.tsv")]
    so, bo = departments()
    so_alt = _dashed(alternation(f for f, _ in so))
    bo_alt = _dashed(alternation(f for f, _ in bo))
    local_alt = alternation(f for f, _ in local_departments())
    # One kind per department would be 100 patterns; `{dept}` is resolved by dept_canonical().
    # A `Phòng` of a department's name is a district's or a commune's office (place `local`).
    kinds += [
        Kind(r"Phòng (?i:" + local_alt + r")", "Phòng {dept}", "local"),
        Kind(r"Thanh tra Bộ (?i:" + bo_alt + r")", "Thanh tra Bộ {dept}", "none"),
        Kind(r"Thanh tra Sở (?i:" + so_alt + r")", "Thanh tra Sở {dept}", "def"),
        Kind(r"Sở (?i:" + so_alt + r")", "Sở {dept}", "def"),
        Kind(r"Bộ (?i:" + bo_alt + r")", "Bộ {dept}", "none"),
    ]
    return kinds


@lru_cache(maxsize=3)
def _dept_by_fold(ministry: bool | None) -> dict[str, str]:
    so, bo = departments()
    out: dict[str, str] = {}
    for f, name in (local_departments() if ministry is None else bo if ministry else so):
        out.setdefault(_dept_key(f), name)
    return out


def _dept_key(name: str) -> str:
    """A department's name folded, its dashes spaced one way (`Lao động- Thương binh`, `Lao động –
    Thương binh` and `Lao động - Thương binh` are one name)."""
    return re.sub(r"\s*[-–]\s*", " - ", fold(name))


def dept_canonical(written: str, ministry: bool | None) -> str:
    """`Giao thông Vận tải` -> `Giao thông vận tải`: the department's name as it writes it
    (ministry None: a district's office, `Phòng …`)."""
    return _dept_by_fold(ministry).get(_dept_key(written), written)


def top_alternatives(pattern: str) -> list[str]:
    """The alternatives of a regex at its top level (`A (?:b|c)|D` -> [`A (?:b|c)`, `D`])."""
    out, depth, last, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1                      # an escaped character is no bracket nor bar
        elif c == "[":
            i = pattern.index("]", i + 2)   # (a class may open with `]`; it holds no group)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[last:i])
            last = i + 1
        i += 1
    return out + [pattern[last:]]


# a run of blanks, or a line break a page wraps a name at (`Ủy ban MTTQ Việt⏎Nam`): a head is a fixed
# phrase, so a break inside one is a wrap, not the end of a line of the text
_BLANKS = r"(?:[ \t]+|[ \t]*\n[ \t]*)"


def _flex_spaces(pattern: str) -> str:
    """A pattern's spaces as runs of blanks: pages double a space inside a name (`Tòa án  nhân dân
    tối cao`, `Đoàn Đại  biểu Quốc hội`); an optional space (` ?`) stays optional. Spaces in a
    character class or a look-behind (fixed width) are left as they are."""
    out, i, in_class, groups = [], 0, False, []     # groups: one flag per open group, True = look-behind
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and not (pattern.startswith("\\ ", i) and not in_class and not any(groups)):
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "\\":                # an escaped space (re.escape of a listed name) is a space
            i += 1
            c = " "
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            groups.append(pattern.startswith(("(?<=", "(?<!"), i))
        elif c == ")" and groups:
            groups.pop()
        elif c == " " and not any(groups):
            optional = pattern.startswith(" ?", i)
            out.append("[ \\t]*" if optional else _BLANKS)
            i += 2 if optional else 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


@lru_cache(maxsize=1)
def agency_head_re() -> tuple[re.Pattern, list[Kind]]:
    """One regex whose named group k<i> says which kind matched; longer patterns first."""
    kinds = sorted(agency_kinds(), key=lambda k: -len(k.pattern.split("|")[0]))
    parts = [f"(?P<k{i}>{_flex_spaces(k.pattern)})" for i, k in enumerate(kinds)]
    # Every head starts with a capital (checked here): testing that first lets the search skip
    # the lower-case syllables, most of any text, without trying the hundred alternatives.
    firsts = {alt[:1] for k in kinds for alt in top_alternatives(k.pattern)}
    gate = r"(?=[A-ZĐĂÂÊÔƠƯ\u00c0-\u00dd\u1ea0-\u1ef8])" if all(c.isupper() for c in firsts) else ""
    rx = re.compile(r"(?<![\w])" + gate + r"(?:" + "|".join(parts) + r")(?![\w])")
    return rx, kinds


# --- awards, people ------------------------------------------------------------------------

@lru_cache(maxsize=1)
def award_patterns() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(p), c) for p, c in _rows("awards.tsv")]


@lru_cache(maxsize=1)
def region_re() -> re.Pattern:
    """A region written after `N tỉnh` / `các tỉnh` in a cluster's name (data/regions.tsv)."""
    names = [r[0] for r in _rows("regions.tsv")]
    return re.compile(r"\s+((?:khu vực\s+)?(?:" + alternation(names) + r"))(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def bloc_domains() -> frozenset[str]:
    """Two-syllable fields of work that may stand in a bloc's name in lower case (data/bloc_domains.tsv)."""
    return frozenset(r[0].lower() for r in _rows("bloc_domains.tsv"))


@lru_cache(maxsize=1)
def posts() -> list[str]:
    return sorted({r[0] for r in _rows("posts.tsv")}, key=len, reverse=True)


@lru_cache(maxsize=1)
def honorifics() -> list[str]:
    return sorted({r[0] for r in _rows("honorifics.tsv")}, key=len, reverse=True)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(_words("surnames.txt"))
