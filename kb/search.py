"""Full-text search over articles (title + text) and meetings (descriptions), FTS5.

The FTS tables keep tones (`remove_diacritics 0`) in the raw columns and fold(text) in shadow
`*_folded` columns. A query is run twice: on the raw columns (only when it has diacritics:
`năm` finds `năm`, not `nam`) and on the folded ones (any tone, `đ` = `d`); exact-diacritic
hits rank first, then the rest, each by bm25 on the folded columns (a common word ranks only its
CANDIDATES most recently loaded matches, see below). Folding preserves length, so a folded hit's highlight
is mapped back onto the original text for the snippet.
"""
from __future__ import annotations

import json
import re

import sqlite_utils

from . import names
from .errors import BadFilter

_TOKEN = re.compile(r"\w+", re.UNICODE)
_OPEN, _CLOSE = "\x02", "\x03"  # markers FTS puts around hits; replaced with [ ] at the end
# a snippet is one line: the paragraphs and indentation of the text it spans become single spaces
# (only after _unfold, which maps the snippet onto the original text character for character)
_SPACE_RUN = re.compile(r"\s+")


def _fts_query(text: str) -> str:
    """Each word as a quoted prefix-free token, ANDed: user syntax never reaches FTS5."""
    tokens = _TOKEN.findall(text)
    return " ".join('"' + t.replace('"', '""') + '"' for t in tokens)


def search(db: sqlite_utils.Database, text: str, limit: int = 20) -> list[dict]:
    """Articles and meetings matching `text`, best first: {kind, id, title, url, snippet, score, exact}."""
    text = names.nfc_text(text or "").strip()
    if not _TOKEN.search(text):
        raise BadFilter("search text is empty")
    try:
        limit = int(limit)
    except (TypeError, ValueError):
        raise BadFilter(f"limit {limit!r} is not a number") from None
    if limit < 1:
        raise BadFilter("limit must be at least 1")
    conn = db.conn
    raw_q = _fts_query(text.lower())
    fold_q = _fts_query(names.fold(text))
    with_exact = names.has_diacritics(text)
    hits = []
    for kind, table, weights, raw_cols, fold_cols in _TABLES:
        fold_m = f"{{{fold_cols}}} : ({fold_q})"
        raw_m = f"{{{raw_cols}}} : ({raw_q})"
        scored, floor = _ranked(conn, table, weights, fold_q)
        exact: set[int] = set()
        if with_exact and scored:
            # which candidates match with the diacritics as written: a plain MATCH over the same
            # rowid range, no second bm25 (its fixed cost is counting every row with each word)
            sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ?" + (" AND rowid >= ?" if floor else "")
            exact = {r[0] for r in conn.execute(sql, (raw_m,) + ((floor,) if floor else ()))}
        hits += [(rowid not in exact, score, kind, table, rowid, fold_m if rowid not in exact else raw_m)
                 for rowid, score in scored]
    hits.sort(key=lambda h: (h[0], h[1]))  # exact hits first, then by bm25 (lower is better)
    hits = hits[:limit]
    snippets = _snippets(conn, [(h[3], h[5], h[4]) for h in hits])
    return [_result(conn, kind, rowid, score, snippets[(table, rowid)], not not_exact)
            for not_exact, score, kind, table, rowid, match in hits]


def _snippets(conn, wanted: list[tuple[str, str, int]]) -> dict[tuple[str, int], str]:
    """(table, rowid) → snippet for each (table, match, rowid). One statement per table and match
    over the rowid range wanted, the snippet made only for the rows wanted: a MATCH restricted to a
    single rowid costs a walk of the words' doclists each time, as much as the whole range."""
    groups: dict[tuple[str, str], list[int]] = {}
    for table, match, rowid in wanted:
        groups.setdefault((table, match), []).append(rowid)
    out = {}
    for (table, match), ids in groups.items():
        rows = conn.execute(
            f"SELECT rowid, CASE WHEN rowid IN (SELECT value FROM json_each(?)) THEN "
            f"snippet({table}, -1, '{_OPEN}', '{_CLOSE}', '…', 16) END FROM {table} "
            f"WHERE {table} MATCH ? AND rowid BETWEEN ? AND ?", (json.dumps(ids), match, min(ids), max(ids)))
        out.update(((table, rowid), snip) for rowid, snip in rows if snip is not None)
    return out


# (kind, table, bm25 weights, raw columns, folded columns). Ranking matches the folded query on
# every column, raw ones weighted 0: the same rows as `{folded columns} : (query)` (a word without
# tones found in a raw column is in the folded one too) and the same scores (bm25's document length
# is over all columns either way), at half the cost, bm25's count of the rows holding each word
# being twice as fast without a column filter. Article titles weigh ten times the body.
_TABLES = [("article", "articles_fts", ", 0.0, 0.0, 10.0, 1.0", "title text", "title_folded text_folded"),
           ("meeting", "meetings_fts", ", 0.0, 1.0", "description", "description_folded")]
# bm25 costs a count of every row holding each word, plus a score per matching row: a word found in
# most articles (`năm`, a province's name) would have thousands of rows scored. Past CANDIDATES
# matches, only the most recently loaded CANDIDATES are ranked (found by rowid, which FTS5 walks
# cheaply in order), and the whole search scores with one bm25 per table: on the folded columns,
# exact-diacritics matches among the candidates being put first.
CANDIDATES = 500


def _ranked(conn, table: str, weights: str, match: str) -> tuple[list[tuple[int, float]], int | None]:
    """(rowid, bm25) of at most CANDIDATES rows of a MATCH, and the lowest rowid ranked when capped."""
    floor = conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                         (match, CANDIDATES - 1)).fetchone()
    sql = f"SELECT rowid, bm25({table}{weights}) FROM {table} WHERE {table} MATCH ?"
    params: tuple = (match,)
    if floor:
        sql += " AND rowid >= ?"
        params += (floor[0],)
    return conn.execute(sql, params).fetchall(), floor[0] if floor else None


def _result(conn, kind: str, rowid: int, score: float, snip: str, exact: bool) -> dict:
    if kind == "article":
        url, title, published, body = conn.execute(
            "SELECT url, title, published, text FROM articles WHERE id = ?", (rowid,)).fetchone()
        original = title if not exact and _plain(snip) and names.fold(_plain(snip)) in names.fold(title or "") else body
    else:
        url, title, published, body = conn.execute(
            "SELECT (SELECT a.url FROM meeting_sources s JOIN articles a ON a.id = s.article_id "
            " WHERE s.fact_id = m.id ORDER BY s.article_id LIMIT 1), m.description, m.date, m.description "
            "FROM meetings m WHERE m.id = ?", (rowid,)).fetchone()
        original = body
    if not exact:
        snip = _unfold(snip, original or "")
    snip = _SPACE_RUN.sub(" ", snip.replace(_OPEN, "[").replace(_CLOSE, "]")).strip()
    return {"kind": kind, "id": rowid, "title": title, "url": url, "date": published,
            "snippet": snip, "score": round(-score, 4), "exact": exact}


def _plain(snip: str) -> str:
    return snip.replace(_OPEN, "").replace(_CLOSE, "").strip("…")


def _unfold(snip: str, original: str) -> str:
    """Put the original (accented) characters back into a snippet taken from a folded column."""
    # (folded again: a knowledge base built before fold mapped punctuation to ASCII kept `“`)
    plain = names.fold(_plain(snip))
    start = names.fold(original).find(plain) if plain else -1
    if start < 0:
        return snip
    src = original[start:start + len(plain)]
    out, i = [], 0
    body = snip[1:] if snip.startswith("…") else snip
    lead = "…" if snip.startswith("…") else ""
    for ch in body:
        if ch in (_OPEN, _CLOSE) or i >= len(src):
            out.append(ch)
        else:
            out.append(src[i])
            i += 1
    return lead + "".join(out)
