"""Extraction component `thidua_documents`: documents cited by their number.

`Kế hoạch số 21/KH-UBND ngày 30/01/2023 của UBND tỉnh` → number `21/KH-UBND` (spaces
removed), kind `Kế hoạch`, date `2023-01-30`, issuer `Ủy ban nhân dân tỉnh …` (canonical).

A citation is a kind word (data/doc_kinds.tsv) followed by `số` and a number, or by a
number that carries a symbol (`Quyết định 42/QĐ-UBND`); or `số` + a number with a symbol
whose code names the kind (`báo cáo số 84/BC-TTT`, `số 12/KH-UBND`). `số` alone before a
bare number is an identifier (`Cụm thi đua số 1`), never a document.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language

from . import gazetteer as gz
from .agencies import canonicalize
from .dates import find_dates
from .furniture import read_vocab
from .textnorm import nfc

# `21/KH-UBND`, `07/HD-HĐTĐKT`, `09-NQ/TW`, `12/2019/NĐ-CP`, `09`, `1234 /QĐ-UBND`
# (a dash with spaces on both sides joins a name, not a symbol: `Cụm thi đua số 13 - Bộ Tư lệnh`)
_NUMBER = r"\d[\d.]*(?:(?:\s?/\s?|-\s?|\s-(?!\s))[0-9A-Za-zĐđ][\w.]*(?:[\-/][\w.]*[\wĐđ])*)?"
_SYMBOL = re.compile(r"[/\-]\s?([A-ZĐ][A-Za-zĐđ]*)")


@lru_cache(maxsize=1)
def _kinds() -> tuple[re.Pattern, dict[str, str], re.Pattern]:
    names, by_code = [], {}
    for line in read_vocab("doc_kinds.tsv"):
        kind, _, codes = line.partition("\t")
        names.append(kind.strip())
        for code in codes.split(","):
            if code.strip():
                by_code[code.strip()] = kind.strip()
    alt = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    # The first letter may be lower case (`báo cáo số …`); the rest as written.
    alt = "|".join(f"[{n[0]}{n[0].lower()}]{n[1:]}" for n in alt.split("|"))
    # Read backwards from a number: the kind and `số` that may stand before it.
    pattern = re.compile(
        rf"(?:(?P<kind>{alt})\s+(?:(?:liên tịch|của [^\s,.;]+(?:\s[^\s,.;]+){{0,6}}?)\s+)?)?"
        rf"(?P<so>số(?: hiệu)?:?\s*)?$"
    )
    # `Luật Thi đua, khen thưởng số 06/2022/QH15`: the document's name between kind and `số`;
    # only trusted for numbers with a symbol (else `Kế hoạch của Cụm thi đua số 1` would count).
    loose = re.compile(rf"(?P<kind>{alt})(?:,?\s+[^\s.;:()]+){{1,10}}?\s+(?P<so>số(?: hiệu)?:?\s*)$")
    return pattern, by_code, loose


def _clean_number(raw: str) -> str:
    return re.sub(r"\s+", "", raw).rstrip(".-/")


def _kind_from_code(number: str, by_code: dict[str, str]) -> str | None:
    m = _SYMBOL.search(number)
    if not m:
        return None
    code = m.group(1)
    return by_code.get(code) or by_code.get(code.upper())


# The issuer after `của`/`do`, up to punctuation or the verb that starts the subject line. A
# comma ends it, except inside the one ministry name that has one (`Văn hóa, Thể thao và Du lịch`).
_ISSUER = re.compile(
    r"\s*(?:,\s*)?(?:ngày\s+[\d/.\-]+(?:\s+tháng\s+\d+\s+năm\s+\d+)?\s*)?(?:của|do)\s+"
    r"(?P<who>(?:[^,.;:()\n“\"]|,\s(?=Thể thao))+?)"
    r"(?=\s+(?:về|về việc|v/v|quy định|hướng dẫn|ban hành|phê duyệt|triển khai|thực hiện|"
    r"tổ chức|và(?!\sDu lịch)|trong|đã|sẽ|nhằm|theo|tại)\b|,(?!\sThể thao)|[.;:()\n“\"]|$)"
)


def _issuer(text: str, pos: int, ctx) -> tuple[str | None, str | None]:
    """The issuer named right after the citation (`… của UBND tỉnh`): (as written, canonical)."""
    m = _ISSUER.match(text, pos, min(len(text), pos + 160))
    if not m:
        return None, None
    written = m.group("who").strip()
    if not written or not written[0].isupper():
        return None, None
    return written, canonical_issuer(nfc(written), ctx)


def canonical_issuer(written: str, ctx) -> str:
    """The canonical agency for an issuer; agencies.canonicalize when it knows the name."""
    name = canonicalize(written, ctx)
    if name:
        return name
    # a post signs for its body (`Chánh Thanh tra tỉnh X`, `Chủ tịch UBND tỉnh`, `Thủ tướng Chính
    # phủ`): the issuer is the body the post's last words name
    words = written.split()
    for k in range(1, min(3, len(words) - 1) + 1):
        name = canonicalize(" ".join(words[k:]), ctx)
        if name:
            return name
    return _expand(written, ctx)


_ABBREV = [
    (r"\bUBND\b", "Ủy ban nhân dân"), (r"\bHĐND\b", "Hội đồng nhân dân"),
    (r"\bTTCP\b", "Thanh tra Chính phủ"), (r"\bTAND\b", "Tòa án nhân dân"),
    (r"\bVKSND\b", "Viện Kiểm sát nhân dân"), (r"\bHĐTĐKT\b", "Hội đồng Thi đua - Khen thưởng"),
    (r"\bTP\.?\s?HCM\b", "thành phố Hồ Chí Minh"), (r"\bBộ CHQS\b", "Bộ Chỉ huy Quân sự"),
    (r"\bTHADS\b", "Thi hành án dân sự"), (r"\bVHTTDL\b", "Văn hóa, Thể thao và Du lịch"),
]


def _expand(written: str, ctx) -> str:
    name = written
    for pat, full in _ABBREV:
        name = re.sub(pat, full, name)
    name = re.sub(r"\s+", " ", name).strip()
    suffix = getattr(ctx, "province_suffix", None) if getattr(ctx, "province", None) else None
    if suffix and re.search(r"\b(tỉnh|thành phố)$", name):
        name = re.sub(r"\b(tỉnh|thành phố)$", suffix, name)
    elif suffix and _PROVINCIAL_BLOC.match(name) and not gz.province_re().search(name):
        name = f"{name} {suffix}"   # a province's bloc ends with its province (CONTRACT §2, blocs)
    return name


# a province's own bloc (`Khối thi đua Nội chính`); not a numbered cluster (`Cụm thi đua số 1`),
# which may span provinces
_PROVINCIAL_BLOC = re.compile(r"(?:Khối|Cụm) thi đua (?!số\b|\d)")


# The issuer's code closes a number's symbol (`01/CT-UBND`, `95/KH-TTCP`); these codes name
# one body whatever the province, so the citation's issuer is known without `của …`. The Prime
# Minister signs for the Government (`của Thủ tướng Chính phủ` gives `Chính phủ` too).
_ISSUER_CODES = {"UBND": "Ủy ban nhân dân {place}", "TTCP": "Thanh tra Chính phủ",
                 "CP": "Chính phủ", "TTg": "Chính phủ", "HĐND": "Hội đồng nhân dân {place}"}


def _issuer_from_symbol(number: str, ctx) -> str | None:
    m = re.search(r"-([A-Za-zĐđ]+)$", number)
    if not m or m.group(1) not in _ISSUER_CODES:
        return None
    place = (getattr(ctx, "province_suffix", None) if ctx is not None else None) or "tỉnh"
    return _ISSUER_CODES[m.group(1)].format(place=place)


_NUM_RE = re.compile(_NUMBER)
_LIST_NEXT = re.compile(r"\s*(?:,|;|và|,\s*và)\s*(?:số\s*)?")


def _same_code(a: str, b: str) -> bool:
    """Two numbers whose symbols share their first code (`12/QĐ-UBND`, `13/QĐ-UBND`)."""
    ma, mb = _SYMBOL.search(a), _SYMBOL.search(b)
    return bool(ma and mb and ma.group(1) == mb.group(1))
_SO_NEAR = re.compile(r"số(?: hiệu)?:?\s*$")
_BARE_ISSUER = re.compile(r"\s+(?:của|do)\s+[A-ZĐ]")
_YEAR = re.compile(r"(?:19|20)\d\d")


def find_documents(text: str, ctx=None, start: int = 0, end: int | None = None) -> list[dict]:
    """Documents cited by number in text[start:end], one row per number, with offsets."""
    before_re, by_code, loose_re = _kinds()
    end = len(text) if end is None else end
    out: list[dict] = []
    seen: set[str] = set()
    for nm in _NUM_RE.finditer(text, start, end):
        a = nm.start()
        if a > 0 and (text[a - 1].isalnum() or text[a - 1] in "/.-,"):
            continue
        raw = nm.group()
        number = _clean_number(raw)
        has_symbol = bool(_SYMBOL.search(number))
        so = _SO_NEAR.search(text, max(start, a - 12), a)
        bare = False
        if not so and not has_symbol:
            # the cheap test: most numbers in a text are counts and dates; but `Chỉ thị 05 của
            # Bộ Chính trị`, `Nghị quyết 18 của Ban Chấp hành Trung ương` cite a document by a
            # bare number between its kind and its issuer
            if not (_BARE_ISSUER.match(text, nm.end(), min(end, nm.end() + 12))
                    and not _YEAR.fullmatch(raw)):
                continue
            bare = True
        window_start = max(start, a - 90)
        m = before_re.search(text, window_start, a)
        if has_symbol and not (m and m.group("kind")) and so:
            m = loose_re.search(text, window_start, a) or m
        kind_written = m.group("kind") if m else None
        if kind_written and m.start("kind") > 0 and text[m.start("kind") - 1].isalpha():
            kind_written = None  # `…kế hoạch` inside a longer word is not a kind
        has_so = bool(m and m.group("so"))
        if bare and not (kind_written and m.end("kind") == len(text[:a].rstrip()) and m.start("so") < 0):
            continue  # the kind must stand right before the bare number
        if kind_written and not has_so and not has_symbol and not bare:
            continue  # `Kế hoạch 2023`: a year or a count, not a number
        # `các Quyết định số 12/QĐ-UBND, 13/QĐ-UBND và 14/QĐ-UBND`: a number with a symbol listed
        # right after a citation is one more document of the list's kind
        listed = bool(out and has_symbol and not kind_written
                      and _LIST_NEXT.fullmatch(text, out[-1]["end"], a))
        inherited = out[-1]["kind"] if listed and _same_code(out[-1]["number"], number) else None
        if not kind_written and not (has_so and has_symbol) and not listed:
            continue  # `Cụm thi đua số 1`
        if re.fullmatch(r"\d{1,2}[/\-]\d{1,2}(?:[/\-]\d{4})?", number):
            continue  # a date, not a document
        kind = (kind_written[0].upper() + kind_written[1:]) if kind_written else inherited
        coded = _kind_from_code(number, by_code)
        if kind_written and coded and coded != kind and re.search(
                re.escape(coded) + r"\s+$", text[max(0, m.start("kind") - 20):m.start("kind")], re.I):
            kind = coded  # `Thông báo kết luận số 12/TB-VP` is a Thông báo
        kind = kind or coded
        if number in seen:
            continue
        seen.add(number)
        cite_start = m.start("kind") if kind_written else (m.start("so") if has_so else a)
        num_end = a + len(raw.rstrip(".-/ "))
        date = None
        for d in find_dates(text, num_end, min(end, num_end + 45)):
            between = text[num_end:d.start]
            if re.fullmatch(r"[\s,]*(?:ban hành\s+)?(?:ngày\s*)?", between):
                date = d.iso if d.has_year else None
            break
        _written, issuer = _issuer(text, num_end, ctx)
        issuer = issuer or _issuer_from_symbol(number, ctx)
        out.append({"number": number, "kind": kind, "date": date, "issuer": issuer,
                    "start": cite_start, "end": num_end})
    return out


@Language.factory("thidua_documents")
def make_component(nlp, name):
    def component(doc):
        ctx = doc._.ctx
        # the page's tail (`Tin liên quan`) cites other articles' documents
        doc._.documents = find_documents(ctx.text, ctx, 0, ctx.body_end)
        return doc
    return component
