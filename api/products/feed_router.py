"""The change feed partners sync from, and the Atom feed of publications for people."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from api.accounts.principal import CurrentPrincipal
from api.core.atom import ATOM, ATOM_RESPONSES, new_feed, require_atom
from api.core.conditional import PUBLIC_SHARED
from api.core.db import SessionDep
from api.core.requests import SettingsDep
from api.core.routing import errors, json_router
from api.core.text import without_unsafe_characters
from api.products import changes as change_log
from api.products.feed import is_public
from api.products.policy import Viewer, viewer_of
from api.products.presenters import product_read
from api.products.router import READ_SECURITY
from api.products.schemas import ChangeFeed, ChangeRead, ProductRead

router = json_router(tags=["Producten"], conditional=False)
atom = APIRouter(tags=["Producten"])

# The largest number a database BIGINT holds: the change numbers are stored as one.
MAX_SEQ = 2**63 - 1


@router.get(
    "/producten/wijzigingen",
    response_model=ChangeFeed,
    operation_id="productWijzigingenOpvragen",
    summary="Wijzigingsfeed voor partners: alles na cursor `sinds`, intrekkingen inbegrepen",
    openapi_extra=READ_SECURITY,
    responses=errors(
        e410="De cursor `sinds` ligt voorbij de laatste wijziging (bijvoorbeeld na het "
        "terugzetten van een back-up); laatsteVolgnummer zegt waar de feed nu is."
    ),
)
def changes(
    principal: CurrentPrincipal,
    session: SessionDep,
    sinds: Annotated[
        int,
        Query(
            ge=0,
            le=MAX_SEQ,
            description="Het volgnummer van de laatst verwerkte wijziging (0 = begin).",
        ),
    ] = 0,
    limiet: Annotated[int, Query(ge=1, le=500)] = 100,
) -> ChangeFeed:
    viewer = viewer_of(principal)
    public_only = viewer is Viewer.PUBLIC
    found = change_log.feed_page(session, sinds, public_only, limiet)
    page, products = found.changes, found.products

    def current(product_id: int) -> ProductRead | None:
        product = products.get(product_id)
        if product is None or (public_only and not is_public(product)):
            return None
        return product_read(product, viewer)

    return ChangeFeed(
        wijzigingen=[
            ChangeRead(
                volgnummer=c.seq,
                product_id=c.product_id,
                soort=c.kind,
                tijdstip=c.occurred_at,
                product=current(c.product_id),
            )
            for c in page
        ],
        volgende_cursor=page[-1].seq if page else sinds,
        meer=found.more,
    )


@atom.get(
    "/publicaties",
    operation_id="publicatiesFeed",
    summary="Atom-feed van gepubliceerde producten, voor feedlezers",
    response_class=Response,
    responses=ATOM_RESPONSES,
    openapi_extra={"security": []},
)
def publications(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    require_atom(request)
    base = settings.public_url.rstrip("/")
    changes, products = change_log.newest_publications(session, 50)
    feed = new_feed(
        base,
        "/publicaties",
        title="Spoorboek: nieuwe implementatieproducten",
        subtitle="Gepubliceerde producten voor de implementatie van Participatiewet in balans, "
        "spoor 1",
        page="/producten",
        updated=changes[0].occurred_at if changes else None,
    )
    for change in changes:
        product = products.get(change.product_id)
        if product is None or not is_public(product):
            continue
        entry = feed.add_entry(order="append")
        # One entry per publication: its id names the version that was published then.
        entry.id(
            f"{base}/api/v1/producten/{product.id}#v{change.details.get('versie', change.seq)}"
        )
        # Text stored before the edge refused control characters must not break the XML.
        entry.title(without_unsafe_characters(f"{product.title} ({product.type.value})"))
        entry.summary(without_unsafe_characters(product.summary))
        entry.link(href=f"{base}/producten/{product.id}")
        entry.published(change.occurred_at)
        entry.updated(change.occurred_at)
        for measure in product.measures:
            entry.category(term=measure.code, label=without_unsafe_characters(measure.title))
    return Response(
        feed.atom_str(pretty=True), media_type=ATOM, headers={"Cache-Control": PUBLIC_SHARED}
    )
