"""Cross-cutting HTTP behaviour for every response: request id, API-Version, security headers,
media-type checks and the access log. Written as plain ASGI middleware because it runs on
every request and Starlette's BaseHTTPMiddleware costs a task per request."""

import logging
import random
import re
import time
import uuid
from collections.abc import MutableMapping
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.core.logging import loggable_path
from api.core.problem import PROBLEM_MEDIA_TYPE, problem_body
from api.core.settings import API_VERSION

access_log = logging.getLogger("spoorboek.access")

_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{7,63}$")

# Media types any endpoint of this API may accept in a request body; everything else is 415
# before routing, so a client learns at once that it sent the wrong kind of body.
ACCEPTED_BODY_TYPES = frozenset(
    {
        "application/json",
        "application/merge-patch+json",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
)

_API_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
_SPA_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


# Request ids need to be unique, not secret: a version-4 UUID from the process's own generator
# (seeded from the system's) costs no system call, where uuid.uuid4() reads os.urandom each time.
_ids = random.Random()  # noqa: S311


def _request_id(headers: Headers) -> str:
    offered = headers.get("x-request-id", "")
    if _SAFE_REQUEST_ID.match(offered):
        return offered
    return str(uuid.UUID(int=_ids.getrandbits(128), version=4))


_OWN_HEADERS = [(b"api-version", API_VERSION.encode())]
_SECURITY_RAW = [
    (name.lower().encode(), value.encode()) for name, value in _API_SECURITY_HEADERS.items()
]


def _add_headers(message: Message, request_id: str) -> None:
    """API-Version and X-Request-ID set, the security headers and Cache-Control added where
    the answer has none: one pass over the answer's headers, not one per header."""
    raw: list[tuple[bytes, bytes]] = [
        (name, value)
        for name, value in message.get("headers", ())
        if name.lower() not in (b"api-version", b"x-request-id")
    ]
    present = {name.lower() for name, _ in raw}
    raw += _OWN_HEADERS
    raw.append((b"x-request-id", request_id.encode("latin-1")))
    raw += [(name, value) for name, value in _SECURITY_RAW if name not in present]
    if b"cache-control" not in present:
        raw.append((b"cache-control", b"no-store"))
    message["headers"] = raw


def _has_body(headers: Headers) -> bool:
    length = headers.get("content-length")
    if length is not None:
        return length.strip() not in ("", "0")
    return "transfer-encoding" in headers


class _BodyTooLargeError(HTTPException):
    """Raised while reading a body that passes the size limit. An HTTPException, so that the
    framework's body parsing passes it on instead of turning it into a 400."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, detail=f"De body mag hoogstens {limit} bytes zijn.")
        self.limit = limit


def _limited(receive: Receive, limit: int) -> Receive:
    """Counts body bytes as the app reads them, for bodies sent without a Content-Length."""
    received = 0

    async def wrapped() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise _BodyTooLargeError(limit)
        return message

    return wrapped


def _problem_message(
    scope: Scope, status: int, slug: str, detail: str
) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    body = problem_body(scope, status, "", detail, problem_type=slug)
    headers = [
        (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
    ]
    return body, headers


class HttpConventionsMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        api_prefix: str = "/api/",
        max_body_bytes: int = 1_048_576,
        max_upload_bytes: int = 26_214_400,
    ) -> None:
        self.app = app
        self.api_prefix = api_prefix
        self.max_body_bytes = max_body_bytes
        self.max_upload_bytes = max_upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = Headers(scope=scope)
        request_id = _request_id(headers)
        state: MutableMapping[str, Any] = scope.setdefault("state", {})
        state["request_id"] = request_id
        path: str = scope["path"]
        is_api = path.startswith(self.api_prefix)
        status_holder = {"status": 500}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                _add_headers(message, request_id)
                if not is_api or path.endswith("/openapi.json"):
                    out = MutableHeaders(scope=message)
                    # A 304 has no Content-Type, and the browser keeps its headers for the page
                    # it already has: the API's default-src 'none' would block its scripts.
                    if not is_api and (
                        message["status"] == 304
                        or out.get("content-type", "").startswith("text/html")
                    ):
                        out["Content-Security-Policy"] = _SPA_CSP
                    if path.endswith("/openapi.json"):
                        # The contract is public by rule: readable from any origin.
                        out["Access-Control-Allow-Origin"] = "*"
            await send(message)

        response_started = False

        async def send_tracking(message: Message) -> None:
            nonlocal response_started
            response_started = response_started or message["type"] == "http.response.start"
            await send_with_headers(message)

        try:
            if is_api and _has_body(headers):
                media_type = headers.get("content-type", "").split(";")[0].strip().lower()
                if media_type not in ACCEPTED_BODY_TYPES:
                    await self._reject(
                        send_with_headers,
                        scope,
                        415,
                        "mediatype-niet-ondersteund",
                        f"Het mediatype '{media_type or '(geen)'}' wordt niet geaccepteerd; "
                        "stuur application/json.",
                    )
                    return
                # File uploads may be larger than other bodies; a multipart body adds a little.
                limit = (
                    self.max_upload_bytes + 65_536
                    if media_type == "multipart/form-data"
                    else self.max_body_bytes
                )
                declared = headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    await self._too_large(send_with_headers, scope, limit)
                    return
                receive = _limited(receive, limit)
            await self.app(scope, receive, send_tracking)
        except _BodyTooLargeError as exc:
            if not response_started:
                await self._too_large(send_with_headers, scope, exc.limit)
        finally:
            if access_log.isEnabledFor(logging.INFO):
                access_log.info(
                    "request",
                    extra={
                        "request_id": request_id,
                        "method": scope["method"],
                        "path": loggable_path(path),
                        "status": status_holder["status"],
                        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    },
                )

    async def _too_large(self, send: Send, scope: Scope, limit: int) -> None:
        await self._reject(
            send, scope, 413, "te-groot", f"De body mag hoogstens {limit} bytes zijn."
        )

    @staticmethod
    async def _reject(send: Send, scope: Scope, status: int, slug: str, detail: str) -> None:
        body, headers = _problem_message(scope, status, slug, detail)
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
