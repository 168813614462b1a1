"""The application: the API mounted at /api/v1 and the SPA served at /."""

from pathlib import Path

from fastapi import APIRouter, FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware

from api.accounts.admin_router import router as accounts_admin_router
from api.accounts.router import router as accounts_router
from api.audit.router import router as audit_router
from api.core.edge import EdgeInputMiddleware
from api.core.errors import install_error_handlers
from api.core.http import HttpConventionsMiddleware
from api.core.logging import configure_logging
from api.core.openapi import install_openapi
from api.core.routing import json_router
from api.core.schemas import ApiModel, Link
from api.core.settings import API_VERSION, Settings, get_settings
from api.core.static import ALREADY_COMPRESSED, mount_spa
from api.core.urls import API_PREFIX, api_path
from api.dashboard.router import router as dashboard_router
from api.health.router import router as health_router
from api.measures.editing_router import router as measures_editing_router
from api.measures.router import router as measures_router
from api.municipalities.router import router as municipalities_router
from api.organisations.router import router as organisations_router
from api.products import freshness
from api.products.feed_router import atom as products_atom_router
from api.products.feed_router import router as products_feed_router
from api.products.files_router import downloads as products_downloads_router
from api.products.files_router import router as products_files_router
from api.products.plan_router import router as products_plan_router
from api.products.reviews_router import router as products_reviews_router
from api.products.router import router as products_router
from api.products.router import writes as products_writes_router
from api.progress.exchange_router import downloads as progress_downloads_router
from api.progress.exchange_router import router as progress_exchange_router
from api.progress.insight_router import maps as progress_maps_router
from api.progress.insight_router import router as progress_insight_router
from api.progress.router import router as progress_router
from api.questions.faq_router import router as faq_router
from api.questions.faq_router import writes as faq_writes_router
from api.questions.insight_router import router as questions_insight_router
from api.questions.router import downloads as questions_downloads_router
from api.questions.router import router as questions_router

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
    )
    api.state.settings = settings
    install_error_handlers(api)
    api.add_middleware(EdgeInputMiddleware, api=api)
    api.include_router(_api_root_router())
    freshness.register()
    for router in (
        measures_router,
        measures_editing_router,
        municipalities_router,
        organisations_router,
        accounts_router,
        accounts_admin_router,
        audit_router,
        # The feed's fixed path must come before /producten/{id}.
        products_feed_router,
        products_atom_router,
        products_router,
        products_writes_router,
        products_files_router,
        products_downloads_router,
        products_reviews_router,
        products_plan_router,
        progress_router,
        progress_exchange_router,
        progress_downloads_router,
        progress_insight_router,
        progress_maps_router,
        # Fixed paths (/vragen/werkvoorraad ...) must come before /vragen/{id}.
        questions_insight_router,
        questions_router,
        questions_downloads_router,
        faq_router,
        faq_writes_router,
        dashboard_router,
        health_router,
    ):
        api.include_router(router)
    install_openapi(api, settings)
    return api


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_format)
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None, redirect_slashes=False)
    install_error_handlers(app)
    api = create_api(settings)
    app.state.api = api
    app.mount(API_PREFIX, api)
    mount_spa(app, Path(settings.spa_dist))
    # Innermost: it sees each answer as the handler made it (a precompressed asset already
    # carries its Content-Encoding and is passed through).
    app.add_middleware(
        GZipMiddleware, minimum_size=1024, compresslevel=6, exclude_content_types=ALREADY_COMPRESSED
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
