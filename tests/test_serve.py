"""Datasette on a real knowledge base, in a subprocess on a loopback port."""
from __future__ import annotations

import socket
import subprocess
import time

import httpx
import pytest

from thidua.kb import load_article, open_db
from thidua.kb.serve import command, metadata, prepare


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "kb.sqlite"
    db = open_db(path, create=True)
    load_article(db, url="https://thanhtra.bacninh.gov.vn/a1", title="Khối thi đua Nội chính tổng kết năm 2023",
                 text="Thanh tra tỉnh Bắc Ninh nhận Cờ thi đua của Chính phủ năm 2023.", published="2023-11-22",
                 extraction={"province": "Bắc Ninh", "blocs": [{"name": "Khối thi đua Nội chính", "year": 2023,
                             "parent": "Ủy ban nhân dân tỉnh", "leader": "Thanh tra tỉnh", "members": ["Thanh tra tỉnh"]}],
                             "awards": [{"award": "Cờ thi đua của Chính phủ", "recipient": "Thanh tra tỉnh",
                                         "year": 2023, "status": "conferred"}],
                             "meetings": [{"kind": "tong_ket", "date": "2023-11-21", "bloc": "Khối thi đua Nội chính"}]})
    db.conn.close()
    before = path.read_bytes()
    prepare(path)
    port = _free_port()
    proc = subprocess.Popen(command(path, port), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/-/versions.json", timeout=1)
                break
            except httpx.HTTPError:
                if proc.poll() is not None:
                    raise RuntimeError(proc.stdout.read().decode()) from None
                time.sleep(0.1)
        yield base, path, before
    finally:
        proc.terminate()
        proc.wait(10)


def test_html_and_json(served):
    base, path, _ = served
    html = httpx.get(base + "/kb")
    assert html.status_code == 200 and "text/html" in html.headers["content-type"]
    assert "Cơ sở tri thức thi đua" in html.text
    rows = httpx.get(base + "/kb/award_outcomes.json?_shape=array").json()
    assert rows[0]["recipient"] == "Thanh tra tỉnh Bắc Ninh" and rows[0]["status"] == "conferred"
    canned = httpx.get(base + "/kb/bloc_history.json?_shape=array&year=2023&bloc=").json()
    assert {r["role"] for r in canned} == {"leader", "member"}
    # full-text search through Datasette, without diacritics (the folded shadow column)
    found = httpx.get(base + "/kb/articles.json?_shape=array&_search=co+thi+dua").json()
    assert [r["url"] for r in found] == ["https://thanhtra.bacninh.gov.vn/a1"]


def test_read_only(served):
    base, path, _ = served
    r = httpx.post(base + "/kb/-/query", data={"sql": "DELETE FROM articles"})
    assert r.status_code in (400, 403, 405) or "error" in r.text.lower()
    assert open_db(path).execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_metadata_is_bilingual_with_canned_views():
    md = metadata("kb")
    db = md["databases"]["kb"]
    assert set(db["queries"]) == {"bloc_history", "award_outcomes", "meeting_log"}
    assert db["tables"]["articles"]["fts_table"] == "articles_fts"
    assert {"year", "province", "award", "status"} <= set(db["tables"]["award_outcomes"]["facets"])
