"""A meeting's description (what search and the meeting log show) and its search row."""
from __future__ import annotations

import sqlite3

from . import names
from .writes import flush_pending

MEETING_LABELS = {
    "so_ket": "Hội nghị sơ kết",
    "tong_ket": "Hội nghị tổng kết",
    "ky_giao_uoc": "Ký kết giao ước thi đua",
    "phat_dong": "Phát động phong trào thi đua",
    "other": "Hội nghị",
}


def meeting_description(kind, bloc, period, location, date, title) -> str:
    parts = [MEETING_LABELS.get(kind, "Hội nghị"), bloc, period, location, date, title]
    return " · ".join(p for p in parts if p)


def index_meeting(conn: sqlite3.Connection, mid: int) -> None:
    """Rebuild a meeting's description and its meetings_fts row (a meeting already indexed)."""
    flush_pending(conn)  # its first source's title may be held in a bulk load
    kind, date, location, period, bloc, first_title = conn.execute(
        "SELECT m.kind, m.date, m.location, m.period, b.name, "
        "(SELECT a.title FROM meeting_sources s JOIN articles a ON a.id = s.article_id "
        " WHERE s.fact_id = m.id ORDER BY s.article_id LIMIT 1) "
        "FROM meetings m LEFT JOIN blocs b ON b.id = m.bloc_id WHERE m.id = ?", (mid,)).fetchone()
    desc = meeting_description(kind, bloc, period, location, date, first_title)
    conn.execute("UPDATE meetings SET description = ? WHERE id = ?", (desc, mid))
    conn.execute("DELETE FROM meetings_fts WHERE rowid = ?", (mid,))
    conn.execute("INSERT INTO meetings_fts (rowid, description, description_folded) VALUES (?,?,?)",
                 (mid, desc, names.fold(desc)))
