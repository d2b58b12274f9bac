"""Loading one article's extraction object (CONTRACT §2) into the knowledge base.

Each article is one transaction: its previous facts' sources are removed, facts left with no
source are deleted, then its current facts are resolved and attached. Facts are shared: the
same meeting reported by three sites is one `meetings` row with three `meeting_sources` rows.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import json
import operator
import re
import sqlite3
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

import sqlite_utils

from . import names, resolve
from .db import checkpoint_in_background, settle_checkpoints, wait_checkpoint
from .errors import KBError
from .migrations import SOURCE_TABLES

STATUS_RANK = {"registered": 1, "proposed": 2, "conferred": 3}
MEETING_LABELS = {
    "so_ket": "Hội nghị sơ kết",
    "tong_ket": "Hội nghị tổng kết",
    "ky_giao_uoc": "Ký kết giao ước thi đua",
    "phat_dong": "Phát động phong trào thi đua",
    "other": "Hội nghị",
}
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


# A bulk load (inside transaction()) holds the rows that are only ever appended (facts' sources,
# article agencies, figures, the articles' FTS rows) until the block ends, then writes each table
# once, in key order: one statement per table and batch instead of eight per article, B-tree
# inserts that stay on the same pages, and pages first written outside the per-article savepoints
# (so never copied to a savepoint journal). Whatever reads these tables mid-batch flushes first.
class _Bulk:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.pending: dict[str, list[tuple]] = {}
        # while an article loads: how much was pending before it, and (after a flush inside its
        # savepoint, which its rollback would undo) the earlier articles' rows to hold again
        self.marks: dict[str, int] | None = None
        self.restore: dict[str, list[tuple]] | None = None


_PENDING: dict[int, _Bulk] = {}
_KEY_ORDER = operator.itemgetter(0, 1)  # (fact or article id, article or agency id): the key
_APPEND_SQL = {t: f'INSERT OR IGNORE INTO {t} (fact_id, article_id, start, "end") VALUES (?,?,?,?)'
               for t in SOURCE_TABLES}
_APPEND_SQL.update({
    "article_agencies": "INSERT OR IGNORE INTO article_agencies VALUES (?, ?)",
    "figures": 'INSERT INTO figures (article_id, value, unit, text, start, "end", agency_id, province, year) '
               "VALUES (?,?,?,?,?,?,?,?,?)",
    "articles_fts": "INSERT INTO articles_fts (rowid, title, text, title_folded, text_folded) VALUES (?,?,?,?,?)",
    "meetings_fts": "INSERT INTO meetings_fts (rowid, description, description_folded) VALUES (?,?,?)",
})


def _bulk(conn: sqlite3.Connection) -> _Bulk | None:
    b = _PENDING.get(id(conn))
    return b if b is not None and b.conn is conn else None


def _append(conn: sqlite3.Connection, table: str, rows: list[tuple]) -> None:
    b = _bulk(conn)
    if b is None:
        _write(conn, table, rows)
    else:
        b.pending.setdefault(table, []).extend(rows)


# award_steps keep their number of sources and first MAX_URLS source urls (the award questions
# list every step's sources; counting and looking them up per step at query time was most of
# a province's awards query). Refreshed for the steps whose sources were written or removed.
MAX_URLS = 5
_STEP_SOURCES_SQL = (
    "UPDATE award_steps SET sources = (SELECT count(*) FROM award_step_sources s WHERE s.fact_id = award_steps.id), "
    "urls = (SELECT group_concat(url, char(31)) FROM (SELECT a.url FROM award_step_sources s JOIN articles a "
    f"ON a.id = s.article_id WHERE s.fact_id = award_steps.id ORDER BY s.article_id LIMIT {MAX_URLS})) "
    "WHERE id IN (SELECT value FROM json_each(?))")


def refresh_step_sources(conn: sqlite3.Connection, step_ids: Iterable[int]) -> None:
    ids = sorted(set(step_ids))
    if ids:
        conn.execute(_STEP_SOURCES_SQL, (json.dumps(ids),))


def _write(conn: sqlite3.Connection, table: str, rows: list[tuple]) -> None:
    conn.executemany(_APPEND_SQL[table], rows)
    if table == "award_step_sources":
        refresh_step_sources(conn, (r[0] for r in rows))


def flush_pending(conn: sqlite3.Connection) -> None:
    """Write a bulk load's held rows now (before anything reads those tables)."""
    b = _bulk(conn)
    if b is None or not any(b.pending.values()):
        return
    if b.marks is not None and b.restore is None:
        b.restore = {t: rows[:b.marks.get(t, 0)] for t, rows in b.pending.items()}
    for table, rows in b.pending.items():
        if table != "figures":  # figures keep the order stated (their ids); stable: first span wins
            rows.sort(key=_KEY_ORDER)
        _write(conn, table, rows)
    b.pending = {}


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """One transaction around several loads (each load then runs in a savepoint): bulk loading.
    Appended rows are written when the block ends (see _PENDING)."""
    conn = db.conn
    wait_checkpoint(conn)  # the last batch's: done by now, so this commit starts the WAL over
    conn.execute("BEGIN IMMEDIATE")
    _PENDING[id(conn)] = _Bulk(conn)
    try:
        yield
        flush_pending(conn)
    except BaseException:
        _PENDING.pop(id(conn), None)
        conn.execute("ROLLBACK")
        resolve.clear_cache(conn)
        raise
    _PENDING.pop(id(conn), None)
    # no inline checkpoint on this commit (autocheckpoint 0 for it): a thread runs it (db.py)
    (ckpt,) = conn.execute("PRAGMA wal_autocheckpoint").fetchone()
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        conn.execute("COMMIT")
    finally:
        conn.execute(f"PRAGMA wal_autocheckpoint = {int(ckpt)}")
    if ckpt:
        checkpoint_in_background(conn)


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
    nested = conn.in_transaction
    if not nested:
        settle_checkpoints(conn)
    conn.execute("SAVEPOINT load_article" if nested else "BEGIN IMMEDIATE")
    b = _bulk(conn)
    if b is not None:
        b.marks, b.restore = {t: len(rows) for t, rows in b.pending.items()}, None
    try:
        aid = _load(conn, url=url, text=text, extraction=extraction, title=title, published=published,
                    site=site, fetched_at=fetched_at, page_url=page_url)
    except BaseException:
        if b is not None:  # hold the earlier articles' rows again, drop this one's
            if b.restore is not None:
                b.pending = b.restore
            else:
                for t, rows in b.pending.items():
                    del rows[b.marks.get(t, 0):]
            b.marks = b.restore = None
        if nested:
            conn.execute("ROLLBACK TO load_article")
            conn.execute("RELEASE load_article")
        else:
            conn.execute("ROLLBACK")
        resolve.clear_cache(conn)
        raise
    conn.execute("RELEASE load_article" if nested else "COMMIT")
    if b is not None:
        b.marks = b.restore = None
    return aid


def _article_year(published: str | None, ex: dict) -> int | None:
    if published:
        return int(published[:4])
    years = [_int(b.get("year")) for b in ex.get("blocs") or []]
    years += [_int(a.get("year")) for a in ex.get("awards") or []]
    years = [y for y in years if y]
    return max(set(years), key=years.count) if years else None


def _load(conn: sqlite3.Connection, *, url, text, extraction, title, published, site, fetched_at,
          page_url) -> int:
    ex = extraction
    text = names.nfc_text(text)
    title = names.nfc(title or ex.get("title"))
    published = _date(published or ex.get("published"))
    province = names.province_name(ex.get("province"))
    site = site or urlsplit(url).hostname
    year = _article_year(published, ex)
    now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
    # a new url (the usual case) is one statement: the insert returns its id, a known url nothing
    row = conn.execute(
        "INSERT INTO articles (url, title, published, site, province, text, fetched_at, page_url, "
        "source, year, loaded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (url) DO NOTHING RETURNING id",
        (url, title, published, site, province, text, fetched_at, page_url, ex.get("source"), year, now),
    ).fetchone()
    stale: tuple[set[int], set[int]] | None = None
    if row:
        aid = row[0]
    else:
        aid = conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()[0]
        flush_pending(conn)
        stale = delete_article_facts_conn(conn, aid, prune=False)
        conn.execute(
            "UPDATE articles SET title=?, published=?, site=?, province=?, text=?, fetched_at=?, "
            "page_url=?, source=?, year=?, loaded_at=? WHERE id=?",
            (title, published, site, province, text, fetched_at, page_url, ex.get("source"), year, now, aid),
        )
    folded = names.fold(text)
    _append(conn, "articles_fts", [(aid, title, text, names.fold(title), folded)])
    ld = _Loader(conn, aid, province, year)

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
        fid = ld.fact(("by", bid, by), count is not None,
                      "INSERT INTO bloc_years (bloc_id, year, member_count) VALUES (?,?,?) "
                      "ON CONFLICT (bloc_id, year) DO UPDATE SET member_count = "
                      "coalesce(bloc_years.member_count, excluded.member_count) RETURNING id", (bid, by, count))
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
        for raw, role, lead_year in roles:
            _load_role(ld, bid, by, raw, role, lead_year, span)
        # deputies named with next year's leader (an extra key, CONTRACT §2) are next year's
        # deputy leaders; that year's bloc-year is reported too, so query_blocs shows them
        nexts = [d.get("agency") if isinstance(d, dict) else d for d in b.get("next_deputy_leaders") or []]
        nexts = [d for d in nexts if isinstance(d, str) and d.strip()]
        if nexts and next_year:
            fid = ld.fact(("by", bid, next_year), False,
                          "INSERT INTO bloc_years (bloc_id, year) VALUES (?,?) ON CONFLICT (bloc_id, year) "
                          "DO UPDATE SET year = excluded.year RETURNING id", (bid, next_year))
            ld.source("bloc_year_sources", fid, span)
            for raw in nexts:
                _load_role(ld, bid, next_year, raw, "deputy_leader", None, span)

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
        fid = ld.fact(("p", k), False, "INSERT INTO people (name, title, agency_id, agency, dedup_key) "
                      "VALUES (?,?,?,?,?) ON CONFLICT (dedup_key) DO UPDATE SET name = people.name RETURNING id",
                      (pname, ptitle, ag, names.nfc(p.get("agency")), k))
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
        fid = ld.fact(("d", k), False, "INSERT INTO documents (number, kind, date, issuer, issuer_agency_id, "
                      "dedup_key) VALUES (?,?,?,?,?,?) ON CONFLICT (dedup_key) DO UPDATE SET "
                      "kind = coalesce(documents.kind, excluded.kind) RETURNING id",
                      (number, names.nfc(d.get("kind")), ddate, issuer, ag, k))
        ld.source("document_sources", fid, _span(d))

    ld.flush()
    _append(conn, "article_agencies", [(aid, a) for a in sorted(ld.mentioned)])
    _load_figures(ld, ex.get("figures") or [], text, folded)
    if stale:  # only now: entities this version still names keep their ids
        flush_pending(conn)
        prune_entities(conn, *stale)
    return aid


def _load_role(ld: _Loader, bid: int, year: int | None, raw, role: str, lead_year: int | None,
               span: tuple) -> None:
    ag = ld.agency(raw)
    if ag is None:
        return
    fid = ld.fact(("m", bid, year, ag, role), lead_year is not None,
                  "INSERT INTO memberships (bloc_id, year, agency_id, role, lead_year) "
                  "VALUES (?,?,?,?,?) ON CONFLICT (bloc_id, year, agency_id, role) DO UPDATE "
                  "SET lead_year = coalesce(memberships.lead_year, excluded.lead_year) RETURNING id",
                  (bid, year, ag, role, lead_year))
    ld.source("membership_sources", fid, span)


class _Loader:
    """One article's load: resolves entities, finds/creates facts (cached), batches sources."""

    def __init__(self, conn: sqlite3.Connection, aid: int, province: str | None, year: int | None):
        self.conn, self.aid, self.province, self.year = conn, aid, province, year
        self.cache = resolve.cache(conn)
        self.facts = self.cache.setdefault("facts", {})
        self.filled = self.cache.setdefault("filled", set())
        self.raw_agencies = self.cache["agency_raw"]
        self.mentioned: set[int] = set()
        self.sources: dict[str, list[tuple]] = {}

    def agency(self, raw) -> int | None:
        # the resolver's own cache, looked up here first: an article names ~20 agencies
        i = self.raw_agencies.get((raw, self.province)) if isinstance(raw, str) else None
        if i is None:
            i = resolve.agency_id(self.conn, raw, self.province)
        if i:
            self.mentioned.add(i)
        return i

    def fact(self, key: tuple, has_value: bool, sql: str, params: tuple) -> int:
        """A fact's id from the cache, else from its upsert. A cached fact is upserted again only
        when this article brings a value (member count, lead year) the first report lacked."""
        fid = self.facts.get(key)
        if fid is None or (has_value and key not in self.filled):
            fid = self.conn.execute(sql, params).fetchone()[0]
            self.facts[key] = fid
            if has_value:
                self.filled.add(key)
        return fid

    def source(self, table: str, fid: int, span: tuple) -> None:
        self.sources.setdefault(table, []).append((fid, self.aid, span[0], span[1]))

    def flush(self) -> None:
        # the first evidence span wins when one article states the fact twice
        for table, rows in self.sources.items():
            _append(self.conn, table, rows)
        self.sources.clear()


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
    mid = _find_meeting(conn, bid, kind, date, period, myear)
    if mid is not None:
        row = conn.execute("SELECT location, date FROM meetings WHERE id = ?", (mid,)).fetchone()
        has_loc = bool(row[0] or location)
        if (location and not row[0]) or (date and not row[1]):
            loc = row[0] or location
            conn.execute("UPDATE meetings SET location = ?, location_key = ?, date = coalesce(date, ?), "
                         "dedup_key = CASE WHEN date IS NULL AND ? IS NOT NULL THEN ? ELSE dedup_key END "
                         "WHERE id = ?", (loc, names.key(loc), date, date, k, mid))
            _index_meeting(conn, mid)
    else:
        # a new meeting is described from what this article says (its first source), and its
        # search row goes with the bulk load's appended rows: an FTS insert inside the article's
        # savepoint was a segment of its own
        has_loc = bool(location)
        bname = conn.execute("SELECT name FROM blocs WHERE id = ?", (bid,)).fetchone() if bid else None
        desc = _meeting_description(kind, bname[0] if bname else None, period, location, date, title)
        mid = conn.execute(
            "INSERT INTO meetings (bloc_id, kind, date, year, location, location_key, period, dedup_key, "
            "description) VALUES (?,?,?,?,?,?,?,?,?)",
            (bid, kind, date, myear, location, names.key(location), period, k, desc),
        ).lastrowid
        _append(conn, "meetings_fts", [(mid, desc, names.fold(desc))])
    ld.facts[("mt", k)] = (mid, has_loc)
    ld.source("meeting_sources", mid, _span(m))


def _meeting_key(bid, kind, date, period, year) -> str:
    # one meeting per (bloc, kind, date) across sites; undated ones by period (or year) instead
    return f"{bid or ''}|{kind}|{date}" if date else f"{bid or ''}|{kind}|p:{names.key(period) or year}"


def _find_meeting(conn, bid, kind, date, period, year) -> int | None:
    row = conn.execute("SELECT id FROM meetings WHERE dedup_key = ?",
                       (_meeting_key(bid, kind, date, period, year),)).fetchone()
    if row:
        return row[0]
    if kind == "other" or bid is None or year is None:
        return None
    # a bloc holds one review / pledge signing of a kind a year: an undated report of it is the
    # dated one (or becomes it) when that is the only candidate
    rows = conn.execute(
        "SELECT id FROM meetings WHERE bloc_id = ? AND kind = ? AND year = ? AND date IS "
        + ("NULL" if date else "NOT NULL") + " LIMIT 2", (bid, kind, year)).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def _index_meeting(conn, mid: int) -> None:
    """Rebuild a meeting's description and its meetings_fts row (a meeting already indexed)."""
    flush_pending(conn)  # its first source's title may be held in a bulk load
    kind, date, location, period, bloc, first_title = conn.execute(
        "SELECT m.kind, m.date, m.location, m.period, b.name, "
        "(SELECT a.title FROM meeting_sources s JOIN articles a ON a.id = s.article_id "
        " WHERE s.fact_id = m.id ORDER BY s.article_id LIMIT 1) "
        "FROM meetings m LEFT JOIN blocs b ON b.id = m.bloc_id WHERE m.id = ?", (mid,)).fetchone()
    desc = _meeting_description(kind, bloc, period, location, date, first_title)
    conn.execute("UPDATE meetings SET description = ? WHERE id = ?", (desc, mid))
    conn.execute("DELETE FROM meetings_fts WHERE rowid = ?", (mid,))
    conn.execute("INSERT INTO meetings_fts (rowid, description, description_folded) VALUES (?,?,?)",
                 (mid, desc, names.fold(desc)))


def _meeting_description(kind, bloc, period, location, date, title) -> str:
    parts = [MEETING_LABELS.get(kind, "Hội nghị"), bloc, period, location, date, title]
    return " · ".join(p for p in parts if p)


def _load_award(ld: _Loader, a: dict) -> None:
    conn = ld.conn
    award = names.nfc(names.expand_abbreviations(a.get("award") or ""))
    recipient_raw = a.get("recipient")
    if not award or not recipient_raw:
        return
    rid = ld.agency(recipient_raw) if resolve.looks_like_agency(recipient_raw) else None
    if rid:
        recipient, rprov = resolve.agency_row(conn, rid)
    else:
        recipient, rprov = names.nfc(recipient_raw), None
    ayear = _int(a.get("year")) or ld.year
    status = a.get("status") or "conferred"
    if not isinstance(status, str):
        raise KBError(f"award status {status!r} is not text")
    rank = STATUS_RANK.get(status, 0)
    akey, rkey = names.key(award), names.key(recipient)
    fkey = ("w", ayear, akey, rkey)
    wid = ld.facts.get(fkey)
    if wid is None:
        # the outcome's current status comes back with its id: a new outcome has this step's
        # status, a known one the furthest of its steps (awards.status is kept so)
        wid, current = conn.execute(
            "INSERT INTO awards (year, award, award_key, recipient, recipient_key, "
            "recipient_agency_id, province, status) VALUES (?,?,?,?,?,?,?,?) "
            "ON CONFLICT (year, award_key, recipient_key) DO UPDATE SET "
            "province = coalesce(awards.province, excluded.province) RETURNING id, status",
            (ayear, award, akey, recipient, rkey, rid, rprov or ld.province, status)).fetchone()
        ld.facts[fkey] = wid
        ld.facts.setdefault(("wr", wid), (STATUS_RANK.get(current, 0), current))
    step_key = ("ws", wid, status)
    sid = ld.facts.get(step_key)
    if sid is None:
        sid = conn.execute("INSERT INTO award_steps (award_id, status, rank) VALUES (?,?,?) "
                           "ON CONFLICT (award_id, status) DO UPDATE SET rank = excluded.rank RETURNING id",
                           (wid, status, rank)).fetchone()[0]
        ld.facts[step_key] = sid
        # a step past the furthest one moves the outcome on; the furthest (rank, status) is cached
        # with the facts (dropped with them on any reload), so a step behind it costs no statement
        best_rank, best = ld.facts[("wr", wid)]
        if rank > best_rank:
            conn.execute("UPDATE awards SET status = ? WHERE id = ?", (status, wid))
            ld.facts[("wr", wid)] = (rank, status)
    ld.source("award_step_sources", sid, _span(a))


def _refresh_awards(conn, ids: Iterable[int]) -> None:
    """An outcome's status is its furthest step; an outcome without steps is gone."""
    for wid in ids:
        best = conn.execute("SELECT status FROM award_steps WHERE award_id = ? ORDER BY rank DESC LIMIT 1",
                            (wid,)).fetchone()
        if best:
            conn.execute("UPDATE awards SET status = ? WHERE id = ? AND status IS NOT ?", (best[0], wid, best[0]))
        else:
            conn.execute("DELETE FROM awards WHERE id = ?", (wid,))


def _load_figures(ld: _Loader, figures: list, text: str | None, folded: str) -> None:
    if not figures:
        return
    spans = [_span(f) for f in figures]
    # a figure's reporter is named between its paragraph's start and itself: only that stretch of
    # the text (from the earliest such paragraph to the last figure) is searched for mentions
    starts = [s for s, _ in spans if s is not None and s > 0]
    mentions = []
    if text and ld.mentioned and starts:
        lo = min(text.rfind("\n", 0, s) for s in starts) + 1
        mentions = _mention_positions(ld, folded, lo, max(starts))
    rows = []
    for f, (s, e) in zip(figures, spans, strict=True):
        ag = None
        if s is not None and mentions:
            # the nearest agency named before the figure in the same paragraph reported it
            para = text.rfind("\n", 0, s)
            for pos, a in mentions:
                if pos >= s:
                    break
                if pos > para:
                    ag = a
        value = f.get("value")
        try:
            value = float(value) if value is not None else None
        except (TypeError, ValueError):
            value = None
        rows.append((ld.aid, value, names.nfc(f.get("unit")), names.nfc(f.get("text")), s, e, ag,
                     ld.province, ld.year))
    _append(ld.conn, "figures", rows)


def _mention_positions(ld: _Loader, folded: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(position, agency) of every mention starting in [lo, hi], in order."""
    found = []
    needles = ld.cache["needles"]
    for aid in ld.mentioned:
        ns = needles.get(aid)
        if ns is None:
            ns = resolve.agency_needles(ld.conn, aid)
        for n in ns:
            end = hi + len(n)
            i = folded.find(n, lo, end)
            while i >= 0:
                found.append((i, aid))
                i = folded.find(n, i + 1, end)
    found.sort()
    return found


def delete_article_facts_conn(conn: sqlite3.Connection, aid: int, *, prune: bool = True
                              ) -> tuple[set[int], set[int]]:
    """Detach an article from every fact; delete the facts it alone supported and (prune=True)
    the agencies and blocs nothing supports any more. Returns the (agency ids, bloc ids) that
    may have lost their last support, for a caller that prunes later (a reload, once the new
    version's facts are in)."""
    flush_pending(conn)
    # cached fact ids may now point at deleted rows
    c = resolve.cache(conn)
    c.pop("facts", None)
    c.pop("filled", None)
    agencies = {r[0] for r in conn.execute("SELECT agency_id FROM article_agencies WHERE article_id = ?", (aid,))}
    blocs = {r[0] for r in conn.execute(
        "SELECT by.bloc_id FROM bloc_year_sources s JOIN bloc_years by ON by.id = s.fact_id WHERE s.article_id = ? "
        "UNION SELECT m.bloc_id FROM membership_sources s JOIN memberships m ON m.id = s.fact_id "
        "WHERE s.article_id = ? UNION SELECT m.bloc_id FROM meeting_sources s JOIN meetings m ON m.id = s.fact_id "
        "WHERE s.article_id = ? AND m.bloc_id IS NOT NULL", (aid, aid, aid))}
    for table, parent in SOURCE_TABLES.items():
        fids = [r[0] for r in conn.execute(f"SELECT fact_id FROM {table} WHERE article_id = ?", (aid,))]
        if not fids:
            continue
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
        orphans = [f for f in fids
                   if conn.execute(f"SELECT 1 FROM {table} WHERE fact_id = ? LIMIT 1", (f,)).fetchone() is None]
        if parent == "award_steps":
            awards = {r[0] for f in fids for r in conn.execute("SELECT award_id FROM award_steps WHERE id = ?", (f,))}
            conn.executemany("DELETE FROM award_steps WHERE id = ?", [(f,) for f in orphans])
            refresh_step_sources(conn, set(fids) - set(orphans))
            _refresh_awards(conn, awards)
        elif parent == "meetings":
            conn.executemany("DELETE FROM meetings WHERE id = ?", [(f,) for f in orphans])
            conn.executemany("DELETE FROM meetings_fts WHERE rowid = ?", [(f,) for f in orphans])
            for f in set(fids) - set(orphans):  # its title may have come from this article
                _index_meeting(conn, f)
        else:
            conn.executemany(f"DELETE FROM {parent} WHERE id = ?", [(f,) for f in orphans])
    conn.execute("DELETE FROM figures WHERE article_id = ?", (aid,))
    conn.execute("DELETE FROM article_agencies WHERE article_id = ?", (aid,))
    conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (aid,))
    if prune:
        prune_entities(conn, agencies, blocs)
    return agencies, blocs


# what keeps an entity alive: a row that refers to it (each indexed on that column)
_AGENCY_REFS = ["article_agencies WHERE agency_id", "memberships WHERE agency_id", "awards WHERE recipient_agency_id",
                "people WHERE agency_id", "figures WHERE agency_id", "blocs WHERE parent_agency_id"]
_BLOC_REFS = ["bloc_years WHERE bloc_id", "memberships WHERE bloc_id", "meetings WHERE bloc_id"]


def prune_entities(conn: sqlite3.Connection, agencies: Iterable[int], blocs: Iterable[int]) -> None:
    """Delete the given blocs, then agencies, that no fact or article refers to any more, so
    queries, views and filters never surface an entity only a replaced article supported."""
    def unused(ids, refs) -> list[int]:
        return [i for i in ids if not any(conn.execute(f"SELECT 1 FROM {r} = ? LIMIT 1", (i,)).fetchone()
                                          for r in refs)]

    dead_blocs = unused(sorted(set(blocs)), _BLOC_REFS)
    agencies = set(agencies)
    for b in dead_blocs:  # a bloc's parent may have been kept alive by that bloc alone
        row = conn.execute("SELECT parent_agency_id FROM blocs WHERE id = ?", (b,)).fetchone()
        if row and row[0]:
            agencies.add(row[0])
        conn.execute("DELETE FROM bloc_aliases WHERE bloc_id = ?", (b,))
        conn.execute("DELETE FROM blocs WHERE id = ?", (b,))
    dead_agencies = unused(sorted(agencies), _AGENCY_REFS)
    for a in dead_agencies:
        conn.execute("DELETE FROM agency_aliases WHERE agency_id = ?", (a,))
        conn.execute("DELETE FROM agencies WHERE id = ?", (a,))
    if dead_blocs or dead_agencies:
        resolve.forget(conn, set(dead_agencies), set(dead_blocs))


def delete_article_facts(db: sqlite_utils.Database, url_or_id: str | int, *, delete_article: bool = False) -> bool:
    """Remove one article's facts (and with delete_article=True the article); False if unknown."""
    conn = db.conn
    col = "id" if isinstance(url_or_id, int) else "url"
    row = conn.execute(f"SELECT id FROM articles WHERE {col} = ?", (url_or_id,)).fetchone()
    if not row:
        return False
    conn.execute("BEGIN IMMEDIATE")
    try:
        delete_article_facts_conn(conn, row[0])
        if delete_article:
            conn.execute("DELETE FROM articles WHERE id = ?", (row[0],))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return True


def iter_stored_pages(db: sqlite_utils.Database, *, kind: str | None = None) -> Iterator[dict]:
    """Every stored page with a body (for `thidua reextract`), oldest first."""
    sql = "SELECT url FROM pages WHERE body IS NOT NULL"
    params: tuple = ()
    if kind:
        sql += " AND kind = ?"
        params = (kind,)
    # keys first, rows one by one: the caller writes to the same connection while iterating
    urls = [r[0] for r in db.conn.execute(sql + " ORDER BY fetched_at, url", params)]
    for url in urls:
        row = next(iter(db.query("SELECT * FROM pages WHERE url = ?", (url,))), None)
        if row:
            yield row


def iter_articles(db: sqlite_utils.Database) -> Iterator[dict]:
    """Every article (url, title, published, site, province, text, fetched_at, page_url...), plus
    `page_body`: the stored page's HTML when the article came from a fetched page, else None."""
    ids = [r[0] for r in db.conn.execute("SELECT id FROM articles ORDER BY id")]
    for i in ids:
        row = next(iter(db.query("SELECT a.*, p.body AS page_body FROM articles a LEFT JOIN pages p "
                                 "ON p.url = a.page_url WHERE a.id = ?", (i,))), None)
        if row:
            yield row


PAGE_COLUMNS = ("url", "final_url", "canonical_url", "status", "fetched_at", "content_type", "etag",
                "last_modified", "sha256", "body", "kind", "error")


def store_page(db: sqlite_utils.Database, page) -> None:
    """Insert or replace one fetched page (a dict or an object such as crawler's FetchedPage,
    whose decoded `text` is stored as `body`)."""
    get = page.get if isinstance(page, dict) else (lambda k, d=None: getattr(page, k, d))
    row = {c: get(c) for c in PAGE_COLUMNS}
    if row["body"] is None:
        row["body"] = get("text")
    if not row["url"]:
        raise KBError("a page needs a url")
    cols = ", ".join(f'"{c}"' for c in PAGE_COLUMNS)
    conn = db.conn
    sql = (f"INSERT INTO pages ({cols}) VALUES ({', '.join('?' * len(PAGE_COLUMNS))}) ON CONFLICT (url) DO UPDATE "
           f"SET " + ", ".join(f'"{c}" = excluded."{c}"' for c in PAGE_COLUMNS[1:]))
    if conn.in_transaction:
        conn.execute(sql, [row[c] for c in PAGE_COLUMNS])
    else:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(sql, [row[c] for c in PAGE_COLUMNS])
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
