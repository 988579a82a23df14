"""Fetching URLs with httpx: timeouts, a redirect limit, a size cap, retries, per-host limits.

The fetched (final) URL becomes the base for relative links and the ``url`` fallback; the
charset named in ``Content-Type`` is passed on to the decoder (unless the body is plainly UTF-8
whatever the header says); ``fetched`` records when the page was fetched.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx

from .. import __version__
from ..errors import FetchError

if TYPE_CHECKING:
    from .jobs import Job

USER_AGENT = f"declutter/{__version__} (article extractor; +https://pypi.org/project/declutter/)"

#: Content types that are pages; anything else is refused (a missing type is sniffed).
PAGE_TYPES = {
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "text/x-markdown",
    "application/xml",
    "text/xml",
}
RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """Knobs of the HTTP client; every one has a command-line option."""

    #: Seconds for the whole fetch of one page (connect, redirects, body).
    timeout: float = 30.0
    connect_timeout: float = 10.0
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    retries: int = 2
    #: First retry waits this long; each next one twice as long (or what Retry-After says).
    backoff: float = 1.0
    max_retry_after: float = 30.0
    per_host: int = 2
    max_in_flight: int = 16
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    data: bytes
    charset: str | None
    content_type: str | None
    fetched: str


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _is_utf8_text(data: bytes) -> bool:
    """Bytes that decode as UTF-8 and use multi-byte sequences: UTF-8, whatever a header says."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _retry_after(response: httpx.Response, default: float, cap: float) -> float:
    value = response.headers.get("retry-after")
    if value:
        try:
            return min(cap, max(0.0, float(value)))
        except ValueError:
            try:
                when = parsedate_to_datetime(value)
                return min(cap, max(0.0, when.timestamp() - time.time()))
            except (TypeError, ValueError):
                pass
    return min(cap, default)


class Fetcher:
    """A shared httpx client, a pool of fetch threads, and one semaphore per host."""

    def __init__(self, config: FetchConfig | None = None) -> None:
        self.config = config or FetchConfig()
        c = self.config
        self.client = httpx.Client(
            follow_redirects=True,
            max_redirects=c.max_redirects,
            timeout=httpx.Timeout(min(c.timeout, 60.0), connect=min(c.connect_timeout, c.timeout)),
            headers={
                "User-Agent": c.user_agent,
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "gzip, deflate, br",
            },
            limits=httpx.Limits(max_connections=c.max_in_flight, max_keepalive_connections=8),
        )
        self._hosts: dict[str, threading.BoundedSemaphore] = defaultdict(
            lambda: threading.BoundedSemaphore(c.per_host)
        )
        self._hosts_lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None
        self._done: queue.Queue[Job] = queue.Queue()

    @property
    def max_in_flight(self) -> int:
        return self.config.max_in_flight

    def _host_slot(self, url: str) -> threading.BoundedSemaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self._hosts_lock:
            return self._hosts[host]

    # -- one URL ---------------------------------------------------------------------------

    def fetch(self, url: str) -> Fetched:
        """Fetch one page, retrying on 429/5xx and connection errors; FetchError otherwise."""
        c = self.config
        attempt = 0
        while True:
            try:
                with self._host_slot(url):
                    return self._fetch_once(url)
            except _Retryable as r:
                if attempt >= c.retries:
                    raise FetchError(url, r.message) from None
                delay = r.delay if r.delay is not None else c.backoff * (2**attempt)
                time.sleep(min(delay, c.max_retry_after))
                attempt += 1

    def _fetch_once(self, url: str) -> Fetched:
        c = self.config
        start = time.monotonic()
        try:
            with self.client.stream("GET", url) as response:
                status = response.status_code
                if status in RETRY_STATUS:
                    delay = c.backoff if status != 429 else None
                    if "retry-after" in response.headers:
                        delay = _retry_after(response, c.backoff, c.max_retry_after)
                    raise _Retryable(f"HTTP {status} {response.reason_phrase}".strip(), delay)
                if status >= 400:
                    raise FetchError(url, f"HTTP {status} {response.reason_phrase}".strip())
                ctype_header = response.headers.get("content-type", "")
                ctype = ctype_header.split(";")[0].strip().lower() or None
                if ctype is not None and ctype not in PAGE_TYPES:
                    raise FetchError(url, f"not a page (content type {ctype})")
                length = response.headers.get("content-length")
                if length and length.isdigit() and int(length) > c.max_bytes:
                    raise FetchError(
                        url, f"body of {length} bytes exceeds the {c.max_bytes}-byte cap"
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > c.max_bytes:
                        raise FetchError(url, f"body exceeds the {c.max_bytes}-byte cap")
                    if time.monotonic() - start > c.timeout:
                        raise FetchError(url, f"took longer than {c.timeout:g}s")
                    chunks.append(chunk)
                data = b"".join(chunks)
                charset = response.charset_encoding
                utf8 = ("utf-8", "utf8")
                if (
                    charset
                    and charset.lower().replace("_", "-") not in utf8
                    and _is_utf8_text(data)
                ):
                    charset = "utf-8"  # the header is wrong: the body is UTF-8
                return Fetched(str(response.url), data, charset, ctype, _now())
        except httpx.TooManyRedirects:
            raise FetchError(url, f"more than {c.max_redirects} redirects (a loop?)") from None
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({type(exc).__name__})") from None
        except (httpx.ConnectError, httpx.RemoteProtocolError) as exc:
            raise _Retryable(f"connection failed ({exc})", None) from None
        except httpx.DecodingError as exc:
            raise FetchError(url, f"bad content encoding ({exc})") from None
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"invalid URL ({exc})") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}") from None

    def fetch_job(self, job: Job) -> Job:
        """The job with its page fetched, or with its ``error`` set."""
        assert job.url is not None
        try:
            page = self.fetch(job.url)
        except FetchError as exc:
            return replace(job, error=exc, needs_fetch=False)
        except Exception as exc:  # never lose an input to a client bug
            return replace(
                job, error=FetchError(job.url, f"{type(exc).__name__}: {exc}"), needs_fetch=False
            )
        extra = dict(job.extra)
        extra["fetched"] = page.fetched
        return replace(
            job,
            data=page.data,
            url=page.url,
            http_charset=page.charset,
            extra=extra,
            needs_fetch=False,
        )

    # -- many URLs -------------------------------------------------------------------------

    def submit(self, job: Job) -> None:
        """Fetch in the background; the job comes back from :meth:`done`."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.config.max_in_flight, "declutter-fetch")
        self._pool.submit(lambda: self._done.put(self.fetch_job(job)))

    def done(self) -> list[Job]:
        out: list[Job] = []
        while True:
            try:
                out.append(self._done.get_nowait())
            except queue.Empty:
                return out

    def wait(self, timeout: float) -> None:
        """Block until a fetch finishes (it is then returned by :meth:`done`) or time passes."""
        try:
            job = self._done.get(timeout=timeout)
        except queue.Empty:
            return
        self._done.put(job)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self.client.close()


class _Retryable(Exception):
    def __init__(self, message: str, delay: float | None) -> None:
        super().__init__(message)
        self.message = message
        self.delay = delay
