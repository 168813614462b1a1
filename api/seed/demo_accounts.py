"""Demo accounts for every role and demo machine clients, with fixed, clearly marked credentials
so that people trying Spoorboek can log in at once. The `demo` command refuses to load
them in production."""

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.accounts.models import ClientSecret, MachineClient, User, UserRole
from api.accounts.passwords import hash_password
from api.accounts.secrets import hash_token
from api.core.security import ClientKind, Role, Scope
from api.municipalities.models import Municipality

DEMO_PASSWORD = "Demo-Spoorboek-2026"  # noqa: S105 - printed on purpose; demo data only


@dataclass(frozen=True)
class DemoUser:
    email: str
    name: str
    roles: tuple[Role, ...]
    municipalities: tuple[str, ...] = ()
    organisation: str | None = None


@dataclass(frozen=True)
class DemoClient:
    client_id: str
    secret: str
    name: str
    kind: ClientKind
    scopes: tuple[Scope, ...]
    municipalities: tuple[str, ...] = ()
    organisation: str | None = None


DEMO_USERS = (
    DemoUser(
        "beheerder@demo.spoorboek.example", "Bea Beheer (demo)", (Role.ADMIN,), organisation="vng"
    ),
    DemoUser(
        "redacteur@demo.spoorboek.example",
        "Ruud Redactie (demo)",
        (Role.EDITOR,),
        organisation="vng",
    ),
    DemoUser(
        "utrecht@demo.spoorboek.example",
        "Ulla Utrecht (demo)",
        (Role.MUNICIPAL_CONTACT,),
        ("GM0344",),
    ),
    DemoUser(
        "bollenstreek@demo.spoorboek.example",
        "Bas Bollenstreek (demo)",
        (Role.MUNICIPAL_CONTACT,),
        ("GM0534", "GM0553", "GM0575", "GM1525"),
        "demo-isd-bollenstreek",
    ),
    DemoUser(
        "expert.stimulansz@demo.spoorboek.example",
        "Sanne Stimulansz (demo)",
        (Role.EXPERT,),
        organisation="stimulansz",
    ),
    DemoUser(
        "expert.divosa@demo.spoorboek.example",
        "Dirk Divosa (demo)",
        (Role.EXPERT,),
        organisation="divosa",
    ),
)

DEMO_CLIENTS = (
    DemoClient(
        "sbc_demo_partner_divosa",
        "sbs_demo_partner_geheim_alleen_voor_demo",
        "Divosa kennisbank (demo)",
        ClientKind.PARTNER,
        (Scope.PRODUCTS_READ,),
        organisation="divosa",
    ),
    DemoClient(
        "sbc_demo_script_utrecht",
        "sbs_demo_script_geheim_alleen_voor_demo",
        "Voortgangsscript Utrecht (demo)",
        ClientKind.SCRIPT,
        (Scope.PROGRESS_READ, Scope.PROGRESS_WRITE),
        municipalities=("GM0344",),
    ),
)


def load_demo_users(session: Session, on_row: Callable[[], None]) -> tuple[int, int]:
    created = existing = 0
    known = set(session.scalars(select(User.email)))
    password_hash = hash_password(DEMO_PASSWORD)
    for demo in DEMO_USERS:
        if demo.email in known:
            existing += 1
        else:
            session.add(
                User(
                    email=demo.email,
                    name=demo.name,
                    organisation_code=demo.organisation,
                    password_hash=password_hash,
                    is_demo=True,
                    role_rows=[UserRole(role=role) for role in demo.roles],
                    municipalities=[session.get_one(Municipality, c) for c in demo.municipalities],
                )
            )
            created += 1
        on_row()
    session.flush()
    return created, existing


def demo_client_row(session: Session, demo: DemoClient) -> MachineClient:
    """The machine client of a demo client, with its secret, ready to add."""
    return MachineClient(
        client_id=demo.client_id,
        name=demo.name,
        kind=demo.kind,
        organisation_code=demo.organisation,
        scopes=sorted(s.value for s in demo.scopes),
        is_demo=True,
        municipalities=[session.get_one(Municipality, c) for c in demo.municipalities],
        secrets=[ClientSecret(secret_hash=hash_token(demo.secret), hint=demo.secret[-4:])],
    )


def load_demo_clients(session: Session, on_row: Callable[[], None]) -> tuple[int, int]:
    created = existing = 0
    known = set(session.scalars(select(MachineClient.client_id)))
    for demo in DEMO_CLIENTS:
        if demo.client_id in known:
            existing += 1
        else:
            session.add(demo_client_row(session, demo))
            created += 1
        on_row()
    session.flush()
    return created, existing
