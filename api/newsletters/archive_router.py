"""The public archive of sent editions: a list, one edition as web page content, and an Atom
feed. Each is built once per version of the editions and answered again before routing."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from api.core.atom import ATOM, ATOM_RESPONSES, require_atom
from api.core.conditional import conditional_versioned
from api.core.db import SessionDep
from api.core.pagination import PageDep, page_envelope
from api.core.requests import SettingsDep
from api.core.routing import NOT_MODIFIED, PUBLIC, errors, json_router
from api.newsletters import editions
from api.newsletters.edition_schemas import ArchiveEdition, ArchivePage

feed = APIRouter(tags=["Nieuwsbrief"])
reads = json_router(tags=["Nieuwsbrief"])

EditionId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van de editie.")
]


@feed.get(
    editions.FEED_PATH,
    response_class=Response,
    operation_id="nieuwsbriefArchiefFeed",
    summary="Atom-feed van de verzonden edities van de nieuwsbrief, nieuwste eerst",
    openapi_extra=PUBLIC,
    responses={**NOT_MODIFIED, **ATOM_RESPONSES},
)
def archive_feed(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    require_atom(request)
    return conditional_versioned(
        request,
        editions.archive_key(session),
        lambda: editions.archive_feed(session, settings),
        media_type=ATOM,
        again=editions.archive_key,
    )


@reads.get(
    "/nieuwsbrief/archief",
    response_model=ArchivePage,
    operation_id="nieuwsbriefArchiefOpvragen",
    summary="De verzonden edities van de nieuwsbrief, nieuwste eerst (openbaar)",
    openapi_extra=PUBLIC,
)
def archive(
    request: Request, session: SessionDep, settings: SettingsDep, page: PageDep
) -> Response:
    def build() -> ArchivePage:
        found, total = editions.archive_page(session, page)
        info, links = page_envelope(request, page, total)
        return ArchivePage(
            resultaten=[editions.archive_summary(settings, e) for e in found],
            paginering=info,
            _links=links,
        )

    return conditional_versioned(
        request, editions.archive_key(session), build, again=editions.archive_key
    )


@reads.get(
    "/nieuwsbrief/archief/{id}",
    response_model=ArchiveEdition,
    operation_id="nieuwsbriefArchiefEditieOpvragen",
    summary="Eén verzonden editie als inhoud van een webpagina (openbaar)",
    openapi_extra=PUBLIC,
    responses=errors(e404="Geen verzonden editie met dit nummer."),
)
def archived_edition(
    request: Request, edition_id: EditionId, session: SessionDep, settings: SettingsDep
) -> Response:
    # Found (or not) before the answer is kept: a 404 is never kept under the archive's key.
    edition = editions.archived(session, edition_id)
    return conditional_versioned(
        request,
        editions.archive_key(session),
        lambda: editions.archive_edition(settings, edition),
        again=editions.archive_key,
    )


router = APIRouter()
# The feed's fixed path before {id}.
router.include_router(feed)
router.include_router(reads)
