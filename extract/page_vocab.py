"""The whole-page vocabulary (data/page_vocab.tsv), compiled once."""
from __future__ import annotations

import re
from functools import cache

from .furniture import read_sections


@cache
def _sections() -> dict[str, list[str]]:
    return read_sections("page_vocab.tsv")


@cache
def vocab_re(section: str) -> re.Pattern:
    """One alternation of a section's expressions, case-insensitive."""
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in _sections()[section]) + ")",
                      re.IGNORECASE)


def full(section: str, text: str) -> bool:
    return vocab_re(section).fullmatch(text) is not None


def starts(section: str, text: str) -> bool:
    return vocab_re(section).match(text) is not None


def squash_spaces(text: str) -> str:
    """textnorm.squash_spaces, several times faster: str.split() breaks on the same white
    space (NBSP included), and pages have thousands of lines."""
    return " ".join(text.split())
