"""Validating and resolving query filters: years, dates, statuses, and fuzzy text → entity ids.

Text filters ignore case and diacritics and accept abbreviations: the filter's key is compared
with each entity's key, preferring an exact match, then a phrase inside the name, then all
of the filter's words in any order.
"""
from __future__ import annotations

import datetime as _dt
import sqlite3

from . import names, resolve
from .errors import BadFilter

STATUSES = ("registered", "proposed", "conferred")
MEETING_KINDS = ("so_ket", "tong_ket", "ky_giao_uoc", "phat_dong", "other")


def year(value) -> int | None:
    if value is None or value == "":
        return None
    try:
        y = int(value)
    except (TypeError, ValueError):
        raise BadFilter(f"year {value!r} is not a number") from None
    if not 1900 <= y <= 2100:
        raise BadFilter(f"year {y} is out of range (1900-2100)")
    return y


def iso_date(value, label: str = "date") -> str | None:
    if value is None or value == "":
        return None
    text = str(value)
    try:
        if len(text) != 10:
            raise ValueError
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise BadFilter(f"{label} {text!r} is not a date (YYYY-MM-DD)") from None


def status(value) -> str | None:
    if not value:
        return None
    v = names.key(value).replace(" ", "_")
    aliases = {"dang ky": "registered", "de nghi": "proposed", "de xuat": "proposed", "nhan": "conferred",
               "duoc tang": "conferred", "tang": "conferred"}
    v = aliases.get(v.replace("_", " "), v)
    if v not in STATUSES:
        raise BadFilter(f"status {value!r} is not one of {', '.join(STATUSES)}")
    return v


def meeting_kind(value) -> str | None:
    if not value:
        return None
    v = names.key(value).replace(" ", "_")
    aliases = {"so_ket": "so_ket", "tong_ket": "tong_ket", "ky_giao_uoc": "ky_giao_uoc", "giao_uoc": "ky_giao_uoc",
               "ky_ket_giao_uoc": "ky_giao_uoc", "phat_dong": "phat_dong", "khac": "other"}
    v = aliases.get(v, v)
    if v not in MEETING_KINDS:
        raise BadFilter(f"kind {value!r} is not one of {', '.join(MEETING_KINDS)}")
    return v


def provinces(value, with_predecessors: bool = False) -> list[str] | None:
    if not value:
        return None
    name = names.province_name(value)
    if not name:
        raise BadFilter(f"unknown province {value!r}")
    return names.with_predecessors(name) if with_predecessors else [name]


def match(candidates: list[tuple[str, int]], fkey: str) -> list[int]:
    """Ids whose key equals fkey, else contains it as a phrase, else contains all its words."""
    if not fkey:
        return []
    exact = [i for k, i in candidates if k == fkey]
    if exact:
        return exact
    padded = f" {fkey} "
    phrase = [i for k, i in candidates if padded in f" {k} "]
    if phrase:
        return phrase
    words = set(fkey.split())
    found = [i for k, i in candidates if words <= set(k.split())]
    if found:
        return found
    # `tỉnh` for a centrally-run city (`Thanh tra tỉnh Hải Phòng`) or the other way round
    place = _placeless(fkey)
    return [i for k, i in candidates if place and place == _placeless(k)]


def _placeless(k: str) -> str:
    return " ".join(f" {k} ".replace(" thanh pho ", " ").replace(" tinh ", " ").split())


def agency_ids(conn: sqlite3.Connection, text, with_predecessors: bool = False) -> list[int] | None:
    """Agency ids a filter names (None: no filter; []: nothing matches)."""
    if not text:
        return None
    fkey = names.filter_key(text)
    cands = [(k, i) for i, k in conn.execute("SELECT id, key FROM agencies")]
    ids = match(cands, fkey)
    if not ids:  # an alias as written (e.g. an old form) may still match
        cands = [(names.filter_key(a), i) for i, a in conn.execute("SELECT agency_id, alias FROM agency_aliases")]
        ids = sorted(set(match(cands, fkey)))
    if with_predecessors and ids:
        ids = _with_predecessor_agencies(conn, ids)
    return ids


def _with_predecessor_agencies(conn, ids: list[int]) -> list[int]:
    """Thanh tra tỉnh Bắc Ninh → also Thanh tra tỉnh Bắc Giang (merged into Bắc Ninh in 2025)."""
    out = list(ids)
    for i in ids:
        name, prov = conn.execute("SELECT name, province FROM agencies WHERE id = ?", (i,)).fetchone()
        if not prov:
            continue
        for old in names.with_predecessors(prov):
            if old == prov:
                continue
            k = names.key(name).replace(names.key(prov), names.key(old))
            k = k.replace("thanh pho " + names.key(old), "tinh " + names.key(old))
            for (j,) in conn.execute("SELECT id FROM agencies WHERE key IN (?, ?)",
                                     (k, k.replace("tinh " + names.key(old), "thanh pho " + names.key(old)))):
                if j not in out:
                    out.append(j)
    return out


def bloc_ids(conn: sqlite3.Connection, text) -> list[int] | None:
    """Blocs a filter names: by name (`Cụm thi đua số 2` = `số II`: every parent's), or by name and
    parent (`Cụm thi đua số II của Thanh tra Chính phủ`: that one)."""
    if not text:
        return None
    fkey = " ".join(w for w in resolve.bloc_base_key(text).split() if w != "cua")
    cands = []
    for i, k, parent, name_key in conn.execute("SELECT id, key, parent, name_key FROM blocs"):
        base = k.split(" @ ")[0]
        cands += [(base, i), (name_key, i)]  # `Cụm thi đua số 1` is also the province's `… tỉnh X`
        if parent:
            cands.append((f"{base} {names.filter_key(parent)}", i))
    ids = sorted(set(match(cands, fkey)))
    if not ids:
        cands = [(resolve.bloc_base_key(a), i) for i, a in conn.execute("SELECT bloc_id, alias FROM bloc_aliases")]
        ids = sorted(set(match(cands, fkey)))
    return ids


def award_keys(conn: sqlite3.Connection, text) -> list[str] | None:
    if not text:
        return None
    keys = [r[0] for r in conn.execute("SELECT DISTINCT award_key FROM awards")]
    fkey = names.filter_key(text)
    cands = [(k, n) for n, k in enumerate(keys)]
    return [keys[n] for n in match(cands, fkey)]


def in_clause(column: str, values: list) -> tuple[str, list]:
    return f"{column} IN ({', '.join('?' * len(values))})", list(values)
