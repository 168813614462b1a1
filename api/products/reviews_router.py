"""HTTP endpoints for reviews (toetsingen) of product drafts by municipal testers."""

from typing import Annotated

from fastapi import Path, Response, status

from api.accounts.principal import CurrentPrincipal
from api.core.db import SessionDep
from api.core.routing import PERSON, errors, json_router
from api.core.urls import api_path
from api.products import reviews
from api.products.presenters import review_read
from api.products.router import ProductId
from api.products.schemas import ReviewInvite, ReviewList, ReviewRead, ReviewVerdict

router = json_router(tags=["Producten"], conditional=False)


@router.post(
    "/producten/{id}/toetsingen",
    status_code=status.HTTP_201_CREATED,
    response_model=ReviewRead,
    operation_id="toetserUitnodigen",
    responses=errors(e409="Niet in ontwikkeling of toetsing, of al uitgenodigd."),
    summary="Een gemeentelijke toetser uitnodigen voor de conceptversie (redactie)",
    openapi_extra=PERSON,
)
def invite(
    product_id: ProductId,
    body: ReviewInvite,
    response: Response,
    principal: CurrentPrincipal,
    session: SessionDep,
) -> ReviewRead:
    review, product = reviews.invite(session, principal, product_id, body.toetser_id)
    response.headers["Location"] = api_path("producten", product.id, "toetsingen", review.id)
    return review_read(review, product)


@router.get(
    "/producten/{id}/toetsingen",
    response_model=ReviewList,
    operation_id="toetsingenOpvragen",
    summary="De toetsgeschiedenis van een product (redactie)",
    openapi_extra=PERSON,
)
def list_reviews(
    product_id: ProductId, principal: CurrentPrincipal, session: SessionDep
) -> ReviewList:
    found, product = reviews.reviews_of(session, principal, product_id)
    return ReviewList(resultaten=[review_read(r, product) for r in found])


@router.put(
    "/producten/{id}/toetsingen/{toetsingId}",
    response_model=ReviewRead,
    operation_id="toetsingBeoordelen",
    responses=errors(e409="Deze versie staat niet open voor toetsing."),
    summary="Het oordeel van de uitgenodigde toetser: goedgekeurd of aanpassingen nodig",
    openapi_extra=PERSON,
)
def give_verdict(
    product_id: ProductId,
    review_id: Annotated[int, Path(alias="toetsingId", ge=1, le=2_147_483_647)],
    body: ReviewVerdict,
    principal: CurrentPrincipal,
    session: SessionDep,
) -> ReviewRead:
    review, product = reviews.give_verdict(
        session, principal, product_id, review_id, body.oordeel, body.opmerkingen
    )
    return review_read(review, product)


@router.get(
    "/mijn-toetsingen",
    response_model=ReviewList,
    operation_id="mijnToetsingenOpvragen",
    summary="Mijn uitnodigingen om te toetsen, openstaande eerst",
    openapi_extra=PERSON,
)
def my_reviews(principal: CurrentPrincipal, session: SessionDep) -> ReviewList:
    return ReviewList(
        resultaten=[review_read(r, p) for r, p in reviews.my_reviews(session, principal)]
    )
