"""Sentence spans of an article: enough for "the same sentence" tests, no model needed."""
from __future__ import annotations

import re
from functools import lru_cache

# A sentence ends at a line break, or at . ! ? … followed by a space and a capital letter or an
# opening quote; `TP.HCM`, `3.704` and `Tp. Nam Định` (a short abbreviation) do not end one.
# Nor does the dot of a list's enumerator (`gồm: 1. Viện KSND tỉnh; 2. Sở Tư pháp`).
_END = re.compile(r"\n+|[.!?…](?<!\b[Tt]p\.)(?<!\bTP\.)(?<!\bSt\.)(?<![\s:;(]\d\.)(?<![\s:;(]\d\d\.)(?<!^\d\.)"
                  r"[.!?…]*[”\"]?(?=\s+[\"“(]?[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝ\-–])", re.M)
# A list written one item a line goes on over its line breaks: after a line that ends with
# `:`, `;` or `,` (`gồm các đơn vị:` / `Công an tỉnh;`), and from one bulleted or numbered
# item to the next (`- Công an tỉnh` / `2. Sở Tư pháp`).
_ITEM = re.compile(r"\s*(?:[-–•+*]|\d{1,2}[.)])\s")


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
    spans = [(s, e) for s, e in spans if text[s:e].strip()]
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and (_list_goes_on(text, merged[-1], s) or _hard_wrapped(text, merged[-1], s)):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _list_goes_on(text: str, prev: tuple[int, int], start: int) -> bool:
    gap = text[prev[1]:start]
    if "\n" not in gap or gap.strip() or gap.count("\n") > 2:
        return False
    last_line = text[prev[0]:prev[1]].rstrip().rsplit("\n", 1)[-1]
    if last_line.endswith((":", ";", ",")):
        return True
    return bool(_ITEM.match(text, start)) and (bool(_ITEM.match(last_line)) or last_line.endswith(":"))


def _hard_wrapped(text: str, prev: tuple[int, int], start: int) -> bool:
    """`Tại hội\nnghị, các đơn vị …`: a page stored with its lines wrapped at a width breaks a
    sentence mid-phrase; one line break between a word and a lower-case word is no sentence's end."""
    if text[prev[1]:start] != "\n" or not text[start:start + 1].islower():
        return False
    last = text[prev[1] - 1:prev[1]]
    return last.isalnum()


def sentence_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return pos, pos
