"""The baseline: a bare FastAPI app whose endpoints return constant bodies.

It runs under the same uvicorn settings as the real app, so the difference between the two is
what the application itself costs per request (middleware, session, queries, models,
serialisation), not what FastAPI, uvicorn or the load generator cost.

- `PATH` returns the body in the file named by BODY_FILE_ENV (the measures page).
- `/bytes/<n>`, for every n in SIZES_ENV (comma-separated): a constant body of exactly n bytes,
  so a read can be set against the bare endpoint sending as many bytes as it does. Sending 200
  KB costs more than sending 1 KB, in uvicorn as in the app; comparing a read with a body of
  another size would blame the application for the size of its answer, or excuse it.
- `NOT_MODIFIED_PATH`: a 304 with an ETag and no body, the floor of a revalidation."""

import os
from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI, Response

BODY_FILE_ENV = "BENCH_BASELINE_BODY"
SIZES_ENV = "BENCH_BASELINE_SIZES"
PATH = "/baseline"
NOT_MODIFIED_PATH = "/not-modified"


def sized_path(size: int) -> str:
    return f"/bytes/{size}"


def filler(size: int) -> bytes:
    """Exactly `size` bytes; valid JSON from two bytes up (a string of a's)."""
    if size < 2:
        return b"0" * size
    return b'"' + b"a" * (size - 2) + b'"'


def _body() -> bytes:
    # The bench writes the real endpoint's response here, so both bodies are the same size.
    file = os.environ.get(BODY_FILE_ENV)
    return Path(file).read_bytes() if file else b'{"resultaten":[]}'


def _sizes() -> list[int]:
    value = os.environ.get(SIZES_ENV, "")
    return sorted({int(part) for part in value.split(",") if part.strip()})


def _constant(body: bytes) -> Callable[[], Response]:
    def constant() -> Response:
        return Response(body, media_type="application/json")

    return constant


def create_app() -> FastAPI:
    body = _body()
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    # A plain `def`, like the real endpoints: FastAPI runs it in the threadpool, so the thread
    # hop is part of the floor and not counted against the application.
    @app.get(PATH)
    def baseline() -> Response:
        return Response(body, media_type="application/json")

    @app.get(NOT_MODIFIED_PATH)
    def not_modified() -> Response:
        return Response(status_code=304, headers={"ETag": '"baseline"'})

    # One fixed route per size rather than a path parameter: the routing then costs what the
    # route above costs, whatever the size.
    for size in _sizes():
        app.add_api_route(sized_path(size), _constant(filler(size)), methods=["GET"])

    return app
