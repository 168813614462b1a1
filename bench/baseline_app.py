"""The baseline: a bare FastAPI app with one endpoint that returns a constant JSON body.

It runs under the same uvicorn settings as the real app, so the difference between the two is
what the application itself costs per request (middleware, session, queries, models,
serialisation), not what FastAPI, uvicorn or the load generator cost."""

import os
from pathlib import Path

from fastapi import FastAPI, Response

BODY_FILE_ENV = "BENCH_BASELINE_BODY"
PATH = "/baseline"


def _body() -> bytes:
    # The bench writes the real endpoint's response here, so both bodies are the same size.
    file = os.environ.get(BODY_FILE_ENV)
    return Path(file).read_bytes() if file else b'{"resultaten":[]}'


def create_app() -> FastAPI:
    body = _body()
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    # A plain `def`, like the real endpoints: FastAPI runs it in the threadpool, so the thread
    # hop is part of the floor and not counted against the application.
    @app.get(PATH)
    def baseline() -> Response:
        return Response(body, media_type="application/json")

    return app
