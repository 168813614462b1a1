"""The key that signs access tokens: from the settings, or generated once and kept in the
database so that every worker on every machine signs and verifies with the same key."""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.accounts.models import SigningKeyRow
from api.core.settings import Settings
from api.core.tokens import SigningKey, generate_signing_key, signing_key_from_pem

# Keys never change once made, so keeping them per process cannot make workers disagree.
_known: dict[str, SigningKey] = {}
CONFIGURED_KID = "configured"


def signing_key(session: Session, settings: Settings) -> SigningKey:
    if settings.jwt_private_key is not None:
        return _configured(settings)
    row = session.scalars(select(SigningKeyRow).order_by(SigningKeyRow.created_at).limit(1)).first()
    if row is None:
        fresh = generate_signing_key()
        try:
            with session.begin_nested():
                session.add(SigningKeyRow(kid=fresh.kid, private_pem=fresh.private_pem))
        except IntegrityError:  # pragma: no cover - another worker won the race
            return signing_key(session, settings)
        _known[fresh.kid] = fresh
        return fresh
    return _remember(row)


def key_by_id(session: Session, settings: Settings, kid: str) -> SigningKey | None:
    if settings.jwt_private_key is not None:
        return _configured(settings) if kid == CONFIGURED_KID else None
    if kid in _known:
        return _known[kid]
    row = session.get(SigningKeyRow, kid)
    return _remember(row) if row else None


def _remember(row: SigningKeyRow) -> SigningKey:
    if row.kid not in _known:
        _known[row.kid] = signing_key_from_pem(row.private_pem, row.kid)
    return _known[row.kid]


def _configured(settings: Settings) -> SigningKey:
    assert settings.jwt_private_key is not None  # noqa: S101 - checked by the callers
    pem = settings.jwt_private_key.get_secret_value()
    cached = _known.get(CONFIGURED_KID)
    if cached is None or cached.private_pem != pem:
        cached = signing_key_from_pem(pem, CONFIGURED_KID)
        _known[CONFIGURED_KID] = cached
    return cached
