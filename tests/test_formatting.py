"""Query results as a table for reading, JSON and CSV for scripts (thidua.formatting.render)."""
from __future__ import annotations

import csv
import io
import json

from thidua.formatting import PIPE_WIDTH, render

ROWS = [
    {"bloc": "Khối thi đua các cơ quan Nội chính tỉnh Bắc Ninh", "year": 2023, "leader": "Thanh tra tỉnh Bắc Ninh",
     "members": ["Thanh tra tỉnh Bắc Ninh", "Công an tỉnh Bắc Ninh"], "next_leader": None,
     "article_urls": ["https://thanhtra.bacninh.gov.vn/a", "https://bacninh.gov.vn/b", "https://baobacninh.vn/c"]},
    {"bloc": "Cụm thi đua số II", "year": 2023, "leader": "Thanh tra tỉnh Bắc Ninh", "members": [],
     "next_leader": None, "article_urls": ["https://thanhtra.gov.vn/d"]},
]


def _table(rows):
    out = io.StringIO()
    render(rows, "table", title="blocs", out=out)
    return out.getvalue()


def test_table_drops_empty_columns_and_summarises_links():
    text = _table(ROWS)
    assert "next leader" not in text and "next_leader" not in text  # empty in every row
    assert "(+2 more)" in text and "https://baobacninh.vn/c" not in text
    assert "Công an tỉnh Bắc Ninh" in text and "2023" in text


def test_table_to_a_pipe_is_wide_and_short_values_do_not_wrap():
    lines = _table(ROWS).splitlines()
    assert max(len(line) for line in lines) <= PIPE_WIDTH
    assert max(len(line) for line in lines) > 80  # not rich's 80-column default
    assert any("│ 2023 │" in line for line in lines)  # a year is never folded to 202/3


def test_json_and_csv_keep_every_column():
    out = io.StringIO()
    render(ROWS, "json", out=out)
    assert json.loads(out.getvalue()) == ROWS
    out = io.StringIO()
    render(ROWS, "csv", out=out)
    got = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(got[0]) == list(ROWS[0])
    assert got[0]["members"] == "Thanh tra tỉnh Bắc Ninh; Công an tỉnh Bắc Ninh"
    assert got[0]["article_urls"].count("https://") == 3


def test_no_rows_says_so():
    assert _table([]).strip() == "blocs: (no results)"
    out = io.StringIO()
    render([], "table", out=out)
    assert out.getvalue().strip() == "(no results)"


def test_search_hits_in_brackets_survive_the_table():
    rows = [{"kind": "article", "title": "Sơ kết [6] tháng", "snippet": "6 tháng đầu [năm] 2020"}]
    text = _table(rows)
    assert "[năm]" in text and "[6]" in text  # not swallowed as rich markup
