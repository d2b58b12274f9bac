"""Shared fixtures. Crawler fixtures: a fresh knowledge base, the sample sites on loopback."""
from __future__ import annotations

import pytest


@pytest.fixture
def kb_db(tmp_path):
    """A new, empty knowledge base (kb migrations applied) in the test's folder."""
    from thidua.kb import open_db

    return open_db(tmp_path / "kb.sqlite", create=True)


@pytest.fixture
def sample_sites():
    """The bundled sample sites plus the fault site, served on loopback for one test."""
    from thidua.crawler.samplesites import serve_sample_sites

    with serve_sample_sites(faults=True, slow_seconds=1.0) as sites:
        yield sites


@pytest.fixture
def fast_config():
    """A crawl configuration for loopback tests: no politeness delay, quick failure."""
    from thidua.crawler import CrawlConfig

    def make(**overrides):
        base = dict(delay=0.0, concurrency=2, timeout=5.0, retries=1, backoff=0.01)
        base.update(overrides)
        return CrawlConfig(**base)

    return make
