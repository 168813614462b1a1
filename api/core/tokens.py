"""Signed access tokens (JWT, RS256). The only module that touches the JWT library, so it can be
replaced in one place. Decoding always names the one accepted algorithm: a token signed with
another algorithm (none, HS256 with the public key as secret, ...) is rejected."""

import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import JWTError, jwt

ALGORITHM = "RS256"


class InvalidTokenError(Exception):
    """The token is malformed, forged, expired, or meant for someone else."""


@dataclass(frozen=True)
class SigningKey:
    kid: str
    private_pem: str
    public_pem: str


def generate_signing_key() -> SigningKey:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return signing_key_from_pem(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode(),
        kid=uuid.uuid4().hex[:16],
    )


def signing_key_from_pem(private_pem: str, kid: str) -> SigningKey:
    private = serialization.load_pem_private_key(private_pem.encode(), password=None)
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return SigningKey(kid=kid, private_pem=private_pem, public_pem=public_pem.decode())


def issue(
    key: SigningKey,
    *,
    subject: str,
    issuer: str,
    audience: str,
    lifetime: timedelta,
    claims: dict[str, Any],
    now: datetime | None = None,
) -> tuple[str, datetime]:
    issued = now or datetime.now(UTC)
    expires = issued + lifetime
    payload = {
        **claims,
        "sub": subject,
        "iss": issuer,
        "aud": audience,
        "iat": int(issued.timestamp()),
        "nbf": int(issued.timestamp()),
        "exp": int(expires.timestamp()),
        "jti": secrets.token_urlsafe(12),
    }
    token = jwt.encode(payload, key.private_pem, algorithm=ALGORITHM, headers={"kid": key.kid})
    return token, expires


def key_id_of(token: str) -> str:
    """The `kid` header, read before verification to pick the key to verify with."""
    try:
        kid = jwt.get_unverified_header(token).get("kid")
    except JWTError as exc:
        raise InvalidTokenError(str(exc)) from exc
    if not isinstance(kid, str) or not kid:
        raise InvalidTokenError("no key id")
    return kid


def verify(token: str, key: SigningKey, *, issuer: str, audience: str) -> dict[str, Any]:
    try:
        header = jwt.get_unverified_header(token)
        if header.get("alg") != ALGORITHM:
            raise InvalidTokenError("unexpected algorithm")
        claims: dict[str, Any] = jwt.decode(
            token,
            key.public_pem,
            algorithms=[ALGORITHM],
            audience=audience,
            issuer=issuer,
            options={"require_exp": True, "require_sub": True, "require_iat": True},
        )
    except JWTError as exc:
        raise InvalidTokenError(str(exc)) from exc
    return claims
