"""People, their sessions and one-time links, machine clients and their secrets, the signing
key, and login throttling. Secrets and tokens are stored only as hashes."""

from datetime import datetime

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.core.orm import Base, UTCDateTime, enum_column, utcnow
from api.core.security import ClientKind, Role
from api.municipalities.models import Municipality
from api.organisations.models import Organisation

user_municipalities = Table(
    "user_municipalities",
    Base.metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("municipality_code", ForeignKey("municipalities.code"), primary_key=True),
)

client_municipalities = Table(
    "client_municipalities",
    Base.metadata,
    Column("client_pk", ForeignKey("machine_clients.id", ondelete="CASCADE"), primary_key=True),
    Column("municipality_code", ForeignKey("municipalities.code"), primary_key=True),
)


class UserRole(Base):
    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"), primary_key=True)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation_code: Mapped[str | None] = mapped_column(ForeignKey("organisations.code"))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(default=True)
    is_demo: Mapped[bool] = mapped_column(default=False)
    is_peer_contact: Mapped[bool] = mapped_column(default=False, server_default=false())
    """She agreed to be named, with her e-mail address, to similar municipalities that have yet
    to implement a measure hers did (docs/peers.md); only she can change it."""
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enabled: Mapped[bool] = mapped_column(default=False)
    totp_last_step: Mapped[int | None] = mapped_column(Integer)
    """The last time step accepted, so a code cannot be used twice."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    role_rows: Mapped[list[UserRole]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by=UserRole.role
    )
    municipalities: Mapped[list[Municipality]] = relationship(
        secondary=user_municipalities, lazy="raise", order_by=Municipality.name
    )
    organisation: Mapped[Organisation | None] = relationship(lazy="raise")

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(row.role for row in self.role_rows)


class UserSession(Base):
    """One login: every refresh token of it shares this id (the token family)."""

    __tablename__ = "user_sessions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_reason: Mapped[str | None] = mapped_column(String(40))


class RefreshToken(Base):
    __tablename__ = "refresh_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("user_sessions.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ActionToken(Base):
    """A single-use, expiring link: an invitation or a password reset."""

    __tablename__ = "action_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class MachineClient(Base):
    __tablename__ = "machine_clients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ClientKind] = mapped_column(enum_column(ClientKind, "client_kind"))
    organisation_code: Mapped[str | None] = mapped_column(ForeignKey("organisations.code"))
    scopes: Mapped[list[str]] = mapped_column(JSON)
    is_active: Mapped[bool] = mapped_column(default=True)
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    municipalities: Mapped[list[Municipality]] = relationship(
        secondary=client_municipalities, lazy="raise", order_by=Municipality.code
    )
    secrets: Mapped[list["ClientSecret"]] = relationship(
        lazy="raise", order_by="ClientSecret.id", cascade="all, delete-orphan"
    )


class ClientSecret(Base):
    __tablename__ = "client_secrets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_pk: Mapped[int] = mapped_column(
        ForeignKey("machine_clients.id", ondelete="CASCADE"), index=True
    )
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hint: Mapped[str] = mapped_column(String(8))
    """The last characters of the secret, so people can tell secrets apart."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SigningKeyRow(Base):
    """The token-signing key when none is configured: shared by every worker via the database."""

    __tablename__ = "signing_keys"

    kid: Mapped[str] = mapped_column(String(32), primary_key=True)
    private_pem: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LoginThrottle(Base):
    """Failed attempts per account or per address, with the moment the next try is allowed."""

    __tablename__ = "login_throttles"
    __table_args__ = (UniqueConstraint("key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(100))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    blocked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    pending: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """Attempts reserved and still being verified; they count against the limit."""
    pending_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """After this the pending attempts are taken to have died with their worker."""
