"""Bytes → NFC text: charset from the BOM, the HTTP header, the meta tag, or detection.

Vietnamese legacy pages (windows-1258) spell tone marks as combining characters, so the
decoded text must be recomposed: NFC, then the project's one tone-placement rule
(`thidua.extract.textnorm.nfc`), giving the same string as the page served in UTF-8.
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer

from thidua.extract.textnorm import nfc

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)["']""")
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

# Labels pages use that Python spells differently; WHATWG maps latin-1 labels to cp1252.
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
            "ascii": "cp1252", "windows-1258": "cp1258", "x-user-defined": "cp1252",
            "utf8": "utf-8", "unicode": "utf-8"}


def _known(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return _known(m.group(1)) if m else None


def sniff_charset(body: bytes) -> str | None:
    """The charset a document declares about itself (meta tag or XML declaration)."""
    head = body[:4096]
    m = _META_CHARSET.search(head) or _XML_DECL.search(head)
    return _known(m.group(1).decode("ascii", "ignore")) if m else None


def detect_charset(body: bytes) -> str:
    if _valid_utf8(body):
        return "utf-8"
    best = charset_normalizer.from_bytes(body[:200_000]).best()
    return _known(best.encoding) if best and _known(best.encoding) else "cp1252"


def _valid_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def choose_charset(body: bytes, content_type: str | None = None) -> str:
    """The HTML standard's order: BOM, then the transport's word, then the page's, then a guess."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    declared = header_charset(content_type) or sniff_charset(body)
    if declared == "utf-8" and not _valid_utf8(body):
        # A page that claims UTF-8 but is not (common on old CMSes): trust the bytes.
        return detect_charset(body)
    return declared or detect_charset(body)


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(NFC text, charset used). Undecodable bytes become U+FFFD rather than failing the page."""
    charset = choose_charset(body, content_type)
    text = body.decode(charset, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return nfc(text), charset
