"""Extraction speed on one core: text articles, whole pages, and trafilatura for comparison.

usage: .venv/bin/python bench/bench_extract.py [--n 1200] [--seed 7]

The corpus is recombined from the seeds and dev set in tests/fixtures/devset (or the copy
$THIDUA_SHARED names): a headline and date line of one article over paragraphs drawn from
two, so it has ≥ 1,000 distinct articles of realistic length; pages wrap each one in one of
several portal layouts (SharePoint, WordPress, Joomla table, news site) with menus, counters
and related-news lists. Prints articles per second, the share of time per pipeline stage, and
trafilatura's own speed on the same pages. Nothing here runs in the test suite.
"""
from __future__ import annotations

import argparse
import html as htmllib
import json
import os
import random
import time
from collections import defaultdict
from pathlib import Path

# The seeds + dev set kept in the repo, so the bench runs on a fresh clone; THIDUA_SHARED
# points it at another copy (e.g. the shared workspace) instead.
SHARED = Path(os.environ.get("THIDUA_SHARED") or Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "devset")


def load_articles() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    dev = SHARED / "dev" / "articles.jsonl"
    if dev.exists():
        texts += [json.loads(line)["text"] for line in dev.open(encoding="utf-8") if line.strip()]
    return texts


def recombine(texts: list[str], n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    paras = [[p.strip() for p in t.split("\n") if len(p.strip()) > 40] for t in texts]
    out = []
    for i in range(n):
        a, b = rng.sample(range(len(texts)), 2)
        body = paras[a][: rng.randint(2, 8)] + rng.sample(paras[b], min(len(paras[b]), rng.randint(1, 5)))
        title = (paras[a][0][:110].rsplit(" ", 1)[0] if paras[a] else f"Bài {i}").rstrip(".,;:")
        date = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2012, 2025)}"
        out.append({"title": title, "date": date, "body": body,
                    "text": "\n\n".join([title, date] + body)})
    return out


def _paras(body):
    return "".join(f"<p>{htmllib.escape(p)}</p>\n" for p in body)


LAYOUTS = [
    lambda a: f"""<html><head><title>{htmllib.escape(a['title'])}</title></head><body>
<div id="s4-ribbonrow">Skip Ribbon Commands <a>Sign In</a></div>
<div id="menu-main"><ul>{''.join(f'<li><a href="/m{i}">Mục {i}</a></li>' for i in range(12))}</ul></div>
<div class="news-detail"><h1 class="title-detail">{htmllib.escape(a['title'])}</h1>
<div class="date-view">{a['date']} 15:40 <span>Số lượt xem: 351</span></div>
<div class="ms-rtestate-field">{_paras(a['body'])}</div></div>
<div class="other-news"><h3>Các tin khác</h3><ul>{''.join(f'<li><a href="/t{i}">Tin số {i} về hội nghị thi đua</a></li>' for i in range(8))}</ul></div>
<div class="footer">Online : 4147 Đã truy cập : 120704898</div></body></html>""",
    lambda a: f"""<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8">
<title>{htmllib.escape(a['title'])} | Báo Online</title>
<meta property="og:title" content="{htmllib.escape(a['title'])}"></head>
<body><header class="site-header"><nav class="main-navigation"><ul>{''.join(f'<li>Chuyên mục {i}</li>' for i in range(10))}</ul></nav></header>
<article><header class="entry-header"><h1 class="entry-title">{htmllib.escape(a['title'])}</h1>
<div class="entry-meta"><span class="posted-on">Cập nhật ngày: {a['date']} - 20:57</span></div></header>
<div class="entry-content">{_paras(a['body'])}<p class="author">Thanh Thủy</p></div></article>
<section class="related-posts"><h2>Tin liên quan</h2><ul><li>Khối thi đua ký kết giao ước</li></ul></section>
<div id="comments"><form><textarea></textarea></form></div>
<aside class="widget-area"><h2>Tin xem nhiều</h2></aside><footer>© Báo</footer></body></html>""",
    lambda a: f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Sở Văn hóa - {htmllib.escape(a['title'])}</title></head><body>
<table width="1000"><tr><td colspan="3" class="menutop"><a>Trang chủ</a> | <a>Giới thiệu</a></td></tr>
<tr><td class="leftcol"><a>Tin hoạt động</a><br><a>Văn bản</a></td><td>
<table class="contentpaneopen"><tr><td class="contentheading">{htmllib.escape(a['title'])}</td></tr></table>
<table class="contentpaneopen"><tr><td class="createdate">Thứ ba - {a['date']} 21:00</td></tr>
<tr><td>{_paras(a['body'])}</td></tr></table>
<table class="tinkhac"><tr><td><b>Các tin khác</b></td></tr></table></td>
<td class="rightcol">Thống kê truy cập<br>Đang online: 12</td></tr></table></body></html>""",
    lambda a: f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{htmllib.escape(a['title'])}</title>
<meta property="article:published_time" content="{a['date'][6:]}-{a['date'][3:5]}-{a['date'][:2]}T09:00:00+07:00"></head>
<body><div class="header"><div class="clock">Thứ 6, 03/05/2024, 22:35[GMT+7]</div><ul class="nav"><li>Thời sự</li></ul></div>
<div class="box-detail"><h1 class="title">{htmllib.escape(a['title'])}</h1><div class="info">{a['date']} | 20:31:39</div>
<div class="detail-content">{_paras(a['body'])}</div><div class="box-share">Chia sẻ</div>
<div class="tin-lien-quan"><h3>Tin liên quan</h3></div></div></body></html>""",
]


def bench_text(articles) -> tuple[float, dict]:
    from thidua.extract.context import ArticleContext
    from thidua.extract.pipeline import assemble, get_nlp
    from thidua.extract.textnorm import nfc

    nlp = get_nlp()
    stage = defaultdict(float)
    t0 = time.perf_counter()
    for a in articles:
        s = time.perf_counter()
        ctx = ArticleContext(text=nfc(a["text"]))
        doc = nlp.make_doc(ctx.text)
        doc._.ctx = ctx
        stage["tokenizer (+nfc)"] += time.perf_counter() - s
        for name, proc in nlp.pipeline:
            s = time.perf_counter()
            doc = proc(doc)
            stage[name] += time.perf_counter() - s
        s = time.perf_counter()
        assemble(doc)
        stage["assemble"] += time.perf_counter() - s
    return time.perf_counter() - t0, stage


def bench_pages(pages) -> tuple[float, float]:
    from thidua.extract import extract_html
    from thidua.extract.page import parse_page

    t0 = time.perf_counter()
    for p in pages:
        parse_page(p, fetched_at="2026-01-01")
    parse_time = time.perf_counter() - t0
    t0 = time.perf_counter()
    for p in pages:
        extract_html(p, fetched_at="2026-01-01")
    return parse_time, time.perf_counter() - t0


def bench_trafilatura(pages) -> float:
    import trafilatura

    t0 = time.perf_counter()
    for p in pages:
        trafilatura.bare_extraction(p, with_metadata=True)
    return time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    articles = recombine(load_articles(), args.n, args.seed)
    pages = [LAYOUTS[i % len(LAYOUTS)](a) for i, a in enumerate(articles)]

    from thidua.extract import extract_text
    extract_text(articles[0]["text"])  # build the pipeline outside the timings

    total, stage = bench_text(articles)
    n = len(articles)
    print(f"articles: {n}  mean text length: {sum(len(a['text']) for a in articles) // n} chars")
    print(f"\n{'text extraction':34} {n / total:8.1f} articles/s  ({total:.2f} s)")
    print(f"  {'stage':32} {'share':>6} {'ms/article':>11}")
    for name, t in sorted(stage.items(), key=lambda kv: -kv[1]):
        print(f"  {name:32} {t / total:6.1%} {1000 * t / n:11.3f}")

    parse_time, html_total = bench_pages(pages)
    traf = bench_trafilatura(pages)
    print(f"\n{'page parsing (parse_page)':34} {n / parse_time:8.1f} pages/s  ({parse_time:.2f} s)")
    print(f"{'whole pages (extract_html)':34} {n / html_total:8.1f} pages/s  ({html_total:.2f} s)")
    print(f"  share of page time in parse_page: {parse_time / html_total:.1%}")
    print(f"{'trafilatura.bare_extraction alone':34} {n / traf:8.1f} pages/s  ({traf:.2f} s)")
    print(f"  parse_page vs trafilatura: {traf / parse_time:.2f}x as fast")


if __name__ == "__main__":
    main()
