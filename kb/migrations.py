"""Numbered schema migrations. Each runs in one transaction and is recorded in `_thidua_migrations`.

Append new migrations to MIGRATIONS; never edit one that has shipped (databases in the wild
have already run it). The `_thidua_meta` row ('application', 'thidua') and
PRAGMA application_id mark the file as thidua's, so open_db can refuse foreign databases.
"""
from __future__ import annotations

import datetime as _dt
import sqlite3
from collections.abc import Callable

from .errors import MigrationError

APPLICATION_ID = 0x74686964  # "thid"
MARKER = ("application", "thidua")


def _script(conn: sqlite3.Connection, sql: str) -> None:
    """Run statements one by one: executescript() would COMMIT and break the one-transaction rule."""
    buf = ""
    for part in sql.split(";"):
        buf += part + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \n;"):
                conn.execute(buf)
            buf = ""


def _m001_core(conn: sqlite3.Connection) -> None:
    _script(conn,
        """
        CREATE TABLE IF NOT EXISTS _thidua_meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE pages (
            url TEXT PRIMARY KEY, final_url TEXT, canonical_url TEXT, status INTEGER,
            fetched_at TEXT, content_type TEXT, etag TEXT, last_modified TEXT, sha256 TEXT,
            body TEXT, kind TEXT, error TEXT);
        CREATE TABLE frontier (
            url TEXT PRIMARY KEY, depth INTEGER, state TEXT, found_on TEXT, added_at TEXT,
            attempts INTEGER, next_try TEXT);
        CREATE TABLE provinces (
            name TEXT PRIMARY KEY, kind TEXT, successor TEXT, successor_kind TEXT, merged_on TEXT);
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, title TEXT, published TEXT,
            site TEXT, province TEXT, text TEXT, fetched_at TEXT,
            page_url TEXT REFERENCES pages(url), source TEXT, year INTEGER, loaded_at TEXT);
        CREATE TABLE agencies (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE,
            province TEXT, kind TEXT);
        CREATE TABLE agency_aliases (
            agency_id INTEGER NOT NULL REFERENCES agencies(id), alias TEXT NOT NULL,
            PRIMARY KEY (agency_id, alias)) WITHOUT ROWID;
        CREATE TABLE blocs (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE, parent TEXT,
            parent_agency_id INTEGER REFERENCES agencies(id), province TEXT, kind TEXT);
        CREATE TABLE bloc_aliases (
            bloc_id INTEGER NOT NULL REFERENCES blocs(id), alias TEXT NOT NULL,
            PRIMARY KEY (bloc_id, alias)) WITHOUT ROWID;
        -- the bloc as reported in one emulation year (stated member count)
        CREATE TABLE bloc_years (
            id INTEGER PRIMARY KEY, bloc_id INTEGER NOT NULL REFERENCES blocs(id), year INTEGER,
            member_count INTEGER, UNIQUE (bloc_id, year));
        -- role: member | leader | deputy_leader | next_leader (lead_year = the year it leads)
        CREATE TABLE memberships (
            id INTEGER PRIMARY KEY, bloc_id INTEGER NOT NULL REFERENCES blocs(id), year INTEGER,
            agency_id INTEGER NOT NULL REFERENCES agencies(id), role TEXT NOT NULL, lead_year INTEGER,
            UNIQUE (bloc_id, year, agency_id, role));
        -- one outcome per (year, award, recipient); status = the furthest of its steps
        CREATE TABLE awards (
            id INTEGER PRIMARY KEY, year INTEGER, award TEXT NOT NULL, award_key TEXT NOT NULL,
            recipient TEXT NOT NULL, recipient_key TEXT NOT NULL,
            recipient_agency_id INTEGER REFERENCES agencies(id), province TEXT, status TEXT,
            UNIQUE (year, award_key, recipient_key));
        CREATE TABLE award_steps (
            id INTEGER PRIMARY KEY, award_id INTEGER NOT NULL REFERENCES awards(id),
            status TEXT NOT NULL, rank INTEGER NOT NULL, UNIQUE (award_id, status));
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY, bloc_id INTEGER REFERENCES blocs(id), kind TEXT, date TEXT,
            year INTEGER, location TEXT, location_key TEXT, period TEXT, description TEXT,
            dedup_key TEXT NOT NULL UNIQUE);
        CREATE TABLE people (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, title TEXT,
            agency_id INTEGER REFERENCES agencies(id), agency TEXT, dedup_key TEXT NOT NULL UNIQUE);
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY, number TEXT, kind TEXT, date TEXT, issuer TEXT,
            issuer_agency_id INTEGER REFERENCES agencies(id), dedup_key TEXT NOT NULL UNIQUE);
        CREATE TABLE article_agencies (
            article_id INTEGER NOT NULL REFERENCES articles(id),
            agency_id INTEGER NOT NULL REFERENCES agencies(id),
            PRIMARY KEY (article_id, agency_id)) WITHOUT ROWID;
        CREATE TABLE figures (
            id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id),
            value REAL, unit TEXT, text TEXT, start INTEGER, "end" INTEGER,
            agency_id INTEGER REFERENCES agencies(id), province TEXT, year INTEGER);
        """
    )
    # one sources table per fact table: one fact reported by three articles = three rows
    for fact, parent in SOURCE_TABLES.items():
        conn.execute(
            f"""CREATE TABLE {fact} (
                fact_id INTEGER NOT NULL REFERENCES {parent}(id),
                article_id INTEGER NOT NULL REFERENCES articles(id),
                start INTEGER, "end" INTEGER, PRIMARY KEY (fact_id, article_id)) WITHOUT ROWID"""
        )
    conn.executemany("INSERT OR REPLACE INTO _thidua_meta VALUES (?, ?)", [MARKER])


SOURCE_TABLES = {
    "bloc_year_sources": "bloc_years",
    "membership_sources": "memberships",
    "award_step_sources": "award_steps",
    "meeting_sources": "meetings",
    "people_sources": "people",
    "document_sources": "documents",
}


def _m002_provinces(conn: sqlite3.Connection) -> None:
    from . import names

    rows = []
    for row in names.provinces().values():
        merged = names.lineage(row["name"]).get("merged_on")
        rows.append((row["name"], row["kind"], row["successor"], row["successor_kind"], merged))
    conn.executemany("INSERT OR REPLACE INTO provinces VALUES (?, ?, ?, ?, ?)", rows)


def _m003_search(conn: sqlite3.Connection) -> None:
    # remove_diacritics 0: raw columns keep tones (exact matches rank first); the *_folded
    # shadow columns hold fold(text) so a query without diacritics matches any tone.
    _script(conn,
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, title_folded, text_folded, tokenize = 'unicode61 remove_diacritics 0');
        CREATE VIRTUAL TABLE meetings_fts USING fts5(
            description, description_folded, tokenize = 'unicode61 remove_diacritics 0');
        """
    )


def _m004_views(conn: sqlite3.Connection) -> None:
    _script(conn,
        """
        CREATE VIEW bloc_history AS
        SELECT b.name AS bloc, m.year AS year, a.name AS agency, m.role AS role,
               (SELECT ar.url FROM membership_sources s JOIN articles ar ON ar.id = s.article_id
                 WHERE s.fact_id = m.id ORDER BY s.article_id LIMIT 1) AS article_url,
               b.province AS province, m.lead_year AS lead_year,
               (SELECT count(*) FROM membership_sources s WHERE s.fact_id = m.id) AS sources
          FROM memberships m JOIN blocs b ON b.id = m.bloc_id JOIN agencies a ON a.id = m.agency_id;

        CREATE VIEW award_outcomes AS
        SELECT w.year AS year, w.award AS award, w.recipient AS recipient, w.province AS province,
               w.status AS status,
               (SELECT ar.url FROM award_steps st JOIN award_step_sources s ON s.fact_id = st.id
                  JOIN articles ar ON ar.id = s.article_id
                 WHERE st.award_id = w.id ORDER BY st.rank DESC, s.article_id LIMIT 1) AS article_url,
               (SELECT group_concat(status, ' → ') FROM
                  (SELECT status FROM award_steps st WHERE st.award_id = w.id ORDER BY st.rank)) AS steps
          FROM awards w;

        CREATE VIEW meeting_log AS
        SELECT m.date AS date, m.kind AS kind, b.name AS bloc, m.location AS location,
               (SELECT ar.title FROM meeting_sources s JOIN articles ar ON ar.id = s.article_id
                 WHERE s.fact_id = m.id ORDER BY s.article_id LIMIT 1) AS title,
               (SELECT ar.url FROM meeting_sources s JOIN articles ar ON ar.id = s.article_id
                 WHERE s.fact_id = m.id ORDER BY s.article_id LIMIT 1) AS article_url,
               m.year AS year, m.period AS period, b.province AS province
          FROM meetings m LEFT JOIN blocs b ON b.id = m.bloc_id;
        """
    )


def _m005_indexes(conn: sqlite3.Connection) -> None:
    # every sources table is looked up by article (re-load) besides its (fact, article) key
    stmts = [f"CREATE INDEX IF NOT EXISTS idx_{t}_article ON {t}(article_id)" for t in SOURCE_TABLES]
    stmts += [
        "CREATE INDEX IF NOT EXISTS idx_memberships_year ON memberships(year, bloc_id)",
        "CREATE INDEX IF NOT EXISTS idx_memberships_agency ON memberships(agency_id, year)",
        "CREATE INDEX IF NOT EXISTS idx_bloc_years_year ON bloc_years(year)",
        "CREATE INDEX IF NOT EXISTS idx_awards_recipient ON awards(recipient_agency_id)",
        "CREATE INDEX IF NOT EXISTS idx_awards_award ON awards(award_key, year)",
        "CREATE INDEX IF NOT EXISTS idx_awards_province ON awards(province, year)",
        "CREATE INDEX IF NOT EXISTS idx_award_steps_award ON award_steps(award_id, rank)",
        "CREATE INDEX IF NOT EXISTS idx_meetings_bloc ON meetings(bloc_id, date)",
        "CREATE INDEX IF NOT EXISTS idx_meetings_date ON meetings(date)",
        "CREATE INDEX IF NOT EXISTS idx_meetings_bloc_kind ON meetings(bloc_id, kind, year)",
        "CREATE INDEX IF NOT EXISTS idx_meetings_year ON meetings(year)",
        "CREATE INDEX IF NOT EXISTS idx_people_agency ON people(agency_id)",
        "CREATE INDEX IF NOT EXISTS idx_article_agencies_agency ON article_agencies(agency_id, article_id)",
        "CREATE INDEX IF NOT EXISTS idx_figures_article ON figures(article_id)",
        "CREATE INDEX IF NOT EXISTS idx_figures_agency ON figures(agency_id)",
        "CREATE INDEX IF NOT EXISTS idx_figures_province ON figures(province, year)",
        "CREATE INDEX IF NOT EXISTS idx_articles_province ON articles(province, year)",
        "CREATE INDEX IF NOT EXISTS idx_articles_page ON articles(page_url)",
        "CREATE INDEX IF NOT EXISTS idx_agencies_province ON agencies(province)",
        "CREATE INDEX IF NOT EXISTS idx_blocs_province ON blocs(province)",
    ]
    for s in stmts:
        conn.execute(s)


def _m006_bloc_identity(conn: sqlite3.Connection) -> None:
    """Blocs get `name_key` (the name without place or parent) so a report that does not say whose
    bloc it is can find the blocs of that name; the views gain `parent` and `bloc_id`, since two
    blocs may share a name (`Cụm thi đua số II` of Thanh tra Chính phủ and of Bộ Tư pháp)."""
    from .resolve import bloc_name_key

    conn.execute("ALTER TABLE blocs ADD COLUMN name_key TEXT")
    rows = conn.execute("SELECT id, key FROM blocs").fetchall()
    conn.executemany("UPDATE blocs SET name_key = ? WHERE id = ?", [(bloc_name_key(k), i) for i, k in rows])
    conn.execute("CREATE INDEX idx_blocs_name_key ON blocs(name_key)")
    conn.execute("DROP VIEW bloc_history")
    conn.execute("DROP VIEW meeting_log")
    _script(conn,
        """
        CREATE VIEW bloc_history AS
        SELECT b.name AS bloc, m.year AS year, a.name AS agency, m.role AS role,
               (SELECT ar.url FROM membership_sources s JOIN articles ar ON ar.id = s.article_id
                 WHERE s.fact_id = m.id ORDER BY s.article_id LIMIT 1) AS article_url,
               b.province AS province, m.lead_year AS lead_year,
               (SELECT count(*) FROM membership_sources s WHERE s.fact_id = m.id) AS sources,
               b.parent AS parent, b.id AS bloc_id
          FROM memberships m JOIN blocs b ON b.id = m.bloc_id JOIN agencies a ON a.id = m.agency_id;

        CREATE VIEW meeting_log AS
        SELECT m.date AS date, m.kind AS kind, b.name AS bloc, m.location AS location,
               (SELECT ar.title FROM meeting_sources s JOIN articles ar ON ar.id = s.article_id
                 WHERE s.fact_id = m.id ORDER BY s.article_id LIMIT 1) AS title,
               (SELECT ar.url FROM meeting_sources s JOIN articles ar ON ar.id = s.article_id
                 WHERE s.fact_id = m.id ORDER BY s.article_id LIMIT 1) AS article_url,
               m.year AS year, m.period AS period, b.province AS province,
               b.parent AS parent, b.id AS bloc_id
          FROM meetings m LEFT JOIN blocs b ON b.id = m.bloc_id;
        """
    )


def _m007_query_indexes(conn: sqlite3.Connection) -> None:
    # an agency's meetings go from its memberships to the meetings of that bloc and year
    conn.execute("CREATE INDEX IF NOT EXISTS idx_meetings_bloc_year ON meetings(bloc_id, year)")
    # awards by province and outcome (`--province X --status conferred`) without visiting every
    # award of the province
    conn.execute("CREATE INDEX IF NOT EXISTS idx_awards_province_status ON awards(province, status, year)")


def _m008_drop_unused_indexes(conn: sqlite3.Connection) -> None:
    # every index is one more B-tree write per row loaded; these serve no query (EXPLAIN QUERY PLAN
    # of the queries, views and the reload/prune path): meetings(bloc_id, date) is covered by
    # (bloc_id, year) and (bloc_id, kind, year), awards(province, year) by (province, status, year),
    # award_steps(award_id, rank) by the (award_id, status) key (an outcome has three steps at most
    # to sort), and nothing selects articles by province
    for name in ("idx_meetings_bloc", "idx_awards_province", "idx_award_steps_award", "idx_articles_province"):
        conn.execute(f"DROP INDEX IF EXISTS {name}")


def _m009_step_sources(conn: sqlite3.Connection) -> None:
    """award_steps.sources / urls: each step's number of sources and first source urls (kept by
    load.refresh_step_sources), so the award questions do not count and look them up per step."""
    from .writes import refresh_step_sources

    conn.execute("ALTER TABLE award_steps ADD COLUMN sources INTEGER")
    conn.execute("ALTER TABLE award_steps ADD COLUMN urls TEXT")
    refresh_step_sources(conn, [r[0] for r in conn.execute("SELECT id FROM award_steps")])


def _m010_figures_by_agency_and_year(conn: sqlite3.Connection) -> None:
    # an agency's figures of a year: figures(agency_id) found every year's and tested each row's
    # year (10–15 ms at 100,000 articles, 1–4 ms with the year in the index); the same number of
    # indexes to write, as the new one serves the agency-only look-ups too
    conn.execute("CREATE INDEX IF NOT EXISTS idx_figures_agency_year ON figures(agency_id, year)")
    conn.execute("DROP INDEX IF EXISTS idx_figures_agency")


MIGRATIONS: list[tuple[int, str, Callable[[sqlite3.Connection], None]]] = [
    (1, "core tables", _m001_core),
    (2, "provinces across the 2025 merger", _m002_provinces),
    (3, "full-text search", _m003_search),
    (4, "public views", _m004_views),
    (5, "query indexes", _m005_indexes),
    (6, "bloc identity: name_key, parent in the views", _m006_bloc_identity),
    (7, "indexes for agency meetings and awards by province and status", _m007_query_indexes),
    (8, "drop indexes no query uses", _m008_drop_unused_indexes),
    (9, "award steps keep their sources' count and first urls", _m009_step_sources),
    (10, "figures indexed by agency and year", _m010_figures_by_agency_and_year),
]
LATEST = MIGRATIONS[-1][0]


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    return {r[0] for r in conn.execute("SELECT version FROM _thidua_migrations")}


def migrate(conn: sqlite3.Connection, *, upto: int | None = None) -> list[int]:
    """Apply pending migrations (each in its own transaction); returns the versions applied."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _thidua_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = applied_versions(conn)
    newest = max(done, default=0)
    if newest > LATEST:
        raise MigrationError(
            f"database schema version {newest} is newer than this thidua supports ({LATEST}); upgrade thidua"
        )
    ran = []
    for version, name, fn in MIGRATIONS:
        if version in done or (upto is not None and version > upto):
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            fn(conn)
            conn.execute(
                "INSERT INTO _thidua_migrations VALUES (?, ?, ?)",
                (version, name, _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise MigrationError(f"migration {version} ({name}) failed: {exc}") from exc
        ran.append(version)
    return ran
