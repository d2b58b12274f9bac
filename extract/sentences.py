"""Sentence spans of an article: enough for "the same sentence" tests, no model needed."""
from __future__ import annotations

import re
from functools import lru_cache

# A sentence ends at a line break, or at . ! ? … followed by a space and a capital letter or an
# opening quote; `TP.HCM`, `3.704` and `Tp. Nam Định` (a short abbreviation) do not end one.
_END = re.compile(r"\n+|(?<!\b[Tt]p)(?<!\bTP)(?<!\bSt)[.!?…]+[”\"]?(?=\s+[\"“(]?[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝ\-–])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    # several components ask for the same article's sentences: computed once (callers only read)
    return _spans(text)


@lru_cache(maxsize=4)
def _spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _END.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.end() if m.group().strip() else m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def sentence_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return pos, pos
