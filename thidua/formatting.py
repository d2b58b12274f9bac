"""Rendering query results: a table on a terminal, JSON or CSV for scripts.

JSON and CSV carry every column as the query returned it. The table is for reading: columns
that are empty in every row are left out, a list of article links shows its first link and
how many more, short values (years, dates, statuses) never wrap, and when the output is not
a terminal (a pipe, a file) the table is laid out wide instead of at rich's default 80
columns, where ten columns of Vietnamese names fold into unreadable slivers.
"""
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
    from rich.text import Text

    is_tty = hasattr(out, "isatty") and out.isatty()
    console = Console(file=out, soft_wrap=False, width=None if is_tty else PIPE_WIDTH)
    if not rows:
        console.print(f"{title}: (no results)" if title else "(no results)")
        return
    cells = [{c: _table_cell(c, row.get(c)) for c in columns} for row in rows]
    columns = [c for c in columns if any(r[c] for r in cells)]
    table = Table(title=title, show_lines=len(rows) > 1 and any(len(r[c]) > 60 for r in cells for c in columns))
    for col in columns:
        longest = max(len(r[col]) for r in cells)
        table.add_column(col.replace("_", " "), overflow="fold", no_wrap=longest <= SHORT_VALUE,
                         min_width=min(longest, SHORT_VALUE))
    for r in cells:
        # Text, not str: rich would read `[năm]` (a search hit in a snippet) as markup and drop it
        table.add_row(*(_highlighted(r[c]) if c == "snippet" else Text(r[c]) for c in columns))
    console.print(table)


def _highlighted(snippet: str):
    """A search snippet with its `[hits]` in bold (the brackets stay for pipes without colour)."""
    from rich.text import Text

    text = Text(snippet)
    text.highlight_regex(r"\[[^\[\]]*\]", "bold")
    return text


PIPE_WIDTH = 200  # characters a line when the table goes to a pipe or file
SHORT_VALUE = 12  # a column whose values are all this short (years, dates, statuses) never wraps


def _table_cell(column: str, value) -> str:
    """A value as a table shows it: article links as the first one and a count of the others."""
    if column.endswith("_urls") and isinstance(value, (list, tuple)) and len(value) > 1:
        return f"{value[0]} (+{len(value) - 1} more)"
    return _cell(value)


def one_line(value) -> str:
    """A profile value as one line: a dict as `key: value` pairs, lists joined, empties left out."""
    if isinstance(value, dict):
        return "; ".join(f"{k.replace('_', ' ')}: {one_line(v)}" for k, v in value.items() if one_line(v))
    if isinstance(value, (list, tuple)):
        return ", ".join(one_line(v) for v in value if one_line(v))
    return "" if value is None else str(value)
