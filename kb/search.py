"""Full-text search over articles (title + text) and meetings (descriptions), FTS5.

The FTS tables keep tones (`remove_diacritics 0`) in the raw columns and fold(text) in shadow
`*_folded` columns. A query is run twice: on the raw columns (only when it has diacritics:
`năm` finds `năm`, not `nam`) and on the folded ones (any tone, `đ` = `d`); exact-diacritic
hits rank first, then the rest by bm25 (a common word ranks only its CANDIDATES most recently
loaded matches, see below). Folding preserves length, so a folded hit's highlight
is mapped back onto the original text for the snippet.
"""
from __future__ import annotations

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
    results: list[dict] = []
    seen: set[tuple[str, int]] = set()
    phases = [(True, raw_q)] if names.has_diacritics(text) else []
    phases.append((False, fold_q))
    for exact, q in phases:
        art = f"{{title text}} : ({q})" if exact else f"{{title_folded text_folded}} : ({q})"
        meet = f"{{description}} : ({q})" if exact else f"{{description_folded}} : ({q})"
        n = limit + len(seen)
        hits = [("article", rowid, score, art) for rowid, score in _ranked(conn, "articles_fts", _ART_WEIGHTS, art, n)]
        hits += [("meeting", rowid, score, meet) for rowid, score in _ranked(conn, "meetings_fts", "", meet, n)]
        hits.sort(key=lambda h: h[2])  # bm25: lower is better
        for kind, rowid, score, match in hits:
            if (kind, rowid) in seen:
                continue
            seen.add((kind, rowid))
            table = "articles_fts" if kind == "article" else "meetings_fts"
            (snip,) = conn.execute(f"SELECT snippet({table}, -1, '{_OPEN}', '{_CLOSE}', '…', 16) FROM {table} "
                                   f"WHERE {table} MATCH ? AND rowid = ?", (match, rowid)).fetchone()
            results.append(_result(conn, kind, rowid, score, snip, exact))
            if len(results) >= limit:
                return results
    return results


# title columns weigh ten times the body
_ART_WEIGHTS = ", 10.0, 1.0, 10.0, 1.0"
# A word found in most articles (`năm`) would have every match scored before the best could be
# picked: bm25 over 100,000 rows is hundreds of ms. Past CANDIDATES matches, only the most
# recently loaded CANDIDATES are ranked (found by rowid, which FTS5 walks cheaply in order).
CANDIDATES = 2000


def _ranked(conn, table: str, weights: str, match: str, n: int) -> list[tuple[int, float]]:
    """The n best (rowid, bm25) of a MATCH, ranking at most CANDIDATES of its rows."""
    floor = conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                         (match, CANDIDATES - 1)).fetchone()
    sql = f"SELECT rowid, bm25({table}{weights}) AS score FROM {table} WHERE {table} MATCH ?"
    params: tuple = (match,)
    if floor:
        sql += " AND rowid >= ?"
        params += (floor[0],)
    return conn.execute(sql + " ORDER BY score LIMIT ?", params + (n,)).fetchall()


def _result(conn, kind: str, rowid: int, score: float, snip: str, exact: bool) -> dict:
    if kind == "article":
        url, title, published, body = conn.execute(
            "SELECT url, title, published, text FROM articles WHERE id = ?", (rowid,)).fetchone()
        original = title if not exact and _plain(snip) and _plain(snip) in names.fold(title or "") else body
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
    plain = _plain(snip)
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
