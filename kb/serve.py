"""Serving the knowledge base read-only in Datasette, with bilingual metadata and canned queries.

The database is opened immutable (`-i`): Datasette never writes to it. Immutable readers ignore
the WAL file, so serve() checkpoints first; otherwise recent loads would be invisible.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .db import open_db

_VIEWS = {
    "bloc_history": (
        "Lịch sử khối, cụm thi đua / Bloc history",
        "Thành viên, Trưởng khối, Phó Trưởng khối theo năm. Members, leader and deputy leaders of each bloc, year by year.",
        "SELECT bloc, parent, year, agency, role, lead_year, province, sources, article_url FROM bloc_history "
        "WHERE (:year = '' OR year = CAST(:year AS INTEGER)) AND (:bloc = '' OR bloc LIKE '%' || :bloc || '%') "
        "ORDER BY bloc, parent, year, role, agency LIMIT 2000",
    ),
    "award_outcomes": (
        "Kết quả khen thưởng / Award outcomes",
        "Mỗi danh hiệu theo năm, người nhận và trạng thái xa nhất (đăng ký → đề nghị → tặng). "
        "One row per (year, award, recipient), with the furthest status reached.",
        "SELECT year, award, recipient, province, status, steps, article_url FROM award_outcomes "
        "WHERE (:year = '' OR year = CAST(:year AS INTEGER)) AND (:award = '' OR award LIKE '%' || :award || '%') "
        "ORDER BY year, award, recipient LIMIT 2000",
    ),
    "meeting_log": (
        "Nhật ký hội nghị / Meeting log",
        "Hội nghị sơ kết, tổng kết, ký giao ước của các khối, cụm. Reviews, pledge signings and launches of each bloc.",
        "SELECT date, kind, bloc, parent, location, period, title, article_url FROM meeting_log "
        "WHERE (:year = '' OR year = CAST(:year AS INTEGER)) ORDER BY date LIMIT 2000",
    ),
}


def metadata(db_name: str = "kb") -> dict:
    """Datasette metadata: titles/descriptions in Vietnamese and English, canned queries, facets, FTS."""
    hidden = {t: {"hidden": True} for t in
              ["_thidua_meta", "_thidua_migrations", "frontier", "agency_aliases", "bloc_aliases",
               "bloc_year_sources", "membership_sources", "award_step_sources", "meeting_sources",
               "people_sources", "document_sources", "article_agencies"]}
    tables = {
        **hidden,
        "articles": {"title": "Bài viết / Articles", "fts_table": "articles_fts", "fts_pk": "id",
                     "description": "Bài báo đã nạp, kèm tỉnh và năm. Loaded news articles with their province and year.",
                     "facets": ["province", "year", "site"], "label_column": "title"},
        "agencies": {"title": "Cơ quan / Agencies", "facets": ["province", "kind"], "label_column": "name",
                     "description": "Mỗi cơ quan một dòng, tên chuẩn. One row per canonical agency."},
        "blocs": {"title": "Khối, cụm thi đua / Emulation blocs", "facets": ["province", "kind", "parent"],
                  "label_column": "name",
                  "description": "Khối thi đua, cụm thi đua. Emulation blocs and clusters."},
        "awards": {"title": "Khen thưởng / Awards", "facets": ["year", "province", "award", "status"],
                   "description": "Một kết quả cho mỗi (năm, danh hiệu, người nhận). One outcome per (year, award, recipient)."},
        "meetings": {"title": "Hội nghị / Meetings", "fts_table": "meetings_fts", "fts_pk": "id",
                     "facets": ["year", "kind"], "label_column": "description",
                     "description": "Một hội nghị cho mỗi (khối, loại, ngày). One meeting per (bloc, kind, date)."},
        "figures": {"title": "Số liệu / Figures", "facets": ["year", "province", "unit"],
                    "description": "Số liệu nêu trong bài. Quantities stated in the articles."},
        "award_outcomes": {"title": _VIEWS["award_outcomes"][0], "facets": ["year", "province", "award", "status"],
                           "description": _VIEWS["award_outcomes"][1]},
        "bloc_history": {"title": _VIEWS["bloc_history"][0], "facets": ["year", "province", "role"],
                         "description": _VIEWS["bloc_history"][1]},
        "meeting_log": {"title": _VIEWS["meeting_log"][0], "facets": ["year", "kind", "province"],
                        "description": _VIEWS["meeting_log"][1]},
        "pages": {"title": "Trang đã tải / Fetched pages", "facets": ["status", "kind", "content_type"]},
    }
    queries = {name: {"title": t, "description": d, "sql": sql} for name, (t, d, sql) in _VIEWS.items()}
    return {
        "title": "Thi đua: cơ sở tri thức khối, cụm thi đua / Vietnam's emulation blocs knowledge base",
        "description": "Khối thi đua, cụm thi đua, khen thưởng và hội nghị trích từ báo chí. "
                       "Emulation blocs, awards and meetings extracted from Vietnamese news.",
        "databases": {db_name: {"title": "Cơ sở tri thức thi đua / Emulation knowledge base",
                                "tables": tables, "queries": queries}},
    }


def datasette_app_args(db_path: str | os.PathLike, port: int, host: str = "127.0.0.1",
                       metadata_path: str | os.PathLike | None = None) -> list[str]:
    """Arguments for `datasette` (after the program name): read-only, with our metadata."""
    db_path = Path(db_path)
    if metadata_path is None:
        metadata_path = Path(tempfile.mkdtemp(prefix="thidua-datasette-")) / "metadata.json"
        Path(metadata_path).write_text(json.dumps(metadata(db_path.stem), ensure_ascii=False), encoding="utf-8")
    return ["serve", "-i", str(db_path), "--metadata", str(metadata_path), "--host", host, "--port", str(int(port)),
            "--setting", "sql_time_limit_ms", "3000", "--setting", "default_page_size", "50",
            "--setting", "default_facet_size", "20"]


def prepare(db_path: str | os.PathLike) -> None:
    """Check the file is ours and fold the WAL into it, so an immutable reader sees everything."""
    db = open_db(db_path)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()


def command(db_path: str | os.PathLike, port: int, host: str = "127.0.0.1") -> list[str]:
    return [sys.executable, "-m", "datasette", *datasette_app_args(db_path, port, host)]


def serve(db_path: str | os.PathLike, port: int = 8001, host: str = "127.0.0.1") -> int:
    """Run Datasette on the knowledge base until interrupted; returns its exit status."""
    prepare(db_path)
    try:
        return subprocess.call(command(db_path, port, host))
    except KeyboardInterrupt:
        return 0
