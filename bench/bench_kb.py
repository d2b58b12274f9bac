"""Benchmark of the knowledge base: load rate and query/search latency on synthetic articles.

    .venv/bin/python bench/bench_kb.py                # 100,000 articles (targets: ≥2,000 art/s, p95 ≤ 50 ms)
    .venv/bin/python bench/bench_kb.py --articles 2000 --db /tmp/kb.sqlite --keep

Articles are generated extraction objects (CONTRACT §2) that vary province, year, bloc, award
and meeting, and overlap the way real coverage does: many articles report the same bloc-year,
meeting and award, so dedup and sources are exercised at scale.
"""
from __future__ import annotations

import argparse
import gc
import random
import sys
import tempfile
import time
from pathlib import Path

from thidua.kb import (
    agency_profile,
    load_article,
    open_db,
    query_awards,
    query_blocs,
    query_figures,
    query_meetings,
    search,
    summary,
    transaction,
)
from thidua.kb.names import provinces
from thidua.pipeline import BATCH_ARTICLES, BATCH_SECONDS, Batches

BODIES = ["Thanh tra tỉnh", "Công an tỉnh", "Tòa án nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh",
          "Bộ Chỉ huy Quân sự tỉnh", "Sở Tư pháp tỉnh", "Cục Thi hành án dân sự tỉnh", "Sở Nội vụ tỉnh"]
AWARDS = ["Cờ thi đua của Chính phủ", "Cờ thi đua của Ủy ban nhân dân tỉnh",
          "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Bằng khen của Thủ tướng Chính phủ"]
STATUSES = ["registered", "proposed", "conferred"]
KINDS = ["so_ket", "tong_ket", "ky_giao_uoc", "phat_dong"]
YEARS = list(range(2015, 2026))
PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Đặng Thị Giang"]
WORDS = ("công tác thanh tra tiếp công dân giải quyết khiếu nại tố cáo phòng chống tham nhũng thi đua khen "
         "thưởng năm kết quả nổi bật đơn vị hội nghị tổng kết sơ kết phong trào giao ước nhiệm vụ trọng tâm").split()


def _prov_names() -> list[str]:
    return sorted({r["name"] for r in provinces().values() if r["name"] != "Huế"})


def agency(body: str, prov: str) -> str:
    kind = "thành phố" if prov in {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"} else "tỉnh"
    return body.replace(" tỉnh", f" {kind} {prov}")


def make_article(i: int, rnd: random.Random, provs: list[str], words: int = 290) -> dict:
    prov = rnd.choice(provs)
    year = rnd.choice(YEARS)
    members = [agency(b, prov) for b in BODIES]
    leader = members[(year + len(prov)) % len(members)]
    national = rnd.random() < 0.3
    if national:
        n = rnd.randint(1, 10)
        bname = f"Cụm thi đua số {rnd.choice([str(n), 'IVXLC'[0] * n if n < 4 else str(n)])}"
        cluster = [agency("Thanh tra tỉnh", p) for p in provs[(n * 6) % len(provs):][:6]]
        bloc = {"name": bname, "parent": "Thanh tra Chính phủ", "year": year, "members": cluster,
                "member_count": len(cluster), "leader": cluster[year % len(cluster)],
                "deputy_leaders": [cluster[(year + 1) % len(cluster)]], "next_leader": None}
    else:
        short = rnd.random() < 0.5  # the province's own site writes the short name
        bname = "Khối thi đua Nội chính" if short else f"Khối thi đua các cơ quan Nội chính tỉnh {prov}"
        bloc = {"name": bname, "parent": "Ủy ban nhân dân tỉnh", "year": year, "members": members,
                "member_count": len(members), "leader": leader, "deputy_leaders": [members[(year + 3) % 8]],
                "next_leader": {"agency": members[(year + 1 + len(prov)) % 8], "year": year + 1}}
    kind = rnd.choice(KINDS)
    month = {"so_ket": 6, "tong_ket": 12, "ky_giao_uoc": 2, "phat_dong": 3}[kind]
    meeting = {"kind": kind, "date": f"{year}-{month:02d}-{rnd.choice([10, 15, 20]):02d}",
               "location": f"Trụ sở {rnd.choice(members)}", "bloc": bname, "period": f"năm {year}"}
    awards = [{"award": rnd.choice(AWARDS), "recipient": rnd.choice(members), "year": year,
               "status": rnd.choice(STATUSES)} for _ in range(rnd.randint(1, 4))]
    body_words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(words // 2, words * 3 // 2)))
    lead = f"{leader} báo cáo {rnd.randint(10, 500)} cuộc thanh tra, kiểm tra"
    text = f"{bname} tổ chức hội nghị năm {year}. {body_words}.\n{lead}, {rnd.randint(1, 99)},{rnd.randint(1, 9)}% đơn thư."
    figs = []
    i1 = text.index(lead) + len(leader) + len(" báo cáo ")
    figs.append({"value": int(text[i1:].split()[0]), "unit": "cuộc thanh tra, kiểm tra",
                 "text": text[i1:].split(",")[0], "start": i1, "end": i1 + len(text[i1:].split(",")[0])})
    pct = text.rindex(", ") + 2
    figs.append({"value": 1.0, "unit": "%", "text": text[pct:text.rindex("%") + 1], "start": pct,
                 "end": text.rindex("%") + 1})
    # every fact carries the offsets of its evidence, as the extractor gives them: the bloc, its
    # meeting and awards in the opening sentence, people and documents in the report's paragraph
    opening = (0, text.index(". "))
    report = (text.index(lead), len(text))
    bloc.update(start=opening[0], end=opening[1])
    meeting.update(start=opening[0], end=opening[1])
    for a in awards:
        a.update(start=opening[0], end=opening[1])
    return {
        "url": f"https://site{i % 40}.example.vn/{year}/{i}",
        "title": f"{bname} {'sơ kết' if kind == 'so_ket' else 'tổng kết'} năm {year} ({i})",
        "published": f"{year}-{month:02d}-{rnd.randint(1, 28):02d}",
        "text": text,
        "extraction": {
            "province": None if national else prov, "blocs": [bloc], "meetings": [meeting], "awards": awards,
            "people": [{"name": rnd.choice(PEOPLE), "title": "Chánh Thanh tra", "agency": members[0],
                        "start": report[0], "end": report[1]}],
            "figures": figs,
            "documents": [{"number": f"{rnd.randint(1, 200)}/KH-UBND", "kind": "Kế hoạch",
                           "date": f"{year}-01-{rnd.randint(1, 28):02d}", "issuer": f"Ủy ban nhân dân tỉnh {prov}",
                           "start": report[0], "end": report[1]}],
            "agencies": members,
        },
    }


def pct(samples: list[float], q: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=0,
                    help="articles per transaction: 0 = `thidua ingest`'s batches (pipeline.Batches), "
                         "1 = one commit each")
    ap.add_argument("--runs", type=int, default=40, help="runs of each query")
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the database file")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--words", type=int, default=290,
                    help="mean filler words per article text: 290 gives about 1,500 characters, the dev "
                         "set's median article")
    args = ap.parse_args(argv)

    tmp = None
    path = args.db
    if path is None:
        tmp = tempfile.TemporaryDirectory(prefix="thidua-bench-")
        path = Path(tmp.name) / "bench.sqlite"
    if path.exists():
        print(f"{path} exists; choose a new --db", file=sys.stderr)
        return 1
    rnd = random.Random(args.seed)
    provs = _prov_names()
    arts = [make_article(i, rnd, provs, args.words) for i in range(args.articles)]
    db = open_db(path, create=True)

    t0 = time.perf_counter()
    if args.batch == 0:  # what `thidua ingest` does with extraction objects
        with Batches(db) as batches:
            for a in arts:
                batches.load(load_article, db, **a)
        how = (f"ingest's batches of ≤{BATCH_ARTICLES:,} articles or {BATCH_SECONDS:g} s: "
               f"{batches.committed} batches")
    elif args.batch == 1:
        for a in arts:
            load_article(db, **a)
        how = "one commit per article"
    else:
        for n in range(0, len(arts), args.batch):
            with transaction(db):
                for a in arts[n:n + args.batch]:
                    load_article(db, **a)
        how = f"batches of {args.batch:,}"
    load_s = time.perf_counter() - t0
    # a second, per-article-commit sample: what `thidua crawl` does
    t1 = time.perf_counter()
    sample = arts[: min(2000, len(arts))]
    for a in sample:
        load_article(db, **{**a, "url": a["url"] + "?again"})
    single_s = time.perf_counter() - t1
    db.conn.execute("ANALYZE")
    chars = sum(len(a["text"]) for a in arts) / max(1, len(arts))
    print(f"articles: {args.articles:,} (text {chars:,.0f} characters on average)  "
          f"db: {path.stat().st_size / 1e6:.1f} MB")
    print(f"load ({how}): {args.articles / load_s:,.0f} articles/s ({load_s:.1f} s)")
    print(f"load (one commit per article, {len(sample)}): {len(sample) / single_s:,.0f} articles/s")
    # the generated articles are garbage from here: a query process (the CLI, Datasette) does not
    # hold them, and the collector walking their millions of objects during a query was its p95
    arts = sample = a = None
    gc.collect()
    print(f"summary: {summary(db)}")

    qr = random.Random(args.seed + 1)

    def P():
        return qr.choice(provs)

    def Y():
        return qr.choice(YEARS)

    cases = {
        "blocs year+bloc": lambda: query_blocs(db, year=Y(), bloc="Nội chính"),
        "blocs bloc history": lambda: query_blocs(db, bloc=f"Khối thi đua Nội chính tỉnh {P()}"),
        "blocs province+pred": lambda: query_blocs(db, province=P(), year=Y(), with_predecessors=True),
        "blocs agency": lambda: query_blocs(db, agency=f"Thanh tra tỉnh {P()}"),
        "awards flag→inspectorates": lambda: query_awards(db, award="Cờ thi đua của Chính phủ", agency="Thanh tra",
                                                          year=Y()),
        "awards agency": lambda: query_awards(db, agency=f"TAND tỉnh {P()}"),
        "awards province+status": lambda: query_awards(db, province=P(), status="conferred", with_predecessors=True),
        "meetings cluster+year": lambda: query_meetings(db, bloc=f"Cụm thi đua số {qr.randint(1, 10)}", year=Y()),
        "meetings range": lambda: (lambda y: query_meetings(db, since=f"{y}-06-01", until=f"{y}-06-30"))(Y()),
        "meetings place": lambda: query_meetings(db, place=f"Công an tỉnh {P()}", year=Y()),
        "figures agency+year": lambda: query_figures(db, agency=f"Thanh tra tỉnh {P()}", year=Y()),
        "figures province+year": lambda: query_figures(db, province=P(), year=Y()),
        "agency_profile": lambda: agency_profile(db, f"Thanh tra tỉnh {P()}"),
        "summary": lambda: summary(db),
        "search diacritics": lambda: search(db, f"thanh tra {P()}"),
        "search folded": lambda: search(db, f"thanh tra {P()}".lower().replace("ắ", "a").replace("ị", "i")),
        "search common word": lambda: search(db, qr.choice(["năm", "nam", "Đoàn", "hội nghị"])),
    }
    print(f"\n{'query':28} {'p50 ms':>8} {'p95 ms':>8} {'rows':>7}")
    worst = 0.0
    for name, fn in cases.items():
        times, rows = [], 0
        for _ in range(args.runs):
            t = time.perf_counter()
            res = fn()
            times.append((time.perf_counter() - t) * 1000)
            rows = len(res) if isinstance(res, list) else 1
        worst = max(worst, pct(times, 0.95))
        print(f"{name:28} {pct(times, 0.5):8.2f} {pct(times, 0.95):8.2f} {rows:7}")
    print(f"\nworst p95: {worst:.1f} ms  (target ≤ 50 ms); load target ≥ 2,000 articles/s")
    db.conn.close()
    if tmp and not args.keep:
        tmp.cleanup()
    elif args.keep:
        print(f"kept {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
