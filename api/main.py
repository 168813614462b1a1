"""The application: the API mounted at /api/v1 and the SPA served at /."""

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.telemetry import TelemetryConfig
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware

from api.accounts import routes as accounts
from api.audit import router as audit
from api.core.edge import EdgeInputMiddleware
from api.core.errors import install_error_handlers
from api.core.http import HttpConventionsMiddleware
from api.core.kept import GZIP_MINIMUM, KeptAnswers, close_key_connection
from api.core.logging import configure_logging
from api.core.openapi import install_openapi
from api.core.routing import json_router
from api.core.schemas import ApiModel, Link
from api.core.settings import API_VERSION, Settings, get_settings
from api.core.static import ALREADY_COMPRESSED, mount_spa
from api.core.urls import API_PREFIX, api_path
from api.dashboard import router as dashboard
from api.digests import router as digests
from api.health import router as health
from api.ict import causes as ict_causes
from api.ict import router as ict
from api.measures import routes as measures
from api.meetings import handovers as meeting_handovers
from api.meetings import routes as meetings
from api.municipalities import router as municipalities
from api.newsletters import routes as newsletters
from api.notifications import router as notifications
from api.notifications import rules as notification_rules
from api.organisations import router as organisations
from api.products import freshness
from api.products import routes as products
from api.progress import routes as progress
from api.proposals import lifecycle as proposal_lifecycle
from api.proposals import routes as proposals
from api.questions import routes as questions
from api.satisfaction import routes as satisfaction
from api.signals import routes as signals
from api.surveys import routes as surveys

_COLLECTIONS = [
    "fasen",
    "themas",
    "impactgebieden",
    "maatregelen",
    "gemeenten",
    "provincies",
    "arbeidsmarktregios",
    "organisaties",
    "producten",
    "faq",
]


class ApiRoot(ApiModel):
    naam: str
    versie: str
    links: dict[str, Link]


def _api_root_router() -> APIRouter:
    router = json_router(tags=["Beheer"], conditional=False)

    @router.get(
        "/", response_model=ApiRoot, operation_id="apiOpvragen", summary="Ingang van de API"
    )
    def api_root() -> ApiRoot:
        links = {name: Link(href=api_path(name)) for name in _COLLECTIONS}
        links["openapi"] = Link(href=api_path("openapi.json"))
        return ApiRoot(naam="Spoorboek API", versie=API_VERSION, links=links)

    return router


def telemetry_of(settings: Settings) -> TelemetryConfig:
    """FastAPI's own OpenTelemetry, as the settings say. Left on while no SDK is set up, it asks
    the providers on every request, in each app a request passes (the app and the API mounted in
    it): about 8 µs of a bare 304's 170."""
    if settings.telemetry:
        return {}
    return {"tracing": False, "metrics": False, "logs": False}


def create_api(settings: Settings) -> FastAPI:
    api = FastAPI(
        title="Spoorboek API",
        version=API_VERSION,
        redirect_slashes=False,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        # Mounted apps would add a relative server; the contract names only the https one.
        root_path_in_servers=False,
        telemetry=telemetry_of(settings),
    )
    api.state.settings = settings
    install_error_handlers(api)
    if settings.kept_answers_first:
        # Innermost: kept public answers are sent again before routing (core/kept.py), once
        # every check at the edge has run.
        api.add_middleware(KeptAnswers)
    api.add_middleware(EdgeInputMiddleware, api=api)
    api.include_router(_api_root_router())
    freshness.register()
    proposal_lifecycle.register()
    notification_rules.register()
    ict_causes.register()
    meeting_handovers.register()
    # One router per domain; each domain orders its own paths (a fixed path before {id}).
    for domain in (
        measures,
        municipalities,
        organisations,
        accounts,
        audit,
        products,
        progress,
        questions,
        signals,
        satisfaction,
        proposals,
        surveys,
        meetings,
        newsletters,
        digests,
        ict,
        notifications,
        dashboard,
        health,
    ):
        api.include_router(domain.router)
    install_openapi(api, settings)
    return api


@asynccontextmanager
async def _settled_heap(app: FastAPI) -> AsyncIterator[None]:
    """Once the worker has started, everything made so far (modules, routes, schemas, mappers:
    some 300,000 objects) lives as long as the process, so it is taken out of the cycle
    collector's sight: a full collection walked all of it, 250 ms during which the worker
    answered nobody (the p99 of kept answers under load was 200 ms); after, about 10 ms."""
    gc.collect()
    gc.freeze()
    yield
    close_key_connection(app.state.api.state)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_format)
    app = FastAPI(
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        redirect_slashes=False,
        lifespan=_settled_heap,
        telemetry=telemetry_of(settings),
    )
    install_error_handlers(app)
    api = create_api(settings)
    app.state.api = api
    # What answers outside the API (the middleware's 413/415, the SPA's paths) reads too.
    app.state.settings = settings
    app.mount(API_PREFIX, api)
    mount_spa(app, Path(settings.spa_dist))
    # Innermost: it sees each answer as the handler made it (a precompressed asset already
    # carries its Content-Encoding and is passed through).
    app.add_middleware(
        GZipMiddleware,
        minimum_size=GZIP_MINIMUM,
        compresslevel=6,
        exclude_content_types=ALREADY_COMPRESSED,
    )
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        allow_headers=[
            "Content-Type",
            "If-None-Match",
            "If-Match",
            "Idempotency-Key",
            "X-CSRF-Token",
        ],
        expose_headers=["API-Version", "ETag", "Location", "Link", "X-Request-ID"],
        allow_credentials=True,
    )
    app.add_middleware(
        HttpConventionsMiddleware,
        max_body_bytes=settings.max_body_bytes,
        max_upload_bytes=settings.max_upload_bytes,
    )
    return app
