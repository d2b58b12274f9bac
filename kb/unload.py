"""Taking an article's facts out of the knowledge base: before a reload, or on `delete`.

Facts are shared, so removing an article removes its sources; a fact left with no source is
deleted, and agencies and blocs that nothing refers to any more are pruned.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable

import sqlite_utils

from . import resolve
from .describe import index_meeting
from .migrations import SOURCE_TABLES
from .writes import flush_pending, refresh_step_sources


def _refresh_awards(conn, ids: Iterable[int]) -> None:
    """An outcome's status is its furthest step; an outcome without steps is gone."""
    for wid in ids:
        best = conn.execute("SELECT status FROM award_steps WHERE award_id = ? ORDER BY rank DESC LIMIT 1",
                            (wid,)).fetchone()
        if best:
            conn.execute("UPDATE awards SET status = ? WHERE id = ? AND status IS NOT ?", (best[0], wid, best[0]))
        else:
            conn.execute("DELETE FROM awards WHERE id = ?", (wid,))


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
                index_meeting(conn, f)
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


