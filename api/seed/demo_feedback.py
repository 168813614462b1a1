"""Demo feedback on the demo products: a year of "Was dit nuttig?" votes on every published
version, one version that too few found useful (so the review flag shows), and improvement
proposals in every state with invented texts.

One published product gets the life a proposal gives it: version 2 published with two
proposals on version 1 (verwerkt), and version 3 in the works with two more (overgenomen).

Deterministic: a fixed random seed, dates relative to the day the demo is loaded, voters keyed
by a hash of the vote's place (no person behind them). Made once: a second `spoorboek demo`
finds them made."""

import hashlib
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User
from api.core import clock
from api.core.settings import Settings
from api.products import feedback
from api.products.feed import record_change
from api.products.models import Product, ProductFile, ProductStatus, ProductVersion
from api.proposals.models import Proposal, ProposalEvent, ProposalStatus
from api.satisfaction.models import ProductVote
from api.satisfaction.votes import review_reason

P = ProposalStatus
YEAR = timedelta(days=365)

NEW = [
    (
        "Het rekenvoorbeeld gaat uit van een alleenstaande; voeg er een toe voor een gezin met "
        "twee kinderen.",
        "utrecht@demo.spoorboek.example",
        None,
    ),
    (
        "De termijnen in de tabel op pagina 4 lopen niet gelijk met die in de toelichting.",
        None,
        ("Noor Willems (demo)", "noor.willems@demo.spoorboek.example"),
    ),
    (
        "Graag een versie in eenvoudige taal voor de balie; klanten vragen hier veel naar.",
        "bollenstreek@demo.spoorboek.example",
        None,
    ),
]
REJECTED = [
    (
        "Maak er ook een Engelse versie van voor statushouders.",
        "Vertalingen maakt het programma niet; de VNG biedt die op termijn aan.",
        "utrecht@demo.spoorboek.example",
    ),
    (
        "Neem de lokale beleidsregels van onze gemeente als voorbeeld op.",
        "Het product blijft algemeen; lokale regels horen in de eigen beleidsregels.",
        None,
    ),
]
ADOPTED = [
    "Leg uit hoe de vrijlating samengaat met de kostendelersnorm; dat ontbreekt nu.",
    "Voeg een stroomschema toe voor de klantmanager: welke vraag stel ik wanneer?",
]
PROCESSED = [
    "In hoofdstuk 2 staat nog de oude grens van het bufferbudget.",
    "Zet de veelgestelde vragen van gemeenten achterin, met een verwijzing vanuit de tekst.",
]


def _key(*parts: object) -> str:
    return hashlib.sha256(":".join(str(p) for p in ("demo-stem", *parts)).encode()).hexdigest()


def _moment(rng: random.Random, start: datetime, end: datetime) -> datetime:
    span = max((end - start).total_seconds(), 3600.0)
    return start + timedelta(seconds=rng.uniform(0, span))


def _votes(
    rng: random.Random,
    product: Product,
    version: ProductVersion,
    end: datetime,
    count: int,
    share: float,
) -> list[ProductVote]:
    assert version.published_at is not None  # noqa: S101 - only published versions get votes
    start = max(version.published_at, end - YEAR)
    return [
        ProductVote(
            product_id=product.id,
            version_id=version.id,
            voter_key=_key(version.id, i),
            useful=rng.random() < share,
            voted_at=_moment(rng, start, end),
            is_demo=True,
        )
        for i in range(count)
    ]


def _grow(
    session: Session, product: Product, actor: str, now: datetime
) -> tuple[ProductVersion, ProductVersion, ProductVersion]:
    """Version 2 published forty days ago, version 3 in development, as the product's own
    lifecycle would have made them."""
    first = product.versions[0]
    files = [
        ProductFile(name=f.name, media_type=f.media_type, size=f.size, sha256=f.sha256)
        for f in first.files
    ]
    second = ProductVersion(
        number=2,
        change_note="Verbetervoorstellen van gemeenten verwerkt.",
        published_at=now - timedelta(days=40),
        created_at=now - timedelta(days=70),
        files=files,
    )
    third = ProductVersion(
        number=3, change_note="Verbetervoorstellen verwerken.", created_at=now - timedelta(days=5)
    )
    product.versions.extend([second, third])
    product.status = ProductStatus.IN_DEVELOPMENT
    session.flush()
    record_change(session, product, "status:gepubliceerd", actor, {"versie": 2})
    record_change(
        session,
        product,
        "status:in-ontwikkeling",
        actor,
        {"van": "gepubliceerd", "naar": "in-ontwikkeling", "wijzigingsnotitie": third.change_note},
    )
    return first, second, third


def _proposal(
    session: Session,
    product: Product,
    about: ProductVersion,
    text: str,
    received: datetime,
    steps: list[tuple[ProposalStatus, datetime, str | None]],
    *,
    proposer: User | None = None,
    visitor: tuple[str, str] | None = None,
    decider: User | None = None,
    into: ProductVersion | None = None,
) -> Proposal:
    status = steps[-1][0] if steps else P.NEW
    proposal = Proposal(
        product_id=product.id,
        version_id=about.id,
        text=text,
        status=status,
        proposer_user_id=proposer.id if proposer else None,
        proposer_name=visitor[0] if visitor else None,
        proposer_email=visitor[1] if visitor else None,
        municipality_code=(
            proposer.municipalities[0].code
            if proposer and len(proposer.municipalities) == 1
            else None
        ),
        adopted_into_version_id=into.id if into else None,
        reason=next((t for s, _, t in steps if s is P.REJECTED), None),
        decided_by=decider.id if decider and steps else None,
        decided_at=steps[0][1] if steps else None,
        processed_at=next((at for s, at, _ in steps if s is P.PROCESSED), None),
        created_at=received,
        updated_at=steps[-1][1] if steps else received,
        is_demo=True,
        version=1 + len(steps),
    )
    session.add(proposal)
    session.flush()
    history: list[
        tuple[ProposalStatus | None, ProposalStatus, datetime, int | None, str | None]
    ] = [(None, P.NEW, received, proposer.id if proposer else None, None)]
    before = P.NEW
    for to, at, note in steps:
        history.append((before, to, at, decider.id if decider else None, note))
        before = to
    session.add_all(
        ProposalEvent(
            proposal_id=proposal.id, at=at, actor_id=actor, from_status=frm, to_status=to, text=t
        )
        for frm, to, at, actor, t in history
    )
    return proposal


def load_demo_feedback(
    session: Session, settings: Settings, on_row: Callable[[], None]
) -> tuple[int, int]:
    made = session.scalar(select(ProductVote.id).where(ProductVote.is_demo.is_(True)).limit(1))
    if made is not None:
        return 0, 1
    rng = random.Random(1616)
    now = datetime.combine(clock.today(), datetime.min.time(), tzinfo=UTC)
    people = {
        u.email: u for u in session.scalars(select(User).options(selectinload(User.municipalities)))
    }
    editor = people.get("redacteur@demo.spoorboek.example")
    actor = f"user:{editor.id}" if editor else "system"
    published = [
        p
        for p in session.scalars(
            select(Product)
            .where(Product.is_demo.is_(True), Product.status == ProductStatus.PUBLISHED)
            .options(selectinload(Product.versions).selectinload(ProductVersion.files))
            .order_by(Product.id)
        )
    ]
    if len(published) < 7:
        return 0, 0
    # The last ones by number: the first published products are the ones other demos show.
    grown, low, others = published[-1], published[-2], published[:-2]
    first, second, third = _grow(session, grown, actor, now)

    votes = _votes(rng, grown, first, second.published_at or now, 18, 0.7)
    votes += _votes(rng, grown, second, now, 22, 0.9)
    # Too few found this one useful: the editors see the review flag.
    low_votes = _votes(rng, low, low.versions[0], now, 14, 0.0)
    for vote in low_votes[:4]:
        vote.useful = True
    votes += low_votes
    for product in others:
        version = product.versions[-1]
        votes += _votes(rng, product, version, now, rng.randint(6, 30), rng.uniform(0.65, 0.95))
    session.add_all(votes)
    session.flush()
    feedback.flag_for_review(session, low.id, review_reason(settings, 1, 4, 10), "system")

    day = timedelta(days=1)
    for text, (when, done) in zip(PROCESSED, [(120, 80), (100, 75)], strict=True):
        _proposal(
            session,
            grown,
            first,
            text,
            now - when * day,
            [
                (P.ADOPTED, now - done * day, "Komt in versie 2."),
                (P.PROCESSED, second.published_at or now, "Gepubliceerd in versie 2."),
            ],
            proposer=people.get("utrecht@demo.spoorboek.example"),
            decider=editor,
            into=second,
        )
    for text, when in zip(ADOPTED, [30, 12], strict=True):
        _proposal(
            session,
            grown,
            second,
            text,
            now - when * day,
            [(P.ADOPTED, now - (when - 3) * day, "Komt in versie 3.")],
            proposer=people.get("bollenstreek@demo.spoorboek.example"),
            decider=editor,
            into=third,
        )
    for i, (text, reason, email) in enumerate(REJECTED):
        product = others[i]
        _proposal(
            session,
            product,
            product.versions[-1],
            text,
            now - (60 - 20 * i) * day,
            [(P.REJECTED, now - (50 - 20 * i) * day, reason)],
            proposer=people.get(email) if email else None,
            visitor=None
            if email
            else ("Jeroen Bakker (demo)", "jeroen.bakker@demo.spoorboek.example"),
            decider=editor,
        )
    for i, (text, email, visitor) in enumerate(NEW):
        product = others[2 + i]
        _proposal(
            session,
            product,
            product.versions[-1],
            text,
            now - (9 - 3 * i) * day,
            [],
            proposer=people.get(email) if email else None,
            visitor=visitor,
        )
    session.flush()
    for _ in votes:
        on_row()
    return len(votes), 0
