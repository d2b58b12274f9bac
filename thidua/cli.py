"""The `thidua` command line: a thin click layer over the library.

Library exceptions become one-line errors with a non-zero exit (no traceback): the
pipeline's own errors exit 1, usage errors (unknown option, bad date) exit 2.
"""
from __future__ import annotations

import datetime as dt
import inspect
import json
import os
import sys

import click

from thidua import __version__
from thidua.formatting import FORMATS, one_line, render


class ISODate(click.ParamType):
    """A calendar date written YYYY-MM-DD; impossible dates (2023-02-30) are refused."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value.isoformat()
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            self.fail(f"{value!r} is not a valid date (YYYY-MM-DD)", param, ctx)


ISO_DATE = ISODate()


class HttpUrl(click.ParamType):
    name = "URL"

    def convert(self, value, param, ctx):
        from urllib.parse import urlsplit

        parts = urlsplit(str(value))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            self.fail(f"{value!r} is not an http(s) URL", param, ctx)
        return str(value)


HTTP_URL = HttpUrl()


def _errors():
    """The library's exceptions that mean bad input, not a bug."""
    from thidua import kb
    from thidua.extract import ExtractError
    from thidua.pipeline import InputError

    errs = [kb.KBError, ExtractError, InputError, OSError]
    try:
        from thidua.crawler import CrawlError
        errs.append(CrawlError)
    except ImportError:  # the crawler names its errors itself; all derive from CrawlError
        pass
    return tuple(errs)


def _open(db_path: str, *, create: bool):
    from thidua import kb

    return kb.open_db(db_path, create=create)


def db_option(create: bool = False, default: str | None = None):
    return click.option("--db", "db_path", required=default is None, default=default,
                        type=click.Path(dir_okay=False),
                        help="the knowledge base (SQLite)" + (" (created if missing)" if create else ""))


def format_option():
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table on a terminal, json or csv for scripts")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="thidua")
def cli():
    """thidua: a knowledge base of Vietnam's emulation blocs, built from the news."""


@cli.command()
@db_option(create=True, default="kb.sqlite")
@click.option("--quiet", is_flag=True, help="print only the summary")
def demo(db_path, quiet):
    """Crawl the bundled sample sites on loopback, extract, build the knowledge base, summarise."""
    from thidua.demo import run_demo

    run_demo(db_path, quiet=quiet)


@cli.command()
@click.argument("urls", nargs=-1, required=True, type=HTTP_URL)
@db_option(create=True)
@click.option("--max-pages", type=click.IntRange(min=1), default=None, help="stop after N fetched pages")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="seconds between requests to one host")
@click.option("--concurrency", type=click.IntRange(min=1), default=2, show_default=True,
              help="parallel requests per host")
@click.option("--same-site/--any-site", default=True, show_default=True,
              help="stay on the start URLs' sites, or follow links anywhere")
@click.option("--warc", "warc_path", type=click.Path(dir_okay=False), default=None,
              help="also record every response in this WARC file (.warc.gz)")
def crawl(urls, db_path, max_pages, delay, concurrency, same_site, warc_path):
    """Crawl from the start URLs, store every page, extract each article and load its facts."""
    from thidua.crawler import CrawlConfig
    from thidua.pipeline import crawl_into

    db = _open(db_path, create=True)
    config = CrawlConfig(max_pages=max_pages, delay=delay, concurrency=concurrency,
                         same_site=same_site, warc_path=warc_path)
    stats = crawl_into(db, list(urls), config)
    if stats.fetched == 0 and stats.not_modified == 0 and stats.errors:
        raise click.ClickException(f"could not fetch any page from {', '.join(urls)}")
    click.echo(f"crawl: {stats.fetched} fetched, {stats.not_modified} unchanged, {stats.articles} articles, "
               f"{stats.errors} errors, {stats.queued_left} left in the queue", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@db_option(create=True)
@click.option("--published", type=ISO_DATE, default=None,
              help="publication date for documents that give none")
def ingest(paths, db_path, published):
    """Load local files (.html, .htm, .txt, .jsonl, .warc, .warc.gz, folders) into the knowledge base."""
    from thidua.pipeline import expand_paths, ingest_paths

    expand_paths(paths)  # refuse unreadable inputs before the database is touched
    db = _open(db_path, create=True)
    stats = ingest_paths(db, paths, published=published)
    click.echo(f"ingest: {stats.documents} documents, {stats.articles} articles loaded, "
               f"{stats.skipped} skipped", err=True)
    for problem in stats.failed[:10]:
        click.echo(f"skipped: {problem}", err=True)
    if stats.failed:
        raise click.ClickException(f"{len(stats.failed)} input(s) could not be read; everything else was loaded")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--published", type=ISO_DATE, default=None, help="publication date when the text lacks one")
@click.option("--url", type=HTTP_URL, default=None, help="the document's address (its site tells the province)")
def extract(files, published, url):
    """Print one extraction object per document as JSON Lines (touches no database)."""
    from thidua.pipeline import expand_paths, extract_files

    expand_paths(files)
    for obj in extract_files(files, url=url, published=published):
        click.echo(json.dumps(obj, ensure_ascii=False))


@cli.command()
@db_option()
def reextract(db_path):
    """Re-run the current extractor over the stored articles, replacing their facts."""
    from thidua.pipeline import reextract as run

    stats = run(_open(db_path, create=False))
    click.echo(f"reextract: {stats.articles} articles re-extracted, {stats.skipped} skipped", err=True)


def _filters(f):
    options = [
        click.option("--year", type=click.IntRange(1945, 2100), default=None, help="emulation year"),
        click.option("--bloc", default=None, help="bloc or cluster name (any case, with or without diacritics)"),
        click.option("--agency", default=None, help="agency name; abbreviations accepted (TAND tỉnh Bắc Ninh)"),
        click.option("--province", default=None, help="province name"),
        click.option("--with-predecessors", is_flag=True,
                     help="include the provinces merged into --province on 1 July 2025"),
        click.option("--award", default=None, help="award name (Cờ thi đua của Chính phủ)"),
        click.option("--status", type=click.Choice(["registered", "proposed", "conferred"]), default=None),
        click.option("--kind", type=click.Choice(["so_ket", "tong_ket", "ky_giao_uoc", "phat_dong", "other"]),
                     default=None, help="meeting kind"),
        click.option("--since", type=ISO_DATE, default=None, help="meetings on or after this date"),
        click.option("--until", type=ISO_DATE, default=None, help="meetings on or before this date"),
        click.option("--place", default=None, help="meeting location"),
        format_option(),
        db_option(),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _call(func, db, **filters):
    """Pass a query function only the filters it takes; refuse filters it cannot apply."""
    params = inspect.signature(func).parameters
    given = {k: v for k, v in filters.items() if v not in (None, False)}
    unknown = sorted(k for k in given if k not in params)
    if unknown:
        names = ", ".join("--" + k.replace("_", "-") for k in unknown)
        raise click.UsageError(f"{names} does not apply to this query")
    return func(db, **given)


@cli.group()
def query():
    """Ask the knowledge base: blocs, awards, meetings, figures, or one agency's profile."""


def _query_command(name: str, func_name: str, help_text: str):
    @_filters
    def command(db_path, fmt, **filters):
        from thidua import kb

        rows = _call(getattr(kb, func_name), _open(db_path, create=False), **filters)
        render(rows, fmt, title=name)

    command.__doc__ = help_text
    query.command(name)(command)


_query_command("blocs", "query_blocs", "A bloc's history: members, leader, deputies, next leader, year by year.")
_query_command("awards", "query_awards", "Award outcomes: who got which award, proposed or conferred, by year.")
_query_command("meetings", "query_meetings", "Meetings held or scheduled: when, where, which bloc, what kind.")
_query_command("figures", "query_figures", "Figures reported by or about an agency or province.")


@query.command("agency")
@click.argument("name")
@format_option()
@db_option()
def query_agency(name, fmt, db_path):
    """One agency's profile: its blocs and roles by year, awards, meetings, people."""
    from thidua import kb

    profile = kb.agency_profile(_open(db_path, create=False), name)
    if fmt == "json":
        render(profile if isinstance(profile, list) else [profile], "json")
        return
    sections = profile.items() if isinstance(profile, dict) else [("agency", profile)]

    def is_rows(v) -> bool:  # a list of records is a section; a list of names (aliases) is a field
        return isinstance(v, list) and all(isinstance(r, dict) for r in v)

    # the scalar facts (name, province, kind, lineage, aliases) read best as one field/value table
    about = [{"field": k, "value": one_line(v)} for k, v in sections if not is_rows(v) and one_line(v)]
    render(about, fmt, title="agency")
    for section, rows in sections:
        if is_rows(rows):
            render(rows, fmt, title=section)


@cli.command()
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@format_option()
@db_option()
def search(text, limit, fmt, db_path):
    """Full-text search over articles and meetings, with or without diacritics."""
    from thidua import kb

    render(kb.search(_open(db_path, create=False), text, limit=limit), fmt, title=f"search: {text}")


@cli.command()
@db_option()
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
def serve(db_path, port, host):
    """Browse the knowledge base in Datasette (read-only), with the public views as canned queries."""
    from thidua.kb.serve import serve as run_datasette

    _open(db_path, create=False)  # refuse a missing or foreign database with a clear message
    run_datasette(db_path, port=port, host=host)


def main(argv: list[str] | None = None) -> int:
    """Entry point: every failure is one line on stderr and a non-zero exit."""
    debug = bool(os.environ.get("THIDUA_DEBUG"))
    try:
        cli.main(args=argv, prog_name="thidua", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.UsageError as exc:
        click.echo(f"Error: {exc.format_message()}", err=True)
        return 2
    except click.ClickException as exc:
        click.echo(f"Error: {exc.format_message()}", err=True)
        return exc.exit_code
    except click.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except Exception as exc:  # noqa: BLE001 - one line for the user; THIDUA_DEBUG=1 for the traceback
        if debug:
            raise
        if isinstance(exc, _errors()):
            click.echo(f"Error: {_one_line(exc)}", err=True)
            return 1
        click.echo(f"Error: internal error: {type(exc).__name__}: {_one_line(exc)} "
                   "(set THIDUA_DEBUG=1 for details)", err=True)
        return 1
    return 0


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return " ".join(str(exc).split()) or type(exc).__name__


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
