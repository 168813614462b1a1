"""Who is asking: the principal every service receives, with its roles, scopes and bindings.

Authentication (turning a cookie or bearer token into a Principal) lives in api/accounts;
authorisation decisions live in each domain's service. This module only names the vocabulary."""

import enum
from dataclasses import dataclass, field
from typing import Literal


class Role(enum.StrEnum):
    MUNICIPAL_CONTACT = "gemeente"
    EDITOR = "redacteur"
    ADMIN = "beheerder"
    EXPERT = "expert"
    """A person of a partner organisation who answers the questions put to it."""


class Scope(enum.StrEnum):
    """What a machine client may do; people get their rights from their roles."""

    PRODUCTS_READ = "producten:lezen"
    PRODUCTS_WRITE = "producten:schrijven"
    PROGRESS_READ = "voortgang:lezen"
    PROGRESS_WRITE = "voortgang:schrijven"
    READINESS_WRITE = "gereedheid:schrijven"
    """A software supplier reports its own applications' readiness per measure."""


class ClientKind(enum.StrEnum):
    PARTNER = "partner"
    SCRIPT = "script"
    SUPPLIER = "leverancier"
    """A software supplier's system, bound to its organisation (of kind leverancier)."""


PrincipalKind = Literal["anonymous", "user", "client"]


@dataclass(frozen=True)
class Principal:
    kind: PrincipalKind
    user_id: int | None = None
    client_id: str | None = None
    client_kind: ClientKind | None = None
    roles: frozenset[Role] = field(default_factory=frozenset)
    scopes: frozenset[Scope] = field(default_factory=frozenset)
    municipalities: frozenset[str] = field(default_factory=frozenset)
    organisation_code: str | None = None
    session_id: str | None = None
    secret_id: int | None = None
    second_factor_missing: bool = False
    """A person whose role demands a second factor they have not set up yet."""

    @property
    def is_authenticated(self) -> bool:
        return self.kind != "anonymous"

    @property
    def is_programme_team(self) -> bool:
        return bool(self.roles & {Role.EDITOR, Role.ADMIN})

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles

    def has_scope(self, scope: Scope) -> bool:
        return scope in self.scopes

    def may_act_for(self, municipality_code: str) -> bool:
        """Bound to this municipality (a municipal contact, or a script client)."""
        return municipality_code in self.municipalities

    @property
    def subject(self) -> str:
        if self.kind == "user":
            return f"user:{self.user_id}"
        if self.kind == "client":
            return f"client:{self.client_id}"
        return "anonymous"


ANONYMOUS = Principal(kind="anonymous")


def person_of(subject: str) -> int | None:
    """The user id in a `Principal.subject` ("user:12"), as histories record actors; clients and
    the system act under other subjects and are no person."""
    kind, _, number = subject.partition(":")
    return int(number) if kind == "user" and number.isdigit() else None


def require_programme_team(principal: Principal, action: str = "Dit") -> None:
    """Editors and admins only; the public gets 401, everyone else 403."""
    from api.core.errors import ForbiddenError, UnauthenticatedError

    if not principal.is_authenticated:
        raise UnauthenticatedError
    if not principal.is_programme_team:
        raise ForbiddenError(f"{action} mag alleen de redactie.")
