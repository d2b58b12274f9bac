"""`thidua demo`: the whole pipeline on the bundled sample sites, served on loopback."""
from __future__ import annotations

import time

import click

SUMMARY_KEYS = ("articles", "blocs", "agencies", "meetings", "awards", "figures", "people", "documents")

NEXT_QUERIES = (
    'thidua query blocs --province "Bắc Ninh" --db {db}',
    'thidua query awards --award "Cờ thi đua của Chính phủ" --db {db}',
    'thidua search "giao uoc thi dua" --db {db}',
)


def run_demo(db_path: str, *, quiet: bool = False) -> dict:
    """Serve the sample sites, crawl them into `db_path`, print what the knowledge base holds."""
    from thidua import kb
    from thidua.crawler import CrawlConfig
    from thidua.crawler.samplesites import serve_sample_sites
    from thidua.pipeline import crawl_into

    started = time.perf_counter()
    db = kb.open_db(db_path, create=True)
    with serve_sample_sites() as sites:
        # The sample sites live on this machine: no politeness delay is owed to them.
        config = CrawlConfig(delay=0.0, concurrency=4)
        stats = crawl_into(db, sites.start_urls, config, progress=None if not quiet else False)
    counts = kb.summary(db)
    elapsed = time.perf_counter() - started
    click.echo(f"\nthidua demo: crawled {len(sites.start_urls)} sample sites "
               f"({stats.fetched} pages fetched, {stats.not_modified} unchanged) in {elapsed:.1f} s")
    click.echo(f"knowledge base: {db_path}")
    for key in SUMMARY_KEYS:
        if key in counts:
            click.echo(f"  {key:<10} {counts[key]:>6}")
    click.echo("\nTry next:")
    for q in NEXT_QUERIES:
        click.echo("  " + q.format(db=db_path))
    return counts
