"""The wiring of the three stages: crawler/ → extract/ → kb/.

Each function here is usable as a library call; `thidua.cli` is only a thin layer over them.
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from thidua import kb
from thidua.extract import ExtractError, extract_document, extract_html, extract_text

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
JSONL_SUFFIXES = {".jsonl"}
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | WARC_SUFFIXES | JSONL_SUFFIXES


class InputError(ValueError):
    """An input path or document that the pipeline cannot read."""


@dataclass
class LoadStats:
    documents: int = 0
    articles: int = 0
    skipped: int = 0
    # inputs that could not be read (one line each): skipped so that one bad file in a folder of
    # thousands does not stop the rest; the CLI reports them and exits non-zero
    failed: list[str] = field(default_factory=list)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files given directly, and the readable files inside folders (sorted, recursive)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"no such file or folder: {path}")
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p) in INPUT_SUFFIXES)
        elif _suffix(path) in INPUT_SUFFIXES:
            out.append(path)
        else:
            raise InputError(f"cannot read {path}: expected .html, .htm, .txt, .jsonl, .warc or .warc.gz")
    return out


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text") from exc
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc


def _jsonl_documents(path: Path, errors: list[str] | None = None) -> Iterator[dict]:
    """The documents of a .jsonl file. A bad line raises InputError, or, given `errors`, is
    listed there and skipped (ingest goes on with the file's other lines)."""
    for lineno, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        problem = None
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            problem = f"{path}:{lineno}: not a JSON object ({exc.msg})"
        else:
            if not isinstance(doc, dict) or "id" not in doc or not ("text" in doc or "html" in doc):
                problem = f"{path}:{lineno}: a document needs 'id' and 'text' or 'html'"
        if problem is None:
            yield doc
        elif errors is None:
            raise InputError(problem)
        else:
            errors.append(problem)


def extract_files(paths: Iterable[str | os.PathLike], *, url: str | None = None,
                  published: str | None = None) -> Iterator[dict]:
    """`thidua extract`: one extraction object per document, in input order."""
    for path in expand_paths(paths):
        suffix = _suffix(path)
        if suffix in TEXT_SUFFIXES:
            yield extract_text(_read_text(path), url=url, published=published, source=str(path))
        elif suffix in HTML_SUFFIXES:
            obj = extract_html(path.read_bytes(), url=url, published=published, source=str(path))
            obj.pop("text", None)
            yield obj
        elif suffix in JSONL_SUFFIXES:
            for doc in _jsonl_documents(path):
                obj = extract_document(doc, default_url=url, default_published=published)
                obj.pop("text", None)
                yield obj
        else:
            from thidua.crawler import iter_warc_pages

            for page in iter_warc_pages(path):
                if page.kind == "article":
                    obj = extract_html(page.text, url=page.canonical_url or page.url,
                                       published=published, source=page.url)
                    obj.pop("text", None)
                    yield obj


def site_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.lower() if host else None


def load_extraction(db, obj: dict, *, text: str, url: str, fetched_at: str | None = None,
                    page_url: str | None = None) -> int:
    """Store one article's text and facts in the knowledge base; returns the article id."""
    return kb.load_article(
        db, url=url, text=text, extraction=obj, title=obj.get("title"),
        published=obj.get("published"), site=site_of(url), fetched_at=fetched_at, page_url=page_url,
    )


def load_fetched_page(db, page) -> int | None:
    """A crawled (or WARC) page: articles are extracted and loaded, other pages only stored."""
    if page.kind != "article":
        return None
    url = page.canonical_url or page.final_url or page.url
    obj = extract_html(page.text, url=url, source=url, fetched_at=page.fetched_at)
    return load_extraction(db, obj, text=obj.pop("text"), url=url, fetched_at=page.fetched_at,
                           page_url=page.url)


# Loads are grouped into one transaction of up to BATCH_ARTICLES articles or BATCH_SECONDS,
# whichever comes first: a commit per article costs more than loading it (the bulk rate is several
# times the one-commit rate), while a batch of a few seconds is all a kill can lose, and other
# readers see new articles within seconds. The time is what bounds a batch: the count only caps
# the rows held in memory. Batches of 4,000 extraction objects loaded 15% faster than batches of
# 1,000 (bench/bench_kb.py: each commit and checkpoint writes a batch's hot pages once).
BATCH_ARTICLES = 5000
BATCH_SECONDS = 2.0


class Batches:
    """Runs loads inside kb.transaction() batches. Each load can be undone alone there, so a load
    that fails undoes only itself; leaving the block (normally or by an exception) commits the
    open batch, so a failure loses nothing already loaded."""

    def __init__(self, db, size: int | None = None, seconds: float | None = None):
        self.db = db
        self.size = size or BATCH_ARTICLES
        self.seconds = seconds if seconds is not None else BATCH_SECONDS
        self._tx = None
        self._count = 0
        self._started = 0.0
        self.committed = 0  # batches committed so far

    def __enter__(self) -> Batches:
        return self

    def load(self, fn, *args, **kwargs):
        if self._tx is None:
            self._tx = kb.transaction(self.db)
            self._tx.__enter__()
            self._count, self._started = 0, time.monotonic()
        result = fn(*args, **kwargs)
        self._count += 1
        if self._count >= self.size or time.monotonic() - self._started >= self.seconds:
            self.commit()
        return result

    def commit(self) -> None:
        tx, self._tx = self._tx, None
        if tx is not None:
            tx.__exit__(None, None, None)
            self.committed += 1

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self.commit()
        except BaseException:
            if exc_type is None:
                raise
            # the original error is the one to report; the connection must not stay in a transaction
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")


def ingest_paths(db, paths: Iterable[str | os.PathLike], *, published: str | None = None) -> LoadStats:
    """`thidua ingest`: the same pipeline as a crawl, from local files and folders, loaded in
    batches (see Batches). A file or document that cannot be read (not UTF-8, bad JSON, an
    unreadable page) is skipped and listed in `failed`; everything else is loaded."""
    with Batches(db) as batches:
        return _ingest(db, batches, paths, published)


def _ingest(db, batches: Batches, paths, published) -> LoadStats:
    stats = LoadStats()
    for path in expand_paths(paths):
        suffix = _suffix(path)
        if suffix in WARC_SUFFIXES:
            from thidua.crawler import iter_warc_pages

            for page in iter_warc_pages(path):
                stats.documents += 1
                if batches.load(_store_and_load, db, page) is None:
                    stats.skipped += 1
                else:
                    stats.articles += 1
            continue
        docs: list[dict]
        try:
            if suffix in JSONL_SUFFIXES:
                docs = list(_jsonl_documents(path, stats.failed))
            elif suffix in HTML_SUFFIXES:
                docs = [{"id": str(path), "html": _read_text_or_bytes(path)}]
            else:
                docs = [{"id": str(path), "text": _read_text(path)}]
        except InputError as exc:
            stats.failed.append(str(exc))
            continue
        for doc in docs:
            stats.documents += 1
            default_url = path.resolve().as_uri() if suffix not in JSONL_SUFFIXES else None
            try:
                obj = extract_document(doc, default_url=default_url, default_published=published)
            except ExtractError as exc:
                stats.skipped += 1
                stats.failed.append(f"{path}: {doc.get('id', '')}: {exc}".replace(": : ", ": "))
                continue
            url = doc.get("url") or _url_from_object(obj) or (
                f"{path.resolve().as_uri()}#{doc['id']}" if suffix in JSONL_SUFFIXES else default_url)
            text = obj.pop("text", None) or doc.get("text") or ""
            batches.load(load_extraction, db, obj, text=text, url=url)
            stats.articles += 1
    return stats


def _store_and_load(db, page) -> int | None:
    kb.store_page(db, page)
    return load_fetched_page(db, page)


def _read_text_or_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc


def _url_from_object(obj: dict) -> str | None:
    src = obj.get("source")
    return src if isinstance(src, str) and src.startswith(("http://", "https://")) else None


def reextract(db) -> LoadStats:
    """Re-run the current extractor over every stored article, loaded in batches (see Batches)."""
    with Batches(db) as batches:
        return _reextract(db, batches)


def _reextract(db, batches: Batches) -> LoadStats:
    stats = LoadStats()
    for art in kb.iter_articles(db):
        stats.documents += 1
        body = art.get("page_body")
        try:
            if body:
                obj = extract_html(body, url=art["url"], source=art["url"],
                                   fetched_at=art.get("fetched_at"))  # future dates: relative to the crawl
                text = obj.pop("text")
            else:
                obj = extract_text(art["text"] or "", url=art["url"], published=art.get("published"),
                                   source=art["url"], title=art.get("title"), fetched_at=art.get("fetched_at"))
                text = art["text"] or ""
        except ExtractError:
            stats.skipped += 1
            continue
        batches.load(load_extraction, db, obj, text=text, url=art["url"], fetched_at=art.get("fetched_at"),
                     page_url=art.get("page_url"))
        stats.articles += 1
    return stats


def crawl_into(db, urls: list[str], config, *, progress: bool | None = None):
    """`thidua crawl`: crawl, store every page, extract and load each new or changed article."""
    from thidua.crawler import crawl

    def on_page(page):
        load_fetched_page(db, page)

    return crawl(urls, db, config, on_page=on_page, progress=progress)
