"""Loading one article's extraction object (CONTRACT §2) into the knowledge base.

Each article is one transaction (in a bulk load, one undoable share): its previous facts' sources are
removed, facts left with no source are deleted, then its current facts are resolved and
attached. Facts are shared: the same meeting reported by three sites is one `meetings` row with
three `meeting_sources` rows.

Loading runs in two passes. This module decides every row, resolving each fact against the
connection's cache (or, when the cache does not know it, one lookup by its unique key) and
giving a new fact its id; writes.py holds the rows and writes them in batches.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
import sqlite3
import time
from urllib.parse import urlsplit

import sqlite_utils

from . import names, resolve, writes
from .db import settle_checkpoints
from .describe import index_meeting, meeting_description
from .errors import KBError
from .unload import delete_article_facts_conn, prune_entities
from .writes import Writes

STATUS_RANK = {"registered": 1, "proposed": 2, "conferred": 3}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date(value) -> str | None:
    """An ISO date or None: malformed dates from an extractor are dropped, not stored."""
    if not value:
        return None
    value = str(value)[:10]
    if not _ISO.match(value):
        return None
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return None
    return value


def _int(value) -> int | None:
    try:
        return int(value) if value is not None and value != "" else None
    except (TypeError, ValueError):
        return None


def _span(fact: dict) -> tuple[int | None, int | None]:
    return _int(fact.get("start")), _int(fact.get("end"))


def load_article(db: sqlite_utils.Database, *, url: str, text: str | None, extraction: dict,
                 title: str | None = None, published: str | None = None, site: str | None = None,
                 fetched_at: str | None = None, page_url: str | None = None) -> int:
    """Insert or replace one article and its facts; returns the article id.

    `extraction` is CONTRACT §2's object plus `province` (the article's province or null).
    Re-loading a URL replaces only that article's facts, in one transaction.
    """
    if not url:
        raise KBError("an article needs a url")
    if not isinstance(extraction, dict):
        raise KBError(f"extraction for {url} is not an object")
    conn = db.conn
    w = writes.current(conn)
    if w is not None:  # in a bulk load (writes.transaction)
        return _load_in_bulk(conn, w, url=url, text=text, extraction=extraction, title=title, published=published,
                             site=site, fetched_at=fetched_at, page_url=page_url)
    nested = conn.in_transaction
    if not nested:
        settle_checkpoints(conn)
    conn.execute("SAVEPOINT load_article" if nested else "BEGIN IMMEDIATE")
    if not nested:
        resolve.check_cache(conn)
    w = writes.begin(conn)  # this article's rows are written before it commits
    try:
        aid = _load(conn, w, url=url, text=text, extraction=extraction, title=title, published=published,
                    site=site, fetched_at=fetched_at, page_url=page_url)
        w.flush()
    except BaseException:
        writes.end(conn)
        if nested:
            conn.execute("ROLLBACK TO load_article")
            conn.execute("RELEASE load_article")
        else:
            conn.execute("ROLLBACK")
        resolve.clear_cache(conn)
        raise
    writes.end(conn)
    conn.execute("RELEASE load_article" if nested else "COMMIT")
    return aid


def _load_in_bulk(conn: sqlite3.Connection, w: Writes, **article) -> int:
    """One article of a bulk load: its rows are held with the batch's; a failure undoes only
    this article (its held rows, and its statements if it issued any)."""
    w.begin_article()
    try:
        aid = _load(conn, w, **article)
    except BaseException:
        w.end_article(ok=False)
        # the cache may name facts only this article held: write what the earlier articles
        # hold, so that the cache can be refilled from the database
        w.flush()
        resolve.clear_cache(conn)
        raise
    w.end_article(ok=True)
    return aid


_HOST = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://([A-Za-z0-9.-]+)(?=[:/?#]|$)")


def _host(url: str) -> str | None:
    m = _HOST.match(url)  # the plain `scheme://host/…` (urlsplit costs more than the article's facts)
    return m.group(1).lower() if m else urlsplit(url).hostname


@functools.lru_cache(maxsize=1)
def _timestamp(second: int) -> str:
    return _dt.datetime.fromtimestamp(second, _dt.UTC).isoformat(timespec="seconds")


def _now() -> str:
    return _timestamp(int(time.time()))  # formatted once a second, not once an article


def _article_year(published: str | None, ex: dict) -> int | None:
    if published:
        return int(published[:4])
    years = [_int(b.get("year")) for b in ex.get("blocs") or []]
    years += [_int(a.get("year")) for a in ex.get("awards") or []]
    years = [y for y in years if y]
    return max(set(years), key=years.count) if years else None


def _load(conn: sqlite3.Connection, w: Writes, *, url, text, extraction, title, published, site, fetched_at,
          page_url) -> int:
    ex = extraction
    text = names.nfc_text(text)
    title = names.nfc(title or ex.get("title"))
    published = _date(published or ex.get("published"))
    province = names.province_name(ex.get("province"))
    site = site or _host(url)
    year = _article_year(published, ex)
    now = _now()
    source = ex.get("source")
    ld = _Loader(conn, w, province, year)
    aid = ld.facts.get(("a", url))  # loaded earlier through this connection (held or written)
    if aid is None and not ld.complete("articles"):
        row = conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
        aid = row[0] if row else None
    stale: tuple[set[int], set[int]] | None = None
    if aid is None:
        aid = w.new_id("articles")
        w.add_one("articles", (aid, url, title, published, site, province, text, fetched_at, page_url, source,
                               year, now))
        ld.facts[("a", url)] = aid
    else:
        w.flush()  # the earlier version's rows may be held
        stale = delete_article_facts_conn(conn, aid, prune=False)
        ld.facts = ld.cache.setdefault("facts", {})  # that dropped the cached facts
        conn.execute(
            "UPDATE articles SET title=?, published=?, site=?, province=?, text=?, fetched_at=?, "
            "page_url=?, source=?, year=?, loaded_at=? WHERE id=?",
            (title, published, site, province, text, fetched_at, page_url, source, year, now, aid),
        )
    ld.aid = aid
    folded = names.fold(text)
    w.add_one("articles_fts", (aid, title, text, names.fold(title), folded))

    for raw in ex.get("agencies") or []:
        ld.agency(raw)

    # blocs, their year, members and roles
    bloc_ids: dict[str, int] = {}
    for b in ex.get("blocs") or []:
        bid = resolve.bloc_id(conn, b.get("name"), b.get("parent"), province)
        if bid is None:
            continue
        bloc_ids[resolve.bloc_base_key(names.nfc(b["name"]))] = bid
        by = _int(b.get("year")) or year
        span = _span(b)
        count = _int(b.get("member_count"))
        fid = ld.fact("bloc_years", ("by", bid, by), count)
        ld.source("bloc_year_sources", fid, span)
        roles = [(m, "member", None) for m in b.get("members") or []]
        roles.append((b.get("leader"), "leader", None))
        roles += [(d, "deputy_leader", None) for d in b.get("deputy_leaders") or []]
        nl = b.get("next_leader")
        next_year = by + 1 if by else None
        if isinstance(nl, dict):
            next_year = _int(nl.get("year")) or next_year
            roles.append((nl.get("agency"), "next_leader", next_year))
        elif isinstance(nl, str):
            roles.append((nl, "next_leader", next_year))
        ld.roles(bid, by, roles, span)
        # deputies named with next year's leader (an extra key, CONTRACT §2) are next year's
        # deputy leaders; that year's bloc-year is reported too, so query_blocs shows them
        nexts = [d.get("agency") if isinstance(d, dict) else d for d in b.get("next_deputy_leaders") or []]
        nexts = [d for d in nexts if isinstance(d, str) and d.strip()]
        if nexts and next_year:
            fid = ld.fact("bloc_years", ("by", bid, next_year))
            ld.source("bloc_year_sources", fid, span)
            ld.roles(bid, next_year, [(raw, "deputy_leader", None) for raw in nexts], span)

    for m in ex.get("meetings") or []:
        _load_meeting(ld, m, bloc_ids, title)

    for a in ex.get("awards") or []:
        _load_award(ld, a)

    for p in ex.get("people") or []:
        pname = names.nfc(p.get("name"))
        if not pname:
            continue
        ag = ld.agency(p.get("agency"))
        ptitle = names.nfc(p.get("title"))
        k = f"{names.key(pname)}|{ag or names.key(p.get('agency'))}|{names.key(ptitle)}"
        fid = ld.fact("people", ("p", k), row=(pname, ptitle, ag, names.nfc(p.get("agency")), k))
        ld.source("people_sources", fid, _span(p))

    for d in ex.get("documents") or []:
        number = names.nfc(d.get("number"))
        if not number:
            continue
        number = number.replace(" ", "")
        issuer = names.nfc(d.get("issuer"))
        ag = ld.agency(issuer) if issuer and resolve.looks_like_agency(issuer) else None
        ddate = _date(d.get("date"))
        k = f"{names.key(number)}|{ddate or ''}|{ag or names.key(issuer)}"
        dkind = names.nfc(d.get("kind"))
        fid = ld.fact("documents", ("d", k), dkind, row=(number, dkind, ddate, issuer, ag, k))
        ld.source("document_sources", fid, _span(d))

    w.add("article_agencies", [(aid, a) for a in sorted(ld.mentioned)])
    _load_figures(ld, ex.get("figures") or [], text, folded)
    if stale:  # only now: entities this version still names keep their ids
        w.flush()
        prune_entities(conn, *stale)
    return aid


# how a fact the cache does not know is found in the database: by its unique key (a NULL year
# is a value here, so an undated fact is not repeated), with the column a later report may fill
_LOOKUP = {
    "bloc_years": "SELECT id, member_count FROM bloc_years WHERE bloc_id = ? AND year IS ?",
    "memberships": "SELECT id, lead_year FROM memberships WHERE bloc_id = ? AND year IS ? AND agency_id = ? "
                   "AND role = ?",
    "people": "SELECT id, NULL FROM people WHERE dedup_key = ?",
    "documents": "SELECT id, kind FROM documents WHERE dedup_key = ?",
}


class _Loader:
    """One article's load: resolves entities and facts (cached across articles), holds sources."""

    def __init__(self, conn: sqlite3.Connection, w: Writes, province: str | None, year: int | None):
        self.conn, self.w, self.province, self.year = conn, w, province, year
        self.aid = 0  # the article's id, once known
        self.cache = resolve.cache(conn)
        self.facts = self.cache.setdefault("facts", {})
        self.raw_agencies = self.cache["agency_raw"]
        self.agency_rows = self.cache["agency_row"]
        self.needles = self.cache["needles"]
        self.add = w.add_one
        self.mentioned: set[int] = set()

    def agency(self, raw) -> int | None:
        # the resolver's own cache, looked up here first: an article names ~20 agencies
        i = self.raw_agencies.get((raw, self.province)) if isinstance(raw, str) else None
        if i is None:
            i = resolve.agency_id(self.conn, raw, self.province)
        if i:
            self.mentioned.add(i)
        return i

    def fact(self, table: str, key: tuple, fill=None, row: tuple | None = None) -> int:
        """The id of a fact in `table`: cached, found, or new (its `row` is held). `key` is a tag
        and the values of the table's unique columns; `fill` a value (member count, lead year…)
        the fact takes if it has none yet. The row is by default the key's values and `fill`."""
        # (id, has the fill value): tuples, which the garbage collector stops tracking, not lists
        # it would walk on every full collection (the cache holds hundreds of thousands)
        hit = self.facts.get(key)
        if hit is None:
            unique = key[1:]
            found = None if self.complete(table) else self.conn.execute(_LOOKUP[table], unique).fetchone()
            if found:
                hit = (found[0], found[1] is not None)
            else:
                fid = self.w.new_id(table)
                self.w.add_one(table, (fid, *(row or (*unique, fill))))
                hit = (fid, fill is not None)
            self.facts[key] = hit
        if fill is not None and not hit[1]:
            self.w.add_one("fill " + table, (fill, hit[0]))
            hit = self.facts[key] = (hit[0], True)
        return hit[0]

    def complete(self, table: str) -> bool:
        """The cache holds every row of `table`, so a fact it does not know is new: true once the
        table was seen empty with nothing held for it, as every row added since is cached. Kept
        with the facts, so it goes when they are dropped (a reload, a failed load, another
        connection's commit: resolve.check_cache)."""
        flag = self.facts.get(("complete", table))
        if flag is None:
            empty = self.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None
            flag = self.facts["complete", table] = empty and table not in self.w.new_from
        return flag

    def source(self, table: str, fid: int, span: tuple) -> None:
        self.add(table, (fid, self.aid, span[0], span[1]))

    def roles(self, bid: int, year: int | None, roles: list[tuple], span: tuple) -> None:
        """A bloc-year's members, leader, deputies…: (agency as written, role, lead year) each.
        The article's busiest loop (a bloc names ten or more bodies), so its steps are inline."""
        agency, fact, add, aid = self.agency, self.fact, self.add, self.aid
        for raw, role, lead_year in roles:
            ag = agency(raw)
            if ag is not None:
                fid = fact("memberships", ("m", bid, year, ag, role), lead_year)
                add("membership_sources", (fid, aid, span[0], span[1]))


def _load_meeting(ld: _Loader, m: dict, bloc_ids: dict, title) -> None:
    conn = ld.conn
    kind = m.get("kind") or "other"
    bname = m.get("bloc")
    bid = None
    if bname:
        bid = bloc_ids.get(resolve.bloc_base_key(names.nfc(bname)))
        if bid is None:
            bid = resolve.bloc_id(conn, bname, None, ld.province)
    date = _date(m.get("date"))
    period = names.nfc(m.get("period"))
    myear = int(date[:4]) if date else None
    if myear is None and period:
        found = re.findall(r"\b(19\d\d|20\d\d)\b", period)
        myear = int(found[-1]) if found else None
    myear = myear or ld.year
    location = names.nfc(m.get("location"))
    if location:  # `Trụ sở Thanh tra tỉnh` → the article's province
        location = names.fill_province(location, ld.province)
    k = _meeting_key(bid, kind, date, period, myear)
    cached = ld.facts.get(("mt", k))
    if cached is not None and (not location or cached[1]):
        ld.source("meeting_sources", cached[0], _span(m))
        return
    w = ld.w
    mid = cached[0] if cached is not None else _find_meeting(ld, bid, kind, date, period, myear)
    if mid is not None:
        if w.is_new("meetings", mid):
            w.flush()  # its row is read, and may be completed, below
        row = conn.execute("SELECT location, date FROM meetings WHERE id = ?", (mid,)).fetchone()
        has_loc = bool(row[0] or location)
        if (location and not row[0]) or (date and not row[1]):
            loc = row[0] or location
            conn.execute("UPDATE meetings SET location = ?, location_key = ?, date = coalesce(date, ?), "
                         "dedup_key = CASE WHEN date IS NULL AND ? IS NOT NULL THEN ? ELSE dedup_key END "
                         "WHERE id = ?", (loc, names.key(loc), date, date, k, mid))
            index_meeting(conn, mid)
            if date and not row[1]:  # it is dated now
                _cache_meeting_year(ld, bid, kind, myear, mid, True)
    else:
        # a new meeting is described from what this article says (its first source)
        has_loc = bool(location)
        desc = meeting_description(kind, resolve.bloc_name(conn, bid) if bid else None, period, location, date, title)
        mid = w.new_id("meetings")
        w.add_one("meetings", (mid, bid, kind, date, myear, location, names.key(location), period, k, desc))
        w.add_one("meetings_fts", (mid, desc, names.fold(desc)))
        _cache_meeting_year(ld, bid, kind, myear, mid, date is not None)
    ld.facts[("mt", k)] = (mid, has_loc)
    ld.source("meeting_sources", mid, _span(m))


def _meeting_key(bid, kind, date, period, year) -> str:
    # one meeting per (bloc, kind, date) across sites; undated ones by period (or year) instead
    return f"{bid or ''}|{kind}|{date}" if date else f"{bid or ''}|{kind}|p:{names.key(period) or year}"


def _find_meeting(ld: _Loader, bid, kind, date, period, year) -> int | None:
    # every meeting this connection added is cached (by key, and by bloc, kind and year): when it
    # has seen the table empty, a meeting it does not know is new, with no look-up
    complete = ld.complete("meetings")
    if not complete:
        row = ld.conn.execute("SELECT id FROM meetings WHERE dedup_key = ?",
                              (_meeting_key(bid, kind, date, period, year),)).fetchone()
        if row:
            return row[0]
    if kind == "other" or bid is None or year is None:
        return None
    # a bloc holds one review / pledge signing of a kind a year: an undated report of it is the
    # dated one (or becomes it) when that is the only candidate, written or held
    ids = {mid for mid, dated in ld.facts.get(("mk", bid, kind, year), ()) if dated != (date is not None)}
    if not complete:
        ids.update(r[0] for r in ld.conn.execute(
            "SELECT id FROM meetings WHERE bloc_id = ? AND kind = ? AND year = ? AND date IS "
            + ("NULL" if date else "NOT NULL") + " LIMIT 2", (bid, kind, year)))
    return ids.pop() if len(ids) == 1 else None


def _cache_meeting_year(ld: _Loader, bid, kind, year, mid: int, dated: bool) -> None:
    """Cache a meeting by bloc, kind and year, with whether it is dated (see _find_meeting)."""
    key = ("mk", bid, kind, year)
    ld.facts[key] = (*(e for e in ld.facts.get(key, ()) if e[0] != mid), (mid, dated))


def _load_award(ld: _Loader, a: dict) -> None:
    conn = ld.conn
    award = names.nfc(names.expand_abbreviations(a.get("award") or ""))
    recipient_raw = a.get("recipient")
    if not award or not recipient_raw:
        return
    rid = ld.agency(recipient_raw) if resolve.looks_like_agency(recipient_raw) else None
    if rid:
        recipient, rprov = ld.agency_rows.get(rid) or resolve.agency_row(conn, rid)
    else:
        recipient, rprov = names.nfc(recipient_raw), None
    ayear = _int(a.get("year")) or ld.year
    status = a.get("status") or "conferred"
    if not isinstance(status, str):
        raise KBError(f"award status {status!r} is not text")
    rank = STATUS_RANK.get(status, 0)
    akey, rkey = names.key(award), names.key(recipient)
    fkey = ("w", ayear, akey, rkey)
    w = ld.w
    hit = ld.facts.get(fkey)  # [id, rank of its furthest step]
    if hit is None:
        province = rprov or ld.province
        found = None if ld.complete("awards") else conn.execute(
            "SELECT id, status, province FROM awards WHERE year IS ? AND award_key = ? AND recipient_key = ?",
            (ayear, akey, rkey)).fetchone()
        if found:  # a known outcome: its status is the furthest of its steps (awards.status is kept so)
            wid, current, known_province = found
            if province and not known_province:
                w.add_one("fill awards", (province, wid))
        else:  # a new outcome has this step's status
            wid, current = w.new_id("awards"), status
            w.add_one("awards", (wid, ayear, award, akey, recipient, rkey, rid, province, status))
        hit = ld.facts[fkey] = (wid, STATUS_RANK.get(current, 0))
    wid = hit[0]
    step_key = ("ws", wid, status)
    sid = ld.facts.get(step_key)
    if sid is None:
        # (completeness asked first: it is only known if asked while the table is empty)
        found = None if ld.complete("award_steps") or w.is_new("awards", wid) else conn.execute(
            "SELECT id FROM award_steps WHERE award_id = ? AND status = ?", (wid, status)).fetchone()
        if found:
            sid = found[0]
        else:
            sid = w.new_id("award_steps")
            w.add_one("award_steps", (sid, wid, status, rank))
        ld.facts[step_key] = sid
        # a step past the furthest one moves the outcome on; the furthest rank is cached with the
        # facts (dropped with them on any reload), so a step behind it costs nothing
        if rank > hit[1]:
            w.add_one("award status", (status, wid))
            ld.facts[fkey] = (wid, rank)
    ld.source("award_step_sources", sid, _span(a))


def _load_figures(ld: _Loader, figures: list, text: str | None, folded: str) -> None:
    if not figures:
        return
    needles = _needles(ld) if text else []
    rows = []
    for f in figures:
        s, e = _span(f)
        ag = None
        if s and needles:
            # the nearest agency named before the figure in the same paragraph reported it (the
            # last mention starting before it: one reverse search per name, no scan of the text)
            para = text.rfind("\n", 0, s) + 1
            best = -1
            for n, a in needles:
                i = folded.rfind(n, para, s + len(n) - 1)
                if i > best or (i == best >= 0 and a > ag):
                    best, ag = i, a
        value = f.get("value")
        try:
            value = float(value) if value is not None else None
        except (TypeError, ValueError):
            value = None
        rows.append((ld.aid, value, names.nfc(f.get("unit")), names.nfc(f.get("text")), s, e, ag,
                     ld.province, ld.year))
    ld.w.add("figures", rows)


def _needles(ld: _Loader) -> list[tuple[str, int]]:
    """(folded name, agency) for every way the article's agencies are written."""
    out: list[tuple[str, int]] = []
    cached = ld.needles.get  # the resolver's own cache, looked up here first
    for aid in ld.mentioned:
        out += cached(aid) or resolve.agency_needles(ld.conn, aid)
    return out
