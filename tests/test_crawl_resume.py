"""Resumable and incremental: kill -9 and resume, conditional recrawls, changed pages, WARC."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading

from warcio.archiveiterator import ArchiveIterator

from thidua.crawler import crawl, iter_warc_pages
from thidua.crawler.samplesites import Response
from thidua.kb import open_db

# The crawl the test kills: its own process, like `thidua crawl`, concurrency 1 so the
# number of pages stored before the kill is predictable.
CHILD = """
import json, sys
from thidua.crawler import CrawlConfig, crawl
from thidua.kb import open_db
db = open_db(sys.argv[1], create=True)
handed = []
stats = crawl([sys.argv[2]], db, CrawlConfig(delay=0, concurrency=1, timeout=5),
              on_page=lambda p: handed.append(p.url))
print(json.dumps({"fetched": stats.fetched, "handed": handed, "queued_left": stats.queued_left}))
"""


def _run_child(db_path, url, kill_at=None, site=None):
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db_path), url],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if kill_at is not None:
        count = {"n": 0}
        lock = threading.Lock()

        def killer(_req):
            with lock:
                count["n"] += 1
                if count["n"] == kill_at:
                    os.kill(proc.pid, signal.SIGKILL)   # mid-request, mid-crawl

        site.hooks.append(killer)
    out, err = proc.communicate(timeout=60)
    if kill_at is not None:
        site.hooks.clear()
        assert proc.returncode == -signal.SIGKILL, err
        return None
    assert proc.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


def test_killed_crawl_resumes_without_refetching_or_duplicates(sample_sites, tmp_path):
    site = sample_sites.site("thanhtra")
    db_path = tmp_path / "kb.sqlite"
    _run_child(db_path, site.base_url + "/", kill_at=9, site=site)
    db = open_db(db_path)
    stored = {u for (u,) in db.execute("SELECT url FROM pages").fetchall()}
    assert len(stored) >= 4                      # robots + 8 requests, one at a time
    assert db.execute("SELECT COUNT(*) FROM frontier WHERE state = 'queued'").fetchone()[0] > 0
    db.conn.close()
    site.clear()
    result = _run_child(db_path, site.base_url + "/")
    again = {site.base_url + p for p in site.paths_requested()}
    assert not (again & stored), "a page stored before the kill was fetched again"
    db = open_db(db_path)
    urls = [u for (u,) in db.execute("SELECT url FROM pages").fetchall()]
    assert len(urls) == len(set(urls))
    articles = {u for (u,) in db.execute("SELECT url FROM pages WHERE kind = 'article'").fetchall()}
    assert articles == set(sample_sites.article_urls("thanhtra"))
    assert result["queued_left"] == 0
    assert db.execute("SELECT COUNT(*) FROM frontier WHERE state = 'queued'").fetchone()[0] == 0
    # the resumed run handed on exactly the articles the killed one had not stored
    assert set(result["handed"]) & articles == articles - stored


def test_recrawl_is_conditional_and_reports_only_changes(sample_sites, kb_db, fast_config):
    site = sample_sites.site("bacninh")
    start = site.base_url + "/"
    first = crawl([start], kb_db, fast_config())
    assert first.articles == 7 and first.fetched > 7
    site.clear()
    got = []
    second = crawl([start], kb_db, fast_config(), on_page=got.append)
    assert got == [] and second.fetched == 0 and second.articles == 0
    assert second.not_modified == first.fetched
    page_requests = [r for r in site.requests if r.path != "/robots.txt"]
    assert page_requests and all("if-none-match" in r.headers and "if-modified-since" in r.headers
                                 for r in page_requests)
    # the site updates one article: only that one comes back, changed
    url = sample_sites.article_urls("bacninh")[1]
    field = b'<div class="ms-rtestate-field">'
    sample_sites.set_page(url, sample_sites.body(url).replace(field, field + "<p>Cập nhật lúc 10:00.</p>".encode()))
    third = crawl([start], kb_db, fast_config(), on_page=got.append)
    assert [p.url for p in got] == [url] and got[0].changed and got[0].kind == "article"
    assert third.fetched == 1 and third.articles == 1 and third.not_modified == first.fetched - 1
    stored = kb_db.execute("SELECT body, sha256 FROM pages WHERE url = ?", (url,)).fetchone()
    assert "Cập nhật lúc 10:00." in stored[0] and stored[1] == got[0].sha256


def test_a_new_view_count_or_script_nonce_is_not_a_change(sample_sites, kb_db, fast_config):
    site = sample_sites.site("baobacgiang")
    crawl([site.base_url + "/"], kb_db, fast_config())
    url = sample_sites.article_urls("baobacgiang")[2]
    body = sample_sites.body(url).decode()
    assert "Lượt xem: " in body
    bumped = body.replace("Lượt xem: ", "Lượt xem: 1").replace("Online : 4147", "Online : 5012").replace(
        "</head>", '<script>var nonce="8f3a1c";</script></head>')
    sample_sites.set_page(url, bumped)
    got = []
    stats = crawl([site.base_url + "/"], kb_db, fast_config(), on_page=got.append)
    assert stats.fetched == 1 and stats.unchanged == 1 and got == []
    # the new bytes are stored all the same: the next recrawl compares against them
    assert "5012" in kb_db.execute("SELECT body FROM pages WHERE url = ?", (url,)).fetchone()[0]


def test_same_content_without_validators_is_not_a_change(sample_sites, kb_db, fast_config):
    site = sample_sites.site("tuphap")
    crawl([site.base_url + "/"], kb_db, fast_config())
    url = sample_sites.article_urls("tuphap")[0]
    path = url[len(site.base_url):]
    site.add(path, Response(body=sample_sites.body(url), conditional=False))   # no ETag, no 304
    got = []
    stats = crawl([site.base_url + "/"], kb_db, fast_config(), on_page=got.append)
    assert got == [] and stats.fetched == 1 and stats.unchanged == 1


def test_warc_records_every_response_and_reads_back(sample_sites, kb_db, fast_config, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    site = sample_sites.site("baotinh")
    crawl([site.base_url + "/"], kb_db, fast_config(warc_path=str(warc)))
    pages = list(iter_warc_pages(warc))
    stored = dict(kb_db.execute("SELECT url, body FROM pages WHERE kind = 'article'").fetchall())
    from_warc = {p.url: p for p in pages if p.kind == "article"}
    assert set(from_warc) == set(stored) == set(sample_sites.article_urls("baotinh"))
    assert all(from_warc[u].text == stored[u] and from_warc[u].canonical_url for u in stored)
    # a recrawl appends its 304s; reading skips them, so the pages are the same
    crawl([site.base_url + "/"], kb_db, fast_config(warc_path=str(warc)))
    assert {p.url for p in iter_warc_pages(warc) if p.kind == "article"} == set(stored)
    with open(warc, "rb") as fh:  # the file is standard WARC: warcinfo, then request/response pairs
        records = [(r.rec_type, r.rec_headers) for r in ArchiveIterator(fh)]
    assert records[0][0] == "warcinfo"
    responses = {h.get_header("WARC-Record-ID"): h for t, h in records if t == "response"}
    requests = [h for t, h in records if t == "request"]
    assert len(requests) == len(responses) > 0
    assert all(responses[h.get_header("WARC-Concurrent-To")].get_header("WARC-Target-URI")
               == h.get_header("WARC-Target-URI") for h in requests)
    plain = tmp_path / "crawl.warc"
    crawl([sample_sites.faults_url + "/utf8.html"], kb_db, fast_config(warc_path=str(plain), max_pages=1))
    assert [p.url for p in iter_warc_pages(plain)] == [sample_sites.faults_url + "/utf8.html"]
