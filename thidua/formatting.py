"""Rendering query results: a table on a terminal, JSON or CSV for scripts."""
from __future__ import annotations

import csv
import io
import json
import sys

FORMATS = ("table", "json", "csv")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def render(rows: list[dict], fmt: str, *, title: str | None = None, out=None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
        return
    columns: list[str] = []
    for row in rows:
        columns += [k for k in row if k not in columns]
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
        out.write(buf.getvalue())
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, soft_wrap=False)
    if not rows:
        console.print("(no results)")
        return
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    console.print(table)
