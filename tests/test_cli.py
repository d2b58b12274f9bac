"""The command line, driven for real: CliRunner for the commands, a subprocess for the errors
(so that what a user sees — one line on stderr, a non-zero exit, no traceback — is tested)."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from thidua.cli import cli

DEVSET = Path(__file__).resolve().parent / "fixtures" / "devset"
SEEDS = sorted((DEVSET / "seeds").glob("*.txt"))
SAMPLE = Path(__file__).resolve().parents[1] / "crawler" / "samplesites" / "articles.jsonl"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "THIDUA_DEBUG"}
    return subprocess.run([sys.executable, "-m", "thidua.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=120)


def assert_one_line_error(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("Error: ")
    return lines[0]


def _commands(group, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,)
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, prefix + (name,))


@pytest.mark.parametrize("command", [(), *_commands(cli)], ids=lambda c: " ".join(c) or "thidua")
def test_every_command_has_help(command):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


@pytest.fixture
def sample_jsonl(tmp_path) -> Path:
    """Three real articles as a .jsonl input (ids name them)."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:3]
    path = tmp_path / "three.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_extract_prints_one_object_per_document(sample_jsonl, tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_text(SAMPLE.read_text(encoding="utf-8").splitlines()[3] and
                   json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[3])["text"], encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(sample_jsonl), str(txt), "--published", "2023-11-22"])
    assert result.exit_code == 0, result.output
    objs = [json.loads(line) for line in result.output.splitlines()]
    assert len(objs) == 4
    ids = [json.loads(line)["id"] for line in sample_jsonl.read_text(encoding="utf-8").splitlines()]
    assert [o["source"] for o in objs[:3]] == ids
    assert objs[3]["source"] == str(txt)
    for obj in objs:
        for key in ("title", "published", "blocs", "meetings", "awards", "people", "figures",
                    "documents", "agencies"):
            assert key in obj


def test_ingest_then_query_and_search(sample_jsonl, tmp_path):
    db = tmp_path / "kb.sqlite"
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(sample_jsonl), "--db", str(db)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["query", "blocs", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.output), list)
    result = runner.invoke(cli, ["search", "thanh tra", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output), "a folded query finds the articles"
    # ingesting the same documents again does not duplicate them
    runner.invoke(cli, ["ingest", str(sample_jsonl), "--db", str(db)])
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == 3


# --- bad input: one line, non-zero exit, nothing lost ------------------------------------

def test_missing_file():
    line = assert_one_line_error(run_cli("extract", "/no/such/article.txt"))
    assert "does not exist" in line


def test_unknown_option():
    line = assert_one_line_error(run_cli("extract", "--bogus", "x.txt"))
    assert "--bogus" in line


def test_impossible_date(tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_text("Ngày 21/11, Khối thi đua tổ chức hội nghị.", encoding="utf-8")
    line = assert_one_line_error(run_cli("extract", str(txt), "--published", "2023-02-30"))
    assert "2023-02-30" in line


def test_missing_database(tmp_path):
    missing = tmp_path / "nope.sqlite"
    assert_one_line_error(run_cli("query", "blocs", "--db", str(missing)))
    assert not missing.exists(), "a query never creates a database"


@pytest.mark.parametrize("content", [b"this is not a database\n", None], ids=["text-file", "other-sqlite"])
def test_foreign_database_is_left_untouched(tmp_path, content):
    path = tmp_path / "foreign.sqlite"
    if content is None:
        with sqlite3.connect(path) as conn:
            conn.execute("create table notes (x text)")
            conn.execute("insert into notes values ('keep me')")
        conn.close()
    else:
        path.write_bytes(content)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for args in (["query", "awards", "--db", str(path)], ["search", "x", "--db", str(path)],
                 ["ingest", str(SEEDS[0]) if SEEDS else __file__, "--db", str(path)]):
        assert_one_line_error(run_cli(*args))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["foreign.sqlite"]


def test_non_http_url(tmp_path):
    line = assert_one_line_error(run_cli("crawl", "ftp://example.org/", "--db", str(tmp_path / "k.sqlite")))
    assert "http" in line


def test_unreachable_url(tmp_path):
    # port 9 (discard) on loopback: nothing listens, the connection is refused at once
    proc = run_cli("crawl", "http://127.0.0.1:9/", "--db", str(tmp_path / "k.sqlite"), "--delay", "0")
    assert_one_line_error(proc)


def test_ingest_skips_an_unreadable_file_reports_it_and_exits_1(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Thanh tra tỉnh Bắc Ninh tổ chức hội nghị sơ kết.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\xff\xfe not utf-8")
    (folder / "c.txt").write_text("Công an tỉnh Bắc Giang tổ chức hội nghị tổng kết.", encoding="utf-8")
    db = tmp_path / "kb.sqlite"
    proc = run_cli("ingest", str(folder), "--db", str(db))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert any(line.startswith("skipped: ") and "b.txt is not UTF-8" in line for line in lines)
    assert lines[-1] == "Error: 1 input(s) could not be read; everything else was loaded"
    from thidua.kb import open_db, summary

    assert summary(open_db(db))["articles"] == 2  # a.txt and c.txt: the bad file stopped nothing
