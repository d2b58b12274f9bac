"""The user groups' questions, as functions returning lists of dicts (the CLI formats them).

List-valued fields (members, article_urls...) stay lists; a table/CSV formatter joins them.
Every row carries `article_urls` (up to MAX_URLS, first-reported first) and `sources` (how
many articles report it), so a claim can be checked at its source.
"""
from __future__ import annotations

import json

import sqlite_utils

from . import filters, names
from .errors import NotFound
from .filters import in_clause
from .writes import MAX_URLS  # the same limit as the urls stored on award steps


def _urls(conn, table: str, fact_ids: list[int]) -> dict[int, tuple[list[str], int]]:
    """fact id → (first article urls, number of sources), in one query: per fact, a range of the
    sources' (fact_id, article_id) key, already in article order, so LIMIT needs no sort."""
    if not fact_ids:
        return {}
    rows = conn.execute(
        f"SELECT j.value, (SELECT count(*) FROM {table} s WHERE s.fact_id = j.value), "
        f"(SELECT group_concat(url, char(31)) FROM (SELECT a.url FROM {table} s JOIN articles a ON a.id = s.article_id "
        f" WHERE s.fact_id = j.value ORDER BY s.article_id LIMIT {MAX_URLS})) FROM json_each(?) j",
        (json.dumps(fact_ids),))
    return {fid: (urls.split("\x1f") if urls else [], n) for fid, n, urls in rows}


def query_blocs(db: sqlite_utils.Database, year=None, bloc=None, agency=None, province=None,
                with_predecessors: bool = False, limit: int | None = None) -> list[dict]:
    """Bloc history: one row per bloc and year with its leader, deputies, members and next leader.

    `agency` keeps the bloc-years the agency took part in (its roles in `agency_roles`);
    `province` keeps provincial blocs of that province and clusters with a member from it.
    """
    conn = db.conn
    y = filters.year(year)
    provs = filters.provinces(province, with_predecessors)
    bids = filters.bloc_ids(conn, bloc)
    aids = filters.agency_ids(conn, agency, with_predecessors)
    if bids == [] or aids == []:
        return []
    where, params = ["1"], []
    if y is not None:
        where.append("by.year = ?")
        params.append(y)
    if bids:
        c, p = in_clause("by.bloc_id", bids)
        where.append(c)
        params += p
    if aids:
        c, p = in_clause("m.agency_id", aids)
        where.append(f"EXISTS (SELECT 1 FROM memberships m WHERE m.bloc_id = by.bloc_id AND m.year IS by.year AND {c})")
        params += p
    if provs:
        c1, p1 = in_clause("b.province", provs)
        c2, p2 = in_clause("a.province", provs)
        where.append(f"({c1} OR EXISTS (SELECT 1 FROM memberships m JOIN agencies a ON a.id = m.agency_id "
                     f"WHERE m.bloc_id = by.bloc_id AND m.year IS by.year AND {c2}))")
        params += p1 + p2
    sql = (f"SELECT by.id, by.bloc_id, by.year, by.member_count, b.name, b.parent, b.province FROM bloc_years by "
           f"JOIN blocs b ON b.id = by.bloc_id WHERE {' AND '.join(where)} ORDER BY b.name, by.year")
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = conn.execute(sql, params).fetchall()
    if not rows:
        return []
    urls = _urls(conn, "bloc_year_sources", [r[0] for r in rows])
    out, index = [], {}
    for byid, bid, yr, count, name, parent, prov in rows:
        u, n = urls.get(byid, ([], 0))
        row = {"bloc": name, "parent": parent, "province": prov, "year": yr, "leader": None,
               "deputy_leaders": [], "members": [], "member_count": count, "next_leader": None,
               "next_leader_year": None, "article_urls": u, "sources": n}
        if aids:
            row["agency_roles"] = []
        index[(bid, yr)] = row
        out.append(row)
    bloc_set = sorted({r[1] for r in rows})
    c, p = in_clause("m.bloc_id", bloc_set)
    yc = " AND m.year = ?" if y is not None else ""
    aidset = set(aids or [])
    # memberships first (CROSS JOIN fixes the order), by their bloc (and year) index, then each one's
    # agency; in reported order (m.id) sorted here, since an ORDER BY m.id made SQLite walk the
    # whole table in id order, and a plain JOIN had it probe every agency × bloc (22 ms, not 3)
    for _, bid, yr, role, lead_year, aname, agid in sorted(conn.execute(
            f"SELECT m.id, m.bloc_id, m.year, m.role, m.lead_year, a.name, a.id FROM memberships m "
            f"CROSS JOIN agencies a ON a.id = m.agency_id WHERE {c}{yc}", p + ([y] if y is not None else []))):
        row = index.get((bid, yr))
        if row is None:
            continue
        if role == "member":
            row["members"].append(aname)
        elif role == "leader":
            row["leader"] = aname if not row["leader"] else f"{row['leader']}; {aname}"
        elif role == "deputy_leader":
            row["deputy_leaders"].append(aname)
        elif role == "next_leader":
            row["next_leader"], row["next_leader_year"] = aname, lead_year
        if agid in aidset:
            row["agency_roles"].append(role)
    return out


def query_awards(db: sqlite_utils.Database, year=None, award=None, agency=None, province=None, status=None,
                 with_predecessors: bool = False, limit: int | None = None) -> list[dict]:
    """Award outcomes: one row per (year, award, recipient); `status` is the furthest step reached
    (registered → proposed → conferred), `steps` all of them; the status filter tests the outcome."""
    conn = db.conn
    y = filters.year(year)
    st = filters.status(status)
    provs = filters.provinces(province, with_predecessors)
    keys = filters.award_keys(conn, award)
    aids = filters.agency_ids(conn, agency, with_predecessors)
    if keys == []:
        return []
    where, params = ["1"], []
    if y is not None:
        where.append("w.year = ?")
        params.append(y)
    if keys:
        c, p = in_clause("w.award_key", keys)
        where.append(c)
        params += p
    if agency:
        fkey = names.filter_key(agency)
        c, p = in_clause("w.recipient_agency_id", aids or [-1])
        where.append(f"({c} OR w.recipient_key = ?)")  # a person recipient by name
        params += p + [fkey]
    if provs:
        c, p = in_clause("w.province", provs)
        where.append(c)
        params += p
    if st:
        where.append("w.status = ?")
        params.append(st)
    sql = (f"SELECT w.id, w.year, w.award, w.recipient, w.province, w.status FROM awards w "
           f"WHERE {' AND '.join(where)} ORDER BY w.year, w.award, w.recipient")
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = conn.execute(sql, params).fetchall()
    if not rows:
        return []
    steps: dict[int, list[tuple[str, list[str], int]]] = {}
    for wid, stname, n, urls in conn.execute(
            "SELECT st.award_id, st.status, st.sources, st.urls FROM json_each(?) j "
            "JOIN award_steps st ON st.award_id = j.value ORDER BY st.award_id, st.rank",
            (json.dumps(sorted(r[0] for r in rows)),)):  # in id order: neighbours share pages
        steps.setdefault(wid, []).append((stname, urls.split("\x1f") if urls else [], n or 0))
    out = []
    for wid, yr, aw, rec, prov, status_ in rows:
        ss = steps.get(wid, [])
        best = [s for s in ss if s[0] == status_]
        out.append({"year": yr, "award": aw, "recipient": rec, "province": prov, "status": status_,
                    "steps": [s[0] for s in ss], "article_urls": best[0][1] if best else [],
                    "sources": sum(s[2] for s in ss),
                    "step_sources": {s[0]: s[1] for s in ss}})
    return out


def query_meetings(db: sqlite_utils.Database, year=None, bloc=None, kind=None, since=None, until=None,
                   place=None, province=None, with_predecessors: bool = False,
                   agency=None, limit: int | None = None) -> list[dict]:
    """Meetings (one per bloc, kind and date across sites), by date."""
    conn = db.conn
    y = filters.year(year)
    k = filters.meeting_kind(kind)
    s = filters.iso_date(since, "--since")
    u = filters.iso_date(until, "--until")
    provs = filters.provinces(province, with_predecessors)
    bids = filters.bloc_ids(conn, bloc)
    aids = filters.agency_ids(conn, agency, with_predecessors)
    if bids == [] or aids == []:
        return []
    where, params = ["1"], []
    if y is not None:
        where.append("m.year = ?")
        params.append(y)
    if k:
        where.append("m.kind = ?")
        params.append(k)
    if s:
        where.append("m.date >= ?")
        params.append(s)
    if u:
        where.append("m.date <= ?")
        params.append(u)
    if bids:
        c, p = in_clause("m.bloc_id", bids)
        where.append(c)
        params += p
    if aids:  # meetings of the blocs the agency belonged to that year: from its memberships, not
        # a test of every meeting (idx_memberships_agency, then idx_meetings_bloc_year)
        c, p = in_clause("ms.agency_id", aids)
        where.append(f"m.id IN (SELECT m2.id FROM memberships ms JOIN meetings m2 ON m2.bloc_id = ms.bloc_id "
                     f"AND m2.year = ms.year WHERE {c})")
        params += p
    if place:
        where.append("instr(' ' || m.location_key || ' ', ?) > 0")
        params.append(f" {names.filter_key(place)} ")
    if provs:
        c, p = in_clause("b.province", provs)
        locs = " OR ".join("instr(' ' || m.location_key || ' ', ?) > 0" for _ in provs)
        where.append(f"({c} OR {locs})")
        params += p + [f" {names.key(pv)} " for pv in provs]
    sql = (f"SELECT m.id, m.date, m.kind, b.name, m.location, m.period, m.year, b.province, b.parent FROM meetings m "
           f"LEFT JOIN blocs b ON b.id = m.bloc_id WHERE {' AND '.join(where)} "
           f"ORDER BY m.date IS NULL, m.date, m.year, b.name")
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = conn.execute(sql, params).fetchall()
    if not rows:
        return []
    urls = _urls(conn, "meeting_sources", [r[0] for r in rows])
    # the first-reported article's title: one article row per meeting (its sources are in article
    # order), not every source's article (ten rows of long texts a meeting, most of a query's time)
    titles = dict(conn.execute(
        "SELECT j.value, (SELECT a.title FROM meeting_sources s JOIN articles a ON a.id = s.article_id "
        "WHERE s.fact_id = j.value AND a.title IS NOT NULL ORDER BY s.article_id LIMIT 1) FROM json_each(?) j",
        (json.dumps([r[0] for r in rows]),)))
    out = []
    for mid, date, kind_, bname, loc, period, yr, prov, parent in rows:
        uu, n = urls.get(mid, ([], 0))
        out.append({"date": date, "kind": kind_, "bloc": bname, "location": loc, "period": period, "year": yr,
                    "province": prov, "title": titles.get(mid), "article_urls": uu, "sources": n,
                    "parent": parent})
    return out


def query_figures(db: sqlite_utils.Database, agency=None, province=None, year=None,
                  with_predecessors: bool = False, limit: int | None = None) -> list[dict]:
    """Figures reported by or about an agency: `link` is `text` when the agency is named just before
    the figure in its paragraph, `article` when the figure's article is about the agency."""
    conn = db.conn
    y = filters.year(year)
    provs = filters.provinces(province, with_predecessors)
    aids = filters.agency_ids(conn, agency, with_predecessors)
    if aids == []:
        return []
    where, params = ["1"], []
    if aids:
        c1, p1 = in_clause("f.agency_id", aids)
        c2, p2 = in_clause("aa.agency_id", aids)
        where.append(f"({c1} OR (f.agency_id IS NULL AND f.article_id IN "
                     f"(SELECT aa.article_id FROM article_agencies aa WHERE {c2})))")
        params += p1 + p2
    if provs:
        # the figures of the province's articles, and those of its agencies: each arm by its own
        # index (figures(province, year), then agencies(province) → figures(agency_id)); an OR of
        # the two would walk every figure of the year
        c1, p1 = in_clause("f1.province", provs)
        c2, p2 = in_clause("a2.province", provs)
        yc = " AND f1.year = ?" if y is not None else ""
        yc2 = " AND f2.year = ?" if y is not None else ""
        yp = [y] if y is not None else []
        where.append(f"f.id IN (SELECT f1.id FROM figures f1 WHERE {c1}{yc} UNION ALL SELECT f2.id FROM agencies a2 "
                     f"JOIN figures f2 ON f2.agency_id = a2.id WHERE {c2}{yc2})")
        params += p1 + yp + p2 + yp
    if y is not None:
        where.append("f.year = ?")
        params.append(y)
    sql = (f'SELECT f.article_id, ar.url, ar.title, ar.published, f.value, f.unit, f.text, f.start, f."end", '
           f"ag.name, f.agency_id, f.province, f.year FROM figures f JOIN articles ar ON ar.id = f.article_id "
           f"LEFT JOIN agencies ag ON ag.id = f.agency_id WHERE {' AND '.join(where)} "
           f"ORDER BY f.year, f.article_id, f.start, f.id")
    if limit:
        sql += f" LIMIT {int(limit)}"
    out = []
    aidset = set(aids or [])
    for r in conn.execute(sql, params):
        out.append({"article_id": r[0], "article_url": r[1], "title": r[2], "published": r[3], "value": r[4],
                    "unit": r[5], "text": r[6], "start": r[7], "end": r[8], "agency": r[9],
                    "province": r[11], "year": r[12],
                    "link": ("text" if r[10] in aidset else "article") if aidset else ("text" if r[10] else None)})
    return out


def agency_profile(db: sqlite_utils.Database, name: str) -> dict:
    """One agency: its blocs and roles by year, awards, meetings, people, and province lineage."""
    conn = db.conn
    ids = filters.agency_ids(conn, name)
    if not ids:
        raise NotFound(f"no agency matching {name!r} in the knowledge base")
    rows = [conn.execute("SELECT id, name, province, kind FROM agencies WHERE id = ?", (i,)).fetchone() for i in ids]
    fkey = names.filter_key(name)
    rows.sort(key=lambda r: (names.key(r[1]) != fkey, len(r[1]), r[1]))
    aid, aname, prov, kind = rows[0]
    aliases = [r[0] for r in conn.execute("SELECT alias FROM agency_aliases WHERE agency_id = ? ORDER BY alias", (aid,))
               if r[0] != aname]
    lineage = names.lineage(prov) if prov else None
    related: dict[str, list[str]] = {"predecessors": [], "successor": []}
    if prov:
        for j in filters._with_predecessor_agencies(conn, [aid]):
            if j != aid:
                related["predecessors"].append(conn.execute("SELECT name FROM agencies WHERE id = ?", (j,)).fetchone()[0])
        if lineage and lineage.get("merged_into"):
            succ = lineage["merged_into"]
            k = names.key(aname).replace(names.key(prov), names.key(succ))
            for (n,) in conn.execute("SELECT name FROM agencies WHERE key IN (?, ?, ?)",
                                     (k, k.replace("tinh ", "thanh pho "), k.replace("thanh pho ", "tinh "))):
                related["successor"].append(n)
    if lineage is not None:
        lineage = {**lineage, "predecessor_agencies": related["predecessors"],
                   "successor_agencies": related["successor"]}
    blocs: dict[tuple, dict] = {}
    # keyed by bloc id, not name: two parents' `Cụm thi đua số II` are two blocs
    for bid, bname, parent, yr, role, lead_year in conn.execute(
            "SELECT b.id, b.name, b.parent, m.year, m.role, m.lead_year FROM memberships m "
            "JOIN blocs b ON b.id = m.bloc_id WHERE m.agency_id = ? ORDER BY m.year, b.name, b.id", (aid,)):
        e = blocs.setdefault((bid, yr), {"bloc": bname, "parent": parent, "year": yr, "roles": []})
        e["roles"].append(role if role != "next_leader" else f"next_leader ({lead_year})")
    people = [{"name": n, "title": t, "sources": c} for n, t, c in conn.execute(
        "SELECT p.name, p.title, (SELECT count(*) FROM people_sources s WHERE s.fact_id = p.id) FROM people p "
        "WHERE p.agency_id = ? ORDER BY p.name", (aid,))]
    articles = conn.execute("SELECT count(*) FROM article_agencies WHERE agency_id = ?", (aid,)).fetchone()[0]
    return {
        "name": aname, "province": prov, "kind": kind, "aliases": aliases,
        "other_matches": [r[1] for r in rows[1:]],
        "lineage": lineage,
        "blocs": list(blocs.values()),
        "awards": query_awards(db, agency=aname),
        "meetings": query_meetings(db, agency=aname, limit=200),
        "people": people,
        "articles": articles,
    }


def summary(db: sqlite_utils.Database) -> dict:
    """How much the knowledge base holds."""
    conn = db.conn
    tables = {"articles": "articles", "pages": "pages", "agencies": "agencies", "blocs": "blocs",
              "memberships": "memberships", "meetings": "meetings", "awards": "awards", "figures": "figures",
              "people": "people", "documents": "documents"}
    return {label: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for label, t in tables.items()}
