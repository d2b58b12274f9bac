"""Full-text search with and without Vietnamese diacritics."""
from __future__ import annotations

import pytest

from thidua.kb import BadFilter, load_article, open_db, search


def _article(db, url, title, text, **extra):
    return load_article(db, url=url, title=title, text=text, extraction={"province": None, **extra})


@pytest.fixture
def db(tmp_path):
    d = open_db(tmp_path / "kb.sqlite", create=True)
    _article(d, "https://a.vn/nam-dinh", "Thanh tra tỉnh Nam Định", "Đoàn kiểm tra làm việc tại Nam Định.")
    _article(d, "https://a.vn/tong-ket", "Tổng kết công tác năm 2023",
             "Thanh tra tỉnh Bắc Ninh tổng kết năm 2023, Đoàn thanh tra báo cáo.")
    _article(d, "https://a.vn/other", "Hội nghị khác", "Không liên quan gì.",
             meetings=[{"kind": "so_ket", "date": "2023-06-15", "location": "Thành phố Đà Nẵng",
                        "bloc": "Cụm thi đua số V", "period": "6 tháng đầu năm 2023"}])
    return d


def test_diacritics_rank_exact_matches_first(db):
    rows = search(db, "năm")
    urls = [r["url"] for r in rows]
    assert urls[0] == "https://a.vn/tong-ket" and rows[0]["exact"]
    assert "https://a.vn/nam-dinh" in urls  # `Nam` still matches, after the exact ones
    assert not rows[urls.index("https://a.vn/nam-dinh")]["exact"]
    assert "[năm]" in rows[0]["snippet"].lower()


def test_without_diacritics_matches_any_tone(db):
    urls = {r["url"] for r in search(db, "nam")}
    assert {"https://a.vn/nam-dinh", "https://a.vn/tong-ket"} <= urls


def test_d_bar_folds_to_d(db):
    for q in ("doan", "Đoàn", "DOAN"):
        urls = {r["url"] for r in search(db, q)}
        assert {"https://a.vn/nam-dinh", "https://a.vn/tong-ket"} <= urls, q
    (hit,) = [r for r in search(db, "doan kiem tra") if r["url"] == "https://a.vn/nam-dinh"]
    assert "[Đoàn]" in hit["snippet"]  # the highlight shows the original text, accents included


def test_phrase_words_and_meetings(db):
    assert [r["url"] for r in search(db, "thanh tra bac ninh")] == ["https://a.vn/tong-ket"]
    meetings = [r for r in search(db, "da nang") if r["kind"] == "meeting"]
    assert meetings and meetings[0]["url"] == "https://a.vn/other" and "[Đà] [Nẵng]" in meetings[0]["snippet"]


def test_limit_and_syntax_safety(db):
    assert len(search(db, "thanh", limit=1)) == 1
    assert search(db, 'năm" OR "x') is not None  # FTS operators in user text are just words
    with pytest.raises(BadFilter):
        search(db, "  ")


def test_reextraction_keeps_fts_in_sync(db):
    _article(db, "https://a.vn/nam-dinh", "Thanh tra tỉnh Nam Định", "Bài đã sửa: khen thưởng xuất sắc.")
    assert all(r["url"] != "https://a.vn/nam-dinh" for r in search(db, "doan"))
    assert [r["url"] for r in search(db, "xuat sac")] == ["https://a.vn/nam-dinh"]
    assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 3


@pytest.mark.parametrize("query", ["khiếu nại", "khieu nai"])
def test_snippet_is_one_line(db, query):
    _article(db, "https://a.vn/doan-van", "Báo cáo",
             "Phần một.\n\n   Công tác   giải quyết\t\tkhiếu nại\r\n\r\n  tố cáo   được   thực hiện.\nPhần hai.")
    (hit,) = search(db, query)
    assert hit["snippet"] == "Phần một. Công tác giải quyết [khiếu] [nại] tố cáo được thực hiện. Phần hai."


def test_capped_candidates_keep_exact_first(db, monkeypatch):
    import importlib

    search_module = importlib.import_module("thidua.kb.search")

    for i in range(4):  # newest last: `Nghệ` (exact) in two, `nghe` (other tones) in two
        _article(db, f"https://a.vn/{i}", f"Bài {i}", ("Thanh tra tỉnh Nghệ An" if i % 2 else "Cán bộ lắng nghe ý kiến")
                 + " làm việc.")
    monkeypatch.setattr(search_module, "CANDIDATES", 3)
    rows = search(db, "nghệ")
    # the three newest matches ranked (a.vn/0 is older than the cap), the exact ones first
    assert {r["url"] for r in rows[:2]} == {"https://a.vn/3", "https://a.vn/1"} and all(r["exact"] for r in rows[:2])
    assert [(r["url"], r["exact"]) for r in rows[2:]] == [("https://a.vn/2", False)]
    assert rows[0]["snippet"] == "Thanh tra tỉnh [Nghệ] An làm việc." and rows[2]["snippet"].startswith("Cán bộ lắng [nghe]")


def test_typographic_punctuation_keeps_accents_in_snippets(db):
    text = "Hội nghị “sơ kết” – Đoàn kiểm tra… báo cáo."
    aid = _article(db, "https://a.vn/quotes", "Tin", text)
    (hit,) = [r for r in search(db, "so ket") if r["url"] == "https://a.vn/quotes"]
    assert hit["snippet"] == "Hội nghị “[sơ] [kết]” – Đoàn kiểm tra… báo cáo."
    # a knowledge base built before fold wrote that punctuation as ASCII kept it in the folded column
    old_fold = "hoi nghi “so ket” – doan kiem tra… bao cao."
    db.execute("UPDATE articles_fts SET text_folded = ? WHERE rowid = ?", (old_fold, aid))
    (hit,) = [r for r in search(db, "so ket") if r["url"] == "https://a.vn/quotes"]
    assert hit["snippet"] == "Hội nghị “[sơ] [kết]” – Đoàn kiểm tra… báo cáo."
