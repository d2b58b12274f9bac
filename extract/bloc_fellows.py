"""Members a bloc's article names by their fellows: `X tham gia Hội thao Khối thi đua 6 cùng 8 cơ
quan, đơn vị trong Khối`, `Y cùng các đơn vị thuộc Cụm ký kết giao ước`.

A body that takes part in the bloc's event together with `the (N) other units of the bloc` is one
of its units. The body is the subject of the clause: the agency first named after the sentence's
lead (a time or place before a comma), with no other body between it and `cùng`.
"""
from __future__ import annotations

import re

from .hard_wraps import wrapped_sentence
from .members import Member

_FELLOWS = re.compile(r"(?<![\w])cùng\s+(?:(?:\d+|các|những)\s+)?(?:cơ quan|đơn vị|thành viên)"
                      r"(?:\s*,\s*(?:cơ quan|đơn vị))?(?:\s+(?:khác|thành viên))?\s+(?:trong|thuộc|của)\s+"
                      r"(?:[Kk]hối|[Cc]ụm)(?![\w])")
# the clause's subject may follow a lead phrase closed by a comma (`Sáng ngày 29/11, tại …, X …`)
_BREAK = re.compile(r"[;:]|\.\s")


def fellow_members(doc, blocs, spans) -> list[tuple[object, Member]]:
    """(bloc, member) for each body said to take part with the bloc's other units."""
    text = doc._.ctx.text
    if "cùng" not in text or not blocs:
        return []
    mentions = doc._.agency_mentions or []
    out = []
    for f in _FELLOWS.finditer(text):
        s0, e0 = wrapped_sentence(text, spans, f.start())
        brk = [m.end() for m in _BREAK.finditer(text, s0, f.start())]
        lo = brk[-1] if brk else s0
        before = [m for m in mentions if lo <= m["start"] and m["end"] <= f.start()]
        if len(before) != 1:
            continue                  # no subject, or several bodies (whose the clause is, unclear)
        bloc = _bloc_at(blocs, s0, e0)
        if bloc is not None:
            m = before[0]
            out.append((bloc, Member(m["name"], m["start"], m["end"])))
    return out


def _bloc_at(blocs, s0: int, e0: int):
    """The bloc the sentence names; with one bloc in the article, that one."""
    named = [b for b in blocs if any(s0 <= v.start < e0 for v in b.variants)]
    if len(named) == 1:
        return named[0]
    return blocs[0] if len(blocs) == 1 else None
