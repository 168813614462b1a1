"""What the `create-admin` and `create-client` commands do, through the same rules as the API."""

from sqlalchemy.orm import Session

from api.accounts import clients
from api.accounts.models import User, UserRole
from api.accounts.passwords import hash_password, password_problems
from api.accounts.repository import user_by_email
from api.accounts.sessions import normalise_email
from api.audit.service import record
from api.core.errors import InvalidInputError
from api.core.security import ANONYMOUS, ClientKind, Role, Scope


def create_admin(session: Session, *, email: str, name: str, password: str) -> list[str]:
    email = normalise_email(email)
    problems = password_problems(password, email=email, name=name)
    if user_by_email(session, email) is not None:
        problems.append(f"Er is al een gebruiker met e-mailadres {email}.")
    if problems:
        return problems
    user = User(
        email=email,
        name=name.strip(),
        password_hash=hash_password(password),
        role_rows=[UserRole(role=Role.ADMIN)],
    )
    session.add(user)
    session.flush()
    record(
        session,
        None,
        "gebruiker.aangemaakt",
        actor="system",
        subject=f"user:{user.id}",
        details={"rollen": ["beheerder"], "via": "cli"},
    )
    return []


def create_client(
    session: Session,
    *,
    name: str,
    kind: str,
    scopes: list[str],
    municipalities: list[str],
    organisation: str | None,
) -> tuple[str, str]:
    unknown = [s for s in scopes if s not in Scope._value2member_map_]
    if kind not in ClientKind._value2member_map_ or unknown:
        raise InvalidInputError(
            "Onbekende soort of scope.",
            [
                {
                    "name": "kind/scope",
                    "in": "cli",
                    "code": "unknown_value",
                    "reason": f"soort {kind!r}, scopes {unknown}",
                }
            ],
        )
    spec = clients.ClientSpec(
        name=name,
        kind=ClientKind(kind),
        scopes=[Scope(s) for s in scopes],
        municipalities=municipalities,
        organisation=organisation,
    )
    client, secret = clients.create_client(session, ANONYMOUS, None, spec, via_cli=True)
    return client.client_id, secret
