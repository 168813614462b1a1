"""The catalogue: creating and changing products, and finding them with filters or search."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from api.core.errors import NotFoundError
from api.core.pagination import PageParams
from api.core.queries import existing_values
from api.core.security import Principal, Role
from api.core.sorting import parse_sort
from api.core.validation import InvalidParams
from api.measures.models import Measure, Wave
from api.organisations.models import Organisation
from api.products import repository, search
from api.products.feed import is_public, record_change
from api.products.models import Product, ProductAudience, ProductStatus
from api.products.policy import Viewer, require_editor, viewer_of
from api.products.repository import ProductFilter

SORTABLE: dict[str, Any] = {
    "titel": Product.title,
    "gewijzigdOp": Product.updated_at,
    "geplandDatum": Product.planned_date,
    "soort": Product.type,
}
DEFAULT_SORT = "titel"


@dataclass(frozen=True)
class ProductFields:
    """The editable fields; None means 'leave as it is' (on update)."""

    type: Any = None
    title: str | None = None
    summary: str | None = None
    measures: list[str] | None = None
    audiences: list[Any] | None = None
    publishers: list[str] | None = None
    language_level: str | None = None
    licence: str | None = None
    planned_date: Any = None
    owner_id: int | None = None
    set_fields: frozenset[str] = frozenset()


def _resolve(
    session: Session, fields: ProductFields, invalid: InvalidParams
) -> tuple[list[Measure], list[Organisation]]:
    measures = []
    for code in dict.fromkeys(fields.measures or []):
        measure = session.get(Measure, code)
        if measure is None:
            invalid.add("maatregelen", "unknown_value", f"Maatregel {code} bestaat niet.", "body")
        else:
            measures.append(measure)
    publishers = []
    for code in dict.fromkeys(fields.publishers or []):
        organisation = session.get(Organisation, code)
        if organisation is None:
            invalid.add("uitgevers", "unknown_value", f"Organisatie {code} bestaat niet.", "body")
        else:
            publishers.append(organisation)
    if fields.owner_id is not None:
        owner = repository.user(session, fields.owner_id)
        if owner is None or not (owner.roles & {Role.EDITOR, Role.ADMIN}):
            invalid.add(
                "eigenaarId", "not_an_editor", "De eigenaar moet een redacteur zijn.", "body"
            )
    return measures, publishers


def create_product(session: Session, principal: Principal, fields: ProductFields) -> Product:
    require_editor(principal)
    invalid = InvalidParams()
    measures, publishers = _resolve(session, fields, invalid)
    invalid.raise_if_any()
    product = Product(
        type=fields.type,
        title=(fields.title or "").strip(),
        summary=(fields.summary or "").strip(),
        language_level=fields.language_level,
        licence=fields.licence or "CC-BY-4.0",
        planned_date=fields.planned_date,
        owner_id=fields.owner_id if fields.owner_id is not None else principal.user_id,
        measures=measures,
        publishers=publishers,
        audience_rows=[ProductAudience(audience=a) for a in dict.fromkeys(fields.audiences or [])],
        versions=[],
    )
    session.add(product)
    session.flush()
    record_change(session, product, "aangemaakt", principal.subject, {"titel": product.title})
    session.flush()
    search.index_product(session, product)
    return load_product(session, product.id)


def update_product(
    session: Session, principal: Principal, product_id: int, fields: ProductFields
) -> Product:
    require_editor(principal)
    product = load_product(session, product_id)
    invalid = InvalidParams()
    required = {
        "soort": fields.type,
        "titel": fields.title,
        "samenvatting": fields.summary,
        "licentie": fields.licence,
        "maatregelen": fields.measures,
        "doelgroepen": fields.audiences,
    }
    for name, value in required.items():
        if name in fields.set_fields and value is None:
            invalid.add(name, "required", "Mag niet leeg zijn.", "body")
    measures, publishers = _resolve(session, fields, invalid)
    invalid.raise_if_any()
    changed: dict[str, Any] = {}

    def change(name: str, attribute: str, value: Any, shown: Any = None) -> None:
        before = getattr(product, attribute)
        if before != value:
            changed[name] = {
                "van": _plain(before),
                "naar": _plain(shown if shown is not None else value),
            }
            setattr(product, attribute, value)

    given = fields.set_fields
    for name, attribute, value in (
        ("soort", "type", fields.type),
        ("titel", "title", fields.title),
        ("samenvatting", "summary", fields.summary),
        ("taalniveau", "language_level", fields.language_level),
        ("licentie", "licence", fields.licence),
        ("geplandDatum", "planned_date", fields.planned_date),
        ("eigenaarId", "owner_id", fields.owner_id),
    ):
        if name in given:
            change(name, attribute, value.strip() if isinstance(value, str) else value)
    if "maatregelen" in given:
        before = [m.code for m in product.measures]
        if before != [m.code for m in measures]:
            changed["maatregelen"] = {"van": before, "naar": [m.code for m in measures]}
            product.measures = measures
    if "uitgevers" in given:
        before = [o.code for o in product.publishers]
        if sorted(before) != sorted(o.code for o in publishers):
            changed["uitgevers"] = {"van": before, "naar": [o.code for o in publishers]}
            product.publishers = publishers
    if "doelgroepen" in given and fields.audiences is not None:
        wanted = list(dict.fromkeys(fields.audiences))
        if sorted(product.audiences) != sorted(wanted):
            changed["doelgroepen"] = {"van": _plain(product.audiences), "naar": _plain(wanted)}
            product.audience_rows = [ProductAudience(audience=a) for a in wanted]
    if changed:
        session.flush()
        record_change(
            session, product, "gewijzigd", principal.subject, changed, was_public=is_public(product)
        )
        search.index_product(session, product)
        session.flush()
        session.expire(product)
        return load_product(session, product_id)
    return product


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "value"):
        return value.value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def ensure_history_access(session: Session, principal: Principal, product_id: int) -> None:
    require_editor(principal)
    load_product(session, product_id)


def load_product(session: Session, product_id: int) -> Product:
    """The product with its details, or 404; callers decide first who may have it."""
    product = repository.get_product(session, product_id)
    if product is None:
        raise NotFoundError(f"Product {product_id} bestaat niet.")
    return product


def get_visible(
    session: Session, principal: Principal, product_id: int
) -> tuple[Product, Viewer, bool]:
    """The product as this principal may see it; unpublished ones are 404 to the public."""
    viewer = viewer_of(principal)
    product = repository.get_product(session, product_id)
    draft = product.draft_version if product is not None else None
    invited = (
        product is not None
        and draft is not None
        and product.status is not ProductStatus.WITHDRAWN
        and principal.user_id is not None
        and repository.is_invited(session, product.id, draft.id, principal.user_id)
    )
    if product is None or (viewer is Viewer.PUBLIC and not is_public(product) and not invited):
        raise NotFoundError(f"Product {product_id} bestaat niet.")
    return product, viewer, invited


def find_products(
    session: Session,
    principal: Principal,
    criteria: ProductFilter,
    text: str | None,
    sort: str | None,
    page: PageParams,
) -> tuple[list[tuple[Product, str | None]], int, Viewer]:
    viewer = viewer_of(principal)
    invalid = InvalidParams()
    invalid.unknown("maatregel", criteria.measure, lambda: existing_values(session, Measure.code))
    invalid.unknown("fase", criteria.wave, lambda: existing_values(session, Wave.number))
    invalid.unknown(
        "uitgever", criteria.publisher, lambda: existing_values(session, Organisation.code)
    )
    order = parse_sort(sort, SORTABLE, DEFAULT_SORT, tiebreaker=Product.id, invalid=invalid)
    invalid.raise_if_any()
    public_only = viewer is Viewer.PUBLIC
    if not text:
        total = repository.count_products(session, criteria, public_only)
        products = repository.list_products(
            session, criteria, public_only, order, page.offset, page.size
        )
        return [(p, None) for p in products], total, viewer
    hits = search.search(session, text)
    hit_ids = [h.product_id for h in hits]
    within = ProductFilter(**{**criteria.__dict__, "ids": hit_ids})
    if sort:
        total = repository.count_products(session, within, public_only)
        products = repository.list_products(
            session, within, public_only, order, page.offset, page.size
        )
        return [(p, search.fragment(p, text)) for p in products], total, viewer
    allowed = repository.matching_ids(session, within, public_only) if hit_ids else set()
    ranked = [i for i in hit_ids if i in allowed]
    window = ranked[page.offset : page.offset + page.size]
    by_id = repository.products_by_ids(session, window)
    return [(by_id[i], search.fragment(by_id[i], text)) for i in window], len(ranked), viewer
