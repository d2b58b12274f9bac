"""WARC in and out: record every exchange of a crawl; read .warc/.warc.gz back as pages.

A file starts with a `warcinfo` record (software, robots policy) and each exchange is a
`request` record then its `response`, linked by WARC-Concurrent-To, as wget and
Heritrix write them, so replay tools (pywb, warcio's own indexer) read our files. Bodies are recorded as received after transfer/content decoding (httpx hands us decoded
bytes), so Content-Encoding and Transfer-Encoding are dropped from the recorded headers
and Content-Length set to the stored length: the record then reads back consistently.
"""
from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

import httpx
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from thidua import USER_AGENT

from .classify import classify
from .discover import parse_html
from .encoding import decode_body
from .fetch import HTML_TYPES
from .model import FetchedPage
from .urls import try_normalize

_DROP = {"content-encoding", "transfer-encoding", "content-length"}


class WarcRecorder:
    def __init__(self, path: str | os.PathLike, *, obey_robots: bool = True):
        self.path = Path(path)
        self._fh = open(self.path, "ab")
        self._writer = WARCWriter(self._fh, gzip=self.path.suffix == ".gz" or str(self.path).endswith(".warc.gz"))
        info = {"software": f"thidua ({USER_AGENT})", "format": "WARC File Format 1.1",
                "robots": "obey" if obey_robots else "ignore"}
        self._writer.write_record(self._writer.create_warcinfo_record(self.path.name, info))
        self._fh.flush()

    def record(self, url: str, response: httpx.Response, body: bytes) -> None:
        protocol = response.http_version if response.http_version.startswith("HTTP/") else "HTTP/1.1"
        reason = httpx.codes.get_reason_phrase(response.status_code) or "Unknown"
        pairs = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in _DROP]
        pairs.append(("Content-Length", str(len(body))))
        http_headers = StatusAndHeaders(f"{response.status_code} {reason}", pairs, protocol=protocol)
        resp = self._writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                               http_headers=http_headers)
        request = response.request
        target = request.url.raw_path.decode("ascii", "replace") or "/"
        req_headers = StatusAndHeaders(f"{request.method} {target} {protocol}",
                                       list(request.headers.multi_items()), is_http_request=True)
        req = self._writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                              http_headers=req_headers)
        req.rec_headers.add_header("WARC-Concurrent-To", resp.rec_headers.get_header("WARC-Record-ID"))
        self._writer.write_record(req)
        self._writer.write_record(resp)
        self._fh.flush()  # a killed crawl keeps every record written so far

    def close(self) -> None:
        self._fh.close()


def iter_warc_pages(path: str | os.PathLike) -> Iterator[FetchedPage]:
    """Each successful HTML response in a WARC file (.warc or .warc.gz) as a FetchedPage."""
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            norm = try_normalize(url or "")
            if norm is None:
                continue
            status = 200
            ctype = ""
            etag = last_modified = None
            if record.http_headers is not None:
                try:
                    status = int(record.http_headers.get_statuscode() or 0)
                except ValueError:
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                etag = record.http_headers.get_header("ETag")
                last_modified = record.http_headers.get_header("Last-Modified")
            elif record.rec_type == "resource":
                ctype = record.rec_headers.get_header("Content-Type") or ""
            if status != 200:
                continue
            body = record.content_stream().read()
            if ctype and ctype.split(";")[0].strip().lower() not in HTML_TYPES:
                continue
            text, _ = decode_body(body, ctype)
            parsed = parse_html(text, norm)
            fetched_at = record.rec_headers.get_header("WARC-Date")
            yield FetchedPage(
                url=norm, final_url=norm, canonical_url=parsed.canonical, status=status,
                fetched_at=fetched_at, content_type=ctype or "text/html", etag=etag,
                last_modified=last_modified, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                text=text, kind=classify(parsed.tree, norm), changed=True)
