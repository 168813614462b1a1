"""Conditional requests (RFC 9110), in one place: every ETag this API hands out, and every
If-None-Match and If-Match it reads.

Reads: a representation's tag is a hash of the exact bytes sent, or of a cheap version key,
which every worker computes the same way (no server-side cache is needed to agree on it); a
client that already has the current one gets 304. A public representation with a version key
is built once per version in each process and kept, keyed by its tag: the version lives in the
database, so every worker's copy agrees, and a write makes a new tag that no copy holds.

Changes: optimistic concurrency with version tags ("v7"); a stale If-Match is a 412, and where
a resource demands it, a missing one is a 428."""

import gzip
import hashlib
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.core import data_versions
from api.core.errors import DomainError

# Public data (the same for every anonymous caller): a browser revalidates on every use, a
# shared cache in front (reverse proxy, CDN) may answer from its copy for a minute and, while it
# revalidates in the background, for five more. A minute-old figure or catalogue is acceptable;
# a spike on the day a wave starts is then absorbed before it reaches the workers.
PUBLIC_SHARED = "public, max-age=0, s-maxage=60, stale-while-revalidate=300"
# What depends on who asks (a draft, the team's view) stays in that person's browser, revalidated.
PRIVATE_REVALIDATE = "private, no-cache"
# A public answer where a signed-in caller would get another one: shared caches must key on it.
BY_VIEWER = "Authorization, Cookie"
# Smaller answers are sent as they are (the gzip middleware's threshold, api/main.py).
GZIP_MINIMUM = 1024


def cache_control(public: bool) -> str:
    return PUBLIC_SHARED if public else PRIVATE_REVALIDATE


# An entity tag as RFC 9110 defines it, limited to ASCII: the tags this API hands out are.
_ENTITY_TAG = re.compile(r'(?:W/)?("[\x21\x23-\x7e]{0,200}")')


def entity_tags(header: str) -> set[str]:
    """The tags an If-Match or If-None-Match lists, quoted and without W/ (weak comparison).
    A malformed member is left out: it matches nothing, and never fails the request."""
    members = (_ENTITY_TAG.fullmatch(member.strip()) for member in header.split(","))
    return {found.group(1) for found in members if found is not None}


def none_match_hits(if_none_match: str | None, etag: str) -> bool:
    """Whether an If-None-Match names `etag` (or is *): then the answer is 304."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    return etag in entity_tags(if_none_match)


def etag_for(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def _headers(etag: str, cache_control: str, vary: str | None) -> dict[str, str]:
    headers = {"ETag": etag, "Cache-Control": cache_control}
    if vary is not None:
        headers["Vary"] = vary
    return headers


def conditional_json(
    request: Request,
    model: BaseModel,
    *,
    cache_control: str = PUBLIC_SHARED,
    vary: str | None = None,
) -> Response:
    body = model.model_dump_json(by_alias=True).encode()
    etag = etag_for(body)
    headers = _headers(etag, cache_control, vary)
    if_none_match = request.headers.get("if-none-match")
    if none_match_hits(if_none_match, etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


class Representations:
    """Bodies of public representations by their tag, the least recently used dropped first
    beyond a byte budget. Threads share it (handlers run in a pool), hence the lock. A copy is
    kept at most `max_age_seconds`: what a version key does not name (reference data a seed
    changes) is then stale for minutes at most, not until the process ends."""

    def __init__(
        self, budget_bytes: int = 32 * 1024 * 1024, max_age_seconds: float = 300.0
    ) -> None:
        self.budget_bytes = budget_bytes
        self.max_age_seconds = max_age_seconds
        self._bodies: OrderedDict[str, tuple[bytes, float]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._bodies)

    def get(self, tag: str) -> bytes | None:
        with self._lock:
            kept = self._bodies.get(tag)
            if kept is None:
                return None
            body, stored = kept
            if time.monotonic() - stored > self.max_age_seconds:
                del self._bodies[tag]
                self._size -= len(body)
                return None
            self._bodies.move_to_end(tag)
            return body

    def put(self, tag: str, body: bytes) -> None:
        if len(body) > self.budget_bytes:
            return
        with self._lock:
            if tag in self._bodies:
                return
            self._bodies[tag] = (body, time.monotonic())
            self._size += len(body)
            while self._size > self.budget_bytes:
                _, (dropped, _) = self._bodies.popitem(last=False)
                self._size -= len(dropped)


_creating = threading.Lock()


def representations(state: State) -> Representations:
    """The app's store (one per app, so per worker process)."""
    store: Representations | None = getattr(state, "representations", None)
    if store is None:
        with _creating:
            store = getattr(state, "representations", None)
            if store is None:
                store = state.representations = Representations()
    return store


def _http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def conditional_versioned(
    request: Request,
    version_key: str,
    build: Callable[[], BaseModel | bytes],
    *,
    last_modified: datetime | None = None,
    cache_control: str = PUBLIC_SHARED,
    vary: str | None = None,
    media_type: str = "application/json",
) -> Response:
    """Like conditional_json, but the tag comes from a cheap version key (what the
    representation depends on, plus the URL and who asks), so a 304 skips building the body."""
    etag = etag_for(f"{version_key}|{request.url.path}?{request.url.query}".encode())
    headers = _headers(etag, cache_control, vary)
    if last_modified is not None:
        headers["Last-Modified"] = _http_date(last_modified)
    if_none_match = request.headers.get("if-none-match")
    if none_match_hits(if_none_match, etag):
        return Response(status_code=304, headers=headers)
    if if_none_match is None and last_modified is not None:
        since = request.headers.get("if-modified-since")
        try:
            unchanged = since is not None and parsedate_to_datetime(since) >= last_modified.replace(
                microsecond=0
            )
        except (TypeError, ValueError):
            unchanged = False
        if unchanged:
            return Response(status_code=304, headers=headers)
    if not cache_control.startswith("public"):
        return Response(_rendered(build()), media_type=media_type, headers=headers)
    # The same for everyone, so one copy serves every caller.
    store = representations(request.app.state)
    kept = store.get(etag)
    if kept is None:
        kept = _rendered(build())
        store.put(etag, kept)
    if len(kept) >= GZIP_MINIMUM and "gzip" in request.headers.get("accept-encoding", ""):
        # Compressed once per version too: compressing the map on every request cost more
        # than everything else in it. The gzip middleware passes an encoded answer through.
        packed = store.get(etag + ";gzip")
        if packed is None:
            # Level 4: once per version, right after a write; 2.5 times as fast as 6 on
            # the map, for 4 % more bytes.
            packed = gzip.compress(kept, compresslevel=4, mtime=0)
            store.put(etag + ";gzip", packed)
        headers["Content-Encoding"] = "gzip"
        headers["Vary"] = ", ".join(filter(None, (vary, "Accept-Encoding")))
        return Response(packed, media_type=media_type, headers=headers)
    return Response(kept, media_type=media_type, headers=headers)


def _rendered(body: BaseModel | bytes) -> bytes:
    return body if isinstance(body, bytes) else body.model_dump_json(by_alias=True).encode()


def conditional_reference(
    request: Request, session: Session, build: Callable[[], BaseModel]
) -> Response:
    """A public read of reference data (measures, waves, municipalities, organisations): built
    once per version of that data, as its counter in the database says."""
    return conditional_versioned(
        request, data_versions.key(session, data_versions.REFERENCE), build
    )


# Versions fit a database integer; a longer run of digits is no tag of ours.
_VERSION = re.compile(r'"v([0-9]{1,18})"')


class PreconditionFailedError(DomainError):
    status = 412
    title = "Voorwaarde niet vervuld"


class PreconditionRequiredError(DomainError):
    status = 428
    title = "Voorwaarde vereist"


def version_etag(version: int) -> str:
    return f'"v{version}"'


def parse_if_match(header: str | None) -> int:
    """The version an If-Match names; 428 when absent, 412 when it is no version ETag."""
    if not header:
        raise PreconditionRequiredError(
            "Stuur If-Match met de ETag die u las, zodat een wijziging van een ander niet "
            "ongemerkt wordt overschreven."
        )
    versions = {
        int(found.group(1)) for tag in entity_tags(header) if (found := _VERSION.fullmatch(tag))
    }
    if len(versions) != 1:
        # RFC 9110: a tag the server never handed out does not match, whatever its shape.
        raise PreconditionFailedError("If-Match is geen ETag van deze bron.")
    return versions.pop()


def check_version(header: str | None, current: int, *, required: bool) -> None:
    if header is None and not required:
        return
    if parse_if_match(header) != current:
        raise PreconditionFailedError(
            "Iemand anders heeft dit intussen gewijzigd. Haal de nieuwe stand op en probeer "
            "het opnieuw.",
            extra={"huidigeVersie": current},
            headers={"ETag": version_etag(current)},
        )
