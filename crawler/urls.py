"""URL normalisation and site identity, so every page has exactly one key in the db.

Normalising: lower-case scheme and host, drop default ports and fragments, drop tracking
parameters (utm_*, fbclid, gclid…), sort the query. Two spellings of one address then
compare equal and an article is fetched and stored once.
"""
from __future__ import annotations

import ipaddress
import socket
from functools import lru_cache
from urllib.parse import quote, unquote, unquote_plus, urljoin, urlsplit, urlunsplit

from .errors import UnsafeURL

SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}

# Parameters that say where a visitor came from, never which page it is.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid",
    "igshid", "_ga", "_gl", "ref_src", "zarsrc", "zalo_share", "share", "sharer",
})
TRACKING_PREFIXES = ("utm_",)


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def _requote(part: str, safe: str) -> str:
    # Unquote then quote: `%7E` and `~`, `%c3%a1` and `%C3%A1` become one spelling.
    return quote(unquote(part), safe=safe)


def _requote_param(param: str) -> str:
    # Each side of `=` on its own; a bare key (`?print`) stays bare, not `print=`.
    key, eq, value = param.partition("=")
    safe = "/:@!$'()*,;-._~"
    return quote(unquote_plus(key), safe=safe) + eq + quote(unquote_plus(value), safe=safe)


def normalize_url(url: str, base: str | None = None) -> str:
    """The one spelling of `url` (resolved against `base`); raises UnsafeURL if not http(s)."""
    url = url.strip()
    if base is not None:
        url = urljoin(base, url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise UnsafeURL(f"not an http(s) URL: {url[:200]}")
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise UnsafeURL(f"no host in URL: {url[:200]}")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError as exc:
        raise UnsafeURL(f"bad host name: {host!r}") from exc
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError as exc:
        raise UnsafeURL(f"bad port in URL: {url[:200]}") from exc
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = parts.path or "/"
    if "/." in path:  # resolve `..` and `.` segments (RFC 3986 5.2.4) via urljoin
        path = urlsplit(urljoin("http://h/", path)).path
    path = _requote(path, safe="/:@!$&'()*+,;=-._~")
    query = "&".join(sorted(_requote_param(p) for p in parts.query.split("&")
                            if p and not _is_tracking(unquote_plus(p.split("=", 1)[0]))))
    return urlunsplit((scheme, netloc, path, query, ""))


@lru_cache(maxsize=100_000)
def try_normalize(url: str, base: str | None = None) -> str | None:
    """normalize_url, or None for links we never follow (mailto:, javascript:, garbage).

    Cached: a site's menu and footer links recur on every page.
    """
    try:
        return normalize_url(url, base)
    except (UnsafeURL, ValueError):
        return None


def host_key(url: str) -> str:
    """host[:port] of a normalised URL: the unit of politeness (delay, concurrency, robots)."""
    return urlsplit(url).netloc


def site_key(url: str) -> str:
    """The site a URL belongs to: host without `www.`, with its port if not the default.

    http and https of one host are one site; so are `www.x.vn` and `x.vn`.
    """
    netloc = urlsplit(url).netloc
    return netloc[4:] if netloc.startswith("www.") else netloc


def on_sites(url: str, sites: set[str]) -> bool:
    """Whether `url` is on one of `sites` (site keys) or a sub-domain of one."""
    key = site_key(url)
    if key in sites:
        return True
    host, _, port = key.partition(":")
    for site in sites:
        s_host, _, s_port = site.partition(":")
        if port == s_port and host.endswith("." + s_host):
            return True
    return False


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def _ip_is_private(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved
            or ip.is_multicast or ip.is_unspecified)


def host_is_private(host: str) -> bool:
    """Whether a host name or literal points into a private/loopback network.

    Names are resolved; any private address among the answers counts (a name that
    resolves to both is the classic way to smuggle a request inside). Unresolvable names
    are not private: fetching them simply fails.
    """
    host = host.strip("[]").split("%")[0]
    try:
        return _ip_is_private(ipaddress.ip_address(host))
    except ValueError:
        pass
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False
    return any(_ip_is_private(ipaddress.ip_address(info[4][0].split("%")[0])) for info in infos)


def hostname(url: str) -> str:
    return urlsplit(url).hostname or ""
