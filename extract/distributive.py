"""Distributive lists: one body's head written once and shared by a list of places.

`Thanh tra các tỉnh Gia Lai, Kon Tum`, `Liên đoàn Lao động các tỉnh: A, B và C`, `Ban Chỉ huy
Quân sự các xã, phường: A, B`, `Ủy ban MTTQ Việt Nam 6 quận trong cụm (quận A, B, …)`, `Hội Cựu
chiến binh 10 phường của Cụm thi đua số 5 gồm: phường A; Phường B`: a head, a class word (`các`
or a count), one or more level words, an optional `trong/của/thuộc` the bloc, an optional `gồm`,
`:` or `(`, then the places; and, after a body already named with its place, `VKSND thành phố A
và các huyện B, C và D`, `Công an Quận 1, 3, 10, Tân Bình`, `Huyện ủy A, B và C`: more places of
the same body, a level word written on an item (or `các huyện`) switching the level of the bare
ones after it.

This module only reads the places: (place, start, end) triples, `place` as a canonical name's
tail (`tỉnh Gia Lai`, `huyện Phú Tân`, `phường Tây Thạnh`); agencies.py puts the head before each.
"""
from __future__ import annotations

import re

from . import gazetteer as gz

_CAP = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\W\d_]*(?:['’][^\W\d_]+)?"
_LEVEL = r"(?:tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)"
_LEVEL_CAP = r"(?:[Tt]ỉnh|[Tt]hành phố|TP\.?|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hị trấn|[Xx]ã|[Pp]hường|[Đđ]ặc khu)"
# `các tỉnh`, `5 huyện, thị xã`, `các xã, phường`, then who they are (`trong cụm`, `của Cụm thi
# đua số 5`), then what opens the list (`gồm:`, `:`, `(`)
_HEAD_LEVELS = re.compile(
    r"\s+(?:các|\d{1,2})\s+(?P<lv>" + _LEVEL + r"(?:\s*,\s*" + _LEVEL + r")*)(?![\w])"
    r"(?P<of>\s+(?:trong|của|thuộc)\s+(?:[Cc]ụm|[Kk]hối)(?:\s+thi đua)?(?:\s+(?:số\s+)?[\dIVX]{1,4})?(?![\w]))?"
    r"\s*(?:(?:bao gồm|gồm có|gồm|là)\s*)?(?P<open>[:(])?\s*")
_SEP = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|và\s+)")
# a level word written on an item (`huyện Phú Tân`, `Phường Tây Thạnh`), or a class of them that
# switches the level of the bare items after it (`và các huyện Phú Tân, Châu Thành`)
_ITEM_LEVEL = re.compile(r"(?:(?:các|\d{1,2})\s+)?(?P<lv>" + _LEVEL_CAP + r")(?:\s*,\s*" + _LEVEL + r")*\s*:?\s+(?=[A-ZĐ\d])")
_NAME = re.compile(_CAP + r"(?:[ \t]+" + _CAP + r"){0,3}")
_NUMBER = re.compile(r"\d{1,2}(?![\w/.,]\d|[\w/])")
# a commune's name the gazetteer does not know ends its item: a separator, a bracket or the end
_ITEM_END = re.compile(r"\s*(?:[,;.)\n]|và\s|$)")
_DISTRICT_LEVELS = ("huyện", "quận", "thị xã")
_COMMUNE_LEVELS = ("xã", "phường", "thị trấn", "đặc khu")


def _family(place: str) -> str:
    """`province`, `district` or `commune`: the rank of a place (`thành phố Đà Nẵng` a province's)."""
    word, _, name = place.partition(" ")
    if place.startswith("thành phố "):
        return "province" if gz.official(place[len("thành phố "):]) in gz.CENTRAL_CITIES else "district"
    if word == "tỉnh":
        return "province"
    return "commune" if word in _COMMUNE_LEVELS or place.startswith(("thị trấn ", "đặc khu ")) else "district"


def _level_word(written: str) -> str:
    w = written.lower().rstrip(".")
    return "thành phố" if w == "tp" else w


def _written_level(text: str, name: str, levels: tuple[str, ...]) -> str | None:
    """The level the article writes with `name` elsewhere (`phường Chương Mỹ`), among `levels`."""
    for lv in levels:
        if re.search(r"(?<![\w])" + lv + r"\s+" + re.escape(name) + r"(?![\w])", text, re.I):
            return lv
    return None


def _province_place(written: str, ctx) -> str:
    name = gz.official(written) or written
    if name == "Thừa Thiên Huế" and written.strip() == "Huế":
        date = ctx and (ctx.published or getattr(ctx, "given_published", None)
                        or (f"{ctx.year}-12-31" if ctx.year else None))
        kind, name = gz.in_force("Huế", date)
        return f"{kind} {name}"
    return f"{gz.kind_of(name)} {name}"


def _is_head(text: str, pos: int) -> bool:
    return bool(gz.agency_head_re()[0].match(text, pos))


def _item(text: str, pos: int, levels: tuple[str, ...], ctx):
    """One place at text[pos:]: (place, start, end, levels for the items after it, how its level
    is written: None bare, `own` its word, `class` `các huyện`) or None."""
    lv = _ITEM_LEVEL.match(text, pos)
    how = None
    if lv:
        written = _level_word(lv.group("lv"))
        levels = tuple(_level_word(x) for x in re.findall(_LEVEL, lv.group(0).lower())) or (written,)
        levels = (written,) + tuple(x for x in levels if x != written)
        at = lv.end()
        how = "class" if re.match(r"(?:các|\d)", lv.group(0)) else "own"
    else:
        at = pos
    if _is_head(text, at):
        return None                       # `…, Công an xã A`: another body, not a bare place
    province = gz.province_re().match(text, at)
    if province and not re.match(r"[ \t]+[A-ZĐ]", text[province.end():province.end() + 2]):
        official = gz.official(province.group(1))
        if "tỉnh" in levels or ("thành phố" in levels and official in gz.CENTRAL_CITIES):
            return _province_place(province.group(1), ctx), pos, province.end(), levels, how
    if "quận" in levels:
        num = _NUMBER.match(text, at)
        if num:
            return f"quận {num.group(0)}", pos, num.end(), levels, how
    name = _NAME.match(text, at)
    if not name:
        return None
    words = name.group(0).split()
    local = [x for x in levels if x not in ("tỉnh",)]
    district_levels = [x for x in local if x in _DISTRICT_LEVELS or x == "thành phố"]
    if district_levels:
        cand = " ".join(words)            # (all its capitalised words: `Đồng Tháp Mười` is no `Đồng Tháp`)
        if cand.replace("’", "'") in gz.district_names() and not re.match(r"[ \t]+[A-ZĐ]", text[name.end():name.end() + 2]):
            kinds = gz.district_kinds()
            lvl = district_levels[0]
            kind = kinds.get(cand.replace("’", "'"))
            if len(district_levels) > 1 and kind in district_levels:
                lvl = kind                # `các huyện, thị xã: A, B`: each its own word
            return f"{lvl} {cand}", pos, name.end(), levels, how
    communes = [x for x in local if x in _COMMUNE_LEVELS]
    # (a name of two words or more may end at the verb after the list: `…, Hòa Lợi và Phú Mỹ ký …`)
    if communes and (_ITEM_END.match(text, name.end()) or len(words) >= 2) \
            and not re.match(r"[ \t]+[A-ZĐ]", text[name.end():name.end() + 2]):
        cand = " ".join(words)
        lvl = communes[0]
        if not lv and len(communes) > 1:
            lvl = _written_level(text, cand, tuple(communes)) or lvl
        num = re.match(r"[ \t]\d{1,2}(?![\w/.,])", text[name.end():name.end() + 4])
        end = name.end() + (num.end() if num else 0)
        return f"{lvl} {text[at:end]}", pos, end, levels, how
    return None


def places_after_head(text: str, pos: int, ctx, composed: bool = False) -> tuple[list[tuple[str, int, int]], int]:
    """The places of a distributive list whose class (`các tỉnh`, `6 quận trong cụm (`) starts at
    text[pos:] right after a head: ([(place, start, end)], where the class starts or -1).
    `composed`: the head is what a `gồm` says something is made of (the bodies themselves)."""
    h = _HEAD_LEVELS.match(text, pos)
    if not h:
        return [], -1
    levels = tuple(_level_word(x) for x in re.findall(_LEVEL, h.group("lv")))
    if h.group("open") is None and h.group("of") is not None:
        return [], -1                     # `UBMTTQ 06 huyện trong cụm, …`: the class, no list
    if h.group("open") and all(x in ("tỉnh", "thành phố") for x in levels) and not composed:
        # `Sở VHTTDL các tỉnh: Lâm Đồng, …` after a colon often lists who attended (the Sở's
        # officers): left to members.py, which names a bloc's members from it (dev gold 023);
        # `Cụm gồm Liên đoàn Lao động các tỉnh: A, B` names the bodies themselves
        return [], -1
    out = []
    at = h.end()
    while True:
        it = _item(text, at, levels, ctx)
        if it is None:
            break
        place, s, e, levels, _how = it
        out.append((place, s, e))
        sep = _SEP.match(text, e)
        if not sep:
            break
        at = sep.end()
    return out, h.start()


def places_after_place(text: str, pos: int, place: str, ctx) -> list[tuple[str, int, int]]:
    """More places of a body named with `place` ending at text[pos]: `… tỉnh Vĩnh Long và Đồng
    Tháp`, `… Quận 1, 3, 10, Tân Bình`, `… thành phố Long Xuyên và các huyện Phú Tân, Châu Thành`."""
    word = next((w for w in ("thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường")
                 if place.startswith(w + " ")), None)
    if word is None:
        return []
    family = _family(place)
    levels: tuple[str, ...] = (word,)
    if word == "thành phố":
        levels = ("tỉnh", "thành phố") if gz.official(place[len(word) + 1:]) in gz.CENTRAL_CITIES else ("thành phố",)
    out = []
    while True:
        sep = _SEP.match(text, pos)
        if not sep or sep.end() == pos:
            return out
        it = _item(text, sep.end(), levels, ctx)
        if it is None:
            return out
        place, s, e, new_levels, how = it
        if how == "own" and _family(place) != family:
            return out                    # `UBND tỉnh A, huyện B`: another body, not this one's
        if how == "class":
            family = _family(place)
        out.append((place, s, e))
        levels, pos = new_levels, e
