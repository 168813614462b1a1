"""HTTP only: parse, call the service, shape the answer."""

from typing import Annotated

from fastapi import Path, Request
from fastapi.responses import Response

from api.accounts.principal import CurrentPrincipal
from api.core.db import SessionDep
from api.core.requests import ContextDep, SettingsDep
from api.core.routing import PUBLIC, errors, json_router
from api.core.settings import Settings
from api.core.urls import API_PREFIX
from api.satisfaction import votes
from api.satisfaction.vote_schemas import VoteCast, VoteTally

router = json_router(tags=["Tevredenheid"], conditional=False)

ProductId = Annotated[
    int, Path(alias="id", ge=1, le=2_147_483_647, description="Nummer van het product.")
]
# Only the product paths need the voter's cookie; no other request carries it.
COOKIE_PATH = f"{API_PREFIX}/producten"
GONE = errors(
    e404="Het product bestaat niet of is (nog) niet gepubliceerd.",
    e409="Het product is ingetrokken, of er is intussen een nieuwere versie.",
)


def _answer(tally: votes.Tally) -> Response:
    body = VoteTally(
        versie=tally.version, mijn_stem=tally.mine, aantal_ja=tally.yes, aantal_nee=tally.no
    )
    # The visitor's own vote is in it: never kept by a shared cache.
    return Response(
        body.model_dump_json(by_alias=True),
        media_type="application/json",
        headers={"Cache-Control": "private, no-store"},
    )


def _keep_browser_id(response: Response, settings: Settings, browser_id: str) -> None:
    response.set_cookie(
        votes.COOKIE,
        browser_id,
        max_age=votes.COOKIE_DAYS * 86400,
        path=COOKIE_PATH,
        secure=settings.cookie_secure,
        httponly=True,
        samesite="lax",
    )


@router.get(
    "/producten/{id}/nuttig",
    response_model=VoteTally,
    operation_id="productNuttigOpvragen",
    summary="Hoe nuttig de gepubliceerde versie gevonden wordt, en de eigen stem",
    responses=GONE,
    openapi_extra=PUBLIC,
)
def get_votes(
    product_id: ProductId,
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    browser_id = votes.valid_browser_id(request.cookies.get(votes.COOKIE))
    return _answer(votes.tally(session, settings, principal, product_id, browser_id))


@router.put(
    "/producten/{id}/nuttig",
    response_model=VoteTally,
    operation_id="productNuttigStemmen",
    summary="'Was dit nuttig?' beantwoorden; een nieuwe stem vervangt de vorige",
    description=(
        "Eén stem per browser of account per gepubliceerde versie. Een bezoeker zonder account "
        f"krijgt een cookie `{votes.COOKIE}` met een willekeurig nummer (HttpOnly, SameSite=Lax, "
        "alleen voor de productpaden); bewaard wordt alleen een versleutelde sleutel daarvan, "
        "geen IP-adres of andere persoonsgegevens."
    ),
    responses={
        **GONE,
        **errors(
            e403="Een koppeling (machineclient) stemt niet; dat doen mensen.",
            e429="Te veel stemmen vanaf dit adres; wacht even.",
        ),
    },
    openapi_extra=PUBLIC,
)
def cast_vote(
    product_id: ProductId,
    body: VoteCast,
    request: Request,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    ctx: ContextDep,
) -> Response:
    browser_id = votes.valid_browser_id(request.cookies.get(votes.COOKIE))
    tally, keep = votes.vote(
        session, settings, ctx, principal, product_id, body.nuttig, body.versie, browser_id
    )
    response = _answer(tally)
    if keep is not None:
        _keep_browser_id(response, settings, keep)
    return response
