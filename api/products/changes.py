"""The change log read back: the partners' feed after a cursor, the newest publications, one
product's history, and the version key of the product list. `feed.record_change()` writes
what these read."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from api.core import data_versions
from api.core.data_versions import Reader
from api.core.errors import DomainError
from api.core.security import Principal
from api.products import catalogue, repository
from api.products.models import Product, ProductChange
from api.products.policy import Viewer


class CursorAheadError(DomainError):
    status = 410
    title = "Cursor voorbij de feed"


@dataclass(frozen=True)
class FeedPage:
    changes: list[ProductChange]
    # The products of these changes as they are now; the caller decides what a viewer sees.
    products: dict[int, Product]
    more: bool


def feed_page(session: Session, since: int, public_only: bool, limit: int) -> FeedPage:
    """At most `limit` changes after `since`; a cursor the feed never handed out is a 410."""
    rows = repository.changes_since(session, since, public_only, limit + 1)
    if not rows:
        last = repository.last_change_seq(session, public_only)
        if since > last:
            # A cursor the feed never handed out (a restored database, a typo): waiting
            # would give nothing forever, so the partner is told where the feed is now.
            raise CursorAheadError(
                f"Volgnummer {since} ligt voorbij de laatste wijziging ({last}). Synchroniseer "
                "opnieuw vanaf 0 of vanaf laatsteVolgnummer.",
                extra={"laatsteVolgnummer": last},
            )
    page = rows[:limit]
    products = repository.products_by_ids(session, sorted({c.product_id for c in page}))
    return FeedPage(page, products, len(rows) > limit)


def newest_publications(
    session: Session, limit: int
) -> tuple[list[ProductChange], dict[int, Product]]:
    """The newest publications, newest first, with their products as they are now."""
    changes = repository.published_changes(session, limit)
    return changes, repository.products_by_ids(session, sorted({c.product_id for c in changes}))


def history(session: Session, principal: Principal, product_id: int) -> list[ProductChange]:
    """Every change of one product, for the editors."""
    catalogue.ensure_history_access(session, principal, product_id)
    return repository.history_of(session, product_id)


@dataclass(frozen=True)
class ListVersion:
    key: str
    last_modified: datetime | None


def list_key(reader: Reader, viewer: Viewer) -> str:
    """What the product list depends on, per kind of viewer (they see different products): every
    change the feed numbers, and the reference data it shows (measures, waves, publishers).
    Counters only, so a round of core/kept.py reads it with the others in one query."""
    counters = data_versions.key(reader, data_versions.PRODUCT_CHANGES, data_versions.REFERENCE)
    return f"{counters}|{viewer.value}"


def list_version(session: Session, viewer: Viewer) -> ListVersion:
    """The list's key and, for the route that builds it, when it last changed."""
    return ListVersion(list_key(session, viewer), repository.catalogue_changed(session))


def public_list_key(reader: Reader) -> str:
    """The public list's key, read again before routing (core/kept.py)."""
    return list_key(reader, Viewer.PUBLIC)
