"""Entity resolution: one row per canonical agency and per bloc, whatever form an article used.

Agencies meet on their folded, abbreviation-expanded key (`TAND tỉnh Bắc Ninh` = `Tòa án nhân
dân tỉnh Bắc Ninh`). Blocs meet on a key that drops `thi đua` and `các cơ quan`, reads roman
numerals as arabic (`số VI` = `số 6`) and carries the province (provincial blocs) or the parent
(national clusters: `Cụm thi đua số II` of Thanh tra Chính phủ is not that of a ministry).
A bloc named without its province takes the article's (`Khối thi đua Nội chính` on Bắc Ninh's
own site is Bắc Ninh's internal-affairs bloc).
"""
from __future__ import annotations

import re
import sqlite3

from . import names

# per-connection caches of key → id; entities are never deleted, so ids stay valid unless a
# transaction that created them rolls back: load.py clears the cache then.
_CACHES: dict[int, tuple[sqlite3.Connection, dict]] = {}


def cache(conn: sqlite3.Connection) -> dict:
    entry = _CACHES.get(id(conn))
    if entry is None or entry[0] is not conn:
        entry = (conn, {"agency": {}, "agency_raw": {}, "agency_row": {}, "alias": set(), "needles": {},
                        "bloc": {}, "bloc_alias": set(), "bloc_base": {}})
        _CACHES[id(conn)] = entry
    return entry[1]


def clear_cache(conn: sqlite3.Connection) -> None:
    _CACHES.pop(id(conn), None)


# --- agencies --------------------------------------------------------------------------------

_KINDS = [
    ("thanh tra chinh phu", "central_inspectorate"),
    ("thanh tra bo ", "ministry_inspectorate"),
    ("thanh tra ", "inspectorate"),
    ("toa an ", "court"),
    ("vien kiem sat ", "procuracy"),
    ("cong an ", "police"),
    ("bo chi huy quan su ", "military_command"),
    ("cuc thi hanh an ", "civil_judgment_enforcement"),
    ("so tu phap ", "justice_department"),
    ("so ", "department"),
    ("uy ban nhan dan ", "people_committee"),
    ("hoi dong nhan dan ", "people_council"),
    ("hoi dong thi dua", "emulation_council"),
    ("ban thi dua", "emulation_board"),
    ("bo ", "ministry"),
    ("cuc ", "department"),
]


def agency_kind(name: str) -> str:
    k = names.key(name) + " "
    for prefix, kind in _KINDS:
        if k.startswith(prefix):
            return kind
    return "other"


def looks_like_agency(name: str) -> bool:
    return agency_kind(name) != "other" or names.province_in_name(name) is not None


def canonical_agency(raw: str, province: str | None) -> str:
    """NFC, abbreviations expanded, the article's province filled into `… tỉnh`."""
    name = names.expand_abbreviations(raw)
    return names.fill_province(name, province) or name


def agency_id(conn: sqlite3.Connection, raw: str | None, province: str | None) -> int | None:
    if not raw or not str(raw).strip():
        return None
    c = cache(conn)
    hit = c["agency_raw"].get((raw, province))
    if hit is not None:
        return hit
    written = names.nfc(str(raw))
    name = canonical_agency(written, province)
    k = names.key(name)
    if not k:
        return None
    aid = c["agency"].get(k)
    if aid is None:
        row = conn.execute("SELECT id FROM agencies WHERE key = ?", (k,)).fetchone()
        if row:
            aid = row[0]
        else:
            aid = conn.execute(
                "INSERT INTO agencies (name, key, province, kind) VALUES (?, ?, ?, ?)",
                (name, k, names.province_in_name(name), agency_kind(name)),
            ).lastrowid
        c["agency"][k] = aid
    for alias in {written, name}:
        if (aid, alias) not in c["alias"]:
            conn.execute("INSERT OR IGNORE INTO agency_aliases VALUES (?, ?)", (aid, alias))
            c["alias"].add((aid, alias))
            c["needles"].pop(aid, None)
    c["agency_raw"][(raw, province)] = aid
    return aid


def agency_row(conn: sqlite3.Connection, aid: int) -> tuple[str, str | None]:
    c = cache(conn)
    row = c["agency_row"].get(aid)
    if row is None:
        row = c["agency_row"][aid] = conn.execute("SELECT name, province FROM agencies WHERE id = ?", (aid,)).fetchone()
    return row


def agency_needles(conn: sqlite3.Connection, aid: int) -> list[str]:
    """Folded forms an agency is written in, for finding its mentions in a text: every alias
    and its short form without the place (`thanh tra tinh`), as bodies are often written."""
    c = cache(conn)
    out = c["needles"].get(aid)
    if out is None:
        found = set()
        for (alias,) in conn.execute("SELECT alias FROM agency_aliases WHERE agency_id = ?", (aid,)):
            needle = names.fold(alias)
            found.add(needle)
            found.add(re.sub(r"\s+(tinh|thanh pho)\s+.*$", "", needle))
        out = c["needles"][aid] = sorted(n for n in found if len(n) >= 6)
    return out


# --- blocs -----------------------------------------------------------------------------------

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman(tok: str) -> int | None:
    if not tok or any(ch not in _ROMAN for ch in tok):
        return None
    total = 0
    for i, ch in enumerate(tok):
        v = _ROMAN[ch]
        total += -v if i + 1 < len(tok) and _ROMAN[tok[i + 1]] > v else v
    return total


_NUMBERED = re.compile(r"\bso (\w+)\b")


def bloc_base_key(name: str) -> str:
    """`Khối thi đua các cơ quan Nội chính tỉnh Bắc Ninh` → `khoi noi chinh tinh bac ninh`."""
    k = " " + names.key(names.expand_abbreviations(name)) + " "
    k = k.replace(" thi dua ", " ").replace(" cac co quan ", " ").replace(" co quan ", " ")

    def num(m: re.Match) -> str:
        tok = m.group(1)
        if tok.isdigit():
            return f"so {int(tok)}"
        r = _roman(tok)
        return f"so {r}" if r else m.group(0)

    k = _NUMBERED.sub(num, k)
    return " ".join(k.split())


def _is_provincial_parent(parent: str | None) -> bool:
    if not parent:
        return False
    k = names.key(parent)
    return k.startswith("uy ban nhan dan") or names.province_in_name(parent) is not None


def _with_province(name: str, province: str) -> str:
    filled = names.fill_province(name, province)
    if filled != name:
        return filled
    return f"{name} {names.province_kind(province)} {province}"


def bloc_id(conn: sqlite3.Connection, raw_name: str | None, parent: str | None,
            article_province: str | None) -> int | None:
    """The id of the bloc an article calls `raw_name` (creating it), or None for no name."""
    if not raw_name or not str(raw_name).strip():
        return None
    c = cache(conn)
    written = names.nfc(str(raw_name))
    parent = names.fill_province(names.expand_abbreviations(parent), article_province) if parent else None
    name_prov = names.province_in_name(written)
    base = bloc_base_key(written)
    numbered = bool(re.search(r"\bso \d+\b", base))
    if parent and not _is_provincial_parent(parent):
        # a national system's cluster (Thanh tra Chính phủ's `Cụm thi đua số II`): keyed by parent
        province, display = None, written
        k = f"{base} @ {names.key(parent)}"
    elif name_prov or (parent and names.province_in_name(parent)) or (article_province and not (numbered and not parent)):
        province = name_prov or names.province_in_name(parent) or article_province
        display = written if name_prov else _with_province(written, province)
        k = bloc_base_key(display)
    else:
        # numbered cluster with no parent and no province: join the one bloc of that name if unique
        province, display = None, written
        known = c["bloc_base"].get(base)
        if known is None:
            known = [r[0] for r in conn.execute("SELECT id FROM blocs WHERE key = ? OR key LIKE ?",
                                                (base, base + " @ %"))]
        if len(known) == 1:
            return _remember_alias(conn, c, known[0], written)
        k = base
    hit = c["bloc"].get(k)
    if hit is None:
        row = conn.execute("SELECT id, name FROM blocs WHERE key = ?", (k,)).fetchone()
        if row:
            hit = (row[0], row[1])
        else:
            kind = "cum" if names.key(written).startswith("cum") else "khoi"
            bid = conn.execute(
                "INSERT INTO blocs (name, key, parent, parent_agency_id, province, kind) VALUES (?, ?, ?, ?, ?, ?)",
                (display, k, parent, agency_id(conn, parent, article_province) if parent else None, province, kind),
            ).lastrowid
            hit = (bid, display)
    bid, current = hit
    if len(display) > len(current):  # keep the most complete form any article gave
        conn.execute("UPDATE blocs SET name = ? WHERE id = ?", (display, bid))
        current = display
    c["bloc"][k] = (bid, current)
    return _remember_alias(conn, c, bid, written)


def _remember_alias(conn: sqlite3.Connection, c: dict, bid: int, alias: str) -> int:
    if (bid, alias) not in c["bloc_alias"]:
        conn.execute("INSERT OR IGNORE INTO bloc_aliases VALUES (?, ?)", (bid, alias))
        c["bloc_alias"].add((bid, alias))
    return bid
