"""HTTP endpoints for following a product (a notification when a new version is published)."""

from api.accounts.principal import CurrentPrincipal
from api.core.db import SessionDep
from api.core.routing import PERSON, json_router
from api.products import following
from api.products.router import ProductId
from api.products.schemas import Following

router = json_router(tags=["Producten"], conditional=False)


@router.get(
    "/producten/{id}/volgen",
    response_model=Following,
    operation_id="productVolgenOpvragen",
    summary="Of ik dit product volg",
    openapi_extra=PERSON,
)
def get_following(
    product_id: ProductId, principal: CurrentPrincipal, session: SessionDep
) -> Following:
    return Following(volgt=following.follows(session, principal, product_id))


@router.put(
    "/producten/{id}/volgen",
    response_model=Following,
    operation_id="productVolgen",
    summary="Dit product volgen: een melding bij elke nieuwe gepubliceerde versie",
    openapi_extra=PERSON,
)
def follow(product_id: ProductId, principal: CurrentPrincipal, session: SessionDep) -> Following:
    return Following(volgt=following.follow(session, principal, product_id, on=True))


@router.delete(
    "/producten/{id}/volgen",
    response_model=Following,
    operation_id="productNietMeerVolgen",
    summary="Dit product niet meer volgen",
    openapi_extra=PERSON,
)
def unfollow(product_id: ProductId, principal: CurrentPrincipal, session: SessionDep) -> Following:
    return Following(volgt=following.follow(session, principal, product_id, on=False))
