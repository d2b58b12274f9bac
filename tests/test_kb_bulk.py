"""Bulk loading (kb.transaction) builds the same knowledge base as loading article by article.

A bulk load holds appended rows (sources, figures, FTS) until the block ends; a failed article
in the block leaves nothing behind, and a reload inside the block sees the earlier rows.
"""
from __future__ import annotations

import pytest
from test_kb import ARTICLES

from thidua.kb import (
    agency_profile,
    load_article,
    open_db,
    query_awards,
    query_blocs,
    query_figures,
    query_meetings,
    search,
    summary,
    transaction,
)


def _snapshot(db) -> dict:
    return {
        "summary": summary(db),
        "blocs": query_blocs(db), "awards": query_awards(db), "meetings": query_meetings(db),
        "figures": query_figures(db, agency="Thanh tra tỉnh Bắc Ninh"),
        "profile": agency_profile(db, "Thanh tra tỉnh Bắc Ninh"),
        "search": [(r["url"], r["snippet"]) for r in search(db, "nội chính")],
        "views": [list(db.query(f"SELECT * FROM {v} ORDER BY 1, 2, 3, 4")) for v in
                  ("bloc_history", "award_outcomes", "meeting_log")],
        "sources": [db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in
                    ("membership_sources", "award_step_sources", "meeting_sources", "bloc_year_sources",
                     "article_agencies")],
    }


def test_bulk_equals_one_by_one(tmp_path):
    one = open_db(tmp_path / "one.sqlite", create=True)
    for a in ARTICLES:
        load_article(one, **a)
    bulk = open_db(tmp_path / "bulk.sqlite", create=True)
    with transaction(bulk):
        for a in ARTICLES:
            load_article(bulk, **a)
    expected = _snapshot(one)
    assert expected["summary"]["figures"] == 3 and expected["sources"][0]
    assert _snapshot(bulk) == expected


def test_failed_article_in_a_bulk_load_leaves_nothing(tmp_path):
    db = open_db(tmp_path / "kb.sqlite", create=True)
    broken = {**ARTICLES[1], "url": "https://broken.vn/x",
              "extraction": {**ARTICLES[1]["extraction"],
                             "awards": [{"award": "Cờ", "recipient": "Thanh tra tỉnh", "year": 2023, "status": object()}]}}
    with transaction(db):
        load_article(db, **ARTICLES[0])
        with pytest.raises(Exception):  # noqa: B017 - any failure must drop only this article
            load_article(db, **broken)
        load_article(db, **ARTICLES[2])
    assert [r[0] for r in db.execute("SELECT url FROM articles ORDER BY id")] == [ARTICLES[0]["url"], ARTICLES[2]["url"]]
    ids = {r[0] for r in db.execute("SELECT id FROM articles")}
    for t in ("membership_sources", "meeting_sources", "bloc_year_sources", "article_agencies", "figures"):
        assert {r[0] for r in db.execute(f"SELECT DISTINCT article_id FROM {t}")} <= ids, t
    assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 2
    (row,) = query_blocs(db, bloc="Nội chính tỉnh Bắc Ninh")
    assert row["sources"] == 1  # A2 (the broken copy's facts) never counted


def test_reload_inside_a_bulk_load(tmp_path):
    db = open_db(tmp_path / "kb.sqlite", create=True)
    with transaction(db):
        for a in ARTICLES:
            load_article(db, **a)
        a4 = ARTICLES[3]  # re-extracted in the same batch: its proposal is gone
        load_article(db, **{**a4, "extraction": {**a4["extraction"], "awards": []}})
    (row,) = query_awards(db, agency="Thanh tra tỉnh Nam Định")
    assert row["steps"] == ["registered", "conferred"]
    assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == len(ARTICLES)
