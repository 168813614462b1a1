"""A meeting's materials: its presentation and its recording, published as products (kind
presentatie or opname), each linked once, and mailed to everyone holding a place once the
meeting has started (a cancelled meeting takes none).

Sending mails only what was not sent before (`sent_at`), so sending twice mails nothing the
second time. A product not yet public (unpublished or withdrawn) waits: its link would lead
nowhere, so it goes out with a later sending, once published."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.core import clock
from api.core.errors import ConflictError, NotFoundError
from api.core.security import Principal
from api.core.settings import Settings
from api.core.validation import InvalidParams
from api.mail import service as mail
from api.meetings import history, mails, policy, session_access
from api.meetings import repository_slots as repository
from api.meetings.models import Material, Meeting, MeetingStatus, RegistrationStatus
from api.products import catalogue
from api.products.feed import is_public
from api.products.models import Product, ProductType

KINDS = (ProductType.PRESENTATION, ProductType.RECORDING)
ACTION = "Materialen beheren"


@dataclass(frozen=True)
class Item:
    material: Material
    product: Product


def _refuse_cancelled(meeting: Meeting) -> None:
    if meeting.status is MeetingStatus.CANCELLED:
        raise ConflictError("Deze bijeenkomst is geannuleerd; er hoort geen materiaal bij.")


def listing(session: Session, principal: Principal, meeting_id: int) -> list[Item]:
    """Public: the team and the organiser see every material, anyone else the public ones."""
    meeting = session_access.meeting(session, meeting_id)
    manager = policy.may_manage(principal, meeting)
    found = [
        Item(m, catalogue.load_product(session, m.product_id))
        for m in repository.materials(session, meeting.id)
    ]
    return [i for i in found if manager or is_public(i.product)]


def add(session: Session, principal: Principal, meeting_id: int, product_id: int) -> Item:
    meeting = session_access.meeting(session, meeting_id, for_update=True)
    policy.require_manager(principal, meeting, ACTION)
    _refuse_cancelled(meeting)
    product = catalogue.load_product(session, product_id)
    if product.type not in KINDS:
        invalid = InvalidParams()
        invalid.add(
            "product",
            "not_allowed",
            f"Product {product_id} is een {product.type}; materiaal is een presentatie of opname.",
            "body",
        )
        invalid.raise_if_any()
    if repository.material(session, meeting.id, product.id) is not None:
        raise ConflictError(f"Product {product_id} hoort al bij deze bijeenkomst.")
    material = Material(
        meeting_id=meeting.id,
        product_id=product.id,
        added_by=principal.user_id,
        added_at=clock.now(),
    )
    session.add(material)
    history.record(
        session, meeting, "materiaal-toegevoegd", principal.subject, {"product": product.id}
    )
    session.flush()
    return Item(material, product)


def remove(session: Session, principal: Principal, meeting_id: int, product_id: int) -> None:
    meeting = session_access.meeting(session, meeting_id, for_update=True)
    policy.require_manager(principal, meeting, ACTION)
    material = repository.material(session, meeting.id, product_id)
    if material is None:
        raise NotFoundError(f"Product {product_id} is geen materiaal van deze bijeenkomst.")
    session.delete(material)
    history.record(
        session, meeting, "materiaal-verwijderd", principal.subject, {"product": product_id}
    )
    session.flush()


def _mail_body(settings: Settings, meeting: Meeting, name: str, products: list[Product]) -> str:
    base = settings.public_url.rstrip("/")
    lines = "\n".join(f"- {p.title}\n  {base}/producten/{p.id}" for p in products)
    return (
        f"Beste {name},\n\n"
        f"Hierbij het materiaal van '{meeting.title}' "
        f"({mails.dutch_moment(meeting.starts_at)} uur):\n\n{lines}\n\n"
        "U ontvangt dit bericht omdat u voor deze bijeenkomst bent aangemeld.\n"
    )


def send(session: Session, settings: Settings, principal: Principal, meeting_id: int) -> int:
    """Mails the public materials not sent before to everyone holding a place; the number of
    mails (0 when there was nothing new). Under the meeting's lock, so two clicks at once send
    once."""
    meeting = session_access.meeting(session, meeting_id, for_update=True)
    policy.require_manager(principal, meeting, ACTION)
    _refuse_cancelled(meeting)
    if not session_access.has_started(meeting):
        raise ConflictError(
            "Het materiaal kan pas worden verstuurd als de bijeenkomst is begonnen: tot dan "
            "staat nog niet vast wie er een plaats heeft."
        )
    unsent = [m for m in repository.materials(session, meeting.id) if m.sent_at is None]
    loaded = [Item(m, catalogue.load_product(session, m.product_id)) for m in unsent]
    waiting = [i for i in loaded if is_public(i.product)]
    recipients = repository.registrations(session, meeting.id, RegistrationStatus.REGISTERED)
    if not waiting or not recipients:
        # Nobody to tell yet: the materials wait for a sending that reaches someone.
        return 0
    products = [i.product for i in waiting]
    for place in recipients:
        mail.send(
            session,
            settings,
            to=place.email,
            subject=f"Materiaal van {meeting.title}",
            body=_mail_body(settings, meeting, place.name, products),
        )
    now = clock.now()
    for item in waiting:
        item.material.sent_at = now
    history.record(
        session,
        meeting,
        "materiaal-verstuurd",
        principal.subject,
        {"producten": [p.id for p in products], "ontvangers": len(recipients)},
    )
    session.flush()
    return len(recipients)
