"""The live progress line on a terminal, and the one-line summary at the end.

Quiet unless asked or stdout is a terminal: scripts and pipes get nothing from here.
"""
from __future__ import annotations

import sys
import time

from rich.console import Console
from rich.live import Live
from rich.text import Text

from .model import CrawlStats


class Progress:
    def __init__(self, enabled: bool | None):
        self.enabled = sys.stdout.isatty() if enabled is None else enabled
        self._live: Live | None = None
        self._console: Console | None = None
        self._started = time.monotonic()

    def __enter__(self) -> Progress:
        if self.enabled:
            self._console = Console(file=sys.stdout)
            self._live = Live(Text(""), console=self._console, refresh_per_second=4, transient=True)
            self._live.__enter__()
        return self

    def update(self, stats: CrawlStats, queued: int, in_flight: int) -> None:
        if self._live is not None:
            self._live.update(Text(self._line(stats, queued, in_flight)))

    def _line(self, stats: CrawlStats, queued: int, in_flight: int | None = None) -> str:
        rate = (stats.fetched + stats.not_modified) / max(time.monotonic() - self._started, 1e-6)
        line = (f"crawl: {stats.fetched} fetched, {stats.not_modified} unchanged, {queued} queued, "
                f"{stats.errors} errors, {stats.articles} articles")
        if in_flight is not None:
            line += f", {in_flight} in flight, {rate:.1f} pages/s"
        return line

    def __exit__(self, *exc) -> None:
        if self._live is not None:
            self._live.__exit__(*exc)
            self._live = None

    def summary(self, stats: CrawlStats) -> None:
        if self.enabled and self._console is not None:
            secs = time.monotonic() - self._started
            self._console.print(Text(self._line(stats, stats.queued_left) +
                                     f", {stats.skipped} skipped in {secs:.1f} s"), highlight=False)
