"""Turning products into their public shape, with what each kind of viewer may see."""

from datetime import date

from api.core.schemas import CodeName, Link, SelfLinks
from api.core.urls import api_path
from api.products.models import Product, ProductFile, ProductVersion, Review
from api.products.policy import Viewer
from api.products.schemas import FileRead, ProductRead, ReviewRead, VersionRead


def due_date(product: Product) -> date | None:
    """The earliest 'products due' date of the waves of its measures: derived, never stored."""
    return min((m.wave.products_due for m in product.measures), default=None)


def file_read(product_id: int, file: ProductFile) -> FileRead:
    return FileRead(
        id=file.id,
        naam=file.name,
        mediatype=file.media_type,
        grootte=file.size,
        sha256=file.sha256,
        externe_url=file.external_url,
        download=api_path("producten", product_id, "bestanden", file.id) if file.sha256 else None,
    )


def version_read(product_id: int, version: ProductVersion | None) -> VersionRead | None:
    if version is None:
        return None
    return VersionRead(
        nummer=version.number,
        wijzigingsnotitie=version.change_note,
        gepubliceerd_op=version.published_at,
        bestanden=[file_read(product_id, f) for f in version.files],
    )


def product_read(
    product: Product, viewer: Viewer, *, sees_draft: bool = False, fragment: str | None = None
) -> ProductRead:
    editor = viewer is Viewer.EDITOR
    return ProductRead(
        id=product.id,
        soort=product.type,
        titel=product.title,
        samenvatting=product.summary,
        maatregelen=[CodeName(code=m.code, naam=m.title) for m in product.measures],
        fasen=sorted({m.wave_number for m in product.measures}),
        doelgroepen=product.audiences,
        uitgevers=[CodeName(code=o.code, naam=o.name) for o in product.publishers],
        taalniveau=product.language_level,
        licentie=product.licence,
        status=product.status,
        gepland_datum=product.planned_date if viewer is not Viewer.PUBLIC else None,
        uiterste_leverdatum=due_date(product),
        gepubliceerde_versie=version_read(product.id, product.published_version),
        conceptversie=version_read(product.id, product.draft_version)
        if editor or sees_draft
        else None,
        actualiteit_controleren=product.needs_review if viewer is not Viewer.PUBLIC else None,
        actualiteit_reden=product.needs_review_reason if editor else None,
        eigenaar=CodeName(code=str(product.owner.id), naam=product.owner.name)
        if editor and product.owner
        else None,
        gewijzigd_op=product.updated_at,
        fragment=fragment,
        _links=SelfLinks(self=Link(href=api_path("producten", product.id))),
    )


def review_read(review: Review, product: Product) -> ReviewRead:
    version = next((v for v in product.versions if v.id == review.version_id), None)
    return ReviewRead(
        id=review.id,
        product_id=product.id,
        product_titel=product.title,
        versie=version.number if version else 0,
        toetser=CodeName(code=str(review.reviewer.id), naam=review.reviewer.name),
        uitgenodigd_op=review.invited_at,
        oordeel=review.verdict,
        opmerkingen=review.comments,
        beantwoord_op=review.responded_at,
    )
