"""Every handler that uses the database session is a plain `def`: an `async def` handler runs its
blocking queries, commits and lock waits on the event loop and stalls every other request
(decision 0001)."""

import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts

from api.core.db import get_session
from api.main import create_app
from tests.conftest import make_settings

pytestmark = pytest.mark.engine_neutral


def _uses_session(dependant: Dependant) -> bool:
    return any(sub.call is get_session or _uses_session(sub) for sub in dependant.dependencies)


def _routes(app: FastAPI) -> Iterator[RouteContext]:
    # The contexts, not the routes: included routers are nested, and a dependency added where
    # a router is included shows only in the effective route.
    for routes in (app.routes, app.state.api.routes):
        yield from (
            c for c in iter_route_contexts(routes) if isinstance(c.original_route, APIRoute)
        )


def test_no_handler_that_takes_a_session_is_a_coroutine(tmp_path: Path) -> None:
    app = create_app(make_settings("sqlite://", tmp_path))
    with_session = [route for route in _routes(app) if _uses_session(route.dependant)]
    assert len(with_session) > 50, "the walk finds the handlers of every domain"
    offenders = sorted(
        f"{sorted(route.methods or ())} {route.path} ({route.endpoint.__module__}.{route.name})"
        for route in with_session
        if inspect.iscoroutinefunction(route.endpoint)
    )
    assert offenders == []
