"""Public answers kept per version of their data, per worker process, and answered again before
routing.

`Representations` holds the bytes of public answers by their tag (a version key and the URL:
`etags.version_tag`), and their gzip copy. The version lives in the database, so every worker's
copy agrees with every other's, and a write makes a new tag that no copy holds.

`KeptAnswers` answers an anonymous GET of a URL whose answer is kept without routing,
dependencies or validation, which cost several times what sending the kept bytes does: the
route that built the answer left how to read its version key again (`remember`); the front
reads it (one query, on a session of its own) and sends the kept bytes, or `304`, when the tag
is still the kept one. Anything else (another tag, a signed-in caller, an Accept the API does
not serve, a URL never built) goes on to the route, which builds, keeps and remembers it again.
So a stale copy is never sent after a write, in this worker or any other."""

import gzip
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from anyio import to_thread
from fastapi import FastAPI
from pydantic import TypeAdapter
from sqlalchemy.exc import SQLAlchemyError
from starlette.datastructures import State
from starlette.types import ASGIApp, Receive, Scope, Send

from api.core import data_versions
from api.core.commit_watch import CommitWatch, for_url
from api.core.data_versions import Reader
from api.core.db import READS_ONLY, TimeLimits, admission_of, engine_for, get_session
from api.core.errors import DatabaseBusyError
from api.core.etags import none_match_hits, version_tag
from api.core.key_connection import KeyConnection
from api.core.key_reads import KeyReads, ReadStoppedError
from api.core.negotiation import accepts_json

# Smaller answers are sent as they are (the gzip middleware's threshold, api/main.py).
GZIP_MINIMUM = 1024


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
T = TypeVar("T")


def per_app(state: State, name: str, make: Callable[[], T]) -> T:
    """What an app keeps for itself (one app per worker process), made on first use; the
    threads of the pool may ask at once, hence the lock around making it."""
    kept: T | None = getattr(state, name, None)
    if kept is None:
        with _creating:
            kept = getattr(state, name, None)
            if kept is None:
                kept = make()
                setattr(state, name, kept)
    return kept


def representations(state: State) -> Representations:
    """The app's store of kept answers."""
    return per_app(state, "representations", Representations)


def kept_part(state: State, tag: str, adapter: TypeAdapter[T], make: Callable[[], T]) -> T:
    """Part of an answer that changes with less than the whole, kept per process as JSON by a
    tag naming the versions it depends on (as the answers are): an answer made again after a
    write that does not touch the part reads it back instead of querying for it again. In the
    representations' store, so their budget, their age limit and a test's fresh state hold for
    it too."""
    store = representations(state)
    body = store.get(tag)
    if body is None:
        body = adapter.dump_json(make(), by_alias=True)
        store.put(tag, body)
    return adapter.validate_json(body)


def compressed(store: Representations, etag: str, body: bytes) -> bytes:
    """The gzip copy of a kept body, made once per version: compressing the map on every
    request cost more than everything else in it. Level 4, once right after a write, is 2.5
    times as fast as 6 on the map, for 4 % more bytes."""
    packed = store.get(etag + ";gzip")
    if packed is None:
        packed = gzip.compress(body, compresslevel=4, mtime=0)
        store.put(etag + ";gzip", packed)
    return packed


def wants_gzip(accept_encoding: str, body: bytes) -> bool:
    return len(body) >= GZIP_MINIMUM and "gzip" in accept_encoding


VersionKey = Callable[[Reader], str]


@dataclass(frozen=True, slots=True)
class Entry:
    """How to answer a URL again: its version key, and the headers of its kept answer."""

    again: VersionKey
    etag: str
    media_type: str
    headers: tuple[tuple[str, str], ...]


class Index:
    """The URLs the front may answer, least recently used dropped first beyond `limit`."""

    def __init__(self, limit: int = 4096) -> None:
        self.limit = limit
        self.answered = 0
        """Answers the front sent itself: how the tests, and an operator, see it work."""
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def remember(self, url: str, entry: Entry) -> None:
        with self._lock:
            self._entries[url] = entry
            self._entries.move_to_end(url)
            while len(self._entries) > self.limit:
                self._entries.popitem(last=False)

    def get(self, url: str) -> Entry | None:
        with self._lock:
            return self._entries.get(url)


def index_of(state: State) -> Index:
    """The app's index of URLs answered before routing."""
    return per_app(state, "kept_answers", Index)


def key_reads_of(state: State) -> KeyReads:
    """The app's rounds of version reads, shared by the requests waiting at once."""
    return per_app(state, "key_reads", KeyReads)


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    """What `per_app` keeps for something a worker may not have (a watch, a connection): the
    thing, or that there is none, decided once instead of on every request."""

    found: T | None


def commit_watch_of(app: FastAPI) -> CommitWatch | None:
    """The app's watch on its SQLite file; none on PostgreSQL, and none while the app's
    sessions are replaced (the tests' transactions are never committed, so SQLite's number
    would not move for their writes)."""
    if get_session in app.dependency_overrides:
        return None
    return per_app(
        app.state, "commit_watch", lambda: Found(for_url(app.state.settings.database_url))
    ).found


def url_of(path: str, query: str) -> str:
    return f"{path}?{query}"


class KeptAnswers:
    """The ASGI middleware; innermost in the API, so every check at the edge has run."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        state: State = scope["app"].state
        query = scope["query_string"].decode("latin-1")
        entry = index_of(state).get(url_of(scope["path"], query))
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        # If-Modified-Since alone is the route's to judge (the front compares tags only).
        revalidating_by_date = "if-modified-since" in headers and "if-none-match" not in headers
        if entry is None or revalidating_by_date or not anonymous_json(headers):
            await self.app(scope, receive, send)
            return
        app = scope["app"]
        watch = commit_watch_of(app)
        mark = watch.mark() if watch is not None else None
        key = watch.known(entry.again, mark) if watch is not None and mark is not None else None
        if key is None:
            held = key_connection_of(app)

            async def read_round(kinds: list[Hashable]) -> dict[Hashable, str]:
                if held is not None:
                    # Its own connection, outside the pool: no turn to wait for behind the
                    # routes (one round at a time takes one thread).
                    return await to_thread.run_sync(held.run, lambda c: _keys_on(c, kinds))
                async with admission_of(state).turn("GET"):
                    return await to_thread.run_sync(_read_keys, app, kinds)

            try:
                key = await key_reads_of(state).read(entry.again, read_round)
            except (DatabaseBusyError, SQLAlchemyError, ReadStoppedError):
                # The route waits its own turn, and answers 503 if it too must give up.
                await self.app(scope, receive, send)
                return
            if watch is not None and mark is not None:
                watch.remember(entry.again, mark, key)
        etag = version_tag(key, scope["path"], query)
        store = representations(state)
        body = store.get(etag) if etag == entry.etag else None
        if body is None:
            await self.app(scope, receive, send)
            return
        answer = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in entry.headers]
        status = 200
        if none_match_hits(headers.get("if-none-match"), etag):
            status, body = 304, b""
        else:
            answer.append((b"content-type", entry.media_type.encode()))
            if wants_gzip(headers.get("accept-encoding", ""), body):
                body = compressed(store, etag, body)
                answer.append((b"content-encoding", b"gzip"))
                answer.append((b"vary", b"Accept-Encoding"))
            answer.append((b"content-length", str(len(body)).encode()))
        index_of(state).answered += 1
        await send({"type": "http.response.start", "status": status, "headers": answer})
        await send({"type": "http.response.body", "body": body})


def anonymous_json(headers: Mapping[str, str]) -> bool:
    """Only what every anonymous caller gets alike: a signed-in caller may see more, and an
    Accept the API does not serve is the route's to refuse."""
    if "authorization" in headers or "cookie" in headers:
        return False
    accept = headers.get("accept")
    return not accept or accepts_json(accept)


def _read_keys(app: FastAPI, kinds: list[Hashable]) -> dict[Hashable, str]:
    """Every key asked for in a round, on one session or a connection from the pool (SQLite, and
    the tests): the kinds are the key functions (`Entry.again`)."""
    # On a session as the routes get theirs: `get_session`, or what the app put in its place
    # (the tests run every request inside the test's transaction).
    provide = app.dependency_overrides.get(get_session)
    if provide is not None:
        sessions = provide()
        try:
            session = next(sessions)
            keys = _keys_on(session, kinds)
        except BaseException:
            sessions.close()
            raise
        next(sessions, None)  # ended as a request's session ends: committed
        return keys
    settings = app.state.settings
    engine = engine_for(settings.database_url, TimeLimits.of(settings))
    with engine.connect().execution_options(**{READS_ONLY: True}) as connection:
        return _keys_on(connection, kinds)


def _keys_on(reader: Reader, kinds: list[Hashable]) -> dict[Hashable, str]:
    # The kinds of one round are read at one moment: the counters that most of them are made
    # of, once for all.
    with data_versions.read_once():
        return {kind: cast(VersionKey, kind)(reader) for kind in kinds}


def key_connection_of(app: FastAPI) -> KeyConnection | None:
    """The connection the rounds read on (core/key_connection.py): PostgreSQL's, and none while
    the app's sessions are replaced (the tests' keys are read inside the test's transaction)."""
    if get_session in app.dependency_overrides:
        return None
    return per_app(app.state, "key_connection", lambda: Found(_key_connection(app))).found


def _key_connection(app: FastAPI) -> KeyConnection | None:
    settings = app.state.settings
    engine = engine_for(settings.database_url, TimeLimits.of(settings))
    return KeyConnection(engine) if engine.dialect.name == "postgresql" else None


def close_key_connection(state: State) -> None:
    """When the worker stops: the connection of the version reads, if it has one."""
    held: Found[KeyConnection] | None = getattr(state, "key_connection", None)
    if held is not None and held.found is not None:
        held.found.close()
