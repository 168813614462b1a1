"""Contacts for peers (collegiaal contact): whether a municipal contact agrees to be named, with
her name and e-mail address, to similar municipalities that have yet to implement a measure her
municipality already did (docs/peers.md). Nobody is named until she agrees herself; only she
can change it, under "mijn account"."""

from collections.abc import Collection

from sqlalchemy.orm import Session

from api.accounts import users
from api.accounts.models import User
from api.accounts.principal import require_person
from api.audit import service as audit
from api.core.errors import ForbiddenError
from api.core.requests import RequestContext
from api.core.security import Principal, Role


def _require_contact(principal: Principal) -> None:
    """A person speaking for at least one municipality: the public 401, anyone else 403."""
    require_person(principal)
    if Role.MUNICIPAL_CONTACT not in principal.roles or not principal.municipalities:
        raise ForbiddenError(
            "Collegiaal contact is voor contactpersonen van een gemeente of samenwerkingsverband."
        )


def mine(session: Session, principal: Principal) -> bool:
    _require_contact(principal)
    return users.my_account(session, principal).is_peer_contact


def choose(session: Session, principal: Principal, ctx: RequestContext, agreed: bool) -> bool:
    """Her choice; choosing what she has changes nothing and records nothing."""
    _require_contact(principal)
    user = users.my_account(session, principal)
    if user.is_peer_contact is not agreed:
        audit.record(
            session,
            ctx,
            "collegiaal-contact.gekozen",
            actor=principal.subject,
            subject=principal.subject,
            details={"akkoord": {"van": user.is_peer_contact, "naar": agreed}},
        )
        user.is_peer_contact = agreed
        session.flush()
    return agreed


def agreed_only(people: Collection[User]) -> list[User]:
    """The people of a list who agreed to be named to peers, and no one else: the one filter
    every answer that names contacts to other municipalities goes through."""
    return [person for person in people if person.is_peer_contact and person.is_active]
