"""Representations with an ETag, so a client that already has the current one gets 304.

The tag is a hash of the exact bytes sent, which every worker computes the same way: no
server-side cache is needed to agree on it."""

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel

# Public reference data may be stored by caches, but must be revalidated on every use.
PUBLIC_REVALIDATE = "public, no-cache"


def _matches(if_none_match: str, etag: str) -> bool:
    if if_none_match.strip() == "*":
        return True
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag in candidates


def etag_for(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def conditional_json(
    request: Request, model: BaseModel, *, cache_control: str = PUBLIC_REVALIDATE
) -> Response:
    body = model.model_dump_json(by_alias=True).encode()
    etag = etag_for(body)
    headers = {"ETag": etag, "Cache-Control": cache_control}
    if_none_match = request.headers.get("if-none-match")
    if if_none_match and _matches(if_none_match, etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


def _http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def conditional_versioned(
    request: Request,
    version_key: str,
    build: Callable[[], BaseModel],
    *,
    last_modified: datetime | None = None,
    cache_control: str = PUBLIC_REVALIDATE,
) -> Response:
    """Like conditional_json, but the tag comes from a cheap version key (what the
    representation depends on, plus the URL and who asks), so a 304 skips building the body."""
    etag = etag_for(f"{version_key}|{request.url.path}?{request.url.query}".encode())
    headers = {"ETag": etag, "Cache-Control": cache_control}
    if last_modified is not None:
        headers["Last-Modified"] = _http_date(last_modified)
    if_none_match = request.headers.get("if-none-match")
    if if_none_match and _matches(if_none_match, etag):
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
    body = build().model_dump_json(by_alias=True).encode()
    return Response(body, media_type="application/json", headers=headers)
