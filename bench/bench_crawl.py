"""Crawl speed: pages per second on a generated local site, beside Scrapy's `scrapy bench`.

    .venv/bin/python bench/bench_crawl.py [--pages 2000] [--concurrency 16] [--no-scrapy]

The site (≥ 2,000 article pages of ~3 KB text, each linking to 10 others, plus paginated
listings) is served by the sample-site server in a separate process, so the crawler and
the server do not share a GIL. thidua crawls it with no delay and `--concurrency` requests
in flight, storing every page in a fresh knowledge base (one commit per page), as a real
crawl does. `scrapy bench` (Scrapy's own benchmark: its spider following links on its own
local server for 10 s) runs in the same invocation when Scrapy is installed
(`pip install scrapy`, the `bench` extra); otherwise it prints 'scrapy not installed'.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("thi đua khen thưởng Khối Cụm thanh tra tỉnh Bắc Ninh hội nghị tổng kết sơ kết giao ước "
         "đơn vị cơ quan Nội chính Tòa án nhân dân Viện Kiểm sát Công an Cờ Bằng khen năm").split()


def _page(i: int, n: int, rng: random.Random) -> bytes:
    links = "".join(f'<li><a href="/tin/{(i * 7 + k * 13 + 1) % n}.html">Tin {(i * 7 + k * 13 + 1) % n}</a></li>'
                    for k in range(10))
    paras = "".join("<p>" + " ".join(rng.choice(WORDS) for _ in range(60)) + ".</p>" for _ in range(6))
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin số {i}</title>'
            f'<link rel="canonical" href="https://bench.example.vn/tin/{i}.html">'
            f'<meta property="og:type" content="article"></head><body>'
            f'<nav class="menu"><a href="/">Trang chủ</a> <a href="/danh-sach?Page=1">Tin tức</a></nav>'
            f'<article><h1>Tin số {i}: Khối thi đua tổ chức hội nghị</h1>{paras}</article>'
            f'<aside class="related"><ul>{links}</ul></aside><footer>Bench site</footer></body></html>'
            ).encode()


def _serve(n: int, per_page: int, port_out, stop) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from thidua.crawler.samplesites.server import Response, Site, SiteServer

    rng = random.Random(42)
    site = Site("bench")
    for i in range(n):
        site.add(f"/tin/{i}.html", Response(body=_page(i, n, rng)))
    pages = (n + per_page - 1) // per_page
    for p in range(1, pages + 1):
        items = "".join(f'<li><a href="/tin/{i}.html">Khối thi đua tổ chức hội nghị số {i}</a></li>'
                        for i in range((p - 1) * per_page, min(n, p * per_page)))
        nxt = f'<a rel="next" href="/danh-sach?Page={p + 1}">Sau</a>' if p < pages else ""
        site.add(f"/danh-sach?Page={p}", Response(body=(
            f'<html><head><meta charset="utf-8"><title>Trang {p}</title></head><body><h1>Tin tức</h1>'
            f'<ul>{items}</ul><div class="paging">{nxt}</div></body></html>').encode()))
    site.add("/", Response(body=b'<html><body><a href="/danh-sach?Page=1">Tin</a></body></html>'))
    site.add("/robots.txt", Response(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    server = SiteServer(site).start()
    port_out.put(server.port)
    stop.wait()
    server.stop()


def bench_thidua(n: int, concurrency: int) -> dict:
    from thidua.crawler import CrawlConfig, crawl
    from thidua.kb import open_db

    ctx = mp.get_context("spawn")
    port_q, stop = ctx.Queue(), ctx.Event()
    proc = ctx.Process(target=_serve, args=(n, 50, port_q, stop), daemon=True)
    proc.start()
    try:
        port = port_q.get(timeout=60)
        with tempfile.TemporaryDirectory() as tmp:
            db = open_db(Path(tmp) / "bench.sqlite", create=True)
            handed = []
            config = CrawlConfig(delay=0.0, concurrency=concurrency, sitemaps=False, timeout=30)
            t0 = time.perf_counter()
            stats = crawl([f"http://127.0.0.1:{port}/"], db, config, on_page=handed.append, progress=False)
            secs = time.perf_counter() - t0
            stored = db.execute("SELECT COUNT(*) FROM pages WHERE kind = 'article'").fetchone()[0]
    finally:
        stop.set()
        proc.join(timeout=10)
    return {"pages": stats.fetched, "articles": stored, "errors": stats.errors, "seconds": secs,
            "pages_per_s": stats.fetched / secs}


def bench_scrapy() -> dict | None:
    try:
        import scrapy  # noqa: F401
    except ImportError:
        return None
    with tempfile.TemporaryDirectory() as tmp:  # outside any Scrapy project
        out = subprocess.run([sys.executable, "-m", "scrapy", "bench"], cwd=tmp, capture_output=True,
                             text=True, timeout=180)
    log = out.stdout + out.stderr
    count = re.search(r"'response_received_count': (\d+)", log)
    secs = re.search(r"'elapsed_time_seconds': ([\d.]+)", log)
    if not (count and secs):
        return {"error": log[-500:]}
    return {"pages": int(count.group(1)), "seconds": float(secs.group(1)),
            "pages_per_s": int(count.group(1)) / float(secs.group(1))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--no-scrapy", action="store_true")
    args = ap.parse_args(argv)
    ours = bench_thidua(args.pages, args.concurrency)
    print(f"thidua crawl: {ours['pages']} pages ({ours['articles']} articles, {ours['errors']} errors) "
          f"in {ours['seconds']:.1f} s = {ours['pages_per_s']:.0f} pages/s "
          f"(concurrency {args.concurrency}, delay 0, one commit per page)")
    if args.no_scrapy:
        return 0
    theirs = bench_scrapy()
    if theirs is None:
        print("scrapy not installed")
    elif "error" in theirs:
        print(f"scrapy bench failed: {theirs['error']}")
    else:
        print(f"scrapy bench: {theirs['pages']} pages in {theirs['seconds']:.1f} s = "
              f"{theirs['pages_per_s']:.0f} pages/s")
        print(f"ratio: {ours['pages_per_s'] / theirs['pages_per_s']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
