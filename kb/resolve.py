"""Entity resolution: one row per canonical agency and per bloc, whatever form an article used.

Agencies meet on their folded, abbreviation-expanded key (`TAND tỉnh Bắc Ninh` = `Tòa án nhân
dân tỉnh Bắc Ninh`). Blocs meet on a key that drops `thi đua` and `các cơ quan`, reads roman
numerals as arabic (`số VI` = `số 6`) and carries the province (provincial blocs) or the parent
(national clusters: `Cụm thi đua số II` of Thanh tra Chính phủ is not that of a ministry).
A bloc named without its province takes the article's (`Khối thi đua Nội chính` on Bắc Ninh's
own site is Bắc Ninh's internal-affairs bloc).
"""
from __future__ import annotations

import functools
import re
import sqlite3

from . import names

# per-connection caches of key → id. An id stays valid until its entity is deleted (load.py
# prunes entities no article supports any more and calls forget()) or the transaction that
# created it rolls back (load.py clears the cache then).
_CACHES: dict[int, tuple[sqlite3.Connection, dict]] = {}


def cache(conn: sqlite3.Connection) -> dict:
    entry = _CACHES.get(id(conn))
    if entry is None or entry[0] is not conn:
        entry = (conn, {"agency": {}, "agency_raw": {}, "agency_row": {}, "alias": set(), "needles": {},
                        "bloc": {}, "bloc_raw": {}, "bloc_alias": set(), "bloc_names": {},
                        "bloc_display": {}})
        _CACHES[id(conn)] = entry
    return entry[1]


def clear_cache(conn: sqlite3.Connection) -> None:
    _CACHES.pop(id(conn), None)


def check_cache(conn: sqlite3.Connection) -> None:
    """At the start of a write transaction: drop the caches if another connection has committed
    since they were filled (they may name rows it deleted, or lack rows it added)."""
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    c = cache(conn)
    if c.setdefault("data_version", version) != version:
        clear_cache(conn)
        cache(conn)["data_version"] = version


def forget(conn: sqlite3.Connection, agencies: set[int], blocs: set[int]) -> None:
    """Drop deleted entities from the cache (load.prune_entities deletes unsupported ones)."""
    c = cache(conn)
    for name in ("agency", "agency_raw"):
        c[name] = {k: v for k, v in c[name].items() if v not in agencies}
    for name in ("agency_row", "needles"):
        for a in agencies:
            c[name].pop(a, None)
    c["alias"] = {x for x in c["alias"] if x[0] not in agencies}
    c["bloc"] = {k: v for k, v in c["bloc"].items() if v[0] not in blocs}
    c["bloc_raw"] = {k: v for k, v in c["bloc_raw"].items() if v not in blocs}
    c["bloc_alias"] = {x for x in c["bloc_alias"] if x[0] not in blocs}
    for b in blocs:
        c["bloc_display"].pop(b, None)
    for rows in c["bloc_names"].values():
        rows[:] = [r for r in rows if r[0] not in blocs]


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


@functools.lru_cache(maxsize=65536)  # asked of every award recipient and document issuer
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


def agency_needles(conn: sqlite3.Connection, aid: int) -> list[tuple[str, int]]:
    """(folded form, aid) for each form an agency is written in, for finding where a text names
    it: every alias and its short form without the place (`thanh tra tinh`), as bodies are often
    written. A form that starts with another of the agency's forms is left out: wherever it
    occurs, the shorter one starts there too."""
    c = cache(conn)
    out = c["needles"].get(aid)
    if out is None:
        found = set()
        for (alias,) in conn.execute("SELECT alias FROM agency_aliases WHERE agency_id = ?", (aid,)):
            needle = names.fold(alias)
            found.add(needle)
            found.add(re.sub(r"\s+(tinh|thanh pho)\s+.*$", "", needle))
        found = {n for n in found if len(n) >= 6}
        out = c["needles"][aid] = [(n, aid) for n in sorted(found)
                                   if not any(m != n and n.startswith(m) for m in found)]
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


@functools.lru_cache(maxsize=65536)  # pure; asked of every bloc and meeting an article names
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


def bloc_name_key(key: str) -> str:
    """What a bloc is called without its place or parent (`cum so 2 @ thanh tra chinh phu` →
    `cum so 2`, `khoi noi chinh tinh bac ninh` → `khoi noi chinh`): the key a report that does not
    say whose bloc it is can be matched on."""
    k = names.strip_province_key(key.split(" @ ")[0])
    return re.sub(r"\s+(tinh|thanh pho)$", "", k)


def _named(conn: sqlite3.Connection, c: dict, name_key: str) -> list[list]:
    """[id, province, parent] of every bloc called name_key (cached; kept in step by bloc_id)."""
    rows = c["bloc_names"].get(name_key)
    if rows is None:
        rows = c["bloc_names"][name_key] = [list(r) for r in conn.execute(
            "SELECT id, province, parent FROM blocs WHERE name_key = ? ORDER BY id", (name_key,))]
    return rows


def bloc_id(conn: sqlite3.Connection, raw_name: str | None, parent: str | None,
            article_province: str | None) -> int | None:
    """The id of the bloc an article calls `raw_name` (creating it), or None for no name.

    Identity is name + parent: `Cụm thi đua số II` of Thanh tra Chính phủ and of Bộ Tư pháp are
    two blocs; a province's bloc is keyed by its province (its parent is that province's
    People's Committee). A report that gives neither parent nor province joins the one bloc of
    that name if there is exactly one, else stays a bloc of its own.
    """
    if not raw_name or not str(raw_name).strip():
        return None
    c = cache(conn)
    # a name, parent and province already resolved to a keyed bloc resolve the same way again (the
    # name kept, the parent filled and the alias stored the first time); not so a bloc matched by
    # name alone, which depends on the blocs of that name there are so far
    memo = (raw_name, parent, article_province)
    bid = c["bloc_raw"].get(memo)
    if bid is not None:
        return bid
    written = names.nfc(str(raw_name))
    if names.spans_provinces(written):
        # a cluster of several provinces (`Cụm thi đua 6 tỉnh Bắc Trung bộ`) is no province's bloc:
        # the reporting article's province is only where it met, and a provincial parent
        # (`Ủy ban nhân dân tỉnh Quảng Ninh`, read off the host's article) is not its parent
        article_province = None
        if parent and _is_provincial_parent(names.expand_abbreviations(parent)):
            parent = None
    parent = names.fill_province(names.expand_abbreviations(parent), article_province) if parent else None
    name_prov = names.province_in_name(written)
    base = bloc_base_key(written)
    numbered = bool(re.search(r"\bso \d+\b", base))
    provincial_parent = _is_provincial_parent(parent)
    if parent and not provincial_parent:
        # a national system's cluster (Thanh tra Chính phủ's `Cụm thi đua số II`): keyed by parent
        province, display = None, written
        k = f"{base} @ {names.key(parent)}"
    elif name_prov or (parent and names.province_in_name(parent)) or (article_province and not (numbered and not parent)):
        province = name_prov or names.province_in_name(parent) or article_province
        display = written if name_prov else _with_province(written, province)
        k = bloc_base_key(display)
    else:
        # whose bloc is unknown (a numbered cluster reported without its parent, or a bloc with no
        # province): the one bloc of that name, skipping another province's own blocs
        province, display = None, written
        # `Khối thi đua Nội chính tỉnh` (a province's bloc, which province unknown): every province
        # has one, so it joins no province's bloc, only one of unknown place
        unknown_province = bool(re.search(r"\s(?:tỉnh|thành phố)$", written.strip()))
        known = [r[0] for r in _named(conn, c, bloc_name_key(base))
                 if not (article_province and r[1] and r[1] != article_province)
                 and not (provincial_parent and not r[1])
                 and not (unknown_province and r[1])]
        if len(known) == 1:
            return _remember_alias(conn, c, known[0], written)
        k = base
    hit = c["bloc"].get(k)
    if hit is None:
        row = conn.execute("SELECT id, name, parent FROM blocs WHERE key = ?", (k,)).fetchone()
        hit = tuple(row) if row else _new_bloc(conn, c, k, display, written, parent, province, article_province)
    bid, current, stored_parent = hit
    if parent and not stored_parent:  # a later report names the parent an earlier one left out
        conn.execute("UPDATE blocs SET parent = ?, parent_agency_id = ? WHERE id = ?",
                     (parent, agency_id(conn, parent, article_province), bid))
        stored_parent = parent
        for r in _named(conn, c, bloc_name_key(k)):
            if r[0] == bid:
                r[2] = parent
    if len(display) > len(current):  # keep the most complete form any article gave
        conn.execute("UPDATE blocs SET name = ? WHERE id = ?", (display, bid))
        current = display
    c["bloc"][k] = (bid, current, stored_parent)
    c["bloc_display"][bid] = current
    if province is not None or (parent and not provincial_parent):  # keyed by place or parent
        c["bloc_raw"][memo] = bid
    return _remember_alias(conn, c, bid, written)


def bloc_name(conn: sqlite3.Connection, bid: int) -> str | None:
    """A bloc's name as stored (its most complete form so far); cached, as every new meeting
    is described with it."""
    names_by_id = cache(conn)["bloc_display"]
    name = names_by_id.get(bid)
    if name is None:
        row = conn.execute("SELECT name FROM blocs WHERE id = ?", (bid,)).fetchone()
        name = names_by_id[bid] = row[0] if row else None
    return name


def _new_bloc(conn, c, k, display, written, parent, province, article_province) -> tuple[int, str, str | None]:
    """Create the bloc keyed k, or adopt the one parentless bloc of its name: reports that did not
    say whose bloc it was joined it because it was the only one, so it is this one."""
    nk = bloc_name_key(k)
    named = _named(conn, c, nk)
    pid = agency_id(conn, parent, article_province) if parent else None
    if len(named) == 1 and named[0][1] is None and named[0][2] is None and (parent or province):
        bid = named[0][0]
        old_key, old_name = conn.execute("SELECT key, name FROM blocs WHERE id = ?", (bid,)).fetchone()
        name = display if len(display) > len(old_name) else old_name
        conn.execute("UPDATE blocs SET key = ?, name = ?, parent = ?, parent_agency_id = ?, province = ? WHERE id = ?",
                     (k, name, parent, pid, province, bid))
        c["bloc"].pop(old_key, None)
        named[0][1:] = [province, parent]
        return bid, name, parent
    kind = "cum" if names.key(written).startswith("cum") else "khoi"
    bid = conn.execute(
        "INSERT INTO blocs (name, key, parent, parent_agency_id, province, kind, name_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (display, k, parent, pid, province, kind, nk),
    ).lastrowid
    named.append([bid, province, parent])
    return bid, display, parent


def _remember_alias(conn: sqlite3.Connection, c: dict, bid: int, alias: str) -> int:
    if (bid, alias) not in c["bloc_alias"]:
        conn.execute("INSERT OR IGNORE INTO bloc_aliases VALUES (?, ?)", (bid, alias))
        c["bloc_alias"].add((bid, alias))
    return bid
