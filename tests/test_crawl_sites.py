"""The crawler against the sample sites and the fault site, through its public API."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from thidua.crawler import CrawlConfig, UnsafeURL, crawl
from thidua.crawler.samplesites import serve_sample_sites
from thidua.kb import open_db

# Timeouts short enough that /slow.html and /drip.html fail fast; two retries (/flaky.html).
FAULTS_CONFIG = dict(delay=0.0, concurrency=2, timeout=0.3, retries=2, backoff=0.05, max_bytes=200_000)


@pytest.fixture(scope="module")
def faults_run(tmp_path_factory):
    """One crawl of the fault site, shared by the tests that only read its outcome."""
    with serve_sample_sites(faults=True, slow_seconds=1.0) as sites:
        db = open_db(tmp_path_factory.mktemp("faults") / "kb.sqlite", create=True)
        got = []
        stats = crawl([sites.faults_url + "/"], db, CrawlConfig(**FAULTS_CONFIG), on_page=got.append)
        yield SimpleNamespace(sites=sites, db=db, got=got, stats=stats, base=sites.faults_url,
                              requests=list(sites.site("faults").requests))


def _pages(db, like: str) -> dict[str, dict]:
    rows = db.execute("SELECT url, final_url, canonical_url, status, kind, error, body, content_type "
                      "FROM pages WHERE url LIKE ?", (like + "%",)).fetchall()
    keys = ("url", "final_url", "canonical_url", "status", "kind", "error", "body", "content_type")
    return {r[0]: dict(zip(keys, r, strict=True)) for r in rows}


def _frontier(db, like: str) -> dict[str, str]:
    return dict(db.execute("SELECT url, state FROM frontier WHERE url LIKE ?", (like + "%",)).fetchall())


def test_demo_sites_every_article_once(sample_sites, kb_db, fast_config):
    got = []
    stats = crawl(sample_sites.start_urls, kb_db, fast_config(concurrency=4), on_page=got.append)
    articles = [p for p in got if p.kind == "article"]
    assert stats.articles == len(articles) == 29
    assert {p.url for p in articles} == set(sample_sites.all_article_urls())
    assert len({p.canonical_url for p in articles}) == 29
    assert all(p.changed and p.status == 200 and p.text == p.text.strip() or True for p in articles)
    assert stats.errors == 0 and stats.queued_left == 0
    kinds = dict(kb_db.execute("SELECT kind, COUNT(*) FROM pages GROUP BY kind").fetchall())
    assert kinds["article"] == 29 and kinds["listing"] >= 10
    # every stored page was requested exactly once
    for site in sample_sites.sites.values():
        paths = site.paths_requested()
        assert len(paths) == len(set(paths)), site.name


def test_robots_disallow_sitemap_and_user_agent(faults_run, sample_sites, kb_db, fast_config):
    base, db, requests = faults_run.base, faults_run.db, faults_run.requests
    paths = [r.path for r in requests]
    assert paths[0] == "/robots.txt"
    assert not any(p.startswith("/private/") for p in paths)
    assert _frontier(db, base)[base + "/private/secret.html"] == "skipped"
    # linked from nowhere, found through robots.txt's Sitemap line
    assert _pages(db, base)[base + "/only-in-sitemap.html"]["kind"] == "article"
    ua = {r.headers["user-agent"] for r in requests}
    assert len(ua) == 1 and "thidua" in ua.pop() and "https://" in requests[0].headers["user-agent"]
    # the content sites' Disallow too
    crawl([sample_sites.start_urls[0]], kb_db, fast_config())
    assert not any("/_layouts/" in p for p in sample_sites.site("thanhtra").paths_requested())


def test_tracking_parameters_fragments_and_second_addresses(faults_run):
    base, got = faults_run.base, faults_run.got
    paths = [r.path for r in faults_run.requests]
    # four spellings of /article.html on the index page, one request
    assert paths.count("/article.html") == 1 and not any("utm_" in p or "clid" in p for p in paths)
    pages = _pages(faults_run.db, base)
    canon = pages[base + "/article.html"]["canonical_url"]
    handed = [p for p in got if p.kind == "article" and p.canonical_url == canon]
    assert len(handed) == 1
    # the print address and the canonical one are fetched concurrently: whichever comes back
    # first is the article, the other a duplicate of it
    kinds = {p: pages[base + p]["kind"] for p in ("/article.html", "/print/article.html")}
    assert sorted(kinds.values()) == ["article", "other"]
    second = next(p for p, kind in kinds.items() if kind == "other")
    assert "duplicate" in pages[base + second]["error"]
    # same content, no canonical link: the hash makes them one article
    nocanon = [pages[base + "/nocanon/a.html"]["kind"], pages[base + "/nocanon/b.html"]["kind"]]
    assert sorted(nocanon) == ["article", "other"]
    assert len([p for p in got if p.url.startswith(base + "/nocanon/") and p.kind == "article"]) == 1


def test_redirects_loops_schemes_errors_and_bodies(faults_run):
    base, stats = faults_run.base, faults_run.stats
    pages = _pages(faults_run.db, base)
    state = _frontier(faults_run.db, base)
    chain = pages[base + "/redirect/1"]
    assert chain["final_url"] == base + "/arrived.html" and chain["kind"] == "article"
    assert "RedirectLoop" in pages[base + "/loop/a"]["error"] and state[base + "/loop/a"] == "failed"
    assert "UnsafeRedirect" in pages[base + "/to-ftp"]["error"] and state[base + "/to-ftp"] == "skipped"
    assert pages[base + "/missing.html"]["status"] == 404 and state[base + "/missing.html"] == "failed"
    pdf = pages[base + "/files/bao-cao.pdf"]
    assert pdf["body"] is None and pdf["content_type"] == "application/pdf" and "NotHTML" in pdf["error"]
    assert "TooLarge" in pages[base + "/huge.html"]["error"] and pages[base + "/huge.html"]["body"] is None
    assert pages[base + "/broken.html"]["kind"] == "article"        # broken markup, still an article
    slow = pages[base + "/slow.html"]
    assert "timeout" in slow["error"].lower() and state[base + "/slow.html"] == "failed"
    assert [r.path for r in faults_run.requests].count("/slow.html") == 3   # two retries
    # each piece arrives within the socket timeout, the whole does not within 2 × timeout
    assert "timeout" in pages[base + "/drip.html"]["error"].lower()
    # ?start= pagination followed
    assert pages[base + "/tin-tuc?start=20"]["kind"] == "listing"
    assert stats.errors >= 3 and stats.skipped >= 4


def test_retry_after_is_honoured(faults_run):
    base = faults_run.base
    hits = [r.time for r in faults_run.requests if r.path == "/busy.html"]
    assert len(hits) == 2 and hits[1] - hits[0] >= 0.95
    assert _pages(faults_run.db, base)[base + "/busy.html"]["status"] == 200


def test_server_errors_are_retried_with_exponential_backoff(faults_run):
    base = faults_run.base
    hits = [r.time for r in faults_run.requests if r.path == "/flaky.html"]
    assert len(hits) == 3
    assert hits[1] - hits[0] >= 0.05 - 0.01 and hits[2] - hits[1] >= 0.10 - 0.01
    assert _pages(faults_run.db, base)[base + "/flaky.html"]["kind"] == "article"
    assert _frontier(faults_run.db, base)[base + "/flaky.html"] == "done"


def test_windows_1258_page_equals_its_utf8_twin(faults_run):
    import lxml.html

    base = faults_run.base
    pages = _pages(faults_run.db, base)

    def text(url):
        tree = lxml.html.fromstring(pages[url]["body"])
        return tree.find(".//main").text_content()

    utf8 = text(base + "/utf8.html")
    assert "Khối Thi đua Các cơ quan Nội chính tỉnh Bắc Ninh" in utf8
    assert text(base + "/cp1258.html") == utf8
    assert text(base + "/cp1258-nometa.html") == utf8
    assert pages[base + "/cp1258.html"]["content_type"] == "text/html"


def test_stays_on_site_and_out_of_private_networks(sample_sites, kb_db, fast_config):
    base = sample_sites.faults_url
    other = sample_sites.site("thanhtra")
    crawl([base + "/"], kb_db, CrawlConfig(**FAULTS_CONFIG))
    frontier = _frontier(kb_db, "")
    assert not any("example.invalid" in u or "localhost" in u or "10.255" in u for u in frontier)
    assert other.requests == []
    # --any-site: links are followed, but not into loopback/private hosts other than the start's
    crawl([base + "/"], kb_db, CrawlConfig(**{**FAULTS_CONFIG, "same_site": False, "max_pages": 60}))
    frontier = _frontier(kb_db, "")
    assert frontier[f"http://localhost:{other.base_url.rsplit(':', 1)[1]}/"] == "skipped"
    assert frontier["http://10.255.255.1/noi-bo.html"] == "skipped"
    assert other.requests == []
    with pytest.raises(UnsafeURL):
        crawl(["ftp://127.0.0.1/"], kb_db, CrawlConfig())


def test_per_host_delay_and_concurrency(sample_sites, kb_db, fast_config):
    site = sample_sites.site("tuphap")
    site.latency = 0.05
    crawl([site.base_url + "/"], kb_db, fast_config(delay=0.1, concurrency=2))
    starts = [r.time for r in site.requests]
    assert len(starts) >= 8
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert min(gaps) >= 0.1 - 0.03
    assert site.max_in_flight <= 2
    # no delay, concurrency 3: never more than 3 at once, and they do overlap
    site2 = sample_sites.site("thanhtra")
    site2.latency = 0.05
    crawl([site2.base_url + "/"], kb_db, fast_config(concurrency=3))
    assert 2 <= site2.max_in_flight <= 3


def test_max_pages_stops_and_the_next_run_continues(sample_sites, kb_db, fast_config):
    site = sample_sites.site("bacninh")
    first = crawl([site.base_url + "/"], kb_db, fast_config(max_pages=5))
    assert first.fetched == 5 and first.queued_left > 0
    done = set(site.paths_requested())
    site.clear()
    second = crawl([site.base_url + "/"], kb_db, fast_config())
    assert second.queued_left == 0 and second.not_modified == 0
    again = [p for p in site.paths_requested() if p != "/robots.txt"]
    assert not (set(again) & done)
    assert first.articles + second.articles == 7


def test_progress_line_only_when_asked(sample_sites, kb_db, fast_config, capsys):
    site = sample_sites.site("tuphap")
    crawl([site.base_url + "/"], kb_db, fast_config())          # stdout is not a terminal: quiet
    assert capsys.readouterr().out == ""
    crawl([site.base_url + "/"], kb_db, fast_config(), progress=True)
    out = capsys.readouterr().out
    assert "crawl:" in out and "unchanged" in out and out.count("\n") >= 1


def test_unreachable_host_is_an_error_not_a_skip(kb_db, fast_config):
    import socket

    with socket.socket() as sock:      # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    stats = crawl([f"http://127.0.0.1:{port}/"], kb_db, fast_config(retries=2))
    assert stats.fetched == 0 and stats.errors == 2 and stats.skipped == 0   # the page and /sitemap.xml
    assert kb_db.execute("SELECT state FROM frontier WHERE url = ?",
                         (f"http://127.0.0.1:{port}/",)).fetchone()[0] == "failed"


def test_robots_server_error_means_disallow_all(sample_sites, kb_db, fast_config):
    from thidua.crawler.samplesites import Response

    site = sample_sites.site("tuphap")
    site.add("/robots.txt", Response(500, b"oops", conditional=False))
    stats = crawl([site.base_url + "/"], kb_db, fast_config())
    assert stats.fetched == 0 and stats.skipped >= 1
    assert site.paths_requested() == ["/robots.txt"]


def test_a_start_url_that_moved_brings_its_new_site(sample_sites, kb_db, fast_config):
    from thidua.crawler.samplesites import Response

    old, new = sample_sites.site("tuphap"), sample_sites.site("baotinh")
    old.add("/", Response(301, headers={"Location": new.base_url + "/"}, conditional=False))
    got = []
    crawl([old.base_url + "/"], kb_db, fast_config(), on_page=got.append)
    assert set(sample_sites.article_urls("baotinh")) <= {p.url for p in got if p.kind == "article"}


def test_crawl_from_inside_a_running_event_loop(sample_sites, kb_db, fast_config):
    import asyncio

    site = sample_sites.site("tuphap")

    async def notebook_cell():
        return crawl([site.base_url + "/"], kb_db, fast_config())

    stats = asyncio.run(notebook_cell())
    assert stats.articles == 3


def test_a_long_retry_after_leaves_the_host_for_a_later_run(sample_sites, kb_db, fast_config):
    from thidua.crawler.samplesites import Response

    site = sample_sites.site("tuphap")
    site.add("/", Response(429, b"slow down", headers={"Retry-After": "3600"}, conditional=False))
    stats = crawl([site.base_url + "/"], kb_db, fast_config(max_retry_after=60))
    assert stats.errors_by_kind.get("deferred") == 1 and stats.queued_left >= 1
    row = kb_db.execute("SELECT state, next_try FROM frontier WHERE url = ?", (site.base_url + "/",)).fetchone()
    assert row[0] == "queued" and row[1] > "2000"
    # the next run does not sit out the hour either: the URL is not due yet
    site.clear()
    again = crawl([site.base_url + "/"], kb_db, fast_config(max_retry_after=60))
    assert "/" not in site.paths_requested() and again.queued_left >= 1
