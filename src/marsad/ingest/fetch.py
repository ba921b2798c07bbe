"""Fetching a URL for the readers: a connect/read timeout, a deadline for the whole
download and a size cap, so that a slow, silent or huge source never hangs an ingest.
Any failure is MarsadError M308 (unreachable, HTTP error, timeout) or M309 (too big)."""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from .. import __version__
from ..errors import Errors, MarsadError
from .options import ReadOptions

CHUNK = 64 * 1024
USER_AGENT = f"Marsad/{__version__} (Arabic news reader)"
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # e.g. "application/rss+xml", "" when the server does not say
    data: bytes


def is_url(source: object) -> bool:
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


def fetch(url: str, options: ReadOptions) -> Fetched:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=options.timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > options.max_bytes:
                raise MarsadError(Errors.M309, url=url, limit=options.max_bytes)
            data = _read_capped(response, url, options, started)
            content_type = response.headers.get_content_type() if response.headers.get("Content-Type") else ""
            return Fetched(response.geturl() or url, content_type, data)
    except MarsadError:
        raise
    except urllib.error.HTTPError as error:
        raise MarsadError(Errors.M308, url=url, reason=f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise MarsadError(Errors.M308, url=url, reason=_describe(error.reason, options)) from None
    except (TimeoutError, socket.timeout) as error:
        raise MarsadError(Errors.M308, url=url, reason=_describe(error, options)) from None
    except (OSError, ValueError) as error:  # connection reset, bad URL, invalid HTTP
        raise MarsadError(Errors.M308, url=url, reason=_describe(error, options)) from None


def _read_capped(response, url: str, options: ReadOptions, started: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() - started > options.deadline:
            raise MarsadError(Errors.M308, url=url, reason=f"the download took longer than {options.deadline:g} s")
        chunk = response.read(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > options.max_bytes:
            raise MarsadError(Errors.M309, url=url, limit=options.max_bytes)
        chunks.append(chunk)


def _describe(reason: object, options: ReadOptions) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {options.timeout:g} s"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason).strip().splitlines()[0] if str(reason).strip() else type(reason).__name__
