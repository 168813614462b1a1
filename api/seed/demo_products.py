"""A realistic demo catalogue: several products per measure, in every state of the lifecycle,
with published versions, files, reviews and history. Deterministic: a fixed random seed."""

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User
from api.core import clock
from api.core.settings import Settings
from api.core.storage import storage_for
from api.measures.models import Measure
from api.organisations.models import Organisation
from api.products import search
from api.products.feed import record_change
from api.products.models import (
    Audience,
    Product,
    ProductAudience,
    ProductFile,
    ProductStatus,
    ProductType,
    ProductVersion,
    Review,
    Verdict,
)

TYPE_TITLES = {
    ProductType.IMPACT_ANALYSIS: "Impactanalyse {title}",
    ProductType.GUIDE: "Handreiking {title}",
    ProductType.QA: "Vragen en antwoorden: {title}",
    ProductType.FACTSHEET: "Factsheet {title}",
    ProductType.ROADMAP: "Routekaart {title}",
    ProductType.MODEL_ORDINANCE: "Modelverordening {title}",
    ProductType.INFORMATION: "Uitleg voor inwoners: {title}",
    ProductType.PRESENTATION: "Presentatie {title}",
    ProductType.TEMPLATE: "Format werkinstructie {title}",
}
AUDIENCES = {
    ProductType.INFORMATION: [Audience.RESIDENTS],
    ProductType.IMPACT_ANALYSIS: [Audience.POLICY_OFFICER, Audience.MANAGEMENT],
    ProductType.TEMPLATE: [Audience.CLIENT_MANAGER],
    ProductType.MODEL_ORDINANCE: [Audience.POLICY_OFFICER],
}
PUBLISHERS = ["vng", "divosa", "stimulansz", "szw"]


def _pdf(text: str) -> bytes:
    """A small, valid one-page PDF, so demo downloads open in a viewer."""
    stream = f"BT /F1 14 Tf 60 780 Td ({text[:80]}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def _state_for(rng: random.Random, wave: int) -> ProductStatus:
    weights = {
        1: [
            (ProductStatus.PUBLISHED, 8),
            (ProductStatus.IN_REVIEW, 1),
            (ProductStatus.WITHDRAWN, 1),
        ],
        2: [
            (ProductStatus.PUBLISHED, 4),
            (ProductStatus.IN_REVIEW, 2),
            (ProductStatus.IN_DEVELOPMENT, 2),
        ],
        3: [
            (ProductStatus.PLANNED, 3),
            (ProductStatus.IN_DEVELOPMENT, 3),
            (ProductStatus.IN_REVIEW, 2),
            (ProductStatus.PUBLISHED, 2),
        ],
    }[wave]
    return rng.choices([s for s, _ in weights], [w for _, w in weights])[0]


def load_demo_products(
    session: Session, settings: Settings, on_row: Callable[[], None]
) -> tuple[int, int]:
    if session.scalar(select(Product.id).where(Product.is_demo.is_(True)).limit(1)) is not None:
        return 0, 1
    rng = random.Random(2026)
    storage = storage_for(settings)
    editor = session.scalars(
        select(User).where(User.email == "redacteur@demo.spoorboek.example")
    ).first()
    tester = session.scalars(
        select(User).where(User.email == "utrecht@demo.spoorboek.example")
    ).first()
    actor = f"user:{editor.id}" if editor else "system"
    organisations = {o.code: o for o in session.scalars(select(Organisation))}
    measures = list(
        session.scalars(select(Measure).options(selectinload(Measure.wave)).order_by(Measure.code))
    )
    created = 0
    for measure in measures:
        types = rng.sample(list(TYPE_TITLES), k=rng.randint(2, 4))
        for product_type in types:
            status = _state_for(rng, measure.wave_number)
            product = Product(
                type=product_type,
                title=TYPE_TITLES[product_type].format(title=measure.title),
                summary=f"{product_type.value.capitalize()} bij de maatregel {measure.title}. "
                + measure.summary,
                language_level="B1" if product_type is ProductType.INFORMATION else None,
                planned_date=measure.wave.products_due - timedelta(days=rng.randint(0, 60)),
                owner_id=editor.id if editor else None,
                is_demo=True,
                measures=[measure],
                publishers=[organisations[c] for c in rng.sample(PUBLISHERS, k=rng.randint(1, 2))],
                audience_rows=[
                    ProductAudience(audience=a)
                    for a in AUDIENCES.get(
                        product_type, [Audience.POLICY_OFFICER, Audience.CLIENT_MANAGER]
                    )
                ],
                versions=[],
            )
            session.add(product)
            session.flush()
            record_change(session, product, "aangemaakt", actor, {"titel": product.title})
            _advance(session, storage, product, status, actor, tester, rng)
            session.flush()
            search.index_product(session, product)
            created += 1
            on_row()
    return created, 0


def _advance(
    session: Session,
    storage: object,
    product: Product,
    target: ProductStatus,
    actor: str,
    tester: User | None,
    rng: random.Random,
) -> None:
    if target is ProductStatus.PLANNED:
        return
    version = ProductVersion(number=1, change_note="Eerste versie")
    product.versions.append(version)
    data = _pdf(product.title)
    key = storage.put(data)  # type: ignore[attr-defined]
    version.files.append(
        ProductFile(
            name=f"{product.type.value}-{product.id}.pdf",
            media_type="application/pdf",
            size=len(data),
            sha256=key,
        )
    )
    product.status = ProductStatus.IN_DEVELOPMENT
    session.flush()
    record_change(
        session,
        product,
        "status:in-ontwikkeling",
        actor,
        {"van": "gepland", "naar": "in-ontwikkeling"},
    )
    if target is ProductStatus.IN_DEVELOPMENT:
        return
    product.status = ProductStatus.IN_REVIEW
    record_change(
        session,
        product,
        "status:in-toetsing",
        actor,
        {"van": "in-ontwikkeling", "naar": "in-toetsing"},
    )
    if tester is not None:
        approved = (
            target in (ProductStatus.PUBLISHED, ProductStatus.WITHDRAWN) or rng.random() < 0.3
        )
        session.add(
            Review(
                product_id=product.id,
                version_id=version.id,
                reviewer_id=tester.id,
                verdict=Verdict.APPROVED if approved else None,
                comments="Helder en bruikbaar voor onze klantmanagers." if approved else None,
                responded_at=datetime.now(UTC) if approved else None,
            )
        )
    if target is ProductStatus.IN_REVIEW:
        return
    # Published on its planned date, but never in the future of the day the demo is loaded.
    today = clock.today()
    moment = min(product.planned_date or today, today - timedelta(days=1))
    version.published_at = datetime.combine(moment, datetime.min.time(), tzinfo=UTC)
    product.status = ProductStatus.PUBLISHED
    record_change(
        session,
        product,
        "status:gepubliceerd",
        actor,
        {"van": "in-toetsing", "naar": "gepubliceerd"},
    )
    if target is ProductStatus.WITHDRAWN:
        product.status = ProductStatus.WITHDRAWN
        record_change(
            session,
            product,
            "status:ingetrokken",
            actor,
            {
                "van": "gepubliceerd",
                "naar": "ingetrokken",
                "toelichting": "Vervangen door de handreiking.",
            },
            was_public=True,
        )
