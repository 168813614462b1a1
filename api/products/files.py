"""Documents of a product version: uploads checked by content (not by name), size-limited,
stored by SHA-256 behind the storage interface; or external links. Published versions are
immutable."""

from collections.abc import Iterator

from sqlalchemy.orm import Session

from api.core import uploads
from api.core.errors import ConflictError, NotFoundError
from api.core.security import Principal
from api.core.settings import Settings
from api.core.storage import Storage
from api.products.catalogue import get_visible, load_product
from api.products.feed import is_public, record_change
from api.products.models import Product, ProductFile, ProductStatus, ProductVersion
from api.products.policy import Viewer, require_editor


def _editable_draft(product: Product) -> ProductVersion:
    draft = product.draft_version
    if draft is None:
        raise ConflictError(
            "Er is geen conceptversie; een gepubliceerde versie verandert niet meer."
        )
    if product.status is ProductStatus.IN_REVIEW:
        # Testers approve what they saw: during review the documents stay as they are.
        raise ConflictError(
            "Tijdens de toetsing liggen de documenten vast; zet het product eerst terug naar "
            "in-ontwikkeling."
        )
    return draft


def upload(
    session: Session,
    settings: Settings,
    storage: Storage,
    principal: Principal,
    product_id: int,
    name: str,
    data: bytes,
) -> tuple[ProductFile, Product]:
    require_editor(principal)
    product = load_product(session, product_id)
    draft = _editable_draft(product)
    checked = uploads.check(settings, name, data, uploads.DOCUMENT_TYPES)
    key = storage.put(data)
    file = ProductFile(
        name=checked.name,
        media_type=checked.media_type,
        size=checked.size,
        sha256=key,
        uploaded_by=principal.user_id,
    )
    draft.files.append(file)
    session.flush()
    record_change(
        session,
        product,
        "bestand:toegevoegd",
        principal.subject,
        {"naam": file.name, "sha256": key, "versie": draft.number},
        was_public=is_public(product),
    )
    return file, product


def add_link(
    session: Session, principal: Principal, product_id: int, name: str, url: str
) -> tuple[ProductFile, Product]:
    require_editor(principal)
    product = load_product(session, product_id)
    draft = _editable_draft(product)
    file = ProductFile(name=name.strip(), external_url=url, uploaded_by=principal.user_id)
    draft.files.append(file)
    session.flush()
    record_change(
        session,
        product,
        "link:toegevoegd",
        principal.subject,
        {"naam": file.name, "url": url, "versie": draft.number},
        was_public=is_public(product),
    )
    return file, product


def remove(session: Session, principal: Principal, product_id: int, file_id: int) -> None:
    require_editor(principal)
    product = load_product(session, product_id)
    draft = _editable_draft(product)
    file = next((f for f in draft.files if f.id == file_id), None)
    if file is None:
        raise NotFoundError(f"Bestand {file_id} staat niet in de conceptversie.")
    draft.files.remove(file)
    record_change(
        session,
        product,
        "bestand:verwijderd",
        principal.subject,
        {"naam": file.name, "versie": draft.number},
        was_public=is_public(product),
    )


def download(
    session: Session, storage: Storage, principal: Principal, product_id: int, file_id: int
) -> tuple[ProductFile, bool, Iterator[bytes]]:
    """The file and whether it is public (published); drafts only for editors and testers."""
    product, viewer, invited = get_visible(session, principal, product_id)
    for version in product.versions:
        for file in version.files:
            if file.id != file_id or file.sha256 is None:
                continue
            published = version.published_at is not None and is_public(product)
            if published or viewer is Viewer.EDITOR or invited:
                return file, published, storage.read(file.sha256)
    raise NotFoundError(f"Bestand {file_id} bestaat niet.")
