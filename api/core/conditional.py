"""Conditional requests (RFC 9110), in one place: every ETag this API hands out (made in
core/etags.py), and every If-None-Match and If-Match it reads.

Reads: a representation's tag is a hash of the exact bytes sent, or of a cheap version key,
which every worker computes the same way (no server-side cache is needed to agree on it); a
client that already has the current one gets 304. A public representation with a version key
is built once per version in each process and kept, keyed by its tag: the version lives in the
database, so every worker's copy agrees, and a write makes a new tag that no copy holds.

Changes: optimistic concurrency with version tags ("v7"); a stale If-Match is a 412, and where
a resource demands it, a missing one is a 428."""

import re
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from api.core import data_versions
from api.core.errors import DomainError
from api.core.etags import entity_tags, etag_for, none_match_hits, version_tag
from api.core.kept import (
    Entry,
    VersionKey,
    anonymous_json,
    compressed,
    index_of,
    representations,
    url_of,
    wants_gzip,
)

# Public data (the same for every anonymous caller): a shared cache in front (reverse proxy,
# CDN) may answer from its copy for a minute and, while it revalidates in the background, for
# five more. A minute-old figure or catalogue is acceptable; a spike on the day a wave starts is
# then absorbed before it reaches the workers. A browser revalidates on every use:
# must-revalidate, as browsers apply stale-while-revalidate too (Chromium served the stale copy
# and revalidated behind it), and nginx reads s-maxage and stale-while-revalidate regardless.
PUBLIC_SHARED = "public, max-age=0, must-revalidate, s-maxage=60, stale-while-revalidate=300"
# What depends on who asks (a draft, the team's view) stays in that person's browser, revalidated.
PRIVATE_REVALIDATE = "private, no-cache"
# A public answer where a signed-in caller would get another one: shared caches must key on it.
BY_VIEWER = "Authorization, Cookie"


def cache_control(public: bool) -> str:
    return PUBLIC_SHARED if public else PRIVATE_REVALIDATE


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
    again: VersionKey | None = None,
    keep_private: bool = False,
) -> Response:
    """Like conditional_json, but the tag comes from a cheap version key (what the
    representation depends on, plus the URL and who asks), so a 304 skips building the body.
    A public answer is kept per tag; with `again` (how to read `version_key` on another
    session), the same for every anonymous caller, it is answered again before routing
    (core/kept.py). With `keep_private`, a private answer is kept per tag as well: only for a
    version key that names who asks, read after the caller's access was checked."""
    etag = version_tag(version_key, request.url.path, request.url.query)
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
    public = cache_control.startswith("public")
    if not public and not keep_private:
        return Response(_rendered(build()), media_type=media_type, headers=headers)
    # The same for everyone (or, kept private, for the one its key names): one copy serves all.
    store = representations(request.app.state)
    body = store.get(etag)
    if body is None:
        body = _rendered(build())
        store.put(etag, body)
    # An answer that varies by viewer is the anonymous viewer's when an anonymous caller got
    # it, and the front answers anonymous callers only.
    if again is not None and public and (vary is None or anonymous_json(request.headers)):
        url = url_of(request.url.path, request.url.query)
        entry = Entry(again, etag, media_type, tuple(headers.items()))
        index_of(request.app.state).remember(url, entry)
    if wants_gzip(request.headers.get("accept-encoding", ""), body):
        # The gzip middleware passes an answer that is encoded already through.
        headers["Content-Encoding"] = "gzip"
        headers["Vary"] = ", ".join(filter(None, (vary, "Accept-Encoding")))
        return Response(compressed(store, etag, body), media_type=media_type, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def _rendered(body: BaseModel | bytes) -> bytes:
    return body if isinstance(body, bytes) else body.model_dump_json(by_alias=True).encode()


def conditional_reference(
    request: Request, session: Session, build: Callable[[], BaseModel]
) -> Response:
    """A public read of reference data (measures, waves, municipalities, organisations): built
    once per version of that data, as its counter in the database says."""
    return conditional_versioned(request, reference_key(session), build, again=reference_key)


def reference_key(reader: data_versions.Reader) -> str:
    return data_versions.key(reader, data_versions.REFERENCE)


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


def private_versioned(
    body: BaseModel, version: int, *, status_code: int = 200, location: str | None = None
) -> Response:
    """A resource changed with If-Match, shown to its own reader only: its version ETag to send
    back, never kept by a cache; with a Location when it was just created."""
    headers = {"ETag": version_etag(version), "Cache-Control": "private, no-store"}
    if location is not None:
        headers["Location"] = location
    return Response(
        body.model_dump_json(by_alias=True),
        status_code=status_code,
        media_type="application/json",
        headers=headers,
    )


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
